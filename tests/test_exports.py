"""kb.jsonl, kb.sqlite (tables, keys, FTS5; served by Datasette) and `pipeline search` (#29)."""
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from pipeline.cli import main

from .conftest import SEEDS, write

PRINTER = """---
title: "[SOLVED] Printer Offline After Windows Update"
date: 2024-03-02
---

Your HP printer shows offline after a Windows update, although it is on and connected.

## Fix 1: Restart the Print Spooler

Press **Win + R**, type `services.msc`, and restart **Print Spooler**.

## Fix 2: Turn off Use Printer Offline

Open **Settings > Bluetooth & devices > Printers & scanners** and clear **Use Printer Offline**.
"""
ZOOM = """---
title: Zoom keeps disconnecting
date: 2024-03-03
---

Zoom drops your meeting every few minutes when the connection is unstable.

## Fix 1: Restart your router

Unplug the router for 30 seconds, then plug it back in.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    for f in SEEDS.iterdir():
        shutil.copy(f, src / f.name)
    write(src, "printer.md", PRINTER)
    write(src, "zoom.md", ZOOM)
    out = tmp_path_factory.mktemp("out")
    res = CliRunner().invoke(main, ["build", "-q", "-j", "1", "--input", str(src), "--output", str(out),
                                    "--format", "sqlite", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    return out, json.loads((out / "kb.json").read_text("utf-8"))


def test_jsonl_holds_the_entries_of_kb_json_one_a_line_in_order(built):
    out, doc = built
    lines = (out / "kb.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == doc["entries"] and len(lines) == 3


def test_sqlite_tables_keys_json_columns_and_full_text(built):
    out, doc = built
    db = sqlite3.connect(out / "kb.sqlite")
    n = {t: db.execute(f"select count(*) from {t}").fetchone()[0]
         for t in ("entries", "sections", "steps", "sources", "alternate_titles", "causes", "rejected")}
    e = doc["entries"]
    assert n["entries"] == 3 and n["steps"] == sum(len(x["steps"]) for x in e)
    assert n["sources"] == sum(len(x["sources"]) for x in e) == 4
    assert db.execute("pragma foreign_key_check").fetchall() == []
    fks = {r[2] for t in ("steps", "sections", "sources") for r in db.execute(f"pragma foreign_key_list({t})")}
    assert fks == {"entries"}
    shortcuts = db.execute("select shortcuts from steps where title like '%Spooler%'").fetchone()[0]
    assert json.loads(shortcuts) == ["Win + R"]
    hit = db.execute("select s.title from entries_search_fts f join entries_search s on s.rowid = f.rowid "
                     "where entries_search_fts match 'offline'").fetchall()
    assert hit == [("Printer Offline After Windows Update",)]


def test_search_ranks_the_answering_entry_first_with_its_best_step(built):
    out, _ = built
    for folder in (out, _without_sqlite(out)):  # from kb.sqlite, and from kb.json on the fly
        res = CliRunner().invoke(main, ["search", "printer shows offline", "--output", str(folder), "--format", "json"])
        assert res.exit_code == 0, res.output
        results = json.loads(res.output)
        assert results[0]["title"] == "Printer Offline After Windows Update" and results[0]["score"] > 0
        assert results[0]["step"]["title"] == "Turn off Use Printer Offline"
    res = CliRunner().invoke(main, ["search", "zoom", "--output", str(out / "nowhere")])
    assert res.exit_code == 1 and "build first" in res.output


def _without_sqlite(out):
    other = out.parent / (out.name + "-json-only")
    other.mkdir(exist_ok=True)
    shutil.copy(out / "kb.json", other / "kb.json")
    return other


def test_search_treats_fts_syntax_as_words(built):
    out, _ = built
    res = CliRunner().invoke(main, ["search", 'zoom" OR title:* NEAR(', "--output", str(out), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["title"] == "Zoom keeps disconnecting"


def test_datasette_serves_kb_sqlite_as_it_is(built):
    pytest.importorskip("datasette")
    out, _ = built
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(out / "kb.sqlite"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/kb"
        for _ in range(100):
            try:
                rows = json.load(urllib.request.urlopen(f"{base}/entries.json?_shape=array", timeout=2))
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("datasette did not start")
        assert {r["title"] for r in rows} >= {"Printer Offline After Windows Update", "Zoom keeps disconnecting"}
        found = json.load(urllib.request.urlopen(f"{base}/entries_search.json?_search=router&_shape=array", timeout=5))
        assert [r["title"] for r in found] == ["Zoom keeps disconnecting"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_the_readme_sql_examples_run(built):
    out, _ = built
    from .conftest import ROOT
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("<!-- README-SQL", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    queries = [line.split('"', 1)[1].rsplit('"', 1)[0] for line in block.splitlines() if line.startswith("sqlite3 ")]
    db = sqlite3.connect(out / "kb.sqlite")
    results = [db.execute(q).fetchall() for q in queries]
    assert len(queries) == 2 and len(results[0]) == 3 and results[1] == [("Printer Offline After Windows Update",)]
    duck = [line.split('"', 1)[1].rsplit('"', 1)[0] for line in block.splitlines() if line.startswith("duckdb ")]
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    rows = con.execute(duck[0].replace("output/kb.jsonl", str(out / "kb.jsonl"))).fetchall()
    assert sorted(rows) == sorted((e["title"], len(e["steps"])) for e in json.loads((out / "kb.json").read_text())["entries"])


def test_a_library_build_writes_the_report_and_formats_without_the_cli(tmp_path):
    """runner.build, not only the CLI, writes what export.FORMATS names: the report (compared
    with the kb.json the build replaced) and the --format choices, and none it was not asked for."""
    from pipeline.model import Options
    from pipeline.runner import build

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    write(src, "printer.md", PRINTER)
    build(src, out, Options(jobs=1), formats=("report", "jsonl"), use_cache=False)
    assert (out / "report.html").is_file() and (out / "kb.jsonl").read_text("utf-8").count("\n") == 1
    assert not (out / "kb.sqlite").exists() and not (out / "howto.jsonld").exists()
    write(src, "zoom.md", ZOOM)
    build(src, out, Options(jobs=1), formats=("report", "howto"), base_url="https://kb.example.com", use_cache=False)
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert report["previous_build"]["old"] == 1 and report["previous_build"]["added"] == 1
    howto = json.loads((out / "howto.jsonld").read_text("utf-8"))
    assert all(h["url"].startswith("https://kb.example.com/") for h in howto["@graph"])
    with pytest.raises(ValueError, match="unknown format pdf"):
        build(src, tmp_path / "other", Options(jobs=1), formats=("pdf",))
    assert not (tmp_path / "other").exists()  # refused before anything is written


def test_a_build_without_the_sqlite_format_does_not_import_sqlite_utils(tmp_path):
    """A build imports sqlite-utils only to write kb.sqlite (~0.2 s of CPU every build, a fifth of a rebuild
    with nothing changed); `--format sqlite` and `search` still get it."""
    write(tmp_path / "in", "printer.md", PRINTER)
    code = ("import sys; from pipeline.cli import main\n"
            "try:\n"
            f"    main(['build', '-q', '-j', '1', '--input', {str(tmp_path / 'in')!r}, '--output', {str(tmp_path / 'out')!r}])\n"
            "except SystemExit as exc:\n"
            "    assert not exc.code, exc.code\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlite_utils'))\n")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr
    assert got.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "kb.json").is_file()
