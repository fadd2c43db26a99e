"""A per-item time budget for the workers: one hostile file must cost itself, never the
build. The budget is a SIGALRM timer, which interrupts pure-Python code and the regex
engine alike (a backtracking user rule included); it applies in a process's main thread
(the workers', and the build's own when it runs without workers).

Elsewhere it is a no-op, except in a process that called `in_threads()` (a Dask worker,
which runs tasks in threads): there the budget raises Timeout in the thread when it next
runs Python code, and, as C code holding the interpreter (the regex engine) can stall a
thread past that, ends the whole process at twice the budget plus a second (faulthandler's
watchdog, which needs no interpreter lock): the cluster restarts the worker, and the
engine finds the item that did it (dask_engine.py).
"""
from __future__ import annotations

import ctypes
import faulthandler
import signal
import threading
import time
from contextlib import contextmanager

_TICK = 1.0  # seconds between the watchdog's rounds while items run
_COND = threading.Condition()
_ITEMS: dict[int, list] = {}  # thread -> [soft end, hard end, Timeout sent] of the item it runs
_THREADS = {"on": False, "watchdog": None, "armed": False, "wake": float("inf")}

class Timeout(BaseException):
    """The budget ran out (a BaseException: `except Exception` around stage code must not
    turn it into an internal error)."""


@contextmanager
def deadline(seconds: float):
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        if seconds and seconds > 0 and _THREADS["on"] and threading.current_thread() is not threading.main_thread():
            with _in_thread(seconds):
                yield
        else:
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


def in_threads() -> None:
    """The budget holds in this process's other threads too, at the cost of the process."""
    _THREADS["on"] = True


@contextmanager
def _in_thread(seconds: float):
    """One watchdog thread per process sends Timeout to a thread whose item is over budget;
    faulthandler, armed by it (or here, after a pause), ends the process when an item runs
    past its hard end: the watchdog re-arms it every _TICK, for no sooner than 2 _TICK, so
    an item that ended in time never ends the process, unless nothing could run for that long."""
    tid, now = threading.get_ident(), time.monotonic()
    if tid in _ITEMS:  # nested (prepare's clean_rest): the outer budget holds, as in the main thread
        yield
        return
    item = [now + seconds, now + 2 * seconds + 1, False]
    with _COND:
        if _THREADS["watchdog"] is None:
            _THREADS["watchdog"] = threading.Thread(target=_watchdog, name="kb-deadline", daemon=True)
            _THREADS["watchdog"].start()
        _ITEMS[tid] = item
        if not _THREADS["armed"]:
            _arm(now)
        if item[0] < _THREADS["wake"]:
            _COND.notify()
    try:
        yield
    finally:
        while True:  # (a Timeout that lands here: the item is done, its budget is taken back)
            try:
                with _COND:
                    if item[2]:  # not raised yet (the block ended first): it must not be later
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)
                    _ITEMS.pop(tid, None)
                break
            except Timeout:
                continue


def _watchdog() -> None:
    with _COND:
        while True:
            now = time.monotonic()
            for tid, item in _ITEMS.items():
                if not item[2] and item[0] <= now:
                    item[2] = True
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(Timeout))
            _arm(now)
            soft = [item[0] for item in _ITEMS.values() if not item[2]]
            _THREADS["wake"] = min([now + _TICK, *soft]) if _ITEMS else float("inf")
            _COND.wait(None if not _ITEMS else _THREADS["wake"] - now)


def _arm(now: float) -> None:
    """faulthandler set for the first hard end of the items running (under _COND)."""
    if _ITEMS:
        left = min(item[1] for item in _ITEMS.values()) - now
        faulthandler.dump_traceback_later(max(left, 2 * _TICK) if left > 0 else 0.01, exit=True)
        _THREADS["armed"] = True
    elif _THREADS["armed"]:
        faulthandler.cancel_dump_traceback_later()
        _THREADS["armed"] = False


def timeout_reason(what: str, seconds: float) -> str:
    return f"timeout: {what} took more than {seconds:g} s (the per-file budget); skipped"


class Budget:
    """Stage code run item by item under the per-file budget, outside the workers (an
    entry's title and kind, read after consolidation with the user's rule regexes): an item
    over budget gets its fallback and one warning; a rule group that ran out on STRIKES
    items is not tried again in the build (each later item gets its fallback at once), so a
    backtracking rule costs a few budgets, not one per entry. An item whose code raises (a
    bug a hostile title finds) gets its fallback and a warning too, as a file whose stage
    raises in a worker is rejected: it costs its entry, never the build (no strike: the
    next item may not raise). `strikes` None: no group is ever given up (items that are
    bodies: one slow to read, a big one, costs itself only, not the bodies after it)."""

    STRIKES = 3

    def __init__(self, seconds: float, strikes: int | None = STRIKES):
        self.seconds, self.limit = seconds, strikes
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
        if self.limit is None or self.strikes.get(group, 0) < self.limit:
            try:
                with deadline(self.seconds):
                    return fn(), None
            except Timeout:
                self.strikes[group] = self.strikes.get(group, 0) + 1
                why = f"took more than {self.seconds:g} s (the per-file budget)"
            except Exception as exc:  # (deterministic: the same input raises the same way)
                why = f"raised an internal error ({type(exc).__name__}: {str(exc)[:200]})"
        else:
            why = f"skipped: they ran out of the per-file budget on {self.limit} entries already"
        self.over.add((group, item))
        note = f"{source}: {group} rules {why}; its entry keeps the {instead}"
        self.notes.append(note)
        return fallback, note
