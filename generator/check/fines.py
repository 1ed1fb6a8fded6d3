"""Fines within the ranges of 《医疗保障基金使用监督管理条例》 第三十七条至第四十一条, and 从轻/减轻 that say why.

第三十八条: 1–2 times the loss; 第三十七条, 第四十条, 第四十一条第二款: 2–5 times the amount obtained by
fraud; 第三十九条: 10,000–50,000 yuan, and only for a party that refused to correct. The articles are
read from the decision's `basis`, else from its power's. 《行政处罚法》 第三十二条: 从轻 chooses within
the range, only 减轻 goes below it, and neither goes above it. Classified decisions and minors'
are checked too: the law applies whether or not a decision is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..cn_format import amount_of, yuan
from ..codes import finding
from ..law.parameters import county_law
from .decisions import standing_decisions

REGULATION = "医疗保障基金使用监督管理条例"

# article as written in `basis` → (label in messages, outcome field the fine is a multiple of, parameters)
ARTICLES = {
    "第三十七条": ("第三十七条", "fraud", ("fine_fraud_multiple_min", "fine_fraud_multiple_max")),
    "第三十八条": ("第三十八条", "loss", ("fine_loss_multiple_min_art38", "fine_loss_multiple_max_art38")),
    "第三十九条": ("第三十九条", None, ("fine_yuan_min_art39", "fine_yuan_max_art39")),
    "第四十条": ("第四十条", "fraud", ("fine_fraud_multiple_min", "fine_fraud_multiple_max")),
    "第四十一条": ("第四十一条第二款", "fraud", ("fine_fraud_multiple_min", "fine_fraud_multiple_max")),
}
BASE_TITLES = {"loss": "造成医疗保障基金损失金额", "fraud": "骗取金额"}


@dataclass(frozen=True)
class Range:
    low: Decimal
    high: Decimal
    text: str
    citation: str


def check_fines(county) -> list:
    law = county_law(county)
    powers = {item.get("code"): item for item in (county.data("powers") or {}).get("items", []) if isinstance(item, dict)}
    findings = []
    for doc in standing_decisions(county):
        decision = doc.data
        mitigation = decision.get("mitigation") if isinstance(decision.get("mitigation"), dict) else None
        if mitigation is not None and not (mitigation.get("ground") or mitigation.get("exemption")):
            findings.append(finding("E-MITIGATION-GROUND", doc.display, doc.line_of(("mitigation",)),
                                    case=decision.get("case_number", ""), type=mitigation.get("type") or "从轻或者减轻"))
        outcome = decision.get("outcome") if isinstance(decision.get("outcome"), dict) else {}
        fine = amount_of(outcome.get("fine"))
        if not fine:
            continue  # no fine imposed: nothing to measure
        articles = _fine_articles(decision, powers)
        if articles:
            findings += _fine(doc, decision, outcome, fine, articles, mitigation, law)
    return findings


def _fine(doc, decision, outcome, fine: Decimal, articles: list[str], mitigation, law) -> list:
    case = decision.get("case_number", "")
    ranges, blocked, missing = [], [], {}   # missing: outcome field → the articles that need it
    for article in articles:
        label, base_field, (low_name, high_name) = ARTICLES[article]
        low, high = Decimal(law[low_name]), Decimal(law[high_name])
        citation = law.citation(low_name)
        if base_field is None:
            if outcome.get("refused_to_correct") is not True:
                blocked.append(finding("E-FINE-NOT-REFUSED", doc.display, doc.line_of(("outcome", "fine")), case=case,
                                       low=yuan(low), high=yuan(high), citation=citation))
                continue
            ranges.append(Range(low, high, f"第三十九条 {yuan(low)}至{yuan(high)}", citation))
            continue
        base = amount_of(outcome.get(base_field))
        if base is None:
            missing.setdefault(base_field, []).append(label)
            continue
        ranges.append(Range(low * base, high * base,
                            f"{label} {BASE_TITLES[base_field]}{yuan(base)}的{_n(low)}倍至{_n(high)}倍，"
                            f"即{yuan(low * base)}至{yuan(high * base)}", citation))
    blocked += [finding("E-FINE-BASE-MISSING", doc.display, doc.line_of(("outcome",)), case=case,
                        article=f"《{REGULATION}》" + "、".join(labels), field=field, base=BASE_TITLES[field])
                for field, labels in missing.items()]
    # A 减轻 that names no ground is still reported, once, as E-MITIGATION-GROUND: the fix is the ground.
    kind = mitigation.get("type") if mitigation else None
    # Several articles cited: the decision stands if the fine is lawful under any one of them.
    if any(r.low <= fine <= r.high for r in ranges) or (kind == "减轻" and any(fine <= r.high for r in ranges)):
        return []
    if blocked:
        # A range that cannot be measured (no base, or 第三十九条 without 拒不改正) might be the one the
        # fine fits: ask for what is missing before calling the amount wrong.
        return blocked
    about = dict(case=case, fine=yuan(fine), ranges=_describe(ranges),
                 citation="；".join(dict.fromkeys(r.citation for r in ranges)))
    line = doc.line_of(("outcome", "fine"))
    if all(fine > r.high for r in ranges):
        return [finding("E-FINE-ABOVE-MAX", doc.display, line, **about)]
    if kind == "从轻":
        return [finding("E-FINE-LIGHTER-BELOW-MIN", doc.display, line, **about)]
    return [finding("E-FINE-BELOW-MIN", doc.display, line, **about)]


def _fine_articles(decision, powers) -> list[str]:
    """The fine articles of the 条例 cited by the decision, or by its power when it cites none."""
    basis = decision.get("basis")
    if not isinstance(basis, list) or not basis:
        basis = (powers.get(decision.get("power")) or {}).get("basis")
    found = []
    for entry in basis if isinstance(basis, list) else []:
        if not isinstance(entry, dict) or REGULATION not in str(entry.get("law", "")):
            continue
        article = str(entry.get("article", ""))
        for prefix in ARTICLES:
            if article.startswith(prefix) and prefix not in found:
                found.append(prefix)
    return found


def _describe(ranges: list[Range]) -> str:
    if len(ranges) == 1:
        return f"按{ranges[0].text}"
    return "所引各条中符合任一条即可——" + "；".join(f"按{r.text}" for r in ranges)


def _n(multiple: Decimal) -> str:
    return format(multiple.normalize(), "f")

