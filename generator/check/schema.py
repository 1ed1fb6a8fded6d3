"""Schema check: validate each loaded file against its JSON Schema, and say what went wrong in
the words of the form the clerk filled in (field titles come from the schema)."""

from __future__ import annotations

import difflib
import re

from ..codes import finding
from ..findings import once_each
from ..schema import describe, field_name, strings, validator

# What `gongshi new` writes where the clerk must fill in a value: it names the field, and it is
# reported here by name (E-SCHEMA-UNFILLED) instead of as a wrong date, number or choice.
PLACEHOLDER = "<请填写：{title}>"
_PLACEHOLDER = re.compile(r"^<请填写：[^<>]*>$")

TYPE_NAMES = {"string": "文字", "integer": "整数", "number": "数字", "boolean": "“是/否”",
              "array": "列表", "object": "一组“字段: 值”", "null": "空值"}


def check_schema(doc, schema_name: str) -> list:
    """All schema findings of one document, at most one per field."""
    unfilled = dict(unfilled_fields(doc.data))
    return [_unfilled(doc, schema_name, path, text) for path, text in unfilled.items()] \
        + once_each(found for _, found in _problems(doc, schema_name, 0, skip=unfilled))


def check_record(doc, schema_name: str, depth: int) -> list[tuple[tuple, object]]:
    """The schema findings of a document that holds one record `depth` steps down (an officer at
    officers[0]: 2), each with the path of the field it is about inside the record, and fields
    named as the record's own (valid_from, not officers[1].valid_from). For `gongshi import`: one
    row of a register is one record."""
    seen, out = set(), []
    for path, found in _problems(doc, schema_name, depth):
        if found not in seen:
            seen.add(found)
            out.append((path[depth:], found))
    return out


def _problems(doc, schema_name: str, depth: int, skip=()):
    """`skip`: paths whose values are still placeholders: they are reported as unfilled, once."""
    errors = sorted((error for error in validator(schema_name).iter_errors(doc.data) if tuple(error.absolute_path) not in skip),
                    key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    for error in errors:
        yield from _findings_for(error, doc, schema_name, depth)


def unfilled_fields(data) -> list[tuple[tuple, str]]:
    """(path, placeholder) of every value still as `gongshi new` wrote it."""
    return [(path, text) for path, text in strings(data) if _PLACEHOLDER.match(text)]


def _unfilled(doc, schema_name: str, path: tuple, text: str):
    info = describe(schema_name, path)
    if path and isinstance(path[-1], int):   # an item of a list of values: the list says what it is
        info = dict(describe(schema_name, path[:-1]), schema=info["schema"])
    description = f"：{info['description']}" if info["description"] else ""
    if "enum" in info["schema"]:
        description += f"（只能填写：{'、'.join(map(str, info['schema']['enum']))}）"
    return finding("E-SCHEMA-UNFILLED", doc.display, doc.line_of(path), label=_label(field_name(path), info["title"]),
                   value=text, description=description)


def _findings_for(error, doc, schema_name, depth):
    """(path of the field, finding) for one validation error; the first `depth` steps of a path are not shown."""
    path = tuple(error.absolute_path)
    line = doc.line_of(path)
    info = describe(schema_name, path)

    def name(p):
        return field_name(p[depth:])

    common = dict(field=name(path), label=_label(name(path), info["title"]), schema=schema_name,
                  value=_shown(doc, path, error.instance))
    kind = error.validator
    if kind == "required":
        for missed in (key for key in error.validator_value if key not in error.instance):
            child = describe(schema_name, path + (missed,))
            yield path + (missed,), finding("E-SCHEMA-REQUIRED", doc.display, line, field=name(path + (missed,)),
                                            label=_label(name(path + (missed,)), child["title"]))
    elif kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for extra in (k for k in error.instance if k not in allowed):
            close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            suggestion = f"是不是想写 {close[0]}？" if close else ""
            yield path + (extra,), finding("E-SCHEMA-UNKNOWN-FIELD", doc.display, doc.line_of(path + (extra,)),
                                           field=name(path + (extra,)), suggestion=suggestion, allowed="、".join(allowed))
    elif kind == "type" and error.instance is None:
        yield path, finding("E-SCHEMA-EMPTY", doc.display, line, **common)
    elif kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, str) else expected[0]
        yield path, finding("E-SCHEMA-TYPE", doc.display, line, expected=TYPE_NAMES.get(expected, expected),
                            actual=_type_name(error.instance), fix=_type_fix(expected, error.instance, doc.typed.get(path)),
                            **common)
    elif kind == "format" and error.validator_value == "date":
        yield path, finding("E-SCHEMA-DATE", doc.display, line, **common)
    elif kind == "pattern":
        yield path, finding("E-SCHEMA-FORMAT", doc.display, line, description=info["description"] or "请核对格式", **common)
    elif kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        yield path, finding("E-SCHEMA-ENUM", doc.display, line, options="、".join(map(str, options)), **common)
    elif kind in ("minLength", "minItems"):
        yield path, finding("E-SCHEMA-EMPTY", doc.display, line, **common)
    elif kind in ("minimum", "maximum"):
        node = info["schema"]
        allowed = "、".join(part for part in (f"最小 {node['minimum']}" if "minimum" in node else "",
                                             f"最大 {node['maximum']}" if "maximum" in node else "") if part)
        yield path, finding("E-SCHEMA-RANGE", doc.display, line, allowed=allowed, description=info["description"], **common)
    elif kind == "uniqueItems":
        yield path, finding("E-SCHEMA-REPEATED", doc.display, line, **common)
    else:
        yield path, finding("E-SCHEMA-INVALID", doc.display, line, detail=error.message, **common)


def _label(field: str, title: str) -> str:
    return f"{field}（{title}）" if title else field


def _type_name(value) -> str:
    for python_type, name in ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"),
                              (list, "array"), (dict, "object")):
        if isinstance(value, python_type):
            return TYPE_NAMES[name]
    return TYPE_NAMES["null"]


def _shown(doc, path, value) -> str:
    typed = doc.typed.get(path)
    if typed is not None:
        return typed
    if isinstance(value, (dict, list)):
        return ""
    return str(value)


def _type_fix(expected: str, value, typed: str | None) -> str:
    typed = typed if typed is not None else str(value)
    if expected == "string" and isinstance(value, bool):
        return f"YAML 把 {typed} 读成了“是/否”；如果要写文字，请加引号：'{typed}'"
    if expected == "string" and isinstance(value, (int, float)):
        return f"请加引号写成文字：'{typed}'（不加引号时会被当作数字，开头的 0 会丢失）"
    if expected in ("integer", "number"):
        return "请去掉引号，直接写数字，如 2021"
    if expected == "array":
        return "请写成列表：每一项单独一行，以“- ”开头"
    if expected == "object":
        return "请写成“字段: 值”的形式，并比上一级多缩进两个空格"
    return "请按说明修改"
