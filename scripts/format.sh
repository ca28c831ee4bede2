#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Applies .clang-format to every C++ file in the tree (git ls-files), or with --check lists the
# files that differ and fails (the `format_check` test runs that).
#   scripts/format.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
format=${CLANG_FORMAT:-$(command -v clang-format-14 || command -v clang-format || true)}
[[ -n $format ]] || { echo "clang-format not found (Debian: clang-format; scripts/setup.sh installs it)" >&2; exit 1; }
mapfile -t files < <(git ls-files '*.cpp' '*.hpp' '*.h')
if [[ ${1:-} == --check ]]; then
  differ=()
  for f in "${files[@]}"; do
    "$format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1 || differ+=("$f")
  done
  ((${#differ[@]} == 0)) && { echo "format: ${#files[@]} files match .clang-format"; exit 0; }
  printf 'not formatted (run scripts/format.sh): %s\n' "${differ[@]}" >&2
  exit 1
fi
"$format" --style=file -i "${files[@]}"
