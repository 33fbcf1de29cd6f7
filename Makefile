# Two entry points: `make demo` and `make test`. Both build .venv from
# python3 when it is missing and install the pinned dependencies first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup demo test eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check torch==2.13.0
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/newsmine demo

test: setup
	$(BIN)/python -m pytest -q

# Quality on held-out data: the corpus test split, and the shared benchmark
# beside the checkout when it is there (never copied into the project).
SHARED ?= ../shared
eval: setup
	$(BIN)/newsmine corpus check > /dev/null
	$(BIN)/newsmine eval facts --split test
	$(BIN)/newsmine eval classify --split test
	test ! -d $(SHARED)/datasets/cryptolin || $(BIN)/newsmine eval classify --cryptolin $(SHARED)/datasets/cryptolin
	test ! -d $(SHARED)/benchmarks/article-extraction || $(BIN)/newsmine eval extraction $(SHARED)/benchmarks/article-extraction

bench: setup
	HF_HUB_OFFLINE=1 $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) *.egg-info
