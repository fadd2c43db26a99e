"""Executors run a stage's task function over items, in order, with progress, apart from
what the stages do (pipeline/tasks.py). One interface, which another engine implements:

- `slots(total)`: start the workers for `total` items; how many there are.
- `imap(fn, arglist, progress, label, total)`: fn(*args) for each args (each call returns a
  list), the results flattened, in the order of arglist; a few tasks per worker ahead of
  the consumer, not all at once (loop.ordered).
- `schedule(next_task, total)`: run tasks until next_task(worker) gives None; a task is
  (fn, args, callback) and the callback gets fn's result in this process (so a task's
  results can bring in new tasks, for the worker that should run them).
- `close()` when done; `terminate()` when the build stops early (Ctrl-C, an error).
- Dask's only: `fanout(prepare, fn, work)`, imap's results of tasks that share a result
  prepared once and left on the workers (consolidation's LSH index by band and by range of
  bodies, runner._by_band).

`LocalExecutor` (local.py) is the default: a pool of local processes. `DaskExecutor`
(dask_engine.py, the optional `dask` extra) runs the same tasks on a Dask cluster."""
from __future__ import annotations

from typing import Protocol

from .local import LocalExecutor

__all__ = ["EngineError", "Executor", "LocalExecutor", "chunks", "executor"]


class EngineError(Exception):
    """The engine asked for cannot run: not installed, or its scheduler not reachable."""


class Executor(Protocol):
    jobs: int

    def slots(self, total: int) -> int: ...
    def imap(self, fn, arglist, progress, label, total): ...
    def schedule(self, next_task, total: int) -> None: ...
    def close(self) -> None: ...
    def terminate(self) -> None: ...


def executor(options, initializer, initargs: tuple) -> Executor:
    """The engine `options.scheduler` names: None, this machine's process pool of
    `options.jobs` workers; `local:N` or a scheduler's address, Dask."""
    if options.scheduler is None:
        return LocalExecutor(max(1, options.jobs), initializer, initargs)
    try:
        from .dask_engine import DaskExecutor  # (only when asked for: dask is an optional extra)
    except ImportError:
        raise EngineError("the Dask engine needs the dask extra: pip install 'kb-pipeline[dask]'") from None
    try:
        return DaskExecutor(options.scheduler, initializer, initargs)
    except EngineError:
        raise
    except Exception as exc:  # unreachable, no worker, a worker that cannot be set up
        raise EngineError(f"Dask scheduler {options.scheduler}: {type(exc).__name__}: {exc}") from None


def check_scheduler(scheduler: str | None) -> None:
    """An EngineError for a `local:N` whose N is no count of workers, before any work (a
    rebuild of unchanged input starts no engine, but a mistyped option is still an error)."""
    if scheduler and scheduler.startswith("local:"):
        n = scheduler.split(":", 1)[1]
        if not (n.isascii() and n.isdigit() and int(n) >= 1):
            raise EngineError(f"Dask scheduler {scheduler}: local:N needs N >= 1 workers")


def chunks(items: list, n: int) -> list[list]:
    """Small enough that the workers finish together (the last chunk of 256 bodies left
    one worker idle for a third of a second), large enough to amortise the messages."""
    size = max(1, min(64, len(items) // (n * 8) or 1))
    return [items[i:i + size] for i in range(0, len(items), size)]
