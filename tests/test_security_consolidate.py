"""Consolidation stays linear on crafted input (issue 22, item 7): a huge article's
sections are merged without scanning every slot per section, and template pages that
never merge are not judged against every other page."""
import json
import sys
import time
from pathlib import Path

import pytest

from pipeline.consolidate import cluster
from pipeline.consolidate.merge import _merge_lists
from pipeline.kinds import KindClassifier
from pipeline.model import Options, Section, Structure
from pipeline.rules import load_rules
from pipeline.runner import build
from pipeline.titles import plain

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import hostile  # noqa: E402

O = Options()


def _sections(n, fmt="Part {i}: setting {i}"):
    return [Section(heading=fmt.format(i=i), level=2, kind="other", text=f"Change value {i} in panel {i}.")
            for i in range(n)]


def _merge_seconds(lists):
    t0 = time.process_time()
    _merge_lists(lists, lambda s: (s.heading, s.text), O)
    return time.process_time() - t0


def test_merging_one_huge_article_is_linear():
    # every section of the article looked through every slot made so far: 40k sections, 128 s
    n = 1500
    small = min(_merge_seconds([(_sections(n), ["a"]), (_sections(n), ["b"])]) for _ in range(3))
    big = min(_merge_seconds([(_sections(4 * n), ["a"]), (_sections(4 * n), ["b"])]) for _ in range(2))
    assert big < 8 * small + 0.05, (small, big)  # linear: ~4x; quadratic: ~16x


def test_merging_reworded_headings_compares_a_bounded_window(monkeypatch):
    # every heading of the copy reworded: each is fuzzy-matched, against nearby slots only
    calls = []

    class Counting:
        @staticmethod
        def ratio(*args, **kw):
            calls.append(1)
            return cluster.fuzz_ratio(*args, **kw)

    monkeypatch.setattr(cluster, "fuzz_ratio", cluster.fuzz.ratio, raising=False)
    monkeypatch.setattr(cluster, "fuzz", Counting)
    n = 2000
    a, b = _sections(n), _sections(n, "Part {i} - setting {i}")
    slots, placed = _merge_lists([(a, ["a"]), (b, ["b"])], lambda s: (s.heading, s.text), O)
    assert len(slots) == n and all(placed[id(x)] is placed[id(y)] for x, y in zip(a, b))
    assert len(calls) <= 2 * cluster.ALIGN_WINDOW * n  # all slots each: n * n / 2


def test_huge_article_and_its_copy_build_as_one_entry(tmp_path):
    hostile.write_corpus("sections", 1500, tmp_path / "in")
    result = build(tmp_path / "in", tmp_path / "out", Options(jobs=1))
    [entry] = result.doc["entries"]
    assert len(entry["sections"]) == 1501 and len(entry["sources"]) == 2


def test_template_pages_cost_verdicts_linear_in_their_number(tmp_path, monkeypatch):
    # N pages of one template for N products: all candidates of each other, none the same
    # problem; every pair was judged (2,000 pages: 2.0M verdicts held and cached)
    n = 400
    limit = (cluster.TOP_CANDIDATES + 2) * n
    judged = []
    real = cluster.same_problem

    def counting(a, b, o):
        judged.append(1)
        assert len(judged) <= limit, "verdicts grow faster than the bodies"
        return real(a, b, o)

    monkeypatch.setattr(cluster, "same_problem", counting)
    src = tmp_path / "in"
    hostile.write_corpus("templates", n, src)
    # a spun copy of the last page still finds it among the full buckets
    last = hostile.template_page(n - 1).replace('title: "', 'title: "[Updated] ', 1)
    (src / "copy.md").write_text(last.replace("thirty seconds", "thirty secnods"), "utf-8")
    result = build(src, tmp_path / "out", Options(jobs=1))
    assert result.entries == n
    merged = [e for e in result.doc["entries"] if len(e["sources"]) == 2]
    assert [sorted(s["path"] for s in e["sources"]) for e in merged] == [["copy.md", f"t{n - 1:05d}.md"]]
    line = (tmp_path / "out" / ".cache" / "index").read_bytes().split(b"\n")[2]  # (the index's "verdicts {...}")
    assert line.startswith(b"verdicts ") and len(json.loads(line.partition(b" ")[2])) <= limit


class _Body:
    """A body as same_problem reads it: its sections, no codes in its title or headings."""

    def __init__(self, sections):
        self.structure = Structure(summary="", sections=sections, steps=[], causes=[])
        self.codes = frozenset()


def _paragraph(n, every=0):
    """n words; with `every`, every such word changed (a spun copy)."""
    words = [f"w{i * 7919 % 1000003}" for i in range(n)]
    for k in range(7, n if every else 0, every or 1):
        words[k] = "z" + words[k]
    return " ".join(words)


def _counting_fuzz(monkeypatch, work, compute=True):
    """Record, for each fuzz.ratio consolidation makes, the product of the two lengths
    (rapidfuzz's cost); with compute=False every comparison scores 0 (nothing matches)."""
    real = cluster.fuzz.ratio

    class Counting:
        @staticmethod
        def ratio(a, b, **kw):
            work.append(len(a) * len(b))
            return real(a, b, **kw) if compute else 0.0

    monkeypatch.setattr(cluster, "fuzz", Counting)


def test_a_huge_headless_section_is_compared_by_a_bounded_opening(monkeypatch):
    # two copies of one 400,000-character paragraph: every fuzzy comparison read both whole
    # (a product of 1.6e11) and the word alignment of the rest held 70,000 x 70,000 words
    work, aligned = [], []
    _counting_fuzz(monkeypatch, work)
    real = cluster.Levenshtein.opcodes
    monkeypatch.setattr(cluster.Levenshtein, "opcodes", lambda a, b: aligned.append(len(a) * len(b)) or real(a, b))
    a, b = _paragraph(70_000), _paragraph(70_000, every=50)
    chars, words = 50_000, 20_000  # read at most (cluster.FUZZY_CHARS and SUBST_WORDS)
    sa, sb = ([Section(heading="", level=0, kind="other", text=t)] for t in (a, b))
    assert cluster.same_problem(_Body(sa), _Body(sb), O) == "same"
    assert work and max(work) <= chars ** 2
    assert aligned and max(aligned) <= words ** 2
    # merging them reads as little, and still aligns the copy with the original
    work.clear()
    slots, placed = _merge_lists([(sa, ["a"]), (sb, ["b"])], lambda s: (s.heading, s.text), O)
    assert len(slots) == 1 and placed[id(sa[0])] is placed[id(sb[0])]
    assert max(work) <= chars ** 2


def _wide(n, length, salt=""):
    return [Section(heading="", level=0, kind="other", text=(f"{salt}{i} " * length)[:length]) for i in range(n)]


def _verify_work(monkeypatch, length):
    work = []
    _counting_fuzz(monkeypatch, work, compute=False)
    cluster.same_problem(_Body(_wide(300, length)), _Body(_wide(300, length, "x")), O)
    return sum(work)


def _merge_work(monkeypatch, length):
    work = []
    _counting_fuzz(monkeypatch, work, compute=False)
    _merge_lists([(_wide(300, length), ["a"]), (_wide(300, length, "x"), ["b"])], lambda s: (s.heading, s.text), O)
    return sum(work)


def test_a_body_of_long_sections_costs_work_linear_in_its_size(monkeypatch):
    # 300 sections that match nothing, each compared with the 201 nearest of the other body
    # whatever their length: 4x longer sections cost 16x the work (300 x 8,000 characters:
    # a product of 3.9e12, minutes); linear: 4x
    for measure in (_verify_work, _merge_work):
        small, big = measure(monkeypatch, 2_000), measure(monkeypatch, 8_000)
        assert big <= 6 * small, (measure.__name__, small, big)


def test_huge_headless_article_and_its_copy_build_as_one_entry(tmp_path):
    hostile.write_corpus("headless", 30_000, tmp_path / "in")
    result = build(tmp_path / "in", tmp_path / "out", Options(jobs=1))
    [entry] = result.doc["entries"]
    assert len(entry["sources"]) == 2


# The whole-build passes after consolidation (not under the per-file budget): reading an
# entry's text for its title (titles.plain) and its kind (kinds cues, menu paths) must be
# linear in that text. Each shape below took seconds to minutes on one entry.
def _seconds(f, arg):
    t0 = time.process_time()
    f(arg)
    return time.process_time() - t0


def _linear(f, unit, n):
    small = min(_seconds(f, unit * n) for _ in range(3))
    big = min(_seconds(f, unit * (4 * n)) for _ in range(2))
    return big < 8 * small + 0.05, (small, big)  # linear: ~4x; quadratic: ~16x


@pytest.mark.parametrize("unit", ["[", "[a](", "![", "[a]b", "<a "])
def test_plain_text_for_titles_is_linear(unit):
    # a regex tried at each `[` scanned the rest of the text from each: 40,000 `[[`, 25 s
    ok, figures = _linear(plain, unit, 10_000)
    assert ok, figures


def test_plain_text_keeps_link_texts_and_drops_targets():
    assert plain("See [the guide](https://x.com/a) or ![img](i.png) <b>now</b> https://y.org/b ok").split() == \
        "See the guide or img now ok".split()
    assert plain("[a [b](u) c](v) [x](no close").split() == "a [b c](v) [x](no close".split()  # (to the first `]`)
    # a link glued to the word before it (as scraped: "has[achieved](…)") is a word of its own
    assert plain("Apple has[achieved](https://x.com/a) a record").split() == "Apple has achieved a record".split()


@pytest.mark.parametrize("unit", ["a*", "a", "was $1 ", "deal ", "cookie ", "best ", "\n"])
def test_page_kinds_read_an_entry_in_linear_time(unit):
    # `\w[\w*]* > ` from each character of a word (20,000 "a*": 19 s), `was \$\d.*\bnow` from
    # each "was $1" (20,000: 21 s), and the like; the text is 40,000 characters at most
    kinds = KindClassifier(load_rules())

    def score(text):
        kinds.scores({"summary": "", "sections": [{"heading": "driver " * (len(text) // 50), "text": text}]})
    ok, figures = _linear(score, unit, 8_000 // len(unit))
    assert ok, figures
