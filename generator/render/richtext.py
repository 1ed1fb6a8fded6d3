"""Rich text (Markdown documents a clerk attaches) → sanitised HTML.

Markdown lets raw HTML and any link scheme through; nh3 (Ammonia) keeps only the tags and URL
schemes a disclosure document needs, so a pasted <script> or javascript: link cannot survive.
"""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "strong", "em", "b", "i",
                "blockquote", "code", "pre", "hr", "a", "table", "thead", "tbody", "tr", "th", "td"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def richtext(source: str, below: int = 2) -> Markup:
    """`below`: the level of the heading the document sits under; its own headings nest beneath."""
    converted = markdown.markdown(source, extensions=["tables"], output_format="html")
    converted = _nest_headings(converted, below)
    clean = nh3.clean(converted, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                      url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
    # A raw HTML block for Python-Markdown: it must start a line and stand apart from text.
    return Markup(f'<div class="gs-richtext">\n{clean}\n</div>')


def _nest_headings(html: str, below: int) -> str:
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", html)]
    if not levels:
        return html
    shift = below + 1 - min(levels)
    return re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(6, max(1, int(m.group(2)) + shift))}", html)
