#!/usr/bin/env bash
# Quick start #1: install what is missing, build, and start the desktop app on embedded SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/app/desktop/synapscale "$@"
