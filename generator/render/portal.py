"""The portal page OUT/index.html: each county site with its count of decisions and its data date,
and the latest decisions of all counties, built from the county manifests (each written from its
county's public view, so that the portal shows only what the county sites show)."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

from ..paths import MANIFEST, TEMPLATE_DIR, THEME_DIR

LATEST = 10   # decisions the manifest and the portal list


def write_manifest(county, site_dir: Path) -> None:
    """A small public record of the county site, read by the portal (also when carried over)."""
    manifest = {"id": county.id, "site_name": county.site_name, "subject": county.subject["name"],
                "updated": county.updated.isoformat() if county.updated else None,
                "decisions": len(county.decisions),
                "latest": [{"id": d["id"], "case_number": d["case_number"], "kind": d["kind"], "title": d.get("title") or "",
                            "published": d["published"]} for d in county.decisions[:LATEST]],
                # Bureau mobiles shown on purpose in contact fields: `gongshi scan` does not flag them.
                "published_contacts": sorted(county.published_contacts)}
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def render_portal(out_dir: Path, today) -> None:
    counties = []
    for manifest in sorted(out_dir.glob(f"*/{MANIFEST}")):
        counties.append(json.loads(manifest.read_text(encoding="utf-8")))
    latest = sorted(({"county": c["id"], "subject": c["subject"], **d} for c in counties for d in c.get("latest") or []),
                    key=lambda d: (d["published"], d["county"], d["id"]), reverse=True)[:LATEST]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True)
    html = env.get_template("portal.html.j2").render(counties=counties, latest=latest, today=today)
    (out_dir / "index.html").write_text(html, encoding="utf-8")
    (out_dir / "favicon.svg").write_bytes((THEME_DIR / "assets" / "images" / "favicon.svg").read_bytes())
