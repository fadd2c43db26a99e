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
