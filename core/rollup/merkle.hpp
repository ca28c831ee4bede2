// SPDX-License-Identifier: MIT
#pragma once
// Merkle helpers shared by the account tree (§2) and the batch trees (§4.3).

#include <array>
#include <cstddef>
#include <span>
#include <vector>

#include "core/common/bytes.hpp"

namespace sluice::rollup {

// keccak(left ‖ right)
Hash hash_pair(const Hash& left, const Hash& right);

// Z[0] = 0, Z[l+1] = keccak(Z[l] ‖ Z[l]) for l < 32: roots of empty subtrees of the account tree.
const std::array<Hash, 33>& zero_hashes();

// §4.3: pad with zero leaves to the next power of two (one leaf is its own root); no leaves give
// the zero hash (the withdrawal root of a batch without withdrawals).
Hash merkle_root(std::span<const Hash> leaves);
// Siblings from the leaf up; empty for a single leaf. Precondition: index < leaves.size().
std::vector<Hash> merkle_proof(std::span<const Hash> leaves, std::size_t index);
Hash merkle_root_from_proof(const Hash& leaf, std::size_t index, std::span<const Hash> proof);

}  // namespace sluice::rollup
