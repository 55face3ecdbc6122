# labkit: two commands. `make demo` and `make test` set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JupyterLab's defaults for this environment: no news, no update checks (offline)
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: setup browser webserver demo test reports publish serve clean

setup: $(STAMP) $(LAB_OVERRIDES)

# Re-install only when the project's dependencies change: fast when nothing did.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

$(LAB_OVERRIDES): jupyter/overrides.json $(STAMP)
	@mkdir -p $(@D)
	cp jupyter/overrides.json $@

# A Chromium for the browser tests: the one found (/usr/bin/chromium, `chromium` on PATH,
# Playwright's own), else Debian's (root with apt-get), else Playwright's download.
browser: setup
	@$(BIN)/python tools/browser.py

# nginx for the published site's browser tests: the one found, else Debian's nginx-light (root
# with apt-get), else one line saying what to install. The tests start their own, unprivileged.
webserver: setup
	@$(BIN)/python tools/nginx.py

demo: setup
	$(BIN)/labkit validate data
	$(BIN)/labkit summary --data data
	$(BIN)/labkit reports --data data --out reports
	@echo "Rapporten: reports/index.html"
	$(BIN)/labkit publish --data data --out site --public
	@echo "Site: site/index.html (opens from disk; copy site/ to any web server to share it)"
	$(BIN)/labkit serve --data data

test: setup browser webserver
	$(BIN)/python -m pytest

# One report per theme: reports/<theme>.ipynb and .html (offline), and reports/index.html.
reports: setup
	$(BIN)/labkit reports --data data --out reports

# The static site for any number of viewers: site/index.html, the dashboard per theme and
# language, the reports and the open data, without the names of people who did not consent.
publish: setup
	$(BIN)/labkit publish --data data --out site --public

# The stakeholder dashboard on http://127.0.0.1:8866 (Voilà, preheated kernels); Ctrl+C stops it.
serve: setup
	$(BIN)/labkit serve --data data

clean:
	rm -rf $(VENV) .pytest_cache
