"""The portal page OUT/index.html: one link per county site, built from the county manifests."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2

from ..paths import MANIFEST, TEMPLATE_DIR


def write_manifest(county, site_dir: Path) -> None:
    """A small public record of the county site, read by the portal (also when carried over)."""
    manifest = {"id": county.id, "site_name": county.site_name, "subject": county.subject["name"],
                "updated": county.updated.isoformat() if county.updated else None,
                # Bureau mobiles shown on purpose in contact fields: `gongshi scan` does not flag them.
                "published_contacts": sorted(county.published_contacts)}
    (site_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")


def render_portal(out_dir: Path, today) -> None:
    counties = []
    for manifest in sorted(out_dir.glob(f"*/{MANIFEST}")):
        counties.append(json.loads(manifest.read_text(encoding="utf-8")))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True)
    html = env.get_template("portal.html.j2").render(counties=counties, today=today)
    (out_dir / "index.html").write_text(html, encoding="utf-8")
