// SPDX-License-Identifier: MIT
// Issue 10, item 14, the attack on the L1 view: the l1_* tables and l1.* meta values that the
// sluice_ methods answer from, changed with plain SQL. Every method that reads a damaged value
// answers an internal error (-32603) naming the table, row and column, never a zero hash, address
// or amount. Restarted on it, the node starts (the L1 view only mirrors L1), logs what is damaged,
// and the first complete read of L1 rewrites it (against a real anvil).
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "../node/node_test_support.hpp"
#include "anvil_fixture.hpp"
#include "node/config.h"
#include "node/l1/l1side.h"
#include "node/rpc/rpcserver.h"
#include "node/storage/nodedatabase.h"

using namespace sluice;
using namespace sluice::node;

namespace {

Hash hashOf(std::uint8_t b) {
    Hash h;
    h.bytes.fill(b);
    return h;
}
Address addressOf(std::uint8_t b) {
    Address a;
    a.bytes.fill(b);
    return a;
}
// How a message names the row of hashOf(b): x'bbbb…' (32 bytes).
QString rowKey(std::uint8_t b) {
    return QStringLiteral("x'%1'").arg(QStringLiteral("%1").arg(b, 2, 16, QLatin1Char('0')).repeated(32));
}

L1BatchRow batchRow(std::uint64_t index, std::uint8_t tx) {
    L1BatchRow b;
    b.index = index;
    b.stateRoot = hashOf(std::uint8_t(0x40 + tx));
    b.recordCount = 3;
    b.depositEnd = index + 1;
    b.proposer = addressOf(0x11);
    b.l1TxHash = hashOf(tx);
    b.l1Block = 10 + index;
    b.finalAt = 1000 + index;
    b.judgement = L1Judgement::honest;
    b.l2TxHashes = {hashOf(0xa1), hashOf(0xa2)};
    return b;
}

const Address kRecipient = addressOf(0x22);

// The L1 view of a node that saw two batches (the second judged fraudulent), a withdrawal in the
// first, and a deposit that L2 credited.
void writeL1View(const QString& path) {
    auto db = NodeDatabase::open(path);
    QVERIFY(db);
    auto& d = **db;
    QVERIFY(d.upsertL1Batch(batchRow(0, 1)));
    auto bad = batchRow(1, 2);
    bad.judgement = L1Judgement::fraudulent;
    bad.verdict = QStringLiteral("WrongStateRoot");
    QVERIFY(d.upsertL1Batch(bad));
    QVERIFY(d.upsertL1Withdrawal(
        L1WithdrawalRow{hashOf(1), 0, 0, kRecipient, U256(12345), hashOf(0x77), {hashOf(5), hashOf(6)}, false}));
    QVERIFY(d.upsertL1Deposit(L1DepositRow{0, kRecipient, U256(100), 7, hashOf(0x90), 20, {}}));
    StoredDeposit credited;
    credited.queueIndex = 0;
    credited.to = kRecipient;
    credited.amount = 100;
    credited.creditedBlock = 42;
    QVERIFY(d.upsertDeposit(credited));
    QVERIFY(d.setMeta(QStringLiteral("l1.headTimestamp"), "5000"));
    QVERIFY(d.setMeta(QStringLiteral("l1.params"), R"({"l1ChainId":31337})"));
    QVERIFY(d.setMeta(QStringLiteral("l1.stateRoot"), QByteArray::fromStdString(hashOf(0x44).hex())));
}

void tamper(const QString& path, const QString& sql) {
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
        QVERIFY2(q.numRowsAffected() == 1, qPrintable(sql + QStringLiteral(": %1 rows").arg(q.numRowsAffected())));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

NodeConfig l1Config(const QString& dataDir, const QString& l1Url, const QString& rollup) {
    NodeConfig c;
    c.dataDir = dataDir;
    c.l1RpcUrl = l1Url;
    c.rollupAddress = rollup;
    c.sequencer = false;  // the L1 view and its methods only
    return c;
}

const QString kRollup = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");

}  // namespace

class NodeL1DamagedTest : public QObject {
    Q_OBJECT
private slots:
    void sluiceMethodsAnswerAnErrorNotZeros_data();
    void sluiceMethodsAnswerAnErrorNotZeros();
    void restartLogsAndL1RewritesTheView();
};

void NodeL1DamagedTest::sluiceMethodsAnswerAnErrorNotZeros_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("expected");
    const QString batch0 = rowKey(1), batch1 = rowKey(2);
    QTest::newRow("batch state root 1 byte")
        << QStringLiteral("UPDATE l1_batches SET state_root = x'00' WHERE idx = 0")
        << QStringLiteral("sluice_getBatches")
        << QStringLiteral("l1_batches.state_root (row l1_tx_hash=%1) holds a 1-byte BLOB, not a 32-byte hash")
               .arg(batch0);
    QTest::newRow("batch final time text")
        << QStringLiteral("UPDATE l1_batches SET final_at = 'abc' WHERE idx = 1") << QStringLiteral("sluice_getBatches")
        << QStringLiteral("l1_batches.final_at (row l1_tx_hash=%1) holds the text 'abc'").arg(batch1);
    QTest::newRow("batch judgement out of range")
        << QStringLiteral("UPDATE l1_batches SET judgement = 7 WHERE idx = 0") << QStringLiteral("sluice_getBatches")
        << QStringLiteral("l1_batches.judgement (row l1_tx_hash=%1) holds the integer 7, not an integer from 0 to 2")
               .arg(batch0);
    QTest::newRow("batch transactions not whole hashes")
        << QStringLiteral("UPDATE l1_batches SET l2_tx_hashes = x'01' WHERE idx = 0")
        << QStringLiteral("sluice_getBatches")
        << QStringLiteral("l1_batches.l2_tx_hashes (row l1_tx_hash=%1) holds a 1-byte BLOB").arg(batch0);
    QTest::newRow("latest batch proposer 19 bytes")
        << QStringLiteral("UPDATE l1_batches SET proposer = zeroblob(19) WHERE idx = 1")
        << QStringLiteral("sluice_status")
        << QStringLiteral("l1_batches.proposer (row l1_tx_hash=%1) holds a 19-byte BLOB, not a 20-byte address")
               .arg(batch1);
    QTest::newRow("fraudulent batch index negative")
        << QStringLiteral("UPDATE l1_batches SET idx = -1 WHERE idx = 1") << QStringLiteral("sluice_status")
        << QStringLiteral("l1_batches.idx (row l1_tx_hash=%1) holds the integer -1").arg(batch1);
    QTest::newRow("withdrawal amount text")
        << QStringLiteral("UPDATE l1_withdrawals SET amount = 'abc' WHERE withdrawal_index = 0")
        << QStringLiteral("sluice_getWithdrawals")
        << QStringLiteral(
               "l1_withdrawals.amount (row batch_l1_tx_hash=%1, withdrawal_index=0) holds the text 'abc', not a 32-byte amount")
               .arg(batch0);
    QTest::newRow("withdrawal proof not whole hashes")
        << QStringLiteral("UPDATE l1_withdrawals SET proof = x'0102' WHERE withdrawal_index = 0")
        << QStringLiteral("sluice_getWithdrawals")
        << QStringLiteral("l1_withdrawals.proof (row batch_l1_tx_hash=%1, withdrawal_index=0) holds a 2-byte BLOB")
               .arg(batch0);
    QTest::newRow("withdrawal's batch root")
        << QStringLiteral("UPDATE l1_batches SET tx_root = x'00' WHERE idx = 0")
        << QStringLiteral("sluice_getWithdrawals")
        << QStringLiteral("l1_batches.tx_root (row l1_tx_hash=%1) holds a 1-byte BLOB").arg(batch0);
    QTest::newRow("deposit amount 31 bytes")
        << QStringLiteral("UPDATE l1_deposits SET amount = zeroblob(31) WHERE queue_index = 0")
        << QStringLiteral("sluice_getDeposits")
        << QStringLiteral("l1_deposits.amount (row queue_index=0) holds a 31-byte BLOB, not a 32-byte amount");
    QTest::newRow("deposit L1 tx hash text")
        << QStringLiteral("UPDATE l1_deposits SET l1_tx_hash = 'abc' WHERE queue_index = 0")
        << QStringLiteral("sluice_getDeposits")
        << QStringLiteral("l1_deposits.l1_tx_hash (row queue_index=0) holds the text 'abc', not a 32-byte hash");
    QTest::newRow("deposit credited block negative")
        << QStringLiteral("UPDATE deposits SET credited_block = -1 WHERE queue_index = 0")
        << QStringLiteral("sluice_getDeposits")
        << QStringLiteral("deposits.credited_block (row queue_index=0) holds the integer -1");
    QTest::newRow("head time not a number")
        << QStringLiteral("UPDATE meta SET value = CAST('abc' AS BLOB) WHERE key = 'l1.headTimestamp'")
        << QStringLiteral("sluice_getBatches") << QStringLiteral("meta l1.headTimestamp holds 'abc', not a number");
    QTest::newRow("parameters not JSON")
        << QStringLiteral("UPDATE meta SET value = CAST('not json' AS BLOB) WHERE key = 'l1.params'")
        << QStringLiteral("sluice_status") << QStringLiteral("meta l1.params holds 8 bytes that are not a JSON object");
    QTest::newRow("state root not a hash")
        << QStringLiteral("UPDATE meta SET value = CAST('0x12' AS BLOB) WHERE key = 'l1.stateRoot'")
        << QStringLiteral("sluice_status") << QStringLiteral("meta l1.stateRoot holds '0x12', not a 32-byte hash");
}

// L1 unreachable: the methods answer from the tables alone, as after a restart before L1 is read.
void NodeL1DamagedTest::sluiceMethodsAnswerAnErrorNotZeros() {
    QFETCH(QString, sql);
    QFETCH(QString, method);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("node.sqlite"));
    writeL1View(path);
    RpcServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const QString deadL1 = QStringLiteral("http://127.0.0.1:%1").arg(sluice::node_test::freePort());
    L1Side side(l1Config(dir.path(), deadL1, kRollup), nullptr, &server);
    QVERIFY(side.start().ok());
    const QJsonArray params = method == QLatin1String("sluice_getBatches") ? QJsonArray{0, 10}
                              : method == QLatin1String("sluice_status")
                                  ? QJsonArray{}
                                  : QJsonArray{QString::fromStdString(kRecipient.hex())};
    int code = 0;
    QString message;
    const QJsonValue intact = sluice::node_test::call(server.port(), method, params, &code, &message);
    QVERIFY2(code == 0, qPrintable(message));
    QVERIFY(intact.isObject() || !intact.toArray().isEmpty());

    tamper(path, sql);
    const QJsonValue damaged = sluice::node_test::call(server.port(), method, params, &code, &message);
    QCOMPARE(code, -32603);
    QVERIFY(damaged.isUndefined());  // no result at all: nothing read as a zero
    QVERIFY2(message.startsWith(QStringLiteral("the node database is damaged: ")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    side.stop();
}

// Restarted on a damaged L1 view, the node does not refuse (the view is only what L1 says): it logs
// the damage, and its first complete read of L1 rewrites the tables, after which they answer again.
void NodeL1DamagedTest::restartLogsAndL1RewritesTheView() {
    test::Anvil anvil;
    QVERIFY(anvil.start());
    const QString rollup = anvil.deployRollup();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("node.sqlite"));
    writeL1View(path);
    tamper(path, QStringLiteral("UPDATE l1_batches SET state_root = x'00' WHERE idx = 0"));
    tamper(path, QStringLiteral("UPDATE meta SET value = CAST('x' AS BLOB) WHERE key = 'l1.headTimestamp'"));
    tamper(path, QStringLiteral("INSERT INTO meta(key, value) VALUES('l1.persistedBlock', CAST('-4' AS BLOB))"));
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral(
            "the node database is damaged: l1_batches\\.state_root \\(row l1_tx_hash=x'0101.*holds a 1-byte BLOB.*rewritten from L1")));
    QTest::ignoreMessage(
        QtWarningMsg,
        QRegularExpression(QStringLiteral(
            "the node database is damaged: meta l1\\.persistedBlock holds '-4', not a number.*read again from L1")));

    RpcServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    L1Side side(l1Config(dir.path(), anvil.url(), rollup), nullptr, &server);
    QSignalSpy fatal(&side, &L1Side::fatalError);
    QVERIFY(side.start().ok());
    // L1 holds no batch: once read, the damaged rows are gone and the methods answer what L1 says.
    int code = -1;
    QString message;
    QJsonValue batches;
    QVERIFY(test::waitUntil([&] {
        batches = sluice::node_test::call(server.port(), QStringLiteral("sluice_getBatches"), QJsonArray{0, 10}, &code,
                                          &message);
        return code == 0 && batches.isArray();
    }));
    QCOMPARE(batches.toArray().size(), 0);
    const QJsonValue status =
        sluice::node_test::call(server.port(), QStringLiteral("sluice_status"), {}, &code, &message);
    QVERIFY2(code == 0, qPrintable(message));
    QVERIFY(status.toObject().value(QStringLiteral("latestBatch")).isNull());
    QCOMPARE(fatal.count(), 0);
    side.stop();
    auto db = NodeDatabase::open(path);
    QVERIFY(db);
    const Status view = (*db)->checkL1View();
    QVERIFY2(view.ok(), view.ok() ? "" : view.message().c_str());  // Qt 6.4 evaluates the message either way
}

QTEST_GUILESS_MAIN(NodeL1DamagedTest)
#include "node_l1_damaged_test.moc"
