// SPDX-License-Identifier: MIT
#pragma once
// The L2 state (docs/PROTOCOL.md §2): accounts at dense indices 0..count-1 in a sparse Merkle tree
// of depth 32. Indices are dense, so the non-empty nodes of level l are exactly the first
// ceil(count / 2^l); they are kept in one vector per level (no empty node is stored), which makes
// a copy of the tree a handful of memcpys: copy it to snapshot, assign the copy back to roll back.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/common/bytes.hpp"
#include "core/common/result.hpp"
#include "core/common/uint256.hpp"
#include "core/rollup/params.hpp"

namespace sluice::rollup {

struct Account {
    Address address;
    U256 balance = 0;
    std::uint64_t nonce = 0;
    friend bool operator==(const Account&, const Account&) = default;
};

// address[20] ‖ balance[32] ‖ nonce[8], the leaf preimage and the witness account encoding (§6).
std::array<std::uint8_t, 60> encode_account(const Account& account);
// keccak(encode_account(account)); an unused index has the zero leaf instead.
Hash account_leaf(const Account& account);
// keccak(treeRoot[32] ‖ count[4])
Hash state_root_of(const Hash& tree_root, std::uint32_t count);

// Siblings from level 0 (the leaf's neighbour) up to level 31.
struct AccountProof {
    std::array<Hash, kTreeDepth> siblings{};
    friend bool operator==(const AccountProof&, const AccountProof&) = default;
};

Hash root_from_account_proof(std::uint32_t index, const Hash& leaf, const AccountProof& proof);
bool verify_account_proof(const Hash& root, std::uint32_t index, const Hash& leaf, const AccountProof& proof);

// §6: a 4-byte big-endian bitmap (bit l set = the level-l sibling is not Z[l]) and the set
// siblings from level 0 up.
Bytes compress_proof(const AccountProof& proof);
// Reads one compressed proof at `offset` and advances it. Accepts a set bit whose sibling happens
// to equal Z[l] (the root it gives is the same); refuses data that ends early.
Result<AccountProof> decompress_proof(ByteView data, std::size_t& offset);

struct AddressHasher {
    std::size_t operator()(const Address& a) const noexcept;
};

class AccountTree {
public:
    // No accounts at all (count 0); the protocol's genesis is `genesis()`.
    AccountTree();
    // One account: index 0, the fee account of `fee_recipient`, balance 0.
    static AccountTree genesis(const Address& fee_recipient);

    std::uint32_t count() const { return static_cast<std::uint32_t>(m_accounts.size()); }
    // Precondition: index < count().
    const Account& account(std::uint32_t index) const { return m_accounts[index]; }
    const Account* find(std::uint32_t index) const { return index < count() ? &m_accounts[index] : nullptr; }
    // The lowest index owned by `address` (an honest sequencer never creates a second one).
    std::optional<std::uint32_t> index_of(const Address& address) const;
    // Every index owned by `address`, ascending. A valid new-account transfer may create a second
    // account for a known address (§2), and a skip is wrong if the transaction is valid for any
    // of them (§4.5).
    std::vector<std::uint32_t> indices_of(const Address& address) const;

    Hash root() const { return node(kTreeDepth, 0); }
    Hash state_root() const { return state_root_of(root(), count()); }
    Hash leaf(std::uint32_t index) const { return node(0, index); }
    // The proof of any index, including count() (the empty leaf a new account will fill).
    AccountProof proof(std::uint32_t index) const;

    // Replaces account `index` (< count) or appends it (== count); refuses anything else, and an
    // append beyond 2^32 - 1 accounts (count is 4 bytes). 32 hashes.
    Status set_account(std::uint32_t index, const Account& account);
    std::uint32_t append(const Account& account);  // precondition: count() < 2^32 - 1
    // Several updates/appends in index order of application with their common path hashed once:
    // what the STF does at the end of a chunk. Same preconditions as set_account, applied in order.
    Status set_accounts(std::span<const std::pair<std::uint32_t, Account>> updates);

private:
    Hash node(unsigned level, std::uint64_t index) const;
    void grow_to(std::uint64_t count);
    void rehash(std::vector<std::uint64_t> dirty);  // leaf indices, in any order

    std::vector<Account> m_accounts;
    std::array<std::vector<Hash>, kTreeDepth + 1> m_levels;  // m_levels[l][k], k < ceil(count/2^l)
    void index_add(const Address& address, std::uint32_t index);
    void index_remove(const Address& address, std::uint32_t index);

    std::unordered_map<Address, std::uint32_t, AddressHasher> m_index;  // the lowest index per address
    // The further indices of addresses owning more than one, ascending. Rare: an honest sequencer
    // makes none, so this map is almost always empty and costs nothing to copy.
    std::unordered_map<Address, std::vector<std::uint32_t>, AddressHasher> m_more;
};

}  // namespace sluice::rollup
