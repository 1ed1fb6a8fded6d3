"""Which decisions the public may see today, and what of them.

A decision is published when it carries a publication date on or before today and an approval
for release (审批), unless it is flagged 涉密 or its party is a minor: those never go out. It
leaves the site at once, without a notice, while it is withheld (暂停公示); and when it is
withdrawn (变更, 撤销, 确认违法, 确认无效: a withdrawal notice takes its place, 行政处罚法 第四十八条)
or when its publicity period ends (信用修复管理办法).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..kinds import DECISION
from ..law.lifecycle import corrections, never_published, publicity_ends, remade_as, was_published, withdrawal, withheld
from ..law.county import county_law
from ..load.plans import pool_objects
from ..privacy.redaction import redaction_settings
from ..schema import describe
from .party_name import named_by_policy

# Names shorter than this are common enough to occur rightly elsewhere on the site.
MIN_WITHHELD_NAME = 4


# Why a decision whose record has an error that holds it back (scopes.py) is not on the site.
HELD_BACK = "记录有错误，暂不公示"


@dataclass(frozen=True)
class Attachment:
    content: bytes      # what is published: for a PDF, the copy without metadata
    public_path: str    # where it is published, relative to the county site root
    decision: str | None = None   # the decision it belongs to, if any: it leaves with it


def withheld_reason(decision: dict, today: date, law) -> str | None:
    """Why a decision is not on the public site today, or None when it is."""
    if decision.get("classified") is True:
        return "涉密"
    if never_published(decision):
        return "当事人是未成年人"
    if withheld(decision):
        return "暂停公示"
    if withdrawal(decision):
        return "已撤下"
    if not decision.get("approval"):
        return "未经公示审批"
    published = decision.get("published")
    if not published or date.fromisoformat(published) > today:
        return "尚未公示"
    ends = publicity_ends(decision, law)
    if ends is not None and ends <= today:
        return "公示期已结束"
    return None


def off_site_reason(decision_id: str, doc, today: date, law, held: frozenset = frozenset()) -> str | None:
    """`withheld_reason`, or HELD_BACK for a record the build holds back for its errors."""
    return HELD_BACK if decision_id in held else withheld_reason(doc.data, today, law)


def has_withdrawal_notice(decision: dict, today: date, law) -> bool:
    """Whether a withdrawn decision is replaced by a withdrawal notice today: it was published
    before it was withdrawn, and its publicity period (which the notice inherits) has not ended. A
    withheld decision has none: what made it leave at once may be on the notice too (its case number)."""
    if not was_published(decision, today) or not withdrawal(decision) or withheld(decision):
        return False
    ends = publicity_ends(decision, law)
    return ends is None or today < ends


def decision_page(decision_id: str) -> str:
    return f"decisions/{decision_id}.md"


def notice_files(decision_id: str) -> tuple[str, ...]:
    """The built files a withdrawn decision's case number belongs in: its withdrawal notice alone,
    where the site engine writes the page of `decision_page(decision_id)` (the search finds the
    notice by it without copying it: render/search_index.py, data-gs-index-only)."""
    return (f"decisions/{decision_id}/index.html",)


def public_decisions(county, today: date, power_index: dict, held: frozenset = frozenset()
                     ) -> tuple[list[dict], list[dict], list[Attachment]]:
    """The decisions on the site today, newest first, redacted, with the withdrawal notices that
    stand in for withdrawn ones and the PDFs to publish. `held`: records held back for their errors."""
    law = county_law(county)
    naming = redaction_settings(county).natural_person_name
    decisions, attachments = [], []
    for decision_id, doc in county.decisions.items():
        if off_site_reason(decision_id, doc, today, law, held):
            continue
        decision = {key: value for key, value in named_by_policy(doc.redacted.data, naming).items() if key != "full_text"}
        decision["id"] = decision_id
        decision["page"] = decision_page(decision_id)
        decision["power_item"] = power_index.get(decision.get("power"))
        decision["corrections"] = _corrections(decision)
        decision["corrected"] = _corrected_fields(decision["corrections"])
        decision["publicity_until"] = _last_day_on_site(doc.data, law)
        if doc.data.get("full_text"):   # as typed: a masked file name would name no file
            decision["download"] = f"files/decisions/{decision_id}.pdf"
            attachments.append(Attachment(county.pdf(doc.data["full_text"]).published, decision["download"], decision_id))
        decisions.append(decision)
    decisions.sort(key=lambda d: (d["decided"], d["id"]), reverse=True)
    on_site = {d["id"]: d for d in decisions}
    notices = [_notice(decision_id, doc, on_site, naming) for decision_id, doc in county.decisions.items()
               if decision_id not in held and has_withdrawal_notice(doc.data, today, law)]
    notices.sort(key=lambda n: (n["withdrawal"]["date"], n["id"]), reverse=True)
    return with_replaced(decisions, notices), notices, attachments


def with_replaced(decisions: list[dict], notices: list[dict]) -> list[dict]:
    """Each decision made again in place of a withdrawn one (重新作出) with `replaces`: the
    withdrawal notice it links back to, named by its page and event only. The withdrawn
    decision's case number may appear on its notice alone (withheld_decision_values)."""
    replaced = {n["remade"]["id"]: n for n in notices if n.get("remade")}
    out = []
    for decision in decisions:
        decision = {key: value for key, value in decision.items() if key != "replaces"}
        notice = replaced.get(decision["id"])
        if notice:
            decision["replaces"] = {"id": notice["id"], "page": notice["page"], "event": notice["withdrawal"].get("event")}
        out.append(decision)
    return out


def _last_day_on_site(decision: dict, law) -> str | None:
    """The last day of the decision's publicity period (YYYY-MM-DD) by the rule it was made under,
    or the day before a credit repair ended it; None for a decision that has no period."""
    ends = publicity_ends(decision, law)
    return (ends - timedelta(days=1)).isoformat() if ends is not None else None


def _corrections(decision: dict) -> list[dict]:
    """Each 更正 with the name of the field it corrected, as the page shows it."""
    out = []
    for event in corrections(decision):
        path = tuple(str(event.get("field", "")).split("."))
        out.append({**event, "label": describe(DECISION.schema, path)["title"] or event.get("field", "")})
    return out


def _corrected_fields(events: list[dict]) -> set[str]:
    """Every field a correction touched, with the fields around it: outcome.fine → outcome too."""
    parts = [str(e.get("field", "")).split(".") for e in events]
    return {".".join(p[:i]) for p in parts for i in range(1, len(p) + 1)}


def _notice(decision_id: str, doc, on_site: dict, naming: str) -> dict:
    """What a withdrawal notice shows: the case number, kind and dates, the public reason and the
    decision made again — never the party, the facts or the full text."""
    decision = named_by_policy(doc.redacted.data, naming)   # a reason may name the party
    index, _ = withdrawal(doc.data)
    new_id = remade_as(doc.data)
    return {
        "id": decision_id,
        "page": decision_page(decision_id),
        "case_number": decision.get("case_number"),
        "kind": decision.get("kind"),
        "decided": decision.get("decided"),
        "published": decision.get("published"),
        "withdrawal": decision["history"][index],
        "remade": on_site.get(new_id),   # only a decision on the site today is linked
    }


def withheld_decision_values(county, today: date, held: frozenset = frozenset()) -> tuple[dict[str, str], dict[str, tuple]]:
    """Case numbers and organisation names of decisions not on the site, with the file they come
    from: no built file may hold them, unless a decision on the site names them too, or the
    published pool of inspection objects lists the organisation (its name is public in its own
    right there). Second, the files each withdrawn decision's case number may appear in (notice_files)."""
    law = county_law(county)
    values, public, notice_pages = {}, {str(o.get("name")) for o in pool_objects(county)}, {}
    for decision_id, doc in county.decisions.items():
        party = doc.data.get("party") if isinstance(doc.data.get("party"), dict) else {}
        party = str(party.get("name", ""))
        case_number = str(doc.data.get("case_number", ""))
        named = {case_number, party if len(party) >= MIN_WITHHELD_NAME else ""} - {""}
        reason = off_site_reason(decision_id, doc, today, law, held)
        if reason:
            values.update({v: f"{doc.display}（{reason}的决定）" for v in named})
            if case_number and decision_id not in held and has_withdrawal_notice(doc.data, today, law):
                notice_pages[case_number] = notice_files(decision_id)
        else:
            public |= named
    return ({v: source for v, source in values.items() if v not in public},
            {v: page for v, page in notice_pages.items() if v not in public})
