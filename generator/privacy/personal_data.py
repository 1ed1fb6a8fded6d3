"""Personal data in free text: find it, and mask it.

The public view masks every find (redaction.py); `gongshi scan` looks for the same patterns in
the built files; the check stage reports them to the clerk.

Text is read through the one normaliser (normalise.py): invisible characters, compatibility
forms, Chinese digits, Markdown markup and the like are undone before any pattern looks at it,
and each find is mapped back to the stretch that was typed.

A number is judged by its digit run, never by a piece glued into a longer one:
`1381234567890123` is no mobile number. Runs may be split by up to three spaces, hyphens, dots or
slashes between groups (`138 1234 5678`, `+86-138-1234-5678`, `138 / 1234 – 5678`), as people type
them; a run of several numbers typed apart yields each of them.
"""

from __future__ import annotations

import re
from datetime import date

from stdnum import luhn

from .finds import KIND_LABELS, Find
from .free_text import free_text_finds
from .normalise import Normal, normalise

# A digit run: digits joined by up to three spaces, hyphens, dots or slashes, an ID's final X
# allowed, not glued to other digits.
# Eleven digits at least: no shorter run holds a number worth masking. (The pattern starts with a
# character class, the only start Python's re scans for quickly; the look-behind after it checks
# the character before.)
DIGIT_RUN = re.compile(r"[+0-9](?<![0-9][+0-9])(?:[ ./-]{0,3}[0-9]){10,}(?:[ ./-]{0,3}[Xx])?(?![0-9])")
GROUP = re.compile(r"[^ ./-]+")
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])(?P<local>[A-Za-z0-9._%+-]{1,64})@(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
AT_DOMAIN = re.compile(r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")   # found first: an @ is rare, letters are not
# An address spelled out to get past a filter: name at 163 dot com, name(at)163(dot)com.
DOMAIN_ENDINGS = "com|cn|net|org|gov|edu|mil|int|info|biz|top|xyz|vip|hk|tw|mo"
EMAIL_SPELLED = re.compile(
    r"(?<![A-Za-z0-9._%+-])(?P<local>[A-Za-z0-9._%+-]+) {0,3}(?:[(\[（【] {0,2}at {0,2}[)\]）】]| at ) {0,3}"
    rf"(?P<domain>[A-Za-z0-9-]+(?: {{0,3}}(?:\.|[(\[（【] {{0,2}}dot {{0,2}}[)\]）】]| dot ) {{0,3}}[A-Za-z0-9-]+)*"
    rf"(?: {{0,3}}(?:\.|[(\[（【] {{0,2}}dot {{0,2}}[)\]）】]| dot ) {{0,3}}(?:{DOMAIN_ENDINGS})))(?![A-Za-z0-9])", re.I)
SPELLED_AT = re.compile(r"[aA][tT](?= {0,2}[ )\]）】])")   # where the pattern above can match
DOMAIN_DOTS = re.compile(r" {0,3}(?:[(\[（【] {0,2}dot {0,2}[)\]）】]| dot ) {0,3}| {0,3}\. {0,3}", re.I)
# Medical-insurance and social-security card numbers have no national format (each region issues
# its own), so they are found by what precedes them: 医保卡号：SC1234567, 社保卡号 12345678 …
# An amount or a count after such words (医保卡 1200 元) is not a card number.
INSURANCE_CARD = re.compile(
    r"(?:医保|医疗保险|社保|社会保险|社会保障|参保)(?:电子凭证|个人编号|卡号|卡|号码|号|凭证|码){1,3}"
    r"[ ]{0,3}(?:为|是|[:：])?[ ]{0,3}"
    r"(?P<number>[0-9A-Za-z](?:[ -]?[0-9A-Za-z]){5,29})(?![0-9A-Za-z])(?![ ]?[元万年月日次人家个%])")

# What masking writes: at most a few characters kept at each end of a run of asterisks.
MASKED = re.compile(r"[0-9A-Za-z]{0,6}\*{4,}[0-9A-Za-z]{2,4}")
# A currency unit after a number, or a currency sign before it: an amount.
# (元旦, 元宵 are holidays: "13800138000元旦后" is still a mobile; so is any number labelled as one.)
AMOUNT_AFTER = re.compile(r" {0,2}(?:元(?![旦宵])|万元|亿元|块钱|块|角)")
AMOUNT_BEFORE = re.compile(r"(?:[¥￥]|人民币) {0,2}$")
PHONE_LABEL = re.compile(r"(?:手机|电话|联系|致电|拨打|热线|号码)[号码：:为是 ]{0,3}$")

# GB 11643: provinces (first two digits) and the check character.
PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
             "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"}
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
BANK_CARD_FIRST_DIGITS = "34569"   # UnionPay 62…, Visa 4, Mastercard 5, JCB 35, domestic 9…
NUMBER_LENGTHS = {11, 13, 15, 16, 17, 18, 19}   # mobile, +86 mobile, old ID, bank cards, ID
MAX_GROUPS = 20   # a 19-digit card typed digit by digit; bounds the work on a long run of numbers


def find_personal_data(text: str, markdown: bool = False, free_text: bool = False) -> list[Find]:
    """Every piece of personal data in `text`, in order, where it was typed and how it is shown
    when masked. `markdown`: `text` is a Markdown document, read as its page shows it.
    `free_text`: also addresses, health and other persons' names (free_text.py), which the public
    view masks; the leak scan looks for the certain kinds only, since a clerk may have marked a
    find of these as reviewed and published it."""
    return find_in_normal(normalise(text, markdown), free_text)


def find_in_normal(normal: Normal, free_text: bool = False) -> list[Find]:
    """`find_personal_data` of text already normalised: the leak scan reads each page once."""
    return [Find(f.kind, *normal.typed_span(f.start, f.end), f.masked, f.value) for f in _finds(normal.text, free_text)]


def _finds(normal: str, free_text: bool = False) -> list[Find]:
    finds = free_text_finds(normal) if free_text else []
    for match in DIGIT_RUN.finditer(normal):
        finds += _numbers_in_run(match)
    for match in _emails(normal):
        local, domain = match.group("local"), match.group("domain")
        finds.append(Find("email", match.start("local"), match.end(), f"{local[0]}***@{domain}",
                          f"{local}@{domain}".lower()))
    for match in _spelled_emails(normal):
        local, domain = match.group("local"), DOMAIN_DOTS.sub(".", match.group("domain"))
        finds.append(Find("email", match.start(), match.end(), f"{local[0]}***@{domain}", f"{local}@{domain}".lower()))
    for match in INSURANCE_CARD.finditer(normal):
        number = re.sub(r"[ -]", "", match.group("number"))
        if any(c.isdigit() for c in number):
            shown = number[:2] if len(number) >= 10 else ""
            finds.append(Find("insurance_card", match.start("number"), match.end("number"),
                              shown + "*" * (len(number) - len(shown) - 2) + number[-2:], number.upper()))
    masks = [(m.start(), m.end()) for m in MASKED.finditer(normal)] if "****" in normal else []
    return _without_overlaps([f for f in finds if not _inside(f, masks) and not _an_amount(f, normal)])


def _emails(normal: str):
    """EMAIL's matches, looked for where an @ and a domain are."""
    for at in AT_DOMAIN.finditer(normal):
        match = EMAIL.search(normal, max(0, at.start() - 64), at.end())
        if match is not None and match.end() == at.end():
            yield match


def _spelled_emails(normal: str):
    """EMAIL_SPELLED's matches, looked for around each spelled-out "at"."""
    searched_to = 0
    for at in SPELLED_AT.finditer(normal):
        if at.start() < searched_to:
            continue
        match = EMAIL_SPELLED.search(normal, max(searched_to, at.start() - 64), at.end() + 200)
        if match is not None and match.start() <= at.start() < match.end():
            searched_to = match.end()
            yield match


def _inside(found: Find, masks) -> bool:
    """Part of a value masked already (110105********002X): what is left of it names nobody."""
    return any(start <= found.start and found.end <= end for start, end in masks)


def _an_amount(found: Find, text: str) -> bool:
    """A number of yuan (罚款13800138000元) is no mobile number. Numbers that pass a checksum (IDs,
    cards) are masked whatever surrounds them."""
    if found.kind != "mobile" or PHONE_LABEL.search(text, max(0, found.start - 8), found.start):
        return False
    return bool(AMOUNT_AFTER.match(text, found.end) or AMOUNT_BEFORE.search(text, max(0, found.start - 8), found.start))


def _numbers_in_run(match) -> list[Find]:
    """The run as one number if it is one; else the longest stretches of its separated groups
    that are (`139… 138…` typed one space apart are two finds)."""
    run = match.group()
    if run.isalnum():   # typed in one piece, as most are: no groups to try
        found = _classify(run, [run]) if len(run.lstrip("+")) in NUMBER_LENGTHS else None
        return [Find(found[0], match.start(), match.end(), found[1], _national(run.upper()))] if found else []
    groups = [(g.start() + match.start(), g.end() + match.start(), g.group())
              for g in GROUP.finditer(match.group())]
    lengths = [len(g[2].lstrip("+")) for g in groups]
    finds, i = [], 0
    while i < len(groups):
        for j in range(min(len(groups), i + MAX_GROUPS), i, -1):
            if sum(lengths[i:j]) not in NUMBER_LENGTHS:
                continue
            start, end = groups[i][0], groups[j - 1][1]
            digits = "".join(g[2] for g in groups[i:j])
            found = _classify(digits, [g[2] for g in groups[i:j]])
            if found:
                finds.append(Find(found[0], start, end, found[1], _national(digits.upper())))
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


def is_id_number(digits: str) -> bool:
    return id_birth_date(digits) is not None


def id_birth_date(digits: str) -> date | None:
    """The birth date of a mainland resident ID number, or None when it is none: 18 characters
    with a valid birth date and check character (GB 11643), or the older 15 digits with a valid
    birth date. Area codes below province level change too often to judge, so only the province
    is checked. A birth date still to come is no reason to let a number through: detection does
    not depend on the day it runs."""
    if digits[:2] not in PROVINCES:
        return None
    if re.fullmatch(r"[0-9]{17}[0-9X]", digits):
        if ID_CHECK[sum(int(d) * w for d, w in zip(digits, ID_WEIGHTS)) % 11] != digits[17]:
            return None
        year, month, day = digits[6:10], digits[10:12], digits[12:14]
    elif re.fullmatch(r"[0-9]{15}", digits):
        year, month, day = "19" + digits[6:8], digits[8:10], digits[10:12]
    else:
        return None
    try:
        born = date(int(year), int(month), int(day))
    except ValueError:
        return None
    return born if born >= date(1900, 1, 1) else None


def _national(digits: str) -> str:
    """A number without the country code a mobile may carry (+86)."""
    national = digits.lstrip("+")
    return national[2:] if len(national) == 13 and national.startswith("86") else national


def _classify(digits: str, groups: list[str]):
    digits = digits.upper()
    national = _national(digits)
    if len(digits) in (15, 18) and is_id_number(digits):
        return "id_card", digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if re.fullmatch(r"1[3-9][0-9]{9}", national):
        return "mobile", national[:3] + "****" + national[-4:]
    if _looks_like_card(digits, groups) and luhn.is_valid(digits):
        return "bank_card", digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
    return None


def _looks_like_card(digits: str, groups: list[str]) -> bool:
    """16–19 digits from a card issuer, typed in one piece, in fours, or as the issuer's six digits
    and the rest (Luhn alone passes one run of digits in ten: dates and phone numbers typed side by
    side would pass)."""
    if not (digits.isdigit() and 16 <= len(digits) <= 19 and digits[0] in BANK_CARD_FIRST_DIGITS):
        return False
    return (len(groups) == 1 or (len(groups) == 2 and len(groups[0]) == 6)
            or (all(len(g) == 4 for g in groups[:-1]) and 1 <= len(groups[-1]) <= 4))
