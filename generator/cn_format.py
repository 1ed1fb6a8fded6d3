"""Numbers and dates as Chinese readers expect them on a government page and in a clerk's message."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal


def chinese_date(value: date | str) -> str:
    """2026-11-23 → 2026年11月23日, from a date or from a date as YAML gave it; other text as it is."""
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        y, m, d = text.split("-")
        return f"{int(y)}年{int(m)}月{int(d)}日"
    return text


def amount_of(value) -> Decimal | None:
    """A money amount as YAML gave it, exactly; None for anything else (absent, text, .nan, .inf)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return Decimal(str(value))


def yuan(amount) -> str:
    """12000 → 12,000元; 1234.5 → 1,234.50元."""
    text = f"{amount:,.2f}"
    return (text[:-3] if text.endswith(".00") else text) + "元"


CN_ORDINALS = "一二三四五六七八九十"


def cn_ordinal(n: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 … 99: enough for list headings such as （十二）."""
    if n <= 10:
        return CN_ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_ORDINALS[tens - 1] if tens > 1 else "") + "十" + (CN_ORDINALS[ones - 1] if ones else "")
