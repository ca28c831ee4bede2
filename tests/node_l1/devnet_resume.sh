#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# sluiced --devnet: starts anvil, deploys Rollup and Channels and writes the manifest; a deposit is
# credited on L2 and posted in a batch that becomes final; a restart with the same data dir resumes
# (same rollup, persisted anvil state), and one whose manifest predates Channels deploys it then;
# a kill -9 of the node takes its anvil and watchtower with it within seconds (PR_SET_PDEATHSIG) and
# the next start resumes from anvil's state file; with --keep-l1 the orphaned anvil on the port is
# reused instead and stopped with the node that reused it;
# a resume on other ports serves there and says so in the manifest; a flood of SIGTERMs (a killed
# parent's PR_SET_PDEATHSIG arrives once per dying thread) does not cut the node's shutdown short
# and leave anvil running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/devnet_lib.sh"
work=$(mktemp -d)
L1P=$(free_port); L2P=$(free_port); L1P_NEXT=$(free_port); L2P_NEXT=$(free_port)
node_pid=
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  stop_anvil_on_port "$L1P"; stop_anvil_on_port "$L1P_NEXT" # one a failed step left running
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
run=0
start_node() {  # [extra sluiced arguments]
  run=$((run + 1)); log=$work/node$run.log
  # ANVIL_IP_ADDR would move a plain anvil to every interface; the devnet's must stay on loopback.
  ANVIL_IP_ADDR=0.0.0.0 SLUICE_ANVIL=$ANVIL "$SLUICED" --devnet --data-dir "$work/d" --challenge-period 4 --dispute-period 7 --l1-port "$L1P" --l2-port "$L2P" "$@" >"$log" 2>&1 &
  node_pid=$!
  wait_for 60 grep -q "JSON-RPC on" "$log" || { cat "$log"; return 1; }
}

# The proposer key comes in an environment variable (anvil's public dev key 0 here).
dev_key=ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80
SLUICE_TEST_PROPOSER_KEY=0x$dev_key start_node --proposer-key env:SLUICE_TEST_PROPOSER_KEY
grep -q "devnet: deployed" "$log"
# Issue 10, item 12: the variable is gone before any child starts (anvil's environment lacks it)
# and wiped where the node's own environment block held it.
anvil_pid=$(pid_on_port "$L1P")
[ -n "$anvil_pid" ] && ! tr '\0' '\n' <"/proc/$anvil_pid/environ" | grep -q SLUICE_TEST_PROPOSER_KEY ||
  { echo "the proposer key reached anvil's environment"; exit 1; }
! tr '\0' '\n' <"/proc/$node_pid/environ" | grep -q "$dev_key" || { echo "the node's environment still holds the key"; exit 1; }
# Issue 10, item 5: the devnet's anvil (whose anvil_* methods rewrite the L1 the verifier trusts)
# listens on 127.0.0.1 only and gives web pages no CORS permission to read its answers.
listen=$(ss -ltn | awk -v p=":$L1P" '$4 ~ p"$" {print $4}')
[ "$listen" = "127.0.0.1:$L1P" ] || { echo "the devnet's anvil listens on '$listen'"; exit 1; }
headers=$(curl -s -i -X POST -H 'Origin: http://evil.example' -H 'content-type: application/json' \
  --data '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$L1P")
if grep -qi '^access-control-allow-origin' <<<"$headers"; then echo "anvil answers web pages: $headers"; exit 1; fi
jq -e '.l1.chainId == 31337 and .l2.chainId == 31338 and .challengePeriod == 4 and .disputePeriod == 7' "$work/d/devnet.json"
# anvil's accounts 2..7 go to wallets; 9 is the hub's and 8 the watchtower's, handed to no wallet.
hub=0xa0Ee7A142d267C1f36714E4a8F75612F20a79720; watchtower=0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f
manifest_accounts_ok() {
  jq -e --arg hub "$hub" --arg wt "$watchtower" '(.devAccounts | length) == 6 and .hub == $hub and .watchtower == $wt
    and ([.devAccounts[].address] | index($hub) == null and index($wt) == null)' "$work/d/devnet.json"
}
manifest_accounts_ok
R=$(jq -r .rollup "$work/d/devnet.json")
[ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P" "$R" "challengePeriod()(uint256)")" = 4 ]
# The manifest's Channels contract is there with the manifest's dispute period.
channels_ok() {
  local c; c=$(jq -r .channels "$work/d/devnet.json")
  [ "$("$CAST" code --rpc-url "http://127.0.0.1:$L1P" "$c")" != 0x ] &&
    [ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P" "$c" "disputePeriod()(uint256)")" = "$(jq -r .disputePeriod "$work/d/devnet.json")" ] &&
    jq -e '.channelsDeployBlock > 0' "$work/d/devnet.json" >/dev/null
}
channels_ok
A=$(jq -r '.devAccounts[0].address' "$work/d/devnet.json"); AK=$(jq -r '.devAccounts[0].privateKey' "$work/d/devnet.json")
"$CAST" send -q --rpc-url "http://127.0.0.1:$L1P" --private-key "$AK" "$R" "deposit(address)" "$A" --value 2ether
credited() { [ "$("$CAST" balance --rpc-url "http://127.0.0.1:$L2P" "$A")" = 2000000000000000000 ]; }
wait_for 30 credited
final() { rpc "$L2P" sluice_getBatches '[0,10]' | jq -e '.result[0].status == "final"'; }
wait_for 60 final
rpc "$L2P" sluice_getDeposits "[\"$A\"]" | jq -e '.result[0].status == "credited"'
rpc "$L2P" sluice_status '[]' | jq -e '.result.depositsProcessed == 1 and .result.finalizedBatch == 0'

# Clean stop (SIGINT), then resume: same manifest and contract, anvil state reloaded.
kill -INT "$node_pid"; wait "$node_pid" || true; node_pid=
grep -q "shutting down" "$log"
wait_for 10 bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$L1P) 2>/dev/null"
# The manifest as a devnet made before Channels wrote it: no channels, hub or watchtower, and all
# of accounts 2..9 for wallets. The resume deploys Channels and hands out accounts 2..7 only.
jq --arg hub "$hub" --arg wt "$watchtower" \
  'del(.channels, .channelsDeployBlock, .disputePeriod, .hub, .watchtower) | .devAccounts += [{address: $wt}, {address: $hub}]' \
  "$work/d/devnet.json" >"$work/old.json"
mv "$work/old.json" "$work/d/devnet.json"
start_node
grep -q "devnet: resumed" "$log"
[ "$(jq -r .rollup "$work/d/devnet.json")" = "$R" ]
[ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P" "$R" "batchCount()(uint256)")" = 1 ]
wait_for 30 credited
channels_ok
manifest_accounts_ok
C=$(jq -r .channels "$work/d/devnet.json")

# stop_flooded: SIGTERM every 20 ms until the node exits; it must exit 0 and leave no listener.
stop_flooded() {
  local pid=$node_pid rc=0; node_pid=
  while kill -TERM "$pid" 2>/dev/null; do sleep 0.02; done
  wait "$pid" || rc=$?
  [ "$rc" = 0 ] || { echo "a flood of SIGTERMs ended the node with $rc"; cat "$log"; exit 1; }
  for p in "$@"; do
    [ -z "$(pid_on_port "$p")" ] || { echo "port $p still listens after the node stopped: $(ps -o pid,ppid,args -p "$(pid_on_port "$p")")"; exit 1; }
  done
}
# kill -9 of the node leaves nothing running: anvil and the watchtower end with it (the kernel
# sends them SIGTERM), anvil writing its state file on the way out.
anvil_pid=$(pid_on_port "$L1P")
wt_port=$(jq -r '.watchtowerRpcUrl | split(":")[-1]' "$work/d/devnet.json")
wt_pid=$(pid_on_port "$wt_port")
[ -n "$anvil_pid" ] && [ -n "$wt_pid" ] || { echo "no anvil ($anvil_pid) or watchtower ($wt_pid) before the kill"; exit 1; }
kill -9 "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=
gone() { ! kill -0 "$anvil_pid" 2>/dev/null && ! kill -0 "$wt_pid" 2>/dev/null && [ -z "$(pid_on_port "$L1P")" ]; }
wait_for 10 gone || { echo "after kill -9 of the node still running: $(ps -o pid,args -p "$anvil_pid,$wt_pid" | tail -n +2)"; exit 1; }
echo "kill -9 of the node: its anvil ($anvil_pid) and watchtower ($wt_pid) ended with it"
start_node
grep -q "devnet: resumed" "$log"
[ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P" "$R" "depositCount()(uint256)")" = 1 ]
[ "$(jq -r .channels "$work/d/devnet.json")" = "$C" ]
channels_ok

# With --keep-l1 anvil outlives a killed node, as a real L1 would: the next start reuses it after
# checking chain id and code.
stop_flooded "$L1P" "$L2P"
start_node --keep-l1
anvil_pid=$(pid_on_port "$L1P")
kill -9 "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=
sleep 1
"$CAST" chain-id --rpc-url "http://127.0.0.1:$L1P"
[ "$(pid_on_port "$L1P")" = "$anvil_pid" ] || { echo "--keep-l1: anvil did not outlive the node"; exit 1; }
start_node --keep-l1
grep -q "devnet: resumed" "$log"
[ "$(pid_on_port "$L1P")" = "$anvil_pid" ] || { echo "--keep-l1: the orphaned anvil was not reused"; exit 1; }
[ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P" "$R" "depositCount()(uint256)")" = 1 ]

# The anvil reused above was stopped with this node: nothing keeps writing its state file.
stop_flooded "$L1P" "$L2P"

# A resume on other ports: the node, and the app reading the manifest, find both layers there.
L1P=$L1P_NEXT; L2P=$L2P_NEXT
start_node
wait_for 30 credited
grep -q "devnet: resumed" "$log"
jq -e --arg l1 "http://127.0.0.1:$L1P_NEXT" --arg l2 "ws://127.0.0.1:$L2P_NEXT" \
  '.l1.rpcUrl == $l1 and .l2.wsUrl == $l2' "$work/d/devnet.json"
[ "$("$CAST" call --rpc-url "http://127.0.0.1:$L1P_NEXT" "$R" "depositCount()(uint256)")" = 1 ]
[ "$(jq -r .channels "$work/d/devnet.json")" = "$C" ]
channels_ok
stop_flooded "$L1P" "$L2P"
echo "ok: devnet started, credited and finalised a deposit, resumed three times (once deploying Channels for an old manifest), stopped whole under a SIGTERM flood"
