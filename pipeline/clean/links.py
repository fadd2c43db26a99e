"""Markdown links: network (farm) links unlinked, affiliate and unsafe destinations dropped, links guarded."""
from __future__ import annotations

import html
import re
import bisect
import unicodedata
from collections import Counter
from urllib.parse import urlsplit

import pyromark

from ..text import PLAIN_TAG, is_markup
from .code import _fenced_blocks
from .urls import _md_url, unwrapped, url_is_affiliate, url_is_safe

# ---------------------------------------------------------------------------- public

# What CommonMark can read as a link or image with a destination: inline `](dest` or a
# `]: dest` definition whose destination is not a plain web, mail or phone URL, or an
# autolink `<scheme:...>` of another scheme. Text with neither gets no CommonMark parse in
# the last check. (Two searches with a literal first character: one regex with
# alternatives makes the engine try every position: 4x slower on the sample.)
_SUSPECT_LINK = re.compile(r"\]\s*+[(:]\s*+<?\s*+(?!(?:https?|ftp)://|mailto:|tel:|[/#.?)\s])")

_SUSPECT_AUTOLINK = re.compile(r"<(?!(?:https?|ftp|mailto|tel):)[A-Za-z][A-Za-z0-9+.\-]{1,31}:")

_MD_TEXT_ESCAPE = re.compile(r"([\\`*_\[\]()<>!])")

_MD_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH

# An escaped `<` (`&lt`, `&#60`, `&#x3c`); searched only when the text has a `&`: an
# alternation without a literal first character is tried at every position (19 us/article).
_ESCAPED_LT = re.compile(r"&(?:lt|#0*60|#x0*3c)", re.I)


def _needs_recheck(text: str) -> bool:
    return "<" in text or "```" in text or "~~~" in text or ("&" in text and _ESCAPED_LT.search(text) is not None)

# A link to a web page (not an image), its text and host: `[text](https://host/path "title")`
_WEB_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?https?://([A-Za-z0-9.-]+)[^\s()<>]*>?"
                       r"(?:\s+\"[^\"\n]*\")?\s*\)")


def _site(host: str) -> str:
    """The domain a host belongs to: `ai-video-tools.techidaily.com` -> `techidaily.com`,
    `shop.example.co.uk` -> `example.co.uk`."""
    labels = host.lower().rstrip(".").split(".")
    n = 3 if len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-n:])


def network_domains(page: str, min_hosts: int) -> set[str]:
    """The domains the page links to `min_hosts` distinct hosts of or more: a farm's network."""
    if page.count("](") < min_hosts:
        return set()
    hosts: dict[str, set[str]] = {}
    for m in _WEB_LINK.finditer(page):
        host = m.group(2).lower().removeprefix("www.")
        hosts.setdefault(_site(host), set()).add(host)
    return {d for d, hs in hosts.items() if len(hs) >= min_hosts}


def linked_domains(page: str) -> set[str]:
    """The domains the page links to (what `known` networks unlink_network can act on)."""
    return {_site(m.group(2).lower().removeprefix("www.")) for m in _WEB_LINK.finditer(page)}


def unlink_network(text: str, min_hosts: int, page: str | None = None,
                   known: frozenset[str] = frozenset()) -> tuple[str, int]:
    """The text with its links into a farm's network of sites turned into their text, and how
    many: a domain is a network when the page (the text as it was before its chrome went, by
    default the text) links to `min_hosts` distinct hosts of it (see the rules'
    [affiliate_hosts] network_hosts), or when it is one of the `known` networks (found so in
    other pages of the build: a page with two links into the farm is rewritten as well).
    Fenced code is left as it is. (Run on a whole cleaned body at build time, after chrome,
    which is known partly by its links.)"""
    page = text if page is None else page
    farms = network_domains(page, min_hosts) | known
    if not farms or "](" not in text:
        return text, 0
    fences = _fenced_blocks(text) if "```" in text or "~~~" in text else []
    n = 0

    def unlink(m: re.Match) -> str:
        nonlocal n
        if (_site(m.group(2).lower().removeprefix("www.")) not in farms
                or any(s <= m.start() < e for s, e in fences)):
            return m.group(0)
        n += 1
        return unlinked(m, m.group(1))
    return _WEB_LINK.sub(unlink, text), n


def unlinked(m: re.Match, label: str) -> str:
    """A link's text in its place, the link gone: set apart by a space from a word it
    touches, as the link set it apart (`the[Raspberry Pi](...)is` read "the Raspberry Pi is",
    not "theRaspberry Piis"; "Nevertheless,[early benchmarks](...)": "Nevertheless, early"), or
    from the link right beside it (`[Quick fixes](...)[Advanced
    fixes](...)`).
    A script written without spaces gets none: a wide letter either side ("設定を開き、[デバイス](...)を").
    Nor does a word a link cut in two, a lone letter on one side of the cut (an injected link
    around a word's first letter: "[O](...)ctober 4", "[O](...)[ctober 4](...)"; or its last:
    "[chief data office](...)r,"). (Not a letter before: "Microsoft's[Game Pass](...)", "Zero
    W[mod](...)" lost their space.)"""
    s, start, end = m.string, m.start(), m.end()
    before = s[start - 1:start]
    after = s[end:end + 1]
    if (before and (before.isalnum() or before in "),;!?") and label[:1].isalnum()  # (")": a link right before: a nav bar's)
            and not _wide(before + label[:1]) and not (before == ")" and _rest_of_word(label) and _after_letter_link(s, start))):
        label = " " + label
    if (after.isalnum() and label[-1:].isalnum() and not _wide(label[-1:] + after)
            and not _lone_letter(s[end:end + 2]) and not (len(label) == 1 and _lone_letter(label) and _rest_of_word(s[end:end + 40]))):
        label += " "
    return label


def _lone_letter(text: str) -> bool:
    """Whether the text starts with one letter alone, not a word of one letter ("a", "I"):
    what is left of a word a link cut in two (`r,` after `[chief data office](...)`)."""
    return text[:1].isalpha() and not text[1:2].isalnum() and text[:1] not in "aAI"


def _rest_of_word(text: str) -> bool:
    """Whether the text starts with a word in small letters ("ctober 4"; not "iOS apps", "Game")."""
    word = _WORD_START.match(text)
    return word is not None and word.group(0).islower()


_WORD_START = re.compile(r"[^\W\d_]+")


def _after_letter_link(s: str, start: int) -> bool:
    """Whether a link whose text is one letter, a word's first ("[O](...)"), ends right before `start`."""
    cut = s.rfind("](", max(0, start - 2048), start)
    return (cut > 1 and not any(c.isspace() for c in s[cut:start]) and s[cut - 2] == "["
            and not s[cut - 3:cut - 2].isalnum() and _lone_letter(s[cut - 1:cut]))


def _wide(chars: str) -> bool:
    """A letter of a script written without spaces between words (CJK: East Asian wide or full width)."""
    return any(unicodedata.east_asian_width(ch) in "WF" for ch in chars)

# ---------------------------------------------------------- 5b. markdown links

# (possessive `*+`/`++`: a destination of 300k spaces backtracked quadratically, at every `](`)
_DEST = (r"\(\s*+(<[^<>\n]*>|[^\s()<>]*+(?:\([^\s()]*\)[^\s()<>]*+)*+)"
         r"(\s++(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*+\)")

_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]" + _DEST)

# A destination left dangling by a broken scrape (`[img](x.png) Title ](affiliate-url)`):
# its opening bracket is gone, so it is no link, but its URL still is an ad or unsafe.
_DANGLING = re.compile(r"\]" + _DEST)

_REFDEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S*?)>?(?:[ \t].*)?$", re.M)


def _rewrite_links(text: str, ctx, removed: Counter) -> str:
    if "](" in text:
        text = _LINK.sub(lambda m: _link(m, ctx, removed), text)
        text = _DANGLING.sub(lambda m: _dangling(m, ctx, removed), text)
    if "]:" in text:
        text = _REFDEF.sub(lambda m: m.group(0) if _bad_url(m.group(1), ctx, removed) is None else "", text)
    return text


def _dangling(m: re.Match, ctx, removed: Counter) -> str:
    real = unwrapped(_destination(m.group(1)), ctx)
    if real is not None:
        removed["affiliate_link"] += 1
        return "" if _bad_url(real, ctx, removed) is not None else f"]({_md_url(real)})"
    return m.group(0) if _bad_url(m.group(1), ctx, removed) is None else ""


def _destination(url: str) -> str:
    """A link destination without the angle brackets it may be written in (`(<a b.png>)`)."""
    return url[1:-1] if url.startswith("<") else url


def _bad_url(url: str, ctx, removed: Counter, image: bool = False) -> str | None:
    """Why a markdown destination must go ('unsafe_url', 'affiliate_link', 'affiliate_image'),
    counted; None for a URL to keep."""
    url = _destination(url)
    if not url_is_safe(url, ctx):
        kind = "unsafe_url"
    elif url_is_affiliate(url, ctx):
        kind = "affiliate_image" if image else "affiliate_link"
    else:
        return None
    removed[kind] += 1
    return kind


def _link(m: re.Match, ctx, removed: Counter) -> str:
    bang, label = m.group(1), m.group(2)
    if "](" in label:
        label = _LINK.sub(lambda n: _link(n, ctx, removed), label)
    real = unwrapped(_destination(m.group(3)), ctx)
    if real is not None:  # an affiliate rewriting of a link whose destination is had back
        removed["affiliate_link"] += 1
        if _bad_url(real, ctx, removed, image=bool(bang)) is not None:
            return "" if bang else unlinked(m, label)
        return f"{bang}[{label}]({_md_url(real)}{m.group(4) or ''})"
    if _bad_url(m.group(3), ctx, removed, image=bool(bang)) is not None:
        return "" if bang else unlinked(m, label)
    if not bang and not label.strip():
        # nothing to click: the scrape's copy of the link beside it (`go to the
        # [](https://support.hp.com/) **[HP support website](https://support.hp.com/)**`)
        removed["empty_link"] += 1
        return ""
    if label != m.group(2):
        return f"[{label}]{m.group(0)[len(m.group(2)) + 2:]}"
    return m.group(0)


def _guard_links(text: str, ctx, removed: Counter) -> str:
    """Last line of defence, in the renderer's own terms: every link or image that a
    CommonMark parser finds in the cleaned text and whose URL is unsafe becomes its plain
    text, and every raw HTML tag it finds that is markup goes. (The cleaner's own reading
    of code spans and fences can differ from CommonMark's on broken input, as the fuzzer
    showed.) Only text with a suspicious destination or tag is parsed."""
    if (_SUSPECT_LINK.search(text) is None and _SUSPECT_AUTOLINK.search(text) is None
            and ("<" not in text or not any(is_markup(m, ctx.elements) for m in PLAIN_TAG.finditer(text)))):
        return text
    raw = text.encode("utf-8")
    cuts, depth, words = [], 0, []  # cuts: [start, end, replacement, kind]
    for ev, rng in pyromark.events_with_range(text, options=_MD_OPTIONS):
        if not isinstance(ev, dict):
            continue
        start = ev.get("Start")
        if isinstance(start, dict) and ("Link" in start or "Image" in start):
            info = start.get("Link") or start.get("Image")
            if depth or not url_is_safe(info["dest_url"], ctx):
                depth += 1
                if depth == 1:
                    cuts.append([rng["start"], rng["end"], "" if "Image" in start else None, "unsafe_url"])
                    words = []
            continue
        end = ev.get("End")
        if depth and end in ("Link", "Image"):
            depth -= 1
            if depth == 0 and cuts[-1][2] is None:
                cuts[-1][2] = _MD_TEXT_ESCAPE.sub(r"\\\1", "".join(words))
            continue
        if depth and ("Text" in ev or "Code" in ev):
            words.append(ev.get("Text") or ev.get("Code"))
        html = ev.get("InlineHtml") or ev.get("Html")
        if not depth and html and "<" in html:
            kept = PLAIN_TAG.sub(lambda m: " " if is_markup(m, ctx.elements) else m.group(0), html)
            if kept != html:
                cuts.append([rng["start"], rng["end"], kept.strip(" ") if kept.strip() else "", "html_removed"])
    if not cuts:
        return text
    out, pos = [], 0
    for start, end, replacement, kind in cuts:
        out.append(raw[pos:start].decode("utf-8"))
        out.append(replacement or "")
        removed[kind] += 1
        pos = end
    out.append(raw[pos:].decode("utf-8"))
    return "".join(out)


# ------------------------------------------------ the lines that lost their links

# A line that is links and little else: a list item or a bar of them ("* [Home](https://site/)",
# "[Back to Learning Portal](https://site/learn/)", "[A](u)[B](u) [C](u)"), its links' text and the first's target
# (a label may hold escaped brackets: "Desktop software \[Windows\]"). Each bold mark has one place: the first
# link's opening one before the links, a link's closing one right after it, the next one's opening one after the
# separators that part them ("**[A](u)** | **[B](u)**") -- a mark placed either way ("[A](u)**[B](u)**") was
# tried both ways at each link, 2^n tries on a line of n links
_LINK_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:\[(?:[^\[\]\\\n]|\\.)+\]\(\s*<?https?://[^\s()<>]+>?\s*\)"
                        r"(?:\*\*|__)?(?:[\s|·•/]+(?:\*\*|__)?)?)+$")
_LINE_LINK = re.compile(r"\[((?:[^\[\]\\\n]|\\.)+)\]\(\s*<?(https?://[^\s()<>]+)>?\s*\)")
_LINE_MARKS = re.compile(r"^\s*(?:[-*+]\s+)?|[*_\s]+$|^[*_]+")
LOST_MOST = 24  # the most lines a body's record of lost links keeps (its first ones: a page's header is what it serves)
LOST_HEAD = 120  # ...among the cleaned body's first lines this many (a header's breadcrumb, byline, labels)
LOST_AHEAD = 60  # a raw line is matched to a cleaned line at most this many lines on from the last matched
LOST_LONGEST = 160  # a line's text longer than this is no label, bar or crumb
LOST_LINE = 4 * LOST_LONGEST  # ...and a line longer than this is not read (no label's; a long run of spaces is not read twice)


def _line_text(line: str) -> str:
    """A line's text as the record keys it: its links' text, its bullet, bold and spaces gone."""
    text = _LINE_LINK.sub(r"\1", line)
    return " ".join(_LINE_MARKS.sub("", text.strip()).split())


def lost_key(line: str) -> str:
    """A line's key in the record of lost links (lost_links): its text as _line_text gives it,
    without spaces (the cleaner sets apart the text of links that touched)."""
    return "".join(_line_text(line).split())


def lost_links(raw: str, cleaned: str, ctx=None) -> tuple[str, ...]:
    """The record of the lines that lost their links in cleaning (an affiliate's or a tracker's
    link unwrapped, the text kept), by position: the raw text's lines that are links and little
    else (a breadcrumb's item, a "Back to ..." label, a bar of links), outside code blocks, each
    matched in order to the next line of the cleaned text (outside code blocks) with its text;
    those whose cleaned line has no link left are recorded, in the cleaned text's order, as
    "host<TAB>n<TAB>text": the host the first link led to (its destination when `ctx`, the
    cleaner, can have a redirect's back: urls.unwrapped), how many lines of the cleaned text
    (outside code blocks) with the same text (lost_key) are over it, so that the record names
    its own line and not an earlier one of its words (a plain "* Home" over a "* [Home](...)"
    the cleaner unwrapped), and the line's text as _line_text gives it. A
    raw line whose link the cleaner kept is matched to its own line and recorded nowhere. The
    first LOST_MOST among the cleaned text's first LOST_HEAD lines; cheap (one pass over each
    text) and a pure function of its inputs. What it serves: chrome known by its links
    (boilerplate.Boilerplate._breadcrumbs, which places the record's lines in order) although
    the cleaner unwrapped them."""
    if "](" not in raw:
        return ()
    code = code_lines(cleaned, LOST_HEAD)
    plain = [line for i, line in enumerate(cleaned.split("\n", LOST_HEAD)[:LOST_HEAD]) if i not in code]
    where: dict[str, list[int]] = {}
    for k, line in enumerate(plain):
        if len(line) > LOST_LINE:
            continue  # (no label's line; and a long run of spaces is not read twice: _LINE_MARKS)
        key = "".join(_line_text(line).split())
        if key:
            where.setdefault(key, []).append(k)
    out, at = [], 0
    in_code = code_lines(raw)
    for n, line in enumerate(raw.split("\n")):
        if at >= len(plain) or len(out) >= LOST_MOST:
            break
        if n in in_code or not line.strip() or len(line) > LOST_LINE:
            continue
        text = _line_text(line)
        found = where.get("".join(text.split()))
        j = bisect.bisect_left(found, at) if found else 0
        if not found or j >= len(found) or found[j] > at + LOST_AHEAD:
            continue  # (the cleaner dropped the line or changed it: no record, no move)
        k, at = found[j], found[j] + 1  # (every line is placed, so a link's line is matched to its own place)
        if "](" not in line or "](" in plain[k] or not _LINK_LINE.match(line):
            continue  # (no link lost there, or no line of links)
        text = _line_text(plain[k])  # (as the cleaned text shows it: links that touched set apart)
        if len(text) > LOST_LONGEST or "\t" in text:
            continue
        url = _LINE_LINK.search(line).group(2)
        real = unwrapped(url, ctx) if ctx is not None else None
        host = _host(real or url)
        if host:
            out.append(f"{host}\t{j}\t{text}")  # (j: how many lines of its text the cleaned text has over it)
    return tuple(out)


def _host(url: str) -> str:
    """A URL's host, lower case ("" for one urllib cannot read)."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def code_lines(text: str, most: int | None = None) -> set[int]:
    """The numbers of the text's lines inside fenced code blocks (fences included), of its first
    `most` lines when given."""
    if "```" not in text and "~~~" not in text:
        return set()
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    out: set[int] = set()
    for a, b in _fenced_blocks(text):
        first, last = bisect.bisect_right(starts, a) - 1, bisect.bisect_right(starts, max(a, b - 1)) - 1
        out.update(range(first, (last if most is None else min(last, most - 1)) + 1))
    return out
