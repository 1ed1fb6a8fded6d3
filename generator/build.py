"""`gongshi build`: validate → public view → render → verify → publish, for each county.

Reads top to bottom. Nothing is written over OUT until every county has built and the whole
staging folder has passed verification; whatever stops a build, nothing unverified stays readable
(publish/atomic.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import BuildRefused
from .load.county import discover_counties
from .public import public_view
from .public.view import withheld_values
from .publish.atomic import carry_over, publish, staged
from .render.markdown_tree import render_markdown
from .render.mkdocs_site import build_site
from .render.portal import render_portal, write_manifest
from .validate import validate
from .verify.leak_scan import scan_site
from .verify.markup import check_markup
from .verify.outside_hosts import verify_site


NOT_BUILT = "未生成网站：{out} 保持原样。"


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)   # warnings only: errors refuse the build

    def built_lines(self, out: Path) -> list[str]:
        return [f"已生成 {out / county_id}/" for county_id in self.built] + [f"已生成 {out / 'index.html'}"]


def build(content_dir: Path, config_dir: Path, out: Path, today: date, only: list[str] | None = None) -> BuildReport:
    validation = validate(content_dir, config_dir, only, today)
    if not validation.ok:
        raise BuildRefused(validation.findings)

    out = out.resolve()
    with staged(out) as stage:
        if only:
            all_ids, _ = discover_counties(content_dir)
            carry_over(out, stage.site, [i for i in all_ids if i not in only])
        withheld = {}
        for county in validation.counties:
            view = public_view(county, today)
            docs_dir = stage.work / county.id
            render_markdown(view, docs_dir)
            build_site(view, config_dir / f"{county.id}.yml", docs_dir, stage.site / county.id)
            write_manifest(view, stage.site / county.id)
            withheld[county.id] = withheld_values(county, today)
        render_portal(stage.site, today)

        problems = verify_site(stage.site, published_as=out) + check_markup(stage.site, published_as=out) + scan_site(
            stage.site, published_as=out, folder_secrets={c: values for c, (values, _) in withheld.items()},
            folder_exceptions={c: pages for c, (_, pages) in withheld.items()})
        if problems:
            raise BuildRefused(problems)

        publish(stage)
    return BuildReport([c.id for c in validation.counties], validation.findings)
