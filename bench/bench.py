"""Benchmark: the pipeline against the hand-written anchor, per stage, at scale, incremental.

    python bench/bench.py [--repeat 3] [--jobs N] [--scale 10000,30000,100000] [--scale-repeat 3] [--results FILE]
    python bench/bench.py --scale-only --scale 10000,30000   # the rebuild table alone

Every measured run is a fresh `python -m pipeline build` (as `make build` runs it, reports
included), timed from the outside, with its peak memory sampled as the summed RSS of the
process and its workers.
The anchor (bench/anchor.py) and the pipeline build the same sample corpus in the same
run, alternately, and the medians are compared. Scale corpora are synthesised from the
sample by bench/synth.py (not timed).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "techidaily-sample.tar.xz"
STAGES = ["ingest", "clean", "structure", "consolidate", "write"]
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(ROOT))

import synth  # noqa: E402
from pipeline.cache import RACY_NS  # noqa: E402


def _tree_rss(pid: int) -> tuple[int, list[int]]:
    """Summed resident memory (bytes) of `pid` and all its descendants, and their pids."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo, seen = 0, [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
    return total, seen


def _hwm(pid: int) -> int:
    """A process's peak resident memory so far (VmHWM, bytes), 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next((int(line.split()[1]) * 1024 for line in fh if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError, IndexError):
        return 0


def _role(pid: int) -> str:
    """What a process of a build is: a Dask scheduler or nanny process of its own (`dask spec`),
    or a worker (the pool's, Dask's)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read()
    except OSError:
        return "worker"
    return "scheduler" if b"distributed.Scheduler" in cmd else "nanny" if b"distributed.Nanny" in cmd else "worker"


def measure(cmd: list[str], report: Path | None = None) -> dict:
    """Run cmd; wall seconds, CPU seconds (user + system, of the process and the workers it
    waited for: what a loaded machine's other work does not inflate), peak summed RSS, the
    peak RSS of the client process (`client`), of each worker (`workers`) and of the other
    processes of a Dask cluster (`others`: its scheduler's and nannies', when they are not in
    the client), and what the build reported in `report` (its build-report.json: stage
    timings and counts)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peak, done = 0, threading.Event()
    peaks: dict = {}
    roles: dict = {}

    def sample():
        nonlocal peak
        while not done.wait(0.05):
            total, pids = _tree_rss(proc.pid)
            peak = max(peak, total)
            for pid in pids:
                peaks[pid] = max(peaks.get(pid, 0), _hwm(pid))
                if pid not in roles:
                    roles[pid] = _role(pid)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    client = peaks.pop(proc.pid, 0)
    big = {pid: v for pid, v in peaks.items() if v > 60 * 2**20}  # (not the small helpers)
    workers = sorted((v for pid, v in big.items() if roles.get(pid) == "worker"), reverse=True)
    others = sorted(((roles[pid], v) for pid, v in big.items() if roles.get(pid) != "worker"), reverse=True)
    if report is None:
        return {"wall": wall, "cpu": cpu, "rss": peak, "client": client, "workers": workers, "others": others}
    rep = json.loads(report.read_text(encoding="utf-8"))
    c = rep["counts"]
    return {"wall": wall, "cpu": cpu, "rss": peak, "client": client, "workers": workers, "others": others,
            "timings": rep["timings_seconds"], "entries": c["entries"],
            "inputs": c["inputs"], "rejected": c["rejected"], "distinct": c["distinct_bodies"]}


def pipeline_run(input_dir: Path, output_dir: Path, jobs: int, cache: bool = True, engine: str = "local") -> dict:
    """`python -m pipeline build` as a user runs it (kb.json, the reports and, unless
    cache=False, the cache: a first build into an empty output folder writes it), measured
    from the outside; engine "dask" runs it on a LocalCluster of `jobs` workers."""
    cmd = [sys.executable, "-m", "pipeline", "build", "--input", str(input_dir), "--output", str(output_dir),
           "--jobs", str(jobs), "--quiet", *([] if cache else ["--no-cache"]),
           *(["--engine", "dask", "--scheduler", f"local:{jobs}"] if engine == "dask" else [])]
    return measure(cmd, report=output_dir / "build-report.json")


def anchor_cmd(input_dir: Path, output: Path) -> list[str]:
    return [sys.executable, str(HERE / "anchor.py"), str(input_dir), str(output)]


def _walls(runs: list[dict]) -> str:
    return ", ".join(f"{r['wall']:.2f}" for r in runs)


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def sample_table(corpus: Path, work: Path, repeat: int, jobs: int) -> tuple[list[str], dict]:
    runs, anchors = [], []
    for k in range(repeat):
        out = work / f"out-{k}"
        runs.append(pipeline_run(corpus, out, jobs))
        anchors.append(measure(anchor_cmd(corpus, work / f"anchor-{k}.json")))
        shutil.rmtree(out, ignore_errors=True)
    med = {s: statistics.median(r["timings"][s] for r in runs) for s in STAGES}
    wall = statistics.median(r["wall"] for r in runs)
    anchor = statistics.median(a["wall"] for a in anchors)
    n = runs[0]["inputs"]
    lines = [
        f"Sample corpus: {n:,} articles -> {runs[0]['entries']} entries, {runs[0]['rejected']} rejected "
        f"(median of {repeat} runs, --jobs {jobs}, each a first build into an empty output folder)",
        "",
        "| stage | seconds | share |",
        "|---|---:|---:|",
        *[f"| {s} | {med[s]:.2f} | {med[s] / max(sum(med.values()), 1e-9):.0%} |" for s in STAGES],
        f"| **pipeline, whole process** | **{wall:.2f}** | |",
        f"| anchor (regex + datasketch MinHash/LSH, 1 process) | {anchor:.2f} | |",
        "",
        f"- articles/s: pipeline {n / wall:,.0f}, anchor {n / anchor:,.0f}",
        f"- peak RSS (process + workers): pipeline {mb(max(r['rss'] for r in runs))}, "
        f"anchor {mb(max(a['rss'] for a in anchors))}",
        f"- **ratio pipeline/anchor: {wall / anchor:.3f}** (target <= 0.10)",
        f"- all runs, pipeline: {_walls(runs)} s; anchor: {_walls(anchors)} s",
    ]
    return lines, {"wall": wall, "anchor": anchor}


def incremental_table(corpus: Path, work: Path, jobs: int, repeat: int) -> list[str]:
    """Build the sample with its cache, add 1% new articles, build again."""
    src = work / "incremental"
    shutil.copytree(corpus, src)
    n = sum(1 for _ in src.rglob("*.md"))
    fulls, incs = [], []
    for k in range(repeat):
        out = work / f"inc-out-{k}"
        fulls.append(pipeline_run(src, out, jobs, cache=True))
        new = src / f"new-{k}"
        synth.synthesise(corpus, new, max(1, n // 100), seed=100 + k)
        incs.append(pipeline_run(src, out, jobs, cache=True))
        shutil.rmtree(new)
        shutil.rmtree(out)
    full = statistics.median(r["wall"] for r in fulls)
    inc = statistics.median(r["wall"] for r in incs)
    return [
        f"Incremental: sample + 1% new articles ({max(1, n // 100)}), cache from the previous build "
        f"(median of {repeat})",
        "",
        "| build | seconds |",
        "|---|---:|",
        f"| full, empty cache (writes it) | {full:.2f} |",
        f"| after adding 1% | {inc:.2f} |",
        "",
        f"- **ratio incremental/full: {inc / full:.3f}** (target <= 0.10)",
    ]


REBUILDS = ("no change", "+1%", "-1%")


def rebuild_runs(src: Path, out: Path, n: int, jobs: int, k: int, variants: int, corpus: Path) -> dict:
    """A full build into an empty output folder, then rebuilds with the cache it wrote:
    nothing changed; 1% new articles added (new copies and new problems: one variant more);
    1% of the first articles deleted (put back afterwards). The full build starts RACY_NS
    after the corpus was last written (synthesised, or its deleted files put back): a file
    changed closer to a build's start is hashed again by the next build (cache.settled), and
    with more than runner.RACY_HASHED of them the full build keeps no `last-build` record, so
    the no-change rebuild was not the walk a real batch's is (30k: 0.039 of a full build, not
    0.010)."""
    shutil.rmtree(out, ignore_errors=True)
    time.sleep(RACY_NS / 1e9 + 0.5)
    runs = {"full": pipeline_run(src, out, jobs), "no change": pipeline_run(src, out, jobs)}
    synth.synthesise(corpus, src / "new", max(1, n // 100), seed=100 + k, variants=variants + 1)
    runs["+1%"] = pipeline_run(src, out, jobs)
    gone = src.parent / f"{src.name}-gone"
    files = sorted(p for p in src.rglob("*.md") if p.parent.name != "new")
    removed = random.Random(7 + k).sample(files, max(1, n // 100))
    for f in removed:
        (gone / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
        f.rename(gone / f.relative_to(src))
    runs["-1%"] = pipeline_run(src, out, jobs)
    for f in removed:
        (gone / f.relative_to(src)).rename(f)
    shutil.rmtree(gone)
    shutil.rmtree(src / "new")
    shutil.rmtree(out)
    return runs


def scale_table(corpus: Path, work: Path, sizes: list[int], jobs: int, repeat: int) -> list[str]:
    """Each size built `repeat` times, each a full build then its rebuilds (rebuild_runs):
    the median time of each, its ratio to the full build's median, the highest peak memory."""
    lines = [
        f"Scale: synthetic corpora from the sample (bench/synth.py: spun copies, ~25% perturbed variants, and "
        f"problem variants by device-word and model-number substitution, one per {synth.ARTICLES_PER_VARIANT:,} "
        f"articles), median of {repeat} runs each, --jobs {jobs}; a full build into an empty output folder (it "
        "writes the cache), then rebuilds with its cache: nothing changed, 1% new articles, 1% of the first deleted",
        "",
        "| articles | distinct bodies | entries | full s | " + " | ".join(f"{r} s (ratio)" for r in REBUILDS)
        + " | full CPU s | " + " | ".join(f"{r} CPU s (ratio)" for r in REBUILDS) + " | peak RSS full | peak RSS rebuilds |",
        "|---:|---:|---:|---:|" + "---:|" * (2 * len(REBUILDS) + 1) + "---:|---:|",
    ]
    walls = []
    for n in sizes:
        src, out = work / f"synth-{n}", work / f"synth-out-{n}"
        variants = synth.problem_variants(n)
        synth.synthesise(corpus, src, n, variants=variants)
        runs = [rebuild_runs(src, out, n, jobs, k, variants, corpus) for k in range(repeat)]
        med = {kind: statistics.median(r[kind]["wall"] for r in runs) for kind in ("full", *REBUILDS)}
        cpu = {kind: statistics.median(r[kind]["cpu"] for r in runs) for kind in ("full", *REBUILDS)}
        first = runs[0]["full"]
        lines.append(f"| {n:,} | {first['distinct']:,} | {first['entries']:,} | {med['full']:.2f} | "
                     + " | ".join(f"{med[r]:.2f} ({med[r] / med['full']:.3f})" for r in REBUILDS)
                     + f" | {cpu['full']:.2f} | " + " | ".join(f"{cpu[r]:.2f} ({cpu[r] / cpu['full']:.3f})" for r in REBUILDS)
                     + f" | {mb(max(r['full']['rss'] for r in runs))}"
                     + f" | {mb(max(r[kind]['rss'] for r in runs for kind in REBUILDS))} |")
        walls.append(f"- {n:,}: " + "; ".join(f"{kind} {_walls([r[kind] for r in runs])} s"
                                               for kind in ("full", *REBUILDS))
                     + "; CPU " + "; ".join(f"{kind} " + ", ".join(f"{r[kind]['cpu']:.2f}" for r in runs)
                                           for kind in ("full", *REBUILDS)))
        print(lines[-1], file=sys.stderr)
        shutil.rmtree(src)
    return lines + ["", "All runs:", *walls]


def engine_table(corpus: Path, work: Path, sizes: list[int], jobs: int) -> list[str]:
    """Each size built once on each engine (a full build, --no-cache), alternately: wall and
    CPU seconds, the client's peak RSS and each worker's (issue 31: the worker's bounded as
    the corpus grows, the client's not beyond the entries it writes), and whether the bytes
    are the same."""
    lines = [
        f"Engines: the local process pool (--jobs {jobs}) vs Dask (--engine dask --scheduler local:{jobs}), a full "
        "build with --no-cache of the scale corpora above, one run each",
        "",
        "| articles | engine | wall s | CPU s | peak RSS client | peak RSS per worker | peak RSS scheduler, nannies "
        "| peak RSS total | same kb.json |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for n in sizes:
        src = work / f"synth-{n}"
        synth.synthesise(corpus, src, n, variants=synth.problem_variants(n))
        runs = {e: pipeline_run(src, work / f"engine-{e}-{n}", jobs, cache=False, engine=e) for e in ("local", "dask")}
        same = (work / f"engine-local-{n}" / "kb.json").read_bytes() == (work / f"engine-dask-{n}" / "kb.json").read_bytes()
        for e, r in runs.items():
            lines.append(f"| {n:,} | {e} | {r['wall']:.2f} | {r['cpu']:.2f} | {mb(r['client'])} | "
                         f"{', '.join(mb(w) for w in r['workers']) or '-'} | "
                         f"{', '.join(mb(v) for _, v in r['others']) or '- (in the client)' if e == 'dask' else '-'} | "
                         f"{mb(r['rss'])} | {'yes' if same else 'NO'} |")
            print(lines[-1], file=sys.stderr)
        for e in runs:
            shutil.rmtree(work / f"engine-{e}-{n}")
        shutil.rmtree(src)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the sample .tar.xz (or an unpacked folder)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scale", default="10000,30000,100000", help="synthetic sizes; '' to skip")
    ap.add_argument("--scale-repeat", type=int, default=3, help="runs of each synthetic size (the median is shown)")
    ap.add_argument("--scale-only", action="store_true", help="only the scale table (no sample, no anchor)")
    ap.add_argument("--engines", default="", help="sizes to build on both engines, local and Dask (the dask extra)")
    ap.add_argument("--engines-only", action="store_true", help="only the engines table")
    ap.add_argument("--results", type=Path, default=HERE / "results.md", help="write the tables here too")
    args = ap.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"sample corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        work = Path(tmp)
        corpus = args.corpus
        if corpus.is_file():
            with tarfile.open(corpus) as tar:
                tar.extractall(work / "corpus", filter="data")
            corpus = work / "corpus"
        head = [f"# Benchmark results", "",
                f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
                f"measured {time.strftime('%Y-%m-%d')} with `make bench` (`python bench/bench.py`).", ""]
        print("\n".join(head), flush=True)
        parts = []
        alone = args.scale_only or args.engines_only
        for make in (lambda: [] if alone else sample_table(corpus, work, args.repeat, args.jobs)[0],
                     lambda: [] if alone else incremental_table(corpus, work, args.jobs, args.repeat),
                     lambda: scale_table(corpus, work, [int(s) for s in args.scale.split(",") if s], args.jobs,
                                         args.scale_repeat)
                     if args.scale and not args.engines_only else [],
                     lambda: engine_table(corpus, work, [int(s) for s in args.engines.split(",") if s], args.jobs)):
            lines = make()
            if lines:
                print("\n".join(lines) + "\n", flush=True)
                parts.append("\n".join(lines))
        args.results.write_text("\n".join(head) + "\n" + "\n\n".join(parts) + "\n", "utf-8")


if __name__ == "__main__":
    main()
