"""Replace the output folder only once the new one is complete and verified.

The new site is built in a staging folder beside OUT (same file system), then two renames swap
it in. Until the first rename nothing of OUT has changed; any failure before leaves it as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..codes import finding
from ..errors import BuildRefused
from ..paths import display_path

MARKER = ".gongshi-site"   # marks a folder gongshi made, so we never swap away anything else


def staging_folder(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not (out / MARKER).exists():
        raise BuildRefused([finding("E-PUBLISH-NOT-SITE", display_path(out), None, out=display_path(out))])
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.staging-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the web server must read what we publish
    (staging / MARKER).write_text("gongshi\n", encoding="utf-8")
    return staging


def carry_over(out: Path, staging: Path, names) -> None:
    """Copy the named county sites of the previous output into staging unchanged."""
    for name in names:
        if (out / name).is_dir():
            shutil.copytree(out / name, staging / name)


def publish(staging: Path, out: Path) -> None:
    previous = out.with_name(f".{out.name}.previous-{os.getpid()}")
    try:
        if out.exists():
            os.rename(out, previous)
        os.rename(staging, out)
    except OSError as exc:
        if previous.exists() and not out.exists():
            os.rename(previous, out)
        raise BuildRefused([finding("E-PUBLISH", display_path(out), None, detail=exc)]) from exc
    shutil.rmtree(previous, ignore_errors=True)
