"""The built sample sites, served on localhost and read in headless Chromium, as the public reads them.

The browser (Debian `chromium` and `chromium-driver`), Java and the npm judges (`npm ci` in this
folder: axe-core, vnu-jar) are installed by `.ci/run`. On a machine without them these tests are
skipped, saying what is missing; with GONGSHI_BROWSER_TESTS=required (as `.ci/run` sets it) they
fail instead, so that CI can never pass them by skipping.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from generator.cli import main

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent.parent
TODAY = "2026-11-23"
NODE_MODULES = HERE / "node_modules"
SCREENSHOTS = PROJECT / "build" / "screenshots"
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")
DESKTOP, PHONE = (1280, 900), (390, 844)


def missing_tools() -> list[str]:
    """What the browser tests need and this machine lacks."""
    missing = [name for name in ("chromium", "chromedriver", "java") if shutil.which(name) is None]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    missing += [f"{name} (npm ci --prefix tests/browser)" for name in ("axe-core", "vnu-jar")
                if not (NODE_MODULES / name).is_dir()]
    return missing


def require_tools() -> None:
    missing = missing_tools()
    if not missing:
        return
    message = "browser tests need: " + ", ".join(missing)
    if os.environ.get("GONGSHI_BROWSER_TESTS") == "required":
        pytest.fail(message)
    pytest.skip(message)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):   # noqa: A002 - the signature is http.server's
        pass


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The sample repository built on the day its content was written for: OUT, the province site."""
    require_tools()
    root = tmp_path_factory.mktemp("repository")
    for name in ("content", "site_config"):
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["build", "--today", TODAY, "--out", "site"]) == 0
    finally:
        os.chdir(cwd)
    return (root / "site").resolve()


@pytest.fixture(scope="session")
def site_url(built) -> str:
    """The province site served over HTTP, under a sub-path as a government portal would put it."""
    root = built.parent / "served"
    root.mkdir(exist_ok=True)
    (root / "gongshi").unlink(missing_ok=True)
    (root / "gongshi").symlink_to(built, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/gongshi/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    require_tools()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={DESKTOP[0]},{DESKTOP[1]}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})   # failed loads and script errors, for the tests
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def at_width(driver, size: tuple[int, int]) -> None:
    """The viewport at `size` (CSS pixels), whatever the window's frame takes."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size == PHONE})


def screenshot(driver, name: str) -> Path:
    """The whole page as a person would look at it, saved to build/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = int(metrics["cssContentSize"]["height"])
    width = int(metrics["cssLayoutViewport"]["clientWidth"])
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                             "clip": {"x": 0, "y": 0, "width": width,
                                                                      "height": min(height, 6000), "scale": 1}})
    import base64
    path.write_bytes(base64.b64decode(shot["data"]))
    return path
