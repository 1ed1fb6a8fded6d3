"""Shared fixtures: a throwaway copy of the project's sample content to break in each test."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main

PROJECT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)


class Project:
    """A copy of content/, site_config/ and mkdocs.yml in a temporary working directory."""

    def __init__(self, root: Path):
        self.root = root

    def file(self, relative: str) -> Path:
        return self.root / relative

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.file(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def apply(self, edits) -> None:
        """Each (file, old, new) of `edits` in turn, as `edit` does."""
        for relative, old, new in edits:
            self.edit(relative, old, new)

    def write(self, relative: str, text: str) -> None:
        path = self.file(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def copied(repository: Path, tmp_path: Path, monkeypatch) -> Project:
    """A repository's content, site config and mkdocs.yml, copied into the working directory."""
    for name in ("content", "site_config"):
        shutil.copytree(repository / name, tmp_path / name)
    shutil.copy(repository / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The project's sample content built on TODAY, once for the whole run: tests only read it (a
    test that changes a built file works on a copy)."""
    out = tmp_path_factory.mktemp("sample") / "site"
    code = main(["build", "--content", str(PROJECT / "content"), "--config", str(PROJECT / "site_config"),
                 "--out", str(out), "--today", TODAY.isoformat()])
    assert code == 0
    return out


@pytest.fixture
def project(tmp_path, monkeypatch) -> Project:
    return copied(PROJECT, tmp_path, monkeypatch)


@pytest.fixture
def gongshi(capsys):
    """Run the command line as a clerk would, on TODAY unless a test names the day; returns
    (exit code, printed lines)."""

    def run(*args: str) -> tuple[int, list[str]]:
        if "--today" not in args:   # deadlines and periods depend on the day: tests never read the clock
            args += ("--today", TODAY.isoformat())
        code = main(list(args))
        out = capsys.readouterr().out
        return code, [line for line in out.splitlines() if line]

    return run


@pytest.fixture
def clerk_reads(project, gongshi):
    """Make the (file, old, new) edits, validate the sample county on `today`, and assert that the
    clerk reads `expected`, one exact line, and that the exit code says whether it is an error."""

    def check(edits, today: str, expected: str) -> None:
        project.apply(edits)
        code, lines = gongshi("validate", "--county", "shili", "--today", today)
        assert expected in lines, lines
        assert code == (1 if ": E-" in expected else 0)

    return check
