# Two commands on a fresh machine: `make site` and `make test`.
# Every install step lives here, so a green run cannot hide a missing one.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENDOR := site_templates/assets/garden/vendor
# The same garden on ProperDocs (MkDocs' maintained continuation), with no `mkdocs` package.
PD_VENV := .venv-properdocs
PD_BIN := $(PD_VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test install properdocs assets browser build serve clean

site: install assets build serve  ## install, build the demo garden, serve it on :8000

test: install properdocs assets browser  ## install, then every test, browser tests included
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/python -m pytest -q
	@echo "--- the suite again on ProperDocs, without mkdocs (browser tests ran above)"
	$(PD_BIN)/python -m pytest -q -m "not browser" -p no:cacheprovider

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,mermaid2]"
	touch $@

properdocs: $(PD_VENV)/.installed

$(PD_VENV)/.installed: pyproject.toml
	test -x $(PD_BIN)/python || $(PYTHON) -m venv $(PD_VENV)
	$(PD_BIN)/python -m pip install --quiet --upgrade pip
	$(PD_BIN)/python -m pip install --quiet -e ".[test]" "properdocs>=1.6.7,<2"
	$(PD_BIN)/python -m pip uninstall --quiet --yes mkdocs  # Material's dependency: ProperDocs stands in
	touch $@

# Browser libraries from the npm registry, pinned by the lock file, served by the site.
assets: $(VENDOR)/.installed

$(VENDOR)/.installed: site_templates/package.json site_templates/package-lock.json
	cd site_templates && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp site_templates/node_modules/mermaid/dist/mermaid.min.js $(VENDOR)/
	cp site_templates/node_modules/force-graph/dist/force-graph.min.js $(VENDOR)/
	mkdir -p $(VENDOR)/katex
	cp site_templates/node_modules/katex/dist/katex.min.js site_templates/node_modules/katex/dist/katex.min.css $(VENDOR)/katex/
	cp -r site_templates/node_modules/katex/dist/fonts $(VENDOR)/katex/
	touch $@

# Debian's chromium drives the browser tests; Noto CJK so Chinese is not boxes.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

build: install assets
	$(BIN)/mkdocs build --strict

serve: install assets
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

clean:
	rm -rf site $(VENV) $(PD_VENV) site_templates/node_modules $(VENDOR)
