#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bridge end to end on a real local stack: `sluiced --devnet` (anvil + Rollup + node) on free
# ports with a 5 s challenge period; deposit -> credited on L2 -> transfers with sluice-cli and
# with `cast send` against the L2 RPC -> withdraw -> batch posted -> window passes -> finalize ->
# the L1 balance rose by exactly the amount minus the finalize transaction's gas (from its receipt).
# Also: every batch re-verified by the wallet from L1 data. Needs SLUICED (set by ctest) and bc.
source "$(dirname "$0")/lib.sh"
: "${SLUICED:?set by ctest}"
command -v bc >/dev/null || fail "bc is needed for 256-bit arithmetic (Debian: bc)"

SLUICED_PID=""
stop_sluiced() {
    if [[ -n "$SLUICED_PID" ]]; then
        kill "$SLUICED_PID" 2>/dev/null || true
        wait "$SLUICED_PID" 2>/dev/null || true
        SLUICED_PID=""
    fi
}
trap 'stop_sluiced; cleanup' EXIT

DATA="$E2E_TMP/devnet"
WALLET_DIR="$E2E_TMP/wallet"
L1_PORT=$(free_port)
L2_PORT=$(free_port)
while [[ "$L2_PORT" == "$L1_PORT" ]]; do L2_PORT=$(free_port); done
SLUICE_ANVIL="$ANVIL" "$SLUICED" --devnet --data-dir "$DATA" --l1-port "$L1_PORT" --l2-port "$L2_PORT" \
    --challenge-period 5 >"$E2E_TMP/sluiced.log" 2>&1 &
SLUICED_PID=$!

# Readiness (not a timing assertion): the manifest exists and the L2 answers.
for _ in $(seq 1 600); do
    kill -0 "$SLUICED_PID" 2>/dev/null || { cat "$E2E_TMP/sluiced.log" >&2; fail "sluiced exited"; }
    if [[ -s "$DATA/devnet.json" ]] && "$CAST" chain-id --rpc-url "http://127.0.0.1:$L2_PORT" >/dev/null 2>&1; then break; fi
    sleep 0.2
done
[[ -s "$DATA/devnet.json" ]] || { cat "$E2E_TMP/sluiced.log" >&2; fail "no devnet manifest"; }
L1=$(jq -r .l1.rpcUrl "$DATA/devnet.json")
L2=$(jq -r .l2.rpcUrl "$DATA/devnet.json")
ROLLUP=$(jq -r .rollup "$DATA/devnet.json")
KEY=$(jq -r '.devAccounts[0].privateKey' "$DATA/devnet.json")
ME=$(jq -r '.devAccounts[0].address' "$DATA/devnet.json")
OTHER=0x00000000000000000000000000000000C0FFEE01
NET=(--network local --data-dir "$DATA" --wallet-dir "$WALLET_DIR")
cli() { "$SLUICE_CLI" "$@"; }
add() { echo "$1 + $2" | BC_LINE_LENGTH=0 bc; }
sub() { echo "$1 - $2" | BC_LINE_LENGTH=0 bc; }
mul() { echo "$1 * $2" | BC_LINE_LENGTH=0 bc; }
l2_wei() { cli balance --l2 "$1" --wei "${NET[@]}"; }
l1_wei() { "$CAST" balance "$1" --rpc-url "$L1"; }
# Polls (up to a generous bound, it is readiness, not a timing assertion) until "$@" succeeds.
eventually() {  # what command...
    local what=$1
    shift
    for _ in $(seq 1 600); do
        if "$@" >/dev/null 2>&1; then echo "ok - $what"; return 0; fi
        sleep 0.2
    done
    fail "$what: never happened"
}

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
fee_of() { # L2 fee of a transaction from its receipt
    local r
    r=$("$CAST" receipt "$1" --json --rpc-url "$L2")
    mul "$(printf '%d' "$(jq -r .gasUsed <<<"$r")")" "$(printf '%d' "$(jq -r .effectiveGasPrice <<<"$r")")"
}
FEES=$(add "$(fee_of "$T1")" "$(fee_of "$T2")")
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
R=$("$CAST" receipt "$FINALIZE_TX" --json --rpc-url "$L1")
GAS=$(mul "$(printf '%d' "$(jq -r .gasUsed <<<"$R")")" "$(printf '%d' "$(jq -r .effectiveGasPrice <<<"$R")")")
assert_eq "$(sub "$(add "$L1_BEFORE" 500000000000000000)" "$GAS")" "$(l1_wei "$ME")" \
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
