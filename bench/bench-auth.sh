#!/usr/bin/env bash
# Account-system benchmarks (bench/README.md records the figures):
#  - in-process: login cost, access-token verification, request authentication (bench_auth);
#  - over HTTP: authenticated GET /api/v1/auth/auth/me against GET /health, wrk -t2 -c50 -d10s,
#    in the same run on the same server.
# Usage: bench/bench-auth.sh [build dir]
set -euo pipefail
build=${1:-build}
DURATION=${DURATION:-10s}
work=$(mktemp -d)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT

echo "== in-process"
"$build/bench/bench_auth"

port=$(( (RANDOM % 20000) + 30000 ))
JWT_SECRET_KEY=bench-jwt-key-0123456789abcdef0123456789abcdef SECRET_KEY=bench-secret-key-0123456789abcdef0123456789ab \
  LOG_LEVEL=warning DATABASE_URL="sqlite:///$work/auth.db" PORT=$port RATE_LIMIT_PER_IP=100000 \
  "$build/app/server/synapscale-server" serve 2>"$work/server.log" &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do
  kill -0 $pid 2>/dev/null || { echo "server did not start:"; cat "$work/server.log"; exit 1; }
  sleep 0.02
done
base="http://127.0.0.1:$port/api/v1/auth/auth"
curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"Bench-Password-2026"}' "$base/register"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"Bench-Password-2026"}' "$base/login" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
# Alternating rounds (ROUNDS, default 5); the medians and their ratio are what bench/README.md records.
rps() { wrk -t2 -c50 -d"$DURATION" "$@" | awk '/Requests\/sec/ {print int($2)}'; }
median() { sort -n | awk "{a[NR]=\$1} END {print a[int((NR+1)/2)]}"; }
for round in $(seq 1 "${ROUNDS:-5}"); do
  echo "health $(rps "http://127.0.0.1:$port/health")" >> "$work/rps"
  echo "health+header $(rps -H "Authorization: Bearer $token" "http://127.0.0.1:$port/health")" >> "$work/rps"
  echo "me $(rps -H "Authorization: Bearer $token" "$base/me")" >> "$work/rps"
done
cat "$work/rps"
h=$(awk '$1=="health" {print $2}' "$work/rps" | median)
hh=$(awk '$1=="health+header" {print $2}' "$work/rps" | median)
me=$(awk '$1=="me" {print $2}' "$work/rps" | median)
echo "median req/s (wrk -t2 -c50 -d$DURATION, ${ROUNDS:-5} rounds): /health $h, /health with the same header $hh, /me $me"
echo "/me is $(( me * 100 / h ))% of /health and $(( me * 100 / hh ))% of /health with the same header"
wrk -t2 -c50 -d"$DURATION" --latency -H "Authorization: Bearer $token" "$base/me" | grep -E "  50%|  99%"
