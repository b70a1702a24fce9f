#!/usr/bin/env bash
# End-to-end: starts the real desktop app under Xvfb with a fresh data folder, waits until its
# window is on screen and the embedded backend answers, and takes a screenshot. With the fake
# provider (third argument) it then chats through the UI by synthesized keys (xdotool): Ctrl+2
# opens Chat, Ctrl+N and Enter start a chat with the configured OpenAI-compatible provider, the
# message is typed and sent, a screenshot catches the reply mid-stream and another once done,
# and the stored conversation is checked in the app's SQLite file. Finally the app must shut
# down cleanly on SIGTERM.
# Usage: desktop-screenshot.sh <path to synapscale> <output folder> [<path to fake-provider>]
set -euo pipefail
app=${1:?usage: desktop-screenshot.sh APP OUTDIR [FAKE_PROVIDER]}
out=${2:?usage: desktop-screenshot.sh APP OUTDIR [FAKE_PROVIDER]}
fake=${3:-}
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (install xvfb)"; exit 1; }
if [ -n "$fake" ]; then
  command -v xdotool >/dev/null || { echo "xdotool missing (install xdotool)"; exit 1; }
  command -v sqlite3 >/dev/null || { echo "sqlite3 missing (install sqlite3)"; exit 1; }
fi

work=$(mktemp -d)
fakepid=""
cleanup() { [ -n "$fakepid" ] && kill "$fakepid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config HOME=$work
unset DATABASE_URL QT_QPA_PLATFORM ENCRYPTION_KEY ANTHROPIC_API_KEY GOOGLE_API_KEY DBUS_SESSION_BUS_ADDRESS || true
export LOG_LEVEL=info OLLAMA_BASE_URL=http://127.0.0.1:9
if [ -n "$fake" ]; then
  "$fake" "$work/fake.port" 60 > "$work/fake.log" 2>&1 &
  fakepid=$!
  for _ in $(seq 1 50); do [ -s "$work/fake.port" ] && break; sleep 0.1; done
  [ -s "$work/fake.port" ] || { echo "fake provider did not start"; cat "$work/fake.log"; exit 1; }
  export OPENAI_BASE_URL="http://127.0.0.1:$(cat "$work/fake.port")/v1" OPENAI_API_KEY=sk-e2e-test
fi

cat > "$work/run.sh" <<INNER
#!/usr/bin/env bash
set -u
"$app" > "$work/app.log" 2>&1 &
pid=\$!
for _ in \$(seq 1 100); do
  grep -q "window shown" "$work/app.log" && grep -q "GET /health 200" "$work/app.log" && break
  kill -0 \$pid 2>/dev/null || { echo "app exited early"; cat "$work/app.log"; exit 1; }
  sleep 0.1
done
grep -q "window shown" "$work/app.log" || { echo "window never shown"; cat "$work/app.log"; kill \$pid; exit 1; }
sleep 1
/usr/bin/import -window root "$out/desktop-e2e.png"
if [ -n "$fake" ]; then
  key() { xdotool key --clearmodifiers "\$@"; sleep 0.6; }
  # No window manager under Xvfb: the app's window gets the keyboard focus explicitly.
  win=\$(xdotool search --onlyvisible --name SynapScale | head -n1)
  [ -n "\$win" ] || { echo "no SynapScale window found"; kill \$pid; exit 1; }
  xdotool windowfocus --sync "\$win"
  xdotool mousemove 640 400
  key ctrl+2
  grep -q "GET /api/v1/llm/providers 200" "$work/app.log" || sleep 1
  key ctrl+n
  key Return
  for _ in \$(seq 1 50); do grep -q "POST /api/v1/conversations 201" "$work/app.log" && break; sleep 0.1; done
  grep -q "POST /api/v1/conversations 201" "$work/app.log" || { echo "no chat was started"; cat "$work/app.log"; kill \$pid; exit 1; }
  sleep 0.5
  xdotool type --delay 15 "Show me a Python function that adds two numbers"
  key Return
  for _ in \$(seq 1 50); do grep -q "POST /api/v1/conversations/.*/messages 202" "$work/app.log" && break; sleep 0.1; done
  grep -q "POST /api/v1/conversations/.*/messages 202" "$work/app.log" || { echo "the message was not sent"; cat "$work/app.log"; kill \$pid; exit 1; }
  sleep 1.2
  /usr/bin/import -window root "$out/desktop-chat-streaming.png"
  sleep 4.5
  /usr/bin/import -window root "$out/desktop-chat-complete.png"
fi
kill -TERM \$pid
for _ in \$(seq 1 100); do kill -0 \$pid 2>/dev/null || break; sleep 0.1; done
if kill -0 \$pid 2>/dev/null; then echo "app did not stop on SIGTERM"; kill -9 \$pid; exit 1; fi
wait \$pid; code=\$?
[ \$code -eq 0 ] || { echo "app exited with \$code"; cat "$work/app.log"; exit 1; }
INNER
chmod +x "$work/run.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$work/run.sh"

# A real screenshot has the UI's many colours, not one flat fill.
colours() { /usr/bin/convert "$1" -format %k info:; }
c=$(colours "$out/desktop-e2e.png")
[ "$c" -gt 20 ] || { echo "screenshot looks blank ($c colours)"; exit 1; }
grep -o "window shown.*" "$work/app.log" | head -n1
echo "screenshot: $out/desktop-e2e.png ($c colours)"

if [ -n "$fake" ]; then
  db=$(find "$work/data" -name synapscale.db | head -n1)
  [ -n "$db" ] || { echo "no database file"; exit 1; }
  user=$(sqlite3 "$db" "SELECT content FROM messages WHERE role = 'user'")
  [ "$user" = "Show me a Python function that adds two numbers" ] || { echo "stored user message: '$user'"; exit 1; }
  status=$(sqlite3 "$db" "SELECT status FROM messages WHERE role = 'assistant'")
  [ "$status" = "complete" ] || { echo "reply status: '$status'"; cat "$work/app.log"; exit 1; }
  sqlite3 "$db" "SELECT content FROM messages WHERE role = 'assistant'" | grep -q "def add(a: float, b: float)" || { echo "reply text not stored"; exit 1; }
  # Mid-stream the reply was shorter than at the end: the two screenshots differ.
  diff=$(/usr/bin/compare -metric AE "$out/desktop-chat-streaming.png" "$out/desktop-chat-complete.png" null: 2>&1 || true)
  [ "${diff%% *}" -gt 1000 ] || { echo "streaming and final screenshots look the same ($diff pixels differ)"; exit 1; }
  echo "chat screenshots: $out/desktop-chat-streaming.png, $out/desktop-chat-complete.png ($diff pixels differ)"
fi
