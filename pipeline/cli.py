"""Thin command line over the library: parse options, call it, map its errors to exit codes."""
from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .clean import Cleaner
from .diff import DiffError, as_json, as_markdown, as_text, diff_kb, load_kb
from .ingest import InputError, display_name, parse_article, read_bytes
from .model import Options, Rejected
from .rules import RulesError, load_rules
from .export import CHOICES
from .kinds import KINDS
from .executors import EngineError
from .runner import build as run_build
from .search import SearchError, open_index, search as run_search
from .cache import ScratchLost
from .write import OutputBusy

CONTEXT = {"help_option_names": ["-h", "--help"]}


def _rules(rules_files):
    try:
        return load_rules(tuple(rules_files))
    except RulesError as exc:
        raise click.ClickException(str(exc)) from None


rules_option = click.option(
    "--rules", "rules_files", multiple=True, type=click.Path(dir_okay=False),
    help="Extra rule file (TOML) extending the shipped rules; repeatable.")


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version")
def main():
    """Turn scraped troubleshooting articles into one consolidated knowledge base (kb.json)."""


@main.command(context_settings=CONTEXT)
@click.option("--input", "input_dir", default="input", show_default=True,
              type=click.Path(file_okay=True, dir_okay=True, path_type=str),
              help="Folder of scraped articles (.md, .markdown, .txt), searched recursively; or an fsspec "
                   "URL (s3://bucket/scrape, gs://…, file://…), read by the workers themselves.")
@click.option("--output", "output_dir", default="output", show_default=True,
              type=click.Path(path_type=Path), help="Folder to write kb.json, kb.schema.json, build-report.json, report.html and report/ into.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for per-article stages [default: CPU cores].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where per-article stages run: this machine's process pool, or a Dask cluster "
                   "(pip install 'kb-pipeline[dask]'); the same kb.json either way.")
@click.option("--scheduler", metavar="ADDRESS",
              help="With --engine dask: local:N starts a local cluster of N workers [default: local:JOBS]; "
                   "tcp://host:8786 uses a running one (input on a filesystem its workers share).")
@click.option("--strict", is_flag=True, help="Exit 1 when any input was rejected.")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary.")
@click.option("--format", "formats", multiple=True, type=click.Choice(CHOICES),
              help="Also write OUTPUT/howto.jsonld (schema.org HowTo JSON-LD), OUTPUT/kb.jsonl (one entry a "
                   "line) or OUTPUT/kb.sqlite (tables + FTS5, for Datasette and `search`); repeatable.")
@click.option("--base-url", help="With --format howto: absolute url and @id for each HowTo (BASE/ENTRY_ID).")
@click.option("--no-cache", is_flag=True,
              help="Ignore and do not write the per-article cache (OUTPUT/.cache); same kb.json, slower.")
@click.option("--allow-shrink", is_flag=True,
              help="Write kb.json even when it drops more than half of the entries of the one in OUTPUT.")
@click.option("--kinds", "kinds", multiple=True, metavar="KIND[,KIND...]",
              help="Keep only entries of these page kinds in kb.json (repeatable or comma list; "
                   f"{', '.join(KINDS)}) [default: all]; the others are counted in stats and listed in "
                   "build-report.json.")
@rules_option
def build(input_dir, output_dir, jobs, engine, scheduler, strict, quiet, formats, base_url, no_cache, allow_shrink,
          rules_files, kinds):
    """Build OUTPUT/kb.json from every article under INPUT.

    Rejected inputs are listed in kb.json under "rejected" with the reason; the build
    still completes (exit 0) unless --strict is given.

    \b
    Example:
        python -m pipeline build --input input --output output --jobs 2 --strict
        python -m pipeline build --format howto   # also output/howto.jsonld
        python -m pipeline build --format sqlite --format jsonl
        python -m pipeline build --kinds troubleshooting,how-to
        python -m pipeline build --engine dask --scheduler tcp://scheduler:8786
    """
    wanted = _kinds(kinds)
    rules = _rules(rules_files)
    jobs = jobs or os.cpu_count() or 1
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler is for --engine dask")
    options = replace(Options(), jobs=jobs, scheduler=(scheduler or f"local:{jobs}") if engine == "dask" else None)
    show_progress = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
    _say_on_stderr(logging.getLogger("pipeline"), quiet)  # what an engine says (the Dask dashboard)
    try:
        with _exit_cleanly_on_sigterm():
            result = run_build(input_dir, output_dir, options, rules, progress=_progress if show_progress else None,
                               use_cache=not no_cache, allow_shrink=allow_shrink, kinds=wanted,
                               formats=("report", *formats), base_url=base_url)
    except (InputError, OutputBusy, EngineError, ScratchLost) as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write to {output_dir}: {exc.strerror or exc}") from None
    if show_progress:
        click.echo("", err=True)
    if not quiet:
        click.echo(
            f"{_count(result.inputs, 'input')} -> {_count(result.entries, 'entry', 'entries')}, {result.rejected} rejected, "
            f"{result.warnings} warnings in {result.timings['total']:.2f}s; wrote {result.kb_path}",
            err=True)
        for note in result.notes:
            click.echo(f"warning: {note}", err=True)
        for r in result.doc["rejected"][:20]:
            click.echo(f"  rejected {r['path']}: {r['error']}", err=True)
        if result.rejected > 20:
            click.echo(f"  ... and {result.rejected - 20} more (see kb.json \"rejected\")", err=True)
    if strict and result.rejected:
        sys.exit(1)


def _say_on_stderr(log: logging.Logger, quiet: bool) -> None:
    log.handlers = [logging.StreamHandler(sys.stderr)]  # (this call's stderr: CliRunner swaps it)
    log.handlers[0].setFormatter(logging.Formatter("%(message)s"))
    log.setLevel(logging.WARNING if quiet else logging.INFO)
    log.propagate = False


@contextmanager
def _exit_cleanly_on_sigterm():
    """SIGTERM ends the build as Ctrl-C does, through its cleanup (workers terminated, the
    scratch folder removed, kb.json untouched), with exit code 143 (128 + SIGTERM)."""
    def stop(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second one kills at once
        sys.exit(128 + signum)
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _kinds(values: tuple[str, ...]) -> frozenset[str] | None:
    if not values:
        return None
    kinds = {k.strip() for v in values for k in v.split(",") if k.strip()}
    unknown = sorted(kinds - set(KINDS))
    if unknown or not kinds:
        raise click.BadParameter(f"unknown kind {', '.join(unknown) or '(none)'}; kinds are {', '.join(KINDS)}",
                                 param_hint="--kinds")
    return frozenset(kinds)


def _progress(label: str, done: int, total: int) -> None:
    click.echo(f"\r{label}: {done}/{total}", err=True, nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--stats", is_flag=True, help="Also print removals by kind and warnings to stderr.")
@rules_option
def clean(file, stats, rules_files):
    """Print the cleaned markdown body of one article (for tuning rules).

    \b
    Example:
        python -m pipeline clean input/000_aea70502640bc831.txt --stats
        python -m pipeline clean - < article.md   # FILE "-": standard input
    """
    rules = _rules(rules_files)
    if str(file) == "-":  # standard input, under the same size limit as a file
        limit = Options().max_file_bytes
        data = sys.stdin.buffer.read(limit + 1)
        file = Path("stdin")
        if len(data) > limit:
            raise click.ClickException(f"stdin: more than {limit} bytes, above the limit")
    else:
        data = read_bytes(file.parent, file.name, Options())
    cleaner = Cleaner(rules)
    art = data if isinstance(data, Rejected) else parse_article(display_name(file.name), data, Options(), cleaner.inert)
    if isinstance(art, Rejected):
        raise click.ClickException(f"{file}: {art.error}")
    result = cleaner.clean(art.body)
    click.echo(result.text, nl=False)
    if stats:
        for kind, n in result.removed.items():
            click.echo(f"removed {kind}: {n}", err=True)
        for w in art.warnings + result.warnings:
            click.echo(f"warning: {w}", err=True)


@main.command(context_settings=CONTEXT)
@click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="markdown suits a pull-request comment or $GITHUB_STEP_SUMMARY.")
@click.option("--fail-on-removed", is_flag=True, help="Exit 1 when an entry of OLD is missing from NEW.")
def diff(old, new, fmt, fail_on_removed):
    """Compare two kb.json files by entry id: added, removed and changed entries (an
    entry whose id changed but whose sources are mostly the same is changed).

    Exit codes: 0 compared (whatever the differences), 1 a file is unreadable or not a
    kb.json, or --fail-on-removed and entries disappeared, 2 usage error.

    \b
    Example:
        python -m pipeline diff previous/kb.json output/kb.json --format markdown --fail-on-removed
    """
    try:
        result = diff_kb(load_kb(old), load_kb(new))
    except DiffError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo({"text": as_text, "json": as_json, "markdown": as_markdown}[fmt](result), nl=False)
    if fail_on_removed and result["removed"]:
        click.echo(f"{_count(len(result['removed']), 'entry', 'entries')} removed", err=True)
        sys.exit(1)


@main.command(context_settings=CONTEXT)
@click.argument("query")
@click.option("--output", "output_dir", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Build folder: its kb.sqlite, or kb.json indexed on the fly.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search(query, output_dir, limit, fmt):
    """Which entries answer QUERY: ranked by BM25 (titles weigh most), each with its
    best-matching step.

    \b
    Example:
        python -m pipeline search "printer offline after update" --limit 3
    """
    try:
        results = run_search(open_index(output_dir), query, limit)
    except SearchError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for r in results:
        step = f"\n    step: {r['step']['title']}" if r["step"] else ""
        click.echo(f"{r['score']:8.3f}  {r['id']}  {r['title']}{step}")
