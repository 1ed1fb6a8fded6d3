"""`gongshi precommit FILE…`: which counties a commit touches, so that the pre-commit hook validates
only those (a province has a hundred counties; a clerk's commit touches one).

A file under content/<county>/ or site_config/<county>.yml belongs to that county. A file every
county reads — the schemas, the root mkdocs.yml, the calendar files, requirements.txt (the version
gongshi checks against) — touches them all. Anything else (the README, CI files) touches none.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .load.county import discover_counties
from .load.repository import SCHEMA_COPY, SHARED_CONFIG

CALENDAR_FOLDER = "calendar"   # site_config/calendar/<year>.yml: the working days of every county
REQUIREMENTS = "requirements.txt"


def counties_touched(files: list[Path], content_dir: Path, config_dir: Path) -> list[str] | None:
    """The ids of the counties `files` belong to, sorted; None when a shared file is among them
    (validate every county). Paths are as git gives them: relative to the repository, which is the
    working directory."""
    known, _ = discover_counties(content_dir)
    touched: set[str] = set()
    for file in files:
        county = _county_of(PurePosixPath(Path(file).as_posix()), content_dir, config_dir)
        if county is _ALL:
            return None
        if county in known:
            touched.add(county)
    return sorted(touched)


_ALL = object()


def _county_of(path: PurePosixPath, content_dir: Path, config_dir: Path):
    """The county a file belongs to, _ALL for a file every county reads, None for neither."""
    parts = path.parts
    content, config = PurePosixPath(content_dir.as_posix()).parts, PurePosixPath(config_dir.as_posix()).parts
    if parts in ((SHARED_CONFIG,), (REQUIREMENTS,)) or parts[:1] == (SCHEMA_COPY,):
        return _ALL
    if parts[:len(content)] == content and len(parts) > len(content) + 1:
        return parts[len(content)]
    if parts[:len(config)] == config and len(parts) > len(config):
        rest = parts[len(config):]
        if rest[0] == CALENDAR_FOLDER:
            return _ALL
        if len(rest) == 1 and rest[0].endswith(".yml"):
            return rest[0][:-len(".yml")]
    return None
