#!/usr/bin/env bash
# Runs every test of Profkarta: formatting and lints, the native tests of the
# core, the release build, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --workspace --all-targets -- -D warnings
# The pages' code as the browser gets it (the tools are never built for it),
# with the flag the release build uses (scripts/build.sh).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components" \
    cargo clippy --target wasm32-unknown-unknown -p profkarta -p profkarta-core -p profkarta-charts -- -D warnings

step "core tests (native)"
cargo test --workspace

step "release build"
scripts/build.sh
# The e2e tests check exported files with the project's own verifier and
# import files made by its generator.
cargo build -p profkarta-tools --bin profkarta-verify --bin profkarta-gen

step "end-to-end tests (headless Chromium, release build)"
node --test tests/e2e/
