"""Every output a build writes, by name, in one registry: `write` (kb.json and its schema,
always), `report` (build-report.json, report.html, report/) and the `--format` choices
(howto, jsonl, sqlite). `runner.build(formats=...)` writes the ones named, so a library
caller gets what the CLI gets; the CLI asks for the report and the user's choices."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .howto import howto_document
from ..report import stash_previous, write_reports
from ..rules import Rules
from ..write import dumps_for_html, write_atomic, write_outputs
from .jsonl import write_jsonl
from .sqlite import write_sqlite


@dataclass
class Export:
    """What a writer may read: the folder, the document, and what the build knew of it."""
    output_dir: Path
    doc: dict
    timings: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    filtered_out: list[dict] = field(default_factory=list)
    input_dir: Path | None = None  # where the sources are (the report shows what the cleaner removed)
    rules: Rules | None = None
    base_url: str | None = None  # howto: absolute url and @id for each HowTo (BASE/ENTRY_ID)
    cache_dir: Path | None = None  # where a writer may keep what it reuses next build (None: nowhere)
    kb_sha: str | None = None  # kb.json's sha256, when the build knows it (what a kept record is trusted by)


@dataclass(frozen=True)
class Format:
    write: Callable[[Export], Path]
    before: Callable[[Path], None] | None = None  # run in the folder before kb.json is replaced
    choice: bool = True  # a `build --format` choice (kb.json and the report are not)


def write_howto(x: Export) -> Path:
    path = Path(x.output_dir) / "howto.jsonld"
    write_atomic(path, dumps_for_html(howto_document(x.doc, x.base_url)))
    return path


def _report(x: Export) -> Path:
    write_reports(x.output_dir, x.doc, x.timings, x.notes, x.filtered_out, input_dir=x.input_dir, rules=x.rules,
                  cache_dir=x.cache_dir, kb_sha=x.kb_sha)
    return Path(x.output_dir) / "report.html"


FORMATS: dict[str, Format] = {  # (written in this order)
    "write": Format(lambda x: write_outputs(x.output_dir, x.doc), choice=False),  # kb.json, kb.schema.json
    "report": Format(_report, before=stash_previous, choice=False),  # (compared with the kb.json it replaces)
    "howto": Format(write_howto),  # OUTPUT/howto.jsonld: schema.org HowTo JSON-LD
    "jsonl": Format(lambda x: write_jsonl(x.output_dir, x.doc)),  # OUTPUT/kb.jsonl: one entry per line
    "sqlite": Format(lambda x: write_sqlite(x.output_dir, x.doc)),  # OUTPUT/kb.sqlite: tables + FTS5 (Datasette)
}
CHOICES = tuple(sorted(name for name, f in FORMATS.items() if f.choice))


def wanted(names: Iterable[str]) -> list[str]:
    """The named formats in registry order, once each; ValueError for a name it lacks."""
    names = set(names)
    unknown = sorted(names - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)}; formats are {', '.join(FORMATS)}")
    return [name for name in FORMATS if name in names]


def prepare(output_dir: Path, names: Iterable[str]) -> None:
    """What the named formats do before the build replaces the folder's kb.json."""
    for name in wanted(names):
        if FORMATS[name].before:
            FORMATS[name].before(output_dir)


def write_formats(x: Export, names: Iterable[str]) -> list[Path]:
    return [FORMATS[name].write(x) for name in wanted(names)]
