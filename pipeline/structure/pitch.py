"""Promotion at the block grain: which paragraphs pitch a tool, which step has no manual way."""
from __future__ import annotations

import re

from ..text import SENTENCE_END
from .blocks import _Block, _Sec
from .steps import _label

_MD_MARKS = re.compile(r"[*_`]+")
_CLAUSE = re.compile(r"[,:;.!?–—]")
_LEAD_LABEL = re.compile(r"\s*+([^\n.!?,;:–—]{1,60}?)\s*+(?::|(?<=\s)[–—-]\s)")  # (possessive: linear in a run of spaces)
_WORDS = re.compile(r"[^\W\d_]{2,}")  # (a step's number alone, `1\. `, says nothing)
_ITEM = re.compile(r"(?m)^[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")  # a list item's start
_NUMBER = re.compile(r"(?m)^[ ]{0,3}(\d{1,9})[.)]")  # an ordered list item's number
_QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,80})[”\"]")  # a quoted span of prose: what is typed (a bracket glosses)
_SENTENCE_BREAK = re.compile(r"[.!?:]\s+")
_SENTENCE_GOES_ON = re.compile(r"[ \t]*[a-z]")  # (after a bold word: its sentence goes on)
# a list item's label and its colon ("* **Icon cache**: …", "* **Icon cache:** …"; not a bold verb, "1. **Run** it")
_ITEM_LABEL = re.compile(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\*\*|__)[^*_\n]{2,60}(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)")
_MENU_PATH = re.compile(r"\w[ \t]*(?:>|→|»)[ \t]*[A-Z]")  # a menu's path: "Settings > General", a manual way's
_LETTERED = re.compile(r"\s*\(?[a-zA-Z][.)]\s")  # a lettered label ("a) Scan"): a sub-step's


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

    def _pitch(self, units: list[tuple[str, str, _Block | None]],
               action: _Block | None = None) -> tuple[str, list[tuple[int, int]], set, bool]:
        """(text, pitch ranges in it, id() of the blocks that pitch, whether the rest gives a
        manual way). A pitch starts at the sentence that names a tool or says a pitch phrase
        ("... you can do it automatically with **Driver Easy**.") and runs over the blocks
        after it (the tool's own procedure, its screenshots) until a part of the step that
        does not pitch opens: a sub-heading, a bold label, an "OR" / "Alternatively" line,
        a paragraph opening with a manual label ("If you prefer to do it manually, ..."); after
        a bare "OR" line, the block after it says whether the part it opens pitches.
        A list pitches from its first item on when that one does, or from the run of items
        that pitch to its end (`_pitch_start`). The rest gives a manual way when it is led by a
        manual label ("Manual driver update – ..."), has sub-steps, a settings path, a shortcut, a
        command (code, or bold with its arguments: "type **sfc /scannow**", not a name such as
        "**svchost.exe**"; or quoted in prose: the “sfc /scannow” command), a screenshot or a link to a download or support page (manual_links), or names one (rules [promotional] manual_cues: "the manufacturer's website"),
        or a part of it is labelled so ("**Option 1 – Manually**", manual_labels), or the
        numbered paragraph of a procedure's step (`action`) says what to do before it pitches
        ("5) Install the setup, then restart. If you don't have the time, ... with X"). A list
        numbering on from the pitch's own numbered list is the tool's procedure going on
        ("**Note:** ... 4) Restart"), whatever came between. A procedure's bare step label
        ("Step 2") after a pitch that started inside the step before it (after its own label:
        "Step 1 / Run X to update the drivers.") is as a bare "OR": the part it opens ends the
        pitch unless it pitches too or speaks of the tool ("the software", rules [promotional]
        tool_nouns; then the labels are the tool's procedure), and is a manual step when not; a pitch that started before the labels keeps them (the tool's
        "Step 1: Download X ... Step 2: Click Scan"). A sub-heading right after a pitch (one that neither
        pitches nor is a manual label) is held so too: the part under it is the tool's own procedure when its
        first sentence past bare step labels pitches or starts what the pitch offered (`_tool_start`: "### Better
        way to share photos / Step 1. / Double click the download button to quickly install and launch this
        powerful iOS photos transfer …"), else a part of its own ("#### Run SFC scan" after a Driver Easy pitch,
        "#### Close background programs / Close the program that uses the GPU")."""
        parts, size, ranges, pitched, manual, in_pitch = [], 0, [], set(), False, False
        named = declined = False  # a manual way named outside the pitch (manual_cues); the step declines it (declines)
        held = None  # (whether the pitch ran, where it ended) before a bare "OR": its part opens after it
        number = 0  # the last number of the pitch's numbered list (its procedure goes on at number + 1)
        labelled = False  # a procedure's bare step label ("Step 1") was met outside the pitch
        inside = False  # the pitch started inside such a numbered step: it is that step's, not the procedure's
        step_held = False  # `held` is a bare step label's, whose part is the procedure's next step
        led = False  # the pitch led into what follows with a colon: the labels after it are its sub-steps
        sub_held = False  # `held` is a sub-heading's after a pitch, whose part may be the tool's own procedure
        for md, plain, b in units:
            start = size + 2 if parts else 0
            cut = start
            label = b is not None and b.kind == "paragraph" and self._bare_step_label(plain)
            if not in_pitch and number and b is not None and b.kind == "list" and _numbers(md)[:1] == [number + 1]:
                in_pitch = True  # (the tool's procedure going on after a note: "**Note:** ... 4) Restart your PC")
            elif b is not None and b.kind == "paragraph" and (self._bare_alternative(plain) or (label and in_pitch and inside)):
                held, step_held = (in_pitch, size), bool(label)  # (a step label after a pitch that started in the
                # step before: "Step 1 / Run X to update the drivers. / Step 2 / Right-click the desktop ...")
            elif label and sub_held:
                pass  # (a bare step label under the sub-heading: the sentence after it says whose procedure it is)
            elif (b is None and md and in_pitch and held is None and not self._pitchy(plain)
                  and self.manual_label.search(plain) is None):
                held, sub_held = (True, size), True  # (a sub-heading after a pitch: "### Better way to share photos")
            elif held is not None or b is None or (self._opener(b, plain) and not (
                    led and in_pitch and self._sub_step_label(b, plain))):
                in_pitch = self._pitchy(plain, in_pitch or (held is not None and held[0])) or (
                    step_held and held[0] and self.tool_noun.search(plain) is not None) or (
                    sub_held and held[0] and self._tool_start(plain))  # ("When the software detects ...", "… install
                # and launch this powerful iOS photos transfer")
                if held is not None and held[0] and not in_pitch and ranges:  # ("OR" opened a part that is no pitch)
                    ranges[-1] = (ranges[-1][0], held[1])
                if step_held:  # (the procedure's next step says whose procedure it is: the tool's, or a manual one)
                    inside = inside and not in_pitch
                    manual = manual or (not in_pitch and _WORDS.search(plain) is not None)
                else:  # (a new part: the step labels met before it are another part's)
                    labelled = inside = False
                held, step_held, sub_held = None, False, False
                if md and not in_pitch:  # (not the step's own heading: "Update your driver manually")
                    label = plain if b is None else b.strong[0] if b.strong and plain.lstrip().startswith(b.strong[0]) else ""
                    manual = manual or self.manual_label.search(label) is not None
            elif in_pitch and b.kind == "paragraph" and not self._pitchy(plain) and self._manual_opening(plain):
                in_pitch = False  # ("If you prefer to do it manually, ...": the pitch is over; what it gives, below, says
                # whether it is a manual way: "If you are not sure how to do it manually, read this post" is none)
            elif label and not in_pitch:
                labelled = True
            elif not in_pitch and self._pitchy(plain) and (at := self._pitch_start(b, md)) is not None:
                in_pitch, inside = True, labelled  # (the sentences or list items before the pitch are the step's own)
                cut = start + at
                named = named or self._names_manual(_MD_MARKS.sub("", md[:at]))
                declined = declined or self.decline.search(md[:at]) is not None
                manual = manual or self._quoted_command(md[:at]) or (
                    b is action and _WORDS.search(md[:at]) is not None) or (
                    b.kind == "list" and len(_ITEM.findall(md[:at])) >= 2 and bool(b.ordered_items))
            if md:
                parts.append(md)
                size = start + len(md)
                led = (led or md.rstrip().endswith(":")) and in_pitch and b is not None and b.kind != "list"  # (a heading
                # ends it, and the tool's numbered list: "Here is how: 1. ... 3. Click **Update All**. **b) In Windows**: ...")
            if b is None or b.kind == "list":
                number = (_numbers(md) or [0])[-1] if in_pitch and cut == start and b is not None else 0  # (all of it the tool's)
            if in_pitch:
                if b is not None:
                    pitched.add(id(b))
                if md and ranges and ranges[-1][1] == start - 2:
                    ranges[-1] = (ranges[-1][0], size)
                elif md:
                    ranges.append((cut, size))
            if md and not in_pitch:
                declined = declined or self.decline.search(plain) is not None
            if md and not in_pitch and not manual:
                named = named or self._names_manual(plain)
                manual = self._manual_lead(plain) or (b is not None and (
                    bool(b.ordered_items or b.ui_paths or b.images
                         or any(self._is_command(c) for c in b.code + [t for t in b.strong if " " in t.strip() and not _label(t)])
                         or any(self.manual_link.search(link["url"]) for link in b.links) or self._quoted_command(b.plain)
                         or self._shortcut(b.plain))))
        if held is not None and held[0] and sub_held and ranges:  # (a sub-heading after a pitch, nothing under it)
            ranges[-1] = (ranges[-1][0], held[1])
        return "\n\n".join(parts), ranges, pitched, manual or (named and not declined)

    def _opener(self, b: _Block, plain: str) -> bool:
        """A block that opens a part of a step: a bold label (not a number: `**2)** Run ...`
        or `**Step 2:** Click ...` is the procedure going on) or an alternative ("OR",
        "Alternatively, ..."). A bold word its sentence goes on from in lower case is emphasis,
        not a label ("**Connect** your **iPhone** to the computer ...": the tool's procedure goes on), unless
        it is an alternative's word ("**Alternatively** you can restore them from a backup ...")."""
        if b.kind != "paragraph":
            return False
        if b.strong and b.source.startswith(("**", "__")) and plain.lstrip().startswith(b.strong[0]) and (
                len(b.strong[0]) >= 4 and not b.strong[0][:1].isdigit()):
            if _SENTENCE_GOES_ON.match(plain.lstrip()[len(b.strong[0]):]) and b.strong[0].rstrip()[-1:].isalnum():
                return self.alternative.match(plain) is not None
            return self.sequence_label.match(b.strong[0].strip()) is None  # (`**Step 2:** Click ...` goes on)
        return self.alternative.match(plain) is not None

    def _sub_step_label(self, b: _Block, plain: str) -> bool:
        """A bold label after a pitch that led into it with a colon that is the tool's own sub-step:
        lettered ("**a) Scan**", "**b) Update**") or naming the tool, and neither an alternative nor
        the manual way ("**b) Rather do it yourself?** ..."). Any other label ("**Open Device Manager**:
        right-click ...") opens a part of its own."""
        label = b.strong[0] if b.strong else ""
        return bool(label) and (_LETTERED.match(label) is not None or self._pitchy(label)) and (
            self.alternative.match(plain) is None and self.manual_label.search(plain) is None)

    def _pitch_start(self, b: _Block, md: str) -> int | None:
        """Where in a block that names a tool its pitch starts: a paragraph's (or a one-item
        list's) first sentence that pitches; a list's first item that does when all after it do too (the tool's
        procedure after the manual one, "* **Manually**: ... * **Automatically**: with X"),
        the whole list when its first item does, None when only items in its middle do (a
        manual procedure that mentions the tool in passing is no pitch)."""
        starts = [m.start() for m in _ITEM.finditer(md)]
        if b.kind == "paragraph" or (b.kind == "list" and len(starts) == 1):
            return self._pitch_sentence(md)
        if b.kind != "list" or len(starts) < 2 or starts[0] != 0:
            return 0
        items = [md[a:e] for a, e in zip(starts, starts[1:] + [len(md)])]
        pitchy = [self._pitchy(_MD_MARKS.sub("", item)) for item in items]
        k = len(pitchy)
        while k and pitchy[k - 1]:
            k -= 1
        if pitchy[0] and k and self._own_ways(items):
            return None
        return 0 if pitchy[0] or k == 0 else starts[k] if k < len(pitchy) else None

    def _own_ways(self, items: list[str]) -> bool:
        """Whether a list whose first item pitches, and a later one does not, gives ways of its own
        beside the tool: its items each open with a bold label and its colon, each a case of its own ("* **Windows
        thumbnail cache**: open X, click Tools … * **File Explorer history**: open File Explorer, click
        **View** …"), or its first item says how to get there without the tool on a line of its own
        ("1. Start X, click Tools, then double-click Disk Cleanup. / Alternatively, you can open Disk
        Cleanup from the Start Menu … 2. Select the drive …"): not the tool's procedure, whose list the
        pitch would take whole; a tool named in passing there is no pitch."""
        if all(_ITEM_LABEL.match(item) for item in items):
            return True
        return any(self.alternative.match(line.strip(" \t*_")) and not self._pitchy(_MD_MARKS.sub("", line))
                   for line in items[0].split("\n")[1:])

    def _tool_start(self, plain: str) -> bool:
        """Whether a sentence under a sub-heading after a pitch starts the tool the pitch offered (rules [promotional]
        tool_starts: "Double click the download button to quickly install and launch this powerful iOS photos
        transfer"), and gives no manual way of its own: no manual cue ("Download and install this update from the
        Microsoft Update Catalog website"), no shortcut ("… press Windows + I"), no menu's path ("Install and launch
        this update from Settings > General > Software Update")."""
        return (self.tool_start.search(plain) is not None and not self._names_manual(plain)
                and not self._shortcut(plain) and _MENU_PATH.search(plain) is None)

    def _shortcut(self, text: str) -> bool:
        """Whether text gives a keyboard shortcut ("press Windows + I", "Ctrl + Shift + Esc"): a manual way's."""
        return "+" in text and self.shortcut.search(text) is not None

    def _names_manual(self, text: str) -> bool:
        """Whether a sentence of text names a manual way (rules [promotional] manual_cues: "the
        manufacturer's website", "Device Manager"), but one that only names the ways to choose
        from ("Whether you choose to update the drivers manually, using Windows Update, or you use a
        trusted third party product, it's essential ..."; choice_openers): it gives none of them,
        unless a clause of it says what to do ("Whether or not Windows Update is on, open Device Manager")."""
        if self.manual_cue.search(text) is None:
            return False
        return any(self.manual_cue.search(t) and not (self.choice_opener.match(t.lstrip(" \t\n*_>#-")) and not any(
                       self.action.match(clause.strip()) for clause in _CLAUSE.split(t)[1:]))
                   for t in SENTENCE_END.split(text))

    def _manual_lead(self, plain: str) -> bool:
        """A paragraph led by a label that says it is the manual way ("Manual driver update –
        find the right driver online ...", "Manually: ..."; rules [promotional] manual_labels)."""
        m = _LEAD_LABEL.match(plain)
        return m is not None and self.manual_label.search(m.group(1)) is not None

    def _manual_opening(self, plain: str) -> bool:
        """A paragraph whose first clause says the way it gives is the manual one ("If you
        prefer to do it manually, ...", "To do it by hand:"; rules [promotional] manual_labels)."""
        clause = _CLAUSE.split(plain.strip(), 1)[0]
        return len(clause) <= 80 and self.manual_label.search(clause) is not None

    def _bare_step_label(self, plain: str) -> bool:
        """A paragraph that is a procedure's step label alone ("Step 2", "**Step 2:**"; rules
        [promotional] sequence_labels)."""
        bare = plain.strip(" \t*_:.,;-–—")
        return len(bare) <= 12 and (m := self.sequence_label.match(bare)) is not None and m.end() == len(bare)

    def _bare_alternative(self, plain: str) -> bool:
        """A paragraph that is an alternative's word alone ("**OR**"): the part it opens is
        the block after it (the tool's "Click **Update All** ... the Pro version" goes on with
        the pitch)."""
        return plain.strip(" \t*_:.,;-–—").lower() in self.alternative_words

    def _pitchy(self, text: str, going: bool = False) -> bool:
        """Whether a passage pitches; `going`: it opens a part after a pitch (the tool's
        editions go on with it: "Or click **Update All** (this requires the Pro version)")."""
        low = text.lower()
        return self.products.search(text) is not None or any(going or self._selling(low, p) for p in self.promo if p in low)

    def _selling(self, low: str, phrase: str) -> bool:
        """Whether a pitch phrase in a lower-cased passage sells: one that names an edition
        ("free version", "free download") only opening its sentence, as a call to action
        ("Free download X ...", "2. Now free download ..."); a tool with a free version,
        named in passing, is not sold ("install the free version of WinRAR", "although the
        free version should do", "it lets you free download music"): a product the build knows
        pitches by its name."""
        if phrase not in self.edition_phrases:
            return True
        at = low.find(phrase)
        while at >= 0:
            before = _SENTENCE_BREAK.split(low[max(0, at - 60):at])
            if (len(before) > 1 or at <= 60) and self.call_opening.fullmatch(before[-1]):
                return True
            at = low.find(phrase, at + 1)
        return False

    def _quoted_command(self, text: str) -> bool:
        """Whether prose quotes a command ("By executing the “sfc /scannow” command", "run the
        setup application (usually “setup.exe”)"): a manual way written in a sentence. A command
        in brackets names a tool in passing ("the system checker (sfc /scannow). However, it
        doesn't help much"): none."""
        return any(self._is_command(q) for q in _QUOTED.findall(_MD_MARKS.sub("", text)))

    def _pitch_sentence(self, md: str) -> int | None:
        """Where in a paragraph's markdown the first sentence that pitches starts; None when the only
        ones that name a tool point to another of the site's pages, which pitches it there ("You can check
        our article on how to clear your computer's cache with X", "We've covered in this article how you
        can remove them with X and many other methods": rules [promotional] pointers), or name it only as the
        owner of a screen (`_in_its_screens`)."""
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(md)]
        pointed = False
        for a, b in zip(starts, starts[1:] + [len(md)]):
            sentence = _MD_MARKS.sub("", md[a:b])
            if self._pitchy(sentence):
                if not self._points(sentence) and not self._in_its_screens(sentence):
                    return a
                pointed = True
        return None if pointed else 0

    def _points(self, sentence: str) -> bool:
        """Whether a sentence only points to another of the site's pages (rules [promotional] pointers), with no
        pitch phrase of its own ("Read our guide on cleaning your PC with X: download it now …" pitches)."""
        low = sentence.lower()
        return self.pitch_pointer.search(sentence) is not None and not any(p in low for p in self.promo)

    def _in_its_screens(self, sentence: str) -> bool:
        """Whether a sentence names a tool only as the owner of what the reader sees ("After clicking on
        the “Hunter Mode” button, the Revo Uninstaller’s window is closing"): a step inside it, which says
        nothing of getting it, and no pitch phrase."""
        low = sentence.lower()
        return not any(p in low for p in self.promo) and all(
            sentence[m.end():m.end() + 2] in ("'s", "’s") for m in self.products.finditer(sentence))


def _numbers(md: str) -> list[int]:
    """The numbers of a list's ordered items, in order."""
    return [int(n) for n in _NUMBER.findall(md)]
