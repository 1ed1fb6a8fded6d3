"""MkDocs hooks for every county site (`hooks:` in the configuration build_site hands MkDocs).

Material's base.html writes its two toggles, the navigation drawer's and search's, as
`<input class="md-toggle" ... type="checkbox" ... autocomplete="off">`, outside any block a theme
can override. `autocomplete` is not allowed on a checkbox (the W3C Nu checker: "Attribute
autocomplete is only allowed when the input type is …"). The attribute is removed from exactly
those two inputs, as Material writes them, and nowhere else; what it did (Firefox not restoring a
checked toggle on reload) is done by the theme's script, assets/javascripts/gongshi-a11y.js.
A Material release that writes them differently leaves the page as it is, and the browser tests'
HTML check (tests/browser/test_accessibility.py) says so.
"""

from __future__ import annotations

TOGGLES = tuple(
    f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}"{{}}>'
    for name in ("drawer", "search")
)


def without_toggle_autocomplete(html: str) -> str:
    for toggle in TOGGLES:
        html = html.replace(toggle.format(' autocomplete="off"'), toggle.format(""), 1)
    return html


def on_post_page(output: str, page, config) -> str:   # noqa: ARG001 - MkDocs' signature
    return without_toggle_autocomplete(output)
