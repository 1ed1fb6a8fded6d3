"""A file YAML cannot read: the exact Chinese line a clerk reads, never the parser's English.

Each case is one typing mistake a clerk makes in the sample county's subject.yml; the last test
breaks a real decision file in every way a key press can, and reads every message."""

import re

import pytest
import yaml

SUBJECT = "content/shili/subject.yml"
DECISION = "content/shili/decisions/2026-002.yml"
HEAD = "    head: 张示例\n"


def errors(lines):
    return [line for line in lines if ": E-" in line]


@pytest.mark.parametrize("old, new, expected", [
    pytest.param(HEAD, "      head: 张示例\n",
                 "12: E-YAML-INDENT-DEEPER 第 12 行的缩进比上一行（duties）多了 2 格，YAML 把这一行读成了上一行的值的延续 — "
                 "同一层的字段要上下对齐：请让这一行与上一行对齐（缩进 4 格）；如果这一行属于上一行的 duties，duties: 后面就不能再写值",
                 id="indented-deeper"),
    pytest.param(HEAD, "   head: 张示例\n",
                 "12: E-YAML-INDENT-SHALLOWER 第 12 行的缩进比上一行（duties）少了 1 格，与上面哪一层都对不齐 — "
                 "同一层的字段要上下对齐：请让这一行与上一行对齐（缩进 4 格）；如果它属于更外面的一层，请与那一层的字段对齐",
                 id="indented-shallower"),
    pytest.param(HEAD, "\thead: 张示例\n",
                 "12: E-YAML-TAB 第 12 行第 1 列有一个 Tab 键（制表符），YAML 不能用它缩进或分隔 — "
                 "请把它换成空格：缩进每层两个空格，冒号后一个空格；编辑器可以设置为按 Tab 键输入空格",
                 id="tab"),
    pytest.param("phone: '0000-1234567'", "phone: \"0000-1234567",
                 "6: E-YAML-QUOTE-OPEN 第 6 行第 8 列的双引号 \" 在这一行没有结束，后面的内容都被读成了这个值的一部分，直到文件结尾 — "
                 "请在这个值的结尾补上 \"，或删除开头的 \"；值中本身有双引号的，写成 \\\"",
                 id="double-quote-unclosed"),
    pytest.param("postcode: '100000'", "postcode: '100000",
                 "5: E-YAML-QUOTE-OPEN 第 5 行第 11 列的单引号 ' 在这一行没有结束，后面的内容都被读成了这个值的一部分，直到第 6 行的 ' — "
                 "请在这个值的结尾补上 '，或删除开头的 '；值中本身有单引号的，写成两个单引号 ''",
                 id="single-quote-unclosed"),
    pytest.param("name: 示例县医疗保障局", "name: [示例县医疗保障局",
                 "3: E-YAML-BRACKET-OPEN 第 3 行第 7 列的方括号 [ 没有配对的 ] — "
                 "请在这个值的结尾补上 ]；如果这个值是一段以 [ 开头的文字，请给整个值加上引号",
                 id="bracket-unclosed"),
    pytest.param("name: 示例县医疗保障局", "name: {示例县医疗保障局",
                 "3: E-YAML-BRACKET-OPEN 第 3 行第 7 列的花括号 { 没有配对的 } — "
                 "请在这个值的结尾补上 }；如果这个值是一段以 { 开头的文字，请给整个值加上引号",
                 id="brace-unclosed"),
    pytest.param("name: 示例县医疗保障局", "name: 示例县: 医疗保障局",
                 "3: E-YAML-COLON-IN-VALUE 第 3 行 name 的值中有“冒号加空格”，YAML 把它读成了又一个字段 — "
                 "请给整个值加上引号：name: '示例县: 医疗保障局'；或把值中的冒号改成中文冒号“：”",
                 id="colon-in-value"),
    pytest.param(HEAD, "  head: 张示例\n",
                 "12: E-YAML-MIXED 第 12 行的字段和第 9 行开始的列表在同一层：一层中不能既有列表项（“- ”开头）又有“字段: 值” — "
                 "如果这一行属于上面的列表项，请再缩进 2 格，与第 9 行“- ”后面的内容对齐；否则请检查缩进",
                 id="list-item-and-field-at-one-level"),
    pytest.param("agencies:\n", "agencies\n",
                 "8: E-YAML-NO-COLON 第 8 行的“agencies”后面没有冒号，YAML 不知道它是字段名还是上一行的值 — "
                 "字段名后面要写英文冒号，如 agencies:（下一层的内容写在下面几行，多缩进两格）；如果它是上一行的值的一部分，请把它接在上一行的值后面",
                 id="field-without-colon-above-its-block"),
    pytest.param("website: https", "website：https",
                 "7: E-YAML-FULLWIDTH-COLON 第 7 行字段名 website 后面是中文冒号“：”，YAML 只认英文冒号 — 请改成英文冒号加一个空格：website: ",
                 id="full-width-colon"),
    pytest.param("phone: '0000-1234567'", "phone：'0000-1234567'",
                 "6: E-YAML-FULLWIDTH-COLON 第 6 行字段名 phone 后面是中文冒号“：”，YAML 只认英文冒号 — 请改成英文冒号加一个空格：phone: ",
                 id="full-width-colon-before-a-quote"),
    pytest.param(HEAD, "\u3000\u3000head: 张示例\n",
                 "12: E-YAML-FULLWIDTH-SPACE 第 12 行开头用了全角空格（中文输入法下的空格）缩进，YAML 不把它当作缩进 — "
                 "请删掉行首的空白，切换到英文输入法后用空格键重新缩进，与同一层的字段对齐",
                 id="full-width-spaces"),
    pytest.param("postcode: '100000'\n", "postcode: '100000'\n\u3000\u3000fax: '0000-1234567'\n",
                 "6: E-YAML-FULLWIDTH-SPACE 第 6 行开头用了全角空格（中文输入法下的空格）缩进，YAML 不把它当作缩进 — "
                 "请删掉行首的空白，切换到英文输入法后用空格键重新缩进，与同一层的字段对齐",
                 id="full-width-spaces-yaml-reads-as-a-field-name"),
])
def test_a_yaml_mistake_is_named_in_chinese_with_its_line(project, gongshi, old, new, expected):
    project.edit(SUBJECT, old, new)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert errors(lines) == [f"{SUBJECT}:{expected}"]


PARSER_ENGLISH = re.compile(r"expected|found|while|scanning|parsing|mapping|block|flow|could not|token|scalar|stream", re.I)
MISTAKES = {"drop a space": lambda line: line.replace(" ", "", 1), "add a space": lambda line: " " + line,
            "add a colon": lambda line: line.replace(" ", ": ", 1), "add a quote": lambda line: line.replace(": ", ": '", 1),
            "add a double quote": lambda line: line.replace(": ", ': "', 1), "add a bracket": lambda line: line.replace(": ", ": [", 1),
            "add a brace": lambda line: line.replace(": ", ": {", 1), "drop the colon": lambda line: line.replace(":", "", 1),
            "full-width colon": lambda line: line.replace(": ", "：", 1), "tab": lambda line: "\t" + line.lstrip(" "),
            "full-width space": lambda line: "\u3000" + line.lstrip(" ")}


def broken_variants(text: str):
    """Every one-key-press mistake on every line of `text` that YAML cannot read."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        for mistake in MISTAKES.values():
            variant = "\n".join(lines[:number] + [mistake(line)] + lines[number + 1:])
            try:
                yaml.compose(variant, Loader=yaml.SafeLoader)
            except yaml.YAMLError:
                yield variant


def test_no_broken_file_shows_the_parser_english_or_a_traceback(project, gongshi):
    variants = list(dict.fromkeys(broken_variants(project.file(DECISION).read_text(encoding="utf-8"))))
    assert len(variants) > 100
    for number, variant in enumerate(variants):
        project.write(f"content/shili/decisions/broken-{number:03}.yml", variant)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    for number in range(len(variants)):
        path = f"content/shili/decisions/broken-{number:03}.yml"
        said = [line for line in lines if line.startswith(path + ":")]
        assert said and all(re.match(rf"{re.escape(path)}:\d+: E-YAML-[A-Z-]+ ", line) for line in said), (variants[number], said)
        assert not any(PARSER_ENGLISH.search(line) for line in said), said
