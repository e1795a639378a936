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
# Both pages tell wasm-opt that the lowest 1 KB of memory is unused
# (`--low-memory-unused` in index.html and otdel/index.html): Rust puts the
# stack first, below 1 MiB, growing down, so only a stack about to overflow
# would reach it. wasm-opt then folds constant offsets into loads and stores:
# 2 KB less for the school's page and 5 KB for the department's (gzip).
trunk build --release
trunk build otdel/index.html --release --dist dist/otdel
# Trunk's loader starts the signature worker with wasm-bindgen's old way of
# naming the wasm file, which logs a deprecation warning in every worker;
# the new form names the same file. Checked, so that a Trunk that writes
# its loader otherwise fails the build instead of leaving the warning.
sed -i 's|wasm_bindgen("./proverka_bg.wasm");|wasm_bindgen({ module_or_path: "./proverka_bg.wasm" });|' \
    dist/otdel/proverka_loader.js
grep -q 'module_or_path' dist/otdel/proverka_loader.js
# An empty list of the department's cards: a site whose department has not
# published one answers the school page's request instead of a 404. The
# department's own cards/ folder replaces it (README, «Публикация карты»).
mkdir -p dist/cards
printf '%s\n' '{"format":"profkarta-card-index","department":"","cards":[]}' > dist/cards/index.json
# Each page's service worker lists that page's files, so they come last.
node scripts/offline.mjs dist
