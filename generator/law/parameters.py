"""Every legal number gongshi applies, with where it comes from. Counties may override values in
`site_config/<县>.yml` under `extra.law` (a province with a stricter rule, say); the citation
then reads from the county's own file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    value: object
    title: str
    citation: str


DEFAULTS: dict[str, Parameter] = {
    "publish_within_working_days_penalty": Parameter(
        7, "行政处罚、行政许可决定的公示期限（工作日）",
        "国办发〔2018〕118号 二（三）；赣医保办发〔2020〕8号 （三）1"),
    "publish_within_working_days_other": Parameter(
        20, "其他执法决定的公示期限（工作日）",
        "国办发〔2018〕118号 二（三）；赣医保办发〔2020〕8号 （三）1"),
    "min_case_officers": Parameter(
        2, "承办执法人员最少人数", "《行政处罚法》第四十二条；《医疗保障基金使用监督管理条例》第二十九条；《行政强制法》第十八条"),
    "deadline_warning_working_days": Parameter(
        2, "到期前提醒（工作日）", "gongshi 默认：到期前 2 个工作日给出警告"),
    # 医疗保障基金使用监督管理条例 fines, as multiples of the loss or the fraud (or, Art 39, in yuan)
    "fine_loss_multiple_min_art38": Parameter(1, "第三十八条罚款下限（造成损失金额的倍数）", "《医疗保障基金使用监督管理条例》第三十八条"),
    "fine_loss_multiple_max_art38": Parameter(2, "第三十八条罚款上限（造成损失金额的倍数）", "《医疗保障基金使用监督管理条例》第三十八条"),
    "fine_fraud_multiple_min": Parameter(2, "骗取医保基金罚款下限（骗取金额的倍数）", "《医疗保障基金使用监督管理条例》第三十七条、第四十条、第四十一条第二款"),
    "fine_fraud_multiple_max": Parameter(5, "骗取医保基金罚款上限（骗取金额的倍数）", "《医疗保障基金使用监督管理条例》第三十七条、第四十条、第四十一条第二款"),
    "fine_yuan_min_art39": Parameter(10000, "第三十九条罚款下限（元）", "《医疗保障基金使用监督管理条例》第三十九条"),
    "fine_yuan_max_art39": Parameter(50000, "第三十九条罚款上限（元）", "《医疗保障基金使用监督管理条例》第三十九条"),
    # 重大执法决定法制审核
    "major_decision_amount_yuan": Parameter(
        100000, "追回或者拒付医保基金“数额较大”的标准（元，达到即为重大执法决定）",
        "国家医疗保障局《医疗保障系统全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度实施办法（试行）》五（二）2(1)；"
        "具体数额由本县重大执法决定法制审核目录清单确定，gongshi 默认 10 万元"),
    "legal_review_working_days": Parameter(
        10, "法制审核期限（工作日）", "国家医疗保障局《医疗保障系统“三项制度”实施办法（试行）》五（四）2"),
    "legal_review_extension_working_days": Parameter(
        10, "法制审核经批准可延长（工作日）", "国家医疗保障局《医疗保障系统“三项制度”实施办法（试行）》五（四）2"),
    # 行政处罚法 第八十五条: its 三日 are working days
    "withdraw_within_working_days": Parameter(
        3, "决定被撤销、变更、确认违法或无效后撤下公示的期限（工作日）",
        "《行政处罚法》第四十八条第二款：行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由；第八十五条：三日指工作日"),
    # 信用修复管理办法 (国家发展改革委令2025年第36号): publicity periods of 行政处罚 information, in months
    "publicity_months_minor": Parameter(3, "轻微失信信息最长公示期（月）", "《信用修复管理办法》（国家发展改革委令2025年第36号）"),
    "publicity_months_general": Parameter(12, "一般失信信息最长公示期（月）", "《信用修复管理办法》（国家发展改革委令2025年第36号）"),
    "publicity_min_months_general": Parameter(3, "一般失信信息最短公示期（月，期满方可信用修复）", "《信用修复管理办法》（国家发展改革委令2025年第36号）"),
    "publicity_months_serious": Parameter(36, "严重失信信息最长公示期（月）", "《信用修复管理办法》（国家发展改革委令2025年第36号）"),
    "publicity_min_months_serious": Parameter(12, "严重失信信息最短公示期（月，期满方可信用修复）", "《信用修复管理办法》（国家发展改革委令2025年第36号）"),
    # Annual statistics: published by 31 January (国办发〔2018〕118号 二（三）; 赣医保 seed 000 item 20)
    "annual_report_first_year": Parameter(
        2021, "从哪一年起检查年度执法数据说明",
        "《医疗保障基金使用监督管理条例》自 2021 年 5 月 1 日起施行；本县开始用 gongshi 之前的年份可以在 extra.law 中跳过"),
    "certificate_warning_days": Parameter(30, "执法证到期前提醒（日）", "gongshi 默认：到期前 30 日列入 gongshi status"),
}

# The kinds of decision that take the shorter period.
SHORT_PERIOD_KINDS = ("行政处罚", "行政许可")


@dataclass(frozen=True)
class Law:
    values: dict

    def __getitem__(self, name: str):
        return self.values[name]

    def citation(self, name: str) -> str:
        return DEFAULTS[name].citation

    def publish_within(self, kind: str) -> int:
        key = "publish_within_working_days_penalty" if kind in SHORT_PERIOD_KINDS else "publish_within_working_days_other"
        return self.values[key]

    def publish_citation(self, kind: str) -> str:
        key = "publish_within_working_days_penalty" if kind in SHORT_PERIOD_KINDS else "publish_within_working_days_other"
        return DEFAULTS[key].citation


def county_law(county) -> Law:
    values = {name: p.value for name, p in DEFAULTS.items()}
    config = county.config.data if county.config is not None and isinstance(county.config.data, dict) else {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    overrides = extra.get("law") if isinstance(extra.get("law"), dict) else {}
    values.update({k: v for k, v in overrides.items() if k in DEFAULTS and isinstance(v, int) and not isinstance(v, bool)})
    return Law(values)
