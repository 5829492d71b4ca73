# The one place that says how to build, test and run avance.
#   make site   installs what is missing, builds the tool, builds the Quito site into public/
#   make test   installs what is missing, checks formatting, runs every test
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
AVANCE_RELEASE := .build/release/avance
AVANCE_DEBUG := .build/debug/avance

PYTHON ?= python3
# Third-party validators of the open data, used by the tests only.
PY_PACKAGES := "jsonschema>=4.18,<5" "frictionless>=5.10,<6"

.PHONY: site test serve deps py-deps tool tool-debug lint format golden open-data-check clean

site: deps tool
	$(AVANCE_RELEASE) build --root .

test: deps py-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory tool-debug open-data-check

# Preview with live reload at http://127.0.0.1:1313/ (Ctrl-C to stop).
serve: deps tool-debug
	$(AVANCE_DEBUG) serve --root .

# Builds the Quito site and validates its JSON, schemas, feeds, sitemap and Data Package.
open-data-check:
	$(AVANCE_DEBUG) build --root . --output .build/test-public --quiet
	$(PYTHON) Tests/OpenDataValidation/validate.py .build/test-public

# System packages: Debian's cmark-gfm (the Markdown parser) and pkg-config.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || \
	  { echo "could not install:$$missing (run as root, or install them yourself)"; exit 2; }; \
	fi

py-deps:
	@$(PYTHON) -c "import jsonschema, frictionless" 2>/dev/null || \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PY_PACKAGES)

tool:
	$(SWIFT) build -c release --product avance

tool-debug:
	$(SWIFT) build --product avance

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

# Regenerate the golden files after an intended change of output, then review the diff.
golden: deps
	AVANCE_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenTests

clean:
	rm -rf .build public
