"""What each field may publish: the redaction rules of the public view.

Every field's policy is written in its schema as `x-publish` (a property's own policy wins over the
definition it points to, and a policy holds for everything below it):
- `shown`   the bureau's own contact data and public codes: a mobile number is published as typed
            (a bureau may list one); any other personal data is still masked;
- `masked`  free text, the default: published with personal data masked (`138****5678`);
- `dropped` kept in git for the bureau's own use, never published (an officer's own mobile …).

Beyond the schema, a clerk marks commercial secrets in text (【商业秘密】…【/商业秘密】, or with
half-width brackets) or names
whole fields in a record's `commercial_secrets`; both read `[商业秘密，依法不予公开]`. A list item
with `classified: true` (涉密) is left out altogether.

`redact` is the only function that turns raw content into publishable values. Each loaded record
is redacted once (`YamlDocument.redacted` in load/yaml_file.py): the check stage reports the events
of that result and the public view publishes its data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema import registry
from .finds import CERTAIN_LABELS, FREE_TEXT_LABELS
from .personal_data import find_personal_data

SHOWN, MASKED, DROPPED = "shown", "masked", "dropped"
COMMERCIAL_SECRET_NOTICE = "[商业秘密，依法不予公开]"
# Clerks type the brackets full- or half-width: both mark a passage.
SECRET_MARKER = re.compile(r"[【\[]/?商业秘密[】\]]")
FLAG_FIELDS = ("classified", "commercial_secrets", "not_personal_data")  # steer redaction; never published themselves
PUBLIC_CONTACT_KINDS = ("mobile",)                   # what a `shown` field may publish that looks personal
# What the leak scan searches the whole site for. Not what free-text rules found (an address, an
# illness): the same words elsewhere on the site (a list of chronic illnesses) are no leak.
WITHHELD_KINDS = ("dropped", "commercial_secret", *CERTAIN_LABELS)

# Values withheld from the public shorter than this are not searched for in the built site:
# a two-character name or "35 元" also occurs in text that is rightly public.
MIN_DECLARED_SECRET = 6


@dataclass(frozen=True)
class Event:
    """One thing redaction did, at `path` (keys and 0-based indexes) in its document."""

    path: tuple
    kind: str          # a personal-data kind, "commercial_secret", "open_marker", "dropped", "dropped_in_record",
                       # "classified", "bad_secret_field"
    original: str = ""
    masked: str = ""
    offset: int = 0    # where in the text value the find starts (for line numbers in attachments)


@dataclass
class Redacted:
    data: object
    events: list = field(default_factory=list)
    allowed: set = field(default_factory=set)   # personal-data-looking values published on purpose
    shown: set = field(default_factory=set)     # every value of a `shown` field: public by definition

    def withheld(self) -> dict[str, tuple]:
        """Values that must appear in no built file (`gongshi scan` searches for each), with the
        path each came from. A health note or a witness's name is only checked within its own
        record (`"x-scan": "record"`): the same words elsewhere on the site are no leak."""
        return {e.original: e.path for e in self.events
                if e.kind in WITHHELD_KINDS and len(e.original.strip()) >= MIN_DECLARED_SECRET
                and e.original not in self.shown}


def secret_hint(secret: str) -> str:
    """Enough of a secret for a clerk to find it, never the secret itself."""
    return f"“{secret[:1]}…”（{len(secret)} 个字）"


@dataclass(frozen=True)
class Reviewed:
    """What the free-text rules leave as typed in one record: the passages a clerk has checked
    (`not_personal_data`), and the name of a natural-person party, which is published under the
    county's naming policy (public/party_name.py) rather than masked as another person's name."""

    passages: tuple[str, ...] = ()
    party_names: tuple[str, ...] = ()

    def __add__(self, other: "Reviewed") -> "Reviewed":
        return Reviewed(self.passages + other.passages, self.party_names + other.party_names)

    def passes(self, found, spans) -> bool:
        if found.kind not in FREE_TEXT_LABELS:
            return False   # an ID, a mobile … is masked whatever a clerk says
        return (found.kind == "person_name" and found.value in self.party_names
                or any(start <= found.start and found.end <= end for start, end in spans))

    def spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for passage in self.passages:
            start = text.find(passage)
            while passage and start >= 0:
                spans.append((start, start + len(passage)))
                start = text.find(passage, start + 1)
        return spans


def redact_text(text: str, path=(), keep=(), markdown=False, reviewed=Reviewed()) -> tuple[str, list[Event]]:
    """Free text with commercial-secret passages replaced and personal data masked.

    Finds of the kinds in `keep` stay as typed and are not reported, and so do the free-text
    finds a record's `reviewed` passes. In `markdown` (an attachment's body) the masks' asterisks
    are escaped, or `l***@x.org` would render as emphasis."""
    text_out, events, to_original = _replace_secret_passages(text, path)
    spans = reviewed.spans(text_out)
    out, last = [], 0
    for found in find_personal_data(text_out, markdown=markdown, free_text=True):
        if found.kind in keep or reviewed.passes(found, spans):
            continue
        events.append(Event(path, found.kind, text_out[found.start:found.end], found.masked, to_original(found.start)))
        out += [text_out[last:found.start], found.masked.replace("*", "\\*") if markdown else found.masked]
        last = found.end
    return "".join(out) + text_out[last:], events


def _replace_secret_passages(text: str, path):
    """Replace each marked passage by the notice, in one pass. A marker without its partner
    (or a second opening inside a passage) withholds everything after it rather than guess.
    Returns the new text, the events, and a function from new positions to the clerk's."""
    events, pieces, segments = [], [], []   # segments: (start in new text, start in original)
    kept_from, opened, length = 0, None, 0
    for marker in SECRET_MARKER.finditer(text) if "商业秘密" in text else ():
        closing = "/" in marker.group()
        if opened is None and not closing:
            opened = marker
            continue
        if opened is not None and closing:
            segments.append((length, kept_from))
            pieces += [text[kept_from:opened.start()], COMMERCIAL_SECRET_NOTICE]
            length += opened.start() - kept_from + len(COMMERCIAL_SECRET_NOTICE)
            events.append(Event(path, "commercial_secret", text[opened.end():marker.start()], COMMERCIAL_SECRET_NOTICE,
                                opened.start()))
            kept_from, opened = marker.end(), None
            continue
        stray = opened or marker
        events.append(Event(path, "open_marker", text[stray.start():], COMMERCIAL_SECRET_NOTICE, stray.start()))
        segments.append((length, kept_from))
        pieces += [text[kept_from:stray.start()], COMMERCIAL_SECRET_NOTICE]
        return "".join(pieces), events, _position_map(segments)
    if opened is not None:
        events.append(Event(path, "open_marker", text[opened.start():], COMMERCIAL_SECRET_NOTICE, opened.start()))
        segments.append((length, kept_from))
        pieces += [text[kept_from:opened.start()], COMMERCIAL_SECRET_NOTICE]
        return "".join(pieces), events, _position_map(segments)
    segments.append((length, kept_from))
    pieces.append(text[kept_from:])
    return "".join(pieces), events, _position_map(segments)


def _position_map(segments):
    def to_original(position: int) -> int:
        start, original = max((s for s in segments if s[0] <= position), default=(0, 0))
        return original + position - start
    return to_original


def redact(data, schema_name: str) -> Redacted:
    """A redacted deep copy of one document's data, and everything redaction did to it."""
    result = Redacted(None)
    resolver = registry().resolver(base_uri=schema_name)
    result.data = _value(data, registry().contents(schema_name), resolver, MASKED, (), result, Reviewed())
    return result


def _value(value, node, resolver, policy, path, result, reviewed):
    node, resolver, policy = _resolve(node, resolver, policy)
    if policy == DROPPED:
        result.events.append(Event(path, "dropped_in_record" if node.get("x-scan") == "record" else "dropped",
                                   _flat_text(value)))
        return None
    if isinstance(value, dict):
        return _mapping(value, node, resolver, policy, path, result, reviewed)
    if isinstance(value, list):
        items = node.get("items", {})
        out = []
        for i, item in enumerate(value):
            if isinstance(item, dict) and item.get("classified") is True:
                result.events.append(Event(path + (i,), "classified"))
                continue
            out.append(_value(item, items, resolver, policy, path + (i,), result, reviewed))
        return out
    if isinstance(value, str):
        if policy == SHOWN:
            result.shown.add(value)
        keep = PUBLIC_CONTACT_KINDS if policy == SHOWN else ()
        if keep:   # only a shown field publishes contacts on purpose: elsewhere there is nothing to allow
            result.allowed.update(f.value for f in find_personal_data(value) if f.kind in keep)
        text, events = redact_text(value, path, keep, reviewed=reviewed)
        result.events += events
        return text
    return value


def _mapping(value, node, resolver, policy, path, result, reviewed):
    secret_fields = _secret_fields(value, node, resolver, path, result)
    reviewed = reviewed + reviewed_in(value)
    out = {}
    for key, child in value.items():
        if key in FLAG_FIELDS:
            continue
        if key in secret_fields:
            result.events.append(Event(path + (key,), "commercial_secret", _flat_text(child), COMMERCIAL_SECRET_NOTICE))
            out[key] = COMMERCIAL_SECRET_NOTICE
            continue
        child_node = node.get("properties", {}).get(key, {})
        child_value = _value(child, child_node, resolver, policy, path + (key,), result, reviewed)
        if child_value is not None or child is None:
            out[key] = child_value
    return out


def reviewed_in(value: dict) -> Reviewed:
    listed = value.get("not_personal_data")
    passages = tuple(entry["text"] for entry in listed if isinstance(entry, dict) and isinstance(entry.get("text"), str)
                     ) if isinstance(listed, list) else ()
    party = value.get("party")
    named = isinstance(party, dict) and party.get("type") == "自然人" and isinstance(party.get("name"), str)
    return Reviewed(passages, (party["name"].strip(),) if named else ())


def _secret_fields(value: dict, node, resolver, path, result) -> set[str]:
    """The fields `commercial_secrets` names that hold free text; any other name is an event
    (`bad_secret_field`) the check reports, with the names it could have used."""
    named = value.get("commercial_secrets")
    if not isinstance(named, list):
        return set()
    properties = node.get("properties", {})
    usable = [k for k in value if k in properties and is_free_text(properties[k], resolver)]
    for i, name in enumerate(named):
        if name not in usable:
            result.events.append(Event(path + ("commercial_secrets", i), "bad_secret_field", str(name), "、".join(usable)))
    return {name for name in named if name in usable}


def field_policy(schema_name: str, path) -> str:
    """The `x-publish` policy `redact` applies to the field at `path` (keys, and any int for a
    list item): a policy holds for everything below it, and nothing below a dropped field is
    published."""
    node, resolver, policy = _resolve(registry().contents(schema_name), registry().resolver(base_uri=schema_name), MASKED)
    for step in path:
        if policy == DROPPED:
            break
        child = node.get("items", {}) if isinstance(step, int) else node.get("properties", {}).get(step, {})
        node, resolver, policy = _resolve(child, resolver, policy)
    return policy


def is_free_text(node, resolver) -> bool:
    """Text a clerk writes freely (or a list of such): what a commercial secret can be."""
    node, resolver, policy = _resolve(node, resolver, MASKED)
    if policy != MASKED:
        return False
    if node.get("type") == "array":
        return is_free_text(node.get("items", {}), resolver)
    return node.get("type") == "string" and not {"pattern", "enum", "format", "const"} & node.keys()


def _resolve(node, resolver, policy):
    """Follow $refs; the policy nearest the data wins, a property's own before its definition's."""
    own = node.get("x-publish")
    while "$ref" in node:
        node, resolver = _lookup(resolver, node["$ref"])
        own = own or node.get("x-publish")
    return node, resolver, own or policy


_LOOKUPS: dict = {}   # (base URI, $ref) → (schema node, resolver): the schemas never change while we run


def _lookup(resolver, ref: str):
    """A $ref from where `resolver` stands, looked up once (every value of every record asks again)."""
    key = (getattr(resolver, "_base_uri", None), ref)
    if key not in _LOOKUPS:
        resolved = resolver.lookup(ref)
        _LOOKUPS[key] = (resolved.contents, resolved.resolver)
    return _LOOKUPS[key]


def _flat_text(value) -> str:
    if isinstance(value, dict):
        return "\n".join(_flat_text(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(_flat_text(v) for v in value)
    return "" if value is None else str(value)


# How a county names a natural-person party on its site (site-config schema, public/party_name.py).
SURNAME_ONLY, FULL_NAME = "姓加某某", "全名"
NAMING_POLICIES = (SURNAME_ONLY, FULL_NAME)


@dataclass(frozen=True)
class RedactionSettings:
    """A county's choices, from `extra.redaction` in its site_config file."""

    personal_data_is_error: bool = False       # 发现个人信息: 错误 — refuse instead of mask and warn
    secrets: tuple[str, ...] = ()              # strings that must appear in no built file
    natural_person_name: str = SURNAME_ONLY     # how a natural-person party is named (public/party_name.py)


def redaction_settings(county) -> RedactionSettings:
    config = county.config.data if county.config is not None and isinstance(county.config.data, dict) else {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    settings = extra.get("redaction") if isinstance(extra.get("redaction"), dict) else {}
    secrets = settings.get("secrets") if isinstance(settings.get("secrets"), list) else []
    naming = settings.get("natural_person_name")
    return RedactionSettings(settings.get("personal_data") == "错误", tuple(s for s in secrets if isinstance(s, str) and s),
                             naming if naming in NAMING_POLICIES else SURNAME_ONLY)
