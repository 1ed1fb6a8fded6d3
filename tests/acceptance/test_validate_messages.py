"""`gongshi validate` on broken copies of the sample county: the exact line a clerk reads."""

import pytest

from generator.codes import CODES, P

from ..built_files import files_of

SUBJECT = "content/shili/subject.yml"
OFFICERS = "content/shili/officers.yml"


def errors(lines):
    return [line for line in lines if ": E-" in line]


def test_sample_content_is_clean_but_for_the_missing_jiange_exemption_lists(project, gongshi):
    code, lines = gongshi("validate")
    assert code == 0
    assert lines == [
        "content/jiange/exemptions.yml: W-SECTION-MISSING 没有 exemptions.yml（减免责清单），网站该栏目将显示“暂未公示” — "
        "按规定应当公示；请新建该文件，格式见 schemas/exemptions.schema.json",
        "共 0 个错误，1 个警告（W-SECTION-MISSING ×1）。",
    ]


@pytest.mark.parametrize("edits, expected", [
    pytest.param([(SUBJECT, "address: 示例省示例市示例县人民路1号\n", "")],
                 f"{SUBJECT}:3: E-SCHEMA-REQUIRED 缺少必填字段 address（地址） — 请在这一项中补上 address", id="required"),
    pytest.param([(OFFICERS, "    status: 有效\n", "    status: 在岗\n")],
                 f"{OFFICERS}:11: E-SCHEMA-ENUM 字段 officers[1].status（证件状态）的值 在岗 不在可选范围内 — 只能填写：有效、暂扣、注销、吊销",
                 id="enum"),
    pytest.param([(OFFICERS, "    agency: jgg\n", "    agency: jgk\n")],
                 f"{OFFICERS}:13: E-REF-UNKNOWN 字段 officers[1].agency 引用的执法机构 jgk 不存在 — 已有的编号：jgg、fgg；"
                 "请检查拼写，或先在 subject.yml 中添加", id="reference"),
    pytest.param([(OFFICERS, "  - id: liu-moni\n", "  - id: zhang-shili\n")],
                 f"{OFFICERS}:50: E-ID-DUPLICATE 编号 zhang-shili 重复，第 5 行已经用过 — 每个编号只能用一次，请改成不同的编号",
                 id="duplicate-id"),
    pytest.param([(OFFICERS, "    valid_until: '2029-02-28'", "    valid_until: '2023-02-28'")],
                 f"{OFFICERS}:10: E-DATE-ORDER valid_from（2024-03-01）晚于 valid_until（2023-02-28） — 请核对证件有效期",
                 id="period-reversed"),
])
def test_one_mistake_is_one_exact_error(project, gongshi, edits, expected):
    project.apply(edits)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert errors(lines) == [expected]


def test_missing_required_field_in_a_list_item(project, gongshi):
    project.edit(SUBJECT, "    head: 陈虚构\n", "")
    project.edit(SUBJECT, "    name: 法规股\n", "")
    code, lines = gongshi("validate", "--county", "shili")
    assert errors(lines) == [
        f"{SUBJECT}:14: E-SCHEMA-REQUIRED 缺少必填字段 agencies[2].name（机构名称） — 请在这一项中补上 agencies[2].name"]


@pytest.mark.parametrize("field, old, new, line, expected", [
    ("phone", "phone: '0000-1234567'", "phone: 1234567", 6,
     "E-SCHEMA-TYPE 字段 phone（电话）应当是文字，现在是整数 1234567 — 请加引号写成文字：'1234567'（不加引号时会被当作数字，开头的 0 会丢失）"),
    ("postcode", "postcode: '100000'", "postcode: 010000", 5,
     "E-SCHEMA-TYPE 字段 postcode（邮编）应当是文字，现在是整数 010000 — 请加引号写成文字：'010000'（不加引号时会被当作数字，开头的 0 会丢失）"),
    ("name read as boolean", "    name: 基金监管股", "    name: no", 10,
     "E-SCHEMA-TYPE 字段 agencies[1].name（机构名称）应当是文字，现在是“是/否” no — YAML 把 no 读成了“是/否”；如果要写文字，请加引号：'no'"),
    ("yes read as boolean", "    head: 张示例", "    head: yes", 12,
     "E-SCHEMA-TYPE 字段 agencies[1].head（负责人）应当是文字，现在是“是/否” yes — YAML 把 yes 读成了“是/否”；如果要写文字，请加引号：'yes'"),
    ("list expected", "agencies:\n", "agencies: 基金监管股\nx_agencies:\n", 8,
     "E-SCHEMA-TYPE 字段 agencies（行政执法机构）应当是列表，现在是文字 基金监管股 — 请写成列表：每一项单独一行，以“- ”开头"),
])
def test_wrong_type(project, gongshi, field, old, new, line, expected):
    project.edit(SUBJECT, old, new)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert f"{SUBJECT}:{line}: {expected}" in errors(lines)


@pytest.mark.parametrize("typed, line_text", [
    ("2025-02-30", "不是有效日期：2025-02-30"),
    ("2024/3/1", "不是有效日期：2024/3/1"),
    ("next year", "不是有效日期：next year"),
])
def test_a_date_that_is_not_one(project, gongshi, typed, line_text):
    project.edit(OFFICERS, "valid_from: '2024-03-01'", f"valid_from: {typed}")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert errors(lines) == [
        f"{OFFICERS}:9: E-SCHEMA-DATE 字段 officers[1].valid_from（有效期起）{line_text} — 日期请写成 YYYY-MM-DD，如 2021-06-04"]


def test_unknown_field_suggests_the_right_spelling(project, gongshi):
    project.edit(OFFICERS, "    certificate_no: 'SL-2024-0001'", "    certificate_number: 'SL-2024-0001'")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert f"{OFFICERS}:7: E-SCHEMA-UNKNOWN-FIELD 未知字段 officers[1].certificate_number — 是不是想写 certificate_no？" \
           "可用的字段：id、name、certificate_no、issuer、valid_from、valid_until、status、status_since、domain、agency、mobile、id_number、" \
           "classified、not_personal_data、commercial_secrets" in errors(lines)


def test_unknown_power_code_in_the_legal_review_catalogue(project, gongshi):
    project.edit("content/jiange/legal-review.yml", "CF-003", "CF-030")
    code, lines = gongshi("validate", "--county", "jiange")
    assert code == 1
    assert [line.split(" — ")[0] for line in errors(lines)] == [
        "content/jiange/legal-review.yml:4: E-REF-UNKNOWN 字段 entries[1].powers[3] 引用的执法事项 CF-030 不存在"]


def test_missing_attachment(project, gongshi):
    project.file("content/jiange/documents/three-systems-plan.md").unlink()
    _, lines = gongshi("validate", "--county", "jiange")
    assert [line for line in errors(lines)] == [
        "content/jiange/documents.yml:20: E-ATTACHMENT-MISSING 字段 file 指向的文件 documents/three-systems-plan.md 不存在 — "
        "请把文件放到 content/jiange/documents/，或改正文件名"]


def test_misnamed_file_and_missing_config(project, gongshi):
    project.file("content/shili/officers.yml").rename(project.file("content/shili/officer.yml"))
    project.file("site_config/shili.yml").unlink()
    _, lines = gongshi("validate", "--county", "shili")
    assert [line.split(" — ")[0] for line in lines if ": E-" in line or ": W-" in line] == [
        "content/shili/officer.yml:1: E-FILE-UNKNOWN 无法识别的内容文件 officer.yml",
        "content/shili/officers.yml: W-SECTION-MISSING 没有 officers.yml（行政执法人员清单），网站该栏目将显示“暂未公示”",
        "site_config/shili.yml: E-CONFIG-MISSING 县 shili 没有站点配置文件",
    ]


def test_one_bad_file_does_not_hide_findings_in_others(project, gongshi):
    project.file(SUBJECT).write_bytes("name: 示例县医疗保障局\n".encode("gbk"))
    project.edit(OFFICERS, "    status: 有效\n", "    status: 在岗\n")
    project.write("content/jiange/remedies.yml", "")
    code, lines = gongshi("validate")
    assert code == 1
    assert [line.split(":")[0] + ":" + line.split(": ")[1].split(" ")[0] for line in errors(lines)] == [
        "content/jiange/remedies.yml:E-FILE-EMPTY",
        "content/shili/officers.yml:E-SCHEMA-ENUM",
        "content/shili/subject.yml:E-FILE-ENCODING",
    ]
    assert lines[-1] == "共 3 个错误，1 个警告（E-FILE-EMPTY ×1，E-FILE-ENCODING ×1，E-SCHEMA-ENUM ×1，W-SECTION-MISSING ×1）。"


def test_unknown_county(project, gongshi):
    code, lines = gongshi("validate", "--county", "nowhere")
    assert code == 1
    assert lines[0] == "content: E-COUNTY-UNKNOWN 找不到县 nowhere — 已有的县：jiange、shili"


def test_markdown_attachment_in_gbk(project, gongshi):
    project.file("content/jiange/documents/three-systems-plan.md").write_bytes("## 一、指导思想\n".encode("gbk"))
    code, lines = gongshi("validate", "--county", "jiange")
    assert code == 1
    assert errors(lines) == [
        "content/jiange/documents/three-systems-plan.md:1: E-FILE-ENCODING 文件不是 UTF-8 编码（第 1 行附近有无法识别的字节），"
        "看起来是 GBK/GB18030 编码（Windows 记事本等编辑器的默认编码） — 请在编辑器中“另存为”并选择 UTF-8 编码，然后重新提交"]


BAD_INPUTS = {
    "missing field": ("content/shili/subject.yml", "address: 示例省示例市示例县人民路1号\n", ""),
    "number for phone": ("content/shili/subject.yml", "phone: '0000-1234567'", "phone: 1234567"),
    "not a date": ("content/shili/officers.yml", "valid_from: '2024-03-01'", "valid_from: 2024-02-30"),
    "boolean": ("content/shili/subject.yml", "    head: 张示例", "    head: no"),
    "unknown field": ("content/shili/subject.yml", "website:", "websit:"),
    "unknown reference": ("content/shili/officers.yml", "    agency: jgg\n", "    agency: jgk\n"),
    "duplicate key": ("content/shili/subject.yml", "address:", "name: 重复\naddress:"),
    "empty file": ("content/shili/remedies.yml", None, b""),
    "not yaml": ("content/shili/remedies.yml", None, b"rights: [\n"),
    "not utf-8": ("content/shili/remedies.yml", None, "rights: 权利\n".encode("gbk")),
}


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_in_a_county_file_leaves_its_previous_site_as_it_was(project, gongshi, case):
    assert gongshi("build", "--out", "out", "--today", "2026-11-23")[0] == 0
    before = files_of(project.file("out/shili"))
    path, old, new = BAD_INPUTS[case]
    if old is None:
        project.file(path).write_bytes(new)
    else:
        project.edit(path, old, new)
    code, lines = gongshi("build", "--out", "out", "--today", "2026-11-23")
    assert code == 1
    error = next(line for line in lines if line.startswith(path) and ": E-" in line)
    if CODES[error.split(" ")[1]][0] is P:   # a reference that leads nowhere: reported, nothing unsafe to hold back
        assert "已生成 out/shili/" in lines
        return
    assert "保留上次生成的 out/shili/（本县有错误，见上）" in lines
    assert files_of(project.file("out/shili")) == before


def test_site_config_takes_only_its_own_fields(project, gongshi):
    project.edit("site_config/shili.yml", "site_name: 示例县医疗保障局行政执法公示",
                 "site_name: 示例县<script>alert(1)</script>\nhooks:\n  - evil.py\nextra_javascript:\n  - x.js")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert errors(lines) == [
        "site_config/shili.yml:4: E-SCHEMA-FORMAT 字段 site_name（网站名称）格式不对：示例县<script>alert(1)</script> — "
        "不能包含 < > & 引号 反引号",
        "site_config/shili.yml:5: E-SCHEMA-UNKNOWN-FIELD 未知字段 hooks — 可用的字段：INHERIT、site_name、site_description、site_url、extra",
        "site_config/shili.yml:7: E-SCHEMA-UNKNOWN-FIELD 未知字段 extra_javascript — 可用的字段：INHERIT、site_name、site_description、site_url、extra",
    ]


@pytest.mark.parametrize("text, expected", [
    ("annual_alias", "content/shili/annual.yml:3: E-YAML-ALIAS 不支持 YAML 锚点和别名（& 和 *） — 请把引用的内容直接写出来"),
    ("bare_item", "content/shili/officers.yml:69: E-SCHEMA-EMPTY 字段 officers[8]不能为空 — 请填写内容，或删除这个字段"),
])
def test_odd_yaml_is_a_finding_not_a_crash(project, gongshi, text, expected):
    if text == "annual_alias":
        project.write("content/shili/annual.yml", "reports: &r\n  - year: 2025\n    summary: *r\n")
    else:
        path = project.file("content/shili/officers.yml")
        path.write_text(path.read_text(encoding="utf-8") + "  -\n", encoding="utf-8")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert expected in lines


def test_attachment_must_be_a_real_file_without_root_links(project, gongshi, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.env"
    secret.write_text("TOKEN=abc", encoding="utf-8")
    plan = project.file("content/jiange/documents/three-systems-plan.md")
    plan.unlink()
    plan.symlink_to(secret)
    code, lines = gongshi("validate", "--county", "jiange")
    assert errors(lines) == ["content/jiange/documents.yml:20: E-ATTACHMENT-LINK 附件 documents/three-systems-plan.md 是一个链接（快捷方式），"
                             "不是文件本身 — 请把文件本身放进 documents/ 文件夹"]
    plan.unlink()
    plan.write_text("见[本局门户](/zwgk/index.html)。\n", encoding="utf-8")
    code, lines = gongshi("validate", "--county", "jiange")
    assert errors(lines) == ["content/jiange/documents/three-systems-plan.md:1: E-ATTACHMENT-ROOT-LINK 链接 /zwgk/index.html 以 / 开头，"
                             "网站放在子目录下发布时会失效 — 请写完整网址（以 https:// 开头），或链接到本网站的栏目"]


CHARACTER_HINT = "请删除这个字符；从别处复制来的文字，请先粘贴到记事本中再复制过来"


@pytest.mark.parametrize("name, content, expected", [
    ("lone-surrogate", 'reports:\n  - year: 2025\n    summary: "说明\\ud800"\n',
     "content/shili/annual.yml:3: E-YAML-CHARACTER 有不能保存的字符 \\ud800（控制字符，或 \\u 转义写出的半个字符） — " + CHARACTER_HINT),
    ("nul-byte", "reports:\n  - year: 2025\n    summary: 说明\x00\n",
     "content/shili/annual.yml:3: E-YAML-CHARACTER 有不能保存的字符 \\u0000（控制字符，或 \\u 转义写出的半个字符） — " + CHARACTER_HINT),
    ("empty", "# 只有注释\n",
     "content/shili/annual.yml:1: E-FILE-EMPTY 文件是空的 — 请按 schemas/annual.schema.json 填写内容，或删除这个文件"),
    ("too-deep", "reports: " + "[" * 2000 + "]" * 2000 + "\n",
     "content/shili/annual.yml:1: E-YAML-DEPTH 层次嵌套超过 32 层 — 内容文件不需要这么深的缩进，请检查缩进是否写错"),
])
def test_bad_characters_and_shapes_get_a_line_and_no_traceback(project, gongshi, name, content, expected):
    project.file("content/shili/annual.yml").write_bytes(content.encode("utf-8"))
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1 and expected in lines, lines
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 1 and not project.file("site/shili").exists()


def test_a_bad_decision_file_name_gets_line_one(project, gongshi):
    project.file("content/shili/decisions/2025-002.yml").rename(project.file("content/shili/decisions/2025 002.yml"))
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert "content/shili/decisions/2025 002.yml:1: E-DECISION-NAME 执法决定的文件名 2025 002.yml 不合规，文件名就是决定的网址 — " \
           "只能用字母、数字和连字符，如 2025-001.yml" in lines


def test_links_out_of_the_content_are_never_followed(project, gongshi, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    outside = elsewhere / "2025-009.yml"
    outside.write_text(project.file("content/shili/decisions/2025-002.yml").read_text(encoding="utf-8"), encoding="utf-8")
    project.file("content/shili/decisions/2025-009.yml").symlink_to(outside)
    project.file("site_config/jiange.yml").rename(elsewhere / "jiange.yml")
    project.file("site_config/jiange.yml").symlink_to(elsewhere / "jiange.yml")
    code, lines = gongshi("validate")
    assert code == 1
    link = "这个文件是一个链接（快捷方式），不是文件本身 — 请把文件本身放在这里；gongshi 不跟随链接去读别处的文件"
    assert f"content/shili/decisions/2025-009.yml:1: E-FILE-LINK {link}" in lines
    assert f"site_config/jiange.yml:1: E-FILE-LINK {link}" in lines
    county = project.file("content/jiange")
    county.rename(elsewhere / "jiange")
    county.symlink_to(elsewhere / "jiange")
    code, lines = gongshi("validate")
    assert f"content/jiange: E-FILE-LINK {link}" in lines
