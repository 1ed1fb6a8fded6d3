"""Replace the output folder only once the new one is complete and verified, and leave nothing
servable behind, whatever stops the build.

Beside OUT (same file system, so renames are atomic) a build keeps two folders of its own, named
`.OUT.staging-PID-…` (the new site) and `.OUT.work-PID-…` (its Markdown), each created private
(mode 0700) and marked as gongshi's. The new site becomes readable only when it has passed
verification, the moment before it is renamed into place; the old one is renamed aside to
`.OUT.previous-PID` and removed.

- An error, Ctrl-C or SIGTERM: both folders are removed and OUT is as it was.
- SIGKILL or a power cut: what is left is private, and the next build removes it before it starts.
  If the kill fell between the two renames, OUT is missing and the previous site waits beside it:
  the next build puts it back first.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..codes import finding
from ..errors import BuildRefused
from ..paths import display_path

MARKER = ".gongshi-site"   # marks a folder gongshi made, so we never swap away or remove anything else
ROLES = ("staging", "work", "previous")


@dataclass(frozen=True)
class Stage:
    out: Path
    site: Path   # the new site, private until published
    work: Path   # scratch space (the Markdown tree), never published


@contextmanager
def staged(out: Path):
    """A Stage for building OUT anew; its folders are gone when the block is left, however it is left."""
    out.parent.mkdir(parents=True, exist_ok=True)
    _refuse_what_is_not_ours(out)
    recover(out)
    with _terminate_cleanly():
        site = work = None
        try:
            site, work = _private_folder(out, "staging"), _private_folder(out, "work")
            yield Stage(out, site, work)
        finally:
            for folder in (site, work):
                if folder is not None:
                    shutil.rmtree(folder, ignore_errors=True)


def carry_over(out: Path, staging: Path, names) -> None:
    """Copy the named county sites of the previous output into staging unchanged."""
    for name in names:
        if (out / name).is_dir():
            shutil.copytree(out / name, staging / name)


def publish(stage: Stage) -> None:
    out = stage.out
    previous = _name(out, "previous", os.getpid())
    try:
        stage.site.chmod(0o755)   # verified: from here on it may be read
        if out.exists():
            os.rename(out, previous)
        os.rename(stage.site, out)
    except OSError as exc:
        if previous.exists() and not out.exists():
            os.rename(previous, out)
        raise BuildRefused([finding("E-PUBLISH", display_path(out), None, detail=exc)]) from exc
    shutil.rmtree(previous, ignore_errors=True)


def recover(out: Path) -> None:
    """Put back a previous site a killed build left aside, and remove the folders of builds that
    are no longer running."""
    leftovers = sorted(_leftovers(out), key=lambda item: item[0].stat().st_mtime, reverse=True)
    for folder, role in leftovers:
        if role == "previous" and not out.exists():
            os.rename(folder, out)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _leftovers(out: Path):
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.({'|'.join(ROLES)})-(\d+)(?:-.*)?$")
    for folder in out.parent.iterdir():
        match = pattern.match(folder.name)
        if match and folder.is_dir() and (folder / MARKER).is_file() and not _running(int(match.group(2))):
            yield folder, match.group(1)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False   # this build has made none yet: any with its number is from an earlier process
    if os.name != "posix":
        return True    # no safe way to ask here: another build's folders are left alone
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _refuse_what_is_not_ours(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not (out / MARKER).exists():
        raise BuildRefused([finding("E-PUBLISH-NOT-SITE", display_path(out), None, out=display_path(out))])


def _private_folder(out: Path, role: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=f"{_name(out, role, os.getpid()).name}-", dir=out.parent))   # mode 0700
    (folder / MARKER).write_text("gongshi\n", encoding="utf-8")
    return folder


def _name(out: Path, role: str, pid: int) -> Path:
    return out.with_name(f".{out.name}.{role}-{pid}")


@contextmanager
def _terminate_cleanly():
    """SIGTERM (and SIGHUP) end the build as Ctrl-C does, through the clean-up of `staged`."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signals = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.getsignal(s) for s in signals}

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    for s in signals:
        signal.signal(s, stop)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
