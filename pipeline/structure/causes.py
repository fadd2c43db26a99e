"""Causes: the reasons an article lists for the problem."""
from __future__ import annotations

from .blocks import _Block, _Sec
from .steps import _dedupe


class Causes:
    """Causes listed by the article."""

    # --------------------------------------------------------------------- causes
    def _causes(self, secs: list[_Sec], blocks: list[_Block]) -> list[dict]:
        causes = []
        children: dict[int, list[str]] = {}
        for t in secs:
            if t.parent is not None and secs[t.parent].kind == "cause":
                children.setdefault(t.parent, []).append(t.heading)
        for i, s in enumerate(secs):
            if s.kind != "cause":
                continue
            # (fixes listed or nested here, "Fix 1: Restart your PC", are not causes)
            items = [it for b in s.blocks for it in b.list_items if self._numbered(it) is None]
            kids = [h for h in children.get(i, []) if self._numbered(h) is None]
            if items:
                found = items
            elif kids:
                found = kids
            elif self.bold_causes.search(s.heading):
                found = [t for b in s.blocks for t in b.strong if ">" not in t]
            else:
                found = []
            causes.extend({"text": " ".join(t.split()).strip(" .,:;")} for t in found if t.strip())
        return _dedupe(causes)
