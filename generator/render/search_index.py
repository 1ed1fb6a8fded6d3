"""gongshi's own static search index: what a visitor's browser needs to search a site, in small files.

Why not the site engine's search: Material's index is one file a visitor downloads whole (5 MB for a
county of 1,000 decisions) and its ranking put a company's decision 4th for its own name; Pagefind,
the chunked alternative, splits Chinese differently when it indexes (jieba) and when it searches
(the browser's Intl.Segmenter), so a full case number can find nothing. Numbers in bench/search_bench.py.

How it works. Text is cut into units: one Chinese character, or one run of letters and digits
(after NFKC and lower case, so full-width digits are digits). Anything else — spaces, punctuation,
brackets — ends a segment. A term is two adjacent units of a segment (示医, 医保, 1号), every
letter-and-digit unit on its own (2025, cf, 001), and a unit that stands alone. The browser cuts a
query the same way (theme/assets/javascripts/gongshi-search.js, kept equal by a test), so a query
finds exactly the pages that hold each of its terms: 〔2025〕1号 holds the term 1号, which
〔2025〕10号 does not. No dictionary is involved, so nothing can be cut two ways.

Each page is indexed from the built HTML, its main article only: what is indexed is what is shown.
Headings weigh more than running text. A block marked `data-gs-noindex` (the list of decisions on
the results pages, which would outrank the decisions themselves) is left out; text marked
`data-gs-index-only` finds its page but is not copied into the page's entry. The scores (BM25 over
weighted counts) are computed here, so the browser only adds them up.

Files, under `search/` of the site:
- `meta.json`: the number of term files and of pages;
- `t/<n>.json`: the terms whose FNV-1a hash falls in file n, each with [page, score, page, score…];
- `u/<k>.json`: the addresses of pages 256·k to 256·k+255, by page number (pages sorted by address);
- `p/<address>.json`: each page's title and text, for the results list (the portal's short records
  are in its address files instead: `inline` in meta.json).
A first search fetches meta.json, one term file per term, and the address files and entries of
the ten pages it shows: what it costs grows with the query, not with the site.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

FORMAT = 2
SEARCH_DIR = "search"   # in each county site; the portal's is in its `_portal/`
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
UNIT = re.compile(f"[{HAN}]|[0-9a-z]+")
SEGMENT = re.compile(f"(?:[{HAN}]|[0-9a-z])+")
ALNUM = re.compile("[0-9a-z]")
# Spaces beside a Chinese character do not part words (张 三, 第 三十八 条: as typed, as laid out);
# between two numbers or codes they do (2025 1). A comma between digit groups is no break (12,000).
SPACE_BY_HAN = re.compile(f"(?<=[{HAN}])[ \t]+|[ \t]+(?=[{HAN}])")
DIGIT_GROUP = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")

# How much an occurrence counts, by the element it is in.
WEIGHTS = {"title": 10, "h1": 10, "h2": 5, "h3": 3, "h4": 3, "h5": 2, "h6": 2, "strong": 2, "b": 2}
SKIPPED = {"script", "style", "nav", "svg", "button", "form", "template", "noscript"}
K1, B = 1.2, 0.3                  # BM25; a low b: a long list page that names a term often (the discretion standard for 第三十八条) is not outranked by each short decision that cites it once
POSTINGS_PER_FILE = 1500          # about 12 KB of JSON a term file
MAX_FILES = 4096
TEXT_KEPT = 4000                  # characters of a page's text kept for the results list
URLS_PER_FILE = 256               # page addresses a file of addresses holds: a search reads those of its results


def normal(text: str) -> str:
    """The text as both sides cut it: compatibility forms folded (full-width digits are digits),
    lower case, digit groups joined, spaces beside Chinese characters dropped. NFKC makes the
    ideographic and the no-break space plain spaces first."""
    text = unicodedata.normalize("NFKC", text).lower()
    return SPACE_BY_HAN.sub("", DIGIT_GROUP.sub("", text))


def segments(text: str) -> list[list[str]]:
    """The text's units, in runs that nothing but units separates."""
    return [UNIT.findall(run) for run in SEGMENT.findall(normal(text))]


def terms(text: str) -> list[str]:
    """Every term of the text, in order, repeated as often as it occurs."""
    found = []
    for units in segments(text):
        if len(units) == 1:
            found.append(units[0])
            continue
        found += [a + b for a, b in zip(units, units[1:])]
        found += [u for u in units if ALNUM.match(u)]
    return found


def term_file(term: str, files: int) -> int:
    """Which term file holds `term`: FNV-1a of its UTF-8 bytes, modulo the number of files."""
    h = 0x811C9DC5
    for byte in term.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % files


@dataclass
class Page:
    url: str                      # relative to the site root, as a link from the site root
    title: str
    text: str                     # what is shown of it in the results list
    counts: dict = field(default_factory=dict)   # term → weighted count
    length: float = 0.0


def page_of_html(html: str, url: str) -> Page | None:
    """The searchable part of a built page: its <title> and main article, or None when it has no
    article or asks not to be indexed."""
    tree = LexborHTMLParser(html)
    robots = tree.css_first('meta[name="robots"]')
    if robots is not None and "noindex" in (robots.attributes.get("content") or ""):
        return None
    article = tree.css_first("article")
    if article is None:
        return None
    title_node = tree.css_first("title")
    h1, subtitle = article.css_first("h1"), article.css_first(".gs-subtitle")
    title = _clean(h1.text(deep=True) if h1 is not None else title_node.text() if title_node else url)
    if subtitle is not None:   # a decision: its case number, then what the case is
        title = f"{title} {_clean(subtitle.text(deep=True))}"
    page = Page(url, title, "")
    runs = []
    _walk(article, 1, runs)
    _count(page, [(text, weight) for text, weight, _ in runs])
    page.text = _clean(" ".join(text for text, _, shown in runs if shown))[:TEXT_KEPT]
    return page


def _count(page: Page, runs) -> None:
    """Add the weighted terms of (text, weight) runs to the page; the texts of one weight are cut
    at once, a line apart (a line break ends a segment as any separator does)."""
    by_weight: dict[int, list[str]] = {}
    for text, weight in runs:
        by_weight.setdefault(weight, []).append(text)
    for weight, texts in sorted(by_weight.items()):
        for term in terms("\n".join(texts)):
            page.counts[term] = page.counts.get(term, 0) + weight
            page.length += weight


def _walk(node, weight: int, runs: list, shown: bool = True) -> None:
    """(text, weight, shown) for each text of `node`: `shown` is False inside `data-gs-index-only`,
    text that finds the page but is not copied into its entry (a withdrawn decision's case number
    on its notice: the notice stays the one file that holds it)."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            text = child.text_content or ""
            if text.strip():
                runs.append((text, weight, shown))
        elif tag.startswith("-") or tag in SKIPPED or "data-gs-noindex" in child.attributes:
            continue
        elif "headerlink" in (child.attributes.get("class") or ""):
            continue   # the ¶ after a heading
        else:
            _walk(child, max(weight, WEIGHTS.get(tag, 1)), runs, shown and "data-gs-index-only" not in child.attributes)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("¶", "")).strip()


def record(url: str, title: str, parts: list[tuple[str, int]], shown: str) -> Page:
    """A page made of given texts and weights instead of HTML (the portal's records)."""
    page = Page(url, _clean(title), _clean(shown)[:TEXT_KEPT])
    _count(page, [(text, weight) for text, weight in parts if text])
    return page


def write_index(pages: list[Page], out: Path, entries_inline: bool = False) -> None:
    """The index of `pages` in `out` (the site's search folder), replacing any there.
    `entries_inline`: each page's title and short text go into its file of addresses instead of a
    file of its own (the portal's ten thousand short records: a few dozen files, not one each)."""
    pages = sorted(pages, key=lambda p: p.url)
    df: dict[str, int] = {}
    for page in pages:
        for term in page.counts:
            df[term] = df.get(term, 0) + 1
    total = sum(df.values())
    files = 1
    while files < MAX_FILES and total / files > POSTINGS_PER_FILE:
        files *= 2
    average = (sum(p.length for p in pages) / len(pages)) if pages else 1.0
    idf = {term: math.log(1 + (len(pages) - n + 0.5) / (n + 0.5)) for term, n in df.items()}
    postings: dict[str, list] = {term: [] for term in sorted(df)}
    for number, page in enumerate(pages):
        norm = K1 * (1 - B + B * page.length / average)
        for term, count in page.counts.items():
            postings[term] += (number, max(1, round(100 * idf[term] * count * (K1 + 1) / (count + norm))))
    buckets: list[dict] = [{} for _ in range(files)]
    for term, found in postings.items():
        buckets[term_file(term, files)][term] = found
    (out / "t").mkdir(parents=True, exist_ok=True)
    (out / "u").mkdir(parents=True, exist_ok=True)
    _dump(out / "meta.json", {"format": FORMAT, "files": files, "pages": len(pages), "chunk": URLS_PER_FILE,
                              "inline": entries_inline})
    for n, bucket in enumerate(buckets):
        _dump(out / "t" / f"{n}.json", bucket)
    for n in range(0, len(pages), URLS_PER_FILE):
        chunk = pages[n:n + URLS_PER_FILE]
        _dump(out / "u" / f"{n // URLS_PER_FILE}.json",
              [_entry(p) for p in chunk] if entries_inline else [p.url for p in chunk])
    if entries_inline:
        return
    for page in pages:
        target = out / search_page_file(page.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        _dump(target, _entry(page))


def search_page_file(url: str) -> str:
    """Where, inside the search folder, the results list finds a page's title and text: by the
    page's address, as the browser derives it (gongshi-search.js, pageFile)."""
    return "p/" + (url.strip("/") or "index") + ".json"


def _entry(page: Page) -> dict:
    return {"url": page.url, "title": page.title, "text": page.text}


def _dump(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def index_site(site_dir: Path) -> None:
    """Index every page of a built county site into its `search/` folder."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        if relative.split("/")[0] == SEARCH_DIR:
            continue
        page = page_of_html(path.read_text(encoding="utf-8"), "" if relative == "." else relative + "/")
        if page is not None:
            pages.append(page)
    write_index(pages, site_dir / SEARCH_DIR)
