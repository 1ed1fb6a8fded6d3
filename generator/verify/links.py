"""Every link and fetch inside a built site leads to a file that is there.

A page's relative addresses (links, images, scripts, styles) are resolved as a browser resolves
them against the page's own address; one that names no file of the site is a broken link, found
before a visitor finds it. Addresses to other hosts, other schemes and anchors within the page are
not this check's (outside_hosts.py and markup.py judge those), nor are addresses into another
top-level folder than the page's own (a county site's link to the portal): those folders are
verified on their own, when they are made.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..codes import finding
from ..paths import display_path
from .pages import HTML_SUFFIXES, page

SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.I)


def check_links(root: Path, published_as: Path | None = None, paths=None) -> list:
    """`paths`: only these files (default: all under `root`)."""
    findings, there = [], {}   # each target asked of the file system once
    candidates = root.rglob("*") if paths is None else paths
    for path in sorted(p for p in candidates if p.suffix in HTML_SUFFIXES and p.is_file()):
        parsed = page(path)
        place = path.relative_to(root)
        broken = [url for url in dict.fromkeys(parsed.linked + parsed.fetched) if _broken(root, place, url, there)]
        shown = display_path((published_as or root) / place)
        findings += [finding("W-VERIFY-BROKEN-LINK", shown, None, url=url) for url in broken]
    return findings


def _broken(root: Path, place: Path, url: str, there: dict) -> bool:
    url = url.strip()
    if not url or url.startswith(("#", "/")) or SCHEME.match(url):
        return False   # an anchor in the page, a root path (its own finding), another host or scheme
    address = unquote(urlsplit(url).path)
    if not address:
        return False
    target = posixpath.normpath(posixpath.join(place.parent.as_posix(), address))
    if target == ".." or target.startswith("../"):
        return True    # above the site: nothing is published there
    parts = target.split("/")
    if len(place.parts) > 1 and parts[0] != place.parts[0]:
        return False   # another folder of the site, verified when it is made
    if target not in there:
        local = root / target
        there[target] = local.is_file() or (local.is_dir() and (local / "index.html").is_file())
    return not there[target]
