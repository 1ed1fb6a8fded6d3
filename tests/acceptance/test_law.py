"""The law as a county applies it: the penalty table of its profile, 从轻 and 减轻 on their own
grounds, suspensions, overrides only the stricter way with their own citations, and the year end.

Decisions are written as in test_fines_and_review.py (one file, 2026-080.yml, published on time).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.law.profiles import MEDICAL_INSURANCE
from generator.law.sources import GUIDANCE, NHSA_MEASURES, PENALTY_LAW

from .test_fines_and_review import CASE, PATH, REGULATION, TODAY, checker, decision, line_of, mitigation

CONFIG = "site_config/shili.yml"
MITIGATION_CITATION = (f"{PENALTY_LAW}第三十二条；《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》"
                       "（国办发〔2022〕27号） 二（三）：从轻处罚在法定幅度内选择较低的处罚，减轻处罚在法定幅度以下")
LAW_CODES = ("E-FINE-", "E-MITIGATION-", "E-SUSPENSION-", "E-LAW-", "W-LAW-")


@pytest.fixture
def check(project, gongshi):
    return checker(project, gongshi, LAW_CODES)


# --- 减轻 only on a 减轻 ground, for the same power ---

REDUCED_ITEM = ("  - id: RP-09\n    power: CF-001\n    violation: 定点医药机构重复收费、超标准收费、分解项目收费\n"
                "    condition: 当事人主动退回全部损失且系初次违法的，可以减轻行政处罚\n"
                "    basis:\n      - law: 《中华人民共和国行政处罚法》\n        article: 第三十二条第（五）项\n")


def test_a_reduction_below_the_minimum_rests_on_an_item_of_the_reduction_list_for_the_same_power(project, check):
    project.edit("content/shili/exemptions.yml", "reduced_penalty:\n", "reduced_penalty:\n" + REDUCED_ITEM)
    below = "  fine: 5000\n  loss: 10000\n"
    assert check(decision(below, extra=mitigation("减轻", ground=None, exemption="RP-09"))) == []

    text = decision(below, extra=mitigation("减轻", ground=None, exemption="LP-01"))
    assert check(text) == [
        f"{PATH}:{line_of(text, '  exemption:')}: E-MITIGATION-LIST 决定 {CASE} 的减轻处罚引用的 LP-01 是从轻行政处罚事项清单中的事项，"
        f"减轻处罚须依减轻行政处罚事项清单中的事项或法定情形（{MITIGATION_CITATION}） — 从轻只能在法定幅度内；确属减轻的，"
        "请引用减轻行政处罚事项清单中的事项，或在 ground 中写明法定情形；否则请把 type 改为 从轻，罚款改到法定幅度内"]

    text = decision(below, extra=mitigation("减轻", ground=None, exemption="RP-01"))   # an individuals' fraud item
    assert check(text) == [
        f"{PATH}:{line_of(text, '  exemption:')}: E-MITIGATION-POWER 决定 {CASE} 的减轻处罚引用的 RP-01 是执法事项 CF-004 的清单事项，"
        f"本决定的执法事项是 CF-001（{MITIGATION_CITATION}） — 请引用本执法事项的清单事项，或在 ground 中写明法定情形"]


def test_a_lighter_penalty_may_rest_on_an_item_of_the_lighter_list(check):
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra=mitigation("从轻", ground=None, exemption="LP-01"))) == []


# --- 第四十一条: the fine is paragraph 2's ---

def test_article_41_paragraph_1_has_no_fine(check):
    individual = dict(power="CF-004")
    assert check(decision("  fine: 3000\n  fraud: 1000\n", basis=("第四十一条第二款",), **individual)) == []
    assert check(decision("  fine: 3000\n  fraud: 1000\n", basis=("第四十一条第一款",), **individual)) == [
        f"{PATH}:16: E-FINE-NO-PROVISION 决定 {CASE} 处了罚款，但所引的{REGULATION}第四十一条第一款没有罚款的规定 — "
        f"有罚款规定的是{REGULATION}第三十七条、第三十八条、第三十九条、第四十条、第四十一条、第四十一条第二款；"
        "请核对 basis 中的条款（写到款），或删除罚款"]


# --- suspensions (暂停) ---

def test_article_38_suspends_six_to_twelve_months_only_after_a_refusal_or_serious_consequences(check):
    assert check(decision("  loss: 10000\n  suspension_months: 8\n  refused_to_correct: true\n")) == []
    assert check(decision("  loss: 10000\n  suspension_months: 8\n  serious_consequences: true\n")) == []
    assert check(decision("  loss: 10000\n  suspension_months: 8\n")) == [
        f"{PATH}:17: E-SUSPENSION-CONDITION 决定 {CASE} 依据第三十八条暂停相关责任部门涉及医疗保障基金使用的医药服务 8 个月，"
        f"但该条只在经责令改正拒不改正或者造成严重后果时暂停，outcome 中没有写明（{REGULATION}第三十八条） — "
        "属于这种情形的，请在 outcome 中写 refused_to_correct: true、serious_consequences: true（符合的那一项）；否则不能暂停"]
    assert check(decision("  loss: 10000\n  suspension_months: 3\n  refused_to_correct: true\n")) == [
        f"{PATH}:17: E-SUSPENSION-RANGE 决定 {CASE} 暂停 3 个月，不在所引条款的幅度内：第三十八条暂停相关责任部门涉及医疗保障基金"
        f"使用的医药服务 6 至 12 个月（{REGULATION}第三十八条） — 请核对 suspension_months 和 basis 中的条款；"
        "低于下限只能是减轻处罚，须在 mitigation 中写明依据"]


def test_article_40_suspends_at_most_twelve_months_beyond_which_the_agreement_ends(check):
    fraud = dict(basis=("第四十条",), power="CF-003")
    assert check(decision("  fine: 20000\n  fraud: 10000\n  suspension_months: 12\n", **fraud)) == []
    assert check(decision("  fine: 20000\n  fraud: 10000\n  suspension_months: 18\n", **fraud)) == [
        f"{PATH}:18: E-SUSPENSION-RANGE 决定 {CASE} 暂停 18 个月，不在所引条款的幅度内：第四十条暂停相关责任部门涉及医疗保障基金"
        "使用的医药服务 6 至 12 个月，更长的，由医疗保障经办机构解除服务协议（outcome 中写 terminate_agreement: true）"
        f"（{REGULATION}第四十条） — 请核对 suspension_months 和 basis 中的条款；低于下限只能是减轻处罚，须在 mitigation 中写明依据"]


def test_article_41_suspends_networked_settlement_three_to_twelve_months(check):
    individual = dict(power="CF-004", basis=("第四十一条第一款",))
    assert check(decision("  suspension_months: 3\n", **individual)) == []
    assert check(decision("  suspension_months: 2\n", **individual)) == [
        f"{PATH}:16: E-SUSPENSION-RANGE 决定 {CASE} 暂停 2 个月，不在所引条款的幅度内：第四十一条第一款暂停参保人员医疗费用联网结算"
        f" 3 至 12 个月（{REGULATION}第四十一条） — 请核对 suspension_months 和 basis 中的条款；"
        "低于下限只能是减轻处罚，须在 mitigation 中写明依据"]


def test_article_39_provides_no_suspension(check):
    text = decision("  fine: 20000\n  refused_to_correct: true\n  suspension_months: 6\n", basis=("第三十九条",), power="CF-002")
    assert check(text) == [
        f"{PATH}:18: E-SUSPENSION-NO-PROVISION 决定 {CASE} 暂停 6 个月，但所引的{REGULATION}第三十九条没有暂停的规定 — "
        f"有暂停规定的是{REGULATION}第三十八条、第四十条、第四十一条、第四十一条第一款、第四十一条第二款；"
        "请核对 basis 中的条款，或删除 suspension_months"]


# --- a county's own law: stricter only, with its own citation ---

def _override(project, text: str) -> None:
    project.edit(CONFIG, "  law:\n", "  law:\n" + text)


def test_a_county_cannot_loosen_a_deadline(project, gongshi):
    _override(project, "    publish_within_working_days_penalty: 20\n")
    code, lines = gongshi("validate", *TODAY)
    assert code == 1
    assert (f"{CONFIG}:16: E-LAW-LOOSER 本县把行政处罚、行政许可决定的公示期限改为 20个工作日，比医疗保障行政部门适用的规定（7个工作日，"
            f"{GUIDANCE} 二（三）；{NHSA_MEASURES} 三（三）1）更宽 — 本县只能规定得更严：请改为不超过 7个工作日的值，"
            "或删除 publish_within_working_days_penalty 这一项") in lines


def test_a_looser_value_is_not_applied(project, gongshi):
    # 2025-001 was decided Mon 2025-05-12: published on its 10th working day (5/26) it is late, 20 or no 20
    _override(project, "    publish_within_working_days_penalty: 20\n")
    project.edit("content/shili/decisions/2025-001.yml", "published: '2025-05-16'", "published: '2025-05-26'")
    lines = gongshi("validate", *TODAY)[1]
    assert any(" E-DEADLINE-LATE " in line and "应在 7 个工作日内即 2025年5月21日 前公示" in line for line in lines)


def test_a_stricter_value_cites_the_national_text_and_the_county_s_own(project, gongshi):
    _override(project, "    withdraw_within_working_days: {value: 2, citation: 示医保发〔2026〕3号 第五条}\n")
    project.edit("content/shili/decisions/2025-001.yml", "history:\n",
                 "history:\n  - event: 撤销\n    date: '2026-11-16'\n    reason: 经复议撤销\n    authority: 示例县人民政府\n")
    lines = gongshi("validate", *TODAY)[1]
    withdrawal = [line for line in lines if " E-WITHDRAWAL-OVERDUE " in line]
    assert len(withdrawal) == 1, lines
    assert "应在 2 个工作日内即 2026年11月18日 前撤下公示" in withdrawal[0]
    assert "应当在三日内撤回行政处罚决定信息并公开说明理由" in withdrawal[0]
    assert "；本县规定：示医保发〔2026〕3号 第五条）" in withdrawal[0]


def test_a_stricter_value_without_its_citation_is_a_warning(project, gongshi):
    _override(project, "    withdraw_within_working_days: 2\n")
    code, lines = gongshi("validate", *TODAY)
    assert code == 0
    assert (f"{CONFIG}:16: W-LAW-UNCITED 本县把决定被变更、撤销、确认违法或者确认无效后撤下公示的期限改为 2个工作日"
            "（医疗保障行政部门适用的规定是 3个工作日），但没有写明依据 — 请写成 withdraw_within_working_days: "
            "{value: 2, citation: 规定更严的文件和条款}，错误提示会同时引用它") in lines


def test_a_value_the_law_fixes_cannot_be_changed(project, gongshi):
    _override(project, "    adult_age: 16\n")
    code, lines = gongshi("validate", *TODAY)
    assert code == 1
    assert (f"{CONFIG}:16: E-LAW-FIXED 成年年龄（不满的为未成年人，其决定不公示）由法律规定（《中华人民共和国民法典》第十七条；"
            "《中华人民共和国未成年人保护法》第一百零三条），本县不能改 — 请删除 extra.law 中的 adult_age") in lines


def test_a_profile_gongshi_does_not_know(project, gongshi):
    _override(project, "    profile: 交通运输\n")
    code, lines = gongshi("validate", *TODAY)
    assert code == 1
    assert [line for line in lines if line.startswith(f"{CONFIG}:")] == [
        f"{CONFIG}:16: E-SCHEMA-ENUM 字段 extra.law.profile（本县的执法领域（默认 医疗保障））的值 交通运输 不在可选范围内 — "
        "只能填写：医疗保障、市场监管"]


def test_deadlines_cite_the_national_basis_not_another_province(project, gongshi):
    lines = gongshi("validate", "--county", "shili", "--today", "2026-11-30")[1]
    missed = [line for line in lines if " E-DEADLINE-MISSED " in line]
    assert missed and all(f"（{GUIDANCE} 二（三）；{NHSA_MEASURES} 三（三）1）" in line for line in missed)
    assert not any("赣医保" in line for line in lines)


# --- every citation comes from the parameter it applies ---

@pytest.mark.parametrize("name, edits, today, code", [
    ("publish_within_working_days_penalty", [], "2026-11-30", "E-DEADLINE-MISSED"),
    ("withdraw_within_working_days", [("content/shili/decisions/2025-001.yml", "history:\n",
                                       "history:\n  - event: 撤销\n    date: '2026-11-16'\n    reason: 经复议撤销\n"
                                       "    authority: 示例县人民政府\n")], "2026-11-23", "E-WITHDRAWAL-OVERDUE"),
    ("min_case_officers", [("content/shili/decisions/2025-001.yml", "officers: [zhang-shili, li-shifan]",
                            "officers: [zhang-shili]")], "2026-11-23", "E-OFFICERS-TOO-FEW"),
    ("annual_report_due_day_of_january", [], "2027-02-01", "E-ANNUAL-MISSING"),
    ("adult_age", [("content/shili/decisions/2025-001.yml", "  type: 单位\n",
                    "  type: 自然人\n  id_number: '110105201001010010'\n")], "2026-11-23", "E-PARTY-MINOR"),
])
def test_a_message_cites_what_its_parameter_cites(project, gongshi, monkeypatch, name, edits, today, code):
    project.apply(edits)
    monkeypatch.setitem(MEDICAL_INSURANCE.parameters, name, replace(MEDICAL_INSURANCE.parameters[name], citation="测试依据第九条"))
    lines = [line for line in gongshi("validate", "--county", "shili", "--today", today)[1] if f" {code} " in line]
    assert lines and all("测试依据第九条" in line for line in lines), lines


# --- the publicity period of the rule in force on the decision date ---

SERIOUS = "content/shili/decisions/2025-001.yml"   # 严重, decided 2025-05-12 (令2023年第58号: at least a year)


@pytest.mark.parametrize("decided, repaired, earliest, source", [
    ("2025-05-12", "2026-02-01", "2026年5月12日", "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）"),
    ("2026-05-12", "2027-02-01", "2027年5月12日", "《信用修复管理办法》（国家发展改革委令2025年第36号）"),
])
def test_credit_repair_waits_for_the_shortest_period_of_the_rule_of_the_decision_date(project, gongshi, decided, repaired,
                                                                                    earliest, source):
    project.edit(SERIOUS, "decided: '2025-05-12'", f"decided: '{decided}'")
    project.edit(SERIOUS, "history:\n", f"history:\n  - event: 信用修复\n    date: '{repaired}'\n")
    lines = gongshi("validate", "--county", "shili", "--today", "2027-03-01")[1]
    early = [line for line in lines if " E-CREDIT-REPAIR-EARLY " in line]
    assert early == [f"{SERIOUS}:39: E-CREDIT-REPAIR-EARLY 决定 示医保罚〔2025〕1号 是严重失信信息，最短公示期到 {earliest} 届满，"
                     f"{repaired[:4]}年{int(repaired[5:7])}月{int(repaired[8:])}日 不能完成信用修复（{source}） — "
                     "请核对信用修复日期；最短公示期届满前不得提前撤下"], lines


def test_a_serious_decision_of_2023_could_be_repaired_after_six_months(project, gongshi):
    project.edit(SERIOUS, "decided: '2025-05-12'", "decided: '2023-03-01'")
    project.edit(SERIOUS, "history:\n", "history:\n  - event: 信用修复\n    date: '2023-10-01'\n")
    lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")[1]
    assert not any(" E-CREDIT-REPAIR-EARLY " in line for line in lines)


def test_a_minor_decision_stays_as_long_as_its_rule_says(project, gongshi):
    from generator.law.lifecycle import publicity_ends
    from generator.law.profiles import default_law

    law = default_law()
    minor = {"kind": "行政处罚", "severity": "轻微"}
    assert str(publicity_ends(minor | {"decided": "2025-05-12"}, law)) == "2026-05-13"   # 一般 under 令2023年第58号
    assert str(publicity_ends(minor | {"decided": "2026-05-12"}, law)) == "2026-08-13"   # 3 months under 令2025年第36号
