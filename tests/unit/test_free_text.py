"""Addresses, health data and other persons' names in free text: the examples the rules were tuned
on, the floor they keep on the labelled set they were not tuned on, and the reviewed passage."""

import pytest

from generator.privacy.personal_data import find_personal_data
from generator.privacy.redaction import redact, redact_text
from tests.labelled import cases, score


def finds(text):
    return [(f.kind, text[f.start:f.end], f.masked) for f in find_personal_data(text, free_text=True)
            if f.kind in ("address", "health", "person_name")]


@pytest.mark.parametrize("text, expected", [
    ("当事人住某某小区40栋2单元501室。", [("address", "40栋2单元501室", "**栋*单元***室")]),
    ("住某某村5组12号", [("address", "5组12号", "*组**号")]),
    ("经诊断为2型糖尿病", [("health", "2型糖尿病", "[健康信息，依法不予公开]")]),
    ("该患者有高血压病史", [("health", "高血压病史", "[健康信息，依法不予公开]")]),
    ("证人欧阳明日称", [("person_name", "欧阳明日", "欧阳某某")]),
    ("证人：张伟、李娜", [("person_name", "张伟", "张某某"), ("person_name", "李娜", "李某某")]),
    ("员工吴敏在", [("person_name", "吴敏", "吴某某")]),
])
def test_free_text_personal_data_is_found_and_masked(text, expected):
    assert finds(text) == expected


@pytest.mark.parametrize("text", [
    "证人欧阳某丙", "证人王某", "患者李某某", "参保人×××", "证人证言在卷", "员工培训不到位", "患者均为本县参保人员",
    "在医疗保障局302室询问", "住院部3楼", "示例县人民路88号", "病历书写不规范", "诊断标准放宽",
    "举报人所反映情况属实", "局三楼会议室", "第3组检查人员",
])
def test_what_decisions_rightly_say_is_no_find(text):
    assert finds(text) == []


def test_masked_text_is_no_find_again():
    for text in ["当事人住某某小区40栋2单元501室", "经诊断为2型糖尿病", "证人欧阳明日称"]:
        masked = redact_text(text)[0]
        assert finds(masked) == [], masked


def test_labelled_set_keeps_its_precision_and_recall():
    result = score(cases())
    assert (result.precision(), result.recall()) >= (0.9, 0.9), (result.wrong, result.missed)


def test_a_reviewed_passage_is_published_as_typed_and_nothing_else_is():
    decision = {"facts": "该院3号楼2单元为药房；证人欧阳明日证实。", "not_personal_data": [
        {"text": "3号楼2单元", "reason": "是医院的楼房，不是住址"}]}
    result = redact(decision, "decision.schema.json")
    assert result.data == {"facts": "该院3号楼2单元为药房；证人欧阳某某证实。"}
    assert [e.kind for e in result.events] == ["person_name"]


def test_a_reviewed_passage_never_lets_a_certain_kind_through():
    decision = {"facts": "证人手机13912345678", "not_personal_data": [{"text": "13912345678", "reason": "不是手机号"}]}
    assert redact(decision, "decision.schema.json").data["facts"] == "证人手机139****5678"


def test_the_party_is_no_other_person_but_text_in_the_name_field_is_still_read():
    decision = {"party": {"type": "自然人", "name": "周建国"}, "facts": "参保人周建国将医保卡借给他人。"}
    assert redact(decision, "decision.schema.json").data["facts"] == "参保人周建国将医保卡借给他人。"
    decision = {"party": {"type": "自然人", "name": "周建国（证人欧阳明日）"}}
    assert redact(decision, "decision.schema.json").data["party"]["name"] == "周建国（证人欧阳某某）"
