"""QR codes made here, as SVG (segno; no outside service): one per inspection task, one per
certificate, each holding the full address of its page under the county's `site_url`, so that a
code printed on a sheet or a card leads to the page from any phone.

A county without `site_url` gets no codes: an address relative to nothing cannot be scanned
(validate warns, W-SITE-URL-MISSING).
"""

from __future__ import annotations

import io
from urllib.parse import urljoin

import segno

from .sections import page_url

QR_FOLDER = "qr"


def full_url(site_url: str, page: str) -> str:
    """The full address of a Markdown page under the site: inspections/tasks/2026-01.md → …/inspections/tasks/2026-01/."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", page_url(page))


def qr_file(page: str) -> str:
    """Where the code of a page is published: inspections/tasks/2026-01.md → qr/inspections/tasks/2026-01.svg."""
    return f"{QR_FOLDER}/{page[:-len('.md')] if page.endswith('.md') else page}.svg"


def qr_svg(url: str, title: str) -> bytes:
    """The code as SVG: error correction M (15 %, a worn print still scans), a quiet zone of four
    modules as the standard asks, sized by the page (no fixed width)."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=1, border=4, xmldecl=False, svgns=True, title=title, nl=False,
              omitsize=True, dark="#000", light="#fff", encoding="utf-8")
    return out.getvalue()
