"""The yearly analysis of enforcement (年度执法数据说明): which years are owed, and by when.

Each bureau publishes its previous year's enforcement figures and analysis by a day of January
(law parameter `annual_report_due_day_of_january`, with its citation). Years before the law parameter
`annual_report_first_year` are not owed: the county did not keep its data in gongshi yet.
The check stage reports the years owed (late from 1 February, due during January); `gongshi
status` lists them with the running year, whose analysis falls due next January.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

def report_due(year: int, day_of_january: int) -> date:
    """The analysis and figures of `year` are published by that day of January of the year after."""
    return date(year + 1, 1, day_of_january)


@dataclass(frozen=True)
class ReportOwed:
    year: int
    due: date

    def is_late(self, today: date) -> bool:
        return today > self.due

    def has_ended(self, today: date) -> bool:
        """Whether the year itself is over: only then is its analysis due at all."""
        return self.year < today.year


def written_years(annual: dict | None) -> set[int]:
    """Years with a written analysis in annual.yml (a classified one counts: it was written)."""
    reports = annual.get("reports") if isinstance(annual, dict) else None
    return {r["year"] for r in reports or [] if isinstance(r, dict) and isinstance(r.get("year"), int)}


def reports_owed(written: set[int], first_year: int, day_of_january: int, today: date) -> list[ReportOwed]:
    """Every year from `first_year` up to the running one whose analysis is not written, oldest first."""
    return [ReportOwed(year, report_due(year, day_of_january)) for year in range(first_year, today.year + 1)
            if year not in written]
