"""The promotion audit (eval/promo_audit.py) finds, on a tiny hand-made KB, the fixes hidden as
promotional and the pitches served as fixes, and nothing in the steps that are right."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("promo_audit", ROOT / "eval" / "promo_audit.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)

PITCH = ("If you don't have the time or patience, you can do it automatically with **Driver Easy**.\n\n"
         "You can update your drivers with either the FREE or the **Pro version** of Driver Easy.\n\n"
         "1) **Download** and install Driver Easy.\n\n"
         "2) Run Driver Easy and click the **Scan Now** button.\n\n"
         "3) Click **Update All** (this requires the **Pro version**).\n\n"
         "4) Restart your computer and check if the screen still flickers.")
MANUAL_THEN_PITCH = ("There are two ways to update the driver.\n\n"
                     "**Option 1 – Manually**: go to the manufacturer's website and download the latest driver "
                     "for your card.\n\nOR\n\n**Option 2 – Automatically**: " + PITCH)
PASSING_MENTION = ("Step 1\n\nRun Driver Easy to make sure the graphics drivers are up to date.\n\n"
                   "Step 2\n\nRight-click the desktop, choose **Display settings** and set the recommended "
                   "resolution.\n\nStep 3\n\nUnplug the monitor cable at both ends and straighten any bent pins.")
SOLD_ONLY_HERE = ("Your disk is full of junk. **QuickFixer** cleans it in one click.\n\n"
                  "Download QuickFixer and start the free trial; the full version costs $29.")


def step(title, text, promotional):
    return {"title": title, "text": text, "instructions": [], "promotional": promotional}


def entry(eid, steps, title="Monitor flickering on Windows 10", sections=()):
    return {"id": eid, "title": title, "alternate_titles": [], "summary": "The screen flickers.",
            "sections": [{"heading": h, "level": 2, "text": t} for h, t in sections], "steps": steps}


def kb():
    return {"entries": [
        entry("kb-1", [step("Update your graphics driver", PITCH, True),  # a pitch, flagged: right
                       step("Update the driver", MANUAL_THEN_PITCH, False),  # manual way + pitch: right
                       step("Check the monitor", PASSING_MENTION, True),  # (a)
                       step("Update your display driver", PITCH, False)]),  # (b)
        entry("kb-2", [step("Restart your router", "Unplug your router for 30 seconds, then plug it back in.", False),
                       step("Clean your disk", SOLD_ONLY_HERE, False)],  # (b): a name this article sells
              title="Slow PC", sections=[("Clean your disk", SOLD_ONLY_HERE)]),
    ]}


def test_finds_hidden_manual_fixes_and_unflagged_pitches():
    found = audit.Audit(kb()["entries"]).audit(kb())
    assert [(eid, i, kind) for eid, i, kind, _, _ in found] == [
        ("kb-1", 2, "a"), ("kb-1", 3, "b"), ("kb-2", 1, "b")]
    why = {(eid, i): w for eid, i, _, _, w in found}
    assert why[("kb-1", 2)] == "Right-click"  # (the procedure after the passing mention)
    assert why[("kb-2", 1)].startswith("names QuickFixer")


def test_the_subject_of_an_article_is_not_its_pitch():
    # An app the article is about ("How to set up QuickFixer") is not sold by it, even with prices.
    doc = kb()
    doc["entries"][1]["sections"].append({"heading": "How to set up QuickFixer", "level": 2, "text": "Open it."})
    found = audit.Audit(doc["entries"]).audit(doc)
    assert ("kb-2", 1) not in {(eid, i) for eid, i, *_ in found}


def test_a_vendor_link_or_a_command_is_a_manual_way_a_check_is_not():
    hosts = {"drivereasy"}
    assert audit._manual_block("Go to [AMD's support page](https://www.amd.com/en/support).", hosts)
    assert audit._manual_block("By executing the \u201csfc /scannow\u201d command, it repairs files.", hosts)
    assert audit._manual_block("Press **Win + R** and type devmgmt.msc.", hosts)
    assert audit._manual_block("You can do this in Windows Device Manager, but it may fail.", hosts)
    assert not audit._manual_block("Restart and check if the NVIDIA Control Panel opens.", hosts)
    assert not audit._manual_block("There may be something wrong with your network settings.", hosts)
    assert not audit._manual_block("Get it at [Driver Easy](https://www.drivereasy.com/buy).", hosts)
    # a command in brackets names a tool in passing; quoted, it is run ("usually “setup.exe”")
    assert not audit._manual_block("Normally you can use the system checker (sfc /scannow). However, it fails.", hosts)
    assert audit._manual_block("Run the setup application (usually \u201csetup.exe\u201d) to install it.", hosts)
    # "Windows and macOS" is no shortcut; "the Windows logo key and R" is one
    assert not audit._manual_block("It runs on both Windows and macOS.", hosts)
    assert audit._manual_block("Press the Windows logo key and R at the same time.", hosts)


def test_a_manual_first_clause_is_a_manual_way_only_with_one_a_manual_label_is_one():
    pointer = PITCH + "\n\nIf you are not sure how to update your drivers manually, please refer to this post."
    lead = ("Manual driver update – you need to find the right driver online, download it and install it.\n\n"
            "Automatic driver update – if you don't have the time, " + PITCH)
    doc = {"entries": [entry("kb-4", [step("Update the driver", PITCH, True), step("Update it", pointer, True),
                                      step("Update it again", lead, False)])]}
    assert audit.Audit(doc["entries"]).audit(doc) == []
    # a manual label whose passage has one of the tool's buttons in bold ("**Download**": bold in the
    # pitches of 3+ entries) is still one
    button = ("**Manually –** go to the official [download page](https://www.microsoft.com/en-us/download/details.aspx?"
              "id=1) and select **Download**.\n\n**Automatically –** " + PITCH)
    doc = {"entries": [entry(f"kb-{k}", [step("Update the driver", PITCH, True)]) for k in range(4)]}
    doc["entries"].append(entry("kb-9", [step("Update the GPU driver", button, False)]))
    assert audit.Audit(doc["entries"]).audit(doc) == []


def test_counts_per_build_and_list(tmp_path, capsys):
    import json
    path = tmp_path / "kb.json"
    path.write_text(json.dumps(kb()), encoding="utf-8")
    assert audit.main([str(path), "--list"]) == 0
    out = capsys.readouterr().out
    assert "(a) 1 promotional steps with a manual way (hidden fix) in 1 entries" in out
    assert "(b) 2 unflagged pitch steps in 2 entries" in out
    assert "  a\tkb-1\t2\tCheck the monitor\t[Right-click]" in out


def test_a_name_the_sources_link_to_a_shop_is_a_product_with_input(tmp_path):
    # The cleaned text no longer links it: "iPhone Data Recovery" sells only in the source file's links.
    text = ("You need a recovery tool, iPhone Data Recovery.\n\nStep 1 Download and install iPhone Data Recovery "
            "on your computer.\n\nStep 2 Click **Start Scan** and select the chats to recover.")
    doc = {"entries": [entry("kb-3", [step("Recover your chats directly", text, False)], title="Lost WhatsApp chats")]}
    doc["entries"][0]["sources"] = [{"path": "site/chats.md"}]
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "chats.md").write_text(
        "You need a recovery tool, [iPhone Data Recovery](https://tools.techidaily.com/aiseesoft-iphone-data-recovery/)."
        "\n", encoding="utf-8")
    assert audit.Audit(doc["entries"]).audit(doc) == []
    found = audit.Audit(doc["entries"], [str(tmp_path / "nowhere"), str(tmp_path)]).audit(doc)
    assert [(eid, i, kind) for eid, i, kind, _, _ in found] == [("kb-3", 0, "b")]


def test_what_only_names_a_way_or_acts_in_the_tool_is_no_manual_way():
    """Read on main's 12ef7b7 builds: each (a) candidate was an audit false positive (gold: promotional)."""
    hosts = {"drivereasy"}
    # a precondition of the steps below; a shell without what to type in it; a link to click for a disclosure
    assert not audit._manual_block("If you can't log in, boot into **Safe Mode with network**, then follow the "
                                   "instructions below.", hosts)
    assert not audit._manual_block("You can repair the system files by running the Command Prompt. But it takes "
                                   "time.", hosts)
    assert audit._manual_block("Open Command Prompt and type `sfc /scannow`.", hosts)
    assert not audit._manual_block("_Preferred partner (_ [_what does this mean?_](https://news.example.com/funding) _)_",
                                   hosts)
    assert audit._manual_block("Contact your carrier ([Verizon](https://www.verizon.com/contact)).", hosts)
    # the tool's procedure numbered on after the step that installs it acts in the tool
    tool = ("What you need is FoneSaver.\n\n1 Free download, install and run this software on your computer. Choose "
            "Recover from iCloud.\n\n2 Pick one backup, and click Download > Select App Audio.\n\n3 Select the files "
            "and click Recover.")
    # a procedure's numbered step that acts before it pitches is a manual way ("5) Now install the setup ...")
    acts = ("5) Now install the setup as you install other setup files. After the installation, restart your "
            "computer. If you don't have the time, you can do it automatically with **Driver Easy**. You can update "
            "your drivers with either the FREE or the Pro version of Driver Easy.")
    doc = {"entries": [entry("kb-5", [step("Recover music from iCloud", tool, True),
                                      step("Now install the setup", acts, False)])]}
    assert audit.Audit(doc["entries"]).audit(doc) == []
    flipped = {"entries": [entry("kb-5", [step("Recover music from iCloud", tool, False),
                                          step("Now install the setup", acts, True)])]}
    assert [(i, kind) for _, i, kind, _, _ in audit.Audit(flipped["entries"]).audit(flipped)] == [(0, "b"), (1, "a")]


def test_a_way_in_an_apps_screens_counts_outside_a_pitch_not_in_the_tool_a_fix_is_named_for():
    # ("Navigate to the Sticker Store ..." is the fix; the tool named after it is its pitch)
    stickers = "Navigate to the **Sticker Store** and tap the basket icon to add them.\n\n" + SOLD_ONLY_HERE
    # (the tool the fix is named for, its subject: its own screens are no way without it)
    tool = "1. Open QuickFixer.\n2. Navigate to **Tools**.\n3. Click **Clean** and wait."
    doc = {"entries": [entry("kb-6", [step("Download more stickers", stickers, False)], title="Stickers",
                             sections=[("Download more stickers", stickers)]),
                       entry("kb-7", [step("Clean junk with QuickFixer", tool, True)], title="Slow PC",
                             sections=[("Clean junk with QuickFixer", SOLD_ONLY_HERE + "\n\n" + tool)])]}
    assert audit.Audit(doc["entries"]).audit(doc) == []
