#!/usr/bin/env bash
# Sourced by test-all.sh: starts a throwaway Redis (Debian's redis-server, installed when missing) on
# 127.0.0.1 and a free port, exports TEST_REDIS_URL for the Redis test suites, and stops it when the
# calling script exits (after whatever the script's exit trap already did, e.g. stopping PostgreSQL).

if ! command -v redis-server >/dev/null; then
  echo "Installing Debian's redis-server for the Redis tests…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 redis-server >/dev/null
fi

REDIS_DIR="$(mktemp -d /tmp/conjecture-redis-XXXXXX)"
REDIS_PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
# Nothing saved to disk: a test Redis is thrown away.
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" --save '' --appendonly no \
  --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/log"
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

stop_test_redis() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$REDIS_DIR"
}
PREVIOUS_EXIT_TRAP="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")"
trap "stop_test_redis; ${PREVIOUS_EXIT_TRAP}" EXIT

export TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT"
echo "Redis for tests at $TEST_REDIS_URL"
