#!/usr/bin/env bash
# Webhook → Set → Respond over HTTP on loopback (issue 4, benchmark 1): synapscale-server on
# SQLite, the same request as ../shared/peers (POST {"a":1,"b":"x"} → add sum = a + 1 → respond
# with the JSON), wrk for DURATION at each concurrency, with every execution saved and with
# saving off. Prints req/s, p50, p99, RSS after load, and how many executions were stored.
# Usage: bench/bench-webhook.sh [build dir]   (DURATION=20s CONCURRENCIES="1 10 50" WORKERS=0 LOADGEN=wrk|hey SAVE_MODES="all none")
# LOADGEN=hey matches ../shared/peers/bench-peers.sh's default load generator.
set -euo pipefail
build=${1:-build}
server=$build/app/server/synapscale-server
DURATION=${DURATION:-20s}
CONCURRENCIES=${CONCURRENCIES:-"1 10 50"}
work=$(mktemp -d)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT
here=$(cd "$(dirname "$0")" && pwd)
lua="$work/post.lua"
cat > "$lua" <<'LUA'
wrk.method = "POST"
wrk.body   = '{"a":1,"b":"x"}'
wrk.headers["Content-Type"] = "application/json"
LUA
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
free_port() { for _ in $(seq 1 100); do p=$(( (RANDOM % 20000) + 30000 )); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo $p; return; }; done; }
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }

for save in ${SAVE_MODES:-all none}; do
  port=$(free_port)
  DEBUG=true LOG_LEVEL=warning WORKERS=${WORKERS:-0} DATABASE_URL="sqlite:///$work/$save.db" PORT=$port "$server" serve 2>"$work/$save.log" &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
  base="http://127.0.0.1:$port/api/v1"
  curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"Bench-password-1"}' "$base/auth/register"
  token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"Bench-password-1"}' "$base/auth/login" | json 'd["access_token"]')
  definition=$(cat <<JSON
{"name": "bench", "definition": {"nodes": [
  {"id": "hook", "name": "Webhook", "type": "trigger.webhook", "parameters": {"path": "bench", "httpMethod": "POST", "responseMode": "responseNode"}},
  {"id": "set", "name": "Add sum", "type": "core.set", "parameters": {"includeOtherFields": false, "fields": [
     {"name": "a", "value": "{{ \$json.body.a }}", "type": "number"},
     {"name": "b", "value": "{{ \$json.body.b }}", "type": "string"},
     {"name": "sum", "value": "{{ \$json.body.a + 1 }}", "type": "number"}]}},
  {"id": "respond", "name": "Respond", "type": "core.respond_to_webhook", "parameters": {"respondWith": "firstIncomingItem"}}],
 "edges": [{"from": "hook", "to": "set"}, {"from": "set", "to": "respond"}],
 "settings": {"saveData": "$save"}}}
JSON
)
  id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$definition" "$base/workflows" | json 'd["id"]')
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" "$base/workflows/$id/activate"
  echo "== saveData=$save: $(curl -sf -H 'Content-Type: application/json' -d '{"a":1,"b":"x"}' "http://127.0.0.1:$port/webhook/bench")"
  wrk -t2 -c10 -d5s -s "$lua" "http://127.0.0.1:$port/webhook/bench" > /dev/null   # warm-up
  for c in $CONCURRENCIES; do
    threads=$(( c < 2 ? 1 : 2 ))
    if [ "${LOADGEN:-wrk}" = hey ]; then
      out=$(hey -z "$DURATION" -c "$c" -m POST -T application/json -d '{"a":1,"b":"x"}' "http://127.0.0.1:$port/webhook/bench")
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {printf "%.2fms", $3*1000}')
      p99=$(echo "$out" | awk '$1=="99%" {printf "%.2fms", $3*1000}')
      errs=$(echo "$out" | grep -A3 "Status code distribution" | grep -v "\[200\]" | tail -n +2 | tr '\n' ' ' || true)
    else
      out=$(wrk -t$threads -c"$c" -d"$DURATION" --latency -s "$lua" "http://127.0.0.1:$port/webhook/bench")
      rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
      p50=$(echo "$out" | awk '$1=="50%" {print $2}')
      p99=$(echo "$out" | awk '$1=="99%" {print $2}')
      errs=$(echo "$out" | grep -E "Non-2xx|Socket errors" | tr '\n' ' ' || true)
    fi
    echo "c=$c  req/s=$rps  p50=$p50  p99=$p99  RSS=$(rss_mb $pid) MB $errs"
  done
  sleep 1
  stored=$(curl -sf -H "Authorization: Bearer $token" "$base/executions?workflow_id=$id&limit=1" | json 'd["total"]')
  echo "executions stored: $stored"
  kill -TERM $pid; wait $pid || true
done
