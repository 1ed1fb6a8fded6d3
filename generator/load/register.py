"""Registers as clerks keep them: an Excel workbook (.xlsx) or a CSV file, read into a header and
rows of cells, each row numbered as Excel shows it (the header is row 1).

A CSV saved by Excel on Chinese Windows is GBK unless "CSV UTF-8" was chosen (which adds a BOM):
both are read. Cells keep the value Excel typed (a date, a number) and the text a clerk sees, so
a message can show what was typed.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..codes import finding
from ..paths import display_path

SPREADSHEETS = (".xlsx", ".xlsm")
CSV_FILES = (".csv",)
CSV_ENCODINGS = ("utf-8-sig", "gb18030")   # gb18030 reads every GBK file, and more


@dataclass(frozen=True)
class Cell:
    value: object      # as the file holds it: str, int, float, date, datetime
    text: str          # as a clerk sees it in Excel


@dataclass(frozen=True)
class Row:
    number: int                # as Excel shows it
    cells: tuple[Cell, ...]


@dataclass
class Register:
    path: Path
    display: str
    header: list[str]          # column titles, as typed (spaces trimmed)
    rows: list[Row]


def read_register(path: Path) -> tuple[Register | None, list]:
    """The register at `path`, or None and the findings that say why it cannot be read."""
    display = display_path(path)
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEETS + CSV_FILES:
        return None, [finding("E-IMPORT-FORMAT", display, None, suffix=path.suffix or "没有扩展名的")]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [finding("E-FILE-UNREADABLE", display, None, detail=exc.strerror or exc)]
    if suffix in CSV_FILES:
        table, problems = _csv_rows(raw, display)
    else:
        table, problems = _workbook_rows(raw, display)
    if problems:
        return None, problems
    numbered = [(number, [_cell(value) for value in values]) for number, values in table]
    numbered = [(number, cells) for number, cells in numbered if any(cell.text for cell in cells)]
    if len(numbered) < 2:
        return None, [finding("E-IMPORT-EMPTY", display, None)]
    (_, header), body = numbered[0], numbered[1:]
    return Register(path, display, [cell.text for cell in header],
                    [Row(number, tuple(cells)) for number, cells in body]), []


def _csv_rows(raw: bytes, display: str):
    for encoding in CSV_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return list(enumerate(csv.reader(io.StringIO(text, newline="")), start=1)), []
    return [], [finding("E-IMPORT-ENCODING", display, None)]


def _workbook_rows(raw: bytes, display: str):
    # openpyxl is imported here: only `gongshi import` reads workbooks, and every other command starts faster without it
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return [], [finding("E-IMPORT-UNREADABLE", display, None, detail=type(exc).__name__)]
    try:
        sheet = workbook.worksheets[0]   # the first sheet, as Excel opens it
        return list(enumerate(sheet.iter_rows(values_only=True), start=1)), []
    finally:
        workbook.close()


def _cell(value) -> Cell:
    if value is None:
        return Cell(None, "")
    if isinstance(value, datetime):
        # Excel has no date without a time: a date cell arrives as midnight
        return Cell(value.date(), value.date().isoformat()) if value.time() == datetime.min.time() \
            else Cell(value, value.isoformat(sep=" "))
    if isinstance(value, date):
        return Cell(value, value.isoformat())
    if isinstance(value, float) and value.is_integer():
        return Cell(int(value), str(int(value)))   # 51080023001.0 is the number the clerk typed, 51080023001
    if isinstance(value, str):
        return Cell(value.strip(), value.strip())
    return Cell(value, str(value))
