"""A finding is one line a clerk reads: `PATH:LINE: CODE 中文说明 — hint`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


class Effect(str, Enum):
    """What a finding does to publishing, declared with its code (codes.py)."""

    HOLD = "hold"       # what it is found in is not published: the record, else its county, else the build
    REPORT = "report"   # an error that fails the check; the record stays published (lateness, procedure)
    NONE = "none"       # a warning


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    path: str
    line: int | None
    message: str
    hint: str
    effect: Effect = Effect.HOLD

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.code} {self.message} — {self.hint}"


def has_errors(findings) -> bool:
    return any(f.is_error for f in findings)


def sort_findings(findings) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.path, f.line or 0, f.code))


def once_each(findings) -> list[Finding]:
    """Findings without repeats: the same message at the same place is said once."""
    seen, out = set(), []
    for found in findings:
        key = (found.path, found.line, found.code, found.message)
        if key not in seen:
            seen.add(key)
            out.append(found)
    return out


def summary(findings) -> str:
    """The closing line of `validate`: totals, then counts by code."""
    errors = sum(1 for f in findings if f.is_error)
    warnings = len(findings) - errors
    if not findings:
        return "检查通过：没有发现问题。"
    by_code = Counter(f.code for f in findings)
    counts = "，".join(f"{code} ×{n}" for code, n in sorted(by_code.items()))
    return f"共 {errors} 个错误，{warnings} 个警告（{counts}）。"
