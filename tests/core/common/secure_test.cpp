// SPDX-License-Identifier: MIT
#include "core/common/secure.hpp"

#include <gtest/gtest.h>

#include <cstring>

namespace sluice {
namespace {

TEST(SecureBytes, WipeClearsAndMoveLeavesSourceEmpty) {
    SecureBytes secret(std::string_view("correct horse"));
    EXPECT_EQ(secret.as_string(), "correct horse");
    SecureBytes moved(std::move(secret));
    EXPECT_TRUE(secret.empty());  // NOLINT(bugprone-use-after-move): checking the moved-from state
    EXPECT_EQ(moved.size(), 13u);
    moved.append(as_bytes(" battery"));
    EXPECT_EQ(moved.as_string(), "correct horse battery");
    moved.wipe();
    EXPECT_TRUE(moved.empty());
}

TEST(SecureBytes, RandomBytesDiffer) {
    std::uint8_t a[32] = {}, b[32] = {};
    ASSERT_TRUE(random_bytes(a, sizeof a).ok());
    ASSERT_TRUE(random_bytes(b, sizeof b).ok());
    EXPECT_NE(std::memcmp(a, b, sizeof a), 0);
}

}  // namespace
}  // namespace sluice
