"""A county's site config and what it inherits: the file its INHERIT names must be there, or the
build would refuse the county with MkDocs' message instead of this one."""

from __future__ import annotations

from ..codes import finding
from ..paths import display_path


def check_inherit(county) -> list:
    config = county.config
    if config is None or not isinstance(config.data, dict) or not isinstance(config.data.get("INHERIT"), str):
        return []
    target = config.path.parent / config.data["INHERIT"]
    if target.is_file():
        return []
    return [finding("E-SITE-CONFIG-INHERIT", config.display, config.line_of(("INHERIT",)),
                    value=config.data["INHERIT"], target=display_path(target))]
