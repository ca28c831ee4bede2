#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Renders resources/sluice.svg to the hicolor PNG sizes committed in packaging/icons/ (the package
# installs them with the SVG as the scalable icon). Run after changing the SVG; needs rsvg-convert
# (Debian: librsvg2-bin) and optipng if present.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for size in 16 22 24 32 48 64 128 256 512; do
  out=$repo/packaging/icons/${size}x${size}/io.github.sluice.SluiceWallet.png
  mkdir -p "$(dirname "$out")"
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$repo/resources/sluice.svg" -o "$out"
  if command -v optipng >/dev/null; then optipng -quiet -o7 -strip all "$out"; fi
done
