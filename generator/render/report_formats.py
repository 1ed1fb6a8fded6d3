"""`gongshi report` written out: a table to read, JSON and CSV to download (UTF-8; the CSV with a
byte-order mark so that Excel reads the Chinese right).

Only counts and sums reach here (public/annual_stats.py): nothing names a party or a case.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import date
from decimal import Decimal

from ..cn_format import chinese_date
from ..public.annual_stats import AMOUNTS, DECISION_KINDS, INSPECTIONS_LABEL, KIND_LABELS, LATE_LABEL, REVIEWED_LABEL, WITHDRAWN_LABEL, CountyYear

FORMATS = ("text", "json", "csv")


def report_file(items: list[CountyYear], year: int, today: date, fmt: str) -> str:
    """The report in one of FORMATS."""
    if fmt == "json":
        return report_json(items, year, today)
    if fmt == "csv":
        return report_csv(items)
    return report_text(items)


def _number(value: Decimal):
    return int(value) if value == value.to_integral_value() else float(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def report_text(items: list[CountyYear]) -> str:
    blocks = []
    for item in items:
        s = item.stats
        until = f"（截至{chinese_date(s.until)}）" if s.until else ""
        lines = [f"{item.name}（{item.county}）{s.year}年度执法数据{until}"]
        rows = [("项目", "数量或金额")] + s.rows()
        left = max(_width(label) for label, _ in rows) + 4
        right = max(_width(value) for _, value in rows)
        lines += [f"  {_pad(label, left)}{_pad(value, right, right=True)}" for label, value in rows]
        due = chinese_date(item.due)
        if item.report:
            lines.append("  年度数据说明：已填写")
        elif s.year >= item.recorded_from:
            lines.append(f"  年度数据说明：未填写（应于 {due} 前公开）")
        else:
            lines.append("  年度数据说明：未填写")
        if s.year < item.recorded_from:
            lines.append(f"  注意：本县从 {item.recorded_from} 年起在 gongshi 中登记执法决定，{s.year} 年度的统计可能不完整。")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def report_json(items: list[CountyYear], year: int, today: date) -> str:
    counties = []
    for item in items:
        s = item.stats
        counties.append({
            "county": item.county, "name": item.name, "year": s.year,
            "until": s.until.isoformat() if s.until else None,
            "decisions": s.decisions, "by_kind": dict(s.by_kind),
            **{name: _number(getattr(s, name)) for name, _, _ in AMOUNTS},
            "legal_reviews": s.legal_reviews, "withdrawn": s.withdrawn, "late_published": s.late_published,
            "inspection_items": s.inspection_items,
            "report": item.report, "report_due": item.due.isoformat(), "recorded_from": item.recorded_from,
        })
    return json.dumps({"year": year, "today": today.isoformat(), "counties": counties}, ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = (["县编号", "执法主体", "年度", "统计截至", "执法决定合计（件）"]
              + [f"{KIND_LABELS[kind]}（件）" for kind in DECISION_KINDS]
              + [f"{label}（元）" for _, _, label in AMOUNTS]
              + [f"{REVIEWED_LABEL}（件）", f"{WITHDRAWN_LABEL}（件）", f"{LATE_LABEL}（件）", f"{INSPECTIONS_LABEL}（项）",
                 "年度数据说明", "登记起始年度"])


def report_csv(items: list[CountyYear]) -> str:
    """UTF-8 with a byte-order mark, so that Excel reads the Chinese right; a header row in Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for item in items:
        s = item.stats
        writer.writerow([item.county, item.name, s.year, s.until.isoformat() if s.until else "", s.decisions]
                        + [s.by_kind[kind] for kind in DECISION_KINDS]
                        + [_number(getattr(s, name)) for name, _, _ in AMOUNTS]
                        + [s.legal_reviews, s.withdrawn, s.late_published, "" if s.inspection_items is None else s.inspection_items,
                           "已填写" if item.report else "未填写", item.recorded_from])
    return "\ufeff" + out.getvalue()
