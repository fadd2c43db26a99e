"""The last line of defence, applied to the whole document before anything is written: no
string of any output carries executable markup, whatever the cleaner missed.

What counts as executable is what a lenient renderer or a browser would run:
- a URL with a script scheme where markdown or HTML reads a URL (`](…)`, a `[ref]: …`
  definition, an autolink `<…>`, an `href=`/`src=` value), read as a browser reads it:
  entities and percent-escapes decoded, whitespace, control characters and backslashes
  inside dropped (`java&#10;script:`, `%0Ajavascript:`, `java\\nscript:` all count);
- a `<script` tag, and any tag with an `on…=` event handler.
Such a URL is emptied (the link keeps its text), such a tag removed; each is counted
(stats `executable_stripped`) so a cleaning bug shows instead of shipping.
"""
from __future__ import annotations

import html
import re
from urllib.parse import unquote

from .write import digest

# Where a URL starts. The window it spans ends at the first closing character.
_LINK, _DEFINITION, _ANGLE = r"\]\s*\(", r"^[ \t]{0,3}\[[^\]\n]{0,999}\]:", "<"
_ATTRIBUTE = r"\b(?:href|src|action|formaction|xlink:href|background|poster)\s*="
# A text is searched only for the ways it can hold: a definition ends in "]:", an attribute in
# "=", so in a text without them that way matches nowhere, and leaving it out finds the same
# starts without trying its case-blind words at every character (0.9 s of the 1.3 s the scrub
# took over a 30k-article build's entries). Keyed by ("]:" in the text, "=" in the text).
_URL_STARTS = {(d, a): re.compile("|".join(way for way, held in ((_LINK, True), (_DEFINITION, d), (_ANGLE, True),
                                                                  (_ATTRIBUTE, a)) if held), re.I | re.M)
               for d in (False, True) for a in (False, True)}
_WINDOW_END = {"(": ")", ":": "\n", "<": ">", "=": None}
_SQUEEZE = re.compile(r"[\s\x00-\x20\x7f-\x9f\\\"'`<]+")
_TAG_EXEC = re.compile(r"<\s*/?\s*script\b[^<>]{0,2000}>?|<[A-Za-z][^<>]{0,2000}?[\s/\"']on[a-z]{3,30}\s*=[^<>]{0,2000}>?",
                       re.I)
_WINDOW_MAX = 4096
# A URL is first judged by its window's first _PREFIX characters. A cut through an escape
# garbles its decoded character and those after it: at most 33 characters a round (the
# longest entity; a numeric one of any length decodes to one), 3 rounds, doubled by
# lower-casing ("İ" is 2): _GARBLED.
_PREFIX, _GARBLED = 16, 256
# A character that is part of no escape in any round of decoding (an entity is `&`, a name
# or number and `;`; a %-escape `%` and two hex digits), so text decodes apart on each side.
_BOUNDARY = re.compile(r"[^A-Za-z0-9#;&%]")
_QUOTE = re.compile(r"\s*([\"'])?")  # an attribute value's opening quote, if any
_VALUE_END = re.compile(r"[\s>]")  # ...and the end of an unquoted one


def squeezed(url: str) -> str:
    """The URL as a browser acts on it: entities and %-escapes decoded (twice over at most),
    blanks, controls, quotes and backslashes gone, lower case."""
    for _ in range(3):
        decoded = unquote(html.unescape(url))
        if decoded == url:
            break
        url = decoded
    return _SQUEEZE.sub("", url).lower()


class Scrubber:
    def __init__(self, never: list[str]):
        self.never = tuple(s.lower() for s in never)
        self.longest = max(map(len, self.never), default=0)
        self.count = 0

    def text(self, s: str) -> str:
        if "<" in s:
            s = self._tags(s)
        if not ("(" in s or ":" in s or "<" in s or "=" in s):
            return s
        out, pos = [], 0
        for m in _URL_STARTS["]:" in s, "=" in s].finditer(s):
            start = m.end()
            if start < pos:
                continue
            closer = _WINDOW_END[m.group(0).rstrip()[-1]]
            end = self._window_end(s, start, closer, nested=False)
            if self._executable(s, start, end):
                end = self._window_end(s, start, closer)
                self.count += 1
                out.append(s[pos:start])
                pos = end
        if not out:
            return s
        out.append(s[pos:])
        return "".join(out)

    def _executable(self, s: str, start: int, end: int) -> bool:
        """Whether squeezed(s[start:end]) starts with a `never` scheme, decided on a prefix
        of the window when that tells, read 8 times longer when not: every URL start's own
        4,096-character window, decoded whole, cost 9 s on 160 KB of `[a](`. A prefix that
        ends before a character no escape can hold (_BOUNDARY) decodes exactly as the window
        does there: every round of decoding leaves that character as it is, and an entity's
        name, a number or a %-escape cannot run past it. A prefix cut inside a run of such
        characters: before its first `&` or `%` nothing decodes, so its squeezed text is the
        window's own; past it, a cut can garble only the last _GARBLED of its decoded
        characters (an escape cut in two and what follows it, over 3 rounds of decoding)."""
        n = _PREFIX
        while start + n < end:
            stop = _BOUNDARY.search(s, start + n, min(end, start + 2 * n))
            if stop:
                head = squeezed(s[start:stop.start()])
                if len(head) >= self.longest:
                    return head.startswith(self.never)
            else:
                raw = s[start:start + n]
                cut = min((i for i in (raw.find("&"), raw.find("%")) if i >= 0), default=n)
                head = squeezed(raw[:cut])
                if len(head) >= self.longest:
                    return head.startswith(self.never)
                if cut < n and len(d := squeezed(raw)) - _GARBLED >= self.longest:
                    return d.startswith(self.never)
            n *= 8
        return squeezed(s[start:end]).startswith(self.never)

    def _tags(self, s: str) -> str:
        def drop(m: re.Match) -> str:
            self.count += 1
            return ""
        return _TAG_EXEC.sub(drop, s)

    @staticmethod
    def _window_end(s: str, start: int, closer: str | None, nested: bool = True) -> int:
        limit = min(len(s), start + _WINDOW_MAX)
        if closer is None:  # an attribute value: quoted, or up to a blank or `>`
            m = _QUOTE.match(s, start)
            q = m.group(1)
            end = s.find(q, m.end(), limit) if q else -1
            if end < 0:
                stop = _VALUE_END.search(s, m.end(), limit)
                end = stop.start() if stop else limit
            return end
        if closer == ")" and nested:  # a destination may hold balanced parentheses: `alert(1)`
            depth = 0
            for i in range(start, limit):
                c = s[i]
                if c == "(":
                    depth += 1
                elif c == ")":
                    if depth == 0:
                        return i
                    depth -= 1
            return limit
        end = s.find(closer, start, limit)
        return limit if end < 0 else end

    def walk(self, value):
        """The value with every string in it scrubbed (dict keys are not). What has nothing
        to remove is returned as it is, not copied: a list or dict is copied only when a
        string inside it changed, so scrubbing a clean document holds no second copy of it
        beside the first (at 100k articles that copy was the client's peak). Every change
        counts (`self.count`); a string is returned as it is only when its scrubbed text equals it."""
        if isinstance(value, str):
            scrubbed = self.text(value)
            return value if scrubbed == value else scrubbed
        if isinstance(value, list):
            items = enumerate(value)
        elif isinstance(value, dict):
            items = value.items()
        else:
            return value
        copy = None
        for k, v in items:
            w = self.walk(v)
            if w is not v:
                if copy is None:
                    copy = list(value) if isinstance(value, list) else dict(value)
                copy[k] = w
        return value if copy is None else copy


def scrub(entries: list[dict], never: list[str], memo=None) -> tuple[list[dict], int]:
    """The entries with every executable URL emptied and every script/handler tag removed,
    and how many were. `memo` (the cache: `scrubbed(key)`, `put_scrubbed(key)`) knows the
    entries an earlier build found with nothing to remove, by write.digest: those are
    returned as they are, not walked again."""
    s = Scrubber(never)
    out = []
    for entry in entries:
        key = digest(entry) if memo is not None else None
        if key and memo.scrubbed(key):
            out.append(entry)
            continue
        before = s.count
        out.append(s.walk(entry))
        if key and out[-1] is entry:
            memo.put_scrubbed(key)
    return out, s.count
