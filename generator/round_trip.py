"""Changing a content file as a careful clerk would by hand: the values asked for change, and every
other line — comments, blank lines, key order, indentation, the quoting of each value — stays as it
was (ruamel.yaml's round trip, held to that by a comparison of the texts).

A change is a list of `Replace` (a value that is there), `Add` (a key that is not: placed among
its siblings in the order the schema lists them) and `Append` (an item at the end of a list).
When the file cannot be written back that way, `LayoutLost` is raised and nothing is returned.
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass
from datetime import date

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString, SingleQuotedScalarString

# The indentations content files are written in (mapping, sequence, offset): the house style of
# the samples and `gongshi init` first, then the other usual ones.
INDENTATIONS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 2), (4, 4, 0))
QUOTED_DATE = re.compile(r"""(['"])\d{4}-\d{2}-\d{2}\1""")


class LayoutLost(Exception):
    """The file cannot be written back with every line that is not changed as it was."""


@dataclass(frozen=True)
class Replace:
    path: tuple       # keys from the top to the value
    value: object


@dataclass(frozen=True)
class Add:
    path: tuple       # keys from the top to the new key
    value: object
    order: tuple = ()  # the keys of that mapping in the order the schema lists them


@dataclass(frozen=True)
class Append:
    path: tuple       # keys from the top to the list
    value: object


def edited(text: str, changes: list) -> str:
    """`text` with `changes` made, every other line kept; LayoutLost when that cannot be done."""
    newline = "\r\n" if "\r\n" in text else "\n"
    body, tail = _split_tail(text.replace("\r\n", "\n"))
    yaml = _faithful_yaml(body)
    data = yaml.load(body)
    replaced = [_replace_span(body, data, c.path) for c in changes if isinstance(c, Replace)]
    quote = _date_quote(body)
    for change in changes:
        _apply(data, change, quote)
    new = _above_comments(body, _dumped(yaml, data))
    _check_only_changes(body, new, {line for span in replaced for line in span})
    if _plain(yaml.load(new)) != _plain(data):
        raise LayoutLost("the text written does not read back as the data meant")
    return (new + tail).replace("\n", newline)


def _split_tail(text: str) -> tuple[str, str]:
    """The text up to its last line of content, and the comments and blank lines after it: they
    stay at the end, whatever is added to the last list or mapping."""
    lines = text.splitlines(keepends=True)
    end = len(lines)
    while end and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return "".join(lines[:end]), "".join(lines[end:])


def _round_trip(indentation: tuple[int, int, int]) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1_000_000   # a long line of Chinese text stays one line
    mapping, sequence, offset = indentation
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _faithful_yaml(body: str) -> YAML:
    """A round trip that gives back `body` unchanged, found among the usual indentations."""
    for indentation in INDENTATIONS:
        yaml = _round_trip(indentation)
        try:
            if _dumped(yaml, yaml.load(body)) == body:
                return yaml
        except YAMLError as error:
            raise LayoutLost(str(error)) from None
    raise LayoutLost("no round trip gives the text back unchanged")


def _dumped(yaml: YAML, data) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _date_quote(body: str):
    """How the file quotes its dates (a date must stay text): as its first quoted date, else '…'."""
    found = QUOTED_DATE.search(body)
    return DoubleQuotedScalarString if found and found.group(1) == '"' else SingleQuotedScalarString


def _node(value, quote):
    """A plain value as the round trip writes it: mappings and lists in block style, dates quoted."""
    if isinstance(value, dict):
        return CommentedMap((k, _node(v, quote)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_node(v, quote) for v in value)
    if isinstance(value, date):
        return quote(value.isoformat())
    return value


def _apply(data, change, quote) -> None:
    parent = _at(data, change.path[:-1])
    key = change.path[-1]
    if isinstance(change, Replace):
        old = parent[key]
        new = _node(change.value, quote)
        if isinstance(old, ScalarString) and isinstance(new, str):
            new = type(old)(str(new))   # the value keeps the quoting it was written with
        parent[key] = new
    elif isinstance(change, Add):
        parent.insert(_position(list(parent), key, change.order), key, _node(change.value, quote))
    else:
        parent[key].append(_node(change.value, quote))


def _at(data, path: tuple):
    for key in path:
        data = data[key]
    return data


def _position(keys: list, key: str, order: tuple) -> int:
    """Where a new key goes: after the last key the schema lists before it (at the end when the
    schema does not list it)."""
    if key not in order:
        return len(keys)
    before = set(order[:order.index(key)])
    return max((i + 1 for i, k in enumerate(keys) if k in before), default=0)


def _replace_span(body: str, data, path: tuple) -> range:
    """The lines (0-based) a value that is replaced stands on: its key's line and the lines of its
    continuation, indented deeper."""
    parent = _at(data, path[:-1])
    line, column = parent.lc.key(path[-1])
    lines = body.splitlines()
    end = line + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > column):
        end += 1
    return range(line, end)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_remark(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _above_comments(old: str, new: str) -> str:
    """Lines added just below a run of comments and blank lines go above it: such comments
    introduce the key that follows them, which the new lines now come before."""
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    result = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "insert":
            start = len(result)
            while start and _is_remark(result[start - 1]):
                start -= 1
            result[start:start] = after[j1:j2]
        else:
            result += after[j1:j2]
    return "".join(result)


def _check_only_changes(old: str, new: str, replaceable: set[int]) -> None:
    """Every line of `old` is in `new`, in order, but those of the values replaced."""
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("delete", "replace") and not set(range(i1, i2)) <= replaceable:
            raise LayoutLost(f"lines {i1 + 1}–{i2} would change")


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value
