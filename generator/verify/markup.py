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
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from ..codes import finding
from ..paths import display_path
from .pages import HTML_SUFFIXES, page
from .theme import digest, theme_files, theme_inline_code

FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "srcset", "cite"}
EXECUTABLE_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
TABLE_ALIGNMENT = re.compile(r"text-align:\s*(left|right|center);?")
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []      # what the clerk or maintainer reads, one item each
        self.script_sources: list[str] = []
        self._open: tuple[str, str, bool] | None = None   # an inline script or style being read: tag, text, is data
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = [(name.lower(), value or "") for name, value in attrs]
        names = dict(attrs)
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and names.get("http-equiv", "").lower() == "refresh":
            self.problems.append('<meta http-equiv="refresh">')
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            elif name == "style" and not (tag in ("th", "td") and TABLE_ALIGNMENT.fullmatch(value.strip())):
                self.problems.append(f'<{tag} style="{value[:40]}">')
            elif name in URL_ATTRIBUTES and any(EXECUTABLE_SCHEMES.match(part) for part in value.split(",")):
                self.problems.append(f'<{tag} {name}="{value[:40]}">')
        if tag == "script" and names.get("src"):
            self.script_sources.append(names["src"])
        elif tag in ("script", "style"):
            self._open, self._text = (tag, names.get("type", "").lower() in DATA_SCRIPT_TYPES), []

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            code = "".join(self._text).strip()
            is_data = self._open[1]
            if code and not is_data and not any(p.fullmatch(code) for p in theme_inline_code()[tag]):
                self.problems.append(f"<{tag}>{code[:40]}…")
            self._open = None


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
