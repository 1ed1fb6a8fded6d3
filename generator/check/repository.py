"""What the whole repository must be before any county is read: written in the content format this
gongshi reads (mkdocs.yml, `extra.content_format`; a repository that names none is in the first
format, with a warning to name it), and, where it keeps a copy of the schemas for editors
(schemas/), a copy that matches the installed gongshi.

A format this gongshi does not read stops everything: its files would only give misleading findings.
"""

from __future__ import annotations

from pathlib import Path

from ..codes import finding
from ..load.repository import Repository, load_repository
from ..paths import SCHEMA_DIR, display_path
from ..version import CONTENT_FORMAT, UNNAMED_FORMAT, __version__


def check_repository(config_dir: Path) -> list:
    repository, findings = load_repository(config_dir)
    return findings + _format(repository) + _schema_copy(repository)


def repository_stops(config_dir: Path) -> list:
    """The errors that keep every command from reading the repository's content."""
    return [found for found in check_repository(config_dir) if found.is_error]


def _format(repository: Repository) -> list:
    where = display_path(repository.shared_path)
    about = dict(version=__version__, reads=CONTENT_FORMAT, file=where,
                 pinned=f"（写的是 gongshi=={repository.pinned}）" if repository.pinned else "")
    shared = repository.shared or {}
    extra = shared.get("extra") if isinstance(shared.get("extra"), dict) else {}
    found = extra.get("content_format")
    if found is None:
        return [finding("W-FORMAT-MISSING", where, None, assumed=UNNAMED_FORMAT, **about)] + _readable(UNNAMED_FORMAT, where, about)
    if isinstance(found, bool) or not isinstance(found, int) or found < 1:
        return [finding("E-FORMAT-VALUE", where, None, value=found, **about)]
    return _readable(found, where, about)


def _readable(found: int, where: str, about: dict) -> list:
    if found > CONTENT_FORMAT:
        return [finding("E-FORMAT-NEWER", where, None, found=found, **about)]
    if found < CONTENT_FORMAT:
        return [finding("E-FORMAT-OLDER", where, None, found=found, **about)]
    return []


def _schema_copy(repository: Repository) -> list:
    """The copy in schemas/ serves editors' completion; one that differs misleads the clerk."""
    copy = repository.schema_copy
    if not copy.is_dir():
        return []
    stale = [installed.name for installed in sorted(SCHEMA_DIR.glob("*.schema.json"))
             if not (copy / installed.name).is_file() or (copy / installed.name).read_bytes() != installed.read_bytes()]
    if not stale:
        return []
    return [finding("W-SCHEMAS-STALE", display_path(copy), None, version=__version__, files="、".join(stale))]
