"""Crafted inputs that made consolidation quadratic (issue 22, item 7), and their figures.

    python bench/hostile.py long N        # one article of N numbered paragraphs, plus a spun copy
    python bench/hostile.py templates N   # N template pages for N products: none merges
    python bench/hostile.py headless N    # one article that is one paragraph of N words, plus a spun copy
    python bench/hostile.py wide N        # one article of N sections of 8,000 characters, plus a spun copy

Each run builds the crafted corpus in a fresh process (`python -m pipeline build`, cache
on) and prints the wall time, the peak RSS (resource.getrusage, this process's children:
the build and its workers), the verdicts the build judged and kept in its cache index,
and the index's size. The generators are importable (tests use them at small sizes).
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FM = '---\ntitle: "{title}"\ndate: 2024-01-{day:02d}\n---\n\n'


def long_article(n: int, title: str = "How to fix a very long list", day: int = 1) -> str:
    """One article whose body is n numbered paragraphs, each its own step."""
    paras = "\n\n".join(f"{i}. Open panel {i} and set option {i * 7919 % 100003} to value {i * 31}."
                        for i in range(1, n + 1))
    return FM.format(title=title, day=day) + f"# {title}\n\n## Steps\n\n{paras}\n"


def long_sections(n: int, title: str = "How to fix a very long page", day: int = 1) -> str:
    """One article whose body is n sections, each a heading and a paragraph."""
    secs = "\n\n".join(f"## Part {i}: setting {i * 7919 % 100003}\n\nChange value {i * 31} in panel {i}, "
                       f"then restart service {i % 97}." for i in range(1, n + 1))
    return FM.format(title=title, day=day) + f"# {title}\n\n{secs}\n"


def headless(n: int, title: str = "Why the long page", day: int = 1, swap: int = 0) -> str:
    """One article whose body is a single paragraph of n words (no heading: one headless
    section), every 50th word changed from position `swap` on (a spun copy)."""
    words = [f"w{i * 7919 % 1000003}" for i in range(n)]
    for k in range(swap, n if swap else 0, 50):
        words[k] = "z" + words[k]
    return FM.format(title=title, day=day) + " ".join(words) + ".\n"


def wide(n: int, title: str = "How to fix a very wide page", day: int = 1, spun: bool = False) -> str:
    """One article of n sections, each a heading and one paragraph of 8,000 characters; a
    spun copy rewrites every 4th paragraph in other characters (no counterpart anywhere, yet
    the copy shares enough to be verified against the original section by section)."""
    def para(i):
        words = " ".join(f"v{(i * 7919 + j * 104729) % 100003}" for j in range(1200))[:8000]
        return words.translate(_LETTERS) if spun and i % 4 == 0 else words
    secs = "\n\n".join(f"## Part {i}: setting {i}\n\n{para(i)}." for i in range(1, n + 1))
    return FM.format(title=title, day=day) + f"# {title}\n\n{secs}\n"


_LETTERS = str.maketrans("0123456789v", "qwertyuiopk")


TEMPLATE = """# How to fix the {model} printer offline error

Your {model} printer says it is offline even though it is switched on and connected to the
same network as your computer. This guide walks through the fixes that work for most
people, from the simplest to the most involved, so start at the top and stop when it works.

## Why is the {model} printer offline?

The printer loses its network address after a router restart, the print spooler service
stops responding, the wrong port is selected, or the driver installed for it is outdated.

## Fix 1: Restart the printer and the router

Turn off the {model}, unplug the router for thirty seconds, then turn both back on and
wait until the network light on the printer stays solid before you print a test page.

## Fix 2: Set the {model} as the default printer

Open Settings, go to Bluetooth and devices, then Printers and scanners, select the printer
in the list and click Set as default. Windows stops switching to another device on its own.

## Fix 3: Restart the Print Spooler service

Press Win and R, type services.msc and press Enter, then right-click Print Spooler in the
list and choose Restart. Pending jobs that were stuck in the queue are sent again.

## Fix 4: Update the {model} driver

Download the latest driver for the {model} from the support page of the manufacturer and
install it, then restart your computer and print a test page to confirm it is back online.
"""


def template_page(k: int) -> str:
    model = f"LaserJet M{1000 + k}X{k * 37 % 1000}"
    return FM.format(title=f"{model} printer offline", day=1 + k % 28) + TEMPLATE.format(model=model)


def write_corpus(kind: str, n: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "long":
        (folder / "long.md").write_text(long_article(n), "utf-8")
        spun = long_article(n, title="[Updated] How to fix a very long list", day=2)
        (folder / "long-copy.md").write_text(spun.replace("Open panel 1 ", "Open the panel 1 "), "utf-8")
    elif kind == "sections":
        (folder / "long.md").write_text(long_sections(n), "utf-8")
        spun = long_sections(n, title="[Updated] How to fix a very long page", day=2)
        (folder / "long-copy.md").write_text(spun.replace("in panel 1,", "in the panel 1,"), "utf-8")
    elif kind == "headless":
        (folder / "long.md").write_text(headless(n), "utf-8")
        (folder / "long-copy.md").write_text(headless(n, "[Updated] Why the long page", 2, swap=7), "utf-8")
    elif kind == "wide":
        (folder / "wide.md").write_text(wide(n), "utf-8")
        (folder / "wide-copy.md").write_text(wide(n, "[Updated] How to fix a very wide page", 2, spun=True), "utf-8")
    elif kind == "templates":
        for k in range(n):
            (folder / f"t{k:05d}.md").write_text(template_page(k), "utf-8")
    else:
        raise SystemExit(f"unknown kind {kind!r}")


def run(kind: str, n: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="kb-hostile-") as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        write_corpus(kind, n, src)
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "pipeline", "build", "--input", str(src), "--output", str(out),
                               "--quiet"], cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-2000:])
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # the largest child
        stats = json.loads((out / "kb.json").read_bytes())["stats"]
        index = out / ".cache" / "index"
        lines = index.read_bytes().split(b"\n", 4)  # (its checksum, head, "verdicts {...}" and "near {...}" lines, articles)
        verdicts = len(json.loads(lines[2].partition(b" ")[2]))
        return {"kind": kind, "n": n, "seconds": round(wall, 2), "peak_rss_mb": round(peak / 2**20, 1),
                "entries": stats["entries"], "candidates": stats["near_duplicate_candidates"],
                "cached_verdicts": verdicts, "index_mb": round(index.stat().st_size / 2**20, 2)}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(json.dumps(run(sys.argv[1], int(sys.argv[2]))))
