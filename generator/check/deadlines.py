"""Publication deadlines and approval of decisions (国办发〔2018〕118号; 赣医保办发〔2020〕8号 （三）1).

行政处罚 and 行政许可 within 7 working days of the decision, everything else within 20, counted
on the official calendar. A decision that is never to be published (涉密, a minor party) has no
deadline to keep.
"""

from __future__ import annotations

from datetime import date

from ..codes import finding
from ..law.lifecycle import never_published, publication_deadline, withdrawal
from ..law.parameters import county_law
from ..law.working_days import UnknownYear
from ..load.calendar_files import calendar_file
from ..paths import display_path
from ..cn_format import chinese_date


def check_deadlines(county, calendar, config_dir, today: date) -> list:
    law = county_law(county)
    findings = []
    for doc in county.records("decision"):
        decision = doc.data
        if never_published(decision):
            continue
        if withdrawal(decision) and not decision.get("published"):
            continue  # withdrawn before it was due: nothing left to publish
        try:
            findings += _decision(doc, decision, law, calendar, today)
        except UnknownYear as unknown:
            findings.append(finding("E-CALENDAR-YEAR", doc.display, doc.line_of(("decided",)), case=decision["case_number"],
                                    year=unknown.year, file=display_path(calendar_file(config_dir, unknown.year))))
        except (KeyError, TypeError, ValueError):
            continue  # a missing or malformed date: the schema check reports it
    return findings


def _decision(doc, decision: dict, law, calendar, today: date) -> list:
    decided = date.fromisoformat(decision["decided"])
    within = law.publish_within(decision["kind"])
    deadline = publication_deadline(decision, law, calendar)
    about = dict(kind=decision["kind"], case=decision["case_number"], decided=chinese_date(decided.isoformat()),
                 within=within, deadline=chinese_date(deadline.isoformat()), citation=law.publish_citation(decision["kind"]))
    published = decision.get("published")
    if published:
        return _approval(doc, decision) + _on_time(doc, decision, date.fromisoformat(published), deadline, calendar, about)
    if today > deadline:
        return [finding("E-DEADLINE-MISSED", doc.display, doc.line_of(("decided",)), **about)]
    left = calendar.working_days_between(today, deadline)
    if left <= law["deadline_warning_working_days"]:
        return [finding("W-DEADLINE-SOON", doc.display, doc.line_of(("decided",)), left=left, **about)]
    return []


def _on_time(doc, decision, published: date, deadline: date, calendar, about) -> list:
    if published <= deadline or decision.get("publish_delay"):
        return []
    return [finding("E-DEADLINE-LATE", doc.display, doc.line_of(("published",)), published=chinese_date(published.isoformat()),
                    late=calendar.working_days_between(deadline, published), **about)]


def _approval(doc, decision) -> list:
    approval = decision.get("approval")
    if not approval:
        return [finding("E-APPROVAL-MISSING", doc.display, doc.line_of(("published",)), case=decision["case_number"])]
    if approval.get("date") and approval["date"] > decision["published"]:
        return [finding("E-APPROVAL-AFTER", doc.display, doc.line_of(("approval", "date")), case=decision["case_number"],
                        approved=chinese_date(approval["date"]), published=chinese_date(decision["published"]))]
    return []
