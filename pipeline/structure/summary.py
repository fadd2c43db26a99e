"""The summary: the intro's paragraphs, without contents lists, ad lines or a procedure, bounded."""
from __future__ import annotations

import re

from .blocks import _Block, _Sec, _is_text
from .steps import _step_number


def _after_sentence(text: str, at: int) -> bool:
    """The line before `at` ends a sentence (or a list item's number), or ends in two
    spaces: where a lost line break used to be."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return bool(before.strip()) and (before.endswith("  ") or before.rstrip()[-1] in ".!?:)")

SUMMARY_MAX = 1000  # characters: a longer intro ends at the paragraph (or sentence) before


def _summary(secs: list[_Sec], contents: re.Pattern | None = None, ads: re.Pattern | None = None,
             credits: re.Pattern | None = None, acts: re.Pattern | None = None, captions: bool = True,
             steps: tuple = ()) -> str:
    """The intro: the text paragraphs before the first heading. A body without headings has
    its procedure there too: its intro ends at the first list or numbered paragraph. A label
    line leading the intro (a product name, a breadcrumb: "Video Repair"; a picture's credit,
    rules [summary] credit_lines) is not part of it, nor is a picture's caption (`_caption`; `acts`:
    what opens an instruction, which a screenshot's alt text may repeat).
    An intro left empty (a body that opens with a heading: "Why update your printer
    driver?", a review's product name) gives way to the first paragraph that reads as a
    sentence under a later heading, outside promotional and fix sections. A table of
    contents (a paragraph naming two fixes by their labels, "**Method 1:** ... **Method
    2:** ..."), an item of one (`_contents_entry`), a paragraph of links only, an ad line ("Use Fortect to fix it now!") and a
    cookie notice are not part of it (rules
    [summary]), and it ends at the paragraph that would take it over SUMMARY_MAX characters
    (a first paragraph that long: at the sentence that would). A caption never empties the
    summary: where nothing else would be left, it stays (`captions` off: a page's one-sentence
    intro under a hero picture whose alt text says the same).
    `steps` (the body's Steps): a paragraph a step is read from is the procedure, not the intro:
    the intro ends at the first (a how-to whose steps are the sentences over its screenshots, "First,
    swipe down … and tap the gear icon"), and the paragraph under a later heading is one no step
    holds (but under the first heading: the page's own, whatever was read from it), in a section no
    step is read from if it is a fix section (the page's own heading, "[Solved] How to Fix …", over the
    intro that a site's second title heading leaves); none such: as before."""
    held = [st.text for st in steps if st.text]
    stepped = {st.section for st in steps}
    opens = [(st.text, " ".join(st.title.split())[:40]) for st in steps
             if st.text and st.title.strip() and st.section == 0]  # (the intro's own: not a later "## Fix 1: ...")

    def procedure(b: _Block) -> bool:  # (a block of a step: its text is in the step's, as the step was read)
        text = b.text.strip()
        return bool(text) and any(text in t for t in held)

    def opens_step(b: _Block) -> bool:
        """The block a step read from the intro's own section opens with and takes its title from (a
        numbered step whose text runs from the intro's first paragraph does not open there; an intro
        sentence that a later heading's step repeats, "Restart your router and your computer.", opens none)."""
        text, plain = b.text.strip(), " ".join(b.plain.split())
        return bool(text) and any(t.startswith(text) and title in plain for t, title in opens)

    intro: list[_Block] = []
    for b, before in zip(secs[0].blocks, [None, *secs[0].blocks]):
        if len(secs) == 1 and (b.kind == "list" or _step_number(b, bare=False) is not None):
            if intro or b.kind != "list" or b.ordered_items:
                break
            continue  # (bullets before any prose, "Key Takeaways" whose label went as chrome, lead into no intro)
        if _is_text(b) and opens_step(b):
            break
        opening = intro or not (_label_line(b) or _credit_line(b, credits) or (ads and ads.search(b.text)))
        if _is_text(b) and not _only_links(b) and opening and not (captions and _caption(b, before, acts)):
            # (after an ad or a cookie notice, a label still opens nothing)
            intro.append(b)
    if not intro:
        def later(keep, own: bool) -> list[_Block]:  # the first paragraph that reads as a sentence under a later heading
            return next(([b] for i, s in enumerate(secs[1:], 1) if keep(i, s)
                         for b, before in zip(s.blocks, [None, *s.blocks])
                         if _is_text(b) and not _short_line(b) and not (captions and _caption(b, before, acts))
                         and not (own and i > 1 and procedure(b))), [])
        if held:
            intro = later(lambda i, s: s.kind != "promotional" and (s.kind != "fix" or i not in stepped), True)
        if not intro:
            intro = later(lambda i, s: s.kind not in ("promotional", "fix"), False)
    out: list[str] = []
    for text in (b.text.strip() for b in intro):
        if ads is not None and ads.search(text) or _contents_entry(text):
            continue
        labels = list(contents.finditer(text)) if contents is not None else []
        if labels and labels[0].start() == len(text) - len(text.lstrip("*_ ")):  # one opens it: a contents line
            continue
        if len(labels) >= 2:  # a contents list: what comes before its first label, if a sentence
            text = _sentences_within(text[:labels[0].start()].rstrip(" *_\n"), len(text))
            if out and not text:
                break
        if not text:
            continue
        size = sum(len(t) + 2 for t in out) + len(text)
        if size > SUMMARY_MAX:
            if not out:
                out.append(_sentences_within(text, SUMMARY_MAX))
            break
        out.append(text)
    summary = "\n\n".join(t for t in out if t).strip()
    if not summary and captions:
        return _summary(secs, contents, ads, credits, acts, captions=False, steps=steps)
    return summary


def _sentences_within(text: str, limit: int) -> str:
    """The text's whole sentences that fit in `limit` characters (none: empty)."""
    if len(text) <= limit and (not text or _SENTENCE_CLOSE.search(text)):
        return text
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'”’)\]*_]*(?=\s|$)", text) if m.end() <= limit]
    return text[:ends[-1]].strip() if ends else ""


_ANCHOR_LINK = re.compile(r"\]\(#[^)\n]*\)")
_BOLD_NUMBERED = re.compile(r"(?:\*\*|__)\[?(?:\*\*|__)?\d{1,2}\s*\\?[.)]")


def _contents_entry(text: str) -> bool:
    """A paragraph that is an item of a table of contents, not the intro's prose: a link into
    the page itself ("[**Way 3 (Recommended): Update the driver**](#Way 3)"), a line of bold
    that opens with an item's number ("**1)Check the connection and restart your devices**"),
    or marks without a word (conversion debris: "**``**``")."""
    t = text.strip()
    if not re.search(r"[^\W_]", t):
        return True
    opens_link = t.lstrip("*_ ").startswith("[")
    return bool(opens_link and _ANCHOR_LINK.search(t)) or bool(_BOLD_NUMBERED.match(t) and t.endswith(("**", "__")))


def _only_links(b: _Block) -> bool:
    """A paragraph that is links and nothing else: a button ("Free Download"), a breadcrumb or
    a run of links to other pages, not the intro's prose."""
    said = len(re.sub(r"\W", "", b.plain))  # (letters counted: a paragraph may hold thousands of links)
    return bool(b.links) and said <= sum(len(re.sub(r"\W", "", link.get("text", ""))) for link in b.links)

_SENTENCE_CLOSE = re.compile(r"[.!?:;…][\"'”’)\]*_\s]*$")

_LOWER_WORD = re.compile(r"\b[a-z]{5,}\b")


def _short_line(b: _Block) -> bool:
    """A short line that ends no sentence: a label or a caption ("What We Like", "Lifewire /
    Kelsey Simon", "89 views Jan 11, 2023")."""
    text = " ".join(b.plain.split())
    return len(text) <= 80 and not _SENTENCE_CLOSE.search(text)


def _credit_line(b: _Block, credits: re.Pattern | None) -> bool:
    """A short line that credits a picture ("simonkr/Getty Images", "(Image credit: …)")."""
    return credits is not None and _short_line(b) and credits.search(" ".join(b.plain.split())) is not None


_CAPTION_WORD = re.compile(r"[^\W_]*\d[^\W_]*|[^\W\d_]{4,}")  # (a model number, or a word of four letters or more)
CAPTION_MAX = 160  # characters
CAPTION_LONG_WORDS = 5  # a caption of this many words or more says two thirds of them in the alt text (not half)


def _caption(b: _Block, before: _Block | None, acts: re.Pattern | None = None) -> bool:
    """A picture's caption: the one sentence (at most CAPTION_MAX characters, no link) right
    under a picture, at least half of whose words the picture's alt text or file name says
    ("John Deere's electric excavator." under "![John Deere electric excavator against a white
    background](...)", "The Anycubic Kobra Neo." under ".../anycubic-kobra-neo.jpg"): it says
    what the picture shows, not what the article is about. Not a label that leads on ("**Cause
    for Error:**"), an instruction (`acts`: 'Select "Notifications."' under the screenshot
    before it), nor a shop's card (a product's name and its price, linked: a deal's offer)."""
    if before is None or not before.only_images or b.links:
        return False
    text = " ".join(b.plain.split())
    if (len(text) > CAPTION_MAX or re.search(r"[.!?…]\s+\S", text) or text.rstrip(" *_").endswith(":")
            or acts is not None and acts.match(text)):
        return False
    said = {w.lower() for w in _CAPTION_WORD.findall(text)}
    shown = {w.lower() for i in before.images
             for w in _CAPTION_WORD.findall(i["alt"] + " " + i["url"].rsplit("/", 1)[-1].rsplit(".", 1)[0])}
    # (a longer line says more of the alt text: "The Samsung Galaxy S23 Ultra is the best Android phone
    # you can buy." under "Samsung Galaxy S23 Ultra review", 4 of its 7 words, is the intro's first sentence)
    shared = len(said & shown)
    return bool(said) and (3 * shared >= 2 * len(said) if len(said) >= CAPTION_LONG_WORDS else 2 * shared >= len(said))


def _label_line(b: _Block) -> bool:
    """Such a line naming something (its longer words capitalized: "Stellar® Data Recovery
    Technician", "Stellar Eraser for Mobile /4. Working with the Software"), not a sentence
    that lost its full stop ("Install Intel Graphics Driver but got error message")."""
    return _short_line(b) and not _LOWER_WORD.search(b.plain)
