import json
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


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory):
    """The real sample corpus, unpacked once per session; skipped where ../shared is absent."""
    if not CORPUS.exists():
        pytest.skip("sample corpus not present (../shared/corpus)")
    dest = tmp_path_factory.mktemp("corpus")
    with tarfile.open(CORPUS) as tar:
        tar.extractall(dest, filter="data")
    return dest


@pytest.fixture(scope="session")
def corpus_kb(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-out")
    result = build(corpus_dir, out, Options(jobs=2))
    return result, json.loads((out / "kb.json").read_text("utf-8")), out


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
