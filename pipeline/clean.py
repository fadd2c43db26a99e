"""Stage 2: remove ads, affiliate rewriting, executable markup and scrape debris.

The cleaner works on the markdown body in passes:

0. what spinning varies is cut first, by scanning: comment-delimited ad blocks (outside
   fenced code) and link farms of the usual shape; the title heading is split off, so
   that the rest, the same in every spun copy, is cleaned once (`split`, `join_parts`);
1. stray backtick debris (broken HTML-to-markdown conversion) is removed, real code kept;
2. code (fenced blocks, code spans), autolinks and `<placeholder>`s are swapped for
   sentinels, so no later pass can touch them;
3. comment-delimited ad blocks still left are cut out by scanning for the markers;
4. each remaining block (paragraph) that still holds HTML is parsed with BeautifulSoup and
   rendered back to markdown without ads, scripts, attributes or unsafe URLs;
5. markdown links and images to affiliate or unsafe URLs lose their URL (links keep
   their text, images go); disclaimers, link farms and lone scrape artifacts go;
6. scrape formatting damage is repaired; code is put back byte for byte.

What was removed is counted by kind; anything surprising is a warning.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import pyromark

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from .rules import Rules
from .text import ESCAPED_TAG, HTML_START, PLAIN_TAG, SENTENCE_END, Inert, is_markup, remember

OPEN, CLOSE = "\ue000", "\ue001"
_SENTINEL = re.compile(OPEN + r"(\d+)" + CLOSE)


def unsentinel(text: str) -> str:
    """The text with any sentinel character of its own replaced, so that only the
    cleaner's sentinels are ever restored (they never carry meaning in articles)."""
    return text.replace(OPEN, "\ufffd").replace(CLOSE, "\ufffd")


@dataclass
class Cleaned:
    text: str
    removed: dict[str, int]
    warnings: list[str]


@dataclass
class Split:
    """A body after the first pass: what it removed, and the title heading (None when the
    body does not open with one) and the rest, each to be cleaned on its own."""
    removed: dict[str, int]
    warnings: list[str]
    head: str | None
    rest: str


def join_parts(part: Split, head: Cleaned | None, rest: Cleaned) -> Cleaned:
    """The cleaned body of a split one, from its parts cleaned."""
    parts = (rest,) if head is None else (head, rest)
    text = "\n\n".join(t.text.strip("\n") for t in parts if t.text.strip()) + "\n"
    return Cleaned(text, *merge_counts(part, parts))


def merge_counts(part: Split, parts) -> tuple[dict[str, int], list[str]]:
    """The removal counts and the warnings of a split body, from its parts cleaned."""
    removed = dict(part.removed)
    warnings = list(part.warnings)
    for t in parts:
        for k, n in t.removed.items():
            removed[k] = removed.get(k, 0) + n
        warnings += t.warnings
    return dict(sorted(removed.items())), list(dict.fromkeys(warnings))


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


class Cleaner:
    """Rules compiled once, plus a bounded memo of cleaned blocks: spun copies repeat the
    same paragraphs (and the same AdSense and link-farm fragments) hundreds of times, so
    each distinct block is cleaned once per process. Cleaning a block depends only on the
    block and the rules, so the memo never changes a result."""

    MEMO_LIMIT = 65536
    REST_MEMO_LIMIT = 1024

    def __init__(self, rules: Rules):
        g = rules.get
        self.rules = rules
        self.begin = tuple(g("ad_markers", "begin"))
        self.end = tuple(g("ad_markers", "end"))
        self.kinds = [(k, tuple(v)) for k, v in rules.data["ad_block_kinds"].items()]
        self.drop_tags = frozenset(t.lower() for t in g("drop_elements", "tags"))
        self.adsense = frozenset(g("adsense", "classes"))
        self.text_ads = frozenset(g("text_ads", "classes"))
        self.farm_classes = frozenset(g("link_farms", "classes"))
        # The usual shape of an injected link farm, matched without parsing (6,000+ in the
        # sample, each different). Anything else goes through the HTML parser.
        self.farm_shape = re.compile(
            r'\s*<span class="(?:' + "|".join(re.escape(c) for c in self.farm_classes) + r')">[^<>]*</span>'
            r"\s*<div>\s*<ul>\s*(?:<li>\s*<a href=\"[^\"<>]*\">(?:<u>)?[^<>]*(?:</u>)?</a>\s*</li>\s*)*"
            r"</ul>\s*</div>\s*\Z")
        self.farm_phrases = tuple(p.lower() for p in g("link_farms", "phrases"))
        self.farm_headings = frozenset(h.lower() for h in g("link_farms", "headings"))
        self.posts_lead = re.compile("|".join(f"(?:{p})" for p in g("link_farms", "lead_ins")), re.I)
        # ...anywhere in a text, at the end of any of its lines (the recheck's test)
        self.posts_lead_line = re.compile(self.posts_lead.pattern, re.I | re.M)
        self.hosts = frozenset(h.lower() for h in g("affiliate_hosts", "hosts"))
        self.url_parts = tuple(p.lower() for p in g("affiliate_url_parts", "parts"))
        self.redirect_params = _host_params(g("affiliate_redirects", "params"))
        self.any_redirect_params = frozenset(k.lower() for k in g("affiliate_redirects", "any_host"))
        self.host_shapes = re.compile("|".join(f"(?:{p})" for p in g("affiliate_hosts", "host_shapes")), re.I)
        self.path_shapes = re.compile("|".join(f"(?:{p})" for p in g("affiliate_hosts", "path_shapes")), re.I)
        self.tag_params = _host_params(g("affiliate_tags", "params"))
        self.pixel_styles = tuple(s.lower().replace(" ", "") for s in g("tracking_pixels", "styles"))
        self.pixel_max = max(int(v) for v in g("tracking_pixels", "max_size"))
        self.schemes = frozenset(s.lower() for s in g("safe_schemes", "schemes"))
        self.unsafe_tokens = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(re.escape(t.lower()) for t in g("safe_schemes", "never")) + ")",
            re.I)
        self.disc_first = tuple(w.lower() for w in g("disclaimers", "first"))
        self.disc_second = tuple(w.lower() for w in g("disclaimers", "second"))
        self.cta_anchors = tuple(a.lower() for a in g("calls_to_action", "anchors"))
        self.cta_offers = tuple(o.lower() for o in g("calls_to_action", "offers"))
        self.cta_pointers = tuple(o.lower() for o in g("calls_to_action", "pointers"))
        self.cta_buttons = re.compile("|".join(f"(?:{p})" for p in g("calls_to_action", "buttons")), re.I)
        self.cta_card = re.compile(r"\S.{40,}?[\s.!?](?:" + self.cta_buttons.pattern + ")", re.I | re.S)
        self.tag_words = max(int(v) for v in g("tag_lists", "max_words"))
        self.tag_urls = tuple(p.lower() for p in g("tag_lists", "url_parts"))
        self.outro_requests = re.compile("|".join(f"(?:{p})" for p in g("outros", "requests")), re.I)
        self.outro_sign_offs = re.compile("|".join(f"(?:{p})" for p in g("outros", "sign_offs")), re.I)
        self.lone_lines = frozenset(g("scrape_artifacts", "lone_lines"))
        self.lone_pattern = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "lone_patterns")))
        self.credit = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "credits")))
        self.caption_credit = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "caption_credits")))
        self.inert = Inert.of(rules)
        self.elements = self.inert.elements
        self._memo: dict[str, tuple] = {}
        self._part_memo: dict[str, tuple] = {}
        self._rest_memo: dict[str, Cleaned] = {}
        self.url_verdicts: dict[tuple[str, str], bool] = {}  # (question, URL) -> answer

    def clean(self, body: str) -> Cleaned:
        """Clean one markdown body. Never raises for any input text; cleaning the result
        again changes nothing.

        Spun copies differ in their injected ads and link farms and in their title heading,
        and almost nowhere else: those are cut first, by scanning (`split`), and the title
        heading, a block of its own, is cleaned on its own, so the rest of the body, the
        costly part, is cleaned once per process for all its copies (memoised here; the
        build's workers share the work out instead, as runner.py does)."""
        part = self.split(body)
        if part.head is None:
            return join_parts(part, None, self.clean_part(part.rest))
        rest = self._rest_memo.get(part.rest)
        if rest is None:
            rest = remember(self._rest_memo, part.rest, self.clean_part(part.rest), self.REST_MEMO_LIMIT)
        return join_parts(part, self.clean_part(part.head), rest)

    def split(self, body: str) -> "Split":
        """The first, cheap pass: injected ads and link farms cut, the title heading split off."""
        removed: Counter = Counter()
        warnings: list[str] = []
        text = self._cut_injected(body, removed, warnings)
        head, rest = _split_title(text)
        return Split(removed=dict(removed), warnings=warnings, head=head, rest=rest)

    def clean_part(self, text: str) -> Cleaned:
        """The other passes, over the title heading or the rest of a split body."""
        return self._whole(text, Counter(), [])

    def _cut_injected(self, body: str, removed: Counter, warnings: list[str]) -> str:
        """Ad blocks cut at their markers and link farms of the usual shape cut, outside
        fenced code (kept byte for byte, whatever it shows)."""
        if not any(b in body for b in self.begin) and not any(c in body for c in self.farm_classes):
            return body
        saved: list[str] = []
        if "```" in body or "~~~" in body:
            body = unsentinel(body)
            out, pos = [], 0
            for start, end in _fenced_blocks(body):
                saved.append(body[start:end])
                out += [body[pos:start], f"{OPEN}{len(saved) - 1}{CLOSE}"]
                pos = end
            body = "".join(out) + body[pos:]
        text = _cut_marker_blocks(body, self, removed, warnings)
        return _restore(_cut_link_farms(text, self, removed), saved)

    def _whole(self, body: str, removed: Counter, warnings: list[str]) -> Cleaned:
        text = self._once(body, removed, warnings)
        for _ in range(3):
            # Removing debris can pair the fences left around it differently, a removed link
            # can leave `<` runs that read as markup next time, and broken HTML renders to
            # escaped-HTML paragraphs: text with fences, `<` or an escaped `<` is cleaned until
            # nothing changes (about 13% of the sample's files). So is text that keeps a
            # related-posts lead-in: whether the links after it are a farm is judged on the
            # cleaned block before them, which this pass may just have changed (fuzzer).
            if not _needs_recheck(text) and not self.posts_lead_line.search(text):
                break
            again = self._once(text, removed, warnings)
            if again == text:
                break
            text = again
        guarded = _guard_links(text, self, removed)
        for _ in range(3):
            # A link the guard turned into text leaves its line to be tidied like any other.
            if guarded == text:
                break
            text = self._once(guarded, removed, warnings)
            guarded = _guard_links(text, self, removed)
        text = guarded
        return Cleaned(text=text, removed=dict(sorted(removed.items())), warnings=list(dict.fromkeys(warnings)))

    def _once(self, body: str, removed: Counter, warnings: list[str]) -> str:
        text = unsentinel(body)
        text = _strip_debris(text, _fenced_blocks(text) if "``" in text or "~~~" in text else [], removed)
        text, saved = _protect(text, self, removed)
        text = _cut_marker_blocks(text, self, removed, warnings)
        text = _clean_blocks(text, self, removed, warnings)
        if removed.get("html_too_deep"):
            warnings.append(f"HTML nested deeper than {_Renderer.MAX_DEPTH} elements; the text inside is kept "
                            "as plain text, without its links and formatting")
        text = _normalise_space(text)
        return _restore(text, saved)

    def _block_once(self, md: str, counts: Counter) -> str:
        if self.farm_shape.match(md):  # fast path for the commonest HTML block
            counts["link_farm"] += 1
            return ""
        if "<" in md and HTML_START.search(md):
            md = _Renderer(self, counts).render(_soup(md))
        md = _drop_text_junk(md, self, counts)
        if " ](" in md:
            md = _BROKEN_IMAGE_LINK.sub(r"![\1](\2)", md)
        md = _rewrite_links(md, self, counts)
        bare = self.inert.bare_unsafe
        if ":" in md and bare.search(md):
            md = bare.sub(lambda m: counts.update(["unsafe_url"]) or "", md)
        if "&" in md and ":" in md and bare.search(html.unescape(md)):
            # entities hide a script or data scheme, or the boundary before one
            # (`&#3888data:...`, fuzzer): the block's entities are shown as typed, and any
            # such scheme goes
            counts["unsafe_url"] += 1
            md = self.inert.unsafe_anywhere.sub("", md.replace("&", "&amp;"))
        if "&" in md and ESCAPED_TAG.search(md):
            md = ESCAPED_TAG.sub(lambda m: self._escaped_tag(m, counts), md)
        return _repair(md)

    def block(self, block: str, whole: bool = True) -> tuple[str, tuple]:
        """One block (paragraph, list, HTML fragment) cleaned, with removal counts (memoised):
        HTML rendered to markdown without ads, then junk blocks, affiliate links and
        scrape damage. HTML that renders to several paragraphs has each judged on its own,
        as the next cleaning would (the fuzzer found a disclaimer that a second cleaning
        removed because it first came as one block with a list of links)."""
        memo = self._memo if whole else self._part_memo  # (the results differ: two memos)
        hit = memo.get(block)
        if hit is None:
            counts: Counter = Counter()
            md, before = self._block_once(block, counts), block
            for _ in range(3):  # what rendering leaves (a lone "4.2", say) may be junk itself
                if md == before:
                    break
                md, before = self._block_once(md, counts), md
            parts = _BLOCK_SPLIT.split(md) if whole and md != block else [md]
            if len(parts) > 1:
                kept = []
                for part in parts:
                    part, part_counts = self.block(part, whole=False)
                    counts.update(dict(part_counts))
                    if part.strip():
                        kept.append(part)
                md = "\n\n".join(kept)
            hit = remember(memo, block, (md, tuple(sorted(counts.items()))), self.MEMO_LIMIT)
        return hit

    def _escaped_tag(self, m: re.Match, counts: Counter) -> str:
        if m.group(1).lower() in self.elements or "=" in m.group(2):
            counts["escaped_html"] += 1
            return "" if m.start() == 0 or m.string[m.start() - 1] == "\n" else " "
        return m.group(0)


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def _plain_url(url: str) -> str:
    """The URL as a browser would read it: entities decoded, escapes and controls gone."""
    u = html.unescape(url)
    u = _MD_ESCAPE.sub(r"\1", u)
    return _CONTROL.sub("", u)


def url_is_safe(url: str, ctx) -> bool:
    """Only whitelisted schemes (or none), and no unsafe scheme hidden further in the URL
    (`https://site/javascript:void(0)`, left by scrapers resolving `href`s)."""
    return _memo_url(ctx.url_verdicts, ("safe", url), _url_is_safe, url, ctx)


def url_is_affiliate(url: str, ctx) -> bool:
    """The URL goes to an affiliate host, or has an affiliate part (`AFFILIATE=`)."""
    return _memo_url(ctx.url_verdicts, ("affiliate", url), _url_is_affiliate, url, ctx)


def _memo_url(memo: dict, key: tuple, fn, url: str, ctx) -> bool:
    """fn(url, ctx), memoised: spun copies and their variants repeat the same URLs."""
    hit = memo.get(key)
    if hit is None:
        hit = remember(memo, key, fn(url, ctx), ctx.MEMO_LIMIT)
    return hit


def _host_params(pairs) -> dict[str, frozenset[str]]:
    """Rules' "host=parameter" pairs as host -> parameter names (lowercased)."""
    out: dict[str, set[str]] = {}
    for pair in pairs:
        host, _, param = pair.partition("=")
        out.setdefault(host.strip().lower(), set()).add(param.strip().lower())
    return {h: frozenset(p) for h, p in out.items()}


def unwrapped(url: str, ctx) -> str | None:
    """The destination an affiliate rewriting of a link hides, when it can be had back: the
    parameter of a redirect that carries it (an absolute web URL; a redirect may lead to
    another), or the shop's page without an affiliate's tag parameters (rules
    [affiliate_redirects], [affiliate_tags]); None for any other URL. The result is to be
    checked like any URL."""
    real = None
    for _ in range(4):
        found = _unwrap_once(url, ctx)
        if found is None:
            return real
        real = url = found
    return real


def _unwrap_once(url: str, ctx) -> str | None:
    if "?" not in url:
        return None
    plain = _plain_url(url)
    try:
        parts = urlsplit(plain)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    for domain in _domains(host):
        if domain in ctx.redirect_params:
            for key, value in parse_qsl(parts.query, keep_blank_values=True):
                value = value.strip()
                # (a web URL, and nothing a link could not hold: `%0A# heading` is no URL)
                if key.lower() in ctx.redirect_params[domain] and value.lower().startswith(("http://", "https://")):
                    return None if _CONTROL.search(value) else value
            return None
        if domain in ctx.tag_params:
            # (parameters split at `&`, and at a `?` that a scrape doubled: `?th=1/?tag=x-20`)
            items = re.split(r"([&?])", parts.query)
            kept, cut = [], False
            for k in range(0, len(items), 2):
                if items[k].partition("=")[0].lower() in ctx.tag_params[domain]:
                    cut = True
                else:
                    kept += [items[k - 1] if k else "", items[k]]
            if not cut:
                return None
            return urlunsplit(parts._replace(query="".join(kept).lstrip("&?")))
    # any other host: a parameter of the redirect shape holding a whole web address
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        value = value.strip()
        if key.lower() in ctx.any_redirect_params and value.lower().startswith(("http://", "https://")):
            return None if _CONTROL.search(value) else value
    return None


def _url_is_safe(url: str, ctx) -> bool:
    plain = _plain_url(url)
    m = _SCHEME.match(plain)
    if m is not None and m.group(1).lower() not in ctx.schemes:
        return False
    return ctx.unsafe_tokens.search(plain) is None


def _url_is_affiliate(url: str, ctx) -> bool:
    u = _plain_url(url)
    low = u.lower()
    if any(p in low for p in ctx.url_parts):
        return True
    if low.startswith("//"):
        low = "http:" + low
    try:
        parts = urlsplit(low)
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return False
    if any(d in ctx.hosts for d in _domains(host)):  # the host or any parent domain of it is listed
        return True
    # the shipped hosts are seeds: redirects are known by their shape too
    return bool(host) and (ctx.host_shapes.search(host) is not None or ctx.path_shapes.search(parts.path) is not None)


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
        return m.group(1)
    return _WEB_LINK.sub(unlink, text), n


def _domains(host: str) -> list[str]:
    """The host and every domain above it: `a.b.com`, `b.com`, `com`."""
    labels = host.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


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


# ------------------------------------------------------------ 4. HTML blocks

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
# A `<` that opens no complete tag before the next `<` is text. Escaped before parsing: the
# standard library's HTML parser rescans the rest of the block for each one (quadratic).
_STRAY_LT = re.compile(r"<(?!!--)(?=[A-Za-z!/?])(?![A-Za-z!/?][^<>]*>)")
_DECLARATION = re.compile(r"<!(?!--)")


def _load_bs4() -> None:
    """bs4, imported when first needed: its import is a third of the CLI's start-up, and
    most articles never need it (their ads are cut at the markers or matched by shape).
    The renderer reads these names once a soup exists."""
    global BeautifulSoup, Comment, NavigableString, Tag
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag


def _soup(md: str) -> BeautifulSoup:
    if "BeautifulSoup" not in globals():
        _load_bs4()
    md = _STRAY_LT.sub("&lt;", md)
    try:
        return BeautifulSoup(md, "html.parser")
    except Exception:  # the parser rejects some malformed declarations (`<![6a]...>`, fuzzer)
        return BeautifulSoup(_DECLARATION.sub("&lt;!", md), "html.parser")


def _clean_blocks(text: str, ctx, removed: Counter, warnings: list[str]) -> str:
    blocks = _BLOCK_SPLIT.split(text)
    out = []
    last = ""  # the block the last one kept was cleaned from
    posts = False  # the blocks before were posts whose links an affiliate hijacked
    picture = False  # the block before was a picture alone
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        after_picture, picture = picture, False
        if out and _LINK_ONLY.match(block) and (posts or ctx.posts_lead.search(out[-1])) and _hijacked(block, ctx):
            # "... please see if the following posts meet your need:" and the posts: a link
            # farm, and the sentence that leads into it goes with it
            removed["link_farm"] += 1
            if not posts:
                out[-1] = " ".join(SENTENCE_END.split(out[-1].strip())[:-1])
                if not out[-1]:
                    out.pop()
                posts = True
            continue
        posts = False
        if i < len(blocks) and block.lstrip().startswith("#") and _farm_heading(block, ctx) and blocks[i].strip() and all(
                _only_links(ln) for ln in blocks[i].split("\n")):
            removed["link_farm"] += 1  # "### Similar Products We've Reviewed" and its list of links
            i += 1
            continue
        if "<" in block and HTML_START.search(block):
            block, i = _merge_open_constructs(block, blocks, i, warnings)
        source = block
        block, counts = ctx.block(block)
        for kind, n in counts:
            removed[kind] += n
        if after_picture and _credit(block, ctx):
            removed["scrape_artifact"] += 1  # the picture's credit ("Eoneren/Getty Images")
            continue
        if after_picture and "\n" not in block.strip() and ctx.caption_credit.search(block):
            removed["scrape_artifact"] += 1  # "Xyber XPC ports  (Image credit: Taki Udon / YouTube)"
            block = ctx.caption_credit.sub("", block)
        if block.strip():
            out.append(block)
            picture = bool(_IMAGE_ONLY.fullmatch(block))
            last = source
        elif ("call_to_action", 1) in counts:
            cut = _banner_before(out, ctx)
            if cut:
                del out[-cut:]
                removed["call_to_action"] += cut
                last = ""  # (what came before the banner is the article's)
    if out and last and _tag_list(last, ctx):
        out.pop()
        removed["tag_list"] += 1
    while out and (rest := _without_outro(out[-1], ctx)) is not None:
        removed["outro"] += 1
        if rest:
            out[-1] = rest
            break
        out.pop()
    return "\n\n".join(out)


def _credit(block: str, ctx) -> bool:
    """One line that credits the picture above it, its links and emphasis aside
    ("_[Quardia/Shutterstock.com](https://...)_", "How-To Geek | [LariBat](...) / Shutterstock")."""
    plain = _LINK.sub(lambda m: m.group(0) if m.group(1) else m.group(2), block.strip()).strip("*_ \t")
    return "\n" not in plain and ctx.credit.fullmatch(plain) is not None


_NOT_PROSE = re.compile(r"\s*(?:[#>|!<`*+\-\[]|" + OPEN + ")")
_LEAD_MARKUP = re.compile(r"[\s*_“\"]*")


def _without_outro(block: str, ctx) -> str | None:
    """A paragraph that ends a body without the sentences that sign off or ask for comments
    (and the questions to the reader and emoji beside them), "" if it was nothing else; None
    when it has no such sentence (see the rules' [outros])."""
    block = block.strip()
    if _NOT_PROSE.match(block) or block[:1].isdigit() and "\n" in block:
        return None  # a heading, list, quote, table, image, HTML or code: the article's
    sentences = SENTENCE_END.split(block)
    keep, outro = [], False
    for s in sentences:
        if ctx.outro_requests.search(s) or ctx.outro_sign_offs.match(s, _LEAD_MARKUP.match(s).end()):
            outro = True
        elif s.rstrip(" *_”\"").endswith("?") or not any(c.isalnum() for c in s):
            pass  # ("Did it fix your webcam issue?", "🙂": with an outro, its own)
        else:
            keep.append(s)
    if not outro:
        return None
    return " ".join(keep)


# A list item that is one link and nothing else: `* [printer](https://...)`
_LINK_ITEM = re.compile(r"[ \t]*[*+-][ \t]+\[([^\[\]\n]+)\]\([ \t]*<?([^()\s<>]+)>?[ \t]*\)[ \t]*")


def _tag_list(block: str, ctx) -> bool:
    """The block is a page's tag list: a list whose every item is nothing but a link with a
    short text, to a tag page or an affiliate redirect (see the rules' [tag_lists])."""
    for line in block.strip("\n").split("\n"):
        m = _LINK_ITEM.fullmatch(line)
        if m is None or len(m.group(1).split()) > ctx.tag_words:
            return False
        url = m.group(2)
        if not (any(p in url.lower() for p in ctx.tag_urls) or url_is_safe(url, ctx) and url_is_affiliate(url, ctx)):
            return False
    return True


# A paragraph that is one short line of bold text, not a step label ("**Method 2: ...**")
_BANNER_COPY = re.compile(r"\s*(?:\*\*(?!\s*(?:method|fix|option|solution|step|way)\b)[^*\n]{1,80}\*\*[ \t]*)+",
                          re.I)
# ... or one short line of plain text (then only after the banner's image)
_BANNER_LINE = re.compile(r"\s*[^\s#>*+\-|`<\[!\d][^\n]{0,159}\s*")
_IMAGE_ONLY = re.compile(r"\s*!\[[^\]\n]*\]\([^)\s]*\)\s*")


def _banner_before(out: list[str], ctx) -> int:
    """How many of the last kept paragraphs are the banner whose call to action was just
    removed: up to three bold one-line paragraphs, or up to three short lines of text, one
    making an offer, right after an image (the banner's picture, which goes with them)."""
    run = 0
    while run < 3 and len(out) > run and _BANNER_COPY.fullmatch(out[-1 - run]):
        run += 1
    lines = 0
    while lines < 3 and len(out) > lines and _BANNER_LINE.fullmatch(out[-1 - lines]):
        lines += 1
    if lines > run and not any(o in b.lower() for b in out[-lines:] for o in ctx.cta_offers):
        lines = 0  # plain lines without an offer are the article's (a screenshot, then "Click Next.")
    before = max(run, lines)
    if before and len(out) > before and _IMAGE_ONLY.fullmatch(out[-1 - before]):
        return before + 1
    return run


def _merge_open_constructs(block: str, blocks: list[str], i: int, warnings: list[str]):
    """HTML comments and script/style elements may span blank lines: join their blocks."""
    low = block.lower()
    for opener, closer in (("<!--", "-->"), ("<script", "</script"), ("<style", "</style")):
        at = low.rfind(opener)
        if at < 0 or closer in low[at:]:
            continue
        j = i
        while j < len(blocks) and j - i < 50 and closer not in blocks[j].lower():
            j += 1
        if j < len(blocks) and closer in blocks[j].lower():
            block = "\n\n".join([block] + blocks[i:j + 1])
            i = j + 1
            low = block.lower()
        elif opener == "<!--":
            # every opener after the last `-->` is unclosed (the HTML parser would search
            # the rest of the block for each one: quadratic time)
            cut = block.rfind("-->") + 3 if "-->" in block else 0
            warnings.append("unclosed HTML comment '<!--'; the text after it is kept")
            block = block[:cut] + re.sub(r"<!--[ \t]*", "", block[cut:])
            low = block.lower()
    return block, i


_BLOCK_TAGS = frozenset(
    "p div section article header footer main aside figure figcaption center address "
    "table thead tbody tfoot tr details summary nav dl dt dd fieldset legend hr body html".split()
)


class _Renderer:
    """HTML element tree back to markdown: content kept, ads and attributes gone.

    Elements nested deeper than MAX_DEPTH (real articles nest under 30) are not rendered
    recursively: their text is kept as plain text, without what is never content."""

    MAX_DEPTH = 100

    def __init__(self, ctx, counts: Counter):
        self.ctx = ctx
        self.counts = counts
        self.depth = 0

    def render(self, node) -> str:
        md = self.children(node)
        md = re.sub(r"[ \t]+\n", "\n", md)
        md = re.sub(r"\n{3,}", "\n\n", md)
        return md.strip("\n")

    def children(self, node) -> str:
        if self.depth >= self.MAX_DEPTH:
            self.counts["html_too_deep"] += 1
            return self.flat_text(node)
        self.depth += 1
        parts = []
        skip_next_list = False
        for child in node.children:
            if isinstance(child, Comment):
                self.counts["html_comment"] += 1
                continue
            if isinstance(child, NavigableString):
                if type(child) is not NavigableString:  # doctype, CDATA, processing instruction
                    self.counts["html_other"] += 1
                    continue
                if skip_next_list and not child.strip():
                    parts.append(str(child))
                    continue
                skip_next_list = False
                parts.append(_escape_text(str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            if skip_next_list and child.name in ("div", "ul", "ol"):
                skip_next_list = False
                continue
            skip_next_list = False
            classes = set(child.get("class") or ())
            if classes & self.ctx.farm_classes:
                self.counts["link_farm"] += 1
                skip_next_list = True
                continue
            parts.append(self.element(child, classes))
        self.depth -= 1
        return "".join(parts)

    def element(self, el: Tag, classes: set) -> str:
        name = el.name.lower()
        if classes & self.ctx.adsense:
            self.counts["adsense"] += 1
            return ""
        if classes & self.ctx.text_ads:
            self.counts["text_ad"] += 1
            return ""
        if name in self.ctx.drop_tags:
            self.counts[_DROP_KIND.get(name, "html_removed")] += 1
            return ""
        if name.startswith("h") and name[1:].isdigit() and self._heads_text_ad(el):
            self.counts["text_ad"] += 1
            return ""
        if name == "a":
            return self.link(el)
        if name == "img":
            return self.image(el)
        if name == "br":
            return "\n"
        inner = self.children(el)
        if name in ("strong", "b"):
            return f"**{inner.strip()}**" if inner.strip() else inner
        if name in ("em", "i"):
            return f"*{inner.strip()}*" if inner.strip() else inner
        if name in ("code", "kbd", "samp", "tt"):
            text = el.get_text()
            return f"`{text}`" if text and "`" not in text else _escape_text(text)
        if name == "pre":
            text = el.get_text()
            return f"\n\n```\n{text.strip(chr(10))}\n```\n\n" if "```" not in text else _escape_text(text)
        if len(name) == 2 and name[0] == "h" and name[1] in "123456":
            title = " ".join(inner.split())
            return f"\n\n{'#' * int(name[1])} {title}\n\n" if title else ""
        if name == "li":
            return "\n- " + " ".join(inner.split())
        if name in ("ul", "ol"):
            return "\n\n" + inner.strip("\n") + "\n\n"
        if name == "blockquote":
            body = inner.strip("\n")
            return "\n\n" + "\n".join("> " + ln for ln in body.split("\n")) + "\n\n"
        if name in ("td", "th"):
            return " " + inner.strip() + " "
        if name in _BLOCK_TAGS:
            return "\n\n" + inner.strip("\n") + "\n\n"
        if name not in self.ctx.elements:
            self.counts["unknown_tag"] += 1
        return inner

    def flat_text(self, el: Tag) -> str:
        """The text of a subtree, without recursion: dropped elements, ads and comments
        left out, a space between elements."""
        parts, stack = [], [el]
        while stack:
            node = stack.pop()
            if isinstance(node, Tag):
                classes = set(node.get("class") or ())
                if node.name.lower() in self.ctx.drop_tags or classes & (self.ctx.adsense | self.ctx.text_ads
                                                                           | self.ctx.farm_classes):
                    continue
                parts.append(" ")
                stack.extend(reversed(node.contents))
            elif type(node) is NavigableString:
                parts.append(_escape_text(str(node)))
        return " ".join("".join(parts).split())

    def _heads_text_ad(self, el: Tag) -> bool:
        sib = el.find_next_sibling()
        return sib is not None and bool(set(sib.get("class") or ()) & self.ctx.text_ads)

    def link(self, el: Tag) -> str:
        href = el.get("href")
        inner = self.children(el)
        if not href:
            return inner
        href = str(href)
        real = unwrapped(href, self.ctx)
        if real is not None:  # (as _link)
            self.counts["affiliate_link"] += 1
            href = real
        if not url_is_safe(href, self.ctx):
            self.counts["unsafe_url"] += 1
            return inner
        if url_is_affiliate(href, self.ctx):
            if el.find(("img", "iframe", "video", "picture")) is not None:
                self.counts["banner"] += 1
                return ""
            self.counts["affiliate_link"] += 1
            return inner
        text = " ".join(inner.split())
        if not text:
            return ""
        return f"[{text}]({_md_url(href)})"

    def image(self, el: Tag) -> str:
        src = str(el.get("src") or "")
        style = str(el.get("style") or "").lower().replace(" ", "")
        if any(s in style for s in self.ctx.pixel_styles) or self._tiny(el):
            self.counts["tracking_pixel"] += 1
            return ""
        if not src or not url_is_safe(src, self.ctx):
            self.counts["unsafe_url" if src else "html_removed"] += 1
            return ""
        if url_is_affiliate(src, self.ctx):
            self.counts["affiliate_image"] += 1
            return ""
        alt = " ".join(str(el.get("alt") or "").split()).replace("[", "(").replace("]", ")")
        return f"![{_escape_text(alt)}]({_md_url(src)})"

    def _tiny(self, el: Tag) -> bool:
        for attr in ("width", "height"):
            v = str(el.get(attr) or "").strip().rstrip("px")
            if v.isdigit() and int(v) <= self.ctx.pixel_max:
                return True
        return False


_DROP_KIND = {"script": "script", "iframe": "iframe", "video": "video", "ins": "adsense",
              "style": "style", "source": "video", "audio": "video"}


def _md_url(url: str) -> str:
    url = url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
    return url.replace("<", "%3C").replace(">", "%3E").replace("`", "%60")


def _escape_text(text: str) -> str:
    """Text from parsed HTML, made safe to put back into markdown."""
    text = text.replace("&", "&amp;") if "&" in text and re.search(r"&[A-Za-z#][A-Za-z0-9]*;", text) else text
    return text.replace("<", "&lt;").replace(">", "&gt;") if "<" in text else text


# --------------------------------------------------- 5. text-level junk blocks

def _drop_text_junk(block: str, ctx, removed: Counter) -> str:
    stripped = block.strip()
    if not stripped:
        return block
    low = stripped.lower()
    # affiliate disclaimers (blockquote or paragraph)
    if any(w in low for w in ctx.disc_first) and any(w in low for w in ctx.disc_second) and len(low) < 600:
        removed["disclaimer"] += 1
        return ""
    # markdown "Also read:" link farms (the phrase maybe in emphasis: "**Related post**:")
    first = stripped.split("\n", 1)[0]
    head = _EMPHASIS.sub("", first).lower().lstrip("#> ").lstrip()
    if head.startswith(ctx.farm_phrases):
        rest = [ln for ln in stripped.split("\n")[1:] if ln.strip()]
        if all(_only_links(ln) for ln in rest) and _only_links(_after_phrase(_EMPHASIS.sub("", first), ctx)):
            removed["link_farm"] += 1
            return ""
    # the call to action of a banner ad ("[Download Now](affiliate redirect)"), or a promo
    # whose link is the offer and whose text points at it ("[50% off ...](...). Sign up via
    # the link before June"), or a button's words alone, its link lost ("View at Amazon")
    if ("](" in stripped and (_call_to_action(stripped, ctx) or _promo(stripped, low, ctx))
            or _lone_buttons(stripped, ctx)):
        removed["call_to_action"] += 1
        return ""
    # lone scrape artifacts ("Close")
    lines = block.split("\n")
    kept = [ln for ln in lines if ln.strip() not in ctx.lone_lines and not ctx.lone_pattern.fullmatch(ln.strip())]
    if len(kept) != len(lines):
        removed["scrape_artifact"] += len(lines) - len(kept)
        block = "\n".join(kept)
    return block


def _lone_buttons(block: str, ctx) -> bool:
    """One line of a shop's buttons, some or all of them without their link (its affiliate's
    link was lost: "[See at Ring](https://ring.com/...) $100 at Amazon", "$279 at jabra")."""
    if "\n" in block:
        return False
    rest = _CTA_LINK.sub(lambda m: " " if not m.group(1) and ctx.cta_buttons.fullmatch(
        " ".join(m.group(2).strip("*_ ").split())) else m.group(0), block)
    return ctx.cta_buttons.fullmatch(" ".join(_EMPHASIS.sub("", rest).split())) is not None


def _promo(block: str, low: str, ctx) -> bool:
    """A short paragraph that points at its own link, the link's text an offer."""
    return (len(low) < 400 and any(p in low for p in ctx.cta_pointers)
            and any(o in m.group(2).lower() for m in _LINK.finditer(block) for o in ctx.cta_offers))


def _call_to_action(block: str, ctx) -> bool:
    """The block is nothing but links whose anchors are calls to action, one of them to
    an affiliate redirect."""
    links = list(_CTA_LINK.finditer(block))
    if not links or _CTA_LINK.sub("", block).strip():
        return False
    anchors = [" ".join(m.group(2).strip("*_ ").lower().split()) for m in links]
    if all(not m.group(1) and ctx.cta_buttons.fullmatch(a) for m, a in zip(links, anchors)):
        return True  # a shop's buttons, to whatever host
    if len(links) == 1 and not links[0].group(1) and ctx.cta_card.fullmatch(anchors[0]):
        return True  # a product card that is one link, its button at the end ("... View at Amazon")
    if not all(not m.group(1) and 0 < len(a) <= 60 and a.startswith(ctx.cta_anchors) for m, a in zip(links, anchors)):
        return False
    return any(url_is_affiliate(url := _destination(m.group(3)), ctx) or unwrapped(url, ctx) is not None
               for m in links)


_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:(?:\*\*|__)?\[[^\]\n]*\]\([^)\n]*\)(?:\*\*|__)?\s*)+$")
_EMPHASIS = re.compile(r"\*\*|__")


def _farm_heading(block: str, ctx) -> bool:
    """A heading (one line) that says only one of the farm headings."""
    text = _EMPHASIS.sub("", block.strip()).lstrip("#").strip(" :").lower().replace("’", "'")
    return "\n" not in text and text in ctx.farm_headings


def _hijacked(block: str, ctx) -> bool:
    """Every link of the block goes to an affiliate redirect."""
    return all(url_is_safe(url := _destination(m.group(3)), ctx) and url_is_affiliate(url, ctx)
               for m in _LINK.finditer(block))


def _only_links(line: str) -> bool:
    return not line.strip() or bool(_LINK_ONLY.match(line))


def _after_phrase(line: str, ctx) -> str:
    low = line.lower()
    for p in ctx.farm_phrases:
        at = low.find(p)
        if at >= 0:
            return line[at + len(p):].strip(" *_")
    return line


# ---------------------------------------------------------- 5b. markdown links

# (possessive `*+`/`++`: a destination of 300k spaces backtracked quadratically, at every `](`)
_DEST = (r"\(\s*+(<[^<>\n]*>|[^\s()<>]*+(?:\([^\s()]*\)[^\s()<>]*+)*+)"
         r"(\s++(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*+\)")
_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]" + _DEST)
# ...and as a banner writes one, maybe in emphasis (groups: bang, label, destination, title)
_CTA_LINK = re.compile(r"(?:\*\*|__|[*_])?" + _LINK.pattern + r"(?:\*\*|__|[*_])?")
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
            return "" if bang else label
        return f"{bang}[{label}]({_md_url(real)}{m.group(4) or ''})"
    if _bad_url(m.group(3), ctx, removed, image=bool(bang)) is not None:
        return "" if bang else label
    if not bang and not label.strip():
        # nothing to click: the scrape's copy of the link beside it (`go to the
        # [](https://support.hp.com/) **[HP support website](https://support.hp.com/)**`)
        removed["empty_link"] += 1
        return ""
    if label != m.group(2):
        return f"[{label}]{m.group(0)[len(m.group(2)) + 2:]}"
    return m.group(0)


# -------------------------------------------------------------- 6. repairs

# A linked thumbnail (`[![2](thumb.png)](full.png)`) whose `![` the scrape lost reads as a
# link "2" and a stray "](full.png)" (343 in 129 files of the sample): the image again.
_BROKEN_IMAGE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{0,100})\]\(([^()\s]+?\.(?:png|jpe?g|gif|webp|svg))\)[ \t]*\]\([^()\s]*\)",
                                re.I)
_HEADING_NUM = re.compile(r"^( {0,3}#{1,6}[ \t]+(?:\*\*|__)?)(\d+)\\([.)])", re.M)
_BOLD = re.compile(r"(?<!\*)\*\*(?!\*)")


# The scrape's space between a word's end (bold, italic, a link's `)`) and the stop after
# it: `click **Manage** .` (2,186 in the sample's kb.json), `_manually_ ,`. Only a mark that
# ends the word goes: `.NET`, `the .inf file` keep theirs.
_SPACED_MARK = re.compile(r"(?<=[\w)*’”]) +(?=[.,;:!?](?:[ \t]|$))", re.M)
_SPACE_MARK = re.compile(r" [.,;:!?]")  # (a quick test first: a third of the blocks have one)


def _repair(text: str) -> str:
    if "\\" in text:
        text = _HEADING_NUM.sub(r"\1\2\3", text)
    if "**" in text:
        text = "\n".join(_space_bold(line) if "**" in line else line for line in text.split("\n"))
    if _SPACE_MARK.search(text):
        text = _SPACED_MARK.sub("", text)
    return text


def _space_bold(line: str) -> str:
    marks = [m.start() for m in _BOLD.finditer(line)]
    if len(marks) < 2 or len(marks) % 2:
        return line
    out, pos = [], 0
    for k, at in enumerate(marks):
        out.append(line[pos:at])
        opener = k % 2 == 0
        if opener and at > 0 and line[at - 1].isalnum():
            out.append(" ")
        out.append("**")
        pos = at + 2
        if not opener and pos < len(line) and line[pos].isalnum():
            out.append(" ")
    out.append(line[pos:])
    return "".join(out)


_BLANK_RUN = re.compile(r"\n\n\n+")  # a literal prefix: the regex engine scans for it fast


def _normalise_space(text: str) -> str:
    lines = [ln.rstrip() for ln in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n") + "\n"


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
