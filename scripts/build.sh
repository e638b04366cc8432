#!/usr/bin/env bash
# Builds the deployable site: one release wasm per area of the app (see src/meta.rs, `Area`), then
# the prerendered pages and the stamps (scripts/postbuild.py runs as the last trunk build's hook).
#   scripts/build.sh DIST [--public-url /sub/] [--features test-hooks]
# Trunk runs --offline: it never downloads a tool.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
dist=${1:?usage: scripts/build.sh DIST [trunk options]}
shift
# Each area's page template is index.html with its own binary; trunk builds one binary per page.
areas="backprep-practice backprep-interview backprep-progress backprep-design"
for bin in $areas; do
  sed "s/data-bin=\"backprep\"/data-bin=\"$bin\"/" index.html > "$bin.html"
  trunk build "$bin.html" --offline --release --dist "$dist.$bin" "$@"
done
# The study area last: its post-build hook gathers the others and writes the site.
trunk build index.html --offline --release --dist "$dist" "$@"
rm -rf "$dist".backprep-*
for bin in $areas; do rm -f "$bin.html"; done
