#!/usr/bin/env bash
# Builds the release site into dist/: the school's page (index.html) and the
# department's page (otdel/), each with its own wasm bundle. Expects the
# tools of setup.sh on PATH. Trunk empties its dist folder first, so the
# school's page is built before the department's sub-folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
trunk build --release
trunk build otdel/index.html --release --dist dist/otdel
