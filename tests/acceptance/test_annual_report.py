"""Annual enforcement statistics (年度执法数据): `gongshi report`, the site section and the
E-ANNUAL-MISSING / W-ANNUAL-DUE checks, on a copy of the sample content.

The sample decisions change as the project grows, so every test here first replaces the shili
decisions with the fixed set below and works out the figures from it by hand.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date

import pytest

from generator.cli import main
from generator.public import public_view
from generator.render.markdown_tree import render_page
from generator.validate import validate

from ..conftest import PROJECT

ANNUAL = "content/shili/annual.yml"
CITATION = "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号） 二（三）；国家医疗保障局《医疗保障系统全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施办法（试行）》 三（三）3"

OFFICERS = "officers: [zhang-shili, li-shifan]\n"


def _decision(case, kind, decided, party, outcome, extra="", power="CF-001"):
    return (f"case_number: {case}\nkind: {kind}\ndecided: '{decided}'\n{party}facts: 测试用事实。\npower: {power}\n"
            f"outcome:\n{outcome}{OFFICERS}{extra}")


UNIT = "party:\n  type: 单位\n  name: 示例县测试大药房有限公司\n"
PUBLISHED = "approval:\n  by: 局长 张示例\n  date: '{d}'\npublished: '{d}'\n"

FIXED = {
    # 2025 行政处罚, with legal review: fine 18,000, returned 12,000
    "2025-001.yml": _decision("示医保罚〔2025〕1号", "行政处罚", "2025-05-12", UNIT,
                              "  loss: 12000\n  returned: 12000\n  fine: 18000\n",
                              "legal_review:\n  reviewer: chen-xugou\n  submitted: '2025-04-21'\n  completed: '2025-04-28'\n"
                              + PUBLISHED.format(d="2025-05-14") + "severity: 一般\n"),
    # 2025 行政处罚: fine 7,200, returned 3,600
    "2025-002.yml": _decision("示医保罚〔2025〕2号", "行政处罚", "2025-08-20", UNIT,
                              "  fraud: 3600\n  returned: 3600\n  fine: 7200\n",
                              PUBLISHED.format(d="2025-08-22") + "severity: 一般\n", power="CF-003"),
    # 2025 其他: payment refused, 2,350.50
    "2025-003.yml": _decision("示医保处〔2025〕3号", "其他", "2025-10-09", UNIT, "  refused_payment: 2350.5\n",
                              PUBLISHED.format(d="2025-10-10")),
    # 2025 行政处罚 of a minor: never published, counted (fine 500)
    "2025-004.yml": _decision("示医保罚〔2025〕4号", "行政处罚", "2025-07-01",
                              "party:\n  type: 自然人\n  name: 测试少年甲\n  minor: true\n",
                              "  loss: 400\n  returned: 400\n  fine: 500\n", "severity: 轻微\n"),
    # 2025 classified: left out of everything (fine 50,000, with legal review)
    "2025-005.yml": _decision("示医保罚〔2025〕5号", "行政处罚", "2025-06-01",
                              "party:\n  type: 单位\n  name: 示例县涉密测试单位\n",
                              "  loss: 40000\n  returned: 40000\n  fine: 50000\n",
                              "legal_review:\n  reviewer: chen-xugou\n  submitted: '2025-05-20'\n  completed: '2025-05-26'\n"
                              "severity: 一般\nclassified: true\n"),
    # decided in 2024 (fine 5,000), revoked in 2025: a withdrawal of 2025, a decision of 2024
    "2024-009.yml": _decision("示医保罚〔2024〕9号", "行政处罚", "2024-12-02", UNIT,
                              "  loss: 4000\n  returned: 4000\n  fine: 5000\n",
                              PUBLISHED.format(d="2024-12-04") + "severity: 一般\n"
                              "history:\n  - event: 撤销\n    date: '2025-03-04'\n    reason: 行政复议决定撤销\n"
                              "    withdrawn: '2025-03-05'\n"),
}
# By hand, for 2025: decisions 001, 002, 003, 004 (not the classified 005, not 2024-009)
#   行政处罚 3 (001, 002, 004), 其他 1 (003); fines 18,000 + 7,200 + 500 = 25,700;
#   returned 12,000 + 3,600 + 400 = 16,000; refused 2,350.50; legal review 1 (001); withdrawn 1 (2024-009)
INSPECTIONS = ("year: 2025\nitems:\n"
               + "".join(f"  - name: 抽查事项{n}\n    body: 示例县医疗保障局\n    basis: 测试依据\n    object: 定点医药机构\n"
                         f"    content: [测试内容]\n    method: 随机抽查\n{extra}" for n, extra in
                         ((1, ""), (2, ""), (3, "    classified: true\n"))))


@pytest.fixture
def shili(project):
    """The sample content with the fixed decisions above in place of shili's own."""
    shutil.rmtree(project.file("content/shili/decisions"))
    for name, text in FIXED.items():
        project.write(f"content/shili/decisions/{name}", text)
    project.write("content/shili/inspections.yml", INSPECTIONS)
    return project


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


TABLE_2025 = [
    "  项目                                  数量或金额",
    "  执法决定合计                                 4件",
    "  行政处罚决定                                 3件",
    "  行政许可决定                                 0件",
    "  行政强制决定                                 0件",
    "  行政检查决定                                 0件",
    "  其他执法决定                                 1件",
    "  罚款                                    25,700元",
    "  责令退回                                16,000元",
    "  拒付医保基金                          2,350.50元",
    "  经法制审核的决定                             1件",
    "  被变更、撤销、确认违法或无效的决定           1件",
    "  逾期公示的决定                               0件",
    "  双随机抽查事项清单                           2项",
]


def test_report_text_is_a_readable_table(shili, capsys):
    code, out, err = run(capsys, "report", "--year", "2025", "--county", "shili", "--today", "2026-11-23")
    assert code == 0 and err == ""
    assert out.splitlines() == ["示例县医疗保障局（shili）2025年度执法数据", *TABLE_2025, "  年度数据说明：已填写"]


def test_report_text_for_several_counties_and_a_running_year(shili, capsys):
    code, out, _ = run(capsys, "report", "--year", "2026", "--today", "2026-03-15")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "剑阁县医疗保障局（jiange）2026年度执法数据（截至2026年3月15日）"
    assert "  年度数据说明：未填写（应于 2027年1月31日 前公开）" in lines
    assert "示例县医疗保障局（shili）2026年度执法数据（截至2026年3月15日）" in lines
    assert lines.count("  执法决定合计                                 0件") == 2
    assert lines[lines.index("示例县医疗保障局（shili）2026年度执法数据（截至2026年3月15日）") - 1] == ""


def test_report_before_the_county_kept_its_decisions_says_so(shili, capsys):
    code, out, _ = run(capsys, "report", "--year", "2020", "--county", "jiange", "--today", "2026-11-23")
    assert code == 0
    assert out.splitlines()[-2:] == ["  年度数据说明：已填写",
                                     "  注意：本县从 2026 年起在 gongshi 中登记执法决定，2020 年度的统计可能不完整。"]


def test_report_json_for_supervisors(shili, capsys):
    code, out, err = run(capsys, "report", "--year", "2025", "--county", "shili", "--today", "2026-11-23", "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out) == {"year": 2025, "today": "2026-11-23", "counties": [{
        "county": "shili", "name": "示例县医疗保障局", "year": 2025, "until": None,
        "decisions": 4, "by_kind": {"行政处罚": 3, "行政许可": 0, "行政强制": 0, "行政检查": 0, "其他": 1},
        "fines": 25700, "returned": 16000, "refused_payment": 2350.5, "legal_reviews": 1, "withdrawn": 1,
        "late_published": 0, "inspection_items": 2, "report": True, "report_due": "2026-01-31", "recorded_from": 2025,
    }]}


def test_report_csv_opens_in_excel(shili, capsys):
    code, out, _ = run(capsys, "report", "--year", "2025", "--county", "shili", "--county", "jiange",
                       "--today", "2026-11-23", "--format", "csv")
    assert code == 0
    assert out.startswith("\ufeff") and "\r\n" in out       # BOM for Excel; RFC 4180 line ends
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows == [
        ["县编号", "执法主体", "年度", "统计截至", "执法决定合计（件）", "行政处罚决定（件）", "行政许可决定（件）",
         "行政强制决定（件）", "行政检查决定（件）", "其他执法决定（件）", "罚款（元）", "责令退回（元）", "拒付医保基金（元）",
         "经法制审核的决定（件）", "被变更、撤销、确认违法或无效的决定（件）", "逾期公示的决定（件）", "双随机抽查事项清单（项）", "年度数据说明", "登记起始年度"],
        ["jiange", "剑阁县医疗保障局", "2025", "", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "", "未填写", "2026"],
        ["shili", "示例县医疗保障局", "2025", "", "4", "3", "0", "0", "0", "1", "25700", "16000", "2350.5", "1", "1", "0", "2",
         "已填写", "2025"],
    ]


def test_report_names_no_party_and_no_case_number(shili, capsys):
    for fmt, total in (("text", "25,700元"), ("json", '"fines": 25700'), ("csv", ",25700,")):
        code, out, _ = run(capsys, "report", "--year", "2025", "--today", "2026-11-23", "--format", fmt)
        assert code == 0 and total in out, (fmt, out)   # the report is there, with shili's figures
        for secret in ("示医保", "大药房", "测试少年甲", "涉密测试单位", "50000", "50,000"):
            assert secret not in out, (fmt, secret)


def test_report_unknown_county_is_refused(shili, capsys):
    code, out, err = run(capsys, "report", "--year", "2025", "--county", "nowhere", "--today", "2026-11-23")
    assert code == 1 and out == ""
    assert err.splitlines() == ["content: E-COUNTY-UNKNOWN 找不到县 nowhere — 已有的县：jiange、shili",
                                "共 1 个错误，0 个警告（E-COUNTY-UNKNOWN ×1）。", "未生成统计。"]


def test_report_warns_when_a_decision_file_cannot_be_read(shili, capsys):
    shili.write("content/shili/decisions/2025-006.yml", "case_number: [\n")
    code, out, err = run(capsys, "report", "--year", "2025", "--county", "shili", "--today", "2026-11-23")
    assert code == 0 and "执法决定合计                                 4件" in out
    assert err.startswith("注意：shili 有 1 个文件错误会影响统计（content/shili/decisions/2025-006.yml:")
    assert "请运行 gongshi validate --county shili 查看并改正" in err


def test_site_section_shows_the_table_and_the_analysis(shili):
    today = date(2026, 11, 23)
    result = validate(shili.file("content"), shili.file("site_config"), ["shili"], today)
    page = render_page("results.md.j2", public_view(result.counties[0], today))
    section = page[page.index("## 年度执法数据"):]
    assert "### 2025年度 { #annual-2025 }\n\n| 项目 | 数量或金额 |\n|:---|---:|\n| 执法决定合计 | 4件 |\n" in section
    for row in ["| 罚款 | 25,700元 |", "| 责令退回 | 16,000元 |", "| 拒付医保基金 | 2,350.50元 |",
                "| 被变更、撤销、确认违法或无效的决定 | 1件 |", "| 双随机抽查事项清单 | 2项 |"]:
        assert row in section
    assert "| 双随机抽查事项清单 | 2项 |\n\n**年度数据说明**\n\n2025年，示例县医疗保障局（虚构示例单位" in section
    # 2026 has no decision in the fixed set, and no report: not listed; 2024 has one (2024-009)
    assert "### 2026年度" not in section
    assert "### 2024年度 { #annual-2024 }" in section and "本年度数据说明尚未发布。" in section
    for secret in ("测试少年甲", "涉密测试单位", "示医保罚〔2025〕5号", "50,000"):
        assert secret not in page


def test_the_running_year_has_no_figures_on_the_site(shili):
    # today's totals less the published decisions would give away the amounts of unpublished ones
    shili.write("content/shili/decisions/2026-001.yml", _decision(
        "示医保处〔2026〕1号", "行政检查", "2026-03-02", UNIT, "  text: 检查未发现问题。\n", PUBLISHED.format(d="2026-03-03")))
    today = date(2026, 3, 15)
    result = validate(shili.file("content"), shili.file("site_config"), ["shili"], today)
    page = render_page("results.md.j2", public_view(result.counties[0], today))
    assert "### 2026年度" not in page and "annual-2026" not in page
    assert "### 2025年度 { #annual-2025 }" in page


# E-ANNUAL-MISSING and W-ANNUAL-DUE. shili keeps its decisions in gongshi from 2025 (site_config/shili.yml).

WITHOUT_2025 = "reports:\n  - year: 2024\n    summary: 2024年度说明（本县当时还没有使用 gongshi）。\n"
HINT = ("请在 content/shili/annual.yml 的 reports: 下添加一项：一行写“- year: 2025”，下一行写“summary: ”加这一年行政执法"
        "总体情况的说明，summary 与 year 上下对齐{create}；网站上的统计表由执法决定自动生成，不用填写")
DUE = (f"content/shili/annual.yml:1: W-ANNUAL-DUE 2025 年度执法数据说明须在 2026年1月31日 前公开，还没有填写（{CITATION}） — "
       + HINT.format(create=""))
MISSING = (f"content/shili/annual.yml:1: E-ANNUAL-MISSING 2025 年度执法数据说明逾期未公开，应于 2026年1月31日 前公开（{CITATION}） — "
           + HINT.format(create=""))


def annual_lines(lines):
    return [line for line in lines if ": E-ANNUAL-" in line or ": W-ANNUAL-" in line]


@pytest.fixture
def no_decisions(project):
    """shili without decisions (nor the inspection results that cite them): its annual report is
    then the only thing to find."""
    shutil.rmtree(project.file("content/shili/decisions"))
    project.file("content/shili/random-inspections.yml").unlink()
    return project


@pytest.mark.parametrize("today, expected", [
    ("2025-12-31", []),            # 2025 is not over
    ("2026-01-01", [DUE]),         # January: due on the 31st
    ("2026-01-31", [DUE]),         # the last day
    ("2026-02-01", [MISSING]),     # late
    ("2026-11-23", [MISSING]),
])
def test_a_missing_report_is_due_in_january_and_late_from_february(no_decisions, gongshi, today, expected):
    no_decisions.write(ANNUAL, WITHOUT_2025)
    code, lines = gongshi("validate", "--county", "shili", "--today", today)
    assert lines[:-1] == expected
    assert code == (1 if expected == [MISSING] else 0)


@pytest.mark.parametrize("today", ["2026-01-15", "2026-01-31", "2026-02-01", "2026-11-23"])
def test_a_written_report_passes(no_decisions, gongshi, today):
    code, lines = gongshi("validate", "--county", "shili", "--today", today)
    assert code == 0 and lines == ["检查通过：没有发现问题。"]


def test_the_next_january_asks_for_the_year_just_ended(no_decisions, gongshi):
    code, lines = gongshi("validate", "--county", "shili", "--today", "2027-01-10")
    assert code == 0
    assert annual_lines(lines) == [DUE.replace("2026年1月31日", "2027年1月31日").replace("2025", "2026").replace(":1:", ":2:")]


def test_only_years_from_the_first_year_are_checked(no_decisions, gongshi):
    no_decisions.edit("site_config/shili.yml", "annual_report_first_year: 2025", "annual_report_first_year: 2023")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    assert [line.split(" — ")[0] for line in annual_lines(lines)] == [
        f"content/shili/annual.yml:2: E-ANNUAL-MISSING 2023 年度执法数据说明逾期未公开，应于 2024年1月31日 前公开（{CITATION}）",
        f"content/shili/annual.yml:2: E-ANNUAL-MISSING 2024 年度执法数据说明逾期未公开，应于 2025年1月31日 前公开（{CITATION}）",
    ]


def test_without_annual_yml_the_hint_says_to_create_it(no_decisions, gongshi):
    no_decisions.file(ANNUAL).unlink()
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-02-01")
    assert code == 1
    missing = MISSING.replace("annual.yml:1:", "annual.yml:").replace(
        "上下对齐；", "上下对齐（这个文件还没有：请先新建，第一行写 reports:）；")
    assert annual_lines(lines) == [missing]


def test_jiange_is_checked_from_2026_only(project, gongshi):
    assert annual_lines(gongshi("validate", "--county", "jiange", "--today", "2026-11-23")[1]) == []
    code, lines = gongshi("validate", "--county", "jiange", "--today", "2027-02-01")
    assert code == 1
    assert [line.split(" — ")[0] for line in annual_lines(lines)] == [
        f"content/jiange/annual.yml:2: E-ANNUAL-MISSING 2026 年度执法数据说明逾期未公开，应于 2027年1月31日 前公开（{CITATION}）"]


def test_report_without_any_county_is_refused(tmp_path, monkeypatch, capsys):
    (tmp_path / "content").mkdir()
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")   # a repository, but without counties
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "report", "--year", "2025", "--today", "2026-11-23")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "content: E-COUNTY-NONE 内容目录中还没有县 — 每个县一个文件夹，文件夹名就是县编号（小写字母、数字、连字符），如 content/jiange/",
        "共 1 个错误，0 个警告（E-COUNTY-NONE ×1）。", "未生成统计。"]


def test_report_masks_a_name_typed_as_a_number(shili, capsys):
    # the report is made from content with errors too: a mobile typed without quotes is still masked
    shili.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 13812345678")
    for fmt in ("text", "json", "csv"):
        code, out, _ = run(capsys, "report", "--year", "2025", "--county", "shili", "--today", "2026-11-23", "--format", fmt)
        assert code == 0 and "138****5678" in out and "13812345678" not in out, fmt
