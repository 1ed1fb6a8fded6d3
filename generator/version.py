"""The version of gongshi, and the version of the content format it reads.

The content format is the shape of a repository's files (content/, site_config/, mkdocs.yml). A
repository names its format in mkdocs.yml (`extra.content_format`); a gongshi that reads another
format refuses it with a message saying which version to install or what to change. The format
changes only when existing content would need editing, not with every release.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"
CONTENT_FORMAT = 1
# Repositories that name no format were written before formats were named: they are in the first.
UNNAMED_FORMAT = 1


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of gongshi's own files (code, templates, theme, schemas): finer than the version,
    which stays the same in a development checkout while the code changes. What a build keeps for
    the next one (publish/state.py, fingerprint.py) holds only for the same digest."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    files = [(p.relative_to(root).as_posix(), p) for p in root.rglob("*")]
    for mapped in ("schemas", "theme"):   # mapped into the package by pyproject.toml in a checkout
        folder = root.parent / mapped
        if folder.is_dir() and not (root / mapped).exists():
            files += [(f"{mapped}/{p.relative_to(folder).as_posix()}", p) for p in folder.rglob("*")]
    for name, path in sorted(files):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            data = path.read_bytes()
            digest.update(name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
