// SPDX-License-Identifier: MIT
#include "core/rollup/records.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "core/crypto/keccak.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/rlp.hpp"

namespace sluice::rollup {
namespace {

constexpr std::uint8_t kBitEip1559 = 1 << 2;
constexpr std::uint8_t kBitParity = 1 << 3;
constexpr std::uint8_t kBit4 = 1 << 4;
constexpr std::uint8_t kBitForced = 1 << 5;
constexpr std::uint8_t kBitSkipped = 1 << 6;
constexpr std::uint8_t kBit7 = 1 << 7;

const std::array<U256, 78>& powers_of_ten() {
    static const std::array<U256, 78> p = [] {
        std::array<U256, 78> out{};
        out[0] = 1;
        for (std::size_t i = 1; i < out.size(); ++i) out[i] = out[i - 1] * 10;
        return out;
    }();
    return p;
}

Error at(std::size_t offset, const std::string& message) {
    return make_error("malformed record data at byte " + std::to_string(offset) + ": " + message);
}

Status need(ByteView data, std::size_t offset, std::size_t n, const char* what) {
    if (offset > data.size() || data.size() - offset < n)
        return at(offset, std::string(what) + " runs past the end of the data (needs " + std::to_string(n) +
                              " bytes, " + std::to_string(offset > data.size() ? 0 : data.size() - offset) + " left)");
    return {};
}

void put_u32(Bytes& out, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

std::uint64_t get_be(ByteView data, std::size_t offset, int n) {
    std::uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | data[offset + i];
    return v;
}

void put_u64(Bytes& out, std::uint64_t v) {
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void put_fees(Bytes& out, const Record& r) {
    if (r.eip1559) {
        encode_amount(out, r.max_priority_fee_per_gas);
        encode_amount(out, r.max_fee_per_gas);
    } else {
        encode_amount(out, r.gas_price);
    }
}

// The recipient address a signed record's signature covers, given the caller's `to` (which only
// an unforced kind 0 record needs: it names an account index, not an address).
const Address& signed_to(const Record& r, const Address& to) {
    return r.forced && r.kind == RecordKind::transfer ? r.address : to;
}

// What an L2 transaction must be (§3), for the sequencer's records and the wallet's forced tuples.
Status l2_carries(const SignedTransaction& st, const Params& params) {
    const Transaction& tx = st.tx;
    if (tx.type == TxType::access_list) return make_error("EIP-2930 (type 1) transactions are not accepted on L2");
    if (tx.chain_id != params.chain_id)
        return make_error("wrong chain id " + u256_to_dec(tx.chain_id) + ": this L2 is chain " +
                          u256_to_dec(params.chain_id));
    if (!tx.to) return make_error("contract creation is not possible on L2: the transaction needs a recipient");
    if (!tx.data.empty()) return make_error("L2 transactions carry no data: only plain value transfers");
    if (!tx.access_list.empty()) return make_error("L2 transactions must have an empty access list");
    if (st.signature.recovery_id > 1) return make_error("signature y parity must be 0 or 1");
    return {};
}

// The kind and recipient fields of a signed record for a transaction to `to` (§3): a withdrawal
// to `sender` for WITHDRAWAL_ADDRESS, else a transfer to the account `to_index` (kind 0) or to a
// new account (kind 1). A forced kind 0 record also carries toAddress (§4.1).
void set_recipient(Record& r, const Address& to, const Address& sender, std::optional<std::uint32_t> to_index) {
    if (to == withdrawal_address()) {
        r.kind = RecordKind::withdrawal;
        r.address = sender;
    } else if (to_index) {
        r.kind = RecordKind::transfer;
        r.to = *to_index;
        if (r.forced) r.address = to;
    } else {
        r.kind = RecordKind::new_account_transfer;
        r.address = to;
    }
}

// The signed fields of a forced tuple as a record's (kind and recipient are the caller's).
Record signed_fields(const ForcedTransaction& tx) {
    Record r;
    r.eip1559 = tx.eip1559;
    r.y_parity = tx.y_parity;
    r.nonce = tx.nonce;
    r.value = tx.value;
    r.gas_price = tx.gas_price;
    r.max_priority_fee_per_gas = tx.max_priority_fee_per_gas;
    r.max_fee_per_gas = tx.max_fee_per_gas;
    if (tx.gas_limit != U256(kTransferGas)) r.gas_limit = tx.gas_limit;
    r.r = tx.r;
    r.s = tx.s;
    return r;
}

Status check_representable(const ForcedTransaction& tx) {
    if (forced_representable(tx)) return {};
    return make_error(
        "not a forced transaction the Rollup accepts: y parity above 1, or a fee field its type does not use is set");
}

}  // namespace

Address withdrawal_address() {
    Address a;
    a[17] = 0x51;
    a[18] = 0x11;
    a[19] = 0xce;
    return a;
}

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
    case Verdict::None: return "None";
    case Verdict::WrongStateRoot: return "WrongStateRoot";
    case Verdict::UnknownAccount: return "UnknownAccount";
    case Verdict::BadNonce: return "BadNonce";
    case Verdict::BadSignature: return "BadSignature";
    case Verdict::BadFee: return "BadFee";
    case Verdict::Overdraft: return "Overdraft";
    case Verdict::Overflow: return "Overflow";
    case Verdict::BadWithdrawal: return "BadWithdrawal";
    case Verdict::WrongSkip: return "WrongSkip";
    }
    return "?";
}

void encode_uvar(Bytes& out, const U256& value) {
    const Bytes minimal = u256_to_be_minimal(value);
    out.push_back(static_cast<std::uint8_t>(minimal.size()));
    append(out, minimal);
}

void encode_amount(Bytes& out, const U256& value) {
    std::uint8_t e = 0;
    U256 m = value;
    if (m != 0) {
        while (m % 10 == 0) {
            m /= 10;
            ++e;
        }
    }
    out.push_back(e);
    encode_uvar(out, m);
}

Result<U256> decode_uvar(ByteView data, std::size_t& offset, const char* what) {
    if (auto s = need(data, offset, 1, what); !s) return s.error();
    const std::size_t len = data[offset];
    if (len > 32) return at(offset, std::string(what) + " has length " + std::to_string(len) + " (at most 32)");
    if (auto s = need(data, offset + 1, len, what); !s) return s.error();
    if (len > 0 && data[offset + 1] == 0) return at(offset, std::string(what) + " is not canonical: leading zero byte");
    auto v = u256_from_be(data.subspan(offset + 1, len));
    offset += 1 + len;
    return *v;
}

Result<U256> decode_amount(ByteView data, std::size_t& offset, const char* what) {
    const std::size_t start = offset;
    if (auto s = need(data, offset, 1, what); !s) return s.error();
    const std::uint8_t e = data[offset];
    if (e > 77) return at(start, std::string(what) + " has exponent " + std::to_string(e) + " (at most 77)");
    std::size_t pos = offset + 1;
    auto m = decode_uvar(data, pos, what);
    if (!m) return m.error();
    if (*m == 0 && e != 0) return at(start, std::string(what) + " is not canonical: zero must have exponent 0");
    if (*m != 0 && *m % 10 == 0)
        return at(start, std::string(what) + " is not canonical: the mantissa is divisible by 10");
    auto v = checked_mul(*m, powers_of_ten()[e]);
    if (!v) return at(start, std::string(what) + " is 2^256 or more");
    offset = pos;
    return *v;
}

void encode_record(Bytes& out, const Record& r) {
    std::uint8_t flag = static_cast<std::uint8_t>(r.kind);
    if (!r.is_signed()) {
        if (r.new_account) flag |= kBit4;
        out.push_back(flag);
        if (!r.new_account) put_u32(out, r.to);
        append(out, r.address);
        encode_amount(out, r.value);
        put_u64(out, r.timestamp);
        return;
    }
    if (r.eip1559) flag |= kBitEip1559;
    if (r.y_parity & 1) flag |= kBitParity;
    if (!r.gas_limit) flag |= kBit4;
    if (r.forced) flag |= kBitForced;
    if (r.skipped) flag |= kBitSkipped;
    out.push_back(flag);
    put_u32(out, r.from);
    if (r.kind == RecordKind::transfer) {
        put_u32(out, r.to);
        if (r.forced) append(out, r.address);  // the queue entry names the recipient's address
    } else {
        append(out, r.address);
    }
    encode_uvar(out, r.nonce);
    encode_amount(out, r.value);
    put_fees(out, r);
    if (r.gas_limit) encode_uvar(out, *r.gas_limit);
    append(out, r.r);
    append(out, r.s);
    if (r.forced) put_u64(out, r.timestamp);
}

Bytes encode_record(const Record& record) {
    Bytes out;
    encode_record(out, record);
    return out;
}

Bytes encode_records(const std::vector<Record>& records) {
    Bytes out;
    out.reserve(records.size() * 90);
    for (const Record& r : records) encode_record(out, r);
    return out;
}

Result<Record> decode_record(ByteView data, std::size_t& offset) {
    const std::size_t start = offset;
    if (auto s = need(data, offset, 1, "flag byte"); !s) return s.error();
    const std::uint8_t flag = data[offset];
    if (flag & kBit7) return at(start, "reserved flag bit 7 is not zero");
    Record r;
    r.kind = static_cast<RecordKind>(flag & 3);
    std::size_t pos = offset + 1;

    if (r.kind == RecordKind::deposit) {
        if (flag & (kBitEip1559 | kBitParity))
            return at(start, "a deposit has transaction-type or parity flag bits set");
        if (flag & (kBitForced | kBitSkipped)) return at(start, "a deposit has forced or skipped flag bits set");
        r.new_account = (flag & kBit4) != 0;
        if (!r.new_account) {
            if (auto s = need(data, pos, 4, "deposit recipient index"); !s) return s.error();
            r.to = static_cast<std::uint32_t>(get_be(data, pos, 4));
            pos += 4;
        }
        if (auto s = need(data, pos, 20, "deposit address"); !s) return s.error();
        std::memcpy(r.address.data(), data.data() + pos, 20);
        pos += 20;
        auto amount = decode_amount(data, pos, "deposit amount");
        if (!amount) return amount.error();
        r.value = *amount;
        if (auto s = need(data, pos, 8, "deposit timestamp"); !s) return s.error();
        r.timestamp = get_be(data, pos, 8);
        pos += 8;
        offset = pos;
        return r;
    }

    r.forced = (flag & kBitForced) != 0;
    r.skipped = (flag & kBitSkipped) != 0;
    if (r.skipped && !r.forced) return at(start, "the skipped flag bit 6 is set without the forced bit 5");
    r.eip1559 = (flag & kBitEip1559) != 0;
    r.y_parity = (flag & kBitParity) ? 1 : 0;
    const bool implicit_gas = (flag & kBit4) != 0;
    if (auto s = need(data, pos, 4, "sender index"); !s) return s.error();
    r.from = static_cast<std::uint32_t>(get_be(data, pos, 4));
    pos += 4;
    if (r.kind == RecordKind::transfer) {
        if (auto s = need(data, pos, 4, "recipient index"); !s) return s.error();
        r.to = static_cast<std::uint32_t>(get_be(data, pos, 4));
        pos += 4;
        if (r.forced) {
            if (auto s = need(data, pos, 20, "forced recipient address"); !s) return s.error();
            std::memcpy(r.address.data(), data.data() + pos, 20);
            pos += 20;
        }
    } else {
        const char* what = r.kind == RecordKind::withdrawal ? "L1 recipient" : "recipient address";
        if (auto s = need(data, pos, 20, what); !s) return s.error();
        std::memcpy(r.address.data(), data.data() + pos, 20);
        pos += 20;
    }
    auto nonce = decode_uvar(data, pos, "nonce");
    if (!nonce) return nonce.error();
    r.nonce = *nonce;
    auto value = decode_amount(data, pos, "value");
    if (!value) return value.error();
    r.value = *value;
    if (r.eip1559) {
        auto prio = decode_amount(data, pos, "maxPriorityFeePerGas");
        if (!prio) return prio.error();
        auto max = decode_amount(data, pos, "maxFeePerGas");
        if (!max) return max.error();
        r.max_priority_fee_per_gas = *prio;
        r.max_fee_per_gas = *max;
    } else {
        auto price = decode_amount(data, pos, "gasPrice");
        if (!price) return price.error();
        r.gas_price = *price;
    }
    if (!implicit_gas) {
        auto gas = decode_uvar(data, pos, "gasLimit");
        if (!gas) return gas.error();
        r.gas_limit = *gas;
    }
    if (auto s = need(data, pos, 64, "signature r, s"); !s) return s.error();
    std::memcpy(r.r.data(), data.data() + pos, 32);
    std::memcpy(r.s.data(), data.data() + pos + 32, 32);
    pos += 64;
    if (r.forced) {
        if (auto s = need(data, pos, 8, "forced transaction timestamp"); !s) return s.error();
        r.timestamp = get_be(data, pos, 8);
        pos += 8;
    }
    offset = pos;
    return r;
}

Result<std::vector<Record>> decode_records(ByteView data, std::vector<std::size_t>* offsets) {
    std::vector<Record> out;
    std::size_t pos = 0;
    while (pos < data.size()) {
        if (offsets) offsets->push_back(pos);
        auto r = decode_record(data, pos);
        if (!r) return make_error("record " + std::to_string(out.size()) + ": " + r.message());
        out.push_back(std::move(*r));
    }
    return out;
}

Bytes record_signing_payload(const Record& r, const Address& given_to, const Params& params) {
    const Address& to = signed_to(r, given_to);
    std::vector<Bytes> f;
    if (r.eip1559) {
        f = {rlp_encode_uint(params.chain_id),
             rlp_encode_uint(r.nonce),
             rlp_encode_uint(r.max_priority_fee_per_gas),
             rlp_encode_uint(r.max_fee_per_gas),
             rlp_encode_uint(r.effective_gas_limit()),
             rlp_encode_bytes(to),
             rlp_encode_uint(r.value),
             rlp_encode_bytes({}),
             rlp_encode_list({})};
        Bytes out{0x02};
        append(out, rlp_encode_list(f));
        return out;
    }
    f = {rlp_encode_uint(r.nonce),
         rlp_encode_uint(r.gas_price),
         rlp_encode_uint(r.effective_gas_limit()),
         rlp_encode_bytes(to),
         rlp_encode_uint(r.value),
         rlp_encode_bytes({}),
         rlp_encode_uint(params.chain_id),
         rlp_encode_uint(0),
         rlp_encode_uint(0)};
    return rlp_encode_list(f);
}

Hash record_signing_hash(const Record& record, const Address& to, const Params& params) {
    return keccak256(record_signing_payload(record, to, params));
}

Result<Address> recover_record_sender(const Record& record, const Address& to, const Params& params) {
    RecoverableSignature sig;
    sig.r = record.r;
    sig.s = record.s;
    sig.recovery_id = record.y_parity;
    auto key = recover_public_key(record_signing_hash(record, to, params), sig);
    if (!key) return key.error();
    return key->address();
}

Result<Record> record_from_transaction(const SignedTransaction& st, std::uint32_t from, const Address& sender,
                                       std::optional<std::uint32_t> to_index, const Params& params) {
    if (auto ok = l2_carries(st, params); !ok) return ok.error();
    const Transaction& tx = st.tx;
    Record r;
    r.eip1559 = tx.type == TxType::eip1559;
    r.y_parity = st.signature.recovery_id;
    r.from = from;
    r.nonce = tx.nonce;
    r.value = tx.value;
    r.gas_price = r.eip1559 ? U256(0) : tx.gas_price;
    r.max_priority_fee_per_gas = r.eip1559 ? tx.max_priority_fee_per_gas : U256(0);
    r.max_fee_per_gas = r.eip1559 ? tx.max_fee_per_gas : U256(0);
    if (tx.gas_limit != kTransferGas) r.gas_limit = tx.gas_limit;
    r.r = st.signature.r;
    r.s = st.signature.s;
    set_recipient(r, *tx.to, sender, to_index);
    return r;
}

Result<SignedTransaction> transaction_from_record(const Record& r, const Address& to, const Params& params) {
    if (!r.is_signed()) return make_error("a deposit record is not a signed transaction");
    if (r.nonce > U256(UINT64_MAX)) return make_error("the record's nonce does not fit in 64 bits");
    const U256 gas = r.effective_gas_limit();
    if (gas > U256(UINT64_MAX)) return make_error("the record's gas limit does not fit in 64 bits");
    SignedTransaction st;
    Transaction& tx = st.tx;
    tx.type = r.eip1559 ? TxType::eip1559 : TxType::legacy;
    tx.chain_id = params.chain_id;
    tx.nonce = static_cast<std::uint64_t>(r.nonce);
    tx.gas_price = r.eip1559 ? U256(0) : r.gas_price;
    tx.max_priority_fee_per_gas = r.eip1559 ? r.max_priority_fee_per_gas : U256(0);
    tx.max_fee_per_gas = r.eip1559 ? r.max_fee_per_gas : U256(0);
    tx.gas_limit = static_cast<std::uint64_t>(gas);
    tx.to = signed_to(r, to);
    tx.value = r.value;
    st.signature.r = r.r;
    st.signature.s = r.s;
    st.signature.recovery_id = r.y_parity;
    return st;
}

const std::vector<AbiType>& forced_abi_types() {
    static const std::vector<AbiType> types = *parse_abi_types(kForcedTransactionAbiTypes);
    return types;
}

std::vector<AbiValue> forced_abi_values(const ForcedTransaction& tx) {
    return {tx.eip1559,
            U256(tx.y_parity),
            tx.to,
            tx.nonce,
            tx.value,
            tx.gas_price,
            tx.max_priority_fee_per_gas,
            tx.max_fee_per_gas,
            tx.gas_limit,
            Bytes(tx.r.begin(), tx.r.end()),
            Bytes(tx.s.begin(), tx.s.end())};
}

Bytes abi_encode_forced(const ForcedTransaction& tx) {
    return *abi_encode(forced_abi_types(), forced_abi_values(tx));  // every field fits its type
}

Result<ForcedTransaction> abi_decode_forced(ByteView words) {
    if (words.size() != 11 * 32)
        return make_error("a forced transaction is 11 ABI words, not " + std::to_string(words.size()) + " bytes");
    auto values = abi_decode(forced_abi_types(), words);
    if (!values) return make_error("a forced transaction does not decode: " + values.message());
    const auto& v = *values;
    auto uint = [&](std::size_t i) { return std::get<U256>(v[i].value); };
    auto hash = [&](std::size_t i) { return *Hash::from_view(std::get<Bytes>(v[i].value)); };
    ForcedTransaction tx;
    tx.eip1559 = std::get<bool>(v[0].value);
    tx.y_parity = static_cast<std::uint8_t>(uint(1));
    tx.to = std::get<Address>(v[2].value);
    tx.nonce = uint(3);
    tx.value = uint(4);
    tx.gas_price = uint(5);
    tx.max_priority_fee_per_gas = uint(6);
    tx.max_fee_per_gas = uint(7);
    tx.gas_limit = uint(8);
    tx.r = hash(9);
    tx.s = hash(10);
    return tx;
}

Hash forced_hash(const ForcedTransaction& tx) { return keccak256(abi_encode_forced(tx)); }

bool forced_representable(const ForcedTransaction& tx) {
    if (tx.y_parity > 1) return false;
    if (tx.eip1559) return tx.gas_price == 0;
    return tx.max_priority_fee_per_gas == 0 && tx.max_fee_per_gas == 0;
}

ForcedTransaction forced_transaction_of(const Record& r, const Params&) {
    ForcedTransaction tx;
    tx.eip1559 = r.eip1559;
    tx.y_parity = r.y_parity;
    tx.to = r.kind == RecordKind::withdrawal ? withdrawal_address() : r.address;
    tx.nonce = r.nonce;
    tx.value = r.value;
    tx.gas_price = r.eip1559 ? U256(0) : r.gas_price;
    tx.max_priority_fee_per_gas = r.eip1559 ? r.max_priority_fee_per_gas : U256(0);
    tx.max_fee_per_gas = r.eip1559 ? r.max_fee_per_gas : U256(0);
    tx.gas_limit = r.effective_gas_limit();
    tx.r = r.r;
    tx.s = r.s;
    return tx;
}

Result<ForcedTransaction> forced_from_transaction(const SignedTransaction& st, const Params& params) {
    if (auto ok = l2_carries(st, params); !ok) return ok.error();
    const Transaction& t = st.tx;
    ForcedTransaction tx;
    tx.eip1559 = t.type == TxType::eip1559;
    tx.y_parity = st.signature.recovery_id;
    tx.to = *t.to;
    tx.nonce = t.nonce;
    tx.value = t.value;
    tx.gas_price = tx.eip1559 ? U256(0) : t.gas_price;
    tx.max_priority_fee_per_gas = tx.eip1559 ? t.max_priority_fee_per_gas : U256(0);
    tx.max_fee_per_gas = tx.eip1559 ? t.max_fee_per_gas : U256(0);
    tx.gas_limit = t.gas_limit;
    tx.r = st.signature.r;
    tx.s = st.signature.s;
    return tx;
}

Result<SignedTransaction> transaction_from_forced(const ForcedTransaction& tx, const Params& params) {
    if (auto ok = check_representable(tx); !ok) return ok.error();
    // An unforced record's conversion, with `to` given: one rebuild of the transaction for both.
    return transaction_from_record(signed_fields(tx), tx.to, params);
}

Record skipped_record(const ForcedTransaction& tx, std::uint64_t timestamp) {
    Record r = signed_fields(tx);
    r.forced = true;
    r.skipped = true;
    r.timestamp = timestamp;
    // Kind 1 rather than kind 0: a skip names no account, so it needs no index (§4.1).
    set_recipient(r, tx.to, Address{}, std::nullopt);
    return r;
}

Result<Record> applied_forced_record(const ForcedTransaction& tx, std::uint64_t timestamp, std::uint32_t from,
                                     const Address& sender, std::optional<std::uint32_t> to_index, const Params&) {
    if (auto ok = check_representable(tx); !ok) return ok.error();
    Record r = signed_fields(tx);
    r.forced = true;
    r.timestamp = timestamp;
    r.from = from;
    set_recipient(r, tx.to, sender, to_index);
    return r;
}

}  // namespace sluice::rollup
