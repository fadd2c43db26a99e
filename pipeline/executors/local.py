"""The local executor: worker processes on this machine (see executors/__init__.py)."""
from __future__ import annotations

import ctypes
import os
import signal
import sys
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from . import loop


def _start(parent: int, initializer, *initargs) -> None:
    """A worker process: Ctrl-C is its parent's to handle (the parent terminates it), and it
    dies with its parent, however the parent ends (SIGKILL too): on Linux the kernel sends it
    SIGTERM then (PR_SET_PDEATHSIG); a parent gone before that was set is seen by getppid."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (a Ctrl-C pending since the fork is dropped)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (not the parent's handler, forked with it)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)
    initializer(*initargs)


class LocalExecutor:
    """The worker processes, started only when there is work for more than one: one
    single-process executor each, so that a task can go to a chosen worker (the rests of
    one article's copies go to the worker that holds their paragraphs in its memo)."""

    def __init__(self, jobs: int, initializer, initargs: tuple):
        self.jobs = jobs
        self.initializer, self.initargs = initializer, initargs
        self.pools: list[ProcessPoolExecutor] = []
        self.local = False

    def slots(self, total: int) -> int:
        """Start the workers (or this process's one) for `total` items; how many there are."""
        if not self.pools and self.jobs > 1 and total > 1:
            self.pools = [ProcessPoolExecutor(1, initializer=_start,
                                              initargs=(os.getpid(), self.initializer, *self.initargs))
                          for _ in range(self.jobs)]
            # Each worker is forked now, with Ctrl-C blocked: a SIGINT to the process group
            # between the fork and the worker's SIG_IGN raised KeyboardInterrupt in its
            # start-up (a traceback on stderr); this process takes it once they are up.
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
            try:
                for f in [pool.submit(int) for pool in self.pools]:
                    f.result()
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if not self.pools and not self.local:
            self.initializer(*self.initargs)
            self.local = True
        return len(self.pools) or 1

    def imap(self, fn, arglist, progress, label, total):
        """fn over arglist (each call returns a list), results flattened, in order."""
        n = self.slots(total)
        done = 0
        if self.pools:
            results = loop.ordered(n, arglist, lambda i, a: self.pools[i % n].submit(fn, *a), lambda f: f.result())
        else:
            results = (fn(*a) for a in arglist)
        for chunk in results:
            yield from chunk
            done += len(chunk)
            if progress:
                progress(label, done, total)

    def schedule(self, next_task, total: int) -> None:
        """Run tasks until there are none: next_task(worker) gives a task for that worker,
        (fn, args, callback), or None; the callback is given fn's result (loop.schedule)."""
        n = self.slots(total)
        if not self.pools:
            while (task := next_task(0)) is not None:
                fn, args, callback = task
                callback(fn(*args))
            return
        loop.schedule(n, next_task, lambda w, fn, args: self.pools[w].submit(fn, *args),
                      lambda fs: wait(fs, return_when=FIRST_COMPLETED)[0], lambda f: f.result())

    def close(self) -> None:
        try:
            for pool in self.pools:
                pool.shutdown()
        except BaseException:  # interrupted while waiting for them
            self.terminate()
            raise
        self.pools = []

    def terminate(self) -> None:
        """The build stops (Ctrl-C, SIGTERM, an error): the workers are killed, not waited
        for (waiting on a pool whose worker was mid-task is what hung Ctrl-C)."""
        procs = [p for pool in self.pools for p in (pool._processes or {}).values()]
        for p in procs:
            p.terminate()
        for p in procs:
            p.join(2)
            if p.is_alive():
                p.kill()
                p.join(1)
        threads = []
        for pool in self.pools:
            # A worker killed while sending a result leaves half a message in the result
            # pipe, which the executor's thread then waits on for ever (and the interpreter,
            # at exit, on it): with this process's write end closed too, it reads EOF.
            try:
                pool._result_queue._writer.close()
            except (AttributeError, OSError):
                pass
            threads.append(getattr(pool, "_executor_manager_thread", None))
            pool.shutdown(wait=False, cancel_futures=True)
        for thread in threads:
            # the executor's thread closes its wake-up pipe as it ends; still running at exit, it
            # races the interpreter's exit hook writing to that pipe (CPython 3.11: "OSError: Bad
            # file descriptor" printed after "Aborted!"): it ends now, its pipe closed
            if thread is not None:
                thread.join(2)
        self.pools = []
