"""Writing records into content files a clerk keeps, as a clerk would: a new file begins with the
line an editor completes it from, and a file that exists is changed through round_trip.edited, so
that every line not changed stays as it was (comments, quotes, order, indentation), new records go
at the end of their list, and nothing else is touched.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import yaml
from ruamel.yaml import YAML

from ..round_trip import Add, Append, Replace, edited
from .repository import SCHEMA_COPY

BOM = "\ufeff"


def _dumper() -> YAML:
    out = YAML()
    out.indent(mapping=2, sequence=4, offset=2)   # "  - id: …", as the sample files and gongshi init write
    out.width = 1_000_000   # a long legal text stays on its line
    return out


def dumped(record: dict) -> list[str]:
    """A record as the lines it is written in (a text that reads as a date or a number is quoted)."""
    out = io.StringIO()
    _dumper().dump(record, out)
    return out.getvalue().splitlines()


def schema_line(target: Path, schema: str, root: Path) -> str:
    """The first line of a content file: where, from the file, the repository's copy of its schema is."""
    relative = os.path.relpath(root.resolve() / SCHEMA_COPY / schema, target.parent.resolve()).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={relative}\n"


def new_file(path: Path, schema: str, root: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_line(path, schema, root) + "\n".join(dumped(data)) + "\n", encoding="utf-8")


def merged_into_file(path: Path, list_key: str | None, id_field: str | None, replacements: dict, additions: list) -> None:
    """Write records into a file that exists: for a file of records (`list_key` names its list),
    each of `replacements` (id → record) over the item with that id and `additions` at the end;
    for a file that is one record, `replacements` holds that one record. Raises
    round_trip.LayoutLost, writing nothing, when the file cannot keep its other lines."""
    text = path.read_text(encoding="utf-8")
    bom = BOM if text.startswith(BOM) else ""
    data = yaml.safe_load(text[len(bom):]) or {}
    if list_key is None:
        (record,) = replacements.values()
        changes = _changes((), data, record)
    else:
        items = data.get(list_key) or []
        changes = [change for index, item in enumerate(items)
                   if isinstance(item, dict) and item.get(id_field) in replacements
                   for change in _changes((list_key, index), item, replacements[item[id_field]])]
        if additions and list_key in data and data[list_key]:
            changes += [Append((list_key,), record) for record in additions]
        elif additions:
            changes.append((Replace if list_key in data else Add)((list_key,), list(additions)))
    path.write_text(bom + edited(text[len(bom):], changes), encoding="utf-8")


def _changes(path: tuple, before: dict, record: dict) -> list:
    """The changes that write `record`'s values over `before` (a mapping in the file at `path`)."""
    changes = []
    for key, value in record.items():
        if isinstance(value, dict) and isinstance(before.get(key), dict):
            changes += _changes(path + (key,), before[key], value)
        elif key not in before:
            changes.append(Add(path + (key,), value))
        elif before[key] != value:
            changes.append(Replace(path + (key,), value))
    return changes
