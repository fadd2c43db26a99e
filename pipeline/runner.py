"""Chains the stages. Per-article work (ingest, clean, structure) runs in worker processes;
consolidation needs every article at once, so it runs after them in this process."""
from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .clean import Cleaner
from .consolidate import Group, article_order, body_key, build_entries
from .ingest import discover, read_article
from .model import Options, Rejected
from .rules import Rules, load_rules
from .structure import Structurer
from .write import kb_document, write_outputs


@dataclass
class BuildResult:
    kb_path: Path
    inputs: int
    entries: int
    rejected: int
    warnings: int
    timings: dict[str, float] = field(default_factory=dict)
    doc: dict = field(default_factory=dict)


class _Worker:
    """What one process needs for per-article work: the compiled rules."""

    def __init__(self, rules: Rules, options: Options):
        self.options = options
        self.cleaner = Cleaner(rules)
        self.structurer = Structurer(rules)

    def prepare(self, root: str, relpath: str):
        """Ingest and clean one file -> (Article, key, normalised text) or Rejected."""
        art = read_article(Path(root), relpath, self.options)
        if isinstance(art, Rejected):
            return art
        try:
            cleaned = self.cleaner.clean(art.body)
        except Exception as exc:  # a cleaner bug must cost one file, never the build
            return Rejected(relpath, f"internal error while cleaning: {type(exc).__name__}: {exc}")
        art.removed = cleaned.removed
        art.warnings.extend(cleaned.warnings)
        key, norm = body_key(cleaned.text)
        if not norm.strip():
            return Rejected(relpath, "nothing left after cleaning: the body held only ads or markup")
        art.body = cleaned.text
        return art, key, norm

    def structure(self, body: str, title: str):
        return self.structurer.structure(body, title)


_WORKER: _Worker | None = None


def _init(rules: Rules, options: Options) -> None:
    global _WORKER
    _WORKER = _Worker(rules, options)


def _prepare_chunk(root: str, relpaths: list[str]):
    return [_WORKER.prepare(root, p) for p in relpaths]


def _structure_chunk(items: list[tuple[str, str]]):
    return [_WORKER.structure(body, title) for body, title in items]


def _chunks(items: list, n: int) -> list[list]:
    size = max(1, min(256, len(items) // (n * 4) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]


def build(input_dir: Path, output_dir: Path, options: Options, rules: Rules | None = None,
          progress: Callable[[str, int, int], None] | None = None) -> BuildResult:
    rules = rules or load_rules()
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    exclude = output_dir if _inside(output_dir, input_dir) else None
    paths = discover(input_dir, exclude=exclude)
    jobs = max(1, options.jobs)
    pool = ProcessPoolExecutor(jobs, initializer=_init, initargs=(rules, options)) if jobs > 1 and len(paths) > 1 else None
    try:
        if pool is None:
            _init(rules, options)
        prepared = _run(pool, _prepare_chunk, [(str(input_dir), c) for c in _chunks(paths, jobs)], progress, "clean", len(paths))
        timings["ingest+clean"] = time.perf_counter() - t0

        t1 = time.perf_counter()
        rejected = [r for r in prepared if isinstance(r, Rejected)]
        by_key: dict[str, list] = {}
        for item in prepared:
            if not isinstance(item, Rejected):
                by_key.setdefault(item[1], []).append(item)
        keys = sorted(by_key)
        firsts = [min((it[0] for it in by_key[k]), key=article_order) for k in keys]
        todo = [(a.body, a.title) for a in firsts]
        structures = _run(pool, _structure_chunk, [(c,) for c in _chunks(todo, jobs)], progress, "structure", len(todo))
        groups = [Group(key=k, text=by_key[k][0][2], members=[it[0] for it in by_key[k]], structure=s, cleaned=f.body)
                  for k, s, f in zip(keys, structures, firsts)]
        for g in groups:
            for a in g.members:
                a.body = ""  # the group holds the text; free the copies
        timings["structure"] = time.perf_counter() - t1
    finally:
        if pool is not None:
            pool.shutdown()

    t2 = time.perf_counter()
    entries, cstats = build_entries(groups, options, rules)
    timings["consolidate"] = time.perf_counter() - t2

    t3 = time.perf_counter()
    n_articles = sum(len(g.members) for g in groups)
    stats = {"inputs": len(paths), "articles": n_articles, "rejected": len(rejected),
             "entries": len(entries), **cstats, "removed": _sum_removed(groups),
             "warnings": sum(len(a.warnings) for g in groups for a in g.members),
             "steps": sum(len(e["steps"]) for e in entries),
             "entries_with_steps": sum(1 for e in entries if e["steps"])}
    doc = kb_document(entries, [{"path": r.path, "error": r.error} for r in rejected], stats)
    kb = write_outputs(output_dir, doc)
    timings["write"] = time.perf_counter() - t3
    timings["total"] = time.perf_counter() - t0
    return BuildResult(kb_path=kb, inputs=len(paths), entries=len(entries), rejected=len(rejected),
                       warnings=stats["warnings"], timings=timings, doc=doc)


def _run(pool, fn, arglist, progress, label, total):
    out = []
    results = map(lambda args: fn(*args), arglist) if pool is None else pool.map(fn, *zip(*arglist)) if arglist else []
    for chunk in results:
        out.extend(chunk)
        if progress:
            progress(label, len(out), total)
    return out


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
