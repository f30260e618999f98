#!/usr/bin/env bash
# Runs every ImpactMesh test on a fresh machine: installs what the tests need from Debian when missing
# (redis-server; chromium for the browser tests, which Playwright drives without downloading a browser), starts redis-server on a free loopback port, runs `dotnet test` over the solution and
# prints a closing "N passed, N failed" line. Exits non-zero when anything fails.
# Extra arguments go to dotnet test (e.g. ./test.sh --filter "FullyQualifiedName~Topology").
set -euo pipefail
cd "$(dirname "$0")"

apt_install() {
  local run=()
  [ "$(id -u)" -ne 0 ] && run=(sudo)
  echo "Installing $* from Debian..."
  "${run[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -qq "$@" >/dev/null
}

missing=()
command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 || missing+=(redis-server)
[ -x "${IMPACTMESH_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

work=$(mktemp -d)
cleanup() {
  local rc=$?
  if [ -f "$work/redis.pid" ]; then
    local pid
    pid=$(cat "$work/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$work" 2>/dev/null || true
  exit "$rc"
}
trap cleanup EXIT

port=""
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 20000))
  if redis-server --port "$candidate" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
       --pidfile "$work/redis.pid" --logfile "$work/redis.log" --dir "$work" >/dev/null 2>&1; then
    for _ in $(seq 1 50); do
      if [ "$(redis-cli -p "$candidate" ping 2>/dev/null)" = "PONG" ]; then port=$candidate; break 2; fi
      sleep 0.1
    done
  fi
done
[ -n "$port" ] || { echo "could not start redis-server on a loopback port" >&2; cat "$work/redis.log" >&2 || true; exit 1; }
export IMPACTMESH_TEST_REDIS="127.0.0.1:$port"
echo "redis-server for the tests: $IMPACTMESH_TEST_REDIS"

rm -rf TestResults
status=0
dotnet test ImpactMesh.sln -c Release --logger trx --results-directory TestResults "$@" || status=$?

passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
