"""The benchmark's tools (bench/): the synthetic corpus and how a build's processes are told apart."""
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import bench  # noqa: E402
import synth  # noqa: E402

BODY = """## Fix the Intel Wi-Fi driver on a Lenovo laptop

Open Device Manager on Windows 10 and find the INTEL wireless adapter (model AX201, error 0x80070005).
The printer, the Printer and the PRINTER are not the same word case; a non-Intel card or a Wi-Fi-only
tablet too. Steam_Origin and intelligent are not words of a group; Chrome, firefox and edge are.
"""


def _corpus(root: Path) -> Path:
    root.mkdir(parents=True)
    for i, title in enumerate(["Intel Wi-Fi not working on Lenovo laptop", "Printer offline in Windows 11",
                               "Zoom webcam black screen", "Fix error 0x80070005 on Dell desktop"]):
        body = BODY.replace("Intel", ["Intel", "HP", "Zoom", "Dell"][i])
        ads = "<!-- affiliate ads begin -->\n<a href='https://shop.example/x'>Buy</a>\n<!-- affiliate ads end -->"
        (root / f"a{i}.md").write_text(f"---\ntitle: '{title}'\ndate: 2024-01-0{i + 1}T00:00:00.000Z\n---\n"
                                       f"{body}\n{ads}\n\n## Step two\n\nRestart the {title.split()[0]} "
                                       f"machine and try again. {BODY}", "utf-8")
    return root


def test_a_variant_substitutes_as_the_case_insensitive_pattern_does():
    for v in range(1, 4):
        sub = synth.Variant(v)
        for text in (BODY, BODY.upper(), "From İstanbul: " + BODY):  # (İ lower-cases to 2 characters)
            reference = sub.words.sub(sub._word, synth._NUMBER.sub(lambda m: m.group(0).translate(sub.digits), text))
            assert sub(text) == reference
            assert sub(text) != text


def test_the_same_seed_gives_the_same_corpus(tmp_path):
    corpus = _corpus(tmp_path / "in" / "site")
    made = []
    for k in range(2):
        out = tmp_path / f"out{k}"
        synth.synthesise(corpus.parent, out, 200, seed=5, variants=3)
        made.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*.md"))})
    assert len(made[0]) == 200 and made[0] == made[1]
    assert any(b"AMD" in b or b"Nvidia" in b for b in made[0].values())  # (problem variants were made)


def test_the_processes_of_a_dask_cluster_are_told_from_its_workers():
    procs = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", "--spec", spec])
             for spec in ('{"cls": "distributed.Scheduler"}', '{"cls": "distributed.Nanny"}', "{}")]
    try:
        time.sleep(0.2)
        assert [bench._role(p.pid) for p in procs] == ["scheduler", "nanny", "worker"]
    finally:
        for p in procs:
            p.kill()
            p.wait()


def test_the_rebuild_runs_full_build_starts_when_no_file_is_racily_clean(tmp_path, monkeypatch):
    """A file changed within cache.RACY_NS of a build's start is hashed again by the next
    build, and a build with many such files keeps no `last-build` record: the bench's full
    build must start after the freshly synthesised corpus has settled, or its no-change
    rebuild is not the walk a real batch's is."""
    from pipeline.cache import settled, signature
    corpus = _corpus(tmp_path / "in" / "site")
    src = tmp_path / "src"
    synth.synthesise(corpus.parent, src, 40, seed=3)
    started = []

    def run(input_dir, output_dir, jobs, cache=True, engine="local"):
        now = time.time_ns()
        started.append(all(settled(signature(p.stat()), now) for p in Path(input_dir).rglob("*.md")))
        Path(output_dir).mkdir(parents=True, exist_ok=True)
        return {}
    monkeypatch.setattr(bench, "pipeline_run", run)
    runs = bench.rebuild_runs(src, tmp_path / "out", 40, 1, 0, 1, corpus.parent)
    assert list(runs) == ["full", "no change", "+1%", "-1%"]
    assert started[0]  # the full build: every file settled
