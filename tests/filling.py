"""Fill what `gongshi new` left to the clerk, as a clerk would, from the schema alone: each
`<请填写：…>` becomes a value its field accepts (a date, the first choice, a new id, a reference to
an id the county has, text, a value of the field's format written in the sample content)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import count
from pathlib import Path

import yaml

from generator.check.references import REFERENCES, known_ids
from generator.check.schema import unfilled_fields
from generator.kinds import ALL_KINDS, SITE_CONFIG
from generator.load.county import load_county
from generator.schema import describe, strings

TEXT = "示例内容"
EXAMPLE = re.compile(r"如\s*'?([^\s'，；、）]+)")


def kind_of(path: Path):
    if path.parent.name == "site_config":
        return SITE_CONFIG
    if path.parent.name == "decisions":
        return next(kind for kind in ALL_KINDS if kind.name == "decision")
    return next(kind for kind in ALL_KINDS if kind.file == path.name)


def fill_county(root: Path, county: str, today: str, sample: Path) -> None:
    """Every placeholder of a county's files and site config: values first, then references."""
    files = sorted((root / "content" / county).rglob("*.yml")) + [root / "site_config" / f"{county}.yml"]
    ids = count(1)
    for path in files:
        dates = _Dates(today)
        _fill(path, lambda kind, at, node: _value(node, dates, ids, sample) if not _reference(kind, at) else None, dates)
    loaded, _ = load_county(root / "content", root / "site_config", county)
    for path in files:
        _fill(path, lambda kind, at, node: _referenced(loaded, kind, at))


class _Dates:
    """Dates in the order written are the order of events: each one left to fill is the day after
    the latest date before it in the file (the first, today)."""

    def __init__(self, today: str):
        self.latest = date.fromisoformat(today) - timedelta(days=1)

    def seen(self, text: str) -> None:
        try:
            self.latest = max(self.latest, date.fromisoformat(text))
        except ValueError:
            pass

    def next(self) -> str:
        self.latest += timedelta(days=1)
        return self.latest.isoformat()


def _fill(path: Path, choose, dates: _Dates | None = None) -> None:
    kind = kind_of(path)
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    unfilled = dict(unfilled_fields(data))
    for at, value in strings(data):
        if at not in unfilled:
            if dates is not None:
                dates.seen(value)
            continue
        placeholder = value
        value = choose(kind.name, at, describe(kind.schema, at)["schema"])
        if value is not None:
            text = text.replace(f"'{placeholder}'", yaml.safe_dump(value, allow_unicode=True).removesuffix("\n...\n").strip(), 1)
    path.write_text(text, encoding="utf-8")


def _reference(kind: str, at: tuple):
    return next((ref for ref in REFERENCES if ref.kind == kind and len(ref.path) == len(at)
                 and all(p in ("*", step) for p, step in zip(ref.path, at))), None)


def _referenced(county, kind: str, at: tuple):
    reference = _reference(kind, at)
    if reference is None:
        return None
    ids = list(known_ids(county, reference.target))
    if not ids:
        return None   # left for validate to name
    return ids[at[-1] % len(ids)] if isinstance(at[-1], int) else ids[0]


def _value(node: dict, dates: _Dates, ids, sample: Path):
    if "enum" in node:
        return node["enum"][0]
    if node.get("format") == "date":
        return dates.next()
    if node.get("type") in ("integer", "number"):
        if "maximum" in node:   # a year
            return min(max(dates.latest.year, node.get("minimum", 0)), node["maximum"])
        return max(node.get("minimum", 1), 1)
    if node.get("type") == "boolean":
        return False
    pattern = node.get("pattern")
    if pattern is None or re.match(pattern, TEXT):
        return TEXT
    if re.match(pattern, "x1"):   # an id: new for each
        return f"x{next(ids)}"
    examples = EXAMPLE.findall(node.get("description", "")) + [text for text in _sample_strings(sample)]
    return next(example for example in examples if re.match(pattern, example))


def _sample_strings(sample: Path):
    for path in sorted(sample.rglob("*.yml")):
        for _, text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield text
