"""`gongshi validate`: load every selected county and run every check.

One bad file never hides the findings in the others: each file is loaded and checked alone.
First what the whole repository must be (its content format, the calendar files, the choice of
counties), then each county on its own — in worker processes with `jobs` > 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from .check import check_county
from .check.calendar import working_calendar
from .check.repository import check_repository
from .findings import has_errors, sort_findings
from .load.county import County, Selection, load_county, select_counties
from .parallel import run_each


@dataclass
class Validation:
    counties: list[County] = field(default_factory=list)
    findings: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


@dataclass
class Province:
    """What holds for every county: the repository's findings, the counties chosen, the calendar."""
    findings: list
    selection: Selection | None = None   # None: the repository cannot be read, nothing was chosen
    calendar: object = None


def check_province(content_dir: Path, config_dir: Path, only: list[str] | None) -> Province:
    findings = sort_findings(check_repository(config_dir))
    if has_errors(findings):
        return Province(findings)   # content in a format this gongshi does not read would only give misleading findings
    selection = select_counties(content_dir, only)
    calendar, calendar_findings = working_calendar(config_dir)
    return Province(findings + selection.findings + calendar_findings, selection, calendar)


def validate_county(content_dir: Path, config_dir: Path, calendar, today: date, county_id: str) -> tuple[County, list]:
    county, found = load_county(content_dir, config_dir, county_id)
    return county, found + check_county(county, calendar, today)


def validate(content_dir: Path, config_dir: Path, only: list[str] | None, today: date) -> Validation:
    """All findings for the selected counties, with the loaded counties; deadlines and periods
    are judged as of `today`."""
    province = check_province(content_dir, config_dir, only)
    result = Validation(findings=list(province.findings))
    for county_id in province.selection.ids if province.selection else []:
        county, found = validate_county(content_dir, config_dir, province.calendar, today, county_id)
        result.counties.append(county)
        result.findings += found
    result.findings = sort_findings(result.findings)
    return result


def validate_findings(content_dir: Path, config_dir: Path, only: list[str] | None, today: date, jobs: int = 1) -> list:
    """The findings of `validate`, the counties checked on up to `jobs` processes."""
    province = check_province(content_dir, config_dir, only)
    ids = province.selection.ids if province.selection else []
    check = partial(_county_findings, content_dir, config_dir, province.calendar, today)
    return sort_findings(province.findings + [f for found in run_each(check, ids, jobs) for f in found])


def _county_findings(content_dir, config_dir, calendar, today, county_id) -> list:
    return validate_county(content_dir, config_dir, calendar, today, county_id)[1]
