"""Coverage-guided fuzz target (atheris) for whole builds of 2-3 generated files:
bytes -> files -> runner.build (ingest, clean, structure, consolidation, titles, page
kinds, the write-time scrub) -> kb.json.

The input is split on the byte 0x1E into up to 3 files; a single part is built with a spun
copy of itself (its title prefixed "[2024 Updated] ", its body unchanged), which the build
merges, so consolidation and the title passes always run on more than one source. A
finding is any exception from the build, an input neither in an entry's sources nor
rejected, a kind that is not a kind, or executable markup in any field of an entry
(tests/markup.py, check_build). Run with `make fuzz-build FUZZ_MINUTES=10`; seeds are in
fuzz/seeds-build/ (and fuzz/seeds/); a finding belongs in tests/fuzz_regressions/build/,
which tests/test_robustness.py replays. The per-file budget is off here (libFuzzer's own
-timeout holds the SIGALRM timer): a slow input is reported as a slow unit or a timeout.
"""
import sys

import atheris

import fuzz_article  # the path, the recursion limit, the per-article modules instrumented

with atheris.instrument_imports():
    import pipeline.consolidate  # noqa: F401
    import pipeline.kinds  # noqa: F401
    import pipeline.runner  # noqa: F401
    import pipeline.safety  # noqa: F401
    import pipeline.titles  # noqa: F401
    from tests.markup import check_build

RULES = fuzz_article.RULES


def TestOneInput(data: bytes) -> None:
    check_build(data, RULES)


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
