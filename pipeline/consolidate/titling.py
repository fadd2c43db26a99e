"""Titles of an entry: candidates cleaned of site names and spin, then chosen by titles.TitleChooser."""
from __future__ import annotations

import re

from ..deadline import Budget
from ..model import Article
from ..rules import Rules
from ..structure import same_title
from ..titles import without_spin_affixes
from .cluster import Group, article_order


class TitleCleaner:
    def __init__(self, rules: Rules):
        self.prefixes = [re.compile("^(?:" + p + ")", re.I) for p in rules.get("title_spin", "prefixes")]
        self.suffixes = [re.compile("(?:" + p + ")", re.I) for p in rules.get("title_spin", "suffixes")]
        self.generic = frozenset(w.lower() for w in rules.get("title_choice", "generic_words"))
        self.min_shared = max(int(v) for v in rules.get("title_choice", "min_shared_words"))

    def telling(self, title: str, candidates: list[str], structure) -> str:
        """The title, unless it shares no word with what the text is about (its headings,
        summary and first sections; generic words aside): then the candidate, another title
        it was published under (earliest first), with the most words shared less the words
        the text never says, then the most shared, then the earliest; if it shares at least
        min_shared_words and more than it lacks. Spinning gives some copies a title that
        names nothing the text does ("Radeon Ready, All Good!", "Vitamin D's Pivotal Role in
        Immune Regulation" on a GeForce Code 43 article); another copy's title names it."""
        secs = structure.sections
        about = self._words(" ".join([s.heading for s in secs] + [structure.summary] + [s.text[:1500] for s in secs[:3]]))
        if not candidates or self._words(title) & about:
            return title
        scored = []
        for k, c in enumerate(candidates):
            words = self._words(c)
            shared = len(words & about)
            scored.append(((shared - len(words - about), shared, -k), c))  # (a word the text never says counts against)
        (net, shared, _), best = max(scored)
        return best if shared >= self.min_shared and net > 0 else title

    def _words(self, text: str) -> set[str]:
        return {w for w in _TITLE_WORD.findall(text.lower()) if w not in self.generic}

    def __call__(self, title: str) -> str:
        return without_spin_affixes(title, self.prefixes, self.suffixes)

_TITLE_WORD = re.compile(r"[a-z0-9][a-z0-9]+")


def _titles(canonical: Group, members: list[Article], clean_title, budget: Budget):
    """((the title shown, every title cleaned, the title), the warning or None): cleaned of
    spin under `budget` ([title_spin] rules may backtrack: over it, the titles as published)."""
    raw = [a.title for a in sorted(members, key=article_order)]
    shown = _canonical_title(canonical.first.title, canonical.structure.title_heading)

    def cleaned():
        c_shown = clean_title(shown)
        titles = [t for r in raw if (t := clean_title(r))]
        return c_shown, titles, clean_title.telling(c_shown, titles, canonical.structure)
    published = [t for r in raw if (t := " ".join(r.split()))]
    shown = " ".join(shown.split())
    return budget.run("[title_spin]", "kb-" + canonical.key[:12], cleaned, (shown, published, shown),
                      members[0].path, "titles as published")


def _canonical_title(front_matter: str, heading: str) -> str:
    """The canonical article's front matter title, unless the heading its body opens with
    (the title its page shows) is worded apart from it: 59 of the sample's 6,248 files
    have a front matter title that is shorter ("Conquering WoW Glitch" over "... #519 Like
    a Pro") or names another article entirely; their heading says what the text is about."""
    return front_matter if not heading or same_title(heading, front_matter) else heading
