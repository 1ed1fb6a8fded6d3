"""Writing records into content files a clerk keeps, as a clerk would: the file's comments, quotes
and order stay as they are (ruamel.yaml round trip), new records go at the end of their list, and
a date or a number-like text is written in quotes, so that it is read back as the text it is.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .repository import SCHEMA_COPY


def _yaml() -> YAML:
    rt = YAML()   # round trip: comments and quotes are kept
    rt.preserve_quotes = True
    rt.indent(mapping=2, sequence=4, offset=2)   # "  - id: …", as the sample files and gongshi init write
    rt.width = 1_000_000   # a long legal text stays on its line
    return rt


def _commented(value):
    if isinstance(value, dict):
        return CommentedMap((key, _commented(child)) for key, child in value.items())
    if isinstance(value, list):
        return CommentedSeq(_commented(child) for child in value)
    return value


def _text(data) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def dumped(record: dict) -> list[str]:
    """A record as the lines it is written in."""
    return _text(_commented(record)).splitlines()


def schema_line(depth: int, schema: str) -> str:
    """The first line of a content file `depth` folders below the repository (content/<county>/x.yml: 2):
    the schema an editor completes it from."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_COPY}/{schema}\n"


def new_file(path: Path, depth: int, schema: str, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(schema_line(depth, schema) + _text(_commented(record)), encoding="utf-8")


def merged_into_file(path: Path, list_path: tuple, id_field: str | None, replacements: dict, additions: list,
                     first_line: str = "") -> None:
    """Write records into a file: for a file of records (`list_path` names its list), each of
    `replacements` (id → record) over the item with that id, `additions` at the end; for a file
    that is one record (`list_path` empty), `replacements` holds that one record."""
    text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    data = _yaml().load(text) if text else None
    data = data if isinstance(data, CommentedMap) else CommentedMap()
    if not list_path:
        (record,) = replacements.values()
        _update(data, record)
    else:
        items = data.get(list_path[0])
        if not isinstance(items, CommentedSeq):
            items = data[list_path[0]] = CommentedSeq()
        items.fa.set_block_style()   # `officers: []` becomes a list with items under it
        for item in items:
            if isinstance(item, dict) and item.get(id_field) in replacements:
                _update(item, replacements[item.get(id_field)])
        items.extend(_commented(record) for record in additions)
    path.write_text(_text(data) if text else first_line + _text(data), encoding="utf-8")


def _update(mapping: CommentedMap, record: dict) -> None:
    """The record's values into the mapping in place: its comments and the place of each key stay."""
    for key, value in record.items():
        if isinstance(value, dict) and isinstance(mapping.get(key), dict):
            _update(mapping[key], value)
        elif mapping.get(key) != value:
            mapping[key] = _commented(value)
