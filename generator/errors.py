"""The small exception hierarchy. Every error a clerk can cause is a Finding, not an exception;
exceptions only carry a problem out of a step that cannot go on, to the place that turns it
into findings."""

from __future__ import annotations


class GongshiError(Exception):
    """Base of every error gongshi raises on purpose."""


class BuildRefused(GongshiError):
    """The build stopped before publishing; the previous output is untouched."""

    def __init__(self, findings):
        self.findings = list(findings)
        super().__init__(f"{len(self.findings)} finding(s)")


class UnknownYear(GongshiError):
    """No official working-day arrangement is known for `year`; `file` is the one to add."""

    def __init__(self, year: int, file: str):
        super().__init__(year)
        self.year = year
        self.file = file


class UnreadableFile(GongshiError):
    """A file gongshi cannot read through: `code` is the finding code, `detail` says why."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(detail)
        self.code = code
        self.detail = detail


class PdfProblem(UnreadableFile):
    """A PDF that is encrypted, carries embedded files, or cannot be parsed."""
