"""schema.org HowTo JSON-LD for the entries of a knowledge base, the shape search engines and
many tools already read. One HowTo per entry with a step that is not a pitch; pitches (steps
flagged `promotional`: a pitch with no manual way) are left out, and so are a step's `pitch`
passages from its text; nothing is added that kb.json does not hold.

A step with sub-steps is a HowToSection of HowToSteps (one per instruction); text is plain,
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
    out["step"] = [_step(s, k, url) for k, s in enumerate(steps, 1)]
    return out


def _step(step: dict, position: int, url: str | None) -> dict:
    ident = f"{url or ''}#{step['id']}"
    texts = [t for t in map(plain, step["instructions"]) if t]  # (an empty sub-step is no direction)
    if texts:
        out = {"@type": "HowToSection", "@id": ident, "position": position, "name": step["title"],
               "itemListElement": [{"@type": "HowToStep", "position": k, "text": t}
                                   for k, t in enumerate(texts, 1)]}
    else:
        text = step["text"]
        for passage in step.get("pitch", []):
            text = text.replace(passage, "")
        out = {"@type": "HowToStep", "@id": ident, "position": position, "name": step["title"],
               "text": plain(text) or step["title"]}
    if step["images"]:
        out["image"] = [i["url"] for i in step["images"]]
    return out
