"""The scheduling loop both engines share (executors/__init__.py, `schedule`)."""
from __future__ import annotations

IN_FLIGHT = 2  # tasks per worker: the tasks a result brings in go out soon


def schedule(n: int, next_task, submit, finished, result) -> None:
    """Run tasks until there are none on n workers: next_task(w) gives worker w's next task,
    (fn, args, callback), or None; submit(w, fn, args) sends it and gives a future;
    finished(futures) waits until some are done and gives those; result(future) is its
    value, which goes to the task's callback. Callbacks run in submission order among the
    futures found done together, and here, in this process."""
    inflight: dict = {}  # future -> (order, worker, callback)
    load = [0] * n
    seq = 0
    while True:
        for w in sorted(range(n), key=load.__getitem__):
            while load[w] < IN_FLIGHT and (task := next_task(w)) is not None:
                fn, args, callback = task
                inflight[submit(w, fn, args)] = (seq, w, callback)
                load[w] += 1
                seq += 1
        if not inflight:
            return
        for fut in sorted(finished(inflight), key=lambda f: inflight[f][0]):
            _, w, callback = inflight.pop(fut)
            load[w] -= 1
            callback(result(fut))
