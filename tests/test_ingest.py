import time
import tracemalloc

import pytest

from pipeline.ingest import discover, parse_article, read_article
from pipeline.model import Article, Limits, Options, Rejected

from .conftest import SEEDS, write

OPT = Options()
FM = "---\ntitle: \"A title\"\ndate: 2024-08-27T14:40:32.804Z\n---\n\n## A title\n\nBody text.\n"


def parse(data, name="a.md"):
    return parse_article(name, data if isinstance(data, bytes) else data.encode("utf-8"), OPT)


def test_discover_is_recursive_sorted_and_skips_hidden(tmp_path):
    for name in ["b.md", "a.txt", "sub/c.markdown", "sub/.hidden.md", ".git/x.md", "notes.rst", "Z.MD"]:
        write(tmp_path, name, FM)
    assert discover(tmp_path) == ["Z.MD", "a.txt", "b.md", "sub/c.markdown"]


def test_discover_excludes_output_inside_input(tmp_path):
    write(tmp_path, "a.md", FM)
    write(tmp_path, "out/kb.md", FM)
    assert discover(tmp_path, exclude=tmp_path / "out") == ["a.md"]


def test_discover_survives_symlink_loop(tmp_path):
    write(tmp_path, "a.md", FM)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert discover(tmp_path) == ["a.md"]


def test_seed_reads_title_and_date():
    art = read_article(SEEDS, "000_aea70502640bc831.txt", OPT)
    assert isinstance(art, Article)
    assert art.title == "Solving the Issue: Why Isn't My iPhone Sending or Receiving iMessages?"
    assert art.date == "2024-08-27T14:40:32Z"
    assert art.warnings == []
    assert len(art.sha256) == 64


def test_bom_and_crlf_are_normalised():
    art = parse(b"\xef\xbb\xbf" + FM.replace("\n", "\r\n").encode())
    assert isinstance(art, Article) and art.title == "A title"
    assert "\r" not in art.body and art.warnings == []


def test_latin1_is_detected_and_warned():
    text = FM.replace("Body text.", "Le pilote de l'imprimante est d\u00e9j\u00e0 install\u00e9, r\u00e9essayez apr\u00e8s.")
    art = parse(text.encode("latin-1"))
    assert isinstance(art, Article)
    assert "d\u00e9j\u00e0 install\u00e9" in art.body
    assert any("not valid UTF-8" in w and "decoded as" in w for w in art.warnings)


def test_broken_yaml_title_is_recovered_with_warning():
    text = ("---\ntitle: 'Default Radeon Wattman Settings Have Crashed and Been Restored' Problem [Solved]\n"
            "date: 2024-01-02T03:04:05.000Z\ntags:\n  - amd\n---\n\nBody.\n")
    art = parse(text)
    assert isinstance(art, Article)
    assert art.title == "'Default Radeon Wattman Settings Have Crashed and Been Restored' Problem [Solved]"
    assert art.date == "2024-01-02T03:04:05Z"
    assert any("YAML error at line 2" in w for w in art.warnings)


def test_no_front_matter_title_from_first_heading():
    art = parse("Some intro.\n\n## **Fix the Printer Offline Error**\n\nText.\n")
    assert art.title == "Fix the Printer Offline Error"


def test_empty_and_whitespace_files_are_rejected():
    assert parse(b"").error == "empty file"
    assert parse(" \n\n\t\n").error == "empty file"


def test_binary_file_is_rejected_with_line():
    rej = parse(b"---\ntitle: x\n---\nabc\n\x00\x01\x02")
    assert isinstance(rej, Rejected) and rej.error == "binary file: NUL byte at line 5"


def test_front_matter_only_is_rejected():
    rej = parse("---\ntitle: Only meta\n---\n\n")
    assert isinstance(rej, Rejected) and "only front matter" in rej.error


def test_alias_bomb_is_rejected_quickly_and_small():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "---\n" + "\n".join(lines) + "\ntitle: boom\n---\n\nBody\n"
    tracemalloc.start()
    t = time.perf_counter()
    rej = parse(bomb)
    elapsed = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(rej, Rejected)
    assert "anchors/aliases (line 2)" in rej.error
    assert elapsed < 1.0 and peak < 20 * 1024 * 1024


def test_non_mapping_front_matter_is_ignored_with_warning():
    art = parse("---\n- a\n- b\n---\n\n# Heading Title\n\nBody\n")
    assert isinstance(art, Article) and art.title == "Heading Title"
    assert any("not a mapping" in w for w in art.warnings)


def test_bad_date_and_non_string_title():
    art = parse("---\ntitle: [1, 2]\ndate: not a date\n---\n\n## Real Title\n\nBody\n")
    assert art.title == "Real Title" and art.date is None
    assert any("title is a list" in w for w in art.warnings)
    assert any("date 'not a date' does not parse" in w for w in art.warnings)


def test_oversized_file_is_rejected_without_reading(tmp_path):
    write(tmp_path, "big.md", "x" * 2048)
    rej = read_article(tmp_path, "big.md", Options(max_file_bytes=1024))
    assert isinstance(rej, Rejected) and "above the limit of 1024 bytes" in rej.error


def test_ingest_needs_only_the_limits_concern_of_the_options(tmp_path):
    """Options joins Limits, MinHashConfig and Thresholds; ingest reads with Limits alone."""
    write(tmp_path, "big.md", "x" * 2048)
    assert "above the limit of 1024 bytes" in read_article(tmp_path, "big.md", Limits(max_file_bytes=1024)).error
    assert isinstance(Options(), Limits) and not hasattr(Limits(), "section_match")


def test_unclosed_front_matter_is_body_with_warning():
    art = parse("---\ntitle: x\n\n## Heading\n\nBody\n")
    assert isinstance(art, Article)
    assert any("never closed" in w for w in art.warnings)


def test_front_matter_keys_not_read_are_parsed_but_not_built():
    # `updated` is a date PyYAML cannot build; nothing reads it, so it costs no warning
    art = parse("---\ntitle: T\nupdated: 2024-13-45\ntags: [a, b]\n---\n\nBody.\n")
    assert isinstance(art, Article) and art.title == "T" and art.warnings == []
    # but broken YAML syntax anywhere is still an error, recovered with a warning
    art = parse("---\ntitle: T\ntags: [a, b\n---\n\nBody.\n")
    assert art.title == "T" and any("front matter YAML error" in w for w in art.warnings)
    # a merge key still supplies the keys that are read
    art = parse("---\n<<: {title: Merged, date: 2024-01-02}\nkeywords: x\n---\n\nBody.\n")
    assert (art.title, art.date) == ("Merged", "2024-01-02")


FAST_SHAPES = [
    # every shape the fast reading accepts, and shapes next to them it must leave to PyYAML
    'title: "Fix: Wi-Fi [Solved]"\ndate: 2024-08-27T14:40:32.804Z\ntags:\n  - win11\n  - win10\n',
    "title: Plain title, with commas\ndate: 2024-08-27\nupdated: 2024-13-45\ncategories:\n- A\n",
    "title: 'single quoted'\ndate: \"2024-08-27\"\n",
    "title: yes\n", "title: 2024\n", "title: 1.5\n", "title: null\n", "title: ~\n", "date: 2024-13-45\n",
    'title: "say \\"hi\\""\n', "title: 'it''s'\n", "title: a: b\n", "title: a # comment\n", "title:\n  - a\n",
    "title: x\ntags:\n  - a\n - b\n", "title: x\ntags:\n  - a: b\n", "on: x\ntitle: y\n", "title: x\n# note\n",
    "title: x\n  indented: y\n", "title: |\n  block\n", "title: &a x\nexcerpt: *a\n", "title:\ttab\n",
    "title: x\ntitle: y\n", 'title: "x" trailing\n', "title: \"x\"   \n", "title: -x\n", "title: x:\n",
]


def test_fast_front_matter_reads_what_pyyaml_reads():
    """The fast reading gives PyYAML's title and date, or declines (None); a shape it
    reads wrongly would show here as a difference from PyYAML's value."""
    from pipeline.ingest import _KEYS, _fast_front_matter, _load_yaml
    accepted = []
    for fm in FAST_SHAPES:
        fast = _fast_front_matter(fm)
        if fast is not None:
            accepted.append(fm)
            assert fast == {k: v for k, v in _load_yaml(fm).items() if k in _KEYS}, fm
    # what it reads: only text and timestamps, in the plainest one-line shapes
    assert accepted == FAST_SHAPES[:3] + ["title: x\ntitle: y\n", 'title: "x"   \n']


@pytest.mark.corpus
def test_fast_front_matter_agrees_with_pyyaml_on_the_corpus(corpus_dir):
    from pipeline.ingest import _fast_front_matter, _load_yaml, discover
    accepted = 0
    paths = discover(corpus_dir)
    for p in paths:
        text = (corpus_dir / p).read_text("utf-8")
        fm = text[4:text.index("\n---", 3) + 1]
        fast = _fast_front_matter(fm)
        if fast is not None:
            accepted += 1
            assert fast == _load_yaml(fm), p
    assert accepted >= 0.99 * len(paths)


def test_the_cleaners_private_characters_never_come_in_from_an_article():
    # U+E000/U+E001 mark what the cleaner set aside; an article's own are made U+FFFD
    data = "---\ntitle: \"Fix \ue000 0\ue001 now\"\n---\n\nBody \ue0000\ue001 text.\n".encode("utf-8")
    art = parse_article("a.md", data, Options())
    assert isinstance(art, Article)
    assert art.title == "Fix \ufffd 0\ufffd now" and art.body.strip() == "Body \ufffd0\ufffd text."
