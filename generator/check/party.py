"""The party of a decision: fields that fit its type, and a credit code that is one.

A natural person's address or representative typed into an organisation's field would be
published, so each type accepts only its own fields (浙江省行政处罚结果信息网上公开暂行办法 第七条).
"""

from __future__ import annotations

from datetime import date

from stdnum.cn import uscc

from ..cn_format import chinese_date
from ..codes import finding
from ..law.county import county_law
from ..privacy.personal_data import id_birth_date

ORGANISATION_ONLY = ("credit_code", "legal_representative", "address")
PERSON_ONLY = ("id_number", "home_address", "health", "minor")
ORGANISATIONS = ("单位", "个体工商户")


def check_parties(county) -> list:
    law = county_law(county)
    findings = []
    for doc in county.records("decision"):
        party = doc.data.get("party") if isinstance(doc.data, dict) else None
        if not isinstance(party, dict) or party.get("type") not in ORGANISATIONS + ("自然人",):
            continue  # the schema check reports it
        wrong = PERSON_ONLY if party["type"] in ORGANISATIONS else ORGANISATION_ONLY
        for name in wrong:
            if name in party:
                findings.append(finding("E-PARTY-FIELD", doc.display, doc.line_of(("party", name)),
                                        field=f"party.{name}", type=party["type"]))
        findings += _minor_by_id(doc, party, law)
        code = party.get("credit_code")
        if isinstance(code, str) and not uscc.is_valid(code):
            findings.append(finding("E-PARTY-CREDIT-CODE", doc.display, doc.line_of(("party", "credit_code")), value=code))
    return findings


def _minor_by_id(doc, party: dict, law) -> list:
    """The ID number tells the age: a party under age on the decision date is a minor, flag or no flag."""
    number = str(party.get("id_number", "")).upper()
    born = id_birth_date(number) if len(number) == 18 else None
    if party.get("minor") is True or born is None:
        return []
    try:
        decided = date.fromisoformat(doc.data["decided"])
    except (KeyError, TypeError, ValueError):
        return []
    age = law["adult_age"]
    adult = born.replace(year=born.year + age) if (born.month, born.day) != (2, 29) else date(born.year + age, 3, 1)
    if decided >= adult:
        return []
    return [finding("E-PARTY-MINOR", doc.display, doc.line_of(("party", "id_number")), decided=chinese_date(doc.data["decided"]),
                    age=age, citation=law.citation("adult_age"))]
