"""What the cleaner took out of each source, as text, for the review pages.

The cleaner counts its removals by kind (sources[].removed); it keeps no removed text, and
a cached build never sees most bodies again. So the text is found by difference: the source
is read again (only if it still has the sha256 the build read), and its body lines that no
kept text of its entry holds (title, summary, sections and their variants, steps), compared
without blanks, emphasis and heading marks, are what went. Consecutive such lines form a block;
a line that shares its opening with a kept line was edited (a link or an ad cut out of it),
not removed, and is marked so. Bounded: a few blocks per source, each cut short, and every
block passed through the safety scrubber before it is shown (escaped as well).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache

from ..ingest import body_text, read_bytes
from ..model import Options

MAX_BLOCKS = 8  # per source
MAX_CHARS = 300  # per block
_PREFIX = 24  # a kept line opening alike: the line was edited, not removed


@dataclass
class Block:
    before: str  # the source's lines
    after: str  # what the entry kept of them: nothing, or the edited lines




# Spun copies repeat their lines within an entry, a site's ads across a few entries: 4,096 lines
# keep 96% of the hits 65,536 did (10k synthetic articles: 257,677 against 269,583 of 315,669 calls),
# whose lines were the report's largest holding (16 MB at 10k, 25 MB at 30k) at the build's peak
@lru_cache(maxsize=1 << 12)
def _norm(line: str) -> str:
    """The line as compared: blanks, emphasis marks and a heading's marks dropped."""
    line = "".join(line.split())
    for mark in "*_`\\":  # emphasis, code and escapes: restyled, not removed
        line = line.replace(mark, "")
    return line.lstrip("#") if line.startswith("#") else line


def kept_lines(entry: dict) -> tuple[set[str], dict[str, str]]:
    """The entry's kept lines (normalised), and each opening to a kept line it opens."""
    texts = [entry.get("title", ""), entry.get("summary", "")] + list(entry.get("alternate_titles", []))
    texts += [s.get("title", "") for s in entry.get("sources", [])]
    for sec in entry.get("sections", []):
        texts += [sec.get("heading", ""), sec.get("text", "")]
        texts += [v.get("text", "") if isinstance(v, dict) else str(v) for v in sec.get("variants", [])]
    for step in entry.get("steps", []):
        texts += [step.get("title", ""), step.get("text", "")] + list(step.get("pitch", []))
    kept: dict[str, str] = {}
    for t in texts:
        for ln in str(t).splitlines():
            if n := _norm(ln):
                kept.setdefault(n, ln.strip())
    return set(kept), {n[:_PREFIX]: ln for n, ln in kept.items() if len(n) >= _PREFIX}


def source_body(root, source: dict) -> str | None:
    """The body of the source as the build read it, or None (gone, unreadable, changed, or
    a name shown escaped, `\\xff`, which does not say its bytes on disk)."""
    path = source["path"]
    if "\\" in path or path.startswith("/") or ".." in path.split("/"):
        return None
    try:  # the name's bytes on disk are its UTF-8, whatever the locale
        data = read_bytes(root, os.fsdecode(path.encode("utf-8")), Options())
    except (UnicodeError, ValueError):
        return None
    if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != source.get("sha256"):
        return None
    return body_text(data)


def _cut(lines: list[str]) -> str:
    text = "\n".join(lines)
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + " …"


def removed_blocks(body: str, kept: tuple[set[str], dict[str, str]]) -> list[Block]:
    """Up to MAX_BLOCKS runs of body lines the entry does not hold, each with what it
    holds of them (the edited lines; empty when they were removed)."""
    lines, openings = kept
    blocks: list[Block] = []
    run: list[str] = []
    after: list[str] = []
    for raw in body.splitlines() + [""]:
        n = _norm(raw)
        if n and n not in lines:
            if len(run) < 12:
                run.append(raw.strip())
                if n[:_PREFIX] in openings and len(n) >= _PREFIX:
                    after.append(openings[n[:_PREFIX]])
            continue
        if run:
            blocks.append(Block(_cut(run), _cut(after)))
            if len(blocks) == MAX_BLOCKS:
                break
        run, after = [], []
    return blocks
