#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Sluice (dev preset) and opens the desktop app on the bundled local stack: the app starts
# and supervises `sluiced --devnet` itself (anvil as L1 with the Rollup contract deployed, the L2
# node with its proposer and verifier), kept in the app's data folder so the chain survives
# restarts, and stops it when the app exits. Settings > Network switches to other endpoints.
# Extra arguments go to the app, e.g. scripts/run.sh --lang de --theme dark
set -euo pipefail
cd "$(dirname "$0")/.."

# SLUICE_APP=path/to/sluice-wallet skips set-up and build (for trying another build directory).
app=${SLUICE_APP:-}
if [[ -z $app ]]; then
  scripts/setup.sh
  cmake --preset dev >/dev/null
  cmake --build --preset dev
  app=$PWD/build/dev/app/sluice-wallet
fi
exec "$app" "$@"
