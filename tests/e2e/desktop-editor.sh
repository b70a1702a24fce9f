#!/usr/bin/env bash
# End-to-end: the workflow editor of the real desktop app under Xvfb, driven by synthesized
# input (xdotool) with a fresh data folder. Ctrl+3 opens Workflows, Ctrl+N creates "E2E flow"
# (it opens in the editor with its Manual Trigger), Ctrl+A selects the trigger, and the palette
# (Ctrl+K, typed search, Enter) adds Edit Fields (Set) and then IF, each linked after the
# selected node. Ctrl+Enter runs it. The stored workflow must be Manual -> Set -> IF and the
# execution must have succeeded with the three nodes run. The app is then started again in each
# theme and language (light/dark × English/Portuguese), the workflow opened from the list and
# run, and the editor photographed each time.
# Usage: desktop-editor.sh <path to synapscale> <output folder>
set -euo pipefail
app=${1:?usage: desktop-editor.sh APP OUTDIR}
out=${2:?usage: desktop-editor.sh APP OUTDIR}
mkdir -p "$out"
for tool in xvfb-run xdotool sqlite3; do
  command -v $tool >/dev/null || { echo "$tool missing"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config HOME=$work
unset DATABASE_URL QT_QPA_PLATFORM ENCRYPTION_KEY OPENAI_API_KEY ANTHROPIC_API_KEY GOOGLE_API_KEY DBUS_SESSION_BUS_ADDRESS || true
export LOG_LEVEL=info OLLAMA_BASE_URL=http://127.0.0.1:9

cat > "$work/session.sh" <<'INNER'
#!/usr/bin/env bash
# One app session: $1 = build | open, $2 = screenshot file.
set -u
mode=$1 shot=$2
log=$WORK/app-$(basename "$shot" .png).log
"$APP" > "$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q "window shown" "$log" && grep -q "GET /api/v1/nodes 200" "$log" && break
  kill -0 $pid 2>/dev/null || { echo "app exited early"; cat "$log"; exit 1; }
  sleep 0.1
done
grep -q "GET /api/v1/nodes 200" "$log" || { echo "the node catalog never loaded"; cat "$log"; kill $pid; exit 1; }
key() { xdotool key --clearmodifiers "$@"; sleep 0.5; }
waitlog() { # pattern, what
  for _ in $(seq 1 80); do grep -q "$1" "$log" && return 0; sleep 0.1; done
  echo "$2"; cat "$log"; kill $pid; exit 1
}
win=$(xdotool search --onlyvisible --name SynapScale | head -n1)
[ -n "$win" ] || { echo "no SynapScale window"; kill $pid; exit 1; }
xdotool windowfocus --sync "$win"
xdotool windowsize --sync "$win" 1400 860
sleep 0.3
xdotool mousemove 700 400
key ctrl+3
if [ "$mode" = build ]; then
  key ctrl+n
  xdotool type --delay 20 "E2E flow"
  key Return
  waitlog "POST /api/v1/workflows 201" "the workflow was not created"
  waitlog "GET /api/v1/workflows/[0-9a-f-]* 200" "the editor did not open the workflow"
  sleep 0.5
  # Nothing focused yet in the canvas: a click on empty canvas space gives it the keyboard.
  xdotool mousemove 700 250 click 1
  sleep 0.3
  key ctrl+a
  key ctrl+k
  xdotool type --delay 30 "edit fields"
  key Return
  key ctrl+k
  xdotool type --delay 30 "if"
  key Return
  key shift+1
  waitlog "PUT /api/v1/workflows/[0-9a-f-]* 200" "the edits were not saved"
else
  waitlog "GET /api/v1/workflows 200" "the workflow list did not load"
  sleep 0.5
  # The first (only) row of the list.
  xdotool mousemove 500 150 click 1
  waitlog "GET /api/v1/workflows/[0-9a-f-]* 200" "the workflow did not open"
  sleep 0.8
fi
key ctrl+Return
waitlog "POST /api/v1/workflows/[0-9a-f-]*/execute 202" "the run did not start"
waitlog "GET /api/v1/executions/[0-9a-f-]* 200" "the finished run was not fetched"
sleep 1
/usr/bin/import -window root "$shot"
kill -TERM $pid
for _ in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then echo "app did not stop on SIGTERM"; kill -9 $pid; exit 1; fi
wait $pid || { echo "app exited with $?"; cat "$log"; exit 1; }
INNER
chmod +x "$work/session.sh"
export WORK=$work APP=$app

settings() { # theme language
  mkdir -p "$work/config/SynapScale"
  printf '[ui]\ntheme=%s\nlanguage=%s\n' "$1" "$2" > "$work/config/SynapScale/SynapScale.conf"
}
settings light en
xvfb-run -a -s "-screen 0 1400x860x24" "$work/session.sh" build "$out/editor-built-light-en.png"

db=$(find "$work/data" -name synapscale.db | head -n1)
[ -n "$db" ] || { echo "no database file"; exit 1; }
chain=$(sqlite3 "$db" "SELECT group_concat(link, ' ') FROM (
  SELECT json_extract(f.value, '$.type') || '>' || json_extract(t.value, '$.type') AS link
  FROM workflows w, json_each(w.definition, '$.edges') e, json_each(w.definition, '$.nodes') f, json_each(w.definition, '$.nodes') t
  WHERE w.name = 'E2E flow' AND json_extract(f.value, '$.id') = json_extract(e.value, '$.from')
    AND json_extract(t.value, '$.id') = json_extract(e.value, '$.to') ORDER BY link)")
[ "$chain" = "core.set>core.if trigger.manual>core.set" ] || { echo "stored workflow is not Manual -> Set -> IF: '$chain'"; exit 1; }
status=$(sqlite3 "$db" "SELECT status FROM executions ORDER BY created_at DESC LIMIT 1")
[ "$status" = succeeded ] || { echo "the run ended '$status'"; exit 1; }
nodes=$(sqlite3 "$db" "SELECT COUNT(*) FROM execution_node_runs r JOIN executions e ON e.id = r.execution_id WHERE r.status = 'succeeded'")
# Runs folded into their execution's row leave out a "succeeded" status (its default).
folded=$(sqlite3 "$db" "SELECT COUNT(*) FROM executions e, json_each(e.node_runs) r
  WHERE e.node_runs IS NOT NULL AND COALESCE(json_extract(r.value, '$.status'), 'succeeded') = 'succeeded'")
[ $((nodes + folded)) -ge 3 ] || { echo "the three nodes did not all run ($nodes + $folded)"; exit 1; }
echo "built and ran Manual -> Set -> IF through the UI: $status, $((nodes + folded)) node runs"

for theme in light dark; do
  for lang in en pt_BR; do
    settings $theme $lang
    xvfb-run -a -s "-screen 0 1400x860x24" "$work/session.sh" open "$out/editor-$theme-$lang.png"
    c=$(/usr/bin/convert "$out/editor-$theme-$lang.png" -format %k info:)
    [ "$c" -gt 50 ] || { echo "editor-$theme-$lang.png looks blank ($c colours)"; exit 1; }
  done
done
runs=$(sqlite3 "$db" "SELECT COUNT(*) FROM executions WHERE status = 'succeeded'")
[ "$runs" -eq 5 ] || { echo "expected 5 succeeded runs, found $runs"; exit 1; }
echo "editor screenshots: $out/editor-{light,dark}-{en,pt_BR}.png"
