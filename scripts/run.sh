#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds Sluice (dev preset) and runs the desktop app against a local L1: reuses whatever listens
# on 127.0.0.1:8545, otherwise starts the pinned anvil there (its chain kept in
# ~/.local/share/Sluice/anvil-state.json) and stops it again when the app exits.
# Extra arguments go to the app, e.g. scripts/run.sh --lang de
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# SLUICE_APP=path/to/sluice skips set-up and build (for trying another build directory).
app=${SLUICE_APP:-}
if [[ -z $app ]]; then
  scripts/setup.sh
  cmake --preset dev >/dev/null
  cmake --build --preset dev
  app=$root/build/dev/app/sluice
fi

rpc_host=127.0.0.1
rpc_port=8545
rpc_url="http://$rpc_host:$rpc_port"
anvil=$root/contracts/node_modules/.bin/anvil
state_dir=${XDG_DATA_HOME:-$HOME/.local/share}/Sluice
anvil_pid=

listening() {
  curl -s -o /dev/null --max-time 2 -X POST -H 'Content-Type: application/json' \
    --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "$rpc_url"
}

stop_anvil() {
  if [[ -n $anvil_pid ]] && kill -0 "$anvil_pid" 2>/dev/null; then
    # SIGTERM lets anvil write its --state file before it exits.
    kill "$anvil_pid" 2>/dev/null || true
    wait "$anvil_pid" 2>/dev/null || true
  fi
}
trap stop_anvil EXIT

if listening || (exec 3<>"/dev/tcp/$rpc_host/$rpc_port") 2>/dev/null; then
  echo "run: using the node already listening on $rpc_url"
else
  mkdir -p "$state_dir"
  echo "run: starting anvil on $rpc_url (state: $state_dir/anvil-state.json, log: $state_dir/anvil.log)"
  "$anvil" --host "$rpc_host" --port "$rpc_port" --state "$state_dir/anvil-state.json" \
    >"$state_dir/anvil.log" 2>&1 &
  anvil_pid=$!
  for _ in $(seq 100); do
    listening && break
    kill -0 "$anvil_pid" 2>/dev/null || { echo "run: anvil exited; see $state_dir/anvil.log" >&2; exit 1; }
    sleep 0.1
  done
  listening || { echo "run: anvil did not answer on $rpc_url" >&2; exit 1; }
fi

status=0
"$app" --l1-rpc "$rpc_url" "$@" || status=$?
exit "$status"
