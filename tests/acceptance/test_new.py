"""`gongshi new`: a file to fill in for every kind of record, and a whole new county. What it leaves
to the clerk fails validation by name until filled; filled, it validates."""

import re
import shutil

import pytest
import yaml

from generator.cli import main
from generator.kinds import KINDS, SITE_CONFIG
from generator.scaffold import KIND_CHOICES, COUNTY

from ..conftest import PROJECT, TODAY
from ..filling import fill_county, kind_of

SAMPLE = PROJECT / "content" / "shili"
IN_A_NEW_COUNTY = [kind.name for kind in KINDS if kind.required or kind.expected]


@pytest.fixture
def run(capsys):
    """The command line, with what it printed to standard output and to standard error."""

    def run(*args: str):
        code = main(list(args) + ([] if "--today" in args else ["--today", TODAY.isoformat()]))
        captured = capsys.readouterr()
        return code, captured.out.splitlines(), captured.err.splitlines()

    return run


def filled_and_validated(project, run, county: str) -> list[str]:
    fill_county(project.root, county, TODAY.isoformat(), SAMPLE)
    code, out, _ = run("validate", "--county", county)
    assert code == 0, out
    return [line for line in out if ": E-" in line]


def schema_line_points_at_its_schema(project, path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    relative = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first).group(1)
    assert (path.parent / relative).resolve() == (project.root / "schemas" / kind_of(path).schema).resolve()


def test_a_new_county_validates_once_its_marked_fields_are_filled(project, run):
    code, out, _ = run("new", "county", "demo")
    assert code == 0
    written = [project.file(f"content/demo/{kind.file}") for kind in KINDS if kind.name in IN_A_NEW_COUNTY]
    assert out[:-1] == [f"已写入 {path.relative_to(project.root)}" for path in written] + ["已写入 site_config/demo.yml"]
    config = yaml.safe_load(project.file("site_config/demo.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == "../mkdocs.yml" and config["extra"]["law"]["annual_report_first_year"] == TODAY.year
    for path in written + [project.file("site_config/demo.yml")]:
        schema_line_points_at_its_schema(project, path)
    assert filled_and_validated(project, run, "demo") == []


def test_a_field_left_unfilled_is_named_and_every_one_is_counted(project, run):
    _, out, _ = run("new", "county", "demo")
    placeholders = int(re.search(r"请把其中 (\d+) 处", out[-1]).group(1))
    code, lines, _ = run("validate", "--county", "demo")
    assert code == 1
    unfilled = [line for line in lines if ": E-SCHEMA-UNFILLED " in line]
    assert len(unfilled) == placeholders == len([line for line in lines if ": E-" in line])
    assert ("content/demo/subject.yml:5: E-SCHEMA-UNFILLED 字段 name（执法主体名称）还没有填写：<请填写：执法主体名称> — "
            "请把它连同尖括号换成实际内容：如 剑阁县医疗保障局") in unfilled
    assert ("content/demo/officers.yml:19: E-SCHEMA-UNFILLED 字段 officers[1].status（证件状态）还没有填写：<请填写：证件状态> — "
            "请把它连同尖括号换成实际内容（只能填写：有效、暂扣、注销、吊销）") in unfilled


def _county_without(project, run, kind: str) -> str:
    """A county with everything but a file of this kind, which `gongshi new` is to write (a new
    county's other files are filled with it, so that they can refer to each other)."""
    if kind in ("decision", "random-inspections"):   # these refer to the sample county's officers, powers and objects
        if kind == "random-inspections":
            project.file("content/shili/random-inspections.yml").unlink()
            shutil.rmtree(project.file("content/shili/draws"))
        return "shili"
    run("new", "county", "demo")
    if kind in IN_A_NEW_COUNTY:
        project.file(f"content/demo/{dict((k.name, k.file) for k in KINDS)[kind]}").unlink()
    return "demo"


@pytest.mark.parametrize("kind", [kind for kind in KIND_CHOICES if kind != COUNTY])
def test_every_kind_validates_once_filled(project, run, kind):
    county = _county_without(project, run, kind)
    code, out, _ = run("new", kind, "--county", county)
    assert code == 0
    path = project.root / out[0].removeprefix("已写入 ")
    schema_line_points_at_its_schema(project, path)
    code, lines, _ = run("validate", "--county", county)
    assert code == 1 and any(line.startswith(f"{out[0].removeprefix('已写入 ')}:") and "E-SCHEMA-UNFILLED" in line for line in lines)
    assert filled_and_validated(project, run, county) == []


def test_decisions_are_numbered_after_the_countys_own(project, run):
    assert run("new", "decision", "--county", "shili")[1][0] == "已写入 content/shili/decisions/2026-004.yml"
    assert run("new", "decision", "--county", "shili")[1][0] == "已写入 content/shili/decisions/2026-005.yml"
    numbers = [yaml.safe_load(project.file(f"content/shili/decisions/2026-00{n}.yml").read_text(encoding="utf-8"))["case_number"]
               for n in (4, 5)]
    assert numbers == ["示医保罚〔2026〕5号", "示医保罚〔2026〕6号"]
    code, out, _ = run("new", "decision", "--county", "shili", "--today", "2027-01-04")
    assert out[0] == "已写入 content/shili/decisions/2027-001.yml"
    assert yaml.safe_load(project.file("content/shili/decisions/2027-001.yml").read_text(encoding="utf-8"))["case_number"] \
        == "示医保罚〔2027〕1号"



def test_an_existing_file_is_never_overwritten_and_a_list_gets_the_item_to_paste(project, run):
    before = project.file("content/shili/officers.yml").read_text(encoding="utf-8")
    code, out, err = run("new", "officers", "--county", "shili")
    assert code == 1
    assert project.file("content/shili/officers.yml").read_text(encoding="utf-8") == before
    assert err[0] == ("content/shili/officers.yml: E-NEW-EXISTS 文件 officers.yml 已经存在，gongshi new 不会覆盖它 — "
                      "要添加一项，请在这个文件的 officers: 下面照已有的项目写，或者复制上面这一段")
    assert out[0] == "可以复制到 content/shili/officers.yml 的 officers: 下面的一项（每行前面的空格也要复制）："
    pasted = before + "\n".join(out[1:]) + "\n"
    officers = yaml.safe_load(pasted)["officers"]
    assert officers[-1]["name"] == "<请填写：姓名>" and len(officers) == len(yaml.safe_load(before)["officers"]) + 1


def test_an_existing_county_is_never_overwritten(project, run):
    code, _, err = run("new", "county", "shili")
    assert code == 1
    assert err[0] == ("content/shili: E-NEW-EXISTS 县文件夹 shili 已经存在，gongshi new 不会覆盖它 — "
                      "要修改这个县，请直接编辑其中的文件；要新建其中缺少的文件，请用 gongshi new KIND --county shili")
