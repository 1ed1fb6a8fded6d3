"""Benchmark: how fast personal data is found in free text, and how well the free-text rules do.

Run by hand (not in CI):
    .venv/bin/python bench/free_text_bench.py [--runs 7]
    .venv/bin/python bench/free_text_bench.py --vs OTHER_CHECKOUT [--runs 7]

Reports, in MB of UTF-8 per second (median of the runs, in one process):
- the whole of `redact_text` (commercial-secret markers, normalising, every detector, masking),
  on the sample content with one of each certain kind planted every 2 KB (bench/build_bench.py's
  corpus, the worst case) and on the sample content as it is;
- its parts: the normaliser, the certain kinds (IDs, mobiles, cards, e-mails, insurance cards),
  and each free-text rule (addresses, health, names) on normalised text.
Then precision and recall of the free-text rules on each labelled set in tests/data/ (sets the
rules were not tuned on; tests/labelled.py scores them).

With `--vs`, `redact_text` on the same corpus is timed alternately in fresh processes with this
checkout's package and OTHER_CHECKOUT's (a `git worktree` of an older commit), and both medians
and their ratio are printed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from build_bench import sample_text  # noqa: E402

TARGET_BYTES = 4_000_000
CHILD = """
import statistics, sys, time
sys.path.insert(0, sys.argv[1])
from generator.privacy.redaction import redact_text
corpus = open(sys.argv[2], encoding="utf-8").read()
redact_text("warm-up 13812345678")   # tables built once per process
start = time.perf_counter()
redact_text(corpus)
print((time.perf_counter() - start) * 1000)
"""


def corpora() -> dict[str, str]:
    planted = sample_text()
    plain = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT / "content").rglob("*"))
                      if p.suffix in (".yml", ".md"))
    return {name: text * max(1, int(TARGET_BYTES / len(text.encode("utf-8"))))
            for name, text in (("planted every 2 KB", planted), ("sample content as is", plain))}


def megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def median_ms(action, runs: int) -> float:
    action()   # warm-up: the normaliser's tables are built on first use
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def speeds(runs: int) -> None:
    from generator.privacy import free_text
    from generator.privacy.normalise import normalise
    from generator.privacy.personal_data import find_personal_data
    from generator.privacy.redaction import redact_text

    for name, corpus in corpora().items():
        size, normal = megabytes(corpus), normalise(corpus).text
        parts = {
            "redact_text (all of it)": lambda: redact_text(corpus),
            "  normalise": lambda: normalise(corpus),
            "  certain kinds (normalise included)": lambda: find_personal_data(corpus),
            "  addresses (normalised text)": lambda: free_text._addresses(normal),
            "  health (normalised text)": lambda: free_text._health(normal),
            "  names (normalised text)": lambda: free_text._names(normal),
        }
        print(f"\n{name}: {size:.1f} MB, median of {runs} runs")
        for label, action in parts.items():
            ms = median_ms(action, runs)
            print(f"  {label:<40} {ms:8.1f} ms  {size / (ms / 1000):7.1f} MB/s")


def quality() -> None:
    import yaml

    from generator.privacy.finds import FREE_TEXT_LABELS
    from tests.labelled import score

    for path in sorted((PROJECT / "tests" / "data").glob("free_text_labelled*.yml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        result = score(cases)
        print(f"\n{path.name}: {len(cases)} texts, {sum(result.labelled.values())} labelled finds")
        for kind in FREE_TEXT_LABELS:
            print(f"  {kind:<12} precision {result.precision(kind):5.2f} ({result.right[kind]}/{result.found[kind]})  "
                  f"recall {result.recall(kind):5.2f} ({result.caught[kind]}/{result.labelled[kind]})")
        print(f"  {'all':<12} precision {result.precision():5.2f}  recall {result.recall():5.2f}")
        for text, what in result.wrong:
            print(f"    wrong:  {what}  ← {text}")
        for text, what in result.missed:
            print(f"    missed: {what}  ← {text}")


def compare(other: Path, runs: int) -> None:
    corpus = corpora()["planted every 2 KB"]
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as file:
        file.write(corpus)
    checkouts = {"this checkout": PROJECT, str(other): other}
    times = {name: [] for name in checkouts}
    for _ in range(runs):
        for name, checkout in checkouts.items():
            out = subprocess.run([sys.executable, "-c", CHILD, str(checkout), file.name], capture_output=True,
                                 text=True, check=True, cwd=checkout)
            times[name].append(float(out.stdout.strip()))
    Path(file.name).unlink()
    size = megabytes(corpus)
    print(f"redact_text on {size:.1f} MB (planted every 2 KB), alternate fresh processes, median of {runs}:")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, ms in medians.items():
        print(f"  {name:<40} {ms:8.1f} ms  {size / (ms / 1000):7.1f} MB/s")
    print(f"  ratio this/other: {medians['this checkout'] / medians[str(other)]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--vs", type=Path, metavar="CHECKOUT", help="compare redact_text with another checkout")
    args = parser.parse_args()
    if args.vs:
        compare(args.vs.resolve(), args.runs)
    else:
        speeds(args.runs)
        quality()


if __name__ == "__main__":
    main()
