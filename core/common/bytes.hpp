// SPDX-License-Identifier: MIT
#pragma once
// Byte containers and fixed-size value types (Hash, Address) that start zeroed, parse from hex
// into an optional and print canonically.

#include <algorithm>
#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sluice {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

inline ByteView as_bytes(std::string_view s) { return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}; }

inline void append(Bytes& out, ByteView more) { out.insert(out.end(), more.begin(), more.end()); }

// "0x"-prefixed lower-case hex of the bytes ("0x" for none).
std::string to_hex(ByteView bytes);
// Lower-case hex without the prefix.
std::string to_hex_bare(ByteView bytes);
// Accepts an optional 0x/0X prefix and an even number of hex digits of either case.
std::optional<Bytes> from_hex(std::string_view text);

// N bytes, zero-initialised, compared and hashed by value.
template <std::size_t N>
struct FixedBytes {
    std::array<std::uint8_t, N> bytes{};

    static constexpr std::size_t size() { return N; }
    std::uint8_t* data() { return bytes.data(); }
    const std::uint8_t* data() const { return bytes.data(); }
    auto begin() const { return bytes.begin(); }
    auto end() const { return bytes.end(); }
    std::uint8_t& operator[](std::size_t i) { return bytes[i]; }
    std::uint8_t operator[](std::size_t i) const { return bytes[i]; }
    operator ByteView() const { return {bytes.data(), N}; }  // NOLINT(implicit)
    bool is_zero() const {
        return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
    }
    std::string hex() const { return to_hex(ByteView(*this)); }

    static std::optional<FixedBytes> from_view(ByteView view) {
        if (view.size() != N) return std::nullopt;
        FixedBytes out;
        std::copy(view.begin(), view.end(), out.bytes.begin());
        return out;
    }
    static std::optional<FixedBytes> from_hex(std::string_view text) {
        auto raw = sluice::from_hex(text);
        if (!raw) return std::nullopt;
        return from_view(*raw);
    }

    friend auto operator<=>(const FixedBytes&, const FixedBytes&) = default;
};

using Hash = FixedBytes<32>;
using Address = FixedBytes<20>;  // EIP-55 text form: core/eth/address.hpp

}  // namespace sluice
