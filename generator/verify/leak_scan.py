"""`gongshi scan`: look through every built file for personal data and declared secrets.

The public view masks and withholds by construction; this is the proof on the finished files,
which also catches what no template wrote (a PDF's metadata, a search index, a hand-copied file).
Text is read the way a visitor or a crawler would get it: HTML and XML with entities decoded,
inline elements joined and attribute values included, JSON string by string, PDFs page by page
plus their properties, XMP and unreferenced objects, .gz files unpacked, UTF-8 or UTF-16; then
through the same normaliser as masking (privacy/normalise.py). A file that is not text (an image, a font) is skipped, and so is a file that is a
byte-for-byte copy of one the theme ships (Material's scripts carry their authors' e-mails).
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zlib
from pathlib import Path

from ..codes import finding
from ..errors import UnreadableFile
from ..findings import once_each
from ..load.pdf_file import read_pdf_text
from ..paths import MANIFEST
from ..privacy.normalise import Normal, compact, compacted, normalise
from ..privacy.personal_data import find_in_normal, find_personal_data
from ..privacy.redaction import secret_hint
from .pages import HTML_SUFFIXES, decoded, page, read_page
from .theme import digest, theme_files

MARKUP_SUFFIXES = {".html", ".htm", ".xml", ".svg", ".xhtml"}
JS_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})")
def scan_site(root: Path, secrets: dict | None = None, published_as: Path | None = None,
              folder_secrets: dict | None = None, folder_exceptions: dict | None = None, paths=None) -> list:
    """A finding for every piece of personal data or declared secret in the files under `root`.
    `secrets` maps each string that must not appear to where it was declared; `folder_secrets`
    does the same for the files under one top-level folder (a county's own site) and the portal.
    `folder_exceptions` names, per folder, the files where such a string belongs (a withdrawn
    decision's case number on its withdrawal notice). `paths`: only these files (default: all)."""
    allowed = _published_contacts(root)
    needles = _needles(secrets)
    by_folder = {folder: _needles(values) for folder, values in (folder_secrets or {}).items()}
    portal_needles = {k: v for values in by_folder.values() for k, v in values.items()}
    findings = []
    for path in sorted(p for p in (root.rglob("*") if paths is None else paths) if p.is_file()):
        shown = str((published_as or root) / path.relative_to(root))
        data = path.read_bytes()
        if digest(data) in theme_files():
            continue
        try:
            chunks = page(path).text if path.suffix.lower() in HTML_SUFFIXES else _text_of(path.name, data)
        except UnreadableFile as problem:
            findings.append(finding("E-SCAN-UNREADABLE", shown, None, detail=problem.detail or problem.code))
            continue
        normals = [normalise(chunk) for chunk in chunks]
        for normal in normals:
            findings += _personal_data(shown, normal, allowed)
        parts = path.relative_to(root).parts
        top = parts[0] if len(parts) > 1 else None
        own = by_folder.get(top, {}) if top else portal_needles
        if not (own or needles):
            continue
        flat = compacted(Normal("\n".join(normal.text for normal in normals)))
        belongs_here = {value for value, files in (folder_exceptions or {}).get(top, {}).items()
                        if top and "/".join(parts[1:]) in files}
        findings += [finding("E-SCAN-SECRET", shown, None, masked=secret_hint(original), source=source)
                     for needle, (original, source) in own.items() if needle in flat and original not in belongs_here]
        findings += [finding("E-SCAN-SECRET", shown, None, masked=secret_hint(original), source=source)
                     for needle, (original, source) in needles.items() if needle in flat]
    return once_each(findings)


def _needles(secrets: dict | None) -> dict:
    return {compact(s): (s, source) for s, source in (secrets or {}).items() if compact(s)}


def _text_of(name: str, data: bytes) -> list[str]:
    suffix = Path(name).suffix.lower()
    if suffix == ".gz":
        try:
            return _text_of(name[:-3], gzip.decompress(data))
        except (OSError, EOFError, zlib.error) as exc:
            raise UnreadableFile("E-SCAN-UNREADABLE", f"无法解压：{exc}") from exc
    if suffix == ".pdf":
        pdf = read_pdf_text(data)
        return pdf.pages + pdf.document + pdf.hidden
    text = decoded(data)
    if text is None:
        return []  # not text: images, fonts
    if suffix in MARKUP_SUFFIXES:
        return read_page(text).text
    if suffix == ".json":
        try:
            return ["\n".join(html.unescape(s) for s in _strings(json.loads(text)))]
        except (ValueError, RecursionError):
            pass   # not JSON after all, or nested too deep to walk: searched as plain text below
    if suffix in (".js", ".mjs", ".json"):
        return [text, _script_escapes_decoded(text)]
    return [text]


def _script_escapes_decoded(text: str) -> str:
    """A script's strings as they run: \\u6e2c and \\x41 escapes turned into the characters they stand for."""
    decoded = JS_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2) or m.group(3), 16)), text)
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")   # joins escaped surrogate pairs


def _strings(value):
    if isinstance(value, dict):
        for key, child in value.items():
            yield str(key)
            yield from _strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from _strings(child)
    elif value is not None:
        yield str(value)


def _personal_data(shown: str, normal: Normal, allowed: set) -> list:
    return [finding("E-SCAN-PERSONAL-DATA", shown, None, what=found.label, masked=found.masked)
            for found in find_in_normal(normal) if found.value not in allowed]


def _published_contacts(root: Path) -> set[str]:
    """Bureau mobile numbers the public view published on purpose, as each county's manifest lists."""
    allowed = set()
    for manifest in list(root.glob(MANIFEST)) + list(root.glob(f"*/{MANIFEST}")):
        try:
            allowed |= {found.value for n in json.loads(manifest.read_text(encoding="utf-8")).get("published_contacts", [])
                        for found in find_personal_data(str(n))}
        except (ValueError, OSError, AttributeError):
            continue
    return allowed
