#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Forced inclusion on a real local stack (PROTOCOL.md §4.5): `sluiced --devnet --censor VICTIM`
# refuses every transaction the victim sends it. The victim's deposit still arrives (L1 puts it in
# the queue), its L2 transfer is refused, and `sluice-cli force-transfer` / `force-withdraw` queue
# the signed transactions on L1 instead: the sequencer must apply them in queue order or see its
# batches refused, so they land on L2, the withdrawal is paid on L1 after the window, and the
# wallet's own replay of L1 verifies every batch. A forced transaction that is invalid at its turn
# (a forged signature) is skipped: no effect, and the batch carrying the skip verifies too.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/devnet_stack.sh"

# The devnet's second funded account, known before the devnet writes its manifest.
VICTIM=0x90F79bf6EB2c4f870365E785982E1f101E93b906
start_devnet 1 --challenge-period 3 --censor "$VICTIM"
assert_eq "$(lower "$VICTIM")" "$(lower "$(dev_account 1 address)")" "the victim is a funded devnet account"
KEY=$(dev_account 1 privateKey)
OTHER=0x00000000000000000000000000000000C0FFEE03
all_verified() {  # every batch on L1 re-executed by the wallet with the same roots
    local b
    b=$(cli batches "${NET[@]}" --json) || return 1
    [[ "$(jq 'length' <<<"$b")" -gt 0 && "$(jq '[.[] | select(.verifiedByWallet != "verified")] | length' <<<"$b")" == 0 ]]
}
queue_taken() {  # every queue entry is in a batch on L1
    [[ "$("$CAST" call "$ROLLUP" 'depositsProcessed()(uint256)' --rpc-url "$L1" | awk '{print $1}')" == \
       "$("$CAST" call "$ROLLUP" 'depositCount()(uint256)' --rpc-url "$L1" | awk '{print $1}')" ]]
}

# ---- the victim's money arrives (deposits go through L1), its L2 transactions do not ----
cli deposit "${NET[@]}" --private-key "$KEY" --amount 1 >/dev/null
credited() { [[ "$(l2_wei "$VICTIM")" == 1000000000000000000 ]]; }
eventually "the victim's deposit is credited on L2" credited
assert_fails_with "censors" "the censoring sequencer refuses the victim's transfer" \
    cli transfer "${NET[@]}" --private-key "$KEY" --to "$OTHER" --amount 0.25

# ---- forced transfer: queued on L1, applied on L2 ----
L2_TX=$(cli force-transfer "${NET[@]}" --private-key "$KEY" --to "$OTHER" --amount 0.25 --wait)
[[ "$L2_TX" =~ ^0x[0-9a-f]{64}$ ]] || fail "force-transfer printed no L2 transaction hash: $L2_TX"
assert_eq 250000000000000000 "$(l2_wei "$OTHER")" "the forced transfer reached the recipient"
RECEIPT=$("$CAST" receipt "$L2_TX" --json --rpc-url "$L2")
assert_eq 0x1 "$(jq -r .status <<<"$RECEIPT")" "the forced transfer has an L2 receipt"
FEE=$(sub 1000000000000000000 250000000000000000)
FEE=$(sub "$FEE" "$(l2_wei "$VICTIM")")
[[ "$FEE" -gt 0 && "$FEE" -le $((21000 * 10000000000)) ]] || fail "the victim paid value + one transfer's fee, not $FEE wei more"
echo "ok - the victim paid 0.25 ETH and a fee of $FEE wei"

# ---- forced withdrawal: applied, batched, paid on L1 after the window ----
W_TX=$(cli force-withdraw "${NET[@]}" --private-key "$KEY" --amount 0.1 --wait)
eventually "every queue entry is taken by a batch on L1" queue_taken
ready() { [[ "$(cli withdrawals "${NET[@]}" --private-key "$KEY" --json | jq -r --arg h "$W_TX" '.[] | select(.l2TxHash == $h) | .status')" == "ready to finalize" ]]; }
eventually "the forced withdrawal is ready to finalize" ready
L1_BEFORE=$(l1_wei "$VICTIM")
FIN_TX=$(cli finalize "$W_TX" "${NET[@]}" --private-key "$KEY")
assert_eq "$(sub "$(add "$L1_BEFORE" 100000000000000000)" "$(gas_paid "$FIN_TX")")" "$(l1_wei "$VICTIM")" \
    "the forced withdrawal paid 0.1 ETH on L1 (minus the finalize gas)"

# ---- a forced transaction invalid at its turn is skipped ----
BEFORE=$(l2_wei "$VICTIM")
COUNT_BEFORE=$("$CAST" call "$ROLLUP" 'depositCount()(uint256)' --rpc-url "$L1" | awk '{print $1}')
"$CAST" send --rpc-url "$L1" --private-key "$KEY" "$ROLLUP" \
    'forceTransaction((bool,uint8,address,uint256,uint256,uint256,uint256,uint256,uint256,bytes32,bytes32))' \
    "(true,0,$OTHER,2,1000,0,0,2000000000,21000,0x$(printf '11%.0s' {1..32}),0x$(printf '22%.0s' {1..32}))" >/dev/null
assert_eq "$((COUNT_BEFORE + 1))" "$("$CAST" call "$ROLLUP" 'depositCount()(uint256)' --rpc-url "$L1" | awk '{print $1}')" \
    "a forged forced transaction is queued (L1 checks no signature)"
eventually "the forged entry is taken by a batch on L1" queue_taken
grep -q "forced transaction $COUNT_BEFORE skipped" "$LOG" || fail "the node did not report the skip"
assert_eq "$BEFORE" "$(l2_wei "$VICTIM")" "the skipped transaction changed nothing"
assert_eq 250000000000000000 "$(l2_wei "$OTHER")" "the recipient got nothing from the skipped one"
eventually "the wallet re-executed every batch from L1 and got the same roots" all_verified
echo "forced inclusion passed"
