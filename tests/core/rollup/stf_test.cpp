// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <random>

#include "core/rollup/merkle.hpp"
#include "core/rollup/stf.hpp"
#include "rollup_helpers.hpp"

namespace sluice::rollup {
namespace {
using namespace sluice::rollup::test;

class Stf : public ::testing::Test {
protected:
    void SetUp() override {
        tree = AccountTree::genesis(address_of(test_key(0)));
        // Accounts 1..3 funded with 10 ether each through deposits.
        std::vector<Record> deposits;
        AccountTree scratch = tree;
        for (int i = 1; i <= 3; ++i) {
            deposits.push_back(deposit_record(scratch, address_of(test_key(i)), 10 * kEther));
            scratch.append(Account{address_of(test_key(i)), 10 * kEther, 0});
        }
        ASSERT_TRUE(apply_records(tree, deposits, params).ok());
        ASSERT_EQ(tree.count(), 4u);
    }

    Verdict one(const Record& r) {
        AccountTree copy = tree;
        const StfResult res = apply_records(copy, std::vector<Record>{r}, params);
        if (res.ok()) tree = copy;
        return res.verdict;
    }

    Record transfer(int from, const Address& to, TxSpec s = {}) {
        return signed_record(tree, test_key(from), static_cast<std::uint32_t>(from), to, s);
    }

    Params params;
    AccountTree tree;
};

TEST_F(Stf, TransferMovesValueAndPaysTheFeeToAccountZero) {
    TxSpec s;
    s.value = kEther;
    s.priority = kGwei / 2;
    s.max_fee = 3 * kGwei;
    ASSERT_EQ(one(transfer(1, address_of(test_key(2)), s)), Verdict::None);
    const U256 fee = U256(21000) * (kGwei + kGwei / 2);  // min(3 gwei, base 1 + tip 0.5)
    EXPECT_EQ(tree.account(1).balance, 9 * kEther - fee);
    EXPECT_EQ(tree.account(1).nonce, 1u);
    EXPECT_EQ(tree.account(2).balance, 11 * kEther);
    EXPECT_EQ(tree.account(0).balance, fee);
    // Legacy: price = gasPrice; capped EIP-1559: price = maxFee.
    TxSpec legacy;
    legacy.eip1559 = false;
    legacy.nonce = 1;
    legacy.gas_price = 4 * kGwei;
    ASSERT_EQ(one(transfer(1, address_of(test_key(3)), legacy)), Verdict::None);
    TxSpec capped;
    capped.nonce = 0;
    capped.priority = 5 * kGwei;
    capped.max_fee = 5 * kGwei;
    ASSERT_EQ(one(transfer(3, address_of(test_key(1)), capped)), Verdict::None);
    EXPECT_EQ(tree.account(0).balance, fee + U256(21000) * 4 * kGwei + U256(21000) * 5 * kGwei);
}

TEST_F(Stf, FeesOfAChunkAreCreditedAfterItsLastRecord) {
    // 17 records: one full chunk of 16 then one. Account 0 gets the first chunk's fees only at its
    // end, which a zero-balance fee account spending in the same chunk would notice.
    std::vector<Record> records;
    for (std::uint64_t n = 0; n < 17; ++n) {
        TxSpec s;
        s.nonce = n;
        s.value = 1;
        records.push_back(transfer(1, address_of(test_key(2)), s));
    }
    const StfResult res = apply_records(tree, records, params);
    ASSERT_TRUE(res.ok()) << verdict_name(res.verdict);
    ASSERT_EQ(res.chunk_roots.size(), 2u);
    EXPECT_EQ(tree.account(0).balance, U256(17) * 21000 * kGwei);

    // Account 0 cannot spend fees of its own chunk: they arrive after the chunk's last record.
    const U256 fee = U256(21000) * kGwei;
    AccountTree start = tree;
    const Address bob = address_of(test_key(2));
    auto fee_spend = [&](const AccountTree& t) {
        TxSpec s;
        s.value = t.account(0).balance + 14 * fee;  // needs 15 more fees than it had before the chunk
        return signed_record(t, test_key(0), 0, bob, s);
    };
    std::vector<Record> chunk;
    for (std::uint64_t n = 17; n < 33; ++n) {
        TxSpec s;
        s.nonce = n;
        chunk.push_back(transfer(1, bob, s));
    }
    std::vector<Record> same = chunk;
    same.back() = fee_spend(tree);  // only 15 fees precede it, and they are not credited yet
    AccountTree t1 = start;
    EXPECT_EQ(apply_records(t1, same, params).verdict, Verdict::Overdraft);
    std::vector<Record> next = chunk;
    next.push_back(fee_spend(tree));  // next chunk: the 16 fees are credited
    AccountTree t2 = start;
    const StfResult ok = apply_records(t2, next, params);
    EXPECT_TRUE(ok.ok()) << verdict_name(ok.verdict);
}

TEST_F(Stf, NewAccountsSelfTransferAndWithdrawals) {
    Address fresh;
    fresh[19] = 0x99;
    TxSpec s;
    s.value = kEther;
    const Record create = transfer(1, fresh, s);
    EXPECT_EQ(create.kind, RecordKind::new_account_transfer);
    ASSERT_EQ(one(create), Verdict::None);
    EXPECT_EQ(tree.count(), 5u);
    EXPECT_EQ(tree.account(4), (Account{fresh, kEther, 0}));
    EXPECT_EQ(tree.index_of(fresh), 4u);

    TxSpec self;
    self.value = kEther;
    const Record loop = transfer(2, address_of(test_key(2)), self);
    EXPECT_EQ(loop.kind, RecordKind::transfer);
    ASSERT_EQ(one(loop), Verdict::None);
    EXPECT_EQ(tree.account(2).balance, 10 * kEther - U256(21000) * kGwei);
    EXPECT_EQ(tree.account(2).nonce, 1u);

    TxSpec w;
    w.value = 2 * kEther;
    w.nonce = 0;
    AccountTree copy = tree;
    const StfResult res = apply_records(copy, std::vector<Record>{transfer(3, withdrawal_address(), w)}, params);
    ASSERT_TRUE(res.ok());
    ASSERT_EQ(res.withdrawals.size(), 1u);
    EXPECT_EQ(res.withdrawals[0], (Withdrawal{address_of(test_key(3)), 2 * kEther}));
    EXPECT_EQ(copy.account(3).balance, 8 * kEther - U256(21000) * kGwei);
}

TEST_F(Stf, Deposits) {
    EXPECT_EQ(one(deposit_record(tree, address_of(test_key(1)), 5)), Verdict::None);
    EXPECT_EQ(tree.account(1).balance, 10 * kEther + 5);
    Record wrong = deposit_record(tree, address_of(test_key(1)), 5);
    wrong.to = 2;  // index 2 belongs to someone else
    EXPECT_EQ(one(wrong), Verdict::UnknownAccount);
    wrong.to = 40;
    EXPECT_EQ(one(wrong), Verdict::UnknownAccount);
    Record overflow = deposit_record(tree, address_of(test_key(1)), ~U256(0));
    EXPECT_EQ(one(overflow), Verdict::Overflow);
    Address fresh;
    fresh[3] = 3;
    EXPECT_EQ(one(deposit_record(tree, fresh, 9)), Verdict::None);
    EXPECT_EQ(tree.account(4), (Account{fresh, 9, 0}));
}

TEST_F(Stf, EveryVerdictOfASignedRecord) {
    const Address bob = address_of(test_key(2));
    Record r = transfer(1, bob);
    r.from = 9;
    EXPECT_EQ(one(r), Verdict::UnknownAccount);  // rule 1

    TxSpec n;
    n.nonce = 1;
    EXPECT_EQ(one(transfer(1, bob, n)), Verdict::BadNonce);  // rule 2

    r = transfer(1, bob);
    r.to = 9;
    EXPECT_EQ(one(r), Verdict::UnknownAccount);  // recipient index, needed for rule 3
    r = transfer(1, bob);
    r.from = 2;  // bob's own account, signed by key 1
    EXPECT_EQ(one(r), Verdict::BadSignature);
    r = transfer(1, bob);
    r.to = 3;  // signed for bob, claimed to go to account 3
    EXPECT_EQ(one(r), Verdict::BadSignature);
    r = transfer(1, bob);
    r.s = Hash{};
    EXPECT_EQ(one(r), Verdict::BadSignature);
    // A high-s twin of a valid signature (EIP-2) is refused.
    r = transfer(1, bob);
    {
        const U256 order = *u256_from_hex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        r.s = u256_to_be32(order - *u256_from_be(r.s));
        r.y_parity ^= 1;
    }
    EXPECT_EQ(one(r), Verdict::BadSignature);

    TxSpec cheap;
    cheap.max_fee = kGwei - 1;
    EXPECT_EQ(one(transfer(1, bob, cheap)), Verdict::BadFee);
    TxSpec tip;
    tip.priority = 3 * kGwei;
    tip.max_fee = 2 * kGwei;
    EXPECT_EQ(one(transfer(1, bob, tip)), Verdict::BadFee);
    TxSpec legacy;
    legacy.eip1559 = false;
    legacy.gas_price = kGwei - 1;
    EXPECT_EQ(one(transfer(1, bob, legacy)), Verdict::BadFee);
    TxSpec gas;
    gas.gas_limit = 20999;
    EXPECT_EQ(one(transfer(1, bob, gas)), Verdict::BadFee);

    TxSpec rich;
    rich.value = 10 * kEther;  // plus the fee
    EXPECT_EQ(one(transfer(1, bob, rich)), Verdict::Overdraft);
    TxSpec huge;
    huge.value = ~U256(0);
    EXPECT_EQ(one(transfer(1, bob, huge)), Verdict::Overdraft);  // value + fee overflows
    TxSpec huge_fee;
    huge_fee.max_fee = ~U256(0);
    huge_fee.priority = ~U256(0);
    EXPECT_EQ(one(transfer(1, bob, huge_fee)), Verdict::Overdraft);  // 21000 * price overflows

    // Overflow at the recipient: give account 2 a balance near 2^256 first.
    ASSERT_EQ(one(deposit_record(tree, bob, ~U256(0) - 10 * kEther)), Verdict::None);
    TxSpec v;
    v.value = 1;
    EXPECT_EQ(one(transfer(1, bob, v)), Verdict::Overflow);

    // A new-account transfer to WITHDRAWAL_ADDRESS (same signed payload as a withdrawal).
    r = transfer(1, withdrawal_address());
    r.kind = RecordKind::new_account_transfer;
    r.address = withdrawal_address();
    EXPECT_EQ(one(r), Verdict::BadWithdrawal);
    // The L1 recipient is not signed over: a withdrawal paying someone else is rule 7's to catch.
    Record w = transfer(1, withdrawal_address());
    w.address = address_of(test_key(3));
    EXPECT_EQ(one(w), Verdict::BadWithdrawal);
}

TEST_F(Stf, AnInvalidRecordLeavesTheTreeAtTheLastCompleteChunk) {
    std::vector<Record> records;
    for (std::uint64_t n = 0; n < 20; ++n) {
        TxSpec s;
        s.nonce = n == 18 ? 99 : n;
        records.push_back(transfer(1, address_of(test_key(2)), s));
    }
    AccountTree after_first = tree;
    ASSERT_TRUE(apply_records(after_first, std::span(records).subspan(0, 16), params).ok());
    const StfResult res = apply_records(tree, records, params, 2);
    EXPECT_EQ(res.verdict, Verdict::BadNonce);
    EXPECT_EQ(res.record_index, 18u);
    ASSERT_EQ(res.chunk_roots.size(), 1u);
    EXPECT_EQ(tree.state_root(), after_first.state_root());
    EXPECT_EQ(res.chunk_roots[0], after_first.state_root());
}

TEST_F(Stf, ParallelRecoveryGivesTheSameRoots) {
    // A mixed batch, including accounts the batch creates and then pays from and to.
    std::vector<Record> records;
    AccountTree shadow = tree;
    std::uint64_t nonce[8] = {};
    for (int i = 0; i < 70; ++i) {
        const int from = 1 + i % 3;
        Address to;
        if (i % 7 == 0) {
            to[0] = static_cast<std::uint8_t>(i);
            to[19] = 1;
        } else {
            to = address_of(test_key(1 + (i + 1) % 3));
        }
        TxSpec s;
        s.nonce = nonce[from]++;
        s.value = U256(1000 + i);
        s.eip1559 = i % 2 == 0;
        records.push_back(signed_record(shadow, test_key(from), static_cast<std::uint32_t>(from), to, s));
        ASSERT_TRUE(apply_records(shadow, std::span(records).subspan(records.size() - 1), params).ok()) << i;
        if (i % 10 == 5) {
            records.push_back(deposit_record(shadow, address_of(test_key(5)), 77));
            ASSERT_TRUE(apply_records(shadow, std::span(records).subspan(records.size() - 1), params).ok()) << i;
        }
    }
    // Pay from the deposited key-5 account (created inside the batch) to a batch-created account.
    Record from_new = signed_record(
        shadow, test_key(5), *shadow.index_of(address_of(test_key(5))),
        [] {
            Address a;
            a[0] = 7;
            a[19] = 1;
            return a;
        }(),
        TxSpec{.value = 1});
    records.push_back(from_new);
    // Fund key 5 with enough for the fee first.
    records.insert(records.end() - 1, deposit_record(shadow, address_of(test_key(5)), kEther));

    AccountTree single = tree, multi = tree, four = tree;
    const StfResult a = apply_records(single, records, params, 1);
    const StfResult b = apply_records(multi, records, params, 2);
    const StfResult c = apply_records(four, records, params, 4);
    ASSERT_TRUE(a.ok()) << verdict_name(a.verdict) << " at " << a.record_index;
    EXPECT_EQ(a.chunk_roots, b.chunk_roots);
    EXPECT_EQ(a.chunk_roots, c.chunk_roots);
    EXPECT_EQ(single.state_root(), multi.state_root());
    EXPECT_EQ(single.count(), tree.count() + 11);  // 10 created by transfers + key 5's deposit account

    // And the same with an invalid record: same verdict and index on every path.
    std::size_t victim = 40;
    while (!records[victim].is_signed()) ++victim;
    records[victim].s[5] ^= 1;
    AccountTree x = tree, y = tree;
    const StfResult e = apply_records(x, records, params, 1);
    const StfResult f = apply_records(y, records, params, 2);
    EXPECT_NE(e.verdict, Verdict::None);
    EXPECT_EQ(e.verdict, f.verdict);
    EXPECT_EQ(e.record_index, f.record_index);
    EXPECT_EQ(x.state_root(), y.state_root());
}

TEST_F(Stf, AppliedForcedTransactionsActLikeSequencedOnes) {
    Address fresh;
    fresh[19] = 0x98;
    TxSpec s;
    s.value = kEther;
    for (const Address& to : {address_of(test_key(2)), fresh, withdrawal_address()}) {
        AccountTree plain_tree = tree, forced_tree = tree;
        const Record plain = signed_record(tree, test_key(1), 1, to, s);
        const Record forced = applied_forced(tree, test_key(1), 1, to, s);
        ASSERT_TRUE(forced.forced);
        EXPECT_EQ(forced.kind, plain.kind);
        const StfResult a = apply_records(plain_tree, std::vector<Record>{plain}, params);
        const StfResult b = apply_records(forced_tree, std::vector<Record>{forced}, params);
        ASSERT_TRUE(a.ok() && b.ok()) << verdict_name(b.verdict);
        EXPECT_EQ(plain_tree.state_root(), forced_tree.state_root());
        EXPECT_EQ(a.withdrawals, b.withdrawals);
        EXPECT_NE(forced_tree.state_root(), tree.state_root());
    }
}

TEST_F(Stf, AppliedForcedRecordsFollowTheRules) {
    const Address bob = address_of(test_key(2));
    TxSpec s;
    s.value = kEther;
    const Record good = applied_forced(tree, test_key(1), 1, bob, s);
    ASSERT_EQ(good.kind, RecordKind::transfer);
    EXPECT_EQ(good.address, bob);

    // Kind 0: the account `to` must have toAddress (§4.5), checked before rule 2.
    Record r = good;
    r.to = 3;
    EXPECT_EQ(one(r), Verdict::UnknownAccount);
    r.to = 1;  // the sender's own account
    EXPECT_EQ(one(r), Verdict::UnknownAccount);
    r.nonce = 5;
    EXPECT_EQ(one(r), Verdict::UnknownAccount);
    r = good;
    r.to = 40;
    EXPECT_EQ(one(r), Verdict::UnknownAccount);
    // The named address is the signed one: pointing it elsewhere breaks the signature.
    r = good;
    r.to = 3;
    r.address = address_of(test_key(3));
    EXPECT_EQ(one(r), Verdict::BadSignature);

    TxSpec ahead = s;
    ahead.nonce = 1;
    EXPECT_EQ(one(applied_forced(tree, test_key(1), 1, bob, ahead)), Verdict::BadNonce);
    EXPECT_EQ(one(applied_forced(tree, test_key(2), 1, bob, s)), Verdict::BadSignature);
    TxSpec rich;
    rich.value = 10 * kEther;
    EXPECT_EQ(one(applied_forced(tree, test_key(1), 1, bob, rich)), Verdict::Overdraft);
    Record w = applied_forced(tree, test_key(1), 1, withdrawal_address(), s);
    w.address = address_of(test_key(3));
    EXPECT_EQ(one(w), Verdict::BadWithdrawal);

    const Hash before = tree.state_root();
    ASSERT_EQ(one(good), Verdict::None);
    EXPECT_NE(tree.state_root(), before);
    EXPECT_EQ(tree.account(2).balance, 11 * kEther);
}

TEST_F(Stf, RightSkipsChangeNothing) {
    const Address bob = address_of(test_key(2));
    std::vector<std::pair<const char*, Record>> skips;
    TxSpec ahead;
    ahead.nonce = 3;
    skips.emplace_back("nonce ahead", skipped_record(forced_tx(test_key(1), bob, ahead), 1));
    TxSpec rich;
    rich.value = 10 * kEther;
    skips.emplace_back("overdraft", skipped_record(forced_tx(test_key(1), bob, rich), 1));
    TxSpec cheap;
    cheap.max_fee = kGwei / 2;
    skips.emplace_back("fee below base", skipped_record(forced_tx(test_key(1), withdrawal_address(), cheap), 1));
    TxSpec gas;
    gas.gas_limit = 20000;
    skips.emplace_back("gas limit", skipped_record(forced_tx(test_key(1), bob, gas), 1));
    skips.emplace_back("signer without an account", skipped_record(forced_tx(test_key(7), bob, TxSpec{}), 1));
    Record broken = skipped_record(forced_tx(test_key(1), bob, TxSpec{}), 1);
    broken.r = Hash{};
    skips.emplace_back("no signer", broken);
    Record high = skipped_record(forced_tx(test_key(1), bob, TxSpec{}), 1);
    const U256 order = *u256_from_hex("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    high.s = u256_to_be32(order - *u256_from_be(high.s));
    high.y_parity ^= 1;
    skips.emplace_back("high s", high);
    for (const auto& [what, skip] : skips) {
        SCOPED_TRACE(what);
        const Hash before = tree.state_root();
        AccountTree copy = tree;
        const StfResult res = apply_records(copy, std::vector<Record>{skip}, params);
        ASSERT_TRUE(res.ok()) << verdict_name(res.verdict);
        EXPECT_EQ(copy.state_root(), before);  // no fee either: account 0 unchanged
        EXPECT_TRUE(res.withdrawals.empty());
    }
}

TEST_F(Stf, WrongSkipsAreFraud) {
    const Address bob = address_of(test_key(2));
    TxSpec s;
    s.value = kEther;
    EXPECT_EQ(one(skipped_record(forced_tx(test_key(1), bob, s), 1)), Verdict::WrongSkip);
    EXPECT_EQ(one(skipped_record(forced_tx(test_key(1), withdrawal_address(), s), 1)), Verdict::WrongSkip);
    Address fresh;
    fresh[2] = 2;
    EXPECT_EQ(one(skipped_record(forced_tx(test_key(3), fresh, s), 1)), Verdict::WrongSkip);
    // A skipped kind 0 record is read like a skipped kind 1: index and from are not read.
    Record as_kind0 = skipped_record(forced_tx(test_key(1), bob, s), 1);
    as_kind0.kind = RecordKind::transfer;
    as_kind0.to = 77;
    as_kind0.from = 55;
    EXPECT_EQ(one(as_kind0), Verdict::WrongSkip);
    // The recipient side cannot justify a skip (§4.5): bob's balance would overflow.
    ASSERT_EQ(one(deposit_record(tree, bob, ~U256(0) - 10 * kEther)), Verdict::None);
    TxSpec one_wei;
    one_wei.value = 1;
    EXPECT_EQ(one(applied_forced(tree, test_key(1), 1, bob, one_wei)), Verdict::Overflow);
    EXPECT_EQ(one(skipped_record(forced_tx(test_key(1), bob, one_wei), 1)), Verdict::WrongSkip);
}

TEST_F(Stf, ASkipIsWrongForAnyAccountOfTheSigner) {
    // Key 1 spends once from account 1 (nonce 1 now), then key 2 opens a second account for key
    // 1's address (index 4, nonce 0): a transaction of nonce 0 is valid only for index 4.
    const Address alice = address_of(test_key(1));
    ASSERT_EQ(one(transfer(1, address_of(test_key(3)), TxSpec{.value = 1})), Verdict::None);
    const SignedTransaction twin = sign_tx(test_key(2), alice, TxSpec{.value = kEther});
    const Record second = *record_from_transaction(twin, 2, address_of(test_key(2)), std::nullopt, params);
    const Record skip = skipped_record(forced_tx(test_key(1), address_of(test_key(3)), TxSpec{.value = 5}), 1);

    // In one chunk: the second account is still in the executor's overlay when the skip comes.
    AccountTree same_chunk = tree;
    const StfResult res = apply_records(same_chunk, std::vector<Record>{second, skip}, params);
    EXPECT_EQ(res.verdict, Verdict::WrongSkip);
    EXPECT_EQ(res.record_index, 1u);

    ASSERT_EQ(one(second), Verdict::None);
    ASSERT_EQ(tree.index_of(alice), 1u);
    EXPECT_EQ(tree.indices_of(alice), (std::vector<std::uint32_t>{1, 4}));
    EXPECT_EQ(one(skip), Verdict::WrongSkip);
    // Nonce 1 fits account 1 (the lowest) instead; nonce 2 fits neither.
    EXPECT_EQ(one(skipped_record(forced_tx(test_key(1), address_of(test_key(3)), TxSpec{.nonce = 1}), 1)),
              Verdict::WrongSkip);
    EXPECT_EQ(one(skipped_record(forced_tx(test_key(1), address_of(test_key(3)), TxSpec{.nonce = 2}), 1)),
              Verdict::None);
}

TEST_F(Stf, SkipClaimsInTheWitness) {
    const Address bob = address_of(test_key(2));
    // Right: the claim 0xffffffff and nothing else.
    {
        AccountTree scratch = tree;
        Bytes witness;
        Executor ex(scratch, params, &witness);
        EXPECT_EQ(ex.apply(skipped_record(forced_tx(test_key(1), bob, TxSpec{.nonce = 9}), 1)), Verdict::None);
        EXPECT_EQ(to_hex(witness), "0xffffffff");
        EXPECT_EQ(scratch.state_root(), tree.state_root());
    }
    // Wrong: the signer's index, then its entry proven against the tree at that moment (here
    // after a transfer from that same account earlier in the chunk).
    {
        AccountTree scratch = tree;
        Bytes witness;
        Executor ex(scratch, params, &witness);
        ASSERT_EQ(ex.apply(transfer(3, bob, TxSpec{.value = 7})), Verdict::None);
        const std::size_t claim_at = witness.size();
        const AccountTree at_skip = scratch;
        EXPECT_EQ(ex.apply(skipped_record(forced_tx(test_key(3), bob, TxSpec{.nonce = 1}), 1)), Verdict::WrongSkip);
        Bytes expect{0, 0, 0, 3};
        append(expect, encode_account(at_skip.account(3)));
        append(expect, compress_proof(at_skip.proof(3)));
        EXPECT_EQ(to_hex(ByteView(witness).subspan(claim_at)), to_hex(expect));
        EXPECT_EQ(at_skip.account(3).nonce, 1u);
    }
}

TEST_F(Stf, ParallelRecoveryWithForcedRecords) {
    // Forced records of every kind, skips among them; a skipped kind 1 creates nothing, so the
    // index projected for the next new account must not count it.
    Address a, b;
    a[0] = 0xa1;
    b[0] = 0xb1;
    AccountTree shadow = tree;
    std::vector<Record> records;
    const auto add = [&](const Record& r) {
        records.push_back(r);
        ASSERT_TRUE(apply_records(shadow, std::span(records).subspan(records.size() - 1), params).ok());
    };
    add(applied_forced(shadow, test_key(1), 1, a, TxSpec{.value = kEther}));
    add(skipped_record(forced_tx(test_key(2), b, TxSpec{.nonce = 4}), 1));
    add(applied_forced(shadow, test_key(2), 2, b, TxSpec{.value = kEther}));
    add(applied_forced(shadow, test_key(3), 3, b, TxSpec{.value = 2}));  // kind 0 to the account just made
    add(signed_record(shadow, test_key(1), 1, b, TxSpec{.nonce = 1, .value = 3}));
    add(applied_forced(shadow, test_key(1), 1, withdrawal_address(), TxSpec{.nonce = 2, .value = 4}));
    add(skipped_record(forced_tx(test_key(3), withdrawal_address(), TxSpec{.nonce = 0}), 1));
    ASSERT_EQ(records[3].kind, RecordKind::transfer);
    ASSERT_EQ(records[3].to, tree.count() + 1);

    const auto recovered = recover_senders(tree, records, params, 2);
    EXPECT_TRUE(recovered[1].present);
    EXPECT_EQ(recovered[1].to, b);
    EXPECT_EQ(recovered[1].sender, address_of(test_key(2)));
    EXPECT_EQ(recovered[3].to, b);
    EXPECT_EQ(recovered[6].to, withdrawal_address());

    AccountTree one_thread = tree, two = tree, four = tree;
    const StfResult x = apply_records(one_thread, records, params, 1);
    const StfResult y = apply_records(two, records, params, 2);
    const StfResult z = apply_records(four, records, params, 4);
    ASSERT_TRUE(x.ok()) << verdict_name(x.verdict) << " at " << x.record_index;
    EXPECT_EQ(x.chunk_roots, y.chunk_roots);
    EXPECT_EQ(x.chunk_roots, z.chunk_roots);
    EXPECT_EQ(one_thread.state_root(), shadow.state_root());
    EXPECT_EQ(x.withdrawals.size(), 1u);
}

// A random workload long enough that the STF thread recovers records itself while a worker is
// busy (the pipeline's helping path), with invalid records among the transfers: every thread
// count gives the same chunk roots, verdicts and tree, and those roots are the ones of writing
// each change to the tree at once (witness mode) rather than once per chunk.
TEST_F(Stf, RandomWorkloadGivesTheSameRootsOnEveryThreadCountAndWriteOrder) {
    std::mt19937_64 rng(2024);
    constexpr int kKeys = 12;
    AccountTree shadow = tree;
    std::vector<Record> records;
    for (int k = 4; k < kKeys; ++k) records.push_back(deposit_record(shadow, address_of(test_key(k)), kEther));
    ASSERT_TRUE(apply_records(shadow, records, params).ok());
    std::vector<std::uint64_t> nonce(kKeys, 0);
    for (int i = 0; i < 200; ++i) {
        const int from = 1 + static_cast<int>(rng() % (kKeys - 1));
        Address to;
        if (rng() % 10 == 0) {
            to[0] = static_cast<std::uint8_t>(i);  // a new account
            to[19] = 2;
        } else {
            to = address_of(test_key(static_cast<int>(rng() % kKeys)));
        }
        TxSpec s;
        s.nonce = nonce[from];
        s.value = U256(1 + rng() % 1000);
        s.eip1559 = rng() % 2 == 0;
        const auto index = *shadow.index_of(address_of(test_key(from)));
        Record r = signed_record(shadow, test_key(from), index, to, s);
        if (apply_records(shadow, std::vector<Record>{r}, params).ok()) {
            ++nonce[from];
            records.push_back(r);
        }
    }
    const auto run_everywhere = [&](std::span<const Record> batch) -> StfResult {
        AccountTree one = tree;
        const StfResult expected = apply_records(one, batch, params, 1);
        for (unsigned threads : {2u, 3u, 4u}) {
            AccountTree other = tree;
            const StfResult got = apply_records(other, batch, params, threads);
            EXPECT_EQ(got.verdict, expected.verdict) << threads;
            EXPECT_EQ(got.record_index, expected.record_index) << threads;
            EXPECT_EQ(got.chunk_roots, expected.chunk_roots) << threads;
            EXPECT_EQ(other.state_root(), one.state_root()) << threads;
        }
        // Witness mode writes every change through at once (a path hashed per write).
        AccountTree through = tree;
        Bytes witness;
        Executor executor(through, params, &witness);
        std::vector<Hash> roots;
        for (std::size_t i = 0; i < batch.size() && roots.size() < expected.chunk_roots.size(); ++i) {
            if (executor.apply(batch[i]) != Verdict::None) break;
            if ((i + 1) % kChunkSize == 0 || i + 1 == batch.size()) {
                EXPECT_EQ(executor.end_chunk(), Verdict::None);
                roots.push_back(through.state_root());
            }
        }
        EXPECT_EQ(roots, expected.chunk_roots);
        return expected;
    };
    ASSERT_GT(records.size(), 150u);
    const StfResult valid = run_everywhere(records);
    ASSERT_TRUE(valid.ok()) << verdict_name(valid.verdict) << " at " << valid.record_index;
    EXPECT_EQ(valid.chunk_roots.back(), shadow.state_root());

    // Broken signatures and nonces further on: the first one decides on every path.
    records[100].s[3] ^= 1;
    records[120].nonce += 1;
    const StfResult broken = run_everywhere(records);
    EXPECT_NE(broken.verdict, Verdict::None);
    EXPECT_LE(broken.record_index, 100u);
}

}  // namespace
}  // namespace sluice::rollup
