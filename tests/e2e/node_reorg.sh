#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# L1 reorgs under the node (docs/node-l1.md), with evm_snapshot/evm_revert on the devnet's anvil:
#  1. --deposit-confirmations 2: a deposit seen but not yet confirmed vanishes in a reorg and a
#     different deposit takes its queue index: the node forgets the first, credits only the
#     second, once, and sluice_getDeposits shows only it (with its crediting L2 block).
#  2. --deposit-confirmations 0: a deposit already credited on L2 vanishes: the node stops with a
#     fatal error naming it (exit status 2) instead of diverging, and refuses again on restart.
# env: SLUICED, CAST (ANVIL optional).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/devnet_lib.sh"
work=$(mktemp -d)
L1P=$(free_port); L2P=$(free_port)
node_pid=
# shellcheck disable=SC2086 # (an empty PID is left out)
trap 'end_test "$work" "$L1P" $node_pid' EXIT
run=0
start_node() { # extra args
  run=$((run + 1)); log=$work/node$run.log
  SLUICE_ANVIL=${ANVIL:-} "$SLUICED" --devnet --keep-l1 --data-dir "$work/d" --challenge-period 30 --l1-port "$L1P" --l2-port "$L2P" "$@" >"$log" 2>&1 &
  node_pid=$!
  wait_for 90 grep -q "JSON-RPC on" "$log" || { cat "$log"; return 1; }
}
l2bal() { "$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$1"; }
mine() { for ((m = 0; m < $1; m++)); do rpc "$L1P" evm_mine '[]' >/dev/null; done; }

# --- 1. an unconfirmed deposit vanishes ------------------------------------------------------
start_node --deposit-confirmations 2
wait_for 30 grep -q "deposits are credited after 2 confirmation" "$log"  # logged once L1 has been read
R=$(jq -r .rollup "$work/d/devnet.json")
A=$(jq -r '.devAccounts[0].address' "$work/d/devnet.json"); AK=$(jq -r '.devAccounts[0].privateKey' "$work/d/devnet.json")
B=$(jq -r '.devAccounts[1].address' "$work/d/devnet.json"); BK=$(jq -r '.devAccounts[1].privateKey' "$work/d/devnet.json")
# Blocks only when we say so (every transaction still mines at once).
rpc "$L1P" evm_setIntervalMining '[0]' | jq -e '.error == null' >/dev/null
rpc "$L1P" evm_setAutomine '[true]' | jq -e '.error == null' >/dev/null
snap=$(rpc "$L1P" evm_snapshot '[]' | jq -r .result)
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$AK" "$R" "deposit(address)" "$A" --value 1ether
seen() { rpc "$L2P" sluice_getDeposits "[\"$A\"]" | jq -e '.result | length == 1 and .[0].status == "queued" and .[0].amount == "0xde0b6b3a7640000"'; }
wait_for 20 seen
sleep 2  # several L1 polls: still only one block on top, so not credited
seen
[ "$(l2bal "$A")" = 0 ]
rpc "$L1P" evm_revert "[\"$snap\"]" | jq -e '.result == true' >/dev/null
# A different deposit takes queue index 0 in the replacement blocks.
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$AK" "$R" "deposit(address)" "$A" --value 2ether
mine 3
credited2() { [ "$(l2bal "$A")" = 2000000000000000000 ]; }
wait_for 30 credited2 || { tail -30 "$log"; exit 1; }
grep -q "L1 reorg: blocks after" "$log"
mine 3; sleep 2
[ "$(l2bal "$A")" = 2000000000000000000 ]  # never 3 ether: the vanished deposit is not credited
rpc "$L2P" sluice_getDeposits "[\"$A\"]" |
  jq -e '.result | length == 1 and .[0].queueIndex == 0 and .[0].amount == "0x1bc16d674ec80000" and .[0].status == "credited" and .[0].l2Block >= 1'
rpc "$L2P" sluice_status '[]' | jq -e '.result.depositsQueued == 1 and .result.depositConfirmations == 2'
echo "ok: unconfirmed deposit dropped by the reorg, its replacement credited once"

# --- 2. a credited deposit vanishes: stop, do not diverge -------------------------------------
# After the kill -9 anvil keeps running (--keep-l1); the next node reuses it and stops it when it stops, so
# the restart below reloads the reverted chain from anvil's state file.
kill -9 "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=
start_node --deposit-confirmations 0
snap=$(rpc "$L1P" evm_snapshot '[]' | jq -r .result)
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$BK" "$R" "deposit(address)" "$B" --value 1ether
wait_for 30 bash -c "[ \"\$('$CAST' balance --rpc-url http://127.0.0.1:$L2P $B)\" = 1000000000000000000 ]"
rpc "$L1P" evm_revert "[\"$snap\"]" | jq -e '.result == true' >/dev/null
set +e; mine 3; for ((i = 0; i < 120 && $(kill -0 "$node_pid" 2>/dev/null && echo 1 || echo 0) == 1; i++)); do mine 1; sleep 0.25; done
wait "$node_pid"; rc=$?; set -e; node_pid=
[ "$rc" = 2 ] || { echo "expected exit status 2, got $rc"; tail -30 "$log"; exit 1; }
grep "L1 reorg: deposit 1 " "$log"
grep -q "is no longer on L1" "$log"
# ... and it will not run on while L1 disagrees.
run=$((run + 1)); log=$work/node$run.log
set +e
SLUICE_ANVIL=${ANVIL:-} timeout 90 "$SLUICED" --devnet --data-dir "$work/d" --challenge-period 30 --l1-port "$L1P" --l2-port "$L2P" >"$log" 2>&1
rc=$?; set -e
[ "$rc" = 2 ] || { echo "restart: expected exit status 2, got $rc"; tail -30 "$log"; exit 1; }
grep -q "is no longer on L1" "$log"
echo "ok: a reorg that removes a credited deposit stops the node with a clear error, also on restart"
