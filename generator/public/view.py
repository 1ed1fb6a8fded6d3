"""What one county may publish on a given day.

Rendering, search, downloads: every output reads a PublicCounty, never a loaded County. Records
arrive redacted (privacy/redaction.py) as copies made once per loaded record and shared with the
check stage, so the view builds new mappings where it adds to them and never changes one in place;
nothing downstream can reach back into content. PDFs are published as rewritten copies without
document metadata.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..kinds import SITE_CONFIG
from ..law.certificates import in_force
from ..law.county import county_law
from ..load.county import County, last_updated
from ..privacy.public_by_law import coincidences
from ..privacy.redaction import Redacted, redaction_settings
from ..schema import field_name
from .annual_stats import annual_sections
from .decisions import Attachment, off_site_reason, public_decisions, withheld_decision_values
from .inspections import PublicInspections, public_inspections

EXEMPTION_LISTS = (
    ("no_penalty", "不予行政处罚事项清单"),
    ("lighter_penalty", "从轻行政处罚事项清单"),
    ("reduced_penalty", "减轻行政处罚事项清单"),
    ("no_compulsory_measure", "不予实施行政强制措施清单"),
)


@dataclass
class PublicCounty:
    id: str
    today: date
    site_name: str
    site_description: str
    footer: dict
    updated: date | None
    subject: dict
    officers: list | None = None                    # only those who may enforce today; None: no list kept
    powers: dict | None = None
    legal_review: dict | None = None
    remedies: dict | None = None
    responsibility: dict | None = None
    discretion: dict | None = None
    exemptions: list = field(default_factory=list)  # (title, items) for the four lists
    inspections: dict | None = None                 # the catalogue (双随机抽查事项清单)
    random: PublicInspections = field(default_factory=PublicInspections)   # pool, plans, draws, tasks, certificates
    documents: list = field(default_factory=list)
    annual: dict | None = None
    annual_stats: list = field(default_factory=list)  # AnnualYear: figures and analysis per year, newest first
    decisions: list = field(default_factory=list)    # on the site today, newest first
    withdrawal_notices: list = field(default_factory=list)  # in place of withdrawn decisions, newest first
    attachments: list = field(default_factory=list)
    published_contacts: set = field(default_factory=set)  # bureau mobiles shown on purpose (for `gongshi scan`)
    site_url: str | None = None                      # the site's address, for QR codes that lead back to it

    def documents_in(self, *categories: str) -> list:
        return [d for d in self.documents if d["category"] in categories]


def redacted_documents(county: County) -> dict[str, Redacted]:
    """Every loaded file of the county, redacted; the site config under its own name."""
    out = {kind: doc.redacted for kind, doc in county.documents.items()}
    out[SITE_CONFIG.name] = county.config.redacted
    return out


def withheld_values(county: County, today: date, held: frozenset = frozenset()) -> tuple[dict[str, str], dict[str, tuple]]:
    """What the county keeps out of its site, each with where it came from: `gongshi build`
    makes sure none of it got in. Second, the files where a withheld value belongs (a withdrawn
    decision's case number on its withdrawal notice)."""
    config = county.config.display if county.config is not None else "site_config"
    values = {secret: f"{config} 的 extra.redaction.secrets" for secret in redaction_settings(county).secrets}
    decision_values, notice_pages = withheld_decision_values(county, today, held)
    values.update(decision_values)
    records = list(county.documents.values()) + list(county.decisions.values())
    shown = set().union(*(doc.redacted.shown for doc in records),
                        county.config.redacted.shown if county.config is not None else set())
    law = county_law(county)
    loaded = [doc for doc in records if doc.data is not None]
    off_site = {id(doc) for decision_id, doc in county.decisions.items() if off_site_reason(decision_id, doc, today, law, held)}
    on_site = [doc for doc in loaded if id(doc) not in off_site]
    public_by_law = {same.value for same in coincidences(loaded, on_site)}
    for doc in records:
        values.update({v: f"{doc.display} 的 {field_name(path)}" for v, path in doc.redacted.withheld().items()
                       if v not in shown and v not in public_by_law})
    for file in _markdown_files(county):
        _, events = county.redacted_markdown(file)
        values.update({v: file for v in Redacted(None, events).withheld()})
    return values, notice_pages


def _markdown_files(county: County) -> list[str]:
    return [doc["file"] for doc in (county.data("documents") or {}).get("documents", [])
            if isinstance(doc, dict) and str(doc.get("file", "")).endswith(".md")]


def public_view(county: County, today: date, held: frozenset = frozenset(), calendar=None) -> PublicCounty:
    """`held`: decisions held back for errors in their records (scopes.py). `calendar`: the working
    days, to say of each published inspection result whether it was published in time."""
    redacted = redacted_documents(county)
    data = {kind: r.data for kind, r in redacted.items()}
    config = data.pop(SITE_CONFIG.name)
    documents, attachments = _documents(county, data.get("documents"))
    powers = _with_documents(data.get("powers"), {d["id"]: d for d in documents})
    power_index = {item["code"]: item for item in (powers or {}).get("items", [])}
    decisions, notices, decision_files = public_decisions(county, today, power_index, held)
    return PublicCounty(
        id=county.id,
        today=today,
        site_name=config["site_name"],
        site_description=config.get("site_description", ""),
        footer=config["extra"]["footer"],
        updated=last_updated(county.folder),
        subject=data["subject"],
        officers=_current_officers(data, today),
        powers=powers,
        legal_review=_with_powers(data.get("legal-review"), power_index),
        remedies=data.get("remedies"),
        responsibility=data.get("responsibility"),
        discretion=data.get("discretion"),
        exemptions=_exemptions(data.get("exemptions")),
        inspections=data.get("inspections"),
        random=public_inspections(county, _listed_officers(data), _agency_names(data), {d["id"]: d for d in decisions},
                                  today, calendar),
        documents=documents,
        annual=data.get("annual"),
        annual_stats=annual_sections(county, data.get("annual"), today),
        decisions=decisions,
        withdrawal_notices=notices,
        attachments=attachments + decision_files,
        published_contacts=set().union(*(r.allowed for r in redacted.values())),
        site_url=config.get("site_url") or None,
    )


def _current_officers(data, today: date) -> list | None:
    if "officers" not in data:
        return None
    agencies = _agency_names(data)
    return [{**o, "agency_name": agencies.get(o.get("agency"), "")} for o in _listed_officers(data) if in_force(o, today)]


def _listed_officers(data) -> list[dict]:
    return (data.get("officers") or {}).get("officers", [])


def _agency_names(data) -> dict:
    return {a["id"]: a["name"] for a in data["subject"].get("agencies", [])}


def _with_documents(powers, document_index: dict):
    """Each power item with the flowchart and service guide it names, for links beside it."""
    if powers is None:
        return None
    return {**powers, "items": [{**item, "flowchart_doc": document_index.get(item.get("flowchart")),
                                 "guide_doc": document_index.get(item.get("guide"))} for item in powers["items"]]}


def _with_powers(section, power_index):
    """Each legal-review entry with the power items it names, for rendering the legal basis beside them."""
    if section is None:
        return None
    return {**section, "entries": [{**entry, "power_items": [power_index[code] for code in entry.get("powers", [])
                                                              if code in power_index]}
                                   for entry in section.get("entries", [])]}


def _exemptions(section):
    if section is None:
        return []
    return [(title, section.get(key, [])) for key, title in EXEMPTION_LISTS]


def _documents(county: County, section):
    # File names are read as the clerk typed them: a masked name would name no file.
    typed_files = {d.get("id"): d.get("file") for d in (county.data("documents") or {}).get("documents", [])}
    documents, attachments = [], []
    for doc in (section or {}).get("documents", []):
        file = typed_files.get(doc["id"])
        doc = {key: value for key, value in doc.items() if key != "file"}
        if file and file.endswith(".md"):
            doc["body"], _ = county.redacted_markdown(file)
        elif file and file.endswith(".pdf"):
            doc["download"] = f"files/{doc['id']}.pdf"
            attachments.append(Attachment(county.pdf(file).published, doc["download"]))
        documents.append(doc)
    return documents, attachments
