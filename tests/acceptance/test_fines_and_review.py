"""Fines within the ranges of the 条例, 从轻/减轻, and legal review of major decisions: the clerk's lines.

Each test writes its own decision (2026-080.yml) so the sample decisions can grow without moving the
lines asserted here. The decision is published on time, so only the rule under test can speak.
"""

from __future__ import annotations

import pytest

PATH = "content/shili/decisions/2026-080.yml"
CASE = "示医保罚〔2026〕80号"
TODAY = ("--county", "shili", "--today", "2026-11-23")
REGULATION = "《医疗保障基金使用监督管理条例》"
FRAUD_CITATION = REGULATION   # + the article: each has its own parameters
NHSA = "国家医疗保障局《医疗保障系统全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施办法（试行）》"
REVIEW_CITATION = f"{NHSA} 五（四）2"
MITIGATION_CITATION = "《中华人民共和国行政处罚法》第三十二条；《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号） 二（三）：从轻处罚在法定幅度内选择较低的处罚，减轻处罚在法定幅度以下"
OWN_CODES = ("E-FINE-", "E-MITIGATION-", "E-REVIEW-")

HINT_ABOVE = "从轻、减轻处罚都不能高于法定上限；请核对罚款金额、outcome 中的基数和 basis 中的条款"
HINT_BELOW = (f"低于法定下限只能是减轻处罚（{MITIGATION_CITATION}）：确有减轻情形的，请在 mitigation 中写 "
              "type: 减轻 和 ground 或 exemption；否则请核对罚款金额")
GROUND = "第三十二条第（一）项 主动消除或者减轻违法行为危害后果"


def decision(outcome: str, *, basis: tuple[str, ...] | None = ("第三十八条第（三）项",), power: str = "CF-001",
             extra: str = "", officers: str = "[zhang-shili, li-shifan]", decided: str = "2026-04-01",
             published: str = "2026-04-03") -> str:
    """A 行政处罚 decision published on time; `outcome` is the indented lines under outcome:, fine first (line 16)."""
    text = (f"case_number: {CASE}\n"                                   # 1
            "kind: 行政处罚\n"                                          # 2
            "title: 示例县某某医院违规使用医疗保障基金案\n"                 # 3
            f"decided: '{decided}'\n"                                   # 4
            "party:\n  type: 单位\n  name: 示例县某某医院\n"              # 5–7
            "facts: 经查，当事人违规使用医疗保障基金。\n"                   # 8
            f"power: {power}\n"                                         # 9
            f"officers: {officers}\n"                                   # 10
            "severity: 一般\n"                                          # 11
            f"approval:\n  by: 局长 张示例\n  date: '{published}'\n"     # 12–14
            "outcome:\n" + outcome)                                     # 15, and the fine on 16
    if basis is not None:
        text += "basis:\n" + "".join(f"  - law: {REGULATION}\n    article: {article}\n" for article in basis)
    return text + extra + f"published: '{published}'\n"


def line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def own(lines: list[str], path: str = PATH, codes: tuple = OWN_CODES) -> list[str]:
    """A module's findings about one file (other checks and other sample files are not under test)."""
    return [line for line in lines if line.startswith(f"{path}:") and any(f" {c}" in line for c in codes)]


def checker(project, gongshi, codes: tuple = OWN_CODES):
    """Write the decision (PATH) and return the findings of `codes` about it, as the clerk reads them."""
    def run(text: str) -> list[str]:
        project.write(PATH, text)
        return own(gongshi("validate", *TODAY)[1], codes=codes)
    return run


@pytest.fixture
def check(project, gongshi):
    return checker(project, gongshi)


# --- fines: 第三十八条, 1 to 2 times the loss ---

@pytest.mark.parametrize("fine", ["10000", "15000", "20000"])
def test_article_38_fine_from_one_to_two_times_the_loss_passes(check, fine):
    assert check(decision(f"  fine: {fine}\n  loss: 10000\n  returned: 10000\n")) == []


def test_article_38_fine_above_two_times_the_loss_is_an_error(check):
    assert check(decision("  fine: 25000\n  loss: 10000\n")) == [
        f"{PATH}:16: E-FINE-ABOVE-MAX 决定 {CASE} 的罚款 25,000元 超过法定上限：按第三十八条 造成医疗保障基金损失金额10,000元的"
        f"1倍至2倍，即10,000元至20,000元（{REGULATION}第三十八条） — {HINT_ABOVE}"]


def test_article_38_fine_below_the_loss_without_mitigation_is_an_error(check):
    assert check(decision("  fine: 8000\n  loss: 10000\n")) == [
        f"{PATH}:16: E-FINE-BELOW-MIN 决定 {CASE} 的罚款 8,000元 低于法定下限：按第三十八条 造成医疗保障基金损失金额10,000元的"
        f"1倍至2倍，即10,000元至20,000元（{REGULATION}第三十八条） — {HINT_BELOW}"]


def test_a_fine_without_its_base_amount_names_the_field_to_fill(check):
    assert check(decision("  fine: 8000\n  returned: 4000\n")) == [
        f"{PATH}:15: E-FINE-BASE-MISSING 决定 {CASE} 依据{REGULATION}第三十八条处罚款，罚款按造成医疗保障基金损失金额的倍数计算，"
        "但 outcome 中没有填写 loss，无法核对罚款是否在法定幅度内 — 请在 outcome 中填写 loss（造成医疗保障基金损失金额，元）"]
    assert check(decision("  fine: 8000\n", basis=("第四十条",))) == [
        f"{PATH}:15: E-FINE-BASE-MISSING 决定 {CASE} 依据{REGULATION}第四十条处罚款，罚款按骗取金额的倍数计算，"
        "但 outcome 中没有填写 fraud，无法核对罚款是否在法定幅度内 — 请在 outcome 中填写 fraud（骗取金额，元）"]
    # two articles on the same base: one line; a cited article the fine fits is enough
    assert check(decision("  fine: 8000\n", basis=("第四十条", "第四十一条第二款"))) == [
        f"{PATH}:15: E-FINE-BASE-MISSING 决定 {CASE} 依据{REGULATION}第四十条、第四十一条第二款处罚款，罚款按骗取金额的倍数计算，"
        "但 outcome 中没有填写 fraud，无法核对罚款是否在法定幅度内 — 请在 outcome 中填写 fraud（骗取金额，元）"]
    assert check(decision("  fine: 8000\n  loss: 5000\n", basis=("第三十八条", "第四十条"))) == []


def test_no_fine_is_not_measured(check):
    assert check(decision("  warning: true\n  loss: 10000\n")) == []


# --- fines: 第三十七条、第四十条、第四十一条第二款, 2 to 5 times the fraud ---

@pytest.mark.parametrize("article, label", [("第三十七条", "第三十七条"), ("第四十条第（三）项", "第四十条"),
                                            ("第四十一条第二款", "第四十一条第二款")])
def test_fraud_fines_from_two_to_five_times(check, article, label):
    assert check(decision("  fine: 10000\n  fraud: 5000\n", basis=(article,))) == []
    assert check(decision("  fine: 25000\n  fraud: 5000\n", basis=(article,))) == []
    assert check(decision("  fine: 7500\n  fraud: 5000\n", basis=(article,))) == [
        f"{PATH}:16: E-FINE-BELOW-MIN 决定 {CASE} 的罚款 7,500元 低于法定下限：按{label} 骗取金额5,000元的2倍至5倍，"
        f"即10,000元至25,000元（{FRAUD_CITATION}{label}） — {HINT_BELOW}"]
    assert check(decision("  fine: 30000\n  fraud: 5000\n", basis=(article,))) == [
        f"{PATH}:16: E-FINE-ABOVE-MAX 决定 {CASE} 的罚款 30,000元 超过法定上限：按{label} 骗取金额5,000元的2倍至5倍，"
        f"即10,000元至25,000元（{FRAUD_CITATION}{label}） — {HINT_ABOVE}"]


def test_without_basis_the_article_is_read_from_the_power(check, gongshi):
    # CF-004 is 第四十一条 (个人骗保)
    assert check(decision("  fine: 6000\n  fraud: 3000\n", basis=None, power="CF-004")) == []
    assert check(decision("  fine: 3000\n  fraud: 3000\n", basis=None, power="CF-004")) == [
        f"{PATH}:16: E-FINE-BELOW-MIN 决定 {CASE} 的罚款 3,000元 低于法定下限：按第四十一条 骗取金额3,000元的2倍至5倍，"
        f"即6,000元至15,000元（{REGULATION}第四十一条第二款） — {HINT_BELOW}"]
    # the sample 2025-002: power CF-003 (第四十条), fraud 3,600元, fine 7,200元 = 2 times
    assert own(gongshi("validate", *TODAY)[1], "content/shili/decisions/2025-002.yml") == []


def test_a_fine_fitting_any_one_of_the_cited_articles_passes(check):
    # 第三十八条: 1,000–2,000元; 第四十条: 6,000–15,000元
    two = ("第三十八条第（一）项", "第四十条第（三）项")
    assert check(decision("  fine: 1500\n  loss: 1000\n  fraud: 3000\n", basis=two)) == []
    assert check(decision("  fine: 9000\n  loss: 1000\n  fraud: 3000\n", basis=two)) == []
    assert check(decision("  fine: 4000\n  loss: 1000\n  fraud: 3000\n", basis=two)) == [
        f"{PATH}:16: E-FINE-BELOW-MIN 决定 {CASE} 的罚款 4,000元 低于法定下限：所引各条中符合任一条即可——"
        "按第三十八条 造成医疗保障基金损失金额1,000元的1倍至2倍，即1,000元至2,000元；"
        f"按第四十条 骗取金额3,000元的2倍至5倍，即6,000元至15,000元（{REGULATION}第三十八条；{REGULATION}第四十条） — {HINT_BELOW}"]


# --- fines: 第三十九条, 10,000 to 50,000 yuan, only after 拒不改正 ---

def test_article_39_fine_needs_refusal_to_correct(check):
    assert check(decision("  fine: 10000\n", basis=None, power="CF-002")) == [
        f"{PATH}:16: E-FINE-NOT-REFUSED 决定 {CASE} 依据{REGULATION}第三十九条处罚款，但该条只对经责令改正拒不改正的处"
        "10,000元至50,000元的罚款，outcome 中没有写明经责令改正拒不改正 — 属于这种情形的，请在 outcome 中写 "
        "refused_to_correct: true；不属于的，不能依第三十九条处罚款"]


def test_article_39_fine_from_ten_to_fifty_thousand(check):
    assert check(decision("  fine: 10000\n  refused_to_correct: true\n", basis=("第三十九条第（七）项",))) == []
    assert check(decision("  fine: 50000\n  refused_to_correct: true\n", basis=("第三十九条第（七）项",))) == []
    assert check(decision("  fine: 60000\n  refused_to_correct: true\n", basis=("第三十九条第（七）项",))) == [
        f"{PATH}:16: E-FINE-ABOVE-MAX 决定 {CASE} 的罚款 60,000元 超过法定上限：按第三十九条 10,000元至50,000元"
        f"（{REGULATION}第三十九条） — {HINT_ABOVE}"]


# --- 从轻 and 减轻 (行政处罚法 第三十二条) ---

def mitigation(kind: str, ground: str | None = GROUND, exemption: str | None = None) -> str:
    text = f"mitigation:\n  type: {kind}\n"
    text += f"  ground: {ground}\n" if ground else ""
    text += f"  exemption: {exemption}\n" if exemption else ""
    return text + "  explanation: 当事人在立案前主动退回全部损失。\n"


def test_reduced_penalty_may_go_below_the_minimum(check):
    assert check(decision("  fine: 5000\n  loss: 10000\n", extra=mitigation("减轻"))) == []
    assert check(decision("  fine: 3000\n  fraud: 3000\n", basis=None, power="CF-004",
                          extra=mitigation("减轻", ground=None, exemption="RP-02"))) == []


def test_lighter_penalty_below_the_minimum_is_an_error(check):
    assert check(decision("  fine: 5000\n  loss: 10000\n", extra=mitigation("从轻"))) == [
        f"{PATH}:16: E-FINE-LIGHTER-BELOW-MIN 决定 {CASE} 写的是从轻处罚，罚款 5,000元 却低于法定下限：按第三十八条 "
        f"造成医疗保障基金损失金额10,000元的1倍至2倍，即10,000元至20,000元（{REGULATION}第三十八条）；"
        f"从轻处罚只能在法定幅度内选择较低的罚款，低于下限的是减轻处罚（{MITIGATION_CITATION}） — "
        "确属减轻处罚的，请把 mitigation 的 type 改为 减轻；否则请把罚款改到法定幅度内"]
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra=mitigation("从轻"))) == []


def test_mitigation_must_cite_its_ground_or_exemption(check):
    text = decision("  fine: 5000\n  loss: 10000\n", extra=mitigation("减轻", ground=None))
    assert check(text) == [
        f"{PATH}:{line_of(text, 'mitigation:')}: E-MITIGATION-GROUND 决定 {CASE} 写了减轻处罚，但没有写明依据；"
        f"从轻、减轻处罚须有法定情形（{MITIGATION_CITATION}） — 请在 mitigation 中写 ground（法定情形的哪一项）"
        "或 exemption（exemptions.yml 中从轻、减轻处罚清单的编号）；没有法定情形的，请删除 mitigation，在法定幅度内处罚"]
    # even with no fine to measure
    text = decision("  warning: true\n  loss: 10000\n", extra=mitigation("从轻", ground=None))
    assert [line.split(" — ")[0] for line in check(text)] == [
        f"{PATH}:{line_of(text, 'mitigation:')}: E-MITIGATION-GROUND 决定 {CASE} 写了从轻处罚，但没有写明依据；"
        f"从轻、减轻处罚须有法定情形（{MITIGATION_CITATION}）"]


def test_no_mitigation_goes_above_the_maximum(check):
    assert check(decision("  fine: 21000\n  loss: 10000\n", extra=mitigation("减轻"))) == [
        f"{PATH}:16: E-FINE-ABOVE-MAX 决定 {CASE} 的罚款 21,000元 超过法定上限：按第三十八条 造成医疗保障基金损失金额10,000元的"
        f"1倍至2倍，即10,000元至20,000元（{REGULATION}第三十八条） — {HINT_ABOVE}"]


def test_a_classified_decision_is_checked_too(check):
    text = decision("  fine: 25000\n  loss: 10000\n", extra="classified: true\n")
    assert [line.split(" ")[1] for line in check(text)] == ["E-FINE-ABOVE-MAX"]


# --- legal review: major decisions (五（二）2) ---

REVIEW = "legal_review:\n  reviewer: chen-xugou\n  submitted: '{submitted}'\n  completed: '{completed}'\n"
MISSING_HINT = ("请填写 legal_review 的审核人员（reviewer）、送审日期（submitted）和审核完成日期（completed）；"
                "未经法制审核或者审核未通过的，不得作出决定")


def review(submitted: str = "2026-03-16", completed: str = "2026-03-27", extended: bool = False) -> str:
    return REVIEW.format(submitted=submitted, completed=completed) + ("  extended: true\n" if extended else "")


def missing(reasons: str) -> str:
    return (f"{PATH}:4: E-REVIEW-MISSING 决定 {CASE} 属于重大执法决定（{reasons}），但没有法制审核记录；作出重大执法决定前"
            f"必须经过法制审核（{NHSA} 五（二）1、2） — {MISSING_HINT}")


def test_a_large_amount_recovered_or_refused_needs_legal_review(check, project):
    project.edit("site_config/shili.yml", "    major_decision_amount_yuan: 50000\n", "")   # back to the default
    below = "  fine: 60000\n  loss: 60000\n  returned: 60000\n  refused_payment: 39999\n"
    at = "  fine: 60000\n  loss: 60000\n  returned: 60000\n  refused_payment: 40000\n"
    assert check(decision(below)) == []
    assert check(decision(at)) == [missing("追回、拒付医保基金共100,000元，达到数额较大的标准100,000元")]
    assert check(decision(at, extra=review())) == []


def test_a_county_sets_its_own_large_amount(check):
    # the sample county's own list (legal-review.yml) says 5万元以上: site_config/shili.yml sets 50000
    assert check(decision("  fine: 49999\n  loss: 49999\n  returned: 49999\n")) == []
    assert check(decision("  fine: 50000\n  loss: 50000\n  returned: 50000\n")) == [
        missing("追回、拒付医保基金共50,000元，达到数额较大的标准50,000元")]


def test_ending_a_service_agreement_needs_legal_review(check):
    assert check(decision("  fine: 10000\n  fraud: 5000\n  terminate_agreement: true\n", basis=("第四十条",))) == [
        missing("解除医保服务协议")]


def test_a_ticked_major_ground_needs_legal_review(check):
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra="major: [经过听证, 案情疑难复杂]\n")) == [
        missing("经过听证；案情疑难复杂")]
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra="major: [经过听证]\n" + review())) == []


def test_a_case_officer_may_not_review_the_case(check):
    text = decision("  fine: 10000\n  loss: 10000\n", officers="[zhang-shili, chen-xugou]", extra=review())
    assert check(text) == [
        f"{PATH}:{line_of(text, '  reviewer:')}: E-REVIEW-BY-CASE-OFFICER 决定 {CASE} 的法制审核人员 陈虚构（chen-xugou）"
        f"也是本案的承办执法人员；参与该次执法的人员不得对其进行法制审核（{NHSA} 五（一）2） — "
        "请由未参与本案的法制审核人员审核，并在 legal_review 的 reviewer 中填写其编号"]


# --- legal review: 10 working days, 10 more with approval (五（四）2) ---
# Submitted Mon 2026-03-02; March 2026 has no holiday or make-up day. Counting from the day after:
# 3/3–3/6 (1–4), 3/9–3/13 (5–9), 3/16 (10), 3/17 (11), 3/18–3/20 (12–14), 3/23–3/27 (15–19), 3/30 (20), 3/31 (21).

def too_long(text: str, completed: str, days: int) -> str:
    return (f"{PATH}:{line_of(text, '  completed:')}: E-REVIEW-TOO-LONG 决定 {CASE} 的法制审核从 2026年3月2日 送审到 "
            f"{completed} 完成，用了 {days} 个工作日，超过 10 个工作日，又没有写明经批准延长（{REVIEW_CITATION}） — "
            "因特殊情况经法制审核机构负责人批准延长的，请在 legal_review 中写 extended: true（最多延长 10 个工作日）；"
            "否则请核对送审和完成日期")


def too_long_extended(text: str, completed: str, days: int) -> str:
    return (f"{PATH}:{line_of(text, '  completed:')}: E-REVIEW-TOO-LONG-EXTENDED 决定 {CASE} 的法制审核从 2026年3月2日 送审到 "
            f"{completed} 完成，用了 {days} 个工作日，超过经批准延长后的 20 个工作日（10 个工作日，可延长 10 个工作日）"
            f"（{REVIEW_CITATION}） — 请核对送审和完成日期；退回补充材料后再次送审的，请填写再次送审的日期")


def test_review_within_ten_working_days_passes(check):
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra=review("2026-03-02", "2026-03-16"))) == []


def test_review_of_eleven_working_days_needs_an_extension(check):
    text = decision("  fine: 10000\n  loss: 10000\n", extra=review("2026-03-02", "2026-03-17"))
    assert check(text) == [too_long(text, "2026年3月17日", 11)]
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra=review("2026-03-02", "2026-03-17", extended=True))) == []
    assert check(decision("  fine: 10000\n  loss: 10000\n", extra=review("2026-03-02", "2026-03-30", extended=True))) == []


def test_review_beyond_twenty_working_days_fails_even_extended(check):
    for extended in (True, False):
        text = decision("  fine: 10000\n  loss: 10000\n", extra=review("2026-03-02", "2026-03-31", extended=extended))
        assert check(text) == [too_long_extended(text, "2026年3月31日", 21)]


def test_review_over_holidays_counts_working_days_only(check):
    # Submitted Tue 2026-09-22: 9/23, 9/24 (1–2), 9/25–27 中秋 off, 9/28–30 (3–5), 10/1–7 国庆 off, 10/8, 10/9 (6–7),
    # Sat 10/10 make-up day (8), 10/12, 10/13 (9–10): completed Tue 10/13 is the 10th working day, Wed 10/14 the 11th
    assert check(decision("  fine: 10000\n  loss: 10000\n", decided="2026-10-15", published="2026-10-16",
                          extra=review("2026-09-22", "2026-10-13"))) == []
    text = decision("  fine: 10000\n  loss: 10000\n", decided="2026-10-15", published="2026-10-16",
                    extra=review("2026-09-22", "2026-10-14"))
    assert [line.split(" ")[1] for line in check(text)] == ["E-REVIEW-TOO-LONG"]


def test_a_decision_may_not_precede_its_review(check):
    text = decision("  fine: 10000\n  loss: 10000\n", decided="2026-03-20", published="2026-03-24",
                    extra=review("2026-03-16", "2026-03-27"))
    assert check(text) == [
        f"{PATH}:4: E-REVIEW-AFTER-DECISION 决定 {CASE} 于 2026年3月20日 作出，早于法制审核完成日期 2026年3月27日；"
        f"未经法制审核的，不得作出决定（{NHSA} 五（二）1、2） — "
        "请核对作出决定日期（decided）和审核完成日期（legal_review 的 completed）"]
    # decided the day the review is completed
    assert check(decision("  fine: 10000\n  loss: 10000\n", decided="2026-03-27", published="2026-03-31",
                          extra=review("2026-03-16", "2026-03-27"))) == []


def test_review_completed_before_it_was_submitted_is_an_error(check):
    text = decision("  fine: 10000\n  loss: 10000\n", extra=review("2026-03-27", "2026-03-16"))
    assert check(text) == [
        f"{PATH}:{line_of(text, '  completed:')}: E-REVIEW-DATES 决定 {CASE} 的法制审核完成日期 2026年3月16日 早于送审日期 "
        "2026年3月27日 — 请核对 legal_review 中的 submitted 和 completed"]


def test_review_in_an_unknown_year_names_the_calendar_file(project, gongshi):
    text = decision("  fine: 10000\n  loss: 10000\n", decided="2027-01-05", published="2027-01-05",
                    extra=review("2026-12-28", "2027-01-04"))
    project.write(PATH, text)
    lines = gongshi("validate", "--county", "shili", "--today", "2027-01-05")[1]
    assert f"{PATH}:{line_of(text, '  submitted:')}: E-CALENDAR-YEAR 计算 {CASE} 的期限需要 2027 年的法定节假日安排，日历库中还没有 — " \
           "请按国务院办公厅《关于2027年部分节假日安排的通知》新建 site_config/calendar/2027.yml，" \
           "格式见 schemas/calendar.schema.json" in lines


def test_the_decision_written_here_breaks_no_other_rule(project, gongshi):
    project.write(PATH, decision("  fine: 10000\n  loss: 10000\n", extra=mitigation("从轻") + "major: [经过听证]\n" + review()))
    assert [line for line in gongshi("validate", *TODAY)[1] if line.startswith(PATH)] == []


def test_sample_decisions_pass(project, gongshi):
    lines = gongshi("validate", *TODAY)[1]
    assert [line for line in lines if any(f" {c}" in line for c in OWN_CODES)] == []
