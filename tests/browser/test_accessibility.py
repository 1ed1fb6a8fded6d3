"""Accessibility of the built sample site, judged as the public meets it: in Chromium, by axe-core
and the W3C Nu checker, with the keyboard, and with the 适老模式 toolbar's choices on
(《互联网网站适老化通用设计规范》; WCAG 2.1 AA).

One page of every kind a county site has (the portal, the county home, the ten sections, a
decision, a withdrawal notice and the 404 page) is judged at a desktop and a phone width.
"""

from __future__ import annotations

import json
import subprocess
from urllib.parse import quote

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from generator.render.sections import SECTIONS

from .conftest import DESKTOP, NODE_MODULES, PHONE, at_width, screenshot

COUNTY = "shili"
PAGES = {
    "portal": "index.html",
    "home": f"{COUNTY}/",
    **{s.page.removesuffix(".md"): f"{COUNTY}/{s.page.removesuffix('.md')}/" for s in SECTIONS},
    "decision": f"{COUNTY}/decisions/2026-003/",            # made again in place of 2026-002
    "withdrawal": f"{COUNTY}/decisions/2026-002/",          # the notice in place of a revoked decision
    "404": f"{COUNTY}/404.html",
    "data": f"{COUNTY}/data/",                              # the open-data downloads and dictionary
    "plan": f"{COUNTY}/inspections/plans/2026/",            # a plan, its draws and their inputs, its tasks
    "task": f"{COUNTY}/inspections/tasks/2026-02/",         # a task: QR code, inspectors, result
    "task-sheet": f"{COUNTY}/inspections/tasks/2026-02/sheet/",   # the A4 sheet shown at the door
    "certificate": f"{COUNTY}/officers/sun-jiashe/",        # a revoked certificate's check page
    "search": f"{COUNTY}/search/?q=%E5%88%86%E8%A7%A3%E4%BD%8F%E9%99%A2",   # results for 分解住院
    "portal-search": "index.html?q=%E5%A4%A7%E8%8D%AF%E6%88%BF",         # results for 大药房 across counties
}
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SETTINGS_KEY = "gongshi.a11y"   # where gongshi-a11y.js keeps the reader's choices
MODES = {
    "standard": None,
    "large": {"text": "large"},
    "xlarge-contrast": {"text": "xlarge", "contrast": True},
    "contrast": {"contrast": True},
}
SIZES = {"desktop": DESKTOP, "phone": PHONE}
TOOLBAR = ["标准", "大", "特大", "高对比度", "大鼠标"]
SPEECH = ["朗读", "停止"]


@pytest.fixture
def reader(browser):
    """The browser, its stored choices forgotten before and after the test."""
    browser.get("about:blank")
    yield browser
    browser.execute_script("try { localStorage.clear() } catch (e) {}")


def visit(browser, url: str, settings: dict | None = None) -> None:
    """Open `url` as a reader who chose `settings` on an earlier page (none: the standard view)."""
    browser.get(url)
    browser.execute_script("localStorage.clear();" if settings is None else
                           f"localStorage.setItem('{SETTINGS_KEY}', arguments[0]);", json.dumps(settings))
    browser.get(url)
    if "?q=" in url:   # a search: judged once its results are listed
        WebDriverWait(browser, 20).until(lambda d: d.execute_script(
            "var s = document.querySelector('[data-gs-status]'); return s && s.textContent && s.textContent.indexOf('正在') < 0"))


def axe(browser, options: dict) -> list[dict]:
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    return browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, arguments[0])
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
              nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' '))}))))
          .catch(e => done([{id: 'axe failed', impact: 'critical', nodes: [String(e)]}]));
    """, options)


def described(name: str, page: str, violation: dict) -> str:
    return f"{name} ({page}): {violation['id']} [{violation['impact']}]\n    " + "\n    ".join(violation["nodes"][:5])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("size", SIZES)
def test_axe_finds_nothing_serious_on_any_kind_of_page(reader, site_url, size, mode):
    at_width(reader, SIZES[size])
    found = []
    for name, page in PAGES.items():
        visit(reader, site_url + page, MODES[mode])
        found += [described(name, page, v) for v in axe(reader, {"runOnly": {"type": "tag", "values": AXE_TAGS}})
                  if v["impact"] in ("serious", "critical")]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
def test_high_contrast_reaches_seven_to_one(reader, site_url, size):
    """高对比度: every text at least 7:1 (WCAG 1.4.6, axe's color-contrast-enhanced)."""
    at_width(reader, SIZES[size])
    found = []
    for name in ("home", "remedies", "officers", "results", "decision", "withdrawal"):
        visit(reader, site_url + PAGES[name], MODES["contrast"])
        found += [described(name, PAGES[name], v) for v in axe(reader, {"runOnly": ["color-contrast-enhanced"]})]
    assert not found, "\n".join(found)


def test_every_kind_of_page_is_valid_html(built):
    pages = dict.fromkeys(page.split("?")[0] for page in PAGES.values())   # the files: a query changes no byte of them
    files = [built / (page + "index.html" if page.endswith("/") else page) for page in pages]
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].split(str(built))[-1]}:{m.get('lastLine', '?')}: {m['message']}" for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, "\n".join(errors)


def _focused(browser) -> str:
    """The focused element, as the test names it: the skip link, the search field, or a button's text."""
    return browser.execute_script("""
        const e = document.activeElement;
        if (e.classList.contains('md-skip')) return 'skip link';
        if (e.id === 'gs-q') return 'search field';
        return (e.textContent || '').replace(/[\\s✓]+/g, ' ').trim() || e.tagName;
    """)


def _outline(browser) -> float:
    return browser.execute_script("""
        const style = getComputedStyle(document.activeElement);
        return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
    """)


def _root_font_px(browser) -> float:
    return browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")


def _speech_shown(browser) -> bool:
    return browser.find_element(By.CSS_SELECTOR, "[data-gs-speech]").is_displayed()


def test_the_keyboard_reaches_the_skip_link_the_search_field_and_the_toolbar_in_order(reader, site_url):
    at_width(reader, DESKTOP)
    visit(reader, site_url + PAGES["home"])
    expected = ["skip link", "search field", *TOOLBAR, *(SPEECH if _speech_shown(reader) else [])]
    order, outlines = [], {}
    for _ in range(25):
        ActionChains(reader).send_keys(Keys.TAB).perform()
        order.append(_focused(reader))
        outlines[order[-1]] = _outline(reader)
        if order[-1] == expected[-1]:
            break
    assert order[0] == "skip link", order
    assert [name for name in order if name in expected] == expected, order
    thin = {name: width for name, width in outlines.items() if width < 2}
    assert not thin, f"focus outline under 2px: {thin}"


def test_enter_on_large_enlarges_the_text_and_the_choice_holds_on_the_next_page_from_its_first_paint(reader, site_url):
    at_width(reader, DESKTOP)
    visit(reader, site_url + PAGES["home"])
    standard = _root_font_px(reader)
    large = reader.find_element(By.CSS_SELECTOR, '[data-gs-text="large"]')
    for _ in range(25):   # by the keyboard alone
        ActionChains(reader).send_keys(Keys.TAB).perform()
        if reader.switch_to.active_element == large:
            break
    assert reader.switch_to.active_element == large
    ActionChains(reader).send_keys(Keys.ENTER).perform()
    assert _root_font_px(reader) == pytest.approx(standard * 1.125)
    assert large.get_attribute("aria-pressed") == "true"
    assert reader.find_element(By.CSS_SELECTOR, '[data-gs-text="standard"]').get_attribute("aria-pressed") == "false"
    body_text = reader.execute_script("return parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert body_text >= 18

    # The next page: the head's inline script has applied the choice as <body> begins, before
    # anything of the page is drawn: the toolbar's own script has not run yet (its 大 button is not
    # parsed yet or still says what the HTML says).
    watch = reader.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        new MutationObserver(function (records, observer) {
          if (document.body) {
            const large = document.querySelector('[data-gs-text="large"]');
            window.__atBody = {classes: document.documentElement.className,
                               pressed: large && large.getAttribute('aria-pressed')};
            observer.disconnect();
          }
        }).observe(document, {childList: true, subtree: true});
    """})
    try:
        reader.get(site_url + PAGES["subject"])
        at_body = reader.execute_script("return window.__atBody")
    finally:
        reader.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": watch["identifier"]})
    assert "gs-text-large" in at_body["classes"].split() and at_body["pressed"] in (None, "false"), at_body
    assert _root_font_px(reader) == pytest.approx(standard * 1.125)
    assert reader.find_element(By.CSS_SELECTOR, '[data-gs-text="large"]').get_attribute("aria-pressed") == "true"


def test_each_toolbar_choice_changes_the_page_and_says_so(reader, site_url):
    at_width(reader, DESKTOP)
    visit(reader, site_url + PAGES["decision"])
    standard = _root_font_px(reader)

    def press(selector):
        button = reader.find_element(By.CSS_SELECTOR, selector)
        button.click()
        return button.get_attribute("aria-pressed")

    assert press('[data-gs-text="xlarge"]') == "true"
    assert _root_font_px(reader) == pytest.approx(standard * 1.5)
    assert press('[data-gs-toggle="contrast"]') == "true"
    colours = reader.execute_script("const s = getComputedStyle(document.body); return [s.color, s.backgroundColor]")
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    assert press('[data-gs-toggle="cursor"]') == "true"
    assert "cursor-arrow.svg" in reader.execute_script("return getComputedStyle(document.body).cursor")
    assert json.loads(reader.execute_script(f"return localStorage.getItem('{SETTINGS_KEY}')")) == \
        {"text": "xlarge", "contrast": True, "cursor": True}
    assert press('[data-gs-toggle="contrast"]') == "false"
    assert press('[data-gs-text="standard"]') == "true"
    assert _root_font_px(reader) == pytest.approx(standard)


def test_body_text_keeps_a_line_height_of_at_least_one_and_a_half(reader, site_url):
    at_width(reader, PHONE)
    for mode in ("standard", "xlarge-contrast"):
        for name in ("home", "remedies", "decision"):
            visit(reader, site_url + PAGES[name], MODES[mode])
            ratios = reader.execute_script("""
                return [...document.querySelectorAll('.md-content__inner p, .md-content__inner li')].map(e => {
                  const s = getComputedStyle(e); return parseFloat(s.lineHeight) / parseFloat(s.fontSize); });
            """)
            assert ratios and min(ratios) >= 1.5, (mode, name, min(ratios))


def test_the_page_reflows_at_320_pixels_with_the_largest_text(reader, site_url):
    """WCAG 1.4.10: nothing but a table's own scrolling box is wider than a 320px screen."""
    at_width(reader, (320, 640))
    for name in ("home", "remedies", "officers", "inspections", "decision", "withdrawal", "results"):
        visit(reader, site_url + PAGES[name], MODES["xlarge-contrast"])
        wide = reader.execute_script("""
            const width = document.documentElement.clientWidth;
            return [...document.body.querySelectorAll('*')].filter(e => {
              if (e.closest('.md-typeset__scrollwrap, .gs-table, .md-sidebar, [hidden]')) return false;
              const box = e.getBoundingClientRect();
              return box.width > 0 && box.right > width + 1 && getComputedStyle(e).visibility !== 'hidden';
            }).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        """)
        assert not wide, (name, wide[:5])


def test_a_single_key_does_not_take_the_reader_to_another_page(reader, site_url):
    """WCAG 2.1.4: Material's shortcuts p , n . (previous and next page) are switched off."""
    at_width(reader, DESKTOP)
    visit(reader, site_url + PAGES["remedies"])
    for key in ("n", ".", "p", ","):
        ActionChains(reader).send_keys(key).perform()
        reader.execute_async_script("const done = arguments[arguments.length - 1]; setTimeout(done, 300)")
        assert reader.current_url == site_url + PAGES["remedies"], key
    field = reader.find_element(By.ID, "gs-q")   # and the keys still type where typing is
    field.send_keys("n.p,")
    assert field.get_attribute("value") == "n.p,"


def test_the_search_form_sends_the_words_to_the_search_page(reader, site_url):
    at_width(reader, DESKTOP)
    visit(reader, site_url + PAGES["remedies"])
    field = reader.find_element(By.ID, "gs-q")
    assert field.get_attribute("type") == "search" and field.get_attribute("name") == "q"
    assert reader.find_element(By.CSS_SELECTOR, 'label[for="gs-q"]').get_attribute("textContent") == "搜索本站"
    field.send_keys("罚款", Keys.ENTER)
    expected = f"{site_url}{COUNTY}/search/?q={quote('罚款')}"
    WebDriverWait(reader, 10).until(lambda browser: browser.current_url == expected)


def test_on_a_phone_the_search_button_opens_the_field_and_escape_closes_it(reader, site_url):
    at_width(reader, PHONE)
    visit(reader, site_url + PAGES["home"])
    toggle = reader.find_element(By.CSS_SELECTOR, ".gs-search-toggle")
    field = reader.find_element(By.ID, "gs-q")
    assert toggle.is_displayed() and not field.is_displayed()
    assert toggle.get_attribute("aria-expanded") == "false"
    for _ in range(10):
        ActionChains(reader).send_keys(Keys.TAB).perform()
        if reader.switch_to.active_element == toggle:
            break
    ActionChains(reader).send_keys(Keys.ENTER).perform()
    assert toggle.get_attribute("aria-expanded") == "true" and field.is_displayed()
    assert reader.switch_to.active_element == field
    ActionChains(reader).send_keys(Keys.ESCAPE).perform()
    assert toggle.get_attribute("aria-expanded") == "false" and not field.is_displayed()
    assert reader.switch_to.active_element == toggle


FAKE_SPEECH = """
    window.__spoken = []; window.__cancelled = 0;
    const fake = {
      speaking: false, pending: false, paused: false,
      getVoices() { return [{lang: 'zh-CN', name: 'test'}]; },
      speak(u) { window.__spoken.push(u.text); if (u.onstart) u.onstart(); },
      cancel() { window.__cancelled += 1; }, pause() {}, resume() {},
      addEventListener() {}, removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', {configurable: true, get: () => fake});
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""
NO_SPEECH = "Object.defineProperty(window, 'speechSynthesis', {configurable: true, get: () => undefined});"


def _with_script(browser, source: str, url: str) -> None:
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": source})
    try:
        browser.get(url)
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def test_read_aloud_reads_the_article_and_stop_stops(reader, site_url):
    at_width(reader, DESKTOP)
    _with_script(reader, FAKE_SPEECH, site_url + PAGES["decision"])
    assert _speech_shown(reader)
    reader.find_element(By.CSS_SELECTOR, '[data-gs-speak="start"]').click()
    spoken = reader.execute_script("return window.__spoken")
    text = "\n".join(spoken)
    assert spoken[0] == "示医保罚〔2026〕4号"                       # the page's heading first
    assert "决定书文号，示医保罚〔2026〕4号" in spoken and "主要违法事实" in spoken
    assert "¶" not in text and "一、行政执法主体" not in text and "适老模式" not in text   # the article only
    assert max(len(piece) for piece in spoken) <= 120
    assert reader.find_elements(By.CSS_SELECTOR, ".md-content__inner .gs-reading")
    stop = reader.find_element(By.CSS_SELECTOR, ".gs-a11y__float-stop")   # in sight wherever the reading went
    assert stop.is_displayed()
    stop.click()
    assert reader.execute_script("return window.__cancelled") >= 2
    assert not reader.find_elements(By.CSS_SELECTOR, ".gs-reading") and not stop.is_displayed()


def test_read_aloud_is_hidden_where_the_browser_cannot_speak(reader, site_url):
    at_width(reader, DESKTOP)
    _with_script(reader, NO_SPEECH, site_url + PAGES["decision"])
    assert not _speech_shown(reader)
    assert reader.find_element(By.CSS_SELECTOR, '[data-gs-text="large"]').is_displayed()


@pytest.mark.parametrize("mode", ["standard", "xlarge-contrast"])
@pytest.mark.parametrize("size", SIZES)
def test_screenshots_with_the_toolbar(reader, site_url, size, mode):
    """For a person to look at (build/screenshots/): the county home, a decision and the remedies page."""
    at_width(reader, SIZES[size])
    for name in ("home", "decision", "remedies"):
        visit(reader, site_url + PAGES[name], MODES[mode])
        assert reader.find_element(By.CSS_SELECTOR, ".gs-a11y").is_displayed()
        assert screenshot(reader, f"{name}-{size}-{mode}").stat().st_size > 0
