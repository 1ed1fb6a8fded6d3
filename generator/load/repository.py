"""The repository around the content: its shared site settings (mkdocs.yml, which county site
configs inherit), the gongshi version it pins (requirements.txt) and its copy of the schemas
(schemas/, for editors). They sit in the folder above site_config/.

mkdocs.yml is MkDocs' file, so MkDocs' own tags (`!ENV`, `!relative`) are allowed in it; it is read
here with a safe loader all the same: checking a repository never runs what a file says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from ..codes import finding
from ..paths import display_path
from .yaml_errors import explain
from .yaml_file import MAX_DEPTH, decode_text

SHARED_CONFIG = "mkdocs.yml"
REQUIREMENTS = "requirements.txt"
SCHEMA_COPY = "schemas"
PIN = re.compile(r"^\s*gongshi\s*==\s*([0-9A-Za-z.+!-]+)", re.M)


class _SharedConfigLoader(yaml.SafeLoader):
    """MkDocs' `!ENV` as MkDocs reads it; any other tag gives nothing, and nothing is ever constructed from it."""


_SharedConfigLoader.add_constructor("!ENV", construct_env_tag)
_SharedConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Repository:
    root: Path
    shared: dict | None       # mkdocs.yml as read; None when it is missing or could not be read
    shared_problems: bool     # mkdocs.yml exists but could not be read (reported)
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
    shared, findings = _shared_config(root / SHARED_CONFIG)
    requirements = root / REQUIREMENTS
    match = PIN.search(requirements.read_text(encoding="utf-8", errors="replace")) if requirements.is_file() else None
    return Repository(root, shared, bool(findings), match.group(1) if match else None), findings


def _shared_config(path: Path) -> tuple[dict | None, list]:
    if not path.is_file():
        return None, []
    display = display_path(path)
    text, problem = decode_text(path.read_bytes(), display)
    if problem:
        return None, [problem]
    try:
        data = yaml.load(text, Loader=_SharedConfigLoader)   # noqa: S506 — a SafeLoader subclass
    except yaml.YAMLError as exc:
        return None, [explain(exc, text, display)]
    except RecursionError:
        return None, [finding("E-YAML-DEPTH", display, 1, limit=MAX_DEPTH)]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return None, [finding("E-SITE-CONFIG", display, 1, detail="内容不是“字段: 值”的结构")]
    return data, []
