"""What kind of page an entry is (troubleshooting, how-to, driver-download, review, deal,
product-page, news, other), read from the text's shape.

Each kind has cues in the rules ([page_kinds]: regular expressions over the entry's text,
in which every heading is a line of its own starting "# "); a kind scores one point per
distinct cue its text matches (a repeated_<kind> cue: one per match, up to 3: a listicle's
"Top 3:" headings; a kind's once_<kind> cues, ONCE_POINTS when each fires exactly once in
the body, its summary aside: one product's "Pros" and "Cons", a review's verdict, where a buying
guide weighs each of its picks so), and the steps the structure stage found count for the
kinds that are made of steps (not those read from the problems a page counts: the kind, read
without them and without the site's labels, decides whether they stay; consolidate.entries._counted_kept). Front matter
categories and tags that name a kind ([page_kinds] labels_<kind>) count two points, and so does a kind that more than half the
entry's titles name ([page_kinds] title_<kind>: "… Audio Review: …" outweighs a quotation
in the text). A kind in title_goals (driver-download) that GOAL_SHARE of the titles name,
and twice as many as name a problem, wins outright: "HP 4630 Driver Download & Update" has
install steps and a body that mentions "driver problems", yet a driver is what it is for.
A step kind in title_goals (how-to) that STEP_GOAL_SHARE of the titles name, and twice as many
as name a problem ("[Solved]" too), only chooses between the step kinds, on an instructional
page whose headings do not number the other's items ("Fix 1:", "Method 2:"): "How to Connect
a Canon Printer to WiFi" is a task's instructions though its intro says "not working" and
"error", and still no driver-download when the driver is what the page is for.
The highest score wins otherwise; ties go to the
kind listed first in KINDS, but a kind in tie_titled (troubleshooting) whose items the headings
do not number and that fewer than tie_title_percent of the titles name loses its tie to another
step kind (how-to; decide: a task's instructions whose intro says "missing" tie with a problem's
fixes), not to any other kind (a fix page whose intro mentions a sale stays fixes); a page with
no cue at all is `other`.

The step kinds need an instructional shape: steps found by the structure stage, or a share
of sentences that open with an imperative verb ([page_kinds] imperative_verbs,
imperative_percent; "On a Pixel, go to ..." counts, and "Let's restart the router" but not the writer's
"Let's take a look": [step_shapes] writer_verbs), or menu paths ("Settings > Help"). A page without that shape (a news story that says "problem", a review
that mentions an "issue") is no step kind. A kind in [page_kinds] lead_weighted (troubleshooting)
counts none of its cues when neither the titles nor the intro (LEAD_CHARS) say any of them or a
lead_<kind> word: a how-to whose closing tip mentions "display issues" names no problem, and
a guide whose asides say "an app may crash" or "that error" is no less a guide for saying it
four times (half a point a cue made such guides troubleshooting).
A kind in flat_kinds (news) is a report told in a few sections: a page cut into more than
flat_max_headings headed sections scores nothing for it, cues and learned labels alike (a
listicle, buying guide, explainer or review names launches and quotes makers too).
A kind in spread_kinds (deal) is what a page is built around: on a page cut into more than
flat_max_headings headed sections it scores nothing unless its cues fire in two sections or
more and in spread_percent of them (a review's one "on sale for $469" aside is no deal).
A kind in aside_kinds (deal) needs two points or a title naming it: one cue firing on a page
whose title and labels do not name the kind is an aside ("the X just went on sale for $899"
in a launch story, "$9 at Amazon" under a columnist's pick), not what the page is built
around. The scores keep that point (learn_labels reads them as they are); the choice drops it.
A kind in impersonal_kinds (news) is told in the third person: a page whose sentences speak
in the first person singular (personal_percent) or ask questions (question_percent), quoted
speech aside, is a column, essay or feature ("my favourite earbuds", "So, are you ready to
...?") and scores nothing for it, unless its titles or intro (LEAD_CHARS) say one of the
kind's cues: a launch told up front, then tried by the writer, is still a report.
A kind in anchored_kinds (news) is about something that happened: a page built on what
experts say (it names quoted_experts people or more by their role, [page_kinds] expert_roles:
"... real-time data," says Nick Amabile, CEO of DAS42") none of whose anchor_<kind> cues (an
announcement, launch or release, a finding published, "this week", a date) fire in its text,
quoted speech and links' targets aside, scores nothing for it, cues and labels alike: it is a
feature on a trend, not a report (the experts' "says" are what its news cues read).
A kind in sponsored_kinds (product-page) outscores every kind but the step kinds on a page its
sponsor wrote: most of its sources carried a sponsor's note ("The product choices and opinions
expressed are those of the sponsor"), which the cleaner removes and counts (sources[].removed
"sponsor_note"); an offer or a launch told by the vendor is still the vendor's page, but a
sponsored guide whose fixes or instructions score as much stays a troubleshooting or how-to.
"""
from __future__ import annotations

import re
from collections import Counter

from .rules import Rules
from .write import digest

KINDS = ("troubleshooting", "how-to", "driver-download", "review", "deal", "product-page", "news", "other")


class KindClassifier:
    """`memo` (the cache: kind_text, put_kind_text), if given, keeps what `scores` reads of
    an entry's text alone (`text_features`) by that text: a spun copy more changes an entry's
    titles, not its text, and the regexes over the text are most of the scoring."""

    def __init__(self, rules: Rules, memo=None):
        self.memo = memo
        group = rules.data.get("page_kinds", {})
        self.cues = {k: [re.compile(p, re.I | re.M) for p in group.get(k, [])] for k in KINDS}
        self.repeated = {k: [re.compile(p, re.I | re.M) for p in group.get("repeated_" + k, [])] for k in KINDS}
        self.once = {k: [re.compile(p, re.I | re.M) for p in group.get("once_" + k, [])] for k in KINDS}
        self.labels = {k: {v.lower() for v in group.get("labels_" + k, [])} for k in KINDS}
        self.titled = {k: [re.compile(p, re.I) for p in group.get("title_" + k, [])] for k in KINDS}
        self.lead_weighted = set(group.get("lead_weighted", []))
        self.goals = tuple(group.get("title_goals", []))
        self.lead = {k: [re.compile(p, re.I) for p in group.get("lead_" + k, [])] for k in KINDS}
        self.step_kinds = step_kinds(rules)
        self.verbs = {v.lower() for v in group.get("imperative_verbs", [])}
        self.share = int(group.get("imperative_percent", ["8"])[0]) / 100
        writers = rules.data.get("step_shapes", {}).get("writer_verbs", [])  # (after "Let's": the writer's doing)
        self.writers = re.compile(r"(?:" + "|".join(re.escape(w) for w in writers) + r")\b" if writers else "(?!)", re.I)
        self.flat = tuple(group.get("flat_kinds", []))
        self.flat_max = int(group.get("flat_max_headings", ["4"])[0])
        self.spread = tuple(group.get("spread_kinds", []))
        self.spread_share = int(group.get("spread_percent", ["20"])[0]) / 100
        self.aside = tuple(group.get("aside_kinds", []))
        self.impersonal = tuple(group.get("impersonal_kinds", []))
        self.first_person = set(group.get("first_person", []))
        self.personal = int(group.get("personal_percent", ["100"])[0]) / 100
        self.asking = int(group.get("question_percent", ["100"])[0]) / 100
        self.sponsored = tuple(group.get("sponsored_kinds", []))
        self.tie_titled = tuple(group.get("tie_titled", []))
        self.tie_share = int(group.get("tie_title_percent", ["0"])[0]) / 100
        self.anchored = tuple(group.get("anchored_kinds", []))
        self.anchors = {k: [re.compile(p, re.I | re.M) for p in group.get("anchor_" + k, [])] for k in KINDS}
        roles = "|".join(re.escape(r) for r in group.get("expert_roles", [])) or "(?!)"
        # a quoted person named by role: ", CEO of DAS42", "says Pablo Montero, Lupe's cofounder"
        self.expert = re.compile(r"(?:,|\bsays|\bsaid)[^\S\n]+(?:an? |the )?(?:[\w.’'-]+ ){0,4}?(?:%s)\b" % roles, re.I)
        self.experts = int(group.get("quoted_experts", ["3"])[0])

    def scores(self, entry: dict, learned: dict[tuple[str, str], tuple[str, int]] | None = None) -> dict[str, int]:
        """`learned`: (site, label) -> the kind that label means on that site and the points
        it counts (see learn_labels)."""
        text = self.text_features(entry)
        labels = entry_labels(entry)
        told = dict(sorted(learned[(site_of(entry), x)] for x in labels if (site_of(entry), x) in (learned or {})))
        titles = [t for t in [entry.get("title", ""), *entry.get("alternate_titles", [])] if t]
        lead = "\n".join(titles + [entry.get("summary", "")[:LEAD_CHARS]])
        out, named = {}, {}
        for k, score in zip(KINDS, text["cues"]):
            if k in self.lead_weighted and not any(cue.search(lead) for cue in self.cues[k] + self.lead[k]):
                score = 0  # the page never names a problem up front: its problem words are asides
            score += 2 * len(labels & self.labels[k]) + told.get(k, 0)
            named[k] = sum(1 for t in titles if any(cue.search(t) for cue in self.titled[k]))
            out[k] = score + 2 * (named[k] * 2 > len(titles))
        if text["many"]:
            out.update(dict.fromkeys(self.flat, 0))  # a report is told in a few sections, not cut into many
            out.update(dict.fromkeys(text["unspread"], 0))
        for k in text["unanchored"]:  # no event told: a feature, explainer or essay, unless its titles tell one
            if not any(fresh(a, strip_quoted(lead), text["year"]) for a in self.anchors[k]):
                out[k] = 2 * len(labels & self.labels[k])  # the site's own label ("News") still counts
        if text["personal"]:  # a column or feature, unless its lead reports
            out.update({k: 0 for k in self.impersonal if not any(c.search(lead) for c in self.cues[k] + self.repeated[k])})
        # (not the steps read from the problems a page counts, kept only on a page of a step kind: they would
        # make the kind that keeps them; consolidate.entries._counted_kept)
        steps = sum(1 for s in entry.get("steps", []) if not s.get("promotional") and not s.get("counted"))
        instructional = steps >= 2 or text["instructive"]
        for k in self.step_kinds:
            if out[k]:
                out[k] = out[k] + min(steps, 3) if instructional else 0
        if instructional and not any(out[k] for k in self.step_kinds):
            out["how-to"] = 1  # instructions with no problem named
        problem = self.cues["troubleshooting"] + self.lead["troubleshooting"] + self.titled["troubleshooting"]
        problems = sum(1 for t in titles if any(c.search(t) for c in problem))
        for k in self.goals:  # "… Driver Download & Update": what the page is for, its steps the means
            share = STEP_GOAL_SHARE if k in self.step_kinds else GOAL_SHARE
            if named[k] < share * len(titles) or problems * 2 >= named[k]:
                continue
            if k not in self.step_kinds:
                out[k] = max(out.values()) + 1
            elif instructional and not self._numbers_rival(entry, k):  # a task's instructions, not fixes
                best = max(out[j] for j in self.step_kinds)
                out.update({j: min(out[j], best - 1) for j in self.step_kinds if j != k} | {k: best})
        if sponsored(entry):  # the sponsor's own page, whatever it offers or reports: not its fixes
            top = max(v for k, v in out.items() if k not in self.step_kinds) + 1
            out.update({k: max(out[k], top) for k in self.sponsored})
        return out

    def _numbers_rival(self, entry: dict, kind: str) -> bool:
        """The page's headings number the items of another step kind ("Fix 1:", "Method 2:"; its
        repeated cues and its first cue, the numbered heading): it says what its sections are,
        whatever task its titles name ("How to Get Your HP Printer Back Online")."""
        return any(self._numbered(entry, j) for j in self.step_kinds if j != kind)

    def _numbered(self, entry: dict, kind: str) -> bool:
        """The page's headings number the kind's items: its repeated cues or its first cue fire ("Fix 1:", "Method 2:")."""
        text = page_text(entry)
        return any(c.search(text) for c in self.repeated[kind] + self.cues[kind][:1])

    def text_features(self, entry: dict) -> dict:
        """What `scores` reads of the entry's text alone (its summary and sections' headings
        and texts): each kind's cue points ("cues", in KINDS' order), whether it is cut into
        more than flat_max_headings headed sections ("many") and the spread_kinds whose cues
        are not spread over them ("unspread"), the anchored_kinds none of whose anchors fire
        on a page quoting experts ("unanchored"), whether it speaks as a column does ("personal"),
        and whether its sentences or menu paths instruct ("instructive"). Kept in the memo by
        that text."""
        key = self._text_key(entry)
        got = self.memo.kind_text(key) if key else None
        if got is not None:
            return got
        text = page_text(entry)
        year = max((int(y) for y in YEAR.findall(text)), default=None)  # the newest year the page names
        headed = [s for s in entry.get("sections", []) if s.get("heading")]
        mine, asked = voice(text, self.first_person)
        told = strip_quoted(LINKED.sub(r"\1", text))  # the writer's own words, links' texts as words
        body = page_text(entry | {"summary": ""})  # (the summary is the intro's copy: once is once in the body)
        got = {"cues": [sum(1 for cue in self.cues[k] if fresh(cue, text, year if k in self.anchored else None))
                        + sum(min(fresh(cue, text, year if k in self.anchored else None, 3), 3) for cue in self.repeated[k])
                        + ONCE_POINTS * _once(self.once[k], body)
                        for k in KINDS],
               "many": len(headed) > self.flat_max,
               "unspread": [k for k in self.spread if not self._spread(k, headed)] if len(headed) > self.flat_max else [],
               "unanchored": [k for k in self.anchored if len(self.expert.findall(told)) >= self.experts
                              and not any(fresh(a, told, year) for a in self.anchors[k])],
               "year": year,
               "personal": mine >= self.personal or asked >= self.asking,
               "instructive": imperative_share(text, self.verbs, self.writers) >= self.share or menu_paths(text) >= 2}
        if key:
            self.memo.put_kind_text(key, got)
        return got

    def _text_key(self, entry: dict) -> str | None:
        return self.memo and digest(["kind text", entry.get("summary", ""),
                                     [[s.get("heading", ""), s.get("text", "")] for s in entry.get("sections", [])]])

    def _spread(self, kind: str, headed: list[dict]) -> bool:
        """The kind's cues fire in at least two of the headed sections and in spread_percent of
        them: a page built around offers, not a review or listicle with one "save $50" aside."""
        cues = self.cues[kind] + self.repeated[kind]
        hits = sum(1 for s in headed if any(c.search("# " + s["heading"] + "\n" + s.get("text", "")[:TEXT_LIMIT])
                                            for c in cues))
        return hits >= 2 and hits >= self.spread_share * len(headed)

    def __call__(self, entry: dict, learned: dict[tuple[str, str], tuple[str, int]] | None = None) -> str:
        return self.decide(entry, self.scores(entry, learned))

    def unlabelled(self, entry: dict) -> str:
        """The entry's kind read from its own text and titles, not the site's labels (its categories and
        tags, nor what the build learned of them): what decides whether the problems its page counts are
        its fixes (consolidate.entries._counted_kept), so that a "Deals" category or the news pages beside
        it in the build do not take a short troubleshooting page's fixes."""
        bare = own(entry) | {"categories": [], "tags": []}
        return self.decide(bare, self.scores(bare))

    def decide(self, entry: dict, scores: dict) -> str:
        """The winning kind, an aside_kinds kind left out at one point unless the entry's title
        names it. Apart from scores(), which learn_labels reads as they are."""
        title = entry.get("title", "")
        asides = {k: 0 for k in self.aside if scores[k] < 2 and not any(c.search(title) for c in self.titled[k])}
        scores = scores | asides
        return _best(scores | self._unnamed_ties(entry, scores))

    def _unnamed_ties(self, entry: dict, scores: dict) -> dict:
        """The tie_titled kinds (troubleshooting) that tie at the top with another step kind (how-to),
        whose items the page's headings do not number ("Fix 1:", "Method 2:": they say what its
        sections are, as for _numbers_rival) and that fewer than tie_title_percent of the entry's
        titles name (the kind's cues, lead_ and title_ cues: a problem), each one point down: the tie
        goes to that other step kind. Instructions whose intro says "missing" or "error" score as a
        problem's fixes as much as a task's steps; which the page is, its titles say ("How Do You Get
        Album Artwork on iTunes", "Find Out the Version of PowerShell": a task; "Why Is Your Android
        Phone Not Receiving Calls?": a problem). A tie with a kind that is no step kind (a deal, a
        news story) is left to KINDS' order: titles that name no problem do not make fixes an offer
        or a report (a fix page whose intro says the printer is "on sale for $99")."""
        top = max(scores.values())
        tied = [k for k in KINDS if scores[k] == top]
        if top <= 0 or len(tied) < 2:
            return {}
        titles = [t for t in [entry.get("title", ""), *entry.get("alternate_titles", [])] if t]
        out = {}
        for k in self.tie_titled:
            rivals = [j for j in tied if j in self.step_kinds and j != k and j not in out]
            if k in tied and rivals and not self._numbered(entry, k):
                cues = self.cues[k] + self.lead[k] + self.titled[k]
                if sum(1 for t in titles if any(c.search(t) for c in cues)) < self.tie_share * len(titles):
                    out[k] = top - 1
        return out

    def classify_all(self, entries: list[dict], each=None, known: list | None = None) -> list[str]:
        """Every entry's kind, read twice: once from its own text, then again with what each
        site's labels mean (learn_labels): such a label counts two points (one if it is on most
        of the site's pages) for its kind on each page of the site carrying it. A site's "BestProducts" category thus tells a
        review whose own text says too little. `each(k, classify)`, if given, runs entry k's
        classification (a zero-argument call) and returns its result, or a fallback kind
        (consolidate: under a budget; a page whose scores fell back teaches nothing).
        `known`, if given: entry k's own scores where an earlier build has them, else None;
        filled in with the scores read now (a fallback stays None). An entry no learned
        label applies to is not read again: its own scores are its scores then."""
        each = each or (lambda k, classify: classify())
        known = known if known is not None else [None] * len(entries)
        for k, e in enumerate(entries):
            if known[k] is None:
                s = each(k, lambda e=e: self.scores(own(e)))
                known[k] = s if isinstance(s, dict) else None
            elif self.memo is not None:  # (not read: kept for a build that changes the entry's titles)
                self.memo.retain_kind_text(self._text_key(e))
        first = [s if s is not None else dict.fromkeys(KINDS, 0) for s in known]
        learned = learn_labels(entries, first, ("other",) + self.step_kinds)
        return [each(k, (lambda e=e: self(e, learned)) if _told(e, learned) else (lambda e=e, s=s: self.decide(e, s)))
                for k, (e, s) in enumerate(zip(entries, first))]


def _once(cues: list[re.Pattern], text: str) -> bool:
    """Each of the cues fires exactly once in the text: one product's pros weighed against its cons."""
    return bool(cues) and all(fresh(cue, text, None, 2) == 1 for cue in cues)


def _best(scores: dict) -> str:
    best = max(KINDS, key=lambda k: (scores[k], -KINDS.index(k)))
    return best if scores[best] > 0 else "other"


def _told(entry: dict, learned: dict) -> bool:
    """A label the build learned applies to the entry (its scores differ with `learned`)."""
    site = site_of(entry)
    return any((site, x) in learned for x in entry_labels(entry))


def learn_labels(entries: list[dict], scores: list[dict[str, int]], unlearnable: tuple) -> dict[tuple[str, str], tuple[str, int]]:
    """What a site's categories and tags mean, from the pages whose own text says clearly what
    they are (a winner of at least STRONG points, STRONG_MARGIN ahead of the next kind): a
    label that at least LABEL_PAGES such pages of one site (the folder its pages came from)
    carry, LABEL_SHARE of them one kind, means that kind there: (kind, points), 2 points, or
    1 for a label on more than LABEL_COVER of the site's pages (a blanket "tech" says more of
    what the site mostly is than of what kind a page is, and the pages read as strong are
    those of the kinds with strong cues: news, not how-to). Not `other` or a step kind
    (steps or none tell those apart). Per site: "tech" on one site says nothing of another."""
    seen: dict[tuple[str, str], Counter] = {}
    pages = Counter(site_of(e) for e in entries)
    carried = Counter((site_of(e), x) for e in entries for x in entry_labels(e))
    for e, s in zip(entries, scores):
        ranked = sorted(s.values(), reverse=True)
        best = max(KINDS, key=lambda k: (s[k], -KINDS.index(k)))
        if ranked[0] < STRONG or ranked[0] - ranked[1] < STRONG_MARGIN:
            continue
        for x in entry_labels(e):
            seen.setdefault((site_of(e), x), Counter())[best] += 1
    learned = {}
    for key, c in seen.items():
        k, n = c.most_common(1)[0]
        if k not in unlearnable and n >= LABEL_PAGES and n >= LABEL_SHARE * sum(c.values()):
            learned[key] = (k, 2 if carried[key] <= LABEL_COVER * pages[key[0]] else 1)
    return learned


def own(entry: dict) -> dict:
    """What `scores` reads of an entry without learned labels, and only that: an entry's own
    scores are read from this (consolidate keeps them by it: a spun copy more changes an
    entry's sources, seldom this)."""
    return {"title": entry.get("title", ""), "alternate_titles": entry.get("alternate_titles", []),
            "summary": entry.get("summary", ""), "categories": entry.get("categories", []),
            "tags": entry.get("tags", []),
            "sections": [{"heading": s.get("heading", ""), "text": s.get("text", "")} for s in entry.get("sections", [])],
            "steps": [{"promotional": s.get("promotional", False)} for s in entry.get("steps", []) if not s.get("counted")],
            "sponsored": sponsored(entry)}


def step_kinds(rules: Rules) -> tuple[str, ...]:
    """The kinds made of steps ([page_kinds] step_kinds)."""
    return tuple(rules.data.get("page_kinds", {}).get("step_kinds", ["troubleshooting", "how-to"]))


def sponsored(entry: dict) -> bool:
    """Most of the entry's sources carried a sponsor's note (an entry read by `own`: as it says)."""
    if "sponsored" in entry:
        return bool(entry["sponsored"])
    sources = entry.get("sources", [])
    return sum(1 for s in sources if s.get("removed", {}).get("sponsor_note")) * 2 > len(sources) > 0


def entry_labels(entry: dict) -> set[str]:
    return {x.lower() for x in entry.get("categories", []) + entry.get("tags", [])}


def site_of(entry: dict) -> str:
    """The folder the entry's first source came from: a scrape keeps a site's pages together."""
    sources = entry.get("sources") or [{}]
    return str(sources[0].get("path", "")).rpartition("/")[0]


LABEL_PAGES, LABEL_SHARE, LABEL_COVER = 5, 0.8, 0.5
GOAL_SHARE = 0.15  # of an entry's titles (most are spun, and spin names no goal) naming a title_goals kind
# ... naming a step kind's task ("How to ...", "... Tutorial"): one English title among five in other
# languages (which name neither task nor problem) is no share; 0.3 lost a guide 7 of whose 33 titles name it
STEP_GOAL_SHARE = 0.2
LEAD_CHARS = 1000  # the intro read as the page's lead, with its titles
STRONG, STRONG_MARGIN = 3, 2  # points
ONCE_POINTS = 2  # a kind's once_<kind> cues each firing once in the body
VOICE_SENTENCES = 5  # a page's voice is read from this many sentences or more


TEXT_LIMIT = 40_000  # characters read: a page shows its shape early; ~40 regexes over a 3 MB body took 10 s


LEAD = re.compile(r"^[\s>*_#\d.)!\[-]*(?:(?:first|then|next|now|finally|after that|once done|alternatively)\W+)?"
                  r"(?:(?:on|in|from|under|if|when|once|after|to)\b[^,.]{0,60},\s*)?", re.I)
# "Settings > Tips and Help": a way through a program's menus. Each run of word characters
# is matched whole, with its " > " or without (then it counts for nothing): a run that is
# no menu item is read once, not once from each of its characters (40,000 of "a*" took 87 s)
MENU_PATH = re.compile(r"\w[\w*]*+(?P<menu> > [*\w])?")


# a link (its text and target) or a picture's target: what differs between the lines of one
# template ("**Download**: [Opera GX](https://www.opera.com/gx)", "![Get it on Google Play](…/app1)");
# each part stops at the next bracket, so a line of 40,000 "[" is read once, not once from each
TEMPLATED = re.compile(r"(?<!!)\[[^\[\]\n]*+\]\([^()\n]*+\)|(?<=\])\([^()\n]*+\)")
LINK_TARGET = re.compile(r"\]\([^()\n]*+\)")  # a link's or picture's target, its text kept
LINKED = re.compile(r"!?\[([^\[\]\n]*+)\]\([^()\n]*+\)")  # a link (or picture): its text, brackets and target aside
WORD = re.compile(r"[^\W\d_]\w*")


def menu_paths(text: str) -> int:
    return sum(1 for m in MENU_PATH.finditer(text) if m.group("menu"))


def imperative_share(text: str, verbs: set[str], writers: re.Pattern = re.compile("(?!)")) -> float:
    """The share of the text's distinct sentences (3+ words; headings aside; links' and
    pictures' targets aside, and links' texts too in a line of one or two words besides them)
    whose first word is an imperative verb ("Open Settings.", "2. Click Update.", "Then,
    restart the PC.") or is a verb after "Let's", not of the writer's doing (`writers`: "Let's
    restart the router", not "Let's take a look"): a listicle's download button under each app ("![Download from Google
    Play](…)", "**Download**: [Brave](…) (Free)") is one line of its template, not ten
    instructions, while steps that are links ("- [Download the Canon PRINT app](…)", "Go to
    [Wireless](…) and save.") stay as many; an intro that the summary and its section both
    hold is read once."""
    sentences = {}
    for x in re.split(r"(?<=[.!?])\s+|\n+", text):
        if len(x.split()) >= 3 and not x.startswith("#"):
            bare = TEMPLATED.sub("[]", x)  # a label and its links ("**Download**: [Opera](…) (Free)")
            key = bare if 0 < len(WORD.findall(bare)) < 3 else LINK_TARGET.sub("]", x)
            sentences.setdefault(" ".join(key.lower().split()), x)
    hits = sum(1 for x in sentences.values() if _instructs(LEAD.sub("", x), verbs, writers))
    return hits / max(len(sentences), 1)


def _instructs(sentence: str, verbs: set[str], writers: re.Pattern) -> bool:
    """The sentence opens with one of the verbs, or with "Let's" and a verb not of the writer's doing."""
    lets = LETS.match(sentence)
    if lets is not None:
        return writers.match(sentence, lets.end()) is None
    return re.match(r"[a-z-]*", sentence.lower()).group() in verbs


LETS = re.compile(r"let['’]s\s+(?=[a-z])", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
DATED = re.compile(r"(?: all the way)?(?: back)? in ((?:19|20)\d\d)\b")  # "launched (back) in 2007"
ENDS_YEAR = re.compile(r"((?:19|20)\d\d)$")  # a date: "January 9, 2007"


def fresh(cue: re.Pattern, text: str, year: int | None, most: int = 1) -> int:
    """How many of the cue's hits in the text (up to `most`) tell no event of a past year: one
    dated, by its own date or "in YEAR" after it, before the year before `year` is history."""
    n = 0
    for m in cue.finditer(text):
        y = ENDS_YEAR.search(m.group()) or DATED.match(text, m.end())
        if year is None or not y or int(y.group(1)) >= year - 1:
            n += 1
            if n >= most:
                break
    return n


QUOTED = re.compile(r'[“"][^“”"\n]{0,400}[”"]')
# quoted speech, a straight quote after a digit (13" laptop) an inch mark, not a quotation mark
SPEECH = re.compile(r'(?:“|(?<!\d)")(?:[^“”"\n]|(?<=\d)"){0,400}+[”"]')
STRAIGHT = re.compile(r'(?<!\d)"')


def strip_quoted(text: str) -> str:
    """The text with its quoted speech blanked, a line with an odd number of straight quotation
    marks (one astray: which are the quotes cannot be told) left whole."""
    return "\n".join(line if len(STRAIGHT.findall(line)) % 2 else SPEECH.sub(" ", line) for line in text.split("\n"))


def voice(text: str, first_person: set[str]) -> tuple[float, float]:
    """The shares of the text's sentences (4+ words; headings and quoted speech aside) that
    speak in the first person singular ("I tried", "my favourite") and that ask a question:
    a column, an essay or a feature talks to its reader; a report tells what happened."""
    sentences = [x for x in re.split(r"(?<=[.!?])\s+|\n+", QUOTED.sub(" ", text))
                 if len(x.split()) >= 4 and not x.startswith("#")]
    mine = sum(1 for x in sentences if _speaks(re.findall(r"[\w’']+", x), first_person))
    asked = sum(1 for x in sentences if x.rstrip(" *_)").endswith("?"))
    if len(sentences) < VOICE_SENTENCES:
        return 0.0, 0.0  # too few to tell a voice
    return mine / len(sentences), asked / len(sentences)


def _speaks(words: list[str], first_person: set[str]) -> bool:
    """A first-person word as written ("I", "my"), or capitalised as the sentence's first word
    ("My"): "Find My Device" mid-sentence is a name."""
    return bool(first_person & set(words)) or bool(words) and words[0].lower() in first_person


def page_text(entry: dict) -> str:
    """The entry's summary, headings (as "# heading" lines) and section texts, up to TEXT_LIMIT."""
    parts = [entry.get("summary", "")]
    for s in entry.get("sections", []):
        if s.get("heading"):
            parts.append("# " + s["heading"])
        parts.append(s.get("text", ""))
    return "\n".join(parts)[:TEXT_LIMIT]
