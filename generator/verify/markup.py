"""Nothing executable in a built page but the theme's own.

Every value from content reaches a page escaped (the Markdown templates, the theme's overrides);
this is the proof on the finished HTML, whatever path a value took. A page may carry:
- a `<script>` only as the theme writes one: a file the theme ships (byte-identical), a data
  block (`type="application/json"`), or an inline script of the theme's templates, where each
  template expression may only have become a value without quotes or angle brackets;
- a `<style>` element only as the theme's templates write one, and a `style` attribute only for the
  alignment of a table column;
- no iframe, frame, object, embed, applet, base or meta refresh; no `on…` event attribute;
- no link or source with a `javascript:`, `vbscript:` or `data:` address.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from ..codes import finding
from ..paths import display_path
from .pages import HTML_SUFFIXES, page
from .theme import digest, theme_files

def check_markup(root: Path, published_as: Path | None = None, paths=None) -> list:
    """`paths`: only these files (default: all under `root`)."""
    findings = []
    candidates = root.rglob("*") if paths is None else paths
    for path in sorted(p for p in candidates if p.suffix in HTML_SUFFIXES and p.is_file()):
        parsed = page(path)
        problems = parsed.problems + [f'<script src="{src}">' for src in parsed.script_sources
                                      if not _is_theme_file(root, path, src)]
        shown = display_path((published_as or root) / path.relative_to(root))
        findings += [finding("E-VERIFY-MARKUP", shown, None, what=problem) for problem in dict.fromkeys(problems)]
    return findings


def _is_theme_file(root: Path, page: Path, src: str) -> bool:
    """A script the page loads must be one the theme ships, at an address inside the site."""
    if re.match(r"^[a-z][a-z0-9+.\-]*:|^//", src, re.I):
        return False
    target = (page.parent / PurePosixPath(src.split("?")[0].split("#")[0])).resolve()
    try:
        target.relative_to(root.resolve())
    except ValueError:
        return False
    return target.is_file() and digest(target.read_bytes()) in theme_files()
