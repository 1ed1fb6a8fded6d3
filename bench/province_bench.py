"""Benchmark: a province's daily publishing, one command, one table.

    .venv/bin/python bench/province_bench.py [--counties 100] [--decisions 100] [--big 1000] [--runs 3]
                                             [--vs OTHER_PYTHON] [--keep DIR]

Makes a synthetic province (COUNTIES counties of DECISIONS decisions each, every list of the sample
county, plus one county of BIG decisions), then times, each as a whole process (median of RUNS):
validate cold; a full build with --jobs 1 and --jobs 2; a rebuild with nothing changed; one
changed decision in a county of DECISIONS, and in the county of BIG, until the site is published
and scanned; and the next day's rebuild with nothing changed (the daily scheduled build). Side by side on the county of BIG: a full build of it alone, plain `mkdocs build` of
the very Markdown tree gongshi renders for it with the same configuration and plugins, and Hugo
(Debian package `hugo`, if installed) rendering the same decisions with a minimal template.
CPU is user + system time of the process and its children; memory is the largest resident set.

With `--vs OTHER_PYTHON` (the python of a venv where an older gongshi is installed), every gongshi
step is also run with it, alternately with this one, and the table shows both and their ratio.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)
TEMPLATE = PROJECT / "content" / "shili" / "decisions" / "2025-001.yml"
BIG = "big"


def make_province(root: Path, counties: int, decisions: int, big: int) -> None:
    (root / "site_config").mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    if (PROJECT / "site_config" / "calendar").is_dir():
        shutil.copytree(PROJECT / "site_config" / "calendar", root / "site_config" / "calendar")
    template = TEMPLATE.read_text(encoding="utf-8").split("history:")[0]
    for index, (county, count) in enumerate([(f"county-{i:03d}", decisions) for i in range(counties)] + [(BIG, big)]):
        folder = root / "content" / county
        shutil.copytree(PROJECT / "content" / "shili", folder, ignore=shutil.ignore_patterns("decisions"))
        (folder / "decisions").mkdir()
        for n in range(1, count + 1):
            (folder / "decisions" / f"2025-{n:04d}.yml").write_text(_decision(template, index, n), encoding="utf-8")
        shutil.copy(PROJECT / "site_config" / "shili.yml", root / "site_config" / f"{county}.yml")


def _decision(template: str, county: int, n: int) -> str:
    text = template.replace("示医保罚〔2025〕1号", f"示医保罚〔2025〕{n}号")
    text = text.replace("示例县某某大药房有限公司", f"示例县第{county}区第{n}号大药房有限公司")
    return text.replace("在2024年1月至12月期间", f"在2024年1月至12月期间（第{n}次检查）")


def change_one_decision(root: Path, county: str) -> None:
    path = root / "content" / county / "decisions" / "2025-0001.yml"
    text = path.read_text(encoding="utf-8")
    marker = re.search(r"（第\d+次检查）(（复核\d+）)?", text).group(0)
    runs = int(re.search(r"复核(\d+)", marker).group(1)) + 1 if "复核" in marker else 1
    path.write_text(text.replace(marker, re.sub(r"（复核\d+）", "", marker) + f"（复核{runs}）"), encoding="utf-8")


def timed(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MB) of one run of `command`."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        result = subprocess.run(["/usr/bin/time", "-q", "-f", "%e %U %S %M", "-o", report.name, *command], cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
        wall, user, system, peak = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(peak) / 1024


def median_of(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(statistics.median(values) for values in zip(*runs))


def gongshi_steps(python: str, root: Path, tag: str, today: date = TODAY) -> list[tuple[str, list[str], object]]:
    """(name, command, what to do before each run) for one gongshi installation, on `today`; the
    last step builds the day after (the site first brought up to date on `today`, since the other
    installation's steps changed decisions since), which is the day the next run's steps are on."""
    gongshi = [python, "-m", "generator"]
    day = ["--today", today.isoformat()]
    next_day = ["--today", (today + timedelta(days=1)).isoformat()]
    out = f"out-{tag}"
    fresh = lambda folder: (lambda: _remove_site(root / folder))   # noqa: E731
    steps = [
        ("validate, cold", gongshi + ["validate", "--jobs", "2"] + day, None),
        ("full build, --jobs 1", gongshi + ["build", "--jobs", "1", "--out", f"{out}-1"] + day, fresh(f"{out}-1")),
        ("full build, --jobs 2", gongshi + ["build", "--jobs", "2", "--out", out] + day, fresh(out)),
        ("rebuild, nothing changed", gongshi + ["build", "--jobs", "2", "--out", out] + day, None),
        ("one decision changed (county of N)", gongshi + ["build", "--jobs", "2", "--out", out] + day,
         lambda: change_one_decision(root, "county-000")),
        ("one decision changed (county of BIG)", gongshi + ["build", "--jobs", "2", "--out", out] + day,
         lambda: change_one_decision(root, BIG)),
        ("county of BIG alone, full build", gongshi + ["build", "--jobs", "1", "--county", BIG, "--out", f"{out}-big"] + day,
         fresh(f"{out}-big")),
        ("next day, nothing changed", gongshi + ["build", "--jobs", "2", "--out", out] + next_day,
         lambda: subprocess.run(gongshi + ["build", "--jobs", "2", "--out", out] + day, cwd=root, capture_output=True)),
    ]
    helps = subprocess.run(gongshi + ["build", "--help"], capture_output=True, text=True, cwd=root).stdout
    if "--jobs" not in helps:   # a gongshi from before --jobs: one process, which is what --jobs 1 is
        steps = [(name, [w for i, w in enumerate(c) if w != "--jobs" and (i == 0 or c[i - 1] != "--jobs")], b)
                 for name, c, b in steps]
    return steps


def _remove_site(folder: Path) -> None:
    for path in [folder, *folder.parent.glob(f".{folder.name}.*")]:
        shutil.rmtree(path, ignore_errors=True)


def markdown_tree(root: Path) -> Path:
    """The Markdown tree and MkDocs configuration gongshi makes for the county of BIG, written out."""
    sys.path.insert(0, str(PROJECT))
    from generator.public import public_view
    from generator.render.markdown_tree import render_markdown
    from generator.render.mkdocs_site import GONGSHI_SETTINGS, navigation, site_config
    from generator.paths import THEME_DIR
    from generator.validate import validate

    os.chdir(root)
    county = validate(root / "content", root / "site_config", [BIG], TODAY).counties[0]
    view = public_view(county, TODAY)
    docs = root / "plain" / "docs"
    render_markdown(view, docs)
    config = site_config(root / "site_config" / f"{BIG}.yml")
    config.pop("INHERIT", None)
    config.update(docs_dir=str(docs), site_dir=str(root / "plain" / "site"), nav=navigation(),
                  theme=dict(config["theme"], custom_dir=str(THEME_DIR)),
                  extra={k: v for k, v in (config.get("extra") or {}).items() if k not in GONGSHI_SETTINGS}
                  | {"footer": view.footer, "gongshi": {"county": BIG, "updated": "", "updated_text": ""}})
    (root / "plain" / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_ConfigDumper, allow_unicode=True), encoding="utf-8")
    hugo = root / "hugo"
    (hugo / "content" / "decisions").mkdir(parents=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('title = "big"\nbaseURL = "/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n')
    (hugo / "layouts" / "_default" / "single.html").write_text(
        "<!doctype html><html lang=zh><title>{{ .Title }}</title><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    (hugo / "layouts" / "_default" / "list.html").write_text(
        "<!doctype html><html lang=zh><title>{{ .Title }}</title><body><ul>{{ range .Pages }}"
        "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")
    for page in (docs / "decisions").glob("*.md"):
        body = page.read_text(encoding="utf-8")
        (hugo / "content" / "decisions" / page.name).write_text(f'---\ntitle: "{page.stem}"\n---\n{body}', encoding="utf-8")
    return root


class _ConfigDumper(yaml.SafeDumper):
    """The configuration as MkDocs reads it back: the toc's slugify function as the tag that made it."""


_ConfigDumper.add_representer(functools.partial, lambda dumper, made: dumper.represent_mapping(
    f"tag:yaml.org,2002:python/object/apply:{made.func.__module__}.slugify", {"kwds": dict(made.keywords)}))


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counties", type=int, default=100)
    parser.add_argument("--decisions", type=int, default=100)
    parser.add_argument("--big", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--vs", metavar="OTHER_PYTHON", help="the python of a venv with another gongshi installed")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="make the province here and keep it")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="gongshi-province-"))
    if not (root / "content").is_dir():
        make_province(root, args.counties, args.decisions, args.big)
    pythons = {"this": sys.executable} | ({"other": args.vs} if args.vs else {})
    steps = {tag: gongshi_steps(python, root, tag) for tag, python in pythons.items()}
    results = {tag: [[] for _ in steps[tag]] for tag in pythons}
    for run in range(args.runs):
        steps = {tag: gongshi_steps(python, root, tag, TODAY + timedelta(days=run)) for tag, python in pythons.items()}
        for index in range(len(steps["this"])):
            for tag in pythons:     # alternately, so that both see the same machine
                name, command, before = steps[tag][index]
                if before:
                    before()
                results[tag][index].append(timed(command, root))

    markdown_tree(root)
    plain = [timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "plain" / "mkdocs.yml")], root)
             for _ in range(args.runs)]
    hugo = [timed(["hugo", "--quiet", "-s", str(root / "hugo")], root) for _ in range(args.runs)] if shutil.which("hugo") else []

    print(f"province: {args.counties} counties × {args.decisions} decisions + 1 county of {args.big}; "
          f"medians of {args.runs}; {os.cpu_count()} cores")
    head = f"{'step':40} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}"
    if args.vs:
        head += f" {'other wall':>10} {'other CPU':>10} {'wall ratio':>10}"
    print(head)
    for index, (name, _, _) in enumerate(steps["this"]):
        wall, cpu, peak = median_of(results["this"][index])
        line = f"{name:40} {wall:8.2f} {cpu:8.2f} {peak:8.0f}"
        if args.vs:
            other_wall, other_cpu, _ = median_of(results["other"][index])
            line += f" {other_wall:10.2f} {other_cpu:10.2f} {wall / other_wall:10.2f}"
        print(line)
    big_wall, big_cpu, big_peak = median_of(results["this"][6])
    plain_wall, plain_cpu, plain_peak = median_of(plain)
    print(f"{'plain mkdocs build, same tree':40} {plain_wall:8.2f} {plain_cpu:8.2f} {plain_peak:8.0f}")
    if hugo:
        hugo_wall, hugo_cpu, hugo_peak = median_of(hugo)
        print(f"{'hugo, same decisions':40} {hugo_wall:8.2f} {hugo_cpu:8.2f} {hugo_peak:8.0f}")
    print(f"county of BIG: gongshi CPU / plain mkdocs CPU = {big_cpu / plain_cpu:.2f}"
          + (f"; / hugo CPU = {big_cpu / hugo_cpu:.1f}" if hugo else "; hugo not installed"))
    one = median_of(results["this"][1])[0]
    two = median_of(results["this"][2])[0]
    print(f"full build --jobs 2 / --jobs 1 (wall) = {two / one:.2f}")
    print(f"output: {size_mb(root / 'out-this'):.1f} MB for the province; "
          f"{size_mb(root / 'out-this' / BIG):.1f} MB for the county of BIG; kept in {root}" if args.keep
          else f"output: {size_mb(root / 'out-this'):.1f} MB for the province")


if __name__ == "__main__":
    main()
