"""A build does each piece of work once: every record is redacted once and every PDF is read and
rewritten once, however many stages need the result; and the public view leaves the redacted
records it shares with the check stage as they were."""

from __future__ import annotations

import copy
from collections import Counter

import generator.load.county
import generator.load.yaml_file
from generator.build import build
from generator.public import public_view
from generator.validate import validate

from ..conftest import TODAY


def _counting(monkeypatch, module, name: str) -> Counter:
    calls, original = Counter(), getattr(module, name)

    def counted(first, *args, **kwargs):
        calls[str(first) if not isinstance(first, dict) else id(first)] += 1
        return original(first, *args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_each_record_is_redacted_once_and_each_pdf_read_once_per_build(project, monkeypatch):
    counties = validate(project.file("content"), project.file("site_config"), None, TODAY).counties
    redactions = _counting(monkeypatch, generator.load.yaml_file, "redact")
    pdf_reads = _counting(monkeypatch, generator.load.county, "load_pdf")
    build(project.file("content"), project.file("site_config"), project.file("site"), TODAY)

    records = sum(len(c.documents) + len(c.decisions) + 1 for c in counties)   # + 1: the site config
    assert sum(redactions.values()) == records
    pdfs = {str(c.attachment(path)) for c in counties for path in _pdf_attachments(c)}
    assert pdfs and set(pdf_reads) == pdfs        # the sample has PDFs, and each one was read …
    assert set(pdf_reads.values()) == {1}         # … once


def _pdf_attachments(county) -> list[str]:
    named = [d.get("file") for d in (county.data("documents") or {}).get("documents", [])]
    named += [doc.data.get("full_text") for doc in county.decisions.values()]
    return [name for name in named if isinstance(name, str) and name.endswith(".pdf")]


def test_the_public_view_leaves_the_redacted_records_as_they_were(project):
    county = validate(project.file("content"), project.file("site_config"), ["shili"], TODAY).counties[0]
    records = list(county.documents.values()) + list(county.decisions.values()) + [county.config]
    before = [copy.deepcopy(doc.redacted.data) for doc in records]
    first = public_view(county, TODAY)
    assert [doc.redacted.data for doc in records] == before
    second = public_view(county, TODAY)
    assert (second.decisions, second.powers, second.officers) == (first.decisions, first.powers, first.officers)
