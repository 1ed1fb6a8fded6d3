"""Each county's Atom feed: new, corrected and withdrawn decisions, made from the public view."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(project, county="shili") -> list[tuple[str, str, str]]:
    root = ElementTree.parse(project.file(f"site/{county}/feed.xml")).getroot()
    return [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}updated")[:10], e.find(f"{ATOM}link").get("href"))
            for e in root.findall(f"{ATOM}entry")]


def test_the_feed_lists_publications_corrections_withdrawals_and_inspection_results_newest_first(project, gongshi):
    assert gongshi("build")[0] == 0
    assert entries(project) == [
        ("抽查结果：示例县惠民门诊部有限公司（检查任务 2026-04）", "2026-11-20", "inspections/tasks/2026-04/"),
        ("行政处罚决定 示医保罚〔2026〕4号：示例县某某中医诊所违规使用医疗保障基金案（重新作出）", "2026-10-23", "decisions/2026-003/"),
        ("抽查结果：示例县中医医院（检查任务 2026-05）", "2026-09-18", "inspections/tasks/2026-05/"),
        ("撤下说明：一项行政处罚决定已撤销，已从网站撤下", "2026-09-14", "decisions/2026-002/"),
        ("抽查结果：示例县仁心诊所（检查任务 2026-03）", "2026-09-04", "inspections/tasks/2026-03/"),
        ("抽查结果：示例县康宁药房有限公司（检查任务 2026-02）", "2026-04-24", "inspections/tasks/2026-02/"),
        ("抽查结果：示例县同仁大药房有限公司（检查任务 2026-01）", "2026-04-10", "inspections/tasks/2026-01/"),
        ("行政处罚决定 示医保罚〔2025〕2号：王某某骗取医疗保障基金案", "2025-08-26", "decisions/2025-002/"),
        ("更正：行政处罚决定 示医保罚〔2025〕1号：示例县某某大药房有限公司违规使用医疗保障基金案", "2025-05-20", "decisions/2025-001/"),
        ("行政处罚决定 示医保罚〔2025〕1号：示例县某某大药房有限公司违规使用医疗保障基金案", "2025-05-16", "decisions/2025-001/"),
    ]
    feed = project.file("site/shili/feed.xml").read_text(encoding="utf-8")
    assert "示医保罚〔2026〕2号" not in feed                       # a withdrawn decision's number is on its notice alone
    page = project.file("site/shili/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="新公示、更正和撤下的执法决定" href="feed.xml">' in page


def test_a_decision_whose_period_has_ended_leaves_the_feed(project, gongshi):
    assert gongshi("build", "--today", "2029-06-01")[0] in (0, 1)
    titles = [title for title, _, _ in entries(project)]
    assert not any("示医保罚〔2025〕2号" in title for title in titles)      # 严重, decided 2025-08-20: gone after 3 years
    assert not any("王某某" in title for title in titles)


def test_the_sitemap_offers_neither_a_withdrawal_notice_nor_an_expired_decision(project, gongshi):
    assert gongshi("build")[0] == 0
    sitemap = project.file("site/shili/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.gov.cn/gongshi/shili/decisions/2025-001/</loc>" in sitemap
    assert "decisions/2026-002/" not in sitemap                    # withdrawn: its address shows the notice
    assert gongshi("build", "--today", "2029-06-01")[0] in (0, 1)
    assert "decisions/2025-002/" not in project.file("site/shili/sitemap.xml").read_text(encoding="utf-8")


def test_a_decision_without_a_title_is_named_by_its_case_number(project, gongshi):
    project.edit("content/shili/decisions/2025-001.yml", "title: 示例县某某大药房有限公司违规使用医疗保障基金案\n", "")
    assert gongshi("build")[0] == 0
    assert ("行政处罚决定 示医保罚〔2025〕1号", "2025-05-16", "decisions/2025-001/") in entries(project)
    assert "行政处罚决定 示医保罚〔2025〕1号</a>" in project.file("site/index.html").read_text(encoding="utf-8")
