"""A second kind of bureau: the demo market-regulation county (docs/examples/shichang) validates and
builds under its own profile, and its fines are measured by the 食品安全法's table, not the 条例's."""

from __future__ import annotations

import pytest

from ..built_files import files_of
from ..conftest import PROJECT, Project, copied

DEMO = PROJECT / "docs" / "examples" / "shichang"
DECISION = "content/shijian/decisions/2026-001.yml"
CASE = "示市监罚〔2026〕1号"
FOOD = "《中华人民共和国食品安全法》"
HINT_BELOW = ("低于法定下限只能是减轻处罚（《中华人民共和国行政处罚法》第三十二条；《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的"
              "意见》（国办发〔2022〕27号） 二（三）：从轻处罚在法定幅度内选择较低的处罚，减轻处罚在法定幅度以下）：确有减轻情形的，请在 "
              "mitigation 中写 type: 减轻 和 ground 或 exemption；否则请核对罚款金额")


@pytest.fixture
def market(tmp_path, monkeypatch) -> Project:
    return copied(DEMO, tmp_path, monkeypatch)


def test_the_demo_county_validates_and_builds_citing_its_own_laws(market, gongshi):
    code, lines = gongshi("validate")
    assert code == 0 and lines[-1] == "共 0 个错误，6 个警告（W-SECTION-MISSING ×6）。"
    code, lines = gongshi("build")
    assert code == 0 and "已生成 site/shijian/" in lines
    decision = market.file("site/shijian/decisions/2026-001/index.html").read_text(encoding="utf-8")
    powers = market.file("site/shijian/powers/index.html").read_text(encoding="utf-8")
    assert f"{FOOD}第一百二十四条第一款第（二）项" in decision
    assert "货值金额不足一万元的，并处五万元以上十万元以下罚款" in powers
    pages = files_of(market.file("site/shijian"))
    assert not any("医疗保障基金使用监督管理条例" in data.decode("utf-8", "ignore") for name, data in pages.items()
                   if name.endswith(".html"))


@pytest.mark.parametrize("outcome, expected", [
    pytest.param("  goods_value: 1800\n  fine: 100000\n", None, id="below-the-threshold-up-to-100000"),
    pytest.param("  goods_value: 1800\n  fine: 40000\n",
                 f"{DECISION}:23: E-FINE-BELOW-MIN 决定 {CASE} 的罚款 40,000元 低于法定下限：按第一百二十四条 违法生产经营的食品、食品添加剂"
                 f"货值金额1,800元，不足10,000元，50,000元至100,000元（{FOOD}第一百二十四条） — {HINT_BELOW}", id="below-the-threshold-too-low"),
    pytest.param("  goods_value: 20000\n  fine: 400000\n", None, id="from-the-threshold-up-to-twenty-times"),
    pytest.param("  goods_value: 20000\n  fine: 500000\n",
                 f"{DECISION}:23: E-FINE-ABOVE-MAX 决定 {CASE} 的罚款 500,000元 超过法定上限：按第一百二十四条 违法生产经营的食品、食品添加剂"
                 f"货值金额20,000元的10倍至20倍，即200,000元至400,000元（{FOOD}第一百二十四条） — 从轻、减轻处罚都不能高于法定上限；"
                 "请核对罚款金额、outcome 中的基数和 basis 中的条款", id="from-the-threshold-too-high"),
])
def test_food_safety_fines_follow_the_goods_value_tiers(market, gongshi, outcome, expected):
    market.edit(DECISION, "  goods_value: 1800\n  fine: 50000\n", outcome)
    code, lines = gongshi("validate")
    fines = [line for line in lines if " E-FINE-" in line]
    assert fines == ([expected] if expected else []), lines
    assert code == (1 if expected else 0)


def test_a_market_county_cannot_loosen_the_food_safety_range(market, gongshi):
    market.edit("site_config/shijian.yml", "    profile: 市场监管\n", "    profile: 市场监管\n    fine_yuan_min_art124: 40000\n")
    code, lines = gongshi("validate")
    assert code == 1
    assert ("site_config/shijian.yml:17: E-LAW-LOOSER 本县把第一百二十四条货值金额不足界限时的罚款下限改为 40000元，比市场监督管理部门适用的"
            f"规定（50000元，{FOOD}第一百二十四条）更宽 — 本县只能规定得更严：请改为不少于 50000元的值，或删除 fine_yuan_min_art124 这一项") in lines


def test_its_annual_figures_show_the_sums_of_its_kind_of_bureau(market, gongshi):
    code, lines = gongshi("report", "--year", "2026", "--today", "2027-02-03")
    assert code == 0
    assert any(line.split() == ["罚款", "50,000元"] for line in lines), lines
    assert not any("医保" in line for line in lines)
