"""A tool the corpus itself shows being sold is a product, whatever the rules' list says."""
import dataclasses

import pytest

from pipeline.clean import Cleaner
from pipeline.clean.urls import url_is_affiliate
from pipeline.model import Options
from pipeline.products import Products
from pipeline.runner import build
from pipeline.structure import Structurer

from .conftest import write

# An article about Outlook (the app it fixes: in its title, its headings, and once next to
# an edition's name) that pitches FixMaster Pro, a tool no rule names, in its third fix.
ARTICLE = """---
title: "Outlook not sending mail on PC {n}"
date: 2024-01-0{n}
---

Outlook stopped sending mail on computer number {n}. Here is how to fix it.

## Fix 1: Restart Outlook

Close **Outlook**, then run Outlook again. If you use the trial version of Office, sign in again first.

## Fix 2: Check the outbox

Open the **Outbox** folder and delete the stuck message number {n}.

## Fix 3: Repair the mail profile

If you don't have the time, you can do it automatically with **FixMaster Pro**.

1. Download and install FixMaster Pro.
2. Open it and click **Scan**. The trial version only scans; enter a licence key to repair what it found.
"""


def _bodies(n: int) -> list[str]:
    return [ARTICLE.format(n=i).split("---\n", 2)[2] for i in range(1, n + 1)]


def test_a_tool_offered_with_its_editions_is_sold_and_the_app_fixed_is_not(rules):
    products = Products(rules)
    body = _bodies(1)[0]
    # "run Outlook" next to "the trial version": the reader runs the app the article fixes,
    # a tool is offered to download, install or try
    assert products.sold_in(body) == {"FixMaster"}
    titles = [f"Outlook not sending mail on PC {i}" for i in range(1, 7)]
    sold = [products.sold_in(b) for b in _bodies(6)]
    assert products.learnt(sold, titles) == ("FixMaster",)
    # titles that do not name the app (the reviewer's case): still not sold
    assert products.learnt(sold, [f"Mail stuck in the outbox on PC {i}" for i in range(1, 7)]) == ("FixMaster",)
    assert products.learnt(sold[:4], titles[:4]) == ()  # fewer bodies than min_bodies
    assert products.sold_in(body.replace("The trial version only scans; enter a licence key", "It")) == set()
    # a name that titles name as often as bodies sell it is the subject, not a product
    assert products.learnt([{"FixMaster"}] * 6, [f"FixMaster crashes on PC {i}" for i in range(6)]) == ()


def test_a_name_linked_to_a_redirect_or_shop_that_spells_it_is_sold(rules):
    products = Products(rules)
    raw = ("To get your chats back you need [iPhone Data Recovery](https://tools.techidaily.com/aiseesoft-iphone-data-"
           "recovery/) .\n\n[Free Download](https://secure.2checkout.com/order/cart.php?PRODS=1&AFFILIATE=2) "
           "[Download](https://tools.techidaily.com/aiseesoft-iphone-data-recovery/download/)\n\n"
           "Or buy <a href=\"https://www.example-soft.com/store/disk-doctor-pro.html\">Disk Doctor Pro</a>.\n\n"
           "* [Part 1. Recover chats directly](https://tools.techidaily.com/aiseesoft-iphone-data-recovery/)\n"
           "Get the driver from [NVIDIA](https://www.nvidia.com/download/index.aspx) or read [The Verge]"
           "(https://www.theverge.com/2024/review). Open [Device Manager](https://support.example.com/device-manager).\n"
           "Ask your carrier ([Verizon](https://www.anrdoezrs.net/links/36/type/dlg/https://www.verizon.com/support/"
           "contact-us/)).\n")
    # a redirect or shop page that spells the name sells it; a button's label, a contents line, a vendor's
    # download page, a reference to a site and a help page (behind a redirect too) do not
    assert products.linked(raw) == {"iPhone Data Recovery", "Disk Doctor Pro"}
    assert products.linked(raw.replace("tools.techidaily.com", "www.aiseesoft.com")) == {"Disk Doctor Pro"}


@pytest.mark.parametrize("url, redirect", [
    ("https://pxf.io/photo-fixer", True),  # a listed host
    ("https://go.PXF.io/photo-fixer", True),  # ...a subdomain of it
    ("https://user@pxf.io:443/photo-fixer", True),
    ("https://pxf.io./photo-fixer", True),  # (a host's trailing dot)
    ("https://imp.i357552.net/photo-fixer", True),  # a host of a redirect's shape
    ("https://photofixer.example.com/c/123/456/789", True),  # a redirect's path on a vanity domain
    ("/c/123/456/789/photo-fixer", False),  # ...but a relative link stays on its page's site
    ("https://www.photofixer.com/photo-fixer", False),  # the vendor's own page
])
def test_a_link_is_a_redirect_to_the_products_as_to_the_cleaner(rules, url, redirect):
    """Products.linked and the cleaner share one redirect test (clean.urls.Redirects): the
    name linked sells exactly when the cleaner drops the link as an affiliate's."""
    assert url_is_affiliate(url, Cleaner(rules)) is redirect
    assert Products(rules).linked(f"Repair the photos with [Photo Fixer]({url}).") == ({"Photo Fixer"} if redirect else set())


def test_a_headline_whose_words_end_in_a_shop_word_is_no_shop(rules):
    """A news site links a chip's name to its article in every post ("[Raptor Lake](…/news/intel-13th-gen-raptor-lake-
    release-date-specifications-pricing-benchmarks)"): a slug's "pricing" or "to-buy" is a headline's word, not a
    shop's page, and the chip, linked in 31 bodies, would be learnt as a product the corpus sells."""
    products = Products(rules)
    raw = ("Intel's [Raptor Lake](https://www.example-news.com/news/intel-13th-gen-raptor-lake-release-date-"
           "specifications-pricing-benchmarks) chips beat [Zen 4](https://www.example-news.com/news/amd-zen-4-release-"
           "pricing). See the [Best TV Antennas](https://www.example-guide.com/best-tv-antennas-to-buy-4078201).\n\n"
           "Get [Disk Doctor Pro](https://www.example-soft.com/shop/disk-doctor-pro.html) or [Revo Uninstaller]"
           "(https://store.revouninstaller.example/order/checkout.php?p=1) or [Doc Fixer](https://docfixer.example"
           ".com/pricing-plans/doc-fixer).\n")
    assert products.linked(raw) == {"Disk Doctor Pro", "Revo Uninstaller", "Doc Fixer"}


def test_a_brand_linked_through_a_redirect_to_its_home_page_is_not_sold(rules):
    """A review site sends every brand it names through an affiliate redirect: "others, like [Philips Hue](→ its
    home page), might need a bit more setup" names the brand in passing, as a direct link to its site does; a
    redirect to a product's page, or one whose own address spells the name, sells it."""
    products = Products(rules)
    raw = ("Devices like [Philips Hue](https://www.anrdoezrs.net/links/3607085/type/dlg/sid/UU2/https://www.philips-hue"
           ".com/en-us) and [Acme Home](https://www.anrdoezrs.net/links/36/type/dlg/https://www.acmehome.com/) need "
           "more setup.\n\nGet the [Jabra Elite 10](https://www.anrdoezrs.net/links/36/type/dlg/https://www.jabra.com/"
           "headsets/jabra-elite-10) or [FixMaster](https://tools.techidaily.com/fixmaster/https://fixmaster.com/).\n")
    assert products.linked(raw) == {"Jabra Elite 10", "FixMaster"}


def test_a_name_linked_with_its_edition_or_its_makers_prefix_is_sold_by_the_name_its_address_spells(rules):
    """"[Revo Uninstaller Pro](…store.revouninstaller.com/order/…)" and "[FoneLab - iPhone Data Recovery](…/aiseesoft-
    iphone-data-recovery/)": the address spells the product, not the edition or the maker's prefix; the text
    names it so ("Products such asRevo Uninstaller Pro give you ...", "... with iPhone Data Recovery")."""
    products = Products(rules)
    raw = ("Products such as[Revo Uninstaller Pro](https://store.revouninstaller.com/order/checkout.php?PRODS=2&"
           "AFFILIATE=1) clean it.\n\n[FoneLab - iPhone Data Recovery](https://tools.techidaily.com/aiseesoft-iphone-"
           "data-recovery/)\n\nSee [Acme - Disk Tools Pro](https://www.example.com/shop/other-thing) and [Best photo apps of "
           "2024 – Movavi](https://tools.techidaily.com/movavi/products/).\n")  # (a page's title, then its site's)
    assert products.linked(raw) == {"Revo Uninstaller", "iPhone Data Recovery"}
    # ...but only to a name still shaped as one: not a word ("[Windows Pro](…/store/b/windows)" is no "Windows")
    # nor lower-case words; the full name, which the address does not spell, sells nothing
    raw = ("You may need a [Windows Pro](https://www.microsoft.com/en-us/store/b/windows) licence, or [Office Pro]"
           "(https://www.microsoft.com/en-us/store/b/office).\n\n[FoneLab - data recovery](https://www.fonelab.example"
           "/store/data-recovery/) and [FoneLab - Data Recovery 2](https://www.fonelab.example/store/data-recovery-2/)\n")
    assert products.linked(raw) == {"Data Recovery 2"}


def test_a_link_the_reader_never_sees_sells_nothing(rules):
    """A shop link in a comment or a script is no pitch the reader sees: counted, it made a manual
    fix naming "Device Manager" a pitch (reviewer's find)."""
    products = Products(rules)
    shop = "[Device Manager](https://shop.example.com/buy/devicemanager)"
    assert products.linked(shop) == {"Device Manager"}
    for hidden in (f"<!-- {shop} -->", f"<script>var a = '{shop}';</script>", f"<noscript>{shop}", f"<!-- {shop}"):
        assert products.linked(f"Open Device Manager.\n\n{hidden}\n\nRestart.") == set()
    assert products.linked(f"<!-- note --> {shop}") == {"Device Manager"}


def test_hostile_links_are_read_in_linear_time(rules):
    import time
    products = Products(rules)
    hostile = ("[Abcd](http://x.com/abcd" + "/" * 470 + ")\n") * 1200 + "<!--" * 100_000 + "<script" * 50_000
    t0 = time.process_time()
    products.linked(hostile)
    assert time.process_time() - t0 < 3  # was 10 s and more: the shop path read each '/' to the end


def test_a_body_offering_thousands_of_names_costs_linear_time(rules):
    import time
    products = Products(rules)
    names = " ".join(f"Download **Tool{k} Max** or the free version of **Tool{k} Max**." for k in range(3000))
    t0 = time.process_time()
    assert len(products.sold_in(names + "\n")) <= 40
    assert time.process_time() - t0 < 5


def _steps(doc) -> dict[str, bool]:
    return {s["title"]: s["promotional"] for e in doc["entries"] for s in e["steps"]}


def test_the_pitch_of_a_learnt_tool_is_flagged_and_cache_agrees(rules, tmp_path):
    (step,) = [s for s in Structurer(rules).structure(_bodies(1)[0], "t").steps if "profile" in s.title]
    assert not step.promotional  # the rules alone do not know FixMaster
    assert [s.promotional for s in Structurer(rules).structure(_bodies(1)[0], "t").steps] == [False] * 3
    src = tmp_path / "in"
    for i in range(1, 7):
        write(src, f"outlook-{i}.md", ARTICLE.format(n=i))
    res = build(src, tmp_path / "out", Options(jobs=1))
    assert _steps(res.doc) == {"Restart Outlook": False, "Check the outbox": False, "Repair the mail profile": True}
    again = build(src, tmp_path / "out", Options(jobs=1))
    assert again.cache_hits == 6
    build(src, tmp_path / "plain", Options(jobs=1), use_cache=False)
    assert (tmp_path / "out" / "kb.json").read_bytes() == (tmp_path / "plain" / "kb.json").read_bytes()
    # with four articles the tool is not learnt: a rebuild with the cache restructures them
    for i in (5, 6):
        (src / f"outlook-{i}.md").unlink()
    fewer = build(src, tmp_path / "out", Options(jobs=1), allow_shrink=True)
    assert _steps(fewer.doc)["Repair the mail profile"] is False
    build(src, tmp_path / "plain2", Options(jobs=1), use_cache=False)
    assert (tmp_path / "out" / "kb.json").read_bytes() == (tmp_path / "plain2" / "kb.json").read_bytes()


def test_with_no_product_in_the_rules_only_what_the_build_learnt_is_a_pitch(rules):
    promotional = {**rules.data["promotional"], "products": []}
    st = Structurer(dataclasses.replace(rules, data={**rules.data, "promotional": promotional}))
    body = _bodies(1)[0]
    assert [s.promotional for s in st.structure(body, "t").steps] == [False] * 3
    assert [s.promotional for s in st.structure(body, "t", ("FixMaster",)).steps] == [False, False, True]
    assert [s.promotional for s in st.structure(body, "t").steps] == [False] * 3


PRINTER = """---
title: "Printer prints blank pages"
date: 2024-02-01
---

The printer feeds the paper but prints nothing on it.

## Fix 1: Clean the print head

Open the printer's **Maintenance** menu and choose **Head cleaning**.

## Fix 2: Replace the cartridge

Take the empty cartridge out and put a new one in.
"""


def test_a_newly_learnt_product_restructures_only_the_bodies_naming_it(rules, tmp_path, monkeypatch):
    """A structure is keyed by the learnt products its body names, not by the whole learnt
    set: when a rebuild learns FixMaster, the articles naming it are structured again (their
    pitch is now flagged) and the printer article's cached structure serves as it is."""
    structured = []
    real = Structurer.structure
    monkeypatch.setattr(Structurer, "structure", lambda self, body, title, sold=(), labels=(): structured.append(
        (title, tuple(sold))) or real(self, body, title, sold, labels))
    src = tmp_path / "in"
    write(src, "printer.md", PRINTER)
    for i in range(1, 5):
        write(src, f"outlook-{i}.md", ARTICLE.format(n=i))
    first = build(src, tmp_path / "out", Options(jobs=1))
    assert _steps(first.doc)["Repair the mail profile"] is False  # four bodies: not learnt yet
    for i in (5, 6):
        write(src, f"outlook-{i}.md", ARTICLE.format(n=i))
    structured.clear()
    again = build(src, tmp_path / "out", Options(jobs=1))
    assert _steps(again.doc)["Repair the mail profile"] is True
    assert sorted(structured) == [(f"Outlook not sending mail on PC {i}", ("FixMaster",)) for i in range(1, 7)]
    build(src, tmp_path / "plain", Options(jobs=1), use_cache=False)
    assert (tmp_path / "out" / "kb.json").read_bytes() == (tmp_path / "plain" / "kb.json").read_bytes()
    # the set learnt again from the cache on a rebuild of the same bodies: nothing structured
    structured.clear()
    build(src, tmp_path / "out", Options(jobs=1))
    assert structured == []


# An article whose second fix is a tool's procedure, the tool named once and linked to its
# shop's page: no sell word, no edition, nothing in the cleaned text but the name.
CHATS = """---
title: "Deleted chats on phone {n}"
date: 2024-03-0{n}
---

The chats you deleted on phone number {n} are not gone yet. Here is how to get them back.

## Fix 1: Restore the chats from your cloud backup

Delete the app, install it again and tap **Restore** when it offers the backup of phone {n}.

## Fix 2: Recover the chats from the phone directly

To get the deleted chats back without a backup, you need a chat recovery program, {tool}.

Step 1 Connect your phone to the computer with its cable.

Step 2 Click **Start Scan** and wait until the chats are listed.

Step 3 Tick the chats you want and click **Recover**.
"""
GAME = """---
title: "Orbit Games PC Version - Fixed Issues"
date: 2024-03-09
---

## Fixed: Stellar Drift crashing on PC

[Stellar Drift](https://www.epicgames.com/store/en-US/p/stellar-drift?epic_creator_id=1) keeps crashing on launch.

## Fix 1: Verify the game files

Open the launcher, right-click **Stellar Drift** and choose **Verify**.

## Fix 2: Lower the graphics settings

Start Stellar Drift, open **Settings** > **Graphics** and set the preset to **Low**.
"""
LINKED = "[ChatSaver Recovery](https://www.chatsaver-soft.com/store/chatsaver-recovery.html)"


def test_a_tool_a_page_links_to_its_shop_is_that_pages_pitch_and_cache_agrees(rules, tmp_path):
    src = tmp_path / "in"
    write(src, "chats-1.md", CHATS.format(n=1, tool=LINKED))
    write(src, "chats-2.md", CHATS.format(n=2, tool="ChatSaver Recovery"))  # named, not linked: no pitch of its own
    # the game an article fixes (its first heading names it: the spun title does not), linked to its
    # store page, is its subject, not a pitch
    write(src, "game.md", GAME)
    res = build(src, tmp_path / "out", Options(jobs=1))
    flags = {e["sources"][0]["path"]: [s["promotional"] for s in e["steps"]] for e in res.doc["entries"]}
    assert flags == {"chats-1.md": [False, True], "chats-2.md": [False, False], "game.md": [False, False]}
    build(src, tmp_path / "out", Options(jobs=1))
    build(src, tmp_path / "plain", Options(jobs=1), use_cache=False)
    assert (tmp_path / "out" / "kb.json").read_bytes() == (tmp_path / "plain" / "kb.json").read_bytes()


def test_a_tool_many_pages_link_to_a_redirect_is_learnt_for_every_page(rules, tmp_path):
    src = tmp_path / "in"
    redirect = "[ChatSaver Recovery](https://tools.techidaily.com/chatsaver-recovery/)"
    for i in range(1, 6):
        write(src, f"chats-{i}.md", CHATS.format(n=i, tool=redirect))
    write(src, "chats-6.md", CHATS.format(n=6, tool="ChatSaver Recovery"))
    res = build(src, tmp_path / "out", Options(jobs=1))
    assert [s["promotional"] for e in res.doc["entries"] for s in e["steps"]
            if e["sources"][0]["path"] == "chats-6.md"] == [False, True]
    (src / "chats-5.md").unlink()  # four pages link it: not learnt, the sixth page's fix is no pitch
    fewer = build(src, tmp_path / "out", Options(jobs=1), allow_shrink=True)
    assert [s["promotional"] for e in fewer.doc["entries"] for s in e["steps"]
            if e["sources"][0]["path"] == "chats-6.md"] == [False, False]
    build(src, tmp_path / "plain", Options(jobs=1), use_cache=False)
    assert (tmp_path / "out" / "kb.json").read_bytes() == (tmp_path / "plain" / "kb.json").read_bytes()


# A vendor's product box: the name's link (to a redirect whose address spells the product's kind, not its
# name), its tagline after a dash, a platform's button to the same page, the features, then download buttons
# to a shop's cart.
BOX = ("[{name} - Best Phone Data Manager](https://tools.techidaily.com/acmesoft/phone-transfer/) [For Mac]"
       "(https://tools.techidaily.com/acmesoft/phone-transfer/)\n\n"
       "* Move photos, music and contacts between phones and computers.\n"
       "* Back up your messages in one click.\n\n"
       "[Free Download](https://secure.2checkout.com/order/cart.php?PRODS=1&QTY=1&AFFILIATE=2) "
       "[Free Download](https://secure.2checkout.com/order/cart.php?PRODS=2&QTY=1&AFFILIATE=2)\n")


def test_a_name_heading_a_product_box_is_sold_whatever_its_address_spells(rules):
    """"[FoneTrans - Intelligent iOS Data Transfer](…/aiseesoft/ios-transfer/)", its features, then "[Free
    Download](…2checkout.com/order/cart.php?…)": the address spells the product's kind, not its name, and no
    sell word is said, so the tool, sold so in 127 distinct bodies of the variety corpus, was never learnt.
    A name whose link a download or trial button to a checkout's page follows (rules [promotional] box_buttons,
    within products.BOX_REACH characters, no heading between) heads a product's box: it is sold, by its name
    without the tagline. The platform's button beside it ("For Mac", to the same page) and the buttons
    themselves are no names; nor is a name with no button after it, or one a heading parts from its button."""
    products = Products(rules)
    assert products.linked(BOX.format(name="PhoneMover")) == {"PhoneMover"}
    assert products.linked("Get it from [PhoneMover](https://tools.techidaily.com/acmesoft/phone-transfer/).\n\n"
                           + BOX.format(name="PhoneMover")) == {"PhoneMover"}
    no_button = BOX.format(name="PhoneMover").rsplit("\n\n", 1)[0]
    assert products.linked(no_button) == set()
    parted = BOX.format(name="PhoneMover").replace("* Back up", "## Part 2. Back up your phone\n\n* Back up")
    assert products.linked(parted) == set()
    far = BOX.format(name="PhoneMover").replace("* Back up", "* Back up your messages. " * 30 + "\n* Back up")
    assert products.linked(far) == set()
    # a sentence's words or a lower-case word are no name, whatever box they head
    assert products.linked(BOX.format(name="move your photos")) == set()


def test_a_box_named_by_an_edition_word_or_for_a_platform_sells_its_tool(rules):
    """"[Free Video Converter](…/aiseesoft/video-converter-ultimate/)" over "[Free Download](…/order/cart.php?…)"
    (18 variety files; kb-a4958d774d6f: "Here we recommend you Free Video Converter … Just download and try it!")
    and "[FoneLab for Android](…)" (23 files) head a product's box as "PhoneMover" does, but were no names: the
    text writes "free" in lower case, and "for" is no capitalised word. A name opened by an edition's word (rules
    [promotional] editions) is one unless the text writes it whole in lower case; "for" may join a name's words.
    A box's button ("Free Download") is still none, nor a name the text writes as a description."""
    products = Products(rules)
    box = BOX.replace(" - Best Phone Data Manager", "")  # (as the corpus writes them: no tagline)
    text = "This converting program is totally free. Just download and try it!\n\n"
    assert products.linked(text + box.format(name="Free Video Converter")) == {"Free Video Converter"}
    assert products.linked(text + box.format(name="PhoneMover for Android")) == {"PhoneMover for Android"}
    described = "Any free video converter will do.\n\n" + box.format(name="Free Video Converter")
    assert products.linked(described) == set()
    assert products.linked(text + box.format(name="Free Download Now")) == set()
    assert products.linked("Made for your phone.\n\n" + box.format(name="For Mac")) == set()
    # a button's or a platform's word before "for" is no brand's (review40 MED): none of these is a tool sold
    for button in ("Pro for Mac", "Available for Mac", "Support for Windows 11", "Trial for Windows"):
        assert products.linked(text + box.format(name=button)) == set(), button


DEAL_BOX = ("[{name}](https://www.anrdoezrs.net/click-100-200?url=https%3A%2F%2Fwww.dell.com%2Fen-us%2Fshop%2Fxps)\n\n"
            "Was $999, now $799 for the 16 GB model.\n\n"
            "[Buy Now](https://www.dell.com/en-us/shop/cty/pdp/spd/xps-13-laptop)\n")
APP_BOX = ("The [{name}](https://www.anrdoezrs.net/click-1-2) app can diagnose the printer for you.\n\n"
           "[Download Now](https://apps.microsoft.com/store/detail/hp-smart/9WZDNCRFHWLH)\n")


def test_a_deals_box_or_a_free_apps_box_sells_no_tool(rules):
    """A box is a software product's only where its button downloads or tries the tool through a checkout
    (rules [promotional] box_buttons; "[Free Download](…/order/cart.php?…)"): a deal's laptop under its
    "[Buy Now](…dell.com/…/shop/…)" or the maker's free app under "[Download Now](…/store/detail/…)" is
    no tool sold, else a fix naming the laptop ("On a Dell XPS 13, press Fn + F10") or the app ("Use the HP
    Smart app") on a troubleshooting page would be flagged as a pitch once the deals taught the name."""
    products = Products(rules)
    assert products.linked(DEAL_BOX.format(name="Dell XPS 13")) == set()
    assert products.linked(APP_BOX.format(name="HP Smart")) == set()
    assert products.linked(BOX.format(name="PhoneMover")) == {"PhoneMover"}  # (the software box still sells)


BACKLIGHT = """---
title: "Laptop Keyboard Backlight Not Working? Here's the Fix"
date: 2024-05-01
---

The keyboard backlight of your laptop stays dark. Here is how to turn it back on.

## Fix 1: Press the backlight key

On a Dell XPS 13, press **Fn + F10** to cycle the backlight's brightness.

## Fix 2: Turn the backlight on in the BIOS

Restart the laptop, press **F2** at the logo and set **Keyboard Illumination** to **Bright**.
"""


def test_a_laptop_many_deals_box_stays_a_fixs_device(rules, tmp_path):
    """Six deal posts box the Dell XPS 13 under a "[Buy Now]" to Dell's shop: the laptop is not learnt as a
    product, so the backlight fix that names it stays a fix with its instructions (review38 HIGH)."""
    src = tmp_path / "in"
    for i in range(1, 7):
        write(src, f"deal-{i}.md", f'---\ntitle: "Laptop deal number {i} of the week"\ndate: 2024-04-0{i}\n---\n\n'
              f"Deal {i}: this week's laptop price drop, {i * 7} hours only.\n\n" + DEAL_BOX.format(name="Dell XPS 13"))
    write(src, "backlight.md", BACKLIGHT)
    res = build(src, tmp_path / "out", Options(jobs=1), use_cache=False)
    fix = next(e for e in res.doc["entries"] if e["sources"][0]["path"] == "backlight.md")
    assert [s["promotional"] for s in fix["steps"]] == [False, False]


TRANSFER = """---
title: "Photos not syncing to phone {n}"
date: 2024-04-0{n}
---

Photos stopped syncing to phone number {n}. Here is how to fix it.

## Fix 1: Turn photo sync back on

Open **Settings** > **Photos** and turn on **Sync this phone**.

## Fix 2: Use another transfer

You can move the photos with PhoneMover instead.

Step 1 Launch PhoneMover and connect the phone with its cable.

Step 2 Click **Photos**, tick the pictures and click **Export to Device**.
"""


MUSIC = """---
title: "Songs missing after a tablet update"
date: 2024-05-01
---

After the update the tablet's music library is empty, though the files are still there.

## Fix 1: Rebuild the music library

Open **Settings** > **Apps** > **Music**, tap **Storage** and then **Clear cache**.

## Fix 2: Copy the songs again

You can copy the songs back with PhoneMover.

Step 1 Launch PhoneMover and connect the tablet to the computer.

Step 2 Click **Music**, tick the songs and click **Export to Device**.
"""


def test_a_tool_many_pages_box_is_learnt_and_its_step_is_a_pitch(rules, tmp_path):
    """Boxed in five articles, the tool is learnt: another article's step that only gives its procedure
    ("You can copy the songs back with PhoneMover. Step 1 Launch PhoneMover ...") is its pitch, where the
    manual fix beside it stays one (was a fix: the tool was never learnt)."""
    src = tmp_path / "in"
    for i in range(1, 6):
        write(src, f"photos-{i}.md", TRANSFER.format(n=i) + "\n" + BOX.format(name="PhoneMover"))
    write(src, "music.md", MUSIC)  # names the tool, boxes it not
    res = build(src, tmp_path / "out", Options(jobs=1))
    assert {e["sources"][0]["path"]: [s["promotional"] for s in e["steps"]] for e in res.doc["entries"]} == {
        "photos-1.md": [False, True], "music.md": [False, True]}
    build(src, tmp_path / "out", Options(jobs=1))
    build(src, tmp_path / "plain", Options(jobs=1), use_cache=False)
    assert (tmp_path / "out" / "kb.json").read_bytes() == (tmp_path / "plain" / "kb.json").read_bytes()


def test_a_link_to_a_checkout_sells_the_name_its_sentence_writes_and_its_address_spells(rules):
    """A page whose links go to one checkout again and again (a vendor's blog copied, every link rewritten:
    "[Force uninstall](…/order/checkout.php…)", "[Download now](…)") sells the name a link's sentence or heading
    writes when the checkout's address spells it, from a word's start ("store.revouninstaller.com": Revo
    Uninstaller, not the "sRevo Uninstaller" of a scrape's "asRevo"). Not a lone link to a checkout ("[renew it
    here]" on a lapsed subscription: the product the page fixes), nor a shop's page (a free app's store page),
    nor a name the address does not spell."""
    products = Products(rules)
    shop = "https://store.acmecleaner.example/order/checkout.php?PRODS=2&AFFILIATE=1"
    rewritten = f"## [How to clear your cache]({shop})\n\nRegularly [clean your junk files]({shop}) .\n\n"
    raw = (f"Acme Cleaner Pro has a dedicated tool – named[Browsers Cleaner]({shop}) – for browser data.\n\n"
           f"1. Use Acme Cleaner Pro[Force uninstall]({shop}). Use it for stubborn programs.\n")
    assert products.linked(raw) == set()  # (two links: not yet a page rewritten to the shop)
    assert products.linked(rewritten + raw) == {"Acme Cleaner"}
    assert products.linked(rewritten + f"Products such asAcme Cleaner Pro give you [a hand]({shop}).\n") == {"Acme Cleaner"}
    assert products.linked(rewritten) == set()
    assert products.linked("If your Microsoft 365 subscription lapsed, Outlook opens read-only; [renew it here]("
                           "https://checkout.microsoft365.com/acquire/purchase?offer=1).\n") == set()
    assert products.linked("Install Acme Cleaner Pro from [the store](https://apps.example.com/store/detail/acme-"
                           "cleaner/).\n" * 3) == set()
    assert products.linked("Try Photo Fixer Pro now. [Download now](https://secure.2checkout.com/order/checkout.php"
                           "?PRODS=2)\n" * 3) == set()
