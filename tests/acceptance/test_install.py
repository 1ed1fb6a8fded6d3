"""gongshi as a province installs it (README, “在本省自己的仓库中使用”): a wheel, from a local
wheelhouse with no package index, run in a repository made by `gongshi init` that holds nothing
of this checkout.

Slow (it builds wheels and a virtual environment), so everything is done once for the module.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generator.cli import china_today, main
from generator.init import init_repository

from ..conftest import PROJECT

SOURCES = ("generator", "schemas", "theme", "pyproject.toml", "README.md")


def _run(command: list, cwd: Path, timeout: int = 600, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}, **(env or {})}
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `gongshi` command of a fresh virtual environment, installed as the README says: the gongshi
    wheel in a folder, a wheelhouse made from it and the repository's requirements.txt, then
    `pip install --no-index --find-links wheelhouse -r requirements.txt` with no index and no pip config."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"   # a copy, so that building the wheel writes nothing into the checkout
    for name in SOURCES:
        (shutil.copytree if (PROJECT / name).is_dir() else shutil.copy)(PROJECT / name, source / name)
    for junk in ("theme/__pycache__/__init__.cpython-311.pyc", "generator/repository_template/content/.DS_Store"):
        (source / junk).parent.mkdir(parents=True, exist_ok=True)   # what a developer's checkout collects
        (source / junk).write_bytes(b"junk")
    dist = root / "dist"
    assert _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", source, "--wheel-dir", dist], root).returncode == 0
    [wheel] = dist.glob("gongshi-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert not [n for n in names if "__pycache__" in n or "/." in n or n.endswith(".pyc")], names
    assert "generator/theme/partials/copyright.html" in names and "generator/schemas/decision.schema.json" in names

    assert init_repository(root / "sample", china_today()).ok   # its requirements.txt is the one a province has
    requirements = root / "sample" / "requirements.txt"
    wheelhouse = root / "wheelhouse"
    made = _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--find-links", dist, "-r", requirements,
                 "--wheel-dir", wheelhouse], root)
    assert made.returncode == 0, made.stderr
    venv = root / "venv"
    _run([sys.executable, "-m", "venv", venv], root)
    done = _run([venv / "bin" / "pip", "install", "--quiet", "--no-index", "--find-links", wheelhouse, "-r", requirements], root,
                env={"PIP_CONFIG_FILE": os.devnull})
    assert done.returncode == 0, done.stderr
    return venv / "bin" / "gongshi"


def test_the_installed_tool_says_its_version_and_format(installed, tmp_path):
    result = _run([installed, "--version"], tmp_path)
    assert (result.returncode, result.stdout) == (0, "gongshi 0.1.0（读取第 1 版内容格式）\n")


def test_a_new_repository_validates_and_builds_on_the_real_date_as_from_the_checkout(installed, tmp_path, monkeypatch):
    created = _run([installed, "init", "sheng"], tmp_path)
    assert created.returncode == 0 and created.stdout.startswith("已创建 sheng/"), created.stderr
    repo = tmp_path / "sheng"
    assert (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == "gongshi==0.1.0"
    assert sorted(p.name for p in (repo / "schemas").iterdir()) == sorted(p.name for p in (PROJECT / "schemas").glob("*.json"))

    validated = _run([installed, "validate"], repo)   # no --today: the real date
    assert (validated.returncode, validated.stdout) == (0, "检查通过：没有发现问题。\n")
    built = _run([installed, "build"], repo)
    assert built.returncode == 0, built.stdout + built.stderr
    assert built.stdout.splitlines()[-2:] == ["已生成 site/shili/", "已生成 site/index.html"]

    monkeypatch.chdir(repo)
    assert main(["build", "--out", str(tmp_path / "from-checkout"), "--today", china_today().isoformat()]) == 0
    mine, theirs = repo / "site" / "shili", tmp_path / "from-checkout" / "shili"
    pages = sorted(str(p.relative_to(mine)) for p in mine.rglob("*.html"))
    assert len(pages) >= 11   # the home page and the ten sections
    assert sorted(str(p.relative_to(theirs)) for p in theirs.rglob("*")) == sorted(str(p.relative_to(mine)) for p in mine.rglob("*"))
    _, different, _ = filecmp.cmpfiles(mine, theirs, [str(p.relative_to(mine)) for p in mine.rglob("*") if p.is_file()],
                                       shallow=False)
    assert different == []
