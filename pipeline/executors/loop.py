"""The scheduling loops both engines share (executors/__init__.py, `schedule` and `imap`)."""
from __future__ import annotations

from collections import deque
from itertools import islice

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


AHEAD = 4  # imap's tasks per worker sent and not yet taken


def ordered(n: int, arglist, submit, result):
    """imap's loop: the results of submit(i, args) for each args of arglist, in order, with
    at most n * AHEAD tasks sent and not yet taken (the next goes out before a result is
    handed on). Sending them all at once held every task's arguments (the stage's bodies) in
    the scheduler and every result the consumer had not taken yet (consolidation takes
    structures slower than two workers make them) in the workers or in this process."""
    pending: deque = deque()
    args = enumerate(arglist)
    for i, a in islice(args, n * AHEAD):
        pending.append(submit(i, a))
    while pending:
        res = result(pending.popleft())
        for i, a in islice(args, 1):
            pending.append(submit(i, a))
        yield res
