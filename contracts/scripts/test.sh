#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the Foundry tests of the contracts. Usable from any directory; extra arguments go to
# `forge test` (e.g. --match-contract FraudTest -vv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./node_modules/.bin/forge test "$@"
