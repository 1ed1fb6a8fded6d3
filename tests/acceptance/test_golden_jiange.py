"""Golden output: the Markdown tree of the Jiange county, pinned file by file.

After an intended change, regenerate with `GONGSHI_UPDATE_GOLDEN=1 pytest tests/acceptance/test_golden_jiange.py`
and review the diff of tests/golden/jiange/ like any other change.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from generator.public import public_view
from generator.render.markdown_tree import render_markdown
from generator.validate import validate

from ..conftest import PROJECT, TODAY

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "jiange"


def test_jiange_markdown_matches_golden(tmp_path):
    result = validate(PROJECT / "content", PROJECT / "site_config", ["jiange"], TODAY)
    assert result.ok
    view = public_view(result.counties[0], TODAY)
    view.updated = date(2021, 6, 4)   # the data date comes from git; pin it like the build date
    pages = render_markdown(view, tmp_path)
    if os.environ.get("GONGSHI_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        for page in pages:
            (GOLDEN / page).write_text((tmp_path / page).read_text(encoding="utf-8"), encoding="utf-8")
    assert sorted(p.name for p in GOLDEN.glob("*.md")) == sorted(pages)
    for page in pages:
        assert (tmp_path / page).read_text(encoding="utf-8") == (GOLDEN / page).read_text(encoding="utf-8"), page
