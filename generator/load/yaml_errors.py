"""A YAML mistake in a clerk's words.

PyYAML says what its grammar expected (`expected <block end>, but found '?'`), which no clerk can
act on. Its errors fall into a few families, told apart by the parser's `problem` and `context`
and by the two marks (where the construct began, where reading failed); the text around the marks
tells what the clerk typed: a tab, a full-width space or colon from a Chinese input method, a quote
or bracket left open, a line indented one step too far or too little. Each family is a code of its
own, with the line (and the column where it helps) and the numbers read from the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..codes import finding
from ..findings import Finding

# A field name as schemas write them, then a full-width colon: the Chinese input method's colon.
FULLWIDTH_COLON = re.compile(r"^[ \u3000]*(?:-[ \u3000]+)*(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[ \u3000]*：")
# A field on a line: its key and where the key starts; a list item's dashes come before it.
FIELD = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)*)(?P<key>[^\s:#'\"\[\]{},-][^:#]*?|'[^']*'|\"[^\"]*\")[ ]*:(?:[ ]|$)")
LEADING_BLANKS = re.compile(r"^[ \u3000\t]*")
QUOTE_NAMES = {"'": "单引号", '"': "双引号"}
QUOTE_INSIDE = {"'": "值中本身有单引号的，写成两个单引号 ''", '"': "值中本身有双引号的，写成 \\\""}
BRACKETS = {"[": ("方括号", "]"), "{": ("花括号", "}")}


@dataclass(frozen=True)
class _Text:
    """The file's lines, read the way a clerk sees them: columns counted from 0, lines from 0."""

    lines: list

    @classmethod
    def of(cls, text: str) -> "_Text":
        return cls(text.split("\n"))

    def line(self, number: int) -> str:
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def indent(self, number: int) -> int:
        line = self.line(number)
        return len(line) - len(line.lstrip(" "))

    def content_column(self, number: int) -> int:
        """Where the line's field or value starts, after any list dashes."""
        match = re.match(r"^[ ]*(?:-[ ]+)*", self.line(number))
        return match.end()

    def is_content(self, number: int) -> bool:
        stripped = self.line(number).strip(" ")   # not str.strip(): a full-width space is content to YAML
        return bool(stripped) and not stripped.startswith("#")

    def previous_content(self, number: int) -> int | None:
        for earlier in range(number - 1, -1, -1):
            if self.is_content(earlier):
                return earlier
        return None

    def field(self, number: int):
        return FIELD.match(self.line(number))


def explain(exc: yaml.YAMLError, text: str, display: str) -> Finding:
    """The one finding for a file PyYAML could not read."""
    problem = exc.problem_mark if isinstance(exc, yaml.MarkedYAMLError) else None
    context = exc.context_mark if isinstance(exc, yaml.MarkedYAMLError) else None
    if problem is None and context is None:
        return finding("E-YAML-SYNTAX", display, 1, column=1)
    at = problem or context
    code, line, params = _mistake(exc, _Text.of(text), at, context)
    return finding(code, display, line + 1, **params)


def typing_mistake(line_text: str):
    """A full-width space before a field or a full-width colon after one, on a line YAML read
    without complaint (as a strange field name or a plain text): (code, params) or None."""
    blanks = LEADING_BLANKS.match(line_text).group()
    if "\u3000" in blanks:
        return "E-YAML-FULLWIDTH-SPACE", {}
    colon = FULLWIDTH_COLON.match(line_text)
    if colon:
        return "E-YAML-FULLWIDTH-COLON", {"key": colon.group("key")}
    return None


def _mistake(exc, text: _Text, at, context):
    problem_text = exc.problem or ""
    context_text = exc.context or ""
    if "'\\t'" in problem_text:
        return "E-YAML-TAB", at.line, {"column": at.column + 1}
    typed = _typed_mistake_near(text, at, context)
    if typed:
        return typed
    if "mapping values are not allowed" in problem_text:
        return _colon_where_no_field_can_be(text, at)
    if "could not find expected ':'" in problem_text and context is not None:
        return _without_colon(text, context.line)
    if "quoted scalar" in context_text:
        return _quote(text, exc, context)
    if context_text.startswith("while parsing a flow") and context is not None:
        return _bracket(text, context, at)
    if context_text.startswith(("while scanning an anchor", "while scanning an alias", "while scanning a tag",
                                "while scanning a block scalar")) and context is not None:
        return _reserved(text, context)
    if "cannot start any token" in problem_text or "expected the node content" in problem_text:
        return _reserved(text, at)
    if problem_text.endswith("found ':'"):
        return "E-YAML-NO-KEY", at.line, {}
    if "expected '<document start>'" in problem_text:
        return _first_field_indented(text) or _syntax(at)
    if "expected <block end>" in problem_text and context is not None:
        return _block_end(text, exc, at, context)
    if "expected a single document" in context_text:
        return "E-YAML-DOCUMENTS", at.line, {}
    return _syntax(at)


def _syntax(at):
    return "E-YAML-SYNTAX", at.line, {"column": at.column + 1}


def _typed_mistake_near(text: _Text, at, context):
    """A full-width space or colon on the failing line, the line before it or where the failing
    construct began: whatever the parser made of it, that is what to fix."""
    candidates = [at.line, text.previous_content(at.line)]
    if context is not None:
        candidates.append(context.line)
    for number in candidates:
        if number is None:
            continue
        mistake = typing_mistake(text.line(number))
        if mistake:
            code, params = mistake
            return code, number, params
    return None


def _colon_where_no_field_can_be(text: _Text, at):
    """`: ` where YAML cannot start a field: after another field on the same line (a colon in the
    value), or on a line indented deeper than the field before it (read as that field's text)."""
    field = text.field(at.line)
    if field and field.end() <= at.column:
        key = field.group("key")
        value = text.line(at.line)[field.end():].strip()
        return "E-YAML-COLON-IN-VALUE", at.line, {"key": key, "value": value, "quoted": value.replace("'", "''")}
    before = text.previous_content(at.line)
    if before is not None and not text.field(before) and text.content_column(before) < len(text.line(before)) \
            and text.line(before)[text.content_column(before)] not in "'\"[{":
        return _without_colon(text, before)   # a word alone on its line, then a deeper block: its colon is missing
    return _indentation(text, at.line) or _syntax(at)


def _first_field_indented(text: _Text):
    """The file's first field indented: the lines after it, at the margin, belong to no block."""
    first = next((line for line in range(len(text.lines)) if text.is_content(line)), None)
    if first is None or text.indent(first) == 0:
        return None
    return "E-YAML-INDENT-FIRST", first, {"spaces": text.indent(first)}


def _without_colon(text: _Text, number: int):
    words = text.line(number)[text.content_column(number):].strip()
    return "E-YAML-NO-COLON", number, {"words": words[:20] + ("…" if len(words) > 20 else "")}


def _indentation(text: _Text, number: int):
    """The line against the nearest field above it: how many columns more or fewer."""
    above = text.previous_content(number)
    nearest_field = next((line for line in range(number - 1, -1, -1) if text.is_content(line) and text.field(line)), None)
    for reference in dict.fromkeys((above, nearest_field)):   # a text continued over lines: its field decides
        if reference is not None:
            found = _against(text, number, reference)
            if found:
                return found
    return None


def _against(text: _Text, number: int, reference: int):
    starts_item = text.line(number).lstrip(" ").startswith("- ")
    if starts_item and text.line(reference).lstrip(" ").startswith("- "):
        target = text.indent(reference)  # a list item lines up with the item above, dash under dash
    else:
        target = text.content_column(reference)
    own = text.indent(number)
    if own == target:
        return None
    params = {"reference": "上一行" if reference == text.previous_content(number) else f"第 {reference + 1} 行",
              "key": _field_name(text, reference), "difference": abs(own - target), "target": target}
    return ("E-YAML-INDENT-DEEPER" if own > target else "E-YAML-INDENT-SHALLOWER"), number, params


def _quote(text: _Text, exc, context):
    if "escape" in (exc.problem or ""):
        at = exc.problem_mark
        escaped = text.line(at.line)[at.column:at.column + 1] or "（行尾）"
        return "E-YAML-ESCAPE", at.line, {"character": escaped}
    return _open_quote(text, context, until="文件结尾")


def _open_quote(text: _Text, opened, until: str):
    quote = text.line(opened.line)[opened.column:opened.column + 1]
    if quote not in QUOTE_NAMES:
        return _syntax(opened)
    return "E-YAML-QUOTE-OPEN", opened.line, {"column": opened.column + 1, "quote": quote, "name": QUOTE_NAMES[quote],
                                              "until": until, "inside": QUOTE_INSIDE[quote]}


def _bracket(text: _Text, opened, at):
    bracket = text.line(opened.line)[opened.column:opened.column + 1]
    if bracket not in BRACKETS:
        return _syntax(at)
    name, closing = BRACKETS[bracket]
    params = {"column": opened.column + 1, "bracket": bracket, "name": name, "closing": closing}
    if at.line > opened.line:
        return "E-YAML-BRACKET-OPEN", opened.line, params
    return "E-YAML-BRACKET-VALUE", opened.line, params


def _reserved(text: _Text, at):
    character = text.line(at.line)[at.column:at.column + 1]
    if not character.strip():
        return _syntax(at)
    return "E-YAML-RESERVED", at.line, {"column": at.column + 1, "character": character}


def _block_end(text: _Text, exc, at, context):
    """A line that neither continues its block nor closes it: a value after a closing quote, a
    field among list items (or an item among fields), or an indentation that matches no level."""
    closed_quote = _quoted_scalar_before(text, at)
    if closed_quote is not None:
        opened, closed_line = closed_quote
        if opened.line < closed_line:
            quote = text.line(opened.line)[opened.column]
            return _open_quote(text, opened, until=f"第 {closed_line + 1} 行的 {quote}")
        rest = text.line(at.line)[at.column:].strip()
        quote = text.line(opened.line)[opened.column]
        return "E-YAML-QUOTE-EARLY", at.line, {"quote": quote, "rest": rest, "inside": QUOTE_INSIDE[quote]}
    found = (exc.problem or "").rsplit("found ", 1)[-1]
    if at.column == context.column and found in ("'?'", "'-'"):
        if found == "'?'":
            return "E-YAML-MIXED", at.line, {"start": context.line + 1, "indent": text.content_column(context.line) - at.column}
        return "E-YAML-ITEM-AMONG-FIELDS", at.line, {"start": context.line + 1}
    return _indentation(text, at.line) or _syntax(at)


def _field_name(text: _Text, number: int) -> str:
    field = text.field(number)
    return field.group("key") if field else text.line(number).strip()[:20]


def _quoted_scalar_before(text: _Text, at):
    """(where it opened, the line it closed on) of a quoted value ending just before `at`."""
    line = text.line(at.line)[:at.column].rstrip(" ")
    if not line.endswith(("'", '"')):
        return None
    last = None
    try:
        for token in yaml.scan("\n".join(text.lines), Loader=yaml.SafeLoader):
            if token.start_mark.index >= at.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if isinstance(last, yaml.ScalarToken) and last.style in QUOTE_NAMES:
        return last.start_mark, last.end_mark.line
    return None
