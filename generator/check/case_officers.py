"""Case officers of a decision: at least two, each holding a certificate valid on the decision date.

行政处罚法 第四十二条, 医疗保障基金使用监督管理条例 第二十九条, 行政强制法 第十八条. A certificate's
status (注销, 吊销) is today's; whether it was in force on a past decision date is read from its period.
"""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date
from ..codes import finding
from ..law.county import county_law

def check_case_officers(county) -> list:
    law = county_law(county)
    officers = {}
    for officer in (county.data("officers") or {}).get("officers", []):
        if isinstance(officer, dict):
            officers.setdefault(officer.get("id"), officer)   # a duplicate id has its own finding
    findings = []
    for doc in county.records("decision"):
        decision = doc.data
        listed = decision.get("officers") if isinstance(decision.get("officers"), list) else []
        if decision.get("kind") in law["kinds_needing_two_officers"] and len(set(listed)) < law["min_case_officers"]:
            findings.append(finding("E-OFFICERS-TOO-FEW", doc.display, doc.line_of(("officers",)), kind=decision["kind"],
                                    case=decision.get("case_number", ""), count=len(set(listed)),
                                    minimum=law["min_case_officers"], citation=law.citation("min_case_officers")))
        try:
            decided = date.fromisoformat(decision["decided"])
        except (KeyError, TypeError, ValueError):
            continue
        for i, officer_id in enumerate(listed):
            officer = officers.get(officer_id)
            if officer is None:
                continue  # an unknown id is reported by the reference check
            try:
                start, end = date.fromisoformat(officer["valid_from"]), date.fromisoformat(officer["valid_until"])
            except (KeyError, TypeError, ValueError):
                continue
            if start <= end and not start <= decided <= end:   # a reversed period has its own finding
                findings.append(finding(
                    "E-OFFICER-CERTIFICATE", doc.display, doc.line_of(("officers", i)), name=officer.get("name", ""),
                    officer=officer_id, decided=chinese_date(decision["decided"]),
                    valid=f"{chinese_date(officer['valid_from'])}至{chinese_date(officer['valid_until'])}"))
    return findings
