"""The yearly analysis in annual.yml (年度执法数据): due by 31 January of the next year.

国办发〔2018〕118号 二（三）；赣医保办发〔2020〕8号 （三）3: each bureau publishes its previous
year's enforcement figures by 31 January. The figures are computed from the decisions
(public/annual_stats.py); the written analysis is the staff's, in annual.yml.

From 1 February of Y+1, a missing analysis of year Y is an error; during January, the one about to
fall due is a warning. Only years from the law parameter `annual_report_first_year` are checked:
a county skips the years before it kept its data in gongshi (site_config/<县>.yml, extra.law).
"""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date
from ..codes import finding
from ..law.parameters import county_law
from ..paths import display_path
from ..public.annual_stats import DUE_CITATION, report_due, report_years


def check_annual_report(county, today: date) -> list:
    if "annual" in county.unreadable or county.config is None or county.config.data is None:
        return []   # annual.yml or the site config (which years to check) did not load: reported already
    first = county_law(county)["annual_report_first_year"]
    written = report_years(county)
    doc = county.documents.get("annual")
    path = doc.display if doc else display_path(county.folder / "annual.yml")
    line = doc.line_of(("reports",)) if doc else None
    findings = []
    # the last year whose deadline has passed: Y once 1 February of Y+1 has come
    last_due = today.year - 1 if today > report_due(today.year - 1) else today.year - 2
    for year in range(first, last_due + 1):
        if year not in written:
            findings.append(_finding("E-ANNUAL-MISSING", path, line, year, doc))
    due_now = today.year - 1   # in January (1 to 31), last year's analysis is about to fall due
    if report_due(due_now).replace(day=1) <= today <= report_due(due_now) and due_now >= first and due_now not in written:
        findings.append(_finding("W-ANNUAL-DUE", path, line, due_now, doc))
    return findings


def _finding(code: str, path: str, line, year: int, doc):
    create = "" if doc else "（这个文件还没有：请先新建，第一行写 reports:）"
    return finding(code, path, line, year=year, deadline=chinese_date(report_due(year).isoformat()),
                   citation=DUE_CITATION, file=path, create=create)
