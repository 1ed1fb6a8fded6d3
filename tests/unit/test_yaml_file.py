"""Loading: the file-level mistakes a clerk makes, each named with file and line."""

from generator.load.yaml_file import load_yaml


def load(tmp_path, raw: bytes):
    path = tmp_path / "subject.yml"
    path.write_bytes(raw)
    return load_yaml(path, "content/x/subject.yml", "subject.schema.json")


def messages(findings):
    return [str(f) for f in findings]


def test_duplicate_key_is_an_error_naming_both_lines_and_keeps_the_first_value(tmp_path):
    doc, findings = load(tmp_path, "name: 甲局\naddress: 一路\nname: 乙局\n".encode())
    assert messages(findings) == [
        "content/x/subject.yml:3: E-YAML-DUPKEY 字段 name 在第 1 行和第 3 行重复出现，后一个会悄悄覆盖前一个 — 请删除或合并其中一个"]
    assert doc.data["name"] == "甲局"


def test_duplicate_key_inside_a_list_item(tmp_path):
    _, findings = load(tmp_path, "agencies:\n  - id: a\n    name: 一\n    name: 二\n".encode())
    assert [f.line for f in findings] == [4]
    assert "第 3 行和第 4 行" in findings[0].message


def test_empty_file(tmp_path):
    _, findings = load(tmp_path, b"# only a comment\n\n")
    assert messages(findings) == [
        "content/x/subject.yml:1: E-FILE-EMPTY 文件是空的 — 请按 schemas/subject.schema.json 填写内容，或删除这个文件"]


def test_a_file_that_is_not_yaml_mapping(tmp_path):
    _, findings = load(tmp_path, "这不是 YAML，只是一段话".encode())
    assert messages(findings) == [
        "content/x/subject.yml:1: E-YAML-NOT-MAPPING 文件内容不是“字段: 值”的结构，读到的是一段文字 — "
        "请按 schemas/subject.schema.json 填写，每行写成“字段: 值”"]


def test_broken_yaml_names_the_line_where_the_mistake_begins(tmp_path):
    _, findings = load(tmp_path, "name: 甲局\naddress: [一路\nphone: '1'\n".encode())
    assert [(f.code, f.line) for f in findings] == [("E-YAML-BRACKET-OPEN", 2)]


def test_tab_indentation_is_named(tmp_path):
    _, findings = load(tmp_path, "agencies:\n\t- id: a\n".encode())
    assert [(f.code, f.line) for f in findings] == [("E-YAML-TAB", 2)]


def test_what_no_rule_explains_is_still_said_in_chinese_with_line_and_column(tmp_path):
    _, findings = load(tmp_path, b"%YAML 1.1\n%YAML 1.1\n--- a\n")
    assert messages(findings) == [
        "content/x/subject.yml:2: E-YAML-SYNTAX 第 2 行第 1 列附近的写法无法读懂 — "
        "请检查这一行和上一行的缩进（只用空格）、冒号后的空格、引号和括号是否成对"]


def test_gbk_file_is_named_with_line_and_fix(tmp_path):
    _, findings = load(tmp_path, "name: 剑阁县医疗保障局\n".encode("utf-8") + "address: 下寺镇\n".encode("gbk"))
    assert messages(findings) == [
        "content/x/subject.yml:2: E-FILE-ENCODING 文件不是 UTF-8 编码（第 2 行附近有无法识别的字节），"
        "看起来是 GBK/GB18030 编码（Windows 记事本等编辑器的默认编码） — 请在编辑器中“另存为”并选择 UTF-8 编码，然后重新提交"]


def test_utf8_with_bom_is_accepted(tmp_path):
    doc, findings = load(tmp_path, "\ufeffname: 甲局\n".encode("utf-8"))
    assert findings == [] and doc.data == {"name": "甲局"}


def test_dates_stay_text_and_typed_text_is_kept(tmp_path):
    doc, _ = load(tmp_path, b"valid_from: 2021-06-04\npostcode: 628300\nflag: no\n")
    assert doc.data == {"valid_from": "2021-06-04", "postcode": 628300, "flag": False}
    assert doc.typed[("flag",)] == "no"


def test_python_tags_are_refused(tmp_path):
    _, findings = load(tmp_path, b"name: !!python/object/apply:os.system ['true']\n")
    assert [f.code for f in findings] == ["E-YAML-TAG"]
