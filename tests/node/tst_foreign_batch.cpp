// SPDX-License-Identifier: MIT
// Sequencer::adoptForeignBatch (issue 9, finding 8): a valid batch of another bonded proposer lands
// on L1 right after our posted state. Real parts only: two independent Sequencers on their own
// SQLite files (ours and the "foreign" proposer's), both from genesis with the same fee recipient
// and chain id and the same L1 queue entries; the foreign one sequences other transactions, its
// batch is built with core build_batch from the shared posted state, and ours adopts it.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <limits>

#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/records.hpp"
#include "core/rollup/stf.hpp"
#include "node/sequencer/sequencer.h"
#include "node/storage/nodedatabase.h"
#include "node_test_support.hpp"

using namespace sluice;
using namespace sluice::node;
using namespace sluice::node_test;

namespace {

// anvil's dev keys 0, 1 and 2.
const char* kKeyA = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const char* kKeyB = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const char* kKeyC = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
const U256 kEther = U256(1'000'000'000'000'000'000ULL);
const U256 kFee = U256(21000) * U256(1'000'000'000);  // 21000 × the L2 base fee (priority fee 0)

Address addressOf(const char* key) { return public_key_of(*PrivateKey::from_hex(key)).address(); }
const Address kD = addr("0x00000000000000000000000000000000000000d0");  // a recipient without a key
const Address kProposer = addr("0x00000000000000000000000000000000000000fe");
const Address kOtherProposer = addr("0x0000000000000000000000000000000000000bb0");

SignedTransaction signedTx(const char* key, std::uint64_t nonce, const Address& to, const U256& value) {
    Transaction tx;
    tx.type = TxType::eip1559;
    tx.chain_id = 31338;
    tx.nonce = nonce;
    tx.max_fee_per_gas = 2'000'000'000;
    tx.max_priority_fee_per_gas = 0;
    tx.gas_limit = 21000;
    tx.to = to;
    tx.value = value;
    return sign_transaction(tx, *PrivateKey::from_hex(key));
}
Bytes transfer(const char* key, std::uint64_t nonce, const Address& to, const U256& value) {
    return encode_signed(signedTx(key, nonce, to, value));
}

// A sequencer that makes blocks only when told (produceBlock) or when a queue entry arrives, so a
// test decides which records share a block.
SequencerConfig manualConfig(const QString& dir) {
    SequencerConfig c = sequencerConfig(dir);
    c.blockTimeMs = 1'000'000;
    return c;
}

Hash submit(Sequencer& seq, const Bytes& raw) {
    auto h = seq.submitRawTransaction(raw);
    if (!h) qFatal("submission refused: %s", h.message().c_str());
    return *h;
}

// Produces one block with everything waiting and waits until it is durable.
bool block(Sequencer& seq) {
    const auto before = seq.blockNumber();
    seq.produceBlock();
    return spinUntil([&] { return seq.blockNumber() > before; });
}

// The batch of the first `count` pending records, as the proposer builds it.
rollup::Batch batchOf(const Sequencer& seq, std::size_t count, rollup::BatchHeader& header, const Address& proposer,
                      std::uint64_t submittedAt) {
    auto pending = seq.pendingRecordsForBatch(1000);
    if (pending.records.size() < count) qFatal("only %zu records pending", pending.records.size());
    rollup::AccountTree tree = *pending.preState;
    std::span<const rollup::Record> records(pending.records.data(), count);
    auto batch = rollup::build_batch(tree, records, seq.config().params, 2);
    if (!batch) qFatal("build_batch: %s", batch.message().c_str());
    header = batch->header(pending.depositStart, submittedAt, proposer);
    return std::move(batch).value();
}

TxStatus statusOf(const Sequencer& seq, const Hash& h) {
    auto t = seq.transaction(h);
    return t ? t->status : TxStatus(-1);
}
bool sequencedAfter(const Sequencer& seq, const Hash& h, std::uint64_t block) {
    auto t = seq.transaction(h);
    return t && t->status == TxStatus::sequenced && t->block && *t->block > block;
}

// Every record of the stream crediting queue entry `index`.
int creditsOf(const QString& dbPath, std::uint64_t index) {
    auto db = NodeDatabase::open(dbPath);
    if (!db) qFatal("%s", db.message().c_str());
    // Held by name: a range-for over *records(...) would outlive the Result it dereferences.
    const auto records = (*db)->records(0, std::numeric_limits<std::uint64_t>::max());
    if (!records) qFatal("%s", records.message().c_str());
    int n = 0;
    for (const auto& r : *records)
        if (r.depositIndex && *r.depositIndex == index) ++n;
    return n;
}

}  // namespace

class ForeignBatchTest : public QObject {
    Q_OBJECT
private slots:
    void adoptsForeignBatchAndResequences();
    void cutsTheBlockThatStraddlesThePostedBoundary();
    void refusesWhatDoesNotFollowOrIsNotHonest();
};

void ForeignBatchTest::adoptsForeignBatchAndResequences() {
    QTemporaryDir oursDir, foreignDir;
    const Address a = addressOf(kKeyA), b = addressOf(kKeyB), c = addressOf(kKeyC);
    Sequencer ours(manualConfig(oursDir.path()));
    Sequencer foreign(manualConfig(foreignDir.path()));
    QVERIFY(ours.start().ok());
    QVERIFY(foreign.start().ok());

    // The shared past: queue entries 0 and 1, posted by us in batch 0 (the other proposer saw it too).
    for (Sequencer* s : {&ours, &foreign}) {
        QVERIFY(s->creditDeposit(0, a, 10 * kEther, 1000).ok());
        QVERIFY(s->creditDeposit(1, b, 10 * kEther, 1001).ok());
        QVERIFY(
            spinUntil([&] { return s->nextDepositIndex() == 2 && s->pendingRecordsForBatch(10).records.size() == 2; }));
    }
    rollup::BatchHeader h0, h0f;
    batchOf(ours, 2, h0, kProposer, 5000);
    batchOf(foreign, 2, h0f, kProposer, 5000);
    QCOMPARE(h0, h0f);
    QVERIFY(ours.markBatchPosted(0, 2, h0).ok());
    QVERIFY(foreign.markBatchPosted(0, 2, h0).ok());

    // Ours sequences on top: A0 (also sent to the other proposer), A1, B0 (the other proposer got
    // another B0), queue entry 2 (only we have credited it so far) and C0, which needs it.
    const Bytes a0 = transfer(kKeyA, 0, kD, kEther);
    const Hash hA0 = submit(ours, a0);
    const Hash hA1 = submit(ours, transfer(kKeyA, 1, kD, 2 * kEther));
    const Hash hB0 = submit(ours, transfer(kKeyB, 0, kD, 3 * kEther));
    QVERIFY(block(ours));
    QVERIFY(ours.creditDeposit(2, c, 5 * kEther, 1002).ok());
    QVERIFY(spinUntil([&] { return ours.balance(c) == 5 * kEther; }));
    const Hash hC0 = submit(ours, transfer(kKeyC, 0, a, kEther));
    QVERIFY(block(ours));
    const std::uint64_t oursHeadBefore = ours.blockNumber();
    const auto a1Before = ours.transaction(hA1);
    QVERIFY(a1Before && a1Before->status == TxStatus::sequenced && a1Before->blockHash);
    QCOMPARE(ours.pendingRecordsForBatch(1000).records.size(), 5u);

    // The other proposer's batch 1: A0 (the same transaction), B0' to A, B1 a withdrawal.
    QCOMPARE(submit(foreign, a0), hA0);
    const Hash hB0f = submit(foreign, transfer(kKeyB, 0, a, 4 * kEther));
    const Hash hB1f = submit(foreign, transfer(kKeyB, 1, rollup::withdrawal_address(), kEther));
    QVERIFY(block(foreign));
    rollup::BatchHeader h1;
    const rollup::Batch batch1 = batchOf(foreign, 3, h1, kOtherProposer, 6000);
    QCOMPARE(h1.prev_state_root, h0.state_root);
    QCOMPARE(h1.deposit_start, 2u);
    QCOMPARE(h1.deposit_end, 2u);
    QVERIFY(foreign.markBatchPosted(1, 3, h1).ok());
    QCOMPARE(foreign.stateRoot(), h1.state_root);

    QSignalSpy sequencedSpy(&ours, &Sequencer::transactionSequenced);
    const Hash l1Tx = *Hash::from_hex("0x" + std::string(64, '7'));
    auto st = ours.adoptForeignBatch(1, h1, batch1, l1Tx, 77);
    QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());

    // Ours continues from the foreign batch: one block holds it, posted in batch 1.
    const std::uint64_t adopted = 2;  // genesis, the deposits' block, then the foreign batch's block
    auto adoptedBlock = ours.block(adopted);
    QVERIFY(adoptedBlock);
    QCOMPARE(adoptedBlock->stateRoot, h1.state_root);
    QCOMPARE(adoptedBlock->recordStart, 2u);
    QCOMPARE(adoptedBlock->recordCount, 3u);
    QCOMPARE(adoptedBlock->transactions, (std::vector<Hash>{hA0, hB0f, hB1f}));
    QCOMPARE(adoptedBlock->parentHash, ours.block(1)->hash);
    QVERIFY(oursHeadBefore > adopted);  // ours had more blocks: they are gone
    for (const Hash& h : {hA0, hB0f, hB1f}) {
        auto t = ours.transaction(h);
        QVERIFY(t);
        QCOMPARE(int(t->status), int(TxStatus::posted));
        QCOMPARE(*t->batchIndex, 1u);
        QCOMPARE(*t->block, adopted);
    }
    QCOMPARE(ours.transaction(hB0f)->from, b);
    QCOMPARE(sequencedSpy.count(), 3);  // the adopted block's transactions, now durable in our chain
    {
        auto db = NodeDatabase::open(testDatabase(oursDir.path()));
        QVERIFY(db.ok());
        auto stored = (*db)->batch(1);
        QVERIFY(stored);
        const auto& row = *stored;
        QVERIFY(row && row->firstRecordSeq);
        QCOMPARE(*row->firstRecordSeq, 2u);
        QCOMPARE(row->l1TxHash, l1Tx);
        QCOMPARE(row->l1Block, 77u);
        QCOMPARE(row->proposer, kOtherProposer);
        const auto w = *(*db)->withdrawalsInBatch(1);
        QCOMPARE(w.size(), std::size_t(1));
        QCOMPARE(w[0].l2TxHash, hB1f);
        QCOMPARE(w[0].recipient, b);
        QCOMPARE(w[0].amount, kEther);
        QCOMPARE(*w[0].withdrawalIndex, 0u);
        QCOMPARE(int(w[0].status), int(WithdrawalStatus::posted));
        QVERIFY(!(*(*db)->deposit(2))->creditedBlock);  // to be credited again
    }

    // What ours sequenced and the foreign batch did not hold is sequenced again on top of it;
    // B0 conflicts with the foreign B0' (same sender and nonce) and is dropped.
    QVERIFY(spinUntil([&] {
        return sequencedAfter(ours, hA1, adopted) && sequencedAfter(ours, hC0, adopted) &&
               statusOf(ours, hB0) == TxStatus::dropped;
    }));
    const auto a1After = ours.transaction(hA1);
    QVERIFY(*a1After->blockHash != *a1Before->blockHash);
    QCOMPARE(ours.mempoolSize(), 0u);

    const U256 fee = kFee;
    QCOMPARE(ours.balance(a), foreign.balance(a) - 2 * kEther - fee + kEther);  // A1 out, C0 in
    QCOMPARE(ours.balance(b), foreign.balance(b));                              // B0 dropped
    QCOMPARE(ours.balance(c), 5 * kEther - kEther - fee);
    QCOMPARE(ours.balance(kD), foreign.balance(kD) + 2 * kEther);
    QCOMPARE(foreign.balance(kD), kEther);
    QCOMPARE(ours.balance(b), 10 * kEther - 5 * kEther - 2 * fee);
    QCOMPARE(ours.nonce(a), 2u);
    QCOMPARE(ours.nonce(b), 2u);

    // Queue entry 2, which ours had credited beyond the foreign batch's depositEnd, is credited again, once.
    QCOMPARE(creditsOf(testDatabase(oursDir.path()), 2), 1);
    QCOMPARE(ours.nextDepositIndex(), 3u);

    // The next batch starts at the foreign batch's post-state and depositEnd and agrees with the soft chain.
    auto next = ours.pendingRecordsForBatch(1000);
    QCOMPARE(next.preStateRoot, h1.state_root);
    QCOMPARE(next.preState->state_root(), h1.state_root);
    QCOMPARE(next.depositStart, h1.deposit_end);
    QCOMPARE(next.firstRecordSeq, 5u);
    QCOMPARE(next.records.size(), 3u);  // queue entry 2, A1, C0
    QVERIFY(next.records[0].kind == rollup::RecordKind::deposit);
    QCOMPARE(*next.txHashes[1], hA1);
    QCOMPARE(*next.txHashes[2], hC0);
    rollup::AccountTree tree = *next.preState;
    auto batch2 = rollup::build_batch(tree, next.records, ours.config().params, 2);
    QVERIFY(batch2.ok());
    QCOMPARE(batch2->state_root(), ours.stateRoot());
    QCOMPARE(batch2->header(next.depositStart, 7000, kProposer).deposit_end, 3u);

    // A restart replays the rewritten database to the same state.
    const Hash root = ours.stateRoot();
    const std::uint64_t head = ours.blockNumber();
    ours.stop();
    Sequencer again(manualConfig(oursDir.path()));
    QVERIFY(again.start().ok());
    QCOMPARE(again.stateRoot(), root);
    QCOMPARE(again.state().state_root(), root);
    QCOMPARE(again.blockNumber(), head);
    QCOMPARE(again.balance(a), ours.balance(a));
    QCOMPARE(again.mempoolSize(), 0u);
    QCOMPARE(int(statusOf(again, hB0)), int(TxStatus::dropped));
    QCOMPARE(int(statusOf(again, hA0)), int(TxStatus::posted));
    QCOMPARE(again.pendingRecordsForBatch(1000).preStateRoot, h1.state_root);
    QCOMPARE(again.pendingRecordsForBatch(1000).records, next.records);
    QCOMPARE(again.nextDepositIndex(), 3u);
    QCOMPARE(creditsOf(testDatabase(oursDir.path()), 2), 1);
}

void ForeignBatchTest::cutsTheBlockThatStraddlesThePostedBoundary() {
    QTemporaryDir oursDir, foreignDir;
    const Address a = addressOf(kKeyA), b = addressOf(kKeyB);
    const rollup::Params params;
    Sequencer ours(manualConfig(oursDir.path()));
    Sequencer foreign(manualConfig(foreignDir.path()));
    QVERIFY(ours.start().ok());
    QVERIFY(foreign.start().ok());

    // Both: block 1 = queue entries 0 and 1; block 2 = A0 and (ours only) A1.
    const Bytes a0 = transfer(kKeyA, 0, kD, kEther);
    for (Sequencer* s : {&ours, &foreign}) {
        QVERIFY(s->creditDeposit(0, a, 10 * kEther, 1000).ok());
        QVERIFY(s->creditDeposit(1, b, 10 * kEther, 1001).ok());
        QVERIFY(spinUntil([&] { return s->blockNumber() == 1 && s->nextDepositIndex() == 2; }));
        submit(*s, a0);
    }
    const Hash hA1 = submit(ours, transfer(kKeyA, 1, kD, 2 * kEther));
    QVERIFY(block(ours));
    QVERIFY(block(foreign));
    // Ours then took forced transaction 2 from the L1 queue (B0 to D) and applied it in block 3.
    const SignedTransaction forcedTx = signedTx(kKeyB, 0, kD, 3 * kEther);
    const Hash hForced = transaction_hash(forcedTx);
    auto forced = rollup::forced_from_transaction(forcedTx, params);
    QVERIFY(forced.ok());
    QVERIFY(ours.creditForcedTransaction(2, *forced, 1002).ok());
    QVERIFY(spinUntil([&] { return ours.blockNumber() == 3 && statusOf(ours, hForced) == TxStatus::sequenced; }));
    const auto block2Before = ours.block(2);
    QCOMPARE(block2Before->recordCount, 2u);

    // Batch 0 (posted by us, seen by the other proposer): the queue entries and A0 - it ends inside block 2.
    rollup::BatchHeader h0, h0f;
    batchOf(ours, 3, h0, kProposer, 5000);
    batchOf(foreign, 3, h0f, kProposer, 5000);
    QCOMPARE(h0, h0f);
    QVERIFY(ours.markBatchPosted(0, 3, h0).ok());
    QVERIFY(foreign.markBatchPosted(0, 3, h0).ok());

    // The other proposer's batch 1: B0' (B's nonce 0, to A), without queue entry 2.
    const Hash hB0f = submit(foreign, transfer(kKeyB, 0, a, 4 * kEther));
    QVERIFY(block(foreign));
    rollup::BatchHeader h1;
    const rollup::Batch batch1 = batchOf(foreign, 1, h1, kOtherProposer, 6000);
    QCOMPARE(h1.deposit_end, 2u);

    auto st = ours.adoptForeignBatch(1, h1, batch1, {}, 0);
    QVERIFY2(st.ok(), st.ok() ? "" : st.message().c_str());

    // Block 2 keeps its posted prefix (A0) with the posted state as its root and a new hash; block 3
    // (the forced transaction) is gone; the foreign batch is block 3 now, on top of the cut block 2.
    auto cut = ours.block(2);
    QVERIFY(cut);
    QCOMPARE(cut->recordStart, 2u);
    QCOMPARE(cut->recordCount, 1u);
    QCOMPARE(cut->transactions.size(), std::size_t(1));
    QCOMPARE(cut->stateRoot, h0.state_root);
    QCOMPARE(cut->parentHash, block2Before->parentHash);
    QVERIFY(cut->hash != block2Before->hash);
    QVERIFY(!ours.blockByHash(block2Before->hash));
    auto a0Info = ours.transaction(cut->transactions[0]);
    QVERIFY(a0Info && a0Info->block && *a0Info->block == 2);
    QCOMPARE(*a0Info->blockHash, cut->hash);
    QCOMPARE(int(a0Info->status), int(TxStatus::posted));
    auto adopted = ours.block(3);
    QVERIFY(adopted);
    QCOMPARE(adopted->parentHash, cut->hash);
    QCOMPARE(adopted->transactions, std::vector<Hash>{hB0f});
    QCOMPARE(adopted->stateRoot, h1.state_root);

    // A1 is sequenced again; forced entry 2 is taken again at its turn and skipped now (B's nonce 0
    // is used by B0'), so the transaction it stood for is dropped.
    QVERIFY(spinUntil([&] {
        return sequencedAfter(ours, hA1, 3) && ours.nextDepositIndex() == 3 &&
               statusOf(ours, hForced) == TxStatus::dropped;
    }));
    QCOMPARE(ours.mempoolSize(), 0u);
    QCOMPARE(creditsOf(testDatabase(oursDir.path()), 2), 1);
    QCOMPARE(ours.balance(b), foreign.balance(b));
    QCOMPARE(ours.balance(kD), foreign.balance(kD) + 2 * kEther);
    QCOMPARE(ours.balance(a), foreign.balance(a) - 2 * kEther - kFee);
    auto next = ours.pendingRecordsForBatch(1000);
    QCOMPARE(next.preStateRoot, h1.state_root);
    QCOMPARE(next.depositStart, 2u);
    QCOMPARE(next.records.size(), 2u);  // the skipped forced entry, A1
    QVERIFY(next.records[0].forced && next.records[0].skipped);

    const Hash root = ours.stateRoot();
    ours.stop();
    Sequencer again(manualConfig(oursDir.path()));
    QVERIFY(again.start().ok());
    QCOMPARE(again.stateRoot(), root);
    QCOMPARE(again.block(2)->hash, cut->hash);
    QCOMPARE(again.pendingRecordsForBatch(1000).records, next.records);
}

void ForeignBatchTest::refusesWhatDoesNotFollowOrIsNotHonest() {
    QTemporaryDir oursDir, foreignDir;
    const Address a = addressOf(kKeyA);
    Sequencer ours(manualConfig(oursDir.path()));
    Sequencer foreign(manualConfig(foreignDir.path()));
    QVERIFY(ours.start().ok());
    QVERIFY(foreign.start().ok());
    for (Sequencer* s : {&ours, &foreign}) {
        QVERIFY(s->creditDeposit(0, a, 10 * kEther, 1000).ok());
        QVERIFY(spinUntil([&] { return s->blockNumber() == 1; }));
    }
    const Hash hA0 = submit(ours, transfer(kKeyA, 0, kD, kEther));
    QVERIFY(block(ours));
    submit(foreign, transfer(kKeyA, 0, kD, 5 * kEther));
    QVERIFY(block(foreign));
    const Hash rootBefore = ours.stateRoot();

    // From genesis, like ours (nothing posted yet): a valid foreign batch 0.
    rollup::BatchHeader h0;
    const rollup::Batch batch0 = batchOf(foreign, 2, h0, kOtherProposer, 5000);

    // Not after our posted state.
    rollup::BatchHeader wrongPrev = h0;
    wrongPrev.prev_state_root = h0.state_root;
    QVERIFY(!ours.adoptForeignBatch(0, wrongPrev, batch0).ok());
    rollup::BatchHeader wrongQueue = h0;
    wrongQueue.deposit_start = 1;
    wrongQueue.deposit_end = 2;
    QVERIFY(!ours.adoptForeignBatch(0, wrongQueue, batch0).ok());
    // A lie about its post-state (the records are fine, the claimed root is not).
    rollup::Batch lying = batch0;
    lying.chunk_roots.back() = h0.prev_state_root;
    rollup::BatchHeader lyingHeader = h0;
    lyingHeader.state_root = h0.prev_state_root;
    auto refused = ours.adoptForeignBatch(0, lyingHeader, lying);
    QVERIFY(!refused.ok());
    QVERIFY2(QString::fromStdString(refused.message()).contains("not honest"), refused.message().c_str());
    // Nothing changed.
    QCOMPARE(ours.stateRoot(), rootBefore);
    QCOMPARE(int(statusOf(ours, hA0)), int(TxStatus::sequenced));

    // A1 (8 ether) is in a block that is not durable yet when the foreign batch is adopted.
    const Bytes a1 = transfer(kKeyA, 1, kD, 8 * kEther);
    const Hash hA1 = submit(ours, a1);
    ours.produceBlock();
    QCOMPARE(ours.blockNumber(), 2u);

    // The honest one is adopted. Ours A0 (another transaction with A's nonce 0) is dropped alone;
    // A1 no longer fits A's balance after the foreign A0' (5 ether) and is dropped too.
    QVERIFY(ours.adoptForeignBatch(0, h0, batch0).ok());
    QCOMPARE(ours.blockNumber(), 1u);  // genesis, the foreign batch
    QVERIFY(spinUntil(
        [&] { return statusOf(ours, hA0) == TxStatus::dropped && statusOf(ours, hA1) == TxStatus::dropped; }));
    QTest::qWait(50);  // the answer of the block that was in flight arrives: it is not ours any more
    QCOMPARE(ours.blockNumber(), 1u);
    QCOMPARE(ours.stateRoot(), h0.state_root);
    QCOMPARE(ours.balance(kD), 5 * kEther);
    QCOMPARE(ours.pendingRecordsForBatch(1000).records.size(), 0u);
    QCOMPARE(ours.pendingRecordsForBatch(1000).preStateRoot, h0.state_root);

    // Once A has the funds, the dropped A1 sent again is a new arrival and is sequenced.
    QVERIFY(ours.creditDeposit(1, a, 10 * kEther, 1001).ok());
    QVERIFY(spinUntil([&] { return ours.blockNumber() == 2; }));
    QCOMPARE(submit(ours, a1), hA1);
    QVERIFY(block(ours));
    QCOMPARE(int(statusOf(ours, hA1)), int(TxStatus::sequenced));
    QCOMPARE(*ours.transaction(hA1)->block, 3u);
    QCOMPARE(ours.balance(kD), 13 * kEther);

    const Hash root = ours.stateRoot();
    ours.stop();
    Sequencer again(manualConfig(oursDir.path()));
    QVERIFY(again.start().ok());
    QCOMPARE(again.stateRoot(), root);
    QCOMPARE(again.blockNumber(), 3u);
    QCOMPARE(int(statusOf(again, hA0)), int(TxStatus::dropped));
    QCOMPARE(int(statusOf(again, hA1)), int(TxStatus::sequenced));
}

QTEST_GUILESS_MAIN(ForeignBatchTest)
#include "tst_foreign_batch.moc"
