"""What the rules on decisions share: which records a rule looks at, and what becomes of a
period that cannot be counted."""

from __future__ import annotations

from ..codes import finding
from ..errors import UnknownYear
from ..law.lifecycle import withdrawal
from ..law.sources import CALENDAR_NOTICE


def standing_decisions(county) -> list:
    """The decision records that still stand. A withdrawn one (often for the very fault a rule
    looks for) is an archive record, no longer a decision to fix."""
    return [doc for doc in county.records("decision") if withdrawal(doc.data) is None]


def counted(doc, path: tuple, rule) -> list:
    """The findings of `rule()`, a rule that counts working days. A period running into a year no
    calendar knows becomes E-CALENDAR-YEAR at `path`; a missing or malformed date, nothing (the
    schema check reports it)."""
    try:
        return rule()
    except UnknownYear as unknown:
        return [finding("E-CALENDAR-YEAR", doc.display, doc.line_of(path), case=doc.data.get("case_number") or doc.path.stem,
                        year=unknown.year, file=unknown.file, notice=CALENDAR_NOTICE.format(year=unknown.year))]
    except (KeyError, TypeError, ValueError):
        return []
