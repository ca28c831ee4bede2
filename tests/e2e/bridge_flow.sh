#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bridge end to end on a real local stack: `sluiced --devnet` (anvil + Rollup + node) on free
# ports with a 5 s challenge period; deposit -> credited on L2 -> transfers with sluice-cli and
# with `cast send` against the L2 RPC -> withdraw -> batch posted -> window passes -> finalize ->
# the L1 balance rose by exactly the amount minus the finalize transaction's gas (from its receipt).
# Also: every batch re-verified by the wallet from L1 data. Needs SLUICED (set by ctest) and bc.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/devnet_stack.sh"

start_devnet 1 --challenge-period 5
KEY=$(dev_account 0 privateKey)
ME=$(dev_account 0 address)
OTHER=0x00000000000000000000000000000000C0FFEE01

first_word() { awk '{print $1}'; }  # cast prints "31338 [3.133e4]"
assert_eq "$("$CAST" call "$ROLLUP" 'l2ChainId()(uint256)' --rpc-url "$L1" | first_word)" \
    "$("$CAST" chain-id --rpc-url "$L2")" "L2 chain id is the contract's"
# The challenge period the wallet uses is the contract's.
assert_eq 5 "$("$CAST" call "$ROLLUP" 'challengePeriod()(uint256)' --rpc-url "$L1" | first_word)" "challenge period read from chain"

# ---- deposit ----
L2_START=$(l2_wei "$ME")
DEPOSIT_TX=$(cli deposit "${NET[@]}" --private-key "$KEY" --amount 2)
[[ "$DEPOSIT_TX" =~ ^0x[0-9a-f]{64}$ ]] || fail "deposit printed '$DEPOSIT_TX'"
assert_eq 0x1 "$("$CAST" receipt "$DEPOSIT_TX" --json --rpc-url "$L1" | jq -r .status)" "deposit mined on L1"
credited() { [[ "$(l2_wei "$ME")" == "$(add "$L2_START" 2000000000000000000)" ]]; }
eventually "deposit credited on L2 (exactly 2 ETH)" credited

# ---- transfers: sluice-cli and cast against the same L2 ----
T1=$(cli transfer "${NET[@]}" --private-key "$KEY" --to "$OTHER" --amount 0.25)
T2=$("$CAST" send --rpc-url "$L2" --private-key "$KEY" "$OTHER" --value 0.1ether --json | jq -r .transactionHash)
assert_eq 350000000000000000 "$(l2_wei "$OTHER")" "recipient has 0.25 + 0.1 ETH on L2"
FEES=$(add "$(gas_paid "$T1" "$L2")" "$(gas_paid "$T2" "$L2")")
EXPECTED=$(sub "$(add "$L2_START" 2000000000000000000)" "$(add 350000000000000000 "$FEES")")
assert_eq "$EXPECTED" "$(l2_wei "$ME")" "sender paid the amounts plus the receipts' fees"
assert_eq 0.35 "$(cli balance --l2 "$OTHER" "${NET[@]}")" "balance --l2 prints exact ether"

# ---- errors a user can act on ----
assert_fails_with "insufficient funds" "withdraw more than the L2 balance" \
    cli withdraw "${NET[@]}" --private-key "$KEY" --amount 1000000
assert_fails_with "not answering" "L2 node down" \
    cli balance --l2 "$ME" --l1-rpc "$L1" --l2-rpc "http://127.0.0.1:$(free_port)" --rollup "$ROLLUP"

# ---- withdraw, batch posted, window, finalize ----
W_TX=$(cli withdraw "${NET[@]}" --private-key "$KEY" --amount 0.5)
status_of() { cli withdrawals "${NET[@]}" --address "$ME" --json | jq -r --arg h "$W_TX" '.[] | select(.l2TxHash == $h) | .status'; }
is_posted() { [[ "$(status_of)" =~ ^(in\ challenge\ window|ready\ to\ finalize)$ ]]; }
eventually "withdrawal posted in a batch on L1" is_posted
cli withdrawals "${NET[@]}" --address "$ME"
is_ready() { [[ "$(status_of)" == "ready to finalize" ]]; }
eventually "challenge window passed" is_ready
L1_BEFORE=$(l1_wei "$ME")
FINALIZE_TX=$(cli finalize "${NET[@]}" --private-key "$KEY" --all-ready)
[[ "$FINALIZE_TX" =~ ^0x[0-9a-f]{64}$ ]] || fail "finalize printed '$FINALIZE_TX'"
assert_eq "$(sub "$(add "$L1_BEFORE" 500000000000000000)" "$(gas_paid "$FINALIZE_TX")")" "$(l1_wei "$ME")" \
    "L1 balance rose by exactly 0.5 ETH minus the finalize gas"
assert_eq finalized "$(status_of)" "withdrawal shows finalized"
assert_fails_with "already finalized" "finalizing twice" \
    cli finalize "${NET[@]}" --private-key "$KEY" "$(cli withdrawals "${NET[@]}" --address "$ME" --json | jq -r --arg h "$W_TX" '.[] | select(.l2TxHash == $h) | .id')"

# ---- the wallet's own verification of every batch ----
cli batches "${NET[@]}"
BATCHES=$(cli batches "${NET[@]}" --json)
[[ $(jq length <<<"$BATCHES") -ge 1 ]] || fail "no batches"
assert_eq "" "$(jq -r '.[] | select(.verifiedByWallet != "verified") | .index' <<<"$BATCHES")" "every batch verified by the wallet"
echo "bridge flow passed"
