"""`gongshi serve`: one county's site, built into a temporary folder and served on this computer,
built again whenever a file of the county, the site configuration or mkdocs.yml changes.

The findings of the last build are shown on every served page (a banner at the top) as well as in
the terminal, so that a clerk sees the effect of an edit and what is wrong with it side by side.
The build is the real one (build.build, the county alone): a record held back is missing from the
preview as it would be from the published site. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import html
import shutil
import tempfile
import threading
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from .build import build
from .codes import finding
from .errors import BuildRefused
from .findings import summary
from .load.county import discover_counties
from .load.repository import SHARED_CONFIG

LOCALHOST = "127.0.0.1"
POLL_SECONDS = 1.0
BANNER_ID = "gongshi-preview"


class Preview:
    """One county built into a temporary folder and served on LOCALHOST."""

    def __init__(self, content_dir: Path, config_dir: Path, county: str, today: date, port: int = 8000):
        self.content_dir, self.config_dir, self.county, self.today, self.port = content_dir, config_dir, county, today, port
        self.folder: Path | None = None
        self.findings: list = []
        self._server: ThreadingHTTPServer | None = None
        self._seen: dict = {}

    @property
    def out(self) -> Path:
        return self.folder / "site"

    @property
    def url(self) -> str:
        return f"http://{LOCALHOST}:{self.port}/{self.county}/"

    def start(self) -> list:
        """Build once and start serving; the findings that stop it from starting, if any."""
        known, _ = discover_counties(self.content_dir)
        if self.county not in known:
            return [finding("E-COUNTY-UNKNOWN", str(self.content_dir), None, county=self.county, known="、".join(known) or "（没有）")]
        handler = partial(_PreviewHandler, self)
        try:
            self._server = ThreadingHTTPServer((LOCALHOST, self.port), handler)
        except OSError as exc:
            return [finding("E-PREVIEW-PORT", f"{LOCALHOST}:{self.port}", None, port=self.port, detail=exc.strerror or exc)]
        self.port = self._server.server_address[1]   # --port 0: the free port the system gave
        self.folder = Path(tempfile.mkdtemp(prefix="gongshi-serve-"))
        self._seen = self._snapshot()
        self.rebuild()
        threading.Thread(target=self._server.serve_forever, name="gongshi-serve", daemon=True).start()
        return []

    def rebuild(self) -> None:
        try:
            self.findings = build(self.content_dir, self.config_dir, self.out, self.today, [self.county]).findings
        except BuildRefused as refused:   # a repository error: the previous preview stays, with the reason above it
            self.findings = refused.findings

    def rebuild_if_changed(self) -> bool:
        seen = self._snapshot()
        if seen == self._seen:
            return False
        self._seen = seen
        self.rebuild()
        return True

    def watch(self, stop: threading.Event, show: Callable[[list], None]) -> None:
        """Poll for changes every POLL_SECONDS until `stop` is set; `show` the findings of each rebuild."""
        while not stop.wait(POLL_SECONDS):
            if self.rebuild_if_changed():
                show(self.findings)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def _snapshot(self) -> dict:
        """Each watched file with its modification time and size: any edit, addition or removal differs."""
        roots = [self.content_dir / self.county, self.config_dir]
        files = [p for root in roots if root.is_dir() for p in root.rglob("*") if p.is_file()]
        files.append(self.config_dir.parent / SHARED_CONFIG)
        return {str(p): (s.st_mtime_ns, s.st_size) for p in files if (s := _stat(p)) is not None}


def _stat(path: Path):
    try:
        return path.stat()
    except OSError:   # removed between listing and reading: the next poll sees it gone
        return None


def banner(findings) -> str:
    """The findings as an HTML block for the top of a served page."""
    colour = "#b3261e" if any(f.is_error for f in findings) else ("#8a5a00" if findings else "#1e6b34")
    items = "".join(f"<li>{html.escape(str(f))}</li>" for f in findings)
    return (f'<div id="{BANNER_ID}" style="background:{colour};color:#fff;padding:.6em 1em;font-size:16px;'
            f'max-height:40vh;overflow:auto">本地预览（gongshi serve，不是正式网站）：{html.escape(summary(findings))}'
            f'{f"<ul>{items}</ul>" if items else ""}</div>')


def with_banner(page: str, findings) -> str:
    """`page` with the banner right after its <body> tag (or at its start if it has none)."""
    start = page.find("<body")
    end = page.find(">", start) + 1 if start >= 0 else 0
    return page[:end] + banner(findings) + page[end:]


def findings_page(findings) -> str:
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>本地预览：网站没有生成</title></head>"
            f"<body>{banner(findings)}<p>本县的网站没有生成，请按上面的提示改正；保存后会自动重新生成。</p></body></html>")


class _PreviewHandler(SimpleHTTPRequestHandler):
    """Files of the built site; HTML pages with the banner; / leads to the county's home page."""

    def __init__(self, preview: Preview, *args, **kwargs):
        self.preview = preview
        super().__init__(*args, directory=str(preview.out), **kwargs)

    def do_GET(self):
        if self.path in ("", "/"):
            self.send_response(302)
            self.send_header("Location", f"/{self.preview.county}/")
            self.end_headers()
            return
        if not (self.preview.out / self.preview.county).is_dir():
            return self._send_html(503, findings_page(self.preview.findings))
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()   # it redirects to the folder's address with a slash, as the relative links need
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            return self._send_html(200, with_banner(target.read_text(encoding="utf-8"), self.preview.findings))
        return super().do_GET()

    def _send_html(self, status: int, page: str) -> None:
        body = page.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):   # the terminal is for findings, not for every request
        pass
