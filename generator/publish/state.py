"""The public view each county's published site was made from, kept beside OUT in a private
folder (`.OUT.state/`, mode 0700, never served): when a county has errors, its previous site is
remade from it less today's removals (public/kept.py).

The views hold only what the public view let out, but some of it (dates and ids the pages do not
print) is not meant for the web, hence private. A view that cannot be read back (a gongshi of
another version wrote it, the disk lost it) counts as none: the county then has no previous site
to keep.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from ..version import __version__
from .atomic import MARKER


def state_folder(out: Path) -> Path:
    return out.with_name(f".{out.name}.state")


def previous_view(out: Path, county_id: str):
    folder = state_folder(out)
    if not _ours(folder):
        return None
    path = folder / f"{county_id}.pickle"
    try:
        with open(path, "rb") as f:
            version, view = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    return view if version == __version__ else None


def _ours(folder: Path) -> bool:
    """Only a folder this user made private and marked is read back: a pickle runs what it holds."""
    try:
        info = folder.stat()
    except OSError:
        return False
    if not (folder / MARKER).is_file() or folder.is_symlink():
        return False
    return os.name != "posix" or (info.st_uid == os.getuid() and not info.st_mode & 0o077)


def save_views(out: Path, views: dict, dropped=()) -> None:
    """Record the views just published, each replacing its file in one step; forget the counties
    that are no longer published."""
    folder = state_folder(out)
    folder.mkdir(mode=0o700, exist_ok=True)
    (folder / MARKER).write_text("gongshi\n", encoding="utf-8")
    for county_id, view in views.items():
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{county_id}-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((__version__, view), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"{county_id}.pickle")
    for county_id in dropped:
        (folder / f"{county_id}.pickle").unlink(missing_ok=True)
