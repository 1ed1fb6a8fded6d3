"""Benchmark: where build time goes, how it grows with the number of counties, and how much of it
is redaction.

Run by hand (not in CI):
    .venv/bin/python bench/build_bench.py [--runs 5] [--counties 1 4 8]
    .venv/bin/python bench/build_bench.py --vs OTHER_CHECKOUT [--runs 5] [--counties 4]

The first form reports medians of several runs per stage, measured side by side in one process,
the whole build at several sizes, redaction throughput (MB of free text per second) and the share
of a whole build spent redacting. With `--vs`, each run builds the same synthetic counties once
with this checkout's package and once with OTHER_CHECKOUT's (a `git worktree` of an older commit,
say), alternately, each in a fresh process, and reports the medians and ratios of both.

Synthetic counties are copies of the sample county 示例县 under fresh ids. The redaction share is
read from a profile of the whole build: the time inside `redact` and `redact_text` (wherever the
package keeps them, in a module named `redaction.py`), as a share of the time inside `build`.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)
REDACTION = ("redact", "redact_text")     # the functions that redact, in a module named redaction.py
PDF_REWRITES = ("without_metadata", "_without_metadata")


def make_counties(root: Path, count: int) -> tuple[Path, Path]:
    content, config = root / "content", root / "site_config"
    config.mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    if (PROJECT / "site_config" / "calendar").is_dir():
        shutil.copytree(PROJECT / "site_config" / "calendar", config / "calendar")
    for i in range(count):
        county = f"county-{i:03d}"
        shutil.copytree(PROJECT / "content" / "shili", content / county)
        shutil.copy(PROJECT / "site_config" / "shili.yml", config / f"{county}.yml")
    return content, config


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


# The whole build, profiled: works with any version of the package that has generator.build.build.

def profile_build(counties: int) -> dict:
    """One whole build of `counties` synthetic counties: wall time unprofiled, then under the
    profiler the share of it spent redacting and how often records were redacted and PDFs rewritten."""
    from generator.build import build

    with tempfile.TemporaryDirectory() as tmp:
        content, config = make_counties(Path(tmp), counties)
        start = time.perf_counter()
        build(content, config, Path(tmp) / "site", TODAY)
        wall_ms = (time.perf_counter() - start) * 1000
        profiler = cProfile.Profile()
        profiler.runcall(build, content, config, Path(tmp) / "site-profiled", TODAY)
    stats = pstats.Stats(profiler).stats
    total = max(ct for (file, _, name), (_, _, _, ct, _) in stats.items() if name == "build" and file.endswith("build.py"))
    redacting, redact_calls, pdf_rewrites = 0.0, 0, 0
    for (file, _, name), (_, calls, _, _, callers) in stats.items():
        if name in REDACTION and file.endswith("redaction.py"):
            # time from callers outside redaction.py: redact's own calls of redact_text are inside it already
            redacting += sum(ct for (caller_file, _, _), (_, _, _, ct) in callers.items() if not caller_file.endswith("redaction.py"))
            redact_calls += calls if name == "redact" else 0
        if name in PDF_REWRITES and file.endswith("pdf_file.py"):
            pdf_rewrites += calls
    return {"wall_ms": wall_ms, "redaction_share": redacting / total, "redact_calls": redact_calls,
            "pdf_rewrites": pdf_rewrites}


def run_in(checkout: Path, counties: int) -> dict:
    """profile_build in a fresh process that imports the package of `checkout`."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    out = subprocess.run([sys.executable, __file__, "--child", str(counties)], cwd=checkout, env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"the build with {checkout} failed:\n{out.stderr}")
    return json.loads(out.stdout.splitlines()[-1])


def compare(other: Path, counties: int, runs: int) -> None:
    here = {"this checkout": PROJECT, str(other): other}
    results = {name: [] for name in here}
    for _ in range(runs):   # alternately, so that drift in the machine's speed touches both alike
        for name, checkout in here.items():
            results[name].append(run_in(checkout, counties))
    print(f"Whole build of {counties} synthetic counties, median of {runs} runs each, alternating:")
    print(f"  {'':<28}{'wall ms':>10}{'redaction share':>18}{'redact calls':>15}{'PDF rewrites':>15}")
    medians = {}
    for name, rows in results.items():
        medians[name] = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
        m = medians[name]
        print(f"  {name[-28:]:<28}{m['wall_ms']:>10.0f}{m['redaction_share']:>18.1%}{m['redact_calls']:>15.0f}"
              f"{m['pdf_rewrites']:>15.0f}")
    mine, theirs = medians["this checkout"], medians[str(other)]
    print(f"  ratio this/other: wall {mine['wall_ms'] / theirs['wall_ms']:.2f}, "
          f"redaction share {mine['redaction_share'] / theirs['redaction_share']:.2f}")


# Stages one by one, in one process (this checkout only).

def sample_text() -> str:
    """Every text file of the sample counties, with one of each kind of personal data per 2 KB."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "content").rglob("*")) if p.suffix in (".yml", ".md")]
    text = "\n".join(texts)
    plants = "身份证号11010519491231002X 手机138 1234 5678 卡号6222021234567890128 li.si@example.org 医保卡号SC12345678"
    return "".join(text[i:i + 2000] + plants for i in range(0, len(text), 2000))


def throughput(runs: int) -> None:
    from generator.privacy.redaction import redact_text

    text = sample_text()
    corpus = text * max(1, int(4_000_000 / len(text.encode("utf-8"))))   # about 4 MB of UTF-8
    megabytes = len(corpus.encode("utf-8")) / 1e6
    ms = median_ms(lambda: redact_text(corpus), runs)
    print(f"\nRedaction of free text (markers + personal data), {megabytes:.1f} MB, median of {runs} runs:")
    print(f"  {ms:9.1f} ms  {megabytes / (ms / 1000):6.1f} MB/s")


def stages(runs: int, counties: list[int]) -> None:
    from generator.build import build
    from generator.load.county import load_county
    from generator.public import public_view
    from generator.render.markdown_tree import render_markdown
    from generator.render.mkdocs_site import build_site
    from generator.validate import validate
    from generator.verify.leak_scan import scan_site

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content, config = make_counties(root / "one", 1)
        county = validate(content, config, None, TODAY).counties[0]
        view = public_view(county, TODAY)
        # A freshly loaded county for each run of the public view: a loaded county keeps its redactions.
        fresh = lambda: load_county(content, config, "county-000")[0]   # noqa: E731
        steps = {
            "validate (load + check)": lambda: validate(content, config, None, TODAY),
            "load + public view": lambda: public_view(fresh(), TODAY),
            "render Markdown (Jinja2)": lambda: render_markdown(view, Path(tempfile.mkdtemp(dir=tmp))),
        }
        docs = Path(tempfile.mkdtemp(dir=tmp))
        render_markdown(view, docs)
        steps["MkDocs + Material"] = lambda: build_site(view, config / "county-000.yml", docs,
                                                        Path(tempfile.mkdtemp(dir=tmp)) / "site")
        site = Path(tempfile.mkdtemp(dir=tmp)) / "site"
        build_site(view, config / "county-000.yml", docs, site)
        steps["scan built site"] = lambda: scan_site(site)
        step_ms = {name: median_ms(action, runs) for name, action in steps.items()}
        total = sum(step_ms.values())
        print(f"One county, median of {runs} runs per stage (the public view redacts what it loads):")
        for name, ms in step_ms.items():
            print(f"  {name:<26} {ms:8.1f} ms  {ms / total:6.1%}")

        print(f"\nWhole `build` (validate → publish), median of {runs} runs:")
        base = None
        for count in counties:
            content, config = make_counties(root / f"n{count}", count)
            out = root / f"out{count}"
            ms = median_ms(lambda: build(content, config, out, TODAY), runs)
            base = base or ms / count
            print(f"  {count:>3} counties  {ms:9.1f} ms  {ms / count:7.1f} ms/county  "
                  f"per-county ratio to the first row {ms / count / base:5.2f}")

        throughput(runs)
        site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
        print(f"  scan of one built county site: {site_mb:.1f} MB on disk in {step_ms['scan built site']:.1f} ms")

    shares = [profile_build(counties[-1]) for _ in range(runs)]
    share = statistics.median(s["redaction_share"] for s in shares)
    print(f"\nRedaction in a whole build of {counties[-1]} counties (profiled, median of {runs} runs): "
          f"{share:.1%} of the time, {shares[0]['redact_calls']} records redacted, {shares[0]['pdf_rewrites']} PDFs rewritten")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--counties", type=int, nargs="+", default=[1, 4, 8])
    parser.add_argument("--vs", type=Path, metavar="CHECKOUT", help="compare whole builds with another checkout of gongshi")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)   # one profiled build, printed as JSON
    args = parser.parse_args()
    if args.child:
        print(json.dumps(profile_build(args.child)))
    elif args.vs:
        compare(args.vs.resolve(), args.counties[-1], args.runs)
    else:
        stages(args.runs, args.counties)


if __name__ == "__main__":
    main()
