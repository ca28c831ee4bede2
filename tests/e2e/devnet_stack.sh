#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A whole local stack for the bridge tests (bridge_flow, bridge_history, escape_hatch,
# forced_inclusion): `sluiced --devnet` as a child of the test, its anvil, and the helpers every
# one of them needs. Sourced after lib.sh; stops the stack when the test exits.
: "${SLUICED:?set by ctest}"
command -v bc >/dev/null || fail "bc is needed for 256-bit arithmetic (Debian: bc)"

WALLET_DIR="$E2E_TMP/wallet"
SLUICED_PID=""
L1_PORT=""

# stop_devnet: stops sluiced (resumed first, should a test have stopped it with SIGSTOP) and the
# anvil it started, which is not our child: wait until it has gone (it frees the port and writes
# its state file as it exits).
stop_devnet() {
    if [[ -n "$SLUICED_PID" ]]; then
        kill -CONT "$SLUICED_PID" 2>/dev/null || true
        kill "$SLUICED_PID" 2>/dev/null || true
        wait "$SLUICED_PID" 2>/dev/null || true
        SLUICED_PID=""
    fi
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

# start_devnet NAME [sluiced options...]: a fresh `sluiced --devnet` in its own data folder on free
# ports, ready when its manifest exists and its L2 answers (readiness, not a timing assertion);
# sets SLUICED_PID, DATA, LOG, L1, L2, ROLLUP, NET (its manifest) and EXPLICIT (the same chain
# through explicit endpoints). A failed start (e.g. a port taken by someone else between choosing
# and binding it) means another try on other ports; what went wrong is printed.
start_devnet() {
    local name=$1 attempt l2_port
    shift
    for attempt in 1 2 3; do
        DATA="$E2E_TMP/devnet$name.$attempt"
        LOG="$E2E_TMP/sluiced$name.$attempt.log"
        L1_PORT=$(free_port)
        l2_port=$(free_port)
        SLUICE_ANVIL="$ANVIL" "$SLUICED" --devnet --data-dir "$DATA" --l1-port "$L1_PORT" --l2-port "$l2_port" "$@" \
            >"$LOG" 2>&1 &
        SLUICED_PID=$!
        for _ in $(seq 1 600); do
            kill -0 "$SLUICED_PID" 2>/dev/null || break
            if [[ -s "$DATA/devnet.json" ]] && "$CAST" chain-id --rpc-url "http://127.0.0.1:$l2_port" >/dev/null 2>&1; then break; fi
            sleep 0.2
        done
        if kill -0 "$SLUICED_PID" 2>/dev/null && [[ -s "$DATA/devnet.json" ]]; then break; fi
        stop_devnet
        echo "# sluiced did not start (attempt $attempt): $(tail -n 1 "$LOG")" >&2
        cat "$DATA"/anvil.log >&2 2>/dev/null || true
    done
    [[ -n "$SLUICED_PID" ]] || { cat "$LOG" >&2; fail "sluiced did not start in 3 attempts"; }
    L1=$(jq -r .l1.rpcUrl "$DATA/devnet.json")
    L2=$(jq -r .l2.rpcUrl "$DATA/devnet.json")
    ROLLUP=$(jq -r .rollup "$DATA/devnet.json")
    NET=(--network local --data-dir "$DATA" --wallet-dir "$WALLET_DIR")
    EXPLICIT=(--l1-rpc "$L1" --l2-rpc "$L2" --rollup "$ROLLUP" --wallet-dir "$WALLET_DIR")
}

# dev_account N FIELD: the devnet manifest's funded account N ("address" or "privateKey").
dev_account() { jq -r ".devAccounts[$1].$2" "$DATA/devnet.json"; }

cli() { "$SLUICE_CLI" "$@"; }
add() { echo "$1 + $2" | BC_LINE_LENGTH=0 bc; }
sub() { echo "$1 - $2" | BC_LINE_LENGTH=0 bc; }
mul() { echo "$1 * $2" | BC_LINE_LENGTH=0 bc; }
l2_wei() { cli balance --l2 "$1" --wei "${NET[@]}"; }
l1_wei() { "$CAST" balance "$1" --rpc-url "$L1"; }
# gas_paid TX [RPC_URL]: what a transaction paid for gas (wei), from its receipt on L1 (default) or RPC_URL.
gas_paid() {
    local r
    r=$("$CAST" receipt "$1" --json --rpc-url "${2:-$L1}")
    mul "$(printf '%d' "$(jq -r .gasUsed <<<"$r")")" "$(printf '%d' "$(jq -r .effectiveGasPrice <<<"$r")")"
}

# eventually WHAT COMMAND...: polls (up to a generous bound: readiness, not a timing assertion)
# until COMMAND succeeds.
eventually() {
    local what=$1
    shift
    for _ in $(seq 1 600); do
        if "$@" >/dev/null 2>&1; then echo "ok - $what"; return 0; fi
        sleep 0.2
    done
    fail "$what: never happened"
}
