"""Linear-time checks that hold on a loaded machine: compare the CPU time of an input with
that of one four times its size (about 4x when linear, 16x when quadratic) instead of a bound
in seconds, which a slower or busier machine crosses (CI did: 21.7 s against 20)."""
from __future__ import annotations

import gc
import time
from typing import Callable


def cpu_seconds(run: Callable[[], object]) -> float:
    """One run's CPU seconds, the collector off while timing. Once: the cleaner and the chrome
    pass memoise what they read, so a second run of the same input would time a cache."""
    gc.collect()
    gc.disable()
    try:
        t0 = time.process_time()
        run()
        return time.process_time() - t0
    finally:
        gc.enable()


def grows_linearly(run: Callable[[int], object], n: int, slack: float = 0.1) -> tuple[bool, tuple[float, float]]:
    """Whether `run(4n)` costs under 8 times `run(n)` (plus `slack` seconds of noise)."""
    small = cpu_seconds(lambda: run(n))
    big = cpu_seconds(lambda: run(4 * n))
    return big < 8 * small + slack, (small, big)
