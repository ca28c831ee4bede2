// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/common/bytes.hpp"

namespace sluice {
namespace {

TEST(Hex, RoundTripAndCanonicalLowerCase) {
    const Bytes data{0x00, 0x01, 0xab, 0xff};
    EXPECT_EQ(to_hex(data), "0x0001abff");
    EXPECT_EQ(to_hex_bare(data), "0001abff");
    EXPECT_EQ(to_hex(Bytes{}), "0x");
    EXPECT_EQ(from_hex("0x0001ABff"), data);
    EXPECT_EQ(from_hex("0X0001abff"), data);
    EXPECT_EQ(from_hex("0001abff"), data);
    EXPECT_EQ(from_hex("0x"), Bytes{});
}

TEST(Hex, RejectsOddLengthAndJunk) {
    EXPECT_FALSE(from_hex("0x123").has_value());
    EXPECT_FALSE(from_hex("0xzz").has_value());
    EXPECT_FALSE(from_hex("0x12 3").has_value());
    EXPECT_FALSE(from_hex("x12").has_value());
}

TEST(FixedBytes, StartsZeroedAndParsesExactSizeOnly) {
    Hash h;
    EXPECT_TRUE(h.is_zero());
    EXPECT_EQ(h.hex(), "0x" + std::string(64, '0'));
    EXPECT_TRUE(Address::from_hex("0x" + std::string(40, 'a')).has_value());
    EXPECT_FALSE(Address::from_hex("0x" + std::string(38, 'a')).has_value());
    EXPECT_FALSE(Address::from_hex("0x" + std::string(42, 'a')).has_value());
    EXPECT_LT(*Address::from_hex("0x" + std::string(40, '0')), *Address::from_hex("0x" + std::string(39, '0') + "1"));
}

}  // namespace
}  // namespace sluice
