"""`gongshi status`: what a county has to do next, soonest first, for a clerk's Monday morning.

Every date here comes from the same rules `gongshi validate` applies (law/lifecycle.py,
law/annual_report.py, law/parameters.py); this only lists them in order of urgency.
Informational: it fails only when there is nothing to list (no content, an unknown county).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .check.annual_report import owed_by
from .check.calendar import working_calendar
from .check.repository import repository_stops
from .cn_format import chinese_date
from .errors import UnknownYear
from .findings import has_errors
from .law.lifecycle import awaits_publication, day_of, publication_deadline, was_published, withdrawal, withdrawal_deadline
from .law.county import county_law
from .load.county import load_county, select_counties
from .paths import display_path

WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Due:
    deadline: date | None     # None: cannot be computed (a calendar year is missing): most urgent
    what: str
    where: str
    working_days: bool = True  # whether the time left is counted in working days


@dataclass
class Status:
    lines: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)   # why nothing could be listed

    @property
    def ok(self) -> bool:
        return not has_errors(self.findings)


def status(content_dir: Path, config_dir: Path, only: list[str] | None, today: date) -> Status:
    selection = select_counties(content_dir, only)
    stops = repository_stops(config_dir) or selection.stops
    if stops:
        return Status(findings=stops)
    calendar, _ = working_calendar(config_dir)   # a broken calendar file: its deadlines say 无法计算
    lines = [f"待办事项（截至 {chinese_date(today)}）"]
    for county_id in selection.ids:
        county, _ = load_county(content_dir, config_dir, county_id)
        lines += render_status(county, due_items(county, calendar, today), calendar, today)
    return Status(lines)


def due_items(county, calendar, today: date) -> list[Due]:
    law = county_law(county)
    items = _decisions_to_publish(county, law, calendar) + _withdrawals_to_record(county, law, calendar, today)
    items += _certificates_expiring(county, law, today) + _annual_reports(county, today)
    items += _inspection_results_to_publish(county, law, calendar)
    return sorted(items, key=lambda item: (item.deadline is not None, item.deadline or today, item.what))


def _decisions_to_publish(county, law, calendar) -> list[Due]:
    items = []
    for doc in county.records("decision"):
        decision = doc.data
        if awaits_publication(decision):
            what = f"公示{decision.get('kind', '')}决定 {decision.get('case_number', '')}（审批后填写 approval 和 published）"
            items.append(_dated(lambda: publication_deadline(decision, law, calendar), what, doc.display))
    return items


def _withdrawals_to_record(county, law, calendar, today: date) -> list[Due]:
    items = []
    for doc in county.records("decision"):
        found = withdrawal(doc.data)
        if found and not found[1].get("withdrawn") and was_published(doc.data, today):
            event = found[1]
            what = f"填写决定 {doc.data.get('case_number', '')} 的撤下日期（{chinese_date(event.get('date', ''))} 被{event['event']}）"
            items.append(_dated(lambda: withdrawal_deadline(event, law, calendar), what, doc.display))
    return items


def _inspection_results_to_publish(county, law, calendar) -> list[Due]:
    """Each random inspection's result formed and not yet published: due as E-RESULT-MISSED counts it."""
    doc = county.documents.get("random-inspections")
    plans = (doc.data or {}).get("plans") if doc is not None and isinstance(doc.data, dict) else None
    within = law["publish_inspection_results_within_working_days"]
    items = []
    for plan in plans if isinstance(plans, list) else []:
        for task in (plan.get("tasks") or []) if isinstance(plan, dict) else []:
            result = task.get("result") if isinstance(task, dict) else None
            formed = day_of(result.get("formed")) if isinstance(result, dict) and not result.get("published") else None
            if formed is not None:
                what = f"公示检查任务 {task.get('id', '')} 的抽查结果（填写 result 的 published）"
                items.append(_dated(lambda formed=formed: calendar.add_working_days(formed, within), what, doc.display))
    return items


def _certificates_expiring(county, law, today: date) -> list[Due]:
    doc = county.documents.get("officers")
    items = []
    for officer in (doc.data or {}).get("officers", []) if doc else []:
        try:
            until = date.fromisoformat(officer["valid_until"])
        except (KeyError, TypeError, ValueError):
            continue
        if officer.get("status") == "有效" and until <= today + timedelta(days=law["certificate_warning_days"]):
            verb = "已过期" if until < today else "到期"
            items.append(Due(until, f"执法证{verb}：{officer.get('name', '')}（{officer.get('id', '')}），请办理换证或在 officers.yml 中更新状态",
                             doc.display, working_days=False))
    return items


def _annual_reports(county, today: date) -> list[Due]:
    """Every analysis owed, and the running year's, which falls due next January."""
    where = display_path(county.folder / "annual.yml")
    return [Due(report.due, f"发布 {report.year} 年度执法数据说明（在 annual.yml 中加 year: {report.year} 和 summary）", where,
                working_days=False) for report in owed_by(county, today)]


def _dated(deadline, what: str, where: str) -> Due:
    try:
        return Due(deadline(), what, where)
    except UnknownYear as unknown:
        return Due(None, f"{what}：无法计算期限，请先新建 {unknown.file}", where)
    except (KeyError, TypeError, ValueError):
        return Due(None, f"{what}：日期有误，请运行 gongshi validate", where)


def time_left(item: Due, calendar, today: date) -> str:
    if item.deadline is None:
        return "无法计算"
    if item.working_days:
        try:
            if item.deadline < today:
                return f"已逾期 {calendar.working_days_between(item.deadline, today)} 个工作日"
            return "今天到期" if item.deadline == today else f"还剩 {calendar.working_days_between(today, item.deadline)} 个工作日"
        except UnknownYear:
            pass
    days = (item.deadline - today).days
    return f"已逾期 {-days} 天" if days < 0 else ("今天到期" if days == 0 else f"还剩 {days} 天")


def render_status(county, items: list[Due], calendar, today: date) -> list[str]:
    lines = [f"{county.id}：{len(items)} 项待办" if items else f"{county.id}：没有待办事项"]
    for item in items:
        deadline = f"{chinese_date(item.deadline)}（星期{WEEKDAYS[item.deadline.weekday()]}）" if item.deadline else "—"
        lines.append(f"  {deadline}  {time_left(item, calendar, today)}  {item.what}  [{item.where}]")
    return lines + withheld_now(county) + late_publications(county, calendar, today)


def withheld_now(county) -> list[str]:
    """Decisions taken off the site at once (gongshi withhold): off until someone puts them right."""
    lines = []
    for doc in county.records("decision"):
        withheld = doc.data.get("withheld") if isinstance(doc.data, dict) else None
        if isinstance(withheld, dict):
            lines.append(f"  暂停公示中：决定 {doc.data.get('case_number', '')}（{chinese_date(withheld.get('date', ''))}起，"
                         f"原因：{withheld.get('reason', '')}）；问题处理后删除 withheld 一项即恢复公示  [{doc.display}]")
    return lines


def late_publications(county, calendar, today: date) -> list[str]:
    """Decisions of this year and the last published late with a recorded reason, for supervisors."""
    law, lines = county_law(county), []
    for doc in county.records("decision"):
        late = doc.data.get("late_publication")
        published = str(doc.data.get("published", ""))
        if not isinstance(late, dict) or not published[:4].isdigit() or int(published[:4]) < today.year - 1:
            continue
        try:
            days = f"晚 {calendar.working_days_between(publication_deadline(doc.data, law, calendar), date.fromisoformat(published))} 个工作日"
        except (UnknownYear, KeyError, TypeError, ValueError):
            days = "逾期天数无法计算"
        lines.append(f"  已记录的逾期公示：{doc.data.get('kind', '')}决定 {doc.data.get('case_number', '')} "
                     f"{chinese_date(published)}公示，{days}；原因：{late.get('reason', '')}；"
                     f"{late.get('approved_by', '')} {chinese_date(late.get('approved', ''))} 批准  [{doc.display}]")
    return lines
