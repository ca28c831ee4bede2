#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# (b) key derive equals cast wallet address --mnemonic ... --mnemonic-index N for random
# mnemonics (12 and 24 words, with and without a passphrase), N = 0..3.
source "$(dirname "$0")/lib.sh"

check() {  # mnemonic passphrase
    local m=$1 p=$2 n ours theirs
    for n in 0 1 2 3; do
        if [[ -n "$p" ]]; then
            ours=$("$SLUICE_CLI" key derive --mnemonic "$m" --passphrase "$p" --index "$n")
            theirs=$("$CAST" wallet address --mnemonic "$m" --mnemonic-passphrase "$p" --mnemonic-index "$n")
        else
            ours=$("$SLUICE_CLI" key derive --mnemonic "$m" --index "$n")
            theirs=$("$CAST" wallet address --mnemonic "$m" --mnemonic-index "$n")
        fi
        assert_eq "$theirs" "$ours" "index $n of a $(wc -w <<<"$m")-word mnemonic${p:+ with passphrase}"
    done
}

check "$("$SLUICE_CLI" key new-mnemonic)" ""
check "$("$SLUICE_CLI" key new-mnemonic --words 24)" ""
check "$("$SLUICE_CLI" key new-mnemonic)" "TREZOR"

# --json: the private key matches the address cast computes from it.
m=$("$SLUICE_CLI" key new-mnemonic)
json=$("$SLUICE_CLI" key derive --mnemonic "$m" --index 2 --json)
assert_eq "m/44'/60'/0'/0/2" "$(jq -r .path <<<"$json")" "--json path"
assert_eq "$(jq -r .address <<<"$json")" "$("$CAST" wallet address --private-key "$(jq -r .privateKey <<<"$json")")" "--json privateKey belongs to address"
assert_eq "$(jq -r .address <<<"$json")" "$("$CAST" wallet address --mnemonic "$m" --mnemonic-index 2)" "--json address equals cast"
