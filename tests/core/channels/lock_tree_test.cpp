// SPDX-License-Identifier: MIT
// The lock tree (§4.2): order independence, proofs for every size, the contract's proof checks,
// well-formedness, and the claim rule of §6.1.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "channel_fixture.hpp"
#include "core/channels/lock_tree.hpp"
#include "core/crypto/keccak.hpp"

namespace sluice::channels {
namespace {

using namespace sluice::channels::test;

std::vector<Lock> random_locks(std::mt19937_64& rng, std::size_t n) {
    std::vector<Lock> locks;
    for (std::size_t i = 0; i < n; ++i) {
        Hash secret;
        for (auto& x : secret.bytes) x = static_cast<std::uint8_t>(rng());
        locks.push_back(Lock{rng() % 2 == 1, 1'700'000'000 + rng() % 10'000,
                             U256(1 + rng() % kEther.convert_to<std::uint64_t>()), secret_hash_of(secret)});
    }
    return locks;
}

TEST(LockTree, EmptyAndSingle) {
    EXPECT_EQ(locks_root(std::vector<Lock>{}), Hash{});
    EXPECT_EQ(locked_total(std::vector<Lock>{}), U256(0));
    const Lock lock{true, 1'700'000'000, 7,
                    hash_of("0x1111111111111111111111111111111111111111111111111111111111111111")};
    const std::vector<Lock> one{lock};
    EXPECT_EQ(locks_root(one), lock_leaf(lock));
    const auto proof = lock_proof(one, lock);
    ASSERT_TRUE(proof.has_value());
    EXPECT_EQ(proof->index, 0u);
    EXPECT_TRUE(proof->siblings.empty());
    EXPECT_TRUE(verify_lock_proof(lock, *proof, lock_leaf(lock)));
    // Index 1 does not fit a proof of depth 0 (Merkle.processProof's check).
    EXPECT_FALSE(verify_lock_proof(lock, LockProof{1, {}}, lock_leaf(lock)));
    // fromB is the first preimage byte.
    EXPECT_EQ(lock_leaf_preimage(lock)[0], 1);
    Lock flipped = lock;
    flipped.from_b = false;
    EXPECT_EQ(lock_leaf_preimage(flipped)[0], 0);
    EXPECT_NE(lock_leaf(flipped), lock_leaf(lock));
    EXPECT_FALSE(lock_proof(one, flipped).has_value());
}

TEST(LockTree, RootIsAFunctionOfTheSetAndEveryProofVerifies) {
    std::mt19937_64 rng(20260601);
    for (std::size_t n = 1; n <= 17; ++n) {
        std::vector<Lock> locks = random_locks(rng, n);
        const Hash root = locks_root(locks);
        std::size_t depth = 0;
        while ((std::size_t{1} << depth) < n) ++depth;
        for (int round = 0; round < 3; ++round) {
            std::shuffle(locks.begin(), locks.end(), rng);
            EXPECT_EQ(locks_root(locks), root) << n;
        }
        // Tree order is ascending leaves; sort_locks and tree_order agree.
        std::vector<Lock> sorted = locks;
        sort_locks(sorted);
        const auto tree = tree_order(locks);
        for (std::size_t i = 0; i < n; ++i) {
            EXPECT_EQ(tree[i].lock, sorted[i]);
            EXPECT_EQ(tree[i].leaf, lock_leaf(sorted[i]));
            if (i) {
                EXPECT_LT(tree[i - 1].leaf, tree[i].leaf);
            }
        }
        for (const Lock& lock : locks) {
            const auto proof = lock_proof(locks, lock);
            ASSERT_TRUE(proof.has_value());
            EXPECT_EQ(proof->siblings.size(), depth);
            EXPECT_EQ(tree[proof->index].lock, lock);
            EXPECT_TRUE(verify_lock_proof(lock, *proof, root));
            // The same leaf at index + 2^depth: refused, although the path bits are the same.
            LockProof aliased = *proof;
            aliased.index += std::uint64_t{1} << depth;
            EXPECT_FALSE(verify_lock_proof(lock, aliased, root));
            // Another amount, another root, a changed sibling: refused.
            Lock more = lock;
            more.amount += 1;
            EXPECT_FALSE(verify_lock_proof(more, *proof, root));
            Hash other_root = root;
            other_root[0] ^= 1;
            EXPECT_FALSE(verify_lock_proof(lock, *proof, other_root));
            if (depth) {
                LockProof tampered = *proof;
                tampered.siblings.back()[31] ^= 1;
                EXPECT_FALSE(verify_lock_proof(lock, tampered, root));
            }
        }
    }
}

TEST(LockTree, RootMatchesAHandBuiltTree) {
    // Five locks: leaves sorted, padded to eight with zero leaves, hashed pairwise.
    std::mt19937_64 rng(7);
    const std::vector<Lock> locks = random_locks(rng, 5);
    std::vector<Hash> level = sorted_leaves(locks);
    level.resize(8);
    auto pair = [](const Hash& l, const Hash& r) {
        Bytes b(l.begin(), l.end());
        append(b, r);
        return keccak256(b);
    };
    while (level.size() > 1) {
        std::vector<Hash> up;
        for (std::size_t i = 0; i < level.size(); i += 2) up.push_back(pair(level[i], level[i + 1]));
        level = up;
    }
    EXPECT_EQ(locks_root(locks), level[0]);
}

TEST(LockTree, WellFormedness) {
    std::mt19937_64 rng(3);
    std::vector<Lock> locks = random_locks(rng, 4);
    EXPECT_EQ(check_locks(locks, 4), ChannelError::None);
    EXPECT_EQ(check_locks(locks, 3), ChannelError::TooManyLocks);
    std::vector<Lock> dup = locks;
    dup.push_back(locks[2]);
    EXPECT_EQ(check_locks(dup, 1024), ChannelError::DuplicateLock);
    // The same secret hash in another lock (other expiry) is a distinct leaf: allowed by §4.2.
    std::vector<Lock> same_hash = locks;
    same_hash.push_back(locks[2]);
    same_hash.back().expiry += 1;
    EXPECT_EQ(check_locks(same_hash, 1024), ChannelError::None);
    std::vector<Lock> zero = locks;
    zero[1].amount = 0;
    EXPECT_EQ(check_locks(zero, 1024), ChannelError::ZeroLockAmount);
    std::vector<Lock> huge = locks;
    huge[0].amount = ~U256(0);
    EXPECT_EQ(check_locks(huge, 1024), ChannelError::Overflow);
    EXPECT_FALSE(locked_total(huge).has_value());
}

TEST(LockTree, ClaimRule) {
    const Lock lock{false, 1000, 5, Hash{}};
    EXPECT_EQ(lock_status(lock, 0, 999), LockStatus::Pending);
    EXPECT_EQ(lock_status(lock, 0, 1000), LockStatus::Returnable);
    EXPECT_EQ(lock_status(lock, 999, 999), LockStatus::Claimable);
    EXPECT_EQ(lock_status(lock, 999, 5000), LockStatus::Claimable);    // registered in time: for good
    EXPECT_EQ(lock_status(lock, 1000, 1000), LockStatus::Returnable);  // registered at the expiry: too late
    EXPECT_EQ(lock_status(lock, 1, 2), LockStatus::Claimable);
}

}  // namespace
}  // namespace sluice::channels
