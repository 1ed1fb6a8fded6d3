"""Small PDFs for tests, written with pypdf: one line of text a page, optional metadata."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject


def make_pdf(pages: list[str], metadata: dict | None = None, password: str | None = None,
             note: str | None = None, bookmark: str | None = None) -> bytes:
    """A PDF whose page i shows pages[i] (ASCII, Helvetica); an empty string makes a page with no text.
    `note` adds a sticky-note annotation to the first page, `bookmark` an outline entry."""
    writer = PdfWriter()
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica")}))
    for text in pages:
        page = writer.add_blank_page(595, 842)
        if text:
            page[NameObject("/Resources")] = DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
            stream = DecodedStreamObject()
            stream.set_data(f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1"))
            page[NameObject("/Contents")] = writer._add_object(stream)
    if note:
        from pypdf.annotations import Text
        writer.add_annotation(0, Text(rect=(50, 550, 200, 650), text=note))
    if bookmark:
        writer.add_outline_item(title=bookmark, page_number=0)
    if metadata:
        writer.add_metadata(metadata)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
