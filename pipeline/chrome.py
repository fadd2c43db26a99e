"""Site chrome over a build's distinct bodies (boilerplate.py), memoised through the cache.

Which lines are chrome is learned from every distinct body of the build, so a build used
to read every body again, however few had changed (at 10k articles, 9 s of a 26 s rebuild
with nothing changed). What it needs of each body is kept in the cache instead: its line
keys (what boilerplate counts across bodies, and which of them are long lines), the farm
networks it links to many hosts of and every domain it links to, and, keyed by the body, its
last verdict (the lines and links it lost and the hash of what was left) with every key its
stripping asked the build's repeated lines about and their answers (`Asked`: not only the
body's own keys, e.g. each part of a credit line) and the domains the build found to be networks
(boilerplate.Boilerplate.strip and clean.unlink_network depend on nothing else). A rebuild reads a
body only when this build's repeated lines answer one of those keys otherwise, its networks
differ, or its structure is not cached: the same result, bodies read or not; what else moved
among the repeated keys is never looked at.

What is read of each body, and its stripping, runs under the per-file budget (deadline.Budget,
as an entry's title and kind do: this runs in the build's own process, outside the workers'
budget): a body over it (a hostile one, or a user rule that backtracks) counts for no line,
keeps its chrome and gets a warning naming its file; nothing learnt in such a build is cached.
"""
from __future__ import annotations

from collections import Counter

import numpy as np

from .boilerplate import KEY, Boilerplate, among_each, packed
from .cache import KEY_LEN, ArticleCache, StaleCache, scratch_lost, sha, structure_key
from .deadline import Budget
from .clean import linked_domains, network_domains, unlink_network
from .products import Products, mentioned, with_linked
from .rules import Rules


class Asked:
    """A set of line keys that keeps what it was asked: the keys asked about that it held
    (`yes`) and those it did not (`no`). A body's stripping asks the build's repeated lines
    only whether they hold a key (boilerplate.Boilerplate.strip_marked, labels), so a later
    build whose repeated lines answer those same questions alike strips the body alike, however
    its other keys moved (SiteChrome._unmoved). Anything else asked of it fails loudly."""

    __slots__ = ("keys", "yes", "no")

    def __init__(self, keys: set[bytes] | frozenset[bytes]):
        self.keys, self.yes, self.no = keys, set(), set()

    def __contains__(self, k) -> bool:
        if k is None:
            return False
        if not isinstance(k, bytes) or len(k) != KEY.itemsize:
            raise TypeError(f"a line key is {KEY.itemsize} bytes, not {k!r}")
        if k in self.keys:
            self.yes.add(k)
            return True
        self.no.add(k)
        return False

    def __bool__(self):
        raise TypeError("ask the repeated lines whether they hold a key, nothing else")

    def asked(self) -> list[str]:
        return [packed(self.yes).hex(), packed(self.no).hex()]

    @staticmethod
    def alike(asked: list[str], keys: set[bytes] | frozenset[bytes]) -> bool:
        """`keys` answer what `asked` records (Asked.asked) as it was answered."""
        yes, no = (bytes.fromhex(h) for h in asked)
        return (all(yes[j:j + 8] in keys for j in range(0, len(yes), 8))
                and not any(no[j:j + 8] in keys for j in range(0, len(no), 8)))


class SiteChrome:
    """`firsts`: (canonical Article, its cache record) per distinct body; `bodies`: each
    body's text where the build has it in hand, else None (read from the cache if needed);
    `seconds`: the per-file budget (0: none); `lost`: each body's record of lost links, read
    from all its copies (runner._Resolver.lost; by default the canonical article's record's).

    No body's text stays here once it has been read: learning reads every body and keeps
    only its line keys (and of those, after learning, only the repeated ones: all a verdict
    asks), a body is read again from the store to be stripped, and what stripping leaves goes
    to a scratch store until its structure task takes it (`body`). A cache that outlives the
    build is not given those texts (they would stay in its pack): there they are held here
    until taken. At 10k articles the texts were 30 MB and the line keys 10 MB of the client,
    growing with the distinct bodies."""

    GROUP, INSTEAD = "[boilerplate]", "body with its site chrome"

    def __init__(self, rules: Rules, cache: ArticleCache, firsts: list, bodies: list[str | None],
                 seconds: float = 0, lost: list[tuple[str, ...]] | None = None):
        self.boiler = Boilerplate(rules)
        self.products = Products(rules)
        self.sold: tuple[str, ...] = ()  # the products the build learnt (products.Products.learnt)
        self.named: list[tuple[str, ...]] = [()] * len(firsts)  # those each body names (verdict)
        self.labels: list[tuple[str, ...]] = [()] * len(firsts)  # each body's template labels (verdict)
        self.cache, self.firsts, self.bodies = cache, firsts, bodies
        # body i without its chrome, until its structure task takes it: the sha256 it is
        # stored under (None: stripping left it as it was, read it as it is), or `held`'s
        self.left: dict[int, str | None] = {}
        self.held: dict[int, str] = {}
        self.lost = lost if lost is not None else [tuple(rec.get("lost", ())) for _, rec in firsts]
        self.units = [sha(f"units\0{rec['head']}\0{rec['body']}\0{chr(0).join(rec['linked'])}"
                          f"\0{chr(0).join(lost)}")[:KEY_LEN]
                      for (_, rec), lost in zip(firsts, self.lost)]
        self.rules, self.learnt = rules, False
        self.budget = Budget(seconds, strikes=None)  # (a body over it costs itself: big ones are slow, not hostile)
        self.late: dict[int, str] = {}  # body i over the budget -> its warning (it keeps its chrome)
        self.unlearnt = False  # a body's keys were over the budget: what the build learnt is not cached
        # the build's distinct bodies, all of them: what each verdict depends on besides its body
        self.build = sha("build\0" + "".join(self.units))[:KEY_LEN]

    def _learn(self) -> None:
        """What is learnt over every body of the build (once, and only if a verdict is not
        cached under the same bodies): each body's keys and domains, the repeated lines,
        the farms' networks."""
        if self.learnt:
            return
        self.learnt = True
        found = [self._found(i) for i in range(len(self.firsts))]
        self.repeated = self.boiler.repeated_in([(keys, long) for keys, long, *_ in found])
        self.sold = self.products.learnt([f[4] | set(rec["linked"]) for f, (_, rec) in zip(found, self.firsts)],
                                         [art.title for art, _ in self.firsts])
        # the farms' networks of the build: the domains that network_pages distinct bodies or
        # more each link to network_hosts hosts of
        pages = Counter(d for f in found for d in f[2])
        min_pages = int(self.rules.get("affiliate_hosts", "network_pages")[0])
        self.networks = frozenset(d for d, n in pages.items() if n >= min_pages)
        # what a verdict reads of each body (_verdict): its repeated lines (packed), its networks
        repeated = np.frombuffer(packed(self.repeated), KEY)
        self.repeats = among_each([keys for keys, *_ in found], repeated)
        self.nets = [self.networks & f[3] for f in found]

    def _body(self, i: int) -> str:
        """Body i as cleaned: in hand, else read from the cache (not kept)."""
        body = self.bodies[i] if self.bodies[i] is not None else self.cache.body(self.firsts[i][1])
        if body is None:
            scratch_lost(self.cache, None, "a body")
            raise StaleCache(self.cache.notes + ["the cache listed a body it could not give back; "
                                                 "it was ignored and rebuilt"])
        return body

    def _found(self, i: int) -> tuple[bytes, bytes, set[str], set[str], set[str]]:
        """Body i's line keys and its long lines' keys (each `packed`: every body's are held
        at once while the build learns), the domains it links to network_hosts hosts of,
        every domain it links to, and the names it sells."""
        got = self.cache.units(self.units[i])
        if got is None:
            body = self._body(i)

            def read():
                keys, long = self.boiler.line_keys(body)
                return (packed(keys), packed(long), network_domains(body, self.boiler.network_hosts), linked_domains(body),
                        self.products.sold_in(body))
            got = self._bounded(i, read, None)
            if got is None:  # over the budget: the body counts for nothing (and keeps its chrome)
                self.unlearnt = True
                return b"", b"", set(), set(), set()
            self.cache.put_units(self.units[i], got)
        return got

    def _bounded(self, i: int, fn, fallback):
        """fn() under the per-file budget, or `fallback` and a warning naming body i's file."""
        got, note = self.budget.run(self.GROUP, i, fn, fallback, self.firsts[i][0].path, self.INSTEAD)
        if note:
            self.late[i] = note
        return got

    def strip(self, i: int, repeated: Asked | None = None) -> tuple[str, int, int]:
        """Body i without its chrome and its links into a farm's network (kept until `body`
        takes it: see `left`), and how many lines and links it lost. What the stripping finds
        in the body alone (boilerplate.Boilerplate.strip_marked's marks) is kept in the cache by
        the body: a rebuild strips a body again when its last stripping asked about a line
        whose repetition moved (`_unmoved`; at 30k articles, 1% more
        of them strip 314 of the 7,325 bodies kept again, not 460), and then looks only at those. `repeated`: the build's repeated lines, asked through it."""
        self._learn()
        page = self._body(i)
        marks = self.cache.marks(self.units[i])

        def strip():
            body, chrome, found = self.boiler.strip_marked(page, self.repeated if repeated is None else repeated, marks,
                                                           self.lost[i])
            body, network = unlink_network(body, self.boiler.network_hosts, page, self.networks)
            return body, chrome, network, found
        body, chrome, network, found = self._bounded(i, strip, (page, 0, 0, None))
        if found is not None and found != marks:
            self.cache.put_marks(self.units[i], found)
        if self.cache.has(self.firsts[i][1]["body"]):
            self.bodies[i] = None  # (read again if asked)
        self.held.pop(i, None)
        if body == page and self.bodies[i] is None:
            self.left[i] = None
        elif self.cache.scratch:
            self.left[i] = self.cache.put_text(body)
        else:
            self.left.pop(i, None)
            self.held[i] = body
        return body, chrome, network

    def verdict(self, i: int) -> tuple[int, int, str]:
        """(chrome lines, network links, structure key) of body i: kept under the build's
        bodies and body i (a rebuild of the same bodies learns nothing again), and under body
        i with what its stripping asked (a rebuild of other bodies strips it only if this
        build answers otherwise: `_unmoved`). The structure is keyed by the products the build learnt that the body
        names too (self.named[i], the structure depends on them and on no other learnt name), and
        by its lines that the build repeats as a template's labels (self.labels[i])."""
        art, rec = self.firsts[i]
        same = sha(f"{self.build}\0{self.units[i]}")[:KEY_LEN]
        got = self.cache.build_chrome(same)
        if got is None:
            got = self._verdict(i)
            if not self.unlearnt and i not in self.late:  # (a fallback is the machine's load, not the input's)
                self.cache.put_build_chrome(same, got)
        else:
            self.cache.retain_units(self.units[i])
            self.cache.retain_marks(self.units[i])
            self.cache.retain_stripped(self.units[i])
        self.named[i] = with_linked(got[3], rec["linked"], art.title + "\n" + rec["head"])
        self.labels[i] = tuple(got[4])
        return got[0], got[1], self._ident(i, got[2])

    def _ident(self, i: int, left: str | None) -> str:
        art, rec = self.firsts[i]
        named = "\0" + "\0".join(self.named[i]) if self.named[i] else ""
        named += "\0\0" + "\0".join(self.labels[i]) if self.labels[i] else ""
        return structure_key(art.title, rec["head"], (left or rec["body"]) + named)

    def kept(self, i: int) -> str:
        """The structure key of body i as it is, chrome and all (when its stripping was over
        the budget: see `late`)."""
        return self._ident(i, None)

    def _verdict(self, i: int) -> list:
        """[chrome lines, network links, sha256 of the body left or None, the products the build
        learnt that the body left names, its template labels]."""
        self._learn()
        nets = sorted(self.nets[i])
        # (never a verdict kept under the body's own repeated keys alone: stripping asks the
        # repeated lines about keys not among them too, e.g. each part of a credit line)
        got, body = self._unmoved(i, nets), None
        if got is None:  # (the body's labels depend on what stripping left and on its repeated lines)
            asked, held = Asked(self.repeated), Asked(self._held(i))
            body, chrome, network = self.strip(i, asked)
            got = [chrome, network, sha(body) if chrome or network else None,
                   self.boiler.labels(body, held) if i not in self.late else []]
            if i not in self.late:
                self.cache.put_stripped(self.units[i], [nets, *asked.asked(), *held.asked(), got])
        return got[:3] + [self._named(i, got[2] or self.firsts[i][1]["body"], body), got[3]]

    def _held(self, i: int) -> set[bytes]:
        """Body i's keys among the build's repeated lines (`repeats`), as a set."""
        held = self.repeats[i]
        return {held[j:j + 8] for j in range(0, len(held), 8)}

    def _unmoved(self, i: int, nets: list[str]) -> list | None:
        """Body i's last verdict (an earlier build's, under other repeated lines) when this
        build's repeated lines answer every question its stripping and its labels asked as that
        build's did, and its networks are the same: the stripping would go as it went, line by
        line. None otherwise."""
        rec = self.cache.stripped(self.units[i])
        if rec is None or rec[0] != nets or not Asked.alike(rec[1:3], self.repeated) or not Asked.alike(
                rec[3:5], self._held(i)):
            return None
        self.cache.retain_marks(self.units[i])
        return rec[5]

    def _named(self, i: int, left: str, body: str | None) -> list[str]:
        """The learnt products that body i, once stripped (`left`: its sha256; `body`: its
        text if in hand), names (products.mentioned): kept under that body and the learnt
        set, so that only a change of the learnt set reads the bodies again."""
        if not self.sold:
            return []
        k = sha("named\0" + left + "\0" + "\0".join(self.sold))[:KEY_LEN]
        got = self.cache.named(k)
        if got is None:
            got = list(mentioned(self.body(i) if body is None else body, self.sold))
            self.cache.put_named(k, got)
        return got

    def ready(self, i: int) -> None:
        """Body i stripped now if it was not (its verdict came from the cache): a stripping
        over the budget is known (`late`) before its group is made."""
        if i not in self.left and i not in self.held:
            self.strip(i)

    def body(self, i: int) -> str:
        """Body i without its chrome (to be structured)."""
        if i in self.held:
            return self.held[i]
        if i not in self.left:
            return self.strip(i)[0]
        k = self.left[i]
        if k is None:
            return self._body(i)
        text = self.cache.rest(k)
        if text is None:
            scratch_lost(self.cache, self.cache.pack_of("b", k), "a body")
            raise StaleCache(self.cache.notes + ["the cache lost a body while it was being built"])
        return text

    def forget(self, i: int) -> None:
        self.bodies[i] = None
        self.left.pop(i, None)
        self.held.pop(i, None)
