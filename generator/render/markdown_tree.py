"""Public view → Markdown tree, through Jinja2, in a step of its own.

MkDocs only ever sees finished Markdown, so the site engine can be swapped. Every `{{ }}` output
is escaped by `finalize` unless a helper has already made it Markup: a template cannot forget.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..paths import TEMPLATE_DIR
from ..cn_format import chinese_date, cn_ordinal, yuan
from .markdown_text import inline, link, paragraphs
from .richtext import richtext
from .open_data import write_open_data
from .qr import full_url, qr_file, qr_svg
from .sections import DATA, HOME, SEARCH, SECTIONS, document_url


def tel(numbers) -> Markup:
    """Phone numbers a visitor on a phone can tap; a field may hold several, split by 、 or /."""
    links = []
    for number in re.split(r"[、/]", str(numbers)):
        digits = re.sub(r"[^0-9+]", "", number.split("转")[0])
        links.append(Markup(f'<a href="tel:{digits}">{inline(number.strip())}</a>') if digits else inline(number))
    return Markup("、").join(links)


_PAGE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*$")


def rel(here: str, there: str) -> Markup:
    """The link from one file of the tree to another, for a Markdown link: MkDocs turns a link to a
    page's Markdown file into the page's address. Paths are made from ids, which the schemas keep
    to letters, digits and hyphens; anything else is refused rather than escaped into a link."""
    if not (_PAGE_PATH.match(here) and _PAGE_PATH.match(there)) or ".." in there.split("/"):
        raise ValueError(f"not a page path: {here!r} → {there!r}")
    return Markup(posixpath.relpath(there, posixpath.dirname(here) or "."))


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
    env.globals.update(link=link, tel=tel, rel=rel, qr_file=qr_file, full_url=full_url, sections=SECTIONS, data_page=DATA,
                       document_url=document_url)
    return env


# Decisions on one page of the list: a page stays small on a phone however many a county publishes.
RESULTS_PER_PAGE = 20


@dataclass(frozen=True)
class ResultsPage:
    number: int          # 1 is results.md itself
    count: int
    decisions: list
    first: int           # the position of its first decision in the whole list, from 1
    last: int

    @property
    def page(self) -> str:
        return "results.md" if self.number == 1 else f"results/page-{self.number}.md"

    def link(self, number: int) -> str:
        """From this page to page `number`."""
        if self.number == 1:
            return f"results/page-{number}.md"
        return "../results.md" if number == 1 else f"page-{number}.md"


def results_pages(decisions: list) -> list[ResultsPage]:
    count = max(1, -(-len(decisions) // RESULTS_PER_PAGE))
    return [ResultsPage(n, count, decisions[(n - 1) * RESULTS_PER_PAGE:n * RESULTS_PER_PAGE],
                        (n - 1) * RESULTS_PER_PAGE + 1, min(n * RESULTS_PER_PAGE, len(decisions)))
            for n in range(1, count + 1)]


def render_page(template: str, county, **context) -> str:
    context.setdefault("results", results_pages(county.decisions)[0])
    text = environment().get_template(template).render(c=county, **context)
    return re.sub(r"\n{3,}", "\n\n", text)


def _write(docs_dir: Path, relative: str, content: str | bytes) -> None:
    target = docs_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


def _inspection_pages(county, docs_dir: Path) -> list[str]:
    """The plan, task, task sheet and certificate pages, the draws' draw.json files, and the QR
    codes of the task and certificate pages."""
    random, pages = county.random, []
    for plan in random.plans:
        _write(docs_dir, plan["page"], render_page("plan.md.j2", county, plan=plan))
        pages.append(plan["page"])
    for path, published in random.draw_files:
        _write(docs_dir, path, json.dumps(published, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    for task in random.tasks:
        _write(docs_dir, task["page"], render_page("task.md.j2", county, t=task))
        _write(docs_dir, task["sheet"], render_page("sheet.md.j2", county, t=task))
        pages += [task["page"], task["sheet"]]
    for officer in random.certificates:
        _write(docs_dir, officer["page"], render_page("certificate.md.j2", county, o=officer))
        pages.append(officer["page"])
    if county.site_url:
        for page, title in [(t["page"], f"检查任务 {t['id']}") for t in random.tasks] + \
                           [(o["page"], f"执法证 {o['certificate_no']}") for o in random.certificates]:
            _write(docs_dir, qr_file(page), qr_svg(full_url(county.site_url, page), title))
    return pages


def render_markdown(county, docs_dir: Path) -> list[str]:
    """Write the county's Markdown tree, its open data files (data/) and its public attachments.
    Returns the page files."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    pages = [HOME, SEARCH] + [s.page for s in SECTIONS]
    pages_of_results = results_pages(county.decisions)
    for page in pages:
        (docs_dir / page).write_text(render_page(page + ".j2", county, results=pages_of_results[0]), encoding="utf-8")
    datasets = write_open_data(county, docs_dir)   # beside the pages, so that the site engine publishes them
    (docs_dir / DATA.page).write_text(render_page(DATA.page + ".j2", county, datasets=datasets), encoding="utf-8")
    pages.append(DATA.page)
    for results in pages_of_results[1:]:
        target = docs_dir / results.page
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_page("results-page.md.j2", county, results=results), encoding="utf-8")
        pages.append(results.page)
    for decision in county.decisions:
        target = docs_dir / decision["page"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_page("decision.md.j2", county, d=decision), encoding="utf-8")
        pages.append(decision["page"])
    for notice in county.withdrawal_notices:
        (docs_dir / notice["page"]).parent.mkdir(parents=True, exist_ok=True)
        (docs_dir / notice["page"]).write_text(render_page("withdrawal.md.j2", county, n=notice), encoding="utf-8")
        pages.append(notice["page"])
    pages += _inspection_pages(county, docs_dir)
    for attachment in county.attachments:
        target = docs_dir / attachment.public_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(attachment.content)
    return pages
