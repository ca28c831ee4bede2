// SPDX-License-Identifier: MIT
#include "core/crypto/keccak.hpp"

#include <bit>
#include <cstring>

namespace sluice {

namespace {

constexpr std::size_t kRate = 136;  // 1088 bits: capacity 512 for a 256-bit digest

constexpr std::uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL, 0x000000000000808bULL,
    0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL, 0x000000000000008aULL, 0x0000000000000088ULL,
    0x0000000080008009ULL, 0x000000008000000aULL, 0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL,
    0x8000000000008003ULL, 0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

constexpr std::uint64_t byteswap64(std::uint64_t v) {
    v = ((v & 0x00ff00ff00ff00ffULL) << 8) | ((v >> 8) & 0x00ff00ff00ff00ffULL);
    v = ((v & 0x0000ffff0000ffffULL) << 16) | ((v >> 16) & 0x0000ffff0000ffffULL);
    return (v << 32) | (v >> 32);
}

// The permutation with every step written out per lane, so that the 25 lanes stay in registers;
// several times faster than the loop-and-modulo form of the specification.
void keccak_f1600(std::array<std::uint64_t, 25>& state) {
    std::uint64_t a[25];
    std::memcpy(a, state.data(), sizeof a);
    for (std::uint64_t round_constant : kRoundConstants) {
        // theta
        const std::uint64_t c0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20];
        const std::uint64_t c1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21];
        const std::uint64_t c2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22];
        const std::uint64_t c3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23];
        const std::uint64_t c4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24];
        const std::uint64_t d0 = c4 ^ std::rotl(c1, 1);
        const std::uint64_t d1 = c0 ^ std::rotl(c2, 1);
        const std::uint64_t d2 = c1 ^ std::rotl(c3, 1);
        const std::uint64_t d3 = c2 ^ std::rotl(c4, 1);
        const std::uint64_t d4 = c3 ^ std::rotl(c0, 1);
        // rho and pi: b[y][2x+3y] = rot(a[x][y] ^ d[x], r[x][y])
        const std::uint64_t b0 = a[0] ^ d0;
        const std::uint64_t b10 = std::rotl(a[1] ^ d1, 1);
        const std::uint64_t b20 = std::rotl(a[2] ^ d2, 62);
        const std::uint64_t b5 = std::rotl(a[3] ^ d3, 28);
        const std::uint64_t b15 = std::rotl(a[4] ^ d4, 27);
        const std::uint64_t b16 = std::rotl(a[5] ^ d0, 36);
        const std::uint64_t b1 = std::rotl(a[6] ^ d1, 44);
        const std::uint64_t b11 = std::rotl(a[7] ^ d2, 6);
        const std::uint64_t b21 = std::rotl(a[8] ^ d3, 55);
        const std::uint64_t b6 = std::rotl(a[9] ^ d4, 20);
        const std::uint64_t b7 = std::rotl(a[10] ^ d0, 3);
        const std::uint64_t b17 = std::rotl(a[11] ^ d1, 10);
        const std::uint64_t b2 = std::rotl(a[12] ^ d2, 43);
        const std::uint64_t b12 = std::rotl(a[13] ^ d3, 25);
        const std::uint64_t b22 = std::rotl(a[14] ^ d4, 39);
        const std::uint64_t b23 = std::rotl(a[15] ^ d0, 41);
        const std::uint64_t b8 = std::rotl(a[16] ^ d1, 45);
        const std::uint64_t b18 = std::rotl(a[17] ^ d2, 15);
        const std::uint64_t b3 = std::rotl(a[18] ^ d3, 21);
        const std::uint64_t b13 = std::rotl(a[19] ^ d4, 8);
        const std::uint64_t b14 = std::rotl(a[20] ^ d0, 18);
        const std::uint64_t b24 = std::rotl(a[21] ^ d1, 2);
        const std::uint64_t b9 = std::rotl(a[22] ^ d2, 61);
        const std::uint64_t b19 = std::rotl(a[23] ^ d3, 56);
        const std::uint64_t b4 = std::rotl(a[24] ^ d4, 14);
        // chi and iota
        a[0] = b0 ^ (~b1 & b2) ^ round_constant;
        a[1] = b1 ^ (~b2 & b3);
        a[2] = b2 ^ (~b3 & b4);
        a[3] = b3 ^ (~b4 & b0);
        a[4] = b4 ^ (~b0 & b1);
        a[5] = b5 ^ (~b6 & b7);
        a[6] = b6 ^ (~b7 & b8);
        a[7] = b7 ^ (~b8 & b9);
        a[8] = b8 ^ (~b9 & b5);
        a[9] = b9 ^ (~b5 & b6);
        a[10] = b10 ^ (~b11 & b12);
        a[11] = b11 ^ (~b12 & b13);
        a[12] = b12 ^ (~b13 & b14);
        a[13] = b13 ^ (~b14 & b10);
        a[14] = b14 ^ (~b10 & b11);
        a[15] = b15 ^ (~b16 & b17);
        a[16] = b16 ^ (~b17 & b18);
        a[17] = b17 ^ (~b18 & b19);
        a[18] = b18 ^ (~b19 & b15);
        a[19] = b19 ^ (~b15 & b16);
        a[20] = b20 ^ (~b21 & b22);
        a[21] = b21 ^ (~b22 & b23);
        a[22] = b22 ^ (~b23 & b24);
        a[23] = b23 ^ (~b24 & b20);
        a[24] = b24 ^ (~b20 & b21);
    }
    std::memcpy(state.data(), a, sizeof a);
}

void absorb_block(std::array<std::uint64_t, 25>& state, const std::uint8_t* block) {
    for (std::size_t i = 0; i < kRate / 8; ++i) {
        std::uint64_t lane;
        std::memcpy(&lane, block + 8 * i, 8);
        if constexpr (std::endian::native == std::endian::big) lane = byteswap64(lane);
        state[i] ^= lane;
    }
    keccak_f1600(state);
}

}  // namespace

Keccak256& Keccak256::update(ByteView data) {
    if (data.empty()) return *this;  // an empty span may hold a null pointer, which memcpy must not see
    const std::uint8_t* p = data.data();
    std::size_t left = data.size();
    if (m_buffered > 0) {
        const std::size_t take = std::min(left, kRate - m_buffered);
        std::memcpy(m_buffer.data() + m_buffered, p, take);
        m_buffered += take;
        p += take;
        left -= take;
        if (m_buffered < kRate) return *this;
        absorb_block(m_state, m_buffer.data());
        m_buffered = 0;
    }
    for (; left >= kRate; p += kRate, left -= kRate) absorb_block(m_state, p);
    if (left > 0) {
        std::memcpy(m_buffer.data(), p, left);
        m_buffered = left;
    }
    return *this;
}

Hash Keccak256::finish() {
    std::memset(m_buffer.data() + m_buffered, 0, kRate - m_buffered);
    m_buffer[m_buffered] ^= 0x01;  // Keccak padding, not SHA-3's 0x06
    m_buffer[kRate - 1] ^= 0x80;
    absorb_block(m_state, m_buffer.data());
    Hash out;
    for (std::size_t i = 0; i < 32; ++i) out[i] = static_cast<std::uint8_t>(m_state[i / 8] >> (8 * (i % 8)));
    *this = Keccak256{};
    return out;
}

Hash keccak256(ByteView data) { return Keccak256{}.update(data).finish(); }

}  // namespace sluice
