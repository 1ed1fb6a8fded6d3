"""Nothing on a disclosure site may be loaded from another host (no fonts, scripts, styles,
images), and nothing may use a root-absolute address, which breaks under a sub-path.

Links a visitor clicks (<a href>) may point anywhere; only what the browser fetches by itself is
checked: src, srcset, poster, data, <link> hrefs other than canonical/alternate, CSS url() and
@import in style attributes, <style> blocks and .css files.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..codes import finding
from ..paths import display_path
from .pages import HTML_SUFFIXES, css_urls, page

OUTSIDE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:)?//", re.I)


def is_outside(url: str) -> bool:
    return bool(OUTSIDE.match(url.strip()))


def is_root_absolute(url: str) -> bool:
    url = url.strip()
    return url.startswith("/") and not url.startswith("//")


def verify_site(root: Path, published_as: Path | None = None, paths=None) -> list:
    """Findings name each file where it will be published (`published_as`), not in staging.
    `paths`: only these files (default: all under `root`)."""
    findings = []
    for path in sorted(root.rglob("*") if paths is None else paths):
        if path.suffix in HTML_SUFFIXES and path.is_file():
            parsed = page(path)
            fetched, linked = parsed.fetched, parsed.linked
        elif path.suffix == ".css":
            fetched, linked = css_urls(path.read_text(encoding="utf-8", errors="replace")), []
        else:
            continue
        shown = display_path((published_as or root) / path.relative_to(root))
        findings += [finding("E-VERIFY-OUTSIDE-HOST", shown, None, url=u) for u in fetched if is_outside(u)]
        findings += [finding("E-VERIFY-ROOT-PATH", shown, None, url=u) for u in fetched + linked if is_root_absolute(u)]
    return findings
