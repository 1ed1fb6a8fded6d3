"""Read a built site every way a visitor or a crawler could, to search it for what must not be there."""

from __future__ import annotations

import gzip
import html
import json
import re
import unicodedata
from pathlib import Path

from pypdf import PdfReader


def built_texts(folder: Path):
    """(file, text) for every built file: .gz unpacked, PDF pages and metadata, JSON decoded,
    HTML entities resolved, then squeezed (see `_squeezed`)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        texts = [data.decode("utf-8", "ignore")]
        if path.suffix == ".pdf":
            reader = PdfReader(path)
            texts += [page.extract_text() or "" for page in reader.pages] + [str(reader.metadata or "")]
        if path.suffix == ".json":
            texts.append(json.dumps(json.loads(data), ensure_ascii=False))
        yield path, _squeezed(html.unescape("\n".join(texts)))


def _squeezed(text: str) -> str:
    """Compatibility forms folded; white space, dashes, slashes and invisible characters dropped
    (written here apart from the project's normaliser, so that a test does not share its blind spots)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if c != "/" and unicodedata.category(c) not in ("Cf", "Mn", "Me", "Zs", "Zl", "Zp", "Cc", "Pd"))


def found_anywhere(folder: Path, value: str) -> list[str]:
    """The built files (relative paths) that hold `value`."""
    needle = _squeezed(value)
    return [str(p.relative_to(folder)) for p, text in built_texts(folder) if needle in text]


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (through OUT's link to its generation), by relative path: to
    compare two builds byte for byte."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
