"""Where the project's own files are: schemas and theme ship beside the package."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = PROJECT_ROOT / "schemas"
THEME_DIR = PROJECT_ROOT / "theme"
TEMPLATE_DIR = Path(__file__).resolve().parent / "render" / "templates"

# In each built county site: its small public record, which the portal and the leak scan read.
MANIFEST = "gongshi.json"


def display_path(path: Path) -> str:
    """A path as a clerk sees it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
