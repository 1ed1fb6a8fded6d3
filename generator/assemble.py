"""`gongshi portal --from DIR…`: one province site from the outputs of sharded builds
(`gongshi build --shard I/N`, each on its own CI job): every county folder as its shard built and
verified it, and the portal page made from their manifests, verified and published as a build is.

A folder that is no gongshi site, or a county found in two of them, refuses: which of two
different builds of a county is the right one is not for this command to guess.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from .codes import finding
from .errors import BuildRefused
from .findings import has_errors
from .paths import MANIFEST, display_path
from .publish.atomic import MARKER, publish, staged
from .render.portal import render_portal
from .verify.files import verify_files


def assemble_portal(sources: list[Path], out: Path, today: date) -> list[str]:
    """The county ids published in OUT."""
    counties, problems = {}, []
    for source in sources:
        if not (source / MARKER).is_file():
            problems.append(finding("E-PORTAL-NOT-SITE", display_path(source), None))
            continue
        for folder in sorted(p for p in source.iterdir() if p.is_dir() and (p / MANIFEST).is_file()):
            if folder.name in counties:
                problems.append(finding("E-PORTAL-TWICE", display_path(folder), None, county=folder.name,
                                        first=display_path(counties[folder.name])))
            counties[folder.name] = folder
    if problems:
        raise BuildRefused(problems)

    out = out.parent.resolve() / out.name   # OUT itself may be the link to its published generation
    with staged(out) as stage:
        for county_id, folder in counties.items():
            shutil.copytree(folder, stage.site / county_id, symlinks=True)
        problems = verify_files(stage.site, out, render_portal(stage.site, today))
        if has_errors(problems):
            raise BuildRefused(problems)
        publish(stage)
    return sorted(counties)
