#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The package as a new user gets it (issue 13): builds the release package, installs it with apt,
# starts the installed app under Xvfb on a brand-new HOME, creates a wallet through the screen
# (tests/first_run/first_run.py, the AT-SPI driver of the first-run test), waits for the bundled
# local network (L1 and L2 heads moving, asked with curl), takes a screenshot, quits the app with
# SIGTERM, uninstalls and checks that nothing of the package is left running.
#
# No network at any step: apt-get and the app run in a network namespace of their own (`unshare -n`,
# only loopback up), and nothing but the package may be installed (apt-get -s says what would
# be): a dependency that is not
# installed already fails the test, naming it. The build tree's toolchain is hidden from the app:
# it runs in a mount namespace where this checkout, and the npm toolchain its contracts/node_modules
# points to, are empty directories, with PATH=/usr/bin:/bin and no SLUICE_* variables; the anvil it
# runs must be /usr/lib/sluice-wallet/anvil.
#
# Needs root (apt-get, namespaces). Not part of ctest. Usage:
#   packaging/test-install.sh [--no-build] [--keep] [OUT_DIR]
#     --no-build  use the .deb already in build/release (built by cpack)
#     --keep      keep the work directory (logs, wallet, devnet)
#     OUT_DIR     where the screenshot and the app's log go (default: a new directory under /tmp;
#                 not inside this checkout, which the app runs without)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$repo/build/release
pkg=sluice-wallet
build_it=1 keep=0 out=
for arg in "$@"; do
  case $arg in
    --no-build) build_it=0 ;;
    --keep) keep=1 ;;
    -*) echo "unknown option $arg" >&2; exit 2 ;;
    *) out=$arg ;;
  esac
done
step() { echo "test-install: $*"; }
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root (apt-get install, unshare)"
for tool in apt-get dpkg-deb unshare ip curl jq xvfb-run dbus-run-session import strings; do
  command -v "$tool" >/dev/null || fail "$tool not found (scripts/setup.sh installs what it needs)"
done
/usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null ||
  fail "the AT-SPI Python bindings are missing (python3-gi gir1.2-atspi-2.0)"

work=$(mktemp -d /tmp/sluice-test-install.XXXXXX)
chmod 755 "$work"
out=${out:-$(mktemp -d /tmp/sluice-test-install-out.XXXXXX)}
mkdir -p "$out"
chmod 755 "$out"
cleanup() {
  local rc=$?
  # Whatever happened: the package goes, and so does anything it left running.
  if dpkg -s "$pkg" >/dev/null 2>&1 && [ "${installed_here:-0}" = 1 ]; then
    unshare -n apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true
  fi
  if [ $rc -ne 0 ] || [ $keep = 1 ]; then echo "test-install: work directory kept: $work"; else rm -rf "$work"; fi
  exit $rc
}
trap cleanup EXIT

# 1. The package.
if [ $build_it = 1 ]; then
  step "building the release package (cmake --preset release, cmake --build, cpack)"
  (cd "$repo" && cmake --preset release >"$work/configure.log" 2>&1) || { tail -30 "$work/configure.log"; fail "configure"; }
  (cd "$repo" && nice -n 10 cmake --build --preset release >"$work/build.log" 2>&1) || { tail -30 "$work/build.log"; fail "build"; }
  (cd "$build" && rm -f ./*.deb && cpack --config CPackConfig.cmake >"$work/cpack.log" 2>&1) || { tail -30 "$work/cpack.log"; fail "cpack"; }
fi
deb=$(ls "$build"/${pkg}_*_amd64.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "no $build/${pkg}_*_amd64.deb (run without --no-build)"
step "package $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# No path of the build machine in any shipped file.
dpkg-deb -x "$deb" "$work/unpacked"
leaks=$(grep -rlaF -e "$repo" -e "$(readlink -f "$repo/contracts/node_modules" 2>/dev/null || echo "$repo")" \
  "$work/unpacked" || true)
[ -z "$leaks" ] || fail "build-tree paths in: $leaks"
# Both encodings: QStringLiteral keeps its text as UTF-16 (strings -el), which grep on bytes misses.
all_strings() { strings -a "$1"; strings -a -el "$1"; }
for f in usr/bin/sluice-wallet usr/bin/sluiced usr/bin/sluice-cli usr/lib/$pkg/anvil; do
  [ -x "$work/unpacked/$f" ] || fail "/$f is not in the package"
  ! all_strings "$work/unpacked/$f" | grep -qF "$repo" || fail "/$f names $repo"
done
for f in usr/bin/sluice-wallet usr/bin/sluiced usr/bin/sluice-cli; do
  ! all_strings "$work/unpacked/$f" | grep -q "node_modules\|${repo%/*}/" || fail "/$f names a build-tree path"
done
step "no build-tree path in the package (strings, 8- and 16-bit, of every binary checked)"
# The package merely unpacked works too: its sluiced finds the anvil beside it
# (<exe dir>/../lib/sluice-wallet/anvil, no PATH, no SLUICE_ANVIL); and a kill -9 of that node
# takes its anvil along within seconds.
unshare -n env -i PATH=/usr/bin:/bin HOME="$work" bash -s "$work" >"$work/unpacked-devnet.log" 2>&1 <<'DEVNET' ||
set -euo pipefail
work=$1; ip link set lo up
set +m
"$work/unpacked/usr/bin/sluiced" --devnet --data-dir "$work/unpacked-devnet" >"$work/unpacked-sluiced.log" 2>&1 &
node=$!
for ((i = 0; i < 240; i++)); do grep -q "JSON-RPC on" "$work/unpacked-sluiced.log" && break; sleep 0.25; done
grep -q "JSON-RPC on" "$work/unpacked-sluiced.log" || { cat "$work/unpacked-sluiced.log"; exit 1; }
anvil=$(cat "$work/unpacked-devnet/anvil.pid")
exe=$(readlink "/proc/$anvil/exe")
echo "unpacked sluiced --devnet runs anvil $exe"
[ "$exe" = "$work/unpacked/usr/lib/sluice-wallet/anvil" ]
kill -9 "$node"; wait "$node" 2>/dev/null || true
for ((i = 0; i < 40; i++)); do kill -0 "$anvil" 2>/dev/null || break; sleep 0.25; done
! kill -0 "$anvil" 2>/dev/null || { echo "anvil $anvil outlived its node killed with -9"; exit 1; }
echo "kill -9 of the node: its anvil ended with it within $(((i + 1) * 250)) ms"
DEVNET
  { cat "$work/unpacked-devnet.log"; fail "the unpacked package's sluiced --devnet"; }
sed 's/^/  | /' "$work/unpacked-devnet.log"

# 2. Its dependencies must be installed already: this test never downloads.
# apt's own answer (a simulation, no network): everything it would install besides the package.
sim=$(unshare -n apt-get install -s --no-install-recommends "$deb" 2>&1) || { echo "$sim"; fail "apt-get install -s"; }
missing=$(echo "$sim" | awk '$1 == "Inst" && $2 != "'"$pkg"'" {print $2}' | tr '\n' ' ')
[ -z "$missing" ] || fail "dependencies not installed (this test does not download): $missing"
step "all dependencies already installed ($(dpkg-deb -f "$deb" Depends | tr ',' '\n' | wc -l) in Depends)"

# 3. Install, with no network.
if dpkg -s "$pkg" >/dev/null 2>&1; then
  step "removing the $pkg installed before this test"
  unshare -n apt-get remove -y -qq "$pkg" >/dev/null
fi
installed_here=1
unshare -n env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" \
  >"$work/apt-install.log" 2>&1 || { cat "$work/apt-install.log"; fail "apt-get install"; }
dpkg -s "$pkg" | grep -q "Status: install ok installed" || fail "$pkg is not installed"
step "installed: $(dpkg-query -W -f='${Package} ${Version}' "$pkg")"
for f in /usr/bin/sluice-wallet /usr/bin/sluiced /usr/bin/sluice-cli /usr/lib/$pkg/anvil \
  /usr/share/applications/io.github.sluice.SluiceWallet.desktop /usr/share/metainfo/io.github.sluice.SluiceWallet.metainfo.xml \
  /usr/share/icons/hicolor/256x256/apps/io.github.sluice.SluiceWallet.png /usr/share/man/man1/sluice-wallet.1.gz \
  /usr/share/doc/$pkg/copyright /usr/share/doc/$pkg/changelog.Debian.gz; do
  [ -e "$f" ] || fail "$f missing after the install"
done
env -i PATH=/usr/bin:/bin HOME="$work" sluice-wallet --help >"$work/help.txt" 2>&1 || fail "sluice-wallet --help without a display"
env -i PATH=/usr/bin:/bin HOME="$work" sluice-wallet --version
env -i PATH=/usr/bin:/bin HOME="$work" sluiced --version

# 4. The installed app, as a new user: brand-new HOME, no toolchain, no network.
driver=$work/driver
mkdir -p "$driver" "$work/run/home" "$work/run/runtime"
chmod 700 "$work/run/runtime"
cp "$repo/tests/first_run/first_run.py" "$driver/"
cat >"$driver/while-up.sh" <<'EOF'
#!/bin/bash
# Runs while the app is up (first_run.py --while-up): the bundled stack serves and moves.
set -euo pipefail
rpc() { curl -sf --max-time 5 -H 'content-type: application/json' \
  --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":$3}" "http://127.0.0.1:$1"; }
head_of() { printf '%d' "$(rpc "$1" eth_blockNumber '[]' | jq -r .result)"; }
# Which anvil runs: the package's, never a build tree's.
anvil_pid=$(ss -ltnp | grep ':8545 ' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
anvil_exe=$(readlink "/proc/$anvil_pid/exe")
node_pid=$(ss -ltnp | grep ':8546 ' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
node_exe=$(readlink "/proc/$node_pid/exe")
echo "while-up: L1 on :8545 is pid $anvil_pid ($anvil_exe), L2 on :8546 is pid $node_pid ($node_exe)"
[ "$anvil_exe" = /usr/lib/sluice-wallet/anvil ] || { echo "while-up: anvil is not the packaged one"; exit 1; }
[ "$node_exe" = /usr/bin/sluiced ] || { echo "while-up: the node is not the packaged one"; exit 1; }
l1a=$(head_of 8545); l2a=$(head_of 8546)
# The L2 makes a block when there is something to include: a deposit on L1 (Rollup.deposit(address),
# selector 0xf340fa01) from one of anvil's unlocked dev accounts to the wallet's first address.
manifest=$SLUICE_DATA_DIR/devnet/devnet.json
rollup=$(jq -r .rollup "$manifest"); from=$(jq -r '.devAccounts[-1].address' "$manifest")
to=$(printf '%064s' "${SLUICE_ADDRESS#0x}" | tr ' ' 0)
tx=$(rpc 8545 eth_sendTransaction "[{\"from\":\"$from\",\"to\":\"$rollup\",\"value\":\"0xde0b6b3a7640000\",\"data\":\"0xf340fa01$to\"}]" | jq -r .result)
echo "while-up: deposit of 1 ETH to $SLUICE_ADDRESS sent on L1: $tx"
for ((i = 0; i < 60; i++)); do
  l1b=$(head_of 8545); l2b=$(head_of 8546)
  bal=$(rpc 8546 eth_getBalance "[\"$SLUICE_ADDRESS\",\"latest\"]" | jq -r .result)
  [ "$l1b" -gt "$l1a" ] && [ "$l2b" -gt "$l2a" ] && [ "$bal" = 0xde0b6b3a7640000 ] && break
  sleep 1
done
echo "while-up: L1 head $l1a -> $l1b, L2 head $l2a -> $l2b, L2 balance of the wallet $bal"
[ "$l1b" -gt "$l1a" ] && [ "$l2b" -gt "$l2a" ] || { echo "while-up: the heads did not move"; exit 1; }
[ "$bal" = 0xde0b6b3a7640000 ] || { echo "while-up: the deposit was not credited on L2"; exit 1; }
sleep 3  # the Overview shows the credited deposit
import -window root "$SLUICE_OUT/screenshot.png"
echo "while-up: screenshot $SLUICE_OUT/screenshot.png"
EOF
chmod +x "$driver/while-up.sh"

# What the app must not find: this checkout (its build trees and contracts/node_modules) and the
# npm toolchain that node_modules points to.
hide=("$repo")
toolchain=$(readlink -f "$repo/contracts/node_modules" 2>/dev/null || true)
[ -n "$toolchain" ] && [ "${toolchain#"$repo"/}" = "$toolchain" ] && hide+=("$toolchain")
step "starting the installed app (hidden: ${hide[*]}; PATH=/usr/bin:/bin; no network)"
set +e
unshare -m -n --propagation private bash -s -- "${hide[@]}" >"$out/app-run.log" 2>&1 <<EOF
set -e
ip link set lo up
for d in "\$@"; do mount -t tmpfs -o ro,size=1k none "\$d"; done
[ ! -e "$repo/contracts/node_modules/.bin/anvil" ] && [ ! -e "$repo/build" ] || { echo "the build tree is still visible"; exit 1; }
exec env -i PATH=/usr/bin:/bin HOME="$work/run/home" XDG_RUNTIME_DIR="$work/run/runtime" LANG=C.UTF-8 \
  SLUICE_OUT="$out" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- /usr/bin/python3 "$driver/first_run.py" /usr/bin/sluice-wallet - - - \
    --work "$work/run" --default-data-dir --until-network --while-up "$driver/while-up.sh"
EOF
rc=$?
set -e
sed 's/^/  | /' "$out/app-run.log"
[ $rc = 0 ] || fail "the installed app's first run (exit $rc)"
[ -s "$out/screenshot.png" ] || fail "no screenshot"
# The wallet went where a user's goes.
data=$work/run/home/.local/share/Sluice/Sluice
[ -f "$data/devnet/devnet.json" ] || fail "no devnet in $data"
step "the wallet and its devnet went to the new HOME: ~/.local/share/Sluice/Sluice: $(cd "$data" && ls | tr '\n' ' ')"

# 5. Uninstall; nothing of the package may be left running.
unshare -n apt-get remove -y -qq "$pkg" >"$work/apt-remove.log" 2>&1 || { cat "$work/apt-remove.log"; fail "apt-get remove"; }
installed_here=0
! dpkg -s "$pkg" >/dev/null 2>&1 || fail "$pkg still installed"
[ ! -e /usr/bin/sluice-wallet ] && [ ! -e /usr/lib/$pkg ] || fail "files left after the removal"
step "removed"
sleep 1
left=()
for exe in /proc/[0-9]*/exe; do
  target=$(readlink "$exe" 2>/dev/null) || continue
  case ${target% (deleted)} in
    /usr/bin/sluice-wallet | /usr/bin/sluiced | /usr/bin/sluice-cli | /usr/lib/$pkg/*)
      pid=${exe#/proc/}; left+=("${pid%/exe}:$target") ;;
  esac
done
((${#left[@]} == 0)) || fail "processes of the package still running: ${left[*]}"
step "no process of the package left running"
echo "test-install: PASS ($(basename "$deb"); screenshot and log in $out)"
