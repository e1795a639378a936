#!/usr/bin/env bash
# Benchmarks: the native import core and the release build in headless
# Chromium. Figures and targets are recorded in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
scripts/build.sh
cargo build --release -p profkarta-tools --bin profkarta-gen --bin profkarta-bench
target/release/profkarta-bench
node tests/bench/browser.mjs
