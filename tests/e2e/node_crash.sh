#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Crash safety under load: `sluiced --devnet` takes a continuous stream of L2 transfers and is
# kill -9ed in the middle of it, then restarted on the same data dir. Checks that
#  - every transaction eth_sendRawTransaction acknowledged (returned a hash for) is in the chain
#    exactly once, with a successful receipt, and the sender's nonce counts exactly those;
#  - the anvil the killed node left behind was reused (same process, L1 history kept): --keep-l1
#    makes the devnet's anvil outlive its node as a real L1 would (by default it ends with it);
#  - after the next batches the node's L2 state root equals the one an independent
#    `sluiced --verifier` rebuilds from L1 alone, and that verifier finds no fraud;
#  - sluice_getDeposits reports the crediting L2 block across the restart.
# env: SLUICED, CAST (ANVIL optional). Usage: node_crash.sh [TRANSFERS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/devnet_lib.sh"
N=${1:-240}
work=$(mktemp -d)
L1P=$(free_port); L2P=$(free_port); VP=$(free_port)
node_pid= ver_pid= send_pid=
# shellcheck disable=SC2086 # (empty PIDs are left out)
trap 'end_test "$work" "$L1P" $send_pid $ver_pid $node_pid' EXIT
run=0
DB_ARGS=$(node_db_args node_crash)
start_node() {
  run=$((run + 1)); log=$work/node$run.log
  # shellcheck disable=SC2086 # DB_ARGS: nothing, or --db URL
  SLUICE_ANVIL=${ANVIL:-} "$SLUICED" --devnet --keep-l1 --data-dir "$work/d" $DB_ARGS --challenge-period 4 --l1-port "$L1P" --l2-port "$L2P" >"$log" 2>&1 &
  node_pid=$!
  wait_for 90 grep -q "JSON-RPC on" "$log" || { cat "$log"; return 1; }
}

start_node
R=$(jq -r .rollup "$work/d/devnet.json")
A=$(jq -r '.devAccounts[0].address' "$work/d/devnet.json"); AK=$(jq -r '.devAccounts[0].privateKey' "$work/d/devnet.json")
B=$(jq -r '.devAccounts[1].address' "$work/d/devnet.json")
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$AK" "$R" "deposit(address)" "$A" --value 10ether
wait_for 30 bash -c "[ \"\$('$CAST' balance --rpc-url http://127.0.0.1:$L2P $A)\" = 10000000000000000000 ]"

# Pre-signed transfers A -> B, nonces 0..N-1 (legacy, L2 chain id, 2 gwei over the 1 gwei base fee).
for ((n = 0; n < N; n++)); do
  "$CAST" mktx --private-key "$AK" --chain 31338 --nonce "$n" --gas-limit 21000 --gas-price 2000000000 --legacy "$B" \
    --value $((1000 + n))
done >"$work/raw.txt"
[ "$(wc -l <"$work/raw.txt")" = "$N" ]

# The sender: one transaction after another; a hash in the answer is an acknowledgement. It stops
# at the first refusal or connection error (the node is gone).
send_from() { # first line number (1-based)
  tail -n +"$1" "$work/raw.txt" | while read -r raw; do
    ans=$(rpc "$L2P" eth_sendRawTransaction "[\"$raw\"]" 2>/dev/null || true)
    h=$(echo "$ans" | jq -r '.result // empty' 2>/dev/null || true)
    [ -n "$h" ] || { echo "$ans" >"$work/first-refusal.txt"; break; }
    echo "$h" >>"$work/acked.txt"
  done
}
: >"$work/acked.txt"
send_from 1 & send_pid=$!
acked() { wc -l <"$work/acked.txt"; }
wait_for 60 bash -c "[ \$(wc -l <'$work/acked.txt') -ge $((N / 3)) ]"
# Kill right after the proposer sent a batch (anvil mines it up to a second later): the restarted
# node must find that batch on L1 and carry on from it.
anvil_before=$(pid_on_port "$L1P")
sent=$(grep -c "proposer: batch .* sent in L1 tx" "$log" || true)
# A tight poll: the batch is in flight from its "sent" line until the node has read it back from
# L1 (about a second), and the kill must land inside that window.
for ((i = 0; i < 1200; i++)); do
  [ "$(grep -c 'proposer: batch .* sent in L1 tx' "$log")" -gt "$sent" ] && break
  sleep 0.025
done
kill -9 "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=
wait "$send_pid" 2>/dev/null || true; send_pid=
K=$(acked)
echo "acknowledged before kill -9: $K of $N"
[ "$K" -lt "$N" ] || { echo "the node was killed too late to test anything"; exit 1; }

# Restart on the same data dir: the orphaned anvil is reused, nothing acknowledged is lost.
start_node
grep -q "devnet: resumed" "$log"
killed_log=$work/node1.log
[ "$(pid_on_port "$L1P")" = "$anvil_before" ] || { echo "anvil was not reused"; exit 1; }
[ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P" "$R" "depositCount()(uint256)")" = 1 ]
cp "$work/acked.txt" "$work/acked-before-kill.txt"
while read -r h; do
  rpc "$L2P" eth_getTransactionReceipt "[\"$h\"]" | jq -e '.result.status == "0x1" and .result.blockNumber != null' >/dev/null ||
    { echo "acknowledged $h lost after kill -9"; exit 1; }
done <"$work/acked-before-kill.txt"
# The deposit's crediting block survived too (answered from the database).
rpc "$L2P" sluice_getDeposits "[\"$A\"]" | jq -e '.result | length == 1 and .[0].status == "credited" and .[0].l2Block >= 1'

# Send the rest (those already in answer "nonce too low"/"already known": that is fine).
: >"$work/acked.txt"
tail -n +$((K + 1)) "$work/raw.txt" | while read -r raw; do
  rpc "$L2P" eth_sendRawTransaction "[\"$raw\"]" | jq -r '.result // empty' >>"$work/acked.txt"
done
cat "$work/acked-before-kill.txt" "$work/acked.txt" | sort >"$work/all-acked.txt"
wait_for 30 bash -c "[ \"\$('$CAST' nonce --rpc-url http://127.0.0.1:$L2P $A)\" = $N ]" ||
  { echo "nonce of A is $("$CAST" nonce --rpc-url "http://127.0.0.1:$L2P" "$A"), want $N"; exit 1; }

# Exactly once: every transaction in every L2 block, no duplicates, each acknowledged one present.
exactly_once "$L2P" "$N" "$work/all-acked.txt"
expectB=$(( (1000 + 1000 + N - 1) * N / 2 ))
[ "$("$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$B")" = "$expectB" ]

# An independent verifier replays L1 alone; once every record is in a batch its root must be the node's.
(umask 077; echo 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d >"$work/verifier.key")  # anvil dev key 1 (the devnet verifier)
"$SLUICED" --verifier --l1-rpc "http://127.0.0.1:$L1P" --rollup "$R" --key-file "$work/verifier.key" \
  --data-dir "$work/v" --l2-port "$VP" >"$work/verifier.log" 2>&1 &
ver_pid=$!
records=$((N + 1))
all_posted() { [ "$(rpc "$VP" sluice_getBatches '[0,1000]' | jq '[.result[].recordCount] | add // 0')" = "$records" ]; }
wait_for 120 all_posted || {
  echo "want $records records in batches; the verifier sees:"; rpc "$VP" sluice_getBatches '[0,1000]' | jq -c '[.result[] | {index, recordCount, status}]'
  tail -n 30 "$log" "$work/verifier.log"; exit 1; }
vroot=$(rpc "$VP" sluice_status '[]' | jq -r .result.verifier.stateRoot)
rpc "$VP" sluice_status '[]' | jq -e '.result.verifier.fraudFound == [] and .result.l2Head == null'
nroot=$(rpc "$L2P" eth_getBlockByNumber '["latest",false]' | jq -r .result.stateRoot)
lroot=$(rpc "$VP" sluice_getBatches '[0,1000]' | jq -r '.result[-1].header.stateRoot')
# The batch in flight at the kill was found on L1 and adopted (not re-posted, not waited for forever).
grep "was posted before a restart" "$log" || { echo "the in-flight batch was not adopted"; tail -n 20 "$killed_log" "$log"; exit 1; }
echo "node L2 root $nroot, verifier replay $vroot, last batch on L1 $lroot"
[ "${nroot,,}" = "${vroot,,}" ] && [ "${lroot,,}" = "${vroot,,}" ] || { echo "state roots differ"; exit 1; }
# The verifier runs no sequencer: eth_ methods are not there.
rpc "$VP" eth_blockNumber '[]' | jq -e '.error.code == -32601'
echo "ok: $K acknowledged before kill -9, all $N transfers exactly once, roots agree with an L1 replay"
