"""Cuts found by scanning: comment-delimited ad blocks, link farms, the title heading."""
from __future__ import annotations

import re
from collections import Counter

from .html_blocks import _BLOCK_SPLIT

# --------------------------------------------------------------- 3. ad markers

_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>")

_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def _cut_marker_blocks(text: str, ctx, removed: Counter, warnings: list[str]) -> str:
    begins = [b for b in ctx.begin if b in text]
    if not begins:
        return _drop_stray_end_markers(text, ctx, removed)
    find = _Finder(text)
    out = []
    pos = 0
    unterminated, first_line = 0, 0
    start, marker = find.first(begins, 0)
    while start >= 0:
        inner = start + len(marker)
        end_at, end_marker = find.first(ctx.end, inner)
        next_begin, _ = find.first(begins, inner)
        out.append(text[pos:start])
        if end_at >= 0 and (next_begin < 0 or end_at < next_begin):
            block = text[inner:end_at]
            stop = end_at + len(end_marker)
        else:
            unterminated += 1
            first_line = first_line or text.count("\n", 0, start) + 1
            stop = _end_of_html_run(text, inner)
            block = text[inner:stop]
        removed["ad_block"] += 1
        removed[_block_kind(block, ctx)] += 1
        pos = _join_point(text, start, stop)
        start, marker = find.first(begins, pos)
    out.append(text[pos:])
    if unterminated == 1:
        warnings.append(f"ad begin marker at body line {first_line} has no end marker; removed the ad HTML after it only")
    elif unterminated:  # one warning per file, not per marker (100k markers made an 11 MB kb.json)
        warnings.append(f"{unterminated} ad begin markers have no end marker (the first at body line {first_line}); "
                        "removed the ad HTML after each only")
    return _drop_stray_end_markers("".join(out), ctx, removed)


class _Finder:
    """`first(needles, pos)`: the earliest (index, needle) of any needle at or after `pos`,
    or (-1, ""), for positions that never decrease: each needle's next occurrence is found
    once and kept until passed (a find per marker scanned the whole text: quadratic)."""

    def __init__(self, text: str):
        self.text = text
        self.next: dict[str, int] = {}

    def first(self, needles, pos: int) -> tuple[int, str]:
        best = (-1, "")
        for n in needles:
            at = self.next.get(n, pos)
            if 0 <= at < pos or n not in self.next:
                at = self.next[n] = self.text.find(n, pos)
            if at >= 0 and (best[0] < 0 or (at, n) < best):
                best = (at, n)
        return best

_BLANK_LINES = re.compile(r"(?:[ \t]*\n)+")


def _join_point(text: str, start: int, stop: int) -> int:
    """Swallow the line break after a block that filled whole lines, and the blank lines
    after it when a blank line came before it: the text reads as if the block had never
    been there (copies of one article with and without an ad in a place come out alike)."""
    at_line_start = start == 0 or text[start - 1] == "\n"
    if at_line_start and stop < len(text) and text[stop] == "\n":
        stop += 1
        if _blank_line_before(text, start):
            m = _BLANK_LINES.match(text, stop)
            if m:
                stop = m.end()
    return stop


def _blank_line_before(text: str, start: int) -> bool:
    """The line before the one that starts at `start` is blank (or there is none)."""
    return start == 0 or not text[text.rfind("\n", 0, start - 1) + 1:start].strip()


def _cut_link_farms(text: str, ctx, removed: Counter) -> str:
    """Blocks (between blank lines) of the usual injected link-farm shape go: each spun
    copy carries a different one. The farm class is found by scanning; other farm shapes
    are left to the block pass. (The text is put together once, not per cut.)"""
    for cls in ctx.farm_classes:
        needle = f'<span class="{cls}">'
        out, kept, pos = [], 0, 0
        while (at := text.find(needle, pos)) >= 0:
            pos = at + len(needle)
            start = text.rfind("\n", 0, at) + 1
            if text[start:at].strip() or not (start == kept or _blank_line_before(text, start)):
                continue  # not at the start of a block
            after = _BLOCK_SPLIT.search(text, at)
            stop = len(text) if after is None else after.start()
            if ctx.farm_shape.match(text, start, stop):
                removed["link_farm"] += 1
                out.append(text[kept:start])
                if after is None:  # the last block: the blank lines before it go too
                    head = "".join(out).rstrip("\n")
                    out, kept = [head + "\n" if head else ""], len(text)
                    break
                kept = pos = after.end()
        if out:
            text = "".join(out) + text[kept:]
    return text

_TITLE_HEADING = re.compile(r"\s*#{1,6}[ \t][^\n<]*\n[ \t]*\n")


def _split_title(text: str) -> tuple[str | None, str]:
    """(the leading heading, the rest) when the body opens with a heading followed by a
    blank line (a block of its own), else (None, text)."""
    m = _TITLE_HEADING.match(text)
    if m is None:
        return None, text
    return text[:m.end()], text[m.end():]


def _drop_stray_end_markers(text: str, ctx, removed: Counter) -> str:
    for e in ctx.end:
        if e in text:
            removed["stray_marker"] += text.count(e)
            text = text.replace(e, "")
    return text


def _block_kind(block: str, ctx) -> str:
    for kind, signatures in ctx.kinds:
        if any(s in block for s in signatures):
            return kind
    return "empty_ad"


def _end_of_html_run(text: str, pos: int) -> int:
    """End of the HTML that follows an unterminated begin marker: whole lines while they are
    tags or sit inside an open element; stops at the first line of plain markdown."""
    depth = 0
    cur = pos
    n = len(text)
    while cur < n:
        nl = text.find("\n", cur)
        line_end = n if nl < 0 else nl
        line = text[cur:line_end]
        stripped = line.strip()
        if depth == 0 and stripped and not stripped.startswith("<"):
            return cur
        if depth == 0 and not stripped and cur > pos:
            return cur
        for m in _TAG_TOKEN.finditer(line):
            name = m.group(2).lower()
            if name in _VOID or m.group(3):
                continue
            depth += -1 if m.group(1) else 1
            depth = max(depth, 0)
        cur = line_end + 1
    return n
