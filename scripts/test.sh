#!/usr/bin/env bash
# Runs every test layer in order and ends with one summary line: "N passed, N failed".
# Called by `make test` (after setup) and therefore by .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-60}
unset BACKPREP_BANK_DIR
# A clean CI clone builds once: incremental caches would only take disk space.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
# Say how much disk there is: a full disk fails every layer with "No space left on device".
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
echo "disk: $((free_kb / 1024 / 1024)) GB free where the build runs"
if [ "$free_kb" -lt $((8 * 1024 * 1024)) ]; then
  echo "disk: warning: under 8 GB free; a clean build takes about 4 GB (target/, dist*, node_modules)"
fi

passed=0; failed=0; failures=()
log=$(mktemp -d)

# run NAME CMD...: runs one step, adds the tests it reports to the totals.
run() {
  local name=$1; shift
  printf '\n=== %s: %s\n' "$name" "$*"
  if "$@" 2>&1 | tee "$log/$name.txt"; then status=0; else status=1; fi
  # Count what the runner says it ran (cargo/wasm-bindgen-test and Playwright formats).
  local p f
  p=$( (grep -oE 'test result: (ok|FAILED)\. [0-9]+ passed' "$log/$name.txt" | grep -oE '[0-9]+ passed'; \
        grep -oE '^ +[0-9]+ passed' "$log/$name.txt"; grep -oE '^(size budget|examples): [0-9]+ passed' "$log/$name.txt" | grep -oE '[0-9]+ passed') \
        | awk '{s+=$1} END {print s+0}')
  f=$( (grep -oE 'test result: (ok|FAILED)\. [0-9]+ passed; [0-9]+ failed' "$log/$name.txt" | grep -oE '[0-9]+ failed'; \
        grep -oE '^ +[0-9]+ failed' "$log/$name.txt"; \
        grep -oE '^examples: [0-9]+ passed, [0-9]+ failed' "$log/$name.txt" | grep -oE '[0-9]+ failed') | awk '{s+=$1} END {print s+0}')
  if [ "$status" -ne 0 ]; then
    failures+=("$name"); [ "$f" -eq 0 ] && f=1
  fi
  passed=$((passed + p)); failed=$((failed + f))
  printf '=== %s: %s (%s passed, %s failed)\n' "$name" "$([ $status -eq 0 ] && echo ok || echo FAILED)" "$p" "$f"
}

run fmt cargo fmt --check
run leptosfmt leptosfmt --check src
run clippy-host cargo clippy --all-targets -- -D warnings
run clippy-wasm cargo clippy --target wasm32-unknown-unknown --all-targets --features bench -- -D warnings
run unit cargo test
# The answers' code: every fenced block of the bank run or checked (scripts/examples/manifest.toml).
run examples python3 scripts/examples/run.py
run browser cargo test --target wasm32-unknown-unknown
run dist scripts/build.sh dist
run dist-sub scripts/build.sh dist-sub --public-url /backprep/
# The same release build with the test clock (feature test-hooks), for the specs that move time.
run dist-test scripts/build.sh dist-test --features test-hooks
run size python3 scripts/size_report.py --check dist
run e2e npx playwright test --config tests/e2e/playwright.config.js

printf '\nlayers failed: %s\n' "${failures[*]:-none}"
echo "summary: $passed passed, $failed failed"
[ ${#failures[@]} -eq 0 ]
