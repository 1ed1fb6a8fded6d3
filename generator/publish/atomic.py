"""Publish a new site only once it is complete and verified, in one step, and leave nothing
servable behind, whatever stops the build.

OUT is a symbolic link to the generation published last, in `.OUT.generations/` beside it (same
file system): each build writes a new generation there, private (mode 0700) and marked as
gongshi's, as `.staging-PID-…`; once verified it is made readable, renamed to its generation name
(a number and a random part, so that no old one can be guessed from the web), and OUT is switched
to it by renaming a new link over the old one — one atomic step. The last KEEP_GENERATIONS stay
for `gongshi rollback`; older ones are removed. The Markdown tree is written beside OUT in
`.OUT.work-PID-…`, private too. Where the system cannot make links, OUT is a folder swapped by two
renames, as it is the first time an existing folder becomes a link.

- An error, Ctrl-C or SIGTERM: the new generation and the work folder are removed; OUT is as it was.
- SIGKILL or a power cut: what is left is private, and the next build removes it before it starts.
  If the kill fell between the two renames of a folder swap, OUT is missing and the previous site
  waits beside it: the next build puts it back first.
"""

from __future__ import annotations

import os
import re
import secrets
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
KEEP_GENERATIONS = 3        # the published one and two before it, for `gongshi rollback`
GENERATION = re.compile(r"^g(\d{6})-[0-9a-f]{8}$")


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
            site, work = _private_folder(out, "staging", generations(out)), _private_folder(out, "work")
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


def generations_folder(out: Path) -> Path:
    return out.with_name(f".{out.name}.generations")


def generations(out: Path) -> Path:
    """Where OUT's generations are; made on first use, listable by nobody but us (0711: the web
    server can still reach the published one through OUT)."""
    folder = generations_folder(out)
    folder.mkdir(mode=0o711, exist_ok=True)
    return folder


def published_generations(out: Path) -> list[Path]:
    """The complete generations, oldest first."""
    folder = generations_folder(out)
    found = [p for p in folder.iterdir() if GENERATION.match(p.name) and (p / MARKER).is_file()] if folder.is_dir() else []
    return sorted(found, key=lambda p: p.name)


def current_generation(out: Path) -> Path | None:
    return out.resolve() if out.is_symlink() else None


def publish(stage: Stage) -> Path:
    """Make the staged site OUT's published generation, in one step. Returns the generation."""
    out = stage.out
    done = published_generations(out)
    number = int(GENERATION.match(done[-1].name).group(1)) + 1 if done else 1
    generation = stage.site.with_name(f"g{number:06d}-{secrets.token_hex(4)}")
    try:
        stage.site.chmod(0o755)   # verified: from here on it may be read
        os.rename(stage.site, generation)
        switch(out, generation)
    except OSError as exc:
        raise BuildRefused([finding("E-PUBLISH", display_path(out), None, detail=exc)]) from exc
    _prune(out)
    return generation


def switch(out: Path, generation: Path) -> None:
    """Point OUT at `generation` in one atomic step (a folder OUT, the first time: two renames)."""
    link = out.with_name(f".{out.name}.link-{os.getpid()}")
    link.unlink(missing_ok=True)
    try:
        os.symlink(os.path.relpath(generation, out.parent), link, target_is_directory=True)
    except OSError:   # no links here: the generation itself becomes OUT
        _swap_folder(out, generation)
        return
    if out.is_dir() and not out.is_symlink():
        _swap_folder(out, link)
    else:
        os.replace(link, out)


def _swap_folder(out: Path, new: Path) -> None:
    previous = _name(out, "previous", os.getpid())
    if out.exists() or out.is_symlink():
        os.rename(out, previous)
    try:
        os.rename(new, out)
    except OSError:
        if previous.exists() and not out.exists():
            os.rename(previous, out)
        raise
    if previous.is_symlink():
        previous.unlink()
    else:
        shutil.rmtree(previous, ignore_errors=True)


def _prune(out: Path) -> None:
    current = current_generation(out)
    for old in published_generations(out)[:-KEEP_GENERATIONS]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(old.with_name(old.name + ".state"), ignore_errors=True)


def recover(out: Path) -> None:
    """Put back a previous site a killed build left aside, and remove the folders of builds that
    are no longer running."""
    leftovers = sorted(_leftovers(out), key=lambda item: item[0].lstat().st_mtime, reverse=True)
    for folder, role in leftovers:
        if role == "previous" and not out.exists():
            os.rename(folder, out)
        elif role == "link":
            folder.unlink()
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _leftovers(out: Path):
    pattern = re.compile(rf"^\.{re.escape(out.name)}\.({'|'.join(ROLES)})-(\d+)(?:-.*)?$")
    inside = re.compile(r"^\.(staging)-(\d+)(?:-.*)?$")
    folder = generations_folder(out)
    candidates = [(p, pattern) for p in out.parent.iterdir()] + \
        [(p, inside) for p in (folder.iterdir() if folder.is_dir() else [])]
    for path, names in candidates:
        match = names.match(path.name)
        if match and path.is_dir() and (path / MARKER).is_file() \
                and not _running(int(match.group(2)), (path / MARKER).stat().st_mtime):
            yield path, match.group(1)
    link = re.compile(rf"^\.{re.escape(out.name)}\.link-(\d+)$")   # a new link a killed build did not rename yet
    for path in out.parent.iterdir():
        match = link.match(path.name)
        if match and path.is_symlink() and not _running(int(match.group(1)), path.lstat().st_mtime):
            yield path, "link"


def _running(pid: int, made: float | None = None) -> bool:
    """Whether the build that made a folder (at `made`, in seconds since the epoch) still runs: a
    process of that number does, and it was not started after the folder was made (process
    numbers are reused, within seconds on a busy machine)."""
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
    started = _started(pid)
    return made is None or started is None or started <= made + 1


def _started(pid: int) -> float | None:
    """When the process started, in seconds since the epoch, where the system says (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime"))
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _refuse_what_is_not_ours(out: Path) -> None:
    if out.exists() and (not out.is_dir() or any(out.iterdir())) and not (out / MARKER).exists():
        raise BuildRefused([finding("E-PUBLISH-NOT-SITE", display_path(out), None, out=display_path(out))])


def _private_folder(out: Path, role: str, where: Path | None = None) -> Path:
    prefix = f".{role}-{os.getpid()}-" if where else f"{_name(out, role, os.getpid()).name}-"
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=where or out.parent))   # mode 0700
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
