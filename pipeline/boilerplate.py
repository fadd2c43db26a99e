"""Site chrome found by repetition (issue 26): a newsletter sign-up, a comment form, a
"View Deal" button or a list of the site's other articles is written into many *distinct*
articles of a site, verbatim; an article's own text is not (its spun copies and reworded
variants repeat it, but they are one article). Over the distinct cleaned bodies of a build,
each line (a paragraph, list item or heading of the scraped markdown) is counted once per
family of bodies, a family being the bodies linked by sharing a longer line few bodies hold
(one article's variants); a line found in `min_families` families or more is repeated.

Frequency alone does not make chrome: a step ("Restart your computer.") repeats across a
site's articles and is still a step in each. A repeated line goes (kind `chrome`) only when
it does not read as content (not an action, not a numbered step, not code) and it looks like
chrome: mostly links, a short label without a full stop ("View Deal", "Newsletters"), at the
body's start or end, or beside another such line (chrome comes in blocks). A heading goes
when everything under it went. By position, whatever the repetition: a short line with chrome
right above and under it, a table of contents' lead-in, a list marker alone on its line; and a
repeated label heading in the page's opening block ("Key Takeaways"). Some chrome repeats in
shape rather than word for word, and is counted so: a name alone under pictures (a maker's
press shots' credit, "Google"), a label templated with a product's name ("Today's best <name>
deals", "<name>: Price Comparison"); and a widget's parts go wherever they are: a lone verb
("Expand", a button), a table's header with no row left, shop logos between chrome, a product's
box (picture, name, list) that ends in chrome. An attribution ("Source: [Microsoft Blog](...)") is counted
by its link, the label being the site's and the source each article's own. Some chrome is known on one page by its
shape: a table of contents at the page's top worded as the headings below it, the short lines
of a sign-up box over its consent notice, a name under two of the page's pictures, a line
labelled a credit ("Image: Forust"). Rules: `[boilerplate]`."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import numpy as np

from .clean.html_blocks import Outros, asked_end
from .clean.links import LOST_HEAD, LOST_LINE, _site, code_lines, lost_key
from .unionfind import DisjointSets

# a word; in scripts written without spaces (Chinese, Japanese) each character is one ("免費下載",
# "Free Download", is four, as a label; not one, as a sentence would be)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[^\W{_CJK}]+|[{_CJK}]")
_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\s*\)")  # (a title may hold "(...)")


def _shown_words(line: str) -> list[str]:
    """The words a reader sees of a line: its links' texts, not their targets."""
    return _WORD.findall(_LINK.sub(r"\1", line))


_CJK_RUN = re.compile(rf"[{_CJK}]+")


def _span(line: str) -> int:
    """How long a line reads, in words: its shown words, a run of characters of a script written
    without spaces counting one word for every three of them ("超過 150萬位用戶已訂閱我們的電子報",
    "1.5M+ users already subscribed to our newsletter", is 6, not 16; a Japanese word and its
    particle are three characters or so, a Chinese word two)."""
    text = _LINK.sub(r"\1", line)
    runs = _CJK_RUN.findall(text)
    return len(_WORD.findall(_CJK_RUN.sub(" ", text))) + sum(-(-len(r) // 3) for r in runs)


_LEAD = re.compile(r"^\s*(?:>\s*)?(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__|[*_])?"
                   r"(?:(?:step|fix|method|option|solution|way)\s*\d{1,2}\s*[:.)\-–—]\s*)?", re.I)
_NUMBERED = re.compile(r"^\s*(?:\*\*|__)?\d{1,2}\\?[.)](?!\d)")  # (not "1.5M+ users")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_SEPARATOR = re.compile(r"\s*[/|\\·•]+\s*")  # a line of separators only, no markdown's ("---", "***" are breaks)
_BAR_LINK = re.compile(r"(?:\*\*|__)?\[([^\[\]\n]+)\]\(((?:https?:)?//[^()\s]+)\)(?:\*\*|__)?")  # a bar's link (_shop_bar)
_BAR_SEP = re.compile(r"\s+[|·•]\s+")  # between the links of a bar of them (Boilerplate._link_bar)
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s")
_ANY_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")  # an empty one too ("##": a heading whose text is the line under it)
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*$")  # "**Weight**": a label of what follows
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")


# A cross-link to another article: a short label, a colon, one link and nothing else
# ("Related: [How to ...](...)", "**Also:** [...](...)", "**See also:** [**...**](...).", "**Review** **:**
# [**1Password**](...)"). Each such line is unique, its
# label is the site's: the label is what repeats across distinct articles.
_LABELLED_LINK = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,24}?)\s*(?:(?:\*\*|__)\s*)*:\s*(?:(?:\*\*|__)\s*)*"
                            r"\[[^\[\]\n]+\]\((?!#)[^()\s]+\)(?:\*\*|__)?\.?\s*$")  # (not an in-page pointer)
# ...and its label alone before a title without the link ("**MORE:** **Best Gaming PCs**", "**Read:**
# SilverStone PI02 Review"): the cleaner unwraps a cross-link hijacked to an affiliate's redirect
_LINK_LABEL = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,24}?)\s*(?:(?:\*\*|__)\s*)*:\s*(?:(?:\*\*|__)\s*)*")
# ...not over a step's, a fix's or a version's number ("**See also:** Step 3", "Windows 11 Build 22621.1702")
_NO_TITLE = re.compile(r"(?i)^(?:step|fix|method|way|solution|part|option)\s*#?\d|\d\.\d|\b(?:build|version)\s*\d")
_DIGITS = re.compile(r"\d+")
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?[€£¥]")  # "$999", "399,99 €"
_TAIL_LINES = 6  # a shop widget at the body's end (Boilerplate._shop_tail) has this many lines or more
_SITE_END = re.compile(r"\.(?:com|net|org|co)(?:\.[a-z]{2})?\s*$")  # a site's address's ending
_CREDIT_SEP = re.compile(r"/|\||--|–|—")  # "Jane Doe / Getty Images", "By Jiap -- Shutterstock"
_LABEL_FIRST = re.compile(r"^[\s>*_]*[^\W_]+\s*:")  # "_Note: ..._", "*Update:* ..."
_ANCHOR_ONLY = re.compile(r"^\s*(?:[-*+]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?\[[^\[\]\n]+\]\((?:https?://[^()\s#]*)?#[^()\s]*\)"
                          r"(?:\*\*|__)?\s*$")  # "1. [**Update your drivers**](#a)", "[1: Check it](#fix1)"
_PICTURE_CARD = re.compile(r"^\s*(?:[-*+]\s+)?\[!\[[^\]\n]*\]\([^()\s]*\)\s*\S[^\[\]\n]*\s\S[^\[\]\n]*\]"
                           r"\((?:https?:)?//[^()\s]+\)\s*$")  # "[![pic](p.jpg) Title blurb  Read now](url)"
_LABEL_TEXT = re.compile(r"[^\W\d_][^\W_]*(?:[ '’-][^\W_]+)*")  # "What We Don't Like", "PROS": words alone
_EMPTY_ITEM = re.compile(r"^\s*(?:[*+]|\\[-*+])\s*$")  # (not "-": a heading's underline; "\-": escaped)
_TWIN_TEXT = re.compile(r"^(?: {4}|\t| {0,3}>)")  # code indented 4 columns, a quote: the article's text
_QUOTE_NOT = re.compile(r"^(?: {4}|\t| {0,3}>|\s*(?:[-*+]|\d{1,2}[.)])\s|\s*\||\s*\[?!\[| {0,3}#)")  # not a pull-quote's line
_QUOTE_HOSTS = 64  # a sentence in more paragraphs than this is a template's, not a pull-quote's
_WHOLE_SENTENCE = re.compile(r"[.!?。！？][\s*_\"'”’)]*$")  # a whole sentence ends the line
_SPEC = re.compile(r"\w[^:\n]*:\s+\S")  # "Weight: 1.2 kg"
_STOPS = re.compile(r"[.!?。！？](?:\s|$)")  # where a sentence ends ("Too busy? ... delivers ..." has two)
_DOMAIN = re.compile(r"\w\.[a-z]{2,}\b|//")  # a web address in a word: "microsoft.com/windowsinsider"
_LABEL_LINE = re.compile(r"^[\s>*_]*[^\W_]+(?:[ -][^\W_]+){0,2}[ \t]*(?:(?:\*\*|__|[*_])[ \t]*)?:(?:\*\*|__|[*_])?\s+\S")  # "Price: $300", "**Best for:** ..."
_STEP = re.compile(r"^\W*step\s*\d", re.I)  # "Step 2: ...", "**Step 2**"
_PICTURE_LINE = re.compile(r"^\s*\[?!\[[^\]\n]*\]\([^()\s]*(?:\s+\"[^()\n]*\")?\)(?:\]\([^()\s]*\))?\s*$")  # ("[![pic](p.jpg "T")](shop)")
_ICON_TEXT = re.compile(r"^\s*!\[[^\]\n]*\]\([^()\s]*\)\s*[^\s!\[]")  # "![Secure](s.svg) 100% Secure. No Ads."
# a name alone, its words capitalised ("Google", "_Microsoft_", "📷 Google", "(Screengrab)", "Image: Lenovo")
_NAME = re.compile(r"[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,2}")
_CARD = re.compile(r"^\s*[-*+]\s+!\[[^\]\n]*\]\([^()\s]+\)\s*\S")  # "* ![alt](pic) Title ..."
_ONLY_LINK = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?\[([^\[\]\n]+)\]\(((?:https?:)?//[^()\s/]+/[^()\s]+)"
                        r"(?:\s+\"[^\"\n]*\")?\)(?:\*\*|__)?\s*$")  # (a link's title: `(url "Title")`)
# (its host holds no "/": "[w](//////..." without a ")" was read again from each "/" on, quadratic)
_LINK_STOP = re.compile(r"\)\.\s*$")  # a full stop after a line's last link ("* [Best printer 2021](...).")
# a vendor's help page: its host or a folder of its path says so ("support.hp.com/…", "dell.com/support/kbdoc/…")
_HELP_PAGE = re.compile(r"(?i)^(?:https?:)?//(?:[^/?#]*\.)?(?:support|help|docs|learn|kb)\.|^[^?#]*/(?:support|help|docs?|kb"
                        r"|kbdoc|drivers?|downloads?)(?:[/?#._-]|$)")


# A cross-link: a short label, a colon, one link ("**SEE:** [**Cloud security in 2022: ...**](...)",
# "* **See also:** [...](...)", "**Read the review:** **[...](...)**"), a source's name maybe after it
# ("... **TechRepublic**"): the label, and where the link starts
_CROSS_LABEL = re.compile(r"^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ]{0,24}?)\s*(?:\*\*|__)?:\s*(?:\*\*|__)?\s*"
                          r"(?=(?:\*\*|__)?\[)")
_CROSS_LINK = re.compile(r"(?:\*\*|__)?\[[^\[\]\n]+\]\((?:https?:)?//[^()\s]+\)(?:\*\*|__)?")
_CROSS_SOURCE = re.compile(r"\s*(?:(?:\*\*|__)?\(?[A-Z][\w.&'’ -]{0,40}\)?(?:\*\*|__)?)?\.?\s*")  # "**TechRepublic**"


def _host(url: str) -> str:
    """A link's host, lower-case, without "www." ("" when the address does not parse)."""
    host = _url_parts(url)[1] or ""
    return host[4:] if host.startswith("www.") else host


def _letters(text: str) -> str:
    """Text's letters and digits only, lower-cased, as a shop's name is matched in a host ("Best Buy" and
    "bestbuy.com" as "bestbuy", "bestbuycom")."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def _credit_text(line: str) -> tuple[str, list[str]]:
    """A credit's shown text (its links' texts, emphasis and spaces at its ends aside) and its
    parts between separators ("Jane Doe / Getty Images": "Jane Doe ", " Getty Images")."""
    plain = _LINK.sub(r"\1", line).replace("\\_", "_").strip(" \t*_")  # ("Zephyr\\_P/Shutterstock": an escape)
    return plain, _CREDIT_SEP.split(plain)


# (Boilerplate._marks: the units a body's stripping drops whatever the build repeats, before and
# after it looks at cross-links)
Marks = tuple[tuple[int, ...], tuple[int, ...]]
KEY = np.dtype(">u8")  # a line key as a number: its 8 bytes big-endian (numbers sort as the bytes do)


def packed(keys) -> bytes:
    """Line keys (8 bytes each) as one run of them, sorted, each once: how a body's keys are
    held while the build learns over every body (SiteChrome) and stored (cache units): ~8 B
    a key, where a set of bytes objects took 65-95 (issue 31: at 100k articles, 163 MB)."""
    return b"".join(sorted(set(keys)))


def repacked(raw: bytes) -> bytes:
    """8-byte keys read back (the cache's record of a body's keys) `packed`: as they are when
    already sorted, each once, as written."""
    keys = np.frombuffer(raw, KEY)
    return raw if bool(np.all(keys[1:] > keys[:-1])) else packed(raw[j:j + 8] for j in range(0, len(raw), 8))


def among(keys: bytes, these: np.ndarray) -> bytes:
    """The `packed` keys that are among `these` (sorted, each once), packed."""
    return among_each([keys], these)[0]


def among_each(keysets: list[bytes], these: np.ndarray) -> list[bytes]:
    """`among` of each of `keysets`, in one pass over all of them: a build that learns the
    chrome asks it of every distinct body (at 30k articles, 7,424 calls of np.isin took 0.55 s
    of a +1% rebuild's 18 CPU s)."""
    every = np.frombuffer(b"".join(keysets), KEY)
    # (kind="sort": numpy's "table" way, which it picks when the keys' range is small, fails on
    # big-endian numbers: "The `dtype` and `signature` arguments to ufuncs only select ...")
    hit = np.isin(every, these, kind="sort")
    kept = every[hit].tobytes()
    # each body's end in `every`, then how many of the keys before it are kept: its end in `kept`
    ends = np.cumsum([0] + [len(keys) // KEY.itemsize for keys in keysets])
    cuts = (np.concatenate(([0], np.cumsum(hit)))[ends] * KEY.itemsize).tolist()
    return [kept[a:z] for a, z in zip(cuts, cuts[1:])]


def _listed(keys: np.ndarray) -> list[bytes]:
    raw = keys.astype(KEY).tobytes()
    return [raw[j:j + 8] for j in range(0, len(raw), 8)]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()


# A whole paragraph in emphasis, a sentence: the site's note to the reader ("_We purchased the
# Antop AT-127 so our expert reviewer could thoroughly test and assess it. Keep reading for our
# full product review._"), templated with a product's name swapped in
_NOTE = re.compile(r"^\s*(?:>\s*)?([_*])(?![_*\s]).*[^_*\s\\]\1\s*$")


def _shape(line: str) -> bytes | None:
    """The key of a line's shape: its words with each run of names and numbers (a word opening
    with a capital or a digit, the first word aside) as one symbol; None when nothing is
    masked (the line's own key says the same). Two lines of one template that differ in the
    product they name share it."""
    words = _WORD.findall(_LINK.sub(r" \1 ", line))
    out: list[str] = []
    for j, w in enumerate(words):
        if j and (w[0].isupper() or w[0].isdigit()):
            if out[-1] != "*":
                out.append("*")
        else:
            out.append(w.lower())
    return _digest("shape " + " ".join(out)) if "*" in out else None


_PARENS = re.compile(r"\([^()\n]*\)")
_TARGET = re.compile(r"\]\(((?:https?:)?//[^()\s]+)")  # a link's target, a web address
# a link to an anchor of the page, maybe resolved against the site's root ("(#fix-2)", "(https://site.example/#fix-2)");
# not one to another page's anchor ("(https://site.example/finance/story/#link=...)", a cross-link's)
_IN_PAGE = re.compile(r"\]\((?:https?://[^/()\s]*)?/?#")
# an in-page link, its text and its anchor ("[**Fix 1**](#f1)")
_ANCHOR = re.compile(r"\[([^\[\]\n]*)\]\((?:https?://[^/()\s]*)?/?#([^()\s]*)\)")
_TOC_MAX = 40  # a bar of sections names at most this many of the headings after it
# a link to an anchor of a page by the page's whole address ("[Best Overall](https://site.example/best-picks/best-x#section-best)")
_PAGE_ANCHOR = re.compile(r"\[[^\[\]\n]*\]\(((?:https?:)?//[^/()\s#]+/[^()\s#]+)#([^()\s]+)\)")
_SLUG_SEP = re.compile(r"[\W_]+")  # an anchor's slug's words ("section-best-overall")
_MARKS = re.compile(r"[\s*_.\\)+\-\d]*")  # what a line of such links may hold besides ("**1.**", " 2.", "* ")
_PAGE_TOC = 3  # a run of such lines is a table of contents with this many links or more
_CRUMBS = (2, 5)  # a breadcrumb has this many items, the page's title the last (Boilerplate._breadcrumbs)
_NEARLY = (0.8, 0.5, 3)  # a breadcrumb's last item holds this much of the heading's words, the heading this much of its, this many at least
_CRUMB_LINK = re.compile(r"(?<!!)\[[^\[\]\n]*\]\(([^()\s]*)")  # a link's target ("[Home](https://site.example/)")
_BYLINE_LINES = 30  # a byline is in the page's header: among the body's first lines that did not go (Boilerplate._byline)
_NUMERIC_DATE = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)"
                           r"|\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2})(?!\d)")  # "2024-08-16", "2024年8月16日", "16/08/2024"
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.I)  # a time after a date ("09:55", "3:05 pm")
_NUMBER = r"\d{1,3}(?:[\s,.’']\d{3})*"  # a count, its thousands set off or not: "19,744", "14 752", "287"
_COUNT = re.compile(rf"^\s*{_NUMBER}\s*$")  # a bare number alone on its line
_THOUSANDS = re.compile(r"^\s*\d{1,3}(?:[\s,.’']\d{3})+\s*$")  # a bare count of thousands set off: "19,744"
_PERSON = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}$")  # a name alone: "Alex Weng", "Mary J. Blige"
_COUNTED = re.compile(rf"^\s*{_NUMBER}\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*$")  # "19,744 views", "987 次瀏覽"
# a count of reviews, maybe after a score out of five: "4.6 (20,522 reviews)", "4.520,872 則評論" (run together)
_REVIEWED = re.compile(rf"^\s*(?:[★☆]+\s*)?(?:\d[.,]\d\s*(?:/\s*5\s*)?)?[(（]?\s*{_NUMBER}\s*([^\W\d_]+(?: [^\W\d_]+)?)\s*[)）]?\s*$")
_ALT = re.compile(r"!\[[^\[\]\n]*\]")  # (no "[" inside: linear on "![![![...")


def _picture_only(line: str) -> bool:
    """A line of pictures and their links only, broken ones too ("[![Monitor 27" QHD...](p.jpg
    "Monitor 27" QHD...")](p.jpg "...") ](shop)": a scrape's nested picture link)."""
    text = line.strip()
    return text.startswith(("![", "[![")) and _WORD.search(_ALT.sub("", _PARENS.sub("", text))) is None


def _shot(line: str) -> bool:
    """A line that is a picture: one alone (_PICTURE_LINE) or pictures and their links only (_picture_only)."""
    return _PICTURE_LINE.match(line) is not None or _picture_only(line)


def _table_rule(line: str) -> bool:
    """A table's rule under its header row ("| --- | --- |")."""
    return "|" in line and "---" in line and not line.strip(" |-:")


def _tagged(tag: bytes, k: bytes) -> bytes:
    """Key k marked with what `tag` says of it (_few, _tail, _unlinked), a key of its own."""
    return hashlib.blake2b(tag + b"\0" + k, digest_size=8).digest()


def _few(k: bytes) -> bytes:
    """The key that says line key k is found in two families or more (Boilerplate.repeated_in)."""
    return _tagged(b"few", k)


def _fix_text(heading: str | None) -> bool:
    """A line under this heading is a step's own text ("### Fix 2: Adjust the screen resolution"
    over "Another trick you can try is to adjust ... Here's how:" and its links to the ways for
    each system)."""
    return heading is not None and bool(_LEAD.match(_HEADING.sub("", heading)).group(0).strip(" \t*_"))


def _key(line: str) -> bytes | None:
    """A line's key: its words, numbers as one symbol (a rating's votes, a price, a date
    differ from page to page: "Rating: 4.8 / 5 (based on 173 votes)")."""
    words = _line_words(line)
    if not words:
        return None
    m = _LABELLED_LINK.match(line)
    return _digest("link-label " + m.group(1).lower()) if m else _digest(_DIGITS.sub("0", " ".join(words)))


def _exact(line: str) -> bytes | None:
    """A line's words, numbers as they are (_key's, whose numbers are one symbol, says that the
    lines of a template that differ in a number are one: "The router of unit 3 needs ...")."""
    words = _line_words(line)
    return _digest("exact " + " ".join(words)) if words else None


def _line_words(line: str) -> list[str]:
    """A line's words as _key and _exact read them: lower case, a link's text apart from its
    neighbours ("see[the guide](url)now": "see", "the", "guide", "now")."""
    return _WORD.findall(_LINK.sub(r" \1 ", line).lower())


def _tail(k: bytes) -> bytes:
    """The key that says exact key k (_exact) is found in the body's last section, in two families
    or more (Boilerplate.repeated_in): a site's closing section, below the min_families bar."""
    return _tagged(b"tail", k)


def _coded(code: str) -> bytes:
    """The key of a code or a model (_codes) that a line of the body's last sections names ("mp3",
    "43"): in the build's repeated keys, the code is a site's closing blurb's (Boilerplate.repeated_in),
    no article's own (_said_own)."""
    return _digest("coded " + code)


def _unsaid(q: bytes) -> bytes:
    """The key that says a line of the body's last sections names the code of key q (_coded) and
    no line above its section does ("Convert your MP3 files with SoundKit" under "## Try SoundKit",
    ending an article that names no MP3): found so in two families or more, the code is the site's."""
    return _tagged(b"unsaid", q)


def _named(q: bytes) -> bytes:
    """The key that says key q is a code's (_coded): every body holding q holds it too, so
    repeated_in can tell q from a line's key."""
    return _tagged(b"named", q)


_CLOSING_SECTIONS = 3  # the body's last sections whose lines are counted as closing ones (_tail)
_YEAR = re.compile(r"(?:19|20)\d\d")  # a year: a date's, no article's own code


# a code's shape: a model's or a hex code's word, a letter before a digit ("s90c", "rtx4090", "0x80070005";
# not "10th", "4k", "1080p"), or a number after "#" or a code's word ("#22", "error 43", "Code #22", "stop 0x50")
_CODE = re.compile(r"\b[^\W\d_]+\d\w*|\b\d+[^\W\d_]+\d\w*|(?:#|\b(?:error|code|stop|err)\s*[:#]?\s*)(\d+)\b")


def _codes(line: str) -> set[str]:
    """The codes and models a line names, code-shaped (_CODE), no year ("22" of "## Error code #22
    fixed", "s90c", "0x80070005"; not the "11" of "Windows 11" or the "10" of "Top 10 deals")."""
    found = {(m.group(1) or m.group(0)).lower() for m in _CODE.finditer(_LINK.sub(r"\1", line))}
    return {w for w in found if not _YEAR.fullmatch(w)}


def _closing_start(units, lines: list[str]) -> int:
    """The unit of the heading that opens the body's last _CLOSING_SECTIONS sections (-1: no heading):
    the site's closing section may be followed by widgets of its own ("#### Featured reviews")."""
    found, start = 0, -1
    for u in range(len(units) - 1, -1, -1):
        if units[u][1] is not None and _HEADING.match(lines[units[u][0]]):
            found, start = found + 1, u
            if found == _CLOSING_SECTIONS:
                break
    return start


_FOOTER_AFTER = 8  # the most lines a footer's copyright line has after it ("Legal Notice", "Follow Us" ...)
_INDENTED = re.compile(r"^(?: {4}|\t)")  # code indented 4 columns: no footer's
_COPYRIGHT_WORD = re.compile(r"(?i)\bcopyright\s*$")  # "Copyright © 2024": the mark opens the line
_SENTENCE_END = re.compile(r"[.!?]\s*$")  # "... Ltd. © Copyright 2024": the mark opens a sentence


# a picture, maybe linked ("![alt](p.svg)", "[![](badge.png)](url)"); group 2 its target
_PICTURE = re.compile(r"(\[)?!\[[^\[\]\n]*\]\(([^()\s]+)(?:\s+\"[^\"\n]*\")?\)(?(1)\]\([^()\s]*\))")


def _picture_key(target: str) -> bytes:
    """The key of a picture's target, its query aside: the same picture in many distinct articles
    (a placeholder, a badge, a logo) is the site's, whatever its alt text (Boilerplate._pictures)."""
    return _digest("picture " + target.split("?", 1)[0].split("#", 1)[0])


def _fenced(lines: list[str]) -> list[bool]:
    """Each line is a code fence's: its opening or closing line, or one between them."""
    out, fence = [], False
    for line in lines:
        opens = bool(_FENCE.match(line))
        fence ^= opens
        out.append(fence or opens)
    return out


def _anchor(text: str) -> bytes:
    """The key of a title as a link's text says it, its words in lower case, marks aside ("[best
    PC cases](https://site.example/best-pc-cases)", "**Best PC Cases**"): a link text found in
    two families or more is a title the site links to (Boilerplate.repeated_in, strip_marked)."""
    return _tagged(b"anchor", _digest(" ".join(_WORD.findall(text.lower()))))


def _linked(a: bytes) -> bytes:
    """The key that says a body links the title of _anchor key a (Boilerplate.repeated_in: a title
    found in two families or more, linked in two or more, is one the site links to)."""
    return _tagged(b"linked", a)


_TEXT_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?:https?:)?//[^()\s]+\)")  # (not a picture: "![alt](...)")


def _open_units(units, lines: list[str]) -> list[int]:
    """The units outside code fences (their keys cannot say so: a fence's lines have no key, nor
    has a line without words, a picture's)."""
    fenced = _fenced(lines)
    return [u for u, (i, _) in enumerate(units) if not fenced[i]]


def _housed(k: bytes) -> bytes:
    """The key that says line key k is the site's blurb about itself with its link
    (Boilerplate._house) in min_families families or more (Boilerplate.repeated_in): the same
    words whose link the cleaner unwrapped ("... Find out more about how we test.") are it too."""
    return _tagged(b"house", k)


def _unlinked(k: bytes) -> bytes:
    """The key that says cross-link label key k (a "link-label" _key) is a repeated one
    (Boilerplate.repeated_in): a line with that label before a bare title is the same cross-link,
    unwrapped (Boilerplate._unlinked_key)."""
    return _tagged(b"unlinked", k)


def _spec_lists(units, lines: list[str], repeated: set[bytes]) -> set[int]:
    """The lines of lists of specs: three lines or more in a row, each a spec with no link
    ("Resolution: 3440 x 1440", "Panel Type: VA", "Refresh Rate: 165 Hz"), a product's, though
    other products share their shape (not a widget's pair: "Related: [...](...)" over
    "Rating: 4.8 / 5 (based on 173 votes)"): one of them the product's own (a line not repeated:
    "Model: ASRock PG34WQ15R2B"), or the list under the item's picture (maybe a heading between:
    "#### Specifications"). Not a byline's, a deal's or a cookie banner's lines, each repeated
    ("Author: Jane Roe", "Price: $19.99", "Analytics: Off")."""
    out: set[int] = set()
    run: list[int] = []
    for u, (i, k) in enumerate([*units, (-1, None)]):
        if k is not None and "](" not in lines[i] and _SPEC.match(lines[i]):
            run.append(u)
            continue
        if len(run) >= 3 and (any(units[w][1] not in repeated for w in run) or _pictured(units, lines, run[0])):
            out.update(run)
        run = []
    return out


def _pictured(units, lines: list[str], u: int) -> bool:
    """Unit u right under a picture, or under a heading right under one."""
    above = [lines[units[v][0]] for v in (u - 1, u - 2) if v >= 0]
    return bool(above) and (bool(_PICTURE_LINE.match(above[0])) or (
        len(above) == 2 and bool(_HEADING.match(above[0])) and bool(_PICTURE_LINE.match(above[1]))))


def _units(body: str) -> list[tuple[int, bytes | None]]:
    """(line number, key) of each non-blank line; key None (a code fence's line, a line without
    words): never chrome."""
    lines = body.split("\n")
    return [(i, None if fenced else _key(line)) for i, (line, fenced) in enumerate(zip(lines, _fenced(lines)))
            if line.strip()]


def _card_list(units, lines: list[str], v: int) -> list[int]:
    """The list from unit v on (its items and their indented lines) when each item opens
    with a picture: a list of cards (picture, another article's title, its blurb)."""
    out, items, last = [], 0, units[v][0] - 1
    for w in range(v, len(units)):
        i = units[w][0]
        item = _LIST.match(lines[i])
        if not item and not (i == last + 1 and lines[i][:1].isspace()):
            break
        if item and not _CARD.match(lines[i]):
            return []
        items += bool(item)
        out.append(w)
        last = i
    return out if items >= 2 else []


def _shared_lines(lines: np.ndarray, holders: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Each pair of bodies holding a line together (lines sorted, each line's holders in order):
    the pairs as x * n + y (x before y among the line's holders), sorted, and how many lines each
    pair shares. Counted by offset within a line's run of holders (at most family_link_bodies
    long), not pair by pair in Python (at 30k articles, 0.7 s of a +1% rebuild)."""
    ends = np.r_[np.flatnonzero(lines[1:] != lines[:-1]) + 1, len(lines)]
    end = np.repeat(ends, np.diff(np.r_[0, ends]))  # where each position's line ends
    at, codes = np.arange(len(lines)), [np.zeros(0, np.int64)]
    for d in range(1, int(np.max(np.diff(np.r_[0, ends]), initial=1))):
        both = at[:-d] + d < end[:-d]  # position p and p + d hold the same line
        codes.append(holders[:-d][both].astype(np.int64) * n + holders[d:][both])
    return np.unique(np.concatenate(codes), return_counts=True)


class Boilerplate:
    def __init__(self, rules):
        g = rules.get
        self.min_families = int(g("boilerplate", "min_families")[0])
        self.link_df = int(g("boilerplate", "family_link_bodies")[0])
        self.family_words = int(g("boilerplate", "family_line_words")[0])
        self.seeds = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "seeds")), re.I)
        self.bylines = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "bylines")), re.I)
        self.short_words = int(g("boilerplate", "short_label_words")[0])
        self.min_echoes = int(g("boilerplate", "min_echoes_in_body")[0])
        self.comment_buttons = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "comment_buttons"))
        self.comment_words = frozenset(w.lower() for w in g("boilerplate", "comment_words"))
        self.cross_labels = frozenset(" ".join(w.lower().split()) for w in g("boilerplate", "cross_link_labels"))
        self.network_hosts = int(g("affiliate_hosts", "network_hosts")[0])
        self.template_anchors = frozenset(a.lower() for a in g("boilerplate", "template_anchors"))  # (_said_own)
        # a shop widget's evidence (_shop_tail): a price or a deal's word, links to affiliates or tagged shops
        self.shop_labels = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "shop_labels")), re.I)
        self.shop_hosts = tuple(sorted({h.lower() for h in g("affiliate_hosts", "hosts")}
                                       | {p.split("=")[0].lower() for p in g("affiliate_tags", "params")}))
        # a shop's button: a price, and a shop named after one of these words that the link's host names (_shop_button)
        self.shop_label_verbs = frozenset(v.lower() for v in g("boilerplate", "shop_label_verbs"))  # (_shop_label)
        self.shop_on = frozenset(v.lower() for v in g("boilerplate", "shop_on_verbs"))  # ("Buy on Amazon": _shop_names)
        self.shop_at_words = frozenset(w.lower() for w in g("boilerplate", "shop_at"))  # ("See at LG": _shop_label)
        self.shop_at = re.compile(r"\b(?:" + "|".join(map(re.escape, g("boilerplate", "shop_at"))) + r")\s+([^\W_][\w&.'’-]*)",
                                  re.I)
        # a feedback box's buttons: an action's words that do not end the box under its question (_box_under)
        self.feedback_buttons = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "feedback_buttons"))
        # a list widget's button ("Show More Deals", "Load more deals"): its words, maybe one after them (_more_button)
        self.more_buttons = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "more_buttons"))
        self.more_buttons_bare = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "more_buttons_bare"))
        # a footer's last words: a copyright or rights line (_footer)
        self.footer_marks = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "footer_marks")), re.I)
        # the site's own voice: a repeated sentence with one of these words is the site's blurb (_house)
        self.house_words = frozenset(w.lower() for w in g("boilerplate", "house_words"))
        # an article's line in a script written without spaces: a step's marker or an instruction's (_boxed)
        self.cjk_content = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "cjk_content")))
        # a breadcrumb whose links the cleaner unwrapped opens with the site's home (_crumb_links)
        self.crumb_roots = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "breadcrumb_roots"))
        # a byline: a real date, who wrote the page or its views (_byline)
        months = sorted(g("boilerplate", "date_months"), key=len, reverse=True)
        month = r"(?:" + "|".join(map(re.escape, months)) + r")\.?"
        self.month_date = re.compile(rf"(?<!\w)(?:{month},? \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d{{2}}"
                                     rf"|\d{{1,2}}(?:er|\.)? {month},? (?:19|20)\d{{2}}|{month},? (?:19|20)\d{{2}})(?!\d)", re.I)
        self.author_marks = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "author_marks")), re.I)
        self.view_words = frozenset(" ".join(w.lower().split()) for w in g("boilerplate", "view_words"))
        self.review_words = frozenset(" ".join(w.lower().split()) for w in g("boilerplate", "review_words"))
        # a sign-up box is a form: a field or a button of one, the whole line (_box_over)
        self.signup_fields = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "signup_fields"))
        self.signup_buttons = frozenset(" ".join(_WORD.findall(w.lower())) for w in g("boilerplate", "signup_buttons"))
        # ...and a page about signing up keeps it (_marks)
        self.signup_topics = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "signup_topics")), re.I)
        self.signup_consent = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "signup_consent")), re.I)
        # a breadcrumb whose links the cleaner unwrapped: the "Back to ..." lines under it (_breadcrumbs)
        self.crumb_backs = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "crumb_back_links")), re.I)
        # ...and those that go only when the record shows the line lost its link into the crumb's host
        self.crumb_backs_lost = re.compile("|".join(f"(?:{p})" for p in g("boilerplate", "crumb_back_links_lost")), re.I)
        self.credit = re.compile("|".join(f"(?:{p})" for p in g("scrape_artifacts", "credits")))
        self.name_label = re.compile(r"(?:" + "|".join(map(re.escape, g("scrape_artifacts", "name_credit_labels"))) + r"):\s*",
                                     re.I)  # ("PHOTO: Amazon")
        self.contents_labels = re.compile(r"(?:" + "|".join(g("tables_of_contents", "labels")) + r")\W*", re.I)
        # (in a header a breadcrumb of unwrapped links proved, over a bar that lost its links: other languages' too)
        self.header_contents = re.compile(r"(?:" + "|".join(g("tables_of_contents", "labels") + g("boilerplate", "header_contents_labels"))
                                          + r")\W*", re.I)
        # an attribution: its label, a colon and one link, nothing else (_attributed)
        self.attribution = re.compile(r"^\s*(?:\*\*|__|[*_])?(?:" + "|".join(map(re.escape, g("boilerplate", "attribution_labels")))
                                      + r")\s*(?:\*\*|__|[*_])?\s*:\s*(?:\*\*|__|[*_])?\s*\[[^\[\]\n]+\]"
                                      r"\(((?:https?:)?//[^()\s/]+(?:/[^()\s]*)?)(?:\s+\"[^\"\n]*\")?\)(?:\*\*|__|[*_])?\.?\s*$", re.I)
        verbs = g("step_shapes", "imperative_verbs") + g("step_shapes", "action_verbs")
        self.verbs = frozenset(v.lower() for v in verbs)
        self.button_verbs = frozenset(v.lower() for v in g("calls_to_action", "button_verbs"))
        self.openers = frozenset(w.lower() for w in g("step_shapes", "sequence_words")) | {"or", "and", "also"}
        # a step's label ("Step 1.", "**Step 2:** Open ..."): what a procedure's every page repeats, never the site's
        self.step_label = re.compile(r"\s*(?:\*\*|__)?(?:" + "|".join(g("promotional", "sequence_labels")) + ")", re.I)
        # a tool the article pitches is its own text, flagged promotional, never removed
        products = g("promotional", "products")
        self.products = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in products) + r")\b", re.I)
        self.closing_labels = rules.closing_labels()  # ("Conclusion": a section's label, no name)
        self.outros = Outros(rules)  # (a request for comments that the chrome's going leaves last: _asked_end)

    def repeated(self, bodies: list[str]) -> set[bytes]:
        """Keys of the lines found in min_families or more families of the distinct bodies."""
        return self.repeated_in([tuple(map(packed, self.line_keys(body))) for body in bodies])

    def line_keys(self, body: str) -> tuple[set[bytes], set[bytes]]:
        """The keys of the body's lines that could be chrome (what `repeated` counts), and of
        those the longer ones (family_line_words or more: what makes two bodies one family)."""
        keys, long = set(), set()
        lines = body.split("\n")
        units = self._units(body, lines)
        first = _closing_start(units, lines)
        over: set[str] | None = None  # the codes the lines over the closing sections name (read once, when needed)
        said: set[str] = set()  # the codes the closing lines read so far name...
        at: set[str] = set()  # ...as they were at the closing heading over this line
        for u, (i, k) in enumerate(units):
            if 0 <= first <= u and _HEADING.match(lines[i]):
                at = set(said)
            if k is not None:
                keys.add(k)
                if 0 <= first < u and (exact := self._exact(lines[i])) is not None:
                    keys.update((exact, _tail(exact)))
                if 0 <= first <= u and (codes := _codes(lines[i])):
                    if over is None:
                        over = set().union(*(_codes(lines[units[v][0]]) for v in range(first) if units[v][1] is not None))
                    for q in map(_coded, codes):
                        keys.update((q, _named(q)))
                    keys.update(_unsaid(_coded(c)) for c in codes - over - at)
                    said |= codes
                if len(_shown_words(lines[i])) >= self.family_words:
                    long.add(k)
                if self._house(lines[i]):
                    keys.add(_housed(k))
                for t in _TEXT_LINK.findall(lines[i]):
                    if 2 <= len(_WORD.findall(t)) <= 3 * self.short_words:
                        keys.update((_anchor(t), _linked(_anchor(t))))
                if (titled := self._unlinked_title(lines[i])) is not None:
                    keys.update((titled[0], _anchor(titled[1])))
                keys.update(x for x in (self._note_shape(lines[i]), self._credit_key(lines[i]), self._unlinked_key(lines[i]),
                                        self._name_key(units, lines, u), *self._affixes(lines[i])) if x)
                if self._contents_next(units, lines, u):
                    keys.add(_few(k))
        keys.update(_picture_key(m.group(2)) for u in _open_units(units, lines)
                    for m in _PICTURE.finditer(lines[units[u][0]]))
        return keys, long

    def repeated_in(self, units: list[tuple[bytes, bytes]]) -> set[bytes]:
        """`repeated`, from each body's line_keys, each `packed` (a rebuild keeps them, not the
        bodies): counted over one array of every body's keys, not a dict of bytes objects."""
        if not units:
            return set()
        keysets = [np.frombuffer(keys, KEY) for keys, _ in units]
        prose = [np.frombuffer(long, KEY) for _, long in units]
        every = np.concatenate(keysets)
        owner = np.repeat(np.arange(len(units)), [len(keys) for keys in keysets])
        uniq, at, df = np.unique(every, return_inverse=True, return_counts=True)
        sets = DisjointSets(len(keysets))
        # one article's variants share most of their sentences: bodies that share more than
        # half of the smaller one's longer lines, among lines few bodies hold, are one family
        # (a widget's lines, many and short, must not make two articles one)
        long = np.concatenate(prose)
        holder = np.repeat(np.arange(len(units)), [len(keys) for keys in prose])
        ldf = df[np.searchsorted(uniq, long)]
        few = (ldf > 1) & (ldf <= self.link_df)
        long, holder = long[few], holder[few]
        order = np.lexsort((holder, long))  # each line's holders, in the bodies' order
        long, holder = long[order], holder[order]
        shared = _shared_lines(long, holder, len(units))
        sizes = np.array([len(keys) for keys in prose], dtype=np.int64)
        x, y = shared[0] // len(units), shared[0] % len(units)
        for a, b in zip(*(v[2 * shared[1] > np.minimum(sizes[x], sizes[y])].tolist() for v in (x, y))):
            sets.join(b, a)
        # the families each key held by two bodies or more is found in: its distinct
        # (key, family) pairs, counted by key
        roots = np.array([sets.find(b) for b in range(len(keysets))], dtype=np.int64)
        held = df[at] >= 2
        pairs = np.sort(at[held].astype(np.int64) * len(units) + roots[owner[held]])
        pairs = pairs[np.diff(pairs, prepend=-1) != 0]
        families = np.bincount(pairs // len(units), minlength=len(uniq))
        # ...and a contents list's lead-in found in two families or more (its _few key, which
        # the body holds when the line leads into a contents list there): a template's
        # line as well, though fewer articles hold it
        common = _listed(uniq[families >= self.min_families])
        two = set(_listed(uniq[families >= 2]))
        held = _listed(uniq[df >= 2])
        # ...and a line of the body's last section found there in two families or more (its _tail key)
        found = set(common)
        codes = {q for q in found if _named(q) in found}  # (a code's key, common or not, is no line's)
        found |= {f for f in map(_few, held) if f in two} | {t for t in map(_tail, held) if t in two}
        found |= {_unlinked(k) for k in common}
        # ...and a code the body's last sections name, where two families or more name it with no line
        # above naming it too (_unsaid: the site's blurb), not where many merely name it (the spun
        # near-copies of one guide, each closing with its own "## Error code 43 fixed")
        # ...and a title the site links to (_anchor: a link's text) in two families or more, linked in two or more
        found |= {a for a in two if _linked(a) in two}
        return (found - codes) | {q for q in two if _unsaid(q) in two}

    def _attributed(self, line: str) -> bytes | None:
        """The key of an attribution line (the rules' attribution_labels, a colon, one link: "Source:
        [Microsoft Blog](https://techcommunity.microsoft.com/...)") by its link's address, its label
        and name aside: every news article of a site says "Source:", each its own source, and
        only the same address in many distinct articles is the site's ("Source: [our
        newsletter](https://site.example/newsletter)"); None for any other line."""
        m = self.attribution.match(line) if len(line) <= 600 else None
        return _digest("attribution " + m.group(1).lower()) if m else None

    def _units(self, body: str, lines: list[str]) -> list[tuple[int, bytes | None]]:
        """_units, an attribution line keyed by its link (_attributed)."""
        return [(i, k if k is None else self._attributed(lines[i]) or k) for i, k in _units(body)]

    def _exact(self, line: str) -> bytes | None:
        """_exact, an attribution line's by its link (_attributed)."""
        return self._attributed(line) or _exact(line)

    def _unlinked_key(self, line: str) -> bytes | None:
        """_unlinked of the cross-link label key a line would have with its title linked: a
        cross-link's label (the rules' cross_link_labels), a colon and a title, each word of four
        letters or more capitalised, two such words or more ("**MORE:** **How to Buy a Gaming
        Laptop**"; not "**Tip:** Restart your PC", "Power: 65 W", a sentence, "**See also:** Step 3",
        a script without capitals); None for any other line."""
        found = self._unlinked_title(line)
        return found[0] if found and self._title(found[1], 2, caps=True) else None

    def _unlinked_title(self, line: str) -> tuple[bytes, str] | None:
        """_unlinked of the key of a cross-link's label (the rules' cross_link_labels) over a text
        with no link and no marks but bold around it, and that text ("* More:Best PC cases":
        "Best PC cases"); None for any other line."""
        item = _BULLET.sub("", line, count=1)  # (a list of them: "* **MORE:** **Best RAM**")
        m = _LINK_LABEL.match(item) if len(line) <= 200 and "](" not in line else None
        if m is None or " ".join(m.group(1).lower().split()) not in self.cross_labels:
            return None
        title = item[m.end():].strip().strip("*_").strip()
        if any(c in title for c in "*_[]:"):
            return None
        return _unlinked(_digest("link-label " + m.group(1).strip().lower())), title

    def _title(self, title: str, fewest: int, lower: int = 0, caps: bool = False) -> bool:
        """Another article's title, not a sentence: fewest words or more (at most three labels'
        worth), no sentence's end, no verb first, no step's or version's number, each word of
        four letters or more capitalised (but `lower` of them: "Review on AI Chat Bot with GPT"),
        two such words or more, with `caps` a shorter word in capitals one of them ("Best RAM",
        "All SSD Content")."""
        words = _WORD.findall(title)
        return not (len(words) < fewest or len(words) > 3 * self.short_words
                    or title.endswith((".", "!", "?", ":", "。", "！", "？")) or words[0].lower() in self.verbs
                    or _NO_TITLE.search(title)
                    or sum(len(w) > 3 and not (w[0].isupper() or w[0].isdigit()) for w in words) > lower
                    or sum(len(w) > 3 and w[0].isupper() or caps and len(w) > 1 and w.isupper() for w in words) < 2)

    @staticmethod
    def _spec_among_specs(units, lines: list[str], u: int) -> bool:
        """A spec ("Resolution: 3440 x 1440") right over or under another."""
        return bool(_SPEC.match(lines[units[u][0]])) and any(
            0 <= v < len(units) and _SPEC.match(lines[units[v][0]]) for v in (u - 1, u + 1))

    @staticmethod
    def _among_specs(units, lines: list[str], u: int) -> bool:
        """A label's line beside a line labelled otherwise ("Model: HP LaserJet Pro" over "Weight:
        8 kg"): a spec among specs, not a cross-link's."""
        m = _LINK_LABEL.match(lines[units[u][0]].lstrip(" \t*_"))
        label = m.group(1).strip().lower() if m else None
        for v in (u - 1, u + 1):
            other = lines[units[v][0]] if 0 <= v < len(units) else ""
            m = _LINK_LABEL.match(other) if _SPEC.match(other) else None
            if m and m.group(1).strip().lower() != label:
                return True
        return False

    def _content(self, line: str) -> bool:
        """A line that reads as an article's content whatever its repetition: an action, a
        numbered step or a step's label, a bold label, the article's pitch for a tool it sells."""
        if _LABELLED_LINK.match(line) or _ONLY_LINK.match(line):
            # "**Also: [Stop ignoring ...](url)**", "**[The best VPN services](url)**": another
            # article's title, bold or not, not an action nor a label of what follows
            return bool(self.products.search(line))
        if _NUMBERED.match(line) or _BOLD_LABEL.match(line) or self.step_label.match(line) or self.products.search(line):
            return True
        rest = _LEAD.sub("", line, count=1)
        words = _WORD.findall(rest.lower())
        if words and words[0] in self.openers:
            words = words[1:]  # "Then click ...", "Or click ..."
        # (a verb's word before "of" is a noun: "End of dialog window.", "Start of the video")
        return bool(words) and words[0] in self.verbs and words[1:2] != ["of"]

    def _links(self, line: str) -> bool:
        """Mostly links: a list of the site's other articles, a shop button."""
        words = _shown_words(line)
        linked = sum(len(_WORD.findall(m.group(1))) for m in _LINK.finditer(line)
                     if not _IN_PAGE.search(m.group(0)))  # (in-page: a contents list)
        return bool(words) and 2 * linked >= len(words)

    def _label(self, line: str, most: int = 0) -> bool:
        """A short line (most words, short_label_words by default) without a full stop: a
        button, a caption, a credit ("View Deal")."""
        text = _LINK.sub(r"\1", line)
        plain = text.strip(" \t*_#>").rstrip()
        return (len(_WORD.findall(text)) <= (most or self.short_words)
                and not plain.endswith((".", "!", "?", ":", "。", "！", "？", "：")))

    def labels(self, body: str, repeats: bytes) -> list[str]:
        """The body's template labels: its plain lines of a few words (short_label_words or fewer) with
        no sentence mark, no markup and no number, found in min_families families of the build's
        bodies (`repeats`: the body's keys among the repeated ones, `packed`) -- "What We Like",
        "PROS", "Final Verdict" over what the site writes under them. The structure stage reads
        which of them head what follows (structure.sections._label_line), sorted, each once."""
        if isinstance(repeats, bytes):  # (else what answers `in` as a set of them: chrome.Asked)
            if not repeats:
                return []
            repeats = {repeats[j:j + 8] for j in range(0, len(repeats), 8)}
        held = repeats
        lines = body.split("\n")
        fenced = _fenced(lines)
        return sorted({text for line, code in zip(lines, fenced)
                       if not code and _LABEL_TEXT.fullmatch(text := line.strip())
                       and len(_WORD.findall(text)) <= self.short_words and _key(text) in held})

    def strip(self, body: str, repeated: set[bytes]) -> tuple[str, int]:
        """The body without its chrome lines, and how many went. Depends on the body and on
        which of its own line_keys are in `repeated`, nothing else (the runner memoises it so)."""
        return self.strip_marked(body, repeated)[:2]

    def strip_marked(self, body: str, repeated: set[bytes], marks: Marks | None = None,
                     lost: tuple[str, ...] = ()) -> tuple[str, int, Marks]:
        """`strip`, and the body's `marks`: what it finds in the body alone, whatever the build
        repeats; given (a rebuild's, kept from an earlier build of the same body: chrome.SiteChrome),
        they are not looked for again (a third of the time of stripping a body). `lost`: the
        record of the body's lines that lost their links in cleaning (clean.lost_links), what
        a breadcrumb is proven by when the cleaner unwrapped its links (_breadcrumbs)."""
        lines = body.split("\n")
        units = self._units(body, lines)
        if not units:
            return body, 0, ((), ())
        if marks is None or any(u >= len(units) for part in marks for u in part):
            marks = self._marks(units, lines)
        specs = _spec_lists(units, lines, repeated)
        # (whether the build repeats a line asked last, here and below: a rebuild reuses a stripping
        # whose questions the build's repeated lines answer alike: chrome.Asked)
        rep = [k is not None and not _HEADING.match(lines[i]) and u not in specs
               and (not self._content(lines[i]) or self._table_hint(units, lines, u)) and k in repeated
               for u, (i, k) in enumerate(units)]
        drop = self._lines(units, lines, rep, repeated)
        drop.update(marks[0])
        # list items with nothing in them, one after another, are a widget's leftovers (a share
        # bar's icons: "* Share", "*", "*", "*"); the repeated lines beside them go with them (_runs)
        empty = [bool(_EMPTY_ITEM.match(lines[i])) for i, _ in units]
        drop.update(u for u in range(len(units)) if empty[u] and ((u and empty[u - 1])
                                                                   or (u + 1 < len(units) and empty[u + 1])))
        # a site's cross-link whose link the cleaner unwrapped goes as the linked ones do (_lines: mostly links),
        # in a cross-link's shape: its title bold ("**MORE:** **Best Gaming PCs**"), or beside one that went
        # ("**Read:** Audeze Maxwell Review" under "**Read:** [Razer Barracuda Pro Review](...)")
        # ...and, in any shape, when its title is a link's text in many distinct articles (the site's
        # own cross-links to that page: "* More:Best PC cases" where "[best PC cases](...)" is linked)
        titled = [(u, self._unlinked_title(lines[i])) for u, (i, k) in enumerate(units) if k is not None]
        titled = [(u, t) for u, t in titled if t is not None and t[0] in repeated and not self.products.search(lines[units[u][0]])
                  and not self._among_specs(units, lines, u)]
        cross = [u for u, t in titled if self._title(t[1], 2, caps=True)]
        for u in cross + cross[::-1]:
            after = lines[units[u][0]].partition(":")[2]
            if (after.count("**") + after.count("__") >= 2 and after.rstrip().endswith(("**", "__"))
                    or any(v in drop or 0 <= v < len(rep) and rep[v] for v in (u - 1, u + 1))):
                drop.add(u)
        drop.update(u for u, (_, title) in titled if 2 <= len(_WORD.findall(title)) <= 3 * self.short_words
                    and not self._content(title) and _anchor(title) in repeated)
        drop.update(marks[1])
        # a line said twice in a row is a widget's too (a video's title over its player, and
        # again for small screens): beside chrome it goes as a repeated line would (_runs)
        # (not code indented 4 columns, a quote, a table row or code in backticks: "    git pull" twice)
        twice = [k is not None and "![" not in lines[i] and not _HEADING.match(lines[i]) and not self._content(lines[i])
                 and not _TWIN_TEXT.match(lines[i]) and not any(c in lines[i] for c in "|`")
                 and any(0 <= v < len(units) and lines[units[v][0]].strip() == lines[i].strip() for v in (u - 1, u + 1))
                 for u, (i, k) in enumerate(units)]
        # ...and on its own when it is a button or a credit laid out twice, each copy its own
        # paragraph ("[Free Download for Windows](...)" twice, "Jane Roe/Example" twice): a link
        # or a credit's shape is the evidence; a bare short line said twice ("F12", "重启电脑",
        # "Version 2.3.1") is the article's
        drop.update(u for u, (i, _) in enumerate(units) if twice[u] and not _LIST.match(lines[i])
                    and self._label(lines[i], 2 * self.short_words) and self._twin_widget(units, lines, u))
        self._runs(units, lines, [r or t for r, t in zip(rep, twice)], drop)
        self._sandwiched(units, lines, drop)
        # (after _runs and _sandwiched: a button's first copy stays, not taken by its copies going)
        drop.update(self._twin_buttons(units, lines, twice, drop))
        # a note to the reader, a template's ("_We purchased the ... so our expert reviewer ..._"),
        # and a photo's credit in the site's shape ("Anker/ZDNET", "Jane Doe/Getty Images") found in
        # many distinct articles, under a picture or not; after the blocks: a credit is no widget's
        # line (a product card's title between "more buying choices" and its credit stays)
        # ...and a name alone under two pictures or more of the one page ("_Google_" under each of
        # a maker's press shots), as found under pictures in many distinct articles
        names = [self._name_key(units, lines, u) for u in range(len(units))]
        pictured = Counter(n for n in names if n is not None)
        # ...when a name of the page's own: under two pictures, or under one when the page's text
        # names it elsewhere too (_own_names); not a label ("Our Verdict" under two pictures)
        own = self._own_names(units, lines, names, pictured) if pictured else set()
        # ...and a credit's shape under pictures whose site (or author) is the same under two
        # pictures or more of the page ("Thingiverse / 3Derp", "Thingiverse / ztxdk")
        # (its users differing: "Before | After" twice is no credit; a site the page's own text
        # names is the page's subject: "Settings / Privacy" under a sentence that opens Settings)
        parts = [self._credit_parts(units, lines, u) for u in range(len(units))]
        users = defaultdict(set)
        for p in parts:
            if p:
                users[p[0]].add(p[1])
        sites = {x for x, us in users.items() if len(us) >= 2}
        if sites:
            sites -= self._said(units, lines, parts, {len(x.split()) for x in sites})
        drop.update(u for u, p in enumerate(parts) if p and p[0] in sites)
        for u, (i, k) in enumerate(units):
            note, credit = (self._note_shape(lines[i]), self._credit_key(lines[i])) if k is not None else (None, None)
            if note in repeated and not self._content(lines[i]):
                drop.add(u)
            elif (credit in repeated or (names[u] in repeated or u in own or self._outlet_credit(units, lines, u, repeated))
                  and not self._list_label(units, lines, u)):
                drop.add(u)
            elif k is not None and self._labelled_credit(units, lines, u) and not self._list_label(units, lines, u):
                drop.add(u)
            elif k is not None and not (self._content(lines[i]) or self._list_label(units, lines, u)):
                prefix, suffix = self._affixes(lines[i])
                if prefix in repeated or suffix in repeated and not any(
                        0 <= v < len(units) and _SPEC.match(lines[units[v][0]]) for v in (u - 1, u + 1)):
                    drop.add(u)  # (not a spec among specs: "Display Color: Space Gray" under "Weight: 1.2 kg")
        drop.update(self._contents_lead(units, lines, rep, repeated))
        drop.update(self._contents_list(units, lines))
        drop.update(self._page_contents(units, lines))
        self._picture_runs(units, lines, rep, drop)
        self._whole_tables(units, lines, drop)
        drop.update(self._buttons(units, lines, repeated, drop))  # (after the blocks: a spec beside "Expand" stays)
        self._shop_tail(units, lines, drop)
        self._shop_box(units, lines, drop)
        self._footer(units, lines, repeated, drop)
        self._closing_section(units, lines, repeated, drop)
        targets = _lost_targets(lost, lines) if lost else None
        crumbs, recorded = self._breadcrumbs(units, lines, drop, targets)
        drop.update(crumbs)
        # (a name's link the cleaner unwrapped proves an author's page only when it led into the breadcrumb's host)
        hosts = {targets[units[u][0]] for u in crumbs if units[u][0] in targets} if recorded else set()
        drop.update(self._byline(units, lines, drop, recorded,
                                 {i: h for i, h in targets.items() if h in hosts} if len(hosts) == 1 else None))
        # (after it: "Load more deals" is a shop widget's evidence there; a product box's rating badge, a
        # count of reviews, goes only when it was a link the cleaner unwrapped, by the record of lost links)
        drop.update(u for u, (i, k) in enumerate(units) if k is not None and (self._more_button(lines[i])
                                                                              or targets and i in targets
                                                                              and self._reviews_line(lines[i])))
        # (after the shop's blocks: a filter's run of controls inside their widget adds to what they took)
        self._control_icons(units, lines, drop)
        self._headings(units, lines, repeated, rep, drop)
        self._tail_boxes(units, lines, repeated, drop)
        # ...and one alone ("Reasons to buy" over "*", "Amazing resolution" on a line of its
        # own, then "*" again): the text it marked stays (after the blocks: no repeated line
        # goes for being beside a marker)
        drop.update(u for u in range(len(units)) if empty[u])
        self._opening_label(units, lines, repeated, drop)
        self._closing_cross(units, lines, cross, drop)
        self._lead_ins(units, lines, drop)
        self._last_label(units, lines, repeated, drop)
        pictures = self._pictures(units, lines, repeated, drop)
        if not drop and not pictures:
            return body, 0, marks
        pictures += self._asked_end(units, lines, drop)
        gone = {units[u][0] for u in drop}
        kept = [line for i, line in enumerate(lines) if i not in gone]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept))
        return text, len(drop) + pictures, marks

    def _asked_end(self, units, lines: list[str], drop: set[int]) -> int:
        """A request for comments that ends the body once its chrome went ("... please share them
        in the comments below." over a rating box, an author line and a "More Reading" list, each
        dropped here): the cleaner reads a body's end for such an outro, but that end was not this
        body's yet; it goes now as it goes there (clean.html_blocks.asked_end), with the sign-offs
        and questions beside it, the paragraph's other sentences staying. Not when nothing went
        after the last line left (the cleaner read that end), nor from code or a quote. Lines are
        edited in place and those that go whole added to drop; returns how many lines stay
        shortened."""
        left = [u for u in range(len(units)) if u not in drop]
        if not left or left[-1] == len(units) - 1:
            return 0
        i, k = units[left[-1]]
        if k is None or _TWIN_TEXT.match(lines[i]):
            return 0
        paragraphs = [lines[units[u][0]] for u in left]
        out, n = asked_end(paragraphs, self.outros)
        if not n:
            return 0
        drop.update(left[len(out):])
        if out and out[-1] != paragraphs[len(out) - 1]:
            lines[units[left[len(out) - 1]][0]] = out[-1]
            return 1
        return 0

    def _marks(self, units, lines: list[str]) -> Marks:
        """The units `strip` drops whatever lines the build repeats, found in the body alone
        (a pure function of it): those it drops before it looks at the site's cross-links (a
        widget's label said over and over, a block said twice, a pull-quote, a notice and its
        box, a "read next" card or a labelled cross-link, a shop button), and those after (a related-articles list, a
        comment thread), each sorted."""
        first = self._echoes(units, lines) | self._echo_blocks(units, lines)
        first.update(self._pull_quotes(units, lines))
        notices = [u for u, (i, k) in enumerate(units) if k is not None and self._notice(lines[i])]
        if notices and self._about_signup(units, lines):
            # (a page about signing up walks through the form: the notice that says so and the box over it are its own)
            notices = [u for u in notices if not self.signup_consent.search(lines[units[u][0]])]
        first.update(notices)
        first.update(self._bylines(units, lines))
        first.update(self._box_over(units, lines, notices))
        first.update(self._box_under(units, lines, notices))
        first.update(u for u, (i, k) in enumerate(units) if k is not None and self._read_next(lines[i]))
        first.update(self._own_cross_links(units, lines))
        shops = {u for u, (i, k) in enumerate(units) if k is not None and (self._shop_button(lines[i])
                                                                           or self._shop_bar(lines[i]))}
        if shops:  # (a shop's unwrapped button only on a page with shops' buttons: "View at Startup" is a fix's)
            first.update(shops | {u for u, (i, k) in enumerate(units) if k is not None and self._shop_label(lines[i])})
        return tuple(sorted(first)), tuple(sorted(self._related(units, lines) | self._thread(units, lines)))

    def _about_signup(self, units, lines: list[str]) -> bool:
        """The page's task is signing up or creating an account: a heading of it says so (rules'
        signup_topics: "Create a free Canva account", "Subscribe to a channel on YouTube TV",
        "LINEアカウントの作り方"; not "Open Outlook without an account", "... anmelden")."""
        return any(k is not None and _HEADING.match(lines[i]) and self.signup_topics.search(lines[i]) for i, k in units)

    def _breadcrumbs(self, units, lines: list[str], gone: set[int],
                     lost: dict[int, str] | None = None) -> tuple[set[int], bool]:
        """A breadcrumb opening the body (_top_crumbs, known by its links in the text or its home
        label) or under the page's heading (_header_crumbs, known by the record of the lines that
        lost their links in cleaning: `lost`, a line's number -> the host it linked to), and
        whether it was links the cleaner unwrapped (lines of the record: then the header under it
        is a site's the links were cut from, and _byline reads a count of thousands there as views;
        one whose links were kept, or that never had any, reaches no further than before)."""
        crumbs = self._top_crumbs(units, lines, gone, lost) or self._header_crumbs(units, lines, gone, lost)
        return crumbs, bool(lost) and any(units[u][0] in lost for u in crumbs)

    def _top_crumbs(self, units, lines: list[str], gone: set[int], lost: dict[int, str] | None = None) -> set[int]:
        """A breadcrumb opening the body, and the labels of the page's header under it. The
        breadcrumb is the body's first block (over it only headings and chrome that went, a
        cookie notice): a list of 2-5 items (_CRUMBS), its items but the last short labels that
        were links (each links to a page, not to an anchor of this one; or, the cleaner having
        unwrapped them, the first is the site's home: rules' breadcrumb_roots, "* Home",
        "* Accueil", "* ホームページ"), its last nearly the whole of the page's first heading
        (_nearly_same: "* 25 Best Free Slideshow Makers of 2024 (Software & Apps)" over "25 Best
        Free Slideshow Makers of 2024 (Desktop, Online & Apps)", maybe under an empty "##"), no
        other item a heading of the page. Only the list goes, and the lines between it and that
        heading when each is a label or a picture (a contents label and bar, "Back to Learning
        Portal", a product's name and buttons); a sentence, a list item or a step among them
        keeps them all. A "you will need" list or a table of contents (items not linked, or to
        anchors; a last item sharing a few words with the next heading) stays whole. When the
        record of lost links (`lost`, a line's number -> the host it linked to) has each item but
        the last losing its link into one host, a contents label between ("目錄", "Contenu", rules'
        tables_of_contents and header_contents_labels) right over a line that lost its links into that host goes too;
        the bar itself stays, and so do the product box's name and every other line (with them
        gone the page's summary became a pitch, review33c)."""
        n, u = len(units), 0
        while u < n and (u in gone or _ANY_HEADING.match(lines[units[u][0]])):
            u += 1
        items = []
        while u + len(items) < n and _BULLET.match(lines[units[u + len(items)][0]]) and (
                not items or units[u + len(items)][0] == units[u + len(items) - 1][0] + 1):
            items.append(u + len(items))
        if not _CRUMBS[0] <= len(items) <= _CRUMBS[1] or any(units[v][1] is None for v in items):
            return set()
        texts = [lines[units[v][0]] for v in items]
        # (a label's length as _span reads it: "* ホームページ", Home page, is two words, not six)
        if any(_span(t) > (3 if j == len(texts) - 1 else 1) * self.short_words or _WHOLE_SENTENCE.search(t)
               or t.rstrip(" \t*_").endswith((":", "：")) for j, t in enumerate(texts)):
            return set()
        kind = self._crumb_links(texts)
        if kind is None:
            return set()
        heads = [v for v in range(items[-1] + 1, n) if _ANY_HEADING.match(lines[units[v][0]])]
        if not heads:
            return set()
        v = heads[0]
        named = lines[units[v][0]]
        if units[v][1] is None:  # an empty heading: the line under it is its text
            if v + 1 >= n or _ANY_HEADING.match(lines[units[v + 1][0]]):
                return set()
            named = lines[units[v + 1][0]]
        words = _WORD.findall(_heading_words(named))
        if not _nearly_same(words, _WORD.findall(_heading_words(texts[-1]))):
            return set()
        titles = {tuple(_WORD.findall(_heading_words(lines[units[h][0]]))) for h in heads}
        if any(tuple(_WORD.findall(_heading_words(t))) in titles for t in texts[:-1]):
            return set()
        between = [w for w in range(items[-1] + 1, v) if w not in gone]
        if kind == "home":
            # (unlinked: a list opening with "Home" may be a menu's path or a list of rooms, "* Home / * Work /
            # * Public network" over "## Public network"; only a heading of 3 words or more, with nothing between
            # or a "Back to ..." line, and only the list and those lines go)
            host = self._lost_host(units, items, lost)
            backs = {w for w in between if units[w][1] is not None
                     and self._crumb_back(lines[units[w][0]], host is not None and lost.get(units[w][0]) == host)}
            if len(words) < 3 or between and not backs:
                return set()
            return set(items) | backs | self._lost_contents_labels(units, lines, between, lost, host)
        # (only pictures and known header chrome go with the path: a "Back to ..." label, a contents label or
        # bar that was links; anything else between stays, "Back up etcd before you start", "Python 3.12 or later")
        return set(items) | {w for w in between if self._header_chrome(units, lines, w)}

    def _lost_contents_labels(self, units, lines: list[str], between: list[int], lost: dict[int, str] | None,
                              host: str | None) -> set[int]:
        """The contents labels among `between` (rules' tables_of_contents and header_contents_labels:
        "目錄", "Contenu") right over a line that lost its links into `host`, the one each item of the
        breadcrumb but the last lost its link into (the record of lost links, `lost`: _lost_host);
        none when the items lost theirs into no one host."""
        if host is None:
            return set()
        # (not over a list: the structure stage reads a contents label and its list as one, and drops both)
        return {w for w, x in zip(between, between[1:]) if units[w][1] is not None
                and self._header_contents_label(lines[units[w][0]]) and lost.get(units[x][0]) == host
                and not _LIST.match(lines[units[x][0]])}

    @staticmethod
    def _lost_host(units, items: list[int], lost: dict[int, str] | None) -> str | None:
        """The one host each item of the breadcrumb `items` but the last lost its link into (the
        record of lost links, `lost`); None when they lost theirs into no one host."""
        hosts = {lost.get(units[v][0]) for v in items[:-1]} if lost else {None}
        return None if None in hosts or len(hosts) != 1 else next(iter(hosts))

    def _crumb_links(self, texts: list[str]) -> str | None:
        """How a breadcrumb's items were links: "linked", each but the last links to a page of
        one host, each a page under the one before (the site's home, a section, its subsection;
        not an anchor of this page, a table of contents', nor pages side by side, a "you will
        need" list's, a series', downloads for each system); or "home", none links and the first
        is the site's home (rules' breadcrumb_roots: the cleaner unwrapped the links of an
        affiliate's or a farm's host); None for any other list."""
        targets = [[m.group(1) for m in _CRUMB_LINK.finditer(t)] for t in texts[:-1]]
        if all(targets):
            if any(len(ts) != 1 or ts[0].startswith("#") for ts in targets):
                return None
            parts = [_url_parts(ts[0]) for ts in targets]
            if len({host for _, host in parts}) != 1 or not all(
                    _under(a.rstrip("/"), b.rstrip("/")) for (a, _), (b, _) in zip(parts, parts[1:])):
                return None
            return "linked"
        if any(targets) or "](" in texts[-1]:
            return None
        return "home" if " ".join(_WORD.findall(_heading_words(texts[0]))) in self.crumb_roots else None


    def _crumb_step(self, item: str) -> bool:
        """A list item that is a step or an offer, no section's label: its first word a verb of
        the rules' step shapes ("Download Movavi", "Add your files"), or a price ("$39 at Movavi")."""
        words = _WORD.findall(_LINK.sub(r"\1", item).lower())
        return bool(words) and words[0] in self.verbs or _PRICE.search(item) is not None

    def _header_crumbs(self, units, lines: list[str], gone: set[int], lost: dict[int, str] | None) -> set[int]:
        """A breadcrumb under the page's heading, in its header (no sentence, step or table row
        of the article over it: _first_text), proven by the record of the lines that lost their
        links in cleaning (`lost`, a line's number -> the host it linked to): its first item the
        site's home (rules' breadcrumb_roots), each item but the last a line that lost its link,
        all into one host ("* 首頁" / "* 學習平台", each a link to the site's learning portal;
        links all into one host and no home prove no path: an affiliate rewrites every link to
        its own, a series' index "Part 1 / Part 2 / Part 3: <the heading>" too), no item counted
        as the last is ("Part 2" over "Part 3", _series); its last item no link, nearly the whole
        of the heading right over it (_nearly_same; an empty "##" heading's text the line under
        it) and no word the heading lacks (not a related page's title: "How to cut a video in
        Movavi Video Editor on Mac" under "## How to Cut a Video in Movavi Video Editor"). The
        list goes; so do the lines between the heading and it when each is a byline's or a
        picture (a date, a bare count, an author's line, a name alone right over a date or a
        count of views, a picture: "Edited by Alex Weng" / "2024年9月1日" / "15,642"), and the
        header's short labels right over the heading that lost links into the breadcrumb's host
        ("返回學習入口網站", Back to the learning portal; a bar of them; not a dek, a sentence of
        more words); past the product box's bold name and a longer bar of links into that host,
        which stay, its "Back to ..." label (rules' crumb_back_links) and a contents label right
        over such a bar ("目錄", rules' header_contents_labels) go too. A line of any other
        kind between ("Quick Fix" under the date, a product's name) keeps those lines; a list
        with a kept link, a step or a price, a "you will need" list, a series' parts, a list
        whose last item is no heading stay."""
        if not lost:
            return set()
        n, opened = len(units), self._first_text(units, lines, gone)
        u = 0
        while u < min(n, opened):
            if u in gone or not _BULLET.match(lines[units[u][0]]):
                u += 1
                continue
            items = [u]
            while (items[-1] + 1 < n and _BULLET.match(lines[units[items[-1] + 1][0]])
                   and units[items[-1] + 1][0] == units[items[-1]][0] + 1):
                items.append(items[-1] + 1)
            u = items[-1] + 1
            if not _CRUMBS[0] <= len(items) <= _CRUMBS[1] or any(units[v][1] is None or v in gone for v in items):
                continue
            texts = [lines[units[v][0]] for v in items]
            if any(_span(t) > (3 if j == len(texts) - 1 else 1) * self.short_words or _WHOLE_SENTENCE.search(t)
                   or t.rstrip(" \t*_").endswith((":", "：")) or "](" in t for j, t in enumerate(texts)):
                continue
            hosts = {lost.get(units[v][0]) for v in items[:-1]}
            # (its first item the site's home: links all into one host prove no path, an affiliate rewrites
            # every link to its own, a series' index "Part 1 / Part 2 / Part 3: <the heading>" as well)
            if (" ".join(_WORD.findall(_heading_words(texts[0]))) not in self.crumb_roots
                    or None in hosts or len(hosts) != 1 or lost.get(units[items[-1]][0]) is not None
                    or any(self._crumb_step(t) for t in texts[:-1]) or _series(texts[1:])):
                continue
            host = next(iter(hosts))
            h = next((h for h in range(items[0] - 1, -1, -1) if _ANY_HEADING.match(lines[units[h][0]])), None)
            if h is None:
                continue
            top = h + 1 if units[h][1] is None else h  # (an empty heading: the line under it is its text)
            if top >= items[0] or top != h and (top in gone or _ANY_HEADING.match(lines[units[top][0]])):
                continue
            heading, last = _WORD.findall(_heading_words(lines[units[top][0]])), _WORD.findall(_heading_words(texts[-1]))
            if not _nearly_same(heading, last) or not _within(last, heading):
                continue
            between = [w for w in range(top + 1, items[0]) if w not in gone]
            out = set(items)
            # (a byline is a date with its count, its author: a bare number alone is a price's, a release's)
            if all(self._byline_part(units, lines, w) for w in between) and (
                    any(self._date_line(lines[units[w][0]]) for w in between)
                    or not any(_COUNT.match(lines[units[w][0]]) for w in between)):
                out.update(between)
            # (the header's labels right over the heading, each a short label that lost its link into the
            # crumb's host: a dek over the heading, a sentence whose links an affiliate rewrote, stays)
            # (...and past a product box's bold name and a bar of links into that host, which stay: the header's
            # "Back to ..." label and a contents label right over such a bar, "目錄" over the page's sections)
            below = None  # the nearest line under w that did not go
            for w in range(h - 1, -1, -1):
                if w in gone:
                    continue
                if units[w][1] is None:
                    break
                line, into = lines[units[w][0]], lost.get(units[w][0]) == host  # (into: it lost a link into the host)
                # goes: a short label, a "Back to ..." label that lost its link, a contents label over a bar that did
                goes = (self._lost_label(line, into) or into and self._crumb_back(line, True)
                        or self._header_contents_label(line) and below is not None and lost.get(units[below][0]) == host)
                # passed, staying: the product box's bold name, a bar of links into the host (no list, no sentence)
                passed = (_BOLD_LABEL.match(line) and self._label(line)
                          or into and not _LIST.match(line) and not _WHOLE_SENTENCE.search(line.rstrip(" \t*_")))
                if goes:
                    out.add(w)
                elif not passed:
                    break
                below = w
            return out
        return set()

    def _byline_part(self, units, lines: list[str], w: int) -> bool:
        """Unit w is a line of a byline or a picture: a date, a bare count or a count of views, an
        author's line ("Edited by Alex Weng"), a name alone, a picture."""
        line = lines[units[w][0]]
        if units[w][1] is None:
            return _picture_only(line)
        if _ANY_HEADING.match(line) or _LIST.match(line):
            return False
        plain = _LINK.sub(r"\1", line).strip(" \t*_")
        return (self._date_line(line) or bool(_COUNT.match(line)) or self._views_line(line) or _picture_only(line)
                or bool(_PERSON.match(plain)) and self._by_author(units, lines, w)
                or self._author_line(plain))

    def _author_line(self, plain: str) -> bool:
        """An author's line: a mark of the rules' author_marks in a short label ("Edited by Alex Weng")."""
        return self.author_marks.search(plain) is not None and self._label(plain, 2 * self.short_words)

    def _by_author(self, units, lines: list[str], w: int) -> bool:
        """Unit w, a name alone ("Alex Weng"), is a byline's: right over a date or a count of
        views, or right under an author's mark ("By"). Two capitalised words elsewhere are a
        subtitle's or a label's ("Quick Fix" under the date, "Important Warning", a product's
        name between the heading and the breadcrumb) and stay."""
        if w + 1 < len(units) and units[w + 1][1] is not None:
            below = lines[units[w + 1][0]]
            if self._date_line(below) or self._views_line(below):
                return True
        if w > 0 and units[w - 1][1] is not None:
            return self._author_line(_LINK.sub(r"\1", lines[units[w - 1][0]]).strip(" \t*_"))
        return False

    def _lost_label(self, line: str, lost: bool) -> bool:
        """The line lost its link (or a bar of them) to the breadcrumb's host in cleaning (`lost`,
        by the record of lost links), and is a short label or a bar of them (short_label_words
        words at most: "返回學習入口網站", a contents bar), no sentence, list item or dek ("Works
        with every Intel and Realtek adapter")."""
        return (lost and not _LIST.match(line) and not _ANY_HEADING.match(line)
                and _span(line) <= self.short_words and not _WHOLE_SENTENCE.search(line.rstrip(" \t*_")))

    def _crumb_back(self, line: str, lost: bool = False) -> bool:
        """A "Back to ..." line of a page's header (rules' crumb_back_links, a short label):
        "Back to Learning Portal", "Retour au portail de formation"; not a step, "Return to ...").
        When the line lost its link into the breadcrumb's host (`lost`, by the record), rules'
        crumb_back_links_lost too ("Volver al portal", "返回學習入口網站", "学習ポータルに戻る")."""
        text = _LINK.sub(r"\1", line).strip(" \t*_")
        return ((self.crumb_backs.search(text) is not None or lost and self.crumb_backs_lost.search(text) is not None)
                and self._label(text, 2 * self.short_words) and not _WHOLE_SENTENCE.search(text))

    def _header_chrome(self, units, lines: list[str], w: int) -> bool:
        """Unit w, between a linked breadcrumb and the page's heading, is known header chrome: a
        picture, a "Back to ..." label (_crumb_back), or a bar of links and nothing else (a contents
        label or bar that was links: "[Article content](#main)"); not a label of the article's own
        ("Python 3.12 or later", "Administrator rights", "Back up etcd before you start")."""
        line = lines[units[w][0]]
        if units[w][1] is None:
            return _picture_only(line)
        if _ANY_HEADING.match(line) or _LIST.match(line) or _NUMBERED.match(line):
            return False
        return self._crumb_back(line) or (_LINK.search(line) is not None and not _LINK.sub("", line).strip(" \t*_|·•/-"))

    def _byline(self, units, lines: list[str], gone: set[int], crumbed: bool = False,
                linked: dict[int, str] | None = None) -> set[int]:
        """A byline in the page's first lines (_BYLINE_LINES lines that did not go, under one
        heading with words at most): a real date alone on its line (a month's name, rules'
        date_months, or a numeric date: "December 1, 2023", "25 août 2024", "2024年8月16日",
        "2024-08-16") over a count of the page's views, a number with a word of views ("19,744
        views", rules' view_words), or under an author's line (rules' author_marks: "Edited by Ben
        Jacklin") with no count under it, with no sentence, step or table row of the article over
        them (_first_text). The date and the count go, and the line right over the date when it names
        who wrote the page (an author's mark, or a name alone over views: "Alex Weng"). On a page
        whose header a breadcrumb of unwrapped links proved (`crumbed`: lines of the record of lost links), an author's line over a date over a count of
        thousands goes too ("Edited by Ben Jacklin" / "December 1, 2023" / "19,744"), and so does a name alone there
        whose link the cleaner unwrapped into the breadcrumb's host (`linked`: the record placed, a line's number -> that
        host): an author's page's link, its mark, a given name and a surname ("[Alex Weng](...)" / "2024年8月16日" /
        "19,027"; a product's name, bold, of three words or not linked, stays). A date over a bare number (a release's, a price's, a print run's:
        "By Cormac McCarthy" / "September 26, 2006" / "287"), a year and a number that are no date
        ("Windows 11 2023 Update" over "22631"), and a byline further down stay."""
        out, titled, seen, opened = set(), 0, 0, None
        for u in range(len(units) - 1):
            line = lines[units[u][0]]
            if _HEADING.match(line) and units[u][1] is not None:
                titled += 1
                if titled > 1:
                    break
            if u not in gone:
                seen += 1
                if seen > _BYLINE_LINES:
                    break
            if units[u][1] is None or not self._date_line(line):
                continue
            under = lines[units[u + 1][0]]
            viewed = self._views_line(under)
            over = lines[units[u - 1][0]] if u and units[u - 1][1] is not None else ""
            plain = "" if _LIST.match(over) else _LINK.sub(r"\1", over).strip(" \t*_")  # (a list item is no name)
            marked = bool(plain) and self._author_line(plain)
            named = not marked and bool(plain) and _PERSON.match(plain) is not None
            # (a bare number under a date is a release's, a price's, a print run's: "September 26, 2023" / "118",
            # "October 5, 2023" / "2,399", "By Cormac McCarthy" / "September 26, 2006" / "287"; an author's line
            # over a date with no count under it is a byline: "Edited by Ben Jacklin" / "December 1, 2023")
            # (on a page whose header a breadcrumb proved, an author's line over a date over a count of
            # thousands is one too: "Edited by Ben Jacklin" / "December 1, 2023" / "19,744")
            # (...and so is a name alone right over the date that was a link, an author page's, the cleaner unwrapped)
            # (a given name and a surname: a product's name that was a link into that host, "Movavi Photo Editor", stays)
            author = marked or (named and len(plain.split()) == 2 and linked is not None and units[u - 1][0] in linked
                                and "**" not in over)
            counted = crumbed and author and _THOUSANDS.match(under) is not None
            if not (viewed or counted or marked and not _COUNT.match(under)):
                continue
            if opened is None:
                opened = self._first_text(units, lines, gone)
            if (u - 1 if named or marked else u) > opened:
                continue  # (no sentence, step or table row of the article over it)
            out.update((u, u + 1) if viewed or counted else (u,))
            if named or marked:
                out.add(u - 1)
        return out

    def _first_text(self, units, lines: list[str], gone: set[int]) -> int:
        """The body's first unit of the article's text that did not go (a sentence, a step, a
        table's row; labels, pictures and headings are a header's): a unit up to it opens the
        page (_byline), one after it does not. Found once per body (linear on a long one)."""
        for w, (i, k) in enumerate(units):
            line = lines[i]
            if w in gone or k is None or _ANY_HEADING.match(line):
                continue
            if _WHOLE_SENTENCE.search(line.rstrip(" \t*_")) or _NUMBERED.match(line) or line.lstrip().startswith("|"):
                return w
        return len(units)

    def _date_line(self, line: str) -> bool:
        """A line that is a date and little else (a time, a weekday): "December 1, 2023",
        "25 août 2024", "2024年8月16日", "16/08/2024 09:55"; not a year and a number ("Windows 11
        2023 Update"), a version, a sentence, a heading or a list item."""
        if _ANY_HEADING.match(line) or _LIST.match(line) or _WHOLE_SENTENCE.search(line) or len(line) > 80:
            return False
        text = _LINK.sub(r"\1", line).strip(" \t*_")
        m = _NUMERIC_DATE.search(text) or self.month_date.search(text)
        if m is None:
            return False
        rest = text[:m.start()] + " " + text[m.end():]
        return len(_WORD.findall(_TIME.sub(" ", rest))) <= 1

    def _views_line(self, line: str) -> bool:
        """A count of the page's views: a number and one of the rules' view_words ("19,744 views")."""
        m = _COUNTED.match(line)
        return m is not None and " ".join(m.group(1).lower().split()) in self.view_words

    def _reviews_line(self, line: str) -> bool:
        """A product box's rating: a count of reviews and one of the rules' review_words, maybe after
        a score out of five, nothing else ("4.6 (20,522 reviews)", "4.520,872 則評論"); not a heading,
        a numbered step, a list item (a spec list's "- 4.7 (85,412 reviews)") or a bold line ("**12
        reviews**"). (The caller asks it only of a line the record shows lost its link: a badge's.)"""
        if (len(line) > 80 or _ANY_HEADING.match(line) or _NUMBERED.match(line) or _LIST.match(line)
                or _BOLD_LABEL.match(line) or "**" in line or "__" in line):
            return False
        m = _REVIEWED.match(_LINK.sub(r"\1", line).strip(" \t"))
        return m is not None and " ".join(m.group(1).lower().split()) in self.review_words

    def _pictures(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> int:
        """The site's pictures, not the article's: a picture whose target is found in min_families
        families of distinct bodies or more (a missing image's placeholder, a review badge, a play
        button) goes, its line with it when nothing else is on it, the line's text staying otherwise;
        not a screenshot of a numbered step ("2. Click **Scan Now**." and the picture under it in its
        section: the same step in many articles of a site). Lines are edited in place; returns how many
        pictures went from lines that stay (a line that goes is counted in drop)."""
        gone = 0
        steps = None
        for u in _open_units(units, lines):
            i = units[u][0]
            if u in drop or "![" not in lines[i]:
                continue
            site = [m for m in _PICTURE.finditer(lines[i]) if _picture_key(m.group(2)) in repeated]
            if not site:
                continue
            steps = steps or self._in_steps(units, lines)
            if steps[u]:
                continue
            line = lines[i]
            for m in reversed(site):  # (with the spaces after it: "![](badge.png) Our pick ..." keeps "Our pick ...")
                end = m.end() + len(line[m.end():]) - len(line[m.end():].lstrip(" \t"))
                line = line[:m.start()] + line[end:]
            lines[i] = line.rstrip()
            if lines[i].strip(" \t>*+-"):
                gone += len(site)
            else:
                drop.add(u)  # (counted as a line that went)
        return gone

    @staticmethod
    def _in_steps(units, lines: list[str]) -> list[bool]:
        """Each unit is a numbered step ("2. Run it ... ![](p.jpg)", "**Step 2:** ...") or sits under one
        in its section (its picture, maybe under the step's other lines: "3) Click **Update**." over
        "Or click **Update All** ..." over the screenshot)."""
        out, step = [], False
        for i, _ in units:
            if _HEADING.match(lines[i]):
                step = False
            step = step or bool(_NUMBERED.match(lines[i]) or _STEP.match(lines[i]))
            out.append(step)
        return out
        return False

    def _contents_lead(self, units, lines: list[str], rep: list[bool], repeated: set[bytes]) -> set[int]:
        """The line right over a table of contents (two lines or items or more, each one link to
        an anchor of the page) that leads into it: a repeated line ("You may not have to try
        them all; just work your way down the list ...", found over a contents list in two
        families or more will do: "You don't have to try them all, just work your way down the
        list until you find the one that does the trick!") or a short one ending with a colon
        ("There are two fixes you can try:"). A longer one of one page's says more ("Here are
        two easy fixes that have helped other users get normal display on their screen
        again."); the table's own label ("Expand", as structure's rules name it) and the
        table itself are left to structure."""
        out, heading = set(), None
        for u, (i, k) in enumerate(units):
            line = lines[i]
            if self._contents_next(units, lines, u) and (
                    rep[u] or _few(k) in repeated and not _fix_text(heading)
                    or line.rstrip(" *_").endswith(":") and len(_shown_words(line)) <= 2 * self.short_words):
                out.add(u)
            if _HEADING.match(line):
                heading = line
        return out

    def _contents_list(self, units, lines: list[str]) -> set[int]:
        """A list in the page's opening block (no sentence above it yet) whose items, three
        quarters of them and two or more, each say nothing but the words of a heading further
        down, whatever they link to ("* [Perform a Standard Restart](...)" over "## Perform a
        Standard Restart"; a farm rewrote the anchors, or they were unlinked): the page's table
        of contents ("Quick Links"), and the short line right over it that leads into it; a line
        of such links and nothing else too (a page's bar of its sections); a
        heading over it stays, _headings' to judge. A list of the steps after the intro tells
        structure which section gives them (structure.contents), and stays."""
        last: dict[str, int] = {}  # a heading's words -> where it last is
        heads = []
        for u, (i, k) in enumerate(units):
            if k is not None and _HEADING.match(lines[i]):
                last[_heading_words(_HEADING.sub("", lines[i]))] = u
                heads.append((u, _heading_words(_HEADING.sub("", lines[i])).split()))
        if len(last) < 2:
            return set()
        out, run = set(), []
        for u, (i, k) in enumerate(units + [(len(lines), None)]):
            if k is not None and _LIST.match(lines[i]):
                run.append(u)
                continue
            if k is not None and not run and not _HEADING.match(lines[i]) and u < 40 and self._headings_bar(
                    _heading_words(lines[i]).split(), [h for v, h in heads if v > u][:_TOC_MAX]):
                out.add(u)  # a bar of the sections ("[Quick fixes](...)[Advanced fixes](...)", maybe unlinked)
                continue
            named = sum(last.get(_heading_words(lines[units[w][0]]), -1) > w for w in run)
            if named >= 2 and 4 * named >= 3 * len(run):
                out.update(run)
                v = run[0] - 1
                above = lines[units[v][0]] if v >= 0 and units[v][1] is not None else ""
                if above and not (_LIST.match(above) or _HEADING.match(above)) and (self._label(above) or (
                        above.rstrip(" *_").endswith(":") and len(_shown_words(above)) <= 2 * self.short_words)):
                    out.add(v)
            run = []
            if k is not None and not _HEADING.match(lines[i]) and (self._statement(lines[i]) or (
                    len(_shown_words(lines[i])) > 2 * self.short_words and not self._links(lines[i]))):
                break  # the prose began (whatever ends it: "... here are the fixes that work:"): a list of
                # the steps after it is the procedure's overview (structure's)
        return out

    def _page_contents(self, units, lines: list[str]) -> set[int]:
        """A table of contents whose links name their page by its whole address: lines one after
        another, each nothing but links (a list's mark, a number, emphasis aside) to anchors of one
        page, the same page on each line, _PAGE_TOC links or more in all ("[**The list in
        brief**](https://site.example/best-picks/best-x#section-quick-list)", "**1.** [Best
        Overall](https://site.example/best-picks/best-x#section-best-overall)", ...), and the short
        label right over it ("Quick List", as _contents_list's lead-in; not a heading nor a picture). A link to an
        anchor written "#fix2", or resolved against the site's root, is structure's to read
        (structure.contents: a list of the steps tells which section gives them); one to another
        page, or with words of its own beside it, stays, and so does a list none of whose anchors
        names one of the _TOC_MAX headings after it (more than half the heading's words in the
        anchor's slug: "#section-best-overall" over "## Best Overall"): it points into another
        page's sections ("[Reset your PC](https://support.example.com/recovery#reset)" under "## Fix 3")."""
        heads = [(u, set(_heading_words(_HEADING.sub("", lines[i])).split()))
                 for u, (i, k) in enumerate(units) if k is not None and _HEADING.match(lines[i])]
        if not heads:
            return set()

        def names_heading(run: list[int]) -> bool:
            after = bisect_left(heads, (run[0],))
            near = [h for _, h in heads[after:after + _TOC_MAX] if h]
            return any(2 * len(h & set(_SLUG_SEP.split(m.group(2).lower()))) > len(h) for u in run
                       for m in _PAGE_ANCHOR.finditer(lines[units[u][0]]) for h in near)
        out: set[int] = set()
        run, base, links = [], None, 0
        for u, (i, k) in enumerate([*units, (len(lines), None)]):
            line = lines[i] if k is not None else ""
            pages = {m.group(1) for m in _PAGE_ANCHOR.finditer(line)} if "](" in line else set()
            here = next(iter(pages)) if len(pages) == 1 and _MARKS.fullmatch(_PAGE_ANCHOR.sub("", line)) else None
            if here is None or here != base:
                if links >= _PAGE_TOC and names_heading(run):
                    out.update(run)
                    v = run[0] - 1
                    above = lines[units[v][0]] if v >= 0 and units[v][1] is not None else ""
                    if above and not (_LIST.match(above) or _HEADING.match(above) or "![" in above) and self._label(above):
                        out.add(v)
                run, links = [], 0
            base = here
            if here is not None:
                run.append(u)
                links += len(_PAGE_ANCHOR.findall(line))
        return out

    @staticmethod
    def _headings_bar(words: list[str], heads: list[list[str]]) -> bool:
        """The words are those of two headings or more of `heads`, one after another in their
        order, and nothing else."""
        at = named = 0
        for h in heads:
            if h and words[at:at + len(h)] == h:
                at, named = at + len(h), named + 1
        return named >= 2 and at == len(words)

    def _contents_next(self, units, lines: list[str], u: int) -> bool:
        """Unit u, a line of text (no heading, list item or contents label), is right over a
        table of contents: the next two lines are each one link to an anchor of the page."""
        i, k = units[u]
        line = lines[i]
        return (k is not None and u + 2 < len(units) and not _HEADING.match(line) and not _LIST.match(line)
                and not _ANCHOR_ONLY.match(line) and not self._contents_label(line)
                and all(_ANCHOR_ONLY.match(lines[units[v][0]]) for v in (u + 1, u + 2)))

    def _sandwiched(self, units, lines: list[str], drop: set[int]) -> None:
        """A short line (up to three labels' length) that is no heading, numbered step, list
        item, bold label, table row, spec under a spec, list's label (a contents list's
        "Expand"), action ("Enter the verification code." between a screenshot's credits) or
        statement, with chrome gone right above and right under it (lines without words
        aside): a widget's line too ("Share: Are you prepared for ...?" under a video player)."""
        worded = [u for u, (i, k) in enumerate(units) if k is not None]
        for x in range(1, len(worded) - 1):
            u, i = worded[x], units[worded[x]][0]
            line = lines[i]
            if (u in drop or worded[x - 1] not in drop or worded[x + 1] not in drop or _HEADING.match(line)
                    or _LIST.match(line) or line.lstrip().startswith("|") or _NUMBERED.match(line)
                    or _BOLD_LABEL.match(line) or self.products.search(line) or self._contents_label(line)
                    or (u + 1 < len(units) and _LIST.match(lines[units[u + 1][0]]))
                    or _SPEC.match(line) and _SPEC.match(lines[units[worded[x - 1]][0]])  # (a spec list's last)
                    or self._content(line) or self._statement(line)
                    or len(_shown_words(line)) > 3 * self.short_words):
                continue
            drop.add(u)
        # ...and a separator alone between chrome ("/" between a player's "Current Time 0:00" and "Duration 2:41")
        drop.update(u for u in range(1, len(units) - 1) if units[u][1] is None and _SEPARATOR.fullmatch(lines[units[u][0]])
                    and u - 1 in drop and u + 1 in drop)

    def _picture_runs(self, units, lines: list[str], rep: list[bool], drop: set[int]) -> None:
        """Pictures one after another, a repeated one among them (a shop's logo: "![Amazon](...)",
        "![Prime](...)"), with chrome right above them and right under them or the body's end,
        or two such logos among them, each named in a word or two: a price widget's product
        shots and logos ("Today's best ... deals" over them; the widget again at the end)."""
        n, u = len(units), 0
        while u < n:
            v = u
            while v < n and units[v][1] is not None and _picture_only(lines[units[v][0]]):
                v += 1
            logos = sum(rep[w] and len(_shown_words(lines[units[w][0]])) <= 2 for w in range(u, v))
            if v > u and (logos >= 2 or u > 0 and (u - 1) in drop and (v == n or v in drop) and any(rep[u:v])):
                drop.update(range(u, v))
            u = max(v, u + 1)

    def _note_shape(self, line: str) -> bytes | None:
        """The shape key (_shape) of a note to the reader: a sentence longer than two labels,
        wholly in emphasis, not a labelled one ("_Note: ..._", the article's own)."""
        if not _NOTE.match(line) or len(_shown_words(line)) <= 2 * self.short_words or _LABEL_FIRST.match(line):
            return None
        return _shape(line)

    def _credit_key(self, line: str) -> bytes | None:
        """A photo's credit ([scrape_artifacts] credits: "Anker/ZDNET"), keyed by whom it credits
        last (the site, the stock agency: "zdnet", "getty images"), the names before it aside."""
        if len(line) > 300 or not _CREDIT_SEP.search(line):  # (a credit is a short line)
            return None
        plain, parts = _credit_text(line)
        if len(parts) < 2 or not self.credit.fullmatch(plain):
            return None
        last = _WORD.findall(_SITE_END.sub("", parts[-1].lower()))  # ("Shutterstock.com": the agency)
        return _digest("credit " + " ".join(last)) if sum(map(len, last)) >= 2 else None

    def _statement(self, line: str) -> bool:
        """A sentence longer than a label, ending with a full stop: a caption that says
        something ("Like LastPass, the browser extension will let you fill in your login
        information." between a photo's credits)."""
        return line.rstrip(" *_").endswith((".", "。")) and len(_shown_words(line)) > self.short_words

    def _opening_label(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> None:
        """A heading in the page's opening block (under the page's title, with nothing but
        headings, list items and pictures above it: no prose yet), a short label without a
        stop found in many distinct articles: the template's label over its summary box ("Key
        Takeaways", "Read update"); what is under it stays, and so does a table of contents'
        label (structure's rules name those)."""
        title = True
        for u, (i, k) in enumerate(units):
            if k is None or u in drop:
                continue
            line = lines[i]
            heading = _HEADING.match(line)
            if title:
                if not heading:
                    return
                title = False
                continue
            if not heading:
                if _LIST.match(line) or line.lstrip().startswith("!["):
                    continue
                return
            text = _HEADING.sub("", line)
            if (k in repeated and self._label(text) and not _NUMBERED.match(text.strip(" *_"))
                    and not _LEAD.match(text).group(0).strip(" \t*_") and not self._contents_label(text)):
                drop.add(u)

    def _contents_label(self, line: str) -> bool:
        return self.contents_labels.fullmatch(line.strip(" \t#*_>")) is not None

    def _header_contents_label(self, line: str) -> bool:
        """A contents label in any language (rules' tables_of_contents labels and header_contents_labels):
        read only in a header a breadcrumb proved, over a bar that lost its links into its host."""
        return self.header_contents.fullmatch(line.strip(" \t#*_>")) is not None

    def _lines(self, units, lines: list[str], rep: list[bool], repeated: set[bytes]) -> set[int]:
        """The repeated lines that look like chrome: mostly links, a short label, at the body's
        start or end, beside another such line, alone between two headings, or the site's blurb
        about itself under a heading (_house, _unwrapped_house)."""
        n = len(units)
        # a single word alone ("Pros", "Google", "Yes") is a label or a value of the text
        # around it, however often it repeats; chrome says more
        wide = [len(_shown_words(lines[i])) >= 2 for i, _ in units]
        drop = set()
        opened = next((u for u in range(1, n) if _HEADING.match(lines[units[u][0]])), n)  # the opening block ends
        for u, (i, k) in enumerate(units):
            if not rep[u]:
                continue
            if wide[u] and self._links(lines[i]):
                drop.add(u)
            elif u > opened and self._section_lead(units, lines, u) and (self._house(lines[i]) or self._unwrapped_house(
                    lines[i], k, repeated)):
                drop.add(u)
            elif self._list_label(units, lines, u):
                # "More Reading" over its cards or other articles' titles, or a list's label
                cards = (_card_list(units, lines, u + 1) or self._title_list(units, lines, u + 1)) if wide[u] else []
                drop.update([u, *cards] if cards else ())
            elif wide[u] and (u < 2 or u >= n - 2 or (u > 0 and wide[u - 1] and rep[u - 1]) or _alone(units, lines, u)
                              or (u + 1 < n and wide[u + 1] and rep[u + 1]) or self._caption(lines[i])
                              or self._empty_label(units, lines, u) or _ICON_TEXT.match(lines[i])):
                drop.add(u)
        return drop

    def _title_list(self, units, lines: list[str], v: int) -> list[int]:
        """The bulleted list from unit v on when each of its items (two or more) is another
        article's title (_title, more words than a label's): the site's related-articles list
        under its label, its links unwrapped by the cleaner ("Extended Reading:" over "* Top 4 AI
        Logo and Watermark Removers Online for Videos"); not a list of actions, features or pros."""
        out = []
        for w in range(v, len(units)):
            i, k = units[w]
            m = _BULLET.match(lines[i])
            if not m:
                break
            if k is None or not self._title(_LINK.sub(r"\1", lines[i][m.end():]).strip(), self.short_words + 1, 1):
                return []
            out.append(w)
        return out if len(out) >= 2 else []

    def _section_lead(self, units, lines: list[str], u: int) -> bool:
        """Unit u is the first line right under a heading that is no step's ("## Quick Shopping
        Tips"; not "## Fix 3: Reset the driver" nor "## Update your driver"): where a site's blurb
        about itself sits (_house); advice in a fix's text, mid-section or under a step's heading,
        is the article's."""
        above = lines[units[u - 1][0]] if u > 0 else ""
        return bool(_HEADING.match(above)) and not _fix_text(above) and not self._content(_HEADING.sub("", above))

    def _house(self, line: str) -> bool:
        """A sentence in the site's own voice (the rules' house_words, not in capitals: "we", "our";
        "US" is a country) that links to another page: a repeated one that is no action, the first
        line under a heading that is no step's after the page's opening block (_section_lead), is the
        site's blurb about itself, pointing to its own page ("Why you can trust Tom's Hardware  Our
        expert reviewers spend hours testing and comparing products ... [Find out more about how we
        test](...)."); the article's repeated explanations say "you" or name the subject, an intro's
        "We'll show you how" is in the opening block, and a repeated piece of advice without a link
        ("We recommend a restore point first.") or inside a fix ("If the problem persists, contact our
        [support team](...).") stays."""
        return self._statement(line) and any(
            w.lower() in self.house_words and not w.isupper() for w in _shown_words(line)) and any(
            not m.group(0).startswith("!") and not _IN_PAGE.search(m.group(0)) for m in _LINK.finditer(line))

    def _unwrapped_house(self, line: str, k: bytes, repeated: set[bytes]) -> bool:
        """The site's blurb about itself (_house) whose link the cleaner unwrapped (an affiliate's
        or a network's address: "... so you can choose the best for you.Find out more about how we
        test."): its words are found linked, as _house reads them, in min_families families or more
        (_housed), and it is a statement in the site's voice with no link left."""
        return ("](" not in line and _housed(k) in repeated and self._statement(line)
                and any(w.lower() in self.house_words and not w.isupper() for w in _shown_words(line)))

    def _empty_label(self, units, lines: list[str], u: int) -> bool:
        """A short label ending with a colon, no link in it, with a heading (or nothing) right
        under it: a widget's label whose value is gone ("Our expert review:" over a product's
        "#### Specifications", its stars and links removed)."""
        line = lines[units[u][0]]
        return (line.rstrip(" *_").endswith(":") and "](" not in line and len(_shown_words(line)) <= self.short_words
                and (u + 1 == len(units) or bool(_HEADING.match(lines[units[u + 1][0]]))))

    def _caption(self, line: str) -> bool:
        """A repeated line that is no sentence and not a table's row (a review's "| Pros |
        Cons |"): a label ("(Image credit: Site)"), or up to twice a label's length when not a
        spec's "Name: value" ("Screen Size / Aspect Ratio: 14 inches / 16:9"), a widget's
        caption ("LATEST VIDEOS FROM tomshardware Tom's Hardware", "We check over 250 million
        products every day for the best prices")."""
        if line.lstrip().startswith("|"):
            return False
        return self._label(line) or (not _SPEC.search(_LINK.sub(r"\1", line)) and self._label(line, 2 * self.short_words))

    def _echo_blocks(self, units, lines: list[str]) -> set[int]:
        """A widget the page says twice: a block of lines (three distinct ones or more) that
        repeats, word for word and in order, a block earlier in the one body, the two apart (a
        review's product box, picture, name, score and blurb, again at the page's end); the second
        copy goes (but a heading it ends on, over the text after it), the first stays. Not a
        procedure nor prose: no numbered step or action in it, a picture or a heading in it but
        not pictures only (or a widget's controls: _control_block), and prose for less than half of it (a
        recap, two ways that share their steps or their screenshots, stay), nor specs that a list
        of specs goes on from or into otherwise (a roundup's next item, its specs partly the
        same). Each line is looked at once (linear on a long body)."""
        first: dict[str, int] = {}
        out, n, u = set(), len(units), 0
        text = [lines[i].strip() if k is not None else None for i, k in units]
        while u < n:
            p = first.setdefault(text[u], u) if text[u] is not None else u
            run = 0
            while p + run < u and u + run < n and text[u + run] is not None and text[u + run] == text[p + run]:
                run += 1
            block = [lines[units[w][0]] for w in range(u, u + run)]
            pictures = sum(bool(_PICTURE_LINE.match(x)) for x in block)
            # ...all but a heading the block ends on (bare markers after it at most) when text
            # follows it: it heads what follows, which differs ("Today's Best Deals", then
            # "#### Reasons to buy", "+", over each item's own reasons)
            m = next((w for w in range(run - 1, -1, -1) if not _EMPTY_ITEM.match(block[w])), -1)
            after = text[u + run] if u + run < n else None
            nxt = next((text[w] for w in range(u + run, min(n, u + run + 3)) if text[w] is not None), None)
            m = m if (m > 0 and _HEADING.match(block[m]) and nxt is not None and not _HEADING.match(nxt)
                      and not _ONLY_LINK.match(nxt)) else run  # (over text, not over a related link)
            before = text[u - 1] if u else None
            if (len(set(text[u:u + run])) >= 3 and (0 < pictures + sum(bool(_HEADING.match(x)) for x in block)
                                                    or self._control_block(block, before, after))
                    # (a list of specs that goes on, another item's: "Screen Size: 34 inches / 21:9" and
                    # "Resolution: 3440 x 1440" as the first item had them, then "Panel Type: VA")
                    and not (after and _SPEC.match(block[-1]) and _SPEC.match(after))
                    and not (before and _SPEC.match(block[0]) and _SPEC.match(before))
                    and pictures < run  # (a procedure's screenshots shown again for its second part stay)
                    and 2 * sum(self._statement(x) and not _HEADING.match(x) for x in block) < run
                    and not any(_NUMBERED.match(x) or (self._content(x) and not _BOLD_LABEL.match(x)) for x in block)):
                out.update(range(u, u + m))
            for w in range(u + 1, u + run):
                first.setdefault(text[w], w)
            u += max(run, 1)
        return out

    def _control_block(self, block: list[str], before: str | None, after: str | None) -> bool:
        """A widget's controls said again, without a picture or a heading: four lines or more,
        each a short label, list items and plain lines both ("* 変換", "* 圧縮", "メディアの追加",
        "Dropboxから": a converter's tabs and buttons, laid out twice on the page). Not a list
        alone (a recap's items), nor a sentence, nor a label over a list ("What you need" over
        its items, under each method's heading: what each section needs). And with a widget's
        evidence: a link beside it, or no heading nor the body's edge on either side (a block
        opening or closing a section is the section's)."""
        if not (len(block) >= 4 and any(_LIST.match(x) for x in block) and not all(_LIST.match(x) for x in block)
                and all(self._label(x, 2 * self.short_words) and not _WHOLE_SENTENCE.search(x) for x in block)):
            return False
        if any(not _LIST.match(x) and _LIST.match(y) for x, y in zip(block, block[1:])):
            return False  # (a label over its list)
        if any(x is not None and _LINK.search(x) for x in (before, after)):
            return True
        return not any(x is None or _HEADING.match(x) for x in (before, after))

    def _pull_quotes(self, units, lines: list[str]) -> set[int]:
        """A review's pull-quote: a paragraph of one line, a sentence or two (more words than a
        label, at most 8 labels' worth), that a longer paragraph of the one body says word for
        word (case, links and emphasis aside): a layout device, the text says it once more, so
        it goes and the longer paragraph keeps every word. Never a list item, a heading, a table
        row, a code or quoted line, a picture, nor a line that reads as content (an action, a
        numbered step, a bold label: _content), nor the longer paragraph."""
        said = {}
        for u, (i, k) in enumerate(units):
            alone = (i == 0 or not lines[i - 1].strip()) and (i + 1 == len(lines) or not lines[i + 1].strip())
            if k is not None and alone and not _QUOTE_NOT.match(lines[i]):  # (key None: a code fence's line too)
                said[u] = " " + " ".join(_shown_words(lines[i].lower().replace("_", " "))) + " "  # ("_An ..._")
        # (each distinct paragraph indexed by its runs of n words: a quote is looked for only in
        # the paragraphs that have its rarest run, a few at most, so a long body costs linear time)
        n = self.short_words + 1
        texts = list(dict.fromkeys(said.values()))
        runs: dict[str, list[int]] = defaultdict(list)  # (keys as text: no tuples left in the free lists)
        for j, t in enumerate(texts):
            ws = t.split()
            for g in dict.fromkeys(" ".join(ws[k:k + n]) for k in range(len(ws) - n + 1)):
                runs[g].append(j)
        quoted: dict[str, bool] = {}
        out = set()
        for u, words in said.items():
            line = lines[units[u][0]]
            ws = words.split()
            # (a paragraph alone under its heading is what the heading asks for: a FAQ's answer stays)
            if not (n <= len(ws) <= 8 * self.short_words and _WHOLE_SENTENCE.search(line)
                    and not (u and _HEADING.match(lines[units[u - 1][0]])
                             and (u + 1 == len(units) or _HEADING.match(lines[units[u + 1][0]])))
                    and not self._content(line)):
                continue
            if words not in quoted:
                hosts = min((runs[" ".join(ws[k:k + n])] for k in range(len(ws) - n + 1)), key=len)
                quoted[words] = len(hosts) <= _QUOTE_HOSTS and any(
                    len(texts[j]) > len(words) and words in texts[j] for j in hosts)
            if quoted[words]:
                out.add(u)
        return out

    def _echoes(self, units, lines: list[str]) -> set[int]:
        """A widget's label the page repeats under each of its items ("Show Expert Take Show
        less", "Show less"): a short line of two words or more without a full stop, min_echoes
        times or more in the one body, word for word ("Step 1" is not "Step 2"), a link read as
        its text ("[Read more below](...#section-one)", "(...#section-two)"), whatever its verb;
        not a picture (a screenshot's alt text), a list item, a bold label, a heading, a table
        row, a numbered step or a spec among specs (a roundup's items that share "Resolution: 3440 x 1440")."""
        seen: dict[str, list[int]] = defaultdict(list)
        for u, (i, k) in enumerate(units):
            line = lines[i]
            if k is None or "![" in line or not self._label(line) or len(_shown_words(line)) < 2:
                continue
            if not (_LIST.match(line) or _BOLD_LABEL.match(line) or _NUMBERED.match(line)
                    or _HEADING.match(line) or line.lstrip().startswith("|") or self._spec_among_specs(units, lines, u)):
                seen[" ".join(_shown_words(line.lower()))].append(u)
        return {u for us in seen.values() if len(us) >= self.min_echoes for u in us}

    def _notice(self, line: str) -> bool:
        """A site's notice the rules' [boilerplate] seeds name by its wording, found in one page
        as well as in many (a cookie notice, a sign-up's consent line); not an instruction
        ("Click Accept to allow the cookies ...")."""
        return self.seeds.search(line) is not None and not self._content(line)

    def _bylines(self, units, lines: list[str]) -> set[int]:
        """The bylines the rules' bylines name ("Edited by Ben Jacklin"), found in one page as well
        as in many, and the pictures right over one (its author's portrait): no box of short lines
        goes over or under a byline as over a consent notice (the page's title line over it stays)."""
        out = set()
        for u, (i, k) in enumerate(units):
            if k is not None and self.bylines.search(lines[i]) is not None and not self._content(lines[i]):
                out.add(u)
                v = u - 1
                while v >= 0 and v not in out and _picture_only(lines[units[v][0]]):
                    out.add(v)
                    v -= 1
        return out

    def _boxed(self, units, lines: list[str], v: int, acts: bool = False) -> bool:
        """Unit v is a line a notice's box may hold: short (two labels' length at most, _span; a
        line of a script written without spaces that reads as an article's, a step's marker or an
        instruction's in it (rules' cjk_content: "步驟三：點擊開始按鈕並等待轉換完成", "...確認してください"),
        measured a word a character, as a sentence is), no
        heading, list item, sentence or action (`acts`: an action's words without a stop, a
        button's: "Get the Latest Tech News Delivered Every Day", "Subscribe")."""
        line = lines[units[v][0]] if 0 <= v < len(units) else ""
        return 0 <= v < len(units) and units[v][1] is not None and not (
            _HEADING.match(line) or _LIST.match(line) or self._statement(line)
            or (self._content(line) if not acts else line.rstrip(" \t*_").endswith((".", ":", "。")))
            or (len(_shown_words(line)) if self.cjk_content.search(line) else _span(line)) > 2 * self.short_words)

    def _box_under(self, units, lines: list[str], notices: list[int]) -> set[int]:
        """The widget a notice that asks the reader a question opens ("Was this page helpful?"):
        the lines right under it that a box may hold (_boxed: "Yes", "No", "Thanks for letting us
        know!", "Tell us why!", "Submit", a button's words), up to a bold line, a picture, another
        notice or a line it may not hold (the article going on). A line that reads as an action or
        content (_content, _acts: "Restart your computer") that is no feedback button (rules'
        feedback_buttons: "Submit", "Yes") ends the box too, unless the box opened with another
        line and runs to a heading, the body's end or another notice (a newsletter's "Get the
        Latest Tech News" / "Subscribe" in it). Each walk stops at the next notice: linear."""
        out = set()
        taken = set(notices)
        for u in notices:
            if not lines[units[u][0]].rstrip(" \t*_").endswith("?"):
                continue
            box, acted, v = [], None, u + 1
            while v not in taken and self._boxed(units, lines, v, acts=True):
                line = lines[units[v][0]]
                if _BOLD_LABEL.match(line) or _shot(line):
                    break
                if acted is None and (self._content(line) or self._acts(_LINK.sub(r"\1", line))) and (
                        " ".join(w for w in _shown_words(line.lower()) if not w.isdigit()) not in self.feedback_buttons):
                    acted = len(box)
                box.append(v)
                v += 1
            closed = v >= len(units) or v in taken or bool(_HEADING.match(lines[units[v][0]]))
            if acted is not None and not (closed and acted > 0):
                box = box[:acted]
            out.update(box)
        return out

    def _box_over(self, units, lines: list[str], notices: list[int]) -> set[int]:
        """The sign-up box a notice ends: the lines right over it, up to a heading, a list, a
        sentence or a longer line, that are short (two labels' length at most) and no action
        ("Join us for offers and tips!", "1.5M+ users already subscribed to our newsletter",
        "Your email address", "Sign me up" over "By signing up, you agree ..."), pictures too.
        A picture goes with the box only when the box goes on over it: the last screenshot of an
        article over a notice stays, and so does its caption when that is the one line between.
        A call ending with "!" opens the box, the walk stops there (what is over it is the
        article's: "関連プログラム" / "iTunes、VLC"); in a box a call opens that is a form (a
        line of it is a field's or a sign-up button's, the whole line: rules' signup_fields and
        signup_buttons, "Email", "Sign Up", "申し込む"), the button right over the notice may be
        an action's words ("Sign Up"; with no call or no form, "Click Clear data", "Click Sign Up"
        are the article's steps) and a line of a script written without spaces may read up to
        three labels' length ("150万人以上のユーザーがすでにニュースレターを購読しています").
        A list item or a numbered step is never the box's."""
        def boxed(v: int) -> bool:
            if self._boxed(units, lines, v):
                return True
            line = lines[units[v][0]] if 0 <= v < len(units) else ""
            if (v < 0 or units[v][1] is None or _HEADING.match(line) or _LIST.match(line) or line.lstrip().startswith("|")
                    or _BOLD_LABEL.match(line) or line.rstrip(" \t*_").endswith((".", ":", "。", "："))):
                return False
            if v + 1 in notices:  # the box's button right over its notice, an action's words: "Sign Up"
                return 2 if self._label(line, 3) else False  # (not an article's last step: "Click Clear data")
            # a line of a script written without spaces that _span reads longer than it is (a loanword
            # in katakana is one word of four characters or more): "150万人以上のユーザーがすでにニュース
            # レターを購読しています" (1.5M+ users already subscribed ...), no step's or instruction's
            # (such a line, and the button above, go only in a box that its call opens: cut below)
            return 2 if (_CJK_RUN.search(line) is not None and _span(line) <= 3 * self.short_words
                         and not self.cjk_content.search(line) and not self._content(line)) else False
        out = set()
        for u in notices:
            v, walk, cut, called = u - 1, [], -1, False
            # (a picture with no alt text has no key: "![](a.jpg)![](b.jpg)" over a box's count of subscribers)
            while v >= 0 and v not in out and (units[v][1] is not None or _picture_only(lines[units[v][0]])):
                if _picture_only(lines[units[v][0]]):
                    w = v - 1
                    while w >= 0 and _picture_only(lines[units[w][0]]):
                        w -= 1
                    fits = boxed(w)
                    if not fits:
                        if u - v == 2:  # (only its caption between the picture and the notice)
                            out.discard(u - 1)
                        break
                    if fits == 2 and cut < 0:
                        cut = len(walk)
                    out.update(range(w + 1, v + 1))
                    walk.extend(range(w + 1, v + 1))
                    v = w
                    continue
                fits = boxed(v)
                if not fits:
                    break
                if fits == 2 and cut < 0:
                    cut = len(walk)
                out.add(v)
                walk.append(v)
                if lines[units[v][0]].rstrip(" \t*_").endswith(("!", "！")):
                    called = True
                    break  # (the box's call opens it: "Join for how-to guides, special offers, and app tips!")
                v -= 1
            if cut >= 0 and not (called and any(self._signup_line(lines[units[w][0]], self.signup_fields) for w in walk)
                                 and any(self._signup_line(lines[units[w][0]], self.signup_buttons) for w in walk)):
                # (no call over it, or no form: a longer line is the page's, "【YouTube 轉換器】6 種...",
                out.difference_update(walk[cut:])  # a step's "Click Sign Up" too, and so is what went for being under it)
        return out

    def _signup_line(self, line: str, known: frozenset[str]) -> bool:
        """A sign-up form's field or button (`known`: rules' signup_fields, signup_buttons), the whole
        line: "Email", "Your email address", "Sign Up", "申し込む"; not a step ("Click Sign Up")."""
        return not _LIST.match(line) and " ".join(_WORD.findall(_LINK.sub(r"\1", line).lower())) in known

    def _shop_button(self, line: str) -> bool:
        """A shop's button, on one page as well as on many: a line that is one link and nothing
        else (no label before it: "**Acme X:** [now $99 at Amazon](...)" is a deal's line), not
        code, its text a price (or a word: _shop_word) and a shop after "at" (the rules' shop_at) that the
        link's host names ("[$399.99 at Kobo](https://us.kobobooks.com/...)", "[LG Gram 17 at Amazon  $999](...)",
        "[See at Vivint](https://www.vivint.com/shop/)",
        "* [Acme X at Newegg for $99](...)"); not a link to a page the shop is not ("[$5 at
        Acme](https://support.example/...)")."""
        m = _ONLY_LINK.match(line) if len(line) <= 500 and not line.startswith(("    ", "\t")) else None
        if m is None or not (_PRICE.search(m.group(1)) or self._shop_word(m.group(1), m.group(2))):
            return False
        host = _letters(_host(m.group(2)))
        return any(len(name) >= 2 and name in host for name in self._shop_names(m.group(1)))

    def _shop_names(self, text: str) -> list[str]:
        """The shops a button's text names, letters and digits only: the word after "at" (the rules'
        shop_at: "$399.99 at Kobo" -> "kobo"), or after "on" behind a buying word (shop_on_verbs: "Buy on
        Amazon" -> "amazon")."""
        names = [a.group(1) for a in self.shop_at.finditer(text)]
        words = _WORD.findall(text.replace("*", "").lower())
        if len(words) >= 3 and words[0] in self.shop_on and words[1] == "on":
            names.append(words[2])
        return [_letters(n) for n in names]

    def _shop_word(self, text: str, url: str) -> bool:
        """A shop button's text without a price: a button's word (the rules' calls_to_action
        button_verbs), then a shop after "at" (the rules' shop_at) or, behind a buying word, "on"
        (shop_on_verbs), a name of three words at most ("See at Vivint", "Buy at Best Buy", "Buy on
        Amazon"; not "Download at GitHub", "Drivers at HP", "Read more at Microsoft Learn about it",
        "View on GitHub"), to no vendor's help page ("[See at Dell](https://www.dell.com/support/…)": a
        step's link to its drivers)."""
        words = _WORD.findall(text.replace("*", "").lower())
        return (3 <= len(words) <= 5 and words[0] in self.button_verbs
                and (self.shop_at.match(" ".join(words[1:])) is not None or words[0] in self.shop_on and words[1] == "on")
                and not _HELP_PAGE.search(url))

    def _shop_bar(self, line: str) -> bool:
        """A bar of shops' buttons, on one page as well as on many: two links or more on one line and
        nothing but spaces or bars between them, each a shop's button by its text (a price or a button's
        word, then a shop: _shop_word, "[$350 at Amazon](...)", "[See at Best Buy](...)", its link maybe a
        search's redirect) or a shop's name alone that its link's host holds ("[Best Buy](https://www.bestbuy.com/...)",
        "[B&H Photo](https://www.bhphotovideo.com/...)"), one of them at least a button whose host names its
        shop (_shop_button). Links to act on ("[Download](...) | [Release notes](...)") are no shop's."""
        if len(line) > 3000 or line.count("](") < 2 or line.startswith(("    ", "\t")):
            return False
        parts = _BAR_LINK.findall(line)
        if len(parts) < 2 or _BAR_LINK.sub("", line).strip(" \t|·•/") or _LIST.match(line):
            return False
        button = False
        for text, url in parts:
            part = f"[{text}]({url})"
            if self._shop_button(part):
                button = True
            elif not (_PRICE.search(text) and self._shop_names(text) or self._shop_word(text, url)
                      or self._shop_name(text, url)):
                return False
        return button

    @staticmethod
    def _shop_name(text: str, url: str) -> bool:
        """A link whose text is a name alone (three words at most, each capitalised) that its host
        holds ("[Best Buy](https://www.bestbuy.com/...)", "[Google](https://store.google.com/...)"), not
        to its help pages ("[Nvidia](https://www.nvidia.com/en-us/drivers/)": a fix's)."""
        name = _letters(text)
        return (_NAME.fullmatch(text.strip(" *_")) is not None and len(name) >= 3
                and name in _letters(_host(url)) and not _HELP_PAGE.search(url))

    def _shop_label(self, line: str) -> bool:
        """A shop's button whose link the cleaner unwrapped, on one page as well as on many: a line that
        is a button's word (the rules' shop_label_verbs), "at" (shop_at) and a shop's name of three words at
        most, capitalised, and nothing else ("See at LG", "View at Best Buy"); not a list item, heading or step
        ("Click See at LG"). Its caller asks only on a page with a shop's button or bar (a fix's "View at
        Startup" alone on its line stays)."""
        if len(line) > 80 or "](" in line or _LIST.match(line) or _HEADING.match(line):
            return False
        m = re.fullmatch(r"(\w+)\s+(\w+)\s+(.+?)", line.strip(" \t*_"))
        return (m is not None and m.group(1).lower() in self.shop_label_verbs and m.group(2).lower() in self.shop_at_words
                and _NAME.fullmatch(m.group(3)) is not None)

    def _more_button(self, line: str) -> bool:
        """A list widget's button, on one page as well as on many: a line of the rules' more_buttons
        words, maybe one word after them, marks aside ("Show More Deals", "Show More ⬇", "[Load more
        deals](...)"), or of its more_buttons_bare words alone ("Afficher plus"); not a heading, a
        numbered step nor a picture (a screenshot's "![see all apps](...)"), nor a list item, a whole
        bold line or a path (a step's UI labels: "- Show more options", "**See all**", "See all > Settings")."""
        if (len(line) > 200 or "![" in line or _HEADING.match(line) or _NUMBERED.match(line) or _LIST.match(line)
                or _BOLD_LABEL.match(line) or ">" in _LINK.sub(r"\1", line)):
            return False
        words = _shown_words(line.lower())
        button = " ".join(words[:2])
        return len(words) in (2, 3) and button in self.more_buttons or len(words) == 2 and button in self.more_buttons_bare

    def _read_next(self, line: str, most: bool = True) -> bool:
        """A line that is one link to another article and nothing else, the link's text that
        article's title (a question's too: "[Can You Expand iPhone Memory?](...)"): its words
        are the words of the page's address ("[The Best Gaming Consoles of
        2024](https://site.example/best-gaming-consoles-4154610)"), most of them
        (or, `most` False, two of the words of a slug of three or more), a read-next card or
        a related-articles list's item. A link to act on ("Download ...") stays. A title bold
        inside the link ("[**These old flaws are ...**](...)") is no bold label."""
        m = _ONLY_LINK.match(line)
        if not m or _NUMBERED.match(line):
            return False
        title = m.group(1).strip()
        bold = _BOLD_LABEL.match(title)
        title = title[2:-2].strip() if bold else title
        if self._content(title):
            return False
        words = [w for w in _WORD.findall(title.lower()) if len(w) > 2 and not w.isdigit()]
        path = _url_parts(m.group(2))[0].lower().replace("_", " ")
        if not most:  # two words are enough in an article's slug ("best-home-ev-charger"), not in
            path = max(path.split("/"), key=lambda seg: len(_WORD.findall(seg)))  # "printer-spooler/1"
            if len(_WORD.findall(path)) < 3:
                return False
        stems = {w[:5] for w in _WORD.findall(path)}
        return (len(_WORD.findall(title)) >= 3 and not title.endswith((".", "!"))
                and sum(w[:5] in stems for w in words) >= max(2, len(words) / 2 if most else 0))  # (a stem: "charger[s]")

    def _cross_link(self, line: str) -> bool:
        """A labelled link to another article, on one page: a short label, a colon and a link
        whose text is the linked page's title (_read_next), maybe its source's name after it
        ("**SEE:** [**Cloud security in 2022: A business guide ...**](https://site.example/article/
        cloud-security-a-business-guide-...)"), the label one of the rules' cross_link_labels (a
        label of another kind over such a link is content's: "Model: [Chocolate Bunny by
        Sandor](https://models.example/model/4987-chocolate-bunny)", what the picture shows)."""
        m = _CROSS_LABEL.match(line)
        if m is None or " ".join(m.group(1).lower().split()) not in self.cross_labels or self.products.search(line):
            return False
        link = _CROSS_LINK.match(line, m.end())
        return (link is not None and _CROSS_SOURCE.fullmatch(line, link.end()) is not None
                and self._read_next(line[m.end():link.end()]))

    def _own_cross_links(self, units, lines: list[str]) -> set[int]:
        """The page's labelled links to another article of its own site (_cross_link) whose
        link's domain two other lines of the page or more link to too: the site the page links
        across (its own articles, its cross-links, its network: "**Also:** [...](zdnet.com/...)"
        on a page with 20 more links there), not a vendor's page a fix points to once ("See: [How
        to reset your PC](https://support.vendor.example/reset-your-pc)" stays, wherever it is)."""
        cross = [u for u, (i, k) in enumerate(units) if k is not None and self._cross_link(lines[i])]
        if not cross:
            return set()
        domains = Counter(d for i, _ in units for d in {_site(_host(t)) for t in _TARGET.findall(lines[i])})
        # (each line counted once a domain; the cross-link's own line is one of them)
        return {u for u in cross if domains[_site(_host(_TARGET.search(lines[units[u][0]]).group(1)))] - 1 >= 2}

    def _thread(self, units, lines: list[str]) -> set[int]:
        """The thread of comments under an article: a button that is one link alone on its line,
        said min_echoes times or more with the same text and target (under each comment), and the
        lines from the thread's opener (the last line linking to that target above the first
        button: "11 Comments [Comment from the forums](...)") to the last button, and on to the
        lines right after it that link there too ("[View All 11 Comments](...)"). Only with a
        comment thread's evidence: the button is a comment's ([boilerplate] comment_buttons:
        "Reply", "Quote", "Report"), or the opener or the last line names comments
        (comment_words, in a label's line: "11 Comments", "Discuss in the forum"); and not when a heading or
        anything that reads as content (_content: an action, a numbered step, a bold label;
        "Step 2") is among them, when the opener is a sentence of the article that does not
        name comments, or with fewer than three sentences of the article above the opener (an
        FAQ's "[Read more](guide)", a fix's "[Source](thread)", a procedure's "[Next](page 2)")."""
        buttons: dict[tuple[str, str], list[int]] = defaultdict(list)
        linking: dict[str, list[int]] = defaultdict(list)  # a target -> the lines linking to it
        n = len(units)
        breaks, said = [0] * (n + 1), [0] * (n + 1)  # headings and content lines, sentences, before each line
        for u, (i, k) in enumerate(units):
            line = lines[i]
            breaks[u + 1] = breaks[u] + bool(k is not None and (_HEADING.match(line) or _STEP.match(line)
                                                                or self._content(line)))
            said[u + 1] = said[u] + bool(k is not None and self._statement(line))
            if k is None or "](" not in line:
                continue
            for target in dict.fromkeys(_TARGET.findall(line)):
                linking[target].append(u)
            m = _ONLY_LINK.match(line)
            words = _WORD.findall(m.group(1).lower()) if m else ()
            if words and (" ".join(words) in self.comment_buttons or len(words) <= 2 and words[0] not in self.verbs):
                buttons[m.group(1).strip(), m.group(2)].append(u)

        def names_comments(u: int) -> bool:  # (a label's line, not a sentence: "A user on the forum found ...")
            line = lines[units[u][0]]
            return (self._label(line, 2 * self.short_words) and not self._statement(line)
                    and not self.comment_words.isdisjoint(_WORD.findall(_LINK.sub(r"\1", line).lower())))

        runs: dict[str, list[int]] = {}  # a target -> for each line linking to it, the last of its run of such lines

        def run_end(target: str, at: int) -> int:
            if target not in runs:
                links, ends = linking[target], list(linking[target])
                for x in range(len(links) - 2, -1, -1):
                    if links[x + 1] == links[x] + 1:
                        ends[x] = ends[x + 1]
                runs[target] = ends
            return runs[target][at]

        spans = []
        for (label, target), us in buttons.items():
            links = linking[target]
            at = bisect_left(links, us[0])
            if len(us) < self.min_echoes or at == 0:
                continue
            first, last = links[at - 1], run_end(target, bisect_left(links, us[-1]))  # (the lines right after it only)
            opener = lines[units[first][0]]
            evidence = (" ".join(_WORD.findall(label.lower())) in self.comment_buttons
                        or names_comments(first) or names_comments(last))
            if (evidence and said[first] >= 3 and breaks[last + 1] == breaks[first]
                    and (names_comments(first) or not self._statement(opener))):
                spans.append((first, last))
        out, end = set(), -1
        for first, last in sorted(spans):  # (each line once, however many threads overlap)
            out.update(v for v in range(max(first, end + 1), last + 1) if units[v][1] is not None)
            end = max(end, last)
        return out

    def _related(self, units, lines: list[str]) -> set[int]:
        """Lines one after another, each one link to a page of one host (a full stop after it aside),
        two of them or more links whose address holds two words of the link's text or more: a
        related-articles list ("[The top home EV chargers: Easily fuel up your car](https://site.example/
        article/best-home-ev-charger/)", "[Best printer 2021: Top printers for your home office](https://
        site.example/article/best-printer/)."), or such links on one line (_link_bar); and a picture card:
        one link around a picture and another article's title, its blurb."""
        out, run, host, titles = set(), [], None, 0
        for u, (i, k) in enumerate(units + [(len(lines), None)]):
            line = _LINK_STOP.sub(")", lines[i]) if k is not None else ""  # ("* [Best printer 2021: ...](...).")
            m = _ONLY_LINK.match(line) if k is not None else None
            # (a vendor's help pages cited, each a sentence's, are a fix's references: "* [Touchpad not working
            # on Dell laptops](https://www.dell.com/support/kbdoc/…).")
            here = _url_parts(m.group(2))[1] if m and not (line != lines[i] and _HELP_PAGE.search(m.group(2))) else None
            if here is None or here != host:
                out.update(run if titles >= 2 else ())
                run, titles = [], 0
            if here is not None:
                run.append(u)
                titles += self._read_next(line, most=False)
            host = here
            if k is not None and (_PICTURE_CARD.match(lines[i]) or self._link_bar(lines[i])):
                out.add(u)
        return out

    def _link_bar(self, line: str) -> bool:
        """A related-articles list written on one line: two links or more and nothing else but the
        bars or dots between them, each link to a page of one host whose address holds words of the
        link's text (_read_next: "[3D printing, additive manufacturing sector arms up to
        scale](https://site.example/article/3d-printing-additive-manufacturing-sector-arms-up-to-scale/) |
        [Best 3D printers in 2021: Expert reviews of top brands](https://site.example/article/best-3d-printer/)");
        not links to act on ("[Download the driver](...) | [Release notes](...)"), nor to two sites."""
        if len(line) > 2000 or "](" not in line:
            return False
        parts = _BAR_SEP.split(line.strip())
        hosts = set()
        for part in parts:
            m = _ONLY_LINK.match(part)
            if m is None or _LIST.match(part) or not self._read_next(part, most=False):
                return False
            hosts.add(_url_parts(m.group(2))[1])
        return len(parts) >= 2 and len(hosts) == 1

    def _list_label(self, units, lines: list[str], u: int, drop: set[int] = frozenset()) -> bool:
        """A line just above a list (that stays) and not itself an item of one."""
        v = u + 1
        return (v < len(units) and v not in drop and bool(_LIST.match(lines[units[v][0]]))
                and not _LIST.match(lines[units[u][0]]))

    def _runs(self, units, lines: list[str], rep: list[bool], drop: set[int]) -> None:
        """Chrome comes in blocks: a repeated line next to a chrome line is chrome too, a
        single word among them as well ("Subscribe" between a sign-up's lines, a rating
        widget's "1" ... "5" and "Excellent" above its "Rating: 4.8 / 5"); not a table's row
        ("| Pros | Cons |" under a product's picture card)."""
        for order in (range(len(units)), range(len(units) - 1, -1, -1)):  # (a block grows both ways)
            for u in order:
                if (rep[u] and u not in drop and ((u - 1) in drop or (u + 1) in drop)
                        and not self._list_label(units, lines, u, drop) and not lines[units[u][0]].lstrip().startswith("|")):
                    drop.add(u)

    def _headings(self, units, lines: list[str], repeated: set[bytes], rep: list[bool], drop: set[int]) -> None:
        """A heading goes when every line under it (to the next heading as high) went, or when
        it and every line under it repeat; a repeated heading goes with the links or the
        chrome right under it ("See also" and its articles), and any heading goes with a
        list of links under it that repeats ("Innovation" and the site's articles)."""
        n = len(units)
        # (the article's first line of its own: a heading above it opens the body, over no text yet)
        opening = next((w for w in range(n) if w not in drop and not _HEADING.match(lines[units[w][0]])), n)
        for u, (i, k) in enumerate(units):
            m = _HEADING.match(lines[i])
            if not m:
                continue
            level, v, under = len(m.group(1)), u + 1, []
            while v < n:
                h = _HEADING.match(lines[units[v][0]])
                if h and len(h.group(1)) <= level:
                    break
                if not h:
                    under.append(v)
                v += 1
            if not under or u == 0:
                continue
            own = not self._content(_HEADING.sub("", lines[i])) and k in repeated
            links = [self._links(lines[units[w][0]]) for w in under]
            lead = next((j for j, w in enumerate(under) if not (links[j] or w in drop)), len(under))
            # a repeated heading over repeated lines, one of them not content, then the
            # article going on with no heading of its own: the sign-up box ("Get ...
            # straight to your inbox", "By submitting your information ...") sits on top
            run = next((j for j, w in enumerate(under) if units[w][1] not in repeated), len(under)) if own else 0
            if own and any(rep[w] for w in under[:run]):
                lead = max(lead, run)
            if all(w in drop for w in under):
                drop.add(u)
            elif own and all(units[w][1] in repeated for w in under):
                # a whole section, heading and every line, repeated across distinct
                # articles: the site's block ("Get the Newsletter", "Contact me with news"),
                # imperatives and all; a step's heading ("Update your driver") keeps it
                drop.update([u, *under])
            elif own and lead:
                drop.update([u, *under[:lead]])  # "See also" and the articles under it
            elif own and (box := self._sign_up(units, lines, under, rep, drop)):
                drop.update([u, *under[:box]])  # "#### Newsletters", a newsletter's name and blurb over "Subscribe"
            elif self._widget_label(lines[i], [w in drop for w in under], links,
                                    lines[units[under[0]][0]] if u < opening else ""):
                drop.add(u)  # "### More Crypto Coach" over the site's articles, gone, on one page
            elif len(under) >= 2 and all(links) and 2 * sum(rep[w] for w in under) >= len(under):
                drop.update([u, *under])
            elif self._box(units, lines, under, drop) and not self._content(_HEADING.sub("", lines[i])):
                drop.update([u, *under])  # "### Best Photo & Movie Maker you may want to know" and its box


    def _tail_boxes(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> None:
        """A product's box that ends a section under the article's own text, as _box is one that
        is a section: a picture, the product's name right under it (chrome that went aside: a count
        of downloads; a short label of two words or more, no template's label the build repeats, no
        bold label, spec or step), a list of what it
        does (two unnumbered items or more) and chrome right under it that went ("100% Secure. No
        Ads."), then nothing but chrome up to the next heading or the body's end ("![FoneTrans](...)",
        "FoneTrans - Intelligent iOS Data Transfer", "* Transfer photos, contacts ...", over "## Part 1").
        The box's own chrome between its picture and its name is the evidence it is a vendor's (a
        count of downloads): a picture, a label and a list with nothing that went between them stay,
        whatever went under them (a footer's "Share this article": "![The finished setup](...)",
        "Compatible Hub Models", "* Anker PowerExpand 7-in-1"). The picture over a list whose label
        ends with a colon ("Key features:"), a list with no chrome after it and a list under a label
        the site repeats ("PROS") stay."""
        n = len(units)
        ends = [u for u in range(n) if units[u][1] is not None and _HEADING.match(lines[units[u][0]])] + [n]
        # (each back-scan over what went jumps as far as an earlier one went, and a line the scans stop
        # at is read once: many sections that all went, each over the one before, read the body once)
        jump: dict[int, int] = {}  # a unit that went -> one before it such that every unit between went too
        tried: set[int] = set()

        def kept(v: int) -> int:  # the last unit at v or before it that stays (-1: none)
            path = []
            while v >= 0 and v in drop:
                path.append(v)
                v = jump.get(v, v - 1)
            for p in path:
                jump[p] = v
            return v
        for end in ends:
            v = kept(end - 1)
            if v == end - 1 or v in tried:
                continue  # (no chrome went at the section's end, or this line was read for an end before)
            tried.add(v)
            items = []
            while v >= 0 and v not in drop and _LIST.match(lines[units[v][0]]) and not _NUMBERED.match(lines[units[v][0]]):
                items.append(v)
                v -= 1
            if len(items) < 2 or v < 1 or v in drop or units[v][1] is None:
                continue
            name = lines[units[v][0]]
            w = kept(v - 1)  # (the picture, chrome that went aside: a count of downloads between)
            if (w == v - 1  # (no chrome went inside it: a picture, a label and a list of the article's own)
                    or not self._label(name) or len(_shown_words(name)) < 2 or units[v][1] in repeated or _HEADING.match(name)
                    or _BOLD_LABEL.match(name) or _SPEC.match(name) or _LEAD.match(name).group(0).strip(" \t*_")
                    or self._content(name) or self._contents_label(name) or self.closing_labels.search(name)
                    or w < 0 or not _PICTURE_LINE.match(lines[units[w][0]])):
                continue
            drop.update([w, v, *items])

    def _sign_up(self, units, lines: list[str], under: list[int], rep: list[bool], drop: set[int]) -> int:
        """How many lines open a repeated heading's section as a sign-up box's own (0: none): a
        name (a short label: "ZDNET Innovation Weekly") and maybe one sentence of blurb, over a
        block of two lines or more of chrome the site repeats ("Subscribe", "See all"), the
        article going on under it or not. The box's name and blurb are one newsletter's, found in
        few articles; the heading and its buttons are the site's. A section of the article's
        own text under a repeated heading ("Conclusion", "Price and availability") opens with a
        sentence, a list, a spec or a picture, or has one chrome line under it, not a block, or
        opens with a name the page says elsewhere (the product the review is about)."""
        j = next((j for j, w in enumerate(under) if w in drop), len(under))
        if not 1 <= j <= 2 or len(under) < j + 2 or not all(w in drop and rep[w] for w in under[j:j + 2]):
            return 0
        for n, w in enumerate(under[:j]):
            line = lines[units[w][0]]
            if (units[w][1] is None or self._content(line) or _LIST.match(line) or _SPEC.match(line) or "![" in line
                    or line.lstrip().startswith("|") or _BOLD_LABEL.match(line)):
                return 0
            if not (self._label(line) if n == 0 else _WHOLE_SENTENCE.search(line) and len(_STOPS.findall(line)) == 1
                    and len(_WORD.findall(line)) <= 4 * self.short_words):
                return 0
        # a newsletter's name is the box's alone; a name the page's own text says is its subject
        # ("## Price and availability" / "Sonos Era 100" / its price, in a review of the Sonos Era 100)
        box = {units[w][0] for w in under[:j]}
        said = " " + " ".join(" ".join(_WORD.findall(t)) for i, t in enumerate(lines) if i not in box) + " "
        return 0 if " " + " ".join(_WORD.findall(lines[units[under[0]][0]])) + " " in said else j

    def _name_key(self, units, lines: list[str], u: int) -> bytes | None:
        """The credit key (as _credit_key's) of a name alone right under a picture, or under the
        picture's caption: "Google", "_Microsoft_", "📷 Google", "(Screengrab)", "Image: Lenovo",
        up to three capitalised words, no verb first. The same name under pictures in many
        distinct articles is a credit (a maker's press pictures: "Google", "Intel"); a name
        under one page's picture ("Zerofy" over "Zerofy is a European app ...") is not known so."""
        line = lines[units[u][0]]
        if not self._under_picture(units, lines, u):
            return None
        plain = self._plain_name(line)
        words = _WORD.findall(plain.lower())
        if not words or words[0] in self.verbs or not _NAME.fullmatch(plain):
            return None
        return _digest("credit " + " ".join(words))

    def _own_names(self, units, lines: list[str], names: list[bytes | None], pictured: Counter) -> set[int]:
        """The names alone under pictures (names[u]: _name_key), no bold label ("**NEAR**" over
        what it names), that are credits by the page alone: under two pictures or more, unless
        the page writes each of their words in lower case elsewhere (a label of common words:
        "Our Verdict"; a web address's words are none: "microsoft.com/windowsinsider"); or under one,
        a proper name (the page writes none of its words in lower case: not "Best Budget TV") that
        the page's own text names elsewhere, written the same ("Corsair" under a press shot in a
        page about Corsair's PC; so nothing is lost), the line under it not opening with it, nor a
        "•" item, nor a label's line (not the label of the item it heads: "MobileGo" over "MobileGo
        is one of ...", "Jaunt VR" over "• Download free Jaunt VR ...", a roundup's "Netgear Orbi
        RBK752" over "Price: $300 ..."); or under one, one word right under the picture when it is the
        page's one proper name under pictures (a maker's press shot: "Unihertz" over "Unihertz says
        ...", "ASUS" the page names nowhere else; a roundup names one over each of its items)."""
        lower, said, plains = set(), set(), {}
        for u, (i, k) in enumerate(units):
            if k is None or "![" in lines[i]:
                continue
            if names[u] is not None:
                if not _BOLD_LABEL.match(lines[i]):
                    plains[u] = _WORD.findall(self._plain_name(lines[i]))
                continue
            # (a web address's words aside: "microsoft" of "microsoft.com/windowsinsider" is no common word)
            words = _WORD.findall(" ".join(t for t in _LINK.sub(r"\1", lines[i]).split() if not _DOMAIN.search(t)))
            lower.update(w for w in words if w.islower())
            said.update(" ".join(words[j:j + n]) for n in (1, 2, 3) for j in range(len(words) - n + 1))
        out = set()
        # (the page's one proper name under pictures: a roundup names one over each of its items)
        sole = len({names[u] for u, words in plains.items() if not any(w.lower() in lower for w in words)}) == 1
        for u, words in plains.items():
            common = [w.lower() in lower for w in words]
            if pictured[names[u]] >= 2:
                if not all(common):
                    out.add(u)
            elif (not any(common) and sole and len(words) == 1 and _PICTURE_LINE.match(lines[units[u - 1][0]])
                  and not self.closing_labels.search(words[0])):  # ("Conclusion" over the closing words: a label)
                out.add(u)  # a maker's one word right under its press shot, the page's one name so ("Unihertz", "Acer")
            elif not any(common) and " ".join(words) in said:
                after = lines[units[u + 1][0]] if u + 1 < len(units) else ""
                if (_WORD.findall(_LINK.sub(r"\1", after))[:len(words)] != words and not after.lstrip().startswith("•")
                        and not _LABEL_LINE.match(after)):  # (over its "Price: $300 ...": a product's label)
                    out.add(u)
        return out

    def _plain_name(self, line: str) -> str:
        """The name a name alone under a picture says (_name_key), its emphasis, brackets and label aside."""
        plain = _LINK.sub(r"\1", line).strip(" \t*_()\U0001f4f7")
        label = self.name_label.match(plain)
        return plain[label.end():] if label else plain

    def _under_picture(self, units, lines: list[str], u: int) -> bool:
        """A short line (no heading, list item or picture) right under a picture, or under the
        picture's caption: where a picture's credit is."""
        i, k = units[u]
        line = lines[i]
        if k is None or u == 0 or len(line) > 100 or _HEADING.match(line) or _LIST.match(line) or "![" in line:
            return False
        above = lines[units[u - 1][0]]
        return bool(_PICTURE_LINE.match(above)) or (
            u > 1 and bool(_PICTURE_LINE.match(lines[units[u - 2][0]])) and len(_shown_words(above)) > self.short_words
            and not (_HEADING.match(above) or _LIST.match(above) or _BOLD_LABEL.match(above) or "|" in above))

    def _twin_widget(self, units, lines: list[str], u: int) -> bool:
        """A twin (the line said again right before or after it) that shows a widget's evidence:
        a link in the line, a credit's shape or a name alone under a picture; and its copy a
        paragraph of its own."""
        i = units[u][0]
        line = lines[i]
        if not (_LINK.search(line) or self._credit_key(line) is not None or self._credit_shape(line)
                or self._name_key(units, lines, u) is not None):  # (a name alone under a picture: "Lenovo")
            return False
        return any(0 <= v < len(units) and lines[units[v][0]].strip() == line.strip()
                   and abs(units[v][0] - i) > 1 and not lines[min(i, units[v][0]) + 1].strip() for v in (u - 1, u + 1))

    def _twin_buttons(self, units, lines: list[str], twice: list[bool], drop: set[int]) -> set[int]:
        """Short labels each said twice in a row or more, two of them one after another or one
        four times, each copy its own paragraph: a widget's buttons, each laid out again for
        small screens, whatever language they say it in ("免費下載關於 Windows 版" twice over
        "免費下載關於 Mac 版" twice; "免費下載" four times), their links unwrapped or not. Only
        the copies after each label's first go, and only with a widget's evidence (_button_evidence):
        two short steps each said twice under a step's heading ("Abre Ajustes en tu teléfono" x2,
        "Toca Conexiones y luego Wi-Fi" x2) are a spun article's, not buttons. A bare label said
        twice alone ("F12", "重启电脑") is the article's, as is a list item."""
        gone: set[int] = set()
        n, u = len(units), 0
        while u < n:
            groups, v = [], u
            while v < n and self._twin_label(units, lines, twice, v):
                w = v + 1
                while (w < n and self._twin_label(units, lines, twice, w)
                       and lines[units[w][0]].strip() == lines[units[v][0]].strip()):
                    w += 1
                if w - v < 2:
                    break
                groups.append((v, w))
                v = w
            if ((len(groups) >= 2 or groups and groups[0][1] - groups[0][0] >= 4)
                    and self._button_evidence(units, lines, groups, drop)):
                gone.update(w for a, z in groups for w in range(a + 1, z))
            u = max(v, u + 1)
        return gone

    def _button_evidence(self, units, lines: list[str], groups: list[tuple[int, int]], drop: set[int]) -> bool:
        """What shows twin labels (_twin_buttons) are a widget's buttons: one label said four times
        or more (a layout's, no article says a line four times over); a link in them; or beside
        them what went as chrome, a picture (or a picture card), a line of links, a price, or the
        body's start or end (a product box's download buttons over its screenshot)."""
        if any(z - a >= 4 for a, z in groups) or any(_LINK.search(lines[units[a][0]]) for a, _ in groups):
            return True
        n = len(units)
        for v in (groups[0][0] - 1, groups[-1][1]):
            if not 0 <= v < n or v in drop:
                return True
            line = lines[units[v][0]]
            if (_PICTURE_LINE.match(line) or _PICTURE_CARD.match(line) or self._links(line)
                    or self._label(line) and self.shop_labels.search(line)):
                return True
        return False

    def _twin_label(self, units, lines: list[str], twice: list[bool], u: int) -> bool:
        """Unit u is a short label said twice in a row (twice), its own paragraph, no list item."""
        i = units[u][0]
        return (twice[u] and not _LIST.match(lines[i]) and self._label(lines[i], 2 * self.short_words)
                and not (i + 1 < len(lines) and lines[i + 1].strip()))

    def _credit_shape(self, line: str) -> bool:
        """Two names, each of up to three words, the first capitalised, one separator between
        ("Jane Roe/Example", "Thingiverse / 3Derp")."""
        if len(line) > 100 or not _CREDIT_SEP.search(line):
            return False
        parts = _credit_text(line)[1]
        return (len(parts) == 2 and _NAME.fullmatch(parts[0].strip()) is not None
                and 0 < len(_WORD.findall(parts[1])) <= 3 and re.fullmatch(r"[\w.&’' -]+", parts[1]) is not None)

    def _credit_parts(self, units, lines: list[str], u: int) -> tuple[str, ...]:
        """The two parts of a credit's shape under a picture, whatever their case ("Thingiverse /
        3Derp", "Thingiverse / gubutek": a site and a user): two names of up to three words
        each, one separator, no verb first."""
        i = units[u][0]
        if not _CREDIT_SEP.search(lines[i]) or not self._under_picture(units, lines, u):
            return ()  # (a line with no separator first: the cheaper test, for every line of a body)
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if (after and set(after) <= set("|-: ") and "-" in after) or ("|" in lines[i] and after):
            return ()  # a table's header without pipes at its ends ("Spec | Value" over "---|---")
        plain, parts = _credit_text(lines[i])
        words = [_WORD.findall(p.lower()) for p in parts]
        if (len(parts) != 2 or not all(0 < len(w) <= 3 and p.strip() == " ".join(p.split()) for p, w in zip(parts, words))
                or words[0][0] in self.verbs or not re.fullmatch(r"[\w.&’' -]+", plain.replace("/", "").replace("|", ""))):
            return ()
        if (not _NAME.fullmatch(parts[0].strip()) or any(w.isdigit() or w == "step" for ws in words for w in ws)
                or not (len(words[1]) == 1 or _NAME.fullmatch(parts[1].strip()))):
            return ()  # a site is a name, its user one word or a name ("Settings / Privacy & security", "Step 1 / 4")
        return " ".join(words[0]), " ".join(words[1])

    def _outlet_credit(self, units, lines: list[str], u: int, repeated: set[bytes]) -> bool:
        """A picture's credit in any shape of names: right under a picture (or its caption), two or
        three parts between separators, each of up to four words and no sentence, the first no
        verb ("Screenshot by jdoe/ZDNET", "Jane Roe/HyperX/ZDNET", "Jane Roe / How-To Geek /
        Samsung"), one of whose parts after the first is an outlet the build's credits name in many
        distinct articles (its credit key, as _credit_key keys "Maria Diaz/ZDNET", repeated): the
        site's credit, whatever the names around it. Where the scrape lost the picture, the same
        when the outlet closes it and each part is a name ("Taylor Clemons/HyperX/ZDNET" under a
        paragraph: the site's shape, one name more). A caption of the picture's parts ("Settings /
        Privacy & security", "Before / After") names no such outlet and stays."""
        i = units[u][0]
        line = lines[i]
        if len(line) > 120 or not _CREDIT_SEP.search(line) or "|" in line or _HEADING.match(line) or _LIST.match(line):
            return False
        plain, parts = _credit_text(line)
        words = [_WORD.findall(_SITE_END.sub("", p.lower())) for p in parts]
        if (not 2 <= len(parts) <= 3 or not all(0 < len(w) <= 4 for w in words) or words[0][0] in self.verbs
                or not re.fullmatch(r"[\w.&’' /–—-]+", plain)):
            return False
        outlets = [_digest("credit " + " ".join(w)) in repeated for w in words]
        if self._under_picture(units, lines, u):
            return any(outlets[1:])
        return outlets[-1] and all(_NAME.fullmatch(p.strip()) for p in parts)

    @staticmethod
    def _said(units, lines: list[str], parts, sizes: set[int]) -> set[str]:
        """The runs of words (of the given sizes) the page's own lines say, its pictures and
        credit shapes aside: a site so named elsewhere is the page's subject, no credit."""
        said = set()
        for u, (i, _) in enumerate(units):
            if not parts[u] and "![" not in lines[i]:
                words = _WORD.findall(lines[i].lower())
                said.update(" ".join(words[j:j + n]) for n in sizes for j in range(len(words) - n + 1))
        return said

    def _labelled_credit(self, units, lines: list[str], u: int) -> bool:
        """A line that says it credits, with a name and nothing else ("Image: Forust", "_Photo:
        Desktop Metal_", "PHOTO: Amazon"; the rules' name_credit_labels; "📷 Google"), or names
        in a credit's shape ("Image: Maria Diaz/ZDNET", "Image: Jane Roe / EyeEm--Gettyimages":
        up to three names, one separator between each, under a picture or one of them an outlet's:
        a stock agency, a site's address or capitals, "Jane Roe/ZDNET"; not choices that share a
        word, "Light Mode / Dark Mode"), wherever it is: under a
        caption whose picture the scrape lost, on one page as well as on many. Not among specs
        labelled otherwise ("Photos: Google Photos / Amazon Photos" under "Mail: Gmail / Outlook",
        "SOURCE: Control Panel" over "Image: the new layout ..."), nor a news article's attribution away
        from a picture ("Source: [NVIDIA](https://www.nvidia.com/.../nvidia-app-beta-download/)": _attributed)."""
        line = lines[units[u][0]]
        if len(line) > 100 or _HEADING.match(line) or _LIST.match(line) or self._among_specs(units, lines, u):
            return False
        if self._attributed(line) and not self._under_picture(units, lines, u):
            return False  # (a news article's source, its name linked to its page: _attributed)
        plain = _LINK.sub(r"\1", line).strip(" \t*_()")
        if plain.startswith("\U0001f4f7"):  # ("📷 Google": the camera says it credits)
            return _NAME.fullmatch(plain.lstrip("\U0001f4f7 ")) is not None
        label = self.name_label.match(plain)
        parts = [p.strip() for p in _CREDIT_SEP.split(plain[label.end():], maxsplit=3)] if label else []
        words = [w.lower() for p in parts for w in _WORD.findall(p)]
        return 0 < len(parts) <= 3 and all(_NAME.fullmatch(p) for p in parts) and (
            len(parts) == 1 or len(set(words)) == len(words) and self._under_picture(units, lines, u)
            or any(self.credit.search(p) or _SITE_END.search(p) or re.fullmatch(r"[A-Z]{3,}", p) for p in parts))

    def _affixes(self, line: str) -> tuple[bytes | None, bytes | None]:
        """The keys of a widget's label templated with a product's name swapped in: its first
        three words ("Today's best <name> deals") and the two after its colon ("<name>: Price
        Comparison"), for a line of up to three labels' words (a product's name is long: "Today's
        best Alienware 27 QD-OLED Gaming Monitor (AW2725DF) deals") without a full stop that is
        no heading, list item, bold label, table row or picture; None where the line has no such part."""
        if (len(line) > 200 or not self._label(line, 3 * self.short_words) or "![" in line or line.lstrip().startswith("|")
                or _HEADING.match(line) or _LIST.match(line) or _BOLD_LABEL.match(line)):
            return None, None
        shown = _shown_words(line)
        words = [w.lower() for w in shown]
        # above two labels' words, the words between the first three and the last are a
        # product's name, opening with a capital or a digit, two in three of them so ("Monoprice 44394
        # 40-inch Crystal Pro 144 Hz gaming monitor"), not a caption's ("Cinebench R23
        # multi-core scores of the <CPU> and rivals (higher is better)")
        name = shown[3:-1]
        named_run = len(shown) <= 2 * self.short_words or (
            bool(name) and not name[0][0].islower() and 3 * sum(w[0].islower() for w in name) <= len(name)
            or self.shop_labels.search(line) is not None)  # ("We check over 250 million products every day for the best prices")
        head, colon, tail = _LINK.sub(r"\1", line).rpartition(":")
        tail = _WORD.findall(tail.lower())
        named = colon and len(tail) == 2 and len(_WORD.findall(head)) > 1 and not any(w.isdigit() for w in tail)
        return (_digest("prefix " + " ".join(words[:3])) if len(words) >= 5 and named_run and not _SPEC.match(line) else None,
                _digest("suffix " + " ".join(tail)) if named else None)

    def _buttons(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> set[int]:
        """Repeated lines that are a widget's whatever their place: a button, one verb alone
        ("Expand" under a product's specifications; a step says what to act on), and a table's
        header with no row left under it ("| **How Did We Research** |  |", its rule, and its
        rows that went: "| Models Evaluated | Hours Researched |")."""
        out, n = set(), len(units)
        # where the table a line is in ends, and its first row that stays, from each line on (one
        # backward pass: looking ahead from each header was quadratic in a run of headers)
        ends, kept = [n] * (n + 1), [n] * (n + 1)
        for v in range(n - 1, -1, -1):
            row = lines[units[v][0]].lstrip().startswith("|")
            ends[v] = ends[v + 1] if row else v
            kept[v] = v if row and v not in drop else kept[v + 1]
        for u, (i, k) in enumerate(units):
            if k is None:
                continue
            line = lines[i]
            words = _shown_words(line)
            if (len(words) == 1 and words[0].lower() in self.verbs and "](" not in line
                    and not (_LIST.match(line) or _HEADING.match(line) or _BOLD_LABEL.match(line))
                    and not self._list_label(units, lines, u) and k in repeated):  # (a contents list's "Expand": structure's)
                out.add(u)
            elif (line.lstrip().startswith("|") and u + 1 < len(units) and _table_rule(lines[units[u + 1][0]])
                  and k in repeated):
                if kept[u + 2] >= ends[u + 2]:  # every row under it went (or there is none)
                    out.update((u, u + 1))
        return out

    def _box(self, units, lines: list[str], under: list[int], drop: set[int]) -> bool:
        """A section that is a product's box: its picture, its name (a short label), the list of
        what it does, and chrome at its end ("![Secure](...) 100% Secure. No Ads." gone); no
        prose, spec, bold label, table or step in it (a review's specifications are its own)."""
        if not under or under[-1] not in drop:
            return False
        kinds = set()
        for w in under:
            if w in drop or units[w][1] is None:
                continue
            line = lines[units[w][0]]
            if _PICTURE_LINE.match(line):
                kinds.add("picture")
            elif _LIST.match(line) and not _NUMBERED.match(line):
                kinds.add("list")
            elif self._label(line) and not (_BOLD_LABEL.match(line) or _SPEC.match(line) or _NUMBERED.match(line)
                                            or line.lstrip().startswith("|")):
                kinds.add("label")
            else:
                return False
        return kinds == {"picture", "list", "label"}

    def _shop_tail(self, units, lines: list[str], drop: set[int]) -> None:
        """The body's end made of a shop widget: _TAIL_LINES lines or more, a third of them
        pictures or more (product shots, shops' logos) and the rest short labels without a full
        stop or lines of one link ("[Corsair RM550x 2021](shop)", "(Black)", "+3 months free",
        "Windscribe 1 month"), maybe a button last ("Load more deals"); no sentence, heading,
        list item, table row or step among them, a linked one ("[Tap Display](...)") as well.
        Only with a shop's evidence: a price or a deal's word (shop_labels), or two lines of
        one link to shops (an affiliate's host, a tagged shop's) or to two hosts or more (a
        how-to's screenshot gallery with "[Download Snapseed](store)" last stays). It goes
        from its first line that is no picture (pictures over it may be the article's: its charts)."""
        run: list[int] = []
        pictures = shops = 0
        hosts: set[str] = set()
        shop = False
        for u in range(len(units) - 1, -1, -1):
            if u in drop:
                continue
            i, k = units[u]
            line = lines[i]
            if k is None or _HEADING.match(line) or _LIST.match(line) or line.lstrip().startswith("|"):
                break
            if _shot(line):
                pictures += 1
                run.append(u)
                continue
            link = _ONLY_LINK.match(line) if len(line) <= 500 else None
            # (a longer line, "Deal ends Sunday at 40 dollars" or "Price drop from 40 to 90 dollars", ends
            # the walk: a deal post's own price line over its items, whatever its buttons that went)
            if not (self._label(line) or link and self._label(line, 2 * self.short_words)):
                break
            if run and (self._content(line) or link and self._acts(link.group(1))):
                break  # (a step's words, linked or not: only the button the body ends with)
            host, at_shop = self._shop_link(line)
            if host is not None:
                hosts.add(host)
                shops += at_shop
            shop = shop or self.shop_labels.search(_LINK.sub(r"\1", line)) is not None
            run.append(u)
        top = run[-1] if run else -1
        while run and _shot(lines[units[run[-1]][0]]):
            run.pop()  # (the topmost pictures stay)
            pictures -= 1
        if run and run[-1] != top and self._went_widget(units, lines, run, top, drop):
            drop.update(run[:-1])  # (the top picture's caption or name stays with it)
            return
        if (len(run) >= _TAIL_LINES and 3 * pictures >= len(run) and pictures >= 2
                and (shop or shops >= 2 or len(hosts) >= 2)):
            drop.update(run)

    def _went_widget(self, units, lines: list[str], run: list[int], top: int, drop: set[int]) -> bool:
        """_shop_tail's run (bottom up, under its topmost picture `top`) is a shop widget whose own
        lines went already ("[$299.99](shop)", "[See all prices](...)", shops' logos gone as chrome,
        each product's picture and name left between them): the lines that went between the top
        picture and the run's last line, and those right under that line (the last product's
        buttons and the widget's caption: no more than the widest gap between the lines left, and
        one), are as many as the run's lines left under the top picture's caption or more, make up
        _TAIL_LINES with them, and each gap between the lines left holds the shop's mark (shop_labels,
        or a link to a shop, as _marked asks). A picture's credit ("(Image credit: FixHub)") is no
        widget's line. A how-to's last screenshots and captions over the site's promo links stay:
        nothing but their credits went between them, and the promo under them is no evidence."""
        rest = run[:-1]  # (the line right under the top picture: its caption or name, kept with it)
        if not rest or not any(_shot(lines[units[u][0]]) for u in rest):
            return False
        between: list[int] = []
        widest = gap = 0
        gaps: list[list[str]] = [[]]  # the lines that went in each gap between two lines left
        for u in range(top + 1, run[0]):
            if self._gone(units, lines, u, drop):
                between.append(u)
                gaps[-1].append(lines[units[u][0]])
                gap += 1
                widest = max(widest, gap)
            else:
                gap = 0
                if u not in drop and gaps[-1]:
                    gaps.append([])
        if not between:
            return False
        under: list[int] = []
        for u in range(run[0] + 1, len(units)):
            if u not in drop or len(under) > widest:
                break
            if self._gone(units, lines, u, drop):
                under.append(u)
        went = between + under
        if not len(rest) <= len(went) or not len(rest) < _TAIL_LINES <= len(rest) + len(went):
            return False
        # the shop's mark (a price or deal's word, a link to a shop) in each gap between the products;
        # the lines under the last one left (the site's own promo under a how-to's last screenshot) are no evidence
        return all(any(map(self._shop_mark, texts)) for texts in gaps if texts)

    def _control_icons(self, units, lines: list[str], drop: set[int]) -> None:
        """A filter widget's controls, on one page as well as on many: one picture (an arrow, a chevron)
        after each of min_echoes_in_body labels or more, a run with nothing but short labels between
        (no sentence, no heading, no list item: a facet's name and its choices), and the labels right over
        its first picture ("Category", "![Arrow](arrow_down.png)", "Brand", "![Arrow](arrow_down.png)",
        "Lian Li", "Price", "![Arrow](...)", "Showing 10 of 40 deals", "SORT BY Price (low to high) ...
        ![Arrow](...)"). Only with a shop's mark among the labels (shop_labels: "Price", "40 deals"): a
        pros list drawn with a tick before each item is the article's."""
        at: dict[str, list[int]] = defaultdict(list)
        for u, (i, _) in enumerate(units):
            text = _LINK.sub(r"\1", lines[i])
            if "![" in lines[i] and not (_STOPS.search(text) or _HEADING.match(lines[i]) or self._content(lines[i])):
                for m in _PICTURE.finditer(lines[i]):  # (a step's "Click the ![arrow](...) icon." is none)
                    at[m.group(2)].append(u)
        at = {url: spots for url, spots in at.items() if len(spots) >= self.min_echoes}
        if not at:
            return
        # (counted once for the body: how many lines that are no control's label, and how many with a shop's mark,
        # each run holds, whatever the number of pictures; a run's own pictures are its controls)
        other = np.cumsum([0] + [not self._control_label(units, lines, u, drop) for u in range(len(units))])
        marks = np.cumsum([0] + [u not in drop and self._shop_mark(lines[units[u][0]]) for u in range(len(units))])
        for spots in at.values():
            first, last = spots[0], spots[-1]
            while first > 0 and first - 1 not in drop and not _shot(lines[units[first - 1][0]]) and self._control_label(
                    units, lines, first - 1, drop):  # (its first facet's name: "Category")
                first -= 1
            own = sum(other[u + 1] - other[u] for u in set(spots))
            if other[last + 1] - other[first] == own and marks[last + 1] > marks[first]:
                drop.update(range(first, last + 1))

    def _control_label(self, units, lines: list[str], u: int, drop: set[int]) -> bool:
        """Unit u is a widget's label between its controls (_control_icons): gone already, a picture
        alone, or a short line, no sentence, heading, list item or step ("Brand", "Any Price",
        "Showing 10 of 40 deals", "Filters ☰")."""
        i, k = units[u]
        line = lines[i]
        return u in drop or k is None or _picture_only(line) or (
            self._label(line) and not (_HEADING.match(line) or _LIST.match(line) or self._content(line)))

    def _gone(self, units, lines: list[str], u: int, drop: set[int]) -> bool:
        """Unit u is a widget's line that went (_went_widget); a picture's credit is none."""
        return (u in drop and units[u][1] is not None
                and self.credit.fullmatch(_credit_text(lines[units[u][0]])[0]) is None)

    def _shop_link(self, line: str) -> tuple[str | None, bool]:
        """The host of a line of one link (None for any other line) and whether it is a shop's (an
        affiliate's host, a tagged shop's: shop_hosts)."""
        link = _ONLY_LINK.match(line) if len(line) <= 500 else None
        if link is None:
            return None, False
        host = _host(link.group(2))
        return host, any(host == h or host.endswith("." + h) for h in self.shop_hosts)

    def _shop_mark(self, line: str) -> bool:
        """A shop widget's own mark (_went_widget, _marked): a price or a deal's word (shop_labels),
        links aside, or a line of one link to a shop."""
        return self.shop_labels.search(_LINK.sub(r"\1", line)) is not None or self._shop_link(line)[1]

    def _shop_box(self, units, lines: list[str], drop: set[int]) -> None:
        """A shop widget inside the body, its frame gone as chrome ("Today's best HYTE Y70 Touch
        deals" over it, "We check over 250 million products every day for the best prices" under
        it) and its buttons too ("[See all prices](...)", shops' logos), each product's shot and
        name left between them: the lines left between two lines that went, each a picture, a
        short label without a full stop or a line of one link (no sentence, heading, list item,
        table row, spec, step or linked action), go when the lines that went between them and
        with them are as many or more, a picture and a name are left, and those that went say it
        is a shop's (a price or a deal's word: shop_labels) or two lines link to shops. The
        article's pictures and captions between chrome (a credit, a share bar) stay: no shop's
        word among the lines that went; and so does a listicle's product shot alone between its
        card's lines that went (its maker's credit, its "[$45 at Amazon]" button)."""
        worded = [u for u in range(len(units)) if units[u][1] is not None or _PICTURE_LINE.match(lines[units[u][0]])]
        x = 0
        while x < len(worded):
            if worded[x] not in drop:
                x += 1
                continue
            left: list[int] = []
            went = [worded[x]]
            y = x + 1
            while y < len(worded):
                u = worded[y]
                if u in drop:
                    went.append(u)
                    if left and (y + 1 == len(worded) or worded[y + 1] not in drop):
                        break  # (a frame's end: the next line is left again, or none)
                    y += 1
                    continue
                if units[u][1] is not None and not self._box_line(lines[units[u][0]]):
                    break
                left.append(u)
                y += 1
            closed = y < len(worded) and worded[y] in drop
            shots = [_shot(lines[units[u][0]]) for u in left]
            if (left and closed and len(left) <= len(went) and any(shots) and not all(shots)
                    and self._marked(units, lines, worded[x:y + 1], drop)):
                drop.update(left)
            x = max(y, x + 1)

    def _marked(self, units, lines: list[str], span: list[int], drop: set[int]) -> bool:
        """Each stretch of lines that went in _shop_box's span (over its first line left, between
        each two of its products, under its last) holds the widget's own mark: a price or a deal's
        word (shop_labels: "Today's best ... deals", "[See all prices](...)", "We check ... for the
        best prices") or a link to a shop. A screenshot and its caption between the site's promo
        lines ("[Get 40% off ...]" over them, "[Download our free PC health checker]" under) and a
        listicle card's own shot and name (its "(Image credit: ...)" over them) stay."""
        stretches: list[list[str]] = [[]]
        for u in span:
            if u not in drop:
                if stretches[-1]:
                    stretches.append([])
            elif units[u][1] is not None:
                stretches[-1].append(lines[units[u][0]])
        return all(any(map(self._shop_mark, texts)) for texts in stretches if texts) and len([t for t in stretches if t]) >= 2

    def _box_line(self, line: str) -> bool:
        """A shop widget's line (_shop_box): a picture, a short label without a full stop, or a
        line of one link not longer than two labels; not a heading, list item, table row, spec,
        step's words or linked action."""
        if _shot(line):
            return True
        if (_HEADING.match(line) or _LIST.match(line) or line.lstrip().startswith("|") or _SPEC.match(line)
                or self._content(line)):
            return False
        link = _ONLY_LINK.match(line) if len(line) <= 500 else None
        if link:
            return self._label(line, 2 * self.short_words) and not self._acts(link.group(1))
        return self._label(line)

    def _footer(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> None:
        """The site's footer the body ends with: a line the rules' footer_marks name ("© Copyright
        2024 Acme Ltd.", "All rights reserved."), no longer than a paragraph and no content, with only
        short lines, pictures or links after it ("Legal Notice", "Follow Us" and its icons); and the
        run of lines right over it that a footer holds (_footer_line: "About", "* Privacy Policy",
        "* [Contact Us](...)", an address, a short heading), from its first line that is no picture
        (the article's last screenshot stays), up to a line of content. A short label worded as an
        action is a link's ("* Download", "* End User License Agreement") when the lines beside it
        are not: two in a row are the article's steps ("* Restart the router", "* Try again"), and
        the run does not open with one. The mark opens the line or a sentence ("... Ltd. © Copyright
        2024", not "The script below is Copyright (c) 2023 ..."), never in code indented 4 columns, and
        at most _FOOTER_AFTER lines follow it. The walk up crosses only lines the site repeats (their
        key in `repeated`, or in the body's last sections their _tail or exact key: the keys line_keys
        makes there, so a cached rebuild strips the same), pictures and lines of links: a single
        page's short lines are the article's own ("## Supported models" over its 40 models)."""
        after: list[int] = []
        mark = None
        for u in range(len(units) - 1, -1, -1):
            if u in drop:
                continue
            line = lines[units[u][0]]
            if units[u][1] is None or _INDENTED.match(line) or len(after) > _FOOTER_AFTER:
                return
            if (self._footer_mark(line) and not _HEADING.match(line) and not self._content(line)
                    and len(_shown_words(line)) <= 12 * self.short_words):
                mark = u
                break
            if _HEADING.match(line) or not (_picture_only(line) or _PICTURE_LINE.match(line) or self._links(line)
                                            or self._label(line, 2 * self.short_words)):
                return
            after.append(u)
        if mark is None:
            return
        run: list[int] = []
        acted = False  # (the line under this one named an action)
        first = _closing_start(units, lines)
        for u in range(mark - 1, -1, -1):
            if u in drop:
                continue
            line = lines[units[u][0]]
            acts = self._acts(_LINK.sub(r"\1", line))
            if (units[u][1] is None or not self._footer_line(line) or acts and acted
                    or not self._site_line(u, units, lines, repeated, first)):
                break
            run.append(u)
            acted = acts
        # (the topmost pictures stay, and so does an action the run would open with)
        while run and (_shot(lines[units[run[-1]][0]]) or self._acts(_LINK.sub(r"\1", lines[units[run[-1]][0]]))):
            run.pop()
        drop.update(after + [mark] + run)

    def _site_line(self, u: int, units, lines: list[str], repeated: set[bytes], first: int) -> bool:
        """Unit u is a line the site repeats (its key in `repeated`; below the body's closing start
        `first`, its exact or _tail key, the keys line_keys makes only there), a picture or a line
        of links."""
        line = lines[units[u][0]]
        if units[u][1] in repeated or _picture_only(line) or _PICTURE_LINE.match(line) or self._links(line):
            return True
        x = self._exact(line) if 0 <= first < u else None
        return x is not None and (x in repeated or _tail(x) in repeated)

    def _footer_mark(self, line: str) -> bool:
        """The line holds a footer mark (rules footer_marks) that opens it or one of its sentences,
        maybe after "Copyright" ("© 2024 Acme", "Copyright © 2024 Foo.", "... Ltd. © Copyright
        2024"), not one inside a sentence ("The script below is Copyright (c) 2023 ...")."""
        m = self.footer_marks.search(line)
        if m is None:
            return False
        before = _COPYRIGHT_WORD.sub("", line[:m.start()])
        return not before.strip(" \t*_>-+") or bool(_SENTENCE_END.search(before))

    def _closing_section(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> None:
        """The section the body ends with (the widgets after it that went aside: "#### Featured reviews"
        over its links) when it is the site's, not the article's: its heading found in
        min_families families or more ("## When will this deal expire?") and each of its lines found
        at the end of bodies of two families or more (_tail: "Deals are subject to sell out or expire at
        any time, though Example remains committed to ..."), none of them content (an action, a
        numbered step, a bold label, code) nor the heading a fix's ("## Fix 5: Contact support"). A
        step said at the end of many articles stays, and so does a closing heading of the site's over
        the article's own words ("## Final thoughts" over its conclusion), and a section that says what
        only the article can (_said_own: a link into the page, the article's code)."""
        under: list[int] = []  # the lines that stay under the last heading that keeps any
        last = len(units) - 1
        while last >= 0 and (last in drop or units[last][1] is None or not _HEADING.match(lines[units[last][0]])
                             or not under):
            if last not in drop and not _HEADING.match(lines[units[last][0]]):
                under.append(last)
            last -= 1
        # (a section before the body's last _CLOSING_SECTIONS has no _tail keys: line_keys made none there)
        if last < 0 or last < _closing_start(units, lines) or _fix_text(lines[units[last][0]]):
            return

        def closes(u: int) -> bool:
            x = self._exact(lines[units[u][0]]) if units[u][1] is not None else None
            return x is not None and _tail(x) in repeated and not self._content(lines[units[u][0]])

        if under and all(closes(u) for u in under) and units[last][1] in repeated \
                and not self._said_own(units, lines, [last] + under, drop, repeated):
            drop.update([last] + under)
            return
        # ...or a section of the site's whose lines reach only to the next heading when each heading
        # after it is the site's (found in many distinct articles, none a fix's) and the article's
        # words stay under one ("#### Featured reviews", its links gone, over the review's "_Editor's
        # Note: ..._"): those words are no part of the site's section. A section of the article's own
        # after it ("## Our verdict") leaves the site's section where it is, in the middle of the body.
        heads = [u for u in range(_closing_start(units, lines), len(units))
                 if units[u][1] is not None and _HEADING.match(lines[units[u][0]])]
        for h, nxt in zip(heads, heads[1:]):
            if h in drop or _fix_text(lines[units[h][0]]):
                continue
            if any(units[u][1] not in repeated or _fix_text(lines[units[u][0]]) for u in heads[heads.index(nxt):]):
                continue
            own = [u for u in range(h + 1, nxt) if u not in drop and units[u][1] is not None]
            if own and all(closes(u) for u in own) and units[h][1] in repeated and not self._said_own(
                    units, lines, [h] + own, drop, repeated):
                drop.update([h] + own)

    def _said_own(self, units, lines: list[str], section: list[int], drop: set[int], repeated: set[bytes]) -> bool:
        """The section (its heading's unit first) says what only the article can, however many
        bodies repeat it (spun near-copies of one article, too unlike to be one family, repeat its
        conclusion as a site repeats its closing blurb): it links into the page itself, to a part the
        page has ("try [**Fix 1**](#f1)" over "## Fix 1: Enable the device", _own_anchor; a site's
        template knows no page's parts, only its own anchors: "#comments", "#page-top", rules'
        template_anchors), or names a code or a model that the article's own text above it names too
        ("## Error code #22 fixed" under "... shows error code 22 ...": _codes), a code that bodies of
        other families do not end with where nothing above names it (_unsaid: "Convert every MP3 with
        SoundKit" at the end of many articles, a few of them on MP3s, is the site's blurb)."""
        above = [lines[units[v][0]] for v in range(section[0]) if v not in drop and units[v][1] is not None]
        if any(self._own_anchor(m, above) for u in section for m in _ANCHOR.finditer(lines[units[u][0]])):
            return True
        said = {c for u in section for c in _codes(lines[units[u][0]]) if _coded(c) not in repeated}
        return bool(said) and any(said & _codes(line) for line in above)

    def _own_anchor(self, m: re.Match, above: list[str]) -> bool:
        """In-page link m (_ANCHOR) leads to a part of this page: its anchor is none of a template's
        (template_anchors) and its text opens a heading above it ("[**Fix 1**](#f1)", "## Fix 1: ...")
        or its anchor is such a heading's slug ("#fix-2-reset-the-bios")."""
        anchor, words = m.group(2).lower(), _WORD.findall(m.group(1).lower())
        if not anchor or anchor in self.template_anchors:
            return False
        for line in above:
            if _HEADING.match(line):
                heading = _WORD.findall(_LINK.sub(r"\1", line).lower())
                if words and heading[:len(words)] == words or anchor == "-".join(heading):
                    return True
        return False

    def _footer_line(self, line: str) -> bool:
        """A line a footer holds over its copyright: a picture, a line of links ("* [Contact
        Us](...)"), a short label, maybe in a list ("* Privacy Policy", "Useful Links", "Houston, Texas
        77092-8227,"), a longer one with no sentence's end ("Technology You Can Trust A Brand Present
        Across The Globe"), a short heading ("### Why Choose Acme?"); not content (an action, a
        numbered step, a bold label, the pitch of a tool the article sells, an action longer than a
        label), a spec ("Weight: 1.2 kg"), a table's row, a longer heading."""
        if _picture_only(line) or _PICTURE_LINE.match(line):
            return True
        words = len(_shown_words(line))
        if (_NUMBERED.match(line) or _BOLD_LABEL.match(line) or self.products.search(line) or _SPEC.match(line)
                or line.lstrip().startswith("|") or self._acts(_LINK.sub(r"\1", line)) and words > self.short_words):
            return False
        if _HEADING.match(line):
            return words <= self.short_words
        return self._links(line) or words <= self.short_words or self._label(line, 2 * self.short_words)

    def _acts(self, text: str) -> bool:
        """Words that open with an action ("Open Settings", "Then tap Display")."""
        words = _WORD.findall(_LEAD.sub("", text, count=1).lower())
        if words and words[0] in self.openers:
            words = words[1:]
        return bool(words) and words[0] in self.verbs

    def _last_label(self, units, lines: list[str], repeated: set[bytes], drop: set[int]) -> None:
        """The headings the body ends with, nothing under them (no text, code, picture or rule),
        each a widget's label whose widget went: found in many distinct articles or worded as
        a shop's ("## More Tech Deals" over the list of links the cleaner took); no step's
        heading ("## Fix 2: Safe Mode", "## 8. Reset"), and not when nothing but headings is left.
        Under them, the lead-ins the body ends with (_lead_in) that lead into nothing: found in many
        distinct articles, a cross-link's label ("More:"), or over lines that went ("**Related
        Stories:**" over its list); one of the page's own ("You will need:") stays."""
        last, leads = [], 0
        for u in range(len(units) - 1, -1, -1):
            if u in drop:
                continue
            i, k = units[u]
            line = lines[i]
            if len(last) == leads and self._lead_in(line) and (k in repeated or self._cross_lead(line) or u + 1 in drop):
                last.append(u)  # ("**Related Stories:**", its list gone: it leads into nothing)
                leads += 1
                continue
            if not _HEADING.match(line):
                break
            text = _HEADING.sub("", line).strip()
            if (k is None or self._content(text) or _NUMBERED.match(text) or _LEAD.match(text).group(0).strip(" \t*_")
                    or not (k in repeated or self.shop_labels.search(_LINK.sub(r"\1", text)))):
                return  # (a step's heading, or one that may be the article's: it and all above stay)
            last.append(u)
        else:
            return  # (nothing but headings)
        drop.update(last)

    def _closing_cross(self, units, lines: list[str], cross: list[int], drop: set[int]) -> None:
        """A site's unwrapped cross-links (`cross`: a cross-link label that carries links in many distinct
        articles over a title, its link gone) that close two sections of the page or more under one
        label: the template's pointer under each item to its review ("**Read:** SilverStone PI02 Review"
        over the next item's picture and heading, "**Read:** Akasa Gem Pro Case Review" at the body's
        end), each the last line of its section, pictures and lines that went aside. One such line, or
        ones followed by the page's text ("**See also:** Driver Rollback Details" over a fix's next
        sentence), stays."""
        closing: dict[str, list[int]] = defaultdict(list)
        for u in cross:
            if u in drop:
                continue
            v = u + 1
            while v < len(units) and (v in drop or _picture_only(lines[units[v][0]]) or not _WORD.search(lines[units[v][0]])):
                v += 1
            if v == len(units) or _HEADING.match(lines[units[v][0]]):
                label = _LINK_LABEL.match(_BULLET.sub("", lines[units[u][0]], count=1))
                closing[" ".join(label.group(1).lower().split())].append(u)
        drop.update(u for us in closing.values() if len(us) >= 2 for u in us)

    def _lead_ins(self, units, lines: list[str], drop: set[int]) -> None:
        """A lead-in (_lead_in) whose lines went, all of them up to the body's end or the next heading
        that closes the lead-in's part (its level or higher): it leads into nothing ("**Must read:**" over
        the list of cross-links that went, then "## The best solar gifts"); one over a line left ("You
        will need:" over its list) or over a heading of its part stays ("Here is how to change the rate:"
        under "### Fix 1", over a bar of in-page links that went, then "#### On Windows 10:")."""
        level = 7  # (the level of the heading over the line: none, any heading closes its part)
        for u, (i, k) in enumerate(units):
            if (head := _HEADING.match(lines[i])) is not None:
                level = len(head.group(1))
            if k is None or u in drop or u + 1 not in drop or not self._lead_in(lines[i]):
                continue
            v = u + 1
            while v < len(units) and v in drop:
                v += 1
            if v == len(units) or (head := _HEADING.match(lines[units[v][0]])) is not None and len(head.group(1)) <= level:
                drop.add(u)

    def _cross_lead(self, line: str) -> bool:
        """A cross-link's label alone (the rules' cross_link_labels, a colon: "More:", "**Must read:**"),
        on one page as well as on many: its links went, the cleaner's or the chrome's (_last_label)."""
        plain = _LINK.sub(r"\1", line).strip(" \t*_>").rstrip(":：").strip(" \t*_")
        return " ".join(plain.lower().split()) in self.cross_labels

    def _lead_in(self, line: str) -> bool:
        """A short line that ends with a colon, no heading, list item or step's label: it leads
        into what follows it ("Extended Reading:", "**Related Stories:**")."""
        plain = _LINK.sub(r"\1", line).strip(" \t*_>")
        return (plain.endswith((":", "：")) and len(_WORD.findall(plain)) <= 2 * self.short_words
                and not (_HEADING.match(line) or _LIST.match(line) or _NUMBERED.match(line) or _STEP.match(line)
                         or _LEAD.match(line).group(0).strip(" \t*_")))

    @staticmethod
    def _whole_tables(units, lines: list[str], drop: set[int]) -> None:
        """A table is one block: when some of its rows (under its header and rule) stay, the
        ones that went for their repetition come back, header and rule as well ("| Screen Size / Aspect Ratio | 27
        inches / 16:9 |", the same in many monitor reviews, between the review's own rows).
        A table none of whose rows stays is left to the rest (_buttons: its header goes)."""
        u, n = 0, len(units)
        while u < n:
            i = units[u][0]
            if not lines[i].lstrip().startswith("|"):
                u += 1
                continue
            v = u + 1  # the table: its rows, one line after another
            while v < n and units[v][0] == units[v - 1][0] + 1 and lines[units[v][0]].lstrip().startswith("|"):
                v += 1
            rule = next((w for w in range(u, v) if _table_rule(lines[units[w][0]])), None)
            if any(w not in drop for w in range(rule + 1 if rule is not None else u, v)):
                drop.difference_update(range(u, v))  # (its header and rule too)
            u = v

    def _table_hint(self, units, lines: list[str], u: int) -> bool:
        """A short label without a full stop right over a table, whatever its verb: the
        table widget's hint ("Swipe to scroll horizontally"); repeated, it is chrome."""
        line = lines[units[u][0]]
        v = u + 2 if u + 2 < len(units) and _BOLD_LABEL.match(lines[units[u + 1][0]]) else u + 1  # (over its caption)
        return (v < len(units) and lines[units[v][0]].lstrip().startswith("|") and self._label(line)
                and not (_LIST.match(line) or _NUMBERED.match(line) or _BOLD_LABEL.match(line) or line.lstrip().startswith("|")))

    def _widget_label(self, heading: str, gone: list[bool], links: list[bool], first: str = "") -> bool:
        """A heading, found on one page only, that labelled a widget gone right under it,
        the article going on below it: two lines of links or more ("### More Crypto Coach"
        over four of the site's articles), or one line when the heading opens with a lower-case
        word as no article's heading does ("### latest developments" over a picture card;
        "### iPhone wallets exposed" opens with a name), or when that line was a card, a picture
        and another article's title in one link, under a short label that opens the body, over
        no text of the article yet (`first`: the card's line then, else ""; "### Executive guide"
        over "[![phishing.jpg](...) What is phishing? Everything you need to know ...](...)",
        the article's intro under it). Not a step's heading ("## Update the driver") nor one with
        nothing left under it."""
        run = next((j for j, g in enumerate(gone) if not g), len(gone))
        text = _HEADING.sub("", heading)
        if not run or run == len(gone) or self._content(text):
            return False
        words = text.strip(" *_#").split()
        return ((run >= 2 and all(links[:run])) or bool(words) and words[0].islower()  # (not "iPhone", "macOS")
                or run == 1 and bool(_PICTURE_CARD.match(first)) and self._label(text) and not _fix_text(heading))


def _heading_words(line: str) -> str:
    """A heading's or list item's shown words, lower case, its list mark, emphasis and
    number ("Fix 2:", "3.") aside."""
    return " ".join(_shown_words(_LEAD.sub("", line, count=1).lower()))


def _alone(units, lines: list[str], u: int) -> bool:
    """Unit u is the only line between two headings: a section of one line ("Why you can
    trust Tom's Hardware  Our expert reviewers ...", under a buying guide's heading)."""
    return (0 < u < len(units) - 1 and bool(_HEADING.match(lines[units[u - 1][0]]))
            and bool(_HEADING.match(lines[units[u + 1][0]])))


_LOST_SLACK = 40  # lines of the body over its cleaned rest (the title heading's) that _lost_targets reads past LOST_HEAD


def _series(items: list[str]) -> bool:
    """A list's items counted as its last is ("Part 2: Update Drivers" over "Part 3: Fix Wi-Fi
    Drops"): a series' index or a sequence's, not a path of sections."""
    words = [_WORD.findall(_heading_words(t).lower()) for t in items]
    last = words[-1]
    return len(last) >= 2 and last[1].isdigit() and any(
        len(w) >= 2 and w[0] == last[0] and w[1].isdigit() for w in words[:-1])


def _lost_targets(lost: tuple[str, ...], lines: list[str]) -> dict[int, str]:
    """The record of a body's lines that lost their links (clean.lost_links: "host<TAB>n<TAB>text")
    placed on the body's lines: each entry on the line of its text (clean.lost_key) that has n
    lines of that text over it (outside code blocks), when that line holds no link; a line's
    number -> the host. By its count, not by its text alone: a plain "* Home" of the article over
    the unwrapped "* [Home](...)" of a related list is not that line. An entry whose line the
    body does not have, or whose line there holds a link, is left."""
    want: dict[tuple[str, int], str] = {}
    for entry in lost:
        host, n, text = entry.split("\t", 2)
        want["".join(text.split()), int(n)] = host
    keys = {k for k, _ in want}
    out: dict[int, str] = {}
    code = code_lines("\n".join(lines[:LOST_HEAD + _LOST_SLACK]), LOST_HEAD + _LOST_SLACK)
    seen: dict[str, int] = {}
    for i, line in enumerate(lines[:LOST_HEAD + _LOST_SLACK]):
        if i in code or len(line) > LOST_LINE:
            continue  # (as lost_links reads the cleaned text: no code block's line, no label's line that long)
        key = lost_key(line)
        if key not in keys:
            continue
        n = seen.get(key, 0)
        seen[key] = n + 1
        host = want.get((key, n))
        if host is not None and "](" not in line:
            out[i] = host
    return out


def _within(item: list[str], heading: list[str]) -> bool:
    """Every word of a breadcrumb's last item is the heading's (as _nearly_same matches a word):
    it names the page, not a related one with more to it ("... on Mac")."""
    a = set(heading)
    return all(w in a or len(w) >= 2 and any(len(o) >= 2 and 0 < abs(len(o) - len(w)) <= 2
                                             and (o.startswith(w) or w.startswith(o)) for o in a) for w in item)


def _under(path: str, other: str) -> bool:
    """Page `other` is `path` or under it ("/windows/fixes" under "/windows", all under "")."""
    return other == path or other.startswith(path + "/")


def _nearly_same(heading: list[str], item: list[str]) -> bool:
    """A breadcrumb's last item names the page its heading does: nearly all of the heading's
    words are in it and most of its are in the heading (_NEARLY), a word matching another that
    is it with up to two letters more ("jeu" / "jeux", "maker" / "makers", "le" / "les")."""
    a, b = set(heading), set(item)

    def held(w: str, other: set[str]) -> bool:
        return w in other or len(w) >= 2 and any(len(o) >= 2 and 0 < abs(len(o) - len(w)) <= 2
                                                 and (o.startswith(w) or w.startswith(o)) for o in other)
    in_item, in_heading = sum(held(w, b) for w in a), sum(held(w, a) for w in b)
    # (two words at least: a heading of one word, "## Linux", is no page's whole title)
    return (bool(a) and min(in_item, in_heading) >= max(2, min(_NEARLY[2], len(a)))
            and in_item >= _NEARLY[0] * len(a) and in_heading >= _NEARLY[1] * len(b))


def _url_parts(url: str) -> tuple[str, str | None]:
    """The URL's path and host; a URL urllib cannot read (`http://[x`: "Invalid IPv6 URL",
    found by the build fuzzer, which stopped the whole build) has neither."""
    try:
        parts = urlsplit(url)
        return parts.path, parts.hostname
    except ValueError:
        return "", None
