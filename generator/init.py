"""`gongshi init DIR`: a new repository for a province, and `gongshi schemas`: its copy of the schemas.

What a new repository holds is the folder generator/repository_template/, written out as it is:
a file ending in `.j2` is rendered first (with the gongshi version, the content format, today's
date and year) and loses the ending; a name starting with `dot-` starts with a dot instead
(`dot-gitignore` → `.gitignore`, `dot-github/` → `.github/`); dotfiles and caches that happen to lie in the folder are not
written. Work that adds a file to new repositories adds it there.
"""

from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from .codes import finding
from .load.repository import SCHEMA_COPY, SHARED_CONFIG
from .paths import REPOSITORY_TEMPLATE, SCHEMA_DIR
from .version import CONTENT_FORMAT, __version__

# What may already be in the folder of a new repository: `git clone` of an empty repository leaves this.
MAY_BE_THERE = {".git"}


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)   # schema copies the installed gongshi no longer has
    findings: list = field(default_factory=list)        # why nothing (more) was written

    @property
    def ok(self) -> bool:
        return not self.findings


def init_repository(target: Path, today: date) -> Written:
    problem = _not_for_a_new_repository(target)
    if problem is not None:
        return Written(findings=[problem])
    values = dict(version=__version__, content_format=CONTENT_FORMAT, today=today.isoformat(), year=today.year)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    written = Written()
    try:
        for source in _template_files():
            destination = target / _written_name(source.relative_to(REPOSITORY_TEMPLATE))
            destination.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix == ".j2":
                text = env.from_string(source.read_text(encoding="utf-8")).render(values)
                destination.write_bytes(text.encode("utf-8"))   # bytes: the same line ends on every system
            else:
                shutil.copyfile(source, destination)
            written.files.append(destination)
    except OSError as exc:
        return Written(findings=[finding("E-WRITE-FAILED", str(target), None, detail=exc.strerror or exc)])
    schemas = write_schemas(target)
    return Written(written.files + schemas.files, findings=schemas.findings)


def write_schemas(root: Path) -> Written:
    """The installed schemas, copied into ROOT/schemas/ for editors; copies of schemas gongshi no
    longer has are removed (the folder is written by gongshi only)."""
    folder = root / SCHEMA_COPY
    installed = sorted(SCHEMA_DIR.glob("*.schema.json"))
    written = Written()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for schema in installed:
            if (folder / schema.name).resolve() != schema.resolve():   # gongshi's own checkout: they are the installed ones
                shutil.copyfile(schema, folder / schema.name)
            written.files.append(folder / schema.name)
        for old in sorted(set(folder.glob("*.schema.json")) - {folder / s.name for s in installed}):
            old.unlink()
            written.removed.append(old)
    except OSError as exc:
        written.findings.append(finding("E-WRITE-FAILED", str(folder), None, detail=exc.strerror or exc))
    return written


def is_repository(root: Path) -> bool:
    return root.is_dir() and any((root / name).exists() for name in ("content", "site_config", SHARED_CONFIG))


def next_steps(target: Path) -> list[str]:
    """What the clerk reads after `gongshi init`."""
    go = "" if target.resolve() == Path.cwd().resolve() else f"cd {shlex.quote(str(target))}，"
    return [f"已创建 {target}/：示例县 content/shili/、site_config/、mkdocs.yml、schemas/、requirements.txt（gongshi=={__version__}）和 README.md。",
            f"下一步：{go}运行 gongshi validate 和 gongshi build 查看示例县网站；再照着示例县建本县的文件夹，建好后删除示例县。"]


def _not_for_a_new_repository(target: Path):
    if target.is_symlink() and not target.exists():
        return finding("E-INIT-NOT-DIR", str(target), None, what="一个指向不存在位置的链接")
    if target.exists() and not target.is_dir():
        return finding("E-INIT-NOT-DIR", str(target), None, what="一个文件")
    if target.is_dir() and any(entry.name not in MAY_BE_THERE for entry in target.iterdir()):
        return finding("E-INIT-NOT-EMPTY", str(target), None)
    return None


def _template_files() -> list[Path]:
    return sorted(p for p in REPOSITORY_TEMPLATE.rglob("*") if p.is_file()
                  and not any(part.startswith(".") or part == "__pycache__" for part in p.relative_to(REPOSITORY_TEMPLATE).parts))


def _written_name(relative: Path) -> Path:
    parts = list(relative.parts)
    parts[-1] = parts[-1].removesuffix(".j2")
    return Path(*("." + part[len("dot-"):] if part.startswith("dot-") else part for part in parts))
