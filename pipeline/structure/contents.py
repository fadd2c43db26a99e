"""Tables of contents and overview lists: recognised so they are neither steps nor summary."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from .blocks import _Block, _blocks, _Sec, _ancestors

_FILLER = frozenset("the and for you your with from that this these those into using when what then".split())  # (no word of a fix)
_WORD = re.compile(r"[^\W\d_]{3,}")
_TOC_MAX = 40  # a table of contents has at most this many items, matched against as many step headings after it
_LABEL_WORDS = 8  # a line ending with a colon names a section with at most this many words ("I'm using Windows 7 or 8:")
_GLUED_NUMBER = re.compile(r"^(\d{1,2}[.)])(?=[^\W\d_])")  # "1)Update graphics driver": a contents item's number
_PAIRS_MAX = 20_000  # list item x later heading comparisons a page is given (then its lists stay as they are)

_TOC_NUMBER = re.compile(r"^\s*\d{1,2}\s*[:.)\-–]\s*")
_PART = re.compile(r"[\W_]*([^\W\d_]+)\s*+#?\s*+(\d{1,2})\b")  # a part's word and number: "Part 2. ..."


def _each_linked(b: _Block) -> bool:
    """A list of two or more items each of which holds a link to an anchor of the page."""
    spans = b.item_spans
    if b.kind != "list" or len(spans) < 2:
        return False
    k = 0
    for start, end in spans:  # (both in document order)
        while k < len(b.anchor_links) and b.anchor_links[k][0] < start:
            k += 1
        if k == len(b.anchor_links) or b.anchor_links[k][0] >= end:
            return False
    return True


def _only_linked_list(blocks: list[_Block]) -> bool:
    """The section is a list that links each item to the page's anchors, and at most a short lead-in
    ("Try these fixes:"): no procedure, list or prose of its own beside it ("If this did not help, go
    on with: - [the driver fix](#f3)" after a procedure; "What you need" with links in one item)."""
    lists = [b for b in blocks if b.kind == "list"]
    prose = [b for b in blocks if b.kind not in ("list", "heading") and not b.only_images]
    return len(lists) == 1 and _each_linked(lists[0]) and len(prose) <= 1 and all(
        b.kind == "paragraph" and len(b.plain) <= 200 for b in prose)


class Contents:
    """Contents lists and overviews, told apart from fixes."""

    def _without_contents(self, blocks: list[_Block]) -> list[_Block]:
        """The blocks without the label of the article's table of contents ("Table of
        contents", "In this article", "Expand": a heading or line that says only that,
        just before it; rules [tables_of_contents]). The table itself, nothing but links to
        anchors in the page (a list of two or more, lines of them one after another, or a
        line that navigates: "Jump to Review"), or a list after such a label, stays a block
        (it tells which section lists the steps) but gives no text: kb.json has no such
        anchors, and the sections and steps it names follow anyway."""
        n = len(blocks)
        ahead = [k for k in range(1, n) if blocks[k].kind == "list" or blocks[k].contents]  # (labels go before these)
        if not ahead and not (n and blocks[0].contents):
            return blocks
        labelled = {k for k in ahead if self._contents_label(blocks[k - 1])}
        lines = [b.contents and b.kind == "paragraph" for b in blocks]
        for k, b in enumerate(blocks):
            if lines[k]:  # one line of its own is a table's only when another follows or precedes it
                b.contents = (k > 0 and lines[k - 1]) or (k + 1 < n and lines[k + 1]) or (
                    self.contents_link.match(b.plain.strip()) is not None)  # ("Jump to Review": navigation)
            elif b.contents:
                b.contents = len(b.item_spans) >= 2
            if k in labelled and b.kind == "list":
                b.contents = True  # (its links, hijacked by an affiliate, were unlinked)
        if not any(b.contents for b in blocks):
            return blocks
        out: list[_Block] = []
        for b in blocks:
            if b.contents:
                while out and self._contents_label(out[-1]):
                    out.pop()
            out.append(b)
        return out

    def _hide_heading_lists(self, secs: list[_Sec]) -> None:
        """A list whose items are, in order, the page's own later headings ("* Part 1. What Is the
        iCloud Password" ... over `## Part 1. What Is the iCloud Password` ...; their numbering
        aside, fuzzily), or count the page's later parts by their numbers ("* Part 1. AI for Video
        Editing" over `## Part 1. How Is AI Used for Video Editing`: a division word's, rules
        [step_shapes] division_words), is the page's table of contents, however its headings read:
        it gives no text, the sections it names follow. Three quarters of its items and two or more
        must name a later heading each, in the page's order; a list of fixes that no later heading
        names is the only place they are written, and stays. Lines written as paragraphs, one
        after another, are such a list too (`_name_lines`: "Solution 1:**Perform a power reset**",
        "**Option 2: Update Printer Driver Manually**", each its own paragraph or lines of one,
        their in-page links unlinked or hijacked by an affiliate and unlinked by the cleaner), when
        they are the section's only such run: several, between its prose, each head the prose under
        it (a quick list's cards, "1\\. Alienware AW3423DWF" and "_**Best Overall Monitor**_" over a blurb)."""
        names = [(i, self._name(s.heading), self._part(s.heading)) for i, s in enumerate(secs)
                 if i and s.heading.strip()]
        at = 0  # the first named section after i
        budget = [_PAIRS_MAX]  # item x heading comparisons left on this page (then no more lists are hidden)
        for i, s in enumerate(secs):
            while at < len(names) and names[at][0] <= i:
                at += 1
            if len(names) - at < 2:
                break
            later = names[at:at + 2 * _TOC_MAX]  # bounded: linear time on any input
            for b in s.blocks:
                if b.kind == "list" and not b.contents and 2 <= len(b.item_spans) <= _TOC_MAX and len(
                        b.list_items) == len(b.item_spans) and all(len(it) <= 160 for it in b.list_items):
                    if budget[0] <= 0:
                        return
                    b.contents = _names_in_order([(self._name(it), self._part(it)) for it in b.list_items], later,
                                                 budget)
            found = []
            for run, items in _name_lines(s.blocks):
                for skip in (0, len(_item_lines(run[0]))):  # (the run, or after its first paragraph: a lead-in, a caption)
                    if budget[0] <= 0:
                        return
                    if len(items) - skip >= 2 and _names_in_order(
                            [(self._name(it), self._part(it)) for it in items[skip:]], later, budget):
                        found.append(run[bool(skip):])
                        break
            if len(found) == 1:  # (runs between the section's prose head it: a quick list's cards, a name over each blurb)
                for b in found[0]:
                    b.contents = True

    def _part(self, text: str) -> tuple[str, int] | None:
        """A part's division word and number ("Part 2. ..." -> ("part", 2)), None for any other text."""
        m = _PART.match(text)
        return (m.group(1).lower(), int(m.group(2))) if m and m.group(1).lower() in self.division_words else None

    def _contents_label(self, b: _Block) -> bool:
        return b.kind in ("heading", "paragraph") and not b.contents and len(b.plain) < 40 and (
            self.contents_label.fullmatch(b.plain.strip()) is not None)

    def _overviews(self, secs: list[_Sec]) -> set[int]:
        """Sections that list the steps later headings give ("Try these fixes:" and the
        fixes' names, as short list items or numbered lines, often in-page links, not always
        worded as the headings are): the article's table of contents, not a step (its items
        would each be another step's double). A list naming later headings that do not read
        as steps ("If you're on Windows 10"), or describing them, is the step's own. A list whose
        items each link to an anchor of the page, under a heading that reads as no step and before two
        or more that do, is one however its items are worded ("Remove the CMOS battery to reset BIOS"
        over "Reset BIOS by removing the CMOS battery"). A numbered fix whose list names only its own unnumbered
        sub-sections is no overview: the fix tells its ways."""
        keyed = [(i, self._name(s.heading)) for i, s in enumerate(secs) if i and (
            s.counted or self._imperative(s.heading, ways=secs[0].ways))]
        out = set()
        nxt = 0  # the first keyed section after i
        for i in range(1, len(secs)):
            while nxt < len(keyed) and keyed[nxt][0] <= i:
                nxt += 1
            items = [it for b in secs[i].blocks for it in b.list_items if len(it) <= 80] + [
                b.plain for b in secs[i].blocks
                if b.kind == "paragraph" and len(b.plain) <= 80 and _TOC_NUMBER.match(b.plain)]
            if not 2 <= len(items) <= _TOC_MAX or nxt == len(keyed):
                continue
            if len(keyed) - nxt >= 2 and not (secs[i].counted or self._imperative(secs[i].heading, ways=secs[0].ways)) and (
                    _only_linked_list(secs[i].blocks)):
                out.add(i)  # (a heading that is no step over a list linking each item to the page's own
                continue  # sections, steps after it: a table of contents, however worded)
            later = keyed[nxt:nxt + _TOC_MAX]  # bounded: linear time on any input
            hits = [next((j for j, k in later if fuzz.token_set_ratio(_TOC_NUMBER.sub("", it).lower(), k) >= 90), None)
                    for it in items]
            named = sum(j is not None for j in hits)
            # (a numbered fix listing its own ways, unnumbered sub-sections, is that fix: "Fix 6: Repair system
            # files" over "Repair ... with Fortect" and "Run SFC scan", one fix told two ways)
            # (so is a procedure's step listing its own ways counted anew by another word, "Step 1: Connect your
            # printer" over "Method 1: USB connection", "Method 2: ...", before "Step 2": a step of a sequence
            # (rules [promotional] sequence_labels) has no alternatives for peers, its ways are its own; a fix's
            # "Method 1", "Method 2" are fixes of their own, and "### Fix 2" under "## Fix 1" the fix's peer)
            # (a fix's "Fix 1", "Fix 2" under "Step 1" are remedies, steps of their own: only ways count,
            # rules [step_shapes] way_words; nor are a step's "Option 1", "Option 2" when the steps name remedies,
            # "Step 2: Try the advanced fixes", or any sub-section of a step does: rules remedy_words)
            step_ways = self.sequence_label.match(secs[i].heading) is not None and _own_count(
                secs, i, self.way_words, self.remedy_word)
            found = [j for j in hits if j is not None]
            inside = all(i in _ancestors(secs, j) for j in found)  # (every item names a sub-section of i)
            own_ways = step_ways or (not any(secs[j].counted for j in found) and self._ways_of(
                secs[i].heading, [secs[j].heading for j in found]))
            own = secs[i].counted and inside and own_ways
            if named >= 2 and named * 4 >= len(items) * 3 and not own:
                out.add(i)
        previews = _previews(secs)
        self._previews_of = (secs, previews)  # (for _hide_overview_lists, with _overviews_of: not worked out again)
        return out | previews

    def _ways_of(self, heading: str, subs: list[str]) -> bool:
        """Whether sub-headings read as ways of the fix headed so: most of them share a word of it
        ("Modify NVIDIA graphics card settings" under "Modify your graphics card settings"), or one pitches
        a tool ("Repair system files with Fortect"); not fixes of their own ("Flush the DNS cache", "Renew
        your IP address" under "Reset your network settings")."""
        words = _content_words(self._numbered(heading) or heading)
        shared = sum(bool(words & _content_words(h)) for h in subs)
        return 2 * shared > len(subs) or any(self._pitchy(h) for h in subs)

    def _hide_overview_lists(self, secs: list[_Sec]) -> None:
        """An overview's list of the steps gives no text, as a table of contents of in-page
        links does (`_without_contents`): the ones whose links an affiliate hijacked
        (`3. **[Close bandwidth hogging applications](https://tools.techidaily.com/...)**`)
        were unlinked by the cleaner, and only their wording tells them."""
        last, found = self._overviews_of
        if last is not secs:
            found = self._overviews(secs)
        # (previews give their ways again: hidden as steps, their text kept; the ones _overviews just found)
        seen, previews = self._previews_of
        for i in found - (previews if seen is secs else _previews(secs)):
            s = secs[i]
            for b in s.blocks:
                if (b.kind == "list" and b.list_items and all(len(it) <= 80 for it in b.list_items)) or (
                        b.kind == "paragraph" and len(b.plain) <= 80 and _TOC_NUMBER.match(b.plain)):
                    b.contents = True
            s.text = "\n\n".join(b.text for b in s.blocks if not b.contents).strip()


def _name_lines(blocks: list[_Block]) -> list[tuple[list[_Block], list[str]]]:
    """Runs of paragraphs, one after another, whose lines might each be a contents list's item
    (`_item_lines`), two lines or more in all and at most _TOC_MAX: each run with its lines' plain text."""
    out, run, items = [], [], []
    for b in [*blocks, None]:
        lines = _item_lines(b) if b is not None else None
        if lines and len(items) + len(lines) <= _TOC_MAX:
            run.append(b)
            items += lines
            continue
        if len(items) >= 2:
            out.append((run, items))
        run, items = ([b], list(lines)) if lines else ([], [])
    return out


def _item_lines(b: _Block) -> list[str] | None:
    """The plain text of a paragraph's lines when each might be a contents list's item: short (160
    characters), no picture, no sentence that ends with a full stop ("Unplug the printer." is a
    step's; "What is WPF render thread?" and "I'm using Windows 10:" may name sections) or a longer one's
    colon ("Here are three methods that can help you:" leads into them)."""
    if b.kind != "paragraph" or b.contents or b.images:
        return None
    lines = b.text.splitlines()
    if len(lines) > _TOC_MAX or any(len(line) > 400 for line in lines):
        return None
    plain = [_GLUED_NUMBER.sub(r"\1 ", t) for t in (
        [b.plain.strip()] if len(lines) == 1 else [" ".join(p.plain for p in _blocks(line)).strip() for line in lines])]
    return plain if all(0 < len(t) <= 160 and not t.endswith((".", ";", ",")) and not (
        t.endswith(":") and len(t.split()) > _LABEL_WORDS) for t in plain) else None


def _names_in_order(items: list[tuple[str, tuple | None]], later: list[tuple[int, str, tuple | None]],
                    budget: list[int]) -> bool:
    """Whether two or more of the items and three quarters of them each name one of the later
    headings, in their order, and say no more than its name: by the same part's number, or by
    the same words (token set ratio 90 or more, neither name under half the other's length:
    "Windows" names no "Disable startup apps in Windows"). An item that names a heading but goes
    on ("1. Restart the router and the modem - unplug both for 30 seconds." over a picture under
    `## Fix 1. Restart the router and the modem`: over 5/4 of the name's length and three words
    or more that it has not) holds what the section does not: the list is the page's text and
    stays ("Restart your modem and wireless router" over "Restart your modem and router" is its
    name), as it does when an item that names no heading is longer than 5/4 of the longest name
    matched. The matching stops when the list can no longer reach its three quarters, and when
    the page's `budget` of comparisons is spent."""
    need = max(2, -(-3 * len(items) // 4))
    named, k, longest, unnamed = 0, 0, 0, 0  # (the longest name matched, the longest item not)
    for n, (it, part) in enumerate(items):
        if named + len(items) - n < need or budget[0] <= 0:
            return False
        for j in range(k, len(later)):
            budget[0] -= 1
            _, name, other = later[j]
            if (part is not None and part == other) or (
                    len(it) >= 4 and 2 * len(it) >= len(name) and 2 * len(name) >= len(it)
                    and fuzz.token_set_ratio(it, name, score_cutoff=90)):
                if 4 * len(it) > 5 * len(name) and len(_content_words(it) - _content_words(name)) > 2:
                    return False  # (a name and more: what to do)
                named, k, longest = named + 1, j + 1, max(longest, len(name))
                break
        else:
            unnamed = max(unnamed, len(it))
    return named >= need and 4 * unnamed <= 5 * longest  # (nor is an item no heading names more than a name)


def _content_words(heading: str) -> set[str]:
    """A heading's words of three letters or more, lower-cased, but filler ("your", "with")."""
    return {w for w in _WORD.findall(heading.lower()) if w not in _FILLER}


def _own_count(secs: list[_Sec], i: int, way_words: set[str], remedy: re.Pattern) -> bool:
    """Whether the numbered sub-sections of section `i`, one step of a sequence that goes on beside
    it (its next sibling numbered by its word and the next number, "Step 2" after "Step 1", or its
    previous one by the number before, "Step 2" before a last "Step 3"), count alternatives of that
    step: all numbered from 1 on by one word that is not `i`'s and names a way (`way_words`: "Method"
    under "Step 1"; not a remedy, "Fix 1", "Fix 2"). Steps that fix ("Step 2: Try the advanced fixes"),
    or sub-sections of them that do, read as remedies (`remedy`): their sub-sections are fixes of their own."""
    top = _PART.match(secs[i].heading)
    if top is None:
        return False
    word, number = top.group(1).lower(), int(top.group(2))
    k = i + 1
    while k < len(secs) and secs[k].level > secs[i].level:  # (i's sub-sections: linear in them)
        k += 1
    counts = [_PART.match(secs[j].heading) for j in range(i + 1, k) if secs[j].parent == i and secs[j].counted]
    if not counts or any(c is None for c in counts):
        return False
    words = {c.group(1).lower() for c in counts}  # (one word, a way's, not the step's own: "Method" under "Step 1")
    if len(words) != 1 or word in words or not words <= way_words:
        return False
    if [int(c.group(2)) for c in counts] != list(range(1, len(counts) + 1)):  # (counted anew: 1, 2, 3)
        return False
    steps = [j for j, s in enumerate(secs) if j and s.parent == secs[i].parent and (m := _PART.match(s.heading))
             and m.group(1).lower() == word]  # (the sequence: i and its siblings numbered by its word)
    if any(remedy.search(secs[j].heading) for j in steps) or any(
            remedy.search(s.heading) for s in secs if s.parent in steps and s.counted):
        return False  # (a sequence of remedies, or of steps whose ways are: fixes)
    before = max((j for j in range(1, i) if secs[j].parent == secs[i].parent), default=None)
    after = k if k < len(secs) and secs[k].parent == secs[i].parent else None
    return any(j is not None and (c := _PART.match(secs[j].heading)) is not None and c.group(1).lower() == word
               and int(c.group(2)) == number + step for j, step in ((after, 1), (before, -1)))


def _procedure(s: _Sec) -> bool:
    """Whether a lead section tells how: a list, a numbered paragraph ("1\\. Open **Device Manager**."),
    a settings path ("**Settings** > **Windows Update**"), anything but prose."""
    return any(b.kind != "paragraph" or b.ui_paths or _TOC_NUMBER.match(b.plain) for b in s.blocks)


def _previews(secs: list[_Sec]) -> set[int]:
    """Paragraphs led by a label that numbers a way ("**Option 1 – Manually –** You'll need some skills
    ...", "**Option 2 – Automatically** – ...": lead sections), two or more under one section, that
    headings after them under the same section number again, each by its word and number and sharing a word
    of its label ("### Option 1: Download the driver manually", "### Option 2: Update it
    automatically"): a preview of the ways the headings give, not steps beside them. A lead with a
    procedure (`_procedure`) or a sub-section, a bare label ("**Fix 1:** ..."), a number no later
    heading of its section restates (another problem's "### Fix 1"), is a way itself."""
    groups: dict[int | None, list[int]] = {}
    for i, s in enumerate(secs):
        if i and s.lead and s.counted:
            groups.setdefault(s.parent, []).append(i)
    out = set()
    for parent, group in groups.items():
        if len(group) < 2:
            continue
        heads: dict[tuple[str, int], int] = {}  # (word, number) -> the last heading so numbered beside the leads
        for j in range(group[0] + 1, len(secs)):
            s = secs[j]
            if parent is not None and parent not in _ancestors(secs, j):
                break  # (the parent's next sibling or an uncle: another part of the page)
            if s.parent == parent and s.counted and not s.pseudo and (m := _PART.match(s.heading)):
                heads[(m.group(1).lower(), int(m.group(2)))] = j
        said = []
        for i in group:
            m = _PART.match(secs[i].heading)
            j = heads.get((m.group(1).lower(), int(m.group(2)))) if m else None
            lone = not _procedure(secs[i]) and (i + 1 == len(secs) or secs[i + 1].parent != i)
            label = _content_words(secs[i].heading[m.end():]) if m else set()  # ("Option 1 – Manually –": manually)
            restated = j is not None and j > i and bool(label & _content_words(_PART.sub("", secs[j].heading, 1)))
            said.append(restated and lone)
        if all(said):
            out.update(group)
    return out
