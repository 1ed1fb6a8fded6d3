"""The import contract of docs/architecture.md: the pipeline runs one way.

The contract itself is in pyproject.toml ([tool.importlinter]); these tests run it on the package
as it is, and on a copy with a planted back-edge, to show it can fail.
"""

from __future__ import annotations

import importlib
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import generator

PROJECT = Path(__file__).resolve().parents[2]
LINT = ["-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())",
        "--no-cache", "--no-logo"]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter on the `generator` package found in `root`, with the contract of the project."""
    return subprocess.run([sys.executable, *LINT], cwd=root, capture_output=True, text=True, timeout=120)


def test_the_package_keeps_the_import_contract():
    result = lint_imports(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken." in result.stdout


@pytest.mark.parametrize("module, planted, broken", [
    ("load/calendar_files.py", "from ..check.schema import check_schema", "generator.load is not allowed to import generator.check"),
    ("check/fines.py", "from ..public.view import public_view", "generator.check is not allowed to import generator.public"),
    ("schema.py", "from .load.yaml_file import load_yaml", "generator.schema is not allowed to import generator.load"),
    ("verify/leak_scan.py", "from ..render.portal import render_portal",
     "generator.verify is not allowed to import generator.render"),
])
def test_a_back_edge_breaks_the_contract(tmp_path, module, planted, broken):
    shutil.copytree(PROJECT / "generator", tmp_path / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    with open(tmp_path / "generator" / module, "a", encoding="utf-8") as f:
        f.write(f"\n{planted}  # planted back-edge\n")
    result = lint_imports(tmp_path)
    assert result.returncode == 1
    assert broken in result.stdout


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(generator.__path__, "generator.")
                  if m.name != "generator.__main__")


@pytest.mark.parametrize("name", _modules())
def test_every_module_imports_on_its_own(name):
    """As `python -c "import generator.load.calendar_files"` does in a fresh interpreter: an import
    cycle shows only when the module in it is the first one imported."""
    saved = {k: v for k, v in sys.modules.items() if k == "generator" or k.startswith("generator.")}
    for key in saved:
        del sys.modules[key]
    try:
        importlib.import_module(name)
    finally:
        for key in [k for k in sys.modules if k == "generator" or k.startswith("generator.")]:
            del sys.modules[key]
        sys.modules.update(saved)


def test_the_wheel_lists_every_package_of_the_source_tree():
    """pyproject.toml names the packages one by one (schemas/ and theme/ are mapped in): a new
    sub-package must be named there too, or an installed gongshi would miss it."""
    import tomllib

    config = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {"generator"} | {"generator." + ".".join(p.parent.relative_to(PROJECT / "generator").parts)
                             for p in (PROJECT / "generator").rglob("__init__.py") if p.parent != PROJECT / "generator"}
    mapped = {name for name, folder in config["package-dir"].items() if (PROJECT / folder / "__init__.py").is_file()}
    assert set(config["packages"]) == found | mapped
