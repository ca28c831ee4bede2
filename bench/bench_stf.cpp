// SPDX-License-Identifier: MIT
// Placeholder replaced below in this same change.
#include <benchmark/benchmark.h>
