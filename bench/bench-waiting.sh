#!/usr/bin/env bash
# 10,000 executions parked in Wait nodes at once (issue 4, benchmark 3): threads and RSS of
# synapscale-server while they wait, and whether all of them finish afterwards.
# Usage: bench/bench-waiting.sh [build dir]   (COUNT=10000 WAIT_SECONDS=60 WORKERS=0)
set -euo pipefail
build=${1:-build}
server=$build/app/server/synapscale-server
COUNT=${COUNT:-10000}
WAIT_SECONDS=${WAIT_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT
json() { python3 -c "import sys,json; d=json.load(sys.stdin); print($1)"; }
free_port() { for _ in $(seq 1 100); do p=$(( (RANDOM % 20000) + 30000 )); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo $p; return; }; done; }
port=$(free_port)
DEBUG=true LOG_LEVEL=warning WORKERS=${WORKERS:-0} QUEUE_SIZE=$((COUNT * 2)) RATE_LIMIT_PER_IP=1000000 \
  DATABASE_URL="sqlite:///$work/wait.db" PORT=$port "$server" serve 2>"$work/log" &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.05; done
base="http://127.0.0.1:$port/api/v1"
curl -sf -o /dev/null -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"Bench-password-1"}' "$base/auth/register"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"bench@example.com","password":"Bench-password-1"}' "$base/auth/login" | json 'd["access_token"]')
id=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "{\"name\":\"wait\",\"definition\":{\"nodes\":[
  {\"id\":\"t\",\"name\":\"Start\",\"type\":\"trigger.manual\"},
  {\"id\":\"w\",\"name\":\"Wait\",\"type\":\"core.wait\",\"parameters\":{\"amount\":$WAIT_SECONDS,\"unit\":\"seconds\"}},
  {\"id\":\"e\",\"name\":\"End\",\"type\":\"core.noop\"}],
  \"edges\":[{\"from\":\"t\",\"to\":\"w\"},{\"from\":\"w\",\"to\":\"e\"}]}}" "$base/workflows" | json 'd["id"]')
threads_idle=$(awk '/Threads/ {print $2}' /proc/$pid/status)
rss_idle=$(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$pid/status)
t0=$(date +%s.%N)
hey -n "$COUNT" -c 50 -m POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"input":{"order":1}}' \
  "$base/workflows/$id/execute" > "$work/hey.txt"
t1=$(date +%s.%N)
waiting=0
for _ in $(seq 1 100); do
  waiting=$(curl -sf -H "Authorization: Bearer $token" "$base/executions?status=waiting&limit=1" | json 'd["total"]')
  [ "$waiting" -ge "$COUNT" ] && break
  sleep 0.2
done
echo "started $COUNT executions in $(echo "$t1 - $t0" | bc) s ($(grep -E '\[202\]' "$work/hey.txt" | awk '{print $2}') answered 202)"
echo "waiting at once: $waiting"
echo "threads: idle $threads_idle, with $waiting waiting $(awk '/Threads/ {print $2}' /proc/$pid/status)"
echo "RSS: idle $rss_idle MB, with $waiting waiting $(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$pid/status) MB"
sleep "$WAIT_SECONDS"
for _ in $(seq 1 150); do
  done_count=$(curl -sf -H "Authorization: Bearer $token" "$base/executions?status=succeeded&limit=1" | json 'd["total"]')
  [ "$done_count" -ge "$COUNT" ] && break
  sleep 0.2
done
echo "succeeded after the wait: $done_count; RSS then $(awk '/VmRSS/ {printf "%.1f", $2/1024}' /proc/$pid/status) MB"
kill -TERM $pid; wait $pid || true
