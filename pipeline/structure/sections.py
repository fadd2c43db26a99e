"""Sections from the parse tree: headings (empty, uneven, pseudo), numbered labels, what counts as a fix."""
from __future__ import annotations

import re
from collections import Counter

from ..text import SENTENCE_END, remember
from .blocks import _BOLD_RUN, _Block, _Sec, _clip, _said, _siblings, _stray_emphasis, same_title
from .steps import _break_before, _starts_count
from .summary import _after_sentence

_COUNT = re.compile(r"[\W_]*([^\W\d_]*)\s*+#?\s*+(\d{1,2})\b")  # a numbered heading's word and number

_BARE_NUMBER = re.compile(r"^\d{1,2}\s*[.):]?$")
_SENTENCE_MARK = re.compile(r"[.!?:;,]")  # (a label line has none: "Conclusion", not "In conclusion, ...")
_MARKED = re.compile(r"\d{1,2}\s*[.):\-–—]")  # (a bare number with a mark after it: `3. `, `3) `)


class Sections:
    """Sections and the fixes they hold."""

    # ------------------------------------------------------------------- sections
    def _sections(self, blocks: list[_Block], title: str, ways: bool = False) -> tuple[list[_Sec], str]:
        """The body's sections; `ways`: the page reads as ways (Steps._reads_as_ways), kept on its opening
        section (`secs[0].ways`) for every heading read as a step or not after it (Steps._imperative)."""
        secs = [_Sec(heading="", level=0, kind="intro", parent=None)]
        secs[0].ways = ways
        stack: list[int] = []  # indexes of open heading sections
        title_heading = None
        leads = {id(b): h for b in blocks if (h := self._lead_label(b))}
        if len(leads) < 2:
            leads = {}  # one bold-numbered paragraph is emphasis, not a list of steps
        into_count = {id(a) for a, b in zip(blocks, blocks[1:]) if _starts_count(b)}
        # (a label line: {id(): it closes the open sections (a conclusion's, a FAQ's), or it heads a part of the current one}
        labels = {id(a): closing for p, a, b in zip(blocks, blocks[1:], blocks[2:])
                  if p.kind != "heading" and id(a) not in leads and (closing := self._label_line(a, b, p)) is not None}
        heads = self._headings([b for b in blocks if id(b) not in leads and (
            b.kind == "heading" or id(b) in labels
            or (b.kind == "paragraph" and self._pseudo_heading(b, id(b) in into_count)))], blocks)
        counted: dict[int, tuple[str, int]] = {}  # section -> its heading's (numbering word, number)
        named = self._empty_headings_named(blocks, heads, leads)
        taken = {id(b) for a, b in zip(blocks, blocks[1:]) if id(a) in named}
        # the second of a pros/cons pair (a template's label over a list right after another label's list)
        # heads that list, not the text after it: the verdict after "What We Don't Like" and its list is
        # the section's again (`part`: the label's part, while its list lasts; `home`: where the blocks
        # after it go). A label over a fix's list heads the whole fix's text, in its order.
        template = {id(b) for b in blocks if labels.get(id(b)) is False}
        paired = {id(c) for a, b, c, d in zip(blocks, blocks[1:], blocks[2:], blocks[3:])
                  if id(a) in template and b.kind == "list" and id(c) in template and d.kind == "list"}
        part, home = None, None
        for b in blocks:
            if id(b) in taken:  # (the name of the empty heading before it)
                b.section = len(secs) - 1
                continue
            if id(b) in leads:  # "**1.** Update the driver. ..." opens a step and is its text
                part = home = None
                while stack and secs[stack[-1]].level >= 7:
                    stack.pop()
                secs.append(_Sec(heading=leads[id(b)], level=7, kind="other", parent=stack[-1] if stack else None,
                                 pseudo=True, lead=True))
                stack.append(len(secs) - 1)
                b.section = len(secs) - 1
                secs[-1].blocks.append(b)
                continue
            if id(b) in heads:
                part = home = None
                level = b.level if b.kind == "heading" else 7
                if labels.get(id(b)):  # (a closing label: it closes every open section, at the outermost's level)
                    level = secs[stack[0]].level if stack else 2
                text = _stray_emphasis(b.plain.strip()) or named.get(id(b), "")
                if title_heading is None and len(secs) == 1 and b.kind == "heading" and (
                        same_title(text, title) or self._opens_body(b, blocks, text)):
                    title_heading = text
                    b.section = 0
                    continue
                count = _COUNT.match(text) if self._numbered(text) is not None else None
                if count:  # `### Fix 2` under `## Fix 1` (uneven levels) is its peer, not its part
                    key = (count.group(1).lower(), int(count.group(2)))
                    level = next((secs[k].level for k in stack if (c := counted.get(k)) and c[0] == key[0]
                                  and c[1] < key[1]), level)
                while stack and secs[stack[-1]].level >= level:
                    stack.pop()
                parent = stack[-1] if stack else None
                secs.append(_Sec(heading=text, level=level, kind="other", parent=parent, pseudo=b.kind != "heading"))
                if count:
                    counted[len(secs) - 1] = key
                stack.append(len(secs) - 1)
                b.section = len(secs) - 1
                if id(b) in paired and parent is not None:
                    part = len(secs) - 1
                continue
            if part is not None and b.kind != "list":
                part, home = None, secs[part].parent
            b.section = len(secs) - 1 if home is None else home
            secs[b.section].blocks.append(b)
        self._nest_parts(secs)
        self._even_levels(secs)
        self._fill(secs)
        return secs, title_heading or ""

    def _nest_parts(self, secs: list[_Sec]) -> None:
        """Sections that the page's numbering shows to be the parts of the one before them,
        though their headings stand at its level: a bold line with no number between two
        bold lines numbered by one word (`**Uninstall the driver**` between `**Solution 2:
        ...**` and `**Solution 3: ...**`: bold lines have no level), and a run counted by
        another word (`### Option 1`, `### Option 2`) after a sibling that reads as a step,
        among siblings counted by a first word (`### Fix 1` ... `### Bonus tip: Update the
        driver`): the ways of that step, not steps of the page."""
        for run in _siblings(secs):
            if len(run) < 3:
                continue
            words = [self._count_word(secs[i].heading) for i in run]
            moves: dict[int, int] = {}  # section -> its new parent
            last_at = {w: k for k, w in enumerate(words) if w is not None}  # (each count word's last place)
            j = 0  # (the last numbered one before k, or the first)
            for k, i in enumerate(run):  # a bold line between two of one count
                if (words[k] is None and secs[i].pseudo and 0 < k < len(run) - 1 and words[j] is not None
                        and secs[run[j]].pseudo and last_at[words[j]] > k):
                    moves[i] = run[j]
                if words[k] is not None:
                    j = k
            counts = Counter(w for w in words if w)
            first_at: dict[str, int] = {}
            for k, w in enumerate(words):
                if w:
                    first_at.setdefault(w, k)
            early = sorted((first_at[o], o) for o in counts if counts[o] >= 2)[:2]  # (the two counts begun first)
            for k in range(1, len(run)):  # a count of another word after a step
                w = words[k]
                if (not w or words[k - 1] == w or run[k - 1] in moves or not self._count_starts(secs[run[k]].heading)
                        or not any(at < k and o != w for at, o in early)):
                    continue
                prev = secs[run[k - 1]]
                if not (words[k - 1] or self._imperative(prev.heading, ways=secs[0].ways)):
                    continue
                m = k
                while m < len(run) and words[m] == w:
                    moves[run[m]] = run[k - 1]
                    m += 1
            for i, parent in moves.items():  # (its level stays its heading's shape: 7, a bold line)
                secs[i].parent = parent

    def _count_word(self, heading: str) -> str | None:
        """The word a heading is numbered by ("fix" in "Fix 2: ..."), "" for a bare number, None
        when it is not numbered."""
        if self._numbered(heading) is None:
            return None
        count = _COUNT.match(heading)
        return count.group(1).lower() if count else ""

    def _count_starts(self, heading: str) -> bool:
        count = _COUNT.match(heading) if self._numbered(heading) is not None else None
        return bool(count) and int(count.group(2)) == 1

    def _even_levels(self, secs: list[_Sec]) -> None:
        """A heading one level above the steps around it (`## Close All Open Apps` after `###
        Restart Your Phone`, `### Turn Off Haptic Feedback`, over `### Update All Your Apps`,
        `### Factory Reset Your Device`) is their peer set at an uneven level, not a part of the
        page: when it and the section before it both read as steps, that one is deeper, under a
        section of its level that is no step ("How to Stop Random Vibrations"), and two or more
        of its own sub-sections read as steps too, it and they are made siblings of the one
        before."""
        children: dict[int, list[int]] = {}
        for k, t in enumerate(secs):
            children.setdefault(t.parent, []).append(k)
        for i in range(2, len(secs)):
            s, prev = secs[i], secs[i - 1]
            kids = children.get(i, [])
            if (not kids or s.pseudo or prev.pseudo or prev.level <= s.level or prev.parent is None
                    or secs[prev.parent].level != s.level or any(secs[k].level != prev.level for k in kids)):
                continue
            part = secs[prev.parent].heading  # (a step itself, "Fix 1: Restart": it is one of them)
            ways = secs[0].ways
            if self._imperative(s.heading, ways=ways) and self._imperative(prev.heading, ways=ways) and not (
                    self._imperative(part, ways=ways) or self._numbered(part) is not None) and (
                    sum(self._imperative(secs[k].heading, ways=ways) for k in kids) >= 2):
                s.level, s.parent = prev.level, prev.parent
                for k in kids:
                    secs[k].parent = prev.parent

    def _fill(self, secs: list[_Sec]) -> None:
        """Each section's text and kind: what its heading names; a troubleshooting parent
        makes its children fixes, numbered headings are fixes; promotion overrides. A list of
        the page's own later headings gives none (`_hide_heading_lists`)."""
        self._hide_heading_lists(secs)
        for s in secs:
            s.text = "\n\n".join(b.text for b in s.blocks if not b.contents).strip()
        for i, s in enumerate(secs):
            if i:
                s.kind = self._kind(s.heading)
        self._mark_counted(secs)
        for i, s in enumerate(secs):
            if i and (s.counted or
                      (s.parent is not None and secs[s.parent].kind == "fix" and s.kind not in ("cause", "faq", "conclusion"))):
                s.kind = "fix"
        for i, s in enumerate(secs):
            if i and self._promotional(s):
                s.kind = "promotional"

    def _mark_counted(self, secs: list[_Sec]) -> None:
        """Which numbered headings are steps: numbered by a word that names a step ("Fix 2",
        "Method 3"), or by a bare number ("3. ...") among siblings at least half of whose
        words read as steps too ("1. Restart the router", "2. Windows Update"): a list of
        things numbered so ("3. Cubism iTunes Visualizer", "1. InnoCN 15A1F") is no
        procedure. A part of the page ("Part 2: 7 Ways to ...", rules [step_shapes]
        division_words) is not a step by its number: its own steps are."""
        bare: dict[tuple, list[_Sec]] = {}
        for s in secs[1:]:
            if self._numbered(s.heading) is None:
                continue
            count = _COUNT.match(s.heading)  # (None: Roman numerals, a count of their own)
            word = count.group(1).lower() if count else "-"
            if not word or word in self.division_words:
                bare.setdefault((s.parent, s.level, word), []).append(s)
            else:
                s.counted = True
        for (_, _, word), group in bare.items():
            if word:
                continue
            # (a question says a step only over text that says what to do: "1. What is WPF render thread?"
            # over its definition is no check, "1. What is my screen resolution and how to change it" over
            # "Open Display settings." is one)
            said = sum(1 for s in group if self._says_step(s, self._acts_in(s)))
            # (numbers with no mark, `1  Use a Motherboard ...`, rank a listicle's picks as often:
            # most of their sections must also say what to do, "Check under Settings > Wi-Fi ...")
            acting = len(group) if any(_MARKED.match(s.heading) for s in group) else sum(map(self._acts_in, group))
            for s in group:
                s.counted = 2 * said >= len(group) and 2 * acting >= len(group)

    def _acts_in(self, s: _Sec, least: int = 1, reader: bool = False) -> bool:
        """`least` of the sentences (or list items) of the section's own text say what to do ("Check
        under Settings > Wi-Fi ...", "To perform a factory reset, go to Settings > ..."); `reader`: what
        the reader is to do, not the writer's "Let's look at the film" (Steps._writer_acts)."""
        acts = (lambda t: self._writer_acts(t, reader=True)) if reader else self.action.match
        return sum(bool(acts(t)) for t in _said(s)) >= least

    def _says_step(self, s: _Sec, questions: bool = True) -> bool:
        """A heading's title that reads as a step: an action, a procedure, a fix by its words, or
        a question (a check: "How can I prevent display issues", its question mark lost)."""
        title = self._numbered(s.heading) or s.heading
        return (self.action.match(title) is not None or self.procedure_heading.match(title) is not None
                or self._kind(title) == "fix" or (questions and (
                    title.endswith("?") or self.question.match(title) is not None)))

    def _empty_headings_named(self, blocks: list[_Block], heads: set[int], leads: dict) -> dict[int, str]:
        """An empty heading (`##` alone) whose name is the short line after it (`2\\. Reset the
        adapter`): {id() of the heading: the name}."""
        out = {}
        for a, b in zip(blocks, blocks[1:]):
            if (a.kind == "heading" and id(a) in heads and not a.plain.strip() and b.kind == "paragraph"
                    and id(b) not in heads and id(b) not in leads and not b.images
                    and 0 < len(b.plain.strip()) <= 120 and "\n" not in b.plain.strip()):
                out[id(a)] = _stray_emphasis(b.plain.strip())
        return out

    def _headings(self, heads: list[_Block], blocks: list[_Block]) -> set[int]:
        """id() of the candidate headings that open sections. A bold line with nothing under it
        whose words name another heading is a table-of-contents line (the article lists its
        fixes before or after giving them), also one a heading's words hold when it follows such a line
        ("4: Troubleshoot hardware issue" for "Fix 4: Troubleshoot hardware issues"; not a label over
        its own sub-headings, "**Method 1: Update audio driver**" over "### Update audio driver in
        Device Manager"), and so is the last line of such a list, which
        has the text before the first fix under it: they stay paragraphs, or each would be an
        empty step and the real one's double."""
        out = {id(b) for b in heads}
        if not any(b.kind == "paragraph" for b in heads):
            return out
        after = {id(a): b for a, b in zip(blocks, blocks[1:])}
        before = {id(b): a for a, b in zip(blocks, blocks[1:])}
        keys = None
        for k, b in enumerate(heads):
            if b.kind != "paragraph":
                continue
            nxt, prev = after.get(id(b)), before.get(id(b))
            if not (nxt is None or id(nxt) in out or (prev is not None and prev.toc)):
                continue
            keys = keys or [self._name(h.plain) for h in heads]
            if any(
                    other == keys[k] or (len(other) >= 8 and other in keys[k])
                    or (len(keys[k]) >= 8 and keys[k] in other and prev is not None and prev.toc)
                    for j, other in enumerate(keys) if j != k):
                b.toc = True
                out.discard(id(b))
        return out

    def _split_run_on_steps(self, body: str, blocks: list[_Block]) -> str | None:
        """The body with a paragraph break before each bold step label (`**Step 2: Set
        Default Printer**`) that follows a sentence on its line, when the body has two or
        more labels: what a scrape that lost the line breaks of an article leaves. A label has a
        title after its number and no link. None when there is nothing to split."""
        labels = run_on = 0  # found in the whole body with one search first: most bodies stop here
        for m in self.bold_numbered.finditer(body):
            close = body.find("**", m.start() + 2)
            if close > 0 and self._label(body[m.start() + 2:close]):
                labels += 1  # (`**Solution 1: ...** text **Solution 2: ...** text`, then a paragraph
                run_on += _after_sentence(body, m.start())  # `**Solution 3: ...**`: one run-on label)
        if labels < 2 or not run_on:  # (each cut below is one of the run-on ones)
            return None
        raw, cuts = body.encode("utf-8"), []
        for b in blocks:
            if b.kind not in ("paragraph", "list") or "**" not in b.source or "`" in b.source or "]:" in b.source:
                continue  # (a list: its last item's line can run on into the next step; a
                # line cut short could become a link reference definition: not touched)
            seg = raw[b.span[0]:b.span[1]].decode("utf-8")
            cuts += [b.span[0] + len(seg[:m.start()].encode("utf-8")) for m in _BOLD_RUN.finditer(seg)
                     if self._label(m.group(1)) and _after_sentence(seg, m.start())]
        return _break_before(raw, cuts, b" \t") if cuts else None

    def _label(self, bold: str) -> bool:
        """Bold text that is a step label with a title (`Step 2: Set Default Printer`)."""
        bold = bold.strip()
        return "](" not in bold and self._numbered(bold) not in (None, bold)

    def _opens_body(self, b: _Block, blocks: list[_Block], text: str) -> bool:
        """The body opens with its own title heading, worded apart from the front matter's
        title when a spun copy got a new one (the scraped sites all start so): a top-level
        heading before anything else, and not a numbered step."""
        return b is blocks[0] and b.level <= 2 and self._numbered(text) is None

    def _pseudo_heading(self, b: _Block, into_count: bool = False) -> bool:
        """A bold line alone that heads what follows: numbered, a question, an imperative, or
        (`into_count`) the line that a numbered procedure follows ("**Follow these steps to
        change the setting.**" before `1\\. In Device Manager ...`)."""
        text = b.plain.strip()
        if not b.all_strong or b.toc or not text or len(text) > 120 or "\n" in text:
            return False
        return (into_count or self._numbered(text) is not None or text.endswith("?")
                or bool(self.imperative.match(text)))

    def _label_line(self, b: _Block, nxt: _Block, prev: _Block) -> bool | None:
        """A plain line of one to four words with no sentence mark, alone as a paragraph before a
        paragraph or a list: a template's label that works as the heading of what follows, not its
        text, when its words name a FAQ or a conclusion (rules [section_kinds]: "Conclusion"; True,
        it closes the open sections), or when the build found it in many distinct bodies (`labels`,
        boilerplate.Boilerplate.labels: "What We Like", "PROS", "Specifications" over a list; False,
        it heads a part of the section it is in), capitalised and no step ("Restart the router"),
        not a word that joins two ways ("OR"), not one of a run of short lines (a list written as
        paragraphs: "Low pixel density", "Expensive"; a table's rows: "**Brand**", "Samsung"), and, under
        a picture, over a list (a name over the article's prose there is the picture's credit: "ASUS").
        None: no label. (Only after a section's text: "Summary" just under a heading opens it.)"""
        text = self._plain_line(b)
        if not text or nxt.kind not in ("paragraph", "list"):
            return None
        if self._kind(text) in ("faq", "conclusion"):
            return True
        if (text in self.labels and text[0].isupper() and not _fragment(prev) and not _fragment(nxt)
                and not self.action.match(text) and not {w.lower() for w in text.split()} <= self.connectors
                and not (prev.images and nxt.kind != "list")):
            return False
        return None

    @staticmethod
    def _plain_line(b: _Block) -> str:
        """The block's text when it is one plain line of one to four words with no sentence mark, else ""."""
        text = b.plain.strip()
        if (b.kind != "paragraph" or b.strong or b.links or b.images or b.code or b.toc or not text or "\n" in text
                or len(text.split()) > 4 or _SENTENCE_MARK.search(text)):
            return ""
        return text

    def _lead_label(self, b: _Block) -> str | None:
        """A heading for a paragraph that opens with a bold step number and goes on with text
        (`**1.** The driver may be outdated. ...`, `**Step 2: Set Default Printer** Click ...`)."""
        if (b.kind != "paragraph" or b.all_strong or b.toc or not b.strong
                or not b.source.startswith(("**", "__"))):
            return None
        label = b.strong[0].strip()
        if not b.plain.lstrip().startswith(label):
            return None
        if _BARE_NUMBER.match(label):
            rest = b.plain.lstrip()[len(label):].strip()
            sentence = SENTENCE_END.split(rest, 1)[0].strip()
            return f"{label.rstrip('.):')}. {_clip(sentence)}" if sentence else None
        return label if self._numbered(label) is not None and len(label) <= 120 else None

    def _kind(self, heading: str) -> str:
        """The kind a heading's words name."""
        try:
            return self._kind_memo[heading]
        except KeyError:
            found = next((kind for kind, pattern in self.kinds if pattern.search(heading)), "other")
            return remember(self._kind_memo, heading, found, self.MEMO_LIMIT)

    def _name(self, text: str) -> str:
        """What a heading or a contents line names, to match one with the other: without
        its numbering, lowercased, spaces collapsed."""
        return " ".join((self._numbered(text.strip()) or text).lower().split())

    def _numbered(self, heading: str) -> str | None:
        """The title without its numbering when the heading is numbered, else None."""
        try:
            return self._numbered_memo[heading]
        except KeyError:
            return remember(self._numbered_memo, heading, self._numbering(heading), self.MEMO_LIMIT)

    def _numbering(self, heading: str) -> str | None:
        for p in self.numbered:
            m = p.match(heading)
            if m:
                rest = heading[m.end():].lstrip(" :：.,-–—)").strip()
                return rest or heading.strip()
        return None


def _fragment(b: _Block) -> bool:
    """One line of a few words (FRAGMENT_WORDS) that ends with no sentence mark: an item of a list
    written as paragraphs, a table's key or value ("Some keys run warm", "**Weight**", "Yes"); not a
    picture, nor a line that labels its own value ("Pricing: Starts at $16.95 per month")."""
    text = b.plain.strip()
    return (b.kind == "paragraph" and not b.images and bool(text) and "\n" not in text and ":" not in text
            and len(text.split()) <= FRAGMENT_WORDS and not text.rstrip("*_ )\"'”’").endswith((".", "!", "?", ":", "…")))


FRAGMENT_WORDS = 12


def _gerunds(verbs: list[str]) -> list[str]:
    """The -ing forms a verb may take ("use" -> "using", "run" -> "running", "open" ->
    "opening"; a phrasal verb's first word: "set up" -> "setting up"), longest first. A
    spelling no word has ("openning") is harmless: nothing matches it."""
    out = set()
    for verb in verbs:
        word, _, rest = verb.partition(" ")
        if len(word) < 2 or not word.isalpha():
            continue
        forms = {word + "ing", word + word[-1] + "ing"}
        if word.endswith("e") and not word.endswith("ee"):
            forms.add(word[:-1] + "ing")
        out |= {f + (" " + rest if rest else "") for f in forms}
    return sorted(out, key=len, reverse=True)
