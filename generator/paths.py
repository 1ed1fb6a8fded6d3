"""Where gongshi's own files are, found through the installed package (importlib.resources): the
schemas, the theme, the page templates, the base site configuration and the template of a new
repository. The top-level schemas/ and theme/ of this checkout are mapped into the package
(pyproject.toml), so a wheel carries them and a province's repository needs no copy of the tool."""

import os
from importlib.resources import files
from pathlib import Path

SCHEMA_DIR = Path(str(files("generator.schemas")))
THEME_DIR = Path(str(files("generator.theme")))
TEMPLATE_DIR = Path(str(files("generator.render") / "templates"))
BASE_CONFIG = Path(str(files("generator.render") / "mkdocs-base.yml"))   # what every site config builds on
REPOSITORY_TEMPLATE = Path(str(files("generator") / "repository_template"))   # what `gongshi init` writes

# In each built county site: its small public record, which the portal and the leak scan read.
MANIFEST = "gongshi.json"


def display_path(path: Path) -> str:
    """A path as a clerk sees it: relative to the working directory when possible, and as named
    (OUT, not the generation it links to)."""
    for there, here in ((Path(os.path.abspath(path)), Path(os.path.abspath(Path.cwd()))),
                        (Path(path).resolve(), Path.cwd().resolve())):
        try:
            return str(there.relative_to(here))
        except ValueError:
            continue
    return str(path)

