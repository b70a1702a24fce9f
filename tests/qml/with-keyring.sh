#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, the Secret Service
# QtKeychain talks to on Linux (../shared/QT-6.4-NOTES.md). Usage: with-keyring.sh COMMAND [ARGS…]
set -euo pipefail
command -v dbus-run-session >/dev/null || { echo "dbus-run-session missing (install dbus)"; exit 1; }
command -v gnome-keyring-daemon >/dev/null || { echo "gnome-keyring-daemon missing (install gnome-keyring)"; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config XDG_RUNTIME_DIR=$home/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- bash -c '
  eval "$(printf "test-keyring-password" | gnome-keyring-daemon --unlock --components=secrets --daemonize)"
  export SYNAPSCALE_TEST_KEYRING=1
  exec "$@"' with-keyring "$@"
