"""Stage 4: group spun copies and near-duplicates into one entry per problem.

Needs every article at once (it compares them), so the runner calls it after the
per-article stages instead of streaming.

1. Exact groups: articles whose cleaned bodies are equal up to whitespace (and the spun
   title heading) share one body; it is structured once.
2. Near-duplicates among the distinct bodies: MinHash-LSH candidates (no all-pairs
   comparison), each verified section by section with rapidfuzz, and refused when the
   two differ by a repeated substitution of names or model numbers (template look-alikes).
3. Each cluster becomes one entry: sections and steps of the canonical body, with the
   other members' extra sections and steps inserted where they align, variants recorded.
"""
from .cluster import Clusterer, Group, article_order, body_key, same_problem
from .entries import build_entries
from .titling import TitleCleaner

__all__ = ["Clusterer", "Group", "TitleCleaner", "article_order", "body_key", "build_entries", "same_problem"]
