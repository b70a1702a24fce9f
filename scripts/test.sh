#!/usr/bin/env bash
# Quick start #2: install what is missing, build, start a throwaway PostgreSQL, run the whole
# test suite under ctest (SQLite and PostgreSQL), and stop PostgreSQL again.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

pgdir=$(mktemp -d /tmp/synapscale-pg.XXXXXX)
cleanup() { scripts/start-postgres.sh stop "$pgdir" || true; rm -rf "$pgdir"; }
trap cleanup EXIT
eval "$(scripts/start-postgres.sh start "$pgdir")"
export SYNAPSCALE_REQUIRE_POSTGRES=1
export QT_QPA_PLATFORM=offscreen

ctest --preset default -j "$(nproc)" "$@"
