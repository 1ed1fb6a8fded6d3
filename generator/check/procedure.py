"""The procedure of a 行政处罚 as the record tells it (《行政处罚法》, 2021).

- Art 60: decided within 90 days of filing (calendar days: Art 85 makes only 二日, 三日, 五日 and 七日
  working days), the periods of hearing, notice, testing and appraisal not counted, and longer only
  by an extension recorded with its basis and approval;
- Art 61: served within 7 working days when the decision was not handed over on the spot;
- Art 51: the summary procedure only for a warning or a fine of up to 200 yuan (citizens) or
  3,000 yuan (organisations);
- Art 43: an officer who recused himself neither handles nor reviews the case;
- Arts 63–64: the party told of the right to a hearing before a large fine (the amount each
  province sets) or a suspension, and given 5 working days to ask; a hearing asked for is held
  before the decision;
- Art 33: 首违不罚 is discretionary ("可以"): a penalty on a first violation of a matter on the
  county's no-penalty list is a warning to confirm, an error where the county makes the list binding.

Every value is a law parameter. These are checks on the record: none takes a published decision
off the site.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..cn_format import amount_of, chinese_date, yuan
from ..codes import finding
from ..law.lifecycle import day_of
from ..law.county import county_law
from .decisions import counted, standing_decisions
from .fines import exemption_items
from .party import ORGANISATIONS

PENALTY = "行政处罚"


def check_procedure(county, calendar) -> list:
    law = county_law(county)
    no_penalty = {}   # each power → the items of the no-penalty list that name it
    for on_list, item in exemption_items(county.data("exemptions")).values():
        if on_list == "no_penalty" and isinstance(item.get("power"), str):
            no_penalty.setdefault(item["power"], []).append(item)
    findings = []
    for doc in standing_decisions(county):
        decision = doc.data
        if decision.get("kind") != PENALTY:
            continue
        findings += _time_to_decide(doc, decision, law)
        findings += counted(doc, ("served",), lambda: _service(doc, decision, law, calendar))
        findings += _summary_procedure(doc, decision, law)
        findings += _recusals(doc, decision, law)
        findings += counted(doc, ("hearing",), lambda: _hearing(doc, decision, law, calendar))
        findings += _first_violation(doc, decision, law, no_penalty)
    return findings


def _case(decision) -> str:
    return decision.get("case_number", "")


# --- Art 60: 90 days from filing ---

def _time_to_decide(doc, decision, law) -> list:
    filed, decided = day_of(decision.get("filed")), day_of(decision.get("decided"))
    if filed is None or decided is None or decided < filed:
        return []
    excluded = _excluded_days(decision, filed, decided)
    extension = decision.get("time_extension") if isinstance(decision.get("time_extension"), dict) else {}
    limit = law["decide_within_days"] + (extension.get("days") or 0)
    used = (decided - filed).days - excluded
    if used <= limit:
        return []
    return [finding("E-DECIDE-LATE", doc.display, doc.line_of(("decided",)), case=_case(decision),
                    filed=chinese_date(filed), decided=chinese_date(decided), days=used,
                    excluded=f"，不计听证、公告、检测、鉴定等期间 {excluded} 日" if excluded else "",
                    limit=limit, extended=f"（含经批准延长的 {extension['days']} 日）" if extension.get("days") else "",
                    citation=law.citation("decide_within_days"))]


def _excluded_days(decision, filed: date, decided: date) -> int:
    """Days of the excluded periods within the case, each day once however many periods overlap it."""
    days = set()
    for period in decision.get("excluded_periods") or []:
        start, end = day_of(period.get("from")), day_of(period.get("to"))
        if start is None or end is None or end < start:
            continue
        day = max(start, filed)
        while day <= min(end, decided):
            days.add(day)
            day += timedelta(days=1)
    return len(days)


# --- Art 61: served within 7 working days ---

def _service(doc, decision, law, calendar) -> list:
    if decision.get("delivery") != "送达":
        return []   # handed over on the spot, or not said: nothing to count
    decided, served = day_of(decision.get("decided")), day_of(decision.get("served"))
    within = law["serve_within_working_days"]
    if served is None:
        return [finding("E-SERVE-MISSING", doc.display, doc.line_of(("delivery",)), case=_case(decision),
                        within=within, citation=law.citation("serve_within_working_days"))]
    if decided is None or calendar.is_within(decided, within, served):
        return []
    return [finding("E-SERVE-LATE", doc.display, doc.line_of(("served",)), case=_case(decision),
                    decided=chinese_date(decided), served=chinese_date(served), within=within,
                    deadline=chinese_date(calendar.add_working_days(decided, within)),
                    citation=law.citation("serve_within_working_days"))]


# --- Art 51: the summary procedure ---

def _summary_procedure(doc, decision, law) -> list:
    if decision.get("procedure") != "简易程序":
        return []
    outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
    party = decision.get("party") if isinstance(decision.get("party"), dict) else {}
    organisation = party.get("type") in ORGANISATIONS
    limit = law["summary_fine_yuan_organisation" if organisation else "summary_fine_yuan_person"]
    fine = amount_of(outcome.get("fine")) or 0
    other = [label for key, label in BEYOND_SUMMARY.items() if outcome.get(key)]
    if fine <= limit and not other:
        return []
    return [finding("E-SUMMARY-PROCEDURE", doc.display, doc.line_of(("procedure",)), case=_case(decision),
                    what="、".join(([f"罚款{yuan(fine)}"] if fine > limit else []) + other),
                    who="法人或者其他组织" if organisation else "公民", limit=yuan(limit),
                    citation=law.citation("summary_fine_yuan_organisation" if organisation else "summary_fine_yuan_person"))]


BEYOND_SUMMARY = {"suspension_months": "暂停", "terminate_agreement": "解除服务协议"}   # never by the summary procedure


# --- Art 43: recusal ---

def _recusals(doc, decision, law) -> list:
    officers = decision.get("officers") if isinstance(decision.get("officers"), list) else []
    review = decision.get("legal_review") if isinstance(decision.get("legal_review"), dict) else {}
    findings = []
    for index, recusal in enumerate(decision.get("recusals") or []):
        officer = recusal.get("officer") if isinstance(recusal, dict) else None
        roles = (["承办人员"] if officer in officers else []) + (["法制审核人员"] if officer == review.get("reviewer") else [])
        if officer and roles:
            findings.append(finding("E-RECUSED-OFFICER", doc.display, doc.line_of(("recusals", index, "officer")),
                                    case=_case(decision), officer=officer, roles="和".join(roles),
                                    citation=law.citation("recusal")))
    return findings


# --- Arts 63–64: the right to a hearing ---

def _hearing_reasons(decision, law) -> list[str]:
    outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
    party = decision.get("party") if isinstance(decision.get("party"), dict) else {}
    reasons = []
    if outcome.get("suspension_months"):
        reasons.append(f"暂停 {outcome['suspension_months']} 个月")
    if outcome.get("terminate_agreement") is True:
        reasons.append("解除服务协议")
    large = law["hearing_fine_yuan_organisation" if party.get("type") in ORGANISATIONS else "hearing_fine_yuan_person"]
    fine = amount_of(outcome.get("fine"))
    if large is not None and fine is not None and fine >= large:
        reasons.append(f"罚款{yuan(fine)}，达到本省规定的较大数额{yuan(large)}")
    return reasons


def _hearing(doc, decision, law, calendar) -> list:
    reasons = _hearing_reasons(decision, law)
    hearing = decision.get("hearing") if isinstance(decision.get("hearing"), dict) else None
    decided = day_of(decision.get("decided"))
    if not reasons or decided is None:
        return []
    about = dict(case=_case(decision), reasons="；".join(reasons), citation=law.citation("hearing_right"))
    if hearing is None:
        return [finding("E-HEARING-NOT-NOTIFIED", doc.display, doc.line_of(("decided",)), **about)]
    notified, requested, held = (day_of(hearing.get(k)) for k in ("notified", "requested", "held"))
    if requested is not None:
        if held is None or held > decided:
            return [finding("E-HEARING-NOT-HELD", doc.display, doc.line_of(("hearing",)), requested=chinese_date(requested),
                            decided=chinese_date(decided), **about)]
        return []
    days = law["hearing_request_working_days"]
    if notified is not None and hearing.get("waived") is not True and calendar.is_within(notified, days, decided):
        return [finding("E-HEARING-TOO-SOON", doc.display, doc.line_of(("decided",)), notified=chinese_date(notified),
                        decided=chinese_date(decided), days=days,
                        ends=chinese_date(calendar.add_working_days(notified, days)),
                        case=_case(decision), citation=law.citation("hearing_request_working_days"))]
    return []


# --- Art 33: 首违不罚 ---

def _first_violation(doc, decision, law, no_penalty: dict) -> list:
    items = no_penalty.get(decision.get("power"))
    outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
    penalised = any(outcome.get(k) for k in ("fine", "warning", "suspension_months"))
    if not items or not penalised or decision.get("first_violation") is not True:
        return []
    binding = law["no_penalty_list_binding"] is True
    return [finding("E-FIRST-VIOLATION" if binding else "W-FIRST-VIOLATION", doc.display, doc.line_of(("first_violation",)),
                    case=_case(decision), power=decision.get("power"), items="、".join(i.get("id", "") for i in items),
                    citation=law.citation("first_violation"))]
