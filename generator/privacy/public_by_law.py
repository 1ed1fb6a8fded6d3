"""Values the law makes public that a record also keeps back.

An organisation's registered name, address and legal representative are public (a penalty on a
pharmacy names its 住所); a private person's home address is not. When a withheld value (a
natural person's `home_address`) is the same as such a field of an organisation in another
record, the value is on the site rightly: the leak scan must not refuse the build for it, and
the clerk is told, naming both records, so that the coincidence is checked by a person.

Fields public by law carry `"x-public-by-law": true` in their schema; they count for an object
whose `type` is an organisation.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from ..schema import registry, walk
from .normalise import compact

ORGANISATIONS = ("单位", "个体工商户")


@dataclass(frozen=True)
class Coincidence:
    value: str
    withheld_in: object      # the record keeping it back (a loaded document), and where
    withheld_path: tuple
    public_in: object        # the record publishing it by law, and where
    public_path: tuple


def coincidences(records, publishing=None) -> list[Coincidence]:
    """Each withheld value of one of `records` that another record publishes by law (one of
    `publishing`, when given: the records that are on the site)."""
    public = [(doc, path, compact(value)) for doc in (records if publishing is None else publishing)
              for path, value in published_by_law(doc)]
    # All published texts in one string, searched once for each withheld value, rather than
    # every value against every text (a county of 1,000 decisions has a million such pairs).
    joined = "\n".join(text for _, _, text in public)
    starts = list(accumulate((len(text) + 1 for _, _, text in public[:-1]), initial=0))
    found = []
    for doc in records:
        for value, path in doc.redacted.withheld().items():
            needle = compact(value)
            at = joined.find(needle) if needle else -1
            while at >= 0:
                index = bisect_right(starts, at) - 1
                other, public_path, text = public[index]
                if other is not doc and at + len(needle) <= starts[index] + len(text):
                    found.append(Coincidence(value, doc, path, other, public_path))
                    break
                at = joined.find(needle, at + 1)
    return found


def published_by_law(doc) -> list[tuple[tuple, str]]:
    """(path, value) of each field of `doc`'s published data that the law makes public."""
    out = []
    for pattern in _fields(doc.schema):
        for path, value in walk(doc.redacted.data, pattern):
            owner = next((v for _, v in walk(doc.redacted.data, path[:-1])), None)
            if isinstance(value, str) and isinstance(owner, dict) and owner.get("type") in ORGANISATIONS:
                out.append((path, value))
    return out


@lru_cache(maxsize=None)
def _fields(schema_name: str) -> tuple[tuple, ...]:
    """Glob paths ("*" for list items) of the fields marked x-public-by-law in a schema."""
    found = []

    def visit(node, resolver, path):
        marked = node.get("x-public-by-law") is True   # beside a $ref: the property's own word
        while "$ref" in node:
            resolved = resolver.lookup(node["$ref"])
            node, resolver = resolved.contents, resolved.resolver
        if marked or node.get("x-public-by-law") is True:
            found.append(path)
        if len(path) < 6:
            for key, child in node.get("properties", {}).items():
                visit(child, resolver, path + (key,))
            if isinstance(node.get("items"), dict):
                visit(node["items"], resolver, path + ("*",))

    visit(registry().contents(schema_name), registry().resolver(base_uri=schema_name), ())
    return tuple(found)
