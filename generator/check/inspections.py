"""Random inspections (双随机、一公开): each draw made as it must be, each task as drawn, each
inspection by enough officers holding a certificate on the day and not recused, outside the
county's quiet period unless for a listed reason, and each result published in time.

None of these takes anything off the site (P: the check fails): an inspection that was made is
disclosed, rightly or wrongly made. What the draw is, is computed once for the checks and the
public view alike (load/plans.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath

from ..cn_format import chinese_date
from ..codes import finding
from ..law.certificates import in_force, standing
from ..law.county import county_law
from ..law.lifecycle import day_of
from ..law.quiet_period import quiet_period_of
from ..load.plans import batches, frozen_path, pool_objects
from .decisions import counted

FILE = "random-inspections"


def check_inspections(county, calendar, today: date, flawed: set[str]) -> list:
    """`flawed`: the files that already have an error. Draws and tasks are judged against the
    officers and the pool; while either is missing or wrong, its own findings come first, and a
    draw computed from it would only add noise."""
    doc = county.documents.get(FILE)
    if doc is None or not isinstance(doc.data, dict):
        return []
    if not {"inspection-objects"} & (set(county.documents) | county.unreadable):
        return [finding("E-INSPECT-POOL-MISSING", doc.display, 1)]
    if not _sound(county, ("officers", "inspection-objects"), flawed):
        return []
    law = county_law(county)
    officers = {}
    for officer in (county.data("officers") or {}).get("officers", []):
        if isinstance(officer, dict):
            officers.setdefault(officer.get("id"), officer)
    objects = {o.get("id"): o for o in pool_objects(county)}
    made = {b.index: b for b in batches(county)}
    findings = []
    published = -1   # the draws are computed for the published plans only: a classified one is left out
    for p, plan in enumerate(doc.data.get("plans") or []):
        if not isinstance(plan, dict):
            continue
        shown = None if plan.get("classified") is True else (published := published + 1)
        plan_batches = {str(batch.get("id")): made.get((shown, b)) for b, batch in enumerate(plan.get("draws") or [])
                        if isinstance(batch, dict)}
        findings += _draws(doc, plan, p, [made[k] for k in sorted(made) if k[0] == shown], objects, today)
        recused = {(r.get("officer"), r.get("object")): r.get("reason", "") for r in plan.get("recusals") or [] if isinstance(r, dict)}
        for t, task in enumerate(plan.get("tasks") or []):
            if not isinstance(task, dict):
                continue
            where = ("plans", p, "tasks", t)
            context = _Task(doc, plan, task, where, objects.get(task.get("object"), {}))
            findings += _as_drawn(context, plan_batches)
            findings += _inspectors(context, officers, recused, law)
            findings += _quiet(context, quiet_period_of(county))
            findings += counted(doc, where + ("result",), lambda c=context: _result(c, law, calendar, today))
            findings += _decision(context, county)
    return findings


def _sound(county, kinds, flawed: set[str]) -> bool:
    return all(kind in county.documents and kind not in county.unreadable
               and county.documents[kind].display not in flawed for kind in kinds)


class _Task:
    def __init__(self, doc, plan: dict, task: dict, where: tuple, obj: dict):
        self.doc, self.plan, self.task, self.where, self.obj = doc, plan, task, where, obj
        self.id = str(task.get("id"))
        self.day = day_of(task.get("date"))

    def line(self, *path) -> int | None:
        return self.doc.line_of(self.where + path)

    def object_name(self) -> str:
        return self.obj.get("name") or str(self.task.get("object"))


def _draws(doc, plan: dict, p: int, made: list, objects: dict, today: date) -> list:
    findings, seen = [], {}
    published = day_of(plan.get("published"))
    for batch in made:
        where = ("plans", p, "draws", batch.index[1])
        about = dict(plan=plan.get("id"), batch=batch.batch.get("id"))
        if batch.on_platform:
            teams = batch.batch.get("inspectors") or []
            if len(teams) != len(batch.objects):
                findings.append(finding("E-DRAW-PLATFORM", doc.display, doc.line_of(where + ("inspectors",)),
                                        objects=len(batch.objects), teams=len(teams), **about))
        elif not isinstance(batch.batch.get("randomness"), dict):
            findings.append(finding("E-DRAW-HOW", doc.display, doc.line_of(where), **about))
        else:
            findings += _randomness(doc, batch, where, published, today, about)
        for obj in batch.objects:
            if obj in seen and not plan.get("allow_repeat"):
                # only a platform's record can repeat: a draw made here leaves out what was drawn before
                findings.append(finding("E-INSPECT-DRAWN-TWICE", doc.display,
                                        doc.line_of(where + ("objects",)) or doc.line_of(where),
                                        object=obj, name=objects.get(obj, {}).get("name") or obj,
                                        first=seen[obj], **about))
            seen.setdefault(obj, batch.batch.get("id"))
    return findings


def _randomness(doc, batch, where: tuple, published: date | None, today: date, about: dict) -> list:
    randomness = batch.batch["randomness"]
    value_date, drawn = day_of(randomness.get("date")), day_of(batch.batch.get("date"))
    findings = []
    if value_date and published and value_date <= published:
        findings.append(finding("E-DRAW-EARLY", doc.display, doc.line_of(where + ("randomness", "date")),
                                date=chinese_date(value_date), published=chinese_date(published), **about))
    if value_date and drawn and drawn < value_date:
        findings.append(finding("E-DRAW-BEFORE-VALUE", doc.display, doc.line_of(where + ("date",)),
                                date=chinese_date(drawn), value_date=chinese_date(value_date), **about))
    if not str(randomness.get("value") or "").strip():
        if value_date and today >= value_date:
            findings.append(finding("W-DRAW-VALUE-MISSING", doc.display, doc.line_of(where + ("randomness",)),
                                    value_date=chinese_date(value_date), **about))
    elif batch.problem:
        findings.append(finding("E-DRAW-FAILED", doc.display, doc.line_of(where), reason=batch.problem, **about))
    elif batch.frozen_problem:
        findings.append(finding("E-DRAW-FROZEN", doc.display, doc.line_of(where), file=batch.frozen,
                                reason=batch.frozen_problem, **about))
    elif batch.draw is not None and batch.frozen is None:
        findings.append(finding("W-DRAW-NOT-FROZEN", doc.display, doc.line_of(where), file=doc.display,
                                frozen=frozen_path(PurePosixPath(doc.display).parent, about["plan"], about["batch"]).as_posix(),
                                **about))
    return findings


def _as_drawn(task: _Task, plan_batches: dict) -> list:
    draw_id = str(task.task.get("draw"))
    if draw_id not in plan_batches:
        return [finding("E-TASK-DRAW-UNKNOWN", task.doc.display, task.line("draw"), task=task.id, draw=draw_id,
                        plan=task.plan.get("id"), known="、".join(plan_batches) or "（还没有）")]
    batch = plan_batches[draw_id]
    if batch is not None and _value_missing(batch):
        # a warning for the draw, but a task of it was made on a draw nobody can have made yet
        return [finding("E-TASK-DRAW-PENDING", task.doc.display, task.line("draw"), task=task.id, draw=draw_id,
                        plan=task.plan.get("id"))]
    if batch is None or not batch.objects:
        return []   # the draw's own finding says why it could not be made
    obj, findings = task.task.get("object"), []
    if obj not in batch.objects:
        return [finding("E-TASK-NOT-DRAWN", task.doc.display, task.line("object"), task=task.id, object=obj,
                        draw=draw_id, drawn="、".join(batch.objects))]
    listed, drawn = task.task.get("inspectors") or [], batch.inspectors.get(obj, ())
    if drawn and set(listed) != set(drawn):
        findings.append(finding("E-TASK-INSPECTORS-NOT-DRAWN", task.doc.display, task.line("inspectors"), task=task.id,
                                object=obj, listed="、".join(map(str, listed)), drawn="、".join(drawn)))
    drawn_on = day_of(batch.batch.get("date"))
    if task.day and drawn_on and task.day < drawn_on:
        findings.append(finding("E-TASK-BEFORE-DRAW", task.doc.display, task.line("date"), task=task.id,
                                date=chinese_date(task.day), drawn=chinese_date(drawn_on)))
    return findings


def _value_missing(batch) -> bool:
    randomness = batch.batch.get("randomness")
    return not batch.on_platform and isinstance(randomness, dict) and not str(randomness.get("value") or "").strip()


def _inspectors(task: _Task, officers: dict, recused: dict, law) -> list:
    listed = [i for i in task.task.get("inspectors") or [] if isinstance(i, str)]
    findings = []
    if len(set(listed)) < law["min_case_officers"]:
        findings.append(finding("E-INSPECT-TOO-FEW", task.doc.display, task.line("inspectors"), task=task.id,
                                count=len(set(listed)), minimum=law["min_case_officers"],
                                citation=law.citation("min_case_officers")))
    for i, officer_id in enumerate(listed):
        officer = officers.get(officer_id)
        if officer is None:
            continue   # the reference check reports an unknown id
        if task.day and not in_force(officer, task.day):
            now = standing(officer, task.day)
            shown = now.label + (f"，自{chinese_date(now.since)}起" if now.since and not now.valid else "")
            findings.append(finding("E-INSPECT-CERTIFICATE", task.doc.display, task.line("inspectors", i), task=task.id,
                                    name=officer.get("name", ""), officer=officer_id, date=chinese_date(task.day),
                                    standing=shown))
        reason = recused.get((officer_id, task.task.get("object")))
        if reason is not None:
            findings.append(finding("E-INSPECT-RECUSED", task.doc.display, task.line("inspectors", i), task=task.id,
                                    name=officer.get("name", ""), officer=officer_id, object=task.object_name(),
                                    reason=reason))
    return findings


def _quiet(task: _Task, quiet) -> list:
    if quiet is None or task.day is None or not quiet.covers(task.day, task.obj.get("type")):
        return []
    exception = task.task.get("quiet_period_exception")
    about = dict(task=task.id, citation=quiet.citation, exceptions="、".join(quiet.exceptions) or "（本县没有列出）")
    if not isinstance(exception, dict):
        return [finding("E-INSPECT-QUIET" if quiet.is_error else "W-INSPECT-QUIET", task.doc.display, task.line("date"),
                        date=chinese_date(task.day), type=task.obj.get("type"), object=task.object_name(),
                        days=quiet.days, **about)]
    if not quiet.allows(exception.get("reason")):
        return [finding("E-INSPECT-QUIET-REASON" if quiet.is_error else "W-INSPECT-QUIET-REASON", task.doc.display,
                        task.line("quiet_period_exception", "reason"), reason=exception.get("reason"), **about)]
    return []


def _result(task: _Task, law, calendar, today: date) -> list:
    result = task.task.get("result")
    formed = day_of(result.get("formed")) if isinstance(result, dict) else None
    if formed is None:
        return []
    within = law["publish_inspection_results_within_working_days"]
    about = dict(task=task.id, formed=chinese_date(formed), within=within,
                 citation=law.citation("publish_inspection_results_within_working_days"))
    published = day_of(result.get("published"))
    if published is not None:
        if calendar.is_within(formed, within, published):
            return []
        deadline = calendar.add_working_days(formed, within)
        return [finding("E-RESULT-LATE", task.doc.display, task.line("result", "published"), published=chinese_date(published),
                        deadline=chinese_date(deadline), late=calendar.working_days_between(deadline, published), **about)]
    if not calendar.is_within(formed, within, today):
        return [finding("E-RESULT-MISSED", task.doc.display, task.line("result", "formed"),
                        deadline=chinese_date(calendar.add_working_days(formed, within)), **about)]
    left = within - calendar.working_days_between(formed, today)
    if left <= law["deadline_warning_working_days"]:
        return [finding("W-RESULT-SOON", task.doc.display, task.line("result", "formed"), left=left,
                        deadline=chinese_date(calendar.add_working_days(formed, within)), task=task.id)]
    return []


def _decision(task: _Task, county) -> list:
    result = task.task.get("result")
    decision = result.get("decision") if isinstance(result, dict) else None
    if decision is None or decision in county.decisions:
        return []
    return [finding("E-RESULT-DECISION-UNKNOWN", task.doc.display, task.line("result", "decision"), task=task.id,
                    decision=decision)]
