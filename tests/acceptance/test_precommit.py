"""`gongshi precommit FILE…` (the pre-commit hook): only the counties a commit touches are validated."""

from __future__ import annotations

import yaml

from generator.paths import REPOSITORY_TEMPLATE

from ..conftest import PROJECT


def checked(lines: list[str]) -> str:
    return lines[0]


def test_a_commit_to_one_county_validates_that_county_alone(project, gongshi):
    project.write("content/jiange/powers.yml", "powers: [\n")   # an error the commit does not touch
    code, lines = gongshi("precommit", "content/shili/decisions/2025-001.yml", "README.md")
    assert checked(lines) == "检查改动涉及的县：shili"
    assert code == 0 and not any("content/jiange/" in line for line in lines)


def test_a_county_with_an_error_fails_the_commit(project, gongshi):
    project.edit("content/shili/officers.yml", "    status: 有效\n", "    status: 在岗\n")
    code, lines = gongshi("precommit", "content/shili/officers.yml", "site_config/jiange.yml")
    assert checked(lines) == "检查改动涉及的县：jiange、shili"
    assert code == 1
    assert any(line.startswith("content/shili/officers.yml:") and " E-SCHEMA-ENUM " in line for line in lines)


def test_a_shared_file_validates_every_county(project, gongshi):
    project.write("content/jiange/powers.yml", "powers: [\n")
    for shared in ("mkdocs.yml", "schemas/decision.schema.json", "site_config/calendar/2027.yml"):
        code, lines = gongshi("precommit", shared)
        assert checked(lines) == "检查改动涉及的县：全部县（改了共用的文件）"
        assert code == 1 and any(line.startswith("content/jiange/powers.yml") for line in lines)


def test_files_of_no_county_need_no_check(project, gongshi):
    code, lines = gongshi("precommit", "README.md", ".gitlab-ci.yml", "content/nowhere/subject.yml")
    assert (code, lines) == (0, ["这些改动不涉及任何县，不用检查。"])


def test_the_hook_runs_the_command_on_the_files_of_the_commit():
    for config in (PROJECT / ".pre-commit-config.yaml", REPOSITORY_TEMPLATE / "dot-pre-commit-config.yaml"):
        hook, = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"][0]["hooks"]
        assert hook["entry"] == "gongshi precommit" and hook.get("pass_filenames", True)
        assert hook["language"] == "system" and hook["require_serial"] is True
