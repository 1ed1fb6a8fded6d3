"""A decision page printed on A4 (gongshi.css, @media print): the decision alone, black on white,
with the site's name and the page's address at the top; no header, navigation, toolbar, search or
footer."""

from __future__ import annotations

import base64
import io
import json

import pytest
from pypdf import PdfReader

from .conftest import DESKTOP, at_width

A4_POINTS = (595.28, 841.89)
DECISION = "shili/decisions/2026-003/"
NAVIGATION = ["一、行政执法主体", "十、行政执法三项制度方案", "首页", "目录", "适老模式", "高对比度", "朗读", "搜索本站",
              "返回全部执法主体的公示网站", "上一页", "下一页"]


def printed(browser, url: str, settings: dict | None = None) -> PdfReader:
    from selenium.webdriver.common.print_page_options import PrintOptions

    at_width(browser, DESKTOP)
    browser.get(url)
    browser.execute_script("localStorage.clear();" if settings is None else
                           "localStorage.setItem('gongshi.a11y', arguments[0]);", json.dumps(settings))
    browser.get(url)
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    try:
        return PdfReader(io.BytesIO(base64.b64decode(browser.print_page(options))))
    finally:
        browser.execute_script("localStorage.clear()")


@pytest.mark.parametrize("settings", [None, {"text": "xlarge", "contrast": True}], ids=["standard", "xlarge-contrast"])
def test_a_decision_prints_on_a4_without_the_site_around_it(browser, site_url, settings):
    pdf = printed(browser, site_url + DECISION, settings)
    for number, page in enumerate(pdf.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) <= 1 and abs(height - A4_POINTS[1]) <= 1, (number, width, height)
    text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "示医保罚〔2026〕4号" in text and "主要违法事实" in text and "处理结果" in text
    assert "示例县医疗保障局行政执法公示" in text.split("\n")[0]                 # the site's name at the top
    assert "https://example.gov.cn/gongshi/shili/decisions/2026-003/" in text   # and where the page is
    shown = [label for label in NAVIGATION if label in text]
    assert not shown, shown
    assert "¶" not in text and "(http" not in text                              # no permalinks, no addresses written out
    # a decision of this size fits on one or two sheets, at a readable size, whatever the screen's text size
    assert len(pdf.pages) <= 2


def test_printing_is_black_on_white_even_in_high_contrast(browser, site_url):
    from selenium.webdriver.common.by import By

    at_width(browser, DESKTOP)
    browser.get(site_url + DECISION)
    browser.execute_script("localStorage.setItem('gongshi.a11y', JSON.stringify({contrast: true}))")
    browser.get(site_url + DECISION)
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        article = browser.find_element(By.CSS_SELECTOR, ".md-content__inner")
        colours = browser.execute_script("""return [getComputedStyle(arguments[0]).color,
            getComputedStyle(document.body).backgroundColor, getComputedStyle(arguments[0]).backgroundColor]""", article)
        others = browser.execute_script("""return ['a', 'h1', 'h2', 'th', '.admonition-title']
            .map(s => getComputedStyle(document.querySelector('.md-content__inner ' + s)).color)""")
        hidden = browser.execute_script("""return ['.md-header', '.gs-a11y', '.md-sidebar--primary', '.md-footer', '.gs-search']
            .filter(s => document.querySelector(s) && getComputedStyle(document.querySelector(s)).display !== 'none')""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.execute_script("localStorage.clear()")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"]   # black on the white page
    assert set(others) == {"rgb(0, 0, 0)"}, others
    assert hidden == []


def test_a_task_sheet_prints_on_one_a4_page_with_its_code_and_the_certificate_numbers(browser, site_url):
    from selenium.webdriver.common.by import By

    pdf = printed(browser, site_url + "shili/inspections/tasks/2026-02/sheet/")
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "入企检查告知单" in text and "示例县康宁药房有限公司" in text
    assert "SL-2024-0003" in text and "SL-2024-0001" in text                    # 王样本 and 张示例
    assert "https://example.gov.cn/gongshi/shili/inspections/tasks/2026-02/" in text
    shown = [label for label in NAVIGATION + ["返回检查任务页"] if label in text]
    assert not shown, shown
    code = browser.find_element(By.CSS_SELECTOR, ".gs-qr img")
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", code)
