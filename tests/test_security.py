"""Issue 22, the output side: JSON meant for embedding in HTML, the HTML report, file names
that are not UTF-8, one build at a time per output folder, repeated warnings."""
import json
from html.parser import HTMLParser

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.report import write_reports

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
    assert b"\\u0026\\u0026" in data and b"\\u003e" in data
    steps = json.loads(data)["@graph"][0]["step"]
    # (the script tags themselves never get this far: the write-time scrub drops them, code or not)
    assert "script>" not in steps[0]["text"] and "net stop spooler && net start spooler" in steps[0]["text"]
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


def test_report_html_escapes_every_piece_of_scraped_text(tmp_path):
    evil = '"><img src=x onerror=alert(1)>' + BREAKOUT + "<!--"
    source = {"path": f"a/{evil}.md", "title": evil, "removed": {evil: 1}, "warnings": [evil], "sha256": ""}
    step = {"title": evil, "text": evil, "promotional": True, "pitch": [evil]}
    entry = {"id": f"kb-{evil}", "title": evil, "kind": evil, "summary": evil, "sources": [source], "steps": [step],
             "sections": [{"level": 2, "heading": evil, "kind": evil, "sources": [1], "variants": []}]}
    doc = {"entries": [entry], "rejected": [{"path": evil, "error": evil}], "stats": {"inputs": 2, evil: 1,
                                                                                      "removed": {evil: 1}}}
    write_reports(tmp_path, doc, {"total": 0.0}, [evil], input_dir=tmp_path)
    pages = [tmp_path / "report.html", *sorted((tmp_path / "report").glob("*.html"))]
    assert [p.name for p in pages] == ["report.html", "entries-0001.html", "problems.html"]
    for path in pages:
        page = path.read_text("utf-8")
        tags = _Tags.of(page)
        assert {t for t, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "div", "p",
                                        "span", "b", "pre", "input", "code", "details", "summary", "table", "tr",
                                        "th", "td", "script", "section", "ol", "ul", "li", "a", "label", "select",
                                        "option", "button", "thead", "tbody"}, path
        assert [t for t, _ in tags].count("script") == (2 if path.name == "report.html" else 0)
        assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on") or a == "src"]
        assert {v for _, attrs in tags for a, v in attrs if a == "href"} <= {"report/problems.html", "../report.html"}
        assert page.count("<!--") == 0 and "<img" not in page
    assert evil not in (tmp_path / "report" / "entries-0001.html").read_text("utf-8")


# ------------------------------------------------------------------ file names (item 6)

import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from pipeline.write import dumps  # noqa: E402

from .conftest import ROOT, SEEDS  # noqa: E402

CAFE = """---
title: "Reset the Network Adapter on a Café Laptop"
---

Open **Settings > Network & internet > Advanced network settings** and select **Network reset**.
Restart the laptop, then join the café's Wi-Fi again.
"""


def _cli_build(input_dir, output_dir, env=None, *extra):
    """A real build in a fresh interpreter, as CI runs it (the locale is read at start-up)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "pipeline", "build", "--input", input_dir, "--output", output_dir,
                           "-q", *extra], env=env, capture_output=True, cwd=ROOT, timeout=120)


def test_a_file_name_that_is_not_utf8_is_data_in_every_output(tmp_path):
    src = tmp_path / "in"
    write(src, "ok.md", (SEEDS / "000_aea70502640bc831.txt").read_text("utf-8"))
    write(src, "café.md", CAFE)
    (src / "sub").mkdir()
    os.rename(write(src, "printer.md", PRINTER), os.path.join(os.fsencode(src / "sub"), b"\xff\xfe printer.md"))
    outputs = {}
    for label, env in [("utf8", {}), ("C", {"LC_ALL": "C", "PYTHONUTF8": "0", "LANG": "C"})]:
        out = tmp_path / label
        res = _cli_build(src, out, env, "--format", "howto", "-j", "2")
        assert res.returncode == 0, res.stderr.decode()
        outputs[label] = {name: (out / name).read_bytes()
                          for name in ("kb.json", "build-report.json", "report.html", "howto.jsonld")}
    assert outputs["utf8"]["kb.json"] == outputs["C"]["kb.json"]  # whatever the locale
    kb = json.loads(outputs["utf8"]["kb.json"])
    assert kb["rejected"] == [] and kb["stats"]["inputs"] == 3
    paths = sorted(s["path"] for e in kb["entries"] for s in e["sources"])
    assert paths == ["café.md", "ok.md", "sub/\\xff\\xfe printer.md"]
    assert "café.md".encode() in outputs["utf8"]["kb.json"]  # kb.json keeps its usual byte format
    for label in outputs:
        assert b"sub/\\\\xff\\\\xfe printer.md" in outputs[label]["build-report.json"]
        page = (tmp_path / label / "report" / "entries-0001.html").read_bytes()
        assert b"sub/\\xff\\xfe printer.md" in page
        page.decode("utf-8")  # valid UTF-8, no surrogates
        outputs[label]["report.html"].decode("utf-8")
    # the cache finds the file again by its name on disk
    res = _cli_build(src, tmp_path / "utf8", {}, "-j", "1")
    assert res.returncode == 0, res.stderr.decode()
    assert (tmp_path / "utf8" / "kb.json").read_bytes() == outputs["utf8"]["kb.json"]


def test_names_with_control_characters_and_clashing_escapes(tmp_path):
    src = tmp_path / "in"
    write(src, "fix\nwifi\u202e.md", CAFE)
    write(src, "\\xff.md", PRINTER)  # literally a backslash, x, f, f
    os.rename(write(src, "other.md", CAFE.replace("Café", "Office")), os.path.join(os.fsencode(src), b"\xff.md"))
    res = _cli_build(src, tmp_path / "out")
    assert res.returncode == 0, res.stderr.decode()
    kb = json.loads((tmp_path / "out" / "kb.json").read_bytes())
    assert sorted(s["path"] for e in kb["entries"] for s in e["sources"]) == ["\\xff.md", "fix\\x0awifi\\u202e.md"]
    (rej,) = kb["rejected"]
    assert rej["path"] == "\\xff.md" and "another file's name" in rej["error"]
    assert kb["stats"]["inputs"] == 3


def test_file_names_and_titles_lose_the_same_bidi_marks():
    """One definition (text.py) for both: a name escapes every bidi mark a title drops."""
    from pipeline.ingest import display_name
    from pipeline.text import CONTROLS
    name = "setup\u061c\u2066exe.md"
    assert display_name(name) == "setup\\u061c\\u2066exe.md"
    assert CONTROLS.sub("", name) == "setupexe.md"
    assert CONTROLS.sub("", "a\tb\nc") == "a\tb\nc"  # tab and newline stay in titles (made plain later)


def test_kb_json_keeps_its_byte_format_with_a_lone_surrogate():
    doc = {"title": "Café \udcff", "n": [1, 2.5]}
    assert dumps(doc) == dumps({"title": "Café \\udcff", "n": [1, 2.5]}).replace(b"\\\\udcff", b"\\udcff")
    assert json.loads(dumps(doc))["title"] == "Café \udcff"


def test_clean_command_reads_a_file_whose_name_is_not_utf8(tmp_path):
    path = os.path.join(os.fsencode(tmp_path), b"\xff.md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(CAFE)
    res = CliRunner().invoke(main, ["clean", os.fsdecode(path)])
    assert res.exit_code == 0, res.output
    assert "Network reset" in res.output


# ------------------------------------------------------------------ one build at a time (item 9)

import fcntl  # noqa: E402


def test_a_second_build_into_the_same_output_fails_clearly_and_writes_nothing(tmp_path):
    write(tmp_path / "in", "printer-offline.md", PRINTER)
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)  # as the first build holds it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        res = _cli_build(tmp_path / "in", out)
        assert res.returncode == 1
        assert res.stderr.decode().strip() == f"Error: another build is writing {out}"
        assert sorted(p.name for p in out.iterdir()) == [".lock"]
    finally:
        os.close(fd)
    res = _cli_build(tmp_path / "in", out)  # the first build is over (or was killed: the kernel frees it)
    assert res.returncode == 0, res.stderr.decode()
    assert (out / "kb.json").exists() and (out / "report.html").exists()


def test_a_script_scheme_word_before_closing_marks_stays_a_bare_script_url_goes(tmp_path):
    # "data:" before a heading's closing "**" or ")" is a word, not a URL (the chrome helper found
    # "**Talk about outcomes, not about data:**" cut to "not about"); "javascript:alert(1)" still goes
    write(tmp_path / "in", "sync.md", """---
title: "How to Fix OneDrive Not Syncing on Windows 11"
---

OneDrive stops syncing and the icon shows a red cross. These fixes work.

## Fix 1: **Reset the Cache, Not Your data:**

Press Windows + R, run `%localappdata%\\Microsoft\\OneDrive\\onedrive.exe /reset` and wait for the icon.

## Fix 2: Unlink the Account (Keep Your data:)

Open OneDrive settings, choose Unlink this PC and sign in again with the same account.

## Fix 3: Ignore Pages That Ask You to Run javascript:alert(1) in the Console

Close such pages and install the latest OneDrive from Microsoft's site instead.
""")
    res = _build(["--input", tmp_path / "in", "--output", tmp_path / "out"])
    assert res.exit_code == 0, res.output
    (entry,) = json.loads((tmp_path / "out" / "kb.json").read_text())["entries"]
    titles = [s["title"] for s in entry["steps"]]
    assert "Not Your data:" in titles[0] and titles[1].endswith("(Keep Your data:)"), titles
    assert "alert(1)" not in titles[2] and "javascript:" not in json.dumps(entry), titles
