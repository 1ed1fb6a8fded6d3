"""How a natural-person party is named on the site: a county's policy (`extra.redaction.
natural_person_name` in its site config), applied here to everything the public view makes of a
decision — its page, the lists, the search index, a withdrawal notice.

- 姓加某某 (the default): the surname and 某某 (张三 → 张某某, 欧阳明日 → 欧阳某某), wherever the
  full name is written in the decision;
- 全名: the name as typed.

Organisations and 个体工商户 are named as registered: their names are public by law. A name that
is already a pseudonym (王某某, 李某) stays as it is.
"""

from __future__ import annotations

from ..privacy.free_text import COMPOUND_SURNAMES, PSEUDONYM
from ..privacy.redaction import FULL_NAME


def named_by_policy(decision: dict, policy: str) -> dict:
    """`decision` (public data) with its natural-person party named as the county's policy says;
    a new object when anything changes, so cached redactions are never touched."""
    party = decision.get("party")
    if policy == FULL_NAME or not isinstance(party, dict) or party.get("type") != "自然人":
        return decision
    name = party.get("name").strip() if isinstance(party.get("name"), str) else ""
    shown = surname_form(name)
    return _replaced(decision, name, shown) if name and shown != name else decision


def surname_form(name: str) -> str:
    """张三 → 张某某; a pseudonym as it is."""
    if not name or any(c in PSEUDONYM for c in name):
        return name
    surname = next((s for s in COMPOUND_SURNAMES if name.startswith(s) and len(name) > len(s)), name[0])
    return surname + "某某"


def _replaced(value, name: str, shown: str):
    if isinstance(value, dict):
        return {key: _replaced(child, name, shown) for key, child in value.items()}
    if isinstance(value, list):
        return [_replaced(child, name, shown) for child in value]
    return value.replace(name, shown) if isinstance(value, str) else value
