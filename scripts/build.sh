#!/usr/bin/env bash
# Builds the release site into dist/: the school's page (index.html) and the
# department's page (otdel/), each with its own wasm bundle. Expects the
# tools of setup.sh on PATH. Trunk empties its dist folder first, so the
# school's page is built before the department's sub-folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Leptos boxes views instead of monomorphising every component tree with
# this flag: the same UI, ~50 KB less wasm (gzip). Browser build only.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components"
trunk build --release
trunk build otdel/index.html --release --dist dist/otdel
# Each page's service worker lists that page's files, so they come last.
node scripts/offline.mjs dist
