"""`gongshi withdraw`, `correct`, `mark-published` and `withhold` on copies of the sample county: the
file changes by exactly the lines the rules expect, every other line of it (comments, blank lines,
key order, quoting) and every other file stay as they were, the change is shown, and what the
rules do not allow is refused with the line a clerk reads, writing nothing."""

from __future__ import annotations

import difflib
import hashlib

import pytest

from generator.cli import main

from ..conftest import TODAY

DECISIONS = "content/shili/decisions"
CORRECTED = f"{DECISIONS}/2025-001.yml"     # published, corrected once, comments at the top
PERSON = f"{DECISIONS}/2025-002.yml"        # published, no history yet
PENDING = f"{DECISIONS}/2026-001.yml"       # decided 2026-11-18, not yet published
WITHDRAWN = f"{DECISIONS}/2026-002.yml"     # withdrawn (撤销) on 2026-09-10
NOTHING_WRITTEN = "未修改任何文件。"


def fingerprints(project) -> dict[str, str]:
    return {str(p.relative_to(project.root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(project.root.rglob("*")) if p.is_file()}


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) from `before` to `after`."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))[2:]
    return ([line[1:] for line in diff if line.startswith("-")], [line[1:] for line in diff if line.startswith("+")])


@pytest.fixture
def refused(capsys):
    """Run a command that is to be refused; returns (exit code, lines on standard output, lines on
    standard error): a command that cannot start says why on standard error."""

    def run(*args: str) -> tuple[int, list[str], list[str]]:
        code = main([*args, "--today", TODAY.isoformat()])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err.splitlines()

    return run


@pytest.fixture
def edit(project, gongshi):
    """Run a guided edit on `file`; returns (exit code, printed lines, lines removed, lines added),
    having checked that no other file of the repository changed."""

    def run(file: str, *args: str):
        before, others = project.file(file).read_text(encoding="utf-8"), fingerprints(project)
        code, lines = gongshi(*args)
        after = fingerprints(project)
        assert {k: v for k, v in after.items() if k != file} == {k: v for k, v in others.items() if k != file}
        return (code, lines) + changed_lines(before, project.file(file).read_text(encoding="utf-8"))

    return run


def test_withdraw_adds_one_event_at_the_end_of_the_history(edit):
    code, lines, removed, added = edit(CORRECTED, "withdraw", "2025-001", "--county", "shili", "--event", "撤销",
                                       "--date", "2026-11-20", "--reason", "行政复议机关撤销原决定。",
                                       "--authority", "示例县人民政府 示政复决〔2026〕9号行政复议决定书")
    assert code == 0
    assert removed == []
    assert added == [
        "  - event: 撤销",
        "    date: '2026-11-20'",
        "    authority: 示例县人民政府 示政复决〔2026〕9号行政复议决定书",
        "    reason: 行政复议机关撤销原决定。",
        "    withdrawn: '2026-11-23'",   # taken down today: the record is committed today
    ]
    assert lines == [
        f"--- {CORRECTED}（修改前）",
        f"+++ {CORRECTED}（修改后）",
        "@@ -39,3 +39,8 @@",
        "     date: '2025-05-20'",
        "     field: outcome.text",
        "     reason: 原公示的处理结果说明将罚款金额误写为“18,00元”，现更正为“18,000元”。",
    ] + [f"+{line}" for line in added] + [
        "检查通过：没有发现问题。",
        f"已写入 {CORRECTED}，其他文件没有改动。",
        "下次生成时该决定从网站撤下，原网址改为撤下说明（只写文号和理由）。",
    ]


def test_withdraw_starts_the_history_where_the_schema_puts_it(edit, project):
    code, _, removed, added = edit(PERSON, "withdraw", "2025-002", "--county", "shili", "--event", "确认违法",
                                   "--date", "2026-11-19", "--reason", "人民法院判决确认原决定违法。", "--withdrawn", "2026-11-20")
    assert code == 0
    assert removed == []
    assert added == ["history:", "  - event: 确认违法", "    date: '2026-11-19'", "    reason: 人民法院判决确认原决定违法。",
                     "    withdrawn: '2026-11-20'"]
    assert project.file(PERSON).read_text(encoding="utf-8").endswith("severity: 严重\n" + "\n".join(added) + "\n")


def test_withdrawing_a_decision_not_yet_published_records_no_takedown(edit):
    code, lines, _, added = edit(PENDING, "withdraw", "2026-001", "--county", "shili", "--event", "撤销",
                                 "--date", "2026-11-20", "--reason", "本局发现认定事实有误，自行撤销。")
    assert code == 0
    assert added == ["history:", "  - event: 撤销", "    date: '2026-11-20'", "    reason: 本局发现认定事实有误，自行撤销。"]
    assert lines[-1] == "该决定还没有公示，网站上没有要撤下的内容。"


def test_correct_replaces_the_value_in_its_own_quoting_and_records_why(edit):
    code, _, removed, added = edit(PERSON, "correct", "2025-002", "--county", "shili", "--field", "served",
                                   "--value", "2025-08-22", "--reason", "送达日期误写，现更正。", "--date", "2026-11-20")
    assert code == 0
    assert removed == ["served: '2025-08-21'"]
    assert added == ["served: '2025-08-22'", "history:", "  - event: 更正", "    date: '2026-11-20'",
                     "    reason: 送达日期误写，现更正。", "    field: served"]


def test_correct_reads_a_number_as_a_number(edit):
    code, lines, removed, added = edit(CORRECTED, "correct", "2025-001", "--county", "shili", "--field", "outcome.returned",
                                       "--value", "12000.5", "--reason", "退回金额更正。")
    assert code == 0
    assert removed == ["  returned: 12000"]
    assert added == ["  returned: 12000.5", "  - event: 更正", "    date: '2026-11-23'", "    reason: 退回金额更正。",
                     "    field: outcome.returned"]
    assert lines[-1] == "下次生成时网站显示更正后的内容，标注“（已更正）”，页末列出更正说明。"


def test_mark_published_writes_approval_and_date_before_the_severity(edit, project):
    code, lines, removed, added = edit(PENDING, "mark-published", "2026-001", "--county", "shili", "--date", "2026-11-23",
                                       "--approved-by", "局长 张示例", "--approved", "2026-11-20")
    assert code == 0
    assert removed == []
    assert added == ["approval:", "  by: 局长 张示例", "  date: '2026-11-20'", "published: '2026-11-23'"]
    text = project.file(PENDING).read_text(encoding="utf-8")
    assert "officers: [zhang-shili, wang-yangben]\n" + "\n".join(added) + "\nseverity: 一般\n" in text
    assert lines[-3:] == ["检查通过：没有发现问题。", f"已写入 {PENDING}，其他文件没有改动。",
                          "该决定自 2026年11月23日 起在网站上公示（下次生成时）。"]


def test_new_lines_keep_the_file_s_quoting_and_go_above_the_comment_of_the_next_key(edit, project):
    """A file written with double quotes, a comment introducing `severity`, and Windows line ends."""
    text = project.file(PENDING).read_text(encoding="utf-8")
    text = text.replace("'", '"').replace("severity: 一般\n", "\n# 失信程度：按《信用修复管理办法》\nseverity: 一般  # 一年\n")
    project.file(PENDING).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    code, _, removed, added = edit(PENDING, "mark-published", "2026-001", "--county", "shili",
                                   "--approved-by", "局长 张示例", "--approved", "2026-11-20")
    assert code == 0
    assert removed == []
    assert added == ["approval:", "  by: 局长 张示例", '  date: "2026-11-20"', 'published: "2026-11-23"']
    after = project.file(PENDING).read_bytes().decode("utf-8")
    assert after.count("\r\n") == after.count("\n")
    assert ("officers: [zhang-shili, wang-yangben]\r\n" + "\r\n".join(added) + "\r\n\r\n# 失信程度：按《信用修复管理办法》\r\n"
            "severity: 一般  # 一年\r\n") in after


def test_a_late_publication_must_be_recorded_with_it(edit, gongshi):
    """Published after its deadline (2026-11-27): without the record of the lateness, the change would
    bring E-DEADLINE-LATE, so the file is put back; with it, it is written and warned of."""
    late = ("mark-published", "2026-001", "--county", "shili", "--today", "2026-12-10", "--date", "2026-12-10",
            "--approved-by", "局长 张示例", "--approved", "2026-12-09")
    code, lines, removed, added = edit(PENDING, *late)
    assert code == 1
    assert (removed, added) == ([], [])
    assert lines[-3:] == [
        f"{PENDING}: E-EDIT-ROLLED-BACK 修改后这个文件有了新的错误（见上），已恢复原样，没有保存任何改动 — "
        "请按上面的提示改正命令中写的内容后重新运行",
        "共 2 个错误，0 个警告（E-DEADLINE-LATE ×1，E-EDIT-ROLLED-BACK ×1）。",
        NOTHING_WRITTEN,
    ]
    code, lines, removed, added = edit(PENDING, *late, "--late-reason", "承办人员病休，交接时遗漏",
                                       "--late-approved-by", "局长 张示例", "--late-approved", "2026-12-09")
    assert code == 0
    assert added[-4:] == ["late_publication:", "  reason: 承办人员病休，交接时遗漏", "  approved_by: 局长 张示例",
                          "  approved: '2026-12-09'"]
    assert any(": W-DEADLINE-LATE-RECORDED " in line for line in lines)


def test_withhold_takes_the_decision_off_the_site_at_once(edit, gongshi, project, tmp_path):
    code, lines, removed, added = edit(CORRECTED, "withhold", "2025-001", "--county", "shili",
                                       "--reason", "事实部分写了患者姓名，待改正后恢复公示")
    assert code == 0
    assert removed == []
    assert added == ["withheld:", "  date: '2026-11-23'", "  reason: 事实部分写了患者姓名，待改正后恢复公示"]
    assert lines[-4:] == [
        f"{CORRECTED}:42: W-WITHHELD 决定 示医保罚〔2025〕1号 自 2026年11月23日 起暂停公示，不在网站上（原因：事实部分写了患者姓名，"
        "待改正后恢复公示） — 原因消除后请删除 withheld 这一项，下次生成即恢复公示；决定被变更、撤销、确认违法、确认无效的，"
        "请用 gongshi withdraw 记录",
        "共 0 个错误，1 个警告（W-WITHHELD ×1）。",
        f"已写入 {CORRECTED}，其他文件没有改动。",
        "下次生成时该决定从网站上消失，不留撤下说明；原因消除后删除 withheld 这一项即恢复公示。",
    ]
    out = tmp_path / "site"
    code, _ = gongshi("build", "--county", "shili", "--out", str(out))
    assert code == 0
    assert not (out / "shili" / "decisions" / "2025-001").exists()
    built = [p for p in (out / "shili").rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json", ".csv", ".txt")]
    assert built and not [p for p in built if "示医保罚〔2025〕1号" in p.read_text(encoding="utf-8", errors="replace")]
    assert not [p for p in built if "待改正后恢复公示" in p.read_text(encoding="utf-8", errors="replace")]


def test_a_withholding_dated_after_today_is_an_error(project, gongshi):
    project.edit(PERSON, "severity: 严重\n", "severity: 严重\nwithheld:\n  date: '2026-11-24'\n  reason: 待核实\n")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert f"{PERSON}:30: E-WITHHELD-FUTURE 决定 示医保罚〔2025〕2号 的暂停公示日期 2026年11月24日 晚于今天 2026年11月23日 — " \
           "暂停公示的当天才能记录；请核对日期" in lines


@pytest.mark.parametrize("args, expected", [
    pytest.param(("withdraw", "2099-001", "--event", "撤销", "--date", "2026-11-20", "--reason", "理由"),
                 f"{DECISIONS}/2099-001.yml: E-EDIT-NO-DECISION 县 shili 没有执法决定 2099-001 — 编号就是 decisions/ 中的文件名"
                 "（不含 .yml）；已有的决定：2025-001、2025-002、2025-003、2026-001、2026-002、2026-003", id="no-such-decision"),
    pytest.param(("withdraw", "2026-002", "--event", "变更", "--date", "2026-11-20", "--reason", "理由"),
                 f"{WITHDRAWN}:32: E-EDIT-WITHDRAWN-TWICE 决定 示医保罚〔2026〕2号 已于 2026年9月10日 被撤销（第 32 行），"
                 "不能再记录一次撤下 — 一个决定只撤下一次；重新作出的决定请写在新的决定文件中", id="withdrawn-twice"),
    pytest.param(("withdraw", "2025-002", "--event", "更正", "--date", "2026-11-20", "--reason", "理由"),
                 f"{PERSON}: E-EDIT-EVENT 更正 不是撤下公示的事件 — --event 只能写：变更、撤销、确认违法、确认无效"
                 "（《中华人民共和国行政处罚法》第四十八条第二款）；更正请用 gongshi correct", id="not-a-withdrawal"),
    pytest.param(("withdraw", "2025-002", "--event", "撤销", "--date", "2026-11-24", "--reason", "理由"),
                 f"{PERSON}: E-EDIT-FUTURE 事件日期 --date 2026年11月24日 晚于今天 2026年11月23日 — 事情发生之后才能记录；请核对日期",
                 id="future-event"),
    pytest.param(("correct", "2025-002", "--field", "outcome.warning", "--value", "true", "--reason", "理由"),
                 f"{PERSON}: E-EDIT-FIELD 决定 示医保罚〔2025〕2号 没有可以更正的字段 outcome.warning（不存在、没有填写，或者下面还有多项内容）"
                 " — --field 请写要更正的一项，可写：case_number、kind、title、filed、decided、served、facts、power、published、"
                 "severity、party.type、party.name、outcome.returned、outcome.fraud、outcome.fine、outcome.text、approval.by、"
                 "approval.date", id="field-not-filled"),
    pytest.param(("correct", "2025-002", "--field", "party.phone", "--value", "13900000000", "--reason", "理由"),
                 f"{PERSON}:14: E-EDIT-FIELD-HIDDEN 字段 party.phone（联系电话（不公示））不公示，网站上没有可更正的内容 — "
                 "不公示的字段请直接在编辑器中改正，不需要更正记录", id="hidden-field"),
    pytest.param(("correct", "2025-002", "--field", "outcome.fine", "--value", "七千二百", "--reason", "理由"),
                 f"{PERSON}:21: E-EDIT-VALUE 字段 outcome.fine（罚款（元））应当是数字，收到 七千二百 — 请核对 --value", id="not-a-number"),
    pytest.param(("correct", "2025-002", "--field", "outcome.fine", "--value", "7200", "--reason", "理由"),
                 f"{PERSON}:21: E-EDIT-SAME 字段 outcome.fine（罚款（元））现在就是 7200，没有要更正的内容 — 请核对 --field 和 --value",
                 id="same-value"),
    pytest.param(("mark-published", "2025-002"),
                 f"{PERSON}:27: E-EDIT-PUBLISHED-TWICE 决定 示医保罚〔2025〕2号 已于 2025年8月26日 公示（第 27 行） — "
                 "不需要再标记；公示日期写错了的，请用 gongshi correct --field published 更正", id="published-twice"),
    pytest.param(("mark-published", "2026-002"),
                 f"{WITHDRAWN}:32: E-EDIT-NEVER-PUBLISHED 决定 示医保罚〔2026〕2号 已于 2026年9月10日 被撤销，不公示 — "
                 "被变更、撤销、确认违法、确认无效的决定不再公示；重新作出的决定请写在新的决定文件中", id="withdrawn-not-published"),
    pytest.param(("mark-published", "2026-001"),
                 f"{PENDING}: E-EDIT-APPROVAL-NEEDED 决定 示医保罚〔2026〕1号 还没有公示审批（approval），公示须先经审批 — "
                 "请写明审批人和审批日期，如 --approved-by \"局长 张某\" --approved YYYY-MM-DD", id="no-approval"),
    pytest.param(("mark-published", "2026-001", "--approved-by", "局长 张示例", "--approved", "2026-11-20", "--late-reason", "病休"),
                 f"{PENDING}: E-EDIT-LATE-INCOMPLETE 逾期公示须写明逾期原因、批准人和批准日期，这次只写了 --late-reason — "
                 "请同时写 --late-reason、--late-approved-by 和 --late-approved", id="late-record-incomplete"),
    pytest.param(("mark-published", "2026-001", "--date", "2026-11-24", "--approved-by", "局长 张示例", "--approved", "2026-11-20"),
                 f"{PENDING}: E-EDIT-FUTURE 公示日期 --date 2026年11月24日 晚于今天 2026年11月23日 — 事情发生之后才能记录；请核对日期",
                 id="future-publication"),
    pytest.param(("withhold", "2025-002", "--reason", "待核实", "--date", "2026-11-24"),
                 f"{PERSON}: E-EDIT-FUTURE 暂停公示日期 --date 2026年11月24日 晚于今天 2026年11月23日 — 事情发生之后才能记录；请核对日期",
                 id="future-withholding"),
])
def test_what_the_rules_do_not_allow_is_refused_and_nothing_written(project, refused, args, expected):
    before = fingerprints(project)
    code, out, err = refused(*args[:2], "--county", "shili", *args[2:])
    assert (code, out) == (1, [])
    assert err == [expected, f"共 1 个错误，0 个警告（{expected.split(': ', 1)[1].split()[0]} ×1）。", NOTHING_WRITTEN]
    assert fingerprints(project) == before


def test_a_decision_withheld_already_is_not_withheld_again(project, gongshi, refused):
    assert gongshi("withhold", "2025-002", "--county", "shili", "--reason", "待核实")[0] == 0
    before = fingerprints(project)
    code, out, lines = refused("withhold", "2025-002", "--county", "shili", "--reason", "再次")
    assert (code, out) == (1, [])
    assert lines == [f"{PERSON}:29: E-EDIT-WITHHELD-TWICE 决定 示医保罚〔2025〕2号 已于 2026年11月23日 暂停公示（第 29 行）：待核实 — "
                     "不需要再暂停；原因消除后请删除 withheld 这一项，即恢复公示",
                     "共 1 个错误，0 个警告（E-EDIT-WITHHELD-TWICE ×1）。", NOTHING_WRITTEN]
    assert fingerprints(project) == before


def test_an_approval_on_record_is_never_overwritten(project, gongshi, refused):
    project.edit(PENDING, "severity: 一般\n", "approval:\n  by: 局长 张示例\n  date: '2026-11-20'\nseverity: 一般\n")
    before = fingerprints(project)
    code, _, lines = refused("mark-published", "2026-001", "--county", "shili", "--approved-by", "副局长 李示例", "--approved", "2026-11-21")
    assert code == 1
    assert lines[0] == (f"{PENDING}:22: E-EDIT-APPROVAL-DIFFERS 决定 示医保罚〔2026〕1号 已有公示审批（第 22 行）：局长 张示例 2026年11月20日，"
                        "与这次写的 副局长 李示例 2026年11月21日 不同 — 已有的审批不会被改写：请去掉 --approved-by 和 --approved；"
                        "已有的审批写错了的，请先在编辑器中改正")
    assert fingerprints(project) == before
    code, _ = gongshi("mark-published", "2026-001", "--county", "shili")
    assert code == 0
    assert project.file(PENDING).read_text(encoding="utf-8").endswith("  date: '2026-11-20'\npublished: '2026-11-23'\nseverity: 一般\n")


def test_a_change_that_brings_an_error_is_put_back_byte_for_byte(edit):
    """The public reason of a withdrawal may not name the party (E-NOTICE-NAMES-PARTY)."""
    code, lines, removed, added = edit(CORRECTED, "withdraw", "2025-001", "--county", "shili", "--event", "撤销",
                                       "--date", "2026-11-20", "--reason", "示例县某某大药房有限公司的处罚决定被撤销。")
    assert code == 1
    assert (removed, added) == ([], [])
    assert "+    reason: 示例县某某大药房有限公司的处罚决定被撤销。" in lines
    assert lines[-4:] == [
        f"{CORRECTED}:44: E-NOTICE-NAMES-PARTY 决定 示医保罚〔2025〕1号 撤下说明的 reason 中写了当事人的名称或姓名 — "
        "撤下说明公开理由，但不再公开当事人：请改写为“当事人”“该单位”等",
        f"{CORRECTED}: E-EDIT-ROLLED-BACK 修改后这个文件有了新的错误（见上），已恢复原样，没有保存任何改动 — "
        "请按上面的提示改正命令中写的内容后重新运行",
        "共 2 个错误，0 个警告（E-EDIT-ROLLED-BACK ×1，E-NOTICE-NAMES-PARTY ×1）。",
        NOTHING_WRITTEN,
    ]


def test_an_error_the_file_had_before_does_not_stop_the_change(project, edit):
    project.edit(PERSON, "  date: '2025-08-22'\n", "  date: '2025-08-27'\n")   # approved after it was published
    code, lines, removed, added = edit(PERSON, "withhold", "2025-002", "--county", "shili", "--reason", "待核实")
    assert code == 0
    assert added == ["withheld:", "  date: '2026-11-23'", "  reason: 待核实"]
    assert f"{PERSON}: W-EDIT-ERRORS-BEFORE 这个文件修改之前就有错误（见上），修改已保存 — 这些错误仍须改正，请按上面的提示修改" in lines
    assert any(": E-APPROVAL-AFTER " in line for line in lines)


def test_an_unknown_county_is_refused(project, refused):
    before = fingerprints(project)
    code, out, err = refused("withhold", "2025-001", "--county", "shilii", "--reason", "待核实")
    assert (code, out) == (1, [])
    assert err[0] == "content: E-COUNTY-UNKNOWN 找不到县 shilii — 已有的县：jiange、shili"
    assert fingerprints(project) == before


def test_a_file_whose_layout_cannot_be_kept_is_left_to_the_editor(project, refused):
    """Three spaces before each item of a list: no way of writing YAML back gives that, so the
    command would change lines it was not asked to; it says so and writes nothing."""
    project.edit(CORRECTED, "  - event: 更正\n    date: '2025-05-20'\n    field: outcome.text\n    reason:",
                 "   - event: 更正\n     date: '2025-05-20'\n     field: outcome.text\n     reason:")
    before = fingerprints(project)
    code, out, err = refused("withhold", "2025-001", "--county", "shili", "--reason", "待核实")
    assert (code, out) == (1, [])
    assert err == [f"{CORRECTED}: E-EDIT-LAYOUT 这个文件的写法无法在保持其他各行不变的情况下自动修改 — "
                   "请直接在编辑器中修改，格式见 schemas/decision.schema.json",
                   "共 1 个错误，0 个警告（E-EDIT-LAYOUT ×1）。", NOTHING_WRITTEN]
    assert fingerprints(project) == before
