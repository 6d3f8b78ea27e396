# Dateline — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: help install run serve worker test test-fast screenshots browser-deps lint format bench lock check-deploy clean

help:
	@echo "make run    - install, migrate, load the seed story, serve on http://$(HOST):$(PORT)/ (another port: make run PORT=8001)"
	@echo "make test   - the whole suite (unit, integration, browser)"
	@echo "make serve  - production-style: collectstatic, migrate, gunicorn on http://$(HOST):$(PORT)/ (DEBUG off)"
	@echo "make worker - the background worker that ingests uploaded articles"
	@echo "make bench  - benchmarks: tagger, ingest, saved web pages, pages, review queue (needs PostgreSQL on 127.0.0.1:5432;"
	@echo "              STORY=path/to/manifest.json: the story the review rows ingest)"
	@echo "make lint   - ruff check and format check"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_seed_story
	@echo ""
	@echo "  Dateline is running at http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/admin/)"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

# Production-style serving on loopback: DEBUG off, whitenoise for static files,
# gunicorn. Set DJANGO_SECRET_KEY (a random one is made for this run otherwise,
# which logs everyone out on restart) and DATABASE_URL for PostgreSQL. Plain
# HTTP on loopback: DJANGO_HTTPS=0 (behind a TLS proxy, leave it unset).
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_HTTPS=$${DJANGO_HTTPS:-0} \
  DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-$(HOST),localhost} \
  DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-$$(head -c 48 /dev/urandom | base64 | tr -d '\n')}
WORKERS ?= 2
THREADS ?= 4

serve: install
	@$(SERVE_ENV) $(MANAGE) collectstatic --noinput -v0
	@$(SERVE_ENV) $(MANAGE) migrate --noinput -v0
	@echo ""
	@echo "  Dateline (production settings) at http://$(HOST):$(PORT)/   health: http://$(HOST):$(PORT)/healthz"
	@echo "  gunicorn: $(WORKERS) workers x $(THREADS) threads; uploads are ingested by 'make worker'"
	@echo "  database: $$([ -n "$$DATABASE_URL" ] && echo "from DATABASE_URL" || echo "SQLite file db.sqlite3")   stop with Ctrl+C"
	@echo ""
	@$(SERVE_ENV) $(BIN)/gunicorn config.wsgi:application --bind $(HOST):$(PORT) \
	  --workers $(WORKERS) --worker-class gthread --threads $(THREADS) \
	  --access-logfile - --error-logfile - --graceful-timeout 20

# Runs queued ingest jobs (Django tasks, database backend). Safe to kill: a job
# whose worker died is re-queued and re-run; ingest is idempotent.
worker: install
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) requeue_stalled_ingests
	$(MANAGE) db_worker --no-reload --interval 1

# Browser tests drive the distribution's Chromium; Playwright cannot fetch its own here.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Chromium for the browser tests (Debian package 'chromium')"; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

test: install browser-deps
	$(BIN)/python -m pytest

# Refresh the README's screenshots from the browser tests.
screenshots: install browser-deps
	DATELINE_SCREENSHOT_DIR=docs/screenshots $(BIN)/python -m pytest tests/browser -k screenshots -q

test-fast: install
	$(BIN)/python -m pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
	  DJANGO_ALLOWED_HOSTS=dateline.example $(MANAGE) check --deploy --fail-level WARNING

# Regenerate the lock file after changing pyproject.toml dependencies.
lock: install
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
