"""Annual statistics (年度执法数据) from small hand-made sets of decisions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from generator.load.county import County
from generator.load.yaml_file import YamlDocument
from generator.public.annual_stats import annual_sections, annual_statistics, annual_years, county_year, data_years
from generator.render.report_formats import report_csv, report_json


def decision(kind="行政处罚", decided="2025-03-10", **extra) -> dict:
    return {"case_number": f"测罚〔{decided[:4]}〕{len(extra)}号", "kind": kind, "decided": decided,
            "party": {"type": "单位", "name": "某某大药房有限公司"}, "outcome": {}, **extra}


def county(decisions: list[dict], reports=(), inspections=None, first_year=None) -> County:
    c = County("ceshi", Path("content/ceshi"))
    c.decisions = {f"d{i}": SimpleNamespace(data=d) for i, d in enumerate(decisions)}
    c.documents["subject"] = YamlDocument(Path("content/ceshi/subject.yml"), "content/ceshi/subject.yml",
                                          "subject.schema.json", {"name": "测试县医疗保障局"})
    if reports:
        c.documents["annual"] = SimpleNamespace(data={"reports": list(reports)})
    if inspections:
        c.documents["inspections"] = SimpleNamespace(data=inspections)
    law = {"law": {"annual_report_first_year": first_year}} if first_year else {}
    c.config = SimpleNamespace(data={"site_name": "测试", "extra": {"footer": {"sponsor": "测试"}, **law}})
    return c


SAMPLE = [
    decision(outcome={"fine": 18000, "returned": 12000}, legal_review={"reviewer": "a", "submitted": "2025-04-01",
                                                                       "completed": "2025-04-03"}),
    decision(decided="2025-08-20", outcome={"fine": 7200.5, "returned": 3600, "refused_payment": 1500.25}),
    decision(kind="行政检查", decided="2025-12-31"),
    decision(kind="行政强制", decided="2025-01-01"),
    decision(kind="其他", decided="2025-06-30", party={"type": "自然人", "name": "王某某", "minor": True},
             outcome={"fine": 200}),                                    # a minor: counted, never named
    decision(decided="2025-07-07", classified=True, outcome={"fine": 99999},
             legal_review={"reviewer": "a", "submitted": "2025-07-01", "completed": "2025-07-02"}),  # secret: left out
    decision(decided="2024-12-31", outcome={"fine": 5000}),             # another year
    decision(kind="行政许可", decided="2026-01-01"),                     # another year
    # decided in 2024, revoked in 2025: a withdrawal of 2025, a decision of 2024
    decision(decided="2024-11-11", outcome={"fine": 3000},
             history=[{"event": "更正", "date": "2024-11-20", "field": "facts", "reason": "笔误"},
                      {"event": "撤销", "date": "2025-02-03", "reason": "复议撤销"},
                      {"event": "重新作出", "date": "2025-03-01", "decision": "x"}]),
]


def test_a_year_is_counted_by_kind_with_its_amounts_and_reviews():
    stats = annual_statistics(county(SAMPLE), 2025)
    assert stats.by_kind == {"行政处罚": 2, "行政许可": 0, "行政强制": 1, "行政检查": 1, "其他": 1}
    assert stats.decisions == 5
    assert stats.fines == Decimal("25400.5")            # 18000 + 7200.5 + 200: not the classified 99999
    assert stats.returned == Decimal("15600")
    assert stats.refused_payment == Decimal("1500.25")
    assert stats.legal_reviews == 1                      # the classified decision's review is not counted
    assert stats.withdrawn == 1                          # revoked 2025-02-03
    assert stats.until is None and stats.inspection_items is None


def test_a_withdrawal_counts_in_the_year_of_the_event_and_the_decision_in_its_own():
    stats_2024 = annual_statistics(county(SAMPLE), 2024)
    # counted as decided in 2024, but its 3,000元 fine is no longer owed once revoked
    assert stats_2024.by_kind["行政处罚"] == 2 and stats_2024.fines == Decimal("5000")
    assert stats_2024.withdrawn == 0                     # the 更正 of 2024 withdraws nothing
    before_revocation = annual_statistics(county(SAMPLE), 2024, today=date(2025, 1, 31))
    assert before_revocation.fines == Decimal("8000")


def test_each_withdrawing_event_counts_and_a_decision_counts_once_a_year():
    events = [decision(decided="2025-01-02", history=[{"event": e, "date": "2025-05-01", "reason": "x"}])
              for e in ("变更", "撤销", "确认违法", "确认无效")]
    events.append(decision(decided="2025-01-02", history=[{"event": "变更", "date": "2025-05-01", "reason": "x"},
                                                          {"event": "撤销", "date": "2025-09-01", "reason": "y"},
                                                          {"event": "确认违法", "date": "2026-02-01", "reason": "z"}]))
    events.append(decision(decided="2025-01-02", history=[{"event": "信用修复", "date": "2025-05-01"}]))
    assert annual_statistics(county(events), 2025).withdrawn == 5
    assert annual_statistics(county(events), 2026).withdrawn == 1


def test_a_classified_withdrawn_decision_is_not_counted_at_all():
    secret = decision(decided="2025-01-02", classified=True, history=[{"event": "撤销", "date": "2025-05-01", "reason": "x"}])
    stats = annual_statistics(county([secret]), 2025)
    assert stats.decisions == 0 and stats.withdrawn == 0
    assert data_years(county([secret])) == set()


def test_today_stops_the_count_and_marks_the_running_year():
    today = date(2025, 8, 19)
    stats = annual_statistics(county(SAMPLE), 2025, today)
    assert stats.until == today
    assert stats.decisions == 3                          # 2025-08-20 and 2025-12-31 are not yet
    assert stats.fines == Decimal("18200")
    assert annual_statistics(county(SAMPLE), 2024, today).until is None


def test_inspection_items_are_counted_for_the_year_of_the_list():
    items = [{"name": "甲"}, {"name": "乙"}, {"name": "丙", "classified": True}]
    c = county([], inspections={"year": 2025, "items": items})
    assert annual_statistics(c, 2025).inspection_items == 2
    assert annual_statistics(c, 2024).inspection_items is None


def test_rows_are_two_columns_with_units_and_chinese_amounts():
    rows = annual_statistics(county(SAMPLE), 2025).rows()
    assert rows == [
        ("执法决定合计", "5件"), ("行政处罚决定", "2件"), ("行政许可决定", "0件"), ("行政强制决定", "1件"),
        ("行政检查决定", "1件"), ("其他执法决定", "1件"), ("罚款", "25,400.50元"), ("责令退回", "15,600元"),
        ("拒付医保基金", "1,500.25元"), ("经法制审核的决定", "1件"), ("被变更、撤销、确认违法或无效的决定", "1件"),
        ("逾期公示的决定", "0件"),
    ]


def test_years_with_data_or_a_report_newest_first():
    reports = [{"year": 2020, "summary": "早年说明"}, {"year": 2019, "summary": "涉密说明", "classified": True}]
    assert annual_years(county(SAMPLE, reports)) == [2026, 2025, 2024, 2020]
    assert annual_years(county(SAMPLE, reports), date(2025, 12, 31)) == [2025, 2024, 2020]


def test_site_sections_show_figures_only_for_years_kept_in_gongshi():
    reports = [{"year": 2020, "summary": "早年说明"}, {"year": 2025, "summary": "二〇二五年说明"}]
    sections = annual_sections(county(SAMPLE, reports, first_year=2025), {"reports": reports}, date(2026, 3, 1))
    # 2026 is still running: no figures for it yet (see the next test)
    assert [(s.year, s.stats is not None, s.summary) for s in sections] == [
        (2025, True, "二〇二五年说明"), (2024, True, None), (2020, False, "早年说明")]


def test_downloads_name_no_party_and_no_case_number():
    c = county(SAMPLE)
    items = [county_year(c, 2025, date(2026, 3, 1))]
    for text in (report_json(items, 2025, date(2026, 3, 1)), report_csv(items)):
        assert "测罚" not in text and "大药房" not in text and "王某某" not in text
        assert "测试县医疗保障局" in text
    assert report_csv(items).startswith("\ufeff县编号,执法主体,年度,")
    assert '"fines": 25400.5' in report_json(items, 2025, date(2026, 3, 1))
