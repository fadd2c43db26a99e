"""OUTPUT/kb.jsonl: kb.json's entries, one per line, same order and content, so consumers
stream them (`jq -c`, DuckDB's read_json_auto, pandas' lines=True)."""
from __future__ import annotations

from pathlib import Path

import orjson

from ..write import write_atomic


def jsonl_bytes(doc: dict) -> bytes:
    return b"".join(orjson.dumps(e) + b"\n" for e in doc["entries"])


def write_jsonl(output_dir: Path, doc: dict) -> Path:
    path = Path(output_dir) / "kb.jsonl"
    write_atomic(path, jsonl_bytes(doc))
    return path
