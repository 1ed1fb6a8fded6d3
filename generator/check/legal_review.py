"""Legal review of major decisions (重大执法决定法制审核; 国家医疗保障局《医疗保障系统“三项制度”实施办法（试行）》, 赣医保办发〔2020〕8号).

五（二）1, 2: a major decision — a large amount recovered or refused, a service agreement ended, or any
ground the clerk ticks in `major` — is made only after legal review. 五（一）2: nobody who took part
in the case reviews it. 五（四）2: the review takes at most 10 working days, 10 more with approval.
The date rules hold for every review on record, major or not: a review done badly is no review.
"""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date, yuan
from ..codes import finding
from ..law.lifecycle import withdrawal
from ..law.parameters import county_law
from ..law.working_days import UnknownYear
from ..load.calendar_files import calendar_file
from ..paths import display_path


def check_legal_review(county, calendar, config_dir) -> list:
    law = county_law(county)
    names = {o.get("id"): o.get("name", "") for o in (county.data("officers") or {}).get("officers", []) if isinstance(o, dict)}
    findings = []
    for doc in county.records("decision"):
        decision = doc.data
        if withdrawal(decision):
            continue   # withdrawn (often for this very fault): an archive record, no longer a decision to fix
        case = decision.get("case_number", "")
        review = decision.get("legal_review")
        if not isinstance(review, dict):
            reasons = _major_reasons(decision, law)
            if reasons:
                findings.append(finding("E-REVIEW-MISSING", doc.display, doc.line_of(("decided",)), case=case,
                                        reasons="；".join(reasons)))
            continue
        officers = decision.get("officers") if isinstance(decision.get("officers"), list) else []
        reviewer = review.get("reviewer")
        if reviewer is not None and reviewer in officers:
            findings.append(finding("E-REVIEW-BY-CASE-OFFICER", doc.display, doc.line_of(("legal_review", "reviewer")),
                                    case=case, reviewer=reviewer, name=names.get(reviewer, "")))
        try:
            findings += _dates(doc, decision, review, law, calendar)
        except UnknownYear as unknown:
            findings.append(finding("E-CALENDAR-YEAR", doc.display, doc.line_of(("legal_review", "submitted")), case=case,
                                    year=unknown.year, file=display_path(calendar_file(config_dir, unknown.year))))
    return findings


def _major_reasons(decision, law) -> list[str]:
    outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
    amounts = [outcome.get(k) for k in ("returned", "refused_payment")]
    total = sum(a for a in amounts if isinstance(a, (int, float)) and not isinstance(a, bool))
    reasons = []
    if total >= law["major_decision_amount_yuan"]:
        reasons.append(f"追回、拒付医保基金共{yuan(total)}，达到数额较大的标准{yuan(law['major_decision_amount_yuan'])}")
    if outcome.get("terminate_agreement") is True:
        reasons.append("解除医保服务协议")
    major = decision.get("major")
    if isinstance(major, list):
        reasons += [str(m) for m in major]
    return reasons


def _dates(doc, decision, review, law, calendar) -> list:
    try:
        submitted, completed = date.fromisoformat(review["submitted"]), date.fromisoformat(review["completed"])
    except (KeyError, TypeError, ValueError):
        return []   # a missing or malformed date: the schema check reports it
    case = decision.get("case_number", "")
    span = dict(case=case, submitted=chinese_date(submitted.isoformat()), completed=chinese_date(completed.isoformat()))
    if completed < submitted:
        return [finding("E-REVIEW-DATES", doc.display, doc.line_of(("legal_review", "completed")), **span)]
    findings = []
    try:
        decided = date.fromisoformat(decision["decided"])
    except (KeyError, TypeError, ValueError):
        decided = None
    if decided is not None and decided < completed:
        findings.append(finding("E-REVIEW-AFTER-DECISION", doc.display, doc.line_of(("decided",)), case=case,
                                decided=chinese_date(decided.isoformat()), completed=span["completed"]))
    limit, extension = law["legal_review_working_days"], law["legal_review_extension_working_days"]
    days = calendar.working_days_between(submitted, completed)
    citation = law.citation("legal_review_working_days")
    line = doc.line_of(("legal_review", "completed"))
    if days > limit + extension:
        findings.append(finding("E-REVIEW-TOO-LONG-EXTENDED", doc.display, line, days=days, limit=limit,
                                extension=extension, total=limit + extension, citation=citation, **span))
    elif days > limit and review.get("extended") is not True:
        findings.append(finding("E-REVIEW-TOO-LONG", doc.display, line, days=days, limit=limit, extension=extension,
                                citation=citation, **span))
    return findings
