"""The guard on kb.json: a build that would drop most of the entries of the kb.json already
in the output folder is refused (a wrong --input or a half-synced scrape), unless
--allow-shrink."""
from __future__ import annotations

from pathlib import Path

import orjson

from .ingest import InputError


class WouldShrink(InputError):
    """The build would drop most of the entries of the kb.json already in the output folder."""


def previous_entries(output_dir: Path) -> list[tuple[str, str, list[str]]]:
    """(id, title, source paths) of each entry of OUTPUT/kb.json, [] when there is none that
    parses. Read before the build, so that only these stay in memory."""
    try:
        doc = orjson.loads((Path(output_dir) / "kb.json").read_bytes())
        return [(str(e["id"]), str(e.get("title", "")), [str(s.get("path")) for s in e.get("sources") or []])
                for e in doc["entries"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


def check_shrink(previous: list[tuple[str, str, list[str]]], entries: list[dict], kb: Path) -> None:
    """Refuse (WouldShrink) a build that drops more than half of the previous kb.json's
    entries: a wrong --input or a half-synced scrape, not a change of the articles. An entry
    is kept when its id is still there or more than half of its sources are (a new rule set
    can change an id; `diff` pairs them so)."""
    ids = {e["id"] for e in entries}
    paths = {s["path"] for e in entries for s in e["sources"]}
    dropped = [(i, t) for i, t, srcs in previous
               if i not in ids and 2 * sum(p in paths for p in srcs) <= len(srcs)]
    if 2 * len(dropped) > len(previous):
        shown = "; ".join(f"{i} {t!r}" for i, t in dropped[:5]) + (f"; ... {len(dropped) - 5} more" if len(dropped) > 5 else "")
        raise WouldShrink(f"this build would drop {len(dropped)} of the {len(previous)} entries of {kb} "
                          f"({shown}); kb.json was not written. Check the input folder, or pass --allow-shrink")
