"""build-report.json and report.html with its pages: counts that match kb.json, the text the
cleaner removed before/after, the comparison with the previous build, escaped untrusted
content, and the page as a real browser (headless Chromium) renders and filters it."""
import gc
import hashlib
import json
import re
import shutil
import subprocess

import orjson
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.cli import main
from pipeline import report as report_module
from pipeline.report import write_reports

from .conftest import SEEDS, write

HOSTILE = """---
title: "<script>alert(1)</script> Fix <img src=x onerror=alert(2)>"
---
## Why does <b onmouseover="alert(3)">Wi-Fi</b> drop?

Text with a [link](javascript:alert(4)) and <a href="javascript:alert(5)">html link</a>.

## Fix 1: Restart the router

Unplug it for 30 seconds.
"""


def build_cli(src, out):
    r = CliRunner().invoke(main, ["build", "--input", str(src), "--output", str(out), "--jobs", "1", "--quiet"])
    assert r.exit_code == 0, r.output
    return json.loads((out / "kb.json").read_text("utf-8"))


def test_build_writes_both_reports_matching_kb(tmp_path):
    kb = build_cli(SEEDS, tmp_path)
    report = json.loads((tmp_path / "build-report.json").read_text("utf-8"))
    assert report["counts"]["entries"] == len(kb["entries"]) == 1
    assert report["counts"]["inputs"] == 2 and report["counts"]["steps"] == len(kb["entries"][0]["steps"])
    assert report["removed"] == kb["stats"]["removed"]
    assert report["clusters"][0]["sources"] == sorted(s["path"] for s in kb["entries"][0]["sources"])
    assert set(report["timings_seconds"]) >= {"ingest", "clean", "structure", "consolidate", "write", "total"}
    page = BeautifulSoup((tmp_path / "report" / "entries-0001.html").read_text("utf-8"), "html.parser")
    assert [d.h2.get_text() for d in page.select("section.entry")] == [kb["entries"][0]["title"]]
    rows = _index_rows(tmp_path)
    assert [(r[0], r[1], r[3], r[4]) for r in rows] == [(e["id"], e["title"], len(e["sources"]), len(e["steps"]))
                                                        for e in kb["entries"]]


def _index_rows(out):
    page = BeautifulSoup((out / "report.html").read_text("utf-8"), "html.parser")
    return json.loads(page.find("script", id="data").get_text())["rows"]


AD = """---
title: "Fix Wi-Fi That Keeps Dropping"
---
## Why does Wi-Fi drop?

Power saving turns the adapter off. Get the [best router deal](https://www.amazon.com/dp/B000?tag=spam-20) today.

<iframe src="https://ads.example.net/banner?id=7" width="300" height="250"></iframe>

<script>document.write('<a href="javascript:alert(1)">win</a>')</script>

## Fix 1: Restart the router

Unplug it for 30 seconds, then plug it back in.
"""


def _removed_rows(out):
    page = BeautifulSoup((out / "report" / "entries-0001.html").read_text("utf-8"), "html.parser")
    return [[td.get_text() for td in tr.find_all("td")] for tr in page.select("table.removed tr")[1:]]


def test_entry_page_shows_what_the_cleaner_removed_before_and_after(tmp_path):
    write(tmp_path / "in", "wifi.md", AD)
    kb = build_cli(tmp_path / "in", tmp_path / "out")
    assert kb["entries"][0]["sources"][0]["removed"] == {"affiliate_link": 1, "iframe": 1, "script": 1}
    rows = _removed_rows(tmp_path / "out")
    edited, iframe, script = rows
    assert [r[1] for r in rows] == ["affiliate_link", "iframe", "script"]  # each block's kind
    assert "?tag=spam-20" in edited[2] and "(https://www.amazon.com/dp/B000) today." in edited[3]
    assert iframe[2].startswith('<iframe src="https://ads.example.net/banner') and iframe[3] == "(removed)"
    assert "document.write" in script[2] and "javascript" not in script[2] and "<script" not in script[2]
    assert [r[4] for r in rows] == ["1", "1", "1"]  # from one source each
    html = (tmp_path / "out" / "report" / "entries-0001.html").read_text("utf-8")
    assert "<iframe" not in html and "&lt;iframe" in html
    assert "affiliate_link 1, iframe 1, script 1" in html


def test_a_block_removed_from_spun_copies_is_shown_once(tmp_path):
    write(tmp_path / "in", "wifi.md", AD)
    write(tmp_path / "in", "wifi-again.md", AD.replace("Fix Wi-Fi That Keeps Dropping", "Wi-Fi Drops: Fixed"))
    kb = build_cli(tmp_path / "in", tmp_path / "out")
    assert len(kb["entries"]) == 1 and len(kb["entries"][0]["sources"]) == 2
    assert [(r[1], r[4]) for r in _removed_rows(tmp_path / "out")] == [
        ("affiliate_link", "2"), ("iframe", "2"), ("script", "2")]


def test_removed_text_is_shown_only_for_the_file_the_build_read(tmp_path):
    write(tmp_path / "in", "wifi.md", AD)
    kb = build_cli(tmp_path / "in", tmp_path / "out")
    write(tmp_path / "in", "wifi.md", AD.replace("30 seconds", "a minute"))
    write_reports(tmp_path / "out", kb, {"total": 0.0}, [], input_dir=tmp_path / "in")
    assert _removed_rows(tmp_path / "out") == []
    assert "source changed or unreadable since the build" in (tmp_path / "out" / "report" / "entries-0001.html").read_text("utf-8")


def test_report_compares_with_the_previous_build_in_the_folder(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "wifi.md", AD)
    build_cli(src, out)
    assert "No previous build" in (out / "report.html").read_text("utf-8")
    assert {r[8] for r in _index_rows(out)} == {""}
    write(src, "wifi.md", AD.replace("## Fix 1: Restart the router", "## Fix 1: Restart the router\n\nFirst.\n\n"
                                     "## Fix 2: Update the driver\n\nInstall the latest driver."))
    shutil.copytree(SEEDS, src / "seeds")
    kb = build_cli(src, out)
    states = {r[1]: r[8] for r in _index_rows(out)}
    assert sorted(states.values()) == ["changed", "new"] and len(kb["entries"]) == 2
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert report["previous_build"] | {} == {"old": 1, "new": 2, "added": 1, "removed": 0, "changed": 1,
                                             "unchanged": 0, "id_changed": report["previous_build"]["id_changed"]}
    page = (out / "report" / "entries-0001.html").read_text("utf-8")
    assert "step added: Update the driver" in page and "new since the previous build" in page
    assert not (out / report_module.PREVIOUS).exists()  # the old kb.json is not kept beyond the report


def test_a_kb_json_the_build_did_not_replace_is_compared_without_being_read_again(tmp_path, monkeypatch):
    """kb.json kept as it was (the same bytes): the previous build is the document in hand."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "wifi.md", AD)
    build_cli(src, out)

    def unread(path):
        raise AssertionError(f"{path} read again")
    monkeypatch.setattr(report_module, "load_kb", unread)
    build_cli(src, out)
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert report["previous_build"]["unchanged"] == 1 and report["previous_build"]["changed"] == 0
    assert not (out / report_module.PREVIOUS).exists()
    write(src, "wifi.md", AD.replace("30 seconds", "a minute"))
    (out / ".cache" / report_module.VIEWS).unlink()  # (without the views the last build kept, kb.json is read)
    with pytest.raises(AssertionError):
        build_cli(src, out)


def _changed_pair(src):
    """The seeds and a Wi-Fi article, then the Wi-Fi article changed, a step added, an article more."""
    write(src, "wifi.md", AD)
    shutil.copytree(SEEDS, src / "seeds")
    yield
    write(src, "wifi.md", AD.replace("## Fix 1: Restart the router", "## Fix 1: Restart the router\n\nFirst.\n\n"
                                     "## Fix 2: Update the driver\n\nInstall the latest driver."))
    write(src, "other.md", HOSTILE)
    yield


def _report_files(out):
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    del report["timings_seconds"]
    return report, (out / "report.html").read_bytes(), {p.name: p.read_bytes() for p in (out / "report").iterdir()}


def test_a_rebuild_compares_with_the_views_the_last_build_kept_not_kb_json_parsed_again(tmp_path, monkeypatch):
    """The report's comparison reads the entries' views the previous build kept beside the cache
    (a few MB, not kb.json's 70 MB parsed at 30k articles) and shows what a parse shows."""
    src, out, parsed = tmp_path / "in", tmp_path / "out", tmp_path / "parsed"
    steps = _changed_pair(src)
    next(steps)
    build_cli(src, out)
    shutil.copytree(out, parsed)
    (parsed / ".cache" / report_module.VIEWS).unlink()
    next(steps, None)
    build_cli(src, parsed)  # kb.json parsed: no views kept for it

    def unread(path):
        raise AssertionError(f"{path} read again")
    monkeypatch.setattr(report_module, "load_kb", unread)
    build_cli(src, out)
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    assert report["previous_build"] | {} == {"old": 2, "new": 3, "added": 1, "removed": 0, "changed": 1,
                                             "unchanged": 1, "id_changed": report["previous_build"]["id_changed"]}
    assert "step added: Update the driver" in _entry_pages(out)
    assert _report_files(out) == _report_files(parsed)
    assert (out / ".cache" / report_module.VIEWS).read_bytes() == (parsed / ".cache" / report_module.VIEWS).read_bytes()


@pytest.mark.parametrize("damage", ["kb.json rewritten", "views damaged", "views of another format"])
def test_views_not_kept_for_the_previous_kb_json_are_not_used(tmp_path, damage):
    """Views kept for other bytes than the kb.json replaced (it was edited since), damaged, or of
    another version's format: kb.json is parsed, and what it now says is compared."""
    src, out = tmp_path / "in", tmp_path / "out"
    steps = _changed_pair(src)
    next(steps)
    kb = build_cli(src, out)
    views = out / ".cache" / report_module.VIEWS
    if damage == "kb.json rewritten":  # (by hand: the views the build kept no longer say what it holds)
        kb["entries"][0]["title"] = "Edited by hand"
        (out / "kb.json").write_text(json.dumps(kb), "utf-8")
    elif damage == "views damaged":
        views.write_bytes(views.read_bytes().replace(b'"steps":', b'"steps":1', 1))
    else:
        digest, _, payload = views.read_bytes().partition(b"\n")
        rec = json.loads(payload)
        rec["format"] += 1
        from pipeline.cache import write_record
        write_record(views, rec)
    next(steps, None)
    build_cli(src, out)
    report = json.loads((out / "build-report.json").read_text("utf-8"))
    edited = damage == "kb.json rewritten"
    assert report["previous_build"] | {} == {"old": 2, "new": 3, "added": 1, "removed": 0, "changed": 1 + edited,
                                             "unchanged": 1 - edited, "id_changed": 1}
    assert "step added: Update the driver" in _entry_pages(out)
    assert ("title: Edited by hand" in _entry_pages(out)) == edited


def _entry_pages(out):
    return "".join(p.read_text("utf-8") for p in sorted((out / "report").glob("entries-*.html")))


def test_the_previous_kb_json_is_parsed_and_compared_without_the_cyclic_collector(tmp_path, monkeypatch):
    """A parse of the old kb.json makes no cycles: the collector, which its objects would set
    off again and again over the build's document, is off for it and on again after."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "wifi.md", AD)
    build_cli(src, out)
    write(src, "wifi.md", AD.replace("30 seconds", "a minute"))
    (out / ".cache" / report_module.VIEWS).unlink()  # (kb.json is parsed only without them)
    seen = []
    real_load, real_diff = report_module.load_kb, report_module.diff_views

    def load(path):
        seen.append(("load", gc.isenabled()))
        return real_load(path)

    def diff(old, new):
        seen.append(("diff", gc.isenabled()))
        return real_diff(old, new)
    monkeypatch.setattr(report_module, "load_kb", load)
    monkeypatch.setattr(report_module, "diff_views", diff)
    kb = build_cli(src, out)
    assert seen == [("load", False), ("diff", False)] and gc.isenabled()
    assert json.loads((out / "build-report.json").read_text("utf-8"))["previous_build"]["changed"] == 1
    assert len(kb["entries"]) == 1


def test_entry_pages_of_a_larger_build_do_not_linger(tmp_path, monkeypatch):
    monkeypatch.setattr(report_module, "PAGE_ENTRIES", 1)
    src = tmp_path / "in"
    write(src, "wifi.md", AD)
    shutil.copytree(SEEDS, src / "seeds")
    build_cli(src, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out" / "report").iterdir()) == [
        "entries-0001.html", "entries-0002.html", "problems.html"]
    assert [r[7] for r in _index_rows(tmp_path / "out")] == [0, 1]
    shutil.rmtree(src / "seeds")
    build_cli(src, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out" / "report").iterdir()) == ["entries-0001.html", "problems.html"]


def test_report_lists_rejected_files_and_warnings(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    write(src, "empty.md", "")
    write(src, "broken.md", "---\ntitle: 'Broken' Problem\n---\nSome body text here.\n")
    build_cli(src, tmp_path / "out")
    report = json.loads((tmp_path / "out" / "build-report.json").read_text("utf-8"))
    assert report["rejected"] == [{"path": "empty.md", "error": "empty file"}]
    assert any(w["path"] == "broken.md" and "YAML" in w["warning"] for w in report["warnings"])
    html = (tmp_path / "out" / "report" / "problems.html").read_text("utf-8")
    assert "empty.md" in html and "broken.md" in html
    assert "1 rejected files, 1 warnings" in (tmp_path / "out" / "report.html").read_text("utf-8")


def test_untrusted_content_is_escaped(tmp_path):
    src = tmp_path / "in"
    write(src, "hostile.md", HOSTILE)
    build_cli(src, tmp_path / "out")
    for path in [tmp_path / "out" / "report.html", *(tmp_path / "out" / "report").glob("*.html")]:
        html = path.read_text("utf-8")
        page = BeautifulSoup(html, "html.parser")
        scripts = page.find_all("script")
        assert all("alert" not in s.get_text() for s in scripts if s.get("type") != "application/json")
        assert all("<" not in s.get_text() for s in scripts if s.get("type") == "application/json")  # cannot end it
        assert len(scripts) == (2 if path.name == "report.html" else 0)  # the page's own, and its data
        for tag in page.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), tag
            assert not any("javascript:" in str(tag.get(a, "")).lower() for a in ("href", "src", "action")), tag
        assert not page.select("img") and not page.select("section.entry a, td a")
        assert {a["href"] for a in page.select("a")} <= {"report/problems.html", "../report.html"}
        assert "Wi-Fi</b>" not in html  # the source's markup is text, not tags
        assert "<script>alert(1)" not in html and "onerror=alert(2)>" not in html
        csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'none'" in csp
        assert ("script-src 'sha256-" in csp) == (path.name == "report.html")


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(args, profile):
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report_page(request, tmp_path_factory):
    """The report of the sample corpus when present (with the text removed from its sources),
    else of the seeds."""
    out = tmp_path_factory.mktemp("report")
    try:
        kb, _ = request.getfixturevalue("corpus_kb")
        src = request.getfixturevalue("corpus_dir")
    except pytest.skip.Exception:
        kb, src = build_cli(SEEDS, out), SEEDS
    write_reports(out, kb, {"total": 0.0}, [], input_dir=src)
    return out / "report.html", kb["entries"]


def _dom(page, tmp_path, fragment=""):
    dom = _run_chromium(["--dump-dom", page.as_uri() + fragment], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    console = [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln or "Refused" in ln]
    assert console == []
    assert re.search(r'<pre id="errors"></pre>', dom.stdout)  # window errors land there
    shown = re.search(r'id="shown" data-count="(\d+)"', dom.stdout)  # set by the page's script
    return int(shown.group(1)) if shown else None, dom.stdout.count('<tr class="row">'), dom.stdout


needs_chromium = pytest.mark.skipif(_chromium() is None,
                                    reason="Chromium is not installed (.ci/run installs Debian's chromium)")


def test_index_page_stays_small_whatever_the_sources(report_page):
    """report.html holds a row per entry, never the sources or their text: the pages do."""
    page, entries = report_page
    html = page.read_text("utf-8")
    assert len(html.encode("utf-8")) < 8_000 + 300 * len(entries)
    assert entries[0]["sources"][0]["path"] not in html
    assert entries[0]["sources"][0]["path"] in (page.parent / "report" / "entries-0001.html").read_text("utf-8")


@needs_chromium
def test_report_renders_in_headless_chromium(report_page, tmp_path):
    page, entries = report_page
    shown, rows, _ = _dom(page, tmp_path)
    assert shown == len(entries) and rows == min(len(entries), 100)  # a page of rows at a time
    shot = tmp_path / "report.png"
    r = _run_chromium([f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri()], tmp_path / "profile2")
    assert r.returncode == 0 and shot.stat().st_size > 10_000


@needs_chromium
def test_report_filters_from_the_url_in_headless_chromium(report_page, tmp_path):
    page, entries = report_page
    no_steps = [e for e in entries if not e["steps"]]
    shown, rows, dom = _dom(page, tmp_path, "#f=nosteps")
    assert 0 < shown == len(no_steps) < len(entries) and rows == min(shown, 100)
    single_promo = [e for e in entries if len(e["sources"]) == 1 and any(s["promotional"] for s in e["steps"])]
    kind = entries[0]["kind"]
    shown, _, _ = _dom(page, tmp_path, "#f=single,promo")
    assert shown == len(single_promo)
    shown, _, dom = _dom(page, tmp_path, f"#kind={kind}&sort=-sources")
    assert shown == sum(1 for e in entries if e["kind"] == kind)
    first = re.search(r'<tr class="row"><td><a href="report/(entries-\d+\.html)#([^"]+)"', dom)
    most = max((e for e in entries if e["kind"] == kind), key=lambda e: len(e["sources"]))
    assert first and len(next(e for e in entries if e["id"] == first.group(2))["sources"]) == len(most["sources"])
    assert (page.parent / "report" / first.group(1)).exists()


@needs_chromium
def test_entry_page_renders_in_headless_chromium(report_page, tmp_path):
    page, _ = report_page
    entry_page = page.parent / "report" / "entries-0001.html"
    dom = _run_chromium(["--dump-dom", entry_page.as_uri()], tmp_path / "profile")
    first = sum(1 for r in _index_rows(page.parent) if r[7] == 0)  # the entries the index links to page 1
    assert 10 < first <= 100 and dom.returncode == 0 and dom.stdout.count('<section class="entry"') == first
    assert [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln or "Refused" in ln] == []


def test_a_page_closes_at_its_byte_budget_and_the_index_links_each_entry_to_its_page(tmp_path, monkeypatch):
    # 100 entries to a page made 3.7 MB pages on the variety corpus (entries of hundreds of copies)
    monkeypatch.setattr(report_module, "PAGE_BYTES", 1)
    src = tmp_path / "in"
    write(src, "wifi.md", AD)
    write(src, "printer.md", "---\ntitle: Printer offline\n---\n\nYour printer shows offline.\n\n"
                             "## Fix 1: Restart the spooler\n\nOpen Services and restart Print Spooler.\n")
    shutil.copytree(SEEDS, src / "seeds")
    build_cli(src, tmp_path / "out")
    rows = _index_rows(tmp_path / "out")
    assert [r[7] for r in rows] == [0, 1, 2]
    for r in rows:
        page = (tmp_path / "out" / "report" / f"entries-{r[7] + 1:04d}.html").read_text("utf-8")
        assert r[0] in page and page.count('class="entry"') == 1


def _pages(out):
    return {p.name: p.read_bytes() for p in sorted((out / "report").iterdir())}


def test_a_rebuild_reads_no_source_again_for_the_report_until_one_changes(tmp_path, monkeypatch):
    """Each entry's sources table (its sources read again) is kept in OUTPUT/.cache: a
    rebuild with nothing changed reads no source and writes the same pages as a build
    without the cache; a source changed since the build is read again (its stat signature
    is in the key), even when the entry is the same."""
    from pipeline import cache
    from pipeline.report import pages
    monkeypatch.setattr(cache, "RACY_NS", -10**12)  # (the test's files are seconds old)
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "wifi.md", AD)
    kb = build_cli(src, out)
    read, real = [], pages.source_body
    monkeypatch.setattr(pages, "source_body", lambda root, s: read.append(s["path"]) or real(root, s))
    build_cli(src, out)
    assert read == []
    r = CliRunner().invoke(main, ["build", "--input", str(src), "--output", str(tmp_path / "plain"), "--jobs", "1",
                                  "--quiet", "--no-cache"])
    assert r.exit_code == 0, r.output
    assert read == ["wifi.md"] and _pages(out) == _pages(tmp_path / "plain")
    assert len(_removed_rows(out)) == 3
    write(src, "wifi.md", AD.replace("30 seconds", "a minute"))
    write_reports(out, kb, {"total": 0.0}, [], input_dir=src, cache_dir=out / ".cache")
    assert read == ["wifi.md", "wifi.md"] and _removed_rows(out) == []


def test_a_changed_entry_cleans_again_only_removed_blocks_no_build_has_seen(tmp_path, monkeypatch):
    """What the cleaner finds in a removed block alone is kept in OUTPUT/.cache by the block:
    a spun copy more changes the entry, so its sources are compared again, but their ads
    are the ones seen before and are not cleaned again; the pages are a build without the
    cache's."""
    from pipeline import cache
    monkeypatch.setattr(cache, "RACY_NS", -10**12)  # (the test's files are seconds old)
    cleaned = []

    class Counting(report_module.Cleaner):
        def clean(self, text, *a, **k):
            cleaned.append(text)
            return super().clean(text, *a, **k)
    monkeypatch.setattr(report_module, "Cleaner", Counting)
    src, out, plain = tmp_path / "in", tmp_path / "out", tmp_path / "plain"
    nocache = ["build", "--input", str(src), "--output", str(plain), "--jobs", "1", "--quiet", "--no-cache"]
    write(src, "wifi.md", AD)
    build_cli(src, out)
    assert len(cleaned) == 3  # (the three removed blocks, each alone)
    assert CliRunner().invoke(main, nocache).exit_code == 0 and len(cleaned) == 6
    write(src, "wifi-again.md", AD.replace("Fix Wi-Fi That Keeps Dropping", "Wi-Fi Drops: Fixed"))
    kb = build_cli(src, out)
    assert len(kb["entries"][0]["sources"]) == 2 and len(cleaned) == 6
    assert [(r[1], r[4]) for r in _removed_rows(out)] == [("affiliate_link", "2"), ("iframe", "2"), ("script", "2")]
    assert CliRunner().invoke(main, nocache).exit_code == 0
    assert len(cleaned) == 9 and _pages(out) == _pages(plain)


def test_the_line_memo_of_the_removed_text_stays_small_after_the_report(tmp_path):
    # the lines compared for the removed text were memoised 65,536 at a time for the life of
    # the process: at 30k synthetic articles, 25 MB held at the report, the end of the build
    # (its peak), and after it. Spun copies repeat their lines within an entry, a site's ads
    # across a few: a few thousand lines keep nearly every hit
    import tracemalloc

    from pipeline.report import removed
    doc = build_cli(SEEDS, tmp_path / "seeds")
    entry = doc["entries"][0]
    lines = (f"Open the settings panel number {i}, then check that the value {i * 7} is still shown there."
             for i in range(20_000))
    entry["sections"][0]["text"] += "\n" + "\n".join(lines)
    (tmp_path / "out").mkdir()
    removed._norm.cache_clear()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        write_reports(tmp_path / "out", doc, {}, [], input_dir=SEEDS)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert removed._norm.cache_info().misses > 20_000  # (every line of the entry was compared)
    assert held < 3 * 2**20, held


def test_the_report_memo_is_written_in_pieces_and_read_back(tmp_path, monkeypatch):
    """The report's fragment memo is written as its checksum's line and its JSON, serialised in
    pieces (cache.json_pieces): the JSON whole, and the file joined, were copies of it (12.6 MB at
    30k articles) at the build's peak memory. The file holds the same bytes as the whole serialised
    at once, and the next build reads it back."""
    from pipeline import cache
    from pipeline.report import memo
    written, real = [], cache.write_atomic
    monkeypatch.setattr(cache, "write_atomic", lambda path, data, **kw: (
        written.append(data := list(data)), real(path, data, **kw))[1])
    (tmp_path / "cache").mkdir()
    fragments = memo.FragmentMemo(tmp_path / "cache" / memo.NAME, "salt")
    fragments.used = {f"k{n}": f"<p>Restart the router, then café ✓ {n}.</p>" for n in range(3000)}
    fragments.save()
    whole = orjson.dumps({"salt": "salt", "fragments": fragments.used, "kinds": {}})
    assert len(written) == 1 and max(map(len, written[0])) < len(whole) // 4
    raw = (tmp_path / "cache" / memo.NAME).read_bytes()
    digest, _, payload = raw.partition(b"\n")
    assert payload == whole and digest == hashlib.sha256(payload).hexdigest().encode()
    assert memo.FragmentMemo(tmp_path / "cache" / memo.NAME, "salt").known == fragments.used


def test_the_report_memo_of_large_fragments_is_saved_without_a_copy_of_its_json(tmp_path):
    """At 30k articles the memo's fragments are ~670 sources tables of ~20 KB: 512 of them a piece
    was 10 MB of JSON, copied twice more (braces cut, the comma joined), at a rebuild's peak memory.
    Saved now FRAGMENT_ROWS at a time, each piece a view of its JSON. The same file, read back."""
    import tracemalloc
    from pipeline.report import memo
    (tmp_path / "cache").mkdir()
    path = tmp_path / "cache" / memo.NAME
    fragments = memo.FragmentMemo(path, "salt")
    row = "<tr><td>Restart the router, then unplug it</td><td>kept</td></tr>" * 330  # (~20 KB)
    fragments.used = {f"k{n}": f"{row}{n}" for n in range(600)}
    whole = orjson.dumps({"salt": "salt", "fragments": fragments.used, "kinds": {}})
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        fragments.save()
        saved = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    assert saved < len(whole) // 4, (saved, len(whole))  # (before: 27.6 MB for 12.9 MB of JSON)
    assert path.read_bytes().partition(b"\n")[2] == whole
    assert memo.FragmentMemo(path, "salt").known == fragments.used
