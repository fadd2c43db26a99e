"""Check gold labels against their sources only (never against a build): a labeller's lint.

    python eval/check_gold.py CORPUS_DIR [CORPUS_DIR ...] --gold eval/gold [ID ...]

CORPUS_DIR holds the unpacked corpora (techidaily/<site>/*.md). For each label (all, or the ids
given) it reports what eval/score.py could not score as the labeller meant: a missing field or an
unknown kind or half; a fix key, chrome or keep sentence that is not verbatim in the first file's
text (compared as score.py compares: lower-case words, markup ignored); a key far from 4–10
words or inside another fix's key; a title_ok that misses a title_terms term or holds a title_never one; a
title_bad that is no file's front-matter title. Exit status 1 when any label has a problem.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from score import contains, title_ok, words  # noqa: E402

KINDS = {"troubleshooting", "how-to", "driver-download", "review", "deal", "product-page", "news", "other"}
HALVES = {"tuning", "check", "check2"}
FIELDS = ("id", "site", "half", "files", "kind", "titles_ok", "title_terms", "title_never", "title_bad", "fixes",
          "chrome", "keep")
_TITLE = re.compile(r"^title:\s*(.*)$", re.M)


def source(roots: list[Path], rel: str) -> str | None:
    for root in roots:
        if (root / rel).is_file():
            return (root / rel).read_text("utf-8", errors="replace")
    return None


def front_title(text: str) -> str:
    head = text.split("\n---", 1)[0] if text.startswith("---") else ""
    m = _TITLE.search(head)
    return m.group(1).strip().strip("'\"") if m else ""


def problems(label: dict, roots: list[Path]) -> list[str]:
    out = [f"missing field {f!r}" for f in FIELDS if f not in label]
    if out:
        return out
    if label["kind"] not in KINDS:
        out.append(f"unknown kind {label['kind']!r}")
    if label["half"] not in HALVES:
        out.append(f"unknown half {label['half']!r}")
    texts = [source(roots, f) for f in label["files"]]
    if texts[0] is None:
        return out + [f"first file not found: {label['files'][0]}"]
    body = words(texts[0])
    for fix in label["fixes"]:
        n = len(words(fix.get("key", "")).split())
        if not 4 <= n <= 12:  # (4–10 asked; a word or two over does no harm)
            out.append(f"fix {fix.get('title')!r}: key has {n} words (4–10)")
        if not contains(body, fix.get("key", "")):
            out.append(f"fix {fix.get('title')!r}: key not verbatim in the first file: {fix.get('key')!r}")
        if not {"title", "key", "promotional", "has_manual_way"} <= fix.keys():
            out.append(f"fix {fix.get('title')!r}: needs title, key, promotional, has_manual_way")
    keys = [words(f.get("key", "")) for f in label["fixes"]]
    for i, k in enumerate(keys):
        if any(j != i and k.strip() and k in o for j, o in enumerate(keys)):
            out.append(f"key {label['fixes'][i].get('key')!r} is inside another fix's key")
    for field in ("chrome", "keep"):
        out += [f"{field} not verbatim in the first file: {s!r}" for s in label[field] if not contains(body, s)]
    bare = {**label, "title_bad": []}
    out += [f"titles_ok {t!r} fails title_terms/title_never" for t in label["titles_ok"] if not title_ok(t, bare)]
    scraped = {words(front_title(t)) for t in texts if t}
    out += [f"title_bad {t!r} is no file's front-matter title" for t in label["title_bad"] if words(t) not in scraped]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="+", type=Path)
    ap.add_argument("--gold", type=Path, default=HERE / "gold")
    ap.add_argument("--id", action="append", default=[], help="check only these labels")
    args = ap.parse_args(argv)
    bad = 0
    for path in sorted(args.gold.glob("*.json")):
        label = json.loads(path.read_text("utf-8"))
        if args.id and label.get("id") not in args.id:
            continue
        found = problems(label, args.corpus)
        bad += bool(found)
        for p in found:
            print(f"{path.name}: {p}")
    print(f"{bad} label(s) with problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
