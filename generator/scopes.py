"""Where each finding's effect falls (DESIGN.md, principle 5).

An error whose code holds back (codes.py `E`) holds what it was found in:
- a decision file (or its attachment, which its findings name through the decision): that record
  is not published, the rest of its county builds;
- any other file of a county (its lists, subject, attachments, site config): the county keeps its
  previous site, with today's removals made all the same (public/kept.py);
- a file of the repository (the shared mkdocs.yml, schemas, a content format it cannot read), or
  the choice of counties itself: nothing is built.
Errors of lateness and procedure (`P`) fail the check and hold nothing back; warnings hold nothing.
A folder under content/ that is no county holds nothing either: it is not read. Nor does a
calendar file that does not load: its year is then one nobody knows, and each deadline in it says
so (E-CALENDAR-YEAR).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .findings import Effect
from .kinds import DECISION_DIR
from .load.calendar_files import calendar_folder
from .paths import display_path


@dataclass
class Scopes:
    refused: list = field(default_factory=list)   # errors that stop the whole build
    kept: dict = field(default_factory=dict)      # county id → errors that keep its previous site
    held: dict = field(default_factory=dict)      # county id → {decision id → errors holding it back}

    def held_in(self, county_id: str) -> frozenset[str]:
        return frozenset(self.held.get(county_id, {}))


def scoped(findings, counties, content_dir: Path, config_dir: Path) -> Scopes:
    scopes = Scopes()
    places = [_Place(c.id, display_path(content_dir / c.id), display_path(config_dir / f"{c.id}.yml")) for c in counties]
    content, calendars = display_path(content_dir), display_path(calendar_folder(config_dir))
    for found in findings:
        if found.effect is not Effect.HOLD or not found.is_error:
            continue
        place = next((p for p in places if p.holds(found.path)), None)
        if place is None:
            if not _inside(found.path, content) and not _inside(found.path, calendars):
                scopes.refused.append(found)
        elif (record := place.record(found.path)) is not None:
            scopes.held.setdefault(place.county, {}).setdefault(record, []).append(found)
        else:
            scopes.kept.setdefault(place.county, []).append(found)
    return scopes


@dataclass(frozen=True)
class _Place:
    county: str
    folder: str
    config: str

    def holds(self, path: str) -> bool:
        return Path(path) == Path(self.config) or Path(path).is_relative_to(self.folder)

    def record(self, path: str) -> str | None:
        """The decision a path names, when it is one of the county's decision files."""
        path = Path(path)
        if path.parent == Path(self.folder) / DECISION_DIR and path.suffix in (".yml", ".yaml"):
            return path.stem
        return None


def _inside(path: str, folder: str) -> bool:
    return Path(path).is_relative_to(folder) and Path(path) != Path(folder)
