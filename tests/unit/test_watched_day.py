"""The day a county's check holds until: each question about the day, and when its answer changes."""

import pickle
from datetime import date, timedelta

import pytest

from generator.watched_day import DayWatch

TODAY = date(2026, 11, 23)


def valid_until(question):
    watch = DayWatch(TODAY)
    question(watch.day())
    return watch.valid_until


@pytest.mark.parametrize("question, until", [
    (lambda t: t > date(2026, 12, 1), date(2026, 12, 2)),                 # a deadline passes the day after it
    (lambda t: date(2026, 12, 1) < t, date(2026, 12, 2)),                 # asked the other way round
    (lambda t: date(2026, 12, 1) <= t, date(2026, 12, 1)),                # a period that ends on a day
    (lambda t: t < date(2027, 3, 1), date(2027, 3, 1)),
    (lambda t: t + timedelta(days=7) > date(2026, 12, 1), date(2026, 11, 25)),   # a day derived from today
    (lambda t: t - timedelta(days=30) >= date(2026, 11, 1), date(2026, 12, 1)),
    (lambda t: t.year, date(2027, 1, 1)),                                  # which year: until 1 January
    (lambda t: t.month, date(2026, 12, 1)),
    (lambda t: t == date(2026, 11, 23), date(2026, 11, 24)),
    (lambda t: t == date(2026, 12, 5), date(2026, 12, 5)),
    (lambda t: sorted([date(2026, 12, 5), t, date(2026, 11, 1)]), date(2026, 12, 5)),
    (lambda t: f"截至{t}", date(2026, 11, 24)),                            # a message that names the day
    (lambda t: t in {date(2026, 1, 1)}, date(2026, 11, 24)),                # looked up among dates
    (lambda t: (date(2027, 1, 1) - t).days, date(2026, 11, 24)),           # a count of days
    (lambda t: t.weekday(), date(2026, 11, 24)),
    (lambda t: t > date(2026, 1, 1), None),                                 # settled for good
    (lambda t: (t + timedelta(days=3)) - t, None),                          # the same distance on any day
])
def test_the_first_day_on_which_an_answer_about_today_changes(question, until):
    assert valid_until(question) == until


def test_a_watched_day_is_stored_as_the_plain_date_it_is():
    stored = pickle.loads(pickle.dumps(DayWatch(TODAY).day()))
    assert type(stored) is date and stored == TODAY
