"""Working-day deadlines on the official calendar, computed by hand from the State Council notices.

国办发明电〔2024〕12号 (2025): 春节 1月28日—2月4日放假，1月26日（周日）、2月8日（周六）上班；
    国庆、中秋 10月1日—8日放假，9月28日（周日）、10月11日（周六）上班。
国办发明电〔2025〕7号 (2026): 元旦 1月1日—3日放假，1月4日（周日）上班；春节 2月15日—23日放假，
    2月14日（周六）、2月28日（周六）上班；国庆 10月1日—7日放假，9月20日（周日）、10月10日（周六）上班。
The day of the decision is not counted; the deadline is the 7th (or 20th) working day after it.
"""

from datetime import date

import pytest

from generator.errors import UnknownYear
from generator.law.working_days import WorkingCalendar, YearArrangement


@pytest.mark.parametrize("decided, deadline, why", [
    # Fri before the 2025 Spring Festival: 1/26 Sun make-up (1), 1/27 (2), holiday, 2/5–2/7 (3–5),
    # 2/8 Sat make-up (6), 2/10 Mon (7)
    ("2025-01-24", "2025-02-10", "2025 春节，窗口内有调休的周日和周六"),
    # Tue before 2025 National Day: 10/9 (1), 10/10 (2), 10/11 Sat make-up (3), 10/13–10/16 (4–7)
    ("2025-09-30", "2025-10-16", "2025 国庆"),
    # Fri before the 2026 Spring Festival: 2/14 Sat make-up (1), holiday to 2/23, 2/24–2/27 (2–5),
    # 2/28 Sat make-up (6), 3/2 Mon (7)
    ("2026-02-13", "2026-03-02", "2026 春节，两个调休周六"),
    # Wed before 2026 National Day: 10/8 (1), 10/9 (2), 10/10 Sat make-up (3), 10/12–10/15 (4–7)
    ("2026-09-30", "2026-10-15", "2026 国庆"),
    # An ordinary week with a make-up Saturday in the window: 2/11–2/13 (1–3), 2/14 Sat (4), 2/24–2/26 (5–7)
    ("2026-02-10", "2026-02-26", "窗口内有调休的周六"),
])
def test_seven_working_days(decided, deadline, why):
    assert WorkingCalendar().add_working_days(date.fromisoformat(decided), 7) == date.fromisoformat(deadline), why


def test_twenty_working_days_across_national_day_2025():
    # 9/30 Tue → 10/9, 10/10, 10/11 (Sat make-up), then 17 more from 10/13: 10/13–17, 20–24, 27–31, 11/3–4
    assert WorkingCalendar().add_working_days(date(2025, 9, 30), 20) == date(2025, 11, 4)


def test_make_up_days_count_and_holidays_do_not():
    calendar = WorkingCalendar()
    assert calendar.is_working_day(date(2026, 2, 14))       # Saturday, 调休上班
    assert not calendar.is_working_day(date(2026, 2, 16))   # Monday, 春节
    assert calendar.working_days_between(date(2026, 2, 13), date(2026, 2, 28)) == 6


def test_a_year_the_library_does_not_know_is_an_error_not_a_guess():
    with pytest.raises(UnknownYear) as raised:
        WorkingCalendar().add_working_days(date(2026, 12, 25), 7)
    assert raised.value.year == 2027


def test_a_year_file_fills_the_gap():
    # A test arrangement for 2027 (not the real notice): New Year's Day Fri 1/1 to Sun 1/3 off.
    new_year = YearArrangement(2027, frozenset({date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)}), frozenset())
    calendar = WorkingCalendar({2027: new_year})
    # Fri 12/25: 12/28–12/31 (1–4), 1/1–1/3 off, 1/4–1/6 (5–7)
    assert calendar.add_working_days(date(2026, 12, 25), 7) == date(2027, 1, 6)
