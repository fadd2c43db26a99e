"""Code kept byte for byte: fenced blocks and spans (stray fences are debris), sentinels around them."""
from __future__ import annotations

import re
from collections import Counter

from .urls import url_is_safe

OPEN, CLOSE = "\ue000", "\ue001"

_SENTINEL = re.compile(OPEN + r"(\d+)" + CLOSE)


def unsentinel(text: str) -> str:
    """The text with any sentinel character of its own replaced, so that only the
    cleaner's sentinels are ever restored (they never carry meaning in articles)."""
    return text.replace(OPEN, "\ufffd").replace(CLOSE, "\ufffd")

# ------------------------------------------------------------------ 1. debris

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})([^\n]*)$")

_BACKTICKS = re.compile(r"`+")


def _fenced_blocks(text: str) -> list[tuple[int, int]]:
    """Character ranges of fenced code blocks that have a closing fence."""
    blocks = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    unclosed: dict[str, int] = {}  # fence char -> shortest fence found with no close after it
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = m.group(1)
            if len(fence) >= unclosed.get(fence[0], len(fence) + 1):
                i += 1  # a longer fence than one already unclosed has no close either
                continue
            close = re.compile(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
            for j in range(i + 1, len(lines)):
                if close.match(lines[j]):
                    if not m.group(2).strip() and _not_code(lines[i + 1:j]):
                        # bare stray fences around page content: debris, the opener is no
                        # fence (a fence naming its language, ```html, is code as written)
                        break
                    end = offsets[j] + len(lines[j])
                    blocks.append((offsets[i], end))
                    i = j
                    break
            else:
                unclosed[fence[0]] = len(fence)
        i += 1
    return blocks

# What a fenced block of real code never holds: a broken conversion's stray fences pair up
# around page content (ad markup, headings, images, links, prose), which is debris, not code.
_PAGE_MARKUP = re.compile(r"<!--|<(?:a|img|video|iframe|ins|span|div|p|h[1-6]|ul|ol|li|figure|source)\s[^<>]*=|"
                          r"^ {0,3}#{2,6}[ \t]+\S|!\[[^\]\n]*\]\(|\[[^\]\n]+\]\(https?://", re.I | re.M)

_PROSE = re.compile(r"^[ \t]*(?:[-*+][ \t]+|\d{1,2}[.)][ \t]+)?[\"“‘*_]*[A-Z][a-z’']*(?:[ \t]+[^\s;{}=$|<>\\]+){7,}[.!?:]"
                    r"[\"”’*_)]*[ \t]*$")


def _not_code(lines: list[str]) -> bool:
    """Lines between a fence pair that are page content, not code: page markup, or mostly
    sentences (two or more, and more than half of the lines that are not blank)."""
    text = "\n".join(lines)
    if _PAGE_MARKUP.search(text):
        return True
    filled = [ln for ln in lines if ln.strip()]
    prose = sum(1 for ln in filled if _PROSE.match(ln))
    return prose >= 2 and 2 * prose > len(filled)


def _code_spans(line: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(real code spans, debris runs) in one line, as (start, end) offsets.

    Debris from broken HTML-to-markdown conversion: runs of three or more backticks inside a
    line (real inline code uses one or two), runs of two with no partner, and pairs whose
    "code" holds markdown links or HTML comments (real code never does; ads hide there).
    """
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(line)]
    spans, debris = [], []
    i = 0
    while i < len(runs):
        s, e = runs[i]
        n = e - s
        if n >= 3:
            debris.append((s, e))
            i += 1
            continue
        partner = next((j for j in range(i + 1, len(runs)) if runs[j][1] - runs[j][0] == n), None)
        if partner is not None:
            inner = line[e:runs[partner][0]]
            if any(runs[k][1] - runs[k][0] >= 3 for k in range(i + 1, partner)):
                partner = None  # a debris run inside: these are not a span's delimiters
            elif "](" in inner or "<!--" in inner:
                debris.extend([(s, e), runs[partner]])
                i = partner + 1
                continue
            elif inner.strip():
                spans.append((s, runs[partner][1]))
                i = partner + 1
                continue
        if n == 2:
            debris.append((s, e))
        i += 1
    return spans, sorted(debris)


def _strip_debris(text: str, fences, removed: Counter) -> str:
    if "``" not in text:
        return text
    out = []
    pos = 0
    for start, end in fences + [(len(text), len(text))]:
        out.append(_strip_debris_lines(text[pos:start], removed))
        out.append(text[start:end])
        pos = end
    return "".join(out)


def _strip_debris_lines(chunk: str, removed: Counter) -> str:
    if "``" not in chunk:
        return chunk
    lines = chunk.split("\n")
    for k, line in enumerate(lines):
        if "``" not in line:
            continue
        _, debris = _code_spans(line)
        if not debris:
            continue
        removed["backtick_debris"] += len(debris)
        pieces, pos = [], 0
        for s, e in debris:
            pieces.append(line[pos:s])
            pos = e
            while pos < len(line) and line[pos] in " \t":
                pos += 1
        pieces.append(line[pos:])
        new = "".join(pieces).rstrip()
        if not new.strip(" \t*_#>"):
            new = ""
        lines[k] = new
    return "\n".join(lines)

# ----------------------------------------------------------------- 2. protect

_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>\x00-\x1f]*)>")

_PLACEHOLDER = re.compile(r"<([A-Za-z][A-Za-z0-9_\-]*)>")

_EMAIL = re.compile(
    r"<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~\-]+@[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?)*)>"
)


def _protect(text: str, ctx, removed: Counter) -> tuple[str, list[str]]:
    """Swap code, autolinks and placeholders for sentinels; return the saved originals."""
    saved: list[str] = []

    def keep(s: str) -> str:
        saved.append(s)
        return f"{OPEN}{len(saved) - 1}{CLOSE}"

    fences = _fenced_blocks(text) if "```" in text or "~~~" in text else []
    out = []
    pos = 0
    for start, end in fences + [(len(text), len(text))]:
        chunk = text[pos:start]
        if "`" in chunk:
            chunk = _protect_spans(chunk, keep)
        out.append(chunk)
        if end > start:
            out.append(keep(text[start:end]))
        pos = end
    text = "".join(out)
    if "<" not in text:
        return text, saved

    def autolink(m: re.Match) -> str:
        if text.endswith("](", 0, m.start()) and not re.search(r"[\s()]", m.group(1)):
            # a link's own destination in brackets (`[text](<https://...>)`): the same
            # destination without them, to be judged by the link's rules (affiliate, unsafe)
            return m.group(1)
        if url_is_safe(m.group(1), ctx):
            return keep(m.group(0))
        removed["unsafe_url"] += 1
        return ""

    text = _AUTOLINK.sub(autolink, text)
    if "@" in text:
        text = _EMAIL.sub(lambda m: keep(m.group(0)), text)
    def placeholder(m: re.Match) -> str:
        if m.group(1).lower() in ctx.elements:
            return m.group(0)
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        if not text[line_start:m.start()].strip() and not text[m.end():len(text) if line_end < 0 else line_end].strip():
            # alone on its line, `<NAME>` opens a CommonMark HTML block: what follows (a
            # code fence, say) would be read as raw HTML by renderers. Escaped, it is text.
            return keep("\\" + m.group(0))
        return keep(m.group(0))

    text = _PLACEHOLDER.sub(placeholder, text)
    return text, saved


def _protect_spans(chunk: str, keep) -> str:
    lines = chunk.split("\n")
    for k, line in enumerate(lines):
        if "`" not in line:
            continue
        spans, _ = _code_spans(line)
        if not spans:
            continue
        pieces, pos = [], 0
        for s, e in spans:
            pieces.append(line[pos:s])
            pieces.append(keep(line[s:e]))
            pos = e
        pieces.append(line[pos:])
        lines[k] = "".join(pieces)
    return "\n".join(lines)


def _restore(text: str, saved: list[str]) -> str:
    if not saved:
        return text
    return _SENTINEL.sub(lambda m: saved[int(m.group(1))], text)
