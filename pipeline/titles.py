"""The entry's title, chosen by how well each candidate names what the text is about.

Candidates: every title the entry was published under (its title and alternate titles), the
same without the site's name (learned from the build: a word the tails of many entries'
titles say, "… | ZDNET", "… - Insights From ZDNet"; it also counts against a title), and
the body's headings that name the article rather than a part of it (not a fix, not a
review's "Design: ..." section; "5 Ways to Lock your Windows PC" as "Lock your Windows
PC"; a heading of one word that names something only where it is the body's first heading, before its prose, says
what the text is most about, the published titles fail and the page is no how-to but explains the thing, most of its
other headings saying the word, no deal, review or news, its own section more than a one-line definition: "What is
BIOS", `scored`). Each candidate word the text uses scores how widely it is
spread over the text (log of how many of its parts say it) times how specific it is to this article (inverse document
frequency over the build's entries), up to CONSENSUS more the more of the entry's other
titles say it (spinning rewords a title around its subject); a word the text never says
counts against it, a name UNSAID_NAME times as much (a word the build's texts write as a name,
"Garmin", or a model's shape, "R23": another product than the text's), a Windows version the
text never names (spinners swap 10 and 11) and spin ([title_choice] spin_patterns: "Fixed! ✅",
"[2020 Fixes]", "Easily", "Unveiled") more; spin and the site's name count nothing for a
candidate even where the text says them too ("fix it easily", "ZDNET's buying advice"), and
each title also competes without a part or closing words that are spin only ("… | Quickly &
Easily!"). The sum is divided by the square root of the candidate's length, so that a long
title does not win by saying many things. Words that name no subject ([title_choice]
generic_words) do not count either way.
A weak best candidate (scoring under WEAK) that lacks the word the text is most about
(`main_term`: "doorbell") gives way to a published title that says it, or to a span of the
intro that does ("The all-new Ring Battery Doorbell is now available" over "Ring Elevates
Entry-Level Security"); and one that lacks the name the text repeats (`main_name`: "Moto Tag")
gives way to a candidate that says it, or to a span of the intro that does ("Motorola just
launched the Moto Tag" over "Google Enhances Locator Capabilities with Moto's Tracking
Technology"). In a spun group published under many titles, some of other articles, a title that
lacks the main term (or the words of the main name) gives way to a published title that says
it and scores near it, when what it lacks outweighs in the text each word the best says alone
(`rival`: "... Say Goodbye to Blobs and Zits" over "Top-Ranked Filaments for Your 3D Printing
Needs" on a text about blobs and zits).

The error message the intro quotes or sets in bold ("**Unable to initialize DirectX 9 device**") competes as a
published title does when it says the word the text is most about (`messages`). A candidate's word that mixes
look-alike letters of another script into Latin ones ("Тhis") is written in Latin letters (`latin`), and a token a
generator put in that nothing attests ("RTX 3Nce 3080") or a number it left closing the title goes (`without_stray`).
An error code the text repeats (`0x803f8001`) that the best candidate garbles ("0X80amoor")
is put back; when no candidate names the subject at all, the title is a span of the text as
written: the opening of one of the intro's first sentences, up to a clause boundary, that holds
the text's most specific terms ("Asus is launching its first gaming mini-PC with the ROG NUC"),
or the best candidate when no sentence reads as a title.
"""
from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache

from .write import digest

_WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")
_SUFFIXES = ("ing", "ed", "es", "s")  # what `stem` takes off a word's end
# where a link (`[text](target)`, `![alt](src)`), a URL or a tag may start; the URL and the
# tag as they are removed
_START = re.compile(r"!?\[|https?://\S|<")
_URL = re.compile(r"https?://\S+")
_TAG = re.compile(r"<[^<>\n]{0,300}>")
_URL_OR_TAG = re.compile(f"{_URL.pattern}|{_TAG.pattern}")
_PARAGRAPH = re.compile(r"\n\s*\n")
_CODE = re.compile(r"\b0x[0-9a-f]{6,8}\b", re.I)
_CODEISH = re.compile(r"\b0x\w+", re.I)
# a title's token the way a generator garbles it ("7.abbbb GHz", "2N4", "100%%", "Windows 1지원",
# "Windows 1#", "GS3^[GS32Q](…)", "$1N"): digits run into letters or marks, another script, markup; and a
# title cut short ("… Windows 11, 10, 8 &", "… Safe Torrenting Tips for 'Spider-Man": a quotation never closed,
# up to the next quotation mark of any kind, so a title of thousands of “ is read once; an apostrophe before a
# number opens none: "Best Laptops of '24", "‘90s"). Counted only where the text does not spell the token.
_GARBLED = re.compile(r"\d\.[^\W\d_]|^\$?[12]\d{0,2}[^\W\d_]\d{1,2}$|^\$\d+[^\W\d_]$|%%|\d#|\^\[|\]\(|[^\W\d_\x00-\u024f]")
_CUT_SHORT = re.compile(r"[&,(\[]\s*$|(?:^|\s)[\"“‘'](?!\d)[^\"“”‘’']*$")
_EDGES = "\"'“”‘’.,:;!?*()[]"
_WINDOWS = re.compile(r"\bwin(?:dows)?\s*(\d{1,2}|xp|vista)\b((?:\s*/\s*(?:\d{1,2}))*)", re.I)
# a heading that names a part of the article, not the article: a fix, a step, a list number, a list's item
# ("Top 1: Minecraft", "Top #2 - ...", "Top 3 – ..."; not the list's own heading, "Top 20 Paid Android Games"),
# a review's section label ("Design: ...", "Setup: Easier than most")
_PART = re.compile(r"(?:fix|method|solution|step|option|way|part|also|see also|bonus|tip)\s*#?\d|top\s*#?\d+\s*[.):–—-]"
                   r"|\d+[.):]\s|[ivx]+\.\s"
                   r"|[\w-]+(?: [\w-]+)?\s*:\s", re.I)
# a label that names a part: a heading it opens names one of the article's fixes, steps or tips ("Quick Fix: ...")
_PART_LABEL = re.compile(r"\b(?:fix|fixes|method|methods|solution|solutions|step|steps|tip|tips)\b", re.I)
# a heading numbered as one of a list's items ("1  Make the Login Process Easier", "2  Remove ...")
_NUMBERED = re.compile(r"\d{1,2}\s+\S")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]\s")  # ("1. Outdated Software", "2) Low Storage")
# "5 Ways to Lock your Windows PC", "6 Fixes for Personalized Settings (Not Responding)"
_COUNTED = re.compile(r"^\s*(?:top\s+)?\d+\s+(?:quick\s+|easy\s+|simple\s+)?(?:ways|fixes|methods|solutions|tips)\s+"
                      r"(?:to\s+fix\s+|for\s+(?:fixing\s+)?|to\s+)?", re.I)


HEADING_HANDICAP = 2.0
QUOTED = 2.0  # for a published title the intro sets off word for word ("fix **Printer Offline on Windows 7**")
# a run the intro sets off: bold, or in quotes
_SET_OFF = re.compile(r"\*\*([^*\n]{3,150})\*\*|__([^_\n]{3,150})__|[“\"]([^”\"\n]{3,150})[”\"]")
MIN_BUILD = 50
SHARED_HEADING = 3  # entries
VERSION_SHARE = 0.6
LIST_ITEMS = 4  # headings
PROSE_WORDS = 5  # words of a line that reads as a sentence (`_prose`)
_NOT_PROSE = re.compile(r"(?:[*+-]\s|\d{1,3}[.)]\s|#|!\[|\|)")  # (a list item, a heading, a picture, a table row)
_PROSE_END = ".!?。！？"  # (past closing quotes and brackets)
AFFIX_ENTRIES = 5  # distinct entries whose titles wear one affix
GARBLED = 3.0  # against a candidate, for each garbled token
# a figure: a price ("$1,749", "£99", "S$1.5B", "$10K", "$1.6 Trillion") or a share ("50%", "67%%" as a template
# escapes it); and how near a figure the text writes a title's is said by it: a spinner rounds ("$30" for "$29.99",
# "Just Under $45" for "$44")
_AMOUNT = re.compile(r"[$£€¥₹]\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m|bn?|thousand|million|billion|trillion)\b(?!\.\d))?"
                     r"|(?<![\w.,])(\d+(?:\.\d+)?)\s?%"
                     r"|(?<![\w.,$£€¥₹])(\d[\d.,]*\d|\d)\s?(?:[$£€¥₹]|(?:usd|eur|gbp|dollars?|euros?)\b)", re.I)
# (the currency after the number, as many languages write it: "119,99 €", "30 USD", "80 dollars")
_DECIMAL_COMMA = re.compile(r"\d{1,3}(?:\.\d{3})*,\d{1,2}")
# ...and a bound's, which a title may set where the text writes only the prices under it (`figures`)
# (a discount's "Up to 40% Off" is no bound: a claim the text settles)
_BOUND = re.compile(r"(?i)\b(?:under|below|less than|sub)[\s-]*$")
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
FIGURE_NEAR, FIGURE_SHARE = 1.0, 0.01
FIGURE = 3.0  # for a candidate, each figure it writes that the text writes, and against it each the text never does
UNSAID_KEEP = 3  # words (not generic) a title keeps when its spin goes (`without_unsaid`)
# a composed title (TitleChooser.compose): of the most specific COMPOSE_TERMS terms, from the first
# COMPOSE_SENTENCES sentences, COMPOSE_MIN to COMPOSE_WORDS words
COMPOSE_TERMS, COMPOSE_SENTENCES, COMPOSE_MIN, COMPOSE_WORDS = 3, 4, 4, 16
# (not after an initial: "the U.S. State Department")
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+(?=[\"“‘'(]?[A-Z0-9])")
# a list's item ("1. Turn on ...", "Method 1:Re-install ...", "Step 2) Open ..."): a step, not a title
_ITEM = re.compile(r"(?:\w+\s+)?\d{1,2}\s*\\?[.):]")
# a quotation within a sentence (to its end when it is not closed)
_WORD_RUN = re.compile(r"\S+")
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
# a sentence's lead-in of up to three words ("Recently, ", "On Wednesday, ")
_LEAD_IN = re.compile(r"(?:[\w'’.-]+\s+){0,2}[\w'’.-]+,\s+")
# where a clause ends within a sentence: a mark, or a relative or linking word after a comma-less clause
_CLAUSE = re.compile(r"\s*[,;:]\s|\s+\(|\s+[—–-]\s+"
                     r"|\s+(?:which|that|who|whose|according to|thanks to|because|but|so that)\s", re.I)
# a list a comma opens, to where the sentence's clause goes on (", tablet, and PC", ", lock screens, and more"): items
# of LIST_WORDS words at most, two or more, the last led by "and" or "or"; a comma before it ends no clause
LIST_WORDS = 4
_LIST_REST = re.compile(r",\s*([^,.;:!?()—–]+(?:,\s*[^,.;:!?()—–]+)+?)\s*(?=[.;:!?()—–]|$)")
# two capitalised words in a row (found overlapping: "The Moto Tag" holds "Moto Tag")
_NAME = re.compile(r"(?<![\w'’.-])(?=([A-Z][\w'’.-]*+|[a-z]++[A-Z][\w-]*+)\s+([A-Z][\w'’.-]*|\d+[A-Za-z]*)\b)")
# (a name's two words after "to", the first in lower case: a sentence's verb and its object, "To disable SmartScreen",
# which a heading capitalises; not "turn off absolute Bluetooth volume", a feature's name: `lowered`)
_LOWER_FIRST = re.compile(r"(?<![\w'’.-])[Tt]o\s+(?=([a-z][a-z'’-]*+)\s+([A-Za-z][\w'’.-]*)\b)")
MAIN_PARTS, MAIN_WEIGHT = 3, 4.0  # (`main_term`)
MAIN_SHARE = 0.75  # a word the text is about beside its main term weighs as much times its weight or more (`main_terms`)
SUBJECT_PARTS = 2  # (`subject_words`)
SUBJECT_NAMED = 2  # times the text says a name an opening part keeps, or more (`polished`; not "Sony Storage" once)
WEAK = 4.0  # a best candidate's score under which it must name the text's main term (`choose`)
EXPLAINS = 1.5  # a one-word heading names the page only where two in three of the other headings say it (`scored`)
EXPLAINS_SENTENCES = 2  # ... and its own section says the thing in as many sentences or more (`scored`)
TO_VERB_WORDS = 3  # a verb taking "to" as a preposition within as many words before it (`lowered`)
# a title of another article in a spun group (`rival`): RIVAL of the best's score, MIXED_TITLES distinct titles,
# MIXED_PARTS parts of the text saying what the best lacks
RIVAL, MIXED_TITLES, MIXED_PARTS = 0.75, 10, 2 * MAIN_PARTS
STRONG = 10.0  # ... and under which it must name the main name when it names neither that nor the main term
KIND_NEAR = 0.75  # of the best's score, a candidate that names what the entry's kind is about may have (`kind_named`)
# a token that is an address or a picture's file, no word of a title ("2:max_bytes(150000)/_hero.jpg"): two of the
# marks of an address inside it, or a picture's extension (not "TCP/IP", "24/7", "api-ms-win-crt-runtime-l1-1-0.dll")
_ADDRESS = re.compile(r"\S[/(=:]\S*[/(=:]\S|\w\.(?:jpe?g|png|gif|webp|avif|svg)\b", re.I)
# a sentence that opens with a label ("Disclosure: ...", "Editor's note: ...", "Update (March 2024): ...")
_LABEL = re.compile(r"[\w'’]+(?:\s+[\w'’]+){0,2}(?:\s*\([^()]{0,40}\))?:\s")
_BULLET = re.compile(r"\s*(?:[-*+•]|\d{1,2}[.)])\s")  # a list's item line ("- Long battery life", "2. Tap Save")
MODEL_WORD = 40  # the longest word a model's name has (a longer one in a model's shape is a plain word: `form`)
SPELLED_WORD, SPELLED_TITLE = 8, 30  # the longest word `spelled_out` reads, and how many of the title's words
JOINING = frozenset(("for", "of", "and", "the", "on", "in", "to", "a", "an", "with"))
_MARKS = "\"'“”‘’.,:;!?* –—-"  # (what a message loses at its ends; not a bracket: "... correctly (0xc0000022)")
MESSAGE_WORDS = 12  # the longest message the intro sets off that is a candidate (`messages`)
SUMMARY_MIN, SUMMARY_WORDS = 3, 12  # the words of a heading or bold run that sums the text up (`summarised`)
CONSENSUS = 0.5  # how much more a word counts that every other title of the entry says too
UNSAID_NAME = 2.0  # how many times more a name the text never says counts against a candidate than another such word
# a word the build writes as a name: NAME_ENTRIES entries or more write it so (`capitalised`), NAME_SHARE of those that
# say it ("Garmin"; not "Ultimate", "Elite": a product's name in some texts, a plain word in as many others)
NAME_ENTRIES, NAME_SHARE = 3, 0.8
# a word the text writes with a capital inside a sentence (after a lower-case word, a number or a comma: "made by
# Garmin", "the new Epix"; a capital, then small letters only: not "CPUs", "OLED"), and a word it writes in lower case
# (`capitalised`)
_MID_CAPITAL = re.compile(r"(?<=[a-z0-9,;] )[A-Z][a-z]+(?![\w'’-])")
# ... and, for a name of any shape, a word with a capital anywhere in it there ("the Telegram chat list", "Some NVMe
# heatsinks", "an iPhone", "the Zero M15"; `capitalised` with `mid`)
_MID_NAME = re.compile(r"(?<=[a-z0-9,;] )[A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w'’-])")
_LOWER_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z0-9]*(?:['’-][a-z0-9]+)*")
# a token that names a model by its shape, as a title writes it: letters then a digit ("R23", "X570", "i9"), or a
# capital inside a word after a small letter ("ModelFarm", "iPhone"); not a figure ("6GHz", "5Th", "1TB") nor "Win10"
_MODEL_SHAPE = re.compile(r"(?<![A-Za-z])(?![Ww]in\d)[A-Za-z]+-?\d|[a-z][A-Z]")
# a site's name: a word in the tail of the titles of at least SITE_ENTRIES distinct entries,
# SITE_TAIL_SHARE times as many as say it elsewhere in their titles
SITE_ENTRIES, SITE_TAIL_SHARE = 5, 1.5
SITE_TAIL_WORDS = 4  # a tail that names a site is short ("Insights From ZDNet"); a longer one is the title's own
ASIDE_PASSES = 3  # asides in asides that name the site, removed one level a pass
# the parts of a title: "… | ZDNET", "… - Insights From ZDNet", "ZDNet Reveals: …"
_SEGMENT = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|:\s+")
_TAIL = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
# "… by ZDNet", "… An Analysis by ZDNet" (a short sentence of its own), "… Covered by ZDNet" (its
# participle goes too: not "How Crypto.com CEO Tackles Login Challenges Post $31 Million Hack Incident Covered";
# {P}: the participles, [title_choice] site_participles, not any word ending in "ed": "... Internet Speed With ...")
_BY_SITE = r"(?:(?<=[.?!])\s+(?:[\w-]+\s+){{0,2}}|(?:,?\s+(?:as\s+)?(?:\w+-)?(?:{P}))?\s+)(?:by|from|at|on|with)\s+(?:[\w.]+\s+){{0,2}}"
# "…, According to ZDNet", "… Spotlighted by ZDNet", "… as Explained by ZDNet": how a part of a title of its own ends
_BY_SITE_PART = r",?(?:\s+(?:as\s+)?(?:\w+-)?(?:{P}))?\s+(?:by|from|at|on|with|according\s+to)\s+(?:[\w.]+\s+){{0,2}}"


def _prose(text: str) -> bool:
    """`text` has a line that reads as a sentence: PROSE_WORDS words or more, not a list item, a heading,
    a picture or a table row, ending with a full stop, a question or exclamation mark (in any language;
    a contents line, "Qu'est-ce qu'un faible FPS? Corrections rapides Corrections avancées", is none)."""
    for line in text.splitlines():
        line = line.strip()
        if not line or _NOT_PROSE.match(line):
            continue
        said = plain(line).replace("*", "").replace("_", " ").strip()
        if len(said.split()) >= PROSE_WORDS and said.rstrip("\"'”’»)]")[-1:] in tuple(_PROSE_END):
            return True
    return False


def _after_list(sections: list[dict]) -> set[int]:
    """The sections whose heading comes after two numbered headings of its level or more ("1. Outdated
    Software", ..., "6. Cold Weather", then "Fix Your Slow iPhone With These Tips"; "10. Silly and Fun
    Accessories", then "3D Printing Is As Useful As It's Fun"; "Honorable Mention"): the list's last
    item or its conclusion, which the article's name comes before."""
    out, seen = set(), Counter()
    for k, s in enumerate(sections):
        h = " ".join(plain(s.get("heading", "")).replace("*", "").split())
        if _NUMBERED.match(h) or _LIST_NUMBER.match(h):
            seen[s.get("level")] += 1
        elif h and seen[s.get("level")] >= 2:
            out.add(k)
    return out


def site_words(titles: list[list[str]], generic: frozenset = frozenset()) -> frozenset:
    """The words that name the site the titles were published on, learned from them: a word
    that the tail of a title (after its last " | ", " - ") says, in many distinct entries,
    clearly more often than the rest of their titles does ("… | ZDNET", "… - TechRadar"), in
    tails of at most SITE_TAIL_WORDS words ("… - Silicone Cases That Shop Well" names no site).
    `titles`: each entry's titles. Words with a digit and generic words are no name."""
    tail, rest = Counter(), Counter()
    for ts in titles:
        t_words, r_words = set(), set()
        for t in ts:
            parts = _TAIL.split(t)
            if len(parts) > 1 and len(words(parts[-1])) <= SITE_TAIL_WORDS:
                t_words.update(words(parts[-1]))
            r_words.update(w for p in parts[:-1] if len(parts) > 1 for w in words(p))
            r_words.update(words(t) if len(parts) == 1 else ())
        tail.update(t_words)
        rest.update(r_words)
    return frozenset(w for w, n in tail.items() if n >= SITE_ENTRIES and n >= SITE_TAIL_SHARE * rest[w]
                     and w.isalpha() and w not in generic)


def without_spin_affixes(title: str, prefixes: list, suffixes: list) -> str:
    """The title without the spin a republisher wraps it in ([title_spin] prefixes and suffixes, compiled:
    "[Solved] ...", "... in 2024"), removed until none is left, its first plain word capitalized; the
    title itself when it would leave fewer than two words of two or more ("2024'S Guide", "[Solved]
    Printer": one word names nothing; unspun's guard too). The one cleaning of every candidate: a
    published title (consolidate/titling.TitleCleaner) and a heading (TitleChooser.unspun)."""
    t = " ".join(title.split())
    for _ in range(6):
        before = t
        for p in prefixes:
            t = p.sub("", t, count=1)
        for p in suffixes:
            t = p.sub("", t)
        t = t.strip(" ,:-–|")
        if t == before:
            break
    t = t if len(t.split()) >= min(2, len(title.split())) else title.strip()
    # a plain word is capitalized ("in 2024, how to ..."); a file or brand name is as written
    first = t.split(" ", 1)[0].rstrip(",:;!?").replace("-", "")
    return t[:1].upper() + t[1:] if first.isalpha() and first.islower() else t


def _affix_key(part: str) -> str:
    return re.sub(r"\d", "#", " ".join(part.lower().split()))


def spin_affixes(titles: list[list[str]], generic: frozenset = frozenset()) -> frozenset:
    """The spin a build's titles are wrapped in, learned from them: a first or last part of a
    title (`_SEGMENT`: "Step-by-Step Guide: …", "… - A Comprehensive Guide", "… | Quickly &
    Easily!"; digits as "#": "[2024 Fixes]" and "[2020 Fixes]" are one) that the titles of
    AFFIX_ENTRIES distinct entries or more have: a part of one article's subject recurs in
    its own spun titles, not across many articles'. `titles`: each entry's titles. A part of
    `generic` words only (and a year: "Step-by-Step Guide", "Fixes 2024"; not "Windows 7") says
    nothing of any article: spin however many entries wear it (counted, it was spin in a build of
    five such entries and none in a build of four, and a title moved with entries unrelated to it)."""
    seen = Counter()
    for ts in titles:
        parts = (_SEGMENT.split(t) for t in ts)
        seen.update({_affix_key(p) for ps in parts if len(ps) > 1 for p in (ps[0], ps[-1])})
    return frozenset(a for a, n in seen.items() if n >= AFFIX_ENTRIES or _says_nothing(a, generic))


def _says_nothing(affix: str, generic: frozenset) -> bool:
    """Whether an affix (`_affix_key`) is of generic words only, but for a year."""
    rest = re.sub(r"(?<!#)####(?!#)", " ", affix)
    said = words(rest)
    return "#" not in rest and bool(said) and all(w in generic for w in said)


def site_part_words(title: str, site: frozenset) -> set[str]:
    """The words of the title's last part after " | " or " - " (`_TAIL`, the part `site_words` learns
    from) when it names the site in at most SITE_TAIL_WORDS words ("… | ZDNET Analysis", "… - Insights
    From ZDNet"): the site's tail, which says nothing of the article even where the text says its words
    ("analysis"). Not a part after ":", which is the title's own ("Electric Motorcycle Review: Verge TS Ultra")."""
    parts = _TAIL.split(title)
    ws = words(parts[-1]) if len(parts) > 1 else []
    return set(ws) if len(ws) <= SITE_TAIL_WORDS and site & set(ws) else set()


def says(text: str, phrase: str) -> bool:
    """The text says the phrase word for word, in its case ("The iPhone 15 Pro Max costs ..."). A phrase of
    more than 16 words (no title) is not looked for."""
    ws = phrase.split()
    return 0 < len(ws) <= 16 and bool(re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, ws)) + r"(?!\w)", text))


def without_affixes(title: str, affixes: frozenset) -> str:
    """The title without a first or last part that is a spin affix (`spin_affixes`); the
    title itself when fewer than two words would be left."""
    seps, parts = _SEGMENT.findall(title), _SEGMENT.split(title)
    if len(parts) < 2:
        return title
    lo = int(_affix_key(parts[0]) in affixes)
    hi = len(parts) - int(_affix_key(parts[-1]) in affixes)
    out = "".join((seps[k - 1] if k > lo else "") + parts[k] for k in range(lo, hi)).strip(" |–—-:")
    return out if len(out.split()) >= 2 else title


def without_site(title: str, site: frozenset, participles=()) -> str:
    """The title without its parts that name the site ("Insights From ZDNet", "| ZDNET",
    "ZDNet Reveals:", "… by ZDNet"), but for a part that says more than a site's tail: it loses
    only its closing "…, According to ZDNet", "… Spotlighted by ZDNet"; the title itself if
    nothing is left or nothing names it. `participles` ([title_choice] site_participles: "covered",
    "featured") go with the "by" phrase they lead to; another word ending in "ed" stays ("Speed", "Feed")."""
    if not site or not site & set(words(title)):
        return title
    names = "|".join(sorted(re.escape(w) for w in site))
    led = "|".join(sorted(re.escape(w) for w in participles)) or "(?!)"  # ((?!): none)
    by_site_end, by_part_end = _BY_SITE.format(P=led), _BY_SITE_PART.format(P=led)
    # (a short aside that names it goes alone, wherever it is: "... Password Manager (ZDNet Recommended)";
    # an aside in one goes in the next pass, for ASIDE_PASSES: a title of thousands nested is spam, not work)
    aside_re = re.compile(rf"\s*\((?=[^()]*\b(?:{names}))[^()]*(?:\)|$)", re.I)
    for _ in range(ASIDE_PASSES):
        aside = aside_re.sub(lambda m: "" if len(words(m.group())) <= SITE_TAIL_WORDS else m.group(), title)
        if aside == title or len(aside.split()) < 2:
            break
        title = aside
        if not site & set(words(title)):
            return title
    seps = _SEGMENT.findall(title)
    parts = _SEGMENT.split(title)
    parts[0] = re.sub(by_site_end + rf"(?:{names})\w*\s*$", "", parts[0], flags=re.I)  # (a tail's own "From X" goes whole)
    # (a later part that says more than a site's tail does loses its "by X" and stays: "The Future Is AI: How
    # Multiple Machine Learning Models Will Power Your Business, According to ZDNet")
    by_site = re.compile(by_part_end + rf"(?:{names})\w*\s*$", re.I)
    parts[1:] = [q if len(q.split()) > SITE_TAIL_WORDS else p for p in parts[1:] for q in [by_site.sub("", p)]]
    kept = [(sep, p) for sep, p in zip([""] + seps, parts) if not site & set(words(p))]
    out = "".join((sep if k else "") + p for k, (sep, p) in enumerate(kept)).strip(" |–—-:")
    out = re.sub(by_site_end + rf"(?:{names})\w*\s*$", "", out, flags=re.I)
    return out if len(out.split()) >= 2 else title


def _key(heading: str) -> str:
    return " ".join(heading.lower().split())


@lru_cache(maxsize=1 << 17)  # (a build stems a million words, of a few tens of thousands)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def plain(text: str) -> str:
    """The text without link targets, URLs and markup (a link keeps its text, anything else
    becomes a space): from left to right, a link runs from `[` to the first `]`, then `(`
    to the first `)`. Linear: a `]` or `)` is searched for once for all the brackets before
    it (a regex tried at each of 40,000 `[` scanned the rest of the text from each: 25 s)."""
    text = text or ""
    out, pos, n = [], 0, len(text)
    found = {"]": -1, ")": -1}  # the first of each at or after the last place searched from

    def first(ch: str, start: int) -> int:
        if found[ch] < start:
            at = text.find(ch, start)
            found[ch] = n if at < 0 else at
        return found[ch]

    m = _START.search(text)
    while m:
        i, end, keep = m.start(), -1, " "
        if text[i] in "![":
            j = i + (text[i] == "!")
            close = first("]", j + 1)
            if close == n or first(")", close + 2) == n:  # no link can close from here on
                return "".join(out) + text[pos:i] + _URL_OR_TAG.sub(" ", text[i:])
            if close + 1 < n and text[close + 1] == "(" and (par := first(")", close + 2)) < n:
                end, keep = par + 1, f" {text[j + 1:close]} "  # ("has[achieved](…)": two words)
        if end < 0 and (u := _URL.match(text, i) or _TAG.match(text, i)):
            end = u.end()
        if end < 0:
            m = _START.search(text, i + 1)
            continue
        out += [text[pos:i], keep]
        pos = end
        m = _START.search(text, end)
    return "".join(out) + text[pos:]


def words(text: str) -> list[str]:
    return [stem(w.replace("'s", "").strip("'-")) for w in _WORD.findall(text.lower().replace("’", "'"))]


def _shouted(title: str) -> int:
    """How many of the title's words are shouted: four letters or more, all capitals ("MISSING"; a name such as
    "NVIDIA" counts too, but two candidates tied on the same words both say it)."""
    return sum(len(w) >= 4 and w.isalpha() and w.isupper() for w in title.split())


def says_word(title: str, word: str) -> bool:
    """Whether the title says the word (as `words` gives it), alone or as a part of a hyphenated word: the
    "holographic" of "How 3D-Holographic Techniques Store Up To 576 Bits", which `words` keeps whole."""
    said = words(title)
    return word in said or any(word in map(stem, w.split("-")) for w in said if "-" in w)


# Four-letter words whose "s" is no plural's ("news" is not "new", "bios" not "bio").
_NOT_PLURAL = frozenset({"news", "bios", "lens", "plus", "this", "thus", "does", "goes", "axis", "bias", "iris",
                         "alas", "sans"})


def singular(word: str) -> str:
    """A short word without the plural's "s" that `stem` leaves on it ("apps", "bugs", "tips")."""
    return word[:-1] if (len(word) == 4 and word.endswith("s") and not word.endswith("ss")
                         and word not in _NOT_PLURAL) else word


def names(text: str, name: str) -> bool:
    """Whether the text says the name (words joined by a space, as `main_name` gives it) as a run of its
    words, a word also in its plural: "10 Best Notes Apps for Android" says the "note app" of "Notes App"."""
    return f" {' '.join(map(singular, name.split()))} " in f" {' '.join(map(singular, words(text)))} "


def chunks(entry: dict) -> list[str]:
    """The text in parts: the summary's and each section's paragraphs (a section's heading
    with its first), so that how widely a word is spread tells on a text of one section too."""
    secs = [s.get("heading", "") + "\n" + s.get("text", "") for s in entry.get("sections", [])]
    intro = any(s.get("level") == 0 for s in entry.get("sections", []))  # (it holds the summary)
    parts = secs if intro else [entry.get("summary", "")] + secs
    return [p for part in parts for p in map(plain, _PARAGRAPH.split(part)) if p.strip()]


def capitalised(entry: dict, mid: re.Pattern = _MID_CAPITAL) -> list[str]:
    """The words (as `words` gives them, sorted) that the entry's text writes as a name: with a capital inside a
    sentence ("the new Epix Pro", "made by Garmin"; of the shape `mid` matches) and never in lower case. Its summary
    and sections' texts, not their headings (a heading capitalises every word: "How to Fix Brother Printer Not
    Printing")."""
    texts = [plain(t) for t in [entry.get("summary", ""), *(s.get("text", "") for s in entry.get("sections", []))]]
    caps = {w for m in {m for t in texts for m in mid.findall(t)} for w in words(m)}
    if not caps:
        return []
    # (each lower-case token once; one of letters and digits only is its own word, stemmed, without `words`' regex)
    lower = {m for t in texts for m in _LOWER_WORD.findall(t)}
    said = {stem(m) for m in lower if m.isalnum()} | {w for m in lower if not m.isalnum() for w in words(m)}
    return sorted(caps - said)


def _versions(text: str) -> Counter:
    """How often the text names each Windows version ("10", "xp")."""
    out = Counter()
    for m in _WINDOWS.finditer(text):
        out[m.group(1).lower()] += 1
        out.update(v.strip(" /") for v in m.group(2).split("/") if v.strip(" /"))
    return out


def figures(text: str, bounds: bool = True) -> frozenset:
    """The figures the text writes, each ("$", value) for a price in any currency, its sign before or after
    the number ("$30", "119,99 €", "30 USD"), or ("%", value) for a share:
    "Now $1,749 ($250 off), 12% less than its $2K launch" as {("$", 1749.0), ("$", 250.0), ("%", 12.0),
    ("$", 2000.0)}; not `bounds`: without a bound's figure ("The Best Earbuds Under $100": a limit, which the
    text need not write)."""
    out = set()
    for m in _AMOUNT.finditer(text):
        if not bounds and _BOUND.search(text, max(0, m.start() - 20), m.start()):
            continue
        if m.group(1):
            out.add(("$", float(m.group(1).replace(",", "")) * _SCALE.get((m.group(2) or "").lower(), 1)))
        elif m.group(4):
            number = m.group(4)
            if _DECIMAL_COMMA.fullmatch(number):  # ("1.299,99 €")
                number = number.replace(".", "").replace(",", ".")
            try:
                out.add(("$", float(number.replace(",", ""))))
            except ValueError:  # (a run of dots and commas that is no number: "1.2.3 €")
                pass
        else:
            out.add(("%", float(m.group(3))))
    return frozenset(out)


def said_figures(candidate: str, said: frozenset) -> tuple[int, int]:
    """(How many of a candidate's figures, `figures`, the text writes, how many it never does) of the text's
    figures `said`; a figure within FIGURE_NEAR or FIGURE_SHARE of one the text writes is said (a spinner rounds
    "$29.99" to "$30"). A spinner rewrites a deal's figures ("Secure $100 Off the AW3225QF" over a text that says
    "$200 knocked off"); a copy that keeps them writes what the text does ("Dazzle with a $200 Discount")."""
    found = [any(kind == f[0] and abs(v - f[1]) <= max(FIGURE_NEAR, FIGURE_SHARE * v) for kind, v in said)
             for f in figures(candidate, bounds=False)]
    return sum(found), len(found) - sum(found)


def version_penalty(candidate: str, versions: Counter) -> float:
    """Against a candidate: 4 for each Windows version the text never names (spinners swap 10
    and 11), 2 when it names only versions the text names less than VERSION_SHARE as often
    as its main one (a Windows 10 end-of-support article that mentions Windows 11 too)."""
    said = set(_versions(candidate))
    if not said:
        return 0.0
    top = max(versions.values(), default=0)
    main = {v for v, c in versions.items() if c >= VERSION_SHARE * top}
    return 4.0 * len(said - set(versions)) + (2.0 if not said & main else 0.0)


def squashed(text: str) -> str:
    """The text in lower case, its letters and digits only ("Revo Uninstaller" as "revouninstaller")."""
    return re.sub(r"[\W_]+", "", text.lower())


def spaced(text: str) -> str:
    """The text's runs of letters and digits, lower case, one space apart and between spaces ("Revo Uninstaller,
    v2" as " revo uninstaller v2 "): what `says_run` looks a word up in."""
    return " " + " ".join(re.findall(r"[^\W_]+", text.lower())) + " "


def says_run(flat: str, word: str) -> bool:
    """The text (as `spaced` gives it) says the word's letters and digits as whole words in a row, written
    together or apart, the last maybe with an ending `stem` takes off: "RevoUninstaller" where it writes "Revo
    Uninstaller", "S24" where it writes "Galaxy S24", "MacBook" (the stem of "MacBooks") where it writes "Mac Books";
    not "S24" where it writes "lasts 24 hours", nor "X570" inside "MX5700" or "X5700". Tried from each of the text's words
    that opens with the word's first letter, as far as the letters go: keep the word short (`MODEL_WORD`)."""
    chars = squashed(word)
    ending = "(?:" + "|".join(_SUFFIXES) + ")?"
    return bool(chars) and re.search(" " + " ?+".join(map(re.escape, chars)) + ending + " ", flat) is not None


def tokens(text: str) -> frozenset:
    """The text's whitespace-separated tokens, lower case, without quotes and end marks."""
    return frozenset(t.strip(_EDGES) for t in text.lower().split())


def garbled(candidate: str, spelled: frozenset) -> list[str]:
    """The candidate's tokens that look garbled (`_GARBLED`) and the text does not spell."""
    return [t for t in tokens(candidate) if _GARBLED.search(t) and t not in spelled]


_POSSESSIVE = re.compile(r"['’]s$")
_DECIMAL_POINTS = frozenset(f"{d}{p}" for d in "0123456789" for p in ".,")  # (a digit and a point: "15.n" of "15.6")
# a letter that closes a number as its unit, never a digit a spinner put a letter for ("$10K", "$15M", "$20B", "1.5x",
# "Node 18.x", "1080p", "100W", "5G", "24h", "3D")
UNIT_LETTERS = frozenset("kmbtgxpwhsvacdf")


def mixed_parts(token: str) -> list[str]:
    """The token's parts (between "/" and "-") that mix digits and letters, squashed ("$62N" as "62n"; "1440P/QHD"
    as "1440p"; none of "8.9-Inch", "14-Year-Old": each part is a number or a word)."""
    return [squashed(p) for p in re.split("[/-]", token)
            if any(ch.isdigit() for ch in p) and any(ch.isalpha() for ch in p)]


def says_unit(flat: str, mixed: str) -> bool:
    """The text (as `spaced` gives it) says a number with a closing letter as the number and a word of that letter
    ("$620M" where it writes "$620 million", "1.4B" where it writes "1.4 billion")."""
    m = re.fullmatch(r"(\d+)([a-z])", mixed)
    return bool(m) and re.search(" " + " ?".join(m.group(1)) + " " + m.group(2), flat) is not None


def unattested(candidate: str, spelled: frozenset, flat: str, titled: Counter) -> list[str]:
    """The candidate's tokens that mix digits and letters (`mixed_parts`) and that nothing attests: the text neither
    spells them (`spelled`) nor says their letters and digits as words in a row (`says_run` in `flat`: "6.5GHz"
    where it writes "6.5 GHz") nor says the number with a word of its closing letter (`says_unit`: "$15M" where it
    writes "$15 million"), and fewer than two of the entry's distinct titles write them (`titled`). A spinner
    garbles a number or a model into such a token ("$62N Million" where the text says $620 million, "LGA18n" for
    LGA1851); a figure two titles agree on is the title's own. Of the candidate's first SPELLED_TITLE tokens, each of
    at most MODEL_WORD characters (`says_run` reads the whole text)."""
    out = []
    for t in dict.fromkeys(t.strip(_EDGES) for t in candidate.lower().split()[:SPELLED_TITLE]):
        bare = _POSSESSIVE.sub("", t)
        if len(t) > MODEL_WORD or bare in spelled or titled[t] >= 2:
            continue
        if any(not says_run(flat, m) and not says_unit(flat, m) for m in mixed_parts(bare)):
            out.append(t)
    return out


def attested(title: str, spelled: frozenset, flat: str, titled: Counter) -> str:
    """The title with each token that nothing attests (`unattested`) as the text spells it where a spinner put a
    letter for a digit ("$62N Million" as "$620 Million" where the text says "$620 million", "in 2E23" as "in 2023",
    "P2nC" as "P20C"): each letter next to a digit, or after a digit and a point, may stand for one digit, but not a
    unit letter closing the number (`UNIT_LETTERS`: "$10K" is no "$100", "1.5x" no "1.55"); the token is put right
    only when the text spells exactly one token of four characters or more so, alone or as a part of a hyphenated
    word ("12" is no repair of "1K"), and says it next to the word the title writes beside the token ("$620 million"
    for "$62N Million"), and keeps its other letters as the title writes them. Of the title's first SPELLED_TITLE
    tokens, each of at most MODEL_WORD characters."""
    bad = set(unattested(title, spelled, flat, titled))
    if not bad:
        return title
    spelled = spelled | {p for t in spelled for p in re.split(r"[-/]", t)}  # ("15.6" of "15.6-inch")
    pieces = re.split(r"(\s+)", title)  # (words at even places, the spaces between at odd ones)
    words = pieces[::2]
    right: dict[tuple, str] = {}  # (each token beside its words put right once: a title may repeat it)

    def one_right(core: str, neighbours: tuple) -> str:
        last = len(core) - 1
        loose = [k for k, ch in enumerate(core) if k and ch.isascii() and ch.isalpha()
                 and (core[k - 1].isdigit() or core[k + 1:k + 2].isdigit() or core[k - 2:k] in _DECIMAL_POINTS)
                 and not (k == last and ch.lower() in UNIT_LETTERS)]
        if not loose:
            return core
        pattern = re.compile("".join(f"(?P<g{k}>{re.escape(ch.lower())}|\\d)" if k in loose else re.escape(ch.lower())
                                     for k, ch in enumerate(core)))
        found = [x for x in spelled if x != core.lower() and len(x) >= 4 and pattern.fullmatch(x)]
        if len(found) != 1 or not beside(found[0], neighbours):
            return core
        got = pattern.fullmatch(found[0])
        return "".join(ch if k not in loose or got.group(f"g{k}") == ch.lower() else got.group(f"g{k}")
                       for k, ch in enumerate(core))

    def beside(spelling: str, neighbours: tuple) -> bool:
        # (the text says the repair next to the title's word before it, or after it: "$620 million", "in 2023")
        said = spaced(spelling).strip()
        return bool(said) and any(n and (f" {said} {n} " in flat or f" {n} {said} " in flat) for n in neighbours)

    for i, word in enumerate(words[:SPELLED_TITLE]):
        inner = word.strip(_EDGES)
        if not inner or len(inner) > MODEL_WORD:
            continue
        core = _POSSESSIVE.sub("", inner)
        if inner.lower() not in bad:
            continue
        near = tuple(spaced(words[j].strip(_EDGES)).strip() for j in (i - 1, i + 1) if 0 <= j < len(words))
        if (core, near) not in right:
            right[core, near] = one_right(core, near)
        lead = word[:word.index(inner)]
        pieces[2 * i] = lead + right[core, near] + inner[len(core):] + word[len(lead) + len(inner):]
    return "".join(pieces)


# a figure with its unit, which a title may write as no text does ("$10K", "100K", "8GB"): no stray token
_FIGURE = re.compile(r"\$?\d[\d.,]*[" + "".join(sorted(UNIT_LETTERS)) + r"]{0,2}", re.I)


def without_stray(title: str, spelled: frozenset, flat: str, titled: Counter) -> str:
    """The title without a token a generator put in that nothing attests (`unattested`: "RTX 3Nce 3080" where the
    text says "RTX 3080"), where the text says the words on either side of it in a row; and without a number
    closing the title that the text never says after the word before it and fewer than two of the entry's titles
    write (`titled`): one a generator left as it cut the title ("... Developers Conference 2" of "Conference 2 #
    Problem" over a text on Google I/O 2024; "... Online Services 2024"), but not a Windows version (`true_version`
    reads those). Not a figure with its unit ("Win a $10K Gaming PC" where the text says "$10,000"). The title itself
    when fewer than three words would be left. Of its first SPELLED_TITLE words."""
    pieces = title.split()
    if len(pieces) < 4:
        return title
    bad = set(unattested(title, spelled, flat, titled))
    keep = [True] * len(pieces)
    for i, word in enumerate(pieces[:SPELLED_TITLE]):
        if 0 < i < len(pieces) - 1 and word.lower().strip(_EDGES) in bad and not _FIGURE.fullmatch(word.strip(_EDGES)):
            before, after = spaced(pieces[i - 1]).strip(), spaced(pieces[i + 1]).strip()
            keep[i] = not (before and after and f" {before} {after} " in flat)
    last, before = pieces[-1], pieces[-2].lower().strip(_EDGES)
    if (last.isdigit() and len(pieces) <= SPELLED_TITLE and titled[last] < 2 and before.isalpha()
            and not _WINDOWS.match(f"{before} {last}") and f" {before} {last} " not in flat):
        keep[-1] = False
    out = " ".join(p for p, k in zip(pieces, keep) if k)
    return out if sum(keep) >= 3 and not _DANGLING.search(out) else title


def without_garbled(title: str, spelled: frozenset) -> str:
    """The title without its parts (`_SEGMENT`) that hold a garbled token ("Core i9-11900K
    Breaks a Record: 7.abbbb GHz" as "Core i9-11900K Breaks a Record"); the title itself when
    none does or fewer than two words are left."""
    seps, parts = _SEGMENT.findall(title), _SEGMENT.split(title)
    kept = [(sep, p) for sep, p in zip([""] + seps, parts) if not garbled(p, spelled)]
    out = "".join((sep if k else "") + p for k, (sep, p) in enumerate(kept)).strip(" |–—-:")
    return out if len(kept) < len(parts) and len(out.split()) >= 2 else title


_OTHER_SCRIPT = re.compile(r"[^\W\d_\x00-\u024f]+")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CARET = re.compile(r"(?<!\S)\^+(?=\w)")  # (a caret a generator left in front of a word: "Legion Pro ^7I")


def latin(title: str, confusables: dict) -> str:
    """The title with each word that mixes Latin letters with letters of another script that look like them
    ([title_choice] confusables: a Cyrillic "Т" in "Тhis", a Greek "Ο") written in Latin letters only ("This"),
    and without a caret a generator left in front of a word ("Legion Pro ^7I" as "Legion Pro 7I"). A word
    of the other script only ("Тест"), or holding a letter of it that looks like no Latin one, stays."""
    def put_right(m):
        token = m.group()
        other = set("".join(_OTHER_SCRIPT.findall(token)))
        if not other or not _LATIN_LETTER.search(token) or not other <= confusables.keys():
            return token
        return "".join(confusables.get(ch, ch) for ch in token)
    out = re.sub(r"\S+", put_right, title) if _OTHER_SCRIPT.search(title) else title
    return _CARET.sub("", out) if "^" in out else out


def unscrambled(title: str, spelled: frozenset) -> str:
    """The title with each token that a generator ran another script into ("HD 지620S") as the
    text spells it without those letters ("HD 620S"); the title itself when the text spells
    no such token, or when the title is written in another script ("無料で使えるMovavi: ...")."""
    if len("".join(_OTHER_SCRIPT.findall(title))) * 5 > len(re.findall(r"[^\W\d_]", title)):
        return title
    def put_right(m):
        token = m.group()
        bare = _OTHER_SCRIPT.sub("", token)
        return bare if bare != token and bare.lower().strip(_EDGES) in spelled and bare.strip(_EDGES) else token
    return re.sub(r"\S+", put_right, title)


def without_unsaid(title: str, tf: Counter, generic: frozenset) -> str:
    """The title without an opening or closing part (`_SEGMENT`) of which the text says no word
    ("Complete Walkthrough: …", "…: Effective Strategies", "… - Find Out More") and without an
    opening adverb it never says ("Easily Access …"): the spin a republisher wraps a title in;
    the title itself when fewer than UNSAID_KEEP words that are not generic would be left ("USB
    Printer Error: Unresponsive on Win7 Restart" is not "USB Printer Error"), or nothing goes.
    Generic words say nothing either way."""
    def unsaid(part):  # (a part with a number names a model, a code or a version: it stays)
        return not any(tf[w] for w in words(part) if w not in generic) and not re.search(r"\d", part)
    seps, parts = _SEGMENT.findall(title), _SEGMENT.split(title)
    lo = int(len(parts) > 1 and unsaid(parts[0]))
    hi = len(parts) - int(len(parts) > lo + 1 and unsaid(parts[-1]))
    out = "".join((seps[k - 1] if k > lo else "") + parts[k] for k in range(lo, hi)).strip(" |–—-:")
    first, _, rest = out.partition(" ")
    if first.lower().endswith("ly") and first[:1].isupper() and unsaid(first) and len(rest.split()) >= 3:
        out = rest[:1].upper() + rest[1:]
    kept = [w for w in words(out) if w not in generic]
    return out if len(kept) >= UNSAID_KEEP and not _DANGLING.search(out) else title


def spin_words(text: str, spin: list) -> set[str]:
    """The words of a text that its spin ([title_choice] spin_patterns) says."""
    return {w for p in spin for m in p.finditer(text) for w in words(m.group())}


def without_spin(title: str, spin: list, generic: frozenset) -> str:
    """The title without an opening or closing part (`_SEGMENT`) that says nothing but spin ([title_choice]
    spin_patterns and generic words: "… | Quickly & Easily!", "Ultimate Guide: …") and without the spin words
    it ends with ("… on Laptop Screen. Easily", "… Effortlessly", "… ✅"); the title itself when
    fewer than two words that are not generic would be left, or nothing goes."""
    def is_spin(part):
        return any(p.search(part) for p in spin)

    def only_spin(part):  # (spin and generic words only: "Quickly & Easily!", "Ultimate Guide")
        spun = spin_words(part, spin)
        return is_spin(part) and not [w for w in words(part) if w not in generic and w not in spun]
    seps, parts = _SEGMENT.findall(title), _SEGMENT.split(title)
    lo = int(len(parts) > 1 and only_spin(parts[0]))
    hi = len(parts) - int(len(parts) > lo + 1 and only_spin(parts[-1]))
    out = "".join((seps[k - 1] if k > lo else "") + parts[k] for k in range(lo, hi)).strip(" |–—-:")
    toks = out.split()
    while toks and (toks[-1].strip(_EDGES).lower() in ("&", "and", "") or is_spin(toks[-1].strip(_EDGES))
                    and re.search(r"(?:ly|ed)$|^[^\w]*$", toks[-1].strip(_EDGES).lower())):  # (not "Must Master")
        toks.pop()
    out = " ".join(toks).rstrip(" .,;:&|–—-")
    kept = [w for w in words(out) if w not in generic]
    return out if len(kept) >= 2 and not _DANGLING.search(out) else title


def without_spin_words(title: str, spin_words: list, flat: str, others=(), not_first=frozenset(),
                       labels=frozenset(), stays=None) -> str:
    """The title without the spin inside it ([title_choice] spin_words, compiled: "The Ultimate Guide to ..." as
    "Guide to ...", "Unveiling the Power of Asus Zenbook S16" as "Asus Zenbook S16", "How to Quickly Solve ..."
    as "How to Solve ...", "Solved: printer offline" as "Printer offline"). A match stays where the text (`flat`, as
    `spaced` gives it) says it with the word after it: a name ("Ultimate Ears Everboom", "Fixed Wireless Access"); a
    status label of `labels` opening the title without a colon ("Fixed Printer Error") goes only when the entry has
    other titles (`others`, its published titles) and none opens with the same two words. The title itself
    when what is left has fewer than three words, opens with a part of one word ("Mastering Security: My Experience
    ..." is not "Security: ..."), opens with a word of `not_first` ("Of the Galaxy ...") or dangles. A match that is
    the title's opening part, set off by a mark, stays where `stays` (given the part and the rest) says it names
    what the text is about ("Boost FPS in Valorant: ..."; `subject_opening`). Capitalised only where a removal took
    the start and left a word all in lower case ("iPhone", "macOS" stay)."""
    was = " ".join(title.split())
    if len(was) > _MAX_SPUN_TITLE:  # (no title is that long: left as it is, the work kept linear)
        return title
    pairs = {" ".join(o.lower().split()[:2]) for o in others if " ".join(o.split()) != was}
    out = was
    for p in spin_words:  # (each pattern's removal kept only where what is left stands as a title)
        def drop(m, text=out):
            after = _NEXT_WORD.match(text, m.end())
            if after and spaced(m.group() + " " + after.group(1)) in flat:
                return m.group()
            if stays and m.start() == 0 and _OPENING_PART.search(m.group()) and stays(m.group(), text[m.end():]):
                return m.group()
            if m.start() == 0 and ":" not in m.group() and m.group().split()[0].lower() in labels:
                pair = (m.group().split()[0] + " " + (after.group(1) if after else "")).lower()
                return m.group() if not pairs or pair in pairs else ""
            return ""
        left = " ".join(p.sub(drop, out, count=_MAX_SPIN_MATCHES).split())
        if (len(left.split()) >= 3 and len(_SEGMENT.split(left)[0].split()) >= 2 and not _DANGLING_PART.search(left)
                and left.split()[0].lower() not in not_first):
            out = left
    if out == was:
        return title
    first = out.split()[0]
    return out[:1].upper() + out[1:] if first.islower() and not was.startswith(first) else out


def subject_opening(part: str, rest: str, main: frozenset, generic: frozenset, shared: frozenset | None = None,
                    names: frozenset = frozenset()) -> bool:
    """Whether a title's opening part that spin_words would take ("Boost FPS in Valorant:", "Discover Unmatched
    Storage and Speed:") names what the text is about, and so stays: a word of it but its first (the verb) is one
    the text writes as a name (`names`: `capitalised` of any shape, "Telegram", "NVMe") and the rest does not say
    ("Mastering Telegram: How to Sort Chats into Folders", "Elevating NVMe Drive Efficiency: In-Depth Look At The
    Best Coolers ..."; not "Mastering Averages:", which the text writes in lower case); or the part's words but its
    first are all of `main` (the entry's main words: `TitleChooser.subject_words`; "FPS", "Valorant"; not "Unmatched")
    and, where the entry has other published titles, one of them is of `shared`, the words half of those say (a
    respin keeps the subject: "Unlocking Security: ... 1Password" beside nine titles, two saying "Security", goes);
    or the rest names none of `main` ("What to Check Before You Buy" says nothing of "Laptop RAM")."""
    said = [w for w in words(part)[1:] if w not in generic]  # (none of a label's: "Solved:" goes)
    if any(w in names and w not in words(rest) for w in said):
        return True
    if not main or not said:
        return False
    return (all(w in main for w in said) and (shared is None or any(w in shared for w in said))
            or not any(w in main for w in words(rest)))


_OPENING_PART = re.compile(r"(?:[:|–—!]|\s-)\s*$")  # (a match that is an opening part, set off by its mark)
_MAX_SPUN_TITLE = 300  # characters
_MAX_SPIN_MATCHES = 8  # a pattern's matches in one title
_NEXT_WORD = re.compile(r"\s*(\S+)")

# a part of a title left opening or closing with a conjunction ("Printer Compatibility: and Canon's MP620")
_DANGLING = re.compile(r"(?:^|[:|–—-])\s*(?:and|&|or|vs)\b|\b(?:and|&|or|on|in|for|by|with|to|under|at|of|from)\s*(?:$|[:|–—-])", re.I)
# the same where a hyphen sets a part off only with a space before it ("Step-by-Step", "Plug-and-Play", "Built-in" are
# words): what is left once spin_words went ("Mastering GPU Benchmarks: A Step-by-Step Guide ..." as "GPU Benchmarks: A
# Step-by-Step Guide ..."). Only there: the candidates' scores keep _DANGLING, whose forms the choice was weighed on
_DANGLING_PART = re.compile(r"(?:^|[:|–—]|\s-)\s*(?:and|&|or|vs)\b|(?<!-)\b(?:and|&|or|on|in|for|by|with|to|under|at|of|"
                            r"from)(?:\s*(?:$|[:|–—])|\s+-)", re.I)
_V = r"(?:\d{1,2}|xp|vista)\b"
# where a title names Windows versions, with its preposition: " in Windows 11", " on Win 10 & 7", " (Windows 11/10)"
_VERSIONS = (r"\bwin(?:dows)?\s*" + _V + r"(?:\s*(?:/|,|&|\band\b|\bor\b)\s*(?:win(?:dows)?\s*)?" + _V + r")*[)\]]?")
_AFTER = r",\s*|\s+(?:in|on|for|with|under)\s+|\s*[(\[]\s*"
_VERSION_PHRASE = re.compile(f"(?:{_AFTER})?{_VERSIONS}", re.I)
# such a phrase that is a part of the title of its own, which can go: after a preposition or a mark, or
# opening the title, and ending a part ("New Windows 11 - ...", "Windows 11 Driver List" and "Win11 Systems" name things)
_VERSION_END = re.compile(f"(?:^|{_AFTER}){_VERSIONS}" + r"(?=\s*(?:$|[:|–—,(-]))", re.I)


def true_version(title: str, versions: Counter) -> str:
    """The title with the Windows versions it names put right when the text contradicts them
    (`version_penalty`; spinners swap 10 and 11): one version as the one the text names most
    ("Windows 11 Display Too Big" on a Windows 10 article as "Windows 10 Display Too Big");
    without them when the text names none or several as often ("High CPU Usage by
    svchost.exe in Windows 11" as "High CPU Usage by svchost.exe"), or when the title names
    several and the text none of them ("... Driver for Windows 11/10"); without those the text never
    names when it names the others (`said_versions`: "Windows 11/10/8/7" over a text on 10, 8 and 7).
    Otherwise, or when fewer than two words would be left, the title itself."""
    phrases = list(_VERSION_PHRASE.finditer(title))
    if not version_penalty(title, versions) or len(phrases) != 1:
        return title
    named = {v.lower() for v in re.findall(_V, phrases[0].group(0), re.I)}
    (top, n), *rest = versions.most_common(2) or [(None, 0)]
    if len(named) == 1 and n and not (rest and rest[0][1] == n):
        return title.replace(phrases[0].group(0), re.sub(_V, top, phrases[0].group(0), flags=re.I))
    if named & set(versions):
        return title.replace(phrases[0].group(0), said_versions(phrases[0].group(0), versions))
    out = " ".join(_VERSION_END.sub(" ", title).split()).strip(" |–—-:,&")
    if _VERSION_PHRASE.search(out):  # (a version it could not take out)
        return title
    return out if len(out.split()) >= 2 and not _DANGLING.search(out) else title


def said_versions(phrase: str, versions: Counter) -> str:
    """A phrase naming several Windows versions (`_VERSIONS`) without those the text never names, when the text names
    no version the phrase does not: a spinner added one to the list ("Windows 11/10/8/7" over a text on 10, 8 and 7 as
    "Windows 10/8/7"). Otherwise the phrase itself: a version swapped for another ("Windows 11/7" over a text on 10
    and 7) is no version added, and leaving it out would say less than the text ("Windows 7")."""
    items = list(re.finditer(_V, phrase, re.I))
    kept = [m.group(0) for m in items if m.group(0).lower() in versions]
    if len(items) < 2 or len(kept) in (0, len(items)) or set(versions) - {v.lower() for v in kept}:
        return phrase
    between = re.sub(r"win(?:dows)?\s*", "", phrase[items[0].end():items[1].start()], flags=re.I)
    return phrase[:items[0].start()] + between.join(kept) + phrase[items[-1].end():]


def spelled_out(word: str, title: str) -> bool:
    """The title spells the word out as the initials of capitalised words in a row: "AMD Fluid Motion Frames"
    for "afmf", "Windows Subsystem for Linux" for "wsl" (a joining word, JOINING, is passed over, whatever its
    case: "Trackers And Gadgets" spells "tg", not "tag"). Only a word of 3 to SPELLED_WORD letters, in the
    title's first SPELLED_TITLE words."""
    if not 3 <= len(word) <= SPELLED_WORD or not word.isalpha():
        return False
    ws = [w for w in re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", title)[:SPELLED_TITLE] if w.lower() not in JOINING]
    initials = "".join(w[0].lower() if w[0].isupper() else " " for w in ws)
    return word.lower() in initials


def list_end(sentence: str, at: int) -> int:
    """Where the list that the comma at `at` (past spaces) opens ends, or -1 when it opens none: its items run to
    the sentence's next mark, two items or more, each of LIST_WORDS words at most, the last led by "and" or "or"
    ("… function as a phone, tablet, and PC."): its commas end no clause. Not one before an aside ("…, which …"),
    a single item ("a single, unified app") or items of more words ("…, a slim phone that opens into a small
    screen and a laptop")."""
    m = _LIST_REST.match(sentence, at + len(sentence[at:]) - len(sentence[at:].lstrip()))
    if not m:
        return -1
    items = [i.split() for i in m.group(1).split(",")]
    listed = (all(0 < len(i) <= LIST_WORDS for i in items) and items[-1][0].lower() in ("and", "or")
              and not any(w.lower() in ("and", "or") for i in items[:-1] for w in i))
    return m.end() if listed else -1


def canonical(value):
    """The value in a form whose repr does not depend on the order of sets and dicts."""
    if isinstance(value, (set, frozenset)):
        return sorted(map(canonical, value), key=repr)
    if isinstance(value, dict):
        return sorted(((canonical(k), canonical(v)) for k, v in value.items()), key=repr)
    if isinstance(value, (list, tuple)):
        return [canonical(v) for v in value]
    if isinstance(value, re.Pattern):
        return ("re", value.pattern, value.flags)
    return value


class _Asked(frozenset):
    """A set that notes what it was asked about (`in`) and its answers: `asked`."""
    def __new__(cls, items):
        out = super().__new__(cls, items)
        out.asked = {}
        return out

    def __contains__(self, item) -> bool:
        self.asked[item] = found = frozenset.__contains__(self, item)
        return found


SECTION_READS = ("heading", "id", "level", "parent", "text")  # (what the chooser reads of a section, `read_of`)


def read_of(entry: dict) -> dict:
    """What TitleChooser reads of an entry, and only that: its titles, summary, kind, sections (SECTION_READS) and
    the sections its steps are under (not its sources, which a spun copy more changes: the chooser keeps
    what it found by this). A field the entry lacks stays missing (read with the same default)."""
    out = {k: entry[k] for k in ("title", "alternate_titles", "summary", "kind") if k in entry}
    if "sections" in entry:
        out["sections"] = [{k: s[k] for k in SECTION_READS if k in s} for s in entry["sections"]]
    if "steps" in entry:
        out["steps"] = [{"section": st["section"]} if "section" in st else {} for st in entry["steps"]]
    return out


class TitleChooser:
    """`memo` (the cache: word_counts/put_word_counts, names/put_names, title/put_title, prepared/put_prepared),
    if given, keeps each entry's word counts by what the chooser reads of it (`read_of`, write.digest), each
    title chosen by that and everything else the choice reads of the build (`_state`), and each
    entry's candidates as `prepared` reads them, by the entry and the state but its idf (a
    new entry moves every word's idf: the candidates are scored again, not found again). The
    chooser is given those reads only (`entries`, what `chosen` chooses from), so an entry
    whose sources alone changed (a spun copy more under a title it already had) is the same
    entry to it."""
    NOT_STATE = ("texts", "tf", "memo", "keys", "state", "entries", "prep_state", "names")  # (the entries' own)
    # (what `prepared` does not read of the state, or reads only in part: the shared headings it
    # asks about are kept with what it found, which holds while they are shared as they were)
    NOT_PREPARED = ("idf", "unknown", "shared_headings", "proper")

    def __init__(self, generic, entries: list[dict], spin=(), memo=None, openers=(), pronouns=(), title_spin=((), ()),
                 participles=(), spin_words=(), spin_not_first=(), spin_labels=(), confusables=(),
                 message_words=(), kind_nouns=(), not_explainers=(), to_verbs=(), lead=((), (), (), ())):
        self.generic = frozenset(stem(w.lower()) for w in generic)
        self.spin = [re.compile(p, re.I) for p in spin]
        self.spin_words = [re.compile(p, re.I) for p in spin_words]  # (`without_spin_words`)
        self.spin_not_first = frozenset(w.lower() for w in spin_not_first)
        self.spin_labels = frozenset(w.lower() for w in spin_labels)
        self.confusables = {c[0]: c[1] for c in confusables}  # (`latin`: "Т" -> "T")
        self.message_words = [re.compile(p, re.I) for p in message_words]  # (`messages`)
        # (`kind_named`: a kind -> the words one of which a title of an entry of that kind says, "driver")
        self.kind_nouns = {kind: frozenset(x for w in ws for x in words(w)) for kind, *ws in (n.split() for n in kind_nouns) if ws}
        self.not_explainers = frozenset(not_explainers)  # (the kinds of page no one-word heading names, `scored`)
        # (the verbs whose "to" opens no infinitive but a place or a state, "switch to dark mode": `lowered`)
        self.to_verbs = frozenset(tuple(words(v)) for v in to_verbs)
        # ([title_spin] prefixes, suffixes: the spin a published title loses, which a heading loses too)
        self.spin_prefixes = [re.compile("^(?:" + p + ")", re.I) for p in title_spin[0]]
        self.spin_suffixes = [re.compile("(?:" + p + ")", re.I) for p in title_spin[1]]
        self.openers, self.pronouns = frozenset(openers), frozenset(pronouns)
        # (`reported`: the kinds of page a lead sentence's report titles, its shapes, the floor and the margin)
        kinds, report, floor, margin = lead
        self.lead_kinds, self.lead_report = frozenset(kinds), [re.compile(p) for p in report]
        self.lead_floor = max((float(v) for v in floor), default=float("-inf"))
        self.lead_margin = max((float(v) for v in margin), default=0.0)
        self.participles = tuple(sorted({w.lower() for w in participles}))  # (`without_site`)
        self.memo, self.state, self.prep_state = memo, None, None
        entries = [read_of(e) for e in entries]
        self.keys = [digest(e) if memo is not None else None for e in entries]
        self.entries = entries
        self.texts: list[list[str] | None] = [None] * len(entries)  # (chunks, read when needed: `parts`)
        self.names: dict[int, list[str]] = {}  # (entry k's names, `_names`)
        # a heading that several entries share is the site's chrome ("Get the ... Newsletter"), no title
        self.shared_headings = {h for h, c in Counter(h for e in entries for h in {_key(s.get("heading", ""))
                                                                           for s in e.get("sections", [])}).items()
                                if c >= SHARED_HEADING}
        # how widely each word is spread over the text: in how many of its parts it occurs
        self.tf = [self._counted(k) for k in range(len(entries))]
        df = Counter(w for tf in self.tf for w in tf)
        n = max(len(entries), MIN_BUILD)  # (a small build tells little of what is common)
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.unknown = math.log(n + 1) / 2  # (a word no entry says)
        # the words the build's texts write as names: most entries that say one write it with a capital inside a
        # sentence, never in lower case ("Garmin", "Cinebench"; not "zooming", "watch")
        named = Counter(w for k in range(len(entries)) for w in self._capitalised(k))
        self.proper = frozenset(w for w, c in named.items() if c >= NAME_ENTRIES and c >= NAME_SHARE * df[w]
                                and w not in self.generic)
        self.site = site_words([[e["title"], *e["alternate_titles"]] for e in entries], self.generic)
        self.affixes = spin_affixes([[e["title"], *e["alternate_titles"]] for e in entries], self.generic)

    def _counted(self, k: int) -> Counter:
        """The entry's words (not generic) -> in how many of its parts it says them."""
        known = self.memo.word_counts(self.keys[k]) if self.keys[k] else None
        if known is not None:
            return Counter(known)
        tf = Counter(w for c in self.parts(k) for w in set(words(c)) if w not in self.generic)
        if self.keys[k]:
            self.memo.put_word_counts(self.keys[k], dict(tf))
        return tf

    def _capitalised(self, k: int) -> list[str]:
        """`capitalised` of entry k, kept in the memo by the entry."""
        key = self.keys[k] and digest(["capitalised", self.keys[k]])
        known = self.memo.names(key) if key else None
        if known is None:
            known = capitalised(self.entries[k])
            if key:
                self.memo.put_names(key, known)
        return known

    def parts(self, k: int) -> list[str]:
        """Entry k's text in parts (`chunks`)."""
        if self.texts[k] is None:
            self.texts[k] = chunks(self.entries[k])
        return self.texts[k]

    def _state(self, leave_out=()) -> str:
        """A digest of everything but the entry that a choice reads (every attribute but
        NOT_STATE's and `leave_out`'s: what a later version adds is in it too)."""
        h = hashlib.sha256()
        for name, value in sorted(vars(self).items()):
            if name not in self.NOT_STATE and name not in leave_out:
                h.update(f"{name}={canonical(value)!r}\n".encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def chosen(self, k: int, entry: dict) -> str:
        """`choose` of entry k (as `read_of` gives it: `entry` is entry k), or what it chose for the
        same reads in a build of the same state."""
        if self.keys[k] and self.state is None:
            self.state = self._state()
        key = self.keys[k] and digest([self.state, self.keys[k]])
        title = self.memo.title(key) if key else None
        if title is None:
            title = self.choose(k, self.entries[k])
            if key:
                self.memo.put_title(key, title)
        elif key:  # (its candidates and names stay for a build whose idf differs)
            self.memo.retain_prepared(self._prepared_key(k))
            self.memo.retain_names(digest(["names", self.keys[k]]))
            self.memo.retain_names(digest(["polished", self.keys[k]]))
        return title

    def form(self, candidate: str, tf: Counter, versions: Counter = Counter(), said: dict | None = None,
             spelled: frozenset = frozenset(), flat: str = "", single: bool = False,
             amounts: frozenset | None = None) -> list | None:
        """A candidate's score but for the words' idf, which `value` weighs it with: [[word,
        log1p of its spread or None (a word the text never says), its weight], what counts
        against, the number of words], or None for a candidate that names nothing. `said`: see
        `said` (spinning rewords a title around its subject, so the subject is what most of the
        titles keep; a word counts up to CONSENSUS more for it). `spelled`: the text's tokens
        (`tokens`), against which a garbled-looking token is checked. `flat`: the text as `spaced` gives it (lower
        case, its words of letters and digits one space apart), in which a word the candidate writes in a model's shape is
        looked for as whole words (`says_run`: "RevoUninstaller" where the text writes "Revo Uninstaller"; not "S24" where
        it writes "lasts 24 hours"). `amounts`: the text's prices and shares (`figures`), against which the
        candidate's are checked (`said_figures`: each said counts FIGURE for it, each unsaid FIGURE against), or
        None not to."""
        # (spin and the site's name say nothing of the article, even where the text says them too; nor
        # does a short part that names the site, "… | ZDNET Analysis", "… - Insights From ZDNet")
        spun = spin_words(candidate, self.spin) | self.site | site_part_words(candidate, self.site)
        ws = [w for w in dict.fromkeys(words(candidate)) if w not in self.generic]
        if len(ws) < (1 if single else 2) and not _CODE.search(candidate):  # (`single`: a heading, see `scored`)
            return None
        said = said or {None: 1}

        def share(w):  # (of the other titles: a heading repeats a title's words more often than not)
            return max(said.get(w, 0) - 1, 0) / max(said[None] - 1, 1)
        # (a word the text never says weighs 1 when the candidate writes it in a model's shape, "R23", else 0; of a
        # title's first SPELLED_TITLE tokens, each looked for in the text once: a front matter's title of 10,000
        # such tokens over a text of megabytes took seconds a search each; and of MODEL_WORD characters at most: a
        # 2,000-character word over a text of 2 MB that spelled its letters one a word took 9.6 s)
        shaped = {w for t in dict.fromkeys(re.findall(r"\S+", candidate)[:SPELLED_TITLE]) if _MODEL_SHAPE.search(t)
                  for w in words(t) if len(w) <= MODEL_WORD and not says_run(flat, w)}
        terms = [[w, math.log1p(tf[w]) if tf[w] else None, 1 + CONSENSUS * share(w) if tf[w] else float(w in shaped)]
                 for w in ws if not tf[w] or w not in spun]
        right, wrong = said_figures(candidate, amounts) if amounts else (0, 0)
        against = [version_penalty(candidate, versions),
                   GARBLED * (len(garbled(candidate, spelled)) + bool(_CUT_SHORT.search(candidate))),
                   2.0 * sum(bool(p.search(candidate)) for p in self.spin),
                   2.0 * len(self.site & set(ws)),  # (the site's name says nothing of the article)
                   FIGURE * (wrong - right)]  # (its figures, where the text settles them)
        return [terms, against, len(ws)]

    def value(self, form: list | None) -> float:
        """The score of a candidate's `form` under the build's idf."""
        if form is None:
            return float("-inf")
        terms, against, n = form
        # (summed exactly, math.fsum, in no word's order: two candidates of the same words in another order tie
        # exactly, and the tie goes to the shorter, then the earlier; a float sum in each one's own word order told
        # them apart by its rounding, which the build's idf moved: "Epson Printer Not Printing" and "Printer Not
        # Printing on Epson" changed places when entries unrelated to theirs were dropped)
        points = []
        for w, spread, weight in terms:
            idf = self.idf.get(w, self.unknown)
            if spread is None:  # (a name the text never says names another subject: UNSAID_NAME)
                points.append(-max(idf, 1.0) * (UNSAID_NAME if weight or w in self.proper else 1.0))
            else:
                points.append(spread * idf * weight)
        total = math.fsum(points) - math.fsum(against)
        return total / math.sqrt(max(n, 1))

    def titles(self, entry: dict) -> list[str]:
        """The titles the entry was published under, then those of them without the site's name
        and the build's spin affixes, and with "%%" put back to "%" (but not one cut short there)."""
        titles = [entry["title"], *entry["alternate_titles"]]
        repaired = (r for t in titles for r in [without_affixes(without_site(t, self.site, self.participles), self.affixes)
                                                .replace("%%", "%")]  # (a template's escape)
                    if not _CUT_SHORT.search(r) or _CUT_SHORT.search(t))  # (not cut in a quotation: "for 'Spider-Man")
        return titles + [t for t in dict.fromkeys(repaired) if t not in titles]

    @staticmethod
    def titled(entry: dict) -> Counter:
        """Token (`tokens`) -> how many of the entry's distinct titles (as published) write it."""
        return Counter(t for title in {entry["title"], *entry["alternate_titles"]} for t in tokens(title))

    @staticmethod
    def said(entry: dict) -> Counter:
        """Word -> how many of the entry's titles (as published) say it; None -> how many
        titles there are. A candidate's word counts more the more of the other titles say it."""
        titles = {entry["title"], *entry["alternate_titles"]}
        return Counter(w for t in titles for w in set(words(t))) | {None: len(titles)}

    def candidates(self, entry: dict) -> list[str]:
        """The titles, then the headings that name the article (`headings`)."""
        return self.titles(entry) + self.headings(entry)

    def headings(self, entry: dict, loose: bool = False) -> list[str]:
        """Up to two headings that name the article: not a step's, a numbered item's or a list's
        item (`list_items`; `loose`: of plain headings that are no step's), nor one that opens or
        closes with a word that is a heading of several entries (a label: "Specifications") next to a
        name, which is one instead ("PNY CS3150" of "PNY CS3150 Specifications": `unlabelled`). A
        heading opening with a label of generic words is one without it ("Error Solved: 5 Common Video
        Errors" as "5 Common Video Errors": `unlabelled_generic`)."""
        out, heads, text = [], 0, None
        # (the labels the headings open with: one that two of them open with labels parts, "Fix: ...", "Update: ...")
        opened = Counter(_key(plain(s.get("heading", "")).partition(": ")[0]) for s in entry.get("sections", []))
        steps = {st.get("section") for st in entry.get("steps", [])}  # (a step's heading names a part)
        headed = [s.get("id") for s in entry.get("sections", []) if plain(s.get("heading", "")).strip()]
        if len(headed) == 1:  # (unless it is the text's only heading: "How to install and activate Revo ...")
            steps -= set(headed)
        parts = set()  # (and so does a heading of one of its parts, which takes its turn)
        for s in entry.get("sections", []):
            if s.get("parent") in steps or s.get("parent") in parts:
                parts.add(s.get("id"))
        items = self.list_items(entry, steps, loose)
        numbered = [k for k, s in enumerate(entry.get("sections", [])) if _NUMBERED.match(plain(s.get("heading", "")))]
        tail = _after_list(entry.get("sections", []))
        for k, s in enumerate(entry.get("sections", [])):
            if heads == 2:
                break
            if s.get("id") in steps or (k in numbered and len(numbered) >= 2) or k in tail:  # (items of a numbered list)
                continue
            if k in items or s.get("id") in parts:  # (it takes a heading's turn: the headings after a list's first items name less)
                heads += 1
                continue
            h = " ".join(plain(s.get("heading", "")).replace("*", "").split())
            if _key(h) in self.shared_headings:
                continue
            if len(h.split()) >= 2 and self.labelled(h):
                # (a label many entries' headings are, with a name: "PNY CS3150 Specifications"; the name is one,
                # "Qualcomm Snapdragon Dev Kit for Windows" of its "... Specifications" on a page about it)
                # (but the label may be the name's own word: "iPhone 15 Pro Max" where "iPhone" heads sections of
                # how-tos beside "Android", "Windows"; then the whole heading is one where the text says it so)
                if text is None:
                    text = "\n".join([entry.get("summary", "")] + [x.get("text", "") for x in entry.get("sections", [])])
                name = h if says(text, h) else self.unlabelled(h)
                if len(name.split()) >= 2:
                    out.append(name)
                    heads += 1
                continue
            counted = _COUNTED.sub("", self.unlabelled_generic(h, opened))  # (the label first: "Solved: 5 Ways to ...")
            if counted != h and 2 <= len(counted.split()) <= 16:
                out.append(counted[:1].upper() + counted[1:])
                heads += 1
            elif 2 <= len(h.split()) <= 16 and not _PART.match(h) and not h.endswith(":"):  # (a label: "I'm on Windows 7:")
                out.append(h)
                heads += 1
        return out

    def labelled(self, heading: str) -> bool:
        """A heading that is a label several entries' headings are (`shared_headings`: "Specs")
        with a name before or after it ("PNY CS3150 Specifications", "Specifications of the Gigabyte
        B650"): the rest, but the generic words next to the label, each with a capital or a digit and
        none generic. Not a heading that says more with it ("Fix Bluetooth Not Working on Android" where
        "Android" heads a section of several how-tos, beside "Windows", "Mac")."""
        ws = heading.split()
        return self._label_and_name(ws[0], ws[1:]) or self._label_and_name(ws[-1], ws[-2::-1])

    def unlabelled_generic(self, heading: str, opened: Counter) -> str:
        """The heading without an opening label of generic words only ("Error Solved: 5 Common Video Errors"
        as "5 Common Video Errors"); the heading itself when it has none, when its label names a part ("Fix:",
        "Quick Tip:": `_PART_LABEL`) or opens two of the entry's headings or more (`opened`: label -> how
        many), or when the rest is a part's heading ("Solved: Step 2: Restart ...") or longer than a title."""
        label, sep, rest = heading.partition(": ")
        said = words(label)
        rest = rest.strip()
        if (sep and said and len(said) <= 3 and all(w in self.generic for w in said) and not re.search(r"\d", label)
                and not _PART_LABEL.search(label) and opened[_key(label)] < 2
                and not _PART.match(rest) and len(rest.split()) <= 16):
            return rest
        return heading

    def unlabelled(self, heading: str) -> str:
        """A `labelled` heading without its label and the generic words next to it ("of the", "For The"):
        the name ("Specifications of the Gigabyte B650" as "Gigabyte B650", "PNY CS3150 Specifications" as
        "PNY CS3150", "Specifications: PNY CS3150" too). Nothing for a label that opens the heading with no
        such word or colon after it, which may be the name's own first word ("iPhone 15 Pro Max")."""
        ws = heading.split()
        joined = self._joiners(ws[1:])
        if (joined or ws[0].endswith(":")) and self._label_and_name(ws[0], ws[1:]):  # ("Specifications: ...")
            return " ".join(ws[1 + joined:]).strip(" :-–|")
        if self._label_and_name(ws[-1], ws[-2::-1]):
            before = ws[-2::-1]
            return " ".join(before[self._joiners(before):][::-1]).strip(" :-–|")
        return ""

    def _joiners(self, ws: list[str]) -> int:
        """How many of `ws`, from the first, are generic words, in any case ("of the", "For The", "on"):
        the words that join a label to a name. (Counted once: a hostile heading has 100,000 of them.)"""
        return next((k for k, w in enumerate(ws) if stem(w.strip(_EDGES).lower()) not in self.generic), len(ws))

    def _label_and_name(self, label: str, rest: list[str]) -> bool:
        """`label` is a shared heading and `rest` (the heading's other words, from the label on) a name."""
        label = label.strip(_EDGES).lower()
        if not label or label not in self.shared_headings:
            return False
        rest = [w for w in rest if w.strip(_EDGES)]
        rest = rest[self._joiners(rest):]  # ("of the", "for", "on")
        return bool(rest) and all(any(ch.isupper() or ch.isdigit() for ch in w)  # ("CS3150", "eGPU", "40-inch")
                                  and stem(w.strip(_EDGES).lower()) not in self.generic for w in rest)

    def list_items(self, entry: dict, steps: set, loose: bool = False) -> set[int]:
        """The sections whose headings are a list's items, not the article's name: after text
        (a heading that opens the body names it), one of LIST_ITEMS or more plain headings of
        one level ("Bixby Routines", "Secure Folder", "Samsung DeX" under an intro), not
        numbered parts or labels. A step's plain heading is one of them ("Disable Microsoft
        Defender Using the Registry Editor" beside "When Should You Permanently Disable ...":
        a how-to's sections are its list), unless `loose`."""
        secs = entry.get("sections", [])
        plain_at: dict = {}
        for k, s in enumerate(secs):
            h = plain(s.get("heading", "")).strip()
            if h and (not loose or s.get("id") not in steps) and not _PART.match(h) and _key(h) not in self.shared_headings:
                plain_at.setdefault(s.get("level"), []).append(k)
        text_before = bool(plain(entry.get("summary", "")).strip()) and not any(s.get("level") == 0 for s in secs)
        # (the body's leading heading names it unless prose comes before it: a breadcrumb, a contents line,
        # a download button or a picture over "Comment optimiser Windows 10 pour le jeu" are no intro)
        lead = next((k for k, s in enumerate(secs) if plain(s.get("heading", "")).strip()), None)
        if lead is not None and any(_prose(t) for t in [entry.get("summary", "")] + [x.get("text", "") for x in secs[:lead]]):
            lead = None
        out = set()
        for k, s in enumerate(secs):
            text_before = text_before or (k > 0 and bool(secs[k - 1].get("text", "").strip()))
            if text_before and k != lead and len(plain_at.get(s.get("level"), ())) >= LIST_ITEMS:
                out.add(k)
        return out

    def choose(self, k: int, entry: dict) -> str:
        """The candidate that best names what the text is about (`_choose`), or a news page's lead report
        instead of it (`reported`), without the spin inside it (`without_spin_words`) when it is a published
        title or a heading; a span of the text stays as written."""
        prep = self.prepared(k, entry)
        title = self.kind_named(k, entry, prep, self._choose(k, entry, prep))
        published = {c for c, *_ in prep["titles"] + prep["heads"] + (prep["loose"] or [])}
        if title in published:  # (a span already composed stays: it names what the candidates did not)
            title = self.reported(k, entry, prep) or title
        if title not in published:
            return title
        return self.polished(k, entry, title)

    def reported(self, k: int, entry: dict, prep: dict) -> str:
        """The lead sentence's report as the title of a news or deal page ([title_choice] lead_kinds) whose every
        candidate says little of the text (the best scores under lead_floor: "Affordable High-Speed Internet:
        Explore the Latest Range of Netgear 7G Routers"): the span `compose` takes of the intro's first
        sentences, when it opens with a name that reports in the present (lead_report: "Netgear just revealed
        a new lineup of mesh and standalone Wi-Fi 7 routers"; not "Nokia has shifted a lot over the decades",
        "Google acquired Fitbit in 2021") and scores lead_margin over the best candidate or more. "" otherwise."""
        if entry.get("kind") not in self.lead_kinds or not self.lead_report:
            return ""
        scored = self.scored(k, entry, prep)
        best = max(scored)[0] if scored else float("-inf")
        if best >= self.lead_floor:
            return ""
        span = self.compose(k, [sc[-1] for sc in scored], prep["code"], runs=False, strict=True)
        if not span or not any(p.search(span) for p in self.lead_report):
            return ""
        text = "\n".join(self.parts(k))
        score = self.value(self.form(span, self.tf[k], _versions(text), self.said(entry), tokens(text), spaced(text)))
        return span if score >= best + self.lead_margin else ""

    def polished(self, k: int, entry: dict, title: str) -> str:
        """A published title or heading as chosen: its digits put right (`attested`) and without the spin
        inside it (`without_spin_words`). It reads the entry (its text and titles) and the rules, not the
        rest of the build: kept in the memo by the entry (`read_of`) and the title, so a rebuild that
        chooses again under another idf does not read the text again for the same pick (the last
        title polished is kept: [title, polished])."""
        key = self.keys[k] and digest(["polished", self.keys[k]])
        known = self.memo.names(key) if key else None
        if known is not None and len(known) == 2 and known[0] == title:
            return known[1]
        out = title
        text = "\n".join(self.parts(k))
        flat = spaced(text)
        if re.search(r"\d", out):  # (only a token with a digit is put right: `attested`)
            out = attested(out, tokens(text), flat, self.titled(entry))
        if self.spin_words:
            main, shared = self.subject_words(k, entry, title)
            names: list[frozenset] = []  # (the names the text writes: read only once an opening part would go)

            def stays(part: str, rest: str) -> bool:
                if not names:
                    said = Counter(words(text))  # (a name said once in passing is not what the text is about)
                    names.append(frozenset(w for w in capitalised(entry, _MID_NAME) if said[w] >= SUBJECT_NAMED))
                return subject_opening(part, rest, main, self.generic, shared, names[0])
            out = without_spin_words(out, self.spin_words, flat,
                                     [entry["title"], *entry.get("alternate_titles", [])], self.spin_not_first,
                                     self.spin_labels, stays)
        if key:
            self.memo.put_names(key, [title, out])
        return out

    def subject_words(self, k: int, entry: dict, title: str) -> tuple[frozenset, frozenset | None]:
        """The words entry k is about, which an opening part of its title keeps (`subject_opening`): those its
        text says in SUBJECT_PARTS parts or more and in half as many as its most spread word or more ("Valorant",
        "FPS"; not "Security", said in 2 of a password manager's 22 parts); and the words half of its other
        published titles say or more, or None when it has none. Read of the entry alone (`polished` keeps what
        it gives)."""
        tf, was = self.tf[k], " ".join(title.split())
        top = max(tf.values(), default=0)
        others = [set(words(t)) for t in dict.fromkeys([entry["title"], *entry.get("alternate_titles", [])])
                  if " ".join(t.split()) != was]
        shared = Counter(w for ws in others for w in ws)
        return (frozenset(w for w in tf if tf[w] >= SUBJECT_PARTS and 2 * tf[w] >= top),
                frozenset(w for w in shared if 2 * shared[w] >= len(others)) if others else None)

    def kind_named(self, k: int, entry: dict, prep: dict, title: str) -> str:
        """The title, or where it does not say what the entry's kind is about ([title_choice] kind_nouns: a
        driver-download page's "driver") the best candidate that does and names what the title names: every
        number of it ("8600", "MFC-9330CDW") and half of its words the text says or more, at KIND_NEAR of
        the title's score or more ("HP OfficeJet Pro 8600 Windows Driver" over "HP OfficeJet Pro 8600 on
        Windows", "How to Update Intel Graphics Driver" over "Updating Intel Graphics"). A title composed of
        the text stays as it is (no candidate's score to weigh it against)."""
        nouns = self.kind_nouns.get(self.entries[k].get("kind"))
        if not nouns or nouns & set(words(title)):
            return title
        scored = self.scored(k, entry, prep)
        mine = [sc[0] for sc in scored if sc[-1] == title]
        if not mine or mine[0] <= 0:
            return title
        tf = self.tf[k]
        numbers = {w for w in words(title) if re.search(r"\d", w)}
        said = {w for w in words(title) if w not in self.generic and tf[w]}

        def names_it(c):
            ws = set(words(c))
            return numbers <= ws and 2 * len(said & ws) >= len(said)
        near = [sc for sc in scored if sc[0] >= KIND_NEAR * mine[0] and nouns & set(words(sc[-1]))
                and names_it(sc[-1])]
        return max(near)[-1] if near else title

    def _choose(self, k: int, entry: dict, prep: dict) -> str:
        scored = self.scored(k, entry, prep)
        named, main = [w for w in words(max(scored)[-1]) if w not in self.generic and self.tf[k][w]], self.main_term(k)
        if prep["loose"] is not None and (len(set(named)) < 2 or (main and not says_word(max(scored)[-1], main))):
            # (no title names the text, "Mastering, Advanced, Sophisticated, and Unlocking", or what it is most
            # about: a how-to's heading may, "Entering Criteria for an Advanced Filter in Excel", "What Does a
            # Factory Reset Do on Android?"; a hyphenated word says its parts, `says_word`: "Wake-on-LAN" says "lan")
            loose = self.scored(k, entry, prep, loose=True)
            scored = loose if len(set(named)) < 2 or says_word(max(loose)[-1], main) else scored
        best_score, *_, best = max(scored)
        code = prep["code"]
        if code and code not in best.lower():
            with_code = [sc for sc in scored if code in sc[-1].lower()]
            if with_code:
                return max(with_code)[-1]
            garbled = _CODEISH.search(best)
            if garbled:
                return best[:garbled.start()] + code + best[garbled.end():]
        main = self.main_term(k)
        rival = self.rival(k, prep, scored, best, best_score, main, entry)
        if rival:
            return rival
        if main and not says_word(best, main) and best_score < WEAK:  # (a weak title must name what the text is most about)
            heads = {h for h, *_ in prep["heads"]}  # (a heading names a part: "Use Small Taskbar Icons")
            with_main = [sc for sc in scored if says_word(sc[-1], main) and sc[0] > 0 and sc[-1] not in heads]
            if with_main:
                return max(with_main)[-1]
            composed = self.compose(k, [sc[-1] for sc in scored], code, runs=False)  # (a bold run is a label)
            if main in words(composed):
                return composed
        # (a title that names neither the word the text is most about nor the name that word is part of names
        # another subject, however well it scores: "Surpassing Apple & Google: The Longevity of Modular Android
        # Phones Revealed" over a review of the Fairphone 5; the name is looked for only then, or under WEAK)
        # (nor is it astray when it says the error code the text repeats or any name the text repeats, a rival's
        # too: "Nothing Phone (2) Review" over a text that names the Galaxy S24 in every part; nor when it spells
        # the main word out and the text writes that word in capitals: "AMD Fluid Motion Frames" for AFMF)
        unnamed = (bool(main) and not says_word(best, main) and best_score < STRONG and not (code and code in best.lower())
                   and not (spelled_out(main, best) and self.in_capitals(k, main)))
        name = self.main_name(k) if best_score < WEAK or unnamed else None
        astray = unnamed and bool(name) and main in name.split() and not self.names_other(k, best, name)
        if name and name not in " ".join(words(best)) and (best_score < WEAK or astray):
            # (a title that scores well but is astray gives way only to a span of the intro that says the name: the
            # other candidates that say it are the spun titles and headings it won over)
            named = [sc for sc in scored if name in " ".join(words(sc[-1])) and sc[0] > 0] if best_score < WEAK else []
            if named:
                return max(named)[-1]
            composed = self.compose(k, [sc[-1] for sc in scored], name, runs=False, strict=best_score >= WEAK)
            if composed or best_score >= WEAK:
                return composed or best
            composed = self.summarised(k, entry, name)  # (a heading that says it, when nothing else does)
            if composed:
                return composed
        if best_score > 0 or any(self.tf[k][w] >= 2 for w in words(best) if w not in self.generic):
            return best  # (it names something the text says more than once)
        return self.compose(k, [sc[-1] for sc in scored], code) or best

    def rival(self, k: int, prep: dict, scored: list[tuple], best: str, best_score: float, main: str | None,
              entry: dict) -> str | None:
        """A published title that names what the text is most about where the best does not: a spun group whose
        copies were published under titles of other articles of the same site (MIXED_TITLES distinct titles or
        more), one of which wins by words the text says in passing ("Top-Ranked Filaments for Your 3D Printing
        Needs" over a text on blobs and zits; "Easy Steps to View and Manage Photos & Files Across Devices with
        iCloud" over a text on recovering an iCloud backup). What the best lacks: the main term (`main_term`),
        else the words of the main name (`main_name`, which the main term is part of) that it never says. The
        rival wins when it scores RIVAL of the best's score or more, what it names is spread over MIXED_PARTS of
        the text's parts or more, and each word the best says that it does not weighs less in the text (spread
        times specificity) than what the best lacks: the best's own subject is then a side topic of the text."""
        if not main or best_score < WEAK or len({entry["title"], *entry["alternate_titles"]}) < MIXED_TITLES:
            return None  # (under WEAK, `_choose` asks for the main term itself)
        if not says_word(best, main):
            lacked, has = [main], lambda c: says_word(c, main)
        else:
            name = self.main_name(k)
            if not name or main not in name.split() or names(best, name):
                return None
            lacked, has = [w for w in name.split() if not says_word(best, w)], lambda c: names(c, name)
        tf = self.tf[k]
        if not lacked:  # (it says the name's words apart: "Noctua's New Addition to the Home Series")
            return None

        def weight(w):
            return math.log1p(tf[w]) * self.idf.get(w, 0.0)
        if min(tf[w] for w in lacked) < MIXED_PARTS:
            return None
        floor = min(weight(w) for w in lacked)
        published = {c for c, *_ in prep["titles"]}
        rivals = [sc for sc in scored if sc[-1] in published and sc[0] >= RIVAL * best_score and has(sc[-1])
                  and all(weight(w) < floor for w in set(words(best)) - set(words(sc[-1])) if w not in self.generic)]
        return max(rivals)[-1] if rivals else None

    def summarised(self, k: int, entry: dict, name: str) -> str:
        """A title that sums the text up by its name (`main_name`) in its own words, when no candidate and no
        opening sentence says it: of the body's headings that open their level (a later sibling names a part)
        and say the name, SUMMARY_MIN to SUMMARY_WORDS words long, not a step's, a part's or a list item's
        (`_PART`, `_ITEM`, `_NUMBERED`), a label (closing on ":") nor one several entries share, the one that
        scores best as a title ("Introducing the Samsung Galaxy Ring" over a column about it whose titles say
        "Celestial Ring Aspirations"); "" when none does, none scores above nothing, or the name is not the
        text's subject: its opening part does not say it (a list's item, "Best Budget TV: Hisense U6N", is
        named in its own section only)."""
        parts = self.parts(k)
        if not parts or f" {name} " not in f" {' '.join(words(parts[0]))} ":
            return ""
        tf, said = self.tf[k], self.said(entry)
        text = "\n".join(parts)
        versions, spelled, flat = _versions(text), tokens(text), spaced(text)
        steps = {st.get("section") for st in entry.get("steps", [])}
        heads, levels, top_level = [], set(), None
        for s in entry.get("sections", []):
            h = " ".join(plain(s.get("heading", "")).replace("*", "").split())
            level = s.get("level") if s.get("level") is not None else 1
            if not h or level == 0:
                continue
            # (only the body's opening run, its first heading and those under it: a later heading at that level or
            # above opens another part, "Frequently Asked Questions", "Verdict", whose questions and headings are none)
            if top_level is not None and level <= top_level:
                break
            top_level = level if top_level is None else top_level
            if s.get("id") in steps:  # (a step's heading and those under it name what to do)
                break
            if level not in levels:  # (a later sibling names a part: "Deactivate Alarms in Samsung's Clock App")
                levels.add(level)
                heads.append(h)
        best, top = "", 0.0
        for run in dict.fromkeys(heads):
            if (not SUMMARY_MIN <= len(run.split()) <= SUMMARY_WORDS or f" {name} " not in f" {' '.join(words(run))} "
                    or _PART.match(run) or _ITEM.match(run) or _NUMBERED.match(run) or run.endswith(":")
                    or run.endswith("?") and run != heads[0]  # (a question under the first: "Should You Buy ...?")
                    or _key(run) in self.shared_headings or not run[:1].isupper() or _ADDRESS.search(run)):
                continue
            score = self.value(self.form(run, tf, versions, said, spelled, flat))
            if score > top:
                best, top = run, score
        return best

    def main_name(self, k: int) -> str | None:
        """The name the text repeats: of two capitalised words in a row ("Moto Tag", "Game Bar",
        "Proton Pass") that MAIN_PARTS of its parts say or more, neither generic, the one whose
        words weigh most (spread times specificity), as its words joined by a space."""
        tf = self.tf[k]
        ranked = sorted(((sum(math.log1p(tf[w]) * self.idf.get(w, 0.0) for w in n.split()), n)
                         for n in self._names(k)), reverse=True)
        return ranked[0][1] if ranked else None

    def _names(self, k: int) -> list[str]:
        """The names `main_name` ranks: those that MAIN_PARTS of entry k's parts say or more,
        sorted. Found once a build, and kept in the memo by the entry (`main_name` runs again
        for every entry each build: the idf it ranks them by moves with any new entry)."""
        if k not in self.names:
            key = self.keys[k] and digest(["names", self.keys[k]])
            got = self.memo.names(key) if key else None
            if got is None:
                seen = Counter()
                for part in self.parts(k):
                    found = set()
                    for m in _NAME.finditer(part.replace("*", "")):
                        ws = words(m.group(1)) + words(m.group(2))
                        if len(ws) == 2 and not set(ws) & self.generic and not ws[0].isdigit():
                            found.add(" ".join(ws))
                    seen.update(found)
                got = sorted(n for n, c in seen.items() if c >= MAIN_PARTS)
                if key:
                    self.memo.put_names(key, got)
            self.names[k] = got
        return self.names[k]

    def lowered(self, k: int, name: str) -> bool:
        """Whether entry k's text writes the name (`_names`) after "to" with its first word in lower case: a verb and
        its object, whose capitals are its headings' ("Disable SmartScreen" of "How to Disable SmartScreen on Windows
        10", where a sentence says "To disable SmartScreen, open Windows Security"), not a name.
        The "to" must open an infinitive: not one after a verb that takes it as a preposition ([title_choice]
        to_verbs) within TO_VERB_WORDS words before it in its clause, "Switch to dark mode", "Set the phone to
        airplane mode", "Sign in to microsoft teams", which write a name in lower case."""
        return any(" ".join(words(m.group(1)) + words(m.group(2))) == name and not self.to_place(flat[:m.start()])
                   for part in self.parts(k) for flat in [part.replace("*", "")] for m in _LOWER_FIRST.finditer(flat))

    def to_place(self, before: str) -> bool:
        """Whether the text before a "to" ends its clause with a verb that takes "to" as a preposition (`to_verbs`)
        and at most TO_VERB_WORDS words in all, the verb's object between ("Set the phone")."""
        said = words(re.split(r"[.!?;:,\n]|\bto\b", before, flags=re.I)[-1])[-TO_VERB_WORDS:]
        return any(tuple(said[i:i + len(v)]) == v for v in self.to_verbs for i in range(len(said)))

    def names_other(self, k: int, title: str, name: str) -> bool:
        """Whether the title says a name the text repeats (`_names`) that the text never writes next to `name`:
        another subject's ("Nothing Phone" in a review naming the Galaxy S24 in every part), not the name's
        other half ("Steam Closet" of the "LG Styler Steam Closet")."""
        said = f" {' '.join(words(title))} "
        others = [n for n in self._names(k) if f" {n} " in said and n != name]
        joined = [f" {' '.join(words(part))} " for part in self.parts(k)] if others else []

        def runs(a: list[str], b: list[str]) -> list[str]:  # (the two names in a row, or overlapping by a word)
            return [f" {' '.join(a + b)} "] + ([f" {' '.join(a + b[1:])} "] if a[-1] == b[0] else [])
        return any(not any(r in j for r in runs(name.split(), n.split()) + runs(n.split(), name.split()) for j in joined)
                   for n in others)

    def in_capitals(self, k: int, word: str) -> bool:
        """Whether entry k's text writes the word in capitals, as initials are ("AFMF")."""
        upper = re.compile(rf"(?<![\w-]){re.escape(word.upper())}(?![\w-])")
        return any(upper.search(part) for part in self.parts(k))

    def main_term(self, k: int) -> str | None:
        """The word the text is most about: of the words it says in MAIN_PARTS parts or more
        (not the site's name nor a number), the one whose spread times specificity is highest,
        if that is MAIN_WEIGHT or more (a short or plain text is about no one word)."""
        terms = self.main_terms(k)
        return terms[0] if terms else None

    def main_terms(self, k: int) -> list[str]:
        """The words the text is about: `main_term` and those it says in as many parts, weighing MAIN_SHARE of
        its weight or more ("camera" beside "zoom" in a text on Zoom's camera), by weight."""
        tf = self.tf[k]
        ranked = sorted(((math.log1p(tf[w]) * self.idf.get(w, 0.0), w) for w in tf
                         if tf[w] >= MAIN_PARTS and w not in self.site and not w.isdigit()), reverse=True)
        if not ranked or ranked[0][0] < MAIN_WEIGHT:
            return []
        return [w for weight, w in ranked if weight >= max(MAIN_WEIGHT, MAIN_SHARE * ranked[0][0])]

    def prepared(self, k: int, entry: dict) -> dict:
        """What `scored` and `choose` read of entry k but the idf: "titles", the published
        titles and those without a garbled part or a Windows version the text contradicts,
        each [title, its `form`, whether the intro sets it off]; "heads", the headings, each
        [heading, its `form`, what `covers` says of it]; "loose", the same of the headings
        `candidates` finds when loose, or None when they are the same; "code", the error code the text
        repeats, or None; "asked", the shared headings (`shared_headings`) it asked about, and
        the answers. Kept in the memo by the entry and the state but its idf and its shared
        headings, used while those it asked about are shared as they were (a few more entries
        make another site's headings shared)."""
        key = self._prepared_key(k)
        prep = self.memo.prepared(key) if key else None
        if prep is not None and all((h in self.shared_headings) == v for h, v in prep["asked"].items()):
            return prep
        shared, self.shared_headings = self.shared_headings, _Asked(self.shared_headings)
        try:
            prep = self._prepare(k, entry)
            prep["asked"] = self.shared_headings.asked
        finally:
            self.shared_headings = shared
        if key:
            self.memo.put_prepared(key, prep)
        return prep

    def _prepared_key(self, k: int) -> str | None:
        if not self.keys[k]:
            return None
        self.prep_state = self.prep_state or self._state(self.NOT_PREPARED)
        return digest(["prepared", self.prep_state, self.keys[k]])

    def _prepare(self, k: int, entry: dict) -> dict:
        text = "\n".join(self.parts(k))
        tf, versions, spelled, flat = self.tf[k], _versions(text), tokens(text), spaced(text)
        cands, said = self.candidates(entry), self.said(entry)
        titles, heads = cands[:len(self.titles(entry))], cands[len(self.titles(entry)):]
        titled = self.titled(entry)
        loose = [without_stray(latin(self.unspun(h, tf), self.confusables), spelled, flat, titled)
                 for h in self.headings(entry, loose=True)]
        heads = [without_stray(latin(self.unspun(h, tf), self.confusables), spelled, flat, titled) for h in heads]
        # (the sections that name a part, `parts`, cleaned as the headings are: a spun "[Solved] ..." is one too)
        parts = sorted({without_stray(latin(self.unspun(h, tf), self.confusables), spelled, flat, titled)
                        for h in self.parts_among(entry)})
        same = loose == heads  # (the loose headings are asked for only where they differ: the messages join both)
        messages = [r for r in self.messages(entry) if r not in heads]
        heads += messages
        loose += [r for r in messages if r not in loose]
        titles = list(dict.fromkeys(unscrambled(latin(c, self.confusables), spelled) for c in titles))
        repaired = (r for c in titles for r in (without_garbled(c, spelled), without_stray(c, spelled, flat, titled),
                                                 true_version(c, versions),
                                                 without_unsaid(c, tf, self.generic),
                                                 without_spin(c, self.spin, self.generic)))
        titles += [r for r in dict.fromkeys(repaired) if r not in titles]
        # (the titles' figures count where the copies disagree on them and the text settles it: one title writes a
        # figure the text writes, another one it never does; a figure no copy shares may be one the page worked
        # out, "$80 Off" of a "$319" printer, and a heading's price names an item of a list, not the page)
        amounts = figures(text)
        counts = [said_figures(c, amounts) for c in titles]
        amounts = amounts if any(yes for yes, _ in counts) and any(no for _, no in counts) else None
        clean = [t for t in titles if not garbled(t, spelled) and not _CUT_SHORT.search(t)]
        quoted = self.set_off(entry)
        codes = Counter(c.lower() for c in _CODE.findall(text))
        prep = {"titles": [[c, self.form(c, tf, versions, said, spelled, flat, amounts=amounts),
                            len(words(c)) >= 2 and any(f" {' '.join(words(c))} " in q for q in quoted)] for c in titles],
                "heads": [[h, self.form(h, tf, versions, said, spelled, flat, True), *self.covers(h, clean)]
                          for h in heads],
                "loose": None if same else [[h, self.form(h, tf, versions, said, spelled, flat, True),
                                             *self.covers(h, clean)] for h in loose],
                "code": codes.most_common(1)[0][0] if codes and codes.most_common(1)[0][1] >= 2 else None,
                "messages": messages, "parts": parts}
        return prep

    def scored(self, k: int, entry: dict, prep: dict | None = None, loose: bool = False) -> list[tuple]:
        """(score, -words, -index, candidate) of each candidate: the published titles, those
        without a garbled part or a Windows version the text contradicts, then the headings a
        title does not cover (`covered`; `loose`: the headings `candidates` finds when loose)."""
        prep = prep or self.prepared(k, entry)
        tf = self.tf[k]
        main = max(tf, key=lambda w: (tf[w] * self.idf.get(w, 0.0), w), default=None)
        titles = prep["titles"]
        first = next((words(plain(s.get("heading", ""))) for s in entry.get("sections", [])
                      if plain(s.get("heading", "")).strip()), [])
        atop = self.atop(entry)
        term = self.main_term(k)

        def own(h):  # (the page's own title of one word, see below: no title covers it)
            said = words(h)
            return atop and bool(said) and said == first and [w for w in said if w not in self.generic] == [term]
        heads = [h for h in (prep["loose"] if loose and prep["loose"] is not None else prep["heads"])
                 if not self.covered(h[2:], main) or own(h[0])]
        # a heading names a part of the article more often than the whole: it must do twice as well;
        # of equals, the one with fewer words ("X - Problem Solved" as "X": its spin is generic words), then the
        # one with fewer words shouted ("Missing Advanced Display Settings" over "Advanced Display Settings MISSING")
        out = []
        for i, (c, form, quoted) in enumerate(titles):
            s = self.value(form)
            if quoted:
                s += QUOTED
            out.append((s, -len(c.split()), -_shouted(c), -i, c))
        # (one section of several, after the intro, names a part of what the page's own title names when that title,
        # the only one the page was published under, says the word the text is most about: "Signing Up for
        # Goodnotes", beside "Goodnotes on Windows Has Incredible Note-Taking Features", under "GoodNotes on Windows
        # Arrives - My Long-Awaited Journey to an Enhanced Note-Taking Adventure", whose spin the text never says less
        # than it says the rest (a title scoring above zero); not a heading of names only, a review's "Ubisoft Rayman
        # Legends" over its verdict: the title without spin; nor one that names the name the text repeats where the
        # title does not, "Sonos Ace Headphones: All of the Details" under "Sonos Unveils New Bluetooth ACE Headphones")
        # (nor one that says a word the text is about beside that one, which no title says: "Fix Zoom Camera Not
        # Working on Windows 11" under "Zoom Audio Not Working? Here's How I Fixed It", `main_terms`)
        if heads and term and len({entry.get("title"), *entry.get("alternate_titles", ())}) == 1 \
                and any(says_word(sc[-1], term) and sc[0] > 0 for sc in out):
            parts, named = set(prep["parts"]), self.main_name(k)
            named = named if named and not any(names(c, named) for c, *_ in titles) else None
            unsaid = [w for w in self.main_terms(k) if not any(says_word(c, w) for c, *_ in titles)]
            heads = [h for h in heads if h[0] not in parts or not set(words(h[0])) & self.generic
                     or named and names(h[0], named) or any(says_word(h[0], w) for w in unsaid)]
        # (the published titles fail where the best is weak or does not say what the text is most about)
        failed = not out or max(out)[0] < WEAK or bool(term) and not says_word(max(out)[-1], term)
        # (the body's other headings: how many are its steps' sections, and whether one of them says that word)
        stepped = {st.get("section") for st in entry.get("steps", [])}
        others = [(s.get("id") in stepped, says_word(plain(s["heading"]), term) if term else False)
                  for s in entry.get("sections", []) if plain(s.get("heading", "")).strip()
                  and words(plain(s["heading"])) != first]
        how_to = bool(others) and 2 * sum(step for step, _ in others) >= len(others)
        task = any(step and about for step, about in others)
        # (and how many say that word: an explainer's sections each name the thing, "How does BIOS work?")
        explains = bool(others) and EXPLAINS * sum(about for _, about in others) >= len(others)
        # (a page that explains the thing: of no kind that is about something else, a deal, a review, news, and its
        # opening section says what the thing is in EXPLAINS_SENTENCES sentences or more, not a one-line definition
        # above the deal, the verdict or the news)
        opening = next((s.get("text", "") for s in entry.get("sections", []) if plain(s.get("heading", "")).strip()), "")
        explains = (explains and self.entries[k].get("kind") not in self.not_explainers
                    and sum(len(words(x)) >= 3 for line in opening.splitlines() for x in _SENTENCE_END.split(line))
                    >= EXPLAINS_SENTENCES)
        # (not the heading that opens the body when it names what the text repeats, a name no published title
        # says: "[Solved] How to Fix iCloud Photo Sharing Not Working on iPhone" over "Steps to Update Your iCloud
        # Settings on an iPhone"; a later heading names a part, "Try Movavi Slideshow Maker!")
        name = self.main_name(k) if heads else None
        name = name if name and not any(f" {name} " in f" {' '.join(words(c))} " for c, *_ in titles) else None
        messages = {m for m in prep.get("messages", ()) if term and says_word(m, term)}
        # (one that does not say it is no candidate: the text's subject is not the message alone)
        heads = [h for h in heads if h[0] in messages or h[0] not in prep.get("messages", ())]
        for i, (c, form, *_) in enumerate(heads, len(titles)):
            s, said = self.value(form), words(c)
            # ("5 Ways to Lock ..." as "Lock ...", "[Solved] How to Fix ... in 2024" without its spin)
            opens = bool(said) and f" {' '.join(said)} " in f" {' '.join(first)} "
            # (nor the heading that opens the body before any of its prose: the article's own title, above a text
            # whose copies were published under other articles' titles, "How to fix Windows 11 Wont Run on my PC
            # error" over "How to Enter the Bios in Windows 11", or under spun ones, "Alienware Aurora R9")
            # (nor the error message the intro quotes, when it says the word the text is most about: the text's own
            # words for its subject, "Unable to initialize DirectX 9 device" over "About DirectX 9")
            # (not a phrase the headings capitalise, which a sentence writes in lower case: "Should You Disable
            # SmartScreen?" opens a how-to whose titles say "Turning Off Microsoft's SmartScreen", `lowered`)
            handicap = (1.0 if opens and (atop or name and names(c, name) and not self.lowered(k, name)) or c in messages
                        else HEADING_HANDICAP)
            # (a heading of one word that names something, "What is BIOS", is the article's own title only where it
            # is the first heading, before the body's prose, that word is what the text is most about, and the
            # published titles fail: over a spun "How Does Revo Uninstaller Interact With Your Computer's BIOS
            # Settings?" that the text's every other part belies; elsewhere it names a part, "Audio", or is a section
            # a title covers, "What is svchost.exe?" after an intro. Nor where most of the other headings are the
            # steps' sections: a how-to's "What is Python?" opens a part on what is installed, under "Installing
            # Python 3.12 on Windows 11 the Easy Way"; where one of them is a step on that thing, "Accessing BIOS",
            # it must do twice as well as a title, as any other heading. Nor where fewer than two in three of the
            # other headings say the word (EXPLAINS): the page is then no explainer of the thing but a task with it,
            # whose "What is WSL?" opens a one-line part above "What you need", "Pick another distribution" and one
            # step's section, under "Install a Linux Environment on Your Windows 11 PC"; nor on a deal, a review or
            # news, nor where its section defines the thing in one line: "What is NordVPN?" over a Black Friday deal)
            if form is not None and form[2] < 2 and not _CODE.search(c):
                if not own(c) or not failed or how_to or not explains:
                    s = float("-inf")
                elif task:
                    handicap = HEADING_HANDICAP
            out.append((s / handicap if s > 0 else s, -len(c.split()), -_shouted(c), -i, c))
        return out

    @staticmethod
    def sections_among(entry: dict) -> set[str]:
        """The headings (as `headings` reads them) of the body's sections that come after some of its prose and have
        a sibling, a heading of their level before or after them with no heading of a higher level between: one
        section of several under the article's intro ("Open vs Closed Earbuds", "Enter the Sony LinkBuds", "The Best
        of Both Worlds"), which names a part of the article, not the whole."""
        secs = [s for s in entry.get("sections", []) if plain(s.get("heading", "")).strip()]
        levels = [s.get("level") or 0 for s in secs]

        def sibling(k: int, step: int) -> bool:
            for m in range(k + step, len(secs) if step > 0 else -1, step):
                if levels[m] < levels[k]:
                    return False
                if levels[m] == levels[k]:
                    return True
            return False
        prose = bool(words(plain(entry.get("summary", ""))))
        out, k = set(), 0
        for s in entry.get("sections", []):
            if plain(s.get("heading", "")).strip():
                if prose and (sibling(k, 1) or sibling(k, -1)):
                    out.add(" ".join(plain(s["heading"]).replace("*", "").split()))
                k += 1
            prose = prose or bool(words(plain(s.get("text", ""))))
        return out

    @staticmethod
    def parts_among(entry: dict) -> list[str]:
        """The headings of `sections_among` that name a part of the article: not one whose sub-sections hold the
        steps of two of them or more, which names the task its fixes are for ("How to Stop Random Vibrations on
        Android" over "Restart Your Phone", "Turn Off Haptic Feedback", ...)."""
        among = TitleChooser.sections_among(entry)
        secs = entry.get("sections", [])
        parent = {s.get("id"): s.get("parent") for s in secs if s.get("id") is not None}
        stepped = {st.get("section") for st in entry.get("steps", [])}
        under = Counter()  # (a section's id -> how many of the sections below it hold steps)
        for sid in stepped:
            seen, up = {sid}, parent.get(sid)
            while up is not None and up not in seen:
                seen.add(up)
                under[up] += 1
                up = parent.get(up)
        return sorted(" ".join(plain(s["heading"]).replace("*", "").split()) for s in secs
                      if plain(s.get("heading", "")).strip() and under[s.get("id")] < 2
                      and " ".join(plain(s["heading"]).replace("*", "").split()) in among)

    @staticmethod
    def atop(entry: dict) -> bool:
        """Whether the body's first heading comes before any of its prose (a section before it says no word,
        its text only the markup or the chrome the cleaning left out, and no summary stands for an intro the
        sections do not hold, as `chunks` reads it): the heading names the article, as a page's title does, not a
        part of it after an intro."""
        sections = entry.get("sections", [])
        if not any(s.get("level") == 0 for s in sections) and words(plain(entry.get("summary", ""))):
            return False
        for s in sections:
            if plain(s.get("heading", "")).strip():
                return True
            if words(plain(s.get("text", ""))):
                return False
        return False

    def unspun(self, heading: str, tf: Counter) -> str:
        """The heading without the spin a published title loses (`without_spin_affixes`: "[Solved] How to
        Fix ...", "... Unavailable in 2024"); the heading itself when fewer than two words would be left, it
        would end on a word that leans on the spin ("Deals on Computers at [Your Site Name]"), or what goes
        holds a number the text says elsewhere ("Apple iPad Pro 11-Inch (2018)": a model's year)."""
        out = without_spin_affixes(heading, self.spin_prefixes, self.spin_suffixes)
        if out == heading or len(out.split()) < 2 or _DANGLING.search(out):
            return heading
        gone = set(re.findall(r"\d+", heading)) - set(re.findall(r"\d+", out))
        return heading if any(tf[n] >= 2 for n in gone) else out

    def messages(self, entry: dict) -> list[str]:
        """The runs the entry's intro sets off (`_SET_OFF`: bold, in quotes) that read as a title: the message
        the article is about, quoted as the reader sees it ("**No suitable graphics card found. Unable to create
        the graphics device.**" as "No suitable graphics card found"), its first sentence, MESSAGE_WORDS long at
        most, none of a question, a label (closing on ":"), a list's item or a link's address."""
        intro = [s.get("text", "") for s in entry.get("sections", []) if s.get("level") == 0][:1]
        out = []
        for t in [entry.get("summary", ""), *intro]:
            for m in _SET_OFF.finditer(t):
                run = " ".join(plain(m.group(m.lastindex)).replace("*", "").split()).strip(_MARKS)
                run = _SENTENCE_END.split(run)[0].strip(_MARKS)
                # (its first clause, when that says enough: "Unable to launch game, please verify your game data")
                clause = re.split(r"[,;]\s", run, maxsplit=1)[0].strip(_MARKS)
                run = clause if len([w for w in words(clause) if w not in self.generic]) >= 2 else run
                said = [w for w in words(run) if w not in self.generic]
                if (3 <= len(run.split()) <= MESSAGE_WORDS and len(said) >= 2 and not _ITEM.match(run)
                        and any(p.search(run) for p in self.message_words) and run[:1].isupper()
                        and not _PART.match(run) and not _ADDRESS.search(run)
                        and not re.search(r"[?:]\s*$", m.group(m.lastindex).strip("*_ ”\"")) and run not in out):
                    out.append(run)
        return out[:2]

    @staticmethod
    def set_off(entry: dict) -> list[str]:
        """The runs the entry's intro sets off (`_SET_OFF`), as padded word strings: an intro
        often restates the article's own title in bold ("fix **Printer Offline Issue on
        Windows 7**"), which a spun copy's title then rewords."""
        intro = [s.get("text", "") for s in entry.get("sections", []) if s.get("level") == 0][:1]
        runs = (m.group(m.lastindex) for t in [entry.get("summary", ""), *intro] for m in _SET_OFF.finditer(t))
        return [f" {' '.join(words(plain(r)))} " for r in runs]

    @staticmethod
    def covered(covers: tuple[bool, list[str]], main: str | None) -> bool:
        """A heading (what `covers` says of it) that is no better a title than the published
        ones: a title says all its words ("What is svchost.exe?" under "High CPU Usage by
        svchost.exe"; not a heading of names only, a review's "Bose SoundLink Max": it is the
        title without spin), or it lacks the word the text says most, weighed by how specific
        it is (`main`), that a title says (a section "Title bar" of an article about the
        Windows Terminal)."""
        always, by = covers
        return always or main in by

    def covers(self, heading: str, titles: list[str]) -> tuple[bool, list[str]]:
        """What `covered` reads of a heading but the main word: (whether the titles cover it
        whatever that is, the main words for which they do)."""
        all_words = words(heading)
        said = {w for w in all_words if w not in self.generic}
        in_titles = [set(words(t)) for t in titles]
        return len(said) < len(all_words) and any(said <= t for t in in_titles), sorted(set().union(*in_titles) - said)

    def compose(self, k: int, cands: list[str], code: str | None, runs: bool = True, strict: bool = False) -> str:
        """A title that is a span of the text itself, when no candidate names the subject: the
        opening of one of the intro's first sentences (`phrase`), up to a clause boundary, that
        holds the text's most specific terms (`terms`) and the error code the text repeats;
        kept as written. "" when no sentence does (the best candidate stays). When `strict` (a span
        that is to replace a title scoring well), not a list's item line, a sentence that opens with a
        label ("Disclosure: ...") nor a span without an English function word (another language's)."""
        terms = self.terms(k, cands)
        if not terms:
            return ""
        best, covered = "", 0
        for sentence in self.sentences(k, runs, strict):
            span = self.phrase(sentence, terms, code, strict)
            said = set(words(span))
            n = sum(t in said for t in terms)
            if n > covered:
                best, covered = span, n
            if covered >= min(2, len(terms)):
                break
        return best if covered and terms[0] in set(words(best)) else ""

    def terms(self, k: int, cands: list[str]) -> list[str]:
        """The text's most specific terms, most specific first: words it says in two parts or
        more, rare in the build, weighed up by how many candidates say them (spinning rewords a
        title around its subject)."""
        tf = self.tf[k]
        said = Counter(w for c in cands for w in set(words(c)))

        def weight(w):
            return (said[w] / max(len(cands), 1) + 0.1) * math.log1p(tf[w]) * self.idf.get(w, 0.0)
        ranked = sorted((w for w in tf if tf[w] >= 2 and not w.isdigit() and len(w) > 1), key=lambda w: (-weight(w), w))
        return ranked[:COMPOSE_TERMS]

    def sentences(self, k: int, runs: bool = True, strict: bool = False) -> list[str]:
        """The first COMPOSE_SENTENCES sentences of the text's opening paragraphs, without markup
        marks, then (if `runs`) the runs they set off (`_SET_OFF`: an error message in bold or in quotes);
        if `strict`, none of a list's item line ("- Long battery life": a review's pros)."""
        out, set_off = [], []
        for para in self.parts(k)[:3]:
            set_off += [" ".join(m.group(m.lastindex).split()) for m in _SET_OFF.finditer(para)]
            for line in para.splitlines():
                line = " ".join(line.replace("**", "").replace("__", "").split())
                if strict and _BULLET.match(line):
                    continue
                line = line.lstrip("#>-*+ ")
                out += [s for s in _SENTENCE_END.split(line) if s]
        return out[:COMPOSE_SENTENCES] + (set_off if runs else [])

    def foreign(self, span: str) -> bool:
        """A span in another language: four words in lower case or more, none an English function word
        (compose_openers, articles): "Der neue Fairphone 5 hat das modular Design"; not a name ("LG Styler Steam Closet")."""
        lower = {t.strip(_EDGES).replace("’", "'") for t in span.split() if t[:1].islower()}
        return len(lower) >= 4 and not (self.openers | {"the", "a", "an"}) & lower

    def phrase(self, sentence: str, terms: list[str], code: str | None, strict: bool = False) -> str:
        """The sentence's opening up to its first clause boundary (`_CLAUSE`) after COMPOSE_MIN
        words, without a short lead-in ("Recently, "; "On Wednesday, the" as "The"), if it holds
        one of `terms` (and `code`) and is at most COMPOSE_WORDS long; "" for a question, a
        sentence that opens with a word that leans on what came before or on the reader
        ([title_choice] compose_openers: "This", "If", "You") or in lower case ("MaxSun, one of
        the ..."), or a span that speaks to the reader or in the writer's voice
        (compose_pronouns: "your", "we"), or an exclamation. A mark inside quotation marks ends no
        clause, and the span does not end on a word that leans on what follows (a compose_openers
        word or an article: '... a dedicated "AI prompt button" that')."""
        if strict and _LABEL.match(sentence):  # (a note's label: "Disclosure: ...", "Update (March 2024): ...")
            return ""
        lead = _LEAD_IN.match(sentence)
        sentence = sentence[lead.end():] if lead else sentence
        if lead and lead.group().split()[0].lower() in self.openers and re.match(r"(?:the|a|an)\s", sentence):
            # (an adverbial's: "On Wednesday, the U.S. State Department ..."; not an aside's: "LG, the maker ...")
            sentence = sentence[:1].upper() + sentence[1:]
        ws = sentence.split()
        first = ws[0].strip(_EDGES).lower().replace("’", "'") if ws else ""
        if (len(ws) < COMPOSE_MIN or sentence.rstrip().endswith(("?", "!")) or first in self.openers
                or _ITEM.match(sentence) or not sentence[:1].isupper() and not sentence[:1].isdigit()):
            return ""
        # (a mark inside quotation marks ends no clause of the sentence: 'intended for “content creators, AI-savvy ...”')
        # (the words before a mark, and the quotation it may be in, found by bisection: a sentence of
        # thousands of commas in one quotation is read once, not once a comma)
        quoted = [m.span() for m in _QUOTED.finditer(sentence)]
        starts, opens = [m.start() for m in _WORD_RUN.finditer(sentence)], [a for a, _ in quoted]

        def ends_clause(at: int) -> bool:
            q = bisect_left(opens, at)  # (the quotations opened before it)
            return bisect_left(starts, at) >= COMPOSE_MIN and (q == 0 or at >= quoted[q - 1][1])
        lists = []  # (a list a comma opens: its commas end no clause, "… as a phone, tablet, and PC"; read to its end once)

        def in_list(at: int) -> bool:
            if not lists or lists[-1][1] <= at:  # (commas come in order: only the last list may hold it)
                lists.append((at, list_end(sentence, at)))
            return lists[-1][1] > at
        end = next((m.start() for m in _CLAUSE.finditer(sentence) if ends_clause(m.start()) and not in_list(m.start())),
                   len(sentence))
        # (nor with the space a scrape left before its end mark: "Apple sells a lot of  iPhones .")
        span = re.sub(r"\s+([,;:])", r"\1", sentence[:end].strip().rstrip(".!;:,\\ "))
        # (nor on a word that leans on what was cut: '... a dedicated "AI prompt button" that'; its words
        # found once, the last dropped each time with the marks before it)
        leaning = self.openers | {"the", "a", "an"}
        runs = [m.span() for m in _WORD_RUN.finditer(span)]
        while len(runs) > COMPOSE_MIN and span[slice(*runs[-1])].lower() in leaning:
            span = span[:runs.pop()[0]].rstrip(" ,;:")
            while runs and runs[-1][0] >= len(span):
                runs.pop()
            runs[-1:] = [(runs[-1][0], min(runs[-1][1], len(span)))] if runs else []
        said = {t.strip(_EDGES).lower().replace("’", "'") for t in span.split()}
        if (len(span.split()) > COMPOSE_WORDS or self.pronouns & said or not set(terms) & set(words(span))
                or any(_ADDRESS.search(t) for t in span.split())  # (an address a broken picture left: "2:max_bytes(...)/_hero...")
                or strict and self.foreign(span)
                or (code and code not in span.lower() and code not in " ".join(words(span)))):
            return ""
        return span
