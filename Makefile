# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgresql+asyncpg://postgres@127.0.0.1:5432/test

.PHONY: run playground bench test test-sqlite test-sqlite-stock test-postgres lint install install-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

run: install
	$(BIN)/python -m bot

# Try the bot in a browser without Telegram: no token, no internet.
playground: install
	$(BIN)/python -m bot playground

test: install-test test-sqlite test-sqlite-stock test-postgres lint

test-sqlite:
	$(BIN)/pytest -q

# The registration journeys again on SQLAlchemy's stock aiosqlite adapter: the way back from
# bot/storage/sqlite_driver.py must keep working.
test-sqlite-stock:
	TEST_SQLITE_DRIVER=stock SQLITE_DRIVER=stock $(BIN)/pytest -q tests/test_registration.py \
		tests/test_conversation.py tests/test_sqlite_dialects.py

# The same suite on PostgreSQL when a server answers; otherwise one line says it was skipped.
# The fuzz test's 10,000 updates run on SQLite; on PostgreSQL it picks a shorter profile.
test-postgres:
	@if $(BIN)/python tests/pg_available.py "$(PG_URL)"; then \
		TEST_DATABASE_URL="$(PG_URL)" $(BIN)/pytest -q; \
	fi

# Benchmarks (not tests): the real bot against the fake Bot API; numbers go to docs/benchmarks.md.
bench: install-test
	$(BIN)/python -m bench

lint:
	$(BIN)/ruff check bot fake_telegram playground tests bench
	$(BIN)/ruff format --check bot fake_telegram playground tests bench
	$(BIN)/mypy bot fake_telegram playground
