#!/usr/bin/env bash
# Installs what building and testing Profkarta needs, skipping what is there.
# Sourced by serve.sh and test.sh; safe to run again (a warm machine takes seconds).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14  # 0.22 needs a newer rustc than this machine has

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$root/scripts/node_modules/.bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (several minutes on a cold machine)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen's CLI must match the library version in Cargo.lock exactly.
# Not --locked: one of its locked dependencies is no longer in the registry.
wbg_version="$(grep -A1 '^name = "wasm-bindgen"$' "$root/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
    say "installing wasm-bindgen-cli $wbg_version"
    cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# wasm-opt comes from the npm package binaryen: Debian's binaryen 108 breaks
# the output. playwright-core drives Chromium in the end-to-end tests.
if [ ! -x "$root/scripts/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/scripts/node_modules/playwright-core" ] || [ ! -d "$root/scripts/node_modules/axe-core" ]; then
    say "installing node tools (binaryen, playwright-core, axe-core)"
    (cd "$root/scripts" && npm ci --no-audit --no-fund)
fi

if [ ! -x /usr/bin/chromium ]; then
    say "installing Debian's chromium"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
