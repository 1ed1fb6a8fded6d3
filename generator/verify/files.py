"""Every check of built files, on the files given: outside hosts and root paths, executable
markup, links to files that are not there, and the leak scan, each page parsed once for all
(pages.py)."""

from __future__ import annotations

from pathlib import Path

from .leak_scan import scan_site
from .links import check_links
from .markup import check_markup
from .outside_hosts import verify_site
from .pages import one_parse


def verify_files(root: Path, published_as: Path, paths: list, withheld: dict | None = None) -> list:
    """What verification finds in these files under `root`, named where they will be published;
    `withheld`: each county folder's values that must not be in it, and where a withdrawn
    case number belongs (public/view.withheld_values)."""
    withheld = withheld or {}
    with one_parse():
        return verify_site(root, published_as=published_as, paths=paths) \
            + check_markup(root, published_as=published_as, paths=paths) \
            + check_links(root, published_as=published_as, paths=paths) \
            + scan_site(root, published_as=published_as, paths=paths,
                        folder_secrets={i: values for i, (values, _) in withheld.items()},
                        folder_exceptions={i: pages for i, (_, pages) in withheld.items()})
