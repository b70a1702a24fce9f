#!/usr/bin/env bash
# Foundation benchmarks (bench/README.md records the figures):
#  - synapscale-server: process start → first 200 on /health, idle RSS, and GET /health at
#    concurrency 50 for 10 s with wrk (req/s, p99), logging per request (info) and not (warning);
#  - desktop app under Xvfb: process start → first frame on screen, idle RSS.
# Usage: bench/bench-foundation.sh [build dir]   (RUNS=7 DURATION=10s to change the defaults)
set -euo pipefail
build=${1:-build}
server=$build/app/server/synapscale-server
desktop=$build/app/desktop/synapscale
RUNS=${RUNS:-7}
DURATION=${DURATION:-10s}
work=$(mktemp -d)
trap 'rm -rf "$work"; kill $(jobs -p) 2>/dev/null || true' EXIT

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
free_port() { for _ in $(seq 1 100); do p=$(( (RANDOM % 20000) + 30000 )); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo $p; return; }; done; }

echo "== synapscale-server ($RUNS runs)"
starts=(); rsss=()
for i in $(seq 1 "$RUNS"); do
  port=$(free_port)
  t0=$(date +%s%N)
  DEBUG=true LOG_LEVEL=warning DATABASE_URL="sqlite:///$work/s$i.db" PORT=$port "$server" serve 2>/dev/null &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do :; done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  sleep 1
  rsss+=($(rss_mb $pid))
  kill -TERM $pid; wait $pid || true
done
echo "start → first 200 on /health (ms): ${starts[*]} → median $(printf '%s\n' "${starts[@]}" | median)"
echo "idle RSS (MB): ${rsss[*]} → median $(printf '%s\n' "${rsss[@]}" | median)"

for level in warning info; do
  port=$(free_port)
  DEBUG=true LOG_LEVEL=$level DATABASE_URL="sqlite:///$work/load.db" PORT=$port "$server" serve 2>/dev/null &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do :; done
  echo "== GET /health, wrk -t2 -c50 -d$DURATION, LOG_LEVEL=$level"
  wrk -t2 -c50 -d"$DURATION" --latency "http://127.0.0.1:$port/health" | grep -E "Requests/sec|  50%|  99%|Socket errors|Non-2xx" || true
  echo "RSS after load (MB): $(rss_mb $pid)"
  kill -TERM $pid; wait $pid || true
done

if [ -x "$desktop" ] && command -v xvfb-run >/dev/null; then
  echo "== desktop app under Xvfb ($RUNS runs)"
  cat > "$work/desktop.sh" <<INNER
#!/usr/bin/env bash
for i in \$(seq 1 $RUNS); do
  export XDG_DATA_HOME=$work/d\$i XDG_CONFIG_HOME=$work/c\$i LOG_LEVEL=info
  "$desktop" > $work/desktop\$i.log 2>&1 &
  pid=\$!
  for _ in \$(seq 1 200); do grep -q "window shown" $work/desktop\$i.log && break; sleep 0.05; done
  sleep 2
  awk '/VmRSS/ {printf "%.1f\n", \$2/1024}' /proc/\$pid/status >> $work/desktop-rss
  grep -o "startup_ms=[0-9]*" $work/desktop\$i.log | cut -d= -f2 >> $work/desktop-start
  kill -TERM \$pid; wait \$pid
done
INNER
  chmod +x "$work/desktop.sh"
  unset QT_QPA_PLATFORM || true
  xvfb-run -a -s "-screen 0 1280x800x24" "$work/desktop.sh"
  echo "start → first frame (ms): $(tr '\n' ' ' < "$work/desktop-start")→ median $(median < "$work/desktop-start")"
  echo "idle RSS (MB): $(tr '\n' ' ' < "$work/desktop-rss")→ median $(median < "$work/desktop-rss")"
fi
