# Servator Assistant. `make run` sets up and serves; `make test` sets up and runs every test.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Python 3.10: a plain python3.10 on ordinary machines; pyenv's 3.10 where pyenv's global is newer.
PYTHON310 ?= $(shell if python3.10 -c '' >/dev/null 2>&1; then echo python3.10; \
	elif PYENV_VERSION=3.10 python3.10 -c '' >/dev/null 2>&1; then echo 'env PYENV_VERSION=3.10 python3.10'; \
	elif command -v pyenv >/dev/null 2>&1 && [ -x "$$(pyenv prefix 3.10 2>/dev/null)/bin/python3.10" ]; then echo "$$(pyenv prefix 3.10)/bin/python3.10"; \
	else echo python3.10; fi)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The environment Rasa runs with (no telemetry, quiet TensorFlow) is set in one place,
# servator/rasa_runtime/training.py (RASA_PROCESS_ENV), by `servator`, the tests and the tools themselves.
# pip on some machines points at local mirrors that do not exist: keep its warnings quiet.
# Install output goes to stderr, so `make bench` prints only its JSON on stdout.
PIP_QUIET := { grep -v "is ignored: it is neither a file nor a directory" || true; } >&2

.PHONY: help run test test-fast check format dev-deps audit-deps audit bench soak train validate lock lock-dev clean browser-deps

help:
	@echo "make run    - set up (.venv, locked dependencies), train if inputs changed, serve"
	@echo "make test   - set up and run every test CI runs"
	@echo "make bench  - speed and quality against vanilla Rasa, as one JSON object"
	@echo "make check  - ruff check, ruff format --check, mypy and the import rules (installs the dev tools)"
	@echo "make format - ruff format and the safe ruff fixes, over the whole repository"

$(STAMP): requirements.lock pyproject.toml
	@echo >&2 "==> Creating $(VENV) with $(PYTHON310) and installing the locked dependencies (about 2-3 minutes the first time)"
	@test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; assert sys.version_info[:2] == (3, 10), "need Python 3.10"'
	@$(BIN)/pip install --disable-pip-version-check --progress-bar on --no-deps --require-hashes -r requirements.lock 2>&1 | $(PIP_QUIET)
	@$(BIN)/pip install --disable-pip-version-check -q --no-deps --no-build-isolation -e . 2>&1 | $(PIP_QUIET)
	@$(BIN)/pip check >/dev/null || { $(BIN)/pip check >&2; exit 1; }
	@touch $(STAMP)

# Developer tools (ruff, mypy, import-linter) into .venv, after the runtime lock, from their own lock.
DEV_STAMP := $(VENV)/.dev-installed
$(DEV_STAMP): $(STAMP) requirements-dev.lock
	@$(BIN)/pip install --disable-pip-version-check -q --no-deps -r requirements-dev.lock 2>&1 | $(PIP_QUIET)
	@$(BIN)/pip check >/dev/null || { $(BIN)/pip check >&2; exit 1; }
	@touch $(DEV_STAMP)

dev-deps: $(DEV_STAMP)

# pip-audit cannot share .venv with Rasa 3.6 (packaging pins): its own small venv, its own lock.
audit-deps: requirements-audit.lock
	@test -x .tools/bin/python || $(PYTHON310) -m venv .tools
	@.tools/bin/pip install --disable-pip-version-check -q -r requirements-audit.lock 2>&1 | $(PIP_QUIET)

# pip-audit over requirements.lock (tools/audit_lock.py): exit 1 on a finding not kept in docs/privacy.md,
# exit 2 when the lock could not be audited (the advisory data is fetched over the network).
audit: $(STAMP) audit-deps
	@$(BIN)/python -m tools.audit_lock

# Lint, format, types and the import rules (pyproject.toml); `make test` runs these first.
check: $(DEV_STAMP)
	@echo "==> ruff check, ruff format --check, mypy, lint-imports"
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check .
	@$(BIN)/mypy
	@$(BIN)/lint-imports --no-cache

format: $(DEV_STAMP)
	@$(BIN)/ruff format .
	@$(BIN)/ruff check --fix .

run: $(STAMP)
	@$(BIN)/servator run

train: $(STAMP)
	@$(BIN)/servator train

validate: $(STAMP)
	@$(BIN)/servator validate

# In `make test` a finding fails; an audit that could not run (no network to the advisory data)
# says so loudly and fails only with AUDIT_REQUIRED=1.
test: check browser-deps
	@echo "==> Validating the training data (rasa data validate, failing on warnings)"
	@$(BIN)/servator validate
	@echo "==> Auditing the locked dependencies (pip-audit)"
	@$(MAKE) --no-print-directory audit-deps || echo >&2 "==> pip-audit could not be installed"
	@status=0; $(BIN)/python -m tools.audit_lock || status=$$?; \
	if [ $$status -eq 1 ] || { [ $$status -ne 0 ] && [ "$${AUDIT_REQUIRED:-0}" = 1 ]; }; then exit 1; fi; \
	if [ $$status -ne 0 ]; then echo >&2 "==> WARNING: the dependencies were NOT audited (see above); AUDIT_REQUIRED=1 makes that fatal"; fi
	@echo "==> Running the tests"
	@$(BIN)/pytest -q -ra

# Unit tests only: no trained model, no servers (the `postgres` ones use the PostgreSQL service).
test-fast: $(DEV_STAMP)
	@$(BIN)/pytest -q tests/unit

bench: $(STAMP)
	@$(BIN)/python -m tools.bench

soak: $(STAMP)
	@$(BIN)/python -m tools.soak

# The browser tests drive Debian's Chromium (never Playwright's download): install it only when missing.
browser-deps:
	@test -x /usr/bin/chromium || { echo "==> Installing Debian's chromium for the browser tests"; \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# Re-resolve the lock file from requirements.in (pip-tools in its own small venv).
lock:
	@test -x .tools/bin/pip-compile || { $(PYTHON310) -m venv .tools && .tools/bin/pip install -q pip-tools; }
	@.tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

# Re-resolve the developer locks (the dev tools constrained by requirements.lock; pip-audit alone).
lock-dev:
	@test -x .tools/bin/pip-compile || { $(PYTHON310) -m venv .tools && .tools/bin/pip install -q pip-tools; }
	@.tools/bin/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-dev.lock requirements-dev.in
	@.tools/bin/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements-audit.lock requirements-audit.in

clean:
	rm -rf $(VENV) .tools .cache models var .pytest_cache
