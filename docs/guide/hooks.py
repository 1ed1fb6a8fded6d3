"""MkDocs hook of the staff guide: the pages on error codes are generated from generator/codes.py,
and the field tables and samples of the hand-written pages from the schemas and the sample content
(generator/guide.py), so that the guide cannot drift from what gongshi prints and reads."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))   # the guide describes this checkout's codes, not those of an installed gongshi

from generator.guide import code_pages, example_lines, expand_directives  # noqa: E402


def on_files(files, config):
    for path, text in code_pages(example_lines(ROOT / "tests" / "acceptance")).items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown, page, config, files):
    return expand_directives(markdown, ROOT)
