"""A county's random-inspection plans as its files give them, each batch with its draw: computed
from the published pools and the public value (generator/draw.py), or as the province's platform
recorded it. The checks compare the tasks with these draws; the public view publishes them.

The pools are read as they are published (redacted, classified entries left out), so that what
the site shows is exactly what the draw was computed from, and anyone can compute it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..draw import Draw, DrawProblem, draw, inputs_of
from ..law.certificates import in_force
from ..law.lifecycle import day_of


@dataclass(frozen=True)
class Batch:
    plan: dict                 # the plan as published (redacted)
    batch: dict                # this draw of it, as written
    index: tuple               # (plan, batch): positions among the published plans and in the plan's draws
    inputs: dict | None        # a draw made here: its inputs, as published in draw.json
    draw: Draw | None          # … and its result; None until the public value is written, or if it cannot be made
    problem: str | None        # why a draw made here could not be computed
    objects: tuple             # the objects drawn, in the order drawn (a platform's, or the computed draw's)
    inspectors: dict           # object id → inspector ids drawn for it

    @property
    def on_platform(self) -> bool:
        return isinstance(self.batch.get("platform"), dict)


def _listed(data, key: str) -> list[dict]:
    items = (data or {}).get(key) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict) and item.get("classified") is not True] if isinstance(items, list) else []


def pool_objects(county) -> list[dict]:
    """The published 名录库, as redacted for the site."""
    doc = county.documents.get("inspection-objects")
    return _listed(doc.redacted.data if doc is not None else None, "objects")


def published_plans(county) -> list[dict]:
    doc = county.documents.get("random-inspections")
    return _listed(doc.redacted.data if doc is not None else None, "plans")


def inspector_pool(county, day: date) -> list[dict]:
    """The officers a draw on `day` may pick: those whose certificate is in force that day."""
    doc = county.documents.get("officers")
    return [o for o in _listed(doc.redacted.data if doc is not None else None, "officers") if in_force(o, day)]


def batches(county) -> list[Batch]:
    """Every batch of every plan, in file order, with its draw."""
    objects = pool_objects(county)
    found = []
    for p, plan in enumerate(published_plans(county)):
        drawn_before: set[str] = set()
        for b, batch in enumerate(plan.get("draws") or []):
            if not isinstance(batch, dict):
                continue
            made = _platform(plan, batch, p, b) if isinstance(batch.get("platform"), dict) else \
                _computed(county, plan, batch, p, b, objects, set() if plan.get("allow_repeat") else drawn_before)
            drawn_before |= set(made.objects)
            found.append(made)
    return found


def _platform(plan: dict, batch: dict, p: int, b: int) -> Batch:
    objects = tuple(str(o) for o in batch.get("objects") or [])
    teams = batch.get("inspectors") or []
    inspectors = {obj: tuple(str(i) for i in (teams[k] if k < len(teams) and isinstance(teams[k], list) else []))
                  for k, obj in enumerate(objects)}
    return Batch(plan, batch, (p, b), None, None, None, objects, inspectors)


def _computed(county, plan: dict, batch: dict, p: int, b: int, objects: list[dict], excluded: set) -> Batch:
    day = day_of(batch.get("date"))
    randomness = batch.get("randomness") if isinstance(batch.get("randomness"), dict) else {}
    if day is None or not randomness:
        return Batch(plan, batch, (p, b), None, None, "没有写抽取日期或公开随机数来源", (), {})
    types = set(plan.get("object_types") or [])
    pool = [o for o in objects if o.get("type") in types and o.get("id") not in excluded]
    how = {"count": batch["count"]} if batch.get("count") else {"ratio": batch.get("ratio")} if batch.get("ratio") else {}
    inspectors = inspector_pool(county, day)
    # only the pairs that can matter: a recusal of someone outside the pools changes no draw, and
    # publishing it would name an id the site does not show (a classified officer's, say)
    in_pools = {str(i.get("id")) for i in inspectors}, {str(o.get("id")) for o in pool}
    recusals = [(r.get("officer"), r.get("object")) for r in plan.get("recusals") or [] if isinstance(r, dict)
                and str(r.get("officer")) in in_pools[0] and str(r.get("object")) in in_pools[1]]
    inputs = inputs_of({"plan": str(plan.get("id")), "draw": str(batch.get("id")),
                        "inspectors_per_task": plan.get("inspectors_per_task"), **how},
                       pool, inspectors, recusals, randomness.get("value") or "")
    if not how:
        return Batch(plan, batch, (p, b), inputs, None, "没有写抽取对象数 count 或抽取比例 ratio", (), {})
    try:
        result = draw(inputs)
    except DrawProblem as problem:
        return Batch(plan, batch, (p, b), inputs, None, str(problem), (), {})
    return Batch(plan, batch, (p, b), inputs, result, None, result.objects, dict(result.tasks))
