"""Per-year working-day arrangements the calendar library does not know yet: site_config/calendar/<year>.yml."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..check.schema import check_schema
from ..codes import finding
from ..law.working_days import WorkingCalendar, YearArrangement
from ..paths import display_path
from .yaml_file import load_yaml

CALENDAR_DIR = "calendar"
CALENDAR_SCHEMA = "calendar.schema.json"


def calendar_file(config_dir: Path, year: int) -> Path:
    return config_dir / CALENDAR_DIR / f"{year}.yml"


def load_calendar(config_dir: Path) -> tuple[WorkingCalendar, list]:
    calendar, findings = WorkingCalendar(), []
    for path in sorted((config_dir / CALENDAR_DIR).glob("*.y*ml")):
        doc, found = load_yaml(path, display_path(path), CALENDAR_SCHEMA)
        if doc.data is None:
            findings += found
            continue
        found += check_schema(doc, CALENDAR_SCHEMA)
        if not found and str(doc.data["year"]) != path.stem:
            found.append(finding("E-CALENDAR-FILE", doc.display, doc.line_of(("year",)), year=doc.data["year"], name=path.name))
        findings += found
        if not found:
            arrangement = _arrangement(doc.data)
            calendar.extra_years[arrangement.year] = arrangement
    return calendar, findings


def _arrangement(data: dict) -> YearArrangement:
    holidays = set()
    for holiday in data["holidays"]:
        day, last = date.fromisoformat(holiday["from"]), date.fromisoformat(holiday["to"])
        while day <= last:
            holidays.add(day)
            day += timedelta(days=1)
    return YearArrangement(data["year"], frozenset(holidays), frozenset(date.fromisoformat(d) for d in data["workdays"]),
                           data["source"])
