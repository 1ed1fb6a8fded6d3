"""Rules on dates inside one record."""

from __future__ import annotations

from datetime import date

from ..codes import finding
from ..schema import walk


def check_certificate_periods(county) -> list:
    """A certificate cannot end before it starts."""
    doc = county.documents.get("officers")
    if doc is None:
        return []
    findings = []
    for path, officer in walk(doc.data, ("officers", "*")):
        if not isinstance(officer, dict):
            continue  # the schema check reports it
        start, until = _date(officer.get("valid_from")), _date(officer.get("valid_until"))
        if start and until and start > until:
            findings.append(finding("E-DATE-ORDER", doc.display, doc.line_of(path + ("valid_until",)),
                                    field_from="valid_from", date_from=start, field_until="valid_until", date_until=until))
    return findings


def _date(value) -> date | None:
    """A date the schema check accepted; anything else has its own finding already."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
