#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The long fuzz runs of issue 10: each target in turn until 10 million executions or MAX_SECONDS
# (default 1800) of wall time, whichever comes first, on one core, from its committed seeds.
# New inputs go to a scratch directory (never into fuzz/corpus); crash artifacts beside them. The
# per-input timeout is 60 s (TIMEOUT): a run niced beside a build was once starved past 10 s on an
# input that takes 0.2 s alone.
#
#   cmake --preset fuzz && cmake --build --preset fuzz
#   fuzz/long_run.sh [OUT_DIR] [target...]        # default: /tmp/sluice-fuzz, every fuzz_* target
#
# OUT_DIR/<target>.log ends with libFuzzer's final stats (stat::number_of_executed_units, time);
# OUT_DIR/summary.txt has one line per target: name, executions, wall seconds, CPU seconds (user +
# system: less than wall when the run shared its core), exit status.
set -uo pipefail
# ASan returning freed memory to the OS (madvise) stalled one run for over a minute inside the
# allocator on a loaded machine; the runs keep their memory instead.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_release_to_os_interval_ms=-1}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/sluice-fuzz}; shift || true
bin=$root/build/fuzz/fuzz
max_seconds=${MAX_SECONDS:-1800}
runs=${RUNS:-10000000}
mkdir -p "$out"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$bin"/fuzz_*; do
    name=$(basename "$f"); name=${name#fuzz_}
    [ "$name" = make_seeds ] || targets+=("$name")
  done
fi
for name in "${targets[@]}"; do
  work=$out/$name; mkdir -p "$work/corpus"
  extra=()
  case $name in
    eip712|keystore) extra=(-dict="$root/fuzz/json.dict" -max_len=4096) ;;
    jsonrpc) extra=(-dict="$root/fuzz/jsonrpc.dict" -max_len=8192) ;;
    websocket) extra=(-dict="$root/fuzz/jsonrpc.dict" -max_len=4096) ;;
    http) extra=(-dict="$root/fuzz/http.dict" -max_len=4096) ;;
  esac
  start=$(date +%s)
  TIMEFORMAT='%U %S'
  { time "$bin/fuzz_$name" -runs="$runs" -max_total_time="$max_seconds" -timeout=${TIMEOUT:-60} -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$work/" "${extra[@]}" \
      "$work/corpus" "$root/fuzz/corpus/$name" >"$out/$name.log" 2>&1; } 2>"$work/cpu-time"
  status=$?
  cpu=$(awk '{printf "%d", $1 + $2}' "$work/cpu-time")
  seconds=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$name.log" | grep -o '[0-9]*$')
  echo "$name executions=${execs:-?} seconds=$seconds cpu_seconds=${cpu:-?} exit=$status" | tee -a "$out/summary.txt"
done
