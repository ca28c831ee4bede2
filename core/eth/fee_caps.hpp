// SPDX-License-Identifier: MIT
#pragma once
// The bounds on fees that every transaction Sluice signs must respect, whatever a node quotes
// (issue 10, item 2). A node suggests the base fee and the priority fee (tip); a malicious one
// could quote a tip that takes most of the balance, and a wallet that signs what it is told pays
// it. The sender (services/rpc/TransactionSender) checks every transaction against these rules
// before it is shown for review or signed, in the app, sluice-cli and the node's L1 side.
//
// EIP-1559 (what Sluice signs):
//   1. maxPriorityFeePerGas <= maxFeePerGas;
//   2. maxPriorityFeePerGas <= max(baseFeePerGas, tip_floor): a tip above the base fee is never
//      needed for inclusion on Ethereum, and tip_floor lets a chain whose base fee is near zero
//      still take an ordinary tip;
//   3. maxFeePerGas <= 2 * baseFeePerGas + maxPriorityFeePerGas: the usual headroom (the base fee
//      can rise 12.5 % per full block, so 2x covers six full blocks in a row).
// A node without a base fee (pre-London) quotes one gas price: it must be at most
// legacy_gas_price_ceiling, as there is nothing to bound it relative to.

#include <string>

#include "core/common/result.hpp"
#include "core/common/uint256.hpp"

namespace sluice {

inline const U256 tip_floor = U256(2'000'000'000);                   // 2 gwei
inline const U256 legacy_gas_price_ceiling = U256(500'000'000'000);  // 500 gwei

struct FeeQuote {
    bool eip1559 = true;
    U256 baseFeePerGas;         // EIP-1559 only
    U256 maxPriorityFeePerGas;  // EIP-1559 only
    U256 maxFeePerGas;          // the gas price when !eip1559
};

// The first rule the quote breaks, in words a person can act on; ok when within every bound.
Status check_fee_caps(const FeeQuote& quote);

// The review warns when the most the fee can be is at least this share of the amount moved.
inline constexpr unsigned fee_warning_percent = 10;
// True when max_fee >= fee_warning_percent % of amount (always for a zero amount with a fee).
bool fee_is_large_share(const U256& max_fee, const U256& amount);

}  // namespace sluice
