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
: "${SLUICED:?set by ctest}"
command -v bc >/dev/null || fail "bc is needed for 256-bit arithmetic (Debian: bc)"

SLUICED_PID=""
L1_PORT=""
stop_devnet() {
    if [[ -n "$SLUICED_PID" ]]; then
        kill "$SLUICED_PID" 2>/dev/null || true
        wait "$SLUICED_PID" 2>/dev/null || true
        SLUICED_PID=""
    fi
    # The anvil sluiced started is not our child: wait until it has gone (it frees the port and
    # writes its state file as it exits).
    if [[ -n "$L1_PORT" ]]; then
        local pid
        pid=$(ss -ltnp 2>/dev/null | grep ":$L1_PORT " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
        if [[ -n "$pid" ]]; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
        L1_PORT=""
    fi
}
trap 'stop_devnet; cleanup' EXIT

WALLET_DIR="$E2E_TMP/wallet"
OTHER=0x00000000000000000000000000000000C0FFEE03
cli() { "$SLUICE_CLI" "$@"; }
add() { echo "$1 + $2" | BC_LINE_LENGTH=0 bc; }
sub() { echo "$1 - $2" | BC_LINE_LENGTH=0 bc; }
mul() { echo "$1 * $2" | BC_LINE_LENGTH=0 bc; }
eventually() {  # what command... (readiness, not a timing assertion)
    local what=$1
    shift
    for _ in $(seq 1 600); do
        if "$@" >/dev/null 2>&1; then echo "ok - $what"; return 0; fi
        sleep 0.2
    done
    fail "$what: never happened"
}

# start_devnet N: a fresh `sluiced --devnet` in its own data folder on free ports; sets DATA, L1,
# L2, ROLLUP, NET (its manifest) and EXPLICIT (the same chain through explicit endpoints). A port
# taken by someone else between choosing and binding it means another try on other ports.
start_devnet() {
    local attempt l2_port log
    for attempt in 1 2 3; do
        DATA="$E2E_TMP/devnet$1.$attempt"
        log="$E2E_TMP/sluiced$1.$attempt.log"
        L1_PORT=$(free_port)
        l2_port=$(free_port)
        while [[ "$l2_port" == "$L1_PORT" ]]; do l2_port=$(free_port); done
        SLUICE_ANVIL="$ANVIL" "$SLUICED" --devnet --data-dir "$DATA" --l1-port "$L1_PORT" --l2-port "$l2_port" \
            --challenge-period 5 >"$log" 2>&1 &
        SLUICED_PID=$!
        for _ in $(seq 1 600); do
            kill -0 "$SLUICED_PID" 2>/dev/null || break
            if [[ -s "$DATA/devnet.json" ]] && "$CAST" chain-id --rpc-url "http://127.0.0.1:$l2_port" >/dev/null 2>&1; then break; fi
            sleep 0.2
        done
        if kill -0 "$SLUICED_PID" 2>/dev/null && [[ -s "$DATA/devnet.json" ]]; then break; fi
        stop_devnet
        grep -q "already in use" "$log" || { cat "$log" >&2; fail "sluiced did not start"; }
    done
    [[ -n "$SLUICED_PID" ]] || fail "sluiced found no free ports"
    L1=$(jq -r .l1.rpcUrl "$DATA/devnet.json")
    L2=$(jq -r .l2.rpcUrl "$DATA/devnet.json")
    ROLLUP=$(jq -r .rollup "$DATA/devnet.json")
    NET=(--network local --data-dir "$DATA" --wallet-dir "$WALLET_DIR")
    EXPLICIT=(--l1-rpc "$L1" --l2-rpc "$L2" --rollup "$ROLLUP" --wallet-dir "$WALLET_DIR")
}

withdrawals_of() { cli withdrawals "${NET[@]}" --address "$1" --json; }

# bridge_round KEY ADDRESS: the issue's flow on the current devnet; sets W_ID to the withdrawal's id.
bridge_round() {
    local key=$1 me=$2 l2_start w_tx l1_before out r gas
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
    r=$("$CAST" receipt "$out" --json --rpc-url "$L1")
    gas=$(mul "$(printf '%d' "$(jq -r .gasUsed <<<"$r")")" "$(printf '%d' "$(jq -r .effectiveGasPrice <<<"$r")")")
    assert_eq "$(sub "$(add "$l1_before" 500000000000000000)" "$gas")" "$("$CAST" balance "$me" --rpc-url "$L1")" \
        "L1 balance rose by exactly 0.5 ETH minus the finalize gas"
    assert_eq finalized "$(withdrawals_of "$me" | jq -r --arg h "$w_tx" '.[] | select(.l2TxHash == $h) | .status')" \
        "the withdrawal shows finalized"
    assert_fails_with "already finalized" "finalizing it again by its id" cli finalize "${NET[@]}" --private-key "$key" "$W_ID"
}

# anvil's dev accounts 2 and 3 (the devnet manifest lists them with their keys).
account() { jq -r ".devAccounts[$1].$2" "$DATA/devnet.json"; }

echo "# devnet 1"
start_devnet 1
FIRST_ROLLUP=$ROLLUP
KEY_A=$(account 0 privateKey)
ME_A=$(account 0 address)
KEY_B=$(account 1 privateKey)
ME_B=$(account 1 address)
bridge_round "$KEY_A" "$ME_A"
stop_devnet

echo "# devnet 2: same Rollup address, same account"
start_devnet 2
assert_eq "$FIRST_ROLLUP" "$ROLLUP" "the fresh devnet's Rollup is at the same address"
assert_eq "[]" "$(withdrawals_of "$ME_A" | jq -c .)" "devnet 1's withdrawal is not on devnet 2"
bridge_round "$KEY_A" "$ME_A"
stop_devnet

echo "# devnet 3: same Rollup address, another account"
start_devnet 3
assert_eq "$FIRST_ROLLUP" "$ROLLUP" "the fresh devnet's Rollup is at the same address"
bridge_round "$KEY_B" "$ME_B"
assert_eq "[]" "$(withdrawals_of "$ME_A" | jq -c .)" "the other account's withdrawals of devnets 1 and 2 are not on devnet 3"
stop_devnet
echo "bridge history passed"
