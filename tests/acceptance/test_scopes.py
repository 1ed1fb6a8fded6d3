"""A failure stays in its scope: a held-back record, a county that keeps its previous site (its
removals made all the same), a refused build; exit codes 0/1/2 and the JSON summary CI reads."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from generator.cli import china_today
from generator.codes import CODES, P
from generator.findings import Effect

from ..built_files import found_anywhere

DECISION = "content/shili/decisions/2025-002.yml"       # 王某某, published
OTHER = "content/shili/decisions/2025-001.yml"          # 示例县某某大药房有限公司, published
OFFICERS = "content/shili/officers.yml"
WITHDRAWN = """history:
  - event: 撤销
    date: 2026-11-24
    reason: 经行政复议撤销
    authority: 示例县人民政府
    withdrawn: 2026-11-25
"""


def build(gongshi, today="2026-11-23", *extra):
    return gongshi("build", "--out", "site", "--summary", "summary.json", "--today", today, *extra)


def summary(project) -> dict:
    return json.loads(project.file("summary.json").read_text(encoding="utf-8"))


def break_officers(project) -> None:
    project.edit(OFFICERS, "    certificate_no: 'SL-2024-0001'", "    certificate_number: 'SL-2024-0001'")


def test_a_clean_build_exits_0_and_says_so_in_the_summary(project, gongshi):
    code, lines = build(gongshi)
    assert code == 0
    assert "已生成 site/shili/" in lines and "已生成 site/jiange/" in lines
    data = summary(project)
    assert data["refused"] is False and data["errors"] == 0
    assert data["counties"]["shili"] == {"status": "built", "held_back": [], "removed": [], "why": ""}


def test_a_record_with_an_error_is_held_back_and_the_rest_of_its_county_publishes(project, gongshi):
    project.edit(DECISION, "kind: 行政处罚", "kind: 行政处罚\nfine_total: 3000")
    code, lines = build(gongshi)
    assert code == 1
    assert any(line.startswith(f"{DECISION}:5: E-SCHEMA-UNKNOWN-FIELD 未知字段 fine_total") for line in lines), lines
    assert "已生成 site/shili/；1 项决定因记录有错误暂不公示：2025-002" in lines
    site = project.file("site")
    assert not (site / "shili/decisions/2025-002").exists()
    assert (site / "shili/decisions/2025-001/index.html").is_file()
    assert found_anywhere(site, "示医保罚〔2025〕2号") == []
    assert summary(project)["counties"]["shili"]["held_back"] == ["2025-002"]
    assert gongshi("scan", "site", "--content", "content")[0] == 0


def test_a_late_decision_stays_published_while_the_check_fails(project, gongshi):
    project.edit(DECISION, "published: '2025-08-26'", "published: '2025-09-15'")
    code, lines = build(gongshi)
    assert code == 1
    assert any(line.startswith(f"{DECISION}:") and "E-DEADLINE-LATE" in line for line in lines)
    assert (project.file("site") / "shili/decisions/2025-002/index.html").is_file()
    assert summary(project)["counties"]["shili"]["status"] == "built"


def test_a_county_error_keeps_its_previous_site_and_its_removals_still_happen(project, gongshi):
    assert build(gongshi)[0] == 0
    before = (project.file("site") / "shili/decisions/2025-001/index.html").read_bytes()
    break_officers(project)
    project.write(DECISION, project.file(DECISION).read_text(encoding="utf-8") + WITHDRAWN)
    code, lines = build(gongshi, "2026-11-25")
    assert code == 1
    assert "保留上次生成的 site/shili/（本县有错误，见上）；今天应撤下的 1 项已撤下：2025-002" in lines
    assert "已生成 site/jiange/" in lines
    site = project.file("site")
    assert (site / "shili/decisions/2025-001/index.html").read_bytes() == before
    notice = (site / "shili/decisions/2025-002/index.html").read_text(encoding="utf-8")
    assert "撤下说明" in notice and "王某某" not in notice
    assert found_anywhere(site, "王某某骗取") == []       # gone from the lists and the search index too
    county = summary(project)["counties"]["shili"]
    assert county["status"] == "kept" and county["removed"] == ["2025-002"]
    assert gongshi("scan", "site", "--content", "content", "--today", "2026-11-25")[0] == 0


def test_a_county_error_with_nothing_to_remove_keeps_the_previous_site_byte_for_byte(project, gongshi):
    assert build(gongshi)[0] == 0
    before = {p.relative_to(project.file("site")): p.read_bytes() for p in project.file("site/shili").rglob("*") if p.is_file()}
    break_officers(project)
    project.edit(OTHER, "title: ", "title: 新标题")   # a change the kept site must not show yet
    assert build(gongshi)[0] == 1
    after = {p.relative_to(project.file("site")): p.read_bytes() for p in project.file("site/shili").rglob("*") if p.is_file()}
    assert after == before


def test_a_county_error_without_a_previous_site_publishes_nothing_of_that_county(project, gongshi):
    break_officers(project)
    code, lines = build(gongshi)
    assert code == 1
    assert "未发布 site/shili/：本县有错误，见上；又没有上次生成的网站可以保留" in lines
    assert "已生成 site/jiange/" in lines
    assert not project.file("site/shili").exists()
    portal = project.file("site/index.html").read_text(encoding="utf-8")
    assert "jiange/" in portal and "shili/" not in portal


def test_an_error_of_the_repository_refuses_the_build_with_exit_2(project, gongshi):
    assert build(gongshi)[0] == 0
    before = project.file("site/index.html").read_bytes()
    project.edit("mkdocs.yml", "content_format: 1", "content_format: 99")
    code, lines = build(gongshi)
    assert code == 2
    assert project.file("site/index.html").read_bytes() == before
    data = summary(project)
    assert data["refused"] is True and any(f["code"] == "E-FORMAT-NEWER" for f in data["findings"])


def test_every_error_code_declares_its_effect():
    effects = {kind.effect for kind, _, _ in CODES.values()}
    assert effects == {Effect.HOLD, Effect.REPORT, Effect.NONE}
    for code, (kind, _, _) in CODES.items():
        assert (kind.effect is Effect.NONE) == code.startswith("W-"), code
    assert {code for code, (kind, _, _) in CODES.items() if kind is P} >= {
        "E-DEADLINE-LATE", "E-DEADLINE-MISSED", "E-WITHDRAWAL-LATE", "E-REVIEW-MISSING", "E-FINE-BELOW-MIN"}


# --- late publication, recorded ---

LATE = "published: '2025-09-15'\nlate_publication:\n  reason: 承办人员病休，交接时遗漏\n  approved_by: 局长 张某\n  approved: '2025-09-12'"


def test_a_recorded_late_publication_passes_with_its_warning_and_is_counted(project, gongshi):
    project.edit(DECISION, "published: '2025-08-26'", LATE)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 0, lines
    assert any(line.startswith(f"{DECISION}:") and "W-DEADLINE-LATE-RECORDED 行政处罚决定 示医保罚〔2025〕2号 逾期 " in line
               and "已记录原因：承办人员病休，交接时遗漏（局长 张某 2025年9月12日 批准）" in line for line in lines), lines
    code, lines = gongshi("status", "--county", "shili", "--today", "2026-01-10")
    assert any("已记录的逾期公示：行政处罚决定 示医保罚〔2025〕2号 2025年9月15日公示" in line
               and "原因：承办人员病休，交接时遗漏；局长 张某 2025年9月12日 批准" in line for line in lines), lines
    code, lines = gongshi("report", "--year", "2025", "--county", "shili", "--format", "json", "--today", "2026-01-10")
    assert code == 0 and json.loads("\n".join(lines))["counties"][0]["late_published"] == 1
    assert build(gongshi)[0] == 0
    page = (project.file("site") / "shili/decisions/2025-002/index.html").read_text(encoding="utf-8")
    assert "逾期公示，原因：承办人员病休，交接时遗漏" in page


def test_unrecorded_lateness_stays_an_error_and_the_hint_says_how_to_record_it(project, gongshi):
    project.edit(DECISION, "published: '2025-08-26'", "published: '2025-09-15'")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    late = next(line for line in lines if "E-DEADLINE-LATE" in line)
    assert late.endswith("请核对公示日期；确实逾期的，请在 late_publication 中如实写明逾期原因（reason）、批准人（approved_by）"
                         "和批准日期（approved）；法律、行政法规另有规定可以延期的，请在 publish_delay 中写明理由和依据")


def test_a_late_approval_after_publication_is_an_error(project, gongshi):
    project.edit(DECISION, "published: '2025-08-26'", LATE.replace("approved: '2025-09-12'", "approved: '2025-09-16'"))
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert any("E-LATE-APPROVED-AFTER 决定 示医保罚〔2025〕2号 的逾期公示批准日期 2025年9月16日 晚于公示日期 2025年9月15日"
               in line for line in lines), lines


def test_a_late_record_on_a_decision_published_on_time_is_a_warning(project, gongshi):
    project.edit(DECISION, "published: '2025-08-26'", LATE.replace("2025-09-15", "2025-08-26").replace("2025-09-12", "2025-08-25"))
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 0
    assert any("W-LATE-NOT-LATE" in line and "不需要填写逾期公示（late_publication）" in line for line in lines), lines


# --- the date is China's ---

@pytest.mark.parametrize("utc, china", [
    (datetime(2026, 12, 4, 20, 0, tzinfo=timezone.utc), "2026-12-05"),    # a scheduled run at 20:00 UTC
    (datetime(2026, 12, 4, 15, 59, tzinfo=timezone.utc), "2026-12-04"),
    (datetime(2026, 12, 31, 16, 0, tzinfo=timezone.utc), "2027-01-01"),
])
def test_the_default_date_is_today_in_china_whatever_the_machine_zone(monkeypatch, utc, china):
    monkeypatch.setenv("TZ", "UTC")
    assert china_today(utc).isoformat() == china


# --- what an attack on the scopes found: each stays fixed ---

CLASSIFIED = ("kind: 行政处罚", "classified: true\nkind: 行政处罚")


def test_a_kept_county_is_remade_with_the_settings_it_was_last_built_with_never_its_broken_file(project, gongshi):
    assert build(gongshi)[0] == 0
    project.write("site_config/evil.py", "import pathlib\npathlib.Path('hooked').write_text('ran')\n")
    project.edit("site_config/shili.yml", "extra:\n", "hooks:\n  - evil.py\nextra:\n")
    project.edit(OTHER, *CLASSIFIED)
    code, lines = build(gongshi)
    assert code == 1 and any("E-SCHEMA-UNKNOWN-FIELD 未知字段 hooks" in line for line in lines), lines
    assert not project.file("hooked").exists()
    assert "保留上次生成的 site/shili/（本县有错误，见上）；今天应撤下的 1 项已撤下：2025-001" in lines
    assert found_anywhere(project.file("site"), "示医保罚〔2025〕1号") == []


def test_a_kept_county_drops_an_officer_whose_certificate_was_revoked(project, gongshi):
    assert build(gongshi)[0] == 0
    assert found_anywhere(project.file("site"), "SL-2024-0002")
    project.edit(OFFICERS, "    certificate_no: 'SL-2024-0002'\n    issuer: 示例省人民政府\n    valid_from: '2024-03-01'\n"
                           "    valid_until: '2029-02-28'\n    status: 有效",
                 "    certificate_no: 'SL-2024-0002'\n    issuer: 示例省人民政府\n    valid_from: '2024-03-01'\n"
                 "    valid_until: '2029-02-28'\n    status: 注销")
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 示例县医疗保障局\nbogus_field: 1")
    assert build(gongshi)[0] == 1
    assert summary(project)["counties"]["shili"]["status"] == "kept"
    assert "SL-2024-0002" not in (project.file("site") / "shili/officers/index.html").read_text(encoding="utf-8")
    # its check page stays, for the QR code printed on the card, and says so
    assert "该证件已注销" in (project.file("site") / "shili/officers/li-shifan/index.html").read_text(encoding="utf-8")


def test_a_list_that_breaks_its_references_keeps_the_county_and_holds_back_no_decision(project, gongshi):
    assert build(gongshi)[0] == 0
    project.edit("content/shili/powers.yml", "\nitems:", "\nitemz:")
    code, lines = build(gongshi)
    assert code == 1 and not any("E-REF-UNKNOWN" in line for line in lines), lines
    county = summary(project)["counties"]["shili"]
    assert county["status"] == "kept" and county["held_back"] == [] and county["removed"] == []
    assert (project.file("site") / "shili/decisions/2025-001/index.html").is_file()
    assert (project.file("site") / "shili/decisions/2026-002/index.html").is_file()     # its withdrawal notice


def test_a_value_of_the_wrong_type_is_a_schema_error_of_its_record_and_no_crash(project, gongshi):
    project.edit(OTHER, "approval:\n  by: 局长 张示例\n  date: '2025-05-14'", "approval: 局长 张示例")
    code, lines = build(gongshi)
    assert code == 1 and any(line.startswith(f"{OTHER}:") and "E-SCHEMA-TYPE" in line for line in lines), lines
    assert summary(project)["counties"]["shili"]["held_back"] == ["2025-001"]


def test_a_stray_file_in_decisions_holds_back_nothing(project, gongshi):
    project.write("content/shili/decisions/2025-001.pdf", "%PDF-1.4\n")
    project.write("content/shili/decisions/notes.txt", "备忘\n")
    code, lines = build(gongshi)
    assert code == 1 and sum(line.startswith("content/shili/decisions/") and "E-DECISION-FILE" in line for line in lines) == 2
    assert summary(project)["counties"]["shili"]["held_back"] == []
    assert (project.file("site") / "shili/decisions/2025-001/index.html").is_file()


def test_a_credit_repair_before_the_shortest_period_leaves_the_decision_published(project, gongshi):
    decision = "content/shili/decisions/2026-003.yml"   # 一般, decided 2026-10-20: on the site until 2027-01-20 at least
    project.write(decision, project.file(decision).read_text(encoding="utf-8")
                  + "history:\n  - event: 信用修复\n    date: '2026-11-20'\n    reason: 已完成信用修复\n")
    code, lines = build(gongshi)
    assert code == 1 and any("E-CREDIT-REPAIR-EARLY" in line for line in lines)
    assert (project.file("site") / "shili/decisions/2026-003/index.html").is_file()


def test_a_county_gone_from_the_content_is_said_to_be_taken_down(project, gongshi):
    assert build(gongshi)[0] == 0
    import shutil
    shutil.rmtree(project.file("content/jiange"))
    project.file("site_config/jiange.yml").unlink()
    code, lines = build(gongshi)
    assert "已撤下 site/jiange/：内容目录中已没有这个县" in lines
    assert summary(project)["counties"]["jiange"]["status"] == "removed"
    assert not project.file("site/jiange").exists()


def test_one_countys_declared_secret_does_not_refuse_the_province(project, gongshi):
    project.edit("site_config/jiange.yml", "extra:\n", "extra:\n  redaction:\n    secrets: [示例县医疗保障局]\n")
    code, lines = build(gongshi)
    assert code != 2, lines
    assert (project.file("site") / "shili/index.html").is_file()
