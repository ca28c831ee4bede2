// SPDX-License-Identifier: MIT
#pragma once
// The Solidity contract ABI for calls and return data: uint<N>, int<N>, address, bool, bytes<N>,
// bytes, string, and T[] / T[k] of those (nested arrays included). Tuples are not supported.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"

namespace sluice {

struct AbiType {
    enum class Kind { uint, int_, address, bool_, fixed_bytes, bytes, string, array };
    Kind kind = Kind::uint;
    int bits = 256;                          // uint/int: 8..256 in steps of 8
    int size = 0;                            // fixed_bytes: 1..32
    std::optional<std::size_t> length;       // array: k for T[k], nullopt for T[]
    std::shared_ptr<const AbiType> element;  // array: T

    bool is_dynamic() const;
    std::string canonical() const;  // "uint256", "bytes32[2][]", ...
};

// "uint" and "int" mean uint256 and int256, as in signatures.
Result<AbiType> parse_abi_type(std::string_view text);
// "uint256,bool" or "(uint256,bool)" or "" / "()" for none.
Result<std::vector<AbiType>> parse_abi_types(std::string_view text);

// One ABI value. Integers are U256; int<N> values are held in two's complement over 256 bits
// (use abi_int to build one). fixed_bytes, bytes and string all accept `Bytes`; a std::string is
// accepted for string and bytes. Arrays hold their elements.
struct AbiValue {
    std::variant<U256, Address, bool, Bytes, std::string, std::vector<AbiValue>> value;

    AbiValue() : value(U256(0)) {}
    AbiValue(U256 v) : value(std::move(v)) {}                   // NOLINT(implicit)
    AbiValue(Address v) : value(v) {}                           // NOLINT(implicit)
    AbiValue(bool v) : value(v) {}                              // NOLINT(implicit)
    AbiValue(Bytes v) : value(std::move(v)) {}                  // NOLINT(implicit)
    AbiValue(std::string v) : value(std::move(v)) {}            // NOLINT(implicit)
    AbiValue(std::vector<AbiValue> v) : value(std::move(v)) {}  // NOLINT(implicit)
    AbiValue(int) = delete;  // ambiguous between U256 and bool: say U256(n) or abi_int(n)

    friend bool operator==(const AbiValue&, const AbiValue&) = default;
};

AbiValue abi_int(std::int64_t v);
// Two's complement reading of an int<N> value, if it is negative: its magnitude.
bool abi_is_negative(const U256& two_complement);

// keccak256(signature)[0..4]; the signature is used as written (write it canonically:
// "transfer(address,uint256)", no spaces, no parameter names).
FixedBytes<4> function_selector(std::string_view signature);

// Checks every value against its type (range of uint<N>/int<N>, length of bytes<N> and T[k]).
Result<Bytes> abi_encode(const std::vector<AbiType>& types, const std::vector<AbiValue>& values);
// selector(signature) || abi_encode(parameter types of signature, values).
Result<Bytes> encode_call(std::string_view signature, const std::vector<AbiValue>& values);
// Strict: offsets and lengths in bounds, padding zero, values in range of their type. Integers
// decode to U256 (two's complement for int<N>), bytes<N>/bytes to Bytes, string to std::string.
Result<std::vector<AbiValue>> abi_decode(const std::vector<AbiType>& types, ByteView data);

// Parses a value written as `cast` takes it on the command line: decimal or 0x-hex integers
// ("-5" for int<N>), EIP-55/lower-case addresses, true/false, 0x-hex bytes, raw text for string,
// and "[a,b,c]" for arrays.
Result<AbiValue> abi_value_from_text(const AbiType& type, std::string_view text);

}  // namespace sluice
