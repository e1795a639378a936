#!/usr/bin/env bash
# Builds the release version of Profkarta and serves it on 127.0.0.1.
# PORT=9000 scripts/serve.sh picks another port.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

scripts/build.sh
exec node scripts/static_server.mjs dist "${PORT:-8080}"
