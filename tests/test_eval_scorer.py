"""The yardstick's scorer (eval/score.py) scores a tiny hand-made KB as a person would."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("score", ROOT / "eval" / "score.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

GOLD = {
    "id": "g1", "site": "s", "half": "check", "files": ["s/a.md", "s/b.md"], "kind": "troubleshooting",
    "titles_ok": ["HP Printer Offline"], "title_terms": ["printer", "offline|not responding"],
    "title_never": ["windows 11"], "title_bad": ["Glitch Gone: Printing Drama Defeated"],
    "fixes": [
        {"title": "Restart the spooler", "key": "restart the Print Spooler service", "promotional": False,
         "has_manual_way": True},
        {"title": "Update the driver", "key": "download the latest driver from HP", "promotional": False,
         "has_manual_way": True},
        {"title": "Use Driver Easy", "key": "Driver Easy will automatically recognize", "promotional": True,
         "has_manual_way": False},
    ],
    "chrome": ["Leave a comment below"], "keep": ["Your HP printer shows offline after an update."],
}


def entry(**over):
    e = {"title": "HP Printer Offline on Windows 10", "kind": "troubleshooting",
         "summary": "Your **HP printer** shows offline after an update.",
         "sections": [{"heading": "Fix 1", "text": "x"}],
         "steps": [
             {"title": "Restart the spooler", "text": "Open Services and *restart* the Print Spooler service.",
              "instructions": [], "promotional": False},
             {"title": "Update your driver", "text": "Go to [HP](https://hp.com) and", "promotional": True,
              "instructions": ["Download the latest driver from HP's site."]},
             {"title": "Subscribe to our newsletter", "text": "Get news.", "instructions": [], "promotional": False},
         ],
         "sources": [{"path": "s/a.md"}, {"path": "s/b.md"}]}
    e.update(over)
    return e


def test_counts_fixes_steps_promotion_title_kind_chrome_and_kept():
    r = score.score_article(GOLD, entry())
    assert (r["fixes"], r["found"], r["missed"]) == (3, 2, ["Use Driver Easy"])
    assert (r["steps"], r["steps_ok"], r["extra_steps"]) == (3, 2, ["Subscribe to our newsletter"])
    assert (r["promo_found"], r["promo_agree"], r["promo_wrong"]) == (2, 1, ["Update the driver"])
    assert r["title_ok"] == 1 and r["kind_ok"] == 1
    assert (r["leaks"], r["kept"]) == (0, 1)


def test_bad_titles_leaks_lost_content_and_a_missing_entry():
    e = entry(title="Printer Offline in Windows 11", kind="news", summary="Leave a comment below!")
    r = score.score_article(GOLD, e)
    assert r["title_ok"] == 0 and r["kind_ok"] == 0
    assert r["leaked"] == ["Leave a comment below"] and r["lost"] == ["Your HP printer shows offline after an update."]
    assert score.score_article(GOLD, entry(title="Glitch Gone: Printing Drama Defeated"))["title_ok"] == 0
    assert score.score_article(GOLD, entry(title="HP Printer Not Responding"))["title_ok"] == 1
    assert score.score_article(GOLD, entry(title="HP Printers Offlined"))["title_ok"] == 1  # (a stem)
    assert score.score_article(GOLD, entry(title="HP Sprinter Offline"))["title_ok"] == 0  # (a word start)
    missing = score.score_article(GOLD, None)
    assert missing["found"] == 0 and len(missing["missed"]) == 3


def test_halves_are_summarised_apart_and_detectors_count_residue():
    other = dict(GOLD, id="g2", half="tuning", files=["s/c.md"])
    doc = {"entries": [entry(), entry(title="x", steps=[], sources=[{"path": "s/c.md"}],
                                      summary="**Method 1:** a **Method 2:** b [x](https://a.pxf.io/c/1/2/3)")]}
    halves, rows = score.evaluate([GOLD, other], [doc])
    assert halves["check"]["fix_recall"] == 2 / 3 and halves["tuning"]["fix_recall"] == 0
    assert halves["all"]["articles"] == 2
    d = score.detectors(doc)
    assert d["summaries_toc"] == 1 and d["residue_per_100"] == 50.0 and d["executable"] == 0
    assert d["no_steps_by_kind"] == {"troubleshooting": "1/2"}


def test_italics_with_underscores_are_read_as_their_words():
    # "_We purchased … it._" is how a reader sees "We purchased … it." — a chrome line the
    # scorer could not find while the underscores counted as letters of its first and last words.
    leaked = score.score_article(GOLD | {"chrome": ["We purchased it to test it."]},
                                 entry(summary="_We purchased it to test it._ Your HP printer shows offline."))
    assert leaked["leaks"] == 1


def test_check_gold_reports_labels_the_scorer_could_not_score(tmp_path):
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "eval" / "check_gold.py")
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "a.md").write_text(
        "---\ntitle: HP Printer Offline Fix\n---\nYour HP printer shows offline after an update.\n\n"
        "## Fix 1\nOpen Services and restart the Print Spooler service.\n\n## Fix 2\nUse Driver Easy: Driver Easy "
        "will automatically recognize your system.\n\nLeave a comment below\n", encoding="utf-8")
    (tmp_path / "s" / "b.md").write_text("---\ntitle: Glitch Gone: Printing Drama Defeated\n---\nsame\n",
                                         encoding="utf-8")
    assert check.problems(GOLD, [tmp_path]) == [
        "fix 'Update the driver': key not verbatim in the first file: 'download the latest driver from HP'"]
    bad = GOLD | {"kind": "howto", "titles_ok": ["HP Printer Offline on Windows 11"], "title_bad": ["Made up"]}
    assert check.problems(bad, [tmp_path]) == [
        "unknown kind 'howto'",
        "fix 'Update the driver': key not verbatim in the first file: 'download the latest driver from HP'",
        "titles_ok 'HP Printer Offline on Windows 11' fails title_terms/title_never",
        "title_bad 'Made up' is no file's front-matter title"]


def test_agreement_matches_fixes_by_key_or_title_and_judges_titles_both_ways():
    spec = importlib.util.spec_from_file_location("agreement", ROOT / "eval" / "agreement.py")
    agreement = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(agreement)
    second = GOLD | {
        "kind": "how-to", "titles_ok": ["HP Printer Not Responding", "Printer Problems"],
        "title_terms": ["hp", "printer"],
        "fixes": [{"title": "Restart the Print Spooler service", "key": "open Services", "promotional": False},
                  {"title": "Get the newest HP driver", "key": "download the latest driver from HP",
                   "promotional": True},
                  {"title": "Reinstall the printer", "key": "remove the printer from Devices", "promotional": False}]}
    r = agreement.compare(GOLD, second)
    assert r["kind"] is False
    assert (r["gold_fixes"], r["second_fixes"], r["matched"], r["promo_agree"]) == (3, 3, 2, 1)
    assert r["titles_b_by_a"] == (1, 2)   # "Printer Problems" names no "offline|not responding"
    assert r["titles_a_by_b"] == (1, 1)   # "HP Printer Offline" holds the second's "hp" and "printer"
