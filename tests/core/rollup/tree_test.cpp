// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <functional>

#include "core/crypto/keccak.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/merkle.hpp"

namespace sluice::rollup {
namespace {

Account acct(int i) {
    Account a;
    a.address[0] = static_cast<std::uint8_t>(i);
    a.address[19] = static_cast<std::uint8_t>(i * 7 + 1);
    a.balance = U256(1000 + i);
    a.nonce = static_cast<std::uint64_t>(i);
    return a;
}

// Straight from §2: a recursive definition over the leaves, independent of the level vectors.
Hash reference_root(const std::vector<Account>& accounts) {
    std::function<Hash(unsigned, std::uint64_t)> node = [&](unsigned level, std::uint64_t index) -> Hash {
        if ((index << level) >= accounts.size()) return zero_hashes()[level];
        if (level == 0) {
            Bytes pre;
            append(pre, accounts[index].address);
            append(pre, u256_to_be32(accounts[index].balance));
            for (int i = 7; i >= 0; --i) pre.push_back(static_cast<std::uint8_t>(accounts[index].nonce >> (8 * i)));
            return keccak256(pre);
        }
        Bytes pair;
        append(pair, node(level - 1, 2 * index));
        append(pair, node(level - 1, 2 * index + 1));
        return keccak256(pair);
    };
    return node(32, 0);
}

TEST(ZeroHashes, ChainFromZero) {
    const auto& z = zero_hashes();
    EXPECT_TRUE(z[0].is_zero());
    for (int l = 0; l < 32; ++l) {
        Bytes pair;
        append(pair, z[l]);
        append(pair, z[l]);
        EXPECT_EQ(z[l + 1], keccak256(pair));
    }
    // keccak(0^64), the well-known first level.
    EXPECT_EQ(z[1].hex(), "0xad3228b676f7d3cd4284a5443f17f1962b36e491b30a40b2405849e597ba5fb5");
}

TEST(AccountTree, EmptyAndGenesis) {
    AccountTree empty;
    EXPECT_EQ(empty.count(), 0u);
    EXPECT_EQ(empty.root(), zero_hashes()[32]);

    Address fee;
    fee[19] = 0xfe;
    const AccountTree g = AccountTree::genesis(fee);
    EXPECT_EQ(g.count(), 1u);
    EXPECT_EQ(g.account(0), (Account{fee, 0, 0}));
    EXPECT_EQ(g.root(), reference_root({Account{fee, 0, 0}}));
    Bytes pre;
    append(pre, g.root());
    append(pre, Bytes{0, 0, 0, 1});
    EXPECT_EQ(g.state_root(), keccak256(pre));
    EXPECT_EQ(g.index_of(fee), 0u);
}

TEST(AccountTree, MatchesReferenceAndProofsVerify) {
    AccountTree tree;
    std::vector<Account> accounts;
    for (int i = 0; i < 37; ++i) {
        accounts.push_back(acct(i));
        EXPECT_EQ(tree.append(accounts.back()), static_cast<std::uint32_t>(i));
        ASSERT_EQ(tree.root(), reference_root(accounts)) << i;
    }
    accounts[5].balance = 77;
    ASSERT_TRUE(tree.set_account(5, accounts[5]));
    EXPECT_EQ(tree.root(), reference_root(accounts));
    for (std::uint32_t i = 0; i <= tree.count(); ++i) {
        const Hash leaf = i < tree.count() ? account_leaf(accounts[i]) : Hash{};
        const AccountProof p = tree.proof(i);
        EXPECT_TRUE(verify_account_proof(tree.root(), i, leaf, p)) << i;
        EXPECT_FALSE(verify_account_proof(tree.root(), i ^ 1, leaf, p)) << i;
        // Compressed form: bitmap + only the non-Z siblings, and back.
        const Bytes c = compress_proof(p);
        std::size_t off = 0;
        auto back = decompress_proof(c, off);
        ASSERT_TRUE(back) << back.message();
        EXPECT_EQ(*back, p);
        EXPECT_EQ(off, c.size());
    }
    // Index 36 of 37: the only non-empty siblings are 32..35 (level 2) and 0..31 (level 5).
    const Bytes c36 = compress_proof(tree.proof(36));
    EXPECT_EQ(c36.size(), 4u + 2 * 32u);
    EXPECT_EQ(c36[0], 0);
    EXPECT_EQ(c36[3], 0x24);
}

TEST(AccountTree, RejectsGapsAndTruncatedProofs) {
    AccountTree tree = AccountTree::genesis(Address{});
    EXPECT_FALSE(tree.set_account(2, acct(2)));
    EXPECT_EQ(tree.count(), 1u);
    ASSERT_TRUE(tree.set_account(1, acct(1)));
    Bytes c = compress_proof(tree.proof(0));
    ASSERT_EQ(c.size(), 36u);
    for (std::size_t n = 0; n < c.size(); ++n) {
        std::size_t off = 0;
        EXPECT_FALSE(decompress_proof(ByteView(c).subspan(0, n), off)) << n;
    }
}

TEST(AccountTree, BatchedUpdatesEqualSequentialOnes) {
    AccountTree a;
    for (int i = 0; i < 100; ++i) a.append(acct(i));
    AccountTree b = a;  // copy = snapshot
    const Hash before = a.root();
    std::vector<std::pair<std::uint32_t, Account>> updates;
    for (int i : {3, 64, 99, 3, 17}) {
        Account x = acct(i);
        x.balance += 5;
        updates.emplace_back(static_cast<std::uint32_t>(i), x);
    }
    updates.emplace_back(100, acct(100));
    updates.emplace_back(101, acct(101));
    ASSERT_TRUE(a.set_accounts(updates));
    for (const auto& [i, x] : updates) ASSERT_TRUE(b.set_account(i, x));
    EXPECT_EQ(a.root(), b.root());
    EXPECT_EQ(a.count(), 102u);
    std::vector<Account> all;
    for (std::uint32_t i = 0; i < a.count(); ++i) all.push_back(a.account(i));
    EXPECT_EQ(a.root(), reference_root(all));
    // Rolling back is assigning the snapshot.
    AccountTree snapshot = b;
    b.append(acct(200));
    b = snapshot;
    EXPECT_EQ(b.root(), a.root());
    EXPECT_NE(before, a.root());
}

TEST(AccountTree, SeveralIndicesPerAddress) {
    // A valid new-account transfer may open a second account for a known address (§2); the
    // skip check of §4.5 needs all of them.
    AccountTree tree;
    const Account a = acct(1), b = acct(2);
    tree.append(a);
    tree.append(b);
    tree.append(a);
    tree.append(a);
    EXPECT_EQ(tree.index_of(a.address), 0u);
    EXPECT_EQ(tree.indices_of(a.address), (std::vector<std::uint32_t>{0, 2, 3}));
    EXPECT_EQ(tree.indices_of(b.address), (std::vector<std::uint32_t>{1}));
    EXPECT_TRUE(tree.indices_of(acct(3).address).empty());
    // A copy keeps them; an address change (never done by the protocol) moves the index.
    AccountTree copy = tree;
    ASSERT_TRUE(copy.set_account(0, b));
    EXPECT_EQ(copy.index_of(a.address), 2u);
    EXPECT_EQ(copy.indices_of(a.address), (std::vector<std::uint32_t>{2, 3}));
    EXPECT_EQ(copy.indices_of(b.address), (std::vector<std::uint32_t>{0, 1}));
    ASSERT_TRUE(copy.set_account(3, b));
    ASSERT_TRUE(copy.set_account(2, b));
    EXPECT_FALSE(copy.index_of(a.address));
    EXPECT_EQ(copy.indices_of(b.address), (std::vector<std::uint32_t>{0, 1, 2, 3}));
    EXPECT_EQ(tree.indices_of(a.address), (std::vector<std::uint32_t>{0, 2, 3}));
}

TEST(BatchMerkle, PadsToPowerOfTwo) {
    std::vector<Hash> leaves;
    for (int i = 0; i < 5; ++i) leaves.push_back(keccak256(Bytes{static_cast<std::uint8_t>(i)}));
    EXPECT_TRUE(merkle_root({}).is_zero());
    EXPECT_EQ(merkle_root(std::span(leaves).subspan(0, 1)), leaves[0]);
    const Hash h01 = hash_pair(leaves[0], leaves[1]), h23 = hash_pair(leaves[2], leaves[3]);
    const Hash h4 = hash_pair(hash_pair(leaves[4], Hash{}), hash_pair(Hash{}, Hash{}));
    const Hash root = hash_pair(hash_pair(h01, h23), h4);
    EXPECT_EQ(merkle_root(leaves), root);
    for (std::size_t i = 0; i < leaves.size(); ++i) {
        const auto proof = merkle_proof(leaves, i);
        EXPECT_EQ(proof.size(), 3u);
        EXPECT_EQ(merkle_root_from_proof(leaves[i], i, proof), root);
    }
}

}  // namespace
}  // namespace sluice::rollup
