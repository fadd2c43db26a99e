"""The cleaner: its passes in order over one body, and the parts a spun body is split into."""
from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass

from ..rules import Rules
from ..text import ESCAPED_TAG, HTML_START, Inert, remember
from .code import CLOSE, OPEN, _fenced_blocks, _protect, _restore, _strip_debris, unsentinel
from .html_blocks import _BLOCK_SPLIT, Outros, _Renderer, _clean_blocks, _soup
from .junk import _drop_text_junk
from .links import _guard_links, _needs_recheck, _rewrite_links
from .markers import _cut_link_farms, _cut_marker_blocks, _split_title
from .repair import _BROKEN_IMAGE_LINK, _normalise_space, _repair
from .urls import Redirects, _host_params


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


def _memo_key(block: str) -> bytes:
    """A block's key in the cleaner's memos: its 16-byte digest, not its text. Every worker
    keeps up to MEMO_LIMIT blocks, and a corpus's distinct paragraphs fill that as it grows
    (a Dask worker: ~19k blocks at 10k articles, ~34k at 30k), so a memo holding each
    block's text (and a second copy where cleaning left it as it was) was what grew in a
    worker with the corpus: 11.4 MB at 10k, 23 MB at 30k, ~44 MB full; 5.4 MB at 10k now
    (bench/results.md, issue 31)."""
    return hashlib.blake2b(block.encode("utf-8", "surrogatepass"), digest_size=16).digest()


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
        self.redirects = Redirects.of(rules)
        self.url_parts = tuple(p.lower() for p in g("affiliate_url_parts", "parts"))
        self.redirect_params = _host_params(g("affiliate_redirects", "params"))
        self.any_redirect_params = frozenset(k.lower() for k in g("affiliate_redirects", "any_host"))
        self.tag_params = _host_params(g("affiliate_tags", "params"))
        self.pixel_styles = tuple(s.lower().replace(" ", "") for s in g("tracking_pixels", "styles"))
        self.pixel_max = max(int(v) for v in g("tracking_pixels", "max_size"))
        self.schemes = frozenset(s.lower() for s in g("safe_schemes", "schemes"))
        self.unsafe_tokens = re.compile(
            r"(?<![a-z0-9])(?:" + "|".join(re.escape(t.lower()) for t in g("safe_schemes", "never")) + ")",
            re.I)
        self.disc_first = tuple(w.lower() for w in g("disclaimers", "first"))
        self.disc_second = tuple(w.lower() for w in g("disclaimers", "second"))
        self.disc_sponsor = [re.compile(p, re.I) for p in g("disclaimers", "sponsor")]
        self.disc_negations = [re.compile(p, re.I) for p in g("disclaimers", "sponsor_negations")]
        self.cta_anchors = tuple(a.lower() for a in g("calls_to_action", "anchors"))
        self.cta_offers = tuple(o.lower() for o in g("calls_to_action", "offers"))
        self.cta_pointers = tuple(o.lower() for o in g("calls_to_action", "pointers"))
        self.cta_strong = re.compile("|".join(f"(?:{p})" for p in g("calls_to_action", "buttons")), re.I)
        self.cta_buttons = re.compile("|".join(f"(?:{p})" for p in g("calls_to_action", "buttons")
                                               + g("calls_to_action", "weak_buttons")), re.I)
        self.cta_card = re.compile(r"\S.{40,}?[\s.!?](?:" + self.cta_buttons.pattern + ")", re.I | re.S)
        self.cta_verbs = frozenset(v.lower() for v in g("calls_to_action", "button_verbs"))
        self.cta_ending = re.compile(r"(?:^|.*\s)(?:" + self.cta_buttons.pattern + ")", re.I | re.S)
        self.tag_words = max(int(v) for v in g("tag_lists", "max_words"))
        self.tag_urls = tuple(p.lower() for p in g("tag_lists", "url_parts"))
        self.outros = Outros(rules)
        self.closing_labels = rules.closing_labels()
        self.lone_lines = frozenset(g("scrape_artifacts", "lone_lines"))
        self.lone_pattern = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "lone_patterns")))
        self.credit = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "credits")))
        self.caption_credit = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "caption_credits")))
        labels = "|".join(re.escape(w) for w in g("scrape_artifacts", "name_credit_labels"))
        self.name_credit = re.compile(r"(?:(?:" + labels + r"):\s*)?[A-Z0-9][\w.&’\x27/-]*(?: [A-Z0-9][\w.&’\x27/-]*){0,2}")
        self.verbs = frozenset(v.lower() for v in g("step_shapes", "imperative_verbs") + g("step_shapes", "action_verbs")
                               + g("page_kinds", "imperative_verbs"))
        self.inert = Inert.of(rules)
        self.elements = self.inert.elements
        # block digest -> (its cleaned text, None when cleaning left it as it was; removal counts)
        self._memo: dict[bytes, tuple] = {}
        self._part_memo: dict[bytes, tuple] = {}
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
        key = _memo_key(block)
        hit = memo.get(key)
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
            hit = remember(memo, key, (None if md == block else md, tuple(sorted(counts.items()))), self.MEMO_LIMIT)
        return (block, hit[1]) if hit[0] is None else hit

    def _escaped_tag(self, m: re.Match, counts: Counter) -> str:
        if m.group(1).lower() in self.elements or "=" in m.group(2):
            counts["escaped_html"] += 1
            return "" if m.start() == 0 or m.string[m.start() - 1] == "\n" else " "
        return m.group(0)
