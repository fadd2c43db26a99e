"""Scrape formatting damage repaired: headings, bold markers, spacing."""
from __future__ import annotations

import re

# -------------------------------------------------------------- 6. repairs

# A linked thumbnail (`[![2](thumb.png)](full.png)`) whose `![` the scrape lost reads as a
# link "2" and a stray "](full.png)" (343 in 129 files of the sample): the image again; also
# with its title ("[Monitor: now $999 at Dell](m.png "Monitor ...") ](shop link)": a deal's
# picture, its shop link no button).
_BROKEN_IMAGE_LINK = re.compile(r"(?<!!)\[([^\[\]\n]{0,100})\]\(([^()\s]+?\.(?:png|jpe?g|gif|webp|svg))(?:\s+\"[^\"\n]*\")?\)[ \t]*\]\([^()\s]*\)",
                                re.I)

_HEADING_NUM = re.compile(r"^( {0,3}#{1,6}[ \t]+(?:\*\*|__)?)(\d+)\\([.)])", re.M)

_BOLD = re.compile(r"(?<!\*)\*\*(?!\*)")

# The scrape's space between a word's end (bold, italic, a link's `)`) and the stop after
# it: `click **Manage** .` (2,186 in the sample's kb.json), `_manually_ ,`. Only a mark that
# ends the word goes: `.NET`, `the .inf file` keep theirs.
_SPACED_MARK = re.compile(r"(?<=[\w)*’”]) +(?=[.,;:!?](?:[ \t]|$))", re.M)

_SPACE_MARK = re.compile(r" [.,;:!?]")  # (a quick test first: a third of the blocks have one)


def _repair(text: str) -> str:
    if "\\" in text:
        text = _HEADING_NUM.sub(r"\1\2\3", text)
    if "**" in text:
        text = "\n".join(_space_bold(line) if "**" in line else line for line in text.split("\n"))
    if _SPACE_MARK.search(text):
        text = _SPACED_MARK.sub("", text)
    return text


def _space_bold(line: str) -> str:
    marks = [m.start() for m in _BOLD.finditer(line)]
    if len(marks) < 2 or len(marks) % 2:
        return line
    out, pos = [], 0
    for k, at in enumerate(marks):
        out.append(line[pos:at])
        opener = k % 2 == 0
        if opener and at > 0 and line[at - 1].isalnum():
            out.append(" ")
        out.append("**")
        pos = at + 2
        if not opener and pos < len(line) and line[pos].isalnum():
            out.append(" ")
    out.append(line[pos:])
    return "".join(out)

_BLANK_RUN = re.compile(r"\n\n\n+")  # a literal prefix: the regex engine scans for it fast


def _normalise_space(text: str) -> str:
    lines = [ln.rstrip() for ln in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n") + "\n"
