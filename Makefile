# Entente: `make run` serves the dashboard, `make test` runs every test. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt constraints.txt | cksum | cut -d' ' -f1)
DB ?= data/entente.duckdb
PORT ?= 8501

.PHONY: setup db run test bench clean

setup: $(STAMP)

$(STAMP): requirements.txt constraints.txt
	@echo "Setting up $(VENV) with $(PYTHON) ($$($(PYTHON) --version))..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar off -r requirements.txt -c constraints.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

db: setup
	$(BIN)/python -m etl run data/samples/ --db $(DB)

run: db
	ENTENTE_DB=$(DB) $(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: setup
	$(BIN)/python -m pytest

# Speed against the targets; writes benchmarks/results.md. BENCH_SIZES=100000,1000000 for a quick run.
bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
