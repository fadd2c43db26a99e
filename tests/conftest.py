import fcntl
import json
import os
import shutil
import tarfile
from pathlib import Path

import pytest

from pipeline.model import Options
from pipeline.rules import load_rules
from pipeline.runner import build

ROOT = Path(__file__).resolve().parent.parent
# The seed articles are the tests' own: input/ is the user's folder (it ships with copies of
# them as the default corpus) and no test depends on what it holds.
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
SEEDS_KB = ROOT / "tests" / "fixtures" / "seeds-kb.json"  # the build of SEEDS
CORPUS = ROOT.parent / "shared" / "corpus" / "techidaily-sample.tar.xz"


@pytest.fixture(scope="session")
def rules():
    return load_rules()


def _made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder `make` fills once per test run, however many pytest-xdist workers ask for it
    (`make test` runs the suite on every core): the first to ask makes it under a lock, in
    the run's shared temporary folder; the others wait for it and read it. Never written after."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # pytest-of-USER/pytest-N/: the workers' basetemps are its popen-gwK
    dest = root / name
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes, also if `make` fails
        if not (root / f"{name}.done").exists():
            shutil.rmtree(dest, ignore_errors=True)
            dest.mkdir()
            make(dest)
            (root / f"{name}.done").touch()
    return dest


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory):
    """The real sample corpus, unpacked once per run; skipped where ../shared is absent."""
    if not CORPUS.exists():
        pytest.skip("sample corpus not present (../shared/corpus)")

    def unpack(dest):
        with tarfile.open(CORPUS) as tar:
            tar.extractall(dest, filter="data")
    return _made_once(tmp_path_factory, "corpus", unpack)


@pytest.fixture(scope="session")
def corpus_kb(corpus_dir, tmp_path_factory):
    """The sample's kb.json (parsed) and its output folder, built once per run."""
    out = _made_once(tmp_path_factory, "corpus-out", lambda dest: build(corpus_dir, dest, Options(jobs=2)))
    return json.loads((out / "kb.json").read_text("utf-8")), out


@pytest.fixture(scope="session")
def seeds_kb(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds-out")
    build(SEEDS, out, Options(jobs=1))
    return json.loads((out / "kb.json").read_text("utf-8"))


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path
