"""Sections, steps and causes read from cleaned markdown."""
import json

import jsonschema
import pytest

from pipeline.clean import Cleaner
from pipeline.rules import Rules
from pipeline.structure import Structurer
from pipeline.write import schema_text

from .timing import grows_linearly


@pytest.fixture(scope="module")
def st(rules):
    return Structurer(rules)


def steps(st, body, title="How to fix it"):
    return [s.title for s in st.structure(body, title).steps]


SEED_FIXES = [
    "Do You Both Have Internet Access?", "Do You Have iMessage Turned On?", "Send as SMS Instead of iMessage",
    "Try a Force Restart", "Is iOS Up to Date?", "Apple ID: Sign Out and Back In",
    "Should You Delete Previous Messages?", "Swap Your SIM Card", "Reset All Settings",
]


def test_seeds_give_one_entry_with_the_nine_fixes_in_order(seeds_kb):
    (entry,) = seeds_kb["entries"]
    assert [s["title"] for s in entry["steps"]] == SEED_FIXES
    assert [s["order"] for s in entry["steps"]] == list(range(1, 10))
    paths = {s["title"]: s["ui_paths"] for s in entry["steps"]}
    assert paths["Do You Both Have Internet Access?"] == [["Settings", "Wi-Fi"], ["Settings", "Cellular"]]
    assert paths["Do You Have iMessage Turned On?"] == [["Settings", "Messages"]]
    assert paths["Is iOS Up to Date?"] == [["Settings", "General", "Software Update"]]
    assert paths["Reset All Settings"] == [["Settings", "General", "Reset", "Reset All Settings"]]
    assert [c["text"] for c in entry["causes"]] == [
        "turned their phone off", "activated Airplane Mode", "set to Do Not Disturb"]
    assert entry["summary"].startswith("Despite them being more reliable than SMS")
    kinds = {s["heading"]: s["kind"] for s in entry["sections"]}
    assert kinds["Common Reasons iMessage Won't Deliver"] == "cause"
    assert kinds['What Does "Delivered" Mean on iMessage?'] == "explanation"
    assert kinds["Try a Force Restart"] == "fix"
    # the title heading repeated in the body is not a section
    assert not any(s["heading"].startswith("Solving the Issue") for s in entry["sections"])


def test_seed_kb_validates_against_the_schema(seeds_kb):
    jsonschema.validate(seeds_kb, json.loads(schema_text()))


def test_schema_rejects_a_broken_document(seeds_kb):
    broken = json.loads(json.dumps(seeds_kb))
    del broken["entries"][0]["steps"][0]["title"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(schema_text()))


@pytest.mark.parametrize("heading,title", [
    ("## Fix 1: Restart the Print Spooler", "Restart the Print Spooler"),
    ("## Method 2: Update your driver", "Update your driver"),
    ("## Option 3 – Reinstall the app", "Reinstall the app"),
    ("## Option 3: Reinstall the app", "Reinstall the app"),
    ("### Solution 4: Run the troubleshooter", "Run the troubleshooter"),
    ("### Step 5: Reset the network", "Reset the network"),
    ("## Way 6: Clear the cache", "Clear the cache"),
    ("## 7. Check the cable", "Check the cable"),
    ("## 7) Check the cable", "Check the cable"),
    ("## **Fix 8:** Disable fast startup", "Disable fast startup"),
    ("**Option 9**", "Option 9"),
    ("**Fix 10: Roll back the driver**", "Roll back the driver"),
    ("### Top Method 3: Plug the monitor into the graphics card", "Plug the monitor into the graphics card"),
    ("## Step 1, make sure your speakers are not the problem", "make sure your speakers are not the problem"),
    ("## Way 2, the Control Panel", "the Control Panel"),
])
def test_each_numbered_heading_shape_is_a_step(st, heading, title):
    other = heading.replace("9", "1").replace("10", "11")
    body = f"Intro.\n\n{heading}\n\nDo this first.\n\n## Fix 12: Another fix\n\nThen this.\n"
    assert steps(st, body)[0] == title, other


def test_cleaned_escaped_number_heading_is_a_step(rules, st):
    body = Cleaner(rules).clean("## 1\\. Restart the router\n\nUnplug it.\n\n## 2\\. Update firmware\n\nGo.\n").text
    assert steps(st, body) == ["Restart the router", "Update firmware"]


def test_imperative_headings_under_a_troubleshooting_section(st):
    body = ("Intro.\n\n## How to fix the iPhone no SIM error\n\n### Try a Force Restart\n\nHold the buttons.\n\n"
            "### Swap Your SIM Card\n\nTake it out.\n\n## Why does this happen?\n\nBecause.\n")
    assert steps(st, body) == ["Try a Force Restart", "Swap Your SIM Card"]


def test_sequence_word_headings_are_imperative_steps(st):
    """A real shape in the sample: "Firstly, uninstall ...", "Then, update ...", "Last, ..."."""
    body = ("Intro.\n\n## Troubleshooting Guide: Fixing HP Monitor Flicker\n\nThree steps.\n\n"
            "## Here's how\n\nRead on.\n\n"
            "### Firstly, uninstall HP My Display on your computer\n\nOpen Programs.\n\n"
            "### Then, update your graphics card driver\n\nUse the vendor site.\n\n"
            "### Last, download the latest version of HP My Display\n\nInstall it.\n")
    assert steps(st, body) == ["Firstly, uninstall HP My Display on your computer",
                               "Then, update your graphics card driver",
                               "Last, download the latest version of HP My Display"]


def test_question_checks_are_steps_and_causes_are_not(st):
    body = ("Intro.\n\n## Common reasons your printer is offline\n\n- The cable is loose\n- The spooler stopped\n\n"
            "## Troubleshooting\n\n### Is the Printer Turned On?\n\nCheck the light.\n\n"
            "### Do You Have the Latest Driver?\n\nSee below.\n")
    s = st.structure(body, "Printer offline")
    assert [x.title for x in s.steps] == ["Is the Printer Turned On?", "Do You Have the Latest Driver?"]
    assert s.causes == [{"text": "The cable is loose"}, {"text": "The spooler stopped"}]


def test_why_headings_list_causes_but_their_bold_words_are_not_causes(st):
    fix = "\n\n## Fix 1: Restart your PC\n\nRestart it.\n\n## Fix 2: Update your driver\n\nUpdate it.\n"
    listed = ("Intro.\n\n## Why is my Zoom internet connection unstable?\n\nMany factors relate to this issue:\n\n"
              "* **Weak WIFI connection** far from the router;\n* **Bandwidth-hogging programs**\n" + fix)
    s = st.structure(listed, "Zoom unstable")
    assert s.sections[1].kind == "cause" and [x.title for x in s.steps] == ["Restart your PC", "Update your driver"]
    assert s.causes == [{"text": "Weak WIFI connection far from the router"}, {"text": "Bandwidth-hogging programs"}]
    # bold words under a "why" heading name the symptom; under "reasons" they are the causes
    symptom = "Intro.\n\n## Why is my monitor blurry?\n\nYou may see **blurry text** and **blurry fonts**.\n" + fix
    assert st.structure(symptom, "Blurry monitor").causes == []
    reasons = symptom.replace("Why is my monitor blurry?", "Common reasons your monitor is blurry")
    assert st.structure(reasons, "Blurry monitor").causes == [{"text": "blurry text"}, {"text": "blurry fonts"}]
    # fixes listed or nested under a cause heading are not causes
    nested = "Intro.\n\n## Why does this error happen?\n\n* Fix 1: Restart your PC\n* Fix 2: Update your driver\n" + \
        fix.replace("## Fix", "### Fix")
    s = st.structure(nested, "Error")
    assert s.causes == [] and [x.title for x in s.steps] == ["Restart your PC", "Update your driver"]


def test_bold_pseudo_headings_on_their_own_line(st):
    body = "Intro.\n\n**Option 1: Use Device Manager**\n\nOpen it.\n\n**Option 2: Use Windows Update**\n\nRun it.\n"
    assert steps(st, body) == ["Use Device Manager", "Use Windows Update"]


def test_explanation_sections_are_not_steps(st):
    body = "## What is error 0x80070005?\n\nIt means access denied.\n\n## Fix 1: Run as admin\n\nDo it.\n"
    assert steps(st, body) == ["Run as admin"]


def test_step_fields_instructions_paths_shortcuts_commands_images_links(st):
    body = ("## Fix 1: Reset Winsock\n\n"
            "1. Press **Win + R**, type **cmd** and press **Ctrl + Shift + Enter**.\n"
            "2. Type `netsh winsock reset` and press Enter.\n"
            "3. Go to **Settings > Network & Internet > Status** and click **Network reset**.\n"
            "4. Restart with `shutdown /r /t 0`.\n\n"
            "![Command Prompt](https://example.com/cmd.png)\n\n"
            "See [Microsoft's guide](https://support.microsoft.com/winsock) for more.\n")
    (step,) = st.structure(body, "Reset Winsock").steps
    assert step.instructions == [
        "Press Win + R, type cmd and press Ctrl + Shift + Enter.",
        "Type netsh winsock reset and press Enter.",
        "Go to Settings > Network & Internet > Status and click Network reset.",
        "Restart with shutdown /r /t 0.",
    ]
    assert step.ui_paths == [["Settings", "Network & Internet", "Status"]]
    assert step.shortcuts == ["Win + R", "Ctrl + Shift + Enter"]
    assert step.commands == ["netsh winsock reset", "shutdown /r /t 0", "cmd"]
    assert step.images == [{"url": "https://example.com/cmd.png", "alt": "Command Prompt"}]
    assert step.links == [{"url": "https://support.microsoft.com/winsock", "text": "Microsoft's guide"}]


def test_instructions_split_by_an_ad_stay_one_list(rules, st):
    raw = ("## Fix 1: Reset all settings\n\n1. Open **Settings**.\n2. Tap **General**.\n"
           "<!-- affiliate ads begin -->\n<a href=\"https://a.pxf.io/c/1\"><img src=\"https://a/b.png\"></a>\n"
           "<!-- affiliate ads end -->\n3. Tap **Reset**.\n4. Tap **Reset All Settings**.\n")
    (step,) = st.structure(Cleaner(rules).clean(raw).text, "Reset").steps
    assert step.instructions == ["Open Settings.", "Tap General.", "Tap Reset.", "Tap Reset All Settings."]


def test_promotional_section_is_flagged_not_removed(st):
    body = ("## Fix 1: Restart\n\nRestart it.\n\n## Fix 2: Update drivers automatically with Driver Easy\n\n"
            "Driver Easy will automatically recognize your system. With the Pro version it takes just 2 clicks, "
            "and you get a 30-day money back guarantee.\n")
    s = st.structure(body, "Driver problem")
    assert [x.kind for x in s.sections[1:]] == ["fix", "promotional"]
    assert [x.promotional for x in s.steps] == [False, True]
    assert "money back guarantee" in s.steps[1].text


def test_faq_and_conclusion_kinds(st):
    body = "Intro.\n\n## Fix 1: Restart\n\nGo.\n\n## FAQs\n\nQ.\n\n## Conclusion\n\nDone.\n"
    s = st.structure(body, "T")
    assert [x.kind for x in s.sections] == ["intro", "fix", "faq", "conclusion"]


def test_paragraphs_led_by_a_bold_number_are_steps(st):
    body = ("If your laptop screen keeps flickering, try the steps below.\n\n"
            "**1.** The problem may be caused by the outdated driver. Try to update the graphics driver.\n\n"
            "Use **Driver Easy** if you are a novice.\n\n"
            "**2.** Change the refresh rate to match your monitor.\n\nRight-click the desktop.\n\n"
            "**Step 3: Reset Printer** Turn it off and on.\n")
    s = st.structure(body, "Flickering laptop screen")
    assert [x.title for x in s.steps] == [
        "The problem may be caused by the outdated driver.", "Change the refresh rate to match your monitor.",
        "Reset Printer"]
    assert "Driver Easy" in s.steps[0].text
    # a single bold-numbered paragraph is emphasis, not steps
    assert st.structure("**1.** Only one point here.\n\nText.\n", "T").steps == []


def test_table_of_contents_lines_are_not_steps(st):
    """Real shapes from the sample: bold in-page links, bare bold fix names and a list glued
    into one bold line, each listing the fixes before the article gives them."""
    links = ("You may see **Printer not responding**. Try the methods below.\n\n"
             "[**1) Basic troubleshooting**](#a)\n\n[**2) Run printer troubleshooter**](#b)\n\n"
             "**[3) Check printer driver](#c)**\n\n"
             "## 1) Basic troubleshooting\n\nCheck the cable.\n\n"
             "## 2) Run printer troubleshooter\n\nPress **Win** and type troubleshoot.\n\n"
             "## 3) Check printer driver\n\nUpdate it.\n")
    s = st.structure(links, "Printer not responding")
    assert [(x.title, x.text) for x in s.steps] == [
        ("Basic troubleshooting", "Check the cable."),
        ("Run printer troubleshooter", "Press **Win** and type troubleshoot."),
        ("Check printer driver", "Update it.")]
    assert s.summary == "You may see **Printer not responding**. Try the methods below."
    bare = ("Intro.\n\n**Solution 1:Verify Direct3D is enabled**\n\n**Solution 2: Update your graphics driver**\n\n"
            "Direct3D is part of DirectX.\n\n"
            "### Solution 1: Verify Direct3D is enabled\n\nRun dxdiag.\n\n"
            "### Solution 2: Update your graphics driver\n\nGet it from the vendor.\n")
    s = st.structure(bare, "Direct3D not available")
    assert [(x.title, x.text) for x in s.steps] == [
        ("Verify Direct3D is enabled", "Run dxdiag."), ("Update your graphics driver", "Get it from the vendor.")]
    assert "Direct3D is part of DirectX." in s.sections[0].text
    glued = ("Intro.\n\n**Method 1:Re-install the adapter Method 2:Clean install the driver**\n\n"
             "## Method 1: Re-install the adapter\n\nUninstall it.\n\n"
             "## Method 2: Clean install the driver\n\nUse DDU.\n")
    assert steps(st, glued) == ["Re-install the adapter", "Clean install the driver"]
    # a list of the fixes given after them (here: one moved above the list) is one too
    moved = ("## Method 1: Re-install the adapter\n\nUninstall it.\n\n**Method 1: Re-install the adapter**\n\n"
             "**Method 2: Clean install the driver**\n\nIntro.\n\n## Method 2: Clean install the driver\n\nUse DDU.\n")
    assert steps(st, moved) == ["Re-install the adapter", "Clean install the driver"]
    # a bold fix name with nothing under it and no other heading naming it stays a step
    assert steps(st, "Intro.\n\n**Fix 1: Restart the router**\n\n**Fix 2: Reset the adapter**\n\nRun it.\n") == [
        "Restart the router", "Reset the adapter"]


def test_a_section_listing_the_fixes_given_later_is_not_a_step(st):
    """Driver Easy's shape (18 entries of the sample): "Try these fixes" and a list of the
    fixes as in-page links, worded a little apart from their headings, or as short lines."""
    toc = ("Intro.\n\n## Try these fixes\n\nYou might not have to try them all.\n\n"
           "1. **[Close unnecessary programs](#fix1)**\n2. **[Delete textures](#fix2)**\n"
           "3. **[Repair game files](#fix3)**\n4. **[Update your network driver](#fix4)**\n\n"
           "## Fix 1: Close unnecessary programs\n\n1. Press **Ctrl + Shift + Esc**.\n2. Click **End task**.\n\n"
           "## Fix 2: Delete the textures folder\n\nDelete it.\n\n"
           "## Fix 3: Repair system files\n\nRun `sfc /scannow`.\n\n"
           "## Fix 4: Update your network driver\n\nUpdate it.\n")
    s = st.structure(toc, "Roblox lag")
    assert [x.title for x in s.steps] == [
        "Close unnecessary programs", "Delete the textures folder", "Repair system files", "Update your network driver"]
    assert len(s.steps[0].instructions) == 2 and s.steps[0].shortcuts == ["Ctrl + Shift + Esc"]
    lines = ("## Try these fixes…\n\nYou don't have to try them all, just work your way down the list until one works.\n\n"
             "[1: Check your Internet connection](#fix1)\n\n[2: Install all the game updates](#fix2)\n\n"
             "## Fix 1: Check your Internet connection\n\nRestart the router.\n\n"
             "## Fix 2: Install all the game updates\n\nUpdate the game.\n")
    assert steps(st, lines) == ["Check your Internet connection", "Install all the game updates"]
    # fixes nested under the overview become the steps
    nested = ("## Try these fixes\n\n1. [Lower your game settings](#1)\n2. [Turn off game mode](#2)\n\n"
              "### 1. Lower your game settings\n\nSet them to Low.\n\n### 2. Turn off game mode\n\nTurn it off.\n")
    assert steps(st, nested) == ["Lower your game settings", "Turn off game mode"]


def test_a_list_linking_each_item_to_the_page_is_contents_however_worded(st):
    """A list whose every item links to an anchor of the page names the fixes after it, even
    worded far from their headings ("Remove the CMOS battery to reset BIOS" over "Reset BIOS
    by removing the CMOS battery") or with a stray `**` left by the scrape: it is no step, and
    the fixes nested under it are the steps (it swallowed both of them)."""
    body = ("Your graphics card shows error code 22.\n\n## Two fixes for graphics error code 22\n\n"
            "1. [**Use your keyboard to reach Device Manager**](#f1)\n"
            "2. **[Remove the CMOS battery to reset BIOS](#f2) **\n\n"
            "### Fix 1: Enable the card from Device Manager\n\n1. Restart your PC.\n2. Press **Windows** and **R**.\n"
            "3. Type **devmgmt.msc** and press **Enter**.\n\n"
            "### Fix 2: Reset BIOS by removing the CMOS battery\n\n1. Shut down your computer.\n"
            "2. Open the case and take the battery out.\n3. Put it back after two minutes.\n\n"
            "## Bonus tip\n\nAn outdated driver can also cause it.\n\n1. Download the driver from the vendor.\n"
            "2. Run the installer.\n3. Restart your PC.\n")
    s = st.structure(body, "Graphics error code 22")
    assert [x.title for x in s.steps] == [
        "Enable the card from Device Manager", "Reset BIOS by removing the CMOS battery", "Bonus tip"]
    assert len(s.steps[0].instructions) == 3


def test_a_numbered_count_of_sections_most_of_them_steps_is_all_steps(st):
    """`## 1  cd: ...` to `## 5  del: ...`: the numbers make them one list of alike items; when
    most of them read as steps, those whose words the rules do not read ("move: Move Files ...")
    are steps too."""
    items = [("cd", "Change Directories", "1. Open a terminal.\n2. Type `cd Documents`."),
             ("dir", "List Directory Contents", "The dir command lists a folder. To list one, type `dir`. Press Enter."),
             ("mkdir", "Create New Directories", "1. Open a terminal.\n2. Type `mkdir NewFolder`."),
             ("move", "Move Files to a New Location", "To move a file, use the move command. Type `move a.txt C:\\Backup`."),
             ("tree", "Display Directory Structure", "To draw the folders, use tree. Type `tree C:\\Users`.")]
    body = "Commands every user should know.\n\n" + "".join(
        f"## {n}  {c}: {t}\n\n{x}\n\n" for n, (c, t, x) in enumerate(items, 1))
    assert steps(st, body, "Five command line tools") == [f"{c}: {t}" for c, t, _ in items]


def test_a_numbered_count_adds_only_sections_that_act_and_ask_nothing(st):
    """A listicle's numbered products ("## 1  Adobe Acrobat Reader", a blurb and a price) beside two
    that give a procedure are not steps; nor a numbered question ("## 4  Is PDFgear safe?")."""
    proc = "1. Download the app.\n2. Open your PDF and click Edit.\n3. Save the file.\n\n"
    body = ("The best free PDF editors.\n\n## 1  Adobe Acrobat Reader\n\nThe standard reader, free with ads "
            "for the paid plan. Rated 4.5.\n\n## 2  PDFgear\n\nA free editor with AI.\n\n" + proc +
            "## 3  Sejda\n\nAn online editor.\n\n" + proc + "## 4  Is PDFgear safe?\n\nYes. Open it and "
            "click Settings. Turn off sharing.\n\n")
    assert steps(st, body, "Best free PDF editors") == ["PDFgear", "Sejda"]


def test_how_to_prevent_a_problem_gives_its_sections_as_fixes(st):
    """Under "How To Prevent ... Overheating?" each section is a way to try, also those whose
    verb the rules do not list ("Avoid ...", "Be Cautious ...") or whose action names a cause."""
    body = ("Phones get hot.\n\n## How To Prevent Your Phone from Overheating?\n\nHere is what helps.\n\n"
            "### Avoid Keeping The Phone in Hot Places\n\nDo not leave it on the dashboard.\n\n"
            "### Uninstall Apps Known To Cause Overheating\n\nOpen Settings and remove the app.\n\n"
            "### Be Cautious With New Software Updates\n\nWait a week before you update.\n\n"
            "### Keep The Screen at Moderate Brightness\n\nTurn on adaptive brightness.\n")
    assert steps(st, body, "Phone overheating") == [
        "Avoid Keeping The Phone in Hot Places", "Uninstall Apps Known To Cause Overheating",
        "Be Cautious With New Software Updates", "Keep The Screen at Moderate Brightness"]


def test_links_to_in_page_anchors_keep_only_their_text(st):
    body = ("Intro: see [**the fix below**](#fix1) or [the vendor](https://example.com/help).\n\n"
            "## Fix 1: Update the driver\n\nTwo ways:\n\n* **[Option 1 – Manually](#m)**: download it\n* **[Option 2](#a)**"
            " [](#a): let a tool do it\n\nThen restart, as in [Fix 1](#fix1 \"title\").\n")
    s = st.structure(body, "Driver")
    assert s.summary == "Intro: see **the fix below** or [the vendor](https://example.com/help)."
    assert s.steps[0].text == ("Two ways:\n\n* **Option 1 – Manually**: download it\n* **Option 2** : let a tool do it\n\n"
                               "Then restart, as in Fix 1.")
    assert [x.title for x in s.steps] == ["Update the driver"]
    # joining the text around a link never makes a tag or an entity
    # (the second ends a sentence: its plain text, "Intro >", would be a label, no summary)
    for md in ("Intro <[script](#a)>alert(1)\n", "Intro &[lt](#b);img onerror=x&gt; here.\n"):
        assert st.structure(md, "t").summary == md.strip()
    assert st.structure("Use [Repair & replace](#r) now\n", "t").summary == "Use Repair & replace now"


def test_a_step_says_its_numbered_paragraphs_once(st):
    # `**1)** Press ...` opens a sub-section headed "1. Press ..." (its text opens with the
    # same words): the step's text gives the paragraph, not the heading before it as well
    body = ("## Fix 1: Restart the Print Spooler\n\nTo reset it:\n\n**1)** Press **Win + R** at the same time.\n\n"
            "**2)** Type **services.msc** and press **Enter**.\n\n## Fix 2: Update the driver\n\nUpdate it.\n")
    s = st.structure(body, "Printer")
    assert [x.title for x in s.steps] == ["Restart the Print Spooler", "Update the driver"]
    assert s.steps[0].text == ("To reset it:\n\n**1)** Press **Win + R** at the same time.\n\n"
                               "**2)** Type **services.msc** and press **Enter**.")
    assert [x.heading for x in s.sections][2:4] == ["1. Press Win + R at the same time.", "2. Type services.msc and press Enter."]


def test_a_table_of_contents_gives_no_text(st):
    # Driver Easy's list of the fixes as in-page links: the steps and the sentence before
    # the list stay, the list goes from the section's text (and its label, when it has one)
    toc = ("Intro.\n\n## Try these fixes\n\nYou might not have to try them all.\n\n"
           "1. **[Close unnecessary programs](#fix1)**\n2. **[Update your network driver](#fix2)**\n\n"
           "## Fix 1: Close unnecessary programs\n\nClose them.\n\n## Fix 2: Update your network driver\n\n"
           "It depends on your system:\n\n1. [On Windows 10](#w10)\n2. [On Windows 7](#w7)\n\n"
           "### On Windows 10\n\nOpen Settings.\n\n### On Windows 7\n\nOpen Control Panel.\n")
    s = st.structure(toc, "Roblox lag")
    assert [x.title for x in s.steps] == ["Close unnecessary programs", "Update your network driver"]
    assert [x.text for x in s.sections][:2] == ["Intro.", "You might not have to try them all."]
    # ... and so does such a list whose links an affiliate hijacked (the cleaner unlinked them)
    plain = toc.replace("**[Close unnecessary programs](#fix1)**", "**Close unnecessary programs**").replace(
        "**[Update your network driver](#fix2)**", "**Update your network driver**")
    assert [x.text for x in st.structure(plain, "Roblox lag").sections][:2] == ["Intro.", "You might not have to try them all."]
    assert s.steps[1].text.startswith("It depends on your system:\n\n### On Windows 10") and s.steps[1].instructions == []
    # a review's contents, its links resolved against the site's root by the scrape
    review = ("## Dying Light\n\nin this article\n\nExpand\n\n* [Setup Process](https://www.lifewire.com/#toc-setup)\n"
              "* [Plot](https://www.lifewire.com/#toc-plot)\n\n## Setup Process\n\nIt installs fast.\n\n"
              "## Plot\n\nZombies. See the [studio](https://www.lifewire.com/techland) or [the plot](#toc-plot).\n")
    s = st.structure(review, "Dying Light")
    assert [(x.heading, x.text) for x in s.sections] == [
        ("", ""), ("Setup Process", "It installs fast."),
        ("Plot", "Zombies. See the [studio](https://www.lifewire.com/techland) or the plot.")]
    labelled = "Intro.\n\n## Table of contents\n\n* [Fix 1: Restart](#f1)\n* [Fix 2: Update](#f2)\n\n## Fix 1: Restart\n\nDo it.\n"
    assert [x.heading for x in st.structure(labelled, "t").sections] == ["", "Fix 1: Restart"]
    # a FAQ whose questions open answers in the page keeps them; a line that navigates goes
    faq = ("Intro.\n\n## FAQ\n\n[Can I recover deleted data?](#q1)\n\nYes, scan the drive.\n\n"
           "[Do I need the controller?](#q2)\n\nNo.\n\n[Jump to Review](https://www.lifewire.com/#toc-review)\n")
    assert st.structure(faq, "t").sections[1].text == "Can I recover deleted data?\n\nYes, scan the drive.\n\n" \
        "Do I need the controller?\n\nNo."


def test_a_step_whose_list_names_its_own_parts_stays_one_step(st):
    # the list names later headings that do not read as steps
    cases = ("## Fix 1: Run the Windows troubleshooter\n\n* [If you're on Windows 10](#a)\n* [If you're on Windows 7](#b)\n\n"
             "### If you're on Windows 10\n\nOpen Settings.\n\n### If you're on Windows 7\n\nOpen Control Panel.\n\n"
             "## Fix 2: Update your driver\n\nUpdate it.\n")
    assert steps(st, cases) == ["Run the Windows troubleshooter", "Update your driver"]
    # or describes them at length
    described = ("## Fix 1: Run the System File Checker\n\nRepair the files.\n\n"
                 "* **[Option 1 – Automatically (Recommended)](#a)** Use a repair tool to check various areas in your "
                 "computer to determine the cause.\n"
                 "* **[Option 2 – Manually](#b)** System File Checker is a built-in tool to check for corrupt files.\n\n"
                 "#### Option 1 – Automatically (Recommended)\n\nUse the tool.\n\n#### Option 2 – Manually\n\nRun sfc.\n\n"
                 "## Fix 2: Update your driver\n\nUpdate it.\n")
    assert steps(st, described) == ["Run the System File Checker", "Update your driver"]


def test_the_body_title_heading_is_not_a_section_even_when_worded_apart(st):
    """Spun copies' front matter titles can name another article entirely ("Constraint A:
    Use only the C-Major Scale" over a Valorant article): the heading the body opens with is
    its title all the same, and the paragraphs after it are the summary."""
    body = ("## Trouble Starting Valorant on Your Desktop Computer?\n\nValorant will not start for many players.\n\n"
            "## Fix 1: Restart your PC\n\nRestart it.\n")
    s = st.structure(body, "Constraint A: Use only the C-Major Scale for Representation")
    assert s.summary == "Valorant will not start for many players."
    assert [x.heading for x in s.sections] == ["", "Fix 1: Restart your PC"]
    # a body opening with a numbered fix has no title heading: the fix stays a step
    assert steps(st, "## Fix 1: Restart your PC\n\nRestart it.\n\n## Fix 2: Update\n\nGo.\n", "Valorant") == [
        "Restart your PC", "Update"]


def test_step_labels_run_into_one_paragraph_still_open_steps(st):
    """The scrape of one sample article lost every line break: its five bold "Step N:"
    labels sit mid-paragraph (one after a list item's text), behind a run-on list of links
    to them. Each label opens its step; bold phrases and references stay text."""
    body = ("This post helps with an offline printer. **[Step 1: Check Connection](#a)** [**Step 2: Set Default Printer**]"
            "(#b)   **Step 1: Check Connection** 1)**DO NOT connect to a guest network**. Please check it. "
            "2)**Switch to USB**. Try **Part 1** first.\n\n"
            "1) Click **Start**.\n2) See if the printer goes offline again.   **Step 2: Set Default Printer** "
            "1) Restart your HP printer. 2) Press the **Windows** key.\n")
    s = st.structure(body, "HP printer offline")
    assert [(x.title, x.text.split("** ", 1)[1][:18]) for x in s.steps] == [
        ("Check Connection", "1)**DO NOT connect"), ("Set Default Printer", "1) Restart your HP")]
    assert s.steps[0].instructions == ["Click Start.", "See if the printer goes offline again."]
    assert s.summary.startswith("This post helps with an offline printer.")
    # one bold label in a sentence is emphasis: nothing is split
    one = "Intro.\n\nYou fixed it with **Step 2: Set Default Printer** earlier. Good.\n"
    assert st.structure(one, "T").sections[0].text == one.strip()
    # cut before the label, this line would become a link reference definition: left alone
    ref = "Intro.\n\n[x]: vbs:evil  **Step 1: Open it** now.  **Step 2: Close it** later.\n\nSee [x].\n"
    assert st.structure(ref, "T").sections[0].text == ref.strip()


def test_a_heading_loses_the_bold_mark_its_scrape_left_unpaired(st):
    body = "Intro.\n\n## **Video Error 3: Video Playback issues\n\nUpdate the player.\n\n## **Fix 1:** Restart\n\nGo.\n"
    assert [x.heading for x in st.structure(body, "Video errors").sections] == [
        "", "Video Error 3: Video Playback issues", "Fix 1: Restart"]


NUMBERED_PARAGRAPHS = """\
If Windows tells you the driver is missing, you are not alone.

You can follow these steps to uninstall the old driver.

1\\. Press **Win+R** (Windows key and R key) at the same time. A Run dialog will appear.

![run](https://img.example/run.png)

2\\. Type **devmgmt.msc** in the run box and click **OK**.

Device Manager opens.

3) In the **Driver** tab, click **Uninstall** .

![uninstall](https://img.example/uninstall.png)

After uninstalling the driver, download the new one from the maker's website.
"""


def test_numbered_paragraphs_are_the_steps_of_a_body_without_step_headings(st):
    # "1\\." stays a paragraph in markdown and "3)" is a list of one item starting at 3:
    # a procedure the scraped driver guides write this way, with screenshots between
    s = st.structure(NUMBERED_PARAGRAPHS, "Driver missing")
    assert [x.title for x in s.steps] == [
        "Press Win+R (Windows key and R key) at the same time.",
        "Type devmgmt.msc in the run box and click OK.",
        "In the Driver tab, click Uninstall.",
    ]
    first, second, last = s.steps
    assert first.images == [{"url": "https://img.example/run.png", "alt": "run"}]
    # the first step opens with what the procedure is for, the paragraphs leading into it
    assert first.text.startswith("If Windows tells you") and "these steps to uninstall the old driver" in first.text
    assert "Device Manager opens." in second.text and "3)" not in second.text
    assert first.shortcuts == ["Win + R"] and second.commands == ["devmgmt.msc"]  # (one spelling: Win + R)
    # the last step keeps its screenshot, not the article's closing text
    assert last.text.startswith("3) In the **Driver** tab") and "uninstall.png" in last.text
    assert "After uninstalling" not in last.text
    assert all(x.instructions == [] for x in s.steps)
    assert len(s.sections) == 1 and {x.section for x in s.steps} == {0}  # the sections are as they were


def test_numbered_points_that_do_not_read_as_actions_are_not_steps(st):
    review = ("The phone is a fine buy.\n\n1\\. The display is bright and sharp.\n\n"
              "2\\. Battery life lasts two days.\n\n3\\. Press coverage was kind to it.\n")
    assert steps(st, review, "Phone review") == []


def test_numbered_paragraphs_must_count_from_one(st):
    body = "Intro.\n\n2\\. Click **Start**.\n\n3\\. Type **cmd**.\n\n5\\. Press **Enter**.\n"
    assert steps(st, body) == []
    assert steps(st, body.replace("2\\.", "1\\.").replace("3\\.", "2\\.")) == ["Click Start.", "Type cmd."]


def test_step_headings_win_over_numbered_paragraphs(st):
    body = ("## Fix 1: Update the driver\n\n1\\. Click **Start**.\n\n2\\. Type **cmd**.\n\n"
            "## Fix 2: Restart the PC\n\nRestart it.\n")
    assert steps(st, body) == ["Update the driver", "Restart the PC"]


RUN_ON = """\
Windows says the best driver is already installed, so it is time you did it yourself: 1) Go to \
the **support website** of the maker. Enter the model name. ![](https://img.example/site.png) \
2) Choose your operating system and click **Drivers**.

![](https://img.example/drivers.png) The maker has no driver for Windows 10 yet, so we take the one \
for Windows 8.1 instead. 3) Right-click the setup file and click **Properties**.

4) Go to the **Compatibility** tab and select **Windows 8**.

![](https://img.example/compat.png)

Try it, and your printer should work again.
"""


def test_numbered_steps_a_scrape_ran_into_paragraphs_are_split_out(st):
    # steps 1-2 share a paragraph; 3 follows a sentence; 3 and 4 make one loose list
    s = st.structure(RUN_ON, "Printer driver")
    assert [x.title for x in s.steps] == [
        "Go to the support website of the maker.", "Choose your operating system and click Drivers.",
        "Right-click the setup file and click Properties.", "Go to the Compatibility tab and select Windows 8."]
    assert s.steps[0].images == [{"url": "https://img.example/site.png", "alt": ""}]
    assert s.steps[3].images == [{"url": "https://img.example/compat.png", "alt": ""}]
    assert "Windows 8.1 instead." not in s.steps[2].text  # (the 8.1 is no step number either)
    # the section's markdown gets the paragraph breaks the scrape lost, and nothing else
    (intro,) = s.sections
    assert "yourself:\n\n1) Go to the **support website**" in intro.text
    assert " ".join(intro.text.split()) == " ".join(RUN_ON.split())


def test_numbers_run_into_text_that_gives_no_step_leave_the_body_alone(st):
    review = "It is a great phone. 1) The design is sleek. 2) The battery lasts. 3) The price is fair.\n"
    s = st.structure(review, "Phone review")
    assert s.steps == [] and s.sections[0].text == review.strip()


def test_a_step_named_for_the_sites_tool_is_promotional(st):
    # "Install Fortect" holds none of the pitch phrases, but it is the pitch; a fix with a
    # manual way and a part headed with the tool's name is a fix, its part flagged
    body = ("## Fix 1: Update your printer driver\n\nDownload it from HP's website and install it.\n\n"
            "### Option 2: Update it automatically with Driver Easy\n\nRun it and click **Scan Now**.\n\n"
            "## Fix 2: Install Fortect\n\nFortect is a powerful tool to repair and rebuild Windows.\n")
    s = st.structure(body, "Printer")
    assert [(x.title, x.promotional) for x in s.steps] == [("Update your printer driver", False), ("Install Fortect", True)]
    assert [x.kind for x in s.sections] == ["intro", "fix", "promotional", "promotional"]
    # numbered paragraphs: the one that runs the tool
    numbered = "1) Press **Win + R**.\n\n2) Type **devmgmt.msc**.\n\n3) Open Driver Easy and click **Scan Now**.\n"
    assert [x.promotional for x in st.structure(numbered, "t").steps] == [False, False, True]


def test_a_numbered_procedure_led_in_by_a_sales_pitch_is_promotional(st):
    body = ("Update the driver by hand:\n\n1\\. Open **Device Manager**.\n\n2\\. Click **Update driver**.\n\n"
            "Or use our tool: the pro version takes just 2 clicks and has a money-back guarantee:\n\n"
            "1\\. Download and install the tool.\n\n2\\. Click **Scan Now**.\n")
    s = st.structure(body, "Driver")
    assert [(x.title, x.promotional) for x in s.steps] == [
        ("Open Device Manager.", False), ("Click Update driver.", False),
        ("Download and install the tool.", True), ("Click Scan Now.", True)]


def test_a_long_sentence_made_a_step_title_is_cut_at_a_word(st):
    long = ("Click the Update button next to the flagged printer to download and install the correct version of its "
            "driver automatically, then restart")
    body = f"Do this:\n\n1\\. {long}.\n\n2\\. Print a test page.\n"
    first = st.structure(body, "Printer").steps[0].title
    assert first == long[:long.rindex(" ", 0, 119)] + "…" and len(first) <= 120


def test_a_numbered_step_glued_to_the_screenshot_before_it_is_split_out(st):
    body = ("Uninstall the old driver first.\n\n1\\. Press **Win+R**.\n\n2\\. Type **devmgmt.msc** and click **OK**.\n\n"
            "![2](https://img.example/2.png)\n 3\\. Expand the category and find your printer.\n\n"
            "Then download the new driver.\n")
    s = st.structure(body, "Driver")
    assert [x.title for x in s.steps] == ["Press Win+R.", "Type devmgmt.msc and click OK.",
                                          "Expand the category and find your printer."]
    assert s.steps[1].images == [{"url": "https://img.example/2.png", "alt": "2"}]


def test_the_summary_of_a_body_without_headings_stops_where_its_procedure_starts(st):
    """Driver Easy's guides without headings (8 of the sample's entries) had their whole
    procedure as the summary, closing remarks and a support-email tip included."""
    assert st.structure(NUMBERED_PARAGRAPHS, "Driver missing").summary == (
        "If Windows tells you the driver is missing, you are not alone.\n\n"
        "You can follow these steps to uninstall the old driver.")
    # a screenshot of the error between the intro's paragraphs is no step: the intro goes on
    # past it; a list ends it as a numbered paragraph does
    body = ("You removed the old printer, but its icon is still there, grayed out.\n\n"
            "![](https://img.example/grey.png)\n\nLuckily, this is easy to solve. Follow the steps below.\n\n"
            "* Press **Win + R**, type **control printers** and press **Enter**.\n"
            "* Right-click the printer and click **Remove device**.\n\nThat's all you need to do!\n\n"
            "**TIP**: If you have any questions, email support@example.com.\n")
    assert st.structure(body, "Ghost printer").summary == (
        "You removed the old printer, but its icon is still there, grayed out.\n\n"
        "Luckily, this is easy to solve. Follow the steps below.")
    # a sentence opening with a number is no step that ends the intro ("5 GHz" is no "5) ")
    ghz = ("5 GHz Wi-Fi carries more data than 2.4 GHz, but its signal does not pass walls as well.\n\n"
           "2 Bands on one router let you pick the one that suits each room.\n")
    assert st.structure(ghz, "Wi-Fi bands").summary == ghz.strip()
    # bullets before any prose (a "Key Takeaways" list whose label went as chrome) end no intro
    takeaways = ("* Snapseed can flip a photo.\n* Google Photos cannot.\n\n"
                 "Photo editing on Android has come a long way, but flipping a picture is still hard to find.\n\n"
                 "![](https://img.example/a.png)\n\nFirst, download Snapseed from the Play Store.\n")
    assert st.structure(takeaways, "Flip a photo").summary.startswith("Photo editing on Android has come")
    # steps a scrape ran into the intro's paragraph are cut off it too
    assert st.structure(RUN_ON, "Printer driver").summary == (
        "Windows says the best driver is already installed, so it is time you did it yourself:")
    # under headings, the intro keeps its text after a list (here the fixes it lists)
    headed = ("Your printer is offline.\n\n1. [Restart the printer](#a)\n2. [Update the driver](#b)\n\n"
              "Before we begin, check the cable.\n\n## Fix 1: Restart the printer\n\nTurn it off.\n\n"
              "## Fix 2: Update the driver\n\nUpdate it.\n")
    assert st.structure(headed, "Printer offline").summary == (
        "Your printer is offline.\n\nBefore we begin, check the cable.")



def test_the_summary_holds_no_paragraph_a_step_is_read_from(st):
    """39 entries of the corpora (the variety's headingless how-tos, whose steps are the sentences
    over their screenshots) had their procedure in the summary too: "First, swipe down ... tap the
    gear icon", "Next, go to ...". The intro ends at the first paragraph a step is read from."""
    body = ("Android lets you pick the browser that opens your links. Chrome is the default on many phones.\n\n"
            "You can change it in a few taps.\n\n"
            "First, swipe down from the top of the screen and tap the gear icon to open the Settings.\n\n"
            "![Tap the gear icon.](https://img.example/gear.png)\n\n"
            "Next, go to the \"Apps\" section.\n\n![Go to Apps.](https://img.example/apps.png)\n\n"
            "Now select \"Default Apps\" and tap \"Browser App.\"\n\n![Browser App.](https://img.example/b.png)\n\n"
            "Finally, choose the browser you want from the list.\n\n![The list.](https://img.example/l.png)\n")
    s = st.structure(body, "Change the default browser on Android")
    assert len(s.steps) >= 3 and s.steps[0].text.startswith("First, swipe down")
    assert s.summary == ("Android lets you pick the browser that opens your links. Chrome is the default on many phones."
                         "\n\nYou can change it in a few taps.")


def test_an_intro_sentence_a_later_fix_repeats_stays_in_the_summary(st):
    """The intro ends at a paragraph a step of its own section opens with; a later heading's step whose
    text starts with the same words ("## Fix 1: Clear the print queue" repeating the intro's advice) is
    read from its own section, and leaves the intro whole."""
    body = ("Clear the print queue.\n\n"
            "That frees most stuck print jobs. If the printer still holds them, go through the fixes below.\n\n"
            "## Fix 1: Clear the print queue.\n\nClear the print queue.\n\n"
            "Then stop the Print Spooler service in Services and start it again.\n\n"
            "## Fix 2: Reinstall the printer driver\n\nOpen Device Manager, right-click the printer and select "
            "Uninstall device.\n")
    s = st.structure(body, "Fix Print Jobs Stuck in the Queue")
    assert s.steps and s.steps[0].text.startswith("Clear the print queue.")
    assert s.summary == ("Clear the print queue.\n\nThat frees most stuck print jobs. If the printer still holds "
                         "them, go through the fixes below.")


def test_a_page_opening_with_two_title_headings_takes_its_summary_from_under_the_second(st):
    """A site that heads its page twice (a spun title, then its own "[Solved] How to Fix ...", read
    as a fix section though no step comes from it) had the first fix's text as the summary."""
    parts = {"Troubleshoot Your Photo Sharing Problems on Phones": "",
             "[Solved] How to Fix Photo Sharing Not Working on a Phone":
                 "Photo Sharing lets you share pictures with your family. Sometimes it stops working.",
             "Part 1. Turn on Photo Sharing": "The feature may be off. Open the Settings app and turn it on.",
             "Part 2. Restart your phone": "Restarting clears many glitches. Hold the power button, then slide.",
             "Part 3. Update the system": "A new version fixes bugs. Open Settings > General > Software Update."}
    body = "".join(f"## {heading}\n\n" + (f"{text}\n\n" if text else "") for heading, text in parts.items())
    s = st.structure(body, "Troubleshoot Your Photo Sharing Problems on Phones")
    assert [x.title for x in s.steps] == ["Turn on Photo Sharing", "Restart your phone", "Update the system"]
    assert s.summary == "Photo Sharing lets you share pictures with your family. Sometimes it stops working."


REVIEW = """\
## Discover the Bargain Streaming Device: Roku Express

## Roku Express

![Roku Express](https://img.example/roku.jpg)

Lifewire / Emily Ramirez

What We Like

* Extremely affordable
* Easy to use interface

What We Don't Like

* Slow and sluggish

The Roku Express is a great, affordable way to get into streaming media on your TV.

## Design: Small and easy to position

The Roku Express is a small package.
"""


def test_a_body_opening_with_a_heading_takes_its_summary_from_the_first_paragraph_under_one(st):
    """22 of the sample's entries had no summary: their body goes straight into a section
    (18 Lifewire reviews open with the product's heading, over its picture, a credit, and
    what the reviewer liked)."""
    s = st.structure(REVIEW, "Discover the Bargain Streaming Device: Roku Express")
    assert s.summary == "The Roku Express is a great, affordable way to get into streaming media on your TV."
    assert s.sections[0].text == ""  # (the sections are as they were)
    # a bold line as the first heading is no paragraph; promotional and fix sections give none
    body = ("**Why update your printer driver?**\n\n![](https://img.example/printer.png)\n\n"
            "An old driver stops the printer after a Windows upgrade.\n\n## Method 1: Download it\n\nGo to the site.\n")
    assert st.structure(body, "Printer driver").summary == "An old driver stops the printer after a Windows upgrade."
    body = ("## Wi-Fi keeps dropping\n\n## Why choose us?\n\nA free trial and a money-back guarantee come with it.\n\n"
            "## Fix 1: Restart the router\n\nTurn it off for a minute.\n\n"
            "## What causes it?\n\nThe router drops its address.\n")
    assert st.structure(body, "Wi-Fi drops").summary == "The router drops its address."


def test_a_picture_credit_leading_the_intro_is_not_the_summary(st):
    # 17 variety summaries opened with "simonkr/Getty Images" or "(Image credit: ...)"
    for credit in ("simonkr/Getty Images", "(Image credit: Shutterstock)", "Lucas Gouveia / How-To Geek | Shutterstock",
                   "Nvidia GeForce RTX 3080 Founders Edition  (Image credit: Tom's Hardware)"):
        body = f"{credit}\n\nYou hate your printer. Of course you do.\n\n## Why printers fail\n\nInk runs out.\n"
        assert st.structure(body, "Why you hate your printer").summary == "You hate your printer. Of course you do."
    # a short opening line with a slash that credits nobody stays
    body = "TCP/IP settings\n\nOpen the adapter's properties.\n\n## Reset\n\nRun netsh.\n"
    assert st.structure(body, "TCP/IP settings").summary.startswith("TCP/IP settings")


def test_a_label_line_leading_the_intro_is_not_the_summary(st):
    """A site's product label or breadcrumb scraped above the text ("Video Repair",
    "Stellar® Data Recovery Technician") was the whole summary of 3 sample entries."""
    body = ("## Correcting Common Color Distortion Glitches\n\nVideo Repair\n\n"
            "# Error Solved: 5 Common Video Errors\n\nTable of Content\n\n"
            "**Summary:** Here in this post, the most common video errors are described in detail.\n\n"
            "## Video Error 1: No Sound\n\nCheck the speakers.\n")
    assert st.structure(body, "Correcting Common Color Distortion Glitches").summary == (
        "**Summary:** Here in this post, the most common video errors are described in detail.")
    crumbs = ("Stellar Eraser for Mobile\n\nStellar Eraser for Mobile /4. Working with the Software /**4.2\\. Erasure "
              "Process**\n\nYou can securely erase data from your device.\n\n## Erasure methods\n\nPick one.\n")
    assert st.structure(crumbs, "Stellar Eraser").summary == "You can securely erase data from your device."
    # a sentence that lost its full stop stays, and so does a label after the first paragraph
    kept = ("Install Intel Graphics Driver but got error message\n\nThe driver finds a second video card.\n\n"
            "**Cause for Error**\n\n## Fix 1: Hide the update\n\nHide it.\n")
    assert st.structure(kept, "Intel driver").summary == (
        "Install Intel Graphics Driver but got error message\n\nThe driver finds a second video card.\n\n"
        "**Cause for Error**")


_UPDATE_INTRO = ("The screen may flicker if your graphics driver is outdated. So you should update it to see if "
                 "that helps.\n\n")
_PITCH = ("If you don't have the time or patience, you can do it automatically with **Driver Easy**.\n\n"
          "1. Download and install Driver Easy.\n2. Click **Scan Now**.\n\n"
          "With the Pro version it takes just 2 clicks.\n")


def test_a_fix_that_gives_the_manual_way_and_pitches_a_tool_keeps_its_fix_and_marks_the_pitch(st):
    manual = "**Manually** – Go to the manufacturer's website and download the latest driver.\n\n**OR**\n\n"
    body = f"## Fix 1: Restart\n\nRestart it.\n\n## Fix 2: Update your driver\n\n{_UPDATE_INTRO}{manual}{_PITCH}"
    s = st.structure(body, "Flicker")
    fix = s.steps[1]
    assert (fix.title, fix.promotional) == ("Update your driver", False)
    # the pitch is marked, verbatim, from the sentence that names the tool to the end
    assert fix.pitch == [fix.text[fix.text.index("If you don't"):]]
    assert "manufacturer's website" in fix.text and "manufacturer's website" not in fix.pitch[0]
    assert fix.instructions == []  # the tool's procedure is no sub-step of the fix
    assert s.steps[0].pitch == []


def test_a_manual_sentence_before_the_pitch_in_one_paragraph_is_the_manual_way(st):
    body = ("## Fix 2: Update your driver\n\nYou can go to the vendor's official website to download it. "
            + _PITCH)
    (fix,) = st.structure(body, "Flicker").steps
    assert not fix.promotional and fix.pitch[0].startswith("If you don't")


def test_a_fix_whose_only_way_is_the_tool_is_promotional(st):
    body = f"## Fix 2: Update your driver\n\n{_UPDATE_INTRO}{_PITCH}"
    (fix,) = st.structure(body, "Flicker").steps
    assert fix.promotional and fix.pitch and fix.text.startswith("The screen may flicker")
    assert fix.instructions == ["Download and install Driver Easy.", "Click Scan Now."]


def test_a_numbered_heading_nested_under_its_predecessor_by_uneven_levels_is_its_peer(st):
    body = ("## Method 1: Restart\n\nRestart it.\n\n## Method 2: Update the driver\n\nGo to the vendor's website.\n\n"
            "### Method 3: Check the cable\n\nPlug the cable in again.\n\n#### Step 1: Unplug it\n\nUnplug it.\n")
    s = st.structure(body, "t")
    assert [x.title for x in s.steps] == ["Restart", "Update the driver", "Check the cable"]
    assert "Plug the cable" not in s.steps[1].text and "Unplug it" in s.steps[2].text


def test_an_empty_heading_is_named_by_the_line_after_it(st):
    body = "## Fix 1: Restart\n\nRestart it.\n\n##\n\n2\\. Reset the adapter\n\nClick **Reset**.\n"
    s = st.structure(body, "t")
    assert [(x.title, x.text) for x in s.steps] == [("Restart", "Restart it."), ("Reset the adapter", "Click **Reset**.")]


def test_a_part_labelled_as_the_manual_way_is_a_manual_way(st):
    body = ("## Fix 2: Update your driver\n\n" + _UPDATE_INTRO + "**Option 1 – Manually**: find the right driver "
            "online, download it and install it step by step.\n\n" + _PITCH)
    (fix,) = st.structure(body, "Flicker").steps
    assert not fix.promotional and fix.pitch
    # the manufacturers' websites, plural, say it too
    body = "## Fix 2: Update your driver\n\nDownload it from the vendors' websites. " + _PITCH
    assert not st.structure(body, "Flicker").steps[0].promotional


def test_actions_each_over_a_screenshot_are_the_steps_of_a_body_without_numbers(st):
    shot = "![](https://x.example/{}.png)"
    body = ("The app groups your messages. Let's turn that off.\n\n"
            f"First, open the app and tap your profile icon.\n\n{shot.format(1)}\n\n"
            f"Select \"Settings\" from the menu.\n\n{shot.format(2)}\n\n"
            "Toggle off the switch for \"Categories\".\n\nYou need it for auto-delete, though.\n\n"
            f"{shot.format(3)}\n\nThat's all there is to it. Your inbox is back to normal.\n")
    s = st.structure(body, "Turn off categories")
    assert [x.title for x in s.steps] == ["First, open the app and tap your profile icon.",
                                         "Select \"Settings\" from the menu.", "Toggle off the switch for \"Categories\"."]
    assert "auto-delete" in s.steps[2].text and "That's all" not in s.steps[2].text


def test_actions_over_screenshots_under_a_how_to_heading_are_steps_and_its_lead_in_opens_them(st):
    shot = "![](https://x.example/{}.png)"
    run = ("Linking a sheet is simple, and embedding is the same. Start by opening both the sheet and the "
           "document.\n\n"
           f"In the sheet, select the cells you want to link.\n\n{shot.format(1)}\n\n"
           f"Copy those cells by pressing Ctrl+C.\n\n{shot.format(2)}\n\n"
           "Now, switch to the document and choose Paste Special.\n\nThe window opens.\n\n"
           f"{shot.format(3)}\n\nThe cells now show in the document.\n")
    intro = "## What is the difference?\n\nA link keeps a connection; an embedded copy does not.\n\n"
    s = st.structure(intro + "## How to Link a Sheet in a Document\n\n" + run, "Link a sheet")
    assert [x.title for x in s.steps] == ["Start by opening both the sheet and the document.",
                                         "In the sheet, select the cells you want to link.",
                                         "Copy those cells by pressing Ctrl+C.",
                                         "Now, switch to the document and choose Paste Special."]
    assert "Linking a sheet is simple" in s.steps[0].text and "now show" not in s.steps[3].text
    # under a heading that names no procedure (a review's verdict), the same paragraphs are no steps
    assert st.structure(intro + "## Our verdict\n\n" + run, "Link a sheet").steps == []


def test_sub_step_labels_alone_on_their_lines_number_the_paragraphs_after_them(st):
    shot = "![](https://x.example/{}.png)"
    fix = ("## Enable Photo Sharing\n\nIt is on by default, but check it first.\n\nStep 1.\n\n"
           "Unlock your iPhone and open the \"Settings\" app.\n\n" + shot.format(1) + "\n\nStep 2.\n\n"
           "Tap your Apple account, then \"iCloud\" and turn on Photo Sharing.\n\n"
           "## Restart your iPhone\n\nA restart clears the glitch.\n\nStep 1\n\n"
           "Press and hold the side button.\n\nStep 2\n\nDrag the slider, wait, then turn it on again.\n\n"
           "## Update iOS\n\nStep 1.\n\nOpen \"Settings\" > \"General\" > \"Software Update\".\n\n"
           "Updates fix many bugs.\n")
    s = st.structure("# Photo Sharing not working\n\nIntro.\n\n" + fix, "Photo Sharing not working")
    assert [x.instructions for x in s.steps] == [
        ["Unlock your iPhone and open the \"Settings\" app.", "Tap your Apple account, then \"iCloud\" and turn on Photo Sharing."],
        ["Press and hold the side button.", "Drag the slider, wait, then turn it on again."],
        []]  # (one label counts nothing)
    assert "Step 1.\n\nUnlock" in s.steps[0].text  # (the text as written)
    # a label whose next paragraph is another label numbers nothing (not "Step 2." as step 1's words)
    s = st.structure("# Reset fails\n\nIntro.\n\n## Fix 1: Reset the phone\n\nDo this first.\n\nStep 1.\n\nStep 2.\n\n"
                     "Open Settings.\n\nStep 3.\n\nTap Reset.\n\n## Fix 2: Update\n\nUpdate it.\n", "Reset fails")
    assert not any("Step 2." in i for x in s.steps for i in x.instructions)


def test_sibling_headings_that_say_find_or_show_are_steps(st):
    body = ("Intro.\n\n## Find the guide on your phone\n\nOpen **Settings > Help**.\n\n"
            "## Find the guide online\n\nSearch the maker's site.\n\n## Show hidden files\n\nTick the box.\n")
    assert steps(st, body) == ["Find the guide on your phone", "Find the guide online", "Show hidden files"]


def test_shortcuts_written_in_words_or_with_plus_are_given_in_one_spelling(st):
    body = ("## Fix 1: Open Run\n\n1. On your keyboard, press the **Windows logo key** and **R** at the same time.\n"
            "2. Press Ctrl, Shift and Esc together.\n3. Press **Ctrl + Alt + Up Arrow**.\n4. Press Windows key+I.\n")
    (step,) = st.structure(body, "t").steps
    assert step.shortcuts == ["Win + R", "Ctrl + Shift + Esc", "Ctrl + Alt + Up", "Win + I"]


def test_the_summary_leaves_out_a_contents_list_and_an_ad_line(st):
    body = ("Your printer says it is offline. Here is how to bring it back.\n\n"
            "**Method 1:** Restart the printer **Method 2:** Update the driver\n\n"
            "Use Fortect to fix it now!\n\n"
            "It usually takes a minute.\n\n"
            "## Method 1: Restart the printer\n\nTurn it off and on again.\n")
    summary = st.structure(body, "Printer offline").summary
    assert summary == "Your printer says it is offline. Here is how to bring it back.\n\nIt usually takes a minute."


def test_the_summary_leaves_out_a_cookie_notice_and_paragraphs_of_links_only(st):
    body = ("為了改善提供給您的服務，我們會使用 Cookie。繼續瀏覽本網站，即表示您同意遵守我們的 [隱私政策](https://example.com/privacy).\n\n"
            "[Photo Viewer](https://example.com/a)[Photo Editor](https://example.com/b)[FAQ](https://example.com/c)\n\n"
            "[免費下載](https://example.com/download)\n\n目錄\n\n"
            "Windows 10 has no photo viewer of its own, so here are the best ones. We tried each of them.\n\n"
            "## Photo Editor\n\nIt edits photos.\n")
    summary = st.structure(body, "Photo viewers").summary
    assert summary == "Windows 10 has no photo viewer of its own, so here are the best ones. We tried each of them."
    # an intro that speaks of cookies is kept, and so is a sentence with a link in it
    body = ("Clear your browser's [cookies](https://example.com/c) first, then flush the DNS cache.\n\n"
            "## Fix 1: Flush DNS\n\nRun ipconfig /flushdns.\n")
    assert st.structure(body, "Flush DNS").summary.startswith("Clear your browser's [cookies]")


def test_contents_labels_run_into_the_intro_end_it_at_the_sentence_before(st):
    body = ("Your printer says it is offline. Follow these steps. **Step 1: Check the cable** **Step 2: Restart it**\n\n"
            "## Step 1: Check the cable\n\nPlug it in again.\n")
    assert st.structure(body, "Printer offline").summary == "Your printer says it is offline. Follow these steps."


def test_a_long_intro_ends_at_a_paragraph_never_mid_sentence(st):
    para = "The printer stops printing when the spooler hangs, and this sentence says so at length. " * 6
    body = "\n\n".join([para.strip()] * 4) + "\n\n## Fix 1: Restart the spooler\n\nRestart it.\n"
    summary = st.structure(body, "Printer offline").summary
    assert summary == para.strip()  # (two paragraphs would be over 1,000 characters)
    one = st.structure(("A long sentence about the printer that never seems to end. " * 30) + "\n\n## Fix 1: X\n\nY.\n",
                       "Printer offline").summary
    assert len(one) <= 1000 and one.endswith("end.")


BOLD_LINES_WITH_PROCEDURES = """\
After waking from sleep the printer stays silent.

**First, try updating your printer drivers.**

Outdated drivers stop the printer. Follow these steps:

1\\. In Device Manager, expand **Print queues** and right-click the printer.

![](https://img.example/one.png)

2\\. Click **Update driver**.

If that does not help, the hub may be sleeping: Windows can turn it off to save power.

**Follow these steps to change the power setting of the hub.**

1\\. In Device Manager, double-click **USB Root Hub**.

2\\. Click the **Power Management** tab.

3\\. Clear the box and click **OK**.
"""


def test_bold_lines_each_followed_by_their_own_numbered_procedure_are_the_steps(st):
    # the numbered paragraphs are sub-steps of the bold line above them, not steps of their own
    s = st.structure(BOLD_LINES_WITH_PROCEDURES, "Printer silent after sleep")
    assert [x.title for x in s.steps] == ["First, try updating your printer drivers.",
                                          "Follow these steps to change the power setting of the hub."]
    first, second = s.steps
    assert first.instructions == ["In Device Manager, expand Print queues and right-click the printer.",
                                  "Click Update driver."]
    assert "turn it off to save power" in first.text
    assert second.instructions[-1] == "Clear the box and click OK."


def test_one_bold_line_before_a_procedure_is_not_a_step_of_its_own(st):
    body = "Intro.\n\n**Here is what to do:**\n\n1\\. Click **Start**.\n\n2\\. Type **cmd**.\n"
    assert steps(st, body) == ["Click Start.", "Type cmd."]


def test_headings_numbered_in_roman_numerals_are_steps(st):
    body = ("## 3 ways to lock your PC\n\nThere are a few.\n\n## I. Lock through the Start menu\n\n"
            "Click your name and then **Lock**.\n\n## II. Lock with a shortcut\n\nPress **Win + L**.\n")
    assert steps(st, body, "Lock your PC") == ["Lock through the Start menu", "Lock with a shortcut"]


def test_sibling_sections_with_numbered_points_that_are_no_actions_give_no_steps(st):
    body = ("A survey.\n\n## AI tops the agenda\n\n1. Most marketers plan to spend more.\n2. Budgets grew by a third.\n\n"
            "## Data comes first\n\n1. Half the firms lack clean data.\n2. Few of them trust it.\n")
    assert steps(st, body, "Marketing survey") == []
    actions = body.replace("1. Most", "1. Open").replace("1. Half", "1. Click").replace("2. Budgets", "2. Click")
    assert steps(st, actions.replace("2. Few", "2. Select"), "Marketing survey") == [
        "AI tops the agenda", "Data comes first"]


def test_a_check_before_the_fixes_is_a_step_among_them(st):
    body = ("The game will not start.\n\n## Before you start\n\nRestart your PC and check the requirements.\n\n"
            "## Fix 1: Update the driver\n\nUpdate it.\n\n## Fix 2: Reinstall the game\n\nReinstall it.\n")
    assert steps(st, body) == ["Before you start", "Update the driver", "Reinstall the game"]
    assert steps(st, body.replace("## Fix 1: Update the driver\n\nUpdate it.\n\n", "")) == [
        "Reinstall the game"]  # (alone with one fix it is not among alternatives)


def test_shortcuts_in_any_case_are_written_in_one_spelling(st):
    body = ("## Fix 1: Copy it\n\nCopy the cells by pressing CTRL+C, or Command+C on a Mac.\n\n"
            "## Fix 2: End the task\n\nPress ctrl+shift+esc and end it, or press Ctrl, Alt and Up together.\n")
    first, second = st.structure("Intro.\n\n" + body, "Copy cells").steps
    assert first.shortcuts == ["Ctrl + C", "Cmd + C"]
    assert second.shortcuts == ["Ctrl + Shift + Esc", "Ctrl + Alt + Up"]



def test_a_path_of_bold_names_joined_by_arrows_is_a_ui_path(st):
    body = ("Intro.\n\n## Fix 1: Pair it\n\nClick the **Start** button > **Settings** > **Devices**, "
            "then **Settings > Bluetooth**.\n\n## Fix 2: Restart\n\nClick **Start** and **Power**.\n")
    first, second = st.structure(body, "Pair it").steps
    assert first.ui_paths == [["Settings", "Bluetooth"], ["Start", "Settings", "Devices"]]
    assert second.ui_paths == []  # (bold names not joined by `>` are no path)


def test_sibling_sections_that_each_give_actions_over_screenshots_are_the_steps(st):
    shot = "![](https://x.example/{}.png)"
    body = ("Voice notes are handy.\n\n## What a voice note is\n\nA short recording you keep.\n\n"
            "## How to Take Voice Notes on a Samsung Phone\n\nThe widgets live on the lock screen. "
            f"Swipe down and tap the gear icon.\n\n{shot.format(1)}\n\nNext, scroll down to \"Lock Screen.\"\n\n"
            f"{shot.format(2)}\n\nThat's the fastest way.\n\n"
            "## How to Take Voice Notes on a Pixel Phone\n\nThe Recorder app can transcribe. A tile opens it. "
            f"Tap the pencil icon.\n\n{shot.format(3)}\n\nDrag the \"Recorder\" tile to the top.\n\n{shot.format(4)}\n")
    assert steps(st, body, "Voice notes") == ["How to Take Voice Notes on a Samsung Phone",
                                              "How to Take Voice Notes on a Pixel Phone"]
    # one such section among explanations is the page's one procedure (it says two things to do);
    # one that says a single thing is none
    one = body.split("## How to Take Voice Notes on a Pixel")[0]
    assert steps(st, one + "## Why record\n\nIt is quick.\n", "Voice notes") == [
        "How to Take Voice Notes on a Samsung Phone"]
    assert steps(st, one.replace("Next, scroll down to", "It leads to") + "## Why record\n\nIt is quick.\n",
                 "Voice notes") == []


def test_a_heading_between_two_sibling_steps_is_one_of_them(st):
    body = ("FPS drops.\n\n## Update your graphics driver\n\nGet it from the vendor.\n\n"
            "## Optimize in-game graphics settings\n\nLower the shadows.\n\n"
            "## Disable overlays\n\nTurn the Steam overlay off.\n\n## Thoughts of the author\n\nGood luck.\n")
    assert steps(st, body, "FPS drops") == ["Update your graphics driver", "Optimize in-game graphics settings",
                                            "Disable overlays"]
    # within a count, what the numbers leave out is something else
    counted = ("Monitors.\n\n### 1. Restart the monitor\n\nDo it.\n\n### Best value\n\nA cheap one.\n\n"
               "### 2. Reset the monitor\n\nDo it.\n")
    assert steps(st, counted, "Monitors") == ["Restart the monitor", "Reset the monitor"]


def test_things_numbered_in_a_list_are_no_steps_but_numbered_actions_are(st):
    body = ("Visualizers make music visible.\n\n## 1. G-Force iTunes Visualizer\n\nA commercial plug-in.\n\n"
            "## 2. Cubism iTunes Visualizer\n\nA 3D bar graph.\n\n## 3. Dragon iTunes Visualizer\n\nA dragon.\n")
    assert steps(st, body, "iTunes visualizers") == []
    # one that reads as a step among them counts them all ("2. Windows Update" is a fix)
    fixes = body.replace("1. G-Force iTunes Visualizer", "1. Restart the player").replace(
        "2. Cubism iTunes Visualizer", "2. Reinstall the plug-in")
    assert steps(st, fixes, "iTunes visualizers") == ["Restart the player", "Reinstall the plug-in",
                                                      "Dragon iTunes Visualizer"]


def test_a_numbered_part_of_the_page_is_no_step_its_methods_are(st):
    body = ("Convert ePub.\n\n## Part 1: What is ePub\n\nAn e-book format.\n\n"
            "## Part 2: 3 Online Ways to Convert ePub to TXT\n\nHere they are.\n\n"
            "### Method 1: Convert with Zamzar\n\nUpload the file to Zamzar.\n\n"
            "### Method 2: Convert with Convertio\n\nUpload the file to Convertio.\n")
    assert steps(st, body, "ePub to TXT") == ["Convert with Zamzar", "Convert with Convertio"]


def test_a_heading_that_reads_as_no_step_among_numbered_methods_is_none(st):
    body = ("TDR error.\n\n## Try these fixes\n\nTwo methods.\n\n### What you might concern\n\nTDR means a timeout.\n\n"
            "### Method 1: Update your driver\n\nGet it from the vendor.\n\n"
            "### Method 2: Change the timeout\n\nSet TdrDelay to 8.\n")
    assert steps(st, body, "TDR error") == ["Update your driver", "Change the timeout"]


def test_numbered_questions_are_checks(st):
    body = ("Display.\n\n### 1. What is my screen resolution and how to change it\n\nOpen Display settings.\n\n"
            "### 2. How can I prevent display issues\n\nUpdate the graphics driver.\n")
    assert steps(st, body, "Screen resolution") == ["What is my screen resolution and how to change it",
                                                    "How can I prevent display issues"]


def test_actions_over_screenshots_after_the_one_heading_a_box_label_are_the_steps(st):
    shot = "![](https://x.example/{}.png)"
    run = (f"First, open Settings.\n\n{shot.format(1)}\n\nNext, select \"Google.\"\n\n{shot.format(2)}\n\n"
           f"Tap \"Add Another Account.\"\n\n{shot.format(3)}\n\nThat's it.\n")
    box = "### Key Takeaways\n\n* Add accounts in Settings.\n\nGoogle accounts are tied to Android.\n\n"
    assert steps(st, box + run, "Add a Google account") == ["First, open Settings.", "Next, select \"Google.\"",
                                                             "Tap \"Add Another Account.\""]
    # text before that heading makes it one section among others, whose words name no procedure
    assert steps(st, "Accounts matter.\n\n" + box + run, "Add a Google account") == []


def test_a_heading_that_says_what_to_do_after_a_short_label_reads_as_a_step(st):
    body = ("Slow games.\n\n## Update your drivers\n\nGet them.\n\n## Enable Game Mode\n\nTurn it on.\n\n"
            "## (Advanced) Try automatic overclocking\n\nLet the tool do it.\n\n## Tips – Keep Windows updated\n\n"
            "Check often.\n\n## The bottom line\n\nFaster now.\n")
    assert steps(st, body, "Faster games") == ["Update your drivers", "Enable Game Mode",
                                               "(Advanced) Try automatic overclocking", "Tips – Keep Windows updated"]
    # a numbering before a name is no label: "Top 4: GO Contact Widget" is a thing, not "go"
    assert steps(st, "Widgets.\n\n## Top 1: Open Contacts Widget\n\nNice.\n\n## Top 2: GO Contact Widget\n\nFast.\n\n"
                 "## Top 3: Favorite Contacts\n\nBlur.\n", "Widgets") == []


def test_gerund_sibling_headings_are_steps_a_gerund_noun_phrase_is_not(st):
    """"Opening the Keychain Access tool" names a doing done to a thing, as "Open the ..."
    would; "Testing Methodology" and "Testing configuration" name no doing."""
    body = ("Intro.\n\n## Opening the Keychain Access tool\n\nClick on the Launchpad in the Dock.\n\n"
            "## Viewing a password\n\nDouble-click the entry.\n\n"
            "## Creating a password entry\n\nClick the New icon at the top.\n\n## Wrapping up\n\nThat is all.\n")
    assert steps(st, body) == ["Opening the Keychain Access tool", "Viewing a password",
                               "Creating a password entry"]
    review = ("Intro.\n\n## Testing Methodology\n\nWe ran each cooler for an hour.\n\n"
              "## Testing configuration\n\nAn Intel LGA1700 board.\n\n## Verdict\n\nGood.\n")
    assert steps(st, review) == []


def test_sibling_how_to_headings_are_steps(st):
    body = ("Intro.\n\n## How to Calculate Age in Years\n\nType =DATEDIF(B2,TODAY(),\"Y\") in C2.\n\n"
            "## How to Calculate Age in Months\n\nType =DATEDIF(B2,TODAY(),\"M\") in C2.\n\n"
            "## How to Calculate Age in Days\n\nType =DATEDIF(B2,TODAY(),\"D\") in C2.\n")
    assert steps(st, body) == ["How to Calculate Age in Years", "How to Calculate Age in Months",
                               "How to Calculate Age in Days"]


def test_bullets_nested_in_a_numbered_item_keep_their_words_apart(st):
    """A numbered item stays one instruction (the writer's number is the consumer's step), but the
    bullets and paragraphs inside it are joined so each keeps its words: no `one.ipconfig`,
    `/flushdnsipconfig`, `PromptOpen`."""
    body = ("## Fix 1: Reset the network\n\n1. Open **Command Prompt** as administrator.\n"
            "2. Type the following commands and hit **Enter** after each one.\n"
            "   - ipconfig /flushdns\n   - ipconfig /release\n   - ipconfig /renew\n"
            "3. Using Command Prompt\n   - Open the **Start** menu\n   - Type cmd\n\n"
            "4. Check your printer connection:\n\n   If it is connected by USB, check the cable.\n\n"
            "   Restart the printer\n\n5. Restart your PC.\n")
    s = st.structure(body, "Network reset")
    assert s.steps[0].instructions == [
        "Open Command Prompt as administrator.",
        "Type the following commands and hit Enter after each one. ipconfig /flushdns; ipconfig /release; ipconfig /renew",
        "Using Command Prompt: Open the Start menu; Type cmd",
        "Check your printer connection: If it is connected by USB, check the cable. Restart the printer",
        "Restart your PC."]


def test_lettered_sub_steps_are_instructions(st):
    """Sub-steps lettered `**a)**`, `a.` or `(a)` give instructions as numbered ones do."""
    body = ("## Fix 1: Update the driver automatically\n\n"
            "**a)** [**Download**](https://example.com/dl/) and install the tool.\n\n"
            "**b)** Run it and click the **Scan Now** button.\n\n"
            "**c)** Click **Update** next to your touch screen driver.\n\n"
            "## Fix 2: Turn it off and on\n\na. Completely **shut down** your laptop.\n\n"
            "b. Unplug the charger.\n\n(c) Press the power button.\n\n"
            "## Fix 3: Check it\n\na. lone letter is no procedure.\n")
    s = st.structure(body, "Touch screen not working")
    assert [x.instructions for x in s.steps] == [
        ["Download and install the tool.", "Run it and click the Scan Now button.",
         "Click Update next to your touch screen driver."],
        ["Completely shut down your laptop.", "Unplug the charger.", "Press the power button."],
        []]


def test_a_way_written_as_prose_gives_its_actions_as_instructions(st):
    """A way told in sentences, no list: each sentence that says what to do is a sub-step, whole (one that goes
    on in lower case after a quote's mark is one sentence), in order; not what is said between them (a result,
    a description), nor a command alone on its line, nor a pointer to another page ("Check out our ... guide").
    A way whose sentences that would be left out name what to click (bold, a path), or that introduces a command
    ("Type the following command:"), one action, a list, a pitch, sub-headings (alternatives:
    "On Windows", "On a Mac"), step numbers the counts did not read (`To restore it:**1)** Click ...`) or more
    actions than PROSE_ACTIONS_MAX give none."""
    body = ("## Method 1: Update Windows\n\nUpdates fix many bugs. Open **Settings**. Click Update & Security, "
            "then Check for updates.\n\n![](https://example.com/1.png)\n\nA list of updates appears. Restart your PC "
            "when it is done.\n\n"
            "## Method 2: Turn on developer mode\n\nGo to Settings > About phone. Tap Build number seven times "
            "until you see the \u201cYou are now a developer!\u201d message. Then go back to Settings.\n\n"
            "## Method 3: Make a file\n\nOpen Command Prompt. Type the following command:\n\ntype nul > a.txt\n\n"
            "## Method 4: Restart the router\n\nThe router may hang. Unplug it for a minute.\n\n"
            "## Method 5: Clear the cache\n\nOpen the app. Close it again.\n\n- Tap Storage.\n- Tap Clear cache.\n\n"
            "## Method 6: Repair it with Driver Easy\n\nDownload Driver Easy. Run it and click Scan Now. "
            "With the Pro version it takes just 2 clicks and you get a 30-day money back guarantee.\n\n"
            "## Method 7: Go through every setting\n\n" + " ".join(f"Open menu {n}." for n in range(1, 14)) + "\n\n"
            "## Method 8: Use the app for your system\n\nPick yours.\n\n### On Windows\n\nOpen Settings. Click Apps.\n\n"
            "### On a Mac\n\nOpen System Settings. Click General.\n\n"
            "## Method 9: Restore the system\n\nTo restore it:**1)** Click **Start**. Then type \u201crestore\u201d.**2)** Open "
            "the wizard. Then click Next.\n\n"
            "## Method 10: Delete the download\n\nOpen the app. Tap Library. From here, you can tap the three dots "
            "and select **Delete From Downloads**.\n\n"

            "## Method 11: Replace the drive\n\nOpen the case. Remove the old drive. "
            "Check out our best SSDs buying guide.\n")
    s = st.structure(body, "Fix it")
    assert [x.instructions for x in s.steps] == [
        ["Open Settings.", "Click Update & Security, then Check for updates.", "Restart your PC when it is done."],
        ["Go to Settings > About phone.",
         "Tap Build number seven times until you see the \u201cYou are now a developer!\u201d message.",
         "Then go back to Settings."],
        [], [], [], [], [], [], [],
        [],  # (the way's last action is in a sentence that does not open with one: the sub-steps would lose it)
        ["Open the case.", "Remove the old drive."]]  # (a pointer to a buying guide is no sub-step)
    assert [x.promotional for x in s.steps] == [False] * 5 + [True] + [False] * 5


def test_sub_steps_numbered_in_every_form_and_split_by_screenshots_are_all_instructions(st):
    """Items a screenshot's paragraph swallowed (`![](shot)\\n3. Click`), `Step 2\\.` and
    `**2)**` numbers all count; a lone list item numbered 4 under a step is no procedure."""
    body = ("## Fix 1: Connect manually\n\n1. Type **Control Panel** in the search box.\n"
            "![](https://example.com/1.png)\n2. Click **Network and Sharing Center**.\n\n"
            "![](https://example.com/2.png)\n3. Click **Set up a new connection**.\n\n"
            "![](https://example.com/3.png)\n4. Follow the on-screen instructions.\n\n"
            "## Fix 2: Update with the tool\n\nStep 1. **Scan**\n\nStep 2\\. Choose **Update**.\n\n"
            "Step 3.**Install** the driver.\n\n"
            "## Fix 3: Run it again\n\n**1)Download** the tool.\n\n**2)** Run it and click **Scan Now**.\n\n"
            "## Fix 4: Check the hardware\n\nLook at the cable.\n\n4. Check the hardware requirements.\n")
    s = st.structure(body, "Wi-Fi")
    assert [x.instructions for x in s.steps] == [
        ["Type Control Panel in the search box.", "Click Network and Sharing Center.",
         "Click Set up a new connection.", "Follow the on-screen instructions."],
        ["Scan", "Choose Update.", "Install the driver."],
        ["Download the tool.", "Run it and click Scan Now."],
        []]


def test_commands_are_what_is_typed_not_a_bold_window_name(st):
    body = ("## Fix 1: Clear the cache\n\n1. Open **Control Panel** and then **Command Prompt**.\n"
            "2. Type **control** and press Enter.\n3. Paste **%temp%** into the address bar.\n"
            "4. Run `netsh winsock reset`.\n")
    (step,) = st.structure(body, "Cache").steps
    assert step.commands == ["netsh winsock reset", "control", "%temp%"]


def test_a_bold_command_escaped_in_markdown_is_the_command_as_it_reads(st):
    """`**%WINDIR%\\\\system32**` (a backslash escaped in the markdown) is typed `%WINDIR%\\system32`: one
    command, not a second one with doubled backslashes beside it."""
    body = ("## Fix 1: Clear the spooler\n\n1. Press **Win + R**.\n"
            "2. Type **%WINDIR%\\\\system32\\\\spool\\\\printers** and press **Enter**.\n")
    (step,) = st.structure(body, "Spooler").steps
    assert step.commands == ["%WINDIR%\\system32\\spool\\printers"]


def test_shortcuts_with_a_lost_space_or_words_before_at_the_same_time(st):
    body = ("## Fix 1: Open Run\n\n1. Press the **Windows logo key** ![](https://example.com/k.png) and **R** "
            "on your keyboard at the same time.\n2. Open the bar by pressingCtrl+L.\n"
            "3. Press **Shift** and keep going until the list is done at the same time tomorrow.\n")
    (step,) = st.structure(body, "Run").steps
    assert step.shortcuts == ["Win + R", "Ctrl + L"]


def test_a_path_whose_arrow_markdown_escaped_is_a_ui_path(st):
    body = "## Fix 1: Reinstall\n\n1. Open **Library**.\n2. Right-click it and click **Manage** \\>**Uninstall**.\n"
    (step,) = st.structure(body, "Reinstall").steps
    assert step.ui_paths == [["Manage", "Uninstall"]]


def test_a_procedure_goes_on_past_a_repeated_or_skipped_number(st):
    body = ("## Fix 1: Reinstall the driver\n\n1) Press **Win + R**.\n\n2) Type **devmgmt.msc**.\n\n"
            "![](https://example.com/a.png)\n\n2) Expand **Sound**.\n\n3) Click **Uninstall**.\n\n"
            "5) Restart your PC.\n\nThen play.\n\n9\\. It is 9 o'clock.\n")
    (step,) = st.structure(body, "Sound").steps
    assert step.instructions == ["Press Win + R.", "Type devmgmt.msc.", "Expand Sound.", "Click Uninstall.",
                                 "Restart your PC."]


def test_a_cookie_notice_is_no_summary_but_an_intro_about_cookies_is(st):
    about = ("Cookies track you. Many sites ask for consent and link their privacy policy; here is how to clear "
             "cookies in Chrome.")
    s = st.structure(f"{about}\n\n## Step 1: Open settings\n\nOpen Chrome settings.\n", "How to Clear Cookies in Chrome")
    assert s.summary == about
    notice = "為了改善提供給您的服務，我們會使用 Cookie。繼續瀏覽本網站，即表示您同意遵守我們的隱私政策."
    s = st.structure(f"{notice}\n\nThe real intro of the article is here.\n\n## Fix 1\n\nDo it.\n", "T")
    assert s.summary == "The real intro of the article is here."


def test_siblings_before_the_first_step_or_worded_alike_after_the_last_are_steps_too(st):
    # two in three siblings are steps (each gives a numbered procedure): the ones before and
    # after them that are worded as they are (`1  ...`, `6  ...`) are steps too
    proc = "1. Open the Settings app.\n2. Click the switch.\n"
    body = ("A new laptop.\n\n## 1  Make the login easier\n\nA short password helps.\n\n"
            + "".join(f"## {n}  Tidy part {n}\n\n{proc}\n" for n in range(2, 6))
            + "## 6  Teach them the basics\n\nShow them the help app.\n")
    assert steps(st, body, "Laptop") == ["Make the login easier"] + [f"Tidy part {n}" for n in range(2, 6)] + [
        "Teach them the basics"]  # (titled without the number)
    # after the last, a heading worded otherwise is the page's closing remark; before the first,
    # one that names the ways is their overview
    closing = body.replace("6  Teach them the basics", "Thoughts on laptops")
    assert "Thoughts on laptops" not in steps(st, closing, "Laptop")
    overview = body.replace("1  Make the login easier", "Three Ways to Tidy a Laptop")
    assert "Three Ways to Tidy a Laptop" not in steps(st, overview, "Laptop")
    # two in five are no such run: the others stay what they are
    few = body.replace("## 4  Tidy part 4\n\n" + proc, "## 4  Tidy part 4\n\nIt varies.\n").replace(
        "## 5  Tidy part 5\n\n" + proc, "## 5  Tidy part 5\n\nIt varies.\n")
    assert "Make the login easier" not in steps(st, few, "Laptop")


def test_a_sentence_that_says_what_to_do_inside_a_paragraph_over_a_screenshot_is_a_step(st):
    shot = "![](https://x.example/{}.png)"
    body = ("Apps can be defaults.\n\n"
            f"The process is the same everywhere. First, on your phone, swipe down and tap the gear icon.\n\n"
            f"{shot.format(1)}\n\nNext, go to \"Apps.\"\n\n{shot.format(2)}\n\n"
            f"Here are the categories. Tap one to see the options.\n\n{shot.format(3)}\n\n"
            f"That's all there is to it.\n")
    assert steps(st, body, "Default apps") == ["First, on your phone, swipe down and tap the gear icon.",
                                               "Next, go to \"Apps.\"", "Tap one to see the options."]
    # a sentence in the writer's voice ("Let's ...") says no action
    chat = body.replace("Here are the categories. Tap one to see the options.", "Let's get rid of it.")
    assert steps(st, chat, "Default apps") == []


def test_sibling_how_to_sections_are_the_ways_when_only_one_gives_actions_over_screenshots(st):
    shot = "![](https://x.example/{}.png)"
    body = ("Lockdown hides the fingerprint unlock.\n\n## What is lockdown\n\nA mode.\n\n"
            "## How to Enable Lockdown\n\n"
            f"Swipe down and tap the gear icon.\n\n{shot.format(1)}\n\nNext, go to \"Lock Screen.\"\n\n{shot.format(2)}\n\n"
            f"Now open \"Secure Lock Settings.\"\n\n{shot.format(3)}\n\n"
            "## How to Use Lockdown\n\nHold the power button. Tap \"Lockdown\" in the menu.\n")
    assert steps(st, body, "Lockdown") == ["How to Enable Lockdown", "How to Use Lockdown"]
    # the one how-to section alone keeps its actions as the steps
    one = body.split("## How to Use")[0]
    assert len(steps(st, one, "Lockdown")) == 3


def test_a_step_heading_set_a_level_above_the_steps_around_it_is_their_peer(st):
    body = ("Buzzing.\n\n## Why it buzzes\n\nNotifications.\n\n## How to Stop the Buzzing\n\nTry these.\n\n"
            "### Restart Your Phone\n\nHold the button.\n\n### Turn Off Haptic Feedback\n\nOpen Settings.\n\n"
            "## Close All Open Apps\n\nTap Close All.\n\n### Update All Your Apps\n\nOpen the store.\n\n"
            "### Reset Your Device\n\nWipe it.\n")
    assert steps(st, body, "Buzzing") == ["Restart Your Phone", "Turn Off Haptic Feedback", "Close All Open Apps",
                                          "Update All Your Apps", "Reset Your Device"]
    # under a step of its own ("Fix 1: ..."), a deeper heading before it is that step's part: the
    # heading after is the next fix, with its own parts
    fixes = ("Buzzing.\n\n## Fix 1: Restart\n\nDo it.\n\n### Restart the phone\n\nHold it.\n\n"
             "## Update the apps\n\nTwo ways.\n\n### Update in the store\n\nOpen it.\n\n"
             "### Update from the web\n\nSign in.\n")
    assert steps(st, fixes, "Buzzing") == ["Restart", "Update the apps"]


def test_a_link_to_the_vendors_support_page_is_a_manual_way(st):
    body = ("## Fix 2: Update your graphics driver\n\n"
            "Manufacturers keep releasing new drivers. Check for updates in [NVIDIA](https://www.nvidia.com/Download/index.aspx)"
            " or [AMD](https://www.amd.com/en/support) and install the latest driver.\n\n"
            "Besides doing it yourself, you can do it automatically with **Driver Easy**. It will find the right drivers.\n")
    (step,) = st.structure(body, "Game lags").steps
    assert not step.promotional and len(step.pitch) == 1
    unlinked = body.replace("(https://www.nvidia.com/Download/index.aspx)", "(https://www.nvidia.com/news/)").replace(
        "(https://www.amd.com/en/support)", "(https://www.amd.com/en/about)")
    (step,) = st.structure(unlinked, "Game lags").steps
    assert step.promotional


def test_a_bold_command_before_the_pitch_is_a_manual_way(st):
    body = ("## Fix 4: Repair system files\n\nCorrupted system files can make the game lag. To check them, open "
            "Command Prompt as an administrator, type **sfc /scannow,** and hit Enter.\n\n"
            "Or you can use a dedicated repair tool, **Fortect**, to automate this. Its FREE scan finds damaged files.\n\n"
            "1. Download and install Fortect.\n2. Open it and click **Start Repair**.\n")
    (fix,) = st.structure(body, "Lag").steps
    assert not fix.promotional and fix.pitch == [fix.text[fix.text.index("Or you can use"):]]
    assert fix.commands == ["sfc /scannow,"] and fix.instructions == []
    # the same words with the command in plain text give no manual way of their own, nor does a
    # program's name in bold
    plain = body.replace("**sfc /scannow,**", "the command")
    assert st.structure(plain, "Lag").steps[0].promotional
    named = plain.replace("Corrupted system files", "Corrupted system files used by **svchost.exe**")
    assert st.structure(named, "Lag").steps[0].promotional


def test_a_paragraph_opening_with_the_manual_way_ends_the_pitch(st):
    body = ("## Fix 3: Reinstall the camera driver\n\nYour camera may still act up after the driver is up to date. "
            "To fix it quickly, launch **Driver Easy** and click **Uninstall driver** next to your webcam.\n\n"
            "![](https://x.example/uninstall.jpg)\n\n"
            "If you prefer to do it manually, you can uninstall the driver in Device Manager and restart.\n\n"
            "1) Type **devmgmt.msc** in the Run box and click **OK**.\n\n2) Right-click your camera and select "
            "**Uninstall device**.\n")
    (fix,) = st.structure(body, "Camera").steps
    assert not fix.promotional and len(fix.pitch) == 1 and "manually" not in fix.pitch[0]
    assert fix.instructions == ["Type devmgmt.msc in the Run box and click OK.",
                                "Right-click your camera and select Uninstall device."]
    # a paragraph going on about the tool is still its pitch
    tool = body.replace("If you prefer to do it manually, you can uninstall the driver in Device Manager and restart.",
                        "It removes the driver for you.").replace("1) Type **devmgmt.msc** in the Run box and click **OK**.\n\n2) ", "")
    assert st.structure(tool, "Camera").steps[0].promotional


def test_a_bare_or_inside_the_tools_procedure_does_not_end_the_pitch(st):
    body = ("## Fix 2: Update your graphics driver\n\n#### Option 1: Manually\n\nGo to the manufacturer's website, "
            "download the latest driver and install it.\n\n#### Option 2: Automatically\n\n"
            "If you don't have the time, you can do it automatically with **Driver Easy**.\n\n"
            "1) Run Driver Easy and click **Scan Now**.\n\n2) Click **Update** next to the flagged driver (you can do "
            "this with the FREE version).\n\n**OR**\n\nClick **Update All** to download and install all the drivers "
            "that are missing. (This requires the **Pro version**. You'll be prompted to upgrade.)\n\n"
            "3) Restart your computer.\n")
    (fix,) = st.structure(body, "Lag").steps
    assert not fix.promotional and len(fix.pitch) == 1
    assert fix.pitch[0].startswith("If you don't") and "Click **Update All**" in fix.pitch[0]
    # an "OR" that opens a manual part ends the pitch before it
    manual = body.replace("Click **Update All** to download and install all the drivers that are missing. (This "
                          "requires the **Pro version**. You'll be prompted to upgrade.)",
                          "Open Device Manager, right-click your graphics card and select Update driver.")
    (fix,) = st.structure(manual, "Lag").steps
    assert fix.pitch[0].endswith("(you can do this with the FREE version).") and "Device Manager" not in fix.pitch[0]


def test_a_pointer_to_another_post_after_the_pitch_is_no_manual_way(st):
    body = ("## Fix 1: Restart the printer\n\nTurn it off and on.\n\n## Fix 2: Use Driver Easy\n\n**Driver Easy** finds and updates your drivers. The free version scans; "
            "the Pro version updates all of them with one click.\n\n"
            "If you are not sure how to update your drivers manually, please refer to [this post](https://x.example/p).\n")
    step = st.structure(body, "Dell driver").steps[1]
    assert step.promotional and "this post" not in step.pitch[0]


def test_the_tools_own_procedure_under_step_labels_stays_in_its_pitch(st):
    tool = ("The quickest way is **FoneLab Data Recovery**, a tool that recovers deleted files. Its free version scans "
            "your drive.\n\n**Step 1:** Download and install FoneLab Data Recovery.\n\n**Step 2:** Click **Scan** and "
            "wait.\n\n![](https://x.example/scan.png)\n\n**Step 3:** Select the files and click **Recover**.\n")
    body = "## Fix 1: Restart\n\nRestart your PC.\n\n## Fix 2: Recover your lost files\n\n" + tool
    fix = st.structure(body, "Lost files", ("FoneLab Data Recovery",)).steps[1]
    assert fix.promotional and fix.pitch == [fix.text]
    # with a manual way before it, the fix is the manual way and the whole procedure its pitch
    manual = body.replace("## Fix 2: Recover your lost files\n\n", "## Fix 2: Recover your lost files\n\n"
                          "1. Open the **Recycle Bin**.\n2. Right-click the file and select **Restore**.\n\n")
    fix = st.structure(manual, "Lost files", ("FoneLab Data Recovery",)).steps[1]
    assert not fix.promotional and fix.pitch == [fix.text[fix.text.index("The quickest"):]]
    # a bold label that is no step number still opens a part of its own
    labelled = manual.replace("**Step 3:** Select the files", "**Recover from a backup:** Open File History, select "
                              "the files")
    fix = st.structure(labelled, "Lost files", ("FoneLab Data Recovery",)).steps[1]
    assert "File History" not in fix.pitch[-1]


def test_a_bold_word_its_sentence_goes_on_from_does_not_end_the_tools_pitch(st):
    tool = ("To get your deleted chats back, you need a recovery tool, **PhoneSaver Recovery**. It reads the lost "
            "messages from your phone.\n\nStep 1 Download and install PhoneSaver Recovery on your computer.\n\n"
            "**Connect** your **iPhone** to the computer via USB cable and in the main window, choose "
            "**Recover from Device**.\n\n![](https://x.example/connect.png)\n\nStep 2 Click **Start Scan** and "
            "select the chats to restore.\n")
    body = "## Way 1: Restart the app\n\nClose the app and open it again.\n\n## Way 2: Recover the chats directly\n\n" + tool
    fix = st.structure(body, "Lost chats", ("PhoneSaver Recovery",)).steps[1]
    assert fix.promotional and fix.pitch == [fix.text]
    # a bold label alone, or closed by a colon, still opens a part of its own
    for label in ("**Connect by hand**\n\nConnect", "**Connect by hand:** connect"):
        labelled = body.replace("**Connect** your", label + " your")
        fix = st.structure(labelled, "Lost chats", ("PhoneSaver Recovery",)).steps[1]
        assert not fix.promotional and "Recover from Device" not in fix.pitch[0]


def test_a_bold_alternative_its_sentence_goes_on_from_still_opens_a_part(st):
    """"**Alternatively** you can restore them ..." after a tool's pitch is another way, not the tool's
    procedure going on (as "**Alternatively**, you can ..." is)."""
    tool = ("To get your deleted chats back, you need a recovery tool, **PhoneSaver Recovery**. It reads the lost "
            "messages from your phone.\n\nStep 1 Download and install PhoneSaver Recovery on your computer.\n\n"
            "Step 2 Click **Start Scan** and select the chats to restore.\n\n")
    for word in ("Alternatively", "Otherwise", "Instead"):
        for comma in (",", ""):
            alt = f"**{word}**{comma} you can restore them from an iCloud backup: open Settings > General > Reset and " \
                  "tap **Erase All Content**.\n"
            body = ("## Way 1: Restart the app\n\nClose the app and open it again.\n\n## Way 2: Recover the chats\n\n"
                    + tool + alt)
            fix = st.structure(body, "Lost chats", ("PhoneSaver Recovery",)).steps[1]
            assert not fix.promotional and "iCloud" not in fix.pitch[-1], (word, comma)


def test_a_manual_procedure_that_mentions_the_tool_in_passing_is_the_fix(st):
    body = ("## Fix 3: Reinstall your printer driver\n\nYou can use the following steps to reinstall the driver:\n\n"
            "1. Press **Win+R** and type **devmgmt.msc**.\n2. Expand **Print queues**, right-click your printer and select "
            "**Uninstall device**. (If you can't find your printer, you can download **Driver Easy** to scan for it.)\n"
            "3. Click **Uninstall** and restart.\n\n"
            "If you don't have the time, you can update the driver automatically with **Driver Easy**.\n")
    (fix,) = st.structure(body, "Spooler").steps
    assert not fix.promotional and fix.pitch == ["If you don't have the time, you can update the driver automatically "
                                                 "with **Driver Easy**."]
    assert len(fix.instructions) == 3
    # the tool's own list, from its first item, is its pitch
    tool = body.replace("1. Press **Win+R** and type **devmgmt.msc**.", "1. Download and install **Driver Easy**.")
    assert st.structure(tool, "Spooler").steps[0].promotional


def test_a_pitch_inside_a_labelled_step_of_a_manual_procedure_ends_at_the_next_label(st):
    labels = "".join(f"Step {i}\n\n{t}\n\n" for i, t in enumerate([
        "Run Driver Easy on the computer to make sure the graphics drivers are up to date. Old drivers may not "
        "support the monitor.",
        "Right-click on the desktop, choose the “Screen Resolution” option and set the recommended resolution.",
        "Disconnect both ends of the cable that connects the monitor to the computer.",
        "Reconnect the cable and check whether the lines are still there."], 1))
    body = "## Fix 1: Restart\n\nRestart it.\n\n## Fix 2: Check the monitor's connection\n\n" + labels
    fix = st.structure(body, "Vertical lines").steps[1]
    assert not fix.promotional and fix.pitch == [fix.text.split("\n\n")[1]]
    # the tool's own procedure under bare labels stays its pitch
    tool = body.replace(labels, "".join(f"Step {i}\n\n{t}\n\n" for i, t in enumerate([
        "Download and install Driver Easy.", "Run Driver Easy and click **Scan Now**.",
        "Click **Update All** to update every driver (this requires the Pro version)."], 1)))
    fix = st.structure(tool, "Drivers").steps[1]
    assert fix.promotional and fix.pitch[0].startswith("Download") and fix.pitch[0].endswith("Pro version).")
    # ...also when its procedure starts inside a labelled step and goes on speaking of "the software"
    unnamed = body.replace(labels, "".join(f"Step {i}.\n\n{t}\n\n" for i, t in enumerate([
        "Free download Driver Easy from the link above and launch it.",
        "Select the device in the list and click **Start**. When the software finds its driver, click **Update**.",
        "Restart the computer."], 1)))
    fix = st.structure(unnamed, "Drivers").steps[1]
    assert fix.promotional and fix.pitch[0].startswith("Free download") and fix.pitch[0].endswith("the computer.")
    # step labels of an earlier part of the step say nothing of the tool's procedure in a later one
    parts = body.replace(labels, labels + "### Do it automatically\n\nWith Driver Easy it takes 2 clicks.\n\n"
                         "Step 1\n\nClick **Scan Now**.\n\nStep 2\n\nClick **Update All** and restart.\n\n")
    fix = st.structure(parts, "Vertical lines").steps[1]
    assert not fix.promotional and fix.pitch[-1].startswith("With Driver Easy") and fix.pitch[-1].endswith("restart.")


def test_the_tools_procedure_under_a_sub_heading_after_its_pitch_stays_in_the_pitch(st):
    """A fix that pitches a tool, then gives the tool's procedure under a sub-heading of its own ("### Better way
    to share photos on iOS device" / "Step 1." / "Double click the download button to quickly install and launch
    this powerful iOS photos transfer …", variety kb-de85d09b1385): the part under the sub-heading is the tool's,
    not a manual way beside it (its screenshots and step labels made it one), when its first sentence starts
    what the pitch offered (rules [promotional] tool_starts) and names no manual way. A manual procedure under a
    sub-heading after the pitch ("#### Run SFC scan", "#### Close background programs") stays the fix's manual way."""
    pitch = ("Here we recommend an all-featured iOS data transfer, **PhoneMover**, to help you transfer your "
             "photos.\n\n![](https://x.example/box.png)\n\n* Transfer photos, music and contacts.\n"
             "* Copy files from your iPhone to a PC.\n\n")
    tool = ("### Better way to share photos\n\nStep 1.\n\nDouble click the download button to quickly install and "
            "launch this powerful iOS photos transfer on your computer. Connect your iPhone to it.\n\n"
            "![](https://x.example/connect.png)\n\nStep 2.\n\nClick \"Photos\" and choose the photos to share."
            "\n\n![](https://x.example/photos.png)\n")
    body = ("## Part 1. Restart your iPhone\n\nPress the Power button and drag the slider.\n\n"
            "## Part 2. Get another transfer to fix photo sharing\n\n" + pitch + tool)
    fix = st.structure(body, "Photo sharing not working", ("PhoneMover",)).steps[1]
    assert fix.promotional and fix.pitch == [fix.text[fix.text.index("Here we"):]]
    # a manual way under its own sub-heading after the pitch is the fix: one that names no tool, one that closes "the
    # program" a fix is about, one that installs an update through a manual way (review40 HIGH)
    for manual in ("### Share them from Settings\n\nStep 1.\n\nOpen Settings > Photos and turn on **Shared "
                   "Albums**.\n\n![](https://x.example/shared.png)\n",
                   "#### Close background programs\n\nClose the program that uses the camera roll. Press Ctrl + "
                   "Shift + Esc and end its task.\n",
                   "#### Check for updates\n\nDownload and install this update through Windows Update: press Windows"
                   " + I and click **Check for updates**.\n",
                   "### Method 2: Install the latest iOS update\n\nInstall and launch this update from Settings > "
                   "General > Software Update, then restart your iPhone.\n"):
        fix = st.structure(body.replace(tool, manual), "Photo sharing not working", ("PhoneMover",)).steps[1]
        assert not fix.promotional and fix.pitch[-1].endswith("to a PC."), manual


def test_a_list_giving_the_manual_way_then_the_tool_pitches_from_the_tools_item(st):
    body = ("## Fix 2: Update your wireless adapter driver\n\nThere are two ways to update it: manually and "
            "automatically.\n\n* **Manually update your driver**: go to the website of your adapter's maker, download the "
            "latest driver and install it.\n* **Automatically update your driver**: if you don't have the time, you can do "
            "it automatically with **Driver Easy**.\n\nDriver Easy will find the correct driver for you. It takes just 2 "
            "clicks with the Pro version.\n")
    (fix,) = st.structure(body, "Wi-Fi").steps
    assert not fix.promotional and len(fix.pitch) == 1
    assert fix.pitch[0].startswith("* **Automatically update") and "Manually update" not in fix.pitch[0]


def test_a_paragraph_led_by_a_manual_label_gives_the_manual_way(st):
    body = ("## Fix 1: Restart\n\nRestart it.\n\n## Fix 2: Update your graphics card driver\n\nThere are two ways to update "
            "it.\n\nManual driver update – you need to find exactly the right driver online, download it and install it "
            "step by step.\n\nAutomatic driver update – if you don't have the time, you can do it automatically with "
            "**Driver Easy**. It takes just 2 clicks with the Pro version.\n")
    fix = st.structure(body, "GPU").steps[1]
    assert not fix.promotional and fix.pitch[0].startswith("Automatic driver update")
    # saying there is a manual way, and not giving it, gives none
    said = body.replace("Manual driver update – you need to find exactly the right driver online, download it and "
                        "install it step by step.", "You can update your driver manually or automatically.")
    assert st.structure(said, "GPU").steps[1].promotional


def test_a_numbered_step_that_acts_before_it_pitches_keeps_its_action(st):
    body = ("Windows can't find the driver, so it is time you did it yourself:\n\n"
            "1) Go to the support website of Canon and enter your printer's model.\n\n"
            "2) Click the **Drivers** button and download the setup file.\n\n"
            "3) Now install the setup as you install other setup files. After the installation, restart your computer. "
            "If you don't have the time, you can do it automatically with **Driver Easy**. It takes just 2 clicks with "
            "the Pro version.\n")
    steps = st.structure(body, "Canon driver").steps
    assert [s.promotional for s in steps] == [False, False, False]
    assert steps[2].pitch[0].startswith("If you don't") and "restart your computer" not in steps[2].pitch[0]
    # a numbered step that opens with the pitch is the tool's
    tool = body.replace("3) Now install the setup as you install other setup files. After the installation, restart "
                        "your computer. ", "3) ")
    assert [s.promotional for s in st.structure(tool, "Canon driver").steps] == [False, False, True]
    # a step's number alone before the pitch is no action (`1\. Open X and run a scan.`, split out of a paragraph)
    run_on = ("**Cause:**\n\nThe installer finds a second video card. **Please follow these steps:** 1\\. Open Driver Easy "
              "and run a scan. 2\\. Click **Update** to download the Intel driver.\n\n![](https://x.example/1.png)\n\n"
              "3.Click the icon near **Update**. Choose **Hide this Update**.\n")
    assert [s.promotional for s in st.structure(run_on, "Intel").steps] == [True, False, False]


def test_a_command_quoted_in_prose_before_the_pitch_is_a_manual_way(st):
    body = ("## Fix 3: Repair system files\n\nBroken system files can make the screen flicker. The System File Checker "
            "helps: by running the “sfc /scannow” command in an elevated prompt, you start a scan that repairs missing "
            "files.\n\nIf that is not enough, a dedicated repair tool is recommended. **Fortect** finds and replaces "
            "broken files.\n\n1. Download and install Fortect.\n2. Click **Start Repair**.\n")
    (fix,) = st.structure(body, "Flicker").steps
    assert not fix.promotional and fix.pitch[0].startswith("**Fortect** finds")
    # a bracketed installer named in a sentence is one too ("run its installer (usually “setup.exe”)")
    disc = ("## Step 2: Install the driver\n\nPut in the driver disc that came with the scanner and run its installer "
            "(usually “setup.exe”) to install the driver.\n\nIf you lost the disc, you can do it automatically with "
            "**Driver Easy**.\n\n1. Download and install Driver Easy.\n2. Click **Scan Now**.\n")
    assert not st.structure(disc, "Scanner").steps[0].promotional
    # quoting a name that is no command gives no manual way
    named = body.replace("the “sfc /scannow” command", "the “System File Checker” tool")
    assert st.structure(named, "Flicker").steps[0].promotional
    # nor does a command in brackets, naming the tool in passing
    aside = body.replace("by running the “sfc /scannow” command in an elevated prompt, you start a scan that repairs "
                         "missing files.", "normally you can use the checker (sfc /scannow). However, it does not help "
                         "much here.")
    assert st.structure(aside, "Flicker").steps[0].promotional


def test_an_edition_word_alone_does_not_sell_a_tool_the_build_does_not_know(st):
    body = ("## Fix 1: Test your memory with MemCheck\n\nFor a deeper test, download [MemCheck](http://memcheck.example/). "
            "Newer releases offer a paid version with extras, although the free version does all you need.\n\n"
            "Write the image to a USB stick, restart and boot from it.\n")
    (fix,) = st.structure(body, "RAM").steps
    assert not fix.promotional and fix.pitch == []
    # a product the build learnt is sold by its name
    assert st.structure(body, "RAM", ("MemCheck",)).steps[0].promotional
    # an edition word that opens its sentence is a call to action
    call = ("## Fix 2: Recover with a tool\n\nA recovery tool helps here.\n\nNow free download Kitten Recovery from the "
            "links above and launch it. Connect your phone.\n\nClick **Start** and wait.\n")
    (fix,) = st.structure(call, "Lost photos").steps
    assert fix.promotional and fix.pitch[0].startswith("Now free download")
    said = call.replace("Now free download Kitten Recovery", "The tool lets you free download Kitten Recovery")
    assert not st.structure(said, "Lost photos").steps[0].promotional
    # inside a product's pitch, its editions go on with it past an "Or ..." part
    tool = ("## Fix 2: Update your driver\n\nIf you don't have the time, you can do it automatically with **Driver Easy**."
            "\n\n1) Run Driver Easy and click **Scan Now**.\n\n2) Click **Update** next to the flagged driver.\n\n"
            "Or click **Update All** to update all of them (this requires the Pro version).\n\n"
            "![](https://x.example/update-all.png)\n")
    (fix,) = st.structure(tool, "Driver").steps
    assert fix.promotional and "Update All" in fix.pitch[-1]


def test_the_tools_numbered_procedure_going_on_after_a_note_stays_in_its_pitch(st):
    body = ("## Fix 2: Update your scanner driver\n\nIf you don't have the time to update the driver manually, you can "
            "do it automatically with **Driver Easy**.\n\n1) Download and install Driver Easy.\n\n 2) Run it and click "
            "**Scan Now**.\n\n3) Click **Update All** (this requires the Pro version).\n\n**Note:** You can do it for "
            "free if you like, but it's partly manual.\n\n4) Don't forget to restart your computer for the changes to "
            "take effect.\n")
    (fix,) = st.structure(body, "Scanner").steps
    assert fix.promotional and fix.pitch[-1].startswith("4) Don't forget")
    # a list that starts its own numbering after the note is a part of its own
    own = body.replace("4) Don't forget to restart", "1) Or open Device Manager and restart")
    assert not st.structure(own, "Scanner").steps[0].promotional



def test_a_coupon_code_for_a_shops_system_is_a_pitch(st):
    item = ("Use coupon code GAME5 at the checkout for $50 off Tower {n} systems.\n\n![Tower {n}](https://x.example/t{n}.png)"
            "\n\n**Tower {n}:** [**now $1,049 at PCShop**](https://pcshop.example/store/tower-{n}) (was $1,299)\n\n"
            "The Tower {n} is a starter gaming PC that plays at 1080p.\n\n")
    steps = st.structure("".join(item.format(n=n) for n in (1, 2, 3)), "Gaming PC deals").steps
    assert [s.promotional for s in steps] == [True, True, True]
    assert steps[0].pitch[0].startswith("Use coupon code GAME5")

def test_parts_whose_sub_steps_are_numbered_without_a_mark_are_steps(st):
    """`1 Open iTunes` and `Step 2 Check ...` (a number, a space, a capital: no `.` or `)`)
    number a part's sub-steps on some sites: each "Part N" owns a procedure, so it is a step."""
    body = ("Lost your songs? Here are the ways to get them back.\n\n"
            "## Part 1\\. How to download the music to your iPhone\n\nSign in with your Apple ID first.\n\n"
            "1 Go to iTunes Store\n\nOpen iTunes Store on your iPhone. Tap Purchased, then tap Music.\n\n"
            "2 Find the songs you want to download\n\n3 Tap the Download icon to start downloading.\n\n"
            "## Part 2\\. How to get the music back with iTunes\n\n"
            "Step 1 Open iTunes on your computer and sign in with your Apple ID.\n\n"
            "Step 2 Click your name and select Purchased.\n\n"
            "5 Pro plans and 3 Free ones are left.\n")
    s = st.structure(body, "Download music from iCloud")
    assert [x.title for x in s.steps] == ["How to download the music to your iPhone",
                                          "How to get the music back with iTunes"]
    assert s.steps[0].instructions == ["Go to iTunes Store", "Find the songs you want to download",
                                       "Tap the Download icon to start downloading."]
    assert s.steps[1].instructions == ["Open iTunes on your computer and sign in with your Apple ID.",
                                       "Click your name and select Purchased."]


def test_a_remark_over_a_screenshot_between_actions_does_not_end_the_procedure(st):
    """Paragraphs over screenshots, most of them actions: a result or remark between two
    (with its own screenshot) is part of the step before, and "Now simply tap" is an action."""
    shot = "![](https://x.example/{}.png)"
    body = ("Media widgets pile up in Quick Settings.\n\nRelated: How to Use Quick Settings\n\n"
            f"To remove a widget, first swipe down to reveal the Quick Settings panel.\n\n{shot.format(1)}\n\n"
            f"Next, find the widget that you want to remove. Tap and hold it.\n\n{shot.format(2)}\n\n"
            f"On some devices, a menu shows up right away.\n\n{shot.format(3)}\n\n"
            f"Now simply tap \"Dismiss.\"\n\n{shot.format(4)}\n\nThat's all there is to it.\n")
    s = st.structure(body, "Remove media widgets")
    assert [x.title for x in s.steps] == ["To remove a widget, first swipe down to reveal the Quick Settings panel.",
                                          "Next, find the widget that you want to remove.", "Now simply tap \"Dismiss.\""]
    assert "a menu shows up right away" in s.steps[1].text
    # two actions and two remarks are no procedure
    few = body.replace("Now simply tap \"Dismiss.\"", "The widget is gone now.")
    assert steps(st, few, "Remove media widgets") == []


def test_a_menu_path_in_plain_text_is_a_ui_path_without_the_verb_that_leads_to_it(st):
    body = ("## Fix 1: Update Windows\n\n1. Go to Settings > Update & Security > Windows Update and click Check.\n"
            "2. Open Control Panel> Hardware and Sound> Devices and Printers.\n"
            "3. Tap \"Settings\" > \"General\" > \"Software Update\".\n4. Then click More tools > Clear browsing data.\n"
            "5. Click **Start** button > **Settings** > **Devices**.\n"
            "6. Type `=IF(A2>5,1,0)` in C2; 5 > 3 and Windows 10 > 8 are no paths.\n"
            "7. Click **Change settings** > **Allow another app**.\n")
    (step,) = st.structure(body, "Windows Update").steps
    assert step.ui_paths == [["Settings", "Update & Security", "Windows Update"],
                             ["Control Panel", "Hardware and Sound", "Devices and Printers"],
                             ["Settings", "General", "Software Update"], ["More tools", "Clear browsing data"],
                             ["Start", "Settings", "Devices"], ["Change settings", "Allow another app"]]


def test_shortcuts_written_win_key_plus_or_press_and_press_at_the_same_time(st):
    body = ("## Fix 1: Open Run\n\n1. Press **Win Key + S** to open search.\n"
            "2. Hold down the **Windows logo key** and press the **R** key on your keyboard at the same time.\n")
    (step,) = st.structure(body, "Run").steps
    assert step.shortcuts == ["Win + S", "Win + R"]


def test_a_command_on_a_line_of_its_own_is_a_command_and_stray_markup_is_not(st):
    body = ("## Fix 4: Run SFC\n\n1) Type the following command and press **Enter**.\n\nsfc /scannow\n\n"
            "2) If problem remains, run a DISM check:\n\nDISM /Online /Cleanup-Image /RestoreHealth\n\n"
            "3) Type****dxdiag **and click****OK**.\n\nControl Panel\n\nShutdown your laptop and unplug the charger.\n\n"
            "Gpedit.msc command in the Run tool\n\nnetsh winsock reset`\n")
    (step,) = st.structure(body, "SFC").steps
    # a line that reads as a sentence, or carries a stray backtick, is not typed as it stands
    assert step.commands == ["sfc /scannow", "DISM /Online /Cleanup-Image /RestoreHealth"]


def test_no_path_from_a_sentence_and_no_command_from_a_caption(st):
    body = ("## Fix 1: Tune it\n\n1. Select Adjust for best performance > Apply > OK.\n\n"
            "“Explorer.exe” in Windows 7’s Task Manager\n\n2. Type **DISM.exe /Online /Cleanup-image /Restorehealth**.\n")
    (step,) = st.structure(body, "Tune").steps
    assert step.ui_paths == [] and step.commands == ["DISM.exe /Online /Cleanup-image /Restorehealth"]


def test_the_summary_leaves_out_contents_items_bold_numbered_or_linking_into_the_page(st):
    body = ("Your printer is in an error state. You can give the methods below a try.\n\n"
            "**1)Check the connection and restart your devices**\n\n**2)Update or reinstall printer driver**\n\n"
            "## 1) Check the connection\n\nPlug the cable in again.\n\n## 2) Update the driver\n\nUpdate it.\n")
    assert st.structure(body, "Printer in error state").summary == \
        "Your printer is in an error state. You can give the methods below a try."
    body = ("The Intel HD Graphics driver may stop videos from playing. Here are three ways to update it.\n\n"
            "[**Way 3 (Recommended): Automatically Update the driver**](#Way 3)\n\n"
            "**[1\\. Troubleshoot your hardware](#Fix ONE: Troubleshoot your hardware)**\n\n**``**``\n\n"
            "## Way 1: Update it in Device Manager\n\nOpen Device Manager.\n")
    assert st.structure(body, "Update Intel HD Graphics").summary == \
        "The Intel HD Graphics driver may stop videos from playing. Here are three ways to update it."
    # a bold sentence of the intro that opens with a number stays
    body = ("**10) printers** is what the model is called, and it goes offline often.\n\n"
            "## Fix 1: Restart it\n\nRestart it.\n")
    assert st.structure(body, "Printer offline").summary.startswith("**10) printers**")


def test_bold_lines_between_numbered_solutions_are_their_parts(st):
    body = (
        "Intro text about the display driver error.\n\n"
        "**Solution 1: Change Power Supply**\n\nMake sure the power plan is set to high performance.\n\n"
        "**Solution 2: Fix Faulty Graphics Card Driver**\n\nThe error may be caused by a faulty driver.\n\n"
        "**Uninstall the Nvidia Driver**\n\n1. Open Device Manager.\n2. Right-click the card and select Uninstall.\n\n"
        "**Update the Nvidia Graphics Card Driver**\n\nGo to the manufacturer's website and download the driver.\n\n"
        "**Solution 3: Add Two Related Registry Keys**\n\nOpen the registry editor and add the keys.\n"
    )
    found = st.structure(body, "Display driver stopped responding").steps
    assert [s.title for s in found] == [
        "Change Power Supply", "Fix Faulty Graphics Card Driver", "Add Two Related Registry Keys"]
    assert "download the driver" in found[1].text and found[1].instructions[0] == "Open Device Manager."


def test_options_counted_after_a_step_are_its_ways(st):
    body = (
        "Fortnite will not start.\n\n"
        "### Fix 1: Restart your computer\n\nRestart it and launch the game again.\n\n"
        "### Fix 2: Verify your game files\n\nOpen the launcher and click Verify.\n\n"
        "### Bonus tip: Update your graphics driver\n\nYou can update it manually or automatically.\n\n"
        "### Option 1 – Download and install the driver manually\n\nGo to the vendor's website, "
        "find the driver for your card and install it.\n\n"
        "### Option 2 – Automatically update your graphics driver\n\nRun Driver Easy and click "
        "**Update All** (this requires the Pro version).\n"
    )
    found = st.structure(body, "Fortnite entry point not found").steps
    assert [s.title for s in found] == [
        "Restart your computer", "Verify your game files", "Bonus tip: Update your graphics driver"]
    assert "find the driver for your card" in found[2].text and not found[2].promotional


def test_options_with_no_other_count_stay_steps(st):
    body = (
        "The printer is offline.\n\n"
        "## Update the printer driver\n\nThere are two ways.\n\n"
        "## Option 1: Manually\n\nGo to the vendor's website and download the driver.\n\n"
        "## Option 2: With Device Manager\n\nOpen Device Manager and update the driver.\n"
    )
    assert steps(st, body, "Printer offline") == ["Update the printer driver", "Manually", "With Device Manager"]


def test_a_numbered_label_run_into_the_paragraph_before_it_opens_its_step(st):
    body = (
        "The printer says communication not available.\n\n"
        " **Solution 1: Turn off your printer and reboot your computer.** This may solve it. "
        "**Solution 2：Stop and Start the print spooler** Follow these steps: press Win+R and type services.msc.\n\n"
        "**Solution 3: Uninstall the printer and update the driver** Uninstall it first, then install the new driver.\n"
    )
    assert steps(st, body, "Printer communication error") == [
        "Turn off your printer and reboot your computer.", "Stop and Start the print spooler",
        "Uninstall the printer and update the driver"]


def test_a_nested_bold_line_keeps_the_level_of_a_bold_line(st):
    body = (
        "**Solution 1: Change Power Supply**\n\nSet the power plan to high performance.\n\n"
        "**Solution 2: Fix the Driver**\n\nThe driver may be faulty.\n\n"
        "**Uninstall the Driver**\n\nOpen Device Manager and uninstall it.\n\n"
        "**Solution 3: Add Registry Keys**\n\nOpen the registry editor.\n"
    )
    secs = st.structure(body, "Display driver stopped responding").sections
    part = next(s for s in secs if s.heading == "Uninstall the Driver")
    assert part.level == 7 and secs[part.parent].heading == "Solution 2: Fix the Driver"

def test_commands_typed_in_code_bold_objects_and_lines_after_a_colon(st):
    body = (
        "## Fix 1: Check the battery\n\nOpen the Terminal and run the report:\n\n"
        "        `Powercfg /batteryreport`\n\n"
        "Then type `adb devices` and `sfc/scannow`. In the cell type `=A2*B2` or `SUMIF(A1:A5, 1)`; "
        "check `B2`, `A1:A5`, `sum_range`, `DATEDIF` and `Disk Cleanup`.\n\n"
        "## Fix 2: Open the privacy page\n\n1. Press **Win + R**.\n2. Type in **ms-settings:privacy-webcam** and "
        "press **Enter**. Type **Camera**, **update** or **turn windows** in the search box.\n\n"
        "In PowerShell, type the following command and press Enter:\n\nGet-Printer\n\n"
        "Then type the following command:\n\ndocker compose up -d\n\n"
        "Here is how:\n\nRestart your computer\n\nSet the **Startup type** to **Automatic**.\n\n"
        "On the taskbar you will see the following message:\n\nno internet, secured\n"  # (a message, no command)
    )
    one, two = st.structure(body, "Fix it").steps
    assert one.commands == ["Powercfg /batteryreport", "adb devices", "sfc/scannow"]
    assert two.commands == ["ms-settings:privacy-webcam", "Get-Printer", "docker compose up -d"]

def test_a_product_whose_bold_name_lost_the_space_before_it_is_a_pitch(st):
    body = (
        "## Fix 1: Restart the spooler\n\nOpen Services and restart the Print Spooler service.\n\n"
        "## Fix 2: Update your printer driver\n\n"
        "If you don't have the time or patience, you can do it automatically with**Driver Easy**. "
        "It will find the correct driver for you.\n"
    )
    one, two = st.structure(body, "Printer offline").steps
    assert not one.promotional and two.promotional and two.pitch

def test_keys_held_down_together_are_a_shortcut(st):
    body = (
        "## Fix 1: Run the printer troubleshooter\n\n"
        "1) On your keyboard, hold down the **Windows Logo key** and the **R key**, type control panel, and hit Enter.\n"
        "2) Click **Devices and Printers**.\n\n"
        "## Fix 2: Restart in safe mode\n\nHold the power button for 10 seconds. Hold down the **Ctrl** and "
        "**Alt** keys on your keyboard, then press the up arrow.\n"
    )
    one, two = st.structure(body, "Printer not connected").steps
    # (the modifiers held and the key pressed then are one shortcut, never the half "Ctrl + Alt")
    assert one.shortcuts == ["Win + R"] and two.shortcuts == ["Ctrl + Alt + Up"]


def test_keys_said_in_the_plural_or_held_then_pressed_are_a_shortcut(st):
    body = (
        "## Fix 1: End the tasks\n\n"
        "1) On your keyboard, press the **Ctrl, Shift and Esc keys** at the same time to open Task Manager.\n"
        "2) Press the **Windows logo + R** keys simultaneously, type **taskmgr** and press **Enter**.\n\n"
        "## Fix 2: Turn the screen back\n\n"
        "Hold down the **Ctrl** and **Alt** keys on your keyboard, then press the **up arrow key**. Or hold down the "
        "**Windows logo key**, then press **Pause** to see your system.\n\n"
        "## Fix 3: Reset the printer\n\n"
        "Hold the power button for 10 seconds, then press the **Resume** button. Hold down **Shift**, then press "
        "the **Restart** option.\n"
    )
    one, two, three = st.structure(body, "Screen upside down").steps
    assert one.shortcuts == ["Ctrl + Shift + Esc", "Win + R"]
    assert two.shortcuts == ["Ctrl + Alt + Up", "Win + Pause"]
    assert three.shortcuts == []  # (a button or an option pressed then is no key)
    # an action between the keys held and the key pressed then makes no shortcut of them (the review's three)
    acts = ("## Fix 1: Delete the files\n\nHold down the **Ctrl** key while clicking each file, then press **Delete**. "
            "Hold down the **Shift** key and select restart, then press **F4** to enter Safe Mode. Hold down the "
            "**Alt** key and drag the window, then press **Esc**.\n\n## Fix 2: Restart\n\nRestart the PC.\n")
    assert st.structure(acts, "Files").steps[0].shortcuts == []


def test_bold_lines_between_numbered_solutions_are_nested_in_linear_time(st):
    def run(n: int) -> None:
        body = ("Intro.\n\n**Solution 1: Update the driver**\n\nText.\n\n"
                + "".join(f"**Uninstall the driver {i}**\n\nDo it.\n\n" for i in range(n))
                + "**Solution 2: Restart**\n\nText.\n")
        secs = st.structure(body, "How to fix it").sections
        assert sum(s.heading.startswith("Uninstall the driver") and secs[s.parent].heading.startswith("Solution 1")
                   for s in secs) == n
    ok, figures = grows_linearly(run, 4_000)  # (each bold line looked back to the run's start and copied the rest: 12 s)
    assert ok, figures


def test_headings_numbered_by_a_spaced_number_are_steps_when_their_text_acts(st):
    # a page's number badge left as `1  ` before the heading's words: the fixes of a troubleshooting page
    fixes = ("## 1  Ensure Wi-Fi and Bluetooth Are On\n\nSome smart plugs need both radios on your phone.\n\n"
             "Check under Settings > Wi-Fi to see which network you are on.\n\n"
             "## 2  Restart Your Home Hub\n\nThe hub may have stalled. Unplug it from power, wait ten seconds, "
             "then plug it in again.\n\n"
             "## 3  Choose a Different Wi-Fi Channel\n\nCongestion on a busy channel drops devices.\n\n"
             "Open the router's admin page and set the channel from Auto to Manual.\n\n")
    assert steps(st, "Smart homes fail sometimes. Try these.\n\n" + fixes) == [
        "Ensure Wi-Fi and Bluetooth Are On", "Restart Your Home Hub", "Choose a Different Wi-Fi Channel"]
    # ...but a listicle's picks numbered so, whose text only describes them, are no steps
    picks = ("## 1  Use a Motherboard With Backside Connectors\n\nThese boards hide the cables behind the tray. "
             "They cost a little more.\n\n"
             "## 2  Get Custom PSU Cables\n\nSleeved cables look far tidier than the stock ones.\n\n"
             "## 3  Mount the GPU Vertically\n\nA vertical mount shows off the card's cooler.\n\n")
    assert steps(st, "A clean build is a joy to look at.\n\n" + picks) == []


def test_a_how_to_way_beside_one_told_in_ways_of_its_own_is_a_step(st):
    body = ("Apps vanish from the stores. Here is how to get them back.\n\n"
            "## How to Download Removed Apps on iPhone\n\nOpen the App Store and tap your account icon. "
            "Tap Purchased and find the app.\n\n"
            "## How to Download Removed Apps on Android\n\nThere are two ways on Android.\n\n"
            "### How to Install Removed Apps From Google Play\n\nOpen the Play Store and tap Manage Apps.\n\n"
            "### How to Sideload Removed Apps\n\nDownload the APK from a mirror and open it.\n")
    assert steps(st, body) == ["How to Download Removed Apps on iPhone", "How to Install Removed Apps From Google Play",
                               "How to Sideload Removed Apps"]


def test_a_how_to_part_over_one_way_only_is_that_way(st):
    """A "How to" section telling how over one "How to" sub-way ("How to Turn Off ...") is a way of
    the page, the sub-way with it: alone, that sub-way has no peer to be a step among."""
    body = ("Never miss a call. Here are all the ways.\n\n"
            "## How to Set Up Call Forwarding on Android\n\nOpen the Phone app and tap the three dots. "
            "Tap Settings, then Call Forwarding, and type the number.\n\n"
            "### How to Turn Off Call Forwarding on Android\n\nOpen the same menu and tap Turn Off.\n\n"
            "## How to Set Up Call Forwarding on iPhone\n\nOpen Settings > Phone > Call Forwarding and turn it on.\n\n"
            "### How to Turn Off Call Forwarding on iPhone\n\nTap the toggle again to turn it off.\n\n"
            "## How to Set Up Call Forwarding on Samsung Galaxy Phones\n\nOpen Settings > Supplementary Services.\n\n"
            "## How to Turn Off Call Forwarding on Samsung Galaxy Phones\n\nTap Call Forwarding and disable it.\n")
    found = st.structure(body, "Call forwarding").steps
    assert [s.title for s in found] == [
        "How to Set Up Call Forwarding on Android", "How to Set Up Call Forwarding on iPhone",
        "How to Set Up Call Forwarding on Samsung Galaxy Phones", "How to Turn Off Call Forwarding on Samsung Galaxy Phones"]
    assert "tap Turn Off" in found[0].text  # (its sub-way is in it)
    # a part over two ways or more is no way: they are ("Part 2: How to ..." over "How to Install", "How to Use")
    two = body.replace("### How to Turn Off Call Forwarding on iPhone", "### How to Block Calls on iPhone\n\n"
                       "Open Settings > Phone > Blocked Contacts and add the number.\n\n"
                       "### How to Turn Off Call Forwarding on iPhone")
    assert "How to Block Calls on iPhone" in steps(st, two, "Call forwarding")
    # a part with no text of its own over one way: that way is a way of the page, in the part's place
    bare = body.replace("Open the Phone app and tap the three dots. Tap Settings, then Call Forwarding, and type "
                        "the number.\n\n", "")
    assert steps(st, bare, "Call forwarding")[:2] == [
        "How to Turn Off Call Forwarding on Android", "How to Set Up Call Forwarding on iPhone"]


def test_the_last_sibling_after_a_run_of_steps_is_one_when_its_text_says_what_to_do(st):
    run = ("Phones misbehave. Here is what to try.\n\n"
           "## Restart Your Device\n\nPress and hold the power button, then tap Restart.\n\n"
           "## Clear App Cache\n\nOpen Settings > Apps and tap Storage, then Clear Cache.\n\n"
           "## Update Apps\n\nOpen the Play Store and tap Update next to the app.\n\n")
    last = ("## Factory Reset Your Device\n\nThis wipes the phone. To perform a factory reset, go to Settings > "
            "General Management > Reset. Tap Factory Data Reset and confirm.\n")
    assert steps(st, run + last)[-1] == "Factory Reset Your Device"
    # ...not a closing section that only tells, or says one thing to do
    assert steps(st, run + "## Phones Are Complicated\n\nMost problems go away on their own.\n")[-1] == "Update Apps"
    assert steps(st, run + "## Thoughts on Phones\n\nMost problems go away. Restart it now and then.\n")[-1] == "Update Apps"


def test_an_action_after_a_sentence_that_ends_inside_its_quote_marks_a_screenshot_step(st):
    shot = "![](https://x.example/{}.png)"
    body = ("Apps can read your clipboard.\n\n"
            "Let's turn on the alert. First, swipe down from the top and tap the gear icon.\n\n" + shot.format(1) + "\n\n"
            "Next, scroll down to the \"Privacy\" section.\n\n" + shot.format(2) + "\n\n"
            "Here you'll see the \"Privacy Dashboard.\" Keep scrolling to \"Show Clipboard Access.\" Toggle it on.\n\n"
            + shot.format(3) + "\n\nThat's it!\n")
    assert steps(st, body, "Clipboard alerts") == [
        "First, swipe down from the top and tap the gear icon.", "Next, scroll down to the \"Privacy\" section.",
        "Keep scrolling to \"Show Clipboard Access.\""]


def test_every_sentence_ends_after_the_quote_mark_that_closes_it(st):
    """One splitter (text.SENTENCE_END) for every sentence the structurer reads: a screenshot's
    action after a sentence closed inside its quotes counts ("... select \"Security.\" On the right
    pane, choose ..."), and a numbered step's title is its first sentence, not the picture's text after it."""
    shot = "![](https://x.example/{}.png)"
    body = ("Passkeys replace passwords.\n\n## What Is a Passkey?\n\nA key your PC keeps.\n\n"
            "## How to Create a Passkey on Your PC\n\nYou'll make the key on the website's account page.\n\n"
            "After signing in, from the left sidebar, select \"Security.\" On the right pane, choose \"Passkeys.\"\n\n"
            + shot.format(1) + "\n\nClick \"Create a Passkey\" at the top of the page.\n\n" + shot.format(2) + "\n\n"
            "## How to Sign In With a Passkey\n\nOpen the site and click \"Sign In.\"\n\n" + shot.format(3) + "\n\n"
            "Choose \"Use a Passkey\" and confirm with your PIN.\n\n" + shot.format(4) + "\n\n"
            "## How to Delete a Passkey\n\nOpen Settings and click \"Accounts.\"\n\n" + shot.format(5) + "\n\n"
            "Select the key's menu and choose \"Delete.\"\n\n" + shot.format(6) + "\n")
    assert steps(st, body, "Windows 11 passkeys") == [
        "How to Create a Passkey on Your PC", "How to Sign In With a Passkey", "How to Delete a Passkey"]
    body = ("Startup programs can break Windows.\n\n1. Press Windows + R, type \u201cmsconfig,\u201d and hit Enter.\n"
            "2. In the System Configuration window, open the Services tab.\n"
            "3. Click on \u201cDisable all\u201d and then go to the Startup tab, selecting \u201cOpen Task Manager.\u201d\n"
            "   ![system configuration](https://x.example/c.png)\n4. Disable the startup applications one by one.\n")
    assert steps(st, body, "Clean boot")[2] == (
        "Click on \u201cDisable all\u201d and then go to the Startup tab, selecting \u201cOpen Task Manager.\u201d")


def test_the_one_section_named_for_a_procedure_is_the_step_of_a_page_that_gives_no_other(st):
    intro = "Folders keep chats apart.\n\n## Why You Should Organize Your Chats\n\nI miss news otherwise.\n\n"
    how = ("## How to Organize Telegram Chats Into Folders\n\nOpen the Telegram app and tap the menu icon, then "
           "Settings. Tap \"Chat Folders\" and press \"Create New Folder.\"\n\nName the folder. Press \"Save\" at the "
           "top right when you are done.\n")
    assert steps(st, intro + how, "Telegram folders") == ["How to Organize Telegram Chats Into Folders"]
    # ...not one whose text says only one thing to do (two such sections are peers: the ways of the page)
    assert steps(st, intro + how.replace(" Press \"Save\" at the top right when you are done.", "")
                 .replace("Tap \"Chat Folders\" and press \"Create New Folder.\"", "Folders are there."),
                 "Telegram folders") == []
    other = how.replace("How to Organize Telegram Chats Into Folders", "Use the Desktop App")
    assert steps(st, intro + how + "\n## Pets\n\nMy cat.\n\n" + other, "Telegram folders") == [
        "How to Organize Telegram Chats Into Folders", "Use the Desktop App"]
    # a name that opens with a verb's word, or a call to action, names no procedure
    for name in ("Make", "Try Movavi Slideshow Maker!"):
        assert steps(st, intro + how.replace("How to Organize Telegram Chats Into Folders", name), "T") == []


def test_sibling_headings_of_a_verb_s_shape_each_over_an_action_are_the_ways_of_a_page_that_gives_no_other(st):
    """A page whose headings give no step otherwise: sibling headings all opening with a word of a
    verb's shape the rules do not list ("Double Tap ...", "Quick Launch ..."), each over text that
    says what to do, are its ways; not when one of them only tells, nor a lone one."""
    intro = "The best camera is the one you have with you.\n\n"
    double = ("## Double Tap the Power Button\n\nYou can launch the camera in under a second. Open Settings > "
              "Advanced Features and turn on the double-press camera.\n\n")
    quick = ("## Quick Launch From the Lock Screen\n\nAll Galaxy phones have a quick launch shortcut. Tap the camera "
             "icon and slide it to the left.\n\n")
    assert steps(st, intro + double + quick, "Galaxy camera") == [
        "Double Tap the Power Button", "Quick Launch From the Lock Screen"]
    told = "## Quick Launch From the Lock Screen\n\nAll Galaxy phones have a shortcut in the corner.\n\n"
    assert steps(st, intro + double + told, "Galaxy camera") == []
    assert steps(st, intro + quick, "Galaxy camera") == []
    # nor names that a statement's verb follows, nor headings opening with an article
    for a, b in (("Ente Is Fully Open Source", "Ente Is End-to-End Encrypted"),
                 ("The First Mobile Phone", "The First Smartphone")):
        named = (intro + double + quick).replace("Double Tap the Power Button", a).replace(
            "Quick Launch From the Lock Screen", b)
        assert steps(st, named, "Galaxy camera") == []


def test_sibling_headings_shaped_like_a_verb_are_no_ways_without_a_verb_s_evidence(st):
    """A heading's capitalised first word is a verb when the page uses it as one: an article after it
    ("Reset the ..."), lower-case before a listed verb ("double-press" for "Double Tap"), after "to"
    ("want to truncate text"); not a review's, a listicle's, news' or a closing's headings over text
    with an action in it, nor "Example Search in ..." (its second word a verb, the page never saying
    "example search"), nor a German heading."""
    def ways(*secs, intro="We spent a week with it.\n\n"):
        return steps(st, intro + "".join(f"## {h}\n\n{t}\n\n" for h, t in secs), "T")
    assert ways(("Price and Availability", "It costs $799. Check out the deals at Amazon."),
                ("Design and Build Quality", "It feels solid. Look at the titanium frame and you will see why."),
                ("Battery Life Impressions", "It lasts a day. Turn on the saver mode and it lasts two.")) == []
    assert ways(("Google Photos Video Editor", "It rotates clips in a tap.\n\nDownload: Android | iOS (Free)"),
                ("Adobe Premiere Rush", "A pro editor in your pocket.\n\nDownload: Android | iOS (Free)"),
                ("Video Rotate Plus", "It does one thing.\n\nDownload: Android (Free)")) == []
    assert ways(("Smart Lock Features", "The lock learns your routine. Let's take a closer look."),
                ("Screen Recorder Pro", "It gets a pro mode. Make no mistake, this is big.")) == []
    assert ways(("Apple Unveils the iPhone 17", "It is thinner. Check out our hands-on for more."),
                ("Samsung Announces One UI 8", "It lands in June. Find the changelog on Samsung's site.")) == []
    assert ways(("Wiko Hi GT Cube eGPU Specifications", "Check the table below.\n\nSwipe to scroll horizontally"),
                ("Stay On the Cutting Edge: Get the Tom's Hardware Newsletter", "Get the best news. Sign up below.")) == []
    assert ways(("Unleash Your Creativity With Filmora!", "Download it now and start editing."),
                ("Subscribe to Our Newsletter", "Enter your email below to get the latest tips.")) == []
    assert ways(("Die neuen Funktionen im Detail", "Die Kamera ist besser. Tap to Pay funktioniert jetzt."),
                ("Die besten Apps für Android", "Wir haben getestet. Download: Google Play.")) == []
    example = [(f"Example Search in {app}", f"Rather than open the menu, type \"crop\" and select {what}.")
               for app, what in (("Word", "Crop"), ("Excel", "Group"), ("PowerPoint", "Crop Picture"))]
    assert ways(*example, intro="For example, select a shape to search for.\n\n") == []
    # the page saying the verb as one: "to truncate"
    truncate = [(f"Truncate Text in Excel with {f}", f"Enter the formula {f}(A2, 4) and press Enter.")
                for f in ("RIGHT", "LEFT", "MID")]
    assert ways(*truncate, intro="Three functions help you truncate text in a cell.\n\n") == [h for h, _ in truncate]
    assert ways(*truncate, intro="Three functions shorten text in a cell.\n\n") == []


def test_actions_over_screenshots_under_a_heading_with_no_verb_are_no_steps(st):
    """A gallery's "Look at ..." captions over its samples under "Pixel 9 Pro Camera Samples": "Pixel"
    opens the heading as a verb would, but nothing says it is one."""
    shot = "![](https://x.example/{}.jpg)"
    body = ("The Pixel 9 Pro has the best camera we have tested this year.\n\n## Pixel 9 Pro Camera Samples\n\n"
            f"Look at the detail in the brickwork here.\n\n{shot.format(1)}\n\n"
            f"Check out how the night mode lifts the shadows.\n\n{shot.format(2)}\n\n"
            f"Look closely and you can see the noise in the sky.\n\n{shot.format(3)}\n\n"
            f"Portrait mode nails the edges.\n\n{shot.format(4)}\n\n## Final Thoughts\n\nIt is great.\n\n")
    assert steps(st, body, "Pixel 9 Pro camera review") == []


def test_actions_over_screenshots_count_when_a_third_of_the_screenshots_say_what_to_do(st):
    # a walk-through whose screenshots mostly show options described ("Here's where you can ...") between
    # the actions: one in three of them saying what to do is still a procedure
    shot = "![](https://x.example/{}.png)"
    said = ["First, open Settings and select Wallpaper.", "Here's where the clock styles are.",
            "The colors come next.", "Tap \"Clock Color.\"", "The size tab lets the clock grow.",
            "Scrolling down, more options show.", "Tap \"Shortcuts\" to change them.",
            "Notifications can be hidden here."]
    body = "Pixel lock screens are plain.\n\n" + "".join(f"{t}\n\n{shot.format(k)}\n\n" for k, t in enumerate(said))
    assert steps(st, body, "Pixel lock screen") == [said[0], said[3], said[6]]
    # fewer (one in four) is a page that shows things, not a procedure
    more = body + "".join(f"A remark {k}.\n\n{shot.format(k)}\n\n" for k in range(20, 24))
    assert steps(st, more, "Pixel lock screen") == []


def test_actions_over_screenshots_under_the_one_heading_that_says_what_to_do_are_steps(st):
    shot = "![](https://x.example/{}.png)"
    run = (f"Open your sheet and go to the Review tab.\n\n{shot.format(1)}\n\nSelect the sheet you want.\n\n"
           f"{shot.format(2)}\n\nClick \"Workbook Statistics.\"\n\n{shot.format(3)}\n\n")
    intro = "Counting formulas is easy.\n\n"
    assert steps(st, intro + "## Get Workbook Statistics in Excel\n\n" + run, "Stats") == [
        "Open your sheet and go to the Review tab.", "Select the sheet you want.", "Click \"Workbook Statistics.\""]


def test_actions_over_screenshots_under_a_heading_opening_with_an_unlisted_verb_are_steps(st):
    """"Rotate Videos on Android ...": a verb the rules do not list, by its shape, says what to do
    as "Get Workbook Statistics" does; a question ("Why Do Videos Turn Sideways?") does not."""
    shot = "![](https://x.example/{}.png)"
    run = (f"First, find the video that you'd like to rotate.\n\n{shot.format(1)}\n\n"
           f"Next, tap the screen and tap \"Edit.\"\n\n{shot.format(2)}\n\n"
           f"Now tap the rotate icon until the video is upright.\n\n{shot.format(3)}\n\n"
           f"When you're done, tap \"Save Copy.\"\n\n{shot.format(4)}\n\n")
    page = ("### Key Takeaways\n\n* Rotate a video in Google Photos.\n\nIt happens to all of us.\n\n"
            "## {}\n\nWe'll use the Google Photos app.\n\n" + run)
    assert len(steps(st, page.format("Rotate Videos on Android With Google Photos"), "Rotate videos")) == 4
    assert steps(st, page.format("Why Do Videos Turn Sideways?"), "Rotate videos") == []


def test_how_to_parts_over_how_to_ways_are_read_in_linear_time(st):
    """Each "How to" part asked every section whether it was one of its children (8,000 parts:
    6.6 s, quadratic); its children are now gathered once."""
    import time

    def seconds(n: int) -> float:
        body = "Intro text about the thing.\n\n" + "".join(
            f"## How to set up part {i}\n\n### How to open panel {i}\n\nOpen the panel and click Save.\n\n" for i in range(n))
        t0 = time.process_time()
        st.structure(body, "How to set up the panels")
        return time.process_time() - t0
    # four times the parts: about four times the time (16 times when quadratic, ~26 s at 16,000 parts); a ratio, not
    # a bound in seconds, which a loaded machine crossed (10.5 s against 10 for 16,000 parts, ~7-9 s alone)
    assert seconds(16_000) < 8 * seconds(4_000) + 0.5


def test_headings_opening_with_a_verb_the_rules_do_not_list_are_steps_among_steps(st):
    """Among sibling headings of which two or more read as steps ("Keep ...", "Get ..."), one that
    opens with a word of a verb's bare shape and then an article or a possessive ("Choose a ...",
    "Handle Your ...") is a step though the rules do not list the verb, and so is one between
    them; alone, such headings are no steps (a comparison's "Choose an iPhone for ..."), nor is
    "Meet the ..." or "Inside the ..." (not a doing)."""
    body = ("Your hard drive will last longer if you treat it well.\n\n"
            "## Choose a Reliable Manufacturer\n\nPick a brand with a long warranty and good reviews.\n\n"
            "## Handle Your Hard Drive With Care\n\nNever drop the drive or move the PC while it spins.\n\n"
            "## Avoid Exposure to Static Electricity\n\nTouch a grounded metal object before you open the case.\n\n"
            "## Keep Your Drive Safe From Overheating\n\nLeave room around the case for the air to flow.\n\n"
            "## Get a Surge Protector\n\nA spike in the mains can ruin the drive's board.\n")
    assert steps(st, body, "Make your hard drive last") == [
        "Choose a Reliable Manufacturer", "Handle Your Hard Drive With Care",
        "Avoid Exposure to Static Electricity", "Keep Your Drive Safe From Overheating", "Get a Surge Protector"]
    versus = ("Both phones are good; here is how they differ.\n\n"
              "## Choose an iPhone for Better Compatibility\n\nIt works with your Mac.\n\n"
              "## Choose a Samsung for Better Customization\n\nYou can change the launcher.\n\n"
              "## Choose an iPhone for Regular OS Updates\n\nUpdates come for six years.\n")
    assert steps(st, versus, "iPhone vs Samsung") == []
    news = ("The phone goes on sale next week.\n\n## Meet the Pixel 9\n\nIt has a new camera bar.\n\n"
            "## Inside the Box\n\nA cable and a SIM tool.\n\n## Check the Price\n\nIt costs $799.\n\n"
            "## Try the Camera\n\nIt is good at night.\n")
    assert steps(st, news, "Google announces the Pixel 9") == ["Check the Price", "Try the Camera"]


def test_the_first_of_a_run_of_steps_is_one_when_its_text_gives_two_actions(st):
    """Before the first heading that reads as a step, a sibling whose verb the rules do not know and
    whose text says two things to do is the first step of the run, not the page's preamble."""
    body = ("My battery drained in a day. Here are the settings I changed.\n\n"
            "## Put Unused Apps to Sleep\n\nSleeping apps use no battery in the background.\n\n"
            "To put an app to sleep on a Galaxy phone, open Settings and go to Battery > Background Usage Limits. "
            "Next, tap \"Deep Sleeping Apps\" and add the apps.\n\n"
            "## Disable Always-On Display\n\nOpen Settings, go to Lock Screen and switch off Always On Display.\n\n"
            "## Adjust Screen Timeout\n\nOpen Settings and go to Display > Screen Timeout.\n\n"
            "## Turn Off Wi-Fi Scanning\n\nOpen Settings and go to Location > Location Services.\n")
    assert steps(st, body, "Make your Android battery last") == [
        "Put Unused Apps to Sleep", "Disable Always-On Display", "Adjust Screen Timeout", "Turn Off Wi-Fi Scanning"]


def test_headings_that_name_what_goes_wrong_are_the_fixes_of_a_page_about_a_problem(st):
    """A page about a problem ("Why Is My iPhone Lagging?") whose sibling sections are headed by
    what goes wrong (`## 2. Low Storage`), most of them saying what to do about it, gives those
    sections as its fixes; the same shape on a page that is about no problem gives none."""
    body = ("## Why Is My iPhone Lagging? The 4 Main Issues and Remedies\n\n"
            "Sometimes your phone is slower than it should be. Here is why.\n\n"
            "## 1. Outdated Software\n\nOld software can slow the phone down. To check for updates, "
            "go to Settings > General and tap Software Update.\n\n"
            "## 2. Low Storage\n\nA full phone is a slow phone. Open Settings and go to General > iPhone Storage "
            "to see which apps take the most space.\n\n"
            "## 3. An App Is Stuck in the Background\n\nA buggy app may keep running. Swipe up and close every app.\n\n"
            "## 4. Cold Weather\n\nBelow freezing, the battery cannot keep up. Keep the phone in an inner pocket.\n")
    assert steps(st, body, "Why Is My iPhone Lagging?") == [
        "Outdated Software", "Low Storage", "An App Is Stuck in the Background", "Cold Weather"]
    review = body.replace("## Why Is My iPhone Lagging? The 4 Main Issues and Remedies", "## Four Things I Noticed")
    assert steps(st, review, "Four Things I Noticed on My iPhone") == []
    # the page's own "How to Fix ..." heading before them is none of them; examples under a part are none
    headed = body.replace("## 1. Outdated Software", "## How to Fix a Lagging iPhone\n\nRestart it first.\n\n"
                          "## 1. Outdated Software")
    assert steps(st, headed, "Why Is My iPhone Lagging?")[0] == "Outdated Software"
    nested = body.replace("\n## ", "\n### ").replace("## Why Is My iPhone Lagging? The 4 Main Issues and Remedies",
                                                     "## Why Is My iPhone Lagging?\n\n## Examples")
    assert steps(st, nested, "Why Is My iPhone Lagging?") == []


def test_what_the_writer_will_do_does_not_open_a_procedure(st):
    """A paragraph ending "..., let's begin." says what the writer will do, not what the reader should:
    it does not open a procedure of actions over screenshots (its next paragraph does)."""
    shots = ("You need Android 14 for this. With that out of the way, let's begin.\n\n"
             "Open the Settings app and tap \"About Phone.\"\n\n![About Phone](https://example.com/1.png)\n\n"
             "Find the \"Build Number\" option and tap it seven times.\n\n![Build number](https://example.com/2.png)\n\n"
             "Go to System > Developer Options.\n\n![Developer options](https://example.com/3.png)\n\n"
             "Enable the \"Disable Absolute Volume\" toggle.\n\n![Toggle](https://example.com/4.png)\n")
    assert steps(st, shots, "Turn off absolute volume")[0] == 'Open the Settings app and tap "About Phone."'


def test_an_action_that_ends_its_sentence_is_still_an_action_over_a_screenshot(st):
    # ("Then restart" at the sentence's end: no quote mark follows the verb, so not "Let's ...")
    body = ("## Fix the update error\n\nWindows may fail to install an update. Here is what to do.\n\n"
            "Open Settings and go to Windows Update. Click Check for updates\n\n![shot](https://img.example/a.png)\n\n"
            "The download takes a few minutes. Then restart\n\n![shot](https://img.example/b.png)\n\n"
            "Sign in again and open Windows Update. Click Retry\n\n![shot](https://img.example/c.png)\n")
    assert len(steps(st, body, "Fix the update error")) == 3
    assert st._writer_acts("Once it finishes, restart") and not st._writer_acts("Let's begin.")


def test_a_heading_that_opens_with_a_preposition_is_not_verb_shaped(st):
    for h in ("Across Your Devices", "Between the Lines", "Against the Odds", "Around the House",
              "Within the App", "Among the Best", "Toward the Future", "Upon a Time"):
        assert not st.verb_shaped.match(h), h
    assert st.verb_shaped.match("Handle Your Files")
    body = ("Sync problems have a few fixes.\n\n"
            "## Restart Your Phone\n\nHold the power button and tap Restart.\n\n"
            "## Update the App\n\nOpen the store and tap Update.\n\n"
            "## Across Your Devices\n\nSync works the same on tablets and laptops, so what you see here holds there too.\n")
    assert steps(st, body, "How to Fix Sync Problems") == ["Restart Your Phone", "Update the App"]


def test_the_re_split_parse_reads_its_own_opening_heading_for_remedy_runs(st, monkeypatch):
    # split, "**Follow these steps:**" heads the count and the title's heading is no longer the opening one
    seen, remedy = [], st._remedy_runs

    def spy(*a, **k):
        seen.append(st._page_titles)
        return remedy(*a, **k)
    monkeypatch.setattr(st, "_remedy_runs", spy)
    body = ("**Follow these steps:** 1) Open Settings and go to Devices. 2) Click Printers and scanners.\n\n"
            "## Printer Offline? Causes and Fixes\n\nThe printer goes offline for a few reasons.\n")
    title = "Printer Offline? Causes and Fixes"
    assert steps(st, body, title) == ["Open Settings and go to Devices.", "Click Printers and scanners."]
    assert seen[0] == (title, title) and seen[-1] == (title, "") and st._page_titles == (title, "")


def test_how_to_avoid_gives_as_fixes_only_sections_worded_as_actions(st):
    """"How to avoid buying a fake Pixel" in a review over statements ("Fakes ship with older
    Android"): no way to try; a heading that finds a cause over the causes is no step either
    ("Find Out What Causes ...", its "Power saving mode" reading as an action)."""
    review = ("Our review of the Pixel 8.\n\n## Design\n\nGlass and aluminium.\n\n## How to avoid buying a fake Pixel\n\n"
              "Some tips.\n\n### Genuine boxes have a hologram\n\nThe hologram is on the back.\n\n"
              "### Fakes ship with older Android\n\nThey run Android 11.\n\n### The price is too good\n\n"
              "A fake costs half.\n\n## Verdict\n\nBuy it.\n")
    assert steps(st, review, "Pixel 8 review") == []
    causes = ("Wi-Fi drops.\n\n## Find Out What Causes Wi-Fi to Drop\n\nThe usual reasons:\n\n- An outdated driver\n"
              "- Power saving mode\n- Interference from a microwave\n\n## Update the network driver\n\n"
              "1. Open Device Manager.\n2. Click Update driver.\n\n## Turn off power saving\n\n"
              "1. Open Device Manager.\n2. Untick the power box.\n")
    assert steps(st, causes, "Wi-Fi keeps dropping") == ["Update the network driver", "Turn off power saving"]


def test_a_heading_in_the_writers_voice_is_no_step(st):
    """"Let’s Do a Few Benchmarks" opens with "let", a verb of the rules, but as the writer's
    contraction: what the writer does, not a way for the reader; the procedure beside it stays."""
    body = ("VRAM can be overclocked.\n\n## What Happens When You Overclock VRAM\n\nIt runs faster.\n\n"
            "## Let’s Do a Few Benchmarks\n\nI ran 3DMark three times and the score went up a little.\n\n"
            "## How to Overclock Your VRAM\n\nOpen AMD Software and raise the memory clock by 100MHz.\n\n"
            "## Use MSI Afterburner\n\nDrag the Memory Clock slider to the right and click Apply.\n")
    assert steps(st, body, "Overclocking VRAM") == ["How to Overclock Your VRAM", "Use MSI Afterburner"]


def test_a_section_the_contents_links_name_is_a_fix_whatever_its_words(st):
    """The contents list of in-page links names seven fixes; the seventh's heading, after the six
    counted ones, has no number and no verb ("Some other modifications"): the list says it is one.
    A section the list does not name stays out ("Final words", and an ordinary "Other" whose one
    word an item holds)."""
    body = ("Slow internet on Windows?\n\n## 3 fixes for slow Internet\n\n"
            "1. **[Disable Peer-to-Peer Update](#F1)**\n2. **[Disable Auto-Tuning](#F2)**\n"
            "3. **[Some other modifications to try](#more) **\n\n"
            "## Fix 1: Disable Peer to Peer Update\n\nOpen **Delivery Optimization** and turn it off.\n\n"
            "## Fix 2: Disable Windows Auto-Tuning\n\nRun `netsh int tcp set global autotuninglevel=disabled`.\n\n"
            "## Some other modifications\n\n* **Use a wired connection** instead of Wi-Fi.\n"
            "* **Update your router firmware**.\n\n## Other\n\nRestart it once a week. Keep it in the open.\n\n"
            "## Final words\n\nHope this helps you.\n")
    assert steps(st, body, "Slow Internet") == [
        "Disable Peer to Peer Update", "Disable Windows Auto-Tuning", "Some other modifications"]


def test_a_section_the_contents_links_name_is_matched_by_its_words_or_its_anchor_and_acts(st):
    """Only a section the list names, by most of both's words ("## Windows" is one word of "Disable
    startup apps in Windows"; "## Author" of "About the author") or by the link's fragment
    (`(#the-network-reset)` over "## The network reset"), and whose text acts (a listicle's
    "## NordVPN" is named but says nothing to do); a parent over fixes ("## More fixes") stays
    their parent, not one step that swallows them."""
    body = ("Slow PC.\n\n## Three fixes for a slow PC\n\n- [Disable startup apps in Windows](#a)\n- [Clear the cache in Windows](#b)\n"
            "- [Another way](#the-network-reset)\n- [About the author](#c)\n- [NordVPN](#nord)\n\n"
            "## Disable startup apps\n\n1. Open Task Manager.\n2. Disable the apps.\n\n"
            "## Clear the cache\n\n1. Open Disk Cleanup.\n2. Click OK.\n\n"
            "## The network reset\n\nOpen Settings and click Network reset.\n\n"
            "## NordVPN\n\nFast servers and a good price.\n\n"
            "## Windows\n\nOpen the Start menu to find your apps.\n\n## Author\n\nClick her name to read more.\n")
    assert steps(st, body, "Slow PC") == ["Disable startup apps", "Clear the cache", "The network reset"]
    parent = ("Wi-Fi drops.\n\n## Fixes for Wi-Fi drops\n\n1. [Restart the router](#f1)\n2. [Update the driver](#f2)\n"
              "3. [More fixes](#more)\n\n## Fix 1: Restart the router\n\n1. Unplug the router.\n2. Plug it back in.\n\n"
              "## Fix 2: Update the driver\n\n1. Open Device Manager.\n2. Click Update driver.\n\n"
              "## More fixes\n\nIf those did not help, try these.\n\n### Forget the network\n\n1. Open Settings.\n"
              "2. Click Forget.\n\n### Reset the network settings\n\n1. Open Settings.\n2. Click Network reset.\n")
    assert steps(st, parent, "Wi-Fi keeps dropping") == [
        "Restart the router", "Update the driver", "Forget the network", "Reset the network settings"]


def test_a_section_the_page_contents_name_is_matched_past_a_fixs_own_contents(st):
    """The page's contents list names the last section ("Some other tweaks"); between them a fix lists
    its own two ways as in-page links (its sub-sections): the section is matched against the page's
    list, not against the fix's, the nearest before it (it was lost so). The fix's two ways share none of
    its words and none pitches: fixes of their own, the fix's list their overview (`_overviews`)."""
    body = ("Slow internet?\n\n## 3 fixes for slow Internet\n\nWork down the list.\n\n"
            "1. **[Disable Peer-to-Peer Update](#F1)**\n2. **[Repair system files](#RE)**\n"
            "3. **[Some other tweaks to try](#more)**\n\n"
            "## Fix 1: Disable Peer to Peer Update\n\nOpen **Delivery Optimization** and turn it off.\n\n"
            "## Fix 2: Repair system files\n\n1. [**Run SFC scan**](#SFC)\n2. [**Run DISM**](#DISM)\n\n"
            "### Run SFC scan\n\n1. Open Command Prompt.\n2. Type `sfc /scannow`.\n\n"
            "### Run DISM\n\n1. Open Command Prompt.\n2. Type `DISM /Online /Cleanup-Image /RestoreHealth`.\n\n"
            "## Some other tweaks\n\n* **Use a wired connection** instead of Wi-Fi.\n* **Update your router firmware**.\n")
    assert steps(st, body, "Slow Internet") == [
        "Disable Peer to Peer Update", "Run SFC scan", "Run DISM", "Some other tweaks"]


def test_a_list_of_anchors_inside_a_section_or_in_one_item_is_no_contents(st):
    """A "go on with:" list of in-page links after a procedure is the section's own (the section
    stays a step); a "What you need" list with links in one item keeps its text."""
    body = ("Printer offline?\n\n## Restart the printer\n\n1. Turn the printer off.\n2. Wait ten seconds.\n"
            "3. Turn it on.\n\n## The print spooler service\n\n1. Press Win+R and type services.msc.\n"
            "2. Right-click Print Spooler and click Restart.\n3. Close the window.\n\n"
            "If this did not help, go on with:\n\n- [the driver fix](#f3)\n- [reinstalling](#f4)\n\n"
            "## Update the driver\n\n1. Open Device Manager.\n2. Right-click the printer and click Update driver.\n\n"
            "## Reinstall the printer\n\n1. Open Settings.\n2. Remove the printer and add it again.\n")
    assert steps(st, body, "Printer offline") == [
        "Restart the printer", "The print spooler service", "Update the driver", "Reinstall the printer"]
    need = ("Reinstall Windows.\n\n## What you need\n\n- A USB drive of 8 GB or more (used in [Fix 2](#f2) and "
            "[Fix 3](#f3))\n- Your product key\n\n## Back up your files\n\n1. Open File History.\n2. Click Back up now."
            "\n\n## Create the install media\n\n1. Download the Media Creation Tool.\n2. Run it.\n\n"
            "## Reset this PC\n\n1. Open Settings.\n2. Click Reset.\n")
    got = {x.heading: x.text for x in st.structure(need, "How to reinstall Windows").sections}
    assert "Your product key" in got["What you need"]


def test_a_command_opens_with_a_word_not_any_run_of_word_characters():
    """A command's first word is a word (`Powercfg /batteryreport`); a plan's "5GB /month" in code is
    none (the steps module once rebound its first-word pattern to any run of word characters)."""
    from pipeline.structure.steps import _looks_typed
    assert _looks_typed("Powercfg /batteryreport", "code")
    assert not _looks_typed("5GB /month", "code")
    assert not _looks_typed("Error%1 /x", "code")


def test_a_check_asked_as_a_question_beside_steps_is_one(st):
    """A question that asks the reader to check something or what to do in a case, among sibling steps,
    is a check when its text says what to do ("Can Your PSU Power the GPU?"); not a question that asks what
    something is, nor one whose text only tells, even between two steps ("What if the Card Is Not Detected?")."""
    body = ("Intro.\n\n## What Is a PSU?\n\nIt converts AC power. Open any PC to see it.\n\n"
            "## Can Your PSU Power the GPU?\n\nTo check that, go to the maker's website. Add up the watts of the parts.\n\n"
            "## Check the Power Connector Type\n\nThe connector can be 6-pin or 8-pin. Look at your cables.\n\n"
            "## What if the Card Is Not Detected?\n\nThe card may sit loose in its slot.\n\n"
            "## Check the PCIe Slot Version\n\nNote the slot version on the maker's website.\n\n"
            "## Will the GPU Meet Your Needs?\n\nLastly, keep in mind what you will use it for. For games, get more VRAM.\n\n"
            "## Is It Worth It?\n\nA faster card costs more. For prices, check out our deals page.\n")
    assert steps(st, body, "Will a new GPU work in your PC") == [
        "Can Your PSU Power the GPU?", "Check the Power Connector Type",
        "Check the PCIe Slot Version", "Will the GPU Meet Your Needs?"]


def test_instructions_leave_out_the_alt_text_of_screenshots(st):
    """A screenshot's alt text is no words of an item or a heading (`3. Click **Clear** ![Clear option](...)`,
    `### ![shot](...)Clear the App Cache`), and an item after a screenshot with alt text still counts
    (`![ipv4](...)\\n4. Double-click ...`, which markdown reads as one paragraph)."""
    body = ("## Fix 1: Clear the history\n\n1. Open the **Start Menu** and type **File Explorer Options**\n"
            "2. Click **File Explorer Options** ![file explorer options](https://example.com/1.png)\n"
            "3. Click the **Clear** button\n\n![clear option](https://example.com/2.png)\n\n"
            "### ![Update highlighted in the store.](https://example.com/3.png)Fix 2: Change your DNS server\n\n"
            "1. Press **Win + R**.\n2. Type **ncpa.cpl** and press **Enter**.\n\n"
            "![ipv4](https://example.com/4.png)\n3. Double-click **Internet Protocol Version 4**.\n\n"
            "![dns](https://example.com/5.png)\n4. Click **OK** to apply.\n")
    s = st.structure(body, "Explorer keeps crashing")
    assert [x.title for x in s.steps] == ["Clear the history", "Change your DNS server"]
    assert [x.instructions for x in s.steps] == [
        ["Open the Start Menu and type File Explorer Options", "Click File Explorer Options",
         "Click the Clear button"],
        ["Press Win + R.", "Type ncpa.cpl and press Enter.", "Double-click Internet Protocol Version 4.",
         "Click OK to apply."]]


def test_a_list_item_holding_the_next_numbers_gives_them_as_instructions(st):
    """Items a scrape ran into one (`3) Check it is listed.  4) Right click ...`) are one sub-step each;
    a number that does not continue the item's count is its text ("... set it to 5) ...")."""
    body = ("## Fix 1: Enable the microphone\n\n1) Open **Control Panel**. 5) Sound opens in a window.\n"
            "2) Click the **Recording** tab.\n3) Check if your microphone is listed.  4) Right click on it, "
            "and select **Enable**.  5) Click **OK**.\n")
    s = st.structure(body, "Microphone not working")
    assert s.steps[0].instructions == [
        "Open Control Panel. 5) Sound opens in a window.", "Click the Recording tab.",
        "Check if your microphone is listed.", "Right click on it, and select Enable.", "Click OK."]


def test_numbered_questions_that_only_tell_are_no_steps_and_the_fixes_under_them_are(st):
    """Bold numbered questions over what a thing is and why it fails ("**1\\. What is WPF render thread?**")
    say no step: their numbers list the page's parts, and the fixes numbered `1)`...`4)` under the last
    are the steps."""
    body = ("These errors come from video drivers.\n\n**1\\. What is WPF render thread?**\n\n"
            "WPF is a graphical subsystem for rendering user interfaces.\n\n"
            "**2\\. Why would an application encounter this exception?**\n\nThe render thread failed.\n\n"
            "**3\\. What are the common reasons for failure?**\n\nMost often a video driver.\n\n"
            "**4\\. How to fix the problem?**\n\nThere is no single fix. Try these one by one.\n\n"
            "1) Try different video hardware and update your video drivers.\n\n"
            "2) Upgrade to the latest version of the .Net Framework.\n\n"
            "3) If you are on Windows XP, test on a newer operating system.\n\n"
            "4) If the problem comes back, file the bug on the Microsoft site.\n")
    assert steps(st, body, "WPF render thread error") == [
        "Try different video hardware and update your video drivers.",
        "Upgrade to the latest version of the .Net Framework.",
        "If you are on Windows XP, test on a newer operating system.",
        "If the problem comes back, file the bug on the Microsoft site."]


def test_a_procedure_beside_a_part_whose_sections_are_the_ways_is_one_more_way(st):
    """"Part 3: ... on Android" gives its Step 1 ... Step 3 itself, where "Part 2: ... on iPhone" gives its
    ways as sub-sections: it is a way of the page too; a part that only tells is not."""
    proc = "Step 1 Open the **Settings** app.\n\nStep 2 Tap **Security**.\n\nStep 3 Enable **Unknown sources**.\n\n"
    body = ("Get the store.\n\n## Part 1. What Is the Store?\n\nAn app store. Find apps in it.\n\n"
            "## Part 2. How to Use It on iPhone\n\n### How to Install It\n\n" + proc +
            "### How to Use It Once Installed\n\n" + proc.replace("Settings", "Store") +
            "## Part 3. How to Use It on Android\n\nIt works on Android too.\n\n" + proc +
            "## Conclusion\n\nEnjoy.\n")
    assert steps(st, body, "How to use the store") == [
        "How to Install It", "How to Use It Once Installed", "How to Use It on Android"]


def test_a_part_whose_one_sub_section_gives_the_procedure_beside_a_part_over_ways_is_one_more_way(st):
    """"Part 3: ... on Android" tells its procedure under one sub-heading of its own ("### Install It on
    Android" over its Step 1 ... Step 3), beside "Part 2", whose sub-sections are the ways: the part is a
    way of the page, its sub-section in it; with no text of its own, the part is a label and its sub-way
    the way. A part over one sub-section that only tells is none."""
    proc = "Step 1 Open the **Settings** app.\n\nStep 2 Tap **Security**.\n\nStep 3 Enable **Unknown sources**.\n\n"
    body = ("Get the store.\n\n## Part 1. What Is the Store?\n\nAn app store. Find apps in it.\n\n"
            "## Part 2. How to Use It on iPhone\n\n### How to Install It\n\n" + proc +
            "### How to Use It Once Installed\n\n" + proc.replace("Settings", "Store") +
            "## Part 3. How to Use It on Android\n\nIt works on Android too.\n\n### Install It on Android\n\n"
            + proc.replace("Security", "Apps") + "## Conclusion\n\nEnjoy.\n")
    found = st.structure(body, "How to use the store").steps
    assert [s.title for s in found] == ["How to Install It", "How to Use It Once Installed", "How to Use It on Android"]
    assert "Tap **Apps**" in found[-1].text  # (its sub-section's procedure is in it)
    bare = body.replace("It works on Android too.\n\n", "")
    assert steps(st, bare, "How to use the store")[-1] == "Install It on Android"
    told = body.replace(proc.replace("Security", "Apps"), "It installs like any app, from its website.\n\n")
    assert steps(st, told, "How to use the store") == ["How to Install It", "How to Use It Once Installed"]


def test_a_part_that_pitches_a_tool_over_its_one_sub_section_is_no_way_beside_a_part_over_ways(st):
    """A part beside a part over ways whose one sub-section gives a procedure is one more way, but not
    when the part's own text pitches a tool: its sub-section is the tool's own steps, no way of the page
    (and no step left unflagged whose pitch is all it says)."""
    proc = "Step 1 Open the **Settings** app.\n\nStep 2 Tap **Security**.\n\nStep 3 Enable **Unknown sources**.\n\n"
    body = ("Get the store.\n\n## Part 1. What Is the Store?\n\nAn app store. Find apps in it.\n\n"
            "## Part 2. How to Use It on iPhone\n\n### How to Install It\n\n" + proc +
            "### How to Use It Once Installed\n\n" + proc.replace("Settings", "Store") +
            "## Part 3. How to Wipe It on Android\n\nTo wipe it for good, Fortect is the cleaner you need.\n\n"
            "### How to Wipe It for Good\n\n"
            + proc.replace("Security", "Cleaner") + "![Wipe](https://example.com/wipe.png)\n\n## Conclusion\n\nEnjoy.\n")
    found = st.structure(body, "How to use the store").steps
    assert [s.title for s in found if not s.promotional] == ["How to Install It", "How to Use It Once Installed"]
    assert all(s.promotional for s in found if s.pitch)


def test_an_unnumbered_heading_after_numbered_steps_is_a_step_only_when_its_text_acts(st):
    """After "## 1. ..." to "## 4. ...", a closing heading worded as advice ("## Avoid the Hype, Look for
    Value") whose text only tells is no fifth step; one whose text says what to do twice is."""
    tips = [("Time Your Purchase to Snag a Deal", "Prices drop a lot in the weeks after a launch, so sales come often."),
            ("Trade In or Sell Your Old Phone", "Open the store app and tap **Trade in**. Then select your old phone."),
            ("Use an Education Discount", "Go to the education store and sign in with your school account."),
            ("Get a Refurbished Phone", "Open the **Certified** page and choose a phone. Then tap **Buy**.")]
    body = "Phones cost a lot. Here is how to pay less.\n\n" + "".join(
        f"## {n}\\. {h}\n\n{t}\n\n" for n, (h, t) in enumerate(tips, 1)) + (
        "## Avoid the Hype, Look for Value\n\nPhones lose their value fast, so a full price makes little sense. "
        "Any of the tips above saves money, if you want to wait for the sales.\n")
    titles = [h for h, _ in tips]
    assert steps(st, body, "How to save on your next phone") == titles
    acting = body.replace("Phones lose their value fast, so a full price makes little sense. Any of the tips above "
                          "saves money, if you want to wait for the sales.",
                          "Open the store app and tap **Price alerts**. Then select the phone and click **Notify me**.")
    assert steps(st, acting, "How to save on your next phone") == titles + ["Avoid the Hype, Look for Value"]


def test_a_numbered_list_of_fixes_with_sub_steps_gives_one_step_per_fix_named_by_its_label(st):
    """Fixes numbered as a list whose items hold their sub-steps as nested lists ("3. Run the
    troubleshooter: If ...\\n   1. Open Settings ...") are one step each, not one per nested number too, each
    named by its label before the colon; an item that is a heading (`1. ### Via Windows Update`) so too."""
    body = ("The error is common.\n\n## So how do you resolve the error?\n\n"
            "1. Restart your computer: A simple restart often helps. Click Start and choose Restart.\n"
            "2. Update Windows 11: Updates fix bugs.\n   1. Go to Settings, select Windows Update.\n"
            "   2. Click on **Check for updates**.\n"
            "3. Run the troubleshooter: If updating did not help, run it.\n   1. Open the Settings app.\n"
            "   2. Select Troubleshoot.\n   ![troubleshoot](https://example.com/t.png)\n   3. Click Run.\n")
    s = st.structure(body, "Something didn't go as planned")
    assert [x.title for x in s.steps] == ["Restart your computer", "Update Windows 11", "Run the troubleshooter"]
    assert [x.instructions for x in s.steps] == [
        [], ["Go to Settings, select Windows Update.", "Click on Check for updates."],
        ["Open the Settings app.", "Select Troubleshoot.", "Click Run."]]
    heads = ("Drivers matter.\n\n## How to update Windows 10 drivers?\n\n1. ### Via Windows Update\n"
             "   1. Press Win + I and click **Updates & Security**.\n   2. Click **Check for updates**.\n"
             "2. ### Use the Device Manager\n   1. Open Device Manager.\n   2. Right-click the device.\n")
    s = st.structure(heads, "Update drivers")
    assert [x.title for x in s.steps] == ["Via Windows Update", "Use the Device Manager"]
    assert [x.instructions for x in s.steps] == [
        ["Press Win + I and click Updates & Security.", "Click Check for updates."],
        ["Open Device Manager.", "Right-click the device."]]


def test_an_image_between_words_or_saying_all_of_an_item_keeps_its_alt_text(st):
    """Only an image at an edge of its line, with other words left, loses its alt text: an icon between
    words is a word of the instruction ("Tap the ![Gear](...) icon"), an item or a paragraph that is only
    a screenshot says its step by it, and a numbered heading that is only an image keeps it as its name."""
    body = ("## Fix 1: Turn off Low Power Mode\n\n1. Tap the ![Gear](https://x.example/g.png) icon.\n"
            "2. Tap ![Battery](https://x.example/b.png).\n3. Turn off **Low Power Mode**. ![switch](https://x.example/s.png)\n\n"
            "## Fix 2: Free up storage\n\n1. ![Open Settings and tap General](https://x.example/1.png)\n"
            "2. ![Tap iPhone Storage](https://x.example/2.png)\n3. ![Offload unused apps](https://x.example/3.png)\n")
    s = st.structure(body, "iPhone battery drains fast")
    assert [x.instructions for x in s.steps] == [
        ["Tap the Gear icon.", "Tap Battery.", "Turn off Low Power Mode."],
        ["Open Settings and tap General", "Tap iPhone Storage", "Offload unused apps"]]
    body = ("Intro.\n\n## 1. ![Restart the printer](https://x.example/h.png)\n\nTurn it off. Wait and turn it on.\n\n"
            "## 2. ![Update the printer driver](https://x.example/a.png)\n\nOpen Device Manager. Click Update driver.\n\n"
            "## 3. ![Reinstall the printer](https://x.example/i.png)\n\nRemove it in Settings. Add it again.\n")
    assert steps(st, body, "Printer prints blank pages") == [
        "Restart the printer", "Update the printer driver", "Reinstall the printer"]


def test_an_items_own_count_and_a_value_after_a_colon_are_not_run_on_items(st):
    """An item's numbers are the list's next items run into it only where the list's next item, as the
    source numbers it, skips them: not its own count from 1 ("Reboot it: 1) Hold ... 2) ..."), nor a value
    after a colon ("Set Quality to: 2. Tap Done.")."""
    body = ("## Fix 1: Reset the speaker\n\n1. Reboot it: 1) Hold the power key. 2) Wait ten seconds. 3) Let go.\n"
            "2. Pair it again.\n3. Play a song.\n\n## Fix 2: Lower the quality\n\n1. Open the app.\n"
            "2. Set Quality to: 3. Tap Done.\n3. Restart the app.\n")
    s = st.structure(body, "Bluetooth speaker cuts out")
    assert [x.instructions for x in s.steps] == [
        ["Reboot it: 1) Hold the power key. 2) Wait ten seconds. 3) Let go.", "Pair it again.", "Play a song."],
        ["Open the app.", "Set Quality to: 3. Tap Done.", "Restart the app."]]


def test_numbered_fixes_with_nested_sub_steps_apart_or_alone_are_one_step_each(st):
    """Fixes numbered as one-item lists (a screenshot between them) nest their sub-steps: one step per
    fix, as a single such fix is one step; the numbers run into a bullet's line are still steps, and an
    ordered item's own count run into its line is its sub-steps."""
    body = ("The sync fails often.\n\n## How do you get it syncing again?\n\n"
            "1. Sign in again: This clears the token. Open the app and sign out.\n\n![out](https://x.example/o.png)\n\n"
            "2. Clear the app cache: Old files block it.\n   1. Open Settings, then Apps.\n   2. Tap **Clear cache**.\n\n"
            "![cache](https://x.example/c.png)\n\n3. Reinstall the app: As a last resort.\n   1. Uninstall it.\n"
            "   2. Install it from the store.\n")
    s = st.structure(body, "Notes app not syncing")
    assert [x.title for x in s.steps] == ["Sign in again", "Clear the app cache", "Reinstall the app"]
    assert [x.instructions for x in s.steps][1:] == [
        ["Open Settings, then Apps.", "Tap Clear cache."], ["Uninstall it.", "Install it from the store."]]
    one = st.structure("The sync fails often.\n\n## How do you get it syncing again?\n\n"
                       "1. Clear the app cache: Old files block it.\n   1. Open Settings, then Apps.\n"
                       "   2. Tap **Clear cache**.\n", "Notes app not syncing").steps
    assert [(x.title, x.instructions) for x in one] == [
        ("Clear the app cache", ["Open Settings, then Apps.", "Tap Clear cache."])]
    assert steps(st, "If the sync still fails, ask for help.\n\n- By mail: 1) Open the help page. 2) Click "
                 "Mail us. 3) Describe the problem.\n- By phone: call the number on the page.\n",
                 "How to reach support") == ["Open the help page.", "Click Mail us.", "Describe the problem."]
    s = st.structure("Here is how:\n\n1. Reset the hub: 1) Unplug it. 2) Count to ten. 3) Plug it in.\n"
                     "2. Ask your provider if it still fails.\n", "How to fix a slow hub")
    assert [(x.title, x.instructions) for x in s.steps][0] == (
        "Reset the hub", ["Unplug it.", "Count to ten.", "Plug it in."])
    # (a count run into an item after sentences of its own is a scrape's paragraph run in: steps of its own)
    assert steps(st, "To reinstall the driver:\n\n1) Open Device Manager.\n\n2) Remove the driver.\n\n"
                 "3) Now restart the PC. Windows installs it again. Or let a tool do it: 1) Download the tool. "
                 "2) Click Scan. 3) Click Update.\n", "Mouse driver missing")[-3:] == [
        "Download the tool.", "Click Scan.", "Click Update."]


def test_a_readers_question_beside_steps_is_no_check(st):
    """A FAQ's question beside the fixes is none of them: one the reader asks of themselves ("Do I Need
    to ..."), whether a thing is safe or worth it, or one its text answers with a yes or a no."""
    body = ("The scanner stopped working.\n\n## Restart the Scanner\n\nTurn it off. Then turn it on again.\n\n"
            "## Is It Safe to Delete the Scan Folder?\n\nYes, it only holds copies. Open Files and delete it.\n\n"
            "## Update the Scanner Driver\n\nOpen Device Manager. Right-click the scanner and choose Update.\n\n"
            "## Can the Scanner Work Over Wi-Fi?\n\nNo. Plug it in with the cable. Then restart it.\n\n"
            "## Do I Need to Buy a New Scanner?\n\nTry the fixes above first. Contact support if they fail.\n")
    assert steps(st, body, "Scanner not working") == ["Restart the Scanner", "Update the Scanner Driver"]


def test_a_numbered_list_beside_parts_is_a_way_only_when_headed_as_one(st):
    """A section with a numbered list of actions beside a sibling whose sub-sections are steps is one more
    way only when its heading names a way or is a part as the sibling is: not "Our Review Method"."""
    fixes = ("The mouse lags.\n\n## The Fixes\n\n### Change the Batteries\n\nOpen the cover. Put in new ones.\n\n"
             "### Update the Driver\n\nOpen Device Manager. Click Update.\n\n"
             "### Clean the Sensor\n\nTurn it over. Wipe the sensor.\n\n")
    tail = "\n\n1. Use a mouse pad.\n2. Keep the receiver close.\n3. Charge it weekly.\n"
    assert steps(st, fixes + "## Our Review Method" + tail, "Mouse lagging") == [
        "Change the Batteries", "Update the Driver", "Clean the Sensor"]
    assert steps(st, fixes + "## How to Keep It Smooth" + tail, "Mouse lagging")[-1] == "How to Keep It Smooth"
    # (beside a part headed by the same words, a sibling over a numbered list is one more way)
    ways = ("The sheets drift apart.\n\n## Sync the Sheets Using a Formula\n\n### Use a Cell Link in One Workbook\n\n"
            "Select the cell. Type = and click the source cell.\n\n### Use a Cell Link Across Workbooks\n\n"
            "Open both files. Type = and click the cell in the other file.\n\n## Sync the Sheets Using Paste Link"
            "\n\n1. Copy the cells.\n2. Right-click the target cell.\n3. Click Paste Link.\n")
    assert steps(st, ways, "How to sync two sheets")[-1] == "Sync the Sheets Using Paste Link"


def test_a_colons_label_is_a_name_not_a_lead_in(st):
    """A numbered item's name before a colon is not a lead-in ("Go to: Settings > Sound"), nor a remark's
    label ("Quick tip: ..."); over nested sub-steps its name is the text above them, one word or more."""
    assert steps(st, "Do this:\n\n1. Go to: Settings > Sound > Output.\n2. Pick your speakers.\n"
                 "3. Click Test.\n", "How to change the sound output") == [
        "Go to: Settings > Sound > Output.", "Pick your speakers.", "Click Test."]
    assert steps(st, "Do this:\n\n1. Quick tip: Save your work first.\n2. Open Settings.\n3. Click Reset.\n",
                 "How to reset the app")[0] == "Quick tip: Save your work first."
    body = ("The error is common.\n\n## How to fix it\n\n1. Reboot\n   1. Click Start.\n   2. Click Power, then Restart.\n"
            "2. Update\n   1. Open Settings.\n   2. Click Windows Update.\n")
    assert steps(st, body, "Error 0x80070057") == ["Reboot", "Update"]


def test_a_sibling_worded_as_the_steps_is_one_beside_what_is_asides(st):
    shot = "![](https://x.example/{}.png)\n\n"
    body = ("Developer tools are hidden on most phones.\n\n## What Are Hidden Developer Settings?\n\nThey are settings "
            "for app makers, kept out of sight because they can slow the phone down.\n\n"
            "## How to Turn On Hidden Developer Settings\n\nOpen the Settings app.\n\n" + shot.format(1)
            + "Tap **About phone** seven times.\n\n" + shot.format(2)
            + "## What Is Wireless Debugging?\n\nIt lets a computer talk to the phone over the local network.\n\n"
            "## How to Turn On Wireless Debugging\n\nOpen the hidden settings page.\n\n" + shot.format(3)
            + "Switch on **Wireless debugging**.\n\n" + shot.format(4)
            + "## How to Hide the Developer Settings Again\n\nThe page can go as easily as it came. Simply open the hidden "
            "settings page and turn off the switch at its top.\n\n" + shot.format(5))
    assert steps(st, body, "Phone developer settings") == [
        "How to Turn On Hidden Developer Settings", "How to Turn On Wireless Debugging",
        "How to Hide the Developer Settings Again"]


def test_a_sibling_worded_as_a_step_and_a_part_over_ways_is_a_way_too(st):
    shot = "![](https://x.example/{}.png)\n\n"
    body = ("Linked cells keep two sheets in step.\n\n## Link Two Sheets With Paste Special\n\nCopy the cell you want "
            "to follow.\n\n" + shot.format(1) + "Select the target cell and choose **Paste Link**.\n\n" + shot.format(2)
            + "## Link Two Sheets With a Reference\n\nYou can also type the link yourself.\n\n"
            "### Link Cells on Another Sheet\n\nType = in the target cell.\n\n" + shot.format(3)
            + "Click the source sheet and then the source cell.\n\n" + shot.format(4)
            + "### Link Cells in Another Workbook\n\nOpen both workbooks first.\n\n" + shot.format(5)
            + "Type = and click the cell in the other workbook.\n\n" + shot.format(6)
            + "## Link Two Sheets With a Search Formula\n\nA link to one cell breaks when rows move. A search formula "
            "finds the row by its key, so the value follows the row wherever it goes.\n\n"
            "=XLOOKUP(A2,Staff!A:A,Staff!D:D)\n\n")
    assert steps(st, body, "Sheets that stay in step") == [
        "Link Two Sheets With Paste Special", "Link Cells on Another Sheet", "Link Cells in Another Workbook",
        "Link Two Sheets With a Search Formula"]


def test_labels_after_a_pitch_that_leads_into_them_with_a_colon_are_its_sub_steps(st):
    body = ("## How to fix the error\n\n1) Update your graphics driver or try another graphics card.\n\n"
            "We suggest **Driver Easy** to update the driver: its free version finds the driver you need. "
            "Just two clicks:\n\n**a) Scan**.\n\n![](https://x.example/scan.png)\n\n**b) Update**.\n\n"
            "![](https://x.example/update.png)\n\n2) Install the latest .NET Framework.\n\n"
            "3) Test the app on a newer version of Windows.\n")
    fix = st.structure(body, "Render thread failed").steps[0]
    assert not fix.promotional and fix.instructions == [] and "**b) Update**" in fix.pitch[0]
    # a lettered label that says it is the manual way is no sub-step of the pitch (its first clause does not)
    manual = body.replace("**b) Update**.", "**b) No tool?** Download the driver yourself from the card maker's website.")
    fix = st.structure(manual, "Render thread failed").steps[0]
    assert "**a) Scan**" in fix.pitch[0] and "website" not in fix.pitch[0]


def test_a_pitch_led_into_with_a_colon_keeps_only_the_tools_own_labels(st):
    # "or do it yourself in a few clicks:" leads into the manual way's labels, not the tool's
    shot = "![](https://x.example/{}.png)\n\n"
    tail = "## Fix 2: Reinstall the game\n\nUninstall it and install it again.\n\n## Fix 3: Restart your PC\n\nRestart it.\n"
    body = ("## Fix 1: Update your graphics driver\n\nAn outdated driver makes the game crash. You can update it "
            "automatically with **Driver Easy**, or do it yourself in a few clicks:\n\n**Open Device Manager**: "
            "right-click the Start button and select **Device Manager**.\n\n" + shot.format(1) + "**Update the driver**: "
            "right-click your graphics card and select **Update driver**.\n\n" + shot.format(2) + tail)
    fix = st.structure(body, "Game crashes on launch").steps[0]
    assert not fix.promotional and "Device Manager" not in fix.pitch[0]
    # the tool's numbered list ends what the colon led into: the lettered way after it is the manual one
    body = ("## Fix 1: Update your graphics driver\n\n**a) Automatically**: **Driver Easy** finds the right driver "
            "for you. Here is how:\n\n1. Download and install Driver Easy.\n2. Click **Scan Now**.\n3. Click **Update All**.\n\n"
            "**b) In Windows**: right-click the Start button, select **Device Manager**, right-click your card and pick "
            "**Update driver**.\n\n" + tail)
    fix = st.structure(body, "Game crashes on launch").steps[0]
    assert not fix.promotional and "Update All" in fix.pitch[0] and "pick" not in fix.pitch[0]


def test_a_numbered_fix_listing_its_own_unnumbered_ways_is_one_step(st):
    body = ("## Try these fixes\n\n1. [Restart the spooler](#f1)\n2. [Repair system files](#f2)\n"
            "3. [Reinstall the printer](#f3)\n\n"
            "### Fix 1: Restart the spooler\n\nOpen **services.msc**, right-click **Print Spooler** and select "
            "**Restart**.\n\n### Fix 2: Repair system files\n\nA damaged system file can stop every print job cold. "
            "There are two ways to repair them:\n\n1. [Repair system files with Fortect](#a)\n2. [Run an SFC scan](#b)\n\n"
            "#### Repair system files with Fortect\n\n**Fortect** replaces broken files for you. The full version comes "
            "with a money-back guarantee.\n\n1. Download and install Fortect.\n2. Click **Start Repair**.\n\n"
            "#### Run an SFC scan\n\n1. Open Command Prompt as an administrator.\n2. Type **sfc /scannow** and press "
            "**Enter**.\n\n### Fix 3: Reinstall the printer\n\nRemove the printer in **Settings** and add it again.\n")
    got = st.structure(body, "Printer will not print").steps
    assert [s.title for s in got] == ["Restart the spooler", "Repair system files", "Reinstall the printer"]
    fix = got[1]
    assert "stop every print job cold" in fix.text and not fix.promotional and "Fortect" in fix.pitch[0]
    # its ways numbered as fixes of their own ("Method 1", "Method 2") are the steps, the list their overview
    methods = body.replace("#### Repair system files with Fortect", "#### Method 1: Repair system files with Fortect"
                           ).replace("#### Run an SFC scan", "#### Method 2: Run an SFC scan")
    assert [s.title for s in st.structure(methods, "Printer will not print").steps][1:3] == [
        "Repair system files with Fortect", "Run an SFC scan"]


def test_sibling_how_to_sections_that_say_what_to_do_are_ways_beside_one_that_is(st):
    shot = "![](https://x.example/{}.png)\n\n"
    body = ("Unwanted calls are a pest. We'll show you how to stop them.\n\n"
            "## How to Block a Number\n\nFirst, open the Phone app and tap **Recents**. Select the caller and tap "
            "**Block**.\n\n## How to Block Spam Calls\n\nOpen the Phone app's settings. Turn on **Filter spam calls**.\n\n"
            "## How to Block Calls on a Galaxy Phone\n\nOpen the Phone app.\n\n" + shot.format(1)
            + "Tap the three-dot menu and select **Settings**.\n\n" + shot.format(2)
            + "Tap **Block numbers**.\n\n" + shot.format(3)
            + "## How to Unblock a Number\n\nOpen the list of blocked numbers.\n\n" + shot.format(4)
            + "Tap the minus sign next to the number.\n\n" + shot.format(5)
            + "## How Blocking Works\n\nA blocked caller goes straight to voicemail; the phone never rings.\n\n"
            "## How to Block Text Messages\n\nOpen the Messages app, long-press the thread and tap **Block**.\n")
    assert steps(st, body, "Stop unwanted calls on Android") == [
        "How to Block a Number", "How to Block Spam Calls", "How to Block Calls on a Galaxy Phone",
        "How to Unblock a Number", "How to Block Text Messages"]


def test_a_procedure_counts_a_sentence_whose_verb_lost_its_space_to_bold(st):
    # `After signing up,**Click** ...`: the scrape lost the space after the comma; the sentence still
    # says what to do, so the section's numbered paragraphs (1, 2, 2, 3, 4: one number repeated) are
    # its procedure and the section is one more way beside its siblings
    ways = "".join(f"## Printing way {n}\n\nFollow the steps:\n\n1. **Open the app** first.\n\n"
                   f"2. **Click Print** then.\n\n" for n in (1, 2))
    body = ("QR codes print well.\n\n" + ways + "## Customizing QR Codes\n\n"
            "You can find codes online. To use this option:\n\n"
            "1\\. Once you visit the site, it will launch the generator.\n\n"
            "2\\. After signing up,**Click the** **Customize** button.\n\n"
            "2\\. In the new window, it shows the code types.\n\n"
            "3.**Click Generate** to modify the code.\n\n"
            "4\\. You can also change the size.\n\n")
    assert steps(st, body, "Print QR codes") == ["Printing way 1", "Printing way 2", "Customizing QR Codes"]
    spaced = body.replace("up,**Click", "up, then it shows **Click")
    assert "Customizing QR Codes" not in steps(st, spaced, "Print QR codes")
    # a tag line's comma with no space and no bold after it opens no action: "Posted in Windows,Update guides"
    assert not st.action.match("Posted in Windows,Update guides")
    tagged = body.replace("After signing up,**Click the** **Customize** button.", "Posted in Windows,Update guides")
    assert "Customizing QR Codes" not in steps(st, tagged, "Print QR codes")


def test_siblings_after_the_last_step_headed_by_an_unlisted_verb_that_say_what_to_do_are_steps(st):
    # steps headed by what to do ("Remove ...", "Compare ...", "Locate ..."); after the last, headings
    # opening with a word of a verb's shape the rules do not list ("Substitute", "Combine") whose text
    # says what to do are steps too, up to the first that is not
    fn = ("## {h}\n\nSome words on the function.\n\nTo use it in a sheet, enter this formula:\n\n"
          "1. Select a cell.\n2. Type the formula.\n\n")
    body = ("Text functions help.\n\n" + "".join(fn.format(h=h) for h in (
        "Remove Spaces: TRIM", "Compare Text Strings: EXACT", "Locate Text Within a String: FIND"))
        + "## Substitute Current With New Text: SUBSTITUTE\n\nSimilar to REPLACE, it changes text.\n\n"
        "To change Smith to Jones in cell A1, use the following formula.\n\n"
        "## Combine Text: CONCAT\n\nIt joins text.\n\nTo join two cells, enter =CONCAT(A1,B1).\n\n"
        "## Excel Functions Are Handy\n\nThey save time.\n\n"
        "## Merge Cells: MERGE\n\nTo merge two cells, select them.\n")
    got = steps(st, body, "Excel text functions")
    assert got == ["Remove Spaces: TRIM", "Compare Text Strings: EXACT", "Locate Text Within a String: FIND",
                   "Substitute Current With New Text: SUBSTITUTE", "Combine Text: CONCAT"]
    # a tail heading whose text says nothing to do, or that asks, is none
    said = body.replace("To join two cells, enter =CONCAT(A1,B1).", "It came in Excel 2016.")
    assert steps(st, said, "Excel text functions")[-1] == "Substitute Current With New Text: SUBSTITUTE"
    asked = body.replace("## Substitute Current With New Text: SUBSTITUTE", "## Substitute or Replace?")
    assert steps(st, asked, "Excel text functions")[-1] == "Locate Text Within a String: FIND"


def test_a_heading_whose_verb_after_a_sequence_word_is_a_contraction_is_no_step(st):
    # "First let’s discover ..." is the writer's voice, not a thing to do, though "First" and "let" open steps
    proc = "1. Press Win + X and click Device Manager.\n2. Expand the Network adapters menu.\n"
    body = ("Wake on LAN is handy.\n\n## First let’s discover what exactly is Wake on LAN\n\nA magic packet.\n\n"
            f"## How to Configure Wake On Lan in the BIOS\n\n{proc}\n## How to configure Wake on LAN\n\n{proc}")
    assert steps(st, body, "Wake on LAN") == ["How to Configure Wake On Lan in the BIOS", "How to configure Wake on LAN"]
    said = body.replace("First let’s discover what exactly is", "First check")
    assert steps(st, said, "Wake on LAN")[0] == "First check Wake on LAN"
    # the page's one procedure may still be named so, when its text says what to do twice
    lone = ("Hunter Mode helps.\n\n## What is Hunter Mode\n\nA target icon.\n\n"
            "## Now let’s look at how Hunter Mode works in practice\n\n"
            "Click the Hunter Mode button. Drag the target onto the app.\n")
    assert steps(st, lone, "Hunter Mode") == ["Now let’s look at how Hunter Mode works in practice"]


def test_numbered_points_under_one_item_of_a_numbered_listicle_are_no_steps(st):
    # "#1 VivaVideo - ..." is one of ten apps: its numbered features ("Clip, edit ...", "Make video a filter")
    # are not the page's procedure, though half of them open with a verb
    apps = "".join(f"## #{n} App{n} - A video editor for Android\n\nApp{n} is popular.\n\n" for n in range(2, 5))
    body = ("Ten editors.\n\n## #1 VivaVideo - Free video editor for Android\n\nVivaVideo is popular.\n\n"
            "1\\. Clip, edit, add text to videos\n\n2\\. Make video a filter\n\n3\\. Dub for videos\n\n"
            "4\\. Share your edited videos on websites\n\n" + apps)
    assert steps(st, body, "Best video editors") == []
    # under a heading that says what to do, they are
    fix = body.replace("#1 VivaVideo - Free video editor for Android", "#1 How to edit a video in VivaVideo")
    assert steps(st, fix, "Best video editors")[:2] == ["Clip, edit, add text to videos", "Make video a filter"]


def test_the_pages_closing_sections_after_its_steps_are_no_steps(st):
    # after the last of a run of steps, a closing or a page's chrome is no step, whatever its first word
    fixes = ("Your Wi-Fi keeps dropping.\n\n## Restart Your Router\n\nUnplug the router and wait 30 seconds.\n\n"
             "## Update the Network Driver\n\nOpen Device Manager and update the driver.\n\n"
             "## Reset the Network Settings\n\nOpen Settings and click Network reset.\n\n")
    ways = ["Restart Your Router", "Update the Network Driver", "Reset the Network Settings"]
    tail = ("## Quick Recap\n\nRestart the router, then update the driver.\n\n## Subscribe to Our Newsletter\n\n"
            "Enter your email below.\n\n## Follow Us on Social Media\n\nFollow us on Twitter and like our Facebook page.\n\n"
            "## Browse Similar Guides\n\nCheck our Bluetooth guide.\n\n")
    assert steps(st, fixes + tail, "Wi-Fi keeps dropping") == ways
    for one in ("## Pro Tip\n\nKeep your router away from walls.\n\n",
                "## Still Having Problems? Contact Us\n\nContact our support team at help@example.com.\n\n"):
        assert steps(st, fixes + one, "Wi-Fi keeps dropping") == ways
    # nor are siblings worded alike after them ("Final Verdict", "Key Takeaways" beside "Reset the Network Settings")
    for one in ("## Final Verdict\n\nTry the fixes above in order. Contact your ISP if none work.\n\n",
                "## Key Takeaways\n\n- Restart your router first.\n- Update drivers often.\n\n"):
        assert steps(st, fixes + one, "Wi-Fi keeps dropping") == ways
    # a way told after them still is one
    more = "## Choose a Different Channel\n\nOpen the router's page and select channel 6.\n\n"
    assert steps(st, fixes + more, "Wi-Fi keeps dropping") == ways + ["Choose a Different Channel"]


def test_a_heading_whose_sequence_words_lets_opens_an_action_is_a_step(st):
    # "Next, let’s update the network driver": the reader's doing after the writer's "let’s"
    body = ("Wi-Fi drops.\n\n## First, let’s restart the router\n\nUnplug the router and wait 30 seconds.\n\n"
            "## Next, let’s update the network driver\n\nOpen Device Manager and update the driver.\n\n"
            "## Finally, let's reset the network settings\n\nOpen Settings and click Network reset.\n\n")
    assert steps(st, body, "Wi-Fi keeps dropping") == [
        "First, let’s restart the router", "Next, let’s update the network driver", "Finally, let's reset the network settings"]


def test_a_procedure_led_in_by_its_task_under_one_item_of_a_listicle_is_kept(st):
    # a listicle of causes whose one item carries the page's procedure, led in by "To update it:"
    tips = ("Wi-Fi drops.\n\n## 1. Outdated Network Driver\n\nAn old driver drops the link. To update it:\n\n"
            "1\\. Open Device Manager.\n\n2\\. Right-click the adapter.\n\n3\\. Click Update driver.\n\n"
            "## 2. Interference\n\nMicrowaves interfere.\n\n## 3. Router Firmware\n\nOld firmware has bugs.\n\n")
    proc = ["Open Device Manager.", "Right-click the adapter.", "Click Update driver."]
    assert steps(st, tips, "Wi-Fi keeps dropping") == proc
    assert steps(st, tips.replace("To update it:", "Here's how:"), "Wi-Fi keeps dropping") == proc
    # a list's label is no task: an app's features stay out
    assert steps(st, tips.replace("To update it:", "Key features:"), "Wi-Fi keeps dropping") == []


def test_a_numbered_fixs_list_of_fixes_of_their_own_is_an_overview(st):
    # the sub-sections share no word of the fix's and none pitches: three fixes, not one fix's ways
    body = ("Your internet is slow.\n\n## Fix 1: Restart your router\n\nUnplug it for 30 seconds and plug it back in.\n\n"
            "## Fix 2: Clean up your network stack\n\nIf restarting didn't help, try these three fixes in turn. Test your "
            "connection after each one.\n\n- [Reset Winsock](#w)\n- [Flush the DNS cache](#d)\n- [Renew your IP address](#i)\n\n"
            "### Reset Winsock\n\n1. Open Command Prompt as an administrator.\n2. Type `netsh winsock reset` and press "
            "**Enter**.\n3. Restart your PC.\n\n### Flush the DNS cache\n\n1. Open Command Prompt as an administrator.\n"
            "2. Type `ipconfig /flushdns` and press **Enter**.\n\n### Renew your IP address\n\n1. Open Command Prompt as "
            "an administrator.\n2. Type `ipconfig /release`, then `ipconfig /renew`.\n\n"
            "## Fix 3: Update your network driver\n\nOpen **Device Manager** and update the driver.\n")
    assert steps(st, body, "Slow internet") == [
        "Restart your router", "Reset Winsock", "Flush the DNS cache", "Renew your IP address", "Update your network driver"]
    # ways of that fix share its words: it is one step over them
    card = ("Games stutter.\n\n## Fix 1: Restart your PC\n\nRestart it.\n\n## Fix 2: Change your graphics card settings\n\n"
            "The right settings depend on your card:\n\n- [Change NVIDIA graphics card settings](#n)\n- [Change AMD graphics card settings](#a)\n\n"
            "### Change NVIDIA graphics card settings\n\n1. Open the **NVIDIA Control Panel**.\n2. Set **Power management mode** to "
            "**Prefer maximum performance**.\n\n### Change AMD graphics card settings\n\n1. Open **AMD Software**.\n2. Turn off "
            "**Radeon Chill**.\n\n## Fix 3: Update your graphics driver\n\nOpen **Device Manager** and update the driver.\n")
    assert steps(st, card, "Games stutter") == ["Restart your PC", "Change your graphics card settings", "Update your graphics driver"]


_HOWTO_WAYS = ("Is your Wi-Fi slow? Here is what to do.\n\n"
               "## How to Restart Your Router\n\n1. Unplug the router.\n2. Wait 30 seconds.\n3. Plug it back in.\n\n"
               "## How to Update the Router Firmware\n\n1. Open the router's admin page.\n2. Click **Firmware Update**.\n"
               "3. Click **Install**.\n\n")


def test_a_how_to_sibling_that_explains_is_no_way(st):
    # one action, after an explanation: it tells how to know, it gives no way
    body = _HOWTO_WAYS + ("## How to Know If Your Router Is Dying\n\nOld routers drop the connection every few hours "
                          "and run hot. Check whether the lights blink amber.\n\n")
    assert steps(st, body, "Slow Wi-Fi? Fix it") == ["How to Restart Your Router", "How to Update the Router Firmware"]
    # headed as a way, it is one more; asked with a question mark, none
    way = body.replace("## How to Know If Your Router Is Dying", "## How to Cool Down an Old Router")
    assert steps(st, way, "Slow Wi-Fi? Fix it")[-1] == "How to Cool Down an Old Router"
    asked = way.replace("## How to Cool Down an Old Router", "## How to Cool Down an Old Router?")
    assert steps(st, asked, "Slow Wi-Fi? Fix it") == ["How to Restart Your Router", "How to Update the Router Firmware"]
    # before the first way, one action opening its text is a page's own title over its intro, not a way
    titled = ("Is your Wi-Fi slow?\n\n## How to Speed Up Slow Wi-Fi\n\nRestart everything first. Slow Wi-Fi has many "
              "causes, and most are easy to fix.\n\n" + _HOWTO_WAYS.split("\n\n", 1)[1])
    assert steps(st, titled, "Slow Wi-Fi? Fix it") == ["How to Restart Your Router", "How to Update the Router Firmware"]


def test_how_to_siblings_after_a_faq_heading_are_its_questions(st):
    body = _HOWTO_WAYS + ("## FAQs\n\n## How to check the router's temperature\n\nTouch the top of the router. "
                          "Warm is fine, hot is not.\n\n## How to find the admin page\n\nType 192.168.1.1 in a browser. "
                          "The address is on the router's label too.\n\n")
    assert steps(st, body, "Slow Wi-Fi? Fix it") == ["How to Restart Your Router", "How to Update the Router Firmware"]


def test_a_sibling_worded_only_as_a_part_over_ways_gives_a_way_to_be_one(st):
    body = ("WhatsApp keeps crashing.\n\n## Restart WhatsApp\n\nClose the app and open it again.\n\n"
            "## Clear the App Cache\n\nOpen **Settings > Apps > WhatsApp > Storage** and tap **Clear cache**.\n\n"
            "## Alternatives on Android\n\nIf WhatsApp still crashes, switch apps for a while.\n\n"
            "### Use Signal\n\nSignal is free and private. Install it from Google Play.\n\n"
            "### Use Telegram\n\nTelegram has big group chats. Install it from Google Play.\n\n"
            "## Alternatives on iPhone\n\niMessage and FaceTime come with every iPhone, and most of your contacts "
            "already have them.\n\n")
    assert "Alternatives on iPhone" not in steps(st, body, "WhatsApp keeps crashing")
    acting = body.replace("iMessage and FaceTime come with every iPhone", "Open iMessage or FaceTime, which come with every iPhone")
    assert steps(st, acting, "WhatsApp keeps crashing")[-1] == "Alternatives on iPhone"


def test_a_sibling_worded_as_the_ways_among_asides_says_what_to_do_to_be_one(st):
    # two ways among a "What Is ...?" and a cause: the share of ways is relaxed, a sibling worded as
    # they are after them is one only when its text says what to do
    body = ("Router slow?\n\n## Router Reboot\n\n1. Unplug the router.\n2. Wait 30 seconds.\n3. Plug it back in.\n\n"
            "## What Is Firmware?\n\nIt is the router's own software.\n\n"
            "## Router Firmware Update\n\n1. Open the router's admin page.\n2. Click **Firmware Update**.\n\n"
            "## Why Do Routers Slow Down?\n\nThey run hot.\n\n## Router Lights\n\nA blinking light is normal.\n\n")
    assert steps(st, body, "Router slow") == ["Router Reboot", "Router Firmware Update"]
    acting = body.replace("A blinking light is normal.", "Check the lights: a blinking one is normal.")
    assert steps(st, acting, "Router slow")[-1] == "Router Lights"



def test_a_count_that_starts_again_at_1_after_each_screenshot_goes_on(st):
    """A headless procedure whose items after a screenshot each start a list of their own at 1 (`1. Open
    ...`, `2. Choose ...`, a screenshot, `1. Type ...`, a screenshot, `1. Press ...`: a scrape that split
    the list at each figure) gives every item as a step; a count that starts again with a 2 after it is
    a procedure of its own."""
    body = ("Finding a file takes a few clicks.\n\n"
            "1. Open the search app. Its main page shows the search box.\n"
            "2. Choose a category by clicking its icon.\n\n![](https://img.example/a.png)\n\n"
            "1. Type the file's name in the search box.\n\n![](https://img.example/b.png)\n\n"
            "1. Press Enter to start the search.\n\nThe results list every match.\n")
    assert steps(st, body, "Find any file") == [
        "Open the search app.", "Choose a category by clicking its icon.", "Type the file's name in the search box.",
        "Press Enter to start the search."]
    again = body.replace("1. Press Enter to start the search.\n", "1. Press Enter to start the search.\n"
                         "2. Click a result to open it.\n")
    assert steps(st, again, "Find any file")[3:] == ["Press Enter to start the search.", "Click a result to open it."]


def test_a_page_that_counts_its_problems_gives_each_problem_with_its_advice_as_a_fix(st):
    """Numbered headings that each name what goes wrong ("1. Slicer Cannot Slice the Model", "Error 2:
    Missing Supports"), each saying what to do only as advice ("To fix this, you need to ...", "You
    should keep ...") or naming a cause ("4. Old firmware could be the cause."), under an intro that says they
    come with their fixes, are the page's fixes, even when its (spun) title says nothing of fixes; a
    sibling among them that is no item of the count (a newsletter box) is none of them."""
    body = ("## Smooth Layers, Happy Makers\n\nSlicers fail in a few common ways. Here are the errors and their fixes.\n\n"
            "## 1. Slicer Cannot Slice the Model\n\nThe model may be larger than the build plate. To fix this, "
            "you need to change the model's scale until it fits.\n\n"
            "## 2. Missing Supports\n\nThin overhangs get no supports by default. You can set the support "
            "placement to Everywhere in the settings.\n\n"
            "## Get Our Newsletter\n\nSubscribe to get the best guides straight to your inbox.\n\n"
            "## 3. Settings Out of Range\n\nValues beyond the limits stop the slicer. You should keep each value "
            "inside the range the slicer shows.\n\n"
            "## 4. Old firmware could be the cause.\n\nPrinters ship with old firmware. You may need to update the "
            "firmware from the maker's site.\n\n"
            "## More Printing Guides\n\n* [Level a print bed](https://example.com/level)\n")
    assert steps(st, body, "Smooth Layers, Happy Makers") == [
        "Slicer Cannot Slice the Model", "Missing Supports", "Settings Out of Range", "Old firmware could be the cause."]
    # the same items numbered as the page's parts are no count of problems, nor a page whose lead names no fixes
    parts = body.replace("## 1.", "## Part 1:").replace("## 2.", "## Part 2:").replace("## 3.", "## Part 3:").replace(
        "## 4.", "## Part 4:")
    assert steps(st, parts, "Smooth Layers, Happy Makers") == []
    quiet = body.replace("Here are the errors and their fixes.", "Here is what we saw this year.")
    assert steps(st, quiet, "Smooth Layers, Happy Makers") == []
    assert st.advice.match("If the file is too big, you can change its scale") and not st.advice.match(
        "The slicer can change its scale")


def test_numbered_points_that_give_no_advice_are_no_fixes_on_a_page_of_fixes(st):
    # a news story's counted points under an intro naming a fix: they say what happened, not what to do
    body = ("## Patch Day\n\nThe update fixes a long list of bugs. Here is what changed.\n\n"
            "## 1. Faster Start\n\nThe app now starts in half the time on older phones.\n\n"
            "## 2. New Icons\n\nThe icons were redrawn by the design team.\n\n"
            "## 3. Fewer Crashes\n\nCrash reports fell by a third in the beta.\n")
    assert steps(st, body, "Patch Day") == []


def test_counted_items_that_name_no_problem_or_count_no_list_are_no_fixes(st):
    """The count of problems (above) holds only where the items name what goes wrong and count 1, 2, 3:
    a listicle's products or reasons to buy, a review's scores, a ranking, a live blog's times, a plan's
    days give no fix, whatever advice their text gives ("You should check the deals") and whatever the
    lead says ("the best ways to ...", a title that "fixes the old flaws")."""
    def page(lead, heads, texts):
        return f"## Page\n\n{lead}\n\n" + "".join(f"## {h}\n\n{t}\n\n" for h, t in zip(heads, texts))
    advice = ["You should check the price before buying.", "You may want to update it at once.",
              "You can use it free for a year.", "You need to reset it every week."]
    pages = {
        "10 Reasons to Buy the Phone": page("Here are the reasons to fix your choice on this phone.",
                                            ["1. The Camera", "2. Clean Software", "3. Price:", "4. Battery Life"], advice),
        "Best budget laptops": page("These are the best ways to fix a small budget.",
                                    ["1. Acer Aspire 5", "2. Lenovo IdeaPad 3", "3. HP Pavilion 15", "4. Dell Inspiron 14"],
                                    advice),
        "Watch review: it fixes the old flaws": page("The new watch fixes most of what we disliked.",
                                                     ["1. Design:", "2. Display:", "3. Price:", "4. Verdict:"], advice),
        "Top antivirus apps to fix infections": page("The apps that fix the problem best.",
                                                     ["Top 1 - Error Guard", "Top 2 - Crash Shield", "Top 3 - Bug Zapper"],
                                                     advice),
        "Launch live: the update that fixes battery issues": page(
            "Follow along as the update that fixes battery problems is shown.",
            ["10:05 – Problems on stage", "10:20 – Errors fixed", "10:45 – Release issues"], advice),
        "Three days in Rome: tips to solve the crowd problem": page(
            "Crowds are the problem. Here is how to solve it.",
            ["Day 1: Queue problems at the Vatican", "Day 2: Crowd issues at the Colosseum", "Day 3: No crowds"],
            advice),
        "Fix iOS bugs": page("Each version brings bugs and their fixes.",
                             ["iOS 17: Battery drain", "iOS 16: Wi-Fi drops", "iOS 15: Keyboard errors"], advice),
    }
    for title, body in pages.items():
        assert steps(st, body, title) == [], title
    # the same page counting its problems is a page of fixes
    body = page("Here are the errors and their fixes.", ["1. Camera Not Working", "2. Software Crashes",
                                                          "3. Price Errors", "4. Battery Drain"], advice)
    assert steps(st, body, "Phone woes") == ["Camera Not Working", "Software Crashes", "Price Errors", "Battery Drain"]
    # advice is a verb of the rules' after "you can", "please" is none: notes and photos are no fix
    assert not st.advice.match("You can take stunning photos at night")
    notes = page("Here are the errors and their fixes.", ["1. Error 404", "2. Error 500", "3. Error 503"],
                 ["Please note that this page is informational only.", "Please keep in mind it is temporary.",
                  "Please be aware the server is to blame."])
    assert steps(st, notes, "Server errors") == []


def test_counted_problems_are_no_fixes_on_a_page_whose_fixes_are_given_otherwise(st):
    # counted causes beside the page's own "Fix N" sections: the fixes are those, the causes stay causes
    body = ("## Printer not printing? Try these fixes\n\nHere is why it happens and how to fix it.\n\n"
            "## Why is my printer not printing?\n\n"
            "### 1. Outdated driver problem\n\nAn old driver may fail on a new system. You may need to update it.\n\n"
            "### 2. Paper jam error\n\nA scrap of paper can block the rollers. You should check inside.\n\n"
            "### 3. Printer offline issue\n\nWindows may show the printer offline. You can check the tray.\n\n"
            "## Fix 1: Update the driver\n\nOpen Device Manager, right-click the printer and choose Update driver.\n\n"
            "## Fix 2: Clear the jam\n\nOpen the cover and pull the paper out gently.\n\n"
            "## Fix 3: Set the printer online\n\nGo to Settings > Printers and uncheck Use Printer Offline.\n")
    assert steps(st, body, "Printer not printing") == ["Update the driver", "Clear the jam", "Set the printer online"]


def test_counted_news_history_deals_and_app_lists_under_a_fix_title_are_no_fixes(st):
    """Pages that count what happened, what is sold or what to install, each item labelled as a problem
    ("Problem 1: Prices rise", "Issue 2: ...") or named with a fix/solution word, their text pointing the reader
    somewhere to look ("You can find the full data on the BLS site", "visit", "search", "follow"), under a
    title that says "fix": no fix. The label names no problem (the words after it must), a fix or solution
    word names none, and pointing where to read is no advice on what to do."""
    def page(lead, heads, texts):
        return f"## Page\n\n{lead}\n\n" + "".join(f"## {h}\n\n{t}\n\n" for h, t in zip(heads, texts))
    pages = {
        "The Fed's fix for inflation falls short": page(
            "The plan to fix prices meets three problems, the report says.",
            ["Problem 1: Prices rise again", "Problem 2: Wages lag behind", "Problem 3: Rents keep climbing"],
            ["Prices rose 3% in May. You can find the full data on the BLS site.",
             "Pay grew 1%. You can visit the BLS pages for the tables.",
             "Rents rose 5%. You can search the census site for your city."]),
        "How the crew fixed Apollo 13": page(
            "In 1970 the crew had to fix their ship on the way to the Moon.",
            ["Problem 1: The oxygen tank", "Problem 2: The carbon dioxide fix", "Problem 3: A solution for power"],
            ["A tank burst 56 hours in. You can visit the museum in Houston to see it.",
             "Square filters met round holes. You should follow the timeline on the NASA site.",
             "They shut down the command module. You can scroll through the transcripts online."]),
        "Deals that fix your budget": page(
            "These deals fix the budget problem for good.",
            ["Issue 1: Laptop at $499", "Issue 2: Phone at $299", "Issue 3: Tablet at $199"],
            ["You can find it at the shop for $499.", "You should search the shop for the blue one.",
             "You can follow the link to the shop."]),
        "Apps to fix your focus": page(
            "Here are the apps that fix focus for good.",
            ["Issue 1: Forest, the fix for phone habits", "Issue 2: Calm, a solution for sleep",
             "Issue 3: Freedom fixes distraction"],
            ["You can find it on the App Store.", "You can search for it on Google Play.",
             "You should visit their website to sign up."]),
    }
    for title, body in pages.items():
        assert steps(st, body, title) == [], title


def test_counted_problems_whose_headings_name_a_price_are_a_deal_not_fixes(st):
    """A deals page that counts problems and sells a product for each in its headings ("2. Overheating laptop:
    cooler at $19") under a title naming a fix gives no fix: an item whose heading names a price sells what it
    names. The same page with its advice and no price is a page of fixes. (A deals page whose prices are in
    the items' text is told by its kind: test_consolidate's counted problems test.)"""
    def page(heads, texts):
        return "## Page\n\nThese deals fix a slow PC.\n\n" + "".join(f"## {h}\n\n{t}\n\n" for h, t in zip(heads, texts))
    heads = ["1. Slow boot problem", "2. Overheating laptop", "3. Wi-Fi keeps disconnecting"]
    texts = ["An old disk is slow. You can get an SSD and clone the disk to it.",
             "Dust blocks the fan. You can get a can of air and clean the vents.",
             "The adapter sleeps. You can get the latest driver from the maker's site."]
    priced = ["1. Slow boot problem: SSD at $49", "2. Overheating laptop: cooler for 19 dollars",
              "3. Wi-Fi keeps disconnecting: mesh router €79"]
    assert steps(st, page(priced, texts), "Deals to fix your slow PC") == []
    assert steps(st, page(heads, texts), "Deals to fix your slow PC") == ["Slow boot problem", "Overheating laptop",
                                                                           "Wi-Fi keeps disconnecting"]


def test_a_counted_fix_that_names_its_cost_is_still_a_fix(st):
    """A price in a counted problem's text is as often the cost of its fix ("a new one costs about $45") as a
    deal's: the item still counts as advising, and the page keeps its fixes (reading the price anywhere in the
    item dropped two of these three, and with them the page's every fix). One named in a heading is a deal's."""
    def page(heads):
        texts = ["Dust clogs the fan. Use a can of compressed air to clear the vents; a can costs about $8.",
                 "Old batteries hold less charge. You may need to replace it: a new one costs about $45.",
                 "A driver may be stuck. You should reinstall the keyboard driver from Device Manager."]
        return ("## Laptop problems\n\nHere are the most common problems and their fixes.\n\n"
                + "".join(f"## {h}\n\n{t}\n\n" for h, t in zip(heads, texts)))
    heads = ["1. Laptop overheating", "2. Battery drains fast", "3. Keyboard not working"]
    assert steps(st, page(heads), "Laptop problems") == ["Laptop overheating", "Battery drains fast",
                                                         "Keyboard not working"]
    assert steps(st, page(["1. Laptop overheating: a cooler at $19"] + heads[1:]), "Laptop problems") == []


def test_a_price_is_looked_for_in_linear_time(st):
    """The price rule read a number's digits and separators from every digit on ("\\b\\d[\\d,.]*\\s?usd"):
    a 50,000-character line of "1,1,1,..." took 46 s; a number is read from its first digit now, 20 at most."""
    import time
    t0 = time.process_time()
    for line in ("1," * 25_000, "1." * 25_000, "1" * 50_000, "12,345.67 " * 5_000):
        assert st.price.search(line) is None
        st.structure(f"## Page\n\nHere are the errors and their fixes.\n\n## 1. Error {line}\n\nRestart it.\n", "Fix it")
    assert time.process_time() - t0 < 5
    assert st.price.search("Router for 1,299.00 USD") and st.price.search("costs $19") and not st.price.search("USB 3.0")


def _page(lead, heads, texts):
    return f"## Page\n\n{lead}\n\n" + "".join(f"## {h}\n\n{t}\n\n" for h, t in zip(heads, texts))


def test_counted_problems_whose_advice_only_says_where_to_look_are_no_fixes(st):
    """Advice on where to look ("You can find the full tables on the BLS site", "visit", "search") says
    nothing to do about a counted problem: no fix (rules [step_shapes] browsing_verbs). The same page
    advising a verb that does something gives its problems, so this guard alone decides it (the page's
    kind tells such a page from a page of fixes later: test_consolidate)."""
    lead = "Economists say the plan to fix the economy meets three problems."
    heads = ["1. Slow wage growth", "2. Broken supply chains", "3. Housing shortage problem"]
    looking = ["Pay grew 1% last year. You can find the full tables on the BLS site.",
               "Ports are still backed up. You should visit the port authority's page for the weekly data.",
               "Starts fell 8%. You can search the census site for your county."]
    assert steps(st, _page(lead, heads, looking), "The plan to fix the economy") == []
    doing = [t.replace("find", "check").replace("visit the port authority's page", "download the port authority's sheet")
             .replace("search", "use") for t in looking]
    assert steps(st, _page(lead, heads, doing), "The plan to fix the economy") == [h[3:] for h in heads]


def test_counted_headings_that_name_a_problem_only_by_a_remedy_word_are_no_fixes(st):
    """"How the crew fixed the oxygen tank", "The filters, solved" name a remedy, not what goes wrong (rules
    [step_shapes] remedy_words), though "fixed" and "solved" are problem cues of a page's kind: no fix. The
    same page whose headings name what went wrong gives them, so the remedy words alone decide it."""
    lead = "In 1970 the crew had to fix their ship on the way to the Moon."
    texts = ["A tank burst 56 hours in. You should check the NASA transcript for the exact words.",
             "Square filters met round holes. You can download the mission audio to hear the call.",
             "They shut down the command module. You can use the NASA archive for the timeline."]
    remedies = ["1. How the crew fixed the oxygen tank", "2. The filters, solved", "3. The power budget, fixed"]
    assert steps(st, _page(lead, remedies, texts), "How the crew fixed Apollo 13") == []
    wrong = ["1. The oxygen tank failed", "2. The filters were broken", "3. The power was not working"]
    assert steps(st, _page(lead, wrong, texts), "How the crew fixed Apollo 13") == [h[3:] for h in wrong]


def test_counted_problems_named_only_by_their_label_are_no_fixes(st):
    """"Problem 1: Prices rise again" names its problem by its label only: the words past it name nothing
    wrong, and no fix is read. The same page whose words past the label name what goes wrong ("Problem 2: Wages
    stuck") gives them, without their labels, so the label alone decides it."""
    lead = "Economists say the plan to fix the economy meets three problems."
    texts = ["Prices rose 3% in May. You should check your budget each month.",
             "Pay grew 1%. You may want to use a pay calculator before you ask for a raise.",
             "Rents rose 5%. You can switch to a cheaper lease when you renew."]
    labelled = ["Problem 1: Prices rise again", "Problem 2: Wages lag behind", "Problem 3: Rents keep climbing"]
    assert steps(st, _page(lead, labelled, texts), "The plan to fix the economy") == []
    wrong = ["Problem 1: Prices not dropping", "Problem 2: Wages stuck", "Problem 3: Rent issues"]
    assert steps(st, _page(lead, wrong, texts), "The plan to fix the economy") == [
        "Prices not dropping", "Wages stuck", "Rent issues"]


def test_counted_problems_keep_no_count_label_in_their_titles(st):
    """A step's title comes without its numbering: "Video Error 1: No Sound" gives "No Sound", as "1. No
    Sound" does, and each step is marked as read from the page's count (its kind decides whether it stays)."""
    body = _page("Here are the most common video errors and their easy fixes.",
                 ["Video Error 1: No Sound", "Video Error 2: Codec issues", "Video Error 3: Black screen"],
                 ["Audio may be muted. Make sure that the sound is on and check the speaker cable.",
                  "A codec may be missing. You need to install the codec pack.",
                  "The graphics card may be at fault. Turn off the hardware acceleration and reboot."])
    found = st.structure(body, "Common video errors").steps
    assert [s.title for s in found] == ["No Sound", "Codec issues", "Black screen"]
    assert all(s.counted for s in found)


def _sports(heads):
    return ("## 3 problems the Lakers must fix before the playoffs\n\nThe Lakers have won six of their last eight, "
            "but the wins have hidden problems that better teams will punish in April.\n\n" + "".join(
                f"## {h}\n\n{t}\n\n" for h, t in zip(heads, [
                    "Los Angeles averages 15.8 turnovers a game since the break, too many of them lazy passes out of "
                    "the post. Let's look at the film from Tuesday's loss in Sacramento.",
                    "The Lakers have trailed after the first quarter in 40 of their 73 games. Let's be honest: that is "
                    "not good enough for a team with title hopes.",
                    "The bench scores 27 points a game, last in the league. Let's see whether the new signing helps "
                    "in the last nine games."])))


def test_the_writers_lets_is_no_advice_on_a_page_of_problems(st):
    """A sports column names its team's problems under a title saying "fix", each with the writer's "Let's look
    at the film", "Let's be honest": the writer's doing, not the reader's (Steps._writer_acts), so they are no
    fixes, whether the problems are counted ("1. Turnover problems": _counted_remedies) or not ("Turnover
    problems": _remedy_runs). The same pages telling the reader what to do give their problems as before."""
    title = "3 problems the Lakers must fix before the playoffs"
    heads = ["Turnover problems", "Slow starts", "Bench issues"]
    counted = [f"{n}. {h}" for n, h in enumerate(heads, 1)]
    assert steps(st, _sports(heads), title) == []
    assert steps(st, _sports(counted), title) == []
    told = (lambda body: body.replace("Let's look at", "Check").replace("Let's be honest: that", "Check the box "
            "scores: that").replace("Let's see whether", "Check whether"))
    assert steps(st, told(_sports(heads)), title) == heads
    assert steps(st, told(_sports(counted)), title) == heads


def test_lets_before_the_readers_own_verb_is_a_fix(st):
    """"Let's" before a verb that is no writer's doing ([step_shapes] writer_verbs: look, see, hope, be, ...)
    tells the reader what to do, whether the rules list that verb ("Let's restart the printer first",
    "Let's open Settings > Devices") or not ("Let's re-seat the cartridge"), as "Don't worry, clear the queue"
    does after its opening phrase: a page of problems each with such a sentence gives them as its fixes
    (Steps._remedy_runs), where the writer's "Let's look at", "Let's be honest" give none
    (test_the_writers_lets_is_no_advice_on_a_page_of_problems)."""
    title = "Printer not printing? Common problems and fixes"
    heads = ["The printer has been on for days", "The spooler is stuck", "The cartridge sits loose",
             "The queue is full of old jobs"]
    texts = ["Printers hang after long stretches without a break. Let's restart the printer first: switch it off, "
             "wait a minute and switch it back on.",
             "Windows keeps jobs in a spooler that can freeze. Let's open Settings > Devices > Printers and remove "
             "the printer, then add it back.",
             "A cartridge that moved in transit breaks the contact. Let's re-seat the cartridge until it clicks.",
             "Old jobs block the new ones. Don't worry, clear the queue from the printer's window and print again."]
    body = "Printing stopped for no clear reason? These are the usual causes.\n\n" + "".join(
        f"## {h}\n\n{t}\n\n" for h, t in zip(heads, texts))
    assert steps(st, body, title) == heads
    writer = body
    for t in texts:  # (the writer's doing instead: no fixes)
        writer = writer.replace(t.split(". ", 1)[1], "Let's look at why that happens.")
    assert steps(st, writer, title) == []


def test_an_opening_clause_of_purpose_may_be_long_before_the_action(st):
    # "To join the text in cells A1 and B1 with a space between the words, use this formula:" says what to
    # do though its purpose runs past 60 characters: the last function of the run is a step as its peers are
    body = ("Text functions help.\n\n## Remove Spaces: TRIM\n\n1. Click cell B1.\n2. Enter =TRIM(A1).\n\n"
            "## Compare Text Strings: EXACT\n\n1. Click cell C1.\n2. Enter =EXACT(A1,B1).\n\n"
            "## Locate Text Within a String: FIND\n\n1. Click cell D1.\n2. Enter =FIND(\"QR1\",A1).\n\n"
            "## Combine Text: CONCAT\n\nOne final function you may find helpful is CONCAT.\n\n"
        "To join the text in cells A1 and B1 with a space between the words, use this formula:\n\n"
        "=CONCAT(A1,\" \",B1)\n\nNotice that the quotes contain the space to add.\n")
    got = steps(st, body, "Excel text functions")
    assert got[-1] == "Combine Text: CONCAT"
    assert st.action.match("To remove hidden permissions for apps draining the battery in the background, "
                           "scroll through the Developer Options.")
    # any other opening phrase stays within 60 characters, a condition too: a long one is as often a chooser
    # between the ways that follow ("If you're only looking to ..., use the Settings app method")
    assert not st.action.match("If you're only looking to remove the printer's connection from your PC and without "
                               "deleting its drivers, use the Settings app method.")
    assert not st.action.match("The best alternative for the tech-minded users among our readers this year, "
                               "use KeePass.")
    assert st.action.match("In the Driver tab, click Roll Back Driver.")


PARTS_PAGE = """Forgot your cloud password? In this article we show how to recover or reset it.

* Part 1. What Is the Cloud Password
* Part 2. How to Recover the Cloud Password When You Forget It
* Part 3. FAQs of the Forgotten Cloud Password

## Part 1. What Is the Cloud Password

The account password signs you in to the cloud on any device and protects the data you sync.

## Part 2. How to Recover the Cloud Password When You Forget It

### Method 1. Reset it with email authentication

Open the account page, choose **Get an Email** and click **Continue**.

### Method 2. Answer the security questions

Enter your birth date, click **Continue** and answer the questions.

## Part 3. FAQs of the Forgotten Cloud Password

Can I have more than one account? Yes, you can.
"""


def test_a_list_of_the_pages_later_headings_is_contents_however_they_read(st):
    """Its items are the page's own later headings, in order ("Part N." and all): a table of
    contents, so no section's text holds it; the sections it names keep theirs."""
    got = st.structure(PARTS_PAGE, "Forgot cloud password")
    texts = "\n".join([got.summary] + [s.text for s in got.sections])
    assert "Part 1. What Is the Cloud Password" not in texts and "FAQs of the Forgotten" not in texts
    heads = {s.heading: s.text for s in got.sections}
    assert heads["Part 1. What Is the Cloud Password"].startswith("The account password signs you in")
    assert "answer the questions" in heads["Method 2. Answer the security questions"]
    assert got.summary.startswith("Forgot your cloud password?")
    assert [s.title for s in got.steps] == ["Reset it with email authentication",
                                           "Answer the security questions"]


def test_a_list_of_fixes_no_later_heading_names_stays(st):
    """The same shape whose items no later heading names (they are written only there), or
    whose headings come before it, is the page's content."""
    body = ("The printer stops printing when its queue jams.\n\n## What to try\n\n"
            "* Restart the print spooler service\n* Clear the print queue folder\n* Reinstall the printer driver\n\n"
            "## Restart the print spooler service\n\nIt did not help? Read on.\n\n## Why it happens\n\n"
            "A stuck job blocks the queue.\n")
    got = st.structure(body, "Printer stops printing")
    what = next(s.text for s in got.sections if s.heading == "What to try")
    assert "Clear the print queue folder" in what and "Reinstall the printer driver" in what


def test_contents_lines_written_as_paragraphs_give_no_text(st):
    """A table of contents written as lines of one paragraph or as paragraphs of their own, each the
    name of a later heading ("Solution 1:**Perform a power reset**", its in-page link unlinked;
    "**1)Update the graphics driver**"): no section's text holds it; the sentences over it, and the
    sections it names, keep theirs."""
    lines = ("Your NVIDIA card stopped with Code 43. We've included two solutions that usually fix it.\n\n"
             "Solution 1:[**Perform a power reset**](#s1)\n Solution 2: **[Update the driver](#s2)**\n\n"
             "## Solution 1: Perform a power reset\n\nHold the power button for a minute.\n\n"
             "## Solution 2: Update the driver\n\nGet it from the vendor's site.\n")
    got = st.structure(lines, "NVIDIA Code 43")
    assert got.sections[0].text == "Your NVIDIA card stopped with Code 43. We've included two solutions that usually fix it."
    assert [(s.title, s.text) for s in got.steps] == [
        ("Perform a power reset", "Hold the power button for a minute."),
        ("Update the driver", "Get it from the vendor's site.")]
    paragraphs = ("The screen of your laptop went dim. Here are three methods that can help you:\n\n"
                  "**1)Update the graphics driver**\n\n**2)Press the brightness-up key when starting up**\n\n"
                  "**3)Modify the registry**\n\n## 1) Update the graphics driver\n\nRun Windows Update.\n\n"
                  "## 2) Press the brightness-up key when starting up\n\nHold F12 while it starts.\n\n"
                  "## 3) Modify the registry\n\nSet the brightness value to 100.\n")
    got = st.structure(paragraphs, "Laptop screen dim")
    assert got.sections[0].text == "The screen of your laptop went dim. Here are three methods that can help you:"
    assert [s.text for s in got.steps] == ["Run Windows Update.", "Hold F12 while it starts.",
                                           "Set the brightness value to 100."]
    # ...and lines pointing a fix's reader to its own sub-sections, under the fix's short lead-in
    pointers = ("## Fix 1: Change the refresh rate\n\nSet it to 60 Hz. Here is how to do it:\n\n"
                "**[I'm using Windows 10](#w10) :**\n\n**[I'm using Windows 7 or 8](#w7) :**\n\n"
                "### I'm using Windows 10:\n\nOpen Display settings.\n\n### I'm using Windows 7 or 8.1:\n\n"
                "Open Screen resolution.\n")
    got = st.structure(pointers, "Screen flickering")
    assert next(s.text for s in got.sections if s.heading == "Fix 1: Change the refresh rate") == (
        "Set it to 60 Hz. Here is how to do it:")


def test_lines_that_say_more_than_a_later_headings_name_stay(st):
    """Lines that name later headings but say what to do (a full stop ends them) or more than the
    name are the page's text, not its table of contents."""
    body = ("Before you start:\n\n**Restart the router.**\n\n**Update the driver.**\n\n"
            "## Restart the router\n\nUnplug it for a minute.\n\n## Update the driver\n\nRun Windows Update.\n")
    intro = st.structure(body, "No internet").sections[0].text
    assert "Restart the router." in intro and "Update the driver." in intro
    more = ("The printer is offline.\n\n**Restart the printer and wait until its light stops blinking, then print "
            "a test page**\n\n**Reinstall the driver**\n\n## Restart the printer\n\nTurn it off.\n\n"
            "## Reinstall the driver\n\nRemove it first.\n")
    intro = st.structure(more, "Printer offline").sections[0].text
    assert "wait until its light stops blinking" in intro and "Reinstall the driver" in intro
    # a quick list's cards: each pick's name and label over its blurb, the picks' sections after them
    cards = ("## Quick List\n\n1\\. Alienware AW3423DWF\n\n_**Best Overall Monitor**_\n\nA vibrant QD-OLED panel.\n\n"
             "2\\. LG UltraGear 45GR75DC\n\n_**Best 200Hz Monitor**_\n\nA bright VA panel at 200Hz.\n\n"
             "## The Best Ultrawide Monitors\n\n### 1. Alienware AW3423DWF\n\n#### Best Overall Monitor\n\nIt does "
             "everything well.\n\n### 2. LG UltraGear 45GR75DC\n\n#### Best 200Hz Monitor\n\nIt is bright.\n")
    quick = next(s.text for s in st.structure(cards, "Best ultrawide monitors").sections if "QD-OLED" in s.text)
    assert "Alienware AW3423DWF" in quick and "Best 200Hz Monitor" in quick


def test_a_list_counting_the_pages_parts_by_their_numbers_is_contents_however_reworded(st):
    """The list names the parts by their numbers; the headings say them in other words ("Part 1.
    AI for Video Editing" over "Part 1. How Is AI Used for Video Editing and Its Benefits")."""
    body = ("Editing video by hand is slow; these tools do it for you.\n\n"
            "* Part 1. AI for Video Editing\n* Part 2. Top AI Video Editing Software\n* Part 3. FAQs of AI Editing\n\n"
            "## Part 1. How Is AI Used for Video Editing and Its Benefits\n\nIt finds the best takes.\n\n"
            "## Part 2. The Five Best AI Tools and Apps for Editing Videos\n\nDescript edits by text.\n\n"
            "## Part 3. Questions About AI Video Editing Software\n\nIs it free? Some are.\n")
    got = st.structure(body, "AI video editing")
    assert not any("Part 2. Top AI Video Editing Software" in s.text for s in got.sections)
    assert got.summary.startswith("Editing video by hand is slow")
    # numbered by a step's word, a procedure's list over other fixes' steps stays
    steps_body = ("## Fix 1: Reset the app\n\n* Step 1. Open Settings\n* Step 2. Tap Reset\n\n"
                  "## Fix 2: Reinstall the app\n\n### Step 1. Delete the app from the home screen\n\nHold its icon.\n\n"
                  "### Step 2. Install the app again from the store\n\nSearch for it.\n")
    got = st.structure(steps_body, "App keeps crashing")
    assert "Step 1. Open Settings" in next(s.text for s in got.sections if s.heading == "Fix 1: Reset the app")


def test_a_long_opening_phrase_is_a_purpose_only_before_a_verb_and_a_lower_case_action(st, rules):
    # news prose whose long opening phrase is no purpose ("To the surprise of ...") or whose word after the
    # comma is a name that is also a verb ("Switch 2 will ship") says nothing to do
    assert not st.action.match("To the surprise of reviewers who had tested the previous model for weeks on end, "
                               "power consumption dropped by a third.")
    assert not st.action.match("To compete with Sony's PlayStation Portal and the upcoming handhelds from Asus and "
                               "Lenovo, Switch 2 will ship with a larger screen.")
    assert st.action.match("To check how many charge cycles the battery of your MacBook has been through so far, "
                           "hold down the Option key and open System Information.")
    # rules without openers make no long phrase an opening one
    bare = Structurer(Rules({**rules.data, "step_shapes": {**rules.data["step_shapes"], "clause_openers": []}}, "-"))
    assert not bare.action.match("Then,  if you are only looking to remove the printer's connection from your PC, "
                                 "use the Settings app method.")


def test_a_list_saying_more_than_the_headings_it_names_stays(st):
    """Its items name the later headings and go on with what to do, which the sections under
    them (a picture each) do not say: the list is where the page's instructions are."""
    def said(body, title):
        got = st.structure(body, title)
        return "\n".join([got.summary] + [s.text for s in got.sections])

    body = ("## How to Fix No Internet Connection on a Laptop\n\nTry these fixes one by one:\n\n"
            "1. Restart the router and the modem \u2014 unplug both for 30 seconds.\n"
            "2. Run the network troubleshooter \u2014 Settings > System > Troubleshoot.\n"
            "3. Renew the IP address of the laptop \u2014 run ipconfig /renew in cmd.\n"
            "4. Disable the VPN or proxy on the laptop \u2014 toggle both off in Settings.\n\n"
            + "".join(f"## Fix {k}. {h}\n\n![p](https://example.com/img/{k}.png)\n\n" for k, h in enumerate(
                ["Restart the router and the modem", "Run the network troubleshooter",
                 "Renew the IP address of the laptop", "Disable the VPN or proxy on the laptop"], 1)))
    texts = said(body, "How to Fix No Internet Connection on a Laptop")
    assert "unplug both for 30 seconds" in texts and "toggle both off in Settings" in texts
    # by its parts' numbers the same: each item goes on past its part's name
    parts = ("## How to Recover Deleted Photos on Android\n\nLost photos can often come back. This guide has three parts:\n\n"
             "- Part 1. Check the Trash folder: open Google Photos, tap Library > Trash, select the photos and tap Restore.\n"
             "- Part 2. Restore from a Google backup: sign in on photos.google.com with the same account and download them.\n"
             "- Part 3. Use a recovery app: install one on the computer, connect the phone by USB with debugging on, and scan.\n\n"
             "## Part 1. Check the Trash Folder\n\n![t](https://example.com/img/t.png)\n\n"
             "## Part 2. Restore from a Backup\n\n![b](https://example.com/img/b.png)\n\n"
             "## Part 3. Use a Recovery App\n\n![a](https://example.com/img/a.png)\n")
    texts = said(parts, "How to Recover Deleted Photos on Android")
    assert "tap Library > Trash" in texts and "connect the phone by USB" in texts
    # one item of four names no heading and says what to do: the list stays too
    mixed = ("Your printer stops.\n\n* Part 1. Why the Printer Stops\n* Part 2. How to Restart the Spooler\n"
             "* Or open Services, find Print Spooler, right-click it and choose Restart, then print again.\n"
             "* Part 3. How to Clear the Queue\n\n"
             "## Part 1. Why the Printer Stops\n\nA stuck job.\n\n## Part 2. How to Restart the Spooler\n\nSee above.\n\n"
             "## Part 3. How to Clear the Queue\n\nDelete the files in the spool folder.\n")
    assert "find Print Spooler, right-click it" in said(mixed, "Printer stops")
    # a word or two more than its heading is still its name: the list is contents
    named = ("The cable works on Wi-Fi only.\n\n1. **Check the router and cable situations**\n"
             "2. **Restart your modem and wireless router**\n3. **Update the network card driver**\n\n"
             "## Method 1: Check the router and cable situations\n\nLook at the cable.\n\n"
             "## Method 2: Restart your modem and router\n\nUnplug both.\n\n"
             "## Method 3: Update the network card driver\n\nOpen Device Manager.\n")
    assert "wireless router" not in said(named, "Ethernet not working")


def test_a_plain_conclusion_line_heads_its_own_section_after_a_faq(st):
    """A template's plain label line ("Conclusion", no bold, no heading mark) before a paragraph
    closes the FAQ at the FAQ's level: the conclusion is its own section, not the FAQ's last
    answer nor a step; a one-word real paragraph ("Yes.") stays text, and a bold step label
    stays the step's."""
    body = ("Intro about the error.\n\n## Fix 1: Restart the PC\n\n**Step 1: Open Start**\n\n"
            "Click the Start button and choose Restart.\n\n## Fix 2: Update the driver\n\n"
            "Open Device Manager and update the driver.\n\n"
            "## FAQs of the Error\n\n### Can I keep my files?\n\nYes.\n\nAll your files stay where they are.\n\n"
            "Conclusion\n\nThis post showed two ways to get rid of the error. Try them in order.\n")
    s = st.structure(body, "How to fix the error")
    heads = [(x.heading, x.level, x.kind) for x in s.sections]
    assert heads[-1] == ("Conclusion", 2, "conclusion")
    assert s.sections[-1].parent is None
    assert s.sections[-1].text == "This post showed two ways to get rid of the error. Try them in order."
    faq_answer = next(x for x in s.sections if x.heading == "Can I keep my files?")
    assert faq_answer.text == "Yes.\n\nAll your files stay where they are."
    assert "Conclusion" not in faq_answer.text
    assert [t.title for t in s.steps] == ["Restart the PC", "Update the driver"]
    assert "Step 1: Open Start" in s.steps[0].text



@pytest.mark.parametrize("body, heads, kept", [
    # a short plain line of other words (a caption, "Modem") is the step's text
    ("Intro.\n\n## Fix 1: Restart the router\n\nUnplug these two:\n\nModem\n\nWait a minute, then plug it back in.\n",
     ["Fix 1: Restart the router"], "Modem\n\nWait a minute"),
    # a label line right under a heading closes nothing: it opens that section's text
    ("## Top 12 Alternatives to iTunes\n\nSummary\n\nWhen iTunes fails, try these twelve tools.\n\n"
     "## Best 6 tools to manage data\n\nThe first tool syncs your data.\n",
     ["Best 6 tools to manage data"], "Summary\n\nWhen iTunes fails"),
])
def test_a_short_plain_line_that_closes_nothing_stays_text(st, body, heads, kept):
    s = st.structure(body, "How to fix it")
    assert [x.heading for x in s.sections if x.heading] == heads
    assert any(kept in x.text for x in s.sections)


def test_a_pictures_caption_is_not_the_summary(st):
    """A line under a picture that says what the picture shows (most of its words in the
    picture's alt text or file name) is the picture's caption, not the intro: variety summaries
    opened with "John Deere's electric excavator." and "The Anycubic Kobra Neo."."""
    body = ("![John Deere electric excavator against a white background](https://img.example/excavatorblue.jpg)\n\n"
            "John Deere's electric excavator.\n\n"
            "For the first day of CES, John Deere announced two new technologies.\n\n"
            "## ExactShot\n\nExactShot uses sensors to dispense fertilizer.\n")
    assert st.structure(body, "John Deere launches electric machinery").summary == (
        "For the first day of CES, John Deere announced two new technologies.")
    # named by the picture's file name; and a caption further down the intro goes too
    body = ("Normally a decent 3D printer costs more than $150.\n\n"
            "![](https://img.example/2023/anycubic-kobra-neo.jpg)\n\nThe Anycubic Kobra Neo.\n\n"
            "This one is on sale for $139.\n\n## Specs\n\nA 220 mm bed.\n")
    assert st.structure(body, "Anycubic Kobra Neo deal").summary == (
        "Normally a decent 3D printer costs more than $150.\n\nThis one is on sale for $139.")
    # the article's first sentence under a picture whose alt text names something else stays,
    # and so does a paragraph of more than one sentence that names what the picture shows
    body = ("![piles-of-paper.jpg](https://img.example/piles-of-paper.jpg)\n\n"
            "Printer maker Epson has announced it will stop selling laser printers.\n\n"
            "Epson said heating wastes power.\n\n## Why\n\nLasers heat toner.\n")
    assert st.structure(body, "Epson quits laser printers").summary.startswith("Printer maker Epson has announced")
    body = ("![Smashing a printer with a hammer](https://img.example/printer-hammer.jpg)\n\n"
            "You hate your printer. Of course you do, smashing it with a hammer.\n\n## Why\n\nInk runs out.\n")
    assert st.structure(body, "Why you hate your printer").summary.startswith("You hate your printer.")
    # a step under the screenshot before it, a label that leads on and a shop's card are no captions
    body = ("Open the app's settings.\n\n![Select Notifications](https://img.example/select-notifications.png)\n\n"
            "Select Notifications.\n\n![](https://img.example/error-message.jpg)\n\n**Error message:**\n\n"
            "![Samsung 990 EVO](https://img.example/990-evo.jpg)\n\n"
            "**Samsung 990 EVO:** [now $129 at Amazon](https://shop.example/990) (was $239)\n\n## Next\n\nTap Sound.\n")
    assert st.structure(body, "Notification sounds").summary == (
        "Open the app's settings.\n\nSelect Notifications.\n\n**Error message:**\n\n"
        "**Samsung 990 EVO:** [now $129 at Amazon](https://shop.example/990) (was $239)")


def test_a_caption_never_empties_the_summary_and_a_long_one_is_nearly_the_alt_text(st):
    """The review of the caption rule: a hero picture whose alt text is the title, then the one
    sentence of intro that says the same, then only fixes: the summary was left empty; and a
    first sentence saying four of its seven words in the alt text ("… review") was taken for a
    caption, leaving "It is big." as the summary."""
    body = ("![Printer offline error in Windows 11](https://img.example/printer-offline.png)\n\n"
            "The printer offline error in Windows 11 is common.\n\n"
            "## Fix 1: Restart the printer\n\nTurn it off and on.\n\n## Fix 2: Set it as default\n\nOpen Settings.\n")
    assert st.structure(body, "Printer offline in Windows 11").summary == (
        "The printer offline error in Windows 11 is common.")
    body = ("![Samsung Galaxy S23 Ultra review](https://img.example/s23-ultra.jpg)\n\n"
            "The Samsung Galaxy S23 Ultra is the best Android phone you can buy.\n\nIt is big.\n\n"
            "## Design\n\nGlass and metal.\n")
    assert st.structure(body, "Galaxy S23 Ultra review").summary.startswith("The Samsung Galaxy S23 Ultra is the best")
    # a short caption still goes at half its words in the alt text, a longer one at two thirds
    body = ("![Bluetti AC70](https://img.example/ac70.jpg)\n\nBluetti AC70 power station.\n\n"
            "Power cuts are common where I live.\n\n## Specs\n\n768 Wh.\n")
    assert st.structure(body, "Bluetti AC70 review").summary == "Power cuts are common where I live."
    body = ("![EcoFlow Blade with Sweeper Kit](https://img.example/blade.jpg)\n\n"
            "The EcoFlow Blade with Sweeper Kit is a sight to behold.\n\nMowing the lawn is a privilege.\n\n## Setup\n\nIt maps.\n")
    assert st.structure(body, "EcoFlow Blade review").summary == "Mowing the lawn is a privilege."
    # a line with a link is no caption, however much of it the alt text says (a shop's card, a product named)
    body = ("![Samsung 990 EVO](https://img.example/990-evo.jpg)\n\nThe [Samsung 990 EVO](https://shop.example/990) SSD.\n\n"
            "It is fast.\n\n## Specs\n\n2 TB.\n")
    assert st.structure(body, "Samsung 990 EVO review").summary.startswith("The [Samsung 990 EVO]")


def test_a_how_to_section_acting_twice_after_the_steps_is_one_of_them_an_overview_before_them_is_not(st):
    intro = "Microsoft Defender is the antivirus built into Windows.\n\n"
    when = ("## When Should You Disable Defender Permanently\n\nRarely: a security app that is not compatible with "
            "Defender is the one good reason.\n\n")
    ways = ("## Turn Off Real-Time Protection\n\nOpen Windows Security and choose \"Virus & Threat Protection\".\n\n"
            "1. Click \"Manage Settings\".\n2. Turn off the \"Real-Time Protection\" toggle.\n\n"
            "## Disable Defender Using the Registry Editor\n\nBack up the registry first.\n\n"
            "1. Open the Registry Editor.\n2. Create the \"DisableAntiSpyware\" value and set it to 1.\n\n")
    check = ("## How to Check the State of Defender\n\nOnce you have disabled it, check its state. To do this, open "
             "the Start menu, type **PowerShell** and press Enter. Then, type the following command and hit Enter.\n")
    assert steps(st, intro + when + ways + check, "Turn off Defender") == [
        "Turn Off Real-Time Protection", "Disable Defender Using the Registry Editor", "How to Check the State of Defender"]
    first = ("## How to Create a Custom Rule\n\nTo create your own rule, head to the Home tab and select the arrow in "
             "the Rules box. Choose \"Create New.\" Alternatively, move your cursor to New Rule and pick \"Custom\".\n\n")
    # before the first step a "How to ..." acting twice is not told from an overview over the ways by its shape:
    # left out (a missed way, where an overview taken would be a false first step on many pages)
    assert steps(st, intro + first + ways, "Custom rules") == [
        "Turn Off Real-Time Protection", "Disable Defender Using the Registry Editor"]
    # (the page's own "How to ..." title over its intro, the first text of the page, is none, also when its
    # contents list names what to do)
    title = ("## How to Turn Off Defender\n\nDefender protects your computer. Sometimes you may want it off, for "
             "instance while testing another antivirus.\n\n* Turn off real-time protection\n* Disable Defender for "
             "good\n\n")
    assert steps(st, "## Defender: 7 Secrets Revealed\n\n" + title + ways, "Defender: 7 secrets") == [
        "Turn Off Real-Time Protection", "Disable Defender Using the Registry Editor"]
    # nor an overview over the ways after an intro, however it words what to do (the review's printer page)
    printer = ("Your printer shows as offline although it is on.\n\n## How to Fix Printer Offline in Windows 11\n\n"
               "Follow the steps below. Make sure you are signed in as an administrator first.\n\n"
               "## Restart the Print Spooler Service\n\nOpen Services, right-click Print Spooler and choose "
               "Restart.\n\n## Update the Printer Driver\n\nOpen Device Manager, right-click the printer and "
               "choose Update driver.\n")
    assert steps(st, printer, "Printer offline") == ["Restart the Print Spooler Service", "Update the Printer Driver"]


def test_sibling_headings_that_advise_avoiding_or_opting_out_are_ways(st):
    """"Opt Out of Ad Tracking" (over its ways per device) and "Avoid Sharing Your Location" beside it say
    what to do, as "Turn Off ..." does: they are the page's ways, the devices' sub-sections inside the first;
    "Why Apps Track You" beside them is none."""
    body = ("Apps track you. Here is what you can do.\n\n## Why Apps Track You\n\nAds pay for free apps.\n\n"
            "## Opt Out of Ad Tracking\n\nMost phones let you opt out.\n\n"
            "### On Android\n\n1. Open **Settings**.\n2. Tap **Privacy > Ads**.\n3. Tap **Delete advertising ID**.\n\n"
            "### On iPhone\n\n1. Open **Settings**.\n2. Tap **Privacy & Security > Tracking**.\n"
            "3. Turn off **Allow Apps to Request to Track**.\n\n"
            "## Avoid Sharing Your Location\n\nOnly let maps use it. Open Settings and turn off location for the "
            "other apps.\n\n## Conclusion\n\nStay private.\n")
    found = st.structure(body, "How to stop apps from tracking you").steps
    assert [s.title for s in found] == ["Opt Out of Ad Tracking", "Avoid Sharing Your Location"]
    assert "Delete advertising ID" in found[0].text


def test_a_section_of_remedies_and_a_first_person_fix_hold_fixes(st):
    """Sections headed as remedies ("Other Common White Noise Remedies") or as the writer's own fix ("How I
    Fixed My Speaker") are sections of fixes: the ways under them are steps, whatever verb heads each
    ("Arrange ...", "Examine ...": verbs the rules do not list)."""
    body = ("Speakers hiss for a few reasons, and most of them are easy to deal with.\n\n"
            "## What Causes White Noise In Speakers\n\nInterference, broken wires and loose jacks.\n\n"
            "## How I Fixed My Speaker in Under 5 Minutes\n\nIt was a loose jack.\n\n"
            "### Check All Ports and Connection Points\n\nFirst, check all your cables. Replace a cable that is "
            "frayed and twist the nut of a loose port by hand.\n\n"
            "## Other Common White Noise Remedies\n\nHiss has other sources too.\n\n"
            "### Arrange Wires and Audio Cables Correctly\n\nKeep power cables away from audio cables; cross "
            "them at right angles where they must meet.\n\n"
            "### Examine Your Speaker Cones\n\nA torn cone buzzes. Small tears take a patch; large ones, a new cone.\n")
    assert steps(st, body, "How I Silenced the Hiss From My Speakers") == [
        "Check All Ports and Connection Points", "Arrange Wires and Audio Cables Correctly",
        "Examine Your Speaker Cones"]


def test_a_last_resort_after_the_ways_is_one_more(st):
    """A heading that names the last resort ("If All Else Fails, Factory Reset", "What to Do If Nothing
    Works") names a fix: after a run of ways it is the last of them, though its text says what to do only
    once, or in words the rules do not read as an action ("Consult your laptop's manufacturer")."""
    body = ("A phone that freezes can be restarted in several ways.\n\n"
            "## Perform a Standard Restart\n\nHold the power button, then tap Restart. Wait for the phone.\n\n"
            "## Turn It Off and Back On\n\nHold the power button and tap Power Off. Press it again after a minute.\n\n"
            "## Remove the Battery\n\nOpen the back cover and take the battery out. Put it back after ten seconds.\n\n"
            "## If All Else Fails, Factory Reset\n\nA factory reset wipes the phone, so back it up first.\n")
    assert steps(st, body, "How to Soft Reset an Android Phone")[-1] == "If All Else Fails, Factory Reset"
    problems = ("My touchpad stopped working one morning. Here are the usual causes and their fixes.\n\n"
                "## The Touchpad Was Disabled With the Function Key\n\nPress the function key with the touchpad "
                "icon to turn it back on.\n\n"
                "## The Touchpad Has Been Disabled in Settings\n\nOpen Settings > Bluetooth & Devices > Touchpad "
                "and turn the switch on.\n\n"
                "## Your Laptop Needs to Be Rebooted\n\nRestart the laptop from the Start menu.\n\n"
                "## If All Else Fails, Use a Mouse\n\nIt could be a hardware problem. Consult your laptop's "
                "manufacturer about the warranty.\n")
    assert steps(st, problems, "Why Is My Laptop Touchpad Not Working? Issues and Fixes")[-1] == (
        "If All Else Fails, Use a Mouse")


def test_heading_to_a_place_says_what_to_do(st):
    """"Head over to the site", "head to Settings > ..." is an action as "go to" is: the first of a
    procedure's screenshots, and a check that says so between the ways."""
    body = ("Temperature alerts need a free account.\n\n"
            "First, head over to the IFTTT website and sign up for an account.\n\n![Sign in](https://img.example/1.png)\n\n"
            "Once you're signed in, select \"Create\" on the homepage.\n\n![Create](https://img.example/2.png)\n\n"
            "Select the \"Add\" button.\n\n![Add](https://img.example/3.png)\n\n"
            "Search for \"Weather\" and select the service.\n\n![Weather](https://img.example/4.png)\n")
    assert steps(st, body, "Get a Weather Alert on Your Phone")[0] == (
        "First, head over to the IFTTT website and sign up for an account.")
    assert st.action.match("To enable the lost mode, head to Find My > Devices > AirPods")


def test_numbered_causes_each_with_its_remedy_are_the_fixes(st):
    """Paragraphs led by a bold number, each naming what may cause the problem and then what to do about it
    in a polite imperative or as advice ("Please run ...", "You can place ...", "You should put ..."), are the
    page's fixes, the cause in each step's title and the remedy in its text."""
    body = "\n\n".join([
        "If your laptop screen keeps flickering, you may try the steps below in any order to troubleshoot the problems.",
        "**1.** The problem may be caused by the outdated driver. Try to update the graphics card driver.",
        "**2.** Change the refresh rate to match the capabilities of your monitor.",
        "**3.** Magnetic field may make the monitor flicker.",
        "You can place your notebook in a wide-open area, away from speakers.",
        "**4.** The problem can be related to virus, too. Please run Antivirus to kill virus in your laptop.",
        "**5.** Hardware failure could be a cause. The inverter and backlight can also cause this problem.",
        "You should put the laptop in the hands of a licensed technician."]) + "\n"
    found = st.structure(body, "Laptop Screen Keeps Flickering").steps
    assert [s.title for s in found] == [
        "The problem may be caused by the outdated driver.",
        "Change the refresh rate to match the capabilities of your monitor.",
        "Magnetic field may make the monitor flicker.", "The problem can be related to virus, too.",
        "Hardware failure could be a cause."]
    assert "Please run Antivirus" in found[3].text and "licensed technician" in found[4].text
    assert not st.action.match("Place the heatsink on top of the SSD.")  # (alone, no advice: an assembly)


def test_a_first_way_worded_as_the_others_before_a_closing_tip(st):
    """Ways worded alike ("From the Right-Click Menu", "Using a Keyboard Shortcut", "From a File Explorer
    Toolbar Option") are counted two in three among the siblings before the page's closing tips, not with
    them: the first of them is a way too."""
    body = ("Windows 11 can copy the full path of any file.\n\n"
            "## From the Right-Click Menu\n\nFind your item in File Explorer. Right-click it and select "
            "\"Copy as Path.\"\n\n"
            "## Using a Keyboard Shortcut\n\nSelect the item in File Explorer. Press Ctrl+Shift+C to copy its "
            "path.\n\n"
            "## From a File Explorer Toolbar Option\n\nSelect your item and click the three dots in the toolbar. "
            "Choose \"Copy as Path.\"\n\n"
            "## How to Copy the Path of an App\n\n1. Open the Start menu and find the app.\n2. Right-click it and "
            "select \"Open File Location.\"\n3. Right-click the shortcut and select \"Copy as Path.\"\n\n"
            "## Tips for Pasting the Path You've Copied\n\nThe path comes with quotes around it, which most "
            "apps accept.\n")
    assert steps(st, body, "How to Copy a File's Path on Windows 11") == [
        "From the Right-Click Menu", "Using a Keyboard Shortcut", "From a File Explorer Toolbar Option",
        "How to Copy the Path of an App"]


def test_a_heading_between_two_ways_found_by_their_how_to_is_one_more(st):
    """A heading between two "How to ..." ways, the first a way only as the later ones' alike (they give
    numbered procedures), is one more way, as a heading between two steps is ("Entering Criteria for an
    Advanced Filter" between "How to Set Up the Criteria Range" and "How to Use a Single Criterion ...")."""
    body = ("An advanced filter in Excel takes its criteria from a range of cells.\n\n"
            "## How to Set Up the Criteria Range\n\nCopy the column headers above the data. Paste them two rows "
            "above the table.\n\n"
            "## Entering Criteria for an Advanced Filter in Excel\n\nUnder each header, type the value a row "
            "must match. Use operators such as >100 for numbers.\n\n"
            "## How to Use a Single Criterion, Single Column Excel Filter\n\n1. Select the table.\n"
            "2. Go to Data > Advanced.\n3. Click the criteria range box and select the range.\n\n"
            "## How to Use a Multiple Criteria, Single Column Excel Filter\n\n1. Type each criterion in its own "
            "row.\n2. Select Data > Advanced.\n3. Click OK.\n")
    assert steps(st, body, "How to Use an Advanced Filter in Excel") == [
        "How to Set Up the Criteria Range", "Entering Criteria for an Advanced Filter in Excel",
        "How to Use a Single Criterion, Single Column Excel Filter",
        "How to Use a Multiple Criteria, Single Column Excel Filter"]


def test_a_last_resort_after_a_pages_problems_says_what_to_do(st):
    """A heading that names a fix right after a page's problems is the last of them only when its text tells the
    reader what to do ("Consult your laptop's manufacturer"), not for the site: a myth ("Home Remedies That
    Don't Work"), the writer's story of what the maker did ("How We Fixed Our Review Unit"), a last resort that
    asks to share the guide and follow the site."""
    problems = ("My printer stopped printing last week. Here are the usual causes and their fixes.\n\n"
                "## The Printer Is Paused in the Queue\n\nOpen Settings > Printers & Scanners, select the printer "
                "and click Resume.\n\n"
                "## The Driver Was Corrupted by an Update\n\nOpen Device Manager and reinstall the printer driver.\n\n"
                "## The Spooler Service Has Stopped\n\nPress Win + R, type services.msc and restart the Print "
                "Spooler.\n\n")
    title = "Why Won't My Printer Print? Causes and Fixes"
    tails = {
        "Home Remedies That Don't Work": "Some forums say that shaking the cartridge helps. It doesn't, and ink "
                                         "can leak into the printer.",
        "How We Fixed Our Review Unit": "Our review unit kept jamming after all of this. It turned out to be a "
                                        "faulty roller, and the maker sent a new printer within a week.",
        "As a Last Resort": "We hope one of these worked for you. Share this guide with a friend whose printer "
                            "acts up, and follow us on Twitter for more fixes.",
    }
    for heading, text in tails.items():
        assert heading not in steps(st, problems + f"## {heading}\n\n{text}\n", title)
    last = "## As a Last Resort\n\nThe board may be faulty. Contact the maker's support to ask about a repair.\n"
    assert steps(st, problems + last, title)[-1] == "As a Last Resort"


def test_heading_to_a_place_is_an_action_and_an_idiom_is_none(st):
    """"Head to", "head over to" moves as "go to" only to a place: a name, a menu path, or "the ... website /
    page / menu / screen"; not "Head to head, ...", "Head over heels ...", nor the site's own deals page."""
    for said in ["Head into the BIOS and disable Secure Boot.", "Head back to the home screen.",
                 "Next, head over to the Logitech website and download Options+.",
                 "Head to settings > privacy > location and turn it off.",
                 "Head to your router's admin page and change the channel.", "Head to iCloud and sign in."]:
        assert st.action.match(said), said
    # (the match ends at the verb, as a verb's does: the path's first name is the screen's)
    body = ("Your Windows version decides which installer you need.\n\n## Check Your Windows Version\n\nHead to "
            "Settings > System > About and look under System Type.\n\n## Download the Installer\n\nClick the "
            "64-bit link on the download page and save the file.\n")
    assert st.structure(body, "How to install the app").steps[0].ui_paths == [["Settings", "System", "About"]]
    for said in ["Head to head, the Pixel wins on battery life.", "Head over heels for the new Pixel, we used it "
                 "for a month.", "Head on over to our deals page for today's best prices."]:
        assert not st.action.match(said), said


def test_a_note_between_two_ways_that_tells_one_thing_in_passing_is_no_way(st):
    """Between two ways, a sibling whose text says what to do once, under a heading that reads as no step
    ("A Note on Regular Expressions", "Pattern Length Limits"), is a note, not one more way; one that says so
    twice, or whose heading reads as a step, still is."""
    def body(mid):
        return ("A search in Notepad++ can take a pattern instead of plain text.\n\n"
                "## How to Open the Find Dialog\n\nPress Ctrl+F. Switch to the Replace tab if you want to change "
                "what it finds.\n\n" + mid +
                "## How to Search With One Pattern\n\n1. Open the Find dialog.\n2. Select Regular expression.\n"
                "3. Click Find Next.\n\n"
                "## How to Search With Several Patterns\n\n1. Join the patterns with a bar.\n"
                "2. Select Regular expression.\n3. Click Find All in Current Document.\n")
    ways = ["How to Open the Find Dialog", "How to Search With One Pattern", "How to Search With Several Patterns"]
    note = ("## A Note on Regular Expressions\n\nThe dot matches any character. Use \\. to match a full stop "
            "itself.\n\n")
    limits = "## Pattern Length Limits\n\nA pattern holds 2048 characters at most. Keep long ones in a file.\n\n"
    for mid in (note, limits):
        assert steps(st, body(mid), "How to Search With Regular Expressions in Notepad++") == ways
    twice = ("## Typing the Pattern\n\nType the pattern in the Find what box. Tick Match case if letters "
             "matter.\n\n")
    named = "## Escape the Special Characters\n\nThe dot matches any character. Put a backslash before it.\n\n"
    for mid, title in ((twice, "Typing the Pattern"), (named, "Escape the Special Characters")):
        assert steps(st, body(mid), "How to Search With Regular Expressions in Notepad++") == [
            ways[0], title, *ways[1:]]


def test_a_heading_that_opens_a_list_item_heads_its_own_way(st):
    """Ways written as list items each opening with a heading (`1. ### Using Command Prompt`) are a run of
    sections: each heading is a step over its own sub-steps, also when a scrape lost an item's indentation
    and left the next way's heading nested in the previous way's list (`   3. ### Using a Run Command`)."""
    body = "\n".join([
        "You can clear the DNS cache in three ways.", "", "## How can you flush your DNS?", "",
        "1. ### Using Command Prompt", "",
        "   1. Open the Start Menu, type `cmd` and select **Run as Administrator**.",
        "   2. Type `ipconfig /flushdns` and press **Enter**.", "",
        "2. ### Using Windows PowerShell", "", " Another way is PowerShell. Here is how to do it:", "",
        "   1. Open the Start Menu, type `PowerShell` and click **Run as administrator**.",
        "   2. Type `ipconfig /flushdns` and press **Enter**.",
        "   3. ### Using a Run Command", "",  # (the item's indentation lost: nested in PowerShell's list)
        "   1. Press **Win + R** and type `ipconfig /flushdns`, then hit **Enter**.",
        "   2. Your DNS cache is now empty.", ""])
    found = st.structure(body, "How to flush DNS on Windows 11").steps
    assert [s.title for s in found] == ["Using Command Prompt", "Using Windows PowerShell", "Using a Run Command"]
    assert [len(s.instructions) for s in found] == [2, 2, 2]
    assert "###" not in found[0].text and found[2].text.startswith("1. Press")
    # (a heading in a code block, or after a marker's own text, is no item's heading)
    fenced = "Type this:\n\n```\n1. ### not a heading\n```\n"
    assert st.structure(fenced, "Notes").steps == []


def test_a_lifted_item_heading_takes_its_items_lines_out_of_the_list(st):
    """A heading lifted out of the list item it opens takes the item's other lines with it, without the
    indentation its marker gave them: under `1.  ### Use Command Prompt` (a marker four wide), lines
    indented four are the way's sentences, not a code block of commands."""
    body = "\n".join([
        "If websites stop loading, a stale DNS cache is often to blame. There are two ways to clear it.", "",
        "1.  ### Use Command Prompt", "", "    Open the Start menu, type cmd and select Run as administrator.", "",
        "    Type ipconfig /flushdns and press Enter.", "",
        "2.  ### Use PowerShell", "", "    Open the Start menu, type PowerShell and select Run as administrator.", "",
        "    Type Clear-DnsClientCache and press Enter.", ""])
    found = st.structure(body, "How to Flush the DNS Cache on Windows 11").steps
    assert [s.title for s in found] == ["Use Command Prompt", "Use PowerShell"]
    assert found[0].instructions == ["Open the Start menu, type cmd and select Run as administrator.",
                                     "Type ipconfig /flushdns and press Enter."]
    assert found[0].commands == [] and "    " not in found[1].text
    # (a tab after the marker, a list nested in the item: each line loses the marker's columns only)
    tabbed = "Two ways.\n\n1.\t### Restart the router\n\n    1. Unplug it.\n    2. Plug it back in.\n"
    found = st.structure(tabbed, "Router fixes").steps
    assert [s.title for s in found] == ["Restart the router"] and found[0].text.startswith("1. Unplug it.")


def test_a_part_label_is_past_a_headings_words(st):
    """"Part 2. How to ..." names its way as "How to ..." does: parts that each tell a way in prose are the
    page's steps, also beside a part whose tool has a numbered procedure of its own (its numbered paragraphs
    are that part's, not the page's steps), which stays promotional."""
    def body(third):
        return ("Lost your music? Here is how to get it back.\n\n"
                "## Part 1. How to download music to your iPhone\n\nOpen the Music app, tap Library, then tap the "
                "cloud icon.\n\n"
                "## Part 2. How to get music back with iTunes\n\nOpen iTunes, click Account > Purchased, then click "
                "the cloud icon.\n\n" + third)
    ways = ["How to download music to your iPhone", "How to get music back with iTunes"]
    tv = "## Part 3. How to access music on Apple TV\n\nOpen the Music app on Apple TV and choose Library.\n"
    assert steps(st, body(tv), "How to download music from iCloud") == ways + ["How to access music on Apple TV"]
    pitch = ("## Part 3. How to recover music without iPhone\n\nWhat you need is MusicSaver Pro. It recovers deleted "
             "songs from any backup.\n\n[Free Download](https://shop.example.com/order/checkout.php?PRODS=1)\n\n"
             "1 Free download, install and run MusicSaver Pro. Choose Recover from Backup.\n\n"
             "2 Click Scan, then click Recover.\n")
    found = st.structure(body(pitch), "How to download music from iCloud").steps
    assert [s.title for s in found] == ways + ["How to recover music without iPhone"]
    assert [s.promotional for s in found] == [False, False, True]
    # (numbered paragraphs of one section under headings that are no parts stay the steps)
    plain = ("Resetting takes a few minutes.\n\n## How to reset Windows 11\n\n1. Open Settings.\n\n2. Click "
             "Recovery.\n\n3. Click Reset PC.\n\n## How to undo a reset\n\nYou cannot undo it.\n")
    assert steps(st, plain, "How to reset Windows 11") == ["Open Settings.", "Click Recovery.", "Click Reset PC."]


def test_a_gerund_alone_names_a_doing(st):
    """A heading that is a verb's -ing form alone ("Restarting", "Setting Up") names a doing without its
    thing: siblings so headed, each over what to do, are the page's ways, as "Restarting your router" is."""
    body = ("If your Wi-Fi keeps dropping, you are not alone. Here are the fixes that worked for other readers.\n\n"
            "## Restarting\n\nUnplug the router for 30 seconds, then plug it back in.\n\n"
            "## Updating\n\nOpen the router's admin page and click Update to install the newest firmware.\n\n"
            "## Resetting\n\nHold the reset button for ten seconds. Then set the router up again.\n")
    assert steps(st, body, "Wi-Fi keeps dropping on Windows 11") == ["Restarting", "Updating", "Resetting"]
    # (a noun that only looks so names no doing: "Pricing", "Streaming" are no verbs of the rules)
    review = ("The speaker is small.\n\n## Pricing\n\nIt costs $99.\n\n## Streaming\n\nIt plays Spotify.\n\n"
              "## Verdict\n\nBuy it.\n")
    assert steps(st, review, "Speaker review") == []


def test_a_gerund_alone_names_a_doing_only_on_a_page_of_ways(st):
    """A gerund alone names a doing only where the page already reads as ways: a review's features headed
    by listed verbs ("Scanning", "Editing", "Testing"), each telling what the reader taps, are no steps;
    the same headings are under an intro that promises ways, a "How to ..." title, or beside a sibling that
    says what to do in its own words."""
    sections = ("## Scanning\n\nPoint the camera at a page and the app snaps it by itself. Tap the shutter to take "
                "it by hand. Edge detection was right on 48 of our 50 receipts.\n\n"
                "## Editing\n\nTap Crop to fix the edges, then tap Filters and choose Whiteboard. The filters "
                "cleaned up faded receipts well.\n\n"
                "## Testing\n\nOpen a scan and tap Recognize Text to run the OCR. It read printed text nearly "
                "perfectly.\n\n")
    review = ("Adobe Scan turns a phone into a document scanner. We used it for a month on an iPhone 15.\n\n"
              + sections + "## Verdict\n\nAdobe Scan is free, fast and accurate. 4.5 out of 5 stars.\n")
    assert steps(st, review, "Adobe Scan Review: The Best Free Scanner App?") == []
    ways = ["Scanning", "Editing", "Testing"]
    promised = "Scanning a receipt takes three steps. There are a few ways to get it right.\n\n" + sections
    assert steps(st, promised, "Adobe Scan on the iPhone") == ways
    assert steps(st, review, "How to scan receipts with Adobe Scan") == ways
    beside = review.replace("## Editing", "## Edit the Scan")
    assert steps(st, beside, "Adobe Scan Review") == ["Scanning", "Edit the Scan", "Testing"]


def test_a_last_resort_that_advises_after_a_run_of_ways_is_one_more(st):
    """Right after a run of ways, a section headed as the last thing to try ("What to Do If Nothing Works?")
    is one more way when its text says or advises what to do ("the best thing you can do is to reach out to
    people directly"); a closing that only hopes one worked ("Did It Work?") is none, nor a last resort that
    pitches a tool."""
    ways = ("Lost your contacts? You can get them back.\n\n"
            "## Restore Contacts From a Backup\n\nOpen Settings > Google > Backup and tap Restore.\n\n"
            "## Restore Contacts Using the Google Contacts App\n\nOpen the Contacts app, tap Fix & manage, then tap "
            "Undo changes.\n\n"
            "## Restore Contacts Using the Facebook App\n\nOpen Facebook, go to Settings > Upload Contacts and turn "
            "it on.\n\n")
    names = ["Restore Contacts From a Backup", "Restore Contacts Using the Google Contacts App",
             "Restore Contacts Using the Facebook App"]
    title = "How to restore lost contacts on Android"
    last = ("## What to Do If Nothing Works?\n\nIn that case, the best thing you can do is to reach out to people "
            "directly and ask for their numbers again.\n")
    assert steps(st, ways + last, title) == names + ["What to Do If Nothing Works?"]
    hope = "## Did It Work?\n\nWe hope one of these ways brought your contacts back. Tell us in the comments.\n"
    assert steps(st, ways + hope, title) == names
    sold = ("## What to Do If Nothing Works?\n\nThe best thing you can do is to download Fortect and run a scan. "
            "Buy the Pro version to recover everything.\n")
    assert steps(st, ways + sold, title) == names


def test_an_underlined_heading_opening_a_list_item_stays_in_its_list(st):
    """Only a `#` heading is lifted out of the item it opens: an underlined one (`2. Way two` over `===`) is
    left as it is, also in a body that has a `#` one too (reading it as `#` marks failed the whole body)."""
    body = "\n".join(["Two ways.", "", "1. ### Restart the router", "", "   Unplug it for a minute.", "",
                      "2. Reset the router", "   ===", "", "3. #hashtag", "   ===", ""])
    sections = st.structure(body, "Router fixes").sections
    assert [s.heading for s in sections if s.heading] == ["1. Restart the router"]


def test_a_sentence_that_only_names_the_ways_to_choose_from_gives_no_manual_way(st):
    """"Whether you choose to update them manually, using Windows Update, or ..." names the manual
    ways (rules [promotional] manual_cues) without giving one: the step that then gives only the
    tool's way is promotional; a sentence that does tell the reader where to go is a manual way."""
    body = ("## Fix 1: Update your device drivers\n\n"
            "Updating drivers should be your first move. Whether you choose to update the drivers manually, using "
            "Windows Update, or you use a trusted third party product, you need the latest drivers.\n\n"
            "If you don't have the time, patience or skills to update the drivers manually, you can do it "
            "automatically with **Driver Easy**.\n\n"
            "1) Download and install Driver Easy.\n"
            "2) Run Driver Easy and click the **Scan Now** button.\n"
            "3) Click **Update All** (this requires the Pro version).\n")
    (step,) = st.structure(body, "Game crashes at launch").steps
    assert step.promotional
    told = body.replace("Whether you choose to update the drivers manually, using Windows Update, or you use a "
                        "trusted third party product, you need the latest drivers.",
                        "You can get them from Windows Update, or use a trusted third party product.")
    (step,) = st.structure(told, "Game crashes at launch").steps
    assert not step.promotional
    # a choice word opening a sentence whose main clause says what to do is a manual way (review30b MED 2)
    bid = body.replace("Whether you choose to update the drivers manually, using Windows Update, or you use a "
                       "trusted third party product, you need the latest drivers.",
                       "Whether or not Windows Update is on, open Device Manager, expand Display adapters and "
                       "choose Update driver.")
    (step,) = st.structure(bid, "Game crashes at launch").steps
    assert not step.promotional


def test_whether_a_page_reads_as_ways_is_the_bodys_own_not_the_structurers(st):
    """Whether a gerund alone heads a step is the body's own (Steps._reads_as_ways, kept on the page's opening
    section and handed to Steps._imperative as `ways`): one Structurer reading a page of ways and then a review
    reads each as a fresh one does, and asked about a heading on its own, outside any body, it reads a gerund
    alone as no doing whatever body it read last."""
    sections = ("## Scanning\n\nPoint the camera at a page and the app snaps it by itself. Tap the shutter to take "
                "it by hand.\n\n"
                "## Editing\n\nTap Crop to fix the edges, then tap Filters and choose Whiteboard.\n\n"
                "## Testing\n\nOpen a scan and tap Recognize Text to run the OCR.\n\n")
    promised = "Scanning a receipt takes three steps. There are a few ways to get it right.\n\n" + sections
    review = ("Adobe Scan turns a phone into a document scanner. We used it for a month.\n\n" + sections
              + "## Verdict\n\nAdobe Scan is free, fast and accurate. 4.5 out of 5 stars.\n")
    assert steps(st, promised, "Adobe Scan on the iPhone") == ["Scanning", "Editing", "Testing"]
    assert not st._imperative("Scanning")  # (no body's reading left behind)
    assert st._imperative("Scanning", ways=True)
    assert steps(st, review, "Adobe Scan Review") == []
    assert steps(st, promised, "Adobe Scan on the iPhone") == ["Scanning", "Editing", "Testing"]
    sections_of = st.structure(promised, "Adobe Scan on the iPhone").sections
    assert [s.heading for s in sections_of if s.heading] == ["Scanning", "Editing", "Testing"]


def _connect_page(step1="Step 1: Connect the printer to your PC", methods=("Method 1", "Method 2", "Method 3"),
                  after="### Step 2: Install the printer driver\n\nInsert the driver disc and run **setup.exe**.\n\n"
                        "### Step 3: Print a test page\n\nOpen **Devices and Printers**, right-click the printer and "
                        "select **Print test page**.\n"):
    ways = ["USB connection to your PC", "Wireless connection to your PC", "Wired connection to your PC"]
    return ("Setting up a new printer takes a few minutes.\n\n## Follow these steps\n\n1. [Connect the printer](#s1)\n"
            "2. [Install the printer driver](#s2)\n3. [Print a test page](#s3)\n\n"
            f"### {step1}\n\nThere are three ways to connect your printer to your computer.\n\n"
            + "".join(f"{k}. [{w}](#m{k})\n" for k, w in enumerate(ways, 1)) + "\n"
            f"#### {methods[0]}: {ways[0]}\n\n1. Turn on the printer.\n2. Plug a **USB cable** into the printer and "
            f"the PC.\n\n#### {methods[1]}: {ways[1]}\n\n1. Open the printer's **Wireless Setup Wizard**.\n2. Pick your "
            f"network and enter its password.\n\n#### {methods[2]}: {ways[2]}\n\n1. Plug an **Ethernet cable** into the "
            "printer.\n2. Plug its other end into the router.\n\n" + after)


def test_a_procedures_step_listing_its_own_ways_counted_anew_is_that_step(st):
    # "Step 1" of a sequence that goes on ("Step 2" next) lists its ways, numbered by a word of their own from 1:
    # alternatives for doing that step, which is the step (its list no table of contents), not three steps
    got = st.structure(_connect_page(), "How to set up an HP printer").steps
    assert [s.title for s in got] == [
        "Connect the printer to your PC", "Install the printer driver", "Print a test page"]
    assert "three ways to connect" in got[0].text and "Ethernet cable" in got[0].text


@pytest.mark.parametrize("page", [
    # a fix's numbered ways ("Fix 2" over "Method 1", "Method 2", "Fix 3" next) are fixes of their own
    _connect_page("Fix 2: Connect the printer to your PC", after="### Fix 3: Reinstall the printer driver\n\n"
                  "Remove the printer in **Settings** and add it again.\n"),
    # a step that no other step follows ("Step 1" alone, a closing after it)
    _connect_page(after="## Conclusion\n\nThat is all it takes. Let us know how it went in the comments.\n"),
    # a sequence that skips its next number ("Step 3" after "Step 1")
    _connect_page(after="### Step 3: Print a test page\n\nOpen **Devices and Printers** and select **Print test page**.\n"),
    # a part of the page ("Part 1" over its methods, "Part 2" next): a division, not a procedure's step
    _connect_page("Part 1: Connect the printer to your PC", after="### Part 2: Install the printer driver\n\n"
                  "Insert the driver disc and run **setup.exe**.\n"),
    # ways counted on from another count ("Method 2", "Method 3", "Method 4"): not a sequence of their own
    _connect_page(methods=("Method 2", "Method 3", "Method 4")),
    # ways numbered by two words ("Method 1", "Option 2", "Method 3"): no one count
    _connect_page(methods=("Method 1", "Option 2", "Method 3")),
    # a page in another language ("Paso 1", "Paso 2": not the rules' sequence label)
    _connect_page("Paso 1: Conecta la impresora al PC", after="### Paso 2: Instala el controlador\n\n"
                  "Inserta el disco y ejecuta **setup.exe**.\n"),
    # the same count going on under the step ("Step 2" under "Step 1" by uneven levels: its peer, not its way)
    _connect_page(methods=("Step 2", "Step 3", "Step 4"), after="## Conclusion\n\nThat is all it takes.\n"),
])
def test_ways_under_a_heading_that_is_no_step_of_a_going_sequence_stay_steps(st, page):
    titles = [s.title for s in st.structure(page, "How to set up an HP printer").steps]
    assert "Wireless connection to your PC" in titles


def _options_page(leads=("Option 1", "Option 2"), heads=("Option 1", "Option 2"), lead_list=False):
    lead_text = (f"**{leads[0]} – Manually –** You'll need some computer skills and patience to update your driver "
                 "this way, because you need to find the right driver online.\n\n" + (
                     "1. Open the vendor's site.\n2. Download the driver.\n\n" if lead_list else "")
                 + "**OR**\n\n"
                 f"**{leads[1]} – Automatically (Recommended) –** This is the quickest and easiest option. It's all done "
                 "with just a couple of mouse clicks.\n\n")
    head_text = (f"### {heads[0]}: Download and install the driver manually\n\n1. Open **Device Manager** and uninstall "
                 "the printer.\n2. Download the newest driver from the vendor's support site.\n3. Run the file you "
                 "downloaded.\n\n"
                 f"### {heads[1]}: Update the driver automatically\n\n1. Download and install **DriverFixer**.\n2. Click "
                 "**Scan Now**.\n3. Click **Update All**.\n\n")
    body = "Keeping your printer driver current keeps it printing.\n\n## How to update your printer driver\n\n"
    return body + lead_text + head_text


def test_labelled_paragraphs_that_preview_the_ways_headings_number_again_are_no_steps(st):
    # "**Option 1 – Manually –** ...", "**Option 2 – Automatically –** ...", then "### Option 1: ...",
    # "### Option 2: ...": the labelled paragraphs preview the ways the headings give
    got = st.structure(_options_page(), "Brother printer driver download").steps
    assert [s.title for s in got] == ["Download and install the driver manually", "Update the driver automatically"]
    # whatever word counts them ("Opción 1" in a page in Spanish)
    spanish = _options_page(("Opción 1", "Opción 2"), ("Opción 1", "Opción 2"))
    assert len(st.structure(spanish, "Controlador de impresora").steps) == 2


@pytest.mark.parametrize("page", [
    # no heading numbers them again: the labelled paragraphs are the ways
    _options_page(heads=("Method 1", "Method 2")),
    # a heading restates one of them only
    _options_page(heads=("Option 1", "Method 2")),
    # headings counting on past them ("Option 3", "Option 4"): more ways, not the same again
    _options_page(heads=("Option 3", "Option 4")),
    # a labelled paragraph with a procedure of its own is a way
    _options_page(lead_list=True),
    # a recap after the headings (the labelled paragraphs under "## Recap", no heading after them)
    "## How to update your printer driver\n\n### Option 1: Download and install the driver manually\n\nOpen the "
    "vendor's support site and run its installer.\n\n### Option 2: Update the driver automatically\n\nRun the "
    "updater and click **Update All**.\n\n## Recap\n\n**Option 1 – Manually –** You'll need some computer skills "
    "to find the right driver online.\n\n**Option 2 – Automatically –** Click **Update All** and restart.\n",
    # restated by bold lines, not headings: no heading gives the ways again
    _options_page().replace("### Option 1: Download and install the driver manually",
                            "**Option 1: Download and install the driver manually**").replace(
        "### Option 2: Update the driver automatically", "**Option 2: Update the driver automatically**"),
])
def test_labelled_paragraphs_no_heading_previews_stay_steps(st, page):
    assert "Manually –" in [s.title for s in st.structure(page, "Brother printer driver download").steps]


def test_two_problems_each_counting_their_fixes_keep_both_runs(st):
    body = ("## Problem 1: The game will not start\n\n### Fix 1: Verify the game files\n\nOpen **Steam**, right-click "
            "the game and select **Properties**.\n\n### Fix 2: Run it as an administrator\n\nRight-click the game's "
            "shortcut and select **Run as administrator**.\n\n## Problem 2: The game stutters\n\n### Fix 1: Lower the "
            "graphics settings\n\nOpen **Settings** > **Video** and pick **Low**.\n\n### Fix 2: Update Windows\n\n"
            "Open **Settings** > **Windows Update** and select **Check for updates**.\n")
    assert len(st.structure(body, "Game problems").steps) == 4


_BARE_FIXES = ["Fix 1:", "Fix 2:", "Clear the download cache", "Change the download region"]


def _bare_fixes(between):
    return ("## Download stuck at 0 bytes\n\n**Fix 1:** Clear the download cache in **Settings**.\n\n**Fix 2:** Change "
            f"the download region in **Settings**.\n\n{between}### Fix 1: Clear the download cache\n\nClick **Clear "
            "Download Cache**.\n\n### Fix 2: Change the download region\n\nPick a nearby region.\n")


_SCOPED = {
    # two problems: the first's labelled paragraphs are its ways; the second's "### Option N" are the second's
    "two problems": ("## Problem 1: The printer shows as offline\n\n**Option 1 – Restart the spooler –** Press **Win + R**, "
                     "type `services.msc` and restart **Print Spooler**.\n\n**Option 2 – Set the printer online –** "
                     "Right-click the printer and untick **Use Printer Offline**.\n\n## Problem 2: The driver is "
                     "unavailable\n\n### Option 1: Reinstall the driver\n\n1. Open **Device Manager**.\n2. Uninstall "
                     "the printer.\n3. Restart the PC.\n\n### Option 2: Update Windows\n\nOpen **Settings** and click "
                     "**Check for updates**.\n",
                     ["Restart the spooler –", "Set the printer online –", "Reinstall the driver", "Update Windows"]),
    # quick fixes, then advanced ones counted anew under a section of their own
    "quick then advanced": ("## Quick fixes\n\n**Fix 1 – Restart everything –** Turn off the printer and the PC, wait a "
                            "minute and turn them on.\n\n**Fix 2 – Check the paper –** Make sure paper is loaded and not "
                            "jammed.\n\n## Advanced fixes\n\n### Fix 1: Reinstall the driver\n\nOpen **Device Manager**, "
                            "uninstall the printer and restart.\n\n### Fix 2: Clear the print queue\n\nStop **Print "
                            "Spooler**, delete the queued files and start it again.\n",
                            ["Restart everything –", "Check the paper –", "Reinstall the driver", "Clear the print queue"]),
    # bare labels ("**Fix 1:** ...") share no word with any heading, whether another problem's or their own section's
    "bare labels": (_bare_fixes("## Download is slow\n\n"), _BARE_FIXES),
    "bare labels, one section": (_bare_fixes(""), _BARE_FIXES),
    # the same ways' words, but another problem's headings: each problem gives its own
    "same words": ("Two problems, two sets of ways.\n\n## The printer is offline\n\n**Option 1 – Power-cycle the "
                   "printer –** Turn it off and on.\n\n"
                   "**Option 2 – Roll back the driver –** Click **Roll Back Driver** in **Device Manager**.\n\n## The "
                   "printer prints blank pages\n\n### Option 1: Restart the printer and the PC\n\nTurn both off and "
                   "on.\n\n### Option 2: Update the driver from the vendor\n\nRun the vendor's installer.\n",
                   ["Power-cycle the printer –", "Roll back the driver –", "Restart the printer and the PC",
                    "Update the driver from the vendor"]),
    # one part's step labels, another part's step headings
    "parts": ("## Part 1: Save the settings\n\n**Step 1:** Open the printer's web page.\n\n**Step 2:** Click **Backup** "
              "and select **Export**.\n\n## Part 2: Reset the printer\n\n### Step 1: Open the setup menu\n\nPress "
              "**Home** and select **Setup**.\n\n### Step 2: Restore the factory settings\n\nSelect **Restore Factory "
              "Settings** and confirm.\n",
              ["Step 1:", "Step 2:", "Open the setup menu", "Restore the factory settings"]),
    # a longer way's preview before other ways under another section, their labels no word of the headings
    "other section": ("## How to update your printer driver\n\n**Option 1 – Manually –** Open **Device Manager**, "
                      "right-click the printer and select **Update driver**.\n\n**Option 2 – Through Windows Update –** "
                      "Open **Optional updates** and tick the printer driver.\n\n## If that did not help\n\n### Option 1: "
                      "Reset the print spooler\n\nRestart **Print Spooler** in **Services**.\n\n### Option 2: Run the "
                      "printer troubleshooter\n\nRun the **Printer** troubleshooter.\n",
                      ["Manually –", "Through Windows Update –", "Reset the print spooler",
                       "Run the printer troubleshooter"]),
}


@pytest.mark.parametrize("name", sorted(_SCOPED))
def test_labelled_paragraphs_are_previews_only_of_their_own_sections_headings(st, name):
    # a heading restating a lead's word and number counts only in the leads' section, and only sharing a word of
    # the lead's label: another problem's, part's or section's count is its own, and the labelled paragraphs ways
    page, titles = _SCOPED[name]
    assert [s.title for s in st.structure(page, "Printer problems").steps] == titles


def test_a_labelled_paragraph_with_numbered_paragraphs_is_a_way_and_keeps_its_text(st):
    # "**Option 1 – Manually –**" over "1\. ...", "2\. ..." (escaped numbers, paragraphs of their own): a procedure,
    # no preview, though "### Option 1: Download the driver manually" follows; its text is kept whole
    page = ("## How to update your printer driver\n\n**Option 1 – Manually –** Use Device Manager:\n\n1\\. Open **Device "
            "Manager**.\n\n2\\. Right-click the printer and select **Update driver**.\n\n3\\. Click **Search "
            "automatically for drivers**.\n\n**OR**\n\n**Option 2 – Automatically –** Let Windows Update do it.\n\n"
            "### Option 1: Download the driver manually\n\nOpen the vendor's support site and run its installer.\n\n"
            "### Option 2: Update it automatically\n\nOpen **Settings > Windows Update > Optional updates** and tick "
            "the driver.\n")
    got = st.structure(page, "Printer driver update").steps
    assert [s.title for s in got][:2] == ["Manually –", "Automatically –"]
    assert "Search automatically for drivers" in got[0].text


def test_a_steps_numbered_fixes_are_steps_of_their_own(st):
    # "Step 1: Try the basic fixes" over "Fix 1", "Fix 2" before "Step 2": remedies (no rules way_words), not
    # ways of the step; the step's list of them is a table of contents
    page = ("If the printer will not print, try these in order.\n\n### Step 1: Try the basic fixes\n\nTry these first:\n\n"
            "1. [Restart the printer](#f1)\n2. [Check the cable](#f2)\n\n#### Fix 1: Restart the printer\n\nTurn it "
            "off, wait 30 seconds and turn it on.\n\n#### Fix 2: Check the cable\n\nPlug the **USB cable** into "
            "another port.\n\n### Step 2: Reinstall the driver\n\nOpen **Device Manager**, uninstall the printer and "
            "restart.\n")
    assert [s.title for s in st.structure(page, "Printer will not print").steps] == [
        "Restart the printer", "Check the cable", "Reinstall the driver"]


@pytest.mark.parametrize("word", ["Option", "Method"])
def test_steps_that_name_remedies_keep_their_ways_as_steps(st, word):
    # "Step 1: Try the quick fixes" over "Option 1", "Option 2": the steps name remedies (rules remedy_words),
    # so their counted sub-sections are fixes of their own, not one step with its alternatives chained
    page = (f"Work through these in order.\n\n## Step 1: Try the quick fixes\n\nStart here:\n\n- {word} 1: Power "
            f"cycle the router\n- {word} 2: Swap the cable\n\n### {word} 1: Power cycle the router\n\nUnplug the "
            f"router for a minute, then plug it back in.\n\n### {word} 2: Swap the cable\n\nUse another Ethernet "
            f"cable between the modem and the router.\n\n## Step 2: Try the deeper solutions\n\nStill offline? Try "
            f"these:\n\n- {word} 1: Reset the network stack\n- {word} 2: Update the adapter driver\n\n### {word} 1: "
            f"Reset the network stack\n\n1. Open **Command Prompt** as administrator.\n2. Run `netsh winsock "
            f"reset` and restart.\n\n### {word} 2: Update the adapter driver\n\n1. Open **Device Manager**.\n2. "
            f"Right-click the adapter and select **Update driver**.\n\n## Step 3: Call your provider\n\nAsk your "
            f"provider whether the line is down.\n")
    assert [s.title for s in st.structure(page, "Fix a router that drops the internet").steps] == [
        "Power cycle the router", "Swap the cable", "Reset the network stack", "Update the adapter driver",
        "Call your provider"]


def test_a_last_step_of_a_sequence_listing_its_own_ways_is_that_step(st):
    # "Step 3", last, after "Step 2": the step before proves the sequence as well as the one after would
    page = ("Getting the scanner going takes three steps.\n\n## Step 1: Unbox the scanner\n\nTake off the tape and "
            "the foam.\n\n## Step 2: Install the software\n\n1. Download the scanner software from the maker's "
            "site.\n2. Run the installer.\n\n## Step 3: Connect the scanner\n\nConnect it in one of these ways:\n\n"
            "- Method 1: Over USB\n- Method 2: Over Wi-Fi\n\n### Method 1: Over USB\n\nPlug the USB cable into "
            "the scanner and the computer.\n\n### Method 2: Over Wi-Fi\n\nHold the **Wi-Fi** button until the "
            "light blinks, then add the scanner in **Settings**.\n")
    assert [s.title for s in st.structure(page, "Set up a scanner").steps] == [
        "Unbox the scanner", "Install the software", "Connect the scanner"]


# Steps whose sub-steps run in several lists, each counting from 1 under its own label: ways to choose one of only
# when the labels are numbered by a way word (rules [step_shapes] way_words: "Method 1: USB", "Option 2: In
# Firefox"), each with its own instructions.
WAY_PAGES = {
    "p4": ('How to set up an HP OfficeJet', 'Connect your printer to your PC', [('USB connection to your PC', 2), ('Wireless connection to your computer', 2)],
           'Setting up an HP OfficeJet on your PC takes four steps.\n\n### Step 1: Connect your printer to your PC\n\nThere are three methods that you can connect your printer to your computer.\n\n#### Method 1: USB connection to your PC\n\n1. Turn on your computer and your printer.\n2. Use a USB cable to connect the printer and your computer.\n\n#### Method 2: Wireless connection to your computer\n\n1. Turn on your printer, router and computer.\n2. On your printer control panel, open the Wireless Setup Wizard.\n\n### Step 2: Install the printer driver\n\n1. Insert the driver CD that came with your printer.\n2. Run the setup application and follow the instructions.\n\n### Step 3: Print a test page\n\n1. Press **Win + R**, type **control printers** and press Enter.\n2. Right-click your printer and click **Print test page**.\n'),
    "p7": ('Fix video stuttering', 'Turn off hardware acceleration', [('In Google Chrome', 2), ('In Firefox', 2)],
           "Videos stutter in your browser.\n\n## Fix 1: Turn off hardware acceleration\n\nTurn it off in the browser you use.\n\n**Option 1: In Google Chrome**\n\n1. In Chrome, click the three dots > **Settings**.\n2. Click **System** and turn off **Use hardware acceleration**.\n\n**Option 2: In Firefox**\n\n1. In Firefox, open **Settings > General**.\n2. Untick **Use recommended performance settings**.\n\n## Fix 2: Update the graphics driver\n\n1. Open **Device Manager**.\n2. Right-click your display adapter and click **Update driver**.\n"),
}


@pytest.mark.parametrize("name", sorted(WAY_PAGES))
def test_a_steps_lists_under_labels_naming_cases_alike_are_its_ways_each_with_its_instructions(st, name):
    title, step, ways, page = WAY_PAGES[name]
    (got,) = [s for s in st.structure(page, title).steps if s.title == step]
    assert [(w["title"], len(w["instructions"])) for w in got.ways] == ways
    # `ways` adds to the step: its instructions are all of its sub-steps, as for a step without ways
    assert got.instructions == [t for w in got.ways for t in w["instructions"]]
    others = [s for s in st.structure(page, title).steps if s.title != step]
    assert others and all(s.ways == [] and len(s.instructions) >= 2 for s in others)


# Steps a reader follows in turn: parts of one procedure under "Step 1:", "Step 2:" labels (also counted in Spanish,
# "Paso 1"), "Enable UEFI Mode" then "Enable Secure Boot", a check then what to do if it fails, a fix then its undo,
# a list a screenshot split, two checks of one fix, what you need then what to do, why then how; and labels opening
# with a word that names no choice by itself ("For the router:" / "For the PC:", "On your phone:" / "On your
# computer:", "On the Startup tab:", "If it is still offline after that:", a nested "If a UAC prompt appears:"
# between "For Windows 10:" and "For Windows 7:"), or one frame naming two things done in turn ("Install the Python
# runtime package", "Install the Node runtime package"). Nor labels naming cases without a way word's count ("I'm
# using Google Chrome:" / "I'm using Firefox:", "For Windows 10:" / "For Windows 7:", NVIDIA / AMD / Intel, "On an
# iPhone:" / "On an Android phone:" after "Choose the steps for your phone"): as often parts all done in turn (see
# REVIEW_PAGES). Each gives its step, all of its sub-steps its instructions.
NOT_WAY_PAGES = {
    "p1": ('Switch the hardware acceleration', 6, 'Fix video stuttering', "Your video stutters in the browser? Hardware acceleration may be the cause.\n\n## Fix 1: Switch the hardware acceleration\n\nSwitching hardware acceleration helps when videos stutter in one browser only.\n\n**I'm using Google Chrome:**\n\n1. In Chrome, click the three vertical dots button > **Settings**.\n2. Scroll down to the bottom and click **Advanced**.\n3. Turn off **Use hardware acceleration when available**.\n\n**I'm using Firefox:**\n\n1. In Firefox, click the menu button > **Options**.\n2. Scroll down to **Performance** and untick **Use recommended performance settings**.\n3. Restart Firefox.\n\n## Fix 2: Install all Windows updates\n\n1. Press the **Windows logo key** and type **update**.\n2. Click **Check for updates** and install what it finds.\n"),
    "p2": ('Get ownership of the file or folder', 6, 'Fix Access Denied in Windows', 'Windows says Access Denied when you open a folder? You may have lost its ownership.\n\n## Method 1 – Get ownership of the file or folder\n\nIf you upgraded Windows, your account information might have changed.\n\nFor Windows 10 and Windows 8 follow these steps:\n\n1. Right-click on the folder, and then choose “Properties” on the menu\n2. Click “Advanced” in the “Security” tab. Click on “Change”\n3. Type the account name and click “Check Names” > “OK”\n\nFor Windows 7:\n\n1. Right-click on the folder, and then choose “Properties”\n2. Click on the “Security” tab > ”Advanced” button\n3. Choose “Edit” in the “Owner” tab to change the owner\n\n## Method 2 – Unencrypt the folder\n\n1. Right-click on the folder and then hit “Properties”\n2. Click “Advanced” and untick “Encrypt contents to secure data”\n'),
    "p3": ('Modify your graphics card settings', 6, 'Fix error 0x887A0006', 'Error 0x887A0006 crashes games on start.\n\n## Fix 1: Modify your graphics card settings\n\nTry the settings for your graphics card:\n\n#### Modify NVIDIA graphics card settings\n\n1. Open the Control Panel and select **NVIDIA Control Panel**.\n2. Click **3D Settings** and select **Adjust image settings with preview**.\n\n#### Modify AMD graphics card settings\n\n1. Open the Control Panel and select **AMD Radeon Settings**.\n2. Go to **Gaming > Global Settings** and change the settings.\n\n#### Modify Intel graphics card\n\n1. Open the Control Panel and select **Intel Graphics Settings**.\n2. Click **3D** and then **Scan** to add the game.\n\n## Fix 2: Perform a Windows update\n\n1. Press **Win + I** to open Settings.\n2. Click **Update & Security** and then **Check for updates**.\n'),
    "p5": ('Turn off hardware acceleration', 4, 'Fix video stuttering', 'Videos stutter in your browser.\n\n## Fix 1: Turn off hardware acceleration\n\nTurn it off in the browser you use.\n\n**For [Google Chrome](https://www.google.com/chrome/) \\_beta\\_:**\n\n1. In Chrome, click the three dots > **Settings**.\n2. Click **System** and turn off **Use hardware acceleration**.\n\n**For `Firefox` <span>Nightly</span>:**\n\n1. In Firefox, open **Settings > General**.\n2. Untick **Use recommended performance settings**.\n\n## Fix 2: Update the graphics driver\n\n1. Open **Device Manager**.\n2. Right-click your display adapter and click **Update driver**.\n'),
    "p6": ('Turn off Wi-Fi calling', 4, 'Fix dropped calls on Wi-Fi', 'Calls drop as soon as your phone joins Wi-Fi.\n\n## Fix 1: Turn off Wi-Fi calling\n\nChoose the steps for your phone.\n\n**On an iPhone:**\n\n1. Open **Settings > Phone > Wi-Fi Calling**.\n2. Turn off **Wi-Fi Calling on This iPhone**.\n\n**On an Android phone:**\n\n1. Open the **Phone** app and tap the three dots > **Settings**.\n2. Tap **Calls** and turn off **Wi-Fi calling**.\n\n## Fix 2: Restart the router\n\n1. Unplug the router for a minute.\n2. Plug it back in and wait for the lights.\n'),
    "n1": ('Download and install the driver manually', 4, "How to fix it", "Keep your Brother printer driver up to date.\n\n### Option 1: Download and install the driver manually\n\nBrother prefers that you uninstall the older driver first.\n\n#### Step 1: Uninstall the printer driver\n\n1. Press **Win + R**, type **devmgmt.msc** and press Enter.\n2. Right-click your printer and select **Uninstall device**.\n\n#### Step 2: Download the driver online\n\n1. Go to the Brother support website and find your model.\n2. Download the full driver package and run it.\n\n### Option 2: Contact Brother support\n\n1. Call Brother support from the number on your warranty card.\n2. Give them your printer's serial number.\n"),
    "n2": ('Enable Secure Boot', 4, "How to fix it", "Windows 11 needs Secure Boot, and Secure Boot needs UEFI mode.\n\n## Fix 2: Enable Secure Boot\n\n### Enable UEFI Mode\n\n1. Restart your PC and press F2 to enter your BIOS.\n2. Select UEFI boot mode and press F10 to save and exit.\n\n### Enable Secure Boot\n\n1. Restart your PC and re-enter your BIOS settings.\n2. Set Secure Boot to Enabled and press F10.\n\n## Fix 3: Check the processor\n\n1. Press **Win + R** and type **msinfo32**.\n2. Read the processor line.\n"),
    "n3": ('Add the printer to your PC', 4, "How to fix it", "Your printer does not show up after you install it.\n\n### Step 3: Add the printer to your PC\n\nYou can go to Control Panel to check if the printer is added to your PC. Here is how to do it:\n\n1. Press **Win + R** and type **control**.\n2. Click **Devices and Printers** and look for your printer.\n\nIf the printer doesn't appear in the Printers section, you need to add it to your PC. Here is how:\n\n1. Click **Hardware and Sound** in Control Panel.\n2. Click **Add a printer** and follow the wizard.\n\n### Step 4: Print a test page\n\n1. Right-click your printer.\n2. Click **Print test page**.\n"),
    "n4": ('Modify the registry with Notepad', 5, "How to fix it", "Error 0x887A0006 can be fixed in the registry.\n\n### Fix 4: Modify the registry with Notepad\n\nSome players reported this fixes it. To try it:\n\n1. Press the **Windows logo key** and type **notepad**, then open it.\n2. Paste the registry lines below and save the file as **fix.reg**.\n3. Double-click **fix.reg** and click **Yes**.\n\nIf this fix doesn't work, or if you want to undo the change in the registry, do as follows:\n\n1. Press **Win + R** and type **regedit**.\n2. Delete the key you added and restart.\n\n### Fix 5: Perform a Windows update\n\n1. Press **Win + I**.\n2. Click **Check for updates**.\n"),
    "n5": ('Clean the fans', 4, "How to fix it", "Your laptop fans get loud when you play games.\n\n## Fix 1: Clean the fans\n\nCleaning the fans is quick.\n\n**What you need:**\n\n1. A can of compressed air\n2. A small screwdriver\n\n**What to do:**\n\n1. Turn off the laptop and unscrew the bottom panel.\n2. Blow the dust out of the fans with short bursts.\n\n## Fix 2: Lower the graphics settings\n\n1. Open the game's settings.\n2. Set the graphics quality to Medium.\n"),
    "n6": ('Clear the print queue', 4, "How to fix it", 'Clear the print queue when jobs get stuck.\n\n## Fix 1: Clear the print queue\n\n1. Press **Win + R**, type **services.msc** and press Enter.\n2. Double-click **Print Spooler** and click **Stop**.\n\n![Print Spooler stopped](https://example.com/spooler.png)\n\n1. Open **C:\\Windows\\System32\\spool\\PRINTERS** and delete all files.\n2. Go back to Services and start **Print Spooler** again.\n\n## Fix 2: Restart the printer\n\n1. Turn the printer off.\n2. Wait a minute and turn it on.\n'),
    "n7": ('Turn on hardware decoding in VLC', 4, "How to fix it", "Your video player stutters on 4K files.\n\n## Fix 1: Turn on hardware decoding in VLC\n\n**Why it helps:**\n\n1. The graphics card decodes the video\n2. The processor has less to do\n\n**How to do it:**\n\n1. Click **Tools > Preferences > Input / Codecs**.\n2. Set **Hardware-accelerated decoding** to **Automatic** and click **Save**.\n\n## Fix 2: Update VLC\n\n1. Click **Help > Check for Updates**.\n2. Install the update and restart VLC.\n"),
    "n8": ('Actualizar el controlador manualmente', 4, "How to fix it", "El controlador de la impresora puede fallar tras actualizar Windows.\n\n## Fix 1: Actualizar el controlador manualmente\n\n**Paso 1: Desinstalar el controlador de la impresora**\n\n1. Pulse **Win + R** y escriba **devmgmt.msc**.\n2. Haga clic derecho en la impresora y elija **Desinstalar**.\n\n**Paso 2: Descargar el controlador de la impresora**\n\n1. Vaya al sitio web del fabricante.\n2. Descargue el controlador y ejecútelo.\n\n## Fix 2: Reiniciar la cola de impresión\n\n1. Pulse **Win + R** y escriba **services.msc**.\n2. Reinicie **Cola de impresión**.\n"),
    "n9": ('Check your router', 4, "How to fix it", "Your router drops the connection every evening.\n\n## Fix 1: Check your router\n\n**Check your cable connection settings:**\n\n1. Unplug the Ethernet cable from the router.\n2. Plug it back in firmly.\n\n**Check your power settings:**\n\n1. Open the router's admin page.\n2. Turn off the power saving mode.\n\n## Fix 2: Update the router firmware\n\n1. Open the router's admin page.\n2. Click **Firmware update**.\n"),
    "n10": ('Remove the widgets you do not use', 4, "How to fix it", "Widgets on your iPhone drain the battery.\n\n## Fix 1: Remove the widgets you do not use\n\n**On the Home Screen:**\n\n1. Touch and hold a widget until the menu opens.\n2. Tap **Remove Widget** and confirm.\n\n**On the Lock Screen:**\n\n1. Touch and hold the Lock Screen and tap **Customize**.\n2. Tap the minus sign on each widget you do not use.\n\n## Fix 2: Turn off Background App Refresh\n\n1. Open **Settings > General > Background App Refresh**.\n2. Tap **Off**.\n"),
    "a1": ('Forward the port and allow it through the firewall', 6, "How to fix port forwarding not working for your game server", "Port forwarding does not work and friends cannot join your game server.\n\n## Fix 1: Forward the port and allow it through the firewall\n\nYou need to open the port on both devices, otherwise the connection is still blocked.\n\n**For the router:**\n\n1. Open **192.168.1.1** in your browser and log in as admin.\n2. Go to **Advanced > Port Forwarding** and click **Add**.\n3. Enter port **25565**, your PC's IP address, and click **Save**.\n\n**For the PC:**\n\n1. Press **Win + R**, type **wf.msc** and press Enter.\n2. Click **Inbound Rules > New Rule** and choose **Port**.\n3. Enter **25565**, click **Allow the connection** and finish the wizard.\n\n## Fix 2: Restart the server\n\n1. Stop the server from its console.\n2. Start it again and ask your friends to reconnect.\n"),
    "a2": ('Pair your phone and your PC again', 6, "How to fix Phone Link not connecting to your PC", "Phone Link cannot find your Android phone, so you cannot see your texts on the PC.\n\n## Fix 1: Pair your phone and your PC again\n\nPairing needs both devices. Do the first part, then the second.\n\nOn your phone:\n\n1. Open **Settings > Bluetooth** and turn it on.\n2. Open the **Link to Windows** app and tap **Link your phone and PC**.\n3. Keep the QR code scanner open.\n\nOn your computer:\n\n1. Open **Phone Link** from the Start menu.\n2. Click **Pair with QR code** and scan the code with your phone.\n3. Allow the permissions your phone asks for.\n\n## Fix 2: Update Windows\n\n1. Press **Win + I** and open **Windows Update**.\n2. Click **Check for updates** and install them.\n"),
    "a3": ('Install both runtimes the app needs', 4, "How to fix \"module not found\" when running the app build", "The build fails with \"module not found\" because one of its runtimes is missing.\n\n## Fix 1: Install both runtimes the app needs\n\nThe app needs both runtimes; install the first and then the second.\n\n### Install the Python runtime package\n\n1. Download the installer from python.org.\n2. Run it and tick **Add to PATH**.\n\n### Install the Node runtime package\n\n1. Download the installer from nodejs.org.\n2. Run it and keep the default options.\n\n## Fix 2: Clear the build cache\n\n1. Delete the **build** folder.\n2. Run the build again.\n"),
    "a6": ('Bring the printer back online', 4, "How to fix printer offline in Windows 11", "Your printer shows as offline and jobs stay in the queue.\n\n## Fix 1: Bring the printer back online\n\nFirst try the quick way; only if the printer is still offline, go on to the second part.\n\n**If the printer shows Offline:**\n\n1. Open **Settings > Bluetooth & devices > Printers & scanners**.\n2. Click your printer and turn off **Use printer offline**.\n\n**If it is still offline after that:**\n\n1. Press **Win + R**, type **services.msc** and press Enter.\n2. Restart **Print Spooler** and print again.\n\n## Fix 2: Reinstall the printer\n\n1. Remove the printer in **Printers & scanners**.\n2. Click **Add device** and add it again.\n"),
    "b2": ('Trim startup apps and services', 4, "How to fix a slow startup on Windows 10", "Windows 10 takes minutes to start.\n\n## Fix 1: Trim startup apps and services\n\nBoth parts speed up startup; do the first, then the second.\n\n**On the Startup tab:**\n\n1. Press **Ctrl + Shift + Esc** to open Task Manager.\n2. Click the **Startup** tab and disable the apps you do not need.\n\n**On the Services tab:**\n\n1. Press **Win + R**, type **msconfig** and press Enter.\n2. On **Services**, tick **Hide all Microsoft services** and disable the rest.\n\n## Fix 2: Turn off fast startup\n\n1. Open **Control Panel > Power Options**.\n2. Click **Choose what the power buttons do** and untick **Turn on fast startup**.\n"),
    "c1": ('Take ownership of the folder', 6, "How to fix Access Denied on a folder in Windows", "Windows says Access Denied when you open a folder.\n\n## Method 1: Take ownership of the folder\n\nIf you upgraded Windows, your account information might have changed.\n\n**For Windows 10:**\n\n1. Right-click the folder and choose **Properties**.\n2. Click **Advanced** in the **Security** tab and click **Change**.\n\n**If a UAC prompt appears:**\n\n1. Click **Yes** on the prompt.\n2. Type your administrator password and click **OK**.\n\n**For Windows 7:**\n\n1. Right-click the folder and choose **Properties**.\n2. Choose **Edit** in the **Owner** tab and select your account.\n\n## Method 2: Unencrypt the folder\n\n1. Right-click the folder and click **Properties**.\n2. Click **Advanced** and untick **Encrypt contents to secure data**.\n"),
}


# Labels naming cases (one kind's members, or after a choice word anywhere in the step) over parts a reader does all
# of, in turn: export in Chrome then import in Firefox, the old PC (Windows 7) then the new (Windows 10), Intel's and
# NVIDIA's panels on one laptop, the router then the PC after an unrelated "If you use a laptop" or "Choose",
# "luego" / "dann" (Spanish, German "then"), labels with markup. No ways: the step keeps all of its sub-steps (also
# d8's "Pick your version of Windows below", a choice, left without ways: labels that say no way word's count are
# not read as ways at all).
REVIEW_PAGES = {
    'd1-bookmarks-chrome-firefox': ('Move your bookmarks by hand', 6, 'How to fix bookmarks missing after switching to Firefox',
        'Your bookmarks did not come over when you moved from Chrome to Firefox.\n\n## Fix 1: Move your bookmarks by hand\n\nExport them from the old browser and import the file into the new one.\n\n**In Chrome:**\n\n1. Click the three dots > **Bookmarks** > **Bookmark manager**.\n2. Click the three dots at the top and choose **Export bookmarks**.\n3. Save the HTML file to your desktop.\n\n**In Firefox:**\n\n1. Press **Ctrl + Shift + O** to open the Library.\n2. Click **Import and Backup** > **Import Bookmarks from HTML**.\n3. Pick the file on your desktop.\n\n## Fix 2: Restart Firefox\n\n1. Close every Firefox window.\n2. Open Firefox again.\n'),
    'd2-migrate-win7-win10': ('Copy the PST file to the new PC', 4, 'How to fix Outlook missing emails after moving to a new PC',
        'Your old emails are missing in Outlook on your new computer.\n\n## Fix 1: Copy the PST file to the new PC\n\nCopy the data file from the old computer to the new one with a USB stick.\n\n**On Windows 7 (old PC):**\n\n1. Open **File Explorer** and go to **Documents > Outlook Files**.\n2. Copy **Outlook.pst** to the USB stick.\n\n**On Windows 10 (new PC):**\n\n1. Plug in the USB stick and copy **Outlook.pst** to **Documents**.\n2. In Outlook, click **File > Open & Export > Open Outlook Data File**.\n\n## Fix 2: Repair Outlook\n\n1. Open **Control Panel > Programs**.\n2. Right-click **Microsoft Office** and click **Change > Repair**.\n'),
    'd3-hybrid-gpu': ('Set the game to high performance', 4, 'How to fix a game using the wrong graphics card on a laptop',
        'Your laptop runs the game on the built-in graphics, so it stutters.\n\n## Fix 1: Set the game to high performance\n\nA laptop with two graphics chips needs the setting in each control panel.\n\n**In the Intel Graphics Command Center:**\n\n1. Open **Intel Graphics Command Center** from the Start menu.\n2. Click **System > Power** and set **Plugged In** to **Maximum Performance**.\n\n**In the NVIDIA Control Panel:**\n\n1. Right-click the desktop and open **NVIDIA Control Panel**.\n2. Go to **Manage 3D settings > Program Settings** and choose **High-performance NVIDIA processor**.\n\n## Fix 2: Update the graphics driver\n\n1. Open **Device Manager**.\n2. Right-click your display adapter and click **Update driver**.\n'),
    'd4-choice-unrelated': ('Forward the port and open the firewall', 4, 'How to fix port forwarding not working for a game server',
        'Friends cannot join your game server.\n\n## Fix 1: Forward the port and open the firewall\n\nIf you use a laptop, plug it into the router with a cable first.\n\n**On the router:**\n\n1. Open **192.168.1.1** in a browser and sign in.\n2. Go to **Advanced > Port Forwarding** and add port **25565**.\n\n**On the PC:**\n\n1. Open **Windows Defender Firewall > Advanced settings**.\n2. Add an **Inbound Rule** for port **25565**.\n\n## Fix 2: Restart the server\n\n1. Stop the server.\n2. Start it again.\n'),
    'd5-choose-title': ('Choose a new DNS server on the router and the phone', 4, 'How to fix Wi-Fi calling not working',
        "Wi-Fi calling does not work on your phone.\n\n## Fix 1: Choose a new DNS server on the router and the phone\n\nDepending on your router, the menu names can differ a little.\n\n**On the router:**\n\n1. Sign in to the router's page.\n2. Set **DNS** to **1.1.1.1** and save.\n\n**On the phone:**\n\n1. Open **Settings > Wi-Fi** and tap your network.\n2. Set **DNS** to **Manual** and add **1.1.1.1**.\n\n## Fix 2: Restart the phone\n\n1. Hold the power button.\n2. Tap **Restart**.\n"),
    'd6-launchers-link': ('Link your Epic and Steam accounts', 4, 'How to fix Rocket League not showing your items',
        'Your items are missing because your accounts are not linked.\n\n## Fix 1: Link your Epic and Steam accounts\n\nYou need to sign in on each launcher once.\n\n**In Epic Games Launcher:**\n\n1. Click your name > **Account** > **Apps and Accounts**.\n2. Click **Connect** under **Steam** and sign in.\n\n**In Steam:**\n\n1. Open **Steam > Settings > Account**.\n2. Allow the link request from Epic.\n\n## Fix 2: Verify the game files\n\n1. Right-click the game in your library.\n2. Click **Properties > Verify integrity**.\n'),
    'd7-spanish-migration': ('Copy the PST file to the new PC', 4, 'How to fix Outlook missing emails after moving to a new PC',
        'Sus correos antiguos faltan en Outlook en el equipo nuevo.\n\n## Fix 1: Copy the PST file to the new PC\n\nCopie el archivo del equipo antiguo y luego ábralo en el nuevo.\n\n**En Windows 7 (equipo antiguo):**\n\n1. Abra **Explorador de archivos** y vaya a **Documentos > Archivos de Outlook**.\n2. Copie **Outlook.pst** a la memoria USB.\n\n**En Windows 10 (equipo nuevo):**\n\n1. Conecte la memoria USB y copie **Outlook.pst** a **Documentos**.\n2. En Outlook, haga clic en **Archivo > Abrir y exportar**.\n\n## Fix 2: Repair Outlook\n\n1. Open **Control Panel > Programs**.\n2. Right-click **Microsoft Office** and click **Change > Repair**.\n'),
    'd8-true-ways-with-then': ('Run the Windows Update troubleshooter', 4, 'How to fix the Windows Update error 0x80070002',
        'Windows Update stops with error 0x80070002.\n\n## Fix 1: Run the Windows Update troubleshooter\n\nPick your version of Windows below, then follow its steps.\n\n**For Windows 10:**\n\n1. Open **Settings > Update & Security > Troubleshoot**.\n2. Click **Windows Update > Run the troubleshooter**.\n\n**For Windows 11:**\n\n1. Open **Settings > System > Troubleshoot > Other troubleshooters**.\n2. Click **Run** next to **Windows Update**.\n\n## Fix 2: Restart the PC\n\n1. Click **Start > Power**.\n2. Click **Restart**.\n'),
    'd9-chrome-windows': ('Turn off hardware acceleration', 4, 'How to fix YouTube lagging in Chrome on Windows 11',
        'YouTube lags in Chrome.\n\n## Fix 1: Turn off hardware acceleration\n\nIt has to be off in the browser and in the graphics settings.\n\n**In Google Chrome:**\n\n1. Open **Settings > System**.\n2. Turn off **Use graphics acceleration when available**.\n\n**In Windows 11:**\n\n1. Open **Settings > System > Display > Graphics**.\n2. Turn off **Hardware-accelerated GPU scheduling**.\n\n## Fix 2: Clear the cache\n\n1. Press **Ctrl + Shift + Delete**.\n2. Click **Clear data**.\n'),
    'e1-html-label': ('Turn off hardware acceleration', 4, 'How to fix video stutter in your browser',
        'Videos stutter in the browser because of hardware acceleration.\n\n## Fix 1: Turn off hardware acceleration\n\nTurn it off in the browser you use.\n\n**For <img src=x onerror=alert(1)>Chrome <script>alert(2)</script>:**\n\n1. In Chrome, click the three dots > **Settings**.\n2. Click **System** and turn off **Use hardware acceleration**.\n\n**For Firefox <a href="javascript:alert(3)">here</a>:**\n\n1. In Firefox, open **Settings > General**.\n2. Untick **Use recommended performance settings**.\n\n## Fix 2: Update the graphics driver\n\n1. Open **Device Manager**.\n2. Right-click your display adapter and click **Update driver**.\n'),
    'e2-german-dann': ('Copy the PST file to the new PC', 4, 'How to fix Outlook missing emails after moving to a new PC',
        'Ihre alten E-Mails fehlen in Outlook auf dem neuen PC.\n\n## Fix 1: Copy the PST file to the new PC\n\nKopieren Sie die Datei zuerst vom alten PC und öffnen Sie sie dann auf dem neuen.\n\n**Unter Windows 7:**\n\n1. Öffnen Sie den **Explorer** und gehen Sie zu **Dokumente > Outlook-Dateien**.\n2. Kopieren Sie **Outlook.pst** auf den USB-Stick.\n\n**Unter Windows 11:**\n\n1. Kopieren Sie **Outlook.pst** nach **Dokumente**.\n2. Klicken Sie in Outlook auf **Datei > Öffnen und exportieren**.\n\n## Fix 2: Repair Outlook\n\n1. Open **Control Panel > Programs**.\n2. Right-click **Microsoft Office** and click **Change > Repair**.\n'),
    'e3-choose-intro-unrelated': ('Reset the pairing', 4, 'How to fix a Bluetooth speaker that will not pair',
        'Your speaker does not show up in the Bluetooth list.\n\n## Fix 1: Reset the pairing\n\nChoose a quiet room away from the microwave and the router.\n\n**On the speaker:**\n\n1. Hold the **Bluetooth** button for 10 seconds.\n2. Wait for the light to blink blue.\n\n**On the PC:**\n\n1. Open **Settings > Bluetooth & devices**.\n2. Click **Add device** and pick the speaker.\n\n## Fix 2: Update the Bluetooth driver\n\n1. Open **Device Manager**.\n2. Right-click the adapter and click **Update driver**.\n'),
    'e4-also-kills-ways': ('Run the Windows Update troubleshooter', 4, 'How to fix the Windows Update error 0x80070002',
        'Windows Update stops with error 0x80070002.\n\n## Fix 1: Run the Windows Update troubleshooter\n\nThe troubleshooter also resets the update services.\n\n**For Windows 10:**\n\n1. Open **Settings > Update & Security > Troubleshoot**.\n2. Click **Windows Update > Run the troubleshooter**.\n\n**For Windows 11:**\n\n1. Open **Settings > System > Troubleshoot > Other troubleshooters**.\n2. Click **Run** next to **Windows Update**.\n\n## Fix 2: Restart the PC\n\n1. Click **Start > Power**.\n2. Click **Restart**.\n'),
    'e5-three-browsers-all': ("Delete the site's cookies in every browser", 6, 'How to fix a site that keeps logging you out',
        "The site logs you out because an old cookie is stuck in every browser you use.\n\n## Fix 1: Delete the site's cookies in every browser\n\nDo this in all three browsers, or the old cookie syncs back.\n\n**In Chrome:**\n\n1. Open **Settings > Privacy and security > Cookies**.\n2. Search for the site and click **Remove all shown**.\n\n**In Edge:**\n\n1. Open **Settings > Cookies and site permissions**.\n2. Search for the site and click **Remove all**.\n\n**In Firefox:**\n\n1. Open **Settings > Privacy & Security > Manage Data**.\n2. Search for the site and click **Remove Selected**.\n\n## Fix 2: Sign in again\n\n1. Open the site.\n2. Sign in with your account.\n"),
    'd5b-choose-title-only': ('Choose a new DNS server on the router and the phone', 4, 'How to fix Wi-Fi calling not working',
        "Wi-Fi calling does not work on your phone.\n\n## Fix 1: Choose a new DNS server on the router and the phone\n\n\n**On the router:**\n\n1. Sign in to the router's page.\n2. Set **DNS** to **1.1.1.1** and save.\n\n**On the phone:**\n\n1. Open **Settings > Wi-Fi** and tap your network.\n2. Set **DNS** to **Manual** and add **1.1.1.1**.\n\n## Fix 2: Restart the phone\n\n1. Hold the power button.\n2. Tap **Restart**.\n"),
}


@pytest.mark.parametrize("name", sorted(NOT_WAY_PAGES) + sorted(REVIEW_PAGES))
def test_lists_under_labels_that_name_no_choice_are_no_ways(st, name):
    step, count, title, page = {**NOT_WAY_PAGES, **REVIEW_PAGES}[name]
    steps = st.structure(page, title).steps
    (got,) = [s for s in steps if s.title == step]
    assert len(got.instructions) == count
    assert all(s.ways == [] for s in steps), [(s.title, s.ways) for s in steps]


@pytest.mark.parametrize("label", ["## Inhalt", "## Contenido", "### Indice", "Índice", "Inhoud", "Conteúdo", "目錄", "Sommaire"])
def test_a_list_under_a_contents_word_of_another_language_keeps_its_text(st, label):
    """The words of a contents label in other languages ("Inhalt", a box's contents; "Indice", a
    scale's bands) head lists of the article's own: they are no tables_of_contents labels, and a
    list under one that names no later heading keeps its text (review35c: the whole section
    went). (A list whose items name the later headings is the page's contents all the same.)"""
    body = (f"Wir haben den Router zwei Wochen getestet.\n\n{label}\n\n- 1x FritzBox 7590 Router\n- 1x Netzteil\n"
            "- 1x LAN-Kabel\n\n## Einrichtung\n\n1. Schließen Sie das Kabel an.\n2. Öffnen Sie fritz.box.\n")
    text = json.dumps([x.text for x in st.structure(body, "t").sections], ensure_ascii=False)
    assert "1x FritzBox 7590 Router" in text and "1x LAN-Kabel" in text, label
    named = (f"Intro.\n\n{label}\n\n* Redémarrer le PC\n* Mettre à jour le pilote\n\n"
             "## Redémarrer le PC\n\nFaites-le.\n\n## Mettre à jour le pilote\n\nMettez-le à jour.\n")
    text = json.dumps([x.text for x in st.structure(named, "t").sections], ensure_ascii=False)
    assert "* Redémarrer le PC" not in text and "Mettez-le à jour." in text, label


def test_a_list_under_words_that_only_hold_a_contents_label_stays(st):
    """Adversarial: a list under a heading or line that says more than a contents label ("Índice de
    refracción", "Inhalt der Box", "目錄結構") is the article's and keeps its text."""
    for label in ("Índice de refracción", "Inhalt der Box:", "## 目錄結構", "Contenu du paquet"):
        body = f"Intro.\n\n{label}\n\n* Agua 1,33\n* Vidrio 1,5\n\n## Más\n\nTexto.\n"
        text = json.dumps([x.text for x in st.structure(body, "t").sections], ensure_ascii=False)
        assert "Agua 1,33" in text and "Vidrio 1,5" in text, label


def test_numbered_procedures_in_two_ways_are_those_ways_sub_steps(st):
    """Numbered paragraphs (no heading gives a step) that fall in two sibling ways named for their procedure,
    one holding its 1, 2, 3 itself and the other under a sub-heading ("How to Encrypt a Text File" over "###
    Encrypt It With 7-Zip"), are those ways' sub-steps: the ways are the steps. The page's title repeated
    over its intro, a "How to ..." whose text says nothing to do, is no way."""
    body = ("## How to Lock a Text File With a Password\n\nA password keeps prying eyes out of your notes. "
            "This guide walks you through it.\n\n"
            "## How to Lock a Text File With a Password\n\nFirst make the file you want to keep safe. "
            "Then do the following:\n\n"
            "1. Right-click the file and choose **Properties**.\n"
            "2. Click **Advanced** and tick **Encrypt contents to secure data**.\n"
            "3. Click **OK** and then **Apply**.\n\n"
            "## How to Encrypt a Text File\n\nEncryption turns the text into code nobody can read without the key. "
            "Pick a tool you trust and install it.\n\n"
            "### Encrypt It With 7-Zip\n\n7-Zip is free and packs files with a password. Here is how:\n\n" + "".join(
                f"{n}. {item}\n" for n, item in enumerate(("Right-click the file and select **Add to archive**.",
                                                          "Type a password under **Encryption**.",
                                                          "Click **OK** to make the archive."), 1))
            + "\n## Conclusion\n\nA locked file is a safe file.\n")
    found = st.structure(body, "Protect your notes").steps
    assert [s.title for s in found] == ["How to Lock a Text File With a Password", "How to Encrypt a Text File"]
    assert found[0].instructions[0].startswith("Right-click the file and choose Properties")
    assert "Add to archive" in found[1].instructions[0]
    # ...but numbered steps all under one way of two, the other told in prose, stay the steps
    one = body.replace("1. Right-click the file and choose **Properties**.\n2. Click **Advanced** and tick "
                       "**Encrypt contents to secure data**.\n3. Click **OK** and then **Apply**.\n\n",
                       "Open its Properties and encrypt its contents.\n\n")
    assert [s.title for s in st.structure(one, "Protect your notes").steps] == [
        "Right-click the file and select Add to archive.", "Type a password under Encryption.",
        "Click OK to make the archive."]


def test_sibling_headings_naming_ways_over_advice_are_the_steps(st):
    """A page that gives no step any other way: sibling headings each naming a way of doing its task by a way
    word ("... the Easy Way", "The Precise Method to ...": rules [step_shapes] way_words), whose text says what
    to do, are its ways; a heading that asks which way is none, nor a way word over text that advises nothing."""
    body = ("Slow internet? The signal may be weak. Here's how to find out.\n\n"
            "## Why Signal Strength Matters\n\nA strong signal means a reliable link.\n\n"
            "## The Easy Way to Check the Signal\n\nLook at the bars in the status bar. "
            "Then check them again in each room as you walk around the house.\n\n"
            "## The Precise Method to Measure the Signal\n\nBars tell you little. Install a signal meter app, "
            "open it and read the dBm figure next to your network.\n")
    assert steps(st, body, "How to Check Your Wi-Fi Signal") == [
        "The Easy Way to Check the Signal", "The Precise Method to Measure the Signal"]
    told = body.replace("Then check them again in each room as you walk around the house.", "They rise and fall as you move.")
    told = told.replace("Look at the bars", "The bars sit")
    assert steps(st, told, "How to Check Your Wi-Fi Signal") == []
    asked = body.replace("## The Easy Way to Check the Signal", "## Which Way Is the Easiest?")
    assert steps(st, asked, "How to Check Your Wi-Fi Signal") == []


def test_a_step_label_on_a_line_of_its_own_numbers_the_paragraph_after_it(st):
    """`Step 1:` alone on its line, the step in the paragraph after it (a scrape that put the label apart): the
    label numbers that paragraph in a section's own procedure, so its ways ("1. For iOS Users", "2. For Android
    Users") are the steps, each with its sub-steps."""
    def labelled(*said: str) -> str:  # (each step's label on a line of its own, its words the next paragraph)
        return "".join(f"Step {n}:\n\n{words}\n\n" for n, words in enumerate(said, 1))
    body = ("Play Game Boy Advance games on any device.\n\n## Emulators for Your Device\n\n### 1. For iOS Users\n\n"
            "GBA4iOS is a free emulator for iPhone.\n\n" + labelled("Download the app from its website and launch it.",
                                                                   "Choose the game you downloaded and tap it.")
            + "### 2. For Android Users\n\nMy Boy needs no root.\n\n" + labelled(
                "Search for the app in the Play Store and install it.", "Select the game file you downloaded."))
    found = st.structure(body, "Best GBA emulators").steps
    assert [s.title for s in found] == ["For iOS Users", "For Android Users"]
    assert found[1].instructions == ["Search for the app in the Play Store and install it.",
                                     "Select the game file you downloaded."]


def test_way_headings_name_steps_only_of_the_task_the_title_says_how_to_do(st):
    """A heading naming a way ("The Easy Way to ...", "Best Option for ...") is a step only on a page whose title
    (past a label before its colon) says how to do what the heading does, sharing a word of that task with it: a
    review's or a news story's advice ("The Easy Way to Save Money on the X200") names no way of a task."""
    review = ("The Acme X200 is a cordless vacuum that promises a lot for its price.\n\n"
              "## Design and Build\n\nThe body is light and the dust bin pops off with one press.\n\n"
              "## The Easy Way to Save Money on the X200\n\nWait for the holiday sales. You should sign up for the "
              "store's newsletter to get a coupon, and compare prices before you buy.\n\n"
              "## The Smarter Way to Use the Turbo Mode\n\nUse turbo only on thick rugs. Switch back to the low "
              "setting on hard floors so the battery lasts longer.\n\n"
              "## Verdict\n\nA good buy for small flats. 8/10.\n")
    assert steps(st, review, "Acme X200 Vacuum Review: Worth It?") == []
    news = "Apple launched a new iPad today.\n\n" + "".join(f"## {heading}\n\n{text}\n\n" for heading, text in (
        ("Price and Availability", "The iPad costs $349."),
        ("Best Option for Students", "Buy the 128 GB model. You can also get an education discount."),
        ("Best Option for Artists", "Get the Pro with the Pencil. Check the trade-in offer before you pay."),
        ("Our Take", "It is a solid update.")))
    assert steps(st, news, "Apple Launches a Cheaper iPad for Schools") == []
    # ...while the ways of the task a "How to ..." title names, its words spun, are its steps
    how = ("A weak signal slows everything.\n\n## Checking Wi-Fi Signal Strength the Easy Way\n\nLook at the bars "
           "in the status bar. Then check them again in each room as you walk around the house.\n\n"
           "## The Precise Method to Check Wi-Fi Strength\n\nInstall a signal meter app, open it and read the dBm "
           "figure next to your network.\n")
    assert steps(st, how, "Step-by-Step Tutorial: How To Assess the Strength of Your Wi-Fi Signals") == [
        "Checking Wi-Fi Signal Strength the Easy Way", "The Precise Method to Check Wi-Fi Strength"]
    assert steps(st, how, "How to Choose a Router") == []  # (a task of the title's the headings do not do)


_TWO_WAYS = ("## How to Lock a Text File With a Password\n\nA password keeps prying eyes out of your notes.\n\n"
             "## How to Lock a Text File With a Password\n\nFirst make the file you want to keep safe. "
             "Then do the following:\n\n{first}"
             "## How to Encrypt a Text File\n\nEncryption turns the text into code nobody can read without the key. "
             "Pick a tool you trust and install it.\n\n"
             "### Encrypt It With 7-Zip\n\n7-Zip is free and packs files with a password. Here is how:\n\n"
             "1. Right-click the file and select **Add to archive**.\n2. Type a password under **Encryption**.\n"
             "3. Click **OK** to make the archive.\n\n{other}## Conclusion\n\nA locked file is a safe file.\n")
_FIRST = ("1. Right-click the file and choose **Properties**.\n2. Click **Advanced** and tick **Encrypt contents to "
          "secure data**.\n3. Click **OK** and then **Apply**.\n\n")


@pytest.mark.parametrize("other", [
    "## How to Get 50% Off WinZip Pro\n\nClick the link below and use the code SAVE50 at checkout to get the deal.\n\n",
    "## How to Choose a Strong Password\n\nUse at least twelve characters and mix words with numbers.\n\n"],
    ids=["pitch", "tips"])
def test_a_how_to_section_holding_none_of_the_numbered_procedures_is_not_one_of_their_ways(st, other):
    """Numbered procedures spread over two "How to ..." ways are those ways' sub-steps; a third "How to ..."
    beside them that holds none of them (a pitch for a deal, a tips section) is no way of theirs."""
    body = _TWO_WAYS.format(first=_FIRST, other=other)
    assert steps(st, body, "Protect Your Notes With a Password") == [
        "How to Lock a Text File With a Password", "How to Encrypt a Text File"]


def test_numbered_steps_a_scrape_ran_together_in_two_ways_are_those_ways_sub_steps(st):
    """Numbers a scrape ran together ("2\\. Click **Advanced** ... 3) Click **OK** ..."), split into paragraphs
    of their own: the numbered paragraphs of that parse, spread over two "How to ..." ways, are those ways'
    sub-steps as in the first parse (Steps._named_ways), not six steps."""
    first = ("1\\. Right-click the file and choose **Properties**.\n\n2\\. Click **Advanced** and tick **Encrypt "
             "contents to secure data**. 3) Click **OK** and then **Apply**.\n\n")
    found = st.structure(_TWO_WAYS.format(first=first, other=""), "Protect Your Notes With a Password").steps
    assert [s.title for s in found] == ["How to Lock a Text File With a Password", "How to Encrypt a Text File"]
    assert len(found[0].instructions) == 3 and "Add to archive" in found[1].instructions[0]


def test_advice_reads_also_inside_its_lead(st):
    """Advice says what to do with "also" inside its lead too ("You also have to ensure ...", "You need also to
    ensure ..."; rules [step_shapes] advice_leads), as "You have to ensure ..." does."""
    assert st.advice.match("You also have to ensure the bed is level") and st.advice.match(
        "You need also to ensure it has a consistent diameter")
    assert not st.advice.match("You also like the bed level")


def test_a_contents_line_worded_a_little_shorter_than_its_heading_is_no_step(st):
    """A contents list's last bold line names its fix a little short of the heading it lists ("4: Troubleshoot
    hardware issue" over "### Fix 4: Troubleshoot hardware issues"): the heading's words hold the line's, and it
    is a contents line as its peers are, not an empty first step (the variety's Corsair HS70 guide served one,
    "Troubleshoot hardware issue", with no text). A bold fix name with nothing under it and no heading holding
    its words stays a step."""
    body = ("If your mic stopped working, use one of the fixes below.\n\n## Fixes to try\n\nThere are four fixes.\n\n"
            "[**1: Allow access to your microphone**](https://tools.example.com/x/)\n\n"
            "[**2: Check your microphone settings**](https://tools.example.com/x/)\n\n"
            "[**3: Troubleshoot hardware issue**](https://tools.example.com/x/)\n\n---\n\n"
            "### Fix 1: Allow access to your microphone\n\nOpen **Settings** > **Privacy** > **Microphone**.\n\n"
            "### Fix 2: Check your microphone settings\n\nOpen **Sound** and select the **Recording** tab.\n\n"
            "### Fix 3: Troubleshoot hardware issues\n\nConnect the mic to another port.\n")
    s = st.structure(body, "Mic not working")
    assert [x.title for x in s.steps] == ["Allow access to your microphone", "Check your microphone settings",
                                          "Troubleshoot hardware issues"]
    assert all(x.text for x in s.steps)
    assert steps(st, "Intro.\n\n**Fix 1: Restart the router**\n\n**Fix 2: Reset the adapter**\n\nRun it.\n\n"
                     "## Why it happens\n\nThe router resets the adapter.\n") == ["Restart the router", "Reset the adapter"]
    # a label right over its own sub-headings is no contents line: it stays out of the intro (review38 LOW)
    label = ("Your sound stopped after an update. Try these fixes.\n\n**Method 1: Update audio driver**\n\n"
             "### Update audio driver in Device Manager\n\nOpen Device Manager and choose Update driver.\n\n"
             "### Update audio driver from the maker's site\n\nDownload the newest driver and install it.\n")
    assert "Method 1" not in st.structure(label, "Fix No Sound After an Update").sections[0].text


_ROLL_BACK = ("## Fix 3: Roll back your graphics driver\n\nYou can also roll back the driver to clear the error.\n\n"
              "You can manually roll back your graphics driver in Device Manager. Back up your files first.\n\n"
              "{decline}\n\nRestoring drivers automatically, on the other hand, is very easy.\n\n"
              "1) Download and install Driver Easy.\n\n2) Run Driver Easy and go to **Tools** > **Driver Restore**.\n")


@pytest.mark.parametrize("decline", [
    "The manual process is time consuming, technical and risky, so we won't cover it here. Nor do we recommend it.",
    "We don't recommend it unless you know your way around drivers.",
    "The manual way is not recommended unless you know your hardware well."])
def test_a_manual_way_named_only_to_be_declined_gives_no_manual_way(st, decline):
    """issue #24: "You can manually roll back your driver in Device Manager. … so we won't cover it here. Nor do
    we recommend it", then only Driver Easy's steps, was served as a fix with a manual way: the manual way it
    names (rules [promotional] manual_cues) it declines (`declines`), so the step is the tool's pitch."""
    (fix,) = st.structure(_ROLL_BACK.format(decline=decline), "Graphics error").steps
    assert fix.promotional and fix.pitch and fix.pitch[0].startswith("1) Download")
    # named and not declined, the manual way stands
    (fix,) = st.structure(_ROLL_BACK.format(decline="It takes a few minutes."), "Graphics error").steps
    assert not fix.promotional and fix.pitch


def test_a_manual_way_that_leaves_out_its_details_is_still_a_manual_way(st):
    """"**Manually**: download the driver from the manufacturer … As this varies from manufacturer and printer
    models, we won't cover it here": the part says where to go, only not each model's clicks; so does a
    paragraph a scrape ran together ("… from the manufacturer … so we won't cover it here, and we recommend
    this method if you're confident … Automatically update drivers: … with **Driver Easy**")."""
    body = ("## Fix 2: Update the printer driver\n\n**Manually**: you can download the printer driver from the "
            "manufacturer and install it. As this varies from manufacturer and printer models, we won't cover it "
            "here.\n\n**Automatically**: if you don't have time, you can do it automatically with **Driver Easy**."
            "\n\n1) Download and install Driver Easy.\n\n2) Run Driver Easy and click **Scan Now**.\n")
    (fix,) = st.structure(body, "Printer offline").steps
    assert not fix.promotional and fix.pitch
    body = ("## Fix 4: Update your drivers\n\nThere are two ways to update drivers: manually and automatically.  "
            "Manually update drivers: you can search for the latest driver from the manufacturer, then install it. "
            "As drivers vary from devices and manufacturers, we won't cover it here, and we recommend this method if "
            "you're confident with your computer skills.  Automatically update drivers: if you don't have time, you "
            "can do it automatically with **Driver Easy**.  1) Download and install Driver Easy.  2) Run Driver Easy "
            "and click **Scan Now**.\n")
    (fix,) = st.structure(body, "No sound").steps
    assert not fix.promotional and fix.pitch


_ARTWORK = """How do you get album artwork on your music player? Here are three ways.

### The first way to get album artworks – from the Store

It is a good way to get the artworks from the Store. The following steps for your information.

1 Sign into the Store with your account.

2 Click **Library** from the Menu Bar, and find **Get Album Artworks**.

### The second way to get album artworks – from Google

There are almost all album artworks on Google Images. Download one and save it on your Desktop.

1 Save your picture as .jpg format

2 Save the full sized image, or the image will be blurry.

### The third way and the most convenient way to get album artworks – from TuneMover

Using the third-party software TuneMover can easily solve your problem.

1 After downloading and installing this software on your computer, launch it first.

2 Connect your device and TuneMover detects it. Choose Media on this interface.

3 Right click the chosen song to choose "Edit Info" and add the picture from Desktop.

## Why we recommend TuneMover to you?

TuneMover has absolute advantages. Add the album artwork is its smallest function.
"""


def test_a_way_headed_by_a_learnt_tool_stays_a_promotional_step(st):
    """issue #24: "The third way and the most convenient way to get album artworks – from FoneTrans", once the
    build learnt FoneTrans, was a promotional section and no step at all: a way the article offers stays one of
    its steps, flagged as a pitch (as "Fix 4: Use Driver Easy" is); the tool's praise after them stays none."""
    s = st.structure(_ARTWORK, "How Do You Get Album Artwork", ("TuneMover",))
    assert [(x.title.split(" – ")[-1], x.promotional) for x in s.steps] == [
        ("from the Store", False), ("from Google", False), ("from TuneMover", True)]
    assert [x.kind for x in s.sections[-2:]] == ["promotional", "promotional"]
    assert [x.promotional for x in st.structure(_ARTWORK, "How Do You Get Album Artwork").steps] == [False] * 3


# A cleaning blog's ways to clear a cache, one of them through the tool it sells (Acme Cleaner, learnt)
CACHE_WAYS = """## How to clear the computer cache

There are several ways to clear each cache on Windows.

## Clear the cache with Acme Cleaner Pro

Acme Cleaner Pro has a dedicated tool for deleting browser data.

1. Open Acme Cleaner Pro, and click **Tools**.
2. Click **History Cleaner**, check the browsers and click **Clear**.

## Clear Windows temporary files with Disk Cleanup

{disk}

## Clear cache in File Explorer

Some of the caches related to File Explorer can be deleted easily, others need more advanced methods.

{explorer}
"""
DISK = ("1. Start Acme Cleaner Pro, click Tools, then double-click Disk Cleanup. ![tools](https://x.example/t.png)\n"
        " Alternatively, you can open Disk Cleanup from the Windows Start Menu (press Win+S) and search for Disk Cleanup.\n"
        "2. In the pop-up window select the drive you want to clean up and click OK.\n"
        "3. Check the items you wish to delete and click OK.")
EXPLORER = ("* **Thumbnail cache**: open Acme Cleaner Pro, click **Tools**, click History Cleaner, check **Delete "
            "Thumbnail Cache** and click **Clear**.\n"
            "* **Icon cache**: download our script, right-click it and select **Run as administrator**.\n"
            "* **File Explorer history**: open File Explorer, click the **View** tab, then **Options**, and click "
            "**Clear**.")


def test_a_list_that_gives_its_own_ways_beside_the_tool_is_no_pitch(st):
    """The way headed by the tool is its pitch; a numbered procedure whose first item also says how to get there
    without the tool ("Alternatively, you can open Disk Cleanup from the Start Menu"), or a list of labelled
    cases only the first of which uses the tool, is a manual way: the pitch would hide it whole."""
    fixes = st.structure(CACHE_WAYS.format(disk=DISK, explorer=EXPLORER), "Clear the cache", ("Acme Cleaner",)).steps
    assert [f.promotional for f in fixes] == [True, False, False]
    assert [bool(f.pitch) for f in fixes] == [True, False, False]
    # the tool's own procedure, with no way of its own, stays its pitch
    tool = DISK.replace(" Alternatively, you can open Disk Cleanup from the Windows Start Menu (press Win+S) and search "
                        "for Disk Cleanup.\n", "")
    labels = EXPLORER.replace("* **Icon cache**: ", "* ").replace("* **File Explorer history**: ", "* ")
    fixes = st.structure(CACHE_WAYS.format(disk=tool, explorer=labels), "Clear the cache", ("Acme Cleaner",)).steps
    assert [f.promotional for f in fixes] == [True, True, True]


def test_a_pointer_to_the_sites_article_naming_the_tool_is_no_pitch(st):
    """"You can check our article on how to … with X": the page it points to pitches the tool, not this fix."""
    body = ("## Fix 1: Restart the app\n\nClose the app and open it again.\n\n## Fix 2: Clear your browser cache\n\n"
            "Files get corrupted during download when you don't clean your browser cache regularly.\n\n"
            "You can check our article on how to clear your computer's cache with Acme Cleaner Pro, including your "
            "browser.\n")
    fix = st.structure(body, "Can't run this program", ("Acme Cleaner",)).steps[1]
    assert not fix.promotional and fix.pitch == []
    pitch = body.replace("You can check our article on how to clear your computer's cache with", "Clear it with")
    fix = st.structure(pitch, "Can't run this program", ("Acme Cleaner",)).steps[1]
    assert fix.promotional and fix.pitch


def test_the_tool_a_tutorial_teaches_is_its_subject_not_its_pitch(st):
    """A learnt product that the page's opening headings name (under a spun heading the site put over it) is what
    the tutorial is about: its steps are the tool's procedure, the reader's fix, not a pitch beside a manual way."""
    body = ("## Top Social Networks Explained\n\n## How to install and activate Acme Cleaner Mobile\n\n"
            "You can download Acme Cleaner Mobile from the Play Store.\n\n"
            "### Step 1: Install the app\n\nWhen you first launch Acme Cleaner Mobile, tap **Next**.\n\n"
            "### Step 2: Activate it\n\nOpen Acme Cleaner Mobile, tap **ENTER KEY**, type your licence key and tap "
            "**NEXT**.\n")
    fixes = st.structure(body, "Navigating the Giants of Social Networking", ("Acme Cleaner",)).steps
    assert len(fixes) == 2 and not any(f.promotional or f.pitch for f in fixes)
    # ...but a page about something else pitches it
    other = body.replace("How to install and activate Acme Cleaner Mobile", "How to free up space on your phone")
    assert any(f.pitch for f in st.structure(other, "Navigating the Giants of Social Networking", ("Acme Cleaner",)).steps)
    # the name's words scattered over the title and a heading name something else
    scattered = other.replace("Navigating the Giants", "Acme Tips").replace("free up space on your phone",
                                                                            "use the Cleaner on your Mobile")
    assert any(f.pitch for f in st.structure(scattered, "Acme Tips of Social Networking", ("Acme Cleaner",)).steps)


def test_a_tool_named_only_as_the_owner_of_a_screen_starts_no_pitch(st):
    """"After clicking the button, the Acme Cleaner's window closes": a step inside the tool, not an offer of it;
    the closing puff that names it as such is the pitch."""
    body = ("## Hunter Mode and the convenience of a few clicks\n\nA feature to remove programs quickly.\n\n"
            "## Step 1: Open Hunter Mode\n\nFind the **Hunter Mode** button in the menu.\n\n"
            "## Step 2: Remove a program with it\n\nAfter clicking on the **Hunter Mode** button, the Acme Cleaner's "
            "window is closing and a target appears on the desktop. Drag the target onto a program's window and "
            "click **Uninstall**.\n\n![hunter mode](https://x.example/hunter.png)\n\nQuite useful and easy to operate, the Hunter Mode in Acme Cleaner gets rid of "
            "any program in a few clicks.\n")
    fix = st.structure(body, "Hunter Mode", ("Acme Cleaner",)).steps[-1]
    assert not fix.promotional and fix.pitch == [fix.text[fix.text.index("Quite useful"):]]


def test_a_tools_procedure_in_bold_verbs_stays_its_pitch_and_a_title_naming_it_as_the_means_pitches_it(st):
    """Review39's cases: a tool's own steps written with bold verbs ("1. **Download** and install …") are no list
    of labelled cases of its own; a page titled "Fix … with X" names X as its means, not as its subject; a pointer
    sentence that itself sells ("Read our guide …: download it now and get 50% off the Pro version") pitches."""
    body = ("## Fix 1: Update your drivers manually\n\nOpen Device Manager, right-click the device and click "
            "**Update driver**.\n\n## Fix 2: Update your drivers automatically\n\n"
            "1. **Download** and install Acme Cleaner.\n2. **Run** it and click **Scan Now**.\n"
            "3. **Click** **Update All** to get the right drivers.\n")
    assert [f.promotional for f in st.structure(body, "Drivers keep failing", ("Acme Cleaner",)).steps] == [False, True]
    means = ("## Fix 1: Remove startup apps\n\nOpen Task Manager, click **Startup** and disable the apps you don't "
             "need.\n\n## Fix 2: Clean your PC with Acme Cleaner\n\nAcme Cleaner is the best tool for a slow PC. "
             "Open Acme Cleaner and click **Scan**, then click **Clean**.\n")
    fixes = st.structure(means, "Fix a Slow Windows 11 PC with Acme Cleaner", ("Acme Cleaner",)).steps
    assert [f.promotional for f in fixes] == [False, True]
    pointer = ("## Fix 1: Restart the app\n\nClose the app and open it again.\n\n## Fix 2: Clear your browser cache\n\n"
               "Read our guide on cleaning your PC with Acme Cleaner Pro: download it now and get 50% off the Pro "
               "version!\n")
    assert st.structure(pointer, "Can't run this program", ("Acme Cleaner",)).steps[1].pitch
