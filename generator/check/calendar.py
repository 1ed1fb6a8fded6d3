"""The working-day calendar: the library's years plus the valid per-year files of site_config/calendar/.

A year file with any finding is left out, so a deadline in its year is E-CALENDAR-YEAR rather than
a count on a half-written arrangement.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..codes import finding
from ..law.working_days import WorkingCalendar, YearArrangement
from ..load.calendar_files import CALENDAR_SCHEMA, calendar_folder, load_calendar_files
from .schema import check_schema


def working_calendar(config_dir: Path) -> tuple[WorkingCalendar, list]:
    docs, findings = load_calendar_files(config_dir)
    unclean = {found.path for found in findings}   # a duplicate key, say: the file is checked, but not used
    calendar = WorkingCalendar(folder=calendar_folder(config_dir))
    for doc in docs:
        found = check_schema(doc, CALENDAR_SCHEMA)
        if not found and str(doc.data["year"]) != doc.path.stem:
            found.append(finding("E-CALENDAR-FILE", doc.display, doc.line_of(("year",)), year=doc.data["year"],
                                 name=doc.path.name))
        findings += found
        if not found and doc.display not in unclean:
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
