"""Plain text from YAML into Markdown, so that it can only ever be text.

Every character Markdown or HTML would act on becomes a numeric character reference, which both
Python-Markdown and browsers show as the character itself. Line starts get the same treatment
for the characters that open headings, quotes and lists. Rich text is not handled here: it goes
through `richtext.py` and a sanitiser.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

_INLINE = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\\`*_{}[]|~^=$:!\"'"})
_LINE_START = re.compile(r"^([#>+\-]|\d+[.)])")


def _escape_line(line: str) -> str:
    line = line.strip(" \t").translate(_INLINE)
    match = _LINE_START.match(line)
    if match:
        marker = match.group(1)
        line = marker[:-1] + f"&#{ord(marker[-1])};" + line[len(marker):]
    return line


def _lines(value) -> list[str]:
    text = "" if value is None else str(value)
    # Python-Markdown breaks lines at \r as well; split where it would, so every line start is escaped.
    return [_escape_line(line) for line in re.split(r"\r\n|\r|\n", text)]


def inline(value) -> Markup:
    """Text for a table cell, list item or sentence: line breaks become <br>."""
    if isinstance(value, Markup):
        return value
    return Markup("<br>".join(line for line in _lines(value) if line))


def paragraphs(value) -> Markup:
    """Text as paragraphs: each non-empty line its own paragraph."""
    return Markup("\n\n".join(line for line in _lines(value) if line))


def link(text, url: str) -> Markup:
    """An outbound link. Only http(s) survives; anything else is shown as text, never linked."""
    if not re.match(r"^https?://", str(url)):
        return inline(f"{text}（{url}）")
    return Markup(f'<a href="{html.escape(str(url), quote=True)}" rel="noopener noreferrer">{inline(text)}</a>')
