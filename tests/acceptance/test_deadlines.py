"""Publication deadlines and approval: the clerk's messages, as `gongshi validate` prints them."""

from __future__ import annotations

import pytest

PENDING = "content/shili/decisions/2026-001.yml"     # 行政处罚, decided Wed 2026-11-18, not yet published
PUBLISHED = "content/shili/decisions/2025-001.yml"   # decided Mon 2025-05-12, published 2025-05-16
CITATION = "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号） 二（三）；国家医疗保障局《医疗保障系统全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施办法（试行）》 三（三）1"
OFFICER_CITATION = "《中华人民共和国行政处罚法》第四十二条；《医疗保障基金使用监督管理条例》第二十九条；《中华人民共和国行政强制法》第十八条"
CLEAN = "检查通过：没有发现问题。"
LATE = (PUBLISHED, "published: '2025-05-16'", "published: '2025-05-23'")


def test_pending_decision_within_its_deadline_is_quiet(project, gongshi):
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 0 and lines == [CLEAN]


@pytest.mark.parametrize("edits, today, expected", [
    # deadline: 11/19, 20, 23, 24, 25, 26, 27 → Fri 2026-11-27; on Wed 11/25 two working days are left
    pytest.param([], "2026-11-25",
                 f"{PENDING}:7: W-DEADLINE-SOON 行政处罚决定 示医保罚〔2026〕1号 须在 2026年11月27日 前公示，还剩 2 个工作日 — "
                 "请尽快完成公示审批，填写 approval 和 published", id="due-soon"),
    pytest.param([], "2026-11-30",
                 f"{PENDING}:7: E-DEADLINE-MISSED 行政处罚决定 示医保罚〔2026〕1号 逾期未公示：于 2026年11月18日 作出，"
                 f"应在 7 个工作日内即 2026年11月27日 前公示（{CITATION}） — 请立即完成公示审批，填写 approval 和 published",
                 id="missed"),
    # 5/12 Mon → 5/13–5/16, 5/19–5/21: deadline Wed 2025-05-21; published Fri 5/23 is 2 working days late
    pytest.param([LATE], "2026-11-23",
                 f"{PUBLISHED}:35: E-DEADLINE-LATE 行政处罚决定 示医保罚〔2025〕1号 于 2025年5月12日 作出，应在 7 个工作日内即 "
                 f"2025年5月21日 前公示，实际 2025年5月23日 才公示，晚了 2 个工作日（{CITATION}） — "
                 "请核对公示日期；确实逾期的，请在 late_publication 中如实写明逾期原因（reason）、批准人（approved_by）和批准日期"
                 "（approved）；法律、行政法规另有规定可以延期的，请在 publish_delay 中写明理由和依据", id="late"),
    pytest.param([(PUBLISHED, "published: '2025-05-16'",
                   "published: '2025-05-23'\npublish_delay:\n  reason: 涉案线索移送公安机关，公示可能妨碍侦查\n"
                   "  basis: 《中华人民共和国政府信息公开条例》第十四条")], "2026-11-23", CLEAN, id="late-with-legal-delay"),
    pytest.param([(PUBLISHED, "approval:\n  by: 局长 张示例\n  date: '2025-05-14'\n", "")], "2026-11-23",
                 f"{PUBLISHED}:32: E-APPROVAL-MISSING 决定 示医保罚〔2025〕1号 填写了公示日期，但没有公示审批（approval） — "
                 "请填写 approval 的审批人（by）和审批日期（date）；未经审批的决定不会公示", id="no-approval"),
    pytest.param([(PUBLISHED, "  date: '2025-05-14'", "  date: '2025-05-19'")], "2026-11-23",
                 f"{PUBLISHED}:34: E-APPROVAL-AFTER 决定 示医保罚〔2025〕1号 的公示审批日期 2025年5月19日 晚于公示日期 2025年5月16日 — "
                 "应当先审批后公示；请核对这两个日期", id="approved-after"),
    pytest.param([(PUBLISHED, "officers: [zhang-shili, li-shifan]", "officers: [zhang-shili]")], "2026-11-23",
                 f"{PUBLISHED}:26: E-OFFICERS-TOO-FEW 行政处罚决定 示医保罚〔2025〕1号 只有 1 名承办执法人员，至少应有 2 名"
                 f"（{OFFICER_CITATION}） — 请在 officers 中列出全部承办人员的编号", id="one-officer"),
])
def test_the_clerk_reads_one_exact_line(clerk_reads, edits, today, expected):
    clerk_reads(edits, today, expected)


def test_deadline_in_a_year_nobody_knows_names_the_file_to_add(project, gongshi):
    # Thu 12/24 → 12/25, 28, 29, 30, 31 (5 working days): on 12/31 two are left, on a day of 2027
    project.edit(PENDING, "decided: '2026-11-18'", "decided: '2026-12-24'")
    project.edit(PENDING, "filed: '2026-09-07'", "filed: '2026-12-01'")   # within Art 60's 90 days
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-12-31")
    assert code == 1
    assert f"{PENDING}:7: E-CALENDAR-YEAR 计算 示医保罚〔2026〕1号 的期限需要 2027 年的法定节假日安排，日历库中还没有 — " \
           "请按国务院办公厅《关于2027年部分节假日安排的通知》新建 site_config/calendar/2027.yml，" \
           "格式见 schemas/calendar.schema.json" in lines

    project.edit(PENDING, "decided: '2026-12-24'", "decided: '2026-12-25'")

    # A 2027 file for the test (not the real notice): 1/1–1/3 off. Fri 12/25 → 12/28–31 (1–4), 1/4–1/6 (5–7)
    project.write("site_config/calendar/2027.yml", "year: 2027\nsource: 测试用安排\n"
                  "holidays:\n  - {name: 元旦, from: '2027-01-01', to: '2027-01-03'}\nworkdays: []\n")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2027-01-05")
    assert code == 0
    assert f"{PENDING}:7: W-DEADLINE-SOON 行政处罚决定 示医保罚〔2026〕1号 须在 2027年1月6日 前公示，还剩 1 个工作日 — " \
           "请尽快完成公示审批，填写 approval 和 published" in lines
    code, lines = gongshi("validate", "--county", "shili", "--today", "2027-01-07")
    assert code == 1 and any("E-DEADLINE-MISSED" in line and "2027年1月6日" in line for line in lines)


def test_a_county_can_set_a_shorter_period(project, gongshi):
    project.edit("site_config/shili.yml", "  law:\n", "  law:\n    publish_within_working_days_penalty: 3\n")
    # 11/18 → 11/19, 20, 23: deadline Mon 2026-11-23 — missed on 11/24
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-24")
    assert code == 1 and any("E-DEADLINE-MISSED" in line and "3 个工作日内即 2026年11月23日" in line for line in lines)


def test_calendar_file_must_match_its_name(project, gongshi):
    project.write("site_config/calendar/2028.yml", "year: 2027\nsource: 测试\nholidays: []\nworkdays: []\n")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    assert "site_config/calendar/2028.yml:1: E-CALENDAR-FILE 文件 2028.yml 中的年份是 2027，与文件名不一致 — 文件名应为 2027.yml" in lines



def test_a_case_officer_needs_a_certificate_valid_on_the_decision_date(project, gongshi):
    # 刘模拟's certificate ran to 2025-12-31: fine for a 2025 decision, not for one in 2026
    project.edit(PUBLISHED, "officers: [zhang-shili, li-shifan]", "officers: [zhang-shili, liu-moni]")
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23")[0] == 0
    project.edit(PENDING, "officers: [zhang-shili, wang-yangben]", "officers: [zhang-shili, liu-moni]")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    assert f"{PENDING}:21: E-OFFICER-CERTIFICATE 承办人员 刘模拟（liu-moni）的执法证有效期为 2021年1月1日至2025年12月31日，" \
           "2026年11月18日 作出决定时不在有效期内 — 未取得有效执法证件的人员不得从事执法活动；请核对承办人员或证件有效期" in lines


def test_a_calendar_file_with_a_duplicate_key_is_still_checked(project, gongshi):
    project.write("site_config/calendar/2027.yml", "year: 2027x\nsource: 测试\nsource: 测试\nholidays: []\nworkdays: []\nbogus: 1\n")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert [line.split(" — ")[0] for line in lines if "calendar/2027.yml" in line] == [
        "site_config/calendar/2027.yml:1: E-SCHEMA-TYPE 字段 year（年份）应当是整数，现在是文字 2027x",
        "site_config/calendar/2027.yml:3: E-YAML-DUPKEY 字段 source 在第 2 行和第 3 行重复出现，后一个会悄悄覆盖前一个",
        "site_config/calendar/2027.yml:6: E-SCHEMA-UNKNOWN-FIELD 未知字段 bogus"]


def test_a_calendar_file_with_a_duplicate_key_is_not_used(project, gongshi):
    project.edit(PENDING, "decided: '2026-11-18'", "decided: '2026-12-24'")
    project.edit(PENDING, "filed: '2026-09-07'", "filed: '2026-12-01'")   # within Art 60's 90 days
    project.write("site_config/calendar/2027.yml", "year: 2027\nsource: 测试\nsource: 测试\nholidays: []\nworkdays: []\n")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-12-31")
    assert code == 1
    assert [line.split(" — ")[0] for line in lines[:-1]] == [   # the deadline in 2027 still cannot be counted
        f"{PENDING}:7: E-CALENDAR-YEAR 计算 示医保罚〔2026〕1号 的期限需要 2027 年的法定节假日安排，日历库中还没有",
        "site_config/calendar/2027.yml:3: E-YAML-DUPKEY 字段 source 在第 2 行和第 3 行重复出现，后一个会悄悄覆盖前一个"]


@pytest.mark.parametrize("edits, today", [
    # 其他 (20 working days): decided 12/10, published 12/15, on time whatever 2027's holidays are
    pytest.param([(PUBLISHED, "kind: 行政处罚", "kind: 行政检查"), (PUBLISHED, "decided: '2025-05-12'", "decided: '2026-12-10'"),
                  (PUBLISHED, "published: '2025-05-16'", "published: '2026-12-15'"),
                  (PUBLISHED, "  date: '2025-05-14'", "  date: '2026-12-14'")], "2026-12-31", id="published-in-december"),
    # 行政处罚 decided Fri 12/25, pending on Mon 12/28: six working days left, none of them asked about yet
    pytest.param([(PENDING, "decided: '2026-11-18'", "decided: '2026-12-25'")], "2026-12-28", id="pending-into-january"),
])
def test_the_next_year_s_calendar_is_asked_for_only_when_the_answer_depends_on_it(project, gongshi, edits, today):
    project.apply(edits)
    lines = gongshi("validate", "--county", "shili", "--today", today)[1]
    assert not any(" E-CALENDAR-YEAR " in line for line in lines), lines
