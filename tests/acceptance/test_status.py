"""`gongshi status`: a county's to-do list, soonest first, as a clerk reads it on Monday morning."""

from __future__ import annotations

from generator.cli import main

REVOKED = "content/shili/decisions/2026-002.yml"


def test_the_sample_county_to_do_list_is_sorted_by_urgency(project, gongshi):
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-11-23")
    assert code == 0
    assert lines == [
        "待办事项（截至 2026年11月23日）",
        "shili：3 项待办",
        "  2025年12月31日（星期三）  已逾期 327 天  执法证已过期：刘模拟（liu-moni），请办理换证或在 officers.yml 中更新状态"
        "  [content/shili/officers.yml]",
        "  2026年11月27日（星期五）  还剩 4 个工作日  公示行政处罚决定 示医保罚〔2026〕1号（审批后填写 approval 和 published）"
        "  [content/shili/decisions/2026-001.yml]",
        "  2027年1月31日（星期日）  还剩 69 天  发布 2026 年度执法数据说明（在 annual.yml 中加 year: 2026 和 summary）"
        "  [content/shili/annual.yml]",
    ]


def test_a_withdrawal_without_its_date_and_a_certificate_about_to_expire_are_listed(project, gongshi):
    project.edit(REVOKED, "    withdrawn: '2026-09-14'\n", "")
    project.edit("content/shili/officers.yml", "valid_until: '2029-02-28'", "valid_until: '2026-12-10'")
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-09-11")
    assert code == 0
    # event Thu 9/10 → Fri 9/11 (1), Mon 9/14 (2), Tue 9/15 (3)
    assert lines[3] == "  2026年9月15日（星期二）  还剩 2 个工作日  填写决定 示医保罚〔2026〕2号 的撤下日期（2026年9月10日 被撤销）" \
                       "  [content/shili/decisions/2026-002.yml]"
    assert not any("张示例" in line for line in lines)   # 90 days ahead: beyond the 30-day warning
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-11-23")
    assert "  2026年12月10日（星期四）  还剩 17 天  执法证到期：张示例（zhang-shili），请办理换证或在 officers.yml 中更新状态" \
           "  [content/shili/officers.yml]" in lines


def test_a_deadline_in_an_unknown_year_comes_first_and_says_which_file_to_add(project, gongshi):
    project.edit("content/shili/decisions/2026-001.yml", "decided: '2026-11-18'", "decided: '2026-12-25'")
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-12-28")
    assert code == 0
    assert lines[2] == "  —  无法计算  公示行政处罚决定 示医保罚〔2026〕1号（审批后填写 approval 和 published）：无法计算期限，" \
                       "请先新建 site_config/calendar/2027.yml  [content/shili/decisions/2026-001.yml]"


def _run(capsys, *args):
    code = main(list(args) + ["--today", "2026-11-23"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err.splitlines()


def test_an_unknown_county_is_refused(project, capsys):
    code, out, err = _run(capsys, "status", "--county", "nowhere")
    assert (code, out) == (1, "")
    assert err == ["content: E-COUNTY-UNKNOWN 找不到县 nowhere — 已有的县：jiange、shili",
                   "共 1 个错误，0 个警告（E-COUNTY-UNKNOWN ×1）。"]


def test_without_content_there_is_nothing_to_list(project, capsys):
    code, out, err = _run(capsys, "status", "--content", "nowhere")
    assert (code, out) == (1, "")
    assert err == ["nowhere: E-FILE-UNREADABLE 无法读取文件：内容目录不存在 — 请检查文件是否存在、是否有读取权限",
                   "共 1 个错误，0 个警告（E-FILE-UNREADABLE ×1）。"]


def test_the_annual_report_is_not_listed_when_the_site_config_is_missing(project, gongshi):
    # which years to check is in the site config: as in `validate`, nothing is claimed without it
    project.file("site_config/shili.yml").unlink()
    code, lines = gongshi("status", "--county", "shili")
    assert code == 0
    assert not any("年度执法数据说明" in line for line in lines)
    assert lines[1] == "shili：2 项待办"


def test_an_inspection_result_to_publish_and_a_withheld_decision_are_listed(project, gongshi):
    project.edit("content/shili/random-inspections.yml", "          published: '2026-11-20'\n", "")   # task 2026-04, formed 11/16
    code, lines = gongshi("withhold", "2025-001", "--county", "shili", "--reason", "当事人名称有误，核实中", "--today", "2026-11-23")
    assert code == 0, lines
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-11-23")
    assert code == 0
    # formed Mon 11/16: 20 working days → Mon 12/14
    assert "  2026年12月14日（星期一）  还剩 15 个工作日  公示检查任务 2026-04 的抽查结果（填写 result 的 published）" \
           "  [content/shili/random-inspections.yml]" in lines
    assert "  暂停公示中：决定 示医保罚〔2025〕1号（2026年11月23日起，原因：当事人名称有误，核实中）；" \
           "问题处理后删除 withheld 一项即恢复公示  [content/shili/decisions/2025-001.yml]" in lines
