"""A county's site config: the file its INHERIT names must be there, or the build would refuse
the county with MkDocs' message instead of this one; and the law it applies (`extra.law`)."""

from __future__ import annotations

from ..codes import finding
from ..law.parameters import FIXED, FREE, LOWER, is_number, looser, written_overrides
from ..law.profiles import profile_named
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


def check_site_url(county) -> list:
    """A county that publishes says where: without `site_url` its sitemap lists nothing and no page
    names its address for search engines."""
    config = county.config
    if config is None or not isinstance(config.data, dict) or config.data.get("site_url"):
        return []
    return [finding("W-SITE-URL-MISSING", config.display, 1)]


def check_law(county) -> list:
    """A county's `extra.law`: a profile gongshi knows, and values changed only the stricter way,
    each with the rule that makes it so (law/parameters.py)."""
    config = county.config
    if config is None or not isinstance(config.data, dict):
        return []
    named, overrides = written_overrides(config.data)   # a profile gongshi does not know: the schema says so
    findings = []
    profile = profile_named(named)
    for override in overrides:
        parameter = profile.parameters.get(override.name)
        if parameter is None or not is_number(override.value):
            continue   # not a parameter, or not a number: the schema check reports it
        line = config.line_of(override.path)
        about = dict(name=override.name, title=parameter.title, value=override.value, unit=parameter.unit,
                     bound=parameter.value, citation=parameter.citation, profile=profile.title)
        if parameter.stricter == FIXED:
            findings.append(finding("E-LAW-FIXED", config.display, line, **about))
        elif looser(parameter, override.value):
            findings.append(finding("E-LAW-LOOSER", config.display, line,
                                    direction="不超过" if parameter.stricter == LOWER else "不少于", **about))
        elif override.citation is None and override.value != parameter.value and parameter.stricter != FREE:
            findings.append(finding("W-LAW-UNCITED", config.display, line, **about))
    return findings
