"""`gongshi draw`: a county's random draw (双随机) as the clerk copies it into the plan, and the
check anyone can make of the draw.json a site publishes."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from generator.cli import main

PLAN = "content/shili/random-inspections.yml"
RESULT_LINE = re.compile(r"^    \d+\. (\S+) (\S+)：(.+)$")


def _sample():
    """The sample's plan, its pool's names and its officers' names, read as a reader of the files would."""
    plan = yaml.safe_load(open(PLAN, encoding="utf-8"))["plans"][0]
    names = {o["id"]: o["name"] for o in yaml.safe_load(open("content/shili/inspection-objects.yml", encoding="utf-8"))["objects"]}
    names |= {o["id"]: o["name"] for o in yaml.safe_load(open("content/shili/officers.yml", encoding="utf-8"))["officers"]}
    return plan, names


def _run(capsys, *args):
    code = main(list(args) + ["--today", "2026-11-23"])
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def test_the_sample_draw_gives_the_objects_and_inspectors_its_tasks_use(project, gongshi):
    plan, names = _sample()
    code, lines = gongshi("draw", "--plan", PLAN)
    assert code == 0
    assert lines[0] == f"抽查计划 2026：{plan['title']}（2026年3月2日公布）"
    assert lines[1] == "第 1 批：2026年3月6日抽取"
    assert lines[3] == "  公开随机数：中国福利彩票“双色球”第2026025期开奖号码（示例），2026年3月5日开奖：05 11 16 23 28 33 + 09"
    assert lines[4] == "  名录库 12 个对象，执法人员 5 名（证件在抽取日期有效），回避 1 项；每个对象抽 2 名执法人员"
    assert re.fullmatch(r"    objects（对象名录库）：[0-9a-f]{64}", lines[7])
    assert lines[10].startswith("  密钥：gongshi-draw-1/") and lines[10].endswith("/05 11 16 23 28 33 + 09/")
    # each object drawn, with its inspectors, is a task of batch 1 in the sample, and the other way round
    tasks = {t["object"]: t["inspectors"] for t in plan["tasks"] if t["draw"] == "1"}
    drawn = [RESULT_LINE.match(line).groups() for line in lines if RESULT_LINE.match(line)]
    assert {obj for obj, _, _ in drawn} == set(tasks)
    for obj, name, team in drawn:
        assert name == names[obj]
        assert team == "、".join(f"{i} {names[i]}" for i in tasks[obj])
    # the block to copy reads back as those tasks, with the id and date left to the clerk
    start = lines.index("    tasks:")
    block = yaml.safe_load("\n".join(lines[start:start + 1 + 5 * len(tasks)]))["tasks"]
    assert [(t["id"], t["draw"], t["date"]) for t in block] == [("<填写任务编号>", "1", "<填写检查日期>")] * len(tasks)
    assert {t["object"]: t["inspectors"] for t in block} == tasks
    assert lines[-1] == "第 2 批：在示例省医疗保障“双随机、一公开”监管平台上抽取（SLSJ-2026-0031），按平台的抽取记录填写，gongshi 不计算"


def test_draw_json_round_trips_through_verify(project, gongshi):
    code, lines = gongshi("draw", "--plan", PLAN, "--draw", "1", "--json", "draw.json")
    assert code == 0
    assert lines[-1] == "已写入 draw.json：抽查计划 2026 第 1 批的 draw.json，任何人都可以用 gongshi draw --verify draw.json 核验"
    published = json.loads(project.file("draw.json").read_text(encoding="utf-8"))
    assert sorted(published) == ["algorithm", "inputs", "key", "tasks"]
    code, lines = gongshi("draw", "--verify", "draw.json")
    assert code == 0
    assert lines[0] == "核验 draw.json：抽查计划 2026 第 1 批"
    assert lines[-1] == "核验一致：按文件中的输入用 gongshi-draw-1 重新计算，密钥和抽取结果与文件所写的完全相同。"


def _published(project, gongshi) -> dict:
    assert gongshi("draw", "--plan", PLAN, "--draw", "1", "--json", "draw.json")[0] == 0
    return json.loads(project.file("draw.json").read_text(encoding="utf-8"))


def _stated(tasks) -> str:
    return "；".join(f"{t['object']}（{'、'.join(t['inspectors'])}）" for t in tasks)


def test_a_changed_public_value_is_a_mismatch(project, gongshi):
    published = _published(project, gongshi)
    published["inputs"]["public_value"] = "05 11 16 23 28 33 + 10"
    project.write("draw.json", json.dumps(published, ensure_ascii=False))
    code, lines = gongshi("draw", "--verify", "draw.json")
    assert code == 1
    assert lines[-2] == (
        "draw.json: E-DRAW-MISMATCH 按文件中的输入重新计算，密钥和抽取结果与文件所写的不同："
        f"文件写的是 {_stated(published['tasks'])}，"
        "重新计算的是 mz-002（chen-xugou、li-shifan）；yy-001（chen-xugou、wang-yangben）；yd-001（zhang-shili、wang-yangben）；"
        "yy-003（li-shifan、zhao-yanshi） — 文件中的输入或结果在公布后被改动过，或者这次抽取不是按 gongshi-draw-1 做的："
        "这份抽取结果不能采信，请向公布它的单位核实")
    assert lines[-1] == "共 1 个错误，0 个警告（E-DRAW-MISMATCH ×1）。"


def test_tampered_tasks_are_a_mismatch(project, gongshi):
    published = _published(project, gongshi)
    honest = _stated(published["tasks"])
    published["tasks"][0]["object"] = "yy-001"
    project.write("draw.json", json.dumps(published, ensure_ascii=False))
    code, lines = gongshi("draw", "--verify", "draw.json")
    assert code == 1
    assert lines[-2].startswith("draw.json: E-DRAW-MISMATCH 按文件中的输入重新计算，抽取结果与文件所写的不同："
                                f"文件写的是 {_stated(published['tasks'])}，重新计算的是 {honest} — ")


def test_a_file_that_is_no_json_cannot_be_verified(project, capsys):
    project.write("draw.json", '{"inputs": ')
    code, out, err = _run(capsys, "draw", "--verify", "draw.json")
    assert (code, out) == (1, [])
    assert err == ["draw.json: E-DRAW-JSON 无法核验：不是有效的 JSON（第 1 行第 12 列附近） — "
                   "请使用网站上抽查计划页面公布的 draw.json，下载后不要改动",
                   "共 1 个错误，0 个警告（E-DRAW-JSON ×1）。"]


def test_a_file_without_inputs_cannot_be_verified(project, capsys):
    project.write("draw.json", '{"key": "x", "tasks": []}')
    code, out, err = _run(capsys, "draw", "--verify", "draw.json")
    assert (code, out) == (1, [])
    assert err[0] == "draw.json: E-DRAW-JSON 无法核验：文件中没有抽取的输入（inputs） — " \
                     "请使用网站上抽查计划页面公布的 draw.json，下载后不要改动"


def test_an_unknown_batch_is_refused(project, capsys):
    code, out, err = _run(capsys, "draw", "--plan", PLAN, "--draw", "9")
    assert (code, out) == (1, [])
    assert err == ["content/shili/random-inspections.yml: E-DRAW-NO-BATCH 抽查计划中没有批次 9 — "
                   "已有的批次：1、2（其他计划中也有同一编号的，写成 计划/批次）",
                   "共 1 个错误，0 个警告（E-DRAW-NO-BATCH ×1）。"]


def test_a_file_outside_a_county_is_refused(project, capsys):
    project.write("drafts/random-inspections.yml", project.file(PLAN).read_text(encoding="utf-8"))
    code, out, err = _run(capsys, "draw", "--plan", "drafts/random-inspections.yml")
    assert (code, out) == (1, [])
    assert err == ["drafts/random-inspections.yml: E-DRAW-FILE drafts/random-inspections.yml 不是县文件夹中的抽查计划文件 "
                   "random-inspections.yml — 请写某个县文件夹中的 random-inspections.yml，"
                   "如 gongshi draw --plan content/shili/random-inspections.yml",
                   "共 1 个错误，0 个警告（E-DRAW-FILE ×1）。"]


def test_json_needs_a_batch_when_several_are_drawn_here(project, capsys):
    project.edit(PLAN, "      - id: '2'\n        date: '2026-09-01'\n",
                 "      - id: '3'\n        date: '2026-09-10'\n        count: 1\n        randomness:\n"
                 "          source: 示例\n          date: '2026-09-09'\n          value: '1 2 3'\n"
                 "      - id: '2'\n        date: '2026-09-01'\n")
    code, out, err = _run(capsys, "draw", "--plan", PLAN, "--json", "draw.json")
    assert (code, out) == (1, [])
    assert err[0] == "content/shili/random-inspections.yml: E-DRAW-NEEDS-ID 抽查计划中有 2 批是本局抽取的，" \
                     "--json 只能写其中一批的 draw.json — 请用 --draw 写明哪一批，如 --draw 1；本局抽取的批次：1、3"
    assert not project.file("draw.json").exists()


def test_a_batch_without_its_public_value_waits(project, gongshi):
    project.edit(PLAN, "value: '05 11 16 23 28 33 + 09'", "value: ''")
    project.file("content/shili/draws/2026-1.json").unlink()   # not drawn yet: nothing fixed either
    code, lines = gongshi("draw", "--plan", PLAN, "--draw", "1", "--today", "2026-03-05")
    assert code == 0
    assert lines[1:] == ["第 1 批：", "  content/shili/random-inspections.yml:19: W-DRAW-WAITING 抽查计划 2026 第 1 批还不能抽取："
                         "还没有填写公开随机数（中国福利彩票“双色球”第2026025期开奖号码（示例），2026年3月5日开奖） — "
                         "开奖后请照开奖公告填写 randomness 的 value，再运行 gongshi draw",
                         # the sample's tasks of that batch were recorded before it was drawn
                         "注意：本县双随机抽查的文件还有 4 个错误（content/shili/random-inspections.yml:36: E-TASK-DRAW-PENDING "
                         "检查任务 2026-01 所属的抽查计划 2026 第 1 批还没有填写公开随机数的开奖号码，无法核对检查对象和检查人员是不是抽中的 — "
                         "开奖之后先照开奖公告填写该批 randomness 的 value，再按抽取结果安排检查；已经检查的，请核对 draw 是否写错了批次），"
                         "请运行 gongshi validate --county shili 查看并改正。"]


def test_a_county_whose_pool_has_errors_is_not_drawn(project, capsys):
    project.edit("content/shili/inspection-objects.yml", "    name: 示例县人民医院\n", "")
    code, out, err = _run(capsys, "draw", "--plan", PLAN)
    assert (code, out) == (1, [])
    assert err[0] == "content/shili/inspection-objects.yml:5: E-SCHEMA-REQUIRED 缺少必填字段 objects[1].name（单位名称） — " \
                     "请在这一项中补上 objects[1].name"
    assert err[-1] == "未抽取：请先改正上面的问题（gongshi validate --county shili）。"


FROZEN = "content/shili/draws/2026-1.json"
NEW_PHARMACY = "  - id: yd-008\n    name: 示例县新开大药房有限公司\n    credit_code: 91100000MA00A0900M\n    type: 定点零售药店\n    district: 城关镇\n"
NEW_OFFICER = ("  - id: zhou-xinren\n    name: 周新任\n    certificate_no: 'SL-2023-0031'\n    issuer: 示例省人民政府\n"
               "    valid_from: '2023-05-01'\n    valid_until: '2028-04-30'\n    status: 有效\n    domain: 医疗保障基金监管\n    agency: jgg\n")


def _grow_pools(project) -> None:
    """A pharmacy joins the pool and an officer, certified since 2023, the list: after the draw."""
    project.write("content/shili/inspection-objects.yml",
                  project.file("content/shili/inspection-objects.yml").read_text(encoding="utf-8") + NEW_PHARMACY)
    project.write("content/shili/officers.yml",
                  project.file("content/shili/officers.yml").read_text(encoding="utf-8") + NEW_OFFICER)


def test_a_frozen_draw_stays_what_it_was_when_the_pools_grow_later(project, gongshi):
    _grow_pools(project)
    assert gongshi("validate", "--county", "shili")[1] == ["检查通过：没有发现问题。"]


def test_an_unfrozen_draw_is_a_warning_and_freezing_it_writes_what_the_site_publishes(project, gongshi, capsys):
    fixed = project.file(FROZEN).read_bytes()
    project.file(FROZEN).unlink()
    code, lines = gongshi("validate", "--county", "shili")
    assert (code, lines) == (0, [
        "content/shili/random-inspections.yml:19: W-DRAW-NOT-FROZEN 抽查计划 2026 第 1 批的抽取还没有固定：以后在名录库中增减单位、"
        "在执法人员清单中增减人员，都会改变这一批的抽取结果 — 抽取之后请运行 gongshi draw --plan content/shili/random-inspections.yml "
        "--draw 1 --freeze，把抽取时的名录库和执法人员固定在 content/shili/draws/2026-1.json 中，并和 random-inspections.yml 一起提交",
        "共 0 个错误，1 个警告（W-DRAW-NOT-FROZEN ×1）。"])
    code, out, _ = _run(capsys, "draw", "--plan", PLAN, "--freeze")
    assert code == 0 and out[-1] == ("已固定：抽查计划 2026 第 1 批的抽取写入 content/shili/draws/2026-1.json（抽取时的名录库、执法人员和抽取结果）；"
                                     "请把它和 random-inspections.yml 一起提交，以后名录库和执法人员清单的改动不再改变这一批")
    assert project.file(FROZEN).read_bytes() == fixed
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 0
    assert project.file("site/shili/inspections/plans/2026/draw-1.json").read_bytes() == fixed
    _grow_pools(project)
    code, out, _ = _run(capsys, "draw", "--plan", PLAN, "--freeze")
    assert out[-1] == "抽查计划 2026 第 1 批已固定在 content/shili/draws/2026-1.json，不再改写"
    assert project.file(FROZEN).read_bytes() == fixed


def test_without_freezing_a_pool_that_grows_changes_the_draw(project, gongshi):
    project.file(FROZEN).unlink()
    _grow_pools(project)
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1 and any(": E-TASK-NOT-DRAWN " in line for line in lines)


@pytest.mark.parametrize("edit, reason", [
    (lambda draw: draw["tasks"].reverse(), "中写的抽取结果不是按其中的输入算出的结果，文件被改动过"),
    (lambda draw: draw["inputs"]["objects"].append("yd-999"), "中写的抽取结果不是按其中的输入算出的结果，文件被改动过"),
    (lambda draw: draw["inputs"].update(public_value="01 02 03 04 05 06 + 07"),
     "中的计划参数（抽取数量、每个对象的人数）或开奖号码与 random-inspections.yml 中的不一致"),
    (lambda draw: draw.clear(), "无法读取，或不是 gongshi draw --freeze 写出的格式"),
], ids=["result", "pool", "public-value", "empty"])
def test_a_frozen_file_edited_by_hand_is_an_error(project, gongshi, edit, reason):
    draw = json.loads(project.file(FROZEN).read_text(encoding="utf-8"))
    edit(draw)
    project.write(FROZEN, json.dumps(draw, ensure_ascii=False))
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert lines[0] == (f"content/shili/random-inspections.yml:19: E-DRAW-FROZEN 抽查计划 2026 第 1 批固定的抽取文件 {FROZEN} {reason} — "
                        "这个文件由 gongshi draw --freeze 写出，记录抽取那天的名录库和执法人员，不要手改；计划或开奖号码写错了的，"
                        "改回与该文件一致；确需重新抽取的，按规定重新公布计划，删除该文件后再抽取")
