"""Personal data in free text: find it, and mask it for the public view.

The public view masks every find (redaction.py); `gongshi scan` looks for the same patterns in
the built files.

A number is judged as a whole digit run, never by a piece of a longer run: `1381234567890123`
is no mobile number. Runs may be written with full-width digits or split by single spaces or
hyphens (`138 1234 5678`, `+86-138-1234-5678`), as people type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum import luhn
from stdnum.cn import ric

FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ－＋　", "0123456789Xx-+ ")

# A digit run: digits joined by at most one space or hyphen, an ID's final X allowed,
# and not glued to other digits, letters or X on either side.
DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[ -]?)?[0-9](?:[ -]?[0-9])*(?:[ -]?[Xx])?(?![0-9A-Za-z])")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Medical-insurance and social-security card numbers have no national format (each region issues
# its own), so they are found by what precedes them: 医保卡号：SC1234567, 社保卡号 12345678 …
INSURANCE_CARD = re.compile(
    r"(?P<label>(?:医保|医疗保险|社保|社会保险|社会保障|参保)(?:电子凭证|个人编号|卡号|卡|编号|号码|号|凭证)+"
    r"(?:码|号码|号)?\s*(?:为|是|[:：])?\s*)"
    r"(?P<number>[0-9A-Za-z](?:[ -]?[0-9A-Za-z]){5,29})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Find:
    kind: str      # id_card, mobile, bank_card, email, insurance_card
    start: int
    end: int
    masked: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


KIND_LABELS = {"id_card": "身份证号", "mobile": "手机号", "bank_card": "银行卡号", "email": "电子邮箱",
               "insurance_card": "医保卡号或社保卡号"}


def find_personal_data(text: str) -> list[Find]:
    """Every piece of personal data in `text`, in order, with how it is shown when masked."""
    normal = text.translate(FULL_WIDTH)   # same length as text: positions carry over
    finds = []
    for match in DIGIT_RUN.finditer(normal):
        finds += _numbers_in_run(match)
    for match in EMAIL.finditer(normal):
        local, domain = match.group().split("@", 1)
        finds.append(Find("email", match.start(), match.end(), f"{local[0]}***@{domain}"))
    for match in INSURANCE_CARD.finditer(normal):
        number = re.sub(r"[ -]", "", match.group("number"))
        if any(c.isdigit() for c in number):
            finds.append(Find("insurance_card", match.start("number"), match.end("number"),
                              number[:2] + "*" * (len(number) - 4) + number[-2:]))
    return _without_overlaps(finds)


MAX_GROUPS = 20   # a 19-digit card typed digit by digit; bounds the work on a long run of numbers


def _numbers_in_run(match) -> list[Find]:
    """The run as one number if it is one; else the longest stretches of its space- or
    hyphen-separated groups that are an ID or a mobile (`139… 138…` are two finds)."""
    groups = [(g.start() + match.start(), g.end() + match.start()) for g in re.finditer(r"[^ -]+", match.group())]
    finds, i = [], 0
    while i < len(groups):
        for j in range(min(len(groups), i + MAX_GROUPS), i, -1):
            start, end = groups[i][0], groups[j - 1][1]
            found = _classify(re.sub(r"[ -]", "", match.string[start:end]))
            # Luhn passes one run in ten: part of a run is a bank card only if it is all of it.
            if found and (found[0] != "bank_card" or (i, j) == (0, len(groups))):
                finds.append(Find(found[0], start, end, found[1]))
                i = j
                break
        else:
            i += 1
    return finds


def _without_overlaps(finds: list[Find]) -> list[Find]:
    """One find per stretch of text: the one that starts first, the longer on a tie."""
    kept = []
    for found in sorted(finds, key=lambda f: (f.start, -f.end)):
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept


def mask(text: str) -> str:
    """`text` with every find replaced by its masked form."""
    out, last = [], 0
    for found in find_personal_data(text):
        out += [text[last:found.start], found.masked]
        last = found.end
    return "".join(out) + text[last:]


def _classify(digits: str):
    national = digits.lstrip("+")
    if len(national) == 13 and national.startswith("86"):
        national = national[2:]
    if len(digits) == 18 and ric.is_valid(digits.upper()):
        return "id_card", digits[:6] + "*" * 8 + digits[-4:].upper()
    if re.fullmatch(r"1[3-9][0-9]{9}", national):
        return "mobile", national[:3] + "****" + national[-4:]
    if digits.isdigit() and 16 <= len(digits) <= 19 and luhn.is_valid(digits):
        return "bank_card", digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
    return None
