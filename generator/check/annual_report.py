"""The yearly analysis in annual.yml (年度执法数据): due in January of the next year (law parameter
`annual_report_due_day_of_january`, 31 by default).

Which years are owed is the law's (law/annual_report.py): from 1 February of Y+1, a missing
analysis of year Y is an error; during January, the one about to fall due is a warning. Only
years from the law parameter `annual_report_first_year` are checked: a county skips the years
before it kept its data in gongshi (site_config/<县>.yml, extra.law).
"""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date
from ..codes import finding
from ..law.annual_report import ReportOwed, reports_owed, written_years
from ..law.county import county_law
from ..paths import display_path


def owed_by(county, today: date) -> list[ReportOwed]:
    """The analyses the county owes up to the running year's, as `gongshi validate` and `gongshi
    status` both see them. None can be told when annual.yml or the site config (which years to
    check) did not load: that is reported already."""
    if "annual" in county.unreadable or county.config is None or county.config.data is None:
        return []
    law = county_law(county)
    return reports_owed(written_years(county.data("annual")), law["annual_report_first_year"],
                        law["annual_report_due_day_of_january"], today)


def check_annual_report(county, today: date) -> list:
    doc = county.documents.get("annual")
    path = doc.display if doc else display_path(county.folder / "annual.yml")
    line = doc.line_of(("reports",)) if doc else None
    create = "" if doc else "（这个文件还没有：请先新建，第一行写 reports:）"
    citation = county_law(county).citation("annual_report_due_day_of_january")
    return [finding("E-ANNUAL-MISSING" if report.is_late(today) else "W-ANNUAL-DUE", path, line, year=report.year,
                    deadline=chinese_date(report.due), citation=citation, file=path, create=create)
            for report in owed_by(county, today) if report.has_ended(today)]
