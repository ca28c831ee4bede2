// SPDX-License-Identifier: MIT
#pragma once
// An invariant a fuzz target asserts. Unlike assert() it stays on in the optimised fuzz build
// (RelWithDebInfo defines NDEBUG), and it aborts, which libFuzzer reports as a crash with the input.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (0)
