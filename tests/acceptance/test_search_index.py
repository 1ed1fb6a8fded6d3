"""The search index holds what the site shows and nothing else: a decision that is not on the site
(expired, classified, its party a minor) is in none of its files, and a withdrawn decision's case
number finds its notice without being copied into any. (tests/browser/test_search.py searches it
in a browser.)"""

from __future__ import annotations

import json
from pathlib import Path

from generator.render.search_index import term_file, terms

CORRECTED = "content/shili/decisions/2025-001.yml"   # 示例县某某大药房有限公司
PERSON = "content/shili/decisions/2025-002.yml"      # 王某某, a natural person


def search_files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted((site / "shili" / "search").rglob("*.json"))}


def page_addresses(folder: Path) -> list[str]:
    """The address of each page of a search index, by page number."""
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    files = [folder / "u" / f"{k}.json" for k in range(-(-meta["pages"] // meta["chunk"]))]
    return [url for file in files for url in json.loads(file.read_text(encoding="utf-8"))]


def pages_for(site: Path, query: str) -> set[str]:
    """The pages whose entries hold every term of `query`, read from the index files as the browser does."""
    folder = site / "shili" / "search"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    addresses = page_addresses(folder)
    found = None
    for term in set(terms(query)):
        file = json.loads((folder / "t" / f"{term_file(term, meta['files'])}.json").read_text(encoding="utf-8"))
        pages = {addresses[n] for n in file.get(term, [])[::2]}
        found = pages if found is None else found & pages
    return found or set()


def test_what_the_site_shows_is_found_and_what_left_it_is_not(project, gongshi):
    assert gongshi("build", "--out", "site")[0] == 0
    site = project.file("site")
    assert pages_for(site, "示例县某某大药房有限公司") == {"decisions/2025-001/"}
    assert pages_for(site, "示医保罚〔2026〕2号") == {"decisions/2026-002/"}            # withdrawn: its notice
    assert pages_for(site, "示医保罚〔2025〕3号") == set()                              # expired
    files = search_files(site)
    assert [name for name, text in files.items() if "示医保罚〔2026〕2号" in text] == []   # found, never copied
    for gone in ("示医保罚〔2025〕3号", "示例县某某眼科医院有限公司", "示医保罚〔2026〕1号"):   # expired, its party; not yet published
        assert not [name for name, text in files.items() if gone in text], gone
    assert json.loads(files["shili/search/p/decisions/2026-002.json"])["title"] == "撤下说明"


def test_a_classified_decision_and_a_minor_s_are_in_no_search_file(project, gongshi):
    project.edit(CORRECTED, "severity: 严重", "severity: 严重\nclassified: true")
    project.edit(PERSON, "  name: 王某某\n", "  name: 王某某\n  minor: true\n")
    assert gongshi("build", "--out", "site")[0] == 0
    site = project.file("site")
    assert pages_for(site, "示例县某某大药房有限公司") == set() and pages_for(site, "王某某") == set()
    for value in ("示医保罚〔2025〕1号", "示例县某某大药房有限公司", "示医保罚〔2025〕2号", "王某某"):
        assert not [name for name, text in search_files(site).items() if value in text], value
    assert "decisions/2025-001/" not in page_addresses(site / "shili" / "search")
