"""Personal data and commercial-secret markers in what would be published.

Reports the events of the redaction the public view publishes (each record's `redacted`), so the
clerk reads in `validate` exactly what the site will mask or withhold.
"""

from __future__ import annotations

from ..codes import finding
from ..kinds import ALL_KINDS
from ..privacy.finds import CERTAIN_LABELS, FREE_TEXT_LABELS
from ..privacy.public_by_law import coincidences
from ..privacy.redaction import secret_hint
from ..privacy.redaction import redaction_settings
from ..schema import describe, field_name, strings

PERSONAL_KINDS = tuple(CERTAIN_LABELS)
# What the hint suggests instead, per kind found by the words around it.
REWRITE = {"address": "写到村、小区为止（如“某某小区”），完整住址填在 party.home_address",
           "health": "写成“相关疾病”，病情填在 party.health",
           "person_name": "写成姓加“某某”（如“证人欧阳某某”），姓名填在 other_persons"}


def check_personal_data(county) -> list:
    findings = []
    docs = [doc for kind in ALL_KINDS for doc in county.records(kind.name)] + [county.config]
    for doc in docs:
        if doc is None or doc.data is None:
            continue
        for event in doc.redacted.events:
            where = _where(doc.schema, event.path)
            findings += _event_findings(county, doc.display, doc.line_of(event.path), where, event)
        findings += _withheld_in_published_text(doc)
        findings += _reviewed_not_found(doc)
    return findings + _withheld_but_public_by_law(county)


def _withheld_but_public_by_law(county) -> list:
    """A value one record keeps back and another publishes by law (a person's home address that is
    also a pharmacy's registered address): published, since the law says so, and told to the clerk."""
    records = [doc for kind in ALL_KINDS for doc in county.records(kind.name) if doc.data is not None]
    return [finding("W-WITHHELD-PUBLIC", same.withheld_in.display, same.withheld_in.line_of(same.withheld_path),
                    where=_where(same.withheld_in.schema, same.withheld_path), value=secret_hint(same.value),
                    other=same.public_in.display, other_where=_where(same.public_in.schema, same.public_path))
            for same in coincidences(records)]


def personal_data_findings(county, display: str, text: str, events) -> list:
    """Findings for a whole text file (a Markdown attachment) from its redaction events: line numbers within it."""
    return [f for event in events
            for f in _event_findings(county, display, text.count("\n", 0, event.offset) + 1, "这一行", event)]


def _event_findings(county, display, line, where, event) -> list:
    if event.kind in PERSONAL_KINDS:
        code = "E-PERSONAL-DATA" if redaction_settings(county).personal_data_is_error else "W-PERSONAL-DATA"
        return [finding(code, display, line, where=where, what=CERTAIN_LABELS[event.kind], masked=event.masked)]
    if event.kind in FREE_TEXT_LABELS:
        code = "E-PERSONAL-TEXT" if redaction_settings(county).personal_data_is_error else "W-PERSONAL-TEXT"
        return [finding(code, display, line, where=where, what=FREE_TEXT_LABELS[event.kind], masked=event.masked,
                        rewrite=REWRITE[event.kind])]
    if event.kind == "open_marker":
        return [finding("E-SECRET-MARKER", display, line, where=where)]
    if event.kind == "bad_secret_field":
        return [finding("E-SECRET-FIELD", display, line, value=event.original, allowed=event.masked or "（没有）")]
    return []


def _withheld_in_published_text(doc) -> list:
    """A value kept out of a record (a witness's name, a diagnosis, an address) must not turn up
    in the same record's published text, where masking cannot recognise it."""
    redacted, schema = doc.redacted, doc.schema
    dropped = [(e.path, piece.strip()) for e in redacted.events if e.kind in ("dropped", "dropped_in_record")
               for piece in e.original.split("\n") if len(piece.strip()) >= 2]
    findings = []
    for path, text in strings(redacted.data):
        for source, piece in dropped:
            if piece in text:
                findings.append(finding("E-WITHHELD-IN-TEXT", doc.display, doc.line_of(path), where=_where(schema, path),
                                        field=_where(schema, source)))
    return findings


def _reviewed_not_found(doc) -> list:
    """A passage marked as reviewed must be one the record still has: an entry left behind after
    the text changed would pass a later find unseen."""
    findings = []
    for path, mapping in _mappings(doc.data, ()):
        listed = mapping.get("not_personal_data")
        if not isinstance(listed, list):
            continue
        texts = [text for _, text in strings({k: v for k, v in mapping.items() if k != "not_personal_data"})]
        for i, entry in enumerate(listed):
            passage = entry.get("text") if isinstance(entry, dict) else None
            if isinstance(passage, str) and passage and not any(passage in text for text in texts):
                findings.append(finding("W-REVIEWED-UNUSED", doc.display, doc.line_of(path + ("not_personal_data", i)),
                                        text=passage))
    return findings


def _mappings(value, path):
    if isinstance(value, dict):
        yield path, value
        for key, child in value.items():
            yield from _mappings(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _mappings(child, path + (i,))


def _where(schema_name: str, path) -> str:
    title = describe(schema_name, path)["title"]
    name = field_name(path)
    return f"字段 {name}（{title}）" if title else f"字段 {name}"
