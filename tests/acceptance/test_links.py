"""Every link inside a built site leads somewhere: a broken one is said, with the page it is on."""

from __future__ import annotations

from generator.verify.links import check_links


def test_a_broken_link_in_an_attachment_is_reported_and_the_site_still_published(project, gongshi):
    project.edit("content/shili/documents/penalty-flowchart.md", "## 行政处罚（一般程序）流程",
                 "## 行政处罚（一般程序）流程\n\n另见[听证流程图](hearing-flowchart.pdf)。")
    code, lines = gongshi("build")
    assert code == 0
    broken = [line for line in lines if " W-VERIFY-BROKEN-LINK " in line]
    assert len(broken) == 1 and broken[0].startswith("site/shili/") and "hearing-flowchart.pdf" in broken[0], broken
    assert broken[0].endswith(" — 访问者点开会看到“找不到页面”：请检查生成这一页的记录或附件中的链接，或报告 gongshi 的维护人员")
    assert project.file("site/shili/index.html").is_file()


def test_the_sample_sites_have_no_broken_link(project, gongshi):
    assert gongshi("build")[0] == 0
    assert check_links(project.file("site").resolve()) == []


def test_what_counts_as_broken(tmp_path):
    site = tmp_path / "site"
    (site / "a" / "b").mkdir(parents=True)
    (site / "a" / "b" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    (site / "a" / "img.png").write_bytes(b"\x89PNG")
    (site / "index.html").write_text('<a href="a/">county</a>', encoding="utf-8")
    links = ['b/', 'b/index.html#top', '#here', 'img.png?v=1', 'https://example.gov.cn/x', 'mailto:x@example.gov.cn',
             '../index.html',                                             # the portal: verified when it is made
             'missing/', 'b/nothing.html', '../../outside.html', '%E7%BC%BA.pdf']
    (site / "a" / "index.html").write_text("".join(f'<a href="{u}">{i}</a>' for i, u in enumerate(links)), encoding="utf-8")
    found = check_links(site)
    assert [f.message.split(" ")[0] + " " + f.message.split(" ")[1] for f in found] == [
        "网页中的链接 missing/", "网页中的链接 b/nothing.html", "网页中的链接 ../../outside.html", "网页中的链接 %E7%BC%BA.pdf"]


def test_heading_anchors_read_as_their_heading(project, gongshi):
    assert gongshi("build")[0] == 0
    page = project.file("site/jiange/subject/index.html").read_text(encoding="utf-8")
    assert '<h2 id="行政执法主体1个">行政执法主体（1个）' in page
    assert 'href="#行政执法主体1个"' in page   # the permalink a reader copies


def test_every_county_page_links_back_to_the_portal(project, gongshi):
    assert gongshi("build")[0] == 0
    site = project.file("site")
    for page in [site / "jiange/index.html", site / "jiange/subject/index.html", site / "shili/decisions/2025-001/index.html"]:
        html = page.read_text(encoding="utf-8")
        href = html.split('class="gs-footer__portal" href="', 1)[1].split('"', 1)[0]
        assert (page.parent / href).resolve() == (site / "index.html").resolve(), (page, href)


def test_a_county_without_its_address_is_warned_and_its_sitemap_lists_its_pages_with_one(project, gongshi):
    assert gongshi("build")[0] == 0
    sitemap = project.file("site/shili/sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.gov.cn/gongshi/shili/decisions/2025-001/</loc>" in sitemap
    project.edit("site_config/shili.yml", "site_url: https://example.gov.cn/gongshi/shili/\n", "")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 0
    assert ("site_config/shili.yml:1: W-SITE-URL-MISSING 站点配置没有写 site_url（本县网站发布后的正式网址）：站点地图 sitemap.xml 将是空的，"
            "搜索引擎也不知道各页的正式网址，检查任务和执法证核验页也没有二维码 — 请加一行 site_url: 本县网站的网址（以 / 结尾），"
            "如 site_url: https://www.example.gov.cn/gongshi/shili/") in lines


def test_the_404_page_works_at_any_address_and_says_why_a_record_may_be_gone(project, gongshi):
    from generator.verify.pages import read_page

    assert gongshi("build")[0] == 0
    html = project.file("site/shili/404.html").read_text(encoding="utf-8")
    parsed = read_page(html)
    assert parsed.fetched == []                                  # nothing whose relative address would break
    assert parsed.linked == ["https://example.gov.cn/gongshi/shili/", "https://example.gov.cn/gongshi/shili/../"]
    assert "被依法变更、撤销、确认违法或者确认无效的，会从网站上撤下" in html and "公示期届满" in html
    assert "示医保罚" not in html                                  # names no record
    project.edit("site_config/shili.yml", "site_url: https://example.gov.cn/gongshi/shili/\n", "")
    assert gongshi("build")[0] == 0
    assert read_page(project.file("site/shili/404.html").read_text(encoding="utf-8")).linked == []


def test_every_label_names_a_control_on_its_page(project, gongshi):
    from selectolax.lexbor import LexborHTMLParser

    assert gongshi("build")[0] == 0
    for path in sorted(project.file("site").rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        controls = {node.attributes.get("id") for node in tree.css("input, select, textarea, button")}
        for label in tree.css("label[for]"):
            assert label.attributes["for"] in controls, (path, label.attributes["for"])
