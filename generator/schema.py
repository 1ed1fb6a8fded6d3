"""The JSON Schemas of the content files, and how to walk data and schema side by side.

A foundation: the check stage validates against these schemas, the public view reads each
field's publication policy (`x-publish`) from them, and messages name fields by their titles.
"""

from __future__ import annotations

import json
from functools import lru_cache

import jsonschema
import referencing
import referencing.jsonschema

from .paths import SCHEMA_DIR


@lru_cache(maxsize=None)
def registry() -> referencing.Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, referencing.Resource.from_contents(
            contents, default_specification=referencing.jsonschema.DRAFT7)))
    return referencing.Registry().with_resources(resources).crawl()   # subresources found once, not at every $ref


@lru_cache(maxsize=None)
def validator(schema_name: str) -> jsonschema.Draft7Validator:
    schema = registry().contents(schema_name)
    inlined = _inlined(schema, registry().resolver(base_uri=schema_name), ())
    if '"$ref"' not in json.dumps(inlined):   # a recursive schema keeps its refs, to be resolved from where they stand
        schema = inlined
    return jsonschema.Draft7Validator(schema, registry=registry(), format_checker=jsonschema.FormatChecker())


def _inlined(node, resolver, seen: tuple):
    """The schema with each $ref replaced by what it names (a ref inside its own definition is
    left as it is): validating every value of every record then resolves nothing. Draft 7 ignores
    the keywords beside a $ref (titles, x-publish), and so does this."""
    if isinstance(node, list):
        return [_inlined(item, resolver, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        resolved = resolver.lookup(node["$ref"])
        return _inlined(resolved.contents, resolved.resolver, seen + (node["$ref"],))
    return {k: (v if k in ("enum", "const", "required", "default", "examples") else _inlined(v, resolver, seen))
            for k, v in node.items()}


def describe(schema_name: str, path) -> dict:
    """Title, description and schema of the field at `path`, following $refs.

    A property's own title (beside its $ref) wins over the title of the definition it points to."""
    resolver = registry().resolver(base_uri=schema_name)
    node = registry().contents(schema_name)
    title, description = node.get("title"), node.get("description")
    node, resolver = deref(node, resolver)
    for step in path:
        child = node.get("items", {}) if isinstance(step, int) else node.get("properties", {}).get(step, {})
        title, description = child.get("title"), child.get("description")
        node, resolver = deref(child, resolver)
        title, description = title or node.get("title"), description or node.get("description")
    return {"title": title or "", "description": description or "", "schema": node}


def deref(node: dict, resolver):
    """The schema node a `$ref` chain ends at, with the resolver for refs inside it."""
    while "$ref" in node:
        resolved = resolver.lookup(node["$ref"])
        node, resolver = resolved.contents, resolved.resolver
    return node, resolver


def field_name(path) -> str:
    """`agencies[1].phone`: keys joined by dots, list items counted from 1 as a clerk counts."""
    out = ""
    for step in path:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "（整个文件）"


def walk(data, pattern, prefix=()):
    """Yield (path, value) for every place in `data` that matches the glob path `pattern`
    ("*" matches every list item)."""
    if not pattern:
        yield prefix, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*" and isinstance(data, list):
        for i, item in enumerate(data):
            yield from walk(item, rest, prefix + (i,))
    elif isinstance(data, dict) and step in data:
        yield from walk(data[step], rest, prefix + (step,))


def strings(value, path=()):
    """Yield (path, text) for every string in `data`, keys and list indexes as in `walk`."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from strings(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from strings(child, path + (i,))
    elif isinstance(value, str):
        yield path, value
