"""The per-file budget counts the CPU time an item spends, so the same input gets the same verdict
however loaded the machine is; an item that waits without computing (a read that never returns) is
ended by the wall-clock backstop, BACKSTOP budgets after it began."""
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import deadline
from pipeline.model import Options
from pipeline.runner import build

from .conftest import write
from .test_hostile import burn


def _waits(seconds: float) -> None:
    """Wait `seconds` of wall-clock time spending no CPU (as an item does on a loaded machine, or
    on a read), in short sleeps: an exception sent to a task thread lands between them."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(0.02)


def _run(in_thread: bool, monkeypatch, fn) -> list:
    """fn() in this (the main) thread or in a task thread of a Dask-like worker: what it returned
    or raised, and after how many seconds."""
    got = []

    def run():
        t0 = time.monotonic()
        try:
            got.append(fn())
        except deadline.Timeout as exc:
            got.append(type(exc).__name__)
        got.append(time.monotonic() - t0)
    if not in_thread:
        run()
        return got
    monkeypatch.setitem(deadline._THREADS, "on", True)
    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    assert deadline._ITEMS == {}
    return got


def _under(seconds: float, fn):
    def run():
        with deadline.deadline(seconds):
            return fn()
    return run


@pytest.mark.parametrize("in_thread", [False, True])
def test_an_item_slowed_down_but_under_its_cpu_budget_keeps_its_result(monkeypatch, in_thread):
    # (a wall-clock budget ended it at 0.3 s: its verdict depended on the machine's load)
    [result, seconds] = _run(in_thread, monkeypatch, _under(0.3, lambda: _waits(0.8) or "done"))
    assert result == "done" and seconds >= 0.8


@pytest.mark.parametrize("in_thread", [False, True])
def test_another_thread_spending_cpu_does_not_count(monkeypatch, in_thread):
    # (the item's timer asks the thread's own clock: the item waits until a sibling spent 1 s of
    # CPU, so the process's 0.3 s certainly ran out)
    monkeypatch.setattr(deadline, "BACKSTOP", 1000)
    hog = threading.Thread(target=burn, args=(1.0,))

    def item():
        hog.start()
        while hog.is_alive():
            time.sleep(0.02)
        return "done"
    [result, seconds] = _run(in_thread, monkeypatch, _under(0.3, item))
    hog.join()
    assert result == "done"


@pytest.mark.parametrize("in_thread", [False, True])
def test_an_item_over_its_cpu_budget_is_ended(monkeypatch, in_thread):
    monkeypatch.setattr(deadline, "BACKSTOP", 1000)  # (however loaded the machine, its CPU time runs out first)
    [result, seconds] = _run(in_thread, monkeypatch, _under(0.2, lambda: burn(5)))
    assert result == "Timeout"


@pytest.mark.parametrize("in_thread", [False, True])
def test_an_item_that_blocks_is_ended_by_the_backstop(monkeypatch, in_thread):
    [result, seconds] = _run(in_thread, monkeypatch, _under(0.2, lambda: _waits(8)))
    assert result == "Blocked" and 0.2 * deadline.BACKSTOP - 0.1 <= seconds < 0.2 * deadline.BACKSTOP + 2.5


def test_a_body_slow_to_strip_on_a_busy_machine_is_stripped(tmp_path, monkeypatch):
    """Stripping a body waited 1 s for the CPU (a machine under load) with a budget of 0.5 s: the body
    kept its chrome with a warning, the build was not cached. It spent no more than its budget: now
    it is stripped as on a quiet machine; a body that waits for ever is still ended, with a warning."""
    from pipeline import boilerplate
    real = boilerplate.Boilerplate.strip_marked
    waits = {"printer": 1.0, "scanner": 20}

    def slow(self, page, repeated, marks=None, lost=()):
        _waits(next((s for t, s in waits.items() if t in page), 0))
        return real(self, page, repeated, marks, lost)
    monkeypatch.setattr(boilerplate.Boilerplate, "strip_marked", slow)
    notice = "We use cookies to improve your visit. By staying on this site you agree to our cookie policy."
    src = tmp_path / "in"
    for t in ["printer", "scanner", "keyboard"]:
        write(src, f"{t}.md", f"---\ntitle: {t.title()} offline\n---\n\nYour {t} shows offline after an update.\n\n"
              f"{notice}\n\n## Fix 1: Restart the {t}\n\nOpen Settings and restart the {t} driver.\n")
    t0 = time.monotonic()
    result = build(src, tmp_path / "out", Options(jobs=1, file_seconds=0.5), use_cache=False)
    assert time.monotonic() - t0 < 18
    doc = json.loads((tmp_path / "out" / "kb.json").read_text("utf-8"))
    kept = {e["sources"][0]["path"]: "cookie" in json.dumps(e) for e in doc["entries"]}
    assert kept == {"printer.md": False, "scanner.md": True, "keyboard.md": False}
    [note] = result.notes
    assert note.startswith("scanner.md: [boilerplate] rules waited more than 5 s without using its per-file budget")


def test_a_signal_the_timers_sent_late_does_not_end_the_process(tmp_path):
    """A SIGALRM the kernel delivers after the item's timer was turned off (to another thread, or
    just then) met the default action the block's end had put back: the process ended ("Alarm
    clock"; "Profiling timer expired" when a CPU timer was used too), or a warning "Signal 14
    ignored due to race condition" was printed. Now it finds no item and does nothing; a program's
    own handler is put back."""
    script = tmp_path / "late.py"
    script.write_text("import signal\n"
                      "from pipeline import deadline\n"
                      "with deadline.deadline(1):\n"
                      "    pass\n"
                      "signal.raise_signal(signal.SIGALRM)\n"
                      "mine = lambda signum, frame: print('mine', signum)\n"
                      "signal.signal(signal.SIGALRM, mine)\n"
                      "with deadline.deadline(1):\n"
                      "    pass\n"
                      "print(signal.getsignal(signal.SIGALRM) is mine)\n"
                      "signal.raise_signal(signal.SIGALRM)\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(deadline.__file__).parents[1])}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (0, f"True\nmine {int(signal.SIGALRM)}\n", "")


def _c_call(cpu_seconds: float):
    """C code that checks for no signal while it runs, spending about `cpu_seconds` of CPU time."""
    t0 = time.thread_time()
    hashlib.pbkdf2_hmac("sha256", b"x", b"y", 20_000)
    rounds = max(int(20_000 * cpu_seconds / max(time.thread_time() - t0, 1e-4)), 1)
    return lambda: hashlib.pbkdf2_hmac("sha256", b"x", b"y", rounds)


def test_both_timers_running_out_in_one_c_call_end_the_item_once(monkeypatch):
    """A C call spends its CPU budget and outlasts the backstop: both signals are handled when it
    returns. The backstop's raised Blocked, then the budget's Timeout came out of the block's end
    (its context Blocked); a Blocked raised out of the block's end left the CPU timer running and
    the handlers set, so the next item had no budget. Now: one Timeout (its CPU time ran out), both
    timers off, and the next item is ended at its budget."""
    monkeypatch.setattr(deadline, "BACKSTOP", 2)  # (0.02 s of wall clock: past in a 0.3 s C call)
    call = _c_call(0.3)
    for _ in range(3):
        with pytest.raises(deadline.Timeout) as caught:
            with deadline.deadline(0.01):
                call()
        assert type(caught.value) is deadline.Timeout and caught.value.__context__ is None
        assert signal.getitimer(signal.ITIMER_PROF)[0] == signal.getitimer(signal.ITIMER_REAL)[0] == 0
    monkeypatch.setattr(deadline, "BACKSTOP", 1000)
    [result, seconds] = _run(False, monkeypatch, _under(0.2, lambda: burn(5)))
    assert result == "Timeout"


def test_a_profilers_cpu_timer_is_left_alone_and_the_budget_still_holds(monkeypatch):
    """A profiler's ITIMER_PROF already running turned the budget off (an item over it ran to its
    end). Now the wall-clock timer looks at the thread's CPU clock instead, and the profiler's timer
    and handler go on."""
    ticks = []

    def tick(signum, frame):
        ticks.append(signum)
    previous = signal.signal(signal.SIGPROF, tick)
    signal.setitimer(signal.ITIMER_PROF, 0.01, 0.01)
    try:
        monkeypatch.setattr(deadline, "BACKSTOP", 1000)
        [over, _] = _run(False, monkeypatch, _under(0.2, lambda: burn(5)))
        monkeypatch.setattr(deadline, "BACKSTOP", 10)
        [waited, seconds] = _run(False, monkeypatch, _under(0.2, lambda: _waits(8)))
        [kept, _] = _run(False, monkeypatch, _under(0.3, lambda: _waits(0.5) or "done"))
        assert signal.getitimer(signal.ITIMER_PROF)[1] == 0.01 and signal.getsignal(signal.SIGPROF) is tick
        # (still ticking after the budgets; under load the kernel counts the process's CPU coarsely, 0 to 2 ticks
        # of 10 ms in 0.2 s of it, so burn until one comes, 5 s of CPU at most)
        before = len(ticks)
        for _ in range(50):
            burn(0.1)
            if len(ticks) > before:
                break
        assert len(ticks) > before
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    assert (over, waited, kept) == ("Timeout", "Blocked", "done") and 1.9 <= seconds < 4.5
