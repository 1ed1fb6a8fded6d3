"""Open data: each list and the decisions as CSV and JSON, the 双公示 layout of penalty decisions,
and the 数据下载 page with its data dictionary, as a supervisor, a credit-platform clerk and a
member of the public would use them.

The sample county (content/shili/) has a decision in each state: 2025-001 published and
corrected, 2025-002 a natural person (王某某, with an id_number, home address and phone in its
record), 2025-003 expired, 2026-002 withdrawn and made again as 2026-003, 2026-001 not yet
published.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest


from ..built_files import found_anywhere
from ..conftest import PROJECT

SCHEMAS = PROJECT / "schemas"
DATA = "site/shili/data"
CREDIT = "xingzheng-chufa-shuanggongshi"

# Each list dataset: the schema its records follow, and where the items are in it.
LIST_DATASETS = {
    "officers": ("officers.schema.json", ("officers",)),
    "powers": ("powers.schema.json", ("items",)),
    "legal-review": ("legal-review.schema.json", ("entries",)),
    "inspections": ("inspections.schema.json", ("items",)),
    "exemptions": ("exemptions.schema.json", ("no_penalty",)),
    "discretion": ("discretion.schema.json", ("items",)),
    "documents": ("documents.schema.json", ("documents",)),
}

# The 行政处罚 data items of 双公示 as the brief and the public implementations list them.
CREDIT_COLUMNS = [
    "行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "行政相对人代码_2（工商注册号）",
    "行政相对人代码_3（组织机构代码）", "行政相对人代码_4（税务登记号）", "行政相对人代码_5（事业单位证书号）",
    "行政相对人代码_6（社会组织登记证号）", "法定代表人", "法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码",
    "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
    "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期", "处罚机关",
    "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注",
]
PERSONAL_IDENTIFIERS = ["法定代表人证件类型", "法定代表人证件号码", "证件类型", "证件号码"]


@pytest.fixture
def site(sample_site) -> Path:
    return sample_site


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark"
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def build(gongshi, *args) -> None:
    code, lines = gongshi("build", "--out", "site", *args)
    assert code in (0, 1) and not any(line.startswith("未发布") for line in lines), lines


def credit_rows(project) -> dict[str, dict]:
    _, rows = read_csv(project.file(f"{DATA}/{CREDIT}.csv"))
    return {row["行政处罚决定书文号"]: row for row in rows}


def data_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.csv")) + sorted(folder.glob("*.json"))
    assert len(files) == 24, [f.name for f in files]   # twelve datasets, CSV and JSON each
    return files


# --- the schemas, read here on their own ------------------------------------------------------

def _load(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _follow(node: dict, schema: str) -> tuple[dict, str, str | None]:
    """The node a $ref chain ends at, its schema file, and the first x-publish on the way."""
    policy = node.get("x-publish")
    while "$ref" in node:
        file, _, pointer = node["$ref"].partition("#")
        schema = file or schema
        node = _load(schema)
        for step in [s for s in pointer.split("/") if s]:
            node = node[step]
        policy = policy or node.get("x-publish")
    return node, schema, policy


def item_fields(schema: str, path: tuple) -> dict[str, tuple[str, str | None]]:
    """Each field of a list item: (its title, its x-publish policy)."""
    node, file, _ = _follow(_load(schema), schema)
    for step in path:
        node, file, _ = _follow(node["properties"][step], file)
    item, file, _ = _follow(node["items"], file)
    fields = {}
    for key, prop in item["properties"].items():
        target, _, policy = _follow(prop, file)
        fields[key] = (prop.get("title") or target.get("title"), policy)
    return fields


# --- the files ---------------------------------------------------------------------------------

def test_every_list_opens_in_excel_with_the_schema_titles_as_headers(site):
    header, rows = read_csv(site / "shili/data/officers.csv")
    assert header[:10] == ["人员编号", "姓名", "执法证号", "发证机关", "有效期起", "有效期至", "证件状态", "状态变更日期", "执法领域", "所属执法机构"]
    assert [row["姓名"] for row in rows] == ["张示例", "李示范", "王样本", "赵演示", "陈虚构"]   # valid certificates only
    assert rows[0]["所属执法机构名称"] == "基金监管股"
    for name, (schema, path) in LIST_DATASETS.items():
        header, _ = read_csv(site / f"shili/data/{name}.csv")
        titles = [title for title, policy in item_fields(schema, path).values() if policy != "dropped"]
        assert [t for t in header if t in titles] == titles, name


def test_every_public_field_of_each_list_schema_is_a_column_and_no_withheld_one(site):
    dropped_anywhere = set()
    for name, (schema, path) in LIST_DATASETS.items():
        fields = item_fields(schema, path)
        public = [key for key, (_, policy) in fields.items() if policy != "dropped"]
        dropped = {key for key, (_, policy) in fields.items() if policy == "dropped"}
        keys = [column["key"] for column in read_json(site / f"shili/data/{name}.json")["columns"]]
        assert [k for k in keys if k in fields] == public, name
        assert not dropped & set(keys), name
        dropped_anywhere |= dropped
    assert {"mobile", "id_number", "classified", "commercial_secrets", "not_personal_data"} <= dropped_anywhere


def test_values_withheld_from_the_site_are_in_no_data_file(project, gongshi):
    project.edit("content/shili/officers.yml", "    agency: jgg\n",
                 "    agency: jgg\n    mobile: '13987654321'\n    id_number: '11010519800101001X'\n")
    project.edit("content/shili/decisions/2025-002.yml", "  name: 王某某", "  name: 王小明")
    build(gongshi)
    data = project.file(DATA)
    data_files(data)
    for withheld in ["13987654321", "11010519800101001X",            # an officer's own mobile and ID number
                     "11010519491231002X", "幸福小区3栋2单元501室", "13912345678",   # 王某某's ID, home and phone
                     "6222021234567890128",                           # a party's bank account
                     "李某甲", "王小明"]:                              # another person; a natural person's full name
        assert found_anywhere(data, withheld) == [], withheld
    assert credit_rows(project)["示医保罚〔2025〕2号"]["行政相对人名称"] == "王某某"   # the county's naming policy


def test_withdrawn_expired_and_unpublished_decisions_are_in_no_csv_or_json(project, gongshi):
    build(gongshi)
    data = project.file(DATA)
    assert set(credit_rows(project)) == {"示医保罚〔2026〕4号", "示医保罚〔2025〕2号", "示医保罚〔2025〕1号"}
    _, decisions = read_csv(data / "decisions.csv")
    assert [row["决定书文号"] for row in decisions] == ["示医保罚〔2026〕4号", "示医保罚〔2025〕2号", "示医保罚〔2025〕1号"]
    for gone in ["示医保罚〔2026〕2号",              # withdrawn (撤销), made again as 〔2026〕4号
                 "示医保罚〔2025〕3号", "示例县某某眼科医院有限公司",   # expired on 2026-03-10
                 "示医保罚〔2026〕1号", "示例县某某诊所"]:             # not yet published
        assert found_anywhere(data, gone) == [], gone
    assert found_anywhere(data, "示医保罚〔2025〕2号") != []

    build(gongshi, "--today", "2029-06-01")          # 王某某's 严重 decision of 2025-08-20 is past its three years
    for path in data_files(data):
        assert "示医保罚〔2025〕2号" not in path.read_text(encoding="utf-8-sig"), path.name
        assert "王某某" not in path.read_text(encoding="utf-8-sig"), path.name
    assert read_json(data / f"{CREDIT}.json")["records"] == []


# --- 双公示 ------------------------------------------------------------------------------------

def test_the_credit_file_has_the_thirty_columns_of_the_standard_in_order(site):
    header, rows = read_csv(site / f"shili/data/{CREDIT}.csv")
    assert header == CREDIT_COLUMNS
    assert len(header) == 30
    document = read_json(site / f"shili/data/{CREDIT}.json")
    assert [c["title"] for c in document["columns"]] == CREDIT_COLUMNS
    assert [list(record) for record in document["records"]] == [CREDIT_COLUMNS] * 3
    pharmacy = next(row for row in rows if row["行政处罚决定书文号"] == "示医保罚〔2025〕1号")
    assert pharmacy["行政相对人名称"] == "示例县某某大药房有限公司"
    assert pharmacy["行政相对人类别"] == "法人及非法人组织"
    assert pharmacy["行政相对人代码_1（统一社会信用代码）"] == "91100000MA00A0001X"
    assert pharmacy["法定代表人"] == "赵某某"
    assert pharmacy["违法行为类型"] == "对定点医药机构造成医疗保障基金损失行为的处罚"
    assert pharmacy["处罚依据"] == "《医疗保障基金使用监督管理条例》第三十八条第（一）项"
    assert pharmacy["处罚类别"] == "罚款"
    assert pharmacy["处罚决定日期"] == "2025-05-12"
    assert pharmacy["处罚机关"] == pharmacy["数据来源单位"] == "示例县医疗保障局"
    assert pharmacy["处罚机关统一社会信用代码"] == pharmacy["数据来源单位统一社会信用代码"] == "11100000MB0000001T"
    assert "误写为“18,00元”" in pharmacy["备注"]                       # the correction


def test_personal_identifiers_are_empty_even_for_a_natural_person_whose_record_has_an_id_number(site):
    _, rows = read_csv(site / f"shili/data/{CREDIT}.csv")
    person = next(row for row in rows if row["行政处罚决定书文号"] == "示医保罚〔2025〕2号")
    assert person["行政相对人名称"] == "王某某" and person["行政相对人类别"] == "自然人"
    assert person["行政相对人代码_1（统一社会信用代码）"] == "" and person["法定代表人"] == ""
    for row in rows:
        assert [row[column] for column in PERSONAL_IDENTIFIERS] == ["", "", "", ""], row["行政处罚决定书文号"]
    for record in read_json(site / f"shili/data/{CREDIT}.json")["records"]:
        assert [record[column] for column in PERSONAL_IDENTIFIERS] == [None] * 4
    assert found_anywhere(site / "shili/data", "11010519491231002X") == []


def test_fines_are_in_wan_yuan_to_six_decimals(project, gongshi):
    project.edit("content/shili/decisions/2025-002.yml", "  fine: 7200\n", "  fine: 17999.99\n")
    build(gongshi)
    rows = credit_rows(project)
    assert rows["示医保罚〔2025〕1号"]["罚款金额（万元）"] == "1.8"          # 18,000 元
    assert rows["示医保罚〔2026〕4号"]["罚款金额（万元）"] == "1.96"         # 19,600 元
    assert rows["示医保罚〔2025〕2号"]["罚款金额（万元）"] == "1.799999"     # 17,999.99 元
    records = {r["行政处罚决定书文号"]: r for r in read_json(project.file(f"{DATA}/{CREDIT}.json"))["records"]}
    assert records["示医保罚〔2025〕2号"]["罚款金额（万元）"] == 1.799999
    assert records["示医保罚〔2025〕1号"]["没收违法所得、没收非法财物的金额（万元）"] is None
    _, decisions = read_csv(project.file(f"{DATA}/decisions.csv"))
    assert next(d for d in decisions if d["决定书文号"] == "示医保罚〔2025〕2号")["罚款（元）"] == "17999.99"


def test_penalty_categories_follow_the_outcome(project, gongshi):
    project.edit("content/shili/decisions/2026-003.yml", "outcome:\n", "outcome:\n  warning: true\n  suspension_months: 6\n"
                 "  refused_to_correct: true\n")
    project.edit("content/shili/decisions/2025-002.yml", "outcome:\n", "outcome:\n  suspension_months: 3\n")
    build(gongshi)
    rows = credit_rows(project)
    assert rows["示医保罚〔2026〕4号"]["处罚类别"] == "警告；罚款；限制开展生产经营活动"   # a clinic's services suspended
    assert rows["示医保罚〔2025〕2号"]["处罚类别"] == "罚款；其他"                     # a person's settlement suspended
    assert rows["示医保罚〔2025〕1号"]["处罚类别"] == "罚款"                           # 责令退回 is no penalty


@pytest.mark.parametrize("decision, edits, today, case, last_day", [
    pytest.param("2025-002.yml", [], "2026-11-23", "示医保罚〔2025〕2号", "2028-08-20", id="严重: three years"),
    pytest.param("2026-003.yml", [("severity: 一般", "severity: 轻微")], "2026-11-23", "示医保罚〔2026〕4号", "2027-01-20",
                 id="轻微 under 令2025年第36号: three months"),
    pytest.param("2025-002.yml", [("severity: 严重", "severity: 轻微")], "2026-01-05", "示医保罚〔2025〕2号", "2026-08-20",
                 id="轻微 before 2026-04-01: the old rule's 一般 year"),
    pytest.param("2026-003.yml", [("severity: 一般", "severity: 轻微")], "2026-11-23", "示医保罚〔2026〕4号", "2026-12-20",
                 id="轻微 with the county's stricter two months"),
])
def test_the_last_day_of_publicity_follows_the_law_profile(project, gongshi, decision, edits, today, case, last_day):
    for old, new in edits:
        project.edit(f"content/shili/decisions/{decision}", old, new)
    if last_day == "2026-12-20":
        project.edit("site_config/shili.yml", "    major_decision_amount_yuan: 50000\n",
                     "    major_decision_amount_yuan: 50000\n"
                     "    publicity_months_minor: {value: 2, citation: 示医保发〔2026〕9号 第三条}\n")
    build(gongshi, "--today", today)
    row = credit_rows(project)[case]
    assert row["公示截止期"] == row["处罚有效期"] == last_day
    _, decisions = read_csv(project.file(f"{DATA}/decisions.csv"))
    assert next(d for d in decisions if d["决定书文号"] == case)["公示截止日期"] == last_day


def test_a_formula_typed_by_a_clerk_stays_text_in_excel(project, gongshi):
    project.edit("content/shili/officers.yml", "    domain: 医疗保障基金监管\n    agency: jgg\n  - id: li-shifan",
                 "    domain: =HYPERLINK(\"http://example.com\")\n    agency: jgg\n  - id: li-shifan")
    build(gongshi)
    _, rows = read_csv(project.file(f"{DATA}/officers.csv"))
    assert rows[0]["执法领域"] == "'=HYPERLINK(\"http://example.com\")"
    assert read_json(project.file(f"{DATA}/officers.json"))["records"][0]["domain"] == "=HYPERLINK(\"http://example.com\")"


def test_rebuilding_gives_byte_identical_data_files(project, gongshi):
    build(gongshi)
    first = {p.name: p.read_bytes() for p in data_files(project.file(DATA))}
    code, _ = gongshi("build", "--out", "again", "--today", "2026-11-24")   # another folder, another day
    assert code == 0
    assert {p.name: p.read_bytes() for p in data_files(project.file("again/shili/data"))} == first


def test_the_json_says_what_it_is(site):
    document = read_json(site / "shili/data/decisions.json")
    assert {k: document[k] for k in ("dataset", "title", "county", "subject")} == {
        "dataset": "decisions", "title": "执法决定", "county": "shili", "subject": "示例县医疗保障局"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", document["updated"])
    record = document["records"][-1]
    assert record["case_number"] == "示医保罚〔2025〕1号"
    assert record["outcome.fine"] == 18000 and record["party.name"] == "示例县某某大药房有限公司"
    assert record["publicity_until"] == "2028-05-12"
    assert record["page"] == "decisions/2025-001/" and record["full_text"] is None
    assert record["corrections"] == [{"date": "2025-05-20", "field": "outcome.text", "title": "处理结果说明",
                                      "reason": "原公示的处理结果说明将罚款金额误写为“18,00元”，现更正为“18,000元”。"}]
    assert document["records"][0]["full_text"] == "files/decisions/2026-003.pdf"
    assert (site / "shili" / document["records"][0]["full_text"]).is_file()


# --- the page ----------------------------------------------------------------------------------

def test_the_data_page_lists_every_column_of_every_dataset_and_links_the_files(site):
    page = html.unescape((site / "shili/data/index.html").read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    files = data_files(site / "shili/data")
    for path in files:
        assert f'href="{path.name}"' in page, path.name
    for path in (p for p in files if p.suffix == ".json"):
        document = read_json(path)
        assert document["title"] in text
        header, _ = read_csv(path.with_suffix(".csv"))
        assert [c["title"] for c in document["columns"]] == header
        for column in document["columns"]:
            row = " ".join(v for v in (column["key"], column["title"], column["description"]) if v)
            assert row in text, (path.name, column["key"])
    home = (site / "shili/index.html").read_text(encoding="utf-8")
    assert 'href="data/"' in home and "数据下载" in home


# --- the subject's credit code -------------------------------------------------------------------

def test_a_wrong_subject_credit_code_is_one_exact_error(project, gongshi):
    project.edit("content/shili/subject.yml", "credit_code: 11100000MB0000001T", "credit_code: 11100000MB00000011")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert [line for line in lines if ": E-" in line] == [
        "content/shili/subject.yml:20: E-SUBJECT-CREDIT-CODE 本机关的统一社会信用代码 11100000MB00000011 校验不通过 — "
        "请对照本机关的统一社会信用代码证书逐位核对，18 位，最后一位是校验码；“双公示”行政处罚数据的处罚机关统一社会信用代码取自这里"]


def test_without_a_subject_credit_code_its_columns_are_empty(project, gongshi):
    project.edit("content/shili/subject.yml", "credit_code: 11100000MB0000001T\n", "")
    build(gongshi)
    for row in credit_rows(project).values():
        assert row["处罚机关统一社会信用代码"] == row["数据来源单位统一社会信用代码"] == ""
        assert row["处罚机关"] == "示例县医疗保障局"
