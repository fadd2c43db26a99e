"""Stage 5: serialise the knowledge base deterministically and write it atomically."""
from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from .model import SCHEMA_VERSION


def kb_document(entries: list[dict], rejected: list[dict], stats: dict) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "entries": entries,
        "rejected": sorted(rejected, key=lambda r: r["path"]),
        "stats": stats,
    }


def dumps(doc) -> bytes:
    """Same document, same bytes: fixed key order from construction, no timestamps."""
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def schema_text() -> str:
    return resources.files("pipeline").joinpath("schema/kb.schema.json").read_text("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it: a reader (or a
    killed build) only ever sees the old file or the complete new one."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_outputs(output_dir: Path, doc: dict) -> Path:
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(output_dir / "kb.schema.json", schema_text().encode("utf-8"))
    kb = output_dir / "kb.json"
    write_atomic(kb, dumps(doc))
    return kb
