"""Rules on dates inside one record."""

from __future__ import annotations

from ..codes import finding
from .references import walk


def check_certificate_periods(county) -> list:
    """A certificate cannot end before it starts."""
    doc = county.documents.get("officers")
    if doc is None:
        return []
    findings = []
    for path, officer in walk(doc.data, ("officers", "*")):
        start, until = officer.get("valid_from"), officer.get("valid_until")
        if isinstance(start, str) and isinstance(until, str) and start > until:
            findings.append(finding("E-DATE-ORDER", doc.display, doc.line_of(path + ("valid_until",)),
                                    field_from="valid_from", date_from=start, field_until="valid_until", date_until=until))
    return findings
