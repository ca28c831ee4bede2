#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The real `sluice-wallet` binary and the local network it starts by itself: a termination signal quits
# the app as the user does (exit 0, its node and anvil stopped), and an app killed outright
# (SIGKILL, a crash) does not leave its node running: the kernel tells the node, which stops anvil.
# Before, SIGTERM (a session ending, `kill`) ended the app at once and orphaned both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/devnet_lib.sh"
work=$(mktemp -d)
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  pkill -f -- "--data-dir $work/" 2>/dev/null || true  # a node this test failed to see stopped
  for p in "${L1P:-}" "${L2P:-}"; do [ -n "$p" ] && stop_anvil_on_port "$p"; done
  rm -rf "$work"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export SLUICE_ANVIL=$ANVIL
# The test's I/O seam: the app finds its node through SLUICE_SLUICED; this wrapper gives the node
# free ports so that the test does not collide with a local network on the default ones.
L1P=$(free_port); L2P=$(free_port)
printf '#!/bin/sh\nexec "%s" "$@" --l1-port %s --l2-port %s\n' "$SLUICED" "$L1P" "$L2P" >"$work/sluiced"
chmod +x "$work/sluiced"
export SLUICE_SLUICED=$work/sluiced

node_running() { [ -n "$(pid_on_port "$L2P")" ] && [ -n "$(pid_on_port "$L1P")" ]; }
node_gone() { [ -z "$(pid_on_port "$L2P")" ] && [ -z "$(pid_on_port "$L1P")" ]; }

# start_app: a fresh app on the wallet in $work/wallet; returns once its node and anvil listen.
start_app() {
  "$SLUICE_APP" --data-dir "$work/wallet" >>"$work/app.log" 2>&1 &
  app_pid=$!
  wait_for 120 node_running || { cat "$work/app.log"; exit 1; }
}

start_app
kill -TERM "$app_pid"
rc=0; wait "$app_pid" || rc=$?; app_pid=
[ "$rc" = 0 ] || { echo "SIGTERM: the app exited with $rc, not 0"; cat "$work/app.log"; exit 1; }
wait_for 30 node_gone || { echo "SIGTERM: still listening: L2 '$(pid_on_port "$L2P")', L1 '$(pid_on_port "$L1P")'"; cat "$work/app.log"; exit 1; }

start_app
node_pid=$(pid_on_port "$L2P")
kill -9 "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
wait_for 30 bash -c "! kill -0 $node_pid 2>/dev/null" || { echo "SIGKILL: the app's node $node_pid outlived it"; exit 1; }
wait_for 30 node_gone || { echo "SIGKILL: the node's anvil still listens"; exit 1; }
echo "ok: SIGTERM quits cleanly and SIGKILL leaves no node behind"
