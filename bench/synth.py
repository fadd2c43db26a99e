"""Synthesise a larger scraped corpus from the real sample, for scale benchmarks.

Each synthetic article starts from a random sample article and is either
- a spun copy (about 3 in 4): new SEO title and date, different ads spliced in, or
- a perturbed variant (about 1 in 4): the same, plus its body edited the way re-spun
  pages are: two sections swapped, sentences reworded or dropped, a sentence added.
So about a quarter of the bodies are distinct, and every variant is still the same
problem as its source: a good build consolidates them back to the sample's entries.

Real scrapes also grow in problems, not only in copies: with `variants` V > 1 each article
is first given a problem variant v in 0..V-1; v > 0 rewrites its title and body with v's
substitution (device and brand words swapped, e.g. Intel -> AMD, printer -> scanner, and
the digits of model numbers and error codes permuted), so the copies of one sample problem
under one v are a new problem, a template look-alike of the others (which the look-alike
guard must keep apart). v > 0 draws from a quarter of the sample, so the share of distinct
bodies stays about that of v = 0. `problem_variants(n)` gives about one sample's worth of
problems per 6,000 articles.

    python bench/synth.py N OUT_DIR [--corpus DIR] [--seed S] [--variants V]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SPIN_PREFIXES = ["", "[New] ", "[Updated] ", "In 2024, ", "2024 Approved: ", "[Solved] ", "Updated: "]
SPIN_SUFFIXES = ["", " | Dr.fone", " (Updated)", " in 2025", " - Easy Guide", " [Fixed]"]
SWAPS = [(" the ", " this "), (" you ", " users "), (" can ", " may "), (" click ", " select "),
         (" your ", " the "), (" will ", " should "), (" and ", " & "), (" easily ", " quickly ")]
ADDED = ["This usually helps.", "Try it before moving on.", "Most readers found this works.",
         "It only takes a minute.", "Check again afterwards."]
_AD = re.compile(r"<!-- affiliate ads begin -->.*?<!-- affiliate ads end -->", re.S)
_FM = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r"^title:.*$", re.M)
_DATE = re.compile(r"^date:.*$", re.M)
_SECTION = re.compile(r"(?m)^(?=## )")
# words a problem variant swaps within their group (case kept); the digits of numbers of 3+
# digits and of tokens mixing letters and digits (model numbers, error codes) are permuted
WORD_GROUPS = [("Intel", "AMD", "Nvidia"), ("Lenovo", "Dell", "Asus", "Acer", "HP"), ("Zoom", "Teams", "Skype"),
               ("Windows 10", "Windows 11", "Windows 8"), ("W10", "W11", "W8"), ("iPhone", "iPad", "Pixel", "Galaxy"),
               ("printer", "scanner", "plotter"), ("keyboard", "mouse", "touchpad"), ("Chrome", "Firefox", "Edge"),
               ("laptop", "desktop", "tablet"), ("Wi-Fi", "Bluetooth", "Ethernet"), ("Valorant", "Fortnite", "Overwatch"),
               ("Steam", "Origin", "Uplay"), ("webcam", "microphone", "headset"), ("Radeon", "GeForce", "Arc")]
_NUMBER = re.compile(r"\b(?=[\w-]*\d)(?!(?:19|20)\d\d\b)(?:\d{3,}|[A-Za-z0-9][\w-]{2,})\b")
ARTICLES_PER_VARIANT = 6000


def load(corpus: Path) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(front matter, title, body) of every sample article, and a pool of its ad blocks."""
    articles, ads = [], set()
    for path in sorted(corpus.rglob("*.md")):
        text = path.read_text("utf-8", errors="replace")
        m = _FM.match(text)
        if not m:
            continue
        t = re.search(r"^title:\s*(.*)$", m.group(1), re.M)
        title = t.group(1).strip().strip("'\"") if t else path.stem
        body = text[m.end():]
        articles.append((m.group(1), title, body))
        if len(ads) < 400:
            ads.update(_AD.findall(body)[:2])
    return articles, sorted(ads)


def perturb(body: str, rng: random.Random) -> str:
    sections = _SECTION.split(body)
    if len(sections) > 3 and rng.random() < 0.5:  # swap two neighbouring sections (not the intro)
        k = rng.randrange(1, len(sections) - 1)
        sections[k], sections[k + 1] = sections[k + 1], sections[k]
        if not sections[k].endswith("\n"):
            sections[k] += "\n"
    paras = "".join(sections).split("\n\n")
    prose = [i for i, p in enumerate(paras) if len(p) > 80 and p.lstrip()[:1].isalpha()]
    for _ in range(rng.randint(1, 3)):
        if not prose:
            break
        i = rng.choice(prose)
        op = rng.random()
        if op < 0.5:
            old, new = rng.choice(SWAPS)
            paras[i] = paras[i].replace(old, new, 1)
        elif op < 0.75:
            sentences = paras[i].split(". ")
            if len(sentences) > 1:
                del sentences[rng.randrange(len(sentences))]
                paras[i] = ". ".join(sentences)
        else:
            paras[i] = paras[i].rstrip() + " " + rng.choice(ADDED)
    return "\n\n".join(paras)


def problem_variants(n: int) -> int:
    return max(1, round(n / ARTICLES_PER_VARIANT))


class Variant:
    """Problem variant v's substitution (v = 0: none); the same for every article."""

    def __init__(self, v: int):
        rng = random.Random(f"variant-{v}")
        self.v, self.map = v, {}
        for group in WORD_GROUPS:
            shift = rng.randrange(1, len(group))
            for i, word in enumerate(group):
                self.map[word.lower()] = group[(i + shift) % len(group)]
        digits = list("0123456789")
        rng.shuffle(digits)
        self.digits = str.maketrans("0123456789", "".join(digits))
        words = sorted(self.map, key=len, reverse=True)
        self.words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)
        # the same words matched in the lower-cased text: twice as fast as re.I (len-preserving text only)
        self.lower = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")

    def _word(self, m: re.Match) -> str:
        return self._swap(m.group(0))

    def _swap(self, old: str) -> str:
        new = self.map[old.lower()]
        if old.islower():
            return new.lower()
        return new[:1].upper() + new[1:] if old[:1].isupper() and not new[:1].isupper() else new

    def __call__(self, text: str) -> str:
        if not self.v:
            return text
        text = _NUMBER.sub(lambda m: m.group(0).translate(self.digits), text)
        low = text.lower()
        if len(low) != len(text):  # (a character whose lower case is longer: positions would shift)
            return self.words.sub(self._word, text)
        out, last = [], 0
        for m in self.lower.finditer(low):
            start, end = m.span()
            out += (text[last:start], self._swap(text[start:end]))
            last = end
        out.append(text[last:])
        return "".join(out)


def respin(front: str, title: str, body: str, ads: list[str], rng: random.Random, n: int) -> str:
    new_title = rng.choice(SPIN_PREFIXES) + title + rng.choice(SPIN_SUFFIXES)
    front = _TITLE.sub(lambda _: "title: " + json.dumps(new_title), front, count=1)
    day = f"20{rng.randint(22, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{n % 24:02d}:00:00.000Z"
    front = _DATE.sub(lambda _: "date: " + day, front, count=1)
    body = _AD.sub("", body)
    paras = body.split("\n\n")
    for _ in range(rng.randint(1, 3)):  # new ads at paragraph breaks
        if ads:
            paras.insert(rng.randrange(1, max(2, len(paras))), rng.choice(ads))
    return f"---\n{front}\n---\n" + "\n\n".join(paras)


def synthesise(corpus: Path, out: Path, n: int, seed: int = 1, distinct_share: float = 0.25,
               variants: int = 1) -> int:
    articles, ads = load(corpus)
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    subs = [Variant(v) for v in range(variants)]
    substituted: dict[tuple[int, int], tuple[str, str]] = {}  # (v, article) -> its title and body under v
    folders = [out / f"part{k:02d}" for k in range(min(n, 64))]
    for folder in folders:
        folder.mkdir(exist_ok=True)
    for i in range(n):
        v = rng.randrange(variants)
        if v:  # a quarter of the sample, the same for every article of this variant
            a = random.Random(f"subset-{v}-{rng.randrange(len(articles) // 4)}").randrange(len(articles))
            front, title, body = articles[a]
            if (v, a) not in substituted:  # (the substitution was 9 in 10 of the time: made once per article)
                substituted[v, a] = subs[v](title), subs[v](body)
            title, body = substituted[v, a]
        else:
            front, title, body = articles[rng.randrange(len(articles))]
        if rng.random() < distinct_share:
            body = perturb(body, rng)
        with open(folders[i % 64] / f"article-{i:06d}.md", "w", encoding="utf-8") as fh:
            fh.write(respin(front, title, body, ads, rng, i))
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, required=True, help="unpacked sample corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variants", type=int, help="problem variants (default: problem_variants(N))")
    args = ap.parse_args()
    synthesise(args.corpus, args.out, args.n, args.seed, variants=args.variants or problem_variants(args.n))


if __name__ == "__main__":
    main()
