"""Which decisions the public may see today, and what of them.

A decision is published when it carries a publication date on or before today and an approval
for release (审批), unless it is flagged 涉密 or its party is a minor: those never go out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..kinds import DECISION
from ..load.pdf_file import without_metadata
from .redaction import redact

# Names shorter than this are common enough to occur rightly elsewhere on the site.
MIN_WITHHELD_NAME = 4


@dataclass(frozen=True)
class Attachment:
    content: bytes      # what is published: for a PDF, the copy without metadata
    public_path: str    # where it is published, relative to the county site root


def withheld_reason(decision: dict, today: date) -> str | None:
    """Why a decision is not on the public site today, or None when it is."""
    if decision.get("classified") is True:
        return "涉密"
    if (decision.get("party") or {}).get("minor") is True:
        return "当事人是未成年人"
    if not decision.get("approval"):
        return "未经公示审批"
    published = decision.get("published")
    if not published or date.fromisoformat(published) > today:
        return "尚未公示"
    return None


def decision_page(decision_id: str) -> str:
    return f"decisions/{decision_id}.md"


def public_decisions(county, today: date, power_index: dict) -> tuple[list[dict], list[Attachment]]:
    """The decisions on the site today, newest first, redacted, with their PDFs to publish."""
    decisions, attachments = [], []
    for decision_id, doc in county.decisions.items():
        if withheld_reason(doc.data, today):
            continue
        decision = redact(doc.data, DECISION.schema).data
        decision["id"] = decision_id
        decision["page"] = decision_page(decision_id)
        decision["power_item"] = power_index.get(decision.get("power"))
        if doc.data.get("full_text"):   # as typed: a masked file name would name no file
            decision["download"] = f"files/decisions/{decision_id}.pdf"
            attachments.append(Attachment(without_metadata(county.attachment(doc.data["full_text"])), decision["download"]))
        decision.pop("full_text", None)
        decisions.append(decision)
    decisions.sort(key=lambda d: (d["decided"], d["id"]), reverse=True)
    return decisions, attachments


def withheld_decision_values(county, today: date) -> dict[str, str]:
    """Case numbers and organisation names of decisions not on the site, with the file they come
    from: no built file may hold them, unless a decision on the site names them too."""
    values, public = {}, set()
    for doc in county.decisions.values():
        party = str((doc.data.get("party") or {}).get("name", ""))
        named = {str(doc.data.get("case_number", "")), party if len(party) >= MIN_WITHHELD_NAME else ""} - {""}
        if withheld_reason(doc.data, today):
            values.update({v: f"{doc.display}（未公示的决定）" for v in named})
        else:
            public |= named
    return {v: source for v, source in values.items() if v not in public}
