"""Benchmark: site search on a county of N decisions, by numbers. gongshi's own index against
Material's search (lunr, which gongshi shipped before) and Pagefind. One command, one table.

    .venv/bin/pip install 'pagefind[extended]==1.5.*' jieba   # only this bench needs them (Pagefind; jieba for
                                                              # Material's Chinese search); gongshi does not
    .venv/bin/python bench/search_bench.py [--decisions 1000] [--runs 3] [--sample 200]
                                           [--material-sample 200] [--keep DIR]

Makes the province benchmark's county `big` of DECISIONS decisions (bench/province_bench.py: party
`示例县第0区第{n}号大药房有限公司`, case number `示医保罚〔2025〕{n}号`, so that 1, 10, 100 and 1000
differ by a digit), and the same county's site four ways:

- gongshi: `gongshi build`, with the index it ships (generator/render/search_index.py);
- Material: gongshi's Markdown tree and MkDocs configuration (province_bench.markdown_tree) with
  the Material `search` plugin put back as gongshi shipped it (lang zh, jieba, its separator);
- Pagefind, defaults: `python -m pagefind --site` over a copy of gongshi's built county (its own
  search folder removed), nothing configured: root selector `html`, language from `<html lang>`;
- Pagefind, tuned, with the fixes of the research that need no Node: each page's title, h1 and
  decision subtitle also cut by the browser's own Intl.Segmenter (run here in Chromium) into an
  indexed attribute, so that the query's words exist in the index; gongshi's lists of decisions
  (`[data-gs-noindex]`) excluded; `ranking: {termSimilarity: 10}` in the browser.

Then it measures, in headless Chromium against a local HTTP server that logs every byte it sends:

- build time of the search step alone, wall and CPU seconds, medians of RUNS: gongshi `index_site`
  (in a fresh process), Material `mkdocs build` with the plugin minus without it, the pagefind
  command (CPU time is what other work on a shared machine disturbs least);
- bytes for a first search, each of the six real queries in a fresh browser (empty cache), made
  from the site's home page as a visitor would (gongshi: its search page, ?q=; Material: typed into
  the header's field; Pagefind: a minimal page of `search()` and `data()` for 10 results): the
  search files the server sent (raw, and gzip -6 of the same files on disk; Pagefind's own files
  are gzip already and count as they are), their number, and what the page's Resource Timing
  saw of them (a worker's fetches are not in the page's timeline, so the server log is the count);
  whether a page view fetches search files before anyone searches;
- quality: for SAMPLE decisions (1, 10, 100, 1000 and their neighbours, then evenly spread) the
  rank of the decision's page when its party name, and its case number, is searched; for the six
  real queries the top three. gongshi: `gongshiSearch.find`, the ranking its results list shows;
  Pagefind: the JS API, each query in a freshly loaded page (result ids mapped to their pages from
  the fragment files; `data()` of the first ten must agree); Material: its real search dialog (the value set and a keyup sent, as typing
  does), results as the dialog lists them, scrolled for up to 50 pages.

Everything is written under a temporary folder (or DIR) and printed as one Markdown table, also
written to bench/search_bench_results.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import importlib.metadata
import json
import os
import platform
import resource
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "bench"))
import province_bench  # noqa: E402
from generator.paths import THEME_DIR  # noqa: E402

TODAY = province_bench.TODAY.isoformat()
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")
MATERIAL_SEARCH = "plugins:\n- search:\n    lang: zh\n    separator: '[\\s\\u200b\\-，。、；：]+'\n"
TUNED_RANKING = {"termSimilarity": 10}
PAGEFIND_NOT_NEEDED = re.compile(r"pagefind-(ui|modular-ui|component-ui|highlight)\.")   # prebuilt UIs
TOP = 50            # ranks are looked for among the first TOP results (Material's dialog lists 10, then 4 a scroll)
TITLES = {"gongshi": "gongshi", "material": "Material (lunr)", "pagefind": "Pagefind, defaults",
          "pagefind-tuned": "Pagefind, tuned"}


def party(n: int) -> str:
    return f"示例县第0区第{n}号大药房有限公司"


def case_number(n: int) -> str:
    return f"示医保罚〔2025〕{n}号"


def decision_url(n: int) -> str:
    return f"decisions/2025-{n:04d}/"


def real_queries() -> list[tuple[str, str | None]]:
    """The six queries of the issue, with the page that must come first where there is one."""
    return [(party(1), decision_url(1)), (case_number(1), decision_url(1)), ("分解住院", None),
            ("第三十八条", None), ("张示例", "officers/"), ("CF-001", "powers/")]


def sample(decisions: int, size: int) -> list[int]:
    """Decision numbers to search for: the ones a digit apart first, then evenly spread."""
    hard = [1, 2, 9, 10, 11, 12, 19, 20, 21, 99, 100, 101, 110, 111, 112, 199, 200, 999, 1000]
    chosen = [n for n in hard if n <= decisions][:size]
    spread = [round(1 + i * (decisions - 1) / max(1, size - 1)) for i in range(size)]
    for n in spread:
        if len(chosen) >= size:
            break
        if n not in chosen:
            chosen.append(n)
    return sorted(chosen)


# ---------------------------------------------------------------------------------------- sites

def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of `command`, which must succeed. CPU time (user +
    system of the process and its threads) is the figure other work on the machine disturbs least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return tuple(statistics.median(values) for values in zip(*runs))


def build_gongshi(root: Path, runs: int) -> tuple[Path, tuple[float, float]]:
    """gongshi's site of the county, and the (wall, CPU) seconds `index_site` took on a copy of it,
    each run in a fresh process (median)."""
    timed([sys.executable, "-m", "generator", "build", "--today", TODAY, "--out", "site", "--jobs", "2"], root)
    site = (root / "site" / province_bench.BIG).resolve()
    copy = root / "index-timing"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy)
    code = ("import sys, time; from pathlib import Path; from generator.render.search_index import index_site; "
            "t, c = time.perf_counter(), time.process_time(); index_site(Path(sys.argv[1])); "
            "print(time.perf_counter() - t, time.process_time() - c)")
    times = []
    for _ in range(runs):
        shutil.rmtree(copy / "search")
        out = subprocess.run([sys.executable, "-c", code, str(copy)], cwd=PROJECT, capture_output=True, text=True, check=True)
        times.append(tuple(float(x) for x in out.stdout.split()[-2:]))
    return site, medians(times)


def build_material(root: Path, runs: int) -> tuple[Path, tuple[float, float], tuple[float, float]]:
    """Material's site of the county with its search plugin; (wall, CPU) seconds of `mkdocs build`
    of the same tree without it and with it, run alternately (medians)."""
    for folder in ("plain", "hugo"):                # markdown_tree makes them afresh
        shutil.rmtree(root / folder, ignore_errors=True)
    cwd = os.getcwd()
    try:
        province_bench.markdown_tree(root)          # writes plain/docs and plain/mkdocs.yml (and chdirs)
    finally:
        os.chdir(cwd)
    plain = root / "plain" / "mkdocs.yml"
    config = plain.read_text(encoding="utf-8")
    assert "plugins: []\n" in config, "gongshi's configuration no longer says plugins: []"
    with_search = root / "plain" / "mkdocs-search.yml"
    # gongshi's theme without its header, whose plain search form replaces Material's search dialog.
    theme = root / "plain" / "theme-material-search"
    shutil.rmtree(theme, ignore_errors=True)
    shutil.copytree(THEME_DIR, theme, ignore=shutil.ignore_patterns("header.html"))
    searching = config.replace("plugins: []\n", MATERIAL_SEARCH).replace(str(THEME_DIR), str(theme))
    with_search.write_text(re.sub(r"(?m)^site_dir: .*$", f"site_dir: {root / 'plain' / 'site-search'}", searching),
                           encoding="utf-8")
    without, within = [], []
    for _ in range(runs):
        without.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain)], root))
        within.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(with_search)], root))
    return root / "plain" / "site-search", medians(without), medians(within)


def pagefind_copy(site: Path, folder: Path) -> Path:
    """gongshi's built county, without gongshi's own search, in `folder`/big."""
    shutil.rmtree(folder, ignore_errors=True)
    target = folder / province_bench.BIG
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("search", "gongshi-search.js"))
    return target


def run_pagefind(site: Path, runs: int, extra: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of the pagefind command over `site` (median)."""
    times = []
    for _ in range(runs):
        shutil.rmtree(site / "pagefind", ignore_errors=True)
        times.append(timed([sys.executable, "-m", "pagefind", "--site", str(site), *extra], site.parent))
    return medians(times)


def add_browser_words(site: Path, driver) -> float:
    """The research's fix for Pagefind's two segmenters: each page's title, h1 and decision subtitle
    cut by the browser's Intl.Segmenter, the words put in an indexed attribute. Returns seconds."""
    from selectolax.lexbor import LexborHTMLParser

    start = time.perf_counter()
    pages = sorted(site.rglob("*.html"))
    texts = []
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        texts.append(" ".join(node.text(deep=True).replace("¶", "") for node in tree.css("title, h1, .gs-subtitle")))
    driver.get("about:blank")
    words = driver.execute_script("""
        const cut = new Intl.Segmenter('zh', {granularity: 'word'});
        return arguments[0].map(t => [...cut.segment(t)].filter(s => s.isWordLike).map(s => s.segment).join(' '));
    """, texts)
    for page, found in zip(pages, words):
        text = page.read_text(encoding="utf-8")
        at = text.rfind("</body>")
        span = f'<span data-pagefind-index-attrs="data-words" data-words="{html.escape(found)}"></span>'
        page.write_text(text[:at] + span + text[at:], encoding="utf-8")
    return time.perf_counter() - start


PAGEFIND_PAGE = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
// A minimal results list: one query from ?q=, the first 10 results read, as a real list would show them.
const params = new URLSearchParams(location.search);
window.bench = (async () => {
  const pf = await import("./pagefind/pagefind.js");
  if (params.get("ranking")) await pf.options({ranking: JSON.parse(params.get("ranking"))});
  window.pf = pf;
  if (!params.get("q")) return null;
  const found = await pf.search(params.get("q"));
  const shown = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return {ids: found.results.map(r => r.id), urls: shown.map(d => d.url)};
})();
</script></body></html>
"""


def fragment_urls(site: Path) -> dict[str, str]:
    """Pagefind's result id (its fragment file's name) → the page's address relative to the site."""
    urls = {}
    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        urls[path.stem] = json.loads(data[data.index(b"{"):])["url"].lstrip("/")
    return urls


# ---------------------------------------------------------------------------------------- serving

@dataclass
class Sent:
    path: str
    status: int
    size: int


class LoggingServer:
    """`root` over HTTP on localhost, every response logged with the bytes of its body."""

    def __init__(self, root: Path):
        self.root = root
        self.log: list[Sent] = []
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def send_response(self, code, message=None):
                self._code = code
                super().send_response(code, message)

            def copyfile(self, source, outputfile):
                data = source.read()
                outputfile.write(data)
                self._size = len(data)

            def log_request(self, code="-", size="-"):
                pass

            def log_message(self, format, *args):   # noqa: A002 - http.server's signature
                pass

            def do_GET(self):
                self._code, self._size = 0, 0
                super().do_GET()
                server.log.append(Sent(urllib.parse.urlsplit(self.path).path, self._code, self._size))

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def file(self, path: str) -> Path:
        """The file on disk a logged path was served from."""
        local = self.root / urllib.parse.unquote(path).lstrip("/")
        return local / "index.html" if path.endswith("/") else local

    def close(self):
        self.httpd.shutdown()


def new_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,900")
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    driver.set_script_timeout(1800)
    return driver


def wait_for(driver, condition, timeout: float = 120.0):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(condition)


# ---------------------------------------------------------------------------------------- the options

@dataclass
class Option:
    """How to reach one option's search in the browser, and which files are its search files."""
    name: str
    site: str                       # the site's address under the server, with a trailing /
    folder: Path                    # the site on disk
    search_files: re.Pattern        # paths (under the site) that belong to search
    build: tuple = (0.0, 0.0)       # (wall, CPU) seconds of the search step, medians
    notes: list = field(default_factory=list)


def search_once(option: Option, driver, base: str, query: str) -> tuple[float, list[str]]:
    """One query as a visitor makes it: (seconds until the results are shown, the pages shown)."""
    if option.name == "gongshi":                 # its search page with ?q=, as the page's own form sends it
        start = time.perf_counter()
        driver.get(base + "search/?q=" + urllib.parse.quote(query))
        wait_for(driver, lambda d: d.execute_script(
            "var s = document.querySelector('[data-gs-status]'); return s && s.textContent && s.textContent.indexOf('正在') < 0"))
        links = driver.execute_script("return Array.from(document.querySelectorAll('[data-gs-results] li h2 a')).map(a => a.href)")
    elif option.name == "material":              # typed into the header's search field, right after the page loaded
        from selenium.webdriver.common.by import By
        start = time.perf_counter()
        driver.find_element(By.CSS_SELECTOR, ".md-search__input").send_keys(query)
        wait_for(driver, lambda d: d.execute_script(
            "var m = document.querySelector('.md-search-result__meta'); return m && /[0-9]|没有/.test(m.textContent)"))
        links = driver.execute_script(MATERIAL_STATE)[1]
    else:                                        # the minimal page: search() and data() for the first 10
        ranking = f"&ranking={urllib.parse.quote(json.dumps(TUNED_RANKING))}" if option.name == "pagefind-tuned" else ""
        start = time.perf_counter()
        driver.get(base + "pagefind-bench.html?q=" + urllib.parse.quote(query) + ranking)
        wait_for(driver, lambda d: d.execute_script("return !!window.bench"))
        found = driver.execute_async_script("window.bench.then(arguments[0], e => arguments[0]({error: String(e)}))")
        assert "error" not in found, found
        links = [urllib.parse.urljoin(base, u) for u in found["urls"]]
    return time.perf_counter() - start, [_page(link, base) for link in links]


def first_search(option: Option, server: LoggingServer, query: str) -> dict:
    """One query in a fresh browser (empty cache), after the site's home page: what the server sent
    for search, what the page's Resource Timing saw of it, how long until results were shown."""
    driver = new_browser()
    try:
        base = server.url + option.site
        before_page = len(server.log)
        driver.get(base)       # the page a visitor starts from (for Pagefind, gongshi's, which knows nothing of it)
        mark = len(server.log)
        seconds, shown = search_once(option, driver, base, query)
        time.sleep(0.5)        # anything still arriving is counted too
        timing = driver.execute_script("""
            return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
              .map(e => ({path: decodeURI(new URL(e.name).pathname), encoded: e.encodedBodySize, decoded: e.decodedBodySize}));""")
    finally:
        driver.quit()
    # Material fetches its index as the home page loads, before anything is typed: counted from the page's start.
    since = before_page if option.name == "material" else mark
    sent = [s for s in server.log[since:]
            if s.status == 200 and s.path.startswith(option.site) and option.search_files.search(s.path)]
    seen = {t["path"]: t for t in timing}
    visible = [seen[urllib.parse.unquote(s.path)] for s in sent if urllib.parse.unquote(s.path) in seen]
    return {"query": query, "requests": len(sent), "raw": sum(s.size for s in sent),
            "gzip": sum(gzip_size(server.file(s.path)) for s in sent),
            "seen_requests": len(visible), "seen_encoded": sum(t["encoded"] for t in visible),
            "seen_decoded": sum(t["decoded"] for t in visible),
            "seconds": seconds, "shown": shown, "files": [(s.path, s.size) for s in sent]}


def page_view(option: Option, server: LoggingServer) -> int:
    """Bytes of search files fetched when a fresh browser shows the home page and nobody searches."""
    driver = new_browser()
    try:
        mark = len(server.log)
        driver.get(server.url + option.site)
        time.sleep(3)
    finally:
        driver.quit()
    return sum(s.size for s in server.log[mark:]
               if s.status == 200 and s.path.startswith(option.site) and option.search_files.search(s.path))


def _page(link: str, base: str) -> str:
    """A result's link as the page's address relative to the site (no query, no fragment)."""
    return urllib.parse.unquote(urllib.parse.urljoin(base, link).split("#")[0].split("?")[0].replace(base, "", 1))


def gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":      # already gzip (Pagefind's index, fragments and wasm): sent as it is
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def disk_bytes(option: Option) -> tuple[int, int]:
    """(bytes, files) of what the option's search needs on disk."""
    folder = option.folder
    if option.name == "gongshi":
        files = [p for p in (folder / "search").rglob("*") if p.is_file()] + [folder / "assets/javascripts/gongshi-search.js"]
    elif option.name == "material":
        files = [folder / "search/search_index.json", *(folder / "assets/javascripts/workers").glob("search.*.min.js"),
                 folder / "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
                 folder / "assets/javascripts/lunr/min/lunr.zh.min.js"]
    else:
        files = [p for p in (folder / "pagefind").rglob("*") if p.is_file() and not PAGEFIND_NOT_NEEDED.search(p.name)]
    return sum(p.stat().st_size for p in files), len(files)


# ---------------------------------------------------------------------------------------- quality

def ranked_gongshi(option: Option, server: LoggingServer, queries: list[str]) -> dict[str, list[str]]:
    """Each query through gongshi's own ranking (what its results list shows), in one page."""
    driver = new_browser()
    try:
        driver.get(server.url + option.site + "search/")
        found = driver.execute_async_script("""
            var queries = arguments[0], done = arguments[1], out = {};
            queries.reduce(function (chain, q) {
              return chain.then(function () { return window.gongshiSearch.find('./', q).then(function (r) { out[q] = r.urls; }); });
            }, Promise.resolve()).then(function () { done(out); }, function (e) { done({error: String(e)}); });
        """, queries)
    finally:
        driver.quit()
    assert "error" not in found, found
    return found


def ranked_pagefind(option: Option, server: LoggingServer, queries: list[str]) -> dict[str, list[str]]:
    """Each query through Pagefind's JS API, each in a freshly loaded page: Pagefind's order depends
    on the index chunks earlier queries of the page loaded, and a visitor's first query has none.
    Result ids are mapped to pages from the fragment files; the page's data() of its first 10
    results must agree."""
    ids = fragment_urls(option.folder)
    ranking = f"&ranking={urllib.parse.quote(json.dumps(TUNED_RANKING))}" if option.name == "pagefind-tuned" else ""
    base = server.url + option.site
    ranked = {}
    driver = new_browser()
    try:
        for query in queries:
            driver.get(base + "pagefind-bench.html?q=" + urllib.parse.quote(query) + ranking)
            wait_for(driver, lambda d: d.execute_script("return !!window.bench"))
            found = driver.execute_async_script("window.bench.then(arguments[0], e => arguments[0]({error: String(e)}))")
            assert "error" not in found, found
            ranked[query] = [ids[i] for i in found["ids"]]
            read = [_page(urllib.parse.urljoin(base, u), base) for u in found["urls"]]
            assert read == ranked[query][:len(read)], (query, read, ranked[query][:10])
    finally:
        driver.quit()
    return ranked


MATERIAL_SET = """
    const input = document.querySelector('.md-search__input');
    input.focus();
    input.value = arguments[0];
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
"""
MATERIAL_STATE = """
    const meta = document.querySelector('.md-search-result__meta');
    const items = Array.from(document.querySelectorAll('.md-search-result__list > .md-search-result__item'));
    return [meta ? meta.textContent : '', items.map(li => li.querySelector('a.md-search-result__link').href)];
"""

# The dialog adds 4 results each time its list comes to the bottom (not while it stays there), and
# reads the scroll position once a frame: up, a frame, down, a frame.
MATERIAL_SCROLL = """
    const wrap = document.querySelector('.md-search__scrollwrap'), done = arguments[0];
    const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    wrap.scrollTop = 0;
    frame().then(() => { wrap.scrollTop = wrap.scrollHeight; return frame(); }).then(() => done(true));
"""


def ranked_material(option: Option, server: LoggingServer, queries: list[str], wanted: dict[str, str]) -> dict[str, list[str]]:
    """Each query through Material's search dialog: the value set and a keyup sent (what typing
    does), the pages it lists in order; scrolled down for more (up to TOP) while the wanted page is
    not among them."""
    base = server.url + option.site
    driver = new_browser()
    out = {}
    try:
        driver.get(base)
        placeholder = json.loads(driver.execute_script("return document.getElementById('__config').textContent"))[
            "translations"]["search.result.placeholder"]
        for query in queries:
            driver.execute_script(MATERIAL_SET, "")
            wait_for(driver, lambda d: d.execute_script(MATERIAL_STATE)[0] == placeholder)
            driver.execute_script(MATERIAL_SET, query)
            meta, links = wait_for(driver, lambda d: (lambda s: s if s[0] and s[0] != placeholder else None)(
                d.execute_script(MATERIAL_STATE)))
            pages = [_page(link, base) for link in links]
            while wanted.get(query) not in pages and len(pages) < TOP and len(links) >= 10:
                driver.execute_async_script(MATERIAL_SCROLL)
                try:
                    links = wait_for(driver, lambda d: (lambda s: s[1] if len(s[1]) > len(links) else None)(
                        d.execute_script(MATERIAL_STATE)), timeout=3)
                except Exception:   # noqa: BLE001 - no more results
                    break
                pages = [_page(link, base) for link in links]
            out[query] = pages
    finally:
        driver.quit()
    return out


def rank_of(urls: list[str], wanted: str, cut: int | None) -> int | None:
    urls = urls[:cut] if cut else urls
    return urls.index(wanted) + 1 if wanted in urls else None


def quality(ranked: dict[str, list[str]], numbers: list[int], query_of, cut: int | None) -> dict:
    ranks = [rank_of(ranked[query_of(n)], decision_url(n), cut) for n in numbers]
    found = sorted(r for r in ranks if r is not None)
    missing = len(ranks) - len(found)
    ordered = found + [None] * missing
    median = ordered[(len(ordered) - 1) // 2] if ordered else None
    wrong = [(query_of(n), ranked[query_of(n)][:3]) for n, r in zip(numbers, ranks) if r != 1]
    return {"n": len(ranks), "first": sum(1 for r in found if r == 1) / len(ranks), "top3": sum(1 for r in found if r <= 3) / len(ranks),
            "top10": sum(1 for r in found if r <= 10) / len(ranks),
            "missing": missing / len(ranks), "median": median, "wrong": wrong}


# ---------------------------------------------------------------------------------------- report

def versions() -> str:
    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"
    chromium = subprocess.run([shutil.which("chromium") or "/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True).stdout.strip()
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; Python {platform.python_version()}; "
            f"gongshi {commit}; MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, jieba {version('jieba')}; "
            f"Pagefind {version('pagefind')} (extended {version('pagefind_bin_extended')}); {chromium}; "
            f"Selenium {version('selenium')}")


def kb(n: float) -> str:
    return f"{n / 1000:,.1f} KB" if n < 1e6 else f"{n / 1e6:,.2f} MB"


def pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def report(args, options: dict[str, Option], views: dict, firsts: dict, qualities: dict, top3: dict, material_n: int,
           loads: list[float]) -> str:
    heads = [TITLES[o] for o in options]
    lines = [f"# Search on a county of {args.decisions} decisions: gongshi, Material, Pagefind", "",
             f"Machine and versions: {versions()}. Load average (1 min) when the builds were timed: "
             + ", ".join(f"{load:.2f}" for load in loads) + ".", "",
             f"`{' '.join(['bench/search_bench.py', '--decisions', str(args.decisions), '--runs', str(args.runs), '--sample', str(args.sample), '--material-sample', str(material_n)])}`",
             "", "| | " + " | ".join(heads) + " |", "|---|" + "---|" * len(heads)]

    def row(label, values):
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    row(f"build: search step alone, wall s; CPU s (medians of {args.runs})",
        [f"{o.build[0]:.2f}; {o.build[1]:.2f}" for o in options.values()])
    row("search files on disk (needed ones)", [f"{kb(b)} in {n:,} files" for b, n in (disk_bytes(o) for o in options.values())])
    row("search files fetched by a page view when nobody searches", [kb(views[o]) if views[o] else "0" for o in options])
    for label, key, fmt in (("first search: requests (median; max)", "requests", str),
                            ("first search: raw bytes (median; max)", "raw", kb),
                            ("first search: gzip -6 bytes (median; max)", "gzip", kb),
                            ("first search: seconds to results, localhost (median; max)", "seconds", lambda s: f"{s:.2f}")):
        row(label, [f"{fmt(statistics.median(f[key] for f in firsts[o]))}; {fmt(max(f[key] for f in firsts[o]))}" for o in options])
    row("… of which the page's Resource Timing saw (requests; encoded bytes, median)",
        [f"{statistics.median(f['seen_requests'] for f in firsts[o]):.0f}; {kb(statistics.median(f['seen_encoded'] for f in firsts[o]))}"
         for o in options])
    for kind in ("party", "case"):
        what = "party name" if kind == "party" else "case number"
        row(f"{what}: sample size", [str(qualities[o][kind]["n"]) for o in options])
        row(f"{what}: right page first", [pct(qualities[o][kind]["first"]) for o in options])
        row(f"{what}: right page in top 3", [pct(qualities[o][kind]["top3"]) for o in options])
        row(f"{what}: right page in top 10", [pct(qualities[o][kind]["top10"]) for o in options])
        row(f"{what}: right page not found (Material: not in its first {TOP})", [pct(qualities[o][kind]["missing"]) for o in options])
        row(f"{what}: median rank", [str(qualities[o][kind]["median"] or "not found") for o in options])
    lines += ["", "Top three results of the six real queries (✔ the page that should come first is first):", "",
              "| query | " + " | ".join(heads) + " |", "|---|" + "---|" * len(heads)]
    for query, wanted in real_queries():
        cells = []
        for o in options:
            urls = top3[o][query]
            mark = "" if wanted is None else (" ✔" if urls[:1] == [wanted] else " ✘")
            cells.append(("<br>".join(f"{i + 1}. `{u or '(home)'}`" for i, u in enumerate(urls[:3])) or "nothing") + mark)
        lines.append(f"| {query} | " + " | ".join(cells) + " |")
    lines += ["", "The synthetic decisions differ only in their numbers, so every file compresses far better than real "
              "decisions would, Material's single index most of all; Pagefind's index and wasm files are gzip already "
              "and count as they are. Times are on localhost, with no network delay.", ""]
    return "\n".join(lines) + "\n"


def details(options: dict[str, Option], firsts: dict, qualities: dict, top3: dict) -> str:
    """What each first search fetched, and the sample queries that did not put the right page first."""
    lines = ["", "## Details", ""]
    for o, option in options.items():
        lines.append(f"**{TITLES[o]}.** " + " ".join(option.notes))
        lines.append("")
        for f in firsts[o]:
            files = ", ".join(f"{p.rsplit('/', 2)[-2] + '/' if p.endswith('/') else p.rsplit('/', 1)[-1]} {s:,}" for p, s in f["files"])
            same = ("the same top 3 as" if f["shown"][:3] == top3[o][f["query"]]
                    else f"**not** the same top 3 ({', '.join(f['shown'][:3])}) as")
            lines.append(f"- first search `{f['query']}`: {f['requests']} requests, {f['raw']:,} B raw, {f['gzip']:,} B gzip, "
                         f"{len(f['shown'])} shown ({same} the ranking run), {f['seconds']:.2f} s: {files}")
        for kind in ("party", "case"):
            wrong = qualities[o][kind]["wrong"]
            if wrong:
                lines.append(f"- {kind} queries not first ({len(wrong)}): " + "; ".join(
                    f"`{q}` → {', '.join(u or '(home)' for u in urls) or 'nothing'}" for q, urls in wrong[:12])
                    + (" …" if len(wrong) > 12 else ""))
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------- main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decisions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sample", type=int, default=200, help="decisions searched for by party name and by case number")
    parser.add_argument("--material-sample", type=int, help="a smaller sample for Material's dialog (default: --sample)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="make everything here and keep it")
    args = parser.parse_args()
    try:
        importlib.metadata.version("pagefind")
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit("Pagefind is not installed: .venv/bin/pip install 'pagefind[extended]==1.5.*'") from None

    root = (args.keep or Path(tempfile.mkdtemp(prefix="gongshi-search-"))).resolve()
    if not (root / "content").is_dir():
        province_bench.make_province(root, 0, 0, args.decisions)
    say = lambda text: print(text, file=sys.stderr, flush=True)   # noqa: E731

    loads = [os.getloadavg()[0]]   # other work on the machine shows in the times: said in the table
    say("building gongshi's site and timing its index …")
    site, gongshi_times = build_gongshi(root, args.runs)
    say("building Material's site with and without its search …")
    material_site, plain, searched = build_material(root, args.runs)
    loads.append(os.getloadavg()[0])
    say("running Pagefind …")
    pf_site = pagefind_copy(site, root / "pf")
    pf_times = run_pagefind(pf_site, args.runs, [])
    tuned_site = pagefind_copy(site, root / "pft")
    driver = new_browser()
    try:
        words_seconds = add_browser_words(tuned_site, driver)
    finally:
        driver.quit()
    tuned_times = run_pagefind(tuned_site, args.runs, ["--exclude-selectors", "[data-gs-noindex]"])
    loads.append(os.getloadavg()[0])
    for folder in (pf_site, tuned_site):
        (folder / "pagefind-bench.html").write_text(PAGEFIND_PAGE, encoding="utf-8")

    rel = lambda p: "/" + p.relative_to(root).as_posix() + "/"   # noqa: E731
    options = {
        "gongshi": Option("gongshi", rel(root / "site" / province_bench.BIG), site,
                          re.compile(r"/big/search/|gongshi-search\.js$"), gongshi_times,
                          ["`index_site` on the built county, in a fresh process. A first search is the search page "
                           "(…/search/?q=, its HTML counted) after a page of the site, whose styles and scripts are then cached."]),
        "material": Option("material", rel(material_site), material_site,
                           re.compile(r"/search/search_index\.json$|/javascripts/workers/|/javascripts/lunr/"),
                           (searched[0] - plain[0], searched[1] - plain[1]),
                           [f"`mkdocs build` with the search plugin {searched[0]:.2f} s wall, {searched[1]:.2f} s CPU; "
                            f"without {plain[0]:.2f} s, {plain[1]:.2f} s (medians). A first search: the home page loaded, the query "
                            "typed into `.md-search__input`. The index is fetched when any page loads (Material's bundle "
                            "starts the search worker at once), so every page view pays it."]),
        "pagefind": Option("pagefind", rel(pf_site), pf_site, re.compile(r"/pagefind/"), pf_times,
                           ["`python -m pagefind --site`, nothing configured. A first search: a minimal page importing "
                            "pagefind.js, `search()`, then `data()` for the first 10 results. Each ranking query in a freshly "
                            "loaded page: Pagefind's order for a query changes with the index chunks earlier queries of the "
                            "page loaded."]),
        "pagefind-tuned": Option("pagefind-tuned", rel(tuned_site), tuned_site, re.compile(r"/pagefind/"), tuned_times,
                                 [f"`python -m pagefind --site … --exclude-selectors '[data-gs-noindex]'`; before it, the "
                                  f"browser's word cuts of title, h1 and subtitle added to each page ({words_seconds:.2f} s, "
                                  f"not in the build time above); in the browser `ranking: {json.dumps(TUNED_RANKING)}`."]),
    }
    for o in ("pagefind", "pagefind-tuned"):
        options[o].notes.append(f"On disk, the needed files exclude Pagefind's prebuilt UIs; the whole folder is "
                                f"{kb(folder_bytes(options[o].folder / 'pagefind'))}.")
    options["material"].notes.append(f"On disk, the needed files are the index, the worker and the two lunr files for zh; "
                                     f"MkDocs also copies every lunr language "
                                     f"({kb(folder_bytes(material_site / 'assets/javascripts/lunr'))}), which gongshi's "
                                     "build would delete as unused.")
    server = LoggingServer(root)
    try:
        say("first searches, each in a fresh browser …")
        views = {o: page_view(option, server) for o, option in options.items()}
        firsts = {o: [first_search(option, server, q) for q, _ in real_queries()] for o, option in options.items()}
        numbers = sample(args.decisions, args.sample)
        material_numbers = sample(args.decisions, args.material_sample or args.sample)
        queries = [f(n) for n in numbers for f in (party, case_number)] + [q for q, _ in real_queries()]
        wanted = {f(n): decision_url(n) for n in material_numbers for f in (party, case_number)}
        say(f"ranking {len(queries)} queries …")
        ranked = {"gongshi": ranked_gongshi(options["gongshi"], server, queries)}
        for o in ("pagefind", "pagefind-tuned"):
            ranked[o] = ranked_pagefind(options[o], server, queries)
        say(f"ranking {2 * len(material_numbers) + 6} queries in Material's dialog …")
        start = time.perf_counter()
        ranked["material"] = ranked_material(options["material"], server, list(wanted) + [q for q, _ in real_queries()], wanted)
        options["material"].notes.append(f"Its dialog answered {2 * len(material_numbers) + 6} queries in "
                                          f"{time.perf_counter() - start:.0f} s.")
    finally:
        server.close()
    qualities = {}
    for o in options:
        cut = TOP if o == "material" else None
        chosen = material_numbers if o == "material" else numbers
        qualities[o] = {"party": quality(ranked[o], chosen, party, cut), "case": quality(ranked[o], chosen, case_number, cut)}
    top3 = {o: {q: ranked[o][q][:3] for q, _ in real_queries()} for o in options}
    table = report(args, options, views, firsts, qualities, top3, len(material_numbers), loads)
    print(table)
    (PROJECT / "bench" / "search_bench_results.md").write_text(table + details(options, firsts, qualities, top3), encoding="utf-8")
    say(f"written to bench/search_bench_results.md; sites in {root}" if args.keep else "written to bench/search_bench_results.md")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
