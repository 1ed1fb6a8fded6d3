"""Decisions taken off the site at once (暂停公示, `withheld`): each is named on every check, so
that a withholding is never forgotten, and its date is one that has come."""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date
from ..codes import finding
from ..law.lifecycle import day_of, withheld


def check_withholding(county, today: date) -> list:
    findings = []
    for doc in county.records("decision"):
        record = withheld(doc.data)
        if record is None:
            continue
        about = dict(case=doc.data.get("case_number", ""), date=chinese_date(record["date"]))
        since = day_of(record["date"])
        if since is not None and since > today:
            findings.append(finding("E-WITHHELD-FUTURE", doc.display, doc.line_of(("withheld", "date")),
                                    today=chinese_date(today), **about))
        findings.append(finding("W-WITHHELD", doc.display, doc.line_of(("withheld",)), reason=record["reason"], **about))
    return findings
