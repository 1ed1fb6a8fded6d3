"""A build that fails publishes nothing; text from YAML is text in every output."""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path

from generator.publish.atomic import GENERATION

PAYLOADS = {
    "script": "<script>alert('gs')</script>",
    "img": "<img src=x onerror=alert('gs')>",
    "jslink": "[点我](javascript:alert('gs'))",
    "mdimage": "![图](https://evil.example.com/x.png)",
    "jinja": "{{ 7*7 }}{% if true %}JINJA{% endif %}",
}


def leftovers(root: Path) -> list[str]:
    """Folders a build left beside OUT or among its generations, other than the published
    generations and their private records."""
    generations = root / ".out.generations"
    left = [p.name for p in root.iterdir() if p.name.startswith(".out") and p != generations]
    return left + [p.name for p in (generations.iterdir() if generations.is_dir() else [])
                   if not GENERATION.match(p.name.removesuffix(".state"))]


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Elements(HTMLParser):
    """Every element, attribute and script body the browser would create from a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attributes, self.scripts, self._script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._script = tag == "script"

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts.append(data)


def injected(folder: Path) -> list:
    """What the payloads would have become had they been treated as markup anywhere."""
    found = []
    for path in folder.rglob("*.html"):
        elements = _Elements()
        elements.feed(path.read_text(encoding="utf-8"))
        found += [(path.name, "script", body) for body in elements.scripts if "alert('gs')" in body]
        for tag, name, value in elements.attributes:
            if name.startswith("on") and "gs" in value \
                    or value.strip().lower().startswith("javascript:") \
                    or (tag == "img" and (value == "x" or "evil.example.com" in value)):
                found.append((path.name, tag, f"{name}={value}"))
    # The search index holds text that the search script puts into the results list as text
    # (textContent, never innerHTML): tests/browser/test_search.py searches for a payload.
    return found


def test_markup_in_any_field_comes_out_as_text(project, gongshi):
    plant = " ".join(PAYLOADS.values())
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", f'name: "示例县医疗保障局{plant}"')
    project.edit("content/shili/officers.yml", "    name: 张示例", f'    name: "张示例{plant}"')
    project.edit("content/shili/remedies.yml", "  - name: 示例县人民政府", f'  - name: "示例县人民政府{plant}"')
    project.edit("site_config/shili.yml", "sponsor: 示例县医疗保障局（示例）", f'sponsor: "主办{PAYLOADS["img"]}"')
    plan = project.file("content/shili/documents/three-systems-plan.md")
    plan.write_text(plan.read_text(encoding="utf-8") + "\n\n<script>alert('gs')</script>\n\n"
                    "[点我](javascript:alert('gs'))\n\n<img src=x onerror=alert('gs')>\n", encoding="utf-8")
    code, lines = gongshi("build", "--county", "shili", "--out", "out", "--today", "2026-11-23")
    assert code == 0, lines
    assert injected(project.file("out")) == []
    for name in ("subject", "officers", "remedies"):
        shown = html.unescape(project.file(f"out/shili/{name}/index.html").read_text(encoding="utf-8"))
        for payload in PAYLOADS.values():
            assert payload in shown, (name, payload)   # shown to the visitor exactly as typed, as text
    manifest = json.loads(project.file("out/shili/gongshi.json").read_text(encoding="utf-8"))
    assert manifest["subject"] == f"示例县医疗保障局{plant}"   # data files keep the exact text
    assert "<title>" in shown and "示例县<script>" not in project.file("out/shili/subject/index.html").read_text(encoding="utf-8")


def test_a_county_that_fails_validation_keeps_its_previous_output_byte_identical(project, gongshi):
    assert gongshi("build", "--out", "out", "--today", "2026-11-23")[0] == 0
    before = snapshot(project.file("out/shili"))
    project.edit("content/shili/officers.yml", "    status: 有效\n", "    status: 在岗\n")
    code, lines = gongshi("build", "--out", "out", "--today", "2026-11-24")
    assert code == 1
    assert any("E-SCHEMA-ENUM" in line for line in lines)
    assert snapshot(project.file("out/shili")) == before
    assert "已生成 out/jiange/" in lines
    assert leftovers(project.root) == []   # no staging left behind


def test_a_problem_outside_every_county_after_rendering_leaves_previous_output_byte_identical(project, gongshi, monkeypatch):
    assert gongshi("build", "--out", "out", "--today", "2026-11-23")[0] == 0
    before = snapshot(project.file("out"))
    # The first county has already been written to staging when verification fails.
    import generator.verify.files
    from generator.codes import finding
    monkeypatch.setattr(generator.verify.files, "verify_site",
                        lambda root, published_as, paths=None: [finding("E-VERIFY-OUTSIDE-HOST", "shili/index.html", None, url="https://cdn.example.com/x.css")])
    code, lines = gongshi("build", "--out", "out", "--today", "2026-11-24")
    assert code == 2
    assert lines[0].startswith("shili/index.html: E-VERIFY-OUTSIDE-HOST 网页从外部网站加载资源 https://cdn.example.com/x.css")
    assert snapshot(project.file("out")) == before
    assert leftovers(project.root) == []


def test_crash_inside_the_site_engine_leaves_previous_output_byte_identical(project, gongshi, monkeypatch):
    assert gongshi("build", "--out", "out", "--today", "2026-11-23")[0] == 0
    before = snapshot(project.file("out"))
    import generator.build
    real = generator.build.build_site

    def second_county_breaks(view, *args):
        if view.id == "shili":
            raise RuntimeError("disk full")
        return real(view, *args)

    monkeypatch.setattr(generator.build, "build_site", second_county_breaks)
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 示例县医疗保障局（新）")   # so it is built again
    try:
        gongshi("build", "--out", "out", "--today", "2026-11-24")
    except RuntimeError:
        pass
    assert snapshot(project.file("out")) == before
    assert leftovers(project.root) == []


def test_building_one_county_keeps_the_others(project, gongshi):
    assert gongshi("build", "--out", "out", "--today", "2026-11-23")[0] == 0
    jiange_before = snapshot(project.file("out/jiange"))
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 示例县医疗保障局（新）")
    assert gongshi("build", "--county", "shili", "--out", "out", "--today", "2026-11-23")[0] == 0
    assert snapshot(project.file("out/jiange")) == jiange_before
    assert "示例县医疗保障局（新）" in project.file("out/shili/subject/index.html").read_text(encoding="utf-8")
    portal = project.file("out/index.html").read_text(encoding="utf-8")
    assert 'href="jiange/"' in portal and 'href="shili/"' in portal


def test_refuses_to_replace_a_folder_it_did_not_make(project, gongshi):
    project.write("precious/notes.txt", "keep me")
    code, lines = gongshi("build", "--out", "precious", "--today", "2026-11-23")
    assert code == 2
    assert lines[0] == "precious: E-PUBLISH-NOT-SITE 输出目录 precious 已有内容，但不是 gongshi 生成的网站，拒绝覆盖 — " \
                       "请换一个输出目录（--out），或先清空该目录"
    assert project.file("precious/notes.txt").read_text(encoding="utf-8") == "keep me"


def test_a_county_whose_new_site_fails_verification_keeps_its_previous_site(project, gongshi, monkeypatch):
    assert gongshi("build", "--out", "out", "--today", "2026-11-23")[0] == 0
    before = snapshot(project.file("out/shili"))
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 示例县医疗保障局（新）")
    import generator.verify.files
    from generator.codes import finding
    from generator.paths import display_path

    def new_subject_page_loads_a_font(root, published_as, paths=None):
        page = root / "shili/subject/index.html"
        new = page.is_file() and "（新）" in page.read_text(encoding="utf-8")
        return [finding("E-VERIFY-OUTSIDE-HOST", display_path(published_as / "shili/subject/index.html"), None,
                        url="https://fonts.example.com/a.woff2")] if new else []

    monkeypatch.setattr(generator.verify.files, "verify_site", new_subject_page_loads_a_font)
    code, lines = gongshi("build", "--out", "out", "--today", "2026-11-23")
    assert code == 1
    assert "out/shili/subject/index.html: E-VERIFY-OUTSIDE-HOST 网页从外部网站加载资源 https://fonts.example.com/a.woff2 — " \
           "公示网站不得从其他网站加载字体、脚本、样式或图片；请删除该引用" in lines
    assert "保留上次生成的 out/shili/（新生成的网站没有通过检查，见上）" in lines
    assert snapshot(project.file("out/shili")) == before
