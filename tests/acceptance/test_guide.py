"""The staff guide (docs/guide/): it builds offline, and every code a clerk can read has its page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator import codes, guide
from generator.verify.outside_hosts import verify_site

from ..conftest import PROJECT

GUIDE = PROJECT / "docs" / "guide"


@pytest.fixture(scope="module")
def built_guide(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("guide") / "site"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(GUIDE / "mkdocs.yml"), "-d", str(out)],
                         cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return out


def test_the_guide_loads_nothing_from_outside_hosts(built_guide):
    assert [f for f in verify_site(built_guide) if f.code == "E-VERIFY-OUTSIDE-HOST"] == []


def test_every_code_has_its_page_linked_from_the_index(built_guide):
    index = (built_guide / "codes" / "index.html").read_text(encoding="utf-8")
    for code in codes.CODES:
        page = built_guide / "codes" / code / "index.html"
        assert page.is_file(), code
        assert f'href="{code}/"' in index, code
        assert f">{code}</h1>" in page.read_text(encoding="utf-8"), code


def test_a_code_page_explains_its_placeholders_and_shows_a_line_gongshi_prints(built_guide):
    page = (built_guide / "codes" / "E-COMMAND-UNKNOWN" / "index.html").read_text(encoding="utf-8")
    assert "没有 〔command〕 这个命令" in page
    assert f"<td>〔command〕</td>\n<td>{guide.PLACEHOLDERS['command']}</td>" in page
    assert "gongshi: E-COMMAND-UNKNOWN 没有 buidl 这个命令 — 是不是想写 build？" in page


def test_the_hand_written_pages_take_field_names_from_the_schemas(built_guide):
    page = (built_guide / "late-publication" / "index.html").read_text(encoding="utf-8")
    assert "<td><code>approved_by</code></td>\n<td>批准人</td>" in page


def test_a_code_added_to_the_table_gets_its_page(monkeypatch):
    monkeypatch.setitem(codes.CODES, "W-NEW-THING", (codes.W, "新的问题 {file}", "请改正"))
    pages = guide.code_pages()
    assert "codes/W-NEW-THING.md" in pages and "[W-NEW-THING](W-NEW-THING.md)" in pages["codes/index.md"]


def test_a_code_whose_placeholder_nobody_explained_stops_the_guide(monkeypatch):
    monkeypatch.setitem(codes.CODES, "W-NEW-THING", (codes.W, "新的问题 {gadget}", "请改正"))
    assert guide.unexplained_placeholders() == {"gadget": ["W-NEW-THING"]}
    with pytest.raises(guide.GuideError, match="gadget"):
        guide.code_pages()


def test_every_placeholder_of_the_real_table_is_explained():
    assert guide.unexplained_placeholders() == {}


def test_a_page_naming_a_field_the_schema_does_not_have_does_not_build(tmp_path):
    with pytest.raises(guide.GuideError):
        guide.expand_directives("<!-- fields: decision no_such_field -->", PROJECT)
    with pytest.raises(guide.GuideError):
        guide.expand_directives("<!-- sample: content/shili/no-such-file.yml -->", PROJECT)
