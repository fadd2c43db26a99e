"""Writers of the formats a build can produce besides kb.json, by name: the CLI's
`--format` choices and `runner`-level callers read the same registry."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..howto import howto_document
from ..write import dumps_for_html, write_atomic
from .jsonl import write_jsonl
from .sqlite import write_sqlite


def write_howto(output_dir: Path, doc: dict, base_url: str | None = None) -> Path:
    path = Path(output_dir) / "howto.jsonld"
    write_atomic(path, dumps_for_html(howto_document(doc, base_url)))
    return path


# name -> writer(output_dir, doc, **settings): the settings a writer takes (howto: base_url)
FORMATS: dict[str, Callable[..., Path]] = {
    "howto": write_howto,   # OUTPUT/howto.jsonld: schema.org HowTo JSON-LD
    "jsonl": write_jsonl,   # OUTPUT/kb.jsonl: one entry per line
    "sqlite": write_sqlite,  # OUTPUT/kb.sqlite: tables + FTS5, opened by Datasette as it is
}


def write_formats(output_dir: Path, doc: dict, names, base_url: str | None = None) -> list[Path]:
    return [FORMATS[name](output_dir, doc, **({"base_url": base_url} if name == "howto" else {}))
            for name in sorted(set(names))]
