"""Every rule the code reads is declared in pipeline/rules.py, so a shipped file without it,
or a user file that mistypes or misshapes it, is an `Error: FILE: ...` before any work."""
import ast

import pytest

from pipeline.rules import REQUIRED_GROUPS, load_rules, page_kind_keys

from .conftest import ROOT


def _reads(groups) -> set[tuple[str, str | None]]:
    """(group, key) of each call f("group", "key", ...) and (group, None) of each x["group"]
    in the package, where "group" names a rule group."""
    out = set()
    for path in (ROOT / "pipeline").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and len(node.args) >= 2 and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]):
                if node.args[0].value in groups:
                    out.add((node.args[0].value, node.args[1].value))
            elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and node.slice.value in groups:
                out.add((node.slice.value, None))
    return out


def test_every_rule_the_code_reads_is_declared_and_shipped():
    shipped = load_rules().data
    reads = {(g, k) for g, k in _reads(set(shipped)) if k != ""}  # ("summary", "") is an entry's field
    assert ("boilerplate", "min_families") in reads and ("ad_block_kinds", None) in reads  # (the scan finds them)
    undeclared = sorted((g, k) for g, k in reads if g != "page_kinds" and g not in REQUIRED_GROUPS
                        or k is not None and REQUIRED_GROUPS.get(g) is not None and k not in REQUIRED_GROUPS[g])
    assert undeclared == []
    assert all(k in shipped[g] for g, keys in REQUIRED_GROUPS.items() for k in keys or ())
    assert set(shipped["page_kinds"]) <= set(page_kind_keys())


def test_a_user_number_replaces_the_shipped_one_and_a_page_kind_key_the_code_reads_is_allowed(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[boilerplate]\nmin_families = ["9"]\n\n[affiliate_hosts]\nnetwork_hosts = ["2"]\n\n'
                    '[page_kinds]\nrepeated_review = ["\\\\bout of 10\\\\b"]\n')
    rules = load_rules([str(mine)])
    # (appended to the shipped ["5"], the user's number was never read: boilerplate.py reads [0])
    assert rules.get("boilerplate", "min_families") == ["9"] and rules.get("affiliate_hosts", "network_hosts") == ["2"]
    assert rules.get("page_kinds", "repeated_review") == ["\\bout of 10\\b"]


def test_a_user_rule_reaches_titles_headings_prose_and_labels(tmp_path):
    # A `--rules` addition used to reach the cleaner's links only: the plain-text checks read
    # the shipped file at import, so `ms-its:` stayed in prose, headings and titles.
    import json

    from click.testing import CliRunner

    from pipeline.cli import main

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text(
        "---\ntitle: 'Printer offline <zorp>now</zorp> ms-its:help.chm::/t.htm'\ntags: ['ms-its:x.chm']\n---\n"
        "Your printer shows offline after an update; open ms-its:printer.chm::/offline.htm to read more.\n\n"
        "## Restart the spooler ms-its:spool.chm\n\nOpen **Services**, find Print Spooler and restart it.\n\n"
        "## Update the driver\n\nOpen **Device Manager** and update the printer's driver.\n", "utf-8")
    (tmp_path / "more.toml").write_text('[safe_schemes]\nnever = ["ms-its:"]\n[html_elements]\nnames = ["zorp"]\n')
    out = tmp_path / "out"
    args = ["build", "--input", str(tmp_path / "in"), "--output", str(out), "-q"]
    assert CliRunner().invoke(main, args, catch_exceptions=False).exit_code == 0
    plain = (out / "kb.json").read_text("utf-8")
    assert "ms-its:" in plain and "<zorp>" in plain  # without the rule both are text
    assert CliRunner().invoke(main, args + ["--rules", str(tmp_path / "more.toml")],
                              catch_exceptions=False).exit_code == 0
    entry = json.loads((out / "kb.json").read_text("utf-8"))["entries"][0]
    text = json.dumps(entry)
    assert "ms-its:" not in text and "<zorp>" not in text
    assert entry["title"].startswith("Printer offline") and "Restart the spooler" in text


def test_a_never_scheme_must_be_a_scheme_and_its_colon(tmp_path):
    # `never = ["ms-its"]` was accepted: plain text then removed "ms-it:…" and kept "ms-its:…"
    from pipeline.rules import RulesError
    bad = tmp_path / "bad.toml"
    bad.write_text('[safe_schemes]\nnever = ["ms-its"]\n')
    with pytest.raises(RulesError, match="is not a URL scheme and its colon"):
        load_rules([str(bad)])
    good = tmp_path / "good.toml"
    good.write_text('[safe_schemes]\nnever = ["ms-its:"]\n')
    assert "ms-its:" in load_rules([str(good)]).get("safe_schemes", "never")


def test_the_typed_entry_the_cache_checks_is_the_schemas_entry_without_its_kind():
    import json

    from pipeline.cache import ENTRY_FIELDS
    from pipeline.model import Merged
    from pipeline.write import schema_text

    entry = json.loads(schema_text())["$defs"]["entry"]
    assert ENTRY_FIELDS == list(Merged.__annotations__)
    assert [f for f in entry["required"] if f != "kind"] == ENTRY_FIELDS
