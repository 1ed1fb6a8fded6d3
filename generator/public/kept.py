"""A county with errors keeps its previous site, but removals are never held back.

The previous site is remade from the public view it was built from (kept private beside the
output, publish/state.py), less what must leave it today, judged on the current records: a
decision that is withdrawn, expired, classified, has a minor party, is no longer approved or
published, whose record now has an error or is gone; a withdrawal notice whose period is over; an
officer whose certificate is no longer valid, or who is gone from the list or classified (a
certificate page then says how the certificate stands today, or goes with its officer); a
document classified or gone; a decision classified since, from the annual figures. A decision
withdrawn since then gets its withdrawal notice, made from its current record as on any build.
Nothing else is taken from the current content: what the county's errors concern is exactly what
cannot be trusted yet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..kinds import KIND_BY_NAME
from ..law.certificates import in_force, standing
from ..law.lifecycle import day_of
from ..law.county import county_law
from ..load.county import County
from ..schema import describe
from .annual_stats import annual_sections
from .decisions import off_site_reason, public_decisions, with_replaced
from .inspections import UNNAMED
from .view import PublicCounty

CERTIFICATE_STATUSES = describe(KIND_BY_NAME["officers"].schema, ("officers", 0, "status"))["schema"].get("enum", [])


def kept_view(previous: PublicCounty, county: County, today: date, held: frozenset) -> tuple[PublicCounty, list[str]]:
    """The previous view less today's removals, and the ids of the decisions and notices removed."""
    law = county_law(county)
    before = {d["id"] for d in previous.decisions}
    staying = {i for i in before if i in county.decisions and not off_site_reason(i, county.decisions[i], today, law, held)}
    never_there = frozenset(county.decisions.keys() - before - {n["id"] for n in previous.withdrawal_notices})
    _, notices, _ = public_decisions(county, today, {}, held | never_there)
    removed = (before - staying) | ({n["id"] for n in previous.withdrawal_notices} - {n["id"] for n in notices})
    documents = _documents_still_public(previous.documents, county)
    downloads = {d.get("download") for d in previous.documents} - {d.get("download") for d in documents}
    view = replace(
        previous,
        decisions=with_replaced([d for d in previous.decisions if d["id"] in staying], notices),
        withdrawal_notices=notices,
        attachments=[a for a in previous.attachments
                     if (a.decision is None or a.decision in staying) and a.public_path not in downloads],
        officers=_officers_still_valid(previous.officers, county, today),
        random=_certificates_as_they_stand(previous.random, county, today),
        documents=documents,
        annual_stats=annual_sections(county, previous.annual, today),   # a decision classified since is counted no more
    )
    return view, sorted(removed)


def _officers_still_valid(officers: list | None, county: County, today: date) -> list | None:
    """Those of the previous list whose certificate is still valid today, judged on the current
    officers.yml where it can be read (an officer gone from it, classified, or whose certificate
    was revoked is removed), else on what the previous list says."""
    if officers is None:
        return None
    current = county.data("officers")
    if not isinstance(current, dict) or not isinstance(current.get("officers"), list):
        return [o for o in officers if _valid(o, today)]
    now = {o.get("id"): o for o in current["officers"] if isinstance(o, dict)}
    return [o for o in officers if o.get("id") in now and now[o["id"]].get("classified") is not True
            and _valid(now[o["id"]] if _well_formed(now[o["id"]]) else o, today)]


def _certificates_as_they_stand(random, county: County, today: date):
    """The previous inspection pages with each certificate's standing judged today, on the current
    officers.yml where its entry can be judged; an officer gone from it or classified loses his
    certificate page and is no longer named."""
    current = county.data("officers")
    now = {o.get("id"): o for o in current["officers"] if isinstance(o, dict)} \
        if isinstance(current, dict) and isinstance(current.get("officers"), list) else None
    certificates = {}
    for certificate in random.certificates:
        entry = now.get(certificate["id"]) if now is not None else certificate
        if entry is None or entry.get("classified") is True:
            continue
        judged = entry if _well_formed(entry) else certificate
        standing_now = standing(judged, today)
        certificates[certificate["id"]] = {**certificate, "valid": standing_now.valid, "standing": standing_now.label,
                                           "since": standing_now.since}
    named = lambda people: [certificates.get(p.get("id"), UNNAMED) for p in people]  # noqa: E731
    tasks = {t["id"]: {**t, "inspectors": named(t["inspectors"])} for t in random.tasks}
    plans = [{**plan, "tasks": [tasks[t["id"]] for t in plan["tasks"]],
              "batches": [{**b, "drawn": [{**d, "inspectors": named(d["inspectors"])} for d in b.get("drawn", [])]}
                          for b in plan["batches"]]}
             for plan in random.plans]
    return replace(random, certificates=list(certificates.values()), tasks=list(tasks.values()), plans=plans)


def _well_formed(officer: dict) -> bool:
    """Whether the current entry can be judged: a typo in it (the error the county is kept for)
    says nothing about the certificate, which is then judged as the previous list had it."""
    return officer.get("status") in CERTIFICATE_STATUSES and all(day_of(officer.get(k)) for k in ("valid_from", "valid_until"))


def _valid(officer: dict, today: date) -> bool:
    try:
        return in_force(officer, today)
    except (KeyError, TypeError, ValueError):
        return False


def _documents_still_public(documents: list, county: County) -> list:
    """Those of the previous list that are still listed and not classified in the current
    documents.yml, where it can be read."""
    current = county.data("documents")
    if not isinstance(current, dict) or not isinstance(current.get("documents"), list):
        return documents
    public = {d.get("id") for d in current["documents"] if isinstance(d, dict) and d.get("classified") is not True}
    return [d for d in documents if d.get("id") in public]
