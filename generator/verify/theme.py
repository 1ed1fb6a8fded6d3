"""What the installed theme itself puts into a site: the files it ships, and the scripts and styles
its templates write (and gongshi's own page templates: the portal). The leak scan skips the
theme's files (Material's scripts carry their authors' e-mails); the markup check allows the
theme's scripts and nothing else."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import material

from ..paths import TEMPLATE_DIR, THEME_DIR

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.S)
_TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# What a template expression inside a theme script may turn into: a value with no quote, angle
# bracket or backslash, so that it cannot end the string it stands in, nor the element.
_VALUE = r"""[^"'<>\\]*"""


def digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


@lru_cache(maxsize=1)
def theme_files() -> frozenset[bytes]:
    """Digests of the files the site engine copies unchanged from the installed themes."""
    folders = [MATERIAL_TEMPLATES / "assets", THEME_DIR / "assets"]
    return frozenset(digest(p.read_bytes()) for folder in folders for p in folder.rglob("*") if p.is_file())


@lru_cache(maxsize=1)
def theme_inline_code() -> dict[str, tuple[re.Pattern, ...]]:
    """For `script` and `style`: one pattern for each inline element the theme templates write."""
    found: dict[str, list[re.Pattern]] = {"script": [], "style": []}
    templates = [*MATERIAL_TEMPLATES.rglob("*.html"), *THEME_DIR.rglob("*.html"), *TEMPLATE_DIR.glob("*.html.j2")]
    for template in sorted(templates):
        for match in _INLINE.finditer(template.read_text(encoding="utf-8")):
            found[match.group(1)].append(_pattern(match.group(2)))
    return {tag: tuple(patterns) for tag, patterns in found.items()}


def _pattern(template_code: str) -> re.Pattern:
    literal = _TEMPLATE_CODE.split(template_code.strip())
    return re.compile(_VALUE.join(re.escape(part) for part in literal), re.S)
