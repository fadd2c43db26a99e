"""Near-duplicates: MinHash-LSH candidates verified section by section; template look-alikes refused."""
from __future__ import annotations

import hashlib
import re
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from itertools import chain, islice

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..model import Article, Options, Structure
from ..unionfind import DisjointSets

# Scripts written without spaces between words (Thai, kana, CJK ideographs; Hangul, whose
# particles join a Latin name: "MP4를"): a run of them is a word of its own, so a name
# written next to them ("WAVファイルの追加" / "FLACファイルの追加") is a word its template's
# swap check can see; a whole run read as one word hid it, and two such pages, one
# template for other formats, were judged the same page.
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"

_WORD = re.compile(f"[{_UNSPACED}]+|[^\\W{_UNSPACED}]+(?:[.\\-'][^\\W{_UNSPACED}]+)*")

_MASK = np.uint64(0xFFFFFFFF)

_MIX = np.uint64(0x100000001B3)  # FNV-64 prime

# Candidates a body keeps (the most similar first: CANDIDATES_KEPT), of which it has
# verified, in each of up to ROUNDS rounds, the most similar in each of TOP_CANDIDATES
# clusters other than its own; and groups an LSH bucket offers (the first by rank):
# template pages for a thousand products all share most bands and all differ, so without
# bounds each would be judged against every other (2,000 pages: 2.0M verdicts held and
# cached). With them the verdicts grow linearly with the bodies; a body's true
# near-duplicate still shares the bands its own words make, which no other template fills.
# Rounds by cluster, not one pass over the most similar bodies: a family of spun variants
# of one page has look-alikes (the same page for other products) more similar to each
# variant than the variants are to each other.
TOP_CANDIDATES = 10

CANDIDATES_KEPT = 30

ROUNDS = 3

BUCKET_MEMBERS = 32

KEY_CHARS = 32  # a group's ident (cache.structure_key), as `near` concatenates them

# Candidate pairs whose signatures are compared at once (candidate_pairs): each pair copies
# its two signatures' rows (2 KB), so all pairs at once were a transient of 2 KB a pair, up
# to CANDIDATES_KEPT pairs per distinct body: the client's peak (30k synthetic articles,
# 117,643 pairs: 604 -> 417 MB; 100k, 468,526 pairs: ~0.9 GB of the 1.9 GB peak). 1,024 pairs
# (2 MB of rows): offered_candidates' ranges hold about as much again.
PAIR_CHUNK = 1024

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
    """Articles sharing one cleaned body: its structure (or `load`, which gives it each time
    it is asked: the group does not hold it, so consolidation holds only the structures of
    the pair it verifies or the cluster it merges, not the corpus's; a rebuild reads those of
    the clusters new articles join only), the MinHash `signature` of its text (computed in
    the workers), and `ident`, what the structure and the verdicts on the group depend on
    (its canonical title and body). `late`: its body's chrome stripping ran over the per-file
    budget (the machine's load, not the input's: its entry, which carries the warning, is not
    kept for a later build)."""

    def __init__(self, key: str, members: list[Article], structure: Structure | None = None, cleaned: str = "",
                 signature: np.ndarray | None = None, ident: str = "", load: Callable[[], Structure] | None = None,
                 late: bool = False):
        self.key, self.members, self.cleaned = key, members, cleaned
        self.signature, self.ident, self.late = signature, ident, late
        self._structure, self._load, self._held = structure, load, None

    @property
    def structure(self) -> Structure:
        if self._structure is not None:
            return self._structure
        return self._held if self._held is not None else self._load()

    def hold(self) -> None:
        """Keep the structure `load` gives until `release` (a merge needs one object
        throughout: it maps sections by identity)."""
        if self._structure is None:
            self._held = self._load()

    def release(self) -> None:
        self._held = None

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

    def band_keys(self, sig: np.ndarray) -> list[bytes]:
        """The LSH buckets of a signature: one per band (band number + its rows)."""
        raw, w = np.asarray(sig, dtype=np.uint64).tobytes(), 8 * self.o.minhash_rows
        return [band.to_bytes(2, "little") + raw[band * w:(band + 1) * w] for band in range(self.o.minhash_bands)]

    def clusters(self, groups: Iterable[Group], verdicts: dict[str, str] | None = None,
                 near: dict[str, str] | None = None,
                 signature_of: Callable[[str], np.ndarray | None] | None = None,
                 offers: Callable | None = None) -> list[list[int]]:
        """Indexes of groups (into self.groups), clustered; the clusters (and the order of
        their members: by key) do not depend on the order the groups come in.

        The groups' signatures are gathered into one matrix as they come (the runner streams
        them from the workers); then its bands are indexed (band_offers) and each group's
        candidates are the groups sharing a bucket with it whose estimated Jaccard reaches
        the threshold, of which it keeps the CANDIDATES_KEPT most similar (ties: by rank;
        candidate_pairs); pairs of those are verified in rounds (_join), and the
        clusters are the connected components of the pairs verified the same problem (a
        pair already connected is not verified: it could not change the components).
        Families of near-identical bodies stay linear. self.seconds: time spent here, not
        waiting for the next group.

        `verdicts` (pair of group idents -> verdict) holds verdicts known from an earlier
        build; it is left holding exactly the verdicts this build needed. `near` (group
        ident -> its kept candidates' idents, concatenated) likewise: the candidates of a
        group none of whose buckets changed are taken from it, not recomputed
        (`signature_of` gives a past group's signature: the buckets it leaves).

        `offers` (an engine's: `offers(rank, rows, bands)` gives band_offers' arrays for
        the bands, computed elsewhere) shuffles the LSH index out of this process when no
        earlier build's candidates are kept (`near` empty)."""
        known = verdicts if verdicts is not None else {}
        self.verdicts_used: set[str] = set()
        self.groups, self.stats, self.seconds = [], Counter(), 0.0
        shuffle = offers is not None and not near
        rows = bytearray()  # (the signatures, one after the other: one matrix)
        for g in groups:
            t0 = time.perf_counter()
            self.groups.append(g)
            sig = np.asarray(self.signature(g.text) if g.signature is None else g.signature, dtype=np.uint64)
            rows += sig.tobytes()
            g.signature = None  # (the matrix holds it)
            self.seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        rank = _ranks(self.groups)
        r, width = self.o.minhash_rows, self.o.minhash_bands * self.o.minhash_rows
        sig = np.frombuffer(rows, dtype=np.uint64).reshape(-1, width)
        bands = [sig[:, b:b + r] for b in range(0, width, r)]
        index = self._index(sig) if near else None
        kept = self._kept(near, *index, signature_of) if near else {}
        if shuffle:
            waited = time.perf_counter()
            found = offers(np.array(rank, dtype=np.int64), r, bands)
            t0 += time.perf_counter() - waited  # (the workers' time, not this process's)
        elif kept:  # only the groups whose candidates are not kept need offers: read from `index`
            found = bucket_offers([i for i in range(len(rank)) if i not in kept], *index, rank)
        else:
            found = band_offers(np.array(rank, dtype=np.int64), r, bands)
        pairs, top = candidate_pairs(sig, found, rank, self.o, kept)
        if near is not None:
            near.clear()
            near.update((self.groups[i].ident, "".join(self.groups[j].ident for j in js)) for i, js in top.items())
        self.stats["candidates"] = len(pairs)
        root = self._join(top, pairs, rank, known)
        _words.cache_clear()  # (the verdicts' memo holds sections' texts: the merges do not read it)
        _SPELLED.clear()
        if verdicts is not None:  # keep only this build's verdicts
            for pair in [p for p in verdicts if p not in self.verdicts_used]:
                del verdicts[pair]
        out: dict[int, list[int]] = defaultdict(list)
        for i in sorted(range(len(self.groups)), key=lambda i: (self.groups[i].key, rank[i])):
            out[root(i)].append(i)
        self.seconds += time.perf_counter() - t0
        return sorted(out.values(), key=lambda c: min(article_order(m) for k in c for m in self.groups[k].members))

    def _index(self, sig: np.ndarray) -> tuple[dict[bytes, list[int]], list[list[bytes]]]:
        """The LSH buckets (bucket -> its groups) and each group's buckets, of the
        signatures' rows: what `_kept` compares with an earlier build's."""
        keys = [self.band_keys(row) for row in sig]
        buckets: dict[bytes, list[int]] = defaultdict(list)
        for i, ks in enumerate(keys):
            for key in ks:
                buckets[key].append(i)
        return buckets, keys

    def _kept(self, near: dict[str, str], buckets: dict[bytes, list[int]], keys: list[list[bytes]],
              signature_of) -> dict[int, list[int]]:
        """The groups whose candidates `near` (an earlier build's) still holds: every group
        but the new ones and the members of the buckets whose offer changed (a group came or
        went); {} when a group has no ident, two share one, or a past group's signature is unknown."""
        at = {g.ident: i for i, g in enumerate(self.groups)}
        if "" in at or signature_of is None or len(at) < len(self.groups):
            return {}  # (two groups of one ident: their kept candidates could not be told apart)
        changed: dict[bytes, list[str]] = defaultdict(list)  # bucket -> the past groups it lost
        for ident in near.keys() - at.keys():
            past = signature_of(ident)
            if past is None:
                return {}
            for key in self.band_keys(past):
                changed[key].append(ident)
        new = [i for ident, i in at.items() if ident not in near]
        for i in new:
            for key in keys[i]:
                changed.setdefault(key, [])
        touched = set(new)
        for key, lost in changed.items():
            members = buckets.get(key, [])
            if len(members) + len(lost) > 1 and _offer_changed(members, lost, self.groups, near):
                touched.update(members)
        kept = {}
        for ident, i in at.items():
            js = near.get(ident)
            if i not in touched and js is not None:
                idx = [at.get(js[k:k + KEY_CHARS]) for k in range(0, len(js), KEY_CHARS)]
                if None not in idx:
                    kept[i] = idx
        return kept

    def _join(self, top: dict[int, list[int]], est: dict[tuple[int, int], float], rank: list[int],
              known: dict[str, str]):
        """Union-find over candidate pairs verified the same problem, in rounds: in each,
        every group picks its most similar candidate in each of up to TOP_CANDIDATES other
        clusters (as the last round left them; a pair once picked is not picked again; after
        the first, only groups whose cluster or a candidate's grew), and the picks are
        verified the most similar first (ties: by rank), a pair already connected skipped.
        What a round picks depends on the clusters, not on any order the groups came in.
        Returns the find function."""
        sets, picked, active = DisjointSets(len(rank)), set(), top
        for _ in range(ROUNDS):
            pairs = set()
            for i, js in active.items():
                seen = {sets.find(i)}
                for j in js:
                    pair, root = ((i, j) if rank[i] < rank[j] else (j, i)), sets.find(j)
                    if root not in seen and pair not in picked:
                        seen.add(root)
                        pairs.add(pair)
                        if len(seen) > TOP_CANDIDATES:
                            break
            picked |= pairs
            joined = set()
            for i, j in sorted(pairs, key=lambda p: (-est[p], rank[p[0]], rank[p[1]])):
                if sets.find(i) != sets.find(j):
                    verdict = self._verdict(self.groups[i], self.groups[j], known)
                    self.stats[verdict] += 1
                    if verdict == "same":
                        sets.join(i, j)
                        joined.add(i)
            # the next round: groups whose cluster, or a candidate's, grew in this one
            grown = {sets.find(i) for i in joined}
            active = {i: js for i, js in top.items() if sets.find(i) in grown or any(sets.find(j) in grown for j in js)}
            if not active:
                break
        return sets.find

    def _verdict(self, a: Group, b: Group, known: dict[str, str]) -> str:
        """same_problem(a, b), from `known` when an earlier build judged the same pair."""
        pair = a.ident + b.ident if a.ident and b.ident else None
        verdict = known.get(pair) if pair else None
        if verdict is None:
            a.hold()  # (read once for the verdict, its codes too)
            b.hold()
            try:
                verdict = same_problem(a, b, self.o)
            finally:
                a.release()
                b.release()
        if pair:
            known[pair] = verdict
            self.verdicts_used.add(pair)
        return verdict


def _ranks(groups: list[Group]) -> list[int]:
    """Each group's place in the canonical order: by ident (what a later build can compare
    a past group by), by key when groups have none."""
    order = sorted(range(len(groups)), key=lambda i: (groups[i].ident, groups[i].key, i))
    rank = [0] * len(order)
    for r, i in enumerate(order):
        rank[i] = r
    return rank


def _offer_changed(members: list[int], lost: list[str], groups: list[Group], near: dict[str, str]) -> bool:
    """Whether a bucket now holding `members`, and before them the past groups `lost`,
    offers other groups than it did: any change when it offers all its members, a change
    in the first BUCKET_MEMBERS (by ident) when it offers only those."""
    now = [groups[i].ident for i in members]
    before = [k for k in now if k in near] + lost
    if len(now) <= BUCKET_MEMBERS and len(before) <= BUCKET_MEMBERS:
        return len(before) != len(now) or bool(lost)
    return sorted(now)[:BUCKET_MEMBERS] != sorted(before)[:BUCKET_MEMBERS]


def candidate_pairs(sigs: np.ndarray, offers: list[np.ndarray], rank: list[int], o: Options,
                    kept: dict[int, list[int]]) -> tuple[dict[tuple[int, int], float], dict[int, list[int]]]:
    """Candidate pairs (i, j), i before j by rank, with their estimated Jaccard, and each
    group's kept candidates: those `kept` gives (an earlier build's, whose buckets offer
    what they did), else the CANDIDATES_KEPT most similar of the groups its buckets offer
    it (`offers`: band_offers' arrays, made here or on an engine's workers), at least
    o.candidate_jaccard (offered_candidates)."""
    top = offered_candidates(sigs, offers, rank, o, skip=kept)
    for i, js in kept.items():
        top[i] = js
    return estimated_pairs(sigs, top, rank), top


def estimated_pairs(sigs: np.ndarray, top: dict[int, list[int]], rank) -> dict[tuple[int, int], float]:
    """The candidate pairs of `top` (each group's kept candidates), i before j by rank,
    with their estimated Jaccard."""
    pairs = sorted({(i, j) if rank[i] < rank[j] else (j, i) for i, js in top.items() for j in js})
    estimates: list[float] = []
    for k in range(0, len(pairs), PAIR_CHUNK):  # (the same values as all at once: each row's mean is its own)
        a, b = np.array(pairs[k:k + PAIR_CHUNK]).T
        estimates += (sigs[a] == sigs[b]).mean(axis=1).tolist()
    return dict(zip(pairs, estimates))


def band_offers(rank: np.ndarray, rows: int, bands: list[np.ndarray]) -> list[np.ndarray]:
    """The LSH index of some bands (all of them in this process; on an engine's workers, a
    few bands a task: runner._by_band): each band is every group's `rows` values of it (a
    matrix of one row per group), its buckets the groups with equal values. A bucket offers
    its members to each other: all of them or, holding more than BUCKET_MEMBERS (a template
    family), its first BUCKET_MEMBERS by rank, so that each group's work stays bounded (a
    true near-duplicate still shares the bands its own words make). Returns the pairs
    offered, as one sorted array of codes i * n + j (group i is offered group j)."""
    n = len(rank)  # (a band at a time: its buckets and codes are not all held together)
    found = [range_offers(band_buckets(rank, rows, [band]), n, [(0, n)])[0][1] for band in bands]
    return [np.unique(np.concatenate([_NONE, *found]))]


def band_buckets(rank: np.ndarray, rows: int, bands: list[np.ndarray]) -> list[tuple[np.ndarray, ...]]:
    """Each band's buckets (band_offers): its groups ordered by bucket, then by rank, and for
    each group where its bucket starts in that order and how many it holds. 16 bytes a group
    a band: what a band task of the Dask engine keeps on a worker for the tasks that read its
    offers a range of groups at a time (range_offers), each reading only its range's slice."""
    n = len(rank)
    at = np.int32 if n < 1 << 31 else np.int64  # (positions in `order`)
    out = []
    for band in bands:
        values = np.ascontiguousarray(band, dtype=np.uint64)
        _, bucket = np.unique(values.view(f"V{8 * values.shape[1]}").ravel(), return_inverse=True)
        bucket = bucket.ravel()  # (buckets 0, 1, ... in the order lexsort puts them)
        order = np.lexsort((rank, bucket))  # by bucket, then by rank
        sizes = np.bincount(bucket)
        starts = np.cumsum(sizes) - sizes
        out.append((order, starts[bucket].astype(at), sizes[bucket].astype(at)))
    return out


def range_offers(buckets: list[tuple[np.ndarray, ...]], n: int,
                 spans: list[tuple[int, int]]) -> list[tuple[tuple[int, int], np.ndarray]]:
    """The pairs the bands of `buckets` (band_buckets') offer to the groups lo <= i < hi, for
    each span (lo, hi) of `spans`: band_offers' codes of those groups, as (span, a sorted
    array). Each group is offered at most BUCKET_MEMBERS groups a band, and a span reads
    only its groups' slice of the buckets, so what it makes is bounded by the span
    (offer_spans), not by the corpus: the whole of a band's offers held at once, each of
    them repeated over its bucket, grew with the corpus's template families (100k synthetic
    articles: a Dask worker's peak 119 -> 197 MB in the band tasks), and so did arrays over
    every group of the band made to pick a span's (2.4 MB a task at 100k bodies, 24 at 1M)."""
    out = []
    for lo, hi in spans:
        found = [_NONE]
        for order, start, size in buckets:
            at = np.flatnonzero(size[lo:hi] > 1)
            shown = np.minimum(size[lo:hi][at], BUCKET_MEMBERS)  # each member with its bucket's first BUCKET_MEMBERS
            offered = order[_ragged(start[lo:hi][at], shown)]
            member = np.repeat(at + lo, shown)
            other = member != offered
            found.append(member[other] * n + offered[other])
        out.append(((lo, hi), np.unique(np.concatenate(found))))
    return out


# Codes a band task of an engine's workers (range_offers over offer_spans' span) makes at
# most: 2 MB an array, of which the task holds a few at once
BAND_TASK_CODES = 1 << 18


def offer_spans(n: int, bands: int) -> list[tuple[int, int]]:
    """Ranges of groups, in order, whose offers in `bands` bands (range_offers) are at most
    BAND_TASK_CODES codes, whatever the buckets: a group is offered at most BUCKET_MEMBERS
    groups a band."""
    step = max(1, BAND_TASK_CODES // (BUCKET_MEMBERS * max(1, bands)))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]


def offer_union(parts: Iterable[tuple[tuple[int, int], np.ndarray]], spans: list[tuple[int, int]]) -> list[np.ndarray]:
    """range_offers' (span, codes) for the spans of `spans` (offer_spans': disjoint, in
    order), from a few bands each (an engine's tasks'), folded into each span's union as
    they come, then joined end to end: band_offers' one sorted array. A pair of
    near-duplicates shares many bands, so the tasks offer it many times (10k articles:
    423,744 codes sent, 42,169 pairs), and the build's process holds the union, not every
    task's array; and one array, not one a span: offered_candidates makes a table over the
    corpus for each array it reads (a span's 4,096 bodies of 1M: 245 of them, 3.9 GB)."""
    k = {span: i for i, span in enumerate(spans)}
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
        raise ValueError("offer_union: spans that overlap or are out of order")
    found = [_NONE] * len(spans)
    for span, codes in parts:
        i = k[tuple(span)]  # (each task's array says its span: KeyError for one that is not there)
        found[i] = np.union1d(found[i], codes)
    return [np.concatenate([_NONE, *found])]


def bucket_offers(groups: list[int], buckets: dict[bytes, list[int]], keys: list[list[bytes]],
                  rank: list[int]) -> list[np.ndarray]:
    """band_offers' pairs offered to `groups` only, read from the LSH index Clusterer._index
    made (each bucket's members, each group's buckets), as band_offers' one sorted array of
    codes i * n + j (group i is offered group j): a rebuild keeps most groups' candidates
    (Clusterer._kept) and needs the offers of the others only, not every band's pairs made
    again (30k articles, +1%: 0.8 s of CPU for all 7,424 bodies, to give offers to 3,364)."""
    n = len(rank)
    shown: dict[bytes, np.ndarray] = {}  # bucket -> the members it offers: its first BUCKET_MEMBERS by rank
    found = [_NONE]
    for i in groups:
        offered = []
        for key in keys[i]:
            first = shown.get(key)
            if first is None:
                members = buckets[key]
                first = shown[key] = (np.array(sorted(members, key=rank.__getitem__)[:BUCKET_MEMBERS], np.int64)
                                      if len(members) > 1 else _NONE)
            offered.append(first)
        js = np.unique(np.concatenate(offered))
        found.append(i * n + js[js != i])
    return [np.unique(np.concatenate(found))]


_NONE = np.zeros(0, np.int64)


def _ragged(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """start, start + 1, ..., start + count - 1 of each (start, count), one after the other."""
    ends = np.cumsum(counts)
    return np.repeat(starts - ends + counts, counts) + np.arange(ends[-1] if len(ends) else 0)


def offered_candidates(sigs: np.ndarray, offers: list[np.ndarray], rank: list[int], o: Options,
                       skip=()) -> dict[int, list[int]]:
    """Each group's kept candidates from the pairs the bands offer (band_offers' arrays,
    each sorted, each band in one of them): of the groups offered to group i, the
    CANDIDATES_KEPT most similar, at least o.candidate_jaccard (ties by rank); none for the
    groups in `skip`. A range of groups at a time (their offers, about OFFER_CHUNK codes, are
    one slice of each array: codes i * n + j are sorted by i), so what the estimates and the
    sort hold is bounded, not a few copies of every offered pair (100k articles: 11.4M)."""
    n = len(sigs)
    top: dict[int, list[int]] = {i: [] for i in range(n)}
    ranks = np.asarray(rank, dtype=np.int64)
    skipped = np.fromiter(skip, np.int64, len(skip))
    # codes offered to the groups before each group, summed over the arrays (a range's slices)
    starts = [np.searchsorted(x, np.arange(n + 1, dtype=np.int64) * n) for x in offers]
    before = np.sum(starts, axis=0) if starts else np.zeros(n + 1, np.int64)
    lo = 0
    while lo < n:
        hi = max(lo + 1, int(np.searchsorted(before, before[lo] + OFFER_CHUNK, side="right")) - 1)
        codes = np.unique(np.concatenate([_NONE, *(x[s[lo]:s[hi]] for x, s in zip(offers, starts))]))
        if len(skipped):
            codes = codes[~np.isin(codes // n, skipped)]
        _keep(sigs, codes, ranks, o, top)
        lo = hi
    return top


# Offered pairs (codes) a range of offered_candidates holds: a few arrays of this length
OFFER_CHUNK = 1 << 14


def _keep(sigs: np.ndarray, codes: np.ndarray, ranks: np.ndarray, o: Options, top: dict[int, list[int]]) -> None:
    """offered_candidates' rule for the pairs `codes` (all the offers of the groups they
    offer to): each group's CANDIDATES_KEPT most similar, at least the threshold, into `top`."""
    n = len(sigs)
    est = np.empty(len(codes))
    for k in range(0, len(codes), PAIR_CHUNK):  # (each row's mean is its own: the same values)
        a, b = np.divmod(codes[k:k + PAIR_CHUNK], n)
        est[k:k + PAIR_CHUNK] = (sigs[a] == sigs[b]).mean(axis=1)
    close = est >= o.candidate_jaccard
    a, b = np.divmod(codes[close], n)
    est = est[close]
    order = np.lexsort((ranks[b], -est, a))  # each group's offers, the most similar first
    a, b = a[order], b[order]
    first = np.searchsorted(a, a)  # (where each group's offers start)
    keep = np.arange(len(a)) - first < CANDIDATES_KEPT
    for i, j in zip(a[keep].tolist(), b[keep].tolist()):
        top[i].append(j)


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
    """A section's words (cached: near-duplicate variants share most sections verbatim;
    88% of the calls at 10k synthetic articles), each distinct word one object (`_SPELLED`):
    a word a string of its own was 60 bytes a word, the cache's 5,731 sections 55 MB of the
    client's memory at 10k, which the process kept after the cache was cleared. (Not
    sys.intern: from Python 3.12 an interned string is never freed.)"""
    return tuple(_SPELLED.setdefault(w, w) for w in _WORD.findall(f"{heading}\n{text}"))


_SPELLED: dict[str, str] = {}  # each word `_words` has read -> its one object; cleared with `_words`' cache

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
