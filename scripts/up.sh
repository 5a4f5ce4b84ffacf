#!/usr/bin/env bash
# The README's "set up and run": install, build, start one server on $PORT (default 3000) storing in $DATA_DIR (./data).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile
pnpm build
exec node server/dist/main.js
