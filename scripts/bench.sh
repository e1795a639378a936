#!/usr/bin/env bash
# Benchmarks: the native import core and the release build in headless
# Chromium. Figures and targets are recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
scripts/build.sh
cargo build --release -p profkarta-tools --bin profkarta-gen --bin profkarta-bench
# The peer the browser figures are compared with (SurveyJS, pinned).
if [ ! -d tests/bench/peers/node_modules/survey-core ]; then
    (cd tests/bench/peers && npm ci --no-audit --no-fund)
fi
target/release/profkarta-bench
node tests/bench/browser.mjs
