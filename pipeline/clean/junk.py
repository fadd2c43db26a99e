"""Text-level ads and debris: disclaimers, promos, calls to action, farm headings. A new ad kind lands here."""
from __future__ import annotations

import re
from collections import Counter

from .links import _LINK, _destination
from .urls import unwrapped, url_is_affiliate, url_is_safe

# ...and as a banner writes one, maybe in emphasis (groups: bang, label, destination, title)
_CTA_LINK = re.compile(r"(?:\*\*|__|[*_])?" + _LINK.pattern + r"(?:\*\*|__|[*_])?")


# --------------------------------------------------- 5. text-level junk blocks

def _sponsor_note(low: str, ctx) -> bool:
    """The disclaimer claims its page is a sponsor's ("This article is sponsored by ..."), no
    negation right before the claim ("This post is not sponsored by any brand")."""
    return any(not any(n.search(low, max(0, m.start() - 40), m.start()) for n in ctx.disc_negations)
               for p in ctx.disc_sponsor for m in p.finditer(low))

def _drop_text_junk(block: str, ctx, removed: Counter) -> str:
    stripped = block.strip()
    if not stripped:
        return block
    low = stripped.lower()
    # affiliate disclaimers (blockquote or paragraph), a sponsor's note counted apart: the page
    # is its sponsor's, which the record carries to page kinds (the text no longer says it)
    if any(w in low for w in ctx.disc_first) and any(w in low for w in ctx.disc_second) and len(low) < 600:
        removed["sponsor_note" if _sponsor_note(low, ctx) else "disclaimer"] += 1
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


def _anchor(m: re.Match) -> str:
    """A _CTA_LINK's text as the button rules read it: lower case, its emphasis and spacing aside."""
    return " ".join(m.group(2).strip("*_ ").lower().split())


def _lone_button_link(block: str, ctx) -> bool:
    """One link alone whose text is a button's ("[Visit Site](https://support.hp.com/...)")."""
    links = list(_CTA_LINK.finditer(block))
    return (len(links) == 1 and not links[0].group(1) and not _CTA_LINK.sub("", block).strip()
            and ctx.cta_buttons.fullmatch(_anchor(links[0])) is not None)


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
    anchors = [_anchor(m) for m in links]
    if all(not m.group(1) and ctx.cta_buttons.fullmatch(a) for m, a in zip(links, anchors)) and (
            len(links) > 1 or ctx.cta_strong.fullmatch(anchors[0]) or _to_shop(_destination(links[0].group(3)), ctx)):
        return True  # a shop's buttons, to whatever host ("Visit Site" alone: to a shop's)
    if len(links) == 1 and not links[0].group(1) and ctx.cta_card.fullmatch(anchors[0]):
        return True  # a product card that is one link, its button at the end ("... View at Amazon")
    if all(not m.group(1) and _button_label(a, ctx) and _to_shop(_destination(m.group(3)), ctx)
           for m, a in zip(links, anchors)):
        return True  # a shop's buttons by their labels, to affiliate links ("Check Amazon", "$59.99")
    if not all(not m.group(1) and 0 < len(a) <= 60 and a.startswith(ctx.cta_anchors) for m, a in zip(links, anchors)):
        return False
    return any(_to_shop(_destination(m.group(3)), ctx) for m in links)


_PRICE = re.compile(r"[$€£]\s?\d[\d,.]*(?: */ *(?:mo(?:nth)?|mth|yr|year))?")  # ("$59.99", "$6  /mth")


def _button_label(anchor: str, ctx) -> bool:
    """A button's label (lower case, emphasis gone): up to four words opening with a shop's
    verb and no full stop, a price alone, or anything ending in a shop's button."""
    words = anchor.split()
    return bool(words) and ((len(words) <= 4 and words[0] in ctx.cta_verbs and not anchor.endswith((".", "!", "?")))
                            or _PRICE.fullmatch(anchor) is not None or ctx.cta_ending.fullmatch(anchor) is not None)


def _to_shop(url: str, ctx) -> bool:
    return url_is_affiliate(url, ctx) or unwrapped(url, ctx) is not None


# a line of links alone; each bold mark has one place (a link's closing mark, then spaces, then the next one's
# opening mark): a mark that could close one link or open the next made 2^n tries on a line of n links
_LINK_ONLY = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?\[[^\]\n]*\]\([^)\n]*\)"
                        r"(?:(?:(?:\*\*|__)\s*(?:\*\*|__)?|\s+(?:\*\*|__)?)?\[[^\]\n]*\]\([^)\n]*\))*(?:\*\*|__)?\s*$")

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
