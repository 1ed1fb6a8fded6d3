"""Small PDFs for tests, written with pypdf: one line of text a page, optional metadata."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject, TextStringObject


def make_pdf(pages: list[str], metadata: dict | None = None, password: str | None = None,
             note: str | None = None, bookmark: str | None = None, xmp: str | None = None,
             orphan: str | None = None) -> bytes:
    """A PDF whose page i shows pages[i] (ASCII, Helvetica); an empty string makes a page with no text.
    `note` adds a sticky-note annotation to the first page, `bookmark` an outline entry, `xmp` an
    XMP packet holding that text, `orphan` an object nothing refers to (as an edit leaves) holding it."""
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
    if xmp:
        packet = DecodedStreamObject()
        packet.set_data(f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{xmp}</dc:creator></x:xmpmeta>'.encode("utf-8"))
        packet.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
        writer._root_object[NameObject("/Metadata")] = writer._add_object(packet)
    if orphan:
        writer._add_object(DictionaryObject({NameObject("/Contents"): TextStringObject(orphan)}))
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_chinese_pdf(lines: list[str], metadata: dict | None = None, width: int = 32) -> bytes:
    """A one-page PDF of Chinese text in STSong-Light, one of the standard Asian fonts every PDF
    reader carries, so nothing is embedded and the file stays a few kilobytes. Lines longer than
    `width` characters wrap."""
    writer = PdfWriter()
    descriptor = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/FontDescriptor"), NameObject("/FontName"): NameObject("/STSong-Light"),
        NameObject("/Flags"): NumberObject(6), NameObject("/ItalicAngle"): NumberObject(0),
        NameObject("/FontBBox"): ArrayObject([NumberObject(n) for n in (-25, -254, 1000, 880)]),
        NameObject("/Ascent"): NumberObject(880), NameObject("/Descent"): NumberObject(-120),
        NameObject("/CapHeight"): NumberObject(880), NameObject("/StemV"): NumberObject(93)}))
    cid_font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/CIDFontType0"),
        NameObject("/BaseFont"): NameObject("/STSong-Light"), NameObject("/FontDescriptor"): descriptor,
        NameObject("/DW"): NumberObject(1000),
        NameObject("/CIDSystemInfo"): DictionaryObject({
            NameObject("/Registry"): TextStringObject("Adobe"), NameObject("/Ordering"): TextStringObject("GB1"),
            NameObject("/Supplement"): NumberObject(4)})}))
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type0"),
        NameObject("/BaseFont"): NameObject("/STSong-Light-UniGB-UCS2-H"), NameObject("/Encoding"): NameObject("/UniGB-UCS2-H"),
        NameObject("/DescendantFonts"): ArrayObject([cid_font])}))
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    wrapped = [line[i:i + width] for line in lines for i in range(0, max(len(line), 1), width)]
    ops = ["BT", "/F1 14 Tf", "24 TL", "70 770 Td"] + [f"<{line.encode('utf-16-be').hex()}> Tj T*" for line in wrapped] + ["ET"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    if metadata:
        writer.add_metadata(metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
