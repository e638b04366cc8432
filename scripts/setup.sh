#!/usr/bin/env bash
# Installs what Backprep needs, idempotently: each tool is skipped when already present at the
# right version. Nothing is fetched from outside the package registries.
#   scripts/setup.sh          build tools (wasm32 target, trunk, wasm-bindgen, wasm-opt)
#   scripts/setup.sh --test   the above plus leptosfmt, Chromium, chromedriver and the end-to-end packages
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
LEPTOSFMT_VERSION=0.1.33
want_test=false
[ "${1:-}" = "--test" ] && want_test=true
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION present"
else
  say "installing trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
[ -f Cargo.lock ] || cargo generate-lockfile
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WBG_VERSION" ] \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WBG_VERSION present"
else
  say "installing wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

if $want_test; then
  # Formats (and checks) the view! macros, which rustfmt leaves alone.
  if [ "$(leptosfmt --version 2>/dev/null)" = "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "leptosfmt $LEPTOSFMT_VERSION present"
  else
    say "installing leptosfmt $LEPTOSFMT_VERSION (about 4 minutes on 2 cores)"
    cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
  fi
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "chromium and chromedriver present"
  else
    say "installing chromium and chromium-driver from Debian"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
  fi
fi

# npm packages (wasm-opt from binaryen, Playwright, axe-core) are pinned by package-lock.json; a
# stamp of the lock file's hash tells whether node_modules matches it.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/wasm-opt ] && [ "$(cat node_modules/.backprep-lock-hash 2>/dev/null)" = "$lock_hash" ]; then
  say "npm packages present"
else
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.backprep-lock-hash
fi
say "wasm-opt $(wasm-opt --version | awk '{print $3}'), $(trunk --version), $(wasm-bindgen --version)"
