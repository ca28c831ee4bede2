#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# (a) sluice-cli send from anvil's dev account to a fresh address, then the exact balance
# through sluice-cli balance and through cast balance; and once more from a keystore.
source "$(dirname "$0")/lib.sh"
start_anvil

mnemonic=$("$SLUICE_CLI" key new-mnemonic)
recipient=$("$SLUICE_CLI" key derive --mnemonic "$mnemonic" --index 0)

# Issue 10, item 2: on a terminal the review asks first, and "n" signs nothing (script(1) gives
# the command a terminal and types the answer).
printf 'n\n' | script -qec "'$SLUICE_CLI' send --rpc-url '$RPC_URL' --private-key '$DEV_KEY' --to '$recipient' --value 1" \
    /dev/null >"$E2E_TMP/declined.out" 2>&1 && fail "a send declined at the prompt exited 0"
grep -qF "Sign and send? [y/N]" "$E2E_TMP/declined.out" || fail "no prompt on a terminal: $(cat "$E2E_TMP/declined.out")"
grep -qF "declined at review; nothing was signed" "$E2E_TMP/declined.out" || fail "declining did not say so: $(cat "$E2E_TMP/declined.out")"
assert_eq "0" "$("$CAST" nonce --rpc-url "$RPC_URL" "$DEV_ADDRESS")" "declined at review: nothing sent"

# Without a terminal (this script) the review is printed on stderr and the send goes on.
hash=$("$SLUICE_CLI" send --rpc-url "$RPC_URL" --private-key "$DEV_KEY" --to "$recipient" --value 1.234567890123456789 \
    2>"$E2E_TMP/send.err")
[[ "$hash" =~ ^0x[0-9a-f]{64}$ ]] || fail "send printed '$hash', not a transaction hash"
grep -qE "^review: chain 31337, from $DEV_ADDRESS to $recipient, value 1.234567890123456789 ETH$" "$E2E_TMP/send.err" ||
    fail "the review does not show what was signed: $(cat "$E2E_TMP/send.err")"
grep -qE "gas limit 21000 at most [0-9.]+ gwei: fee about [0-9.]+ ETH, at most [0-9.]+ ETH; total at most 1\.23" "$E2E_TMP/send.err" ||
    fail "the review lacks the fees: $(cat "$E2E_TMP/send.err")"
# cast prints a receipt's status as "true" (1.x) or "1 (success)" (older releases).
succeeded() { [[ "$1" == "true" || "$1" == "1 (success)" ]]; }
status=$("$CAST" receipt --rpc-url "$RPC_URL" "$hash" status)
succeeded "$status" || fail "receipt of $hash: status '$status', expected success"
assert_eq "0x2" "$("$CAST" tx --rpc-url "$RPC_URL" "$hash" --json | jq -r .type)" "the transaction is EIP-1559 (type 2)"
assert_eq "1" "$("$CAST" nonce --rpc-url "$RPC_URL" "$DEV_ADDRESS")" "sender nonce advanced"

assert_eq "1.234567890123456789" "$("$SLUICE_CLI" balance --rpc-url "$RPC_URL" "$recipient")" "sluice-cli balance (ether)"
assert_eq "1234567890123456789" "$("$SLUICE_CLI" balance --rpc-url "$RPC_URL" "$recipient" --wei)" "sluice-cli balance --wei"
assert_eq "1234567890123456789" "$("$CAST" balance --rpc-url "$RPC_URL" "$recipient")" "cast balance agrees"
assert_eq "0" "$("$SLUICE_CLI" balance --rpc-url "$RPC_URL" "$(lower "$("$SLUICE_CLI" key derive --mnemonic "$mnemonic" --index 1)")")" "untouched account is 0"

# The same from a pbkdf2 keystore (fast), second transaction: the nonce comes from the node.
printf 'correct horse\n' >"$E2E_TMP/pw"
"$SLUICE_CLI" keystore new --private-key "$DEV_KEY" --password-file "$E2E_TMP/pw" --out "$E2E_TMP/dev.json" --kdf pbkdf2 >/dev/null
hash2=$("$SLUICE_CLI" send --rpc-url "$RPC_URL" --keystore "$E2E_TMP/dev.json" --password-file "$E2E_TMP/pw" --to "$recipient" --value "1000 wei")
status=$("$CAST" receipt --rpc-url "$RPC_URL" "$hash2" status)
succeeded "$status" || fail "keystore send: receipt status '$status', expected success"
assert_eq "1234567890123457789" "$("$CAST" balance --rpc-url "$RPC_URL" "$recipient")" "balance after the second transfer"
assert_eq "2" "$("$CAST" nonce --rpc-url "$RPC_URL" "$DEV_ADDRESS")" "sender nonce advanced again"
