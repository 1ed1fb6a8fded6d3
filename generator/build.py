"""`gongshi build`: validate → public view → render → verify → publish, for each county.

Reads top to bottom. A failure stays in its scope (scopes.py): a record with an error is held back
and the rest of its county builds; a county with an error keeps its previous site, less today's
removals (public/kept.py); only an error of the repository refuses the build. A county whose new
site fails verification is treated as a county with an error. Nothing is written over OUT until
every county has been decided and the staging folder has passed verification; whatever stops a
build, nothing unverified stays readable (publish/atomic.py).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .errors import BuildRefused
from .findings import has_errors
from .load.county import discover_counties
from .paths import display_path
from .public import public_view
from .public.kept import kept_view
from .public.view import withheld_values
from .publish.atomic import carry_over, publish, staged
from .publish.state import previous_view, save_views
from .render.markdown_tree import render_markdown
from .render.mkdocs_site import build_site
from .render.portal import render_portal, write_manifest
from .scopes import scoped
from .validate import validate
from .verify.leak_scan import scan_site
from .verify.markup import check_markup
from .verify.outside_hosts import verify_site

NOT_BUILT = "未生成网站：{out} 保持原样。"

BUILT, KEPT, NOT_PUBLISHED = "built", "kept", "not_published"


@dataclass
class CountyOutcome:
    id: str
    status: str = BUILT                              # built, kept (its previous site), not_published
    held_back: list[str] = field(default_factory=list)   # decisions not published for errors in their records
    removed: list[str] = field(default_factory=list)     # decisions and notices a kept site lost today
    why: str = ""                                    # for kept and not_published: why


@dataclass
class BuildReport:
    today: date
    findings: list = field(default_factory=list)     # every finding of the check and of verification
    counties: dict[str, CountyOutcome] = field(default_factory=dict)
    refused: bool = False                            # nothing was published

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    def built_lines(self, out: Path) -> list[str]:
        return [_line(outcome, display_path(out / outcome.id)) for outcome in self.counties.values()] + \
            [f"已生成 {display_path(out / 'index.html')}"]

    def summary(self, out: Path) -> dict:
        """What CI reads: each county's outcome, and the findings by where they fall."""
        return {
            "today": self.today.isoformat(),
            "out": str(out),
            "refused": self.refused,
            "errors": sum(f.is_error for f in self.findings),
            "warnings": sum(not f.is_error for f in self.findings),
            "counties": {o.id: {"status": o.status, "held_back": o.held_back, "removed": o.removed, "why": o.why}
                         for o in self.counties.values()},
            "findings": [{"path": f.path, "line": f.line, "code": f.code, "severity": f.severity.value,
                          "effect": f.effect.value, "message": f.message, "hint": f.hint} for f in self.findings],
        }


def _line(outcome: CountyOutcome, where: str) -> str:
    held = f"；{len(outcome.held_back)} 项决定因记录有错误暂不公示：{'、'.join(outcome.held_back)}" if outcome.held_back else ""
    removed = f"；今天应撤下的 {len(outcome.removed)} 项已撤下：{'、'.join(outcome.removed)}" if outcome.removed else ""
    if outcome.status == KEPT:
        return f"保留上次生成的 {where}/（{outcome.why}）{removed}{held}"
    if outcome.status == NOT_PUBLISHED:
        return f"未发布 {where}/：{outcome.why}"
    return f"已生成 {where}/{held}"


def build(content_dir: Path, config_dir: Path, out: Path, today: date, only: list[str] | None = None) -> BuildReport:
    validation = validate(content_dir, config_dir, only, today)
    scopes = scoped(validation.findings, validation.counties, content_dir, config_dir)
    if scopes.refused:
        raise BuildRefused(validation.findings)

    out = out.resolve()
    report = BuildReport(today, list(validation.findings))
    with staged(out) as stage:
        if only:
            all_ids, _ = discover_counties(content_dir)
            carry_over(out, stage.site, [i for i in all_ids if i not in only])
        sites = {}
        for county in validation.counties:
            held = scopes.held_in(county.id)
            outcome = report.counties.setdefault(county.id, CountyOutcome(county.id, held_back=sorted(held)))
            if county.id in scopes.kept:
                sites[county.id] = _keep(county, out, stage, today, held, outcome, config_dir, "本县有错误，见上")
                continue
            try:
                sites[county.id] = _make(public_view(county, today, held), county, stage, config_dir,
                                         withheld_values(county, today, held))
            except BuildRefused as refused:   # the site engine failed on this county's configuration
                report.findings += refused.findings
                _remove(stage, county.id)
                sites[county.id] = _keep(county, out, stage, today, held, outcome, config_dir, "生成网站失败，见上")
        render_portal(stage.site, today)

        unverified, portal = _unverified(stage, out, sites)
        if portal:
            raise BuildRefused(portal)
        for county_id, problems in unverified.items():
            report.findings += problems
            county = next(c for c in validation.counties if c.id == county_id)
            _remove(stage, county_id)
            outcome = report.counties[county_id]
            if outcome.status == BUILT:
                sites[county_id] = _keep(county, out, stage, today, scopes.held_in(county_id), outcome, config_dir,
                                         "新生成的网站没有通过检查，见上")
                problems = _unverified(stage, out, {county_id: sites[county_id]})[0].get(county_id)
            if problems:
                _remove(stage, county_id)
                sites[county_id] = None
                outcome.status, outcome.why = NOT_PUBLISHED, "生成的网站没有通过检查，见上"
        if unverified:
            render_portal(stage.site, today)   # again: a county may have gone

        publish(stage)
        save_views(out, {i: s.view for i, s in sites.items() if s and s.view is not None},
                   dropped=[i for i, s in sites.items() if s is None])
    return report


@dataclass
class _Site:
    view: object            # the PublicCounty it was made from; None for a previous site carried as it was
    withheld: tuple         # what must not be in it, and where withheld case numbers belong


def _make(view, county, stage, config_dir: Path, withheld: tuple) -> _Site:
    docs_dir = stage.work / county.id
    render_markdown(view, docs_dir)
    build_site(view, config_dir / f"{county.id}.yml", docs_dir, stage.site / county.id)
    write_manifest(view, stage.site / county.id)
    return _Site(view, withheld)


def _keep(county, out: Path, stage, today: date, held: frozenset, outcome: CountyOutcome, config_dir: Path, why: str):
    """The county's previous site less today's removals, or None when there is none to keep."""
    outcome.status, outcome.why = KEPT, why
    previous = previous_view(out, county.id)
    if previous is None or not (out / county.id).is_dir():
        outcome.status, outcome.why = NOT_PUBLISHED, f"{why}；又没有上次生成的网站可以保留"
        return None
    view, outcome.removed = kept_view(previous, county, today, held)
    withheld = withheld_values(county, today, held)
    if not outcome.removed and view.officers == previous.officers:
        shutil.copytree(out / county.id, stage.site / county.id)
        return _Site(previous, withheld)
    try:
        return _make(view, county, stage, config_dir, withheld)
    except BuildRefused as refused:
        _remove(stage, county.id)
        outcome.status, outcome.why = NOT_PUBLISHED, f"{why}；上次的网站无法按今天的撤下要求重新生成（{refused.findings[0].message}）"
        return None


def _remove(stage, county_id: str) -> None:
    shutil.rmtree(stage.site / county_id, ignore_errors=True)
    shutil.rmtree(stage.work / county_id, ignore_errors=True)


def _unverified(stage, out: Path, sites: dict) -> tuple[dict[str, list], list]:
    """The problems verification finds in each county folder of staging (of those in `sites`),
    and in the portal."""
    present = {i: s for i, s in sites.items() if s is not None}
    problems = verify_site(stage.site, published_as=out) + check_markup(stage.site, published_as=out) + scan_site(
        stage.site, published_as=out, folder_secrets={i: s.withheld[0] for i, s in present.items()},
        folder_exceptions={i: s.withheld[1] for i, s in present.items()})
    by_county, portal = {}, []
    for problem in problems:
        county_id = _county_of(problem.path, out)
        if county_id is None:
            portal.append(problem)
        elif county_id in present:
            by_county.setdefault(county_id, []).append(problem)
    return by_county, portal


def _county_of(path: str, out: Path) -> str | None:
    for root in (out, Path(display_path(out))):
        if Path(path).is_relative_to(root) and len(Path(path).relative_to(root).parts) > 1:
            return Path(path).relative_to(root).parts[0]
    return None
