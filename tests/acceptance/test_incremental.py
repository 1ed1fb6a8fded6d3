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


def _checked(project, county_id: str, today):
    """What a build checks of a county on `today` (a plain or a watched day): its findings as the
    clerk reads them, and the digest of its public view."""
    from generator.fingerprint import view_key
    from generator.public import public_view
    from generator.public.view import withheld_values
    from generator.scopes import scoped
    from generator.validate import check_province, validate_county

    content, config = project.file("content"), project.file("site_config")
    county, findings = validate_county(content, config, check_province(content, config, None).calendar, today, county_id)
    held = scoped(findings, [county], content, config).held_in(county_id)
    view = public_view(county, today, held)
    return [str(f) for f in findings], view_key(view, withheld_values(county, today, held), config)


@pytest.mark.parametrize("county_id", ["shili", "jiange"])
def test_a_county_checked_on_one_day_is_checked_the_same_until_the_day_its_watch_names(project, county_id):
    from datetime import date, timedelta

    from generator.watched_day import DayWatch

    day, end, spans = date(2025, 1, 1), date(2029, 12, 31), []
    while day < end:   # across the sample's deadlines, publicity periods, certificates and year ends
        watch = DayWatch(day)
        checked = _checked(project, county_id, watch.day())
        until = min(watch.valid_until or end, end)
        for other in sorted({day + timedelta(days=1), until - timedelta(days=1)} - {day}):
            if other < until:
                assert _checked(project, county_id, other) == checked, (day, other, until)
        spans.append((day, until))
        day = until
    print(county_id, len(spans), "checks in", (end - date(2025, 1, 1)).days, "days")
    assert len(spans) < (end - date(2025, 1, 1)).days / 2   # most days carry over (not a watch that says "tomorrow" always)


def test_an_unchanged_county_is_not_checked_again_before_its_day_comes(project, capsys, monkeypatch):
    from datetime import date, timedelta

    from generator.publish.state import previous

    assert build("site", "2026-11-23") == 0
    capsys.readouterr()
    record = previous(project.file("site"), "jiange")
    assert record.checked_on == date(2026, 11, 23) and record.valid_until > date(2026, 11, 24)
    jiange = files(project.file("site/jiange"))
    checked = []
    real = generator.build.validate_county
    monkeypatch.setattr(generator.build, "validate_county", lambda *a: checked.append(a[-1]) or real(*a))
    last_day = (record.valid_until - timedelta(days=1)).isoformat()
    assert build("site", last_day) in (0, 1)
    assert "jiange" not in checked
    assert files(project.file("site/jiange")) == jiange
    assert build("site", record.valid_until.isoformat()) in (0, 1)
    assert "jiange" in checked
    clean_equals(project, "site", record.valid_until.isoformat())
