// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/eth/units.hpp"

namespace sluice {
namespace {

const std::string max_wei = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

struct Good {
    const char* text;
    Unit default_unit;
    const char* wei;
};

TEST(Units, ParsesExactly) {
    const Good cases[] = {
        {"1.5", Unit::ether, "1500000000000000000"},
        {"0.1 ether", Unit::ether, "100000000000000000"},
        {"0.1 ETH", Unit::wei, "100000000000000000"},
        {"12gwei", Unit::ether, "12000000000"},
        {"7 wei", Unit::ether, "7"},
        {"1.5 GWEI", Unit::ether, "1500000000"},
        {"1.5GWei", Unit::ether, "1500000000"},
        {"0", Unit::ether, "0"},
        {"0.0", Unit::ether, "0"},
        {"000123", Unit::wei, "123"},
        {"1.", Unit::ether, "1000000000000000000"},
        {".5", Unit::ether, "500000000000000000"},
        {"  2  ", Unit::ether, "2000000000000000000"},
        {"0.000000000000000001", Unit::ether, "1"},
        {"1.500000000000000000000", Unit::ether, "1500000000000000000"},  // trailing zeros are exact
        {"42", Unit::wei, "42"},
        {"42", Unit::gwei, "42000000000"},
        {"0.123456789 gwei", Unit::ether, "123456789"},
        {"1ether", Unit::wei, "1000000000000000000"},
        {"115792089237316195423570985008687907853269984665640564039457.584007913129639935", Unit::ether,
         max_wei.c_str()},
        {max_wei.c_str(), Unit::wei, max_wei.c_str()},
    };
    for (const Good& c : cases) {
        auto r = parse_amount(c.text, c.default_unit);
        ASSERT_TRUE(r.ok()) << c.text << ": " << r.message();
        EXPECT_EQ(u256_to_dec(*r), c.wei) << c.text;
    }
}

struct Bad {
    const char* text;
    const char* message_part;
};

TEST(Units, RejectsWithDistinctMessages) {
    const Bad cases[] = {
        {"", "empty"},
        {"   ", "empty"},
        {"-1", "negative"},
        {"+1", "sign"},
        {"1e18", "exponent"},
        {"1E3 wei", "exponent"},
        {"1.0000000000000000001", "too many decimals: ether has 18"},
        {"1.0000000001 gwei", "too many decimals: gwei has 9"},
        {"1.5 wei", "too many decimals: wei"},
        {"1,000", "separator"},
        {"1_000", "separator"},
        {"1.2.3", "more than one decimal point"},
        {".", "no digits"},
        {"abc", "must start with a digit"},
        {"1 finney", "unknown unit"},
        {"1  ether", "more than one space"},
        {"1 ether x", "unknown unit"},
        {"115792089237316195423570985008687907853269984665640564039457584007913129639936", "too large"},
        {"115792089237316195423570985008687907853269984665640564039457.584007913129639936", "too large"},
        {"1000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "too large"},
    };
    for (const Bad& c : cases) {
        auto r = parse_amount(c.text);
        ASSERT_FALSE(r.ok()) << c.text << " parsed as " << u256_to_dec(*r);
        EXPECT_NE(r.message().find(c.message_part), std::string::npos) << c.text << ": " << r.message();
    }
}

TEST(Units, FormatsExactly) {
    const U256 max = *u256_from_dec(max_wei);
    struct Case {
        U256 wei;
        Unit unit;
        const char* text;
    } cases[] = {
        {U256("1500000000000000000"), Unit::ether, "1.5"},
        {U256(0), Unit::ether, "0"},
        {U256(1), Unit::ether, "0.000000000000000001"},
        {U256("1000000000000000000"), Unit::ether, "1"},
        {U256("10000000000000000000"), Unit::ether, "10"},
        {U256("12000000000"), Unit::gwei, "12"},
        {U256("1"), Unit::gwei, "0.000000001"},
        {U256("7"), Unit::wei, "7"},
        {max, Unit::wei, max_wei.c_str()},
        {max, Unit::ether, "115792089237316195423570985008687907853269984665640564039457.584007913129639935"},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(format_amount(c.wei, c.unit), c.text);
        auto back = parse_amount(format_amount(c.wei, c.unit), c.unit);
        ASSERT_TRUE(back.ok());
        EXPECT_EQ(*back, c.wei);
    }
}

TEST(Units, FixedTruncatesNeverRoundsUp) {
    const U256 almost_two("1999999999999999999");
    EXPECT_EQ(format_amount_fixed(almost_two, 4), "1.9999");
    EXPECT_EQ(format_amount_fixed(almost_two, 0), "1");
    EXPECT_EQ(format_amount_fixed(almost_two, 18), "1.999999999999999999");
    EXPECT_EQ(format_amount_fixed(almost_two, 99), "1.999999999999999999");
    EXPECT_EQ(format_amount_fixed(U256("1500000000000000000"), 4), "1.5");
    EXPECT_EQ(format_amount_fixed(U256(1), 6), "0");
    EXPECT_EQ(format_amount_fixed(U256("123456789000000000"), 3), "0.123");
    EXPECT_EQ(format_amount_fixed(U256(0), 4), "0");
    EXPECT_EQ(format_amount_fixed(U256("5000000000000000000"), -3), "5");
}

TEST(Units, UnitNames) {
    EXPECT_EQ(unit_decimals(Unit::gwei), 9);
    EXPECT_EQ(unit_name(Unit::ether), "ether");
    EXPECT_EQ(*parse_unit("Ether"), Unit::ether);
    EXPECT_FALSE(parse_unit("szabo").ok());
}

}  // namespace
}  // namespace sluice
