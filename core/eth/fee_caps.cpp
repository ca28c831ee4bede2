// SPDX-License-Identifier: MIT
#include "core/eth/fee_caps.hpp"

#include <limits>

#include "core/eth/units.hpp"

namespace sluice {

namespace {
std::string gwei(const U256& wei) { return format_amount(wei, Unit::gwei) + " gwei"; }
}  // namespace

Status check_fee_caps(const FeeQuote& q) {
    if (!q.eip1559) {
        if (q.maxFeePerGas > legacy_gas_price_ceiling)
            return make_error("the node quotes a gas price of " + gwei(q.maxFeePerGas) + ", above the " +
                              gwei(legacy_gas_price_ceiling) + " this wallet signs on a chain without a base fee");
        return {};
    }
    if (q.maxPriorityFeePerGas > q.maxFeePerGas)
        return make_error("the priority fee " + gwei(q.maxPriorityFeePerGas) + " is above the maximum fee " +
                          gwei(q.maxFeePerGas));
    const U256 tipCap = q.baseFeePerGas > tip_floor ? q.baseFeePerGas : tip_floor;
    if (q.maxPriorityFeePerGas > tipCap)
        return make_error("the node quotes a priority fee of " + gwei(q.maxPriorityFeePerGas) + " with a base fee of " +
                          gwei(q.baseFeePerGas) + "; this wallet tips at most the base fee (or " + gwei(tip_floor) +
                          "), as a larger tip buys nothing but can take the balance");
    // 2 * base + tip without overflow: base and tip are bounded above by maxFee's type only.
    const U256 doubled = checked_mul(q.baseFeePerGas, U256(2)).value_or(std::numeric_limits<U256>::max());
    const U256 feeCap = checked_add(doubled, q.maxPriorityFeePerGas).value_or(std::numeric_limits<U256>::max());
    if (q.maxFeePerGas > feeCap)
        return make_error("the maximum fee " + gwei(q.maxFeePerGas) + " is more than twice the base fee " +
                          gwei(q.baseFeePerGas) + " plus the tip");
    return {};
}

bool fee_is_large_share(const U256& max_fee, const U256& amount) {
    if (max_fee == 0) return false;
    // max_fee * 100 >= amount * percent, computed without overflow.
    auto scaledFee = checked_mul(max_fee, U256(100));
    auto scaledAmount = checked_mul(amount, U256(fee_warning_percent));
    if (!scaledFee) return true;
    if (!scaledAmount) return false;
    return *scaledFee >= *scaledAmount;
}

}  // namespace sluice
