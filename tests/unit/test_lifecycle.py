"""Publicity periods (信用修复管理办法) and the law parameters a county may override."""

from datetime import date

import pytest

from generator.law.lifecycle import add_months, publicity_ends, remade_as, withdrawal
from generator.law.profiles import default_law

LAW = default_law()


@pytest.mark.parametrize("start, months, end", [
    ("2025-03-10", 12, "2026-03-10"),
    ("2025-01-31", 1, "2025-02-28"),     # a shorter month ends on its last day
    ("2024-02-29", 12, "2025-02-28"),
    ("2025-11-30", 3, "2026-02-28"),
    ("2025-05-12", 36, "2028-05-12"),
])
def test_add_months(start, months, end):
    assert add_months(date.fromisoformat(start), months) == date.fromisoformat(end)


def _penalty(severity, **extra):
    return {"kind": "行政处罚", "decided": "2025-03-10", "severity": severity, **extra}


# The period ends on the corresponding day (民法典 第二百零二条), off the site the day after; the rule is
# the one in force on the decision date (law/publicity.py): 令2025年第36号 from 2026-04-01, before it 令2023年第58号.
@pytest.mark.parametrize("severity, decided, gone", [
    ("轻微", "2026-04-10", "2026-07-11"), ("一般", "2026-04-10", "2027-04-11"), ("严重", "2026-04-10", "2029-04-11"),
    ("轻微", "2025-03-10", "2026-03-11"),   # no 轻微 grade before 2026-04-01: 一般's period
])
def test_each_severity_has_its_period(severity, decided, gone):
    assert publicity_ends(_penalty(severity, decided=decided), LAW) == date.fromisoformat(gone)


def test_credit_repair_ends_the_period_early_and_other_kinds_have_none():
    repaired = _penalty("一般", history=[{"event": "信用修复", "date": "2025-08-01"}])
    assert publicity_ends(repaired, LAW) == date(2025, 8, 1)
    assert publicity_ends({"kind": "行政许可", "decided": "2025-03-10"}, LAW) is None


def test_the_first_withdrawal_and_the_decision_made_again_are_read_from_the_history():
    decision = {"history": [{"event": "更正", "date": "2025-04-01"},
                            {"event": "撤销", "date": "2025-05-01"},
                            {"event": "重新作出", "date": "2025-06-01", "decision": "2025-009"}]}
    assert withdrawal(decision) == (1, decision["history"][1])
    assert remade_as(decision) == "2025-009"
    assert withdrawal({"history": [{"event": "更正", "date": "2025-04-01"}]}) is None
