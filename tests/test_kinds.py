"""Page kinds (pipeline/kinds.py), front matter categories/tags on entries, `build --kinds`."""
import json

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest import parse_article
from pipeline.kinds import KindClassifier, own, sponsored
from pipeline.model import Options
from pipeline.rules import load_rules

from .conftest import write

TROUBLE = """---
title: Printer Woes Vanquished
categories:
  - PrinterIssues
tags:
  - win10
  - Printer
---
Your Canon printer is not working after an update? Don't worry, here are fixes to try.

## Fix 1: Restart the print spooler

Press Win + R, type services.msc and restart the Print Spooler service.

## Fix 2: Reinstall the printer driver

Open Device Manager, uninstall the printer and restart your PC.
"""

REVIEW = """---
title: Sound Made Simple
tags: [audio, Review]
---
The Acme X1 is a fine pair of speakers with a thin bass.

## Acme X1

## Design: Sleek and small

The cabinet is walnut and feels solid. Rating: 4.2 / 5

## Acme X1 vs. Boom 2

The Boom 2 is louder.

## Specs

- Weight 2 kg

[View On Amazon](https://example.com/x1)
"""

NEWS = """---
title: Big Things Ahead
---
Acme announced on Tuesday that its new phone will be available in March, the company said in a statement.

According to a report, the phone ships this week in the US.
"""


def _entry(text):
    from pipeline.consolidate.entries import _labels
    art = parse_article("a.md", text.encode(), Options())
    return {"summary": art.body, "sections": [], "steps": [],
            "categories": _labels([art.categories]), "tags": _labels([art.tags])}


def test_front_matter_categories_and_tags_are_read_as_lists():
    art = parse_article("a.md", TROUBLE.encode(), Options())
    assert art.categories == ["PrinterIssues"] and art.tags == ["win10", "Printer"]
    flow = parse_article("b.md", REVIEW.encode(), Options())  # (a flow list: read by PyYAML)
    assert flow.tags == ["audio", "Review"]
    one = parse_article("c.md", b"---\ntitle: T\ncategories: Drivers\n---\nBody.\n", Options())
    assert one.categories == ["Drivers"] and one.tags == []


def test_kind_is_read_from_the_text_shape(tmp_path):
    kind = KindClassifier(load_rules())
    assert kind(_entry(NEWS)) == "news"
    assert kind({"summary": "", "sections": [], "steps": []}) == "other"
    write(tmp_path / "in", "t.md", TROUBLE)
    write(tmp_path / "in", "r.md", REVIEW)
    res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 0, res.output
    doc = json.loads((tmp_path / "o" / "kb.json").read_text("utf-8"))
    by_kind = {e["kind"]: e for e in doc["entries"]}
    assert set(by_kind) == {"troubleshooting", "review"}
    assert by_kind["troubleshooting"]["categories"] == ["PrinterIssues"]
    assert by_kind["troubleshooting"]["tags"] == ["win10", "Printer"]
    assert by_kind["review"]["tags"] == ["audio", "Review"]
    assert doc["stats"]["kinds"] == {"review": 1, "troubleshooting": 1}


def test_build_kinds_keeps_only_those_kinds_and_lists_the_others(tmp_path):
    write(tmp_path / "in", "t.md", TROUBLE)
    write(tmp_path / "in", "r.md", REVIEW)
    res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"), "-q",
                                    "--kinds", "troubleshooting,how-to", "--kinds", "news"])
    assert res.exit_code == 0, res.output
    doc = json.loads((tmp_path / "o" / "kb.json").read_text("utf-8"))
    assert [e["kind"] for e in doc["entries"]] == ["troubleshooting"]
    assert doc["stats"]["entries"] == 1 and doc["stats"]["filtered_out"] == 1
    report = json.loads((tmp_path / "o" / "build-report.json").read_text("utf-8"))
    assert [(f["kind"], f["sources"]) for f in report["filtered_out"]] == [("review", ["r.md"])]
    bad = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"),
                                    "--kinds", "recipes"])
    assert bad.exit_code == 2 and "unknown kind recipes" in bad.output


STORY = """---
title: Chip Maker Looks Ahead
---
The new chip fixes a heat problem that held back the last generation, and the error rate of
the memory controller is lower. Engineers say the issue with the old socket is gone.

## A wider socket

The socket is wider, which leaves room for more pins and a bigger cooler.
"""

GUIDE = """---
title: Finding a Phone Manual
---
A user manual is handy to have, and most phones carry one. We'll show you where to find it.

## On the phone itself

On a Samsung Galaxy, go to Settings > Tips and Help > Help. You can read the manual there.

## On the web

If your phone has no help section, open the maker's support site. On a Pixel, go to
Settings > Tips & Support.
"""


def test_a_page_without_an_instructional_shape_is_no_step_kind():
    kind = KindClassifier(load_rules())
    # Problem words alone ("problem", "error", "issue") made this story a troubleshooting page.
    assert kind(_entry(STORY)) == "other"


def test_instructions_inside_prose_and_menu_paths_make_a_how_to():
    kind = KindClassifier(load_rules())
    assert kind(_entry(GUIDE)) == "how-to"


def _labelled(text, category):
    return {"summary": text, "sections": [], "steps": [], "categories": [category], "tags": []}


def _at(entry, site):
    return entry | {"sources": [{"path": f"scrape/{site}/page.md"}]}


def test_what_a_category_means_is_learned_from_the_build():
    kind = KindClassifier(load_rules())
    reviews = [_labelled(f"Model {i} review. Rating: 4/5. We tested it for a week.\n# Specs\n# Verdict\nBuy it.", "Gear")
               for i in range(5)]
    terse = _labelled("The Model Z is a small speaker with a warm sound and a short cable.", "Gear")
    assert kind(terse) == "other"  # its own text says too little
    assert kind.classify_all(reviews + [terse]) == ["review"] * 6
    # a category its pages do not agree on teaches nothing
    mixed = [_labelled("Acme announced on Tuesday that its phone ships this week.", "Gear")] * 3
    assert kind.classify_all(reviews[:2] + mixed + [terse])[-1] == "other"


def test_reporting_verbs_make_news_and_price_drops_make_a_deal():
    kind = KindClassifier(load_rules())
    story = _entry("Acme confirmed the recall. Its rival unveiled a new chip, and a third maker launches a phone. "
                   "The board acknowledged the delay.")
    assert kind(story) == "news"
    offer = _entry("The Acme 27 monitor is now $199 at Shopmart (was $259). Its sibling is marked down $40, "
                   "and the stand drops to $29.")
    assert kind(offer) == "deal"


def test_quoted_speech_attributed_to_someone_makes_news():
    kind = KindClassifier(load_rules())
    # a reported story: no dateline or press-release words, but what a named person told the writer
    story = _entry("One of the largest insurers is beginning the rollout of a driving-based policy in two states. "
                   "I spoke with Joe Smith of Acme Insurance, who told me drivers will save.\n\n"
                   "\"Safe drivers can save right away,\" Smith says. The best cars of the year qualify.")
    assert kind(story) == "news"
    # a quotation of a product's maker in a review is still a review
    review = _entry("Our verdict: a fine lamp. Pros: bright. Cons: pricey. Rating: 4/5.\n\n"
                    "\"It lasts ten years,\" the maker says.")
    assert kind(review) == "review"


def test_a_label_means_a_kind_on_its_own_site_only():
    kind = KindClassifier(load_rules())
    reviews = [_at(_labelled(f"Model {i} review. Rating: 4/5. We tested it for a week.\n# Specs\n# Verdict\nBuy.",
                             "Tech"), "gadgets") for i in range(5)]
    terse = _labelled("The Model Z is a small speaker with a warm sound and a short cable.", "Tech")
    assert kind.classify_all(reviews + [_at(terse, "gadgets")])[-1] == "review"
    # the same word on another site says nothing of that site's pages
    assert kind.classify_all(reviews + [_at(terse, "forum")])[-1] == "other"
    # pages whose text is unclear (one cue each) teach nothing, however many carry the label
    weak = [_at(_labelled(f"Model {i}: rating 4/5.", "Tech"), "gadgets") for i in range(8)]
    assert kind.classify_all(weak + [_at(terse, "gadgets")])[-1] == "other"


def test_a_review_in_the_title_outweighs_a_quotation():
    kind = KindClassifier(load_rules())
    text = ("The Acme Boom is a party speaker. Pressing the bass button once \u201cdeepens the low end.\u201d "
            "A second press adds a \u201csense of scale\u201d, and the app is available for phones.\n\n"
            "# Key Takeaways\n* Loud and heavy.")
    page = _entry(text) | {"title": "Acme Boom Audio Review: The Ultimate Party Speaker", "alternate_titles": []}
    assert kind(page) == "review"
    # a quotation without speech punctuation and a speaker is no reported speech
    assert kind.scores(_entry(text))["news"] <= 1
    # "review your settings" is an instruction, not a review
    plain = kind.scores(_entry(text))["review"]
    assert kind.scores(_entry(text) | {"title": "Review your privacy settings", "alternate_titles": []})["review"] == plain
    # nor is a "Week in Review" roundup of the week's stories
    assert kind.scores(_entry(text) | {"title": "Week in Review: New Phones", "alternate_titles": []})["review"] == plain


def test_problem_words_count_less_when_neither_title_nor_intro_names_a_problem():
    kind = KindClassifier(load_rules())
    sections = [{"heading": "Check the resolution",
                 "text": "Right-click the desktop and select Display settings. Open Advanced settings."},
                {"heading": "Also", "text": "If you have display issues like a flickering screen, an error or a crash, "
                                            "update the driver; a problem driver is the usual cause."}]

    def page(title, intro):
        return {"title": title, "alternate_titles": [], "summary": intro, "sections": sections, "steps": [],
                "categories": [], "tags": []}
    assert kind(page("A Simple Guide to Check Screen Resolution", "Want to know your screen resolution? Here it is.")) \
        == "how-to"
    # the same body under an intro that names the problem is troubleshooting
    assert kind(page("Screen Resolution Wrong", "Your screen is flickering after an update? Don't worry.")) \
        == "troubleshooting"


def test_a_summary_box_makes_no_review_and_a_credited_source_makes_news():
    kind = KindClassifier(load_rules())
    # a "Key Takeaways" box heads every kind of page on some sites: an explainer stays `other`
    explainer = _entry("# Key Takeaways\n* Molex plugs are old.\n\nThe four-pin plug powered drives for decades. "
                       "Few parts use it now; the case fan is its last home.")
    assert kind(explainer) == "other"
    # a short report that credits its source and names who said what, with no press-release words
    brief = _entry("Unihertz has a new phone with a huge battery. Unihertz says it lasts 38 hours of games, "
                   "and it sells in China for now.\n\nSource: [Liliputing](https://example.com/tank)")
    assert kind(brief) == "news"
    assert kind(_entry(brief["summary"].rsplit("\n", 1)[0].replace("Unihertz says", "it can"))) == "other"


def _titled(body, titles, steps=2):
    return {"title": titles[0], "alternate_titles": titles[1:], "summary": body, "sections": [],
            "steps": [{"text": f"step {i}"} for i in range(steps)], "categories": [], "tags": []}


DRIVER = ("Keep your printer working: an outdated driver causes problems and errors.\n\n"
          "# Method 1: Update the driver manually\nOpen Device Manager. Right-click the printer and choose "
          "Update driver.\n# Method 2: Update it automatically\nRun the updater and click Scan.")


def test_a_driver_named_as_the_goal_by_the_titles_makes_a_driver_download():
    kind = KindClassifier(load_rules())
    spun = ["HP Officejet 4630 Driver Download & Update", "Boost Print Speed", "Effortless Officejet Updates",
            "Peak Performance for Officejets", "Print Better Today"]
    assert kind(_titled(DRIVER, spun)) == "driver-download"
    # the same body, its titles naming a symptom as often: a troubleshooting page
    trouble = ["Drivers Not Installing: HP Officejet 4630", "Can't Install the HP 4630 Driver",
               "HP 4630 Driver Download & Update", "Officejet Woes", "Print Better Today"]
    assert kind(_titled(DRIVER, trouble)) == "troubleshooting"
    # a driver named by one title in twenty (spin names no goal) says nothing
    assert kind(_titled(DRIVER, spun[:1] + [f"Printing Tip {i}" for i in range(19)])) != "driver-download"


def test_a_symptom_in_the_lead_names_a_problem_without_a_problem_word():
    kind = KindClassifier(load_rules())

    def page(title, intro, heading):
        return _titled(intro, [title], steps=1) | {
            "sections": [{"heading": heading, "text": "Open Services and restart Print Spooler."}]}
    assert kind(page("Printer offline", "Your printer shows offline after an update.", "Fix 1: Restart the spooler")) \
        == "troubleshooting"
    assert kind(page("Share a printer", "Your printer is new and you want to share it.", "Step 1: Open Services")) \
        == "how-to"


def test_a_label_on_most_of_a_site_counts_less():
    kind = KindClassifier(load_rules())
    news = [_at(_labelled(f"Acme announced on Tuesday that phone {i} ships this week, the company said in a statement.",
                          "Tech"), "blog") for i in range(6)]
    # a how-to whose text says little: one point for how-to, one for `other`'s opinion cue
    howto = _at({"summary": "I think this is handy. Open Settings and tap Privacy. Then tap Passwords.",
                 "sections": [], "steps": [], "categories": ["Tech"], "tags": []}, "blog")
    # "Tech" on every page of the site says more of what the site mostly is than of this page
    assert kind.classify_all(news + [howto])[-1] == "how-to"
    # the same label on the news pages alone, beside as many pages without it, outweighs it
    plain = [_at(_labelled(f"Gadget {i} has a case.", "Gear"), "blog") for i in range(7)]
    assert kind.classify_all(news + plain + [howto])[-1] == "news"


def test_that_said_is_no_one_reporting():
    kind = KindClassifier(load_rules())
    essay = _entry("Zip ties keep a desk tidy. That said, velcro straps are kinder to cables and easy to reuse.")
    assert kind.scores(essay)["news"] == 0
    assert kind.scores(_entry(essay["summary"].replace("That said", "Velcro said")))["news"] == 1


def _sectioned(intro, sections, labels=()):
    return {"summary": intro, "steps": [], "categories": list(labels), "tags": [],
            "sections": [{"heading": h, "text": t} for h, t in sections]}


def test_a_page_cut_into_many_sections_is_no_news_story():
    kind = KindClassifier(load_rules())
    launch = "Acme announced the Z9 phone this week; it is now available in the US, the company said."
    assert kind(_sectioned(launch, [("Price and availability", "It costs $499 from Friday.")])) == "news"
    # the same launch words at the head of an explainer cut into six headed sections
    parts = [(f"Why the Z9 matters, part {i}", "The camera is better than the last one's.") for i in range(6)]
    assert kind(_sectioned(launch, parts)) == "other"
    # whatever the site's labels say: a label learned as news adds nothing to a sectioned page
    reports = [_at(_sectioned(launch, [], ["Mobile"]), "phones") for _ in range(6)]
    guide = _at(_sectioned("A phone lasts longer with care.", parts, ["Mobile"]), "phones")
    assert kind.classify_all(reports + [guide]) == ["news"] * 6 + ["other"]


def test_a_vendor_announcing_its_own_product_makes_a_product_page():
    kind = KindClassifier(load_rules())
    own = _entry("We are very excited to announce the latest version of Acme Cleaner, Acme Cleaner Pro 5. "
                 "This update brings a new interface and faster scans.")
    assert kind(own) == "product-page"
    # the maker quoted in a reporter's story is not the page's own voice
    quoted = _entry("Acme has a new cooling fan. \"We are excited to announce the Fan Mini,\" she said.")
    assert kind(quoted) == "news"
    sponsored = _entry("This article is sponsored by Acme. Acme Backup keeps every file safe.")
    assert kind(sponsored) == "product-page"


def test_specification_and_test_method_headings_make_a_review():
    kind = KindClassifier(load_rules())
    review = _sectioned("The Acme K2 is a large 3D printer that prints well once tuned.",
                        [("Specifications: Acme K2", "Build volume 420 mm."), ("Included in the box", "Tools."),
                         ("Testing methodology", "We printed ten models."), ("Design of the Acme K2", "Tall.")])
    assert kind(review) == "review"
    # a heading that merely says "specs" in passing is no spec sheet
    essay = _sectioned("The Acme K2 phone is a smart pick.", [("Flagship Specs, Affordable Price", "It is cheap.")])
    assert kind(essay) == "other"


def test_a_deal_is_a_page_built_around_offers_not_one_price_aside():
    kind = KindClassifier(load_rules())
    parts = [("Specifications: Acme K2", "Build volume 420 mm."), ("Included in the box", "Tools and a spare nozzle."),
             ("Design of the Acme K2", "Tall and steady."), ("Leveling the Acme K2", "It levels itself."),
             ("Printing with the Acme K2", "Prints are clean once tuned.")]
    aside = ("Bottom line", "The Acme K2 lists for $599 but is on sale for $469, the lowest price we have seen. "
                            "Save $130 while it lasts.")
    review = _sectioned("The Acme K2 is a large 3D printer that prints well once tuned. We tested it for a month.",
                        parts + [aside])
    assert kind.scores(review)["deal"] == 0
    assert kind(review) == "review"
    # a roundup whose sections are offer after offer stays a deal, however many sections it has
    offers = [(f"Acme gadget {i} for ${i}9", f"The Acme gadget {i} is now ${i}9 at Shopmart (was ${i + 2}9). "
                                              "It is the lowest price yet.") for i in range(1, 7)]
    roundup = _sectioned("Summer sales are here: these are the best offers this weekend.", offers)
    assert kind(roundup) == "deal"
    # and a short page with one offer in it still counts it
    short = _sectioned("The Acme 27 monitor is now $199 at Shopmart (was $259), its lowest price ever.",
                       parts[:2])
    assert kind(short) == "deal"


def test_one_price_line_is_an_aside_unless_the_title_names_an_offer():
    kind = KindClassifier(load_rules())
    launch = _entry("Acme's dual-screen X1 laptop went on sale this month, at $899 from its website. It was first shown "
                    "at a trade fair in June, and its hinge opens the two screens side by side.")
    launch["title"] = "Dual-Screen Laptop From Acme: Meet the X1"
    assert kind.scores(launch)["deal"] == 1
    assert kind(launch) != "deal"
    offer = dict(launch, title="Get a $100 Discount on Acme's Dual-Screen X1 Laptop")
    assert kind(offer) == "deal"
    assert kind(dict(launch, title="Acme X1: Save Big on a Dual-Screen Laptop")) == "deal"
    # a price the title offers it at names the offer too, beside a word of an offer or a shop
    assert kind(dict(launch, title="Grab Acme's Dual-Screen X1 Laptop for Just $899 on Shopmart")) == "deal"
    assert kind(dict(launch, title="Get the Dual-Screen Acme X1 for Just $899 on Amazon")) == "deal"
    assert kind(dict(launch, title="Secure Your Team with Acme Vault: Group Plan at Only $19.95/Month")) == "deal"
    assert kind(dict(launch, title="Protect Your Whole Staff With Acme Vault for Only $19.95 Monthly")) == "deal"
    # not a price alone: a launch's price, a budget
    assert kind(dict(launch, title="Dual-Screen Laptop From Acme: Start for Just $899!")) != "deal"
    assert kind(dict(launch, title="Build a Dual-Screen Workstation for Only $899")) != "deal"
    # the scores learn_labels reads keep the aside's point
    assert kind.scores(dict(launch, title="Meet the X1"))["deal"] == 1


def test_problem_words_alone_make_no_troubleshooting_page_when_the_lead_names_no_problem():
    kind = KindClassifier(load_rules())
    intro = "Apps you install collect data about you. A free tool shows you those trackers and blocks them."
    sections = [{"heading": "Setting Up the Tool", "text": "Install the app from the store. Launch it and allow the VPN "
                                                          "connection. Select the apps to watch."},
                {"heading": "Blocking Trackers", "text": "Some apps may stop working, show an error or crash when "
                                                         "a tracker is blocked. Unblock it if that issue appears."}]
    page = {"title": "Block App Trackers on Android", "alternate_titles": [], "summary": intro,
            "sections": sections, "steps": [], "categories": [], "tags": []}
    assert kind(page) == "how-to"
    # the same body under a lead that names the problem is troubleshooting
    assert kind(page | {"title": "Android Apps Crashing After Blocking Trackers"}) == "troubleshooting"


def test_a_setup_tutorial_the_titles_name_is_a_how_to():
    kind = KindClassifier(load_rules())
    body = ("No idea how to get the wireless working on your printer? Don't worry, it's not hard.\n\n"
            "# Try these methods\nYou may not need to try them all.\n"
            "# Option 1: Auto wireless connect\nOpen the printer software and click Setup.\n"
            "# Option 2: Wireless setup wizard\nPress the Wireless button and choose your network.\n"
            "# Bonus: Troubleshoot problems\nIf the printer is offline or shows an error, update its driver.")
    tutorial = ["HP Wireless Printer Setup Tutorial", "Set Up Wireless Printing on HP Printers", "Printer Freedom"]
    assert kind(_titled(body, tutorial, steps=3)) == "how-to"
    # the same body under titles that name no task reads as the fixes it lists
    assert kind(_titled(body, ["Printer Freedom", "Wireless Printing Made Simple"], steps=3)) == "troubleshooting"


def test_a_buying_advice_heading_makes_a_review_and_a_heading_naming_a_deal_makes_a_deal():
    kind = KindClassifier(load_rules())
    review = _sectioned("Password managers keep your logins safe. Acme Vault costs $36 a year.",
                        [("Key takeaways", "Acme Vault is a premium password manager with a clean interface."),
                         ("Installation and setup", "The app installs in a minute on every device."),
                         ("Acme Vault basics", "It fills passwords and flags weak ones."),
                         ("Our buying advice", "Acme Vault is worth its price for families.")])
    assert kind(review) == "review"
    offer = _sectioned("The Acme Watch Ultra is $150 off at Shopmart for the long weekend.",
                       [("What's the deal?", "The Acme Watch Ultra sells for $349 at Shopmart, its lowest price yet."),
                        ("Why this deal is recommended", "It is the best Acme watch we have worn.")])
    assert kind(offer) == "deal"


def test_a_column_in_the_first_person_or_asking_questions_is_no_news_story():
    kind = KindClassifier(load_rules())
    intro = ("Most earbuds look alike. My favourite pair breaks the mold, and I have yet to find another like it. "
             "I bought the Acme Loop two years ago. I wear them on my bike every day. They sit loosely in the ear.")
    later = ("Acme launched a follow-up last spring, the company said, but it looks nothing like the original. "
             "I will keep mine.")
    column = _sectioned(intro, [("The follow-up", later)])
    assert kind(column) == "other"
    # the same facts told in the third person are a report
    third = {"My favourite pair breaks": "The Acme Loop breaks", "I have yet to find": "there is hardly",
             "I bought the Acme Loop": "The Acme Loop came out", "I wear them on my bike": "Cyclists wear them",
             "I will keep mine": "It costs $99."}
    report = column
    for a, b in third.items():
        report = report | {"summary": report["summary"].replace(a, b),
                           "sections": [{"heading": "The follow-up", "text": report["sections"][0]["text"].replace(a, b)}]}
    assert kind(report) == "news"
    # a feature that talks to its reader in questions
    feature = _sectioned("What makes a good IT leader today? Is it still a matter of running the servers? Leaders now "
                         "steer the whole business as well as the team. Are IT teams ready for that change? The answer "
                         "depends on whom you ask.",
                         [("", "Many are not, according to a recent survey of 200 chief information officers.")])
    assert kind(feature) == "other"
    assert kind(feature | {"summary": "Leaders now steer the whole business as well as the team."}) == "news"
    # a launch told up front, then tried by the writer, is still a report
    hands_on = ("Acme has just released its Vault password manager, unveiled on Wednesday after a beta.\n\n"
                "I tried it for a week. I liked the autofill and my passwords moved over in minutes. "
                "I found the app quick. The free plan covers one device.")
    assert kind(_entry(hands_on)) == "news"
    # a name is not the writer speaking: "Find My Device"
    named = report["summary"].replace("They sit loosely", "They work with Find My Device and sit loosely")
    assert kind(report | {"summary": named}) == "news"
    # "has released" reports a release as "launched" does
    assert kind(_entry("Acme has released two 8TB drives for desktops and laptops.")) == "news"


TWITCH_FIXES = [("Fix 1: Restart your network", "Unplug the router, wait a minute and plug it back in."),
                ("Fix 2: Change your DNS", "Open Settings and set the DNS server to 1.1.1.1."),
                ("Fix 3: Update the graphics driver", "Open Device Manager and update the display adapter."),
                ("Fix 4: Enable hardware acceleration", "Open the browser's settings and turn it on.")]


def test_each_fix_heading_counts_for_troubleshooting():
    kind = KindClassifier(load_rules())
    intro = ("Twitch shows a black screen for many streamers. Here's how to get the stream back.\n\n"
             "1. Restart your browser first.")
    page = _titled(intro, ["Banishing Invisible Stream Obstacles", "Stream Woes Gone", "Twitch Black Screen"],
                   steps=4) | {"sections": [{"heading": h, "text": t} for h, t in TWITCH_FIXES]}
    assert kind(page) == "troubleshooting"
    # the fix headings count only when the titles or the intro name a problem
    calm = page | {"summary": intro.replace("shows a black screen for many streamers", "is popular"),
                   "title": "Stream Tips", "alternate_titles": []}
    assert kind.scores(calm)["troubleshooting"] == 0


def test_titles_naming_a_problem_make_instructions_troubleshooting():
    kind = KindClassifier(load_rules())
    body = ("Your display driver may need a new setting.\n\n# Step 1: Open the registry\nPress Win + R, type regedit "
            "and press Enter.\n# Step 2: Add the value\nRight-click the key and choose New > DWORD.")
    titles = ["Display Driver Stopped Working and Has Recovered", "Display Driver Keeps Crashing",
              "Screen Goes Black: Solved", "A Better Desktop"]
    assert kind(_titled(body, titles, steps=2)) == "troubleshooting"
    assert kind(_titled(body, ["Add a Registry Value for Your Display", "A Better Desktop"], steps=2)) == "how-to"


def test_sections_that_are_ways_to_get_a_driver_make_a_driver_download():
    kind = KindClassifier(load_rules())
    intro = ("A missing or outdated WiFi adapter driver may stop your computer from connecting to WiFi, so keep "
             "it up to date. There are two ways you can update your WiFi adapter driver.")
    fix = ("You can get the driver from the maker's website: choose the one for your model and your version of "
           "Windows, then double-click the downloaded file and follow the on-screen instructions.")
    page = _titled(intro, ["Bridge Your Connectivity", "Easy Wi-Fi Adapter Setup", "Direct Steps for PCs"], steps=2)
    page["sections"] = [{"heading": "Option 1: Download and install the driver manually", "text": fix},
                        {"heading": "Option 2: Automatically update your WiFi adapter driver", "text": fix}]
    assert kind(page) == "driver-download"
    # the same sections as a troubleshooting page's fixes: one about a driver among others
    page["sections"] = [{"heading": "Fix 1: Restart your router", "text": fix},
                        {"heading": "Fix 2: Reset the network settings", "text": fix},
                        {"heading": "Fix 3: Update your WiFi adapter driver", "text": fix}]
    assert kind(page) == "troubleshooting"



CANON = ("Trying to set up your Canon printer on your WiFi network? This guide is for you. If the printer "
         "is not working afterwards or shows an error, Part 3 addresses the problem.\n\n"
         "# Part 1: Connect the printer to your WiFi\nPress the Settings button. Select LAN settings and press OK.\n"
         "# Part 2: Add the printer to your computer\nOpen Settings > Devices > Printers & scanners. Click Add.\n"
         "# Part 3: What to do if the printer acts weird\nRestart the printer and update its driver.")


def test_a_task_the_titles_name_makes_instructions_a_how_to_even_when_the_intro_names_a_problem():
    kind = KindClassifier(load_rules())
    # (read as troubleshooting: the intro's "not working", "error" and "problem" outscored the task)
    spun = ["How to Connect a Canon Printer to WiFi", "Canon Wireless Made Simple", "Cut the Cord on Canon",
            "Canon WiFi Setup: A Quick Guide", "Print From Anywhere", "Smooth Linking for Canon Printers"]
    assert kind(_titled(CANON, spun, steps=3)) == "how-to"
    # the same body, its titles naming a problem as often as the task: the fixes of a problem
    trouble = ["How to Connect a Canon Printer to WiFi", "Canon Printer Not Connecting to WiFi? Fixed",
               "Canon WiFi Problems Solved", "Print From Anywhere"]
    assert kind(_titled(CANON, trouble, steps=3)) == "troubleshooting"
    # ... and the same titles over a body numbering fixes ("Fix 1:"): the page says what its sections are
    fixes = CANON.replace("# Part 1:", "# Fix 1:").replace("# Part 2:", "# Fix 2:").replace("# Part 3:", "# Fix 3:")
    assert kind(_titled(fixes, spun, steps=3)) == "troubleshooting"


OFFLINE = ("Is your HP printer showing offline and not printing? Don't worry, the problem is easy to fix.\n\n"
           "# Method 1: Restart the printer and router\nTurn off the printer. Unplug the router for 30 seconds.\n"
           "# Method 2: Set the printer as default\nOpen Control Panel. Right-click the printer and choose Set as default.\n"
           "# Method 3: Update the printer driver\nOpen Device Manager. Right-click the printer and select Update driver.")


def test_headings_numbering_methods_keep_fixes_troubleshooting_whatever_task_the_titles_name():
    kind = KindClassifier(load_rules())
    # (read as a how-to: only "Fix N" / "Solution N" headings stopped the titles' task)
    assert kind(_titled(OFFLINE, ["How to Get Your HP Printer Back Online"], steps=3)) == "troubleshooting"
    spun = ["How to Get Your HP Printer Back Online", "How to Bring an HP Printer Online", "Back to Printing"]
    assert kind(_titled(OFFLINE, spun, steps=3)) == "troubleshooting"
    # the same sections, unnumbered: the titles' task decides
    parts = OFFLINE.replace("# Method 1:", "# First:").replace("# Method 2:", "# Then:").replace("# Method 3:", "# Last:")
    assert kind(_titled(parts, spun, steps=3)) == "how-to"

def test_titles_solving_a_problem_or_in_another_language_make_no_task_of_it():
    kind = KindClassifier(load_rules())
    # "[Solved]", "Resolved" name a problem as "Not Connecting" does (read as a how-to: 2 titles naming
    # the task, none a problem)
    solved = ["How to Get the Canon Printer Online [Solved]", "How to Quickly Resolve Canon Printing Trouble",
              "Canon Printing Trouble Solved", "Printing Trouble Resolved"]
    assert kind(_titled(CANON, solved, steps=3)) == "troubleshooting"
    # one English title naming the task among five no cue can read is no share of the titles
    foreign = ["How to Connect a Canon Printer to WiFi", "Canon Drucker druckt nicht mehr",
               "La impresora Canon no imprime nada", "L'imprimante Canon n'imprime plus",
               "Canon プリンターが印刷できない", "Canon Drucker Hilfe"]
    assert kind(_titled(CANON, foreign, steps=3)) == "troubleshooting"
    # two of six English titles naming the task still do
    assert kind(_titled(CANON, foreign[:1] + ["Canon WiFi Setup: A Quick Guide"] + foreign[2:], steps=3)) == "how-to"

def test_a_task_the_titles_name_only_chooses_between_the_step_kinds():
    kind = KindClassifier(load_rules())
    # a buying guide whose titles name a task and whose intro says "check", "use": the listicle it is
    guide = ("Picking a gaming router is hard. Check the ports before you buy. Use the buying guide below.\n"
             "# Best gaming router overall: Asus RT-AX88U\nIt is fast and has eight ports for wired consoles.\n"
             "# Best budget gaming router: TP-Link AX21\nIt costs little and covers a flat.\n"
             "# Best mesh system: Eero 6\nIt covers a big house with three nodes.\n"
             "# FAQs\nWhat is Wi-Fi 6? A faster standard that handles many devices at once.")
    assert kind(_titled(guide, ["How to Choose a Gaming Router", "Gaming Router Picks"], steps=0)) == "other"
    # a driver page (its ways to get the driver, its "Driver version:") whose titles name only a task
    driver = ("Download the latest Realtek WiFi driver for Windows 11. Driver version: 2024.0.1. File size: 12 MB.\n\n"
              "# Option 1: Download and install the driver manually\nGo to the Realtek site and download the driver.\n"
              "# Option 2: Update your WiFi adapter driver automatically\nRun the updater and click Update All.")
    titles = ["How to Set Up a Realtek WiFi Adapter", "Realtek Wireless Made Easy"]
    assert kind(_titled(driver, titles, steps=2)) == "driver-download"


LISTICLE = "\n".join(
    ["Looking for a VR app for your phone? Here are the best ones to try."]
    + [f"# {name}\n{name} plays 360 videos and games on a headset. It is free and rated {r}. "
       f"{name} works with any Cardboard viewer. {name} was updated in {r * 2:.0f} weeks.\n"
       f"![Download from Google Play Store](https://example.com/play-{n}.png)\n"
       f"[Download from App Store](https://apps.example.com/{n})"
       for n, (name, r) in enumerate([("Cardboard", 4.1), ("Within", 4.3), ("Jaunt", 3.9),
                                      ("Fulldive", 4.0), ("Orbulus", 3.8), ("Sisters", 4.2)])])


def test_a_store_button_repeated_under_each_app_is_no_instruction():
    kind = KindClassifier(load_rules())
    # 12 "Download from ..." buttons among 38 lines and sentences read as a how-to; the two
    # buttons, each read once, are no instructional shape
    assert kind(_titled(LISTICLE, ["Best VR Apps for Your Phone"], steps=0)) == "other"
    # ... and so is a download link naming each product under a label ("**Download**: [Brave](…)")
    browsers = "\n".join(
        ["If you're looking for a gaming browser on Windows, a few options can meet your needs."]
        + [f"# {n} {name}\n{name} is built on {engine}. It has a tab limiter and a RAM cap. "
           f"Its sidebar holds {n + 2} chat apps.\n**Download**: [{name}](https://{name.lower()}.example.com/get) (Free)"
           for n, (name, engine) in enumerate([("Opera", "Chromium"), ("Chrome", "Blink"), ("Edge", "Chromium"),
                                               ("Brave", "Chromium"), ("Vivaldi", "Blink")], 1)])
    assert kind(_titled(browsers, ["The Best Browsers for Gamers"], steps=0)) == "other"


def test_steps_that_are_links_are_instructions_each():
    kind = KindClassifier(load_rules())
    # link-only steps and "Go to [menu](…)" lines read as one sentence each ("[]"): 2 instructions
    # among 33 sentences, and a how-to whose instructions are links read as other
    facts = " ".join(f"The Canon PIXMA TS{i}20 has a {i}-inch screen and a tray of {100 + i} sheets." for i in range(30))
    links = "\n".join(f"- [{step}](https://canon.example.com/setup/{n})" for n, step in enumerate(
        ["Download the Canon PRINT app", "Install the Canon IJ Network Tool", "Connect the printer to your network"]))
    menus = "\n".join(f"Go to [{page}](http://192.168.1.1/{page.lower()}) and save the page." for page in ["Wireless", "Security"])
    body = "Here is how to set up a Canon PIXMA printer.\n" + facts + "\n" + links + "\n" + menus
    assert kind(_titled(body, ["Canon PIXMA Printers"], steps=0)) == "how-to"


SPONSORED = """---
title: "Unbeatable Deals Await: Secure Acme Backup Now & Enjoy an Instant 20% Discount!"
categories:
  - tech
---
This article is sponsored by Acme. The product choices and opinions expressed are those of the sponsor and do not reflect the views of the Example Geek editorial staff.

Acme has announced the return of its award-winning product, Acme Backup, previously known as Acme Home Office.

For a limited time, readers can get the all-new Acme Backup for 20% off a one-year subscription with our exclusive discount code, the lowest price we have seen.

## Backup, Recovery, and Disk Cloning

Full PC backups or disk cloning started it all for Acme back in 2003. Save 20% on Acme Backup with the coupon code for $39.
"""


def test_a_page_its_sponsor_wrote_is_a_product_page_though_the_cleaner_removed_the_note(tmp_path):
    """The cleaner removes the sponsor's note as it does an affiliate disclaimer, counting it apart
    (sources[].removed "sponsor_note"): the page's offer and launch words would make it a deal."""
    write(tmp_path / "in", "s.md", SPONSORED)
    res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "o"), "-q"])
    assert res.exit_code == 0, res.output
    (entry,) = json.loads((tmp_path / "o" / "kb.json").read_text("utf-8"))["entries"]
    assert "sponsor" not in entry["summary"] and entry["sources"][0]["removed"].get("sponsor_note") == 1
    assert "disclaimer" not in entry["sources"][0]["removed"]
    assert entry["kind"] == "product-page"
    assert KindClassifier(load_rules())(own(entry) | {"sponsored": False}) == "deal"  # its offer, without the note
    # one spun copy in three carrying the note does not make the entry its sponsor's
    assert not sponsored({"sources": [{"removed": {"sponsor_note": 1}}, {"removed": {}}, {"removed": {"chrome": 2}}]})


def test_a_badge_is_a_product_pages_not_a_safe_in_prose():
    """The badge's shape: a line of its own, "No Ads" after it, or its capitalised form ending a
    line or a link; "100% safe" ending a sentence is prose."""
    kind = KindClassifier(load_rules())
    for badge in ["Acme Recovery gets back lost files from any drive. 100% Safe & Secure to Use",
                  "Acme Recovery gets back lost files from any drive.\n\n* 100% safe & secure to use",
                  "Acme Recovery gets back lost files from any drive.\n\n![](https://acme.example/secure.svg) 100% Secure. No Ads."]:
        assert kind(_sectioned(badge, [("What it recovers", "Photos, videos and documents from any drive.")])) == "product-page"
    for prose in ["Bear in mind that no TV is 100% safe outside, even with a cover.",
                  "Don't worry, this method is 100% safe.", "Nothing online is ever 100% secure.",
                  "Is the tool safe? Yes, it is **100% safe**."]:
        ideas = _sectioned("Here are five cool ideas about what to do with an old TV.",
                           [("Leave It on Your Patio", prose), ("A Picture Frame", "Ambiance videos suit it well.")])
        assert kind(ideas) != "product-page", prose


def test_a_faq_heading_is_no_product_page():
    """Any listicle has its FAQ (other keeps its faq cue); a product page has features and pricing."""
    kind = KindClassifier(load_rules())
    ideas = _sectioned("Here are five cool ideas about what to do with an old TV.",
                       [("Leave It on Your Patio", "A cover keeps the rain off it."),
                        ("A Picture Frame", "Ambiance videos suit it well."), ("FAQ", "Is it worth it? Often.")])
    assert kind(ideas) == "other"


SPONSORED_FIX = """---
title: "How to Fix Acme Backup Not Working on Windows 11"
---
This article is sponsored by Acme. The product choices and opinions expressed are those of the sponsor.

Is Acme Backup not working after the latest Windows 11 update? This error is common; here are the fixes that work. Get 20% off Acme Backup for $39 with our coupon.

## Fix 1: Restart the backup service

Press Win + R, type services.msc and press Enter. Right-click Acme Backup Service and click Restart.

## Fix 2: Run the backup as administrator

Right-click the Acme Backup shortcut and choose Run as administrator. Then click Back up now.

## Fix 3: Reinstall Acme Backup

Open Settings > Apps > Installed apps, click Acme Backup and choose Uninstall. Then download it again and install it.
"""


def test_a_sponsored_guide_with_real_fixes_stays_troubleshooting(tmp_path):
    """The sponsor's note outscores a page's offer (the Acronis post above), not its fix steps: a
    sponsored troubleshooting guide stays one, and in `--kinds troubleshooting,how-to`."""
    write(tmp_path / "in", "s.md", SPONSORED_FIX)
    for name, extra in [("o", []), ("f", ["--kinds", "troubleshooting,how-to"])]:
        res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / name), "-q", *extra])
        assert res.exit_code == 0, res.output
        (entry,) = json.loads((tmp_path / name / "kb.json").read_text("utf-8"))["entries"]
        assert entry["sources"][0]["removed"].get("sponsor_note") == 1 and len(entry["steps"]) == 3
        assert entry["kind"] == "troubleshooting"


def test_the_bottom_line_heading_closes_a_review():
    kind = KindClassifier(load_rules())
    review = _sectioned("The Acme Q1 is a wireless keyboard with magnetic switches.",
                        [("Design and Construction of the Q1", "It is heavy."),
                         ("The Bottom Line", "A fine keyboard, if pricey.")])
    assert kind(review) == "review"


def test_a_feature_told_through_experts_quotes_is_no_news_story_unless_it_tells_an_event():
    kind = KindClassifier(load_rules())
    trend = ("Low-code tools are taking work off IT teams. Business users now build their own apps.\n\n"
             '"These tools mitigate talent shortages," says Ann Lee, vice president of product at Vonage. '
             '"Anyone can build a prototype."\n\n'
             'Citizen developers "have the potential to be the saving grace," says Bo Huang, co-founder and CTO '
             "at Moxo. IT departments, Huang says, are freed up.\n\n"
             '"The sweet spot is data-dense processes," says Mia Allen, CTO at Laserfiche. Apps built this way '
             "have low throughput needs, Allen says.")
    assert kind(_entry(trend)) == "other"
    # the same quotes around a launch are a report, and so around a finding just published
    assert kind(_entry(trend.replace("Business users now", "Acme launched LowCode 2 on Tuesday. Users now"))) == "news"
    assert kind(_entry(trend.replace("Low-code tools are", "A new Forrester survey finds low-code tools"))) == "news"
    # an event inside an expert's quotation is the expert's, not the page's
    quoted = trend.replace('"Anyone can', '"Vendors announced new tools this week. Anyone can')
    assert kind(_entry(quoted)) == "other"
    # a page quoting one or two people is read as before
    two = trend.split("\n\n\"The sweet spot")[0]
    assert kind(_entry(two)) == "news"


def test_a_launch_dated_to_a_past_year_is_history_not_news():
    kind = KindClassifier(load_rules())
    explainer = ("Smartphones put the world at our fingertips. The first iPhone was announced in 2007, and "
                 "Android debuted all the way back in 2008. Minimalist phones, a trend of 2026, try to undo that.")
    assert kind(_entry(explainer)) == "other"
    assert kind(_entry(explainer.replace("in 2007", "this week"))) == "news"
    # a launch "in 2026" on a page of 2026 is the news (the year a page speaks from: the newest it names)
    assert kind(_entry(explainer + " Acme launched its minimalist phone in 2026.")) == "news"


def test_a_sites_opinion_or_column_label_makes_other():
    kind = KindClassifier(load_rules())
    page = "The new Acme phone will be available in March. Phones this thin are a mistake."
    assert kind(_labelled(page, "Tech")) == "news"
    assert kind(_labelled(page, "Opinion")) == "other"


def test_a_report_quoting_analysts_keeps_its_news_cues_label_and_titled_event():
    kind = KindClassifier(load_rules())
    quotes = ('"It changes the market," said Ann Lee, an analyst at Gartner. '
              '"Rivals will respond," said Bo Huang, principal analyst at IDC. '
              '"Prices will fall," said Mia Allen, research director at Forrester. Allen said demand was strong.')
    # a news cue the writer says is an event told, not only the announced/launched anchors
    for event in ["Acme has started to roll out its phone.", "Acme sued Beta over its patents.",
                  "Acme has acquired Beta.", "Acme will ship the phone in May.", "Acme is launching a phone."]:
        assert kind(_entry(event + "\n\n" + quotes)) == "news", event
    feature = _entry("Phones keep getting pricier.\n\n" + quotes)
    # a launch "in 2026" on a page of 2026 is an event; "in 2019" on it is history
    assert kind(_entry("Acme launched its phone in 2026.\n\n" + quotes)) == "news"
    assert kind(_entry("Acme's first phone launched in 2019. Phones keep getting pricier in 2026.\n\n" + quotes)) == "other"
    assert kind(feature) == "other"
    # an event in the title is the lead's, and the site's own News label still counts
    assert kind(dict(feature, title="Acme Unveils the Acme Phone 3")) == "news"
    assert kind(dict(feature, categories=["news"])) == "news"
    # an inch mark is no quotation mark: the writer's own "unveiled" is not read as quoted speech
    assert kind(_entry('Acme\'s 13" laptop goes on sale. It was unveiled on Tuesday. ' + quotes)) == "news"
    # "today's workplace" and "new ways to use data" are no event; "chief among" no expert
    assert kind(_entry("In today's hybrid workplace, teams need new ways to use their data.\n\n" + quotes)) == "other"
    roles = ("Memory, chief among the culprits, is dear. " + quotes).replace(", principal analyst at IDC", ", the chief")
    assert kind(_entry(roles)) == "news"


def test_one_products_pros_and_cons_make_a_review_a_guide_weighs_many():
    """Six app reviews of the variety corpus ("Part 1. Overview of InShot - Pros, Cons", an
    alternative, FAQs) read as `other`: one pros-and-cons verdict is what a review gives; a buying
    guide gives one per pick."""
    kind = KindClassifier(load_rules())
    verdict = "\n\n**Pros**\n\n* Free to start\n* A clean interface\n\n**Cons**\n\n* A watermark on exports"
    parts = [("How much is Acme Cut?", "It costs $3 a month."),
             ("Part 2. Acme Cut from a user's perspective", "Users like its speed."),
             ("Part 3. An alternative to Acme Cut", "Zed Edit does the same for free."),
             ("Part 4. FAQs about Acme Cut", "Is it safe? Yes, it is."), ("Conclusion", "A fine editor for clips.")]
    review = _sectioned("Acme Cut is a video editor for phones. Here is what it does well and what it does not.",
                        [("Part 1. Overview of Acme Cut", "Acme Cut trims, merges and adds music." + verdict)] + parts)
    assert kind(review) == "review"
    # "What We Like" / "What We Don't Like" is the same verdict
    liked = verdict.replace("**Pros**", "What We Like").replace("**Cons**", "What We Don't Like")
    assert kind(_sectioned(review["summary"], [("Part 1. Overview of Acme Cut", "It trims clips." + liked)] + parts)) == "review"
    # a guide that weighs each of its picks is no review of one
    picks = [(f"Part {i}. {name}", f"{name} trims and merges clips." + verdict)
             for i, name in enumerate(["Acme Cut", "Zed Edit", "Clip Pro"], 1)]
    guide = _sectioned("These are the best video editors for phones this year.", picks + parts[3:])
    assert kind(guide) == "other"
    # a verdict in the intro is said once in the body, though the summary copies the intro
    intro = "Acme Cut is a video editor for phones. Here is what it does well and what it does not." + verdict
    echoed = _sectioned(intro, [("", intro)] + parts)
    assert kind.scores(echoed)["review"] == kind.scores(echoed | {"summary": ""})["review"]
    assert kind(echoed) == "review"


ARTWORK = ("Is the album artwork missing from songs you bought or ripped? If the cover is not showing, it is no "
           "problem and no error: here's how.\n\n"
           "# How to get album artwork in iTunes on Windows\nOpen iTunes. Select the album in your library. "
           "Right-click it and choose Get Album Artwork.\n"
           "# How to add artwork by hand\nFind a picture of the cover. Select the song and press Ctrl + I. "
           "Click the Artwork tab and choose Add Artwork.")


def test_a_tie_of_fixes_and_a_tasks_steps_is_troubleshooting_only_when_the_titles_name_a_problem():
    kind = KindClassifier(load_rules())
    task = ["Get Cover Pictures Into iTunes", "Tunes With Faces", "Covers for Every Song", "iTunes, Dressed Up"]
    scores = kind.scores(_titled(ARTWORK, task, steps=3))
    assert scores["troubleshooting"] == scores["how-to"] == max(scores.values())  # (the tie read before)
    assert kind(_titled(ARTWORK, task, steps=3)) == "how-to"
    # one title of four naming the problem is spin's share, not the page's
    assert kind(_titled(ARTWORK, task[:3] + ["iTunes Artwork Not Showing"], steps=3)) == "how-to"
    # a third of them naming it: the problem's page
    assert kind(_titled(ARTWORK, task[:2] + ["iTunes Artwork Not Showing"], steps=3)) == "troubleshooting"


PRINTER_FIXES = """---
title: What Brother HL-L2350DW Owners Ask Us Most
date: 2024-01-01
---
The HL-L2350DW is a fine little laser printer, and it is on sale for $99 at Amazon right now. Owners still write \
in with the same three errors, so here they are with their fixes. Each problem takes a minute to sort out.

## Printer Error 1: Paper Jam Light Stuck On

A scrap of paper is often stuck behind the rear cover. To fix this, you need to open the back cover and pull out \
the drum unit. Remove any torn paper, then close the cover and press **Go**.

## Printer Error 2: Printer Not Connecting to Wi-Fi

The printer may have dropped off the Wi-Fi. You can reconnect it from the control panel: go to **Menu > Network \
> WLAN > Setup Wizard** and pick your network again.

## Printer Error 3: Pages Come Out Blank

The toner seal may still be in place. You should remove the toner cartridge and pull off the orange seal before \
you print again.
"""


def test_a_tie_of_fixes_goes_to_a_tasks_steps_only_not_to_an_offer_or_a_report(tmp_path):
    """tie_titled's tie goes only to another step kind (how-to): a page of fixes whose titles name no
    problem ("What ... Owners Ask Us Most"), read without its counted fixes (kinds.unlabelled), ties with
    a deal (its intro's "on sale for $99 at Amazon") and stays fixes, keeping its steps and its place in
    `--kinds troubleshooting,how-to`; a report of a bug with its workaround tied with news stays fixes too."""
    write(tmp_path / "in", "p.md", PRINTER_FIXES)
    for name, extra in [("o", []), ("f", ["--kinds", "troubleshooting,how-to"])]:
        res = CliRunner().invoke(main, ["build", "--input", str(tmp_path / "in"), "--output", str(tmp_path / name),
                                        "-q", "-j", "1", "--no-cache", *extra])
        assert res.exit_code == 0, res.output
        (entry,) = json.loads((tmp_path / name / "kb.json").read_text("utf-8"))["entries"]
        assert entry["kind"] == "troubleshooting"
        assert [s["title"] for s in entry["steps"]] == ["Paper Jam Light Stuck On", "Printer Not Connecting to Wi-Fi",
                                                        "Pages Come Out Blank"]
    kind = KindClassifier(load_rules())
    bare = own(entry) | {"title": "What Brother HL-L2350DW Owners Ask Us Most", "alternate_titles": [],
                         "steps": [s | {"counted": True} for s in entry["steps"]]}
    scores = kind.scores(bare)
    assert scores["troubleshooting"] == scores["deal"] == max(scores.values())  # (the tie read)
    assert kind.unlabelled(bare) == "troubleshooting"
    bug = ("Microsoft confirmed this week that its March cumulative update leaves some USB printers unable to "
           "print. Printers show as offline and print jobs sit in the queue with an error.")
    report = _sectioned(bug, [("", bug), ("What Microsoft says", "The company says the problem is known and a fix will ship "
                                                      "with next month's update. Until then, the steps below get "
                                                      "most printers working again."),
                              ("Getting your printer back", "1. Open Settings > Windows Update > Update history.\n"
                                                            "2. Click Uninstall updates and remove the March update.\n"
                                                            "3. Restart your PC, then print a test page.")])
    report |= {"title": "Microsoft's March Update and Your USB Printer", "alternate_titles": [],
               "steps": [{"text": f"step {i}"} for i in range(3)]}
    scores = kind.scores(report)
    assert scores["troubleshooting"] == scores["news"] == max(scores.values())
    assert kind(report) == "troubleshooting"
    # whichever kind that is no step kind it ties with; with a task's steps (how-to) the titles decide
    for other in ("driver-download", "review", "deal", "product-page", "news"):
        assert kind.decide(report, dict.fromkeys(scores, 0) | {"troubleshooting": 3, other: 3}) == "troubleshooting"
    assert kind.decide(report, dict.fromkeys(scores, 0) | {"troubleshooting": 3, "how-to": 3, "news": 3}) == "how-to"
