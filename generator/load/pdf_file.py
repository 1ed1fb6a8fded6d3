"""PDF attachments: their text, page by page, and a copy without document metadata.

A PDF cannot be masked safely (the text layer, images and incremental updates all keep the
original), so gongshi only reads PDFs: the check stage searches their text, and the public view
publishes a rewritten copy that carries no author, creator, producer or XMP packet. `load_pdf`
does both from one parse; a county keeps the result (County.pdf), so each PDF is read and
rewritten once per build.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject, TextStringObject

from ..errors import PdfProblem

# Document-level and page-level entries that describe the file's history, not its content.
METADATA_KEYS = ("/Metadata", "/PieceInfo")


@dataclass
class PdfText:
    pages: list[str]           # extracted text of each page with its annotations, in order
    document: list[str]        # bookmarks and form-field values: text a reader sees outside the pages
    hidden: list[str]          # text no reader shows: document properties, XMP, strings of objects nothing refers to

    @property
    def has_text(self) -> bool:
        return any(page.strip() for page in self.pages)


@dataclass(frozen=True)
class LoadedPdf:
    text: PdfText      # what the check stage searches: everything a reader of the published copy could find
    published: bytes   # what the public view publishes: the copy without metadata


PDF_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError,
              ZeroDivisionError, OverflowError)


@contextmanager
def _unreadable_if_it_fails():
    """Whatever a malformed PDF makes pypdf raise becomes E-PDF-UNREADABLE, saying what went wrong."""
    try:
        yield
    except PDF_ERRORS as exc:
        raise PdfProblem("E-PDF-UNREADABLE", str(exc) or type(exc).__name__) from exc


def _reader(source) -> PdfReader:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns on every small defect
    with _unreadable_if_it_fails():
        reader = PdfReader(source)
        if reader.is_encrypted:
            raise PdfProblem("E-PDF-ENCRYPTED")
        len(reader.pages)  # forces the page tree to be read
        if reader.attachments:
            raise PdfProblem("E-PDF-EMBEDDED")
    return reader


def load_pdf(path: Path) -> LoadedPdf:
    """An attachment's text and its publishable copy; PdfProblem if it cannot be read. The text a
    reader sees is the attachment's; the hidden text is the published copy's, since the document
    properties and XMP of the attachment are not published."""
    reader = _reader(path)
    published = _without_metadata(reader)   # first: reading the text resolves objects in place, which the copy would then inline
    seen = _text(reader)
    return LoadedPdf(PdfText(seen.pages, seen.document, read_pdf_text(published).hidden), published)


def read_pdf_text(source: Path | bytes) -> PdfText:
    return _text(_reader(io.BytesIO(source) if isinstance(source, bytes) else source))


def _text(reader: PdfReader) -> PdfText:
    with _unreadable_if_it_fails():
        pages = ["\n".join([page.extract_text() or ""] + _annotation_texts(page)) for page in reader.pages]
        fields = [str(v) for f in (reader.get_fields() or {}).values() for k, v in f.items()
                  if k in ("/V", "/TU", "/T") and v is not None]
        # CJK fonts often map characters to compatibility code points (⽰ for 示, Kangxi radicals):
        # NFKC gives back the characters a search for a name or a case number expects.
        document = _outline_titles(reader.outline) + fields
        shown = set(document) | {t for page in reader.pages for t in _annotation_texts(page)}
        hidden = [t for t in dict.fromkeys(_every_object_text(reader)) if t not in shown]
        return PdfText([unicodedata.normalize("NFKC", p) for p in pages], [unicodedata.normalize("NFKC", t) for t in document],
                       [unicodedata.normalize("NFKC", t) for t in hidden])


def _every_object_text(reader: PdfReader) -> list[str]:
    """The text strings and XML streams (XMP) of every object the file holds, referenced or not,
    and the document information."""
    texts = [str(v) for v in (reader.metadata or {}).values()]
    numbers = {number for generation in reader.xref.values() for number in generation} | set(reader.xref_objStm)
    for number in sorted(numbers):
        try:
            obj = reader.get_object(number)
        except PDF_ERRORS:
            continue   # a damaged object no reader can show either
        if isinstance(obj, StreamObject) and (obj.get("/Type") == "/Metadata" or obj.get("/Subtype") == "/XML"):
            texts.append(obj.get_data().decode("utf-8", "replace"))
        texts += _strings(obj)
    return [t for t in texts if t.strip()]


def _strings(obj, depth: int = 0) -> list[str]:
    """Text strings inside one object, not following references (each object is visited on its own)."""
    if depth > 32:
        return []
    if isinstance(obj, TextStringObject):
        return [str(obj)]
    if isinstance(obj, DictionaryObject):
        return [t for value in obj.values() if not isinstance(value, IndirectObject) for t in _strings(value, depth + 1)]
    if isinstance(obj, ArrayObject):
        return [t for value in obj if not isinstance(value, IndirectObject) for t in _strings(value, depth + 1)]
    return []


def _annotation_texts(page) -> list[str]:
    texts = []
    for annotation in page.get("/Annots") or []:
        annotation = annotation.get_object()
        texts += [str(annotation[k]) for k in ("/Contents", "/T", "/RC", "/V") if k in annotation]
    return texts


def _outline_titles(outline) -> list[str]:
    titles = []
    for item in outline:
        if isinstance(item, list):
            titles += _outline_titles(item)
        else:
            titles.append(str(item.get("/Title", "")))
    return titles


def _without_metadata(reader: PdfReader) -> bytes:
    """The PDF rewritten from the objects its pages and outline still refer to: no information
    dictionary, no XMP or PieceInfo, no object left over from an edit (unreferenced objects and
    incremental updates are not carried over)."""
    with _unreadable_if_it_fails():
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        for key in METADATA_KEYS:
            writer.root_object.pop(NameObject(key), None)
        for page in writer.pages:
            for key in METADATA_KEYS:
                page.pop(NameObject(key), None)
        writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        out = io.BytesIO()
        writer.write(out)
    return out.getvalue()
