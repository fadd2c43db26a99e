"""Hostile input (issue #22): nothing outside the input is read, no file stalls the build,
nothing executable survives, whatever the encoding tricks."""
import json
import os
import random
import time
from pathlib import Path

import pytest

from pipeline.model import Options
from pipeline.rules import load_rules
from pipeline.runner import build
from pipeline import deadline, safety
from pipeline.safety import Scrubber, scrub, squeezed

from .conftest import write

def burn(seconds: float) -> None:
    """Spend `seconds` of this thread's CPU time (slow code, as a hostile body makes it)."""
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


GOOD = "---\ntitle: Printer offline\n---\n\nYour printer shows offline after an update.\n\n## Fix 1: Restart the spooler\n\nOpen Services and restart Print Spooler.\n"


def build_doc(src: Path, out: Path, **opts) -> dict:
    build(src, out, Options(jobs=1, **opts), use_cache=False)
    return json.loads((out / "kb.json").read_text("utf-8"))


def outcome(doc: dict) -> dict[str, str]:
    got = {s["path"]: "ok" for e in doc["entries"] for s in e["sources"]}
    got.update({r["path"]: r["error"] for r in doc["rejected"]})
    return got


def test_symlink_out_of_the_input_is_rejected_not_read(tmp_path):
    secret = write(tmp_path, "secret/token.md", "---\ntitle: Secret\n---\n\nghp_SECRET_TOKEN_123 is the token\n")
    src = tmp_path / "in"
    write(src, "good.md", GOOD)
    os.symlink(secret, src / "x.md")
    os.symlink("../secret/token.md", src / "rel.md")
    write(src, ".hidden.md", "---\ntitle: Hidden\n---\n\nhidden text HIDDEN_WORDS here\n")
    os.symlink(".hidden.md", src / "to-hidden.md")
    os.symlink("good.md", src / "alias.md")  # inside the input: read like the file itself
    doc = build_doc(src, tmp_path / "out")
    text = (tmp_path / "out" / "kb.json").read_text("utf-8")
    assert "SECRET_TOKEN" not in text and "HIDDEN_WORDS" not in text
    got = outcome(doc)
    assert got["good.md"] == got["alias.md"] == "ok"
    for name in ("x.md", "rel.md", "to-hidden.md"):
        assert "symbolic link" in got[name]


# Each of these stalled a build for minutes (quadratic regexes or scans) before #22.
N = 300_000
STALLS = {
    "link destination of spaces": "Intro [a](" + " " * N + "x\n",
    "link destination of spaces, closed": "Intro [a](" + " " * N + ")x\n",
    "dangling destination": "Intro ](" + " " * N + "x\n",
    "suspect link": "Intro ](" + " " * N + "http://x\n",
    "suspect definition": "Intro ] :" + " " * N + ")\n",
    # (50,000 lines, 1.6 MB: a linear build of it takes ~3 CPU s, the quadratic one took minutes)
    "unterminated ad markers": "intro\n\n" + "x <!-- affiliate ads begin --> y\n" * 50_000,
    "link farms": "".join('<span class="atpl-alsoreadstyle">Also read:</span><div><ul><li>'
                          '<a href="https://x.com/a">a</a></li></ul></div>\n\npara\n\n' for _ in range(20_000)),
    # a step's paragraph led by thousands of no-break spaces (a manual-way label's pattern)
    # and a list of keys never said to be pressed together ("Win key" or "Win" + "key": 2^n)
    "spaces before a step": ("## Method 1: Restart\n\n" + "\u00a0 " * 10_000
                             + "Turn off the printer and wait a minute before you turn it on again.\n"),
    # (30,000 bullets: a linear build of them takes ~3 CPU s, 60,000 took 6-8 s against the 8 s bound)
    "bullets nested in one item": "## Fix 1: Flush DNS\n\n1. Type these:\n" + "   - ipconfig /flushdns\n" * 30_000,
    # a credit's shape ("By Jiap -- Shutterstock") read 2^n ways; "type" then a run of spaces (n^2)
    "credit-shaped line": "Intro text.\n\n" + ("A" + "--A" * 95 + "--x\n\n") * 3,
    "spaces after type": "## Fix 1: Flush DNS\n\nThen type" + " " * 300_000 + "x and press Enter.\n",
    "keys in a row": "## Fix 1: Restart\n\nPress the " + "Win key, " * 20_000 + "and then wait.\n",
    # one line of sentences each ending inside its quote mark (text.SENTENCE_END), and spaces after one
    "sentences closing in quotes": "## Fix 1: Reset\n\n" + "Tap \u201cOK.\u201d Select \"Apply.\" " * 10_000 + "\n",
    # a shop's monthly price over a run of spaces, linked and not; a label said twice in a row, long
    "price button of spaces": "Intro.\n\n[$1 " + "/ " * 100_000 + "](https://x.example/a)\n\n$1" + " " * N + "/mth at x y\n",
    "a long line said twice": "Intro.\n\n" + ("Acme " * 60_000 + "\n\n") * 2,
    "spaces after a closing quote": "## Fix 1: Reset\n\nTap \"OK.\"" + " " * N + "Then wait.\n",
    # a query of percent-escapes (read decoded for affiliate parts); names under pictures, each named by the page
    "percent-encoded query": "Intro [a](https://x.example/?" + "%5F" * 100_000 + "aff%5Fid=1)\n",
    "names under pictures": "Intro.\n\n" + "".join(f"![p](https://i.example/{i}.jpg)\n\nAcme Co{i}\n\nIt ships from "
                                                  f"Acme Co{i} today.\n\n" for i in range(10_000)),
    # a thousand comment threads' buttons interleaved over the whole body (each line looked at once)
    "reply buttons": "One long sentence.\n\nTwo long sentences.\n\nThree long sentences.\n\n" + "".join(
        f"[Open {i % 1000}](https://f.example/t/{i % 1000}/x)\n\n[Reply](https://f.example/t/{i % 1000}/x)\n\n"
        for i in range(10_000)),
    # 2,000 check questions beside steps; parts over ways beside procedures of their own; one list item
    # running its next numbers on, and one of no-break spaces before a number
    "questions beside steps": "Intro.\n\n" + "## Check the cable\n\nCheck it.\n\n## Is the cable in?\n\nCheck it. "
                              "Plug it in.\n\n" * 1_000,
    "parts beside procedures": "Intro.\n\n" + ("## Part 1. On a phone\n\n### How to do it\n\n1. Click a.\n2. Click b.\n\n"
                                "## Part 2. On a PC\n\n1. Click a.\n2. Click b.\n\n") * 500,
    "numbers run into one item": "## Fix 1: Reset\n\n1. Open it. " + "2) Click it. 3) Tap it. " * 20_000 + "\n",
    "no-break spaces before a number": "## Fix 1: Reset\n\n1. Open it.\n2. Click it. " + "\u00a0" * N + "3) Tap.\n",
    # (15,000 lines each: at 30,000 its linear build took 5.9 CPU s alone and 8.05 in the full suite beside two
    # corpus builds, against the 8 s bound; 7,500 / 15,000 / 30,000 took 1.7 / 3.0 / 5.9 s)
    "two items over nested lists": "Intro.\n\n1. Type these:\n" + "   - ipconfig /flushdns\n" * 15_000
                                   + "2. Then these:\n" + "   1. Open it.\n" * 15_000,
    # a table of many rows (one block); a shop widget's lines at the body's end, each one it takes (its walk
    # reads them all: a price, a link to a shop, a picture), then one of a link to a run of slashes
    "a table of many rows": "Intro.\n\n| A | B |\n| --- | --- |\n" + "| x | 1 |\n" * 50_000,
    "a shop widget of long lines": "Intro.\n\n" + ("[" + "w " * 9 + "](//" + "/" * N + "\n\n![a](https://i.example/a.png)\n\n"
                                                 "(Black)\n\n") * 3
                                   + ("[" + "w " * 9 + "](https://shop.example/" + "a" * 400 + ")\n\n$19.99\n\n"
                                      "![a](https://i.example/a.png)\n\n") * 5_000 + "Load more deals\n",
    # a word of 300,000 letters under a heading worded as a step (the page's word pairs read once, each from a word's start)
    "a word of letters only": "## Rotate Videos on Android\n\nRotate the clip first.\n\n![a](https://i.example/a.png)\n\n"
                              + "a" * N + "\n",
    # feedback questions in a row, each one's box walked to the next (77 s at 8,000, each walk read the rest)
    "feedback questions in a row": "## Fix 1: Reset\n\nOpen it.\n\n" + "Was this page helpful?\n\n" * 8_000,
    "pictures in a heading": "## " + "![a](https://x.example/a.png)" * 20_000 + "Fix 1: Reset\n\n1. Open.\n2. Tap.\n",
    # a sub-step label's shape over runs of spaces ("Step", spaces, a digit, spaces, a letter): each split of the
    # spaces tried once took 6.6 s a paragraph of 100k (the review of this session's steps._LONE_LABEL)
    "a step label over runs of spaces": "Intro.\n\n## Fix 1: Reset the router\n\nUnplug it.\n\n"
                                        + ("Step" + " " * 60_000 + "1" + " " * 60_000 + "x\n\nPlug it in.\n\n") * 2,
}


@pytest.fixture(scope="module")
def stall_budget(tmp_path_factory):
    """CPU seconds a crafted body may take: 8, or twice what this machine spends on a plain body of 10,000
    pictures and 20,000 sentences (measured on a quarter of it, times 4), whichever is more. A plain body that
    size took 7-10 s here (a machine's speed and its neighbours move it by half), as the crafted ones do; the
    quadratic cases these guard against took minutes."""
    src = tmp_path_factory.mktemp("plain")
    write(src, "a.md", "---\ntitle: t\n---\n\nIntro.\n\n" + "".join(
        f"![p](https://i.example/{i}.jpg)\n\nThe router number {i} ships today.\n\n"
        f"It holds a fan and {i} ports for cables.\n\n" for i in range(2_500)))
    t0 = time.process_time()
    build_doc(src, tmp_path_factory.mktemp("plain-out"))
    return max(8.0, 2 * 4 * (time.process_time() - t0))


@pytest.mark.parametrize("name", sorted(STALLS))
def test_crafted_bodies_build_in_linear_time(tmp_path, name, stall_budget):
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: t\n---\n\n" + STALLS[name])
    t0 = time.process_time()  # (CPU seconds of this process, jobs=1: a guard against stalls that the
    doc = build_doc(src, tmp_path / "out")  # machine's load does not trip; the quadratic cases took minutes)
    assert time.process_time() - t0 < stall_budget, name
    assert len(outcome(doc)) == 1


def test_heading_and_broken_yaml_of_spaces_are_linear(tmp_path):
    src = tmp_path / "in"
    write(src, "heading.md", "# a" + " " * N + "x\n\nbody text here\n")
    write(src, "kv.md", "---\ntitle: 'a' b\nfoo: a" + " " * 60_000 + "x\n---\n\nbody text\n")  # (under the front matter limit)
    t0 = time.process_time()
    doc = build_doc(src, tmp_path / "out")
    assert time.process_time() - t0 < 8
    assert set(outcome(doc).values()) == {"ok"}


def test_many_unterminated_markers_give_one_warning(tmp_path):
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: t\n---\n\nintro\n\n" + "x <!-- affiliate ads begin --> y\n" * 1000)
    doc = build_doc(src, tmp_path / "out")
    warnings = doc["entries"][0]["sources"][0]["warnings"]
    assert warnings == ["1000 ad begin markers have no end marker (the first at body line 4); "
                        "removed the ad HTML after each only"]


def test_a_backtracking_user_rule_costs_its_file_not_the_build(tmp_path):
    rules_file = write(tmp_path, "r.toml", '[scrape_artifacts]\nlone_patterns = ["(a+)+b"]\n')
    src = tmp_path / "in"
    write(src, "good.md", GOOD)
    write(src, "evil.md", "---\ntitle: t\n---\n\nintro\n\n" + "a" * 40 + "c\n")
    t0 = time.perf_counter()
    build(src, tmp_path / "out", Options(jobs=1, file_seconds=1.0), rules=load_rules([rules_file]), use_cache=False)
    assert time.perf_counter() - t0 < 20
    got = outcome(json.loads((tmp_path / "out" / "kb.json").read_text("utf-8")))
    assert got["good.md"] == "ok"
    assert got["evil.md"].startswith("timeout:")


# A line that "(a+)+b" backtracks on for ~20 s per search (2^26 ways), 40 s and more a build
# before entries' titles and kinds ran under the budget
STALL = "a" * 26 + "c"


def _build_with_rule(tmp_path, rule: str, files: dict[str, str]) -> tuple[dict, list[str], float]:
    src = tmp_path / "in"
    for name, text in files.items():
        write(src, name, text)
    rules = load_rules([write(tmp_path, "r.toml", rule)])
    t0 = time.perf_counter()
    result = build(src, tmp_path / "out", Options(jobs=1, file_seconds=1.0), rules=rules, use_cache=False)
    return json.loads((tmp_path / "out" / "kb.json").read_text("utf-8")), result.notes, time.perf_counter() - t0


@pytest.mark.parametrize("rule, title, kind", [
    ('[page_kinds]\nother = ["(a+)+b"]\n', "Printer offline", "other"),
    ('[title_choice]\nspin_patterns = ["(a+)+b"]\n', f"Printer {STALL} offline", "troubleshooting"),  # (its kind as read without the rule: see note)
    ('[title_spin]\nsuffixes = ["(a+)+b"]\n', f"Printer {STALL} offline", "troubleshooting"),  # (its kind as read without the rule: see note)
])
def test_a_backtracking_rule_on_entries_costs_its_entry_not_the_build(tmp_path, rule, title, kind):
    evil = GOOD.replace("title: Printer offline", f"title: {title}") + f"\n{STALL}\n"
    doc, notes, seconds = _build_with_rule(tmp_path, rule, {"evil.md": evil})
    assert seconds < 20
    group = rule.split("]")[0] + "]"
    [entry] = doc["entries"]
    assert (entry["title"], entry["kind"]) == (title, kind)  # the title as published
    assert [w.split(" rules ")[0] for w in entry["sources"][0]["warnings"]] == [f"evil.md: {group}"]
    assert notes == entry["sources"][0]["warnings"] and doc["stats"]["warnings"] == 1


def test_a_rule_group_out_of_budget_on_3_entries_is_not_tried_on_more(tmp_path):
    topics = ["printer is offline", "mouse cursor freezes", "speaker makes no sound", "webcam shows black"]
    files = {f"e{k}.md": f"---\ntitle: My {t}\n---\n\nWhy the {t} {k} {k} {k}.\n\n{STALL}\n" for k, t in enumerate(topics)}
    doc, notes, seconds = _build_with_rule(tmp_path, '[page_kinds]\nother = ["(a+)+b"]\n', files)
    assert len(doc["entries"]) == 4 and {e["kind"] for e in doc["entries"]} == {"other"}
    assert [n.split(" rules ")[1].split(" ")[0] for n in notes] == ["took", "took", "took", "skipped:"]
    assert seconds < 20


@pytest.mark.parametrize("where", ["pipeline.titles.TitleChooser.chosen", "pipeline.kinds.KindClassifier.decide"])
def test_an_entry_whose_title_or_kind_code_raises_costs_its_entry_not_the_build(tmp_path, monkeypatch, where):
    """A title bug a hostile title finds (a RecursionError) ended the whole build: Budget.run
    caught only Timeout. Now the entry keeps its fallback and its first source a warning."""
    module, cls, name = where.rsplit(".", 2)
    fn = getattr(getattr(__import__(module, fromlist=[cls]), cls), name)

    def raising(self, *args):  # (chosen(k, entry), decide(entry, scores))
        if any(isinstance(a, dict) and a.get("title", "").startswith("Mouse") for a in args):
            raise RecursionError("maximum recursion depth exceeded")
        return fn(self, *args)
    monkeypatch.setattr(where, raising)
    mouse = ("---\ntitle: Mouse cursor jumps\n---\n\nThe mouse cursor jumps across the screen while you type on a "
             "laptop.\n\n## Fix 1: Turn off the touchpad\n\nOpen Settings, then Devices, and switch the touchpad off.\n")
    doc, notes, _ = _build_with_rule(tmp_path, "", {"good.md": GOOD, "mouse.md": mouse})
    by_path = {e["sources"][0]["path"]: e for e in doc["entries"]}
    assert by_path["mouse.md"]["title"] == "Mouse cursor jumps"
    if "kinds" in where:
        assert by_path["mouse.md"]["kind"] == "other"
    assert notes == by_path["mouse.md"]["sources"][0]["warnings"] and len(notes) == 1
    assert notes[0].startswith("mouse.md: [") and "RecursionError" in notes[0]
    assert by_path["good.md"]["sources"][0]["warnings"] == [] and by_path["good.md"]["kind"] != "other"


def test_the_deadline_holds_in_worker_processes(tmp_path):
    rules_file = write(tmp_path, "r.toml", '[scrape_artifacts]\nlone_patterns = ["(a+)+b"]\n')
    src = tmp_path / "in"
    for i in range(3):
        write(src, f"good{i}.md", GOOD.replace("offline", f"offline {i}"))
    write(src, "evil.md", "---\ntitle: t\n---\n\nintro\n\n" + "a" * 40 + "c\n")
    build(src, tmp_path / "out", Options(jobs=2, file_seconds=1.0), rules=load_rules([rules_file]), use_cache=False)
    got = outcome(json.loads((tmp_path / "out" / "kb.json").read_text("utf-8")))
    assert got.pop("evil.md").startswith("timeout:")
    assert set(got.values()) == {"ok"}


@pytest.mark.parametrize("dest", [
    "java&#10;script:alert(1)", "java&NewLine;script:alert(1)", "java&#x0D;script:alert(1)",
    "%0Ajavascript:alert(1)", "jav%61script:alert(1)", "  JaVa\tScRiPt:alert(1)", "vbscript:msgbox(1)",
])
def test_script_urls_hidden_by_encoding_never_reach_kb(tmp_path, dest):
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: t\n---\n\nIntro text of the page.\n\n<b>Note</b> see [the fix](" + dest + ") now.\n"
          "\n[ref]: " + dest + "\n")
    build_doc(src, tmp_path / "out")
    text = json.loads((tmp_path / "out" / "kb.json").read_text("utf-8"))
    blob = json.dumps(text["entries"]).lower()
    for needle in ("javascript:", "vbscript:", "script:alert", "msgbox"):
        assert needle not in blob.replace("&#10;", "").replace("&newline;", "").replace("&#x0d;", "")
    assert "the fix" in blob


def test_scrub_empties_executable_urls_and_tags_and_counts_them():
    never = ["javascript:", "vbscript:", "livescript:", "data:"]
    entries = [{"title": "ok", "sections": [{"text": "a [x](java\nscript:alert(1)) b <img src=x onerror=alert(1)> "
                                                      "c <script>alert(1)</script> `<a href='JAVA&#09;SCRIPT:x'>`"}]}]
    out, n = scrub(entries, never)
    text = out[0]["sections"][0]["text"]
    assert n == 5  # the link, the handler's tag, both script tags, the href in code
    assert "script:" not in text.lower().replace("\n", "") and "onerror" not in text and "script>" not in text
    assert text.startswith("a [x]() b")
    # prose and safe links stay as they are
    kept = [{"t": "Enable JavaScript: open Settings. See [docs](https://example.com/a?b=c) and <support@x.com>."}]
    assert scrub(kept, never) == (kept, 0)


NEVER = ["javascript:", "vbscript:", "livescript:", "data:"]


def test_scrub_returns_what_it_leaves_unchanged_as_it_is_not_a_copy():
    """Issue 31: the scrub copied every entry's lists and dicts while the originals were
    still alive (at 100k articles, the client's peak). A clean document comes back as the
    same objects, nearly nothing allocated; a changed string copies only the containers on
    its way up, its clean siblings shared."""
    import tracemalloc
    step = {"text": "Open **Settings > Printers**, see [the guide](https://example.com/guide?p=1) and retry.",
            "media": [{"src": "https://example.com/a.png", "alt": "The print queue"}], "n": 3}
    entries = [{"id": f"e{i}", "title": f"Fix printer error {i}", "steps": [dict(step, media=[dict(m) for m in step["media"]])
                                                                       for _ in range(20)],
                "sources": [{"path": f"site/{i}/{j}.md", "sites": ["a.example", "b.example"]} for j in range(10)]}
               for i in range(400)]
    tracemalloc.start()
    try:
        size = tracemalloc.get_traced_memory()[0]
        out, n = scrub(entries, NEVER)
        peak = tracemalloc.get_traced_memory()[1] - size
    finally:
        tracemalloc.stop()
    assert n == 0 and all(a is b for a, b in zip(out, entries)) and len(out) == len(entries)
    assert peak < 64 * 1024  # (a copy of these entries is ~10 MB)
    bad = entries[7]
    bad["steps"][5]["media"][0]["alt"] = "x <img src=y onerror=alert(1)>"
    out, n = scrub(entries, NEVER)
    assert n == 1 and out[7] is not bad and out[7]["steps"][5]["media"][0]["alt"] == "x "
    assert bad["steps"][5]["media"][0]["alt"] == "x <img src=y onerror=alert(1)>"  # the original untouched
    assert out[7]["steps"] is not bad["steps"] and out[7]["steps"][4] is bad["steps"][4]
    assert out[7]["sources"] is bad["sources"] and out[6] is entries[6]


class _Clean(set):
    """A stand-in for the cache's record of entries found clean."""
    scrubbed = set.__contains__
    put_scrubbed = set.add


def test_scrub_walks_again_only_entries_not_known_clean(monkeypatch):
    bad = {"t": "a [x](javascript:alert(1)) b"}
    good = {"t": "Open [Settings](https://example.com/a). Enable JavaScript: it is off."}
    memo, walked = _Clean(), []
    real = Scrubber.walk
    monkeypatch.setattr(Scrubber, "walk", lambda self, v: walked.append(v) or real(self, v))
    first = scrub([bad, good], NEVER, memo)
    assert first == ([{"t": "a [x]() b"}, good], 1) and len(memo) == 1  # (only the clean one is known)
    walked.clear()
    again = scrub([bad, dict(good), {"t": good["t"] + " <script>x</script>"}], NEVER, memo)
    assert again[1] == 3 and again[0][:2] == first[0] and "script" not in again[0][2]["t"]
    assert [w for w in walked if isinstance(w, dict)] == [bad, {"t": good["t"] + " <script>x</script>"}]  # the clean one (by content) not again
    # what cannot be keyed (a lone surrogate orjson refuses) is walked, never kept
    assert scrub([{"t": "\udcff [x](javascript:y)"}], NEVER, memo)[1] == 1 and len(memo) == 1


@pytest.mark.parametrize("unit", ["[a](", "[a](&", "[a](%", "<a href=", "[a](" + " " * 30, "[a](&amp;", "[a](&a",
                                  "[a](&#1"])
def test_scrub_decodes_a_bounded_prefix_of_each_url_start(monkeypatch, unit):
    # each URL start decoded its own 4,096-character window: 40,000 `[a](`, 9 s (1,000
    # characters decoded per character of text); a prefix tells, read further when it does not.
    # A prefix cut inside escapes could be trusted only 256 characters on: 40,000 `[a](&`
    # decoded 115 characters per character (4.2 s); cut where no escape reaches, it is exact
    decoded = []
    monkeypatch.setattr(safety, "squeezed", lambda url: decoded.append(len(url)) or squeezed(url))
    text = unit * 4000 + "[x](java&#10;script:alert(1))"
    out, n = scrub([{"t": text}], NEVER)
    assert n == 1 and "alert" not in out[0]["t"]
    assert sum(decoded) < 32 * len(text), sum(decoded) / len(text)


def _hostile_url(rnd: random.Random) -> str:
    pieces = ["java", "script", ":", "alert(1)", " ", "\t", "&#10;", "&#x0D;", "&NewLine;", "&colon;", "%0A", "%3A",
              "%26%2358;", "&#" + "0" * rnd.randrange(1, 400) + "58;", "&amp", "&notin", "\u0130", "%E2%80%AE", "a",
              " " * rnd.randrange(1, 600), "&", "%"]
    return "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 120)))


# escapes that decode to a blank (squeezed away) only when whole, once decoded or twice:
# cut in two, the prefix reads 19+ characters of name where the window reads nothing
_LONG_BLANKS = ["%26NonBreakingSpace%3B", "%2526NonBreakingSpace%253B", "&amp;NonBreakingSpace;",
                "%26amp%3BNonBreakingSpace%3B", "&NonBreakingSpace;"]


def test_scrub_decides_on_a_prefix_as_on_the_whole_window():
    # the prefix's verdict is the window's, whatever escape the cut falls in
    rnd, scrubber = random.Random(22), Scrubber(NEVER)
    cut = [" " * o + b + "javascript:alert(1)" + "x" * 5000 for o in range(0, 600, 3) for b in _LONG_BLANKS]
    for url in cut + [_hostile_url(rnd) for _ in range(2000)]:
        whole = squeezed(url).startswith(scrubber.never)
        assert scrubber._executable(url, 0, len(url)) == whole, url



def test_scrub_searches_a_text_for_the_url_starts_it_can_hold_and_finds_the_same(monkeypatch):
    """Issue 30: every text was searched with one pattern of every way a URL starts; its
    attributes' case-blind words, tried at every character, were 0.9 s of the 1.3 s the scrub
    took over a 30k-article build's entries. A text without "=" holds no attribute, one without
    "]:" no definition: it is searched without them. The same starts, texts and counts as the
    whole pattern, on texts of every way mixed (a definition's label holding "<" or "href=",
    starts inside one another, upper case, links over lines)."""
    import re

    whole = re.compile(r"\]\s*\(|^[ \t]{0,3}\[[^\]\n]{0,999}\]:|<|\b(?:href|src|action|formaction|xlink:href|background|poster)\s*=",
                       re.I | re.M)
    pieces = ["[a](", "](", "] (", "]\n(", "[ref]:", "  [r<b]:", "[x href=]:", "\n", " ", "<", ">", "href=", "HREF =",
              "xlink:href=", "formaction=", "src", "=", ":", "]", "[", "(", ")", "javascript:alert(1)", "JaVa&#10;ScRiPt:x",
              "%0Ajavascript:", "data:x", "https://example.com/a?b=c", "text", "é", "'", '"', "background", " on", "action"]
    rnd = random.Random(2630)
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 60))) for _ in range(6000)]
    for text in texts:
        chosen = safety._URL_STARTS["]:" in text, "=" in text]
        assert [m.span() for m in chosen.finditer(text)] == [m.span() for m in whole.finditer(text)], text
    after = Scrubber(NEVER)
    now = [after.text(t) for t in texts]
    monkeypatch.setattr(safety, "_URL_STARTS", dict.fromkeys(safety._URL_STARTS, whole))
    before = Scrubber(NEVER)
    assert now == [before.text(t) for t in texts] and after.count == before.count > 100

def test_title_from_a_file_name_is_made_inert(tmp_path):
    src = tmp_path / "in"
    write(src, "<img src=x onerror=alert(1)>.md", "---\ntitle: ''\n---\n\n<div></div>\n\nSome text of the article here.\n")
    doc = build_doc(src, tmp_path / "out")
    titles = [e["title"] for e in doc["entries"]]
    assert titles and all("onerror" not in t and "<" not in t for t in titles)


def test_controls_and_bidi_overrides_leave_titles(tmp_path):
    src = tmp_path / "in"
    write(src, "a.md", '---\ntitle: "Printer\\0 offline \\u202Efdp.exe"\n---\n\nYour printer is offline today.\n')
    doc = build_doc(src, tmp_path / "out")
    title = doc["entries"][0]["title"]
    assert "\u202e" not in title and "\x00" not in title and "offline" in title


def test_an_overflowing_date_is_dropped_with_a_warning(tmp_path):
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: Printer offline\ndate: 0001-01-01T00:00:00+05:00\n---\n\nYour printer is offline.\n")
    doc = build_doc(src, tmp_path / "out")
    source = doc["entries"][0]["sources"][0]
    assert source["date"] is None
    assert any("out of range" in w for w in source["warnings"])


def test_one_warning_for_thousands_of_unterminated_markers_between_paragraphs(tmp_path):
    ad = ('<!-- affiliate ads begin -->\n<div class="ad"><a href="https://shop.example/pcrepair">Buy PC Repair Pro'
          '</a></div>\n\nIf the error stays, reset the Windows Update components.\n\n')
    write(tmp_path / "in", "update-error.md", "---\ntitle: Fix Windows Update Error 0x80070005\n---\n\n"
          "Run the Windows Update troubleshooter first.\n\n" + ad * 3000)
    result = build(tmp_path / "in", tmp_path / "out", Options(jobs=1))
    kb = json.loads((tmp_path / "out" / "kb.json").read_bytes())
    (source,) = kb["entries"][0]["sources"]
    assert len(source["warnings"]) == 1 and source["warnings"][0].startswith("3000 ad begin markers")
    assert result.warnings == kb["stats"]["warnings"] == 1
    assert source["removed"]["ad_block"] == 3000


def test_chrome_stripping_over_budget_costs_its_body_not_the_build(tmp_path, monkeypatch):
    """Site chrome is learnt and stripped in the build's own process, outside the workers'
    budget: a user seed that backtracks on a line of a body (or a body too slow to strip)
    stalled the build there. The body keeps its chrome, its file gets a warning; the build
    is not kept, nothing learnt in it is cached as if it were."""
    mouse = ("---\ntitle: Mouse cursor jumps\n---\n\nThe mouse cursor jumps across the screen while you type on a "
             f"laptop.\n\n{STALL}\n\n## Fix 1: Turn off the touchpad\n\nOpen Settings and switch the touchpad off.\n")
    files = {"good.md": GOOD, "evil.md": mouse}
    monkeypatch.setattr(deadline, "BACKSTOP", 1000)  # (its CPU budget runs out first, however busy the machine)
    doc, notes, seconds = _build_with_rule(tmp_path, '[boilerplate]\nseeds = ["(a+)+b"]\n', files)
    assert seconds < 20
    by_path = {e["sources"][0]["path"]: e for e in doc["entries"]}
    assert STALL in json.dumps(by_path["evil.md"])  # kept, chrome and all
    [warning] = by_path["evil.md"]["sources"][0]["warnings"]
    assert warning.startswith("evil.md: [boilerplate] rules took more than 1 s") and "site chrome" in warning
    assert by_path["good.md"]["sources"][0]["warnings"] == []
    assert doc["stats"]["warnings"] == 1 and notes == [warning]


def test_bodies_over_the_chrome_budget_cost_themselves_not_the_bodies_after_them(tmp_path, monkeypatch):
    """A body is slow to strip when it is big (3.8 MB of plain lines: 16 s), not hostile: three
    such bodies gave every later body its fallback at once (the rule groups' 3 strikes),
    chrome kept, harmless ones too. Here the first three bodies stripped are over the budget:
    the fourth is still stripped."""
    from pipeline import boilerplate
    real, calls = boilerplate.Boilerplate.strip_marked, []

    def slow(self, page, repeated, marks=None, lost=()):
        calls.append(page)
        if len(calls) <= 3:
            burn(3)  # (CPU time: the budget counts that, not waiting)
        return real(self, page, repeated, marks, lost)
    monkeypatch.setattr(boilerplate.Boilerplate, "strip_marked", slow)
    notice = "We use cookies to improve your visit. By staying on this site you agree to our cookie policy."
    topics = ["printer", "scanner", "keyboard", "webcam"]
    src = tmp_path / "in"
    for t in topics:
        write(src, f"{t}.md", f"---\ntitle: {t.title()} offline\n---\n\nYour {t} shows offline after an update.\n\n"
              f"{notice}\n\n## Fix 1: Restart the {t}\n\nOpen Settings and restart the {t} driver.\n")
    monkeypatch.setattr(deadline, "BACKSTOP", 1000)  # (their CPU budget runs out first, however busy the machine)
    result = build(src, tmp_path / "out", Options(jobs=1, file_seconds=1.0), use_cache=False)
    assert len(calls) == 4 and len(result.notes) == 3
    assert all("took more than 1 s" in n for n in result.notes)
    doc = json.loads((tmp_path / "out" / "kb.json").read_text("utf-8"))
    kept = {e["sources"][0]["path"]: "cookie" in json.dumps(e) for e in doc["entries"]}
    assert sorted(kept.values()) == [False, True, True, True]


def test_many_contents_lists_and_sections_are_matched_in_linear_time(tmp_path):
    """2,000 contents lists of in-page links and 2,000 sections after them (220 KB): each section is
    matched once, against the nearest list before it (they were 4,000,000 matches, 20 s: rejected as
    a timeout)."""
    n = 2000
    body = "Intro text here.\n\n" + "".join(f"## Overview {k}\n\n- [alpha {k}](#a{k})\n- [beta {k}](#b{k})\n\n"
                                          for k in range(n)) + "".join(
        f"## Background {k}\n\nSome words about thing {k}.\n\n" for k in range(n)) + (
        "## Restart the router\n\n1. Unplug it.\n2. Plug it in.\n\n## Update the driver\n\n1. Open Device Manager.\n"
        "2. Click Update.\n")
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: How to fix it\n---\n\n" + body)
    t0 = time.process_time()
    doc = build_doc(src, tmp_path / "out")
    assert time.process_time() - t0 < 8
    assert outcome(doc) == {"a.md": "ok"}


def test_a_label_line_of_spaces_under_a_pictured_name_is_read_in_linear_time(tmp_path):
    # the line under a name alone under a picture is asked whether it is a label's ("Price: $300"): a pattern
    # with two runs of spaces around an optional mark took minutes on "Price" + 300,000 spaces, so the chrome
    # pass ran over its budget and the body kept its chrome with a warning; read linearly, the credit goes
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: t\n---\n\nAcme Router is our pick.\n\n![p](https://i.example/1.jpg)\n\n"
                       "Acme Router\n\nPrice" + " " * N + "x\n\nMore text about it here.\n")
    t0 = time.process_time()
    doc = build_doc(src, tmp_path / "out")
    assert time.process_time() - t0 < 8
    source = doc["entries"][0]["sources"][0]
    assert source["warnings"] == [] and source["removed"] == {"chrome": 1}


def test_many_lists_over_many_headings_are_matched_in_bounded_time():
    """A page of lists under one heading, each list 40 items over 80 headings whose words they
    half share: each list's matching stops once it cannot name three quarters of them, and the
    page's comparisons are capped (all 1,000 lists against the headings took 3 CPU s to structure
    alone, a 4 MB page of them ran over the 10 s budget and was rejected; main structured this in 0.2)."""
    from pipeline.structure.structurer import Structurer
    st = Structurer(load_rules())
    body = ("## Intro\n\n" + "".join("".join(f"- ab cd {j}\n" for j in range(40)) + "\nP.\n\n" for _ in range(1000))
            + "".join(f"## ab ef x{i}\n\nT.\n\n" for i in range(80)))
    t0 = time.process_time()
    got = st.structure(body, "t")
    assert time.process_time() - t0 < 1.5
    assert got.sections[0].text.count("- ab cd 39") == 1000  # (the lists name no heading: they stay)


def _built_with_link_lines(tmp_path, lines: str) -> dict:
    """What becomes of an article whose body opens with `lines` (lines of links), beside a good one."""
    src = tmp_path / "in"
    write(src, "a.md", "---\ntitle: Fix Wi-Fi drops\n---\n\n## Fix Wi-Fi drops\n\n" + f"{lines}\n\n"
          + "Open Device Manager and expand Network adapters.\n")
    write(src, "b.md", GOOD)
    return outcome(build_doc(src, tmp_path / "out"))


def test_lines_of_touching_bold_links_do_not_hold_up_the_junk_rules(tmp_path):
    """The junk rules ask whether a line holds links alone (clean.junk._LINK_ONLY) with a pattern that
    placed a bold mark between two links two ways (closing the first or opening the next): 2^n tries on
    a line of n links followed by text. Three such lines put the body over its budget, rejected."""
    from pipeline.clean.junk import _LINK_ONLY
    line = "[a](http://pxf.io)**" * 24 + " x"
    assert _built_with_link_lines(tmp_path, f"{line}\n{line}\n{line}") == {"a.md": "ok", "b.md": "ok"}
    assert _LINK_ONLY.match("[a](http://pxf.io)**" * 200 + " x") is None
    for links in ("[a](x)****[b](y)", "**[a](x)** **[b](y)**", "1. [a](x) __[b](y)__  ", "* [a](x)"):
        assert _LINK_ONLY.match(links), links
    assert _LINK_ONLY.match("* [a](x) | [b](y)") is None  # (a bar between links is no link)


def test_a_line_of_touching_bold_links_is_read_in_linear_time(tmp_path):
    """A line of affiliate links that touch, each one's closing bold mark before the next link
    ("[a](http://pxf.io)**[a](...)**... x"): the cleaner unwraps them, and the record of lost links
    asked whether the raw line was a line of links with a pattern that placed each mark two ways
    (after a link or before the next), 2^n tries on a line of n links; at 31 links the body ran
    over its budget and was rejected (main built it in 2 s). Each mark has one place now."""
    from pipeline.clean.links import _LINK_LINE
    line = "[a](http://pxf.io)**" * 31 + " x"
    assert _built_with_link_lines(tmp_path, line) == {"a.md": "ok", "b.md": "ok"}
    assert _LINK_LINE.match("[a](http://pxf.io)**" * 200 + " x") is None  # (as long: 2^200 tries before)
    assert _LINK_LINE.match("[a](http://pxf.io)**" * 200)
    assert _LINK_LINE.match("* **[Home](https://s.example/)** | __[Windows](https://s.example/w/)__ / [Wi-Fi](https://s.example/w/f/)")
