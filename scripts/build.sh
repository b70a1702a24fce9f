#!/usr/bin/env bash
# Configures (once) and builds with the default preset: Ninja, ccache, RelWithDebInfo, in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)"
