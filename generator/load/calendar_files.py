"""Per-year working-day arrangements the calendar library does not know yet: site_config/calendar/<year>.yml.

Loaded here like any content file; the check stage validates them and builds the calendar from
the valid ones (check/calendar.py)."""

from __future__ import annotations

from pathlib import Path

from ..paths import display_path
from .yaml_file import YamlDocument, load_yaml

CALENDAR_DIR = "calendar"
CALENDAR_SCHEMA = "calendar.schema.json"


def calendar_folder(config_dir: Path) -> Path:
    return config_dir / CALENDAR_DIR


def load_calendar_files(config_dir: Path) -> tuple[list[YamlDocument], list]:
    """The year files that loaded (with data), and the findings loading them gave."""
    docs, findings = [], []
    for path in sorted(calendar_folder(config_dir).glob("*.y*ml")):
        doc, found = load_yaml(path, display_path(path), CALENDAR_SCHEMA)
        findings += found
        if doc.data is not None:
            docs.append(doc)
    return docs, findings
