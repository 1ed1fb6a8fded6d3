"""`gongshi init DIR`: a new repository for a province, and `gongshi schemas`: its copy of the schemas.

What a new repository holds is the folder generator/repository_template/, written out as it is:
a file ending in `.j2` is rendered first (with the gongshi version, the content format, today's
date and year) and loses the ending; a name starting with `dot-` starts with a dot instead
(`dot-gitignore` → `.gitignore`). Work that adds a file to new repositories adds it there.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from .codes import finding
from .load.repository import SCHEMA_COPY
from .paths import REPOSITORY_TEMPLATE, SCHEMA_DIR, display_path
from .version import CONTENT_FORMAT, __version__


@dataclass
class Written:
    files: list[Path] = field(default_factory=list)
    findings: list = field(default_factory=list)   # why nothing was written

    @property
    def ok(self) -> bool:
        return not self.findings


def init_repository(target: Path, today: date) -> Written:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        return Written(findings=[finding("E-INIT-NOT-EMPTY", display_path(target), None)])
    values = dict(version=__version__, content_format=CONTENT_FORMAT, today=today.isoformat(), year=today.year)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    written = Written()
    for source in sorted(p for p in REPOSITORY_TEMPLATE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        destination = target / _written_name(source.relative_to(REPOSITORY_TEMPLATE))
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".j2":
            destination.write_text(env.from_string(source.read_text(encoding="utf-8")).render(values), encoding="utf-8")
        else:
            shutil.copyfile(source, destination)
        written.files.append(destination)
    written.files += write_schemas(target)
    return written


def write_schemas(root: Path) -> list[Path]:
    """The installed schemas, copied into ROOT/schemas/ for editors (old copies replaced)."""
    folder = root / SCHEMA_COPY
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        if (folder / schema.name).resolve() != schema.resolve():   # gongshi's own checkout: they are the installed ones
            shutil.copyfile(schema, folder / schema.name)
        written.append(folder / schema.name)
    return written


def next_steps(target: Path) -> list[str]:
    """What the clerk reads after `gongshi init`."""
    where = display_path(target)
    return [f"已创建 {where}/：示例县 content/shili/、site_config/、mkdocs.yml、schemas/、requirements.txt（gongshi=={__version__}）和 README.md。",
            f"下一步：cd {where}，运行 gongshi validate 和 gongshi build 查看示例县网站；再照着示例县建本县的文件夹，建好后删除示例县。"]


def _written_name(relative: Path) -> Path:
    name = relative.name.removesuffix(".j2")
    if name.startswith("dot-"):
        name = "." + name[len("dot-"):]
    return relative.with_name(name)
