#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The escape hatch on a real local stack (PROTOCOL.md §5.4): `sluiced --devnet` with a 3 s challenge
# period and a 15 s escape delay; a deposit and a transfer are batched, then the operator goes
# silent (the node is stopped with SIGSTOP; anvil keeps mining). A new deposit waits in the queue;
# `sluice-cli exit` refuses until the Rollup freezes, then pays each owner exactly its L2 balance
# from the last state root (a proof the CLI builds from its own replay of L1, with the L2 node
# unreachable) and refunds the deposit no batch took. Exiting twice pays nothing.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/devnet_stack.sh"

start_devnet 1 --challenge-period 3 --escape-delay 15
KEY=$(dev_account 0 privateKey)
ME=$(dev_account 0 address)
OTHER=0x00000000000000000000000000000000C0FFEE02

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
GAS=$(add "$(gas_paid "${TXS[0]}")" "$(gas_paid "${TXS[1]}")")
assert_eq "$(sub "$(add "$(add "$L1_BEFORE" "$ME_L2")" 500000000000000000)" "$GAS")" "$(l1_wei "$ME")" \
    "L1 balance rose by exactly the L2 balance plus the refunded 0.5 ETH, minus the gas"
assert_eq "" "$(cli exit "${NET[@]}" --private-key "$KEY" 2>/dev/null)" "a second exit sends nothing"
# Anyone may send an owner's exit; the money goes to the owner.
OTHER_BEFORE=$(l1_wei "$OTHER")
cli exit "${NET[@]}" --private-key "$KEY" --address "$OTHER" >/dev/null
assert_eq "$(add "$OTHER_BEFORE" "$OTHER_L2")" "$(l1_wei "$OTHER")" "the recipient's L2 balance paid to it on L1"
echo "escape hatch passed"
