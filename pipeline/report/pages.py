"""The report's entry pages (report/entries-NNNN.html): static HTML, no script, every piece
of scraped text escaped (and removed text scrubbed too: it is the ads and scripts the
cleaner took out). One entry at a time is turned into HTML, so memory stays that of a page.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field

from ..clean import Cleaner
from ..diff import change_lines
from ..safety import Scrubber
from .memo import FragmentMemo
from .removed import kept_lines, removed_blocks, source_body

TEXT_MAX = 700  # characters of a summary or step text shown
MAX_DISTINCT = 16  # removed blocks shown per entry (a block repeated across sources once)
MEMO_LIMIT = 20_000  # removed blocks whose kinds are remembered
MAX_COMPARED = 6  # sources per entry read again for their removed text (spun copies repeat it)


@dataclass
class Sources:
    """Where the sources are (None: not given), and what reads what was removed from them."""
    root: object
    scrub: Scrubber
    cleaner: Cleaner
    memo: dict = field(default_factory=dict)  # the same ads recur across articles
    fragments: FragmentMemo = field(default_factory=lambda: FragmentMemo(None, ""))  # earlier builds' tables

    def kinds(self, block: str) -> str:
        """What the cleaner finds in the block alone (in its article, context such as a
        lead-in or repetition across articles may have counted too); an earlier build's
        answer when `fragments` kept it."""
        if block not in self.memo:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            found = self.fragments.kinds(block)
            if found is None:
                found = ", ".join(self.cleaner.clean(block).removed) or "-"
                self.fragments.put_kinds(block, found)
            self.memo[block] = found
        return self.memo[block]


def e(value) -> str:
    return html.escape(str(value), quote=True)


def _short(text: str) -> str:
    return text if len(text) <= TEXT_MAX else text[:TEXT_MAX] + " …"


def entry_html(entry: dict, change: dict | None, src: Sources) -> str:
    n_promo = sum(1 for s in entry["steps"] if s.get("promotional"))
    state = "new since the previous build" if change == {} else ("changed" if change else "")
    parts = [f'<section class="entry" id="{e(entry["id"])}"><h2>{e(entry["title"])}</h2>',
             f'<p class="meta"><code>{e(entry["id"])}</code> · {e(entry.get("kind", ""))} · '
             f'{len(entry["sources"])} sources · {len(entry["steps"])} steps ({n_promo} promotional)'
             f'{" · <b>" + state + "</b>" if state else ""}</p>']
    if change:
        parts.append("<ul class=\"changes\">" + "".join(f"<li>{e(ln)}</li>" for ln in change_lines(change, str))
                     + "</ul>")
    parts.append(f'<h3>Summary</h3><p class="summary">{e(_short(entry.get("summary", ""))) or "(none)"}</p>')
    parts.append(_steps_html(entry["steps"]))
    parts.append(_sections_html(entry["sections"]))
    parts.append(_sources_html(entry, src))
    return "".join(parts) + "</section>"


def _steps_html(steps: list[dict]) -> str:
    if not steps:
        return '<h3>Steps</h3><p class="meta flag">no steps</p>'
    items = []
    for s in steps:
        flags = ('<span class="flag">promotional</span>' if s.get("promotional") else "") + (
            '<span class="flag">pitch</span>' if s.get("pitch") else "")
        pitch = "".join(f'<div class="pitch">{e(_short(p))}</div>' for p in s.get("pitch", []))
        cls = ' class="promo"' if s.get("promotional") else ""
        items.append(f"<li{cls}><b>{e(s['title'])}</b> {flags}<div class=\"text\">{e(_short(s['text']))}</div>"
                     f"{pitch}</li>")
    return f"<h3>Steps</h3><ol>{''.join(items)}</ol>"


def _sections_html(sections: list[dict]) -> str:
    rows = [[("\u2003" * max(s["level"] - 1, 0)) + (s["heading"] or "(introduction)"), s["kind"],
             len(s["sources"]), len(s["variants"])] for s in sections]
    return f"<details><summary>Merged sections ({len(rows)})</summary>" + table(
        ["section", "kind", "sources", "variants"], rows) + "</details>"


def _sources_html(entry: dict, src: Sources) -> str:
    """_compared_sources, or the same table an earlier build made of the same entry and files."""
    key = src.fragments.key(entry, src.root, [s["path"] for s in entry["sources"][:MAX_COMPARED]])
    out = src.fragments.get(key)
    if out is None:
        out = _compared_sources(entry, src)
        src.fragments.put(key, out)
    return out


def _compared_sources(entry: dict, src: Sources) -> str:
    """Each source with what the cleaner removed by kind, and the removed text: distinct
    blocks once, before/after and their kinds, with how many sources they came from."""
    kept = kept_lines(entry) if src.root is not None else None
    seen: dict[tuple[str, str], int] = {}
    counts: Counter = Counter()
    rows = []
    for i, s in enumerate(entry["sources"], 1):
        refs = "not compared (no input folder given)" if kept is None else "(not compared: one of many copies)"
        if kept is not None and i <= MAX_COMPARED:
            body = source_body(src.root, s)
            refs = "source changed or unreadable since the build" if body is None else ""
            for b in removed_blocks(body or "", kept):
                n = seen.setdefault((b.before, b.after), len(seen) + 1)
                counts[n] += 1
                refs += f" #{n}"
        rows.append([i, s["path"], s["title"], ", ".join(f"{k} {n}" for k, n in s["removed"].items()),
                     "; ".join(s["warnings"]), refs.strip()])
    out = [f"<details open><summary>Sources and what the cleaner removed ({len(rows)})</summary>",
           table(["#", "source", "published title", "removed (by kind)", "warnings", "removed text"], rows)]
    if seen:
        out.append('<table class="removed"><tr><th>#</th><th>kind</th><th>before (in the source)</th>'
                   "<th>after (in the entry)</th><th>sources</th></tr>")
        for (before, after), n in list(seen.items())[:MAX_DISTINCT]:
            out.append(f'<tr><td>#{n}</td><td>{e(src.kinds(before))}</td>'
                       f'<td><pre class="before">{e(src.scrub.text(before))}</pre></td>'
                       f'<td><pre class="after">{e(src.scrub.text(after)) or "(removed)"}</pre></td>'
                       f'<td>{counts[n]}</td></tr>')
        out.append("</table>")
        if len(seen) > MAX_DISTINCT:
            out.append(f'<p class="meta">and {len(seen) - MAX_DISTINCT} more distinct removed blocks</p>')
    return "".join(out) + "</details>"


def table(head: list[str], rows: list[list]) -> str:
    if not rows:
        return '<p class="meta">none</p>'
    out = ["<table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{e(v)}</td>" for v in row) + "</tr>" for row in rows]
    return "".join(out) + "</table>"
