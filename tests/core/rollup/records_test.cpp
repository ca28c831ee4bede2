// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/crypto/keccak.hpp"
#include "core/rollup/records.hpp"
#include "rollup_helpers.hpp"

namespace sluice::rollup {
namespace {
using namespace sluice::rollup::test;

Bytes amount_bytes(const U256& v) {
    Bytes out;
    encode_amount(out, v);
    return out;
}

TEST(Amount, CanonicalForms) {
    EXPECT_EQ(to_hex(amount_bytes(kEther * 3 / 2)), "0x11010f");  // 1.5 ether, §4.1
    EXPECT_EQ(to_hex(amount_bytes(0)), "0x0000");
    EXPECT_EQ(to_hex(amount_bytes(2 * kGwei)), "0x090102");
    EXPECT_EQ(to_hex(amount_bytes(21000)), "0x030115");
    EXPECT_EQ(to_hex(amount_bytes(7)), "0x000107");
    EXPECT_EQ(to_hex(amount_bytes(256)), "0x00020100");
    U256 big = 1;
    for (int i = 0; i < 77; ++i) big *= 10;
    EXPECT_EQ(to_hex(amount_bytes(big)), "0x4d0101");
    const U256 max = ~U256(0);
    const Bytes m = amount_bytes(max);
    EXPECT_EQ(m.size(), 34u);
    for (const U256& v : {U256(0), U256(1), U256(10), U256(1234500), big, max, kEther * 3 / 2, max / 10 * 10}) {
        const Bytes b = amount_bytes(v);
        std::size_t off = 0;
        auto back = decode_amount(b, off, "value");
        ASSERT_TRUE(back) << back.message();
        EXPECT_EQ(*back, v);
        EXPECT_EQ(off, b.size());
    }
}

TEST(Amount, RejectsEveryNonCanonicalForm) {
    struct Case {
        const char* hex;
        const char* why;
    };
    const Case cases[] = {
        {"0x4e0101", "exponent"},         // e = 78
        {"0x0100", "zero"},               // zero with e = 1
        {"0x00010a", "divisible by 10"},  // 10 written as 10·10^0
        {"0x0101", "past the end"},       // mantissa cut off
        {"", "past the end"},
        {"0x000200ff", "leading zero"},  // uvar with a leading zero byte
        {"0x0021", "at most 32"},        // uvar length 33
        {"0x4d010c", "2^256"},           // 12·10^77 overflows
    };
    for (const Case& c : cases) {
        const Bytes b = *from_hex(c.hex);
        std::size_t off = 0;
        auto r = decode_amount(b, off, "value");
        ASSERT_FALSE(r) << c.hex;
        EXPECT_NE(r.message().find(c.why), std::string::npos) << c.hex << ": " << r.message();
        EXPECT_EQ(off, 0u);
    }
}

Record sample(RecordKind kind, bool eip1559, bool default_gas) {
    Record r;
    r.kind = kind;
    r.eip1559 = eip1559;
    r.y_parity = 1;
    r.from = 0x01020304;
    r.to = 0x0a0b0c0d;
    r.address[0] = 0xaa;
    r.address[19] = 0xbb;
    r.nonce = 300;
    r.value = kEther * 3 / 2;
    if (eip1559) {
        r.max_priority_fee_per_gas = kGwei;
        r.max_fee_per_gas = 3 * kGwei;
    } else {
        r.gas_price = 5 * kGwei;
    }
    if (!default_gas) r.gas_limit = U256(50000);
    r.r[0] = 0x11;
    r.s[31] = 0x22;
    // Only the fields a kind carries on the wire (the others stay zero, as decoding leaves them).
    if (kind == RecordKind::transfer) r.address = Address{};
    if (kind != RecordKind::transfer) r.to = 0;
    if (kind == RecordKind::deposit) {
        r = Record{};
        r.kind = kind;
        r.new_account = default_gas;
        r.to = default_gas ? 0 : 9;
        r.address[5] = 0x55;
        r.value = 123456789;
        r.timestamp = 0x0102030405060708ull;
    }
    return r;
}

TEST(Records, RoundTripEveryKindAndForm) {
    std::vector<Record> all;
    for (auto kind :
         {RecordKind::transfer, RecordKind::new_account_transfer, RecordKind::withdrawal, RecordKind::deposit})
        for (bool eip1559 : {false, true})
            for (bool default_gas : {false, true}) {
                if (kind == RecordKind::deposit && eip1559) continue;
                all.push_back(sample(kind, eip1559, default_gas));
            }
    for (const Record& r : all) {
        const Bytes b = encode_record(r);
        std::size_t off = 0;
        auto back = decode_record(b, off);
        ASSERT_TRUE(back) << back.message();
        EXPECT_EQ(*back, r) << to_hex(b);
        EXPECT_EQ(off, b.size());
        EXPECT_EQ(encode_record(*back), b);
        // Every truncation is refused with the offset in the message.
        for (std::size_t n = 0; n < b.size(); ++n) {
            std::size_t o = 0;
            auto cut = decode_record(ByteView(b).subspan(0, n), o);
            ASSERT_FALSE(cut) << n;
            EXPECT_NE(cut.message().find("past the end"), std::string::npos) << cut.message();
        }
    }
    std::vector<std::size_t> offsets;
    const Bytes blob = encode_records(all);
    auto decoded = decode_records(blob, &offsets);
    ASSERT_TRUE(decoded) << decoded.message();
    EXPECT_EQ(*decoded, all);
    EXPECT_EQ(offsets.size(), all.size());
    EXPECT_EQ(offsets[0], 0u);
}

TEST(Records, ExactLayouts) {
    // Deposit to a new account: flag 0x13, address, amount, timestamp.
    Record d = sample(RecordKind::deposit, false, true);
    EXPECT_EQ(to_hex(encode_record(d)),
              "0x13"
              "0000000000550000000000000000000000000000"
              "00040"
              "75bcd15"
              "0102030405060708");
    // Existing: flag 0x03 then to[4].
    d = sample(RecordKind::deposit, false, false);
    EXPECT_EQ(to_hex(encode_record(d)).substr(0, 12), "0x0300000009");
    // Withdrawal, legacy, explicit gas: flag 0x0a (kind 2, parity 1).
    const Bytes w = encode_record(sample(RecordKind::withdrawal, false, false));
    EXPECT_EQ(w[0], 0x0a);
    EXPECT_EQ(to_hex(ByteView(w).subspan(1, 4)), "0x01020304");
    // The typical transfer of §4.1 is 83 bytes.
    Record t = sample(RecordKind::transfer, true, true);
    t.nonce = 200;
    t.max_priority_fee_per_gas = 0;
    t.max_fee_per_gas = 2 * kGwei;
    const Bytes tb = encode_record(t);
    EXPECT_EQ(tb.size(), 83u);
    EXPECT_EQ(tb[0], 0x1c);  // kind 0 | EIP-1559 | parity | implicit gas
}

TEST(Records, RejectsMalformedFlags) {
    Bytes b = encode_record(sample(RecordKind::transfer, true, true));
    for (std::uint8_t bit : {0x80, 0xa0, 0xe0}) {
        Bytes x = b;
        x[0] |= bit;
        std::size_t off = 0;
        auto r = decode_record(x, off);
        ASSERT_FALSE(r);
        EXPECT_NE(r.message().find("reserved flag bit 7"), std::string::npos) << r.message();
    }
    Bytes d = encode_record(sample(RecordKind::deposit, false, true));
    for (std::uint8_t bit : {0x04, 0x08, 0x20, 0x40, 0x60}) {
        Bytes x = d;
        x[0] |= bit;
        std::size_t off = 0;
        EXPECT_FALSE(decode_record(x, off)) << int(bit);
    }
    // A non-canonical nonce uvar inside a record: 00 01 2c instead of 01 2c... length 2 with a zero.
    Record r = sample(RecordKind::transfer, false, true);
    Bytes x = encode_record(r);
    // flag(1) from(4) to(4) then nonce 02 01 2c; rewrite it to 03 00 01 2c.
    ASSERT_EQ(x[9], 0x02);
    Bytes bad(x.begin(), x.begin() + 9);
    append(bad, Bytes{0x03, 0x00, 0x01, 0x2c});
    bad.insert(bad.end(), x.begin() + 12, x.end());
    std::size_t off = 0;
    auto rr = decode_record(bad, off);
    ASSERT_FALSE(rr);
    EXPECT_NE(rr.message().find("nonce"), std::string::npos) << rr.message();
    // A batch with trailing garbage names the record.
    Bytes blob = encode_records({r, r});
    blob.push_back(0x00);
    auto all = decode_records(blob);
    ASSERT_FALSE(all);
    EXPECT_NE(all.message().find("record 2"), std::string::npos) << all.message();
}

// A forced (optionally skipped) record of every signed kind, with the fields its body carries.
Record forced_sample(RecordKind kind, bool eip1559, bool default_gas, bool skipped) {
    Record r = sample(kind, eip1559, default_gas);
    r.forced = true;
    r.skipped = skipped;
    r.timestamp = 0x0102030405060708ull;
    if (kind == RecordKind::transfer) r.address[7] = 0x77;  // toAddress next to the index
    return r;
}

TEST(ForcedRecords, RoundTripEveryBody) {
    std::vector<Record> all;
    for (auto kind : {RecordKind::transfer, RecordKind::new_account_transfer, RecordKind::withdrawal})
        for (bool eip1559 : {false, true})
            for (bool default_gas : {false, true})
                for (bool skipped : {false, true}) all.push_back(forced_sample(kind, eip1559, default_gas, skipped));
    for (const Record& r : all) {
        const Bytes b = encode_record(r);
        // A forced record is its kind's body plus the timestamp, and kind 0 also toAddress (§4.1).
        const Record plain = sample(r.kind, r.eip1559, r.gas_limit == std::nullopt);
        EXPECT_EQ(b.size(), encode_record(plain).size() + 8 + (r.kind == RecordKind::transfer ? 20 : 0));
        EXPECT_EQ(b[0], encode_record(plain)[0] | 0x20 | (r.skipped ? 0x40 : 0));
        std::size_t off = 0;
        auto back = decode_record(b, off);
        ASSERT_TRUE(back) << back.message();
        EXPECT_EQ(*back, r) << to_hex(b);
        EXPECT_EQ(off, b.size());
        EXPECT_EQ(encode_record(*back), b);
        for (std::size_t n = 0; n < b.size(); ++n) {
            std::size_t o = 0;
            auto cut = decode_record(ByteView(b).subspan(0, n), o);
            ASSERT_FALSE(cut) << n;
            EXPECT_NE(cut.message().find("past the end"), std::string::npos) << cut.message();
        }
    }
    // Mixed with deposits and ordinary records in one blob.
    all.push_back(sample(RecordKind::deposit, false, true));
    all.push_back(sample(RecordKind::transfer, true, true));
    auto decoded = decode_records(encode_records(all));
    ASSERT_TRUE(decoded) << decoded.message();
    EXPECT_EQ(*decoded, all);
}

TEST(ForcedRecords, ExactLayout) {
    // Forced kind 0, legacy, parity 1, gas 21000 omitted: flag 0x38, then
    // from[4] to[4] toAddress[20] nonce value gasPrice r s timestamp[8].
    Record r = forced_sample(RecordKind::transfer, false, true, false);
    const Bytes b = encode_record(r);
    EXPECT_EQ(b[0], 0x38);
    EXPECT_EQ(to_hex(ByteView(b).subspan(1, 8)), "0x010203040a0b0c0d");
    EXPECT_EQ(to_hex(ByteView(b).subspan(9, 20)), r.address.hex());
    EXPECT_EQ(to_hex(ByteView(b).subspan(29, 3)), "0x02012c");  // nonce 300
    EXPECT_EQ(to_hex(ByteView(b).subspan(b.size() - 8)), "0x0102030405060708");
    EXPECT_EQ(to_hex(ByteView(b).subspan(b.size() - 72, 32)), r.r.hex());
    // Skipped kind 2: flag 0x7a (kind 2 | parity | bit 4 | forced | skipped).
    EXPECT_EQ(encode_record(forced_sample(RecordKind::withdrawal, false, true, true))[0], 0x7a);
}

TEST(ForcedRecords, RefusesMalformedFlagCombinations) {
    const Record ok = sample(RecordKind::transfer, true, true);
    // Two valid records first, so the error names a non-zero offset.
    const Bytes prefix = encode_records({ok, ok});
    const std::string at = "at byte " + std::to_string(prefix.size());
    struct Case {
        Bytes record;
        const char* why;
    };
    std::vector<Case> cases;
    // Bit 6 without bit 5, on each signed kind.
    for (auto kind : {RecordKind::transfer, RecordKind::new_account_transfer, RecordKind::withdrawal}) {
        Bytes x = encode_record(sample(kind, false, false));
        x[0] |= 0x40;
        cases.push_back({x, "without the forced bit 5"});
    }
    // Bits 5 and 6 on deposits (new and existing recipient).
    for (bool fresh : {true, false})
        for (std::uint8_t bits : {0x20, 0x40, 0x60}) {
            Bytes x = encode_record(sample(RecordKind::deposit, false, fresh));
            x[0] |= bits;
            cases.push_back({x, "forced or skipped"});
        }
    // Bit 7 on a forced and a skipped record.
    for (bool skipped : {false, true}) {
        Bytes x = encode_record(forced_sample(RecordKind::new_account_transfer, true, true, skipped));
        x[0] |= 0x80;
        cases.push_back({x, "bit 7"});
    }
    for (const Case& c : cases) {
        Bytes blob = prefix;
        append(blob, c.record);
        auto r = decode_records(blob);
        ASSERT_FALSE(r) << to_hex(c.record);
        EXPECT_NE(r.message().find("record 2"), std::string::npos) << r.message();
        EXPECT_NE(r.message().find(at), std::string::npos) << r.message();
        EXPECT_NE(r.message().find(c.why), std::string::npos) << r.message();
    }
    // A plain kind-0 record with bit 5 set reads 20 more bytes and the timestamp: cut short.
    Bytes x = encode_record(ok);
    x[0] |= 0x20;
    std::size_t off = 0;
    auto r = decode_record(x, off);
    ASSERT_FALSE(r);
    EXPECT_NE(r.message().find("past the end"), std::string::npos) << r.message();
}

ForcedTransaction known_tuple() {
    ForcedTransaction tx;
    tx.eip1559 = true;
    tx.y_parity = 1;
    tx.to = withdrawal_address();
    tx.nonce = 7;
    tx.value = kEther * 3 / 2;
    tx.max_priority_fee_per_gas = kGwei;
    tx.max_fee_per_gas = 3 * kGwei;
    tx.gas_limit = 21000;
    for (auto& b : tx.r.bytes) b = 0x11;
    for (auto& b : tx.s.bytes) b = 0x22;
    return tx;
}

TEST(ForcedRecords, ForcedHashOfAKnownTuple) {
    // cast abi-encode 'f((bool,uint8,address,uint256,uint256,uint256,uint256,uint256,uint256,bytes32,bytes32))'
    //   '(true,1,0x…5111ce,7,1500000000000000000,0,1000000000,3000000000,21000,0x11…11,0x22…22)' | cast keccak
    const ForcedTransaction tx = known_tuple();
    const Bytes enc = abi_encode_forced(tx);
    ASSERT_EQ(enc.size(), 11u * 32);
    EXPECT_EQ(enc[31], 1);
    EXPECT_EQ(enc[63], 1);
    EXPECT_EQ(to_hex(ByteView(enc).subspan(64, 32)),
              "0x00000000000000000000000000000000000000000000000000000000005111ce");
    EXPECT_EQ(forced_hash(tx).hex(), "0xf5dae998006c002aef7f8ce15ab23b5624dbbfd297c61d5f62ef9d98c279a186");
    ForcedTransaction legacy;
    legacy.to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    legacy.nonce = 300;
    legacy.value = 1;
    legacy.gas_price = 2 * kGwei;
    legacy.gas_limit = 50000;
    legacy.r[31] = 1;
    legacy.s[31] = 2;
    EXPECT_EQ(forced_hash(legacy).hex(), "0x07ba1fa2674191959233262040be6d09a242e68a7d173c5f333d328d1f96e5ea");
}

TEST(ForcedRecords, RepresentableTuples) {
    ForcedTransaction tx = known_tuple();
    EXPECT_TRUE(forced_representable(tx));
    tx.y_parity = 2;
    EXPECT_FALSE(forced_representable(tx));
    tx = known_tuple();
    tx.gas_price = 1;  // EIP-1559 carries no gasPrice
    EXPECT_FALSE(forced_representable(tx));
    tx = known_tuple();
    tx.eip1559 = false;  // legacy carries neither of the 1559 fees
    EXPECT_FALSE(forced_representable(tx));
    tx.max_priority_fee_per_gas = 0;
    EXPECT_FALSE(forced_representable(tx));
    tx.max_fee_per_gas = 0;
    EXPECT_TRUE(forced_representable(tx));
    // What forceTransaction refuses, the conversions refuse too.
    tx.y_parity = 2;
    EXPECT_FALSE(transaction_from_forced(tx, Params{}));
    EXPECT_FALSE(applied_forced_record(tx, 1, 1, Address{}, std::nullopt, Params{}));
}

TEST(ForcedRecords, TupleTransactionAndRecordsAgree) {
    const PrivateKey key = test_key(1);
    const Address sender = address_of(key);
    Address bob;
    bob[19] = 0x42;
    for (bool eip1559 : {false, true}) {
        for (std::uint64_t gas : {21000ull, 30000ull}) {
            for (const Address& to : {bob, withdrawal_address()}) {
                TxSpec spec;
                spec.eip1559 = eip1559;
                spec.nonce = 7;
                spec.value = kEther / 3;
                spec.gas_limit = gas;
                spec.priority = kGwei / 2;
                const SignedTransaction st = sign_tx(key, to, spec);
                auto tx = forced_from_transaction(st, Params{});
                ASSERT_TRUE(tx) << tx.message();
                EXPECT_TRUE(forced_representable(*tx));
                EXPECT_EQ(tx->to, to);
                EXPECT_EQ(tx->gas_limit, U256(gas));
                // The entry's L2 transaction is the signed one, so its hash is the L2 tx hash.
                auto back = transaction_from_forced(*tx, Params{});
                ASSERT_TRUE(back) << back.message();
                EXPECT_EQ(encode_signed(*back), encode_signed(st));
                EXPECT_EQ(transaction_hash(*back), transaction_hash(st));

                // Applied, to an existing recipient (kind 0 unless a withdrawal) and to a new one.
                for (auto to_index : {std::optional<std::uint32_t>(5), std::optional<std::uint32_t>()}) {
                    auto applied = applied_forced_record(*tx, 1234, 3, sender, to_index, Params{});
                    ASSERT_TRUE(applied) << applied.message();
                    auto plain = record_from_transaction(st, 3, sender, to_index, Params{});
                    ASSERT_TRUE(plain);
                    EXPECT_TRUE(applied->forced);
                    EXPECT_FALSE(applied->skipped);
                    EXPECT_EQ(applied->timestamp, 1234u);
                    EXPECT_EQ(applied->kind, plain->kind);
                    // Apart from the flag, the timestamp and kind 0's toAddress, the sequencer's record.
                    Record expect = *plain;
                    expect.forced = true;
                    expect.timestamp = 1234;
                    if (expect.kind == RecordKind::transfer) expect.address = to;
                    EXPECT_EQ(*applied, expect);
                    EXPECT_EQ(forced_transaction_of(*applied, Params{}), *tx);
                    // The signature is over toAddress, whatever `to` the caller passes for kind 0.
                    auto who = recover_record_sender(*applied, Address{}, Params{});
                    if (applied->kind != RecordKind::transfer) who = recover_record_sender(*applied, to, Params{});
                    ASSERT_TRUE(who) << who.message();
                    EXPECT_EQ(*who, sender);
                    auto rebuilt = transaction_from_record(*applied, Address{}, Params{});
                    if (applied->kind != RecordKind::transfer)
                        rebuilt = transaction_from_record(*applied, to, Params{});
                    ASSERT_TRUE(rebuilt);
                    EXPECT_EQ(encode_signed(*rebuilt), encode_signed(st));
                }

                const Record skip = skipped_record(*tx, 99);
                EXPECT_TRUE(skip.forced && skip.skipped);
                EXPECT_EQ(skip.kind, to == bob ? RecordKind::new_account_transfer : RecordKind::withdrawal);
                EXPECT_EQ(skip.from, 0u);
                EXPECT_EQ(skip.address, to == bob ? bob : Address{});  // zeros in l1Recipient
                EXPECT_EQ(skip.timestamp, 99u);
                EXPECT_EQ(forced_transaction_of(skip, Params{}), *tx);
                std::size_t off = 0;
                EXPECT_EQ(*decode_record(encode_record(skip), off), skip);
            }
        }
    }
}

TEST(ForcedRecords, RefusesWhatL2DoesNotCarry) {
    const PrivateKey key = test_key(2);
    Address bob;
    bob[0] = 1;
    TxSpec wrong_chain;
    wrong_chain.chain_id = 1;
    auto r = forced_from_transaction(sign_tx(key, bob, wrong_chain), Params{});
    ASSERT_FALSE(r);
    EXPECT_NE(r.message().find("chain id"), std::string::npos);
    Transaction tx;
    tx.chain_id = 31338;
    tx.gas_limit = 21000;
    tx.max_fee_per_gas = kGwei;
    tx.data = Bytes{1};
    tx.to = bob;
    EXPECT_FALSE(forced_from_transaction(sign_transaction(tx, key), Params{}));
    tx.data.clear();
    tx.to.reset();
    EXPECT_FALSE(forced_from_transaction(sign_transaction(tx, key), Params{}));

    // Beyond 64 bits the L2 transaction cannot be built (core/eth's Transaction).
    ForcedTransaction big = known_tuple();
    big.nonce = U256(1) << 64;
    EXPECT_FALSE(transaction_from_forced(big, Params{}));
    big = known_tuple();
    big.gas_limit = U256(1) << 64;
    EXPECT_FALSE(transaction_from_forced(big, Params{}));
    big.gas_limit = UINT64_MAX;
    EXPECT_TRUE(transaction_from_forced(big, Params{}));
}

TEST(Records, FromAndToSignedTransactions) {
    const PrivateKey key = test_key(1);
    const Address sender = address_of(key);
    Address bob;
    bob[19] = 0x42;
    for (bool eip1559 : {false, true}) {
        for (std::uint64_t gas : {21000ull, 30000ull}) {
            TxSpec s;
            s.eip1559 = eip1559;
            s.nonce = 7;
            s.value = kEther / 3;
            s.gas_limit = gas;
            s.priority = kGwei / 2;
            const SignedTransaction st = sign_tx(key, bob, s);
            for (auto to_index : {std::optional<std::uint32_t>(5), std::optional<std::uint32_t>()}) {
                auto r = record_from_transaction(st, 3, sender, to_index, Params{});
                ASSERT_TRUE(r) << r.message();
                EXPECT_EQ(r->kind, to_index ? RecordKind::transfer : RecordKind::new_account_transfer);
                EXPECT_EQ(r->gas_limit.has_value(), gas != 21000);
                // The rebuilt payload is core/eth's, byte for byte, and recovers the sender.
                EXPECT_EQ(record_signing_payload(*r, bob, Params{}), signing_payload(st.tx));
                auto who = recover_record_sender(*r, bob, Params{});
                ASSERT_TRUE(who) << who.message();
                EXPECT_EQ(*who, sender);
                auto back = transaction_from_record(*r, bob, Params{});
                ASSERT_TRUE(back) << back.message();
                EXPECT_EQ(encode_signed(*back), encode_signed(st));
                // Through the wire format too.
                std::size_t off = 0;
                const Bytes wire = encode_record(*r);
                EXPECT_EQ(*decode_record(wire, off), *r);
            }
        }
    }
    // A withdrawal is a transaction to WITHDRAWAL_ADDRESS; the L1 recipient is the sender.
    const auto wst = sign_tx(key, withdrawal_address(), TxSpec{});
    auto w = record_from_transaction(wst, 3, sender, std::nullopt, Params{});
    ASSERT_TRUE(w);
    EXPECT_EQ(w->kind, RecordKind::withdrawal);
    EXPECT_EQ(w->address, sender);
    EXPECT_EQ(withdrawal_address().hex(), "0x00000000000000000000000000000000005111ce");
}

TEST(Records, RefusesWhatL2DoesNotCarry) {
    const PrivateKey key = test_key(2);
    Address bob;
    bob[0] = 1;
    TxSpec wrong_chain;
    wrong_chain.chain_id = 1;
    auto r = record_from_transaction(sign_tx(key, bob, wrong_chain), 1, address_of(key), 0, Params{});
    ASSERT_FALSE(r);
    EXPECT_NE(r.message().find("chain id"), std::string::npos);

    Transaction tx;
    tx.chain_id = 31338;
    tx.gas_limit = 21000;
    tx.max_fee_per_gas = kGwei;
    tx.data = Bytes{1};
    tx.to = bob;
    EXPECT_FALSE(record_from_transaction(sign_transaction(tx, key), 1, address_of(key), 0, Params{}));
    tx.data.clear();
    tx.to.reset();
    EXPECT_FALSE(record_from_transaction(sign_transaction(tx, key), 1, address_of(key), 0, Params{}));
    tx.to = bob;
    tx.type = TxType::access_list;
    EXPECT_FALSE(record_from_transaction(sign_transaction(tx, key), 1, address_of(key), 0, Params{}));

    Record big = sample(RecordKind::transfer, true, true);
    big.nonce = U256(1) << 70;
    EXPECT_FALSE(transaction_from_record(big, bob, Params{}));
}

}  // namespace
}  // namespace sluice::rollup
