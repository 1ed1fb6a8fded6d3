"""A decision that left the site left every output made for it: search index, feed, sitemap, the CSV
and JSON downloads. The sample county has a withdrawn decision (2026-002, revoked; its notice stays
and its case number finds the notice) and one whose publicity period has ended (2025-003)."""

from __future__ import annotations

from .test_search_index import pages_for

WITHDRAWN = ("2026-002", "示医保罚〔2026〕2号")
EXPIRED = ("2025-003", "示医保罚〔2025〕3号", "示例县某某眼科医院有限公司")


def test_a_withdrawn_and_an_expired_decision_are_in_no_index_feed_sitemap_or_download(project, gongshi):
    assert gongshi("build", "--out", "site")[0] == 0
    site = project.file("site")
    county = site / "shili"
    feed = (county / "feed.xml").read_text(encoding="utf-8")
    sitemap = (county / "sitemap.xml").read_text(encoding="utf-8")
    downloads = {p.name: p.read_text(encoding="utf-8-sig") for p in sorted((county / "data").glob("*")) if p.suffix in (".csv", ".json")}
    assert {"decisions.csv", "decisions.json", "xingzheng-chufa-shuanggongshi.csv"} <= downloads.keys()
    assert "示医保罚〔2025〕1号" in downloads["decisions.csv"] and "decisions/2025-001/" in sitemap   # one on the site is

    decision_id, case_number = WITHDRAWN
    assert pages_for(site, case_number) == {f"decisions/{decision_id}/"}      # its notice, nothing else
    assert (county / "decisions" / decision_id / "index.html").read_text(encoding="utf-8").count("撤下说明") >= 1
    assert case_number not in feed and f"decisions/{decision_id}/" not in sitemap
    assert [name for name, text in downloads.items() if case_number in text] == []

    decision_id, case_number, party = EXPIRED
    assert pages_for(site, case_number) == set() and pages_for(site, party) == set()
    assert case_number not in feed and party not in feed and f"decisions/{decision_id}/" not in sitemap
    assert [name for name, text in downloads.items() if case_number in text or party in text] == []
    assert not (county / "decisions" / decision_id).exists()
