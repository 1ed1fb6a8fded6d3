"""`gongshi withdraw`, `correct`, `mark-published` and `withhold`: one decision file changed the way
the rules expect (schemas/decision.schema.json, law/lifecycle.py), every other line of it kept
(round_trip.py), and nothing else touched.

Each command first looks at the record as it is and refuses, writing nothing, what the rules do
not allow (a decision withdrawn twice, a date to come, a correction of a field that is not there).
Then it writes the change and validates the county: an error in the file that it did not have
before puts the file back as it was, byte for byte, so that a command never leaves a record the
build would hold back; errors it had before stay the clerk's to correct, and the change is kept.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check.history import HIDDEN, correctable_fields, correction_problem
from .check.repository import repository_stops
from .cn_format import chinese_date
from .codes import finding
from .findings import Finding, has_errors, sort_findings
from .kinds import DECISION, DECISION_DIR
from .law.lifecycle import CORRECTION, WITHDRAWAL_EVENTS, never_published, was_published, withdrawal, withheld
from .law.parameters import COMMON
from .load.county import DECISION_ID, select_counties
from .load.yaml_file import load_yaml
from .paths import display_path
from .round_trip import Add, Append, LayoutLost, Replace, edited
from .schema import describe
from .validate import check_province, validate_county

NOTHING_WRITTEN = "未修改任何文件。"
BOM = b"\xef\xbb\xbf"

DECISION_KEYS = tuple(describe(DECISION.schema, ())["schema"]["properties"])
EVENT_KEYS = tuple(describe(DECISION.schema, ("history", 0))["schema"]["properties"])

# What a clerk is to expect after each change, the next time the site is built.
WITHDRAWN_NEXT = "下次生成时该决定从网站撤下，原网址改为撤下说明（只写文号和理由）。"
NOT_ON_SITE_NEXT = "该决定还没有公示，网站上没有要撤下的内容。"
CORRECTED_NEXT = "下次生成时网站显示更正后的内容，标注“（已更正）”，页末列出更正说明。"
PUBLISHED_NEXT = "该决定自 {published} 起在网站上公示（下次生成时）。"
WITHHELD_NEXT = "下次生成时该决定从网站上消失，不留撤下说明；原因消除后删除 withheld 这一项即恢复公示。"


@dataclass(frozen=True)
class Target:
    """Which decision, in which repository, on which day."""
    content_dir: Path
    config_dir: Path
    county: str
    decision: str
    today: date


@dataclass
class Edit:
    lines: list[str] = field(default_factory=list)      # the change, as a unified diff
    findings: list = field(default_factory=list)        # why nothing was written, or what validation says of the file
    after: list[str] = field(default_factory=list)      # what was done
    code: int = 0                                       # 0 written; 1 refused or put back

    @property
    def refused(self) -> bool:
        """Refused before anything was written."""
        return self.code != 0 and not self.lines


def withdraw(target: Target, event: str, happened: date, reason: str, authority: str | None = None,
             withdrawn: date | None = None, late_reason: str | None = None, remade: str | None = None) -> Edit:
    """A 变更, 撤销, 确认违法 or 确认无效 in the history, taken down today (or `withdrawn`) when it was on the site."""
    def plan(doc):
        data = doc.data
        if event not in WITHDRAWAL_EVENTS:
            return _refusal("E-EDIT-EVENT", doc, (), event=event, events="、".join(WITHDRAWAL_EVENTS),
                            citation=COMMON["withdrawal_events"].citation)
        earlier = withdrawal(data)
        if earlier:
            index, record = earlier
            return _refusal("E-EDIT-WITHDRAWN-TWICE", doc, ("history", index), case=_case(data),
                            date=chinese_date(record.get("date", "")), event=record["event"])
        on_site = was_published(data, target.today)
        taken_down = withdrawn or (target.today if on_site else None)
        late = _future(doc, target.today, ("事件日期 --date", happened), ("撤下日期 --withdrawn", taken_down))
        if late:
            return late
        item = {"event": event, "date": happened, "authority": authority, "reason": reason,
                "withdrawn": taken_down, "late_reason": late_reason, "decision": remade}
        return [_history_event(data, item)], WITHDRAWN_NEXT if on_site else NOT_ON_SITE_NEXT
    return _guided(target, plan)


def correct(target: Target, field_path: str, value: str, reason: str, corrected: date) -> Edit:
    """The field set to its right value, and a 更正 in the history saying which and why."""
    def plan(doc):
        data = doc.data
        path = tuple(field_path.split("."))
        problem = correction_problem(data, field_path)
        current = _value_at(data, path)
        if problem == HIDDEN:
            return _refusal("E-EDIT-FIELD-HIDDEN", doc, path, field=field_path, title=_title(path))
        if problem is not None or isinstance(current, (dict, list)):
            known = [f for f in correctable_fields(data) if correction_problem(data, f) is None]
            return _refusal("E-EDIT-FIELD", doc, (), case=_case(data), field=field_path, known="、".join(known))
        typed = _typed(doc, path, value)
        if isinstance(typed, Finding):
            return typed
        if typed == current:
            return _refusal("E-EDIT-SAME", doc, path, field=field_path, title=_title(path), value=value)
        late = _future(doc, target.today, ("更正日期 --date", corrected))
        if late:
            return late
        item = {"event": CORRECTION, "date": corrected, "field": field_path, "reason": reason}
        return [Replace(path, typed), _history_event(data, item)], CORRECTED_NEXT
    return _guided(target, plan)


def mark_published(target: Target, published: date, approved_by: str | None, approved: date | None,
                   late: tuple = (None, None, None)) -> Edit:
    """The publication date, with the approval (审批) it needs unless the record has it, and the
    record of a late publication (reason, approved by, approved) when one is given."""
    def plan(doc):
        refused = _not_to_publish(doc, target.today)
        if refused:
            return refused
        approval = _approval(doc, approved_by, approved)
        if isinstance(approval, Finding):
            return approval
        given = [name for name, value in zip(("--late-reason", "--late-approved-by", "--late-approved"), late) if value]
        if given and len(given) < 3:
            return _refusal("E-EDIT-LATE-INCOMPLETE", doc, (), given="、".join(given))
        too_soon = _future(doc, target.today, ("公示日期 --date", published), ("审批日期 --approved", approved),
                           ("逾期公示批准日期 --late-approved", late[2]))
        if too_soon:
            return too_soon
        changes = [Add(("approval",), approval, DECISION_KEYS)] if approval else []
        changes.append(Add(("published",), published, DECISION_KEYS))
        if given:
            reason, by, day = late
            changes.append(Add(("late_publication",), {"reason": reason, "approved_by": by, "approved": day}, DECISION_KEYS))
        return changes, PUBLISHED_NEXT.format(published=chinese_date(published))
    return _guided(target, plan)


def withhold(target: Target, reason: str, since: date) -> Edit:
    """`withheld` (暂停公示): off the site at the next build, with its reason kept in the record."""
    def plan(doc):
        earlier = withheld(doc.data)
        if earlier:
            return _refusal("E-EDIT-WITHHELD-TWICE", doc, ("withheld",), case=_case(doc.data),
                            date=chinese_date(earlier.get("date", "")), reason=earlier.get("reason", ""))
        late = _future(doc, target.today, ("暂停公示日期 --date", since))
        if late:
            return late
        return [Add(("withheld",), {"date": since, "reason": reason}, DECISION_KEYS)], WITHHELD_NEXT
    return _guided(target, plan)


def _guided(target: Target, plan) -> Edit:
    """Find the decision, ask `plan` for the changes (or a refusal), write them, validate, and put
    the file back when the change brought an error."""
    stops = repository_stops(target.config_dir) or select_counties(target.content_dir, [target.county]).stops
    if stops:
        return _refused(stops)
    path = target.content_dir / target.county / DECISION_DIR / f"{target.decision}.yml"
    if not DECISION_ID.fullmatch(target.decision) or not path.is_file():
        folder = path.parent
        known = sorted(p.stem for p in folder.glob("*.yml")) if folder.is_dir() else []
        return _refused([finding("E-EDIT-NO-DECISION", display_path(path), None, county=target.county,
                                 decision=target.decision, known="、".join(known) or "（还没有）")])
    doc, found = load_yaml(path, display_path(path), DECISION.schema)
    if doc.data is None:
        return _refused(found + [finding("E-EDIT-UNREADABLE", doc.display, None)])
    planned = plan(doc)
    if isinstance(planned, Finding):
        return _refused([planned])
    changes, next_time = planned
    raw = path.read_bytes()
    bom = raw[:len(BOM)] if raw.startswith(BOM) else b""
    before_text = raw[len(bom):].decode("utf-8")
    try:
        after_text = edited(before_text, changes)
    except LayoutLost:
        return _refused([finding("E-EDIT-LAYOUT", doc.display, None)])
    before = _file_findings(target, doc.display)
    _write(path, bom + after_text.encode("utf-8"))
    after = _file_findings(target, doc.display)
    diff = _diff(before_text, after_text, doc.display)
    seen = {(f.code, f.message) for f in before if f.is_error}
    if any(f.is_error and (f.code, f.message) not in seen for f in after):
        _write(path, raw)
        return Edit(diff, after + [finding("E-EDIT-ROLLED-BACK", doc.display, None)], [NOTHING_WRITTEN], 1)
    noted = [finding("W-EDIT-ERRORS-BEFORE", doc.display, None)] if has_errors(after) else []
    return Edit(diff, after + noted, [f"已写入 {doc.display}，其他文件没有改动。", next_time], 0)


def _refused(findings: list) -> Edit:
    return Edit(findings=findings, after=[NOTHING_WRITTEN], code=1)


def _refusal(code: str, doc, where: tuple, **params) -> Finding:
    return finding(code, doc.display, doc.line_of(where) if where else None, **params)


def _case(data: dict) -> str:
    return str(data.get("case_number", ""))


def _title(path: tuple) -> str:
    return describe(DECISION.schema, path)["title"] or ".".join(path)


def _future(doc, today: date, *dates) -> Finding | None:
    """E-EDIT-FUTURE for the first of (what, day) that is after today."""
    for what, day in dates:
        if day is not None and day > today:
            return _refusal("E-EDIT-FUTURE", doc, (), what=what, date=chinese_date(day), today=chinese_date(today))
    return None


def _history_event(data: dict, item: dict):
    """The event, its keys in the schema's order and without those not given, at the end of the history."""
    event = {key: item[key] for key in EVENT_KEYS if item.get(key) is not None}
    if isinstance(data.get("history"), list):
        return Append(("history",), event)
    return Add(("history",), [event], DECISION_KEYS)


def _value_at(data, path: tuple):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


# How a value typed on the command line is read, by the type the schema gives its field.
EXPECTED = {"number": "数字", "integer": "整数", "boolean": "是或否（true 或 false）"}
BOOLEANS = {"true": True, "是": True, "false": False, "否": False}


def _typed(doc, path: tuple, text: str):
    """`text` as the field's type: a number, an integer, true/false, or the text itself; a
    refusal (E-EDIT-VALUE) when it is none of what the field takes."""
    kind = describe(DECISION.schema, path)["schema"].get("type")
    try:
        if kind == "number":
            number = float(text)
            return int(number) if number.is_integer() else number
        if kind == "integer":
            return int(text)
        if kind == "boolean":
            return BOOLEANS[text.strip().lower()]
    except (ValueError, KeyError):
        return _refusal("E-EDIT-VALUE", doc, path, field=".".join(path), title=_title(path),
                        expected=EXPECTED[kind], value=text)
    return text


def _not_to_publish(doc, today: date) -> Finding | None:
    """Why a decision cannot be marked published: never to be published, withdrawn, or published already."""
    data = doc.data
    if never_published(data):
        why, hint = (("涉密", "涉密的决定永不公示；确实不涉密的，请先在编辑器中删除 classified") if data.get("classified") is True
                     else ("的当事人是未成年人", "当事人是未成年人的决定永不公示"))
        return _refusal("E-EDIT-NEVER-PUBLISHED", doc, (), case=_case(data), why=why, hint=hint)
    earlier = withdrawal(data)
    if earlier:
        index, record = earlier
        return _refusal("E-EDIT-NEVER-PUBLISHED", doc, ("history", index), case=_case(data),
                        why=f"已于 {chinese_date(record.get('date', ''))} 被{record['event']}",
                        hint="被变更、撤销、确认违法、确认无效的决定不再公示；重新作出的决定请写在新的决定文件中")
    if data.get("published"):
        return _refusal("E-EDIT-PUBLISHED-TWICE", doc, ("published",), case=_case(data),
                        published=chinese_date(data["published"]))
    return None


def _approval(doc, by: str | None, day: date | None):
    """The approval to add ({} when the record has it), or why it cannot be written."""
    existing = doc.data.get("approval")
    if isinstance(existing, dict):
        if (by is None or by == existing.get("by")) and (day is None or day.isoformat() == existing.get("date")):
            return {}
        return _refusal("E-EDIT-APPROVAL-DIFFERS", doc, ("approval",), case=_case(doc.data),
                        by=existing.get("by", ""), date=chinese_date(existing.get("date", "")),
                        new_by=by or "（没写审批人）", new_date=chinese_date(day) if day else "（没写审批日期）")
    if by is None or day is None:
        return _refusal("E-EDIT-APPROVAL-NEEDED", doc, (), case=_case(doc.data))
    return {"by": by, "date": day}


def _file_findings(target: Target, display: str) -> list:
    """What validating the county says of this one file."""
    province = check_province(target.content_dir, target.config_dir, [target.county])
    _, found = validate_county(target.content_dir, target.config_dir, province.calendar, target.today, target.county)
    return sort_findings([f for f in found if f.path == display])


def _write(path: Path, content: bytes) -> None:
    """Replace the file in one step: an interrupted write never leaves half a record."""
    partial = path.with_name(f".{path.name}.gongshi-edit")
    partial.write_bytes(content)
    os.replace(partial, path)


def _diff(before: str, after: str, display: str) -> list[str]:
    return list(difflib.unified_diff(before.replace("\r\n", "\n").splitlines(), after.replace("\r\n", "\n").splitlines(),
                                     f"{display}（修改前）", f"{display}（修改后）", lineterm=""))
