"""`gongshi build` on the sample counties: what a visitor, a supervisor and CI would check."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.render.search_index import term_file

from .test_search_index import page_addresses
from generator.verify.outside_hosts import verify_site


SECTION_PAGES = ["subject", "officers", "powers", "legal-review", "remedies", "discretion",
                 "inspections", "documents", "results", "three-systems"]


@pytest.fixture
def site(sample_site) -> Path:
    return sample_site


def text_of(page: Path) -> str:
    """The visible text of a page, roughly: tags dropped, entities decoded, spaces squeezed."""
    body = page.read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def page(site: Path, county: str, name: str) -> str:
    return text_of(site / county / name / "index.html")


def test_each_county_gets_a_site_and_the_portal_links_them(site):
    for county in ("jiange", "shili"):
        assert (site / county / "index.html").is_file()
        for name in SECTION_PAGES:
            assert (site / county / name / "index.html").is_file(), name
    portal = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="jiange/"' in portal and 'href="shili/"' in portal
    assert "剑阁县医疗保障局" in portal and "示例县医疗保障局" in portal


def test_jiange_shows_the_ten_sections_with_the_seed_facts(site):
    home = page(site, "jiange", ".")
    for heading in ["一、行政执法主体", "二、行政执法人员清单", "三、行政执法权力、责任清单", "四、重大执法决定法制审核目录清单",
                    "五、救济渠道与行政执法责任制", "六、行政执法自由裁量基准", "七、双随机抽查事项清单",
                    "八、行政执法文书样式与案卷评查制度", "九、执法结果与年度数据", "十、行政执法三项制度方案"]:
        assert heading in home
    subject = page(site, "jiange", "subject")
    for fact in ["四川省广元市剑阁县下寺镇南华街25号", "628300", "0839-6600429", "基金监管股", "罗冬云", "0839-6603053",
                 "建立健全医疗保障信用评价体系"]:
        assert fact in subject
    assert "暂无人员取得行政执法证" in page(site, "jiange", "officers")
    powers = page(site, "jiange", "powers")
    assert "http://gys.sczwfw.gov.cn/app/index?flag=2&areaCode=510800000000" in \
        html.unescape((site / "jiange/powers/index.html").read_text(encoding="utf-8"))
    assert "对个人造成医保基金损失行为的处罚" in powers
    review = page(site, "jiange", "legal-review")
    assert "（一）对定点医药机构造成医保基金损失行为的处罚" in review
    assert "处骗取金额2倍以上5倍以下的罚款" in review
    remedies = page(site, "jiange", "remedies")
    for fact in ["广元市利州区万缘新区翠云路199号", "0839-3260403", "剑阁县司法局行政复议与应诉股", "0839-5208080",
                 "广元市剑阁县下寺镇修城园区剑门大道16号", "剑阁县司法局行政执法协调监督股", "国办发[2005]37号",
                 "川办发[2005]36号", "川府法[2005]24号", "事业单位工作人员处分暂行规定"]:
        assert fact in remedies
    assert "四川省人民政府令第278号" in page(site, "jiange", "discretion")
    inspections = page(site, "jiange", "inspections")
    assert "2021年双随机抽查事项" in inspections and "虚构医药服务项目" in inspections and "随机抽查" in inspections
    documents = page(site, "jiange", "documents")
    assert "DB51/T-2020" in documents and "广司发〔2011〕86号" in documents
    assert "均无上年度双随机抽查结果" in page(site, "jiange", "results")
    plan = page(site, "jiange", "three-systems")
    assert "比照执行《四川省行政执法公示办法》" in plan and "强化督导检查和问责力度" in plan


def test_only_officers_with_a_valid_certificate_are_listed(site):
    officers = page(site, "shili", "officers")
    assert "共有 5 名行政执法人员" in officers
    for current in ["张示例", "李示范", "王样本", "赵演示", "陈虚构"]:
        assert current in officers
    assert "刘模拟" not in officers   # certificate expired 2025-12-31
    assert "孙假设" not in officers   # certificate cancelled (注销)


def test_footer_shows_what_site_config_sets(site):
    shili = page(site, "shili", ".")
    for text in ["主办单位：示例县医疗保障局（示例）", "网站标识码：0000000000", "示ICP备00000000号", "示公网安备", "数据更新日期："]:
        assert text in shili
    jiange = page(site, "jiange", ".")
    assert "主办单位：剑阁县医疗保障局" in jiange
    assert "网站标识码" not in jiange and "ICP备" not in jiange   # not set for Jiange: not shown


def test_nothing_is_loaded_from_another_host_and_nothing_is_root_absolute(site):
    assert verify_site(site) == []
    fetched = re.compile(r"""(?:\bsrc\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)(?:https?:)?//""", re.I)
    stylesheet = re.compile(r"""<link\b[^>]*rel=["']?stylesheet[^>]*href=["']?(?:https?:)?//""", re.I)
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            assert not fetched.search(text), path
            assert not stylesheet.search(text), path
            assert not re.search(r"""\b(?:src|href)=["']/(?!/)""", text), path


def test_no_page_carries_autocomplete_on_a_checkbox(site):
    """Material writes autocomplete="off" on its two toggle checkboxes, where HTML does not allow it
    (the W3C Nu checker); gongshi's MkDocs hook takes it off them, and they are still there."""
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        for tag in re.findall(r"<input\b[^>]*>", path.read_text(encoding="utf-8")):
            assert not ('type="checkbox"' in tag and "autocomplete" in tag), (path, tag)
    home = (site / "shili/index.html").read_text(encoding="utf-8")
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in home


def test_every_county_page_has_the_search_form_and_the_accessibility_toolbar(site):
    for name, search in [("index.html", "search/"), ("remedies/index.html", "../search/"),
                         ("decisions/2025-001/index.html", "../../search/")]:
        html_text = (site / "shili" / name).read_text(encoding="utf-8")
        assert f'<form class="gs-search" id="gs-search" role="search" action="{search}" method="get">' in html_text, name
        assert '<label class="gs-search__label" for="gs-q">搜索本站</label>' in html_text
        assert '<input class="gs-search__input" type="search" name="q" id="gs-q"' in html_text
        assert '<button class="gs-search__button" type="submit">搜索</button>' in html_text
        assert 'class="md-search"' not in html_text                       # no Material search dialog
        assert '<section class="gs-a11y" aria-label="适老模式和无障碍设置">' in html_text
        assert html_text.count('aria-pressed="') == 5                    # 标准 大 特大 高对比度 大鼠标
        assert re.search(r'<script src="(\.\./)*assets/javascripts/gongshi-a11y\.js"></script>', html_text)
    assert "gs-a11y" not in (site / "shili/404.html").read_text(encoding="utf-8")   # the 404 page loads nothing


def test_each_remedy_office_shows_its_name_address_and_phone_on_lines_of_their_own(site):
    remedies = (site / "shili/remedies/index.html").read_text(encoding="utf-8")
    assert ('<p class="gs-office"><strong>复议机关一：示例县人民政府</strong><br>\n'
            '地址：示例省示例市示例县人民路2号<br>\n'
            '电话：<a href="tel:00002345678">0000-2345678</a></p>') in remedies
    court = (site / "jiange/remedies/index.html").read_text(encoding="utf-8")   # an office without a phone
    assert ('<p class="gs-office"><strong>人民法院：剑阁县人民法院</strong><br>\n'
            '地址：广元市剑阁县下寺镇修城园区剑门大道16号</p>') in court


def test_verify_catches_outside_resources(tmp_path):
    (tmp_path / "a.html").write_text('<link rel="stylesheet" href="https://cdn.example.com/x.css">'
                                     '<img src="//img.example.com/a.png"><a href="https://ok.example.com/">ok</a>'
                                     '<div style="background:url(http://x.example.com/b.png)"></div>', encoding="utf-8")
    (tmp_path / "b.css").write_text('@import "https://fonts.example.com/f.css"; .x{background:url(img/ok.png)}',
                                    encoding="utf-8")
    codes = [(Path(f.path).name, f.code, f.message) for f in verify_site(tmp_path)]
    assert codes == [
        ("a.html", "E-VERIFY-OUTSIDE-HOST", "网页从外部网站加载资源 https://cdn.example.com/x.css"),
        ("a.html", "E-VERIFY-OUTSIDE-HOST", "网页从外部网站加载资源 //img.example.com/a.png"),
        ("a.html", "E-VERIFY-OUTSIDE-HOST", "网页从外部网站加载资源 http://x.example.com/b.png"),
        ("b.css", "E-VERIFY-OUTSIDE-HOST", "网页从外部网站加载资源 https://fonts.example.com/f.css"),
    ]


def test_search_index_finds_a_name_on_the_page_that_shows_it(site):
    folder = site / "jiange" / "search"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    subject = page_addresses(folder).index("subject/")
    postings = json.loads((folder / "t" / f"{term_file('罗冬', meta['files'])}.json").read_text(encoding="utf-8"))["罗冬"]
    assert subject in postings[::2]                # the term 罗冬 leads to the subject page
    shown = json.loads((folder / "p" / "subject.json").read_text(encoding="utf-8"))
    assert shown["title"] == "一、行政执法主体" and "罗冬云" in shown["text"]


def test_verify_names_files_where_they_will_be_published(tmp_path):
    staging = tmp_path / ".site.staging-x"
    (staging / "shili").mkdir(parents=True)
    (staging / "shili" / "index.html").write_text('<a href="/zwgk/">门户</a>', encoding="utf-8")
    [found] = verify_site(staging, published_as=tmp_path / "site")
    assert found.path == str(tmp_path / "site" / "shili" / "index.html")
    assert found.code == "E-VERIFY-ROOT-PATH"


def test_a_long_list_of_decisions_is_split_into_pages_of_the_same_size(project, gongshi):
    template = project.file("content/shili/decisions/2025-001.yml").read_text(encoding="utf-8").split("history:")[0]
    for n in range(10, 55):   # 45 more: 48 published in all
        project.write(f"content/shili/decisions/2025-0{n}.yml",
                      template.replace("示医保罚〔2025〕1号", f"示医保罚〔2025〕{n}号")
                      .replace("示例县某某大药房有限公司", f"示例县第{n}号大药房有限公司"))
    assert gongshi("build", "--county", "shili", "--out", "site", "--jobs", "1")[0] == 0
    results = project.file("site/shili/results")
    pages = [results / "index.html", results / "page-2/index.html", results / "page-3/index.html"]
    listed = [re.findall(r"示医保罚〔20\d\d〕\d+号", text_of(p)) for p in pages]
    assert [len(set(cases)) for cases in listed] == [20, 20, 8]
    assert len(set().union(*map(set, listed))) == 48 and not (results / "page-4").exists()
    assert "第 2 页，共 3 页" in text_of(pages[1])
    links = re.findall(r'href="([^"]+)"', pages[1].read_text(encoding="utf-8"))
    assert "../page-3/" in links and "../" in links
