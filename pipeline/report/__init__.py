"""The build report: `build-report.json` for machines, and for people `report.html` with
its pages under `report/`.

report.html is small at any size: the counts, what was removed by kind, the comparison
with the previous build in the folder, and one row per entry as JSON that its script
filters, sorts and shows a page of rows at a time (the view kept in the URL's hash). Each
row links to the entry on a static page of at most PAGE_ENTRIES entries and about PAGE_BYTES
(report/entries-NNNN.html; an entry of hundreds of spun copies fills a page alone):
summary, steps (promotional ones and pitches flagged), merged sections, and per source
what the cleaner removed, by kind and as text before/after (removed.py). report/problems.html
lists rejected files, warnings, notes, entries left out and entries gone since the previous
build. No network, no script but the index's own (allowed by hash in a strict
Content-Security-Policy; it writes text only, never markup); every piece of scraped text is
escaped.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from importlib import resources
from pathlib import Path

from .. import code_digest, cyclic_gc_off
from ..clean import Cleaner
from ..cache import file_sha256, read_record, record_for, write_record
from ..diff import VIEW_FORMAT, DiffError, diff_views, entry_view, load_kb
from ..rules import load_rules
from ..safety import Scrubber
from ..write import dumps, write_atomic
from . import memo
from .memo import FragmentMemo
from .pages import Sources, e, entry_html, table

PAGE_ENTRIES = 100
PAGE_BYTES = 1 << 20  # a page closes once it holds this much (an entry is never split)
PREVIOUS = ".report-previous-kb.json"  # the folder's kb.json as it was before this build
VIEWS = "report-views"  # (in the cache folder) the entries' views (diff.entry_view) of the kb.json the last build wrote


def build_report(doc: dict, timings: dict, notes: list[str], filtered_out: list[dict] = ()) -> dict:
    entries = doc["entries"]
    return {
        "report_version": "1.0",
        "counts": {**{k: v for k, v in doc["stats"].items() if not isinstance(v, dict)},
                   "sections": sum(len(e["sections"]) for e in entries)},
        "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
        "removed": doc["stats"].get("removed", {}),
        "clusters": [{"entry": e["id"], "title": e["title"], "size": len(e["sources"]),
                      "sources": [s["path"] for s in e["sources"]]} for e in entries],
        "warnings": [{"path": s["path"], "warning": w} for e in entries for s in e["sources"]
                     for w in s["warnings"]],
        "rejected": doc["rejected"],
        "filtered_out": list(filtered_out),  # entries `build --kinds` left out of kb.json
        "notes": list(notes),
    }


def stash_previous(output_dir: Path) -> None:
    """Keep the folder's kb.json, before a build replaces it, for the report to compare
    with: a hard link (kb.json is replaced by rename, so the link keeps the old file at no
    cost), or a copy where links are refused."""
    kb, keep = Path(output_dir) / "kb.json", Path(output_dir) / PREVIOUS
    keep.unlink(missing_ok=True)
    if not kb.is_file():
        return
    try:
        os.link(kb, keep)
    except OSError:
        write_atomic(keep, kb.read_bytes(), durable=False)


def write_reports(output_dir: Path, doc: dict, timings: dict, notes: list[str], filtered_out: list[dict] = (),
                  input_dir: Path | None = None, rules=None, cache_dir: Path | None = None,
                  kb_sha: str | None = None) -> None:
    """build-report.json, report.html and report/*.html. `input_dir`: where the sources are,
    to show the text the cleaner removed (none without it); `cache_dir`: where the tables
    that text fills and the entries' views the next build compares with are kept between
    builds (memo.py, VIEWS; None: not kept); `kb_sha`: kb.json's sha256 if known."""
    output_dir = Path(output_dir)
    report = build_report(doc, timings, notes, filtered_out)
    diff = _previous_diff(output_dir, doc, report, cache_dir and Path(cache_dir) / VIEWS, kb_sha)
    write_atomic(output_dir / "build-report.json", dumps(report))
    rules = rules or load_rules()
    fragments = FragmentMemo(cache_dir and Path(cache_dir) / memo.NAME, f"{code_digest()} {rules.digest}")
    src = Sources(input_dir, Scrubber(rules.get("safe_schemes", "never")), Cleaner(rules), fragments=fragments)
    pages, page_of = write_pages(output_dir / "report", doc, report, diff, src)
    fragments.save()
    write_atomic(output_dir / "report.html",
                 render_index(report, doc, diff, pages, page_of).encode("utf-8", "backslashreplace"))


def _previous_diff(output_dir: Path, doc: dict, report: dict, views: Path | None, kb_sha: str | None) -> dict | None:
    """The comparison with the kb.json this build replaced (PREVIOUS), over the entries' views
    (diff.entry_view): that kb.json's from `views`, kept by the build that wrote it, when they
    were kept for its bytes, else from parsing it (30k articles: 70 MB parsed is 113 MB over the
    rebuild's own peak; the views are a few MB). The new entries' views are kept there in turn."""
    keep, kb = output_dir / PREVIOUS, output_dir / "kb.json"
    diff = new = None
    known = False  # the views kept are kept for this kb.json's bytes
    if keep.is_file():
        # The cyclic garbage collector is off while the views are made, read and compared: JSON
        # makes no cycles, and each collection a parse's objects set off would walk them and
        # the build's document again (30k articles: 0.65 -> 0.31 s of CPU).
        try:
            with cyclic_gc_off():
                same = os.path.samefile(keep, kb)  # (kb.json not replaced, its bytes being the same: it is `doc`)
                kept = _kept_views(views, keep, kb_sha if same else None)
                known = same and kept is not None
                new = kept if known else [entry_view(e) for e in doc["entries"]]
                old = new if same else kept if kept is not None else [entry_view(e) for e in load_kb(keep)["entries"]]
                diff = diff_views(old, new)
        except (DiffError, OSError) as exc:
            report["notes"].append(f"previous build not compared: {exc}")
        finally:
            keep.unlink(missing_ok=True)
        if diff is not None:
            report["previous_build"] = diff["counts"]
    if views is not None and not known:
        _keep_views(views, kb, kb_sha, new if new is not None else [entry_view(e) for e in doc["entries"]])
    return diff


def _kept_views(views: Path | None, kb: Path, kb_sha: str | None = None) -> list[dict] | None:
    """The views `views` keeps, when they are whole, of this version and kept for kb's bytes
    (`kb_sha`: their sha256 if known, else kb is hashed)."""
    if views is None:
        return None
    try:
        rec = read_record(views) if kb_sha else record_for(views, kb)
    except (OSError, ValueError):
        return None
    if not (isinstance(rec, dict) and rec.get("kb") == (kb_sha or rec.get("kb")) and rec.get("format") == VIEW_FORMAT
            and _valid_views(rec.get("entries"))):
        return None
    return rec["entries"]


def _valid_views(views) -> bool:
    strs = lambda xs: isinstance(xs, list) and all(isinstance(x, str) for x in xs)  # noqa: E731
    return isinstance(views, list) and all(
        isinstance(v, dict) and isinstance(v.get("id"), str) and type(v.get("steps")) is int
        and type(v.get("sources")) is int and strs(v.get("paths")) and strs(v.get("sections"))
        and strs(v.get("texts")) and len(v["texts"]) == 3 and isinstance(v.get("step_list"), list)
        and all(strs(s) and len(s) == 3 for s in v["step_list"]) for v in views)


def _keep_views(views: Path, kb: Path, kb_sha: str | None, rows: list[dict]) -> None:
    """The views of the kb.json just written, under its sha256, for the next build's comparison."""
    try:
        kb_sha = kb_sha or file_sha256(kb)
        views.parent.mkdir(parents=True, exist_ok=True)
        write_record(views, {"kb": kb_sha, "format": VIEW_FORMAT, "entries": rows})
    except OSError:
        pass  # (an accelerator only)


def write_pages(folder: Path, doc: dict, report: dict, diff: dict | None, src: Sources) -> tuple[list[str], list[int]]:
    """The entry pages and problems.html; stale entry pages of a larger build removed.
    Returns the entry pages' names and each entry's page (its index in the names)."""
    folder.mkdir(parents=True, exist_ok=True)
    changes = {} if diff is None else {**{a["id"]: {} for a in diff["added"]}, **{c["id"]: c for c in diff["changed"]}}
    entries = doc["entries"]
    names: list[str] = []
    page_of: list[int] = []
    chunk: list[str] = []
    size = 0
    for i, x in enumerate(entries):
        chunk.append(entry_html(x, changes.get(x["id"]), src))
        size += len(chunk[-1].encode("utf-8", "surrogatepass"))
        page_of.append(len(names))
        if len(chunk) == PAGE_ENTRIES or size >= PAGE_BYTES or i == len(entries) - 1:
            names.append(f"entries-{len(names) + 1:04d}.html")
            title = f"Entries {i + 2 - len(chunk)}-{i + 1} of {len(entries)}"
            write_atomic(folder / names[-1], _page(title, "\n".join(chunk)), durable=False)
            chunk, size = [], 0
    for old in folder.glob("entries-*.html"):
        if old.name not in names:
            old.unlink(missing_ok=True)
    write_atomic(folder / "problems.html", _page("Rejected files, warnings and notes", _problems(report, diff)),
                 durable=False)
    return names, page_of


def _problems(report: dict, diff: dict | None) -> str:
    gone = diff["removed"] if diff else []
    return "\n".join([
        f"<h2>Rejected files ({len(report['rejected'])})</h2>",
        table(["file", "reason"], [[r["path"], r["error"]] for r in report["rejected"]]),
        f"<h2>Warnings ({len(report['warnings'])})</h2>",
        table(["file", "warning"], [[w["path"], w["warning"]] for w in report["warnings"]]),
        f"<h2>Entries gone since the previous build ({len(gone)})</h2>",
        table(["id", "title", "steps", "sources"], [[g["id"], g["title"], g["steps"], g["sources"]] for g in gone]),
        f"<h2>Entries left out by --kinds ({len(report['filtered_out'])})</h2>",
        table(["id", "title", "kind"], [[f.get("id"), f.get("title"), f.get("kind")] for f in report["filtered_out"]]),
        f"<h2>Build notes ({len(report['notes'])})</h2>", table(["note"], [[n] for n in report["notes"]])])


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


_SLOT = re.compile(r"\{\{([A-Z_]+)\}\}")


def _fill(template: str, values: dict[str, str]) -> str:
    """One pass: text put into a slot is never read for slots itself."""
    return _SLOT.sub(lambda m: values[m.group(1)], template)


def _page(title: str, body: str) -> bytes:
    return _fill(_asset("page.html"), {"TITLE": e(title), "STYLE": _asset("report.css"), "BODY": body}).encode(
        "utf-8", "backslashreplace")


def _json_for_script(data) -> str:
    """JSON that cannot end its <script> element: ASCII, with <, > and & as escapes."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_index(report: dict, doc: dict, diff: dict | None, pages: list[str], page_of: list[int]) -> str:
    script = _asset("report.js")
    changes = {} if diff is None else {**{a["id"]: "new" for a in diff["added"]},
                                       **{c["id"]: "changed" for c in diff["changed"]}}
    rows = [[x["id"], x["title"], x.get("kind", ""), len(x["sources"]), len(x["steps"]),
             sum(1 for s in x["steps"] if s.get("promotional")),
             sum(n for s in x["sources"] for n in s["removed"].values()), page_of[i], changes.get(x["id"], "")]
            for i, x in enumerate(doc["entries"])]
    kinds = sorted({r[2] for r in rows})
    return _fill(_asset("index.html"), {
        "SCRIPT_HASH": base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii"),
        "STYLE": _asset("report.css"), "SCRIPT": script, "N": str(len(rows)),
        "COUNTS": "".join(f"<span>{e(k.replace('_', ' '))}: <b>{e(v)}</b></span>" for k, v in report["counts"].items()),
        "REMOVED": ", ".join(f"{e(k)} {e(v)}" for k, v in report["removed"].items()) or "nothing",
        "DIFF": _diff_line(diff), "KIND_OPTIONS": "".join(f'<option value="{e(k)}">{e(k)}</option>' for k in kinds),
        "LINKS": f'<a href="report/problems.html">{len(report["rejected"])} rejected files, '
                 f'{len(report["warnings"])} warnings, {len(report["notes"])} notes</a>',
        "DATA": _json_for_script({"pages": pages, "rows": rows}),
    })


def _diff_line(diff: dict | None) -> str:
    if diff is None:
        return "No previous build in this folder to compare with."
    c = diff["counts"]
    return (f"Since the previous build in this folder: {c['old']} → {c['new']} entries, {c['added']} new, "
            f"{c['changed']} changed ({c['id_changed']} with a new id), {c['removed']} gone, "
            f"{c['unchanged']} unchanged.")
