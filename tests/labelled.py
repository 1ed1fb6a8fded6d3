"""Precision and recall of the free-text detectors on the labelled set (tests/data/free_text_labelled.yml),
shared by the test that keeps a floor and by bench/free_text_bench.py, which reports the figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.privacy.finds import FREE_TEXT_LABELS
from generator.privacy.personal_data import find_personal_data

LABELLED = Path(__file__).parent / "data" / "free_text_labelled.yml"


@dataclass
class Score:
    right: dict = field(default_factory=lambda: dict.fromkeys(FREE_TEXT_LABELS, 0))    # finds that match a label
    found: dict = field(default_factory=lambda: dict.fromkeys(FREE_TEXT_LABELS, 0))    # finds made
    labelled: dict = field(default_factory=lambda: dict.fromkeys(FREE_TEXT_LABELS, 0))  # labels
    caught: dict = field(default_factory=lambda: dict.fromkeys(FREE_TEXT_LABELS, 0))    # labels matched by a find
    wrong: list = field(default_factory=list)      # (text, what was found that is no label)
    missed: list = field(default_factory=list)     # (text, label no find matched)

    def precision(self, kind=None) -> float:
        kinds = [kind] if kind else list(FREE_TEXT_LABELS)
        found = sum(self.found[k] for k in kinds)
        return sum(self.right[k] for k in kinds) / found if found else 1.0

    def recall(self, kind=None) -> float:
        kinds = [kind] if kind else list(FREE_TEXT_LABELS)
        labelled = sum(self.labelled[k] for k in kinds)
        return sum(self.caught[k] for k in kinds) / labelled if labelled else 1.0


def cases() -> list[dict]:
    return yaml.safe_load(LABELLED.read_text(encoding="utf-8"))["cases"]


def score(labelled_cases) -> Score:
    """A find is right when a label of its kind overlaps it; a label is caught when a find does."""
    result = Score()
    for case in labelled_cases:
        text = case["text"]
        finds = [f for f in find_personal_data(text, free_text=True) if f.kind in FREE_TEXT_LABELS]
        labels = []
        for label in case["finds"]:
            start = text.index(label["words"])
            labels.append((label["kind"], start, start + len(label["words"])))
        overlaps = lambda f, l: f.kind == l[0] and f.start < l[2] and l[1] < f.end   # noqa: E731
        for found in finds:
            result.found[found.kind] += 1
            if any(overlaps(found, label) for label in labels):
                result.right[found.kind] += 1
            else:
                result.wrong.append((text, f"{found.kind} {text[found.start:found.end]}"))
        for label in labels:
            result.labelled[label[0]] += 1
            if any(overlaps(found, label) for found in finds):
                result.caught[label[0]] += 1
            else:
                result.missed.append((text, f"{label[0]} {text[label[1]:label[2]]}"))
    return result
