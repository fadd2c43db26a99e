"""Corpus-wide step detectors (issue #24), apart from the scorer: no gold, any build.

    python eval/detect_steps.py KB.json [KB.json ...] [--list]

- hidden manual fixes: entries with a step flagged `promotional` whose text, its `pitch`
  passages taken out, still gives a manual way (says to do it manually, names a maker's site or a
  system tool, or holds numbered sub-steps);
- unflagged pitch steps: steps neither `promotional` nor holding a `pitch` whose text sells
  (a price, free/pro/full version, trial, money-back, purchase/buy/download-now language).
The words are this script's own, independent of the pipeline's rules, so that the pipeline
is not judged by the same list it is built from.
"""
from __future__ import annotations

import json
import re
import sys

MANUAL = re.compile(r"\b(?:update|install|download|do|fix|change|reset|set)\w* (?:\w+ ){0,3}manually\b|manufacturer|\bdevice manager\b|\bcontrol panel\b|\bsettings\b"
                    r"|(?m:^\s*\d{1,2}(?:\\?\.|\))\s)", re.I)
SELLING = re.compile(r"[$€£]\s?\d|\b(?:free|pro|full|paid|premium|trial) version\b|\bfree trial\b|money[- ]back"
                     r"|\b(?:buy|purchase|order) (?:it|now|the)\b|\bdownload now\b|\btry it (?:for )?free\b"
                     r"|\bupgrade to (?:the )?(?:pro|premium|full)\b|\blicen[cs]e key\b", re.I)


FIX_KINDS = ("troubleshooting", "how-to", "driver-download")  # pages whose steps are fixes


def without_pitch(step: dict) -> str:
    text = step.get("text", "")
    for passage in step.get("pitch", []):
        text = text.replace(passage, " ")
    return text


def detect(doc: dict) -> dict:
    hidden, unflagged = [], []
    for e in doc.get("entries", []):
        steps = e.get("steps", [])
        if any(s.get("promotional") and MANUAL.search(without_pitch(s)) for s in steps):
            hidden.append((e["id"], e.get("title", ""), e.get("kind") in FIX_KINDS))
        for s in steps:
            if not s.get("promotional") and not s.get("pitch") and SELLING.search(s.get("text", "")):
                unflagged.append((e["id"], s.get("title", ""), e.get("kind") in FIX_KINDS))
    return {"entries": len(doc.get("entries", [])), "hidden": hidden, "unflagged": unflagged}


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    print("| build | entries | entries hiding a manual fix as promotional | unflagged pitch steps"
          " | of these, in troubleshooting / how-to / driver pages |")
    print("|---|---:|---:|---:|---:|")
    found = {}
    for p in paths:
        with open(p, encoding="utf-8") as f:
            found[p] = detect(json.load(f))
        r = found[p]
        fixes = sum(1 for *_, fix in r["unflagged"] if fix)
        print(f"| {p} | {r['entries']} | {len(r['hidden'])} | {len(r['unflagged'])} | {fixes} |")
    if "--list" in argv:
        for p, r in found.items():
            for kind in ("hidden", "unflagged"):
                for ident, title, fix in r[kind]:
                    print(f"{p}\t{kind}\t{'fix page' if fix else 'other page'}\t{ident}\t{title[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
