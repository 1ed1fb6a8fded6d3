"""The one way personal data is read: every detector, the masking of the public view and the leak
scan all look at text through `normalise`, so a spelling that gets past one gets past none.

What it does to the typed text:
- compatibility forms become plain ones (NFKC: full-width digits, ⽰ for 示, ① for 1); full-width
  punctuation that no pattern reads inside a number or an address (，：（）) stays, the patterns take
  both widths;
- characters a reader does not see as their own are removed (invisible.py: format characters such
  as zero-width and word joiners and soft hyphens, combining marks, variation selectors);
- every kind of space becomes a space, every dash a hyphen, every slash a slash, so that a run of
  them between digit groups reads as one separator;
- Chinese digits (一三八…, with 幺 and 〇) read as digits where seven or more of them form a number;
- 。 between letters or digits reads as a dot (name@163。com);
- in Markdown (`markdown=True`): character references are decoded (&#53; is 5), inline HTML
  elements and comments are ignored (5108<span></span>23 is one number), and the lines of one
  paragraph read as one line, as the page shows them.

Line breaks stay: digits are never joined across lines of YAML text, paragraphs, list items,
headings or table cells (a `|` is no separator). Each find maps back to the stretch of text that
was typed (`Normal.typed_span`), so masking replaces exactly what the clerk wrote.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .invisible import RANGES

# Same length in and out: applied first, so that most text needs no position map at all.
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d\u30fc"
SLASHES = "\u2044\u2215\uff0f"
SAME_LENGTH_CHARACTERS = set(SPACES + DASHES + SLASHES + "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19ＸｘＸ＋．＠")
SAME_LENGTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, **dict.fromkeys(SPACES, " "),
                             **dict.fromkeys(DASHES, "-"), **dict.fromkeys(SLASHES, "/"),
                             "Ｘ": "X", "ｘ": "x", "＋": "+", "．": ".", "＠": "@"})
CHINESE_DIGITS = {"〇": "0", "零": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5",
                  "六": "6", "七": "7", "八": "8", "九": "9"}
# Seven or more Chinese digits, spaces and dashes allowed between them: a number read aloud.
CHINESE_NUMBER = re.compile(f"[{''.join(CHINESE_DIGITS)}](?:[ -]?[{''.join(CHINESE_DIGITS)}]){{6,}}")
CHINESE_TO_DIGITS = str.maketrans(CHINESE_DIGITS)
# (Patterns that start with a plain character are searched for fastest: 。 first, then what is around it.)
IDEOGRAPHIC_DOT = re.compile(r"。(?<=[A-Za-z0-9]。)(?=[A-Za-z0-9])")
# The punctuation patterns read in numbers and e-mail addresses: its compatibility forms are mapped.
DETECTION_PUNCTUATION = set(" ._%+-@/[]")

INVISIBLE = re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in RANGES) + "]")
# Python's re reads a class with characters beyond the first plane a hundred times slower: text
# without such characters is searched with the first plane's part alone.
INVISIBLE_BMP = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in RANGES if b <= 0xFFFF)

# Markdown: what a page does not show as typed.
_BLOCK_TAGS = "p|div|br|hr|li|ul|ol|dl|dt|dd|td|th|tr|table|thead|tbody|h[1-6]|blockquote|pre|section|article|header|footer|nav|title|option"
_MARKDOWN = re.compile(
    rf"(?P<block></?(?:{_BLOCK_TAGS})\b[^<>]{{0,300}}>)"     # a block element: a boundary, like a line break
    r"|(?P<inline><!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*\b[^<>]{0,300}>)"   # inline elements and comments: nothing
    r"|(?P<reference>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<newline>\n)",
    re.S | re.I)
# A line that starts a block of its own rather than continuing the paragraph above it.
_STARTS_BLOCK = re.compile(r"[ \t]*(?:\n|$|#|>|\||```|~~~|[-*+][ \t]|[0-9]{1,9}[.)][ \t])|[ ]{4}")
_ENDS_PARAGRAPH = re.compile(r"[ \t]*(?:#|\|)|.*(?:  |\\)$")   # a heading or table row; a hard line break

@dataclass(frozen=True)
class Normal:
    """Text as the detectors read it, and where it was typed: `segments` are (start, end, typed
    start, typed end, copied) in order; a copied segment maps character by character, any other
    (an expansion, a decoded reference, a joined line) maps as a whole. None: the same places."""

    text: str
    segments: tuple | None = None
    starts: tuple | None = None    # where each segment starts, for the search
    # Or, for plain text: the text before its special characters were rewritten and how they are
    # found, its position map made only when a find asks for it (most text has none to map).
    rewritten_from: tuple | None = field(default=None, repr=False, compare=False)

    @cached_property
    def _map(self) -> tuple:
        if self.rewritten_from is None:
            return self.segments, self.starts
        mapped = _rewritten(*self.rewritten_from)
        return mapped.segments, mapped.starts

    def typed_span(self, start: int, end: int) -> tuple[int, int]:
        segments, starts = self._map
        if segments is None:
            return start, end
        first = segments[bisect.bisect_right(starts, start) - 1]
        last = segments[bisect.bisect_right(starts, end - 1) - 1]
        typed_start = first[2] + (start - first[0]) if first[4] else first[2]
        typed_end = last[2] + (end - last[0]) if last[4] else last[3]
        return typed_start, typed_end


def normalise(typed: str, markdown: bool = False) -> Normal:
    forms = _compatibility()
    astral = _beyond_first_plane(typed)
    # Compatibility forms are rare in what clerks type: replacing each where it is found is ten
    # times faster than translating every character.
    text = (forms.one_all if astral else forms.one_bmp).sub(lambda m: forms.table[m.group()], typed)
    special = forms.special_all if astral else forms.special_bmp
    if markdown:
        normal = _rewritten(text, markdown, special)
    elif special.search(text):   # the same text as _rewritten gives, its map made when asked for
        normal = Normal(special.sub(lambda m: _plain_character(m.group()), text), rewritten_from=(text, False, special))
    else:
        normal = Normal(text)
    # same length from here on: the position map stays as it is
    text = IDEOGRAPHIC_DOT.sub(".", normal.text)
    text = CHINESE_NUMBER.sub(lambda m: m.group().translate(CHINESE_TO_DIGITS), text)
    return Normal(text, normal.segments, normal.starts, normal.rewritten_from)


def _beyond_first_plane(text: str) -> bool:
    """Whether `text` has a character beyond U+FFFF (two UTF-16 units each): faster than any search."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


@dataclass(frozen=True)
class _Forms:
    table: dict            # a compatibility form (one character) → its plain character
    one_bmp: re.Pattern    # where such forms are, in text of the first plane / in any text
    one_all: re.Pattern
    special_bmp: re.Pattern   # invisible characters and forms that become several characters
    special_all: re.Pattern
    full: dict             # every form, punctuation included (str.translate): how secrets are compared
    full_bmp: re.Pattern   # where such forms are, in text of the first plane / in any text
    full_all: re.Pattern


@lru_cache(maxsize=1)
def _compatibility() -> _Forms:
    """The compatibility forms (NFKC) that are one character, with the spaces, dashes and slashes
    above (forms of punctuation alone, … for ..., become their first character); and a pattern
    for what needs more: the invisible characters, and forms that become several characters with
    letters or digits among them (⑩, ㈠).

    Full-width punctuation that no pattern reads as part of a number or an address (，：（）；！？
    and the like) is left as typed for detection: the patterns take it in either width, and it is
    the commonest character in Chinese text. Declared secrets are compared in full NFKC (`compact`)."""
    full, longer = {}, []
    for code in range(0x30000):   # no character beyond changes under NFKC (tests/unit/test_normalise.py)
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF or unicodedata.is_normalized("NFKC", ch):
            continue
        plain = unicodedata.normalize("NFKC", ch).translate(SAME_LENGTH)
        if len(plain) == 1 or not any(c.isalnum() for c in plain):
            full[code] = plain[:1] or " "
        else:
            longer.append(ch)
    full.update(SAME_LENGTH)
    table = {chr(code): plain for code, plain in full.items()
             if plain.isalnum() or plain in DETECTION_PUNCTUATION or chr(code) in SAME_LENGTH_CHARACTERS}
    longer_bmp = "".join(re.escape(c) for c in longer if c <= "\uffff")
    return _Forms(table, _character_class(c for c in table if c <= "\uffff"), _character_class(table),
                  re.compile(f"(?P<special>[{INVISIBLE_BMP}{longer_bmp}])"),
                  re.compile(f"(?P<special>{INVISIBLE.pattern}|[{''.join(re.escape(c) for c in longer)}])"), full,
                  _character_class(chr(code) for code in full if code <= 0xFFFF), _character_class(chr(code) for code in full))


def _character_class(characters) -> re.Pattern:
    codes, ranges = sorted(ord(c) for c in characters), []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return re.compile("[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]")


@lru_cache(maxsize=1)
def _markdown(special: re.Pattern) -> re.Pattern:
    return re.compile(f"{_MARKDOWN.pattern}|{special.pattern}", re.S | re.I)


def compact(text: str) -> str:
    """Normalised text, punctuation in full NFKC, without any white space: how a declared secret
    is searched for."""
    return compacted(normalise(text))


def compacted(normal: Normal) -> str:
    """`compact` of text already normalised."""
    forms = _compatibility()
    where = forms.full_all if _beyond_first_plane(normal.text) else forms.full_bmp
    full = where.sub(lambda m: forms.full[ord(m.group())], normal.text)
    return "".join(full.split())


def _rewritten(text: str, markdown: bool, special: re.Pattern) -> Normal:
    """Text with invisible characters dropped, longer compatibility forms expanded and (`markdown`)
    the markup a page does not show undone, as copied stretches and replaced pieces."""
    pieces, segments, length = [], [], 0

    def put(piece: str, typed_start: int, typed_end: int, copied: bool) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            segments.append((length, length + len(piece), typed_start, typed_end, copied))
            length += len(piece)

    position = 0
    for match in (_markdown(special) if markdown else special).finditer(text):
        put(text[position:match.start()], position, match.start(), True)
        put(_replacement(text, match, markdown), match.start(), match.end(), False)
        position = match.end()
    put(text[position:], position, len(text), True)
    return Normal("".join(pieces), tuple(segments), tuple(segment[0] for segment in segments))


def _replacement(text: str, match: re.Match, markdown: bool) -> str:
    if match.lastgroup == "block":
        return "\n"
    if match.lastgroup == "reference":
        return _plain(html.unescape(match.group()))
    if match.lastgroup == "newline":
        return " " if _continues(text, match.start()) else "\n"
    if match.lastgroup == "inline":
        return ""
    return _plain(match.group())   # an invisible character, or a form that becomes several


@lru_cache(maxsize=4096)
def _plain_character(character: str) -> str:
    return _plain(character)


def _plain(text: str) -> str:
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", text).translate(SAME_LENGTH))


def _continues(text: str, newline: int) -> bool:
    """Whether the line after this line break is read on as part of the same paragraph."""
    line_start = text.rfind("\n", 0, newline) + 1
    return not _ENDS_PARAGRAPH.match(text, line_start, newline) and not _STARTS_BLOCK.match(text, newline + 1)
