// SPDX-License-Identifier: MIT
// RpcClient, EthClient, HeadsSubscription and TransactionSender at the I/O seam: a fake
// JSON-RPC server on 127.0.0.1 answers with fixtures; every failure must be an RpcError value.

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <memory>
#include <optional>

#include "core/crypto/secp256k1.hpp"
#include "fake_rpc_server.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/heads_subscription.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

using namespace sluice;
using sluice::test::FakeResponse;
using sluice::test::FakeRpcServer;

namespace {

QByteArray fixture(const QString& name) {
    QFile f(QStringLiteral(SLUICE_RPC_FIXTURES_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", qPrintable(name));
    return f.readAll().trimmed();
}

QJsonValue fixtureJson(const QString& name) {
    const QJsonDocument doc = QJsonDocument::fromJson(fixture(name));
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

// A fixture body with __ID__ replaced by the request's id.
FakeResponse rawFixture(const QJsonObject& request, const QString& name, int status = 200) {
    QByteArray body = fixture(name);
    body.replace("__ID__", QByteArray::number(request.value(QStringLiteral("id")).toInteger()));
    return {status, body};
}

// Runs one call and waits (in the event loop) for its reply.
RpcReply callAndWait(RpcClient& client, const QString& method, const QJsonArray& params = {}) {
    std::optional<RpcReply> got;
    QObject context;
    client.call(method, params, &context, [&](RpcReply r) { got = std::move(r); });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000)) qFatal("no reply for %s", qPrintable(method));
    return *got;
}

template <typename T, typename Start>
RpcResult<T> waitTyped(Start start) {
    std::optional<RpcResult<T>> got;
    QObject context;
    start(&context, [&](RpcResult<T> r) { got = std::move(r); });
    if (!QTest::qWaitFor([&] { return got.has_value(); }, 10000)) qFatal("no typed reply");
    return *got;
}

const char* kAnvilKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

}  // namespace

class RpcClientTest : public QObject {
    Q_OBJECT
private slots:
    void success() {
        FakeRpcServer server([](const QJsonObject& r) { return FakeRpcServer::result(r, QStringLiteral("0x7a69")); });
        RpcClient client(QUrl(server.url()));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_chainId"));
        QVERIFY2(reply.ok(), qPrintable(reply.errorMessage()));
        QCOMPARE(reply.value().toString(), QStringLiteral("0x7a69"));
        QCOMPARE(server.requests().size(), 1);
        const QJsonObject sent = server.requests().first();
        QCOMPARE(sent.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(sent.value(QStringLiteral("method")).toString(), QStringLiteral("eth_chainId"));
        QVERIFY(sent.value(QStringLiteral("params")).isArray());
    }

    void idsAreDistinct() {
        FakeRpcServer server([](const QJsonObject& r) { return FakeRpcServer::result(r, QJsonValue::Null); });
        RpcClient client(QUrl(server.url()));
        QVERIFY(callAndWait(client, QStringLiteral("a")).ok());
        QVERIFY(callAndWait(client, QStringLiteral("b")).ok());
        QVERIFY(server.requests()[0].value(QStringLiteral("id")) != server.requests()[1].value(QStringLiteral("id")));
    }

    void errorObject() {
        FakeRpcServer server(
            [](const QJsonObject& r) { return rawFixture(r, QStringLiteral("error_insufficient_funds.json")); });
        RpcClient client(QUrl(server.url()));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_sendRawTransaction"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::RpcErrorObject);
        QCOMPARE(reply.error().code, -32003);
        QVERIFY2(reply.error().message.contains(QStringLiteral("eth_sendRawTransaction")),
                 qPrintable(reply.error().message));
        QVERIFY2(reply.error().message.contains(QStringLiteral("Insufficient funds for gas * price + value")),
                 qPrintable(reply.error().message));
        QCOMPARE(reply.error().data.toString(), QStringLiteral("0x"));
    }

    void malformedReplies_data() {
        QTest::addColumn<QString>("fixtureName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated JSON") << "truncated.json.txt"
                                        << "not JSON";
        QTest::newRow("wrong id") << "wrong_id.json"
                                  << "id does not match";
        QTest::newRow("result and error") << "both_result_and_error.json"
                                          << "exactly one";
        QTest::newRow("no jsonrpc") << "no_jsonrpc_version.json"
                                    << "\"jsonrpc\"";
        QTest::newRow("array") << "array_reply.json"
                               << "expected a JSON object";
    }
    void malformedReplies() {
        QFETCH(QString, fixtureName);
        QFETCH(QString, expected);
        FakeRpcServer server([fixtureName](const QJsonObject& r) { return rawFixture(r, fixtureName); });
        RpcClient client(QUrl(server.url()));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_blockNumber"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::MalformedReply);
        QVERIFY2(reply.error().message.contains(expected), qPrintable(reply.error().message));
        QVERIFY2(reply.error().message.contains(server.url()), qPrintable(reply.error().message));
    }

    void http500() {
        FakeRpcServer server(
            [](const QJsonObject& r) { return rawFixture(r, QStringLiteral("http500_text.txt"), 500); });
        RpcClient client(QUrl(server.url()));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_blockNumber"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::HttpError);
        QCOMPARE(reply.error().code, 500);
        QVERIFY2(reply.error().message.contains(QStringLiteral("HTTP 500")), qPrintable(reply.error().message));
    }

    void http500WithErrorObjectKeepsTheNodesWords() {
        FakeRpcServer server(
            [](const QJsonObject& r) { return rawFixture(r, QStringLiteral("http500_rpc_error.json"), 500); });
        RpcClient client(QUrl(server.url()));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_foo"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::RpcErrorObject);
        QCOMPARE(reply.error().code, -32601);
        QVERIFY(reply.error().message.contains(QStringLiteral("does not exist")));
    }

    void connectionRefused() {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }  // closed: nothing listens there now
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        RpcClient client{QUrl(url)};
        RpcReply reply = callAndWait(client, QStringLiteral("eth_chainId"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::NodeUnreachable);
        QCOMPARE(reply.error().message, QStringLiteral("cannot reach the node at %1 (connection refused)").arg(url));
    }

    void badScheme() {
        RpcClient client(QUrl(QStringLiteral("ftp://example.invalid")));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_chainId"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::NodeUnreachable);
        QVERIFY(reply.error().message.contains(QStringLiteral("http://")));
    }

    void timeout() {
        FakeRpcServer server([](const QJsonObject&) { return FakeResponse{200, {}, true}; });
        RpcClient client(QUrl(server.url()));
        client.setTimeout(std::chrono::milliseconds(200));
        RpcReply reply = callAndWait(client, QStringLiteral("eth_chainId"));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error().kind, RpcError::Kind::Timeout);
        QVERIFY2(reply.error().message.contains(QStringLiteral("did not answer eth_chainId")),
                 qPrintable(reply.error().message));
    }

    void callbackIsNeverSynchronousAndSkipsDeadContexts() {
        FakeRpcServer server([](const QJsonObject& r) { return FakeRpcServer::result(r, 1); });
        RpcClient client(QUrl(server.url()));
        bool ran = false;
        auto context = std::make_unique<QObject>();
        client.call(QStringLiteral("x"), {}, context.get(), [&](RpcReply) { ran = true; });
        QVERIFY(!ran);
        context.reset();
        QTRY_COMPARE(server.requests().size(), 1);
        QTest::qWait(100);  // let the reply arrive and be dropped
        QVERIFY(!ran);
    }

    // ---- EthClient ----

    void typedQuantities() {
        FakeRpcServer server([](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_getBalance"))  // above 2^64: must not go through double
                return FakeRpcServer::result(r, QStringLiteral("0xde0b6b3a7640000000000001"));
            if (m == QLatin1String("eth_getTransactionCount")) return FakeRpcServer::result(r, QStringLiteral("0x2a"));
            if (m == QLatin1String("eth_blockNumber")) return FakeRpcServer::result(r, 12);  // a number, not a quantity
            return FakeRpcServer::result(r, QStringLiteral("0x7a69"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        const Address who = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

        auto balance = waitTyped<U256>([&](QObject* c, auto done) { eth.balance(who, c, done); });
        QVERIFY(balance.ok());
        QCOMPARE(QString::fromStdString(u256_to_dec(balance.value())), QStringLiteral("68719476736000000000000000001"));
        QCOMPARE(server.requests().last().value(QStringLiteral("params")).toArray(),
                 (QJsonArray{QStringLiteral("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"), QStringLiteral("latest")}));

        auto nonce = waitTyped<quint64>(
            [&](QObject* c, auto done) { eth.transactionCount(who, QStringLiteral("pending"), c, done); });
        QVERIFY(nonce.ok());
        QCOMPARE(nonce.value(), quint64(42));

        auto chain = waitTyped<quint64>([&](QObject* c, auto done) { eth.chainId(c, done); });
        QVERIFY(chain.ok());
        QCOMPARE(chain.value(), quint64(31337));

        auto block = waitTyped<quint64>([&](QObject* c, auto done) { eth.blockNumber(c, done); });
        QVERIFY(!block.ok());
        QCOMPARE(block.error().kind, RpcError::Kind::MalformedReply);
        QVERIFY(block.error().message.contains(QStringLiteral("expected a quantity")));
    }

    void quantityParsing() {
        QCOMPARE(EthClient::parseQuantity(QStringLiteral("0x0")), std::optional<U256>(0));
        QVERIFY(!EthClient::parseQuantity(QStringLiteral("0x")));
        QVERIFY(!EthClient::parseQuantity(QStringLiteral("12")));
        QVERIFY(!EthClient::parseQuantity(QStringLiteral("0xzz")));
        QVERIFY(!EthClient::parseQuantity(1.5));
        QVERIFY(!EthClient::parseQuantity64(QStringLiteral("0x10000000000000000")));
        QCOMPARE(EthClient::parseQuantity64(QStringLiteral("0xffffffffffffffff")), std::optional<quint64>(~quint64(0)));
        QCOMPARE(EthClient::toQuantity(U256(0)), QStringLiteral("0x0"));
        QCOMPARE(EthClient::toQuantity(U256(255)), QStringLiteral("0xff"));
    }

    void receipts() {
        int calls = 0;
        FakeRpcServer server([&](const QJsonObject& r) {
            ++calls;  // not mined for the first two questions, then mined
            return FakeRpcServer::result(
                r, calls <= 2 ? QJsonValue(QJsonValue::Null) : fixtureJson(QStringLiteral("receipt_success.json")));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        const Hash hash = *Hash::from_hex("0x8f4b3a0c6e2d1f9a7b5c3e1d0f2a4b6c8e0d2f4a6b8c0e2d4f6a8b0c2e4d6f8a");

        auto pending = waitTyped<std::optional<TransactionReceipt>>(
            [&](QObject* c, auto done) { eth.transactionReceipt(hash, c, done); });
        QVERIFY(pending.ok());
        QVERIFY(!pending.value().has_value());

        auto receipt = waitTyped<TransactionReceipt>([&](QObject* c, auto done) {
            eth.waitForReceipt(hash, std::chrono::seconds(10), c, done, nullptr, std::chrono::milliseconds(20));
        });
        QVERIFY2(receipt.ok(), qPrintable(receipt.errorMessage()));
        QCOMPARE(receipt.value().transactionHash, hash);
        QCOMPARE(receipt.value().blockNumber, quint64(17));
        QVERIFY(receipt.value().success);
        QCOMPARE(receipt.value().gasUsed, U256(21000));
        QCOMPARE(receipt.value().effectiveGasPrice, U256(2000000000));
        QVERIFY(!receipt.value().contractAddress);
        QCOMPARE(calls, 3);
    }

    void waitForReceiptDeadline() {
        FakeRpcServer server([](const QJsonObject& r) { return FakeRpcServer::result(r, QJsonValue::Null); });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        auto receipt = waitTyped<TransactionReceipt>([&](QObject* c, auto done) {
            eth.waitForReceipt(Hash{}, std::chrono::milliseconds(300), c, done, nullptr, std::chrono::milliseconds(50));
        });
        QVERIFY(!receipt.ok());
        QCOMPARE(receipt.error().kind, RpcError::Kind::Timeout);
        QVERIFY(receipt.error().message.contains(QStringLiteral("no receipt")));
    }

    void malformedReceipt() {
        FakeRpcServer server([](const QJsonObject& r) {
            QJsonObject receipt = fixtureJson(QStringLiteral("receipt_success.json")).toObject();
            receipt.insert(QStringLiteral("status"), QStringLiteral("0x7"));
            return FakeRpcServer::result(r, receipt);
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        auto r = waitTyped<std::optional<TransactionReceipt>>(
            [&](QObject* c, auto done) { eth.transactionReceipt(Hash{}, c, done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, RpcError::Kind::MalformedReply);
    }

    void feesEip1559() {
        FakeRpcServer server([](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_london.json")));
            if (m == QLatin1String("eth_maxPriorityFeePerGas"))
                return FakeRpcServer::result(r, QStringLiteral("0x77359400"));
            return FakeRpcServer::error(r, -32601, QStringLiteral("unexpected"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        auto fees = waitTyped<FeeSuggestion>([&](QObject* c, auto done) { eth.suggestFees(c, done); });
        QVERIFY2(fees.ok(), qPrintable(fees.errorMessage()));
        QVERIFY(fees.value().eip1559);
        QCOMPARE(fees.value().baseFeePerGas, U256(1000000000));
        QCOMPARE(fees.value().maxPriorityFeePerGas, U256(2000000000));
        QCOMPARE(fees.value().maxFeePerGas, U256(4000000000));
    }

    void feesWithoutPriorityMethod() {
        FakeRpcServer server([](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_london.json")));
            if (m == QLatin1String("eth_gasPrice"))
                return FakeRpcServer::result(r, QStringLiteral("0x4a817c800"));  // 20 gwei
            return FakeRpcServer::error(r, -32601, QStringLiteral("the method does not exist"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        auto fees = waitTyped<FeeSuggestion>([&](QObject* c, auto done) { eth.suggestFees(c, done); });
        QVERIFY2(fees.ok(), qPrintable(fees.errorMessage()));
        QCOMPARE(fees.value().maxPriorityFeePerGas, U256(19000000000ULL));
        QCOMPARE(fees.value().maxFeePerGas, U256(21000000000ULL));
    }

    void feesLegacyChain() {
        FakeRpcServer server([](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_legacy.json")));
            if (m == QLatin1String("eth_gasPrice")) return FakeRpcServer::result(r, QStringLiteral("0x3b9aca00"));
            return FakeRpcServer::error(r, -32601, QStringLiteral("unexpected"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        auto fees = waitTyped<FeeSuggestion>([&](QObject* c, auto done) { eth.suggestFees(c, done); });
        QVERIFY(fees.ok());
        QVERIFY(!fees.value().eip1559);
        QCOMPARE(fees.value().gasPrice, U256(1000000000));
        QCOMPARE(fees.value().maxFeePerGas, U256(1000000000));
    }

    // ---- HeadsSubscription ----

    void headsByPolling() {
        int block = 5;
        FakeRpcServer server([&](const QJsonObject& r) {
            return FakeRpcServer::result(r, EthClient::toQuantity(U256(block++ / 2)));  // repeats each number twice
        });
        RpcClient rpc{QUrl(server.url())};
        HeadsSubscription heads(QUrl(), &rpc);
        heads.setPollInterval(std::chrono::milliseconds(20));
        QSignalSpy spy(&heads, &HeadsSubscription::newHead);
        heads.start();
        QCOMPARE(heads.mode(), HeadsSubscription::Mode::Polling);
        QTRY_VERIFY(spy.size() >= 3);
        heads.stop();
        // strictly increasing, each number once
        for (int i = 1; i < spy.size(); ++i) QCOMPARE(spy[i][0].toULongLong(), spy[i - 1][0].toULongLong() + 1);
        QCOMPARE(spy[0][0].toULongLong(), quint64(2));
    }

    void headsFallBackToPollingWhenNoWebSocket() {
        quint16 deadPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            deadPort = probe.serverPort();
        }
        FakeRpcServer server([](const QJsonObject& r) { return FakeRpcServer::result(r, QStringLiteral("0x9")); });
        RpcClient rpc{QUrl(server.url())};
        HeadsSubscription heads(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(deadPort)), &rpc);
        heads.setPollInterval(std::chrono::milliseconds(20));
        QSignalSpy spy(&heads, &HeadsSubscription::newHead);
        QSignalSpy problems(&heads, &HeadsSubscription::connectionProblem);
        heads.start();
        QTRY_COMPARE(spy.size(), 1);
        QCOMPARE(spy[0][0].toULongLong(), quint64(9));
        QCOMPARE(heads.mode(), HeadsSubscription::Mode::Polling);
        QVERIFY(problems.size() >= 1);
    }

    void headsOverWebSocket() {
        QWebSocketServer wsServer(QStringLiteral("fake"), QWebSocketServer::NonSecureMode);
        QVERIFY(wsServer.listen(QHostAddress::LocalHost, 0));
        QList<QWebSocket*> clients;
        connect(&wsServer, &QWebSocketServer::newConnection, this, [&] {
            QWebSocket* s = wsServer.nextPendingConnection();
            s->setParent(&wsServer);  // the server hands the socket over unowned (LeakSanitizer)
            clients << s;
            connect(s, &QWebSocket::textMessageReceived, s, [s](const QString& text) {
                const QJsonObject req = QJsonDocument::fromJson(text.toUtf8()).object();
                QCOMPARE(req.value(QStringLiteral("method")).toString(), QStringLiteral("eth_subscribe"));
                QCOMPARE(req.value(QStringLiteral("params")).toArray().first().toString(), QStringLiteral("newHeads"));
                s->sendTextMessage(QStringLiteral(R"({"jsonrpc":"2.0","id":%1,"result":"0xabc"})")
                                       .arg(req.value(QStringLiteral("id")).toInt()));
                s->sendTextMessage(QStringLiteral("not json at all"));
                s->sendTextMessage(QStringLiteral(
                    R"({"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0xabc","result":{"number":"0x64"}}})"));
                s->sendTextMessage(QStringLiteral(
                    R"({"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":"0xabc","result":{"number":"0x65"}}})"));
            });
        });
        HeadsSubscription heads(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(wsServer.serverPort())), nullptr);
        QSignalSpy spy(&heads, &HeadsSubscription::newHead);
        heads.start();
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy[0][0].toULongLong(), quint64(100));
        QCOMPARE(spy[1][0].toULongLong(), quint64(101));
        QCOMPARE(heads.mode(), HeadsSubscription::Mode::WebSocket);

        // The server goes away: the subscription notices and reconnects after its backoff.
        for (QWebSocket* s : clients) s->close();
        QTRY_VERIFY(heads.mode() != HeadsSubscription::Mode::WebSocket);
        QTRY_VERIFY_WITH_TIMEOUT(clients.size() == 2, 10000);
        QTRY_COMPARE(heads.mode(), HeadsSubscription::Mode::WebSocket);
    }

    // ---- TransactionSender ----

    void insufficientFundsIsFoundBeforeSigning() {
        FakeRpcServer server([](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_chainId")) return FakeRpcServer::result(r, QStringLiteral("0x7a69"));
            if (m == QLatin1String("eth_getTransactionCount")) return FakeRpcServer::result(r, QStringLiteral("0x0"));
            if (m == QLatin1String("eth_getBalance"))
                return FakeRpcServer::result(r, QStringLiteral("0xde0b6b3a7640000"));  // 1 ETH
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_london.json")));
            if (m == QLatin1String("eth_maxPriorityFeePerGas"))
                return FakeRpcServer::result(r, QStringLiteral("0x3b9aca00"));
            if (m == QLatin1String("eth_estimateGas")) return FakeRpcServer::result(r, QStringLiteral("0x5208"));
            return FakeRpcServer::error(r, -32601, QStringLiteral("unexpected"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        TransactionSender sender(&eth, 31337);
        SendRequest request;
        request.to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        request.value = U256(1000000000000000000ULL);  // all of it: nothing left for gas
        request.gasLimit = 21000;
        std::optional<SendFailure> failure;
        bool confirmed = false;
        TransactionSender::Callbacks callbacks;
        callbacks.failed = [&](SendFailure f) { failure = f; };
        callbacks.confirmed = [&](TransactionReceipt) { confirmed = true; };
        sender.send(AccountSigner::from_key(*PrivateKey::from_hex(kAnvilKey0)), request, this, callbacks);
        QTRY_VERIFY(failure.has_value());
        QVERIFY(!confirmed);
        QCOMPARE(failure->kind, SendFailure::Kind::InsufficientFunds);
        QVERIFY2(failure->message.contains(QStringLiteral("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266 has 1 ETH")),
                 qPrintable(failure->message));
        QVERIFY2(failure->message.contains(QStringLiteral("1.000063 ETH")),
                 qPrintable(failure->message));  // 1 + 21000 * 3 gwei
        QVERIFY(!server.methods().contains(QStringLiteral("eth_sendRawTransaction")));
    }

    // Issue 10, item 1: a lying L2 endpoint answers the L2 chain id while the network is checked
    // and the L1 chain id when the wallet sends; the sender signs only for the chain it was made
    // for and sends nothing at all.
    void sendRefusesAnEndpointThatChangesItsChainId() {
        int chainIdQuestions = 0;
        FakeRpcServer server([&](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_chainId"))
                return FakeRpcServer::result(
                    r, ++chainIdQuestions == 1 ? QStringLiteral("0x7a6a") : QStringLiteral("0x7a69"));
            if (m == QLatin1String("eth_getTransactionCount")) return FakeRpcServer::result(r, QStringLiteral("0x3"));
            if (m == QLatin1String("eth_getBalance"))
                return FakeRpcServer::result(r, QStringLiteral("0xde0b6b3a7640000"));
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_london.json")));
            if (m == QLatin1String("eth_maxPriorityFeePerGas"))
                return FakeRpcServer::result(r, QStringLiteral("0x3b9aca00"));
            if (m == QLatin1String("eth_estimateGas")) return FakeRpcServer::result(r, QStringLiteral("0x5208"));
            if (m == QLatin1String("eth_sendRawTransaction"))
                return FakeRpcServer::result(r, QStringLiteral("0x") + QString(64, QLatin1Char('1')));
            return FakeRpcServer::error(r, -32601, QStringLiteral("unexpected"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        // The network check: the endpoint says 31338 (the Rollup's l2ChainId), so it is accepted.
        std::optional<RpcResult<quint64>> connected;
        eth.chainId(this, [&](RpcResult<quint64> c) { connected = std::move(c); });
        QTRY_VERIFY(connected.has_value());
        QCOMPARE(connected->value(), quint64(31338));
        TransactionSender sender(&eth, connected->value());
        for (int attempt = 0; attempt < 2; ++attempt) {  // the id it now answers stays 31337
            SendRequest request;
            request.to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
            request.value = U256(1000);
            std::optional<SendFailure> failure;
            bool signedSomething = false;
            TransactionSender::Callbacks callbacks;
            callbacks.prepared = [&](PreparedTransaction) { signedSomething = true; };
            callbacks.failed = [&](SendFailure f) { failure = f; };
            sender.send(AccountSigner::from_key(*PrivateKey::from_hex(kAnvilKey0)), request, this, callbacks);
            QTRY_VERIFY(failure.has_value());
            QCOMPARE(failure->kind, SendFailure::Kind::WrongChain);
            QVERIFY2(failure->message.contains(QStringLiteral("reports chain 31337")), qPrintable(failure->message));
            QVERIFY(!signedSomething);
        }
        QVERIFY(!server.methods().contains(QStringLiteral("eth_sendRawTransaction")));
    }

private:
    // A node that answers a wallet's questions truthfully except the tip. `tip` is what it quotes
    // for eth_maxPriorityFeePerGas; every raw transaction it is sent is kept in `sent`.
    struct QuotingNode {
        QString tip;
        QStringList sent;
        FakeRpcServer server{[this](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_chainId")) return FakeRpcServer::result(r, QStringLiteral("0x7a69"));
            if (m == QLatin1String("eth_getTransactionCount")) return FakeRpcServer::result(r, QStringLiteral("0x3"));
            if (m == QLatin1String("eth_getBalance"))
                return FakeRpcServer::result(r, QStringLiteral("0x56bc75e2d63100000"));  // 100 ETH
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_london.json")));
            if (m == QLatin1String("eth_maxPriorityFeePerGas")) return FakeRpcServer::result(r, tip);
            if (m == QLatin1String("eth_estimateGas")) return FakeRpcServer::result(r, QStringLiteral("0x5208"));
            if (m == QLatin1String("eth_sendRawTransaction")) {
                sent << r.value(QStringLiteral("params")).toArray().first().toString();
                return FakeRpcServer::result(r, QStringLiteral("0x") + QString(64, QLatin1Char('1')));
            }
            if (m == QLatin1String("eth_getTransactionReceipt"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("receipt_success.json")));
            return FakeRpcServer::error(r, -32601, QStringLiteral("unexpected"));
        }};
    };

    struct SendOutcome {
        std::optional<PreparedTransaction> reviewed;
        std::optional<TransactionReceipt> receipt;
        std::optional<SendFailure> failure;
    };

    // Sends 1 ETH with `sender`; the review hook (when `decision` is set) answers it.
    SendOutcome sendOneEther(TransactionSender& sender, std::optional<bool> decision,
                             std::optional<FeeSuggestion> fees = {}) {
        SendRequest request;
        request.to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        request.value = U256(1'000'000'000'000'000'000ULL);
        request.fees = fees;
        auto outcome = std::make_shared<SendOutcome>();
        TransactionSender::Callbacks callbacks;
        callbacks.confirmed = [outcome](TransactionReceipt r) { outcome->receipt = r; };
        callbacks.failed = [outcome](SendFailure f) { outcome->failure = f; };
        if (decision) {
            callbacks.review = [outcome, decision](const PreparedTransaction& p, std::function<void(bool)> decide) {
                outcome->reviewed = p;
                // Answered later, as a dialog would, and twice: only the first answer counts.
                QTimer::singleShot(10, [decide, decision] {
                    decide(*decision);
                    decide(!*decision);
                });
            };
        }
        sender.send(AccountSigner::from_key(*PrivateKey::from_hex(kAnvilKey0)), request, this, callbacks);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome->receipt || outcome->failure, 10000); }();
        return *outcome;
    }

private slots:
    // Issue 10, item 2: a node quoting a priority fee that would take most of the balance (1e6
    // gwei per gas: 21 ETH for a plain transfer) gets nothing signed, whether the sender asks it
    // for fees or a review page quoted them earlier.
    void feesAboveTheCapsAreNeverSigned() {
        QuotingNode node;
        node.tip = QStringLiteral("0x38d7ea4c68000");  // 1,000,000 gwei
        RpcClient rpc{QUrl(node.server.url())};
        EthClient eth(&rpc);
        TransactionSender sender(&eth, 31337);
        SendOutcome asked = sendOneEther(sender, true);
        QVERIFY(asked.failure);
        QCOMPARE(asked.failure->kind, SendFailure::Kind::FeeAboveCaps);
        QVERIFY2(asked.failure->message.contains(QStringLiteral("priority fee of 1000000 gwei")),
                 qPrintable(asked.failure->message));
        QVERIFY(!asked.reviewed);  // refused before any review: nothing to approve

        std::optional<FeeQuoteResult> quote;
        sender.quoteFees(this, [&](FeeQuoteResult q) { quote = q; });
        QTRY_VERIFY(quote.has_value());
        QVERIFY(std::holds_alternative<SendFailure>(*quote));

        FeeSuggestion quotedEarlier;
        quotedEarlier.baseFeePerGas = U256(1'000'000'000);
        quotedEarlier.maxPriorityFeePerGas = U256(1'000'000'000'000'000ULL);
        quotedEarlier.maxFeePerGas = U256(1'000'002'000'000'000ULL);
        SendOutcome given = sendOneEther(sender, true, quotedEarlier);
        QVERIFY(given.failure);
        QCOMPARE(given.failure->kind, SendFailure::Kind::FeeAboveCaps);
        QVERIFY(node.sent.isEmpty());

        node.tip = QStringLiteral("0x3b9aca00");  // an honest 1 gwei goes through
        SendOutcome honest = sendOneEther(sender, true);
        QVERIFY2(honest.receipt, honest.failure ? qPrintable(honest.failure->message) : "");
        QCOMPARE(node.sent.size(), 1);
    }

    // On L2 the price is the Rollup's L2_BASE_FEE: the sender never asks the node for fees, so the
    // same greedy quote is simply not used.
    void protocolBaseFeeIgnoresTheNodesQuote() {
        QuotingNode node;
        node.tip = QStringLiteral("0x38d7ea4c68000");
        RpcClient rpc{QUrl(node.server.url())};
        EthClient eth(&rpc);
        TransactionSender sender(&eth, 31337);
        sender.setProtocolBaseFee(U256(1'000'000'000));
        SendOutcome sent = sendOneEther(sender, true);
        QVERIFY2(sent.receipt, sent.failure ? qPrintable(sent.failure->message) : "");
        QVERIFY(sent.reviewed);
        QCOMPARE(sent.reviewed->maxFeePerGas, U256(1'000'000'000));
        QCOMPARE(sent.reviewed->maxPriorityFeePerGas, U256(0));
        QCOMPARE(sent.reviewed->expectedFee(), U256(21'000'000'000'000ULL));
        QCOMPARE(sent.reviewed->maxTotal(), U256(1'000'021'000'000'000'000ULL));
        QVERIFY(!node.server.methods().contains(QStringLiteral("eth_maxPriorityFeePerGas")));
        QCOMPARE(node.sent.size(), 1);
    }

    // The review sees the transaction exactly as it will be signed; declining signs nothing.
    void reviewDecidesWhetherAnythingIsSigned() {
        QuotingNode node;
        node.tip = QStringLiteral("0x3b9aca00");
        RpcClient rpc{QUrl(node.server.url())};
        EthClient eth(&rpc);
        TransactionSender sender(&eth, 31337);
        SendOutcome declined = sendOneEther(sender, false);
        QVERIFY(declined.reviewed && declined.failure);
        QCOMPARE(declined.failure->kind, SendFailure::Kind::Declined);
        QCOMPARE(declined.reviewed->chainId, quint64(31337));
        QCOMPARE(declined.reviewed->nonce, quint64(3));
        QCOMPARE(declined.reviewed->baseFeePerGas, U256(1'000'000'000));
        QCOMPARE(declined.reviewed->maxFee(), U256(63'000'000'000'000ULL));       // 21000 x 3 gwei
        QCOMPARE(declined.reviewed->expectedFee(), U256(42'000'000'000'000ULL));  // 21000 x (1 + 1) gwei
        QVERIFY(node.sent.isEmpty());
        SendOutcome approved = sendOneEther(sender, true);
        QVERIFY2(approved.receipt, approved.failure ? qPrintable(approved.failure->message) : "");
        QCOMPARE(node.sent.size(), 1);
    }

    void sendSubmitsAndWaitsForTheReceipt() {
        QByteArray raw;
        int receiptQuestions = 0;
        FakeRpcServer server([&](const QJsonObject& r) {
            const QString m = r.value(QStringLiteral("method")).toString();
            if (m == QLatin1String("eth_chainId")) return FakeRpcServer::result(r, QStringLiteral("0x7a69"));
            if (m == QLatin1String("eth_getTransactionCount")) return FakeRpcServer::result(r, QStringLiteral("0x3"));
            if (m == QLatin1String("eth_getBalance"))
                return FakeRpcServer::result(r, QStringLiteral("0xde0b6b3a7640000"));
            if (m == QLatin1String("eth_getBlockByNumber"))
                return FakeRpcServer::result(r, fixtureJson(QStringLiteral("block_london.json")));
            if (m == QLatin1String("eth_maxPriorityFeePerGas"))
                return FakeRpcServer::result(r, QStringLiteral("0x3b9aca00"));
            if (m == QLatin1String("eth_estimateGas")) return FakeRpcServer::result(r, QStringLiteral("0x5208"));
            if (m == QLatin1String("eth_sendRawTransaction")) {
                raw = r.value(QStringLiteral("params")).toArray().first().toString().toLatin1();
                return FakeRpcServer::result(
                    r, QStringLiteral("0x8f4b3a0c6e2d1f9a7b5c3e1d0f2a4b6c8e0d2f4a6b8c0e2d4f6a8b0c2e4d6f8a"));
            }
            if (m == QLatin1String("eth_getTransactionReceipt"))
                return FakeRpcServer::result(r, ++receiptQuestions < 2
                                                    ? QJsonValue(QJsonValue::Null)
                                                    : fixtureJson(QStringLiteral("receipt_success.json")));
            return FakeRpcServer::error(r, -32601, QStringLiteral("unexpected"));
        });
        RpcClient rpc{QUrl(server.url())};
        EthClient eth(&rpc);
        TransactionSender sender(&eth, 31337);
        SendRequest request;
        request.to = *Address::from_hex("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        request.value = U256(1000);
        std::optional<PreparedTransaction> prepared;
        std::optional<Hash> submitted;
        std::optional<TransactionReceipt> receipt;
        std::optional<SendFailure> failure;
        TransactionSender::Callbacks callbacks;
        callbacks.prepared = [&](PreparedTransaction p) { prepared = p; };
        callbacks.submitted = [&](Hash h) { submitted = h; };
        callbacks.confirmed = [&](TransactionReceipt r) { receipt = r; };
        callbacks.failed = [&](SendFailure f) { failure = f; };
        sender.send(AccountSigner::from_key(*PrivateKey::from_hex(kAnvilKey0)), request, this, callbacks);
        QTRY_VERIFY_WITH_TIMEOUT(receipt.has_value() || failure.has_value(), 10000);
        QVERIFY2(!failure, failure ? qPrintable(failure->message) : "");
        QVERIFY(prepared && submitted);
        QCOMPARE(prepared->chainId, quint64(31337));
        QCOMPARE(prepared->nonce, quint64(3));
        QCOMPARE(prepared->gasLimit, quint64(21000));
        QCOMPARE(prepared->maxFeePerGas, U256(3000000000ULL));
        QCOMPARE(prepared->maxPriorityFeePerGas, U256(1000000000ULL));
        QVERIFY(raw.startsWith("0x02"));  // EIP-1559 envelope
        QCOMPARE(receipt->blockNumber, quint64(17));
    }
};

QTEST_GUILESS_MAIN(RpcClientTest)
#include "rpc_client_test.moc"
