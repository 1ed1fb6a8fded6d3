"""Attached files named in documents.yml and decisions: they exist, are files, and hold nothing that may not go out.

Markdown attachments are published through the public view, so personal data in them is masked
and reported like any text field. PDFs cannot be masked: personal data, a commercial-secret marker
or a declared secret in a PDF's text refuses the build, naming the file and the page.
"""

from __future__ import annotations

import re

from ..codes import finding
from ..errors import PdfProblem
from ..kinds import ATTACHMENT_DIR
from ..paths import display_path
from ..privacy.personal_data import find_personal_data
from ..privacy.redaction import SECRET_MARKER, redaction_settings, secret_hint
from ..schema import walk
from .personal_data import PERSONAL_KINDS, personal_data_findings

ROOT_LINK = re.compile(r"""\]\(\s*<?(/(?!/)[^)\s>]*)|\b(?:href|src)\s*=\s*["']?(/(?!/)[^"'\s>]*)""")


# Where each kind names an attached file.
ATTACHMENT_FIELDS = (("documents", ("documents", "*", "file")), ("decision", ("full_text",)))


def check_attachments(county) -> list:
    return [found for kind, pattern in ATTACHMENT_FIELDS for doc in county.records(kind)
            for path, value in walk(doc.data, pattern) if isinstance(value, str)
            for found in _attachment(county, doc, path, value)]


def _attachment(county, doc, path, value: str) -> list:
    attachment = county.attachment(value)
    line = doc.line_of(path)
    if attachment.is_symlink() or not attachment.resolve().is_relative_to(county.folder.resolve()):
        return [finding("E-ATTACHMENT-LINK", doc.display, line, value=value)]
    if not attachment.is_file():
        return [finding("E-ATTACHMENT-MISSING", doc.display, line, value=value,
                        folder=display_path(county.folder / ATTACHMENT_DIR) + "/")]
    if attachment.suffix == ".md":
        text, problems = county.markdown(value)
        return problems or (_root_links(attachment, text)
                            + personal_data_findings(county, display_path(attachment), text,
                                                     county.redacted_markdown(value)[1]))
    if attachment.suffix == ".pdf":
        return _pdf(county, value, doc.display, line)
    return []


def _root_links(path, text: str) -> list:
    """Links that start with / leave the county site, which may live under any sub-path."""
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        for match in ROOT_LINK.finditer(line):
            findings.append(finding("E-ATTACHMENT-ROOT-LINK", display_path(path), number, url=match.group(1) or match.group(2)))
    return findings


def _pdf(county, value: str, display: str, line: int) -> list:
    try:
        pdf = county.pdf(value).text   # read with the copy the public view will publish: that must work too
    except PdfProblem as problem:
        return [finding(problem.code, display, line, value=value, detail=problem.detail)]
    if not pdf.has_text:
        return [finding("W-PDF-NO-TEXT", display, line, value=value)]
    findings = []
    secrets = redaction_settings(county).secrets
    places = [(f"第 {n} 页", text) for n, text in enumerate(pdf.pages, start=1)]
    places.append(("的书签或表单中", "\n".join(pdf.document)))
    places.append(("发布后仍保留的文档属性或不显示的内容中", "\n".join(pdf.hidden)))
    for where, text in places:
        for found in find_personal_data(text):
            if found.kind in PERSONAL_KINDS:
                findings.append(finding("E-PDF-PERSONAL-DATA", display, line, value=value, page=where,
                                        what=found.label, masked=found.masked))
        if SECRET_MARKER.search(text):
            findings.append(finding("E-PDF-SECRET", display, line, value=value, page=where, what="商业秘密标记"))
        compact = re.sub(r"\s+", "", text)
        for secret in secrets:
            if re.sub(r"\s+", "", secret) in compact:
                findings.append(finding("E-PDF-SECRET", display, line, value=value, page=where,
                                        what=f"声明不得公开的文字 {secret_hint(secret)}"))
    return findings
