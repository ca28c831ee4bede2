// SPDX-License-Identifier: MIT
#pragma once
// A test that cannot run for want of a tool, a binary or a resource never passes (issue 16, item 7).
// Under CI (the environment variable CI set to true or 1, as .ci/run sets it) it fails; elsewhere it
// is skipped, and ctest reports it as skipped (cmake/Prerequisites.cmake), not as passed.
//
//   QtTest:      SLUICE_QT_PREREQUISITE(condition, "reason it cannot run");
//   GoogleTest:  SLUICE_GTEST_PREREQUISITE(condition, "reason it cannot run");

#include <cstdlib>
#include <string_view>

namespace sluice::test {

inline bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci && (std::string_view(ci) == "true" || std::string_view(ci) == "1");
}

}  // namespace sluice::test

#define SLUICE_QT_PREREQUISITE(condition, reason)                                                            \
    do {                                                                                                     \
        if (condition) break;                                                                                \
        if (sluice::test::under_ci()) QFAIL(qPrintable(QStringLiteral("cannot run under CI: ") + (reason))); \
        QSKIP(qPrintable(QString(reason)));                                                                  \
    } while (false)

#define SLUICE_GTEST_PREREQUISITE(condition, reason)   \
    if (condition) {                                   \
    } else if (sluice::test::under_ci())               \
        FAIL() << "cannot run under CI: " << (reason); \
    else                                               \
        GTEST_SKIP() << (reason)
