"""Chains the stages. Per-article work (ingest, clean) and per-body work (structure, MinHash
signature) run in worker processes (tasks.py, on an executor: executors/); what spun copies share (the rest of a body after its
title heading) is cleaned once per build (`_prepare_all`); consolidation needs every
article at once, so it runs after them in this process (on Dask, but its LSH index, which
the workers build by band: _by_band). A per-article cache under the
output folder skips the work for files and bodies seen before (see cache.py)."""
from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

import orjson

from . import __version__, code_digest, cyclic_gc_off, export, remote
from .cache import (ArticleCache, StaleCache, file_sha256, read_record, read_regular, scratch_lost, settled, sha,
                    signature, structure_key, write_record)
from .chrome import SiteChrome
from .clean import Cleaned
from .consolidate import Group, article_order, build_entries
from .consolidate.cluster import band_buckets, offer_spans, offer_union, range_offers
from .executors import Executor, check_scheduler, chunks as chunked, executor
from .ingest import EXTENSIONS, InputError, discover, display_names, prefetch, source_id
from .model import Article, Options, Rejected
from .rules import Rules, load_rules
from .safety import scrub
from .shrink import GUARD, check_shrink, previous_entries, remember_entries
from .tasks import (Hit, Part, Ready, Rest, Spent, Worker, clean_rests, finish, heading_line, init, prepare_chunk,
                    structure_chunk)
from .write import Scratch, kb_document, output_lock, write_schema

CACHE_DIR = ".cache"
LAST_BUILD = "last-build"  # (in CACHE_DIR) what the last build read and the kb.json it wrote: _unchanged_build
RACY_HASHED = 0.05  # the share of its files a build may leave to be hashed again by the next (_keep_build)


@dataclass
class BuildResult:
    kb_path: Path
    inputs: int
    entries: int
    rejected: int
    warnings: int
    timings: dict[str, float] = field(default_factory=dict)
    doc: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # about the build itself (cache), not in kb.json
    cache_hits: int = 0
    filtered_out: list[dict] = field(default_factory=list)  # entries left out by `kinds`: id, title, kind, sources
    kb_sha: str | None = None  # kb.json's sha256, when the build kept records for it beside the cache


def cache_key(rules: Rules, options: Options) -> str:
    """What cached results depend on: the pipeline's code (its source files), the rules and
    the options."""
    opts = {k: v for k, v in asdict(options).items() if k not in ("jobs", "scheduler")}
    blob = json.dumps([__version__, code_digest(), rules.digest, opts], sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def build(input_dir: Path, output_dir: Path, options: Options, rules: Rules | None = None,
          progress: Callable[[str, int, int], None] | None = None, use_cache: bool = True,
          allow_shrink: bool = True, kinds: Iterable[str] | None = None, formats: Iterable[str] = (),
          base_url: str | None = None) -> BuildResult:
    """Build OUTPUT/kb.json from every article under INPUT (see the module docstring).
    InputError when INPUT holds no input file; shrink.WouldShrink (unless allow_shrink) when the
    build would drop more than half of the entries of the kb.json in OUTPUT. `kinds`: keep
    only entries of these page kinds in kb.json (None: all); the others are counted in stats
    and listed in BuildResult.filtered_out. `formats`: names in export.FORMATS to write
    besides kb.json ("report", "howto", ...); `base_url` is howto's."""
    formats = [name for name in export.wanted(formats) if name != "write"]  # (kb.json is always written)
    rules = rules or load_rules()
    input_dir = remote.local(input_dir)
    with output_lock(output_dir):  # (OutputBusy when another build is writing there), the exports too
        export.prepare(output_dir, formats)
        result = _build_once(input_dir, output_dir, options, rules, progress, use_cache, allow_shrink, kinds)
        export.write_formats(export.Export(result.kb_path.parent, result.doc, result.timings, result.notes,
                                           result.filtered_out, _sources(input_dir), rules, base_url,
                                           Path(output_dir) / CACHE_DIR if use_cache else None, result.kb_sha),
                             formats)
    return result


def _build_once(input_dir, output_dir, options, rules, progress, use_cache, allow_shrink, kinds) -> BuildResult:
    # This process holds one record per article and frees little until the end: the cyclic
    # garbage collector would rescan them all again and again (a third of the time at 100k
    # articles). The workers, which parse HTML into cyclic trees, keep theirs on.
    with cyclic_gc_off():
        try:
            return _build(input_dir, output_dir, options, rules, progress, use_cache, allow_shrink=allow_shrink,
                          kinds=kinds)
        except StaleCache as exc:  # rare (a damaged pack): build again with a new cache
            result = _build(input_dir, output_dir, options, rules, progress, use_cache, fresh_cache=True,
                            allow_shrink=allow_shrink, kinds=kinds)
            result.notes[:0] = exc.args[0]
            return result


def _build(input_dir: Path, output_dir: Path, options: Options, rules: Rules | None,
           progress: Callable[[str, int, int], None] | None, use_cache: bool,
           fresh_cache: bool = False, allow_shrink: bool = True, kinds: Iterable[str] | None = None) -> BuildResult:
    url = remote.is_remote(input_dir)
    input_dir, output_dir = input_dir if url else Path(input_dir), Path(output_dir)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    paths, on_disk, clashes = display_names(_discover(input_dir, output_dir))
    if not paths and not clashes:  # an empty kb.json over a good one is never what was meant
        raise InputError(f"no input files (.md, .markdown, .txt) under {input_dir}; kb.json was not written")
    key = cache_key(rules, options)
    begun = time.time_ns()  # (before any file is stat-ed: see cache.settled)
    # (a build without a cache never looks at a signature: no file is unchanged nor recorded, no
    # build kept; one a file, 10k: 2 MB held to the build's end, and a stat or a store's call each)
    sigs = {} if not use_cache else remote.signatures(input_dir, paths) if url else _stat_all(input_dir, paths, on_disk)
    listing = (paths, on_disk, clashes, sigs, kinds, os.path.realpath(input_dir)) if use_cache and not url and all(p in sigs for p in paths) else None
    check_scheduler(options.scheduler)
    if listing and not fresh_cache:
        same = _unchanged_build(output_dir, key, listing, input_dir, t0)
        if same:
            return same
    if listing:
        _forget_build(output_dir)
    previous = None if allow_shrink else previous_entries(output_dir, output_dir / CACHE_DIR / GUARD if use_cache else None)
    # The workers start (fork) before the cache is opened: they need none of it but the hashes
    # of its files (sent with each worker's first chunk of files: _Preparing.next_task), and
    # each one forked after was counted this process's size then again: its index (10k: 86 MB
    # each, not 70), or its packs too when a rebuild started them only to structure bodies
    # again (a deleted file was a body's first article: 134 MB each). So they start for any
    # input of two files or more, not for the changed files only (known only from the cache).
    # (A Dask cluster's workers are sent what they need, not forked: they are given the hashes
    # from the start.)
    workers = executor(options, init, (rules, options, frozenset(), on_disk)) if options.scheduler is None else None
    cache = scratch = None
    try:  # (the cache closed and the scratch folder removed however the build ends, at any stage)
        try:
            if workers is not None:
                workers.slots(len(paths))
            cache, scratch = _open_cache(output_dir, use_cache, key, fresh_cache)
            cache.started = min(cache.started, begun)
            unchanged = cache.unchanged_files(paths, sigs)
            if workers is None:
                workers = executor(options, init, (rules, options, frozenset(cache.articles), on_disk))
                workers.slots(len(paths) - len(unchanged))
            cache.read_packs()
            # Results are resolved as they arrive: each fresh body goes into the cache once and
            # leaves its article, so the spun copies' texts are never all held at once.
            resolver = _Resolver(cache, input_dir, rules, options, on_disk)
            resolver.rejected.extend(clashes)
            hits = _read_all(workers, input_dir, paths, unchanged, sigs, resolver, progress)
            unchanged = None
            resolver.shared.clear()  # (the objects stay shared; their keys are not held to the end)
            rejected = resolver.rejected
            # ingest and clean run interleaved in the workers: the phase's wall time is split
            # in proportion to the time the workers spent in each
            phase = time.perf_counter() - t0
            share = resolver.spent["ingest"] / max(resolver.spent["ingest"] + resolver.spent["clean"], 1e-9)
            timings["ingest"], timings["clean"] = phase * share, phase * (1 - share)

            # Structure results stream into consolidation, whose clustering runs while the
            # workers structure the next bodies; each stage is timed by its own work.
            t1 = time.perf_counter()
            timings["structure"] = 0.0  # (set below; the stages stay in pipeline order)
            groups: list[Group] = []
            late: list[str] = []  # warnings on entries (title or kind over budget)
            over: list[str] = []  # warnings on bodies kept with their chrome (over budget)
            # on Dask, the LSH index is built by band on the workers (when no earlier build's
            # candidates are kept): the workers stay up for it, so the earlier tables are read first
            if options.scheduler is not None:
                verdicts, near = cache.earlier_tables()
                offers = None if near else _by_band(workers)
                made = _groups(resolver, cache, workers, progress, rejected, options, groups, rules, over,
                               keep=offers is not None)
            else:
                verdicts, near, offers = {}, {}, None
                made = _then_tables(_groups(resolver, cache, workers, progress, rejected, options, groups, rules, over),
                                    cache, verdicts, near)
            entries, cstats = build_entries(made, options, rules, timings, verdicts, memo=cache, notes=late, near=near,
                                            offers=offers)
            cache.notes += late + over
            if not cache.scratch:  # (what the next build reads; a scratch cache is never saved: it keeps neither)
                cache.keep_verdicts(verdicts)
                cache.keep_near(near)
            verdicts = near = None
            timings["structure"] = time.perf_counter() - t1 - timings["consolidate"]
        except BaseException:
            if workers is not None:
                workers.terminate()
            raise
        finally:
            if workers is not None:
                workers.close()

        t3 = time.perf_counter()
        stats = {"inputs": len(paths) + len(clashes), "articles": sum(len(g.members) for g in groups),
                 "rejected": len(rejected), "entries": len(entries), **cstats, "removed": _sum_removed(groups),
                 "warnings": sum(len(a.warnings) for g in groups for a in g.members) + len(late)}
        # Nothing after this reads the groups (every distinct body's, with its articles and signature) nor the
        # articles' records but for the files a kept build lists: let go before the document, kb.json and the
        # report are made, the build's peak (10k articles: ~11 MB of objects that grow with the corpus)
        read = {art.path: art.sha256 for art, _ in resolver.items} if listing else None
        groups.clear()
        resolver = None
        doc, entries, filtered_out = _document(entries, rejected, stats, kinds, rules, cache)
        filtered_out = [{"entry": e["id"], "title": e["title"], "kind": e["kind"], "sources": [s["path"] for s in e["sources"]]}
                        for e in filtered_out]
        if previous:
            check_shrink(previous, entries, output_dir / "kb.json")
        kb = export.FORMATS["write"].write(export.Export(output_dir, doc))
        kb_sha = None
        try:
            cache.save()
        except OSError as exc:
            cache.notes.append(f"cache not saved: {exc.strerror or exc}")
        else:
            kb_sha = _kb_sha(kb) if use_cache else None
            if kb_sha:
                remember_entries(output_dir / CACHE_DIR / GUARD, kb_sha, doc["entries"])
            # (a fallback on a budget is the machine's load, not the input's: such a build is not kept)
            if kb_sha and listing and not late and not over and not any(r.error.startswith("timeout") for r in rejected):
                racy = {p: read.get(p) for p in paths if not settled(sigs[p], cache.started)}
                if None not in racy.values() and len(racy) <= RACY_HASHED * len(paths):
                    _keep_build(output_dir, key, listing, kb_sha, filtered_out, racy)
    finally:
        if cache is not None:
            _close(cache, scratch)
    timings["write"] = time.perf_counter() - t3
    timings["total"] = time.perf_counter() - t0
    return BuildResult(kb_path=kb, inputs=stats["inputs"], entries=len(entries), rejected=len(rejected),
                       warnings=stats["warnings"], timings=timings, doc=doc, notes=cache.notes, cache_hits=hits,
                       filtered_out=filtered_out, kb_sha=kb_sha)


def _listing(paths: list[str], on_disk: dict, clashes: list, sigs: dict, kinds, root: str, racy=()) -> str | None:
    """A digest of the build's input as the file system shows it: every path, its name on
    disk and stat signature (but those of `racy`: their bytes are checked instead), the
    clashing names, the kinds asked for, the input folder's real path (which links lead out
    of it depends on it); None when a file has no signature."""
    if any(p not in sigs for p in paths):
        return None
    h = hashlib.sha256(json.dumps([None if kinds is None else sorted(kinds), [r.path for r in clashes], root],
                                  ensure_ascii=True).encode())
    for p in paths:
        h.update(f"\0{p}\0{on_disk.get(p, '')}\0{None if p in racy else sigs[p]}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _kb_sha(kb: Path) -> str | None:
    """The sha256 of the kb.json this build wrote (what the records kept beside it are
    trusted by), None when it cannot be read."""
    try:
        return file_sha256(kb)  # (streamed: the build's peak memory is near)
    except OSError:
        return None


def _keep_build(output_dir: Path, key: str, listing: tuple, kb_sha: str, filtered_out: list[dict], racy: dict) -> None:
    """Record that the files of the listing give kb.json as it now is (its sha256 `kb_sha`),
    under the cache key: each by its stat signature, but the files of `racy` (path -> sha256),
    changed too close to the build's start for a signature to stand for their bytes (cache.settled)."""
    try:
        write_record(output_dir / CACHE_DIR / LAST_BUILD, {"key": key, "listing": _listing(*listing, racy=racy),
                                                            "racy": racy, "kb": kb_sha, "filtered_out": filtered_out})
    except OSError:
        pass  # (an accelerator only)


def _forget_build(output_dir: Path) -> None:
    try:
        (output_dir / CACHE_DIR / LAST_BUILD).unlink()
    except OSError:
        pass


def _unchanged_build(output_dir: Path, key: str, listing: tuple, input_dir: Path, t0: float) -> BuildResult | None:
    """The build, when its input is the last build's, file for file (the racy ones read and
    hashed), with the same code, rules and options, and kb.json is still what it wrote: that
    kb.json, not rebuilt (a rebuild with nothing changed costs a walk of the input folder).
    None otherwise."""
    paths, on_disk = listing[0], listing[1]
    try:
        rec = read_record(output_dir / CACHE_DIR / LAST_BUILD)
        racy = rec.get("racy") if isinstance(rec, dict) and rec.get("key") == key else None
        if not (isinstance(racy, dict) and rec.get("listing") == _listing(*listing, racy=racy)):
            return None
        for p, file_sha in racy.items():
            if hashlib.sha256(read_regular(Path(input_dir) / on_disk.get(p, p))).hexdigest() != file_sha:
                return None
        kb = output_dir / "kb.json"
        data = read_regular(kb)
        if hashlib.sha256(data).hexdigest() != rec.get("kb"):
            return None
        doc = orjson.loads(data)
    except (OSError, ValueError, TypeError):
        return None
    write_schema(output_dir)
    stats = doc["stats"]
    timings = dict.fromkeys(("ingest", "clean", "structure", "consolidate", "write"), 0.0)
    timings["total"] = time.perf_counter() - t0
    return BuildResult(kb_path=kb, inputs=stats["inputs"], entries=len(doc["entries"]), rejected=len(doc["rejected"]),
                       warnings=stats["warnings"], timings=timings, doc=doc,
                       cache_hits=len(set(paths) - {r["path"] for r in doc["rejected"]}),
                       filtered_out=rec.get("filtered_out") or [], kb_sha=rec["kb"])


def _close(cache: ArticleCache, scratch: Scratch | None) -> None:
    """The build's cache closed and its scratch folder removed, even when a Ctrl-C comes as the
    cache closes."""
    try:
        cache.close()
    finally:
        if scratch:
            scratch.cleanup()


def _open_cache(output_dir: Path, use_cache: bool, key: str, fresh: bool):
    """The build's cache, and the scratch folder that holds it under --no-cache (else None):
    no cache is read or kept then, but the rests of bodies and the structures still go to a
    pack, to be read back when needed, in a folder inside the output folder (nothing is
    written outside the input and output folders), removed when the build ends."""
    if not use_cache:
        scratch = Scratch(output_dir)
        try:
            return ArticleCache(Path(scratch.name), key, scratch=True), scratch
        except BaseException:  # (a Ctrl-C as the cache opens: the build never holds the folder to remove it)
            scratch.cleanup()
            raise
    folder = output_dir / CACHE_DIR
    return (ArticleCache(folder, key) if fresh else ArticleCache.open(folder, key, read=False)), None


def _read_all(workers: Executor, input_dir: Path, paths: list[str], unchanged: dict[str, str], stats: dict,
              resolver: "_Resolver", progress) -> int:
    """Every file into the resolver: the unchanged ones (path -> sha256) as cache hits, the others read,
    cleaned and split by the workers (read ahead of them when there are several). Returns
    how many were cache hits."""
    hits = 0
    for p in paths:
        if p in unchanged:
            resolver.add(Hit(p, unchanged[p]))
            hits += 1
    todo = [p for p in paths if p not in unchanged]
    local = workers.jobs > 1 and not remote.is_remote(input_dir)
    ahead = _ReadAhead(str(input_dir), [resolver.on_disk.get(p, p) for p in todo]) if local else None
    try:
        resolver.spent, known = _prepare_all(workers, str(input_dir), todo, resolver, ahead, progress)
    finally:
        if ahead:
            ahead.stop()
    for art, _ in resolver.items:
        resolver.cache.put_file(art.path, stats.get(art.path), art.sha256)
    return hits + known


def _document(entries: list[dict], rejected: list, stats: dict, kinds, rules: Rules, cache: ArticleCache):
    """kb.json's document: the entries of the kinds asked for, scrubbed (what the cache
    knows to be clean is not walked again), with the stats completed. Returns it, its
    entries, and the entries left out."""
    stats.update({"entries": len(entries), "steps": sum(len(e["steps"]) for e in entries),
                  "entries_with_steps": sum(1 for e in entries if e["steps"]),
                  "kinds": dict(sorted(Counter(e["kind"] for e in entries).items()))})
    filtered_out = []
    if kinds is not None:
        wanted = frozenset(kinds)
        filtered_out = [e for e in entries if e["kind"] not in wanted]
        entries = [e for e in entries if e["kind"] in wanted]
        stats["filtered_out"] = len(filtered_out)
        stats["entries"] = len(entries)
    # (a scratch cache keeps no clean marks: the entries' digests are not made for it)
    entries, stats["executable_stripped"] = scrub(entries, rules.get("safe_schemes", "never"),
                                                  None if cache.scratch else cache)
    doc = kb_document(entries, [{"path": r.path, "error": r.error} for r in rejected], stats)
    return doc, entries, filtered_out


def _prepare_all(workers: Executor, root: str, todo: list[str], resolver: "_Resolver", ahead, progress):
    """Every fresh file prepared (read, cut, split) and every distinct rest of a body
    cleaned once: a rest goes out (in batches) as soon as a worker sends it, ahead of more
    files, so the rests waiting are few, and to the worker that cleans the other rests of
    the same article (their paragraphs are in its memo: a third less time than spreading
    them). Returns the seconds the workers spent per stage and how many files turned out
    to be cache hits."""
    prep = _Preparing(workers, root, todo, resolver, ahead, progress)
    workers.schedule(prep.next_task, len(todo))
    if prep.waiting:  # cannot happen: every worker sends each rest the first time it meets it
        raise RuntimeError(f"{len(prep.waiting)} rest(s) of bodies never sent to be cleaned")
    resolver.items.sort(key=lambda item: item[0].path)  # (they arrive in no set order)
    return prep.spent, prep.hits


class _Preparing:
    """The state of _prepare_all: the files still to send, the rests each worker is to
    clean, the articles waiting for their rest, and what came back."""

    def __init__(self, workers: Executor, root: str, todo: list[str], resolver: "_Resolver", ahead, progress):
        self.root, self.total, self.resolver, self.ahead, self.progress = root, len(todo), resolver, ahead, progress
        self.told: set[int] = set()  # the workers sent the cache's file hashes (`known`)
        self.spent = {"ingest": 0.0, "clean": 0.0}
        self.hits = self.done = 0
        self.rests: dict[bytes, Rest] = {}  # digest -> the rest cleaned
        self.waiting: dict[bytes, list[Part]] = {}  # digest -> articles whose rest is being cleaned
        self.slots = workers.slots(len(todo))
        self.queues: list[list[tuple[bytes, str]]] = [[] for _ in range(self.slots)]  # rests to send to each worker
        self.sent: set[bytes] = set()
        self.chunks = deque(chunked(todo, workers.jobs))
        self.batch_size = max(1, min(32, len(self.chunks[0]) if self.chunks else 1))

    def next_task(self, worker: int):
        """Rests for this worker first (a full batch while files remain); then files; at
        the end, any worker's rests."""
        queue = self.queues[worker]
        if not self.chunks and not queue:
            queue = max(self.queues, key=len)
        if queue and (len(queue) >= self.batch_size or not self.chunks):
            batch = queue[:self.batch_size]
            del queue[:self.batch_size]
            return (clean_rests, ([r for _, r in batch],), lambda results: self.cleaned([d for d, _ in batch], results))
        if not self.chunks:
            return None
        chunk = self.chunks.popleft()
        known = None
        if worker not in self.told:  # (its first chunk: the workers were started before the cache was opened)
            self.told.add(worker)
            known = frozenset(self.resolver.cache.articles)
        return (prepare_chunk, (self.root, known, chunk), self.take)

    def take(self, results: list) -> None:
        for res in results:
            if isinstance(res, Spent):
                for k in self.spent:
                    self.spent[k] += res.seconds[k]
                continue
            self.done += 1
            if self.ahead:
                self.ahead.slots.release()
            if isinstance(res, Part):
                if res.digest in self.rests:
                    self.settle(res, self.rests[res.digest])
                else:
                    self.waiting.setdefault(res.digest, []).append(res)
                    if res.rest is not None and res.digest not in self.sent:
                        self.sent.add(res.digest)  # (every worker sends each rest the first time it meets it)
                        # one article's rests (whitespace variants) go to one worker
                        self.queues[res.family[0] % self.slots].append((res.digest, res.rest))
                    res.rest = res.family = None
            else:
                self.hits += isinstance(res, Hit)
                self.resolver.add(res)
        if self.progress:
            self.progress("clean", self.done, self.total)

    def cleaned(self, batch: list[bytes], results: list) -> None:
        for digest, rest in zip(batch, results):
            self.rests[digest] = rest
            for part in self.waiting.pop(digest):
                self.settle(part, rest)
            if rest.cleaned is not None and self.resolver.cache.has(rest.stored_sha):
                rest.cleaned.text = None  # the cache has it: at 100k articles, rests are gigabytes
        self.take(results[len(batch):])

    def settle(self, part: Part, rest: Rest) -> None:
        cache = self.resolver.cache
        if rest.cleaned is not None and rest.cleaned.text is None and heading_line(part.head) is None:
            pack = cache.pack_of("b", rest.stored_sha)
            text = cache.rest(rest.stored_sha)  # (dropped below; this body is put together whole)
            if text is None:
                scratch_lost(cache, pack, "a body")
                raise StaleCache(cache.notes + ["the cache lost a body while it was being built"])
            rest = replace(rest, cleaned=Cleaned(text[1:], rest.cleaned.removed, rest.cleaned.warnings))
        self.resolver.add(finish(part.art, part.split, part.head, rest, with_body=False))


class _ReadAhead(threading.Thread):
    """Has the kernel read the files the workers will ask for next, at most AHEAD files
    ahead of the results: on a cold page cache each worker otherwise waits for the disk
    once per file (30k synthetic files, cold: 210 us a read, 65 us read ahead)."""

    AHEAD = 256

    def __init__(self, root: str, paths: list[str]):
        super().__init__(daemon=True)
        self.root, self.paths = root, paths
        self.slots = threading.Semaphore(self.AHEAD)
        self.stopped = False
        self.start()

    def run(self) -> None:
        for p in self.paths:
            self.slots.acquire()
            if self.stopped:
                return
            prefetch(self.root, p)

    def stop(self) -> None:
        self.stopped = True
        self.slots.release()


class _Resolver:
    """Splits worker results into rejected files and (Article, body key) items, filling the
    cache with fresh results and cache hits with their record (kept only for the canonical
    article of each body, `first`). A hit whose record turns out malformed is recomputed here."""

    def __init__(self, cache: ArticleCache, input_dir: Path, rules: Rules, options: Options, on_disk: dict):
        self.cache, self.input_dir, self.rules, self.options = cache, input_dir, rules, options
        self.on_disk = on_disk
        self.rejected: list[Rejected] = []
        self.items: list[tuple[Article, str]] = []
        self.spent = {"ingest": 0.0, "clean": 0.0}  # the workers' seconds per stage (_read_all)
        self.fallback: Worker | None = None
        # body key -> (order, Article, record, cleaned body or None) of the canonical
        # (earliest) article seen with that body: the only body of the group a build needs
        # (None: read it from the cache). Other copies' bodies are not kept.
        self.first: dict[str, tuple] = {}
        # body key -> the record of lost links (clean.links.lost_links) its chrome is read with: the
        # longest of its copies' records (the greatest of those as long), not the canonical copy's, so
        # that an unlinked mirror sorting first does not take the proof from a copy that had its links
        self.lost: dict[str, tuple[str, ...]] = {}
        self.shared: dict[tuple, object] = {}  # (_share)

    def _share(self, art: Article) -> None:
        """Spun copies carry the same labels, removal counts and body key: one object for
        each distinct value, not one per article (each arrives unpickled on its own; the
        build reads them, never changes them in place: ~0.5 KB an article less to hold)."""
        memo = self.shared
        art.categories = memo.setdefault(("c", *art.categories), art.categories)
        art.tags = memo.setdefault(("t", *art.tags), art.tags)
        art.removed = memo.setdefault(("r", *art.removed.items()), art.removed)
        if not art.warnings:
            art.warnings = memo.setdefault(("w",), art.warnings)

    def _offer(self, art: Article, key: str, rec: dict, body: str | None) -> None:
        order = article_order(art)
        lost = tuple(rec.get("lost", ()))
        if lost and (len(lost), lost) > (len(had := self.lost.get(key, ())), had):
            self.lost[key] = lost
        cur = self.first.get(key)
        if cur is None or order < cur[0]:
            self.first[key] = (order, art, rec, body)

    def add(self, res) -> None:
        cache = self.cache
        if isinstance(res, Hit):
            relpath, file_sha = res.path, res.sha256
            rec = cache.article(file_sha)
            if rec is not None:
                art = Article(path=relpath, source_id=source_id(relpath), sha256=file_sha, title=rec["title"],
                              date=rec["date"], categories=list(rec["categories"]), tags=list(rec["tags"]), body="", warnings=list(rec["warnings"]),
                              removed=dict(rec["removed"]))
                self._share(art)
                key = sys.intern(rec["key"])
                self.items.append((art, key))
                self._offer(art, key, rec, None)
                return
            self.fallback = self.fallback or Worker(self.rules, self.options, frozenset(), self.on_disk)
            res = self.fallback.prepare_whole(str(self.input_dir), relpath)
        if isinstance(res, Rejected):
            self.rejected.append(res)
            return
        art, key = res.art, sys.intern(res.key)
        self._share(art)
        rec = cache.put_article(art.sha256, {"title": art.title, "date": art.date, "categories": art.categories, "tags": art.tags,
                                       "warnings": art.warnings,
                                       "removed": art.removed, "key": key, "linked": list(res.linked),
                                       "lost": list(res.lost)}, body=art.body,
                          parts=res.parts)
        self._offer(art, key, rec, art.body)
        art.body = ""  # spun copies must not each keep one
        # (the record stays with the cache that keeps it; a scratch cache does not: only the
        # canonical articles' records are needed then, `first`)
        self.items.append((art, key))


def _by_band(workers: Executor):
    """Clusterer.clusters' `offers` on the engine's workers: the bands' LSH index, a few bands'
    buckets (band_buckets) made once on a worker and left there, their offers read by tasks of
    a range of bodies each (range_offers over offer_spans: a task holds what its range is
    offered, not the corpus's offers), a few tasks at a time, their arrays (each with its
    range) folded into each range's union as they are read and the ranges' unions joined
    into one array (offer_union); then the workers are done."""
    def offers(rank, rows: int, bands: list) -> list:
        try:
            chunks = chunked(bands, workers.jobs)
            spans = offer_spans(len(rank), max(map(len, chunks), default=1))
            work = [((rank, rows, c), [(len(rank), [s]) for s in spans]) for c in chunks]
            return offer_union(workers.fanout(band_buckets, range_offers, work), spans)
        finally:
            workers.close()
    return offers


def _then_tables(groups: Iterable[Group], cache: ArticleCache, verdicts: dict, near: dict):
    """`groups`, then `verdicts` and `near` filled with the earlier build's (cache.earlier_tables)
    once the last group is made: Clusterer.clusters reads them only when it has every group, and
    parsed before the chrome is learnt and stripped (a 30k rebuild: 8.8 MB of JSON) they were held
    there above what a full build holds, whose tables are empty."""
    yield from groups
    earlier, candidates = cache.earlier_tables()
    verdicts.update(earlier)
    near.update(candidates)


def _groups(resolver: "_Resolver", cache: ArticleCache, workers: Executor, progress, rejected: list,
            options: Options, out: list[Group], rules: Rules, over: list[str], keep: bool = False):
    """Articles sharing a body key form a group; each group's canonical body is structured
    once, unless the cache has its structure (then it is read only if consolidation asks
    for it). Yields the groups in key order as their structures arrive, and appends them
    to `out`. A body whose chrome stripping ran over the per-file budget keeps its chrome: its
    first article gets the warning, and `over` too. The workers are closed when the last
    structure is in, unless `keep` (consolidation still has work for them)."""
    by_key: dict[str, list] = {}
    for art, key in resolver.items:
        by_key.setdefault(key, []).append(art)
    keys = sorted(by_key)
    firsts = [resolver.first[k][1:3] for k in keys]
    site = SiteChrome(rules, cache, firsts, [resolver.first[k][3] for k in keys], options.file_seconds,
                      [resolver.lost.get(k, ()) for k in keys])
    resolver.first.clear()
    resolver.lost.clear()
    sig_len = options.minhash_bands * options.minhash_rows
    chrome, network, idents = zip(*map(site.verdict, range(len(keys)))) if keys else ((), (), ())
    signatures = [cache.signature(ident, sig_len) for ident in idents]
    todo = [i for i, s in enumerate(signatures) if s is None]
    for i in range(len(keys)):
        if signatures[i] is not None:
            site.forget(i)
    if todo:
        for i in todo:
            site.ready(i)
        # (the tasks made as they go out: each body is read back then, not all held at once)
        fresh = workers.imap(structure_chunk, (([(site.body(i), firsts[i][0].title, site.named[i], site.labels[i]) for i in c],)
                                               for c in chunked(todo, workers.jobs)), progress, "structure", len(todo))
    elif not keep:
        workers.close()  # every structure is cached: the workers are done
    for i, k in enumerate(keys):
        members = by_key[k]
        ident, late = idents[i], site.late.get(i)
        if late:  # (its verdict may have been cached, its stripping over budget now)
            ident, chrome_i, network_i = site.kept(i), 0, 0
            firsts[i][0].warnings = [*firsts[i][0].warnings, late]  # (not the cache record's list)
            over.append(late)
        else:
            chrome_i, network_i = chrome[i], network[i]
        for kind, n in (("chrome", chrome_i), ("affiliate_link", network_i)):
            made: dict[tuple, dict] = {}  # (copies that shared their counts share the new ones)
            for a in members if n else ():
                old = a.removed
                a.removed = made.get(tuple(old.items())) or made.setdefault(
                    tuple(old.items()), dict(sorted({**old, kind: old.get(kind, 0) + n}.items())))
        structure, signature = None, signatures[i]
        if signature is None:  # fresh results come in the order of `todo`
            done = next(fresh)
            structure, signature = done.structure, done.signature
            site.forget(i)
            if i == todo[-1]:  # the last one: let the progress report finish, free the workers
                for _ in fresh:
                    pass
                if not keep:
                    workers.close()
            if structure is None:
                rejected.extend(Rejected(a.path, done.error) for a in members)
                continue
            if cache.put_structure(ident, structure, signature):
                structure = None  # read back when consolidation needs it (Group.structure)
        # the group keeps no copy of its body: consolidation works on the structure and
        # the signature (a copy per distinct body was a tenth of the peak memory at 100k)
        out.append(Group(key=k, members=members, structure=structure, signature=signature, ident=ident,
                         load=partial(_cached_structure, cache, ident), late=bool(late)))
        yield out[-1]


def _cached_structure(cache: ArticleCache, ident: str):
    pack = cache.pack_of("s", ident)
    structure = cache.structure(ident)
    if structure is None:  # too late to structure it again: the build starts over, without it
        scratch_lost(cache, pack, "a structure")
        raise StaleCache(cache.notes + ["the cache lost a structure while it was being used"])
    return structure


def _stat_all(root: Path, paths: list[str], on_disk: dict) -> dict[str, tuple[int, int, int, int]]:
    """Each file's stat signature for the cache (see ArticleCache.unchanged), taken before
    any file is read."""
    out = {}
    for p in paths:
        try:
            st = os.stat(os.path.join(root, on_disk.get(p, p)))
        except OSError:
            continue
        out[p] = signature(st)
    return out


def _discover(input_dir, output_dir: Path) -> list[str]:
    """The input files: under a folder (not the output folder, when it is inside), or a URL."""
    if not remote.is_remote(input_dir):
        return discover(input_dir, exclude=output_dir if _inside(output_dir, input_dir) else None)
    try:
        return remote.discover(input_dir, EXTENSIONS)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot list the input {input_dir}: {type(exc).__name__}: {exc}") from None


def _sources(input_dir):
    """Where the report reads the sources again (not from a URL: its entry pages then show
    no removed blocks)."""
    return None if remote.is_remote(input_dir) else Path(input_dir)


def _inside(child: Path, parent: Path) -> bool:
    try:
        Path(os.path.realpath(child)).relative_to(os.path.realpath(parent))
        return True
    except ValueError:
        return False


def _sum_removed(groups) -> dict[str, int]:
    total: dict[str, int] = {}
    for g in groups:
        for a in g.members:
            for k, v in a.removed.items():
                total[k] = total.get(k, 0) + v
    return dict(sorted(total.items()))
