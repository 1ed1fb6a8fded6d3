"""The staff guide's pages on error codes, made from `codes.CODES` so that they never drift from it.

One page per code (its severity and what it holds back, the message and hint with each placeholder
explained, and a real line where one is known) and an index grouped by the word after the severity
letter (`E-YAML-SYNTAX` → YAML). The guide's MkDocs hook (docs/guide/hooks.py) adds these pages to
the hand-written ones at build time; nothing generated is kept in git.

The hand-written pages take their field names and examples from the same sources, never typed by
hand: `<!-- fields: SCHEMA PATH -->` becomes a table of the fields at PATH of schemas/SCHEMA (their
Chinese titles and descriptions), and `<!-- sample: FILE -->` the sample repository's FILE as it is.
"""

from __future__ import annotations

import ast
import re
import string
from itertools import groupby
from pathlib import Path

from .codes import CODES, E, P, W
from .schema import describe

CODES_FOLDER = "codes"

# What each kind of code means for the clerk: whether the check fails and what is held back.
SEVERITY = {
    E: ("错误", "检查不通过；出错的内容暂不发布：执法决定文件的错误只影响这一件决定，县里其他文件的错误让本县保留上次的网站，"
                "整个仓库的错误（如根目录的 mkdocs.yml）使 gongshi build 什么也不生成。"),
    P: ("错误（期限或程序）", "检查不通过，但不让任何内容下线：已作出的决定逾期也要公示。"),
    W: ("警告", "检查照常通过，网站照常生成；请核对并在方便时改正。"),
}

# What each placeholder of a message or hint is replaced by in the line a clerk reads. A code with a
# placeholder not explained here fails tests/acceptance/test_guide.py.
PLACEHOLDERS = {
    "by": "已有的公示审批人",
    "new_by": "这次命令中写的审批人",
    "new_date": "这次命令中写的审批日期",
    "events": "可以写的撤下事件（变更、撤销、确认违法、确认无效）",
    "given": "这次命令中已经写了的选项",
    "column": "第几列（从 1 数起），或登记表中的列标题",
    "key": "出错的字段名，或出错这一行上面那一行的字段名",
    "reference": "用来比较缩进的那一行（如“上一行”）",
    "difference": "两行缩进相差的空格数",
    "quote": "引号（' 或 \"）",
    "until": "引号到哪里才结束（或文件末尾）；导入时为执法证的到期日期",
    "inside": "值里本身有引号时的写法提示",
    "rest": "引号之后多出来的文字",
    "bracket": "左括号（[ 或 {）",
    "closing": "与之配对的右括号（] 或 }）",
    "quoted": "加上引号之后的值",
    "words": "这一行开头的文字",
    "spaces": "行首的空格数",
    "start": "列表开始的行号",
    "indent": "还需要多缩进的空格数",
    "suffix": "文件的扩展名（如 .xls）",
    "second": "另一个列标题",
    "row": "登记表中的行号（与 Excel 左侧的行号相同，标题行为第 1 行）",
    "hint": "这一格应当怎样填写",
    "ident": "重复或已存在的编号",
    "actual": "实际读到的内容的类型（如 整数、列表）",
    "age": "成年年龄（周岁）",
    "algorithm": "抽取方法的名称（如 gongshi-draw-1）",
    "allowed": "这里可以写的全部字段名",
    "approved": "批准的日期",
    "approved_by": "批准的负责人",
    "article": "决定所引的法律条款",
    "assumed": "没有写明时按第几版内容格式读取",
    "base": "罚款按其倍数计算的金额（如 骗取金额）",
    "batch": "抽取批次的编号",
    "bound": "全国（或本类执法部门）规定的值",
    "case": "执法决定的编号（文件名）或文号",
    "character": "不能保存的那个字符",
    "citation": "规定这件事的法律法规和条款（本县有更严规定的，同时引用本县的文件）",
    "command": "输入的命令",
    "completed": "法制审核完成的日期",
    "condition": "该条款适用罚款的前提（如 责令改正拒不改正）",
    "count": "实际的个数或人数",
    "county": "县编号",
    "create": "需要时新建文件的说明",
    "date": "相关的日期（如 事件日期、抽取日期、检查日期）",
    "date_from": "开始的日期",
    "date_until": "结束的日期",
    "days": "实际用了的天数或工作日数，或一段期间",
    "deadline": "期限的最后一天",
    "decided": "作出决定的日期",
    "decision": "引用的执法决定编号",
    "description": "对格式的说明（如 日期写成 2021-06-04）",
    "detail": "具体原因（来自系统或读取文件时的说明）",
    "direction": "应当改的方向（不大于、不小于）",
    "draw": "抽取批次的编号",
    "drawn": "这一批实际抽中的对象或人员",
    "earliest": "最早可以的日期",
    "ends": "期间届满的日期",
    "event": "事件（如 撤销、变更、更正）",
    "example": "一个正确写法的例子",
    "exceptions": "可以例外的情形",
    "excluded": "不计入期限的期间",
    "expected": "应当是的类型（如 文字、日期）",
    "extended": "经批准延长的说明",
    "extension": "最多可以延长的工作日数",
    "field": "字段名（列表项从 1 开始数，如 agencies[2].name）",
    "field_from": "表示开始的字段",
    "field_until": "表示结束的字段",
    "file": "文件的路径",
    "filed": "立案日期",
    "files": "有关的文件",
    "fine": "罚款金额",
    "first": "第一次出现的位置（行号、编号或目录）",
    "fix": "具体的改法",
    "flags": "需要写明的字段",
    "folder": "文件应放的文件夹",
    "formed": "检查结果形成的日期",
    "found": "仓库写明的内容格式版本",
    "frozen": "固定抽取结果的文件",
    "generation": "要回退到的那一代网站",
    "guess": "对文件实际编码的推测",
    "high": "罚款上限",
    "item": "清单中的事项",
    "item_power": "清单事项所属的执法事项",
    "items": "有关的清单事项",
    "keep": "保留的代数",
    "kept": "现在保留了的代数",
    "kind": "决定的类别（如 行政处罚）",
    "kinds": "适用的类别",
    "known": "已有的全部名称（命令、县、编号等）",
    "label": "字段名和它的中文标题，如 postcode（邮编）",
    "late": "晚了的工作日数",
    "left": "还剩的工作日数",
    "limit": "规定的上限",
    "line": "行号",
    "list": "所在的清单",
    "listed": "文件中写的人员",
    "lists": "应当依据的清单",
    "low": "罚款下限",
    "masked": "打码后的内容（完整的个人信息不会再打印出来）",
    "minimum": "规定的最少人数",
    "mitigation": "减轻处罚的依据",
    "months": "月数",
    "name": "名称（文件名、人员姓名、对象名称等）",
    "notice": "发布节假日安排的文件",
    "notified": "告知的日期",
    "object": "检查对象的编号",
    "objects": "对象的个数",
    "officer": "执法人员的编号",
    "options": "可以填写的全部值",
    "other": "另一处（字段或文件）",
    "other_date": "另一处的日期",
    "other_where": "另一处的位置",
    "out": "输出目录",
    "page": "PDF 的页码",
    "pinned": "requirements.txt 写明的版本",
    "plan": "抽查计划的编号",
    "plans": "有关的抽查计划",
    "port": "本地预览用的端口号",
    "power": "执法事项的编码",
    "problem": "YAML 格式问题的具体说明",
    "profile": "本县的执法领域（如 医疗保障）",
    "provided": "有相应规定的条款",
    "published": "公示日期，或计划公布日期",
    "ranges": "法定的罚款幅度",
    "reads": "安装的 gongshi 读取的内容格式版本",
    "reason": "原因或理由",
    "reasons": "属于这种情形的原因",
    "recomputed": "重新计算的结果",
    "repaired": "信用修复的日期",
    "requested": "当事人要求听证的日期",
    "reviewer": "法制审核人员的编号",
    "rewrite": "应当怎样改写",
    "roles": "在本案中的角色（承办人员、审核人员）",
    "schema": "这种文件的格式说明（schemas/ 中的文件名）",
    "served": "送达日期",
    "severity": "失信信息的严重程度（轻微、一般、严重）",
    "source": "来源（如 配置文件、开奖公告）",
    "standing": "证件的状态",
    "stated": "文件中写的结果",
    "still": "继续使用的版本的说明",
    "submitted": "送审日期",
    "suggestion": "可能想写的名称",
    "tag": "YAML 标签",
    "target": "指向的文件",
    "task": "检查任务的编号",
    "teams": "执法人员的组数",
    "text": "核对过的原文",
    "title": "中文名称",
    "today": "今天（生成或检查的日期）",
    "total": "合计的工作日数",
    "type": "类型（当事人类型、对象类型或处罚类型）",
    "unit": "单位（如 个工作日、元）",
    "url": "网址或链接",
    "valid": "证件的有效期",
    "value": "文件中写的值",
    "value_date": "公开随机数的开奖日期",
    "version": "安装的 gongshi 的版本",
    "what": "是什么（如 身份证号、手机号，或不一致的那一项）",
    "when": "开奖日期的说明",
    "where": "所在的字段或位置",
    "who": "当事人的类别（公民、法人或其他组织）",
    "why": "原因",
    "withdrawn": "实际撤下的日期",
    "within": "规定的期限（工作日数）",
    "year": "年份",
}

class GuideError(ValueError):
    """What would make the guide say less than gongshi does: a placeholder nobody explained, or a
    directive naming no field or file. The guide does not build."""


# A finding line as the command line prints it: `PATH[:LINE]: CODE message — hint`.
FINDING_LINE = re.compile(r"^\S+: ([EWP]-[A-Z0-9-]+) .+ — .+")


def placeholders(code: str) -> list[str]:
    """The placeholders of a code's message and hint, in order of first use."""
    _, message, hint = CODES[code]
    names = [name for text in (message, hint) for _, name, _, _ in string.Formatter().parse(text) if name]
    return list(dict.fromkeys(names))


def unexplained_placeholders() -> dict[str, list[str]]:
    """Each placeholder used in CODES but not explained in PLACEHOLDERS, with the codes using it."""
    missing: dict[str, list[str]] = {}
    for code in CODES:
        for name in placeholders(code):
            if name not in PLACEHOLDERS:
                missing.setdefault(name, []).append(code)
    return missing


def group_of(code: str) -> str:
    """The word after the severity letter: E-YAML-SYNTAX → YAML."""
    return code.split("-")[1]


def page_path(code: str) -> str:
    return f"{CODES_FOLDER}/{code}.md"


def example_lines(folder: Path | None) -> dict[str, str]:
    """For each code, the first whole finding line a test of `folder` asserts word for word: a line
    gongshi really prints, kept true by the test that holds it."""
    examples: dict[str, str] = {}
    for test_file in sorted(folder.glob("test_*.py")) if folder else []:
        for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "{" not in node.value:
                match = FINDING_LINE.match(node.value)
                if match and match.group(1) in CODES:
                    examples.setdefault(match.group(1), node.value)
    return examples


def code_pages(examples: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page of the guide, by its path in the guide's docs folder."""
    missing = unexplained_placeholders()
    if missing:
        raise GuideError(f"placeholders not explained in generator/guide.py PLACEHOLDERS: {missing}")
    examples = examples or {}
    pages = {f"{CODES_FOLDER}/index.md": _index_page()}
    for code in CODES:
        pages[page_path(code)] = _code_page(code, examples.get(code))
    return pages


def _shown(template: str) -> str:
    """A message with each placeholder shown as 〔name〕, so that it reads as a gap to be filled."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(literal)
        if name:
            parts.append(f"〔{name}〕")
    return _escaped("".join(parts))


def _escaped(text: str) -> str:
    """Markdown would take * _ < [ in a message as markup; the guide shows them as they are printed."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _code_page(code: str, example: str | None) -> str:
    kind, message, hint = CODES[code]
    severity, effect = SEVERITY[kind]
    lines = [f"# {code}", "", f"**{severity}**：{effect}", "",
             "## 提示的内容", "", f"说明：{_shown(message)}", "", f"改正方法：{_shown(hint)}", ""]
    names = placeholders(code)
    if names:
        lines += ["〔 〕中的部分在实际的提示中换成具体的内容：", "", "| 位置 | 换成 |", "|---|---|"]
        lines += [f"| 〔{name}〕 | {PLACEHOLDERS[name]} |" for name in names]
        lines.append("")
    if example:
        lines += ["## 实际的例子", "", "```", example, "```", "",
                  "（摘自 gongshi 的测试，与 gongshi 打印的逐字相同。）", ""]
    lines += ["## 怎样读这一行", "", "见[读懂检查结果](../reading-findings.md)。", ""]
    return "\n".join(lines)


def _index_page() -> str:
    lines = ["# 全部问题代码", "",
             "每个问题都有一个固定不变的代码。`E-` 开头的是错误，`W-` 开头的是警告。"
             "下面按代码的第二段分组，点开代码可以看到它的说明、改正方法和例子。", "",
             "这些页面由 gongshi 的代码表（`generator/codes.py`）自动生成，与安装的版本一致。", ""]
    for group, codes in groupby(sorted(CODES, key=lambda c: (group_of(c), c)), key=group_of):
        lines += [f"## {group}", "", "| 代码 | 类别 | 说明 |", "|---|---|---|"]
        for code in codes:
            kind, message, _ = CODES[code]
            lines.append(f"| [{code}]({code}.md) | {SEVERITY[kind][0]} | {_shown(message)} |")
        lines.append("")
    return "\n".join(lines)


DIRECTIVE = re.compile(r"^<!-- (fields|sample): (\S+)(?: (\S+))? -->$", re.MULTILINE)


def expand_directives(markdown: str, root: Path) -> str:
    """The page with each directive replaced by what it names; `root` is the repository the
    samples are read from."""
    def replace(match: re.Match) -> str:
        kind, first, second = match.groups()
        return _fields_table(first, second or "") if kind == "fields" else _sample(root, first)
    return DIRECTIVE.sub(replace, markdown)


def _fields_table(schema: str, dotted: str) -> str:
    """The fields of `schema` at `dotted` (`*` for the items of a list): name, title, description,
    and whether it must be filled in."""
    path = [0 if step == "*" else step for step in dotted.split(".") if step]
    node = describe(f"{schema}.schema.json", path)["schema"]
    if isinstance(node.get("items"), dict):
        path.append(0)
        node = describe(f"{schema}.schema.json", path)["schema"]
    properties = node.get("properties")
    if not properties:
        raise GuideError(f"{schema}.schema.json has no fields at {dotted or '(top)'}")
    required = set(node.get("required", []))
    rows = ["| 字段 | 名称 | 说明 | 必填 |", "|---|---|---|---|"]
    for name in properties:
        field = describe(f"{schema}.schema.json", path + [name])
        rows.append(f"| `{name}` | {_escaped(field['title'])} | {_escaped(field['description'])} | "
                    f"{'是' if name in required else ''} |")
    return "\n".join(rows)


def _sample(root: Path, relative: str) -> str:
    path = root / relative
    if not path.is_file():
        raise GuideError(f"no sample file {relative}")
    language = "yaml" if path.suffix == ".yml" else ""
    return f"`{relative}`：\n\n```{language}\n{path.read_text(encoding='utf-8').rstrip()}\n```"
