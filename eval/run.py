"""`make eval`: unpack the corpora (once, into eval/.work), build each, score the builds.

    python eval/run.py [--write]   # --write: also update eval/results.md
"""
from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = {"sample": "techidaily-sample.tar.xz", "variety": "techidaily-variety.tar.xz"}
WORK = HERE / ".work"


def unpack(name: str, archive: Path) -> Path:
    dest = WORK / name / "in"
    done = WORK / name / ".unpacked"
    if not done.exists():
        dest.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            tar.extractall(dest, filter="data")
        done.touch()
    return dest


def main() -> int:
    shared = ROOT.parent / "shared" / "corpus"
    kbs = []
    for name, file in CORPORA.items():
        if not (shared / file).exists():
            print(f"eval: {shared / file} is missing", file=sys.stderr)
            return 1
        src = unpack(name, shared / file)
        out = WORK / name
        subprocess.run([sys.executable, "-m", "pipeline", "build", "--input", str(src), "--output", str(out)],
                       check=True, cwd=ROOT)
        kbs.append(str(out / "kb.json"))
    args = kbs + (["--results", str(HERE / "results.md")] if "--write" in sys.argv else [])
    args += [a for a in sys.argv[1:] if a.startswith("--details")]
    return subprocess.run([sys.executable, str(HERE / "score.py"), *args], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
