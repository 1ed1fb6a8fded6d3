"""`gongshi draw`: a county's random draws (双随机) as a clerk reads them, and the check anyone can
make of a published one.

`draw_plan` reads a county's random-inspections.yml and, for each batch drawn here, shows what the
draw was computed from (the public value, the pools, the SHA-256 of each input, the key) and what it
gave, with the `tasks:` entries to copy into the file; `--json` writes the batch's draw.json, and
`--freeze` fixes each draw made in content/<county>/draws/ (load/plans.py then reads it from there).
`verify_published` recomputes a published draw.json with nothing but the file. The draw itself is
generator/draw.py (gongshi-draw-1), the batches and their inputs load/plans.py; this only shows them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .cn_format import chinese_date
from .codes import finding
from .draw import ALGORITHM, DrawProblem, digest, published_form, verify
from .findings import Effect
from .kinds import KIND_BY_NAME
from .load.county import COUNTY_ID
from .load.plans import Batch, batches, frozen_path, pool_objects
from .paths import display_path
from .validate import validate

PLAN_FILE = KIND_BY_NAME["random-inspections"].file
# The files a draw is computed from: while one of them has an error of its own, no draw is shown.
DRAWN_FROM = ("random-inspections", "inspection-objects", "officers")
# What the checks of plans, draws and tasks find: the draw is what the clerk needs to put them right.
DRAW_CHECKS = ("E-DRAW-", "E-TASK-", "E-INSPECT-", "E-RESULT-")
INPUT_PARTS = (("plan", "计划和批次"), ("objects", "对象名录库"), ("inspectors", "执法人员"), ("recusals", "回避"))
TASK_ID = "<填写任务编号>"
TASK_DATE = "<填写检查日期>"


@dataclass
class DrawOutput:
    lines: list[str] = field(default_factory=list)       # for the clerk, standard output
    findings: list = field(default_factory=list)         # why it could not start or finish: standard error
    after: list[str] = field(default_factory=list)       # … and what that means, after them
    mismatch: list = field(default_factory=list)         # a published draw that is not what its inputs give
    failed: bool = False                                 # a batch could not be drawn

    @property
    def code(self) -> int:
        return 1 if self.findings or self.mismatch or self.failed else 0


# ---------------------------------------------------------------------------------------- --plan


def draw_plan(plan_file: Path, config_dir: Path, only: str | None, json_out: Path | None, today: date,
              freeze: bool = False) -> DrawOutput:
    county_folder = plan_file.parent
    if plan_file.name != PLAN_FILE or not plan_file.is_file() or not COUNTY_ID.match(county_folder.name) \
            or not (county_folder / KIND_BY_NAME["subject"].file).is_file():
        return DrawOutput(findings=[finding("E-DRAW-FILE", display_path(plan_file), None, file=display_path(plan_file))])
    content_dir, county_id = county_folder.parent, county_folder.name
    result = validate(content_dir, config_dir, [county_id], today)
    county = next((c for c in result.counties if c.id == county_id), None)
    watched = {display_path(county_folder / KIND_BY_NAME[kind].file) for kind in DRAWN_FROM}
    if county is None:   # the repository itself cannot be read
        stops = [f for f in result.findings if f.is_error]
    else:
        stops = [f for f in result.findings if f.is_error and f.effect is Effect.HOLD and f.path in watched
                 and not f.code.startswith(DRAW_CHECKS)]
    if stops or county is None or "random-inspections" not in county.documents:
        return DrawOutput(findings=stops, after=[f"未抽取：请先改正上面的问题（gongshi validate --county {county_id}）。"])
    doc = county.documents["random-inspections"]
    found = batches(county)
    if not found:
        return DrawOutput(lines=[f"{doc.display} 中还没有抽取批次（计划的 draws）。"])
    chosen, problem = _chosen(found, only, doc)
    if problem is not None:
        return DrawOutput(findings=[problem])
    made_here = [b for b in chosen if not b.on_platform]
    if json_out is not None and len(made_here) > 1:
        return DrawOutput(findings=[finding("E-DRAW-NEEDS-ID", doc.display, None, count=len(made_here),
                                            example=_name(made_here[0], found), known="、".join(_name(b, found) for b in made_here))])
    out = DrawOutput()
    names = _names(county)
    last_plan = None
    for batch in chosen:
        if batch.index[0] != last_plan:
            last_plan = batch.index[0]
            out.lines.append(_plan_line(batch.plan))
        out.lines += _batch_lines(batch, doc, names, out)
    if json_out is not None:
        out.lines += _write_json(made_here[0] if made_here else chosen[0], json_out, doc, out)
    if freeze:
        out.lines += [line for batch in made_here for line in _freeze(batch, county_folder, out)]
    left = [f for f in result.findings if f.is_error and f.path in watched and f"  {f}" not in out.lines]
    if left:
        out.lines.append(f"注意：本县双随机抽查的文件还有 {len(left)} 个错误（{left[0]}），"
                         f"请运行 gongshi validate --county {county_id} 查看并改正。")
    return out


def _chosen(found: list[Batch], only: str | None, doc) -> tuple[list[Batch], object]:
    if only is None:
        return found, None
    matched = [b for b in found if only in (str(b.batch.get("id")), f"{b.plan.get('id')}/{b.batch.get('id')}")]
    if not matched:
        return [], finding("E-DRAW-NO-BATCH", doc.display, None, draw=only,
                           known="、".join(_name(b, found) for b in found) or "（还没有）")
    if len(matched) > 1:
        return [], finding("E-DRAW-AMBIGUOUS", doc.display, None, draw=only,
                           plans="、".join(str(b.plan.get("id")) for b in matched), example=_name(matched[0], matched))
    return matched, None


def _name(batch: Batch, among: list[Batch]) -> str:
    """How --draw names a batch: its id, or plan/batch when another plan has a batch of that id."""
    same = [b for b in among if str(b.batch.get("id")) == str(batch.batch.get("id"))]
    return str(batch.batch.get("id")) if len(same) == 1 else f"{batch.plan.get('id')}/{batch.batch.get('id')}"


def _names(county) -> dict:
    """Object and officer id → name, as published."""
    names = {str(o.get("id")): str(o.get("name", "")) for o in pool_objects(county)}
    doc = county.documents.get("officers")
    officers = (doc.redacted.data or {}).get("officers") if doc is not None and isinstance(doc.redacted.data, dict) else []
    for officer in officers if isinstance(officers, list) else []:
        if isinstance(officer, dict):
            names.setdefault(str(officer.get("id")), str(officer.get("name", "")))
    return names


def _plan_line(plan: dict) -> str:
    published = f"（{chinese_date(plan['published'])}公布）" if plan.get("published") else ""
    return f"抽查计划 {plan.get('id')}：{plan.get('title', '')}{published}"


def _batch_lines(batch: Batch, doc, names: dict, out: DrawOutput) -> list[str]:
    plan_id, batch_id = batch.plan.get("id"), batch.batch.get("id")
    head = f"第 {batch_id} 批"
    if batch.on_platform:
        platform = batch.batch["platform"]
        reference = f"（{platform['reference']}）" if platform.get("reference") else ""
        return [f"{head}：在{platform.get('name', '平台')}上抽取{reference}，按平台的抽取记录填写，gongshi 不计算"]
    where = doc.line_of(("plans", batch.index[0], "draws", batch.index[1]))
    about = dict(plan=plan_id, batch=batch_id)
    randomness = batch.batch.get("randomness") if isinstance(batch.batch.get("randomness"), dict) else {}
    if batch.draw is None:
        if batch.inputs is not None and batch.inputs.get("objects") is not None and not batch.inputs["public_value"] \
                and batch.problem and "公开随机数" in batch.problem:
            when = f"，{chinese_date(randomness['date'])}开奖" if randomness.get("date") else ""
            found = finding("W-DRAW-WAITING", doc.display, where, source=randomness.get("source", ""), when=when, **about)
        elif batch.inputs is None or not any(k in batch.inputs["plan"] for k in ("count", "ratio")):
            found = finding("E-DRAW-INCOMPLETE", doc.display, where, reason=batch.problem, **about)
        else:
            found = finding("E-DRAW-FAILED", doc.display, where, reason=batch.problem, **about)
        out.failed = out.failed or found.is_error
        return [f"{head}：", f"  {found}"]
    lines = [f"{head}：{chinese_date(batch.batch.get('date', ''))}抽取"]
    return lines + draw_lines(batch.draw, names, randomness) + _tasks_block(batch, doc)


def draw_lines(result, names: dict, randomness: dict | None = None) -> list[str]:
    """What a draw was computed from and what it gave, indented under its heading."""
    inputs = result.inputs
    value_date = f"，{chinese_date(randomness['date'])}开奖" if randomness and randomness.get("date") else ""
    source = f"{randomness.get('source')}{value_date}：" if randomness and randomness.get("source") else ""
    lines = [f"  抽取方法：{inputs['algorithm']}",
             f"  公开随机数：{source}{inputs['public_value']}",
             f"  名录库 {len(inputs['objects'])} 个对象，执法人员 {len(inputs['inspectors'])} 名（证件在抽取日期有效），"
             f"回避 {len(inputs['recusals'])} 项；每个对象抽 {inputs['plan'].get('inspectors_per_task')} 名执法人员",
             "  各项输入的 SHA-256："]
    lines += [f"    {name}（{title}）：{digest(inputs[name])}" for name, title in INPUT_PARTS]
    lines += [f"  密钥：{result.key}", "  抽取结果（按抽中的顺序）："]
    for k, (obj, inspectors) in enumerate(result.tasks, 1):
        team = "、".join(_named(i, names) for i in inspectors)
        lines.append(f"    {k}. {_named(obj, names)}：{team}")
    return lines


def _named(identifier: str, names: dict) -> str:
    name = names.get(identifier)
    return f"{identifier} {name}" if name else identifier


def _tasks_block(batch: Batch, doc) -> list[str]:
    """The tasks of the draw as YAML, indented as they go in the file under the plan's `tasks:`."""
    lines = [f"  请把下面几行复制到 {doc.display} 中计划 {batch.plan.get('id')} 的 tasks: 下"
             f"（已有 tasks: 的，从 - id 开始复制），再填写任务编号和检查日期：",
             "    tasks:"]
    for obj, inspectors in batch.draw.tasks:
        lines += [f"      - id: {TASK_ID}",
                  f"        draw: {_yaml_text(str(batch.batch.get('id')))}",
                  f"        object: {_yaml_text(obj)}",
                  f"        inspectors: [{', '.join(_yaml_text(i) for i in inspectors)}]",
                  f"        date: {TASK_DATE}"]
    return lines


PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _yaml_text(text: str) -> str:
    """Text as YAML reads it back as the same text: plain when it is an id, else in single quotes."""
    return text if PLAIN.fullmatch(text) and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null", "y", "n") \
        else "'" + text.replace("'", "''") + "'"


def _write_json(batch: Batch, path: Path, doc, out: DrawOutput) -> list[str]:
    about = dict(plan=batch.plan.get("id"), batch=batch.batch.get("id"), file=display_path(path))
    if batch.draw is None:
        why = "在平台上抽取" if batch.on_platform else "还没有抽取结果"
        out.findings.append(finding("E-DRAW-JSON-NONE", doc.display, None, why=why, **about))
        return []
    text = json.dumps(published_form(batch.draw), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as problem:
        out.findings.append(finding("E-WRITE-FAILED", display_path(path), None, detail=problem.strerror or problem))
        return []
    return [f"已写入 {display_path(path)}：抽查计划 {about['plan']} 第 {about['batch']} 批的 draw.json，"
            f"任何人都可以用 gongshi draw --verify {display_path(path)} 核验"]


def _freeze(batch: Batch, county_folder: Path, out: DrawOutput) -> list[str]:
    """Fix a batch's draw as made today in draws/<plan>-<batch>.json; one fixed already stays as it is."""
    about = f"抽查计划 {batch.plan.get('id')} 第 {batch.batch.get('id')} 批"
    if batch.frozen is not None:
        return [f"{about}已固定在 {batch.frozen}，不再改写"] if batch.frozen_problem is None else []
    if batch.draw is None:
        return []   # its own message above says why there is nothing to fix
    path = frozen_path(county_folder, batch.plan.get("id"), batch.batch.get("id"))
    try:
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(published_form(batch.draw), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
    except OSError as problem:
        out.findings.append(finding("E-WRITE-FAILED", display_path(path), None, detail=problem.strerror or problem))
        return []
    return [f"已固定：{about}的抽取写入 {display_path(path)}（抽取时的名录库、执法人员和抽取结果）；"
            "请把它和 random-inspections.yml 一起提交，以后名录库和执法人员清单的改动不再改变这一批"]


# -------------------------------------------------------------------------------------- --verify


def verify_published(path: Path) -> DrawOutput:
    where = display_path(path)
    try:
        published = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return _unreadable(where, "文件不存在")
    except IsADirectoryError:
        return _unreadable(where, "这是一个目录，不是文件")
    except OSError as problem:
        return _unreadable(where, f"无法读取（{problem.strerror or problem}）")
    except UnicodeDecodeError:
        return _unreadable(where, "文件不是 UTF-8 编码")
    except json.JSONDecodeError as problem:
        return _unreadable(where, f"不是有效的 JSON（第 {problem.lineno} 行第 {problem.colno} 列附近）")
    try:
        again, same = verify(published)
    except DrawProblem as problem:
        return _unreadable(where, str(problem).removesuffix("：请使用网站上公布的 draw.json"))
    except (AttributeError, IndexError) as problem:
        return _unreadable(where, f"文件中抽取的输入不完整或格式不对（{problem}）")
    plan = again.inputs["plan"]
    out = DrawOutput(lines=[f"核验 {where}：抽查计划 {plan.get('plan')} 第 {plan.get('draw')} 批"] + draw_lines(again, {}))
    if same:
        out.lines.append(f"核验一致：按文件中的输入用 {ALGORITHM} 重新计算，密钥和抽取结果与文件所写的完全相同。")
        return out
    out.failed = True
    stated = {"key": published.get("key"), "tasks": published.get("tasks")}
    recomputed = published_form(again)
    if stated["tasks"] != recomputed["tasks"]:
        what = "密钥和抽取结果" if stated["key"] != recomputed["key"] else "抽取结果"
        shown = (_tasks_text(stated["tasks"]), _tasks_text(recomputed["tasks"]))
    else:
        what, shown = "密钥", (str(stated["key"]), recomputed["key"])
    out.mismatch = [finding("E-DRAW-MISMATCH", where, None, what=what, stated=shown[0], recomputed=shown[1],
                            algorithm=ALGORITHM)]
    return out


def _unreadable(where: str, detail: str) -> DrawOutput:
    return DrawOutput(findings=[finding("E-DRAW-JSON", where, None, detail=detail)])


def _tasks_text(tasks) -> str:
    """Tasks as one line: yd-001（chen-xugou、li-shifan）；…, or what the file holds instead."""
    if tasks is None:
        return "（没有写）"
    if isinstance(tasks, list) and all(isinstance(t, dict) and isinstance(t.get("inspectors"), list) for t in tasks):
        return "；".join(f"{t.get('object')}（{'、'.join(map(str, t['inspectors']))}）" for t in tasks) or "（空）"
    return json.dumps(tasks, ensure_ascii=False)
