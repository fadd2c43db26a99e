"""Input named by an fsspec URL (pipeline/remote.py): the workers read the files themselves,
the bytes are those of the same files in a folder, and nothing outside the input root is read."""
import json
import os

import pytest
from click.testing import CliRunner

from pipeline import remote
from pipeline.cli import main
from pipeline.model import Options
from pipeline.runner import build

from .conftest import SEEDS, SEEDS_KB

fsspec = pytest.importorskip("fsspec")

ARTICLE = ("---\ntitle: Printer offline {i}\n---\n\nYour printer {i} shows offline after an update.\n\n"
           "## Fix 1: Restart the spooler\n\nOpen Services and restart Print Spooler {i}.\n")


@pytest.fixture
def memory():
    fs = fsspec.filesystem("memory")
    yield fs
    for path in list(fs.store):
        fs.store.pop(path, None)
    fs.pseudo_dirs[:] = [""]


def test_the_seeds_from_memory_in_worker_processes_are_byte_identical_and_cached(memory, tmp_path):
    for path in sorted(SEEDS.rglob("*")):
        if path.is_file():
            memory.pipe(f"/seeds/{path.relative_to(SEEDS).as_posix()}", path.read_bytes())
    out = tmp_path / "out"
    build("memory://seeds", out, Options(jobs=2))  # (the workers, forked, read the store themselves)
    assert (out / "kb.json").read_bytes() == SEEDS_KB.read_bytes()
    result = build("memory://seeds", out, Options(jobs=2))  # nothing changed: every file a cache hit
    assert (out / "kb.json").read_bytes() == SEEDS_KB.read_bytes()
    assert result.doc["stats"]["inputs"] == len(list(SEEDS.rglob("*.txt")))


def test_nothing_outside_the_root_nor_hidden_is_read(memory, tmp_path):
    memory.pipe("/scrape/a.md", ARTICLE.format(i=1).encode())
    memory.pipe("/scrape/.hidden/b.md", ARTICLE.format(i=2).encode())
    memory.pipe("/scrape/.c.md", ARTICLE.format(i=3).encode())
    memory.pipe("/secret.md", ARTICLE.format(i=4).encode())
    assert remote.discover("memory://scrape", (".md",)) == ["a.md"]
    limit = Options().max_file_bytes
    for name in ("../secret.md", "x/../../secret.md", "/secret.md", "./a.md", ".c.md", "a\\..\\..\\secret.md"):
        got = remote.read("memory://scrape", name, limit)
        assert not isinstance(got, bytes), name
    assert remote.read("memory://scrape", "a.md", limit) == ARTICLE.format(i=1).encode()
    assert not isinstance(remote.read("memory://scrape", "a.md", 10), bytes)  # over the size limit: not read
    build("memory://scrape", tmp_path / "out", Options(jobs=1), use_cache=False)
    doc = json.loads((tmp_path / "out" / "kb.json").read_text("utf-8"))
    assert [s["path"] for e in doc["entries"] for s in e["sources"]] == ["a.md"] and doc["rejected"] == []


def test_a_file_url_is_the_folder_with_its_link_checks(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.md").write_text(ARTICLE.format(i=1))
    (tmp_path / "outside.md").write_text(ARTICLE.format(i=2))
    os.symlink(tmp_path / "outside.md", src / "link.md")
    build(f"file://{src}", tmp_path / "out", Options(jobs=1), use_cache=False)
    doc = json.loads((tmp_path / "out" / "kb.json").read_text("utf-8"))
    assert [s["path"] for e in doc["entries"] for s in e["sources"]] == ["a.md"]
    assert [(r["path"], "symbolic link" in r["error"]) for r in doc["rejected"]] == [("link.md", True)]


def test_a_filesystem_with_links_or_no_input_is_a_clean_error(tmp_path):
    for url, says in (("sftp://host/scrape", "not an object store"), ("memory://nothing-here", "cannot list")):
        res = CliRunner().invoke(main, ["build", "--input", url, "--output", str(tmp_path / "o"), "-q"])
        assert res.exit_code == 1 and says in res.output and "Traceback" not in res.output, res.output


def test_a_key_that_is_no_plain_path_is_rejected_unread_not_lost(memory, tmp_path):
    # object stores allow keys such as "b\c.md" or "sub/../d.md": each is an input, so it
    # ends in `rejected` with its reason (the reviewer found them missing from both lists)
    memory.pipe("/scrape/a.md", ARTICLE.format(i=1).encode())
    memory.pipe("/scrape/b\\c.md", ARTICLE.format(i=2).encode())
    memory.pipe("/scrape/sub/../d.md", ARTICLE.format(i=3).encode())
    build("memory://scrape", tmp_path / "out", Options(jobs=1), use_cache=False)
    doc = json.loads((tmp_path / "out" / "kb.json").read_text("utf-8"))
    assert [s["path"] for e in doc["entries"] for s in e["sources"]] == ["a.md"]
    assert sorted(r["path"] for r in doc["rejected"]) == ["b\\c.md", "sub/../d.md"]
    assert {r["error"] for r in doc["rejected"]} == {"not a plain path under the input URL; not read"}
    assert doc["stats"]["inputs"] == 3
