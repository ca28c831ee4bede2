#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sluiced --devnet --fault KIND@1: the proposer cheats in batch 1, which holds an L2 transfer and a
# withdrawal; an independent `sluiced --verifier` process (trusting only L1) proves the fraud, the
# batch is reverted, the bond slashed, and the proposer re-posts the honest records, which then
# stand: the withdrawal of the reverted batch is included again and, once its new batch is final,
# pays out on L1.
# Usage: fault_flow.sh KIND EXPECTED_VERDICT   (env: SLUICED, CLI, CAST, ANVIL)
set -euo pipefail
kind=$1 verdict=$2
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/devnet_lib.sh"
work=$(mktemp -d)
L1P=$(free_port); L2P=$(free_port); VP=$(free_port)
pids=()
trap 'end_test "$work" "$L1P" "${pids[@]}"' EXIT

# shellcheck disable=SC2046 # node_db_args: nothing, or --db URL (the *_pg variant)
SLUICE_ANVIL=$ANVIL "$SLUICED" --devnet --data-dir "$work/node" $(node_db_args "fault_${kind//-/_}") --challenge-period 30 \
  --l1-port "$L1P" --l2-port "$L2P" --fault "$kind@1" >"$work/node.log" 2>&1 &
pids+=($!)
wait_for 60 test -s "$work/node/devnet.json"
wait_for 30 grep -q "JSON-RPC on" "$work/node.log"
R=$(jq -r .rollup "$work/node/devnet.json")
(umask 077; echo 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d >"$work/verifier.key")
# Issue 10, item 12: a key file other local users can read is refused, with the fix in the message.
cp "$work/verifier.key" "$work/shared.key"; chmod 644 "$work/shared.key"
if "$SLUICED" --verifier --l1-rpc "http://127.0.0.1:$L1P" --rollup "$R" --key-file "$work/shared.key" \
  --data-dir "$work/refused" --l2-port "$VP" >"$work/refused.log" 2>&1; then echo "a 0644 key file was used"; exit 1; fi
grep -q "can be read or changed by other users" "$work/refused.log" || { cat "$work/refused.log"; exit 1; }
"$SLUICED" --verifier --l1-rpc "http://127.0.0.1:$L1P" --rollup "$R" --proposer-key "file:$work/verifier.key" \
  --data-dir "$work/verifier" --l2-port "$VP" >"$work/verifier.log" 2>&1 &
pids+=($!)

A=$(jq -r '.devAccounts[0].address' "$work/node/devnet.json"); AK=$(jq -r '.devAccounts[0].privateKey' "$work/node/devnet.json")
B=$(jq -r '.devAccounts[1].address' "$work/node/devnet.json")
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$AK" "$R" "deposit(address)" "$A" --value 1ether
credited() { [ "$("$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$A")" = 1000000000000000000 ]; }
wait_for 30 credited
# Batch 0 carries the deposit alone; the transfer and the withdrawal go out together (one L2 block)
# once it is on L1, so both are in batch 1, the one the proposer lies about.
posted() { [ "$(rpc "$L2P" sluice_getBatches '[0,10]' | jq '.result | length')" -ge 1 ]; }
wait_for 60 posted
W=0x00000000000000000000000000000000005111ce  # PROTOCOL.md §1 WITHDRAWAL_ADDRESS
# (explicit nonces: cast asks for the "latest" count, which does not see the first one yet)
"$CAST" send -q --async --nonce 0 --rpc-url "http://127.0.0.1:$L2P" --private-key "$AK" "$B" --value 0.1ether
WTX=$("$CAST" send --async --nonce 1 --rpc-url "http://127.0.0.1:$L2P" --private-key "$AK" "$W" --value 0.2ether)

proven() { grep -q "fraud proven" "$work/node.log"; }
wait_for 90 proven || { cat "$work/node.log" "$work/verifier.log"; exit 1; }
grep "FAULT INJECTION" "$work/node.log"
grep "verifier:" "$work/verifier.log"
grep -q "verdict $verdict " "$work/node.log" || { echo "expected verdict $verdict"; cat "$work/node.log"; exit 1; }
# The proof came from the independent verifier (anvil dev account 1), not from the node.
grep -q "by 0x70997970C51812dc3A010C7d01b50e0d17dc79C8" "$work/node.log"
# The proposer's bond was slashed and topped up again.
wait_for 30 grep -q "bond topped up" "$work/node.log"

# The honest records are re-posted: L1's standing batches hold all three (deposit, transfer,
# withdrawal) and nobody sees fraud.
reposted() {
  local s; s=$(rpc "$VP" sluice_getBatches '[0,100]')
  [ "$(echo "$s" | jq '[.result[] | select(.status != "reverted") | .recordCount] | add // 0')" = 3 ] &&
  [ "$(rpc "$VP" sluice_status '[]' | jq '.result.verifier.fraudFound | length')" = 0 ]
}
wait_for 60 reposted || { cat "$work/node.log" "$work/verifier.log"; exit 1; }
rpc "$VP" sluice_getBatches '[0,100]' | jq -c '.result[] | {index, status, recordCount}'
[ "$("$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$B")" = 100000000000000000 ]

# The withdrawal was in the reverted batch, is in a standing one now, and pays out once that is final.
# Batch 1 was posted twice with the same two records (the lie, then the honest re-post after the
# revert); the standing batch 1 is the second posting and holds the withdrawal.
first_tx=$(grep -m1 -o "batch 1 ( 2 records) sent in L1 tx 0x[0-9a-f]*" "$work/node.log" | awk '{print $NF}')
[ "$(grep -c "batch 1 ( 2 records) sent" "$work/node.log")" -ge 2 ] || { echo "batch 1 was not re-posted"; exit 1; }
standing=$(rpc "$VP" sluice_getBatches '[1,1]' | jq -c '.result[0]')
[ "$(echo "$standing" | jq -r .l1TxHash)" != "$first_tx" ] || { echo "batch 1 still the lie: $standing"; exit 1; }
echo "$standing" | jq -e --arg t "$WTX" '.transactions | map(ascii_downcase) | index($t | ascii_downcase) != null' >/dev/null ||
  { echo "the withdrawal $WTX is not in the re-posted batch 1: $standing"; exit 1; }
NET=(--l1-rpc "http://127.0.0.1:$L1P" --l2-rpc "http://127.0.0.1:$L2P" --rollup "$R" --wallet-dir "$work/cli")
status_of() { "$CLI" withdrawals "${NET[@]}" --address "$A" --json | jq -r --arg t "$WTX" '.[] | select((.l2TxHash | ascii_downcase) == ($t | ascii_downcase)) | .status'; }
ready() { [ "$(status_of)" = "ready to finalize" ]; }
wait_for 120 ready || { echo "withdrawal status: $(status_of)"; exit 1; }
before=$("$CAST" balance --rpc-url "http://127.0.0.1:$L1P" "$R")
"$CLI" finalize "${NET[@]}" --private-key "$AK" --all-ready >/dev/null
after=$("$CAST" balance --rpc-url "http://127.0.0.1:$L1P" "$R")
[ "$(echo "$before - $after" | bc)" = 200000000000000000 ] || { echo "Rollup paid $before - $after wei, expected 0.2 ETH"; exit 1; }
[ "$(status_of)" = finalized ]
echo "ok: $kind caught as $verdict, reverted, slashed, honest state re-posted, its withdrawal paid after all"
