"""Golden output: the Markdown tree of each sample county, pinned file by file, and its open data
files (data/*.csv, data/*.json) byte for byte.

Jiange is the model page (seed 004). The sample county 示例县 pins the decision pages: a plain
decision (2025-002), a corrected one (2025-001), a withdrawal notice (2026-002), the decision made
again in its place (2026-003) and the results list.

After an intended change, regenerate with `GONGSHI_UPDATE_GOLDEN=1 pytest tests/acceptance/test_golden.py`
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.public import public_view
from generator.render.markdown_tree import render_markdown
from generator.validate import validate

from ..conftest import PROJECT, TODAY

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
PINNED_DECISION_PAGES = {"shili": ["decisions/2025-001.md", "decisions/2025-002.md", "decisions/2026-002.md",
                                   "decisions/2026-003.md", "results.md"]}


@pytest.mark.parametrize("county_id", ["jiange", "shili"])
def test_markdown_matches_golden(tmp_path, county_id):
    result = validate(PROJECT / "content", PROJECT / "site_config", [county_id], TODAY)
    assert result.ok
    view = public_view(result.counties[0], TODAY)
    view.updated = date(2021, 6, 4)   # the data date comes from git; pin it like the build date
    pages = render_markdown(view, tmp_path)
    data = sorted(f"data/{p.name}" for p in (tmp_path / "data").iterdir())
    golden = GOLDEN / county_id
    if os.environ.get("GONGSHI_UPDATE_GOLDEN"):
        for page in pages:
            (golden / page).parent.mkdir(parents=True, exist_ok=True)
            (golden / page).write_text((tmp_path / page).read_text(encoding="utf-8"), encoding="utf-8")
        shutil.rmtree(golden / "data", ignore_errors=True)
        (golden / "data").mkdir()
        for name in data:
            (golden / name).write_bytes((tmp_path / name).read_bytes())
    assert sorted(str(p.relative_to(golden)) for p in golden.rglob("*.md")) == sorted(pages)
    assert set(PINNED_DECISION_PAGES.get(county_id, [])) <= set(pages)
    for page in pages:
        assert (tmp_path / page).read_text(encoding="utf-8") == (golden / page).read_text(encoding="utf-8"), page
    assert sorted(f"data/{p.name}" for p in (golden / "data").iterdir()) == data
    for name in data:
        assert (tmp_path / name).read_bytes() == (golden / name).read_bytes(), name
