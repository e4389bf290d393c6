# LLM Terms Icebreaker: every command sets itself up on a fresh Debian machine.
#   make serve   preview at http://127.0.0.1:8000 with live reload
#   make quick   the fast tier, under a minute: make check + the unit tests (no build, no browser)
#   make test    content checks + the whole pytest suite (unit, build and browser tiers)
#   make compat  the site built with ProperDocs is the MkDocs site (CI runs it)
#   make build   the static site in site/
#   make check   fast content checks (no browser);  make fix  applies the automatic fixes
#   make new-term ID=my-term   both language files for a new term
#   make pdf     training handouts in site/pdf/;  make bench  benchmarks (see BENCHMARKS.md)
#   make screenshots   pages of each type as PNG in test-artifacts/screenshots/, to look at

PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt 2>/dev/null | cksum | cut -d' ' -f1)
DEBIAN_PACKAGES := chromium fonts-noto-cjk poppler-utils
# Page dates and the sitemap come from git, not the clock, so two builds of one commit are identical.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build quick test compat check fix new-term pdf bench screenshots system-packages git-history clean

# Through scripts/build.py: both languages side by side, and the preview keeps mkdocs.yml's
# site_url (plain `mkdocs serve` points it at the preview server, which the safety checks refuse).
serve: $(STAMP) git-history
	$(PY) scripts/build.py serve --dev-addr 127.0.0.1:8000 --livereload

# scripts/build.py: `mkdocs build` with the two languages built side by side on two cores.
build: $(STAMP) git-history
	$(PY) scripts/build.py --clean

test: $(STAMP) system-packages git-history
	$(PY) scripts/check.py
	$(PY) -m pytest

quick: $(STAMP)
	$(PY) scripts/check.py
	$(PY) -m pytest -q -m unit

check: $(STAMP)
	$(PY) scripts/check.py

# ProperDocs, the maintained MkDocs 1.x fork, in a venv of its own (pinned in
# requirements-compat.txt): both builds must be byte-identical apart from the generator tag.
COMPAT_VENV := .venv-compat
compat: $(STAMP) git-history
	@test -x $(COMPAT_VENV)/bin/python || { $(PYTHON_SYSTEM) -m venv $(COMPAT_VENV) && \
	  $(COMPAT_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-compat.txt; }
	$(PY) scripts/compat.py --properdocs $(COMPAT_VENV)/bin/properdocs

fix: $(STAMP)
	$(PY) scripts/check.py --fix

new-term: $(STAMP)
	$(PY) scripts/new_term.py "$(ID)"

pdf: $(STAMP) system-packages build
	$(PY) scripts/pdf.py

screenshots: $(STAMP) system-packages build
	$(PY) scripts/screenshots.py

bench: $(STAMP) system-packages
	$(PY) scripts/bench.py

# The virtual environment, rebuilt whenever requirements.txt changes.
$(STAMP): requirements.txt
	@$(PYTHON_SYSTEM) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed; found: $$($(PYTHON_SYSTEM) --version)"; exit 1; }
	@$(PYTHON_SYSTEM) -m venv --help >/dev/null 2>&1 && $(PYTHON_SYSTEM) -c 'import ensurepip' 2>/dev/null || \
	  { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; \
	    else echo "Python's venv module is missing. Run: sudo apt-get install python3-venv"; exit 1; fi; }
	rm -rf $(VENV)
	$(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian packages the browser, PDF and font tests need.
system-packages:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing="$$missing fonts-noto-cjk"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Missing Debian packages:$$missing. Run this, then 'make test' again:"; \
	    echo "  sudo apt-get install -y $(DEBIAN_PACKAGES)"; exit 1; \
	  fi; \
	fi

# "Last updated" dates come from git: a shallow clone gets its history if the remote has it.
# (Without it, pages whose date cannot be known show none, rather than a wrong one.)
git-history:
	@if [ "$$(git rev-parse --is-shallow-repository 2>/dev/null)" = true ]; then \
	  git fetch --quiet --unshallow 2>/dev/null || echo "Shallow clone: some pages will show no 'last updated' date."; \
	fi

clean:
	rm -rf site .pytest_cache test-artifacts bench-output .venv-compat
