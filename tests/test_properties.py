"""Property tests (hypothesis) for the cleaner and the structure extractor: on articles
assembled from scraped-page fragments, hostile markup and random text, they never raise,
never let executable markup through, are idempotent, and keep code byte for byte."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import Cleaner
from pipeline.rules import load_rules
from pipeline.structure import Structurer

from .markup import markdown_problem, structure_problem

RULES = load_rules()
CLEANER = Cleaner(RULES)
STRUCTURER = Structurer(RULES)

settings.register_profile("kb", deadline=None, max_examples=150, derandomize=True,  # same examples every run
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("kb")

FRAGMENTS = [
    "## Fix 1: Restart the router", "### Method 2 – Update the driver", "**Option 3**", "1. Open **Settings > Network**",
    "2. Press `Win + I`", "- Unplug it", "Some plain sentence about Wi-Fi.", "> Disclaimer: affiliate links earn a commission.",
    "<!-- affiliate ads begin -->", "<!-- affiliate ads end -->", "<!--", "-->",
    '<ins class="adsbygoogle" data-ad-slot="1"></ins>', "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>",
    '<a href="https://x.pxf.io/c/1"><img src="https://x.pxf.io/b.png"></a>', '<img src=x onerror=alert(1)>',
    '<IMG SRC="jav&#x09;ascript:alert(1)">', '<a href="JaVaScRiPt:alert(1)">x</a>', "[link](javascript:alert(1))",
    "[doc](https://example.com/page)", "![shot](https://example.com/a.png)", "![x](data:text/html;base64,PHNjcmlwdD4=)",
    "[r]: vbscript:msgbox", "<svg onload=alert(1)>", "<iframe src=//evil></iframe>", "<div><p>nested <b>text</b></p></div>",
    "<support@example.com>", "<https://example.com>", "`pnputil.exe -d oem<NUMBER>.inf`", "``", "```", "****", "____",
    "[[[[", "<<<<", "Close", "4.2", "<video controls></video>", "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[text](https://tools.techidaily.com/x)", "to**Settings > Messages**", "## 1\\. Title",
    # numbered steps as paragraphs, and run into one (structure's fallbacks for bodies without step headings)
    "1) Click **Start**.", "2\\. Type **cmd** and press Enter.", "3.Click OK", "Do it yourself: 1) Go to [the site](https://example.com). 2) Choose",
    "![s](https://example.com/s.png) 3) Right-click it.", "4)**Download** the tool .",
    # a page's tags (the cleaner drops them when they end the body)
    "* [printer](https://tools.techidaily.com/x)", "* [PS4](https://example.com/tag/ps4)",
    # affiliate rewritings that keep the destination (a redirect's parameter, a shop's tag)
    "[Dell](https://shop-links.co/link/?url=https%3A%2F%2Fwww.dell.com%2F%3Fa%3D1)",
    "[x](https://shop-links.co/link/?url=javascript%3Aalert(1))", "[View On Amazon $9](https://www.amazon.com/dp/B0?tag=x-20)",
    # sign-offs, contents lists, related posts, empty links, credits, spaced stops (the 7th session's rules)
    "Hope this helps. Feel free to leave a comment below. 🙂", "That’s it!", "* [Fix 1: Restart](#f1)", "in this article",
    "Expand", "[Jump to Review](https://www.lifewire.com/#toc-x)", "please see the following posts:", "**Related post**:",
    "[**Update HP**](https://tools.techidaily.com/x)", "### Similar Products We've Reviewed", "[](https://example.com/)",
    "Lifewire / Kelsey Simon", "click **Manage** .", "## Fix 2: Install Fortect",
]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
article = st.lists(fragment, max_size=25).flatmap(
    lambda parts: st.lists(st.sampled_from(["\n", "\n\n", " ", ""]), min_size=len(parts), max_size=len(parts))
    .map(lambda seps: "".join(p + s for p, s in zip(parts, seps))))
code = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="`~\r"), max_size=80)


@given(article)
def test_cleaner_output_is_safe_and_idempotent(text):
    once = CLEANER.clean(text).text
    assert markdown_problem(once) is None
    assert Cleaner(RULES).clean(once).text == once


# Around the block: no other fence (the block would not be ours) and no opener of an HTML
# comment or script (code inside a comment is not shown, and is removed with it).
no_fence = article.filter(lambda t: not any(m in t.lower() for m in ("```", "~~~", "<!--", "<script", "<style")))


@given(no_fence, code, no_fence)
def test_fenced_code_comes_out_byte_for_byte(before, body, after):
    block = "```html\n" + body + "\n```"
    text = before + "\n\n" + block + "\n\n" + after
    out = CLEANER.clean(text).text
    assert block in out


@given(article, st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="`\n\r"),
                        min_size=1, max_size=40))
def test_code_spans_are_kept(text, span):
    span = span.strip() or "x"
    out = CLEANER.clean("Run `" + span + "` now.\n\n" + text).text
    assert "`" + span + "`" in out


@given(article, st.text(max_size=60))
def test_structure_never_raises_and_is_safe(text, title):
    cleaned = CLEANER.clean(text).text
    assert structure_problem(STRUCTURER.structure(cleaned, title.strip() or "Title")) is None


@pytest.mark.parametrize("seed_text", [
    "## Fix 1: <b>Bold</b>\n\n```html\n<script>keep me</script>\n```\n",
    "<!-- affiliate ads begin -->\n<a href=x>ad</a>\n\nBody kept.\n",
])
def test_known_shapes_stay_idempotent(seed_text):
    once = CLEANER.clean(seed_text).text
    assert CLEANER.clean(once).text == once and markdown_problem(once) is None
