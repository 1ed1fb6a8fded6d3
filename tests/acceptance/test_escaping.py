"""Every value from content reaches a page as the text it is, never as markup.

The fields are found by walking the schemas, so a new field is covered without editing this test:
every free-text field of every record kind, typed or not in the sample, gets a payload that would
be markup in HTML, Markdown and Jinja alike. A real HTML parser (html5lib, as browsers parse) then
reads every page: the elements and attributes are those of the same build with plain text in the
same fields, and the payload shows as typed, the page title included.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
import pytest
import yaml

from generator.kinds import DECISION, KINDS, SITE_CONFIG
from generator.schema import describe

PAYLOAD = ('</title><script>alert(1)</script><img src=x onerror=alert(2)>"\'>'
           '<a href="javascript:alert(3)">链</a>{{ 7*7 }}{% if 1 %}**星**{% endif %}[点](javascript:alert(4))&lt;&#60;')
PLAIN = "测试文字"


def _free_text(schema: str, path) -> bool:
    node = describe(schema, path)["schema"]
    policies = [describe(schema, path[:i])["schema"].get("x-publish") for i in range(1, len(path) + 1)]
    return (node.get("type") == "string" and "dropped" not in policies
            and not {"pattern", "enum", "format", "const"} & node.keys())


# The party's fields depend on its type (a person has no legal representative): filled where typed only.
TYPED_ONLY = {"party"}


def _with_every_text_field(data, schema: str, value: str, path=(), counter=None):
    """`data` with `value` and a number of its own written into every free-text field its schema has,
    present or not (the numbers keep one field from quoting another, as a notice naming the party)."""
    counter = counter if counter is not None else [0]

    def numbered() -> str:
        counter[0] += 1
        return f"{value}〔{counter[0]}〕"

    if isinstance(data, list):
        return [_with_every_text_field(item, schema, value, path + (i,), counter) for i, item in enumerate(data)]
    if not isinstance(data, dict):
        return numbered() if isinstance(data, str) and _free_text(schema, path) else data
    out = {key: _with_every_text_field(child, schema, value, path + (key,), counter) for key, child in data.items()}
    if not TYPED_ONLY & set(map(str, path)):
        for name in describe(schema, path)["schema"].get("properties", {}):
            if name not in out and _free_text(schema, path + (name,)):
                out[name] = numbered()
    return out


def _county_files(project) -> list[tuple[Path, str]]:
    county = project.file("content/shili")
    files = [(county / kind.file, kind.schema) for kind in KINDS if (county / kind.file).exists()]
    files += [(path, DECISION.schema) for path in sorted((county / "decisions").glob("*.yml"))]
    return files + [(project.file("site_config/shili.yml"), SITE_CONFIG.schema)]


def _fill(files: dict[Path, tuple[str, str]], value: str) -> int:
    """Write `value` into every free-text field of the pristine files; returns how many fields."""
    fields = 0
    for path, (schema, pristine) in files.items():
        filled = _with_every_text_field(yaml.safe_load(pristine), schema, value)
        text = yaml.safe_dump(filled, allow_unicode=True, sort_keys=False, width=10**6)
        fields += text.count("〔")
        path.write_text(text, encoding="utf-8")
    return fields


def _shape(page: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Every element of the page, in order, with the names of its attributes."""
    tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    return [(element.tag, tuple(sorted(element.attrib))) for element in tree.iter() if isinstance(element.tag, str)]


def _text(page: Path, tag: str) -> list[str]:
    tree = html5lib.parse(page.read_bytes(), namespaceHTMLElements=False)
    return ["".join(element.itertext()) for element in tree.iter(tag)]


@pytest.fixture
def built(project, gongshi):
    files = {path: (schema, path.read_text(encoding="utf-8")) for path, schema in _county_files(project)}

    def build(value: str, out: str) -> Path:
        assert _fill(files, value) > 100
        code, lines = gongshi("build", "--county", "shili", "--out", out)
        assert code == 0, lines
        return project.file(out) / "shili"
    return build


def test_markup_in_every_text_field_is_shown_as_typed_and_changes_no_element(built):
    plain, attacked = built(PLAIN, "plain"), built(PAYLOAD, "attacked")
    pages = sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert pages == sorted(p.relative_to(attacked) for p in attacked.rglob("*.html"))
    for page in pages:
        assert _shape(attacked / page) == _shape(plain / page), page
    decision = attacked / "decisions/2025-002/index.html"
    [title] = _text(decision, "title")
    assert title.startswith(f"{PAYLOAD}〔") and title.endswith("〕 - 示例县医疗保障局行政执法公示")   # the site name admits no markup
    assert _text(decision, "h1")[0].startswith(f"{PAYLOAD}〔")
