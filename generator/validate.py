"""`gongshi validate`: load every selected county and run every check.

One bad file never hides the findings in the others: each file is loaded and checked alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check import check_county
from .check.calendar import working_calendar
from .check.repository import check_repository
from .findings import has_errors, sort_findings
from .load.county import County, load_county, select_counties


@dataclass
class Validation:
    counties: list[County] = field(default_factory=list)
    findings: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def validate(content_dir: Path, config_dir: Path, only: list[str] | None, today: date) -> Validation:
    """All findings for the selected counties; deadlines and periods are judged as of `today`."""
    result = Validation(findings=sort_findings(check_repository(config_dir)))
    if not result.ok:
        return result   # content in a format this gongshi does not read would only give misleading findings
    selection = select_counties(content_dir, only)
    calendar, calendar_findings = working_calendar(config_dir)
    result.findings += selection.findings + calendar_findings
    for county_id in selection.ids:
        county, found = load_county(content_dir, config_dir, county_id)
        result.counties.append(county)
        result.findings += found + check_county(county, calendar, today)
    result.findings = sort_findings(result.findings)
    return result
