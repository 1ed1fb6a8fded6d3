"""`gongshi scan DIR`: the leak scan of built files (verify/leak_scan.py) as a command.

What must not appear comes from three places: `--secret` strings, a `--secrets-file` (one a
line), and with `--content` each county's withheld values, searched in that county's own site
and in the portal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .check.repository import repository_stops
from .codes import finding
from .load.county import load_county, select_counties
from .paths import display_path
from .public.view import withheld_values
from .verify.leak_scan import scan_site


@dataclass
class Scan:
    findings: list = field(default_factory=list)   # what the scan found in the built files
    stops: list = field(default_factory=list)      # why it could not look

    @property
    def ok(self) -> bool:
        return not self.findings and not self.stops


def scan(site: Path, secrets: list[str], secrets_file: Path | None, content_dir: Path | None, config_dir: Path,
         today: date) -> Scan:
    if not site.is_dir():
        return Scan(stops=[finding("E-SCAN-NO-SITE", display_path(site), None)])
    declared = {s: "--secret" for s in secrets}
    if secrets_file is not None:
        try:
            lines = secrets_file.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            return Scan(stops=[finding("E-FILE-UNREADABLE", display_path(secrets_file), None,
                                       detail=getattr(exc, "strerror", None) or exc)])
        declared.update({line.strip(): display_path(secrets_file) for line in lines if line.strip()})
    folder_secrets, folder_exceptions = {}, {}
    stops = repository_stops(config_dir) if content_dir is not None else []
    if stops:
        return Scan(stops=stops)
    for county_id in select_counties(content_dir).ids if content_dir is not None else []:
        county, _ = load_county(content_dir, config_dir, county_id)
        if county.config is not None and county.config.data is not None:
            folder_secrets[county_id], folder_exceptions[county_id] = withheld_values(county, today)
    return Scan(scan_site(site, declared, folder_secrets=folder_secrets, folder_exceptions=folder_exceptions))
