#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders every page of the app in English and German to docs/screenshots/<page>-<lang>.png.
# Usage: scripts/screenshots.sh [path/to/sluice]   (default build/dev/app/sluice)
# Starts a throw-away anvil on a free port for the pages that show L1 data, and uses the app's
# --dev-fixture wallet (anvil's well-known test mnemonic) in a temporary data dir.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
app=${1:-$root/build/dev/app/sluice}
anvil=$root/contracts/node_modules/.bin/anvil
out=$root/docs/screenshots
[[ -x $app ]] || { echo "screenshots: $app not built (cmake --build --preset dev --target sluice)" >&2; exit 1; }
[[ -x $anvil ]] || { echo "screenshots: anvil missing (scripts/setup.sh)" >&2; exit 1; }
mkdir -p "$out"

work=$(mktemp -d)
anvil_pid=
cleanup() {
  [[ -n $anvil_pid ]] && kill "$anvil_pid" 2>/dev/null && wait "$anvil_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$anvil" --host 127.0.0.1 --port "$port" --silent >"$work/anvil.log" 2>&1 &
anvil_pid=$!
for _ in $(seq 100); do
  curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$port" && break
  sleep 0.1
done
rpc="http://127.0.0.1:$port"
# A few blocks so the status bar shows a real block number.
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
  --data '{"jsonrpc":"2.0","id":1,"method":"anvil_mine","params":["0x2a"]}' "$rpc"

shoot() {  # page lang data-dir [extra args...]
  local page=$1 lang=$2 data=$3; shift 3
  xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app" --screenshot "$out/$page-$lang.png" --page "$page" --lang "$lang" \
    --data-dir "$data" --l1-rpc "$rpc" "$@" 2>>"$work/app.log" \
    || { echo "screenshots: $page-$lang failed" >&2; cat "$work/app.log" >&2; exit 1; }
  echo "$out/$page-$lang.png"
}

for lang in en de; do
  for page in onboarding create confirm restore import password; do
    empty=$work/empty-$page-$lang
    mkdir -p "$empty"
    shoot "$page" "$lang" "$empty"
  done
  fixture=$work/fixture-$lang
  mkdir -p "$fixture"
  for page in unlock accounts settings; do
    shoot "$page" "$lang" "$fixture" --dev-fixture
  done
done
