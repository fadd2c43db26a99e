"""Promotion at the block grain: which paragraphs pitch a tool, which step has no manual way."""
from __future__ import annotations

import re

from ..text import SENTENCE_END
from .blocks import _Block, _Sec

_MD_MARKS = re.compile(r"[*_`]+")


class Pitch:
    """What pitches a tool, per block."""

    def _promotional(self, s: _Sec) -> bool:
        return self.products.search(s.heading) is not None or self._promo_text(s.heading + "\n" + s.text)

    def _promo_text(self, text: str) -> bool:
        low, found = text.lower(), 0
        for p in self.promo:
            if p in low:
                found += 1
                if found == 2:
                    return True
        return False

    def _pitch(self, units: list[tuple[str, str, _Block | None]]) -> tuple[str, list[tuple[int, int]], set, bool]:
        """(text, pitch ranges in it, id() of the blocks that pitch, whether the rest gives a
        manual way). A pitch starts at the sentence that names a tool or says a pitch phrase
        ("... you can do it automatically with **Driver Easy**.") and runs over the blocks
        after it (the tool's own procedure, its screenshots) until a part of the step that
        does not pitch opens: a sub-heading, a bold label, an "OR" / "Alternatively" line.
        The rest gives a manual way when it has sub-steps, a settings path, a shortcut, a
        command, a screenshot or a link to a download or support page (manual_links), or names one (rules [promotional] manual_cues: "the manufacturer's website"),
        or a part of it is labelled so ("**Option 1 – Manually**", manual_labels)."""
        parts, size, ranges, pitched, manual, in_pitch = [], 0, [], set(), False, False
        for md, plain, b in units:
            start = size + 2 if parts else 0
            cut = start
            if b is None or self._opener(b, plain):
                in_pitch = self._pitchy(plain)
                if md and not in_pitch:  # (not the step's own heading: "Update your driver manually")
                    label = plain if b is None else b.strong[0] if b.strong and plain.lstrip().startswith(b.strong[0]) else ""
                    manual = manual or self.manual_label.search(label) is not None
            elif not in_pitch and self._pitchy(plain):
                in_pitch = True
                if b.kind == "paragraph":  # the sentences before the pitch are the step's own
                    at = self._pitch_sentence(md)
                    cut = start + at
                    manual = manual or bool(self.manual_cue.search(md[:at]))
            if md:
                parts.append(md)
                size = start + len(md)
            if in_pitch:
                if b is not None:
                    pitched.add(id(b))
                if md and ranges and ranges[-1][1] == start - 2:
                    ranges[-1] = (ranges[-1][0], size)
                elif md:
                    ranges.append((cut, size))
            elif md and not manual:
                manual = bool(self.manual_cue.search(plain)) or (b is not None and (
                    bool(b.ordered_items or b.ui_paths or b.images or (b.code and any(self._is_command(c) for c in b.code))
                         or any(self.manual_link.search(link["url"]) for link in b.links)
                         or ("+" in b.plain and self.shortcut.search(b.plain)))))
        return "\n\n".join(parts), ranges, pitched, manual

    def _opener(self, b: _Block, plain: str) -> bool:
        """A block that opens a part of a step: a bold label (not a number: `**2)** Run ...`
        is the procedure going on) or an alternative ("OR", "Alternatively, ...")."""
        if b.kind != "paragraph":
            return False
        if b.strong and b.source.startswith(("**", "__")) and plain.lstrip().startswith(b.strong[0]) and (
                len(b.strong[0]) >= 4 and not b.strong[0][:1].isdigit()):
            return True
        return self.alternative.match(plain) is not None

    def _pitchy(self, text: str) -> bool:
        low = text.lower()
        return self.products.search(text) is not None or any(p in low for p in self.promo)

    def _pitch_sentence(self, md: str) -> int:
        """Where in a paragraph's markdown the first sentence that pitches starts."""
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(md)]
        for a, b in zip(starts, starts[1:] + [len(md)]):
            if self._pitchy(_MD_MARKS.sub("", md[a:b])):
                return a
        return 0
