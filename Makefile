# Two commands on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
INPUT  ?= input
OUTPUT ?= output
JOBS   ?=
# pytest-xdist workers for `make test`: one per core (TEST_WORKERS=0 runs the suite in one process)
TEST_WORKERS ?= auto
FUZZ_MINUTES   ?= 10
FUZZ_ARTIFACTS ?= fuzz/artifacts/

.PHONY: build test bench eval fuzz fuzz-build clean venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

build: $(VENV)/.installed
	$(BIN)/python -m pipeline build --input $(INPUT) --output $(OUTPUT) $(if $(JOBS),--jobs $(JOBS))

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal

bench: $(VENV)/.installed
	$(BIN)/python bench/bench.py

# The quality yardstick (not part of `make test`): builds the sample and variety corpora
# (../shared/corpus) and scores them against the hand-labelled gold in eval/gold.
# EVAL_FLAGS=--write updates eval/results.md; --details lists each article's problems.
eval: $(VENV)/.installed
	$(BIN)/python eval/run.py $(EVAL_FLAGS)

# Coverage-guided fuzzing of the per-article path (not part of `make test`); stops at the
# first finding, which lands in $(FUZZ_ARTIFACTS). Extra libFuzzer flags: FUZZ_FLAGS=...
fuzz: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	mkdir -p fuzz/corpus $(FUZZ_ARTIFACTS)
	$(BIN)/python fuzz/fuzz_article.py -max_total_time=$$(( $(FUZZ_MINUTES) * 60 )) -timeout=20 \
		-rss_limit_mb=4096 -artifact_prefix=$(FUZZ_ARTIFACTS) $(FUZZ_FLAGS) fuzz/corpus fuzz/seeds $(INPUT)

# The same for whole builds of 2-3 generated files (consolidation, titles, kinds, scrub)
fuzz-build: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,fuzz]'
	mkdir -p fuzz/corpus-build $(FUZZ_ARTIFACTS)
	$(BIN)/python fuzz/fuzz_build.py -max_total_time=$$(( $(FUZZ_MINUTES) * 60 )) -timeout=60 \
		-rss_limit_mb=4096 -artifact_prefix=$(FUZZ_ARTIFACTS) $(FUZZ_FLAGS) fuzz/corpus-build fuzz/seeds-build fuzz/seeds

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
