"""A per-item time budget for the workers: one hostile file must cost itself, never the
build. The budget is a SIGALRM timer, which interrupts pure-Python code and the regex
engine alike (a backtracking user rule included); it applies in a process's main thread
(the workers', and the build's own when it runs without workers) and is a no-op elsewhere.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class Timeout(BaseException):
    """The budget ran out (a BaseException: `except Exception` around stage code must not
    turn it into an internal error)."""


@contextmanager
def deadline(seconds: float):
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise Timeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def timeout_reason(what: str, seconds: float) -> str:
    return f"timeout: {what} took more than {seconds:g} s (the per-file budget); skipped"


class Budget:
    """Stage code run item by item under the per-file budget, outside the workers (an
    entry's title and kind, read after consolidation with the user's rule regexes): an item
    over budget gets its fallback and one warning; a rule group that ran out on STRIKES
    items is not tried again in the build (each later item gets its fallback at once), so a
    backtracking rule costs a few budgets, not one per entry."""

    STRIKES = 3

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.over: set[tuple[str, object]] = set()  # (group, item) that ran out
        self.strikes: dict[str, int] = {}
        self.notes: list[str] = []  # every warning given, in order

    def run(self, group: str, item, fn, fallback, source: str, instead: str):
        """(fn() or `fallback`, the warning given for this item or None). `group`: the rule
        group fn applies ("[page_kinds]"); `item`: what fn is for (asked again, an item that
        ran out gets its fallback at once, with no second warning); `source`: its first
        source; `instead`: what the fallback is, for the warning ("kind `other`")."""
        if (group, item) in self.over:
            return fallback, None
        if self.strikes.get(group, 0) < self.STRIKES:
            try:
                with deadline(self.seconds):
                    return fn(), None
            except Timeout:
                self.strikes[group] = self.strikes.get(group, 0) + 1
                why = f"took more than {self.seconds:g} s (the per-file budget)"
        else:
            why = f"skipped: they ran out of the per-file budget on {self.STRIKES} entries already"
        self.over.add((group, item))
        note = f"{source}: {group} rules {why}; its entry keeps the {instead}"
        self.notes.append(note)
        return fallback, note
