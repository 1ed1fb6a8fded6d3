"""Public view → Markdown tree, through Jinja2, in a step of its own.

MkDocs only ever sees finished Markdown, so the site engine can be swapped. Every `{{ }}` output
is escaped by `finalize` unless a helper has already made it Markup: a template cannot forget.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..paths import TEMPLATE_DIR
from ..cn_format import chinese_date, cn_ordinal, yuan
from .markdown_text import inline, link, paragraphs
from .richtext import richtext
from .sections import HOME, SECTIONS, document_url


def tel(numbers) -> Markup:
    """Phone numbers a visitor on a phone can tap; a field may hold several, split by 、 or /."""
    links = []
    for number in re.split(r"[、/]", str(numbers)):
        digits = re.sub(r"[^0-9+]", "", number.split("转")[0])
        links.append(Markup(f'<a href="tel:{digits}">{inline(number.strip())}</a>') if digits else inline(number))
    return Markup("、").join(links)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        finalize=inline,
        autoescape=True,  # macros then return Markup; finalize has already made every value safe Markdown
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(paragraphs=paragraphs, richtext=richtext, cn_date=chinese_date, cn_ordinal=cn_ordinal, yuan=yuan)
    env.globals.update(link=link, tel=tel, sections=SECTIONS, document_url=document_url)
    return env


def render_page(template: str, county, **context) -> str:
    text = environment().get_template(template).render(c=county, **context)
    return re.sub(r"\n{3,}", "\n\n", text)


def render_markdown(county, docs_dir: Path) -> list[str]:
    """Write the county's Markdown tree and copy its public attachments. Returns the page files."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    pages = [HOME] + [s.page for s in SECTIONS]
    for page in pages:
        (docs_dir / page).write_text(render_page(page + ".j2", county), encoding="utf-8")
    for decision in county.decisions:
        target = docs_dir / decision["page"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_page("decision.md.j2", county, d=decision), encoding="utf-8")
        pages.append(decision["page"])
    for notice in county.withdrawal_notices:
        (docs_dir / notice["page"]).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / notice["page"]).write_text(render_page("withdrawal.md.j2", county, n=notice), encoding="utf-8")
        pages.append(notice["page"])
    for attachment in county.attachments:
        target = docs_dir / attachment.public_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(attachment.content)
    return pages
