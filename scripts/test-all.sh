#!/usr/bin/env bash
# The README's "set up and test": everything CI runs, in order, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian chromium for the end-to-end tests…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium >/dev/null
fi

if [ ! -x /usr/sbin/haproxy ]; then
  echo "Installing Debian haproxy for the cluster test (server/src/testkit/cluster.test.ts)…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 haproxy >/dev/null
fi

step() { echo; echo "== $1"; }
step "typecheck (tsc -b)";  pnpm typecheck
step "lint (eslint)";       pnpm lint
step "format (prettier)";   pnpm format:check
step "build client";        pnpm --filter @conjecture/client build
step "PostgreSQL for the storage tests"; source scripts/postgres-for-tests.sh
step "unit + integration (vitest)"; pnpm test
step "end to end (playwright, chromium)"; pnpm e2e
