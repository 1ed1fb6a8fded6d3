"""`gongshi import`: a register kept in Excel or CSV becomes records; the rows that cannot are told
by row and column, and nothing is written without --write."""

import hashlib
from datetime import datetime
from pathlib import Path

import openpyxl
import yaml

OFFICERS = "content/shili/officers.yml"
HEADER = ["人员编号", "姓名", "执法证号", "发证机关", "有效期起", "有效期至", "证件状态", "执法领域", "所属执法机构", "备注"]
GOOD_ROW = ["wu-xinren", "吴新人", "SL-2026-0001", "示例省人民政府", datetime(2026, 3, 1), "2031/2/28", "有效",
            "医疗保障基金监管", "jgg", "新调入"]
NUMBER_ROW = ["zheng-shuzi", "郑数字", 51080023001, "示例省人民政府", "2026年3月1日", "2031.2.28", "有效",
              "医疗保障基金监管", "jgg", None]
BAD_DATE_ROW = ["cuo-riqi", "错日期", "SL-2026-0003", "示例省人民政府", "2026/2/30", "2031-02-28", "有效",
                "医疗保障基金监管", "jgg", None]
NO_CERTIFICATE_ROW = ["que-zhenghao", "缺证号", None, "示例省人民政府", "2026-03-01", "2031-02-28", "有效",
                      "医疗保障基金监管", "jgg", None]
DUPLICATE_ROW = ["wu-xinren", "吴重复", "SL-2026-0004", "示例省人民政府", "2026-03-01", "2031-02-28", "有效",
                 "医疗保障基金监管", "jgg", None]
REFUSED = [
    "officers.xlsx:4: E-IMPORT-CELL 第 4 行“有效期起”列：字段 valid_from（有效期起）不是有效日期：2026/2/30 — "
    "日期请写成 YYYY-MM-DD，如 2021-06-04；这一行没有导入，请在登记表中改正后重新导入",
    "officers.xlsx:5: E-IMPORT-CELL 第 5 行“执法证号”列：缺少必填字段 certificate_no（执法证号） — "
    "请在这一项中补上 certificate_no；这一行没有导入，请在登记表中改正后重新导入",
    "officers.xlsx:6: E-IMPORT-DUPLICATE 第 6 行“人员编号”列：编号 wu-xinren 与第 2 行相同 — "
    "每个编号只能有一行；这一行没有导入，请在登记表中改正后重新导入",
]


def workbook(path: Path, rows, header=HEADER) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def register(project) -> Path:
    return workbook(project.file("officers.xlsx"),
                    [GOOD_ROW, NUMBER_ROW, BAD_DATE_ROW, NO_CERTIFICATE_ROW, DUPLICATE_ROW])


def officers(project) -> dict:
    data = yaml.safe_load(project.file(OFFICERS).read_text(encoding="utf-8"))
    return {officer["id"]: officer for officer in data["officers"]}


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_good_rows_become_records_that_validate_and_bad_rows_are_told_by_row_and_column(project, gongshi):
    register(project)
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--write")
    assert code == 1
    assert [line for line in lines if ": E-" in line] == REFUSED
    imported = officers(project)
    assert imported["wu-xinren"] == {
        "id": "wu-xinren", "name": "吴新人", "certificate_no": "SL-2026-0001", "issuer": "示例省人民政府",
        "valid_from": "2026-03-01", "valid_until": "2031-02-28", "status": "有效", "domain": "医疗保障基金监管",
        "agency": "jgg"}
    assert imported["zheng-shuzi"]["certificate_no"] == "51080023001"   # typed as a number in Excel
    assert (imported["zheng-shuzi"]["valid_from"], imported["zheng-shuzi"]["valid_until"]) == ("2026-03-01", "2031-02-28")
    assert not {"cuo-riqi", "que-zhenghao"} & set(imported)
    assert imported["zhang-shili"]["name"] == "张示例"   # the officers already there stay
    code, lines = gongshi("validate", "--county", "shili")
    assert (code, lines) == (0, ["检查通过：没有发现问题。"])


def test_written_records_go_at_the_end_and_the_file_keeps_its_comments(project, gongshi):
    before = project.file(OFFICERS).read_text(encoding="utf-8")
    workbook(project.file("officers.xlsx"), [GOOD_ROW])
    gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--write")
    after = project.file(OFFICERS).read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before):] == (
        "  - id: wu-xinren\n    name: 吴新人\n    certificate_no: SL-2026-0001\n    issuer: 示例省人民政府\n"
        "    valid_from: '2026-03-01'\n    valid_until: '2031-02-28'\n    status: 有效\n    domain: 医疗保障基金监管\n"
        "    agency: jgg\n")


def test_the_dry_run_shows_what_would_be_added_and_writes_nothing(project, gongshi):
    register(project)
    before = tree_hash(project.root)
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili")
    assert tree_hash(project.root) == before
    assert lines[0] == ("officers.xlsx → content/shili/officers.yml：新增 2 名执法人员，更改 0 名执法人员，"
                        "不变 0 名执法人员，有问题未导入 3 行")
    assert lines[1:4] == ["新增（第 2 行）wu-xinren 吴新人：", "  + id: wu-xinren", "  + name: 吴新人"]
    assert "  + certificate_no: '51080023001'" in lines
    assert "没有写入任何文件（试运行）。核对无误后加 --write 写入。" in lines
    assert [line for line in lines if ": E-" in line] == REFUSED


def test_an_officer_whose_record_would_change_is_shown_with_a_diff_and_replaced_only_with_replace(project, gongshi):
    renewed = ["zhang-shili", "张示例", "SL-2024-0001", "示例省人民政府", "2024-03-01", "2030-02-28", "有效",
               "医疗保障基金监管", None, None]
    unchanged = ["li-shifan", "李示范", "SL-2024-0002", "示例省人民政府", "2024-03-01", "2029-02-28", "有效",
                 "医疗保障基金监管", "jgg", None]
    workbook(project.file("officers.xlsx"), [renewed, unchanged])
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--write")
    assert code == 1
    assert lines[0] == ("officers.xlsx → content/shili/officers.yml：新增 0 名执法人员，更改 1 名执法人员，"
                        "不变 1 名执法人员，有问题未导入 0 行")
    assert lines[1:8] == [
        "更改（第 2 行）zhang-shili 张示例（已有不同的内容，加 --replace 才会替换）：",
        "  --- 现在", "  +++ 导入后", "  @@ -5,3 +5,3 @@", "   valid_from: '2024-03-01'",
        "  -valid_until: '2029-02-28'", "  +valid_until: '2030-02-28'"]
    assert ("officers.xlsx:2: E-IMPORT-EXISTS 第 2 行：编号 zhang-shili 已在 content/shili/officers.yml 中，内容与登记表不同，"
            "没有替换 — 请核对上面列出的差异；确需以登记表为准的，加 --replace 重新导入（登记表中没有的字段保持原样）") in lines
    assert officers(project)["zhang-shili"]["valid_until"] == "2029-02-28"

    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--write", "--replace")
    assert code == 0
    replaced = officers(project)["zhang-shili"]
    assert replaced["valid_until"] == "2030-02-28"
    assert replaced["agency"] == "jgg"   # the register's empty cell takes nothing away


def test_a_csv_saved_by_excel_on_chinese_windows_is_gbk(project, gongshi):
    text = ("人员编号,姓名,执法证号,发证机关,有效期起,有效期至,证件状态,执法领域\r\n"
            "wu-xinren,吴新人,SL-2026-0001,示例省人民政府,2026/3/1,2031/2/28,有效,医疗保障基金监管\r\n")
    project.file("officers.csv").write_bytes(text.encode("gbk"))
    code, lines = gongshi("import", "officers", "officers.csv", "--county", "shili", "--write")
    assert code == 0
    assert officers(project)["wu-xinren"]["name"] == "吴新人"
    assert officers(project)["wu-xinren"]["valid_from"] == "2026-03-01"


def test_a_csv_in_utf8_with_a_bom_is_read_too(project, gongshi):
    text = "人员编号,姓名,执法证号,发证机关,有效期起,有效期至,证件状态,执法领域\nwu-xinren,吴新人,SL-2026-0001,示例省人民政府,2026-03-01,2031-02-28,有效,医疗保障基金监管\n"
    project.file("officers.csv").write_bytes(text.encode("utf-8-sig"))
    code, _ = gongshi("import", "officers", "officers.csv", "--county", "shili", "--write")
    assert code == 0
    assert officers(project)["wu-xinren"]["certificate_no"] == "SL-2026-0001"


def test_a_column_with_the_clerks_own_title_is_told_and_the_mapping_file_fills_it(project, gongshi):
    header = ["人员编号", "姓名", "执法证件", "发证机关", "有效期起", "有效期至", "证件状态", "执法领域"]
    workbook(project.file("officers.xlsx"), [GOOD_ROW[:8]], header=header)
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili")
    assert code == 1
    assert lines[-3:-1] == [
        "officers.xlsx:1: W-IMPORT-COLUMN “执法证件”列没有对应的字段，这一列没有导入 — 要导入这一列，请运行 "
        "gongshi import officers officers.xlsx --show-mapping，把输出存为文件并写上字段，再用 --mapping 指定",
        "officers.xlsx:2: E-IMPORT-CELL 第 2 行“执法证号”列：缺少必填字段 certificate_no（执法证号） — "
        "请在这一项中补上 certificate_no；这一行没有导入，请在登记表中改正后重新导入",
    ]
    code, shown = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--show-mapping")
    assert code == 0
    assert "执法证件: ~    # 没有对应的字段，不导入" in shown
    assert "姓名: name    # 姓名" in shown
    mapping = "\n".join(shown).replace("执法证件: ~", "执法证件: certificate_no")
    project.write("columns.yml", mapping + "\n")
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--mapping", "columns.yml", "--write")
    assert code == 0
    assert officers(project)["wu-xinren"]["certificate_no"] == "SL-2026-0001"


def test_a_mapping_file_naming_no_field_is_told_with_its_line(project, gongshi):
    workbook(project.file("officers.xlsx"), [GOOD_ROW])
    project.write("columns.yml", "姓名: name\n执法证号: certificate\n")
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--mapping", "columns.yml")
    assert code == 2
    assert lines[0].startswith("columns.yml:2: E-IMPORT-MAPPING-FIELD “执法证号”列对应的 certificate 不是行政执法人员清单的字段 — "
                               "是不是想写 certificate_no？可用的字段：id、name、certificate_no、")


def test_a_decision_register_becomes_one_file_a_decision(project, gongshi):
    header = ["决定编号", "决定书文号", "决定类别", "作出决定日期", "当事人类型", "当事人名称或姓名", "主要违法事实",
              "执法事项编码", "罚款（元）", "承办执法人员", "失信程度"]
    row = ["2026-101", "示医保罚〔2026〕101号", "行政处罚", datetime(2026, 11, 2), "单位", "示例县某某诊所",
           "经查，当事人将目录外项目纳入医保结算。", "CF-001", "5,000", "zhang-shili、li-shifan", "一般"]
    workbook(project.file("decisions.xlsx"), [row, ["2026/102", *row[1:]]], header=header)
    code, lines = gongshi("import", "decisions", "decisions.xlsx", "--county", "shili", "--write")
    assert lines[-2] == ("decisions.xlsx:3: E-IMPORT-ID 第 3 行“决定编号”列：决定编号 2026/102 不能作文件名 — "
                         "只能用字母、数字和连字符，如 2025-001；这一行没有导入，请在登记表中改正后重新导入")
    written = project.file("content/shili/decisions/2026-101.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../../schemas/decision.schema.json\n")
    decision = yaml.safe_load(written)
    assert decision["decided"] == "2026-11-02"
    assert decision["party"] == {"type": "单位", "name": "示例县某某诊所"}
    assert decision["outcome"] == {"fine": 5000}
    assert decision["officers"] == ["zhang-shili", "li-shifan"]


def test_a_power_takes_its_legal_basis_from_two_columns_and_one_without_it_is_told_at_that_column(project, gongshi):
    project.file("powers.csv").write_bytes(
        ("事项编码,事项名称,职权类型,法律依据,条款\n"
         "CF-009,对某行为的处罚,行政处罚,《医疗保障基金使用监督管理条例》,第四十条\n"
         "CF-010,对另一行为的处罚,行政处罚,,\n").encode("utf-8"))
    code, lines = gongshi("import", "powers", "powers.csv", "--county", "shili", "--write")
    assert code == 1
    assert [line for line in lines if ": E-" in line] == [
        "powers.csv:3: E-IMPORT-CELL 第 3 行“法律依据”列：缺少必填字段 basis（法律依据） — "
        "请在这一项中补上 basis；这一行没有导入，请在登记表中改正后重新导入"]
    powers = yaml.safe_load(project.file("content/shili/powers.yml").read_text(encoding="utf-8"))["items"]
    assert powers[-1] == {"code": "CF-009", "name": "对某行为的处罚", "type": "行政处罚",
                          "basis": [{"law": "《医疗保障基金使用监督管理条例》", "article": "第四十条"}]}


def test_a_register_without_ids_names_each_officer_by_the_certificate_number(project, gongshi):
    without_id = [row[1:] for row in (GOOD_ROW, ["", "张示例", "SL-2024-0001", "示例省人民政府", "2024-03-01", "2029-02-28",
                                                  "有效", "医疗保障基金监管", "jgg", "证件信息复核"])]
    workbook(project.file("officers.xlsx"), without_id, header=HEADER[1:])
    code, lines = gongshi("import", "officers", "officers.xlsx", "--county", "shili", "--write")
    assert code == 0, lines
    listed = officers(project)
    assert listed["sl-2026-0001"]["name"] == "吴新人"              # new: an id made from the certificate number
    assert listed["zhang-shili"]["certificate_no"] == "SL-2024-0001"   # known: the id it already has, no second entry
    assert [o for o in listed.values() if o.get("certificate_no") == "SL-2024-0001"] == [listed["zhang-shili"]]
    assert gongshi("validate", "--county", "shili")[0] == 0
