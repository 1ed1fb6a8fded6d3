"""Publication deadlines and approval of decisions (law parameters publish_within_working_days_*).

行政处罚 and 行政许可 within 7 working days of the decision, everything else within 20 (by default),
counted on the official calendar. A decision that is never to be published (涉密, a minor party)
has no deadline to keep, nor one withdrawn before it was published. Whether a day is within the
period is asked of the calendar up to that day only: the next year's holidays are needed only when
the answer depends on them.
"""

from __future__ import annotations

from datetime import date

from ..cn_format import chinese_date
from ..codes import finding
from ..law.lifecycle import awaits_publication, never_published, publication_deadline
from ..law.county import county_law
from .decisions import counted


def check_deadlines(county, calendar, today: date) -> list:
    law = county_law(county)
    findings = []
    for doc in county.records("decision"):
        decision = doc.data
        if decision.get("published") and not never_published(decision):
            findings += counted(doc, ("decided",), lambda: _published(doc, decision, law, calendar))
        elif awaits_publication(decision):
            findings += counted(doc, ("decided",), lambda: _pending(doc, decision, law, calendar, today))
    return findings


def _about(decision: dict, law, deadline: date) -> dict:
    return dict(kind=decision["kind"], case=decision["case_number"], decided=chinese_date(decision["decided"]),
                within=law.publish_within(decision["kind"]), deadline=chinese_date(deadline),
                citation=law.publish_citation(decision["kind"]))


def _pending(doc, decision: dict, law, calendar, today: date) -> list:
    decided, within = date.fromisoformat(decision["decided"]), law.publish_within(decision["kind"])
    if not calendar.is_within(decided, within, today):
        return [finding("E-DEADLINE-MISSED", doc.display, doc.line_of(("decided",)),
                        **_about(decision, law, publication_deadline(decision, law, calendar)))]
    left = within - calendar.working_days_between(decided, today)
    if left <= law["deadline_warning_working_days"]:   # the day it falls on is needed only now
        return [finding("W-DEADLINE-SOON", doc.display, doc.line_of(("decided",)), left=left,
                        **_about(decision, law, publication_deadline(decision, law, calendar)))]
    return []


def _published(doc, decision: dict, law, calendar) -> list:
    published = date.fromisoformat(decision["published"])
    findings = _approval(doc, decision)
    late = decision.get("late_publication") if isinstance(decision.get("late_publication"), dict) else None
    if calendar.is_within(date.fromisoformat(decision["decided"]), law.publish_within(decision["kind"]), published):
        if late:
            findings.append(finding("W-LATE-NOT-LATE", doc.display, doc.line_of(("late_publication",)),
                                    **_about(decision, law, publication_deadline(decision, law, calendar))))
        return findings
    deadline = publication_deadline(decision, law, calendar)   # before the publication date: a known year
    if late:
        findings += _recorded_late(doc, decision, late, published, law, calendar, deadline)
    elif not decision.get("publish_delay"):
        findings.append(finding("E-DEADLINE-LATE", doc.display, doc.line_of(("published",)), published=chinese_date(published),
                                late=calendar.working_days_between(deadline, published), **_about(decision, law, deadline)))
    return findings


def _recorded_late(doc, decision, late: dict, published: date, law, calendar, deadline: date) -> list:
    """A late publication whose reason and approval are recorded: a warning of its own, counted."""
    if str(late.get("approved", "")) > decision["published"]:
        return [finding("E-LATE-APPROVED-AFTER", doc.display, doc.line_of(("late_publication", "approved")),
                        case=decision["case_number"], approved=chinese_date(late["approved"]),
                        published=chinese_date(decision["published"]))]
    return [finding("W-DEADLINE-LATE-RECORDED", doc.display, doc.line_of(("published",)), published=chinese_date(published),
                    late=calendar.working_days_between(deadline, published), reason=late.get("reason", ""),
                    approved_by=late.get("approved_by", ""), approved=chinese_date(late.get("approved", "")),
                    **_about(decision, law, deadline))]


def _approval(doc, decision) -> list:
    approval = decision.get("approval")
    if not approval:
        return [finding("E-APPROVAL-MISSING", doc.display, doc.line_of(("published",)), case=decision["case_number"])]
    if approval.get("date") and approval["date"] > decision["published"]:
        return [finding("E-APPROVAL-AFTER", doc.display, doc.line_of(("approval", "date")), case=decision["case_number"],
                        approved=chinese_date(approval["date"]), published=chinese_date(decision["published"]))]
    return []
