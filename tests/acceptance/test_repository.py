"""The repository around the content: `gongshi init`, its content format and its copy of the schemas."""

from __future__ import annotations

import pytest

import generator.check.repository
from generator.cli import main

from ..conftest import PROJECT

SCHEMA_COUNT = len(list((PROJECT / "schemas").glob("*.schema.json")))

FORMAT = ("  # 本仓库内容文件的格式版本，gongshi 据此判断能否读取；升级 gongshi 时按升级说明修改，不要随意改动。\n"
          "  content_format: 1\n")


def _run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err.splitlines()


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == "gongshi 0.1.0（读取第 1 版内容格式）\n"


def test_init_writes_a_repository_that_validates_and_builds(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "init", "sheng", "--today", "2026-12-04")
    assert code == 0
    assert out == ["已创建 sheng/：示例县 content/shili/、site_config/、mkdocs.yml、schemas/、requirements.txt（gongshi==0.1.0）和 README.md。",
                   "下一步：cd sheng，运行 gongshi validate 和 gongshi build 查看示例县网站；再照着示例县建本县的文件夹，建好后删除示例县。"]
    repo = tmp_path / "sheng"
    assert (repo / ".gitignore").read_text(encoding="utf-8").splitlines() == [".venv/", "/site", "/.site.*", "__pycache__/"]
    assert "valid_until: '2030-12-31'" in (repo / "content/shili/officers.yml").read_text(encoding="utf-8")
    assert not list(repo.rglob("*.j2")) and not list(repo.rglob("dot-*"))
    monkeypatch.chdir(repo)
    for today in ("2026-12-04", "2027-12-31"):   # nothing in the example goes stale before the next year is out
        assert _run(capsys, "validate", "--today", today)[:2] == (0, ["检查通过：没有发现问题。"])
    code, out, _ = _run(capsys, "build", "--today", "2026-12-04")
    assert code == 0 and out[-2:] == ["已生成 site/shili/", "已生成 site/index.html"]


def test_init_never_writes_into_a_folder_with_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sheng").mkdir()
    (tmp_path / "sheng" / "notes.txt").write_text("keep", encoding="utf-8")
    code, out, err = _run(capsys, "init", "sheng")
    assert (code, out) == (1, [])
    assert err == ["sheng: E-INIT-NOT-EMPTY 目录已有内容，不能在这里新建仓库 — 请换一个不存在的或空的目录，如 gongshi init gongshi-sichuan",
                   "共 1 个错误，0 个警告（E-INIT-NOT-EMPTY ×1）。"]
    assert [p.name for p in (tmp_path / "sheng").iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("new, expected", [
    ("  content_format: 2\n",
     "mkdocs.yml: E-FORMAT-NEWER 本仓库的内容格式是第 2 版，安装的 gongshi 0.1.0 只能读取第 1 版 — "
     "请安装能读取第 2 版的 gongshi，并在 requirements.txt 中写明这个版本；不要降低 content_format"),
    ("  content_format: 一\n",
     "mkdocs.yml: E-FORMAT-VALUE 内容格式版本 '一'（加了引号，是文字） 不是正整数（mkdocs.yml 的 extra.content_format） — "
     "请写成不加引号的整数，如 content_format: 1"),
    ("  content_format: '1'\n",
     "mkdocs.yml: E-FORMAT-VALUE 内容格式版本 '1'（加了引号，是文字） 不是正整数（mkdocs.yml 的 extra.content_format） — "
     "请写成不加引号的整数，如 content_format: 1"),
])
def test_a_format_this_gongshi_does_not_read_stops_every_command(project, gongshi, capsys, new, expected):
    project.edit("mkdocs.yml", FORMAT, new)
    code, lines = gongshi("validate")
    assert (code, lines) == (1, [expected, f"共 1 个错误，0 个警告（{expected.split(' ')[1]} ×1）。"])   # and nothing about the counties
    assert gongshi("build", "--out", "site")[0] == 2 and not project.file("site").exists()
    for command in (["status"], ["report", "--year", "2025"]):
        code, out, err = _run(capsys, *command, "--today", "2026-11-23")
        assert (code, out, err[0]) == (1, [], expected), command


def test_an_older_format_says_what_to_change_and_which_version_still_reads_it(project, gongshi, monkeypatch):
    monkeypatch.setattr(generator.check.repository, "CONTENT_FORMAT", 2)   # as a later gongshi would see this repository
    monkeypatch.setattr(generator.check.repository, "__version__", "0.2.0")
    project.write("requirements.txt", "gongshi==0.1.0\n")
    code, lines = gongshi("validate")
    assert (code, lines[:2]) == (1, [
        "mkdocs.yml: E-FORMAT-OLDER 本仓库的内容格式是第 1 版，安装的 gongshi 0.2.0 读取第 2 版 — "
        "请按 gongshi README 中的内容格式表把内容改为第 2 版，再把 mkdocs.yml 中的 content_format 改为 2；"
        "改好之前请继续使用能读取第 1 版的 gongshi（如 requirements.txt 写明的 0.1.0）",
        "requirements.txt: W-VERSION-PIN requirements.txt 写明使用 gongshi 0.1.0，安装的是 0.2.0 — "
        "请安装写明的版本（pip install -r requirements.txt）；有意升级的，请先改 requirements.txt 并运行 gongshi schemas"])


def test_a_newer_format_names_the_pinned_version(project, gongshi):
    project.edit("mkdocs.yml", FORMAT, "  content_format: 2\n")
    project.write("requirements.txt", "# 本仓库使用的 gongshi 版本\ngongshi==0.3.1\n")
    code, lines = gongshi("validate")
    assert code == 1 and lines[0] == ("mkdocs.yml: E-FORMAT-NEWER 本仓库的内容格式是第 2 版，安装的 gongshi 0.1.0 只能读取第 1 版 — "
                                      "请安装能读取第 2 版的 gongshi：pip install -r requirements.txt（写的是 gongshi==0.3.1）；"
                                      "不要降低 content_format")


MISSING = ("mkdocs.yml: W-FORMAT-MISSING 没有写明本仓库的内容格式版本（mkdocs.yml 的 extra.content_format），按第 1 版读取 — "
           "请在 mkdocs.yml 中写 extra: 下一行 content_format: 1（gongshi init 生成的仓库已经写好），以后升级 gongshi 时才能判断能否读取")


def test_a_repository_that_names_no_format_is_read_as_the_first_with_a_warning(project, gongshi):
    project.edit("mkdocs.yml", FORMAT, "")
    code, lines = gongshi("validate", "--county", "shili")
    assert (code, lines) == (0, [MISSING, "共 0 个错误，1 个警告（W-FORMAT-MISSING ×1）。"])
    assert gongshi("build", "--out", "site")[0] == 0


def test_an_older_unnamed_format_is_refused_by_a_later_gongshi(project, gongshi, monkeypatch):
    monkeypatch.setattr(generator.check.repository, "CONTENT_FORMAT", 2)
    project.edit("mkdocs.yml", FORMAT, "")
    code, lines = gongshi("validate")
    assert code == 1 and lines[:2] == ["mkdocs.yml: E-FORMAT-OLDER 本仓库的内容格式是第 1 版，安装的 gongshi 0.1.0 读取第 2 版 — "
                                       "请按 gongshi README 中的内容格式表把内容改为第 2 版，再把 mkdocs.yml 中的 content_format 改为 2；"
                                       "改好之前请继续使用能读取第 1 版的 gongshi", MISSING]


def test_a_stale_copy_of_the_schemas_is_a_warning_until_gongshi_schemas_rewrites_it(project, gongshi, capsys):
    before = gongshi("validate")
    project.write("schemas/subject.schema.json", "{}\n")   # an older copy, say
    code, lines = gongshi("validate")
    assert code == 0
    assert ("schemas: W-SCHEMAS-STALE schemas/ 中的 Schema 与安装的 gongshi 0.1.0 不一致：" + "、".join(
        sorted(p.name for p in (PROJECT / "schemas").glob("*.schema.json"))) +   # one differs, the others are missing
        " — 编辑器按这些文件自动补全和检查；请运行 gongshi schemas 更新，并提交更新后的文件") in lines
    code, out, _ = _run(capsys, "schemas")
    assert (code, out) == (0, [f"已写入 schemas/：{SCHEMA_COUNT} 个 Schema（gongshi 0.1.0）"])
    assert gongshi("validate") == before
    assert all(project.file(f"schemas/{p.name}").read_bytes() == p.read_bytes() for p in (PROJECT / "schemas").glob("*.schema.json"))


def test_a_mkdocs_yml_that_is_no_mapping_or_carries_python_tags_is_read_safely(project, gongshi, tmp_path):
    project.write("mkdocs.yml", "- a\n- b\n")
    code, lines = gongshi("validate")
    assert (code, lines[0]) == (1, "mkdocs.yml:1: E-SITE-CONFIG 站点配置无法使用：内容不是“字段: 值”的结构 — "
                                   "请检查 site_config 中该县的配置和根目录的 mkdocs.yml")
    planted = tmp_path / "ran"
    project.write("mkdocs.yml", f"site_name: 行政执法公示\nx: !!python/object/apply:os.system ['touch {planted}']\n"
                                "y: !ENV [GONGSHI_UNSET_VARIABLE, 3]\nextra:\n  content_format: 1\n")
    for command in ("validate", "status"):
        assert gongshi(command, "--county", "shili")[0] == 0, command
    assert not planted.exists()   # checking a repository never runs what its files say


def test_without_mkdocs_yml_the_warning_says_to_create_it_and_the_inherit_line_is_an_error(project, gongshi):
    project.file("mkdocs.yml").unlink()
    code, lines = gongshi("validate", "--county", "shili")
    assert code == 1
    assert lines[:3] == [
        "mkdocs.yml: W-FORMAT-MISSING 没有写明本仓库的内容格式版本（mkdocs.yml 的 extra.content_format），按第 1 版读取 — "
        "请在 mkdocs.yml 中写 extra: 下一行 content_format: 1（这个文件还没有：请新建，第一行写 site_name: 行政执法公示）"
        "（gongshi init 生成的仓库已经写好），以后升级 gongshi 时才能判断能否读取",
        "site_config/shili.yml:3: E-SITE-CONFIG-INHERIT INHERIT: ../mkdocs.yml 指向的 mkdocs.yml 不存在 — "
        "这一行应继承本仓库各县共用的设置，一般写 INHERIT: ../mkdocs.yml；没有 mkdocs.yml 的，请新建（gongshi init 生成的仓库中有），或删除这一行",
        "共 1 个错误，1 个警告（E-SITE-CONFIG-INHERIT ×1，W-FORMAT-MISSING ×1）。"]
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 1 and not project.file("site/shili").exists()


def test_a_mkdocs_yml_that_does_not_load_is_not_also_said_to_lack_a_format(project, gongshi):
    project.write("mkdocs.yml", "site_name: [行政执法公示\n")
    code, lines = gongshi("validate")
    assert code == 1 and [line.split(" ")[1] for line in lines[:-1]] == ["E-YAML-BRACKET-OPEN"]


def test_the_shared_settings_are_laid_over_the_shipped_base(project, gongshi):
    # a theme named in short keeps the base's settings of it (no web fonts); a palette set here reaches the pages
    project.edit("mkdocs.yml", "site_name: 行政执法公示\n", "site_name: 行政执法公示\ntheme: material\n")
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 0
    project.edit("mkdocs.yml", "theme: material\n", "theme:\n  palette:\n    scheme: slate\n")
    assert gongshi("build", "--county", "shili", "--out", "site")[0] == 0
    assert 'data-md-color-scheme="slate"' in project.file("site/shili/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("prepare, expected", [
    (lambda d: d.write_text("x", encoding="utf-8"),
     "sheng: E-INIT-NOT-DIR 这是一个文件，不是目录，不能在这里新建仓库 — 请换一个不存在的或空的目录，如 gongshi init gongshi-sichuan"),
    (lambda d: d.symlink_to(d.parent / "nowhere"),
     "sheng: E-INIT-NOT-DIR 这是一个指向不存在位置的链接，不是目录，不能在这里新建仓库 — 请换一个不存在的或空的目录，如 gongshi init gongshi-sichuan"),
])
def test_init_refuses_what_is_no_folder(tmp_path, monkeypatch, capsys, prepare, expected):
    monkeypatch.chdir(tmp_path)
    prepare(tmp_path / "sheng")
    assert _run(capsys, "init", "sheng") == (1, [], [expected, expected.split(" ")[1].join(["共 1 个错误，0 个警告（", " ×1）。"])])


def test_init_under_a_file_says_it_cannot_write(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, out, err = _run(capsys, "init", "f/sheng")
    assert (code, out) == (1, [])
    assert err[0].startswith("f/sheng: E-WRITE-FAILED 无法写入：") and "Traceback" not in "".join(err)


def test_init_into_a_fresh_clone_keeps_its_git_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sheng" / ".git").mkdir(parents=True)
    (tmp_path / "sheng" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    code, out, _ = _run(capsys, "init", "sheng")
    assert code == 0 and (tmp_path / "sheng" / ".git" / "HEAD").is_file() and (tmp_path / "sheng" / "mkdocs.yml").is_file()


def test_the_next_steps_quote_a_folder_name_with_a_space(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "init", "四川 省")
    assert code == 0 and out[1].startswith("下一步：cd '四川 省'，运行 gongshi validate")


def test_schemas_refuses_a_folder_that_is_no_repository_and_removes_copies_of_old_schemas(project, tmp_path, capsys):
    code, out, err = _run(capsys, "schemas", str(tmp_path / "nowhere"))
    assert (code, out) == (1, [])
    assert err[0] == (f"{tmp_path / 'nowhere'}: E-SCHEMAS-NOT-REPO 这里不是 gongshi 仓库（没有 content/、site_config/ 或 mkdocs.yml） — "
                      "请在仓库目录中运行 gongshi schemas，或写出仓库目录：gongshi schemas DIR")
    assert not (tmp_path / "nowhere").exists()
    project.write("schemas/old-thing.schema.json", "{}\n")
    assert _run(capsys, "schemas")[:2] == (0, [f"已写入 schemas/：{SCHEMA_COUNT} 个 Schema（gongshi 0.1.0），删除 1 个已不再使用的"])
    assert not project.file("schemas/old-thing.schema.json").exists()
