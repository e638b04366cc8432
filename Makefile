# Backprep: every command installs what it needs first (idempotently; see scripts/setup.sh).
# Trunk always runs --offline: it must never download a tool.
SHELL := bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PUBLIC_URL ?= /

.PHONY: serve dist test bench bench-load size setup setup-test bankcheck examples clean screenshots

## serve: build and serve the app on http://127.0.0.1:8080 with live reload
serve: setup
	trunk serve --offline --public-url $(PUBLIC_URL)

## dist: write the deployable static site to dist/ (PUBLIC_URL=/sub/ for a sub-path, SITE_URL=https://…/
## for canonical links and the sitemap)
dist: setup
	scripts/build.sh dist --public-url $(PUBLIC_URL)

## test: every test layer (fmt, clippy, cargo test, browser tests, release build + size budget, end-to-end)
test: setup-test
	scripts/test.sh

## bench: search and import benchmarks in release WASM in Chromium (search: real bank and 10,000
## synthetic questions; import: a file of the largest size accepted)
bench: setup-test
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300 cargo test --release --features bench \
	  --target wasm32-unknown-unknown --test search_bench --test import_bench -- --nocapture

## bench-load: build the site and one from a generated bank of ten copies of each question
## (dist-bench-1110), then on a throttled phone, against the same pages with every script removed:
## a first visit (list, search box, a search typed at once), list -> question and back, for the real
## bank with no history, with a heavy one (40 answers per question), and the generated bank; then
## Lighthouse 12 on / and a question page (prints figures; RUNS=5 by default)
RUNS ?= 5
BENCH_BANK := $(CURDIR)/.cache/bench/bank-1110
bench-load: dist setup-test
	cd scripts/bench && npm install -E --no-audit --no-fund --loglevel=error
	mkdir -p .cache/bench
	env -u BACKPREP_BANK_DIR cargo run -q --example heavy_history > .cache/bench/heavy-history.json
	node scripts/bench/gen_bank.mjs $(BENCH_BANK)
	cargo run -q --example bankcheck -- $(BENCH_BANK) > /dev/null
	BACKPREP_BANK_DIR=$(BENCH_BANK) scripts/build.sh dist-bench-1110
	@echo "generated bank's site, each area's wasm + js:"; python3 scripts/size_report.py dist-bench-1110 | grep 'area wasm'
	HISTORY=.cache/bench/heavy-history.json node scripts/bench/load.mjs dist $(RUNS) dist-bench-1110

## size: print the raw and gzip size of each file in dist/
size:
	python3 scripts/size_report.py dist

## bankcheck: validate the question bank and print its figures (per topic and level)
bankcheck:
	cargo run -q --example bankcheck -- assets/questions

## examples: run every answer's code (SQL in a throwaway PostgreSQL 15, Python in a pinned venv,
## nginx -t, javac, tsc, YAML/JSON parsing...) as scripts/examples/manifest.toml says
examples:
	python3 scripts/examples/run.py

## screenshots: build, then save screenshots at 390 and 1280 px, light and dark, to screenshots/
screenshots: dist setup-test
	node scripts/screenshots.mjs screenshots

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

clean:
	cargo clean
	rm -rf dist tests/e2e/.output
