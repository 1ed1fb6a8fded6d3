"""Free-text detection of personal data (groundwork for the redaction issue)."""

import pytest

from generator.privacy.personal_data import find_personal_data, mask

VALID_ID = "11010519491231002X"       # checksum verified (GB 11643)
INVALID_ID = "110105194912310021"     # same digits, wrong check character
VALID_CARD = "6222021234567890128"    # Luhn valid
INVALID_CARD = "6222021234567890123"  # Luhn invalid


def kinds(text):
    return [f.kind for f in find_personal_data(text)]


@pytest.mark.parametrize("text, masked", [
    (f"当事人身份证号{VALID_ID}。", "当事人身份证号110105********002X。"),
    ("身份证 110105 19491231 002x", "身份证 110105********002X"),
    ("联系电话13812345678", "联系电话138****5678"),
    ("手机 138 1234 5678 或 +86-139-1234-5678", "手机 138****5678 或 139****5678"),
    ("手机１３８１２３４５６７８", "手机138****5678"),
    (f"银行卡 {VALID_CARD[:4]} {VALID_CARD[4:8]} {VALID_CARD[8:12]} {VALID_CARD[12:16]} {VALID_CARD[16:]}",
     "银行卡 6222***********0128"),
    ("邮箱 zhang.san@example.com。", "邮箱 z***@example.com。"),
    ("13912345678 13812345678", "139****5678 138****5678"),          # two numbers, one space apart
    (f"举报 13698765432 {VALID_ID}", "举报 136****5432 110105********002X"),
    ("1 3 9 1 2 3 4 5 6 7 8", "139****5678"),                          # typed digit by digit
])
def test_finds_and_masks(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    f"号码{INVALID_ID}",                 # 18 digits that fail the ID checksum are not an ID
    f"卡号{INVALID_CARD}",               # fails Luhn
    "订单号1381234567890123456",          # a mobile-looking piece of a longer run
    f"编号9{VALID_ID}",                   # an ID-looking piece of a longer run
    "办公电话0839-6600429",               # bureau landline
    "统一社会信用代码91510823MA62X8Y01K",  # organisations' codes are public
    "剑医保罚〔2024〕1号，罚款12345.67元",
])
def test_leaves_public_numbers_alone(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text, masked", [
    ("医保卡号：SC12345678", "医保卡号：SC******78"),
    ("社保卡号 1234 5678 90", "社保卡号 12******90"),
    ("参保人医保电子凭证码 E1234567890AB", "参保人医保电子凭证码 E1*********AB"),
    (f"社会保障号码{VALID_ID}", "社会保障号码110105********002X"),   # the social-security number is the ID
])
def test_insurance_and_social_security_card_numbers(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    "医保基金2024年度",                     # a year after 医保, no card word
    "医保编码 H51082300123",                 # an institution's public code, not a card number
    "医保卡号：见附件",                      # no number at all
])
def test_insurance_words_without_a_card_number(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text, masked", [
    ("证人身份证号510823196203074516", "证人身份证号510823********4516"),   # born before the area code's start year
    ("号码510999202403150019", "号码510999********0019"),                  # area known only at province level
    ("旧身份证510823900307451", "旧身份证510823*****7451"),                 # 15-digit ID of before 1999
    ("银行卡号6217002870012345672 2024年退回", "银行卡号6217***********5672 2024年退回"),
    ("电话138.1234.5678", "电话138****5678"),
    ("电话138\u00a01234\u00a05678", "电话138****5678"),
    ("TEL13712345678", "TEL137****5678"),
    ("邮箱zhang＠example.com", "邮箱z***@example.com"),
])
def test_forms_people_really_type(text, masked):
    assert mask(text) == masked


@pytest.mark.parametrize("text", [
    "电话 0839-6600429 6600430",          # two landlines side by side pass Luhn but are no card
    "期间 2025-01-01 2025-06-30",
    "医保编号 H51082300123",               # a designated institution's public code
    "通过医保卡 120000 元",                 # an amount, not a card number
    "地址 192.168.100.123",
])
def test_public_numbers_typed_side_by_side(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text", [
    "身份证号 110105********002X", "手机 138****5678", "卡号 6217***********5672", "医保卡号：SC******78",
    "社会保障卡号 510823********0101", "邮箱 l***@example.org",
])
def test_what_masking_wrote_is_never_found_again(text):
    assert kinds(text) == []
    assert mask(mask(text)) == mask(text)


@pytest.mark.parametrize("text, expected", [
    ("罚款13800138000元", []),                       # an amount of yuan, not a mobile number
    ("追回金额 13800138000 元", []),
    ("合计￥13800138000", []),
    ("手机13800138000元旦后停机", ["mobile"]),         # 元旦 is a holiday, not a unit
    ("联系电话：13800138000元", ["mobile"]),            # labelled as a phone: one, whatever follows
    ("11010519491231002X元", ["id_card"]),             # a checksum-verified ID is masked whatever surrounds it
])
def test_numbers_are_read_in_their_context(text, expected):
    assert kinds(text) == expected


def test_a_social_security_card_number_that_is_an_id_number_is_masked_once():
    assert mask("社会保障卡号 510823198506120101") == "社会保障卡号 510823********0101"
