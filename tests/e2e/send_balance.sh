#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# (a) sluice-cli send from anvil's dev account to a fresh address, then the exact balance
# through sluice-cli balance and through cast balance; and once more from a keystore.
source "$(dirname "$0")/lib.sh"
start_anvil

mnemonic=$("$SLUICE_CLI" key new-mnemonic)
recipient=$("$SLUICE_CLI" key derive --mnemonic "$mnemonic" --index 0)

hash=$("$SLUICE_CLI" send --rpc-url "$RPC_URL" --private-key "$DEV_KEY" --to "$recipient" --value 1.234567890123456789)
[[ "$hash" =~ ^0x[0-9a-f]{64}$ ]] || fail "send printed '$hash', not a transaction hash"
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
