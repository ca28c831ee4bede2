// SPDX-License-Identifier: MIT
// The node's L1 view in SQLite (NodeDatabase l1_* tables, what sluice_status/getBatches/
// getWithdrawals/getDeposits answer from), the schema 1 -> 2 upgrade, and the command line of a
// verifier-only node.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "node/config.h"
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
L1BatchRow batchRow(std::uint64_t index, std::uint8_t tx, std::uint64_t l1Block) {
    L1BatchRow b;
    b.index = index;
    b.stateRoot = hashOf(std::uint8_t(0x40 + tx));
    b.recordCount = 3;
    b.depositEnd = index + 1;
    b.proposer = addressOf(0x11);
    b.l1TxHash = hashOf(tx);
    b.l1Block = l1Block;
    b.finalAt = 1000 + index;
    b.judgement = L1Judgement::honest;
    b.l2TxHashes = {hashOf(0xa1), hashOf(0xa2)};
    return b;
}
}  // namespace

class NodeL1StoreTest : public QObject {
    Q_OBJECT
private slots:
    // Issue 10, item 14: a damaged file and another program's SQLite file are refused at open.
    void damagedAndForeignDatabasesAreRefused() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("node.sqlite"));
        {
            auto db = NodeDatabase::open(path);
            QVERIFY(db);
            QVERIFY((*db)->begin());
            for (std::uint64_t i = 0; i < 400; ++i) QVERIFY((*db)->upsertL1Batch(batchRow(i, i + 1, 10 + i)));
            QVERIFY((*db)->commit());
        }
        QVERIFY(NodeDatabase::open(path));  // reopens: its own file, intact
        {
            // Fold the WAL into the file, then overwrite a page in the middle with garbage.
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("checkpoint"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("checkpoint"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 8 * 4096);
        QVERIFY(file.seek(4 * 4096));
        file.write(QByteArray(4096, '\x5a'));
        file.close();
        auto damaged = NodeDatabase::open(path);
        QVERIFY(!damaged);
        QVERIFY2(QString::fromStdString(damaged.message()).contains(QStringLiteral("is damaged")),
                 damaged.message().c_str());

        const QString foreign = dir.filePath(QStringLiteral("other.sqlite"));
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(foreign);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        auto other = NodeDatabase::open(foreign);
        QVERIFY(!other);
        QVERIFY2(QString::fromStdString(other.message()).contains(QStringLiteral("not a sluiced database")),
                 other.message().c_str());
    }

    void batchesKeepRevertedRowsWhenIndicesAreReused() {
        QTemporaryDir dir;
        auto db = NodeDatabase::open(dir.filePath(QStringLiteral("node.sqlite")));
        QVERIFY(db);
        auto& d = **db;
        QVERIFY(d.begin());
        QVERIFY(d.upsertL1Batch(batchRow(0, 1, 10)));
        auto bad = batchRow(1, 2, 11);
        bad.judgement = L1Judgement::fraudulent;
        bad.verdict = QStringLiteral("WrongStateRoot");
        QVERIFY(d.upsertL1Batch(bad));
        QVERIFY(d.commit());
        QCOMPARE(*d.l1FraudulentBatches(), std::vector<std::uint64_t>{1});
        QCOMPARE((*d.l1LatestBatch())->index, std::uint64_t(1));

        // Fraud proven: batch 1 reverted, an honest batch 1 posted by another L1 transaction.
        bad.reverted = true;
        QVERIFY(d.upsertL1Batch(bad));
        QVERIFY(d.upsertL1Batch(batchRow(1, 3, 14)));
        auto current = *d.l1Batches(0, 100);
        QCOMPARE(current.size(), std::size_t(2));
        QCOMPARE(current[1].l1TxHash, hashOf(3));
        QCOMPARE(current[1].l2TxHashes, (std::vector<Hash>{hashOf(0xa1), hashOf(0xa2)}));
        QCOMPARE(d.l1Batches(0, 100, true)->size(), std::size_t(3));
        QVERIFY(d.l1FraudulentBatches()->empty());
        QVERIFY((*d.l1BatchByTx(hashOf(2)))->reverted);
        QCOMPARE((*d.l1BatchByTx(hashOf(2)))->verdict, QStringLiteral("WrongStateRoot"));

        // Finality is by L1 time: finalAt 1000 and 1001.
        QVERIFY(!*d.l1FinalizedBatch(999));
        QCOMPARE(**d.l1FinalizedBatch(1000), std::uint64_t(0));
        QCOMPARE(**d.l1FinalizedBatch(5000), std::uint64_t(1));
        QCOMPARE(d.l1Batches(1, 1)->size(), std::size_t(1));
    }

    void withdrawalsFollowTheirBatchRow() {
        QTemporaryDir dir;
        auto db = NodeDatabase::open(dir.filePath(QStringLiteral("node.sqlite")));
        QVERIFY(db);
        auto& d = **db;
        QVERIFY(d.upsertL1Batch(batchRow(0, 1, 10)));
        L1WithdrawalRow w{hashOf(1), 0, 0, addressOf(0x22), U256(12345), hashOf(0x77), {hashOf(5), hashOf(6)}, false};
        QVERIFY(d.upsertL1Withdrawal(w));
        w.withdrawalIndex = 1;
        w.recipient = addressOf(0x33);
        QVERIFY(d.upsertL1Withdrawal(w));
        auto mine = *d.l1WithdrawalsOf(addressOf(0x22));
        QCOMPARE(mine.size(), std::size_t(1));
        QCOMPARE(mine[0].amount, U256(12345));
        QCOMPARE(mine[0].proof, (std::vector<Hash>{hashOf(5), hashOf(6)}));
        QVERIFY(!mine[0].finalized);
        w.withdrawalIndex = 0;
        w.recipient = addressOf(0x22);
        w.finalized = true;
        QVERIFY(d.upsertL1Withdrawal(w));
        mine = *d.l1WithdrawalsOf(addressOf(0x22));
        QCOMPARE(mine.size(), std::size_t(1));  // replaced, not added
        QVERIFY(mine[0].finalized);
        QVERIFY(d.l1WithdrawalsOf(addressOf(0x44))->empty());
    }

    void depositsReportTheCreditingL2Block() {
        QTemporaryDir dir;
        auto db = NodeDatabase::open(dir.filePath(QStringLiteral("node.sqlite")));
        QVERIFY(db);
        auto& d = **db;
        for (std::uint64_t i = 0; i < 3; ++i)
            QVERIFY(d.upsertL1Deposit(L1DepositRow{
                i, addressOf(i == 1 ? 0x55 : 0x66), U256(100 + i), 7, hashOf(std::uint8_t(0x90 + i)), 20 + i, {}}));
        QCOMPARE(*d.l1DepositCount(), std::uint64_t(3));
        // The sequencer's own table says which L2 block credited deposit 0.
        StoredDeposit credited;
        credited.queueIndex = 0;
        credited.to = addressOf(0x66);
        credited.amount = 100;
        credited.creditedBlock = 42;
        QVERIFY(d.upsertDeposit(credited));
        auto to66 = *d.l1DepositsTo(addressOf(0x66));
        QCOMPARE(to66.size(), std::size_t(2));
        QCOMPARE(to66[0].queueIndex, std::uint64_t(0));
        QCOMPARE(to66[0].creditedBlock, std::optional<std::uint64_t>(42));
        QCOMPARE(to66[0].l1Block, std::uint64_t(20));
        QVERIFY(!to66[1].creditedBlock);
        QCOMPARE((*d.l1Deposit(1))->to, addressOf(0x55));
        QVERIFY(!*d.l1Deposit(9));

        QVERIFY(d.upsertL1FraudProof(
            L1FraudProofRow{hashOf(0xf0), 1, 2, 3, QStringLiteral("Overdraft"), addressOf(0x70), 30}));
        QCOMPARE(d.l1FraudProofs()->size(), std::size_t(1));
        QCOMPARE((*d.l1FraudProofs())[0].verdict, QStringLiteral("Overdraft"));

        // A reorg rewrites the L1 view; the sequencer's tables are untouched.
        QVERIFY(d.clearL1());
        QCOMPARE(*d.l1DepositCount(), std::uint64_t(0));
        QVERIFY(d.l1FraudProofs()->empty());
        QVERIFY(d.l1DepositsTo(addressOf(0x66))->empty());
        QCOMPARE((*d.deposit(0))->creditedBlock, std::optional<std::uint64_t>(42));
    }

    void schemaOneIsUpgraded() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("node.sqlite"));
        {
            auto db = NodeDatabase::open(path);
            QVERIFY(db);
            QCOMPARE(*(*db)->schemaVersion(), kSchemaVersion);
            QVERIFY((*db)->setMeta(QStringLiteral("schemaVersion"), "1"));
        }
        {
            // What a schema-1 file looks like: no l1_* tables.
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            for (const char* t : {"l1_batches", "l1_withdrawals", "l1_deposits", "l1_fraud_proofs"})
                QVERIFY(q.exec(QStringLiteral("DROP TABLE %1").arg(QLatin1String(t))));
            // ... and no deposits.forced (schema 3, forced transactions).
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE deposits DROP COLUMN forced")));
            // ... and the full indexes of schemas 1-4 where schema 5 has partial ones.
            for (const char* i : {"l2_transactions_pending", "l2_transactions_sequenced", "l2_transactions_batched",
                                  "l2_records_batched"})
                QVERIFY(q.exec(QStringLiteral("DROP INDEX %1").arg(QLatin1String(i))));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX l2_transactions_status ON l2_transactions(status)")));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX l2_transactions_record_seq ON l2_transactions(record_seq)")));
            QVERIFY(q.exec(QStringLiteral("CREATE INDEX l2_records_batch ON l2_records(batch_index)")));
            q = QSqlQuery();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        auto db = NodeDatabase::open(path);
        QVERIFY(db);
        QCOMPARE(*(*db)->schemaVersion(), kSchemaVersion);
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'l2_%' "
                                       "AND sql IS NOT NULL ORDER BY name"),
                        raw);
            QStringList indexes;
            while (q.next()) indexes << q.value(0).toString();
            QCOMPARE(
                indexes,
                QStringList({QStringLiteral("l2_records_batched"), QStringLiteral("l2_transactions_batched"),
                             QStringLiteral("l2_transactions_pending"), QStringLiteral("l2_transactions_sequenced")}));
            q = QSqlQuery();
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QVERIFY((*db)->upsertL1Batch(batchRow(0, 1, 10)));
        QCOMPARE((*db)->l1Batches(0, 10)->size(), std::size_t(1));
        // The upgraded deposits table keeps a forced transaction of the L1 queue.
        StoredDeposit forced;
        forced.queueIndex = 7;
        forced.l1Timestamp = 1234;
        forced.forced = rollup::ForcedTransaction{};
        forced.forced->eip1559 = true;
        forced.forced->to = addressOf(0x77);
        forced.forced->value = 5;
        forced.forced->max_fee_per_gas = 2;
        forced.forced->gas_limit = 21000;
        QVERIFY((*db)->upsertDeposit(forced));
        auto stored = (*db)->deposit(7);
        QVERIFY2(stored, stored ? "" : stored.message().c_str());
        const auto& back = *stored;
        QVERIFY(back && back->forced);
        QCOMPARE(rollup::forced_hash(*back->forced), rollup::forced_hash(*forced.forced));
        QVERIFY(!back->creditedBlock);
    }

    void verifierCommandLine() {
        const QString rollup = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        auto c = parseCommandLine({QStringLiteral("sluiced"), QStringLiteral("--verifier"), QStringLiteral("--l1-rpc"),
                                   QStringLiteral("http://127.0.0.1:8545"), QStringLiteral("--rollup"), rollup,
                                   QStringLiteral("--key-file"), QStringLiteral("/tmp/k")});
        QVERIFY2(c, c ? "" : c.message().c_str());
        QVERIFY(c->verifier);
        QVERIFY(!c->sequencer);
        QVERIFY(!c->serveRpc);  // no JSON-RPC unless --l2-port asks for it
        QCOMPARE(c->proposerKeySource, QStringLiteral("file:/tmp/k"));
        QVERIFY(c->dataDir.endsWith(QStringLiteral("sluiced-verifier")));

        c = parseCommandLine({QStringLiteral("sluiced"), QStringLiteral("--verifier"), QStringLiteral("--l1-rpc"),
                              QStringLiteral("http://x"), QStringLiteral("--rollup"), rollup,
                              QStringLiteral("--key-file"), QStringLiteral("k"), QStringLiteral("--l2-port"),
                              QStringLiteral("9999"), QStringLiteral("--data-dir"), QStringLiteral("/tmp/v")});
        QVERIFY(c);
        QVERIFY(c->serveRpc);
        QCOMPARE(c->rpcPort, std::uint16_t(9999));
        QCOMPARE(c->dataDir, QStringLiteral("/tmp/v"));

        auto noKey =
            parseCommandLine({QStringLiteral("sluiced"), QStringLiteral("--verifier"), QStringLiteral("--l1-rpc"),
                              QStringLiteral("http://x"), QStringLiteral("--rollup"), rollup});
        QVERIFY(!noKey);
        QVERIFY(QString::fromStdString(noKey.message()).contains(QStringLiteral("--key-file")));
        auto noL1 = parseCommandLine({QStringLiteral("sluiced"), QStringLiteral("--verifier"),
                                      QStringLiteral("--key-file"), QStringLiteral("k")});
        QVERIFY(!noL1);
        QVERIFY(QString::fromStdString(noL1.message()).contains(QStringLiteral("--l1-rpc")));

        auto conf = parseCommandLine(
            {QStringLiteral("sluiced"), QStringLiteral("--deposit-confirmations"), QStringLiteral("3")});
        QVERIFY(conf);
        QCOMPARE(conf->depositConfirmations, std::optional<std::uint64_t>(3));
        QVERIFY(conf->sequencer && conf->serveRpc);
        QVERIFY(!parseCommandLine(
            {QStringLiteral("sluiced"), QStringLiteral("--deposit-confirmations"), QStringLiteral("x")}));
    }
};

QTEST_GUILESS_MAIN(NodeL1StoreTest)
#include "node_l1_store_test.moc"
