"""The parse tree as blocks: markdown source spans with their kind, level and text."""
from __future__ import annotations

import re

import pyromark
from rapidfuzz import fuzz

from ..text import HTML_START, SENTENCE_END, Inert

_PARSE_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_STRIKETHROUGH


# ------------------------------------------------------------------- parse helpers

class _Block:
    """One top-level markdown block with what the extractors need from it."""

    __slots__ = ("kind", "level", "source", "plain", "strong", "code", "links", "images",
                 "list_items", "ordered_items", "section", "all_strong", "only_images", "toc", "contents",
                 "span", "anchor_links", "text", "item_spans", "code_block", "bare", "item_numbers",
                 "nested_spans")

    def __init__(self, kind: str, level: int, source: str):
        self.kind = kind
        self.level = level
        self.source = source
        self.text = source  # the markdown it gives kb.json (links to in-page anchors unlinked)
        self.plain = ""
        self.bare = ""  # its plain text without the alt text of its images at an edge of their line
        self.item_numbers: list[int | None] = []  # the number its source writes before each top-level item
        self.nested_spans: list[tuple[int, int]] = []  # the lists nested in its items (offsets in the body)
        self.strong: list[str] = []
        self.code: list[str] = []
        self.code_block = False  # a fenced or indented code block
        self.links: list[dict] = []
        self.images: list[dict] = []
        self.list_items: list[str] = []
        self.ordered_items: list[str] = []
        self.section = 0
        self.all_strong = False
        self.only_images = False
        self.toc = False  # all its text links to anchors in the page: a table-of-contents line
        self.contents = False  # a paragraph or list all of whose text links to anchors in the page
        self.span = (0, 0)  # its byte range in the body
        self.anchor_links: list[tuple[int, int]] = []  # byte ranges of its links to in-page anchors
        self.item_spans: list[tuple[int, int]] = []  # byte ranges of a list's top-level items

    @property
    def ui_paths(self) -> list[list[str]]:
        return [p for p, _ in self.paths]

    @property
    def paths(self) -> list[tuple[list[str], bool]]:
        """Paths written in one bold run (`**Settings > Update**`), as bold names joined by
        `>` (`**Start** button > **Settings** > **Devices**`) or in plain text (`Settings > Update &
        Security`, `"Settings" > "General"`), each name as the screen says it, in the text's order;
        each with whether it was plain text (its first name may hold the verb that leads to it)."""
        paths = []
        for t in self.strong:
            if ">" in t:
                parts = [" ".join(p.split()) for p in t.split(">")]
                if len(parts) >= 2 and all(0 < len(p) <= 60 for p in parts):
                    paths.append((parts, False))
        if ">" in self.source or "→" in self.source:
            found = [(m.start(), [" ".join(n.split()) for n in _BOLD_NAME.findall(m.group(0))], False)
                     for m in _BOLD_PATH.finditer(self.source)]
            found += [(m.start(), [n.strip("\"“” .,;:") for n in _PATH_SEP.split(m.group(0))], True)
                      for m in _PLAIN_PATH.finditer(self.source) if not any(c in m.group(0) for c in "*[]()`<")]
            paths += [(p, plain) for _, p, plain in sorted(found, key=lambda f: f[0])]
        return paths


class _Sec:
    __slots__ = ("heading", "level", "kind", "parent", "blocks", "text", "pseudo", "lead", "counted", "ways")

    def __init__(self, heading, level, kind, parent, pseudo=False, lead=False):
        self.heading = heading
        self.level = level
        self.kind = kind
        self.parent = parent
        self.blocks: list[_Block] = []
        self.text = ""
        self.pseudo = pseudo
        self.lead = lead  # its heading is read off its first paragraph, which its text opens with
        self.counted = False  # its heading's number marks it as one of the page's steps (_mark_counted)
        self.ways = False  # (the page's opening, secs[0]) the page reads as ways (Steps._reads_as_ways): a
        # gerund alone heads a step (Steps._imperative's `ways`); the body's own, not the Structurer's

# bold names joined by `>` (`\>` when escaped), each maybe followed by what it is: `**Start** button > **Settings**`
_BOLD_NAME = re.compile(r"\*\*([^*\n>]{1,60})\*\*")

_BOLD_PATH = re.compile(r"\*\*[^*\n>]{1,60}\*\*(?:\s+[a-z]{2,8})?(?:\s*(?:\\?>|&gt;|→)\s*\*\*[^*\n>]{1,60}\*\*(?:\s+[a-z]{2,8})?)+")

# a path written in plain text: `Settings > Update & Security > Windows Update`, `"Settings" > "General"`;
# each name a quoted label or capitalised words (`Update & Security`, `Programs and Features`, `More tools`),
# the last one ending before what the sentence goes on with ("... > Windows Update and click ...")
_NAME = r"(?:\"[^\"\n>]{1,40}\"|“[^”\n>]{1,40}”|[A-Z][\w'&-]*(?:\.\w[\w'&-]*)*(?:[ \t]+(?:&|and|of|for|to|the|[A-Za-z0-9][\w'&-]*(?:\.\w[\w'&-]*)*)){0,3})"
_LAST = (r"(?:\"[^\"\n>]{1,40}\"|“[^”\n>]{1,40}”|[A-Z][\w'&-]*(?:\.\w[\w'&-]*)*(?:[ \t]+(?:(?:&|and|of|for|the)[ \t]+)?[A-Z0-9][\w'&-]*"
         r"|[ \t]+(?!(?:and|then|or|to|in|on|from|at|for|with|button|tab|menu|option|icon|section|window|page|link|box)\b)"
         r"[a-z0-9][\w'&-]*){0,3})")
_PATH_SEP = re.compile(r"[ \t]*(?:\\?>|&gt;|→)[ \t]*")
_PLAIN_PATH = re.compile(r"(?<![\w>\\-])" + _NAME + r"(?:[ \t]*(?:\\?>|&gt;|→)[ \t]*" + _NAME + r")*[ \t]*(?:\\?>|&gt;|→)[ \t]*"
                         + _LAST)

_SPACE_BEFORE_MARK = re.compile(r"\s+(?=[.,;:!?](?:\s|$))")


def _said(s: _Sec) -> list[str]:
    """The sentences (and list items) of the section's own text, without emphasis marks at their ends."""
    return [t.strip(" *_") for b in s.blocks if not b.contents and b.kind in ("paragraph", "list")
            for t in (b.list_items or [b.plain]) for t in SENTENCE_END.split(t)]


def _clip(sentence: str, limit: int = 120) -> str:
    """A sentence made a title: spaces tidied (`Click **Repair** .` reads `Click Repair .` as
    text), at most `limit` characters, cut at a word, with an ellipsis."""
    sentence = _SPACE_BEFORE_MARK.sub("", " ".join(sentence.split()))
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit - 1]
    return (cut.rsplit(None, 1)[0] if " " in cut else cut).rstrip(" ,;:") + "…"


def _stray_emphasis(text: str) -> str:
    """A heading without the unpaired `**` or `__` it starts or ends with (a scrape that
    dropped the closing one: `## **Video Error 3: Playback issues`)."""
    for mark in ("**", "__"):
        if text.count(mark) % 2:
            if text.startswith(mark):
                text = text[2:].lstrip()
            elif text.endswith(mark):
                text = text[:-2].rstrip()
    return text


def _is_text(b: _Block) -> bool:
    """A paragraph of text (not a table-of-contents line nor only pictures)."""
    return b.kind == "paragraph" and bool(b.plain.strip()) and not b.toc and not b.only_images


def same_title(heading: str, title: str) -> bool:
    """A heading that words the title (nearly) the same, or is part of it."""
    return fuzz.ratio(heading.lower(), title.lower()) >= 85 or heading.lower() in title.lower()

# A bold run that is not a link's text nor wraps one's start: a candidate step label.
_BOLD_RUN = re.compile(r"(?<![\[\w*])\*\*(?!\[)([^*\n]{3,120}?)\*\*(?!\]\()")

_HEADING_LEVEL = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6}


def _blocks(body: str) -> list[_Block]:
    raw = body.encode("utf-8")
    blocks: list[_Block] = []
    depth = 0
    cur: _Block | None = None
    plain: list[str] = []
    strong_depth = 0
    strong_buf: list[str] = []
    link_stack: list[tuple[str, str, list[str], bool]] = []  # (kind, url, text, an image at an edge?)
    anchors = 0  # open links to an anchor in the page (`[Fix 2](#fix2)`)
    pictures = 0  # open images at an edge of their line: their alt text is no words of a heading or a list item
    # (`3. Click **Clear** ![Clear option](...)`), unless it is all of them; an image between words is one
    images = 0  # open images
    at_start = True  # no letters yet on the block's line (or the item's, the paragraph's in it)
    worded: list[str] = []  # the block's text outside its images at an edge
    list_stack: list[bool] = []  # ordered?
    item_buf: list[list[str]] = []
    item_break = ["", ""]  # what the next text of a top-level item follows: a nested "list", "item" or "block"
    text_outside_strong = text_outside_anchor = comma_gap = False
    for event, rng in pyromark.events_with_range(body, options=_PARSE_OPTIONS):
        if "Start" in event:
            tag = event["Start"]
            name = tag if isinstance(tag, str) else next(iter(tag))
            if depth == 0:
                kind, level = "other", 0
                if name == "Heading":
                    kind, level = "heading", _HEADING_LEVEL[tag["Heading"]["level"]]
                elif name == "Paragraph":
                    kind = "paragraph"
                elif name == "List":
                    kind = "list"
                cur = _Block(kind, level, raw[rng["start"]:rng["end"]].decode("utf-8", "replace").strip())
                cur.code_block = name == "CodeBlock"
                cur.span = (rng["start"], rng["end"])
                plain, worded, text_outside_strong, text_outside_anchor = [], [], False, False
                blocks.append(cur)
            depth += 1
            at_start = at_start or name in _ITEM_BLOCKS or depth == 1
            if name == "Strong":
                strong_depth += 1
                if strong_depth == 1:
                    strong_buf = []
                # (a comma that lost its space to a bold word gets it back: `After signing up,**Click** ...`)
                comma_gap = bool(plain) and plain[-1].endswith(",")
            elif name in ("Link", "Image"):
                info = tag[name]
                edge = name == "Image" and (at_start or _LINE_END.match(raw, rng["end"]) is not None)
                link_stack.append((name, info["dest_url"], [], edge))
                pictures += edge
                images += name == "Image"
                if name == "Link" and _in_page(info["dest_url"]):
                    anchors += 1
                    if cur is not None and anchors == 1:
                        cur.anchor_links.append((rng["start"], rng["end"]))
            elif name == "List":
                list_stack.append(tag["List"] is not None)
                if len(list_stack) > 1:
                    item_break = ["list", "list"]
                    if len(list_stack) == 2 and cur is not None:
                        cur.nested_spans.append((rng["start"], rng["end"]))
            elif name == "Item":
                if len(list_stack) == 1:
                    item_break = ["", ""]
                else:
                    item_break = [w if w == "list" else "item" for w in item_break]
                item_buf.append([[], []] if len(list_stack) == 1 else None)  # only top-level items are kept
                if len(list_stack) == 1 and cur is not None:
                    cur.item_spans.append((rng["start"], rng["end"]))
                    number = _ITEM_NUMBER.match(raw, rng["start"])
                    cur.item_numbers.append(int(number.group(1)) if number else None)
            continue
        if "End" in event:
            tag = event["End"]
            name = tag if isinstance(tag, str) else next(iter(tag))
            depth -= 1
            if name == "Strong":
                strong_depth -= 1
                if strong_depth == 0 and cur is not None:
                    cur.strong.append("".join(strong_buf).strip())
            elif name in ("Link", "Image") and link_stack:
                kind, url, buf, edge = link_stack.pop()
                pictures -= edge
                images -= kind == "Image"
                anchors -= kind == "Link" and _in_page(url)
                text = " ".join("".join(buf).split())
                if cur is not None:
                    if kind == "Image":
                        cur.images.append({"url": url, "alt": text})
                    elif not _in_page(url):
                        cur.links.append({"url": url, "text": text})
            elif name == "Item" and item_buf:
                buf = item_buf.pop()  # (its words outside images at an edge, or all of them when that leaves no letter)
                bare, full = (" ".join("".join(b).split()) for b in buf) if buf is not None else ("", "")
                text = bare if _LETTER.search(bare) else full
                if cur is not None and list_stack:
                    if len(list_stack) == 1:
                        cur.list_items.append(text)
                        if list_stack[-1]:
                            cur.ordered_items.append(text)
            elif name == "List" and list_stack:
                list_stack.pop()
            if item_buf and name in _ITEM_BLOCKS:
                item_break = [w or "block" for w in item_break]
            if depth == 0 and cur is not None:
                if cur.anchor_links:
                    cur.text = _unlink_anchors(raw, cur)
                cur.plain = "".join(plain)
                cur.bare = "".join(worded)
                if not _LETTER.search(cur.bare):  # (`1. ![Open Settings](...)`: the picture says the step)
                    cur.bare = cur.plain
                if cur.kind == "heading":  # (`### ![shot](...)Clear the App Cache`; not `## 1. ![Restart ...](...)`)
                    cur.plain = cur.bare
                cur.all_strong = bool(cur.strong) and not text_outside_strong
                cur.contents = cur.kind in ("paragraph", "list") and bool(cur.plain.strip()) and not text_outside_anchor
                cur.toc = cur.contents and cur.kind == "paragraph"
                cur.only_images = bool(cur.images) and not cur.plain.strip(" \n") .replace("".join(i["alt"] for i in cur.images), "").strip()
                cur = None
            continue
        text = None
        if "Text" in event:
            text = event["Text"]
        elif "Code" in event:
            text = event["Code"]
            if cur is not None:
                cur.code.append(text)
        elif "SoftBreak" in event or "HardBreak" in event:
            text = "\n" if "HardBreak" in event else " "
            at_start = True
        if text is None:
            continue
        said, text = text, (" " + text if comma_gap else text)
        comma_gap = False
        if not images and _LETTER.search(text):
            at_start = False
        if cur is not None and cur.kind == "other" and "Text" in event and depth and _in_codeblock(cur):
            cur.code.extend(line for line in text.split("\n") if line.strip())
        plain.append(text)
        if not pictures:
            worded.append(text)
        if strong_depth:
            strong_buf.append(said)
        elif text.strip():
            text_outside_strong = True
        if not anchors and not text_outside_anchor and text.strip():
            text_outside_anchor = True
        for _, _, buf, _ in link_stack:
            buf.append(text)
        if item_buf and item_buf[0] is not None:
            for k, buf in enumerate(item_buf[0]):  # (its words outside images at an edge, and all of them)
                if k == 0 and pictures:
                    continue
                if item_break[k] and text.strip():
                    buf.append(_item_separator(_last_text(buf), item_break[k]))
                    item_break[k] = ""
                buf.append(text)
    return blocks

_ITEM_BLOCKS = {"Paragraph", "Heading", "CodeBlock", "BlockQuote", "Item", "List"}
_LETTER = re.compile(r"[^\W\d_]")
_ITEM_NUMBER = re.compile(rb"\s*(\d{1,9})[.)]")
# what may follow an image that ends its line: emphasis closing, the link it is in (`[![alt](a.png)](url)`)
_LINE_END = re.compile(rb"[ \t*_]*(?:\]\([^()\s]*\)[ \t*_]*)?(?:\r?\n|\Z)")


def _last_text(pieces: list[str]) -> str:
    """The last piece with words of an item's text so far, right-stripped (not the whole
    text joined again at each nested block: quadratic in an item of thousands of them)."""
    return next((p.rstrip() for p in reversed(pieces) if p.strip()), "")


def _item_separator(before: str, where: str) -> str:
    """What goes between a list item's text and the block inside it that follows (a paragraph,
    a nested list): its words stay apart, and a nested bullet reads as a part of the item
    (`... after each one. ipconfig /flushdns; ipconfig /release`; `Using Command Prompt: Open ...`)."""
    if not before or before[-1] in ".!?:;,":
        return " "
    return {"list": ": ", "item": "; "}.get(where, ". ")

# A link to an anchor in the page: `#fix2`, or `https://www.lifewire.com/#toc-plot` (the
# scrape resolved the page's `#toc-plot` against the site's root: 18 entries' contents lists)
_ROOT_FRAGMENT = re.compile(r"https?://[^/?#\s]+/?#")


def _in_page(url: str) -> bool:
    return url.startswith("#") or _ROOT_FRAGMENT.match(url) is not None


def _unlink_anchors(raw: bytes, b: _Block) -> str:
    """The block's markdown with its links to in-page anchors (`[Fix 2](#fix2)`) reduced to
    their text: kb.json has no such anchors, so the links would lead nowhere."""
    out, pos = [], b.span[0]
    for start, end in b.anchor_links:
        label_end = raw.rfind(b"](", start, end)
        if raw[start:start + 1] != b"[" or label_end < 0:
            continue  # (a reference-style link: left as it is)
        out += [raw[pos:start], raw[start + 1:label_end]]
        pos = end
    out.append(raw[pos:b.span[1]])
    text = b"".join(out).decode("utf-8", "replace").strip()
    # joining the text around a link must never make a tag or an entity (`<[b](#x)>`)
    if len(_MARKUP_START.findall(text)) > len(_MARKUP_START.findall(b.source)):
        return b.source
    return text

_MARKUP_START = re.compile(HTML_START.pattern + r"|&#?[A-Za-z0-9]")  # a tag or an entity opening


def _inert(blocks: list[_Block], inert: Inert) -> list[_Block]:
    """Plain text read out of markdown has its entities decoded (`&lt;script&gt;`): make
    every plain-text field inert before headings, titles and items are taken from it."""
    plain_text = inert.plain
    for b in blocks:
        b.plain = plain_text(b.plain)
        b.bare = plain_text(b.bare)
        b.strong = [plain_text(t) for t in b.strong]
        b.list_items = [plain_text(t) for t in b.list_items]
        b.ordered_items = [plain_text(t) for t in b.ordered_items]
        for d in b.links:
            d["text"] = plain_text(d["text"])
        for d in b.images:
            d["alt"] = plain_text(d["alt"])
    return blocks

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


_MD_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # (a backslash escape of markdown: `\\`, `\*`, `\_`)


def _md_unescape(source: str) -> str:
    """Markdown source read as the characters its backslash escapes stand for (`%WINDIR%\\\\system32` is
    `%WINDIR%\\system32`), as the rendered text reads."""
    return _MD_ESCAPED.sub(r"\1", source)


def _in_codeblock(b: _Block) -> bool:
    return b.code_block or b.source.startswith(("```", "~~~", "    "))


def _siblings(secs) -> list[list[int]]:
    """The sections (but the first, the page's opening) grouped by parent and level: each group
    siblings, in document order, the groups in the order of their first section."""
    groups: dict[tuple, list[int]] = {}
    for i in range(1, len(secs)):
        groups.setdefault((secs[i].parent, secs[i].level), []).append(i)
    return list(groups.values())


def _ancestors(secs, i):
    p = secs[i].parent
    while p is not None:
        yield p
        p = secs[p].parent


def _descendants(secs, i):
    """Sections nest in document order: a section's descendants directly follow it."""
    out = []
    for k in range(i + 1, len(secs)):
        if not any(a == i for a in _ancestors(secs, k)):
            break
        out.append(k)
    return out


# a line that opens a list item with a heading (`1. ### Using Command Prompt`, `* ## Fix 2`): found with one
# search before the body is parsed for them
_ITEM_HEADING_LINE = re.compile(r"^[ \t]{0,3}(?:\d{1,9}[.)]|[*+-])[ \t]+#{1,6}[ \t]", re.M)
_ITEM_MARKER = re.compile(rb"[ \t]{0,3}(?:(\d{1,9})[.)]|[*+-])[ \t]+")
_ATX_OPENING = re.compile(rb"#{1,6}(?:[ \t]+|(?=[\r\n]))")


def _lift_item_headings(body: str) -> str | None:
    """The body with each heading that opens a list item lifted out of its list, its number kept at the
    heading's start (`1. ### Using Command Prompt` reads `### 1. Using Command Prompt`): a page whose list
    items are its ways, each headed, is a run of sections, not one list. A scrape that lost an item's
    indentation leaves the next way's heading nested in the previous way's steps (`   3. ### Using a Run
    Command` under `2. ### Using Windows PowerShell`'s `1. Open ...`): lifted, each heads its own way. Only
    when the heading is the item's first block and its marker opens the line. The item's other lines lose
    the indentation its marker gave them (`1.  ### Use Command Prompt` over lines indented four): kept, they
    would read as code once out of the list. None when there is none."""
    if _ITEM_HEADING_LINE.search(body) is None:
        return None
    raw = body.encode("utf-8")
    stack: list[list] = []  # [name, no child yet (an item), its start]
    lifts: list[tuple[int, int, int]] = []  # (item start, heading start, item end)
    for event, rng in pyromark.events_with_range(body, options=_PARSE_OPTIONS):
        if "Start" in event:
            tag = event["Start"]
            name = tag if isinstance(tag, str) else next(iter(tag))
            if stack and stack[-1][1]:
                if name == "Heading":
                    lifts.append((stack[-1][2], rng["start"], stack[-1][3]))
                stack[-1][1] = False
            stack.append([name, name == "Item", rng["start"], rng["end"]])
        elif "End" in event:
            if stack:
                stack.pop()
        elif stack:
            stack[-1][1] = False
    edits: dict[int, tuple[int, bytes]] = {}  # start -> (end, what replaces it)
    dedents: dict[int, int] = {}  # an item's line after its heading's -> the columns its marker indents it by
    for item, heading, end in lifts:
        marker = _ITEM_MARKER.fullmatch(raw, item, heading)
        hashes = _ATX_OPENING.match(raw, heading)
        if marker is None or hashes is None or (item and raw[item - 1:item] != b"\n"):
            continue  # (a marker after another on its line, `* 1. ### ...`, or an underlined heading: left as it is)
        number = marker.group(1) + b". " if marker.group(1) else b""
        edits[item] = (hashes.end(), raw[heading:hashes.end()] + number)
        line = raw.find(b"\n", heading, end)
        while line != -1 and line + 1 < end:  # (a later, nested item's lines take its own width)
            dedents[line + 1] = _columns(raw[item:heading])
            line = raw.find(b"\n", line + 1, end)
    if not edits:
        return None
    for start, width in dedents.items():
        if start not in edits:
            edits[start] = (start + _indent_within(raw, start, width), b"")
    out, pos = [], 0
    for start in sorted(edits):
        end, text = edits[start]
        out += [raw[pos:start], text]
        pos = end
    out.append(raw[pos:])
    return b"".join(out).decode("utf-8")


def _columns(opening: bytes) -> int:
    """The columns a line's opening spans, a tab to the next stop of four."""
    column = 0
    for byte in opening:
        column = column + 4 - column % 4 if byte == 9 else column + 1
    return column


def _indent_within(raw: bytes, start: int, width: int) -> int:
    """How many bytes from `start` are the line's indentation up to `width` columns (a tab to the next stop
    of four)."""
    column = k = 0
    while column < width and start + k < len(raw) and raw[start + k] in b" \t":
        column = _columns(raw[start:start + k + 1])
        k += 1
    return k
