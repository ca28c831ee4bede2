// SPDX-License-Identifier: MIT
#pragma once
// The lock tree of docs/CHANNELS.md §4: a lock's 73-byte leaf, the leaves sorted ascending as
// 256-bit big-endian numbers, and over them the rollup's Merkle tree (PROTOCOL.md §4.3, padded
// with zero leaves; core/rollup/merkle.hpp); the proofs Channels.unlock / claimExpired take; the
// locked total; and when a lock is claimable or returnable (§6.1).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/channels/errors.hpp"
#include "core/channels/state.hpp"
#include "core/common/bytes.hpp"
#include "core/common/uint256.hpp"

namespace sluice::channels {

inline constexpr std::size_t kLockLeafPreimageSize = 73;

// fromB[1] ‖ expiry[8] ‖ amount[32] ‖ secretHash[32] (abi.encodePacked of the Lock).
std::array<std::uint8_t, kLockLeafPreimageSize> lock_leaf_preimage(const Lock& lock);
// keccak of the preimage (Channels.lockLeaf).
Hash lock_leaf(const Lock& lock);

// The locks in tree order (ascending leaves), each with its leaf.
struct TreeLock {
    Hash leaf;
    Lock lock;
};
std::vector<TreeLock> tree_order(std::span<const Lock> locks);
// Sorts `locks` into tree order in place.
void sort_locks(std::vector<Lock>& locks);
// The ascending leaves of the locks.
std::vector<Hash> sorted_leaves(std::span<const Lock> locks);

// The root over leaves already in ascending order: zero for none, the leaf itself for one.
Hash locks_root_of_sorted_leaves(std::span<const Hash> leaves);
// The root of a set of locks, in any order (§4.2): what a state's locksRoot must be.
Hash locks_root(std::span<const Lock> locks);
// The sum of the amounts; nullopt if it passes 2^256 - 1.
std::optional<U256> locked_total(std::span<const Lock> locks);

// The well-formedness of a state's locks (§13.2 rule 4, the parts that need no state): each has
// a non-zero amount (ZeroLockAmount), the leaves are distinct (DuplicateLock), at most max_locks
// (TooManyLocks), the amounts' sum fits 256 bits (Overflow). None if they are well formed.
ChannelError check_locks(std::span<const Lock> locks, std::size_t max_locks);

// A lock's place in the tree and the siblings from its leaf up (the unlock / claimExpired
// arguments `index` and `proof`).
struct LockProof {
    std::uint64_t index = 0;
    std::vector<Hash> siblings;
    friend bool operator==(const LockProof&, const LockProof&) = default;
};
// nullopt if the lock is not among `locks`.
std::optional<LockProof> lock_proof(std::span<const Lock> locks, const Lock& lock);
// The contract's check (Merkle.processProof): index < 2^depth and the proof leads from the
// lock's leaf to `root`.
bool verify_lock_proof(const Lock& lock, const LockProof& proof, const Hash& root);

// §6.1, given Channels.secretRegisteredAt(lock.secretHash) (0: not registered) and now.
enum class LockStatus : std::uint8_t {
    Pending = 0,     // not yet claimable, not yet expired
    Claimable = 1,   // the secret was registered before expiry: unlock pays the receiver
    Returnable = 2,  // expired without that: claimExpired pays the sender
};
LockStatus lock_status(const Lock& lock, std::uint64_t secret_registered_at, std::uint64_t now);

}  // namespace sluice::channels
