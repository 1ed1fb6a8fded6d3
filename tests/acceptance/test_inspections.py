"""Random inspections (双随机、一公开): `gongshi validate` on the sample county with one mistake each,
and the exact line a clerk reads.

The sample plan 2026 (content/shili/random-inspections.yml): batch 1 drawn here on 2026-03-06 from
the public value of 2026-03-05 (it draws mz-002, mz-001, yd-004, yd-001, with the inspectors tasks
2026-01…04 list), batch 2 recorded from the province's platform (yy-002, task 2026-05). Task 2026-02
inspects the pharmacy yd-004 on 2026-04-13, inside the quiet period (days 1–20 for 定点零售药店),
for the listed reason 案件查处.

The draw is computed from the pool's ids, the officers whose certificate is in force on the draw
date, the plan's numbers, its recusals and the public value. The edits here leave all of these as
they were (a date that is not an input, a certificate changed after the draw date, a platform's
record), so that batch 1 draws what it drew, unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.cn_format import chinese_date
from generator.law.working_days import WorkingCalendar

PLANS = "content/shili/random-inspections.yml"
POOL = "content/shili/inspection-objects.yml"
OFFICERS = "content/shili/officers.yml"
CONFIG = "site_config/shili.yml"
CLEAN = "检查通过：没有发现问题。"

OFFICER_CITATION = "《中华人民共和国行政处罚法》第四十二条；《医疗保障基金使用监督管理条例》第二十九条；《中华人民共和国行政强制法》第十八条"
RESULT_CITATION = ("国家医疗保障局《医疗保障系统全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施办法（试行）》"
                   " 三（三）1：执法决定作出之日起 20 个工作日内，应向社会公布执法机关、执法对象、执法类别、执法结论等信息")
QUIET_CITATION = "示例县医疗保障局关于优化营商环境的若干措施（示医保发〔2026〕1号）一、1（虚构示例）"
EXCEPTIONS = ("上级医保部门组织检查", "上级交办", "案件查处", "重大舆情或投诉等突发事件")

# li-shifan's certificate, as officers.yml gives it
LI = ("certificate_no: 'SL-2024-0002'\n    issuer: 示例省人民政府\n    valid_from: '2024-03-01'\n"
      "    valid_until: '2029-02-28'\n    status: 有效\n")
QUIET_REASON = "        quiet_period_exception:\n          reason: 案件查处\n          note: 接到举报线索，与抽查一并现场核查。\n"
# A third batch, after the others: nothing drawn before it changes
THIRD = "      - id: '3'\n        date: '2026-11-21'\n        count: 1\n{how}    tasks:\n"
VALUE_TO_COME = ("        randomness:\n          source: 中国福利彩票“双色球”第2026135期开奖号码（示例）\n"
                 "          date: '2026-11-20'\n")
# The platform's batch 2 records mz-001, which batch 1 drew, and task 2026-05 inspects it
MZ_001_AGAIN = [(PLANS, "objects: [yy-002]", "objects: [mz-001]"), (PLANS, "object: yy-002", "object: mz-001")]


def reported(lines: list[str]) -> list[str]:
    """The errors and warnings, without the closing count."""
    return [line for line in lines if ": E-" in line or ": W-" in line]


def validate(gongshi, today: str = "2026-11-23") -> tuple[int, list[str]]:
    code, lines = gongshi("validate", "--county", "shili", "--today", today)
    return code, reported(lines)


def test_the_sample_plan_is_clean(project, gongshi):
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert (code, lines) == (0, [CLEAN])


@pytest.mark.parametrize("edits, expected", [
    # --- the draws ---
    pytest.param([(PLANS, "    tasks:\n", THIRD.format(how=""))],
                 f"{PLANS}:34: E-DRAW-HOW 抽查计划 2026 第 3 批既没有写公开随机数（randomness），也没有写平台抽取记录（platform） — "
                 "本局抽取的，请写 randomness（来源、开奖日期、开奖号码）和 count 或 ratio；在平台上抽取的，请写 platform、objects 和 inspectors",
                 id="draw-neither-randomness-nor-platform"),
    pytest.param([(PLANS, "inspectors: [[zhang-shili, li-shifan]]", "inspectors: [[zhang-shili, li-shifan], [wang-yangben, zhao-yanshi]]")],
                 f"{PLANS}:33: E-DRAW-PLATFORM 抽查计划 2026 第 2 批的平台抽取记录有 1 个对象，却有 2 组执法人员 — "
                 "inspectors 中每个对象一组（如 [[zhang-san, li-si]]），与 objects 一一对应", id="platform-teams-mismatch"),
    # the value's date is not an input of the draw
    pytest.param([(PLANS, "date: '2026-03-05'", "date: '2026-03-02'")],
                 f"{PLANS}:24: E-DRAW-EARLY 抽查计划 2026 第 1 批的公开随机数 2026年3月2日 开奖，不晚于计划公布日期 2026年3月2日 — "
                 "随机数必须在计划和名录库公布之后才产生，否则抽取结果可以事先算出；请改用公布之后某一日的开奖号码", id="value-not-after-plan"),
    # every certificate in force on 3/6 is in force on 3/4: the inspector pool, and so the draw, is the same
    pytest.param([(PLANS, "date: '2026-03-06'", "date: '2026-03-04'")],
                 f"{PLANS}:20: E-DRAW-BEFORE-VALUE 抽查计划 2026 第 1 批在 2026年3月4日 抽取，早于公开随机数开奖日期 2026年3月5日 — "
                 "请核对抽取日期和开奖日期：开奖之后才能抽取", id="drawn-before-value"),
    pytest.param([(PLANS, "        count: 4\n", "")],
                 f"{PLANS}:19: E-DRAW-FAILED 抽查计划 2026 第 1 批无法抽取：没有写抽取对象数 count 或抽取比例 ratio — "
                 "请核对名录库、执法人员清单和计划中的人数", id="draw-without-count"),
    pytest.param(MZ_001_AGAIN,
                 f"{PLANS}:32: E-INSPECT-DRAWN-TWICE 对象 示例县仁心诊所（mz-001）在抽查计划 2026 中被抽中了两次（第 1 批和第 2 批） — "
                 "同一计划中已抽中的对象不再参加抽取；确需重复抽查的，请在计划中写 allow_repeat: true", id="drawn-twice"),
    # --- the tasks against their draw ---
    pytest.param([(PLANS, "draw: '1'", "draw: '3'")],
                 f"{PLANS}:36: E-TASK-DRAW-UNKNOWN 检查任务 2026-01 所属的抽取批次 3 在抽查计划 2026 中不存在 — 已有的批次：1、2",
                 id="task-draw-unknown"),
    # yd-003, not yd-002: li-shifan is recused for yd-002, which would be a second finding
    pytest.param([(PLANS, "object: yd-001", "object: yd-003")],
                 f"{PLANS}:37: E-TASK-NOT-DRAWN 检查任务 2026-01 的对象 yd-003 不是第 1 批抽中的对象（抽中的是：mz-002、mz-001、yd-004、yd-001） — "
                 "双随机抽查只能检查抽中的对象；请核对任务，或运行 gongshi draw --plan 查看抽取结果", id="object-not-drawn"),
    pytest.param([(PLANS, "inspectors: [chen-xugou, li-shifan]", "inspectors: [chen-xugou, zhao-yanshi]")],
                 f"{PLANS}:38: E-TASK-INSPECTORS-NOT-DRAWN 检查任务 2026-01 的检查人员（chen-xugou、zhao-yanshi）不是为对象 yd-001 抽中的人员"
                 "（chen-xugou、li-shifan） — 检查人员须按抽取结果选派；确需调整的，请按规定重新抽取并记录", id="inspectors-not-drawn"),
    pytest.param([(PLANS, "date: '2026-09-08'", "date: '2026-08-31'")],
                 f"{PLANS}:87: E-TASK-BEFORE-DRAW 检查任务 2026-05 的检查日期 2026年8月31日 早于抽取日期 2026年9月1日 — 请核对检查日期和抽取日期",
                 id="task-before-draw"),
    # --- the inspectors ---
    # the platform drew one inspector and the task lists him: the only fault is that one is too few
    pytest.param([(PLANS, "inspectors: [[zhang-shili, li-shifan]]", "inspectors: [[zhang-shili]]"),
                  (PLANS, "inspectors: [zhang-shili, li-shifan]", "inspectors: [zhang-shili]")],
                 f"{PLANS}:86: E-INSPECT-TOO-FEW 检查任务 2026-05 只有 1 名检查人员，至少应有 2 名（{OFFICER_CITATION}） — "
                 "请在 inspectors 中列出全部检查人员的编号", id="one-inspector"),
    # li-shifan's certificate now ends on 9/30: after both draws (3/6, 9/1) and task 2026-05 (9/8), before task 2026-04 (10/26)
    pytest.param([(OFFICERS, LI, LI.replace("2029-02-28", "2026-09-30"))],
                 f"{PLANS}:76: E-INSPECT-CERTIFICATE 检查任务 2026-04 的检查人员 李示范（li-shifan）在检查日期 2026年10月26日 没有有效的执法证"
                 "（已失效，自2026年10月1日起） — 未取得有效执法证件的人员不得从事行政执法工作；请核对检查人员或证件", id="certificate-expired"),
    pytest.param([(OFFICERS, LI, LI.replace("status: 有效", "status: 注销\n    status_since: '2026-10-01'"))],
                 f"{PLANS}:76: E-INSPECT-CERTIFICATE 检查任务 2026-04 的检查人员 李示范（li-shifan）在检查日期 2026年10月26日 没有有效的执法证"
                 "（已注销，自2026年10月1日起） — 未取得有效执法证件的人员不得从事行政执法工作；请核对检查人员或证件", id="certificate-annulled"),
    # a recusal is an input of the draw: rather than add one, the platform's batch 2 draws yd-002, for
    # which li-shifan is recused, and him with it; the province's batch is 上级交办 in the quiet period
    pytest.param([(PLANS, "objects: [yy-002]", "objects: [yd-002]"),
                  (PLANS, "object: yy-002", "object: yd-002\n        quiet_period_exception:\n          reason: 上级交办")],
                 f"{PLANS}:88: E-INSPECT-RECUSED 检查任务 2026-05 的检查人员 李示范（li-shifan）对 示例县仁和大药房有限公司 应当回避："
                 "近亲属在该药店任职 — 回避的人员不得参加对该对象的检查；请更换检查人员", id="recused"),
    # --- the quiet period ---
    pytest.param([(PLANS, QUIET_REASON, "")],
                 f"{PLANS}:50: W-INSPECT-QUIET 检查任务 2026-02 在 2026年4月13日 检查定点零售药店 示例县康宁药房有限公司，"
                 f"在本县的“安静期”（每月1日至20日）内，没有写明理由（{QUIET_CITATION}） — "
                 f"安静期内原则上不检查；确属特殊情形的，请在 quiet_period_exception 中写明理由：{'、'.join(EXCEPTIONS)}", id="quiet"),
    pytest.param([(PLANS, QUIET_REASON, ""), (CONFIG, "severity: 警告", "severity: 错误")],
                 f"{PLANS}:50: E-INSPECT-QUIET 检查任务 2026-02 在 2026年4月13日 检查定点零售药店 示例县康宁药房有限公司，"
                 f"在本县的“安静期”（每月1日至20日）内，没有写明理由（{QUIET_CITATION}） — "
                 f"安静期内不检查；确属特殊情形的，请在 quiet_period_exception 中写明理由：{'、'.join(EXCEPTIONS)}", id="quiet-as-error"),
    pytest.param([(PLANS, "reason: 案件查处", "reason: 日常检查")],
                 f"{PLANS}:53: W-INSPECT-QUIET-REASON 检查任务 2026-02 在“安静期”内检查的理由“日常检查”不是本县规定的特殊情形（{QUIET_CITATION}） — "
                 f"可以写的理由：{'、'.join(EXCEPTIONS)}；其他理由请报经批准并在 note 中说明", id="quiet-reason-unlisted"),
    pytest.param([(PLANS, "reason: 案件查处", "reason: 日常检查"), (CONFIG, "severity: 警告", "severity: 错误")],
                 f"{PLANS}:53: E-INSPECT-QUIET-REASON 检查任务 2026-02 在“安静期”内检查的理由“日常检查”不是本县规定的特殊情形（{QUIET_CITATION}） — "
                 f"可以写的理由：{'、'.join(EXCEPTIONS)}", id="quiet-reason-unlisted-as-error"),
    # --- the results ---
    pytest.param([(PLANS, "          follow_up: 已移交立案调查。\n", "          follow_up: 已移交立案调查。\n          decision: 2026-009\n")],
                 f"{PLANS}:72: E-RESULT-DECISION-UNKNOWN 检查任务 2026-03 的结果引用的执法决定 2026-009 不存在 — "
                 "请填写 decisions/ 中决定文件的文件名（不含 .yml），如 2026-003", id="result-decision-unknown"),
])
def test_one_mistake_is_one_exact_line(project, gongshi, edits, expected):
    project.apply(edits)
    code, lines = validate(gongshi)
    assert lines == [expected]
    assert code == (1 if ": E-" in expected else 0)


def test_a_draw_that_cannot_be_made_is_one_error_and_its_tasks_are_not_judged_against_it(project, gongshi):
    project.file("content/shili/draws/2026-1.json").unlink()   # as before it was made and fixed
    project.edit(PLANS, "inspectors_per_task: 2", "inspectors_per_task: 6")
    code, lines = validate(gongshi)
    assert (code, lines) == (1, [
        f"{PLANS}:19: E-DRAW-FAILED 抽查计划 2026 第 1 批无法抽取：对象 yy-001 可以抽取的执法人员只有 5 名"
        "（证件在抽取日期有效且不需回避），少于每项检查 6 名 — 请核对名录库、执法人员清单和计划中的人数"])


def test_a_plan_without_its_pool_is_one_error(project, gongshi):
    project.file(POOL).unlink()
    code, lines = validate(gongshi)
    assert code == 1
    assert lines == [
        f"{PLANS}:1: E-INSPECT-POOL-MISSING 有抽查计划 random-inspections.yml，却没有检查对象名录库 inspection-objects.yml — "
        "抽取要从公布的名录库中进行，网站也要公布它；请新建 inspection-objects.yml，列出抽查对象（只限单位，不含个人）"]


def test_an_object_may_be_drawn_again_where_the_plan_allows_it(project, gongshi):
    # allow_repeat is not an input of the draw, and batch 1 has no batch before it: it draws what it drew
    project.apply(MZ_001_AGAIN + [(PLANS, "    inspectors_per_task: 2\n", "    inspectors_per_task: 2\n    allow_repeat: true\n")])
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23") == (0, [CLEAN])


def test_one_inspector_on_a_drawn_task_is_also_not_the_drawn_pair(project, gongshi):
    project.edit(PLANS, "inspectors: [chen-xugou, li-shifan]", "inspectors: [chen-xugou]")
    code, lines = validate(gongshi)
    assert code == 1
    assert lines == [
        f"{PLANS}:38: E-INSPECT-TOO-FEW 检查任务 2026-01 只有 1 名检查人员，至少应有 2 名（{OFFICER_CITATION}） — "
        "请在 inspectors 中列出全部检查人员的编号",
        f"{PLANS}:38: E-TASK-INSPECTORS-NOT-DRAWN 检查任务 2026-01 的检查人员（chen-xugou）不是为对象 yd-001 抽中的人员"
        "（chen-xugou、li-shifan） — 检查人员须按抽取结果选派；确需调整的，请按规定重新抽取并记录"]


# --- the public value not yet written ---

def test_a_value_not_written_after_its_date_is_a_warning(project, gongshi):
    project.edit(PLANS, "    tasks:\n", THIRD.format(how=VALUE_TO_COME))
    warning = (f"{PLANS}:37: W-DRAW-VALUE-MISSING 抽查计划 2026 第 3 批的公开随机数已于 2026年11月20日 开奖，还没有填写开奖号码 — "
               "请照开奖公告填写 randomness 的 value，再运行 gongshi draw 得到抽取结果")
    assert validate(gongshi, "2026-11-20") == (0, [warning])
    assert validate(gongshi, "2026-11-19") == (0, [])   # before the lottery nothing is missing


def test_tasks_of_a_batch_whose_value_is_not_written_cannot_have_been_drawn(project, gongshi):
    project.edit(PLANS, "          value: '05 11 16 23 28 33 + 09'\n", "")
    code, lines = validate(gongshi)
    assert code == 1
    assert lines == [
        f"{PLANS}:22: W-DRAW-VALUE-MISSING 抽查计划 2026 第 1 批的公开随机数已于 2026年3月5日 开奖，还没有填写开奖号码 — "
        "请照开奖公告填写 randomness 的 value，再运行 gongshi draw 得到抽取结果"] + [
        f"{PLANS}:{line}: E-TASK-DRAW-PENDING 检查任务 {task} 所属的抽查计划 2026 第 1 批还没有填写公开随机数的开奖号码，"
        "无法核对检查对象和检查人员是不是抽中的 — 开奖之后先照开奖公告填写该批 randomness 的 value，再按抽取结果安排检查；"
        "已经检查的，请核对 draw 是否写错了批次"
        for task, line in (("2026-01", 35), ("2026-02", 46), ("2026-03", 60), ("2026-04", 73))]


# --- the quiet period ---

@pytest.mark.parametrize("reason", EXCEPTIONS)
def test_each_listed_exception_allows_an_inspection_in_the_quiet_period(project, gongshi, reason):
    project.edit(PLANS, "reason: 案件查处", f"reason: {reason}")
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23") == (0, [CLEAN])


def test_a_public_hospital_is_not_in_the_quiet_period(project, gongshi):
    # yy-002 is a 定点医疗机构; the county's quiet period names only 定点零售药店
    project.edit(PLANS, "date: '2026-09-08'", "date: '2026-09-05'")
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23") == (0, [CLEAN])


@pytest.mark.parametrize("day, warned", [("2026-04-01", True), ("2026-03-20", True), ("2026-03-21", False)])
def test_the_quiet_period_runs_from_its_first_to_its_last_day(project, gongshi, day, warned):
    project.edit(PLANS, "date: '2026-03-24'", f"date: '{day}'")   # task 2026-01, the pharmacy yd-001
    code, lines = validate(gongshi)
    expected = [f"{PLANS}:39: W-INSPECT-QUIET 检查任务 2026-01 在 {chinese_date(date.fromisoformat(day))} 检查定点零售药店 "
                f"示例县同仁大药房有限公司，在本县的“安静期”（每月1日至20日）内，没有写明理由（{QUIET_CITATION}） — "
                f"安静期内原则上不检查；确属特殊情形的，请在 quiet_period_exception 中写明理由：{'、'.join(EXCEPTIONS)}"]
    assert (code, lines) == (0, expected if warned else [])


# --- results published in time: 20 working days from the day the result was formed ---

def test_a_result_published_late(project, gongshi):
    # task 2026-01: formed Thu 2026-04-02; 清明 4/4–4/6 and 劳动节 5/1–5/5 off, Sat 5/9 a make-up working day
    formed, published = date(2026, 4, 2), date(2026, 5, 11)
    deadline = WorkingCalendar().add_working_days(formed, 20)
    assert deadline == date(2026, 5, 6)   # 4/3, 4/7–10, 4/13–17, 4/20–24, 4/27–30 (19), 5/6 (20)
    project.edit(PLANS, "published: '2026-04-10'", f"published: '{published}'")
    code, lines = validate(gongshi)
    assert code == 1
    # late: 5/7, 5/8, Sat 5/9 (调休上班), 5/11
    assert lines == [
        f"{PLANS}:45: E-RESULT-LATE 检查任务 2026-01 的结果于 2026年4月2日 形成，应在 20 个工作日内即 {chinese_date(deadline)} 前公示，"
        f"实际 2026年5月11日 才公示，晚了 4 个工作日（{RESULT_CITATION}） — 请核对结果形成日期和公示日期"]


def test_a_result_published_on_its_last_day_is_on_time(project, gongshi):
    project.edit(PLANS, "published: '2026-04-10'", "published: '2026-05-06'")
    assert validate(gongshi) == (0, [])


def test_a_result_not_published_by_its_deadline(project, gongshi):
    project.edit(PLANS, "          published: '2026-04-10'\n", "")
    code, lines = validate(gongshi)
    assert code == 1
    assert lines == [
        f"{PLANS}:41: E-RESULT-MISSED 检查任务 2026-01 的结果逾期未公示：于 2026年4月2日 形成，应在 20 个工作日内即 2026年5月6日 前公示"
        f"（{RESULT_CITATION}） — 请立即公示，并在 result 中填写 published"]


@pytest.mark.parametrize("formed, expected", [
    # formed Wed 10/28: 10/29–30, 11/2–6, 9–13, 16–20, 23–25 → Wed 11/25; on Mon 11/23 two working days are left
    ("2026-10-28", [f"{PLANS}:79: W-RESULT-SOON 检查任务 2026-04 的结果须在 2026年11月25日 前公示，还剩 2 个工作日 — "
                    "请尽快公示，并在 result 中填写 published"]),
    ("2026-10-29", []),   # three left: no warning yet
])
def test_a_result_due_soon_is_a_warning(project, gongshi, formed, expected):
    project.edit(PLANS, "          formed: '2026-11-16'\n", f"          formed: '{formed}'\n")
    project.edit(PLANS, "          published: '2026-11-20'\n", "")
    assert validate(gongshi) == (0, expected)


# --- a classified plan is not published, and the others are still checked against their own draws ---

CLASSIFIED = """plans:
  - id: '2026-z'
    title: 不公开的专项抽查计划
    year: 2026
    powers: [CF-001]
    object_types: [定点医疗机构]
    published: '2026-03-02'
    inspectors_per_task: 2
    classified: true
    draws:
      - id: '1'
        date: '2026-03-06'
        count: 1
        randomness:
          source: 示例
          date: '2026-03-05'
          value: '01'
"""


def test_a_classified_plan_before_another_does_not_take_its_draws(project, gongshi):
    project.edit(PLANS, "plans:\n", CLASSIFIED)
    assert validate(gongshi) == (0, [])
    project.edit(PLANS, "object: yd-001", "object: yd-003")
    code, lines = validate(gongshi)
    assert code == 1
    assert lines == [
        f"{PLANS}:53: E-TASK-NOT-DRAWN 检查任务 2026-01 的对象 yd-003 不是第 1 批抽中的对象（抽中的是：mz-002、mz-001、yd-004、yd-001） — "
        "双随机抽查只能检查抽中的对象；请核对任务，或运行 gongshi draw --plan 查看抽取结果"]
