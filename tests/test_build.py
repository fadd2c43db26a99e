import json
import os

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.write import schema_text

from .conftest import ROOT, SEEDS, SEEDS_KB, write

FM = "---\ntitle: \"{t}\"\ndate: 2024-08-27T14:40:32.804Z\n---\n\n{b}\n"


def test_seeds_build_is_current(tmp_path):
    """tests/fixtures/seeds-kb.json is exactly what a build of the seed fixtures gives."""
    res = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(tmp_path), "-q", "-j", "1"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "kb.json").read_bytes() == SEEDS_KB.read_bytes(), \
        "tests/fixtures/seeds-kb.json is stale: rebuild it from tests/fixtures/seeds"
    assert (tmp_path / "kb.schema.json").read_text("utf-8") == schema_text()


def test_committed_example_output_is_current():
    """output/kb.json in the repository is the build of the default corpus, the seeds, that
    input/ ships with. Once a user's input/ holds other files, their build is theirs: skipped."""
    shipped = ROOT / "input"
    names = sorted(p.name for p in shipped.rglob("*")) if shipped.is_dir() else []
    if names != sorted(p.name for p in SEEDS.iterdir()) or any(
            (shipped / n).read_bytes() != (SEEDS / n).read_bytes() for n in names):
        pytest.skip("input/ no longer holds just the seeds")
    assert (ROOT / "output" / "kb.json").read_bytes() == SEEDS_KB.read_bytes(), \
        "output/kb.json is stale: run `make build` and commit it"
    assert (ROOT / "output" / "kb.schema.json").read_text("utf-8") == schema_text()


def test_every_input_is_accounted_for(tmp_path):
    src = tmp_path / "in"
    write(src, "good.md", FM.format(t="Printer offline", b="## Fix 1: Restart\n\nTurn it off and on."))
    write(src, "empty.md", "")
    write(src, "bin.txt", b"\x00\x01")
    write(src, "sub/other.markdown", FM.format(t="Wi-Fi drops", b="Intro.\n\n## Fix 1: Forget the network\n\nDo it."))
    res = CliRunner().invoke(main, ["build", "--input", str(src), "--output", str(tmp_path / "out"), "-j", "1"])
    assert res.exit_code == 0, res.output
    assert "4 inputs -> 2 entries, 2 rejected" in res.output
    doc = json.loads((tmp_path / "out" / "kb.json").read_text())
    paths = sorted([s["path"] for e in doc["entries"] for s in e["sources"]] + [r["path"] for r in doc["rejected"]])
    assert paths == ["bin.txt", "empty.md", "good.md", "sub/other.markdown"]
    assert {r["path"]: r["error"] for r in doc["rejected"]} == {
        "bin.txt": "binary file: NUL byte at line 1", "empty.md": "empty file"}


def test_strict_exits_1_when_anything_is_rejected(tmp_path):
    write(tmp_path / "in", "empty.md", "")
    write(tmp_path / "in", "ok.md", FM.format(t="T", b="Body."))
    res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"), "--strict"])
    assert res.exit_code == 1
    assert "rejected empty.md: empty file" in res.output


def test_missing_input_folder_is_a_clean_error(tmp_path):
    res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "nope"), "--output", str(tmp_path / "o")])
    assert res.exit_code == 1
    assert "Error: input folder does not exist" in res.output


def test_input_that_is_a_file_is_a_clean_error(tmp_path):
    f = write(tmp_path, "a.md", "x")
    res = CliRunner().invoke(main, ["build", "--input", str(f), "--output", str(tmp_path / "o")])
    assert res.exit_code == 1 and "input is not a folder" in res.output


def test_usage_error_exits_2():
    res = CliRunner().invoke(main, ["build", "--jobs", "zero"])
    assert res.exit_code == 2 and "Invalid value for '--jobs'" in res.output


def test_every_command_has_help_with_an_example():
    for cmd in main.commands:
        res = CliRunner().invoke(main, [cmd, "--help"])
        assert res.exit_code == 0 and "Example:" in res.output, cmd


def test_clean_command_prints_cleaned_markdown():
    res = CliRunner().invoke(main, ["clean", str(SEEDS / "000_aea70502640bc831.txt")])
    assert res.exit_code == 0
    assert "Reset All Settings" in res.output
    assert "affiliate ads" not in res.output and "adsbygoogle" not in res.output


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_rest_spun_copies_share_is_cleaned_once_per_build(tmp_path, monkeypatch, jobs):
    """Forty copies under other titles with other ads: one rest, cleaned once in the
    whole build (in the worker its first words choose), and one entry with all forty."""
    from pipeline import runner, tasks
    from pipeline.model import Options
    from .test_clean import BANNER, PIXEL, spun_copy
    src = tmp_path / "in"
    for i in range(40):
        ads = (BANNER, PIXEL) if i % 2 else (PIXEL, BANNER)
        write(src, f"copy-{i:02}.md", FM.format(t=f"Wi-Fi fix number {i}",
                                                b=spun_copy(f"Wi-Fi fix number {i}", *ads, [f"farm{i}"])))
    log = tmp_path / "cleaned.log"
    clean_rest = tasks.Worker.clean_rest

    def counted(self, rest):  # (the workers are forked: they log to a file)
        with open(log, "a") as fh:
            fh.write(f"{len(rest)}\n")
        return clean_rest(self, rest)

    monkeypatch.setattr(tasks.Worker, "clean_rest", counted)
    res = runner.build(src, tmp_path / "out", Options(jobs=jobs), use_cache=False)
    assert res.entries == 1 and res.rejected == 0
    assert len(log.read_text().split()) == 1
    doc = json.loads((tmp_path / "out" / "kb.json").read_text())
    assert len(doc["entries"][0]["sources"]) == 40
    assert [s["title"] for s in doc["entries"][0]["steps"]] == ["Restart the router", "Update the driver"]


def test_an_article_added_to_input_breaks_no_test(tmp_path):
    """input/ is the user's folder: a copy of the project with one more article there
    passes the tests that build the seeds and check the committed output (the rest never
    read input/: they use tests/fixtures)."""
    import shutil
    import subprocess
    import sys
    copy = tmp_path / "project"
    for part in ("pipeline", "tests", "input", "output"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
    shutil.copy(ROOT / "pyproject.toml", copy)
    write(copy / "input", "new-article.md", FM.format(t="Printer offline", b="## Fix 1: Restart\n\nTurn it off."))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(copy)}
    run = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", "tests/test_build.py",
                          "-k", "seeds_build or committed_example or clean"],
                         cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 1 skipped" in run.stdout  # the committed output is the seeds' build, not this input's
    assert not any("input" in line and "ROOT" in line
                   for f in (ROOT / "tests").glob("*.py") if f.name != "test_build.py"
                   for line in f.read_text("utf-8").splitlines()), "a test reads input/"


def _build_cli(src, out, *extra):
    return CliRunner().invoke(main, ["build", "--input", str(src), "--output", str(out), "-q", "-j", "1", *extra])


def test_empty_input_is_an_error_and_keeps_the_old_kb(tmp_path):
    out = tmp_path / "out"
    assert _build_cli(SEEDS, out).exit_code == 0
    before = (out / "kb.json").read_bytes()
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty", "notes.pdf", "not an article")
    for flags in ((), ("--strict",), ("--allow-shrink",)):
        res = _build_cli(tmp_path / "empty", out, *flags)
        assert res.exit_code == 1, res.output
        assert "Error: no input files" in res.output and "Traceback" not in res.output
        assert (out / "kb.json").read_bytes() == before


def test_a_build_that_drops_most_entries_refuses_unless_allowed(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    for i, topic in enumerate(["Printer offline", "Wi-Fi drops", "No sound", "Blue screen"]):
        write(src, f"a{i}.md", FM.format(t=topic, b=f"## Fix 1: {topic} fix\n\nDo the {topic} thing {i}."))
    assert _build_cli(src, out).exit_code == 0
    before = (out / "kb.json").read_bytes()
    for name in ("a1.md", "a2.md"):  # two of four gone: half, not more than half
        (src / name).unlink()
    assert _build_cli(src, out).exit_code == 0
    assert json.loads((out / "kb.json").read_text())["stats"]["entries"] == 2
    two = (out / "kb.json").read_bytes()
    (src / "a3.md").unlink()  # one of the two left: still half
    assert _build_cli(src, out).exit_code == 0
    (out / "kb.json").write_bytes(before)
    res = _build_cli(src, out)  # one of four left: three dropped
    assert res.exit_code == 1
    assert "would drop 3 of the 4 entries" in res.output and "'Wi-Fi drops'" in res.output
    assert "--allow-shrink" in res.output and "Traceback" not in res.output
    assert (out / "kb.json").read_bytes() == before
    res = _build_cli(src, out, "--allow-shrink")
    assert res.exit_code == 0, res.output
    assert json.loads((out / "kb.json").read_text())["stats"]["entries"] == 1
    assert two != before


@pytest.mark.parametrize("toml, says", [
    ('[affiliate_hosts]\nhost = ["x.com"]\n', "[affiliate_hosts] host: unknown key"),
    ('[affiliate_host]\nhosts = ["x.com"]\n', "unknown group [affiliate_host]"),
    ('[section_kinds]\nsymptom = ["symptoms?"]\n', "[section_kinds] symptom: unknown section kind"),
    ('[section_kinds]\nfix = ["(unclosed"]\n', "[section_kinds] fix: invalid regular expression"),
    ('[title_spin]\nprefixes = ["[a-"]\n', "[title_spin] prefixes: invalid regular expression"),
    ('[tag_lists]\nmax_words = ["seven"]\n', "[tag_lists] max_words must be one whole number"),
    ('[tracking_pixels]\nmax_size = ["1", "2"]\n', "[tracking_pixels] max_size must be one whole number"),
    ('[outros]\nrequests = []\n', "[outros] requests is empty"),
    ('[summary]\nad_lines = ["(x"]\n', "[summary] ad_lines: invalid regular expression"),
    ('[page_kinds]\nnews = ["(x"]\n', "[page_kinds] news: invalid regular expression"),
    ('[boilerplate]\nmin_families = ["many"]\n', "[boilerplate] min_families must be one whole number"),
    ('[page_kinds]\nstep_kinds = ["recipe"]\n', "[page_kinds] step_kinds: unknown page kind recipe"),
    ('[page_kinds]\nrepeated_nws = ["x"]\n', "[page_kinds] repeated_nws: unknown key"),
    (b'[promotional]\nphrases = ["caf\xe9"]\n', "not UTF-8"),
    ('[promotional\n', "Expected ']'"),
])
def test_a_bad_rule_file_is_an_error_naming_file_and_key(tmp_path, toml, says):
    rules = tmp_path / "mine.toml"
    rules.write_bytes(toml if isinstance(toml, bytes) else toml.encode())
    for cmd in (["build", "--input", str(SEEDS), "--output", str(tmp_path / "out")],
                ["clean", str(SEEDS / "000_aea70502640bc831.txt")]):
        res = CliRunner().invoke(main, [*cmd, "--rules", str(rules)])
        assert res.exit_code == 1, res.output
        assert res.output.startswith(f"Error: {rules}: ") and says in res.output, res.output
        assert res.exception is None or isinstance(res.exception, SystemExit)
    assert not (tmp_path / "out" / "kb.json").exists()


def test_numeric_thresholds_can_be_lowered(tmp_path):
    from pipeline.rules import load_rules
    rules = tmp_path / "mine.toml"
    rules.write_text('[tag_lists]\nmax_words = ["3"]\n\n[title_choice]\nmin_shared_words = ["1"]\n')
    loaded = load_rules([str(rules)])
    assert loaded.get("tag_lists", "max_words") == ["3"] and loaded.get("title_choice", "min_shared_words") == ["1"]
    assert loaded.digest != load_rules().digest
    kinds = tmp_path / "kinds.toml"  # new patterns for a kind the schema has are fine
    kinds.write_text('[section_kinds]\nfaq = ["questions and answers"]\n\n[ad_block_kinds]\nother_ad = ["<dialog"]\n')
    assert "questions and answers" in load_rules([str(kinds)]).get("section_kinds", "faq")
    assert "<dialog" in load_rules([str(kinds)]).get("ad_block_kinds", "other_ad")
    popup = tmp_path / "popup.toml"  # a removal kind kb.json's schema does not name would break it
    popup.write_text('[ad_block_kinds]\npopup = ["<dialog"]\n')
    res = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(tmp_path / "out"),
                                    "--rules", str(popup)])
    assert res.exit_code == 1 and "[ad_block_kinds] popup: unknown removal kind" in res.output, res.output


def test_one_entry_is_said_so_and_clean_reads_stdin(tmp_path):
    write(tmp_path / "in", "a.md", FM.format(t="Printer offline", b="## Fix 1: Restart\n\nTurn it off and on."))
    res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "out")])
    assert res.exit_code == 0 and "1 input -> 1 entry, 0 rejected" in res.output, res.output
    text = (SEEDS / "000_aea70502640bc831.txt").read_bytes()
    res = CliRunner().invoke(main, ["clean", "-"], input=text)
    assert res.exit_code == 0, res.output
    assert res.output == CliRunner().invoke(main, ["clean", str(SEEDS / "000_aea70502640bc831.txt")]).output


def test_every_package_folder_and_data_file_is_declared_for_install():
    # pipeline/executors and pipeline/export were missing from [tool.setuptools] packages:
    # an editable install imports them from the folder, a `pip install .` had neither
    import tomllib
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    folders = {p.parent for p in (ROOT / "pipeline").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    wanted = {".".join(f.relative_to(ROOT).parts) for f in folders}
    assert sorted(wanted - set(conf["packages"])) == []
    for folder in folders:
        name = ".".join(folder.relative_to(ROOT).parts)
        data = {f.suffix for f in folder.iterdir() if f.is_file() and f.suffix != ".py"}
        assert sorted(s for s in data if f"*{s}" not in conf["package-data"].get(name, [])) == [], name


def test_kb_json_is_written_entry_by_entry_in_the_same_bytes(tmp_path, monkeypatch):
    # the build's peak memory was kb.json serialised whole (orjson's output and its buffer on
    # top of the document): it is written an entry at a time, the bytes of one serialisation
    from pipeline import write as w
    entry = {"id": "kb-0", "title": "Café \"offline\"\nfix", "alternate_titles": [], "kind": "how-to",
             "sections": [{"id": "sec-1", "variants": [], "sources": ["s1"]}], "steps": [], "causes": [],
             "sources": [{"path": "a.md", "removed": {}, "warnings": ["w"], "date": None, "n": 2.5}]}
    doc = {"schema_version": "1.0", "entries": [entry, dict(entry, id="kb-1", steps=[{"order": 1, "links": []}])],
           "rejected": [{"path": "x.txt", "error": "empty"}], "stats": {"entries": 2, "kinds": {}, "filtered_out": 0}}
    odd = dict(doc, entries=[dict(entry, title="Café \udcff")])  # (a lone surrogate: json writes it)
    empty = dict(doc, entries=[], rejected=[])
    expected = {name: w.dumps(d) for name, d in (("doc", doc), ("odd", odd), ("empty", empty))}
    whole = w.dumps
    monkeypatch.setattr(w, "dumps", lambda d: pytest.fail("kb.json serialised whole") if d is not odd else whole(d))
    pieces = []
    monkeypatch.setattr(w, "_indented", lambda value, real=w._indented: pieces.append(real(value)) or pieces[-1])
    for name, d in (("doc", doc), ("odd", odd), ("empty", empty)):
        out = tmp_path / name
        w.write_outputs(out, d)
        assert (out / "kb.json").read_bytes() == expected[name]
    assert max(map(len, pieces)) < len(expected["doc"]) / 2
    # the same bytes again: the file is left as it is; other bytes replace it
    kb = tmp_path / "doc" / "kb.json"
    inode = kb.stat().st_ino
    w.write_outputs(tmp_path / "doc", doc)
    assert kb.stat().st_ino == inode and kb.read_bytes() == expected["doc"]
    w.write_outputs(tmp_path / "doc", empty)
    assert kb.read_bytes() == expected["empty"] and not list((tmp_path / "doc").glob(".*.tmp"))


def test_an_unchanged_kb_json_is_compared_before_anything_is_written(tmp_path, monkeypatch):
    # the review's case: a rebuild with nothing changed wrote a whole temporary copy of
    # kb.json (70 MB at 30k articles) before finding it equal, and failed on a full disk
    from pipeline import write as w
    doc = {"schema_version": "1.0", "entries": [{"id": f"kb-{i}", "title": "Printer offline " * 20} for i in range(50)],
           "rejected": [], "stats": {"entries": 50}}
    w.write_outputs(tmp_path, doc)
    kb = tmp_path / "kb.json"
    expected = kb.read_bytes()
    real = w.tempfile.mkstemp
    monkeypatch.setattr(w.tempfile, "mkstemp", lambda *a, **k: pytest.fail("a temporary file for the same bytes"))
    w.write_outputs(tmp_path, doc)  # kb.json and kb.schema.json alike
    assert kb.read_bytes() == expected
    monkeypatch.setattr(w.tempfile, "mkstemp", real)
    # other bytes anywhere: the equal part copied from the file, the rest written as it comes
    for old in (expected + b"x", expected[:-1], expected[:-2] + b"X\n", expected[:5000] + b"Y" + expected[5001:], b""):
        kb.write_bytes(old)
        w.write_outputs(tmp_path, doc)
        assert kb.read_bytes() == expected and not list(tmp_path.glob(".*.tmp"))
    kb.write_bytes(b"OLD")

    def failing():
        yield expected[:10]
        raise RuntimeError("stopped")
    with pytest.raises(RuntimeError):
        w.write_atomic(kb, failing(), unless_same=True)
    assert kb.read_bytes() == b"OLD" and not list(tmp_path.glob(".*.tmp"))


def test_kb_json_in_pieces_fails_over_to_json_where_the_whole_document_would(tmp_path):
    # orjson's depth limit counts from the document's top: a piece serialised alone went 2
    # levels deeper than orjson allows the whole, and wrote other bytes (1e+16 vs 1e16)
    from pipeline import write as w
    for depth in range(248, 258):
        nested = "x"
        for _ in range(depth):
            nested = [nested]
        doc = {"entries": [nested, 1e16, float("nan")], "stats": {}}
        out = tmp_path / str(depth)
        w.write_outputs(out, doc)
        assert (out / "kb.json").read_bytes() == w.dumps(doc), depth
    doc = {"entries": [], 1: [2]}  # (a key orjson refuses: json writes it, in pieces as whole)
    w.write_outputs(tmp_path / "key", doc)
    assert (tmp_path / "key" / "kb.json").read_bytes() == w.dumps(doc)


@pytest.mark.parametrize("use_cache", [False, True])
def test_the_groups_and_articles_are_let_go_before_the_document_is_made(tmp_path, monkeypatch, use_cache):
    """The build's peak is at its end (the document, kb.json, the report): what grows with the
    corpus and is not the entries is let go before it: every distinct body's group, each
    article's record, and under --no-cache the pairs' verdicts and candidates (what only a
    cache that is saved keeps for the next build)."""
    import gc

    from pipeline import runner
    from pipeline.consolidate import Group
    from pipeline.model import Article, Options
    from .test_clean import BANNER, PIXEL, SPUN_REST, spun_copy
    src = tmp_path / "in"
    for i in range(12):
        ads = (BANNER, PIXEL) if i % 2 else (PIXEL, BANNER)
        body = spun_copy(f"Wi-Fi fix number {i}", *ads, [f"farm{i}"])
        if i % 3 == 1:  # near-duplicates of the others: a sentence more
            body = body.replace("Unplug the router.", "Unplug the router. Wait a full minute before you plug it in.")
        write(src, f"copy-{i:02}.md", FM.format(t=f"Wi-Fi fix number {i}", b=body))
    assert "Unplug the router." in SPUN_REST
    alive, kept = [], {}
    document = runner._document
    close = runner._close

    def counted(*args, **kwargs):
        gc.collect()
        alive.append(sum(1 for o in gc.get_objects() if isinstance(o, (Article, Group))))
        return document(*args, **kwargs)

    def closed(cache, scratch):
        kept.update(verdicts=dict(cache.verdicts), near=dict(cache.near), scratch=cache.scratch)
        return close(cache, scratch)

    monkeypatch.setattr(runner, "_document", counted)
    monkeypatch.setattr(runner, "_close", closed)
    res = runner.build(src, tmp_path / "out", Options(jobs=1), use_cache=use_cache, formats=("report",))
    doc = json.loads((tmp_path / "out" / "kb.json").read_text())
    assert sum(len(e["sources"]) for e in doc["entries"]) == 12 and res.rejected == 0
    assert doc["stats"]["distinct_bodies"] == 2 and doc["stats"]["near_duplicate_candidates"] >= 1
    assert alive == [0]
    assert kept["scratch"] == (not use_cache)
    assert bool(kept["verdicts"]) == use_cache


def _no_utf8_copy(text: str) -> bool:
    """Whether the string carries no UTF-8 copy of itself (CPython's cache, which orjson fills):
    it is the size of a fresh copy."""
    import sys
    return sys.getsizeof(text) == sys.getsizeof("".join((text, "")))


def test_kb_json_written_leaves_no_utf8_copy_on_the_entries_text(tmp_path):
    # orjson keeps a UTF-8 copy on each non-ASCII string it serialises, for as long as the
    # string lives: kb.json written from the entries doubled their text to the build's end
    from pipeline import write as w
    text = "Open “Settings” → Network, then tap “Forget” — café Wi-Fi " * 50
    doc = {"schema_version": "1.0", "entries": [{"id": "kb-0", "title": "Café “offline”", "summary": text,
                                                 "sections": [{"text": text + "…", "variants": [text + "!"]}]}],
           "rejected": [], "stats": {"note": "“done”"}}
    expected = w.dumps(json.loads(json.dumps(doc)))  # (other strings: the test's own serialising leaves none)
    w.write_outputs(tmp_path, doc)
    assert (tmp_path / "kb.json").read_bytes() == expected
    e = doc["entries"][0]
    assert all(map(_no_utf8_copy, [e["title"], e["summary"], e["sections"][0]["text"],
                                   e["sections"][0]["variants"][0], doc["stats"]["note"]]))


def test_a_no_cache_build_leaves_no_utf8_copy_on_the_entries_text(tmp_path):
    # the scrub's digests of the entries (a scratch cache keeps no clean marks) and kb.json's
    # write left one on every non-ASCII text of the entries, held through the report
    from pipeline import runner
    from pipeline.model import Options
    src = tmp_path / "in"
    for i, (t, fix) in enumerate([("Wi-Fi drops", "Open “Settings” → Wi-Fi and tap “Forget this network” — then "
                                                   "join it again with the café’s password."),
                                  ("Printer offline", "Open “Devices” → Printers, right-click the printer and "
                                                      "untick “Use printer offline” – it prints again.")]):
        write(src, f"a{i}.md", FM.format(t=t, b=f"Your {t.lower()}? Here’s the fix.\n\n## Fix 1: The setting\n\n"
                                                f"{fix}\n\n## Fix 2: Restart\n\nRestart it — that’s all.\n"))
    res = runner.build(src, tmp_path / "out", Options(jobs=1), use_cache=False, formats=("report",))
    texts = [s["text"] for e in res.doc["entries"] for s in e["sections"]] + [e["summary"] for e in res.doc["entries"]]
    texts = [t for t in texts if not t.isascii()]
    assert len(texts) >= 4 and all(map(_no_utf8_copy, texts))
