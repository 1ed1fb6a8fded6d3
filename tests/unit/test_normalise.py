"""The one normaliser: every spelling of personal data that a reader sees as the number or
address it is, detection sees so too, and masking replaces exactly what was typed."""

from __future__ import annotations

import sys
import unicodedata

import pytest

from generator.privacy.invisible import RANGES
from generator.privacy.normalise import compact, normalise
from generator.privacy.personal_data import find_personal_data, mask

ID = "11010519491231002X"
CARD = "6222021234567890128"


def test_the_invisible_characters_are_those_of_this_python():
    listed = {c for a, b in RANGES for c in range(a, b + 1)}
    missing = [hex(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cf", "Mn", "Me")
               and c not in listed]
    assert missing == [], "regenerate generator/privacy/invisible.py for Unicode " + unicodedata.unidata_version


@pytest.mark.parametrize("typed, masked", [
    ("手机138\u200d1234\u20605678", "手机138****5678"),          # zero-width joiner, word joiner
    ("手机138\u00ad1234\u00ad5678", "手机138****5678"),          # soft hyphens
    ("手机1\ufe0f38\u20031234\u200b5678", "手机138****5678"),    # a variation selector, an em space
    ("😀手机138\U000e00201234\U0001d1735678", "😀手机138****5678"),   # invisible characters beyond the first plane
    ("手机一三八一二三四五六七八", "手机138****5678"),               # read aloud
    ("手机幺三八〇〇幺三八〇〇〇", "手机138****8000"),
    ("手机一三八 一二三四 五六七八", "手机138****5678"),
    ("手机138  1234  5678", "手机138****5678"),                  # two spaces
    ("手机138–1234—5678", "手机138****5678"),                    # en and em dash
    ("手机138/1234/5678", "手机138****5678"),
    ("手机138 -1234/ 5678", "手机138****5678"),                  # mixed
    ("手机１３８－１２３４－５６７８", "手机138****5678"),           # full width
    (f"卡号{CARD[:6]} {CARD[6:]}", "卡号6222***********0128"),   # issuer's six digits, then the rest
    (f"身份证 {ID[:6]}\u200b{ID[6:]}", "身份证 110105********002X"),
    ("邮箱 name@163。com", "邮箱 n***@163.com"),
    ("邮箱 name at 163 dot com", "邮箱 n***@163.com"),
    ("邮箱 name(at)163(dot)com", "邮箱 n***@163.com"),
    ("邮箱 name【at】163【dot】com【dot】cn", "邮箱 n***@163.com.cn"),
])
def test_spellings_meant_to_get_past_a_filter_are_masked(typed, masked):
    assert mask(typed) == masked


@pytest.mark.parametrize("markdown, masked", [
    (f"证人身份证号 {ID[:8]}\n{ID[8:]} 在卷。\n", "证人身份证号 110105********002X 在卷。\n"),   # one paragraph, two lines
    ("号码 " + "".join(f"&#{ord(c)};" for c in ID) + "\n", "号码 110105********002X\n"),   # character references
    (f"号码 {ID[:4]}<span></span>{ID[4:]}\n", "号码 110105********002X\n"),                  # an empty inline element
    (f"号码 {ID[:4]}<!-- x -->{ID[4:]}\n", "号码 110105********002X\n"),
])
def test_a_markdown_document_is_read_as_its_page_shows_it(markdown, masked):
    [found] = find_personal_data(markdown, markdown=True)
    assert (found.kind, found.value) == ("id_card", ID)
    assert markdown[:found.start] + found.masked + markdown[found.end:] == masked   # what was typed, replaced whole
    assert ID in normalise(markdown, markdown=True).text.replace(" ", "")


@pytest.mark.parametrize("markdown", [
    f"| {ID[:8]} | {ID[8:]} |\n",                   # two table cells
    f"- {ID[:8]}\n- {ID[8:]}\n",                     # two list items
    f"# {ID[:8]}\n{ID[8:]}\n",                        # a heading and a paragraph
    f"{ID[:8]}\n\n{ID[8:]}\n",                        # two paragraphs
])
def test_digits_are_never_joined_across_blocks(markdown):
    assert find_personal_data(markdown, markdown=True) == []


@pytest.mark.parametrize("text", [
    f"{ID[:8]}\n{ID[8:]}",                           # two lines of YAML text are two paragraphs on the page
    "联系电话 0839-6600429转8001、0839-6603053", "统一社会信用代码 91510823MB1A2B3C4D", "示医保罚〔2025〕12号",
    "罚款 13,800 元", "罚款13800138000元", "2026-11-23", "2026/11/23", "2026年11月23日", "138****5678",
    "第一二三四五六条", "一二三四五六七",               # counting, not a number of any kind
])
def test_public_numbers_stay_as_typed(text):
    assert find_personal_data(text) == [] and mask(text) == text


def test_no_character_beyond_the_third_plane_changes_under_nfkc():
    assert [c for c in range(0x30000, sys.maxunicode + 1) if not unicodedata.is_normalized("NFKC", chr(c))] == []


@pytest.mark.parametrize("typed, plain", [
    ("⑩号", "10号"), ("㈠", "(一)"), ("⽰医保罚〔2025〕1号", "示医保罚〔2025〕1号"), ("１３８", "138"), ("ｌｉ＿ｓｉ＠", "li_si@"),
    ("138…1234…5678", "138.1234.5678"),
])
def test_compatibility_forms_read_as_their_plain_characters(typed, plain):
    assert normalise(typed).text == plain


def test_punctuation_is_read_in_either_width_and_secrets_compared_in_full_nfkc():
    assert normalise("（注）：").text == "（注）："
    assert compact("甲公司（上海） 返利：") == compact("甲公司(上海)返利:") == "甲公司(上海)返利:"
    for typed in ("邮箱 name（at）163（dot）com", "医保卡号：SC1234567", "证人：欧阳明日"):
        assert find_personal_data(typed, free_text=True) != [], typed
