// SPDX-License-Identifier: MIT
#include "core/common/uint256.hpp"

namespace sluice {

// Both conversions go a 64-bit word at a time, not a byte at a time: every U256 shift walks all
// the limbs, and these run several times per transaction (account leaves, RLP of signing hashes).
std::optional<U256> u256_from_be(ByteView bytes) {
    if (bytes.size() > 32) return std::nullopt;
    U256 out = 0;
    std::size_t pos = 0;
    const std::size_t head = bytes.size() % 8;  // the most significant, partial word
    std::uint64_t word = 0;
    for (; pos < head; ++pos) word = (word << 8) | bytes[pos];
    out = word;
    while (pos < bytes.size()) {
        word = 0;
        for (int k = 0; k < 8; ++k) word = (word << 8) | bytes[pos++];
        out = (out << 64) | word;
    }
    return out;
}

Hash u256_to_be32(const U256& value) {
    // The backend's limbs, least significant first; size() counts the ones in use.
    const auto& backend = value.backend();
    constexpr std::size_t kLimbBytes = sizeof(*backend.limbs());
    Hash out{};
    for (std::size_t k = 0; k < backend.size(); ++k) {
        const auto limb = backend.limbs()[k];
        for (std::size_t j = 0; j < kLimbBytes; ++j)
            out[31 - k * kLimbBytes - j] = static_cast<std::uint8_t>(limb >> (8 * j));
    }
    return out;
}

Bytes u256_to_be_minimal(const U256& value) {
    const Hash full = u256_to_be32(value);
    std::size_t first = 0;
    while (first < 32 && full[first] == 0) ++first;
    return Bytes(full.begin() + static_cast<std::ptrdiff_t>(first), full.end());
}

std::optional<U256> u256_from_dec(std::string_view text) {
    if (text.empty() || text.size() > 78) return std::nullopt;
    U256 out = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        auto times_ten = checked_mul(out, 10);
        if (!times_ten) return std::nullopt;
        auto next = checked_add(*times_ten, static_cast<unsigned>(c - '0'));
        if (!next) return std::nullopt;
        out = *next;
    }
    return out;
}

std::optional<U256> u256_from_hex(std::string_view text) {
    if (text.size() < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return std::nullopt;
    text.remove_prefix(2);
    while (text.size() > 1 && text.front() == '0') text.remove_prefix(1);
    if (text.size() > 64) return std::nullopt;
    U256 out = 0;
    for (char c : text) {
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return std::nullopt;
        out = (out << 4) | static_cast<unsigned>(digit);
    }
    return out;
}

std::string u256_to_dec(const U256& value) { return value.str(); }

std::string u256_to_quantity(const U256& value) {
    const std::string digits = to_hex_bare(u256_to_be_minimal(value));
    std::size_t first = 0;
    while (first + 1 < digits.size() && digits[first] == '0') ++first;
    return digits.empty() ? "0x0" : "0x" + digits.substr(first);
}

std::optional<U256> checked_add(const U256& a, const U256& b) {
    U256 sum = a + b;
    if (sum < a) return std::nullopt;
    return sum;
}

std::optional<U256> checked_sub(const U256& a, const U256& b) {
    if (b > a) return std::nullopt;
    return U256(a - b);
}

std::optional<U256> checked_mul(const U256& a, const U256& b) {
    if (a == 0 || b == 0) return U256(0);
    U256 product = a * b;
    if (product / b != a) return std::nullopt;
    return product;
}

}  // namespace sluice
