"""`gongshi rollback`: publish again the generation before the one OUT shows (publish/atomic.py),
in one step — after a release that broke the theme, say.

Never at the cost of a removal: a decision that must not be on the site today (withdrawn,
expired, classified, a minor party, its record gone), judged on the current content, refuses the
rollback if the older generation still shows it, and so does anything the leak scan finds in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .codes import finding
from .law.county import county_law
from .load.county import load_county, select_counties
from .paths import display_path
from .public.decisions import off_site_reason
from .publish.atomic import KEEP_GENERATIONS, current_generation, published_generations, switch
from .publish.state import previous, state_folder
from .scan import scan


@dataclass
class Rollback:
    findings: list = field(default_factory=list)   # why it was refused
    generation: Path | None = None                 # what OUT shows now


def rollback(out: Path, content_dir: Path, config_dir: Path, today: date) -> Rollback:
    out = out.parent.resolve() / out.name
    done, current = published_generations(out), current_generation(out)
    if current is None or current not in done or done.index(current) == 0:
        return Rollback([finding("E-ROLLBACK-NONE", display_path(out), None, kept=len(done), keep=KEEP_GENERATIONS)])
    target = done[done.index(current) - 1]
    problems = _removed_since(target, out, content_dir, config_dir, today)
    found = scan(target, [], None, content_dir, config_dir, today)
    problems += found.stops + found.findings
    if problems:
        return Rollback([finding("E-ROLLBACK-UNSAFE", display_path(out), None, generation=target.name)] + problems)
    switch(out, target)
    return Rollback(generation=target)


def _removed_since(target: Path, out: Path, content_dir: Path, config_dir: Path, today: date) -> list:
    """The decisions the older generation shows that must not be on the site today."""
    problems = []
    state = state_folder(out).with_name(target.name + ".state")
    for county_id in select_counties(content_dir).ids:
        record = previous(out, county_id, state)
        if record is None:
            if (target / county_id).is_dir():   # no record of what it shows: it cannot be judged
                problems.append(finding("E-ROLLBACK-UNKNOWN", display_path(target / county_id), None, county=county_id))
            continue
        county, _ = load_county(content_dir, config_dir, county_id)
        law = county_law(county)
        for decision in record.view.decisions:
            doc = county.decisions.get(decision["id"])
            reason = off_site_reason(decision["id"], doc, today, law) if doc is not None and doc.data else "记录已删除"
            if reason:
                problems.append(finding("E-ROLLBACK-REMOVED", doc.display if doc else display_path(content_dir / county_id),
                                        None, case=decision.get("case_number", decision["id"]), reason=reason))
    return problems
