"""Stage 1: find input files and read each into an `Article`, or a `Rejected` with a reason.

Every failure here is an expected outcome with a message naming the problem (and the
line, where known); nothing in this module raises for bad content.
"""
from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import os
import re
import stat
from pathlib import Path

from frontmatter import default_handlers
import yaml

from .clean import unsentinel
from .model import Article, Limits, Rejected
from . import remote
from .rules import load_rules
from .text import CONTROLS, UNPRINTABLE, Inert

EXTENSIONS = (".md", ".markdown", ".txt")
# (trailing blanks and closing #s are stripped in code: `(.+?)[ \t#]*$` is quadratic on a
# long line of spaces)
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+([^\n]+)", re.M)
_SIMPLE_KV = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)")
# python-frontmatter's YAML loader: PyYAML's safe loader, its C version where built
_LOADER = default_handlers.SafeLoader
# The front matter keys the pipeline reads; the others are parsed but never constructed.
_KEYS = frozenset({"title", "date", "categories", "tags"})
_LIST_KEYS = frozenset({"categories", "tags"})  # (lists of labels: kept on the entry)
_MERGE_TAG = "tag:yaml.org,2002:merge"
# Encodings tried for files that are not UTF-8: the common legacy encodings of web pages.
# Detection over every code page picks look-alikes (cp1257 for French cp1252 text), which is
# mojibake with a warning; a short list of likely ones is right far more often.
LEGACY_ENCODINGS = ["cp1252", "cp1250", "cp1251", "koi8_r", "shift_jis", "euc_jp", "gb18030",
                    "euc_kr", "big5", "utf_16"]


class InputError(Exception):
    """The input folder itself is unusable (missing, not a folder)."""


def discover(root: Path, exclude: Path | None = None) -> list[str]:
    """Article paths under `root`, relative, with `/`, in a deterministic order.

    Hidden files and folders are skipped; symlinked folders are not followed (no loops);
    `exclude` (the output folder, when it sits inside the input) is never read.
    """
    root = Path(root)
    if not root.exists():
        raise InputError(f"input folder does not exist: {root}")
    if not root.is_dir():
        raise InputError(f"input is not a folder: {root}")
    skip = os.path.realpath(exclude) if exclude is not None else None
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and os.path.realpath(os.path.join(dirpath, d)) != skip
        )
        reldir = os.path.relpath(dirpath, root).replace(os.sep, "/")  # once per folder, not per file
        prefix = "" if reldir == "." else reldir + "/"
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                continue
            found.append(prefix + name)
    return sorted(found)


def source_id(relpath: str) -> str:
    return "src-" + hashlib.sha256(relpath.encode("utf-8")).hexdigest()[:12]


def read_article(root: Path, relpath: str, options: Limits, inert: Inert | None = None) -> Article | Rejected:
    """Read, decode and split one file. Returns a Rejected for anything unusable."""
    data = read_bytes(root, relpath, options)
    return data if isinstance(data, Rejected) else parse_article(relpath, data, options, inert)


def prefetch(root: Path | str, relpath: str) -> None:
    """Ask the kernel to start reading the file (a regular file only; errors ignored): a
    file not in the page cache costs ten times more to read, one at a time, than many
    read ahead together."""
    try:
        fd = os.open(os.path.join(root, relpath),
                     os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_WILLNEED)
    except (OSError, AttributeError):  # AttributeError: no posix_fadvise on this system
        pass
    finally:
        os.close(fd)


def read_bytes(root: Path | str, relpath: str, options: Limits) -> bytes | Rejected:
    """The file's bytes, never more than the size limit (a larger file is not read)."""
    if remote.is_remote(root):
        return remote.read(root, relpath, options.max_file_bytes)
    path = os.path.join(root, relpath)
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            path = _link_inside(root, relpath)
            if path is None:
                return Rejected(relpath, "a symbolic link to a file outside the input folder (or to a hidden one); not read")
        # non-blocking: opening a named pipe must not hang the build (it is refused below);
        # no-follow: a file swapped for a link since it was checked is refused, not followed
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        with open(os.open(path, flags), "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                return Rejected(relpath, "not a regular file (a pipe, socket or device); not read")
            if st.st_size > options.max_file_bytes:
                return Rejected(relpath, f"file is {st.st_size} bytes, above the limit of {options.max_file_bytes} bytes")
            data = fh.read(st.st_size + 1)  # not the limit: a 4 MB buffer per file costs
            if len(data) > st.st_size:  # grown since fstat: read on, up to the limit
                data += fh.read(options.max_file_bytes + 1 - len(data))
    except OSError as exc:
        return Rejected(relpath, f"cannot read file: {exc.strerror or exc}")
    if len(data) > options.max_file_bytes:
        return Rejected(relpath, f"file is above the limit of {options.max_file_bytes} bytes")
    return data


def _link_inside(root: Path | str, relpath: str) -> str | None:
    """The real path of a symbolic link when it stays inside the input folder and names no
    hidden file or folder there (what `discover` would have read itself); else None."""
    base = os.path.realpath(root)
    real = os.path.realpath(os.path.join(root, relpath))
    inside = os.path.relpath(real, base).replace(os.sep, "/")
    if inside.startswith("../") or inside == ".." or os.path.isabs(inside):
        return None
    return None if any(part.startswith(".") for part in inside.split("/")) else real


@functools.cache
def _shipped_inert() -> Inert:
    """The shipped rules' Inert, for callers that pass none (loaded once, not per file)."""
    return Inert.of(load_rules())


def parse_article(relpath: str, data: bytes, options: Limits, inert: Inert | None = None) -> Article | Rejected:
    """Turn raw bytes into an Article (pure: no file system access). Its title and labels are
    made inert with `inert` (the build's rules; the shipped rules when not given)."""
    inert = inert or _shipped_inert()
    warnings: list[str] = []
    nul = data.find(b"\x00")
    if nul >= 0 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = data.count(b"\n", 0, nul) + 1
        return Rejected(relpath, f"binary file: NUL byte at line {line}")
    text = _decode(data, warnings)
    if text is None:
        line = _first_bad_line(data)
        return Rejected(relpath, f"not valid UTF-8 (line {line}) and no other encoding could be detected")
    if "\x00" in text:
        return Rejected(relpath, "binary file: NUL character after decoding")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unsentinel(text)  # (the cleaner's private characters)
    if not text or text.isspace():  # (not strip(): no copy of the whole text)
        return Rejected(relpath, "empty file")

    meta, body, err = _split_front_matter(text, options, warnings)
    if err:
        return Rejected(relpath, err)
    if not body or body.isspace():
        return Rejected(relpath, "no article body (the file holds only front matter)")

    # (controls go first: removed after, `</scri\x03pt>` would become a tag)
    title = inert.plain(CONTROLS.sub("", _title(meta, body, relpath, warnings)))
    # (a title that cleans to nothing falls back on the file name, made inert the same way)
    title = title or inert.plain(CONTROLS.sub("", Path(relpath).stem)).strip() or "Untitled"
    date = _date(meta.get("date"), warnings)
    return Article(
        categories=labels(meta.get("categories"), inert),
        tags=labels(meta.get("tags"), inert),
        path=relpath,
        source_id=source_id(relpath),
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        date=date,
        body=body,
        meta=meta,
        warnings=warnings,
    )


def _decode(data: bytes, warnings: list[str]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    warnings.append(
        f"not valid UTF-8 (line {_first_bad_line(data)}); decoded as {best.encoding}"
    )
    return str(best)


def _first_bad_line(data: bytes) -> int:
    try:
        data.decode("utf-8")
        return 0
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1


def body_text(data: bytes) -> str | None:
    """The body of a file read as parse_article reads it, without reading the front
    matter (None when it cannot be decoded)."""
    text = _decode(data, [])
    if text is None:
        return None
    text = unsentinel(text.replace("\r\n", "\n").replace("\r", "\n"))
    first_nl = text.find("\n")
    if not text.startswith("---") or text[:first_nl].strip() != "---":
        return text
    end = _closing_fence(text, first_nl + 1)
    return text if end is None else text[end[1]:]


def _split_front_matter(text: str, options: Limits, warnings: list[str]):
    """Return (meta, body, error). Broken YAML is recovered line by line with a warning."""
    if not text.startswith("---"):
        return {}, text, None
    first_nl = text.find("\n")
    if text[:first_nl].strip() != "---":
        return {}, text, None
    end = _closing_fence(text, first_nl + 1)
    if end is None:
        warnings.append("front matter opened on line 1 is never closed; read as body")
        return {}, text, None
    fm_text = text[first_nl + 1:end[0]]
    body = text[end[1]:]
    if len(fm_text.encode("utf-8")) > options.max_front_matter_bytes:
        return None, None, (
            f"front matter is larger than {options.max_front_matter_bytes} bytes (lines 1-{fm_text.count(chr(10)) + 2})"
        )
    meta = _fast_front_matter(fm_text)
    if meta is not None:
        return meta, body, None
    if "&" in fm_text or "*" in fm_text:
        line = _alias_line(fm_text)
        if line:
            return None, None, f"front matter uses YAML anchors/aliases (line {line + 1}); refused as a possible alias bomb"
    try:
        meta = _load_yaml(fm_text)
    except Exception as exc:  # YAMLError; ValueError (`date: 2024-13-45`), RecursionError from PyYAML's constructors
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        meta = _recover(fm_text)
        problem = getattr(exc, "problem", None) or (
            "invalid YAML" if isinstance(exc, yaml.YAMLError) else f"{type(exc).__name__}: {exc}"[:200])
        warnings.append(
            f"front matter YAML error{where}: {problem}; recovered keys: {', '.join(sorted(meta)) or 'none'}"
        )
        return meta, body, None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        warnings.append(f"front matter is a {type(meta).__name__}, not a mapping; ignored")
        meta = {}
    return {str(k): v for k, v in meta.items()}, body, None


_FM_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*))?\Z")
_FM_ITEM = re.compile(r"( *)- +(.*)\Z")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


def _fast_scalar(value: str) -> str | None:
    """The text of a one-line scalar in the plainest shapes, as PyYAML reads it (its type
    aside); None for any other shape (left to PyYAML)."""
    if not value:
        return None
    first = value[0]
    if first == '"' or first == "'":
        inner = value[1:-1]
        ok = len(value) > 1 and value[-1] == first and first not in inner and "\\" not in inner
        return inner if ok else None
    if first in _PLAIN_START or ": " in value or " #" in value or value[-1] == ":":
        return None
    return value


def _fast_front_matter(fm_text: str) -> dict | None:
    """The title and date of front matter made only of `key: scalar` lines and lists of
    scalars (all but 40 files of the sample corpus), read without PyYAML's composer: the
    same values PyYAML gives, and None (PyYAML reads it) for anything else, so that broken
    YAML anywhere is still an error."""
    if "\t" in fm_text or yaml.reader.Reader.NON_PRINTABLE.search(fm_text):
        return None
    meta: dict = {}
    in_list, indent = False, None
    for line in fm_text.split("\n"):
        if not line or line.isspace():
            continue
        if line[0] == " " or line[0] == "-":
            m = _FM_ITEM.match(line)
            item = m and _fast_scalar(m.group(2).rstrip(" "))
            if not (in_list and item and (indent is None or m.group(1) == indent)):
                return None
            indent = m.group(1)
            if key in _LIST_KEYS:
                if item[0] not in "'\"" and _RESOLVER.resolve(yaml.ScalarNode, item, (True, False)) != _STR_TAG:
                    return None  # (a number, date or boolean: PyYAML says which)
                meta.setdefault(key, []).append(item)
            continue
        m = _FM_KEY.match(line)
        if m is None or m.group(1).lower() in _NOT_STR_KEYS:
            return None
        key, value = m.groups()
        value = value and value.rstrip(" ")
        in_list, indent = not value, None
        if in_list:
            if key in _KEYS and key not in _LIST_KEYS:
                return None  # (a list, or null: PyYAML says which)
            continue
        text = _fast_scalar(value)
        if text is None:
            return None
        if key in _LIST_KEYS:
            return None  # (a scalar label: PyYAML reads it)
        if key in _KEYS:
            tag = _STR_TAG if value[0] in "'\"" else _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))
            if tag == _STR_TAG:
                meta[key] = text
            elif tag == _TIMESTAMP_TAG:
                try:
                    meta[key] = _CONSTRUCTOR.construct_yaml_timestamp(yaml.ScalarNode(tag, text))
                except ValueError:
                    return None
            else:
                return None
    return meta


# Keys of the key pattern that YAML 1.1 reads as booleans or null, not text (any case:
# the other case mixes are text, but rare enough to leave to PyYAML)
_NOT_STR_KEYS = frozenset({"yes", "no", "y", "n", "true", "false", "on", "off", "null"})
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _load_yaml(fm_text: str):
    """The front matter as python-frontmatter's YAML handler reads it, with only the keys
    in _KEYS constructed: the whole text is still parsed, so broken YAML anywhere is an
    error, but building the values of keys nobody reads (tags, keywords, thumbnails) was
    half of PyYAML's time."""
    loader = _LOADER(fm_text)
    try:
        node = loader.get_single_node()
        if isinstance(node, yaml.MappingNode):
            node.value = [(k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)
                          and (k.value in _KEYS or k.tag == _MERGE_TAG)]
        return None if node is None else loader.construct_document(node)
    finally:
        loader.dispose()


_FENCE_LINE = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.M)


def _closing_fence(text: str, start: int):
    """(start, end) of the first line from `start` on that is `---` or `...` (trailing
    whitespace allowed), or None."""
    m = _FENCE_LINE.search(text, start)
    if m is None:
        return None
    return m.start(), m.end() + 1 if m.end() < len(text) else m.end()


def _alias_line(fm_text: str) -> int | None:
    """Line (0-based) of the first YAML anchor or alias token, if any."""
    try:
        for token in yaml.scan(fm_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                return token.start_mark.line + 1
    except yaml.YAMLError:
        return None
    return None


def _recover(fm_text: str) -> dict:
    """What a person would read in broken front matter: the simple `key: value` lines."""
    meta = {}
    for line in fm_text.split("\n"):
        m = _SIMPLE_KV.match(line)
        if not m or not m.group(2).strip(" \t"):
            continue
        value = m.group(2).rstrip(" \t")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        meta.setdefault(m.group(1), value)
    return meta


def _title(meta: dict, body: str, relpath: str, warnings: list[str]) -> str:
    title = meta.get("title")
    if isinstance(title, (int, float)) and not isinstance(title, bool):
        title = str(title)
    if title is not None and not isinstance(title, str):
        warnings.append(f"front matter title is a {type(title).__name__}, not text; ignored")
        title = None
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    m = _HEADING.search(body)
    if m:
        text = m.group(1).rstrip(" \t#") or m.group(1)[:1]
        return " ".join(text.replace("*", "").split())
    for line in body.split("\n"):
        if line.strip():
            return " ".join(line.split())[:120]
    return Path(relpath).stem


def labels(value, inert: Inert) -> list[str]:
    """Front matter categories/tags as a list of plain labels (one label, a list of them,
    or anything else: none), in order, without repeats."""
    items = value if isinstance(value, list) else [value]
    out = []
    for v in items:
        if isinstance(v, (str, int, float)) and not isinstance(v, bool):
            text = " ".join(CONTROLS.sub("", inert.plain(str(v))).split())
            if text and text not in out:
                out.append(text)
    return out


def _date(value, warnings: list[str]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            try:
                value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
            except OverflowError:  # 0001-01-01T00:00:00+05:00 is before year 1 in UTC
                warnings.append(f"front matter date {value.isoformat()[:40]} is out of range in UTC; ignored")
                return None
        return value.isoformat(timespec="seconds") + "Z"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            parsed = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            warnings.append(f"front matter date {value[:40]!r} does not parse; ignored")
            return None
        return _date(parsed, warnings)
    warnings.append(f"front matter date is a {type(value).__name__}; ignored")
    return None


def display_name(relpath: str) -> str:
    """A file name as the text every output shows (kb.json, the reports, the terminal): valid
    UTF-8 and the same whatever the locale. The name's bytes on disk are decoded as UTF-8; a
    byte that is not UTF-8 is written `\\xff`, and a control or bidi-override character
    `\\x0a` or `\\u202e`. (os.walk gives a name that is not UTF-8, or any non-ASCII name
    under LC_ALL=C, with lone surrogates, which no UTF-8 output can hold.)"""
    name = os.fsencode(relpath).decode("utf-8", "backslashreplace")
    return UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if m[0] < "\x80" else f"\\u{ord(m[0]):04x}", name)


def display_names(found: list[str]) -> tuple[list[str], dict[str, str], list[Rejected]]:
    """discover's names as display names, sorted; the name on disk of each that differs;
    and, rejected, a file whose escaped name is another file's name (a file literally
    named `\\xff.md` beside one whose name holds the byte 0xff: the first keeps it)."""
    names: dict[str, str] = {}
    clashes = []
    for p in sorted(found, key=lambda p: display_name(p) != p):  # names shown as they are first
        name = display_name(p)
        if name in names:
            clashes.append(Rejected(name, "file name is not UTF-8 (or holds control characters) and, escaped as "
                                          "shown, is another file's name; not read"))
        else:
            names[name] = p
    return sorted(names), {n: p for n, p in names.items() if n != p}, clashes
