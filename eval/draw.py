"""Seeded draw of the gold articles (issue #23): distinct bodies, not picked by hand.

Groups every file of the corpora into spun groups by a crude key that does not use the
pipeline: the body's words once ad blocks, link farms, HTML tags, links (text and target: spun
copies differ in their related-post lists) and the title heading are dropped. On the sample this
gives 236 groups where the pipeline finds 233 distinct problems. Then it draws groups per site with
a fixed seed and splits them once into a tuning and a check half.

    python eval/draw.py CORPUS_DIR > eval/draw.json
    python eval/draw.py --more CORPUS_DIR [CORPUS_DIR ...] < eval/draw.json > eval/draw-more.json
    python eval/draw.py --check2 CORPUS_DIR [CORPUS_DIR ...] > eval/draw-check2.json

CORPUS_DIR holds the unpacked corpora (techidaily/<site>/*.md). `--more` is the second draw
(session 10): the first tuning half held no deal, driver-download or product-page page, so every
kind rule was fitted to one side of the check half's boundaries. It draws further groups with its
own seed, never one of the first draw's, and puts all of them in the tuning half: the check half
stays as it was, measured and unread.
`--check2` is the third draw (session 14): the check half's 43 articles were too few to show a change
of a few percent, so a second check half ("check2") of 42 further groups, never one of the first two
draws', was labelled blind from the sources and is reported as its own column. Its groups lean on the
variety corpus, whose sites hold far more groups than helpers' seeded reading draws have touched.
"""
import hashlib
import json
import random
import re
import sys
from pathlib import Path

SEED = 23
PER_SITE = {
    "network-issues": 25, "site-printer-issues": 25,          # the sample's two sites
    "site-win-forum": 12, "site-hardware-tips": 12, "site-app-tips": 12,  # the variety corpus
}
MORE_SEED = 2026
MORE_PER_SITE = {"network-issues": 3, "site-printer-issues": 3,
                 "site-win-forum": 10, "site-hardware-tips": 10, "site-app-tips": 10}
CHECK2_SEED = 1412
CHECK2_PER_SITE = {"network-issues": 6, "site-printer-issues": 6,
                   "site-win-forum": 10, "site-hardware-tips": 10, "site-app-tips": 10}
_AD = re.compile(r"<!--\s*affiliate ads begin\s*-->.*?<!--\s*affiliate ads end\s*-->", re.S | re.I)
_FARM = re.compile(r'<span class="atpl-alsoreadstyle">.*?</div>', re.S)
_TAG = re.compile(r"<[^>\n]{0,2000}>")
_LINK = re.compile(r"!?\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_HEAD = re.compile(r"\A\s*#{1,6} [^\n]*\n")


def body_key(text: str) -> str:
    body = text.split("\n---", 2)[-1] if text.startswith("---") else text
    body = _LINK.sub(" ", _TAG.sub(" ", _FARM.sub(" ", _AD.sub(" ", body))))
    body = _HEAD.sub("", body.lstrip(), count=1)
    return hashlib.sha1(" ".join(re.findall(r"\w+", body.lower())).encode()).hexdigest()[:10]


def site_groups(roots: list[Path], site: str) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for root in roots:
        for path in sorted((root / "techidaily" / site).glob("*.md")):
            key = body_key(path.read_text(encoding="utf-8", errors="replace"))
            groups.setdefault(key, []).append(f"techidaily/{site}/{path.name}")
    return groups


def more(roots: list[Path], taken: set[str], seed: int, per_site: dict[str, int], half: str) -> None:
    """Further groups per site, drawn with their own seed, never one of `taken`'s."""
    rng = random.Random(seed)
    drawn = []
    for site, n in per_site.items():
        groups = site_groups(roots, site)
        free = [k for k in sorted(groups) if f"{site}-{k}" not in taken]
        for key in rng.sample(free, n):
            drawn.append({"id": f"{site}-{key}", "site": site, "files": groups[key], "half": half})
    json.dump(drawn, sys.stdout, indent=1)


def main(root: Path) -> None:
    rng = random.Random(SEED)
    drawn = []
    for site, n in PER_SITE.items():
        groups = site_groups([root], site)
        for key in rng.sample(sorted(groups), n):
            drawn.append({"id": f"{site}-{key}", "site": site, "files": groups[key]})
    ids = [d["id"] for d in drawn]
    check = set(rng.sample(ids, len(ids) // 2))
    for d in drawn:
        d["half"] = "check" if d["id"] in check else "tuning"
    json.dump(drawn, sys.stdout, indent=1)


if __name__ == "__main__":
    if sys.argv[1] == "--more":
        more([Path(a) for a in sys.argv[2:]], {d["id"] for d in json.load(sys.stdin)}, MORE_SEED, MORE_PER_SITE,
             "tuning")
    elif sys.argv[1] == "--check2":
        here = Path(__file__).resolve().parent
        taken = {d["id"] for f in ("draw.json", "draw-more.json") for d in json.loads((here / f).read_text("utf-8"))}
        more([Path(a) for a in sys.argv[2:]], taken, CHECK2_SEED, CHECK2_PER_SITE, "check2")
    else:
        main(Path(sys.argv[1]))
