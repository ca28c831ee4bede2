// SPDX-License-Identifier: MIT
#pragma once
// The 256-bit unsigned integer of the EVM (wei amounts, nonces, fees), from Boost.Multiprecision.
// Arithmetic wraps modulo 2^256 like the EVM's; code that must not overflow checks explicitly
// (see checked_add / checked_mul).

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "core/common/bytes.hpp"

namespace sluice {

using U256 = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
    256, 256, boost::multiprecision::unsigned_magnitude, boost::multiprecision::unchecked, void>>;

// Big-endian, at most 32 bytes (leading zeros allowed).
std::optional<U256> u256_from_be(ByteView bytes);
// Exactly 32 big-endian bytes.
Hash u256_to_be32(const U256& value);
// Minimal big-endian bytes (empty for zero), as RLP wants them.
Bytes u256_to_be_minimal(const U256& value);

// Plain decimal digits, no sign, no separators; nullopt on junk or overflow past 2^256-1.
std::optional<U256> u256_from_dec(std::string_view text);
// A JSON-RPC quantity "0x1a" (also accepts "0x0" and leading zeros); nullopt on junk/overflow.
std::optional<U256> u256_from_hex(std::string_view text);
std::string u256_to_dec(const U256& value);
// JSON-RPC quantity: "0x" and minimal hex digits ("0x0" for zero).
std::string u256_to_quantity(const U256& value);

std::optional<U256> checked_add(const U256& a, const U256& b);
std::optional<U256> checked_sub(const U256& a, const U256& b);
std::optional<U256> checked_mul(const U256& a, const U256& b);

}  // namespace sluice
