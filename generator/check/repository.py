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
    if not repository.shared_problems:   # a mkdocs.yml that did not load has said so: its format is unknown, not missing
        findings += _format(repository)
    return findings + _pin(repository) + _schema_copy(repository)


def repository_stops(config_dir: Path) -> list:
    """The errors that keep every command from reading the repository's content."""
    return [found for found in check_repository(config_dir) if found.is_error]


def _format(repository: Repository) -> list:
    where = display_path(repository.shared_path)
    pinned = repository.pinned if repository.pinned and repository.pinned != __version__ else None
    about = dict(version=__version__, reads=CONTENT_FORMAT, file=where,
                 pinned=f"：pip install -r requirements.txt（写的是 gongshi=={pinned}）" if pinned else
                 "，并在 requirements.txt 中写明这个版本",
                 still=f"（如 requirements.txt 写明的 {pinned}）" if pinned else "")
    shared = repository.shared
    if shared is None:
        return [finding("W-FORMAT-MISSING", where, None, assumed=UNNAMED_FORMAT,
                        create="（这个文件还没有：请新建，第一行写 site_name: 行政执法公示）", **about)] + \
            _readable(UNNAMED_FORMAT, where, about)
    extra = shared.get("extra") if isinstance(shared.get("extra"), dict) else {}
    found = extra.get("content_format")
    if found is None:
        return [finding("W-FORMAT-MISSING", where, None, assumed=UNNAMED_FORMAT, create="", **about)] + \
            _readable(UNNAMED_FORMAT, where, about)
    if isinstance(found, bool) or not isinstance(found, int) or found < 1:
        value = f"'{found}'（加了引号，是文字）" if isinstance(found, str) else str(found)
        return [finding("E-FORMAT-VALUE", where, None, value=value, **about)]
    return _readable(found, where, about)


def _readable(found: int, where: str, about: dict) -> list:
    if found > CONTENT_FORMAT:
        return [finding("E-FORMAT-NEWER", where, None, found=found, **about)]
    if found < CONTENT_FORMAT:
        return [finding("E-FORMAT-OLDER", where, None, found=found, **about)]
    return []


def _pin(repository: Repository) -> list:
    """requirements.txt says which gongshi the repository is checked with; another one may judge it differently."""
    if repository.pinned is None or repository.pinned == __version__:
        return []
    return [finding("W-VERSION-PIN", display_path(repository.root / "requirements.txt"), None,
                    pinned=repository.pinned, version=__version__)]


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
