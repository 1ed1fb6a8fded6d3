"""The draw (generator/draw.py): RFC 3797's selection, reproducible byte for byte, changed by any
input, and within its constraints over many seeds and pools."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.draw import ALGORITHM, DrawProblem, canonical, choose, draw, inputs_of, key_of, numbers


def test_the_selection_is_rfc_3797_s_as_its_worked_example_shows():
    """With MD5, the numbers and the choosing are those of RFC 3797 section 6: a pool of 25, the
    key of its three public sources, and the picks it lists."""
    key = "9319./2.5.8.10.12./9.18.26.34.41.45./"
    picked = choose(numbers(key, hashlib.md5), list(range(1, 26)), 16)
    assert picked == [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4]


def _pool(n: int, prefix: str = "yd") -> list[dict]:
    return [{"id": f"{prefix}-{i:03d}", "name": f"示例县第{i}号药店", "credit_code": "91100000MA00A0001X", "type": "定点零售药店"}
            for i in range(1, n + 1)]


def _officers(n: int) -> list[dict]:
    return [{"id": f"officer-{i:02d}", "name": f"示例{i}", "certificate_no": f"SL-2024-{i:04d}"} for i in range(1, n + 1)]


PLAN = {"plan": "2026", "draw": "1", "count": 3, "inspectors_per_task": 2}
VALUE = "05 11 16 23 28 31 + 09"


def _inputs(**changes) -> dict:
    parts = {"plan": PLAN, "objects": _pool(20), "inspectors": _officers(6), "recusals": [], "value": VALUE} | changes
    return inputs_of(parts["plan"], parts["objects"], parts["inspectors"], parts["recusals"], parts["value"])


def test_the_same_inputs_give_the_same_draw_byte_for_byte_and_the_inputs_alone_suffice():
    first = draw(_inputs())
    again = draw(json.loads(json.dumps(first.inputs, ensure_ascii=False)))   # as a verifier reads draw.json
    assert canonical(first.tasks) == canonical(again.tasks) and first.key == again.key
    assert first.key.startswith(f"{ALGORITHM}/") and first.key.endswith(f"/{VALUE}/")
    assert len(first.tasks) == 3 and all(len(inspectors) == 2 for _, inspectors in first.tasks)


@pytest.mark.parametrize("change", [
    {"plan": PLAN | {"plan": "2026b"}},
    {"objects": _pool(20)[:-1]},                                                  # one object fewer
    {"objects": [o | {"id": "yd-021"} if o["id"] == "yd-020" else o for o in _pool(20)]},   # one object for another
    {"inspectors": _officers(7)},
    {"recusals": [("officer-01", "yd-003")]},
    {"value": "05 11 16 23 28 31 + 10"},
], ids=["plan", "pool-size", "pool-entry", "inspectors", "recusals", "public-value"])
def test_changing_any_input_changes_the_draw(change):
    assert draw(_inputs(**change)).key != draw(_inputs()).key
    assert draw(_inputs(**change)).tasks != draw(_inputs()).tasks or change.get("recusals")


def test_a_name_corrected_after_the_draw_leaves_the_draw_as_it_was():
    renamed = [o | {"name": o["name"] + "（更名）"} if o["id"] == "yd-020" else o for o in _pool(20)]
    assert draw(_inputs(objects=renamed)).key == draw(_inputs()).key


def test_the_public_value_is_read_as_published_whatever_the_spaces_and_widths():
    assert draw(_inputs(value="０５  11 16 23 28 31 ＋ 09")).tasks == draw(_inputs()).tasks


def test_a_draw_needs_its_public_value_and_enough_inspectors():
    with pytest.raises(DrawProblem, match="还没有填写公开随机数"):
        draw(_inputs(value=" "))
    with pytest.raises(DrawProblem, match="可以抽取的执法人员只有 1 名"):
        draw(_inputs(inspectors=_officers(1)))


def test_a_ratio_takes_that_share_of_the_pool_rounded_up():
    plan = {k: v for k, v in PLAN.items() if k != "count"} | {"ratio": 0.1}
    assert len(draw(_inputs(plan=plan, objects=_pool(21))).tasks) == 3


@settings(max_examples=300, deadline=None)
@given(pool=st.integers(1, 40), officers=st.integers(2, 12), per_task=st.integers(2, 4), count=st.integers(1, 40),
       value=st.text(min_size=1, max_size=30).filter(lambda v: v.strip()),
       recusals=st.lists(st.tuples(st.integers(1, 12), st.integers(1, 40)), max_size=15))
def test_every_draw_keeps_its_constraints(pool, officers, per_task, count, value, recusals):
    recused = [(f"officer-{o:02d}", f"yd-{p:03d}") for o, p in recusals if o <= officers and p <= pool]
    inputs = _inputs(plan=PLAN | {"count": count, "inspectors_per_task": per_task}, objects=_pool(pool),
                     inspectors=_officers(officers), recusals=recused, value=value)
    try:
        result = draw(inputs)
    except DrawProblem as problem:   # only when some drawn object has too few inspectors left
        assert "可以抽取的执法人员只有" in str(problem)
        return
    objects = result.objects
    assert len(objects) == min(count, pool) and len(set(objects)) == len(objects)          # none twice
    assert set(objects) <= set(inputs["objects"])
    for obj, inspectors in result.tasks:
        assert len(inspectors) == per_task and len(set(inspectors)) == per_task            # enough, none twice
        assert set(inspectors) <= set(inputs["inspectors"])
        assert not {(i, obj) for i in inspectors} & set(map(tuple, inputs["recusals"]))      # recusals respected
    assert draw(inputs).tasks == result.tasks and key_of(inputs) == result.key
