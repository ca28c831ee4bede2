// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <sstream>

#include "core/crypto/keccak.hpp"
#include "core/eth/address.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "core/rollup/merkle.hpp"
#include "prerequisite.hpp"
#include "rollup_helpers.hpp"

namespace sluice::rollup {
namespace {
using namespace sluice::rollup::test;

class Batches : public ::testing::Test {
protected:
    void SetUp() override {
        genesis = AccountTree::genesis(address_of(test_key(0)));
        std::vector<Record> deposits;
        AccountTree scratch = genesis;
        for (int i = 1; i <= 4; ++i) {
            deposits.push_back(deposit_record(scratch, address_of(test_key(i)), 10 * kEther, 100 + i));
            scratch.append(Account{address_of(test_key(i)), 10 * kEther, 0});
        }
        pre = genesis;
        auto first = build_batch(pre, deposits, params);
        ASSERT_TRUE(first) << first.message();
        deposit_batch = std::move(*first);
    }

    // 40 records: transfers among 1..4 (three chunks), one withdrawal and one deposit inside.
    std::vector<Record> honest_records(const AccountTree& start) {
        AccountTree shadow = start;
        std::vector<Record> out;
        std::uint64_t nonce[5] = {};
        for (int i = 0; i < 40; ++i) {
            Record r;
            if (i == 9) {
                r = deposit_record(shadow, address_of(test_key(2)), kEther, 500);
            } else {
                const int from = 1 + i % 4;
                const Address to = i == 21 ? withdrawal_address() : address_of(test_key(1 + (i + 1) % 4));
                TxSpec s;
                s.nonce = nonce[from]++;
                s.value = U256(1000 * (i + 1));
                r = signed_record(shadow, test_key(from), static_cast<std::uint32_t>(from), to, s);
            }
            out.push_back(r);
            EXPECT_TRUE(apply_records(shadow, std::vector<Record>{r}, params).ok()) << i;
        }
        return out;
    }

    // 40 records like honest_records, with queue entries among them: a deposit (9), applied
    // forced transactions (kind 0 at 5, kind 2 at 21, kind 1 at 26) and right skips (a transfer
    // at 3, a withdrawal at 17, both far ahead of their signers' nonces).
    std::vector<Record> forced_mix(const AccountTree& start) {
        AccountTree shadow = start;
        std::vector<Record> out;
        std::uint64_t nonce[5] = {};
        for (int i = 0; i < 40; ++i) {
            Record r;
            const int from = 1 + i % 4;
            Address to = i == 21 || i == 17 ? withdrawal_address() : address_of(test_key(1 + (i + 1) % 4));
            if (i == 26) to = Address{.bytes = {0x26}};
            if (i == 9) {
                r = deposit_record(shadow, address_of(test_key(2)), kEther, 500);
            } else if (i == 3 || i == 17) {
                r = skipped_record(forced_tx(test_key(from), to, TxSpec{.nonce = 1000}), 600 + i);
            } else {
                TxSpec s;
                s.nonce = nonce[from]++;
                s.value = U256(1000 * (i + 1));
                const auto key = test_key(from);
                const auto index = static_cast<std::uint32_t>(from);
                r = (i == 5 || i == 21 || i == 26) ? applied_forced(shadow, key, index, to, s, 600 + i)
                                                   : signed_record(shadow, key, index, to, s);
            }
            out.push_back(r);
            EXPECT_TRUE(apply_records(shadow, std::vector<Record>{r}, params).ok()) << i;
        }
        return out;
    }

    // The batch `records` with the true root for chunk 0 and made-up roots after it.
    Batch lying_batch(const std::vector<Record>& records) {
        AccountTree t = pre;
        const StfResult first = apply_records(t, std::span(records).subspan(0, 16), params);
        EXPECT_TRUE(first.ok()) << verdict_name(first.verdict);
        std::vector<Hash> roots{t.state_root(), keccak256(as_bytes("a")), keccak256(as_bytes("b"))};
        return *assemble_batch(pre.state_root(), encode_records(records), roots);
    }

    Params params;
    AccountTree genesis;
    AccountTree pre;  // after the deposit batch
    Batch deposit_batch;
};

// The proposer builds its batch with the senders the sequencer recovered at admission: the same
// batch as with recovery, the given senders really are the ones used (a wrong one changes the
// outcome), and a list that does not fit is not used.
TEST_F(Batches, KnownSendersStandInForRecovery) {
    const auto records = honest_records(pre);
    AccountTree recovered_tree = pre;
    auto recovered = build_batch(recovered_tree, records, params, 2);
    ASSERT_TRUE(recovered) << recovered.message();

    const std::vector<RecoveredSender> known = recover_senders(pre, records, params, 1);
    ASSERT_TRUE(known[0].present && known[0].sender);
    EXPECT_FALSE(known[9].present);  // the deposit
    AccountTree known_tree = pre;
    auto with_known = build_batch(known_tree, records, params, 1, known);
    ASSERT_TRUE(with_known) << with_known.message();
    EXPECT_EQ(with_known->chunk_roots, recovered->chunk_roots);
    EXPECT_EQ(known_tree.state_root(), recovered_tree.state_root());

    // Record 0 is signed by account 1, which it spends from; said to be account 3's, it is refused.
    std::vector<RecoveredSender> wrong = known;
    wrong[0].sender = address_of(test_key(3));
    AccountTree t = pre;
    EXPECT_FALSE(apply_records(t, records, params, 1, wrong).ok());
    // An entry for another recipient address is not used: the record is recovered.
    wrong[0].to = Address{.bytes = {0x77}};
    t = pre;
    const StfResult not_used = apply_records(t, records, params, 1, wrong);
    EXPECT_TRUE(not_used.ok()) << verdict_name(not_used.verdict);
    EXPECT_EQ(not_used.chunk_roots, recovered->chunk_roots);
    // A list that is not one per record is not used at all.
    std::vector<RecoveredSender> short_list(known.begin(), known.end() - 1);
    short_list[0].sender = address_of(test_key(3));
    t = pre;
    EXPECT_EQ(apply_records(t, records, params, 1, short_list).chunk_roots, recovered->chunk_roots);
}

TEST_F(Batches, CommitmentsFollowTheProtocol) {
    EXPECT_EQ(deposit_batch.deposit_count, 4u);
    EXPECT_EQ(deposit_batch.chunk_count(), 1u);
    EXPECT_EQ(deposit_batch.state_root(), pre.state_root());
    Hash q{};
    for (const Record& r : deposit_batch.decoded) {
        Bytes pre_image;
        append(pre_image, q);
        append(pre_image, r.address);
        append(pre_image, u256_to_be32(r.value));
        for (int i = 7; i >= 0; --i) pre_image.push_back(static_cast<std::uint8_t>(r.timestamp >> (8 * i)));
        q = keccak256(pre_image);
        // The stored queue word carries uint32(timestamp) in its low 4 bytes (§4.4).
        for (int i = 0; i < 4; ++i) q[28 + i] = static_cast<std::uint8_t>(r.timestamp >> (24 - 8 * i));
    }
    EXPECT_EQ(deposit_chain(Hash{}, deposit_batch.decoded), q);

    AccountTree tree = pre;
    const auto records = honest_records(pre);
    auto batch = build_batch(tree, records, params, 2);
    ASSERT_TRUE(batch) << batch.message();
    ASSERT_EQ(batch->chunk_count(), 3u);
    EXPECT_EQ(batch->state_root(), tree.state_root());
    EXPECT_EQ(batch->records, encode_records(records));
    // Chunk leaves by hand: keccak(pre ‖ post ‖ keccak(bytes of records 16j .. 16j+15)).
    std::vector<Hash> leaves;
    for (std::size_t j = 0; j < 3; ++j) {
        Bytes chunk;
        for (std::size_t i = 16 * j; i < std::min<std::size_t>(40, 16 * j + 16); ++i) encode_record(chunk, records[i]);
        Bytes pre_image;
        append(pre_image, j == 0 ? pre.state_root() : batch->chunk_roots[j - 1]);
        append(pre_image, batch->chunk_roots[j]);
        append(pre_image, keccak256(chunk));
        leaves.push_back(keccak256(pre_image));
    }
    EXPECT_EQ(batch->chunk_leaves, leaves);
    const Hash tx_root = hash_pair(hash_pair(leaves[0], leaves[1]), hash_pair(leaves[2], Hash{}));
    EXPECT_EQ(batch->tx_root, tx_root);
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(merkle_root_from_proof(leaves[j], j, batch->chunk_proof(j)), tx_root);
    // One withdrawal: its leaf is the root.
    ASSERT_EQ(batch->withdrawals.size(), 1u);
    EXPECT_EQ(batch->withdrawals[0].recipient, address_of(test_key(2)));
    Bytes wl;
    append(wl, address_of(test_key(2)));
    append(wl, u256_to_be32(U256(22000)));
    EXPECT_EQ(batch->withdrawal_root, keccak256(wl));
    EXPECT_TRUE(batch->withdrawal_proof(0).empty());
    EXPECT_TRUE(deposit_batch.withdrawal_root.is_zero());

    Address proposer;
    proposer[19] = 0x77;
    const BatchHeader h = batch->header(4, 1700000000, proposer);
    EXPECT_EQ(h.deposit_end, 5u);
    EXPECT_EQ(h.record_count, 40u);
    const Bytes enc = abi_encode_header(h);
    ASSERT_EQ(enc.size(), 288u);
    EXPECT_EQ(to_hex(ByteView(enc).subspan(128, 32)),
              "0x0000000000000000000000000000000000000000000000000000000000000028");
    EXPECT_EQ(enc[287], 0x77);
    EXPECT_EQ(batch_header_hash(h), keccak256(enc));
}

TEST_F(Batches, RefusesInvalidAndMalformedBatches) {
    AccountTree tree = pre;
    auto records = honest_records(pre);
    records[30].nonce += 1;
    const Hash before = tree.state_root();
    auto bad = build_batch(tree, records, params);
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.message().find("record 30"), std::string::npos) << bad.message();
    EXPECT_NE(bad.message().find("BadNonce"), std::string::npos);
    EXPECT_EQ(tree.state_root(), before);

    EXPECT_FALSE(build_batch(tree, std::vector<Record>{}, params));
    EXPECT_FALSE(assemble_batch(before, {}, {}));
    const Bytes one = encode_record(records[0]);
    EXPECT_FALSE(assemble_batch(before, one, {}));
    EXPECT_FALSE(assemble_batch(before, one, {Hash{}, Hash{}}));
    EXPECT_TRUE(assemble_batch(before, one, {Hash{}}));
    Bytes cut = one;
    cut.pop_back();
    EXPECT_FALSE(assemble_batch(before, cut, {Hash{}}));
}

// Reads the witness: returns the account entries and proofs (no new accounts in these batches).
std::vector<std::pair<Account, AccountProof>> read_witness(const Bytes& w) {
    std::vector<std::pair<Account, AccountProof>> out;
    std::size_t off = 0;
    while (off < w.size()) {
        EXPECT_GE(w.size() - off, 64u);
        Account a;
        std::copy(w.begin() + off, w.begin() + off + 20, a.address.bytes.begin());
        a.balance = *u256_from_be(ByteView(w).subspan(off + 20, 32));
        for (int i = 0; i < 8; ++i) a.nonce = (a.nonce << 8) | w[off + 52 + i];
        off += 60;
        auto p = decompress_proof(w, off);
        EXPECT_TRUE(p) << p.message();
        if (!p) break;
        out.emplace_back(a, *p);
    }
    return out;
}

TEST_F(Batches, HonestBatchHasNoFraudProof) {
    AccountTree tree = pre;
    auto batch = build_batch(tree, honest_records(pre), params);
    ASSERT_TRUE(batch);
    auto proof = build_fraud_proof(*batch, batch->header(4, 1, Address{}), 3, pre, params);
    ASSERT_TRUE(proof) << proof.message();
    EXPECT_FALSE(proof->has_value());
    // The wrong pre-state is the caller's mistake, said as such.
    auto wrong = build_fraud_proof(*batch, batch->header(4, 1, Address{}), 3, genesis, params);
    ASSERT_FALSE(wrong);
    EXPECT_NE(wrong.message().find("pre-state"), std::string::npos);
}

TEST_F(Batches, WrongStateRootIsProvenOnTheFirstBadChunk) {
    AccountTree tree = pre;
    const auto records = honest_records(pre);
    auto honest = build_batch(tree, records, params);
    ASSERT_TRUE(honest);
    std::vector<Hash> roots = honest->chunk_roots;
    roots[1][0] ^= 1;  // chunk 1 lies; chunk 2 then starts from the lie
    roots[2][0] ^= 1;
    auto cheat = assemble_batch(honest->prev_state_root, honest->records, roots);
    ASSERT_TRUE(cheat);
    const BatchHeader header = cheat->header(4, 99, Address{});
    auto built = build_fraud_proof(*cheat, header, 5, pre, params);
    ASSERT_TRUE(built) << built.message();
    ASSERT_TRUE(built->has_value());
    const FraudProof& p = **built;
    EXPECT_EQ(p.verdict, Verdict::WrongStateRoot);
    EXPECT_EQ(p.chunk_index, 1u);
    EXPECT_EQ(p.pre_root, honest->chunk_roots[0]);
    EXPECT_EQ(p.post_root, roots[1]);
    EXPECT_EQ(state_root_of(p.tree_root, p.count), p.pre_root);
    EXPECT_EQ(Bytes(p.records), Bytes(cheat->chunk_records(1).begin(), cheat->chunk_records(1).end()));
    EXPECT_EQ(merkle_root_from_proof(chunk_leaf(p.pre_root, p.post_root, p.records), 1, p.chunk_proof), header.tx_root);

    // Witness: sender + recipient per record (the withdrawal at 21 has only its sender), then the
    // fee account; the first proof is against treeRoot, the last gives the true post-state root.
    const auto entries = read_witness(p.witness);
    ASSERT_EQ(entries.size(), 2u * 16 - 1 + 1);
    AccountTree start = pre;
    ASSERT_TRUE(apply_records(start, std::span(records).subspan(0, 16), params).ok());
    const std::uint32_t sender0 = records[16].from;
    EXPECT_EQ(entries[0].first, start.account(sender0));
    EXPECT_TRUE(verify_account_proof(p.tree_root, sender0, account_leaf(entries[0].first), entries[0].second));
    AccountTree end = start;
    ASSERT_TRUE(apply_records(end, std::span(records).subspan(16, 16), params).ok());
    EXPECT_EQ(root_from_account_proof(0, account_leaf(end.account(0)), entries.back().second), end.root());
    EXPECT_NE(end.state_root(), p.post_root);
}

struct Cheat {
    const char* name;
    Verdict verdict;
    std::size_t witness_entries;  // of the bad record itself
    std::function<void(Record&, const AccountTree&)> mutate;
};

TEST_F(Batches, EveryKindOfInvalidRecordIsProven) {
    const std::vector<Cheat> cheats = {
        {"unknown sender", Verdict::UnknownAccount, 0, [](Record& r, const AccountTree&) { r.from = 50; }},
        // Checked with rule 1, before the sender is read (contracts/README.md, decision 1).
        {"unknown recipient", Verdict::UnknownAccount, 0, [](Record& r, const AccountTree&) { r.to = 50; }},
        // The contract reads a kind-0 recipient's address after the sender's entry (decision 2).
        {"replayed nonce", Verdict::BadNonce, 2, [](Record& r, const AccountTree&) { r.nonce -= 1; }},
        {"forged signature", Verdict::BadSignature, 2, [](Record& r, const AccountTree&) { r.r[7] ^= 1; }},
        {"stolen funds", Verdict::BadSignature, 2,
         [](Record& r, const AccountTree& t) {
             r.from = r.from % 4 + 1;  // someone else's account, at its right nonce
             r.nonce = t.account(r.from).nonce;
         }},
        {"fee below base", Verdict::BadFee, 2,
         [](Record&, const AccountTree&) {}},  // replaced below by a signed record
        {"overdraft", Verdict::Overdraft, 2, [](Record&, const AccountTree&) {}},
        // 2 entries, but record 19 becomes a deposit with 1 instead of 2: 8 - 1 + 2.
        {"overflow", Verdict::Overflow, 1, [](Record&, const AccountTree&) {}},
        {"withdrawal to a stranger", Verdict::BadWithdrawal, 1, [](Record&, const AccountTree&) {}},
    };
    const auto records = honest_records(pre);
    for (const Cheat& cheat : cheats) {
        SCOPED_TRACE(cheat.name);
        // The proposer slips the bad record in at batch index 20 (chunk 1, record 4).
        std::vector<Record> bad = records;
        AccountTree at20 = pre;
        ASSERT_TRUE(apply_records(at20, std::span(records).subspan(0, 20), params).ok());
        Record& r = bad[20];
        ASSERT_TRUE(r.kind == RecordKind::transfer);
        const std::uint32_t from = r.from;
        const PrivateKey key = test_key(static_cast<int>(from));
        const Address to = at20.account(r.to).address;
        TxSpec s;
        s.nonce = at20.account(from).nonce;
        s.value = r.value;
        if (cheat.verdict == Verdict::BadFee) {
            s.max_fee = kGwei / 2;
            r = signed_record(at20, key, from, to, s);
        } else if (cheat.verdict == Verdict::Overdraft) {
            s.value = at20.account(from).balance;
            r = signed_record(at20, key, from, to, s);
        } else if (cheat.verdict == Verdict::Overflow) {
            // A deposit just before (as the queue demanded) fills the recipient up to 2^256 - 1.
            bad[19] = deposit_record(at20, at20.account(r.to).address, ~U256(0) - at20.account(r.to).balance);
        } else if (cheat.verdict == Verdict::BadWithdrawal) {
            r = signed_record(at20, key, from, withdrawal_address(), s);
            r.address = address_of(test_key(9));
        } else {
            cheat.mutate(r, at20);
        }
        // Claimed roots: the true one for chunk 0, anything after.
        AccountTree t = pre;
        std::vector<Hash> roots{Hash{}, keccak256(as_bytes("a")), keccak256(as_bytes("b"))};
        const StfResult first = apply_records(t, std::span(bad).subspan(0, 16), params);
        ASSERT_TRUE(first.ok()) << verdict_name(first.verdict);
        roots[0] = first.chunk_roots[0];
        auto batch = assemble_batch(pre.state_root(), encode_records(bad), roots);
        ASSERT_TRUE(batch) << batch.message();
        auto built = build_fraud_proof(*batch, batch->header(4, 1, Address{}), 0, pre, params);
        ASSERT_TRUE(built) << built.message();
        ASSERT_TRUE(built->has_value());
        const FraudProof& p = **built;
        EXPECT_EQ(p.chunk_index, 1u);
        EXPECT_EQ(verdict_name(p.verdict), verdict_name(cheat.verdict));
        EXPECT_EQ(p.record_index, 4u);
        // Four valid transfers (2 entries each), then the bad record's own entries.
        EXPECT_EQ(read_witness(p.witness).size(), 8 + cheat.witness_entries);
    }
}

TEST_F(Batches, ProveFraudCalldataMatchesCast) {
    AccountTree tree = pre;
    auto honest = build_batch(tree, honest_records(pre), params);
    ASSERT_TRUE(honest);
    std::vector<Hash> roots = honest->chunk_roots;
    roots[2][31] ^= 1;
    auto cheat = assemble_batch(honest->prev_state_root, honest->records, roots);
    ASSERT_TRUE(cheat);
    Address proposer = *parse_address("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    const BatchHeader h = cheat->header(4, 1700000123, proposer);
    auto built = build_fraud_proof(*cheat, h, 7, pre, params);
    ASSERT_TRUE(built && built->has_value());
    const FraudProof& p = **built;
    auto call = encode_prove_fraud_call(p);
    ASSERT_TRUE(call) << call.message();
    EXPECT_EQ(to_hex(ByteView(*call).subspan(4, 32)),
              "0x0000000000000000000000000000000000000000000000000000000000000020");

    const std::string cast = SLUICE_CAST_PATH;
    SLUICE_GTEST_PREREQUISITE(std::filesystem::exists(cast),
                              "cast not found (run scripts/setup.sh): no peer comparison");
    std::ostringstream arg;
    arg << "(7,(" << h.prev_state_root.hex() << ',' << h.state_root.hex() << ',' << h.tx_root.hex() << ','
        << h.withdrawal_root.hex() << ',' << h.record_count << ',' << h.deposit_start << ',' << h.deposit_end << ','
        << h.submitted_at << ',' << h.proposer.hex() << ")," << p.chunk_index << ',' << p.pre_root.hex() << ','
        << p.post_root.hex() << ',' << to_hex(p.records) << ",[";
    for (std::size_t i = 0; i < p.chunk_proof.size(); ++i) arg << (i ? "," : "") << p.chunk_proof[i].hex();
    arg << "]," << p.tree_root.hex() << ',' << p.count << ',' << to_hex(p.witness) << ')';
    const std::string command = cast + " calldata '" + kProveFraudSignature + "' '" + arg.str() + "' 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    ASSERT_TRUE(pipe);
    std::string out;
    std::array<char, 4096> buf;
    while (std::fgets(buf.data(), buf.size(), pipe.get())) out += buf.data();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    EXPECT_EQ(out, to_hex(*call));
}

TEST_F(Batches, ForcedTransactionsAreQueueEntries) {
    // The chain step of §4.4 for the tuple of records_test (cast keccak over 0 ‖ forcedHash ‖ ts).
    ForcedTransaction known;
    known.eip1559 = true;
    known.y_parity = 1;
    known.to = withdrawal_address();
    known.nonce = 7;
    known.value = kEther * 3 / 2;
    known.max_priority_fee_per_gas = kGwei;
    known.max_fee_per_gas = 3 * kGwei;
    known.gas_limit = 21000;
    for (auto& b : known.r.bytes) b = 0x11;
    for (auto& b : known.s.bytes) b = 0x22;
    EXPECT_EQ(forced_chain_next(Hash{}, forced_hash(known), 1700000000).hex(),
              "0x176c241c2c1164820686b2fe6e3b8b8da00738ca599cef6e032b8e166553f100");

    AccountTree tree = pre;
    const auto records = forced_mix(pre);
    auto batch = build_batch(tree, records, params);
    ASSERT_TRUE(batch) << batch.message();
    // Six queue entries: the deposit, three applied forced records and two skips.
    EXPECT_EQ(batch->deposit_count, 6u);
    EXPECT_EQ(batch->header(4, 1, Address{}).deposit_end, 10u);
    Hash q = deposit_batch.state_root();  // any previous word
    for (const Record& r : records) {
        if (r.kind == RecordKind::deposit) q = deposit_chain_next(q, r.address, r.value, r.timestamp);
        if (r.forced) q = forced_chain_next(q, forced_hash(forced_transaction_of(r, params)), r.timestamp);
    }
    EXPECT_EQ(deposit_chain(deposit_batch.state_root(), batch->decoded), q);
    EXPECT_EQ(static_cast<std::uint32_t>(q[28]) << 24 | q[29] << 16 | q[30] << 8 | q[31], 626u);  // record 26's time
    // Only the applied withdrawal (21, forced) has a leaf; the skipped one (17) pays nothing.
    ASSERT_EQ(batch->withdrawals.size(), 1u);
    EXPECT_EQ(batch->withdrawals[0], (Withdrawal{address_of(test_key(2)), U256(22000)}));
    // An honest batch with forced records and right skips has no fraud proof.
    auto proof = build_fraud_proof(*batch, batch->header(4, 1, Address{}), 3, pre, params);
    ASSERT_TRUE(proof) << proof.message();
    EXPECT_FALSE(proof->has_value());

    // The honest proposer is told what to do with a forced transaction it got wrong.
    std::vector<Record> wrong = records;
    wrong[5].skipped = true;  // a valid transaction skipped
    AccountTree t = pre;
    auto refused = build_batch(t, wrong, params);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("record 5 is invalid (WrongSkip): apply it"), std::string::npos)
        << refused.message();
    wrong = records;
    wrong[5].nonce += 1;
    refused = build_batch(t, wrong, params);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.message().find("(BadNonce): skip it instead"), std::string::npos) << refused.message();

    // At most MAX_DEPOSITS_PER_BATCH queue entries, forced ones counted.
    std::vector<Record> skips(kMaxDepositsPerBatch + 1, records[3]);
    auto many = assemble_batch(pre.state_root(), encode_records(skips), std::vector<Hash>(17));
    ASSERT_FALSE(many);
    EXPECT_NE(many.message().find("queue entries"), std::string::npos) << many.message();
    skips.pop_back();
    EXPECT_TRUE(assemble_batch(pre.state_root(), encode_records(skips), std::vector<Hash>(16)));
}

TEST_F(Batches, SkipsAndForcedAddressesAreProven) {
    const auto records = forced_mix(pre);
    AccountTree at16 = pre;  // the true state at chunk 1's start
    ASSERT_TRUE(apply_records(at16, std::span(records).subspan(0, 16), params).ok());
    const std::uint32_t from = records[16].from;
    const Address to = at16.account(records[16].to).address;
    TxSpec s;
    s.nonce = at16.account(from).nonce;
    s.value = records[16].value;
    const auto entry = [](const AccountTree& t, std::uint32_t index) {
        Bytes out;
        append(out, encode_account(t.account(index)));
        append(out, compress_proof(t.proof(index)));
        return out;
    };
    const auto prove = [&](const std::vector<Record>& bad) {
        const Batch batch = lying_batch(bad);
        auto built = build_fraud_proof(batch, batch.header(4, 1, Address{}), 0, pre, params);
        EXPECT_TRUE(built && built->has_value());
        return **built;
    };

    // A skip of record 16's transaction, which is valid: WrongSkip, its claim the whole witness.
    {
        std::vector<Record> bad = records;
        bad[16] = skipped_record(forced_tx(test_key(static_cast<int>(from)), to, s), 700);
        const FraudProof p = prove(bad);
        EXPECT_EQ(p.chunk_index, 1u);
        EXPECT_EQ(verdict_name(p.verdict), "WrongSkip");
        EXPECT_EQ(p.record_index, 0u);
        Bytes expect{0, 0, 0, static_cast<std::uint8_t>(from)};
        append(expect, entry(at16, from));
        EXPECT_EQ(to_hex(p.witness), to_hex(expect));
    }
    // A forced kind 0 record pointed at another account than the one it names: UnknownAccount,
    // after the sender's and the recipient's entries (both against the unchanged tree).
    {
        std::vector<Record> bad = records;
        bad[16] = applied_forced(at16, test_key(static_cast<int>(from)), from, to, s, 700);
        ASSERT_EQ(bad[16].kind, RecordKind::transfer);
        std::uint32_t other = 1;
        while (other == from || other == bad[16].to) ++other;
        bad[16].to = other;
        const FraudProof p = prove(bad);
        EXPECT_EQ(verdict_name(p.verdict), "UnknownAccount");
        EXPECT_EQ(p.record_index, 0u);
        Bytes expect = entry(at16, from);
        append(expect, entry(at16, other));
        EXPECT_EQ(to_hex(p.witness), to_hex(expect));
    }
    // A chunk with a right skip (17) and a wrong root: WrongStateRoot, the skip's claim
    // 0xffffffff right after record 16's two entries.
    {
        const FraudProof p = prove(records);
        EXPECT_EQ(verdict_name(p.verdict), "WrongStateRoot");
        AccountTree scratch = at16;
        Bytes first;
        Executor ex(scratch, params, &first);
        ASSERT_EQ(ex.apply(records[16]), Verdict::None);
        ASSERT_GT(p.witness.size(), first.size() + 4);
        EXPECT_EQ(to_hex(ByteView(p.witness).subspan(0, first.size())), to_hex(first));
        EXPECT_EQ(to_hex(ByteView(p.witness).subspan(first.size(), 4)), "0xffffffff");
    }
}

}  // namespace
}  // namespace sluice::rollup
