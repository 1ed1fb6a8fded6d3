"""How every command prints findings: one a line, `PATH:LINE: CODE 中文说明 — 改正方法`, then a
closing line of totals by code. Commands whose standard output is a data file (`gongshi report`)
print them to standard error instead."""

from __future__ import annotations

import sys

from .findings import summary


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
