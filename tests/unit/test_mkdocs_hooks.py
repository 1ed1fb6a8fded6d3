"""The MkDocs hook that makes Material's page template valid HTML (generator/render/mkdocs_hooks.py)."""

from __future__ import annotations

from generator.render.mkdocs_hooks import TOGGLES, without_toggle_autocomplete
from generator.verify.theme import MATERIAL_TEMPLATES

DRAWER = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
SEARCH = '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'


def test_the_installed_material_writes_the_toggles_as_the_hook_expects():
    base = (MATERIAL_TEMPLATES / "base.html").read_text(encoding="utf-8")
    assert DRAWER in base and SEARCH in base
    assert [t.format(' autocomplete="off"') for t in TOGGLES] == [DRAWER, SEARCH]


def test_autocomplete_leaves_exactly_the_two_toggles():
    others = ('<input type="search" name="q" id="gs-q" autocomplete="off">'
              '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
              '<p>autocomplete="off" as text</p>')
    page = f"<body>{DRAWER}\n{SEARCH}\n{others}</body>"
    assert without_toggle_autocomplete(page) == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">\n'
        f'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">\n{others}</body>')


def test_a_page_without_the_toggles_is_left_as_it_is():
    page = "<!doctype html><title>x</title><p>404</p>"
    assert without_toggle_autocomplete(page) == page
