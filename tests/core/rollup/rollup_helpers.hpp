// SPDX-License-Identifier: MIT
#pragma once
// Fixed test keys and signed-record builders shared by the rollup tests.

#include <string>
#include <vector>

#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/account_tree.hpp"
#include "core/rollup/records.hpp"

namespace sluice::rollup::test {

inline PrivateKey test_key(int i) {
    std::string hex = "0x";
    for (int k = 0; k < 62; ++k) hex += '0';
    const char digits[] = "0123456789abcdef";
    hex += digits[(i + 1) / 16];
    hex += digits[(i + 1) % 16];
    return *PrivateKey::from_hex(hex);
}

inline Address address_of(const PrivateKey& key) { return public_key_of(key).address(); }

inline const U256 kGwei = 1'000'000'000;
inline const U256 kEther = U256(1'000'000'000'000'000'000ull);

struct TxSpec {
    bool eip1559 = true;
    std::uint64_t nonce = 0;
    U256 value = 0;
    U256 gas_price = 2 * 1'000'000'000ull;  // legacy
    U256 priority = 0;
    U256 max_fee = 2 * 1'000'000'000ull;
    std::uint64_t gas_limit = 21000;
    U256 chain_id = 31338;
};

inline SignedTransaction sign_tx(const PrivateKey& key, const Address& to, const TxSpec& s) {
    Transaction tx;
    tx.type = s.eip1559 ? TxType::eip1559 : TxType::legacy;
    tx.chain_id = s.chain_id;
    tx.nonce = s.nonce;
    tx.gas_price = s.eip1559 ? U256(0) : s.gas_price;
    tx.max_priority_fee_per_gas = s.eip1559 ? s.priority : U256(0);
    tx.max_fee_per_gas = s.eip1559 ? s.max_fee : U256(0);
    tx.gas_limit = s.gas_limit;
    tx.to = to;
    tx.value = s.value;
    return sign_transaction(tx, key);
}

// A signed record from account `from` (owned by `key`) to `to`, as the sequencer makes it.
inline Record signed_record(const AccountTree& tree, const PrivateKey& key, std::uint32_t from, const Address& to,
                            const TxSpec& s) {
    const auto st = sign_tx(key, to, s);
    auto r = record_from_transaction(st, from, address_of(key), tree.index_of(to), Params{});
    return *r;
}

// The tuple a wallet queues on L1 for the transaction `key` signs (§4.5).
inline ForcedTransaction forced_tx(const PrivateKey& key, const Address& to, const TxSpec& s) {
    return *forced_from_transaction(sign_tx(key, to, s), Params{});
}

// The applied record of a forced transaction signed by `key` from account `from`, as the
// sequencer writes it against `tree` (kind 0 if `to` has an account there).
inline Record applied_forced(const AccountTree& tree, const PrivateKey& key, std::uint32_t from, const Address& to,
                             const TxSpec& s, std::uint64_t ts = 2000) {
    return *applied_forced_record(forced_tx(key, to, s), ts, from, address_of(key), tree.index_of(to), Params{});
}

inline Record deposit_record(const AccountTree& tree, const Address& to, const U256& amount, std::uint64_t ts = 1000) {
    Record r;
    r.kind = RecordKind::deposit;
    r.address = to;
    r.value = amount;
    r.timestamp = ts;
    if (auto idx = tree.index_of(to)) {
        r.to = *idx;
    } else {
        r.new_account = true;
    }
    return r;
}

}  // namespace sluice::rollup::test
