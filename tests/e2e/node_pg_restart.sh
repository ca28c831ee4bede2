#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The PostgreSQL server restarted under a node taking transactions (a cluster of its own, so no
# other test sees it go). The node either carries on or stops with a clear error; it never
# acknowledges what it did not store: after the restart (of the node too, if it stopped) every
# transaction eth_sendRawTransaction returned a hash for is in the chain exactly once.
# env: SLUICED, CAST.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/devnet_lib.sh"
N=${1:-300}
work=$(mktemp -d)
chmod 755 "$work"  # (as root, the cluster runs as `postgres`, which must reach $work/pg)
PG=$work/pg
L2P=$(free_port)
node_pid= send_pid=
cleanup() {
  for p in $send_pid $node_pid; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash "$(dirname "${BASH_SOURCE[0]}")/../support/pg_cluster.sh" stop "$PG" || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
DB=$(bash "$(dirname "${BASH_SOURCE[0]}")/../support/pg_cluster.sh" start "$PG")
A=0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
AK=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
B=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
run=0
start_node() {
  run=$((run + 1)); log=$work/node$run.log
  "$SLUICED" --data-dir "$work/d" --db "$DB" --l2-port "$L2P" --block-time 50 \
    --genesis-alloc "$A=100000000000000000000" >"$log" 2>&1 &
  node_pid=$!
  wait_for 30 grep -q "JSON-RPC on" "$log" || { cat "$log"; return 1; }
}
start_node
for ((n = 0; n < N; n++)); do
  "$CAST" mktx --private-key "$AK" --chain 31338 --nonce "$n" --gas-limit 21000 --gas-price 2000000000 --legacy "$B" \
    --value $((1000 + n))
done >"$work/raw.txt"
: >"$work/acked.txt"
(while read -r raw; do
  h=$(rpc "$L2P" eth_sendRawTransaction "[\"$raw\"]" 2>/dev/null | jq -r '.result // empty' 2>/dev/null || true)
  [ -n "$h" ] || break
  echo "$h" >>"$work/acked.txt"
done <"$work/raw.txt") &
send_pid=$!
wait_for 60 bash -c "[ \$(wc -l <'$work/acked.txt') -ge $((N / 3)) ]"
bash "$(dirname "${BASH_SOURCE[0]}")/../support/pg_cluster.sh" restart "$PG" >/dev/null
echo "PostgreSQL restarted after $(wc -l <"$work/acked.txt") acknowledged transactions"
wait "$send_pid" 2>/dev/null || true; send_pid=
K=$(wc -l <"$work/acked.txt")

if kill -0 "$node_pid" 2>/dev/null && rpc "$L2P" eth_blockNumber '[]' | jq -e .result >/dev/null; then
  echo "the node carried on"
else
  wait "$node_pid" 2>/dev/null && code=0 || code=$?
  node_pid=
  # It says what happened: its database connection, in words.
  grep -iE "sluiced: .*database.*(terminat|connection|closed|server)" "$log" ||
    { echo "the node stopped (exit $code) without saying why:"; cat "$log"; exit 1; }
  [ "$code" != 0 ] || { echo "the node stopped with exit code 0"; exit 1; }
  echo "the node stopped with exit code $code and said why; restarting it"
  start_node
fi
# Every acknowledged transaction is in the chain, once; send the rest, then count.
while read -r h; do
  wait_for 30 bash -c "curl -s -X POST -H 'content-type: application/json' --data '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getTransactionReceipt\",\"params\":[\"$h\"]}' http://127.0.0.1:$L2P | jq -e '.result.status == \"0x1\"'" ||
    { echo "acknowledged $h lost across the PostgreSQL restart"; exit 1; }
done <"$work/acked.txt"
tail -n +$((K + 1)) "$work/raw.txt" | while read -r raw; do rpc "$L2P" eth_sendRawTransaction "[\"$raw\"]" >/dev/null; done
wait_for 60 bash -c "[ \"\$('$CAST' nonce --rpc-url http://127.0.0.1:$L2P $A)\" = $N ]" ||
  { echo "nonce of A is $("$CAST" nonce --rpc-url "http://127.0.0.1:$L2P" "$A"), want $N"; exit 1; }
# Exactly once: every transaction in every L2 block, no duplicates, each acknowledged one present.
exactly_once "$L2P" "$N" "$work/acked.txt"
[ "$("$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$B")" = $(( (1000 + 1000 + N - 1) * N / 2 )) ]
echo "ok: $K acknowledged before the PostgreSQL restart, all $N transfers exactly once"
