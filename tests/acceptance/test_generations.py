"""Each build publishes a new generation in one step; `gongshi rollback` publishes the one before
again, never bringing back what must be off the site today."""

from __future__ import annotations

from generator.cli import main

from ..built_files import files_of as files
from .test_scopes import DECISION, WITHDRAWN

ROLLBACK = ("rollback", "--out", "site")


def test_a_build_switches_out_to_a_new_generation_and_keeps_the_last_three(project, gongshi):
    for n in range(4):
        project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", f"name: 示例县医疗保障局{n}")
        assert gongshi("build", "--out", "site")[0] == 0
    site = project.file("site")
    assert site.is_symlink() and site.resolve().parent == project.file(".site.generations")
    kept = sorted(p.name for p in project.file(".site.generations").iterdir() if not p.name.endswith(".state"))
    assert len(kept) == 3 and site.resolve().name == kept[-1]


def test_rollback_restores_the_previous_generation_byte_for_byte(project, gongshi):
    assert gongshi("build", "--out", "site")[0] == 0
    before = files(project.file("site"))
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 示例县医疗保障局（新）")
    assert gongshi("build", "--out", "site")[0] == 0
    assert files(project.file("site")) != before
    code, lines = gongshi(*ROLLBACK)
    assert code == 0 and lines[0].startswith("已回退：site 现在是 g000001-")
    assert files(project.file("site")) == before
    code, _ = gongshi(*ROLLBACK)
    assert code == 1 and files(project.file("site")) == before


def test_rollback_never_brings_back_a_withdrawn_decision(project, gongshi, capsys):
    assert gongshi("build", "--out", "site", "--today", "2026-11-23")[0] == 0
    project.write(DECISION, project.file(DECISION).read_text(encoding="utf-8") + WITHDRAWN)
    assert gongshi("build", "--out", "site", "--today", "2026-11-25")[0] == 0
    after = files(project.file("site"))
    capsys.readouterr()
    code = main([*ROLLBACK, "--today", "2026-11-25"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert f"{DECISION}: E-ROLLBACK-REMOVED 决定 示医保罚〔2025〕2号 今天不应在网站上（已撤下），回退会让它重新出现 — " \
           "请改正内容后重新生成，而不是回退" in err
    assert "未回退：site 保持原样。" in err
    assert files(project.file("site")) == after


def test_a_rebuild_with_nothing_changed_publishes_no_new_generation(project, gongshi):
    assert gongshi("build", "--out", "site")[0] == 0
    published = project.file("site").resolve()
    assert gongshi("build", "--out", "site")[0] == 0
    assert project.file("site").resolve() == published
    assert sorted(p.name for p in project.file(".site.generations").iterdir()) == [published.name, published.name + ".state"]
