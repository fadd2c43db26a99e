"""Input named by an fsspec URL (`--input s3://bucket/scrape`, `gs://…`, `memory://…`; the
`fsspec` package and the filesystem's own, e.g. s3fs, gcsfs): the build lists the files,
each is read by the worker that cleans it (on the Dask engine, paths cross the wire, not
contents). `file://` is the local folder, with all of ingest's checks (symbolic links, `..`).

Nothing outside the input root is read: a listed name is used only when it is a plain path
under the root (no empty, `.` or `..` part, no backslash), checked again where it is read,
and a file is read only up to the size limit. Hidden names are skipped as discover does."""
from __future__ import annotations

import functools
import hashlib

from .model import Rejected

_SCHEME = "://"
_LOCAL = ("file://", "local://")
# object stores: no symbolic links, so a listed name under the root is read there; a
# filesystem with links (sftp, smb, hdfs...) is refused: mount it and give the folder
STORES = ("s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "memory")


def is_remote(root) -> bool:
    """An fsspec URL other than file:// (a local folder is read by ingest itself)."""
    return isinstance(root, str) and _SCHEME in root and not root.startswith(_LOCAL)


def local(root):
    """The folder a file:// URL names; anything else as given."""
    for scheme in _LOCAL if isinstance(root, str) else ():
        if root.startswith(scheme):
            return root[len(scheme):] or "/"
    return root


@functools.lru_cache(maxsize=8)
def _fs(root: str):
    """(filesystem, root path on it without a trailing slash) of a URL."""
    if root.split(_SCHEME, 1)[0] not in STORES:
        raise ValueError(f"not an object store fsspec URL ({', '.join(STORES)}); for another filesystem, mount it "
                         "and give the folder")
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise ValueError("reading input from a URL needs fsspec: pip install 'kb-pipeline[dask]'") from None
    fs, base = url_to_fs(root)
    return fs, base.rstrip("/")


def plain(relpath: str) -> bool:
    parts = relpath.split("/")
    return bool(relpath) and "\\" not in relpath and not any(p in ("", ".", "..") for p in parts)


def _hidden(relpath: str) -> bool:
    """A name with a part that starts with a dot (`.` and `..` aside: no plain path, not hidden)."""
    return any(p.startswith(".") and p not in (".", "..") for p in relpath.split("/"))


def discover(root: str, extensions: tuple[str, ...]) -> list[str]:
    """The article files under the URL, relative, sorted (hidden names left out). A name
    that is no plain path under the root ("a\\b.md", "x/../y.md": legal object keys) is
    listed too: `read` rejects it with its reason, unread, so no input goes unaccounted."""
    fs, base = _fs(root)
    if not fs.isdir(base):
        raise FileNotFoundError(root)
    found = []
    for path in fs.find(base, withdirs=False):
        path = path.rstrip("/")
        if not path.startswith(base + "/"):
            continue
        rel = path[len(base) + 1:]
        if not _hidden(rel) and rel.lower().endswith(extensions):
            found.append(rel)
    return sorted(found)


def signatures(root: str, paths: list[str]) -> dict[str, tuple[int, int, int, int]]:
    """A signature per file for the cache (ArticleCache.unchanged): its size and a number
    from what the store says of its version (ETag, generation, mtime), taken before any file
    is read. A store that says nothing but the size gives no signature: such files are
    hashed every build."""
    fs, base = _fs(root)
    out = {}
    for p in filter(plain, paths):  # (no other name is looked at)
        try:
            info = fs.info(f"{base}/{p}")
        except (OSError, ValueError):
            continue
        version = next((info[k] for k in ("ETag", "etag", "generation", "md5Hash", "mtime", "LastModified",
                                          "created", "updated") if info.get(k) is not None), None)
        if version is not None:
            tag = int.from_bytes(hashlib.blake2b(str(version).encode(), digest_size=7).digest(), "big")
            out[p] = (int(info.get("size") or 0), 0, 0, tag)  # (mtime and ctime 0: settled at once)
    return out


def read(root: str, relpath: str, limit: int) -> bytes | Rejected:
    """The file's bytes, never more than `limit` (a larger file is not read)."""
    if not plain(relpath) or _hidden(relpath):
        return Rejected(relpath, "not a plain path under the input URL; not read")
    try:
        fs, base = _fs(root)
        with fs.open(f"{base}/{relpath}", "rb") as fh:
            data = fh.read(limit + 1)
    except (OSError, ValueError) as exc:
        return Rejected(relpath, f"cannot read file: {exc}")
    if len(data) > limit:
        return Rejected(relpath, f"file is above the limit of {limit} bytes")
    return data
