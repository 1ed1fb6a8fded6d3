"""Counties built on several processes, or split over CI jobs and put together again, give the
same site, byte for byte, as one process on one machine."""

from __future__ import annotations

import json
import shutil

import pytest

from generator.cli import main
from generator.load.shards import shards

from ..built_files import files_of as files
from ..conftest import PROJECT, TODAY

COPIES = ("beixian", "dongxian", "nanxian", "xixian")


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    """The sample and four more counties made from the sample county."""
    root = tmp_path_factory.mktemp("province")
    shutil.copytree(PROJECT / "content", root / "content")
    shutil.copytree(PROJECT / "site_config", root / "site_config")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    for county in COPIES:
        shutil.copytree(root / "content/shili", root / f"content/{county}")
        shutil.copy(root / "site_config/shili.yml", root / f"site_config/{county}.yml")
    return root


def build(root, out, *options) -> int:
    return main(["build", "--content", str(root / "content"), "--config", str(root / "site_config"),
                 "--out", str(root / out), "--today", TODAY.isoformat(), *options])


def test_jobs_2_gives_the_same_site_as_jobs_1(province):
    assert build(province, "one", "--jobs", "1") == 0
    assert build(province, "two", "--jobs", "2") == 0
    assert files(province / "one") == files(province / "two")


def test_shards_cover_every_county_once_and_the_assembled_portal_equals_one_build(province):
    counties = sorted(p.name for p in (province / "content").iterdir() if p.is_dir())
    parts = shards(province / "content", counties, 3)
    assert sorted(c for part in parts for c in part) == counties and all(parts)
    assert parts == shards(province / "content", list(reversed(counties)), 3)     # the same split every time
    assert build(province, "whole", "--jobs", "1") == 0
    for index in (1, 2, 3):
        assert build(province, f"shard{index}", "--shard", f"{index}/3", "--summary", str(province / f"s{index}.json")) == 0
        built = json.loads((province / f"s{index}.json").read_text(encoding="utf-8"))["counties"]
        assert sorted(built) == parts[index - 1]
        assert sorted(p.name for p in (province / f"shard{index}").iterdir() if p.is_dir() and p.name != "_portal") == parts[index - 1]
    assert main(["portal", "--from", *(str(province / f"shard{i}") for i in (1, 2, 3)),
                 "--out", str(province / "assembled"), "--today", TODAY.isoformat()]) == 0
    assert files(province / "assembled") == files(province / "whole")


def test_a_county_in_two_shard_outputs_refuses_the_portal(province, capsys):
    assert build(province, "a", "--county", "shili", "--jobs", "1") == 0
    code = main(["portal", "--from", str(province / "a"), str(province / "a"), "--out", str(province / "p")])
    assert code == 2
    out = capsys.readouterr().out
    assert f"E-PORTAL-TWICE 县 shili 在两个输出目录中都有（另一个是 {province / 'a' / 'shili'}）" in out
    assert not (province / "p").exists()
