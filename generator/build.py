"""`gongshi build`: validate → public view → render → verify → publish, for each county.

Reads top to bottom. A failure stays in its scope (scopes.py): a record with an error is held back
and the rest of its county builds; a county with an error keeps its previous site, less today's
removals (public/kept.py); only an error of the repository refuses the build. A county whose new
site fails verification is treated as a county with an error. Nothing is written over OUT until
every county has been decided and the staging folder has passed verification; whatever stops a
build, nothing unverified stays readable (publish/atomic.py).
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from .errors import BuildRefused
from .findings import has_errors, sort_findings
from .fingerprint import content_key, view_key
from .load.county import discover_counties
from .load.shards import shard_of
from .codes import finding
from .paths import MANIFEST, display_path
from .public import public_view
from .public.kept import kept_view
from .public.view import withheld_values
from .publish.atomic import carry_over, publish, staged
from .publish.state import Published, previous, save_published
from .render.feed import write_feed
from .render.search_index import index_site
from .render.markdown_tree import render_markdown
from .render.mkdocs_site import build_site, warm_up
from .parallel import run_each
from .render.portal import portal_files, render_portal, write_manifest
from .scopes import scoped
from .validate import check_province, validate_county
from .verify.files import verify_files
from .watched_day import DayWatch

NOT_BUILT = "未生成网站：{out} 保持原样。"

BUILT, KEPT, NOT_PUBLISHED, REMOVED = "built", "kept", "not_published", "removed"
VERIFICATION_WARNINGS = ("W-VERIFY-BROKEN-LINK",)   # said of a published site, and again while it is carried


@dataclass
class CountyOutcome:
    id: str
    status: str = BUILT                              # built, kept (its previous site), not_published, removed
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
    if outcome.status == REMOVED:
        return f"已撤下 {where}/：{outcome.why}"
    removed = f"；今天撤下 {len(outcome.removed)} 项：{'、'.join(outcome.removed)}" if outcome.removed else ""
    return f"已生成 {where}/{held}{removed}"


def build(content_dir: Path, config_dir: Path, out: Path, today: date, only: list[str] | None = None,
          jobs: int = 1, shard: tuple[int, int] | None = None) -> BuildReport:
    """`only`: these counties, the others' sites in OUT carried over as they are. `shard` (I, N):
    the I-th of N even parts of the counties (load/shards.py), and nothing else in OUT: the
    shards' outputs are put together by `gongshi portal --from`."""
    province = check_province(content_dir, config_dir, only)
    refused = scoped(province.findings, [], content_dir, config_dir).refused
    if refused or province.selection is None or province.selection.stops:
        raise BuildRefused(province.findings)
    ids = shard_of(content_dir, province.selection.ids, shard) if shard else province.selection.ids

    out = out.parent.resolve() / out.name   # OUT itself may be the link to its published generation
    report = BuildReport(today, list(province.findings))
    with staged(out) as stage:
        carried = {}
        if only and not shard:
            all_ids, _ = discover_counties(content_dir)
            carry_over(out, stage.site, [i for i in all_ids if i not in only])
            carried = {i: record for i in all_ids if i not in only and (record := previous(out, i)) is not None}
        task = _CountyTask(content_dir, config_dir, out, stage, today, province.calendar)
        if jobs > 1 and len(ids) > 1:
            warm_up()
        results = run_each(task, ids, jobs)
        for result in results:
            report.findings += result.findings
            report.counties[result.outcome.id] = result.outcome
        if not only and not shard:
            for gone in _counties_in(out) - set(ids):
                report.counties[gone] = CountyOutcome(gone, status=REMOVED, why="内容目录中已没有这个县")
        report.findings = sort_findings(report.findings)
        made = render_portal(stage.site, today, published=out if out.is_dir() else None)
        # The portal shows what each county's manifest says, which was scanned with that county's
        # own withheld values in its folder: one county's values are not another's to refuse.
        portal = verify_files(stage.site, out, made)
        if has_errors(portal):
            raise BuildRefused(portal)
        report.findings += portal

        if not (_unchanged(out, stage, results) and not only and not shard):
            _materialise(stage.site)
            publish(stage)   # else OUT already shows exactly this: no new generation
        try:
            save_published(out, carried | {r.outcome.id: r.published for r in results if r.published},
                           dropped=[r.outcome.id for r in results if not r.published])
        except OSError as exc:   # published all the same: the next build just does everything again
            report.findings.append(finding("W-STATE-UNSAVED", display_path(out), None, detail=exc))
    return report


def _unchanged(out: Path, stage, results) -> bool:
    """Whether the staged site is the published one: every county carried as it was, no other
    county in OUT, and the same portal page."""
    if not all(r.carried for r in results) or _counties_in(out) != {r.outcome.id for r in results}:
        return False
    staged_files = [p.relative_to(stage.site) for p in portal_files(stage.site)]
    return staged_files == [p.relative_to(out) for p in portal_files(out)] and \
        all(os.path.samefile(stage.site / name, out / name) or (stage.site / name).read_bytes() == (out / name).read_bytes()
            for name in staged_files)


def _counties_in(out: Path) -> set[str]:
    """The county sites OUT publishes now."""
    return {p.parent.name for p in out.glob(f"*/{MANIFEST}")} if out.is_dir() else set()


@dataclass(frozen=True)
class _CountyTask:
    """Building one county, from loading its files to a verified folder in staging: the same
    whether it runs here or in a worker process. What did not change since the last build is not
    done again (fingerprint.py): the same content, before the first day on which anything its check
    asked about the day is answered differently (watched_day.py), not even checked; the same public
    view, not rendered nor scanned again. Either way its last published folder is carried."""
    content_dir: Path
    config_dir: Path
    out: Path
    stage: object
    today: date
    calendar: object

    def __call__(self, county_id: str) -> "_CountyResult":
        before = previous(self.out, county_id)
        built_before = before if before and before.status == BUILT and (self.out / county_id).is_dir() else None
        checked_key = content_key(self.content_dir, self.config_dir, county_id)
        if built_before and built_before.content_key == checked_key and built_before.holds_on(self.today):
            _carry(self.out, self.stage, county_id)
            return _CountyResult(CountyOutcome(county_id, held_back=built_before.held_back), built_before.findings,
                                 built_before, carried=True)

        watch = DayWatch(self.today)   # which answers about the day its findings and view depend on
        today = watch.day()
        county, findings = validate_county(self.content_dir, self.config_dir, self.calendar, today, county_id)
        scopes = scoped(findings, [county], self.content_dir, self.config_dir)
        held = scopes.held_in(county_id)
        outcome = CountyOutcome(county_id, held_back=sorted(held))
        keep = partial(_keep, county, self.out, self.stage, self.today, held, outcome, self.config_dir, before)
        made_key = ""
        if county_id in scopes.kept:
            site = keep("本县有错误，见上")
        else:
            view, withheld = public_view(county, today, held, self.calendar), withheld_values(county, today, held)
            made_key = view_key(view, withheld, self.config_dir)   # reads all of it: a day kept in it is asked too
            view = dataclasses.replace(view, today=self.today)
            checked = {"checked_on": self.today, "valid_until": watch.valid_until}
            if built_before and built_before.view_key == made_key:
                _carry(self.out, self.stage, county_id)   # the same bytes, verified when they were published
                findings += [f for f in built_before.findings if f.code in VERIFICATION_WARNINGS]
                return _CountyResult(outcome, sort_findings(findings),
                                     Published(view, BUILT, checked_key, made_key, sort_findings(findings),
                                               outcome.held_back, withheld, built_before.settings, **checked),
                                     carried=True)
            try:
                site = _make(view, county, self.stage, self.config_dir, withheld)
            except BuildRefused as refused:   # the site engine failed on this county's configuration
                findings += refused.findings
                _remove(self.stage, county_id)
                site = keep("生成网站失败，见上")
        problems = self._problems(county_id, site)
        findings += problems
        if has_errors(problems):   # a warning of verification (a broken link) is said, and the site published
            _remove(self.stage, county_id)
            site = keep("新生成的网站没有通过检查，见上") if outcome.status == BUILT else None
            if has_errors(self._problems(county_id, site)):
                _remove(self.stage, county_id)
                site = None
                outcome.status, outcome.why = NOT_PUBLISHED, "生成的网站没有通过检查，见上"
        findings = sort_findings(findings)
        if outcome.status == BUILT and before is not None and site is not None:
            outcome.removed = _gone(before.view, site.view)
        if site is None:
            return _CountyResult(outcome, findings, None)
        built = outcome.status == BUILT
        return _CountyResult(outcome, findings, Published(site.view, outcome.status, checked_key if built else "",
                                                          made_key if built else "", findings, outcome.held_back,
                                                          site.withheld, site.settings,
                                                          **(checked if built and made_key else {})))

    def _problems(self, county_id: str, site) -> list:
        if site is None:
            return []
        folder = self.stage.site / county_id
        return verify_files(self.stage.site, self.out, sorted(folder.rglob("*")), {county_id: site.withheld})


@dataclass
class _CountyResult:
    outcome: CountyOutcome
    findings: list
    published: Published | None   # what its folder in staging was made from; None: nothing of it is published
    carried: bool = False         # its folder is the published one, unchanged


@dataclass
class _Site:
    view: object            # the PublicCounty it was made from
    withheld: tuple         # what must not be in it, and where withheld case numbers belong
    settings: dict | None   # the site engine's configuration it was built with


def _make(view, county, stage, config_dir: Path, withheld: tuple, settings: dict | None = None) -> _Site:
    docs_dir = stage.work / county.id
    render_markdown(view, docs_dir)
    settings = build_site(view, config_dir / f"{county.id}.yml", docs_dir, stage.site / county.id, settings)
    index_site(stage.site / county.id)
    write_feed(view, stage.site / county.id, settings.get("site_url"))
    write_manifest(view, stage.site / county.id)
    return _Site(view, withheld, settings)


def _gone(before, now) -> list[str]:
    """The decisions and withdrawal notices the previous site showed and this one does not."""
    shown = lambda view: {d["id"] for d in view.decisions} | {f"{n['id']}（撤下说明）" for n in view.withdrawal_notices}  # noqa: E731
    return sorted(shown(before) - shown(now))


def _carry(out: Path, stage, county_id: str) -> None:
    """The county's published folder into staging as it is. At first only a symbolic link: a
    rebuild in which nothing changed publishes nothing, and then leaves no copy of the province to
    remove. Made a folder of its own before a new generation is published (`_materialise`)."""
    source = (out / county_id).resolve()
    try:
        os.symlink(source, stage.site / county_id, target_is_directory=True)
    except OSError:   # no links here
        _copy_linked(source, stage.site / county_id)


def _copy_linked(source: Path, target: Path) -> None:
    """A copy whose files are hard-linked where the file system allows (nothing is ever written
    into a published file: it is only replaced)."""
    try:
        shutil.copytree(source, target, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)


def _materialise(site: Path) -> None:
    """Each county carried as a link made a folder of its own: a generation never points into
    another, which is pruned in its turn."""
    for link in [p for p in site.iterdir() if p.is_symlink()]:
        source = link.resolve()
        link.unlink()
        _copy_linked(source, link)


def _keep(county, out: Path, stage, today: date, held: frozenset, outcome: CountyOutcome, config_dir: Path,
          before: Published | None, why: str):
    """The county's previous site less today's removals, or None when there is none to keep."""
    outcome.status, outcome.why = KEPT, why
    if before is None or not (out / county.id).is_dir():
        outcome.status, outcome.why = NOT_PUBLISHED, f"{why}；又没有上次生成的网站可以保留"
        return None
    view, outcome.removed = kept_view(before.view, county, today, held)
    withheld = withheld_values(county, today, held)
    if not outcome.removed and view == before.view:
        _carry(out, stage, county.id)
        return _Site(before.view, withheld, before.settings)
    if before.settings is None:
        outcome.status, outcome.why = NOT_PUBLISHED, f"{why}；上次的网站无法按今天的撤下要求重新生成（没有记录生成它的设置）"
        return None
    try:   # with the configuration it was last built with: the county's file now may be what is wrong
        return _make(view, county, stage, config_dir, withheld, before.settings)
    except BuildRefused as refused:
        _remove(stage, county.id)
        outcome.status, outcome.why = NOT_PUBLISHED, f"{why}；上次的网站无法按今天的撤下要求重新生成（{refused.findings[0].message}）"
        return None


def _remove(stage, county_id: str) -> None:
    if (stage.site / county_id).is_symlink():
        (stage.site / county_id).unlink()
    shutil.rmtree(stage.site / county_id, ignore_errors=True)
    shutil.rmtree(stage.work / county_id, ignore_errors=True)
