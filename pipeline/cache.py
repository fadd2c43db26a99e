"""Per-article cache under the output folder: an accelerator for rebuilds, never a source of truth.

What is cached is what costs time per file and depends only on the file's bytes:
each path's stat signature (size, mtime, ctime and inode) and sha256 (a file whose
signature is unchanged is not even read again; see `unchanged`),
ingest + clean results keyed by the file's sha256, cleaned bodies keyed by their own
sha256, structure + MinHash signature keyed by (title, body), look-alike verdicts keyed by
the two bodies judged, and each entry keyed by what it is made of (consolidate.cluster_key:
its groups' bodies and titles, its members' paths and file hashes), so that a rebuild after
a few new articles merges again only the clusters they join. Everything is keyed further by
the pipeline version, the rules' digest and the options, so a cache from another version or
rule set is ignored as a whole. A cache that does not parse, or a record of the wrong shape
or whose body does not match its hash, is ignored with a note; the build then recomputes,
so deleting the cache or building with --no-cache gives the same kb.json.

Layout: `index` holds the file table and names the packs in a JSON head, then the look-alike
verdicts and the kept candidates a line each ("verdicts {...}", "near {...}", parsed when
clustering asks for them), then a line per article record ("<file sha256> <record's JSON>",
read from the file and parsed only when asked for: a rebuild holds none of them, as a full
build holds only what it put); a
pack (`pack-*`) holds bodies ("b"), structures ("s"), signatures ("m"), entries ("e") and
the other per-body or per-entry results below (chrome units and verdicts, kind scores, the
finished entries found with nothing to scrub: "x", entries' word counts "t" and chosen
titles "h", chrome verdicts by the build's bodies "v", the learnt products a body names "n", entries' title candidates "p", what stripping finds
in a body alone "q", a body's last stripping with the repeated lines it asked about "r"), one record a line. A build appends what it computes to a new pack as it goes and rewrites
only the index, so neither a rebuild after a few new articles nor a first build of 100k
articles serialises the whole cache at once; a pack whose bytes are mostly in records no
longer used is compacted into the new one. Bodies, structures, signatures and entries are only located when
a pack is opened, and read when a build needs them. Every body's chrome units are kept in one more file, `units`
(a build that learns the chrome reads them all: one file, not a record each in the packs), a JSON head
(`{"key": ...}`) then a line per body ("<units key> <record's JSON>"), located when first asked for and each
read when its body's units are.

Every byte is checked before it is used: the index starts with the sha256 of the rest of
it, a body's line is keyed by the sha256 of the body, the other lines carry the sha256 of
their record (checked when the pack is opened, and again when the record is read). Damage
anywhere costs the work of recomputing, never a different kb.json: a record found damaged
after the build has gone past recomputing it makes the build start over without the cache.

Only regular files are opened (not through a symlink, never waiting on a FIFO), and never
read past the size they had when opened; anything else under a cache name is ignored with
a note, and a `.cache` that is not a folder is replaced.

Trust: the cache sits in the output folder and is trusted as much as kb.json itself (whoever
can write one can write the other); the checks above catch corruption, not forgery.
"""
from __future__ import annotations

import hashlib
import itertools
import os
import re
import stat
import time
from pathlib import Path

import numpy as np
import orjson

from .boilerplate import repacked
from .kinds import KINDS
from .model import Merged, Section, Step, Structure
from .write import write_atomic

# 8: bodies' line keys ("u"), chrome verdicts ("c"), entries' own kind scores ("k"); 9: clean
# entries ("x"), entries' word counts ("t"), titles ("h"), chrome verdicts by all bodies ("v");
# 10: verdicts keyed in the canonical order of the pair, each body's kept candidates ("near");
# 11: a body's structure keyed by the learnt products it names ("n"), not by all of them;
# 12: structures read with parts nested by their numbering and run-on labels; 13: a nested bold
# line keeps level 7; 14: steps' typed commands (code, the object of "type", a line after a
# colon), held-down shortcuts, product names a scrape ran into the word before; 15: entries'
# title candidates as titles.TitleChooser.prepared reads them ("p"); 16: bodies' line keys ("u")
# hold the shapes of notes, the credits' sites and contents lead-ins; 17: structures read with
# headings numbered by a spaced number (`1  Ensure ...`), a last sibling that gives a procedure,
# "How to" parts told in ways of their own, sentences that end inside their quote marks; 18: title candidates ("p")
# hold the headings of a how-to's list of sections ("loose") and titles with a garbled token put back;
# 19: title candidates keep the titles' parts that say more than a site's tail, without their "by <site>";
# 20: titles ("h") chosen to name the name the text repeats (titles.TitleChooser.main_name);
# 21: bodies' line keys ("u") hold the names alone under pictures and the fixed words of templated
# labels (boilerplate._name_key, _affixes);
# 22: a pitch inside a procedure's labelled step ends at the next bare step label;
# 23: articles' records keep the names their raw links sell ("linked"), evidence for the learnt
# products and each body's own; 24: chrome verdicts drop a block a body says twice (boilerplate._echo_blocks);
# 25: title candidates: the opening heading naming the repeated name unhalved, a text's only heading;
# 26: sentences end after the quote mark that closes them everywhere (text.SENTENCE_END: cleaned
# bodies' lead-ins and outros, structures' sections and pitches);
# 27: title candidates ("p") and titles ("h"): headings without [title_spin]'s spin, titles without a short
# aside naming the site, composed spans ending at a relative "that", outside quotation marks; no heading
# that is a label several entries' headings are with a name ("PNY CS3150 Specifications");
# 28: a bold word its sentence goes on from is no part opener of a pitch; a shop word only inside a
# link's slug is no shop, a name linked with its edition or maker's prefix is sold as the address spells it
# (records' "linked");
# 29: cleaned bodies keep sign-offs that name the subject and a space where an unlinked link's text
# touched a word, lose credits labelled so and monthly-price and "Visit Site" buttons; chrome verdicts drop
# tables of contents worded as the headings, sign-up boxes over a notice, names under two pictures,
# labelled credits, cross-links to another page's anchor;
# 30: structures read with steps among steps by a verb's shape, a first sibling that gives a procedure, and
# the sections headed by what goes wrong on a page about a problem; no "..., let's begin." opening a procedure;
# 31: a bold alternative's word its sentence goes on from ("**Alternatively** you can ...") opens a part of a
# pitch; a linked name is sold shortened only to a name's shape (records' "linked": not "[Windows Pro]" as "Windows");
# 32: title candidates ("p") and titles ("h"): an apostrophe before a number ('24) opens no quotation cut
# short; a heading with a label several entries' headings are is no candidate only when the rest is a name;
# 33: an action that ends its sentence ("Then restart") is one again; a preposition, conjunction or
# determiner opening a heading is no verb's shape; a re-split parse reads its own opening heading;
# 34: chrome verdicts read each notice seed's gap bounded, keep an article's last picture (and its caption)
# over a notice unless the box goes on over it and end the opening block at any longer prose line; cleaned
# bodies read a sign-off's subject without the blocks popped and put no space by an unlinked link in CJK
# and keep a lone "Visit Site" link unless it goes to a shop or sits beside other buttons
# 35: title candidates ("p") and titles ("h"): a title loses the participle its "by <site>" hangs on, and a
# composed title the space a scrape left before its end mark;
# 36: a list linking each item to the page's anchors under a heading that is no step is contents; a
# count of sections mostly steps is all steps; "How to prevent/avoid" names fixes; "Let’s ..." is no step;
# a section the contents links name is a step;
# 37: chrome verdicts drop a label said twice in a row on its own (a button or credit laid out twice) and a
# credit's shape whose site is under two pictures of the page; cleaned bodies lose monthly-price buttons;
# 38: a contents list links every item and is its section's content; a section it names matches by
# fragment or words and acts;
# 39: title candidates ("p") and titles ("h"): only a participle of [title_choice] site_participles goes with a
# "by <site>" (not "Speed", "Feed", "Need"); [title_spin] leaving one word of two or more keeps the title, and a
# year ending in 0 keeps its "'S" (a decade)
# 40: chrome keeps a twin with no link or credit shape and captions no credit; cleaned bodies keep a bare monthly price
# 41: cleaned bodies unlink affiliate URLs whose parts are percent-encoded (aff%5Fclick%5Fid); chrome verdicts drop
# a proper name under one picture that the page names elsewhere, keep a label of common words under two, and drop
# a thread of comments (its opener to its last link, the same "Reply" button under each comment);
# 42: title candidates ("p") and titles ("h"): a short part of a title naming the site counts nothing, as spin;
# a heading of a shared label and a name gives the name as a candidate, one opening with a generic label its rest;
# 43: structures read a check asked as a question beside steps as one, instructions and headings without images'
# alt text, a numbered question over no action as no step, a procedure beside a part over its ways as a way,
# and a numbered list of fixes with nested sub-steps as one step per fix, named by its label, with them as instructions;
# 44: kind text features ("k"): a sentence counts once, its links aside (a listicle's store button under each app);
# 45: title candidates and titles: only a title's last " | ", " - " part names the site; a call to action is spin only closing
# a title; a shared label opening a heading unjoined is the name's; a generic label naming a part ("Fix:") stays;
# 46: chrome drops a thread of comments only with a thread's evidence and no content among it, to its last button
# and cleaned bodies read only `%5F` as `_` in affiliate URL parts (a value's %3F/%26/%3D stay), `?aff_sub2=` a part;
# a name under one picture over a label's line ("Price: ...") stays, and a web address's words are no common words;
# 47: structures keep an image's alt text between words or when it is all the text, cut no item's own count,
# read nested sub-steps of one-item lists, take no FAQ question nor unnamed numbered section as a step;
# 48: kind scores, text features ("k"): "Method N" headings, "[Solved]" titles, how-to share 0.2, link texts kept
# 49: cleaned bodies count a sponsor's note apart (removed "sponsor_note"); kind scores read it (kinds.own);
# 50: structures: siblings worded as steps, "How to" ways beside one, a numbered fix over its ways one step, pitch sub-steps;
# 51: chrome: a table whose rows partly stay stays whole, a body's trailing label headings go, credits keyed anew;
# 52: titles ("h"): a title astray (naming neither the main word nor its name) gives way to an intro span naming it, a
# heading naming the name sums the text up when nothing else says it, no composed span holds an address;
# 53: kind text features ("k"): "unanchored", a page quoting experts that tells no event is no news story;
# 54: structures: an action after a comma that lost its space, unlisted verbs after the last of a run of steps;
# 55: chrome: a shop tail needs a shop's evidence, trailing headings only repeated or a shop's, long labels keyed only over a name, whole tables with header;
# 56: titles ("h"): no title astray naming a repeated name or the code; no note/pitch/list item/other language stands in;
# 57: structures: a pitch keeps only the tool's labels after its colon, no "How to" way after a FAQ, a fix's list of other fixes an overview
# 59: structures: no closing heading in a verb tail, a comma before bold spaced, "Next, let’s <verb>" a step, a listicle item's led-in procedure kept;
# 60: kind text features ("k"): "unanchored" reads every news cue but attribution as an event, an inch mark is no quote,
# "year" (the newest year the page names: an event "in YEAR" is history only before the year before it)
# 61: structures: a "How to" part over one way only is that way; screenshot steps under an unlisted verb's heading; a page of
# no other steps: its sibling headings opening with a verb's word, each over an action; no article a verb;
# 62: chrome: a labelled credit in any case, "Photo credit:", names in a credit's shape ("Image: Jane Roe/ZDNET"); bodies'
# line keys ("u") hold a cross-link's label before a bare title ("**MORE:** **Best Gaming PCs**"), gone as the linked ones;
# a roundup's specs shared by its items ("Resolution: 3440 x 1440") are no widget said again nor an echo, and a list
# of three specs or more no repeated lines;
# 63: verdicts: a run of kana, kanji, Hangul or Thai is a word apart from a name glued to it (the swap check sees "WAV" in "WAVファイル");
# 64: chrome: an unlinked cross-link only after a cross-link label of the rules (cross_link_labels, line keys "u") in a
# cross-link's shape; a list of specs stays when one line is its own or it is under a picture; a credit of several names
# under a picture or naming an outlet, not among specs labelled otherwise;
# 65: chrome: a widget said again leaves the heading it ends on when content follows it ("#### Reasons to buy");
# 66: structures: an unlisted verb's heading needs the page's evidence that its first word is a verb; a text-less "How to"
# part's one sub-way is a way;
# 67: chrome: a widget said again keeps the heading it ends on only over text, not over a related link
# 68: titles: a name the text never says counts UNSAID_NAME times against a candidate (the build's capitalised words,
#     a model's shape: "R23"); prepared forms weigh such words
# 69: cleaned bodies: a paragraph that only asks for comments goes mid-body too; a sign-off names the subject by
# the words it shows, not by its links' addresses
# 70: chrome: a verb's word before "of" is no action ("End of dialog window."); a feedback widget's question (seeds)
# and the box under it, a price-at-shop button and a repeated lead-in the body ends on go from one page
# 71: cleaned bodies: mid-body, a comment request goes only when addressed to the site; chrome: a feedback box
# ends at a bold line, a picture or an action; a shop's button names its shop after "at", "bei", "chez" only
# 72: structures: a list of one item numbered 1 after a screenshot goes on with the count before it
# 73: structures: a page that gives no step otherwise gives the problems it counts (1, 2, 3, naming what goes wrong
#     past their label, under a title or lead naming fixes) as fixes when most advise doing something
# 74: structures: a counted problem whose heading or text names a price is a deal's item, no fix
# 75: steps read from counted problems are marked, kept only on a page of a step kind (read without them), titled
#     without their count's label; a price only in the heading; entries keep the mark until kinds are read
# 76: titles: a model-shaped word is said by the text's whole words only ("S24" not by "lasts 24 hours"); prepared forms
# 77: titles: a heading "Top 20 Paid Android Games ..." opening a body is a candidate; "Top 1: ..." labels an item
# 78: titles: a word over 40 characters is no model name (not looked for in the text); prepared forms
# 79: titles: a model-shaped word is said by the text with an ending stem takes off ("MacBooks" by "Mac Books"); prepared forms
# 80: titles: "Top 1 – ..." and "Top 1 — ..." label a list item as "Top 1: ..." does
# 81: chrome: a table of contents whose links name the page by its whole address goes (with its short label)
# 82: chrome: a list widget's "Show More Deals" button goes on one page; a repeated sentence in the site's voice with a link goes
# 83: chrome: a sign-up's consent in Chinese is a seed notice
# 84: structures: a page's problems read as its fixes by _remedy_runs are marked as counted ones are (kept only on a
#     page of a step kind, read without the site's labels); neither path reads the writer's "Let's look ..." as what to do
# 85: titles: the chosen title loses the spin inside it ([title_choice] spin_words) and a leading "1) "
# 86: titles: spin_words narrowed: an adverb only after to/can/you, a bare "Fixed" only against the group, never a preposition first
# 87: chrome: a footer the body ends with, its copyright line and the short lines over it, goes from one page
# 88: chrome: a closing section of the site's (its heading in many articles, its lines closing two or more) goes
# 89: chrome: a footer's walk up crosses only the site's repeated lines; a closing section only within the body's last 3
# 90: chrome: a picture whose target is in many distinct articles (a placeholder, a badge) goes, not a numbered step's screenshot
# 91: steps: an opening clause of purpose ("To ...,") may run to 120 characters before the action
# 92: titles: the body's opening heading saying the repeated name in the plural ("Notes Apps") is not halved
# 93: structure: a list of the page's own later headings, in order (or of its parts by number: "Part 1. ..."), is contents: no section text holds it
# 94: steps: a long purpose clause only before a verb and a lower-case action; titles: "news", "bios" are no plurals
# 95: titles: a weak title gives way to one that says the main term inside a hyphenated word ("3D-Holographic")
# 96: structure: a heading list whose item says more than the heading it names (or than the names matched) stays; bounded matching
# 97: clean: an unlinked link that cut a word in two (a lone letter on one side: "[O](...)ctober") leaves the word whole
# 98: chrome: a pull-quote goes, a one-line paragraph a longer paragraph of the body says word for word (boilerplate._pull_quotes)
# 99: structure: a plain one-line "Conclusion" / "FAQ" label after a section's text, before a paragraph or list, heads its own section, closing the open ones
# 100: steps: a sub-step label alone on its line ("Step 1.") numbers the paragraph after it in instructions (two or more counting)
# 101: clean: a product card (minor heading, blurb, shop button) followed by a thematic break and prose goes as an inset, as one followed by prose does
# 102: summary: a picture's caption (one sentence right under it, half of its words in the alt text or file name) is no part of the intro
# 103: kinds: a body whose once_<kind> cues each fire exactly once (one pros-and-cons verdict) scores 2 for the kind (review)
# 104: titles: a chosen title's token a spinner garbled ("$62N", "2E23", "P2nC") as the text spells it; a "Title: " label left in front goes
# 105: summary: a caption never empties the summary; a caption of 5+ words says two thirds of them in the alt text (was half)
# 106: titles: a candidate's score is summed exactly (math.fsum): candidates of the same words in another order tie exactly
# 107: chrome: a related list of titles bold inside their links goes; a repeated label over a list of other articles' titles goes with it; a separator alone between chrome goes; a cross-link label ("SEE:") over another article's title goes on one page
# 108: steps: shortcuts said with plural "keys", as "Windows logo + R", or held down "then press" a key ("Ctrl + Alt + Up")
# 109: steps: a "How to ..." sibling right before or after a run of steps, its own text acting twice, is a step
# 110: clean: a product card that is the first thing under its heading stays over a thematic break (a buying guide's pick)
# 111: structure: a plain label line the build finds in many distinct bodies (boilerplate.labels: "What We Like") heads a part of its section; verdicts hold the labels
# 112: steps: no "How to ..." sibling before the first step is a step; keys held with an action between them and "then press" are no shortcut
# 113: titles: a title's first or last part of generic words only is spin however many entries wear it
# 114: titles: of candidates tied exactly, the one with fewer shouted words (all capitals, 4+ letters)
# 115: steps: a heading numbered by a step's word may end its number with a comma ("Step 1, make sure ...")
# 116: chrome: a one-page labelled cross-link goes only into a domain two other lines of the page link to (not a vendor's page)
# 117: chrome: a credit of two or three names right under a picture goes when a part after the first is an outlet the build's credits name
# 118: structure: a template label over a list heads the list only; the paragraph after it is the section's again (a verdict after "Cons")
# 119: structure: contents lines written as paragraphs ("Solution 1:**Perform a power reset**"), each naming a later heading, give no text
# 120: titles: a version list loses the versions the text never names when it names no other; a hyphenated word says the main word
# 121: structure: only the second label of a pros/cons pair heads its list alone; a label over a fix's list heads the fix's text in order
# 122: steps: a way under a heading written as prose (no list) gives its 2 to 12 whole sentences that act as instructions
# 123: steps: a bold command typed in markdown reads with its backslash escapes undone (no doubled-backslash twin)
# 124: steps: no prose instructions when a sentence left out names what to click or one ends in ":"; a pointer to another page is no sub-step
# 125: titles: in a spun group of many titles, one naming what the text is most about wins over a title of another article that scores near it
# 126: chrome: a request for comments left last once the site's chrome after it went goes as the cleaner's outro would
# 127: steps: a part beside a part over steps, worded as it ("Part 3: ..."), whose one sub-section gives a procedure is one more way; "avoid", "opt out/in" head steps
# 128: chrome: a sign-up box's newsletter name and blurb go with its repeated heading; a maker's one word right under the page's one named picture is its credit
# 129: titles: the heading that opens the body before any of its prose competes as a published title does (no heading handicap)
# 130: a body's last chrome verdict with the line keys its stripping asked the build's repeated lines about ("r")
# 131: clean: the one product card that ends a body under its prose goes (a story's closing box), a list's last pick stays
# 132: chrome and clean: a sign-up box whose name the page says elsewhere, a card headed by a section label ("Final words") and a label word under a picture ("Conclusion") are the article's own
# 133: no chrome verdict kept by the body's own repeated keys ("c"): only its last, with every key its stripping asked ("r")
# 134: steps: a part that pitches a tool is no way beside a part over steps; an unnumbered sibling after numbered steps is one only when its text acts twice
# 135: chrome: a request for comments left last as chrome goes is read with the addressed requests only, and never a sentence telling a UI action
# 136: clean: at a body's true end a sentence telling a UI action ("... and click Publish.") is never a request for comments; a verb joined by a hyphen ("follow-up") tells none
# 137: steps: remedies, a last resort and a first-person fix name fixes; "head to" moves as "go to"; a fix heading closes a page's problems
# 138: clean and chrome: a credit through the outlet that sent the picture ("X/Bloomberg via Getty Images"); a one-line bar of links to titled articles of one site
# 139: chrome: a product box (picture, name, list) that ends a section under the article's text, over chrome that went
# 140: chrome: a sign-up box's lines in a script written without spaces measured three characters a word, its pictures with no alt text in it
# 141: steps: "Please <verb>" acts; "place", "put" after advice ("You can place ...") advise
# 142: steps: ways worded alike counted before a closing tip; a heading between two ways found alike is one more
# 143: structure: the summary holds no paragraph a step is read from (the intro ends at the first), nor, under a later heading, one a step holds; a fix section no step is read from may give it
# 144: kind scores ("k"): a price a title offers the page at ("... for Just $899!") names a deal ([page_kinds] title_deal)
# 145: titles: a Latin word's look-alike letters of another script and a stray caret put right, a token nothing attests and a trailing number dropped, a closing "Fixed"/"Resolved" and "[2020 Fixes]" go, the intro's quoted error message a candidate
# 146: steps: a last resort after a page's problems says what to do, not for the site; "head to" moves to a place only
# 147: chrome: an attribution line ("Source: [name](url)") is keyed by its link, not its label, and is no labelled credit away from a picture
# 148: chrome: a product box ending a section goes only with chrome that went inside it; a sign-up box's line of a script written without spaces holding a step's or instruction's mark is measured a word a character
# 149: steps: a sibling between two steps is one more when its text acts twice, or once under a heading that reads as a step
# 150: summary: only a step read from the intro's own section ends it
# 151: kind scores ("k"): a title's "for just $N" names a deal only beside a word of an offer, a shop or a month
# 152: structure: a heading opening a list item heads its own section; a part's label ("Part 2.") is past a heading's words;
#      one section's numbered paragraphs give way to the page's named ways beside it
# 153: steps: a gerund alone names a doing; a last resort right after the ways is one more
# 154: titles: an opening part that is a puff and no more goes from the chosen title ([title_choice] spin_words)
# 155: titles: a driver-download page's title names the driver ([title_choice] kind_nouns; the chooser reads the kind)
# 156: site chrome: buttons laid out twice each go (boilerplate._twin_buttons), a label over a card opening the body too
# 157: site chrome: a widget's controls said again further down one page go (boilerplate._control_block)
# 158: titles: a body's leading heading with no prose before it is a title candidate, not a list's item
# 159: products: a name a page links alone and as its product card's head to one redirect is sold there (Products._carded)
# 160: steps: a sentence that only names the ways to choose from ("Whether you choose ...") gives no manual way
# 161: titles: a puff opening part stays where its words are the text's main words or the rest names none of them
# 162: site chrome: twin buttons lose only their later copies, with a widget's evidence; a label over a list
#      and a block at a section's boundary are no widget's controls (boilerplate._twin_buttons, _control_block)
# 163: structure: a heading lifted out of a list item takes the item's lines without the marker's indent
# 164: steps: a gerund alone is a step only on a page that already reads as ways
# 165: products: 159 undone (a shop's name linked alone and as a card's head was taken for a tool the page sells)
# 166: steps: a choice word opening a sentence whose clause says what to do ("..., open Device Manager") is a manual way
# 167: site chrome: a breadcrumb of links opening the body and its header labels, a byline with a real date and an author
#      or views, a sign-up form's button and CJK lines over its notice (boilerplate._breadcrumbs, _byline, _box_over)
# 168: site chrome narrowed (review32c): a byline's bare name needs its portrait and a count of thousands, an author's
#      mark a person's name; a breadcrumb's links one host's pages each under the last, an unwrapped one only its
#      "Back to" line with it; a sign-up box needs a field and a button, and stays on a page about signing up
# 169: site chrome narrowed (review32d): a byline needs a count with a views word and no article text over it; a
#      linked breadcrumb takes only pictures, "Back to" labels and link bars between it and the heading; no "Return
#      to" step; a page about signing up is one whose heading's task is it
# 170: a byline is a notice of its own (rules' bylines): the short lines over it (the page's title line, a subtitle)
#      are no sign-up box's and stay
# 171: titles: a weak title without the main word and no span saying it: a title that says it within WEAK, under zero too
# 172: titles: a one-word heading opening the body before its prose, its word the main one, is a candidate ("What is BIOS")
# 173: titles: the one-word heading only where the titles fail and the page is no how-to; the near title only a plain one
# 174: titles: the one-word heading only where two in three of the other headings say its word (an explainer)
# 175: titles: the heading opening the body is no title for saying a name the text also writes after "to" with its
#      first word in lower case: a verb and its object its headings capitalise (`lowered`)
# 176: titles: the near title under zero (171, 173) reverted: no build of either corpus reached it
# 177: titles: the one-word heading never on a deal, review, news or product page, nor over a one-line definition
# 178: titles: a name after a verb taking "to" as a preposition ("switch to dark mode") is still a name (`lowered`)
# 179: steps (steps33): a step of a sequence ("Step 1: ...", "Step 2" next) listing its own ways counted anew by
#      another word ("Method 1: ...") is that step, not a table of contents over them
# 180: steps (steps33): paragraphs led by labels numbering ways ("**Option 1 – Manually –** ...") that later
#      headings number again ("### Option 1: ...") preview those ways: no steps
# 181: steps (steps33, review33s): a lead previews a way only when a heading beside it, under its section, restates
#      its word, number and a word of its label, and it tells no procedure
# 182: steps (steps33, review33s): a step's sub-sections are its own ways only when counted by a way word (rules
#      [step_shapes] way_words: "Method 1"), never a remedy's ("Fix 1" under "Step 1" stays a step)
# 183: steps (steps33, review33s2): no step's sub-sections are its ways when a step of its sequence, or a
#      sub-section of one, names a remedy ("Step 2: Try the advanced fixes"); a last "Step 3" after "Step 2" may have them
# 184: titles (titles34): one section of several after the intro is no candidate over the page's only published title
#      when that title says the word the text is most about (`sections_among`); a heading of names only still is
# 185: titles (mend34t): a section that says a word the text is about beside its main term that no title says, or whose
#      sub-sections hold the steps of two or more, still competes; the sections are matched cleaned as the headings are
# 186: the index holds the article records as lines after its JSON head, kept as their bytes until asked for
# 187: chrome: a breadcrumb proven by its links when the cleaner unwrapped them (articles' records "lost": the lines
#      that lost their links, "host<TAB>n<TAB>text", n the lines of its text over it, required), under the page's
#      heading, its home first, with the byline and the site's short labels right over the heading
# 188: steps (steps34): a step whose sub-steps run in lists under labels naming cases alike gives them as its ways
# 189: steps (mend34s): ways only where the step says it is a choice (way words, choice cues, one kind's
#      alternatives), never when it says both; `instructions` keep every sub-step of a step with ways
# 190: steps (mend34s2): ways only under labels numbered by a way word ("Method 1", "Option 2"); no choice cues,
#      no listed kinds (Chrome then Firefox, Windows 7 then Windows 10 are parts done in turn)
# 191: boilerplate: a line opening with a step's label ("Step 1.", rules [promotional] sequence_labels) is content,
#      however many distinct articles repeat it
# 192: chrome (chrome35): a contents label and a back label of an unwrapped breadcrumb's header, an author
#      whose link was unwrapped over a date and a count of thousands, more buttons in other languages
# 193: chrome (mend35c): other languages' contents labels only in a proven header (not structure's), their back
#      labels only when they lost a link into the crumb's host, a count of reviews only when it was a badge's link
# 194: chrome (review35c2): other languages' more buttons only alone on their line; a contents label over a list
#      under an unwrapped breadcrumb stays for the structure stage
# 195: chrome (chrome36): the site's closing section also under its blurb's wording alone, and before the site's
#      widgets that keep an article's note under them; a shop widget's names left between its lines that went,
#      at the body's end and inside it
# 196: chrome (mend36c): a shop widget's names left between its lines that went only with its marks around each
#      product, counted between the lines left; the rarer closing heading only over the site's blurb linking to
#      its home page
# 197: chrome (mend36c2): a shop widget's lines that went count no picture's credit, and its mark comes from
#      the gaps between its products alone; a rarer closing heading no longer goes by its blurb's home link
# 198: steps (steps37): numbered procedures in two or more sibling ways are those ways' sub-steps; a heading
#      naming a way ("... the Easy Way", "... Method to Check ...") over advice names a procedure
# 199: steps (steps37): `Step 1:` alone on its line numbers the paragraph after it in a section's own procedure
# 200: steps (mend37s): a way word's heading is a step only on a page whose title says how to do the task it
#      names; only the ways that hold the numbered procedures are their ways (also after the step-number split)
# 201: chrome (chrome37): a closing section that links into the page or names the article's code is the
#      article's own, however many distinct bodies repeat it (spun near-copies' conclusions)
# 202: chrome (chrome37): a shop widget's longer label that opens with the shop's word ("Deal ends  Sun, Aug 11,
#      2024") no longer stops the walk up the widget the body ends with
# 203: chrome (chrome37): the site's blurb about itself whose link the cleaner unwrapped goes as the linked one
#      does (its words found linked in min_families families: a key of their own)
# 204: chrome (mend37c): a longer label with the shop's word joins the walk up a shop widget only where its own
#      lines went between (a price or deal's word in each gap); a closing section's code is code-shaped and a
#      template's anchors ("#comments", "#top") are no page's own
# 205: chrome (review37c2): a longer line with the shop's word ends the walk up a shop widget again (202/204's
#      walk took a deal post's own items where each item's "[View Deal]" went between them)
# 206: chrome (review37c2): an in-page link keeps a closing section as the article's only when it leads to a part
#      of the page (its text opens a heading above it, or its anchor is a heading's slug), not to any anchor
# 207: chrome (chrome38): a code a closing section names keeps it as the article's only where no two families end
#      with it unnamed above (line_keys' code keys); 208: an unlinked list of cross-links in capitals goes
# 209: titles (titles38): a puff opening part of "Mastering", "Secure", "Protect", "Transforming", "Beyond" ... goes
#      too ([title_choice] spin_words), before a title of four words or more
# 210: steps38: a name heading a product's box (a "Free Download"/"Buy Now" button to a shop after it) is sold;
#      counted problem headings in the lead's own words are fixes; a contents line a little shorter than its
#      heading is no step
# 211: mend38 (review38): a product's box is a software tool's only under a download or trial button to a checkout
#      (not a deal's "Buy Now" to a shop, nor a free app's store page); counted problems named in the lead's words
#      are no longer fixes (a "Best X" listicle gave them); a bold line a heading's words hold is a contents line only
#      after another one
# 212: steps38b: a manual way named only to be advised against ([promotional] declines) is none; a way headed by a
#      learnt tool stays a step, flagged promotional
# 213: titles (mend38t): a puff verb's opening part stays where it names a thing the text writes as a name (twice),
#      the rest not ("Mastering Telegram: How to Sort Chats ...", "Elevating NVMe Drive Efficiency: ...")
# 214: steps (steps39): a checkout's link sells the name its sentence writes and its address spells (Revo Uninstaller),
#      a tool its tutorial's title names is its subject; titles (titles39): a composed title runs over a list's commas
# 215: chrome (chrome39): a cross-link label over a title linked in two families or more ("* More:Best PC cases"), a
#      filter widget's controls (one picture after each of three labels or more, a shop's word among them), a related
#      list whose items end in full stops, a lead-in whose lines all went, a shop's "[See at Vivint](vivint.com)"
# 216: mend39 (review39): a checkout link sells its sentence's name only on a page whose links go there 3 times or more;
#      bold verbs are no list of labelled cases; a title's "with X" is the page's means, not its subject; a pointer
#      with a pitch phrase pitches; a price-less shop button is a button word's, to no vendor's help page; a vendor's
#      help pages cited with full stops are no related list
# 217: titles (titles40): a price or share the copies' titles disagree on is settled by what the text writes
#      ("$100 Off" where the text says $200 loses to a copy that keeps $200)
# 218: steps (steps40): a tool's own procedure under a sub-heading right after its pitch stays in the pitch; a box
#      name opened by an edition's word ("Free Video Converter") or joined by "for" ("FoneLab for Android") sells
# 219: chrome (chrome40): an unwrapped cross-link that closes two of a page's sections or more under one label; a bar
#      of shops' buttons on one line, "[Buy on Amazon](…)" and an unwrapped "See at LG" line, from one page
# 220: mend40 (review40): a sub-heading's part after a pitch is the tool's only when it starts what was offered with
#      both verbs ("install and launch this") and names no manual way; no button's word before a box name's "for";
#      an unwrapped "See at X" line only on a page with shops' buttons; a title's bound ("Under $100") no figure;
#      a price's currency after its number ("119,99 €", "30 USD") read as a figure too
FORMAT = 221
INDEX = "index"
UNITS = "units"  # every body's chrome units in one file (ArticleCache.units)
OLD_FILES = ("articles.json",)  # the earlier format's single file, removed on save
TABLES = ("files",)  # the index's JSON head's table
# the earlier build's tables that clustering reads (`earlier_tables`): a line each after the head, in this order
# ("verdicts {...}"), then the article records, one a line
LINES = ("verdicts", "near")
_ARTICLE_LINE = re.compile(rb"([0-9a-f]{64}) ")
_UNITS_LINE = re.compile(rb"([0-9a-f]{32}) ")
VERDICTS = frozenset({"same", "different-text", "look-alike"})
_BODY_LINE = re.compile(rb"b ([0-9a-f]{64}) ")
_CHECKED_LINE = re.compile(rb"([smeukxthvnpqr]) ([0-9a-f]{32}) ([0-9a-f]{64}) ")
_PACK_NAME = re.compile(r"pack-[0-9a-f]{16}\Z")
_HEX_KEYS = re.compile(r"(?:[0-9a-f]{16})*")  # a body's line keys, 8 bytes each
RECORD_KINDS = "bsmeukxthvnpqr"  # a body's line, then the checksummed lines' kinds (_CHECKED_LINE)
# A record's location in ArticleCache._at, one int: offset << _AT_SHIFT | bytes of its line (0: written by
# this build) << _PACK_BITS | the pack's number (ArticleCache._packs)
_PACK_BITS, _SIZE_BITS = 20, 32
_PACK_MASK = (1 << _PACK_BITS) - 1
_AT_SHIFT = _PACK_BITS + _SIZE_BITS
COMPACT_BELOW = 0.5  # a pack with less than this share of its bytes in use is compacted
# A file modified or changed this close to a build's start (or after it) is not given a
# stat signature: it could change again within the file system's timestamp granularity and
# keep its signature ("racily clean", as git says). It is hashed again next build.
RACY_NS = 2 * 10**9


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def checksum(payload: bytes) -> bytes:
    """The checksum the index and the structure records carry: sha256, hex, as bytes."""
    return hashlib.sha256(payload).hexdigest().encode("ascii")


def write_record(path: Path, value) -> None:
    """`value` as JSON under its checksum's line, replaced atomically, not made durable (a record
    kept beside the cache: the last build's, the shrink guard's); `read_record` reads it back."""
    payload = orjson.dumps(value)
    write_atomic(path, (checksum(payload), b"\n", payload), durable=False)


def read_record(path: Path):
    """What `write_record` kept at `path`, None when its checksum does not hold (OSError and
    ValueError go to the caller)."""
    digest, _, payload = read_regular(path).partition(b"\n")
    return orjson.loads(payload) if checksum(payload) == digest else None


def record_for(path: Path, file: Path):
    """The record `write_record` kept at `path` for `file` (under "kb", the file's sha256),
    None when it is damaged or was kept for other bytes (OSError and ValueError go to the
    caller): the shrink guard's and the report's, each kept for the kb.json the build wrote."""
    rec = read_record(path)
    return rec if isinstance(rec, dict) and rec.get("kb") == file_sha256(file) else None


def file_sha256(path: Path) -> str:
    """The file's sha256, hex, streamed (never held: kb.json is 70 MB at 30k articles)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


KEY_LEN = 32


def structure_key(title: str, head: str, rest_sha: str) -> str:
    """What a body's structure (and the look-alike checks on it) depend on: the article's
    title and its body, given as an article record keeps it (first line, and the sha256 of
    the rest), so that a rebuild finds the structure without reading the body."""
    return sha(f"{title}\0{head}\0{rest_sha}")[:KEY_LEN]


class ArticleCache:
    def __init__(self, folder: Path | None, key: str, scratch: bool = False):
        self.folder = folder
        self.key = key
        self.scratch = scratch  # a build's scratch space only: bodies and structures are kept, nothing else, never saved
        self.files: dict[str, list] = {}  # relative path -> [*its stat signature, file sha256]
        self.started = time.time_ns()
        # file sha256 -> where its ingest+clean record's JSON is, parsed when asked for
        # (`article`): offset << 32 | length in the index file (`_index_file`, read again there),
        # or the complement of that in `_put` (the records this build put, one after the other).
        # At 30k articles the records parsed were 79 MB of objects for 31 MB of index, and the
        # lines held as read 17.7 MB from the cache's opening on (a full build's `_put` grows as
        # it goes); a record of its own each, its JSON's bytes, took 4 times the bytes they hold
        # (small blocks kept among the freed texts of the files read, which the heap cannot reuse).
        self.articles: dict[str, int] = {}
        self._index_file = None  # the index read at `open`, kept open (its article lines and LINES read again)
        self._closed = False  # (`save` after `close` would write an index without the earlier records)
        self._put = bytearray()
        # (kind, key) -> (pack, offset of its line, bytes of the line if read from an earlier
        # build's pack, else 0): bodies ("b"), structures ("s") and entries ("e") are read when
        # needed, not held (at 100k articles the bodies' whitespace variants are 400 MB and a
        # build needs a fifth; a rebuild after a few new articles needs the structures and
        # entries of the clusters they join, no others). One table: at 30k articles a second
        # one for the records' origins was 13 MB. A table per kind, keyed by the record's key
        # (a record this build wrote shares its caller's string), its location one int (`_loc`):
        # keyed by (kind, key) to (pack, offset, bytes), each location was two tuples and two
        # ints more (~140 bytes; a 30k rebuild reads 60k of them before its files are read).
        self._at: dict[str, dict[str, int]] = {kind: {} for kind in RECORD_KINDS}
        self._packs: list[str] = []  # the packs' names, numbered as the locations name them (`_pack_no`)
        self._pack_nos: dict[str, int] = {}
        # (kind, key) -> (pack read from, bytes) of a record read, then written again by this build
        self._replaced: dict[tuple[str, str], tuple[str, int]] = {}
        # An earlier build's MinHash signatures ("m" lines, hex) are read from their packs when
        # asked (`signature`): held as read, a 30k rebuild carried 15 MB of them into clustering,
        # which a full build never holds (its groups hold their signatures, as a rebuild's do).
        self._unsigned: set[str] = set()  # structure keys whose record was found damaged (`_forget`)
        self._clustered = False  # no signature of an earlier build is asked for after clustering
        # this build's tables (`keep_verdicts`, `keep_near`), written to the index's LINES; the
        # earlier build's are read from its index when clustering asks (`earlier_tables`): parsed
        # at the opening, a 30k rebuild carried 8.8 MB of their JSON as objects through the
        # reading of the files and the chrome's learning, where a full build has none
        self.verdicts: dict[str, str] = {}  # two groups' structure keys -> same_problem verdict
        self.near: dict[str, str] = {}  # a group's structure key -> its kept candidates' keys, concatenated
        self._lines: dict[str, int] = {}  # LINES name -> `_span` of its JSON in the index file
        self.notes: list[str] = []
        self.used = {"files": set(), "articles": set(), "bodies": set(), "structures": set(), "verdicts": set(), "near": set(),
                     "entries": set(), "units": set(), "kinds": set(), "scrubbed": set(),
                     "words": set(), "titles": set(), "verdicts by build": set(), "named": set(), "prepared": set(),
                     "marks": set(), "stripped": set()}
        # pack -> bytes of the records read from it (in bytes, not records: an entry can
        # weigh as much as a thousand bodies, and a rebuild leaves the old one unused)
        self._pack_bytes: dict[str, int] = {}
        self._new: tuple[str, object] | None = None  # (name, open file) of this build's pack
        self._new_end = 0  # its size so far (counted here: tell() is a system call per record)
        self._readers: dict[str, object] = {}  # pack -> open file, for reading bodies
        self._written_packs: list[str] = []  # this build's pack, once closed
        self._unread: list[str] = []  # packs the index names, not yet read (`read_packs`)
        # The UNITS file's records, located when first asked (`_units_index`): units key -> where
        # its JSON is in the file (`_span`), read from `_units_file` (kept open: the save that
        # replaces the file copies them from it). Parsed whole, a 30k build held 15 MB of JSON as
        # ~20 MB of objects to its end (a full build as many: what it put was kept for the save).
        self._units_at: dict[str, int] | None = None
        self._units_file = None
        self._units_more: set[str] = set()  # keys whose units this build put or read from their record

    @classmethod
    def open(cls, folder: Path | None, key: str, read: bool = True) -> "ArticleCache":
        """The cache in `folder` (None: a disabled cache that never hits and never saves);
        its packs left unread unless `read` (`read_packs`)."""
        cache = cls(folder, key)
        if folder is None:
            return cache
        try:
            if _replace_non_folder(folder):
                cache.notes.append(f"cache {folder} was not a folder; replaced by a new cache")
                return cache
        except OSError as exc:
            cache.notes.append(f"cache {folder} is not a folder and cannot be replaced "
                               f"({exc.strerror or exc}); building without the cache")
            return cls(None, key)
        path = folder / INDEX
        fh = None
        try:
            fh, size = _open_regular(path)
            blob = fh.read(size)
            at = blob.find(b"\n") + 1
            if not at or checksum(memoryview(blob)[at:]) != blob[:at - 1]:
                raise ValueError("its content does not match its checksum")
            head = blob.find(b"\n", at)
            head = len(blob) if head < 0 else head
            data = orjson.loads(memoryview(blob)[at:head])
        except FileNotFoundError:
            return cache
        except (OSError, ValueError) as exc:
            if fh is not None:
                fh.close()
            cache.notes.append(f"cache {path} is unreadable ({exc}); ignored and rebuilt")
            return cache
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
            fh.close()
            cache.notes.append(f"cache {path} is from another pipeline version, rule set or options; rebuilt")
            return cache
        for name in TABLES:
            table = data.get(name)
            if isinstance(table, dict):
                setattr(cache, name, table)
            else:
                cache.notes.append(f"cache {path}: '{name}' is malformed; ignored")
        at = head + 1
        for name in LINES:  # (located only: parsed when clustering asks, `earlier_tables`)
            tag = b"%s " % name.encode("ascii")
            if blob.startswith(tag, at):
                end = blob.find(b"\n", at)
                end = len(blob) if end < 0 else end
                cache._lines[name] = _span(at + len(tag), end - at - len(tag))
                at = end + 1
            else:
                cache.notes.append(f"cache {path}: '{name}' is missing; ignored")
        # (the article lines are located, then read again from the file when asked for: not held)
        cache.articles, bad = _article_spans(blob, at)
        cache._index_file, blob = fh, None
        # each file's sha256 is its article record's key too: one string for both, not two (30k files: 3.4 MB)
        keys = {k: k for k in cache.articles}
        for rec in cache.files.values():
            if isinstance(rec, list) and rec and isinstance(rec[-1], str):
                rec[-1] = keys.get(rec[-1], rec[-1])
        keys = None
        if bad:
            cache.notes.append(f"cache {path}: {bad} malformed article record(s) ignored")
        packs = data.get("packs")
        if not (isinstance(packs, list) and all(isinstance(p, str) and _PACK_NAME.match(p) for p in packs)):
            cache.notes.append(f"cache {path}: 'packs' is malformed; bodies and structures recomputed")
            packs = []
        cache._unread = packs
        if read:
            cache.read_packs()
        return cache

    def earlier_tables(self) -> tuple[dict[str, str], dict[str, str]]:
        """The earlier build's look-alike verdicts and kept candidates, read from its index and
        parsed now (once, when clustering has every group: runner._then_tables): ({"<key><key>": "same", ...},
        {"<key>": "<key><key>...", ...}); a table that is missing or malformed is {}, with a note."""
        tables = []
        for name in LINES:
            at = self._lines.pop(name, None)
            table = {} if at is None else _loads(_pread(self._index_file, at))
            if at is not None and not _valid_table(name, table):
                self.notes.append(f"cache {self.folder / INDEX}: '{name}' is malformed; ignored")
                table = {}
            tables.append(table)
        return tables[0], tables[1]

    def read_packs(self) -> None:
        """Locate the records of the packs the index names (`open` can leave them unread: a
        build forks its workers first, which then do not hold this process's copy of them)."""
        for name in self._unread:
            self._read_pack(name)
        self._unread = []

    def _pack_no(self, name: str) -> int:
        """The number a location (`_loc`) gives pack `name`: the packs a build reads, then its own."""
        number = self._pack_nos.get(name)
        if number is None:
            number = self._pack_nos[name] = len(self._packs)
            self._packs.append(name)
        return number

    def _pack_at(self, where: int) -> str:
        """The name of the pack a location's line is in (`_loc`)."""
        return self._packs[where & _PACK_MASK]

    def _read_pack(self, name: str) -> None:
        """Checksummed records (structures, signatures, entries) are checked and located
        (read again and parsed when used); a body's line is only located (its text is checked
        against its hash when a build reads it)."""
        path = self.folder / name
        bad, size, pos = 0, 0, 0
        if len(self._packs) >= _PACK_MASK:  # (a number is left for this build's own)
            self.notes.append(f"cache pack {path} is one pack too many; what it held is recomputed")
            return
        number = self._pack_no(name)
        try:
            fh, end = _open_regular(path)
            with fh:
                while pos < end and (line := fh.readline(end - pos)):  # (no further than its size when opened)
                    at, pos = pos, pos + len(line)
                    if not line.endswith(b"\n") or len(line) >> _SIZE_BITS:
                        bad += 1
                        continue
                    m = _BODY_LINE.match(line)
                    if m:
                        kind, key = "b", m.group(1).decode("ascii")
                    else:
                        m = _CHECKED_LINE.match(line)
                        if not (m and checksum(line[m.end():-1]) == m.group(3)):
                            bad += 1
                            continue
                        kind, key = m.group(1).decode("ascii"), m.group(2).decode("ascii")
                    self._at[kind][key] = _loc(number, at, len(line))
                    size += len(line)
        except OSError as exc:
            self.notes.append(f"cache pack {path} is unreadable ({exc.strerror or exc}); what it held is recomputed")
            return
        self._pack_bytes[name] = size
        if bad:
            self.notes.append(f"cache pack {path}: {bad} damaged record(s) ignored")

    # --------------------------------------------------------------------- files
    def unchanged(self, relpath: str, sig: tuple[int, ...] | None) -> bool:
        """The file has the stat signature recorded when its bytes were hashed (size,
        mtime_ns, ctime_ns, inode: runner._stat_all), so its hash is known without reading
        it, as git's index does. An edit that keeps the size and puts the mtime back (touch
        -r, cp -p, tar, rsync -t) still changes the ctime, which no tool can set, and a
        copied or restored checkout has other inodes and ctimes: such files are hashed again."""
        rec = self.files.get(relpath)
        return (sig is not None and isinstance(rec, list) and len(rec) == len(sig) + 1 and rec[:-1] == list(sig)
                and isinstance(rec[-1], str) and rec[-1] in self.articles)

    def unchanged_files(self, paths, sigs: dict) -> dict[str, str]:
        """The files of `paths` that are `unchanged` (their signature in `sigs`), with their
        sha256: {"a/b.md": "9f86d0..."}. The earlier build's file table is let go then: nothing
        asks it again (each file of this build records its own: `put_file`), and a 30k rebuild
        carried it (10 MB parsed) through the reading of the files, where a full build has none."""
        hits = {p: self.files[p][-1] for p in paths if self.unchanged(p, sigs.get(p))}
        self.files = {}
        return hits

    def put_file(self, relpath: str, sig: tuple[int, ...] | None, file_sha: str) -> None:
        """Record the signature taken before the file was read (a change while it was read
        changes the ctime), unless the file changed just before the build (RACY_NS)."""
        if sig is not None and settled(sig, self.started) and not self.scratch:  # (a scratch cache is never saved)
            self.files[relpath] = [*sig, file_sha]
            self.used["files"].add(relpath)

    # ------------------------------------------------------------------ articles
    def article(self, file_sha: str) -> dict | None:
        at = self.articles.get(file_sha)
        if at is None:
            return None
        rec = _loads(self._article_json(at))
        if _valid_article(rec) and rec["body"] in self._at["b"]:
            self.used["articles"].add(file_sha)
            self.used["bodies"].add(rec["body"])
            return rec
        self.notes.append(f"cache record for a file with sha256 {file_sha[:12]} is malformed; recomputed")
        del self.articles[file_sha]
        return None

    def _article_json(self, at: int):
        """The JSON of the article record `articles` places at `at`: a `_span` of the index file,
        or the complement of one of `_put` (the records this build put)."""
        if at >= 0:
            return _pread(self._index_file, at)
        at = ~at
        return self._put[at >> 32:(at >> 32) + (at & 0xFFFFFFFF)]

    def put_article(self, file_sha: str, rec: dict, body: str, parts: tuple[str, str, str] | None = None) -> dict:
        """Spun copies differ in their first line (the title heading) only: the rest of the
        body is stored once, under its hash, and the record keeps the first line. `parts`:
        (first line, rest, sha256 of the rest) where the caller knows them."""
        head, rest, k = parts or (*_split_head(body), None)
        k = k or sha(rest)
        if k not in self._at["b"] and self.folder is not None:
            self._append("b", k, rest)
        self.used["bodies"].add(k)
        rec = dict(rec, head=head, body=k)
        if not self.scratch:  # (a scratch cache is never saved nor asked for articles: the record is the caller's)
            raw = orjson.dumps(rec)  # (the build does not change it: rec's values are its own)
            self.articles[file_sha] = ~_span(len(self._put), len(raw))
            self._put += raw
            self.used["articles"].add(file_sha)
        return rec

    def body(self, rec: dict) -> str | None:
        """The cleaned body of an article record, read from its pack (None if the stored
        text is missing or does not match its hash)."""
        text = self.rest(rec["body"])
        return None if text is None else rec["head"] + text

    def rest(self, k: str) -> str | None:
        """The rest of a body (after its first line) stored under its sha256 k, read from
        its pack and checked (None if missing or damaged)."""
        text = self._text(k)
        if text is None or sha(text) != k:
            self.notes.append(f"cached body {k[:12]} does not match its hash")
            self._forget("b", k)
            return None
        return text

    def put_text(self, text: str) -> str:
        """`text` stored as a body is, under its sha256, which is returned (read back with
        `rest`): a scratch store's, for what the build reads back once (chrome.SiteChrome)."""
        k = sha(text)
        if k not in self._at["b"]:
            self._append("b", k, text)
        return k

    def has(self, k: str) -> bool:
        """A rest of a body is stored under sha256 k (unchecked until read)."""
        return k in self._at["b"]

    def _text(self, k: str) -> str | None:
        """The text stored in body k's line (unchecked), or None."""
        line = self._line("b", k)
        text = _loads(line[67:]) if line and _BODY_LINE.match(line) else None
        return text if isinstance(text, str) else None

    def _line(self, kind: str, k: str) -> bytes | None:
        where = self._at[kind].get(k)
        if where is None:
            return None
        pack, at = self._pack_at(where), where >> _AT_SHIFT
        if self._new is not None and pack == self._new[0]:
            self._new[1].flush()
        try:
            fh = self._readers.get(pack) or self._readers.setdefault(pack, _open_regular(self.folder / pack)[0])
            fh.seek(at)
            return fh.readline()
        except OSError:
            return None

    def pack_of(self, kind: str, k: str) -> Path | None:
        """The pack file that holds record (kind, k), or None."""
        where = self._at[kind].get(k)
        return None if where is None or self.folder is None else self.folder / self._pack_at(where)

    def _checked(self, kind: str, k: str):
        """The parsed payload of a checksummed record (checked when its pack was opened,
        checked again now that it is read), or None."""
        return _loads(self._payload(kind, k))

    def _payload(self, kind: str, k: str) -> bytes | None:
        """The payload of checksummed record (kind, k) as its line holds it (a signature's hex,
        another record's JSON), if the line's checksum holds; else None."""
        line = self._line(kind, k)
        m = _CHECKED_LINE.match(line) if line else None
        if not (m and line.endswith(b"\n") and m.group(1) == kind.encode() and m.group(2) == k.encode()
                and checksum(line[m.end():-1]) == m.group(3)):
            return None
        return line[m.end():-1]

    def _forget(self, kind: str, k: str) -> None:
        self._at[kind].pop(k, None)
        self._replaced.pop((kind, k), None)
        if kind == "s":
            self._unsigned.add(k)

    # ---------------------------------------------------------------- structures
    def signature(self, k: str, sig_len: int) -> np.ndarray | None:
        """The MinHash signature (sig_len values) of the body with structure key k, when
        its structure is cached too; else None."""
        if k not in self._at["s"] or self._clustered:
            return None
        hexed = self._past_hex(k)
        if hexed is None:
            return None
        try:
            signature = np.frombuffer(bytes.fromhex(hexed.decode("ascii")), "<u8")
        except ValueError:
            signature = None
        if signature is None or signature.size != sig_len:
            self.notes.append("a cached signature is malformed; recomputed")
            self._forget("s", k)
            return None
        self.used["structures"].add(k)
        return signature

    def structure(self, k: str) -> Structure | None:
        """The Structure for structure_key(title, body) k, read from its pack, or None."""
        rec = self._checked("s", k)
        try:
            result = structure_from_dict(rec)
        except (TypeError, KeyError, ValueError, AttributeError):
            self.notes.append("a cached structure record is malformed; recomputed")
            self._forget("s", k)
            return None
        self.used["structures"].add(k)
        return result

    def put_structure(self, k: str, structure: Structure, signature: np.ndarray) -> bool:
        """Written to this build's pack at once, not kept: consolidation reads it back when it
        needs it (`structure`), and a later build (at 100k articles, keeping them was 300 MB).
        A scratch cache keeps the structure for this build only (no signature). False when
        there is nowhere to write it (a disabled cache): the caller keeps it."""
        if self.folder is None:
            return False
        self._append("s", k, structure_to_dict(structure))
        if not self.scratch:
            self._append("m", k, signature.astype("<u8").tobytes().hex().encode("ascii"))
            self.used["structures"].add(k)
        return True

    # ------------------------------------------------------------------- entries
    def entry(self, k: str) -> dict | None:
        """The entry consolidation made of the cluster with key k (consolidate.cluster_key)
        in an earlier build, or None."""
        rec = self._checked("e", k)
        if rec is None:
            return None
        if not (isinstance(rec, dict) and list(rec) == ENTRY_FIELDS and isinstance(rec["id"], str)):
            self.notes.append("a cached entry is malformed; recomputed")
            self._forget("e", k)
            return None
        self.used["entries"].add(k)
        return rec

    def put_entry(self, k: str, entry: dict) -> None:
        self._keep("e", "entries", k, entry)

    def kind_scores(self, k: str) -> dict | None:
        """The page-kind scores the entry with cluster key k has on its own text
        (kinds.KindClassifier.scores), from an earlier build, or None."""
        return self._valid("k", "kinds", k, lambda rec: isinstance(rec, dict) and all(
            isinstance(n, (int, float)) for n in rec.values()))

    def put_kind_scores(self, k: str, scores: dict) -> None:
        self._keep("k", "kinds", k, scores)

    def kind_text(self, k: str) -> dict | None:
        """What the page-kind scores read of an entry's text alone
        (kinds.KindClassifier.text_features), stored under k (a "k" record too), or None."""
        return self._valid("k", "kinds", k, lambda rec: isinstance(rec, dict) and list(rec) == _KIND_TEXT and (
            isinstance(rec["cues"], list) and len(rec["cues"]) == len(KINDS) and all(type(n) is int for n in rec["cues"])
            and all(isinstance(rec[x], list) and all(k in KINDS for k in rec[x]) for x in ("unspread", "unanchored"))
            and (rec["year"] is None or type(rec["year"]) is int)
            and all(type(rec[x]) is bool for x in ("many", "personal", "instructive"))))

    def put_kind_text(self, k: str, features: dict) -> None:
        self._keep("k", "kinds", k, features)

    def retain_kind_text(self, k: str) -> None:
        """The features stored under k are kept though this build did not read them (an
        entry whose own scores were known: its next title reads them)."""
        if k in self._at["k"]:
            self.used["kinds"].add(k)

    def scrubbed(self, k: str) -> bool:
        """Whether an earlier build found nothing executable (safety.scrub) in the entry
        whose write.digest is k."""
        return self._valid("x", "scrubbed", k, lambda rec: rec == 0) is not None

    def put_scrubbed(self, k: str) -> None:
        self._keep("x", "scrubbed", k, 0)

    def word_counts(self, k: str) -> dict | None:
        """The word counts (titles.TitleChooser) of the entry whose write.digest is k."""
        return self._valid("t", "words", k, lambda rec: isinstance(rec, dict) and all(
            type(n) is int for n in rec.values()))

    def put_word_counts(self, k: str, counts: dict) -> None:
        self._keep("t", "words", k, counts)

    def names(self, k: str) -> list[str] | None:
        """The names titles.TitleChooser.main_name ranks in an entry, or the title it last
        polished and how ([title, polished]: TitleChooser.polished), stored under k (a "t"
        record too), or None."""
        return self._valid("t", "words", k, lambda rec: isinstance(rec, list) and all(isinstance(n, str) for n in rec))

    def put_names(self, k: str, names: list[str]) -> None:
        self._keep("t", "words", k, names)

    def retain_names(self, k: str) -> None:
        if k in self._at["t"]:
            self.used["words"].add(k)

    def title(self, k: str) -> str | None:
        """The title titles.TitleChooser chose under key k (its state and the entry)."""
        return self._valid("h", "titles", k, lambda rec: isinstance(rec, str))

    def put_title(self, k: str, title: str) -> None:
        self._keep("h", "titles", k, title)

    def prepared(self, k: str) -> dict | None:
        """An entry's title candidates as titles.TitleChooser.prepared reads them, stored under k."""
        return self._valid("p", "prepared", k, _valid_prepared)

    def put_prepared(self, k: str, prep: dict) -> None:
        self._keep("p", "prepared", k, prep)

    def retain_prepared(self, k: str | None) -> None:
        """The title candidates stored under k are kept though this build did not read them."""
        if k in self._at["p"]:
            self.used["prepared"].add(k)

    # --------------------------------------------------------------- site chrome
    def units(self, k: str) -> tuple[bytes, bytes, set[str], set[str], set[str]] | None:
        """What chrome.SiteChrome reads of a body, stored under k: its boilerplate line keys,
        those of its long lines (each `boilerplate.packed`: one run of 8-byte keys, sorted, each
        once), its network domains, linked domains and the names it sells
        (products.Products.sold_in); or None. Read from the UNITS file, which holds every
        body's of the last build that read them (a build learns over all its bodies: one
        file, not a record per body in the packs), else from the body's own record."""
        at = self._units_index().get(k)
        rec = None if at is None else _loads(_pread(self._units_file, at))
        if _valid_units(rec):
            self.used["units"].add(k)  # (its own record is kept too)
        else:
            self._units_at.pop(k, None)
            rec = self._valid("u", "units", k, _valid_units)
            if rec is None:
                return None
            self._units_more.add(k)
        keys, long = (repacked(bytes.fromhex(h)) for h in rec[:2])
        return keys, long, set(rec[2]), set(rec[3]), set(rec[4])

    def put_units(self, k: str, units: tuple) -> None:
        keys, long, nets, linked, sold = units
        rec = [keys.hex(), long.hex(), sorted(nets), sorted(linked), sorted(sold)]  # (keys, long: packed already)
        self._keep("u", "units", k, rec)
        if self.folder is not None and not self.scratch:
            self._units_index()
            self._units_more.add(k)  # (written to the UNITS file from its record: `_units_lines`)

    def _units_index(self) -> dict[str, int]:
        """Where each record of the UNITS file is (units key -> `_span` of its JSON in the
        file, checked when read: `units`), located once; {} when the file is missing, damaged
        or of another cache key. The file is read whole to check it, then let go: each
        record is read again when asked for (`_pread`)."""
        if self._units_at is None:
            self._units_at = {}
            if self.folder is not None and not self.scratch:
                try:
                    fh, size = _open_regular(self.folder / UNITS)
                except OSError:
                    return self._units_at
                try:
                    blob = fh.read(size)
                    at = blob.find(b"\n") + 1
                    head = blob.find(b"\n", at)
                    head = len(blob) if head < 0 else head
                    ok = at and checksum(memoryview(blob)[at:]) == blob[:at - 1]
                    data = orjson.loads(memoryview(blob)[at:head]) if ok else None
                except (OSError, ValueError):
                    data = None
                if isinstance(data, dict) and data.get("key") == self.key:
                    spans, _ = _article_spans(blob, head + 1, KEY_LEN)
                    self._units_at, self._units_file = spans, fh
                else:
                    fh.close()
        return self._units_at

    def _units_lines(self):
        """The UNITS file's pieces after its head: a line per body whose units this build used, in
        the order of their key ("\\n<key> <record's JSON>"): as the file read held it, else as its
        record in a pack does (what this build put, or read there)."""
        for k in sorted(self.used["units"]):
            at = self._units_at.get(k)
            raw = _pread(self._units_file, at) if at is not None else self._payload("u", k) if k in self._units_more else None
            if raw:
                yield b"\n%s " % k.encode("ascii")
                yield raw

    def build_chrome(self, k: str) -> list | None:
        """[chrome lines, network links, sha256 of the body left or None, the products the build
        learnt, the body's template labels] stored under k (chrome.SiteChrome.verdict)."""
        return self._valid("v", "verdicts by build", k, lambda rec: isinstance(rec, list) and len(rec) == 5 and all(
            type(n) is int for n in rec[:2]) and (rec[2] is None or isinstance(rec[2], str))
            and all(isinstance(part, list) and all(isinstance(n, str) for n in part) for part in rec[3:]))

    def put_build_chrome(self, k: str, verdict: list) -> None:
        self._keep("v", "verdicts by build", k, verdict)

    def named(self, k: str) -> list[str] | None:
        """The learnt products a body names (chrome.SiteChrome._named), stored under k."""
        return self._valid("n", "named", k, lambda rec: isinstance(rec, list) and all(isinstance(n, str) for n in rec))

    def put_named(self, k: str, names: list[str]) -> None:
        self._keep("n", "named", k, names)

    def marks(self, k: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
        """What stripping found in the body whose units are stored under k, the body alone
        (boilerplate.Boilerplate.strip_marked's marks), or None."""
        rec = self._valid("q", "marks", k, lambda rec: isinstance(rec, list) and len(rec) == 2 and all(
            isinstance(part, list) and all(type(u) is int and u >= 0 for u in part) for part in rec))
        return None if rec is None else (tuple(rec[0]), tuple(rec[1]))

    def put_marks(self, k: str, marks: tuple) -> None:
        self._keep("q", "marks", k, [list(part) for part in marks])

    def retain_marks(self, k: str) -> None:
        """The marks stored under k are kept though this build did not read them."""
        if k in self._at["q"]:
            self.used["marks"].add(k)

    def stripped(self, k: str) -> list | None:
        """The last chrome verdict of the body whose units are stored under k (a `chrome` record)
        with what it depends on besides the body: [its network domains, the keys its stripping
        asked the build's repeated lines about that they held and those they did not, the same
        of its template labels and the body's repeated keys, the verdict] (chrome.SiteChrome._unmoved),
        the keys as hex (`boilerplate.packed`), or None."""
        return self._valid("r", "stripped", k, lambda rec: isinstance(rec, list) and len(rec) == 6 and isinstance(
            rec[0], list) and all(isinstance(d, str) for d in rec[0]) and all(
            isinstance(x, str) and _HEX_KEYS.fullmatch(x) for x in rec[1:5]) and _valid_chrome(rec[5]))

    def put_stripped(self, k: str, rec: list) -> None:
        self._keep("r", "stripped", k, rec)

    def retain_stripped(self, k: str) -> None:
        """The last verdict stored under k is kept though this build did not read it."""
        if k in self._at["r"]:
            self.used["stripped"].add(k)

    def retain_units(self, k: str) -> None:
        """The units stored under k are kept though this build did not read them."""
        if k in self._at["u"]:
            self.used["units"].add(k)

    def _valid(self, kind: str, used: str, k: str, ok):
        """The record of `kind` stored under k if ok(record), else None."""
        rec = self._checked(kind, k)
        if not ok(rec):
            return None
        self.used[used].add(k)
        return rec

    def _keep(self, kind: str, used: str, k: str, value) -> None:
        """Written to this build's pack at once (never by a scratch cache)."""
        if self.folder is None or self.scratch:
            return
        self._append(kind, k, value)
        self.used[used].add(k)

    # ------------------------------------------------------------------ verdicts
    def keep_verdicts(self, verdicts: dict[str, str]) -> None:
        """The verdicts this build needed (Clusterer.clusters leaves only those)."""
        self.verdicts = verdicts
        self.used["verdicts"] = set(verdicts)

    def keep_near(self, near: dict[str, str]) -> None:
        """Each body's kept candidates in this build (Clusterer.clusters leaves only those)."""
        self.near = near
        self.used["near"] = set(near)

    def clustered(self) -> None:
        """Clustering is done: no signature is asked for again (`signature` gave the build's bodies',
        `past_signature` the gone ones')."""
        self._clustered = True

    def _past_hex(self, k: str) -> bytes | None:
        """The hex of the signature an earlier build's pack holds for structure key k (its "m"
        line, checked), None after clustering, for a structure found damaged, or for one this
        build wrote (an earlier build's: `signature` and `past_signature` ask for no other)."""
        where = self._at["m"].get(k)
        if where is None or not _size(where) or self._clustered or k in self._unsigned:
            return None
        return self._payload("m", k)

    def past_signature(self, k: str, sig_len: int) -> np.ndarray | None:
        """The MinHash signature an earlier build kept for structure key k (a body gone
        since: the LSH buckets it leaves), or None; not kept for the next build."""
        hexed = self._past_hex(k)
        try:
            signature = np.frombuffer(bytes.fromhex(hexed.decode("ascii")), "<u8") if hexed else None
        except ValueError:
            return None
        return signature if signature is not None and signature.size == sig_len else None

    # ---------------------------------------------------------------------- save
    def _append(self, kind: str, k: str, value) -> None:
        """A body (kind "b", value its text), a structure ("s", its dict), a signature
        ("m", hex bytes, written as they are) or an entry ("e", its dict)."""
        if self.folder is None:
            return
        payload = value if kind == "m" else orjson.dumps(value)
        if kind == "b":
            line = b"b %s %s\n" % (k.encode("ascii"), payload)
        else:  # (a signature is not kept: this build has it in hand, a later one reads it)
            line = b"%s %s %s %s\n" % (kind.encode("ascii"), k.encode("ascii"), checksum(payload), payload)
        self._write_line(kind, k, line)

    def _write_line(self, kind: str, k: str, line: bytes) -> None:
        table = self._at[kind]
        old = table.get(k)
        if old is not None and _size(old):
            self._replaced[(kind, k)] = (self._pack_at(old), _size(old))
        table[k] = _loc(self._pack_no(self._new_pack()), self._new_end, 0)
        self._new[1].write(line)
        self._new_end += len(line)

    def _new_pack(self) -> str:
        """This build's pack (opened when first written to)."""
        if self._new is None:
            _replace_non_folder(self.folder)
            self.folder.mkdir(parents=True, exist_ok=True)
            name = f"pack-{os.urandom(8).hex()}"
            self._new = (name, open(self.folder / name, "wb", buffering=1 << 20))
            self._new_end = 0
        return self._new[0]

    def save(self) -> None:
        """Keep what this build used (files that left the input leave the cache too): the
        index is rewritten, the packs are kept but for those mostly unused, whose records
        in use move to this build's pack."""
        if self.folder is None or self.scratch:
            return
        if self._closed:  # (the earlier index's records are read again from it as they are copied: review40b)
            raise RuntimeError(f"{self.folder}: the cache was closed before it was saved")
        self.folder.mkdir(parents=True, exist_ok=True)
        used = {"b": self.used["bodies"], "s": self.used["structures"], "m": self.used["structures"],
                "e": self.used["entries"], "u": self.used["units"],
                "k": self.used["kinds"], "x": self.used["scrubbed"],
                "t": self.used["words"], "h": self.used["titles"], "v": self.used["verdicts by build"],
                "n": self.used["named"], "p": self.used["prepared"], "q": self.used["marks"],
                "r": self.used["stripped"]}
        live: dict[str, int] = dict.fromkeys(self._pack_bytes, 0)
        for kind, table in self._at.items():
            for k, where in table.items():
                if _size(where) and k in used[kind]:
                    live[self._pack_at(where)] += _size(where)
        for (kind, k), (pack, size) in self._replaced.items():
            if k in used[kind]:
                live[pack] += size
        # (in the order they were read: a record read later replaces one read earlier)
        keep = [p for p, n in live.items() if n and n >= COMPACT_BELOW * self._pack_bytes[p]]
        moving = [(kind, k) for kind, table in self._at.items() for k, where in table.items()
                  if _size(where) and (pack := self._pack_at(where)) not in keep and live.get(pack)
                  and k in used[kind]]
        for kind, k in moving:
            line = self._line(kind, k)  # moved as it is (checked when read)
            if line and line.endswith(b"\n"):
                self._write_line(kind, k, line)
        if self._units_at is not None:  # (a build that read no units leaves the file as it is)
            units = orjson.dumps({"key": self.key})
            write_summed(self.folder / UNITS, lambda: itertools.chain((units,), self._units_lines()))
        self._close_packs()
        packs = keep + [n for n in self._written_packs if n not in keep]
        # Everything is written in pieces, each serialised twice (for the checksum that heads the
        # file, then to write it), the records as they are held: the index is 31 MB at 30k
        # articles, the units 16 MB, and each serialised whole (and the tables copied for it)
        # was the build's peak memory, here at its end.
        head = [("format", FORMAT), ("key", self.key), ("packs", packs)]
        head += [(name, (sorted(self.used[name]), getattr(self, name))) for name in TABLES]
        write_summed(self.folder / INDEX, lambda: itertools.chain(json_pieces(head), self._table_lines(),
                                                                  self._article_lines()))
        head = None
        self.close()  # (the earlier index, read until its records were copied)
        for old in self.folder.iterdir():  # packs no longer listed, earlier formats' file
            if (_PACK_NAME.match(old.name) and old.name not in packs) or old.name in OLD_FILES:
                try:
                    old.unlink()
                except OSError:
                    pass

    def _table_lines(self):
        """The index's pieces after its head: a line per table of LINES this build used, in their
        order ("\\nverdicts {...}", "\\nnear {...}")."""
        for name in LINES:
            yield b"\n%s " % name.encode("ascii")
            yield from table_pieces(sorted(self.used[name]), getattr(self, name))

    def _article_lines(self):
        """The index's pieces after its head: a line per article record this build used, in
        the order of their file's sha256 ("\\n<sha256> <record's JSON>"), each record as the earlier
        index holds it (read again from it) or as this build put it."""
        for k in sorted(self.used["articles"]):
            at = self.articles.get(k)
            raw = None if at is None else self._article_json(at)
            if raw:
                yield b"\n%s " % k.encode("ascii")
                yield raw

    def close(self) -> None:
        """Close the packs (a build that did not get to save leaves its pack unlisted, so
        removed next time), the UNITS file and the index read at `open`."""
        self._close_packs()
        for fh in (self._units_file, self._index_file):
            if fh is not None:
                fh.close()
        self._units_file = self._index_file = None
        self._closed = True

    def _close_packs(self) -> None:
        """This build's pack closed (complete before an index names it) and the packs read."""
        if self._new is not None:
            self._new[1].close()
            self._written_packs.append(self._new[0])
            self._new = None
        for fh in self._readers.values():
            fh.close()
        self._readers.clear()


def write_summed(path: Path, pieces) -> None:
    """The bytes `pieces()` gives, written to path under the line of their checksum (as `checksum`
    of them joined): `pieces` is called twice, for the checksum and to write, so no copy is joined."""
    digest = hashlib.sha256()
    for piece in pieces():
        digest.update(piece)
    write_atomic(path, itertools.chain((digest.hexdigest().encode("ascii"), b"\n"), pieces()), durable=False)


def json_pieces(fields: list[tuple[str, object]], rows: int = 512):
    """orjson.dumps of the object of `fields` (name, value), in pieces: a value given as (keys,
    table) is the object of those keys of `table` that it holds, in their order, serialised `rows`
    keys at a time. The same bytes as the whole serialised at once."""
    yield b"{"
    for n, (name, value) in enumerate(fields):
        yield b"%s%s:" % (b"," if n else b"", orjson.dumps(name))
        if not isinstance(value, tuple):
            yield orjson.dumps(value)
            continue
        yield from table_pieces(*value, rows)
    yield b"}"


def table_pieces(keys: list[str], table: dict, rows: int = 512):
    """orjson.dumps of the object of those `keys` of `table` that it holds, in their order, in
    pieces of `rows` keys: table_pieces(["b", "a"], {"a": 1, "b": 2}) gives b'{"b":2,"a":1}'.
    Each piece is its rows' JSON as serialised, braces left out by a view, not copied (the report
    memo's 512 fragments were 10 MB of JSON at 30k articles: copied twice more, it was a rebuild's peak)."""
    yield b"{"
    sep = False
    for at in range(0, len(keys), rows):
        part = orjson.dumps({k: table[k] for k in keys[at:at + rows] if k in table})
        if len(part) > 2:
            if sep:
                yield b","
            yield memoryview(part)[1:-1]
            sep = True
    yield b"}"


def signature(st: os.stat_result) -> tuple[int, int, int, int]:
    """A file's stat signature: size, mtime_ns, ctime_ns, inode (ArticleCache.unchanged)."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def settled(sig: tuple[int, ...], started_ns: int) -> bool:
    """The file had not changed for RACY_NS before `started_ns`: its signature can stand for
    its bytes (a change within the same clock tick would keep it)."""
    return max(sig[1], sig[2]) < started_ns - RACY_NS


class StaleCache(Exception):
    """The cache turned out not to hold what its index said, too late to recompute one
    file; args[0]: the cache's notes so far."""


class ScratchLost(Exception):
    """A --no-cache build's scratch store lost what it wrote there (its folder, inside the
    output folder, removed or changed while the build ran): the build cannot go on."""


def scratch_lost(cache: "ArticleCache", pack: Path | None, what: str) -> None:
    """ScratchLost when a --no-cache build's scratch store lost a record (a cache's loss is
    a StaleCache: the build starts over with a new cache; a scratch store is already new)."""
    if cache.scratch:
        raise ScratchLost(f"the build's scratch store lost {what} it had written to {pack or cache.folder} "
                          f"(was the folder removed or changed while the build ran?); kb.json was not written")


ENTRY_FIELDS = list(Merged.__annotations__)
_KIND_TEXT = ["cues", "many", "unspread", "unanchored", "year", "personal", "instructive"]  # (kinds.KindClassifier.text_features)  # what an entry record must hold, in order

_ARTICLE_FIELDS = {"title": str, "date": (str, type(None)), "categories": list, "tags": list, "warnings": list, "removed": dict, "key": str,
                   "linked": list, "lost": list, "head": str, "body": str}


def _replace_non_folder(folder: Path) -> bool:
    """Remove whatever is at `folder` if it is not a folder (a file, a FIFO, a symlink,
    which is not followed); True if something was removed."""
    try:
        if stat.S_ISDIR(os.lstat(folder).st_mode):
            return False
    except FileNotFoundError:
        return False
    os.unlink(folder)
    return True


def _open_regular(path: Path):
    """(binary file, its size) if `path` is a regular file; OSError otherwise. A symlink
    is not followed and a FIFO or device never opened, so nothing here blocks or reads
    without end."""
    if not stat.S_ISREG(os.lstat(path).st_mode):
        raise OSError(f"{path.name} is not a regular file")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):  # (swapped since the lstat)
        os.close(fd)
        raise OSError(f"{path.name} is not a regular file")
    return os.fdopen(fd, "rb"), st.st_size


def read_regular(path: Path) -> bytes:
    fh, size = _open_regular(path)
    with fh:
        return fh.read(size)


def _loc(pack_no: int, at: int, size: int) -> int:
    """A record's location as ArticleCache._at keeps it: its line at offset `at` of pack number
    `pack_no`, `size` bytes long when read from an earlier build's pack (0: this build's)."""
    return at << _AT_SHIFT | size << _PACK_BITS | pack_no


def _size(where: int) -> int:
    """The bytes of a location's line read from an earlier build's pack (`_loc`), 0 for this build's."""
    return where >> _PACK_BITS & (1 << _SIZE_BITS) - 1


def _span(start: int, length: int) -> int:
    """Where a record's JSON is in its file or buffer (ArticleCache.articles, _units_at, _lines):
    `length` bytes from offset `start`, one int (`_pread`)."""
    return start << 32 | length


def _pread(fh, at: int) -> bytes | None:
    """The bytes of open file `fh` at `_span` `at`: the index's or the UNITS file's, kept open
    since they were read and checked (None if they cannot be read, or the cache closed them)."""
    if fh is None:
        return None
    try:
        return os.pread(fh.fileno(), at & 0xFFFFFFFF, at >> 32)
    except (OSError, ValueError):
        return None


def _article_spans(blob: bytes, at: int = 0, key_len: int = 64) -> tuple[dict[str, int], int]:
    """The lines of a file's bytes `blob` from offset `at` on: the index's article lines ("<file sha256>
    <JSON>", after its head and table lines), or the UNITS file's (key_len KEY_LEN: "<units key> <JSON>"):
    key -> where its record is in the file (`_span`), and how many lines were malformed (none unless a
    writer erred: both files are checksummed)."""
    line = _ARTICLE_LINE if key_len == 64 else _UNITS_LINE
    spans, bad = {}, 0
    while at < len(blob):
        end = blob.find(b"\n", at)
        end = len(blob) if end < 0 else end
        m = line.match(blob, at, end)
        if m and end > m.end():
            spans[m.group(1).decode("ascii")] = _span(m.end(), end - m.end())
        else:
            bad += 1
        at = end + 1
    return spans, bad


def _loads(line: bytes | None):
    try:
        return orjson.loads(line) if line else None
    except ValueError:
        return None


def _split_head(body: str) -> tuple[str, str]:
    if body.startswith("#"):
        nl = body.find("\n")
        if nl >= 0:
            return body[:nl + 1], body[nl + 1:]
    return "", body


def _valid_table(name: str, table) -> bool:
    """An index's table of LINES as a build writes it: "verdicts", two structure keys (one string)
    to a verdict ({"<64 hex>": "same"}); "near", a structure key to its kept candidates' keys,
    concatenated ({"<32 hex>": "<32 hex><32 hex>"})."""
    if not isinstance(table, dict):
        return False
    if name == "verdicts":
        return all(isinstance(k, str) and len(k) == 2 * KEY_LEN and isinstance(v, str) and v in VERDICTS for k, v in table.items())
    return all(isinstance(k, str) and len(k) == KEY_LEN and isinstance(v, str) and len(v) % KEY_LEN == 0
               for k, v in table.items())


def _valid_units(rec) -> bool:
    return (isinstance(rec, list) and len(rec) == 5 and all(isinstance(x, str) and _HEX_KEYS.fullmatch(x) for x in rec[:2])
            and all(isinstance(x, list) and all(isinstance(d, str) for d in x) for x in rec[2:]))


def _valid_chrome(rec) -> bool:
    return (isinstance(rec, list) and len(rec) == 4 and all(type(n) is int for n in rec[:2])
            and (rec[2] is None or isinstance(rec[2], str)) and isinstance(rec[3], list) and all(isinstance(n, str) for n in rec[3]))


# an entry of an article's record of the lines that lost their links (clean.lost_links): "host<TAB>n<TAB>text"
_LOST_ENTRY = re.compile(r"[^\s]+\t\d{1,6}\t[^\t\n]+\Z")


def _valid_article(rec) -> bool:
    if not isinstance(rec, dict) or set(rec) != set(_ARTICLE_FIELDS):
        return False
    return (all(isinstance(rec[k], t) for k, t in _ARTICLE_FIELDS.items())
            and all(isinstance(w, str) for w in rec["warnings"] + rec["categories"] + rec["tags"] + rec["linked"])
            and all(isinstance(w, str) and _LOST_ENTRY.match(w) is not None for w in rec["lost"])
            and all(isinstance(k, str) and isinstance(v, int) for k, v in rec["removed"].items()))


def _valid_form(form) -> bool:
    """A candidate's form (titles.TitleChooser.form): None, or [[word, spread, weight], ...],
    [5 numbers], a count."""
    if form is None:
        return True
    num = (int, float)
    return (isinstance(form, list) and len(form) == 3 and isinstance(form[0], list) and all(
        isinstance(t, list) and len(t) == 3 and isinstance(t[0], str) and (t[1] is None or isinstance(t[1], num))
        and isinstance(t[2], num) for t in form[0]) and isinstance(form[1], list) and len(form[1]) == 5
        and all(isinstance(n, num) for n in form[1]) and type(form[2]) is int)


def _valid_heads(heads) -> bool:
    return isinstance(heads, list) and all(
        isinstance(h, list) and len(h) == 4 and isinstance(h[0], str) and _valid_form(h[1])
        and isinstance(h[2], bool) and isinstance(h[3], list) and all(isinstance(w, str) for w in h[3]) for h in heads)


def _valid_prepared(rec) -> bool:
    return (isinstance(rec, dict) and set(rec) == {"titles", "heads", "loose", "code", "messages", "parts", "asked"}
            and (rec["code"] is None or isinstance(rec["code"], str))
            and isinstance(rec["messages"], list) and all(isinstance(m, str) for m in rec["messages"])
            and isinstance(rec["parts"], list) and all(isinstance(m, str) for m in rec["parts"])
            and isinstance(rec["asked"], dict) and all(isinstance(v, bool) for v in rec["asked"].values())
            and isinstance(rec["titles"], list) and all(
                isinstance(t, list) and len(t) == 3 and isinstance(t[0], str) and _valid_form(t[1])
                and isinstance(t[2], bool) for t in rec["titles"])
            and _valid_heads(rec["heads"]) and (rec["loose"] is None or _valid_heads(rec["loose"])))


def structure_to_dict(st: Structure) -> dict:
    """Plain dicts for JSON (shallow: dataclasses.asdict's deep copy cost more than the
    structure stage itself)."""
    return {"summary": st.summary, "sections": [dict(vars(s)) for s in st.sections],
            "steps": [dict(vars(s)) for s in st.steps], "causes": st.causes, "title_heading": st.title_heading}


def structure_from_dict(d: dict) -> Structure:
    """Rebuild a Structure, checking every field's type (ValueError/TypeError if off)."""
    st = Structure(
        summary=d["summary"],
        sections=[Section(**s) for s in d["sections"]],
        steps=[Step(**s) for s in d["steps"]],
        causes=[dict(c) for c in d["causes"]],
        title_heading=d["title_heading"],
    )
    n = len(st.sections)
    ok = isinstance(st.summary, str) and isinstance(st.title_heading, str) and all(
        isinstance(s.heading, str) and isinstance(s.kind, str) and isinstance(s.text, str)
        and type(s.level) is int and (s.parent is None or (type(s.parent) is int and 0 <= s.parent < n))
        for s in st.sections) and all(
        isinstance(t.title, str) and isinstance(t.text, str) and type(t.section) is int and 0 <= t.section < n
        and isinstance(t.promotional, bool) and isinstance(t.counted, bool)
        and all(isinstance(x, str) for x in t.instructions + t.shortcuts + t.commands + t.pitch)
        and all(isinstance(w, dict) and isinstance(w.get("title"), str) and isinstance(w.get("instructions"), list)
                and all(isinstance(x, str) for x in w["instructions"]) for w in t.ways)
        and all(isinstance(p, list) and all(isinstance(x, str) for x in p) for p in t.ui_paths)
        and all(isinstance(x, dict) and all(isinstance(v, str) for v in x.values()) for x in t.images + t.links)
        for t in st.steps) and all(isinstance(c.get("text"), str) for c in st.causes)
    if not ok:
        raise ValueError("structure record has fields of the wrong type")
    return st
