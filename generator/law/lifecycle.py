"""What happens to a decision after it is published: withdrawal, re-making, correction, expiry,
withholding (暂停公示: off the site at once, for a reason of the bureau's own, until it is lifted).

行政处罚法 第四十八条: a published decision that is 变更, 撤销, 确认违法 or 确认无效 is withdrawn within
three (working) days with the reason made public. 信用修复管理办法 (国家发展改革委令2025年第36号): the
information of a 行政处罚 is public for a period set by its severity, counted from the decision
date, and credit repair ends it early. The numbers are law parameters (law/parameters.py).
"""

from __future__ import annotations

import calendar as month_calendar
from datetime import date, timedelta

from .parameters import COMMON
from .publicity import PUBLICITY_PERIODS, periods_of

# Fixed by the law for every kind of bureau: read from their parameters, where each is cited.
WITHDRAWAL_EVENTS = COMMON["withdrawal_events"].value
CORRECTION = "更正"
REMADE = "重新作出"
CREDIT_REPAIR = "信用修复"

KINDS_WITH_PUBLICITY_PERIOD = COMMON["kinds_with_publicity_period"].value


def never_published(decision: dict) -> bool:
    """涉密, or a minor party: such a decision is never published, so it has no deadline and
    nothing to withdraw."""
    party = decision.get("party") if isinstance(decision.get("party"), dict) else {}
    return decision.get("classified") is True or party.get("minor") is True


def was_published(decision: dict, today: date) -> bool:
    """Whether the decision went on the site: approved, with a publication date that has come."""
    published = decision.get("published")
    return (not never_published(decision) and bool(decision.get("approval")) and _is_date(published)
            and date.fromisoformat(published) <= today)


def withheld(decision: dict) -> dict | None:
    """The record of a decision taken off the site at once (暂停公示: date and reason), or None."""
    return decision["withheld"] if isinstance(decision.get("withheld"), dict) else None


def awaits_publication(decision: dict) -> bool:
    """Still to be published: not published yet, not withdrawn first, and not one that is never published."""
    return not decision.get("published") and not never_published(decision) and withdrawal(decision) is None


def events(decision: dict) -> list[tuple[int, dict]]:
    """(index, event) of each well-formed event of the history, as written."""
    history = decision.get("history")
    if not isinstance(history, list):
        return []
    return [(i, e) for i, e in enumerate(history) if isinstance(e, dict) and isinstance(e.get("event"), str)]


def withdrawal(decision: dict) -> tuple[int, dict] | None:
    """The first event that ends the decision's publication (变更, 撤销, 确认违法, 确认无效)."""
    return next(((i, e) for i, e in events(decision) if e["event"] in WITHDRAWAL_EVENTS), None)


def remade_as(decision: dict) -> str | None:
    """The id of the decision made again or changed in its place, if one is recorded."""
    for _, event in events(decision):
        if event["event"] == REMADE or (event["event"] in WITHDRAWAL_EVENTS and event.get("decision")):
            if isinstance(event.get("decision"), str):
                return event["decision"]
    return None


def corrections(decision: dict) -> list[dict]:
    return [e for _, e in events(decision) if e["event"] == CORRECTION]


def credit_repair(decision: dict) -> tuple[int, dict] | None:
    return next(((i, e) for i, e in events(decision) if e["event"] == CREDIT_REPAIR), None)


def publication_deadline(decision: dict, law, calendar) -> date:
    """The last day to publish: so many working days after the decision (law.publish_within)."""
    return calendar.add_working_days(date.fromisoformat(decision["decided"]), law.publish_within(decision["kind"]))


def withdrawal_deadline(event: dict, law, calendar) -> date:
    """The last day to withdraw after a 变更, 撤销, 确认违法 or 确认无效 (行政处罚法 第四十八条)."""
    return calendar.add_working_days(date.fromisoformat(event["date"]), law["withdraw_within_working_days"])


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when that month is shorter (1/31 → 2/28)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, month_calendar.monthrange(year, month)[1]))


def publicity_period(decision: dict, law) -> tuple[date, date | None] | None:
    """(the last day of its publicity period, the last day of its shortest period, before which
    credit repair may not end it), or None when the decision has no publicity period (other kinds,
    or a severity not yet given). 民法典 第二百零一条、第二百零二条: the period starts the day after
    the decision and ends on the corresponding day of the last month."""
    if decision.get("kind") not in KINDS_WITH_PUBLICITY_PERIOD or decision.get("severity") not in PUBLICITY_PERIODS \
            or not _is_date(decision.get("decided")):
        return None
    decided = date.fromisoformat(decision["decided"])
    longest, shortest = periods_of(decided, decision["severity"], law)   # the rule in force on the decision date
    return add_months(decided, longest), add_months(decided, shortest) if shortest else None


def publicity_ends(decision: dict, law) -> date | None:
    """The first day the decision is off the site: the day after its period, or the day of credit
    repair if earlier — but never before its shortest period is over, whatever date a repair was
    recorded with (that is E-CREDIT-REPAIR-EARLY, and the decision stays). Only 行政处罚
    information has a period, and only it is credit-repaired."""
    period = publicity_period(decision, law)
    if period is None:
        return None
    ends = [period[0] + timedelta(days=1)]
    repaired = credit_repair(decision)
    if repaired and _is_date(repaired[1].get("date")):
        earliest = period[1] + timedelta(days=1) if period[1] else None
        ends.append(max(date.fromisoformat(repaired[1]["date"]), earliest) if earliest else date.fromisoformat(repaired[1]["date"]))
    return min(ends)


def day_of(value) -> date | None:
    """A date as the YAML gave it, or None when it is missing or malformed (the schema check reports that)."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _is_date(value) -> bool:
    return day_of(value) is not None
