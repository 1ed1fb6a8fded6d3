"""Fines and suspensions within what the cited provisions allow, and 从轻/减轻 that say why.

The penalty table is the county's law profile's (law/profiles.py): for each article or paragraph
of its regulation, the fine (a multiple of the loss or of the amount obtained by fraud, or an
amount in yuan) and the suspension it provides, and what they require (拒不改正, serious
consequences). The provisions are read from the decision's `basis`, else from its power's; a
decision that cites several stands if it is lawful under any one of them.

《行政处罚法》第三十二条 and 国办发〔2022〕27号: 从轻 chooses within the range, only 减轻 goes below it,
and neither goes above it. A 减轻 rests on a ground of Art 32 or on an item of the county's 减轻
list (exemptions.yml) for the same power; an item of the 从轻 list is no ground for going below.
Classified decisions and minors' are checked too: the law applies whether or not a decision is
published.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..cn_format import amount_of, yuan
from ..codes import finding
from ..law.county import county_law
from ..law.profiles import REQUIRES_FLAGS
from .decisions import standing_decisions

# exemptions.yml lists → what an item of it may ground
LIST_TITLES = {"lighter_penalty": "从轻行政处罚事项清单", "reduced_penalty": "减轻行政处罚事项清单",
               "no_penalty": "不予行政处罚事项清单", "no_compulsory_measure": "不予实施行政强制措施清单"}
GROUNDS = {"从轻": ("lighter_penalty", "reduced_penalty"), "减轻": ("reduced_penalty",)}


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal
    text: str
    citation: str


def check_fines(county) -> list:
    law = county_law(county)
    powers = {item.get("code"): item for item in (county.data("powers") or {}).get("items", []) if isinstance(item, dict)}
    exemptions = exemption_items(county.data("exemptions"))
    findings = []
    for doc in standing_decisions(county):
        decision = doc.data
        mitigation = decision.get("mitigation") if isinstance(decision.get("mitigation"), dict) else None
        findings += _mitigation(doc, decision, mitigation, exemptions, law) if mitigation is not None else []
        # An unfounded 从轻 or 减轻 is reported once, as its own finding: the fix is its ground, not the amount.
        kind = mitigation.get("type") if mitigation else None
        outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
        provisions = _cited_provisions(decision, powers, law.profile)
        if not provisions:
            continue   # no provision of the profile's regulation cited: nothing to measure against
        fine = amount_of(outcome.get("fine"))
        if fine:
            findings += _fine(doc, decision, outcome, fine, provisions, kind, law)
        months = outcome.get("suspension_months")
        if isinstance(months, int) and not isinstance(months, bool) and months > 0:
            findings += _suspension(doc, decision, outcome, months, provisions, kind, law)
    return findings


def exemption_items(exemptions) -> dict:
    """Each item id of exemptions.yml → (the list it is on, the item)."""
    items, lists = {}, exemptions if isinstance(exemptions, dict) else {}
    for name in LIST_TITLES:
        for item in lists.get(name) if isinstance(lists.get(name), list) else []:
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                items.setdefault(item["id"], (name, item))
    return items


def _mitigation(doc, decision, mitigation: dict, exemptions: dict, law) -> list:
    """Why a 从轻 or 减轻 is unfounded: no ground at all, or an item of the wrong list or power."""
    case, kind = decision.get("case_number", ""), mitigation.get("type")
    citation = law.citation("mitigation")
    if not (mitigation.get("ground") or mitigation.get("exemption")):
        return [finding("E-MITIGATION-GROUND", doc.display, doc.line_of(("mitigation",)), case=case,
                        type=kind or "从轻或者减轻", citation=citation)]
    item_id = mitigation.get("exemption")
    if not isinstance(item_id, str) or item_id not in exemptions or kind not in GROUNDS:
        return []   # an unknown item is E-REF-UNKNOWN (references.py)
    on_list, item = exemptions[item_id]
    line = doc.line_of(("mitigation", "exemption"))
    if on_list not in GROUNDS[kind] and not mitigation.get("ground"):
        return [finding("E-MITIGATION-LIST", doc.display, line, case=case, type=kind, item=item_id,
                        list=LIST_TITLES[on_list], lists="或".join(LIST_TITLES[n] for n in GROUNDS[kind]), citation=citation)]
    power = decision.get("power")
    if isinstance(item.get("power"), str) and isinstance(power, str) and item["power"] != power:
        return [finding("E-MITIGATION-POWER", doc.display, line, case=case, type=kind, item=item_id,
                        item_power=item["power"], power=power, citation=citation)]
    return []


def _cited_provisions(decision, powers, profile) -> list:
    """The provisions of the profile's regulation the decision cites, or its power when it cites none."""
    basis = decision.get("basis")
    if not isinstance(basis, list) or not basis:
        basis = (powers.get(decision.get("power")) or {}).get("basis")
    found = []
    for entry in basis if isinstance(basis, list) else []:
        if not isinstance(entry, dict) or profile.regulation not in str(entry.get("law", "")):
            continue
        provision = profile.provision(str(entry.get("article", "")))
        if provision is not None and provision not in found:
            found.append(provision)
    return found


def _requirement_met(outcome: dict, requires: tuple) -> bool:
    return not requires or any(outcome.get(flag) is True for flag in requires)


def _fine(doc, decision, outcome, fine: Decimal, provisions: list, kind, law) -> list:
    case = decision.get("case_number", "")
    regulation = f"《{law.profile.regulation}》"
    with_fine = [p for p in provisions if p.fine is not None]
    if not with_fine:
        return [finding("E-FINE-NO-PROVISION", doc.display, doc.line_of(("outcome", "fine")), case=case,
                        article=regulation + "、".join(p.article for p in provisions),
                        provided=_fines_provided(law))]
    ranges, blocked, missing = [], [], {}   # missing: outcome field → the articles that need it
    for provision in with_fine:
        rule = provision.fine
        low, high = Decimal(law[rule.low]), Decimal(law[rule.high])
        citation = law.citation(rule.low)
        if not _requirement_met(outcome, rule.requires):
            blocked.append(finding("E-FINE-NOT-REFUSED", doc.display, doc.line_of(("outcome", "fine")), case=case,
                                   article=provision.article, low=_amount(low, rule), high=_amount(high, rule),
                                   condition="或者".join(REQUIRES_FLAGS[f] for f in rule.requires),
                                   flags="或".join(f"{f}: true" for f in rule.requires), citation=citation))
            continue
        if rule.base is None:
            ranges.append(Range(low, high, f"{provision.article} {yuan(low)}至{yuan(high)}", citation))
            continue
        base = amount_of(outcome.get(rule.base))
        if base is None:
            missing.setdefault((rule.base, rule.base_title), []).append(provision.article)
            continue
        if rule.below is not None and base < Decimal(law[rule.below[0]]):
            threshold, below_low, below_high = (Decimal(law[name]) for name in rule.below)
            ranges.append(Range(below_low, below_high, f"{provision.article} {rule.base_title}{yuan(base)}，不足{yuan(threshold)}，"
                                f"{yuan(below_low)}至{yuan(below_high)}", citation))
            continue
        ranges.append(Range(low * base, high * base,
                            f"{provision.article} {rule.base_title}{yuan(base)}的{_n(low)}倍至{_n(high)}倍，"
                            f"即{yuan(low * base)}至{yuan(high * base)}", citation))
    blocked += [finding("E-FINE-BASE-MISSING", doc.display, doc.line_of(("outcome",)), case=case,
                        article=regulation + "、".join(labels), field=field, base=title)
                for (field, title), labels in missing.items()]
    if any(r.low <= fine <= r.high for r in ranges) or (kind == "减轻" and any(fine <= r.high for r in ranges)):
        return []
    if blocked:
        # A range that cannot be measured (no base, or a condition not recorded) might be the one
        # the fine fits: ask for what is missing before calling the amount wrong.
        return blocked
    about = dict(case=case, fine=yuan(fine), ranges=_describe(ranges),
                 citation="；".join(dict.fromkeys(r.citation for r in ranges)), mitigation=law.citation("mitigation"))
    line = doc.line_of(("outcome", "fine"))
    if all(fine > r.high for r in ranges):
        return [finding("E-FINE-ABOVE-MAX", doc.display, line, **about)]
    if kind == "从轻":
        return [finding("E-FINE-LIGHTER-BELOW-MIN", doc.display, line, **about)]
    return [finding("E-FINE-BELOW-MIN", doc.display, line, **about)]


def _suspension(doc, decision, outcome, months: int, provisions: list, kind, law) -> list:
    case = decision.get("case_number", "")
    line = doc.line_of(("outcome", "suspension_months"))
    regulation = f"《{law.profile.regulation}》"
    with_suspension = [p for p in provisions if p.suspension is not None]
    if not with_suspension:
        return [finding("E-SUSPENSION-NO-PROVISION", doc.display, line, case=case, months=months,
                        article=regulation + "、".join(p.article for p in provisions),
                        provided=regulation + "、".join(p.article for p in law.profile.provisions if p.suspension))]
    fitting, unmet = [], []
    for provision in with_suspension:
        rule = provision.suspension
        low, high = law[rule.low], law[rule.high]
        if months <= high and (months >= low or kind == "减轻"):
            (fitting if _requirement_met(outcome, rule.requires) else unmet).append(provision)
    if fitting:
        return []
    if unmet:
        rule = unmet[0].suspension
        return [finding("E-SUSPENSION-CONDITION", doc.display, line, case=case, months=months, article=unmet[0].article,
                        what=rule.what, condition="或者".join(REQUIRES_FLAGS[f] for f in rule.requires),
                        flags="、".join(f"{f}: true" for f in rule.requires), citation=law.citation(rule.low))]
    ranges = "；".join(f"{p.article}{p.suspension.what} {law[p.suspension.low]} 至 {law[p.suspension.high]} 个月"
                      + (f"，{p.suspension.beyond}" if p.suspension.beyond else "") for p in with_suspension)
    return [finding("E-SUSPENSION-RANGE", doc.display, line, case=case, months=months, ranges=ranges,
                    citation="；".join(dict.fromkeys(law.citation(p.suspension.low) for p in with_suspension)))]


def _fines_provided(law) -> str:
    return f"《{law.profile.regulation}》" + "、".join(p.article for p in law.profile.provisions if p.fine)


def _amount(value: Decimal, rule) -> str:
    return yuan(value) if rule.base is None else f"{rule.base_title}的{_n(value)}倍"


def _describe(ranges: list[Range]) -> str:
    if len(ranges) == 1:
        return f"按{ranges[0].text}"
    return "所引各条中符合任一条即可——" + "；".join(f"按{r.text}" for r in ranges)


def _n(multiple: Decimal) -> str:
    return format(multiple.normalize(), "f")
