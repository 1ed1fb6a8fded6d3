"""`gongshi new KIND --county ID` and `gongshi new county ID`: new content files to fill in.

A new file holds every field its schema requires (inside required objects too, and one item of each
required list), each under a comment with the field's title and description from the schema, and
the first line that tells the editor its schema. What gongshi can know it writes: today's date for
the day a record is made, the next decision id and case number. What only the clerk knows is the
placeholder `<请填写：标题>` (check/schema.py): `gongshi validate` names each one left
(E-SCHEMA-UNFILLED), and a reference field lists the ids the county already has.

An existing file is never overwritten (E-NEW-EXISTS); for a list kind the clerk is given instead
the block of one new item, to paste under the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .check.references import REFERENCES, known_ids
from .check.schema import PLACEHOLDER, unfilled_fields
from .codes import finding
from .kinds import DECISION, DECISION_DIR, KIND_BY_NAME, KINDS, SITE_CONFIG
from .law.county import county_law
from .load.county import COUNTY_ID, County, load_county
from .load.repository import repository_of
from .load.yaml_writing import schema_line
from .paths import display_path
from .schema import deref, describe, registry

COUNTY = "county"   # `gongshi new county ID`: the whole folder and its site config
KIND_CHOICES = tuple(kind.name for kind in KINDS) + (DECISION.name, COUNTY)

# Dates the day of writing cannot stand for (kind, glob path): a certificate's period is the
# clerk's to copy; a draw's public random number is drawn after the plan is published, the draw after it.
DATES_TO_FILL = {
    ("officers", ("officers", "*", "valid_from")), ("officers", ("officers", "*", "valid_until")),
    ("random-inspections", ("plans", "*", "draws", "*", "date")),
    ("random-inspections", ("plans", "*", "draws", "*", "randomness", "date")),
}
# Fields a rule, not the schema, asks for, in the order a clerk fills them (kind, glob path → keys):
# a draw is made from a public random number or on a platform (E-DRAW-HOW); a new plan's first
# draw is the county's own, its source named when the plan is published.
FIELDS = {
    ("random-inspections", ("plans", "*", "draws", "*")): ("id", "randomness", "count", "date"),
}

# A decision is filed as <year>-NNN.yml; its case number ends 〔year〕N号 in a county's own words.
DECISION_NUMBER = re.compile(r"^(\d{4})-(\d{3,})$")
CASE_NUMBER = re.compile(r"^(?P<before>.*〔)(?P<year>\d{4})(?P<between>〕)(?P<number>\d+)(?P<after>号.*)$")


@dataclass
class Scalar:
    text: str                 # as written in YAML
    note: str = ""            # a comment at the end of the line


@dataclass
class Entry:
    key: str
    comment: str              # the field's title and description
    value: object             # Scalar, Mapping or list


@dataclass
class Mapping:
    entries: list[Entry]


@dataclass
class Scaffolded:
    files: list[Path] = field(default_factory=list)
    placeholders: int = 0
    paste: list[str] = field(default_factory=list)   # an item to add to an existing list file
    findings: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings


def new_file(kind_name: str, content: Path, config: Path, county_id: str, today: date) -> Scaffolded:
    """A new file of one kind in an existing county."""
    folder = content / county_id
    if not COUNTY_ID.match(county_id) or not folder.is_dir():
        known = "、".join(sorted(p.name for p in content.iterdir() if p.is_dir())) if content.is_dir() else ""
        return Scaffolded(findings=[finding("E-COUNTY-UNKNOWN", display_path(folder), None, county=county_id, known=known or "（没有）")])
    county, _ = load_county(content, config, county_id)
    if kind_name == DECISION.name:
        return _write([_decision(county, today)], repository_of(config))
    kind = KIND_BY_NAME[kind_name]
    target = folder / kind.file
    if target.exists():
        return _refused(target, kind.schema, county, today)
    return _write([(target, kind.schema, _scaffold(kind.schema, county, today))], repository_of(config))


def new_county(county_id: str, content: Path, config: Path, today: date) -> Scaffolded:
    """A county folder with every file the law asks for, and its site config."""
    if not COUNTY_ID.match(county_id):
        return Scaffolded(findings=[finding("E-COUNTY-ID", display_path(content / county_id), None, name=county_id)])
    folder, site_config = content / county_id, config / f"{county_id}.yml"
    for there, what in ((folder, f"县文件夹 {county_id}"), (site_config, f"站点配置 {site_config.name}")):
        if there.exists():
            return Scaffolded(findings=[finding("E-NEW-EXISTS", display_path(there), None, what=what,
                                                hint="要修改这个县，请直接编辑其中的文件；要新建其中缺少的文件，请用 gongshi new KIND --county "
                                                     f"{county_id}")])
    county = County(county_id, folder)
    files = [(folder / kind.file, kind.schema, _scaffold(kind.schema, county, today))
             for kind in KINDS if kind.required or kind.expected]
    files.append((site_config, SITE_CONFIG.schema, _site_config(county_id, today)))
    return _write(files, repository_of(config))


def _refused(target: Path, schema_name: str, county: County, today: date) -> Scaffolded:
    """E-NEW-EXISTS, and for a list kind the item to add by hand."""
    whole = _scaffold(schema_name, county, today)
    listed = next((entry for entry in whole.entries if isinstance(entry.value, list)), None)
    if listed is None:
        hint = "要修改它，请直接编辑这个文件；要重新开始，请先删除或改名这个文件"
        return Scaffolded(findings=[finding("E-NEW-EXISTS", display_path(target), None, what=f"文件 {target.name}", hint=hint)])
    hint = f"要添加一项，请在这个文件的 {listed.key}: 下面照已有的项目写，或者复制上面这一段"
    paste = [f"可以复制到 {display_path(target)} 的 {listed.key}: 下面的一项（每行前面的空格也要复制）："]
    paste += _sequence_lines(listed.value, 2)
    return Scaffolded(paste=paste, findings=[finding("E-NEW-EXISTS", display_path(target), None, what=f"文件 {target.name}", hint=hint)])


def _decision(county: County, today: date):
    number = _next_decision_id(county.folder / DECISION_DIR, today.year)
    target = county.folder / DECISION_DIR / f"{number}.yml"
    case = _next_case_number(county, today.year)
    known = {("case_number",): Scalar(_quoted(case), "按本县已有的文号推算的下一个，请核对")} if case else {}
    return target, DECISION.schema, _scaffold(DECISION.schema, county, today, known)


def _next_decision_id(folder: Path, year: int) -> str:
    numbers = [int(m.group(2)) for p in (folder.glob("*.yml") if folder.is_dir() else [])
               if (m := DECISION_NUMBER.match(p.stem)) and int(m.group(1)) == year]
    return f"{year}-{max(numbers, default=0) + 1:03d}"


def _next_case_number(county: County, year: int) -> str | None:
    """After the highest case number of this year, or number 1 of this year in the latest year's words."""
    written = [m for doc in county.decisions.values() if isinstance(doc.data, dict)
               and isinstance(doc.data.get("case_number"), str) and (m := CASE_NUMBER.match(doc.data["case_number"]))]
    if not written:
        return None
    latest = max(written, key=lambda m: (int(m["year"]), int(m["number"])))
    number = int(latest["number"]) + 1 if int(latest["year"]) == year else 1
    return f"{latest['before']}{year}{latest['between']}{number}{latest['after']}"


def _site_config(county_id: str, today: date) -> Mapping:
    """The site config of a new county, as the sample's: the address of its site to fill in, and
    the annual figures owed from this year on (the years before it used no gongshi)."""
    scaffold = _scaffold(SITE_CONFIG.schema, County(county_id, Path()), today)
    url = describe(SITE_CONFIG.schema, ("site_url",))
    comment = _comment(url["title"], url["description"]) + "\n还不知道网址的，可以先删除这一行（validate 会提醒 W-SITE-URL-MISSING）"
    scaffold.entries.insert(2, Entry("site_url", comment, Scalar(_quoted(PLACEHOLDER.format(title=url["title"])))))
    law, first_year = (describe(SITE_CONFIG.schema, ("extra", "law") + tail) for tail in ((), ("annual_report_first_year",)))
    extra = next(entry.value for entry in scaffold.entries if entry.key == "extra")
    extra.entries.append(Entry("law", _comment(law["title"], law["description"]), Mapping([
        Entry("annual_report_first_year", _comment(first_year["title"], first_year["description"]),
              Scalar(str(today.year), "今年，请核对"))])))
    return scaffold


# --- from a schema to a scaffold --------------------------------------------------------------


def _scaffold(schema_name: str, county: County, today: date, known: dict | None = None) -> Mapping:
    build = _Builder(schema_name, county, today, known or {})
    root, resolver = deref(registry().contents(schema_name), registry().resolver(base_uri=schema_name))
    return build.mapping(root, resolver, ())


class _Builder:
    def __init__(self, schema_name: str, county: County, today: date, known: dict):
        self.schema_name, self.county, self.today, self.known = schema_name, county, today, known
        self.kind = next((k.name for k in KINDS + (DECISION, SITE_CONFIG) if k.schema == schema_name), "")

    def mapping(self, node: dict, resolver, path: tuple) -> Mapping:
        properties = node.get("properties", {})
        names = list(node.get("required", []))
        conditional = {name: condition for name, condition in _conditionally_required(node) if name not in names}
        if not names and not conditional:   # an object that requires nothing is not left empty: its free texts
            names = [name for name, child in properties.items() if _is_text(deref(child, resolver)[0])][:1]
        order = [n for n in properties if n in names or n in conditional]
        order = next((list(keys) for (kind, pattern), keys in FIELDS.items() if kind == self.kind and _matches(pattern, path)), order)
        entries = []
        for name in order:
            title, description, child, child_resolver = _child(properties[name], resolver)
            comment = _comment(title, description) + (f"（{conditional[name]}时必填，否则删除这一项）" if name in conditional else "")
            entries.append(Entry(name, comment, self.value(child, child_resolver, path + (name,), title)))
        return Mapping(entries)

    def value(self, node: dict, resolver, path: tuple, title: str):
        if path in self.known:
            return self.known[path]
        if "const" in node:
            return Scalar(_quoted(str(node["const"])))
        if node.get("type") == "object" or "properties" in node:
            return self.mapping(node, resolver, path)
        if node.get("type") == "array":
            items, item_resolver = deref(node.get("items", {}), resolver)
            item_title = node["items"].get("title") or (title if "properties" not in items else "")
            return [self.value(items, item_resolver, path + (i,), item_title) for i in range(self._count(path, node))]
        if node.get("format") == "date" and not any(kind == self.kind and _matches(pattern, path) for kind, pattern in DATES_TO_FILL):
            return Scalar(_quoted(self.today.isoformat()), "今天的日期，请核对")
        return Scalar(_quoted(PLACEHOLDER.format(title=title or "内容")), self._choices(node, path))

    def _count(self, path: tuple, node: dict) -> int:
        if self.kind == DECISION.name and path == ("officers",):   # the law's number of case officers
            return county_law(self.county)["min_case_officers"]
        return max(node.get("minItems", 1), 1)

    def _choices(self, node: dict, path: tuple) -> str:
        if "enum" in node:
            return "可填：" + "、".join(map(str, node["enum"]))
        for reference in REFERENCES:
            if reference.kind == self.kind and _matches(reference.path, path):
                ids = list(known_ids(self.county, reference.target)) if self.county.documents else []
                target = KIND_BY_NAME[reference.target.kind].file
                return f"本县已有的{reference.target.name}：{'、'.join(ids)}" if ids else f"填 {target} 中的{reference.target.name}编号"
        return ""


def _child(node: dict, resolver):
    """Title, description and schema of a property: its own title beside a $ref wins."""
    target, target_resolver = deref(node, resolver)
    return (node.get("title") or target.get("title") or "", node.get("description") or target.get("description") or "",
            target, target_resolver)


def _conditionally_required(node: dict):
    """(field, condition) for each `if … then required` of an object, in the clerk's words."""
    for rule in node.get("allOf", []):
        condition = rule.get("if", {}).get("properties", {})
        for name in rule.get("then", {}).get("required", []):
            words = "、".join(f"{node['properties'].get(key, {}).get('title', key)}为 "
                              f"{'或'.join(map(str, spec.get('enum', [spec.get('const')])))} "
                              for key, spec in condition.items())
            yield name, words


def _is_text(node: dict) -> bool:
    return node.get("type") == "string" and "enum" not in node and "format" not in node and "pattern" not in node


def _matches(pattern: tuple, path: tuple) -> bool:
    return len(pattern) == len(path) and all(p == "*" or p == step for p, step in zip(pattern, path))


def _comment(title: str, description: str) -> str:
    return f"{title}：{description}" if description else title


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# --- writing ------------------------------------------------------------------------------------


def _write(files, root: Path) -> Scaffolded:
    """Each file, or none when one of them is there already; `root` holds the schemas the editor reads."""
    done = Scaffolded()
    for target, schema_name, scaffold in files:
        if target.exists():
            return Scaffolded(findings=[finding("E-NEW-EXISTS", display_path(target), None, what=f"文件 {target.name}",
                                                hint="要重新生成，请先删除或改名这个文件")])
    try:
        for target, schema_name, scaffold in files:
            text = _file_text(target, schema_name, scaffold, root)
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "x", encoding="utf-8", newline="\n") as out:   # "x": a file that appeared meanwhile is kept
                out.write(text)
            done.files.append(target)
            done.placeholders += len(unfilled_fields(yaml.safe_load(text)))
    except OSError as exc:
        done.findings.append(finding("E-WRITE-FAILED", display_path(target), None, detail=exc.strerror or exc))
    return done


def _file_text(target: Path, schema_name: str, scaffold: Mapping, root: Path) -> str:
    title = registry().contents(schema_name).get("title", "")
    head = [schema_line(target, schema_name, root).rstrip("\n"),
            f"# {title}：由 gongshi new 生成。",
            "# 请把每个 <请填写：…> 连同尖括号换成实际内容；gongshi validate 会指出还没有填写的字段。"]
    return "\n".join(head + _mapping_lines(scaffold, 0)) + "\n"


def _mapping_lines(mapping: Mapping, indent: int, first_prefix: str = "") -> list[str]:
    lines = []
    for i, entry in enumerate(mapping.entries):
        pad = " " * indent
        prefix = first_prefix if i == 0 and first_prefix else pad
        comment_pad = first_prefix[:-2] if i == 0 and first_prefix else pad   # above the "- " of the item
        lines += [f"{comment_pad}# {line}" for line in entry.comment.splitlines() if line]
        if isinstance(entry.value, Scalar):
            lines.append(_with_note(f"{prefix}{entry.key}: {entry.value.text}", entry.value.note))
        elif isinstance(entry.value, Mapping):
            lines.append(f"{prefix}{entry.key}:")
            lines += _mapping_lines(entry.value, indent + 2)
        else:
            lines.append(f"{prefix}{entry.key}:")
            lines += _sequence_lines(entry.value, indent + 2)
    return lines


def _sequence_lines(items: list, indent: int) -> list[str]:
    lines = []
    for item in items:
        if isinstance(item, Scalar):
            lines.append(_with_note(f"{' ' * indent}- {item.text}", item.note))
        else:
            lines += _mapping_lines(item, indent + 2, first_prefix=" " * indent + "- ")
    return lines


def _with_note(line: str, note: str) -> str:
    return f"{line}   # {note}" if note else line
