// SPDX-License-Identifier: MIT
#pragma once
// Exact decimal amounts in wei. Nothing here goes through floating point: "0.1 ether" is exactly
// 100000000000000000 wei, and anything that cannot be represented exactly is an error, not rounded.

#include <string>
#include <string_view>

#include "core/common/result.hpp"
#include "core/common/uint256.hpp"

namespace sluice {

enum class Unit { wei, gwei, ether };

// 0, 9 and 18.
int unit_decimals(Unit unit);
// "wei", "gwei", "ether".
std::string_view unit_name(Unit unit);
// Case-insensitive "wei", "gwei", "ether" (also "eth").
Result<Unit> parse_unit(std::string_view text);

// Grammar: DIGITS [ "." DIGITS ] [ [" "] UNIT ], surrounding whitespace trimmed. A leading or
// trailing dot ("1." / ".5") is accepted as a shorthand for "1" / "0.5". The unit, if written, is
// case-insensitive ("1.5 GWEI"); otherwise default_unit applies. Rejected, each with its own
// message: empty input, a sign, exponents ("1e18"), separators ("1,000"), more than one dot, more
// decimals than the unit has ("too many decimals: ether has 18"), unknown units, and values above
// 2^256-1 wei.
Result<U256> parse_amount(std::string_view text, Unit default_unit = Unit::ether);

// Exact: no trailing zeros, no exponent, no unit suffix ("1.5", "0", "0.000000000000000001").
std::string format_amount(const U256& wei, Unit unit = Unit::ether);

// For display: at most max_decimals decimals of ether, truncated toward zero (never rounded up, so a
// balance is never shown larger than it is), trailing zeros removed. max_decimals is clamped to
// [0, 18].
std::string format_amount_fixed(const U256& wei, int max_decimals);

}  // namespace sluice
