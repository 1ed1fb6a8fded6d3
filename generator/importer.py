"""`gongshi import`: records from the registers clerks keep in Excel or CSV.

Each row becomes one record (officers.yml, powers.yml: an item merged by its id; a decision: a
file of its own), checked against the schema as `gongshi validate` checks it. A row that does not
pass is refused and told, with its row number as Excel shows it and its column; the other rows go
on. Nothing is written without --write, and a record that exists with other content is replaced
only with --replace: until then the command shows what would change.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check.references import OFFICERS, POWERS
from .check.schema import check_record
from .codes import finding
from .findings import has_errors
from .kinds import DECISION, DECISION_DIR, KIND_BY_NAME, Kind
from .load.columns import SYNONYMS, Field, Mapping, column_mapping, mapping_text, record_fields, row_record
from .load.county import DECISION_ID, select_counties
from .load.register import Register, read_register
from .load.yaml_file import YamlDocument, load_yaml
from .paths import display_path
from .load.yaml_writing import dumped, merged_into_file, new_file
from .round_trip import LayoutLost

DECISION_FILE = Field("id", ("id",), "决定编号（文件名）", {"type": "string"})


@dataclass(frozen=True)
class Importable:
    kind: Kind
    place: tuple          # where one record sits in its file: officers[0]; () for a file of its own
    id_field: str         # the field that names a record (a decision: its file name, not a field of it)
    noun: str             # how many of them: 3 名执法人员
    named_by: str | None = None   # a field that names the record when the register has no id column

    @property
    def one_file(self) -> bool:
        return not self.place


def _place(ids) -> tuple:
    """Where one record sits, from the path of its id in check/references.py: ("officers", "*", "id") → ("officers", 0)."""
    return tuple(0 if step == "*" else step for step in ids.paths[0][:-1])


IMPORTABLE = {
    # Registers kept by hand seldom number their officers: the certificate number names each one.
    "officers": Importable(KIND_BY_NAME["officers"], _place(OFFICERS), OFFICERS.paths[0][-1], "名执法人员", "certificate_no"),
    "powers": Importable(KIND_BY_NAME["powers"], _place(POWERS), POWERS.paths[0][-1], "项执法事项"),
    "decisions": Importable(DECISION, (), DECISION_FILE.key, "件执法决定"),
}


@dataclass
class Imported:
    row: int
    ident: str
    record: dict
    before: dict | None = None   # the record as it is now, if it exists
    after: dict | None = None    # what it becomes: the register's fields over the record's own

    @property
    def is_new(self) -> bool:
        return self.before is None

    @property
    def changes(self) -> bool:
        return self.before is not None and self.before != self.after


@dataclass
class ImportResult:
    lines: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)
    stopped: bool = False

    @property
    def code(self) -> int:
        """0: every row imported (or would be); 1: some rows refused; 2: nothing could be read."""
        return 2 if self.stopped else 1 if has_errors(self.findings) else 0


def import_register(kind_name: str, register_path: Path, county: str, content_dir: Path, mapping_path: Path | None,
                    show_mapping: bool = False, write: bool = False, replace: bool = False,
                    today: date | None = None) -> ImportResult:
    importable = IMPORTABLE[kind_name]
    selection = select_counties(content_dir, [county])
    if selection.stops:
        return ImportResult(findings=selection.stops, stopped=True)
    register, problems = read_register(register_path)
    if register is None:
        return ImportResult(findings=problems, stopped=True)
    fields = record_fields(importable.kind.schema, importable.place, (DECISION_FILE,) if importable.one_file else ())
    mapping, problems = column_mapping(register, fields, SYNONYMS[importable.kind.name], mapping_path,
                                       importable.kind.title)
    if mapping is None:
        return ImportResult(findings=problems, stopped=True)
    target = _target(importable, content_dir / county)
    if show_mapping:
        return ImportResult(lines=mapping_text(register, mapping, display_path(target)))
    findings = _unmapped_columns(register, mapping, kind_name)
    if importable.one_file and mapping.column_of(DECISION_FILE) is None:
        return ImportResult(findings=findings + [finding("E-IMPORT-NO-ID", register.display, 1, title=DECISION_FILE.title)],
                            stopped=True)
    rows, refused = _checked_rows(register, mapping, importable, _ids_by(importable, content_dir / county))
    existing, problems = _existing(importable, content_dir / county, [row.ident for row in rows])
    if problems:
        return ImportResult(findings=findings + refused + problems, stopped=True)
    for row in rows:
        row.before = existing.get(row.ident)
        row.after = _merged(row.before, row.record) if row.before is not None else row.record
    kept = [row for row in rows if not row.changes or replace]
    conflicts = [finding("E-IMPORT-EXISTS", register.display, row.row, row=row.row, ident=row.ident,
                         file=display_path(_record_file(importable, content_dir / county, row.ident)))
                 for row in rows if row.changes and not replace]
    lines = _shown(register, importable, target, rows, refused, replace)
    if write:
        written, problems = _written(importable, content_dir / county, kept, content_dir.parent)
        lines += written
        findings += problems
    else:
        lines.append("没有写入任何文件（试运行）。核对无误后加 --write 写入。")
    return ImportResult(lines=lines, findings=findings + refused + conflicts + _expired(register, rows, today))


def _expired(register: Register, rows: list[Imported], today: date | None) -> list:
    """Officers imported with a certificate already expired: imported as they are, but the site will not list them."""
    return [finding("W-IMPORT-EXPIRED", register.display, row.row, row=row.row, name=row.record.get("name", row.ident),
                    until=row.record["valid_until"])
            for row in rows if today and row.record.get("valid_until", "9999") < today.isoformat()]


def _target(importable: Importable, folder: Path) -> Path:
    return folder / DECISION_DIR if importable.one_file else folder / importable.kind.file


def _record_file(importable: Importable, folder: Path, ident: str) -> Path:
    return folder / DECISION_DIR / f"{ident}.yml" if importable.one_file else folder / importable.kind.file


def _unmapped_columns(register: Register, mapping: Mapping, kind_name: str) -> list:
    return [finding("W-IMPORT-COLUMN", register.display, 1, column=title, kind=kind_name, file=register.path.name)
            for index, title in enumerate(register.header) if title and mapping.columns.get(index) is None]


# --- rows ----------------------------------------------------------------------------------------

def _checked_rows(register: Register, mapping: Mapping, importable: Importable, known: dict) -> tuple[list[Imported], list]:
    """The rows that pass the schema, and a finding for each problem of the rows that do not.
    `known`: the ids of the records there are, by the field that names them (`named_by`)."""
    rows, refused, first_row = [], [], {}
    for row in register.rows:
        record, typed, source = row_record(row, mapping)
        record = _with_id(record, importable, known)
        ident = record.pop(DECISION_FILE.key, "") if importable.one_file else record.get(importable.id_field, "")
        problems = _row_problems(register, importable, mapping, row.number, record, typed, source)
        id_column = _column_title(register, mapping, source, mapping.field(importable.id_field) or DECISION_FILE)
        if importable.one_file and ident and not DECISION_ID.fullmatch(str(ident)):
            problems.append(finding("E-IMPORT-ID", register.display, row.number, row=row.number, column=id_column,
                                    value=ident))
        elif importable.one_file and not ident:
            problems.append(finding("E-IMPORT-CELL", register.display, row.number, row=row.number, column=id_column,
                                    reason=f"缺少{DECISION_FILE.title}", hint="决定编号就是文件名和网址，如 2025-001"))
        if not problems and ident in first_row:
            problems.append(finding("E-IMPORT-DUPLICATE", register.display, row.number, row=row.number,
                                    column=id_column, ident=ident, first=first_row[ident]))
        if problems:
            refused += problems
            continue
        first_row[ident] = row.number
        rows.append(Imported(row.number, str(ident), record))
    return rows, refused


def _row_problems(register, importable, mapping, number, record, typed, source) -> list:
    """The schema check of one row's record, each finding said of its row and column."""
    place = importable.place
    data = record
    for step in reversed(place):
        data = [data] if isinstance(step, int) else {step: data}
    doc = YamlDocument(register.path, register.display, importable.kind.schema, data,
                       typed={place + path: text for path, text in typed.items()})
    problems = []
    for path, found in check_record(doc, importable.kind.schema, len(place)):
        about = _field_at(mapping, path)
        column = _column_title(register, mapping, source, about) if about else "（整行）"
        problems.append(finding("E-IMPORT-CELL", register.display, number, row=number, column=column,
                                reason=found.message, hint=found.hint))
    return problems


def _field_at(mapping: Mapping, path: tuple) -> Field | None:
    """The field a schema finding is about: basis[0].law is basis.law; officers[2] is officers; a
    missing basis is its first field, basis.law."""
    key = ".".join(step for step in path if isinstance(step, str))
    inside = next((f for f in mapping.fields if f.key.startswith(key + ".")), None) if key else None
    while key:
        found = mapping.field(key)
        if found is not None:
            return found
        key = key.rpartition(".")[0]
    return inside


def _column_title(register: Register, mapping: Mapping, source: dict, about: Field) -> str:
    """The register's title of the column a field came from; its schema title when no column fills it."""
    index = source.get(about.key, mapping.column_of(about))
    return register.header[index] if index is not None else about.title or about.key


def _with_id(record: dict, importable: Importable, known: dict) -> dict:
    """A record without an id gets the id of the record its `named_by` value already names, else
    one made from that value (SL-2024-0001 → sl-2024-0001): the same register imported twice
    updates the same records."""
    name = str(record.get(importable.named_by) or "") if importable.named_by else ""
    if importable.one_file or record.get(importable.id_field) or not name:
        return record
    ident = known.get(name) or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return {importable.id_field: ident, **record} if ident else record


# --- what is there now ---------------------------------------------------------------------------

def _ids_by(importable: Importable, folder: Path) -> dict:
    """The ids of the records in the county's file, by the value of their `named_by` field."""
    path = folder / importable.kind.file
    if importable.one_file or not importable.named_by or not path.exists():
        return {}
    doc, _ = load_yaml(path, display_path(path), importable.kind.schema)   # a file that does not load is told below
    items = (doc.data or {}).get(importable.place[0]) if isinstance(doc.data, dict) else None
    return {str(item[importable.named_by]): item.get(importable.id_field) for item in items or []
            if isinstance(item, dict) and item.get(importable.named_by) and item.get(importable.id_field)}

def _existing(importable: Importable, folder: Path, idents: list[str]) -> tuple[dict[str, dict], list]:
    """The records that exist under the ids the rows have; a content file that does not load stops the import."""
    if importable.one_file:
        paths = [folder / DECISION_DIR / f"{ident}.yml" for ident in idents]
    else:
        paths = [folder / importable.kind.file]
    records, problems = {}, []
    for path in (p for p in paths if p.exists()):
        doc, found = load_yaml(path, display_path(path), importable.kind.schema)
        if found or doc.data is None:
            problems.append(finding("E-IMPORT-TARGET", display_path(path), None, file=display_path(path)))
        elif importable.one_file:
            records[path.stem] = doc.data
        else:
            items = doc.data.get(importable.place[0]) or []
            records.update({item.get(importable.id_field): item for item in items if isinstance(item, dict)})
    return records, problems


def _merged(before: dict, imported: dict) -> dict:
    """The record with the register's fields written over its own: fields the register has no
    column for are kept (nothing is lost by importing a register that lists fewer fields)."""
    out = dict(before)
    for key, value in imported.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


# --- what the clerk is shown ---------------------------------------------------------------------

def _shown(register, importable, target, rows, refused, replace) -> list[str]:
    new = [row for row in rows if row.is_new]
    changed = [row for row in rows if row.changes]
    same = len(rows) - len(new) - len(changed)
    refused_rows = len({f.line for f in refused})
    lines = [f"{register.display} → {display_path(target)}：新增 {len(new)} {importable.noun}，"
             f"更改 {len(changed)} {importable.noun}，不变 {same} {importable.noun}，有问题未导入 {refused_rows} 行"]
    for row in new:
        lines.append(f"新增（第 {row.row} 行）{_name(row)}：")
        lines += [f"  + {line}" for line in dumped(row.after)]
    for row in changed:
        note = "" if replace else "（已有不同的内容，加 --replace 才会替换）"
        lines.append(f"更改（第 {row.row} 行）{_name(row)}{note}：")
        lines += [f"  {line}" for line in difflib.unified_diff(dumped(row.before), dumped(row.after),
                                                               "现在", "导入后", n=1, lineterm="")]
    return lines


def _name(row: Imported) -> str:
    named = row.record.get("name") or row.record.get("title") or row.record.get("case_number")
    return f"{row.ident} {named}" if named else row.ident


def _written(importable: Importable, folder: Path, kept: list[Imported], root: Path) -> tuple[list[str], list]:
    """What was written, and why nothing was when a file cannot keep its other lines."""
    written = [row for row in kept if row.is_new or row.changes]
    if not written:
        return ["没有需要写入的内容。"], []
    try:
        if importable.one_file:
            for row in written:
                path = _record_file(importable, folder, row.ident)
                if row.is_new:
                    new_file(path, importable.kind.schema, root, row.after)
                else:
                    merged_into_file(path, None, None, {row.ident: row.after}, [])
            return [f"已写入 {display_path(folder / DECISION_DIR)}/：{len(written)} 个文件", _validate_next(folder)], []
        path, (list_key, _) = folder / importable.kind.file, importable.place
        replacements = {row.ident: row.after for row in written if not row.is_new}
        additions = [row.after for row in written if row.is_new]
        if path.exists():
            merged_into_file(path, list_key, importable.id_field, replacements, additions)
        else:
            new_file(path, importable.kind.schema, root, {list_key: additions})
    except LayoutLost:
        return [], [finding("E-IMPORT-LAYOUT", display_path(path), None, file=display_path(path))]
    return [f"已写入 {display_path(path)}：新增 {len(additions)} {importable.noun}，"
            f"更改 {len(replacements)} {importable.noun}", _validate_next(folder)], []


def _validate_next(folder: Path) -> str:
    # the import checks each record on its own; references, dates across records and deadlines are validate's
    return f"导入时只检查了每一项本身；请运行 gongshi validate --county {folder.name}，检查与其他内容的关系（引用、期限等）。"
