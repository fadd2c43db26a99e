"""Per-article cache under the output folder: an accelerator for rebuilds, never a source of truth.

What is cached is what costs time per file and depends only on the file's bytes:
each path's size, mtime and sha256 (an unchanged file is not even read again),
ingest + clean results keyed by the file's sha256, cleaned bodies keyed by their own
sha256, and structure + MinHash signature keyed by (title, body). Everything is keyed
further by the pipeline version, the rules' digest and the options, so a cache from another
version or rule set is ignored as a whole. A cache that does not parse, or a record of the
wrong shape or whose body does not match its hash, is ignored with a note; the build then
recomputes, so deleting the cache or building with --no-cache gives the same kb.json.

Trust: the cache sits in the output folder and is trusted as much as kb.json itself (whoever
can write one can write the other); the checks above catch corruption, not forgery.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import orjson

from .model import Section, Step, Structure
from .write import write_atomic

FORMAT = 3
FILE = "articles.json"
TABLES = ("files", "articles", "bodies", "structures", "verdicts")
VERDICTS = frozenset({"same", "different-text", "look-alike"})


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


KEY_LEN = 32


def structure_key(title: str, body: str) -> str:
    """What a body's structure (and the look-alike checks on it) depend on."""
    return sha(title + "\0" + body)[:KEY_LEN]


class ArticleCache:
    def __init__(self, folder: Path | None, key: str):
        self.folder = folder
        self.key = key
        self.files: dict[str, list] = {}  # relative path -> [size, mtime_ns, file sha256]
        self.articles: dict[str, dict] = {}  # file sha256 -> ingest+clean record
        self.bodies: dict[str, str] = {}  # body sha256 -> cleaned body
        self.structures: dict[str, dict] = {}  # structure_key(title, body) -> record
        self.verdicts: dict[str, str] = {}  # two groups' structure keys -> same_problem verdict
        self.notes: list[str] = []
        self._verified: set[str] = set()  # body hashes checked against their text
        self.used = {"files": set(), "articles": set(), "bodies": set(), "structures": set(), "verdicts": set()}

    @classmethod
    def open(cls, folder: Path | None, key: str) -> "ArticleCache":
        """The cache in `folder` (None: a disabled cache that never hits and never saves)."""
        cache = cls(folder, key)
        path = folder / FILE if folder is not None else None
        if path is None or not path.exists():
            return cache
        try:
            data = orjson.loads(path.read_bytes())
        except (OSError, ValueError) as exc:
            cache.notes.append(f"cache {path} is unreadable ({type(exc).__name__}); ignored and rebuilt")
            return cache
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            cache.notes.append(f"cache {path} is from another pipeline version, rule set or options; rebuilt")
            return cache
        for name in TABLES:
            table = data.get(name)
            if isinstance(table, dict):
                setattr(cache, name, table)
            else:
                cache.notes.append(f"cache {path}: '{name}' is malformed; ignored")
        if not all(isinstance(k, str) and len(k) == 2 * KEY_LEN and v in VERDICTS for k, v in cache.verdicts.items()):
            cache.notes.append(f"cache {path}: 'verdicts' is malformed; ignored")
            cache.verdicts = {}
        return cache

    # --------------------------------------------------------------------- files
    def unchanged(self, relpath: str, stat: tuple[int, int] | None) -> bool:
        """The file has the size and modification time (ns) recorded when its bytes were
        hashed, so its hash is known without reading it (as git's index does)."""
        rec = self.files.get(relpath)
        return (stat is not None and isinstance(rec, list) and len(rec) == 3 and rec[:2] == list(stat)
                and isinstance(rec[2], str) and rec[2] in self.articles)

    def put_file(self, relpath: str, stat: tuple[int, int] | None, file_sha: str) -> None:
        if stat is not None:
            self.files[relpath] = [stat[0], stat[1], file_sha]
            self.used["files"].add(relpath)

    # ------------------------------------------------------------------ articles
    def article(self, file_sha: str) -> dict | None:
        rec = self.articles.get(file_sha)
        if rec is None:
            return None
        if _valid_article(rec) and self.body(rec) is not None:
            self.used["articles"].add(file_sha)
            self.used["bodies"].add(rec["body"])
            return rec
        self.notes.append(f"cache record for a file with sha256 {file_sha[:12]} is malformed; recomputed")
        del self.articles[file_sha]
        return None

    def put_article(self, file_sha: str, rec: dict, body: str) -> None:
        """Spun copies differ in their first line (the title heading) only: the rest of the
        body is stored once, under its hash, and the record keeps the first line."""
        head, rest = _split_head(body)
        k = sha(rest)
        self.bodies[k] = rest
        self._verified.add(k)  # hashed just now
        self.used["bodies"].add(k)
        self.articles[file_sha] = dict(rec, head=head, body=k)
        self.used["articles"].add(file_sha)

    def body(self, rec: dict) -> str | None:
        """The cleaned body of an article record (None if its stored text is off)."""
        rest = self.bodies.get(rec["body"])
        if not isinstance(rest, str):
            return None
        if rec["body"] not in self._verified:
            if sha(rest) != rec["body"]:
                return None
            self._verified.add(rec["body"])
        return rec["head"] + rest

    # ---------------------------------------------------------------- structures
    def structure(self, k: str, sig_len: int):
        """(Structure, signature of sig_len values) for structure_key(title, body) k, or None."""
        rec = self.structures.get(k)
        if rec is None:
            return None
        try:
            signature = np.frombuffer(bytes.fromhex(rec["signature"]), "<u8")
            if signature.size != sig_len:
                raise ValueError("signature of the wrong length")
            result = structure_from_dict(rec["structure"]), signature
        except (TypeError, KeyError, ValueError, AttributeError):
            self.notes.append("a cached structure record is malformed; recomputed")
            return None
        self.used["structures"].add(k)
        return result

    def put_structure(self, k: str, structure: Structure, signature: np.ndarray) -> None:
        if self.folder is None:  # a disabled cache never saves: no copy to keep (18k bodies: ~150 MB)
            return
        self.structures[k] = {"structure": structure_to_dict(structure),
                              "signature": signature.astype("<u8").tobytes().hex()}
        self.used["structures"].add(k)

    # ------------------------------------------------------------------ verdicts
    def keep_verdicts(self, verdicts: dict[str, str]) -> None:
        """The verdicts this build needed (Clusterer.clusters leaves only those)."""
        self.verdicts = verdicts
        self.used["verdicts"] = set(verdicts)

    # ---------------------------------------------------------------------- save
    def save(self) -> None:
        """Keep what this build used (files that left the input leave the cache too)."""
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "key": self.key}
        for name in TABLES:
            table = getattr(self, name)
            data[name] = {k: table[k] for k in sorted(self.used[name]) if k in table}
        write_atomic(self.folder / FILE, orjson.dumps(data), durable=False)


_ARTICLE_FIELDS = {"title": str, "date": (str, type(None)), "warnings": list, "removed": dict, "key": str,
                   "head": str, "body": str}


def _split_head(body: str) -> tuple[str, str]:
    if body.startswith("#"):
        nl = body.find("\n")
        if nl >= 0:
            return body[:nl + 1], body[nl + 1:]
    return "", body


def _valid_article(rec) -> bool:
    if not isinstance(rec, dict) or set(rec) != set(_ARTICLE_FIELDS):
        return False
    return (all(isinstance(rec[k], t) for k, t in _ARTICLE_FIELDS.items())
            and all(isinstance(w, str) for w in rec["warnings"])
            and all(isinstance(k, str) and isinstance(v, int) for k, v in rec["removed"].items()))


def structure_to_dict(st: Structure) -> dict:
    """Plain dicts for JSON (shallow: dataclasses.asdict's deep copy cost more than the
    structure stage itself)."""
    return {"summary": st.summary, "sections": [dict(vars(s)) for s in st.sections],
            "steps": [dict(vars(s)) for s in st.steps], "causes": st.causes, "title_heading": st.title_heading}


def structure_from_dict(d: dict) -> Structure:
    """Rebuild a Structure, checking every field's type (ValueError/TypeError if off)."""
    st = Structure(
        summary=d["summary"],
        sections=[Section(**s) for s in d["sections"]],
        steps=[Step(**s) for s in d["steps"]],
        causes=[dict(c) for c in d["causes"]],
        title_heading=d["title_heading"],
    )
    n = len(st.sections)
    ok = isinstance(st.summary, str) and isinstance(st.title_heading, str) and all(
        isinstance(s.heading, str) and isinstance(s.kind, str) and isinstance(s.text, str)
        and type(s.level) is int and (s.parent is None or (type(s.parent) is int and 0 <= s.parent < n))
        for s in st.sections) and all(
        isinstance(t.title, str) and isinstance(t.text, str) and type(t.section) is int and 0 <= t.section < n
        and isinstance(t.promotional, bool)
        and all(isinstance(x, str) for x in t.instructions + t.shortcuts + t.commands)
        and all(isinstance(p, list) and all(isinstance(x, str) for x in p) for p in t.ui_paths)
        and all(isinstance(x, dict) and all(isinstance(v, str) for v in x.values()) for x in t.images + t.links)
        for t in st.steps) and all(isinstance(c.get("text"), str) for c in st.causes)
    if not ok:
        raise ValueError("structure record has fields of the wrong type")
    return st
