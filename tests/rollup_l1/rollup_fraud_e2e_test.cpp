// SPDX-License-Identifier: MIT
// End-to-end fraud proofs on a real anvil: the Rollup contract deployed from the bytecode embedded
// in the C++ build (sluice_contracts), a bonded proposer posting an honest batch and then a
// cheating one built with core/rollup, and a challenger proving the fraud with a proof built in
// C++ (build_fraud_proof + encode_prove_fraud_call), sent as a real signed transaction through
// TransactionSender. One case per verdict a proposer can commit, then the honest paths: a proof
// attempt against an honest batch reverts with NoFraud, and a withdrawal is paid after the window
// with the C++ withdrawal proof.

#include <QtTest>

#include "contracts/artifacts.hpp"
#include "core/eth/abi.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/fraud_proof.hpp"
#include "core/rollup/merkle.hpp"
#include "core/rollup/stf.hpp"
#include "l1_fixture.hpp"
#include "services/rollup/rollup_abi.hpp"

using namespace sluice;
using namespace sluice::rollup;
using namespace sluice::test;

namespace {

const U256 kGwei = 1'000'000'000;
const U256 kEther = U256(1'000'000'000'000'000'000ull);
constexpr quint64 kChallengePeriod = 300;  // short: time is moved with evm_increaseTime
constexpr quint64 kProofGas = 3'000'000;

enum class Cheat { WrongStateRoot, BadSignature, Overdraft, DoubleSpend, BadFee, UnknownAccount, BadWithdrawal };

SignedTransaction l2Tx(const PrivateKey& key, std::uint64_t nonce, const Address& to, const U256& value,
                       bool eip1559 = true, const U256& gasPrice = 2 * kGwei) {
    Transaction tx;
    tx.type = eip1559 ? TxType::eip1559 : TxType::legacy;
    tx.chain_id = 31338;
    tx.nonce = nonce;
    tx.gas_price = eip1559 ? U256(0) : gasPrice;
    tx.max_priority_fee_per_gas = eip1559 ? kGwei : U256(0);
    tx.max_fee_per_gas = eip1559 ? 3 * kGwei : U256(0);
    tx.gas_limit = 21000;
    tx.to = to;
    tx.value = value;
    return sign_transaction(tx, key);
}

std::vector<RollupEvent> eventsOf(const QJsonObject& receipt) {
    std::vector<RollupEvent> out;
    for (const auto& log : receipt.value(QStringLiteral("logs")).toArray()) {
        auto e = parseRollupLog(log.toObject());
        if (!e) qFatal("cannot parse a Rollup log: %s", e.message().c_str());
        out.push_back(std::move(*e));
    }
    return out;
}

template <typename T>
std::vector<T> only(const std::vector<RollupEvent>& events) {
    std::vector<T> out;
    for (const auto& e : events)
        if (const T* t = std::get_if<T>(&e)) out.push_back(*t);
    return out;
}

QByteArray hexOf(ByteView b) { return QByteArray::fromStdString(to_hex(b)); }

}  // namespace

class RollupFraudE2eTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { m_snapshot = m_anvil.snapshot(); }
    void cleanup() { QVERIFY(m_anvil.revertTo(m_snapshot)); }

    void fraudIsProvenAndPunished_data();
    void fraudIsProvenAndPunished();
    void honestBatchCannotBeProven();
    void withdrawalIsFinalizedAfterTheWindow();

    void cleanupTestCase() { m_anvil.stop(); }

private:
    U256 view(const char* signature);
    Hash stateRoot() { return u256_to_be32(view("stateRoot()")); }
    U256 bondOf(const Address& proposer);
    // submitBatch from the (unlocked) proposer; the header the contract stored, from its event.
    std::optional<BatchHeader> submit(const Batch& batch, QString* error = nullptr);
    DepositQueuedEvent depositOnL1(int account, const U256& amount);
    Record depositRecord(const DepositQueuedEvent& d, const AccountTree& tree) const;

    AnvilFixture m_anvil;
    QString m_snapshot;
    Address m_rollup;
    Params m_params;
    Address m_proposer, m_alice, m_bob, m_challenger;
    PrivateKey m_aliceKey = devKey(1), m_bobKey = devKey(2), m_challengerKey = devKey(3);
    Address m_carol;

    // After the honest batch 0 (deposits 0 and 1, three transactions) and a third deposit queued.
    AccountTree m_tree0;
    Batch m_batch0;
    BatchHeader m_header0;
    std::vector<Record> m_records0;
    DepositQueuedEvent m_pendingDeposit;
};

U256 RollupFraudE2eTest::view(const char* signature) {
    const CallOutcome out = m_anvil.ethCall(m_rollup, rollupabi::encodeView(signature));
    if (out.reverted) qFatal("%s reverted: %s", signature, qPrintable(out.message));
    return *rollupabi::decodeUintWord(out.data);
}

U256 RollupFraudE2eTest::bondOf(const Address& proposer) {
    const CallOutcome out = m_anvil.ethCall(m_rollup, *encode_call("proposers(address)", {AbiValue(proposer)}));
    if (out.reverted || out.data.size() != 96) qFatal("proposers(address) failed: %s", qPrintable(out.message));
    return *u256_from_be(ByteView(out.data).subspan(0, 32));
}

std::optional<BatchHeader> RollupFraudE2eTest::submit(const Batch& batch, QString* error) {
    SubmitBatchCall call{batch.prev_state_root, batch.records, batch.chunk_roots};
    auto receipt = m_anvil.sendUnlocked(m_proposer, m_rollup, rollupabi::encodeSubmitBatch(call), 0, error);
    if (!receipt) return std::nullopt;
    const auto submitted = only<BatchSubmittedEvent>(eventsOf(*receipt));
    if (submitted.size() != 1) {
        if (error) *error = QStringLiteral("no BatchSubmitted event");
        return std::nullopt;
    }
    return submitted[0].header;
}

DepositQueuedEvent RollupFraudE2eTest::depositOnL1(int account, const U256& amount) {
    QString error;
    auto receipt = m_anvil.sendUnlocked(devAddress(account), m_rollup, rollupabi::encodeDeposit(devAddress(account)),
                                        amount, &error);
    if (!receipt) qFatal("deposit failed: %s", qPrintable(error));
    const auto deposits = only<DepositQueuedEvent>(eventsOf(*receipt));
    if (deposits.size() != 1) qFatal("no DepositQueued event");
    return deposits[0];
}

Record RollupFraudE2eTest::depositRecord(const DepositQueuedEvent& d, const AccountTree& tree) const {
    Record r;
    r.kind = RecordKind::deposit;
    r.address = d.to;
    r.value = d.amount;
    r.timestamp = d.timestamp;
    if (auto i = tree.index_of(d.to))
        r.to = *i;
    else
        r.new_account = true;
    return r;
}

void RollupFraudE2eTest::initTestCase() {
    QString error;
    QVERIFY2(m_anvil.start(&error), qPrintable(error));
    m_proposer = devAddress(0);
    m_alice = devAddress(1);
    m_bob = devAddress(2);
    m_challenger = devAddress(3);
    m_carol[0] = 0xca;
    m_carol[19] = 0x01;

    // The Rollup from the bytecode embedded in the C++ build.
    RollupConstructorArgs args;
    args.challengePeriod = kChallengePeriod;
    args.feeRecipient = m_proposer;
    auto code = from_hex(contracts::rollup_creation_bytecode());
    QVERIFY(code.has_value());
    auto deployment = rollupabi::encodeDeployment(*code, args);
    QVERIFY2(deployment.ok(), deployment ? "" : deployment.message().c_str());
    auto rollup = m_anvil.deploy(*deployment, &error);
    QVERIFY2(rollup.has_value(), qPrintable(error));
    m_rollup = *rollup;
    QVERIFY(view("challengePeriod()") == kChallengePeriod);
    QVERIFY(view("l2ChainId()") == m_params.chain_id);
    QVERIFY(view("l2BaseFee()") == m_params.base_fee);
    QVERIFY(m_anvil.sendUnlocked(m_proposer, m_rollup, rollupabi::encodeBond(), kEther, &error).has_value());
    QVERIFY(bondOf(m_proposer) == kEther);

    // Honest batch 0: two deposits, a transfer, a new account, a withdrawal.
    m_tree0 = AccountTree::genesis(m_proposer);
    QCOMPARE(stateRoot(), m_tree0.state_root());
    const auto d0 = depositOnL1(1, 5 * kEther);
    const auto d1 = depositOnL1(2, 2 * kEther);
    AccountTree shape = m_tree0;  // indices as the sequencer assigns them: alice 1, bob 2, carol 3
    m_records0.push_back(depositRecord(d0, shape));
    shape.append({m_alice, 0, 0});
    m_records0.push_back(depositRecord(d1, shape));
    shape.append({m_bob, 0, 0});
    m_records0.push_back(*record_from_transaction(l2Tx(m_aliceKey, 0, m_bob, kEther), 1, m_alice, 2, m_params));
    m_records0.push_back(
        *record_from_transaction(l2Tx(m_aliceKey, 1, m_carol, kEther / 4), 1, m_alice, std::nullopt, m_params));
    m_records0.push_back(*record_from_transaction(l2Tx(m_aliceKey, 2, withdrawal_address(), kEther / 2), 1, m_alice,
                                                  std::nullopt, m_params));
    auto batch0 = build_batch(m_tree0, m_records0, m_params);
    QVERIFY2(batch0.ok(), batch0 ? "" : batch0.message().c_str());
    m_batch0 = std::move(*batch0);
    auto header0 = submit(m_batch0, &error);
    QVERIFY2(header0.has_value(), qPrintable(error));
    m_header0 = *header0;
    QCOMPARE(m_header0, m_batch0.header(0, m_header0.submitted_at, m_proposer));
    QCOMPARE(stateRoot(), m_tree0.state_root());
    QCOMPARE(m_tree0.count(), 4u);

    // A third deposit, for the cheating batch to take (and lose again).
    m_pendingDeposit = depositOnL1(1, kEther);
    QVERIFY(view("depositCount()") == 3);
    QVERIFY(view("depositsProcessed()") == 2);
}

void RollupFraudE2eTest::fraudIsProvenAndPunished_data() {
    QTest::addColumn<int>("cheat");
    QTest::addColumn<int>("verdict");
    QTest::newRow("wrong state root") << int(Cheat::WrongStateRoot) << int(Verdict::WrongStateRoot);
    QTest::newRow("invalid signature") << int(Cheat::BadSignature) << int(Verdict::BadSignature);
    QTest::newRow("overdraft") << int(Cheat::Overdraft) << int(Verdict::Overdraft);
    QTest::newRow("double spend") << int(Cheat::DoubleSpend) << int(Verdict::BadNonce);
    QTest::newRow("fee below the base fee") << int(Cheat::BadFee) << int(Verdict::BadFee);
    QTest::newRow("unknown account") << int(Cheat::UnknownAccount) << int(Verdict::UnknownAccount);
    QTest::newRow("withdrawal to the proposer") << int(Cheat::BadWithdrawal) << int(Verdict::BadWithdrawal);
}

void RollupFraudE2eTest::fraudIsProvenAndPunished() {
    QFETCH(int, cheat);
    QFETCH(int, verdict);
    const auto kind = static_cast<Cheat>(cheat);
    const auto expected = static_cast<Verdict>(verdict);

    // Batch 1: the pending deposit, 18 honest transfers between alice and bob (two chunks), and
    // the cheat slipped in at record 18 (chunk 1, record 2).
    AccountTree honest = m_tree0;
    std::vector<Record> records{depositRecord(m_pendingDeposit, honest)};
    std::uint64_t aliceNonce = 3, bobNonce = 0;
    for (int i = 0; i < 18; ++i) {
        const bool fromAlice = i % 2 == 0;
        const auto tx = fromAlice ? l2Tx(m_aliceKey, aliceNonce++, m_bob, kGwei * (i + 1))
                                  : l2Tx(m_bobKey, bobNonce++, m_alice, kGwei * (i + 2), i % 4 == 1);
        records.push_back(*record_from_transaction(tx, fromAlice ? 1 : 2, fromAlice ? m_alice : m_bob,
                                                   fromAlice ? 2u : 1u, m_params));
    }
    const std::size_t at = 18;
    Record bad;
    switch (kind) {
    case Cheat::WrongStateRoot: break;
    case Cheat::BadSignature:  // bob signs a payment out of alice's account
        bad = *record_from_transaction(l2Tx(m_bobKey, aliceNonce, m_bob, kEther), 2, m_bob, 2u, m_params);
        bad.from = 1;
        break;
    case Cheat::Overdraft:
        bad = *record_from_transaction(l2Tx(m_aliceKey, aliceNonce, m_bob, 10 * kEther), 1, m_alice, 2u, m_params);
        break;
    case Cheat::DoubleSpend:  // alice's first transfer of batch 0, included again
        bad = m_records0[2];
        break;
    case Cheat::BadFee:
        bad = *record_from_transaction(l2Tx(m_aliceKey, aliceNonce, m_bob, kGwei, false, kGwei / 2), 1, m_alice, 2u,
                                       m_params);
        break;
    case Cheat::UnknownAccount:  // a sender index nobody has
        bad = *record_from_transaction(l2Tx(m_bobKey, 0, m_alice, kEther), 40, m_bob, 1u, m_params);
        break;
    case Cheat::BadWithdrawal:  // alice's withdrawal, paid to the proposer on L1
        bad = *record_from_transaction(l2Tx(m_aliceKey, aliceNonce, withdrawal_address(), kEther), 1, m_alice,
                                       std::nullopt, m_params);
        bad.address = m_proposer;
        break;
    }
    if (kind != Cheat::WrongStateRoot) records.insert(records.begin() + at, bad);
    records.push_back(*record_from_transaction(l2Tx(m_bobKey, bobNonce, m_carol, kGwei), 2, m_bob, 3u, m_params));

    // The cheating proposer's roots: its own execution, skipping what it should have refused.
    AccountTree cheater = m_tree0;
    std::vector<Hash> roots;
    {
        Executor exec(cheater, m_params);
        for (std::size_t i = 0; i < records.size(); ++i) {
            (void)exec.apply(records[i]);
            if ((i + 1) % kChunkSize == 0 || i + 1 == records.size()) {
                QCOMPARE(exec.end_chunk(), Verdict::None);
                roots.push_back(cheater.state_root());
            }
        }
    }
    QCOMPARE(roots.size(), std::size_t(2));
    if (kind == Cheat::WrongStateRoot) roots[1][5] ^= 0x40;
    auto batch1 = assemble_batch(m_tree0.state_root(), encode_records(records), roots);
    QVERIFY2(batch1.ok(), batch1 ? "" : batch1.message().c_str());
    QString error;
    auto header1 = submit(*batch1, &error);
    QVERIFY2(header1.has_value(), qPrintable(error));
    QCOMPARE(header1->deposit_start, quint64(2));
    QCOMPARE(header1->deposit_end, quint64(3));

    // Batch 2 builds on the cheat (its own records are fine); it falls with batch 1.
    AccountTree afterCheat = cheater;
    auto batch2 = build_batch(afterCheat,
                              std::vector<Record>{*record_from_transaction(l2Tx(m_bobKey, bobNonce + 1, m_alice, kGwei),
                                                                           2, m_bob, 1u, m_params)},
                              m_params);
    QVERIFY2(batch2.ok(), batch2 ? "" : batch2.message().c_str());
    if (kind == Cheat::WrongStateRoot)
        *batch2 = *assemble_batch(roots[1], batch2->records, batch2->chunk_roots);  // chains to the claimed root
    QVERIFY2(submit(*batch2, &error).has_value(), qPrintable(error));
    QVERIFY(view("batchCount()") == 3);

    // The challenger's proof, built from L1 data and the state after batch 0.
    auto built = build_fraud_proof(*batch1, *header1, 1, m_tree0, m_params);
    QVERIFY2(built.ok(), built ? "" : built.message().c_str());
    QVERIFY2(built->has_value(), "build_fraud_proof found no fraud");
    const FraudProof& proof = **built;
    QCOMPARE(proof.verdict, expected);
    QCOMPARE(proof.chunk_index, quint64(1));
    const std::size_t expectedIndex = kind == Cheat::WrongStateRoot ? records.size() - kChunkSize : at - kChunkSize;
    QCOMPARE(proof.record_index, expectedIndex);
    auto calldata = encode_prove_fraud_call(proof);
    QVERIFY2(calldata.ok(), calldata ? "" : calldata.message().c_str());

    const U256 challengerBefore = m_anvil.balance(m_challenger);
    const U256 contractBefore = m_anvil.balance(m_rollup);
    auto receipt = m_anvil.sendSigned(m_challengerKey, m_rollup, *calldata, 0, kProofGas, &error);
    QVERIFY2(receipt.has_value(), qPrintable(error));

    // Events: the verdict the C++ builder predicted, both batches reverted, the bond slashed.
    const auto events = eventsOf(*receipt);
    const auto proven = only<FraudProvenEvent>(events);
    QCOMPARE(proven.size(), std::size_t(1));
    QCOMPARE(proven[0].batchIndex, quint64(1));
    QCOMPARE(proven[0].chunkIndex, quint64(1));
    QCOMPARE(int(proven[0].verdict), int(expected));
    QCOMPARE(proven[0].recordIndex, quint64(expectedIndex));
    QCOMPARE(proven[0].challenger, m_challenger);
    const auto reverted = only<BatchesRevertedEvent>(events);
    QCOMPARE(reverted.size(), std::size_t(1));  // one event for any number of batches (§5.2)
    QCOMPARE(reverted[0].firstIndex, quint64(1));
    QCOMPARE(reverted[0].count, quint64(2));
    const auto slashed = only<BondEvent>(events);
    QCOMPARE(slashed.size(), std::size_t(1));
    QVERIFY(slashed[0].kind == BondEvent::Kind::Slashed);
    QVERIFY(slashed[0].amount == kEther);
    QVERIFY(slashed[0].reward == kEther / 2);

    // State: rolled back to batch 0, its deposit queued again, the proposer's bond gone, half of
    // it paid to the challenger (net of the gas it paid), the other half still locked.
    QVERIFY(view("batchCount()") == 1);
    QCOMPARE(stateRoot(), m_tree0.state_root());
    QVERIFY(view("depositsProcessed()") == 2);
    QVERIFY(view("depositCount()") == 3);
    QVERIFY(bondOf(m_proposer) == 0);
    const U256 gasUsed = *EthClient::parseQuantity(receipt->value(QStringLiteral("gasUsed")));
    const U256 gasPrice = *EthClient::parseQuantity(receipt->value(QStringLiteral("effectiveGasPrice")));
    QVERIFY(m_anvil.balance(m_challenger) == challengerBefore + kEther / 2 - gasUsed * gasPrice);
    QVERIFY(m_anvil.balance(m_rollup) == contractBefore - kEther / 2);
    qInfo("%s proven: %s gas", verdict_name(expected).data(), u256_to_dec(gasUsed).c_str());

    // The slashed proposer cannot post; bonded again, it must re-include the re-queued deposit.
    QVERIFY(!submit(m_batch0, &error).has_value());
    QVERIFY(m_anvil.sendUnlocked(m_proposer, m_rollup, rollupabi::encodeBond(), kEther, &error).has_value());
    AccountTree again = m_tree0;
    auto repost = build_batch(again, std::vector<Record>{depositRecord(m_pendingDeposit, again)}, m_params);
    QVERIFY(repost.ok());
    auto header = submit(*repost, &error);
    QVERIFY2(header.has_value(), qPrintable(error));
    QCOMPARE(header->deposit_start, quint64(2));
    QVERIFY(view("depositsProcessed()") == 3);
    QCOMPARE(stateRoot(), again.state_root());
}

void RollupFraudE2eTest::honestBatchCannotBeProven() {
    // The builder itself finds nothing.
    auto none = build_fraud_proof(m_batch0, m_header0, 0, AccountTree::genesis(m_proposer), m_params);
    QVERIFY2(none.ok(), none ? "" : none.message().c_str());
    QVERIFY(!none->has_value());

    // A best-effort proof anyway: chunk 0 with a correct witness, its claimed (true) root.
    AccountTree tree = AccountTree::genesis(m_proposer);
    FraudProof p;
    p.batch_index = 0;
    p.header = m_header0;
    p.chunk_index = 0;
    p.pre_root = m_batch0.chunk_pre_root(0);
    p.post_root = m_batch0.chunk_roots[0];
    const ByteView chunk = m_batch0.chunk_records(0);
    p.records.assign(chunk.begin(), chunk.end());
    p.chunk_proof = m_batch0.chunk_proof(0);
    p.tree_root = tree.root();
    p.count = tree.count();
    {
        Executor exec(tree, m_params, &p.witness);
        for (const Record& r : m_batch0.decoded) QCOMPARE(exec.apply(r), Verdict::None);
        QCOMPARE(exec.end_chunk(), Verdict::None);
    }
    QCOMPARE(tree.state_root(), p.post_root);
    auto calldata = encode_prove_fraud_call(p);
    QVERIFY(calldata.ok());
    const CallOutcome out = m_anvil.ethCall(m_rollup, *calldata, m_challenger);
    QVERIFY2(out.reverted, "proveFraud accepted an honest chunk");
    QVERIFY2(out.data == errorSelector("NoFraud()"), hexOf(out.data) + " " + out.message.toUtf8());

    // A corrupted witness is the challenger's mistake, not fraud.
    FraudProof broken = p;
    broken.witness[25] ^= 1;  // the first account's balance
    const CallOutcome bad = m_anvil.ethCall(m_rollup, *encode_prove_fraud_call(broken), m_challenger);
    QVERIFY(bad.reverted);
    QVERIFY2(bad.data == errorSelector("BadWitness()"), hexOf(bad.data));
    QVERIFY(view("batchCount()") == 1);
}

void RollupFraudE2eTest::withdrawalIsFinalizedAfterTheWindow() {
    QCOMPARE(m_batch0.withdrawals.size(), std::size_t(1));
    const Withdrawal w = m_batch0.withdrawals[0];
    QCOMPARE(w.recipient, m_alice);
    QVERIFY(w.amount == kEther / 2);
    const auto proof = m_batch0.withdrawal_proof(0);
    QCOMPARE(merkle_root_from_proof(withdrawal_leaf(w), 0, proof), m_header0.withdrawal_root);
    const Bytes finalize = rollupabi::encodeFinalizeWithdrawal(m_header0, 0, 0, w.recipient, w.amount, proof);

    // Inside the window: refused.
    const CallOutcome early = m_anvil.ethCall(m_rollup, finalize, m_challenger);
    QVERIFY(early.reverted);
    QVERIFY2(Bytes(early.data.begin(), early.data.begin() + std::min<std::size_t>(4, early.data.size())) ==
                 errorSelector("NotFinal(uint256,uint256)"),
             hexOf(early.data) + " " + early.message.toUtf8());

    m_anvil.increaseTime(kChallengePeriod);
    QVERIFY(m_anvil.latestTimestamp() >= m_header0.submitted_at + kChallengePeriod);

    // Anyone may finalize; the recipient is paid exactly the amount, once.
    const U256 aliceBefore = m_anvil.balance(m_alice);
    QString error;
    auto receipt = m_anvil.sendSigned(m_challengerKey, m_rollup, finalize, 0, 200'000, &error);
    QVERIFY2(receipt.has_value(), qPrintable(error));
    const auto paid = only<WithdrawalFinalizedEvent>(eventsOf(*receipt));
    QCOMPARE(paid.size(), std::size_t(1));
    QCOMPARE(paid[0].recipient, m_alice);
    QVERIFY(paid[0].amount == w.amount);
    QVERIFY(m_anvil.balance(m_alice) == aliceBefore + w.amount);
    const CallOutcome twice = m_anvil.ethCall(m_rollup, finalize, m_challenger);
    QVERIFY(twice.reverted);
    QVERIFY2(Bytes(twice.data.begin(), twice.data.begin() + std::min<std::size_t>(4, twice.data.size())) ==
                 errorSelector("AlreadyFinalized(uint256,uint256)"),
             hexOf(twice.data));

    // A final batch can no longer be challenged.
    auto none = build_fraud_proof(m_batch0, m_header0, 0, AccountTree::genesis(m_proposer), m_params);
    QVERIFY(none.ok() && !none->has_value());
    FraudProof late;
    late.batch_index = 0;
    late.header = m_header0;
    late.pre_root = m_batch0.prev_state_root;
    late.post_root = m_batch0.chunk_roots[0];
    const CallOutcome tooLate = m_anvil.ethCall(m_rollup, *encode_prove_fraud_call(late), m_challenger);
    QVERIFY(tooLate.reverted);
    QVERIFY2(Bytes(tooLate.data.begin(), tooLate.data.begin() + std::min<std::size_t>(4, tooLate.data.size())) ==
                 errorSelector("ChallengePeriodOver(uint256,uint256)"),
             hexOf(tooLate.data));
}

QTEST_GUILESS_MAIN(RollupFraudE2eTest)
#include "rollup_fraud_e2e_test.moc"
