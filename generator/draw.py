"""Random selection of inspection objects and inspectors (双随机) that anyone can verify.

Algorithm `gongshi-draw-1`, after RFC 3797 (Publicly Verifiable Nominations Committee Random
Selection), with SHA-256 in place of MD5. It is stable: a changed algorithm gets a new name, and a
draw keeps the name it was made with.

1. The inputs. All but the last are published with the plan, before the draw:
   - `plan`: plan and batch ids, how many objects (`count`, or `ratio` of the pool),
     inspectors per object;
   - `objects`: the pool, the ids of the county's 名录库 objects of the plan's types, sorted, less
     those drawn in the plan's earlier batches (unless the plan allows repeats);
   - `inspectors`: the ids, sorted, of the officers whose certificate is in force on the draw date;
   - `recusals`: [officer id, object id] pairs, sorted;
   - `public_value`: a random value nobody controls and nobody knew when the rest was published
     (a lottery's winning numbers of a later date), as published, full-width forms folded (NFKC)
     and runs of spaces made one.
2. The key: `gongshi-draw-1/` + the SHA-256 (hex) of the canonical JSON (keys sorted, no spaces,
   UTF-8) of `plan`, `objects`, `inspectors` and `recusals`, each followed by `/`, then the public
   value and `/`.
3. The i-th number (i = 0, 1, …): SHA-256 of i as two bytes big-endian, the key in UTF-8, and i
   again as two bytes, read as a big-endian integer.
4. Objects: n = count, or ratio × pool size rounded up, at most the pool size. The k-th number
   modulo the number of objects left gives the position, among those left in pool order, of the
   k-th object drawn, which then leaves the pool.
5. Inspectors: for each object in the order drawn, `inspectors_per_task` inspectors are picked in
   the same way, the numbers going on where the objects left off, from the inspector pool less
   those recused for that object and those already picked for it.

`gongshi draw --verify FILE` recomputes a draw from the inputs a site publishes (draw.json, which
holds exactly `inputs`); nothing else is needed. This module knows nothing of content files: the
public view gathers the inputs (public/inspections.py).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from dataclasses import dataclass

ALGORITHM = "gongshi-draw-1"
MAX_PICKS = 65536   # the counter is two bytes


class DrawProblem(ValueError):
    """Inputs a draw cannot be made from; `args[0]` says why, in Chinese, for a clerk."""


@dataclass(frozen=True)
class Draw:
    inputs: dict                     # exactly what is published and verified
    key: str
    tasks: tuple                     # ((object id, (inspector id, …)), …) in the order drawn

    @property
    def objects(self) -> tuple[str, ...]:
        return tuple(obj for obj, _ in self.tasks)

    def inspectors_of(self, object_id: str) -> tuple[str, ...]:
        return dict(self.tasks).get(object_id, ())


def canonical(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(value) -> str:
    """The SHA-256 (hex) of a value's canonical JSON: what the site shows of each pool."""
    return hashlib.sha256(canonical(value).encode("utf-8")).hexdigest()


def public_value(typed: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(typed))).strip()


def inputs_of(plan: dict, objects: list[dict], inspectors: list[dict], recusals: list, value: str) -> dict:
    """The inputs of a draw in their published form: pools sorted, the public value normalised."""
    return {
        "algorithm": ALGORITHM,
        "plan": plan,
        # a pool is its ids, which never change once published: a name corrected after the draw
        # leaves the draw as it was, and the site shows who each id is
        "objects": sorted(str(o["id"]) for o in objects),
        "inspectors": sorted(str(i["id"]) for i in inspectors),
        "recusals": sorted([str(officer), str(obj)] for officer, obj in recusals),
        "public_value": public_value(value),
    }


def key_of(inputs: dict) -> str:
    parts = [inputs["algorithm"]] + [digest(inputs[name]) for name in ("plan", "objects", "inspectors", "recusals")]
    return "/".join(parts) + "/" + inputs["public_value"] + "/"


def numbers(key: str, hash_function=hashlib.sha256):
    """The draw's numbers, in order (step 3). With MD5 they are RFC 3797's, as its example shows."""
    data = key.encode("utf-8")
    for i in range(MAX_PICKS):
        counter = i.to_bytes(2, "big")
        yield int.from_bytes(hash_function(counter + data + counter).digest(), "big")
    raise DrawProblem(f"一次抽取最多 {MAX_PICKS} 个号码")


def choose(drawn, items: list, n: int) -> list:
    """n of `items`, each at the position the next number gives among those left (steps 4, 5)."""
    left, chosen = list(items), []
    for _ in range(n):
        chosen.append(left.pop(next(drawn) % len(left)))
    return chosen


def how_many(plan: dict, pool_size: int) -> int:
    wanted = plan["count"] if plan.get("count") else math.ceil(plan["ratio"] * pool_size)
    return min(int(wanted), pool_size)


def draw(inputs: dict) -> Draw:
    """The draw the inputs give: the same inputs, the same draw, byte for byte."""
    if inputs.get("algorithm") != ALGORITHM:
        raise DrawProblem(f"不认识的抽取方法 {inputs.get('algorithm')}：这个版本的 gongshi 只会 {ALGORITHM}")
    if not inputs["public_value"]:
        raise DrawProblem("还没有填写公开随机数（开奖号码），不能抽取")
    key = key_of(inputs)
    drawn = numbers(key)
    plan = inputs["plan"]
    pool = list(inputs["objects"])
    recused = {(officer, obj) for officer, obj in inputs["recusals"]}
    per_task = int(plan["inspectors_per_task"])
    tasks = []
    for obj in choose(drawn, pool, how_many(plan, len(pool))):
        eligible = [i for i in inputs["inspectors"] if (i, obj) not in recused]
        if len(eligible) < per_task:
            raise DrawProblem(f"对象 {obj} 可以抽取的执法人员只有 {len(eligible)} 名（证件在抽取日期有效且不需回避），"
                              f"少于每项检查 {per_task} 名")
        tasks.append((obj, tuple(choose(drawn, eligible, per_task))))
    return Draw(inputs, key, tuple(tasks))


def published_form(result: Draw) -> dict:
    """draw.json as the site publishes it: the inputs, and the key and draw they give."""
    return {"algorithm": ALGORITHM, "inputs": result.inputs, "key": result.key,
            "tasks": [{"object": obj, "inspectors": list(inspectors)} for obj, inspectors in result.tasks]}


def verify(published: dict) -> tuple[Draw, bool]:
    """The draw a published draw.json's inputs give, and whether it is the draw the file states."""
    if not isinstance(published, dict) or not isinstance(published.get("inputs"), dict):
        raise DrawProblem("文件中没有抽取的输入（inputs）：请使用网站上公布的 draw.json")
    try:
        again = draw(published["inputs"])
    except (KeyError, TypeError, ValueError) as problem:
        if isinstance(problem, DrawProblem):
            raise
        raise DrawProblem(f"文件中抽取的输入不完整或格式不对（{problem}）：请使用网站上公布的 draw.json") from None
    return again, published_form(again) == {**published_form(again), **{k: published.get(k) for k in ("key", "tasks")}}
