"""The editor's own check of the files `gongshi new` writes: the YAML language server (what the VS Code
YAML extension runs) reads the schema named on the first line and underlines what breaks it."""

from __future__ import annotations

import os
import shutil

import pytest

from generator.cli import main

from ..conftest import PROJECT, TODAY
from ..filling import fill_county
from .language_server import SERVER, LanguageServer


@pytest.fixture
def server(tmp_path):
    missing = [what for what, there in (("node", shutil.which("node")),
                                        ("yaml-language-server (npm ci --prefix tests/editor)", SERVER.is_file())) if not there]
    if missing:
        message = "editor tests need: " + ", ".join(missing)
        if os.environ.get("GONGSHI_BROWSER_TESTS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    started = LanguageServer(tmp_path)
    yield started
    started.close()


@pytest.fixture
def filled_county(project):
    """A new county as `gongshi new` writes it, filled in, in a repository with its copy of the schemas."""
    assert main(["schemas", str(project.root)]) == 0
    assert main(["new", "county", "demo", "--today", TODAY.isoformat()]) == 0
    fill_county(project.root, "demo", TODAY.isoformat(), PROJECT / "content" / "shili")
    return project


def test_the_editor_finds_nothing_wrong_in_filled_new_files(filled_county, server):
    files = sorted(filled_county.file("content/demo").glob("*.yml")) + [filled_county.file("site_config/demo.yml")]
    assert {path.name: server.diagnostics(path) for path in files} == {path.name: [] for path in files}


def test_the_editor_underlines_a_misspelt_field_by_name(filled_county, server):
    filled_county.edit("content/demo/subject.yml", "address:", "adress:")
    diagnostics = server.diagnostics(filled_county.file("content/demo/subject.yml"))
    assert [d["range"]["start"]["line"] + 1 for d in diagnostics if "adress" in d["message"]] == [7]
    assert any("address" in d["message"] for d in diagnostics), diagnostics   # and the one it lacks
