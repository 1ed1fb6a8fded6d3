"""Markdown tree → static site with MkDocs + Material, configured from site_config/<county>.yml.

The county file inherits the base mkdocs.yml (`INHERIT: ../mkdocs.yml`); gongshi adds only what
is computed per build: folders, navigation, theme folder and the data date.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, MkDocsException
from mkdocs.utils.yaml import yaml_load

from ..codes import finding
from ..errors import BuildRefused
from ..paths import THEME_DIR, display_path
from ..cn_format import chinese_date
from .sections import HOME, SECTIONS


COUNTY_RULES = ("redaction", "law")


def navigation() -> list:
    return [{"首页": HOME}] + [{s.heading: s.page} for s in SECTIONS]


def build_site(county, config_path: Path, docs_dir: Path, site_dir: Path) -> None:
    try:
        with open(config_path, "rb") as f:
            base = yaml_load(f)  # follows INHERIT
    except (MkDocsException, OSError) as exc:
        raise BuildRefused([finding("E-SITE-CONFIG", display_path(config_path), None, detail=exc)]) from exc
    # The site engine sees only what the theme shows: county rules such as `redaction` stay here.
    extra = {k: v for k, v in (base.get("extra") or {}).items() if k not in COUNTY_RULES}
    extra["footer"] = county.footer
    extra["gongshi"] = {"county": county.id,
                        "updated": county.updated.isoformat() if county.updated else "",
                        "updated_text": chinese_date(county.updated) if county.updated else ""}
    theme = dict(base["theme"], custom_dir=str(THEME_DIR))
    _quiet_mkdocs()
    try:
        config = load_config(
            config_file=str(config_path),
            docs_dir=str(docs_dir),
            site_dir=str(site_dir),
            # Material prints these into HTML unescaped; they come from a clerk's file.
            site_name=html.escape(county.site_name),
            site_description=html.escape(county.site_description),
            theme=theme,
            nav=navigation(),
            extra=extra,
        )
        mkdocs_build(config)
        # MkDocs' 404 page addresses everything from the host root ("/assets/…"), which breaks
        # when the county site lives under a sub-path of the government portal; the portal's
        # own web server answers unknown addresses anyway.
        (site_dir / "404.html").unlink(missing_ok=True)
    except ConfigurationError as exc:
        raise BuildRefused([finding("E-SITE-CONFIG", display_path(config_path), None, detail=exc)]) from exc
    except (MkDocsException, OSError) as exc:
        raise BuildRefused([finding("E-RENDER-SITE", display_path(config_path), None, detail=exc)]) from exc


def _quiet_mkdocs() -> None:
    # MkDocs logs every step at INFO; a clerk needs only our findings. Warnings still fail (strict).
    for name in ("mkdocs", "material", "jieba"):
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        import jieba
        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass
