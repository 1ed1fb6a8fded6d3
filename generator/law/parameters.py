"""Every legal value gongshi applies, with where it comes from and which way a county may change it.

A value comes from the county's law profile (profiles.py: the kind of bureau it is). A county may
override a value under `extra.law` in `site_config/<县>.yml` — only in the stricter direction, and
with the citation of the rule that makes it stricter:

    extra:
      law:
        withdraw_within_working_days: {value: 2, citation: 川医保发〔2026〕1号 第五条}

A message then gives the county's value and cites both texts: the national one it applies, and the
county's own. A looser value is not applied (county.py) and is reported (`check_law`, check/site_config.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import sources

# Which way a county may change a value.
LOWER = "lower"     # a shorter period, a smaller amount: only lower values
HIGHER = "higher"   # more officers, a longer minimum: only higher values
FIXED = "fixed"     # set by the law alone
FREE = "free"       # a setting of gongshi's, or a value the law leaves to the county (cited when changed)


@dataclass(frozen=True)
class Parameter:
    value: object
    title: str
    citation: str
    stricter: str = FIXED
    unit: str = ""


# The values every profile shares: the law of administrative penalties and of disclosure.
COMMON: dict[str, Parameter] = {
    "publish_within_working_days_penalty": Parameter(
        7, "行政处罚、行政许可决定的公示期限", f"{sources.GUIDANCE} 二（三）", LOWER, "个工作日"),
    "publish_within_working_days_other": Parameter(
        20, "其他执法决定的公示期限", f"{sources.GUIDANCE} 二（三）", LOWER, "个工作日"),
    "short_period_kinds": Parameter(
        ("行政处罚", "行政许可"), "公示期限较短的决定类别", f"{sources.GUIDANCE} 二（三）"),
    "min_case_officers": Parameter(
        2, "承办执法人员最少人数", f"{sources.PENALTY_LAW}第四十二条；{sources.COMPULSION_LAW}第十八条", HIGHER, "名"),
    "kinds_needing_two_officers": Parameter(
        ("行政处罚", "行政强制", "行政检查"), "须由两名以上执法人员实施的决定类别",
        f"{sources.PENALTY_LAW}第四十二条、第五十五条；{sources.COMPULSION_LAW}第十八条"),
    "publish_inspection_results_within_working_days": Parameter(
        20, "双随机抽查检查结果的公示期限（自结果形成之日起）", f"{sources.GUIDANCE} 二（三）", LOWER, "个工作日"),
    "withdraw_within_working_days": Parameter(
        3, "决定被变更、撤销、确认违法或者确认无效后撤下公示的期限",
        f"{sources.PENALTY_LAW}第四十八条第二款：行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内"
        "撤回行政处罚决定信息并公开说明理由；第八十五条：三日指工作日", LOWER, "个工作日"),
    "withdrawal_events": Parameter(
        ("变更", "撤销", "确认违法", "确认无效"), "撤下公示的事件", f"{sources.PENALTY_LAW}第四十八条第二款"),
    "mitigation": Parameter(
        None, "从轻、减轻处罚",
        f"{sources.PENALTY_LAW}第三十二条；{sources.DISCRETION_GUIDANCE} 二（三）：从轻处罚在法定幅度内选择较低的处罚，"
        "减轻处罚在法定幅度以下"),
    "adult_age": Parameter(
        18, "成年年龄（不满的为未成年人，其决定不公示）",
        f"{sources.CIVIL_CODE}第十七条；{sources.MINORS_LAW}第一百零三条", FIXED, "周岁"),
    "annual_report_due_day_of_january": Parameter(
        31, "上一年度行政执法总体情况数据的公开期限（次年 1 月的第几日前）", f"{sources.GUIDANCE} 二（三）", LOWER, "日"),
    "deadline_warning_working_days": Parameter(
        2, "到期前提醒", "gongshi 的设置：到期前 2 个工作日给出警告", FREE, "个工作日"),
    "certificate_warning_days": Parameter(
        30, "执法证到期前提醒", "gongshi 的设置：到期前 30 日列入 gongshi status", FREE, "日"),
    "annual_report_first_year": Parameter(
        2021, "从哪一年起检查年度执法数据说明",
        "gongshi 的设置：本县开始用 gongshi 登记执法决定的年份，之前的年度不检查", FREE, "年"),
    # Procedure of 行政处罚 (行政处罚法, 2021): checks on the record; none takes a decision off the site.
    "decide_within_days": Parameter(
        90, "自立案至作出行政处罚决定的期限（日历日）",
        f"{sources.PENALTY_LAW}第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，"
        "从其规定；第八十五条只把二日、三日、五日、七日算作工作日", LOWER, "日"),
    "excluded_period_kinds": Parameter(
        ("听证", "公告", "检测", "检验", "检疫", "鉴定"), "不计入办案期限的期间",
        f"{sources.PENALTY_LAW}第六十条“法律、法规、规章另有规定的，从其规定”，见本执法领域的行政处罚程序规定"),
    "serve_within_working_days": Parameter(
        7, "当事人不在场时送达行政处罚决定书的期限",
        f"{sources.PENALTY_LAW}第六十一条第一款：当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，"
        "将行政处罚决定书送达当事人；第八十五条：七日指工作日", LOWER, "个工作日"),
    "summary_fine_yuan_person": Parameter(
        200, "简易程序（当场处罚）对公民的罚款上限", f"{sources.PENALTY_LAW}第五十一条", LOWER, "元"),
    "summary_fine_yuan_organisation": Parameter(
        3000, "简易程序（当场处罚）对法人或者其他组织的罚款上限", f"{sources.PENALTY_LAW}第五十一条", LOWER, "元"),
    "recusal": Parameter(None, "执法人员的回避", f"{sources.PENALTY_LAW}第四十三条第一款"),
    "hearing_request_working_days": Parameter(
        5, "告知听证权利后当事人要求听证的期限",
        f"{sources.PENALTY_LAW}第六十四条第（一）项：当事人要求听证的，应当在行政机关告知后五日内提出；第八十五条：五日指工作日",
        HIGHER, "个工作日"),
    "hearing_right": Parameter(
        None, "应当告知当事人有要求听证的权利的处罚",
        f"{sources.PENALTY_LAW}第六十三条第一款：较大数额罚款（第（一）项），责令停产停业、责令关闭、限制从业（第（四）项），"
        "其他较重的行政处罚（第（五）项）"),
    "hearing_fine_yuan_person": Parameter(
        None, "应当告知听证的“较大数额罚款”（对公民）", f"按本省规定填写（{sources.PENALTY_LAW}第六十三条第一款第（一）项）", FREE, "元"),
    "hearing_fine_yuan_organisation": Parameter(
        None, "应当告知听证的“较大数额罚款”（对法人或者其他组织）",
        f"按本省规定填写（{sources.PENALTY_LAW}第六十三条第一款第（一）项）", FREE, "元"),
    "first_violation": Parameter(
        None, "首违不罚",
        f"{sources.PENALTY_LAW}第三十三条第一款：初次违法且危害后果轻微并及时改正的，可以不予行政处罚"),
    "no_penalty_list_binding": Parameter(
        False, "本县的不予行政处罚事项清单对首违的是否必须适用", "gongshi 的设置：写 true 时，清单内的首违案件处罚即为错误", FREE),
    # Publicity periods of 行政处罚 information (信用修复管理办法), counted from the decision date.
    "kinds_with_publicity_period": Parameter(
        ("行政处罚",), "有公示期的决定类别（期满撤下）", f"{sources.CREDIT_REPAIR_2025}"),
    "publicity_months_minor": Parameter(3, "轻微失信信息最长公示期", sources.CREDIT_REPAIR_2025, LOWER, "个月"),
    "publicity_months_general": Parameter(12, "一般失信信息最长公示期", sources.CREDIT_REPAIR_2025, LOWER, "个月"),
    "publicity_min_months_general": Parameter(
        3, "一般失信信息最短公示期（期满方可信用修复）", sources.CREDIT_REPAIR_2025, HIGHER, "个月"),
    "publicity_months_serious": Parameter(36, "严重失信信息最长公示期", sources.CREDIT_REPAIR_2025, LOWER, "个月"),
    "publicity_min_months_serious": Parameter(
        12, "严重失信信息最短公示期（期满方可信用修复）", sources.CREDIT_REPAIR_2025, HIGHER, "个月"),
}


@dataclass(frozen=True)
class Law:
    """The law as one county applies it: its profile's values with the county's stricter ones."""

    values: dict
    profile: object                                      # its profiles.Profile
    own_citations: dict = field(default_factory=dict)   # name → the county's citation of its override

    def __getitem__(self, name: str):
        return self.values[name]

    @property
    def parameters(self) -> dict:
        return self.profile.parameters

    def citation(self, name: str) -> str:
        """What a message cites for `name`: the national text, and the county's own where it overrides it."""
        national = self.parameters[name].citation
        own = self.own_citations.get(name)
        return f"{national}；本县规定：{own}" if own else national

    def publish_key(self, kind: str) -> str:
        return "publish_within_working_days_penalty" if kind in self.values["short_period_kinds"] \
            else "publish_within_working_days_other"

    def publish_within(self, kind: str) -> int:
        return self.values[self.publish_key(kind)]

    def publish_citation(self, kind: str) -> str:
        return self.citation(self.publish_key(kind))


@dataclass(frozen=True)
class Override:
    """A value under a county's `extra.law`, as written."""
    name: str
    value: object
    citation: str | None
    path: tuple           # where it is in the site config, for the finding's line


def written_overrides(config_data) -> tuple[str | None, list[Override]]:
    """The profile a county names and the values it overrides, from its site config as loaded."""
    config = config_data if isinstance(config_data, dict) else {}
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    law = extra.get("law") if isinstance(extra.get("law"), dict) else {}
    profile = law.get("profile") if isinstance(law.get("profile"), str) else None
    found = []
    for name, written in law.items():
        if name == "profile":
            continue
        if isinstance(written, dict):
            value, citation = written.get("value"), written.get("citation")
            found.append(Override(name, value, citation if isinstance(citation, str) and citation.strip() else None,
                                  ("extra", "law", name, "value")))
        else:
            found.append(Override(name, written, None, ("extra", "law", name)))
    return profile, found


def is_number(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def looser(parameter: Parameter, value) -> bool:
    """Whether `value` is looser than the profile's, in the direction the parameter may change."""
    return (parameter.stricter == LOWER and value > parameter.value) or \
        (parameter.stricter == HIGHER and value < parameter.value)


def overridable(parameter: Parameter) -> bool:
    """Whether a county may write this value: a number (or, FREE, a number not set by default, or a yes/no)."""
    if parameter.stricter == FIXED:
        return False
    if isinstance(parameter.value, bool):
        return parameter.stricter == FREE
    return is_number(parameter.value) or (parameter.value is None and parameter.stricter == FREE and bool(parameter.unit))


def fits(parameter: Parameter, value) -> bool:
    return isinstance(value, bool) if isinstance(parameter.value, bool) else is_number(value)


def applies(parameter: Parameter | None, override: Override) -> bool:
    """Whether a county's override is one gongshi applies: of the right type, for a value that may change, not looser."""
    return parameter is not None and overridable(parameter) and fits(parameter, override.value) \
        and not (is_number(parameter.value) and looser(parameter, override.value))
