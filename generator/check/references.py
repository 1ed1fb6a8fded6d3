"""Rules across records: every referenced id exists and ids are unique.

The table below is the whole list of references; a new record kind adds its lines here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..codes import finding
from ..kinds import KIND_BY_NAME
from ..schema import field_name, walk


@dataclass(frozen=True)
class IdSet:
    name: str        # what the clerk calls the target: 执法机构, 执法事项 …
    kind: str        # the kind whose file defines the ids
    paths: tuple     # glob paths to the ids inside that file


@dataclass(frozen=True)
class Reference:
    kind: str
    path: tuple      # glob path of the referencing field ("*" matches every list item)
    target: IdSet


AGENCIES = IdSet("执法机构", "subject", (("agencies", "*", "id"),))
OFFICERS = IdSet("执法人员", "officers", (("officers", "*", "id"),))
POWERS = IdSet("执法事项", "powers", (("items", "*", "code"),))
DOCUMENTS = IdSet("文件", "documents", (("documents", "*", "id"),))
EXEMPTIONS = IdSet("减免责清单事项", "exemptions", tuple(
    (name, "*", "id") for name in ("no_penalty", "lighter_penalty", "reduced_penalty", "no_compulsory_measure")))
OBJECTS = IdSet("检查对象", "inspection-objects", (("objects", "*", "id"),))
PLANS = IdSet("抽查计划", "random-inspections", (("plans", "*", "id"),))
TASKS = IdSet("检查任务", "random-inspections", (("plans", "*", "tasks", "*", "id"),))   # an address each: unique in the county
INSPECTION_ITEMS = IdSet("抽查事项", "inspections", (("items", "*", "power"),))          # referred to, not defined, by its power code
ID_SETS = (AGENCIES, OFFICERS, POWERS, DOCUMENTS, EXEMPTIONS, OBJECTS, PLANS, TASKS)

REFERENCES = (
    Reference("officers", ("officers", "*", "agency"), AGENCIES),
    Reference("powers", ("items", "*", "flowchart"), DOCUMENTS),
    Reference("powers", ("items", "*", "guide"), DOCUMENTS),
    Reference("legal-review", ("entries", "*", "powers", "*"), POWERS),
    Reference("decision", ("power",), POWERS),
    Reference("decision", ("officers", "*"), OFFICERS),
    Reference("decision", ("legal_review", "reviewer"), OFFICERS),
    Reference("decision", ("mitigation", "exemption"), EXEMPTIONS),
    Reference("discretion", ("items", "*", "power"), POWERS),
    Reference("inspections", ("items", "*", "power"), POWERS),
    *(Reference("exemptions", (name, "*", "power"), POWERS)
      for name in ("no_penalty", "lighter_penalty", "reduced_penalty", "no_compulsory_measure")),
    Reference("random-inspections", ("plans", "*", "powers", "*"), INSPECTION_ITEMS),
    Reference("random-inspections", ("plans", "*", "recusals", "*", "officer"), OFFICERS),
    Reference("random-inspections", ("plans", "*", "recusals", "*", "object"), OBJECTS),
    Reference("random-inspections", ("plans", "*", "draws", "*", "objects", "*"), OBJECTS),
    Reference("random-inspections", ("plans", "*", "draws", "*", "inspectors", "*", "*"), OFFICERS),
    Reference("random-inspections", ("plans", "*", "tasks", "*", "object"), OBJECTS),
    Reference("random-inspections", ("plans", "*", "tasks", "*", "inspectors", "*"), OFFICERS),
)


def _definitions(county, id_set: IdSet):
    """(id, line) of every definition in an id set, in the order written."""
    doc = county.documents.get(id_set.kind)
    if doc is None:
        return
    for pattern in id_set.paths:
        for path, value in walk(doc.data, pattern):
            if isinstance(value, str):
                yield value, doc.line_of(path)


def known_ids(county, id_set: IdSet) -> dict:
    """id → line of its first definition."""
    ids = {}
    for value, line in _definitions(county, id_set):
        ids.setdefault(value, line)
    return ids


def check_references(county) -> list:
    findings = []
    for id_set in ID_SETS:
        findings += _duplicates(county, id_set)
    for ref in REFERENCES:
        if ref.target.kind not in county.documents:
            continue  # a missing or unreadable file has its own finding; guessing its ids would only add noise
        ids = known_ids(county, ref.target)
        for doc in county.records(ref.kind):
            for path, value in walk(doc.data, ref.path):
                if isinstance(value, str) and value not in ids:
                    findings.append(finding(
                        "E-REF-UNKNOWN", doc.display, doc.line_of(path), field=field_name(path),
                        target=ref.target.name, value=value, known="、".join(ids) or "（还没有）",
                        file=KIND_BY_NAME[ref.target.kind].file))
    return findings


def _duplicates(county, id_set):
    first, findings = {}, []
    for value, line in _definitions(county, id_set):
        if value in first:
            findings.append(finding("E-ID-DUPLICATE", county.documents[id_set.kind].display, line,
                                    value=value, first=first[value]))
        else:
            first[value] = line
    return findings
