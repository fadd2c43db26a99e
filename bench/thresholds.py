"""Measure the consolidation thresholds on the sample corpus (numbers quoted in README).

For every distinct article of the sample, make near-duplicates the way spinners and
editors do (a typo fixed, a sentence reworded, an extra fix added, two fixes swapped) and
look-alikes the way template sites do (the product/model name swapped throughout), then
report the MinHash Jaccard estimate of each against its original and the verdict of the
same-problem check. Also reports the estimate for every pair of distinct sample articles.

    python bench/thresholds.py [--corpus PATH]
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np

from pipeline.clean import Cleaner
from pipeline.consolidate import Clusterer, Group, body_key, same_problem
from pipeline.ingest import parse_article
from pipeline.model import Options
from pipeline.rules import load_rules
from pipeline.runner import build
import pipeline.runner as runner

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "techidaily-sample.tar.xz"


def groups_of(corpus: Path) -> list[Group]:
    captured = {}
    real = runner.build_entries

    def spy(groups, *args, **kwargs):
        captured["groups"] = groups = list(groups)
        return real(groups, *args, **kwargs)

    runner.build_entries = spy
    with tempfile.TemporaryDirectory() as out:
        build(corpus, Path(out), Options(jobs=2), use_cache=False)
    runner.build_entries = real
    # a build keeps no cleaned body in its groups (the cache holds each once): clean the
    # canonical member again, which gives the same text
    cleaner = Cleaner(load_rules())
    for g in captured["groups"]:
        art = parse_article(g.first.path, (corpus / g.first.path).read_bytes(), Options())
        g.cleaned = cleaner.clean(art.body).text
    return captured["groups"]


def variant(g: Group, kind: str, rng: random.Random, structurer) -> Group | None:
    text = g.cleaned
    paras = text.split("\n\n")
    if kind == "typo":
        words = [m for m in re.finditer(r"\b[a-z]{6,}\b", text)]
        if not words:
            return None
        m = rng.choice(words)
        w = m.group(0)
        text = text[:m.start()] + w[0] + w[2] + w[1] + w[3:] + text[m.end():]
    elif kind == "reword":
        idx = [i for i, p in enumerate(paras) if len(p) > 200 and not p.startswith(("#", "!", "|"))]
        if not idx:
            return None
        i = rng.choice(idx)
        paras[i] = "In short: " + paras[i].replace(" the ", " this ", 2)
        text = "\n\n".join(paras)
    elif kind == "extra_fix":
        heads = [i for i, p in enumerate(paras) if p.startswith("#")]
        at = heads[-1] if heads else len(paras)
        paras.insert(at, "## Fix 9: Restart your computer\n\nSave your work, restart the computer, and try again.")
        text = "\n\n".join(paras)
    elif kind == "swap_fixes":
        heads = [i for i, p in enumerate(paras) if re.match(r"#+ (?:fix|method|solution|way|step) \d", p, re.I)]
        if len(heads) < 3:
            return None
        a, b, c = heads[0], heads[1], heads[2]
        text = "\n\n".join(paras[:a] + paras[b:c] + paras[a:b] + paras[c:])
    elif kind == "model_swap":
        names = re.findall(r"\b[A-Z][A-Za-z]*[- ]?\d{2,5}[A-Za-z]?\b", text)
        if not names:
            return None
        name = max(set(names), key=names.count)
        new = re.sub(r"\d", lambda m: str((int(m.group(0)) + 3) % 10), name)
        if new == name or names.count(name) < 2:
            return None
        text = text.replace(name, new)
    key = body_key(text)[0]
    return Group(key=key, members=[g.first], structure=structurer.structure(text, g.first.title),
                 cleaned=text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            if not CORPUS.exists():
                sys.exit(f"no corpus at {CORPUS}")
            with tarfile.open(CORPUS) as tar:
                tar.extractall(tmp, filter="data")
            corpus = Path(tmp)
        groups = groups_of(corpus)
    from pipeline.structure import Structurer
    structurer = Structurer(load_rules())
    o = Options()
    cl = Clusterer(o)
    rng = random.Random(7)
    sig = {id(g): cl.signature(g.text) for g in groups}
    print(f"{len(groups)} distinct articles in the sample\n")
    print("| variant | n | Jaccard est. min / median | verdict 'same' | below candidate_jaccard |")
    print("|---|---|---|---|---|")
    for kind in ("typo", "reword", "extra_fix", "swap_fixes", "model_swap"):
        ests, same, below = [], 0, 0
        for g in groups:
            v = variant(g, kind, rng, structurer)
            if v is None:
                continue
            est = float(np.mean(sig[id(g)] == cl.signature(v.text)))
            ests.append(est)
            below += est < o.candidate_jaccard
            same += same_problem(g, v, o) == "same"
        print(f"| {kind} | {len(ests)} | {min(ests):.2f} / {statistics.median(ests):.2f} | {same} | {below} |")
    pairs = []
    for i in range(len(groups)):
        for j in range(i + 1, len(groups)):
            pairs.append(float(np.mean(sig[id(groups[i])] == sig[id(groups[j])])))
    pairs.sort(reverse=True)
    print(f"\nDistinct sample articles: {len(pairs)} pairs; Jaccard est. of the top 5: "
          + ", ".join(f"{p:.2f}" for p in pairs[:5])
          + f"; pairs >= {o.candidate_jaccard}: {sum(p >= o.candidate_jaccard for p in pairs)}")


if __name__ == "__main__":
    main()
