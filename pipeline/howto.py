"""schema.org HowTo JSON-LD for the entries of a knowledge base, the shape search engines and
many tools already read. One HowTo per entry that has steps; nothing is added that kb.json
does not hold."""
from __future__ import annotations

import re

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(\*\*|__|`+|^#+\s*|^>\s*)", re.M)


def plain(markdown: str) -> str:
    """Markdown to one line of plain text (links keep their text, images and markup go)."""
    text = _MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), markdown)
    return " ".join(_MD_MARK.sub("", text).split())


def howto_document(doc: dict) -> dict:
    graph = [howto(e) for e in doc["entries"] if e["steps"]]
    return {"@context": "https://schema.org", "@graph": graph}


def howto(entry: dict) -> dict:
    out = {
        "@type": "HowTo",
        "@id": f"#{entry['id']}",
        "name": entry["title"],
        "description": plain(entry["summary"]),
    }
    if entry["alternate_titles"]:
        out["alternateName"] = entry["alternate_titles"]
    out["step"] = [_step(s) for s in entry["steps"]]
    return out


def _step(step: dict) -> dict:
    out = {"@type": "HowToStep", "@id": f"#{step['id']}", "position": step["order"], "name": step["title"],
           "text": plain(step["text"])}
    if step["instructions"]:
        out["itemListElement"] = [{"@type": "HowToDirection", "position": k, "text": t}
                                  for k, t in enumerate(step["instructions"], 1)]
    if step["images"]:
        out["image"] = [i["url"] for i in step["images"]]
    return out
