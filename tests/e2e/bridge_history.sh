#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Bridge history belongs to the chain it came from (issue 15). Fresh devnets, one after another,
# deploy their Rollup at the same address, and one wallet folder serves them all. On each: deposit,
# L2 transfer, withdraw 0.5, wait until `withdrawals --json` says "ready to finalize", then
# `finalize --all-ready` exits 0 and pays exactly that withdrawal (L1 balance + 0.5 - gas).
# Devnet 2 repeats devnet 1 with the same account, so its transactions hash the same as the
# first devnet's finalized ones; devnet 3 uses another account, whose withdrawal as a rule gets the
# same batch:index id as theirs ("1:0"). Each devnet lists only its own withdrawals, through its
# manifest and through explicit --l1-rpc/--l2-rpc/--rollup alike. Needs SLUICED (set by ctest), bc.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/devnet_stack.sh"

OTHER=0x00000000000000000000000000000000C0FFEE03

withdrawals_of() { cli withdrawals "${NET[@]}" --address "$1" --json; }

# bridge_round KEY ADDRESS: the issue's flow on the current devnet; sets W_ID to the withdrawal's id.
bridge_round() {
    local key=$1 me=$2 l2_start w_tx l1_before out gas
    l2_start=$(cli balance --l2 "$me" --wei "${NET[@]}")
    cli deposit "${NET[@]}" --private-key "$key" --amount 2 >/dev/null
    credited() { [[ "$(cli balance --l2 "$me" --wei "${NET[@]}")" == "$(add "$l2_start" 2000000000000000000)" ]]; }
    eventually "deposit credited on L2" credited
    # Its batch on L1 first, so that the withdrawal's id is the same "1:0" on every devnet.
    has_batch() { [[ "$(cli batches "${NET[@]}" --no-verify --json | jq length)" -ge 1 ]]; }
    eventually "the deposit's batch is on L1" has_batch
    cli transfer "${NET[@]}" --private-key "$key" --to "$OTHER" --amount 0.25 >/dev/null
    w_tx=$(cli withdraw "${NET[@]}" --private-key "$key" --amount 0.5)
    is_ready() {
        [[ "$(withdrawals_of "$me" | jq -r --arg h "$w_tx" '.[] | select(.l2TxHash == $h) | .status')" == "ready to finalize" ]]
    }
    eventually "withdrawal ready to finalize" is_ready
    W_ID=$(withdrawals_of "$me" | jq -r --arg h "$w_tx" '.[] | select(.l2TxHash == $h) | .id')
    echo "withdrawal $W_ID (l2 tx $w_tx)"
    # This chain's withdrawals of the account: only the one it just made.
    assert_eq "$w_tx" "$(withdrawals_of "$me" | jq -r '[.[].l2TxHash] | join(",")')" "only this devnet's withdrawal is listed"
    assert_eq "$(withdrawals_of "$me")" "$(cli withdrawals "${EXPLICIT[@]}" --address "$me" --json)" \
        "explicit endpoints see the same history as the manifest"
    l1_before=$("$CAST" balance "$me" --rpc-url "$L1")
    local status=0
    out=$(cli finalize "${NET[@]}" --private-key "$key" --all-ready 2>"$E2E_TMP/finalize.err") || status=$?
    [[ $status -eq 0 ]] || fail "finalize --all-ready exited $status: $(cat "$E2E_TMP/finalize.err")"
    [[ "$out" =~ ^0x[0-9a-f]{64}$ ]] || fail "finalize --all-ready printed '$out' (one transaction expected)"
    gas=$(gas_paid "$out")
    assert_eq "$(sub "$(add "$l1_before" 500000000000000000)" "$gas")" "$("$CAST" balance "$me" --rpc-url "$L1")" \
        "L1 balance rose by exactly 0.5 ETH minus the finalize gas"
    assert_eq finalized "$(withdrawals_of "$me" | jq -r --arg h "$w_tx" '.[] | select(.l2TxHash == $h) | .status')" \
        "the withdrawal shows finalized"
    assert_fails_with "already finalized" "finalizing it again by its id" cli finalize "${NET[@]}" --private-key "$key" "$W_ID"
}


echo "# devnet 1"
start_devnet 1 --challenge-period 5
FIRST_ROLLUP=$ROLLUP
KEY_A=$(dev_account 0 privateKey)
ME_A=$(dev_account 0 address)
KEY_B=$(dev_account 1 privateKey)
ME_B=$(dev_account 1 address)
bridge_round "$KEY_A" "$ME_A"
stop_devnet

echo "# devnet 2: same Rollup address, same account"
start_devnet 2 --challenge-period 5
assert_eq "$FIRST_ROLLUP" "$ROLLUP" "the fresh devnet's Rollup is at the same address"
assert_eq "[]" "$(withdrawals_of "$ME_A" | jq -c .)" "devnet 1's withdrawal is not on devnet 2"
bridge_round "$KEY_A" "$ME_A"
stop_devnet

echo "# devnet 3: same Rollup address, another account"
start_devnet 3 --challenge-period 5
assert_eq "$FIRST_ROLLUP" "$ROLLUP" "the fresh devnet's Rollup is at the same address"
bridge_round "$KEY_B" "$ME_B"
assert_eq "[]" "$(withdrawals_of "$ME_A" | jq -c .)" "the other account's withdrawals of devnets 1 and 2 are not on devnet 3"
stop_devnet
echo "bridge history passed"
