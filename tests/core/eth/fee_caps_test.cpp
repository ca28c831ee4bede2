// SPDX-License-Identifier: MIT
// The fee bounds every signed transaction must respect (core/eth/fee_caps.hpp), including the
// quote a malicious node would give to take the balance as a tip.
#include <gtest/gtest.h>

#include "core/eth/fee_caps.hpp"
#include "core/eth/units.hpp"

namespace sluice {
namespace {

U256 gwei(const char* text) { return parse_amount(text, Unit::gwei).value(); }

FeeQuote quote(const char* base, const char* tip, const char* maxFee) {
    return FeeQuote{true, gwei(base), gwei(tip), gwei(maxFee)};
}

TEST(FeeCaps, OrdinaryQuotesPass) {
    EXPECT_TRUE(check_fee_caps(quote("1", "1", "3")));        // anvil's default quote
    EXPECT_TRUE(check_fee_caps(quote("30", "2", "62")));      // mainnet-like
    EXPECT_TRUE(check_fee_caps(quote("0.01", "2", "2.02")));  // near-zero base fee, ordinary tip
    EXPECT_TRUE(check_fee_caps(quote("1", "0", "1")));        // Sluice L2: base fee, no tip
    EXPECT_TRUE(check_fee_caps(quote("50", "50", "150")));    // the largest tip allowed
}

TEST(FeeCaps, TipThatTakesTheBalanceIsRefused) {
    // A malicious node: base fee 1 gwei, tip 1,000,000 gwei (a 21,000-gas transfer would pay 21 ETH).
    const FeeQuote attack = quote("1", "1000000", "1000002");
    auto refused = check_fee_caps(attack);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("priority fee of 1000000 gwei"), std::string::npos) << refused.message();
    // Just above each bound.
    EXPECT_FALSE(check_fee_caps(quote("50", "50.000000001", "150.000000001")));
    EXPECT_FALSE(check_fee_caps(quote("0.01", "2.000000001", "2.020000001")));
}

TEST(FeeCaps, MaxFeeBoundedByTwiceTheBaseFee) {
    EXPECT_TRUE(check_fee_caps(quote("10", "1", "21")));
    auto refused = check_fee_caps(quote("10", "1", "21.000000001"));
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("twice the base fee"), std::string::npos) << refused.message();
    EXPECT_FALSE(check_fee_caps(quote("1", "2", "1")));  // tip above the maximum fee
}

TEST(FeeCaps, HugeValuesDoNotOverflow) {
    const U256 max = std::numeric_limits<U256>::max();
    EXPECT_TRUE(check_fee_caps(FeeQuote{true, max, 0, max}));
    EXPECT_FALSE(check_fee_caps(FeeQuote{true, 0, max, max}));
}

TEST(FeeCaps, LegacyGasPriceHasACeiling) {
    EXPECT_TRUE(check_fee_caps(FeeQuote{false, 0, 0, gwei("500")}));
    EXPECT_FALSE(check_fee_caps(FeeQuote{false, 0, 0, gwei("500.000000001")}));
}

TEST(FeeCaps, LargeShareWarning) {
    const U256 ether = parse_amount("1").value();
    EXPECT_FALSE(fee_is_large_share(parse_amount("0.099999").value(), ether));
    EXPECT_TRUE(fee_is_large_share(parse_amount("0.1").value(), ether));
    EXPECT_TRUE(fee_is_large_share(1, 0));
    EXPECT_FALSE(fee_is_large_share(0, 0));
    EXPECT_TRUE(fee_is_large_share(std::numeric_limits<U256>::max(), ether));
    EXPECT_FALSE(fee_is_large_share(1, std::numeric_limits<U256>::max()));
}

}  // namespace
}  // namespace sluice
