"""The county's Atom feed (`feed.xml`): each decision on the site when it was published, again when
it was corrected, each withdrawal notice when the decision was taken down, and each random
inspection's result when it was published. Made from the public
view alone, so what left the site (withdrawn, expired, classified, minors') is in it only as its
notice, and no value the view withholds can be; the same view gives the same bytes on any day."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..paths import TEMPLATE_DIR
from .sections import page_url

FEED = "feed.xml"


def _instant(day: str) -> str:
    return f"{day}T00:00:00+08:00"   # a date of the decision, as an Atom time in China's time zone


def _entries(view) -> list[dict]:
    entries = []
    for decision in view.decisions:
        href = f"decisions/{decision['id']}/"
        about = f"{decision['kind']}决定 {decision['case_number']}" + (f"：{decision['title']}" if decision.get("title") else "")
        entries.append(dict(title=about, id=f"{href}#公示", updated=decision["published"], href=href,
                            summary=f"{decision['published']} 公示"))
        for correction in decision["corrections"]:
            entries.append(dict(title=f"更正：{about}", id=f"{href}#更正-{correction['date']}", updated=correction["date"],
                                href=href, summary=f"{correction['date']} 更正了{correction['label']}：{correction['reason']}"))
    for notice in view.withdrawal_notices:
        href = f"decisions/{notice['id']}/"
        withdrawal = notice["withdrawal"]
        day = withdrawal.get("withdrawn") or withdrawal["date"]
        # Not its case number: that belongs on its notice alone (the leak scan holds it to that).
        entries.append(dict(title=f"撤下说明：一项{notice['kind']}决定已{withdrawal['event']}，已从网站撤下",
                            id=f"{href}#撤下", updated=day, href=href, summary=withdrawal.get("reason") or ""))
    for task in view.random.tasks:
        result = task["result"]
        if result:
            href = page_url(task["page"])
            entries.append(dict(title=f"抽查结果：{task['object'].get('name', '')}（检查任务 {task['id']}）",
                                id=f"{href}#结果", updated=result["published"], href=href,
                                summary=f"{result['finding']}。{result.get('summary') or ''}"))
    return sorted(entries, key=lambda e: (e["updated"], e["id"]), reverse=True)


def write_feed(view, site_dir: Path, site_url: str | None = None) -> None:
    entries = _entries(view)
    base = site_url or f"tag:gongshi,2026:{view.id}/"
    feed = dict(title=view.site_name, id=base, author=view.subject.get("name", view.site_name),
                updated=_instant(entries[0]["updated"] if entries else (view.updated.isoformat() if view.updated else "2000-01-01")),
                entries=[dict(e, id=base + e["id"], updated=_instant(e["updated"])) for e in entries])
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True)
    (site_dir / FEED).write_text(env.get_template("feed.xml.j2").render(feed=feed), encoding="utf-8")
