"""The data that flows between stages, and the one options object passed down.

Stages exchange these plain dataclasses; nothing here does work. Everything a stage
drops carries a reason (`Rejected.error`, `Article.removed`, `Article.warnings`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict

SCHEMA_VERSION = "1.3"  # 1.1: steps[].pitch, entries[].kind, categories, tags, stats.executable_stripped;
# 1.2: sources[].removed "sponsor_note" (a sponsor's note, no longer counted as "disclaimer")
# 1.3: steps[].ways (the ways to choose from a step's sub-steps fall into, each with its own instructions)


@dataclass(frozen=True)
class Limits:
    """What one input may cost: bigger inputs are rejected with a reason, never half-read."""
    max_file_bytes: int = 4 * 1024 * 1024
    max_front_matter_bytes: int = 64 * 1024
    # Per-file time budget (seconds) for each per-article stage (read and cut, clean,
    # structure); a file over it is rejected with reason `timeout`. The slowest file of
    # the corpora and the crafted hard cases takes well under a second (bench/hostile.py).
    file_seconds: float = 10.0


@dataclass(frozen=True)
class MinHashConfig:
    """Candidate pairs come from MinHash-LSH over word shingles of the cleaned body
    (num_perm = bands * rows); a signature's length depends on these alone."""
    shingle_words: int = 5
    minhash_bands: int = 32
    minhash_rows: int = 4


@dataclass(frozen=True)
class Thresholds:
    """When a candidate pair is the same problem, verified section by section (consolidate/cluster.py)."""
    # Minimum estimated Jaccard of two bodies before a pair is verified at all.
    candidate_jaccard: float = 0.5
    # Two sections align when their rapidfuzz ratio (0-100) reaches this.
    section_match: float = 85.0
    # ...and, to count towards "same problem", their bodies must reach this ratio too
    # (headings like "Fix 1: Update your driver" recur across unrelated articles).
    section_body_match: float = 60.0
    # Share of the smaller article's text (by characters) that must sit in aligned
    # sections for two articles to count as the same problem.
    same_problem_share: float = 0.8


@dataclass(frozen=True)
class Options(Thresholds, MinHashConfig, Limits):
    """Every tunable, loaded once and passed down unchanged: the three concerns above
    (fields flat, so `Options(jobs=2)` and `options.section_match` read as before; a stage
    may take just its concern's type), the number of worker processes and the engine that
    runs them: `scheduler` None is this machine's process pool, else a Dask scheduler
    (`local:N` or an address; pipeline/executors). Neither changes a byte of the output.

    Defaults are justified by measurements on the sample corpus (see README, "Thresholds").
    """
    jobs: int = 1
    scheduler: str | None = None


@dataclass
class Article:
    """One input file after ingestion (and, later, cleaning)."""

    path: str  # relative to the input folder, with forward slashes
    source_id: str
    sha256: str
    title: str
    date: str | None
    body: str
    meta: dict = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)  # front matter labels, as written
    tags: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: dict[str, int] = field(default_factory=dict)


@dataclass
class Rejected:
    path: str
    error: str


@dataclass
class Section:
    heading: str
    level: int
    kind: str
    text: str
    parent: int | None = None  # index of the parent section within the article


@dataclass
class Step:
    title: str
    text: str
    section: int  # index of the section the step was read from
    instructions: list[str] = field(default_factory=list)
    ui_paths: list[list[str]] = field(default_factory=list)
    shortcuts: list[str] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    promotional: bool = False  # a pitch with no manual way
    pitch: list[str] = field(default_factory=list)  # the passages of `text` that pitch a tool, verbatim
    # the ways to choose from that the step's sub-steps fall into, each {"title", "instructions"} (Steps._ways);
    # `instructions` still holds all of the sub-steps: ways never empty it
    ways: list[dict] = field(default_factory=list)
    # read from the problems a page counts or heads by what goes wrong (Steps._counted_remedies, _remedy_runs): kept
    # only where the page's kind, read without them, is a step kind (consolidate.entries.finish_entries); not in kb.json
    counted: bool = False


@dataclass
class Structure:
    """What the structure stage reads out of one cleaned body."""

    summary: str
    sections: list[Section]
    steps: list[Step]
    causes: list[dict]
    title_heading: str = ""  # the heading the body opens with, taken as its title ("" if none)


class Merged(TypedDict):
    """An entry as consolidation merges it from a cluster (consolidate.entries._entry), before
    its kind is decided and its title chosen against the whole build: what the cache keeps per
    cluster, in this order. kb.json's entry (the schema's `entry`) is this and its `kind`."""

    id: str
    title: str
    alternate_titles: list[str]
    summary: str
    categories: list[str]
    tags: list[str]
    sections: list[dict]
    steps: list[dict]
    causes: list[dict]
    sources: list[dict]
