"""The slowest single file (issue #22): each crafted hostile input, fuzz seed and fuzz
regression, and optionally every file of a corpus, through the per-article stages (read,
clean, structure) in this process; prints the slowest against the per-file budget.

    python bench/slowest.py [CORPUS_DIR ...]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pipeline.clean import Cleaner  # noqa: E402
from pipeline.ingest import parse_article  # noqa: E402
from pipeline.model import Article, Options  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402
from pipeline.structure import Structurer  # noqa: E402

FM = "---\ntitle: t\n---\n\n"
N = 300_000
CRAFTED = {  # (the inputs of tests/test_hostile.py that stalled builds before #22)
    "link destination of 300k spaces": FM + "Intro [a](" + " " * N + "x\n",
    "dangling destination of 300k spaces": FM + "Intro ](" + " " * N + "x\n",
    "suspect definition of 300k spaces": FM + "Intro ] :" + " " * N + ")\n",
    "100k unterminated ad markers": FM + "intro\n\n" + "x <!-- affiliate ads begin --> y\n" * 100_000,
    "20k link farms": FM + "".join('<span class="atpl-alsoreadstyle">Also read:</span><div><ul><li><a href="'
                                   'https://x.com/a">a</a></li></ul></div>\n\npara\n\n' for _ in range(20_000)),
    "heading of 300k spaces": "# a" + " " * N + "x\n\nbody text here\n",
    "broken YAML value of 60k spaces": "---\ntitle: 'a' b\nfoo: a" + " " * 60_000 + "x\n---\n\nbody\n",
}


def timed(name: str, data: bytes, cleaner: Cleaner, structurer: Structurer, options: Options) -> float:
    t0 = time.perf_counter()
    art = parse_article(name, data, options)
    if isinstance(art, Article):
        cleaned = cleaner.clean(art.body)
        structurer.structure(cleaned.text, art.title)
    return time.perf_counter() - t0


def main(corpora: list[str]) -> None:
    rules, options = load_rules(), Options()
    cleaner, structurer = Cleaner(rules), Structurer(rules)
    inputs = [(name, text.encode()) for name, text in CRAFTED.items()]
    for folder in (ROOT / "fuzz" / "seeds", ROOT / "tests" / "fuzz_regressions", *map(Path, corpora)):
        inputs += [(str(p), p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()]
    times = sorted(((timed(n, d, cleaner, structurer, options), n) for n, d in inputs), reverse=True)
    print(f"{len(times)} files; budget {options.file_seconds:g} s per file per stage")
    for t, n in times[:8]:
        print(f"{t:8.3f} s  {n}")
    print(f"slowest: {times[0][0]:.3f} s = {times[0][0] / options.file_seconds:.1%} of the budget")


if __name__ == "__main__":
    main(sys.argv[1:])
