"""What a county's output depends on, as digests, so that a build does again only what changed.

- `content_key`: everything its findings and its public view are made from but the day — every
  file of its content folder, its site config, the repository's shared mkdocs.yml and calendar
  files, and this gongshi (its version and its own files). The same key, on a day before the one
  on which any answer about the day changes (watched_day.py): the same findings and the same view
  as last time, without reading a record.
- `view_key`: everything its published folder is made from — the public view itself (but not the
  day: no page prints it), the values the leak scan searches for, the site config, and the
  rendering code, theme and site engine. The same key: the same bytes as last time, so the folder
  last published (and verified) is carried over as it is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .load.calendar_files import calendar_folder
from .load.county import last_updated
from .load.repository import SHARED_CONFIG, repository_of
from .version import __version__, package_digest

ENGINE = ("mkdocs", "mkdocs-material", "jinja2", "pymdown-extensions", "selectolax")


def content_key(content_dir: Path, config_dir: Path, county_id: str) -> str:
    digest = hashlib.sha256()
    folder = content_dir / county_id
    updated = last_updated(folder) if folder.is_dir() else None   # the data date the pages print
    _add(digest, "gongshi", __version__, package_digest(), str(updated))
    for path in sorted(folder.rglob("*")):
        if path.is_file() or path.is_symlink():
            _add_file(digest, path.relative_to(folder).as_posix(), path)
    for path in [config_dir / f"{county_id}.yml", repository_of(config_dir) / SHARED_CONFIG] + \
            sorted(calendar_folder(config_dir).glob("*")):
        _add_file(digest, str(path), path)
    return digest.hexdigest()


def view_key(view, withheld, config_dir: Path) -> str:
    digest = hashlib.sha256()
    _add(digest, __version__, package_digest(), *engine_versions())
    shown = {f.name: getattr(view, f.name) for f in dataclasses.fields(view) if f.name != "today"}
    _add(digest, json.dumps(shown, sort_keys=True, ensure_ascii=False, default=_plain))
    _add(digest, json.dumps(withheld, sort_keys=True, ensure_ascii=False, default=_plain))
    for path in (config_dir / f"{view.id}.yml", repository_of(config_dir) / SHARED_CONFIG):
        _add_file(digest, str(path), path)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def engine_versions() -> tuple[str, ...]:
    found = []
    for name in ENGINE:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} missing")
    return tuple(found)


def _add(digest, *parts: str) -> None:
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big") + data)


def _add_file(digest, name: str, path: Path) -> None:
    try:
        data = b"link:" + str(path.readlink()).encode() if path.is_symlink() else path.read_bytes()
    except OSError:
        data = b"\0missing"
    _add(digest, name)
    digest.update(len(data).to_bytes(8, "big") + data)


def _plain(value):
    """JSON for what a public view holds besides plain values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, (date, Decimal)):
        return str(value)
    return str(value)
