"""Working days on the official calendar: weekends and statutory holidays off, make-up days (调休) on.

The State Council publishes each year's arrangement in late autumn. `chinesecalendar` carries the
years it knows; a year it does not know is read from `site_config/calendar/<year>.yml`, written from
the notice. A year neither knows is an error naming the file to add, never a guess.

Periods follow 行政处罚法 第八十五条 and the usual rule of administrative procedure: the day the
period starts from is not counted, so "within 7 working days of the decision" ends on the 7th
working day after the decision date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar

from ..errors import UnknownYear
from ..paths import display_path


@dataclass(frozen=True)
class YearArrangement:
    """One year's arrangement, as a per-year data file gives it."""

    year: int
    holidays: frozenset[date]      # days off that would otherwise be working days, and holiday weekends
    workdays: frozenset[date]      # make-up weekend days (调休上班)
    source: str = ""


def year_file(folder: Path, year: int) -> Path:
    """Where the arrangement of `year` is written when the library does not know it."""
    return folder / f"{year}.yml"


@dataclass
class WorkingCalendar:
    extra_years: dict[int, YearArrangement] = field(default_factory=dict)
    folder: Path = Path("site_config/calendar")   # where the per-year files are: an unknown year names its file here

    def is_working_day(self, day: date) -> bool:
        arrangement = self.extra_years.get(day.year)
        if arrangement is not None:
            if day in arrangement.workdays:
                return True
            return day.weekday() < 5 and day not in arrangement.holidays
        known = _published_working_day(day)
        if known is None:
            raise UnknownYear(day.year, display_path(year_file(self.folder, day.year)))
        return known

    def add_working_days(self, start: date, count: int) -> date:
        """The `count`-th working day after `start` (start itself not counted)."""
        day = start
        while count > 0:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count -= 1
        return day

    def is_within(self, start: date, count: int, day: date) -> bool:
        """Whether `day` is on or before the `count`-th working day after `start`. Only the days up to
        `day` are asked about: a decision of 10 December published on 15 December is on time
        whatever the next year's holidays are."""
        elapsed = self.working_days_between(start, day)
        return elapsed < count or (elapsed == count and self.is_working_day(day))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end <= start)."""
        count, day = 0, start
        while day < end:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


@lru_cache(maxsize=None)
def _published_working_day(day: date) -> bool | None:
    """Whether `day` is a working day by the State Council's published arrangement (the library's
    table, asked once per day: a county's deadlines ask about the same days a thousand times);
    None for a year it does not know."""
    try:
        # is_workday, not get_workdays(include_weekends=False), which drops make-up days
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return None
