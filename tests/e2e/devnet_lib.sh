#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Shared by the tests that run `sluiced --devnet` or `--verifier` as processes (tests/e2e/node_*.sh,
# tests/node_l1/*.sh): free ports, polling, JSON-RPC calls, stopping the anvil that a killed
# node leaves behind, and the end of a test (end_test). Sourced; the caller sets its own
# `set -euo pipefail` and EXIT trap.

# A port below Linux's ephemeral range (32768-60999), which the kernel hands out to outgoing
# connections: a port from there (what binding port 0 gives) can be taken by any client of the
# tests running in parallel before the node listens on it (seen: "cannot listen on ...: The bound
# address is already in use"). Checked free by binding it.
# A port is only taken by its server some time after it is drawn, so binding alone cannot tell
# two draws apart (seen: one script's L1 and L2 ports came out the same, 1 in 12,768 per pair).
# Every port handed out is therefore written, with its time, to one file shared by all test
# scripts on this machine (under a lock) and not handed out again for ten minutes.
free_port() {
  python3 -c '
import fcntl, os, random, socket, tempfile, time
recent_file = os.path.join(tempfile.gettempdir(), "sluice-test-ports-" + str(os.getuid()))
keep_seconds = 600
with open(recent_file, "a+") as f:
    fcntl.flock(f, fcntl.LOCK_EX)
    f.seek(0)
    now = time.time()
    recent = {}
    for line in f:
        try:
            port, drawn = line.split()
            if now - float(drawn) < keep_seconds:
                recent[int(port)] = float(drawn)
        except ValueError:
            pass  # a line cut short by a script killed while writing
    while True:
        port = random.randint(20000, 32767)
        if port in recent:
            continue
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        finally:
            s.close()
        break
    recent[port] = now
    f.seek(0)
    f.truncate()
    f.writelines(f"{p} {t}\n" for p, t in recent.items())
print(port)'
}

# end_test WORK L1_PORT PID...: the end of a test that started processes and, through a node, an
# anvil on L1_PORT: stops them all and removes WORK unless KEEP_WORK is set (to read a failed
# run's logs). Called from the test's EXIT trap, in single quotes so the PIDs are read at exit:
#   trap 'end_test "$work" "$L1P" "${pids[@]}"' EXIT
end_test() {
  local work=$1 l1_port=$2 p
  shift 2
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  stop_anvil_on_port "$l1_port"
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}

# wait_for SECONDS COMMAND...: polls COMMAND every 0.25 s until it succeeds.
wait_for() {
  local n=$1 i; shift
  for ((i = 0; i < n * 4; i++)); do if "$@" >/dev/null 2>&1; then return 0; fi; sleep 0.25; done
  echo "timed out: $*" >&2
  return 1
}

# rpc PORT METHOD PARAMS_JSON: one JSON-RPC call on 127.0.0.1:PORT, prints the reply.
rpc() { curl -s -X POST -H 'content-type: application/json' --data "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":$3}" "http://127.0.0.1:$1"; }

# The pid listening on PORT (empty if none).
pid_on_port() { ss -ltnp 2>/dev/null | grep ":$1 " | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true; }

# stop_anvil_on_port PORT: an anvil that sluiced started is not our child, so `wait` does not
# cover it; it writes its state into the data directory as it exits, so wait until it has gone
# before that directory is removed.
stop_anvil_on_port() {
  local a i; a=$(pid_on_port "$1")
  [ -n "$a" ] || return 0
  kill "$a" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do kill -0 "$a" 2>/dev/null || return 0; sleep 0.1; done
}

# node_db_args NAME: sluiced's --db for this test. In the *_pg variants (SLUICE_TEST_PG_DIR: the
# cluster of ctest's pg fixture) a new database NAME on PostgreSQL; otherwise nothing (SQLite in
# the data dir).
node_db_args() {
  [ -n "${SLUICE_TEST_PG_DIR:-}" ] || return 0
  echo "--db $(bash "$(dirname "${BASH_SOURCE[0]}")/../support/pg_cluster.sh" createdb "$SLUICE_TEST_PG_DIR" "$1_$$")"
}

# exactly_once PORT N ACKED_FILE: the L2 chain on 127.0.0.1:PORT holds N transactions in its
# blocks, none of them twice, and every hash listed in ACKED_FILE among them (after a crash).
exactly_once() {
  local port=$1 n=$2 acked=$3 head b chain missing
  chain=$(mktemp)
  head=$(( $(rpc "$port" eth_blockNumber '[]' | jq -r .result) ))
  for ((b = 0; b <= head; b++)); do
    rpc "$port" eth_getBlockByNumber "[\"$(printf '0x%x' "$b")\",false]" | jq -r '.result.transactions[]' >>"$chain"
  done
  if [ "$(wc -l <"$chain")" != "$n" ]; then echo "the chain holds $(wc -l <"$chain") transfers, want $n"; rm -f "$chain"; return 1; fi
  if [ -n "$(sort "$chain" | uniq -d)" ]; then echo "duplicated transactions"; rm -f "$chain"; return 1; fi
  missing=$(comm -23 <(sort "$acked") <(sort "$chain"))
  rm -f "$chain"
  [ -z "$missing" ] || { echo "acknowledged but not in the chain: $missing"; return 1; }
}
