"""Benchmark: where build time goes, and how it grows with the number of counties.

Run by hand (not in CI):  .venv/bin/python bench/build_bench.py [--runs 5] [--counties 1 4 8]
Also reports redaction throughput (MB of free text per second) and the leak scan of a built site.
Reports medians of several runs measured side by side in one process, and ratios between them.
Synthetic counties are copies of the sample county 示例县 under fresh ids.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from generator.build import build
from generator.public import public_view
from generator.public.redaction import redact_text
from generator.render.markdown_tree import render_markdown
from generator.render.mkdocs_site import build_site
from generator.validate import validate
from generator.verify.leak_scan import scan_site

PROJECT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 23)


def make_counties(root: Path, count: int) -> tuple[Path, Path]:
    content, config = root / "content", root / "site_config"
    config.mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
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


def sample_text() -> str:
    """Every text file of the sample counties, with one of each kind of personal data per 2 KB."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "content").rglob("*")) if p.suffix in (".yml", ".md")]
    text = "\n".join(texts)
    plants = "身份证号11010519491231002X 手机138 1234 5678 卡号6222021234567890128 li.si@example.org 医保卡号SC12345678"
    return "".join(text[i:i + 2000] + plants for i in range(0, len(text), 2000))


def throughput(runs: int) -> None:
    text = sample_text()
    corpus = text * max(1, int(4_000_000 / len(text.encode("utf-8"))))   # about 4 MB of UTF-8
    megabytes = len(corpus.encode("utf-8")) / 1e6
    ms = median_ms(lambda: redact_text(corpus), runs)
    print(f"\nRedaction of free text (markers + personal data), {megabytes:.1f} MB, median of {runs} runs:")
    print(f"  {ms:9.1f} ms  {megabytes / (ms / 1000):6.1f} MB/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--counties", type=int, nargs="+", default=[1, 4, 8])
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        content, config = make_counties(root / "one", 1)
        county = validate(content, config, today=TODAY).counties[0]
        view = public_view(county, TODAY)
        stages = {
            "validate (load + check)": lambda: validate(content, config, today=TODAY),
            "public view": lambda: public_view(county, TODAY),
            "render Markdown (Jinja2)": lambda: render_markdown(view, Path(tempfile.mkdtemp(dir=tmp))),
        }
        docs = Path(tempfile.mkdtemp(dir=tmp))
        render_markdown(view, docs)
        stages["MkDocs + Material"] = lambda: build_site(view, config / "county-000.yml", docs,
                                                         Path(tempfile.mkdtemp(dir=tmp)) / "site")
        site = Path(tempfile.mkdtemp(dir=tmp)) / "site"
        build_site(view, config / "county-000.yml", docs, site)
        stages["scan built site"] = lambda: scan_site(site)
        stage_ms = {name: median_ms(action, args.runs) for name, action in stages.items()}
        total = sum(stage_ms.values())
        print(f"One county, median of {args.runs} runs per stage:")
        for name, ms in stage_ms.items():
            print(f"  {name:<26} {ms:8.1f} ms  {ms / total:6.1%}")

        print(f"\nWhole `build` (validate → publish), median of {args.runs} runs:")
        base = None
        for count in args.counties:
            content, config = make_counties(root / f"n{count}", count)
            out = root / f"out{count}"
            ms = median_ms(lambda: build(content, config, out, TODAY), args.runs)
            base = base or ms / count
            print(f"  {count:>3} counties  {ms:9.1f} ms  {ms / count:7.1f} ms/county  "
                  f"per-county ratio to the first row {ms / count / base:5.2f}")

        throughput(args.runs)
        site_mb = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6
        print(f"  scan of one built county site: {site_mb:.1f} MB on disk in {stage_ms['scan built site']:.1f} ms")


if __name__ == "__main__":
    main()
