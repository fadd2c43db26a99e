"""Stage 5: serialise the knowledge base deterministically and write it atomically."""
from __future__ import annotations

import fcntl
import glob
import hashlib
import json

import orjson
import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterable

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
    try:  # orjson writes the same bytes as json.dumps(indent=2, ensure_ascii=False), 15x faster; its own
        # newline, not `+ b"\n"`, whose copy was the build's peak (kb.json's size on top of orjson's buffer)
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:  # a lone surrogate (a YAML "\\udcff" escape), which orjson refuses:
        # the same format, the surrogate written as the JSON escape that reads back as it
        return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


def dump_pieces(doc: dict):
    """`dumps(doc)` in pieces, a list's items one at a time (kb.json's entries): the same
    bytes, without the whole document's serialisation (and orjson's buffer) held at once.
    orjson.JSONEncodeError where `dumps` falls back to json (the caller writes that instead).
    orjson's indented output has no raw newline but between tokens, so an item's output
    indented by its depth is what it is inside the whole. Each piece is serialised at its
    own depth (inside one list per level, cut off after), so that orjson's depth limit
    fails a piece exactly where it would fail the whole document."""
    yield b"{"
    for n, (key, value) in enumerate(doc.items()):
        yield b"%s\n  %s: " % (b"," if n else b"", orjson.dumps({key: None})[1:-6])  # (a key orjson takes)
        if isinstance(value, list) and value:
            for m, item in enumerate(value):
                piece = _indented([[_fresh(item)]])[10:-6]  # "[\n  [\n    " ... "\n  ]\n]"
                yield b"%s\n    " % (b"," if m else b"[") + piece
            yield b"\n  ]"
        else:
            yield _indented([_fresh(value)])[4:-2]  # "[\n  " ... "\n]"
    yield b"\n}\n" if doc else b"}\n"


def _fresh(value):
    """The value with each non-ASCII string a copy of its own (dicts and lists made again): orjson
    leaves on every non-ASCII string it serialises a UTF-8 copy of it (CPython's cache, kept as long
    as the string), so kb.json written from the build's entries, or their digests (the memos' keys),
    doubled their text for the rest of the build (30k articles: 26 MB for a 71 MB kb.json, through
    the report, the build's peak); the copies serialised leave with theirs (+0.17 s of CPU at 30k for
    kb.json)."""
    kind = type(value)
    if kind is str:
        return value if value.isascii() else "".join((value, ""))  # (a new string, not `value`)
    if kind is dict:
        return {k: _fresh(v) for k, v in value.items()}
    if kind is list:
        return [_fresh(v) for v in value]
    return value


def _indented(value) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2)


def digest(value) -> str | None:
    """A key for what the value holds: the sha256 (32 hex digits) of its compact JSON;
    None when orjson cannot write it (a lone surrogate), so that nothing is kept under it."""
    try:
        return hashlib.sha256(orjson.dumps(_fresh(value))).hexdigest()[:32]  # (no UTF-8 copy left on value)
    except orjson.JSONEncodeError:
        return None


def dumps_for_html(doc) -> bytes:
    """`dumps`, with `<`, `>` and `&` written as \\u003c, \\u003e and \\u0026, so that the JSON
    can sit inside an HTML `<script>` element (JSON-LD is embedded so) and no string in it,
    `</script><script>` in a code span, can close the element. The three characters occur
    only inside JSON strings, where the escapes read back as the same characters."""
    return dumps(doc).replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def schema_text() -> str:
    return resources.files("pipeline").joinpath("schema/kb.schema.json").read_text("utf-8")


_UMASK = os.umask(0o022)
os.umask(_UMASK)


def write_atomic(path: Path, data: bytes | Iterable[bytes], durable: bool = True, unless_same: bool = False) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it: a reader (or a
    killed build) only ever sees the old file or the complete new one. `data`: bytes, or
    pieces written as they come (kb.json's entries: never all serialised at once).
    `durable=False` skips the fsync (for files that may be lost, like the cache) but stays
    atomic. `unless_same`: a regular file at `path` that holds these bytes already is left
    as it is, and nothing is written: the pieces are compared with it first, and the
    temporary file is made only at the first that differs (the equal part copied from the
    file, then the rest written as it comes)."""
    path = Path(path)
    try:
        old = open(path, "rb") if unless_same and stat.S_ISREG(os.lstat(path).st_mode) else None
    except OSError:
        old = None
    pieces = iter([data] if isinstance(data, bytes) else data)
    fh = tmp = None
    try:
        if old is not None:
            equal = 0  # bytes of the file the pieces so far matched
            for piece in pieces:
                if old.read(len(piece)) != piece:
                    break
                equal += len(piece)
            else:
                if old.read(1) == b"":
                    return  # (the same bytes: nothing written, nothing renamed)
                piece = b""
            fh, tmp = _temporary(path)
            old.seek(0)
            while equal:
                chunk = old.read(min(equal, 1 << 20))
                if not chunk:  # (the file shrank under us: what it held is gone)
                    raise OSError(f"{path} changed while it was being compared")
                fh.write(chunk)
                equal -= len(chunk)
            fh.write(piece)
        else:
            fh, tmp = _temporary(path)
        for piece in pieces:
            fh.write(piece)
        fh.flush()
        if durable:
            os.fsync(fh.fileno())
        fh.close()
        os.replace(tmp, path)
    except BaseException:
        if fh is not None:
            fh.close()
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
    finally:
        if old is not None:
            old.close()


def _temporary(path: Path):
    """An open temporary file beside `path`, and its name."""
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o644 & ~_UMASK)  # mkstemp's 0600 would hide kb.json from other users
        return os.fdopen(fd, "wb"), tmp
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise


OUTPUT_FILES = ("kb.json", "kb.schema.json", "howto.jsonld", ".cache/index", ".cache/articles.json")


SCRATCH_PREFIX = ".kb-build-"
_LIVE_SCRATCH: set[str] = set()  # this process's scratch folders in use


class Scratch:
    """A --no-cache build's scratch folder (the bodies and structures it reads back), inside
    the output folder: OUTPUT/.kb-build-XXXXXXXX, removed by `cleanup` when the build ends,
    or by the next build's remove_stale_temps when this one was killed (SIGKILL)."""

    def __init__(self, output_dir: Path):
        remove_stale_temps(output_dir)
        self.name = tempfile.mkdtemp(prefix=SCRATCH_PREFIX, dir=output_dir)
        _LIVE_SCRATCH.add(os.path.realpath(self.name))

    def cleanup(self) -> None:
        try:
            shutil.rmtree(self.name, ignore_errors=True)
        except BaseException:  # (a Ctrl-C in the middle of the removal: it is finished, then the stop goes on)
            shutil.rmtree(self.name, ignore_errors=True)
            raise
        finally:
            _LIVE_SCRATCH.discard(os.path.realpath(self.name))


def remove_stale_temps(output_dir: Path) -> None:
    """Temporary files and scratch folders that a killed build left in the output folder
    (never read, but they would pile up). Two builds into one output folder never run at
    once (output_lock): a scratch folder is stale unless this process's build is using it."""
    for name in OUTPUT_FILES:
        folder, base = os.path.split(name)
        for tmp in (Path(output_dir) / folder).glob("." + glob.escape(base) + ".*.tmp"):
            try:
                tmp.unlink()
            except OSError:
                pass
    for folder in Path(output_dir).glob(SCRATCH_PREFIX + "*"):
        if os.path.realpath(folder) not in _LIVE_SCRATCH and folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def write_outputs(output_dir: Path, doc: dict) -> Path:
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    write_schema(output_dir)
    kb = output_dir / "kb.json"
    try:  # (streamed: the document's serialisation was the build's peak memory)
        _write_changed(kb, dump_pieces(doc))
    except orjson.JSONEncodeError:  # (a lone surrogate: json writes the whole document, as `dumps` does)
        _write_changed(kb, dumps(doc))
    return kb


def write_schema(output_dir: Path) -> None:
    """kb.schema.json (and no temporary file left by a killed build)."""
    remove_stale_temps(output_dir)
    _write_changed(output_dir / "kb.schema.json", schema_text().encode("utf-8"))


def _write_changed(path: Path, data: bytes | Iterable[bytes]) -> None:
    """write_atomic, unless the path is a regular file that holds these bytes already (a
    rebuild with nothing changed renames and syncs nothing: at 30k articles, 70 MB)."""
    write_atomic(path, data, unless_same=True)


class OutputBusy(Exception):
    """Another build is writing the output folder (it holds OUTPUT/.lock)."""


_LOCKED: set[str] = set()  # output folders this process holds the lock of


@contextmanager
def output_lock(output_dir: Path):
    """One build at a time per output folder: an exclusive flock on OUTPUT/.lock, taken
    without waiting (OutputBusy if another process holds it). The kernel releases it when
    the process ends, however it ends, so a killed build never leaves the folder locked.
    Taken again inside this process (the command holds it around the build and its
    reports), it is already held."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    key = os.path.realpath(output_dir)
    if key in _LOCKED:
        yield
        return
    fd = os.open(output_dir / ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputBusy(f"another build is writing {output_dir}") from None
        _LOCKED.add(key)
        try:
            yield
        finally:
            _LOCKED.discard(key)
    finally:
        os.close(fd)  # (releases the lock)
