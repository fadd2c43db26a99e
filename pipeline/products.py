"""The tools a build's corpus sells, learnt at build time (the rules' product list is a seed).

A name is sold in a body when a paragraph of it says so: it offers the name to download,
install, run or try, or names its editions ("the Pro version of X", "X's free version"),
in a paragraph that speaks of editions, trials or licences (rules [promotional]
sell_words). An app the article fixes is named as often, but not so: its name is the
subject of the article (in its title), not offered with a licence. A name is a product of
the build when it is sold in `min_bodies` distinct bodies or more, and in more of them
than twice as many as the bodies whose titles name it. A body's raw links sell a name too
(`linked`): a redirect or a shop's page whose address spells it, or the head of a software
product's box, whose link a download or trial button to a checkout's page follows. What a body sells depends on the body alone (kept
in the cache with its chrome units); the learnt set depends on the build's bodies, never
on their order.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from urllib.parse import urlsplit

from .clean.urls import Redirects
from .rules import Rules

# A product's name: one to three capitalised words (a version number may follow the first)
_WORD = r"[A-Z][\w+-]*[\w+]"
_NAME = r"(" + _WORD + r"(?:[ \t]+(?:" + _WORD + r"|\d+))?(?:[ \t]+" + _WORD + r")?)"
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
# A link in raw markdown or HTML: its text and its address
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{2,60})\]\(\s*<?([^)\s>]{4,500})")
_A_LINK = re.compile(r"<a\s[^>]{0,300}?href=[\"']([^\"'\s]{4,500})[\"'][^>]{0,300}>([^<\n]{2,60})</a>", re.I)
# A help page, at the end of a redirect too ("…/links/36/https://www.verizon.com/support/contact-us/"):
# "contact your carrier ([Verizon](…))" is a manual way, whoever is paid for the click
_HELP_PATH = re.compile(r"(?i)/(?:support|help|contact(?:[_-]?us)?)(?:[/?#._-]|$)")
# A shop's page: a part of its path buys ("/buy/", "/pricing", "/store/…", "/order/checkout.php"; not
# "/download": a vendor's drivers are a manual way). A part that only ends with such a word is a headline's
# words ("/news/intel-13th-gen-raptor-lake-release-date-specifications-pricing-…", "/best-tv-antennas-to-buy-…"):
# an article about "Raptor Lake", which a news site links in every post, sells nothing
_SHOP_PATH = re.compile(r"(?i)(?:^|/)(?:buy|purchase|checkout|cart|order|pricing|store|shop)(?:[/?#._-]|$)")
# ...a checkout's page, where a licence is paid for ("2checkout.com/order/cart.php?…"; not a store's page of a
# free app, "apps.microsoft.com/store/detail/hp-smart/…", nor a shop's page of a laptop, "dell.com/…/shop/…")
_CHECKOUT_PATH = re.compile(r"(?i)(?:^|/)(?:purchase|checkout|cart|order)(?:[/?#._-]|$)")


# The destination a redirect's path carries ("…/links/3607085/type/dlg/https://www.philips-hue.com/en-us"):
# its host and path; a site's home page is its root or a locale's ("/", "/en-us", "/uk/")
_EMBEDDED = re.compile(r"(?i)https?:/{1,2}([^/?#&]+)([^?#&]*)")
_HOME_PATH = re.compile(r"(?i)/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?")


def _to_home_page(host: str, path: str, key: str) -> bool:
    """Whether a redirect leads to a site's home page and only that site's address spells the
    name (`key`, squashed): a brand or a shop named in passing ("others, like [Philips Hue](…),
    need a bit more setup"), monetised, as a direct link to its site is a reference. A
    redirect that spells the name itself ("tools.example.com/fixmaster/") or leads to a
    product's page sells it."""
    m = _EMBEDDED.search(path)
    if m is None:
        return False
    own = re.sub(r"[^a-z0-9]", "", (host + path[:m.start()]).lower())
    return key not in own and _HOME_PATH.fullmatch(m.group(2)) is not None


_HIDDEN = (("<!--", "-->"), ("<script", "</script"), ("<style", "</style"), ("<noscript", "</noscript"),
           ("<template", "</template"), ("<textarea", "</textarea"))


def _shown(raw: str) -> str:
    """raw without what a reader never sees: comments and script, style, noscript, template and
    textarea elements (to their end, or to the text's end when unclosed). A link hidden there
    sells nothing to the reader, and must not make a manual fix a pitch. One pass per kind."""
    low = raw.lower()
    for start, end in _HIDDEN:
        if start not in low:
            continue
        keep, pos = [], 0
        while (i := low.find(start, pos)) >= 0:
            keep.append((pos, i))
            j = low.find(end, i + len(start))
            pos = len(low) if j < 0 else j + len(end)
        keep.append((pos, len(low)))
        raw = " ".join(raw[a:b] for a, b in keep)
        low = " ".join(low[a:b] for a, b in keep)
    return raw


def _plain(md: str) -> str:
    """Markdown without its emphasis, code marks and link targets (a literal first: fast)."""
    md = _LINK_TARGET.sub("", md)
    for mark in ("!", "*", "_", "`", "["):
        md = md.replace("![" if mark == "!" else mark, "")
    return md

_PREFIX = re.compile(r"^[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?[ \t]+[-–—:][ \t]+")  # a maker's name (one or two
# capitalised words) before a product's ("FoneLab - "; not a page's title before its site's: "… app – Movavi")
# ...and a name shortened to what its link's address spells: two words or more, each capitalised or a number
_SHORT_NAME = re.compile(r"[a-z]?[A-Z][\w+.-]*(?:[ \t]+(?:[a-z]?[A-Z][\w+.-]*|\d[\w.]*))+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
# A product's box: its name's link, then a button within so many characters and links (Products._boxed)
BOX_REACH, BOX_LINKS = 600, 4
_TAGLINE = re.compile(r"[ \t]+[-–—][ \t]+")  # ("FoneTrans - Best iOS Data Manager")
_INNER_CAPITAL = re.compile(r"[a-z.][A-Z]")  # a brand's word: "FoneLab", "iMyFone", "Dr.Fone"
_BOX_NAME = re.compile(r"[a-z]?[A-Z][\w+.-]*(?:[ \t]+(?:for[ \t]+)?(?:[a-z]?[A-Z][\w+.-]*|\d[\w.]*)){0,2}")
# A link's sentence (Products._sentence_name): on its line, within so many characters of it, from the end of
# the sentence before it ("… and click. ") to the end of its own
SENTENCE_REACH = 300
CHECKOUT_LINKS = 3  # (a page's links to one checkout's host, at least: its links rewritten to the shop)
_SENTENCE_END = re.compile(r"[.!?](?=[ \t]|$)")
_JOINED = re.compile(r"[a-z][A-Z]")
_AFTER_WORD = re.compile(r"[\w,;)][ \t]+$")  # (what comes before a name inside a sentence)


_OPENER = re.compile(r"(?:[.!?:][ \t]+|\n[ \t]*(?:[-*+][ \t]+)?)$")

# Names a body is asked about (each costs a few scans of it): a crafted body offering
# thousands of names stays linear in its size.
MAX_NAMES = 40


def _opens(text: str, at: int) -> bool:
    """Whether a match at `at` of text opens a sentence (or a line): read from the few
    characters before it, never the whole text before it."""
    return at == 0 or _OPENER.search(text, max(0, at - 40), at) is not None


class _Page:
    """A body, asked about a few names (memoised: a page repeats its pitch)."""

    def __init__(self, body: str):
        self.body, self._plain, self.memo, self._words = body, None, {}, None

    def _ask(self, key: tuple, fn):
        if key not in self.memo:
            self.memo[key] = fn()
        return self.memo[key]

    @property
    def plain(self) -> str:
        if self._plain is None:
            self._plain = _plain(self.body)
        return self._plain

    def _at(self, text: str, word: str):
        """Where text writes word as a whole word, in the same case."""
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if not (at and (text[at - 1].isalnum() or text[at - 1] in "_-")) and not (
                    end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                yield at
            at = text.find(word, end)

    def written(self, word: str) -> bool:
        """Whether the body writes word as a whole word, in the same case."""
        if re.fullmatch(r"[\w-]+", word):  # (the body's words, found once)
            if self._words is None:
                self._words = set(re.findall(r"[\w-]+", self.body))
            return word in self._words
        return self._ask(("n", word), lambda: next(self._at(self.body, word), None) is not None)

    def inside(self, name: str, not_after: str) -> bool:
        """Whether the body writes name after another word of its sentence (not `not_after`)."""
        def found() -> bool:
            for at in self._at(self.plain, name):
                before = self.plain[max(0, at - 60):at]
                if _AFTER_WORD.search(before) and not (not_after and before.rstrip(" \t").endswith(
                        (" " + not_after, "\n" + not_after))):
                    return True
            return False
        return self._ask(("i", name, not_after), found)

    def shown(self, name: str) -> bool:
        """Whether the body names it in a heading or in bold."""
        def found() -> bool:
            for at in self._at(self.body, name):
                line = self.body[self.body.rfind("\n", 0, at) + 1:at]
                if line.lstrip().startswith("#") or line.count("**") % 2:
                    return True
            return False
        return self._ask(("s", name), found)


class Products:
    """What a body sells, and what a build's bodies sell between them."""

    def __init__(self, rules: Rules):
        self.seed = tuple(rules.get("promotional", "products"))
        # (each searched on its own in the lower-cased body: a pattern that opens with a letter
        # is searched fast, an alternation of them or `\b` first a hundred times slower)
        self.sell = [re.compile(p) for p in rules.get("promotional", "sell_words")]
        self.edition_names = {w.lower() for w in rules.get("promotional", "editions")}
        offers = "|".join(re.escape(w) for w in rules.get("promotional", "offer_verbs"))
        editions = "(?i:" + "|".join(re.escape(w) for w in rules.get("promotional", "editions")) + r")[ \t]+(?i:version)"
        self.offered = re.compile(r"\b(?i:" + offers + r")[ \t]+(?:(?i:and|&)[ \t]+(?i:" + offers + r")[ \t]+)?"
                                  r"(?:(?i:the)[ \t]+)?" + _NAME)
        self.edition = re.compile(r"\b" + editions + r"[ \t]+(?i:of)[ \t]+" + _NAME
                                  + r"|" + _NAME + r"(?:'s|[ \t]+(?i:has)(?:[ \t]+(?i:a))?)[ \t]+" + editions)
        self.edition_word = re.compile(r"[ \t]+(?:" + "|".join(re.escape(w.title()) for w in rules.get(
            "promotional", "editions")) + r")$")
        self.min_bodies = int(rules.get("promotional", "min_bodies")[0])
        self.redirects = Redirects.of(rules)
        self.anchors = tuple(w.lower() for w in rules.get("calls_to_action", "anchors"))
        self.box_buttons = tuple(w.lower() for w in rules.get("promotional", "box_buttons"))
        self.buttons = {w.lower() for w in (*rules.get("calls_to_action", "button_verbs"),
                                            *rules.get("promotional", "offer_verbs"))}

    def linked(self, raw: str) -> set[str]:
        """The names a raw body (before cleaning: its links still there) links to a page that
        sells them: an affiliate redirect or a shop's page whose address spells the
        name ("[iPhone Data Recovery](https://tools.techidaily.com/aiseesoft-iphone-data-recovery/)",
        "[Driver Easy](https://…/drivereasy/)"), or a checkout's page that spells a name the link's sentence
        writes, whatever its text, on a page whose links go to that checkout again and again (CHECKOUT_LINKS: a
        vendor's blog copied with every link rewritten to its store; `_sentence_name`), not a lone "[renew it
        here](…)" in a sentence on a lapsed subscription, whose product the page fixes. Not a button's label
        ("Download", "Buy Now"), nor a sentence, nor a name linked to its own site alone (a reference: "[The
        Verge](https://www.theverge.com/…)")."""
        out = set()
        raw = _shown(raw)
        links = [(m.start(), m.end(), m.group(1), m.group(2)) for m in _MD_LINK.finditer(raw)]
        links += [(m.start(), m.end(), m.group(2), m.group(1)) for m in _A_LINK.finditer(raw)]
        links.sort()
        shops = [_checkout_host(url) for _, _, _, url in links]
        rewritten = {h for h, c in Counter(h for h in shops if h is not None).items() if c >= CHECKOUT_LINKS}
        page = None
        for k, (start, end, text, url) in enumerate(links):
            name = _plain(text).strip(" \t.,;:!?")
            words = [w for w in name.split() if w not in ("-", "–", "—")]  # (a tagline's dash is no word)
            written = shops[k] in rewritten and self._sentence_name(raw, start, end, url)
            if written:
                out.add(written)
            if not 1 <= len(words) <= 5 or not any(c.isupper() for c in name) or words[0].lower() in self.buttons:
                continue
            try:
                parts = urlsplit(url)
            except ValueError:
                continue
            host = (parts.hostname or "").rstrip(".")
            address = re.sub(r"[^a-z0-9]", "", host + parts.path.lower())  # (what spells the name)
            name = self._spelled(name, address)
            key = re.sub(r"[^a-z0-9]", "", name.lower())
            if len(key) < 4 or _HELP_PATH.search(parts.path):
                continue
            redirect = self.redirects.redirect_host(host, parts.path)
            if key not in address:  # (a product's box names it whatever its address spells)
                # (not a button's label, nor a link beside another to its page: "[FoneTrans](…) [For Mac](…)")
                beside = k > 0 and links[k - 1][3] == url and not raw[links[k - 1][1]:start].strip(" \t)>")
                label = beside or name.lower().startswith(self.anchors)
                if not label and (redirect or _SHOP_PATH.search(parts.path)) and self._boxed(raw, links, k):
                    page = page or _Page(_plain(raw))
                    boxed = self._box_name(name, page)
                    if boxed:
                        out.add(boxed)
                continue
            if redirect and _to_home_page(host, parts.path, key):
                continue  # (a redirect to "philips-hue.com/en-us": the brand named in passing, as a direct link names it)
            if redirect or _SHOP_PATH.search(parts.path):
                out.add(name)
        return out

    def _sentence_name(self, raw: str, start: int, end: int, url: str) -> str | None:
        """The name a link to a checkout's page sells when its text does not name it: a name its
        sentence (or heading) writes, two words or more each capitalised, that the address spells
        ("Revo Uninstaller Pro … [Download now](…store.revouninstaller.com/order/checkout.php?…)": Revo
        Uninstaller), the longest such, without its edition (the caller's link goes to a checkout's page:
        `_checkout_host`, not a store's page of a free app, a laptop's), not a name its address does not spell
        ("Try FoneTrans now. [Download now](…2checkout.com/order/…)": whoever sells it, the sentence alone does
        not say)."""
        parts = urlsplit(url)  # (parsed before: `_checkout_host`)
        # (the address's words run together, a name to start where one of them does: "store.revouninstaller
        # .com" spells "Revo Uninstaller", not the "eRevo Uninstaller" of a scrape's "… asRevo Uninstaller")
        address = "\0" + "\0".join(re.findall(r"[a-z0-9]+", (parts.hostname or "").rstrip(".") + parts.path.lower()))
        begin = max(raw.rfind("\n", max(0, start - SENTENCE_REACH), start) + 1, start - SENTENCE_REACH)
        stop = raw.find("\n", end, end + SENTENCE_REACH)  # (each look bounded: a line of many links stays linear)
        stop = stop if stop >= 0 else min(len(raw), end + SENTENCE_REACH)
        before, after = raw[begin:start], raw[end:stop]
        cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
        m = _SENTENCE_END.search(after)
        sentence = _plain(before[cut:] + raw[start:end] + (after[:m.start() + 1] if m else after))
        best = None
        for run in _SHORT_NAME.finditer(sentence):
            words = run.group(0).split()
            for n in range(min(len(words), 4), 1, -1):  # (longest first)
                for i in range(len(words) - n + 1):
                    part = self.edition_word.sub("", " ".join(words[i:i + n]))
                    if _JOINED.match(part):  # (the word before it run in: "asRevo Uninstaller", not "iPhone")
                        part = part[1:] if self._spells(part[1:], address) and not self._spells(part, address) else part
                    if " " in part and (best is None or len(part) > len(best)) and self._spells(part, address):
                        best = part
        return best

    @staticmethod
    def _spells(name: str, address: str) -> bool:
        """Whether the address (its words, each after a NUL) spells name from a word's start on."""
        key = re.sub(r"[^a-z0-9]", "", name.lower())
        return len(key) >= 4 and re.search("\0" + "\0?".join(key), address) is not None

    def _boxed(self, raw: str, links: list[tuple[int, int, str, str]], k: int) -> bool:
        """Whether link k heads a software product's box: a download or trial button (rules [promotional]
        box_buttons: "Free Download", "Try It Free") to a checkout's page comes within BOX_REACH characters
        after it, no heading between ("[FoneTrans - Intelligent iOS Data Transfer](…/aiseesoft/ios-transfer/)",
        its features, then "[Free Download For Windows](…2checkout.com/order/cart.php?…)"). Not a deal's box,
        whose button buys a thing ("[Dell XPS 13](…) $799 [Buy Now](…dell.com/…/shop/…)"), nor a free app's
        ("[Download Now](…apps.microsoft.com/store/detail/…)"): a laptop or an app a fix names is no pitch."""
        end = links[k][1]
        for start, _, text, url in links[k + 1:k + 1 + BOX_LINKS]:
            if start - end > BOX_REACH or "\n#" in raw[end:start]:
                return False
            if _plain(text).strip().lower().startswith(self.box_buttons):
                return _checkout_host(url) is not None
        return False

    def _box_name(self, text: str, page: "_Page") -> str | None:
        """The name a product's box heads with: its text without the tagline after a dash ("FoneTrans -
        Best iOS Data Manager" is FoneTrans), when it is shaped as a name (one to three words, each
        capitalised or a number, maybe joined by "for" after a brand's word or two words: "FoneLab for Android",
        not "Pro for Mac"; its first word not one the text writes in lower case: a platform's button, "For Mac",
        "Go To Mac", is none). A name opened by an edition's word ("Free Video Converter", rules [promotional]
        editions) is one unless the text writes it whole in lower case (a "free video converter" it describes),
        nor a box's button ("Free Download")."""
        name = _TAGLINE.split(text, 1)[0].strip()
        first = name.split(" ", 1)[0]
        if not _BOX_NAME.fullmatch(name) or first.lower() in self.buttons or name.lower().startswith(self.box_buttons):
            return None
        head = re.split(r"[ \t]+for[ \t]+", name, maxsplit=1)
        if len(head) > 1 and " " not in head[0] and not _INNER_CAPITAL.search(head[0]):
            return None  # (a button or a platform's word before "for": "Pro for Mac", "Available for Mac", "Support for Windows 11")
        if first.lower() in self.edition_names and len(name.split()) >= 3:
            return None if page.written(name.lower()) else name
        return None if page.written(first.lower()) else name

    def _spelled(self, name: str, address: str) -> str:
        """The name as the link's address spells it: whole, or without its edition ("[Revo Uninstaller Pro]
        (…store.revouninstaller.com/order/…)") or its maker's prefix ("[FoneLab - iPhone Data Recovery]
        (…/aiseesoft-iphone-data-recovery/)"): the name its text names it by too. A shortened name must
        still look like one (two words or more, each capitalised): "[Windows Pro](…/store/b/windows)" is not
        "Windows", "[FoneLab - data recovery](…/data-recovery/)" not "data recovery"; the full name is kept."""
        for part in (name, self.edition_word.sub("", name), _PREFIX.sub("", name)):
            if len(key := re.sub(r"[^a-z0-9]", "", part.lower())) >= 4 and key in address and (
                    part == name or _SHORT_NAME.fullmatch(part)):
                return part
        return name

    def sold_in(self, body: str) -> set[str]:
        """The names body offers for sale (see the module's note)."""
        out: set[str] = set()
        asked: set[str] = set()
        page, done = _Page(body), -1
        breaks = [(m.start(), m.end()) for m in _PARAGRAPHS.finditer(body)] + [(len(body), len(body))]
        for hit in self._selling(body):  # the paragraphs that sell
            if hit < done:
                continue
            j = bisect.bisect_left(breaks, (hit, hit))
            begin, done = breaks[j - 1][1] if j else 0, breaks[j][0]
            text = _plain(body[begin:done])
            for m in (*self.offered.finditer(text), *self.edition.finditer(text)):
                at = next(i for i in range(1, m.lastindex + 1) if m.group(i))
                if m.group(at) not in asked and len(asked) >= MAX_NAMES:
                    return out
                asked.add(m.group(at))
                name = self._name(m.group(at), _opens(text, m.start(at)), page)
                if name:
                    out.add(name)
        return out

    def _selling(self, body: str) -> list[int]:
        """Where body speaks of selling: a sell word, or "<edition> version"."""
        low = body.lower()
        hits = [m.start() for p in self.sell for m in p.finditer(low) if not (m.start() and low[m.start() - 1].isalnum())]
        at = low.find(" version")
        while at >= 0:
            word = low[max(0, at - 12):at].rsplit(None, 1)[-1:]  # the word before " version"
            if word and word[0].strip("*_[(") in self.edition_names:
                hits.append(at)
            at = low.find(" version", at + 8)
        return sorted(hits)

    def _name(self, name: str, opens: bool, page: "_Page") -> str | None:
        """The name without its edition ("X Pro") or the word opening its sentence ("With X",
        "Although X": a word the body also writes in lower case, when the rest is found
        after other words too). None for a word of the text (one word the body writes in
        lower case too), a name only ever opening a sentence, or one the body does not show
        off (in a heading or in bold)."""
        name = self.edition_word.sub("", name)
        first, _, rest = name.partition(" ")
        common = page.written(first.lower())
        if common and rest and opens and page.inside(rest.strip(), first):
            return self._name(rest.strip(), False, page)
        if (common and not rest) or self.edition_word.match(" " + name) or not page.inside(name, ""):
            return None
        return name if page.shown(name) else None

    def learnt(self, sold: list[set[str]], titles: list[str]) -> tuple[str, ...]:
        """The build's products beyond the seed, sorted: `sold[i]` is what body i sells,
        `titles[i]` its article's title."""
        seed = {p.lower() for p in self.seed}
        counts = Counter(n for names in sold for n in names if n.lower() not in seed)
        found = [n for n, c in counts.items() if c >= self.min_bodies]
        if not found:
            return ()
        low = {n.lower() for n in found}
        titled = Counter(g for t in titles for g in _grams(t) if g in low)  # (each title read once)
        return tuple(sorted(n for n in found if counts[n] > 2 * titled[n.lower()]))


_WORDS = re.compile(r"\w+")


def mentioned(body: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names (of those given, in their order) whose every word the body writes, in any
    case (case-folded words): the learnt products a body's structure is made with, and keyed
    by, instead of the whole learnt set (a newly learnt product costs only the bodies naming
    it their structure). Cached or not, the structurer gets only these names, so the bytes
    never depend on the cache; a spelling the structurer's own search would also find, a
    dotless "FıxMaster" or "**Fix**Master", is not among them and pitches no learnt product."""
    if not names:
        return ()
    words = set(_WORDS.findall(body.casefold()))
    return tuple(n for n in names if all(w in words for w in _WORDS.findall(n.casefold())))


def with_linked(named: list[str], linked: list[str], subject: str) -> tuple[str, ...]:
    """The names a body is structured with: the learnt products it names, then the names its
    own raw links sell (Products.linked; a page's pitch for a tool it links to a store is
    one, however few other pages sell that tool) but for the article's subject, a name its
    `subject` (title and first heading) writes: the game it fixes, linked to the game's store."""
    words = set(_WORDS.findall(subject.casefold()))
    return tuple(named) + tuple(n for n in sorted(linked) if n not in named
                                and not all(w in words for w in _WORDS.findall(n.casefold())))


def _grams(title: str) -> set[str]:
    """The runs of one to four words of a title, lower-cased (a name has at most four)."""
    words = re.findall(r"\w[\w+-]*", title.lower())
    return {" ".join(words[i:i + k]) for k in range(1, 5) for i in range(len(words) - k + 1)}


def _checkout_host(url: str) -> str | None:
    """The host (lower-cased, "" for none) of a link to a checkout's page (`_CHECKOUT_PATH`:
    "store.revouninstaller.com" for "https://store.revouninstaller.com/order/checkout.php?…"); None for
    any other link, or an address that is no URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return (parts.hostname or "").rstrip(".") if _CHECKOUT_PATH.search(parts.path) else None
