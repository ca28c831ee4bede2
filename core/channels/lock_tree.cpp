// SPDX-License-Identifier: MIT
#include "core/channels/lock_tree.hpp"

#include <algorithm>
#include <cstring>

#include "core/crypto/keccak.hpp"
#include "core/rollup/merkle.hpp"

namespace sluice::channels {

std::array<std::uint8_t, kLockLeafPreimageSize> lock_leaf_preimage(const Lock& lock) {
    std::array<std::uint8_t, kLockLeafPreimageSize> out{};
    out[0] = lock.from_b ? 1 : 0;
    for (int i = 0; i < 8; ++i) out[1 + i] = static_cast<std::uint8_t>(lock.expiry >> (8 * (7 - i)));
    const Hash amount = u256_to_be32(lock.amount);
    std::memcpy(out.data() + 9, amount.data(), 32);
    std::memcpy(out.data() + 41, lock.secret_hash.data(), 32);
    return out;
}

Hash lock_leaf(const Lock& lock) { return keccak256(lock_leaf_preimage(lock)); }

std::vector<TreeLock> tree_order(std::span<const Lock> locks) {
    std::vector<TreeLock> out;
    out.reserve(locks.size());
    for (const Lock& l : locks) out.push_back({lock_leaf(l), l});
    // FixedBytes compares its bytes in order: big-endian numeric order.
    std::sort(out.begin(), out.end(), [](const TreeLock& x, const TreeLock& y) { return x.leaf < y.leaf; });
    return out;
}

void sort_locks(std::vector<Lock>& locks) {
    const std::vector<TreeLock> sorted = tree_order(locks);
    for (std::size_t i = 0; i < sorted.size(); ++i) locks[i] = sorted[i].lock;
}

std::vector<Hash> sorted_leaves(std::span<const Lock> locks) {
    std::vector<Hash> leaves;
    leaves.reserve(locks.size());
    for (const Lock& l : locks) leaves.push_back(lock_leaf(l));
    std::sort(leaves.begin(), leaves.end());
    return leaves;
}

Hash locks_root_of_sorted_leaves(std::span<const Hash> leaves) { return rollup::merkle_root(leaves); }

Hash locks_root(std::span<const Lock> locks) { return locks_root_of_sorted_leaves(sorted_leaves(locks)); }

std::optional<U256> locked_total(std::span<const Lock> locks) {
    U256 sum = 0;
    for (const Lock& l : locks) {
        const auto next = checked_add(sum, l.amount);
        if (!next) return std::nullopt;
        sum = *next;
    }
    return sum;
}

ChannelError check_locks(std::span<const Lock> locks, std::size_t max_locks) {
    for (const Lock& l : locks)
        if (l.amount == 0) return ChannelError::ZeroLockAmount;
    const std::vector<Hash> leaves = sorted_leaves(locks);
    if (std::adjacent_find(leaves.begin(), leaves.end()) != leaves.end()) return ChannelError::DuplicateLock;
    if (locks.size() > max_locks) return ChannelError::TooManyLocks;
    if (!locked_total(locks)) return ChannelError::Overflow;
    return ChannelError::None;
}

std::optional<LockProof> lock_proof(std::span<const Lock> locks, const Lock& lock) {
    const std::vector<Hash> leaves = sorted_leaves(locks);
    const Hash leaf = lock_leaf(lock);
    const auto it = std::lower_bound(leaves.begin(), leaves.end(), leaf);
    if (it == leaves.end() || *it != leaf) return std::nullopt;
    const auto index = static_cast<std::size_t>(it - leaves.begin());
    return LockProof{index, rollup::merkle_proof(leaves, index)};
}

bool verify_lock_proof(const Lock& lock, const LockProof& proof, const Hash& root) {
    // index >> depth must be 0; a depth of 64 or more admits every 64-bit index.
    if (proof.siblings.size() < 64 && (proof.index >> proof.siblings.size()) != 0) return false;
    return rollup::merkle_root_from_proof(lock_leaf(lock), proof.index, proof.siblings) == root;
}

LockStatus lock_status(const Lock& lock, std::uint64_t secret_registered_at, std::uint64_t now) {
    if (secret_registered_at != 0 && secret_registered_at < lock.expiry) return LockStatus::Claimable;
    if (now >= lock.expiry) return LockStatus::Returnable;
    return LockStatus::Pending;
}

}  // namespace sluice::channels
