"""What kind of page an entry is (troubleshooting, how-to, driver-download, review, deal,
product-page, news, other), read from the text's shape.

Each kind has cues in the rules ([page_kinds]: regular expressions over the entry's text,
in which every heading is a line of its own starting "# "); a kind scores one point per
distinct cue its text matches (a repeated_<kind> cue: one per match, up to 3: a listicle's
"Top 3:" headings), and the steps the structure stage found count for the
kinds that are made of steps. Front matter categories and tags that name a kind
([page_kinds] labels_<kind>) count two points. The highest score wins; ties go to the
kind listed first in KINDS; a page with no cue at all is `other`.

The step kinds need an instructional shape: steps found by the structure stage, or a share
of sentences that open with an imperative verb ([page_kinds] imperative_verbs,
imperative_percent; "On a Pixel, go to ..." counts), or menu paths ("Settings > Help"). A page without that shape (a news story that says "problem", a review
that mentions an "issue") is no step kind.
"""
from __future__ import annotations

import re
from collections import Counter

from .rules import Rules

KINDS = ("troubleshooting", "how-to", "driver-download", "review", "deal", "product-page", "news", "other")


class KindClassifier:
    def __init__(self, rules: Rules):
        group = rules.data.get("page_kinds", {})
        self.cues = {k: [re.compile(p, re.I | re.M) for p in group.get(k, [])] for k in KINDS}
        self.repeated = {k: [re.compile(p, re.I | re.M) for p in group.get("repeated_" + k, [])] for k in KINDS}
        self.labels = {k: {v.lower() for v in group.get("labels_" + k, [])} for k in KINDS}
        self.step_kinds = tuple(group.get("step_kinds", ["troubleshooting", "how-to"]))
        self.verbs = {v.lower() for v in group.get("imperative_verbs", [])}
        self.share = int(group.get("imperative_percent", ["8"])[0]) / 100

    def scores(self, entry: dict, learned: dict[str, str] | None = None) -> dict[str, int]:
        """`learned`: label -> the kind most of the build's pages with that label have (see classify_all)."""
        text = page_text(entry)
        labels = {x.lower() for x in entry.get("categories", []) + entry.get("tags", [])}
        told = {learned[x] for x in labels if x in (learned or {})}
        out = {}
        for k in KINDS:
            score = sum(1 for cue in self.cues[k] if cue.search(text))
            score += sum(min(len(cue.findall(text)), 3) for cue in self.repeated[k])
            score += 2 * len(labels & self.labels[k]) + 2 * (k in told)
            out[k] = score
        steps = sum(1 for s in entry.get("steps", []) if not s.get("promotional"))
        instructional = steps >= 2 or imperative_share(text, self.verbs) >= self.share or menu_paths(text) >= 2
        for k in self.step_kinds:
            if out[k]:
                out[k] = out[k] + min(steps, 3) if instructional else 0
        if instructional and not any(out[k] for k in self.step_kinds):
            out["how-to"] = 1  # instructions with no problem named
        return out

    def __call__(self, entry: dict, learned: dict[str, str] | None = None) -> str:
        scores = self.scores(entry, learned)
        best = max(KINDS, key=lambda k: (scores[k], -KINDS.index(k)))
        return best if scores[best] > 0 else "other"

    def classify_all(self, entries: list[dict], each=None) -> list[str]:
        """Every entry's kind, read twice: once from its own text, then again with what the
        build's labels mean: a category or tag that at least LABEL_PAGES pages carry, of which
        LABEL_SHARE read as one kind (not `other`, not a step kind:
        steps or none tell those apart), counts two points for that kind on each
        page carrying it (once per kind). A site's "BestProducts" category thus tells a review
        whose own text says too little. `each(k, classify)`, if given, runs entry k's
        classification (a zero-argument call) and returns its kind (consolidate: under a budget)."""
        each = each or (lambda k, classify: classify())
        first = [each(k, lambda: self(e)) for k, e in enumerate(entries)]
        seen: dict[str, Counter] = {}
        for e, k in zip(entries, first):
            for x in {x.lower() for x in e.get("categories", []) + e.get("tags", [])}:
                seen.setdefault(x, Counter())[k] += 1
        learned = {}
        for x, c in seen.items():
            k, n = c.most_common(1)[0]
            if k not in ("other",) + self.step_kinds and sum(c.values()) >= LABEL_PAGES and n >= LABEL_SHARE * sum(c.values()):
                learned[x] = k
        return [each(k, lambda: self(e, learned)) for k, e in enumerate(entries)]


LABEL_PAGES, LABEL_SHARE = 5, 0.8


TEXT_LIMIT = 40_000  # characters read: a page shows its shape early; ~40 regexes over a 3 MB body took 10 s


LEAD = re.compile(r"^[\s>*_#\d.)!\[-]*(?:(?:first|then|next|now|finally|after that|once done|alternatively)\W+)?"
                  r"(?:(?:on|in|from|under|if|when|once|after|to)\b[^,.]{0,60},\s*)?", re.I)
# "Settings > Tips and Help": a way through a program's menus. Each run of word characters
# is matched whole, with its " > " or without (then it counts for nothing): a run that is
# no menu item is read once, not once from each of its characters (40,000 of "a*" took 87 s)
MENU_PATH = re.compile(r"\w[\w*]*+(?P<menu> > [*\w])?")


def menu_paths(text: str) -> int:
    return sum(1 for m in MENU_PATH.finditer(text) if m.group("menu"))


def imperative_share(text: str, verbs: set[str]) -> float:
    """The share of the text's sentences (3+ words; headings aside) whose first word is an
    imperative verb ("Open Settings.", "2. Click Update.", "Then, restart the PC.")."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+|\n+", text) if len(x.split()) >= 3 and not x.startswith("#")]
    hits = 0
    for x in sentences:
        word = re.match(r"[a-z-]*", LEAD.sub("", x).lower()).group()
        hits += word in verbs
    return hits / max(len(sentences), 1)


def page_text(entry: dict) -> str:
    """The entry's summary, headings (as "# heading" lines) and section texts, up to TEXT_LIMIT."""
    parts = [entry.get("summary", "")]
    for s in entry.get("sections", []):
        if s.get("heading"):
            parts.append("# " + s["heading"])
        parts.append(s.get("text", ""))
    return "\n".join(parts)[:TEXT_LIMIT]
