"""Check: schema validation, then the rules across records and files."""

from __future__ import annotations

from dataclasses import replace

from ..codes import spoils_file
from ..kinds import ALL_KINDS, SITE_CONFIG
from ..load.county import County
from .annual_report import check_annual_report
from .attachments import check_attachments
from .case_officers import check_case_officers
from .dates import check_certificate_periods
from .deadlines import check_deadlines
from .fines import check_fines
from .history import check_history
from .inspections import check_inspections
from .legal_review import check_legal_review
from .party import check_parties
from .personal_data import check_personal_data
from .procedure import check_procedure
from .references import check_references
from .schema import check_schema
from .site_config import check_inherit, check_law, check_site_url
from .subject import check_subject
from .withholding import check_withholding


def check_county(county, calendar, today) -> list:
    findings = []
    for kind in ALL_KINDS:
        for doc in county.records(kind.name):
            findings += check_schema(doc, kind.schema)
    if county.config is not None and county.config.data is not None:
        findings += check_schema(county.config, SITE_CONFIG.schema) + check_inherit(county) + check_law(county) \
            + check_site_url(county)
    findings += check_personal_data(county)   # every record, valid or not: what it holds is reported all the same
    valid = _schema_valid(county, findings)
    findings += check_references(valid)
    findings += check_attachments(valid)
    findings += check_certificate_periods(valid)
    findings += check_parties(valid)
    findings += check_subject(valid)
    findings += check_deadlines(valid, calendar, today)
    findings += check_case_officers(valid)
    findings += check_history(valid, calendar, today)
    findings += check_withholding(valid, today)
    findings += check_fines(valid)
    findings += check_legal_review(valid, calendar)
    findings += check_procedure(valid, calendar)
    findings += check_annual_report(valid, today)
    findings += check_inspections(valid, calendar, today, {found.path for found in findings if found.is_error})
    return findings


def _schema_valid(county, findings) -> County:
    """The county as the rules see it: only the records that follow their schema, so that a rule
    never meets a value of a type it does not expect (the schema finding has said what is wrong);
    a list that does not is treated as one that did not load."""
    spoiled = {found.path for found in findings if spoils_file(found)}
    return replace(county,
                   documents={kind: doc for kind, doc in county.documents.items() if doc.display not in spoiled},
                   decisions={i: doc for i, doc in county.decisions.items() if doc.display not in spoiled},
                   unreadable=county.unreadable | {kind for kind, doc in county.documents.items() if doc.display in spoiled})
