"""The build report: `build-report.json` for machines and `report.html` for people.

The page is one static file (no network: inline style, one inline script allowed by
hash in its Content-Security-Policy). Every piece of scraped text in it is escaped; the
script only shows and hides rows, it never inserts content.
"""
from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from pathlib import Path

from .write import dumps, write_atomic


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


def write_reports(output_dir: Path, doc: dict, timings: dict, notes: list[str],
                  filtered_out: list[dict] = ()) -> None:
    report = build_report(doc, timings, notes, filtered_out)
    write_atomic(Path(output_dir) / "build-report.json", dumps(report))
    write_atomic(Path(output_dir) / "report.html", render_html(report, doc).encode("utf-8", "backslashreplace"))


_SCRIPT = """
(function () {
  var errors = document.getElementById('errors');
  window.addEventListener('error', function (ev) { errors.textContent += 'error: ' + ev.message + '\\n'; });
  var box = document.getElementById('filter'), shown = document.getElementById('shown');
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-search]'));
  function apply() {
    var q = box.value.toLowerCase().trim(), n = 0;
    items.forEach(function (el) {
      var hit = !q || el.getAttribute('data-search').indexOf(q) >= 0;
      el.hidden = !hit;
      if (hit && el.classList.contains('entry')) { n++; }
    });
    shown.textContent = String(n);
    shown.setAttribute('data-count', String(n));
  }
  box.addEventListener('input', apply);
  apply();
})();
"""

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#222}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
.counts span{display:inline-block;margin:0 1rem .3rem 0}.counts b{font-size:1.1rem}
#filter{width:100%;padding:.45rem;font-size:1rem;margin:.6rem 0;box-sizing:border-box}
.entry{border:1px solid #ddd;border-radius:6px;padding:.4rem .7rem;margin:.35rem 0}
.entry h3{font-size:1rem;margin:.1rem 0}.meta{color:#666;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.3rem 0}
td,th{border-bottom:1px solid #eee;padding:.15rem .4rem;text-align:left;vertical-align:top}
code{font-size:.85rem}summary{cursor:pointer;color:#245}#errors:empty{display:none}
#errors{color:#b00;white-space:pre}
"""


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def render_html(report: dict, doc: dict) -> str:
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
    c = report["counts"]
    counts = "".join(f"<span>{_e(k.replace('_', ' '))}: <b>{_e(v)}</b></span>" for k, v in c.items())
    removed = ", ".join(f"{_e(k)} {_e(v)}" for k, v in report["removed"].items()) or "nothing"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        f"style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Knowledge base build report</title>", f"<style>{_STYLE}</style></head><body>",
        "<h1>Knowledge base build report</h1>", f'<div class="counts">{counts}</div>',
        f'<p class="meta">Removed from sources: {removed}</p>',
        '<pre id="errors"></pre>',
        '<input id="filter" type="search" placeholder="Filter entries, sources, warnings, rejected files…" '
        'aria-label="filter">',
        f'<h2>Entries (<span id="shown">{len(doc["entries"])}</span> shown of {len(doc["entries"])})</h2>',
    ]
    parts += [_entry_html(e) for e in doc["entries"]]
    parts.append(f"<h2>Rejected files ({len(report['rejected'])})</h2>")
    parts.append(_table(["file", "reason"], [[r["path"], r["error"]] for r in report["rejected"]], True))
    parts.append(f"<h2>Warnings ({len(report['warnings'])})</h2>")
    parts.append(_table(["file", "warning"], [[w["path"], w["warning"]] for w in report["warnings"]], True))
    if report["notes"]:
        parts.append("<h2>Build notes</h2>" + _table(["note"], [[n] for n in report["notes"]]))
    parts.append(f"<script>{_SCRIPT}</script></body></html>\n")
    return "\n".join(parts)


def _entry_html(e: dict) -> str:
    search = " ".join([e["id"], e["title"]] + [s["path"] for s in e["sources"]]).lower()
    removed: Counter = Counter()
    for s in e["sources"]:
        removed.update(s["removed"])
    sources = _table(["source", "published title", "removed (by kind)", "warnings"], [
        [s["path"], s["title"], ", ".join(f"{k} {n}" for k, n in s["removed"].items()), "; ".join(s["warnings"])]
        for s in e["sources"]])
    sections = _table(["section", "kind", "sources", "variants"], [
        [("  " * max(s["level"] - 1, 0)) + (s["heading"] or "(introduction)"), s["kind"], len(s["sources"]),
         len(s["variants"])] for s in e["sections"]])
    return (f'<div class="entry" data-search="{_e(search)}"><h3>{_e(e["title"])}</h3>'
            f'<div class="meta"><code>{_e(e["id"])}</code> · {len(e["sources"])} sources · '
            f'{len(e["steps"])} steps · {len(e["sections"])} sections · removed: '
            f'{_e(sum(removed.values()))}</div>'
            f"<details><summary>Merged sections</summary>{sections}</details>"
            f"<details><summary>Sources</summary>{sources}</details></div>")


def _table(head: list[str], rows: list[list], filterable: bool = False) -> str:
    if not rows:
        return '<p class="meta">none</p>'
    out = ["<table><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr>"]
    for row in rows:
        attr = f' data-search="{_e(" ".join(str(v) for v in row).lower())}"' if filterable else ""
        out.append(f"<tr{attr}>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>")
    return "".join(out) + "</table>"
