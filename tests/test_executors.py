"""The executors' shared loops (pipeline/executors/loop.py) on the local process pool."""
from pipeline.executors import LocalExecutor, loop


def _listed(i: int) -> list[int]:
    return [i]


def test_imap_keeps_a_bounded_window_of_tasks_ahead_of_its_consumer():
    # every task was sent at once: the stage's arguments all queued in this process, and the
    # results the consumer (consolidation) had not taken yet all held in it
    ex = LocalExecutor(2, int, ())
    sent = []
    try:
        ex.slots(200)
        for pool in ex.pools:
            pool.submit = lambda *a, _submit=pool.submit: (sent.append(a), _submit(*a))[1]
        taken = []
        for x in ex.imap(_listed, [(i,) for i in range(200)], None, "test", 200):
            taken.append(x)
            assert len(sent) - len(taken) <= 2 * loop.AHEAD
        assert taken == list(range(200)) and len(sent) == 200
    finally:
        ex.terminate()


def test_a_builds_worker_runs_one_task_at_a_time_whatever_the_threads_of_its_process():
    """A Dask worker started with several threads (`dask worker --nthreads 4`, Dask's default is
    one per core) runs tasks at once in one process, on the one Worker of the build, whose
    Structurer keeps the body it reads by (its learnt products, labels, page titles) on itself:
    a second task must wait for the first, not read a body under the first one's labels."""
    import threading

    from pipeline.model import Options
    from pipeline.rules import load_rules
    from pipeline.tasks import Worker

    worker = Worker(load_rules(), Options(), frozenset())
    inside, release, order = threading.Event(), threading.Event(), []

    def first():
        order.append("first in")
        inside.set()
        release.wait(5)
        order.append("first out")

    def second():
        order.append("second in")

    a = threading.Thread(target=worker.run, args=(first, ()))
    a.start()
    assert inside.wait(5)
    b = threading.Thread(target=worker.run, args=(second, ()))
    b.start()
    b.join(0.3)  # (the second task is held while the first runs)
    release.set()
    a.join(5)
    b.join(5)
    assert order == ["first in", "first out", "second in"]


def test_terminate_leaves_no_pool_wakeup_open_for_the_exit_hook():
    """After Ctrl-C the workers are killed and the pools shut down without waiting; at exit
    concurrent.futures' hook writes to each live pool thread's wake-up pipe while that thread may be
    closing it (CPython 3.11: "OSError: Bad file descriptor", a traceback after "Aborted!"). Every
    pool's thread has ended, its pipe closed, by the time terminate() returns."""
    import time
    from concurrent.futures import process
    ex = LocalExecutor(2, int, ())
    ex.slots(2)
    pools = list(ex.pools)
    for pool in pools:
        pool.submit(time.sleep, 30)
    time.sleep(0.2)
    threads = [pool._executor_manager_thread for pool in pools]
    wakeups = [process._threads_wakeups[t] for t in threads]
    ex.terminate()
    assert not any(t.is_alive() for t in threads)
    assert all(w._closed for w in wakeups)
