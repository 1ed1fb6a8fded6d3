"""Legal review of major decisions (重大执法决定法制审核; 国家医疗保障局《医疗保障系统“三项制度”实施办法（试行）》, 赣医保办发〔2020〕8号).

五（二）1, 2: a major decision — a large amount recovered or refused, a service agreement ended, or any
ground the clerk ticks in `major` — is made only after legal review. 五（一）2: nobody who took part
in the case reviews it. 五（四）2: the review takes at most 10 working days, 10 more with approval.
The date rules hold for every review on record, major or not: a review done badly is no review.
"""

from __future__ import annotations

from datetime import date

from decimal import Decimal

from ..cn_format import amount_of, chinese_date, yuan
from ..codes import finding
from ..law.county import county_law
from .decisions import counted, standing_decisions


def check_legal_review(county, calendar) -> list:
    law = county_law(county)
    names = {o.get("id"): o.get("name", "") for o in (county.data("officers") or {}).get("officers", []) if isinstance(o, dict)}
    findings = []
    for doc in standing_decisions(county):
        decision = doc.data
        case = decision.get("case_number", "")
        review = decision.get("legal_review")
        if not isinstance(review, dict):
            reasons = _major_reasons(decision, law)
            if reasons:
                findings.append(finding("E-REVIEW-MISSING", doc.display, doc.line_of(("decided",)), case=case,
                                        reasons="；".join(reasons), citation=law.citation("legal_review_required")))
            continue
        officers = decision.get("officers") if isinstance(decision.get("officers"), list) else []
        reviewer = review.get("reviewer")
        if reviewer is not None and reviewer in officers and "reviewer_not_case_officer" in law.values:
            findings.append(finding("E-REVIEW-BY-CASE-OFFICER", doc.display, doc.line_of(("legal_review", "reviewer")),
                                    case=case, reviewer=reviewer, name=names.get(reviewer, ""),
                                    citation=law.citation("reviewer_not_case_officer")))
        findings += counted(doc, ("legal_review", "submitted"), lambda: _dates(doc, decision, review, law, calendar))
    return findings


def _major_reasons(decision, law) -> list[str]:
    outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
    total = sum((amount_of(outcome.get(k)) or Decimal(0) for k in ("returned", "refused_payment")), Decimal(0))
    reasons = []
    if law.values.get("major_decision_amount_yuan") is not None and total >= law["major_decision_amount_yuan"]:
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
    span = dict(case=case, submitted=chinese_date(submitted), completed=chinese_date(completed))
    if completed < submitted:
        return [finding("E-REVIEW-DATES", doc.display, doc.line_of(("legal_review", "completed")), **span)]
    findings = []
    try:
        decided = date.fromisoformat(decision["decided"])
    except (KeyError, TypeError, ValueError):
        decided = None
    if decided is not None and decided < completed:
        findings.append(finding("E-REVIEW-AFTER-DECISION", doc.display, doc.line_of(("decided",)), case=case,
                                decided=chinese_date(decided), completed=span["completed"],
                                citation=law.citation("legal_review_required")))
    if "legal_review_working_days" not in law.values:
        return findings   # the profile's law sets no period for the review
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
