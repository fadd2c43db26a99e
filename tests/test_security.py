"""Issue 22, the output side: JSON meant for embedding in HTML, the HTML report, file names
that are not UTF-8, one build at a time per output folder, repeated warnings."""
import json
from html.parser import HTMLParser

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.report import render_html

from .conftest import write

BREAKOUT = "</script><script>alert(document.domain)</script>"

PRINTER = f"""---
title: "How to Fix a Printer That Shows Offline in Windows 11"
date: 2024-03-02
---

# How to Fix a Printer That Shows Offline in Windows 11

Your printer shows as offline even though it is switched on and connected. Here are the fixes that work.

## Fix 1: Restart the Print Spooler

Open an elevated prompt and run `net stop spooler && net start spooler`, then try to print again. If the
page still says `{BREAKOUT}`, go on.

## Fix 2: Turn Off "Use Printer Offline"

Open **Settings > Bluetooth & devices > Printers & scanners**, select your printer, open the print queue
and clear the `Use Printer Offline` option.

## Fix 3: Reinstall the Printer Driver

Remove the printer, download the latest driver from the maker's site and add the printer again.
"""


def _build(args):
    res = CliRunner().invoke(main, ["build", "-q", *map(str, args)])
    return res


def test_howto_jsonld_cannot_close_the_script_element_it_is_embedded_in(tmp_path):
    write(tmp_path / "in", "printer-offline.md", PRINTER)
    res = _build(["--input", tmp_path / "in", "--output", tmp_path / "out", "--format", "howto"])
    assert res.exit_code == 0, res.output
    data = (tmp_path / "out" / "howto.jsonld").read_bytes()
    assert b"<" not in data and b">" not in data and b"&" not in data
    assert b"\\u003c/script\\u003e" in data
    steps = json.loads(data)["@graph"][0]["step"]
    assert BREAKOUT in steps[0]["text"] and "net stop spooler && net start spooler" in steps[0]["text"]
    assert "Settings > Bluetooth & devices" in steps[1]["text"]
    page = f'<script type="application/ld+json">{data.decode()}</script>'
    tags = _Tags.of(page)
    assert [t for t, _ in tags] == ["script"]


class _Tags(HTMLParser):
    """Every start tag of a page, as a browser's tokenizer sees it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    @classmethod
    def of(cls, page):
        p = cls()
        p.feed(page)
        p.close()
        return p.tags


def test_report_html_escapes_every_piece_of_scraped_text():
    evil = '"><img src=x onerror=alert(1)>' + BREAKOUT + "<!--"
    source = {"path": f"a/{evil}.md", "title": evil, "removed": {evil: 1}, "warnings": [evil]}
    entry = {"id": f"kb-{evil}", "title": evil, "sources": [source], "steps": [],
             "sections": [{"level": 2, "heading": evil, "kind": evil, "sources": [1], "variants": []}]}
    doc = {"entries": [entry], "rejected": [{"path": evil, "error": evil}], "stats": {"inputs": 2, evil: 1}}
    report = {"counts": {"inputs": 2, evil: 1}, "removed": {evil: 1}, "rejected": doc["rejected"],
              "warnings": [{"path": evil, "warning": evil}], "notes": [evil]}
    page = render_html(report, doc)
    tags = _Tags.of(page)
    assert {t for t, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "div", "p",
                                    "span", "b", "pre", "input", "code", "details", "summary", "table", "tr", "th",
                                    "td", "script"}
    assert [t for t, _ in tags].count("script") == 1
    assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on") or a in ("src", "href")]
    assert page.count("<!--") == 0
