"""What kind of page an entry is (troubleshooting, how-to, driver-download, review, deal,
product-page, news, other), read from the text's shape.

Each kind has cues in the rules ([page_kinds]: regular expressions over the entry's text,
in which every heading is a line of its own starting "# "); a kind scores one point per
distinct cue its text matches (a repeated_<kind> cue: one per match, up to 3: a listicle's
"Top 3:" headings), and the steps the structure stage found count for the
kinds that are made of steps. Front matter categories and tags that name a kind
([page_kinds] labels_<kind>) count two points. The highest score wins; ties go to the
kind listed first in KINDS; a page with no cue at all is `other`.
"""
from __future__ import annotations

import re

from .rules import Rules

KINDS = ("troubleshooting", "how-to", "driver-download", "review", "deal", "product-page", "news", "other")


class KindClassifier:
    def __init__(self, rules: Rules):
        group = rules.data.get("page_kinds", {})
        self.cues = {k: [re.compile(p, re.I | re.M) for p in group.get(k, [])] for k in KINDS}
        self.repeated = {k: [re.compile(p, re.I | re.M) for p in group.get("repeated_" + k, [])] for k in KINDS}
        self.labels = {k: {v.lower() for v in group.get("labels_" + k, [])} for k in KINDS}
        self.step_kinds = tuple(group.get("step_kinds", ["troubleshooting", "how-to"]))

    def scores(self, entry: dict) -> dict[str, int]:
        text = page_text(entry)
        labels = {x.lower() for x in entry.get("categories", []) + entry.get("tags", [])}
        out = {}
        for k in KINDS:
            score = sum(1 for cue in self.cues[k] if cue.search(text))
            score += sum(min(len(cue.findall(text)), 3) for cue in self.repeated[k])
            score += 2 * len(labels & self.labels[k])
            out[k] = score
        steps = sum(1 for s in entry.get("steps", []) if not s.get("promotional"))
        for k in self.step_kinds:
            if out[k]:
                out[k] += min(steps, 3)
        return out

    def __call__(self, entry: dict) -> str:
        scores = self.scores(entry)
        best = max(KINDS, key=lambda k: (scores[k], -KINDS.index(k)))
        return best if scores[best] > 0 else "other"


TEXT_LIMIT = 40_000  # characters read: a page shows its shape early; ~40 regexes over a 3 MB body took 10 s


def page_text(entry: dict) -> str:
    """The entry's summary, headings (as "# heading" lines) and section texts, up to TEXT_LIMIT."""
    parts = [entry.get("summary", "")]
    for s in entry.get("sections", []):
        if s.get("heading"):
            parts.append("# " + s["heading"])
        parts.append(s.get("text", ""))
    return "\n".join(parts)[:TEXT_LIMIT]
