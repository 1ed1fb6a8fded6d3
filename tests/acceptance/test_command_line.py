"""The command line itself: a mistyped command is an error a clerk can read, never a build."""

from __future__ import annotations

from generator.cli import _parser, main

COMMANDS = _parser()[1]   # every command the parser knows, in its order: the message lists them all


def test_a_mistyped_command_is_refused_with_a_suggestion_and_builds_nothing(project, capsys):
    assert {"validate", "build", "serve", "precommit", "import", "draw", "init", "new", "schemas", "withdraw", "correct", "mark-published", "withhold"} <= set(COMMANDS)
    code = main(["buidl", "--out", "site"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.splitlines() == [
        "gongshi: E-COMMAND-UNKNOWN 没有 buidl 这个命令 — 是不是想写 build？可用的命令：" + "、".join(COMMANDS) + "；"
        "运行 gongshi --help 查看说明",
        "共 1 个错误，0 个警告（E-COMMAND-UNKNOWN ×1）。",
    ]
    assert not project.file("site").exists()


def test_without_a_command_the_help_is_shown(project, capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: gongshi") and "检查后生成各县网站和总入口页" in out
    assert not project.file("site").exists()


def test_validate_shows_findings_on_the_changed_lines_of_a_github_pull_request(project, capfdbinary):
    from generator.cli import main
    project.edit("content/shili/officers.yml", "    status: 有效\n", "    status: 在岗\n")
    assert main(["validate", "--county", "shili", "--format", "github", "--today", "2026-11-23"]) == 1
    lines = capfdbinary.readouterr().out.decode("utf-8").splitlines()
    assert lines[0].startswith("::error file=content/shili/officers.yml,line=")
    assert ",title=E-SCHEMA-ENUM::字段 officers[1].status（证件状态）" in lines[0]
    assert lines[-1].startswith("共 ")


def test_validate_writes_a_gitlab_code_quality_report(project, capfdbinary):
    import json
    from generator.cli import main
    project.edit("content/shili/officers.yml", "    status: 有效\n", "    status: 在岗\n")
    assert main(["validate", "--county", "shili", "--format", "gitlab", "--today", "2026-11-23"]) == 1
    report = json.loads(capfdbinary.readouterr().out.decode("utf-8"))
    errors = [issue for issue in report if issue["severity"] == "major"]
    assert errors and errors[0]["check_name"] == "E-SCHEMA-ENUM"
    assert errors[0]["location"]["path"] == "content/shili/officers.yml" and errors[0]["location"]["lines"]["begin"] > 1
    assert len({issue["fingerprint"] for issue in report}) == len(report)
