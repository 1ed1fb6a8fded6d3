"""`gongshi validate`: load every selected county and run every check.

One bad file never hides the findings in the others: each file is loaded and checked alone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check import check_county
from .codes import finding
from .findings import has_errors, sort_findings
from .load.calendar_files import load_calendar
from .load.county import County, discover_counties, load_county


@dataclass
class Validation:
    counties: list[County] = field(default_factory=list)
    findings: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def validate(content_dir: Path, config_dir: Path, only: list[str] | None = None, today: date | None = None) -> Validation:
    """All findings for the selected counties; deadlines are judged as of `today` (default: the real date)."""
    today = today or date.today()
    result = Validation()
    ids, result.findings = discover_counties(content_dir)
    calendar, calendar_findings = load_calendar(config_dir)
    result.findings += calendar_findings
    for wanted in only or []:
        if wanted not in ids:
            result.findings.append(finding("E-COUNTY-UNKNOWN", str(content_dir), None,
                                           county=wanted, known="、".join(ids) or "（没有）"))
    for county_id in ids:
        if only and county_id not in only:
            continue
        county, found = load_county(content_dir, config_dir, county_id)
        result.counties.append(county)
        result.findings += found + check_county(county, calendar, config_dir, today)
    result.findings = sort_findings(result.findings)
    return result
