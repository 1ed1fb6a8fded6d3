"""The law as one county applies it: its profile (profiles.py) with its own stricter values
(parameters.py: which overrides apply)."""

from __future__ import annotations

from .parameters import Law, applies, written_overrides
from .profiles import profile_named


def county_law(county) -> Law:
    config = county.config.data if county.config is not None else None
    named, overrides = written_overrides(config)
    profile = profile_named(named)
    values = {name: p.value for name, p in profile.parameters.items()}
    own = {}
    for override in overrides:
        parameter = profile.parameters.get(override.name)
        if applies(parameter, override):
            values[override.name] = override.value
            if override.citation and override.value != parameter.value:
                own[override.name] = override.citation
    return Law(values, profile, own)
