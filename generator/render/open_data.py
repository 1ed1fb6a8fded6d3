"""Open data: every list of a county and its decisions as CSV and JSON, and its penalty decisions in
the column layout of the national 行政处罚 data items (双公示), made from the public view alone.

One place defines each dataset: its columns (`Column`: key, title, description and how to read the
value from a record) and its records. The files, the 数据下载 page and its data dictionary are all
made from these definitions, so a column cannot be in a file and missing from the dictionary.

- The lists (officers, powers, legal review, inspections, the four exemption lists, discretion,
  documents) take their columns from the item schema: every property but the flags that steer
  redaction (FLAG_FIELDS) and the fields that are never published (`x-publish: dropped`), with
  the schema's titles and descriptions; a few derived columns show what the page shows beside
  them (an officer's agency by name, a document's address on the site).
- Decisions: the fields the decision page shows, named by their schema path, and derived columns
  (the power item's name, the deciding body, the last day on the site, corrections, addresses).
- 双公示: 行政处罚 decisions in the 30 columns below, so that a bureau can hand the same data to
  the credit platform (全国信用信息共享平台 / 信用中国).

The records are those of the public view: withdrawn, expired, classified and minors' decisions,
officers without a valid certificate and every dropped field are absent by construction, and a
natural-person party is named as the county's policy says. The bytes depend only on the view and
its data date (`updated`), never on the day of the build.

The 双公示 column list could not be checked against the text of the standard itself: no copy of
《行政许可、行政处罚等信用信息数据标准》 was found. The names, their order and the code meanings
(_1 统一社会信用代码 … _6 社会组织登记证号) agree across several public implementations of it
(database tables, export headers, records from a city's feed; see README, 开放数据). Not verified:
the allowed values of 处罚类别 (the categories of 行政处罚法 第九条 are used), how several
categories are joined (here with “；”), what 处罚有效期 means (here: the same day as 公示截止期,
see `PENALTY_VALID_UNTIL`), and which columns are required when.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

from ..cn_format import amount_of, yuan
from ..kinds import DECISION, KIND_BY_NAME
from ..privacy.redaction import DROPPED, FLAG_FIELDS, field_policy
from ..public.view import EXEMPTION_LISTS
from ..schema import describe
from .sections import document_url, page_url

DATA_DIR = "data"          # in the county site: data/<name>.csv and data/<name>.json
LIST_SEPARATOR = "；"       # items of a list in one CSV cell
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")   # what Excel would run as a formula


@dataclass(frozen=True)
class Column:
    key: str            # the JSON key; for schema fields, the field's path (party.name)
    title: str          # the CSV header
    description: str
    get: Callable       # (record, view) → the typed value
    text: Callable | None = None   # the typed value → CSV text, where `cell` would not do


@dataclass(frozen=True)
class Dataset:
    name: str           # data/<name>.csv, data/<name>.json
    title: str
    description: str
    columns: tuple
    records: list       # records of the public view; each column reads its value from one
    note: str = ""      # said on the 数据下载 page beside the description

    @property
    def csv_path(self) -> str:
        return f"{DATA_DIR}/{self.name}.csv"

    @property
    def json_path(self) -> str:
        return f"{DATA_DIR}/{self.name}.json"

    def rows(self, view) -> list[list]:
        return [[column.get(record, view) for column in self.columns] for record in self.records]


# --- values -------------------------------------------------------------------------------------

def _at(record: dict, path: tuple):
    value = record
    for step in path:
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _number_text(value) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def basis_text(basis: dict) -> str:
    """《医疗保障基金使用监督管理条例》第三十八条: the law as typed and its article, as the page names it."""
    return f"{basis.get('law', '')}{basis.get('article', '')}"


def cell(value) -> str:
    """A typed value as CSV text: nothing for None, 是/否, a list joined by “；”, a legal basis
    by its law and article; text that Excel would take for a formula gets a leading '."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, float, Decimal)):
        return _number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return basis_text(value) if "law" in value else LIST_SEPARATOR.join(cell(v) for v in value.values() if v is not None)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def typed(value):
    """A value as JSON has it: dates as YYYY-MM-DD, amounts as numbers."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(_number_text(value))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: typed(child) for key, child in value.items()}
    if isinstance(value, (list, tuple)):
        return [typed(child) for child in value]
    return value


# --- columns from the schemas -------------------------------------------------------------------

def schema_column(schema: str, path: tuple, key: str | None = None, get: Callable | None = None,
                  description: str | None = None) -> Column:
    """A column for the field at `path` (its item's path when `key` is given) with the schema's title."""
    field = describe(schema, path)
    name = key or ".".join(str(step) for step in path)
    return Column(name, field["title"] or name, field["description"] if description is None else description,
                  get or (lambda record, view, p=tuple(name.split(".")): _at(record, p)))


def published_fields(schema: str, item_path: tuple) -> list[str]:
    """The fields of a list item that its records may hold in the public view, in schema order."""
    properties = describe(schema, item_path)["schema"].get("properties", {})
    return [key for key in properties
            if key not in FLAG_FIELDS and field_policy(schema, item_path + (key,)) != DROPPED]


def item_columns(schema: str, item_path: tuple, overrides: dict | None = None) -> list[Column]:
    """A column for every published field of the item; `overrides`: key → (get, description)."""
    overrides = overrides or {}
    columns = []
    for key in published_fields(schema, item_path):
        get, description = overrides.get(key, (None, None))
        columns.append(schema_column(schema, item_path + (key,), key=key, get=get, description=description))
    return columns


# --- the lists ----------------------------------------------------------------------------------

def _items(section, key: str) -> list:
    return list((section or {}).get(key) or [])


def _document_body(document: dict, view) -> str | None:
    """Where the body of a document is published: its PDF, or the page that shows its text."""
    if document.get("download"):
        return document["download"]
    return page_url(document_url(document)) if document.get("body") else None


def list_datasets(view) -> list[Dataset]:
    officers = KIND_BY_NAME["officers"].schema
    powers = KIND_BY_NAME["powers"].schema
    review = KIND_BY_NAME["legal-review"].schema
    inspections = KIND_BY_NAME["inspections"].schema
    exemptions = KIND_BY_NAME["exemptions"].schema
    discretion = KIND_BY_NAME["discretion"].schema
    documents = KIND_BY_NAME["documents"].schema
    power_names = {item["code"]: item.get("name", "") for item in _items(view.powers, "items")}
    year = (view.inspections or {}).get("year")
    exemption_records = [{**item, "list": title} for title, items in view.exemptions for item in items]
    return [
        Dataset("officers", "行政执法人员清单", "生成网站之日证件在有效期内、状态为“有效”的行政执法人员，与网站上的清单相同。",
                tuple(item_columns(officers, ("officers", 0)) + [
                    Column("agency_name", "所属执法机构名称", "所属执法机构在行政执法主体信息中的名称",
                           lambda r, v: r.get("agency_name") or None)]),
                list(view.officers or [])),
        Dataset("powers", "行政执法权力、责任清单", "行政执法事项，每行一项。",
                tuple(item_columns(powers, ("items", 0)) + [
                    Column("page", "网页地址", "本事项在本县网站上的位置",
                           lambda r, v: page_url(f"powers.md#power-{r['code']}"))]),
                _items(view.powers, "items")),
        Dataset("legal-review", "重大执法决定法制审核目录清单", "须经法制审核的重大执法决定，每行一类。",
                tuple(item_columns(review, ("entries", 0)) + [
                    Column("power_names", "涉及的执法事项名称", "涉及的执法事项在权力、责任清单中的名称，与编码一一对应",
                           lambda r, v: [power_names.get(code, "") for code in r.get("powers") or []])]),
                _items(view.legal_review, "entries")),
        Dataset("inspections", "双随机抽查事项清单", "随机抽查事项，每行一项。",
                tuple([schema_column(inspections, ("year",), get=lambda r, v: year)]
                      + item_columns(inspections, ("items", 0))),
                _items(view.inspections, "items")),
        Dataset("exemptions", "减免责清单", "不予行政处罚、从轻行政处罚、减轻行政处罚、不予实施行政强制措施四张清单，"
                "每行一项，第一列写明所在清单。",
                tuple([Column("list", "清单", "所在的清单：" + "、".join(title for _, title in EXEMPTION_LISTS),
                              lambda r, v: r["list"])]
                      + item_columns(exemptions, ("no_penalty", 0))),
                exemption_records),
        Dataset("discretion", "行政执法自由裁量基准", "裁量基准，每行一种违法行为的一种情节。",
                tuple(item_columns(discretion, ("items", 0))),
                _items(view.discretion, "items")),
        Dataset("inspection-objects", "双随机抽查对象名录库", "随机抽查从中抽取对象的单位，每行一个；只收录单位。",
                tuple(item_columns(KIND_BY_NAME["inspection-objects"].schema, ("objects", 0))),
                list(view.random.objects)),
        Dataset("documents", "公示文件", "文书样式、案卷评查制度、三项制度方案、流程图、服务指南等公示文件，每行一件。",
                tuple(item_columns(documents, ("documents", 0), {
                    "file": (_document_body, "正文在本县网站上的地址：PDF 为下载地址，其他为显示正文的网页；"
                                             "只有说明、没有正文文件的为空")}) + [
                    Column("page", "网页地址", "本文件在本县网站上的位置", lambda r, v: page_url(document_url(r)))]),
                list(view.documents)),
    ]


# --- random inspections -------------------------------------------------------------------------

def _names(people: list) -> list[str]:
    return [p.get("name", "") for p in people]


def inspection_datasets(view) -> list[Dataset]:
    """The tasks of every plan with their published results, and every certificate with its
    standing today: what the task and certificate pages show."""
    result = lambda key: (lambda r, v: (r["result"] or {}).get(key))  # noqa: E731
    tasks = Dataset(
        "inspection-tasks", "双随机抽查任务和结果",
        "每行一项检查任务：抽查计划、抽取批次、检查对象、检查人员和公示的检查结果。检查日期在检查之后、结果在公示之日起才列出。",
        (Column("id", "任务编号", "", lambda r, v: r["id"]),
         Column("plan", "抽查计划编号", "", lambda r, v: r["plan"]["id"]),
         Column("plan_title", "抽查计划", "", lambda r, v: r["plan"]["title"]),
         Column("draw", "抽取批次", "计划页上“第几批抽取”", lambda r, v: r["draw"]),
         Column("object", "检查对象", "名录库中的单位名称", lambda r, v: r["object"].get("name")),
         Column("object_credit_code", "检查对象统一社会信用代码", "", lambda r, v: r["object"].get("credit_code")),
         Column("object_type", "对象类型", "", lambda r, v: r["object"].get("type")),
         Column("date", "检查日期", "检查之后才公布", lambda r, v: r["date"]),
         Column("inspectors", "检查人员", "", lambda r, v: _names(r["inspectors"])),
         Column("certificates", "检查人员执法证号", "与检查人员一一对应", lambda r, v: [i.get("certificate_no") for i in r["inspectors"]]),
         Column("status", "状态", "待检查、检查中、结果待公示、结果已公示", lambda r, v: r["status"]),
         Column("finding", "检查结论", "", result("finding")),
         Column("summary", "检查情况", "", result("summary")),
         Column("follow_up", "处理情况", "", result("follow_up")),
         Column("decision", "执法决定书文号", "由此作出、正在公示的执法决定",
                lambda r, v: ((r["result"] or {}).get("decision") or {}).get("case_number")),
         Column("formed", "结果形成日期", "公示期限从这一天算起", result("formed")),
         Column("published", "结果公示日期", "", result("published")),
         Column("deadline", "公示期限", "结果应当公示的最后一天", result("deadline")),
         Column("on_time", "按期公示", "", result("on_time")),
         Column("page", "网页地址", "本任务在本县网站上的位置", lambda r, v: page_url(r["page"]))),
        list(view.random.tasks))
    certificates = Dataset(
        "certificates", "行政执法证件核验",
        "本局列出的每一个行政执法证件和它今天的状态，包括已失效、注销的证件（执法人员清单只列有效的）。",
        (Column("id", "人员编号", "", lambda r, v: r["id"]),
         Column("name", "姓名", "", lambda r, v: r.get("name")),
         Column("certificate_no", "执法证号", "", lambda r, v: r.get("certificate_no")),
         Column("issuer", "发证机关", "", lambda r, v: r.get("issuer")),
         Column("domain", "执法领域", "", lambda r, v: r.get("domain")),
         Column("valid_from", "有效期起", "", lambda r, v: r.get("valid_from")),
         Column("valid_until", "有效期至", "", lambda r, v: r.get("valid_until")),
         Column("standing", "证件现在的状态", "有效、已失效、已暂扣、已注销、已吊销、尚未生效", lambda r, v: r["standing"]),
         Column("since", "状态起始日期", "证件自这一天起处于现在的状态（已知时）", lambda r, v: r["since"]),
         Column("page", "核验网页地址", "证件核验页在本县网站上的位置，证件二维码指向它", lambda r, v: page_url(r["page"]))),
        list(view.random.certificates))
    return [tasks, certificates] if view.random.tasks else [certificates] if view.random.certificates else []


# --- decisions ----------------------------------------------------------------------------------

def _basis(decision: dict) -> list:
    """The legal basis the page shows: the decision's own articles, else its power item's."""
    return decision.get("basis") or (decision.get("power_item") or {}).get("basis") or []


def _corrections(decision: dict) -> list[dict]:
    return [{"date": e.get("date"), "field": e.get("field"), "title": e.get("label"), "reason": e.get("reason")}
            for e in decision.get("corrections") or []]


def correction_text(corrections: list[dict]) -> str:
    """2025-05-20 更正“处理结果说明”：…, one sentence each."""
    return LIST_SEPARATOR.join(f"{e['date']} 更正“{e['title']}”：{e['reason']}" for e in corrections)


def decision_columns() -> tuple:
    schema = DECISION.schema
    # The outcome's descriptions tell a clerk of one kind of bureau when to write a field, citing its
    # law: said of another bureau's data they would be wrong. Their titles say what they hold.
    outcome = [schema_column(schema, ("outcome", key), description="") for key in published_fields(schema, ("outcome",))]
    return tuple([
        schema_column(schema, ("case_number",)),
        schema_column(schema, ("kind",)),
        schema_column(schema, ("title",)),
        schema_column(schema, ("party", "type")),
        schema_column(schema, ("party", "name"), description="自然人按本县的规定显示（默认为姓加“某某”）"),
        schema_column(schema, ("party", "credit_code")),
        schema_column(schema, ("party", "legal_representative")),
        schema_column(schema, ("party", "address")),
        schema_column(schema, ("decided",)),
        Column("authority", "作出决定机关", "本县行政执法主体的名称", lambda r, v: v.subject.get("name")),
        schema_column(schema, ("published",)),
        Column("publicity_until", "公示截止日期",
               "决定在网站上公示的最后一天：行政处罚决定按失信程度和作出决定之日施行的规定计算的公示期届满之日，"
               "信用修复提前结束的为修复的前一天；没有公示期的决定为空",
               lambda r, v: r.get("publicity_until")),
        schema_column(schema, ("severity",)),
        schema_column(schema, ("facts",)),
        schema_column(schema, ("power",)),
        Column("power_name", "执法事项名称", "执法事项在权力、责任清单中的名称",
               lambda r, v: (r.get("power_item") or {}).get("name")),
        schema_column(schema, ("basis",), get=lambda r, v: _basis(r),
                      description="决定依据的法律条款；决定中没有写明的，为执法事项的设定依据（与网页相同）。"
                                  "CSV 中写法律法规名称和条款，JSON 中另有条文原文"),
        *outcome,
        Column("corrections", "更正说明", "公示后更正的日期、字段和说明，多条以“；”分隔（JSON 中每条一项）",
               lambda r, v: _corrections(r), correction_text),
        Column("page", "网页地址", "决定在本县网站上的网页", lambda r, v: page_url(r["page"])),
        Column("full_text", "决定书全文（PDF）", "决定书全文的下载地址；没有公示全文的为空",
               lambda r, v: r.get("download")),
    ])


def decisions_dataset(view) -> Dataset:
    return Dataset("decisions", "执法决定", "网站上正在公示的执法决定，最新作出的在前。已撤下（被变更、撤销、确认违法或者确认无效）、"
                   "公示期已满、涉密和当事人是未成年人的决定不在其中。",
                   decision_columns(), list(view.decisions))


# --- 双公示: the national 行政处罚 data items ---------------------------------------------------

PENALTY = "行政处罚"
PARTY_CATEGORY = {"单位": "法人及非法人组织", "个体工商户": "个体工商户", "自然人": "自然人"}
ORGANISATIONS = ("单位", "个体工商户")
# 处罚类别, in the order of 行政处罚法 第九条. 责令退回 and 责令改正 are no penalty (第二十八条); a
# service agreement is ended by the insurance agency under the agreement, not by this decision.
SUSPENSION_ORGANISATION = "限制开展生产经营活动"   # a part of the business stopped for a time: 第九条（四）
OTHER = "其他"                                      # 第九条（六）: e.g. a person's direct settlement suspended
WAN = Decimal(10000)
SIX_PLACES = Decimal("0.000001")


def categories(decision: dict) -> list[str]:
    outcome = decision.get("outcome") or {}
    found = []
    if outcome.get("warning") is True:
        found.append("警告")
    if (amount_of(outcome.get("fine")) or 0) > 0:
        found.append("罚款")
    if outcome.get("suspension_months"):
        party = decision.get("party") or {}
        found.append(SUSPENSION_ORGANISATION if party.get("type") in ORGANISATIONS else OTHER)
    return found


def penalty_content(decision: dict) -> str:
    """处罚内容: the outcome as the bureau wrote it, or as the page lists it."""
    outcome = decision.get("outcome") or {}
    if outcome.get("text"):
        return outcome["text"]
    parts = ["警告"] if outcome.get("warning") is True else []
    if outcome.get("returned"):
        parts.append(f"责令退回医疗保障基金{yuan(outcome['returned'])}")
    if outcome.get("fine"):
        parts.append(f"罚款{yuan(outcome['fine'])}")
    if outcome.get("suspension_months"):
        parts.append(f"暂停医疗保障服务{outcome['suspension_months']}个月")
    if outcome.get("terminate_agreement") is True:
        parts.append("解除医疗保障服务协议")
    return LIST_SEPARATOR.join(parts)


def in_wan(amount) -> Decimal | None:
    """Yuan → 万元, rounded to six decimals (0.01 元), no trailing zeros: 7200 → 0.72."""
    value = amount_of(amount)
    if value is None or value <= 0:
        return None
    return (value / WAN).quantize(SIX_PLACES, rounding=ROUND_HALF_UP).normalize()


def _party(decision: dict, key: str, organisations_only: bool = True):
    party = decision.get("party") or {}
    if organisations_only and party.get("type") not in ORGANISATIONS:
        return None
    return party.get(key)


def _never(decision: dict, view):
    """A column of personal identifiers: gongshi never publishes one (README, 个人信息和商业秘密)."""
    return None


# 处罚有效期: the standard's definition was not found. The one end date gongshi knows for the
# information of a penalty is the last day of its publicity period; the credit platform takes
# the record down then. A bureau whose platform reads the column otherwise fills it in itself.
PENALTY_VALID_UNTIL = "与公示截止期相同：行政处罚信息公示期的最后一天（本字段在国家标准中的含义未能核实，见 README）"

IDENTIFIER_NOTE = "个人证件信息不公示，总是为空；向信用平台报送时由本机关从内部记录中补充"
EMPTY_NOTE = "gongshi 不记录这一项，总是为空"


def _credit(title: str, description: str, get: Callable) -> Column:
    return Column(title, title, description, get)


def credit_columns() -> tuple:
    """The 30 columns of the 行政处罚 data items (双公示), in the standard's order."""
    subject_code = lambda r, v: v.subject.get("credit_code")   # noqa: E731
    return (
        _credit("行政相对人名称", "当事人的名称或姓名；自然人按本县的规定显示（默认为姓加“某某”）",
                lambda r, v: _party(r, "name", organisations_only=False)),
        _credit("行政相对人类别", "法人及非法人组织、个体工商户或自然人（由当事人类型单位、个体工商户、自然人对应）",
                lambda r, v: PARTY_CATEGORY.get((r.get("party") or {}).get("type"))),
        _credit("行政相对人代码_1（统一社会信用代码）", "法人及非法人组织、个体工商户的统一社会信用代码；自然人为空",
                lambda r, v: _party(r, "credit_code")),
        _credit("行政相对人代码_2（工商注册号）", EMPTY_NOTE, _never),
        _credit("行政相对人代码_3（组织机构代码）", EMPTY_NOTE, _never),
        _credit("行政相对人代码_4（税务登记号）", EMPTY_NOTE, _never),
        _credit("行政相对人代码_5（事业单位证书号）", EMPTY_NOTE, _never),
        _credit("行政相对人代码_6（社会组织登记证号）", EMPTY_NOTE, _never),
        _credit("法定代表人", "法人及非法人组织的法定代表人（负责人）、个体工商户的经营者；自然人为空",
                lambda r, v: _party(r, "legal_representative")),
        _credit("法定代表人证件类型", IDENTIFIER_NOTE, _never),
        _credit("法定代表人证件号码", IDENTIFIER_NOTE, _never),
        _credit("证件类型", "自然人的证件类型。" + IDENTIFIER_NOTE, _never),
        _credit("证件号码", "自然人的证件号码。" + IDENTIFIER_NOTE, _never),
        _credit("行政处罚决定书文号", "决定书文号", lambda r, v: r.get("case_number")),
        _credit("违法行为类型", "执法事项在权力、责任清单中的名称；没有时为案件名称",
                lambda r, v: (r.get("power_item") or {}).get("name") or r.get("title")),
        _credit("违法事实", "主要违法事实", lambda r, v: r.get("facts")),
        _credit("处罚依据", "决定依据的法律条款（法律法规名称和条款，多条以“；”分隔）；决定中没有写明的，为执法事项的设定依据",
                lambda r, v: LIST_SEPARATOR.join(basis_text(b) for b in _basis(r)) or None),
        _credit("处罚类别", "按《中华人民共和国行政处罚法》第九条由处理结果得出：警告、罚款；暂停医药服务为限制开展生产经营活动，"
                "暂停自然人的医疗费用联网结算为其他；多个以“；”分隔。责令退回不是行政处罚，不列入；"
                "处理结果中没有这几项的为空，请报送前核对",
                lambda r, v: LIST_SEPARATOR.join(categories(r)) or None),
        _credit("处罚内容", "处理结果说明；没有写说明的，由处理结果的各项组成", lambda r, v: penalty_content(r) or None),
        _credit("罚款金额（万元）", "罚款金额，单位万元，最多 6 位小数（精确到分）；没有罚款的为空",
                lambda r, v: in_wan((r.get("outcome") or {}).get("fine"))),
        _credit("没收违法所得、没收非法财物的金额（万元）", EMPTY_NOTE, _never),
        _credit("暂扣或吊销证照名称及编号", EMPTY_NOTE, _never),
        _credit("处罚决定日期", "作出决定日期，YYYY-MM-DD", lambda r, v: r.get("decided")),
        _credit("处罚有效期", PENALTY_VALID_UNTIL, lambda r, v: r.get("publicity_until")),
        _credit("公示截止期", "行政处罚信息公示期的最后一天，YYYY-MM-DD：按失信程度（轻微、一般、严重）和作出决定之日施行的"
                "信用修复规定计算，本县规定更严的从其规定；信用修复提前结束的为修复的前一天",
                lambda r, v: r.get("publicity_until")),
        _credit("处罚机关", "本县行政执法主体的名称", lambda r, v: v.subject.get("name")),
        _credit("处罚机关统一社会信用代码", "本机关的统一社会信用代码（subject.yml 的 credit_code）；没有填写的为空", subject_code),
        _credit("数据来源单位", "本县行政执法主体的名称", lambda r, v: v.subject.get("name")),
        _credit("数据来源单位统一社会信用代码", "本机关的统一社会信用代码（subject.yml 的 credit_code）；没有填写的为空", subject_code),
        _credit("备注", "公示后的更正说明", lambda r, v: correction_text(_corrections(r)) or None),
    )


CREDIT_DATASET = "xingzheng-chufa-shuanggongshi"   # 行政处罚 双公示: the words a bureau is asked for it by
CREDIT_NOTE = ("列名和顺序按全国信用信息共享平台“双公示”行政处罚信息的数据项（行政相对人代码_1 至 _6 依次为统一社会信用代码、"
               "工商注册号、组织机构代码、税务登记号、事业单位证书号、社会组织登记证号），与多个公开的报送系统一致，"
               "但未能对照标准原文核实；处罚类别的可选值、多个类别的分隔方式和处罚有效期的含义也未能核实。"
               "报送前请按本省信用平台的要求核对，并补充个人证件信息等不公示的内容。")


def credit_dataset(view) -> Dataset:
    return Dataset(CREDIT_DATASET, "行政处罚信息（双公示数据项）",
                   "网站上正在公示的行政处罚决定，按国家“双公示”行政处罚信息数据项的 30 列排列，供向信用平台报送。"
                   "个人证件信息的列总是为空。",
                   credit_columns(), [d for d in view.decisions if d.get("kind") == PENALTY], CREDIT_NOTE)


# --- all of it ----------------------------------------------------------------------------------

def datasets(view) -> list[Dataset]:
    return list_datasets(view) + inspection_datasets(view) + [decisions_dataset(view), credit_dataset(view)]


def csv_bytes(dataset: Dataset, view) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel reads the Chinese right; CRLF line ends."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.title for column in dataset.columns])
    writer.writerows([[(column.text or cell)(value) for column, value in zip(dataset.columns, row)]
                      for row in dataset.rows(view)])
    return out.getvalue().encode("utf-8-sig")


def json_bytes(dataset: Dataset, view) -> bytes:
    document = {
        "dataset": dataset.name,
        "title": dataset.title,
        "description": dataset.description,
        "county": view.id,
        "subject": view.subject.get("name"),
        "updated": view.updated.isoformat() if view.updated else None,
        "columns": [{"key": c.key, "title": c.title, "description": c.description} for c in dataset.columns],
        "records": [{column.key: typed(value) for column, value in zip(dataset.columns, row)} for row in dataset.rows(view)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_open_data(view, folder: Path) -> list[Dataset]:
    """Write every dataset of the county as data/<name>.csv and .json under `folder` (the site's
    Markdown folder: the site engine copies them, and its link check sees them). Returns the
    datasets, for the 数据下载 page."""
    sets = datasets(view)
    (folder / DATA_DIR).mkdir(parents=True, exist_ok=True)
    for dataset in sets:
        (folder / dataset.csv_path).write_bytes(csv_bytes(dataset, view))
        (folder / dataset.json_path).write_bytes(json_bytes(dataset, view))
    return sets
