"""Each built page is parsed once for every check that reads it: the leak scan (its text, the way
a reader gets it), the outside-hosts check (what the browser fetches, what it links to) and the
markup check (anything executable). One parser feeds the three readers below, which only listen;
the checks judge what they collected (leak_scan.py, outside_hosts.py, markup.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

from .theme import theme_inline_code

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Page:
    text: list[str]            # for the leak scan: one chunk, blocks and attribute values apart
    fetched: list[str]         # addresses the browser loads by itself
    linked: list[str]          # addresses a visitor may follow
    problems: list[str]        # executable content that is not the theme's
    script_sources: list[str]  # the scripts it loads, for the markup check to match against the theme


def decoded(data: bytes) -> str | None:
    """Text in UTF-8, or in UTF-16 when it says so (a byte-order mark, as Windows Notepad writes it)."""
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


_kept: dict | None = None   # parsed pages, while one_parse() lasts


@contextmanager
def one_parse():
    """Within the block, a page read by several checks is parsed once; after it, forgotten (a
    province's pages would not fit in memory)."""
    global _kept
    outer, _kept = _kept, {} if _kept is None else _kept
    try:
        yield
    finally:
        _kept = outer


def page(path: Path) -> Page:
    if _kept is None:
        return _parsed(path)
    info = path.stat()
    key = (str(path), info.st_ino, info.st_size, info.st_mtime_ns)   # the file's identity
    if key not in _kept:
        _kept[key] = _parsed(path)
    return _kept[key]


def _parsed(path: Path) -> Page:
    data = Path(path).read_bytes()
    text = decoded(data)
    if text is None:   # not valid text: read all the same, every byte that is a character
        text = data.decode("utf-8", errors="replace")
    reader, fetcher, markup = TextReader(), FetchReader(), MarkupReader()
    tee = _Tee(reader, fetcher, markup)
    tee.feed(text)
    tee.close()
    return Page(["\n".join(part for part in reader.parts if part)], fetcher.fetched, fetcher.linked,
                markup.problems, markup.script_sources)


class _Tee(HTMLParser):
    def __init__(self, *listeners):
        super().__init__(convert_charrefs=True)
        self.listeners = listeners

    def handle_starttag(self, tag, attrs):
        for listener in self.listeners:
            listener.handle_starttag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        for listener in self.listeners:
            listener.handle_startendtag(tag, attrs)

    def handle_endtag(self, tag):
        for listener in self.listeners:
            listener.handle_endtag(tag)

    def handle_data(self, data):
        for listener in self.listeners:
            listener.handle_data(data)

    def handle_comment(self, data):
        for listener in self.listeners:
            listener.handle_comment(data)


# --- the leak scan's reader: the text of a page as a reader gets it ---

# Attributes that hold drawing coordinates (the theme's inline SVG icons), not words.
GEOMETRY = {"d", "points", "viewbox", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
            "width", "height"}


# Elements a browser shows as blocks of their own: text is never read across their edges.
BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
          "hr", "html", "label", "legend", "li", "main", "meta", "nav", "ol", "option", "p", "pre", "script",
          "section", "select", "style", "summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
          "title", "tr", "ul", "svg", "button", "input", "img", "link"}


class TextReader(HTMLParser):
    """The text of a page as a reader gets it: inline elements joined (5108<span></span>23 is one
    number), blocks and attribute values apart, references decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = [""]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("")
        self.parts += [value for name, value in attrs if value and name not in GEOMETRY]
        self.parts.append("")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.parts.append("")

    def handle_data(self, data):
        self.parts[-1] += data

    def handle_comment(self, data):
        self.parts += [data, ""]


# --- the outside-hosts check's reader: what the browser fetches, what a visitor may follow ---

FETCHING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background"}
NON_FETCHING_LINKS = {"canonical", "alternate", "author", "license", "help", "bookmark", "external"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)


class FetchReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched, self.linked, self._in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in FETCHING_ATTRIBUTES & attrs.keys():
            value = attrs[name] or ""
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            self.fetched += urls
        if tag == "link" and attrs.get("href"):
            rels = set((attrs.get("rel") or "").lower().split())
            (self.linked if rels and rels <= NON_FETCHING_LINKS else self.fetched).append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.linked.append(attrs["href"])
        if attrs.get("style"):
            self.fetched += css_urls(attrs["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.fetched += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


# --- the markup check's reader: anything executable ---

FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "srcset", "cite"}
EXECUTABLE_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
TABLE_ALIGNMENT = re.compile(r"text-align:\s*(left|right|center);?")
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class MarkupReader(HTMLParser):
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
