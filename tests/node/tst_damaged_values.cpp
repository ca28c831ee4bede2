// SPDX-License-Identifier: MIT
// Issue 10, item 14, the attack: a node database whose stored values were changed with plain SQL
// (a 1-byte hash, an amount that is text, a 31-byte address, a negative or overflowing integer, a
// status out of range, raw bytes that no longer hash to their row). Every reader of the node must
// see it as damage naming the table, the row and the column, never as a zero hash, zero address or
// zero amount:
//  - restarted on it, the node refuses to start (in-process Sequencer::start and the sluiced binary);
//  - changed under a running node, the eth_ methods that read the row never answer zeros (they
//    answer null and the node stops with the message, as it does not run on a damaged database),
//    Sequencer::find*() return the error, and the proposer's reads stop the node rather than post it.
// The L1 view (sluice_ methods) is tested in tests/node_l1/node_l1_damaged_test.cpp.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/params.hpp"
#include "node/rpc/ethapi.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"
#include "node/storage/nodedatabase.h"
#include "node/storage/storedvalues.h"
#include "node_test_support.hpp"

using namespace sluice;
using namespace sluice::node;
using namespace sluice::node_test;

namespace {

const char* kKeyA = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const Address kA = addr("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
const Address kB = addr("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const Address kC = addr("0x00000000000000000000000000000000000000c0");
const U256 kEther = U256(1'000'000'000'000'000'000ULL);
constexpr std::uint64_t kFillerBlocks = 70;  // pushes blocks 0..8 out of the sequencer's cache after a restart

Bytes transfer(std::uint64_t nonce, const Address& to, const U256& value) {
    Transaction tx;
    tx.type = TxType::eip1559;
    tx.chain_id = 31338;
    tx.nonce = nonce;
    tx.max_fee_per_gas = 2'000'000'000;
    tx.max_priority_fee_per_gas = 0;
    tx.gas_limit = 21000;
    tx.to = to;
    tx.value = value;
    return encode_signed(sign_transaction(tx, *PrivateKey::from_hex(kKeyA)));
}

// Blocks only when a queue entry arrives or the test says so.
SequencerConfig manualConfig(const QString& dir) {
    SequencerConfig c = sequencerConfig(dir);
    c.blockTimeMs = 1'000'000;
    return c;
}

QString hex(const Hash& h) { return QString::fromStdString(h.hex()); }

// Runs one statement on the file with its own connection (what an attacker or a bad disk does).
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

bool copyDatabase(const QString& fromDir, const QString& toDir) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const QString from = fromDir + QStringLiteral("/node.sqlite") + QLatin1String(suffix);
        if (QFile::exists(from) && !QFile::copy(from, toDir + QStringLiteral("/node.sqlite") + QLatin1String(suffix)))
            return false;
    }
    return true;
}

bool contains(const std::string& message, const QString& needle) {
    return QString::fromStdString(message).contains(needle);
}

}  // namespace

class DamagedValuesTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void storedRowRule();
    void restartRefusesDamagedValue_data();
    void restartRefusesDamagedValue();
    void sluicedRefusesDamagedDatabase();
    void ethMethodsNeverAnswerZeros_data();
    void ethMethodsNeverAnswerZeros();
    void balancesComeFromTheCheckedState();
    void proposerStopsOnDamagedRecord();

private:
    QTemporaryDir m_chain;  // a node database made by a real sequencer, copied for each case
    Hash m_tx0, m_tx1, m_tx2, m_pending;
    Hash m_block2;
};

// Genesis; block 1: deposit 0 to A; block 2: A→B and A's withdrawal (batch 0, posted); blocks
// 3..72: one deposit each to C; block 73: A→B; one transfer acknowledged and still pending.
void DamagedValuesTest::initTestCase() {
    QVERIFY(m_chain.isValid());
    Sequencer seq(manualConfig(m_chain.path()));
    QVERIFY(seq.start().ok());
    QVERIFY(seq.creditDeposit(0, kA, 10 * kEther, 1).ok());
    QVERIFY(spinUntil([&] { return seq.blockNumber() == 1; }));
    m_tx0 = *seq.submitRawTransaction(transfer(0, kB, kEther));
    m_tx1 = *seq.submitRawTransaction(transfer(1, rollup::withdrawal_address(), kEther));
    seq.produceBlock();
    QVERIFY(spinUntil([&] { return seq.blockNumber() == 2; }));
    m_block2 = seq.block(2)->hash;

    auto pending = seq.pendingRecordsForBatch(1000);
    QCOMPARE(pending.records.size(), 3u);
    rollup::AccountTree tree = *pending.preState;
    auto batch = rollup::build_batch(tree, pending.records, seq.config().params, 2);
    QVERIFY(batch.ok());
    QVERIFY(
        seq.markBatchPosted(0, 3, batch->header(0, 100, addr("0x00000000000000000000000000000000000000fe")), Hash{}, 7)
            .ok());

    for (std::uint64_t i = 1; i <= kFillerBlocks; ++i) {
        QVERIFY(seq.creditDeposit(i, kC, 1, 1).ok());
        QVERIFY(spinUntil([&] { return seq.blockNumber() == 2 + i; }));
    }
    m_tx2 = *seq.submitRawTransaction(transfer(2, kB, 1));
    seq.produceBlock();
    QVERIFY(spinUntil([&] { return seq.blockNumber() == 3 + kFillerBlocks; }));
    m_pending = *seq.submitRawTransaction(transfer(3, kB, 2));
    seq.stop();
}

// The rule itself: each kind of value, each wrong form, and the message's table, row and column.
void DamagedValuesTest::storedRowRule() {
    QTemporaryDir dir;
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rule"));
    db.setDatabaseName(dir.filePath(QStringLiteral("rule.sqlite")));
    QVERIFY(db.open());
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT 5 AS id, zeroblob(32) AS h, x'00' AS short, 'abc' AS txt, -1 AS neg, 1e300 AS big, NULL AS nul,"
            " zeroblob(20) AS a, zeroblob(31) AS a31, zeroblob(64) AS two, x'0102' AS odd, 2 AS two_int, 1 AS one")));
        QVERIFY(q.next());
        auto check = [&](auto read, const char* expected) {
            StoredRow row(q, "t");
            read(row);
            if (row.ok()) return QStringLiteral("accepted");
            const QString m = QString::fromStdString(row.error().message);
            return m == QLatin1String(expected) ? QString() : m;
        };
        // Good values read as themselves.
        {
            StoredRow row(q, "t");
            QCOMPARE(row.hash(1), Hash{});
            QCOMPARE(row.address(7), Address{});
            QCOMPARE(row.amount(1), U256(0));
            QCOMPARE(row.hashes(9).size(), 2u);
            QCOMPARE(row.integer(0), 5u);
            QVERIFY(!row.optionalInteger(6));
            QVERIFY(!row.optionalHash(6));
            QVERIFY(row.flag(12));
            QCOMPARE(row.text(3), QStringLiteral("abc"));
            QVERIFY(row.ok());
        }
        QCOMPARE(check([](StoredRow& r) { r.hash(2); },
                       "the node database is damaged: t.short (row id=5) holds a 1-byte BLOB, not a 32-byte hash"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.hash(3); },
                       "the node database is damaged: t.txt (row id=5) holds the text 'abc', not a 32-byte hash"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.hash(6); },
                       "the node database is damaged: t.nul (row id=5) holds NULL, not a 32-byte hash"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.address(8); },
                       "the node database is damaged: t.a31 (row id=5) holds a 31-byte BLOB, not a 20-byte address"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.amount(3); },
                       "the node database is damaged: t.txt (row id=5) holds the text 'abc', not a 32-byte amount"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.amount(8); },
                       "the node database is damaged: t.a31 (row id=5) holds a 31-byte BLOB, not a 32-byte amount"),
                 QString());
        QCOMPARE(
            check([](StoredRow& r) { r.hashes(10); },
                  "the node database is damaged: t.odd (row id=5) holds a 2-byte BLOB, not a list of 32-byte hashes"),
            QString());
        QCOMPARE(
            check(
                [](StoredRow& r) { r.integer(4); },
                "the node database is damaged: t.neg (row id=5) holds the integer -1, not an integer from 0 to 9223372036854775807"),
            QString());
        QCOMPARE(
            check(
                [](StoredRow& r) { r.integer(5); },
                "the node database is damaged: t.big (row id=5) holds the real number 1e+300, not an integer from 0 to 9223372036854775807"),
            QString());
        QCOMPARE(
            check(
                [](StoredRow& r) { r.integer(3); },
                "the node database is damaged: t.txt (row id=5) holds the text 'abc', not an integer from 0 to 9223372036854775807"),
            QString());
        QCOMPARE(check([](StoredRow& r) { r.integer(0, 4); },
                       "the node database is damaged: t.id (row id=5) holds the integer 5, not an integer from 0 to 4"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.flag(11); },
                       "the node database is damaged: t.two_int (row id=5) holds the integer 2, not 0 or 1"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.bytes(3); },
                       "the node database is damaged: t.txt (row id=5) holds the text 'abc', not a BLOB"),
                 QString());
        QCOMPARE(check([](StoredRow& r) { r.text(1); },
                       "the node database is damaged: t.h (row id=5) holds a 32-byte BLOB, not text"),
                 QString());
        // The first damage is the one reported; a BLOB key is quoted as hex.
        StoredRow row(q, "t", 8, 0);
        row.integer(4);
        row.hash(2);
        QCOMPARE(QString::fromStdString(row.error().message),
                 QStringLiteral("the node database is damaged: t.neg (row a31=x'") + QString(62, QLatin1Char('0')) +
                     QStringLiteral("', id=5) holds the integer -1, not an integer from 0 to 9223372036854775807"));
        QVERIFY(!row.result(1).ok());
    }
    QVERIFY(!stored::number("12a", "meta x").ok());
    QVERIFY(!stored::number("", "meta x").ok());
    QVERIFY(!stored::number("-1", "meta x").ok());
    QVERIFY(!stored::number("9223372036854775808", "meta x").ok());
    QCOMPARE(*stored::number("9223372036854775807", "meta x"), 9223372036854775807ull);
    QCOMPARE(QString::fromStdString(stored::number("abc", "meta l1.head").message()),
             QStringLiteral(
                 "the node database is damaged: meta l1.head holds 'abc', not a number from 0 to 9223372036854775807"));
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("rule"));
}

void DamagedValuesTest::restartRefusesDamagedValue_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("expected");  // substrings of the refusal
    const QString tx0 = QStringLiteral("x'%1'").arg(QString::fromStdString(to_hex_bare(m_tx0)));
    const QString tx1 = QStringLiteral("x'%1'").arg(QString::fromStdString(to_hex_bare(m_tx1)));
    const QString int64 = QStringLiteral("not an integer from 0 to 9223372036854775807");
    auto row = [](const char* name, const QString& sql, QStringList expected) {
        QTest::newRow(name) << sql << expected;
    };
    // Blocks: hashes, state roots, integers, the transaction list.
    row("block hash 1 byte", "UPDATE l2_blocks SET hash = x'00' WHERE number = 1",
        {"l2_blocks.hash (row number=1) holds a 1-byte BLOB, not a 32-byte hash"});
    row("block parent hash 31 bytes", "UPDATE l2_blocks SET parent_hash = zeroblob(31) WHERE number = 2",
        {"l2_blocks.parent_hash (row number=2) holds a 31-byte BLOB"});
    row("block state root text", "UPDATE l2_blocks SET state_root = 'abc' WHERE number = 1",
        {"l2_blocks.state_root (row number=1) holds the text 'abc', not a 32-byte hash"});
    row("block timestamp negative", "UPDATE l2_blocks SET timestamp = -1 WHERE number = 3",
        {"l2_blocks.timestamp (row number=3) holds the integer -1, " + int64});
    row("block record count overflows 32 bits", "UPDATE l2_blocks SET record_count = 4294967296 WHERE number = 2",
        {"l2_blocks.record_count (row number=2) holds the integer 4294967296, not an integer from 0 to 4294967295"});
    row("block transactions not whole hashes", "UPDATE l2_blocks SET transactions = x'0102' WHERE number = 2",
        {"l2_blocks.transactions (row number=2) holds a 2-byte BLOB, not a list of 32-byte hashes"});
    // Transactions (what receipts are made of).
    row("transaction sender 31 bytes", "UPDATE l2_transactions SET sender = zeroblob(31) WHERE hash = " + tx0,
        {"l2_transactions.sender (row hash=" + tx0 + ") holds a 31-byte BLOB, not a 20-byte address"});
    row("transaction nonce negative", "UPDATE l2_transactions SET nonce = -5 WHERE hash = " + tx0,
        {"l2_transactions.nonce (row hash=" + tx0 + ") holds the integer -5"});
    row("transaction status out of range", "UPDATE l2_transactions SET status = 9 WHERE hash = " + tx0,
        {"l2_transactions.status (row hash=" + tx0 + ") holds the integer 9, not an integer from 0 to 5"});
    row("transaction raw replaced", "UPDATE l2_transactions SET raw = x'00' WHERE hash = " + tx1,
        {"l2_transactions.raw (row hash=" + tx1 + ") does not hash to the row's hash"});
    row("transaction block text", "UPDATE l2_transactions SET block = 'abc' WHERE hash = " + tx0,
        {"l2_transactions.block (row hash=" + tx0 + ") holds the text 'abc'"});
    row("transaction position overflows", "UPDATE l2_transactions SET position = 4294967296 WHERE hash = " + tx0,
        {"l2_transactions.position (row hash=" + tx0 + ") holds the integer 4294967296"});
    // The record stream.
    row("record tx hash 31 bytes", "UPDATE l2_records SET tx_hash = zeroblob(31) WHERE seq = 1",
        {"l2_records.tx_hash (row seq=1) holds a 31-byte BLOB, not a 32-byte hash"});
    row("record bytes text", "UPDATE l2_records SET bytes = 'abc' WHERE seq = 2",
        {"l2_records.bytes (row seq=2) holds the text 'abc', not a BLOB"});
    row("record bytes garbage", "UPDATE l2_records SET bytes = x'ff' WHERE seq = 2",
        {"l2_records.bytes (row seq=2) does not decode as a record"});
    row("record queue index real", "UPDATE l2_records SET deposit_index = 1e300 WHERE seq = 0",
        {"l2_records.deposit_index (row seq=0) holds the real number 1e+300"});
    row("record recipient 31 bytes", "UPDATE l2_records SET to_address = zeroblob(31) WHERE seq = 1",
        {"l2_records.to_address (row seq=1) holds a 31-byte BLOB, not a 20-byte address"});
    // Queue entries: amounts, addresses, hashes.
    row("deposit amount text", "UPDATE deposits SET amount = 'abc' WHERE queue_index = 0",
        {"deposits.amount (row queue_index=0) holds the text 'abc', not a 32-byte amount"});
    row("deposit amount 31 bytes", "UPDATE deposits SET amount = zeroblob(31) WHERE queue_index = 5",
        {"deposits.amount (row queue_index=5) holds a 31-byte BLOB, not a 32-byte amount"});
    row("deposit address 19 bytes", "UPDATE deposits SET to_address = zeroblob(19) WHERE queue_index = 0",
        {"deposits.to_address (row queue_index=0) holds a 19-byte BLOB, not a 20-byte address"});
    row("deposit L1 tx hash 1 byte", "UPDATE deposits SET l1_tx_hash = x'00' WHERE queue_index = 3",
        {"deposits.l1_tx_hash (row queue_index=3) holds a 1-byte BLOB, not a 32-byte hash"});
    row("deposit credited block negative", "UPDATE deposits SET credited_block = -1 WHERE queue_index = 0",
        {"deposits.credited_block (row queue_index=0) holds the integer -1"});
    row("deposit forced entry garbage", "UPDATE deposits SET forced = x'00' WHERE queue_index = 2",
        {"deposits.forced (row queue_index=2) holds a forced transaction that does not decode"});
    // Batch rows: roots, proposer, counters, status.
    row("batch state root 1 byte", "UPDATE batches SET state_root = x'00' WHERE idx = 0",
        {"batches.state_root (row idx=0) holds a 1-byte BLOB, not a 32-byte hash"});
    row("batch proposer 19 bytes", "UPDATE batches SET proposer = zeroblob(19) WHERE idx = 0",
        {"batches.proposer (row idx=0) holds a 19-byte BLOB, not a 20-byte address"});
    row("batch queue end overflows", "UPDATE batches SET deposit_end = 18446744073709551615 WHERE idx = 0",
        {"batches.deposit_end (row idx=0) holds the real number"});
    row("batch status out of range", "UPDATE batches SET status = 7 WHERE idx = 0",
        {"batches.status (row idx=0) holds the integer 7, not an integer from 0 to 3"});
    row("batch first record text", "UPDATE batches SET first_record_seq = 'abc' WHERE idx = 0",
        {"batches.first_record_seq (row idx=0) holds the text 'abc'"});
    // Withdrawals.
    row("withdrawal amount text", "UPDATE withdrawals SET amount = 'abc' WHERE l2_tx_hash = " + tx1,
        {"withdrawals.amount (row l2_tx_hash=" + tx1 + ") holds the text 'abc', not a 32-byte amount"});
    row("withdrawal recipient 31 bytes", "UPDATE withdrawals SET recipient = zeroblob(31) WHERE l2_tx_hash = " + tx1,
        {"withdrawals.recipient (row l2_tx_hash=" + tx1 + ") holds a 31-byte BLOB, not a 20-byte address"});
    row("withdrawal index negative", "UPDATE withdrawals SET withdrawal_index = -3 WHERE l2_tx_hash = " + tx1,
        {"withdrawals.withdrawal_index (row l2_tx_hash=" + tx1 + ") holds the integer -3"});
    row("withdrawal status out of range", "UPDATE withdrawals SET status = 9 WHERE l2_tx_hash = " + tx1,
        {"withdrawals.status (row l2_tx_hash=" + tx1 + ") holds the integer 9, not an integer from 0 to 3"});
    // What the chain is.
    row("genesis fee recipient 19 bytes", "UPDATE meta SET value = zeroblob(19) WHERE key = 'genesis.feeRecipient'",
        {"meta genesis.feeRecipient holds a 19-byte BLOB, not a 20-byte address"});
    row("genesis chain id not a number", "UPDATE meta SET value = CAST('x1' AS BLOB) WHERE key = 'genesis.chainId'",
        {"meta genesis.chainId holds 'x1', not a chain id"});
    row("schema version not a number", "UPDATE meta SET value = CAST('abc' AS BLOB) WHERE key = 'schemaVersion'",
        {"meta schemaVersion holds 'abc', not a number"});
    row("meta value text", "UPDATE meta SET value = 'abc' WHERE key = 'genesis.feeRecipient'",
        {"meta.value (row key='genesis.feeRecipient') holds the text 'abc', not a BLOB"});
}

void DamagedValuesTest::restartRefusesDamagedValue() {
    QFETCH(QString, sql);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(copyDatabase(m_chain.path(), dir.path()));
    {
        // Intact, the copy starts (and is left as it was).
        Sequencer intact(manualConfig(dir.path()));
        QVERIFY(intact.start().ok());
    }
    tamper(dir.filePath(QStringLiteral("node.sqlite")), sql);
    Sequencer seq(manualConfig(dir.path()));
    const Status st = seq.start();
    QVERIFY2(!st.ok(), "started on a damaged database");
    QVERIFY2(contains(st.message(), QStringLiteral("the node database is damaged: ")), st.message().c_str());
    for (const QString& e : expected) QVERIFY2(contains(st.message(), e), st.message().c_str());
    QCOMPARE(seq.blockNumber(), 0u);
}

// The binary says it too, and exits instead of serving.
void DamagedValuesTest::sluicedRefusesDamagedDatabase() {
    QTemporaryDir dir;
    QVERIFY(copyDatabase(m_chain.path(), dir.path()));
    tamper(dir.filePath(QStringLiteral("node.sqlite")),
           QStringLiteral("UPDATE deposits SET amount = 'abc' WHERE queue_index = 0"));
    QProcess node;
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral(SLUICED_PATH), {"--data-dir", dir.path(), "--l2-port", QString::number(freePort()),
                                              "--fee-recipient", "0x00000000000000000000000000000000000000fe"});
    QVERIFY(node.waitForFinished(30000));
    const QString out = QString::fromUtf8(node.readAll());
    QCOMPARE(node.exitCode(), 1);
    QVERIFY2(
        out.contains(QStringLiteral("sluiced: the node database is damaged: deposits.amount (row queue_index=0) holds "
                                    "the text 'abc', not a 32-byte amount")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("restore it from a backup")), qPrintable(out));
}

void DamagedValuesTest::ethMethodsNeverAnswerZeros_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QJsonArray>("params");
    QTest::addColumn<QString>("expected");
    const QString tx0 = QStringLiteral("x'%1'").arg(QString::fromStdString(to_hex_bare(m_tx0)));
    const QString block2 = QStringLiteral("x'%1'").arg(QString::fromStdString(to_hex_bare(m_block2)));
    QTest::newRow("block hash") << QStringLiteral("UPDATE l2_blocks SET hash = x'00' WHERE number = 1")
                                << QStringLiteral("eth_getBlockByNumber") << QJsonArray{"0x1", false}
                                << QStringLiteral(
                                       "l2_blocks.hash (row number=1) holds a 1-byte BLOB, not a 32-byte hash");
    QTest::newRow("block state root") << QStringLiteral("UPDATE l2_blocks SET state_root = 'abc' WHERE number = 2")
                                      << QStringLiteral("eth_getBlockByHash") << QJsonArray{hex(m_block2), true}
                                      << QStringLiteral("l2_blocks.state_root (row number=2) holds the text 'abc'");
    QTest::newRow("block timestamp") << QStringLiteral("UPDATE l2_blocks SET timestamp = -7 WHERE hash = ") + block2
                                     << QStringLiteral("eth_getBlockByNumber") << QJsonArray{"0x2", true}
                                     << QStringLiteral("l2_blocks.timestamp (row number=2) holds the integer -7");
    QTest::newRow("transaction sender") << QStringLiteral(
                                               "UPDATE l2_transactions SET sender = zeroblob(31) WHERE hash = ") +
                                               tx0
                                        << QStringLiteral("eth_getTransactionByHash") << QJsonArray{hex(m_tx0)}
                                        << QStringLiteral("l2_transactions.sender (row hash=") + tx0 +
                                               QStringLiteral(") holds a 31-byte BLOB, not a 20-byte address");
    QTest::newRow("transaction bytes") << QStringLiteral("UPDATE l2_transactions SET raw = x'02' WHERE hash = ") + tx0
                                       << QStringLiteral("eth_getTransactionByHash") << QJsonArray{hex(m_tx0)}
                                       << QStringLiteral("l2_transactions.raw (row hash=") + tx0 +
                                              QStringLiteral(") does not hash to the row's hash");
    QTest::newRow("receipt block number")
        << QStringLiteral("UPDATE l2_transactions SET block = -1 WHERE hash = ") + tx0
        << QStringLiteral("eth_getTransactionReceipt") << QJsonArray{hex(m_tx0)}
        << QStringLiteral("l2_transactions.block (row hash=") + tx0 + QStringLiteral(") holds the integer -1");
    QTest::newRow("receipt block hash") << QStringLiteral("UPDATE l2_blocks SET hash = zeroblob(31) WHERE number = 2")
                                        << QStringLiteral("eth_getTransactionReceipt") << QJsonArray{hex(m_tx0)}
                                        << QStringLiteral("l2_blocks.hash (row number=2) holds a 31-byte BLOB");
}

// Changed under a running node: rows the sequencer no longer holds in memory are read from the file.
void DamagedValuesTest::ethMethodsNeverAnswerZeros() {
    QFETCH(QString, sql);
    QFETCH(QString, method);
    QFETCH(QJsonArray, params);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(copyDatabase(m_chain.path(), dir.path()));
    Sequencer seq(manualConfig(dir.path()));
    QVERIFY(seq.start().ok());
    QSignalSpy fatal(&seq, &Sequencer::fatalError);
    RpcServer server;
    registerEthMethods(server, seq);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    // Intact: the call answers from the file (blocks 0..8 and the transactions of block 2 are not cached).
    int code = 0;
    const QJsonValue before = call(server.port(), method, params, &code);
    QVERIFY2(before.isObject(), qPrintable(method));
    QCOMPARE(code, 0);

    tamper(dir.filePath(QStringLiteral("node.sqlite")), sql);
    const QJsonValue after = call(server.port(), method, params, &code);
    // Never a block or transaction made of zeros: no answer, and the node stops naming the damage.
    QVERIFY2(!after.isObject(), qPrintable(QString::fromUtf8(QJsonDocument(after.toObject()).toJson())));
    QCOMPARE(fatal.count(), 1);
    const QString message = fatal.at(0).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("the node database is damaged: ")), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));

    // The Result-returning queries give the same error (what an RPC method answers with -32603).
    const Hash tx0 = m_tx0;
    Status st;
    if (method == QLatin1String("eth_getBlockByNumber")) {
        const auto n = params.at(0).toString().toULongLong(nullptr, 16);
        auto found = seq.findBlock(n);
        st = found ? Status() : Status(found.error());
    } else if (method == QLatin1String("eth_getBlockByHash")) {
        auto found = seq.findBlockByHash(m_block2);
        st = found ? Status() : Status(found.error());
    } else {
        auto found = seq.findTransaction(tx0);
        st = found ? Status() : Status(found.error());
    }
    QVERIFY(!st.ok());
    QVERIFY2(contains(st.message(), expected), st.message().c_str());

    // And it does not come back up on it.
    seq.stop();
    Sequencer again(manualConfig(dir.path()));
    const Status restart = again.start();
    QVERIFY(!restart.ok());
    QVERIFY2(contains(restart.message(), expected), restart.message().c_str());
}

// Balances and nonces are the state the node replayed (and checked) at start: a deposit amount
// changed under the running node does not become anyone's balance, and a restart refuses it.
void DamagedValuesTest::balancesComeFromTheCheckedState() {
    QTemporaryDir dir;
    QVERIFY(copyDatabase(m_chain.path(), dir.path()));
    Sequencer seq(manualConfig(dir.path()));
    QVERIFY(seq.start().ok());
    RpcServer server;
    registerEthMethods(server, seq);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const QString balance =
        call(server.port(), "eth_getBalance", {QString::fromStdString(kC.hex()), "latest"}).toString();
    QCOMPARE(balance, QStringLiteral("0x%1").arg(kFillerBlocks, 0, 16));
    tamper(dir.filePath(QStringLiteral("node.sqlite")),
           QStringLiteral("UPDATE deposits SET amount = 'abc' WHERE queue_index = 1"));
    QCOMPARE(call(server.port(), "eth_getBalance", {QString::fromStdString(kC.hex()), "latest"}).toString(), balance);
    QCOMPARE(call(server.port(), "eth_getTransactionCount", {QString::fromStdString(kA.hex()), "latest"}).toString(),
             QStringLiteral("0x3"));
    seq.stop();
    Sequencer again(manualConfig(dir.path()));
    const Status st = again.start();
    QVERIFY(!st.ok());
    QVERIFY2(contains(st.message(),
                      QStringLiteral("deposits.amount (row queue_index=1) holds the text 'abc', not a 32-byte amount")),
             st.message().c_str());
}

// The proposer reads the unposted records from the file: a damaged one stops the node instead of
// being posted, skipped or cut short quietly.
void DamagedValuesTest::proposerStopsOnDamagedRecord() {
    for (const char* sql :
         {"UPDATE l2_records SET bytes = 'abc' WHERE seq = 5", "UPDATE l2_records SET bytes = x'ff' WHERE seq = 5"}) {
        QTemporaryDir dir;
        QVERIFY(copyDatabase(m_chain.path(), dir.path()));
        Sequencer seq(manualConfig(dir.path()));
        QVERIFY(seq.start().ok());
        QSignalSpy fatal(&seq, &Sequencer::fatalError);
        QCOMPARE(seq.pendingRecordsForBatch(1000).records.size(), std::size_t(kFillerBlocks + 1));
        tamper(dir.filePath(QStringLiteral("node.sqlite")), QLatin1String(sql));
        QVERIFY(seq.pendingRecordsForBatch(1000).records.empty());
        QCOMPARE(fatal.count(), 1);
        QVERIFY2(fatal.at(0).at(0).toString().contains(QStringLiteral("l2_records.bytes (row seq=5)")),
                 qPrintable(fatal.at(0).at(0).toString()));
        // Posting them would read them too.
        rollup::BatchHeader header;
        const Status posted = seq.markBatchPosted(1, 3, header);
        QVERIFY(!posted.ok());
        QVERIFY2(contains(posted.message(), QStringLiteral("l2_records.bytes (row seq=5)")), posted.message().c_str());
    }
}

QTEST_GUILESS_MAIN(DamagedValuesTest)
#include "tst_damaged_values.moc"
