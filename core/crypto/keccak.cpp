// SPDX-License-Identifier: MIT
#include "core/crypto/keccak.hpp"

#include <bit>
#include <cstring>

namespace sluice {

namespace {

constexpr std::size_t kRate = 136;  // 1088 bits: capacity 512 for a 256-bit digest

constexpr std::uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};

// Rotation offsets and the lane order of the combined rho + pi steps.
constexpr int kRotations[24] = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr int kPiLanes[24] = {10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                              15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};

void keccak_f1600(std::array<std::uint64_t, 25>& a) {
    for (std::uint64_t round_constant : kRoundConstants) {
        std::uint64_t c[5];
        for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; ++x) {
            const std::uint64_t d = c[(x + 4) % 5] ^ std::rotl(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5) a[y + x] ^= d;
        }
        std::uint64_t carried = a[1];
        for (int i = 0; i < 24; ++i) {
            const int lane = kPiLanes[i];
            const std::uint64_t next = a[lane];
            a[lane] = std::rotl(carried, kRotations[i]);
            carried = next;
        }
        for (int y = 0; y < 25; y += 5) {
            std::uint64_t row[5];
            for (int x = 0; x < 5; ++x) row[x] = a[y + x];
            for (int x = 0; x < 5; ++x) a[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5]);
        }
        a[0] ^= round_constant;
    }
}

void absorb_block(std::array<std::uint64_t, 25>& state, const std::uint8_t* block) {
    for (std::size_t i = 0; i < kRate / 8; ++i) {
        std::uint64_t lane = 0;
        for (int b = 7; b >= 0; --b) lane = (lane << 8) | block[8 * i + static_cast<std::size_t>(b)];
        state[i] ^= lane;
    }
    keccak_f1600(state);
}

}  // namespace

Keccak256& Keccak256::update(ByteView data) {
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
