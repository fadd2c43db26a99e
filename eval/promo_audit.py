"""Promotion audit (issue #24's whole-corpus targets): candidates of the two promotion errors.

    python eval/promo_audit.py KB.json [KB.json ...] [--list]

(a) hidden manual fix: a `promotional: true` step that gives a way without the sold tool (an
    action on the system: Device Manager, a settings path, a shortcut, a command, a vendor's site).
(b) unflagged pitch: a `promotional: false` step that sells a tool (a product name with
    download / buy / price / edition / trial language, or a link to the product's site or a
    download / buy page) and gives no manual way.

Signals that hold on any site: products are the pipeline's seed list, what the pipeline would
learn from these entries (pipeline/products.py), and the names an entry itself offers for sale
(not its subject: a name in its titles or headings), in its text or, with --input (the folders
the sources are under), in its source files' links: a name linked to an affiliate redirect or a
shop's page whose address spells it ("[iPhone Data Recovery](https://tools.techidaily.com/
aiseesoft-iphone-data-recovery/)"; products.Products.linked), learnt as the text's are; a passage that names a product or links
to its site starts a pitch, which runs over the tool's procedure up to a part opener that does
not sell (a heading, a bold label, "OR", a manual label: "Option 1 – Manually", "If you prefer
to do it manually, ..."); the tool's buttons ("Scan Now", "Update All") are the bold labels the
corpus writes inside pitches in 3+ entries and outside them in fewer. A manual way is a
passage outside the pitch, or after its last passage that names or sells, with a place of the
system or a vendor's site (Device Manager, "the manufacturer's website"; "Settings" only with
a word that acts there), a path, a shortcut, a command (code, or a word and a switch:
"sfc /scannow") or a link to a page that is not a product's nor a shop's; a check ("restart
and see if ...") is none. These are candidates, to read: calibrated by reading (seed 14, main's
d94ee39 builds, outside every gold draw), (a) held 8 of 11 candidates (5 of 11 without any
third-party tool) and 1 of 15 promotional non-candidates; (b) 3 of 4 candidates and 1 of 35
unflagged steps naming a product or a sell word (see the commit message). Read again on main's
2f2fb7f builds with --input (a command in brackets, "Windows and macOS", a manual first clause
that gives nothing no longer count as a manual way): (a) 1 of 4 sample and 0 of 2 variety
candidates real, (b) 0 of 1 and 1 of 1; a draw of 50 steps outside the gold (seed 1524, 25
flagged) had no wrong flag.
Read again on main's 12ef7b7 builds (session 16): all 6 readable candidates were false positives, now
not candidates: a precondition of the steps below ("boot into Safe Mode, then follow the instructions
below") and a shell named without what to type in it ("by running the Command Prompt. But it will take
time") are no manual way, nor a link in a passage that does not act on it (a deal's "Preferred partner
(what does this mean?)"); a procedure's steps numbered on after the one that installs the tool ("1 Free
download, install and run this software") act in the tool; a numbered step that acts before it pitches
("5) Now install the setup ... If you don't have the time, ... Driver Easy") is a manual way. Checked on
the same builds with every flag of a step that pitches flipped: the audit finds all it found before and
5 more (sample (a) 126 -> 127 of 127, (b) 106 -> 109 of 118; variety (a) 20 of 20, (b) 9 -> 11 of 22).
A sentence that says where to go or what to touch in an app's screens ("Navigate to the Sticker Store",
"Tap ...") is a manual way outside a pitch, but not after a passage naming the tool the fix is named for
("1. Open Revo Uninstaller Pro 2. Navigate to Tools").
Prints, per build, the counts of steps and entries of each kind; --list adds the candidates
(kind, entry id, step index, title, the evidence)."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("KB_PIPELINE_ROOT", str(HERE.parent)))

from pipeline.products import Products  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402

SELL = re.compile(r"(?i)\b(?:free trial|(?:pro|full|free|paid|premium|trial|registered|plus) (?:version|edition|plan)"
                  r"|buy(?: it)? now|buy\b|purchase|price[ds]?\b|pricing|licen[cs]e(?: key| code)?|registration code"
                  r"|money.back|guarantee|download now|free download|try (?:it )?(?:for )?free|have a try|give it a try"
                  r"|upgrade to|subscri(?:be|ption)|discount|coupon|\d+% off|[$€£]\s?\d)")
# Where a manual way acts: the system's own tools and a vendor's site (enough alone), and
# places that are one only with a word that acts there ("open Settings", not "your network settings"); a
# shell (Command Prompt, PowerShell, Terminal) is one only with what to type in it (a command, below): "you can
# repair the system files by running the Command Prompt. But it will take time" gives none
STRONG = re.compile(r"(?i)\b(?:device manager|control panel|registry editor|regedit"
                    r"|task manager|task scheduler|bios|uefi|windows update|safe mode|system restore|system preferences"
                    r"|programs and features|apps (?:&|and) features|disk management|file explorer|event viewer"
                    r"|(?:manufacturer|vendor|maker)(?:'|’)?s?\b[^.\n]{0,40}\b(?:website|site|page)|official (?:website|site)"
                    r"|from (?:the|your|its) (?:\w+ )?(?:manufacturer|vendor)|support (?:page|site|website)"
                    r"|download (?:center|centre|page))\b")
PLACE = re.compile(r"(?i)\b(?:settings|services|network and sharing|troubleshooter|group policy|properties"
                   r"|(?:app|play) store|web ?sites?|right.click|double.click)\b")
ACT = re.compile(r"(?i)\b(?:go|going|goes|open|opening|visit|visiting|navigate|click|clicking|right.click|press|type|run"
                 r"|select|choose|download|downloading|uninstall|reinstall|install|update|updating|use|launch|head"
                 r"|via|through|expand|find|search|check|enter|tap)\b")
# A sentence that tells where to go or what to touch in an app's screens ("Navigate to the Sticker Store to
# download what you want", "Tap on it", "Click the button \u201cfree\u201d"): a way on any device, not only a PC's
UI_ACT = re.compile(r"(?i)^\W{0,4}(?:\d{1,2}\W{1,3})?(?:navigate|tap|go to|open|click|right.click|double.click|select"
                    r"|press|toggle|turn (?:on|off)|enable|disable|swipe)\b")
OFFER = re.compile(r"\b(?i:download|install|try|use|using|run|launch|get|with|recommend)\b(?:\s+\S+){0,3}?\s+[A-Z]")
PATH = re.compile(r"\S[^\n>]{0,40}\s>\s\S")
SHORTCUT = re.compile(r"(?i)\b(?:win(?:dows)?(?: logo)?(?: key)?|ctrl|alt|shift|cmd|command|option|fn)\s*\+\s*\w"
                      r"|\b(?:win(?:dows)?(?: logo)?|ctrl|alt|shift|cmd|command|option|fn) key\s+and\s+\w")  # (not "Windows and macOS")
COMMAND = re.compile(r"(?i)\b[a-z][\w.-]{1,20}\s+/[a-z?][\w:]*")  # a command with a switch, quoted or not ("sfc /scannow")
RUN_FILE = re.compile(r"(?i)^[\w.-]{1,40}\.(?:exe|msi|msc|cpl|bat|cmd|ps1)$")  # a file to run ("setup.exe")
QUOTED = re.compile(r"[“\"]([^“”\"\n]{2,60})[”\"]")
ASIDE = re.compile(r"\([^()\n]{0,80}\)")  # a command in brackets names a tool in passing ("the checker (sfc /scannow)")
CODE = re.compile(r"`([^`\n]{2,})`")
LABEL = re.compile(r"^\s*(?:#+\s*|\*\*[^*\n]{2,60}\*\*\s*[:.–—-]?\s*$)")  # a heading or a bold label alone
ALTERNATIVE = re.compile(r"(?i)^\W*(?:or|alternatively|otherwise|instead)\b")
MANUAL = re.compile(r"(?i)\bmanual(?:ly)?\b|\bby hand\b|\byourself\b")
BOLD = re.compile(r"\*\*([^*\n]{2,40})\*\*")
LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\s]+)[^)]*\)")
BUY_PATH = re.compile(r"(?i)/(?:[^?#]*[/-])?(?:buy|purchase|checkout|cart|order|pricing|store|shop)(?:[/?#.-]|$)")
NUMBERED = re.compile(r"(?i)^\W{0,4}(?:step\s*)?(\d{1,2})(?:\\?[.)]|\s)\W*")  # a procedure's numbered step
INSTALLS = re.compile(r"(?i)\b(?:download|install)")
LEAD = re.compile(r"^\W*[^\n.!?:–—]{2,40}?(?::|\s[–—-]\s)")  # a paragraph's leading label ("Manually: ...")
CLAUSE = re.compile(r"^\W*[^\n.!?:,;–—]{2,60}?,")  # a first clause ("If you prefer to do it manually, ...")
SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z*_\[(])")
BLOCKS = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+]|\d{1,3}[.)]|\*\*\d{1,3}[.)])\S?)")
ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}\\?[.)]|\*\*\d{1,3}[.)]\*\*|[a-z][.)])")


MAX_SOURCES = 5  # (spun copies of one body: their links differ little)
MAX_BYTES = 16 * 1024 * 1024  # (a source larger than any article is not read)


def _squash(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


class Audit:
    """The product names of a build, and each step's verdict."""

    def __init__(self, entries: list[dict], inputs: list[str] = ()):
        self.seller = Products(load_rules())
        sold = [self.seller.sold_in(_body(e)) | self._linked(e, inputs) for e in entries]
        self.sold = dict(zip((e["id"] for e in entries), sold))
        titles = [e["title"] for e in entries]
        self.products = {p for p in self.seller.seed} | set(self.seller.learnt(sold, titles))
        self.tool_labels: set[str] = set()
        self.tool_labels = self._tool_labels(entries)  # (learnt from a first walk without them)

    def _linked(self, entry: dict, inputs: list[str]) -> set[str]:
        """The names the entry's source files (found under one of the input folders, up to
        MAX_SOURCES of them) link to an affiliate redirect or a shop's page that spells them
        (products.Products.linked): the corpus selling a tool its cleaned text no longer shows."""
        out: set[str] = set()
        for src in entry.get("sources", [])[:MAX_SOURCES] if inputs else ():
            for root in inputs:  # kb.json names the path: it must stay inside the folder given
                base = Path(root).resolve()
                path = (base / src["path"]).resolve()
                if path.is_relative_to(base) and path.is_file() and path.stat().st_size <= MAX_BYTES:
                    out |= self.seller.linked(path.read_text(encoding="utf-8", errors="replace"))
                    break
        return out

    def names(self, entry: dict) -> set[str]:
        """The build's products and the names this entry offers for sale, but not its subject (a
        name in its titles or its sections' headings: "How to install and activate X")."""
        title = "\n".join([entry["title"], *entry.get("alternate_titles", []),
                           *(s["heading"] for s in entry.get("sections", []))]).lower()
        return self.products | {n for n in self.sold.get(entry["id"], set()) if n.lower() not in title}

    def _tool_labels(self, entries: list[dict]) -> set[str]:
        """Bold labels written in a step's pitch in 3+ entries and outside pitches in fewer
        (a tool's buttons: "Scan Now", "Update All"), none a system object."""
        near, far = Counter(), Counter()
        for e in entries:
            seen_near, seen_far = set(), set()
            for s in e["steps"]:
                for b, in_pitch, _ in self.walk(e, s):
                    (seen_near if in_pitch else seen_far).update(m.strip().lower() for m in BOLD.findall(b))
            near.update(seen_near)
            far.update(seen_far)
        return {w for w, n in near.items() if n >= 3 and far[w] < n and not _manual_block(w, set())}

    def walk(self, entry: dict, step: dict):
        """(passage, whether it is in a pitch, the evidence that it pitches or is a manual way)
        for the step's title, then its blocks (a paragraph that names a product: its sentences
        before that one apart). A pitch runs from a passage that names a product or links to
        its site, over the tool's procedure, to a part opener that does not sell (a heading or
        bold label, "OR", "Alternatively")."""
        names = self.names(entry)
        hosts = {_squash(n) for n in names}
        tools = self.tool_labels
        in_pitch = False
        offered = self.sold.get(entry["id"], set())  # (its subject's too: "1. Open Revo Uninstaller Pro 2. Navigate to
        in_tool = False  # Tools" acts in the tool its fix is named for, after a passage that names it)
        tool_step = 0  # the number of the tool's procedure's last step (one that installs the tool: "1 Free download,
        # install and run this software"); the steps numbered on after it act in the tool, not on the system
        yield step["title"], False, ""
        for b in _blocks(step["text"]) or step["instructions"]:
            plain = BOLD.sub(r"\1", b)
            number = NUMBERED.match(plain)
            if tool_step and number and int(number.group(1)) == tool_step + 1:
                tool_step += 1
                in_pitch = True
                yield b, True, f"sells (the tool's step {tool_step})"
                continue
            links = [u for _, u in LINK.findall(b)]
            sold = [u for u in links if _sells(u, hosts)]
            named = _names(b, names)
            tool = {m.strip().lower() for m in BOLD.findall(b)} & tools
            labelled = [m for m in (LEAD.match(plain), CLAUSE.match(plain)) if m and MANUAL.search(m.group(0))]
            opener = LABEL.match(b) or ALTERNATIVE.match(plain) or (labelled or [None])[0]
            manual_label = bool(opener) and MANUAL.search(opener.group(0)) is not None
            if opener and not (named or sold or (tool and not manual_label) or SELL.search(plain)):
                in_pitch = False
                if manual_label:  # (a label says so: "Manual driver update – ..."; a first clause, by what it
                    # gives: "If you are not sure how to do it manually, read this post" gives none)
                    clause = labelled and opener is labelled[0] and opener.re is CLAUSE
                    yield b, False, _manual_block(b, hosts) if clause else "manual label"
                    continue
            if named or sold:
                if not in_pitch and (number or not (ITEM.match(b) or LABEL.match(b))):  # (the sentences before the
                    # one naming it; in a procedure's numbered step, what it does first: "5) Now install the setup.
                    # After the installation, restart your computer. If you don't have the time, ... with X")
                    for sentence in SENTENCES.split(b):
                        if _names(sentence, names) or any(_sells(u, hosts) for _, u in LINK.findall(sentence)):
                            break
                        acts = ACT.search(sentence) if number and not _CHECK.search(sentence) else None
                        yield sentence, False, _manual_block(sentence, hosts) or ("a numbered step: " + acts.group(0) if acts else "")
                in_pitch = True
                if number and (tool_step or INSTALLS.search(plain)):
                    tool_step = int(number.group(1))
                yield b, True, "names " + ", ".join(sorted(named)) if named else "links " + sold[0]
                continue
            if tool or SELL.search(plain):
                if number and (tool_step or INSTALLS.search(plain) and SELL.match(plain, number.end())):
                    tool_step, in_pitch = int(number.group(1)), True  # ("1 Free download, install and run this software")
                yield b, in_pitch, "sells " + (sorted(tool) or [SELL.search(plain).group(0)])[0]
            else:
                in_tool = in_tool or bool(_names(b, offered))
                why = _manual_block(b, hosts)
                yield b, in_pitch, "" if in_tool and why.startswith(_UI) else why

    def step(self, entry: dict, step: dict) -> tuple[str, str]:
        """(what pitches a product, what gives a manual way; "" for nothing): the manual way is a
        passage outside the pitch, or one after the pitch's last passage that names or sells (a
        manual procedure after a passing mention: "Step 1: Run X to update the drivers. Step 2:
        Right-click the desktop ...")."""
        rows = list(self.walk(entry, step))
        last = max((i for i, (_, _, why) in enumerate(rows) if why.startswith(_PITCHY)), default=-1)
        text = "\n".join(BOLD.sub(r"\1", b) for b, in_pitch, _ in rows if in_pitch)
        sold = next((why for _, _, why in rows if why.startswith("links ")), "")
        m = SELL.search(text) or OFFER.search(text)
        pitch = sold or (next(why for _, p, why in rows if p) + ", " + m.group(0) if m else "")
        manual = next((why for i, (_, in_pitch, why) in enumerate(rows)
                       if why and not why.startswith(_PITCHY) and (not in_pitch or i > last and not why.startswith(_UI))), "")
        return pitch, manual

    def audit(self, kb: dict) -> list[tuple[str, int, str, str, str]]:
        """The candidates: (entry id, step index, "a" or "b", title, evidence)."""
        out = []
        for e in kb["entries"]:
            for i, s in enumerate(e["steps"]):
                pitch, manual = self.step(e, s)
                if s["promotional"] and manual:
                    out.append((e["id"], i, "a", s["title"], manual))
                elif not s["promotional"] and pitch and not manual:
                    out.append((e["id"], i, "b", s["title"], pitch))
        return out


def _body(e: dict) -> str:
    return "\n\n".join([e.get("summary", "")] + ["#" * s["level"] + " " + s["heading"] + "\n\n" + s["text"]
                                                  for s in e.get("sections", [])])


def _blocks(text: str) -> list[str]:
    """A step's paragraphs and list items (an image alone is no block)."""
    return [b.strip() for b in BLOCKS.split(text) if b.strip() and not re.fullmatch(r"(?:!\[[^\]]*\]\([^)]*\)\s*)+", b.strip())]


def _names(text: str, names) -> set[str]:
    low = text.lower()
    return {n for n in names if re.search(r"(?<![\w-])" + re.escape(n.lower()) + r"(?![\w-])", low)}


def _sells(url: str, hosts: set[str]) -> bool:
    """A link to a product's own site (its name in the host) or to a buy / download page of one."""
    parts = urlsplit(url)
    host = _squash(parts.netloc)
    return any(h and h in host for h in hosts) or bool(BUY_PATH.search(parts.path))


_PITCHY = ("names ", "links ", "sells ")
_UI = "in an app: "  # (a way in an app's screens: after a pitch, the tool's own ("Open the tool. Click Scan"))
_CHECK = re.compile(r"(?i)\b(?:check|see|verify)\s+(?:if|whether)\b|\bto see if\b"
                    r"|\b(?:follow|perform|try|do)\b[^.!?\n]{0,40}\b(?:below|the following)\b")  # (a precondition
# of what follows: "If you can't log in, boot into Safe Mode, then follow the instructions below")
_LINK_ACT = re.compile(ACT.pattern + r"|(?i:\b(?:contact|call|ask|follow|sign|log)\b)")  # (a link is a way to act on)


def _manual_block(b: str, hosts: set[str]) -> str:
    """What in a passage acts on the system ("" for nothing): a place of the system or a
    vendor's site with a word that acts there ("go to Device Manager", "download it from the
    manufacturer's website"), a settings path, a shortcut ("Win + R", "the Windows logo key and
    R"; not "Windows and macOS"), a command (not in brackets: "the system checker (sfc /scannow).
    However, ..." names it in passing), a quoted command or file to run ("usually “setup.exe”"),
    or a link to a page that is not a product's nor a shop's (a vendor's site)."""
    plain = BOLD.sub(r"\1", b)
    for sentence in SENTENCES.split(plain):
        if _CHECK.search(sentence):
            continue  # ("Restart and check if the Control Panel opens": a check, no way; nor a precondition)
        m = STRONG.search(sentence) or (PLACE.search(sentence) if ACT.search(sentence) else None)
        if m:
            return m.group(0)
    for pattern, text in ((PATH, LINK.sub(r"\1", plain)), (SHORTCUT, plain), (CODE, b),
                          (COMMAND, ASIDE.sub("", LINK.sub(r"\1", plain)))):
        m = pattern.search(text)
        if m:
            return m.group(0)
    quoted = next((q for q in QUOTED.findall(plain) if COMMAND.search(q) or RUN_FILE.match(q.strip())), "")
    if quoted:  # (quoted, in brackets too: "run the setup application (usually “setup.exe”)")
        return quoted
    links = [u for _, u in LINK.findall(b)] if _LINK_ACT.search(LINK.sub(r"\1", plain)) else []
    link = next((u for u in links if urlsplit(u).scheme in ("http", "https") and not _sells(u, hosts)), "")
    ui = next((m.group(0) for m in map(UI_ACT.match, SENTENCES.split(plain)) if m), "")
    return link or (_UI + ui if ui else "")  # (an app's screens: a way only outside a pitch, see Audit.step)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("kb", nargs="+")
    ap.add_argument("--list", action="store_true", help="print every candidate")
    ap.add_argument("--input", action="append", default=[], metavar="DIR",
                    help="a folder the builds' sources are under (repeatable): their links tell products too")
    a = ap.parse_args(argv)
    for path in a.kb:
        kb = json.loads(Path(path).read_text(encoding="utf-8"))
        found = Audit(kb["entries"], a.input).audit(kb)
        steps = sum(len(e["steps"]) for e in kb["entries"])
        promo = sum(s["promotional"] for e in kb["entries"] for s in e["steps"])
        for kind, what in (("a", "promotional steps with a manual way (hidden fix)"),
                           ("b", "unflagged pitch steps")):
            rows = [r for r in found if r[2] == kind]
            print(f"{path}: ({kind}) {len(rows)} {what} in {len({r[0] for r in rows})} entries"
                  f" [{promo} promotional of {steps} steps]")
        if a.list:
            for eid, i, kind, title, why in found:
                print(f"  {kind}\t{eid}\t{i}\t{title[:80]}\t[{why[:60]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
