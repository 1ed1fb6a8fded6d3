"""Who may be listed as a current enforcement officer on a given day."""

from datetime import date

import pytest

from generator.law.certificates import in_force, standing

OFFICER = {"status": "有效", "valid_from": "2024-03-01", "valid_until": "2026-02-28"}


@pytest.mark.parametrize("day, listed", [
    (date(2024, 2, 29), False),   # not yet valid
    (date(2024, 3, 1), True),     # first day
    (date(2026, 2, 28), True),    # last day
    (date(2026, 3, 1), False),    # expired
])
def test_certificate_must_be_in_force_on_the_day(day, listed):
    assert in_force(OFFICER, day) is listed


@pytest.mark.parametrize("status", ["暂扣", "注销", "吊销"])
def test_suspended_or_cancelled_certificates_are_not_listed(status):
    assert not in_force(dict(OFFICER, status=status), date(2025, 1, 1))


def test_a_certificate_annulled_on_a_date_was_in_force_before_it():
    annulled = dict(OFFICER, status="注销", status_since="2025-06-01")
    assert in_force(annulled, date(2025, 5, 31)) and not in_force(annulled, date(2025, 6, 1))


@pytest.mark.parametrize("officer, today, label, since", [
    (OFFICER, date(2025, 1, 1), "有效", date(2024, 3, 1)),
    (OFFICER, date(2026, 3, 1), "已失效", date(2026, 3, 1)),                      # lapsed the day after its end
    (dict(OFFICER, status="注销", status_since="2025-06-01"), date(2026, 1, 1), "已注销", date(2025, 6, 1)),
    (dict(OFFICER, status="吊销"), date(2025, 1, 1), "已吊销", None),              # since when not recorded
    (OFFICER, date(2024, 1, 1), "尚未生效", date(2024, 3, 1)),
])
def test_a_certificate_page_says_how_it_stands_and_since_when(officer, today, label, since):
    found = standing(officer, today)
    assert (found.label, found.since, found.valid) == (label, since, label == "有效")
