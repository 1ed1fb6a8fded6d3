"""A county's quiet period: from its first day of the month to its last, both included."""

from datetime import date

import pytest

from generator.law.quiet_period import QuietPeriod

QUIET = QuietPeriod(1, 20, ("定点零售药店",), ("案件查处",), False, "示例")


@pytest.mark.parametrize("day, covered", [
    (date(2026, 4, 1), True),     # the first day
    (date(2026, 4, 20), True),    # the last day
    (date(2026, 4, 21), False),   # the day after
    (date(2026, 3, 31), False),   # the day before, the month before
])
def test_the_quiet_period_covers_its_first_and_last_day_and_not_the_day_after(day, covered):
    assert QUIET.covers(day, "定点零售药店") is covered


def test_the_quiet_period_covers_only_the_types_it_names():
    assert not QUIET.covers(date(2026, 4, 5), "定点医疗机构")
