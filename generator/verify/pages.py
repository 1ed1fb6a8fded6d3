"""Each built page is parsed once for every check that reads it: the leak scan (its text, the way
a reader gets it), the outside-hosts check (what the browser fetches, what it links to) and the
markup check (anything executable). One parser feeds the three collectors, which only listen."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

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


def page(path: Path) -> Page:
    info = path.stat()
    return _parsed(str(path), info.st_ino, info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=4096)
def _parsed(path: str, inode: int, size: int, mtime: int) -> Page:   # the file's identity is the key
    # Each collector lives with the check it serves, and those modules read pages through this one.
    from .leak_scan import _Text
    from .markup import _Page
    from .outside_hosts import _Collector
    data = Path(path).read_bytes()
    text = decoded(data)
    if text is None:   # not valid text: read all the same, every byte that is a character
        text = data.decode("utf-8", errors="replace")
    reader, fetcher, markup = _Text(), _Collector(), _Page()
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
