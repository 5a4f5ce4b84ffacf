#!/usr/bin/env bash
# Sourced by test-all.sh: starts a throwaway PostgreSQL cluster (Debian's package, installed when missing)
# on 127.0.0.1 and a free port, exports TEST_DATABASE_URL for the PostgreSQL test suites, and stops and
# removes the cluster when the calling script exits.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(pg_bin)" ]; then
  echo "Installing Debian's postgresql for the PostgreSQL storage tests…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 postgresql >/dev/null
fi
PG_BIN="$(pg_bin)"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the package's `postgres` user.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

PG_DIR="$(mktemp -d /tmp/conjecture-pg-XXXXXX)"
[ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
PG_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U conjecture --no-sync >/dev/null
# fsync off: a test cluster is thrown away, and durability across power loss is not what the tests check.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" >/dev/null

stop_test_postgres() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_test_postgres EXIT

export TEST_DATABASE_URL="postgres://conjecture@127.0.0.1:$PG_PORT/postgres"
echo "PostgreSQL for tests at $TEST_DATABASE_URL"
