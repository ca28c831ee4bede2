#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the contracts with forge (solc-js through tools/solc, offline). Usable from any directory;
# extra arguments go to `forge build`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exec ./node_modules/.bin/forge build "$@"
