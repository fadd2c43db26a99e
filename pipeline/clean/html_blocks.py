"""Blocks that hold HTML: parsed with BeautifulSoup and rendered back to markdown without ads or attributes."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from ..text import HTML_START, SENTENCE_END
from .code import OPEN
from .junk import _LINK_ONLY, _farm_heading, _hijacked, _lone_button_link, _only_links
from .links import _LINK
from .urls import _md_url, unwrapped, url_is_affiliate, url_is_safe

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
    card = card_at = 0  # the last kept blocks (from out[card_at]) are a product card whose shop buttons just went
    button = False  # the block before was a shop's button that went
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        after_button, button = button, False
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
        button = _button_gone(block, counts)
        if _lone_button_link(block, ctx) and (after_button or i < len(blocks) and _button_gone(*ctx.block(blocks[i]))
                                              or not (out and out[-1].rstrip(" *_").endswith((".", ":", "!", "?", "。", "：")))):
            removed["call_to_action"] += 1  # "[Visit Site](...)" beside a shop's other buttons, or under no
            # sentence that leads to it (a product card's, under its specs: "Size: 105 x 95 x 40 mm")
            button = True
            continue
        if after_picture and (_credit(block, ctx) or _name_credit(block, out[-1] if out else "",
                                                                  blocks[i] if i < len(blocks) else "", ctx)):
            removed["scrape_artifact"] += 1  # the picture's credit ("Eoneren/Getty Images")
            continue
        if after_picture and "\n" not in block.strip() and ctx.caption_credit.search(block):
            removed["scrape_artifact"] += 1  # "Xyber XPC ports  (Image credit: Taki Udon / YouTube)"
            block = ctx.caption_credit.sub("", block)
        if block.strip():
            rule = bool(card) and _THEMATIC_BREAK.fullmatch(block.strip()) is not None  # ("---": what follows it tells)
            if rule and card_at and _HEADING.match(out[card_at - 1]):
                card = 0  # the first thing under its heading, the card is the section's subject (a buying
                # guide's "## Best overall" pick, its own prose after the break), not an inset in a story
            if card and not rule and not _NOT_PROSE.match(block):
                del out[card_at:card_at + card]  # the article's prose goes on under no heading: the card was an inset
                removed["call_to_action"] += card
            if not rule:
                card = 0
            out.append(block)
            picture = bool(_IMAGE_ONLY.fullmatch(block))
            last = source
        elif ("call_to_action", 1) in counts:
            cut = _banner_before(out, ctx)
            if cut:
                del out[-cut:]
                removed["call_to_action"] += cut
                last = ""  # (what came before the banner is the article's)
            card = _card_before(out, ctx)
            card_at = len(out) - card
    if (card and card_at and _closes_prose(out[card_at - 1]) and _lone_card(out, card_at + card - 2)
            and not ctx.closing_labels.search(out[card_at + card - 2])):  # ("### Final words": the article's own)
        del out[card_at:card_at + card]  # the one card of a body, ending it under the article's prose: a story's closing
        removed["call_to_action"] += card  # box ("##### Sonos Ace"), not the last pick of a list (under its label)
    if out and last and _tag_list(last, ctx):
        out.pop()
        removed["tag_list"] += 1
    ended, subject = _end_outro(out, ctx.outros)
    if ended:
        removed["outro"] += ended
    # ...and, anywhere else, a paragraph that is nothing but a request for comments and a
    # sign-off or a question to the reader beside it: one article of a spun page ends there, or
    # the widgets after it go later (a rating, an author box, a "More Reading" list)
    asks = {j for j, b in enumerate(out) if _without_outro(b, ctx.outros, subject, asked=True) == ""}
    if asks:
        removed["outro"] += len(asks)
        out = [b for j, b in enumerate(out) if j not in asks]
    return "\n\n".join(out)


class Outros:
    """The rules' [outros], compiled: how an article signs off and asks for comments."""

    def __init__(self, rules):
        g = rules.get
        self.requests = re.compile("|".join(f"(?:{p})" for p in g("outros", "requests")), re.I)
        self.sign_offs = re.compile("|".join(f"(?:{p})" for p in g("outros", "sign_offs")), re.I)
        self.addressed = re.compile("|".join(f"(?:{p})" for p in g("outros", "addressed")), re.I)
        self.generic = frozenset(w.lower() for w in g("outros", "generic"))
        # a sentence that tells the reader to act on a screen ("... type your answer in the comments
        # section below the video.", "Then tap Post, ...") is a how-to's, never a request to the site;
        # a verb joined to the next word is none ("any follow-up questions": a noun's word)
        verbs = sorted({v.lower() for v in g("step_shapes", "action_verbs")}, key=len, reverse=True)
        self.acts = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b(?!-\w)", re.I)

    def asks(self, sentence: str) -> bool:
        """The sentence asks the site's readers for comments (addressed) and tells no action."""
        return bool(self.addressed.search(sentence)) and not self.acts.search(sentence)

    def requested(self, sentence: str) -> bool:
        """The sentence asks for comments as a body's end does (the broad requests) and tells no
        action ("Finally, add your comment in the comments field and click Publish.": a how-to's)."""
        return bool(self.requests.search(sentence)) and not self.acts.search(sentence)


def _end_outro(out: list[str], outros: Outros, addressed: bool = False):
    """The end of a body's blocks `out` without its outro (in place: _without_outro, the last
    block, then the one before it while one goes whole): how many blocks went or lost sentences,
    and the subject's words (for the blocks' reading mid-body).

    The subject's words: those of the blocks before the last, read once, and how many of those
    blocks have each; a sign-off popped, the new last block's words leave it (its own words named
    itself: "Thanks for stopping by, cheers friends and readers!" over "Thanks for reading." stayed,
    and cleaning the text again took it). `addressed`: only requests Outros.asks reads as the
    site's (the chrome stage's end, asked_end)."""
    said: list[set[str]] = []
    blocks_with: Counter = Counter()

    def words(b: str) -> set[str]:
        return {w.lower() for w in _TERM.findall(b)} - outros.generic

    def subject() -> set[str]:
        if not said:
            for b in out[:-1]:
                blocks_with.update(words(b))
            said.append(set(blocks_with))
        return said[0]
    n = 0
    while out and (rest := _without_outro(out[-1], outros, subject, addressed=addressed)) is not None:
        n += 1
        if rest:
            out[-1] = rest
            break
        out.pop()
        if said and out:
            for w in words(out[-1]):
                blocks_with[w] -= 1
                if not blocks_with[w]:
                    said[0].discard(w)
    return n, subject


def asked_end(paragraphs: list[str], outros: Outros) -> tuple[list[str], int]:
    """The paragraphs of a body whose end the cleaner did not see, read as _clean_blocks reads a
    body's end (_end_outro), when the last one asks the site's readers for comments (the rules'
    addressed: "... please share them in the comments below."): the site's widgets after it (a
    rating box, an author line, a "More Reading" list) went later, in the chrome stage
    (boilerplate.Boilerplate.strip_marked), which hands the paragraphs it left. The request goes,
    with the sign-offs and questions to the reader beside it; the paragraph's other sentences stay.
    A last paragraph without such a request (a sign-off alone: "That's all there is to it!") is
    left as it is. Returns the paragraphs left and how many went or lost sentences."""
    if not paragraphs or not any(map(outros.asks, SENTENCE_END.split(paragraphs[-1]))):
        return paragraphs, 0
    out = list(paragraphs)
    return out, _end_outro(out, outros, addressed=True)[0]


def _button_gone(block: str, counts) -> bool:
    """The block went as a call to action (a shop's button)."""
    return not block.strip() and any(kind == "call_to_action" for kind, _ in counts)


def _credit(block: str, ctx) -> bool:
    """One line that credits the picture above it, its links and emphasis aside
    ("_[Quardia/Shutterstock.com](https://...)_", "How-To Geek | [LariBat](...) / Shutterstock")."""
    plain = _LINK.sub(lambda m: m.group(0) if m.group(1) else m.group(2), block.strip()).replace("\\_", "_").strip("*_ \t")
    return "\n" not in plain and ctx.credit.fullmatch(plain) is not None  # ("Zephyr\\_P/Shutterstock": an escape)


def _name_credit(block: str, picture: str, after: str, ctx) -> bool:
    """A name alone under a picture: the picture's credit when labelled so ("Image: Brilliant",
    "(Image: NordPass)", "📷 Google"), whatever the prose after it is about, or, the article's
    prose going on after it about something else, named by the picture itself
    (its alt text or address: "_Motorola_" under ".../motorola-edge.jpg"); not an instruction
    ("Click OK"), a step's number ("Step 2"), a bold label ("**Event Types**"), a label the
    picture does not name ("Safe Mode", "Conclusion"), nor the name of what the prose after it
    is about (an item's label: "Swinsian" over "Swinsian is a media player ...")."""
    if block.lstrip().startswith(("**", "__")):
        return False
    plain = _LINK.sub(lambda m: m.group(0) if m.group(1) else m.group(2), block.strip()).strip("*_ \t")
    camera = plain.startswith("\U0001f4f7")  # ("📷 Google": the camera says it credits)
    if camera or plain.startswith("(") and plain.endswith(")"):
        plain = plain.strip("()\U0001f4f7 \t")  # ("(Image: NordPass)")
    words = plain.lower().split()
    if not (words and "\n" not in plain and ctx.name_credit.fullmatch(plain) is not None
            and words[0] not in ctx.verbs and not any(w.isdigit() for w in words) and not plain.endswith((".", ":"))):
        return False
    if camera or words[0].endswith(":"):
        return True  # labelled a credit ("Image: Forust" over "Forust ...", the maker the prose is about)
    if not after.strip() or _NOT_PROSE.match(after):
        return False
    name = _squashed(" ".join(words))
    return bool(name) and name not in _squashed(after) and name in _squashed(picture)


def _squashed(text: str) -> str:
    """Lower-case letters and digits only ("Google Cardboard" and "google-cardboard.jpg" meet)."""
    return re.sub(r"[^0-9a-z]+", "", text.lower())

_NOT_PROSE = re.compile(r"\s*(?:[#>|!<`*+\-\[]|" + OPEN + ")")

_LEAD_MARKUP = re.compile(r"[\s*_“\"]*")


def _without_outro(block: str, outros: Outros, subject=frozenset, asked: bool = False,
                   addressed: bool = False) -> str | None:
    """A paragraph that ends a body without the sentences that sign off or ask for comments
    (and the questions to the reader and emoji beside them), "" if it was nothing else; None
    when it has no such sentence (see the rules' [outros]), or, `asked` (mid-body), none that asks
    the site's readers for comments (the rules' addressed: "Let me know in the comments.", not a
    how-to's "Hover over it, click Reply, then write your comment.", which stays a sentence of its
    own) beside a sign-off or a question to the reader. A sign-off that names what the article
    is about (two of the words `subject()` gives: the body's before it, not the rules' generic
    ones: "Hopefully the speakers on your laptop work correctly now."; the words it shows, not its
    links' addresses:
    "Featured image by [Jane Roe](https://unsplash.com/photos/graphics-card)") says something and
    stays. `addressed` (the chrome stage's end): a request is one Outros.asks reads as the site's;
    at a body's true end, one Outros.requested reads (a sentence telling a UI action is the how-to's)."""
    block = block.strip()
    if _NOT_PROSE.match(block) or block[:1].isdigit() and "\n" in block:
        return None  # a heading, list, quote, table, image, HTML or code: the article's
    sentences = SENTENCE_END.split(block)
    keep, outro, request, closing = [], False, False, False
    for s in sentences:
        if outros.asks(s) if addressed else outros.addressed.search(s) if asked else outros.requested(s):
            outro = request = True
        elif outros.sign_offs.match(s, _LEAD_MARKUP.match(s).end()):
            if len({w.lower() for w in _TERM.findall(_shown(s))} & subject()) >= 2:
                keep.append(s)
            else:
                outro = closing = True
        elif s.rstrip(" *_”\"").endswith("?") or not any(c.isalnum() for c in s):
            closing = closing or "?" in s  # ("Did it fix your webcam issue?", "🙂": with an outro, its own)
        else:
            keep.append(s)
    if not outro or asked and not (request and closing):
        return None
    return " ".join(keep)


def _shown(text: str) -> str:
    """Text as a reader sees it: its links' and pictures' texts, not their addresses."""
    return _LINK.sub(lambda m: m.group(2), text) if "](" in text else text


_TERM = re.compile(r"[^\W\d_]{4,}")  # a word that may name a subject (not "the", "it")

# A list item that is one link and nothing else: `* [printer](https://...)`
_LINK_ITEM = re.compile(r"[ \t]*[*+-][ \t]+\[([^\[\]\n]+)\]\([ \t]*<?([^()\s<>]+)>?[ \t]*\)[ \t]*")


_THEMATIC_BREAK = re.compile(r"(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}")  # ("---", "* * *"; stripped)


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


_HEADING = re.compile(r" {0,3}(#{1,6})[ \t]")


def _card_before(out: list[str], ctx) -> int:
    """How many of the last kept paragraphs are a product card whose shop buttons were just
    removed: a minor heading (the product's name, level 3 or deeper and deeper than the
    heading before it), one short paragraph (its blurb), maybe a picture above. Whether it
    goes is known from what follows (_clean_blocks): the article's prose going on under no
    heading of its own means the card sat inside its text (a news story's "##### Ring Battery
    Doorbell" box); a heading next means the card was an item of the article's own list, a
    picture or a list next that the section goes on (a bonus tip's screenshots); nothing next,
    the body's one card under its prose is its closing box ("##### Sonos Ace") and goes too. A
    heading or blurb that reads as a step ("### Step 1: Open Device Manager", "Press Win+X ...")
    is none."""
    m = _HEADING.match(out[-2]) if len(out) >= 2 and len(out[-1]) <= 12 * _CARD_BLURB_WORDS else None
    if not m or len(m.group(1)) < 3 or _HEADING.match(out[-1]) or "\n" in out[-1].strip() \
            or len(out[-1].split()) > _CARD_BLURB_WORDS or _reads_as_step(out[-2].lstrip("#"), ctx) \
            or _reads_as_step(out[-1], ctx):
        return 0
    # (the heading before it within _CARD_LOOK_BACK paragraphs, and no long blurb read: a
    # crafted body of many buttons costs linear time)
    above = next((h for k in range(len(out) - 3, max(-1, len(out) - 3 - _CARD_LOOK_BACK), -1)
                  if (h := _HEADING.match(out[k]))), None)
    if above and len(above.group(1)) >= len(m.group(1)):
        return 0
    return 3 if len(out) > 2 and _IMAGE_ONLY.fullmatch(out[-3]) else 2


def _closes_prose(block: str) -> bool:
    """The block is the article's prose: a paragraph of sentences (not a label, a heading, a list or a picture)."""
    block = block.strip()
    return not _NOT_PROSE.match(block) and len(block.split()) >= 6 and block.rstrip(" *_\"”’)").endswith((".", "!", "?"))


def _lone_card(out: list[str], at: int) -> bool:
    """No heading before out[at] (a card's) is of its level: it names no item of a list of cards."""
    level = len(_HEADING.match(out[at]).group(1))
    return not any((h := _HEADING.match(b)) and len(h.group(1)) == level for b in out[:at])


def _reads_as_step(text: str, ctx) -> bool:
    words = text.strip(" \t*_").lower().split()
    return bool(words) and (words[0].strip(":.") in ctx.verbs or words[0] == "step")


_CARD_BLURB_WORDS = 80
_CARD_LOOK_BACK = 50


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


def _escape_text(text: str) -> str:
    """Text from parsed HTML, made safe to put back into markdown."""
    text = text.replace("&", "&amp;") if "&" in text and re.search(r"&[A-Za-z#][A-Za-z0-9]*;", text) else text
    return text.replace("<", "&lt;").replace(">", "&gt;") if "<" in text else text
