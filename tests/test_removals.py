"""One registry of removal kinds (pipeline/removals.py), read by the schema, README, the
rules and the cleaner: a kind the cleaner counts that the registry does not name would make
kb.json fail its own schema."""
import json
import re

import jsonschema

from pipeline.clean import Cleaner
from pipeline.clean.html_blocks import _DROP_KIND
from pipeline.removals import REMOVALS
from pipeline.rules import load_rules

from .conftest import ROOT


def test_schema_readme_and_rules_name_the_registered_kinds():
    schema = json.loads((ROOT / "pipeline" / "schema" / "kb.schema.json").read_text("utf-8"))
    removed = _find(schema, "removed")
    assert removed["propertyNames"]["enum"] == list(REMOVALS)
    docs = (ROOT / "README.md").read_text("utf-8") + (ROOT / "docs" / "fields.md").read_text("utf-8")
    assert [k for k in REMOVALS if f"`{k}`" not in docs] == []
    shipped = load_rules()
    assert set(shipped.data["ad_block_kinds"]) | set(_DROP_KIND.values()) <= set(REMOVALS)


def _find(node, key):
    if isinstance(node, dict):
        if key in node and isinstance(node[key], dict) and "additionalProperties" in node[key]:
            return node[key]
        for v in node.values():
            if (found := _find(v, key)) is not None:
                return found
    if isinstance(node, list):
        for v in node:
            if (found := _find(v, key)) is not None:
                return found
    return None


def test_every_kind_a_hostile_page_makes_the_cleaner_count_is_registered():
    page = (
        "Intro text of the article about a printer that is offline.\n\n"
        "<!-- affiliate ads begin --><video src=x></video><!-- affiliate ads end -->\n\n"
        "<!-- affiliate ads begin --><!-- affiliate ads end -->\n\n"
        "<script>alert(1)</script><style>p{}</style><iframe src=x></iframe><!-- note -->\n\n"
        '<p>Text <img src="https://t.example/p.gif" width="1" height="1"> and <foo bar="1">x</foo></p>\n\n'
        "Shown as text: &lt;img src=x onerror=alert(1)&gt; here.\n\n"
        "[click](javascript:alert(1)) and [](https://example.com/a) here.\n\n"
        "<!-- affiliate ads end -->\n\n"
        "<!DOCTYPE html>\n\n"
        "Restart the printer and try again.\n")
    removed = Cleaner(load_rules()).clean(page).removed
    assert len(removed) >= 8, removed
    assert set(removed) <= set(REMOVALS), set(removed) - set(REMOVALS)


def test_a_kb_with_an_unregistered_kind_fails_the_schema(tmp_path):
    from .conftest import SEEDS
    from click.testing import CliRunner

    from pipeline.cli import main
    assert CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(tmp_path), "-q"]).exit_code == 0
    doc = json.loads((tmp_path / "kb.json").read_text("utf-8"))
    schema = json.loads((ROOT / "pipeline" / "schema" / "kb.schema.json").read_text("utf-8"))
    jsonschema.validate(doc, schema)
    doc["entries"][0]["sources"][0]["removed"]["popup"] = 1
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as exc:
        assert re.search("popup", str(exc))
    else:
        raise AssertionError("an unregistered kind passed the schema")
