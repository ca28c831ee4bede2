// SPDX-License-Identifier: MIT
// sluiced part 1: storage durability, sequencer validity and deposits, the batch interface, the
// RPC server under hostile input, cast against the real binary, and kill -9 + restart.
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <csignal>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include "core/crypto/keccak.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/transaction.hpp"
#include "core/rollup/batch.hpp"
#include "core/rollup/stf.hpp"
#include "node/rpc/ethapi.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/dbwriter.h"
#include "node/sequencer/sequencer.h"
#include "node/sequencer/workqueue.h"
#include "node/storage/nodedatabase.h"
#include "node_test_support.hpp"
#include "prerequisite.hpp"

using namespace sluice;
using namespace sluice::node;
using namespace sluice::node_test;

namespace {

const char* kKeyA = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
const char* kAddrA = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
const char* kAddrB = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
const U256 kEther = U256(1'000'000'000'000'000'000ULL);

Bytes signedTransfer(const char* key, std::uint64_t nonce, const Address& to, const U256& value, U256 chainId = 31338,
                     U256 maxFee = 2'000'000'000, Bytes data = {}) {
    Transaction tx;
    tx.type = TxType::eip1559;
    tx.chain_id = chainId;
    tx.nonce = nonce;
    tx.max_fee_per_gas = maxFee;
    tx.max_priority_fee_per_gas = 0;
    tx.gas_limit = 21000;
    tx.to = to;
    tx.value = value;
    tx.data = std::move(data);
    return encode_signed(sign_transaction(tx, *PrivateKey::from_hex(key)));
}

}  // namespace

class NodeTest : public QObject {
    Q_OBJECT
private slots:
    void storageIsDurableAndWal();
    void arrivalsAreStoredInGroups();
    void checkpointsRunBesideTheWriter();
    void sequencerRefusesInvalidTransactions();
    void depositsAreCreditedOnceInOrder();
    void batchInterfaceAndRevert();
    void workQueueHandlesEveryItemOnce();
    void rpcServerSurvivesHostileInput();
    void webSocketNewHeads();
    void castAgainstSluiced();
    void killAndRestartKeepsAcknowledged();
    void readFrontendFollowsTheSequencer();
};

void NodeTest::storageIsDurableAndWal() {
    QTemporaryDir dir;
    const QString path = testDatabase(dir.path());
    StoredTransaction tx;
    tx.raw = {1, 2, 3};
    tx.hash = keccak256(tx.raw);  // (a stored transaction's bytes must hash to its hash)
    tx.sender = addr(kAddrA);
    tx.nonce = 7;
    {
        auto db = NodeDatabase::open(path);
        QVERIFY2(db.ok(), db.ok() ? "" : db.message().c_str());
        if (onPostgres()) {
            QCOMPARE(int((*db)->backend()), int(NodeDatabase::Backend::postgresql));
            QCOMPARE((*db)->synchronousCommit(), QStringLiteral("on"));
        } else {
            QCOMPARE((*db)->journalMode(), QStringLiteral("wal"));
            QCOMPARE((*db)->synchronousMode(), 2);
        }
        QCOMPARE(*(*db)->schemaVersion(), kSchemaVersion);
        QVERIFY((*db)->begin().ok());
        QVERIFY((*db)->insertTransaction(tx).ok());
        QVERIFY((*db)->setMeta("l1.cursor", "1234").ok());
        StoredDeposit d;
        d.queueIndex = 3;
        d.to = addr(kAddrB);
        d.amount = kEther;
        QVERIFY((*db)->upsertDeposit(d).ok());
        QVERIFY((*db)->commit().ok());
        // Uncommitted work is not there after a reopen.
        QVERIFY((*db)->begin().ok());
        QVERIFY((*db)->setMeta("l1.cursor", "9999").ok());
        QVERIFY((*db)->rollback().ok());
    }
    auto db = NodeDatabase::open(path);
    QVERIFY(db.ok());
    auto stored = (*db)->transaction(tx.hash);
    QVERIFY2(stored, stored ? "" : stored.message().c_str());
    const auto& back = *stored;
    QVERIFY(back);
    QCOMPARE(back->raw, tx.raw);
    QCOMPARE(back->sender, tx.sender);
    QCOMPARE(back->nonce, 7u);
    QCOMPARE(int(back->status), int(TxStatus::pending));
    QCOMPARE(**(*db)->meta("l1.cursor"), QByteArray("1234"));
    QCOMPARE((*(*db)->deposit(3))->amount, kEther);
    // A duplicate hash is refused (a transaction is stored once).
    QVERIFY(!(*db)->insertTransaction(tx).ok());
}

// SQLite: commits reach the database file through the writer's checkpoint thread, not through a
// checkpoint inside a commit (the connections' automatic one is only a backstop at 64 MiB). On
// PostgreSQL the server checkpoints; there the writer's commit is only checked to be stored.
void NodeTest::checkpointsRunBesideTheWriter() {
    QTemporaryDir dir;
    const QString path = testDatabase(dir.path());
    const auto fileSize = [&] { return QFileInfo(path).size(); };
    {
        auto db = NodeDatabase::open(path);
        QVERIFY2(db.ok(), db.ok() ? "" : db.message().c_str());
        if (!onPostgres()) {
            // About 1.5 MB in one commit: far below the backstop, so it stays in the log.
            QVERIFY((*db)->begin().ok());
            for (int i = 0; i < 5000; ++i) {
                StoredTransaction tx;
                tx.raw.assign(300, std::uint8_t(i));
                tx.raw[0] = std::uint8_t(i >> 8);
                tx.hash = keccak256(tx.raw);
                tx.sender = addr(kAddrA);
                tx.nonce = std::uint64_t(i);
                QVERIFY((*db)->insertTransaction(tx).ok());
            }
            QVERIFY((*db)->commit().ok());
            QVERIFY2(fileSize() < 1'000'000, qPrintable(QString::number(fileSize())));
        }
        // The writer's first commit wakes its checkpoint thread, which copies the log into the file.
        QObject owner;
        DbWriter writer(path, &owner);
        QVERIFY(writer.open().ok());
        writer.enqueue([](NodeDatabase& w) { return w.setMeta(QStringLiteral("test.mark"), "1"); }, {});
        writer.flush();
        if (!onPostgres()) QTRY_VERIFY_WITH_TIMEOUT(fileSize() > 1'500'000, 10000);
    }
    auto reopened = NodeDatabase::open(path);
    QVERIFY(reopened.ok());
    QCOMPARE(**(*reopened)->meta(QStringLiteral("test.mark")), QByteArray("1"));
}

// The sequencer stores admitted transactions a group at a time, those a block includes already
// sequenced (NodeDatabase::insertArrivedTransactions).
void NodeTest::arrivalsAreStoredInGroups() {
    QTemporaryDir dir;
    auto db = NodeDatabase::open(testDatabase(dir.path()));
    QVERIFY2(db.ok(), db.ok() ? "" : db.message().c_str());
    auto row = [](std::uint8_t tag, TxStatus status) {
        StoredTransaction tx;
        tx.raw = {tag, 1, 2};
        tx.hash = keccak256(tx.raw);
        tx.sender = addr(kAddrA);
        tx.nonce = tag;
        tx.status = status;
        return tx;
    };
    const StoredTransaction pending = row(1, TxStatus::pending), dropped = row(3, TxStatus::dropped);
    StoredTransaction placed = row(2, TxStatus::sequenced);
    placed.block = 5;
    placed.position = 1;
    placed.recordSeq = 40;
    QVERIFY((*db)->insertArrivedTransactions({pending, placed, dropped}).ok());
    const auto back = *(*db)->transaction(placed.hash);
    QVERIFY(back);
    QCOMPARE(int(back->status), int(TxStatus::sequenced));
    QCOMPARE(back->block, std::optional<std::uint64_t>(5));
    QCOMPARE(back->position, std::optional<std::uint32_t>(1));
    QCOMPARE(back->recordSeq, std::optional<std::uint64_t>(40));
    QCOMPARE(int((*(*db)->transaction(dropped.hash))->status), int(TxStatus::dropped));

    // A dropped transaction sent again is stored anew, as pending; its row is not duplicated.
    QVERIFY((*db)->insertArrivedTransactions({row(3, TxStatus::pending)}).ok());
    QCOMPARE(int((*(*db)->transaction(dropped.hash))->status), int(TxStatus::pending));
    QCOMPARE(*(*db)->transactionCount(), std::uint64_t(3));
    auto waiting = (*db)->pendingTransactions();
    QVERIFY(waiting);
    QCOMPARE(waiting->size(), std::size_t(2));
    QCOMPARE((*waiting)[0].hash, pending.hash);
    QCOMPARE((*waiting)[1].hash, dropped.hash);

    // Any other row with the hash is an error, and the group is not stored (the writer rolls back).
    QVERIFY((*db)->begin().ok());
    const auto clash = (*db)->insertArrivedTransactions({row(4, TxStatus::pending), pending});
    QVERIFY(!clash.ok());
    QVERIFY2(clash.message().find("stored already and were not dropped") != std::string::npos, clash.message().c_str());
    QVERIFY((*db)->rollback().ok());
    QCOMPARE(*(*db)->transactionCount(), std::uint64_t(3));
}

void NodeTest::sequencerRefusesInvalidTransactions() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    QSignalSpy blocks(&seq, &Sequencer::newBlock);
    QVERIFY(seq.creditDeposit(0, addr(kAddrA), kEther, 1).ok());
    QVERIFY(spinUntil([&] { return seq.blockNumber() >= 1; }));
    QCOMPARE(seq.balance(addr(kAddrA)), kEther);

    auto refused = [&](const Bytes& raw, const char* needle) {
        auto r = seq.submitRawTransaction(raw);
        if (r.ok()) return QStringLiteral("accepted");
        return QString::fromStdString(r.message()).contains(QLatin1String(needle))
                   ? QString()
                   : QString::fromStdString(r.message());
    };
    const Address b = addr(kAddrB);
    QCOMPARE(refused(signedTransfer(kKeyA, 0, b, 1, 1), "wrong chain id 1: this L2 is chain 31338"), QString());
    QCOMPARE(refused(signedTransfer(kKeyA, 5, b, 1), "nonce too high: next nonce is 0"), QString());
    QCOMPARE(refused(signedTransfer(kKeyA, 0, b, kEther), "insufficient funds"), QString());
    QCOMPARE(refused(signedTransfer(kKeyA, 0, b, 1, 31338, 999'999'999), "fee too low"), QString());
    QCOMPARE(refused(signedTransfer(kKeyA, 0, b, 1, 31338, 2'000'000'000, Bytes{0xde, 0xad}), "data are not supported"),
             QString());
    QCOMPARE(refused(Bytes{0x02, 0xc0}, "invalid transaction"), QString());
    // Nobody can spend from an address without an L2 account.
    QCOMPARE(refused(signedTransfer("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 0, b, 1),
                     "has no L2 account"),
             QString());

    const Bytes good = signedTransfer(kKeyA, 0, b, kEther / 2);
    auto hash = seq.submitRawTransaction(good);
    QVERIFY2(hash.ok(), hash.ok() ? "" : hash.message().c_str());
    QCOMPARE(refused(good, "already known"), QString());
    QCOMPARE(refused(signedTransfer(kKeyA, 0, b, 2), "nonce too low: next nonce is 1"), QString());
    QCOMPARE(seq.nonce(addr(kAddrA), true), 1u);
    // The pending spend counts against the balance: a second half ether plus fee does not fit.
    QCOMPARE(refused(signedTransfer(kKeyA, 1, b, kEther / 2), "insufficient funds"), QString());

    QVERIFY(spinUntil([&] { return seq.transaction(*hash) && seq.transaction(*hash)->block.has_value(); }));
    QCOMPARE(seq.balance(b), kEther / 2);
    QCOMPARE(seq.nonce(addr(kAddrA)), 1u);
    const U256 fee = U256(21000) * U256(1'000'000'000);
    QCOMPARE(seq.balance(addr(kAddrA)), kEther - kEther / 2 - fee);
    QCOMPARE(seq.state().account(0).balance, fee);
}

void NodeTest::depositsAreCreditedOnceInOrder() {
    QTemporaryDir dir;
    const Address a = addr(kAddrA);
    {
        Sequencer seq(sequencerConfig(dir.path()));
        QVERIFY(seq.start().ok());
        // Index 1 arrives first: it waits for 0.
        QVERIFY(seq.creditDeposit(1, a, 2, 1).ok());
        QTest::qWait(100);
        QCOMPARE(seq.balance(a), U256(0));
        QVERIFY(seq.creditDeposit(0, a, 1, 1).ok());
        QVERIFY(seq.creditDeposit(0, a, 1, 1).ok());  // again: ignored
        QVERIFY(spinUntil([&] { return seq.balance(a) == 3; }));
        QVERIFY(seq.creditDeposit(1, a, 2, 1).ok());
        QTest::qWait(100);
        QCOMPARE(seq.balance(a), U256(3));
        QCOMPARE(seq.nextDepositIndex(), 2u);
        seq.stop();
    }
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    QCOMPARE(seq.balance(a), U256(3));
    QVERIFY(seq.creditDeposit(0, a, 1, 1).ok());
    QVERIFY(seq.creditDeposit(1, a, 2, 1).ok());
    QVERIFY(seq.creditDeposit(2, a, 4, 1).ok());
    QVERIFY(spinUntil([&] { return seq.balance(a) == 7; }));
    QTest::qWait(100);
    QCOMPARE(seq.balance(a), U256(7));
    auto db = NodeDatabase::open(testDatabase(dir.path()));
    QCOMPARE(*(*db)->recordCount(), 3u);
}

void NodeTest::batchInterfaceAndRevert() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    QVERIFY(seq.creditDeposit(0, addr(kAddrA), kEther, 1).ok());
    QVERIFY(spinUntil([&] { return seq.blockNumber() >= 1; }));
    for (std::uint64_t n = 0; n < 20; ++n)
        QVERIFY(seq.submitRawTransaction(signedTransfer(kKeyA, n, addr(kAddrB), 1000 + n)).ok());
    QVERIFY(spinUntil([&] { return seq.mempoolSize() == 0 && seq.nonce(addr(kAddrA)) == 20; }));
    QVERIFY(spinUntil([&] { return seq.pendingRecordsForBatch(1000).records.size() == 21; }));

    auto pending = seq.pendingRecordsForBatch(1000);
    QCOMPARE(pending.firstRecordSeq, 0u);
    QCOMPARE(pending.preStateRoot, pending.preState->state_root());
    QVERIFY(!pending.txHashes[0].has_value());  // the deposit
    rollup::AccountTree tree = *pending.preState;
    auto batch = rollup::build_batch(tree, pending.records, seq.config().params, 2);
    QVERIFY2(batch.ok(), batch.ok() ? "" : batch.message().c_str());
    QCOMPARE(batch->state_root(), seq.stateRoot());  // a batch ending at a block end agrees with the soft chain
    const auto header = batch->header(0, 100, addr("0x00000000000000000000000000000000000000fe"));
    QVERIFY(seq.markBatchPosted(0, pending.records.size(), header).ok());
    QCOMPARE(seq.pendingRecordsForBatch(1000).records.size(), 0u);
    QCOMPARE(seq.pendingRecordsForBatch(1000).preStateRoot, header.state_root);
    QVERIFY(!seq.markBatchPosted(1, 1, header).ok());  // nothing left to post

    QVERIFY(seq.onBatchReverted(0).ok());
    auto again = seq.pendingRecordsForBatch(1000);
    QCOMPARE(again.records.size(), 21u);
    QCOMPARE(again.preStateRoot, pending.preStateRoot);
    QCOMPARE(again.records, pending.records);

    // Posted again as the proposer posts: with what it built. Its post-state is taken as it is
    // (not executed again) and its records' transactions are marked posted.
    rollup::AccountTree rebuiltTree = *again.preState;
    auto rebuilt = rollup::build_batch(rebuiltTree, again.records, seq.config().params, 2);
    QVERIFY(rebuilt.ok());
    auto built = std::make_shared<const BuiltBatch>(BuiltBatch{again.firstRecordSeq, again.records, again.txHashes,
                                                               std::make_shared<rollup::AccountTree>(rebuiltTree)});
    QVERIFY(seq.markBatchPosted(0, again.records.size(), header, Hash{}, 0, built).ok());
    QCOMPARE(seq.pendingRecordsForBatch(1000).preState.get(), built->postState.get());
    const auto transfer = seq.transaction(*again.txHashes[5]);
    QVERIFY(transfer.has_value());
    QCOMPARE(int(transfer->status), int(TxStatus::posted));
    QCOMPARE(transfer->batchIndex, std::optional<std::uint64_t>(0));
}

void NodeTest::workQueueHandlesEveryItemOnce() {
    constexpr int kItems = 2000;
    std::vector<std::atomic<int>> seen(kItems);
    std::mutex threadsMutex;
    std::set<std::thread::id> threads;
    {
        WorkQueue<int> queue(2, "test-workers", [&](int& item) {
            seen[std::size_t(item)].fetch_add(1);
            std::this_thread::sleep_for(std::chrono::microseconds(20));
            std::lock_guard lock(threadsMutex);
            threads.insert(std::this_thread::get_id());
        });
        // One burst (both workers asleep: one is woken and wakes the other for the half it
        // leaves), then items one by one, then nothing pushed at all.
        std::vector<int> burst(kItems / 2);
        std::iota(burst.begin(), burst.end(), 0);
        queue.push(std::move(burst));
        for (int i = kItems / 2; i < kItems; ++i) queue.push({i});
        queue.push({});
        queue.waitIdle();
        for (int i = 0; i < kItems; ++i) QCOMPARE(seen[std::size_t(i)].load(), 1);
        QCOMPARE(threads.size(), std::size_t(2));
        queue.push({0});  // pushed before the queue goes: handled before its threads stop
    }
    QCOMPARE(seen[0].load(), 2);
}

void NodeTest::rpcServerSurvivesHostileInput() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    RpcLimits limits;
    limits.requestTimeoutMs = 600;
    RpcServer server(nullptr, limits);
    registerEthMethods(server, seq);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const quint16 port = server.port();

    QCOMPARE(call(port, "eth_chainId", {}).toString(), QStringLiteral("0x7a6a"));

    auto r = exchange(port, post("{\"jsonrpc\":\"2.0\",\"id\":1,"));
    QCOMPARE(r.status, 200);
    QCOMPARE(errorCodeOf(r), -32700);
    QCOMPARE(errorCodeOf(exchange(port, post("[1,2]"))), 0);  // a batch of two invalid calls: an array reply
    QCOMPARE(QJsonDocument::fromJson(exchange(port, post("[1,2]")).body).array().size(), 2);
    QCOMPARE(errorCodeOf(exchange(port, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"))), -32600);
    QCOMPARE(errorCodeOf(exchange(port, post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"eth_chainId\"}"))), -32600);
    QCOMPARE(errorCodeOf(exchange(port, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}"))), -32601);
    QCOMPARE(
        errorCodeOf(exchange(port, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":5}"))),
        -32602);
    QCOMPARE(errorCodeOf(exchange(
                 port, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":[7,\"latest\"]}"))),
             -32602);
    QCOMPARE(
        errorCodeOf(exchange(
            port, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0xzz\"]}"))),
        -32602);
    QCOMPARE(errorCodeOf(exchange(
                 port,
                 post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_sendRawTransaction\",\"params\":[\"0x02c0\"]}"))),
             -32000);
    QCOMPARE(errorCodeOf(exchange(port, post("[]"))), -32600);
    // 10,000-deep array: a parse error, not a stack overflow.
    QCOMPARE(errorCodeOf(exchange(port, post(QByteArray(10000, '[') + QByteArray(10000, ']')))), -32700);
    // More than 100 calls in a batch.
    QByteArray batch = "[";
    for (int i = 0; i < 101; ++i)
        batch += QByteArray(i ? "," : "") + "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}";
    QCOMPARE(errorCodeOf(exchange(port, post(batch + "]"))), -32005);
    // A declared body above 1 MiB is refused before it is sent.
    r = exchange(port, "POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n{");
    QCOMPARE(r.status, 413);
    QCOMPARE(errorCodeOf(r), -32005);
    // An actual body above 1 MiB, sent in full.
    const QByteArray huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + QByteArray(1100000, 'a') + "\"}";
    QCOMPARE(exchange(port, post(huge)).status, 413);
    // Bad headers.
    QCOMPARE(exchange(port, "GARBAGE\r\n\r\n").status, 400);
    QCOMPARE(exchange(port, "POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n").status, 400);
    QCOMPARE(exchange(port, "POST / HTTP/1.1\r\nno colon here\r\n\r\n").status, 400);
    QCOMPARE(exchange(port, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").status, 411);
    QCOMPARE(exchange(port, "POST / HTTP/1.1\r\nX: " + QByteArray(20000, 'x') + "\r\n\r\n").status, 431);
    QCOMPARE(exchange(port, "GET / HTTP/1.1\r\n\r\n").status, 405);
    // Slowloris: a request that never completes is dropped at the deadline.
    {
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(spinUntil([&] { return slow.state() == QAbstractSocket::ConnectedState; }));
        slow.write("POST / HTTP/1.1\r\nContent-Le");
        for (int i = 0; i < 3 && slow.state() == QAbstractSocket::ConnectedState; ++i) {
            QTest::qWait(150);
            slow.write("n");
        }
        QVERIFY(spinUntil([&] { return slow.state() == QAbstractSocket::UnconnectedState; }, 10000));
    }
    // Keep-alive: two requests on one connection.
    {
        QTcpSocket keep;
        keep.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(spinUntil([&] { return keep.state() == QAbstractSocket::ConnectedState; }));
        const QByteArray one = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}");
        keep.write(one + one);
        QByteArray got;
        QVERIFY(spinUntil([&] {
            got += keep.readAll();
            return got.count("0x7a6a") == 2;
        }));
        QCOMPARE(keep.state(), QAbstractSocket::ConnectedState);
    }
    // Still serving.
    QCOMPARE(call(port, "eth_blockNumber", {}).toString(), QStringLiteral("0x0"));
    QCOMPARE(call(port, "eth_estimateGas", {QJsonObject{{"to", kAddrB}, {"value", "0x1"}}}).toString(),
             QStringLiteral("0x5208"));
    int code = 0;
    call(port, "eth_estimateGas", {QJsonObject{{"to", kAddrB}, {"data", "0x12"}}}, &code);
    QCOMPARE(code, -32000);
}

void NodeTest::webSocketNewHeads() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    RpcServer server;
    registerEthMethods(server, seq);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    QWebSocket ws;
    QStringList messages;
    connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString& m) { messages << m; });
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())));
    QVERIFY(spinUntil([&] { return ws.state() == QAbstractSocket::ConnectedState; }));
    ws.sendTextMessage(R"({"jsonrpc":"2.0","id":1,"method":"eth_subscribe","params":["newHeads"]})");
    QVERIFY(spinUntil([&] { return !messages.isEmpty(); }));
    const QString subscription = QJsonDocument::fromJson(messages[0].toUtf8()).object().value("result").toString();
    QVERIFY(subscription.startsWith("0x"));
    QVERIFY(seq.creditDeposit(0, addr(kAddrA), 5, 1).ok());
    QVERIFY(spinUntil([&] { return messages.size() >= 2; }));
    const QJsonObject note = QJsonDocument::fromJson(messages[1].toUtf8()).object();
    QCOMPARE(note.value("method").toString(), QStringLiteral("eth_subscription"));
    QCOMPARE(note.value("params").toObject().value("subscription").toString(), subscription);
    QCOMPARE(note.value("params").toObject().value("result").toObject().value("number").toString(),
             QStringLiteral("0x1"));
    // Calls work over the socket too, and a malformed frame gets a parse error, not a disconnect.
    ws.sendTextMessage("{nope");
    QVERIFY(spinUntil([&] { return messages.size() >= 3; }));
    QCOMPARE(QJsonDocument::fromJson(messages[2].toUtf8()).object().value("error").toObject().value("code").toInt(),
             -32700);
    QCOMPARE(ws.state(), QAbstractSocket::ConnectedState);
}

namespace {

struct NodeProcess {
    QProcess process;
    quint16 port = 0;
    bool start(const QString& dataDir, quint16 p) {
        port = p;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral(SLUICED_PATH),
                      {"--data-dir", dataDir, "--db", testDatabase(dataDir), "--l2-port", QString::number(port),
                       "--block-time", "20", "--fee-recipient", "0x00000000000000000000000000000000000000fe",
                       "--genesis-alloc", QStringLiteral("%1=100000000000000000000").arg(kAddrA)});
        if (!process.waitForStarted(10000)) return false;
        return spinUntil([&] { return !call(port, "eth_chainId", {}).isUndefined(); }, 20000);
    }
};

QString runCast(const QStringList& args, int* exitCode = nullptr) {
    QProcess cast;
    cast.start(QStringLiteral(SLUICE_CAST_PATH), args);
    spinUntil([&] { return cast.state() == QProcess::NotRunning; }, 60000);
    if (exitCode) *exitCode = cast.exitCode();
    return QString::fromUtf8(cast.readAllStandardOutput() + cast.readAllStandardError()).trimmed();
}

}  // namespace

void NodeTest::castAgainstSluiced() {
    SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_CAST_PATH)).isExecutable(),
                           "cast not found (run scripts/setup.sh)");
    QTemporaryDir dir;
    NodeProcess node;
    QVERIFY(node.start(dir.path(), freePort()));
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(node.port);
    QVERIFY(spinUntil([&] { return runCast({"balance", kAddrA, "--rpc-url", url}) == "100000000000000000000"; }));
    QCOMPARE(runCast({"nonce", kAddrA, "--rpc-url", url}), QStringLiteral("0"));
    QCOMPARE(runCast({"chain-id", "--rpc-url", url}), QStringLiteral("31338"));
    int rc = -1;
    const QString sent =
        runCast({"send", "--private-key", kKeyA, "--value", "1.5ether", kAddrB, "--rpc-url", url, "--json"}, &rc);
    QVERIFY2(rc == 0, qPrintable(sent));
    const QJsonObject receipt = QJsonDocument::fromJson(sent.toUtf8()).object();
    QCOMPARE(receipt.value("status").toString(), QStringLiteral("0x1"));
    const QString hash = receipt.value("transactionHash").toString();
    QCOMPARE(runCast({"balance", kAddrB, "--rpc-url", url}), QStringLiteral("1500000000000000000"));
    QCOMPARE(runCast({"nonce", kAddrA, "--rpc-url", url}), QStringLiteral("1"));
    const QString again = runCast({"receipt", hash, "status", "--rpc-url", url}, &rc);
    QVERIFY2(again == QLatin1String("true") || again.startsWith("1"),
             qPrintable(again));  // cast prints the status as a bool
    // A legacy transaction too.
    const QString legacy = runCast(
        {"send", "--legacy", "--private-key", kKeyA, "--value", "1wei", kAddrB, "--rpc-url", url, "--json"}, &rc);
    QVERIFY2(rc == 0, qPrintable(legacy));
    QCOMPARE(runCast({"balance", kAddrB, "--rpc-url", url}), QStringLiteral("1500000000000000001"));
    // cast sees the refusal message.
    const QString refused =
        runCast({"send", "--private-key", kKeyA, "--nonce", "0", "--value", "1wei", kAddrB, "--rpc-url", url}, &rc);
    QVERIFY(rc != 0);
    QVERIFY2(refused.contains("nonce too low: next nonce is 2"), qPrintable(refused));
    node.process.terminate();
    QVERIFY(node.process.waitForFinished(20000));
    QCOMPARE(node.process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(node.process.exitCode(), 0);
}

void NodeTest::killAndRestartKeepsAcknowledged() {
    QTemporaryDir dir;
    const quint16 port = freePort();
    QStringList acknowledged;
    {
        NodeProcess node;
        QVERIFY(node.start(dir.path(), port));
        QVERIFY(spinUntil([&] { return call(port, "eth_getBalance", {kAddrA, "latest"}).toString() != "0x0"; }));
        for (std::uint64_t n = 0; n < 60; ++n) {
            const Bytes raw = signedTransfer(
                kKeyA, n, Address::from_hex(n % 2 ? kAddrB : "0x00000000000000000000000000000000000000aa").value(),
                1000 + n);
            const QJsonValue h = call(port, "eth_sendRawTransaction", {QString::fromStdString(to_hex(raw))});
            if (h.isString()) acknowledged << h.toString();
        }
        QCOMPARE(acknowledged.size(), 60);
        ::kill(pid_t(node.process.processId()), SIGKILL);  // no clean shutdown
        QVERIFY(node.process.waitForFinished(10000));
    }
    NodeProcess node;
    QVERIFY(node.start(dir.path(), port));
    // Every acknowledged transaction is there, once, in a block.
    QSet<QString> seen;
    QVERIFY(spinUntil([&] {
        for (const auto& h : acknowledged)
            if (call(port, "eth_getTransactionReceipt", {h}).isNull()) return false;
        return true;
    }));
    const std::uint64_t head = call(port, "eth_blockNumber", {}).toString().toULongLong(nullptr, 16);
    int included = 0;
    for (std::uint64_t b = 0; b <= head; ++b) {
        const QJsonObject block =
            call(port, "eth_getBlockByNumber", {QStringLiteral("0x%1").arg(b, 0, 16), false}).toObject();
        for (const auto& t : block.value("transactions").toArray()) {
            QVERIFY(!seen.contains(t.toString()));
            seen.insert(t.toString());
            ++included;
        }
    }
    QCOMPARE(included, 60);
    for (const auto& h : acknowledged) QVERIFY(seen.contains(h));
    QCOMPARE(call(port, "eth_getTransactionCount", {kAddrA, "latest"}).toString(), QStringLiteral("0x3c"));
    const QString nodeRoot =
        call(port, "eth_getBlockByNumber", {"latest", false}).toObject().value("stateRoot").toString();
    node.process.terminate();
    QVERIFY(node.process.waitForFinished(20000));

    // The node's state root equals an independent replay of its stored records with the core STF.
    auto db = NodeDatabase::open(testDatabase(dir.path()));
    QVERIFY(db.ok());
    std::vector<rollup::Record> records;
    auto stored = (*db)->records(0, 1'000'000);
    QVERIFY2(stored, stored ? "" : stored.message().c_str());
    for (const auto& r : *stored) {
        std::size_t offset = 0;
        records.push_back(*rollup::decode_record(r.bytes, offset));
    }
    QCOMPARE(records.size(), 61u);  // the genesis-alloc deposit and the 60 transfers
    auto tree = rollup::AccountTree::genesis(addr("0x00000000000000000000000000000000000000fe"));
    auto result = rollup::apply_records(tree, records, rollup::Params{}, 1);
    QVERIFY(result.ok());
    QCOMPARE(QString::fromStdString(tree.state_root().hex()), nodeRoot);
}

// sluiced --rpc-only's chain: a follower Sequencer on the sequencer's PostgreSQL database replays
// what is stored, then applies each new block when the commit's notification arrives (it never
// polls), and refuses transactions of its own. On SQLite, which cannot notify, it is refused.
void NodeTest::readFrontendFollowsTheSequencer() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    QVERIFY(seq.creditDeposit(0, addr(kAddrA), kEther, 1).ok());
    const Address b = addr(kAddrB);
    QVERIFY(seq.submitRawTransaction(signedTransfer(kKeyA, 0, b, 1000)).ok());
    QVERIFY(spinUntil([&] { return seq.balance(b) == 1000; }));

    SequencerConfig fc;
    fc.database = sequencerConfig(dir.path()).database;
    fc.follower = true;  // parameters from the database: nothing else given
    Sequencer follower(fc);
    QSignalSpy heads(&follower, &Sequencer::newBlock);
    const Status started = follower.start();
    if (!onPostgres()) {
        QVERIFY(!started.ok());
        QVERIFY2(QString::fromStdString(started.message()).contains(QLatin1String("need a PostgreSQL database")),
                 started.message().c_str());
        return;
    }
    QVERIFY2(started.ok(), started.message().c_str());
    QCOMPARE(follower.balance(b), U256(1000));
    // (The sequencer's own head moves when its commit's completion reaches this thread.)
    QVERIFY(spinUntil([&] { return follower.blockNumber() == seq.blockNumber(); }));
    QCOMPARE(follower.stateRoot(), seq.stateRoot());

    // New blocks reach it through the notifications alone.
    std::vector<Hash> sent;
    for (std::uint64_t n = 1; n <= 5; ++n) {
        auto h = seq.submitRawTransaction(signedTransfer(kKeyA, n, b, 1000));
        QVERIFY(h.ok());
        sent.push_back(*h);
    }
    QVERIFY(spinUntil([&] { return follower.balance(b) == 6000 && follower.blockNumber() == seq.blockNumber(); }));
    QVERIFY(heads.count() >= 1);
    QCOMPARE(follower.balance(b), U256(6000));
    QCOMPARE(follower.nonce(addr(kAddrA)), 6u);
    QCOMPARE(follower.stateRoot(), seq.stateRoot());
    for (const auto& h : sent) {
        auto t = follower.transaction(h);
        QVERIFY(t && t->status == TxStatus::sequenced && t->blockHash);
    }
    // It sends nothing itself (sluiced --rpc-only forwards eth_sendRawTransaction to the sequencer).
    std::optional<Result<Hash>> own;
    follower.submitRawTransactionAsync(signedTransfer(kKeyA, 6, b, 1), [&](Result<Hash> r) { own = r; });
    QVERIFY(spinUntil([&] { return own.has_value(); }));
    QVERIFY(!own->ok());
    QVERIFY(QString::fromStdString(own->message()).contains(QLatin1String("read frontend")));
}

QTEST_GUILESS_MAIN(NodeTest)
#include "tst_node.moc"
