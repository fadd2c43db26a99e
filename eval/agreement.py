"""How far two blind labellers agree on the same articles: the yardstick's own noise.

    python eval/agreement.py SECOND_LABELS_DIR [--gold eval/gold]

For every label in SECOND_LABELS_DIR whose id is also in the gold, it compares the second
labeller's reading with the gold's: the page kind; the fixes (a second labeller's fix matches a
gold fix when one's key is in the other's title + key words, or their titles agree by
rapidfuzz token_set_ratio >= 70), and on matched fixes the promotional flag; and the titles
(each labeller's titles_ok judged by the other's title_terms / title_never, as score.py judges a
chosen title). A figure a pipeline change moves by less than this disagreement is noise.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rapidfuzz import fuzz

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from score import title_ok, words  # noqa: E402


def matched(a: list[dict], b: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of fixes (one of a, one of b) that name the same fix, each fix used once, in a's order."""
    pairs, used = [], set()
    for fa in a:
        for j, fb in enumerate(b):
            if j in used:
                continue
            wa, wb = words(fa["title"] + " " + fa["key"]), words(fb["title"] + " " + fb["key"])
            if (words(fa["key"]) in wb or words(fb["key"]) in wa
                    or fuzz.token_set_ratio(fa["title"], fb["title"]) >= 70):
                pairs.append((fa, fb))
                used.add(j)
                break
    return pairs


def compare(gold: dict, second: dict) -> dict:
    pairs = matched(gold["fixes"], second["fixes"])
    return {
        "kind": gold["kind"] == second["kind"],
        "gold_fixes": len(gold["fixes"]), "second_fixes": len(second["fixes"]), "matched": len(pairs),
        "promo_agree": sum(bool(a["promotional"]) == bool(b["promotional"]) for a, b in pairs),
        "titles_b_by_a": (sum(title_ok(t, {**gold, "title_bad": []}) for t in second["titles_ok"]),
                          len(second["titles_ok"])),
        "titles_a_by_b": (sum(title_ok(t, {**second, "title_bad": []}) for t in gold["titles_ok"]),
                          len(gold["titles_ok"])),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("second", type=Path)
    ap.add_argument("--gold", type=Path, default=HERE / "gold")
    args = ap.parse_args(argv)
    rows = []
    for path in sorted(args.second.glob("*.json")):
        gold_path = args.gold / path.name
        if gold_path.exists():
            second, gold = json.loads(path.read_text("utf-8")), json.loads(gold_path.read_text("utf-8"))
            rows.append((gold["id"], gold["kind"], second["kind"], compare(gold, second)))
    if not rows:
        print("no label of the second labeller is in the gold", file=sys.stderr)
        return 1
    n = len(rows)
    tot = lambda key: sum(r[3][key] for r in rows)  # noqa: E731
    pair = lambda key: (sum(r[3][key][0] for r in rows), sum(r[3][key][1] for r in rows))  # noqa: E731
    g, s, m = tot("gold_fixes"), tot("second_fixes"), tot("matched")
    ba, ab = pair("titles_b_by_a"), pair("titles_a_by_b")
    print(f"articles {n}")
    print(f"kind agreement {tot('kind') / n:.3f}")
    print(f"fixes: gold {g}, second {s}, matched {m} (of gold {m / max(g, 1):.3f}, of second {m / max(s, 1):.3f})")
    print(f"promotional agreement on matched fixes {tot('promo_agree') / max(m, 1):.3f}")
    print(f"second's titles_ok acceptable by the gold's terms {ba[0] / max(ba[1], 1):.3f}; "
          f"gold's by the second's {ab[0] / max(ab[1], 1):.3f}")
    for ident, kg, ks, r in rows:
        if kg != ks or r["matched"] < max(r["gold_fixes"], r["second_fixes"]):
            print(f"- {ident}: kind {kg} / {ks}; fixes {r['gold_fixes']} / {r['second_fixes']}, matched {r['matched']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
