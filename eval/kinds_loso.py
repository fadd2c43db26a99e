"""How well page kinds may generalise, estimated on the tuning half alone (issue #25).

    python eval/kinds_loso.py [KB.json ...]   # default: the two builds of eval/.work

The kind rules are cues written by reading the tuning half; a cue that only that reading
supports does not carry to a site nobody has read. Leave one site out: for each site of the
tuning gold, keep only the cues (text, repeated, title and lead_<kind> cues of [page_kinds];
a lead cue counts as firing when the text says it anywhere) that fire on some tuning article
of *another* site whose gold kind is the cue's kind, re-read every entry
of the builds with those (per-site labels are learned again, unsupervised, as the build
does) and score that site's tuning articles, and count the share of all the site's entries
that are not troubleshooting (a review or news site never seen should read as one: >= 90%).
The check half is never read.
"""
from __future__ import annotations

import copy
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from pipeline.kinds import KindClassifier, page_text  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402

GROUPS = ("cues", "repeated", "titled", "lead")


def fired(kc: KindClassifier, entry: dict) -> set[tuple[str, str, int]]:
    """(group, kind, index) of every cue that fires on the entry."""
    text = page_text(entry)
    titles = [t for t in [entry.get("title", ""), *entry.get("alternate_titles", [])] if t]
    out = set()
    for group in GROUPS:
        for kind, cues in getattr(kc, group).items():
            for i, cue in enumerate(cues):
                hay = titles if group == "titled" else [text]
                if any(cue.search(h) for h in hay):
                    out.add((group, kind, i))
    return out


def without(kc: KindClassifier, keep: set[tuple[str, str, int]]) -> KindClassifier:
    out = copy.copy(kc)
    for group in GROUPS:
        setattr(out, group, {k: [c for i, c in enumerate(cs) if (group, k, i) in keep]
                             for k, cs in getattr(kc, group).items()})
    return out


def main(paths: list[str]) -> None:
    paths = paths or [str(HERE / ".work" / n / "kb.json") for n in ("sample", "variety")]
    docs = [json.loads(Path(p).read_text("utf-8"))["entries"] for p in paths]
    index = {s["path"]: (d, i) for d, entries in enumerate(docs) for i, e in enumerate(entries) for s in e["sources"]}
    gold = [g for g in (json.loads(p.read_text("utf-8")) for p in sorted((HERE / "gold").glob("*.json")))
            if g["half"] == "tuning" and g["files"][0] in index]
    kc = KindClassifier(load_rules())
    support = {g["id"]: {c for c in fired(kc, docs[index[g["files"][0]][0]][index[g["files"][0]][1]])
                         if c[1] == g["kind"]} for g in gold}
    total, right = Counter(), Counter()
    for site in sorted({g["site"] for g in gold}):
        keep = set().union(*(support[g["id"]] for g in gold if g["site"] != site))
        masked = without(kc, keep)
        kinds = [masked.classify_all(entries) for entries in docs]
        for g in (g for g in gold if g["site"] == site):
            d, i = index[g["files"][0]]
            total[site] += 1
            right[site] += kinds[d][i] == g["kind"]
        built = [k for entries, ks in zip(docs, kinds) for e, k in zip(entries, ks)
                 if f"/{site}/" in e["sources"][0]["path"]]
        other = sum(k != "troubleshooting" for k in built) / max(len(built), 1)
        print(f"{site}: {right[site]}/{total[site]} (cues kept {len(keep)}); "
              f"not troubleshooting {other:.3f} of its {len(built)} entries")
    print(f"leave-one-site-out kinds (tuning): {sum(right.values()) / max(sum(total.values()), 1):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
