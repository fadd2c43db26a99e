"""Stopping a build: Ctrl-C (SIGINT to the whole process group, as a terminal sends it),
SIGTERM, or killing the main process alone. Each ends the build promptly, leaves no
process and no scratch folder behind, and never a half-written kb.json."""
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, write

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _corpus(folder: Path, n: int) -> None:
    body = (SEEDS / "000_aea70502640bc831.txt").read_text("utf-8").split("\n---\n", 1)[1]
    rng = random.Random(7)
    words = body.split()
    for i in range(n):
        extra = " ".join(rng.choice(words) for _ in range(80))
        write(folder, f"a{i:03d}.md", f"---\ntitle: Article {i}\n---\n{body}\n\n## Note {i}\n\n{extra}\n")


def _as_a_terminal_starts_it() -> None:
    """In the child, before the build starts: Ctrl-C handled and not blocked, as in a job a terminal
    starts. A child inherits an ignored or blocked SIGINT from its parent (here a pytest-xdist worker,
    after other tests ran in it), and such a build rightly runs on through Ctrl-C. Under xdist the test
    failed with "0 of 20 builds were stopped" in each full suite of 2026-12-07 and passed alone; whether
    that parent's SIGINT was the cause is not yet known (the failure message now says what it was)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _start(src: Path, out: Path, tmp: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp))
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--input", str(src), "--output", str(out),
                             "-q", "-j", "2", "--no-cache"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_as_a_terminal_starts_it)


def _scratch(out: Path) -> list[Path]:
    """The build's scratch folders (inside the output folder, never in TMPDIR)."""
    return list(out.glob(".kb-build-*")) if out.exists() else []


def _alive_in_group(pgid: int) -> list[int]:
    """Processes of the group that are still running (zombies waiting for a reaper aside)."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            alive.append(int(stat.parent.name))
    return alive


def _gone(pgid: int, seconds: float = 5.0) -> bool:
    end = time.monotonic() + seconds
    while _alive_in_group(pgid):
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def _await_scratch(proc: subprocess.Popen, out: Path) -> None:
    end = time.monotonic() + 20
    while not _scratch(out) and proc.poll() is None and time.monotonic() < end:
        time.sleep(0.005)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    src = tmp_path_factory.mktemp("sig-in")
    _corpus(src, 60)
    return src


def test_ctrl_c_at_random_moments_ends_every_build_cleanly(corpus, tmp_path):
    rng = random.Random(27)
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    # how long this machine, at its present load, takes from the build's scratch folder to its
    # end: the moments drawn below fall across it (its end too) however fast or loaded the machine is
    proc = _start(corpus, out, tmp)
    _await_scratch(proc, out)
    began = time.monotonic()
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    proc.stderr.close()
    length = time.monotonic() - began
    # promptly: within 5 s, or twice a whole build's length where a loaded machine makes that longer
    allowed = max(5.0, 2 * length)
    stopped = 0
    for i in range(20):
        proc = _start(corpus, out, tmp)
        # at a random moment of the build (its scratch folder is there), not of Python's own
        # start-up, which a loaded machine can make longer than the build
        _await_scratch(proc, out)
        time.sleep(rng.uniform(0.0, 1.2 * length))  # (the last draws land as kb.json is written, or after)
        if proc.poll() is not None:  # it had finished (a zombie still takes the signal: no error)
            proc.stderr.close()
            continue
        sent = time.monotonic()
        try:
            os.killpg(proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=allowed)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"build {i} still running {allowed:.1f} s after Ctrl-C (a build takes {length:.2f} s here)")
        err = proc.stderr.read().decode()
        proc.stderr.close()
        if proc.returncode == 0:
            # it finished before the signal could stop it (also when the signal came while the
            # interpreter was exiting): a whole kb.json, nothing left behind
            json.loads((out / "kb.json").read_text("utf-8"))
            assert list(tmp.iterdir()) == [] and _scratch(out) == [], f"build {i} left {_scratch(out)}"
            continue
        stopped += 1
        assert proc.returncode != 0, err
        assert "Traceback" not in err, err
        if (out / "kb.json").exists():  # (the last whole build's: never one half-written)
            json.loads((out / "kb.json").read_text("utf-8"))
        assert _gone(proc.pid, allowed - (time.monotonic() - sent) + 1), f"build {i} left processes running"
        assert list(tmp.iterdir()) == [] and _scratch(out) == [], f"build {i} left {_scratch(out)}"
    assert stopped >= 10, (f"only {stopped} of 20 builds were stopped (a build takes {length:.2f} s here; this "
                           f"process's SIGINT {signal.getsignal(signal.SIGINT)}, blocked "
                           f"{signal.pthread_sigmask(signal.SIG_BLOCK, set())})")


def test_sigterm_removes_the_scratch_folder_and_the_workers(corpus, tmp_path):
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    proc = _start(corpus, out, tmp)
    end = time.monotonic() + 20
    while not _scratch(out) and time.monotonic() < end:
        time.sleep(0.02)
    time.sleep(0.3)
    os.kill(proc.pid, signal.SIGTERM)  # the main process only, as `kill PID` does
    assert proc.wait(timeout=5) == 128 + signal.SIGTERM, proc.stderr.read().decode()
    proc.stderr.close()
    assert _gone(proc.pid)
    assert list(tmp.iterdir()) == [] and _scratch(out) == []
    assert not (out / "kb.json").exists()


def test_killing_the_main_process_leaves_no_worker(corpus, tmp_path):
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    proc = _start(corpus, out, tmp)
    end = time.monotonic() + 20
    while len(_alive_in_group(proc.pid)) < 3 and time.monotonic() < end:  # the build and its 2 workers
        time.sleep(0.02)
    assert len(_alive_in_group(proc.pid)) >= 3
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=5)
    proc.stderr.close()
    assert _gone(proc.pid), "workers outlived their parent"


def test_a_ctrl_c_in_the_middle_of_removing_the_scratch_folder_still_removes_it(tmp_path, monkeypatch):
    """The Ctrl-C test's moments near a build's end found a scratch folder left behind (1 run
    in a few): the signal came while the folder was being removed, or as the cache closed just
    before. The removal is finished before the stop goes on."""
    import shutil

    from pipeline import write as write_module
    scratch = write_module.Scratch(tmp_path)
    for i in range(50):
        (Path(scratch.name) / f"body{i}").write_text("x")
    real, calls = shutil.rmtree, []

    def interrupted(path, *args, **kwargs):  # the first removal stopped half-way by Ctrl-C
        calls.append(path)
        if len(calls) == 1:
            (Path(path) / "body0").unlink()
            raise KeyboardInterrupt
        return real(path, *args, **kwargs)
    monkeypatch.setattr(write_module.shutil, "rmtree", interrupted)
    with pytest.raises(KeyboardInterrupt):
        scratch.cleanup()
    assert list(tmp_path.glob(".kb-build-*")) == []


@pytest.mark.parametrize("stage", ["ArticleCache", "_read_all", "_document"])
def test_a_ctrl_c_at_any_stage_of_a_no_cache_build_removes_the_scratch_folder(tmp_path, monkeypatch, stage):
    """A fresh clone's CI found build 18 of the random Ctrl-C moments leaving its scratch folder.
    Every stage from the folder's making to the build's end is covered by its removal: the cache
    opening in it (once before the build held it), the reading of the files, and the document's
    assembly (once outside the removal's reach)."""
    from pipeline import runner

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(runner, stage, interrupted)
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.md", "---\ntitle: t\n---\n\nbody text here\n")
    write(src, "b.md", "---\ntitle: u\n---\n\nother body text\n")
    with pytest.raises(KeyboardInterrupt):
        runner.build(src, out, runner.Options(jobs=1), use_cache=False)
    assert _scratch(out) == []
