"""The portal: every county with its count of decisions and its data date, the latest decisions of
all counties, linked, and nothing a county site does not show."""

from __future__ import annotations

import re


def test_the_portal_shows_each_county_s_count_and_the_latest_decisions(project, gongshi):
    assert gongshi("build")[0] == 0
    portal = project.file("site/index.html").read_text(encoding="utf-8")
    assert re.search(r"示例县医疗保障局行政执法公示 · 公示中的执法决定 3 件 · 数据更新于 \d{4}-\d{2}-\d{2}", portal)
    latest = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', portal.split("最新公示的执法决定", 1)[1])
    assert latest == [
        ("shili/decisions/2026-003/", "行政处罚决定 示医保罚〔2026〕4号：示例县某某中医诊所违规使用医疗保障基金案（重新作出）"),
        ("shili/decisions/2025-002/", "行政处罚决定 示医保罚〔2025〕2号：王某某骗取医疗保障基金案"),
        ("shili/decisions/2025-001/", "行政处罚决定 示医保罚〔2025〕1号：示例县某某大药房有限公司违规使用医疗保障基金案"),
    ]
    for href, _ in latest:
        assert project.file(f"site/{href}index.html").is_file()
    assert "示医保罚〔2026〕2号" not in portal                      # withdrawn: on its notice alone
    assert '<link rel="icon" href="favicon.svg" type="image/svg+xml">' in portal
    assert project.file("site/favicon.svg").read_bytes().startswith(b"<svg")


def test_an_expired_decision_leaves_the_portal_too(project, gongshi):
    assert gongshi("build", "--today", "2029-06-01")[0] in (0, 1)
    portal = project.file("site/index.html").read_text(encoding="utf-8")
    assert "示医保罚〔2025〕2号" not in portal and "王某某" not in portal


def test_the_portal_search_is_made_again_only_when_a_county_s_manifest_changed(project, gongshi):
    import os

    assert gongshi("build")[0] == 0
    meta = project.file("site/_portal/search/meta.json")
    before = os.stat(meta).st_ino
    assert gongshi("build", "--today", "2026-11-24")[0] == 0            # another day, the same counties: taken over
    assert os.stat(meta).st_ino == before
    project.edit("content/shili/decisions/2025-001.yml", "title: 示例县某某大药房有限公司违规使用医疗保障基金案",
                 "title: 示例县某某大药房有限公司串换药品案")
    assert gongshi("build", "--today", "2026-11-24")[0] == 0
    assert os.stat(meta).st_ino != before
    entries = "".join(p.read_text(encoding="utf-8") for p in project.file("site/_portal/search/u").glob("*.json"))
    assert "串换药品案" in entries and "违规使用医疗保障基金案\"" not in entries.split("2025-001")[1][:200]
