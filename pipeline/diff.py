"""Compare two kb.json files by entry id, for review in CI.

An entry is added, removed, or changed: its title, its steps (matched by id, then by
title), its sources (by path), or its text (summary, alternate titles, causes, sections,
the text of a step that kept its title). An entry of OLD whose id is gone from NEW but whose
sources are mostly those of a new id (a rule change changed its canonical body, from which
the id is derived) is that entry with its id changed, not one removed and one added.
Output as text, JSON or markdown (a pull-request comment or a CI step summary); titles are
scraped text, so markdown output escapes them.
"""
from __future__ import annotations

import hashlib
import json
import re

import orjson
from pathlib import Path


def _loads(data: bytes):
    """json.loads of the UTF-8 text; orjson first (a 70 MB kb.json in a tenth of the time),
    json for what orjson refuses (a lone surrogate's escape, NaN, a huge integer) and for
    the error's line."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data.decode("utf-8"))


class DiffError(Exception):
    """A kb.json that cannot be read or is not a knowledge base."""


def load_kb(path: Path) -> dict:
    try:
        doc = _loads(Path(path).read_bytes())
    except OSError as exc:
        raise DiffError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise DiffError(f"{path}: not valid JSON{where}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("entries"), list) or not all(
            isinstance(e, dict) and isinstance(e.get("id"), str) for e in doc["entries"]):
        raise DiffError(f"{path}: not a kb.json (no list of entries with ids)")
    return doc


VIEW_FORMAT = 2  # (what `entry_view` keeps: a view kept by another version is not read; 2: a step's digest
# covers its instructions and ways)


def diff_kb(old: dict, new: dict) -> dict:
    """{'added': [...], 'removed': [...], 'changed': [...], 'counts': {...}}, sorted by id
    (a changed entry whose id changed sorts by its new id and names its old one)."""
    return diff_views([entry_view(e) for e in old["entries"]], [entry_view(e) for e in new["entries"]])


def entry_view(e: dict) -> dict:
    """What the comparison reads of an entry, its texts as digests (a few KB for an entry of
    megabytes: the report keeps the views of the kb.json it wrote, so that the next build
    compares with them and does not parse that kb.json again). Its keys: id, title (only
    when the entry has one), how many steps and sources, the sources' paths, the steps' keys
    with their titles and the digests of what a reader follows in them (text, instructions,
    ways), the digests of the summary, alternate titles and causes, and of each section."""
    steps = [s for s in e.get("steps") or [] if isinstance(s, dict)]
    view = {"id": e["id"], "steps": len(e.get("steps") or []), "sources": len(e.get("sources") or []),
            "paths": sorted(_paths(e)),
            "step_list": [[_step_key(s), str(s.get("title", "")), _step_digest(s)] for s in steps],
            "texts": [_digest(json.dumps(e.get(f), sort_keys=True)) for f in TEXTS],
            "sections": sorted({_digest(json.dumps([str(s.get("heading")), str(s.get("kind")), str(s.get("text"))]))
                                for s in e.get("sections") or [] if isinstance(s, dict)})}
    if "title" in e:
        view["title"] = e["title"]
    return view


TEXTS = ("summary", "alternate_titles", "causes")  # (compared whole: entry_view's "texts")


def _step_digest(s: dict) -> str:
    """A step's text with its sub-steps and ways: a step whose text stays but whose `instructions` or
    `ways` change (the sub-steps read anew, ways split apart) is changed for a reader too."""
    text = str(s.get("text", ""))
    if not s.get("instructions") and not s.get("ways"):
        return _digest(text)  # (a step of no sub-steps: its text alone, as a kb.json without them read)
    return _digest(json.dumps([text, s.get("instructions") or [], s.get("ways") or []], sort_keys=True))


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def diff_views(old: list[dict], new: list[dict]) -> dict:
    """diff_kb over the entries' views (entry_view)."""
    a = {e["id"]: e for e in old}
    b = {e["id"]: e for e in new}
    moved = _moved(a, b)  # new id -> old id
    same = {i: i for i in a.keys() & b.keys()} | moved
    added = [_brief(b[i]) for i in sorted(b.keys() - same.keys())]
    removed = [_brief(a[i]) for i in sorted(a.keys() - set(same.values()))]
    changed = [c for i in sorted(same) if (c := _changes(a[same[i]], b[i]))]
    return {
        "counts": {"old": len(a), "new": len(b), "added": len(added), "removed": len(removed),
                   "changed": len(changed), "unchanged": len(same) - len(changed), "id_changed": len(moved)},
        "added": added, "removed": removed, "changed": changed,
    }


def _moved(a: dict, b: dict) -> dict[str, str]:
    """New id -> old id for the entries whose id changed: an old id missing from NEW and a
    new id missing from OLD whose sources (paths) are more than half the same, best overlap
    first (ties by id)."""
    gone = {i: set(a[i]["paths"]) for i in a.keys() - b.keys()}
    new = {i: set(b[i]["paths"]) for i in b.keys() - a.keys()}
    owner = {p: i for i, paths in new.items() for p in paths}
    pairs = []
    for old_id, paths in gone.items():
        for new_id in sorted({owner[p] for p in paths if p in owner}):
            shared = len(paths & new[new_id])
            if shared * 2 > len(paths | new[new_id]):
                pairs.append((-shared, old_id, new_id))
    out: dict[str, str] = {}
    for _, old_id, new_id in sorted(pairs):
        if new_id not in out and old_id not in out.values():
            out[new_id] = old_id
    return out


def _brief(v: dict) -> dict:
    return {"id": v["id"], "title": str(v.get("title", "")), "steps": v["steps"], "sources": v["sources"]}


def _changes(a: dict, b: dict) -> dict | None:
    out: dict = {}
    if a["id"] != b["id"]:
        out["id_changed"] = {"old": a["id"], "new": b["id"]}
    if a.get("title") != b.get("title"):
        out["title_changed"] = {"old": a.get("title"), "new": b.get("title")}
    sa, sb = _steps(a), _steps(b)
    if added := [sb[k] for k in sorted(sb.keys() - sa.keys())]:
        out["steps_added"] = added
    if gone := [sa[k] for k in sorted(sa.keys() - sb.keys())]:
        out["steps_removed"] = gone
    pa, pb = set(a["paths"]), set(b["paths"])
    if added := sorted(pb - pa):
        out["sources_added"] = added
    if gone := sorted(pa - pb):
        out["sources_removed"] = gone
    if text := _text_changes(a, b):
        out["text_changed"] = text
    return {"id": b["id"], "title": str(b.get("title", "")), **out} if out else None


def _text_changes(a: dict, b: dict) -> dict:
    """What else a reader would see changed: the summary, alternate titles or causes (True),
    how many sections differ (heading, kind or text), how many steps kept their title but
    not their text, sub-steps or ways."""
    out: dict = {f: True for f, x, y in zip(TEXTS, a["texts"], b["texts"]) if x != y}
    sa, sb = set(a["sections"]), set(b["sections"])
    if differ := max(len(sa - sb), len(sb - sa)):
        out["sections"] = differ
    ta, tb = _steps(a, 2), _steps(b, 2)
    if differ := sum(1 for k in ta.keys() & tb.keys() if ta[k] != tb[k]):
        out["steps"] = differ
    return out


def _steps(v: dict, field: int = 1) -> dict[str, str]:
    """Step key -> title (field 1) or its text's digest (2). Ids are stable; a step whose id
    changed but whose title did not is the same step."""
    return {s[0]: s[field] for s in v["step_list"]}


def _step_key(s: dict) -> str:
    return " ".join(str(s.get("title", "")).lower().split()) or str(s.get("id"))


def _paths(e: dict) -> set[str]:
    return {str(s.get("path", s.get("id"))) for s in e.get("sources") or [] if isinstance(s, dict)}


# ------------------------------------------------------------------- formats

def as_json(d: dict) -> str:
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"


def as_text(d: dict) -> str:
    c = d["counts"]
    lines = [f"{c['old']} -> {c['new']} entries: {_tally(c)}"]
    for e in d["added"]:
        lines.append(f"+ {e['id']}  {_one_line(e['title'])}  ({e['steps']} steps, {e['sources']} sources)")
    for e in d["removed"]:
        lines.append(f"- {e['id']}  {_one_line(e['title'])}")
    for e in d["changed"]:
        lines.append(f"~ {e['id']}  {_one_line(e['title'])}")
        lines.extend(f"    {line}" for line in change_lines(e, _one_line))
    return "\n".join(lines) + "\n"


def as_markdown(d: dict) -> str:
    c = d["counts"]
    out = ["### Knowledge base changes", "",
           f"**{c['old']} → {c['new']} entries**: {_tally(c)}", ""]
    if d["added"] or d["removed"]:
        out += ["| | id | title | steps | sources |", "|---|---|---|---:|---:|"]
        out += [f"| added | `{e['id']}` | {md_escape(e['title'])} | {e['steps']} | {e['sources']} |"
                for e in d["added"]]
        out += [f"| **removed** | `{e['id']}` | {md_escape(e['title'])} | {e['steps']} | {e['sources']} |"
                for e in d["removed"]]
        out.append("")
    if d["changed"]:
        out += ["<details><summary>Changed entries</summary>", ""]
        for e in d["changed"]:
            out.append(f"- `{e['id']}` {md_escape(e['title'])}")
            out.extend(f"  - {line}" for line in change_lines(e, md_escape))
        out += ["", "</details>", ""]
    return "\n".join(out)


def _tally(c: dict) -> str:
    moved = f" ({c['id_changed']} with a new id)" if c["id_changed"] else ""
    return f"{c['added']} added, {c['removed']} removed, {c['changed']} changed{moved}, {c['unchanged']} unchanged"


def change_lines(e: dict, show) -> list[str]:
    lines = []
    if "id_changed" in e:
        lines.append(f"id: {e['id_changed']['old']} → {e['id_changed']['new']}")
    if "title_changed" in e:
        lines.append(f"title: {show(str(e['title_changed']['old']))} → {show(str(e['title_changed']['new']))}")
    for key, label in (("steps_added", "step added"), ("steps_removed", "step removed"),
                       ("sources_added", "source added"), ("sources_removed", "source removed")):
        lines.extend(f"{label}: {show(v)}" for v in e.get(key, []))
    if text := e.get("text_changed"):
        names = {"summary": "summary", "alternate_titles": "alternate titles", "causes": "causes"}
        parts = [names[k] for k in names if k in text]
        parts += [f"{text[k]} {k if text[k] > 1 else k[:-1]}" for k in ("sections", "steps") if k in text]
        lines.append("text: " + ", ".join(parts))
    return lines


def _one_line(s: str) -> str:
    return " ".join(s.split())


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&])")


def md_escape(s: str) -> str:
    """Scraped text as literal markdown on one line: no links, HTML, code or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", _one_line(s))
