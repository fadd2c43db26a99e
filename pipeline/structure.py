"""Stage 3: read a cleaned markdown body into sections, steps and causes.

The body is parsed once with a CommonMark parser (pyromark, a binding of pulldown-cmark);
section text is the exact markdown source between headings, so nothing is re-rendered.
"""
from __future__ import annotations

import re

import pyromark
from rapidfuzz import fuzz

from .model import Section, Step, Structure
from .rules import Rules
from .text import HTML_START, SENTENCE_END, Inert, remember

_PARSE_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH


class Structurer:
    """Heading, step and extraction rules compiled once."""

    MEMO_LIMIT = 65536

    def __init__(self, rules: Rules):
        flags = re.I
        self.inert = Inert.of(rules)
        self.kinds = [  # one alternation per kind: a heading is searched once per kind
            (kind, re.compile("|".join(f"(?:{p})" for p in pats), flags))
            for kind, pats in rules.data["section_kinds"].items()
        ]
        self.numbered = [re.compile(p, flags) for p in rules.get("step_shapes", "numbered")]
        self.summary_contents = re.compile("|".join(f"(?:{p})" for p in rules.get("summary", "contents_labels")))
        self.summary_ads = re.compile("|".join(f"(?:{p})" for p in rules.get("summary", "ad_lines")))
        self.summary_credits = re.compile("|".join(f"(?:{p})" for p in rules.get("summary", "credit_lines")))
        # a bold numbered label: every run-on step label (_split_run_on_steps) is one of these
        self.bold_numbered = re.compile(r"\*\*(?!\[)\s*(?:"
                                        + "|".join(f"(?:{p})" for p in rules.get("step_shapes", "numbered")) + ")", flags)
        verbs = sorted(set(v.lower() for v in rules.get("step_shapes", "imperative_verbs")), key=len, reverse=True)
        seq = sorted(set(w.lower() for w in rules.get("step_shapes", "sequence_words")), key=len, reverse=True)
        self.imperative = re.compile(r"^(?:(?:" + "|".join(re.escape(w) for w in seq) + r"),?\s+)?"
                                     r"(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", flags)
        self.gerund = re.compile(r"^(?:" + "|".join(re.escape(g) for g in _gerunds(verbs)) + r")\s+(?:"
                                 + "|".join(re.escape(w) for w in rules.get("step_shapes", "gerund_objects")) + r")\b",
                                 flags)
        acts = sorted(set(verbs) | {v.lower() for v in rules.get("step_shapes", "action_verbs")}, key=len, reverse=True)
        self.action = re.compile(r"^(?:[^,.:;!?\n]{1,60},\s+)?(?:(?:" + "|".join(re.escape(w) for w in seq)
                                 + r"),?\s+)?(?:" + "|".join(re.escape(v) for v in acts) + r")\b", flags)
        self.procedure_heading = re.compile("|".join(f"(?:{p})" for p in rules.get("step_shapes", "procedure_headings")),
                                            flags)
        self.division_words = {w.lower() for w in rules.get("step_shapes", "division_words")}
        self.question = re.compile(r"(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", "question_words"))
                                   + r")\b", flags)
        self.preliminary = re.compile("|".join(f"(?:{p})" for p in rules.get("step_shapes", "preliminary")), flags)
        self.promo = tuple(p.lower() for p in rules.get("promotional", "phrases"))
        self.manual_label = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "manual_labels")), flags)
        self.manual_cue = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "manual_cues")), flags)
        self.alternative = re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in rules.get("promotional", "alternatives"))
                                      + r")\b", flags)
        self._overviews_of: tuple[list, set] = ([], set())  # the last sections _steps read, and their overviews
        self.products = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in rules.get("promotional", "products")) + r")\b",
                                   flags)
        self.contents_label = re.compile(r"(?:" + "|".join(rules.get("tables_of_contents", "labels")) + r")\W*", flags)
        self.contents_link = re.compile(r"(?:" + "|".join(rules.get("tables_of_contents", "navigation")) + r")\b", flags)
        self.bold_causes = re.compile("|".join(f"(?:{p})" for p in rules.get("causes", "bold_phrases_under")), flags)
        words = rules.get("extract", "command_words")
        self.command = re.compile(
            r"^(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?:\s|$)"
            r"|^\S+\.(?:exe|msc|cpl)\b|^%\w+%", flags)  # (`%temp%`: a folder typed into a box)
        keys = sorted(rules.get("extract", "shortcut_keys"), key=len, reverse=True)
        alts = "|".join(re.escape(k) for k in keys)
        named = "|".join(re.escape(k) for k in rules.get("extract", "named_keys"))
        # (`CTRL+C` too: a key in any case, spelled as the rules do; `pressingCtrl+L`: a scrape lost the space)
        self.shortcut = re.compile(
            r"(?:\b|(?<=[a-z])(?=[A-Z]))(?i:" + alts + r")(?:\s*\+\s*(?:(?i:" + alts + r"|" + named + r")\b"
            r"|[A-Z][A-Za-z]{0,8}|F\d{1,2}|\d|[A-Za-z]))+\b")
        self.key_spelling = {k.lower(): k for k in keys}
        # ...or in words: "the Windows logo key and R (on your keyboard) at the same time"
        ikey = "(?i:" + alts + ")"
        other = r"(?:" + ikey + r"|F\d{1,2}|[A-Z](?![\w-])|\d(?!\w)|(?i:" + named + r")\b)"
        self.worded_shortcut = re.compile(r"\b" + ikey + r"(?:\s+(?i:key))?(?:\s*(?:,|\band\b|\+)\s*(?:the\s+)?"
                                          + other + r"(?:\s+(?i:key))?)+(?=(?:\s+[a-z]+){0,3}?\s+"
                                          r"(?i:at the same time|together|simultaneously))")
        self.key_names = {a.lower(): b for a, _, b in (n.partition("=") for n in rules.get("extract", "shortcut_names"))}
        # what a heading's words say, memoised: a body's headings are asked about many
        # times, and the variants of an article repeat them
        self._numbered_memo: dict[str, str | None] = {}
        self._kind_memo: dict[str, str] = {}

    # ---------------------------------------------------------------- entry point
    def structure(self, body: str, title: str) -> Structure:
        blocks = _blocks(body)
        split = self._split_run_on_steps(body, blocks)
        if split is not None:
            body, blocks = split, _blocks(split)
        blocks = self._without_contents(_inert(blocks, self.inert))
        sections, title_heading = self._sections(blocks, title)
        steps = self._steps(sections, blocks)
        if not steps:  # no heading gives a step: numbered paragraphs may
            steps = self._paragraph_steps(blocks, body)
            split = _split_run_on_numbers(body, blocks)
            if split is not None:  # numbered steps that a scrape ran together, each given a paragraph
                again = self._without_contents(_inert(_blocks(split), self.inert))
                secs, heading = self._sections(again, title)
                found = self._steps(secs, again) or self._paragraph_steps(again, split)
                if len(found) > len(steps):
                    blocks, sections, title_heading, steps = again, secs, heading, found
        if not steps:  # nor numbers nor headings: sentences that each say what to do over a
            steps = self._shot_steps(blocks, sections)  # screenshot may, headless or under a how-to heading
        if not steps:  # nor those: sibling sections headed "How to ..." are the ways it gives
            steps = self._steps(sections, blocks, named=True)
        self._hide_overview_lists(sections)
        causes = self._causes(sections, blocks)
        summary = _summary(sections, self.summary_contents, self.summary_ads, self.summary_credits)
        out_sections = [
            Section(heading=s.heading, level=s.level, kind=s.kind, text=s.text, parent=s.parent)
            for s in sections
        ]
        return Structure(summary=summary, sections=out_sections, steps=steps, causes=causes,
                         title_heading=title_heading)

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

    def _contents_label(self, b: _Block) -> bool:
        return b.kind in ("heading", "paragraph") and not b.contents and len(b.plain) < 40 and (
            self.contents_label.fullmatch(b.plain.strip()) is not None)

    # ------------------------------------------------------------------- sections
    def _sections(self, blocks: list[_Block], title: str) -> tuple[list[_Sec], str]:
        secs = [_Sec(heading="", level=0, kind="intro", parent=None)]
        stack: list[int] = []  # indexes of open heading sections
        title_heading = None
        leads = {id(b): h for b in blocks if (h := self._lead_label(b))}
        if len(leads) < 2:
            leads = {}  # one bold-numbered paragraph is emphasis, not a list of steps
        into_count = {id(a) for a, b in zip(blocks, blocks[1:]) if _starts_count(b)}
        heads = self._headings([b for b in blocks if id(b) not in leads and (
            b.kind == "heading" or (b.kind == "paragraph" and self._pseudo_heading(b, id(b) in into_count)))], blocks)
        counted: dict[int, tuple[str, int]] = {}  # section -> its heading's (numbering word, number)
        named = self._empty_headings_named(blocks, heads, leads)
        taken = {id(b) for a, b in zip(blocks, blocks[1:]) if id(a) in named}
        for b in blocks:
            if id(b) in taken:  # (the name of the empty heading before it)
                b.section = len(secs) - 1
                continue
            if id(b) in leads:  # "**1.** Update the driver. ..." opens a step and is its text
                while stack and secs[stack[-1]].level >= 7:
                    stack.pop()
                secs.append(_Sec(heading=leads[id(b)], level=7, kind="other", parent=stack[-1] if stack else None,
                                 pseudo=True, lead=True))
                stack.append(len(secs) - 1)
                b.section = len(secs) - 1
                secs[-1].blocks.append(b)
                continue
            if id(b) in heads:
                level = b.level if b.kind == "heading" else 7
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
                continue
            b.section = len(secs) - 1
            secs[-1].blocks.append(b)
        self._fill(secs)
        return secs, title_heading or ""

    def _fill(self, secs: list[_Sec]) -> None:
        """Each section's text and kind: what its heading names; a troubleshooting parent
        makes its children fixes, numbered headings are fixes; promotion overrides."""
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
            said = sum(1 for s in group if self._says_step(s))
            for s in group:
                s.counted = 2 * said >= len(group)

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
        fixes before or after giving them), and so is the last line of such a list, which
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
                    for j, other in enumerate(keys) if j != k):
                b.toc = True
                out.discard(id(b))
        return out

    def _split_run_on_steps(self, body: str, blocks: list[_Block]) -> str | None:
        """The body with a paragraph break before each bold step label (`**Step 2: Set
        Default Printer**`) that follows a sentence on its line, when the body has two or
        more: what a scrape that lost the line breaks of an article leaves. A label has a
        title after its number and no link. None when there is nothing to split."""
        labels = 0  # found in the whole body with one search first: most bodies stop here
        for m in self.bold_numbered.finditer(body):
            close = body.find("**", m.start() + 2)
            labels += close > 0 and _after_sentence(body, m.start()) and self._label(body[m.start() + 2:close])
        if labels < 2:  # (each cut below is one of these)
            return None
        raw, cuts = body.encode("utf-8"), []
        for b in blocks:
            if b.kind not in ("paragraph", "list") or "**" not in b.source or "`" in b.source or "]:" in b.source:
                continue  # (a list: its last item's line can run on into the next step; a
                # line cut short could become a link reference definition: not touched)
            seg = raw[b.span[0]:b.span[1]].decode("utf-8")
            cuts += [b.span[0] + len(seg[:m.start()].encode("utf-8")) for m in _BOLD_RUN.finditer(seg)
                     if self._label(m.group(1)) and _after_sentence(seg, m.start())]
        return _break_before(raw, cuts, b" \t") if len(cuts) >= 2 else None

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

    def _name(self, text: str) -> str:
        """What a heading or a contents line names, to match one with the other: without
        its numbering, lowercased, spaces collapsed."""
        return " ".join((self._numbered(text.strip()) or text).lower().split())

    def _imperative(self, heading: str) -> bool:
        """A heading that says what to do, maybe after a short label ("(Advanced) Try
        automatic overclocking", "Tips – Keep your printer driver up to date"), or names the
        doing to a thing ("Opening the Keychain Access tool", "Restarting your router": a
        gerund of one of the verbs, then an article or a possessive; "Testing Methodology"
        names no doing)."""
        return self.imperative.match(heading) is not None or self.imperative.match(
            _HEADING_LABEL.sub("", heading, count=1)) is not None or self.gerund.match(heading) is not None

    def _reads_as_step(self, heading: str) -> bool:
        return bool(self.imperative.match(heading)) or self._numbered(heading) is not None

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
                rest = heading[m.end():].lstrip(" :.-–—)").strip()
                return rest or heading.strip()
        return None

    # ---------------------------------------------------------------------- steps
    def _steps(self, secs: list[_Sec], blocks: list[_Block], named: bool = False) -> list[Step]:
        """The steps the headings give: (`named`) sibling headings that each name a procedure
        count too, the last resort of a body that gives its steps no other way."""
        chosen: list[int] = []
        # (parent, level) -> sections whose heading reads as a step, or that give a numbered
        # procedure of their own: siblings that each do are alternatives, the steps' grain
        peers: dict[tuple, int] = {}
        procedures = {i for i, t in enumerate(secs) if i and t.kind != "explanation" and (
            self._owns_procedure(t) or (named and self._names_procedure(secs, i)))}
        for i, t in enumerate(secs[1:], 1):
            if t.counted or self._imperative(t.heading) or i in procedures:
                peers[(t.parent, t.level)] = peers.get((t.parent, t.level), 0) + 1
        overviews = self._overviews(secs)
        self._overviews_of = (secs, overviews)  # (for _hide_overview_lists: the same sections, asked again)
        counts: dict[tuple, int] = {}  # (parent, level) -> sections whose number marks them steps
        for t in secs[1:]:
            counts[(t.parent, t.level)] = counts.get((t.parent, t.level), 0) + t.counted
        is_step = [i not in overviews and self._is_step(secs, i, peers, i in procedures, counts)
                   for i in range(len(secs))]
        if not named:  # (between two "How to ..." sections: a question, a note, not a way)
            self._fill_runs(secs, is_step, overviews)
        for i in range(1, len(secs)):
            if any(is_step[a] for a in _ancestors(secs, i)):
                continue  # part of an enclosing step
            if is_step[i]:
                chosen.append(i)
        steps = []
        for i in chosen:
            s = secs[i]
            own = [i] + _descendants(secs, i)
            sblocks = [b for k in own for b in secs[k].blocks]
            units: list[tuple[str, str, _Block | None]] = [("", s.heading, None)]  # (markdown, plain, block)
            for k in own:
                if k != i and not secs[k].lead:  # (a lead's text says its heading: `**1)** Press ...`)
                    heading = _md_escape(secs[k].heading)  # plain text back into markdown
                    units.append((("#" * min(secs[k].level, 6) + " " + heading) if not secs[k].pseudo
                                  else f"**{heading}**", secs[k].heading, None))
                units += [(b.text, b.plain, b) for b in secs[k].blocks if not b.contents and b.text]
            title = self._numbered(s.heading) or s.heading
            steps.append(self._step(title, i, units, sblocks))
        return steps

    def _step(self, title: str, section: int, units: list[tuple[str, str, _Block | None]], sblocks: list[_Block],
              sub: list[_Block] | None = None, lead: bool = False) -> Step:
        """A step read from its units (its heading, sub-headings and blocks, in order): its
        text is theirs; its instructions from `sub` (default: all of its blocks). The passages
        that pitch a tool are its `pitch` (`_pitch`); it is promotional when the rest gives no
        manual way (or `lead`: the paragraph leading into its run was a pitch), and then its
        fields come from all of it, else from the manual way only."""
        text, ranges, pitched, manual = self._pitch(units)
        pitch = [text[a:b] for a, b in ranges]
        promotional = lead or (bool(pitch) and not manual)
        if lead and not pitch and text:
            pitch = [text]
        keep = sblocks if promotional or not pitch else [b for b in sblocks if id(b) not in pitched]
        kept = {id(b) for b in keep}
        return Step(
            title=title.strip(),
            text=text,
            section=section,
            instructions=_instructions([b for b in (sblocks if sub is None else sub) if not b.contents and id(b) in kept]),
            ui_paths=_dedupe(p for b in keep for p in b.ui_paths),
            shortcuts=_dedupe(k for b in keep for k in self._shortcuts(" ".join(b.plain.split()))),
            commands=_dedupe(c for b in keep for c in b.code + [t for t in b.strong if not _label(t)]
                             if self._is_command(c)),
            images=_dedupe(b_img for b in sblocks for b_img in b.images),
            links=_dedupe(lk for b in sblocks for lk in b.links),
            promotional=promotional,
            pitch=pitch,
        )

    def _pitch(self, units: list[tuple[str, str, _Block | None]]) -> tuple[str, list[tuple[int, int]], set, bool]:
        """(text, pitch ranges in it, id() of the blocks that pitch, whether the rest gives a
        manual way). A pitch starts at the sentence that names a tool or says a pitch phrase
        ("... you can do it automatically with **Driver Easy**.") and runs over the blocks
        after it (the tool's own procedure, its screenshots) until a part of the step that
        does not pitch opens: a sub-heading, a bold label, an "OR" / "Alternatively" line.
        The rest gives a manual way when it has sub-steps, a settings path, a shortcut, a
        command or a screenshot, or names one (rules [promotional] manual_cues: "the manufacturer's website"),
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

    def _shortcuts(self, plain: str) -> list[str]:
        """The key combinations a text names, in one spelling (rules [extract] shortcut_names)."""
        found = [m for m in self.shortcut.finditer(plain)] if "+" in plain else []
        found += [m for m in self.worded_shortcut.finditer(plain)
                  if not any(f.start() <= m.start() < f.end() for f in found)]
        out = []
        for m in sorted(found, key=lambda m: m.start()):
            keys = [re.sub(r"^the\s+|\s+key$", "", k.strip(), flags=re.I) for k in _KEY_SPLIT.split(m.group(0))]
            keys = [self.key_names.get(k.lower(), self.key_names.get(k.lower() + " key", self.key_spelling.get(k.lower(), k)))
                    for k in keys if k]
            out.append(" + ".join(k.upper() if len(k) == 1 else k[:1].upper() + k[1:] for k in keys))
        return out

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

    def _paragraph_steps(self, blocks: list[_Block], body: str) -> list[Step]:
        """For a body whose headings give no step: its procedure written as numbered
        paragraphs or list items (`1) On your keyboard, press ...`, `2\\. Type ...`, with a
        screenshot or a remark between them). A run that counts 1, 2, ... where at least
        half of the paragraphs start with an action ("Click", "In the Driver tab, click")
        gives one step per paragraph; a review's numbered points do not read so. A step
        runs to the next numbered paragraph in its section; the last one keeps only the
        screenshots after it (what follows the procedure is the article's closing text).
        A step is promotional when its text holds the promotional phrases, or the paragraph
        that leads into its run does ("... with the Pro version it takes just 2 clicks:
        1) Download ...")."""
        raw = body.encode("utf-8")
        blocks = [one for b in blocks for one in _list_items(b, raw, self.inert)]
        numbered = [(found[0], (k, found[1])) for k, b in enumerate(blocks) if (found := _step_number(b))]
        steps = []
        for run in _counts(numbered):
            if len(run) < 2 or 2 * sum(bool(self.action.match(rest)) for _, rest in run) < len(run):
                continue
            first = run[0][0]
            lead = self._promo_text(blocks[first - 1].text) if first and (
                blocks[first - 1].section == blocks[first].section) else False
            for j, (k, rest) in enumerate(run):
                end = run[j + 1][0] if j + 1 < len(run) else len(blocks)
                own = [blocks[k]]
                for b in blocks[k + 1:end]:
                    if b.section != blocks[k].section or (j + 1 == len(run) and not b.only_images):
                        break
                    own.append(b)
                title = _clip(SENTENCE_END.split(rest, 1)[0].strip())
                said = (self._lead_text(blocks, first) if j == 0 else []) + own
                units = [("", title, None)] + [(b.text, b.plain, b) for b in said if not b.contents and b.text]
                steps.append(self._step(title, blocks[k].section, units, said, sub=own[1:], lead=lead))
        return steps

    def _lead_text(self, blocks: list[_Block], first: int) -> list[_Block]:
        """The text paragraphs (two at most) just before a numbered procedure in its section,
        up to a screenshot, list or table: what the procedure is for ("... first, uninstall
        the older driver. You can follow these steps:"), which the first step opens with."""
        out: list[_Block] = []
        for b in reversed(blocks[max(0, first - 2):first]):
            if b.kind != "paragraph" or b.images or b.contents or b.section != blocks[first].section:
                break
            out.insert(0, b)
        return out

    def _shot_steps(self, blocks: list[_Block], secs: list[_Sec]) -> list[Step]:
        """For a body whose headings and numbers give no step: its procedure written as short
        paragraphs that start with an action ("First, open the Messages app ...", "Select
        ...") each with a screenshot after it (within two blocks), three or more in a row in
        the body's one section (or the one under its only heading, when no text comes before
        it) or under a heading that names a procedure ("How to Link or Embed ...", rules
        [step_shapes] procedure_headings): a list whose numbers the scrape lost. The paragraph just before the run opens it too when its last sentence is an
        action ("... Start by opening both files."). A step runs to the next one; the last
        one to its screenshot."""
        ok = {k for k, s in enumerate(secs) if len(secs) == 1 or (k and self.procedure_heading.match(s.heading))}
        if len(secs) == 2 and not any(_is_text(b) for b in secs[0].blocks):
            ok.add(1)  # (the page's one heading, a label over a box: "Key Takeaways", then the text)
        marks = [k for k, b in enumerate(blocks) if b.section in ok and self._shot_mark(b)
                 and any(c.only_images and c.section == b.section for c in blocks[k + 1:k + 3])]
        runs: list[list[int]] = []
        for k in marks:
            if runs and blocks[runs[-1][-1]].section == blocks[k].section and k - runs[-1][-1] <= 3:
                runs[-1].append(k)
            else:
                runs.append([k])
        steps = []
        for run in (r for r in runs if len(r) >= 3):
            k = run[0] - 1
            if k >= 0 and blocks[k].section == blocks[run[0]].section and self._lead_in(blocks[k]):
                run.insert(0, k)
            for j, k in enumerate(run):
                end = run[j + 1] if j + 1 < len(run) else next(
                    m + 1 for m in range(k + 1, len(blocks)) if blocks[m].only_images)
                own = blocks[k:end]
                said = [t for t in SENTENCE_END.split(blocks[k].plain.strip()) if t.strip()]
                title = _clip(said[-1] if j == 0 and k not in marks else said[0])
                units = [("", title, None)] + [(b.text, b.plain, b) for b in own if not b.contents and b.text]
                steps.append(self._step(title, blocks[k].section, units, own, sub=own[1:]))
        return steps

    def _shot_mark(self, b: _Block) -> bool:
        return (b.kind == "paragraph" and not b.only_images and not b.contents and len(b.plain) <= 300
                and self.action.match(b.plain.strip()) is not None)

    def _says_an_action(self, b: _Block) -> bool:
        """A paragraph one of whose sentences says what to do ("A menu pops up. Click
        \"Delete\"."), a screenshot's instruction."""
        if b.kind != "paragraph" or b.only_images or b.contents or len(b.plain) > 600:
            return False
        return any(self.action.match(t.strip()) for t in SENTENCE_END.split(b.plain.strip()))

    def _lead_in(self, b: _Block) -> bool:
        """A paragraph whose last sentence says what to do first ("... Start by opening both
        the worksheet and the document.")."""
        if b.kind != "paragraph" or b.only_images or b.contents or b.images:
            return False
        last = [t.strip() for t in SENTENCE_END.split(b.plain.strip()) if t.strip()]
        return bool(last) and len(last[-1]) <= 300 and self.action.match(last[-1]) is not None and (
            _CONTRACTION.match(last[-1]) is None)  # ("Let's get rid of it.": the writer's, not an action)

    def _overviews(self, secs: list[_Sec]) -> set[int]:
        """Sections that list the steps later headings give ("Try these fixes:" and the
        fixes' names, as short list items or numbered lines, often in-page links, not always
        worded as the headings are): the article's table of contents, not a step (its items
        would each be another step's double). A list naming later headings that do not read
        as steps ("If you're on Windows 10"), or describing them, is the step's own."""
        keyed = [(i, self._name(s.heading)) for i, s in enumerate(secs) if i and (
            s.counted or self._imperative(s.heading))]
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
            later = [k for _, k in keyed[nxt:nxt + _TOC_MAX]]  # bounded: linear time on any input
            named = sum(1 for it in items if any(
                fuzz.token_set_ratio(_TOC_NUMBER.sub("", it).lower(), k) >= 90 for k in later))
            if named >= 2 and named * 4 >= len(items) * 3:
                out.add(i)
        return out

    def _hide_overview_lists(self, secs: list[_Sec]) -> None:
        """An overview's list of the steps gives no text, as a table of contents of in-page
        links does (`_without_contents`): the ones whose links an affiliate hijacked
        (`3. **[Close bandwidth hogging applications](https://tools.techidaily.com/...)**`)
        were unlinked by the cleaner, and only their wording tells them."""
        last, found = self._overviews_of
        for i in (found if last is secs else self._overviews(secs)):
            s = secs[i]
            for b in s.blocks:
                if (b.kind == "list" and b.list_items and all(len(it) <= 80 for it in b.list_items)) or (
                        b.kind == "paragraph" and len(b.plain) <= 80 and _TOC_NUMBER.match(b.plain)):
                    b.contents = True
            s.text = "\n\n".join(b.text for b in s.blocks if not b.contents).strip()

    def _is_step(self, secs: list[_Sec], i: int, peers: dict[tuple, int], procedure: bool = False,
                 counts: dict[tuple, int] | None = None) -> bool:
        """A section is a step by its number, by its place (under a section of fixes: but not
        a heading that reads as no step among numbered ones, "What you might concern…" before
        "Method 1"), or as one of two or more siblings that read as steps or give procedures."""
        s = secs[i]
        if i == 0 or s.kind in ("cause", "faq", "conclusion"):
            return False
        if s.counted:
            return True
        if s.parent is not None and secs[s.parent].kind == "fix":
            return (counts or {}).get((s.parent, s.level), 0) < 2 or procedure or self._says_step(s, False) or (
                self._imperative(s.heading))
        if procedure or self._imperative(s.heading):
            return peers.get((s.parent, s.level), 0) >= 2
        return self.preliminary.search(s.heading) is not None and peers.get((s.parent, s.level), 0) >= 2

    def _names_procedure(self, secs: list[_Sec], i: int) -> bool:
        """A heading that names a procedure ("How to Calculate Age in Months", rules
        [step_shapes] procedure_headings) over text of its own and no sub-heading: the
        procedure is its text (one with sub-headings is a part whose steps they are)."""
        s = secs[i]
        return bool(s.text) and self.procedure_heading.match(s.heading) is not None and not _descendants(secs, i)

    def _owns_procedure(self, s: _Sec) -> bool:
        """The section's own blocks give a procedure: two or more items counting from 1 (a
        list, or `1\\.` paragraphs), most of them starting with an action (a news story's
        numbered findings do not read so), or two or more action paragraphs each over a
        screenshot (a procedure written without numbers: "Select \"Widgets\"." ![...])."""
        shots = [k for k, b in enumerate(s.blocks) if self._says_an_action(b)
                 and any(c.only_images for c in s.blocks[k + 1:k + 3])]
        if len(shots) >= 2:
            return True
        numbered = []
        for b in s.blocks:
            if b.kind == "list" and len(b.ordered_items) >= 2 and _FIRST_ITEM.match(b.source):
                numbered += list(enumerate(b.ordered_items, 1))
            elif (found := _step_number(b)) is not None:
                numbered.append(found)
        runs = [run for run in _counts(numbered) if len(run) >= 2]
        return any(2 * sum(bool(self.action.match(it.strip(" *_"))) for it in run) >= len(run) for run in runs)

    def _fill_runs(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """A heading between two sibling steps, of their level, is a step too when its words
        name no other kind of section ("Optimize in-game graphics settings" between "Set the
        power plan" and "Modify graphics card settings": a verb the rules do not list; "Another
        Way to Clear All Data" between two procedures). Not within a count ("1. InnoCN",
        "2. Elecrow"): what the numbers leave out is not one of them ("Best Value")."""
        siblings: dict[tuple, list[int]] = {}
        for i in range(1, len(secs)):
            siblings.setdefault((secs[i].parent, secs[i].level), []).append(i)
        for run in siblings.values():
            marks = [j for j, i in enumerate(run) if is_step[i]]
            if len(marks) < 2 or any(secs[run[j]].counted for j in marks):
                continue
            for i in run[marks[0] + 1:marks[-1]]:
                t = secs[i]
                if t.kind in ("other", "fix") and not t.pseudo and i not in skip and t.text:
                    is_step[i] = True

    def _is_command(self, text: str) -> bool:
        t = text.strip()
        return 0 < len(t) <= 200 and bool(self.command.match(t))

    # --------------------------------------------------------------------- causes
    def _causes(self, secs: list[_Sec], blocks: list[_Block]) -> list[dict]:
        causes = []
        children: dict[int, list[str]] = {}
        for t in secs:
            if t.parent is not None and secs[t.parent].kind == "cause":
                children.setdefault(t.parent, []).append(t.heading)
        for i, s in enumerate(secs):
            if s.kind != "cause":
                continue
            # (fixes listed or nested here, "Fix 1: Restart your PC", are not causes)
            items = [it for b in s.blocks for it in b.list_items if self._numbered(it) is None]
            kids = [h for h in children.get(i, []) if self._numbered(h) is None]
            if items:
                found = items
            elif kids:
                found = kids
            elif self.bold_causes.search(s.heading):
                found = [t for b in s.blocks for t in b.strong if ">" not in t]
            else:
                found = []
            causes.extend({"text": " ".join(t.split()).strip(" .,:;")} for t in found if t.strip())
        return _dedupe(causes)


# ------------------------------------------------------------------- parse helpers

class _Block:
    """One top-level markdown block with what the extractors need from it."""

    __slots__ = ("kind", "level", "source", "plain", "strong", "code", "links", "images",
                 "list_items", "ordered_items", "section", "all_strong", "only_images", "toc", "contents",
                 "span", "anchor_links", "text", "item_spans")

    def __init__(self, kind: str, level: int, source: str):
        self.kind = kind
        self.level = level
        self.source = source
        self.text = source  # the markdown it gives kb.json (links to in-page anchors unlinked)
        self.plain = ""
        self.strong: list[str] = []
        self.code: list[str] = []
        self.links: list[dict] = []
        self.images: list[dict] = []
        self.list_items: list[str] = []
        self.ordered_items: list[str] = []
        self.section = 0
        self.all_strong = False
        self.only_images = False
        self.toc = False  # all its text links to anchors in the page: a table-of-contents line
        self.contents = False  # a paragraph or list all of whose text links to anchors in the page
        self.span = (0, 0)  # its byte range in the body
        self.anchor_links: list[tuple[int, int]] = []  # byte ranges of its links to in-page anchors
        self.item_spans: list[tuple[int, int]] = []  # byte ranges of a list's top-level items

    @property
    def ui_paths(self) -> list[list[str]]:
        """Paths written in one bold run (`**Settings > Update**`) or as bold names joined by
        `>` (`**Start** button > **Settings** > **Devices**`), each name as the screen says it."""
        paths = []
        for t in self.strong:
            if ">" in t:
                parts = [" ".join(p.split()) for p in t.split(">")]
                if len(parts) >= 2 and all(0 < len(p) <= 60 for p in parts):
                    paths.append(parts)
        if ">" in self.source:
            paths += [[" ".join(n.split()) for n in _BOLD_NAME.findall(m.group(0))] for m in _BOLD_PATH.finditer(self.source)]
        return paths

    @property
    def code_and_strong(self) -> list[str]:
        return self.code + self.strong


class _Sec:
    __slots__ = ("heading", "level", "kind", "parent", "blocks", "text", "pseudo", "lead", "counted")

    def __init__(self, heading, level, kind, parent, pseudo=False, lead=False):
        self.heading = heading
        self.level = level
        self.kind = kind
        self.parent = parent
        self.blocks: list[_Block] = []
        self.text = ""
        self.pseudo = pseudo
        self.lead = lead  # its heading is read off its first paragraph, which its text opens with
        self.counted = False  # its heading's number marks it as one of the page's steps (_mark_counted)


# bold names joined by `>` (`\>` when escaped), each maybe followed by what it is: `**Start** button > **Settings**`
_BOLD_NAME = re.compile(r"\*\*([^*\n>]{1,60})\*\*")
_BOLD_PATH = re.compile(r"\*\*[^*\n>]{1,60}\*\*(?:\s+[a-z]{2,8})?(?:\s*(?:\\?>|&gt;|→)\s*\*\*[^*\n>]{1,60}\*\*(?:\s+[a-z]{2,8})?)+")
_KEY_SPLIT = re.compile(r"\s*(?:,|\band\b|\+)\s*")
_COUNT = re.compile(r"[\W_]*([^\W\d_]*)\s*#?\s*(\d{1,2})\b")  # a numbered heading's word and number
_TOC_MAX = 40  # a table of contents has at most this many items, matched against as many step headings after it
_TOC_NUMBER = re.compile(r"^\s*\d{1,2}\s*[:.)\-–]\s*")


_CONTRACTION = re.compile(r"\w+['’]\w")
# a short label before a heading's words: "(Advanced) ", "Tips – ", "Bonus tip: " (no number: "Top 4: GO ...")
_HEADING_LABEL = re.compile(r"^\s*(?:\([^()\n]{1,20}\)|[^\W\d][\w']*(?: [^\W\d][\w']*)?\s*(?::|\s[–—-]))\s+")
_MD_MARKS = re.compile(r"[*_`]+")
_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[.,;:!?](?:\s|$))")


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


def _clip(sentence: str, limit: int = 120) -> str:
    """A sentence made a title: spaces tidied (`Click **Repair** .` reads `Click Repair .` as
    text), at most `limit` characters, cut at a word, with an ellipsis."""
    sentence = _SPACE_BEFORE_MARK.sub("", " ".join(sentence.split()))
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit - 1]
    return (cut.rsplit(None, 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def _stray_emphasis(text: str) -> str:
    """A heading without the unpaired `**` or `__` it starts or ends with (a scrape that
    dropped the closing one: `## **Video Error 3: Playback issues`)."""
    for mark in ("**", "__"):
        if text.count(mark) % 2:
            if text.startswith(mark):
                text = text[2:].lstrip()
            elif text.endswith(mark):
                text = text[:-2].rstrip()
    return text


def _after_sentence(text: str, at: int) -> bool:
    """The line before `at` ends a sentence (or a list item's number), or ends in two
    spaces: where a lost line break used to be."""
    before = text[text.rfind("\n", 0, at) + 1:at]
    return bool(before.strip()) and (before.endswith("  ") or before.rstrip()[-1] in ".!?:)")


SUMMARY_MAX = 1000  # characters: a longer intro ends at the paragraph (or sentence) before


def _summary(secs: list[_Sec], contents: re.Pattern | None = None, ads: re.Pattern | None = None,
             credits: re.Pattern | None = None) -> str:
    """The intro: the text paragraphs before the first heading. A body without headings has
    its procedure there too: its intro ends at the first list or numbered paragraph. A label
    line leading the intro (a product name, a breadcrumb: "Video Repair"; a picture's credit,
    rules [summary] credit_lines) is not part of it.
    An intro left empty (a body that opens with a heading: "Why update your printer
    driver?", a review's product name) gives way to the first paragraph that reads as a
    sentence under a later heading, outside promotional and fix sections. A table of
    contents (a paragraph naming two fixes by their labels, "**Method 1:** ... **Method
    2:** ..."), a paragraph of links only, an ad line ("Use Fortect to fix it now!") and a
    cookie notice are not part of it (rules
    [summary]), and it ends at the paragraph that would take it over SUMMARY_MAX characters
    (a first paragraph that long: at the sentence that would)."""
    intro: list[_Block] = []
    for b in secs[0].blocks:
        if len(secs) == 1 and (b.kind == "list" or _step_number(b) is not None):
            break
        opening = intro or not (_label_line(b) or _credit_line(b, credits) or (ads and ads.search(b.text)))
        if _is_text(b) and not _only_links(b) and opening:  # (after an ad or a cookie notice, a label still opens nothing)
            intro.append(b)
    if not intro:
        intro = next(([b] for s in secs[1:] if s.kind not in ("promotional", "fix")
                      for b in s.blocks if _is_text(b) and not _short_line(b)), [])
    out: list[str] = []
    for text in (b.text.strip() for b in intro):
        if ads is not None and ads.search(text):
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
    return "\n\n".join(t for t in out if t).strip()


def _sentences_within(text: str, limit: int) -> str:
    """The text's whole sentences that fit in `limit` characters (none: empty)."""
    if len(text) <= limit and (not text or _SENTENCE_CLOSE.search(text)):
        return text
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'”’)\]*_]*(?=\s|$)", text) if m.end() <= limit]
    return text[:ends[-1]].strip() if ends else ""


def _only_links(b: _Block) -> bool:
    """A paragraph that is links and nothing else: a button ("Free Download"), a breadcrumb or
    a run of links to other pages, not the intro's prose."""
    said = len(re.sub(r"\W", "", b.plain))  # (letters counted: a paragraph may hold thousands of links)
    return bool(b.links) and said <= sum(len(re.sub(r"\W", "", link.get("text", ""))) for link in b.links)


def _is_text(b: _Block) -> bool:
    """A paragraph of text (not a table-of-contents line nor only pictures)."""
    return b.kind == "paragraph" and bool(b.plain.strip()) and not b.toc and not b.only_images


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


def _label_line(b: _Block) -> bool:
    """Such a line naming something (its longer words capitalized: "Stellar® Data Recovery
    Technician", "Stellar Eraser for Mobile /4. Working with the Software"), not a sentence
    that lost its full stop ("Install Intel Graphics Driver but got error message")."""
    return _short_line(b) and not _LOWER_WORD.search(b.plain)


def same_title(heading: str, title: str) -> bool:
    """A heading that words the title (nearly) the same, or is part of it."""
    return fuzz.ratio(heading.lower(), title.lower()) >= 85 or heading.lower() in title.lower()


# A bold run that is not a link's text nor wraps one's start: a candidate step label.
_BOLD_RUN = re.compile(r"(?<![\[\w*])\*\*(?!\[)([^*\n]{3,120}?)\*\*(?!\]\()")
_BARE_NUMBER = re.compile(r"^\d{1,2}\s*[.):]?$")
_HEADING_LEVEL = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}


def _blocks(body: str) -> list[_Block]:
    raw = body.encode("utf-8")
    blocks: list[_Block] = []
    depth = 0
    cur: _Block | None = None
    plain: list[str] = []
    strong_depth = 0
    strong_buf: list[str] = []
    link_stack: list[tuple[str, str, list[str]]] = []
    anchors = 0  # open links to an anchor in the page (`[Fix 2](#fix2)`)
    list_stack: list[bool] = []  # ordered?
    item_buf: list[list[str]] = []
    text_outside_strong = text_outside_anchor = False
    for event, rng in pyromark.events_with_range(body, options=_PARSE_OPTIONS):
        if "Start" in event:
            tag = event["Start"]
            name = tag if isinstance(tag, str) else next(iter(tag))
            if depth == 0:
                kind, level = "other", 0
                if name == "Heading":
                    kind, level = "heading", _HEADING_LEVEL[tag["Heading"]["level"]]
                elif name == "Paragraph":
                    kind = "paragraph"
                elif name == "List":
                    kind = "list"
                cur = _Block(kind, level, raw[rng["start"]:rng["end"]].decode("utf-8", "replace").strip())
                cur.span = (rng["start"], rng["end"])
                plain, text_outside_strong, text_outside_anchor = [], False, False
                blocks.append(cur)
            depth += 1
            if name == "Strong":
                strong_depth += 1
                if strong_depth == 1:
                    strong_buf = []
            elif name in ("Link", "Image"):
                info = tag[name]
                link_stack.append((name, info["dest_url"], []))
                if name == "Link" and _in_page(info["dest_url"]):
                    anchors += 1
                    if cur is not None and anchors == 1:
                        cur.anchor_links.append((rng["start"], rng["end"]))
            elif name == "List":
                list_stack.append(tag["List"] is not None)
            elif name == "Item":
                item_buf.append([] if len(list_stack) == 1 else None)  # only top-level items are kept
                if len(list_stack) == 1 and cur is not None:
                    cur.item_spans.append((rng["start"], rng["end"]))
            continue
        if "End" in event:
            tag = event["End"]
            name = tag if isinstance(tag, str) else next(iter(tag))
            depth -= 1
            if name == "Strong":
                strong_depth -= 1
                if strong_depth == 0 and cur is not None:
                    cur.strong.append("".join(strong_buf).strip())
            elif name in ("Link", "Image") and link_stack:
                kind, url, buf = link_stack.pop()
                anchors -= kind == "Link" and _in_page(url)
                text = " ".join("".join(buf).split())
                if cur is not None:
                    if kind == "Image":
                        cur.images.append({"url": url, "alt": text})
                    elif not _in_page(url):
                        cur.links.append({"url": url, "text": text})
            elif name == "Item" and item_buf:
                buf = item_buf.pop()
                text = " ".join("".join(buf).split()) if buf is not None else ""
                if cur is not None and list_stack:
                    if len(list_stack) == 1:
                        cur.list_items.append(text)
                        if list_stack[-1]:
                            cur.ordered_items.append(text)
            elif name == "List" and list_stack:
                list_stack.pop()
            if depth == 0 and cur is not None:
                if cur.anchor_links:
                    cur.text = _unlink_anchors(raw, cur)
                cur.plain = "".join(plain)
                cur.all_strong = bool(cur.strong) and not text_outside_strong
                cur.contents = cur.kind in ("paragraph", "list") and bool(cur.plain.strip()) and not text_outside_anchor
                cur.toc = cur.contents and cur.kind == "paragraph"
                cur.only_images = bool(cur.images) and not cur.plain.strip(" \n") .replace("".join(i["alt"] for i in cur.images), "").strip()
                cur = None
            continue
        text = None
        if "Text" in event:
            text = event["Text"]
        elif "Code" in event:
            text = event["Code"]
            if cur is not None:
                cur.code.append(text)
        elif "SoftBreak" in event or "HardBreak" in event:
            text = "\n" if "HardBreak" in event else " "
        if text is None:
            continue
        if cur is not None and cur.kind == "other" and "Text" in event and depth and _in_codeblock(cur):
            cur.code.extend(line for line in text.split("\n") if line.strip())
        plain.append(text)
        if strong_depth:
            strong_buf.append(text)
        elif text.strip():
            text_outside_strong = True
        if not anchors and not text_outside_anchor and text.strip():
            text_outside_anchor = True
        for _, _, buf in link_stack:
            buf.append(text)
        if item_buf and item_buf[0] is not None:
            item_buf[0].append(text)
    return blocks


_STEP_NUMBER = re.compile(r"(\d{1,2})[.)](?:[ \t]+|(?=[A-Z]|\*\*))(?=\S)")  # (`3.Click`: a scrape lost the space)
# A step number inside a paragraph, after a sentence, a colon or a screenshot: `... yourself:
# 1) Go to ...`, `... ![](shot.png) 4) Go to ...`, and a line that markdown does not read as a
# list (`2\. Type`, or a list that would interrupt a paragraph without starting at 1)
_INLINE_STEP = re.compile(r"(?<=[.!?:)*])\s+(\d{1,2})(?:\\?\.|\))(?:[ \t]+|(?=[A-Z]|\*\*))(?=\S)")


def _list_items(b: _Block, raw: bytes, inert: Inert) -> list[_Block]:
    """An ordered list of several items as one block per item (each item's markdown read
    on its own, in the list's section: `3) ...` and `4) ...` that a blank line keeps in one
    list are two numbered steps); any other block as it is."""
    if b.kind != "list" or len(b.item_spans) < 2 or not b.ordered_items or b.anchor_links:
        return [b]
    out = []
    for start, end in b.item_spans:
        item = _inert(_blocks(raw[start:end].decode("utf-8", "replace").strip()), inert)
        for one in item:
            one.section = b.section
        out += item
    return out


def _split_run_on_numbers(body: str, blocks: list[_Block]) -> str | None:
    """The body with a paragraph break before each step number inside a paragraph or list
    that continues a count (1, 2, ...) of numbered blocks and such numbers, in a run of two
    or more: the steps a scrape ran into one paragraph (`... yourself: 1) Go to ... 2) In
    the support website ...`). None when there is nothing to split."""
    raw, marks = body.encode("utf-8"), []  # (number, where to cut, or None: a block's own number)
    for b in blocks:
        found = _step_number(b)
        if found is not None:
            marks.append((found[0], None))
        if b.kind not in ("paragraph", "list") or "`" in b.source or "]:" in b.source:
            continue  # (code spans and link reference definitions are not cut)
        seg = raw[b.span[0]:b.span[1]].decode("utf-8")
        marks += [(int(m.group(1)), b.span[0] + len(seg[:m.start(1)].encode("utf-8")))
                  for m in _INLINE_STEP.finditer(seg)]
    cuts = sorted(at for run in _counts(marks) if len(run) >= 2 for at in run if at is not None)
    return _break_before(raw, cuts, b" \t\n") if cuts else None


_FIRST_ITEM = re.compile(r"\s*1[.)]")


def _starts_count(b: _Block) -> bool:
    """A block that starts a numbered procedure: an ordered list from 1, or a paragraph
    numbered 1 (`1\\. In Device Manager ...`)."""
    if b.kind == "list":
        return bool(b.ordered_items) and _FIRST_ITEM.match(b.source) is not None
    found = _step_number(b)
    return found is not None and found[0] == 1


def _counts(numbered: list[tuple[int, object]]) -> list[list]:
    """The runs that count 1, 2, ... in (number, item) pairs, in order, as lists of their
    items: a 1 starts a new run, a number out of turn is passed over."""
    runs: list[list] = [[]]
    for n, item in numbered:
        if n == len(runs[-1]) + 1:
            runs[-1].append(item)
        elif n == 1:
            runs.append([item])
    return runs


def _break_before(raw: bytes, cuts: list[int], strip: bytes) -> str:
    """The markdown with a paragraph break at each offset in cuts (the `strip` bytes
    before each dropped)."""
    pieces, pos = [], 0
    for at in cuts:
        pieces += [raw[pos:at].rstrip(strip), b"\n\n"]
        pos = at
    pieces.append(raw[pos:])
    return b"".join(pieces).decode("utf-8")


def _step_number(b: _Block) -> tuple[int, str] | None:
    """(number, text after it) of a paragraph written as one numbered step (`2\\. Type
    ...`, which markdown leaves a paragraph) or of a list of one item (`2) Expand ...`,
    a list that starts at 2), else None."""
    if b.kind == "paragraph" and b.source[:1].isdigit():
        m = _STEP_NUMBER.match(b.plain)  # (the plain text of `2\. Type` reads `2. Type`)
        return (int(m.group(1)), b.plain[m.end():].strip()) if m else None
    if b.kind == "list" and len(b.list_items) == 1 and b.ordered_items:
        m = _STEP_NUMBER.match(b.source)
        return (int(m.group(1)), b.list_items[0]) if m else None
    return None


# A link to an anchor in the page: `#fix2`, or `https://www.lifewire.com/#toc-plot` (the
# scrape resolved the page's `#toc-plot` against the site's root: 18 entries' contents lists)
_ROOT_FRAGMENT = re.compile(r"https?://[^/?#\s]+/?#")


def _in_page(url: str) -> bool:
    return url.startswith("#") or _ROOT_FRAGMENT.match(url) is not None


def _unlink_anchors(raw: bytes, b: _Block) -> str:
    """The block's markdown with its links to in-page anchors (`[Fix 2](#fix2)`) reduced to
    their text: kb.json has no such anchors, so the links would lead nowhere."""
    out, pos = [], b.span[0]
    for start, end in b.anchor_links:
        label_end = raw.rfind(b"](", start, end)
        if raw[start:start + 1] != b"[" or label_end < 0:
            continue  # (a reference-style link: left as it is)
        out += [raw[pos:start], raw[start + 1:label_end]]
        pos = end
    out.append(raw[pos:b.span[1]])
    text = b"".join(out).decode("utf-8", "replace").strip()
    # joining the text around a link must never make a tag or an entity (`<[b](#x)>`)
    if len(_MARKUP_START.findall(text)) > len(_MARKUP_START.findall(b.source)):
        return b.source
    return text


_MARKUP_START = re.compile(HTML_START.pattern + r"|&#?[A-Za-z0-9]")  # a tag or an entity opening


def _inert(blocks: list[_Block], inert: Inert) -> list[_Block]:
    """Plain text read out of markdown has its entities decoded (`&lt;script&gt;`): make
    every plain-text field inert before headings, titles and items are taken from it."""
    plain_text = inert.plain
    for b in blocks:
        b.plain = plain_text(b.plain)
        b.strong = [plain_text(t) for t in b.strong]
        b.list_items = [plain_text(t) for t in b.list_items]
        b.ordered_items = [plain_text(t) for t in b.ordered_items]
        for d in b.links:
            d["text"] = plain_text(d["text"])
        for d in b.images:
            d["alt"] = plain_text(d["alt"])
    return blocks


_TITLE_WORD = re.compile(r"[A-Z][\w'&-]*$")


def _label(text: str) -> bool:
    """A name as a screen shows it, of two or more capitalised words (`Control Panel`,
    `Command Prompt`): a bold label, not something typed (`control`, `netsh winsock reset`)."""
    words = text.split()
    return len(words) >= 2 and all(_TITLE_WORD.match(w) for w in words)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _in_codeblock(b: _Block) -> bool:
    return b.source.startswith(("```", "~~~", "    "))


def _ancestors(secs, i):
    p = secs[i].parent
    while p is not None:
        yield p
        p = secs[p].parent


def _descendants(secs, i):
    """Sections nest in document order: a section's descendants directly follow it."""
    out = []
    for k in range(i + 1, len(secs)):
        if not any(a == i for a in _ancestors(secs, k)):
            break
        out.append(k)
    return out


# a sub-step's number, in every form the corpus writes one: `1.`, `2\\.` (plain `2.`), `3)`, `4)Exit` (the
# space lost), `Step 5.`; at a paragraph's start, at a line's start (`![](shot.png)\\n6. Click`: an item
# that a screenshot's paragraph swallowed), or after a sentence (`... the Run box. 2) Type ...`)
_ITEM_NUMBER = re.compile(r"(?:^|(?<=\n)|(?<=[.!?:)\]]\s))[ \t]*(?:(?i:step)\s*)?(\d{1,2})[.)](?:[ \t]+|(?=[A-Z]))(?=\S)")
_LIST_START = re.compile(r"\s*(\d{1,9})[.)]")


def _numbered_items(b: _Block) -> list[tuple[int, str]]:
    """(number, text) of each sub-step a block gives: an ordered list's items numbered
    from its start, or the numbered parts of a paragraph's text."""
    if b.kind == "list" and b.ordered_items:
        m = _LIST_START.match(b.source)
        first = int(m.group(1)) if m else 1
        return [(first + k, it) for k, it in enumerate(b.ordered_items)]
    if b.kind != "paragraph":
        return []
    text = b.plain
    marks = list(_ITEM_NUMBER.finditer(text))
    return [(int(m.group(1)), text[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(text)])
            for k, m in enumerate(marks)]


def _instructions(blocks: list[_Block]) -> list[str]:
    """A step's sub-steps: the runs that count 1, 2, ... (two or more; `_loose_counts`) over its list
    items and numbered paragraphs, however numbered, in order (a screenshot, a note or
    an ad between two items does not end the procedure)."""
    numbered = [(n, " ".join(t.replace("**", "").split())) for b in blocks for n, t in _numbered_items(b)]
    return [it for run in _loose_counts(numbered) if len(run) >= 2 for it in run if it]


def _loose_counts(numbered: list[tuple[int, str]]) -> list[list[str]]:
    """Like `_counts`, but a procedure goes on past a number its writer repeated or
    skipped (1, 2, 2, 3 or 1, 2, 3, 5): a 1 starts a new run; a number up to two past
    the last continues it; any other is passed over."""
    runs: list[list[str]] = [[]]
    last = 0
    for n, item in numbered:
        if n == 1 or (runs[-1] and last <= n <= last + 2):
            if n == 1:
                runs.append([])
            runs[-1].append(item)
            last = n
    return runs


def _dedupe(items):
    seen, out = set(), []
    for it in items:
        key = it if isinstance(it, str) else repr(it)  # one call's items are all of one type
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
