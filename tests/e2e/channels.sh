#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Payment channels end to end with sluice-cli on a real local stack (`sluiced --devnet`: anvil,
# the Channels contract, the hub), dispute period 8 s (docs/CHANNELS.md):
#  - open with the hub funding its side, pay, an invoice paid through the hub (mediated,
#    hash-locked), balances on both sides exact;
#  - the payee offline: the payer's lock expires and its money comes back;
#  - kill -9 of the wallet between storing and sending its signature, and between receiving the
#    hub's and storing it: after a restart both sides agree and nothing is lost or signed twice;
#  - malformed and replayed messages to the hub are refused with clear errors;
#  - a cooperative close pays exactly the latest split (L1 balance minus the close's gas);
#  - a wallet that closes with a stale state (sent with cast from its own store, as an attacker
#    would): the hub disputes in time and the settle pays the latest state;
#  - encrypted backup and restore (the device lost after two more payments);
#  - the hub closes with a stale state while the wallet is stopped (--fault stale-close): the
#    devnet's watchtower disputes, the settle pays the latest state;
#  - the hub keeps a payee's secret and withholds the payment (--fault withhold-unlock): the
#    payee registers the secret on L1 in time, refuses the hub's Expire, closes alone and
#    unlocks the payment on chain after the settle.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/devnet_stack.sh"
command -v python3 >/dev/null || fail "python3 is needed (reads the wallet's store as an attacker would)"
# rpc PORT METHOD PARAMS_JSON: one raw JSON-RPC call (what a misbehaving wallet could send).
rpc() { curl -s -X POST -H 'content-type: application/json' --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":$3}" "http://127.0.0.1:$1"; }

start_devnet channels --dispute-period 8
CHANNELS=$(jq -r .channels "$DATA/devnet.json")
HUB=$(jq -r .hub "$DATA/devnet.json")
A_KEY=$(dev_account 0 privateKey); A=$(dev_account 0 address)
B_KEY=$(dev_account 1 privateKey); B=$(dev_account 1 address)
umask 077
echo "$A_KEY" >"$E2E_TMP/a.key"; echo "$B_KEY" >"$E2E_TMP/b.key"
AS=(--private-key-file "$E2E_TMP/a.key" --state-dir "$E2E_TMP/a" --data-dir "$DATA" --network local --yes)
BS=(--private-key-file "$E2E_TMP/b.key" --state-dir "$E2E_TMP/b" --data-dir "$DATA" --network local --yes)
ETH=1000000000000000000

# list_field WALLET_ARGS_NAME FIELD: a field of the wallet's first channel in `channel list --json`.
field() { local -n args=$1; cli channel list "${args[@]}" --json 2>/dev/null | jq -r ".[0].$2"; }

# ---- open: 2 ETH from A, 1 ETH from the hub ----
A_ID=$(cli channel open --amount 2 --hub-amount 1 "${AS[@]}" 2>/dev/null)
[[ "$A_ID" =~ ^0x[0-9a-f]{64}$ ]] || fail "open printed '$A_ID'"
assert_eq open "$(field AS state)" "A's channel is open"
assert_eq "$(lower "$HUB")" "$(lower "$(field AS counterparty)")" "the counterparty is the hub"
assert_eq 2000000000000000000 "$(field AS myBalanceWei)" "A's side"
assert_eq 1000000000000000000 "$(field AS theirBalanceWei)" "the hub's side, counted in a state both signed"
assert_eq 3000000000000000000 "$("$CAST" balance "$CHANNELS" --rpc-url "$L1")" "the contract holds both deposits"

# ---- direct payments ----
for _ in 1 2 3 4 5; do cli channel pay "$A_ID" --amount 0.05 "${AS[@]}" >/dev/null 2>&1; done
assert_eq 1750000000000000000 "$(field AS myBalanceWei)" "A paid the hub 5 x 0.05 ETH"
assert_eq 6 "$(field AS nonce)" "one state per update (the hub's deposit + 5 payments)"
assert_fails_with "insufficient funds in the channel: it holds 1.75 ETH for you" "overspending the channel" \
    cli channel pay "$A_ID" --amount 5 "${AS[@]}"

# ---- live balances: eth_subscribe("sluice_channels", channel id) on the hub's WebSocket ----
python3 "$(dirname "$0")/tools/ws_subscribe.py" "${L2##*:}" sluice_channels "$A_ID" 1 >"$E2E_TMP/live.out" 2>&1 &
LIVE_PID=$!
subscribed() { grep -q subscribed "$E2E_TMP/live.out"; }
eventually "subscribed to A's channel" subscribed
cli channel pay "$A_ID" --amount 0.05 "${AS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying: $(cat "$E2E_TMP/err")"
wait "$LIVE_PID" || fail "no notification: $(cat "$E2E_TMP/live.out")"
assert_eq 1700000000000000000 "$(printf '%d' "$(tail -1 "$E2E_TMP/live.out" | jq -r .balanceA)")" "the payment arrives as a notification"
assert_eq 7 "$(printf '%d' "$(tail -1 "$E2E_TMP/live.out" | jq -r .nonce)")" "... with the new nonce"

# ---- a mediated payment: B invoices, A pays through the hub ----
B_ID=$(cli channel open --amount 0.5 --hub-amount 0.5 "${BS[@]}" 2>/dev/null)
# The hub matches at most what the wallet itself locked (so nobody ties up its liquidity for free).
C_KEY=$(dev_account 2 privateKey); echo "$C_KEY" >"$E2E_TMP/c.key"
assert_fails_with "at most as much as the wallet deposited" "asking the hub for more than one's own deposit" \
    cli channel open --amount 0.1 --hub-amount 1 --private-key-file "$E2E_TMP/c.key" --state-dir "$E2E_TMP/c" \
    --data-dir "$DATA" --network local --yes
"$SLUICE_CLI" channel invoice --amount 0.1 "${BS[@]}" --timeout 60 >"$E2E_TMP/invoice.out" 2>"$E2E_TMP/invoice.err" &
INVOICE_PID=$!
has_invoice() { [[ -s "$E2E_TMP/invoice.out" ]]; }
eventually "B printed an invoice" has_invoice
INVOICE=$(head -1 "$E2E_TMP/invoice.out")
[[ "$INVOICE" == sluice1* ]] || fail "invoice is '$INVOICE'"
cli channel pay --invoice "$INVOICE" "${AS[@]}" 2>/dev/null | grep -q "paid 0.1 ETH" || fail "paying the invoice"
wait "$INVOICE_PID" || { cat "$E2E_TMP/invoice.err" >&2; fail "B did not see the invoice paid"; }
grep -q "received 0.1 ETH" "$E2E_TMP/invoice.out" || fail "B's receipt line"
assert_eq 1600000000000000000 "$(field AS myBalanceWei)" "A paid 0.1 through the hub"
assert_eq 600000000000000000 "$(field BS myBalanceWei)" "B received 0.1 from the hub"
assert_eq 0 "$(field AS lockedWei)" "A's lock resolved"
assert_eq 0 "$(field BS lockedWei)" "B's lock resolved"
assert_fails_with "another hub or network" "an invoice for another network" \
    cli channel pay --invoice "$(python3 - "$INVOICE" <<'PY'
import base64, json, sys
t = sys.argv[1][7:]; o = json.loads(base64.urlsafe_b64decode(t + "=" * (-len(t) % 4)))
o["l1ChainId"] = "0x1"
print("sluice1" + base64.urlsafe_b64encode(json.dumps(o).encode()).decode().rstrip("="))
PY
)" "${AS[@]}"
assert_fails_with "damaged" "a damaged invoice" cli channel pay --invoice sluice1@@@@ "${AS[@]}"

# ---- the payee offline: the lock expires (T_in = now + 4 R = 40 s) and A's money comes back ----
"$SLUICE_CLI" channel invoice --amount 0.2 "${BS[@]}" --timeout 60 >"$E2E_TMP/invoice2.out" 2>/dev/null &
INVOICE_PID=$!
has_invoice2() { [[ -s "$E2E_TMP/invoice2.out" ]]; }
eventually "B printed a second invoice" has_invoice2
kill -9 "$INVOICE_PID"; wait "$INVOICE_PID" 2>/dev/null || true   # B goes offline
assert_fails_with "not taken the payment" "paying an offline payee" \
    cli channel pay --invoice "$(head -1 "$E2E_TMP/invoice2.out")" "${AS[@]}" --timeout 3
assert_eq 200000000000000000 "$(field AS lockedWei)" "A's 0.2 is locked while the payment is pending"
assert_eq 1400000000000000000 "$(field AS myBalanceWei)" "... and not spendable"
returned() { [[ "$(field AS lockedWei)" == 0 && "$(field AS myBalanceWei)" == 1600000000000000000 ]]; }
eventually "the expired lock came back to A" returned

# ---- kill -9 of the wallet at both points of an update ----
NONCE=$(field AS nonce)
"$SLUICE_CLI" channel pay "$A_ID" --amount 0.01 "${AS[@]}" --fault proposal-stored >/dev/null 2>&1 && fail "the crash point was not reached"
assert_eq 1600000000000000000 "$(field AS myBalanceWei)" "after a crash before sending, the next sync settles it: not paid"
assert_eq "$NONCE" "$(field AS nonce)" "... the unsent state was dropped"
cli channel pay "$A_ID" --amount 0.01 "${AS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying after the crash: $(cat "$E2E_TMP/err")"
assert_eq 1590000000000000000 "$(field AS myBalanceWei)" "the payment after the crash"
assert_eq $((NONCE + 2)) "$(field AS nonce)" "the next payment skips the nonce signed before the crash"
"$SLUICE_CLI" channel pay "$A_ID" --amount 0.02 "${AS[@]}" --fault signature-received >/dev/null 2>&1 && fail "the crash point was not reached"
assert_eq 1570000000000000000 "$(field AS myBalanceWei)" "after a crash with the hub's signature unstored, it is taken from the hub: paid once"
HUB_VIEW=$(rpc "${L2##*:}" sluice_channelLatest "[{\"channelId\":\"$A_ID\"}]")
assert_eq "$(field AS nonce)" "$(printf '%d' "$(jq -r .result.state.nonce <<<"$HUB_VIEW")")" "wallet and hub agree on the latest state"
assert_eq "$(field AS myBalanceWei)" "$(printf '%d' "$(jq -r .result.state.balanceA <<<"$HUB_VIEW")")" "... and on A's balance"

# ---- malformed and replayed messages ----
PORT=${L2##*:}
assert_eq -32602 "$(rpc "$PORT" sluice_channelPropose '["junk"]' | jq -r .error.code)" "a proposal that is not an object"
BAD=$(rpc "$PORT" sluice_channelPropose "[{\"channelId\":\"$A_ID\",\"proposal\":{\"update\":{\"kind\":\"pay\",\"from\":\"A\",\"amount\":\"12\"}}}]")
jq -r .error.message <<<"$BAD" | grep -q "amount" || fail "a malformed amount is named: $BAD"
# One store per chain: channels-<the Rollup's deployment>.sqlite (channelStorePath).
A_STORE=$(ls "$E2E_TMP"/a/channels-*.sqlite 2>/dev/null || true)
[[ -f "$A_STORE" ]] || fail "A's channel store is named by the chain: $(ls "$E2E_TMP/a")"
LAST=$(sqlite3_json() { python3 - "$@" <<'PY'
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1]); ch = bytes.fromhex(sys.argv[2][2:])
row = db.execute("select state, update_json, signature from signed_states where channel=? order by length(nonce) desc, nonce desc limit 1", (ch,)).fetchone()
print(json.dumps({"channelId": sys.argv[2], "proposal": {"state": json.loads(row[0]), "update": json.loads(row[1]), "signature": "0x" + row[2].hex()}}))
PY
}; sqlite3_json "$A_STORE" "$A_ID")
REPLAY=$(rpc "$PORT" sluice_channelPropose "[$LAST]")
assert_eq -32010 "$(jq -r .error.code <<<"$REPLAY")" "a replayed proposal is refused"
jq -r .error.data.reason <<<"$REPLAY" | grep -q "nonce" || fail "the refusal names the nonce rule: $REPLAY"

# ---- backup and restore (§13.7): a backup, two more payments, the device lost, the backup restored ----
echo "backup password" >"$E2E_TMP/backup.pw"
cli channel backup --out "$E2E_TMP/b.backup" --backup-password-file "$E2E_TMP/backup.pw" "${BS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "backup: $(cat "$E2E_TMP/err")"
grep -q '"ciphertext"' "$E2E_TMP/b.backup" || fail "the backup is encrypted"
if grep -q "$B_ID" "$E2E_TMP/b.backup"; then fail "the backup shows the channel id in clear"; fi
cli channel pay "$B_ID" --amount 0.05 "${BS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying after the backup: $(cat "$E2E_TMP/err")"
cli channel pay "$B_ID" --amount 0.05 "${BS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying again after the backup: $(cat "$E2E_TMP/err")"
B_NONCE=$(field BS nonce)
rm -rf "$E2E_TMP/b"   # the device is lost
echo "wrong" >"$E2E_TMP/wrong.pw"
assert_fails_with "wrong password" "restoring with a wrong password" \
    cli channel restore "$E2E_TMP/b.backup" --backup-password-file "$E2E_TMP/wrong.pw" "${BS[@]}"
assert_fails_with "not of" "restoring another account's backup" \
    cli channel restore "$E2E_TMP/b.backup" --backup-password-file "$E2E_TMP/backup.pw" \
    --private-key-file "$E2E_TMP/a.key" --state-dir "$E2E_TMP/elsewhere" --data-dir "$DATA" --network local --yes
cli channel restore "$E2E_TMP/b.backup" --backup-password-file "$E2E_TMP/backup.pw" "${BS[@]}" 2>/dev/null | grep -q "restored $B_ID" \
    || fail "restoring the backup"
assert_eq "$B_NONCE" "$(field BS nonce)" "the restored channel took the hub's newest state, not the backup's"
assert_eq 500000000000000000 "$(field BS myBalanceWei)" "B's balance after the two payments made after the backup"
cli channel pay "$B_ID" --amount 0.1 "${BS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying after the restore: $(cat "$E2E_TMP/err")"
(( $(field BS nonce) > 1099511627776 )) || fail "the first state after a restore jumps 2^40 past every nonce seen"
assert_eq 400000000000000000 "$(field BS myBalanceWei)" "the payment after the restore"

# ---- cooperative close: B's L1 balance rises by exactly its side minus the close's gas ----
B_BEFORE=$(l1_wei "$B")
CLOSE_TX=$(cli channel close "$B_ID" "${BS[@]}" 2>/dev/null)
[[ "$CLOSE_TX" =~ ^0x[0-9a-f]{64}$ ]] || fail "close printed '$CLOSE_TX'"
assert_eq "$(sub "$(add "$B_BEFORE" 400000000000000000)" "$(gas_paid "$CLOSE_TX")")" "$(l1_wei "$B")" \
    "B got exactly 0.4 ETH minus the close's gas"
assert_eq settled "$(field BS state)" "B's channel is closed"

# ---- a wallet closes with a stale state: the hub disputes, settle pays the latest ----
STALE=$(python3 - "$A_STORE" "$A_ID" <<'PY'
import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1]); ch = bytes.fromhex(sys.argv[2][2:])
state, sig, counter = db.execute("select state, signature, counter_signature from signed_states where channel=? and nonce='0x1'", (ch,)).fetchone()
s = json.loads(state)
fields = [s["channelId"]] + [str(int(s[k], 16)) for k in ("nonce", "depositA", "depositB", "balanceA", "balanceB")] + [s["locksRoot"], str(int(s["lockedAmount"], 16))]
print("(" + ",".join(fields) + ") 0x" + sig.hex() + " 0x" + counter.hex())
PY
)
read -r TUPLE SIG_A SIG_B <<<"$STALE"
A_LATEST=$(field AS myBalanceWei)
"$CAST" send "$CHANNELS" 'close((bytes32,uint64,uint256,uint256,uint256,uint256,bytes32,uint256),bytes,bytes)' \
    "$TUPLE" "$SIG_A" "$SIG_B" --private-key "$A_KEY" --rpc-url "$L1" >/dev/null
A_BEFORE=$(l1_wei "$A")
disputed() { grep -q "disputing" "$LOG"; }
eventually "the hub disputes the stale close" disputed
paid_out() { [[ "$("$CAST" call "$CHANNELS" 'channel(bytes32)(uint8,address,address,uint256,uint256,uint64,uint256,uint256,uint256,uint256,bytes32)' "$A_ID" --rpc-url "$L1" | head -1)" == 0 ]]; }
eventually "the channel is settled after the dispute period (the hub settles)" paid_out
assert_eq "$(add "$A_BEFORE" "$A_LATEST")" "$(l1_wei "$A")" "A got exactly the latest state's balance, not the stale one's"
echo "ok - channels with an honest hub"

# ---- the hub closes with a stale state while the wallet is stopped: the watchtower disputes ----
stop_devnet
start_devnet stale --dispute-period 8 --fault stale-close
CHANNELS=$(jq -r .channels "$DATA/devnet.json")
TOWER=$(jq -r .watchtowerRpcUrl "$DATA/devnet.json")
[[ "$TOWER" == http://127.0.0.1:* ]] || fail "the devnet names its watchtower: '$TOWER'"
AS=(--private-key-file "$E2E_TMP/a.key" --state-dir "$E2E_TMP/a2" --data-dir "$DATA" --network local --yes)
A_ID=$(cli channel open --amount 1 --hub-amount 1 "${AS[@]}" 2>/dev/null)
cli channel pay "$A_ID" --amount 0.3 "${AS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying: $(cat "$E2E_TMP/err")"
cli channel pay "$A_ID" --amount 0.2 "${AS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "paying again: $(cat "$E2E_TMP/err")"
A_LATEST=$(field AS myBalanceWei)
assert_eq 500000000000000000 "$A_LATEST" "A's latest balance"
HELD=$(rpc "${TOWER##*:}" sluice_watchtowerStatus "[{\"channelId\":\"$A_ID\"}]")
assert_eq 3 "$(printf '%d' "$(jq -r .result.nonce <<<"$HELD")")" "the watchtower holds the latest state (nonce 3)"
A_BEFORE=$(l1_wei "$A")
# The wallet is stopped now (no sluice-cli runs): the hub closes with nonce 1, where A still had 1 ETH.
stale_closed() { grep -q "FAULT stale-close" "$LOG"; }
eventually "the hub closes with a stale state" stale_closed
tower_disputed() { [[ "$(rpc "${TOWER##*:}" sluice_watchtowerStatus "[{\"channelId\":\"$A_ID\"}]" | jq -r '.result.disputeTx // empty')" == 0x* ]]; }
eventually "the watchtower disputes in time" tower_disputed
eventually "the channel is settled after the dispute period" paid_out
assert_eq "$(add "$A_BEFORE" "$A_LATEST")" "$(l1_wei "$A")" "A got exactly the latest state's 0.5 ETH, not the stale 1 ETH"
echo "ok - channels with a watchtower"

# ---- the hub takes the payee's secret and withholds the payment: the payee registers the secret
#      on L1 by expiry - R, refuses the hub's Expire, closes, and unlocks the payment on chain ----
stop_devnet
start_devnet withhold --dispute-period 8 --fault withhold-unlock
CHANNELS=$(jq -r .channels "$DATA/devnet.json")
AS=(--private-key-file "$E2E_TMP/a.key" --state-dir "$E2E_TMP/a3" --data-dir "$DATA" --network local --yes)
BS=(--private-key-file "$E2E_TMP/b.key" --state-dir "$E2E_TMP/b3" --data-dir "$DATA" --network local --yes)
A_ID=$(cli channel open --amount 1 "${AS[@]}" 2>/dev/null)
B_ID=$(cli channel open --amount 0.5 --hub-amount 0.5 "${BS[@]}" 2>/dev/null)
"$SLUICE_CLI" channel invoice --amount 0.2 "${BS[@]}" --timeout 35 >"$E2E_TMP/invoice3.out" 2>"$E2E_TMP/invoice3.err" &
INVOICE_PID=$!
has_invoice3() { [[ -s "$E2E_TMP/invoice3.out" ]]; }
eventually "B printed an invoice" has_invoice3
cli channel pay --invoice "$(head -1 "$E2E_TMP/invoice3.out")" "${AS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "A pays: $(cat "$E2E_TMP/err")"
assert_eq 800000000000000000 "$(field AS myBalanceWei)" "A paid (the hub has the secret and unlocked A's side)"
if wait "$INVOICE_PID"; then fail "B saw the withheld payment as paid"; fi
grep -q "registering its secret on L1" "$E2E_TMP/invoice3.err" || fail "B registered the secret: $(cat "$E2E_TMP/invoice3.err")"
assert_eq 200000000000000000 "$(field BS lockedWei)" "the hub's lock to B is still there (B refused its Expire)"
cli channel close "$B_ID" --force "${BS[@]}" >/dev/null 2>"$E2E_TMP/err" || fail "B closes alone: $(cat "$E2E_TMP/err")"
B_BEFORE=$(l1_wei "$B")
unlocked() { [[ "$(field BS state)" == settled ]] && [[ "$("$CAST" call "$CHANNELS" 'channel(bytes32)(uint8,address,address,uint256,uint256,uint64,uint256,uint256,uint256,uint256,bytes32)' "$B_ID" --rpc-url "$L1" | head -1)" == 0 ]]; }
eventually "after the settle B's wallet unlocks the payment on chain (every lock resolved)" unlocked
UNLOCK=$("$CAST" logs --from-block 0 --address "$CHANNELS" 'Unlocked(bytes32 indexed,uint256 indexed,address indexed,uint256,bytes32)' "$B_ID" --rpc-url "$L1" --json)
assert_eq 1 "$(jq length <<<"$UNLOCK")" "one lock unlocked"
assert_eq "0x$(printf '%024d' 0)$(lower "${B#0x}")" "$(jq -r '.[0].topics[3]' <<<"$UNLOCK")" "... to B"
assert_eq 200000000000000000 "$(printf '%d' "0x$(jq -r '.[0].data' <<<"$UNLOCK" | cut -c3-66)")" "... of exactly 0.2 ETH"
(( $(l1_wei "$B") > B_BEFORE )) || fail "B's L1 balance rose"
echo "ok - channels against a hub that withholds a payment"
