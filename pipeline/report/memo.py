"""The entry pages' costly part kept between builds: each entry's sources table (its
sources read again and compared with the entry, pages._sources_html), keyed by what it
depends on, so a rebuild reads again only the sources of entries that changed; and what the
cleaner finds in each removed block alone (pages.Sources.kinds), keyed by the block, so that
the table of an entry that changed cleans again only the blocks no build has seen (a
source more in an entry: its ads are the site's, seen before).

Key: the code and rules (`salt`), the input folder, the entry as serialised, and the stat
signature (size, mtime, ctime, inode) of each source the table reads. A source that is a
link, missing, or modified too recently to trust its signature (cache.RACY_NS) makes the
table uncacheable: it is computed, not kept. The file (`.cache/report`) starts with the
sha256 of the rest; one that does not check is ignored. An accelerator only: without it
the pages have the same bytes.
"""
from __future__ import annotations

import hashlib
import os
import stat
import time
from pathlib import Path

import orjson

from .. import cache
from ..cache import checksum, json_pieces, read_regular, write_summed
from ..write import digest

NAME = "report"
KINDS_KEPT = 20_000  # removed blocks' kinds kept (those this build used first, then the earlier ones)
FRAGMENT_ROWS = 32  # fragments (or blocks' kinds) serialised at a time when the memo is saved


class FragmentMemo:
    """key -> HTML fragment, read from `path` (None: nothing read or saved)."""

    def __init__(self, path: Path | None, salt: str):
        self.path, self.salt = path, salt
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}
        self.kinds_known: dict[str, str] = {}  # block digest -> its kinds (Sources.kinds)
        self.kinds_used: dict[str, str] = {}
        self.started = time.time_ns()
        if path is not None:
            self.known, self.kinds_known = _load(path, salt)

    def key(self, entry: dict, root, paths: list[str]) -> str | None:
        """The key of a fragment made of `entry` and the files `paths` under `root`; None
        when one of them cannot be trusted by its stat signature."""
        held = digest(entry) if self.path is not None and root is not None else None
        if held is None:
            return None
        h = hashlib.sha256(f"{self.salt}\0{os.path.realpath(root)}\0{held}".encode("utf-8", "surrogatepass"))
        for p in paths:
            sig = self._signature(root, p)
            if sig is None:
                return None
            h.update(f"\0{p}\0{sig}".encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:32]

    def _signature(self, root, path: str) -> str | None:
        try:
            st = os.lstat(os.path.join(root, os.fsdecode(path.encode("utf-8"))))
        except (OSError, UnicodeError, ValueError):
            return None
        sig = cache.signature(st)
        if not stat.S_ISREG(st.st_mode) or not cache.settled(sig, self.started):
            return None
        return " ".join(map(str, sig))

    def get(self, key: str | None) -> str | None:
        if key is None or key not in self.known:
            return None
        self.used[key] = self.known[key]
        return self.used[key]

    def put(self, key: str | None, fragment: str) -> None:
        if key is not None:
            self.used[key] = fragment

    def kinds(self, block: str) -> str | None:
        """What the cleaner found in the block alone, as an earlier build kept it, or None."""
        k = _block_key(block)
        found = self.kinds_used.get(k) or self.kinds_known.get(k)
        if found is not None:
            self.kinds_used[k] = found
        return found

    def put_kinds(self, block: str, kinds: str) -> None:
        if self.path is not None:
            self.kinds_used[_block_key(block)] = kinds

    def save(self) -> None:
        """Keeps the fragments this build used (a folder that is not there is not made), and
        the blocks' kinds it used, then as many of those known before as KINDS_KEPT allows
        (an entry whose table is kept reads none, yet its blocks recur when it changes)."""
        if self.path is None or not self.path.parent.is_dir():
            return
        kinds = dict(self.kinds_used)
        for k, v in self.kinds_known.items():
            if len(kinds) >= KINDS_KEPT:
                break
            kinds.setdefault(k, v)
        fields = [("salt", self.salt), ("fragments", (list(self.used), self.used)), ("kinds", (list(kinds), kinds))]
        # (serialised in pieces as written: whole, the JSON was 12.6 MB at 30k articles, at every build's
        # peak; a fragment is an entry's sources table, ~20 KB at 30k: FRAGMENT_ROWS a piece)
        try:
            write_summed(self.path, lambda: json_pieces(fields, FRAGMENT_ROWS))
        except OSError:
            pass


def _block_key(block: str) -> str:
    return hashlib.sha256(block.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _load(path: Path, salt: str) -> tuple[dict[str, str], dict[str, str]]:
    """(fragments, blocks' kinds) of the file, each {} when it does not check."""
    try:  # (the payload a view of the file's bytes, not a copy: 12.6 MB at 30k articles)
        blob = read_regular(path)
        at = blob.find(b"\n") + 1
        payload = memoryview(blob)[at:]
        if not at or checksum(payload) != blob[:at - 1]:
            return {}, {}
        data = orjson.loads(payload)
        payload = blob = None
    except (OSError, ValueError):
        return {}, {}
    if not (isinstance(data, dict) and data.get("salt") == salt):
        return {}, {}
    return tuple({k: v for k, v in table.items() if isinstance(v, str)} if isinstance(table, dict) else {}
                 for table in (data.get("fragments"), data.get("kinds")))
