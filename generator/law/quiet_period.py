"""A county's enterprise "quiet period" (企业安静期): days of each month on which objects of the types
it names are, as a rule (原则上), not inspected, but for the special cases it lists.

No national rule sets one: a county that has one writes it, with its citation, under
`extra.quiet_period` in its site config (schemas/site-config.schema.json). The model is seed 003,
九江市医疗保障局关于优化提升营商环境的重点举措 一、1: days 1–20 for 定点医药企业, except
上级医保部门组织检查、上级交办、案件查处、重大舆情或投诉等突发事件. Because the rule says 原则上,
an inspection inside it without a listed reason is a warning unless the county makes it an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ERROR = "错误"


@dataclass(frozen=True)
class QuietPeriod:
    first_day: int
    last_day: int
    object_types: tuple[str, ...]
    exceptions: tuple[str, ...]
    is_error: bool
    citation: str

    def covers(self, day: date, object_type: str) -> bool:
        """Whether an inspection of an object of this type on this day falls in the quiet period."""
        return object_type in self.object_types and self.first_day <= day.day <= self.last_day

    def allows(self, reason: str) -> bool:
        return reason in self.exceptions

    @property
    def days(self) -> str:
        return f"每月{self.first_day}日至{self.last_day}日"


def quiet_period_of(county) -> QuietPeriod | None:
    """The county's quiet period, or None when it declares none (or declares one the schema check
    refuses: that is reported there)."""
    config = county.config.data if county.config is not None and isinstance(county.config.data, dict) else {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    rule = extra.get("quiet_period")
    if not isinstance(rule, dict):
        return None
    first, last, types = rule.get("first_day"), rule.get("last_day"), rule.get("object_types")
    if not (isinstance(first, int) and isinstance(last, int) and isinstance(types, list)):
        return None
    exceptions = rule.get("exceptions") if isinstance(rule.get("exceptions"), list) else []
    return QuietPeriod(first, last, tuple(str(t) for t in types), tuple(str(e) for e in exceptions),
                       rule.get("severity") == ERROR, str(rule.get("citation") or ""))
