#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# (b) key derive equals cast wallet address --mnemonic ... --mnemonic-index N for random
# mnemonics (12 and 24 words, with and without a passphrase), N = 0..3; the secret-file and stdin
# forms of --mnemonic, --passphrase and --private-key give what the inline forms give.
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

# Secrets off the command line (issue 10): --mnemonic-file / --passphrase-file / --private-key-file
# (a file, or - for stdin) give what the inline forms give, and only the inline forms warn.
# The official BIP-39 vectors (passphrase "TREZOR") and the EIP-712 Mail example.
: "${VECTORS:?set by ctest}"
no_warning() {  # stderr-file what
    [[ ! -s "$1" ]] || fail "$2: expected nothing on stderr, got: $(cat "$1")"
}
for v in 0 23; do  # a 12-word and a 24-word vector
    vm=$(jq -r ".english[$v][1]" "$VECTORS/bip39/vectors.json")
    words=$(wc -w <<<"$vm")
    inline=$("$SLUICE_CLI" key derive --mnemonic "$vm" --passphrase TREZOR --index 1 2>"$E2E_TMP/inline.err")
    assert_eq "$("$CAST" wallet address --mnemonic "$vm" --mnemonic-passphrase TREZOR --mnemonic-index 1)" "$inline" \
        "BIP-39 vector $v ($words words), inline, equals cast"
    grep -qF "warning: --mnemonic on the command line is visible to other local users (ps); use --mnemonic-file" \
        "$E2E_TMP/inline.err" || fail "inline --mnemonic: no warning on stderr: $(cat "$E2E_TMP/inline.err")"
    grep -qF "warning: --passphrase on the command line is visible to other local users (ps); use --passphrase-file" \
        "$E2E_TMP/inline.err" || fail "inline --passphrase: no warning on stderr: $(cat "$E2E_TMP/inline.err")"
    echo "ok - inline --mnemonic and --passphrase warn on stderr"
    (umask 077 && printf '%s\n' "$vm" >"$E2E_TMP/words" && printf 'TREZOR\r\n' >"$E2E_TMP/pass")
    assert_eq "$inline" "$("$SLUICE_CLI" key derive --mnemonic-file "$E2E_TMP/words" --passphrase-file "$E2E_TMP/pass" \
        --index 1 2>"$E2E_TMP/file.err")" "vector $v: --mnemonic-file and --passphrase-file (CRLF) equal the inline form"
    no_warning "$E2E_TMP/file.err" "--mnemonic-file"
    assert_eq "$inline" "$(printf '%s\n' "$vm" | "$SLUICE_CLI" key derive --mnemonic-file - --passphrase-file "$E2E_TMP/pass" \
        --index 1 2>"$E2E_TMP/stdin.err")" "vector $v: --mnemonic-file - (stdin) equals the inline form"
    no_warning "$E2E_TMP/stdin.err" "--mnemonic-file -"
    assert_eq "$inline" "$(printf 'TREZOR' | "$SLUICE_CLI" key derive --mnemonic-file "$E2E_TMP/words" --passphrase-file - \
        --index 1)" "vector $v: --passphrase-file - (stdin, no final newline) equals the inline form"
    assert_eq "$("$CAST" wallet address --mnemonic "$vm" --mnemonic-index 0)" \
        "$("$SLUICE_CLI" key derive --mnemonic-file "$E2E_TMP/words")" "vector $v: --mnemonic-file without a passphrase equals cast"
done

jq .typed_data "$VECTORS/eip712/mail.json" >"$E2E_TMP/mail.json"
cow_key=$(jq -r .computed_not_in_source.private_key "$VECTORS/eip712/mail.json")
mail_signature=$(jq -r .signature_hex "$VECTORS/eip712/mail.json")
(umask 077 && printf '%s\n' "$cow_key" >"$E2E_TMP/cow.key")
assert_eq "$mail_signature" "$("$SLUICE_CLI" sign-typed-data --private-key-file "$E2E_TMP/cow.key" "$E2E_TMP/mail.json" \
    2>"$E2E_TMP/file.err")" "sign-typed-data --private-key-file: the EIP-712 Mail signature"
no_warning "$E2E_TMP/file.err" "--private-key-file"
assert_eq "$mail_signature" "$(printf '%s' "${cow_key#0x}" | "$SLUICE_CLI" sign-typed-data --private-key-file - "$E2E_TMP/mail.json")" \
    "sign-typed-data --private-key-file - (stdin, no 0x, no newline): the EIP-712 Mail signature"
assert_eq "$mail_signature" "$("$SLUICE_CLI" sign-typed-data --private-key "$cow_key" "$E2E_TMP/mail.json" 2>"$E2E_TMP/inline.err")" \
    "sign-typed-data --private-key (inline): the EIP-712 Mail signature"
grep -qF "warning: --private-key on the command line is visible to other local users (ps); use --private-key-file" \
    "$E2E_TMP/inline.err" || fail "inline --private-key: no warning on stderr: $(cat "$E2E_TMP/inline.err")"
echo "ok - inline --private-key warns on stderr"
