"""Counties are independent (DESIGN.md, principle 7): run one function on each, in worker
processes that stay up across counties, results in the order given.

Workers are forked where the system can (Linux: imports and loaded tables are shared, nothing is
paid again); elsewhere they start fresh. They ignore Ctrl-C, which the main process turns into a
clean stop, and on Linux they die with it even when it is killed outright, so no worker writes on
into a folder the next build is about to clear.
"""

from __future__ import annotations

import multiprocessing
import os
import signal


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_each(function, items: list, jobs: int) -> list:
    """[function(item) for item in items], on up to `jobs` processes."""
    jobs = min(jobs, len(items))
    if jobs <= 1:
        return [function(item) for item in items]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(jobs, initializer=_worker_started) as pool:   # leaving the block terminates the workers
        return pool.map(function, items, chunksize=1)


def _worker_started() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    try:
        import ctypes
        libc = ctypes.CDLL(None)
        libc.prctl(1, signal.SIGKILL)   # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass   # not Linux: a killed build's workers finish their county and stop
