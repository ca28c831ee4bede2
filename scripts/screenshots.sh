#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders every page of the app in English and German, light and dark, to
# docs/screenshots/<page>-<lang>-<theme>.png, with real data: a throw-away local stack
# (`sluiced --devnet` on free ports in a temp dir) seeded with sluice-cli (deposits, an L2 payment,
# withdrawals: one past its challenge window, one in it; two payment channels, one open and one
# closing), and the app's --dev-fixture wallet
# (anvil's well-known test mnemonic: the same accounts the devnet funds).
# A second devnet whose proposer cheats (--fault wrong-root@1) gives the "fraud" shot.
#
# Usage: scripts/screenshots.sh [build-dir] [page...]   (default build/dev; all pages)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-$root/build/dev}
[[ $# -gt 0 ]] && shift
only=("$@")
app=$build/app/sluice-wallet
sluiced=$build/node/sluiced
cli=$build/cli/sluice-cli
anvil=$root/contracts/node_modules/.bin/anvil
cast=$root/contracts/node_modules/.bin/cast
out=$root/docs/screenshots
for tool in "$app" "$sluiced" "$cli" "$anvil" "$cast"; do
  [[ -x $tool ]] || { echo "screenshots: $tool missing (build sluice, sluiced, sluice-cli; scripts/setup.sh)" >&2; exit 1; }
done
command -v jq >/dev/null || { echo "screenshots: jq missing" >&2; exit 1; }
mkdir -p "$out"

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_devnet() {  # dir extra-args... ; waits for the manifest and the L2 node
  local dir=$1; shift
  SLUICE_ANVIL=$anvil "$sluiced" --devnet --data-dir "$dir" --l1-port "$(free_port)" --l2-port "$(free_port)" "$@" \
    >"$dir.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 600); do
    if [[ -s $dir/devnet.json ]] && "$cast" chain-id --rpc-url "$(jq -r .l2.rpcUrl "$dir/devnet.json")" >/dev/null 2>&1; then
      # The node still sends its own setup transactions for a moment; a deposit sent at once
      # was seen to get no receipt (see the report), so give it that moment.
      sleep 15
      return 0
    fi
    sleep 0.2
  done
  echo "screenshots: devnet in $dir did not come up" >&2; cat "$dir.log" >&2; exit 1
}

# ---- the honest devnet, seeded ----
devnet=$work/devnet
start_devnet "$devnet" --challenge-period 600 --dispute-period 3600
l1=$(jq -r .l1.rpcUrl "$devnet/devnet.json")
net=(--network local --data-dir "$devnet" --wallet-dir "$work/cli-wallet")
key0=$(jq -r '.devAccounts[0].privateKey' "$devnet/devnet.json")
me=$(jq -r '.devAccounts[0].address' "$devnet/devnet.json")
# The fixture wallet holds anvil's accounts #0..#2; pay its account #1 so it shows a receipt.
acct2=0x70997970C51812dc3A010C7d01b50e0d17dc79C8
status_of() { "$cli" withdrawals "${net[@]}" --address "$me" --json | jq -r --arg h "$1" '.[] | select(.l2TxHash == $h) | .status'; }
wait_status() {  # tx regex
  for _ in $(seq 900); do [[ "$(status_of "$1")" =~ $2 ]] && return 0; sleep 0.2; done
  echo "screenshots: withdrawal $1 never reached '$2'" >&2; exit 1
}
l2_wei() { "$cli" balance --l2 "$1" --wei "${net[@]}" 2>/dev/null || echo 0; }
wait_credit() {  # address
  for _ in $(seq 900); do [[ $(l2_wei "$1") != 0 ]] && return 0; sleep 0.2; done
  echo "screenshots: deposit to $1 never credited" >&2; exit 1
}
"$cli" deposit "${net[@]}" --private-key "$key0" --amount 4 >/dev/null
wait_credit "$me"
"$cli" transfer "${net[@]}" --private-key "$key0" --to "$acct2" --amount 0.3 >/dev/null
w1=$("$cli" withdraw "${net[@]}" --private-key "$key0" --amount 0.5)
wait_status "$w1" '^in challenge window$'
# Past the first withdrawal's window on L1's clock, so it is ready to finalize ...
"$cast" rpc evm_increaseTime 700 --rpc-url "$l1" >/dev/null
"$cast" rpc evm_mine --rpc-url "$l1" >/dev/null
wait_status "$w1" '^ready to finalize$'
# ... while the second one is in its window with a live countdown.
w2=$("$cli" withdraw "${net[@]}" --private-key "$key0" --amount 0.2)
wait_status "$w2" '^in challenge window$'
"$cli" transfer "${net[@]}" --private-key "$key0" --to "$acct2" --amount 0.05 >/dev/null

# ---- payment channels with the devnet's hub, in a store each fixture wallet gets a copy of ----
# Fixture account 3 (anvil's #2) opens 1 ETH with the hub's 0.5 and pays it 0.1; fixture account 2
# (anvil's #1: the devnet's verifier key, idle on an honest chain) opens 0.5 and closes alone, so
# it shows the dispute period running.
chan=$work/channels
umask 077
printf '%s\n' "$key0" >"$work/key0"
printf '%s\n' 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d >"$work/key1"
umask 022
cnet=(--network local --data-dir "$devnet" --state-dir "$chan" --yes)
c0=$("$cli" channel open --amount 1 --hub-amount 0.5 --private-key-file "$work/key0" "${cnet[@]}" 2>/dev/null)
"$cli" channel pay "$c0" --amount 0.1 --private-key-file "$work/key0" "${cnet[@]}" >/dev/null 2>&1
c1=$("$cli" channel open --amount 0.5 --hub-amount 0.5 --private-key-file "$work/key1" "${cnet[@]}" 2>/dev/null)
"$cli" channel close "$c1" --force --private-key-file "$work/key1" "${cnet[@]}" >/dev/null 2>&1

# ---- the cheating devnet: batch 1's state root is wrong ----
fraudnet=$work/fraudnet
start_devnet "$fraudnet" --challenge-period 600 --fault wrong-root@1
fnet=(--network local --data-dir "$fraudnet" --wallet-dir "$work/cli-wallet-f")
fkey=$(jq -r '.devAccounts[0].privateKey' "$fraudnet/devnet.json")
"$cli" deposit "${fnet[@]}" --private-key "$fkey" --amount 2 >/dev/null
for _ in $(seq 900); do
  [[ $("$cli" balance --l2 "$(jq -r '.devAccounts[0].address' "$fraudnet/devnet.json")" --wei "${fnet[@]}" 2>/dev/null || echo 0) != 0 ]] && break
  sleep 0.2
done
"$cli" transfer "${fnet[@]}" --private-key "$fkey" --to "$acct2" --amount 0.1 >/dev/null
for _ in $(seq 900); do
  [[ $("$cli" batches "${fnet[@]}" --json --no-verify 2>/dev/null | jq 'length') -ge 1 ]] && break
  sleep 0.2
done
"$cli" transfer "${fnet[@]}" --private-key "$fkey" --to "$acct2" --amount 0.2 >/dev/null
for _ in $(seq 900); do
  [[ $("$cli" batches "${fnet[@]}" --json 2>/dev/null | jq '[.[] | select(.index >= 1)] | length') -ge 1 ]] && break
  sleep 0.2
done

wanted() { [[ ${#only[@]} -eq 0 ]] && return 0; local p; for p in "${only[@]}"; do [[ $p == "$1" ]] && return 0; done; return 1; }

shoot() {  # name page lang theme data-dir [extra args...]
  local name=$1 page=$2 lang=$3 theme=$4 data=$5; shift 5
  wanted "$name" || return 0
  local file=$out/$name-$lang-$theme.png
  xvfb-run -a -s "-screen 0 1280x800x24" \
    "$app" --screenshot "$file" --page "$page" --lang "$lang" --theme "$theme" --data-dir "$data" "$@" \
    2>>"$work/app.log" || { echo "screenshots: $name-$lang-$theme failed" >&2; tail -30 "$work/app.log" >&2; exit 1; }
  echo "$file"
}

for lang in en de; do
  for theme in light dark; do
    for page in onboarding create confirm restore import password; do
      empty=$work/empty-$page-$lang-$theme
      mkdir -p "$empty"
      shoot "$page" "$page" "$lang" "$theme" "$empty" --l1-rpc "$l1"
    done
    fixture=$work/fixture-$lang-$theme
    mkdir -p "$fixture"
    cp "$chan"/channels-*.sqlite "$fixture"/
    shoot unlock unlock "$lang" "$theme" "$fixture" --dev-fixture --devnet-dir "$devnet"
    for page in overview send receive bridge channels batches activity accounts settings; do
      shoot "$page" "$page" "$lang" "$theme" "$fixture" --dev-fixture --devnet-dir "$devnet"
    done
    ffixture=$work/fraud-$lang-$theme
    mkdir -p "$ffixture"
    shoot fraud batches "$lang" "$theme" "$ffixture" --dev-fixture --devnet-dir "$fraudnet"
    # No network yet (screenshot mode never starts the bundled stack by itself).
    starting=$work/starting-$lang-$theme
    mkdir -p "$starting"
    shoot nonetwork overview "$lang" "$theme" "$starting" --dev-fixture
  done
done
