"""Who may be listed as a current enforcement officer on a given day."""

from datetime import date

import pytest

from generator.public.view import holds_valid_certificate

OFFICER = {"status": "有效", "valid_from": "2024-03-01", "valid_until": "2026-02-28"}


@pytest.mark.parametrize("day, listed", [
    (date(2024, 2, 29), False),   # not yet valid
    (date(2024, 3, 1), True),     # first day
    (date(2026, 2, 28), True),    # last day
    (date(2026, 3, 1), False),    # expired
])
def test_certificate_must_be_in_force_on_the_day(day, listed):
    assert holds_valid_certificate(OFFICER, day) is listed


@pytest.mark.parametrize("status", ["暂扣", "注销", "吊销"])
def test_suspended_or_cancelled_certificates_are_not_listed(status):
    assert not holds_valid_certificate(dict(OFFICER, status=status), date(2025, 1, 1))
