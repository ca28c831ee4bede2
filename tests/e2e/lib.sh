#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Shared by the end-to-end tests: a private anvil on a free port, killed when the test exits,
# and assertions that print what differed. Sourced by each test; ctest sets SLUICE_CLI, ANVIL,
# CAST and VECTORS (see CMakeLists.txt).
set -euo pipefail

: "${SLUICE_CLI:?set by ctest}" "${ANVIL:?set by ctest}" "${CAST:?set by ctest}"

E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/sluice-e2e.XXXXXX")
ANVIL_PID=""
cleanup() {
    if [[ -n "$ANVIL_PID" ]]; then
        kill "$ANVIL_PID" 2>/dev/null || true
        wait "$ANVIL_PID" 2>/dev/null || true
    fi
    rm -rf "$E2E_TMP"
}
trap cleanup EXIT

# anvil's well-known dev account 0 (mnemonic "test test ... junk").
DEV_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
DEV_ADDRESS=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266

# free_port, wait_for, rpc, ...: one implementation for every test script (a free port below the
# kernel's ephemeral range, checked by binding it).
source "$(dirname "${BASH_SOURCE[0]}")/devnet_lib.sh"

# Starts anvil on a free port; sets RPC_URL. Retries if another process took the port first.
start_anvil() {
    local attempt port
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        "$ANVIL" --port "$port" --silent >"$E2E_TMP/anvil.log" 2>&1 &
        ANVIL_PID=$!
        # Wait until it answers (or dies): readiness, not a timing assertion.
        for _ in $(seq 1 300); do
            if ! kill -0 "$ANVIL_PID" 2>/dev/null; then break; fi
            if "$CAST" chain-id --rpc-url "http://127.0.0.1:$port" >/dev/null 2>&1; then
                RPC_URL="http://127.0.0.1:$port"
                return 0
            fi
            sleep 0.1
        done
        kill "$ANVIL_PID" 2>/dev/null || true
        wait "$ANVIL_PID" 2>/dev/null || true
        ANVIL_PID=""
    done
    echo "could not start anvil; its log:" >&2
    cat "$E2E_TMP/anvil.log" >&2
    exit 1
}

fail() { echo "FAIL: $*" >&2; exit 1; }

assert_eq() {  # expected actual what
    [[ "$1" == "$2" ]] || fail "$3: expected '$1', got '$2'"
    echo "ok - $3"
}

# Runs a command that must fail: non-zero exit and stderr containing the expected text.
assert_fails_with() {  # expected-stderr-substring what command...
    local expected=$1 what=$2
    shift 2
    local status=0
    "$@" >"$E2E_TMP/out" 2>"$E2E_TMP/err" || status=$?
    [[ $status -ne 0 ]] || fail "$what: expected a non-zero exit, got 0 (stdout: $(cat "$E2E_TMP/out"))"
    grep -qF -- "$expected" "$E2E_TMP/err" || fail "$what: stderr lacks '$expected': $(cat "$E2E_TMP/err")"
    if grep -qE "terminate called|Segmentation|Aborted|stack trace" "$E2E_TMP/err"; then fail "$what: crashed: $(cat "$E2E_TMP/err")"; fi
    echo "ok - $what (exit $status: $(head -n1 "$E2E_TMP/err"))"
}

# The 0x-less lower-case form of an address, for comparisons across tools.
lower() { tr '[:upper:]' '[:lower:]' <<<"$1"; }
