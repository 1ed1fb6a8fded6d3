"""Law profiles: what differs between kinds of bureau. A county names its profile in its site
config (`extra.law.profile`); without one it is a medical-insurance bureau, the kind gongshi was
made for.

A profile holds its parameters (the common ones of parameters.py, with its own added) and its
penalty table: for each article (or paragraph) of its regulation, the fine and the suspension it
provides and what they require. The checks read the table; no article is written in them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import sources
from .parameters import COMMON, FIXED, FREE, HIGHER, LOWER, Law, Parameter, is_number, overridable

DEFAULT_PROFILE = "医疗保障"


@dataclass(frozen=True)
class Fine:
    base: str | None          # the outcome field the fine is a multiple of (loss, fraud); None: yuan
    low: str                  # parameter names of its bounds
    high: str
    requires: tuple = ()      # outcome flags of which one must be true (refused_to_correct, …)
    below: tuple | None = None   # (threshold, low, high): below the threshold the fine is that many yuan instead

    @property
    def base_title(self) -> str:
        return BASE_TITLES.get(self.base, "")


@dataclass(frozen=True)
class Suspension:
    what: str                 # what is suspended, as the law says it
    low: str                  # parameter names of its bounds, in months
    high: str
    requires: tuple = ()      # outcome flags of which one must be true
    beyond: str = ""          # what the law provides instead of a longer suspension


@dataclass(frozen=True)
class Provision:
    """An article or paragraph of the profile's regulation, and the penalties it provides."""
    article: str              # as a decision's basis cites it: 第三十八条, 第四十一条第二款
    fine: Fine | None = None
    suspension: Suspension | None = None


@dataclass(frozen=True)
class Profile:
    id: str
    title: str
    regulation: str           # the regulation whose articles the penalty table reads, as cited in `basis`
    parameters: dict
    provisions: tuple         # of Provision; the longest article that a cited article starts with applies
    amounts: tuple = ("fines", "returned", "refused_payment")   # the sums its annual statistics show

    def provision(self, article: str) -> Provision | None:
        matching = [p for p in self.provisions if article.startswith(p.article)]
        return max(matching, key=lambda p: len(p.article), default=None)


# --- 医疗保障：《医疗保障基金使用监督管理条例》（2021 年 5 月 1 日起施行）
FUND = sources.FUND_REGULATION
BASE_TITLES = {"loss": "造成医疗保障基金损失金额", "fraud": "骗取金额",   # the outcome fields fines are multiples of
               "goods_value": "违法生产经营的食品、食品添加剂货值金额"}
REQUIRES_FLAGS = {"refused_to_correct": "经责令改正拒不改正", "serious_consequences": "造成严重后果"}


def _multiple(value: int, article: str, side: str, base: str) -> Parameter:
    return Parameter(value, f"{article}罚款{side}（{base}的倍数）", f"{FUND}{article}", HIGHER if side == "下限" else LOWER, "倍")


def _months(value: int, article: str, side: str) -> Parameter:
    return Parameter(value, f"{article}暂停{side}", f"{FUND}{article}", HIGHER if side == "下限" else LOWER, "个月")


MEDICAL_INSURANCE_PARAMETERS = COMMON | {
    "publish_within_working_days_penalty": Parameter(
        7, "行政处罚、行政许可决定的公示期限", f"{sources.GUIDANCE} 二（三）；{sources.NHSA_MEASURES} 三（三）1", LOWER, "个工作日"),
    "publish_within_working_days_other": Parameter(
        20, "其他执法决定的公示期限", f"{sources.GUIDANCE} 二（三）；{sources.NHSA_MEASURES} 三（三）1", LOWER, "个工作日"),
    "min_case_officers": Parameter(
        2, "承办执法人员最少人数", f"{sources.PENALTY_LAW}第四十二条；{FUND}第二十九条；{sources.COMPULSION_LAW}第十八条",
        HIGHER, "名"),
    "publish_inspection_results_within_working_days": Parameter(
        20, "双随机抽查检查结果的公示期限（自结果形成之日起）",
        f"{sources.NHSA_MEASURES} 三（三）1：执法决定作出之日起 20 个工作日内，应向社会公布执法机关、执法对象、执法类别、执法结论等信息",
        LOWER, "个工作日"),
    "annual_report_due_day_of_january": Parameter(
        31, "上一年度行政执法总体情况数据的公开期限（次年 1 月的第几日前）",
        f"{sources.GUIDANCE} 二（三）；{sources.NHSA_MEASURES} 三（三）3", LOWER, "日"),
    "annual_report_first_year": Parameter(
        2021, "从哪一年起检查年度执法数据说明",
        f"{FUND}自 2021 年 5 月 1 日起施行；本县开始用 gongshi 之前的年份可以跳过", FREE, "年"),
    "fine_fraud_multiple_min_art37": _multiple(2, "第三十七条", "下限", "骗取金额"),
    "fine_fraud_multiple_max_art37": _multiple(5, "第三十七条", "上限", "骗取金额"),
    "fine_loss_multiple_min_art38": _multiple(1, "第三十八条", "下限", "造成损失金额"),
    "fine_loss_multiple_max_art38": _multiple(2, "第三十八条", "上限", "造成损失金额"),
    "fine_yuan_min_art39": Parameter(10000, "第三十九条罚款下限", f"{FUND}第三十九条", HIGHER, "元"),
    "fine_yuan_max_art39": Parameter(50000, "第三十九条罚款上限", f"{FUND}第三十九条", LOWER, "元"),
    "fine_fraud_multiple_min_art40": _multiple(2, "第四十条", "下限", "骗取金额"),
    "fine_fraud_multiple_max_art40": _multiple(5, "第四十条", "上限", "骗取金额"),
    "fine_fraud_multiple_min_art41": _multiple(2, "第四十一条第二款", "下限", "骗取金额"),
    "fine_fraud_multiple_max_art41": _multiple(5, "第四十一条第二款", "上限", "骗取金额"),
    "suspension_months_min_art38": _months(6, "第三十八条", "下限"),
    "suspension_months_max_art38": _months(12, "第三十八条", "上限"),
    "suspension_months_min_art40": _months(6, "第四十条", "下限"),
    "suspension_months_max_art40": _months(12, "第四十条", "上限"),
    "suspension_months_min_art41": _months(3, "第四十一条", "下限"),
    "suspension_months_max_art41": _months(12, "第四十一条", "上限"),
    # 重大执法决定法制审核
    "major_decision_amount_yuan": Parameter(
        100000, "追回或者拒付医保基金“数额较大”的标准（达到即为重大执法决定）",
        f"{sources.NHSA_MEASURES} 五（二）2(1)：具体数额由本县重大执法决定法制审核目录清单确定，gongshi 默认 10 万元", FREE, "元"),
    "legal_review_working_days": Parameter(10, "法制审核期限", f"{sources.NHSA_MEASURES} 五（四）2", LOWER, "个工作日"),
    "legal_review_extension_working_days": Parameter(
        10, "法制审核经批准可延长", f"{sources.NHSA_MEASURES} 五（四）2", LOWER, "个工作日"),
    "legal_review_required": Parameter(None, "重大执法决定须先经法制审核", f"{sources.NHSA_MEASURES} 五（二）1、2"),
    "excluded_period_kinds": Parameter(
        COMMON["excluded_period_kinds"].value, COMMON["excluded_period_kinds"].title,
        f"{sources.PENALTY_LAW}第六十条“法律、法规、规章另有规定的，从其规定”；{sources.NHSA_PROCEDURE}"),
    "reviewer_not_case_officer": Parameter(None, "承办人员不得审核本案", f"{sources.NHSA_MEASURES} 五（一）2"),
}

_SERVICES = "暂停相关责任部门涉及医疗保障基金使用的医药服务"
_SETTLEMENT = "暂停参保人员医疗费用联网结算"
MEDICAL_INSURANCE = Profile(
    DEFAULT_PROFILE, "医疗保障行政部门", "医疗保障基金使用监督管理条例", MEDICAL_INSURANCE_PARAMETERS, (
        Provision("第三十七条", Fine("fraud", "fine_fraud_multiple_min_art37", "fine_fraud_multiple_max_art37")),
        Provision("第三十八条", Fine("loss", "fine_loss_multiple_min_art38", "fine_loss_multiple_max_art38"),
                  Suspension(_SERVICES, "suspension_months_min_art38", "suspension_months_max_art38",
                             requires=("refused_to_correct", "serious_consequences"))),
        Provision("第三十九条", Fine(None, "fine_yuan_min_art39", "fine_yuan_max_art39", requires=("refused_to_correct",))),
        Provision("第四十条", Fine("fraud", "fine_fraud_multiple_min_art40", "fine_fraud_multiple_max_art40"),
                  Suspension(_SERVICES, "suspension_months_min_art40", "suspension_months_max_art40",
                             beyond="更长的，由医疗保障经办机构解除服务协议（outcome 中写 terminate_agreement: true）")),
        # 第一款: no fine; the insured person's networked settlement is suspended. 第二款 (to obtain
        # funds by fraud): the same, and a fine. The article cited whole reads as both.
        Provision("第四十一条", Fine("fraud", "fine_fraud_multiple_min_art41", "fine_fraud_multiple_max_art41"),
                  Suspension(_SETTLEMENT, "suspension_months_min_art41", "suspension_months_max_art41")),
        Provision("第四十一条第一款", None,
                  Suspension(_SETTLEMENT, "suspension_months_min_art41", "suspension_months_max_art41")),
        Provision("第四十一条第二款", Fine("fraud", "fine_fraud_multiple_min_art41", "fine_fraud_multiple_max_art41"),
                  Suspension(_SETTLEMENT, "suspension_months_min_art41", "suspension_months_max_art41")),
    ))

# --- 市场监管：《中华人民共和国食品安全法》（2021 年修正）第一百二十二条至第一百二十五条
FOOD = "《中华人民共和国食品安全法》"


def _tiered(article: str, threshold: int, low_yuan: int, high_yuan: int, low_multiple: int, high_multiple: int) -> dict:
    """The five values of a food-safety fine: below the goods value `threshold`, an amount in
    yuan; from it on, a multiple of the goods value."""
    key, cite = _ARTICLE_KEYS[article], f"{FOOD}{article}"
    return {
        f"fine_goods_threshold_yuan_{key}": Parameter(threshold, f"{article}按货值金额分档的界限", cite, FIXED, "元"),
        f"fine_yuan_min_{key}": Parameter(low_yuan, f"{article}货值金额不足界限时的罚款下限", cite, HIGHER, "元"),
        f"fine_yuan_max_{key}": Parameter(high_yuan, f"{article}货值金额不足界限时的罚款上限", cite, LOWER, "元"),
        f"fine_goods_multiple_min_{key}": Parameter(low_multiple, f"{article}罚款下限（货值金额的倍数）", cite, HIGHER, "倍"),
        f"fine_goods_multiple_max_{key}": Parameter(high_multiple, f"{article}罚款上限（货值金额的倍数）", cite, LOWER, "倍"),
    }


_ARTICLES = ("第一百二十二条", "第一百二十三条", "第一百二十四条", "第一百二十五条")
_ARTICLE_KEYS = dict(zip(_ARTICLES, ("art122", "art123", "art124", "art125")))

MARKET_REGULATION_PARAMETERS = COMMON | _tiered("第一百二十二条", 10000, 50000, 100000, 10, 20) \
    | _tiered("第一百二十三条", 10000, 100000, 150000, 15, 30) | _tiered("第一百二十四条", 10000, 50000, 100000, 10, 20) \
    | _tiered("第一百二十五条", 10000, 5000, 50000, 5, 10) | {
        "excluded_period_kinds": Parameter(
            COMMON["excluded_period_kinds"].value, COMMON["excluded_period_kinds"].title,
            f"{sources.PENALTY_LAW}第六十条“法律、法规、规章另有规定的，从其规定”；{sources.SAMR_PROCEDURE}"),
        "legal_review_required": Parameter(None, "重大执法决定须先经法制审核", f"{sources.GUIDANCE} 四"),
        "publish_inspection_results_within_working_days": Parameter(
            20, "双随机抽查检查结果的公示期限（自结果形成之日起）",
            f"{sources.ENTERPRISE_DISCLOSURE}第六条：市场监督管理部门……公示其在履行职责过程中产生的下列企业信息……"
            "前款规定的企业信息应当自产生之日起20个工作日内予以公示", LOWER, "个工作日"),
    }


def _food_fine(article: str) -> Fine:
    key = _ARTICLE_KEYS[article]
    return Fine("goods_value", f"fine_goods_multiple_min_{key}", f"fine_goods_multiple_max_{key}",
                below=(f"fine_goods_threshold_yuan_{key}", f"fine_yuan_min_{key}", f"fine_yuan_max_{key}"))


MARKET_REGULATION = Profile(
    "市场监管", "市场监督管理部门", "中华人民共和国食品安全法", MARKET_REGULATION_PARAMETERS,
    tuple(Provision(article, _food_fine(article)) for article in _ARTICLES), amounts=("fines",))

PROFILES = {profile.id: profile for profile in (MEDICAL_INSURANCE, MARKET_REGULATION)}


def default_law() -> Law:
    """The law of a county that overrides nothing, of the default profile."""
    return Law({name: p.value for name, p in MEDICAL_INSURANCE.parameters.items()}, MEDICAL_INSURANCE)


def profile_named(name: str | None) -> Profile:
    """The profile a county names; the default when it names none or one gongshi does not know
    (that is reported: check/site_config.py)."""
    return PROFILES.get(name or DEFAULT_PROFILE, MEDICAL_INSURANCE)


# What a county may write under `extra.law` (schemas/site-config.schema.json, kept equal to this
# by tests/unit/test_law.py): every value a profile lets a county change, as a number or with the
# citation of its own rule. The ranges only keep out what is no value at all; which way a value
# may change, and how far, the check of the county's law says (check/site_config.py).
PLAUSIBLE = {"个工作日": (0, 60), "个月": (0, 120), "元": (0, 100000000), "倍": (0, 50), "名": (1, 10),
             "日": (1, 365), "年": (2000, 2100)}
DIRECTIONS = {LOWER: "只能改小", HIGHER: "只能改大", FREE: "可以按本县规定改"}


def override_schema() -> dict:
    names = {}
    for profile in PROFILES.values():
        for name, parameter in profile.parameters.items():
            if overridable(parameter):
                shown = {True: "是", False: "否", None: "不设"}.get(parameter.value, parameter.value) \
                    if not is_number(parameter.value) else parameter.value
                names.setdefault(name, (parameter, []))[1].append(f"{profile.id} {shown}")
    properties = {"profile": {"type": "string", "enum": list(PROFILES), "title": "本县的执法领域（默认 医疗保障）",
                              "description": "决定罚款幅度、公示期限等适用哪一类执法部门的规定"}}
    for name, (parameter, defaults) in sorted(names.items()):
        if isinstance(parameter.value, bool):
            properties[name] = {"type": "boolean", "title": f"{parameter.title}（默认 {'；'.join(defaults)}）",
                                "description": parameter.citation}
            continue
        low, high = PLAUSIBLE[parameter.unit]
        number = {"type": "integer", "minimum": low, "maximum": high}
        properties[name] = {
            "type": ["integer", "object"], "minimum": low, "maximum": high,
            "title": f"{parameter.title}（{parameter.unit}，默认 {'；'.join(defaults)}，{DIRECTIONS[parameter.stricter]}）",
            "description": f"依据：{parameter.citation}。改动时写成 {{value: 数值, citation: 本县更严规定的文件和条款}}",
            "additionalProperties": False, "required": ["value"],
            "properties": {"value": number, "citation": {"type": "string", "minLength": 1, "title": "本县规定的依据"}},
        }
    return {"type": "object", "additionalProperties": False, "title": "本县适用的法律规定",
            "description": "可选。不写时使用本县执法领域的规定（generator/law/profiles.py，每项注明依据）；"
                           "本省、本县规定更严的，在这里改，并写明依据", "properties": properties}
