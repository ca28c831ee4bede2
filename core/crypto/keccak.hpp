// SPDX-License-Identifier: MIT
#pragma once
// Keccak-256 as Ethereum uses it: the original Keccak padding (0x01), not FIPS-202 SHA3-256
// (0x06), which OpenSSL provides and which gives different digests.

#include <array>
#include <cstdint>

#include "core/common/bytes.hpp"

namespace sluice {

class Keccak256 {
public:
    Keccak256& update(ByteView data);
    Hash finish();  // the hasher is reset afterwards and can be reused

private:
    std::array<std::uint64_t, 25> m_state{};
    std::array<std::uint8_t, 136> m_buffer{};
    std::size_t m_buffered = 0;
};

Hash keccak256(ByteView data);

}  // namespace sluice
