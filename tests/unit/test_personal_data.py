"""Free-text detection of personal data (groundwork for the redaction issue)."""

import pytest

from generator.public.personal_data import find_personal_data, mask

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
