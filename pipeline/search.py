"""`pipeline search`: which entries answer a question, ranked by BM25 over the FTS5 index of
OUTPUT/kb.sqlite (built on the fly, in memory, from kb.json when there is none). Titles
and alternate titles weigh more than the summary, the summary more than step text."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .export.sqlite import fill

if TYPE_CHECKING:
    import sqlite_utils

# Column weights for bm25(): title, alternate_titles, summary, steps
WEIGHTS = (8.0, 3.0, 2.0, 1.0)
_TOKEN = re.compile(r"\w+")
# Words a query is made of that say nothing of the problem
STOPWORDS = frozenset("""a an and are after at be by can cannot can't do does doesn't don't for from how i in is it
its my not of on or the this to what when why with won't you your""".split())


class SearchError(Exception):
    pass


def open_index(output_dir: Path) -> sqlite_utils.Database:
    import sqlite_utils  # (here, not at the top: a build never needs it; export.sqlite)

    db_path, kb_path = Path(output_dir) / "kb.sqlite", Path(output_dir) / "kb.json"
    if db_path.is_file():
        return sqlite_utils.Database(db_path)
    if not kb_path.is_file():
        raise SearchError(f"neither {db_path} nor {kb_path} exists: build first")
    try:
        doc = json.loads(kb_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchError(f"{kb_path}: not a readable kb.json ({exc})") from None
    db = sqlite_utils.Database(memory=True)
    fill(db, doc)
    return db


def fts_query(text: str) -> str:
    """Any of the query's words (each quoted: no FTS syntax from the user reaches SQLite);
    BM25 ranks entries holding more, and rarer, of them first."""
    words = [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS] or _TOKEN.findall(text.lower())
    return " OR ".join(f'"{w}"' for w in dict.fromkeys(words))


def search(db: sqlite_utils.Database, text: str, limit: int = 10) -> list[dict]:
    query = fts_query(text)
    if not query:
        return []
    rows = db.execute(
        f"select s.id, s.title, -bm25(entries_search_fts, {', '.join(map(str, WEIGHTS))}) as score "
        "from entries_search_fts join entries_search s on s.rowid = entries_search_fts.rowid "
        "where entries_search_fts match ? order by score desc, s.id limit ?", [query, limit]).fetchall()
    words = set(_TOKEN.findall(text.lower())) - STOPWORDS
    return [{"id": i, "title": t, "score": round(score, 4), "step": _best_step(db, i, words)} for i, t, score in rows]


def _best_step(db: sqlite_utils.Database, entry_id: str, words: set[str]) -> dict | None:
    """The entry's step that shares the most words with the query (the first on a tie)."""
    best, best_n = None, 0
    for sid, title, text in db.execute('select id, title, text from steps where entry_id = ? order by "order"',
                                       [entry_id]).fetchall():
        n = len(words & set(_TOKEN.findall(f"{title} {text}".lower())))
        if n > best_n:
            best, best_n = {"id": sid, "title": title}, n
    return best
