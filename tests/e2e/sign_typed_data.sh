#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# (d) sign-typed-data equals cast wallet sign --data --from-file, for the EIP-712 Mail example
# (and its published signature) and a richer document (arrays, nested structs, bytes, ints).
source "$(dirname "$0")/lib.sh"
: "${VECTORS:?set by ctest}"
here=$(dirname "$0")

jq .typed_data "$VECTORS/eip712/mail.json" >"$E2E_TMP/mail.json"
cow_key=$(jq -r .computed_not_in_source.private_key "$VECTORS/eip712/mail.json")
ours=$("$SLUICE_CLI" sign-typed-data --private-key "$cow_key" "$E2E_TMP/mail.json")
assert_eq "$(jq -r .signature_hex "$VECTORS/eip712/mail.json")" "$ours" "Mail signature equals the EIP's"
assert_eq "$("$CAST" wallet sign --private-key "$cow_key" --data --from-file "$E2E_TMP/mail.json")" "$ours" "Mail signature equals cast's"

for key in "$DEV_KEY" "$cow_key"; do
    ours=$("$SLUICE_CLI" sign-typed-data --private-key "$key" "$here/data/rich_typed_data.json")
    theirs=$("$CAST" wallet sign --private-key "$key" --data --from-file "$here/data/rich_typed_data.json")
    assert_eq "$theirs" "$ours" "rich document signature equals cast's"
done
