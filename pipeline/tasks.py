"""The per-article stage work a worker process does (ingest, clean, structure, signature),
and the task functions an executor runs over chunks of items. Each worker holds one
`Worker`, made by `init`; a task returns its results as a list (the prepare and clean
tasks end theirs with the seconds spent per stage, a dict). What spun copies share (the
rest of a body after its title heading) is cleaned once per build: `Worker.prepare`
ships a `Part`, the runner sends each distinct rest back to `clean_rests`."""
from __future__ import annotations

import gc
import hashlib
import threading
import time
from dataclasses import dataclass

from .cache import sha
from .clean import Cleaned, Cleaner, Split, join_parts, lost_links, merge_counts
from .consolidate import Clusterer, body_key
from .deadline import Timeout, deadline, timeout_reason
from .ingest import parse_article, read_bytes
from .model import Article, Options, Rejected
from .products import Products
from .rules import Rules
from .structure import Structurer


# The messages a worker sends back (besides Rejected, Part and Rest):
@dataclass
class Hit:
    """A file whose bytes the cache knows: only its hash was computed."""
    path: str
    sha256: str


@dataclass
class Ready:
    """An article cleaned: its body (None when the cache can give it back), its body key and,
    where known, the cache's split of its body (first line, rest text, sha256 of the rest)."""
    art: Article
    key: str
    parts: tuple[str, str | None, str] | None = None
    linked: tuple[str, ...] = ()  # the names its raw links sell (Rest.linked)
    lost: tuple[str, ...] = ()  # the lines that lost their links in cleaning (Rest.lost)


@dataclass
class Spent:
    """The seconds a task spent in each stage (ingest, clean): the last item of its results."""
    seconds: dict[str, float]


@dataclass
class Structured:
    """A body structured and its MinHash signature, or the reason it could not be."""
    structure: dict | None
    signature: object = None
    error: str | None = None


class Worker:
    """What one process needs for per-article work: the compiled rules, and the cache's
    article table (file sha256 -> record) so that unchanged files are only hashed."""

    def __init__(self, rules: Rules, options: Options, known: frozenset, on_disk: dict | None = None):
        self.options = options
        self.on_disk = on_disk or {}  # file name -> its name on disk, where they differ (display_name)
        self.cleaner = Cleaner(rules)
        self.products = Products(rules)
        self.structurer = Structurer(rules)
        self.clusterer = Clusterer(options)
        self.known = known
        self.seconds = {"ingest": 0.0, "clean": 0.0}  # this process's time in each stage
        self.shipped: set[bytes] = set()  # digests of the rests this process has sent out
        self.rests: dict[bytes, Rest] = {}  # (prepare_whole's)
        self.one = threading.RLock()  # (one task at a time: see run)

    def __getstate__(self) -> dict:  # (a lock is no state to send: a copy gets its own)
        return {k: v for k, v in self.__dict__.items() if k != "one"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, one=threading.RLock())

    def run(self, fn, args: tuple):
        """fn(*args) for this worker's build, in a process that may serve several builds at
        once (a Dask worker): the task functions read the worker of the thread running them.
        One of this build's tasks at a time in the process: a Dask worker started with several
        threads would otherwise run two at once on this worker's one Structurer, which keeps
        the body's learnt products, labels and page titles on itself while it reads a body."""
        with self.one:
            _RUNNING.worker = self
            try:
                return fn(*args)
            finally:
                _RUNNING.worker = None

    def prepare(self, root: str, relpath: str):
        """One file -> Hit when the cache knows its bytes; Rejected; Ready; or, for a body that splits into
        title heading and rest, a Part whose rest is cleaned apart (`clean_rests`), once
        per distinct rest in the whole build."""
        t0 = time.perf_counter()
        try:
            with deadline(self.options.file_seconds):
                return self._prepare(root, relpath, t0)
        except Timeout as exc:
            return Rejected(relpath, timeout_reason("reading and cleaning it", self.options.file_seconds, exc))
        finally:
            self.seconds["clean"] += time.perf_counter() - t0

    def _prepare(self, root: str, relpath: str, t0: float):
        data = read_bytes(root, self.on_disk.get(relpath, relpath), self.options)
        if isinstance(data, Rejected):
            return Rejected(relpath, data.error)
        if self.known:
            file_sha = hashlib.sha256(data).hexdigest()
            if file_sha in self.known:
                return Hit(relpath, file_sha)
        try:
            art = parse_article(relpath, data, self.options, self.cleaner.inert)
        except Exception as exc:  # an ingest bug must cost one file, never the build
            return Rejected(relpath, f"internal error while reading: {type(exc).__name__}: {exc}")
        t1 = time.perf_counter()
        self.seconds["ingest"] += t1 - t0
        self.seconds["clean"] -= t1 - t0
        if isinstance(art, Rejected):
            return art
        art.meta = {}
        try:
            split = self.cleaner.split(art.body)
            art.body = ""
            if split.head is None:
                return finish(art, split, None, self.clean_rest(split.rest))
            head = self.cleaner.clean_part(split.head)
        except Exception as exc:  # a cleaner bug must cost one file, never the build
            return Rejected(relpath, f"internal error while cleaning: {type(exc).__name__}: {exc}")
        rest, split.rest = split.rest, ""
        digest = hashlib.blake2b(rest.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in self.shipped:
            return Part(art, split, head, digest, None, None)
        self.shipped.add(digest)
        family = hashlib.blake2b(" ".join(rest.split(None, 200)[:200]).encode("utf-8", "surrogatepass"),
                                 digest_size=8).digest()  # its first 200 words
        return Part(art, split, head, digest, rest, family)

    def prepare_whole(self, root: str, relpath: str):
        """`prepare`, with the rest of a split body cleaned here too (the fallback in the
        main process for a cache hit whose record turns out malformed)."""
        res = self.prepare(root, relpath)
        if not isinstance(res, Part):
            return res
        if res.rest is not None:
            self.rests[res.digest] = self.clean_rest(res.rest)
        return finish(res.art, res.split, res.head, self.rests[res.digest])

    def clean_rest(self, rest: str) -> "Rest":
        try:
            with deadline(self.options.file_seconds):
                cleaned = self.cleaner.clean_part(rest)
                linked = self.products.linked(rest)
                lost = lost_links(rest, cleaned.text, self.cleaner)
        except Timeout as exc:
            return Rest(None, "", True, "", timeout_reason("cleaning its body", self.options.file_seconds, exc))
        except Exception as exc:  # a cleaner bug must cost its articles, never the build
            return Rest(None, "", True, "", f"internal error while cleaning: {type(exc).__name__}: {exc}")
        norm = " ".join(cleaned.text.split())
        return Rest(cleaned, hashlib.sha256(norm.encode("utf-8")).hexdigest(), not norm, sha(_stored(cleaned.text)),
                     None, tuple(sorted(linked)), lost)

    def structure(self, body: str, title: str, sold: tuple[str, ...] = (), labels: tuple[str, ...] = ()):
        try:
            with deadline(self.options.file_seconds):
                return Structured(self.structurer.structure(body, title, sold, labels),
                                  self.clusterer.signature(body_key(body)[1]))
        except Timeout as exc:
            return Structured(None, error=timeout_reason("structuring its body", self.options.file_seconds, exc))
        except Exception as exc:  # a structure bug costs the articles with this body, never the build
            return Structured(None, error=f"internal error while structuring: {type(exc).__name__}: {exc}")


@dataclass
class Part:
    """A fresh article whose body split: its title heading cleaned, its rest to be
    cleaned once for all the articles that share it (each worker sends `rest` the first
    time it meets it, None afterwards)."""
    art: Article
    split: Split
    head: Cleaned
    digest: bytes
    rest: str | None
    family: bytes | None  # with `rest`: the same for every whitespace variant of it


@dataclass
class Rest:
    """A rest of a body cleaned, with its body key (as body_key gives it when a title
    heading goes before it) and the sha256 of the text the cache keeps for it. Once in
    the cache, its text is dropped here (`cleaned.text` None) and read back if needed."""
    cleaned: Cleaned | None
    key: str
    empty: bool
    stored_sha: str
    error: str | None
    linked: tuple[str, ...] = ()  # the names its links sell before cleaning drops them (products.Products.linked)
    lost: tuple[str, ...] = ()  # its lines that lost their links in cleaning (clean.lost_links), in order

    @property
    def stored(self) -> str | None:
        return None if self.cleaned.text is None else _stored(self.cleaned.text)


def _stored(rest: str) -> str:
    """A cleaned rest as the cache keeps it after a one-line title heading: the rest of the
    body that join_parts puts together, after the heading's line (ArticleCache.put_article)."""
    return "\n" + rest.strip("\n") + "\n"


def heading_line(head: Cleaned | None) -> str | None:
    """The cleaned title heading as the first line of the body, when it is one line (else
    None: the body is put together and keyed as a whole, by body_key)."""
    if head is None or not head.text.startswith("#"):
        return None
    line = head.text.strip("\n")
    return None if "\n" in line else line + "\n"


def finish(art: Article, split: Split, head: Cleaned | None, rest: Rest, with_body: bool = True) -> Ready | Rejected:
    """The article put together from its cleaned parts (its body left out when with_body is
    false and the cache can give it back), or Rejected."""
    if rest.error:
        return Rejected(art.path, rest.error)
    line = heading_line(head)
    if line is not None:
        if rest.empty:  # what body_key would find: nothing after the heading
            return Rejected(art.path, "nothing left after cleaning: the body held only ads or markup")
        art.removed, warnings = merge_counts(split, (head, rest.cleaned))
        art.warnings.extend(warnings)
        stored = rest.stored
        art.body = line + stored if with_body else None
        return Ready(art, rest.key, (line, stored, rest.stored_sha), rest.linked, rest.lost)
    cleaned = join_parts(split, head, rest.cleaned)
    art.removed = cleaned.removed
    art.warnings.extend(cleaned.warnings)
    art.body = cleaned.text
    key, norm = body_key(cleaned.text)
    if not norm.strip():
        return Rejected(art.path, "nothing left after cleaning: the body held only ads or markup")
    return Ready(art, key, linked=rest.linked, lost=rest.lost)


WORKER: Worker | None = None  # this process's (a local worker process's)
_RUNNING = threading.local()  # the Worker a thread runs a task for (Worker.run: one process, several builds)


def init(rules: Rules, options: Options, known: frozenset, on_disk: dict) -> Worker:
    global WORKER
    gc.enable()
    WORKER = Worker(rules, options, known, on_disk)
    return WORKER


def _worker() -> Worker:
    return getattr(_RUNNING, "worker", None) or WORKER


def prepare_chunk(root: str, known: frozenset | None, relpaths: list[str]):
    """The chunk's results, then the seconds it spent in each stage (Spent). `known`, when
    given: the sha256 of the cached files, kept for this build's next chunks too (a file of
    these bytes is a Hit)."""
    w = _worker()
    if known is not None:
        w.known = known
    before = dict(w.seconds)
    out = [w.prepare(root, p) for p in relpaths]
    return out + [Spent({k: v - before[k] for k, v in w.seconds.items()})]


def clean_rests(rests: list[str]):
    w = _worker()
    before = dict(w.seconds)
    t0 = time.perf_counter()
    out = [w.clean_rest(r) for r in rests]
    w.seconds["clean"] += time.perf_counter() - t0
    return out + [Spent({k: v - before[k] for k, v in w.seconds.items()})]


def structure_chunk(items: list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]):
    """Bodies structured: (body, title, the products the build learnt that it names, besides
    the rules', its lines the build repeats as a template's labels). (Items last, as in every task
    function: an engine retries a task's items one by one.)"""
    w = _worker()
    return [w.structure(body, title, tuple(sold), tuple(labels)) for body, title, sold, labels in items]


def stalled(fn, item):
    """The result of task function fn for an item its worker died on, alone too: a stall
    the worker's budget could only stop by ending its process (deadline.in_threads)."""
    why = "timeout: it stopped its worker (over the per-file budget, or a crash there); skipped"
    if fn is prepare_chunk:
        return Rejected(item, why)
    if fn is clean_rests:
        return Rest(None, "", True, "", why)
    if fn is structure_chunk:
        return Structured(None, error=why)
    raise RuntimeError(f"{fn.__name__} stopped its worker on every try")  # (no item to skip: the LSH index's)
