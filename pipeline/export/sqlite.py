"""OUTPUT/kb.sqlite: the knowledge base as related tables, with a full-text index, built
with sqlite-utils and opened by Datasette (or sqlite3, DuckDB) as it is.

Tables: entries (id), alternate_titles, sections and steps (entry_id, id), causes,
sources (id), each row's entry_id a foreign key to entries; lists are JSON columns.
`entries_search` holds one row per entry (title, alternate titles, summary, step text) with
an FTS5 index, `entries_search_fts`, that `pipeline search` ranks with BM25.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .howto import plain

if TYPE_CHECKING:  # (imported where a database is made: a build without --format sqlite never needs it, ~0.2 CPU s)
    import sqlite_utils

SEARCH_COLUMNS = ["title", "alternate_titles", "summary", "steps"]


def _row(d: dict, skip=()) -> dict:
    """Scalars as they are; lists and dicts stay (sqlite-utils stores them as JSON text)."""
    return {k: v for k, v in d.items() if k not in skip}


def fill(db: sqlite_utils.Database, doc: dict) -> None:
    entries = doc["entries"]
    db["entries"].insert_all(
        (dict(_row(e, ("sections", "steps", "causes", "sources", "alternate_titles")),
              sources=len(e["sources"]), steps=len(e["steps"])) for e in entries),
        pk="id")
    db["alternate_titles"].insert_all(
        ({"entry_id": e["id"], "title": t} for e in entries for t in e["alternate_titles"]),
        foreign_keys=[("entry_id", "entries", "id")])
    db["sections"].insert_all(
        (dict(_row(s), entry_id=e["id"]) for e in entries for s in e["sections"]),
        pk=("entry_id", "id"), foreign_keys=[("entry_id", "entries", "id")])
    db["steps"].insert_all(
        (dict(_row(s), entry_id=e["id"]) for e in entries for s in e["steps"]),
        pk=("entry_id", "id"), foreign_keys=[("entry_id", "entries", "id")])
    db["causes"].insert_all(
        (dict(_row(c), entry_id=e["id"]) for e in entries for c in e["causes"]),
        foreign_keys=[("entry_id", "entries", "id")])
    db["sources"].insert_all(
        (dict(_row(s), entry_id=e["id"]) for e in entries for s in e["sources"]),
        pk="id", foreign_keys=[("entry_id", "entries", "id")])
    db["rejected"].insert_all(doc["rejected"], pk="path")
    db["entries_search"].insert_all((search_row(e) for e in entries), pk="id",
                                    foreign_keys=[("id", "entries", "id")])
    for table, (columns, pk) in _EMPTY.items():  # a KB with no entries (or no causes) still has every table
        if not db[table].exists():
            db[table].create(columns, pk=pk)
    db["entries_search"].enable_fts(SEARCH_COLUMNS, fts_version="FTS5", tokenize="porter")


_EMPTY = {
    "entries": ({"id": str, "title": str, "summary": str}, "id"),
    "alternate_titles": ({"entry_id": str, "title": str}, None),
    "sections": ({"entry_id": str, "id": str, "heading": str, "text": str}, ("entry_id", "id")),
    "steps": ({"entry_id": str, "id": str, "title": str, "text": str}, ("entry_id", "id")),
    "causes": ({"entry_id": str, "text": str}, None),
    "sources": ({"id": str, "entry_id": str, "path": str}, "id"),
    "rejected": ({"path": str, "error": str}, "path"),
    "entries_search": ({c: str for c in ["id", *SEARCH_COLUMNS]}, "id"),
}


def search_row(e: dict) -> dict:
    return {"id": e["id"], "title": e["title"], "alternate_titles": "\n".join(e["alternate_titles"]),
            "summary": plain(e["summary"]),
            "steps": "\n".join(plain(s["title"] + " " + s["text"]) for s in e["steps"])}


def write_sqlite(output_dir: Path, doc: dict) -> Path:
    """Built in a temporary file beside the target and renamed over it: a reader never sees
    half a database."""
    import sqlite_utils

    path = Path(output_dir) / "kb.sqlite"
    fd, tmp = tempfile.mkstemp(prefix=".kb.sqlite.", dir=output_dir)
    os.close(fd)
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        with db.conn:
            fill(db, doc)
        db.conn.execute("VACUUM")
        db.close()
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    return path
