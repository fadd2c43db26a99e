"""Steps and their fields: instructions from every list numbering, commands, shortcuts, UI paths."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..model import Step
from ..text import SENTENCE_END, Inert
from .contents import _TOC_MAX, _TOC_NUMBER, _content_words, _each_linked
from .blocks import (_Block, _Sec, _ancestors, _said, _blocks, _clip, _descendants, _in_codeblock, _inert, _is_text, _md_escape,
                     _md_unescape, _siblings)

_KEY_SPLIT = re.compile(r"\s*(?:,|\band\b|\+)\s*")
_KEY_WORDS = re.compile(r"^(?:(?:press|hit)\s+)?(?:the\s+)?|\s+keys?$", re.I)  # round a key's name: "press the", " key(s)"
_TOGETHER = re.compile(r"(?i:at the same time|together|simultaneously)")  # (what ends a worded shortcut)
_HOLD = re.compile(r"\b(?i:press and hold|hold down|hold)\s+(?:(?i:the)\s+)?")  # (what opens one: "hold down the ...")

_CONTRACTION = re.compile(r"\w+['’]\w")
_LETS_VERB = re.compile(r"[a-z][a-z-]*\b")  # (a word in lower case: the verb after "let's")
_LETS = re.compile(r"^.*?\blet['’]s\s+", re.I)  # (up to the verb after a sequence word's "let’s")

_LEAD_WORDS = re.compile(r"^(?:\s*\b(?:to|on|in|into|the|up|open)\b)*\s*", re.I)  # ("Go to the Settings", "Click on Apply")

# a short label before a heading's words: "(Advanced) ", "Tips – ", "Bonus tip: " (no number: "Top 4: GO ...")
_HEADING_LABEL = re.compile(r"^\s*(?:\([^()\n]{1,20}\)|[^\W\d][\w']*(?: [^\W\d][\w']*)?\s*(?::|\s[–—-]))\s+")


class Steps:
    """Steps and their fields."""

    def _imperative(self, heading: str, writer: bool = False, ways: bool = False) -> bool:
        """A heading that says what to do, maybe after a short label ("(Advanced) Try
        automatic overclocking", "Tips – Keep your printer driver up to date"), or names the
        doing to a thing ("Opening the Keychain Access tool", "Restarting your router": a
        gerund of one of the verbs, then an article or a possessive; "Testing Methodology"
        names no doing), or names the doing alone ("Restarting", "Setting Up": the gerund and nothing
        after it) on a page that already reads as ways (`ways`: `_reads_as_ways`, kept on the page's opening
        section, `secs[0].ways`; a review's "Scanning", "Editing" name its features), past a part's label ("Part 2:
        Update the Driver"). `writer`: also the writer's "Now let’s look at how ..." after a sequence word."""
        heading = self._past_part(heading)  # ("Part 2: Update the Driver" says "Update the Driver")
        if _CONTRACTION.match(heading):  # (the writer's "Let’s Do a Few Benchmarks", not the reader's doing)
            return False
        m = self.imperative.match(heading) or self.imperative.match(_HEADING_LABEL.sub("", heading, count=1))
        # (nor after a sequence word: "First let’s discover what ... is", the verb a contraction's first word,
        # unless an action verb follows it: "Next, let’s update the network driver")
        if m is not None and not writer and m.string.startswith(("'", "’"), m.end()):
            m = self.imperative.match(_LETS.sub("", m.string, count=1))
        return m is not None or self.gerund.match(heading) is not None or (
            ways and self.bare_gerund.match(heading) is not None)

    def _reads_as_ways(self, blocks: list[_Block], title: str) -> bool:
        """The page reads as ways before a heading that is a gerund alone is read (`_imperative`): its title
        or the text before its first heading names fixes or ways ("Here are the fixes that worked", "There
        are two ways to clear it": rules [section_kinds] fix), its title says how to ("How to ..."), or a
        heading at a gerund's level says what to do in its own words ("Restart the Router" beside
        "Updating"). A review's "Scanning", "Editing", "Verdict" under "We used it for a month" have none."""
        titles, lead = [title], []
        if blocks and blocks[0].kind == "heading":  # (the page's own opening heading: a title, its intro after it)
            titles.append(blocks[0].plain.strip())
        for b in blocks[len(titles) - 1:]:
            if b.kind == "heading":
                break
            lead.append(b.plain)
        if any(self.ways_cue.search(t) for t in (*titles, " ".join(lead))) or any(
                self.procedure_heading.match(t) for t in titles):
            return True
        heads = [b for b in blocks if b.kind == "heading"]
        levels = {b.level for b in heads if self.bare_gerund.match(b.plain.strip())}
        return any(b.level in levels and self._imperative(b.plain.strip()) for b in heads)  # (no gerund alone yet)

    # ---------------------------------------------------------------------- steps
    def _steps(self, secs: list[_Sec], blocks: list[_Block], named: bool = False, counted: bool = False) -> list[Step]:
        """The steps the headings give: (`named`) sibling headings that each name a procedure
        count too, the last resort of a body that gives its steps no other way; (`counted`) only
        the problems a page counts (`_counted_remedies`), asked when it gives none any way else."""
        if counted:
            is_step = [False] * len(secs)
            self._counted_remedies(secs, is_step, self._overviews(secs))
            steps = self._chosen_steps(secs, is_step)
            for st in steps:  # (a news story, review or petition counts problems too: its kind decides)
                st.counted = True
                # (the title without its count's label either, as without its number: "Video Error 1: No Sound")
                heading = secs[st.section].heading
                st.title = heading[_COUNT_HEAD.match(heading).end():].lstrip(" :：.-–—)").strip() or st.title
            return steps
        chosen: list[int] = []
        # (parent, level) -> sections whose heading reads as a step, or that give a numbered
        # procedure of their own: siblings that each do are alternatives, the steps' grain
        peers: dict[tuple, int] = {}
        procedures = {i for i, t in enumerate(secs) if i and t.kind != "explanation" and (
            self._owns_procedure(t) or (named and self._names_procedure(secs, i)))}
        # (`named`: a way told in ways of its own, "How to ... From Google Play" over two "How to ...",
        # is a peer of the ways beside it, "How to ... From the App Store")
        children: dict[int, list[int]] = {}
        for k in range(1, len(secs)):
            children.setdefault(secs[k].parent, []).append(k)
        parts = {p for p in {secs[i].parent for i in procedures} - {None} if named and self.procedure_heading.match(
            secs[p].heading) and all(k in procedures for k in children.get(p, ()))}
        # (a part over one way only, "How to Set Up ... on Android" telling how over "How to Turn Off ... on
        # Android": that way has no peer to be a step among, the part saying what to do is the way, with it)
        procedures |= {p for p in parts if len(children[p]) == 1 and secs[p].text}
        # (with no text of its own, the part is only a label: its one sub-way is the way, in the part's place)
        alone = {children[p][0]: p for p in parts if len(children[p]) == 1 and not secs[p].text}
        for i, t in enumerate(secs[1:], 1):
            if t.counted or self._imperative(t.heading, ways=secs[0].ways) or i in procedures or i in parts:
                peers[(t.parent, t.level)] = peers.get((t.parent, t.level), 0) + 1
        overviews = self._overviews(secs)
        self._overviews_of = (secs, overviews)  # (for _hide_overview_lists: the same sections, asked again)
        counts: dict[tuple, int] = {}  # (parent, level) -> sections whose number marks them steps
        for t in secs[1:]:
            counts[(t.parent, t.level)] = counts.get((t.parent, t.level), 0) + t.counted
        is_step = [i not in overviews and self._is_step(secs, i, peers, i in procedures, counts)
                   for i in range(len(secs))]
        for i, p in alone.items():
            is_step[i] = is_step[i] or (i not in overviews and peers.get((secs[p].parent, secs[p].level), 0) >= 2)
        remedies: set[int] = set()
        if not named:  # (between two "How to ..." sections: a question, a note, not a way)
            self._fill_runs(secs, is_step, overviews)
            marked = list(is_step)
            self._remedy_runs(secs, is_step, overviews)
            remedies = {i for i, (a, b) in enumerate(zip(marked, is_step)) if b and not a}
            self._listed_runs(secs, is_step, overviews)
            self._way_runs(secs, is_step, procedures, overviews)
            self._alike_runs(secs, is_step, overviews)  # (beside the ways _way_runs found)
            self._verb_tail(secs, is_step, overviews)
            self._numbered_tail(secs, is_step)
            self._last_resort(secs, is_step, overviews)
        elif not any(is_step):  # the page's one procedure: the only section named for what it does
            lone = [i for i, t in enumerate(secs) if i and t.kind in ("other", "fix") and not _descendants(secs, i)
                    and self._names_doing(t.heading, True, secs[0].ways) and self._acts_in(t, 2)]
            if len(lone) == 1:
                is_step[lone[0]] = True
            else:  # or its ways: sibling headings all opening with a verb's word, each over an action
                uses = _verb_uses(blocks)  # ("Double Tap the Power Button", "Quick Launch From the Lock Screen")
                for run in _siblings(secs):  # (not a closing: "Subscribe to Our Newsletter")
                    run = [i for i in run if secs[i].kind in ("other", "fix")
                           and not self.closing_heading.search(secs[i].heading)]
                    if len(run) >= 2 and all(not _descendants(secs, i) and self._verb_first(secs[i], uses)
                                             and self._acts(_said(secs[i])) for i in run):
                        for i in run:
                            is_step[i] = True
        steps = self._chosen_steps(secs, is_step)
        for st in steps:  # (a page's problems read as its fixes: its kind decides, as for counted ones)
            st.counted = st.section in remedies
        return steps

    def _numbered_tail(self, secs: list[_Sec], is_step: list[bool]) -> None:
        """After the last of two or more sibling steps numbered 1, 2, 3, ..., a sibling of no number (not
        "Step 3: ...") and no sub-sections is one more only when its own text says what to do twice: a
        closing is not, even headed by a verb ("## Avoid the Hype, Look for Value" after "## 7. Shop on the
        Official Store App", its text the article's advice over the tips)."""
        for run in _siblings(secs):
            numbered = [k for k, i in enumerate(run) if _ITEM_HEAD.match(secs[i].heading)]
            if len(numbered) < 2 or not all(is_step[run[k]] for k in numbered):
                continue
            for i in run[numbered[-1] + 1:]:
                if (is_step[i] and not self._numbered(secs[i].heading) and not _descendants(secs, i)
                        and not self._acts_in(secs[i], 2)):
                    is_step[i] = False

    def _last_resort(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """Right after a run of two or more sibling steps, a sibling headed as the last thing to try once they
        fail ("What to Do If Nothing Works?", "If All Else Fails": rules [step_shapes] last_resorts) is one more
        way when its own text tells the reader what to do or advises it ("the best thing you can do is to reach
        out to people directly": `_tells_remedy`, `_advises`; not "Share this guide", nor a pitch), and it heads
        no sub-sections. A closing that only hopes a way worked ("Did It Work?") is none: its heading names no
        last resort."""
        for run in _siblings(secs):
            marks = [k for k, i in enumerate(run) if is_step[i]]
            if len(marks) < 2 or marks[-1] + 1 >= len(run):
                continue
            i = run[marks[-1] + 1]
            if (i not in skip and secs[i].kind in ("other", "fix") and not _descendants(secs, i)
                    and not any(is_step[a] for a in _ancestors(secs, i))
                    and self.last_resort.search(secs[i].heading) and (self._tells_remedy(secs[i]) or (
                        self._advises(secs[i]) and not self._pitchy(secs[i].text)))):
                is_step[i] = True

    def _chosen_steps(self, secs: list[_Sec], is_step: list[bool]) -> list[Step]:
        """The steps of the sections chosen, each with its sub-sections (not those under a step)."""
        chosen: list[int] = []
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
              sub: list[_Block] | None = None, lead: bool = False, action: _Block | None = None,
              inner: list[_Block] = ()) -> Step:
        """A step read from its units (its heading, sub-headings and blocks, in order): its
        text is theirs; its instructions from `sub` (default: all of its blocks). The passages
        that pitch a tool are its `pitch` (`_pitch`); it is promotional when the rest gives no
        manual way (or `lead`: the paragraph leading into its run was a pitch; `action`: its
        numbered paragraph, whose sentences before a pitch are a manual action), and then its
        fields come from all of it, else from the manual way only."""
        text, ranges, pitched, manual = self._pitch(units, action)
        pitch = [text[a:b] for a, b in ranges]
        promotional = lead or (bool(pitch) and not manual)
        if lead and not pitch and text:
            pitch = [text]
        keep = sblocks if promotional or not pitch else [b for b in sblocks if id(b) not in pitched]
        kept = {id(b) for b in keep}
        if action is not None and id(action) in kept:  # (its numbered item's nested sub-steps go with it)
            kept |= {id(b) for b in inner}
        instructions = _instructions([b for b in (sblocks if sub is None else sub) if not b.contents and id(b) in kept],
                                     # (a way headed and written as prose: its actions, not a pitch's)
                                     self._prose_acts if sub is None and not promotional else None)
        ways = self._ways(units, kept, instructions) if sub is None and not promotional else []
        return Step(
            title=title.strip(),
            text=text,
            section=section,
            instructions=instructions,  # (all of its sub-steps, also when they fall into ways: `ways` adds to them)
            ways=ways,
            ui_paths=_dedupe(q for b in keep for p, plain in b.paths if (q := self._ui_path(p) if plain else p)),
            shortcuts=_dedupe(k for b in keep for k in self._shortcuts(" ".join(b.plain.split()))),
            commands=_dedupe(c.strip("*` ") for a, b in zip([None] + keep, keep) for c, typed in _typed(b, a)
                             if self._is_command(c.strip("*` ")) or (typed and _looks_typed(c.strip("*` "), typed))),
            images=_dedupe(b_img for b in sblocks for b_img in b.images),
            links=_dedupe(lk for b in sblocks for lk in b.links),
            promotional=promotional,
            pitch=pitch,
        )

    def _ways(self, units: list[tuple[str, str, _Block | None]], kept: set[int], instructions: list[str]) -> list[dict]:
        """The ways a step gives to choose from, each with its own sub-steps: its sub-steps run in two or more
        lists each counting from 1 under a label of its own (a sub-heading, a bold line or a line ending in
        ":"), labels numbered by a way word (`_case_labels`: "Method 1: USB", "Method 2: Wi-Fi").
        A reader following them in turn would do each way; [] when the step gives one procedure, or its lists are
        parts of one ("Step 1: Uninstall", "Step 2: Download"; "For the router:", "For the PC:"). The step's
        `instructions` stay all of its sub-steps either way: `ways` adds to them."""
        if len(instructions) < 4:
            return []
        segments: list[tuple[tuple[str, str] | None, list[_Block]]] = [(None, [])]
        for text, plain, b in units[1:]:
            if b is None:  # a sub-heading (`### ...` or a bold line of its own)
                segments.append(((text.split(" ", 1)[0] if text.startswith("#") else "**", plain), []))
            elif b.kind == "paragraph" and not b.contents and _way_label(b, self.way_label_words):
                segments.append((("label", b.plain), []))
            else:
                segments[-1][1].append(b)
        ways, notes = [], []  # (notes: its paragraphs beside the ways' lists, read for its cues)
        for label, blocks in segments:
            own = _instructions([b for b in blocks if not b.contents and id(b) in kept])
            if label is not None:
                notes += [b.plain for b in blocks if b.kind == "paragraph" and not _numbered_items(b)]
            if label is not None and not own and any(b.kind == "list" or _numbered_items(b) for b in blocks):
                return []  # (a way whose list does not count, "1. 1.": the ways given would leave it out)
            if own:
                if label is None or len(own) < 2:
                    return []
                ways.append((label, own))
        if len(ways) < 2 or [t for _, own in ways for t in own] != instructions:
            return []
        names = [name for (_, name), _ in ways]
        lead = [units[0][1]] + [b.plain for b in segments[0][1] if b.kind == "paragraph" and not _numbered_items(b)]
        if len({shape for (shape, _), _ in ways}) != 1 or not self._case_labels(names, lead + names, notes):
            return []
        return [{"title": self._numbered(name) or name.strip().rstrip(":：").strip(), "instructions": own}
                for (_, name), own in ways]

    def _case_labels(self, labels: list[str], lead: list[str], notes: list[str]) -> bool:
        """Whether labels name ways to choose one of, not parts done in turn: never when the step says it does
        them all, in its title, intro or labels (`lead`; rules [step_shapes] both_cues: "Pairing needs both
        devices", "do the first, then the second", "If it is still offline after that:") or in a note beside
        the ways' lists (`notes`; `both_cues_between`: "disable it in your browser as well"; not the "then"
        or "also" of a way's own sentences, "Then Windows will apply the changes"); else when each label is
        numbered by a way word ("Method 1: USB", "Method 2: Wi-Fi"; `way_words`), and never else: labels
        that name cases ("In Chrome:", "On Windows 7 (old PC):", "On the router:") or a step that says "choose"
        or "if you use" are as often parts all done in turn (export in one browser, import in the other).
        """
        if (any(self.both_cue.search(_cue_text(t)) for t in lead)
                or any(self.both_cue_between.search(_cue_text(t)) for t in notes)):
            return False
        plain = [" ".join(t.replace("’", "'").replace("*", "").split()).lower() for t in labels]
        numbered = [self._numbered(t) is not None for t in plain]
        if all(numbered):
            firsts = {re.split(r"[\s\d:.#]", t, maxsplit=1)[0] for t in plain}
            return len(firsts) == 1 and firsts <= self.way_words
        return False

    def _ui_path(self, path: list[str]) -> list[str] | None:
        """A plain-text path as the screen names it: its first name without the verb that leads
        to it ("Go to Settings > ...", "Click Apply > OK"); None when that leaves no name."""
        first = path[0]
        m = self.action.match(first) or self.imperative.match(first)
        if m and not re.match(r"\s*(?:&|and\b|$)", first[m.end():]):  # ("Start" alone, "Update & Security": names)
            first = _LEAD_WORDS.sub("", first[m.end():])
        path = [first] + path[1:]  # (a name starts with a capital: "Adjust for best performance > Apply" is none)
        return path if all(path) and not first[0].islower() else None

    def _shortcuts(self, plain: str) -> list[str]:
        """The key combinations a text names, in one spelling (rules [extract] shortcut_names)."""
        found = [m for m in self.shortcut.finditer(plain)] if "+" in plain else []
        found += [m for m in self._worded(plain) if not any(f.start() <= m.start() < f.end() for f in found)]
        out = []
        for m in sorted(found, key=lambda m: m.start()):
            said = " + ".join(m.groups()) if m.re.groups else m.group(0)  # (held_then: its groups, the keys)
            keys = [_KEY_WORDS.sub("", k.strip()) for k in _KEY_SPLIT.split(said)]
            keys = [self.key_names.get(k.lower(), self.key_names.get(k.lower() + " key", self.key_spelling.get(k.lower(), k)))
                    for k in keys if k]
            out.append(" + ".join(k.upper() if len(k) == 1 else k[:1].upper() + k[1:] for k in keys))
        return out

    def _worded(self, plain: str):
        """worded_shortcut's matches, each looked for only in the 200 characters before an "at
        the same time" (its pattern fails on a long list of keys from each of them in turn:
        quadratic on a paragraph of thousands), and the keys said right after "hold down": those
        held when the last is no modifier ("hold down the Windows logo key and the R key"), else
        with the key pressed then ("hold down the Ctrl and Alt keys, then press the up arrow":
        `Ctrl + Alt + Up`, never the half `Ctrl + Alt`; held_then's groups say the keys)."""
        last = 0
        for t in _TOGETHER.finditer(plain):
            yield from self.worded_shortcut.finditer(plain, max(last, t.start() - 200), t.end())
            last = t.end()
        for h in _HOLD.finditer(plain):  # (no "at the same time" needed)
            m = self.held_keys.match(plain, h.end(), h.end() + 200)
            last = _KEY_WORDS.sub("", _KEY_SPLIT.split(m.group(0))[-1].strip()) if m else ""
            if m and last.lower() not in self.key_spelling:
                yield m
            elif (then := self.held_then.match(plain, h.end(), h.end() + 300)) is not None:
                yield then

    def _paragraph_steps(self, blocks: list[_Block], body: str, secs: list[_Sec] = ()) -> list[Step]:
        """For a body whose headings give no step: its procedure written as numbered
        paragraphs or list items (`1) On your keyboard, press ...`, `2\\. Type ...`, with a
        screenshot or a remark between them). A run that counts 1, 2, ... where at least
        half of the paragraphs start with an action ("Click", "In the Driver tab, click")
        gives one step per paragraph; a review's numbered points do not read so. A step
        runs to the next numbered paragraph in its section; the last one keeps only the
        screenshots after it (what follows the procedure is the article's closing text).
        A step is promotional when its text holds the promotional phrases, or the paragraph
        that leads into its run does ("... with the Pro version it takes just 2 clicks:
        1) Download ..."). Not a run within one of three or more sibling sections numbered as a count of
        items, headed by no step ("#1 VivaVideo - Free video editor" over "1\\. Clip, edit ...", "2\\. Make
        video a filter"): a listicle's item, its numbered points its features, unless the paragraph leading
        into them says their task ("An old driver drops the link. To update it:", "Here's how:")."""
        raw = body.encode("utf-8")
        blocks = [one for b in blocks for one in _list_items(b, raw, self.inert)]
        numbered = _continued([(found[0], (k, found[1])) for k, b in enumerate(blocks) if (found := _step_number(b))],
                              blocks)
        items: dict[tuple, int] = {}  # (parent, level) -> sibling sections headed by a number
        for t in secs[1:]:
            items[(t.parent, t.level)] = items.get((t.parent, t.level), 0) + bool(_ITEM_HEAD.match(t.heading))
        steps = []
        for run in _counts(numbered):
            # (one numbered item is a procedure of its own when it nests its sub-steps: "1. Update Windows 11:
            # Updates fix bugs." over its "1. Go to Settings ...", "2. Click ...")
            lone = len(run) == 1 and bool(blocks[run[0][0]].nested_spans)
            if (len(run) < 2 and not lone) or 2 * sum(bool(self.action.match(rest)) for _, rest in run) < len(run):
                continue
            first = run[0][0]
            if (len(where := {blocks[k].section for k, _ in run}) == 1 and self._an_item(secs, where.pop(), items)
                    and not (first and blocks[first - 1].section == blocks[first].section
                             and self._says_task(blocks[first - 1]))):
                continue
            lead = self._promo_text(blocks[first - 1].text) if first and (
                blocks[first - 1].section == blocks[first].section) else False
            for j, (k, rest) in enumerate(run):
                end = run[j + 1][0] if j + 1 < len(run) else len(blocks)
                own = [blocks[k]]
                for b in blocks[k + 1:end]:
                    if b.section != blocks[k].section or (j + 1 == len(run) and not b.only_images):
                        break
                    own.append(b)
                inner = _inner(blocks[k], self.inert)  # (the sub-steps nested in its item, then those below it)
                if blocks[k].nested_spans and inner and inner[0].kind in ("paragraph", "heading"):
                    rest = inner[0].plain.strip()  # (its name is its text above the list it nests: "Restart")
                title = _clip(_label_of(SENTENCE_END.split(rest, 1)[0].strip()))
                said = (self._lead_text(blocks, first) if j == 0 else []) + own
                units = [("", title, None)] + [(b.text, b.plain, b) for b in said if not b.contents and b.text]
                steps.append(self._step(title, blocks[k].section, units, said, sub=inner + own[1:], lead=lead,
                                        action=blocks[k], inner=inner))
        return steps

    def _named_ways(self, secs: list[_Sec], blocks: list[_Block], steps: list[Step]) -> list[Step]:
        """The numbered paragraphs' steps (`_paragraph_steps`), or the sibling sections named for a procedure
        (`_steps(named=True)`) that they are the procedures of. All of one section: one part's own procedure,
        "Part 3. How to Recover ... Without iPhone" with its "1 Free download ...", "2 Click Scan ...", beside
        "Part 1. How to Download ..." told in prose: the parts are the ways. In two or more sections, each in
        (or under) a different one of two or more such ways ("How to Password Protect a Text File" with its
        1, 2, 3 beside "How to Encrypt Your Text File" whose "### Encrypt It with WinRAR" holds its 1, 2, 3):
        the ways are the steps, the numbered paragraphs their sub-steps; a way that holds none of them is
        none of theirs (a pitch, "How to Get 50% Off WinZip Pro", or tips, "How to Choose a Strong Password")."""
        if not steps:
            return steps
        where = {s.section for s in steps}
        named = self._steps(secs, blocks, named=True)
        heads = {s.section for s in named}
        if len(named) < 2:
            return steps
        if len(where) == 1:
            return named if where <= heads and all(
                self._past_part(secs[s.section].heading) != secs[s.section].heading for s in named) else steps
        holders = {next((h for h in (w, *_ancestors(secs, w)) if h in heads), None) for w in where}
        if None in holders or len(holders) < 2:
            return steps
        kept = [s for s in named if s.section in holders]  # (not a "How to Get 50% Off ..." beside them: a way
        return kept if len(kept) >= 2 else steps  # holds the procedures, a pitch or a tips section holds none)

    def _says_task(self, block: _Block) -> bool:
        """A paragraph that leads into a procedure by saying its task: its last sentence ends with a colon
        and is "To <verb> ...:" ("An old driver drops the link. To update it:") or a lead of the rules
        ([step_shapes] procedure_leads: "Here's how:"), not a list's label ("Key features:")."""
        text = block.plain.strip() if block.kind == "paragraph" else ""
        if not text.endswith(":"):
            return False
        last = SENTENCE_END.split(text)[-1].strip()
        return bool(self.procedure_lead.search(last) or (
            last[:3].lower() == "to " and self.action.match(last[3:])))

    def _an_item(self, secs: list[_Sec], i: int | None, items: dict[tuple, int]) -> bool:
        """Section i is one of three or more siblings headed by a number (`items`: their count by parent
        and level; "#1 VivaVideo ...", "2. AndroVid ..."), and its heading says no step (not "4. How to fix
        the problem?")."""
        m = _ITEM_HEAD.match(secs[i].heading) if i and i < len(secs) else None
        if m is None or items.get((secs[i].parent, secs[i].level), 0) < 3:
            return False
        named = _Sec(secs[i].heading[m.end():].lstrip(" .):-–—"), secs[i].level, secs[i].kind, secs[i].parent)
        return not self._says_step(named)  # (its words past the number: "#1 How to edit ...")

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
        paragraphs each with a screenshot after it (within two blocks), the first and at least
        a third of them, and three or more, saying what to do ("First, open the Messages app ...",
        "Select ..."; the others, a result, "The cells are merged.", or a remark, are part of
        the step before), in the same section: in
        the body's one section (or the one under its only heading, when no text comes before
        it) or under a heading that names a procedure ("How to Link or Embed ...", rules
        [step_shapes] procedure_headings) or says what to do ("Get Workbook Statistics"): a list
        whose numbers the scrape lost. The paragraph just before the run opens it too when its last sentence is an
        action ("... Start by opening both files."). A step runs to the next one; the last
        one to its screenshot."""
        uses = _verb_uses(blocks)
        ok = {k for k, s in enumerate(secs) if len(secs) == 1 or (k and (
            self.procedure_heading.match(s.heading) or self._imperative(s.heading, ways=secs[0].ways)
            or self._verb_first(s, uses)))}  # (a verb the rules do not list: "Rotate Videos on ...")
        if len(secs) == 2 and not any(_is_text(b) for b in secs[0].blocks):
            ok.add(1)  # (the page's one heading, a label over a box: "Key Takeaways", then the text)
        shots = [k for k, b in enumerate(blocks) if b.section in ok and _shot_text(b)
                 and any(c.only_images and c.section == b.section for c in blocks[k + 1:k + 3])]
        marks = {k for k in shots if self._shot_mark(blocks[k])}
        runs: list[list[int]] = []
        for k in shots:
            if runs and blocks[runs[-1][-1]].section == blocks[k].section:
                runs[-1].append(k)
            else:
                runs.append([k])
        runs = [r[next(j for j, k in enumerate(r) if k in marks):] for r in runs if marks.intersection(r)]
        steps = []
        for shown in (r for r in runs if len(marks.intersection(r)) >= 3 and 3 * len(marks.intersection(r)) >= len(r)):
            run = [k for k in shown if k in marks]
            k = run[0] - 1
            if k >= 0 and blocks[k].section == blocks[run[0]].section and self._lead_in(blocks[k]):
                run.insert(0, k)
            for j, k in enumerate(run):
                end = run[j + 1] if j + 1 < len(run) else next(
                    m + 1 for m in range(shown[-1] + 1, len(blocks)) if blocks[m].only_images)
                own = blocks[k:end]
                said = [t for t in SENTENCE_END.split(blocks[k].plain.strip()) if t.strip()]
                title = _clip(said[-1] if j == 0 and k not in marks else (self._acts(said) or said)[0])
                units = [("", title, None)] + [(b.text, b.plain, b) for b in own if not b.contents and b.text]
                steps.append(self._step(title, blocks[k].section, units, own, sub=own[1:]))
        return steps

    def _shot_mark(self, b: _Block) -> bool:
        """A short paragraph one of whose sentences says what to do ("Select ...", "Here are
        the categories. Tap one to see the options.")."""
        return _shot_text(b) and len(b.plain) <= 300 and bool(self._acts(SENTENCE_END.split(b.plain.strip())))

    def _acts(self, sentences: list[str]) -> list[str]:
        """The sentences that say what to do ("Let's get rid of it.": the writer's, not an action)."""
        return [t for t in sentences if self._writer_acts(t.strip())]

    def _prose_acts(self, sentence: str) -> bool:
        """A sentence of a way told in prose that is a sub-step of it: it says what to do, and not only
        where to read more ("Check out our best mini PCs buying guide.": [step_shapes] pointer_openings)."""
        return self._writer_acts(sentence) and not self.pointer.match(sentence)

    def _writer_acts(self, sentence: str, verbs: re.Pattern | None = None, reader: bool = False) -> bool:
        """A sentence that says what to do, not what the writer will do ("Let's get rid of it.",
        "With that out of the way, let's begin.": its verb a contraction's first word; "Then restart"
        at the sentence's end is an action). `verbs`: the opening looked for (default: `action`).
        `reader` (a page's problems and their remedies): "Let's" before a verb not of the writer's doing
        ([step_shapes] writer_verbs; one of `verbs`, or one no rule lists: "Let's re-sync the controller")
        tells the reader what to do ("Let's restart the router first"), and so does an action after an
        opening phrase's contraction ("Don't worry, restart the router"); not on the screenshot path, where
        "Let's enable this feature." is the writer's lead-in to the steps that do it."""
        verbs = verbs or self.action
        m = verbs.match(sentence)
        if m is None:
            return False
        if sentence.startswith(("'", "’"), m.end()):  # (the verb a contraction's first word: "Let's ...")
            rest = _LETS.sub("", sentence, count=1)
            return reader and rest != sentence and not self.writer_verb.match(rest) and (
                verbs.match(rest) is not None or self.action.match(rest) is None and _LETS_VERB.match(rest) is not None)
        return not _CONTRACTION.match(sentence) or reader and "," in sentence[:m.end()]

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
        return bool(last) and len(last[-1]) <= 300 and self._writer_acts(last[-1])

    def _may_be_way(self, s: _Sec) -> bool:
        """Whether a section beside the ways may be one of them: of no kind that is none (`other`), a fix, or
        a fix by its heading that pitches a tool ("The third way and the most convenient way to get album
        artworks – from FoneTrans" after "The first way ... – from iTunes Store": a way the article offers,
        kept as a promotional step; not "Why we recommend FoneTrans to you?")."""
        return s.kind in ("other", "fix") or (s.kind == "promotional" and self._kind(s.heading) == "fix")

    def _is_step(self, secs: list[_Sec], i: int, peers: dict[tuple, int], procedure: bool = False,
                 counts: dict[tuple, int] | None = None) -> bool:
        """A section is a step by its number, by its place (under a section of fixes: but not
        a heading that reads as no step among numbered ones, "What you might concern…" before
        "Method 1"), or as one of two or more siblings that read as steps or give procedures."""
        s = secs[i]
        if i == 0 or s.kind in ("faq", "conclusion"):
            return False
        # a cause's words in a heading that acts, under fixes or over two actions, make no cause ("Uninstall
        # Apps Known To Cause Overheating"); "Find Out What Causes ..." over its causes stays one
        ways = secs[0].ways
        if s.kind == "cause" and not (self._imperative(s.heading, ways=ways) and (
                self._acts_in(s, 2) or (s.parent is not None and secs[s.parent].kind == "fix"))):
            return False
        if s.counted:
            return True
        if s.parent is not None and secs[s.parent].kind == "fix":
            acts = procedure or self._says_step(s, False) or self._imperative(s.heading, ways=ways)
            if self.prevention.search(secs[s.parent].heading):  # ("How to avoid buying a fake": ways to do, if
                return acts or self.avoiding.match(s.heading) is not None  # worded so; not "Fakes ship with ...")
            return (counts or {}).get((s.parent, s.level), 0) < 2 or acts
        if procedure or self._imperative(s.heading, ways=ways):
            return peers.get((s.parent, s.level), 0) >= 2
        return self.preliminary.search(s.heading) is not None and peers.get((s.parent, s.level), 0) >= 2

    def _verb_first(self, s: _Sec, uses: dict[str, set[str]]) -> bool:
        """A heading opening with a word of a verb's shape and its object ("Double Tap the Power Button",
        "Truncate Text in Excel"), not a label ("Key Takeaways"), a name that a statement's verb follows
        ("Ente Is Fully Open Source": rules [step_shapes] question_words), one that asks ("Part 3. Want
        to Record the Game? Read This") or calls ("Unleash Your Creativity!"), when that word is a verb
        indeed: an article or a possessive follows it ("Choose a ..."), or the page uses it as one,
        lower-case before a listed verb ("double-press", "quick launch" for "Double Tap", "Quick Launch")
        or after "to", "you" or "can" ("want to truncate text"), or the section's text opens a sentence
        with it before an object ("Rotate the clip ..."); not "Price and Availability", "Pixel 9 Pro
        Camera Samples" nor "Example Search in Word" (`uses`: `_verb_uses`)."""
        heading = s.heading
        m = self.verb_word.match(heading)
        words = heading.split()
        if m is None or any(c in heading for c in "?!") or len(words) < 3 or words[1].lower() in self.asks:
            return False
        if self.verb_shaped.match(heading):
            return True
        first, second = words[0].lower(), words[1].lower()
        if self.action.match(second) and any(t.startswith(second) or self.action.match(t) for t in uses.get(first, ())):
            return True
        return any(first in uses.get(w, ()) for w in ("to", "To", "you", "You", "can")) or any(
            t.startswith(words[0] + " ") and self.verb_shaped.match(t) for t in _said(s))

    def _names_doing(self, heading: str, writer: bool = False, ways: bool = False) -> bool:
        """A heading that names a procedure or a doing ("How to Organize Chats Into Folders", "Setting
        Up TrackerControl", "Use the Evaluate Formula Tool"), not a name that opens with a verb's
        word ("Make", a product; "Keep learning") nor a call to action ("Try Movavi Slideshow Maker!");
        `writer`: or the writer's "Now let’s look at how ..." (`_imperative`); `ways`: a gerund alone too, on
        a page that reads as ways."""
        return self.procedure_heading.match(heading) is not None or self.gerund.match(heading) is not None or (
            self._imperative(heading, writer, ways) and len(heading.split()) >= 3 and not heading.rstrip().endswith("!"))

    def _names_procedure(self, secs: list[_Sec], i: int) -> bool:
        """A heading that names a procedure ("How to Calculate Age in Months", rules
        [step_shapes] procedure_headings), or a way of doing it ("Checking Wi-Fi Signal Strength the
        Easy Way", "The More Advanced Method to Check ...": a way word, rules [step_shapes] way_words, in
        the singular, in a heading that asks nothing) whose text says what to do or advises it, over text
        of its own and no sub-heading: the procedure is its text (one with sub-headings is a part whose
        steps they are)."""
        s = secs[i]
        if not s.text or _descendants(secs, i):
            return False
        heading = self._past_part(s.heading)
        return self.procedure_heading.match(heading) is not None or (
            any(w.lower() in self.way_words for w in _WORD_RUN.findall(heading))
            and not heading.rstrip().endswith("?") and not self.question.match(heading) and self._advises(s)
            and self._does_titled_task(heading))

    def _does_titled_task(self, heading: str) -> bool:
        """The way a heading names is one of doing the page's task: the page's title (or opening heading),
        past a label before its colon ("Step-by-Step Tutorial: How To Assess the Strength of ... Wi-Fi
        Signals"), names a procedure (rules [step_shapes] procedure_headings) and the heading shares a word
        of that procedure with it, past filler and way words ("Checking Wi-Fi Signal Strength the Easy Way").
        A review's or a news story's advice ("The Easy Way to Save Money on the X200" in "Acme X200 Review",
        "Best Option for Students") names no way of a task the page says how to do."""
        mine = _task_words(heading) - self.way_words
        for title in filter(None, self._page_titles):
            for said in (title, title.rsplit(":", 1)[-1]):
                said = self._past_part(said.strip())
                if (m := self.procedure_heading.match(said)) is not None and mine & _task_words(said[m.end():]):
                    return True
        return False

    def _past_part(self, heading: str) -> str:
        """A heading's words past the label of the part of the page it opens ("Part 2. How to Get Music Back
        With iTunes" says "How to Get Music Back With iTunes"; rules [step_shapes] division_words): a part
        names its way as any heading does. Any other heading as it is."""
        m = _PART_LABEL.match(heading)
        if m is None or m.group(1).lower() not in self.division_words:
            return heading
        return heading[m.end():] or heading

    def _owns_procedure(self, s: _Sec) -> bool:
        """The section's own blocks give a procedure: two or more items counting from 1 (a
        list, `1\\.` paragraphs, or `Step 1:` labels alone on their lines, each over the paragraph that
        says its step), most of them starting with an action (a news story's
        numbered findings do not read so), or two or more action paragraphs each over a
        screenshot (a procedure written without numbers: "Select \"Widgets\"." ![...])."""
        shots = [k for k, b in enumerate(s.blocks) if self._says_an_action(b)
                 and any(c.only_images for c in s.blocks[k + 1:k + 3])]
        if len(shots) >= 2:
            return True
        numbered = []
        labels = _lone_labels(s.blocks)  # (`Step 1:` alone, its step the paragraph after it)
        for k, b in enumerate(s.blocks):
            if b.kind == "list" and len(b.ordered_items) >= 2 and _FIRST_ITEM.match(b.source):
                numbered += list(enumerate(b.ordered_items, 1))
            elif (found := labels.get(k) or _step_number(b)) is not None:
                numbered.append(found)
        runs = [run for run in _counts(numbered) if len(run) >= 2]
        return any(2 * sum(bool(self.action.match(it.strip(" *_"))) for it in run) >= len(run) for run in runs)

    def _fill_runs(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """A heading between two sibling steps, of their level, is a step too when its words
        name no other kind of section ("Optimize in-game graphics settings" between "Set the
        power plan" and "Modify graphics card settings": a verb the rules do not list; "Another
        Way to Clear All Data" between two procedures); so is one before the first or after
        the last when two in three of the siblings are steps and it is worded as they are
        ("Resize Desktop Icons" before "Resize Taskbar Icons", "Resize File Explorer Icons";
        `8  Teach ...` after `7  Customize ...`), or after them names a fix ("Take It in for
        Repair"), and the first of all when its text gives a procedure, two actions ("Put Unused Apps to
        Sleep" before "Disable Always-On Display", ...); not "Three Ways to Uninstall a Printer" before them.
        Among two or more such steps, a heading that opens with a word of a verb's shape the rules do not
        list, then an article or a possessive, is one too ("Choose a Reliable Manufacturer" before "Keep
        Your Drive Cool"; alone, "Choose an iPhone for ..." in a comparison is none: rules [step_shapes]
        not_verbs). Not within a count ("1. InnoCN", "2. Elecrow"): what the numbers leave out is
        not one of them ("Best Value"); but a run of sibling headings numbered 1, 2, 3, ... and nothing
        else, half of them steps, is a list of alike items: all of them are (`7  move: Move Files ...`
        after `1  cd: ...` to `6  copy: ...`)."""
        over = _over_steps(secs, is_step)
        for run in _siblings(secs):
            marks = [j for j, i in enumerate(run) if is_step[i]]
            fits = [self._may_be_way(secs[i]) and not secs[i].pseudo and i not in skip and bool(secs[i].text)
                    for i in run]
            if any(secs[run[j]].counted for j in marks):
                continue
            if len(marks) < 2:
                self._alike_tail(secs, run, is_step, fits, over)
                self._between(secs, run, is_step, fits)
                continue
            for k, i in enumerate(run):  # (a verb the rules do not list, by its shape: "Choose a ...")
                is_step[i] = is_step[i] or (fits[k] and self.verb_shaped.match(secs[i].heading) is not None)
            marks = [j for j, i in enumerate(run) if is_step[i]]
            for k, i in enumerate(run):
                is_step[i] = is_step[i] or (fits[k] and marks[0] < k < marks[-1])
            # a count's items are alike (`1  cd: ...` to `10  tree: ...`): most of them steps, all that act
            # (two actions) are; not a listicle's blurb ("## 1  Adobe Acrobat Reader") nor a question
            if _counted_run(secs, run) and 2 * sum(is_step[i] for i in run) >= len(run):
                for k, i in enumerate(run):
                    h = secs[i].heading
                    is_step[i] = is_step[i] or fits[k] and self._acts_in(secs[i], 2) and not (
                        h.rstrip().endswith("?") or self.question.match(self._numbered(h) or h))
            # a check asked as a question among them (rules [step_shapes] check_questions): between two when
            # its own text says what to do, next to the first or the last when it says so twice (not "Is
            # Recording Calls Legal?" with its "For more, check out the Wikipedia page"), and answers no yes or
            # no (a FAQ's "Yes, it only removes temporary files."); not a part over steps of its own
            marks = [j for j, i in enumerate(run) if is_step[i]]
            for k, i in enumerate(run):
                t = secs[i]
                if (not is_step[i] and marks[0] - 1 <= k <= marks[-1] + 1 and t.kind in ("other", "fix", "explanation")
                        and not t.pseudo and i not in skip and t.text and self.check_question.search(t.heading)
                        and self._acts_in(t, 1 if marks[0] < k < marks[-1] else 2) and not _answers(t)
                        and not any(is_step[d] for d in _descendants(secs, i))):
                    is_step[i] = True
            self._alike_tail(secs, run, is_step, fits, over)
            self._between(secs, run, is_step, fits)

    def _between(self, secs: list[_Sec], run: list[int], is_step: list[bool], fits: list[bool]) -> None:
        """Between two steps that `_alike_tail` found, a sibling that fits as between two above, asks nothing
        and whose own text says what to do (twice, or once under a heading that reads as a step) is one more:
        "Entering Criteria for an Advanced Filter" between "How to Set Up the Criteria Range" (a way as the
        later "How to ..." ways' alike) and "How to Use a Single Criterion ..."; not "How Blocking Works" ("A
        blocked caller goes straight to voicemail") between ways, nor a note that tells one thing in passing
        ("A Note on Wildcards": "... Use * to match any run of text")."""
        marks = [j for j, i in enumerate(run) if is_step[i]]
        for k in range(marks[0] + 1, marks[-1]) if marks else ():
            i = run[k]
            is_step[i] = is_step[i] or (fits[k] and not self.question.match(secs[i].heading)
                                        and not secs[i].heading.rstrip().endswith("?") and (
                                            self._acts_in(secs[i], 2)
                                            or (self._says_step(secs[i], False) and self._acts_in(secs[i]))))

    def _verb_tail(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """After the last of two or more sibling steps, two in three headed by what to do (or by a verb's
        shape), when two in three of the siblings up to it are steps, the siblings that follow it headed by
        a word of a verb's shape the rules do not list, whose own text says what to do, are steps too, up
        to the first that is not
        ("Substitute Current With New Text: SUBSTITUTE", "Combine Text: CONCAT" after "Remove Spaces:
        TRIM" and "Compare Text Strings: EXACT"; "Share Content Between Two Windows PCs" after "Automate
        Tasks With Task Scheduler"): not a question, a call to action, a closing (rules [step_shapes]
        closing_headings: "Quick Recap", "Subscribe to Our Newsletter"), nor a part over steps."""
        over = _over_steps(secs, is_step)
        for run in _siblings(secs):
            marks = [k for k, i in enumerate(run) if is_step[i]]
            if (len(marks) < 2 or 3 * len(marks) < 2 * (marks[-1] + 1) or any(secs[run[k]].counted for k in marks)
                    or 3 * sum(bool(self._imperative(secs[run[k]].heading, ways=secs[0].ways) or self.verb_word.match(secs[run[k]].heading))
                               for k in marks) < 2 * len(marks)):
                continue
            for i in run[marks[-1] + 1:]:
                t = secs[i]
                if not (self._may_be_way(t) and not t.pseudo and i not in skip and i not in over and t.text
                        and self.verb_word.match(t.heading) and not any(c in t.heading for c in "?!")
                        and not self.closing_heading.search(t.heading) and self._acts_in(t)):
                    break
                is_step[i] = True

    def _alike_runs(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """`_alike_tail` over every run of siblings, but a count's, that holds a part over steps of its own."""
        over = _over_steps(secs, is_step)
        for run in _siblings(secs):
            if any(i in over for i in run) and not any(secs[i].counted and is_step[i] for i in run):
                fits = [self._may_be_way(secs[i]) and not secs[i].pseudo and i not in skip and bool(secs[i].text)
                        for i in run]
                self._alike_tail(secs, run, is_step, fits, over)

    def _alike_tail(self, secs: list[_Sec], run: list[int], is_step: list[bool], fits: list[bool], over: set[int]) -> None:
        """When two in three of the siblings that may be ways (not a "What Is ...?" explanation, a cause,
        a FAQ or a closing beside them) are steps, or parts over steps of their own ("Sync ... Using a
        Formula" over its two ways), one worded as they are is a step too ("How to Disable Developer
        Options" after "How to Enable ..." and "How to Enable USB Debugging", with "What Is ...?" between
        them; "Sync ... Using a Lookup Function" after "Sync ... Using the Paste Link Feature" and the
        part), and after the last, one that names a fix, and the last or first of all when its text gives
        a procedure, two actions."""
        ways = [j for j, i in enumerate(run) if is_step[i] or i in over]
        marks = [j for j, i in enumerate(run) if is_step[i]]
        if not marks:
            return
        # (no way after a FAQ or a closing: the "How to ..." siblings after "## FAQs" are its questions)
        # (nor after the last step at a closing or the page's chrome: "Final Verdict", rules [step_shapes] closing_headings)
        end = next((k for k, i in enumerate(run) if secs[i].kind in ("faq", "conclusion") or (
            k > marks[-1] and self.closing_heading.search(secs[i].heading))), len(run))
        fits = [f and k < end for k, f in enumerate(fits)]
        # beside a step headed as a procedure ("How to Block Calls on Samsung Phones"), each sibling so headed
        # whose text says what to do is one more ("How to Block Text Messages": "Open the Messages app ..."),
        # before the first way when it says so twice (not a page's own "How to ..." title over its intro), nor,
        # saying it once, one that asks whether ("How to Know If Your Router Is Dying": "Old routers drop ...
        # Check whether the lights blink amber."; rules [step_shapes] indirect_questions)
        def says(k: int, i: int) -> bool:
            return self._acts_in(secs[i], 2) or (k > ways[0] and self.indirect_question.search(secs[i].heading) is None
                                                 and self._acts_in(secs[i]))

        if any(self.procedure_heading.match(secs[run[j]].heading) for j in marks):
            for k, i in enumerate(run):
                if (not is_step[i] and fits[k] and i not in over and self.procedure_heading.match(secs[i].heading)
                        and not secs[i].heading.rstrip().endswith("?") and says(k, i)):
                    is_step[i] = True
            ways = [j for j, i in enumerate(run) if is_step[i] or i in over]
            marks = [j for j, i in enumerate(run) if is_step[i]]
        # right after the last of two or more steps, a sibling headed as a procedure whose own text says what to
        # do twice is one more way, whatever the steps' headings: the check after them ("How to Check the State
        # of ...": "open the Start menu, type ..."). Not before the first: there a "How to ..." heading is most
        # often the page's own title or an overview over the ways ("How to Fix Printer Offline": "Follow the steps
        # below. Make sure you are signed in as an administrator first."), whatever text comes before it
        k = marks[-1] + 1 if len(marks) >= 2 else len(run)
        if k < len(run):
            i = run[k]
            if (fits[k] and i not in over and self.procedure_heading.match(secs[i].heading)
                    and not secs[i].heading.rstrip().endswith("?") and self._acts_in(secs[i], 2)):
                is_step[i] = True
        ways = [j for j, i in enumerate(run) if is_step[i] or i in over]
        marks = [j for j, i in enumerate(run) if is_step[i]]
        # (the siblings counted: those before a FAQ, a conclusion or a closing after the last step, "Tips for
        # Pasting the Path You've Copied" after "From the Right-Click Menu", "Using a Keyboard Shortcut", ...)
        end = next((k for k, i in enumerate(run) if secs[i].kind in ("faq", "conclusion") or (
            k > marks[-1] and self.closing_heading.search(secs[i].heading))), len(run))
        may = sum(secs[i].kind in ("other", "fix") for i in run[:end])
        if len(ways) < 2 or 3 * len(ways) < 2 * may:
            return
        # (two in three only once the asides are left out: a new step comes after the first way and says what
        # to do, not a page's own title over its intro, "## How to Free Up Drive Space" before "## How to
        # automatically free up ...")
        first = run[ways[0]]
        strict = 3 * len(marks) >= 2 * end
        relaxed = 3 * len(ways) < 2 * end
        firsts = {_first_word(secs[i].heading) for i in run if is_step[i]}
        parts = {_first_word(secs[i].heading) for i in run if i in over} - firsts  # (worded as a part over steps
        # only, it says what to do: not "Alternatives on iPhone" in prose beside "Alternatives on Android" over two)
        for k, i in enumerate(run):  # (after the last, a fix by its words too, and the last of
            h = secs[i].heading  # all when its text gives a procedure, two actions: "Factory Reset
            w = _first_word(h)
            is_step[i] = is_step[i] or fits[k] and i not in over and not (  # Your Device"; a question asks
                h.endswith("?") or (self.question.match(h) and not (i > first and self.procedure_heading.match(h)))) and (
                # (what the page is about: "Which Method to Use?"; "How to ..." after a way names one more)
                ((w in firsts or (w in parts and self._acts_in(secs[i])))
                 and (not relaxed or (i > first and self._acts_in(secs[i])))
                 and not (self.indirect_question.search(h) and not self._acts_in(secs[i], 2))) or strict and (
                    (k > marks[-1] and secs[i].kind == "fix")
                    or (k == len(run) - 1 == marks[-1] + 1 and self._acts_in(secs[i], 2))
                    or (k == 0 == marks[0] - 1 and self._acts_in(secs[i], 2))))

    def _way_runs(self, secs: list[_Sec], is_step: list[bool], procedures: set[int], skip: set[int]) -> None:
        """A section that gives a numbered procedure of its own beside a sibling whose sub-sections are the
        steps ("Part 3: How to Use AppCake on Android" with its Step 1 ... Step 4, after "Part 2: ... on
        iPhone" over "How to Install AppCake" and "How to Use AppCake"): one more way, of the page's
        grain told one level up. Linear: each step marks its ancestors (headings nest a few deep)."""
        over = _over_steps(secs, is_step)
        for run in _siblings(secs):
            parts = [i for i in run if i in over and not is_step[i]]
            if not parts:
                continue
            # (headed as a way, "How to ...", "Using ...", or as a part is, "Part 3: ...", "Sync Excel
            # Spreadsheets Using ..." beside "Sync Excel Spreadsheets Using a Formula": not "Our Testing
            # Process" nor "Glossary of Terms" over a numbered list)
            divisions = {_first_word(secs[i].heading) for i in parts}
            for i in run:
                way = i
                if i not in procedures:  # (or its one sub-section gives it, "Part 3: ... on Android" over "How to
                    # Install It" and its Step 1 ... Step 3: the part is the way, with it; a part with no text of
                    # its own is only a label, its sub-way the way in its place)
                    below = _descendants(secs, i)
                    if len(below) != 1 or below[0] not in procedures or below[0] in skip or secs[below[0]].kind not in (
                            "other", "fix"):
                        continue
                    if self._pitch([(b.text, b.plain, b) for b in secs[i].blocks if not b.contents and b.text])[1]:
                        continue  # (nor a part that pitches a tool, its sub-section the tool's own steps)
                    way = i if secs[i].text else below[0]
                if (not is_step[i] and i not in over and i not in skip
                        and self._may_be_way(secs[i]) and not any(is_step[a] for a in _ancestors(secs, i))
                        and (self._names_doing(secs[i].heading, ways=secs[0].ways) or _first_word(secs[i].heading) in divisions)):
                    is_step[way] = True

    def _remedy_runs(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """On a page about a problem (its title or opening heading names fixes or causes: "... Issues and
        Fixes", "Why Is My iPhone Lagging?"), three or more sibling sections none of which reads as a step,
        headed by what goes wrong ("The Touchpad Was Disabled in Settings", `## 2. Low Storage`), are its
        fixes when two in three of them tell the reader what to do ("In Windows, open Settings > ...", "Delete
        any apps you don't recognize"; not the writer's "Let's hope ..."): those that do, and the ones between
        them. Only at the page's top level or under a section of fixes or causes (not "Example Uses" with its
        "Example Search in Word", ...), and not a first "How to ..." over headings of another shape (the page's
        own: "[Solved] How to Fix ..."). Marked as the counted problems are (`_steps`): a news roundup, a
        review's cons, a forum's replies name problems and say "Check back for updates" too; the kind decides."""
        if not any(self._kind(t) in ("fix", "cause") for t in self._page_titles if t):
            return
        for run in _siblings(secs):
            parent = secs[run[0]].parent
            if len(run) < 3 or (parent is not None and secs[parent].kind not in ("fix", "cause")) or any(
                    is_step[i] or any(is_step[a] for a in _ancestors(secs, i)) for i in run):
                continue
            fits = [secs[i].kind in ("other", "fix") and not secs[i].pseudo and i not in skip and bool(secs[i].text)
                    and not secs[i].heading.rstrip().endswith("?") for i in run]
            named = [self.procedure_heading.match(secs[i].heading) is not None for i in run]
            fits[0] = fits[0] and not (named[0] and not any(named[1:]))
            acting = [k for k, i in enumerate(run) if fits[k] and self._acts_in(secs[i], reader=True)]
            if len(acting) >= 3 and 3 * len(acting) >= 2 * len(run):
                for k in range(acting[0], acting[-1] + 1):
                    is_step[run[k]] = fits[k]
                # (right after them, a sibling whose heading names a fix is the last one when its text says what
                # to do, in whatever verb: "If All Else Fails, Use a Mouse" over "Consult your laptop's manufacturer
                # ..."; not a myth's "Home Remedies That Don't Work", the writer's "How We Fixed Our Review Unit"
                # over what the maker did, nor a last resort that asks to share the guide: `_tells_remedy`)
                k = acting[-1] + 1
                if k < len(run) and fits[k] and secs[run[k]].kind == "fix" and self._tells_remedy(secs[run[k]]):
                    is_step[run[k]] = True

    def _tells_remedy(self, s: _Sec) -> bool:
        """A sentence (or list item) of the section's own text tells the reader what to do: by the rules' verbs
        (`_writer_acts`) or a verb's shape and its object ("Consult your laptop's manufacturer": `verb_shaped`),
        and not for the site or a shop ("Share this guide with friends", "Check the price on Amazon": [step_shapes]
        pleas); in a text that pitches no tool."""
        said = _said(s)
        return not self._pitchy(s.text) and any(
            (self._writer_acts(t, reader=True) or self.verb_shaped.match(t)) and not self.plea.search(t) for t in said)

    def _counted_remedies(self, secs: list[_Sec], is_step: list[bool], skip: set[int]) -> None:
        """On a page that gives no step any other way (Structurer.structure asks last), a run of siblings
        that counts its problems gives each as a fix: three or more, and most of the run, headed by a count
        that goes 1, 2, 3 ... ("1. Cura Unable to Slice", "Video Error 2: Codec issues", a bold `**3.**
        Magnetic field may ...`; not "Part 2:", "Top 3 -", "Day 2:", a clock's "10:05", "iOS 17:"), most of
        them naming what goes wrong (a problem or negation, rules [page_kinds] troubleshooting cues, or a
        cause, "5. Hardware failure could be a cause.": a listicle's "1. VLC Media Player", a review's
        "3. Price:" name none), and two in three of them saying what to do, also as advice ("To fix this,
        you need to check the model": `_advises`). The page's title, or the text leading into the run (the
        intro, the parent's own text), names fixes proper ("... and their easy fixes", "troubleshoot":
        rules [step_shapes] fix_leads; not "reasons", "ways to"). A sibling not counted among them is no
        item (a newsletter box, "More 3D Printer Tutorials"), nor one whose heading names a price (a deal's "SSD at
        $49")."""
        titled = any(self.fix_lead.search(t) for t in self._page_titles if t)
        for run in _siblings(secs):
            parent = secs[run[0]].parent
            numbers = [(n, k) for k, i in enumerate(run) if (n := self._item_count(secs[i].heading))]
            items = set(max(_counts(numbers), key=len))
            if len(items) < 3 or 2 * len(items) <= len(run):
                continue
            lead = secs[0].text if parent is None else secs[parent].text
            if not (titled or self.fix_lead.search(lead)) or (
                    parent is not None and secs[parent].kind not in ("fix", "cause", "other")):
                continue
            wrong = [k for k in items if self._names_wrong(secs[run[k]].heading)]
            if 2 * len(wrong) <= len(items):
                continue
            # (an item whose heading names a price sells what it names: "2. Overheating laptop: cooler at $19" is
            # a deal, not a fix; a price in its text may be the fix's cost, "a new one costs about $15": rules
            # [step_shapes] prices)
            fits = [k in items and secs[i].kind in ("other", "fix", "cause") and i not in skip and bool(secs[i].text)
                    and not secs[i].heading.rstrip().endswith("?")
                    and self.price.search(secs[i].heading) is None for k, i in enumerate(run)]
            acting = [k for k, i in enumerate(run) if fits[k] and self._advises(secs[i])]
            if len(acting) >= 3 and 3 * len(acting) >= 2 * len(items):
                for k in range(acting[0], acting[-1] + 1):
                    is_step[run[k]] = fits[k]

    def _item_count(self, heading: str) -> int | None:
        """The number a heading counts an item of a list by ("1. ...", "Video Error 2: ..."), None when it
        counts none: a part of the page ("Part 2: ...": rules [step_shapes] division_words), a rank or a
        day ("Top 3 -", "Day 2:": not_items), a clock's time or a decimal ("10:05 -", "2.4 GHz")."""
        m = _COUNT_HEAD.match(heading)
        if m is None or any(w.lower() in self.division_words or w.lower() in self.not_items
                            for w in m.group(1).split()):
            return None
        return int(m.group(2))

    def _names_wrong(self, heading: str) -> bool:
        """The heading names what goes wrong in its words past its count ("1. Cura Unable to Slice", "Video
        Error 2: Codec issues", "Not Generating Supports": rules [page_kinds] troubleshooting cues), or a cause
        ("... could be a cause", "The most likely reason is ..."): not by its label ("Problem 1: Prices rise",
        "Issue 2: Phone at $299") nor by a word that names a remedy ("The carbon dioxide fix", "Solution: ...":
        rules [step_shapes] remedy_words)."""
        m = _COUNT_HEAD.match(heading)
        said = self.remedy_word.sub(" ", heading[m.end():] if m else heading)
        return self.problem.search(said) is not None or self._kind(said) == "cause"

    def _advises(self, s: _Sec) -> bool:
        """A sentence (or list item) of the section's own text says what to do, or advises doing one of the
        rules' actions ("To fix this, you need to check the model", "You may want to update ...": rules
        [step_shapes] advice_leads; not "You can take stunning photos", "Please note ...", nor where to look:
        "You can find the full data on ...", "Visit the museum", browsing_verbs; nor the writer's "Let's look at
        the film": `_writer_acts`)."""
        said = _said(s)
        return any(self._writer_acts(t, self.advised_action, reader=True) or self.advice.match(t) for t in said)

    def _listed_runs(self, secs: list[_Sec], is_step: list[bool], overviews: set[int]) -> None:
        """A section that the page's contents list of in-page links names (`7. [Some other modifications
        to try](#network)` over `## Some other modifications`), beside steps of its level, is one of them
        too, whatever its words: the list says what the fixes are (not a question, a cause or a closing).
        Named by the link's fragment (the heading's slug), or by most of the item's words being the
        heading's and most of the heading's the item's (not "## Windows" for "Disable startup apps in
        Windows"); only a section whose text says what to do (not a listicle's "## NordVPN") and that
        holds no steps of its own (a "## More fixes" over its fixes is their parent, not one of them).
        Each section is matched once, against the nearest contents list before it (at most _TOC_MAX
        items): linear time on any input."""
        if not overviews:
            return
        order = sorted(overviews)
        listed = {o: _linked_items(secs[o].blocks)[:_TOC_MAX] for o in order}
        for run in _siblings(secs):
            if not any(is_step[i] for i in run):
                continue
            for i in run:
                t = secs[i]
                if is_step[i] or t.kind not in ("other", "fix") or t.pseudo or not t.text or (
                        i in overviews or t.heading.rstrip().endswith("?")):
                    continue
                # the nearest contents list before i, but one over sub-sections of its own that i is not
                # one of ("Fix 4: Repair system files" over its two ways): it names those (3 looks at most)
                at = bisect_left(order, i)
                near = [o for o in order[max(0, at - 3):at] if not (
                    o + 1 < len(secs) and secs[o + 1].parent == o and o not in _ancestors(secs, i))]
                items = listed[near[-1]] if near else []
                name, slug = set(_WORD_RUN.findall(self._name(t.heading))), _slug(t.heading)
                if not any(frag and frag in (slug, _slug(self._name(t.heading))) or (
                        2 * len(words & name) > len(words) and 2 * len(words & name) > len(name))
                        for words, frag in items):
                    continue
                is_step[i] = self._acts_in(t) and not any(is_step[k] for k in _descendants(secs, i))

    def _is_command(self, text: str) -> bool:
        t = text.strip()  # (never stray markup: `Type****dxdiag **and click****OK**` gave "dxdiag **and click")
        return 0 < len(t) <= 200 and "*" not in t and bool(self.command.match(t))

def _typed(b: _Block, before: _Block | None) -> list[tuple[str, str]]:
    """What a block may give as commands, each with how it is set apart: ("code", a code span),
    ("block", a line of a code block of three lines at most: a thing to type, not a program),
    ("bold", the bold object of "type"/"run"/"paste": `Type in **ms-settings:privacy-webcam**`),
    ("line", a short line alone after a paragraph that ends with a colon: "... type the
    following command:" then `docker compose up -d`, a code block the scrape made text), or
    ("", other bold text and short lines: a command only by the rules' command words)."""
    block = "block" if b.kind == "other" and _in_codeblock(b) and len(b.code) <= 3 else ""
    out = [(c, block or ("code" if b.kind != "other" else "")) for c in b.code]
    out += [(t, "bold") for t in map(_md_unescape, _TYPED.findall(b.source)) if not _label(t)]  # (as it reads)
    line = _alone(b) if before is not None and before.kind == "paragraph" and before.plain.rstrip().endswith(":") else []
    return out + [(t, "line") for t in line] + [(t, "") for t in b.strong + _own_line(b) if not _label(t)]


def _alone(b: _Block) -> list[str]:
    """A paragraph of one short line with no link and no sentence's end."""
    text = b.plain.strip()
    return [text] if (b.kind == "paragraph" and 0 < len(text) <= 120 and "\n" not in text and not b.links
                      and not b.images and text[-1] not in ".!?:") else []

# the bold object of a typing verb: `Type **sfc /scannow**`, `type in **ms-settings:privacy-webcam**`
_TYPED = re.compile(r"\b(?i:type|enter|paste|run|input|execute)(?:\s++(?:in|or\s+paste|the\s+following(?:\s+command)?))?"
                    r"\s*+:?\s*+\*\*(?!\s)([^*\n]{1,100}?)(?<!\s)\*\*")  # (not "**Startup type** to **Automatic**")
_FUNCTION = re.compile(r"^[A-Za-z_][\w.]*\(")  # (a spreadsheet's `SUMIF(range, ...)`: a formula, not a command)
_LOWER_WORD = re.compile(r"^(?:\.{0,2}/)?[a-z][\w.:/\\-]*$")  # (`adb`, `sfc/scannow`, `ms-settings:privacy-webcam`)
_FLAG = re.compile(r"(?:^|\s)(?:/|--?)[A-Za-z?]")  # (`/batteryreport`, `-Name`, `--all`)
_WORD = re.compile(r"^[A-Za-z][\w.:\\-]*$")
_MARKED = re.compile(r"^%\w+%|\w[-.:/\\]+\w")  # (a mark inside a word: `-`, `.`, `:`, `/`, `\\`)
_PLAIN_WORD = re.compile(r"^[a-z][a-z0-9]*$")
_CELLS = re.compile(r"^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$")


def _looks_typed(text: str, how: str) -> bool:
    """Text set apart as typed that reads as a command: a word with switches after it
    (`Powercfg /batteryreport`, `Remove-Printer -Name "Printer"`); one word with a mark inside
    (`ms-settings:privacy-webcam`, `Get-Printer`, `C:\\Windows\\System32`, `%temp%`); in code or
    a line of its own, also one lower-case word (`adb`, `eventvwr`) or words after a lower-case one
    (`adb devices`, `docker compose up -d`; a line of its own needs switches or a mark, or the
    rules' command words). Not a search's word in bold ("type **update** in the
    box"), a formula (`=A2*B2`, `SUMIF(...)`), a cell or an argument (`B2`, `sum_range`), a value
    or a screen label or path (`Computer Configuration > ...`)."""
    t = text.strip()
    if (not t or len(t) > 200 or "\n" in t or "*" in t or "`" in t or t[0] in "=@" or _FUNCTION.match(t)
            or " > " in t):
        return False
    first, _, rest = t.partition(" ")
    if _WORD.match(first) and _FLAG.search(rest):
        return True
    if not rest:  # (not a cell range, `A1:A5`, nor a formula, `X=(Y-B)/A`)
        if _CELLS.match(first) or "=" in first or "(" in first:
            return False
        return bool(_MARKED.search(first)) or (how in _AS_TYPED and _PLAIN_WORD.match(first) is not None)
    return how in _AS_TYPED and _LOWER_WORD.match(first) is not None


_AS_TYPED = ("code", "block")  # (set apart as typed: a line after a colon may be a message, "no internet, secured")


def _shot_text(b: _Block) -> bool:
    """A paragraph of text that a screenshot may illustrate."""
    return b.kind == "paragraph" and not b.only_images and not b.contents and bool(b.plain.strip())


def _own_line(b: _Block) -> list[str]:
    """A paragraph of one short line, which may be a command typed as it stands (`sfc /scannow`
    under "Type the following command")."""
    text = b.plain.strip()
    first = text.split(maxsplit=1)[0] if text else ""
    # as typed: not a sentence ("Shutdown your laptop and unplug the charger.": a capital then
    # lower case, a full stop), no stray backtick, no quote (a caption: "“Explorer.exe” in Windows 7’s ...")
    typed = (first.islower() or first.isupper()) and text[-1] not in ".!?" and not any(q in text for q in "\"“”’`")
    return [text] if (b.kind == "paragraph" and 0 < len(text) <= 100 and "\n" not in text and not b.links
                      and typed) else []


_WORD_RUN = re.compile(r"\w+")  # (not _WORD above: a command's first word, which this name shadowed)
_FRAGMENT = re.compile(r"\]\(\s*<?[^()\s#]*#([^()\s>]{1,80})")  # a link's fragment: `[...](#fix-2)`


def _task_words(heading: str) -> set[str]:
    """A heading's words of three letters or more but filler (contents._content_words), each without a
    plural's "s" or a gerund's "ing": "Checking ... Signal" and "How to Check ... Signals" share check, signal."""
    return {w[:-3] if w.endswith("ing") and len(w) > 5 else w[:-1] if w.endswith("s") and not w.endswith("ss")
            and len(w) > 3 else w for w in _content_words(heading)}


def _slug(text: str) -> str:
    """A heading's anchor as sites make it: lower-cased words joined by dashes."""
    return "-".join(_WORD_RUN.findall(text.lower()))


def _linked_items(blocks: list[_Block]) -> list[tuple[set[str], str]]:
    """The items of the lists that link each item to an in-page anchor: each item's words (without its
    numbering or `*`) and its link's fragment, lower-cased."""
    out = []
    for b in blocks:
        if b.kind != "list" or len(b.item_spans) < 2 or len(b.list_items) != len(b.item_spans) or not _each_linked(b):
            continue
        raw = b.source.encode("utf-8")
        for (start, end), it in zip(b.item_spans, b.list_items):
            if len(it) > 80:
                continue
            m = _FRAGMENT.search(raw[max(0, start - b.span[0]):end - b.span[0]].decode("utf-8", "replace"))
            out.append((set(_WORD_RUN.findall(_TOC_NUMBER.sub("", it.replace("*", "")).lower())),
                        m.group(1).lower() if m else ""))
    return out


_YES_NO = re.compile(r"(?i)\s*(?:yes|no|nope|yep)\b")
_NEXT_WORD = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[ \t-]+(?=([A-Za-z]+))")  # (from a word's start only: linear)


def _verb_uses(blocks: list[_Block]) -> dict[str, set[str]]:
    """Each word of the page's text -> the words that follow it, after a space or a hyphen only ("for
    example, select" pairs no words): `_verb_first`'s evidence, read once."""
    after: dict[str, set[str]] = {}
    for b in blocks:
        for m in _NEXT_WORD.finditer(b.plain):
            after.setdefault(m[1], set()).add(m[2])
    return after


def _said(s: _Sec) -> list[str]:
    """The sentences (and list items) of a section's own text."""
    return [t.strip(" *_") for b in s.blocks if not b.contents and b.kind in ("paragraph", "list")
            for t in (b.list_items or [b.plain]) for t in SENTENCE_END.split(t) if t.strip(" *_")]


def _answers(s: _Sec) -> bool:
    """A section whose text opens with a yes or a no: the answer to a question its heading asks."""
    first = next((b for b in s.blocks if b.kind == "paragraph" and b.plain.strip()), None)
    return first is not None and _YES_NO.match(first.plain) is not None


def _counted_run(secs: list[_Sec], run: list[int]) -> bool:
    """Three or more sibling headings numbered 1, 2, 3, ... in order, and nothing else."""
    nums = [re.match(r"\s*(\d{1,2})\b", secs[i].heading) for i in run]
    return len(run) >= 3 and all(m and int(m.group(1)) == k for k, m in enumerate(nums, 1))


def _label_of(sentence: str) -> str:
    """A numbered item's name when it opens with one before a colon ("Restart your computer: A simple restart
    ...", "Reset the router: 1) Unplug it ..."): its first sentence otherwise (not "... type C: and hit
    Enter", "Note: Press ...": a name is two words or more, and a sentence starts after it; not a lead-in,
    "Go to: Settings > Apps", "Type the following command: ...", nor a remark's label, "Pro tip: ...")."""
    label, colon, rest = sentence.partition(": ")
    return label if (colon and (rest[:1].isupper() or _ITEM_MARK.match(rest)) and ">" not in rest
                     and 2 <= len(label.split()) <= 8 and len(label) <= 60 and not _LEAD_IN.search(label)) else sentence

# a colon's label that leads into what follows it, or names a remark: no step's name
_LEAD_IN = re.compile(r"(?i)\b(?:following|these|this|below|here)\b|\b(?:to|on|in|into|at|for|from|with|by|the|a|an"
                      r"|note|tip|tips|warning|caution|important)\s*$")


def _first_word(heading: str) -> str:
    """A heading's first word, lower-cased, any number as `#` (`1  Make ...`, `8  Teach ...`)."""
    words = heading.split()
    return re.sub(r"\d+", "#", words[0].lower()) if words else ""

# a heading numbered as an item of a count: `#1 VivaVideo ...`, `2. AndroVid Pro ...`, `(3) KineMaster`
def _over_steps(secs: list[_Sec], is_step: list[bool]) -> set[int]:
    """The sections that are parts over steps (an ancestor of one; linear: a few deep)."""
    return {a for k in range(1, len(secs)) if is_step[k] for a in _ancestors(secs, k)}


# a heading that counts: "1. ...", "Video Error 2: ...", "Step 4 - ..." (not "Update Windows 10", "#1 VivaVideo")
_COUNT_HEAD = re.compile(r"((?:[^\W\d]+[ \t]+){0,2})(\d{1,2})(?:[.:)](?![0-9])|[ \t]*[-–—])")
_ITEM_HEAD = re.compile(r"[#(№]?\d{1,2}\b")
# a part's label before its heading's words: "Part 2. ", "Chapter 3: ", "Section 4 – " (the word: Steps._past_part)
_PART_LABEL = re.compile(r"([^\W\d]+)[ \t]*#?(?:\d{1,2}|[IVX]{1,4})\b[ \t]*(?:[.:：)\-–—][ \t]*|[ \t]+)(?=\S)")

_STEP_NUMBER = re.compile(r"(\d{1,2})[.)](?:[ \t]+|(?=[A-Z]|\*\*))(?=\S)")  # (`3.Click`: a scrape lost the space)

# a paragraph numbered with no mark after its number, as some sites write their sub-steps: `1 Go
# to iTunes Store`, `Step 2 Check ...` (a number, a space, a capital): only in a run that counts
_BARE_NUMBER = re.compile(r"(?:(?i:step)[ \t]*)?(\d{1,2})[ \t]+(?=[A-Z\"“])")

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


_ITEM_MARK = re.compile(r"[ \t]*\d{1,9}[.)][ \t]*")


def _inner(b: _Block, inert: Inert) -> list[_Block]:
    """The blocks inside a list of one item (`3. Run the troubleshooter: ...` over its nested `1. Open ...`,
    `2. ...`; `1. ### Via Windows Update` over its sub-steps): its markdown without the item's number, its
    lines moved back by the number's width, read again. [] for any other block."""
    m = _ITEM_MARK.match(b.source)
    if b.kind != "list" or len(b.item_spans) != 1 or not m:
        return []
    width, lines = m.end(), b.source.split("\n")
    body = "\n".join([lines[0][width:]] + [ln[width:] if not ln[:width].strip() else ln.lstrip() for ln in lines[1:]])
    out = _inert(_blocks(body), inert)
    for one in out:
        one.section = b.section
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
        seg, found, at, pos = raw[b.span[0]:b.span[1]].decode("utf-8"), [], b.span[0], 0
        for m in _INLINE_STEP.finditer(seg):  # (byte offsets counted on from the last: a list nests thousands)
            at, pos = at + len(seg[pos:m.start(1)].encode("utf-8")), m.start(1)
            found.append((int(m.group(1)), at))
        marks += _own_marks(b, found, raw)
    cuts = sorted(at for run in _counts(marks) if len(run) >= 2 for at in run if at is not None)
    return _break_before(raw, cuts, b" \t\n") if cuts else None


def _own_marks(b: _Block, marks: list[tuple[int, int]], raw: bytes) -> list[tuple[int, int]]:
    """The (number, offset) marks found in a block that may start steps of their own: not those in a list
    nested in a list item (`2. Update Windows 11: ...` over its `1. Go to Settings`, `2. Click ...`: that
    item's sub-steps), nor, in an ordered list's item, those from a 1 after its name (`1. Reset the router:
    1) Unplug it. 2) Wait ...`: the item's own count, which `_inner` reads; not a count after sentences of
    its own, `5) Now install ... it takes just 2 clicks: 1) Download ...`, a scrape's paragraph run in)."""
    nested, starts = b.nested_spans, [a for a, _ in b.item_spans]
    out, counted = [], -1  # (the item whose own count started)
    for n, at in marks:
        k = bisect_right(nested, (at, float("inf"))) - 1
        if k >= 0 and nested[k][0] <= at < nested[k][1]:
            continue
        item = bisect_right(starts, at) - 1
        if item >= 0 and counted == item or (b.ordered_items and item >= 0 and n == 1 and at - starts[item] <= 200 and not
                               SENTENCE_END.search(_ITEM_MARK.sub("", raw[starts[item]:at].decode("utf-8", "replace"), 1).strip())):
            counted = item
            continue
        out.append((n, at))
    return out


_FIRST_ITEM = re.compile(r"\s*1[.)]")


def _starts_count(b: _Block) -> bool:
    """A block that starts a numbered procedure: an ordered list from 1, or a paragraph
    numbered 1 (`1\\. In Device Manager ...`)."""
    if b.kind == "list":
        return bool(b.ordered_items) and _FIRST_ITEM.match(b.source) is not None
    found = _step_number(b)
    return found is not None and found[0] == 1


def _continued(numbered: list[tuple[int, tuple[int, str]]], blocks: list[_Block]) -> list[tuple[int, tuple[int, str]]]:
    """(number, (block, text)) pairs where a list of one item numbered 1 right after a numbered item of
    its section, nothing but screenshots between them, continues that count (`1. Open ...`, `2. Choose
    ...`, a screenshot, `1. Type ...`: a scrape that made each item after a screenshot a list of its own,
    starting again at 1), unless a 2 comes next (a new count that starts there)."""
    out: list[tuple[int, tuple[int, str]]] = []
    for j, (n, (k, rest)) in enumerate(numbered):
        if n == 1 and out and blocks[k].kind == "list" and (j + 1 == len(numbered) or numbered[j + 1][0] != 2):
            last, (at, _) = out[-1]
            between = blocks[at + 1:k]
            if between and all(b.only_images for b in between) and blocks[at].section == blocks[k].section:
                n = last + 1
        out.append((n, (k, rest)))
    return out


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


def _step_number(b: _Block, bare: bool = True) -> tuple[int, str] | None:
    """(number, text after it) of a paragraph written as one numbered step (`2\\. Type
    ...`, which markdown leaves a paragraph) or of a list of one item (`2) Expand ...`,
    a list that starts at 2), else None. `bare`: also a number with no mark after it (`1 Go
    to ...`), which only a run that counts makes a step ("5 GHz Wi-Fi ..." is a sentence)."""
    if b.kind == "paragraph" and (b.source[:1].isdigit() or b.source[:4].lower() == "step"):
        m = _STEP_NUMBER.match(b.plain) or (_BARE_NUMBER.match(b.plain) if bare else None)  # (the plain text of `2\. Type` reads `2. Type`)
        return (int(m.group(1)), b.plain[m.end():].strip()) if m else None
    if b.kind == "list" and len(b.list_items) == 1 and b.ordered_items:
        m = _STEP_NUMBER.match(b.source)
        return (int(m.group(1)), b.list_items[0]) if m else None
    return None

_TITLE_WORD = re.compile(r"[A-Z][\w'&-]*$")


def _label(text: str) -> bool:
    """A name as a screen shows it, of two or more capitalised words (`Control Panel`,
    `Command Prompt`): a bold label, not something typed (`control`, `netsh winsock reset`)."""
    words = text.split()
    return len(words) >= 2 and all(_TITLE_WORD.match(w) for w in words)

# a sub-step's number, in every form the corpus writes one: `1.`, `2\\.` (plain `2.`), `3)`, `4)Exit` (the
# space lost), `Step 5.`; at a paragraph's start, at a line's start (`![](shot.png)\\n6. Click`: an item
# that a screenshot's paragraph swallowed), or after a sentence (`... the Run box. 2) Type ...`)
_ITEM_NUMBER = re.compile(r"(?:^|(?<=\n)|(?<=[.!?:)\]]\s))[ \t\u00a0]*(?:(?i:step)\s*)?(\d{1,2})[.)](?:[ \t]+|(?=[A-Z]))(?=\S)")

_LIST_START = re.compile(r"\s*(\d{1,9})[.)]")


def _numbered_items(b: _Block) -> list[tuple[int, str]]:
    """(number, text) of each sub-step a block gives: an ordered list's items numbered
    from its start, or the numbered parts of a paragraph's text."""
    if b.kind == "list" and b.ordered_items:
        m = _LIST_START.match(b.source)
        first = int(m.group(1)) if m else 1
        upto = b.item_numbers[1:] + [None] if len(b.item_numbers) == len(b.ordered_items) else [None] * len(b.ordered_items)
        return [part for k, it in enumerate(b.ordered_items) for part in _run_on(first + k, it, upto[k])]
    if b.kind != "paragraph":
        return []
    text = b.bare  # (not a screenshot's alt text: `![ipv4](...)\n4. Double-click ...` reads `ipv4 4. Double-click`)
    marks = list(_ITEM_NUMBER.finditer(text)) or [m for m in [_BARE_NUMBER.match(text)] if m]
    return [(int(m.group(1)), text[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(text)])
            for k, m in enumerate(marks)]


def _run_on(n: int, item: str, upto: int | None) -> list[tuple[int, str]]:
    """A list item numbered n as the sub-steps it holds: the numbers n + 1, n + 2, ... after a sentence in
    its text start sub-steps of their own (`3) Check if it is listed.  4) Right click ...`: a scrape ran
    two items into one), below `upto`, the number the source writes on the list's next item (none on its
    last). Not a value after a colon ("Set Copies to: 3. Click OK."), nor any number from a 1 on: the
    item's own count ("Power cycle it: 1) Unplug it. 2) Wait ...")."""
    cuts = []  # (number, where its mark starts, where it ends)
    for m in _ITEM_NUMBER.finditer(item):
        k = int(m.group(1))
        if not m.start() or item[m.start() - 2:m.start() - 1] == ":":
            continue
        if k == 1:
            break
        if k == n + len(cuts) + 1 and (upto is None or k < upto):
            cuts.append((k, m.start(), m.end()))
    if not cuts:
        return [(n, item)]
    ends = [at for _, at, _ in cuts[1:]] + [len(item)]
    return [(n, item[:cuts[0][1]])] + [(k, item[end:stop]) for (k, _, end), stop in zip(cuts, ends)]


def _instructions(blocks: list[_Block], acts=None) -> list[str]:
    """A step's sub-steps: the runs that count 1, 2, ... (two or more; `_loose_counts`) over its list
    items and numbered paragraphs, however numbered, in order (a screenshot, a note or
    an ad between two items does not end the procedure); else its lettered ones; else, `acts` given
    (a sentence that says what to do), those of a way written as prose (`_prose_actions`)."""
    labels = _lone_labels(blocks)
    numbered = [(n, " ".join(t.replace("**", "").split())) for k, b in enumerate(blocks)
                for n, t in ([labels[k]] if k in labels else _numbered_items(b))]
    found = [it for run in _loose_counts(numbered) if len(run) >= 2 for it in run if it]
    if found:
        return found
    # sub-steps lettered instead (`**a)** Download ...`, `a. Select ...`, `(a) Run ...`), one a paragraph
    lettered = [(ord(m.group(1)) - 96, " ".join(b.plain[m.end():].replace("**", "").split()))
                for b in blocks if b.kind == "paragraph" for m in [_LETTER.match(b.plain)] if m]
    found = [it for run in _loose_counts(lettered) if len(run) >= 2 for it in run if it]
    return found or (_prose_actions(blocks, acts) if acts is not None else [])


PROSE_ACTIONS_MAX = 12  # (more sentences that act than this in prose: an essay on the subject, no one procedure)


def _prose_actions(blocks: list[_Block], acts) -> list[str]:
    """A way told in sentences, not a list ("Open Settings. Click Update & Security, then Check for updates.
    Restart when it is done."): its sentences that say what to do, whole and in order, two or more and at most
    PROSE_ACTIONS_MAX; not a note, a result or a description between them ("A window opens."). None when it
    has a list (its items, unnumbered, are options or notes as often as sub-steps) or sub-headings (their
    actions are alternatives as often as parts of one procedure: "On Windows 10", "On Windows 7")."""
    if any(b.kind == "list" for b in blocks) or len({b.section for b in blocks}) > 1:
        return []
    shown = [b for b in blocks if _shot_text(b)]
    if any(_NUMBER_MARK.search(b.bare) for b in shown):  # (numbered in a way the counts did not read: `so:**1)** Press`)
        return []
    # The sub-steps stand for the way (a HowTo export shows them in place of its text): none when a sentence
    # they would leave out names what to click, type or open (`**Delete From Downloads**`, a code span, a
    # `Settings > Update` path: "From here, you can tap ... and select ..."), or when one ends in ":" (what it
    # introduces, a command on its own line, would be lost: "Type the following command:")
    for b in shown:
        for t in _whole_sentences(b.source):  # (its markdown: the bold and code spans the plain text drops)
            if t.endswith(":") or not acts(t.replace("**", "").replace("`", "")) and _NAMES_UI.search(t):
                return []
    found = [t for b in shown for t in _whole_sentences(b.bare) if acts(t)]
    return found if 2 <= len(found) <= PROSE_ACTIONS_MAX else []


_NAMES_UI = re.compile(r"\*\*\S|`|\S > \S")  # (bold, a code span, a menu path)


# a step's number before a capital, in a way told in prose: `1) Click`, `“restore“.2) Open`, `3. Select`
_NUMBER_MARK = re.compile(r"(?:(?<![\w,])\d{1,2}\)|(?<![\w.,])\d{1,2}\.)\s*(?=[A-Z])")
_ENDED = re.compile(r"[.!?:…][\"'”’)*_]*$")  # (a sentence's last mark, maybe inside quotes: `click "OK."`)


def _whole_sentences(text: str) -> list[str]:
    """A paragraph's sentences, each whole: a piece that goes on in lower case after a mark is the same
    sentence (`until you see the “You are now a developer!” message.`); a last piece with no mark at its end
    is no sentence (a command on its own line, `type nul > name.ext`; a line the scrape cut)."""
    out: list[list[str]] = []  # (pieces joined once: a paragraph of 100k pieces is no quadratic join)
    for t in SENTENCE_END.split(" ".join(text.split())):
        if out and t[:1].islower():
            out[-1].append(t)
        elif t:
            out.append([t])
    return [t for pieces in out if _ENDED.search(t := " ".join(pieces))]

# a sub-step's label alone on its line, its words in the paragraph below it (`Step 1.`, then `Unlock your iPhone ...`)
# (possessive runs: "Step" and 50k spaces, a digit, 50k spaces and a letter fail at once, not in n^2 splits of the spaces)
_LONE_LABEL = re.compile(r"[ \t]*+(?i:step)[ \t]*+(\d{1,2})[ \t]*+[.):]?[ \t]*+")


def _lone_labels(blocks: list[_Block]) -> dict[int, tuple[int, str]]:
    """{index: (number, words)} of each paragraph that is a sub-step's label alone (`Step 1.`: a scrape that put
    the number on a line of its own) before the paragraph that says the sub-step (`Unlock your iPhone ...`)."""
    return {k: (int(m.group(1)), after.plain.strip()) for k, (b, after) in enumerate(zip(blocks, blocks[1:]))
            if b.kind == "paragraph" and (m := _LONE_LABEL.fullmatch(b.plain)) is not None
            and _shot_text(after) and _LONE_LABEL.fullmatch(after.plain) is None}

# a sub-step's letter opening a paragraph: `a.`, `a)`, `(a)` (bold or not: plain text has no `**`)
_LETTER = re.compile(r"[ \t]*\(?([a-z])[.)][ \t]+(?=\S)")


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


def _cue_text(text: str) -> str:
    """A line as the rules' cues are written: lower case, "'" for "’", one space, no markup."""
    return " ".join(text.replace("’", "'").replace("*", "").split()).lower()


def _way_label(b: _Block, most_words: int) -> bool:
    """A paragraph that labels what follows it: a bold line of its own, or a short line ending in ":"
    ("For Windows 7:", "**I'm using Firefox:**"), of at most `most_words` words (rules [step_shapes]
    way_label_words: a longer line ending in ":" leads into a list, it names no way); not a numbered
    sub-step, not a screenshot."""
    text = " ".join(b.plain.split())
    if not text or b.images or "\n" in b.plain.strip() or len(text.split()) > most_words:
        return False
    if _numbered_items(b) or _LONE_LABEL.fullmatch(b.plain):
        return False
    return b.all_strong or text.endswith((":", "："))


def _dedupe(items):
    seen, out = set(), []
    for it in items:
        key = it if isinstance(it, str) else repr(it)  # one call's items are all of one type
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
