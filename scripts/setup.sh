#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs everything Sluice needs on Debian 12: the Debian packages (compilers, Qt 6,
# libsecp256k1, OpenSSL, ...) and the pinned npm toolchain in contracts/ (anvil, forge,
# cast, solc-js). Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-declarative-dev qt6-websockets-dev qt6-httpserver-dev qt6-tools-dev
  qt6-l10n-tools qt6-svg-dev libqt6sql6-sqlite qml6-module-qtqml qml6-module-qtqml-models
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtquick-dialogs qml6-module-qttest qml6-module-qtquick-shapes
  qml6-module-qt-labs-platform qml6-module-qt-labs-settings
  # Qt 6.4's non-native FileDialog (export, import) lists folders with Qt.labs.folderlistmodel.
  qml6-module-qt-labs-folderlistmodel
  # sluiced --db postgresql://… (Qt's QPSQL driver); the tests start their own cluster (initdb, pg_ctl).
  libqt6sql6-psql postgresql-15
  libsecp256k1-dev libssl-dev nlohmann-json3-dev libboost-dev libqrencode-dev libsqlite3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth imagemagick fonts-dejavu-core jq curl bc dbus-daemon clang-format
  # tests/first_run: drives the app from outside through the accessibility bus (AT-SPI).
  at-spi2-core python3-gi gir1.2-atspi-2.0
  # packaging/: checking the .deb and its desktop metadata (packaging/test-install.sh, README).
  lintian desktop-file-utils appstream
)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# Any working Node.js with npm will do; Debian's is the fallback.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The L1 toolchain, pinned by contracts/package-lock.json.
# The stamp is a copy of the lock file the tree was installed from.
stamp=contracts/node_modules/.sluice-installed-lock
if ! cmp -s contracts/package-lock.json "$stamp" 2>/dev/null; then
  echo "setup: installing the pinned L1 toolchain (anvil, forge, cast, solc-js)"
  (cd contracts && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp contracts/package-lock.json "$stamp"
fi
