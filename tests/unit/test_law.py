"""The law as data: every value with its citation, the schema and the README made from it, and
no citation typed into a message."""

from __future__ import annotations

import json
import re

import pytest

from generator.codes import CODES
from generator.law.describe import BEGIN, END, rules_markdown
from generator.law.parameters import FIXED, FREE, HIGHER, LOWER
from generator.law.profiles import PROFILES, override_schema
from generator.paths import SCHEMA_DIR

from ..conftest import PROJECT

PARAMETERS = [(profile.id, name, p) for profile in PROFILES.values() for name, p in profile.parameters.items()]


@pytest.mark.parametrize("profile, name, parameter", PARAMETERS, ids=[f"{p}-{n}" for p, n, _ in PARAMETERS])
def test_every_legal_value_has_a_title_a_citation_and_a_direction(profile, name, parameter):
    assert parameter.title and parameter.citation
    assert parameter.stricter in (LOWER, HIGHER, FIXED, FREE)
    if parameter.stricter in (LOWER, HIGHER):
        assert isinstance(parameter.value, int) and parameter.unit, name


def test_every_penalty_provision_names_parameters_of_its_profile():
    for profile in PROFILES.values():
        for provision in profile.provisions:
            for rule in (provision.fine, provision.suspension):
                if rule is not None:
                    assert {rule.low, rule.high} <= set(profile.parameters), provision.article
                    assert profile.parameters[rule.low].value <= profile.parameters[rule.high].value


def test_the_site_config_schema_allows_what_the_profiles_let_a_county_change():
    schema = json.loads((SCHEMA_DIR / "site-config.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["extra"]["properties"]["law"] == override_schema(), \
        "schemas/site-config.schema.json is behind generator/law: run python -m generator.law.describe"


def test_the_readme_lists_every_rule_as_the_code_applies_it():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert readme[readme.index(BEGIN):readme.index(END) + len(END)] == rules_markdown(), \
        "README.md is behind generator/law: run python -m generator.law.describe"


CITATION = re.compile(r"《[^{}》]*》|〔\d{4}〕|第[一二三四五六七八九十百]+条")


@pytest.mark.parametrize("code", sorted(CODES))
def test_no_message_types_a_citation_it_should_take_from_the_law(code):
    _, message, hint = CODES[code]
    assert not CITATION.search(message), message
    assert not CITATION.search(hint), hint
