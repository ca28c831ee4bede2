#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Read frontends on PostgreSQL: `sluiced --devnet --db postgresql://…` (sequencer, proposer, L1
# side) and two `sluiced --rpc-only` processes on the same database. The whole bridge goes through
# the frontends only: deposit (credited, seen on both), transfers sent to frontend 1 (forwarded to
# the sequencer), a newHeads subscription on frontend 2 that sees the block holding them, a
# withdrawal sent to frontend 2, its batch and challenge window read through sluice_ methods on
# frontend 1, finalize on L1, and the status "finalized" on both. A frontend killed with -9 and
# restarted replays the chain from the database and answers the same.
# env: SLUICED, CLI, CAST, ANVIL, SLUICE_TEST_PG_DIR (ctest's pg fixture).
set -euo pipefail
: "${SLUICE_TEST_PG_DIR:?set by ctest: the cluster of the pg fixture}"
source "$(dirname "${BASH_SOURCE[0]}")/devnet_lib.sh"
work=$(mktemp -d)
L1P=$(free_port); L2P=$(free_port); F1=$(free_port); F2=$(free_port)
pids=()
trap 'end_test "$work" "$L1P" "${pids[@]}"' EXIT
fail() { echo "FAIL: $*" >&2; tail -n 20 "$work"/*.log >&2; exit 1; }

read -r _ DB < <(node_db_args frontends)
SLUICE_ANVIL=${ANVIL:-} "$SLUICED" --devnet --data-dir "$work/d" --db "$DB" --challenge-period 5 \
  --l1-port "$L1P" --l2-port "$L2P" >"$work/sequencer.log" 2>&1 &
pids+=($!)
wait_for 90 grep -q "JSON-RPC on" "$work/sequencer.log" || fail "the sequencer did not start"
start_frontend() { # PORT
  "$SLUICED" --rpc-only --db "$DB" --sequencer-rpc "http://127.0.0.1:$L2P" --l2-port "$1" \
    --data-dir "$work/f$1" >"$work/frontend$1.log" 2>&1 &
  pids+=($!)
  wait_for 30 grep -q "read frontend, JSON-RPC on" "$work/frontend$1.log" || fail "frontend on $1 did not start"
}
start_frontend "$F1"
start_frontend "$F2"
grep -q "following postgresql:///frontends_" "$work/frontend$F1.log" || fail "the frontend does not name its database"

R=$(jq -r .rollup "$work/d/devnet.json")
KEY=$(jq -r '.devAccounts[0].privateKey' "$work/d/devnet.json"); ME=$(jq -r '.devAccounts[0].address' "$work/d/devnet.json")
OTHER=0x00000000000000000000000000000000C0FFEE02
L1="http://127.0.0.1:$L1P"
via() { echo --l1-rpc "$L1" --l2-rpc "http://127.0.0.1:$1" --rollup "$R" --wallet-dir "$work/wallet"; }
l2_wei() { "$CAST" balance --rpc-url "http://127.0.0.1:$1" "$2"; }

# ---- deposit: credited by the sequencer, seen by both frontends ----
# shellcheck disable=SC2046
"$CLI" deposit $(via "$F1") --private-key "$KEY" --amount 2 >/dev/null
balance_is() { [ "$(l2_wei "$1" "$2")" = "$3" ]; }  # FRONTEND_PORT ADDRESS WEI
wait_for 60 balance_is "$F1" "$ME" 2000000000000000000 ||
  fail "deposit not seen on frontend 1"
[ "$(l2_wei "$F2" "$ME")" = 2000000000000000000 ] || fail "deposit not seen on frontend 2"
echo "ok - deposit credited, seen on both frontends"

# ---- a newHeads subscription on frontend 2; transfers through frontend 1 ----
python3 "$(dirname "$0")/tools/ws_subscribe.py" "$F2" newHeads '' 1 >"$work/heads.out" 2>&1 &
sub=$!; pids+=($sub)
wait_for 15 grep -q subscribed "$work/heads.out" || fail "no subscription on frontend 2"
T1=$("$CAST" send --rpc-url "http://127.0.0.1:$F1" --private-key "$KEY" "$OTHER" --value 0.25ether --json | jq -r .transactionHash)
block=$("$CAST" receipt --rpc-url "http://127.0.0.1:$F1" "$T1" blockNumber)
wait "$sub" || fail "the subscription on frontend 2 ended without a head"
head=$(tail -n 1 "$work/heads.out")
seq_hash=$(rpc "$L2P" eth_getBlockByNumber "[\"$(jq -r .number <<<"$head")\",false]" | jq -r .result.hash)
[ "$(jq -r .hash <<<"$head")" = "$seq_hash" ] || fail "frontend 2 announced a head the sequencer does not have: $head"
[ $(( $(jq -r .number <<<"$head") )) -le "$block" ] || fail "the first head announced is after the transfer's block"
[ "$(l2_wei "$F2" "$OTHER")" = 250000000000000000 ] || fail "transfer not seen on frontend 2"
[ "$(rpc "$F2" eth_getTransactionReceipt "[\"$T1\"]" | jq -r .result.status)" = 0x1 ] || fail "no receipt on frontend 2"
echo "ok - transfer through frontend 1, head $(( $(jq -r .number <<<"$head") )) announced on frontend 2"

# ---- withdraw through frontend 2, follow it on frontend 1 (sluice_batches too), finalize ----
python3 "$(dirname "$0")/tools/ws_subscribe.py" "$F1" sluice_batches '' 1 >"$work/batches.out" 2>&1 &
bsub=$!; pids+=($bsub)
wait_for 15 grep -q subscribed "$work/batches.out" || fail "no sluice_batches subscription on frontend 1"
# shellcheck disable=SC2046
W=$("$CLI" withdraw $(via "$F2") --private-key "$KEY" --amount 0.5)
# shellcheck disable=SC2046
status_on() { "$CLI" withdrawals $(via "$1") --address "$ME" --json | jq -r --arg h "$W" '.[] | select(.l2TxHash == $h) | .status'; }
status_is() { [ "$(status_on "$1")" = "$2" ]; }  # FRONTEND_PORT STATUS
wait_for 120 status_is "$F1" "ready to finalize" ||
  fail "the withdrawal never became ready on frontend 1 (status: $(status_on "$F1"))"
wait "$bsub" || fail "frontend 1 announced no batch"
jq -e '.index >= 0 and (.status | type == "string") and (.header.stateRoot | length == 66)' <<<"$(tail -n 1 "$work/batches.out")" >/dev/null ||
  fail "frontend 1 announced a batch without its header: $(tail -n 1 "$work/batches.out")"
L1_BEFORE=$("$CAST" balance --rpc-url "$L1" "$ME")
# shellcheck disable=SC2046
FIN=$("$CLI" finalize $(via "$F1") --private-key "$KEY" --all-ready)
r=$("$CAST" receipt --rpc-url "$L1" "$FIN" --json)
gas=$(( $(jq -r .gasUsed <<<"$r") * $(jq -r .effectiveGasPrice <<<"$r") ))
[ "$(echo "$L1_BEFORE + 500000000000000000 - $gas" | BC_LINE_LENGTH=0 bc)" = "$("$CAST" balance --rpc-url "$L1" "$ME")" ] ||
  fail "L1 balance did not rise by 0.5 ETH minus gas"
wait_for 30 status_is "$F2" finalized ||
  fail "frontend 2 does not show the withdrawal finalized"
echo "ok - withdrawal sent to frontend 2, ready on frontend 1, finalized on L1, seen on both"

# ---- a frontend killed with -9 and restarted answers the same ----
root1=$(rpc "$F1" eth_getBlockByNumber '["latest",false]' | jq -r .result.stateRoot)
kill -9 "${pids[1]}"
start_frontend "$F1"
[ "$(rpc "$F1" eth_getBlockByNumber '["latest",false]' | jq -r .result.stateRoot)" = "$(rpc "$L2P" eth_getBlockByNumber '["latest",false]' | jq -r .result.stateRoot)" ] ||
  fail "the restarted frontend's state root is not the sequencer's"
[ -n "$root1" ] || fail "no state root"
[ "$(l2_wei "$F1" "$OTHER")" = 250000000000000000 ] || fail "the restarted frontend lost a balance"
echo "node_frontends: ok"
