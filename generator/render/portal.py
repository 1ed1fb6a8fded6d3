"""The portal page OUT/index.html: each county site with its count of decisions and its data date,
the latest decisions of all counties, and a search across counties, built from the county
manifests (each written from its county's public view, so that the portal shows and finds only
what the county sites show). The portal's own files are the top-level files of OUT and its
`_portal/` folder, a name no county can have (county ids start with a letter or digit)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import jinja2

from ..paths import MANIFEST, TEMPLATE_DIR, THEME_DIR
from .search_index import SEARCH_DIR, record, write_index

LATEST = 10   # decisions the portal lists
PORTAL_DIR = "_portal"
SOURCE = "source.sha256"   # in the portal's search folder: the digest of the manifests it was made from
SEARCH_SCRIPT = THEME_DIR / "assets" / "javascripts" / "gongshi-search.js"


def write_manifest(county, site_dir: Path) -> None:
    """A small public record of the county site, read by the portal (also when carried over)."""
    manifest = {"id": county.id, "site_name": county.site_name, "subject": county.subject["name"],
                "updated": county.updated.isoformat() if county.updated else None,
                "decisions": len(county.decisions),
                "records": [{"id": d["id"], "case_number": d["case_number"], "kind": d["kind"], "title": d.get("title") or "",
                             "party": (d.get("party") or {}).get("name") or "", "decided": d["decided"],
                             "published": d["published"]} for d in county.decisions],
                # Bureau mobiles shown on purpose in contact fields: `gongshi scan` does not flag them.
                "published_contacts": sorted(county.published_contacts)}
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def _decisions_of(county: dict) -> list[dict]:
    return county.get("records") or county.get("latest") or []   # `latest`: a manifest of gongshi before 0.9


def render_portal(out_dir: Path, today, published: Path | None = None) -> list[Path]:
    """Write the portal into `out_dir` from the county manifests there. `published`: the province
    site now published, whose search index is taken over (linked, as verified when it was
    published) when it was made from the same manifests. Returns the files written anew, which
    are the ones to verify."""
    manifests = [path.read_bytes() for path in sorted(out_dir.glob(f"*/{MANIFEST}"))]
    counties = [json.loads(data) for data in manifests]
    source = hashlib.sha256(b"".join(manifests)).hexdigest()
    latest = sorted(({"county": c["id"], "subject": c["subject"], **d} for c in counties for d in _decisions_of(c)),
                    key=lambda d: (d["published"], d["county"], d["id"]), reverse=True)[:LATEST]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True)
    html = env.get_template("portal.html.j2").render(counties=counties, latest=latest, today=today,
                                                     search=f"{PORTAL_DIR}/{SEARCH_DIR}/",
                                                     script=f"{PORTAL_DIR}/{SEARCH_SCRIPT.name}")
    (out_dir / "index.html").write_text(html, encoding="utf-8")
    (out_dir / "favicon.svg").write_bytes((THEME_DIR / "assets" / "images" / "favicon.svg").read_bytes())
    portal = out_dir / PORTAL_DIR
    shutil.rmtree(portal, ignore_errors=True)
    portal.mkdir()
    shutil.copyfile(SEARCH_SCRIPT, portal / SEARCH_SCRIPT.name)
    fresh = [out_dir / "index.html", out_dir / "favicon.svg", portal / SEARCH_SCRIPT.name]
    index = portal / SEARCH_DIR
    if published is not None and _made_from(published / PORTAL_DIR / SEARCH_DIR) == source:
        _link_copy(published / PORTAL_DIR / SEARCH_DIR, index)
        return fresh
    write_index(_search_records(counties), index, entries_inline=True)
    (index / SOURCE).write_text(source + "\n", encoding="utf-8")
    return fresh + [p for p in index.rglob("*") if p.is_file()]


def _made_from(index: Path) -> str | None:
    """The digest of the manifests a portal search index was made from, if it says."""
    try:
        return (index / SOURCE).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def _link_copy(source: Path, target: Path) -> None:
    try:
        shutil.copytree(source, target, copy_function=os.link)
    except OSError:   # another file system: a plain copy
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)


def _search_records(counties: list[dict]) -> list:
    """What a search across counties finds: each county by its name, each decision on a county
    site by its case number, title and party, as its county site shows them."""
    records = []
    for c in counties:
        records.append(record(f"{c['id']}/", c["subject"], [(c["subject"], 10), (c["site_name"], 6)], c["site_name"]))
        for d in _decisions_of(c):
            title = " ".join(part for part in (d["case_number"], d.get("title")) if part)
            party = d.get("party") or ""
            shown = "，".join(part for part in (c["subject"], f"{d['kind']}决定", f"作出日期 {d['decided']}" if d.get("decided") else "",
                                                 f"当事人：{party}" if party else "") if part)
            records.append(record(f"{c['id']}/decisions/{d['id']}/", title,
                                  [(d["case_number"], 10), (d.get("title"), 6), (party, 6), (d["kind"], 2), (c["subject"], 2)],
                                  shown))
    return records


def portal_files(out_dir: Path) -> list[Path]:
    """The files of the portal itself in a province site: what is not a county's."""
    files = [p for p in out_dir.iterdir() if p.is_file()]
    portal = out_dir / PORTAL_DIR
    return sorted(files + ([p for p in portal.rglob("*") if p.is_file()] if portal.is_dir() else []))
