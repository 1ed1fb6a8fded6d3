"""Withdrawn, corrected and expired decisions, as the public sees them and as a clerk is told.

The sample county carries one decision in each state (content/shili/decisions/):
2025-001 published and corrected, 2025-002 published, 2025-003 expired (一般, decided 2025-03-10),
2026-002 revoked by 行政复议 and made again as 2026-003, 2026-001 pending within its deadline.
"""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from tests.built_files import found_anywhere

REVOKED = "content/shili/decisions/2026-002.yml"
REVOKED_CASE = "示医保罚〔2026〕2号"
NOTICE = "shili/decisions/2026-002/index.html"
EXPIRED = "content/shili/decisions/2025-003.yml"
CORRECTED = "content/shili/decisions/2025-001.yml"
TAKEDOWN_CITATION = ("《中华人民共和国行政处罚法》第四十八条第二款：行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内"
                     "撤回行政处罚决定信息并公开说明理由；第八十五条：三日指工作日")


def _build(gongshi, today="2026-11-23"):
    code, lines = gongshi("build", "--out", "site", "--today", today)
    assert code == 0, lines


def test_a_revoked_decision_leaves_every_output_and_a_notice_takes_its_place(project, gongshi):
    _build(gongshi)
    site = project.file("site")
    assert found_anywhere(site, REVOKED_CASE) == [NOTICE]
    assert not (site / "shili/files/decisions/2026-002.pdf").exists()
    revoked_pdf_text = "28,000元"   # printed in the revoked decision's PDF only
    assert [p for p in found_anywhere(site, revoked_pdf_text) if p.endswith(".pdf")] == []
    notice = (site / NOTICE).read_text(encoding="utf-8")
    assert "事实不清、证据不足" in notice                       # the public reason
    assert "示例县某某中医诊所" not in notice                     # never the party
    assert 'href="../2026-003/"' in notice and "示医保罚〔2026〕4号" in notice   # the decision made again
    results = (site / "shili/results/index.html").read_text(encoding="utf-8")
    assert 'href="../decisions/2026-002/"' in results and "2026年9月10日 撤销的一件行政处罚决定" in results


REMADE_PAGE = "shili/decisions/2026-003/index.html"
BACK_TO_NOTICE = ('原决定被撤销后，本机关重新作出本决定。原决定已撤下，撤下理由见'
                  '<a href="../2026-002/">原决定的撤下说明</a>。')


def test_the_decision_made_again_links_back_to_the_notice_of_the_one_it_replaces(project, gongshi):
    _build(gongshi)
    page = (project.file("site") / REMADE_PAGE).read_text(encoding="utf-8")
    assert BACK_TO_NOTICE in page
    assert REVOKED_CASE not in page   # the withdrawn case number stays on its notice alone


def test_the_link_back_goes_with_the_notice_when_its_period_is_over(project, gongshi):
    # 2026-002 (一般, decided 2026-06-08) and its notice leave the site after 2027-06-08;
    # 2026-003 (一般, decided 2026-10-20) stays until 2027-10-20
    _build(gongshi)
    project.edit("content/shili/officers.yml", "    certificate_no: 'SL-2024-0001'", "    certificate_number: 'SL-2024-0001'")
    code, lines = gongshi("build", "--out", "site", "--today", "2027-06-09")
    assert "保留上次生成的 site/shili/（本县有错误，见上）；今天应撤下的 1 项已撤下：2026-002" in lines   # kept, less the notice
    site = project.file("site")
    assert not (site / NOTICE).exists()
    page = (site / REMADE_PAGE).read_text(encoding="utf-8")
    assert "原决定的撤下说明" not in page and "2026-002" not in page


def test_the_party_of_a_withdrawn_decision_appears_nowhere_when_nothing_was_made_again(project, gongshi):
    project.edit(REVOKED, "  - event: 重新作出\n    date: '2026-10-20'\n    decision: 2026-003\n", "")
    project.file("content/shili/decisions/2026-003.yml").unlink()
    _build(gongshi)
    site = project.file("site")
    for value in ("示例县某某中医诊所", "92100000MA00A00031", "孙某某"):
        assert found_anywhere(site, value) == [], value
    assert found_anywhere(site, REVOKED_CASE) == [NOTICE]
    assert "重新作出的决定" not in (site / NOTICE).read_text(encoding="utf-8")
    assert found_anywhere(site, "原决定的撤下说明") == []


def test_a_withdrawal_is_taken_down_even_before_its_date_is_filled_in(project, gongshi):
    project.edit(REVOKED, "    withdrawn: '2026-09-14'\n", "")
    project.edit(REVOKED, "  - event: 重新作出\n    date: '2026-10-20'\n    decision: 2026-003\n", "")   # not yet on 9/14
    code, lines = gongshi("build", "--out", "site", "--today", "2026-09-14")
    assert code == 0
    assert f"{REVOKED}:32: W-WITHDRAWAL-UNDATED 决定 {REVOKED_CASE} 于 2026年9月10日 被撤销，本次生成即从网站撤下，" \
           "代之以撤下说明；撤下日期须在 2026年9月15日 前填写 — 请填写 withdrawn（撤下日期，即提交本记录的日期）" in lines
    assert found_anywhere(project.file("site"), REVOKED_CASE) == [NOTICE]


REMADE = "content/shili/decisions/2026-003.yml"
LAST_LINE_OF_REMADE = "full_text: documents/2026-003.pdf\n"
EVENT_ON = "    date: '2026-09-10'"
CLEAN = "检查通过：没有发现问题。"


@pytest.mark.parametrize("edits, today, expected", [
    # event Thu 9/10 → 9/11 Fri, 9/14 Mon, 9/15 Tue: withdraw by 9/15; 9/16 is one working day late
    pytest.param([(REVOKED, "withdrawn: '2026-09-14'", "withdrawn: '2026-09-16'")], "2026-11-23",
                 f"{REVOKED}:36: E-WITHDRAWAL-LATE 决定 {REVOKED_CASE} 于 2026年9月10日 被撤销，应在 3 个工作日内即 2026年9月15日 前撤下公示，"
                 f"实际 2026年9月16日 才撤下，晚了 1 个工作日（{TAKEDOWN_CITATION}） — "
                 "请核对撤下日期（withdrawn）；确有原因逾期的，请在 late_reason 中写明原因", id="withdrawn-late"),
    pytest.param([(REVOKED, "withdrawn: '2026-09-14'",
                   "withdrawn: '2026-09-16'\n    late_reason: 复议决定书 9 月 15 日才送达本局")], "2026-11-23", CLEAN,
                 id="withdrawn-late-with-reason"),
    pytest.param([(REVOKED, "    withdrawn: '2026-09-14'\n", "")], "2026-09-16",
                 f"{REVOKED}:32: E-WITHDRAWAL-OVERDUE 决定 {REVOKED_CASE} 于 2026年9月10日 被撤销，应在 3 个工作日内即 2026年9月15日 前撤下公示，"
                 f"到 2026年9月16日 还没有填写撤下日期（{TAKEDOWN_CITATION}） — 请立即填写 withdrawn（撤下日期，即提交本记录的日期），"
                 "并在 late_reason 中写明逾期原因；改好后重新生成，该决定即从网站撤下", id="withdrawal-overdue"),
    # 一般: at least 3 months from the decision date 2026-10-20, so not before 2027-01-20
    pytest.param([(REMADE, LAST_LINE_OF_REMADE, LAST_LINE_OF_REMADE + "history:\n  - event: 信用修复\n    date: '2026-11-02'\n")],
                 "2026-11-23",
                 f"{REMADE}:38: E-CREDIT-REPAIR-EARLY 决定 示医保罚〔2026〕4号 是一般失信信息，最短公示期到 2027年1月20日 届满，"
                 "2026年11月2日 不能完成信用修复（《信用修复管理办法》（国家发展改革委令2025年第36号）） — "
                 "请核对信用修复日期；最短公示期届满前不得提前撤下", id="credit-repair-early"),
    pytest.param([(REMADE, "kind: 行政处罚", "kind: 行政检查"),
                  (REMADE, LAST_LINE_OF_REMADE, LAST_LINE_OF_REMADE + "history:\n  - event: 信用修复\n    date: '2026-11-20'\n")],
                 "2026-11-23",
                 f"{REMADE}:37: E-CREDIT-REPAIR-KIND 决定 示医保罚〔2026〕4号 是行政检查决定，信用修复只适用于行政处罚信息（《信用修复管理办法》（国家发展改革委令2025年第36号）） — "
                 "请删除这条信用修复记录，或核对决定类别", id="credit-repair-not-a-penalty"),
    pytest.param([(REVOKED, "decision: 2026-003", "decision: 2026-030")], "2026-11-23",
                 f"{REVOKED}:39: E-REF-UNKNOWN 字段 history[2].decision 引用的执法决定 2026-030 不存在 — 已有的编号："
                 "2025-001、2025-002、2025-003、2026-001、2026-002、2026-003；请检查拼写，或先在 decisions/<编号>.yml 中添加",
                 id="made-again-unknown"),
    pytest.param([(REVOKED, EVENT_ON, "    date: '2026-12-01'")], "2026-11-23",
                 f"{REVOKED}:33: E-HISTORY-FUTURE 决定 {REVOKED_CASE} 的撤销记录中，date 是 2026年12月1日，晚于今天 2026年11月23日 — "
                 "后续事件发生、撤下完成后才能记录；请核对日期", id="event-after-today"),
    pytest.param([(REVOKED, EVENT_ON, "    date: '2026-12-01'")], "2026-11-23",
                 f"{REVOKED}:36: E-HISTORY-ORDER 决定 {REVOKED_CASE} 的撤销记录中，withdrawn（2026年9月14日）早于事件日期 date（2026年12月1日） — "
                 "请核对这两个日期", id="withdrawn-before-event"),
    pytest.param([(REVOKED, EVENT_ON, "    date: '2026-05-10'")], "2026-11-23",
                 f"{REVOKED}:33: E-HISTORY-ORDER 决定 {REVOKED_CASE} 的撤销记录中，date（2026年5月10日）早于作出决定日期 decided（2026年6月8日） — "
                 "请核对这两个日期", id="event-before-decision"),
    pytest.param([(REVOKED, "reason: 行政复议机关认为原决定", "reason: 行政复议机关认为对示例县某某中医诊所的原决定")], "2026-11-23",
                 f"{REVOKED}:35: E-NOTICE-NAMES-PARTY 决定 {REVOKED_CASE} 撤下说明的 reason 中写了当事人的名称或姓名 — "
                 "撤下说明公开理由，但不再公开当事人：请改写为“当事人”“该单位”等", id="notice-names-party"),
    pytest.param([(CORRECTED, "field: outcome.text", "field: party.bank_account")], "2026-11-23",
                 f"{CORRECTED}:40: E-CORRECTION-HIDDEN 决定 示医保罚〔2025〕1号 的更正记录写的字段 party.bank_account 是不公示的字段，"
                 "网站上没有可更正的内容 — 不公示的字段直接改正即可，请删除这条更正记录", id="correction-of-hidden-field"),
])
def test_the_clerk_reads_one_exact_line(clerk_reads, edits, today, expected):
    clerk_reads(edits, today, expected)


def test_a_withdrawal_over_a_holiday_counts_working_days(project, gongshi):
    # event Tue 2026-09-29 → 9/30 Wed (1), National Day 10/1–10/7 off, 10/8 Thu (2), 10/9 Fri (3)
    project.edit(REVOKED, "date: '2026-09-10'", "date: '2026-09-29'")
    project.edit(REVOKED, "withdrawn: '2026-09-14'", "withdrawn: '2026-10-09'")
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23")[0] == 0
    project.edit(REVOKED, "withdrawn: '2026-10-09'", "withdrawn: '2026-10-10'")   # Sat 10/10 is a make-up working day
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1 and any("E-WITHDRAWAL-LATE" in line and "即 2026年10月9日 前" in line and "晚了 1 个工作日" in line
                             for line in lines)


def test_an_expired_decision_appears_nowhere(project, gongshi):
    _build(gongshi)
    site = project.file("site")
    for value in ("示医保罚〔2025〕3号", "示例县某某眼科医院有限公司", "91100000MA00A00047"):
        assert found_anywhere(site, value) == [], value


def test_a_decision_is_public_until_the_last_day_of_its_period(project, gongshi):
    # 一般: one year from the decision date 2025-03-10. 民法典 第二百零一条、第二百零二条: the period
    # starts the next day and ends on 2026-03-10, its last public day; it is gone on 2026-03-11
    for later in ("2026-002", "2026-003", "2026-001"):   # decided after these days
        project.file(f"content/shili/decisions/{later}.yml").unlink()
    project.file("content/shili/random-inspections.yml").unlink()   # its results cite 2026-001
    _build(gongshi, today="2026-03-10")
    assert found_anywhere(project.file("site"), "示医保罚〔2025〕3号") != []
    _build(gongshi, today="2026-03-11")
    assert found_anywhere(project.file("site"), "示医保罚〔2025〕3号") == []


def test_a_county_may_set_a_shorter_period_but_not_a_longer_one(project, gongshi):
    # 2025-001 is 严重 (decided 2025-05-12): 36 months by default, 12 in a county that says so
    project.edit("site_config/shili.yml", "  law:\n", "  law:\n    publicity_months_serious: {value: 12, citation: 示医保发〔2026〕2号}\n")
    _build(gongshi)
    assert found_anywhere(project.file("site"), "示医保罚〔2025〕1号") == []
    project.edit("site_config/shili.yml", "{value: 12,", "{value: 48,")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    assert "site_config/shili.yml:16: E-LAW-LOOSER 本县把严重失信信息最长公示期改为 48个月，比医疗保障行政部门适用的规定" \
           "（36个月，《信用修复管理办法》（国家发展改革委令2025年第36号））更宽 — 本县只能规定得更严：请改为不超过 36个月的值，" \
           "或删除 publicity_months_serious 这一项" in lines


def test_credit_repair_ends_the_publication_early(project, gongshi):
    # 2025-001 is 严重 (decided 2025-05-12): credit repair may end it from 2026-05-12 on
    project.edit(CORRECTED, "history:\n", "history:\n  - event: 信用修复\n    date: '2026-06-01'\n")
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23")[0] == 0
    _build(gongshi)
    assert found_anywhere(project.file("site"), "示医保罚〔2025〕1号") == []


def test_a_correction_shows_the_current_value_and_a_dated_note(project, gongshi):
    _build(gongshi)
    page = project.file("site/shili/decisions/2025-001/index.html").read_text(encoding="utf-8")
    assert "处理结果（已更正）" in page
    assert "2025年5月20日 更正“处理结果说明”：原公示的处理结果说明将罚款金额误写为“18,00元”，现更正为“18,000元”。" in page
    assert "并处造成损失金额1.5倍的罚款18,000元" in page


def test_a_correction_of_a_field_the_record_does_not_have_is_an_error(project, gongshi):
    project.edit(CORRECTED, "field: outcome.text", "field: outcome.txt")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    line = next(line for line in lines if "E-CORRECTION-FIELD" in line)
    assert line.startswith(f"{CORRECTED}:40: E-CORRECTION-FIELD 决定 示医保罚〔2025〕1号 的更正记录写的字段 outcome.txt 不存在或没有填写 — "
                           "field 请写被更正的字段（更正后的内容直接改在该字段中），可写：case_number、kind、title、")
    assert "outcome.text" in line and "outcome.fine" in line


def test_a_withdrawn_decision_pdf_is_refused_by_the_scan_if_copied_by_hand(project, gongshi):
    _build(gongshi)
    site = project.file("site")
    (site / "shili/files/decisions/2026-002.pdf").write_bytes(project.file("content/shili/documents/2026-002.pdf").read_bytes())
    code, lines = gongshi("scan", "site", "--content", "content", "--today", "2026-11-23")
    assert code == 1
    assert any(line.startswith("site/shili/files/decisions/2026-002.pdf: E-SCAN-SECRET") and "2026-002.yml（已撤下的决定）" in line
               for line in lines)
    assert PdfReader(site / "shili/files/decisions/2026-002.pdf").pages   # the planted copy is a real PDF


def test_the_notice_is_the_one_place_the_scan_allows_the_case_number(project, gongshi):
    _build(gongshi)
    code, lines = gongshi("scan", "site", "--content", "content", "--today", "2026-11-23")
    assert (code, lines) == (0, ["检查通过：没有发现问题。"])
    page = project.file("site/shili/decisions/2026-003/index.html")
    page.write_text(page.read_text(encoding="utf-8") + f"<p>{REVOKED_CASE}</p>", encoding="utf-8")
    code, lines = gongshi("scan", "site", "--content", "content", "--today", "2026-11-23")
    assert code == 1 and lines[0].startswith("site/shili/decisions/2026-003/index.html: E-SCAN-SECRET")


def test_a_withdrawn_decision_stays_in_git_as_it_was_without_blocking_the_build(project, gongshi):
    # revoked decisions are often unlawful: their faults are history, not something to fix
    project.edit(REVOKED, "  fine: 42000", "  fine: 90000")
    assert gongshi("validate", "--county", "shili", "--today", "2026-11-23")[0] == 0
    project.edit(REVOKED, "  - event: 撤销\n", "  - event: 更正\n    field: facts\n")   # no longer withdrawn
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1 and any(line.startswith(f"{REVOKED}:22: E-FINE-ABOVE-MAX 决定 {REVOKED_CASE} 的罚款 90,000元 超过法定上限")
                             for line in lines)


def test_a_decision_withdrawn_before_it_was_published_has_nothing_to_take_down(project, gongshi):
    pending = "content/shili/decisions/2026-001.yml"
    project.write(pending, project.file(pending).read_text(encoding="utf-8")
                  + "history:\n  - event: 撤销\n    date: '2026-11-20'\n    reason: 本局发现认定事实有误，自行撤销。\n")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-30")
    assert code == 0, lines      # no deadline to publish, no withdrawal date to record
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-11-30")
    assert code == 0
    assert lines[:2] == ["待办事项（截至 2026年11月30日）", "shili：2 项待办"]   # the certificate and the annual report
    assert not any("2026-001" in line for line in lines)


def test_malformed_decisions_get_findings_not_tracebacks(project, gongshi):
    pending = "content/shili/decisions/2026-001.yml"
    project.edit(pending, "party:\n  type: 单位\n  name: 示例县某某诊所\n  credit_code: 92100000MA00A0002X\n  legal_representative: 钱某某\n",
                 "party: 示例县某某诊所\n")
    project.edit(pending, "  fine: 4500", "  fine: .nan")
    for command in ("validate", "status", "build"):
        code, lines = gongshi(command, "--county", "shili", *(("--out", "site") if command == "build" else ()))
        assert code == (0 if command == "status" else 1), (command, lines)
    assert gongshi("report", "--year", "2026", "--county", "shili")[0] == 0
