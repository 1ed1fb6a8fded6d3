"""A county with errors keeps its previous site, but removals are never held back.

The previous site is remade from the public view it was built from (kept private beside the
output, publish/state.py), less what must leave it today, judged on the current records: a
decision that is withdrawn, expired, classified, has a minor party, is no longer approved or
published, whose record now has an error or is gone; a withdrawal notice whose period is over; an
officer whose certificate is no longer valid. A decision withdrawn since then gets its withdrawal
notice, made from its current record as on any build. Nothing else is taken from the current
content: what the county's errors concern is exactly what cannot be trusted yet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..law.parameters import county_law
from ..load.county import County
from .decisions import off_site_reason, public_decisions
from .view import PublicCounty, holds_valid_certificate


def kept_view(previous: PublicCounty, county: County, today: date, held: frozenset) -> tuple[PublicCounty, list[str]]:
    """The previous view less today's removals, and the ids of the decisions and notices removed."""
    law = county_law(county)
    before = {d["id"] for d in previous.decisions}
    staying = {i for i in before if i in county.decisions and not off_site_reason(i, county.decisions[i], today, law, held)}
    never_there = frozenset(county.decisions.keys() - before - {n["id"] for n in previous.withdrawal_notices})
    _, notices, _ = public_decisions(county, today, {}, held | never_there)
    removed = (before - staying) | ({n["id"] for n in previous.withdrawal_notices} - {n["id"] for n in notices})
    view = replace(
        previous,
        decisions=[d for d in previous.decisions if d["id"] in staying],
        withdrawal_notices=notices,
        attachments=[a for a in previous.attachments if a.decision is None or a.decision in staying],
        officers=None if previous.officers is None else [o for o in previous.officers if holds_valid_certificate(o, today)],
    )
    return view, sorted(removed)
