"""Each built page is parsed once for every check that reads it: the leak scan (its text, the way
a reader gets it), the outside-hosts check (what the browser fetches, what it links to) and the
markup check (anything executable). The page is parsed as a browser parses it (lexbor, an HTML5
parser: the same tree a browser makes of the same bytes, whatever tricks the markup plays) and
walked once, in document order, for the three readers below; the checks judge what they
collected (leak_scan.py, outside_hosts.py, markup.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from contextlib import contextmanager
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

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
    return read_page(text)


def read_page(text: str) -> Page:
    reader, fetcher, markup = TextReader(), FetchReader(), MarkupReader()
    document = LexborHTMLParser(text).root
    pending = [document.parent or document] if document is not None else []
    while pending:   # the document, then each <template>'s content: in the page, though not in its tree
        for node in pending.pop().traverse(include_text=True, skip_empty=True):
            tag = node.tag
            if tag == "-text":
                reader.data(node)
            elif tag == "-comment":
                reader.comment(node.comment_content or "")
            elif not tag.startswith("-"):
                attrs = [(name.lower(), value or "") for name, value in node.attributes.items()]
                reader.start(tag, attrs)
                fetcher.start(tag, attrs)
                markup.start(tag, attrs)
                if tag in ("script", "style"):
                    code = node.text(deep=True)
                    fetcher.inline(tag, code)
                    markup.inline(tag, attrs, code)
                elif tag == "template":
                    pending += [f for f in node.template_fragments() if f.parent is not None and f.parent.mem_id == node.mem_id]
    return Page([reader.text()], fetcher.fetched, fetcher.linked, markup.problems, markup.script_sources)


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
# Where a line break in the text is shown as one; anywhere else a browser shows it as a space.
KEEPS_LINES = {"pre", "textarea", "script", "style", "listing", "plaintext", "xmp"}


class TextReader:
    """The text of a page as a reader gets it: inline elements joined (5108<span></span>23 is one
    number, and so is 5108<b>23</b>), blocks apart, a line break in a paragraph read as the space
    it is shown as, references decoded; attribute values and comments each apart."""

    def __init__(self):
        self.parts = [""]
        self.attribute_values: list[str] = []
        self._block = None   # the block the last text was in

    def start(self, tag, attrs):
        if tag in BLOCKS:
            self.parts.append("")
        self.attribute_values += [value for name, value in attrs if value and name not in GEOMETRY]

    def data(self, node):
        block = node.parent
        while block is not None and block.tag not in BLOCKS:
            block = block.parent
        where = block.mem_id if block is not None else None
        if where != self._block:   # the text after a block ends is apart from the text in it
            self.parts.append("")
            self._block = where
        text = node.text_content or ""
        self.parts[-1] += text if block is not None and block.tag in KEEPS_LINES else text.replace("\n", " ")

    def comment(self, data):
        self.parts += [data, ""]

    def text(self) -> str:
        return "\n".join(part for part in self.parts + self.attribute_values if part)


# --- the outside-hosts check's reader: what the browser fetches, what a visitor may follow ---

FETCHING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background"}
NON_FETCHING_LINKS = {"canonical", "alternate", "author", "license", "help", "bookmark", "external"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)


class FetchReader:
    def __init__(self):
        self.fetched, self.linked = [], []

    def start(self, tag, attrs):
        attrs = dict(attrs)
        for name in FETCHING_ATTRIBUTES & attrs.keys():
            value = attrs[name]
            urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
            self.fetched += urls
        if tag == "link" and attrs.get("href"):
            rels = set(attrs.get("rel", "").lower().split())
            (self.linked if rels and rels <= NON_FETCHING_LINKS else self.fetched).append(attrs["href"])
        if tag == "a" and attrs.get("href"):
            self.linked.append(attrs["href"])
        if attrs.get("style"):
            self.fetched += css_urls(attrs["style"])

    def inline(self, tag, code):
        if tag == "style":
            self.fetched += css_urls(code)


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in CSS_URL.findall(css)]


# --- the markup check's reader: anything executable ---

FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "background", "xlink:href", "srcset", "cite"}
EXECUTABLE_SCHEMES = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.I)
TABLE_ALIGNMENT = re.compile(r"text-align:\s*(left|right|center);?")
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class MarkupReader:
    def __init__(self):
        self.problems: list[str] = []      # what the clerk or maintainer reads, one item each
        self.script_sources: list[str] = []

    def start(self, tag, attrs):
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

    def inline(self, tag, attrs, code):
        """A script or style written into the page: only the theme's own, or a data block."""
        code = code.strip()
        if tag == "script" and dict(attrs).get("src"):
            return
        is_data = dict(attrs).get("type", "").lower() in DATA_SCRIPT_TYPES
        if code and not is_data and not any(p.fullmatch(code) for p in theme_inline_code()[tag]):
            self.problems.append(f"<{tag}>{code[:40]}…")
