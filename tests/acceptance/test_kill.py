"""A build stopped at any moment, politely (SIGTERM, Ctrl-C) or not (SIGKILL): the previous site
stays byte for byte or the new one is complete, nothing beside it can be read by others, and the
next build leaves no stale folder."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.publish.atomic import GENERATION

from ..conftest import TODAY

BUILD = [sys.executable, "-m", "generator", "build", "--out", "site", "--today", TODAY.isoformat()]
SHILI = BUILD + ["--county", "shili"]   # the county that changes: about 2 s, the other is carried over


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _beside(project) -> list[Path]:
    """What builds left beside the site and in its generations folder, other than the published
    generations and their private records (publish/atomic.py, publish/state.py)."""
    generations = project.file(".site.generations")
    left = [p for p in project.root.iterdir() if p.name.startswith(".site.") and p != generations]
    if generations.is_dir():
        assert stat.S_IMODE(generations.stat().st_mode) & 0o044 == 0   # nobody else may list it
        for path in generations.iterdir():
            if GENERATION.match(path.name) or (path.name.endswith(".state") and _private(path)):
                continue
            left.append(path)
    return sorted(left)


def _private(folder: Path) -> bool:
    return stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


@pytest.fixture
def sites(project):
    """The sample built once (the previous site), and the site the edited content builds to."""
    assert subprocess.run(BUILD, cwd=project.root, capture_output=True).returncode == 0
    previous = _snapshot(project.file("site"))
    project.edit("content/shili/subject.yml", "name: 示例县医疗保障局", "name: 示例县医疗保障局（新）")
    reference = project.file("reference")
    assert subprocess.run(BUILD[:-4] + ["--out", str(reference), "--today", TODAY.isoformat()],
                          cwd=project.root, capture_output=True).returncode == 0
    return previous, _snapshot(reference)


@pytest.mark.parametrize("signum, delays", [
    (signal.SIGTERM, (0.5, 1.0, 1.5, 2.0)),
    (signal.SIGINT, (0.8, 1.6)),
    (signal.SIGKILL, (0.4, 0.8, 1.2, 1.6, 2.0, 2.4)),
], ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_a_build_killed_at_any_moment_leaves_one_whole_site_and_nothing_readable(project, sites, signum, delays):
    previous, new = sites
    for delay in delays:
        build = subprocess.Popen(SHILI, cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        build.send_signal(signum)
        build.wait(timeout=60)
        assert _snapshot(project.file("site")) in (previous, new), delay
        leftovers = _beside(project)
        if signum != signal.SIGKILL:
            assert leftovers == [], (delay, leftovers)   # cleaned up on the way out
        assert all(_private(p) for p in leftovers), (delay, leftovers)
    assert subprocess.run(BUILD, cwd=project.root, capture_output=True).returncode == 0
    assert _snapshot(project.file("site")) == new and _beside(project) == []


def test_the_next_build_puts_back_a_site_left_aside_and_removes_what_dead_builds_left(project):
    assert subprocess.run(BUILD, cwd=project.root, capture_output=True).returncode == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])   # a process number no build runs under now
    dead.wait()
    published = _snapshot(project.file("site"))
    os.rename(project.file("site"), project.file(f".site.previous-{dead.pid}"))   # killed between the two renames
    for role in ("staging", "work"):
        leftover = project.file(f".site.{role}-{dead.pid}-abc123")
        leftover.mkdir(mode=0o700)
        (leftover / ".gongshi-site").write_text("gongshi\n", encoding="utf-8")
    inside = project.file(f".site.generations/.staging-{dead.pid}-abc123")   # a new generation a killed build left
    inside.mkdir(mode=0o700)
    (inside / ".gongshi-site").write_text("gongshi\n", encoding="utf-8")
    foreign = project.file(".site.staging-1-notours")
    foreign.mkdir()   # no marker: not gongshi's, never touched

    result = subprocess.run([sys.executable, "-m", "generator", "status", "--today", TODAY.isoformat()],
                            cwd=project.root, capture_output=True)
    assert result.returncode == 0 and not project.file("site").exists()   # only a build recovers
    assert subprocess.run(BUILD, cwd=project.root, capture_output=True).returncode == 0
    assert _snapshot(project.file("site")) == published
    assert _beside(project) == [foreign]


def test_a_dead_build_s_folder_goes_even_when_its_process_number_runs_again(project):
    """Process numbers are reused (within seconds on a busy machine): a folder made before the
    process now holding its number started is a dead build's, and the next build removes it; one
    made by that process is left alone."""
    assert subprocess.run(BUILD, cwd=project.root, capture_output=True).returncode == 0
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])   # holds a number now
    try:
        old = project.file(f".site.generations/.staging-{other.pid}-dead")
        old.mkdir(mode=0o700)
        (old / ".gongshi-site").write_text("gongshi\n", encoding="utf-8")
        os.utime(old / ".gongshi-site", (time.time() - 3600, time.time() - 3600))   # made an hour before it started
        time.sleep(1.5)
        young = project.file(f".site.generations/.staging-{other.pid}-alive")
        young.mkdir(mode=0o700)
        (young / ".gongshi-site").write_text("gongshi\n", encoding="utf-8")   # made while it runs: its own
        assert subprocess.run(BUILD, cwd=project.root, capture_output=True).returncode == 0
        assert not old.exists() and young.exists()
    finally:
        other.kill()
        other.wait()
