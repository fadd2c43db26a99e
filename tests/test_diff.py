"""`pipeline diff OLD NEW`: added, removed and changed entries in text, JSON and markdown,
exit codes for CI; on hand-made knowledge bases and on the sample corpus's."""
import copy
import json

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.diff import diff_kb, md_escape


def kb(*entries):
    return {"schema_version": "1.0", "entries": list(entries), "rejected": [], "stats": {}}


def entry(id_, title, steps=(), paths=()):
    return {"id": id_, "title": title,
            "steps": [{"id": f"step-{i}", "title": t} for i, t in enumerate(steps)],
            "sources": [{"id": f"src-{p}", "path": p} for p in paths]}


def run(tmp_path, old, new, *args):
    (tmp_path / "old.json").write_text(json.dumps(old), "utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), "utf-8")
    return CliRunner().invoke(main, ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), *args])


OLD = kb(entry("kb-a", "Fix Wi-Fi", ["Restart router", "Update driver"], ["a.md", "b.md"]),
         entry("kb-b", "Printer offline", ["Check cable"], ["c.md"]))
NEW = kb(entry("kb-a", "Fix Wi-Fi drops", ["Restart router", "Reset network"], ["a.md", "d.md"]),
         entry("kb-c", "Scanner <b>jam</b> | `x`", [], ["e.md"]))


def test_reports_every_kind_of_change():
    d = diff_kb(OLD, NEW)
    assert d["counts"] == {"old": 2, "new": 2, "added": 1, "removed": 1, "changed": 1, "unchanged": 0,
                           "id_changed": 0}
    assert [e["id"] for e in d["added"]] == ["kb-c"] and [e["id"] for e in d["removed"]] == ["kb-b"]
    ch = d["changed"][0]
    assert ch["title_changed"] == {"old": "Fix Wi-Fi", "new": "Fix Wi-Fi drops"}
    assert ch["steps_added"] == ["Reset network"] and ch["steps_removed"] == ["Update driver"]
    assert ch["sources_added"] == ["d.md"] and ch["sources_removed"] == ["b.md"]


def test_an_entry_whose_id_changed_is_changed_not_removed(tmp_path):
    # a new rule set cleans the canonical body differently: the entry's id (derived from
    # it) changes, its sources do not; an entry sharing too few sources is another problem
    old = kb(entry("kb-a", "Fix Wi-Fi", ["Restart router"], ["a.md", "b.md", "c.md"]),
             entry("kb-b", "Printer offline", [], ["p.md", "q.md", "r.md"]))
    new = kb(entry("kb-x", "Fix Wi-Fi", ["Restart router"], ["a.md", "b.md", "c.md", "d.md"]),
             entry("kb-y", "Printer offline", [], ["p.md", "s.md", "t.md"]))
    d = diff_kb(old, new)
    assert d["counts"] == {"old": 2, "new": 2, "added": 1, "removed": 1, "changed": 1, "unchanged": 0,
                           "id_changed": 1}
    assert d["changed"] == [{"id": "kb-x", "title": "Fix Wi-Fi", "id_changed": {"old": "kb-a", "new": "kb-x"},
                             "sources_added": ["d.md"]}]
    assert [e["id"] for e in d["removed"]] == ["kb-b"] and [e["id"] for e in d["added"]] == ["kb-y"]
    only_moved = kb(entry("kb-x", "Fix Wi-Fi", ["Restart router"], ["a.md", "b.md", "c.md"]))
    r = run(tmp_path, kb(old["entries"][0]), only_moved, "--fail-on-removed")
    assert r.exit_code == 0
    assert r.output == ("1 -> 1 entries: 0 added, 0 removed, 1 changed (1 with a new id), 0 unchanged\n"
                        "~ kb-x  Fix Wi-Fi\n    id: kb-a → kb-x\n")


def test_an_entry_whose_text_alone_changed_is_changed(tmp_path):
    # a rule change that keeps the id: a summary tidied, a section's text, a step's text
    old = entry("kb-a", "Fix Wi-Fi", ["Restart router", "Update driver"], ["a.md"])
    old |= {"summary": "Wi-Fi drops.", "alternate_titles": ["[SOLVED] Fix Wi-Fi"],
            "sections": [{"heading": "Fix 1", "kind": "fix", "text": "Restart it. Hope this helps!"}]}
    old["steps"][0]["text"] = "Restart it. Hope this helps!"
    new = copy.deepcopy(old) | {"alternate_titles": ["Fix Wi-Fi drops"]}
    new["sections"][0]["text"] = new["steps"][0]["text"] = "Restart it."
    d = diff_kb(kb(old), kb(new))
    assert d["counts"]["changed"] == 1
    assert d["changed"][0]["text_changed"] == {"alternate_titles": True, "sections": 1, "steps": 1}
    assert run(tmp_path, kb(old), kb(new)).output.endswith("    text: alternate titles, 1 section, 1 step\n")


def test_identical_files_have_no_changes(tmp_path):
    r = run(tmp_path, OLD, OLD, "--fail-on-removed")
    assert r.exit_code == 0
    assert r.output.startswith("2 -> 2 entries: 0 added, 0 removed, 0 changed, 2 unchanged")


def test_text_json_and_markdown(tmp_path):
    text = run(tmp_path, OLD, NEW).output
    assert "+ kb-c" in text and "- kb-b" in text and "~ kb-a" in text and "step added: Reset network" in text
    data = json.loads(run(tmp_path, OLD, NEW, "--format", "json").output)
    assert data["counts"]["removed"] == 1
    md = run(tmp_path, OLD, NEW, "--format", "markdown").output
    assert "| **removed** | `kb-b` | Printer offline |" in md
    # scraped titles cannot break the table, open HTML or code spans
    assert r"Scanner \<b\>jam\</b\> \| \`x\`" in md and "<b>" not in md


def test_fail_on_removed_exit_code(tmp_path):
    assert run(tmp_path, OLD, NEW).exit_code == 0
    r = run(tmp_path, OLD, NEW, "--fail-on-removed")
    assert r.exit_code == 1
    assert run(tmp_path, NEW, kb(*NEW["entries"], entry("kb-z", "new")), "--fail-on-removed").exit_code == 0


def test_bad_files_name_the_file(tmp_path):
    (tmp_path / "broken.json").write_text('{"entries": [', "utf-8")
    (tmp_path / "ok.json").write_text(json.dumps(OLD), "utf-8")
    r = CliRunner().invoke(main, ["diff", str(tmp_path / "broken.json"), str(tmp_path / "ok.json")])
    assert r.exit_code == 1 and "broken.json: not valid JSON (line 1)" in r.output
    (tmp_path / "list.json").write_text("[1, 2]", "utf-8")
    r = CliRunner().invoke(main, ["diff", str(tmp_path / "ok.json"), str(tmp_path / "list.json")])
    assert r.exit_code == 1 and "list.json: not a kb.json" in r.output
    r = CliRunner().invoke(main, ["diff", str(tmp_path / "ok.json"), str(tmp_path / "missing.json")])
    assert r.exit_code == 1 and "missing.json: cannot read" in r.output
    assert CliRunner().invoke(main, ["diff", str(tmp_path / "ok.json")]).exit_code == 2


def test_md_escape_keeps_text_literal():
    assert md_escape("[click](javascript:x) *a*\nb") == r"\[click\]\(javascript:x\) \*a\* b"


@pytest.mark.corpus
def test_diff_on_the_sample_corpus(corpus_kb, tmp_path):
    doc, _ = corpus_kb
    new = copy.deepcopy(doc)
    gone = new["entries"].pop(0)
    new["entries"][0]["title"] = "Retitled"
    with_steps = next(e for e in new["entries"][1:] if e["steps"])
    dropped = with_steps["steps"].pop()
    new["entries"][2]["sources"].append({"id": "src-new", "path": "new/article.md"})
    d = json.loads(run(tmp_path, doc, new, "--format", "json").output)
    assert d["counts"]["removed"] == 1 and d["removed"][0]["id"] == gone["id"]
    changed = {c["id"]: c for c in d["changed"]}
    assert changed[new["entries"][0]["id"]]["title_changed"]["new"] == "Retitled"
    assert changed[with_steps["id"]]["steps_removed"] == [dropped["title"]]
    assert changed[new["entries"][2]["id"]]["sources_added"] == ["new/article.md"]
    assert d["counts"]["unchanged"] == len(doc["entries"]) - 1 - len(changed)
    md = run(tmp_path, doc, new, "--format", "markdown", "--fail-on-removed")
    assert md.exit_code == 1 and gone["id"] in md.output


def test_a_rebuilt_entry_whose_title_changed_is_changed_not_removed(tmp_path):
    # the same article built twice, the second time with a rule that cleans its title
    # differently: `pipeline diff` reports the entry as changed, with both titles, not as
    # one entry removed and another added (a suffix the text says a word of: the title choice
    # itself leaves out one it never says)
    src = tmp_path / "in"
    src.mkdir()
    body = ("Your Wi-Fi drops every few minutes on the laptop. The router or the adapter's power saving "
            "is to blame.\n\n## Fix 1: Restart your router\n\nUnplug the router for a minute, then plug it in.\n\n"
            "## Fix 2: Turn off power saving\n\nOpen Device Manager and clear the power saving box.\n")
    (src / "wifi.md").write_text('---\ntitle: "Wi-Fi Keeps Dropping on a Laptop - Router Helpdesk"\n---\n\n' + body, "utf-8")
    extra = tmp_path / "more.toml"
    extra.write_text("[title_spin]\nsuffixes = ['\\s*-\\s*router helpdesk$']\n", "utf-8")
    for out, more in (("old", []), ("new", ["--rules", str(extra)])):
        res = CliRunner().invoke(main, ["build", "--input", str(src), "--output", str(tmp_path / out), "-q", "-j", "1",
                                        "--no-cache", *more])
        assert res.exit_code == 0, res.output
    old, new = (json.loads((tmp_path / n / "kb.json").read_text("utf-8")) for n in ("old", "new"))
    assert old["entries"][0]["title"] != new["entries"][0]["title"]
    d = diff_kb(old, new)
    assert d["counts"]["removed"] == d["counts"]["added"] == 0 and d["counts"]["changed"] == 1
    assert d["changed"][0]["title_changed"] == {"old": old["entries"][0]["title"], "new": new["entries"][0]["title"]}
    r = CliRunner().invoke(main, ["diff", str(tmp_path / "old" / "kb.json"), str(tmp_path / "new" / "kb.json"),
                                  "--fail-on-removed"])
    assert r.exit_code == 0 and "0 removed, 1 changed" in r.output


def test_load_kb_reads_what_json_reads_and_names_the_line_of_what_it_does_not(tmp_path):
    from pipeline.diff import DiffError, load_kb
    doc = {"entries": [{"id": "a", "title": "caf\u00e9 \udcff"}], "stats": {"n": 10**30, "x": float("nan")}}
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(doc, indent=2), "utf-8")  # (a lone surrogate's escape, a huge integer, NaN)
    got = load_kb(path)
    assert got["entries"] == doc["entries"] and got["stats"]["n"] == 10**30
    path.write_text('{\n"entries": [\n}', "utf-8")
    with pytest.raises(DiffError, match=r"not valid JSON \(line 3\)"):
        load_kb(path)


def test_a_step_whose_sub_steps_fall_into_ways_is_changed():
    # the same text and sub-steps, now read as two ways to choose from: a reader sees the step changed
    old = entry("kb-a", "Fix Access Denied", ["Take ownership", "Unencrypt"], ["a.md"])
    old["steps"][0] |= {"text": "For Windows 10: …  For Windows 7: …", "instructions": ["A", "B", "C", "D"], "ways": []}
    new = copy.deepcopy(old)
    new["steps"][0]["ways"] = [{"title": "For Windows 10", "instructions": ["A", "B"]},
                               {"title": "For Windows 7", "instructions": ["C", "D"]}]
    d = diff_kb(kb(old), kb(new))
    assert d["counts"]["changed"] == 1 and d["changed"][0]["text_changed"] == {"steps": 1}
    newer = copy.deepcopy(new)
    newer["steps"][0]["instructions"] = ["A", "B", "C"]
    assert diff_kb(kb(new), kb(newer))["changed"][0]["text_changed"] == {"steps": 1}
