// SPDX-License-Identifier: MIT
#include "core/eth/transaction.hpp"

#include "core/crypto/keccak.hpp"
#include "core/eth/rlp.hpp"

namespace sluice {
namespace {

// secp256k1 group order n and n/2: EIP-2 requires s <= n/2 so that a signature cannot be
// re-shaped into a second valid one (which would change the transaction hash).
const U256& curve_order() {
    static const U256 n = *u256_from_hex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    return n;
}

Bytes encode_to(const std::optional<Address>& to) { return to ? rlp_encode_bytes(*to) : rlp_encode_bytes({}); }

Bytes encode_access_list(const std::vector<AccessListEntry>& list) {
    std::vector<Bytes> entries;
    entries.reserve(list.size());
    for (const AccessListEntry& e : list) {
        std::vector<Bytes> keys;
        keys.reserve(e.storage_keys.size());
        for (const Hash& k : e.storage_keys) keys.push_back(rlp_encode_bytes(k));
        entries.push_back(rlp_encode_list({rlp_encode_bytes(e.address), rlp_encode_list(keys)}));
    }
    return rlp_encode_list(entries);
}

// The fields every transaction type signs, in the type's order, without the signature.
std::vector<Bytes> unsigned_fields(const Transaction& tx) {
    std::vector<Bytes> f;
    switch (tx.type) {
    case TxType::legacy:
        f = {rlp_encode_uint(tx.nonce), rlp_encode_uint(tx.gas_price), rlp_encode_uint(tx.gas_limit),
             encode_to(tx.to),          rlp_encode_uint(tx.value),     rlp_encode_bytes(tx.data)};
        break;
    case TxType::access_list:
        f = {rlp_encode_uint(tx.chain_id),
             rlp_encode_uint(tx.nonce),
             rlp_encode_uint(tx.gas_price),
             rlp_encode_uint(tx.gas_limit),
             encode_to(tx.to),
             rlp_encode_uint(tx.value),
             rlp_encode_bytes(tx.data),
             encode_access_list(tx.access_list)};
        break;
    case TxType::eip1559:
        f = {rlp_encode_uint(tx.chain_id),
             rlp_encode_uint(tx.nonce),
             rlp_encode_uint(tx.max_priority_fee_per_gas),
             rlp_encode_uint(tx.max_fee_per_gas),
             rlp_encode_uint(tx.gas_limit),
             encode_to(tx.to),
             rlp_encode_uint(tx.value),
             rlp_encode_bytes(tx.data),
             encode_access_list(tx.access_list)};
        break;
    }
    return f;
}

Bytes with_type(TxType type, const Bytes& rlp) {
    if (type == TxType::legacy) return rlp;
    Bytes out;
    out.reserve(rlp.size() + 1);
    out.push_back(static_cast<std::uint8_t>(type));
    append(out, rlp);
    return out;
}

Result<std::uint64_t> to_u64(const RlpItem& item, const char* what) {
    auto v = rlp_to_uint(item, what, 8);
    if (!v) return v.error();
    return static_cast<std::uint64_t>(*v);
}

Result<std::optional<Address>> decode_to(const RlpItem& item) {
    if (item.is_list) return make_error("recipient (to) must be a byte string, not a list");
    if (item.bytes.empty()) return std::optional<Address>{};
    if (item.bytes.size() != 20)
        return make_error("recipient (to) must be 20 bytes or empty, got " + std::to_string(item.bytes.size()));
    return std::optional<Address>(*Address::from_view(item.bytes));
}

Result<std::vector<AccessListEntry>> decode_access_list(const RlpItem& item) {
    if (!item.is_list) return make_error("access list must be a list");
    std::vector<AccessListEntry> out;
    for (const RlpItem& e : item.items) {
        if (!e.is_list || e.items.size() != 2 || e.items[0].is_list || !e.items[1].is_list)
            return make_error("access list entry must be [address, [storage keys]]");
        if (e.items[0].bytes.size() != 20)
            return make_error("access list address must be 20 bytes, got " + std::to_string(e.items[0].bytes.size()));
        AccessListEntry entry;
        entry.address = *Address::from_view(e.items[0].bytes);
        for (const RlpItem& k : e.items[1].items) {
            if (k.is_list || k.bytes.size() != 32) return make_error("access list storage key must be 32 bytes");
            entry.storage_keys.push_back(*Hash::from_view(k.bytes));
        }
        out.push_back(std::move(entry));
    }
    return out;
}

Status check_rs(const U256& r, const U256& s) {
    if (r == 0 || r >= curve_order()) return make_error("signature r is outside [1, n-1]");
    if (s == 0 || s >= curve_order()) return make_error("signature s is outside [1, n-1]");
    if (s > curve_order() / 2) return make_error("signature s is above n/2 (EIP-2 requires low s)");
    return {};
}

#define SLUICE_TRY_ASSIGN(lhs, expr)                  \
    do {                                              \
        auto sluice_tmp_ = (expr);                    \
        if (!sluice_tmp_) return sluice_tmp_.error(); \
        lhs = std::move(*sluice_tmp_);                \
    } while (0)

Result<SignedTransaction> decode_legacy(const RlpItem& root) {
    if (root.items.size() != 9)
        return make_error("legacy transaction must have 9 fields, got " + std::to_string(root.items.size()));
    const auto& f = root.items;
    SignedTransaction st;
    Transaction& tx = st.tx;
    tx.type = TxType::legacy;
    SLUICE_TRY_ASSIGN(tx.nonce, to_u64(f[0], "nonce"));
    SLUICE_TRY_ASSIGN(tx.gas_price, rlp_to_uint(f[1], "gas price"));
    SLUICE_TRY_ASSIGN(tx.gas_limit, to_u64(f[2], "gas limit"));
    SLUICE_TRY_ASSIGN(tx.to, decode_to(f[3]));
    SLUICE_TRY_ASSIGN(tx.value, rlp_to_uint(f[4], "value"));
    if (f[5].is_list) return make_error("data must be a byte string, not a list");
    tx.data = f[5].bytes;
    U256 v, r, s;
    SLUICE_TRY_ASSIGN(v, rlp_to_uint(f[6], "signature v"));
    SLUICE_TRY_ASSIGN(r, rlp_to_uint(f[7], "signature r"));
    SLUICE_TRY_ASSIGN(s, rlp_to_uint(f[8], "signature s"));
    if (v == 27 || v == 28) {
        tx.chain_id = 0;
        st.signature.recovery_id = static_cast<std::uint8_t>(v - 27);
    } else if (v >= 37) {
        tx.chain_id = (v - 35) / 2;
        st.signature.recovery_id = static_cast<std::uint8_t>((v - 35) % 2);
    } else if (v == 35 || v == 36) {
        return make_error("signature v = " + u256_to_dec(v) + " means chain id 0, which is not a valid chain id");
    } else {
        return make_error("signature v = " + u256_to_dec(v) +
                          " is invalid: expected 27, 28 or 35 + 2 * chain id + 0/1");
    }
    if (auto ok = check_rs(r, s); !ok) return ok.error();
    st.signature.r = u256_to_be32(r);
    st.signature.s = u256_to_be32(s);
    return st;
}

Result<SignedTransaction> decode_typed(TxType type, const RlpItem& root) {
    const std::size_t expected = type == TxType::eip1559 ? 12 : 11;
    if (!root.is_list) return make_error("typed transaction payload must be an RLP list");
    if (root.items.size() != expected)
        return make_error("type " + std::to_string(static_cast<int>(type)) + " transaction must have " +
                          std::to_string(expected) + " fields, got " + std::to_string(root.items.size()));
    const auto& f = root.items;
    SignedTransaction st;
    Transaction& tx = st.tx;
    tx.type = type;
    std::size_t i = 0;
    SLUICE_TRY_ASSIGN(tx.chain_id, rlp_to_uint(f[i++], "chain id"));
    SLUICE_TRY_ASSIGN(tx.nonce, to_u64(f[i++], "nonce"));
    if (type == TxType::eip1559) {
        SLUICE_TRY_ASSIGN(tx.max_priority_fee_per_gas, rlp_to_uint(f[i++], "max priority fee per gas"));
        SLUICE_TRY_ASSIGN(tx.max_fee_per_gas, rlp_to_uint(f[i++], "max fee per gas"));
    } else {
        SLUICE_TRY_ASSIGN(tx.gas_price, rlp_to_uint(f[i++], "gas price"));
    }
    SLUICE_TRY_ASSIGN(tx.gas_limit, to_u64(f[i++], "gas limit"));
    SLUICE_TRY_ASSIGN(tx.to, decode_to(f[i++]));
    SLUICE_TRY_ASSIGN(tx.value, rlp_to_uint(f[i++], "value"));
    if (f[i].is_list) return make_error("data must be a byte string, not a list");
    tx.data = f[i++].bytes;
    SLUICE_TRY_ASSIGN(tx.access_list, decode_access_list(f[i++]));
    U256 y, r, s;
    SLUICE_TRY_ASSIGN(y, rlp_to_uint(f[i++], "signature y parity"));
    SLUICE_TRY_ASSIGN(r, rlp_to_uint(f[i++], "signature r"));
    SLUICE_TRY_ASSIGN(s, rlp_to_uint(f[i++], "signature s"));
    if (y > 1) return make_error("signature y parity must be 0 or 1, got " + u256_to_dec(y));
    if (auto ok = check_rs(r, s); !ok) return ok.error();
    st.signature.recovery_id = static_cast<std::uint8_t>(y);
    st.signature.r = u256_to_be32(r);
    st.signature.s = u256_to_be32(s);
    return st;
}

#undef SLUICE_TRY_ASSIGN

}  // namespace

U256 SignedTransaction::v() const {
    if (tx.type != TxType::legacy) return signature.recovery_id;
    if (tx.chain_id == 0) return U256(27 + signature.recovery_id);
    return tx.chain_id * 2 + 35 + signature.recovery_id;
}

Bytes signing_payload(const Transaction& tx) {
    std::vector<Bytes> f = unsigned_fields(tx);
    if (tx.type == TxType::legacy && tx.chain_id != 0) {
        // EIP-155: the chain id and two empty fields stand in for v, r, s.
        f.push_back(rlp_encode_uint(tx.chain_id));
        f.push_back(rlp_encode_uint(0));
        f.push_back(rlp_encode_uint(0));
    }
    return with_type(tx.type, rlp_encode_list(f));
}

Hash signing_hash(const Transaction& tx) { return keccak256(signing_payload(tx)); }

SignedTransaction sign_transaction(const Transaction& tx, const PrivateKey& key) {
    return SignedTransaction{tx, sign_hash(signing_hash(tx), key)};
}

Bytes encode_signed(const SignedTransaction& st) {
    std::vector<Bytes> f = unsigned_fields(st.tx);
    f.push_back(rlp_encode_uint(st.v()));
    f.push_back(rlp_encode_uint(*u256_from_be(st.signature.r)));
    f.push_back(rlp_encode_uint(*u256_from_be(st.signature.s)));
    return with_type(st.tx.type, rlp_encode_list(f));
}

Result<SignedTransaction> decode_signed_transaction(ByteView raw) {
    if (raw.empty()) return make_error("transaction is empty");
    const std::uint8_t first = raw[0];
    if (first >= 0xc0) {
        auto root = rlp_decode(raw);
        if (!root) return make_error("transaction RLP is malformed: " + root.message());
        return decode_legacy(*root);
    }
    if (first == 0x01 || first == 0x02) {
        auto root = rlp_decode(raw.subspan(1));
        if (!root) return make_error("transaction RLP is malformed: " + root.message());
        return decode_typed(static_cast<TxType>(first), *root);
    }
    if (first <= 0x7f)
        return make_error("transaction type " + std::to_string(first) + " is not supported (only legacy, 1 and 2)");
    return make_error("transaction must be an RLP list or a typed envelope, not an RLP string");
}

Hash transaction_hash(const SignedTransaction& st) { return keccak256(encode_signed(st)); }

Result<Address> recover_sender(const SignedTransaction& st) {
    auto key = recover_public_key(signing_hash(st.tx), st.signature);
    if (!key) return make_error("cannot recover the sender: " + key.message());
    return key->address();
}

std::uint64_t intrinsic_gas(const Transaction& tx) {
    std::uint64_t gas = tx.to ? 21000 : 53000;
    for (std::uint8_t b : tx.data) gas += b == 0 ? 4 : 16;
    if (!tx.to) gas += 2 * ((tx.data.size() + 31) / 32);  // EIP-3860 initcode words
    for (const AccessListEntry& e : tx.access_list) gas += 2400 + 1900 * e.storage_keys.size();
    return gas;
}

Status validate_intrinsic(const Transaction& tx) {
    constexpr std::size_t max_initcode = 2 * 24576;
    if (!tx.to && tx.data.size() > max_initcode)
        return make_error("contract creation code is " + std::to_string(tx.data.size()) +
                          " bytes; the limit is 49152 (EIP-3860)");
    if (tx.nonce == UINT64_MAX) return make_error("nonce 2^64-1 is not allowed (EIP-2681)");
    const U256& fee = tx.type == TxType::eip1559 ? tx.max_fee_per_gas : tx.gas_price;
    if (tx.type == TxType::eip1559 && tx.max_priority_fee_per_gas > tx.max_fee_per_gas)
        return make_error("max priority fee per gas is above max fee per gas");
    if (!checked_mul(fee, U256(tx.gas_limit))) return make_error("gas limit times fee per gas overflows 256 bits");
    const std::uint64_t needed = intrinsic_gas(tx);
    if (tx.gas_limit < needed)
        return make_error("gas limit " + std::to_string(tx.gas_limit) + " is below the intrinsic gas " +
                          std::to_string(needed));
    return {};
}

}  // namespace sluice
