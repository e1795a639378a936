#!/usr/bin/env bash
# Runs every test of Profkarta: formatting and lints, the native tests of the
# core, the release build, and the end-to-end tests in headless Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings

step "core tests (native)"
cargo test

step "release build"
scripts/build.sh
# The e2e tests check exported files with the project's own verifier and
# import files made by its generator.
cargo build --bin profkarta-verify --bin profkarta-gen

step "end-to-end tests (headless Chromium, release build)"
node --test tests/e2e/
