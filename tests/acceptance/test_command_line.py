"""The command line itself: a mistyped command is an error a clerk can read, never a build."""

from __future__ import annotations

from generator.cli import main


def test_a_mistyped_command_is_refused_with_a_suggestion_and_builds_nothing(project, capsys):
    code = main(["buidl", "--out", "site"])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.splitlines() == [
        "gongshi: E-COMMAND-UNKNOWN 没有 buidl 这个命令 — 是不是想写 build？可用的命令：validate、build、scan、status、report、init、schemas；"
        "运行 gongshi --help 查看说明",
        "共 1 个错误，0 个警告（E-COMMAND-UNKNOWN ×1）。",
    ]
    assert not project.file("site").exists()


def test_without_a_command_the_help_is_shown(project, capsys):
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: gongshi") and "检查后生成各县网站和总入口页" in out
    assert not project.file("site").exists()
