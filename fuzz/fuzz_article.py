"""Coverage-guided fuzz target (atheris) for the whole per-article path:
bytes -> ingest.parse_article -> Cleaner.clean -> Structurer.structure.

A finding is any exception, executable markup in any output field, or cleaning that is
not idempotent (tests/markup.py, check_article). Run with `make fuzz FUZZ_MINUTES=10`;
each finding is written to fuzz/artifacts/ and belongs in tests/fuzz_regressions/, which
tests/test_robustness.py replays.
"""
import os
import sys

import atheris

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.setrecursionlimit(1000)  # the default: nothing may depend on a raised limit

with atheris.instrument_imports():
    # every pipeline module on the path is imported here, so that atheris instruments it:
    # check_article imports them lazily, which left them uninstrumented (coverage came from
    # tests/markup.py alone until 2026-11-25)
    import bs4  # noqa: F401  (the cleaner imports it when first needed: here, to be instrumented)
    import pipeline.clean  # noqa: F401
    import pipeline.ingest  # noqa: F401
    import pipeline.structure  # noqa: F401
    from pipeline.rules import load_rules
    from tests.markup import check_article

RULES = load_rules()


def TestOneInput(data: bytes) -> None:
    check_article(data, RULES)


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
