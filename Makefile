# The two commands of the README: `make serve` and `make test`. Everything else follows.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast check lint lock goldens bench quality clean

# A virtual environment with the pinned, hash-checked dependencies and the `dossier` command.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Zensical, the successor of Material for MkDocs, in an environment of its own (it pins its own
# Markdown stack); tests/test_zensical.py builds the site with it to prove the move is safe.
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.installed: requirements-zensical.lock
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --require-hashes -r requirements-zensical.lock
	touch $@

serve: $(VENV)/.installed  ## generate, build and serve on http://127.0.0.1:8000 (rebuilds on edits)
	$(BIN)/dossier build
	$(BIN)/mkdocs serve -f mkdocs.serve.yml --strict --dirty --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed  ## generate, build the static site into site/, then index it for search (Pagefind)
	$(BIN)/dossier build
	$(BIN)/mkdocs build --strict
	$(BIN)/python -m dossier.search_index site

.PHONY: offline
offline: $(VENV)/.installed  ## generate, then build the offline copy (works from file://) into build/dossier-offline.zip
	$(BIN)/dossier build
	$(BIN)/python scripts/offline.py

check: $(VENV)/.installed  ## validate the reports and registries; write nothing
	$(BIN)/dossier check

test: $(VENV)/.installed $(ZENSICAL_VENV)/.installed  ## the whole test suite (browser tests need /usr/bin/chromium)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy --strict scripts/dossier
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed  ## everything but the browser and Zensical tests, for quick checks while editing
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy --strict scripts/dossier
	$(BIN)/python -m pytest -m "not browser and not zensical"

goldens: $(VENV)/.installed  ## rewrite the golden files from the fixture corpus, then review the diff
	DOSSIER_UPDATE_GOLDENS=1 $(BIN)/python -m pytest tests/test_golden.py

bench: $(VENV)/.installed $(ZENSICAL_VENV)/.installed  ## measure N = 5 (real), 100, 1,000, 2,000 reports against the budgets; writes data/performance.json (about half an hour)
	$(BIN)/python scripts/bench.py

.PHONY: bench-smoke
bench-smoke: $(VENV)/.installed  ## the benchmark at N = 5 and 20, no Zensical, no serve (CI runs it in tests/test_bench.py)
	$(BIN)/python scripts/bench.py --smoke --out build/bench-smoke.json

.PHONY: synth
synth: $(VENV)/.installed  ## write a synthetic corpus, a whole project: make synth N=100 DIR=/tmp/synth [SEED=2026]
	$(BIN)/python scripts/synth.py --reports $(or $(N),100) --seed $(or $(SEED),2026) \
	  $(or $(DIR),$(error give the project folder: make synth N=100 DIR=/tmp/synth))

quality: $(VENV)/.installed  ## Lighthouse on five pages of the site, served compressed; writes data/quality.json (needs npm and Chromium)
	$(BIN)/python scripts/lighthouse.py

lock:  ## re-pin requirements.in and requirements-zensical.in into their locks with hashes (needs pip-tools)
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	  --output-file requirements.lock requirements.in
	$(BIN)/pip-compile --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
	  --output-file requirements-zensical.lock requirements-zensical.in

clean:
	rm -rf site includes docs/actors docs/statements docs/data docs/assets/generated \
	  docs/timeline.md docs/glossary.md docs/reports/index.md
