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
