"""Safe YAML loading that remembers where every value came from.

PyYAML's loaders drop line numbers and keep the last of two duplicate keys without a word;
both would cost a clerk their data or their bearings. So we compose the node tree with the safe
loader and build plain Python values ourselves:
- each mapping key and sequence item records its line, so any later finding can name it;
- a duplicate key is a finding naming both lines;
- dates stay strings (`2021-06-04`), so the schema can check the calendar and the text stays exact;
- the scalar text a clerk typed is kept, to explain `no` read as false or a phone read as a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from ..codes import finding
from ..paths import display_path
from ..privacy.redaction import Redacted, redact
from .yaml_errors import explain, typing_mistake

Path_ = tuple  # a path into the data: keys and 0-based indexes

_PLAIN_TAGS = {
    "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}


@dataclass
class YamlDocument:
    """One loaded content file."""

    path: Path                 # where it is on disk
    display: str               # how findings name it (relative to the working directory)
    schema: str = ""           # the schema file it is written to
    data: object = None
    lines: dict = field(default_factory=dict)   # data path → 1-based line
    typed: dict = field(default_factory=dict)   # data path → the scalar text as typed

    @cached_property
    def redacted(self) -> Redacted:
        """The data as it may be published, and what redaction did to it: computed once, read by
        the check stage (what to report) and the public view (what to publish). Never modify it."""
        return redact(self.data, self.schema)

    def line_of(self, path: Path_) -> int:
        """The line of a path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


MAX_DEPTH = 32

# libyaml, PyYAML's C parser, where it is installed: several times faster on a province's files.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _composed(text: str):
    """The node tree of `text`. A file libyaml cannot read is read again by the pure-Python loader,
    whose messages and positions the findings are written for (and whose depth limit holds)."""
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except (yaml.YAMLError, RecursionError, ValueError):
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


class _Builder:
    def __init__(self, doc: YamlDocument):
        self.doc = doc
        self.findings = []
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        self.seen = set()  # composed nodes already built: a second visit is an alias

    def value(self, node, path):
        # Aliases can point at themselves or multiply a small file into gigabytes; content
        # files never need them, so each node is built once and an alias is a finding.
        if id(node) in self.seen:  # an alias carries its anchor's position: name where it is used
            self.findings.append(finding("E-YAML-ALIAS", self.doc.display, self.doc.line_of(path)))
            return None
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            self.findings.append(finding("E-YAML-DEPTH", self.doc.display, node.start_mark.line + 1, limit=MAX_DEPTH))
            return None
        if node.tag not in _PLAIN_TAGS:
            self.findings.append(finding("E-YAML-TAG", self.doc.display, node.start_mark.line + 1, tag=node.tag))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, child in enumerate(node.value):
                self.doc.lines[path + (i,)] = child.start_mark.line + 1
                items.append(self.value(child, path + (i,)))
            return items
        return self.scalar(node, path)

    def mapping(self, node, path):
        result, first_line = {}, {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.findings.append(finding("E-YAML-KEY", self.doc.display, line))
                continue
            if key_node.tag not in _PLAIN_TAGS:
                self.findings.append(finding("E-YAML-TAG", self.doc.display, line, tag=key_node.tag))
                continue
            key = self.scalar(key_node, None)
            key = key if isinstance(key, str) else str(key)
            mistake = typing_mistake(key)
            if mistake:  # a field YAML read whole with its full-width indent or colon: the clerk meant another
                self.findings.append(finding(mistake[0], self.doc.display, line, **mistake[1]))
                continue
            if key in result:
                self.findings.append(finding("E-YAML-DUPKEY", self.doc.display, line,
                                             field=key, first=first_line[key]))
                continue  # the first value stays: nothing the clerk wrote is silently replaced
            first_line[key] = line
            self.doc.lines[path + (key,)] = line
            result[key] = self.value(value_node, path + (key,))
        return result

    def scalar(self, node, path):
        if not isinstance(node, yaml.ScalarNode) or node.tag not in _PLAIN_TAGS:
            return None  # a key that is a list, map or tagged value: reported where it stands
        if path is not None:
            self.doc.typed[path] = node.value
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        value = self.constructor.construct_object(node)
        if isinstance(value, str) and not _encodable(value):
            # "\ud800" in double quotes gives half a character, which no file or page can hold
            self.findings.append(finding("E-YAML-CHARACTER", self.doc.display, node.start_mark.line + 1,
                                         character=_unencodable(value)))
            return None
        return value


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unencodable(text: str) -> str:
    return next(f"\\u{ord(c):04x}" for c in text if not _encodable(c))


def load_yaml(path: Path, display: str, schema_name: str) -> tuple[YamlDocument, list]:
    """Read one file. Returns the document (data None when unreadable) and its findings."""
    doc = YamlDocument(path, display, schema_name)
    if path.is_symlink():
        return doc, [finding("E-FILE-LINK", display, 1)]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return doc, [finding("E-FILE-UNREADABLE", display, None, detail=exc.strerror or exc)]
    text, problem = decode_text(raw, display)
    if problem:
        return doc, [problem]
    try:
        node = _composed(text)
    except yaml.MarkedYAMLError as exc:
        return doc, [explain(exc, text, display)]
    except yaml.reader.ReaderError as exc:   # a NUL byte or another character YAML does not allow
        return doc, [finding("E-YAML-CHARACTER", display, text.count("\n", 0, exc.position) + 1,
                             character=f"\\u{exc.character if isinstance(exc.character, int) else ord(exc.character):04x}")]
    except yaml.YAMLError as exc:
        return doc, [explain(exc, text, display)]
    except RecursionError:
        return doc, [finding("E-YAML-DEPTH", display, 1, limit=MAX_DEPTH)]
    if node is None:
        return doc, [finding("E-FILE-EMPTY", display, 1, schema=schema_name)]
    builder = _Builder(doc)
    doc.lines[()] = node.start_mark.line + 1
    doc.data = builder.value(node, ())
    mistake = typing_mistake(doc.data) if isinstance(doc.data, str) else None
    if mistake:  # `name： 示例` alone is read as one text: the colon is what to fix
        builder.findings.append(finding(mistake[0], display, doc.lines[()], **mistake[1]))
        doc.data = None
    elif not isinstance(doc.data, dict):
        actual = "一段文字" if isinstance(doc.data, str) else "一个列表" if isinstance(doc.data, list) else "一个单独的值"
        builder.findings.append(finding("E-YAML-NOT-MAPPING", display, doc.lines[()],
                                        actual=actual, schema=schema_name))
        doc.data = None
    return doc, builder.findings


def read_text_file(path: Path) -> tuple[str | None, list]:
    """A text attachment (Markdown) must be UTF-8 like the YAML that names it."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [finding("E-FILE-UNREADABLE", display_path(path), None, detail=exc.strerror or exc)]
    text, problem = decode_text(raw, display_path(path))
    return text, [problem] if problem else []


def decode_text(raw: bytes, display: str):
    """The text of a file that must be UTF-8 (a BOM allowed), or E-FILE-ENCODING naming the line."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, finding("E-FILE-ENCODING", display, line, guess=_guess_encoding(raw))


def _guess_encoding(raw: bytes) -> str:
    try:
        raw.decode("gb18030")
    except UnicodeDecodeError:
        return ""
    return "，看起来是 GBK/GB18030 编码（Windows 记事本等编辑器的默认编码）"
