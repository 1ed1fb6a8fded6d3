"""The CI files a new repository gets: they parse, and every gongshi command in them is one the
command line accepts, with the options the README documents."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from generator.cli import _parser
from generator.init import init_repository

from ..conftest import TODAY

# What the CI systems put in place of their variables, as they would at run time.
CI_VALUES = {"${{ matrix.shard }}": "1", "${{ strategy.job-total }}": "4",
             "$CI_NODE_INDEX": "1", "$CI_NODE_TOTAL": "4"}


def _scripts(document) -> list[str]:
    """Every shell script of a GitHub workflow (steps' `run`) or a GitLab pipeline (`script`)."""
    found = []
    if isinstance(document, dict):
        for key, value in document.items():
            if key == "run" and isinstance(value, str):
                found.append(value)
            elif key == "script" and isinstance(value, list):
                found += [line for line in value if isinstance(line, str)]
            else:
                found += _scripts(value)
    elif isinstance(document, list):
        for item in document:
            found += _scripts(item)
    return found


def gongshi_commands(text: str) -> list[list[str]]:
    for name, value in CI_VALUES.items():
        text = text.replace(name, value)
    commands = []
    for script in _scripts(yaml.safe_load(text)):
        for part in re.split(r"\n|&&|\|\||;", script):
            words = shlex.split(part.split(">")[0], comments=True) if "gongshi " in part else []
            if words and words[0] == "gongshi":
                commands.append(words[1:])
    return commands


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    target = tmp_path_factory.mktemp("province") / "gongshi-sichuan"
    assert init_repository(target, TODAY).ok
    return target


@pytest.mark.parametrize("path, expected", [
    (".github/workflows/gongshi.yml", {"validate", "build", "portal", "scan"}),
    (".gitlab-ci.yml", {"validate", "build", "portal", "scan"}),
])
def test_the_ci_files_parse_and_call_the_documented_commands(repository, path, expected):
    commands = gongshi_commands((repository / path).read_text(encoding="utf-8"))
    assert {words[0] for words in commands} == expected
    parser, _ = _parser()
    for words in commands:
        args = parser.parse_args(words)          # argparse exits on an unknown option or a bad value
        assert args.command == words[0]
    build = next(words for words in commands if words[0] == "build")
    assert parser.parse_args(build).shard == (1, 4) and "--summary" in build
    validate = next(words for words in commands if words[0] == "validate")
    assert parser.parse_args(validate).format in ("github", "gitlab")
