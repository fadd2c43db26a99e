"""Scraped troubleshooting articles in, one consolidated JSON knowledge base out."""
from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The sha256 of the package's source files (packages too): what the cache is keyed by,
    and what a Dask worker must have too (an edited checkout never reuses stale results)."""
    code = hashlib.sha256()
    here = Path(__file__).parent
    for src in sorted(here.rglob("*.py"), key=lambda p: p.relative_to(here).as_posix()):
        code.update(src.relative_to(here).as_posix().encode() + b"\0" + src.read_bytes())
    return code.hexdigest()


@contextmanager
def cyclic_gc_off():
    """The cyclic garbage collector off inside the block, and on again after it if it was on:
    for work over millions of objects that make no cycles (the build's records, a parsed
    kb.json), which each collection would walk again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
