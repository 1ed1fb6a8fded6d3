"""Arbitrary input into the three readers of untrusted text: the loader, the working-day calendar
and the personal-data detector. None may crash, hang or lose what it was given."""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.law.working_days import WorkingCalendar
from generator.load.yaml_file import load_yaml
from generator.privacy.personal_data import ID_CHECK, ID_WEIGHTS, PROVINCES, find_personal_data, mask

FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
PARSER_ENGLISH = re.compile(r"expected|found|while|scanning|parsing|mapping|block|flow|could not|token|scalar|stream", re.I)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def loaded(folder: Path, raw: bytes):
    path = folder / "subject.yml"
    path.write_bytes(raw)
    doc, findings = load_yaml(path, "content/x/subject.yml", "subject.schema.json")
    assert path.read_bytes() == raw   # loading never edits content
    return doc, findings


# Text made of what YAML reads as structure, and what Chinese input methods put in its place.
YAML_PIECES = st.lists(st.sampled_from([
    "name", "agencies", "id", ":", ": ", "：", "-", "- ", " ", "  ", "\u3000", "\t", "\n", "'", '"', "[", "]", "{", "}",
    ",", "#", "&a", "*a", "!", "|", ">", "?", "%", "@", "`", "\\", "---", "示例", "2026-01-01", "0", "no", "\x00", "\ud800",
]), max_size=40).map("".join)


def composed(text: str):
    """The node tree of `text` by libyaml or by PyYAML, whichever reads it (libyaml allows a few
    tabs PyYAML does not), or None."""
    for loader in (getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader):
        try:
            return yaml.compose(text, Loader=loader)
        except (yaml.YAMLError, RecursionError, ValueError):
            pass
    return None


def assert_told(text: str, doc, findings):
    """Every file is either a document or findings a clerk can read: a line, no parser English."""
    assert doc.data is not None or findings
    for found in findings:
        assert found.line is None or found.line >= 1
        assert not PARSER_ENGLISH.search(found.message + found.hint), str(found)
    node = composed(text)
    if node is None:
        assert findings   # what YAML cannot read is never taken as empty or fine
        return
    if not findings:
        # nothing lost: every field written is in the data
        assert isinstance(doc.data, dict) and len(doc.data) == len(node.value)


@FAST
@given(text=st.one_of(st.text(max_size=300), YAML_PIECES))
def test_any_text_is_a_document_or_findings(folder, text):
    doc, findings = loaded(folder, text.encode("utf-8", "surrogatepass"))
    if text.strip() and "\ud800" not in text:
        assert_told(text, doc, findings)


@FAST
@given(raw=st.binary(max_size=300))
def test_any_bytes_are_a_document_or_findings(folder, raw):
    doc, findings = loaded(folder, raw)
    assert doc.data is not None or findings or not raw.strip()
    assert all(found.line is None or found.line >= 1 for found in findings)


# The years the library's calendar knows; counts as long as a legal period gets.
KNOWN_DAYS = st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 6, 30))
COUNTS = st.integers(min_value=1, max_value=60)


@FAST
@given(start=KNOWN_DAYS, count=COUNTS, later=st.integers(min_value=0, max_value=100))
def test_adding_working_days_and_counting_them_agree(start, count, later):
    calendar = WorkingCalendar()
    deadline = calendar.add_working_days(start, count)
    assert calendar.is_working_day(deadline)
    assert calendar.working_days_between(start, deadline) == count
    day = start + timedelta(days=later)
    assert calendar.is_within(start, count, day) == (day <= deadline)


@FAST
@given(start=KNOWN_DAYS, count=COUNTS)
def test_a_deadline_never_comes_earlier_for_a_longer_period(start, count):
    calendar = WorkingCalendar()
    assert calendar.add_working_days(start, count) < calendar.add_working_days(start, count + 1)


@FAST
@given(text=st.text(max_size=400), markdown=st.booleans())
def test_any_text_is_read_for_personal_data_without_crashing(text, markdown):
    for found in find_personal_data(text, markdown=markdown, free_text=True):
        assert 0 <= found.start < found.end <= len(text)
    mask(text)


def valid_id(province: str, area: str, born: date, serial: str) -> str:
    body = f"{province}{area}{born:%Y%m%d}{serial}"
    return body + ID_CHECK[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]


ID_NUMBERS = st.builds(valid_id, st.sampled_from(sorted(PROVINCES)), st.from_regex(r"[0-9]{4}", fullmatch=True),
                       st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)),
                       st.from_regex(r"[0-9]{3}", fullmatch=True))
INVISIBLE = ["", "", "", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@st.composite
def disguised(draw, number: str) -> str:
    """The number as it may be typed or pasted: full-width digits, invisible characters between."""
    typed = ""
    for character in number:
        if draw(st.booleans()):
            character = chr(ord(character) + 0xFEE0) if character != "X" else "Ｘ"
        typed += character + draw(st.sampled_from(INVISIBLE))
    return typed


@FAST
@given(number=ID_NUMBERS, data=st.data(), before=st.text(max_size=60), after=st.text(max_size=60))
def test_a_valid_id_number_in_any_text_is_found(number, data, before, after):
    typed = data.draw(disguised(number))
    # a full-width comma on each side: no digit of the text around can be read as part of the number
    text = f"{before}，{typed}，{after}"
    assert ("id_card", number) in [(found.kind, found.value) for found in find_personal_data(text)], text
