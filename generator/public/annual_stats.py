"""Annual enforcement statistics (年度执法数据): aggregates of one county's decisions for one year.

Each bureau publishes its previous year's enforcement figures and a written analysis in January
(law parameter `annual_report_due_day_of_january`, with its citation). The figures are counted here from the
decisions kept in git; the analysis is written by the staff in annual.yml.

What is counted, for a year Y, as of `today`:
- decisions decided in Y (and not after `today`): by kind, their fines, amounts ordered returned
  (责令退回) and payments refused (拒付), and how many went through legal review (法制审核). The
  amounts leave out decisions withdrawn by `today`: a revoked fine is not owed;
- decisions changed, revoked, or declared unlawful or void (变更、撤销、确认违法、确认无效) by an
  event dated in Y: counted in the year of the event, once per decision, whatever year they were
  decided in. They still count in their own year's figures above: those say what was decided;
- random inspections (双随机抽查) made in Y (by the task's date), those whose result found a
  problem, and the results published in Y, when the county keeps random-inspections.yml;
- the number of matters in the random-inspection list (双随机抽查事项清单), when inspections.yml is
  the list of Y: it is the only yearly figure that file carries.

Classified decisions (涉密) are left out entirely: their existence is itself secret. Decisions of
minor parties are never published, but they count in these aggregates, which name nobody.
Nothing here names a party or a case number: only counts and sums leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..cn_format import amount_of, yuan
from ..law.annual_report import report_due, written_years
from ..law.lifecycle import WITHDRAWAL_EVENTS, day_of, events
from ..law.county import county_law
from ..load.plans import published_plans
from ..privacy.redaction import redact_text

DECISION_KINDS = ("行政处罚", "行政许可", "行政强制", "行政检查", "其他")
KIND_LABELS = {"行政处罚": "行政处罚决定", "行政许可": "行政许可决定", "行政强制": "行政强制决定",
               "行政检查": "行政检查决定", "其他": "其他执法决定"}
AMOUNTS = (("fines", "fine", "罚款"), ("returned", "returned", "责令退回"),
           ("refused_payment", "refused_payment", "拒付医保基金"))
WITHDRAWN_LABEL = "被变更、撤销、确认违法或无效的决定"
REVIEWED_LABEL = "经法制审核的决定"
LATE_LABEL = "逾期公示的决定"
INSPECTIONS_LABEL = "双随机抽查事项清单"
RANDOM_LABELS = ("双随机抽查检查", "其中发现问题", "公示的抽查结果")


@dataclass(frozen=True)
class YearStats:
    year: int
    until: date | None = None                         # the running year: counted up to this day
    by_kind: dict = field(default_factory=lambda: dict.fromkeys(DECISION_KINDS, 0))
    fines: Decimal = Decimal(0)
    returned: Decimal = Decimal(0)
    refused_payment: Decimal = Decimal(0)
    legal_reviews: int = 0
    withdrawn: int = 0
    late_published: int = 0                           # published in the year after their deadline, reason recorded
    inspection_items: int | None = None               # None: inspections.yml is not the list of this year
    random_inspections: tuple | None = None           # (made, problems found, results published); None: no plans kept
    shown: tuple = tuple(name for name, _, _ in AMOUNTS)   # the sums of the county's kind of bureau (its law profile)

    @property
    def decisions(self) -> int:
        return sum(self.by_kind.values())

    def rows(self) -> list[tuple[str, str]]:
        """(项目, 数量或金额) for a two-column table a phone can show."""
        rows = [("执法决定合计", f"{self.decisions}件")]
        rows += [(KIND_LABELS[kind], f"{self.by_kind[kind]}件") for kind in DECISION_KINDS]
        rows += [(label, yuan(getattr(self, name))) for name, _, label in AMOUNTS if name in self.shown]
        rows += [(REVIEWED_LABEL, f"{self.legal_reviews}件"), (WITHDRAWN_LABEL, f"{self.withdrawn}件"),
                 (LATE_LABEL, f"{self.late_published}件")]
        if self.inspection_items is not None:
            rows.append((INSPECTIONS_LABEL, f"{self.inspection_items}项"))
        if self.random_inspections is not None:
            rows += [(label, f"{count}次" if i < 2 else f"{count}项") for i, (label, count) in
                     enumerate(zip(RANDOM_LABELS, self.random_inspections))]
        return rows


@dataclass(frozen=True)
class AnnualYear:
    """One year of the site's 年度执法数据 section."""
    year: int
    stats: YearStats | None      # None: a year before the county kept its decisions in gongshi
    summary: str | None          # the staff's analysis, redacted; None: not published yet


def _amount(value) -> Decimal:
    return amount_of(value) or Decimal(0)   # a wrong type is the schema check's to report


def _decisions(county) -> list[dict]:
    """Every decision that may be counted: all but the classified ones."""
    return [doc.data for doc in county.records("decision")
            if isinstance(doc.data, dict) and doc.data.get("classified") is not True]


def _withdrawal_days(decision: dict) -> list[date]:
    days = [day_of(e.get("date")) for _, e in events(decision) if e["event"] in WITHDRAWAL_EVENTS]
    return [d for d in days if d is not None]


def _counted_by(today: date | None):
    return (lambda day: day is not None and (today is None or day <= today))


def annual_statistics(county, year: int, today: date | None = None) -> YearStats:
    """The figures of `year` from the loaded county. With `today`, nothing after it is counted
    and a year still running says up to which day it was counted."""
    counted = _counted_by(today)
    by_kind = dict.fromkeys(DECISION_KINDS, 0)
    sums = {name: Decimal(0) for name, _, _ in AMOUNTS}
    reviews = withdrawn = late = 0
    for decision in _decisions(county):
        published = day_of(decision.get("published"))
        late += bool(decision.get("late_publication")) and counted(published) and published.year == year
        decided = day_of(decision.get("decided"))
        if counted(decided) and decided.year == year:
            kind = decision.get("kind")
            by_kind[kind if isinstance(kind, str) and kind in by_kind else "其他"] += 1
            outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
            if not any(counted(day) for day in _withdrawal_days(decision)):   # a withdrawn decision's money is not owed
                for name, key, _ in AMOUNTS:
                    sums[name] += _amount(outcome.get(key))
            reviews += bool(decision.get("legal_review"))
        withdrawn += any(day.year == year for day in _withdrawal_days(decision) if counted(day))
    return YearStats(year=year, until=today if today is not None and today.year == year else None,
                     by_kind=by_kind, legal_reviews=reviews, withdrawn=withdrawn, late_published=late,
                     inspection_items=_inspection_items(county, year), random_inspections=_random_inspections(county, year, counted),
                     shown=county_law(county).profile.amounts, **sums)


def _random_inspections(county, year: int, counted) -> tuple | None:
    plans = published_plans(county)
    if not any(plan.get("year") == year for plan in plans):
        return None   # no plan of that year: nothing to count, rather than zeros
    made = problems = published = 0
    for plan in plans:
        for task in plan.get("tasks") or []:
            if not isinstance(task, dict):
                continue
            day = day_of(task.get("date"))
            result = task.get("result") if isinstance(task.get("result"), dict) else {}
            published_on = day_of(result.get("published"))
            if counted(day) and day.year == year:
                made += 1
                problems += result.get("finding") == "发现问题" and counted(published_on)   # a result counts once public
            published += counted(published_on) and published_on.year == year
    return made, problems, published


def _inspection_items(county, year: int) -> int | None:
    inspections = county.data("inspections")
    if not isinstance(inspections, dict) or inspections.get("year") != year:
        return None
    return sum(1 for item in inspections.get("items") or []
               if isinstance(item, dict) and item.get("classified") is not True)


def data_years(county, today: date | None = None) -> set[int]:
    """Years in which a counted decision was decided or withdrawn."""
    counted = _counted_by(today)
    years = set()
    for decision in _decisions(county):
        decided = day_of(decision.get("decided"))
        years |= {decided.year} if counted(decided) else set()
        years |= {day.year for day in _withdrawal_days(decision) if counted(day)}
    return years


def annual_years(county, today: date | None = None) -> list[int]:
    """Years with figures or a published analysis, newest first."""
    annual = county.data("annual")
    reports = annual.get("reports") if isinstance(annual, dict) else None
    published = {r["year"] for r in reports or []
                 if isinstance(r, dict) and isinstance(r.get("year"), int) and r.get("classified") is not True}
    return sorted(data_years(county, today) | published, reverse=True)


def recorded_from(county) -> int:
    """The first year whose decisions the county keeps in gongshi: the law parameter
    annual_report_first_year (its years before are not checked, nor their figures shown as complete)."""
    return county_law(county)["annual_report_first_year"]


def annual_sections(county, public_annual: dict | None, today: date) -> list[AnnualYear]:
    """The 年度执法数据 section of the site: every finished year with figures or an analysis, newest first.
    `public_annual` is annual.yml as the public view has redacted it. A year before the county kept
    its decisions in gongshi shows its analysis alone: zeros there would not be the truth."""
    summaries = {r["year"]: r.get("summary") for r in (public_annual or {}).get("reports") or []
                 if isinstance(r, dict) and isinstance(r.get("year"), int)}
    # Only finished years: a running year's sums would let a visitor work out the amounts of
    # decisions not yet published (today's total less the published ones).
    with_data = {year for year in data_years(county, today) if year < today.year}
    first = recorded_from(county)
    years = sorted(with_data | set(summaries), reverse=True)
    return [AnnualYear(year, annual_statistics(county, year, today)
                       if year < today.year and (year in with_data or year >= first) else None,
                       summaries.get(year) or None)
            for year in years]


# `gongshi report`: the figures of one year for supervisors (render/report_formats.py writes them out).

@dataclass(frozen=True)
class CountyYear:
    county: str          # county id
    name: str            # the enforcement subject (执法主体), as the site shows it
    stats: YearStats
    report: bool         # annual.yml holds the analysis of this year
    recorded_from: int   # decisions are kept in gongshi from this year on
    due: date            # by when the year's figures and analysis are published


def county_year(county, year: int, today: date) -> CountyYear:
    """The figures of `year` for `gongshi report`, under the subject's name masked as on the site.
    The report is made even from content with errors, so a name typed as a number is masked too."""
    name = redact_text(str((county.data("subject") or {}).get("name", county.id)))[0]
    return CountyYear(county.id, name, annual_statistics(county, year, today),
                      year in written_years(county.data("annual")), recorded_from(county),
                      report_due(year, county_law(county)["annual_report_due_day_of_january"]))
