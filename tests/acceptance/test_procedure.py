"""The procedure of a 行政处罚 (《行政处罚法》 Arts 60, 61, 51, 43, 63–64, 33): each rule passes on a
proper record and fails with the exact line a clerk reads. None of them takes a decision off the site."""

from __future__ import annotations

import pytest

from generator.law.sources import NHSA_PROCEDURE, PENALTY_LAW

from .test_fines_and_review import CASE, PATH, checker, decision, line_of

CODES = ("E-DECIDE-", "E-SERVE-", "E-SUMMARY-", "E-RECUSED-", "E-HEARING-", "W-FIRST-", "E-FIRST-")
ART_60 = (f"{PENALTY_LAW}第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，"
          "从其规定；第八十五条只把二日、三日、五日、七日算作工作日")


@pytest.fixture
def check(project, gongshi):
    return checker(project, gongshi, CODES)


# --- Art 60: 90 calendar days from filing ---

def test_a_decision_within_ninety_days_of_filing_passes(check):
    assert check(decision("  fine: 15000\n  loss: 10000\n", extra="filed: '2026-01-01'\n")) == []   # 90 days to 04-01


def test_a_decision_after_ninety_days_is_an_error(check):
    text = decision("  fine: 15000\n  loss: 10000\n", extra="filed: '2025-12-31'\n")
    assert check(text) == [
        f"{PATH}:4: E-DECIDE-LATE 决定 {CASE} 于 2025年12月31日 立案，2026年4月1日 才作出决定，用了 91 日，超过 90 日"
        f"（{ART_60}） — 请核对立案和作出决定的日期；听证、公告、检测、检验、检疫、鉴定的期间请写在 excluded_periods 中；"
        "依法经批准延长的，请在 time_extension 中写明延长日数、依据、批准人和批准日期"]


def test_hearing_and_appraisal_periods_are_not_counted_and_an_extension_is_added(check):
    periods = ("excluded_periods:\n  - {kind: 鉴定, from: '2025-11-01', to: '2025-11-20'}\n"
               "  - {kind: 听证, from: '2025-11-15', to: '2025-11-25'}\n")   # 25 days, overlap counted once
    assert check(decision("  fine: 15000\n  loss: 10000\n", extra="filed: '2025-12-07'\n" + periods.replace("2025-11", "2026-01"))) == []
    late = decision("  fine: 15000\n  loss: 10000\n", extra="filed: '2025-12-05'\n" + periods.replace("2025-11", "2026-01"))
    assert check(late) == [
        f"{PATH}:4: E-DECIDE-LATE 决定 {CASE} 于 2025年12月5日 立案，2026年4月1日 才作出决定，用了 92 日，不计听证、公告、检测、鉴定等"
        f"期间 25 日，超过 90 日（{ART_60}） — 请核对立案和作出决定的日期；听证、公告、检测、检验、检疫、鉴定的期间请写在 "
        "excluded_periods 中；依法经批准延长的，请在 time_extension 中写明延长日数、依据、批准人和批准日期"]
    extended = late.replace("excluded_periods:", "time_extension:\n  days: 30\n  basis: 案情复杂\n  approved_by: 局长 张示例\n"
                                              "  approved: '2026-02-20'\nexcluded_periods:")
    assert check(extended) == []


# --- Art 61: served within 7 working days when not handed over on the spot ---

def test_a_decision_served_afterwards_within_seven_working_days_passes(check):
    # Wed 2026-04-01 → 4/2, 4/3, 4/7 (4/4–4/6 清明), 4/8, 4/9, 4/10, 4/13: the 7th working day is 4/13
    assert check(decision("  fine: 15000\n  loss: 10000\n", extra="delivery: 送达\nserved: '2026-04-13'\n")) == []
    assert check(decision("  fine: 15000\n  loss: 10000\n", extra="delivery: 当场交付\n")) == []


def test_a_decision_served_late_is_an_error(check):
    text = decision("  fine: 15000\n  loss: 10000\n", extra="delivery: 送达\nserved: '2026-04-14'\n")
    assert check(text) == [
        f"{PATH}:{line_of(text, 'served:')}: E-SERVE-LATE 决定 {CASE} 于 2026年4月1日 作出，应在 7 个工作日内即 2026年4月13日 前送达，"
        f"实际 2026年4月14日 才送达（{PENALTY_LAW}第六十一条第一款：当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》"
        "的有关规定，将行政处罚决定书送达当事人；第八十五条：七日指工作日） — 请核对作出决定和送达的日期（served）"]


# --- Art 51: the summary procedure ---

def test_the_summary_procedure_only_for_small_fines_or_a_warning(check):
    assert check(decision("  fine: 3000\n  refused_to_correct: true\n", basis=None, power="CF-002",
                          extra="procedure: 简易程序\n")) == []
    small = decision("  warning: true\n", basis=None, extra="procedure: 简易程序\n")
    assert check(small) == []
    text = decision("  fine: 5000\n  loss: 5000\n", extra="procedure: 简易程序\n")
    assert check(text) == [
        f"{PATH}:{line_of(text, 'procedure:')}: E-SUMMARY-PROCEDURE 决定 {CASE} 适用简易程序，但处罚的是罚款5,000元；简易程序只适用于"
        f"警告或者对法人或者其他组织3,000元以下的罚款（{PENALTY_LAW}第五十一条） — 请核对 procedure 和处罚结果；超出的应当适用普通程序"
        "（立案、调查、告知、法制审核）"]


# --- Art 43: recusal ---

def test_an_officer_who_recused_may_not_handle_the_case(check):
    recused = "recusals:\n  - officer: li-shifan\n    reason: 与当事人法定代表人系近亲属\n"
    assert check(decision("  fine: 15000\n  loss: 10000\n", extra=recused, officers="[zhang-shili, wang-yangben]")) == []
    text = decision("  fine: 15000\n  loss: 10000\n", extra=recused)
    assert check(text) == [
        f"{PATH}:{line_of(text, '  - officer:')}: E-RECUSED-OFFICER 决定 {CASE} 中已回避的人员 li-shifan 又是本案的承办人员"
        f"（{PENALTY_LAW}第四十三条第一款） — 回避的人员不得再承办或审核本案；请核对 officers、legal_review 的 reviewer 和 recusals"]


# --- Arts 63–64: the right to a hearing ---

HEARING_RIGHT = (f"{PENALTY_LAW}第六十三条第一款：较大数额罚款（第（一）项），责令停产停业、责令关闭、限制从业（第（四）项），"
                 "其他较重的行政处罚（第（五）项）")
SUSPENDED = "  loss: 10000\n  suspension_months: 8\n  refused_to_correct: true\n"


def test_a_suspension_needs_the_hearing_notice_and_five_working_days(check):
    # notified Tue 3/24 → 3/25, 26, 27, 30, 31: the party may ask until 3/31; a decision on 4/1 is after that
    assert check(decision(SUSPENDED, extra="hearing:\n  notified: '2026-03-24'\n")) == []
    text = decision(SUSPENDED)
    assert check(text) == [
        f"{PATH}:4: E-HEARING-NOT-NOTIFIED 决定 {CASE} 的处罚（暂停 8 个月）应当告知当事人有要求听证的权利，但没有告知的记录"
        f"（{HEARING_RIGHT}） — 请在 hearing 中写 notified（告知听证权利的日期），当事人要求听证的写 requested 和 held"]
    soon = decision(SUSPENDED, extra="hearing:\n  notified: '2026-03-26'\n")
    assert check(soon) == [
        f"{PATH}:4: E-HEARING-TOO-SOON 决定 {CASE} 于 2026年3月26日 告知听证权利，2026年4月1日 就作出了决定，当事人要求听证的 5 个工作日"
        f"（到 2026年4月2日）还没有过完（{PENALTY_LAW}第六十四条第（一）项：当事人要求听证的，应当在行政机关告知后五日内提出；"
        "第八十五条：五日指工作日） — 请核对日期；当事人明确放弃听证的，请在 hearing 中写 waived: true"]
    assert check(soon.replace("  notified: '2026-03-26'\n", "  notified: '2026-03-26'\n  waived: true\n")) == []


def test_a_hearing_asked_for_is_held_before_the_decision(check):
    asked = decision(SUSPENDED, extra="hearing:\n  notified: '2026-03-10'\n  requested: '2026-03-12'\n")
    assert check(asked) == [
        f"{PATH}:{line_of(asked, 'hearing:')}: E-HEARING-NOT-HELD 决定 {CASE} 的当事人于 2026年3月12日 要求听证，但 2026年4月1日 "
        f"作出决定前没有举行听证（{HEARING_RIGHT}） — 请在 hearing 中写 held（举行听证的日期）；未经听证不得作出该处罚"]
    assert check(asked.replace("  requested: '2026-03-12'\n", "  requested: '2026-03-12'\n  held: '2026-03-20'\n")) == []


def test_a_large_fine_needs_the_hearing_notice_where_the_province_sets_the_amount(check, project):
    fine = "  fine: 60000\n  fraud: 20000\n"
    assert check(decision(fine, basis=("第四十条",), power="CF-003")) == []   # no amount set: not measured
    project.edit("site_config/shili.yml", "  law:\n", "  law:\n    hearing_fine_yuan_organisation: 50000\n")
    assert check(decision(fine, basis=("第四十条",), power="CF-003")) == [
        f"{PATH}:4: E-HEARING-NOT-NOTIFIED 决定 {CASE} 的处罚（罚款60,000元，达到本省规定的较大数额50,000元）应当告知当事人有要求听证的"
        f"权利，但没有告知的记录（{HEARING_RIGHT}） — 请在 hearing 中写 notified（告知听证权利的日期），当事人要求听证的写 requested 和 held"]


# --- Art 33: 首违不罚 ---

FIRST = (f"{PENALTY_LAW}第三十三条第一款：初次违法且危害后果轻微并及时改正的，可以不予行政处罚")


def test_a_penalty_on_a_first_violation_of_a_listed_matter_is_a_warning_to_confirm(check, project):
    listed = decision("  fine: 10000\n  refused_to_correct: true\n", basis=("第三十九条",), power="CF-002", extra="first_violation: true\n")
    warning = (f"{PATH}:{line_of(listed, 'first_violation:')}: W-FIRST-VIOLATION 决定 {CASE} 的执法事项 CF-002 在不予行政处罚事项清单中"
               f"（NP-01、NP-02），当事人是初次违法，仍作了处罚（{FIRST}） — 首违不罚是“可以”：请确认本案不符合清单的条件（如危害后果"
               "不轻微、未及时改正），并在案卷中写明理由")
    assert check(listed) == [warning]
    assert check(listed.replace("first_violation: true", "first_violation: false")) == []
    project.edit("site_config/shili.yml", "  law:\n", "  law:\n    no_penalty_list_binding: true\n")
    assert check(listed) == [
        f"{PATH}:{line_of(listed, 'first_violation:')}: E-FIRST-VIOLATION 决定 {CASE} 的执法事项 CF-002 在不予行政处罚事项清单中"
        f"（NP-01、NP-02），当事人是初次违法，本县规定清单必须适用，却作了处罚（{FIRST}） — 符合清单条件的应当不予行政处罚；"
        "不符合的，请核对 first_violation 和清单中的适用条件"]


def test_the_excluded_periods_a_record_may_name_are_the_law_s():
    import json

    from generator.law.profiles import MEDICAL_INSURANCE
    from generator.paths import SCHEMA_DIR

    schema = json.loads((SCHEMA_DIR / "decision.schema.json").read_text(encoding="utf-8"))
    kinds = schema["properties"]["excluded_periods"]["items"]["properties"]["kind"]["enum"]
    assert tuple(kinds) == MEDICAL_INSURANCE.parameters["excluded_period_kinds"].value
    assert NHSA_PROCEDURE in MEDICAL_INSURANCE.parameters["excluded_period_kinds"].citation
