// SPDX-License-Identifier: MIT
#include "core/eth/address.hpp"

#include "core/crypto/keccak.hpp"

namespace sluice {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string to_checksum_address(const Address& address) {
    const std::string lower = to_hex_bare(address);
    const Hash digest = keccak256(as_bytes(lower));
    std::string out = "0x";
    out.reserve(42);
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const char c = lower[i];
        const int nibble = (i % 2 == 0) ? (digest[i / 2] >> 4) : (digest[i / 2] & 0x0f);
        out.push_back((c >= 'a' && nibble >= 8) ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

Result<Address> parse_address(std::string_view text) {
    if (text.size() < 2 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        return make_error("address must start with 0x");
    const std::string_view digits = text.substr(2);
    if (digits.size() != 40)
        return make_error("address must have 40 hex digits after 0x, got " + std::to_string(digits.size()));
    bool has_lower = false;
    bool has_upper = false;
    Address out;
    for (std::size_t i = 0; i < 40; ++i) {
        const char c = digits[i];
        const int v = hex_value(c);
        if (v < 0) return make_error(std::string("address contains a non-hex character '") + c + "'");
        if (c >= 'a' && c <= 'f') has_lower = true;
        if (c >= 'A' && c <= 'F') has_upper = true;
        out[i / 2] = static_cast<std::uint8_t>(out[i / 2] | (i % 2 == 0 ? v << 4 : v));
    }
    if (has_lower && has_upper && to_checksum_address(out).substr(2) != digits)
        return make_error(
            "address checksum mismatch (EIP-55): check it for a typo, or write it all in lower case "
            "to skip the check",
            ErrorCode::AddressChecksum);
    return out;
}

}  // namespace sluice
