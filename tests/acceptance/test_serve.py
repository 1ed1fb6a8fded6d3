"""`gongshi serve`: a clerk previews a county on this computer, sees an edit and what is wrong with it."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from generator.serve import BANNER_ID, Preview

from ..conftest import TODAY


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def preview(project):
    preview = Preview(Path("content"), Path("site_config"), "shili", TODAY, port=0)
    assert preview.start() == []
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(stop, lambda findings: None), daemon=True)
    watcher.start()
    yield preview
    stop.set()
    watcher.join()
    preview.stop()


def test_the_county_home_page_is_served_with_the_findings_on_top(preview):
    status, page = fetch(preview.url)
    assert status == 200 and "示例县医疗保障局行政执法公示" in page
    assert f'<div id="{BANNER_ID}"' in page and "E-" not in page.split(f'id="{BANNER_ID}"')[1].split("</div>")[0]


def test_an_edit_is_built_again_and_its_error_shown_on_the_page(preview, project):
    project.edit("content/shili/officers.yml", "    status: 有效\n", "    status: 在岗\n")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status, page = fetch(preview.url)
        banner = page.split(f'id="{BANNER_ID}"')[1].split("</div>")[0]
        if "E-SCHEMA-ENUM" in banner:
            break
        time.sleep(0.5)
    assert status == 200 and "content/shili/officers.yml:" in banner and "E-SCHEMA-ENUM 字段 officers[1].status（证件状态）" in banner


def test_stopping_removes_the_temporary_site(project):
    preview = Preview(Path("content"), Path("site_config"), "shili", TODAY, port=0)
    assert preview.start() == []
    folder = preview.folder
    assert (folder / "site" / "shili" / "index.html").is_file()
    preview.stop()
    assert not folder.exists()


def test_ctrl_c_stops_it_cleanly(project, gongshi, monkeypatch):
    def pressed_ctrl_c(self, stop, show):
        raise KeyboardInterrupt
    monkeypatch.setattr(Preview, "watch", pressed_ctrl_c)
    code, lines = gongshi("serve", "--county", "shili", "--port", "0")
    assert code == 0
    assert lines[-2].startswith("本地预览：请在浏览器中打开 http://127.0.0.1:") and lines[-1] == "已停止本地预览。"


def test_a_port_in_use_is_refused_with_a_way_out(project, capsys):
    from generator.cli import main
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--county", "shili", "--port", str(port), "--today", TODAY.isoformat()])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert err[0] == (f"127.0.0.1:{port}: E-PREVIEW-PORT 无法在端口 {port} 上打开本地预览：Address already in use — "
                      "这个端口可能已被另一个程序（或另一个 gongshi serve）占用；请换一个端口，如 gongshi serve --port 8001")


def test_an_unknown_county_is_refused(project, capsys):
    from generator.cli import main
    assert main(["serve", "--county", "nowhere", "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().err.splitlines()[0] == "content: E-COUNTY-UNKNOWN 找不到县 nowhere — 已有的县：jiange、shili"
