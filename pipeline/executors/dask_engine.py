"""The Dask executor (`build --engine dask --scheduler ADDRESS`): the per-article tasks of
pipeline/tasks.py on the workers of a Dask cluster, behind the executor interface of
executors/__init__.py, so the stages and the bytes they produce are the local engine's.

- `local:N` starts a LocalCluster of N single-threaded worker processes on this machine
  (closed with the build); any other address (`tcp://host:8786`) is a running scheduler,
  whose workers must run this pipeline's very code (checked: a worker whose source files
  differ is refused, it would clean differently and fill the cache with it) and see the
  input folder at the same path (a shared filesystem) or the object store an `--input` URL
  names (pipeline/remote.py). Reading tasks carry paths; the tasks
  that clean a body's shared rest and structure a body carry that text.
- Each build registers a worker plugin of its own name, which builds that build's `Worker`
  (rules, options, the cache's known hashes) on every worker, also one that joins or is
  restarted mid-build, and is removed when the build ends: builds sharing a cluster never
  see each other's state.
- A task lost with its worker is run again by Dask on another one; results are taken in
  this process as they come and put in order, so the output does not depend on which
  worker ran what, nor on a worker lost on the way. No worker left for a minute, a lost
  scheduler or a task Dask gave up on (KilledWorker) ends the build with an EngineError.
- `fanout` runs tasks that share a prepared result left on the workers: consolidation's
  LSH index after the structure stage, a few bands' buckets a prepared result and their
  offers to a range of bodies a task (runner._by_band).
- The cluster's dashboard address, when it has one, is logged (the CLI prints it unless -q):
  the task stream there shows the build's progress on the workers.
- Ctrl-C stops the build within seconds and closes a local cluster, but its worker
  processes, in the terminal's process group, print their own KeyboardInterrupt tracebacks
  (the local engine's workers ignore Ctrl-C; a Dask worker cannot be made to in time
  without risking that the build itself misses the Ctrl-C).
- The per-file budget (deadline.py) holds in the workers' task threads: a file over it (its
  thread's CPU time) is rejected as on the local engine, and one that stalls C code (a
  backtracking regex) ends its worker process at twice the budget (wall clock). Dask then
  runs the task again elsewhere, and when it gives up on it (KilledWorker), the task's items
  are run one by one: the one that kills its worker again is rejected (tasks.stalled), the
  build goes on.
"""
from __future__ import annotations

import logging
import time
import uuid

import dask
from distributed import Client, LocalCluster
from distributed.client import FutureCancelledError
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from .. import code_digest, tasks
from ..deadline import in_threads
from . import EngineError, loop

_log = logging.getLogger("pipeline")
_STATES: dict[str, object] = {}  # plugin name -> that build's worker state, in a worker process
_NO_WORKERS = 60.0  # seconds without any worker before the build gives up
_POLL = 0.005
# Dask's message streams (client -> scheduler, scheduler -> each worker) each keep their last
# 1,000 batches for debugging, so each task's arguments (the bodies and rests the tasks carry),
# pickled and as objects, stayed in this process (with local:N, the scheduler's too) after the
# task ended: 10k articles, ~200 MB of the client's 300 MB after cleaning. Off for the streams
# a build opens (not one the scheduler opens later to a restarted worker: at most its 1,000).
_NO_MESSAGE_LOG = {"distributed.admin.low-level-log-length": 0}


class _Setup(WorkerPlugin):
    """Builds one build's worker state on every worker, present and future."""

    def __init__(self, name: str, digest: str, initializer, initargs: tuple):
        self.name, self.digest = name, digest
        self.initializer, self.initargs = initializer, initargs

    def setup(self, worker) -> None:
        if code_digest() != self.digest:
            raise RuntimeError(f"this worker runs other pipeline code than the build ({code_digest()[:12]} "
                               f"!= {self.digest[:12]})")
        in_threads()
        _STATES[self.name] = self.initializer(*self.initargs)

    def teardown(self, worker) -> None:
        _STATES.pop(self.name, None)


def _run(name: str, fn, args: tuple):
    if name not in _STATES:
        raise RuntimeError("this worker was not set up for the build (see its log)")
    return _STATES[name].run(fn, args)


def _digest() -> str:
    return code_digest()


class DaskExecutor:
    def __init__(self, scheduler: str, initializer, initargs: tuple):
        self.cluster = self.client = None
        self.name = f"kb-pipeline-{uuid.uuid4().hex}"
        self.workers: list[str] = []
        self.jobs = 1
        self.registered = False
        self.sent: dict[str, tuple] = {}  # a future's key -> its task (fn, args)
        try:
            self._connect(scheduler)
            self._check_versions()
            self.client.register_plugin(_Setup(self.name, code_digest(), initializer, initargs), name=self.name)
            self.registered = True
        except BaseException:
            self.close()
            raise

    def _connect(self, scheduler: str) -> None:
        if scheduler.startswith("local:"):
            n = int(scheduler.split(":", 1)[1])  # (ValueError: not a number)
            if n < 1:
                raise ValueError("local:N needs N >= 1 workers")
            # a task whose worker dies is run item by item (_one_by_one) at once, not after 4
            # deaths: the item that stalls its worker costs two restarts, not eight. No
            # profiler in the workers: it samples their stacks every 10 ms and keeps a tree of
            # them per second for the last 1,000 seconds, so a worker's memory grew with the
            # build's length (the 100k build's busier worker: 1.54x its 10k peak)
            with dask.config.set({"distributed.scheduler.allowed-failures": 0,
                                  "distributed.worker.profile.enabled": False, **_NO_MESSAGE_LOG}):
                self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                            dashboard_address=":0", silence_logs=40)
                self.client = Client(self.cluster, set_as_default=False)
        else:
            with dask.config.set(_NO_MESSAGE_LOG):
                self.client = Client(scheduler, set_as_default=False, timeout=15)
        self.client.wait_for_workers(1, timeout=_NO_WORKERS)
        if "dashboard" in self.client.scheduler_info().get("services", {}):
            _log.info("Dask dashboard: %s", self.client.dashboard_link)

    def _check_versions(self) -> None:
        theirs = self.client.run(_digest)
        other = sorted(w for w, d in theirs.items() if d != code_digest())
        if other:
            raise EngineError(f"{len(other)} Dask worker(s) run other pipeline code than this build "
                              f"({', '.join(other[:3])}): install this version on them")

    def slots(self, total: int) -> int:
        if not self.workers:
            self.workers = sorted(self.client.nthreads())
            self.jobs = len(self.workers)
        return len(self.workers)

    def _submit(self, fn, args: tuple):
        fut = self.client.submit(_run, self.name, fn, args, pure=False)
        self.sent[fut.key] = (fn, args)
        return fut

    def _result(self, fut, alone: bool = False):
        fn, args = self.sent.pop(fut.key)
        try:
            return self._value(fut)
        except KilledWorker:
            if alone:
                return [tasks.stalled(fn, args[-1][0])]
            return self._one_by_one(fn, args)

    def _value(self, fut):
        """The future's result (KilledWorker: Dask gave up on its task), then released."""
        seen = time.monotonic()
        try:
            while True:  # (a result lost with its worker is computed again: no worker, no wait for ever)
                try:
                    result = fut.result(timeout=1)
                    break
                except TimeoutError:
                    seen = self._waiting(seen)
        except (FutureCancelledError, OSError) as exc:
            raise EngineError(f"Dask lost a task: {type(exc).__name__}: {exc}") from None
        fut.release()
        return result

    def _wait(self, fut, alone: bool = False):
        """The future's result, once it is done (see _result)."""
        seen = time.monotonic()
        while not fut.done():
            seen = self._waiting(seen)
        return self._result(fut, alone)

    def _one_by_one(self, fn, args: tuple) -> list:
        """A task Dask gave up on (its workers died), its items run alone (the last argument
        of a task function is its list of items): the results, with one Spent at the end.
        One at a time: a worker that dies takes every task queued on it down with it, so an
        item sent beside the one that stalls would be rejected with it."""
        out, spent = [], None
        for item in args[-1]:
            f = self._submit(fn, (*args[:-1], [item]))
            for res in self._wait(f, alone=True):
                if isinstance(res, tasks.Spent):
                    spent = res if spent is None else tasks.Spent({k: v + res.seconds[k]
                                                                   for k, v in spent.seconds.items()})
                else:
                    out.append(res)
        return out + ([spent] if spent else [])

    def _waiting(self, since: float) -> float:
        """Sleep a little; fail when the cluster has had no worker for _NO_WORKERS seconds."""
        time.sleep(_POLL)
        now = time.monotonic()
        if now - since < 1.0:
            return since
        if self.client.nthreads():
            return now
        if now - since > _NO_WORKERS:
            raise EngineError("no Dask worker left")
        return since

    def imap(self, fn, arglist, progress, label, total):
        """fn over arglist (each call returns a list), results flattened, in order."""
        done = 0
        for chunk in loop.ordered(self.slots(total), arglist, lambda i, a: self._submit(fn, a), self._wait):
            yield from chunk
            done += len(chunk)
            if progress:
                progress(label, done, total)

    def fanout(self, prepare, fn, work):
        """For each (shared, arglist) of `work`, in order: prepare(*shared) run once on a worker
        and its result left on the workers (not sent to this process), and fn(that result,
        *args) for each args of arglist, on any worker; the results (each call returns a
        list) flattened, in order, at most jobs * AHEAD tasks sent and not yet taken
        (loop.ordered), so what the workers hold is a few tasks' results and the prepared
        results of a work item or two. A task Dask gave up on (its worker died: KilledWorker)
        is sent again once, with its prepared result made again (the scheduler held its
        arguments for the tasks that needed it); lost twice, an EngineError."""
        prepared: dict = {}  # a work item -> its prepared future, while its tasks are sent
        items: dict[str, tuple] = {}  # a task's key -> (its work item, its args)

        def send(_, item):
            k, args = item
            if k not in prepared:
                prepared.clear()  # (the scheduler keeps it for the tasks sent: this process need not)
                prepared[k] = self.client.submit(_run, self.name, prepare, work[k][0], pure=False)
            fut = self.client.submit(_run, self.name, fn, (prepared[k], *args), pure=False)
            items[fut.key] = item
            return fut

        def take(fut):
            k, args = items.pop(fut.key)
            try:
                return self._value(fut)
            except KilledWorker:
                again = self.client.submit(_run, self.name, prepare, work[k][0], pure=False)
                if k in prepared:
                    prepared[k] = again
                try:
                    return self._value(self.client.submit(_run, self.name, fn, (again, *args), pure=False))
                except KilledWorker as exc:
                    raise EngineError(f"Dask lost a task twice: {exc}") from None

        flat = ((k, args) for k, (_, arglist) in enumerate(work) for args in arglist)
        for chunk in loop.ordered(self.slots(0), flat, send, take):
            yield from chunk

    def schedule(self, next_task, total: int) -> None:
        """As LocalExecutor.schedule, but a task goes to whichever worker Dask picks: a task
        bound to a worker (loosely) that died stayed unscheduled ('no-worker') with other
        workers idle, and the build waited for ever."""
        loop.schedule(self.slots(total), next_task, lambda w, fn, args: self._submit(fn, args),
                      self._finished, self._result)

    def _finished(self, futures) -> list:
        seen = time.monotonic()
        while not (done := [f for f in futures if f.done()]):
            seen = self._waiting(seen)
        return done

    def close(self) -> None:
        try:
            if self.client is not None:
                if self.registered:
                    try:
                        self.client.unregister_worker_plugin(self.name)
                    except Exception:  # the cluster is gone
                        pass
                self.client.close()
        finally:
            self.client = None
            if self.cluster is not None:
                self.cluster.close()
                self.cluster = None

    def terminate(self) -> None:
        self.close()
