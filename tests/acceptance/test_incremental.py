"""A build does again only what changed, and its output is the clean build's, byte for byte."""

from __future__ import annotations

import shutil

import pytest

import generator.build
from generator.cli import main

from ..built_files import files_of as files



def build(out: str, today: str, *options: str) -> int:
    return main(["build", "--out", out, "--today", today, "--jobs", "1", *options])


def clean_equals(project, out: str, today: str) -> None:
    shutil.rmtree(project.file("clean"), ignore_errors=True)
    assert build("clean", today) in (0, 1)
    assert files(project.file(out)) == files(project.file("clean"))


def test_an_unchanged_county_is_carried_over_without_being_checked_again(project, capsys, monkeypatch):
    assert build("site", "2026-11-23") == 0
    first = capsys.readouterr().out.splitlines()
    before = files(project.file("site"))

    def not_again(*args):
        raise AssertionError("checked again")

    monkeypatch.setattr(generator.build, "validate_county", not_again)
    assert build("site", "2026-11-23") == 0
    assert capsys.readouterr().out.splitlines() == first      # the same findings, said again
    assert files(project.file("site")) == before


def test_one_changed_decision_rebuilds_its_county_only_and_equals_a_clean_build(project):
    assert build("site", "2026-11-23") == 0
    jiange = {name: path.stat().st_ino for name, path in
              ((p.relative_to(project.file("site")), p) for p in project.file("site/jiange").rglob("*") if p.is_file())}
    project.edit("content/shili/decisions/2025-001.yml", "title: ", "title: 新标题")
    assert build("site", "2026-11-23") == 0
    assert "新标题" in project.file("site/shili/decisions/2025-001/index.html").read_text(encoding="utf-8")
    carried = {p.relative_to(project.file("site")): p.stat().st_ino for p in project.file("site/jiange").rglob("*") if p.is_file()}
    assert carried == jiange                                   # the other county's files are the same files
    clean_equals(project, "site", "2026-11-23")


@pytest.mark.parametrize("today", ["2026-11-24", "2029-06-01"])   # the next day; a day that expires decisions
def test_another_day_gives_what_a_clean_build_of_that_day_gives(project, today):
    assert build("site", "2026-11-23") == 0
    assert build("site", today) in (0, 1)
    clean_equals(project, "site", today)


def test_a_county_carried_over_by_county_keeps_its_record_for_the_next_build(project, capsys):
    assert build("site", "2026-11-23") == 0
    assert build("site", "2026-11-23", "--county", "shili") == 0
    project.write("content/jiange/subject.yml",
                  project.file("content/jiange/subject.yml").read_text(encoding="utf-8") + "bogus_field: 1\n")
    capsys.readouterr()
    assert build("site", "2026-11-23") == 1
    assert "保留上次生成的 site/jiange/（本县有错误，见上）" in capsys.readouterr().out.splitlines()
