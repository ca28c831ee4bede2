// SPDX-License-Identifier: MIT
#include "core/rollup/merkle.hpp"

#include <cstring>

#include "core/crypto/keccak.hpp"

namespace sluice::rollup {

Hash hash_pair(const Hash& left, const Hash& right) {
    std::array<std::uint8_t, 64> buf;
    std::memcpy(buf.data(), left.data(), 32);
    std::memcpy(buf.data() + 32, right.data(), 32);
    return keccak256(buf);
}

const std::array<Hash, 33>& zero_hashes() {
    static const std::array<Hash, 33> z = [] {
        std::array<Hash, 33> out{};
        for (std::size_t l = 0; l < 32; ++l) out[l + 1] = hash_pair(out[l], out[l]);
        return out;
    }();
    return z;
}

namespace {
std::vector<Hash> padded(std::span<const Hash> leaves) {
    std::size_t width = 1;
    while (width < leaves.size()) width <<= 1;
    std::vector<Hash> level(leaves.begin(), leaves.end());
    level.resize(width);
    return level;
}
}  // namespace

Hash merkle_root(std::span<const Hash> leaves) {
    if (leaves.empty()) return Hash{};
    std::vector<Hash> level = padded(leaves);
    while (level.size() > 1) {
        for (std::size_t i = 0; i < level.size() / 2; ++i) level[i] = hash_pair(level[2 * i], level[2 * i + 1]);
        level.resize(level.size() / 2);
    }
    return level[0];
}

std::vector<Hash> merkle_proof(std::span<const Hash> leaves, std::size_t index) {
    std::vector<Hash> proof;
    std::vector<Hash> level = padded(leaves);
    while (level.size() > 1) {
        proof.push_back(level[index ^ 1]);
        for (std::size_t i = 0; i < level.size() / 2; ++i) level[i] = hash_pair(level[2 * i], level[2 * i + 1]);
        level.resize(level.size() / 2);
        index >>= 1;
    }
    return proof;
}

Hash merkle_root_from_proof(const Hash& leaf, std::size_t index, std::span<const Hash> proof) {
    Hash node = leaf;
    for (const Hash& sibling : proof) {
        node = (index & 1) ? hash_pair(sibling, node) : hash_pair(node, sibling);
        index >>= 1;
    }
    return node;
}

}  // namespace sluice::rollup
