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
