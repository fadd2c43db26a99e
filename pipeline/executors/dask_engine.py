"""The Dask executor (`build --engine dask --scheduler ADDRESS`): the per-article tasks of
pipeline/tasks.py on the workers of a Dask cluster, behind the executor interface of
executors/__init__.py, so the stages and the bytes they produce are the local engine's.

- `local:N` starts a LocalCluster of N single-threaded worker processes on this machine
  (closed with the build); any other address (`tcp://host:8786`) is a running scheduler,
  whose workers must have this pipeline installed, at this version, and see the input
  folder at the same path (a shared filesystem): tasks carry paths, never file contents.
- Each worker holds the build's `Worker` (rules, options, the cache's known hashes), set up
  by a worker plugin, also on a worker that joins or is restarted mid-build.
- A task lost with its worker is run again by Dask on another one; results are taken in
  this process as they come and put in order, so the output does not depend on which
  worker ran what, nor on a worker lost on the way.
- The per-file budget (deadline.py) needs a process's main thread, and Dask runs tasks in
  worker threads: on this engine a file that stalls its stage stalls that task (Dask has
  no task timeout); build untrusted input with the local engine.
"""
from __future__ import annotations

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin


class _Setup(WorkerPlugin):
    """Runs the build's worker initializer on every worker, present and future."""

    name = "kb-pipeline-setup"

    def __init__(self, initializer, initargs: tuple):
        self.initializer, self.initargs = initializer, initargs

    def setup(self, worker) -> None:
        self.initializer(*self.initargs)


class DaskExecutor:
    def __init__(self, scheduler: str, initializer, initargs: tuple):
        self.cluster = None
        if scheduler.startswith("local:"):
            n = int(scheduler.split(":", 1)[1])  # (ValueError: not a number)
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=40)
            self.client = Client(self.cluster, set_as_default=False)
        else:
            self.client = Client(scheduler, set_as_default=False, timeout=30)
        self.jobs = max(1, len(self.client.scheduler_info()["workers"]))
        self.client.register_plugin(_Setup(initializer, initargs))
        self.workers: list[str] = []

    def slots(self, total: int) -> int:
        if not self.workers:
            self.client.wait_for_workers(1)
            self.workers = sorted(self.client.scheduler_info()["workers"])
            self.jobs = len(self.workers)
        return len(self.workers)

    def imap(self, fn, arglist, progress, label, total):
        """fn over arglist (each call returns a list), results flattened, in order."""
        self.slots(total)
        futures = [self.client.submit(fn, *a, pure=False) for a in arglist]
        done = 0
        for f in futures:
            chunk = f.result()
            f.release()
            yield from chunk
            done += len(chunk)
            if progress:
                progress(label, done, total)

    def schedule(self, next_task, total: int) -> None:
        """As LocalExecutor.schedule: next_task(worker) gives that worker's next task; each
        goes to its worker while it is there (else to any), at most two in flight a worker."""
        n = self.slots(total)
        inflight: dict = {}  # future -> (worker, callback)
        load = [0] * n
        running = as_completed(loop=self.client.loop)

        def fill() -> None:
            for w in sorted(range(n), key=load.__getitem__):
                while load[w] < 2 and (task := next_task(w)) is not None:
                    fn, args, callback = task
                    fut = self.client.submit(fn, *args, pure=False, workers=[self.workers[w]],
                                             allow_other_workers=True)
                    inflight[fut] = (w, callback)
                    running.add(fut)
                    load[w] += 1

        fill()
        for fut in running:
            w, callback = inflight.pop(fut)
            load[w] -= 1
            result = fut.result()
            fut.release()
            callback(result)
            fill()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def terminate(self) -> None:
        self.close()
