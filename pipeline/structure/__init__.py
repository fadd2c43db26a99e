"""Stage 3: read a cleaned markdown body into sections, steps and causes.

The body is parsed once with a CommonMark parser (pyromark, a binding of pulldown-cmark);
section text is the exact markdown source between headings, so nothing is re-rendered.
"""
from .blocks import same_title
from .structurer import Structurer

__all__ = ["Structurer", "same_title"]
