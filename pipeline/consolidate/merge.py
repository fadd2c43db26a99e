"""Merging a cluster's bodies: sections and steps aligned, extras inserted where they belong, variants kept."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..model import Options
from .cluster import ALIGN_CHARS, ALIGN_WINDOW, _cost, _ratio


# --------------------------------------------------------------------- merging

@dataclass
class _Slot:
    """One merged section or step: the canonical version and where it came from."""

    item: object
    head: str  # the canonical item's heading (or title) and text, as aligned
    text: str
    sources: list[str] = field(default_factory=list)
    variants: dict[str, list[str]] = field(default_factory=dict)  # text -> sources

    def __post_init__(self):
        self.low = self.head.lower()
        self.norm = " ".join(self.text.split())


def _merge_lists(lists: list[tuple[list, list[str]]], key, o: Options) -> tuple[list[_Slot], dict[int, _Slot]]:
    """Union of several ordered lists; later lists' extra items are inserted after the
    item they follow. `key(item)` gives (heading, text) for alignment. Items of one list
    are different items even when they look alike (two "Step 1" under two methods): each
    aligns only with a slot that no item of its own list holds. Returns the slots, and
    the slot of every item (by id()).

    Linear-ish: an exact match (the usual case) is found through an index of the slots by
    heading (or text, for a slot without one), fuzzy matching looks only ALIGN_WINDOW
    slots either side of where the list has got to, and a list's new slots are put in
    place once the list is done."""
    slots: list[_Slot] = []
    placed: dict[int, _Slot] = {}
    by_key: dict[tuple, list[_Slot]] = {}  # exact key -> its slots, in slot order
    for items, sources in lists:
        pos = {id(s): k for k, s in enumerate(slots)}  # the slots before this list, in place
        last = -1  # (the position, among those, of the last slot this list's items held)
        held: set[int] = set()  # id() of the slots this list's items hold
        seen: dict[tuple, int] = {}  # exact key -> how many of its slots are held for sure
        new: list[tuple[int, _Slot]] = []  # this list's new slots, each after slots[position]
        for it in items:
            head, text = key(it)
            k = ("h", head.lower()) if head else ("t", text)
            slot = _exact(by_key.get(k, ()), held, seen, k)
            if slot is None:
                slot = _fuzzy(head, text, slots, last + 1, o, held)
            if slot is None:
                slot = _Slot(item=it, head=head, text=text, sources=list(sources))
                new.append((last, slot))
                by_key.setdefault(k, []).append(slot)  # (after every slot of its key: those are held)
            else:
                last = max(last, pos[id(slot)])
                slot.sources.extend(sources)
                if text != slot.text and " ".join(text.split()) != slot.norm:
                    slot.variants.setdefault(text, []).extend(sources)
            held.add(id(slot))
            placed[id(it)] = slot
        if new:
            slots = _interleave(slots, new)
    return slots, placed


def _exact(candidates: list[_Slot], held: set[int], seen: dict, k) -> _Slot | None:
    """The first slot of `candidates` (those a perfect score would align with) not in
    `held`. seen[k]: how many at its start are held (they stay held for the list)."""
    n = seen.get(k, 0)
    while n < len(candidates) and id(candidates[n]) in held:
        n += 1
    seen[k] = n
    return candidates[n] if n < len(candidates) else None


def _fuzzy(head, text, slots: list[_Slot], at: int, o: Options, held: set[int]) -> _Slot | None:
    """The best-matching slot (the first of the best) not in `held`, among those within
    ALIGN_WINDOW of position `at` (and ALIGN_CHARS of their text), or None."""
    low = head.lower()
    best, score, spent = None, 0.0, 0
    for slot in slots[max(0, at - ALIGN_WINDOW):at + ALIGN_WINDOW]:
        if id(slot) in held:
            continue
        if spent > ALIGN_CHARS:
            break
        if head and slot.head:
            spent += _cost(low, slot.low, o.section_match)
            s = _ratio(low, slot.low)
        elif not head and not slot.head:
            spent += _cost(text, slot.text, o.section_match)
            s = _ratio(text, slot.text, o.section_match)
        else:
            s = 0
        if s >= o.section_match and s > score:
            best, score = slot, s
    return best


def _interleave(slots: list[_Slot], new: list[tuple[int, _Slot]]) -> list[_Slot]:
    """The slots with each new one after slots[position] (-1: first), in the order given."""
    out = [s for p, s in new if p < 0]
    j = len(out)
    for k, slot in enumerate(slots):
        out.append(slot)
        while j < len(new) and new[j][0] == k:
            out.append(new[j][1])
            j += 1
    return out


# --------------------------------------------------------------------- entries

def _short(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
