"""Plain text from YAML stays text once Markdown and HTML have had their turn."""

import markdown
import pytest

from generator.render.markdown_text import inline, link, paragraphs


def rendered(text: str) -> str:
    return markdown.markdown(paragraphs(text), extensions=["tables", "attr_list"])


@pytest.mark.parametrize("text, html", [
    ("<script>alert(1)</script>", "<p>&#60;script&#62;alert(1)&#60;/script&#62;</p>"),
    ("<img src=x onerror=alert(1)>", "<p>&#60;img src&#61;x onerror&#61;alert(1)&#62;</p>"),
    ("[点我](javascript:alert(1))", "<p>&#91;点我&#93;(javascript&#58;alert(1))</p>"),
    ("![图](http://evil.example.com/x.png)", "<p>&#33;&#91;图&#93;(http&#58;//evil.example.com/x.png)</p>"),
    ("!!! danger \"警告\"", "<p>&#33;&#33;&#33; danger &#34;警告&#34;</p>"),
    ("{{ 7*7 }}", "<p>&#123;&#123; 7&#42;7 &#125;&#125;</p>"),
    ("标题 { #id .cls }", "<p>标题 &#123; #id .cls &#125;</p>"),
    ("国办发[2005]37号", "<p>国办发&#91;2005&#93;37号</p>"),
    ("0839-6600429", "<p>0839-6600429</p>"),
])
def test_markup_becomes_character_references(text, html):
    assert rendered(text) == html


@pytest.mark.parametrize("text", ["# 不是标题", "- 不是列表", "+ 不是列表", "1. 不是列表", "2) 不是列表", "> 不是引用", "    不是代码"])
def test_line_starts_do_not_open_blocks(text):
    html = rendered(text)
    assert html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1


def test_a_lone_carriage_return_is_a_line_start_too():
    assert rendered("说明\r# 伪造标题\r    缩进") == "<p>说明</p>\n<p>&#35; 伪造标题</p>\n<p>缩进</p>"


def test_lines_become_paragraphs_or_breaks():
    assert rendered("第一行\n第二行") == "<p>第一行</p>\n<p>第二行</p>"
    assert inline("第一行\n\n第二行") == "第一行<br>第二行"


def test_only_http_links_are_links():
    assert link("政务网", "https://example.gov.cn/a?b=1&c=2") == \
        '<a href="https://example.gov.cn/a?b=1&amp;c=2" rel="noopener noreferrer">政务网</a>'
    assert "href" not in link("点我", "javascript:alert(1)")
