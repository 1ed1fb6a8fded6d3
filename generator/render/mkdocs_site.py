"""Markdown tree → static site with MkDocs + Material, configured from site_config/<county>.yml.

A county's configuration is gongshi's base (render/mkdocs-base.yml, shipped in the package), then
the files the county file inherits (`INHERIT: ../mkdocs.yml`, the repository's shared settings),
then the county file itself. gongshi adds only what is computed per build: folders, navigation,
theme folder and the data date.
"""

from __future__ import annotations

import copy
import html
import logging
import os
import posixpath
import re
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, MkDocsException
from mkdocs.utils.yaml import yaml_load

from ..cn_format import chinese_date
from ..codes import finding
from ..errors import BuildRefused
from ..paths import BASE_CONFIG, THEME_DIR, display_path
from .sections import DATA, HOME, SECTIONS

# gongshi's own settings under `extra`: read by the checks, never handed to the site engine.
GONGSHI_SETTINGS = ("redaction", "law", "content_format")
# gongshi's MkDocs hooks (valid HTML from Material's page template), run before any a county names.
HOOKS = Path(__file__).with_name("mkdocs_hooks.py")


def navigation() -> list:
    return [{"首页": HOME}] + [{s.heading: s.page} for s in SECTIONS] + [{DATA.heading: DATA.page}]


def site_config(config_path: Path) -> dict:
    """The county's configuration as the site engine gets it: the base, then what the county file
    inherits, then the county file (later keys win; mappings are merged, lists replaced)."""
    try:
        with open(BASE_CONFIG, "rb") as f:
            base = yaml_load(f)
        with open(config_path, "rb") as f:
            own = yaml_load(f)  # follows INHERIT
    except (MkDocsException, OSError, ValueError, yaml.YAMLError) as exc:
        raise BuildRefused([finding("E-SITE-CONFIG", display_path(config_path), None, detail=exc)]) from exc
    if not isinstance(own, dict) or not isinstance(base, dict):
        raise BuildRefused([finding("E-SITE-CONFIG", display_path(config_path), None, detail="不是“字段: 值”的结构")])
    if isinstance(own.get("theme"), str):   # `theme: material` names the theme alone: the base's settings of it stay
        own["theme"] = {"name": own["theme"]}
    return _laid_over(base, own)


def _listed(value) -> list:
    return value if isinstance(value, list) else [value] if value else []


def _laid_over(base: dict, top: dict) -> dict:
    out = dict(base)
    for key, value in top.items():
        out[key] = _laid_over(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def build_site(county, config_path: Path, docs_dir: Path, site_dir: Path, settings: dict | None = None) -> dict:
    """Build the county's site from its Markdown tree. `settings`: the county's configuration as
    `site_config` read it for an earlier build, to use instead of its file now (a county with
    errors is remade with the configuration its site was last built with). Returns the
    configuration used. The site engine is handed these settings alone, never the file itself."""
    settings = copy.deepcopy(settings) if settings is not None else site_config(config_path)
    config = copy.deepcopy(settings)
    given = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    extra = {k: v for k, v in given.items() if k not in GONGSHI_SETTINGS}
    extra["footer"] = county.footer
    extra["gongshi"] = {"county": county.id,
                        "updated": county.updated.isoformat() if county.updated else "",
                        "updated_text": chinese_date(county.updated) if county.updated else ""}
    config.update(
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        # Material prints these into HTML unescaped; they come from a clerk's file.
        site_name=html.escape(county.site_name),
        site_description=html.escape(county.site_description),
        theme=dict(config["theme"], custom_dir=str(THEME_DIR)),
        nav=navigation(),
        extra=extra,
        hooks=[str(HOOKS), *_listed(config.get("hooks"))],
    )
    _quiet_mkdocs()
    stub = docs_dir.parent / f".{county.id}.mkdocs.yml"   # MkDocs wants a file; everything comes from `config`
    try:
        stub.write_text("site_name: gongshi\n", encoding="utf-8")
        with _dated(county.updated):
            mkdocs_build(load_config(config_file=str(stub), **config))
        _without_unused_assets(site_dir)
        # 404.html is the theme's own page (theme/404.html): it loads nothing and links by full address.
    except ConfigurationError as exc:
        raise BuildRefused([finding("E-SITE-CONFIG", display_path(config_path), None, detail=exc)]) from exc
    except (MkDocsException, OSError) as exc:
        raise BuildRefused([finding("E-RENDER-SITE", display_path(config_path), None, detail=exc)]) from exc
    return settings


REFERENCE = re.compile(r"""(?:src|href)\s*=\s*["']([^"'#?]+)|url\(\s*["']?([^"')#?]+)""")


def _without_unused_assets(site_dir: Path) -> None:
    """Remove what the theme copies into every site and no page uses: the search engine's language
    packs and workers, source maps, icons of unused features (a county site was 3 MB of them).
    What a page or a used stylesheet names stays; the link check of verification proves nothing
    used went missing. Addresses are resolved as text: every page names the same few files."""
    assets = site_dir / "assets"
    if not assets.is_dir():
        return
    used: set[str] = set()
    pending = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")]
    while pending:
        source = pending.pop()
        text = (site_dir / source).read_text(encoding="utf-8", errors="replace")
        for a, b in REFERENCE.findall(text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source), a or b))
            if target.startswith("assets/") and target not in used:
                used.add(target)
                if target.endswith(".css") and (site_dir / target).is_file():
                    pending.append(target)
    for path in sorted(assets.rglob("*"), reverse=True):   # files before the folders that hold them
        if path.is_file() and path.relative_to(site_dir).as_posix() not in used:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


@contextmanager
def _dated(day):
    """The site engine stamps its build date into files (the gzip header of sitemap.xml.gz): make it
    the county's data date, so that the same content gives the same bytes on any day."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day else datetime(2000, 1, 1, tzinfo=timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def warm_up() -> None:
    """Import what every county's build needs once (the site engine, the theme, the page parser),
    before worker processes are forked from this one and share it."""
    _quiet_mkdocs()
    import material  # noqa: F401
    import selectolax.lexbor  # noqa: F401


def _quiet_mkdocs() -> None:
    # MkDocs logs every step at INFO; a clerk needs only our findings. Warnings still fail (strict).
    for name in ("mkdocs", "material"):
        logging.getLogger(name).setLevel(logging.WARNING)
