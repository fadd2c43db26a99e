from pipeline.howto import howto_document, plain


def test_seed_entry_as_schema_org_howto(seeds_kb):
    doc = howto_document(seeds_kb)
    assert doc["@context"] == "https://schema.org"
    (h,) = doc["@graph"]
    assert h["@type"] == "HowTo"
    assert h["name"] == seeds_kb["entries"][0]["title"]
    assert [s["name"] for s in h["step"]][:3] == [
        "Do You Both Have Internet Access?", "Do You Have iMessage Turned On?", "Send as SMS Instead of iMessage"]
    assert [s["position"] for s in h["step"]] == list(range(1, 10))
    assert all(s["@type"] == "HowToStep" and s["text"] for s in h["step"])
    assert "**" not in h["step"][0]["text"] and "Settings > Wi-Fi" in h["step"][0]["text"]


def test_plain_text_keeps_link_text_and_drops_markup():
    assert plain("Go to **Settings** and see [the guide](https://x.example/g).\n\n![i](https://x/i.png)") == \
        "Go to Settings and see the guide."


def test_build_format_howto_writes_jsonld(tmp_path):
    import json

    from click.testing import CliRunner

    from pipeline.cli import main

    from .conftest import SEEDS

    res = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(tmp_path), "-q", "--format", "howto"])
    assert res.exit_code == 0, res.output
    doc = json.loads((tmp_path / "howto.jsonld").read_text())
    assert len(doc["@graph"]) == 1 and len(doc["@graph"][0]["step"]) == 9
