"""Personal data and secrets planted in every kind of record never reach the built site."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from stdnum.cn import ric

from generator.schema import describe
from generator.kinds import DECISION, KINDS
from tests.built_files import found_anywhere
from tests.pdfs import make_pdf

VALID_ID = "11010519491231002X"
OFFICER_ID = "51082319800101123" + ric.calc_check_digit("51082319800101123" + "0")  # stdnum wants a placeholder check digit

# kind → (as a clerk might type it, the value that must appear in no built file)
PLANTS = {
    "id_card": (f"身份证号 {VALID_ID[:6]} {VALID_ID[6:14]} {VALID_ID[14:]}", VALID_ID[:-1]),
    "mobile": ("手机 １３９１２３４５６７８", "13912345678"),
    "bank_card": ("银行卡 6222 0212 3456 7890 128", "6222021234567890128"),
    "email": ("邮箱 li.si@example.org", "li.si@example.org"),
    "insurance_card": ("医保卡号：YB20240001", "YB20240001"),
    # spellings meant to get past a filter: each must be masked all the same
    "id_card_soft_hyphen": (f"身份证 {VALID_ID[:4]}\u00ad{VALID_ID[4:]}", VALID_ID[:-1]),
    "mobile_joiners": ("手机137\u200d1234\u20600001", "13712340001"),
    "mobile_chinese_digits": ("手机一三六一二三四五六七八", "一三六一二三四五六七八"),
    "mobile_dashes": ("手机135–1234—5678", "13512345678"),
    "mobile_slashes": ("手机134 / 1234 / 5678", "13412345678"),
    "bank_card_issuer_grouping": ("卡号622202 1234567890128", "6222021234567890128"),
    "email_ideographic_dot": ("邮箱 wang.wu@163。com", "wang.wu"),
    "email_spelled": ("邮箱 zhao.liu at 163 dot com", "zhao.liu"),
}
# Found by the words around them (privacy/free_text.py): masked, and reported as W-PERSONAL-TEXT.
FREE_TEXT_PLANTS = {
    "address": ("家住某某小区40栋2单元501室", "40栋2单元501室"),
    "health": ("其经诊断为慢性阻塞性肺疾病", "慢性阻塞性肺疾病"),
    "person_name": ("证人欧阳明日证实", "欧阳明日"),
}
# Spellings only a Markdown document has: the page joins what the source keeps apart.
MARKDOWN_PLANTS = {
    "id_split_across_lines": (f"证人身份证号 {VALID_ID[:8]}\n{VALID_ID[8:]} 在卷。", VALID_ID[:-1]),
    "id_character_references": ("号码 " + "".join(f"&#{ord(c)};" for c in VALID_ID), VALID_ID[:-1]),
    "id_empty_inline_element": (f"号码 {VALID_ID[:4]}<span></span>{VALID_ID[4:]}", VALID_ID[:-1]),
}
SECRET_FIELD_TEXT = "甲药店与乙公司签订的采购合同约定进价每盒三十五元六角"
SECRET_PASSAGE = "甲公司年度返利比例为百分之十二"
CLASSIFIED_TITLE = "涉密文件甲乙丙丁戊己庚"
BUREAU_MOBILE = "13698765432"
HOME_ADDRESS = "幸福小区3栋2单元501室"          # in the sample decision 2025-002
HEALTH = "2型糖尿病伴周围神经病变"
WITNESS = "欧阳某某甲"

CLEAN = "检查通过：没有发现问题。"   # what `gongshi scan` prints when it finds nothing
PERSONAL_HINT = "网站文件中不得出现个人信息；请找到来源并删除后重新生成"


def _is_free_text(schema_name: str, path) -> bool:
    """A text field published with masking: no fixed format, no publishing policy of its own or above."""
    node = describe(schema_name, path)["schema"]
    policies = [describe(schema_name, path[:i])["schema"].get("x-publish") for i in range(1, len(path))]
    return (node.get("type") == "string" and not any(policies)
            and not {"pattern", "enum", "format", "const", "x-publish"} & node.keys())


def plant_in_every_text_field(county: Path) -> dict[str, set[str]]:
    """Append every kind of personal data to every free-text field. Returns the number of fields
    planted in each file."""
    planted = {}
    files = [(county / kind.file, kind.schema) for kind in KINDS]
    files += [(path, DECISION.schema) for path in sorted((county / "decisions").glob("*.yml"))]
    for path, schema in files:
        if not path.exists():
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        fields = [0]

        def visit(value, trail):
            if isinstance(value, dict):
                return {k: visit(v, trail + (k,)) for k, v in value.items()}
            if isinstance(value, list):
                return [visit(v, trail + (i,)) for i, v in enumerate(value)]
            if isinstance(value, str) and _is_free_text(schema, trail):
                fields[0] += 1
                return value + "（" + "；".join(typed for typed, _ in {**PLANTS, **FREE_TEXT_PLANTS}.values()) + "）"
            return value

        path.write_text(yaml.safe_dump(visit(data, ()), allow_unicode=True, sort_keys=False), encoding="utf-8")
        planted[path.name] = fields[0]
    return planted


def test_planted_personal_data_and_secrets_appear_in_no_built_file(project, gongshi):
    county = project.file("content/shili")
    planted = plant_in_every_text_field(county)
    assert len(planted) == 19 and min(planted.values()) >= 1, planted   # 13 files and 6 decisions

    officers = yaml.safe_load((county / "officers.yml").read_text(encoding="utf-8"))
    officers["officers"][0].update(mobile="13712345678", id_number=OFFICER_ID)
    (county / "officers.yml").write_text(yaml.safe_dump(officers, allow_unicode=True), encoding="utf-8")
    powers = yaml.safe_load((county / "powers.yml").read_text(encoding="utf-8"))
    powers["items"][0]["accountability"] = SECRET_FIELD_TEXT
    powers["items"][0]["commercial_secrets"] = ["accountability"]
    powers["items"][1]["duties"] += f"【商业秘密】{SECRET_PASSAGE}【/商业秘密】此后照常公开。"
    (county / "powers.yml").write_text(yaml.safe_dump(powers, allow_unicode=True), encoding="utf-8")
    documents = yaml.safe_load((county / "documents.yml").read_text(encoding="utf-8"))
    documents["documents"].append({"id": "secret-doc", "title": CLASSIFIED_TITLE, "category": "其他", "classified": True})
    (county / "documents.yml").write_text(yaml.safe_dump(documents, allow_unicode=True), encoding="utf-8")
    plan = county / "documents/three-systems-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n\n联系人" + "；".join(p[0] for p in {**PLANTS, **FREE_TEXT_PLANTS}.values())
                    + "\n\n"
                    + "\n\n".join(p[0] for p in MARKDOWN_PLANTS.values()) + "\n", encoding="utf-8")
    project.edit("site_config/shili.yml", "电话 0000-1234567", f"电话 0000-1234567　举报手机 {BUREAU_MOBILE}　{PLANTS['id_card'][0]}")
    decision = yaml.safe_load((county / "decisions/2025-002.yml").read_text(encoding="utf-8"))
    decision["party"].update(health=HEALTH, bank_account="6217000010001234567")
    decision["other_persons"] = [WITNESS]
    (county / "decisions/2025-002.yml").write_text(yaml.safe_dump(decision, allow_unicode=True), encoding="utf-8")

    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines
    # one warning per planted value: the fields, less the one the secret replaced, plus the Markdown
    # attachment (all kinds) and the footer (its ID; the bureau mobile there is public)
    fields = sum(planted.values()) - 1
    assert sum(": W-PERSONAL-DATA " in line for line in lines) == len(PLANTS) * fields + len(PLANTS) + len(MARKDOWN_PLANTS) + 1
    assert sum(": W-PERSONAL-TEXT " in line for line in lines) == len(FREE_TEXT_PLANTS) * (fields + 1)
    site = project.file("site")
    for kind, (_, value) in {**PLANTS, **MARKDOWN_PLANTS, **FREE_TEXT_PLANTS}.items():
        assert found_anywhere(site, value) == [], kind
    for value in ("13712345678", OFFICER_ID, SECRET_FIELD_TEXT, SECRET_PASSAGE, CLASSIFIED_TITLE,
                  HOME_ADDRESS, HEALTH, WITNESS, "6217000010001234567", "示医保罚〔2026〕1号"):
        assert found_anywhere(site, value) == [], value
    assert found_anywhere(site, "138****") == []  # nothing planted was a 138 number: masks are not made up
    assert "shili/powers/index.html" in found_anywhere(site, "[商业秘密，依法不予公开]")
    assert found_anywhere(site, "此后照常公开") != []       # text after a closed marker is published
    assert "shili/index.html" in found_anywhere(site, BUREAU_MOBILE)  # a bureau contact is public
    assert "shili/index.html" in found_anywhere(site, "110105********002X")

    assert gongshi("scan", "site") == (0, [CLEAN])


def test_validate_reports_personal_data_where_the_clerk_typed_it(clerk_reads):
    clerk_reads([("content/shili/subject.yml", "组织行政执法人员法律知识培训。", "组织行政执法人员法律知识培训。联系手机13912345678。")],
                "2026-11-23",
                "content/shili/subject.yml:16: W-PERSONAL-DATA 字段 agencies[2].duties（主要职责）有手机号 139****5678，"
                "公示时已自动打码 — 个人信息不应写进公示内容；请删除或改写，确需留存的请填在不公开的字段中")


def test_validate_reports_what_the_words_around_it_suggest_is_personal(clerk_reads):
    clerk_reads([("content/shili/subject.yml", "组织行政执法人员法律知识培训。", "组织行政执法人员法律知识培训。举报人欧阳明日反映。")],
                "2026-11-23",
                "content/shili/subject.yml:16: W-PERSONAL-TEXT 字段 agencies[2].duties（主要职责）可能有其他自然人的姓名，"
                "公示时已显示为“欧阳某某” — 请核对：是个人信息的，请写成姓加“某某”（如“证人欧阳某某”），姓名填在 other_persons；"
                "确实不是的，请在这一项的 not_personal_data 中写出原文和理由（写法见 schemas/common.schema.json），公示时就按原文显示")


def test_a_reviewed_passage_the_record_no_longer_has_is_reported(project, gongshi):
    project.edit("content/shili/decisions/2025-001.yml", "severity: 严重\n",
                 "severity: 严重\nnot_personal_data:\n  - text: 3号楼2单元\n    reason: 是医院的楼房，不是住址\n")
    _, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    line = project.file("content/shili/decisions/2025-001.yml").read_text(encoding="utf-8").splitlines().index("  - text: 3号楼2单元") + 1
    assert f"content/shili/decisions/2025-001.yml:{line}: W-REVIEWED-UNUSED not_personal_data 中的“3号楼2单元”在这一项的文字中已经找不到" \
           " — 文字改过之后，请删除这一条，或改成现在文字中的原文" in lines


def test_a_county_can_make_personal_data_an_error(project, gongshi):
    project.edit("content/shili/subject.yml", "组织行政执法人员法律知识培训。", "组织行政执法人员法律知识培训。邮箱 li.si@example.org，住阳光花园3栋1单元302室")
    project.edit("site_config/shili.yml", "extra:\n", "extra:\n  redaction:\n    personal_data: 错误\n")
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 1
    assert "content/shili/subject.yml:16: E-PERSONAL-TEXT 字段 agencies[2].duties（主要职责）可能有个人住址（公示时会显示为“*栋*单元***室”），" \
           "本县设置为不得出现在公示内容中 — 请核对：是个人信息的，请写到村、小区为止（如“某某小区”），完整住址填在 party.home_address；" \
           "确实不是的，请在这一项的 not_personal_data 中写出原文和理由" in lines
    assert "content/shili/subject.yml:16: E-PERSONAL-DATA 字段 agencies[2].duties（主要职责）有电子邮箱 l***@example.org，" \
           "本县设置为不得出现在公示内容中 — 请删除或改写这段个人信息后再提交" in lines
    assert "未发布 site/shili/：本县有错误，见上；又没有上次生成的网站可以保留" in lines
    assert not project.file("site/shili").exists()


def test_personal_data_in_a_markdown_attachment_names_its_line(project, gongshi):
    plan = project.file("content/shili/documents/three-systems-plan.md")
    lines_before = plan.read_text(encoding="utf-8").count("\n")
    plan.write_text(plan.read_text(encoding="utf-8") + "\n社保卡号 SB12345678\n", encoding="utf-8")
    _, lines = gongshi("validate", "--county", "shili")
    assert f"content/shili/documents/three-systems-plan.md:{lines_before + 2}: W-PERSONAL-DATA 这一行有医保卡号或社保卡号 " \
           "SB******78，公示时已自动打码 — 个人信息不应写进公示内容；请删除或改写，确需留存的请填在不公开的字段中" in lines


def test_unclosed_commercial_secret_marker(project, gongshi):
    project.edit("content/shili/subject.yml", "组织行政执法人员法律知识培训。", "组织行政执法人员法律知识培训。【商业秘密】返利比例")
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert "content/shili/subject.yml:16: E-SECRET-MARKER 字段 agencies[2].duties（主要职责）的“【商业秘密】”没有对应的" \
           "“【/商业秘密】” — 请在商业秘密结束处加上【/商业秘密】；改好之前，标记之后的文字一律不公示" in lines


@pytest.mark.parametrize("named", ["domian", "valid_from"])   # a typo; a date the page needs
def test_commercial_secrets_must_name_a_text_field_of_the_record(project, gongshi, named):
    project.edit("content/shili/officers.yml", "    agency: jgg\n", f"    agency: jgg\n    commercial_secrets: [{named}]\n")
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 1
    assert f"content/shili/officers.yml:14: E-SECRET-FIELD commercial_secrets 中的 {named} 不是这一项中填写了文字说明的字段 — " \
           "只能填写这一项中已填写的文字字段：name、issuer、domain" in lines


def _attach_pdf(project, data: bytes, name="decision.pdf") -> int:
    """Add a PDF to shili's documents.yml; returns the line of its `file:`."""
    project.file(f"content/shili/documents/{name}").write_bytes(data)
    docs = project.file("content/shili/documents.yml")
    text = docs.read_text(encoding="utf-8")
    text += f"  - id: pdf-doc\n    title: 处罚决定书\n    category: 其他\n    file: documents/{name}\n"
    docs.write_text(text, encoding="utf-8")
    return text.count("\n")


def test_pdf_with_personal_data_refuses_the_build_naming_file_and_page(project, gongshi):
    line = _attach_pdf(project, make_pdf(["Decision 2024-1", f"Party ID {VALID_ID}"]))
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 1
    assert f"content/shili/documents.yml:{line}: E-PDF-PERSONAL-DATA PDF 文件 documents/decision.pdf 第 2 页有身份证号 " \
           "110105********002X — PDF 无法自动打码：请提供已删除或遮盖个人信息的 PDF（遮盖后请重新导出，不要只加黑框）" in lines
    assert not project.file("site/shili").exists()
    assert not any(VALID_ID in line for line in lines)


@pytest.mark.parametrize("pdf, where", [
    (make_pdf(["Decision"], note="Call 13912345678"), "第 1 页"),
    (make_pdf(["Decision"], bookmark="Party 13912345678"), "的书签或表单中"),
])
def test_pdf_annotations_and_bookmarks_are_checked_too(project, gongshi, pdf, where):
    line = _attach_pdf(project, pdf)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert any(l.startswith(f"content/shili/documents.yml:{line}: E-PDF-PERSONAL-DATA PDF 文件 documents/decision.pdf "
                            f"{where}有手机号 139****5678") for l in lines), lines


def test_published_pdf_carries_no_metadata(project, gongshi):
    _attach_pdf(project, make_pdf(["Decision 2024-1"], metadata={
        "/Author": "Wang Wu 13812345678", "/Creator": "WangWu-PC Office", "/Producer": "ScanSoft PDF"}))
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines
    published = project.file("site/shili/files/pdf-doc.pdf")
    reader = PdfReader(published)
    assert reader.metadata is None and "/Metadata" not in reader.trailer["/Root"]
    assert reader.pages[0].extract_text() == "Decision 2024-1"
    assert b"Wang" not in published.read_bytes() and b"ScanSoft" not in published.read_bytes()


@pytest.mark.parametrize("data, expected", [
    (make_pdf(["Decision"], password="secret"), "E-PDF-ENCRYPTED PDF 文件 documents/decision.pdf 设置了密码或加密，"
     "无法检查其中是否有个人信息 — 请另存为不加密的 PDF 后再放入"),
    (b"%PDF-1.4\nthis is not a pdf", "E-PDF-UNREADABLE PDF 文件 documents/decision.pdf 无法读取"),
    (make_pdf([""]), "W-PDF-NO-TEXT PDF 文件 documents/decision.pdf 没有文字层（可能是扫描件），无法检查其中是否有个人信息 — "
     "请逐页人工核对已遮盖个人信息；最好改为提供由文字直接导出的 PDF"),
])
def test_pdfs_that_cannot_be_checked(project, gongshi, data, expected):
    line = _attach_pdf(project, data)
    code, lines = gongshi("validate", "--county", "shili")
    assert any(l.startswith(f"content/shili/documents.yml:{line}: {expected}") for l in lines), lines
    assert code == (0 if expected.startswith("W-") else 1)


def test_scan_finds_nothing_on_the_sample_sites(sample_site, gongshi):
    assert gongshi("scan", str(sample_site)) == (0, [CLEAN])


def test_scan_names_the_file_with_a_planted_leak(sample_site, gongshi, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    page = site / "shili/officers/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</main>", f"<p>{VALID_ID}</p></main>"), encoding="utf-8")
    index = site / "jiange/search/p/subject.json"
    index.write_text(index.read_text(encoding="utf-8").replace('"text":"', '"text":"\\u624b\\u673a 13912345678 ', 1),
                     encoding="utf-8")
    code, lines = gongshi("scan", str(site), "--secret", "剑阁县医疗保障局")
    assert code == 1
    assert f"{site}/shili/officers/index.html: E-SCAN-PERSONAL-DATA 有身份证号 110105********002X — {PERSONAL_HINT}" in lines
    assert f"{site}/jiange/search/p/subject.json: E-SCAN-PERSONAL-DATA 有手机号 139****5678 — {PERSONAL_HINT}" in lines
    assert f"{site}/jiange/index.html: E-SCAN-SECRET 有不得公开的文字 “剑…”（8 个字）（来自 --secret） — " \
           "请找到网页中这段文字的来源，删除后重新生成" in lines
    assert lines[-1].startswith(f"共 {len(lines) - 1} 个错误，0 个警告（E-SCAN-PERSONAL-DATA ×2，E-SCAN-SECRET ×")
    assert not any(VALID_ID in line or "13912345678" in line or "剑阁县医疗保障局" in line for line in lines)


def test_a_declared_secret_takes_the_county_off_the_web_when_its_previous_site_has_it_too(project, gongshi):
    assert gongshi("build", "--out", "site")[0] == 0
    jiange = {p: p.read_bytes() for p in project.file("site/jiange").rglob("*") if p.is_file()}
    project.edit("site_config/shili.yml", "extra:\n", "extra:\n  redaction:\n    secrets: [法规股]\n")
    code, lines = gongshi("build", "--out", "site")
    assert code == 1
    assert f"{project.file('site')}/shili/subject/index.html: E-SCAN-SECRET 有不得公开的文字 “法…”（3 个字）" \
           "（来自 site_config/shili.yml 的 extra.redaction.secrets） — 请找到网页中这段文字的来源，删除后重新生成" in lines
    assert "未发布 site/shili/：生成的网站没有通过检查，见上" in lines   # the previous site holds it too: it goes
    assert not project.file("site/shili").exists()
    assert {p: p.read_bytes() for p in project.file("site/jiange").rglob("*") if p.is_file()} == jiange


def _decision(project, text: str, name="2026-090.yml") -> None:
    project.write(f"content/shili/decisions/{name}", text)


MINOR_DECISION = """case_number: 示医保罚〔2026〕90号
kind: 行政处罚
decided: '2026-10-09'
party: {type: 自然人, name: 钱某某, minor: true}
facts: 当事人冒用他人医保凭证购药，骗取医保基金800元。
power: CF-003
outcome: {returned: 800, fraud: 800, fine: 1600}
officers: [zhang-shili, li-shifan]
approval: {by: 局长 张示例, date: '2026-10-10'}
published: '2026-10-12'
severity: 一般
"""


@pytest.mark.parametrize("flag", ["party: {type: 自然人, name: 钱某某, minor: true}", "classified: true\nparty: {type: 自然人, name: 钱某某}"])
def test_minor_or_classified_decision_is_published_nowhere(project, gongshi, flag):
    _decision(project, MINOR_DECISION.replace("party: {type: 自然人, name: 钱某某, minor: true}", flag))
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines
    for value in ("示医保罚〔2026〕90号", "骗取医保基金800元"):
        assert found_anywhere(project.file("site"), value) == []
    assert found_anywhere(project.file("site"), "示医保罚〔2025〕1号") != []   # the other decisions stay


def test_decision_pdf_with_personal_data_refuses_the_build(project, gongshi):
    project.file("content/shili/documents/2026-090.pdf").write_bytes(make_pdf(["Party phone 13912345678"]))
    _decision(project, MINOR_DECISION.replace(", minor: true", "") + "full_text: documents/2026-090.pdf\n")
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 1
    assert "content/shili/decisions/2026-090.yml:12: E-PDF-PERSONAL-DATA PDF 文件 documents/2026-090.pdf 第 1 页有手机号 " \
           "139****5678 — PDF 无法自动打码：请提供已删除或遮盖个人信息的 PDF（遮盖后请重新导出，不要只加黑框）" in lines


def test_a_decision_pdf_is_published_without_metadata(project, gongshi):
    project.file("content/shili/documents/2026-090.pdf").write_bytes(
        make_pdf(["Decision 90"], metadata={"/Author": "Qian Moumou"}))
    _decision(project, MINOR_DECISION.replace(", minor: true", "") + "full_text: documents/2026-090.pdf\n")
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 0
    published = project.file("site/shili/files/decisions/2026-090.pdf")
    assert PdfReader(published).metadata is None and b"Qian" not in published.read_bytes()
    page = project.file("site/shili/decisions/2026-090/index.html").read_text(encoding="utf-8")
    assert 'href="../../files/decisions/2026-090.pdf"' in page


@pytest.mark.parametrize("party, line, expected", [
    ("{type: 自然人, name: 钱某某, address: 示例县幸福小区}", 4,
     "E-PARTY-FIELD 当事人类型是自然人，不能填写 party.address — 自然人的住址、身份证号填 home_address、id_number（不公示）；"
     "单位的住所、信用代码、法定代表人填 address、credit_code、legal_representative"),
    ("{type: 单位, name: 示例县某药店, id_number: '11010519491231002X'}", 4,
     "E-PARTY-FIELD 当事人类型是单位，不能填写 party.id_number — 自然人的住址、身份证号填 home_address、id_number（不公示）；"
     "单位的住所、信用代码、法定代表人填 address、credit_code、legal_representative"),
    ("{type: 单位, name: 示例县某药店, credit_code: 91100000MA00A00011}", 4,
     "E-PARTY-CREDIT-CODE 统一社会信用代码 91100000MA00A00011 校验不通过 — 请对照营业执照逐位核对，18 位，最后一位是校验码"),
])
def test_party_fields_fit_the_party(project, gongshi, party, line, expected):
    _decision(project, MINOR_DECISION.replace("{type: 自然人, name: 钱某某, minor: true}", party))
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert f"content/shili/decisions/2026-090.yml:{line}: {expected}" in lines


def test_a_withheld_name_or_diagnosis_in_the_published_facts_is_an_error(project, gongshi):
    project.edit("content/shili/decisions/2025-002.yml", "other_persons: [李某甲]", "other_persons: [李小明]")
    project.edit("content/shili/decisions/2025-002.yml", "  phone: '13912345678'", "  phone: '13912345678'\n  health: 2型糖尿病")
    project.edit("content/shili/decisions/2025-002.yml", "冒名就医购药12次", "冒名就医购药12次（李小明患2型糖尿病）")
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    hint = "不公示的内容不能再写进公示文字；请改写，如把姓名写成“李某”、把病情写成“相关疾病”"
    assert f"content/shili/decisions/2025-002.yml:17: E-WITHHELD-IN-TEXT 字段 facts（主要违法事实）中出现了不公示的" \
           f"字段 other_persons（涉及的其他自然人（不公示））的内容 — {hint}" in lines
    assert f"content/shili/decisions/2025-002.yml:17: E-WITHHELD-IN-TEXT 字段 facts（主要违法事实）中出现了不公示的" \
           f"字段 party.health（健康信息（不公示））的内容 — {hint}" in lines


def test_a_party_under_eighteen_by_id_number_must_be_flagged_a_minor(project, gongshi):
    child = "51082320120307451" + ric.calc_check_digit("51082320120307451" + "0")   # born 2012-03-07
    _decision(project, MINOR_DECISION.replace("{type: 自然人, name: 钱某某, minor: true}",
                                              f"{{type: 自然人, name: 钱某某, id_number: '{child}'}}"))
    code, lines = gongshi("validate", "--county", "shili", "--today", "2026-11-23")
    assert code == 1
    assert "content/shili/decisions/2026-090.yml:4: E-PARTY-MINOR 当事人身份证号显示其在 2026年10月9日 作出决定时未满 18 周岁，" \
           "但没有写 minor: true（《中华人民共和国民法典》第十七条；《中华人民共和国未成年人保护法》第一百零三条） — " \
           "当事人是未成年人的决定不得公示：请在 party 中写 minor: true" in lines


def test_a_party_with_a_published_and_a_pending_decision_may_be_named(project, gongshi):
    # 2026-001 (pending) names the party of 2025-001 (published): the pending one is no reason to refuse
    project.edit("content/shili/decisions/2026-001.yml", "  name: 示例县某某诊所", "  name: 示例县某某大药房有限公司")
    project.edit("content/shili/decisions/2026-001.yml", "  credit_code: 92100000MA00A0002X", "  credit_code: 91100000MA00A0001X")
    project.edit("content/shili/officers.yml", "    agency: jgg\n", "    agency: jgg\n    mobile: '0000-1234568'\n", )
    code, lines = gongshi("build", "--county", "shili", "--out", "site", "--today", "2026-11-23")
    assert code == 0, lines
    assert found_anywhere(project.file("site"), "示医保罚〔2026〕1号") == []


def test_scan_of_a_folder_that_does_not_exist_says_so_and_fails(project, capsys):
    from generator.cli import main

    assert main(["scan", "nosite"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        "nosite: E-SCAN-NO-SITE 要检查的网站目录不存在 — 请写已生成的网站目录（如 site），或先运行 gongshi build",
        "共 1 个错误，0 个警告（E-SCAN-NO-SITE ×1）。"]


def test_a_pdf_is_published_without_its_xmp_and_without_objects_nothing_refers_to(project, gongshi):
    _attach_pdf(project, make_pdf(["Decision 2024-1"], xmp="Wang Wu 11010519491231002X", orphan="Draft: phone 13912345678"))
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines
    published = project.file("site/shili/files/pdf-doc.pdf").read_bytes()
    for planted in (b"xmpmeta", b"Wang", b"11010519491231002X", b"13912345678", b"Draft"):
        assert planted not in published, planted
    assert PdfReader(io.BytesIO(published)).pages[0].extract_text() == "Decision 2024-1"


@pytest.mark.parametrize("pdf, expected", [
    (make_pdf(["Decision"], xmp="Wang Wu 11010519491231002X"), "E-SCAN-PERSONAL-DATA 有身份证号 110105********002X"),
    (make_pdf(["Decision"], orphan="Draft: phone 13912345678"), "E-SCAN-PERSONAL-DATA 有手机号 139****5678"),
    (make_pdf(["Decision"], metadata={"/Author": "13912345678"}), "E-SCAN-PERSONAL-DATA 有手机号 139****5678"),
])
def test_the_scan_reads_xmp_properties_and_objects_nothing_refers_to(sample_site, gongshi, tmp_path, pdf, expected):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    (site / "shili" / "planted.pdf").write_bytes(pdf)
    code, lines = gongshi("scan", str(site))
    assert code == 1
    assert f"{site}/shili/planted.pdf: {expected} — {PERSONAL_HINT}" in lines


def test_the_build_accepts_its_own_masking(project, gongshi):
    # masked to 510823********0101, which the final scan used to read as a card number and refuse
    edit = ("content/shili/subject.yml", "组织行政执法人员法律知识培训。", "组织行政执法人员法律知识培训。社会保障卡号 510823198506120101。")
    project.apply([edit])
    code, lines = gongshi("build", "--county", "shili", "--out", "site")
    assert code == 0, lines
    assert any(": W-PERSONAL-DATA " in line and "510823********0101" in line for line in lines)
    assert "510823198506120101" not in project.file("site/shili/subject/index.html").read_text(encoding="utf-8")


SPELLINGS = {   # as an attacker or a careless clerk types them → what the scan reports
    "手机138\u200d1234\u20605678": "有手机号 138****5678",
    "手机一三八一二三四五六七八": "有手机号 138****5678",
    "手机幺三九〇〇幺三九〇〇〇": "有手机号 139****9000",
    "手机138–1234—5678": "有手机号 138****5678",
    "手机138 / 1234 / 5678": "有手机号 138****5678",
    "卡号622202 1234567890128": "有银行卡号 6222***********0128",
    "邮箱 name@163。com": "有电子邮箱 n***@163.com",
    "邮箱 name at 163 dot com": "有电子邮箱 n***@163.com",
    f"身份证号 {VALID_ID[:4]}\u00ad{VALID_ID[4:]}": "有身份证号 110105********002X",
}


def _planted_files(text: str) -> dict[str, bytes]:
    import gzip
    import json as json_module

    html_text = text.replace(VALID_ID[:4], VALID_ID[:4] + "<span></span>") if VALID_ID in text else text
    return {
        "planted.html": f"<html><body><p>{html_text}</p></body></html>".encode(),
        "planted.js": f"var x = {json_module.dumps(text)};".encode(),
        "planted.json": json_module.dumps({"docs": [{"text": text}]}).encode(),   # \\u escapes
        "planted.json.gz": gzip.compress(json_module.dumps({"docs": [{"text": text}]}, ensure_ascii=False).encode()),
        "planted.xml": f"<url><loc>{text}</loc></url>".encode(),
        "planted.csv": f"名称,内容\r\n甲,{text}\r\n".encode("utf-8-sig"),
        "planted.txt": text.encode(),
        "planted-utf16.txt": text.encode("utf-16"),
        "planted.svg": f'<svg xmlns="http://www.w3.org/2000/svg"><text>{text}</text></svg>'.encode(),
        "planted.pdf": make_pdf(["Decision"], xmp=text),
    }


@pytest.mark.parametrize("typed, expected", SPELLINGS.items(), ids=range(len(SPELLINGS)))
def test_the_scan_finds_every_spelling_in_every_kind_of_built_file(sample_site, gongshi, tmp_path, typed, expected):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    files = _planted_files(typed)
    for name, data in files.items():
        (site / "shili" / name).write_bytes(data)
    code, lines = gongshi("scan", str(site))
    assert code == 1
    flagged = {line.split(": ")[0].rsplit("/", 1)[-1] for line in lines if f": E-SCAN-PERSONAL-DATA {expected} — " in line}
    assert flagged == set(files), sorted(set(files) - flagged)


MARKUP_SPELLINGS = {   # a mobile number split by markup, as a browser still shows it whole
    "inline elements": "<p>手机<b>138</b>1234<span>5678</span></p>",
    "empty element": "<p>手机138<span></span>12345678</p>",
    "line breaks in a paragraph": "<p>手机138\n1234\n5678</p>",
    "character references": "<p>手机&#49;38&#x31;2345678</p>",
    "a template's content": "<template><p>手机13812345678</p></template>",
    "misnested tags": "<p>手机<b>138<i>1234</b>5678</i></p>",
    "a comment": "<!-- 手机13812345678 -->",
    "an attribute": '<abbr title="手机13812345678">联系</abbr>',
}


@pytest.mark.parametrize("markup", MARKUP_SPELLINGS.values(), ids=MARKUP_SPELLINGS.keys())
def test_the_scan_reads_a_page_as_the_browser_shows_it(sample_site, gongshi, tmp_path, markup):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    (site / "shili" / "planted.html").write_text(f"<!doctype html><html><body>{markup}</body></html>", encoding="utf-8")
    code, lines = gongshi("scan", str(site))
    assert (code, lines[0]) == (1, f"{site}/shili/planted.html: E-SCAN-PERSONAL-DATA 有手机号 138****5678 — {PERSONAL_HINT}")


def test_the_scan_does_not_join_text_across_the_edge_of_a_block(sample_site, gongshi, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(sample_site, site)
    (site / "shili" / "planted.html").write_text(   # a case number and a count, shown on two lines
        "<!doctype html><html><body><ul><li><p>案号 1381234</p>5678</li><li>1381<br>2345678</li></ul></body></html>",
        encoding="utf-8")
    assert gongshi("scan", str(site)) == (0, [CLEAN])


def test_a_withheld_value_an_organisation_publishes_by_law_is_a_warning_not_a_refusal(project, gongshi):
    project.edit("content/shili/decisions/2025-002.yml", "home_address: 示例县城关镇幸福小区3栋2单元501室",
                 "home_address: 示例县人民路88号")
    code, lines = gongshi("build", "--county", "shili", "--out", "site", "--today", "2026-11-23")
    assert code == 0, lines
    line = project.file("content/shili/decisions/2025-002.yml").read_text(encoding="utf-8").splitlines().index(
        "  home_address: 示例县人民路88号") + 1
    assert f"content/shili/decisions/2025-002.yml:{line}: W-WITHHELD-PUBLIC 字段 party.home_address（住址（不公示））不公示，" \
           "但同样的内容 “示…”（9 个字） 是 content/shili/decisions/2025-001.yml 中依法公示的字段 party.address（住所（单位）），" \
           "网站上会照样出现 — 请核对这两处是否确实相同（如当事人住址恰好是某单位的登记住所）；不同的，请改正其中一处" in lines
    assert "shili/decisions/2025-001/index.html" in found_anywhere(project.file("site"), "示例县人民路88号")
    assert found_anywhere(project.file("site/shili/decisions/2025-002"), "示例县人民路88号") == []


def test_a_withheld_value_is_still_searched_for_when_only_a_person_publishes_it(project, gongshi):
    project.edit("content/shili/decisions/2025-002.yml", "冒名就医购药12次", "冒名就医购药12次，其住所为示例县城关镇幸福小区")
    project.edit("content/shili/decisions/2025-002.yml", "home_address: 示例县城关镇幸福小区3栋2单元501室",
                 "home_address: 示例县城关镇幸福小区")
    code, lines = gongshi("build", "--county", "shili", "--out", "site", "--today", "2026-11-23")
    assert code == 1 and not any("W-WITHHELD-PUBLIC" in line for line in lines)
    assert any("E-WITHHELD-IN-TEXT" in line for line in lines)


@pytest.mark.parametrize("policy, shown, hidden", [
    (None, "欧阳某某", "欧阳明日"),              # the default: surname and 某某
    ("姓加某某", "欧阳某某", "欧阳明日"),
    ("全名", "欧阳明日", "欧阳某某"),
])
def test_a_natural_person_party_is_named_as_the_county_says_in_every_output(project, gongshi, policy, shown, hidden):
    decision = "content/shili/decisions/2025-002.yml"
    project.edit(decision, "title: 王某某骗取医疗保障基金案", "title: 欧阳明日骗取医疗保障基金案")
    project.edit(decision, "  name: 王某某", "  name: 欧阳明日")
    project.edit(decision, "经查，当事人于", "经查，当事人欧阳明日于")
    if policy:
        project.edit("site_config/shili.yml", "extra:\n", f"extra:\n  redaction:\n    natural_person_name: {policy}\n")
    code, lines = gongshi("build", "--county", "shili", "--out", "site", "--today", "2026-11-23")
    assert code == 0, lines
    site = project.file("site")
    assert found_anywhere(site, hidden) == []
    pages = found_anywhere(site, shown)
    assert {"shili/decisions/2025-002/index.html", "shili/results/index.html"} <= set(pages), pages
    assert any("search" in page for page in pages), pages      # the search index too
    assert gongshi("scan", "site") == (0, [CLEAN])
