#!/usr/bin/env bash
# End-to-end: starts the real desktop app under Xvfb with a fresh data folder, waits until its
# window is on screen and the embedded backend answers, takes a screenshot of the whole screen,
# and checks that the app shuts down cleanly on SIGTERM.
# Usage: desktop-screenshot.sh <path to synapscale> <output folder>
set -euo pipefail
app=${1:?usage: desktop-screenshot.sh APP OUTDIR}
out=${2:?usage: desktop-screenshot.sh APP OUTDIR}
mkdir -p "$out"
command -v xvfb-run >/dev/null || { echo "xvfb-run missing (install xvfb)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config HOME=$work
unset DATABASE_URL QT_QPA_PLATFORM || true
export LOG_LEVEL=info

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
kill -TERM \$pid
for _ in \$(seq 1 100); do kill -0 \$pid 2>/dev/null || break; sleep 0.1; done
if kill -0 \$pid 2>/dev/null; then echo "app did not stop on SIGTERM"; kill -9 \$pid; exit 1; fi
wait \$pid; code=\$?
[ \$code -eq 0 ] || { echo "app exited with \$code"; cat "$work/app.log"; exit 1; }
INNER
chmod +x "$work/run.sh"
xvfb-run -a -s "-screen 0 1280x800x24" "$work/run.sh"

# A real screenshot has the UI's many colours, not one flat fill.
colours=$(/usr/bin/convert "$out/desktop-e2e.png" -format %k info:)
[ "$colours" -gt 20 ] || { echo "screenshot looks blank ($colours colours)"; exit 1; }
grep -o "window shown.*" "$work/app.log" | head -n1
echo "screenshot: $out/desktop-e2e.png ($colours colours)"
