"""The law a profile applies, as a table for people, and the schema of what a county may change:
the README's list of rules and `extra.law` in schemas/site-config.schema.json are made from
generator/law (`python -m generator.law.describe` in the project writes both again;
tests/unit/test_law.py fails when either is behind)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from ..paths import SCHEMA_DIR
from .parameters import FIXED, FREE, HIGHER, LOWER
from .profiles import DEFAULT_PROFILE, PROFILES, REQUIRES_FLAGS, override_schema
from .publicity import PUBLICITY_PERIODS, REGIMES

CHANGE = {LOWER: "只能改小", HIGHER: "只能改大", FIXED: "不能改", FREE: "可按本县规定"}
BEGIN = "<!-- law-rules:begin (generated from generator/law: python -m generator.law.describe) -->"
END = "<!-- law-rules:end -->"


def _value(parameter) -> str:
    if parameter.value is None:
        return "—"
    if isinstance(parameter.value, bool):
        return "是" if parameter.value else "否"
    if isinstance(parameter.value, tuple):
        return "、".join(parameter.value)
    return f"{parameter.value}{parameter.unit}"


def rules_markdown() -> str:
    lines = [BEGIN]
    for profile in PROFILES.values():
        lines += ["", f"**{profile.id}**（{profile.title}）", "",
                  "| 规则 | 参数（`extra.law`） | 值 | 本县改动 | 依据 |", "|:---|:---|:---|:---|:---|"]
        lines += [f"| {p.title} | `{name}` | {_value(p)} | {CHANGE[p.stricter]} | {p.citation} |"
                  for name, p in profile.parameters.items()]
        lines += ["", f"罚款和暂停（《{profile.regulation}》，按决定 `basis` 所引条款，写到款的按款）：", "",
                  "| 条款 | 罚款 | 暂停 |", "|:---|:---|:---|"]
        for provision in profile.provisions:
            fine = provision.fine
            value = lambda name: profile.parameters[name].value   # noqa: E731
            fine_text = "—" if fine is None else (
                f"{fine.base_title}的 {value(fine.low)}–{value(fine.high)} 倍" if fine.base
                else f"{value(fine.low)}–{value(fine.high)} 元")
            if fine is not None and fine.below is not None:
                threshold, low, high = (value(name) for name in fine.below)
                fine_text = f"{fine.base_title}不足 {threshold} 元的 {low}–{high} 元；{threshold} 元以上的，{fine_text}"
            if fine is not None and fine.requires:
                fine_text += "，须" + "或者".join(REQUIRES_FLAGS[f] for f in fine.requires)
            suspension = provision.suspension
            suspension_text = "—" if suspension is None else (
                f"{suspension.what} {profile.parameters[suspension.low].value}–{profile.parameters[suspension.high].value} 个月"
                + ("，须" + "或者".join(REQUIRES_FLAGS[f] for f in suspension.requires) if suspension.requires else "") + (f"；{suspension.beyond}" if suspension.beyond else ""))
            lines.append(f"| {provision.article} | {fine_text} | {suspension_text} |")
    lines += ["", "行政处罚决定的公示期（自作出决定之日起；按作出决定之日施行的规定，一直适用到期满；本县更严的公示期对所有决定适用）：", "",
              "| 作出决定的日期 | 规定 | 轻微 | 一般 | 严重 |", "|:---|:---|:---|:---|:---|"]
    for index, regime in enumerate(REGIMES):
        later = REGIMES[index + 1].since if index + 1 < len(REGIMES) else None
        start = regime.since.isoformat() if regime.since else ""
        when = f"{start} 起" if not later else f"{start + ' ' if start else ''}至 {(later - timedelta(days=1)).isoformat()}"
        periods = regime.periods or {grade: (PROFILES[DEFAULT_PROFILE].parameters[longest].value,
                                             PROFILES[DEFAULT_PROFILE].parameters[shortest].value if shortest else None)
                                     for grade, (longest, shortest) in PUBLICITY_PERIODS.items()}
        shown = [f"最长 {periods[g][0]} 个月" + (f"，最短 {periods[g][1]} 个月" if periods[g][1] else "") for g in ("轻微", "一般", "严重")]
        if regime.periods is not None:
            shown[0] = "（没有这一级，按一般）"
        lines.append(f"| {when} | {regime.source} | " + " | ".join(shown) + " |")
    return "\n".join(lines + ["", END])


def write_generated(project: Path) -> None:
    """For maintainers, after changing the law: the README's list of rules and the schema of
    `extra.law` written again from generator/law."""
    readme = project / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text[:text.index(BEGIN)] + rules_markdown() + text[text.index(END) + len(END):], encoding="utf-8")
    schema_file = SCHEMA_DIR / "site-config.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["extra"]["properties"]["law"] = override_schema()
    schema_file.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_generated(Path.cwd())
