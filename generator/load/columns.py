"""Which column of a register fills which field of a record, and the value each cell gives.

The fields and their Chinese titles come from the schema: a column titled 执法证号 fills
certificate_no because that is the field's title. A few other words registers use are listed in
SYNONYMS; a clerk's own words go into a small mapping file (`gongshi import --mapping`), which
`--show-mapping` writes out to start from.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from ..codes import finding
from ..paths import display_path
from ..privacy.redaction import FLAG_FIELDS
from ..schema import describe
from .register import Cell, Register, Row
from .yaml_file import load_yaml

# What registers call a field besides its schema title, by kind of record (field keys as in Field.key).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "officers": {
        "id": ("编号",),
        "certificate_no": ("证号", "执法证编号", "执法证件号", "执法证件号码", "执法证件编号", "证件号码"),
        "issuer": ("发证单位", "发证部门"),
        "valid_from": ("有效期开始", "有效期起始", "有效期自", "起始日期", "发证日期"),
        "valid_until": ("有效期止", "有效期截止", "截止日期", "到期日期", "有效期至"),
        "status": ("状态",),
        "domain": ("执法门类", "执法类别", "执法种类"),
        "agency": ("所属机构", "执法机构"),
        "mobile": ("手机", "手机号", "手机号码"),
        "id_number": ("身份证号码",),
    },
    "powers": {
        "code": ("编码", "事项代码", "权力编码", "职权编码"),
        "name": ("权力名称", "职权名称", "权力事项名称"),
        "type": ("权力类型", "职权类别", "事项类型"),
        "basis.law": ("法律依据", "设定依据", "实施依据"),
        "duties": ("责任事项内容",),
        "accountability": ("追责情形及依据", "问责情形"),
    },
    "decision": {
        "id": ("编号", "文件名"),
        "case_number": ("文号", "决定书文号", "决定文号", "处罚决定书文号"),
        "party.name": ("当事人", "当事人名称", "被处罚人"),
        "decided": ("决定日期", "作出日期", "处罚决定日期"),
        "facts": ("违法事实",),
        "power": ("事项编码",),
        "officers": ("执法人员", "承办人"),
        "outcome.fine": ("罚款", "罚款金额", "罚款金额（元）"),
    },
}

LIST_SEPARATORS = re.compile(r"[、,，;；\s]+")
CN_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
TRUE_WORDS = ("是", "有", "true", "yes", "y", "√")
FALSE_WORDS = ("否", "无", "false", "no", "n", "×")
NOT_IMPORTED = None   # a column the mapping leaves out (~ in the mapping file)


@dataclass(frozen=True)
class Field:
    key: str              # how a mapping names it: valid_from, party.name, basis.law (the first item of a list)
    path: tuple           # where it sits inside the record: ("basis", 0, "law")
    title: str            # its title in the schema
    node: dict            # its schema ($refs followed); for a list of values, the schema of one value
    many: bool = False    # a list of values, written in one cell: zhang-san、li-si

    def label(self) -> str:
        return f"{self.key}（{self.title}）" if self.title else self.key


@dataclass
class Mapping:
    fields: list[Field]                  # every field a row can fill, in schema order
    columns: dict[int, Field | None]     # column index → the field it fills (None: not imported)

    def column_of(self, field: Field) -> int | None:
        return next((i for i, f in self.columns.items() if f == field), None)

    def field(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.key == key), None)


def record_fields(schema_name: str, place: tuple, extra: tuple[Field, ...] = ()) -> list[Field]:
    """The fields one record can have, in schema order (`place`: where a record sits in its file);
    `extra` are fields the file name holds rather than the record (a decision's id)."""
    return list(extra) + list(_fields(schema_name, place, ()))


def _fields(schema_name: str, place: tuple, within: tuple):
    node = describe(schema_name, place + within)["schema"]
    # the flags steer redaction: a review made on the record, not something a register holds
    for key in (k for k in node.get("properties", {}) if k not in FLAG_FIELDS):
        path = within + (key,)
        info = describe(schema_name, place + path)
        child = info["schema"]
        if child.get("type") == "object" and child.get("properties"):
            yield from _fields(schema_name, place, path)
        elif child.get("type") == "array":
            item = describe(schema_name, place + path + (0,))["schema"]
            if item.get("type") == "object":
                yield from _fields(schema_name, place, path + (0,))
            else:
                yield Field(_key(path), path, info["title"], item, many=True)
        else:
            yield Field(_key(path), path, info["title"], child)


def _key(path: tuple) -> str:
    return ".".join(step for step in path if isinstance(step, str))


def _normal(title: str) -> str:
    """A column title as compared: case, spaces, required-marks (*) and half/full-width brackets do not count."""
    title = re.sub(r"[\s*＊:：]", "", str(title)).lower()
    return title.replace("(", "（").replace(")", "）")


def default_names(fields: list[Field], synonyms: dict[str, tuple[str, ...]]) -> dict[str, Field]:
    """Each name a column may have → the field it fills: the field's key, its title, the title
    without its bracketed note (身份证号 for 身份证号（不公示）), and the synonyms. A title two fields
    share names neither (批准日期): such a column needs the mapping file."""
    by_key = {f.key: f for f in fields}
    claims: dict[str, set[str]] = {}
    for f in fields:
        for name in (f.title, re.sub(r"（[^）]*）$", "", _normal(f.title))):
            if name:
                claims.setdefault(_normal(name), set()).add(f.key)
    names = {name: by_key[next(iter(keys))] for name, keys in claims.items() if len(keys) == 1}
    for key, words in synonyms.items():
        if key in by_key:
            for word in words:
                names.setdefault(_normal(word), by_key[key])
    names.update({_normal(f.key): f for f in fields})
    return names


def column_mapping(register: Register, fields: list[Field], synonyms: dict, mapping_file: Path | None,
                   kind_title: str) -> tuple[Mapping | None, list]:
    """Which field each column fills: by name, then as the mapping file says. None and findings when
    the mapping file is wrong or two columns would fill one field."""
    names = default_names(fields, synonyms)
    chosen: dict[str, Field | None] = {}
    findings = []
    if mapping_file is not None:
        chosen, findings = read_mapping_file(mapping_file, fields, kind_title)
        if findings:
            return None, findings
    columns = {}
    for index, title in enumerate(register.header):
        if not title:
            continue
        normal = _normal(title)
        given = next((value for name, value in chosen.items() if _normal(name) == normal), "")
        columns[index] = given if given != "" else names.get(normal)
    first_column: dict[str, int] = {}
    for index, f in columns.items():
        if f is None:
            continue
        if f.key in first_column:
            findings.append(finding("E-IMPORT-MAPPING-TWICE", register.display, 1, field=f.label(),
                                    first=register.header[first_column[f.key]], second=register.header[index]))
        else:
            first_column[f.key] = index
    return (None, findings) if findings else (Mapping(fields, columns), [])


def read_mapping_file(path: Path, fields: list[Field], kind_title: str) -> tuple[dict, list]:
    """A mapping file: `column title: field` a line, `~` for a column not to import."""
    doc, findings = load_yaml(path, display_path(path), "")
    if findings or doc.data is None:
        return {}, findings
    keys = {f.key: f for f in fields}
    chosen, problems = {}, []
    for column, key in doc.data.items():
        if key is None or key == "":
            chosen[column] = NOT_IMPORTED
        elif isinstance(key, str) and key in keys:
            chosen[column] = keys[key]
        else:
            close = difflib.get_close_matches(str(key), list(keys), n=1, cutoff=0.6)
            problems.append(finding("E-IMPORT-MAPPING-FIELD", doc.display, doc.line_of((column,)), column=column,
                                    field=key, kind=kind_title, suggestion=f"是不是想写 {close[0]}？" if close else "",
                                    allowed="、".join(keys)))
    return chosen, problems


def mapping_text(register: Register, mapping: Mapping, target: str) -> list[str]:
    """The mapping used, as a mapping file a clerk can copy and edit."""
    lines = [f"# 登记表 {register.display} 的各列填入 {target} 的哪个字段。改好后存为文件，导入时用 --mapping 指定；",
             "# 冒号左边是列标题，右边是字段，不导入的列写 ~"]
    for index, title in enumerate(register.header):
        if not title:
            continue
        f = mapping.columns.get(index)
        entry = yaml.safe_dump({title: f.key if f else None}, allow_unicode=True, width=10_000).strip()
        entry = entry[: -len("null")] + "~" if f is None else entry
        lines.append(f"{entry}    # {f.title or f.key}" if f else f"{entry}    # 没有对应的字段，不导入")
    unused = [f.label() for f in mapping.fields if mapping.column_of(f) is None]
    if unused:
        lines.append(f"# 登记表中没有的字段：{'、'.join(unused)}")
    return lines


def row_record(row: Row, mapping: Mapping) -> tuple[dict, dict, dict]:
    """One row as a record in schema order, the text of each cell it took (path → text, for
    messages), and the column each field came from (field key → column index)."""
    record, typed, source = {}, {}, {}
    for f in mapping.fields:
        index = mapping.column_of(f)
        cell = row.cells[index] if index is not None and index < len(row.cells) else Cell(None, "")
        if not cell.text:
            continue
        _put(record, f.path, [_value(part, f.node) for part in _parts(cell)] if f.many else _value(cell, f.node))
        typed[f.path] = cell.text
        source[f.key] = index
    return record, typed, source


def _put(record: dict, path: tuple, value) -> None:
    here = record
    for step, following in zip(path, path[1:]):
        if isinstance(step, int):
            continue   # the one item a row fills is the list's first (basis[0])
        default = [{}] if isinstance(following, int) else {}
        here = here.setdefault(step, default)
        here = here[0] if isinstance(here, list) else here
    here[path[-1]] = value


def _parts(cell: Cell) -> list[Cell]:
    return [Cell(part, part) for part in LIST_SEPARATORS.split(cell.text) if part]


def _value(cell: Cell, node: dict):
    """The value a cell gives a field of this schema: a date written as Excel or a clerk writes it
    becomes YYYY-MM-DD, a number typed where text belongs becomes that text; anything it cannot
    turn into the right kind stays as typed, for the schema check to name."""
    if node.get("format") == "date":
        return _date(cell)
    kind = node.get("type")
    if kind == "string":
        return cell.value.isoformat() if isinstance(cell.value, (date, datetime)) else cell.text
    if kind in ("number", "integer"):
        return _number(cell)
    if kind == "boolean":
        word = cell.text.lower()
        return True if word in TRUE_WORDS else False if word in FALSE_WORDS else cell.text
    return cell.value


def _date(cell: Cell) -> str:
    if isinstance(cell.value, (date, datetime)):
        return (cell.value.date() if isinstance(cell.value, datetime) else cell.value).isoformat()
    match = CN_DATE.fullmatch(cell.text)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            pass   # 2024年2月30日: no such day, shown as typed
    return cell.text


def _number(cell: Cell):
    if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
        return cell.value
    text = re.sub(r"[,，\s元]", "", cell.text)
    try:
        number = float(text)
    except ValueError:
        return cell.text
    return int(number) if number.is_integer() else number
