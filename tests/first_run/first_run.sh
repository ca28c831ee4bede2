#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's main path, end to end, on the real `sluice-wallet` binary: a first run on a brand-new
# profile driven through AT-SPI (first_run.py says what it does and why). This wrapper gives it a
# display (Xvfb), a private D-Bus session (the accessibility bus is started from it), a fresh
# HOME and XDG directories, and afterwards ends every process it started, whatever happened.
#
# Usage: first_run.sh [SLUICE SLUICED ANVIL CAST]   (default: the dev build and contracts/node_modules)
#   FIRST_RUN_DEFAULT_PORTS=1  let the node use 8545/8546 as a user's first run does
#   FIRST_RUN_KEEP=1           keep the work directory (logs, wallet, devnet) for a look afterwards
#                              (it is always kept after a failure, with a screenshot of the screen)
#   FIRST_RUN_TIMEOUT=S        seconds any one wait may take (default 120)
# Exit status: 0 passed, 1 failed, 77 skipped (a prerequisite is missing; under CI that fails).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sluice=${1:-${SLUICE_APP:-$repo/build/dev/app/sluice-wallet}}
sluiced=${2:-${SLUICED:-$repo/build/dev/node/sluiced}}
anvil=${3:-${ANVIL:-$repo/contracts/node_modules/.bin/anvil}}
cast=${4:-${CAST:-$repo/contracts/node_modules/.bin/cast}}
python=/usr/bin/python3  # the system Python: it sees the Debian python3-gi module and the Atspi typelib

# A missing prerequisite skips (77, which ctest reports as skipped), except under CI, where every
# suite must run (cmake/Prerequisites.cmake).
skip() {
  echo "SLUICE-SKIP: $*"
  if [[ "${CI:-}" == true || "${CI:-}" == 1 ]]; then exit 1; fi
  exit 77
}
for tool in "$sluice" "$sluiced" "$anvil" "$cast"; do
  [[ -x "$tool" ]] || skip "$tool is not built or not installed (build the project, run scripts/setup.sh)"
done
[[ -x $python ]] || skip "$python not found (Debian: python3)"
"$python" -c 'import gi; gi.require_version("Atspi", "2.0"); from gi.repository import Atspi' 2>/dev/null ||
  skip "the AT-SPI Python bindings are missing (Debian: python3-gi gir1.2-atspi-2.0; scripts/setup.sh installs them)"
[[ -x /usr/libexec/at-spi-bus-launcher ]] || skip "the accessibility bus is missing (Debian: at-spi2-core)"
for tool in xvfb-run xauth dbus-run-session; do
  command -v "$tool" >/dev/null || skip "$tool not found (Debian: xvfb xauth dbus-daemon; scripts/setup.sh installs them)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sluice-first-run.XXXXXX")
# Every process this test starts carries this variable, and only those: cleanup finds them by it,
# including ones that left their parent (the app's node and anvil, the accessibility bus daemons).
tag="SLUICE_FIRST_RUN_TAG=$work"

# shellcheck disable=SC2317  # the functions below run from the EXIT trap
tagged_pids() {
  local f pid
  for f in /proc/[0-9]*/environ; do
    pid=${f#/proc/}; pid=${pid%/environ}
    if grep -qzxF "$tag" "$f" 2>/dev/null; then echo "$pid"; fi
  done
}
# shellcheck disable=SC2317
cleanup() {
  local rc=$? i pids=()
  mapfile -t pids < <(tagged_pids)
  if ((${#pids[@]})); then
    echo "cleanup: stopping processes left behind: ${pids[*]}"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    # anvil writes its state file as it exits: wait before the directory goes.
    for ((i = 0; i < 100; i++)); do
      mapfile -t pids < <(tagged_pids)
      ((${#pids[@]})) || break
      sleep 0.1
    done
    if ((${#pids[@]})); then kill -KILL "${pids[@]}" 2>/dev/null || true; fi
  fi
  if [[ ${FIRST_RUN_KEEP:-} == 1 || $rc -ne 0 ]]; then
    echo "work directory kept: $work"
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"  # the D-Bus and accessibility bus sockets live here
options=(--work "$work")
[[ ${FIRST_RUN_DEFAULT_PORTS:-} == 1 ]] && options+=(--default-ports)
[[ -n ${FIRST_RUN_TIMEOUT:-} ]] && options+=(--timeout "$FIRST_RUN_TIMEOUT")

start=$(date +%s)
# In the background and waited for: bash runs a trap only between commands, and `wait` is one
# that a signal interrupts, so a TERM or Ctrl-C cleans up at once.
env "$tag" HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
  XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/runtime" \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- "$python" "$here/first_run.py" "$sluice" "$sluiced" "$anvil" "$cast" "${options[@]}" &
rc=0
wait $! || rc=$?
echo "first_run: exit $rc after $(($(date +%s) - start)) s"
exit $rc
