"""The history of a decision after publication: withdrawals on time, corrections of real fields,
decisions made again that exist, credit repair not before its shortest period.

行政处罚法 第四十八条第二款 and 第八十五条 (three working days to withdraw and say why);
信用修复管理办法 (国家发展改革委令2025年第36号) for the shortest publicity periods.
"""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date
from ..codes import finding
from ..kinds import DECISION, DECISION_DIR
from ..law.lifecycle import CORRECTION, CREDIT_REPAIR, events, publicity_period, was_published, withdrawal_deadline
from ..law.publicity import citation_of
from ..law.county import county_law
from ..schema import describe, walk
from .decisions import counted


PARTY_ITEMS = {"name": "名称或姓名", "legal_representative": "法定代表人", "address": "住所", "credit_code": "统一社会信用代码"}


def check_history(county, calendar, today: date) -> list:
    law = county_law(county)
    return [found for doc in county.records("decision") for index, event in events(doc.data)
            for found in counted(doc, ("history", index, "date"),
                                 lambda: _event(doc, event, ("history", index), county, law, calendar, today))]


def _event(doc, event: dict, where: tuple, county, law, calendar, today: date) -> list:
    findings = _dates(doc, event, where, today)
    if isinstance(event.get("decision"), str) and event["decision"] not in county.decisions:
        findings.append(finding("E-REF-UNKNOWN", doc.display, doc.line_of(where + ("decision",)),
                                field=f"history[{where[1] + 1}].decision", target="执法决定", value=event["decision"],
                                known="、".join(sorted(county.decisions)) or "（还没有）", file=f"{DECISION_DIR}/<编号>.yml"))
    if event["event"] in law["withdrawal_events"]:
        findings += _notice_names_party(doc, event, where)
        if was_published(doc.data, today):   # never on the site: nothing to take down
            findings += _withdrawal(doc, event, where, law, calendar, today)
    elif event["event"] == CORRECTION:
        findings += _correction(doc, event, where)
    elif event["event"] == CREDIT_REPAIR:
        findings += _credit_repair(doc, event, where, law)
    return findings


def _dates(doc, event: dict, where: tuple, today: date) -> list:
    """An event happens after the decision and not after today; a withdrawal is recorded after its event."""
    case = doc.data.get("case_number", "")
    happened = date.fromisoformat(event["date"])
    out = []
    if happened > today:
        out.append(finding("E-HISTORY-FUTURE", doc.display, doc.line_of(where + ("date",)), case=case, event=event["event"],
                           field="date", date=chinese_date(event["date"]), today=chinese_date(today)))
    elif happened < date.fromisoformat(doc.data["decided"]):
        out.append(finding("E-HISTORY-ORDER", doc.display, doc.line_of(where + ("date",)), case=case, event=event["event"],
                           field="date", date=chinese_date(event["date"]), other="作出决定日期 decided",
                           other_date=chinese_date(doc.data["decided"])))
    if event.get("withdrawn"):
        withdrawn = date.fromisoformat(event["withdrawn"])
        if withdrawn > today:
            out.append(finding("E-HISTORY-FUTURE", doc.display, doc.line_of(where + ("withdrawn",)), case=case,
                               event=event["event"], field="withdrawn", date=chinese_date(event["withdrawn"]),
                               today=chinese_date(today)))
        elif withdrawn < happened:
            out.append(finding("E-HISTORY-ORDER", doc.display, doc.line_of(where + ("withdrawn",)), case=case,
                               event=event["event"], field="withdrawn", date=chinese_date(event["withdrawn"]),
                               other="事件日期 date", other_date=chinese_date(event["date"])))
    return out


def _notice_names_party(doc, event: dict, where: tuple) -> list:
    """The withdrawal notice shows `reason` and `authority` and must not name the party."""
    party = doc.data.get("party") if isinstance(doc.data.get("party"), dict) else {}
    named = {label: party[k] for k, label in PARTY_ITEMS.items() if isinstance(party.get(k), str) and len(party[k]) >= 2}
    return [finding("E-NOTICE-NAMES-PARTY", doc.display, doc.line_of(where + (key,)), case=doc.data.get("case_number", ""),
                    field=key, what=label)
            for key in ("reason", "authority") if isinstance(event.get(key), str)
            for label, value in named.items() if value in event[key]]


def _withdrawal(doc, event: dict, where: tuple, law, calendar, today: date) -> list:
    if event.get("late_reason"):
        return []
    within, happened = law["withdraw_within_working_days"], date.fromisoformat(event["date"])
    withdrawn = date.fromisoformat(event["withdrawn"]) if event.get("withdrawn") else None
    if withdrawn is not None and calendar.is_within(happened, within, withdrawn):
        return []   # on time, whatever the days after it are
    deadline = withdrawal_deadline(event, law, calendar)
    about = dict(case=doc.data.get("case_number", ""), event=event["event"], date=chinese_date(event["date"]),
                 within=within, deadline=chinese_date(deadline), citation=law.citation("withdraw_within_working_days"))
    if withdrawn is not None:
        return [finding("E-WITHDRAWAL-LATE", doc.display, doc.line_of(where + ("withdrawn",)),
                        withdrawn=chinese_date(event["withdrawn"]), late=calendar.working_days_between(deadline, withdrawn), **about)]
    code = "E-WITHDRAWAL-OVERDUE" if not calendar.is_within(happened, within, today) else "W-WITHDRAWAL-UNDATED"
    return [finding(code, doc.display, doc.line_of(where), today=chinese_date(today), **about)]


def _correction(doc, event: dict, where: tuple) -> list:
    field = str(event.get("field", ""))
    problem = correction_problem(doc.data, field)
    if problem == HIDDEN:
        return [finding("E-CORRECTION-HIDDEN", doc.display, doc.line_of(where + ("field",)), value=field,
                        case=doc.data.get("case_number", ""))]
    if problem == UNKNOWN:
        return [finding("E-CORRECTION-FIELD", doc.display, doc.line_of(where + ("field",)), value=field,
                        case=doc.data.get("case_number", ""), known="、".join(correctable_fields(doc.data)))]
    return []


UNKNOWN, HIDDEN = "unknown", "hidden"


def correction_problem(decision: dict, field: str) -> str | None:
    """Why `field` (outcome.fine) cannot be what a 更正 corrects: UNKNOWN (no such field, or not
    filled), HIDDEN (not published: there is nothing on the site to correct); None when it can."""
    path = tuple(field.split("."))
    if not describe(DECISION.schema, path)["title"] or not any(True for _ in walk(decision, path)):
        return UNKNOWN
    if any(describe(DECISION.schema, path[:i])["schema"].get("x-publish") == "dropped" for i in range(1, len(path) + 1)):
        return HIDDEN
    return None


def correctable_fields(decision: dict) -> list[str]:
    """The fields a clerk is offered to correct: those of the first two levels that hold one value."""
    present = [name for name, value in decision.items() if name not in ("history",) and not isinstance(value, (list, dict))]
    return present + [f"{name}.{sub}" for name, value in decision.items() if isinstance(value, dict)
                      for sub, inner in value.items() if not isinstance(inner, (list, dict))]


def _credit_repair(doc, event: dict, where: tuple, law) -> list:
    if doc.data.get("kind") not in law["kinds_with_publicity_period"]:
        return [finding("E-CREDIT-REPAIR-KIND", doc.display, doc.line_of(where + ("event",)),
                        case=doc.data.get("case_number", ""), kind=doc.data.get("kind", ""),
                        kinds="、".join(law["kinds_with_publicity_period"]), citation=law.citation("kinds_with_publicity_period"))]
    period = publicity_period(doc.data, law)
    if period is None or period[1] is None:
        return []
    repaired, shortest_ends = date.fromisoformat(event["date"]), period[1]
    if repaired > shortest_ends:
        return []
    return [finding("E-CREDIT-REPAIR-EARLY", doc.display, doc.line_of(where + ("date",)),
                    case=doc.data.get("case_number", ""), severity=doc.data["severity"], repaired=chinese_date(event["date"]),
                    earliest=chinese_date(shortest_ends),
                    citation=citation_of(date.fromisoformat(doc.data["decided"]), doc.data["severity"], law))]
