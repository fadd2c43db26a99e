"""build-report.json and report.html: counts that match kb.json, escaped untrusted content,
and the page as a real browser (headless Chromium) renders it."""
import json
import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.cli import main
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
    page = BeautifulSoup((tmp_path / "report.html").read_text("utf-8"), "html.parser")
    assert [d.h3.get_text() for d in page.select("div.entry")] == [kb["entries"][0]["title"]]


def test_report_lists_rejected_files_and_warnings(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    write(src, "empty.md", "")
    write(src, "broken.md", "---\ntitle: 'Broken' Problem\n---\nSome body text here.\n")
    build_cli(src, tmp_path / "out")
    report = json.loads((tmp_path / "out" / "build-report.json").read_text("utf-8"))
    assert report["rejected"] == [{"path": "empty.md", "error": "empty file"}]
    assert any(w["path"] == "broken.md" and "YAML" in w["warning"] for w in report["warnings"])
    html = (tmp_path / "out" / "report.html").read_text("utf-8")
    assert "empty.md" in html and "broken.md" in html


def test_untrusted_content_is_escaped(tmp_path):
    src = tmp_path / "in"
    write(src, "hostile.md", HOSTILE)
    build_cli(src, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text("utf-8")
    page = BeautifulSoup(html, "html.parser")
    scripts = page.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].get_text()  # only the page's own
    for tag in page.find_all(True):
        assert not any(a.lower().startswith("on") for a in tag.attrs), tag
        assert not any("javascript:" in str(tag.get(a, "")).lower() for a in ("href", "src", "action")), tag
    assert not page.select("div.entry img, div.entry b, div.entry a, td img, td b, td a")
    assert "<script>alert(1)" not in html and "onerror=alert(2)>" not in html
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run_chromium(args, profile):
    cmd = [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report_page(request, tmp_path_factory):
    """The report of the sample corpus when present, else of the seeds."""
    out = tmp_path_factory.mktemp("report")
    try:
        _, kb, _ = request.getfixturevalue("corpus_kb")
    except pytest.skip.Exception:
        kb = build_cli(SEEDS, out)
    write_reports(out, kb, {"total": 0.0}, [])
    return out / "report.html", len(kb["entries"])


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_renders_in_headless_chromium(report_page, tmp_path):
    page, n_entries = report_page
    dom = _run_chromium(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert dom.returncode == 0, dom.stderr[-2000:]
    shown = re.search(r'id="shown" data-count="(\d+)"', dom.stdout)  # set by the page's script
    assert shown and int(shown.group(1)) == n_entries
    assert dom.stdout.count('class="entry"') == n_entries
    assert re.search(r'<pre id="errors"></pre>', dom.stdout)  # window errors land there
    console = [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln or "Refused" in ln]
    assert console == []
    shot = tmp_path / "report.png"
    r = _run_chromium([f"--screenshot={shot}", "--window-size=1280,1600", page.as_uri()], tmp_path / "profile2")
    assert r.returncode == 0 and shot.stat().st_size > 10_000
