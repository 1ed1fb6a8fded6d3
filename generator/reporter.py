"""How every command prints findings: one a line, `PATH:LINE: CODE 中文说明 — 改正方法`, then a
closing line of totals by code. Commands whose standard output is a data file (`gongshi report`)
print them to standard error instead."""

from __future__ import annotations

import hashlib
import json
import sys

from .findings import summary

# `gongshi validate --format`: for a clerk (text), or for the CI system that shows findings on the
# lines a pull or merge request changed.
FINDING_FORMATS = ("text", "github", "gitlab")


def print_findings(findings, stream=None) -> None:
    stream = stream or sys.stdout
    for found in findings:
        print(found, file=stream)
    print(summary(findings), file=stream)


def print_lines(lines, stream=None) -> None:
    stream = stream or sys.stdout
    for line in lines:
        print(line, file=stream)


def write_data(text: str) -> None:
    """A data file on standard output, in UTF-8 whatever the terminal's locale: it is for download."""
    sys.stdout.flush()
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)


def github_annotations(findings) -> str:
    """GitHub Actions workflow commands: each finding shown on its line of the pull request."""
    lines = []
    for found in findings:
        level = "error" if found.is_error else "warning"
        where = f"file={_escape_property(found.path)}" + (f",line={found.line}" if found.line else "")
        lines.append(f"::{level} {where},title={found.code}::{_escape_data(f'{found.message} — {found.hint}')}")
    return "\n".join(lines + [summary(findings)]) + "\n"


def gitlab_code_quality(findings) -> str:
    """A GitLab code-quality report (JSON): each finding on its line of the merge request."""
    issues = [{
        "description": f"{found.code} {found.message} — {found.hint}",
        "check_name": found.code,
        "fingerprint": hashlib.sha256(f"{found.path}:{found.line}:{found.code}:{found.message}".encode()).hexdigest(),
        "severity": "major" if found.is_error else "minor",
        "location": {"path": found.path, "lines": {"begin": found.line or 1}},
    } for found in findings]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
