"""Entries: one per cluster, in a stable order, with kinds, labels and provenance."""
from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from ..deadline import Budget
from ..model import Article, Merged, Options
from ..rules import Rules
from ..kinds import KindClassifier, own
from ..titles import TitleChooser
from ..write import digest
from .cluster import Clusterer, Group, article_order
from .merge import _Slot, _merge_lists, _short
from .titling import TitleCleaner, _titles


def build_entries(groups: Iterable[Group], options: Options, rules: Rules, timings: dict | None = None,
                  verdicts: dict[str, str] | None = None, memo=None, notes: list[str] | None = None,
                  near: dict[str, str] | None = None, offers=None) -> tuple[list[dict], dict]:
    """Entries and consolidation stats from the groups (an iterable: consumed as it comes).
    `notes`, if given, gets a warning per entry whose title or kind ran out of budget.
    `timings`, if given, gets "consolidate": the seconds spent here, not waiting;
    `verdicts`, `near` and `offers` are passed to Clusterer.clusters. `memo` (the cache: `entry(key)`,
    `put_entry(key, entry)`) holds entries made of the same clusters in earlier builds."""
    t0 = time.perf_counter()
    clusterer = Clusterer(options)
    n = options.minhash_bands * options.minhash_rows
    clusters = clusterer.clusters(groups, verdicts, near, None if memo is None else lambda k: memo.past_signature(k, n),
                                  offers)
    if memo is not None:
        memo.clustered()
    waited = time.perf_counter() - t0 - clusterer.seconds
    groups = clusterer.groups
    clean_title = TitleCleaner(rules)
    budget = Budget(options.file_seconds)
    entries, keys = [], []
    for cluster in clusters:
        members = [groups[k] for k in cluster]
        key = cluster_key(members) if memo is not None else None
        entry = memo.entry(key) if key else None
        if entry is None:
            before = len(budget.notes)
            for g in members:
                g.hold()
            try:
                entry = _entry(members, options, clean_title, budget)
            finally:  # (the cluster's structures leave with it)
                for g in members:
                    g.release()
            if len(budget.notes) != before:  # a fallback is the machine's load, not the input's:
                key = None  # nothing read from this entry (its kind scores neither) is kept
            elif key:
                memo.put_entry(key, entry)
        keys.append(key)
        entries.append(entry)
    entries = finish_entries(entries, rules, budget, memo, keys)
    if notes is not None:
        notes += budget.notes
    stats = {"distinct_bodies": len(groups), "clusters": len(clusters),
             "near_duplicate_candidates": clusterer.stats.get("candidates", 0),
             "merged_near_duplicates": clusterer.stats.get("same", 0),
             "look_alikes_kept_apart": clusterer.stats.get("look-alike", 0)}
    if timings is not None:
        timings["consolidate"] = time.perf_counter() - t0 - waited
    return entries, stats


def finish_entries(entries: list[dict], rules: Rules, budget: Budget | None = None, memo=None,
                   keys: list[str | None] = ()) -> list[dict]:
    """What an entry is read from the whole build, not its own cluster (so not memoized):
    each entry's title, the candidate that best names what its text is about, weighed
    against the other entries (titles.py; the title it replaces joins the alternates), and
    its `kind` (kinds.py, which learns what the build's labels mean). New dicts: the
    memoized records stay as they were. Each entry's title and kind run under `budget`
    (user rule regexes may backtrack): over it, the title stays, the kind is `other`, and
    the entry's first source gets a warning. `memo` (the cache: kind_scores, put_kind_scores)
    keeps each entry's own kind scores under its cluster key (`keys`), read once."""
    budget = budget or Budget(0)
    warned: dict[int, list[str]] = defaultdict(list)

    def bounded(group, k, fn, fallback, instead):
        value, note = budget.run(group, k, fn, fallback, entries[k]["sources"][0]["path"], instead)
        warned[k] += [note] if note else []
        return value
    classifier = KindClassifier(rules, memo)
    kinds = _kinds(entries, classifier, memo, keys, lambda k, classify: bounded("[page_kinds]", k, classify, "other",
                                                                               "kind `other`"))
    # (the kind without the site's labels keeps a page's counted fixes)
    entries = [_counted_kept(e, lambda k=k, e=e: bounded("[page_kinds]", k, lambda: classifier.unlabelled(e), "other",
                                                         "kind `other`") in classifier.step_kinds)
               for k, e in enumerate(entries)]
    # (the chooser reads each entry's kind too: `kind_named`)
    chooser = TitleChooser(rules.get("title_choice", "generic_words"), [e | {"kind": kind} for e, kind in zip(entries, kinds)],
                           rules.get("title_choice", "spin_patterns"),
                           memo, rules.get("title_choice", "compose_openers"), rules.get("title_choice", "compose_pronouns"),
                           (rules.get("title_spin", "prefixes"), rules.get("title_spin", "suffixes")),
                           rules.get("title_choice", "site_participles"), rules.get("title_choice", "spin_words"),
                           rules.get("title_choice", "spin_not_first"), rules.get("title_choice", "spin_labels"),
                           rules.get("title_choice", "confusables"), rules.get("title_choice", "message_words"),
                           rules.get("title_choice", "kind_nouns"), rules.get("title_choice", "not_explainers"),
                           rules.get("title_choice", "to_verbs"),
                           tuple(rules.get("title_choice", key) for key in ("lead_kinds", "lead_report", "lead_floor",
                                                                             "lead_margin")))
    out = []
    for k, (e, kind) in enumerate(zip(entries, kinds)):
        title = bounded("[title_choice]", k, lambda: chooser.chosen(k, e), e["title"], "title it had")
        alternates = sorted((set(e["alternate_titles"]) | {e["title"]}) - {title})
        head = {"id": e["id"], "title": title, "alternate_titles": alternates, "kind": kind}
        out.append(head | {k: v for k, v in e.items() if k not in head} | _warned(e, warned.get(k)))
    return out


def _kinds(entries: list[dict], classifier: KindClassifier, memo, keys, each) -> list[str]:
    """KindClassifier.classify_all, with the entries' own scores kept in `memo` by what they
    are read from (kinds.own; none for an entry without a cluster key: see build_entries)."""
    keys = ([k and digest(["kinds", own(e)]) for k, e in zip(keys, entries)]
            if memo is not None and len(keys) == len(entries) else [None] * len(entries))
    known = [memo.kind_scores(k) if k else None for k in keys]
    fresh = {k for k, s in zip(keys, known) if k and s is None}
    kinds = classifier.classify_all(entries, each, known)
    for k, s in zip(keys, known):
        if k in fresh and s is not None:
            memo.put_kind_scores(k, s)
    return kinds


def _warned(entry: dict, notes: list[str] | None) -> dict:
    """{"sources": ...} with `notes` added to the first source's warnings (new dicts), or {}."""
    if not notes:
        return {}
    first = entry["sources"][0]
    return {"sources": [first | {"warnings": first["warnings"] + notes}] + entry["sources"][1:]}


def cluster_key(groups: list[Group]) -> str | None:
    """What a cluster's entry depends on, besides the code, rules and options (which key
    the whole cache): each group's body and canonical title (its ident) and its members'
    paths and file hashes (their titles, dates and removals follow from those). None when
    a group has no ident (built outside the runner), or its chrome stripping ran over budget
    (its entry carries a warning a build on time does not give: neither is read for the other)."""
    if not all(g.ident and not g.late for g in groups):
        return None
    h = hashlib.sha256()
    for g in sorted(groups, key=lambda g: g.key):
        h.update(f"{g.key} {g.ident}\n".encode("ascii"))
        for a in sorted(g.members, key=lambda a: a.path):
            h.update(f"{a.sha256} {a.path}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def _entry(groups: list[Group], o: Options, clean_title, budget: Budget) -> Merged:
    groups = sorted(groups, key=lambda g: article_order(g.first))
    canonical = groups[0]
    entry_id = "kb-" + canonical.key[:12]
    members = sorted((a for g in groups for a in g.members), key=lambda a: a.path)
    (shown, titles, title), note = _titles(canonical, members, clean_title, budget)
    # every other title, cleaned as the title is (each source keeps its raw `title`)
    alternates = sorted(set(titles) - {title} | ({shown} - {title}))
    sections, section_id = _merged_sections(entry_id, groups, o)
    sources = [_source(a) for a in members]
    return {
        "id": entry_id,
        "title": title,
        "alternate_titles": alternates,
        "summary": canonical.structure.summary,
        "categories": _labels(a.categories for a in sorted(members, key=article_order)),
        "tags": _labels(a.tags for a in sorted(members, key=article_order)),
        "sections": sections,
        "steps": _merged_steps(entry_id, groups, section_id, o),
        "causes": _merged_causes(groups),
        "sources": sources,
    } | _warned({"sources": sources}, [note] if note else None)


def _merged_sections(entry_id: str, groups: list[Group], o: Options) -> tuple[list[dict], Callable]:
    """The cluster's sections merged (the canonical body's, the others' extras where they
    align), and a function from any member's section to its merged section's id."""
    sec_lists = [(g.structure.sections, sorted(a.source_id for a in g.members)) for g in groups]
    sec_slots, placed = _merge_lists(sec_lists, lambda s: (s.heading, s.text), o)
    sec_ids = _ids(entry_id, "sec", [s.item.heading or "intro" for s in sec_slots])
    # parent links and steps' sections: any member's section -> the index of its merged slot
    slot_at = {id(slot): k for k, slot in enumerate(sec_slots)}

    def section_id(section) -> str:
        return sec_ids[slot_at[id(placed[id(section)])]]

    owner_of = {id(x): g for g in reversed(groups) for x in g.structure.sections}  # first owner wins
    sections = []
    for k, slot in enumerate(sec_slots):
        s = slot.item
        parent = None
        if s.parent is not None:
            parent = section_id(owner_of[id(s)].structure.sections[s.parent])
        sections.append({
            "id": sec_ids[k], "heading": s.heading, "level": s.level, "kind": s.kind,
            "parent": parent, "text": s.text, "sources": sorted(set(slot.sources)),
            "variants": _variants(slot),
        })
    return sections, section_id


def _merged_steps(entry_id: str, groups: list[Group], section_id: Callable, o: Options) -> list[dict]:
    step_lists = []
    for g in groups:
        srcs = sorted(a.source_id for a in g.members)
        step_lists.append(([(st, g) for st in g.structure.steps], srcs))
    step_slots, _ = _merge_lists(step_lists, lambda sg: (sg[0].title, sg[0].text), o)
    step_ids = _ids(entry_id, "step", [slot.item[0].title for slot in step_slots])
    steps = []
    for k, slot in enumerate(step_slots):
        st, g = slot.item
        steps.append({
            "id": step_ids[k], "order": k + 1, "title": st.title, "text": st.text,
            "instructions": st.instructions, "ways": st.ways, "ui_paths": st.ui_paths, "shortcuts": st.shortcuts,
            "commands": st.commands, "images": st.images, "links": st.links,
            "promotional": st.promotional, "pitch": st.pitch, "section": section_id(g.structure.sections[st.section]),
            "sources": sorted(set(slot.sources)), "variants": _variants(slot),
        } | ({"counted": True} if st.counted else {}))
    return steps


def _counted_kept(entry: dict, kept: Callable[[], bool]) -> dict:
    """The entry without the marks of the steps read from the problems its page counts or heads by
    what goes wrong (Steps._counted_remedies, _remedy_runs), and without those steps unless `kept()`, its kind
    (read without them and without the site's labels: kinds.KindClassifier.unlabelled) being a step kind: a news story, a review's cons, a
    petition count problems and advise too ("3 problems the city must fix ... You can sign the
    petition"). A new dict when its steps change (the memoized entry stays as it was)."""
    if not any(s.get("counted") for s in entry["steps"]):
        return entry
    kept = kept()
    steps = [{k: v for k, v in s.items() if k != "counted"} for s in entry["steps"] if kept or not s.get("counted")]
    return entry | {"steps": [s | {"order": n} for n, s in enumerate(steps, 1)]}


def _merged_causes(groups: list[Group]) -> list[dict]:
    causes: dict[str, list[str]] = {}
    for g in groups:
        for c in g.structure.causes:
            causes.setdefault(c["text"], []).extend(a.source_id for a in g.members)
    return [{"text": t, "sources": sorted(set(s))} for t, s in causes.items()]


def _labels(lists) -> list[str]:
    """The members' front matter labels, each once (first spelling, earliest article first)."""
    seen = {}
    for labels in lists:
        for label in labels:
            seen.setdefault(label.lower(), label)
    return list(seen.values())


def _variants(slot: _Slot) -> list[dict]:
    return [{"text": t, "sources": sorted(set(s))} for t, s in sorted(slot.variants.items())]


def _ids(entry_id: str, kind: str, names: list[str]) -> list[str]:
    out, seen = [], Counter()
    for name in names:
        base = f"{kind}-" + _short(entry_id, " ".join(name.lower().split()))[:8]
        seen[base] += 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out


def _source(a: Article) -> dict:
    return {
        "id": a.source_id, "path": a.path, "title": a.title, "date": a.date, "sha256": a.sha256,
        "removed": a.removed, "warnings": a.warnings,
    }
