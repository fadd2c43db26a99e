"""Consolidation stays linear on crafted input (issue 22, item 7): a huge article's
sections are merged without scanning every slot per section, and template pages that
never merge are not judged against every other page."""
import json
import sys
import time
from pathlib import Path

from pipeline import consolidate
from pipeline.consolidate import _merge_lists
from pipeline.model import Options, Section
from pipeline.runner import build

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import hostile  # noqa: E402

O = Options()


def _sections(n, fmt="Part {i}: setting {i}"):
    return [Section(heading=fmt.format(i=i), level=2, kind="other", text=f"Change value {i} in panel {i}.")
            for i in range(n)]


def _merge_seconds(lists):
    t0 = time.perf_counter()
    _merge_lists(lists, lambda s: (s.heading, s.text), O)
    return time.perf_counter() - t0


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
            return consolidate.fuzz_ratio(*args, **kw)

    monkeypatch.setattr(consolidate, "fuzz_ratio", consolidate.fuzz.ratio, raising=False)
    monkeypatch.setattr(consolidate, "fuzz", Counting)
    n = 2000
    a, b = _sections(n), _sections(n, "Part {i} - setting {i}")
    slots, placed = _merge_lists([(a, ["a"]), (b, ["b"])], lambda s: (s.heading, s.text), O)
    assert len(slots) == n and all(placed[id(x)] is placed[id(y)] for x, y in zip(a, b))
    assert len(calls) <= 2 * consolidate.ALIGN_WINDOW * n  # all slots each: n * n / 2


def test_huge_article_and_its_copy_build_as_one_entry(tmp_path):
    hostile.write_corpus("sections", 1500, tmp_path / "in")
    result = build(tmp_path / "in", tmp_path / "out", Options(jobs=1))
    [entry] = result.doc["entries"]
    assert len(entry["sections"]) == 1501 and len(entry["sources"]) == 2


def test_template_pages_cost_verdicts_linear_in_their_number(tmp_path, monkeypatch):
    # N pages of one template for N products: all candidates of each other, none the same
    # problem; every pair was judged (2,000 pages: 2.0M verdicts held and cached)
    n = 400
    limit = (consolidate.CLUSTERS_TRIED + 2) * n
    judged = []
    real = consolidate.same_problem

    def counting(a, b, o):
        judged.append(1)
        assert len(judged) <= limit, "verdicts grow faster than the bodies"
        return real(a, b, o)

    monkeypatch.setattr(consolidate, "same_problem", counting)
    src = tmp_path / "in"
    hostile.write_corpus("templates", n, src)
    # a spun copy of the last page still finds it among the full buckets
    last = hostile.template_page(n - 1).replace('title: "', 'title: "[Updated] ', 1)
    (src / "copy.md").write_text(last.replace("thirty seconds", "thirty secnods"), "utf-8")
    result = build(src, tmp_path / "out", Options(jobs=1))
    assert result.entries == n
    merged = [e for e in result.doc["entries"] if len(e["sources"]) == 2]
    assert [sorted(s["path"] for s in e["sources"]) for e in merged] == [["copy.md", f"t{n - 1:05d}.md"]]
    index = (tmp_path / "out" / ".cache" / "index").read_bytes().partition(b"\n")[2]
    assert len(json.loads(index)["verdicts"]) <= limit
