"""Every kind of page, opened as the public opens it, at desktop and phone width: it loads whole
(nothing it asks for is missing, no script fails), fits the screen, and is saved as a screenshot."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest

from .conftest import DESKTOP, PHONE, _QuietHandler, at_width, screenshot

PAGES = {
    "portal": "index.html",
    "county-home": "shili/",
    "list-officers": "shili/officers/",
    "list-powers": "shili/powers/",
    "results": "shili/results/",
    "decision": "shili/decisions/2025-001/",
    "withdrawal-notice": "shili/decisions/2026-002/",
    "remedies": "shili/remedies/",
    "search": "shili/search/?q=%E5%88%86%E8%A7%A3%E4%BD%8F%E9%99%A2",
    "inspection-plan": "shili/inspections/plans/2026/",
    "inspection-task": "shili/inspections/tasks/2026-02/",
    "inspection-task-sheet": "shili/inspections/tasks/2026-02/sheet/",
    "certificate-valid": "shili/officers/zhang-shili/",
    "certificate-revoked": "shili/officers/sun-jiashe/",
}


def failures(browser) -> list[str]:
    """What the page asked for and did not get, and what its scripts threw."""
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    return [e for e in errors if "favicon" not in e or "404" not in e]


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_loads_whole_and_fits_the_screen(browser, site_url, name, size):
    at_width(browser, size)
    try:
        browser.get_log("browser")   # what earlier pages left
        browser.get(site_url + PAGES[name])
        browser.execute_script("return new Promise(r => setTimeout(r, 300))")
        assert failures(browser) == []
        overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{name} is {overflow}px wider than the screen"
        assert browser.execute_script("return document.documentElement.lang").startswith("zh")
        screenshot(browser, f"{name}-{'desktop' if size == DESKTOP else 'phone'}")
    finally:
        at_width(browser, DESKTOP)


class _NotFoundLikeAServer(_QuietHandler):
    """A web server set up as the README says: an address under a county that is not there gets
    the county's 404.html, at that address, with status 404 (nginx: error_page 404 …/404.html)."""

    def send_error(self, code, message=None, explain=None):
        county = self.path.lstrip("/").split("/")[0]
        page = Path(self.directory) / county / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_an_address_that_is_gone_explains_why_at_any_depth(browser, built, size):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundLikeAServer, directory=str(built)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    at_width(browser, size)
    try:
        for address in ("shili/no-such-page/", "shili/decisions/2025-003/"):   # a typo; a decision whose period ended
            browser.get_log("browser")
            browser.get(f"http://127.0.0.1:{server.server_address[1]}/{address}")
            text = browser.find_element("tag name", "main").text
            assert "您要找的页面不在本网站上" in text and "公示期届满" in text
            assert "示医保罚" not in browser.page_source                   # it names no decision
            links = browser.execute_script("return Array.from(document.links).map(a => a.href)")
            assert links == ["https://example.gov.cn/gongshi/shili/", "https://example.gov.cn/gongshi/"]
            assert [e for e in failures(browser) if "404" not in e or "favicon" in e] == []   # the page itself is the 404
            fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            assert [url for url in fetched if not url.endswith("/favicon.ico")] == []   # loads nothing (but what the browser asks by itself)
        screenshot(browser, f"404-{'desktop' if size == DESKTOP else 'phone'}")
    finally:
        server.shutdown()
        at_width(browser, DESKTOP)
