"""A per-item time budget for the workers: one hostile file must cost itself, never the
build. The budget counts the CPU time the item spends, not the clock on the wall: the same
input gets the same verdict on a loaded machine as on a quiet one (a wall-clock budget gave a
slow entry its fallback title at load 14 and not at load 1), short of the backstop: an item
that blocks without spending CPU (a read that never returns: an object store that stops
answering; a FIFO or a device is refused before it is read) is ended by a wall-clock
backstop, BACKSTOP budgets after it began; that, like every timeout, is taken as the
machine's fault: the build is not cached.

In a process's main thread (the workers', and the build's own when it runs without workers)
the budget is an ITIMER_REAL timer that reads the thread's own CPU clock (other threads, a
Dask client's, do not count) each time it fires, set again for what is left, up to the
backstop; its signal interrupts pure-Python code and the regex engine alike (a
backtracking user rule included). The handler, once set, stays set between items (see
_on_signal); a profiler's ITIMER_PROF timer is never touched.

Elsewhere it is a no-op, except in a process that called `in_threads()` (a Dask worker,
which runs tasks in threads): there a watchdog thread reads each item's thread CPU clock and
raises Timeout in the thread when it next runs Python code; as C code holding the interpreter
(the regex engine) can stall a thread past that, faulthandler's watchdog (which needs no
interpreter lock) ends the whole process at the budget plus a second after the item's budget
could have run out at the earliest (twice the budget plus a second when the item runs
unhindered): the cluster restarts the worker, and the engine finds the item that did it
(dask_engine.py). The kernel keeps counting a thread's CPU clock while the interpreter is
held, not so the watchdog: one C call holding it for that long, under the budget but slowed
by load, ends its worker too (the machine's fault, as above).
"""
from __future__ import annotations

import ctypes
import faulthandler
import signal
import threading
import time
from contextlib import contextmanager

BACKSTOP = 10  # an item not done after this many budgets of wall-clock time is ended: so an item
# that needs up to half its budget of CPU time gets the same verdict up to a load of 20 per core
_TICK = 1.0  # seconds between the watchdog's rounds while items run
_COND = threading.Condition()
_ITEMS: dict[int, "_Item"] = {}  # thread -> the item it runs
_THREADS = {"on": False, "watchdog": None, "armed": False, "wake": float("inf")}


class Timeout(BaseException):
    """The budget ran out (a BaseException: `except Exception` around stage code must not
    turn it into an internal error)."""


class Blocked(Timeout):
    """The wall-clock backstop ran out first: the item waited, it did not compute."""


@contextmanager
def deadline(seconds: float):
    if not (seconds and seconds > 0):
        yield
        return
    main = threading.current_thread() is threading.main_thread()
    if not (main and hasattr(signal, "setitimer") and signal.getitimer(signal.ITIMER_REAL)[0] == 0):
        if _THREADS["on"] and not main:  # (in the main thread, a timer running: a budget around this one)
            with _in_thread(seconds):
                yield
        else:
            yield
        return
    item = _Main(seconds)
    item.start()
    try:
        yield
    finally:
        item.stop()


_MAIN: dict = {"item": None, "previous": {}}  # the main thread's item; the handlers ours replaced


def _on_signal(signum, frame):
    """SIGALRM's handler, once set kept while it replaced a default action: a signal the kernel
    delivers after an item's timer was turned off (to another thread, or just then) finds no item
    and does nothing; the default action ended the process ("Alarm clock")."""
    item = _MAIN["item"]
    if item is not None:
        item.signalled(signum)


class _Main:
    """An item in the main thread. An ITIMER_REAL timer fires when its CPU time could have run out
    at the earliest (the budget, then what the thread's CPU clock says is left: the thread cannot
    spend more CPU than the wall clock gives it) and at the backstop. The process's CPU timer
    (ITIMER_PROF) is not used: on a loaded machine it counted 0.85 s while the thread's own clock
    said 3 s were spent (measured: the kernel's process accounting is not the thread clock), so an
    item over its budget ran to its end. A signal that ends the item turns the timer off before it raises (Timeout when its CPU
    time ran out, Blocked when the backstop came first), so the next item has its budget."""

    def __init__(self, seconds: float):
        self.seconds, self.running = seconds, False
        self.end, self.backstop = time.thread_time() + seconds, time.monotonic() + BACKSTOP * seconds

    def start(self) -> None:
        if signal.getsignal(signal.SIGALRM) is not _on_signal:
            _MAIN["previous"][signal.SIGALRM] = signal.signal(signal.SIGALRM, _on_signal)
        self.running, _MAIN["item"] = True, self
        signal.setitimer(signal.ITIMER_REAL, min(self.seconds, BACKSTOP * self.seconds))

    def signalled(self, signum: int) -> None:
        if not self.running:  # (the item is over: its timer stays off)
            return
        now, left = time.monotonic(), self.end - time.thread_time()
        if left <= 0 or now >= self.backstop:
            self.stop()
            raise (Timeout if left <= 0 else Blocked)(self.seconds)
        signal.setitimer(signal.ITIMER_REAL, max(min(left, self.backstop - now), 0.001))

    def stop(self) -> None:
        """The timer off, the item gone; a handler ours replaced put back if it was a function (it
        may then see a signal of ours sent late); a default action is not: that signal would end
        the process."""
        self.running = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        if _MAIN["item"] is self:
            _MAIN["item"] = None
        for sig, previous in list(_MAIN["previous"].items()):
            if callable(previous):
                signal.signal(sig, previous)
                del _MAIN["previous"][sig]


def in_threads() -> None:
    """The budget holds in this process's other threads too, at the cost of the process."""
    _THREADS["on"] = True


def _clock(tid: int):
    """The thread's CPU clock (None where there is none: the wall clock stands in)."""
    try:
        return time.pthread_getcpuclockid(tid)
    except (AttributeError, OSError):
        return None


class _Item:
    """An item running in a task thread: when the watchdog looks at it next (its CPU time cannot
    run out sooner), when faulthandler may end the process for it, whether Timeout was sent."""
    __slots__ = ("seconds", "clock", "cpu_end", "backstop", "check", "hard", "sent")

    def __init__(self, tid: int, seconds: float, now: float):
        self.seconds, self.clock = seconds, _clock(tid)
        self.cpu_end, self.backstop = self.cpu() + seconds, now + BACKSTOP * seconds
        self.check, self.hard, self.sent = now + seconds, now + 2 * seconds + 1, None

    def cpu(self) -> float:
        return time.monotonic() if self.clock is None else time.clock_gettime(self.clock)

    def look(self, now: float):
        """Timeout or Blocked if it is to be sent now (the hard end moved on by the budget and a
        second), else None (the next look and the hard end moved to when the budget could run out)."""
        left = self.cpu_end - self.cpu()
        if left <= 0 or now >= self.backstop:
            self.sent, self.hard = (Timeout if left <= 0 else Blocked), now + self.seconds + 1
            return self.sent
        self.check = min(now + left, self.backstop)
        self.hard = now + left + self.seconds + 1
        return None


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
    item = _Item(tid, seconds, now)
    with _COND:
        if _THREADS["watchdog"] is None:
            _THREADS["watchdog"] = threading.Thread(target=_watchdog, name="kb-deadline", daemon=True)
            _THREADS["watchdog"].start()
        _ITEMS[tid] = item
        if not _THREADS["armed"]:
            _arm(now)
        if item.check < _THREADS["wake"]:
            _COND.notify()
    try:
        yield
    finally:
        while True:  # (a Timeout that lands here: the item is done, its budget is taken back)
            try:
                with _COND:
                    if item.sent:  # not raised yet (the block ended first): it must not be later
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
                if not item.sent and item.check <= now and item.look(now):
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(item.sent))
            _arm(now)
            soft = [item.check for item in _ITEMS.values() if not item.sent]
            _THREADS["wake"] = min([now + _TICK, *soft]) if _ITEMS else float("inf")
            _COND.wait(None if not _ITEMS else max(_THREADS["wake"] - now, 0))


def _arm(now: float) -> None:
    """faulthandler set for the first hard end of the items running (under _COND)."""
    if _ITEMS:
        left = min(item.hard for item in _ITEMS.values()) - now
        faulthandler.dump_traceback_later(max(left, 2 * _TICK) if left > 0 else 0.01, exit=True)
        _THREADS["armed"] = True
    elif _THREADS["armed"]:
        faulthandler.cancel_dump_traceback_later()
        _THREADS["armed"] = False


def timeout_reason(what: str, seconds: float, exc: Timeout | None = None) -> str:
    return f"timeout: {what} {_over(seconds, exc)}; skipped"


def _over(seconds: float, exc: Timeout | None) -> str:
    if isinstance(exc, Blocked):
        return (f"waited more than {BACKSTOP * seconds:g} s without using its per-file budget of {seconds:g} s "
                "of CPU time (a read that did not return, or the machine too busy)")
    return f"took more than {seconds:g} s (the per-file budget)"


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
            except Timeout as exc:
                self.strikes[group] = self.strikes.get(group, 0) + 1
                why = _over(self.seconds, exc)
            except Exception as exc:  # (deterministic: the same input raises the same way)
                why = f"raised an internal error ({type(exc).__name__}: {str(exc)[:200]})"
        else:
            why = f"skipped: they ran out of the per-file budget on {self.limit} entries already"
        self.over.add((group, item))
        note = f"{source}: {group} rules {why}; its entry keeps the {instead}"
        self.notes.append(note)
        return fallback, note
