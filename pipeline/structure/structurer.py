"""The structurer: rules compiled once, a body read into sections, steps, causes and a summary."""
from __future__ import annotations

import re

from ..model import Section, Structure
from ..rules import Rules
from ..text import Inert
from .blocks import _blocks, _inert, _lift_item_headings
from .causes import Causes
from .contents import Contents
from .pitch import Pitch
from .sections import Sections, _gerunds
from .steps import Steps, _split_run_on_numbers
from .summary import _summary

_WORDS = re.compile(r"\w+")
_OPENING_HEADINGS = 3  # (the page's title, its site's spun heading, a subtitle)


def _not_subject(sold: tuple[str, ...], title: str, body: str, numbered, means: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The learnt products a body pitches: those it names (`sold`) but its subject, a name that its title or
    one of its opening headings (before its first line of text) writes, in any case: the tool a tutorial teaches
    ("## How to install and activate Revo Uninstaller Mobile", a spun heading over it), which its steps are the
    procedure of, not a pitch beside a manual way; a heading `numbered` as a step's ("## Fix 1: Test your memory
    with X") is the procedure's, not the page's title. The name's words as one run ("… WhatsApp Data on iOS" and
    "… WhatsApp Recovery on iPhone" do not name iPhone Data Recovery); a tool the rules name is a pitch whatever
    the page; nor a name written as the means to the page's end ("Fix a Slow PC with X": rules [promotional]
    means), which pitches it."""
    if not sold:
        return sold
    heads = [title]
    for line in body.lstrip("\n").split("\n"):
        if line.strip() and (not line.lstrip().startswith("#") or len(heads) > _OPENING_HEADINGS
                             or numbered(line.strip().lstrip("#").strip()) is not None):
            break
        heads.append(line)
    runs = [" " + " ".join(_WORDS.findall(h.casefold())) + " " for h in heads if h.strip()]

    def named(name: str) -> bool:
        key = " " + " ".join(_WORDS.findall(name.casefold())) + " "
        return any(key in r and not any(f" {w}{key}" in r for w in means) for r in runs)
    return tuple(n for n in sold if not named(n))


class Structurer(Contents, Sections, Pitch, Steps, Causes):
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
        # (or the -ing form alone, a doing named without its thing: "Restarting", "Setting Up"; Steps._imperative)
        self.bare_gerund = re.compile(r"^(?:" + "|".join(re.escape(g) for g in _gerunds(verbs)) + r")[\s.:!]*$", flags)
        # (a verb the rules do not list, by its shape: "Choose a ...", "Handle Your ...", "Back Up the ...")
        not_verbs = {w.lower() for w in rules.get("step_shapes", "not_verbs") + rules.get("step_shapes", "question_words")}
        self.asks = {w.lower() for w in rules.get("step_shapes", "question_words")}  # (after a name: a statement's verb)
        shape = (r"(?!(?i:" + "|".join(re.escape(w) for w in sorted(not_verbs)) + r")\b)"
                 r"[A-Z][a-z]+(?:-[a-z]+)?(?<!ing)(?<!ed)(?<!ly)(?<![^s]s)\s+")  # (capital; no -ing, -ed, -ly, -s)
        self.verb_shaped = re.compile(shape + r"(?i:" + "|".join(
            re.escape(w) for w in rules.get("step_shapes", "gerund_objects")) + r")\b(?!.*[?!]\s*$)")
        # (a heading's first word of a verb's shape, whatever follows: "Combine Text: CONCAT", "Share Content ...")
        self.verb_word = re.compile(shape + r"(?=\S)")
        acts = sorted(set(verbs) | {v.lower() for v in rules.get("step_shapes", "action_verbs")}, key=len, reverse=True)
        first = r"(?:(?:" + "|".join(re.escape(w) for w in seq) + r"),?\s+)?"  # ("First, on your phone, swipe")
        adverbs = r"(?:(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", "action_adverbs")) + r")\s+)?"

        def one_of(key: str) -> re.Pattern:  # a [step_shapes] list of patterns, one alternation (empty: none matches)
            return re.compile("|".join(f"(?:{p})" for p in rules.get("step_shapes", key)) or "(?!)", flags)

        # (an opening phrase's comma that lost its space to a bold verb has it back: `After signing up,**Click** ...`)
        # (an opening phrase of purpose may be longer: "To join the text in cells A1 and B1 with a
        # space between the words, use ..."): its opener is followed by a verb, not by a noun's determiner
        # ("To the surprise of reviewers ..."), and the action after it is written in lower case (not a
        # name that is also a verb: "..., Switch 2 will ship")
        openers = "|".join(re.escape(w) for w in rules.get("step_shapes", "clause_openers")) or "(?!)"
        nouns = "|".join(re.escape(w) for w in rules.get("step_shapes", "clause_not_after")) or "(?!)"
        clause = (r"(?:(?:" + openers + r")\s(?!(?:" + nouns + r")\b)[^,.:;!?\n]{1,120},\s+(?=(?-i:[a-z]))"
                  + r"|[^,.:;!?\n]{1,60},\s+)?")

        # a move to a place ("head over to the IFTTT website", "head to Find My > Devices", "head to iCloud"): the
        # verb, then a name, a menu path, or a place the rules name after "the"/"your"; not "Head to head", "Head
        # over heels". The place is looked ahead at: the match ends at the verb, as a verb's does (Steps._ui_path)
        places = "|".join(re.escape(w) for w in rules.get("step_shapes", "move_places")) or "(?!)"
        moves = (r"(?:" + "|".join(re.escape(v) for v in sorted(rules.get("step_shapes", "move_verbs"), key=len, reverse=True))
                 + r")\b(?=\s+(?!(?:head|heels)\b)(?:(?:the|your|their|its)\s+(?:[^\s.!?,;:]+\s+){0,3}?[\[*_\"“‘']*(?:"
                 + places + r")\b|(?:the\s+)?[\[*_\"“‘']*(?-i:[A-Z0-9]|[a-z]+[A-Z])|[^.!?\n>]{1,60}\s>\s))")

        def acting(verbs: list[str]) -> re.Pattern:  # a sentence that opens with one of the verbs, or a move
            return re.compile(r"^" + first + clause + first + adverbs
                              + r"(?:(?:" + "|".join(re.escape(v) for v in verbs) + r")\b|" + moves + r")", flags)

        self.action = acting(acts)
        # advice: "To fix this, you need to check ...", "Please run ..." (Steps._advises), on a verb that
        # does something, not one that only says where to look ("You can find the data on ...": browsing_verbs)
        browsing = {w.lower() for w in rules.get("step_shapes", "browsing_verbs")}
        doing = [v for v in acts if v not in browsing]
        self.advised_action = acting(doing)
        # the writer's own doing after "Let's" ("Let's look at the film"; Steps._writer_acts)
        self.plea = one_of("pleas")  # (for the site or a shop: "Share this guide ...", "Check the price on Amazon")
        self.means = tuple(w.casefold() for w in rules.get("promotional", "means"))
        self.pitch_pointer = re.compile(r"(?:" + "|".join(rules.get("promotional", "pointers")) + r")", flags)
        self.pointer = re.compile(r"(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", "pointer_openings"))
                                  + r")\b", flags)
        self.writer_verb = re.compile(r"(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", "writer_verbs"))
                                      + r")\b", flags)
        leads = "|".join(f"(?:{p})" for p in rules.get("step_shapes", "advice_leads")) or "(?!)"
        advised = doing + [v.lower() for v in rules.get("step_shapes", "advice_verbs")]  # (after a lead only)
        self.advice = re.compile(r"^(?:[^,.:;!?\n]{1,60},\s+)?(?:then\s+)?(?:" + leads + r")\s+" + adverbs
                                 + r"(?:also\s+)?(?:" + "|".join(re.escape(v) for v in advised) + r")\b", flags)
        # a page's counted problems (Steps._counted_remedies): what names fixes proper, what names a problem
        self.fix_lead = one_of("fix_leads")
        self.problem = re.compile("|".join(f"(?:{p})" for key in ("troubleshooting", "lead_troubleshooting",
                                                                  "title_troubleshooting")
                                           for p in rules.get("page_kinds", key)) or "(?!)", flags)
        self.not_items = {w.lower() for w in rules.get("step_shapes", "not_items")}
        self.price = one_of("prices")
        self.remedy_word = one_of("remedy_words")
        self.last_resort = one_of("last_resorts")

        self.procedure_heading = re.compile("|".join(f"(?:{p})" for p in rules.get("step_shapes", "procedure_headings")),
                                            flags)
        self.division_words = {w.lower() for w in rules.get("step_shapes", "division_words")}
        self.way_words = {w.lower() for w in rules.get("step_shapes", "way_words")}
        def cue(key: str) -> re.Pattern:  # a [step_shapes] list of lowercase phrases, as whole words
            return re.compile(r"(?<![\w'])(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", key))
                              + r")(?![\w'])")

        self.both_cue, self.both_cue_between = cue("both_cues"), cue("both_cues_between")
        self.way_label_words = int(rules.get("step_shapes", "way_label_words")[0])
        self.question = re.compile(r"(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", "question_words"))
                                   + r")\b", flags)
        self.check_question = one_of("check_questions")
        self.closing_heading = one_of("closing_headings")
        self.procedure_lead = one_of("procedure_leads")
        self.ways_cue = re.compile("|".join(f"(?:{p})" for p in rules.data["section_kinds"]["fix"]), flags)
        self.indirect_question = one_of("indirect_questions")
        self.preliminary = re.compile("|".join(f"(?:{p})" for p in rules.get("step_shapes", "preliminary")), flags)
        self.prevention = one_of("prevention")
        self.avoiding = re.compile(r"^(?:" + "|".join(re.escape(w) for w in rules.get("step_shapes", "avoiding_words"))
                                   + r")\b" if rules.get("step_shapes", "avoiding_words") else "(?!)", flags)
        self.promo = tuple(p.lower() for p in rules.get("promotional", "phrases"))
        self.manual_label = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "manual_labels")), flags)
        self.manual_cue = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "manual_cues")), flags)
        self.choice_opener = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "choice_openers")), flags)
        self.decline = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "declines")), flags)
        self.manual_link = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "manual_links")), flags)
        self.sequence_label = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "sequence_labels")), flags)
        self.alternative_words = {w.lower() for w in rules.get("promotional", "alternatives")}
        self.tool_noun = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:" + "|".join(
            re.escape(w) for w in rules.get("promotional", "tool_nouns")) + r")\b", flags)
        self.tool_start = re.compile("|".join(f"(?:{p})" for p in rules.get("promotional", "tool_starts")), flags)
        # a phrase naming an edition ("free version", "free download") sells only with a product, or as a call to
        # action opening its sentence ("Free download X ...", "Now free download ...": Pitch._selling)
        editions = {w.lower() for w in rules.get("promotional", "editions")}
        self.edition_phrases = frozenset(p for p in self.promo if p.split()[0] in editions)
        self.call_opening = re.compile(r"\W*(?:\d{1,3}[.)]?\s+)?(?:(?:" + "|".join(re.escape(w) for w in seq)
                                       + r"),?\s+)?\W*")  # (what may come before it in its sentence: fullmatch)
        self.alternative = re.compile(r"^\W*(?:" + "|".join(re.escape(w) for w in rules.get("promotional", "alternatives"))
                                      + r")\b", flags)
        self._page_titles: tuple[str, ...] = ()
        self.labels: frozenset[str] = frozenset()  # the body's template labels (structure)
        # a word that joins two ways ("OR" between two methods): never a label (Sections._label_line)
        self.connectors = {w.lower() for w in rules.get("step_shapes", "connectors")}
        self._overviews_of: tuple[list, set] = ([], set())  # the last sections _steps read, and their overviews
        self._previews_of: tuple[list, set] = ([], set())  # the last sections _overviews read, and their previews
        self.seed_products = tuple(rules.get("promotional", "products"))
        self._patterns: dict[tuple[str, ...], re.Pattern] = {}  # learnt names -> products' pattern
        self.products = self._products_of(())
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
        # (atomic: "Win key" is the key "Win key" or "Win" and the word "key" -- tried both ways
        # in a long list of keys, that is 2^n ways to fail)
        # (a last key in the plural: "the Ctrl, Shift and Esc keys at the same time")
        first_key = r"\b(?>" + ikey + r"(?:\s+(?i:keys?)\b)?)"
        more_keys = r"(?:\s*(?:,|\band\b(?:\s+(?:press|hit))?|\+)\s*(?:the\s+)?(?>" + other + r"(?:\s+(?i:keys?)\b)?))"
        keys_said = first_key + more_keys + "+"
        self.worded_shortcut = re.compile(keys_said + r"(?=(?:\s+[a-z]+){0,3}?\s+"
                                          r"(?i:at the same time|together|simultaneously))")
        self.held_keys = re.compile(keys_said)  # (after "hold down": "hold down the Windows logo key and the R key")
        # (modifiers held down, "then press" the key that ends the shortcut: "hold down the Ctrl and Alt keys
        # on your keyboard, then press the up arrow key"; its two groups say the keys; between them only the
        # rules' held_filler words, no action: "hold down Ctrl while clicking ..., then press Delete")
        filler = "|".join(re.escape(w) for w in rules.get("extract", "held_filler"))
        self.held_then = re.compile(r"(" + first_key + more_keys + r"*)(?:\s+(?i:" + filler + r")\b){0,4}?,?\s+(?:and\s+)?then\s+"
                                    r"(?i:press|hit|tap)\s+(?:the\s+)?(" + other + r"(?:\s+(?i:arrow)\b)?)")
        self.key_names = {a.lower(): b for a, _, b in (n.partition("=") for n in rules.get("extract", "shortcut_names"))}
        # what a heading's words say, memoised: a body's headings are asked about many
        # times, and the variants of an article repeat them
        self._numbered_memo: dict[str, str | None] = {}
        self._kind_memo: dict[str, str] = {}

    def _products_of(self, sold: tuple[str, ...]) -> re.Pattern:
        """The products' names as one pattern: the rules' and those the build learnt (`sold`:
        those the body names, each body its own; memoised)."""
        if sold not in self._patterns:
            if len(self._patterns) >= 256:
                self._patterns.clear()
            self._patterns[sold] = self._pattern(sold)
        return self._patterns[sold]

    def _pattern(self, sold: tuple[str, ...]) -> re.Pattern:
        names = sorted(set(self.seed_products) | set(sold), key=len, reverse=True)
        if not names:  # (an empty alternation would match everywhere)
            return re.compile(r"(?!)")
        # (`withDriver Easy`: a scrape lost the space before the bold name, `with**Driver Easy**`)
        return re.compile(r"(?:\b|(?<=[a-z])(?=[A-Z]))(?i:" + "|".join(re.escape(p) for p in names) + r")\b")

    # ---------------------------------------------------------------- entry point
    def structure(self, body: str, title: str, sold: tuple[str, ...] = (), labels: tuple[str, ...] = ()) -> Structure:
        """Body read into a Structure; `sold`: the products the build learnt (products.py); `labels`:
        the body's lines that the build repeats as a template's labels (boilerplate.Boilerplate.labels)."""
        self.products = self._products_of(_not_subject(tuple(sold), title, body, self._numbered, self.means))
        self.labels = frozenset(labels)
        lifted = _lift_item_headings(body)  # (list items headed each: a run of sections)
        if lifted is not None:
            body = lifted
        blocks = _blocks(body)
        split = self._split_run_on_steps(body, blocks)
        if split is not None:
            body, blocks = split, _blocks(split)
        blocks = self._without_contents(_inert(blocks, self.inert))
        ways = self._reads_as_ways(blocks, title)  # (asked with a gerund alone read as no doing)
        sections, title_heading = self._sections(blocks, title, ways)
        self._page_titles = (title, title_heading)  # (what the page is about, for Steps._remedy_runs)
        steps = self._steps(sections, blocks)
        if not steps:  # no heading gives a step: numbered paragraphs may
            steps = self._paragraph_steps(blocks, body, sections)
            if steps:  # (or the sibling ways they are the procedures of: Steps._named_ways)
                steps = self._named_ways(sections, blocks, steps)
            split = _split_run_on_numbers(body, blocks)
            if split is not None:  # numbered steps that a scrape ran together, each given a paragraph
                again = self._without_contents(_inert(_blocks(split), self.inert))
                secs, heading = self._sections(again, title, ways)
                self._page_titles = (title, heading)  # (this parse's opening heading, for _remedy_runs)
                found = self._steps(secs, again) or self._named_ways(secs, again, self._paragraph_steps(
                    again, split, secs))  # (the split's numbered paragraphs or their ways, as in the first parse)
                if len(found) > len(steps):
                    blocks, sections, title_heading, steps = again, secs, heading, found
                self._page_titles = (title, title_heading)  # (the parse kept)
        if not steps:  # nor numbers nor headings: sentences that each say what to do over a screenshot
            steps = self._shot_steps(blocks, sections)  # may, headless or under a how-to heading; or
            named = self._steps(sections, blocks, named=True)  # sibling sections headed "How to ..."
            shots = {s.section for s in steps}  # (the ways it gives: those of one of them are its parts)
            if len(named) > len(shots) and shots <= {s.section for s in named}:
                steps = named
        if not steps:  # no step any way else: the problems a page counts, each with advice on what to do
            steps = self._steps(sections, blocks, counted=True)
        self._hide_overview_lists(sections)
        causes = self._causes(sections, blocks)
        summary = _summary(sections, self.summary_contents, self.summary_ads, self.summary_credits,
                           self.action, steps=tuple(steps))
        out_sections = [
            Section(heading=s.heading, level=s.level, kind=s.kind, text=s.text, parent=s.parent)
            for s in sections
        ]
        return Structure(summary=summary, sections=out_sections, steps=steps, causes=causes,
                         title_heading=title_heading)
