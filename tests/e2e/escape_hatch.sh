#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The escape hatch on a real local stack (PROTOCOL.md §5.4): `sluiced --devnet` with a 3 s challenge
# period and a 15 s escape delay; a deposit and a transfer are batched, then the operator goes
# silent (the node is stopped with SIGSTOP; anvil keeps mining). A new deposit waits in the queue;
# `sluice-cli exit` refuses until the Rollup freezes, then pays each owner exactly its L2 balance
# from the last state root (a proof the CLI builds from its own replay of L1, with the L2 node
# unreachable) and refunds the deposit no batch took. Exiting twice pays nothing.
source "$(dirname "$0")/lib.sh"
: "${SLUICED:?set by ctest}"
command -v bc >/dev/null || fail "bc is needed for 256-bit arithmetic (Debian: bc)"

SLUICED_PID=""
stop_sluiced() {
    if [[ -n "$SLUICED_PID" ]]; then
        kill -CONT "$SLUICED_PID" 2>/dev/null || true
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
    --challenge-period 3 --escape-delay 15 >"$E2E_TMP/sluiced.log" 2>&1 &
SLUICED_PID=$!
for _ in $(seq 1 600); do
    kill -0 "$SLUICED_PID" 2>/dev/null || { cat "$E2E_TMP/sluiced.log" >&2; fail "sluiced exited"; }
    if [[ -s "$DATA/devnet.json" ]] && "$CAST" chain-id --rpc-url "http://127.0.0.1:$L2_PORT" >/dev/null 2>&1; then break; fi
    sleep 0.2
done
[[ -s "$DATA/devnet.json" ]] || { cat "$E2E_TMP/sluiced.log" >&2; fail "no devnet manifest"; }
L1=$(jq -r .l1.rpcUrl "$DATA/devnet.json")
ROLLUP=$(jq -r .rollup "$DATA/devnet.json")
KEY=$(jq -r '.devAccounts[0].privateKey' "$DATA/devnet.json")
ME=$(jq -r '.devAccounts[0].address' "$DATA/devnet.json")
OTHER=0x00000000000000000000000000000000C0FFEE02
NET=(--network local --data-dir "$DATA" --wallet-dir "$WALLET_DIR")
cli() { "$SLUICE_CLI" "$@"; }
add() { echo "$1 + $2" | BC_LINE_LENGTH=0 bc; }
sub() { echo "$1 - $2" | BC_LINE_LENGTH=0 bc; }
mul() { echo "$1 * $2" | BC_LINE_LENGTH=0 bc; }
l2_wei() { cli balance --l2 "$1" --wei "${NET[@]}"; }
l1_wei() { "$CAST" balance "$1" --rpc-url "$L1"; }
eventually() {  # what command... (readiness, not a timing assertion)
    local what=$1
    shift
    for _ in $(seq 1 600); do
        if "$@" >/dev/null 2>&1; then echo "ok - $what"; return 0; fi
        sleep 0.2
    done
    fail "$what: never happened"
}
gas_of() {  # L1 gas paid by a transaction, from its receipt
    local r
    r=$("$CAST" receipt "$1" --json --rpc-url "$L1")
    mul "$(printf '%d' "$(jq -r .gasUsed <<<"$r")")" "$(printf '%d' "$(jq -r .effectiveGasPrice <<<"$r")")"
}

first_word() { awk '{print $1}'; }
assert_eq 15 "$("$CAST" call "$ROLLUP" 'escapeDelay()(uint256)' --rpc-url "$L1" | first_word)" "escape delay read from chain"
assert_eq false "$(cli exit "${NET[@]}" --status | jq -r .frozen)" "a fresh Rollup is not frozen"
assert_fails_with "no deposit is waiting" "exit while the operator works and nothing waits" \
    cli exit "${NET[@]}" --private-key "$KEY"

# ---- the operator works: a deposit and a transfer, both in batches on L1 ----
cli deposit "${NET[@]}" --private-key "$KEY" --amount 2 >/dev/null
credited() { [[ "$(l2_wei "$ME")" != 0 ]]; }
eventually "deposit credited on L2" credited
cli transfer "${NET[@]}" --private-key "$KEY" --to "$OTHER" --amount 0.25 >/dev/null
batched() { [[ "$(cli batches "${NET[@]}" --json | jq '[.[].recordCount] | add')" == 2 ]]; }
eventually "deposit and transfer posted in batches" batched
ME_L2=$(l2_wei "$ME")
OTHER_L2=$(l2_wei "$OTHER")
assert_eq 250000000000000000 "$OTHER_L2" "recipient holds 0.25 ETH on L2"

# ---- the operator goes silent ----
kill -STOP "$SLUICED_PID"
echo "ok - sluiced stopped (SIGSTOP); anvil keeps mining"
# The CLI's deposit checks the L2 node first, which no longer answers: a plain L1 call does it.
DEPOSIT_TX=$("$CAST" send --rpc-url "$L1" --private-key "$KEY" "$ROLLUP" 'deposit(address)' "$ME" --value 0.5ether --json | jq -r .transactionHash)
assert_eq 0x1 "$("$CAST" receipt "$DEPOSIT_TX" --json --rpc-url "$L1" | jq -r .status)" "a deposit waits in the queue"
STATUS=$(cli exit "${NET[@]}" --status)
[[ "$(jq -r .escapeAvailableAt <<<"$STATUS")" != null ]] || fail "escapeAvailableAt is not set: $STATUS"
assert_fails_with "not frozen" "exit before the escape delay" cli exit "${NET[@]}" --private-key "$KEY"
is_frozen() { [[ "$(cli exit "${NET[@]}" --status | jq -r .frozen)" == true ]]; }
eventually "the Rollup froze after the escape delay" is_frozen
assert_fails_with "Frozen" "a deposit into a frozen Rollup" \
    "$CAST" send --rpc-url "$L1" --private-key "$KEY" "$ROLLUP" 'deposit(address)' "$ME" --value 0.5ether

# ---- exits: exactly the L2 balance, and the refund ----
L1_BEFORE=$(l1_wei "$ME")
OUT=$(cli exit "${NET[@]}" --private-key "$KEY")
mapfile -t TXS <<<"$OUT"
assert_eq 2 "${#TXS[@]}" "one exit and one refund sent"
GAS=$(add "$(gas_of "${TXS[0]}")" "$(gas_of "${TXS[1]}")")
assert_eq "$(sub "$(add "$(add "$L1_BEFORE" "$ME_L2")" 500000000000000000)" "$GAS")" "$(l1_wei "$ME")" \
    "L1 balance rose by exactly the L2 balance plus the refunded 0.5 ETH, minus the gas"
assert_eq "" "$(cli exit "${NET[@]}" --private-key "$KEY" 2>/dev/null)" "a second exit sends nothing"
# Anyone may send an owner's exit; the money goes to the owner.
OTHER_BEFORE=$(l1_wei "$OTHER")
cli exit "${NET[@]}" --private-key "$KEY" --address "$OTHER" >/dev/null
assert_eq "$(add "$OTHER_BEFORE" "$OTHER_L2")" "$(l1_wei "$OTHER")" "the recipient's L2 balance paid to it on L1"
echo "escape hatch passed"
