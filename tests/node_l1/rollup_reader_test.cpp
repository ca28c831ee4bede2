// SPDX-License-Identifier: MIT
// RollupReader and L1Replica against a real anvil with the Rollup contract deployed: parameters,
// deposit events, a posted batch decoded from its calldata and re-executed, a fraudulent batch
// judged, proven on L1 and reverted, and a reorg (evm_snapshot/evm_revert) handled.

#include <QtTest>

#include "anvil_fixture.hpp"
#include "core/eth/abi.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "core/rollup/merkle.hpp"
#include "services/rollup/l1_replica.hpp"
#include "services/rollup/rollup_reader.hpp"

using namespace sluice;
using namespace sluice::test;

namespace {

const U256 kEther = U256(1'000'000'000'000'000'000ULL);

struct Collected {
    std::vector<RollupEvent> events;
    std::vector<quint64> reorgs;
    int synced = 0;
    QString failure;
};

void attach(RollupReader& reader, Collected& c, L1Replica* replica = nullptr) {
    QObject::connect(&reader, &RollupReader::eventsRead, [&c, replica](const std::vector<RollupEvent>& e) {
        c.events.insert(c.events.end(), e.begin(), e.end());
        if (replica) replica->apply(e);
    });
    QObject::connect(&reader, &RollupReader::reorged, [&c, replica](quint64 fork) {
        c.reorgs.push_back(fork);
        std::erase_if(c.events, [fork](const RollupEvent& e) { return eventPosition(e).blockNumber > fork; });
        if (replica) replica->rollbackTo(fork);
    });
    QObject::connect(&reader, &RollupReader::synced, [&c](quint64, quint64) { ++c.synced; });
    QObject::connect(&reader, &RollupReader::failed, [&c](const QString& m) { c.failure = m; });
}

bool syncOnce(RollupReader& reader, Collected& c) {
    int before = c.synced;
    reader.sync();
    return waitUntil([&] { return c.synced > before || !c.failure.isEmpty(); }) && c.failure.isEmpty();
}

RollupParameters readParameters(RollupReader& reader) {
    std::optional<RpcResult<RollupParameters>> out;
    QObject ctx;
    reader.readParameters(&ctx, [&](RpcResult<RollupParameters> r) { out = std::move(r); });
    waitUntil([&] { return out.has_value(); });
    if (!out || !*out) qFatal("readParameters failed: %s", out ? qPrintable(out->error().message) : "timeout");
    return out->value();
}

rollup::Record depositRecord(const DepositQueuedEvent& d, const rollup::AccountTree& tree) {
    rollup::Record r;
    r.kind = rollup::RecordKind::deposit;
    r.address = d.to;
    r.value = d.amount;
    r.timestamp = d.timestamp;
    if (auto i = tree.index_of(d.to))
        r.to = *i;
    else
        r.new_account = true;
    return r;
}

SignedTransaction l2Transfer(const char* key, std::uint64_t nonce, const Address& to, const U256& value) {
    Transaction tx;
    tx.type = TxType::eip1559;
    tx.chain_id = 31338;
    tx.nonce = nonce;
    tx.max_priority_fee_per_gas = 0;
    tx.max_fee_per_gas = 2'000'000'000;
    tx.gas_limit = 21000;
    tx.to = to;
    tx.value = value;
    return sign_transaction(tx, *PrivateKey::from_hex(key));
}

// Parameters for replica checks fed by hand, without a chain (l2Transfer's chain id).
RollupParameters offChainParameters() {
    RollupParameters params;
    params.challengePeriod = 60;
    params.l2ChainId = 31338;
    params.l2BaseFee = 1'000'000'000;
    params.feeRecipient[19] = 1;
    return params;
}

Bytes submitCall(const rollup::Batch& batch) {
    SubmitBatchCall call{batch.prev_state_root, batch.records, batch.chunk_roots};
    return rollupabi::encodeSubmitBatch(call);
}

}  // namespace

class RollupReaderTest : public QObject {
    Q_OBJECT
private slots:
    void abiRoundTrip();
    void unreadableBatchIsNeverInWindowOrFinal();
    void expectedBatchIsCheckedWithTheGivenSenders();
    void parametersFromChain();
    void depositsBatchesAndFraud();
    void reorgIsRolledBack();
};

void RollupReaderTest::abiRoundTrip() {
    SubmitBatchCall call;
    call.prevStateRoot[0] = 0xab;
    call.records = {1, 2, 3, 4, 5};
    call.chunkRoots = {Hash{}, Hash{}};
    call.chunkRoots[1][31] = 7;
    auto decoded = rollupabi::decodeSubmitBatch(rollupabi::encodeSubmitBatch(call));
    QVERIFY2(decoded.ok(), decoded ? "" : decoded.message().c_str());
    QCOMPARE(decoded->prevStateRoot, call.prevStateRoot);
    QCOMPARE(decoded->records, call.records);
    QVERIFY(decoded->chunkRoots == call.chunkRoots);
    QVERIFY(!rollupabi::decodeSubmitBatch(rollupabi::encodeDeposit(Address{})).ok());
}

// The proposer announces the batch it posts (expectBatch) with the senders its sequencer
// recovered: the replica checks exactly that batch with them instead of recovering them again
// (a wrong sender given there shows they are used), and any other batch as always.
void RollupReaderTest::expectedBatchIsCheckedWithTheGivenSenders() {
    const RollupParameters params = offChainParameters();
    const Address alice = *Address::from_hex(kDevAddresses[1]);
    const Address bob = *Address::from_hex(kDevAddresses[2]);
    const rollup::AccountTree genesis = rollup::AccountTree::genesis(params.feeRecipient);
    rollup::Record deposit;
    deposit.kind = rollup::RecordKind::deposit;
    deposit.address = alice;
    deposit.value = 2 * kEther;
    deposit.timestamp = 1000;
    deposit.new_account = true;
    const std::vector<rollup::Record> records{
        deposit, *rollup::record_from_transaction(l2Transfer(kDevKeys[1], 0, bob, kEther / 2), 1, alice, std::nullopt,
                                                  params.stfParams())};
    rollup::AccountTree post = genesis;
    auto batch = rollup::build_batch(post, records, params.stfParams());
    QVERIFY2(batch.ok(), batch ? "" : batch.message().c_str());
    BatchSubmittedEvent e;
    e.index = 0;
    e.header = batch->header(0, 1000, alice);
    e.at.blockNumber = 10;
    e.batch = *batch;

    const auto known = rollup::recover_senders(genesis, records, params.stfParams(), 1);
    auto wrong = known;
    wrong[1].sender = bob;
    auto judged = [&](const Bytes& expectedRecords, const std::vector<rollup::RecoveredSender>& senders) {
        L1Replica replica(params);
        replica.expectBatch(expectedRecords, senders);
        replica.apply(RollupEvent(e));
        return replica.batches().at(0).judgement;
    };
    QCOMPARE(judged(batch->records, known), ReplicaBatch::Judgement::Honest);
    QVERIFY(judged(batch->records, wrong) != ReplicaBatch::Judgement::Honest);
    QCOMPARE(judged(Bytes{1, 2, 3}, wrong), ReplicaBatch::Judgement::Honest);  // another batch's
}

// PROTOCOL.md §5.1: a batch whose calldata the verifier cannot read (the reader leaves `batch`
// empty with a reason) is an alarm: status Unverified at any time, never in its window or final,
// and so is every batch after it, until a fraud proof removes them.
void RollupReaderTest::unreadableBatchIsNeverInWindowOrFinal() {
    const RollupParameters params = offChainParameters();
    L1Replica replica(params);
    auto submitted = [&](quint64 index, quint64 block) {
        BatchSubmittedEvent e;
        e.index = index;
        e.header.submitted_at = 1000 + index;
        e.at.blockNumber = block;
        e.at.txHash[0] = std::uint8_t(index + 1);
        e.readError = QStringLiteral("batch %1 was submitted through another contract").arg(index);
        return e;
    };
    replica.apply(RollupEvent(submitted(0, 10)));
    replica.apply(RollupEvent(submitted(1, 11)));
    // The alarm names the batch that cannot be read; the one after it is unverified because of it.
    QCOMPARE(replica.unreadableBatches(), (std::vector<quint64>{0}));
    for (const auto& b : replica.batches()) {
        QCOMPARE(b.status(1000), ReplicaBatch::Status::Unverified);       // inside its window
        QCOMPARE(b.status(1'000'000), ReplicaBatch::Status::Unverified);  // long after it
        QCOMPARE(batchStatusName(b.status(1'000'000)), QStringLiteral("unverified"));
    }
    // One BatchesReverted removes both (whatever their number), and the alarm with them.
    BatchesRevertedEvent reverted;
    reverted.firstIndex = 0;
    reverted.count = 2;
    reverted.at.blockNumber = 12;
    replica.apply(RollupEvent(reverted));
    QVERIFY(replica.batches().empty());
    QVERIFY(replica.unreadableBatches().empty());
    QCOMPARE(replica.revertedBatches().size(), std::size_t(2));
    QCOMPARE(replica.revertedBatches()[0].status(1000), ReplicaBatch::Status::Reverted);
}

void RollupReaderTest::parametersFromChain() {
    Anvil anvil;
    QVERIFY(anvil.start());
    QString rollup = anvil.deployRollup(5);
    EthClient eth(anvil.rpc());
    RollupReader reader(&eth, *Address::from_hex(rollup.toStdString()), 0);
    auto p = readParameters(reader);
    QCOMPARE(p.l1ChainId, quint64(31337));
    QVERIFY(p.l2ChainId == 31338);
    QCOMPARE(p.challengePeriod, quint64(5));
    QVERIFY(p.requiredBond == kEther);
    QVERIFY(p.l2BaseFee == 1'000'000'000);
    QCOMPARE(p.depositDelay, quint64(30));
    QCOMPARE(p.feeRecipient, *Address::from_hex(kDevAddresses[0]));
    QCOMPARE(p.genesisStateRoot, rollup::AccountTree::genesis(p.feeRecipient).state_root());

    // A wrong address is an error a person can act on, not garbage parameters.
    RollupReader wrong(&eth, *Address::from_hex(kDevAddresses[3]), 0);
    std::optional<RpcResult<RollupParameters>> out;
    QObject ctx;
    wrong.readParameters(&ctx, [&](RpcResult<RollupParameters> r) { out = std::move(r); });
    QVERIFY(waitUntil([&] { return out.has_value(); }));
    QVERIFY(!out->ok());
    QVERIFY2(out->error().message.contains(QStringLiteral("Rollup")), qPrintable(out->error().message));
}

void RollupReaderTest::depositsBatchesAndFraud() {
    Anvil anvil;
    QVERIFY(anvil.start());
    QString rollup = anvil.deployRollup(600);
    EthClient eth(anvil.rpc());
    RollupReader reader(&eth, *Address::from_hex(rollup.toStdString()), 0);
    reader.setMaxRange(3);  // several ranges even on a short chain
    auto params = readParameters(reader);
    L1Replica replica(params);
    Collected c;
    attach(reader, c, &replica);

    const Address alice = *Address::from_hex(kDevAddresses[1]);
    const Address bob = *Address::from_hex(kDevAddresses[2]);
    anvil.send(QLatin1String(kDevAddresses[1]), rollup, rollupabi::encodeDeposit(alice), 2 * kEther);
    QVERIFY(syncOnce(reader, c));
    QCOMPARE(replica.deposits().size(), std::size_t(1));
    const auto dep = replica.deposits()[0];
    QCOMPARE(dep.index, quint64(0));
    QCOMPARE(dep.to, alice);
    QVERIFY(dep.amount == 2 * kEther);
    // The queue word the contract stored is the C++ chain step (hash with the timestamp packed in).
    const QJsonObject hashCall{
        {QStringLiteral("to"), rollup},
        {QStringLiteral("data"), QString::fromStdString(to_hex(*encode_call("depositHash(uint256)", {U256(0)})))}};
    const auto stored = from_hex(anvil.call(QStringLiteral("eth_call"), QJsonArray{hashCall, QStringLiteral("latest")})
                                     .toString()
                                     .toStdString());
    QVERIFY(stored && stored->size() == 32);
    QCOMPARE(*Hash::from_view(*stored), rollup::deposit_chain_next(Hash{}, alice, 2 * kEther, dep.timestamp));

    // Batch 0 (honest): the deposit, a transfer to a new account, a withdrawal.
    rollup::AccountTree tree = rollup::AccountTree::genesis(params.feeRecipient);
    std::vector<rollup::Record> records{depositRecord(dep, tree)};
    auto transfer = l2Transfer(kDevKeys[1], 0, bob, kEther / 2);
    auto withdrawal = l2Transfer(kDevKeys[1], 1, rollup::withdrawal_address(), kEther / 10);
    records.push_back(*rollup::record_from_transaction(transfer, 1, alice, std::nullopt, params.stfParams()));
    records.push_back(*rollup::record_from_transaction(withdrawal, 1, alice, std::nullopt, params.stfParams()));
    auto batch = rollup::build_batch(tree, records, params.stfParams());
    QVERIFY2(batch.ok(), batch ? "" : batch.message().c_str());
    anvil.send(QLatin1String(kDevAddresses[0]), rollup, submitCall(*batch));
    QVERIFY(syncOnce(reader, c));

    QCOMPARE(replica.batches().size(), std::size_t(1));
    const auto& b0 = replica.batches()[0];
    QCOMPARE(b0.judgement, ReplicaBatch::Judgement::Honest);
    QCOMPARE(b0.header.state_root, tree.state_root());
    QCOMPARE(replica.stateRoot(), tree.state_root());
    QCOMPARE(b0.header.deposit_end, quint64(1));
    QCOMPARE(b0.finalAt, b0.header.submitted_at + 600);
    QCOMPARE(b0.status(b0.header.submitted_at), ReplicaBatch::Status::InWindow);
    QCOMPARE(b0.status(b0.finalAt), ReplicaBatch::Status::Final);
    QCOMPARE(b0.l2TxHashes.size(), std::size_t(2));
    QCOMPARE(b0.l2TxHashes[0], transaction_hash(transfer));
    QCOMPARE(b0.withdrawals.size(), std::size_t(1));
    QCOMPARE(b0.withdrawals[0].recipient, alice);
    QVERIFY(b0.withdrawals[0].amount == kEther / 10);
    QCOMPARE(b0.withdrawals[0].l2TxHash, transaction_hash(withdrawal));
    QCOMPARE(rollup::merkle_root_from_proof(rollup::withdrawal_leaf({alice, kEther / 10}), 0, b0.withdrawals[0].proof),
             b0.header.withdrawal_root);
    // The event and the calldata agree with what was sent.
    auto submitted = std::find_if(c.events.begin(), c.events.end(),
                                  [](const auto& e) { return std::holds_alternative<BatchSubmittedEvent>(e); });
    QVERIFY(submitted != c.events.end());
    QVERIFY(std::get<BatchSubmittedEvent>(*submitted).batch.has_value());
    QCOMPARE(std::get<BatchSubmittedEvent>(*submitted).batch->records, batch->records);

    // Batch 1 claims a wrong root: the replica finds it, the proof it built is accepted on L1.
    auto bad = l2Transfer(kDevKeys[2], 0, alice, kEther / 10);
    std::vector<rollup::Record> badRecords{
        *rollup::record_from_transaction(bad, 2, bob, std::uint32_t(1), params.stfParams())};
    rollup::AccountTree scratch = tree;
    auto honest = rollup::build_batch(scratch, badRecords, params.stfParams());
    QVERIFY2(honest.ok(), honest ? "" : honest.message().c_str());
    auto roots = honest->chunk_roots;
    roots.back()[0] ^= 0x01;
    auto cheat = rollup::assemble_batch(honest->prev_state_root, honest->records, roots);
    QVERIFY(cheat.ok());
    // Announced by its (cheating) proposer with the right senders: still judged by re-execution.
    replica.expectBatch(cheat->records, rollup::recover_senders(tree, badRecords, params.stfParams(), 1));
    anvil.send(QLatin1String(kDevAddresses[0]), rollup, submitCall(*cheat));
    QVERIFY(syncOnce(reader, c));
    QCOMPARE(replica.batches().size(), std::size_t(2));
    const auto& b1 = replica.batches()[1];
    QCOMPARE(b1.judgement, ReplicaBatch::Judgement::Fraudulent);
    QCOMPARE(b1.verdict, rollup::Verdict::WrongStateRoot);
    QVERIFY(b1.fraudProof.has_value());
    QCOMPARE(replica.firstBadBatch(), std::optional<quint64>(1));
    QCOMPARE(replica.stateRoot(), tree.state_root());  // the replica never adopts a fraudulent root

    auto calldata = rollup::encode_prove_fraud_call(*b1.fraudProof);
    QVERIFY(calldata.ok());
    anvil.send(QLatin1String(kDevAddresses[3]), rollup, *calldata);
    QVERIFY(syncOnce(reader, c));
    QCOMPARE(replica.batches().size(), std::size_t(1));
    QCOMPARE(replica.revertedBatches().size(), std::size_t(1));
    QVERIFY(replica.revertedBatches()[0].fraudProven.has_value());
    QCOMPARE(replica.revertedBatches()[0].fraudProven->verdict, rollup::Verdict::WrongStateRoot);
    QCOMPARE(replica.revertedBatches()[0].fraudProven->challenger, *Address::from_hex(kDevAddresses[3]));
    QCOMPARE(replica.revertedBatches()[0].status(0), ReplicaBatch::Status::Reverted);
    QCOMPARE(replica.fraudProofs().size(), std::size_t(1));
    QVERIFY(!replica.firstBadBatch().has_value());
    bool slashed = std::any_of(replica.bondEvents().begin(), replica.bondEvents().end(), [](const BondEvent& b) {
        return b.kind == BondEvent::Kind::Slashed && b.amount == kEther && b.reward == kEther / 2;
    });
    QVERIFY(slashed);

    // A fresh reader from the deployment block rebuilds the same picture from L1 alone.
    RollupReader again(&eth, *Address::from_hex(rollup.toStdString()), 0);
    L1Replica replica2(params);
    Collected c2;
    attach(again, c2, &replica2);
    QVERIFY(syncOnce(again, c2));
    QCOMPARE(replica2.batches().size(), std::size_t(1));
    QCOMPARE(replica2.revertedBatches().size(), std::size_t(1));
    QCOMPARE(replica2.stateRoot(), replica.stateRoot());
}

void RollupReaderTest::reorgIsRolledBack() {
    Anvil anvil;
    QVERIFY(anvil.start());
    QString rollup = anvil.deployRollup();
    EthClient eth(anvil.rpc());
    RollupReader reader(&eth, *Address::from_hex(rollup.toStdString()), 0);
    auto params = readParameters(reader);
    L1Replica replica(params);
    Collected c;
    attach(reader, c, &replica);
    const Address alice = *Address::from_hex(kDevAddresses[1]);

    anvil.send(QLatin1String(kDevAddresses[1]), rollup, rollupabi::encodeDeposit(alice), kEther);
    QVERIFY(syncOnce(reader, c));
    const quint64 forkBase = anvil.blockNumber();
    auto snapshot = anvil.call(QStringLiteral("evm_snapshot"));
    anvil.send(QLatin1String(kDevAddresses[1]), rollup, rollupabi::encodeDeposit(alice), 3 * kEther);
    QVERIFY(syncOnce(reader, c));
    QCOMPARE(replica.deposits().size(), std::size_t(2));
    QVERIFY(replica.deposits()[1].amount == 3 * kEther);

    // Replace the last block by a different history, one block longer.
    QVERIFY(anvil.call(QStringLiteral("evm_revert"), QJsonArray{snapshot}).toBool());
    QCOMPARE(anvil.blockNumber(), forkBase);
    anvil.call(QStringLiteral("evm_mine"));
    anvil.send(QLatin1String(kDevAddresses[1]), rollup, rollupabi::encodeDeposit(alice), 5 * kEther);
    QVERIFY(syncOnce(reader, c));
    QCOMPARE(c.reorgs.size(), std::size_t(1));
    QCOMPARE(c.reorgs[0], forkBase);
    QCOMPARE(replica.deposits().size(), std::size_t(2));
    QVERIFY(replica.deposits()[0].amount == kEther);
    QVERIFY(replica.deposits()[1].amount == 5 * kEther);
    QCOMPARE(replica.deposits()[1].at.blockNumber, forkBase + 2);
}

QTEST_GUILESS_MAIN(RollupReaderTest)
#include "rollup_reader_test.moc"
