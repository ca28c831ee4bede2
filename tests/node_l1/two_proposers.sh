#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Two bonded proposers on one Rollup (issue 9, finding 8): `sluiced --devnet` and a second sluiced
# with its own L1 key and its own L2 chain, both from the same genesis and L1 queue. Each is given
# another L2 transfer. The Rollup takes one batch per state, so one of them loses a race; the loser
# continues from the winner's valid batch (Sequencer::adoptForeignBatch), sequences its own
# transfer again on top and posts it. Both end at the same L2 state, L1 holds every record once,
# and neither shows an alarm.
# Usage: two_proposers.sh   (env: SLUICED, CAST, ANVIL)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/devnet_lib.sh"
work=$(mktemp -d)
L1P=$(free_port); L2P=$(free_port); P2=$(free_port)
pids=()
trap 'end_test "$work" "$L1P" "${pids[@]}"' EXIT
logs() { echo "--- node"; cat "$work/node.log"; echo "--- second proposer"; cat "$work/p2.log"; }

SLUICE_ANVIL=$ANVIL "$SLUICED" --devnet --data-dir "$work/node" --l1-port "$L1P" --l2-port "$L2P" >"$work/node.log" 2>&1 &
pids+=($!)
wait_for 60 test -s "$work/node/devnet.json"
wait_for 30 grep -q "JSON-RPC on" "$work/node.log" || { logs; exit 1; }
M=$work/node/devnet.json
R=$(jq -r .rollup "$M")
(umask 077; jq -r '.devAccounts[2].privateKey' "$M" >"$work/p2.key")
"$SLUICED" --l1-rpc "http://127.0.0.1:$L1P" --rollup "$R" --key-file "$work/p2.key" --data-dir "$work/p2" \
  --l2-port "$P2" >"$work/p2.log" 2>&1 &
pids+=($!)
wait_for 30 grep -q "JSON-RPC on" "$work/p2.log" || { logs; exit 1; }

A=$(jq -r '.devAccounts[3].address' "$M"); AK=$(jq -r '.devAccounts[3].privateKey' "$M")
C=$(jq -r '.devAccounts[4].address' "$M"); CK=$(jq -r '.devAccounts[4].privateKey' "$M")
B=$(jq -r '.devAccounts[5].address' "$M")
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$AK" "$R" "deposit(address)" "$A" --value 1ether
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$CK" "$R" "deposit(address)" "$C" --value 1ether
balance_is() { [ "$("$CAST" balance --rpc-url "http://127.0.0.1:$1" "$2")" = "$3" ]; }
for port in "$L2P" "$P2"; do
  wait_for 30 balance_is "$port" "$A" 1000000000000000000 || { logs; exit 1; }
  wait_for 30 balance_is "$port" "$C" 1000000000000000000 || { logs; exit 1; }
done

# One transfer to each proposer only, at once: both build on the same posted state.
"$CAST" send -q --async --nonce 0 --rpc-url "http://127.0.0.1:$L2P" --private-key "$AK" "$B" --value 0.1ether
"$CAST" send -q --async --nonce 0 --rpc-url "http://127.0.0.1:$P2" --private-key "$CK" "$B" --value 0.3ether

# Both transfers end up on L1 and in both L2 chains.
settled() {
  local s
  s=$(rpc "$L2P" sluice_getBatches '[0,100]')
  [ "$(echo "$s" | jq '[.result[] | select(.status != "reverted") | .recordCount] | add // 0')" = 4 ] &&
    balance_is "$L2P" "$B" 400000000000000000 && balance_is "$P2" "$B" 400000000000000000
}
wait_for 120 settled || { logs; rpc "$L2P" sluice_getBatches '[0,100]'; exit 1; }
rpc "$L2P" sluice_getBatches '[0,100]' | jq -c '.result[] | {index, status, recordCount, proposer: .header.proposer}'
grep -h "ADOPTED batch" "$work/node.log" "$work/p2.log" || { echo "no proposer had to adopt the other's batch"; logs; exit 1; }
# Batches from both proposers stand on L1.
[ "$(rpc "$L2P" sluice_getBatches '[0,100]' | jq '[.result[] | select(.status != "reverted") | .header.proposer] | unique | length')" = 2 ] ||
  { echo "only one proposer's batches stand"; logs; exit 1; }
for who in "$A" "$C" "$B"; do
  [ "$("$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$who")" = "$("$CAST" balance --rpc-url "http://127.0.0.1:$P2" "$who")" ] ||
    { echo "the proposers disagree about $who"; logs; exit 1; }
done
for port in "$L2P" "$P2"; do
  alarms=$(rpc "$port" sluice_status '[]' | jq -c '.result.alarms')
  [ "$alarms" = "[]" ] || { echo "alarms on $port: $alarms"; logs; exit 1; }
done
echo "ok: two proposers, one lost a race, continued from the other's batch and posted its transfer on top"
