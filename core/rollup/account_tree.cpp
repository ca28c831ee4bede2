// SPDX-License-Identifier: MIT
#include "core/rollup/account_tree.hpp"

#include <algorithm>
#include <cstring>

#include "core/crypto/keccak.hpp"
#include "core/rollup/merkle.hpp"

namespace sluice::rollup {

std::array<std::uint8_t, 60> encode_account(const Account& account) {
    std::array<std::uint8_t, 60> out{};
    std::memcpy(out.data(), account.address.data(), 20);
    const Hash balance = u256_to_be32(account.balance);
    std::memcpy(out.data() + 20, balance.data(), 32);
    for (int i = 0; i < 8; ++i) out[52 + i] = static_cast<std::uint8_t>(account.nonce >> (56 - 8 * i));
    return out;
}

Hash account_leaf(const Account& account) { return keccak256(encode_account(account)); }

Hash state_root_of(const Hash& tree_root, std::uint32_t count) {
    std::array<std::uint8_t, 36> buf{};
    std::memcpy(buf.data(), tree_root.data(), 32);
    for (int i = 0; i < 4; ++i) buf[32 + i] = static_cast<std::uint8_t>(count >> (24 - 8 * i));
    return keccak256(buf);
}

Hash root_from_account_proof(std::uint32_t index, const Hash& leaf, const AccountProof& proof) {
    Hash node = leaf;
    for (unsigned l = 0; l < kTreeDepth; ++l)
        node = ((index >> l) & 1) ? hash_pair(proof.siblings[l], node) : hash_pair(node, proof.siblings[l]);
    return node;
}

bool verify_account_proof(const Hash& root, std::uint32_t index, const Hash& leaf, const AccountProof& proof) {
    return root_from_account_proof(index, leaf, proof) == root;
}

Bytes compress_proof(const AccountProof& proof) {
    const auto& z = zero_hashes();
    std::uint32_t bitmap = 0;
    Bytes out(4);
    for (unsigned l = 0; l < kTreeDepth; ++l) {
        if (proof.siblings[l] == z[l]) continue;
        bitmap |= std::uint32_t{1} << l;
        append(out, proof.siblings[l]);
    }
    for (int i = 0; i < 4; ++i) out[i] = static_cast<std::uint8_t>(bitmap >> (24 - 8 * i));
    return out;
}

Result<AccountProof> decompress_proof(ByteView data, std::size_t& offset) {
    if (data.size() < offset || data.size() - offset < 4)
        return make_error("compressed proof: the 4-byte bitmap is cut off at byte " + std::to_string(offset));
    std::uint32_t bitmap = 0;
    for (int i = 0; i < 4; ++i) bitmap = (bitmap << 8) | data[offset + i];
    std::size_t pos = offset + 4;
    AccountProof proof;
    const auto& z = zero_hashes();
    for (unsigned l = 0; l < kTreeDepth; ++l) {
        if (((bitmap >> l) & 1) == 0) {
            proof.siblings[l] = z[l];
            continue;
        }
        if (data.size() - pos < 32)
            return make_error("compressed proof: sibling of level " + std::to_string(l) + " is cut off");
        std::memcpy(proof.siblings[l].data(), data.data() + pos, 32);
        pos += 32;
    }
    offset = pos;
    return proof;
}

std::size_t AddressHasher::operator()(const Address& a) const noexcept {
    std::size_t h = 0;
    std::memcpy(&h, a.data() + 12, sizeof h);  // addresses are hash outputs: any 8 bytes are uniform
    return h;
}

AccountTree::AccountTree() = default;

AccountTree AccountTree::genesis(const Address& fee_recipient) {
    AccountTree tree;
    tree.append(Account{fee_recipient, 0, 0});
    return tree;
}

std::optional<std::uint32_t> AccountTree::index_of(const Address& address) const {
    auto it = m_index.find(address);
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

std::vector<std::uint32_t> AccountTree::indices_of(const Address& address) const {
    std::vector<std::uint32_t> out;
    auto it = m_index.find(address);
    if (it == m_index.end()) return out;
    out.push_back(it->second);
    if (auto more = m_more.find(address); more != m_more.end())
        out.insert(out.end(), more->second.begin(), more->second.end());
    return out;
}

void AccountTree::index_add(const Address& address, std::uint32_t index) {
    auto [it, inserted] = m_index.try_emplace(address, index);
    if (inserted) return;
    std::vector<std::uint32_t>& more = m_more[address];
    if (index < it->second) std::swap(index, it->second);  // the new index is the lowest
    more.insert(std::lower_bound(more.begin(), more.end(), index), index);
}

void AccountTree::index_remove(const Address& address, std::uint32_t index) {
    auto it = m_index.find(address);
    if (it == m_index.end()) return;
    auto more = m_more.find(address);
    if (it->second == index) {
        if (more == m_more.end()) {
            m_index.erase(it);
            return;
        }
        it->second = more->second.front();
        more->second.erase(more->second.begin());
    } else if (more != m_more.end()) {
        std::erase(more->second, index);
    }
    if (more != m_more.end() && more->second.empty()) m_more.erase(more);
}

Hash AccountTree::node(unsigned level, std::uint64_t index) const {
    const auto& nodes = m_levels[level];
    return index < nodes.size() ? nodes[index] : zero_hashes()[level];
}

AccountProof AccountTree::proof(std::uint32_t index) const {
    AccountProof p;
    for (unsigned l = 0; l < kTreeDepth; ++l) p.siblings[l] = node(l, (std::uint64_t{index} >> l) ^ 1);
    return p;
}

void AccountTree::grow_to(std::uint64_t count) {
    for (unsigned l = 0; l <= kTreeDepth; ++l) {
        const std::uint64_t width = (count + (std::uint64_t{1} << l) - 1) >> l;
        if (m_levels[l].size() < width) m_levels[l].resize(width, zero_hashes()[l]);
    }
}

void AccountTree::rehash(std::vector<std::uint64_t> dirty) {
    std::sort(dirty.begin(), dirty.end());
    dirty.erase(std::unique(dirty.begin(), dirty.end()), dirty.end());
    for (unsigned l = 0; l < kTreeDepth; ++l) {
        std::size_t out = 0;
        for (std::size_t i = 0; i < dirty.size(); ++i) {
            const std::uint64_t parent = dirty[i] >> 1;
            if (out > 0 && dirty[out - 1] == parent) continue;
            m_levels[l + 1][parent] = hash_pair(node(l, parent << 1), node(l, (parent << 1) | 1));
            dirty[out++] = parent;
        }
        dirty.resize(out);
    }
}

Status AccountTree::set_account(std::uint32_t index, const Account& account) {
    const std::pair<std::uint32_t, Account> one{index, account};
    return set_accounts(std::span(&one, 1));
}

std::uint32_t AccountTree::append(const Account& account) {
    const std::uint32_t index = count();
    (void)set_account(index, account);
    return index;
}

Status AccountTree::set_accounts(std::span<const std::pair<std::uint32_t, Account>> updates) {
    std::vector<std::uint64_t> dirty;
    dirty.reserve(updates.size());
    Status status;
    for (const auto& [index, account] : updates) {
        if (index > count()) {
            status = make_error("account index " + std::to_string(index) + " is beyond the next free index " +
                                std::to_string(count()));
            break;
        }
        if (index == count()) {
            if (count() == UINT32_MAX) {
                status = make_error("the account tree is full: count is a 4-byte number");
                break;
            }
            m_accounts.push_back(account);
            grow_to(m_accounts.size());
            index_add(account.address, index);
        } else {
            Account& slot = m_accounts[index];
            if (slot.address != account.address) {
                // An index's address never changes in the protocol; keep the maps right anyway.
                index_remove(slot.address, index);
                index_add(account.address, index);
            }
            slot = account;
        }
        m_levels[0][index] = account_leaf(account);
        dirty.push_back(index);
    }
    rehash(std::move(dirty));
    return status;
}

}  // namespace sluice::rollup
