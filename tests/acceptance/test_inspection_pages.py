"""Random inspections on the site: every QR code leads to a page of the build, a draw can be
verified from what its page publishes, certificate pages say how a certificate stands, and a
task's date and result appear only once they have happened and been published."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
import zxingcpp

from generator.draw import verify

from ..conftest import PROJECT

SHILI = "content/shili/random-inspections.yml"
SITE_URL = yaml.safe_load((PROJECT / "site_config/shili.yml").read_text(encoding="utf-8").split("\nextra:")[0])["site_url"]


def _raster(svg: str, scale: int = 4) -> memoryview:
    """segno's SVG (one path of horizontal runs: M x y, h n, m dx dy) as a grayscale image."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    dark = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", dark):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            for column in range(int(x), int(x + float(a))):
                grid[int(y)][column] = True
            x += float(a)
    pixels = bytearray()
    for row in grid:
        line = bytes(0 if cell else 255 for cell in row for _ in range(scale))
        pixels += line * scale
    return memoryview(bytes(pixels)).cast("B", (size * scale, size * scale))


def decode(svg_file: Path) -> str:
    found = zxingcpp.read_barcodes(_raster(svg_file.read_text(encoding="utf-8")))
    assert len(found) == 1, svg_file
    return found[0].text


def _page_of(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return site / "shili" / urlparse(url).path[len(urlparse(SITE_URL).path):] / "index.html"


def test_every_qr_code_decodes_to_a_page_of_the_build_under_the_site_url(sample_site):
    codes = sorted((sample_site / "shili/qr").rglob("*.svg"))
    tasks = [t["id"] for plan in yaml.safe_load((PROJECT / SHILI).read_text(encoding="utf-8"))["plans"] for t in plan["tasks"]]
    officers = yaml.safe_load((PROJECT / "content/shili/officers.yml").read_text(encoding="utf-8"))["officers"]
    assert len(codes) == len(tasks) + len(officers)   # one per task, one per certificate, lapsed ones too
    for code in codes:
        url = decode(code)
        page = _page_of(sample_site, url)
        assert page.is_file(), url
        kind = code.relative_to(sample_site / "shili/qr").with_suffix("").as_posix()
        assert url == f"{SITE_URL}{kind}/"
        assert code.name in page.read_text(encoding="utf-8")   # and that page shows its own code


def test_a_task_sheet_carries_the_task_code_and_each_inspector_s_certificate_number(sample_site):
    sheet = html.unescape((sample_site / "shili/inspections/tasks/2026-02/sheet/index.html").read_text(encoding="utf-8"))
    assert "入企检查告知单" in sheet and "qr/inspections/tasks/2026-02.svg" in sheet
    for number in ("SL-2024-0003", "SL-2024-0001"):   # 王样本 and 张示例, as the task lists them
        assert number in sheet
    assert f"{SITE_URL}officers/wang-yangben/" in sheet


@pytest.mark.parametrize("officer, says", [
    ("liu-moni", "该证件已失效"),                               # valid until 2025-12-31
    ("sun-jiashe", "该证件已注销"),                             # 注销 since 2025-06-30
    ("zhang-shili", "该证件今天有效"),
])
def test_a_certificate_page_says_how_the_certificate_stands(sample_site, officer, says):
    page = (sample_site / f"shili/officers/{officer}/index.html").read_text(encoding="utf-8")
    assert says in page


def test_a_lapsed_certificate_says_since_when(sample_site):
    assert "自2026年1月1日起已失效" in (sample_site / "shili/officers/liu-moni/index.html").read_text(encoding="utf-8")
    assert "自2025年6月30日起已注销" in (sample_site / "shili/officers/sun-jiashe/index.html").read_text(encoding="utf-8")


def test_the_published_draw_verifies_and_is_the_draw_the_page_and_the_tasks_show(sample_site):
    published = json.loads((sample_site / "shili/inspections/plans/2026/draw-1.json").read_text(encoding="utf-8"))
    again, same = verify(published)
    assert same
    page = (sample_site / "shili/inspections/plans/2026/index.html").read_text(encoding="utf-8")
    assert again.key in page and "gongshi draw --verify draw-1.json" in page
    plan = yaml.safe_load((PROJECT / SHILI).read_text(encoding="utf-8"))["plans"][0]
    drawn_here = [(t["object"], sorted(t["inspectors"])) for t in plan["tasks"] if t["draw"] == "1"]
    assert sorted(drawn_here) == sorted((obj, sorted(inspectors)) for obj, inspectors in again.tasks)


def test_a_task_shows_its_date_once_it_has_happened_and_its_result_once_published(project, gongshi):
    _, lines = gongshi("build", "--county", "shili", "--out", "site", "--today", "2026-04-15")
    assert "已生成 site/shili/；1 项决定因记录有错误暂不公示：2026-002" in lines   # its withdrawal is dated later
    tasks = project.file("site/shili/inspections/tasks")
    done = (tasks / "2026-02/index.html").read_text(encoding="utf-8")     # inspected 4/13, result published 4/24
    assert "2026年4月13日" in done and "检查结果尚未公示" in done and "未发现问题" not in done
    ahead = (tasks / "2026-03/index.html").read_text(encoding="utf-8")    # to be inspected on 8/27
    assert "尚未检查" in ahead and "2026年8月27日" not in ahead


def test_a_result_links_to_its_decision_only_while_the_decision_is_on_the_site(project, gongshi):
    project.edit(SHILI, "          follow_up: 已移交立案调查。\n", "          follow_up: 已移交立案调查。\n          decision: 2026-003\n")
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 0
    page = project.file("site/shili/inspections/tasks/2026-03/index.html").read_text(encoding="utf-8")
    assert "示医保罚〔2026〕4号" in page and "../../../decisions/2026-003/" in page
    project.edit(SHILI, "          decision: 2026-003\n", "          decision: 2026-001\n")   # not yet published
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 0
    page = project.file("site/shili/inspections/tasks/2026-03/index.html").read_text(encoding="utf-8")
    assert "示医保罚〔2026〕1号" not in page and "decisions/2026-001" not in page


def test_without_a_site_url_there_are_no_codes_and_the_pages_still_build(project, gongshi):
    project.edit("site_config/shili.yml", f"site_url: {SITE_URL}\n", "")
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines
    assert not project.file("site/shili/qr").exists()
    assert (project.file("site/shili/inspections/tasks/2026-01/index.html")).is_file()


def test_a_recusal_of_someone_outside_the_pools_changes_no_draw_and_is_not_published(project, gongshi):
    # 刘模拟's certificate lapsed on 2025-12-31, before the draw of 2026-03-06: he was never in its pool
    project.edit(SHILI, "    recusals:\n", "    recusals:\n      - officer: liu-moni\n        object: yd-001\n        reason: 曾在该药店任职\n")
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines   # the tasks are still the ones drawn: the draw did not change
    published = project.file("site/shili/inspections/plans/2026/draw-1.json").read_text(encoding="utf-8")
    assert "liu-moni" not in published and json.loads(published)["inputs"]["recusals"] == [["li-shifan", "yd-002"]]
