#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# (c) keystores both ways: cast wallet new -> sluice-cli keystore decrypt, and sluice-cli
# keystore new (pbkdf2 and scrypt) -> cast wallet decrypt-keystore.
source "$(dirname "$0")/lib.sh"
password='pässword with spaces'
printf '%s\n' "$password" >"$E2E_TMP/pw"

mkdir "$E2E_TMP/cast"
"$CAST" wallet new "$E2E_TMP/cast" made-by-cast --unsafe-password "$password" >"$E2E_TMP/cast-new.txt"
cast_address=$(grep -oE '0x[0-9a-fA-F]{40}' "$E2E_TMP/cast-new.txt" | head -n1)
[[ -n "$cast_address" ]] || fail "could not read the address from: $(cat "$E2E_TMP/cast-new.txt")"
key=$("$SLUICE_CLI" keystore decrypt "$E2E_TMP/cast/made-by-cast" --password-file "$E2E_TMP/pw")
assert_eq "$(lower "$cast_address")" "$(lower "$("$CAST" wallet address --private-key "$key")")" "sluice decrypts cast's keystore"

for kdf in pbkdf2 scrypt; do
    secret=$("$CAST" wallet new | grep -oE '0x[0-9a-fA-F]{64}' | head -n1)
    mkdir -p "$E2E_TMP/ours"
    address=$("$SLUICE_CLI" keystore new --private-key "$secret" --password-file "$E2E_TMP/pw" \
        --out "$E2E_TMP/ours/$kdf" --kdf "$kdf")
    assert_eq "$("$CAST" wallet address --private-key "$secret")" "$address" "keystore new prints the key's address ($kdf)"
    assert_eq "$kdf" "$(jq -r .crypto.kdf "$E2E_TMP/ours/$kdf")" "keystore uses $kdf"
    out=$("$CAST" wallet decrypt-keystore -k "$E2E_TMP/ours" "$kdf" --unsafe-password "$password")
    assert_eq "$(lower "$secret")" "$(lower "$(grep -oE '0x[0-9a-fA-F]{64}' <<<"$out")")" "cast decrypts sluice's $kdf keystore"
    assert_eq "$(lower "$secret")" "$("$SLUICE_CLI" keystore decrypt "$E2E_TMP/ours/$kdf" --password-file "$E2E_TMP/pw")" "round trip ($kdf)"
done

# A password file without a trailing newline is the same password.
printf '%s' "$password" >"$E2E_TMP/pw-no-newline"
assert_eq "$key" "$("$SLUICE_CLI" keystore decrypt "$E2E_TMP/cast/made-by-cast" --password-file "$E2E_TMP/pw-no-newline")" "password file without newline"
