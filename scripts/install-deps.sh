#!/usr/bin/env bash
# Installs the Debian 12 packages SynapScale needs to build, run and test. Idempotent: installs
# only what is missing. Usage: scripts/install-deps.sh [--runtime-only]
set -euo pipefail

BUILD_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-declarative-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev
  qt6-l10n-tools qt6-tools-dev-tools qtkeychain-qt6-dev nlohmann-json3-dev libsodium-dev
  libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev libjemalloc-dev libbenchmark-dev
)
QML_PACKAGES=(
  qml6-module-qtquick qml6-module-qtquick-window qml6-module-qtquick-controls
  qml6-module-qtquick-templates qml6-module-qtquick-layouts qml6-module-qtquick-shapes
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qtqml-workerscript
  qml6-module-qtqml qml6-module-qttest qml6-module-qt-labs-settings
)
TEST_PACKAGES=(postgresql-15 xvfb xauth imagemagick wrk sqlite3 procps iproute2 curl openssl
  gnome-keyring dbus libsecret-1-0 xdotool)

packages=("${BUILD_PACKAGES[@]}" "${QML_PACKAGES[@]}" "${TEST_PACKAGES[@]}")
# The build fetches the API docs assets with npm; Debian's nodejs/npm unless one is already here.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
