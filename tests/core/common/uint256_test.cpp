// SPDX-License-Identifier: MIT
#include "core/common/uint256.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace sluice {
namespace {

const std::string kMaxDec = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

TEST(U256, DecimalParsingIsExactAndRejectsOverflowAndJunk) {
    EXPECT_EQ(u256_to_dec(*u256_from_dec("0")), "0");
    EXPECT_EQ(u256_to_dec(*u256_from_dec(kMaxDec)), kMaxDec);
    EXPECT_FALSE(
        u256_from_dec("115792089237316195423570985008687907853269984665640564039457584007913129639936").has_value());
    EXPECT_FALSE(u256_from_dec("").has_value());
    EXPECT_FALSE(u256_from_dec("-1").has_value());
    EXPECT_FALSE(u256_from_dec("1.5").has_value());
    EXPECT_FALSE(u256_from_dec("1e18").has_value());
}

TEST(U256, QuantitiesFollowJsonRpc) {
    EXPECT_EQ(u256_to_quantity(0), "0x0");
    EXPECT_EQ(u256_to_quantity(0x1a), "0x1a");
    EXPECT_EQ(u256_to_quantity(U256(1) << 255), "0x8" + std::string(63, '0'));
    EXPECT_EQ(*u256_from_hex("0x1A"), 26);
    EXPECT_EQ(*u256_from_hex("0x0"), 0);
    EXPECT_EQ(*u256_from_hex("0x000001"), 1);
    EXPECT_FALSE(u256_from_hex("0x").has_value());
    EXPECT_FALSE(u256_from_hex("12").has_value());
    EXPECT_FALSE(u256_from_hex("0x1" + std::string(64, '0')).has_value());
}

TEST(U256, BigEndianBytes) {
    const U256 v = *u256_from_hex("0x0102");
    EXPECT_EQ(u256_to_be_minimal(v), (Bytes{0x01, 0x02}));
    EXPECT_TRUE(u256_to_be_minimal(0).empty());
    EXPECT_EQ(u256_to_be32(v)[31], 0x02);
    EXPECT_EQ(*u256_from_be(u256_to_be32(v)), v);
    EXPECT_FALSE(u256_from_be(Bytes(33, 1)).has_value());
}

// The conversions work a limb at a time; compare them with the byte-at-a-time definition on
// values of every byte length, including leading zero bytes on input.
TEST(U256, BigEndianBytesMatchTheBytewiseDefinitionAtEveryLength) {
    std::mt19937_64 rng(7);
    for (std::size_t len = 0; len <= 32; ++len) {
        for (int trial = 0; trial < 50; ++trial) {
            Bytes be(len);
            for (auto& b : be) b = static_cast<std::uint8_t>(rng());
            if (trial == 0 && len > 0) be[0] = 0;
            U256 expected = 0;
            for (std::uint8_t b : be) expected = expected * 256 + b;
            ASSERT_EQ(*u256_from_be(be), expected) << len;
            Hash padded{};
            std::copy(be.begin(), be.end(), padded.bytes.end() - static_cast<std::ptrdiff_t>(len));
            ASSERT_EQ(u256_to_be32(expected), padded) << len;
        }
    }
    EXPECT_EQ(u256_to_be32(*u256_from_dec(kMaxDec)), *Hash::from_view(Bytes(32, 0xff)));
}

TEST(U256, CheckedArithmeticDetectsOverflow) {
    const U256 max = *u256_from_dec(kMaxDec);
    EXPECT_FALSE(checked_add(max, 1).has_value());
    EXPECT_EQ(*checked_add(max - 1, 1), max);
    EXPECT_FALSE(checked_sub(1, 2).has_value());
    EXPECT_EQ(*checked_sub(2, 2), 0);
    EXPECT_FALSE(checked_mul(U256(1) << 200, U256(1) << 56).has_value());
    EXPECT_EQ(*checked_mul(U256(1) << 200, U256(1) << 55), U256(1) << 255);
}

}  // namespace
}  // namespace sluice
