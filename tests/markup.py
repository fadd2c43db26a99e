"""The safety oracle shared by the robustness tests, the property tests and the fuzzer:
what a consumer rendering kb.json's markdown (or pasting its plain-text fields into a
page) could be made to execute."""
from __future__ import annotations

import html
import re

import pyromark

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH
SAFE_SCHEMES = ("http", "https", "mailto", "tel", "ftp")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_NEVER = re.compile(r"(?<![a-z0-9])(?:javascript|vbscript|livescript|data):")
# Elements that run code, load content or submit data, and any on...= handler in a tag.
_BAD_TAG = re.compile(
    r"</?(?:script|style|iframe|frame|frameset|object|embed|applet|svg|math|img|image|a|link|meta|"
    r"base|form|input|button|video|audio|source|body|html|template|textarea|select|marquee|isindex|"
    r"details|noscript|xmp|plaintext|portal)(?![a-z0-9-])", re.I)
_HANDLER = re.compile(r"</?[A-Za-z][^<>]*?[\s/\"'](?:on[a-z]+)\s*=", re.I)
_BARE_URL = re.compile(r"(?<![a-z0-9])(?:javascript|vbscript|livescript|data):\S", re.I)
_TAG_WITH_ATTR = re.compile(r"<\s*[a-zA-Z][a-zA-Z0-9-]*[\s/][^<>]*=", re.S)


def url_problem(url: str) -> str | None:
    plain = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url)).lower()
    m = _SCHEME.match(plain)
    if m and m.group(1) not in SAFE_SCHEMES:
        return f"unsafe URL scheme: {url!r}"
    if _NEVER.search(plain):
        return f"unsafe scheme inside URL: {url!r}"
    return None


def plain_problem(text: str) -> str | None:
    """A plain-text field: no executable tag, even one a page would build from it."""
    for rx in (_BAD_TAG, _HANDLER, _BARE_URL):
        m = rx.search(text)
        if m:
            return f"markup in plain text: {text[max(0, m.start() - 20):m.end() + 20]!r}"
    return None


def markdown_problem(md: str) -> str | None:
    """Markdown: outside code, no raw HTML tag that is an element or has attributes, no
    executable tag in the source even where a renderer would show it as text, and only
    safe link and image destinations."""
    raw_md = md.encode("utf-8")
    in_code = 0
    for ev, rng in pyromark.events_with_range(md, options=_OPTIONS):
        if not isinstance(ev, dict):
            continue  # "SoftBreak", "Rule", ...
        if "Start" in ev:
            tag = ev["Start"]
            if tag == "CodeBlock" or (isinstance(tag, dict) and "CodeBlock" in tag):
                in_code += 1
            elif isinstance(tag, dict) and ("Link" in tag or "Image" in tag):
                info = tag.get("Link") or tag.get("Image")
                bad = url_problem(info["dest_url"])
                if bad:
                    return bad
            continue
        if "End" in ev:
            tag = ev["End"]
            if tag == "CodeBlock" or (isinstance(tag, dict) and "CodeBlock" in tag):
                in_code -= 1
            continue
        raw = ev.get("Html") or ev.get("InlineHtml")
        if raw is not None:
            if _BAD_TAG.search(raw) or _HANDLER.search(raw) or _TAG_WITH_ATTR.search(raw):
                return f"raw HTML: {raw[:80]!r}"
        elif "Text" in ev and not in_code:
            source = raw_md[rng["start"]:rng["end"]].decode("utf-8", "replace")
            bad = plain_problem(source) or plain_problem(html.unescape(source))  # a tag once decoded
            if bad:
                return bad
    return None


def structure_problem(st) -> str | None:
    """Every field of a structure.Structure: markdown fields and plain ones."""
    md = [st.summary] + [s.text for s in st.sections] + [s.text for s in st.steps]
    plain = [s.heading for s in st.sections] + [c["text"] for c in st.causes]
    urls = []
    for s in st.steps:
        plain += [s.title] + s.instructions + s.shortcuts + [p for path in s.ui_paths for p in path]
        plain += [i["alt"] for i in s.images] + [lk["text"] for lk in s.links]
        urls += [i["url"] for i in s.images] + [lk["url"] for lk in s.links]
    return _fields_problem(md, plain, urls)


def _fields_problem(md: list[str], plain: list[str], urls: list[str]) -> str | None:
    for check, values in ((markdown_problem, md), (plain_problem, plain), (url_problem, urls)):
        for v in values:
            if bad := check(v):
                return bad
    return None


def check_article(data: bytes, rules=None) -> None:
    """The whole per-article path on raw bytes, as the fuzzer runs it: ingest, clean,
    structure. Raises AssertionError on executable markup in any output field, cleaning
    that is not idempotent, or a rejection without a reason; any other exception is a bug."""
    from pipeline.clean import Cleaner
    from pipeline.ingest import parse_article
    from pipeline.model import Options, Rejected
    from pipeline.rules import load_rules
    from pipeline.structure import Structurer

    rules = rules or load_rules()
    art = parse_article("fuzz.md", data, Options())
    if isinstance(art, Rejected):
        assert art.error and art.path == "fuzz.md"
        return
    bad = plain_problem(art.title)
    assert bad is None, bad
    cleaned = Cleaner(rules).clean(art.body)  # a fresh cleaner: no memo hides a first clean
    bad = markdown_problem(cleaned.text)
    assert bad is None, bad
    again = Cleaner(rules).clean(cleaned.text).text
    assert again == cleaned.text, f"not idempotent:\n{cleaned.text!r}\n{again!r}"
    check_build_path(art, cleaned, rules)
    bad = structure_problem(Structurer(rules).structure(cleaned.text, art.title))
    assert bad is None, bad


def check_build_path(art, cleaned, rules) -> None:
    """The build puts a body together from its parts, cleaned apart and in other
    processes (tasks.finish): the same text, counts, warnings and body key as
    Cleaner.clean and body_key give, or the same rejection."""
    from dataclasses import replace

    from pipeline.consolidate import body_key
    from pipeline.model import Options, Rejected
    from pipeline.tasks import Worker, finish

    worker = Worker(rules, Options(), frozenset())
    part = worker.cleaner.split(art.body)
    head = None if part.head is None else worker.cleaner.clean_part(part.head)
    res = finish(replace(art, warnings=list(art.warnings)), part, head, worker.clean_rest(part.rest))
    key, norm = body_key(cleaned.text)
    if isinstance(res, Rejected):
        assert not norm.strip(), f"rejected by the build, not by Cleaner.clean: {res.error}"
        return
    got, got_key = res.art, res.key
    assert (got.body, got.removed, got.warnings[len(art.warnings):], got_key) == (
        cleaned.text, cleaned.removed, cleaned.warnings, key), "the build's body differs from Cleaner.clean's"
    if res.parts is not None:  # the cache's split of it, as ArticleCache.put_article would make it
        from pipeline.cache import _split_head, sha
        line, stored, stored_sha = res.parts
        assert (line, stored, stored_sha) == (*_split_head(got.body), sha(stored))


def entry_problem(entry: dict) -> str | None:
    """Every field of a kb.json entry: markdown fields, plain ones and URLs."""
    md = [entry["summary"]] + [s["text"] for s in entry["sections"]] + [s["text"] for s in entry["steps"]]
    plain = [entry["title"], *entry["alternate_titles"]] + [s["heading"] for s in entry["sections"]]
    plain += [c["text"] for c in entry["causes"]]
    urls = []
    for s in entry["steps"]:
        plain += [s["title"]] + s["instructions"] + s["shortcuts"] + [p for path in s["ui_paths"] for p in path]
        plain += [i["alt"] for i in s["images"]] + [lk["text"] for lk in s["links"]]
        urls += [i["url"] for i in s["images"]] + [lk["url"] for lk in s["links"]]
    return _fields_problem(md, plain, urls)


def build_files(data: bytes) -> list[bytes]:
    """The files a build fuzz input stands for: split on 0x1E, 3 at most; a single part
    with a spun copy of itself (its title prefixed "[2024 Updated] "), which the build merges."""
    parts = data.split(b"\x1e")[:3]
    if len(parts) == 1:
        parts.append(data.replace(b"title:", b"title: [2024 Updated] ", 1))
    return parts


def check_build(data: bytes, rules=None) -> None:
    """A whole build of build_files(data) (--jobs 1, no cache, no per-file budget: under the
    fuzzer, libFuzzer's -timeout holds the SIGALRM timer). Raises AssertionError on an input
    neither in an entry nor rejected, a kind that is not one, or executable markup in any
    field of an entry; any other exception is a bug."""
    import json
    import tempfile
    from pathlib import Path

    from pipeline.kinds import KINDS
    from pipeline.model import Options
    from pipeline.rules import load_rules
    from pipeline.runner import build

    files = build_files(data)
    names = [f"{c}.md" for c in "abc"[:len(files)]]
    with tempfile.TemporaryDirectory(prefix="build-check-") as tmp:
        src, out = Path(tmp, "in"), Path(tmp, "out")
        src.mkdir()
        for name, body in zip(names, files):
            (src / name).write_bytes(body)
        build(src, out, Options(jobs=1, file_seconds=0), rules=rules or load_rules(), use_cache=False)
        doc = json.loads((out / "kb.json").read_text("utf-8"))
    seen = {s["path"] for e in doc["entries"] for s in e["sources"]} | {r["path"] for r in doc["rejected"]}
    assert seen == set(names), (seen, names)
    for e in doc["entries"]:
        assert e["kind"] in KINDS, e["kind"]
        bad = entry_problem(e)
        assert bad is None, bad
