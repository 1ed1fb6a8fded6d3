"""How long a 行政处罚 decision stays on the site, by the rule in force on the day it was made.

The publicity periods of penalty information, counted from the decision date, changed twice:

| decisions made | rule | 一般 | 严重 |
|---|---|---|---|
| until 2023-04-30 | 发改办财金〔2019〕527号 | 3 months to 1 year | 6 months to 3 years |
| 2023-05-01 to 2026-03-31 | 国家发展改革委令2023年第58号 | 3 months to 1 year | 1 to 3 years |
| from 2026-04-01 | 国家发展改革委令2025年第36号 | 3 months to 1 year | 1 to 3 years; 轻微 at most 3 months |

Transitional rule applied (README, section on decisions): a decision keeps the periods of the rule
in force on its decision date, for its whole life, so that no later rule lengthens or shortens a
period already running; the rules before 2026 had no 轻微 grade, so a 轻微 decision made before
2026-04-01 takes their 一般 periods. A county's stricter periods (`extra.law`) are periods of the
rule now in force: they apply to the decisions made under it.

On the bureau's own site, a 轻微 decision is still disclosed (国办发〔2018〕118号 requires every
penalty to be), for the longest period 令2025年第36号 allows for it on credit websites.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import sources

# severity → (parameter of the longest period, parameter of the shortest before credit repair may end it)
PUBLICITY_PERIODS = {
    "轻微": ("publicity_months_minor", None),
    "一般": ("publicity_months_general", "publicity_min_months_general"),
    "严重": ("publicity_months_serious", "publicity_min_months_serious"),
}


@dataclass(frozen=True)
class Regime:
    since: date | None        # the first decision date it applies to
    source: str
    periods: dict | None      # severity → (longest, shortest) in months; None: the law parameters (the rule in force)


REGIMES = (
    Regime(None, sources.CREDIT_REPAIR_2019, {"轻微": (12, 3), "一般": (12, 3), "严重": (36, 6)}),
    Regime(date(2023, 5, 1), sources.CREDIT_REPAIR_2023, {"轻微": (12, 3), "一般": (12, 3), "严重": (36, 12)}),
    Regime(date(2026, 4, 1), sources.CREDIT_REPAIR_2025, None),
)


def regime_of(decided: date) -> Regime:
    return [r for r in REGIMES if r.since is None or r.since <= decided][-1]


def periods_of(decided: date, severity: str, law) -> tuple[int, int | None]:
    """(longest, shortest or None) in months for a decision of that date and severity."""
    regime = regime_of(decided)
    longest, shortest = PUBLICITY_PERIODS[severity]
    if regime.periods is None:
        return law[longest], law[shortest] if shortest else None
    months, minimum = regime.periods[severity]
    # A county's own stricter period holds for every decision on its site, whatever rule it was made under.
    if _overridden(law, longest):
        months = min(months, law[longest])
    if shortest and _overridden(law, shortest):
        minimum = max(minimum, law[shortest])
    return months, minimum


def _overridden(law, name: str) -> bool:
    return law[name] != law.parameters[name].value


def citation_of(decided: date, severity: str, law) -> str:
    regime = regime_of(decided)
    if regime.periods is not None:
        return regime.source
    longest, shortest = PUBLICITY_PERIODS[severity]
    return law.citation(shortest or longest)
