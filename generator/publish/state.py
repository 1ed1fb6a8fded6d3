"""What each county's published site was made from, kept beside OUT in a private folder
(`<generation>.state/` beside the generation it describes, mode 0700, never served): its public view, from which a county with errors has its
previous site remade less today's removals (public/kept.py), and the keys (fingerprint.py) and
findings that let the next build carry an unchanged county over without doing it again.

The views hold only what the public view let out, but some of it (dates and ids the pages do not
print) is not meant for the web, and the values the leak scan searches for are the very ones that
must never be published: hence private. A view that cannot be read back (a gongshi of
another version wrote it, the disk lost it) counts as none: the county then has no previous site
to keep.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

from ..version import __version__, package_digest
from .atomic import MARKER, current_generation


@dataclass
class Published:
    view: object                  # the PublicCounty the folder was made from
    status: str                   # how the build ended for it (build.py: built, kept)
    content_key: str = ""         # fingerprint.content_key of what it was checked from
    view_key: str = ""            # fingerprint.view_key of what the folder was made from
    findings: list = field(default_factory=list)   # the findings that check gave
    held_back: list = field(default_factory=list)  # decisions it held back
    withheld: tuple = ({}, {})    # what the leak scan searched its folder for (public/view.withheld_values)
    settings: dict | None = None  # the site engine's configuration it was built with
    checked_on: date | None = None   # the day its findings and view were made for
    valid_until: date | None = None  # the first day on which they may differ (watched_day.py); None: never

    def holds_on(self, day: date) -> bool:
        """Whether its findings and view are what a check on `day` gives."""
        return self.checked_on is not None and self.checked_on <= day and (self.valid_until is None or day < self.valid_until)


def state_folder(out: Path) -> Path:
    """Beside the generation OUT links to, so that a rollback takes its record with it."""
    generation = current_generation(out)
    return generation.with_name(generation.name + ".state") if generation else out.with_name(f".{out.name}.state")


def previous(out: Path, county_id: str, folder: Path | None = None) -> Published | None:
    """What the county's folder in OUT's published generation (or in the one whose state
    `folder` is) was made from."""
    folder = folder or state_folder(out)
    if not _ours(folder):
        return None
    path = folder / f"{county_id}.pickle"
    try:
        with open(path, "rb") as f:
            version, published = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None
    if version != (__version__, package_digest()) or not isinstance(published, Published) \
            or getattr(published.view, "id", None) != county_id:
        return None   # another gongshi's record, or another county's: it proves nothing here
    return published


def _ours(folder: Path) -> bool:
    """Only a folder this user made private and marked is read back: a pickle runs what it holds."""
    try:
        info = folder.stat()
    except OSError:
        return False
    if not (folder / MARKER).is_file() or folder.is_symlink():
        return False
    return os.name != "posix" or (info.st_uid == os.getuid() and not info.st_mode & 0o022)   # nobody else can write


def save_published(out: Path, published: dict[str, Published], dropped=()) -> None:
    """Record what was just published, each county replacing its file in one step; forget the
    counties that are no longer published."""
    folder = state_folder(out)
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o700)   # restored from a CI cache, it may have come back readable
    (folder / MARKER).write_text("gongshi\n", encoding="utf-8")
    for county_id, record in published.items():
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{county_id}-")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(((__version__, package_digest()), record), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, folder / f"{county_id}.pickle")
    for county_id in dropped:
        (folder / f"{county_id}.pickle").unlink(missing_ok=True)
