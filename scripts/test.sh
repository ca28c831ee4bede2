#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what is missing, builds everything (dev preset, 2 jobs) and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
status=0
ctest --preset dev "$@" || status=$?
if [ "$status" -ne 0 ]; then
    # Each failed test's own failure lines once more at the very end, where a log cut short in
    # the middle still shows them.
    log=build/dev/Testing/Temporary/LastTest.log
    echo "--- why the failed tests failed (from $log) ---" >&2
    grep -E -B2 -A6 '^(FAIL!|FAIL:|QFATAL)|Received signal|^not ok|\[FAIL' "$log" | tail -n 150 >&2 || true
fi
exit "$status"
