"""schema.org HowTo JSON-LD for the entries of a knowledge base, the shape search engines and
many tools already read. One HowTo per entry with a step that is not a pitch; pitches (steps
flagged `promotional`: a pitch with no manual way) are left out, and so are a step's `pitch`
passages from its text; nothing is added that kb.json does not hold.

A step with sub-steps is a HowToSection of HowToSteps (one per instruction), a step whose
sub-steps fall into ways to choose from (`ways`) one HowToSection per way, named by the step
and the way ("Turn off hardware acceleration — For Google Chrome"); text is plain,
rendered by the CommonMark parser, not stripped by patterns. With a base URL, each HowTo
gets an absolute `url` and `@id` (BASE/ENTRY_ID), each step `BASE/ENTRY_ID#STEP_ID`.
"""
from __future__ import annotations

from html.parser import HTMLParser

import pyromark

ALTERNATE_NAMES = 5  # at most this many alternate titles (spun entries have up to 150)
_BLOCKS = frozenset("p br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr td th div".split())


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, ())

    def handle_data(self, data):
        self.parts.append(data)


def plain(markdown: str) -> str:
    """Markdown to one line of plain text: links keep their text, images and markup go."""
    parser = _Text()
    parser.feed(pyromark.html(markdown or ""))
    parser.close()
    return " ".join("".join(parser.parts).split())


def howto_document(doc: dict, base_url: str | None = None) -> dict:
    graph = [h for e in doc["entries"] if (h := howto(e, base_url)) is not None]
    return {"@context": "https://schema.org", "@graph": graph}


def howto(entry: dict, base_url: str | None = None) -> dict | None:
    steps = [s for s in entry["steps"] if not s.get("promotional")]
    if not steps:
        return None
    url = f"{base_url.rstrip('/')}/{entry['id']}" if base_url else None
    out = {"@type": "HowTo", "@id": url or f"#{entry['id']}"}
    if url:
        out["url"] = url
    out["name"] = entry["title"]
    out["description"] = plain(entry["summary"])
    if entry["alternate_titles"]:
        out["alternateName"] = entry["alternate_titles"][:ALTERNATE_NAMES]
    out["step"] = [part for s in steps for part in _parts(s, url)]
    for k, part in enumerate(out["step"], 1):
        part["position"] = k
    return out


def _parts(step: dict, url: str | None) -> list[dict]:
    """The HowTo steps of one step: one section per way it gives to choose from (each way's sub-steps; a
    consumer that follows a section of all of them would do every way in turn), else the step itself."""
    ways = [(w, texts) for w in step.get("ways") or [] if (texts := [t for t in map(plain, w["instructions"]) if t])]
    if len(ways) < 2:
        return [_step(step, url)]
    # (no screenshots: kb.json does not say which way each shows, and one way's would mislead on another's)
    return [_section(f"{url or ''}#{step['id']}-way-{k}", f"{step['title']} — {plain(way['title'])}", texts)
            for k, (way, texts) in enumerate(ways, 1)]


def _section(ident: str, name: str, texts: list[str]) -> dict:
    return {"@type": "HowToSection", "@id": ident, "position": 0, "name": name,
            "itemListElement": [{"@type": "HowToStep", "position": k, "text": t} for k, t in enumerate(texts, 1)]}


def _step(step: dict, url: str | None) -> dict:
    ident = f"{url or ''}#{step['id']}"
    texts = [t for t in map(plain, step["instructions"]) if t]  # (an empty sub-step is no direction)
    if texts:
        out = _section(ident, step["title"], texts)
    else:
        text = step["text"]
        for passage in step.get("pitch", []):
            text = text.replace(passage, "")
        out = {"@type": "HowToStep", "@id": ident, "position": 0, "name": step["title"],
               "text": plain(text) or step["title"]}
    if step["images"]:
        out["image"] = [i["url"] for i in step["images"]]
    return out
