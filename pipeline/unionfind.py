"""Union-find, for the groupings that are the connected parts of a relation (clusters of
near-duplicate bodies, families of an article's variants)."""
from __future__ import annotations


class DisjointSets:
    """Union-find over 0..n-1 (path halving); `join` makes the first one's root the root."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(b)] = self.find(a)
