"""Until when a county's findings and public view stay what they are today.

A county's check and public view depend on the day only through what the code asks of it: is a
deadline past (`today > deadline`), has a publicity period ended (`ends <= today`), which year is
it (`today.year`). `WatchedDay` is today's date that notes, for every such question, the first
later day on which the answer changes; the earliest of them is the day until which the result
holds (`DayWatch.valid_until`). An incremental build carries a county over, unchecked, until then.

Nothing has to list which rules depend on the day, so none can be forgotten: every use of the day
is seen. A question whose answer changes every day (how many days are left, the day printed in a
message, a set of dates looked up) makes the result hold for today alone. A day derived from it
(`today + timedelta(days=7)`) is watched the same way; the difference of two watched days is the
same on any day.
"""

from __future__ import annotations

from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


class DayWatch:
    def __init__(self, today: date):
        self.today = date(today.year, today.month, today.day)
        self._changes: set[date] = set()

    def day(self) -> "WatchedDay":
        return WatchedDay._of(self.today, self, 0)

    def changes_on(self, day: date) -> None:
        """An answer given today is different from `day` (a later day) on."""
        if day > self.today:
            self._changes.add(day)

    @property
    def valid_until(self) -> date | None:
        """The first day on which some answer changes; None: no answer depends on the day."""
        return min(self._changes, default=None)


def _plain(value) -> date | None:
    """`value` when it is a plain date (not a watched day, not a datetime)."""
    return None if isinstance(value, WatchedDay) or not isinstance(value, date) or hasattr(value, "hour") else value


class WatchedDay(date):
    """Today, or a day a number of days from it (`_shift`), noting what is asked of it."""

    _watch: DayWatch
    _shift: int

    @classmethod
    def _of(cls, day: date, watch: DayWatch, shift: int) -> "WatchedDay":
        made = super().__new__(cls, day.year, day.month, day.day)
        made._watch, made._shift = watch, shift
        return made

    def _value(self) -> date:
        return date.fromordinal(date.toordinal(self))

    def _changes_when_reaching(self, at: date) -> None:
        """The answer changes when this day reaches `at`, which is when today reaches at - shift."""
        self._watch.changes_on(at - timedelta(days=self._shift))

    def _tomorrow(self) -> None:
        self._watch.changes_on(self._watch.today + ONE_DAY)

    def _with_other(self, other) -> None:
        """A comparison with another watched day keeps the same answer while both move on, unless
        it is another watch's."""
        if isinstance(other, WatchedDay) and other._watch is not self._watch:
            self._tomorrow()

    # --- comparisons: the first day on which the answer is no longer today's
    def __lt__(self, other):   # true while this day is before `other`
        plain = _plain(other)
        if plain is None:
            self._with_other(other)
        elif plain > self._value():
            self._changes_when_reaching(plain)
        return date.__lt__(self, other)

    def __ge__(self, other):
        plain = _plain(other)
        if plain is None:
            self._with_other(other)
        elif plain > self._value():
            self._changes_when_reaching(plain)
        return date.__ge__(self, other)

    def __le__(self, other):   # true until this day is past `other`
        plain = _plain(other)
        if plain is None:
            self._with_other(other)
        elif plain >= self._value():
            self._changes_when_reaching(plain + ONE_DAY)
        return date.__le__(self, other)

    def __gt__(self, other):
        plain = _plain(other)
        if plain is None:
            self._with_other(other)
        elif plain >= self._value():
            self._changes_when_reaching(plain + ONE_DAY)
        return date.__gt__(self, other)

    def __eq__(self, other):   # becomes true on `other`, false again the day after
        plain = _plain(other)
        if plain is None:
            self._with_other(other)
        elif plain >= self._value():
            self._changes_when_reaching(plain if plain > self._value() else plain + ONE_DAY)
        return date.__eq__(self, other)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    # --- arithmetic: a day so many days away is watched too; a count of days changes daily
    def __add__(self, other):
        if isinstance(other, timedelta):
            return WatchedDay._of(self._value() + other, self._watch, self._shift + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return WatchedDay._of(self._value() - other, self._watch, self._shift - other.days)
        if isinstance(other, WatchedDay) and other._watch is self._watch:
            return timedelta(days=self._shift - other._shift)
        if isinstance(other, date):
            self._tomorrow()
            return self._value() - (other._value() if isinstance(other, WatchedDay) else other)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, date):
            self._tomorrow()
            return other - self._value()
        return NotImplemented

    # --- the parts of the day: the year changes on 1 January, the month on its first day
    @property
    def year(self) -> int:
        value = self._value()
        self._changes_when_reaching(date(value.year + 1, 1, 1))
        return value.year

    @property
    def month(self) -> int:
        value = self._value()
        self._changes_when_reaching(date(value.year + (value.month == 12), value.month % 12 + 1, 1))
        return value.month

    @property
    def day(self) -> int:
        self._tomorrow()
        return self._value().day

    def __reduce__(self):   # kept (pickled) as the plain date it is
        return (date, (self._value().year, self._value().month, self._value().day))

    def __repr__(self) -> str:
        return f"WatchedDay({self._value().isoformat()})"


def _answered_for_today_only(name: str):
    method = getattr(date, name)

    def asked(self, *args, **kwargs):
        self._tomorrow()
        return method(self._value(), *args, **kwargs)
    asked.__name__ = name
    return asked


# Everything else a day tells (its name, its weekday, its place in a set of dates) is today's alone.
for _name in ("isoformat", "strftime", "__str__", "__format__", "weekday", "isoweekday", "isocalendar", "toordinal",
              "timetuple", "ctime", "replace", "__hash__"):
    setattr(WatchedDay, _name, _answered_for_today_only(_name))
