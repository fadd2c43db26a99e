"""The Dask engine (issue 31): the same bytes as the local engine, also when a worker dies
mid-build. Runs where dask.distributed is installed (the dev extra; CI installs it)."""
import os
import signal

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model import Options
from pipeline.runner import build

from .conftest import SEEDS, SEEDS_KB

distributed = pytest.importorskip("distributed")


def test_the_sample_on_a_two_worker_local_cluster_is_byte_identical(corpus_dir, corpus_kb, tmp_path):
    _, _, local_out = corpus_kb
    build(corpus_dir, tmp_path, Options(jobs=2, scheduler="local:2"), use_cache=False)
    assert (tmp_path / "kb.json").read_bytes() == (local_out / "kb.json").read_bytes()


def test_a_worker_killed_mid_build_costs_time_not_bytes(corpus_dir, corpus_kb, tmp_path):
    _, _, local_out = corpus_kb
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       silence_logs=50)
    client = distributed.Client(cluster, set_as_default=False)
    killed = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "clean" and not killed and done > total // 4:  # a quarter of the files in
            pid = sorted(client.run(os.getpid).items())[0][1]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    try:
        build(corpus_dir, tmp_path, Options(jobs=2, scheduler=cluster.scheduler_address), progress=progress,
              use_cache=False)
    finally:
        client.close()
        cluster.close()
    assert killed
    assert (tmp_path / "kb.json").read_bytes() == (local_out / "kb.json").read_bytes()


def test_cli_engine_options(tmp_path):
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(out), "-q",
                                    "--engine", "dask", "--scheduler", "local:1"])
    assert res.exit_code == 0, res.output
    assert (out / "kb.json").read_bytes() == SEEDS_KB.read_bytes()
    res = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(out), "--scheduler", "local:2"])
    assert res.exit_code == 2 and "--scheduler is for --engine dask" in res.output
    res = CliRunner().invoke(main, ["build", "--input", str(SEEDS), "--output", str(out), "--engine", "dask",
                                    "--scheduler", "local:two"])
    assert res.exit_code == 1 and "Error: Dask scheduler local:two" in res.output and "Traceback" not in res.output
