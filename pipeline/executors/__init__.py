"""Executors run a stage's task function over items, in order, with progress, apart from
what the stages do (pipeline/tasks.py). One interface, which another engine implements:

- `slots(total)`: start the workers for `total` items; how many there are.
- `imap(fn, arglist, progress, label, total)`: fn(*args) for each args (each call returns a
  list), the results flattened, in the order of arglist.
- `schedule(next_task, total)`: run tasks until next_task(worker) gives None; a task is
  (fn, args, callback) and the callback gets fn's result in this process (so a task's
  results can bring in new tasks, for the worker that should run them).
- `close()` when done; `terminate()` when the build stops early (Ctrl-C, an error).

`LocalExecutor` (local.py) is the default: a pool of local processes."""
from __future__ import annotations

from .local import LocalExecutor

__all__ = ["LocalExecutor", "chunks"]


def chunks(items: list, n: int) -> list[list]:
    """Small enough that the workers finish together (the last chunk of 256 bodies left
    one worker idle for a third of a second), large enough to amortise the messages."""
    size = max(1, min(64, len(items) // (n * 8) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]
