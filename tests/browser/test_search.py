"""Search as the public uses it, in Chromium: the queries come from the content, so that no query can
be tuned to pass on its own; what the site does not show, search does not find."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.render.search_index import term_file, terms

from .conftest import DESKTOP, PHONE, PROJECT, _QuietHandler, at_width, require_tools, screenshot

WAIT = 20   # seconds for a search to finish


def results(browser, url: str, query: str) -> tuple[str, list[str]]:
    """Search with the form of the page at `url`, as a visitor types; (status line, result links)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    field = browser.find_element(By.CSS_SELECTOR, "[data-gs-search] input[name=q]")
    field.clear()
    field.send_keys(query, Keys.ENTER)
    WebDriverWait(browser, WAIT).until(lambda d: "q=" in d.current_url and d.execute_script(
        "var s = document.querySelector('[data-gs-status]'); return s && s.textContent && s.textContent.indexOf('正在') < 0"))
    status = browser.execute_script("return document.querySelector('[data-gs-status]').textContent")
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('[data-gs-results] li h2 a')).map(a => a.getAttribute('href'))")
    return status, links


def find_all(browser, page_url: str, index: str, queries: list[str]) -> dict[str, list[str]]:
    """Each query through the search script's own ranking, many in one page: {query: result urls}."""
    browser.get(page_url)
    found = browser.execute_async_script("""
        var index = arguments[0], queries = arguments[1], done = arguments[2], out = {};
        queries.reduce(function (chain, q) {
          return chain.then(function () { return window.gongshiSearch.find(index, q).then(function (r) { out[q] = r.urls; }); });
        }, Promise.resolve()).then(function () { done(out); }, function (e) { done({error: String(e)}); });
    """, index, queries)
    assert "error" not in found, found
    return found


def decisions_in(content: Path) -> list[tuple[str, str, dict]]:
    """(county, decision id, record) for every decision file of the content."""
    return [(path.parent.parent.name, path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))
            for path in sorted(content.glob("*/decisions/*.yml"))]


def page_kind(site: Path, county: str, decision_id: str) -> str:
    """What the site shows at a decision's address: decision, notice (its withdrawal) or none."""
    page = site / county / "decisions" / decision_id / "index.html"
    if not page.is_file():
        return "none"
    return "notice" if "撤下说明" in page.read_text(encoding="utf-8").split("<h1", 1)[1][:200] else "decision"


def test_every_decision_on_the_site_comes_first_for_its_case_number_and_its_party(browser, built, site_url):
    expected, alone, absent = {}, {}, []
    decisions = decisions_in(PROJECT / "content")
    parties = {}
    for county, decision_id, record in decisions:
        if page_kind(built, county, decision_id) == "decision":
            parties.setdefault((county, record["party"]["name"]), set()).add(f"decisions/{decision_id}/")
    for county, decision_id, record in decisions:
        kind, url = page_kind(built, county, decision_id), f"decisions/{decision_id}/"
        if kind == "decision":
            expected[(county, record["case_number"])] = {url}
            expected[(county, record["party"]["name"])] = parties[(county, record["party"]["name"])]
        elif kind == "notice":
            alone[(county, record["case_number"])] = url   # its notice, and nothing else
        else:
            absent.append((county, record["case_number"]))
    assert len(expected) >= 4 and alone and absent   # the sample has each case: a test that cannot pass empty
    for county in {c for c, _ in list(expected) + list(alone) + absent}:
        queries = [q for c, q in list(expected) + list(alone) + absent if c == county]
        found = find_all(browser, f"{site_url}{county}/search/", "./", queries)
        for (c, query), urls in expected.items():
            if c == county:
                assert found[query] and found[query][0] in urls, (query, found[query])
        for (c, query), url in alone.items():
            if c == county:
                assert found[query] == [url], (query, found[query])
        for c, query in absent:
            if c == county:
                assert found[query] == [], (query, found[query])


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_visitor_finds_by_name_number_words_law_officer_and_power(browser, site_url, size):
    at_width(browser, size)
    search = f"{site_url}shili/search/"
    try:
        cases = {
            "示例县某某大药房有限公司": "../decisions/2025-001/",      # a party's full name
            "示医保罚〔2025〕1号": "../decisions/2025-001/",         # a case number
            "示医保罚〔2026〕2号": "../decisions/2026-002/",         # a withdrawn decision: its notice
            "张示例": "../officers/zhang-shili/",                    # an officer's name: his certificate check page
            "CF-001": "../powers/",                                  # a power's code
        }
        for query, first in cases.items():
            status, links = results(browser, search, query)
            assert links and links[0] == first, (query, status, links)
        for query in ("分解住院", "第三十八条"):                    # words and an article: every page that holds them
            status, links = results(browser, search, query)
            assert status.startswith("找到 ") and links, (query, status)
        status, links = results(browser, search, "示医保罚〔2025〕3号")   # a decision whose period has ended
        assert links == [] and status.startswith("没有找到"), status
    finally:
        screenshot(browser, f"search-{'desktop' if size == DESKTOP else 'phone'}")
        at_width(browser, DESKTOP)


def test_a_query_typed_with_spaces_part_of_a_number_or_digit_groups_finds_what_it_names(browser, site_url):
    """Each query against the one written the way the page shows it: the same pages first."""
    same = {"张 示例": "张示例", "第 三十八 条": "第三十八条", "医保 罚": "医保罚", "12000元": "12,000元",
            "示例县 某某 大药房": "示例县某某大药房"}
    found = find_all(browser, f"{site_url}shili/search/", "./", list(same) + list(same.values()) + ["罚〔2025〕1号"])
    for typed, shown in same.items():
        assert found[typed] and found[typed][:3] == found[shown][:3], (typed, found[typed], found[shown])
    assert found["罚〔2025〕1号"][0] == "decisions/2025-001/"      # a lone character before the year
    assert found["12000元"][0] == "decisions/2025-001/"


def test_the_portal_searches_every_county(browser, site_url):
    status, links = results(browser, f"{site_url}index.html", "示例县某某大药房有限公司")
    assert links[0] == "shili/decisions/2025-001/", (status, links)
    status, links = results(browser, f"{site_url}index.html", "剑阁县医疗保障局")
    assert links[0] == "jiange/", (status, links)
    screenshot(browser, "portal-search")


def test_the_browser_cuts_text_into_the_same_terms_as_the_index(browser, site_url):
    samples = ["示医保罚〔2025〕1号", "第三十八条", "ＣＦ－００１ 张示例", "①②３ 91100000MA00A0001X", "𠀋𠀍 ﬁle Ⅻ",
               "示例县第0区第12号大药房有限公司", "  ", "𝟙𝟚 ＡＢＣ", "骗取医疗保障基金，依据《医疗保障基金使用监督管理条例》第四十条",
               "张 示例　第 三十八 条", "12,000元 1,2345 2025 1 CF 001", "罚款\u00a0 3,600 元"]
    browser.get(f"{site_url}shili/search/")
    js = browser.execute_script("return arguments[0].map(t => window.gongshiSearch.terms(t))", samples)
    assert js == [terms(text) for text in samples]
    all_terms = sorted({t for text in samples for t in terms(text)})
    files = browser.execute_script("return arguments[0].map(t => window.gongshiSearch.termFile(t, 256))", all_terms)
    assert files == [term_file(t, 256) for t in all_terms]


@pytest.fixture(scope="module")
def big_county(tmp_path_factory):
    """A county of 200 decisions whose parties and case numbers differ by a digit (1, 10, 100…),
    made by the province benchmark's generator, built and served."""
    require_tools()
    sys.path.insert(0, str(PROJECT / "bench"))
    import province_bench
    root = tmp_path_factory.mktemp("big")
    province_bench.make_province(root, 0, 0, 200)
    _build(root)
    return root


def _build(root: Path) -> None:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["build", "--today", "2026-11-23", "--out", "site"]) in (0, 1)
    finally:
        os.chdir(cwd)


def _served(folder: Path):
    import functools
    import http.server
    import threading
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


PAYLOAD = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>"


def test_markup_in_a_found_page_is_shown_as_text_in_the_results(browser, tmp_path):
    require_tools()
    for name in ("content", "site_config"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    decision = tmp_path / "content/shili/decisions/2025-001.yml"
    text = decision.read_text(encoding="utf-8")
    decision.write_text(text.replace("title: 示例县某某大药房有限公司违规使用医疗保障基金案",
                                     "title: " + json.dumps("示例县某某大药房有限公司违规使用医疗保障基金案" + PAYLOAD, ensure_ascii=False)), encoding="utf-8")
    _build(tmp_path)
    server, url = _served(tmp_path / "site")
    try:
        status, links = results(browser, f"{url}shili/search/", "违规使用医疗保障基金案")
        assert "../decisions/2025-001/" in links, (status, links)
        assert browser.execute_script("return document.querySelectorAll('[data-gs-results] img, [data-gs-results] script').length") == 0
        shown = browser.execute_script("return document.querySelector('[data-gs-results] a[href=\"../decisions/2025-001/\"]').textContent")
        assert shown.endswith(PAYLOAD) and "pwned" not in browser.title
    finally:
        server.shutdown()


def test_in_a_county_of_200_decisions_each_is_first_for_its_number_and_its_party(browser, big_county):
    server, url = _served(big_county / "site")
    try:
        site = (big_county / "site" / "big").resolve()
        records = [r for _, _, r in decisions_in(big_county / "content")]
        queries = {r["case_number"]: f"decisions/{decision_id}/" for (_, decision_id, r) in decisions_in(big_county / "content")}
        queries.update({r["party"]["name"]: f"decisions/{decision_id}/" for (_, decision_id, r) in decisions_in(big_county / "content")})
        assert len(queries) == 2 * len(records) == 400
        assert all((site / url / "index.html").is_file() for url in queries.values())
        found = find_all(browser, f"{url}big/search/", "./", list(queries) + ["第三十八条"])
        wrong = {q: found[q][:3] for q, url in queries.items() if not found[q] or found[q][0] != url}
        assert not wrong, wrong
        # An article every decision cites: the pages that set out the rule come before the 200 decisions.
        assert found["第三十八条"][0] in ("legal-review/", "discretion/") and len(found["第三十八条"]) > 200
    finally:
        server.shutdown()
