"""Text helpers every stage shares, each defined once."""
from __future__ import annotations

import html
import re

# Bidirectional marks and overrides (U+202E makes "exe.txt" read "txt.exe")
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What a title must not hold (YAML escapes put them there): control characters but tab
# and newline, and bidi marks; removed.
CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
# What a file name shown in any output must not hold: every control character and bidi
# mark; escaped (ingest.display_name).
UNPRINTABLE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")

# Where HTML may start: `<` and a letter, `!`, `/` or `?`.
HTML_START = re.compile(r"<[A-Za-z!/?]")
# The blank after a sentence's end, also after the quote mark that closes it (`... see "Show
# Clipboard Access." Toggle it on.`): split on it to get sentences.
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+")


def remember(memo: dict, key, value, limit: int):
    """memo[key] = value, the memo emptied first when it holds `limit` items (a bound on
    memory that costs a little recomputing); returns value."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value


# A tag as a browser reads one (`<` then a letter, up to the next `>` or the text's end),
# and comments, also unclosed.
PLAIN_TAG = re.compile(r"<!--.*?(?:-->|\Z)|</?([A-Za-z][A-Za-z0-9]*)([^>]*)(?:>|\Z)", re.S)
# Markup written as entities in prose (`&lt;img src=x onerror=...&gt;`): shown as text, but
# one decoding away from a tag, so a tag of a known element or with attributes goes.
# Browsers also decode `&lt` and `&#60` without the semicolon.
_LT, _GT = r"&(?:lt;?|#0*60(?![0-9]);?|#x0*3c(?![0-9a-f]);?)", r"&(?:gt;?|#0*62(?![0-9]);?|#x0*3e(?![0-9a-f]);?)"
ESCAPED_TAG = re.compile(
    _LT + r"/?([A-Za-z][A-Za-z0-9]*)([^<>&\n]*(?:&(?!lt|gt|#0*6[02](?![0-9])|#x0*3[ce](?![0-9a-f]))[^<>&\n]*)*)"
    r"(?:" + _GT + "|$|(?=[<>]|" + _LT + "))",
    re.I | re.M)


def is_markup(tag: re.Match, elements: frozenset) -> bool:
    """A PLAIN_TAG match that is a comment, a known element or has attributes: not a
    `<placeholder>`."""
    name, rest = tag.group(1), tag.group(2)
    return name is None or name.lower() in elements or "=" in rest or "<" in rest


class Inert:
    """Plain-text fields (titles, headings, step titles, link texts, labels) made inert with
    one rule set: its `html_elements` and its `safe_schemes.never` — so that a `--rules`
    file reaches every field, not only the cleaner's (built once per rule set: `of`)."""

    _built: dict[str, "Inert"] = {}

    def __init__(self, elements, never) -> None:
        self.elements = frozenset(n.lower() for n in elements)
        # a bare URL with a script or data scheme in prose (`javascript:alert(1)`): the
        # scheme followed by anything but a space, unless that is only closing marks
        # ("**not about data:**", "(data:)"); "JavaScript: enable it" and "Winsock data:" stay
        scheme = (r"(?:" + "|".join(re.escape(t[:-1]) for t in never) + r"):"
                  r"(?![*_`~)\]}>\"'.,;:!?]*(?:\s|$))[^\s]+")
        self.bare_unsafe = re.compile(r"(?<![A-Za-z0-9])" + scheme, re.I)
        self.unsafe_anywhere = re.compile(scheme, re.I)

    @classmethod
    def of(cls, rules) -> "Inert":
        if rules.digest not in cls._built:
            cls._built[rules.digest] = cls(rules.get("html_elements", "names"), rules.get("safe_schemes", "never"))
        return cls._built[rules.digest]

    def plain(self, text: str) -> str:
        """HTML tags of known elements, tags with attribute values, comments and bare script
        URLs removed; `<placeholders>` like `oem<NUMBER>.inf` kept. Whitespace is collapsed
        where something was removed."""
        if "<" not in text and ":" not in text and "&" not in text:
            return text

        def tag(m: re.Match) -> str:
            return " " if is_markup(m, self.elements) else m.group(0)

        out = PLAIN_TAG.sub(tag, text) if "<" in text else text
        out = ESCAPED_TAG.sub(tag, out) if "&" in out else out
        out = self.bare_unsafe.sub(" ", out) if ":" in out else out
        if "&" in out and ":" in out and self.bare_unsafe.search(html.unescape(out)):
            out = self.unsafe_anywhere.sub(" ", out)  # an entity hides the boundary (`&#3888data:`)
        return out if out == text else " ".join(out.split())
