from pipeline.export.howto import howto_document, plain


def test_seed_entry_as_schema_org_howto(seeds_kb):
    doc = howto_document(seeds_kb)
    assert doc["@context"] == "https://schema.org"
    (h,) = doc["@graph"]
    assert h["@type"] == "HowTo"
    assert h["name"] == seeds_kb["entries"][0]["title"]
    assert [s["name"] for s in h["step"]][:3] == [
        "Do You Both Have Internet Access?", "Do You Have iMessage Turned On?", "Send as SMS Instead of iMessage"]
    assert [s["position"] for s in h["step"]] == list(range(1, 10))
    assert all(s["@type"] in ("HowToStep", "HowToSection") for s in h["step"])
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


def _valid_howto(h: dict, absolute: bool) -> None:
    """What schema.org (and Google's HowTo guidelines) expect: a name, steps in order, each a
    HowToStep with text or a HowToSection of HowToSteps with text; absolute URLs if asked."""
    assert h["@type"] == "HowTo" and h["name"] and h["step"]
    assert [s["position"] for s in h["step"]] == list(range(1, len(h["step"]) + 1))
    for s in h["step"]:
        assert s["@type"] in ("HowToStep", "HowToSection") and s["name"]
        items = s.get("itemListElement", [s])
        assert all(i["@type"] == "HowToStep" and i["text"] and "**" not in i["text"] and "](" not in i["text"]
                   for i in items)
        assert s["@id"].startswith(h["url"] + "#") if absolute else s["@id"].startswith("#")
    assert len(h.get("alternateName", [])) <= 5
    if absolute:
        assert h["url"].startswith("https://") and h["@id"] == h["url"]


def test_howto_leaves_pitches_out_and_nests_sub_steps(seeds_kb):
    import copy
    doc = copy.deepcopy(seeds_kb)
    e = doc["entries"][0]
    e["steps"][1]["promotional"] = True
    e["steps"][2]["instructions"] = ["Open **Settings**.", "Tap [Messages](https://x.example/m)."]
    e["steps"][2]["images"] = [{"url": "https://img.example/settings.png", "alt": "Settings"}]
    e["alternate_titles"] = [f"Title {i}" for i in range(40)]
    (h,) = howto_document(doc, "https://kb.example.com/kb")["@graph"]
    _valid_howto(h, absolute=True)
    names = [s["name"] for s in h["step"]]
    assert e["steps"][1]["title"] not in names and len(names) == len(e["steps"]) - 1
    section = h["step"][1]
    assert section["@type"] == "HowToSection"
    assert [i["text"] for i in section["itemListElement"]] == ["Open Settings.", "Tap Messages."]
    assert section["image"] == ["https://img.example/settings.png"]  # (a section keeps its step's screenshots)
    assert h["url"] == f"https://kb.example.com/kb/{e['id']}"
    for s in e["steps"]:
        s["promotional"] = True
    assert howto_document(doc)["@graph"] == []  # nothing but pitches: no HowTo


def test_every_howto_of_the_sample_is_valid(corpus_kb):
    doc, _ = corpus_kb
    graph = howto_document(doc)["@graph"]
    assert len(graph) > 150
    for h in graph:
        _valid_howto(h, absolute=False)
        assert all("promotional" not in s for s in h["step"])
def test_howto_leaves_pitches_out():
    def step(n, text, promotional=False, pitch=()):
        return {"id": f"step-{n}", "order": n, "title": f"S{n}", "text": text, "instructions": [], "images": [],
                "promotional": promotional, "pitch": list(pitch)}
    entry = {"id": "kb-1", "title": "T", "summary": "", "alternate_titles": [], "steps": [
        step(1, "Go to the vendor's website.\n\nOr let **Tool** do it.", pitch=["Or let **Tool** do it."]),
        step(2, "Buy **Tool**.", promotional=True, pitch=["Buy **Tool**."]),
        step(3, "Restart.")]}
    doc = howto_document({"entries": [entry, dict(entry, id="kb-2", steps=[entry["steps"][1]])]})
    (h,) = doc["@graph"]
    assert [(s["name"], s["position"], s["text"]) for s in h["step"]] == [
        ("S1", 1, "Go to the vendor's website."), ("S3", 2, "Restart.")]
