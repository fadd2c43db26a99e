"""Stage 4: group spun copies and near-duplicates into one entry per problem.

Needs every article at once (it compares them), so the runner calls it after the
per-article stages instead of streaming.

1. Exact groups: articles whose cleaned bodies are equal up to whitespace (and the spun
   title heading) share one body; it is structured once.
2. Near-duplicates among the distinct bodies: MinHash-LSH candidates (no all-pairs
   comparison), each verified section by section with rapidfuzz, and refused when the
   two differ by a repeated substitution of names or model numbers (template look-alikes).
3. Each cluster becomes one entry: sections and steps of the canonical body, with the
   other members' extra sections and steps inserted where they align, variants recorded.
"""
from __future__ import annotations

import hashlib
import re
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, islice

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .deadline import Budget
from .model import Article, Options, Structure
from .rules import Rules
from .kinds import KindClassifier
from .structure import same_title
from .titles import TitleChooser

_WORD = re.compile(r"\w+(?:[.\-']\w+)*")
_MASK = np.uint64(0xFFFFFFFF)
_MIX = np.uint64(0x100000001B3)  # FNV-64 prime
# Members of one cluster a body is verified against before it counts as a different problem.
REPS_TRIED = 3
# Clusters a body is verified against (the most similar first), and clusters an LSH bucket
# remembers (the first seen): template pages for a thousand products all share most bands
# and all differ, so without bounds each would be judged against every other (2,000 pages:
# 2.0M verdicts held and cached). With them the verdicts grow linearly with the bodies; a
# body's true near-duplicate still shares the bands its own words make, which no other
# template fills. (The variety corpus, 19k files, needs at most 7 of each.)
CLUSTERS_TRIED = 10
BUCKET_CLUSTERS = 32
# Sections (or steps) a section is compared with by fuzzy matching, either side of where
# it is expected: verifying and merging stay linear in the sections of a huge article, and
# bodies of up to this many sections are compared with every section, as before.
ALIGN_WINDOW = 100
# Characters of a text that fuzzy matching compares (rapidfuzz's cost is the product of
# the two lengths): two longer texts are judged by their openings and their lengths, so a
# huge headless section costs no more than this (the variety corpus's longest section has
# 31,905). And the characters a section or step is compared with in all, over the
# candidates its length does not rule out (the variety corpus needs 11,396 at most): with
# both, aligning a body of many long sections stays linear in its size.
FUZZY_CHARS = 40_000
ALIGN_CHARS = 60_000
# Words of each side that `_substitutions` aligns (its cost is the product of the two
# counts; the variety corpus's longest is 1,718): a template's swaps show in its first
# words as in the rest.
SUBST_WORDS = 10_000


class Group:
    """Articles sharing one cleaned body: its structure (or `load`, which gives it when
    first asked: a rebuild needs the structures of the clusters new articles join only),
    the MinHash `signature` of its text (computed in the workers), and `ident`, what the
    structure and the verdicts on the group depend on (its canonical title and body)."""

    def __init__(self, key: str, members: list[Article], structure: Structure | None = None, cleaned: str = "",
                 signature: np.ndarray | None = None, ident: str = "", load: Callable[[], Structure] | None = None):
        self.key, self.members, self.cleaned = key, members, cleaned
        self.signature, self.ident = signature, ident
        self._structure, self._load = structure, load

    @property
    def structure(self) -> Structure:
        if self._structure is None:
            self._structure = self._load()
        return self._structure

    @property
    def text(self) -> str:
        """The normalised body (computed when asked: a build keeps one copy of each body)."""
        return body_key(self.cleaned)[1]

    @cached_property
    def codes(self) -> frozenset[str]:
        """Model numbers and error codes in the title and headings."""
        return _codes(self)

    @property
    def first(self) -> Article:
        return min(self.members, key=article_order)


def article_order(a: Article):
    """The documented canonical order: earliest published first, then path."""
    return (a.date is None, a.date or "", a.path)


def body_key(cleaned: str) -> tuple[str, str]:
    """(key, normalised text) of a cleaned body: whitespace-insensitive and blind to the
    leading title heading, which spinning rewrites in every copy."""
    text = cleaned.lstrip()
    if text.startswith("#"):
        nl = text.find("\n")
        text = "" if nl < 0 else text[nl + 1:]
    norm = " ".join(text.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest(), norm


# ------------------------------------------------------------------ clustering

class Clusterer:
    def __init__(self, options: Options):
        self.o = options
        n = options.minhash_bands * options.minhash_rows
        rng = np.random.default_rng(20240827)  # fixed: signatures must be reproducible
        self.a = rng.integers(1, 2**32, size=n, dtype=np.uint64) | np.uint64(1)
        self.b = rng.integers(0, 2**32, size=n, dtype=np.uint64)
        self.a32, self.b32 = self.a.astype(np.uint32), self.b.astype(np.uint32)

    def signature(self, text: str) -> np.ndarray:
        """MinHash of the text's word k-shingles (words split at whitespace). Each word is
        hashed once (crc32) and a shingle's hash combines its k word hashes, so no shingle
        string is ever built."""
        # whitespace tokens (8x cheaper than a word regex); `text` is normalised (body_key),
        # so its words are split by single spaces, and are split as bytes: encoded once
        words = text.lower().encode("utf-8").split(b" ")
        h = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
        k = min(self.o.shingle_words, len(h))
        shingles = np.zeros(len(h) - k + 1, dtype=np.uint64)
        for j in range(k):  # polynomial in the word hashes, wrapping at 2**64
            shingles = shingles * _MIX + h[j:len(h) - k + 1 + j]
        shingles = ((shingles >> np.uint64(16)) & _MASK).astype(np.uint32)  # repeats leave the min alone
        # (a * x + b) mod 2**32 for each of the permutations: uint32 arithmetic wraps by itself
        m = np.multiply.outer(self.a32, shingles)
        m += self.b32[:, None]
        return m.min(axis=1).astype(np.uint64)

    def clusters(self, groups: Iterable[Group], verdicts: dict[str, str] | None = None) -> list[list[int]]:
        """Indexes of groups (into self.groups), clustered; deterministic for a given input.

        Groups are taken in order, as they come (the runner streams them from the workers,
        so clustering overlaps the structure stage); each is verified against the clusters
        that share an LSH band with it, through a few representatives per cluster (the most
        similar first), never against every member: families of near-identical bodies stay
        linear. self.seconds: time spent here, not waiting for the next group.

        `verdicts` (pair of group idents -> verdict) holds verdicts known from an earlier
        build; it is left holding exactly the verdicts this build needed."""
        known = verdicts if verdicts is not None else {}
        self.verdicts_used: set[str] = set()
        self.groups, self.stats, self.seconds = [], Counter(), 0.0
        self._parent: list[int] = []
        self._sigs: list[np.ndarray] = []
        self._reps: dict[bytes, list[int]] = {}  # LSH bucket -> one member per cluster seen in it
        r = self.o.minhash_rows
        bands = [(band.to_bytes(2, "little"), band * 8 * r) for band in range(self.o.minhash_bands)]
        for i, g in enumerate(groups):
            t0 = time.perf_counter()
            self._add(i, g, bands, known)
            self.seconds += time.perf_counter() - t0
        if verdicts is not None:  # keep only this build's verdicts
            for pair in [p for p in verdicts if p not in self.verdicts_used]:
                del verdicts[pair]
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.groups)):
            out[self._find(i)].append(i)
        return sorted(out.values(), key=lambda c: min(article_order(m) for k in c for m in self.groups[k].members))

    def _find(self, x: int) -> int:
        parent = self._parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _add(self, i: int, g: Group, bands: list[tuple[bytes, int]], known: dict[str, str]) -> None:
        """Group i joins the cluster of the first candidate verified the same problem."""
        o, find = self.o, self._find
        self.groups.append(g)
        self._parent.append(i)
        sig = np.asarray(self.signature(g.text) if g.signature is None else g.signature, dtype=np.uint64)
        self._sigs.append(sig)
        raw, w = sig.tobytes(), 8 * o.minhash_rows
        keys = [prefix + raw[k:k + w] for prefix, k in bands]
        near = sorted({j for key in keys for j in self._reps.get(key, ())})
        if near:
            est = (np.stack([self._sigs[j] for j in near]) == sig).mean(axis=1)
            by_root: dict[int, list] = defaultdict(list)
            for e, j in zip(est.tolist(), near):
                if e >= o.candidate_jaccard:
                    by_root[find(j)].append((-e, j))
            self.stats["candidates"] += sum(len(v) for v in by_root.values())
            for root in sorted(by_root, key=lambda x: min(by_root[x]))[:CLUSTERS_TRIED]:
                for _, j in sorted(by_root[root])[:REPS_TRIED]:
                    if find(i) == find(j):
                        break
                    verdict = self._verdict(g, self.groups[j], known)
                    self.stats[verdict] += 1
                    if verdict == "same":
                        self._parent[find(i)] = find(j)
                        break
        root = find(i)
        for key in keys:
            bucket = self._reps.setdefault(key, [])
            if len(bucket) < BUCKET_CLUSTERS and all(find(j) != root for j in bucket):
                bucket.append(i)

    def _verdict(self, a: Group, b: Group, known: dict[str, str]) -> str:
        """same_problem(a, b), from `known` when an earlier build judged the same pair."""
        if not (a.ident and b.ident):
            return same_problem(a, b, self.o)
        pair = a.ident + b.ident
        verdict = known.get(pair)
        if verdict is None:
            verdict = known[pair] = same_problem(a, b, self.o)
        self.verdicts_used.add(pair)
        return verdict


def same_problem(a: Group, b: Group, o: Options) -> str:
    """'same', 'different-text' or 'look-alike' for two distinct bodies.

    Text similarity alone cannot tell a spun copy from a template page for another product,
    so 'same' needs three things: most of the smaller article sits in sections that align
    (heading and body), the two name no different products or error codes in their titles
    and headings, and their texts do not differ by a repeated name/number swap.
    """
    sa, sb = a.structure.sections, b.structure.sections
    small, big = (sa, sb) if _size(sa) <= _size(sb) else (sb, sa)
    exact = {s.text for s in big if s.text}  # spun variants share most sections verbatim
    matched = sum(len(s.text) + len(s.heading) for i, s in enumerate(small)
                  if s.text in exact or _verified(s, i, big, o))
    if matched < o.same_problem_share * max(_size(small), 1):
        return "different-text"
    ca, cb = a.codes, b.codes
    if ca - cb and cb - ca:
        return "look-alike"
    shared = {(s.heading, s.text) for s in sa} & {(s.heading, s.text) for s in sb}
    if _substitutions(_rest(sa, shared), _rest(sb, shared)):
        return "look-alike"
    return "same"


def _rest(sections, shared) -> list[str]:
    """The words of the sections not found verbatim in the other body, in order: where
    any swap of names or numbers must be."""
    return list(chain.from_iterable(_words(s.heading, s.text) for s in sections if (s.heading, s.text) not in shared))


@lru_cache(maxsize=8192)
def _words(heading: str, text: str) -> tuple[str, ...]:
    """A section's words (cached: near-duplicate variants share most sections verbatim)."""
    return tuple(_WORD.findall(f"{heading}\n{text}"))


# Model numbers and error codes: tokens mixing letters and digits (M404, 0x80070005,
# KB5001330, Win11) or numbers of three or more digits that are not years (error 519).
_CODE = re.compile(r"\b(?:(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9][\w-]{2,}|(?!(?:19|20)\d\d\b)\d{3,})\b")


def _codes(g: Group) -> frozenset[str]:
    names = [g.first.title] + [s.heading for s in g.structure.sections]
    return frozenset(m.group(0).lower() for t in names for m in _CODE.finditer(t))


def _verified(section, at: int, candidates, o: Options) -> bool:
    """The section (at index `at` of its body) has a counterpart whose heading and body
    both match, or whose body matches closely (a reworded heading). Candidates near the
    same index are tried first: that is where a near-duplicate's counterpart usually is;
    at most 2 * ALIGN_WINDOW + 1 of them, and ALIGN_CHARS of their text (a huge body's
    check stays linear in its size)."""
    cutoff, spent = min(o.section_body_match, o.section_match), 0
    for k in islice(_nearest_first(at, len(candidates)), 2 * ALIGN_WINDOW + 1):
        c = candidates[k]
        if spent > ALIGN_CHARS:
            break
        spent += _cost(section.text, c.text, cutoff)
        text = _ratio(section.text, c.text, cutoff)
        if section.text and text >= o.section_match:
            return True
        if text < o.section_body_match:
            continue
        if section.heading == c.heading:
            return True
        if section.heading and c.heading:
            spent += min(len(c.heading), FUZZY_CHARS)
            if _ratio(section.heading.lower(), c.heading.lower()) >= o.section_match:
                return True
    return False


def _ratio(a: str, b: str, cutoff: float = 0.0) -> float:
    """fuzz.ratio(a, b, score_cutoff=cutoff) on at most FUZZY_CHARS of each text: two
    longer texts score as their openings do, and no more than their lengths allow."""
    if len(a) <= FUZZY_CHARS and len(b) <= FUZZY_CHARS:
        return fuzz.ratio(a, b, score_cutoff=cutoff)
    bound = _bound(a, b)
    if bound < cutoff:
        return 0.0
    return min(bound, fuzz.ratio(a[:FUZZY_CHARS], b[:FUZZY_CHARS], score_cutoff=cutoff))


def _bound(a: str, b: str) -> float:
    """The highest ratio two texts of these lengths can have."""
    return 200.0 * min(len(a), len(b)) / (len(a) + len(b)) if a or b else 100.0


def _cost(a: str, b: str, cutoff: float) -> int:
    """The characters of `b` a comparison with `a` reads (none when the lengths alone
    rule the cutoff out)."""
    return min(len(b), FUZZY_CHARS) if _bound(a, b) >= cutoff else 0


def _nearest_first(at: int, n: int):
    """0..n-1 by distance from `at`, the lower first of two as near: at, at-1, at+1, ..."""
    if 0 <= at < n:
        yield at
    for d in range(1, max(at + 1, n - at)):
        if 0 <= at - d < n:
            yield at - d
        if 0 <= at + d < n:
            yield at + d


def _size(sections) -> int:
    return sum(len(s.text) + len(s.heading) for s in sections)


@lru_cache(maxsize=65536)
def _identity(token: str) -> bool:
    return any(ch.isdigit() for ch in token) or token[:1].isupper()


def _substitutions(wa: list[str], wb: list[str]) -> bool:
    """True when two texts (as words) differ by the same name/number swap made more than
    once: the mark of pages generated from one template for different products."""
    swaps: Counter = Counter()
    words: Counter = Counter()  # one plain word for another ("webcam" for "fingerprint")
    wa, wb = wa[:SUBST_WORDS], wb[:SUBST_WORDS]
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(wa, wb).as_list():
        if tag != "replace":
            continue
        old, new = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
        olds = [w for w in wa[i1:i2] if _identity(w)]
        news = [w for w in wb[j1:j2] if _identity(w)]
        if olds and news and _ratio(old.lower(), new.lower()) < 80:
            swaps[(" ".join(olds).strip(".,:;!?"), " ".join(news).strip(".,:;!?"))] += 1
        elif (i2 - i1 == 1 and j2 - j1 == 1 and min(len(old), len(new)) >= 4 and old.isalpha() and new.isalpha()
              and _ratio(old.lower(), new.lower()) < 60):
            words[(old.lower(), new.lower())] += 1
    # a name or number swapped twice, or a device word swapped throughout (three times or
    # more): one template filled in for two products
    return any(n >= 2 for n in swaps.values()) or any(n >= 3 for n in words.values())


# --------------------------------------------------------------------- merging

@dataclass
class _Slot:
    """One merged section or step: the canonical version and where it came from."""

    item: object
    head: str  # the canonical item's heading (or title) and text, as aligned
    text: str
    sources: list[str] = field(default_factory=list)
    variants: dict[str, list[str]] = field(default_factory=dict)  # text -> sources

    def __post_init__(self):
        self.low = self.head.lower()
        self.norm = " ".join(self.text.split())


def _merge_lists(lists: list[tuple[list, list[str]]], key, o: Options) -> tuple[list[_Slot], dict[int, _Slot]]:
    """Union of several ordered lists; later lists' extra items are inserted after the
    item they follow. `key(item)` gives (heading, text) for alignment. Items of one list
    are different items even when they look alike (two "Step 1" under two methods): each
    aligns only with a slot that no item of its own list holds. Returns the slots, and
    the slot of every item (by id()).

    Linear-ish: an exact match (the usual case) is found through an index of the slots by
    heading (or text, for a slot without one), fuzzy matching looks only ALIGN_WINDOW
    slots either side of where the list has got to, and a list's new slots are put in
    place once the list is done."""
    slots: list[_Slot] = []
    placed: dict[int, _Slot] = {}
    by_key: dict[tuple, list[_Slot]] = {}  # exact key -> its slots, in slot order
    for items, sources in lists:
        pos = {id(s): k for k, s in enumerate(slots)}  # the slots before this list, in place
        last = -1  # (the position, among those, of the last slot this list's items held)
        held: set[int] = set()  # id() of the slots this list's items hold
        seen: dict[tuple, int] = {}  # exact key -> how many of its slots are held for sure
        new: list[tuple[int, _Slot]] = []  # this list's new slots, each after slots[position]
        for it in items:
            head, text = key(it)
            k = ("h", head.lower()) if head else ("t", text)
            slot = _exact(by_key.get(k, ()), held, seen, k)
            if slot is None:
                slot = _fuzzy(head, text, slots, last + 1, o, held)
            if slot is None:
                slot = _Slot(item=it, head=head, text=text, sources=list(sources))
                new.append((last, slot))
                by_key.setdefault(k, []).append(slot)  # (after every slot of its key: those are held)
            else:
                last = max(last, pos[id(slot)])
                slot.sources.extend(sources)
                if text != slot.text and " ".join(text.split()) != slot.norm:
                    slot.variants.setdefault(text, []).extend(sources)
            held.add(id(slot))
            placed[id(it)] = slot
        if new:
            slots = _interleave(slots, new)
    return slots, placed


def _exact(candidates: list[_Slot], held: set[int], seen: dict, k) -> _Slot | None:
    """The first slot of `candidates` (those a perfect score would align with) not in
    `held`. seen[k]: how many at its start are held (they stay held for the list)."""
    n = seen.get(k, 0)
    while n < len(candidates) and id(candidates[n]) in held:
        n += 1
    seen[k] = n
    return candidates[n] if n < len(candidates) else None


def _fuzzy(head, text, slots: list[_Slot], at: int, o: Options, held: set[int]) -> _Slot | None:
    """The best-matching slot (the first of the best) not in `held`, among those within
    ALIGN_WINDOW of position `at` (and ALIGN_CHARS of their text), or None."""
    low = head.lower()
    best, score, spent = None, 0.0, 0
    for slot in slots[max(0, at - ALIGN_WINDOW):at + ALIGN_WINDOW]:
        if id(slot) in held:
            continue
        if spent > ALIGN_CHARS:
            break
        if head and slot.head:
            spent += _cost(low, slot.low, o.section_match)
            s = _ratio(low, slot.low)
        elif not head and not slot.head:
            spent += _cost(text, slot.text, o.section_match)
            s = _ratio(text, slot.text, o.section_match)
        else:
            s = 0
        if s >= o.section_match and s > score:
            best, score = slot, s
    return best


def _interleave(slots: list[_Slot], new: list[tuple[int, _Slot]]) -> list[_Slot]:
    """The slots with each new one after slots[position] (-1: first), in the order given."""
    out = [s for p, s in new if p < 0]
    j = len(out)
    for k, slot in enumerate(slots):
        out.append(slot)
        while j < len(new) and new[j][0] == k:
            out.append(new[j][1])
            j += 1
    return out


# --------------------------------------------------------------------- entries

def _short(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


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
        t = " ".join(title.split())
        for _ in range(6):
            before = t
            for p in self.prefixes:
                t = p.sub("", t, count=1)
            for p in self.suffixes:
                t = p.sub("", t)
            t = t.strip(" ,:-–|")
            if t == before:
                break
        t = t or title.strip()
        # a plain word is capitalized ("in 2024, how to ..."); a file or brand name is as written
        first = t.split(" ", 1)[0].rstrip(",:;!?").replace("-", "")
        return t[:1].upper() + t[1:] if first.isalpha() and first.islower() else t


_TITLE_WORD = re.compile(r"[a-z0-9][a-z0-9]+")


def build_entries(groups: Iterable[Group], options: Options, rules: Rules, timings: dict | None = None,
                  verdicts: dict[str, str] | None = None, memo=None, notes: list[str] | None = None) -> tuple[list[dict], dict]:
    """Entries and consolidation stats from the groups (an iterable: consumed as it comes).
    `notes`, if given, gets a warning per entry whose title or kind ran out of budget.
    `timings`, if given, gets "consolidate": the seconds spent here, not waiting;
    `verdicts` is passed to Clusterer.clusters. `memo` (the cache: `entry(key)`,
    `put_entry(key, entry)`) holds entries made of the same clusters in earlier builds."""
    t0 = time.perf_counter()
    clusterer = Clusterer(options)
    clusters = clusterer.clusters(groups, verdicts)
    waited = time.perf_counter() - t0 - clusterer.seconds
    groups = clusterer.groups
    clean_title = TitleCleaner(rules)
    budget = Budget(options.file_seconds)
    entries, keys = [], []
    for cluster in clusters:
        members = [groups[k] for k in cluster]
        key = cluster_key(members) if memo is not None else None
        keys.append(key)
        entry = memo.entry(key) if key else None
        if entry is None:
            before = len(budget.notes)
            entry = _entry(members, options, clean_title, budget)
            if key and len(budget.notes) == before:  # (a fallback is the machine's load, not the input's)
                memo.put_entry(key, entry)
        entries.append(entry)
    entries = finish_entries(entries, rules, budget, memo, keys)
    if notes is not None:
        notes += budget.notes
    stats = {"distinct_bodies": len(groups), "clusters": len(clusters),
             "near_duplicate_candidates": clusterer.stats.get("candidates", 0),
             "merged_near_duplicates": clusterer.stats.get("same", 0),
             "look_alikes_kept_apart": clusterer.stats.get("look-alike", 0)}
    if timings is not None:
        timings["consolidate"] = time.perf_counter() - t0 - waited
    return entries, stats


def finish_entries(entries: list[dict], rules: Rules, budget: Budget | None = None, memo=None,
                   keys: list[str | None] = ()) -> list[dict]:
    """What an entry is read from the whole build, not its own cluster (so not memoized):
    each entry's title, the candidate that best names what its text is about, weighed
    against the other entries (titles.py; the title it replaces joins the alternates), and
    its `kind` (kinds.py, which learns what the build's labels mean). New dicts: the
    memoized records stay as they were. Each entry's title and kind run under `budget`
    (user rule regexes may backtrack): over it, the title stays, the kind is `other`, and
    the entry's first source gets a warning. `memo` (the cache: kind_scores, put_kind_scores)
    keeps each entry's own kind scores under its cluster key (`keys`), read once."""
    budget = budget or Budget(0)
    warned: dict[int, list[str]] = defaultdict(list)

    def bounded(group, k, fn, fallback, instead):
        value, note = budget.run(group, k, fn, fallback, entries[k]["sources"][0]["path"], instead)
        warned[k] += [note] if note else []
        return value
    kinds = _kinds(entries, rules, memo, keys, lambda k, classify: bounded("[page_kinds]", k, classify, "other",
                                                                          "kind `other`"))
    chooser = TitleChooser(rules.get("title_choice", "generic_words"), entries, rules.get("title_choice", "spin_patterns"),
                           memo)
    out = []
    for k, (e, kind) in enumerate(zip(entries, kinds)):
        title = bounded("[title_choice]", k, lambda: chooser.chosen(k, e), e["title"], "title it had")
        alternates = sorted((set(e["alternate_titles"]) | {e["title"]}) - {title})
        head = {"id": e["id"], "title": title, "alternate_titles": alternates, "kind": kind}
        out.append(head | {k: v for k, v in e.items() if k not in head} | _warned(e, warned.get(k)))
    return out


def _kinds(entries: list[dict], rules: Rules, memo, keys, each) -> list[str]:
    """KindClassifier.classify_all, with the entries' own scores kept in `memo` by cluster key."""
    keys = list(keys) if memo is not None and len(keys) == len(entries) else [None] * len(entries)
    known = [memo.kind_scores(k) if k else None for k in keys]
    fresh = {k for k, s in zip(keys, known) if k and s is None}
    kinds = KindClassifier(rules).classify_all(entries, each, known)
    for k, s in zip(keys, known):
        if k in fresh and s is not None:
            memo.put_kind_scores(k, s)
    return kinds


def _warned(entry: dict, notes: list[str] | None) -> dict:
    """{"sources": ...} with `notes` added to the first source's warnings (new dicts), or {}."""
    if not notes:
        return {}
    first = entry["sources"][0]
    return {"sources": [first | {"warnings": first["warnings"] + notes}] + entry["sources"][1:]}


def cluster_key(groups: list[Group]) -> str | None:
    """What a cluster's entry depends on, besides the code, rules and options (which key
    the whole cache): each group's body and canonical title (its ident) and its members'
    paths and file hashes (their titles, dates and removals follow from those). None when
    a group has no ident (built outside the runner)."""
    if not all(g.ident for g in groups):
        return None
    h = hashlib.sha256()
    for g in sorted(groups, key=lambda g: g.key):
        h.update(f"{g.key} {g.ident}\n".encode("ascii"))
        for a in sorted(g.members, key=lambda a: a.path):
            h.update(f"{a.sha256} {a.path}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def _entry(groups: list[Group], o: Options, clean_title, budget: Budget) -> dict:
    groups = sorted(groups, key=lambda g: article_order(g.first))
    canonical = groups[0]
    entry_id = "kb-" + canonical.key[:12]
    members = sorted((a for g in groups for a in g.members), key=lambda a: a.path)
    (shown, titles, title), note = _titles(canonical, members, clean_title, budget)
    # every other title, cleaned as the title is (each source keeps its raw `title`)
    alternates = sorted(set(titles) - {title} | ({shown} - {title}))
    sections, section_id = _merged_sections(entry_id, groups, o)
    sources = [_source(a) for a in members]
    return {
        "id": entry_id,
        "title": title,
        "alternate_titles": alternates,
        "summary": canonical.structure.summary,
        "categories": _labels(a.categories for a in sorted(members, key=article_order)),
        "tags": _labels(a.tags for a in sorted(members, key=article_order)),
        "sections": sections,
        "steps": _merged_steps(entry_id, groups, section_id, o),
        "causes": _merged_causes(groups),
        "sources": sources,
    } | _warned({"sources": sources}, [note] if note else None)


def _merged_sections(entry_id: str, groups: list[Group], o: Options) -> tuple[list[dict], Callable]:
    """The cluster's sections merged (the canonical body's, the others' extras where they
    align), and a function from any member's section to its merged section's id."""
    sec_lists = [(g.structure.sections, sorted(a.source_id for a in g.members)) for g in groups]
    sec_slots, placed = _merge_lists(sec_lists, lambda s: (s.heading, s.text), o)
    sec_ids = _ids(entry_id, "sec", [s.item.heading or "intro" for s in sec_slots])
    # parent links and steps' sections: any member's section -> the index of its merged slot
    slot_at = {id(slot): k for k, slot in enumerate(sec_slots)}

    def section_id(section) -> str:
        return sec_ids[slot_at[id(placed[id(section)])]]

    owner_of = {id(x): g for g in reversed(groups) for x in g.structure.sections}  # first owner wins
    sections = []
    for k, slot in enumerate(sec_slots):
        s = slot.item
        parent = None
        if s.parent is not None:
            parent = section_id(owner_of[id(s)].structure.sections[s.parent])
        sections.append({
            "id": sec_ids[k], "heading": s.heading, "level": s.level, "kind": s.kind,
            "parent": parent, "text": s.text, "sources": sorted(set(slot.sources)),
            "variants": _variants(slot),
        })
    return sections, section_id


def _merged_steps(entry_id: str, groups: list[Group], section_id: Callable, o: Options) -> list[dict]:
    step_lists = []
    for g in groups:
        srcs = sorted(a.source_id for a in g.members)
        step_lists.append(([(st, g) for st in g.structure.steps], srcs))
    step_slots, _ = _merge_lists(step_lists, lambda sg: (sg[0].title, sg[0].text), o)
    step_ids = _ids(entry_id, "step", [slot.item[0].title for slot in step_slots])
    steps = []
    for k, slot in enumerate(step_slots):
        st, g = slot.item
        steps.append({
            "id": step_ids[k], "order": k + 1, "title": st.title, "text": st.text,
            "instructions": st.instructions, "ui_paths": st.ui_paths, "shortcuts": st.shortcuts,
            "commands": st.commands, "images": st.images, "links": st.links,
            "promotional": st.promotional, "pitch": st.pitch, "section": section_id(g.structure.sections[st.section]),
            "sources": sorted(set(slot.sources)), "variants": _variants(slot),
        })
    return steps


def _merged_causes(groups: list[Group]) -> list[dict]:
    causes: dict[str, list[str]] = {}
    for g in groups:
        for c in g.structure.causes:
            causes.setdefault(c["text"], []).extend(a.source_id for a in g.members)
    return [{"text": t, "sources": sorted(set(s))} for t, s in causes.items()]


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


def _labels(lists) -> list[str]:
    """The members' front matter labels, each once (first spelling, earliest article first)."""
    seen = {}
    for labels in lists:
        for label in labels:
            seen.setdefault(label.lower(), label)
    return list(seen.values())


def _canonical_title(front_matter: str, heading: str) -> str:
    """The canonical article's front matter title, unless the heading its body opens with
    (the title its page shows) is worded apart from it: 59 of the sample's 6,248 files
    have a front matter title that is shorter ("Conquering WoW Glitch" over "... #519 Like
    a Pro") or names another article entirely; their heading says what the text is about."""
    return front_matter if not heading or same_title(heading, front_matter) else heading


def _variants(slot: _Slot) -> list[dict]:
    return [{"text": t, "sources": sorted(set(s))} for t, s in sorted(slot.variants.items())]


def _ids(entry_id: str, kind: str, names: list[str]) -> list[str]:
    out, seen = [], Counter()
    for name in names:
        base = f"{kind}-" + _short(entry_id, " ".join(name.lower().split()))[:8]
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _source(a: Article) -> dict:
    return {
        "id": a.source_id, "path": a.path, "title": a.title, "date": a.date, "sha256": a.sha256,
        "removed": a.removed, "warnings": a.warnings,
    }
