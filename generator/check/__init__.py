"""Check: schema validation, then the rules across records and files."""

from __future__ import annotations

from ..kinds import ALL_KINDS, SITE_CONFIG
from .annual_report import check_annual_report
from .attachments import check_attachments
from .case_officers import check_case_officers
from .dates import check_certificate_periods
from .deadlines import check_deadlines
from .fines import check_fines
from .history import check_history
from .legal_review import check_legal_review
from .party import check_parties
from .personal_data import check_personal_data
from .references import check_references
from .schema import check_schema
from .site_config import check_inherit


def check_county(county, calendar, today) -> list:
    findings = []
    for kind in ALL_KINDS:
        for doc in county.records(kind.name):
            findings += check_schema(doc, kind.schema)
    if county.config is not None and county.config.data is not None:
        findings += check_schema(county.config, SITE_CONFIG.schema) + check_inherit(county)
    findings += check_references(county)
    findings += check_attachments(county)
    findings += check_certificate_periods(county)
    findings += check_personal_data(county)
    findings += check_parties(county)
    findings += check_deadlines(county, calendar, today)
    findings += check_case_officers(county)
    findings += check_history(county, calendar, today)
    findings += check_fines(county)
    findings += check_legal_review(county, calendar)
    findings += check_annual_report(county, today)
    return findings
