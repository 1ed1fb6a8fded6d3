"""The repository around the content: its shared site settings (mkdocs.yml, which every county's
site config inherits), the gongshi version it pins (requirements.txt) and its copy of the schemas
(schemas/, for editors). They sit in the folder above site_config/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from ..codes import finding
from ..paths import display_path

SHARED_CONFIG = "mkdocs.yml"
REQUIREMENTS = "requirements.txt"
SCHEMA_COPY = "schemas"
PIN = re.compile(r"^\s*gongshi\s*==\s*([0-9A-Za-z.+-]+)", re.M)


@dataclass(frozen=True)
class Repository:
    root: Path
    shared: dict | None       # mkdocs.yml as MkDocs reads it; None when it is missing
    pinned: str | None        # the gongshi version requirements.txt pins, if it does

    @property
    def shared_path(self) -> Path:
        return self.root / SHARED_CONFIG

    @property
    def schema_copy(self) -> Path:
        return self.root / SCHEMA_COPY


def repository_of(config_dir: Path) -> Path:
    return config_dir.resolve().parent


def load_repository(config_dir: Path) -> tuple[Repository, list]:
    root = repository_of(config_dir)
    shared, findings = None, []
    path = root / SHARED_CONFIG
    if path.is_file():
        try:
            with open(path, "rb") as f:
                shared = yaml_load(f) or {}
        except (MkDocsException, OSError, ValueError) as exc:   # MkDocs' own loader: !ENV and the like are allowed here
            findings.append(finding("E-SITE-CONFIG", display_path(path), None, detail=exc))
    requirements = root / REQUIREMENTS
    match = PIN.search(requirements.read_text(encoding="utf-8", errors="replace")) if requirements.is_file() else None
    return Repository(root, shared, match.group(1) if match else None), findings
