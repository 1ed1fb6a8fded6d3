"""`--shard I/N`: the counties one of N CI jobs builds, split deterministically and evenly by size.

The size of a county is the bytes under its content folder (its records and attachments), which
is what its build time follows. Counties go, largest first (ties by id), each to the shard with
the least so far (ties to the lower number): every county lands in exactly one shard, the same
one on every machine for the same content.
"""

from __future__ import annotations

import re
from pathlib import Path

SHARD = re.compile(r"^([1-9][0-9]*)/([1-9][0-9]*)$")


def parse_shard(text: str) -> tuple[int, int] | None:
    """(I, N) from "I/N" with 1 ≤ I ≤ N, else None."""
    match = SHARD.match(text.strip())
    if not match or int(match.group(1)) > int(match.group(2)):
        return None
    return int(match.group(1)), int(match.group(2))


def county_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def shards(content_dir: Path, ids: list[str], count: int) -> list[list[str]]:
    """The counties of each of `count` shards, each list sorted by id."""
    sizes = {county_id: county_size(content_dir / county_id) for county_id in ids}
    loads, parts = [0] * count, [[] for _ in range(count)]
    for county_id in sorted(ids, key=lambda i: (-sizes[i], i)):
        lightest = min(range(count), key=lambda n: (loads[n], n))
        loads[lightest] += sizes[county_id]
        parts[lightest].append(county_id)
    return [sorted(part) for part in parts]


def shard_of(content_dir: Path, ids: list[str], shard: tuple[int, int]) -> list[str]:
    index, count = shard
    return shards(content_dir, ids, count)[index - 1]
