"""Find the counties under content/ and load each county's files and site config."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..codes import finding
from ..errors import PdfProblem
from ..kinds import DECISION, DECISION_DIR, KIND_BY_FILE, KINDS, SITE_CONFIG
from ..paths import display_path
from ..privacy.redaction import Event, redact_text
from .pdf_file import LoadedPdf, load_pdf
from .yaml_file import YamlDocument, load_yaml, read_text_file

COUNTY_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DECISION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")   # the file name becomes the page's address


@dataclass
class County:
    """Everything one county keeps in git, as loaded: raw content, never published as is."""

    id: str
    folder: Path
    documents: dict[str, YamlDocument] = field(default_factory=dict)  # kind name → document
    decisions: dict[str, YamlDocument] = field(default_factory=dict)  # decision id (file stem) → document
    config: YamlDocument | None = None
    unreadable: set[str] = field(default_factory=set)  # kinds whose file exists but did not load
    _read: dict = field(default_factory=dict, repr=False)   # attachment → what reading it gave, read once

    def records(self, kind: str) -> list[YamlDocument]:
        """The loaded files of a kind: one for a list kind, one per decision for decisions."""
        if kind == DECISION.name:
            return list(self.decisions.values())
        return [self.documents[kind]] if kind in self.documents else []

    def data(self, kind: str) -> dict | None:
        doc = self.documents.get(kind)
        return doc.data if doc else None

    def attachment(self, relative: str) -> Path:
        return self.folder / relative

    def markdown(self, relative: str) -> tuple[str | None, list]:
        """A Markdown attachment's text (None when it is no UTF-8) and the findings reading it gave."""
        return self._once(("markdown", relative), lambda: read_text_file(self.attachment(relative)))

    def redacted_markdown(self, relative: str) -> tuple[str, list[Event]]:
        """A Markdown attachment as it may be published, and what redaction did to it."""
        return self._once(("redacted", relative),
                          lambda: redact_text(self.markdown(relative)[0] or "", markdown=True))

    def pdf(self, relative: str) -> LoadedPdf:
        """A PDF attachment's text and publishable copy; raises PdfProblem, every time, if it cannot be read."""
        result = self._once(("pdf", relative), lambda: _pdf_or_problem(self.attachment(relative)))
        if isinstance(result, PdfProblem):
            raise result
        return result

    def _once(self, key, read):
        if key not in self._read:
            self._read[key] = read()
        return self._read[key]


def _pdf_or_problem(path: Path) -> LoadedPdf | PdfProblem:
    try:
        return load_pdf(path)
    except PdfProblem as problem:
        return problem


def discover_counties(content_dir: Path) -> tuple[list[str], list]:
    """County ids are the folder names under content/."""
    if not content_dir.is_dir():
        return [], [finding("E-FILE-UNREADABLE", display_path(content_dir), None, detail="内容目录不存在")]
    ids, findings = [], []
    for folder in sorted(p for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if folder.is_symlink():   # a county folder that leads elsewhere: nothing in it is read
            findings.append(finding("E-FILE-LINK", display_path(folder), None))
        elif COUNTY_ID.match(folder.name):
            ids.append(folder.name)
        else:
            findings.append(finding("E-COUNTY-ID", display_path(folder), None, name=folder.name))
    return ids, findings


@dataclass
class Selection:
    """The counties a command works on, and what was wrong with the choice."""

    ids: list[str]
    findings: list   # folders that are no county, counties asked for that do not exist

    @property
    def stops(self) -> list:
        """The findings that leave a command nothing to work on: a county asked for that does not
        exist, or no county at all (no content folder)."""
        unknown = [f for f in self.findings if f.code == "E-COUNTY-UNKNOWN"]
        return unknown or ([f for f in self.findings if f.is_error] if not self.ids else [])


def select_counties(content_dir: Path, only: list[str] | None = None) -> Selection:
    """All counties, or those named (`--county`), each of which must exist."""
    ids, findings = discover_counties(content_dir)
    for wanted in only or []:
        if wanted not in ids:
            findings.append(finding("E-COUNTY-UNKNOWN", display_path(content_dir), None,
                                    county=wanted, known="、".join(ids) or "（没有）"))
    return Selection([i for i in ids if not only or i in only], findings)


def load_county(content_dir: Path, config_dir: Path, county_id: str) -> tuple[County, list]:
    county = County(county_id, content_dir / county_id)
    findings = []
    for path in sorted(county.folder.iterdir()):
        if path.is_dir() or path.name.startswith("."):
            continue  # documents/ holds attachments; they are checked through documents.yml
        kind = KIND_BY_FILE.get(path.name)
        if kind is None:
            if path.suffix in (".yml", ".yaml"):
                known = "、".join(k.file for k in KINDS)
                findings.append(finding("E-FILE-UNKNOWN", display_path(path), 1, name=path.name, known=known))
            continue
        doc, found = load_yaml(path, display_path(path), kind.schema)
        findings += found
        if doc.data is not None:
            county.documents[kind.name] = doc
        else:
            county.unreadable.add(kind.name)
    for kind in KINDS:
        if (kind.required or kind.expected) and not (county.folder / kind.file).exists():
            code = "E-FILE-MISSING" if kind.required else "W-SECTION-MISSING"
            findings.append(finding(code, display_path(county.folder / kind.file), None,
                                    name=kind.file, title=kind.title, schema=kind.schema))
    findings += _load_decisions(county)
    config_path = config_dir / f"{county_id}.yml"
    if config_path.exists():
        county.config, found = load_yaml(config_path, display_path(config_path), SITE_CONFIG.schema)
        findings += found
    else:
        findings.append(finding("E-CONFIG-MISSING", display_path(config_path), None, county=county_id))
    return county, findings


def _load_decisions(county: County) -> list:
    folder = county.folder / DECISION_DIR
    if folder.is_symlink():
        return [finding("E-FILE-LINK", display_path(folder), None)]
    findings = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix not in (".yml", ".yaml"):
            findings.append(finding("E-DECISION-FILE", display_path(path), 1, name=path.name))
            continue
        if not DECISION_ID.fullmatch(path.stem):
            findings.append(finding("E-DECISION-NAME", display_path(path), 1, name=path.name))
            continue
        doc, found = load_yaml(path, display_path(path), DECISION.schema)
        findings += found
        if doc.data is not None:
            county.decisions[path.stem] = doc
    return findings


def last_updated(folder: Path) -> date | None:
    """The date the county's data last changed: its last commit in git, else the newest file."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cs", "--", "."], cwd=folder,
                             capture_output=True, text=True, timeout=30)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=folder,
                               capture_output=True, text=True, timeout=30)
        if out.returncode == 0 and out.stdout.strip() and not dirty.stdout.strip():
            return date.fromisoformat(out.stdout.strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    stamps = [p.stat().st_mtime for p in folder.rglob("*") if p.is_file()]
    return date.fromtimestamp(max(stamps)) if stamps else None
