"""Random inspections as the public sees them on a day: the pool (名录库), each plan with its draws,
its tasks and their results, and a certificate check page for every officer.

Everything comes from the redacted records (load/plans.py reads them so), and the draws from the
pools as published, so that what a page shows is what anyone can recompute. What is withheld:
- a task's date and result until they have happened and been published: a date announced ahead
  would warn the object, and a result is public from its publication date;
- a result's link to a decision that is not on the site;
- the reasons of recusals (they concern the officer's private life); the pairs alone are inputs.
A certificate page exists for every officer the county lists, whatever the certificate's standing,
so that a QR code once printed always leads to a page that says how it stands today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..draw import digest, published_form
from ..law.certificates import standing
from ..law.lifecycle import day_of
from ..errors import UnknownYear
from ..law.county import county_law
from ..load.plans import batches, pool_objects, published_plans

INSPECTIONS = "inspections"
CERTIFICATES = "officers"


def plan_page(plan_id) -> str:
    return f"{INSPECTIONS}/plans/{plan_id}.md"


def draw_file(plan_id, batch_id) -> str:
    return f"{INSPECTIONS}/plans/{plan_id}/draw-{batch_id}.json"


def task_page(task_id) -> str:
    return f"{INSPECTIONS}/tasks/{task_id}.md"


def sheet_page(task_id) -> str:
    return f"{INSPECTIONS}/tasks/{task_id}/sheet.md"


def certificate_page(officer_id) -> str:
    return f"{CERTIFICATES}/{officer_id}.md"


@dataclass
class PublicInspections:
    objects: list = field(default_factory=list)        # the 名录库, as published
    plans: list = field(default_factory=list)          # newest year first
    tasks: list = field(default_factory=list)          # every task of every plan, in file order
    certificates: list = field(default_factory=list)   # every listed officer, whatever the standing
    draw_files: list = field(default_factory=list)     # (path under the site, draw.json as published)


# Who stands for an officer or object the site does not name (a classified entry, or an id the
# pool does not hold): never the id, which may spell a name.
UNNAMED = {"name": "（不公开）", "unnamed": True}


def public_inspections(county, officers: list[dict], agencies: dict, decisions_on_site: dict, today: date,
                       calendar=None) -> PublicInspections:
    """`officers`: the redacted officers list; `decisions_on_site`: decision id → its public dict;
    `calendar`: the working days, for whether each result was published in time (None: not said)."""
    certificates = [_certificate(o, agencies, today) for o in officers if o.get("id")]
    by_officer = {c["id"]: c for c in certificates}
    objects = pool_objects(county)
    by_object = {o["id"]: o for o in objects if o.get("id")}
    out = PublicInspections(objects=objects, certificates=certificates)
    made = {}
    for batch in batches(county):
        made.setdefault(batch.index[0], []).append(batch)
    for p, plan in enumerate(published_plans(county)):
        shown = _plan(plan, made.get(p, []), by_object, by_officer, out.draw_files)
        deadline = _deadline(county_law(county), calendar)
        shown["tasks"] = [_task(task, shown, by_object, by_officer, decisions_on_site, today, deadline)
                          for task in plan.get("tasks") or [] if isinstance(task, dict)]
        shown["progress"] = _progress(shown["tasks"])
        out.plans.append(shown)
        out.tasks += shown["tasks"]
    out.plans.sort(key=lambda plan: -int(plan.get("year") or 0))
    return out


def _certificate(officer: dict, agencies: dict, today: date) -> dict:
    now = standing(officer, today)
    return {**officer, "agency_name": agencies.get(officer.get("agency"), ""), "page": certificate_page(officer["id"]),
            "valid": now.valid, "standing": now.label, "since": now.since}


def _plan(plan: dict, plan_batches: list, by_object: dict, by_officer: dict, draw_files: list) -> dict:
    shown = {key: value for key, value in plan.items() if key not in ("recusals", "draws", "tasks")}
    shown["page"] = plan_page(plan["id"])
    shown["recusals"] = [(by_officer.get(r.get("officer"), UNNAMED), by_object.get(r.get("object"), UNNAMED))
                         for r in plan.get("recusals") or [] if isinstance(r, dict)]
    shown["batches"] = []
    for batch in plan_batches:
        entry = {key: value for key, value in batch.batch.items() if key not in ("objects", "inspectors")}
        entry["on_platform"] = batch.on_platform
        entry["drawn"] = [{"object": by_object.get(obj, UNNAMED),
                           "inspectors": [by_officer.get(i, UNNAMED) for i in batch.inspectors.get(obj, ())]}
                          for obj in batch.objects]
        if batch.inputs is not None:
            entry["pool_sizes"] = {"objects": len(batch.inputs["objects"]), "inspectors": len(batch.inputs["inspectors"])}
            entry["digests"] = {name: digest(batch.inputs[name]) for name in ("plan", "objects", "inspectors", "recusals")}
        if batch.draw is not None:
            entry["key"] = batch.draw.key
            entry["draw_file"] = draw_file(plan["id"], batch.batch.get("id"))
            draw_files.append((entry["draw_file"], published_form(batch.draw)))
        shown["batches"].append(entry)
    return shown


def _deadline(law, calendar):
    """Result formed on day → (the last day to publish it, within how many working days), or None."""
    if calendar is None:
        return None
    within = law["publish_inspection_results_within_working_days"]
    return lambda formed: (calendar.add_working_days(formed, within), within)


def _task(task: dict, plan: dict, by_object: dict, by_officer: dict, decisions_on_site: dict, today: date,
          deadline) -> dict:
    day = day_of(task.get("date"))
    shown = {
        "id": task["id"],
        "page": task_page(task["id"]),
        "sheet": sheet_page(task["id"]),
        "plan": {"id": plan["id"], "title": plan.get("title"), "page": plan["page"]},
        "draw": task.get("draw"),
        "object": by_object.get(task.get("object"), UNNAMED),
        "inspectors": [by_officer.get(i, UNNAMED) for i in task.get("inspectors") or []],
        "date": task.get("date") if day is not None and day <= today else None,
        "quiet_period_exception": task.get("quiet_period_exception") if day is not None and day <= today else None,
        "result": None,
    }
    result = task.get("result") if isinstance(task.get("result"), dict) else None
    published = day_of(result.get("published")) if result else None
    if published is not None and published <= today:
        decision = decisions_on_site.get(str(result.get("decision"))) if result.get("decision") else None
        shown["result"] = {**{k: v for k, v in result.items() if k != "decision"}, "decision": decision}
        formed = day_of(result.get("formed"))
        if deadline is not None and formed is not None:
            shown["result"].update(_timeliness(deadline, formed, published))
    shown["status"] = "结果已公示" if shown["result"] else "待检查" if shown["date"] is None else \
        "结果待公示" if result and result.get("formed") else "检查中"
    return shown


def _timeliness(deadline, formed: date, published: date) -> dict:
    try:
        last_day, within = deadline(formed)
    except UnknownYear:   # its own finding asks for the year's calendar; the page then says nothing of it
        return {}
    return {"deadline": last_day, "within": within, "on_time": published <= last_day}


def _progress(tasks: list) -> dict:
    return {"tasks": len(tasks),
            "done": sum(1 for t in tasks if t["date"]),
            "published": sum(1 for t in tasks if t["result"]),
            "problems": sum(1 for t in tasks if t["result"] and t["result"].get("finding") == "发现问题"),
            "late": sum(1 for t in tasks if t["result"] and t["result"].get("on_time") is False)}
