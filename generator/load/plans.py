"""A county's random-inspection plans as its files give them, each batch with its draw: computed
from the published pools and the public value (generator/draw.py), or as the province's platform
recorded it. The checks compare the tasks with these draws; the public view publishes them.

The pools are read as they are published (redacted, classified entries left out), so that what
the site shows is exactly what the draw was computed from, and anyone can compute it again. Once
a draw is made, `gongshi draw --freeze` fixes it in draws/<plan>-<batch>.json: its pools are then
those of that day, and a pharmacy added to the pool or an officer to the list later changes no
draw already made.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..draw import Draw, DrawProblem, draw, inputs_of, verify
from ..paths import display_path
from ..law.certificates import in_force
from ..law.lifecycle import day_of


FROZEN_FOLDER = "draws"   # content/<county>/draws/: each draw made here, fixed on the day it was made


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
    frozen: str | None = None          # the file the draw was fixed in (draws/<plan>-<batch>.json), where it was
    frozen_problem: str | None = None  # why that file cannot be used: the draw is then not known

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
    fixed = frozen_path(county.folder, plan.get("id"), batch.get("id"))
    if fixed.is_file():
        return _frozen(plan, batch, (p, b), inputs, fixed)
    try:
        result = draw(inputs)
    except DrawProblem as problem:
        return Batch(plan, batch, (p, b), inputs, None, str(problem), (), {})
    return Batch(plan, batch, (p, b), inputs, result, None, result.objects, dict(result.tasks))


def frozen_path(county_folder: Path, plan_id, batch_id) -> Path:
    """Where `gongshi draw --freeze` fixes a batch's draw: the draw.json it publishes, inputs and result."""
    return county_folder / FROZEN_FOLDER / f"{plan_id}-{batch_id}.json"


def _frozen(plan: dict, batch: dict, index: tuple, current: dict, path: Path) -> Batch:
    """A draw as it was fixed when it was made: its pools are those of that day, whatever the
    pool and the officers list have become since. The plan's settings and the public value must
    still be those of random-inspections.yml, and the result what the inputs give."""
    shown = display_path(path)
    try:
        published = json.loads(path.read_bytes().decode("utf-8"))
        fixed = published["inputs"]
        if fixed.get("plan") != current["plan"] or fixed.get("public_value") != current["public_value"]:
            problem = "中的计划参数（抽取数量、每个对象的人数）或开奖号码与 random-inspections.yml 中的不一致"
        else:
            result, same = verify(published)
            if same:
                return Batch(plan, batch, index, fixed, result, None, result.objects, dict(result.tasks), frozen=shown)
            problem = "中写的抽取结果不是按其中的输入算出的结果，文件被改动过"
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, DrawProblem):
        problem = "无法读取，或不是 gongshi draw --freeze 写出的格式"
    return Batch(plan, batch, index, current, None, None, (), {}, frozen=shown, frozen_problem=problem)
