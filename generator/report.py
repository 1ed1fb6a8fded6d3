"""`gongshi report --year Y`: the year's enforcement figures of each county, for supervisors.

The figures are counted from what loads (public/annual_stats.py) and written out as a table, JSON
or CSV (render/report_formats.py). A county whose decision files, annual.yml or inspections.yml
did not load or are malformed is still counted, with a warning naming the first such file: the
supervisor learns the figures may be short, the clerk learns what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check.repository import repository_stops
from .codes import finding, spoils_file
from .load.county import County, select_counties
from .paths import display_path
from .public.annual_stats import county_year
from .render.report_formats import report_file
from .validate import validate

FIGURE_FILES = ("annual.yml", "inspections.yml")   # besides the decisions: what the figures are counted from


@dataclass
class Report:
    text: str = ""                                   # the report itself, for stdout
    notes: list[str] = field(default_factory=list)   # for the reader, beside the report
    findings: list = field(default_factory=list)     # why there is no report

    @property
    def ok(self) -> bool:
        return not self.findings


def annual_report(content_dir: Path, config_dir: Path, only: list[str] | None, year: int, today: date, fmt: str) -> Report:
    selection = select_counties(content_dir, only)
    stops = repository_stops(config_dir) or selection.stops
    if stops or not selection.ids:
        return Report(findings=stops or [finding("E-COUNTY-NONE", display_path(content_dir))])
    result = validate(content_dir, config_dir, only, today)
    notes = []
    for county in result.counties:
        broken = [f for f in result.findings if feeds_figures(f, county)]
        if broken:
            notes.append(f"注意：{county.id} 有 {len(broken)} 个文件错误会影响统计（{broken[0]}），"
                         f"请运行 gongshi validate --county {county.id} 查看并改正；下面的数字只按能读取的内容计算。")
    items = [county_year(county, year, today) for county in result.counties]
    return Report(report_file(items, year, today, fmt), notes)


def feeds_figures(found, county: County) -> bool:
    """Whether a finding says that a file the county's figures are counted from did not load or is malformed."""
    files = {display_path(county.folder / name) for name in FIGURE_FILES}
    in_decisions = found.path.startswith(display_path(county.folder / "decisions") + "/")
    return spoils_file(found) and (in_decisions or found.path in files)
