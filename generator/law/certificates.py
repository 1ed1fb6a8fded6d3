"""Whether an officer's enforcement certificate was in force on a day, and how it stands today.

Only an officer whose certificate is in force may enforce (行政处罚法 第四十二条: 具有行政执法资格的
执法人员; seed 000: 未取得行政执法证件的人员不得独立从事行政执法工作). A certificate is in force
within its period of validity, unless it was suspended, annulled or revoked (暂扣、注销、吊销) by
then: from its `status_since`, or, where that date is not recorded, always.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .lifecycle import day_of

IN_FORCE = "有效"
# How a certificate page says a status: a certificate lapses by its date; the others are acts.
STATUS_WORDS = {"暂扣": "已暂扣", "注销": "已注销", "吊销": "已吊销"}


def in_force(officer: dict, day: date) -> bool:
    start, end = day_of(officer.get("valid_from")), day_of(officer.get("valid_until"))
    if start is None or end is None or not start <= day <= end:
        return False
    if officer.get("status") == IN_FORCE:
        return True
    since = day_of(officer.get("status_since"))
    return since is not None and day < since


@dataclass(frozen=True)
class Standing:
    valid: bool
    label: str               # 有效, 已失效, 已注销, 尚未生效 …
    since: date | None       # from when the label holds, where that is known


def standing(officer: dict, today: date) -> Standing:
    """What a certificate check page says of it today."""
    start, end = day_of(officer.get("valid_from")), day_of(officer.get("valid_until"))
    status = officer.get("status")
    if status != IN_FORCE:
        since = day_of(officer.get("status_since"))
        if since is None or since <= today:
            return Standing(False, STATUS_WORDS.get(status, str(status)), since)
    if start is not None and today < start:
        return Standing(False, "尚未生效", start)
    if end is not None and today > end:
        return Standing(False, "已失效", end + timedelta(days=1))
    return Standing(True, IN_FORCE, start)
