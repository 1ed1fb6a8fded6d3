"""The small exception hierarchy. Every error a clerk can cause is a Finding, not an exception;
exceptions only carry findings out of a pipeline step that cannot go on."""

from __future__ import annotations


class GongshiError(Exception):
    """Base of every error gongshi raises on purpose."""


class BuildRefused(GongshiError):
    """The build stopped before publishing; the previous output is untouched."""

    def __init__(self, findings):
        self.findings = list(findings)
        super().__init__(f"{len(self.findings)} finding(s)")
