// SPDX-License-Identifier: MIT
// The JSON-RPC server against attacks (issue 10, items 4, 6 and 7): every test performs the attack
// and shows it failing, then shows that real clients are still served. Deadlines in these tests
// are generous bounds for the event loop, never assertions about speed.
//   - browsers and DNS rebinding: foreign Host, foreign Origin, text/plain, WebSocket from a page;
//   - parameters and answers: eth_feeHistory with 600 KB of percentiles, numbers that would be
//     undefined behaviour to convert, a batch whose answers would fill memory;
//   - connections: 1,000 idle sockets, connections that never send, WebSocket subscriptions,
//     clients that stop reading.
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <sys/resource.h>

#include <memory>
#include <vector>

#include "node/config.h"
#include "node/rpc/ethapi.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"
#include "node_test_support.hpp"
#include "prerequisite.hpp"

using namespace sluice;
using namespace sluice::node;
using namespace sluice::node_test;

namespace {

const char* kAddrA = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

QByteArray rpcBody(const QString& method, const QJsonArray& params = {}, int id = 1) {
    return QJsonDocument(QJsonObject{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}})
        .toJson(QJsonDocument::Compact);
}

// A POST with exactly these header lines (each ending in CRLF) besides Content-Length.
QByteArray rawPost(const QByteArray& headers, const QByteArray& body) {
    return "POST / HTTP/1.1\r\n" + headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QJsonObject replyObject(const HttpReply& r) { return QJsonDocument::fromJson(r.body).object(); }

int codeOf(const QJsonObject& reply) { return reply.value("error").toObject().value("code").toInt(); }

// Sends a WebSocket handshake with these extra header lines; returns the HTTP status of the answer
// (101 when upgraded) with the socket left open for frames.
int wsHandshake(QTcpSocket& socket, quint16 port, const QByteArray& headers) {
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; })) return 0;
    socket.write(
        "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
        headers + "\r\n");
    QByteArray head;
    spinUntil([&] {
        while (socket.bytesAvailable() > 0 && !head.endsWith("\r\n\r\n")) head += socket.read(1);  // not past the head
        return head.endsWith("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
    });
    return head.startsWith("HTTP/1.1 ") ? head.mid(9, 3).toInt() : 0;
}

// A masked client text frame (RFC 6455 §5.2), for a client that does not use QWebSocket.
QByteArray wsFrame(const QByteArray& payload) {
    QByteArray f;
    f += char(0x81);
    const qsizetype n = payload.size();
    if (n < 126) {
        f += char(0x80 | n);
    } else if (n < 65536) {
        f += char(0x80 | 126);
        f += char(n >> 8);
        f += char(n & 0xff);
    } else {
        f += char(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) f += char((quint64(n) >> shift) & 0xff);
    }
    const char mask[4] = {0x11, 0x22, 0x33, 0x44};
    f.append(mask, 4);
    for (qsizetype i = 0; i < n; ++i) f += char(payload[i] ^ mask[i % 4]);
    return f;
}

// Opens `n` TCP connections that never send anything.
std::vector<std::unique_ptr<QTcpSocket>> openIdleSockets(quint16 port, int n) {
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < n; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    spinUntil([&] {
        for (const auto& s : sockets)
            if (s->state() == QAbstractSocket::ConnectingState || s->state() == QAbstractSocket::HostLookupState)
                return false;
        return true;
    });
    return sockets;
}

int stillConnected(const std::vector<std::unique_ptr<QTcpSocket>>& sockets) {
    int n = 0;
    for (const auto& s : sockets) n += s->state() == QAbstractSocket::ConnectedState;
    return n;
}

// A sequencer-only sluiced (no L1), or with --devnet its own anvil and Rollup.
struct NodeProcess {
    QProcess process;
    quint16 port = 0;
    bool start(const QStringList& args, quint16 p, rlim_t descriptors = 0) {
        port = p;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (descriptors)  // as a desktop session starts it (Debian's default soft limit is 1,024)
            process.setChildProcessModifier([descriptors] {
                const rlimit r{descriptors, descriptors};
                ::setrlimit(RLIMIT_NOFILE, &r);
            });
        process.start(QStringLiteral(SLUICED_PATH), args + QStringList{"--l2-port", QString::number(port)});
        if (!process.waitForStarted(10000)) return false;
        spinUntil(
            [&] { return process.state() == QProcess::NotRunning || !call(port, "eth_chainId", {}).isUndefined(); },
            60000);
        return process.state() == QProcess::Running && !call(port, "eth_chainId", {}).isUndefined();
    }
    ~NodeProcess() {
        if (process.state() == QProcess::NotRunning) return;
        process.terminate();
        if (!process.waitForFinished(20000)) process.kill();
    }
};

QStringList plainNodeArgs(const QString& dataDir) {
    return {"--data-dir",      dataDir,
            "--block-time",    "20",
            "--fee-recipient", "0x00000000000000000000000000000000000000fe",
            "--genesis-alloc", QStringLiteral("%1=100000000000000000000").arg(kAddrA)};
}

// eth_feeHistory with 200,000 reward percentiles: 600 KB that made the node build ~600 MB of
// answer and stall its event loop for seconds.
QByteArray feeHistoryAttack() {
    QByteArray percentiles = "[";
    for (int i = 0; i < 200000; ++i) percentiles += i ? ",50" : "50";
    percentiles += "]";
    return R"({"jsonrpc":"2.0","id":1,"method":"eth_feeHistory","params":["0x40","latest",)" + percentiles + "]}";
}

}  // namespace

class RpcLimitsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void browserPagesAreRefused();
    void parametersAreBounded();
    void answersAreBounded();
    void idleSocketsDoNotLockClientsOut();
    void webSocketLimits();
    void attacksOnTheRealNode();
    void sluiceMethodsCheckRanges();
};

void RpcLimitsTest::initTestCase() {
    // This process holds both ends of 1,000 connections in the tests below.
    rlimit r{};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &r) == 0);
    r.rlim_cur = r.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &r);
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &r) == 0);
    SLUICE_QT_PREREQUISITE(r.rlim_cur == RLIM_INFINITY || r.rlim_cur >= 2500,
                           "needs 2,500 file descriptors (ulimit -n) for its 1,000 connections");
}

// Item 4: a page the user visits must not reach the node, directly (a "simple" text/plain POST
// needs no CORS preflight), through its WebSocket, or after DNS rebinding; cast, curl and
// ethers in node (no Origin header) must not notice.
void RpcLimitsTest::browserPagesAreRefused() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    RpcServer server;
    registerEthMethods(server, seq);
    int ran = 0;  // how often a call got through to a method
    server.registerSyncMethod("test_touch", [&](const QJsonValue&) -> RpcOutcome {
        ++ran;
        return QJsonValue(true);
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const quint16 port = server.port();
    const QByteArray p = QByteArray::number(port);
    const QByteArray touch = rpcBody("test_touch");

    // The attacks.
    // A page on evil.example posts text/plain: the browser sends it without asking first.
    HttpReply r =
        exchange(port, rawPost("Host: 127.0.0.1:" + p +
                                   "\r\nOrigin: https://evil.example\r\nContent-Type: text/plain;charset=UTF-8\r\n",
                               touch));
    QCOMPARE(r.status, 403);
    QVERIFY(!r.head.toLower().contains("access-control-allow-origin"));
    QVERIFY2(replyObject(r).value("error").toObject().value("message").toString().contains("--rpc-cors"),
             r.body.constData());
    // The same page with application/json (the browser would preflight; the POST is refused anyway).
    QCOMPARE(exchange(port, rawPost("Host: localhost:" + p +
                                        "\r\nOrigin: https://evil.example\r\nContent-Type: application/json\r\n",
                                    touch))
                 .status,
             403);
    // Its preflight gets no permission.
    r = exchange(port,
                 "OPTIONS / HTTP/1.1\r\nHost: localhost:" + p +
                     "\r\nOrigin: https://evil.example\r\n"
                     "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n");
    QCOMPARE(r.status, 403);
    QVERIFY(!r.head.toLower().contains("access-control-allow-origin"));
    // DNS rebinding: attacker.example now resolves to 127.0.0.1, so for the browser the page and
    // the node are one origin. The Host still names the attacker's domain.
    r = exchange(port, rawPost("Host: attacker.example:" + p + "\r\nOrigin: http://attacker.example:" + p +
                                   "\r\nContent-Type: application/json\r\n",
                               touch));
    QCOMPARE(r.status, 403);
    QVERIFY2(replyObject(r).value("error").toObject().value("message").toString().contains("--rpc-allowed-host"),
             r.body.constData());
    QCOMPARE(exchange(port, rawPost("Host: ATTACKER.example\r\nContent-Type: application/json\r\n", touch)).status,
             403);
    QCOMPARE(
        exchange(port, rawPost("Host: 127.0.0.1.attacker.example\r\nContent-Type: application/json\r\n", touch)).status,
        403);
    // Two Host headers, one of them loopback.
    QCOMPARE(exchange(port,
                      rawPost("Host: localhost\r\nHost: attacker.example\r\nContent-Type: application/json\r\n", touch))
                 .status,
             400);
    // No browser header at all, but not JSON: what a form or a no-cors fetch would send.
    QCOMPARE(exchange(port, rawPost("Host: localhost\r\nContent-Type: text/plain\r\n", touch)).status, 415);
    QCOMPARE(
        exchange(port, rawPost("Host: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n", touch)).status,
        415);
    QCOMPARE(exchange(port, rawPost("Host: localhost\r\n", touch)).status, 415);
    // The page's WebSocket (browsers send the page's Origin; no CORS applies to WebSockets) ...
    {
        QTcpSocket raw;
        QCOMPARE(wsHandshake(raw, port, "Host: 127.0.0.1:" + p + "\r\nOrigin: https://evil.example\r\n"), 403);
        QTcpSocket rebound;
        QCOMPARE(wsHandshake(rebound, port, "Host: attacker.example:" + p + "\r\n"), 403);
        QWebSocket page(QStringLiteral("https://evil.example"));
        bool opened = false;
        connect(&page, &QWebSocket::connected, this, [&] { opened = true; });
        int changes = 0;
        connect(&page, &QWebSocket::stateChanged, this, [&] { ++changes; });
        page.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        QVERIFY(spinUntil([&] { return changes >= 2 && page.state() == QAbstractSocket::UnconnectedState; }));
        QVERIFY(!opened);
    }
    QCOMPARE(ran, 0);
    QCOMPARE(server.subscriptionCount(), 0);

    // Real clients, unchanged: no Origin, a loopback Host in any spelling (or none), JSON.
    QCOMPARE(call(port, "test_touch", {}), QJsonValue(true));  // Host: localhost
    for (const QByteArray& host : {"127.0.0.1:" + p, "localhost:" + p, "[::1]:" + p, QByteArray("LocalHost")}) {
        r = exchange(port, rawPost("Host: " + host + "\r\nContent-Type: application/json; charset=utf-8\r\n", touch));
        QVERIFY2(r.status == 200 && replyObject(r).value("result") == QJsonValue(true), host.constData());
    }
    QCOMPARE(exchange(port, "POST / HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: " +
                                QByteArray::number(touch.size()) + "\r\n\r\n" + touch)
                 .status,
             200);  // HTTP/1.0, no Host
    QCOMPARE(ran, 6);
    {
        QTcpSocket ws;
        QCOMPARE(wsHandshake(ws, port, "Host: 127.0.0.1:" + p + "\r\n"), 101);
    }

    // What an operator allows with --rpc-allowed-host and --rpc-cors, as sluiced parses them.
    const auto config =
        parseCommandLine({"sluiced", "--rpc-allowed-host", "node.lan", "--rpc-cors", "https://app.example/"});
    QVERIFY(config.ok());
    server.setAccess(RpcAccess{config->rpcAllowedHosts, config->rpcCorsOrigins});
    QCOMPARE(exchange(port, rawPost("Host: node.lan:" + p + "\r\nContent-Type: application/json\r\n", touch)).status,
             200);
    r = exchange(port,
                 rawPost("Host: node.lan\r\nOrigin: https://app.example\r\nContent-Type: application/json\r\n", touch));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.head.contains("Access-Control-Allow-Origin: https://app.example\r\n"), r.head.constData());
    r = exchange(port,
                 "OPTIONS / HTTP/1.1\r\nHost: node.lan\r\nOrigin: https://app.example\r\n"
                 "Access-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n\r\n");
    QCOMPARE(r.status, 204);
    QVERIFY(r.head.contains("Access-Control-Allow-Origin: https://app.example\r\n"));
    QVERIFY(r.head.contains("Access-Control-Allow-Headers: Content-Type\r\n"));
    {
        QTcpSocket ws;
        QCOMPARE(wsHandshake(ws, port, "Host: node.lan\r\nOrigin: https://app.example\r\n"), 101);
    }
    // ... and nothing else.
    QCOMPARE(
        exchange(port,
                 rawPost("Host: node.lan\r\nOrigin: https://evil.example\r\nContent-Type: application/json\r\n", touch))
            .status,
        403);
    QCOMPARE(exchange(port, rawPost("Host: other.lan\r\nContent-Type: application/json\r\n", touch)).status, 403);
    QCOMPARE(
        exchange(port, rawPost("Host: node.lan\r\nOrigin: https://app.example\r\nContent-Type: text/plain\r\n", touch))
            .status,
        415);
    QCOMPARE(ran, 8);

    // A node bound to another address serves that address as a Host too.
    RpcServer bound;
    bound.registerSyncMethod("test_touch", [&](const QJsonValue&) -> RpcOutcome { return QJsonValue(true); });
    QVERIFY(bound.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0).ok());
    const QByteArray bp = QByteArray::number(bound.port());
    const QHostAddress at(QStringLiteral("127.0.0.2"));
    QCOMPARE(exchange(bound.port(), rawPost("Host: 127.0.0.2:" + bp + "\r\nContent-Type: application/json\r\n", touch),
                      15000, at)
                 .status,
             200);
    QCOMPARE(exchange(bound.port(), rawPost("Host: 127.0.0.3:" + bp + "\r\nContent-Type: application/json\r\n", touch),
                      15000, at)
                 .status,
             403);
}

// Item 6: every parameter that sizes an answer or becomes an integer is checked first.
void RpcLimitsTest::parametersAreBounded() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    QVERIFY(seq.creditDeposit(0, addr(kAddrA), 5, 1).ok());
    QVERIFY(spinUntil([&] { return seq.blockNumber() >= 1; }));
    RpcServer server;
    registerEthMethods(server, seq);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const quint16 port = server.port();

    // The attack: 600 KB of percentiles. Refused before anything is built.
    const QByteArray attack = feeHistoryAttack();
    QVERIFY(attack.size() > 600000);
    HttpReply r = exchange(port, post(attack));
    QCOMPARE(r.status, 200);
    QCOMPARE(codeOf(replyObject(r)), -32602);
    QVERIFY2(r.body.size() < 1000, r.body.left(200).constData());

    auto code = [&](const QString& method, const QJsonArray& params) {
        int c = 0;
        call(port, method, params, &c);
        return c;
    };
    // Numbers that a cast to uint64 would turn into undefined behaviour, and other bad counts.
    const QJsonArray badCounts{-1,     1e300, -1e300, 1.5,          0, 1025, 9007199254740994.0, "0x10000000000000000",
                               "1024", "0x",  true,   QJsonObject{}};
    for (const QJsonValue& count : badCounts)
        QVERIFY2(code("eth_feeHistory", {count, "latest", QJsonArray{}}) == -32602,
                 QJsonDocument(QJsonArray{count}).toJson().constData());
    QJsonArray hundred;
    for (int i = 0; i < 100; ++i) hundred.append(i);
    QJsonArray hundredAndOne = hundred;
    hundredAndOne.append(100);
    for (const QJsonValue& percentiles : QJsonArray{hundredAndOne, QJsonArray{50, 10}, QJsonArray{101}, QJsonArray{-1},
                                                    QJsonArray{"50"}, QJsonArray{QJsonArray{}}, "0x1", QJsonObject{}})
        QVERIFY2(code("eth_feeHistory", {1, "latest", percentiles}) == -32602,
                 QJsonDocument(QJsonArray{percentiles}).toJson().constData());
    // The largest allowed question: 1,024 blocks (there are two) and 100 percentiles.
    const QJsonObject history = call(port, "eth_feeHistory", {"0x400", "latest", hundred}).toObject();
    QCOMPARE(history.value("oldestBlock").toString(), QStringLiteral("0x0"));
    QCOMPARE(history.value("reward").toArray().size(), 2);
    QCOMPARE(history.value("reward").toArray().at(0).toArray().size(), 100);
    QCOMPARE(call(port, "eth_feeHistory", {1, "latest", QJsonArray{0, 12.5, 12.5, 100}})
                 .toObject()
                 .value("reward")
                 .toArray()
                 .size(),
             1);
    QCOMPARE(call(port, "eth_feeHistory", {"0x1", "latest"}).toObject().value("baseFeePerGas").toArray().size(), 2);

    // Block numbers and flags.
    QCOMPARE(code("eth_getBlockByNumber", {"0xffffffffffffffffffff", false}), -32602);
    QCOMPARE(code("eth_getBlockByNumber", {1e300, false}), -32602);
    QCOMPARE(code("eth_getBlockByNumber", {"0x1", "yes"}), -32602);
    QCOMPARE(code("eth_getBlockByNumber", {QJsonObject{{"blockNumber", QJsonObject{{"blockNumber", "0x1"}}}}, false}),
             -32602);
    QCOMPARE(code("eth_getBalance", {kAddrA, "0x1ffffffffffffffff"}), -32602);
    QCOMPARE(call(port, "eth_getBlockByNumber", {"0x1"}).toObject().value("number").toString(), QStringLiteral("0x1"));
    QVERIFY(call(port, "eth_getBlockByNumber", {"0xffffffffffffffff", true}).isNull());

    // The one rule behind all of them.
    auto value = [](const QJsonValue& v, std::uint64_t lo, std::uint64_t hi) -> std::optional<std::uint64_t> {
        auto n = integerParam(v, lo, hi, QStringLiteral("n"));
        if (const auto* f = std::get_if<RpcFailure>(&n)) {
            if (f->code != rpc_error::invalidParams ||
                !f->message.contains(QStringLiteral("n must be an integer from")))
                return 7777;
            return std::nullopt;
        }
        return std::get<std::uint64_t>(n);
    };
    QVERIFY(value(9007199254740992.0, 0, UINT64_MAX) == 9007199254740992ULL);  // 2^53
    QVERIFY(value("0xffffffffffffffff", 0, UINT64_MAX) == UINT64_MAX);
    QVERIFY(value("0x0000000000000000000000000000000000000000000000000000000000000000001", 0, 1) == 1u);
    QVERIFY(value(5, 5, 5) == 5u);
    QVERIFY(!value(4, 5, 6));
    QVERIFY(!value(-0.5, 0, 10));
    QVERIFY(!value(1e300, 0, UINT64_MAX));
    QVERIFY(!value(-1e300, 0, UINT64_MAX));
    QVERIFY(!value(18446744073709551616.0, 0, UINT64_MAX));
    QVERIFY(!value(QStringLiteral("0x1") + QString(16, QLatin1Char('0')), 0, UINT64_MAX));
    QVERIFY(!value("12", 0, 100));
    QVERIFY(!value(QJsonValue(), 0, 100));
    auto defaulted = integerParam(QJsonValue(QJsonValue::Undefined), 0, 100, QStringLiteral("n"), 42);
    QCOMPARE(std::get<std::uint64_t>(defaulted), 42u);
}

// Item 6: whatever the parameters, one request cannot make the node build and queue an answer
// beyond maxAnswerBytes; a batch stops running calls once its answers reach it.
void RpcLimitsTest::answersAreBounded() {
    RpcLimits limits;
    limits.maxAnswerBytes = 1 << 20;
    RpcServer server(nullptr, limits);
    int ran = 0;
    server.registerSyncMethod("test_big", [&](const QJsonValue& p) -> RpcOutcome {
        ++ran;
        return QJsonValue(QString(p.toArray().at(0).toInt(), QLatin1Char('a')));
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const quint16 port = server.port();

    // A batch of 100 calls answering 300 KB each: 30 MB if all ran.
    QByteArray batch = "[";
    for (int i = 0; i < 100; ++i) batch += (i ? "," : "") + rpcBody("test_big", {300000}, i);
    HttpReply r = exchange(port, post(batch + "]"));
    QCOMPARE(r.status, 200);
    QVERIFY2(r.body.size() <= limits.maxAnswerBytes, QByteArray::number(r.body.size()).constData());
    const QJsonArray answers = QJsonDocument::fromJson(r.body).array();
    QCOMPARE(answers.size(), 100);
    QCOMPARE(ran, 4);  // three fit; the fourth did not, and the rest were not run
    for (int i = 0; i < 100; ++i) {
        const QJsonObject a = answers[i].toObject();
        QCOMPARE(a.value("id").toInt(), i);
        QCOMPARE(a.contains("result"), i < 3);
        if (i >= 3) QCOMPARE(codeOf(a), -32005);
    }
    // A single answer above the limit.
    int c = 0;
    QString message;
    call(port, "test_big", {2000000}, &c, &message);
    QCOMPARE(c, -32005);
    QVERIFY2(message.contains("limit"), qPrintable(message));
    // Below it, answers are whole.
    QCOMPARE(call(port, "test_big", {900000}).toString().size(), 900000);
}

// Item 7: idle connections cannot lock real clients out.
void RpcLimitsTest::idleSocketsDoNotLockClientsOut() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    {
        // Every slot taken by an idle socket (no per-client limit, long deadlines): a real client
        // is served at once, in the slot of one idle socket, while the other 999 stay open.
        RpcLimits limits;
        limits.maxConnections = 1000;
        limits.maxConnectionsPerClient = 100000;
        limits.firstRequestTimeoutMs = 600000;
        RpcServer server(nullptr, limits);
        registerEthMethods(server, seq);
        int hanging = 0;
        server.registerMethod("test_hang", [&](const QJsonValue&, RpcResponder) { ++hanging; });  // never answers
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
        auto idle = openIdleSockets(server.port(), 1000);
        QVERIFY(spinUntil([&] { return server.connectionCount() == 1000; }));
        QCOMPARE(stillConnected(idle), 1000);
        QCOMPARE(call(server.port(), "eth_chainId", {}).toString(), QStringLiteral("0x7a6a"));
        QVERIFY(spinUntil([&] { return stillConnected(idle) == 999 && server.connectionCount() == 999; }));
        // Connections whose answer is still owed are never closed to make room: with every slot
        // busy, a newcomer is refused instead.
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(spinUntil([&] { return server.connectionCount() == 1000; }));
        for (auto& s : idle)
            if (s->state() == QAbstractSocket::ConnectedState) s->write(post(rpcBody("test_hang")));
        QVERIFY(spinUntil([&] { return hanging == 1000; }));
        const HttpReply refused = exchange(server.port(), post(rpcBody("eth_chainId")));
        QCOMPARE(refused.status, 0);  // reset without an answer
        QVERIFY(refused.closed);
        QCOMPARE(stillConnected(idle), 1000);
    }
    {
        // One client address (everything local is 127.0.0.1) holds at most 128 connections; past
        // that its connection idle the longest makes room, so it is still served.
        RpcLimits limits;
        limits.firstRequestTimeoutMs = 600000;
        RpcServer server(nullptr, limits);
        registerEthMethods(server, seq);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
        auto idle = openIdleSockets(server.port(), 1000);
        QVERIFY(spinUntil([&] { return stillConnected(idle) == 128 && server.connectionCount() == 128; }));
        QCOMPARE(call(server.port(), "eth_chainId", {}).toString(), QStringLiteral("0x7a6a"));
        QVERIFY(spinUntil([&] { return server.connectionCount() == 127; }));  // one made room; the call's went away
    }
    {
        // A connection that never sends is closed after the first-request deadline; one that
        // was served stays for the longer keep-alive deadline.
        RpcLimits limits;
        limits.firstRequestTimeoutMs = 300;
        limits.idleTimeoutMs = 600000;
        RpcServer server(nullptr, limits);
        registerEthMethods(server, seq);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
        QTcpSocket served;
        served.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(spinUntil([&] { return served.state() == QAbstractSocket::ConnectedState; }));
        served.write(post(rpcBody("eth_chainId")));
        QByteArray got;
        QVERIFY(spinUntil([&] { return (got += served.readAll()).contains("0x7a6a"); }));
        auto idle = openIdleSockets(server.port(), 50);
        QVERIFY(spinUntil([&] { return stillConnected(idle) == 0; }));
        QCOMPARE(served.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(server.connectionCount(), 1);
    }
}

// Item 7: WebSocket subscriptions and clients are bounded.
void RpcLimitsTest::webSocketLimits() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());

    struct Client {
        QWebSocket socket;
        QList<QJsonObject> replies;
    };
    auto open = [&](Client& c, quint16 port) {
        connect(&c.socket, &QWebSocket::textMessageReceived, this,
                [&c](const QString& m) { c.replies << QJsonDocument::fromJson(m.toUtf8()).object(); });
        c.socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)));
        return spinUntil([&] { return c.socket.state() == QAbstractSocket::ConnectedState; });
    };
    auto ask = [&](Client& c, const QJsonArray& params) {
        const qsizetype before = c.replies.size();
        c.socket.sendTextMessage(QString::fromUtf8(rpcBody("eth_subscribe", params)));
        if (!spinUntil([&] { return c.replies.size() > before; })) return QJsonObject();
        return c.replies.last();
    };

    {
        RpcLimits limits;
        limits.maxSubscriptionsPerSocket = 5;
        limits.maxSubscriptions = 8;
        limits.maxConnections = 10;  // so at most 5 WebSockets
        limits.maxConnectionsPerClient = 10;
        limits.idleTimeoutMs = 400;
        RpcServer server(nullptr, limits);
        registerEthMethods(server, seq);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
        const quint16 port = server.port();

        Client a, b;
        QVERIFY(open(a, port));
        QVERIFY(open(b, port));
        // Subscription parameters: one filter at most, and small.
        QCOMPARE(codeOf(ask(a, {"newHeads", QJsonObject{{"pad", QString(2000, 'x')}}})), -32602);
        QCOMPARE(codeOf(ask(a, {"newHeads", QJsonObject{}, QJsonObject{}})), -32602);
        QCOMPARE(codeOf(ask(a, {QString(100000, 'x')})), -32602);
        QVERIFY(ask(a, {"newHeads", QJsonObject{{"address", kAddrA}}}).value("result").isString());
        // Per connection, then in total.
        for (int i = 1; i < 5; ++i) QVERIFY(ask(a, {"newHeads"}).value("result").isString());
        QCOMPARE(codeOf(ask(a, {"newHeads"})), -32005);
        for (int i = 0; i < 3; ++i) QVERIFY(ask(b, {"newHeads"}).value("result").isString());
        QCOMPARE(codeOf(ask(b, {"newHeads"})), -32005);
        QCOMPARE(server.subscriptionCount(), 8);
        a.socket.close();
        QVERIFY(spinUntil([&] { return server.subscriptionCount() == 3; }));
        QVERIFY(ask(b, {"newHeads"}).value("result").isString());

        // At most half the connection slots are WebSockets: HTTP keeps the rest.
        Client c, d, e, f;
        for (Client* x : {&c, &d, &e, &f}) QVERIFY(open(*x, port));  // with b: five
        {
            QTcpSocket sixth;
            QCOMPARE(wsHandshake(sixth, port, "Host: 127.0.0.1\r\n"), 503);
        }
        QCOMPARE(call(port, "eth_chainId", {}).toString(), QStringLiteral("0x7a6a"));
        for (Client* x : {&c, &d, &e, &f}) x->socket.close();
        QVERIFY(spinUntil([&] { return server.connectionCount() == 1; }));

        // Idle: a WebSocket without subscriptions that says nothing is closed; a subscriber
        // that answers pings stays; one that reads nothing (so answers no ping) is dropped.
        Client quiet, listener;
        QVERIFY(open(quiet, port));
        QVERIFY(open(listener, port));
        QVERIFY(ask(listener, {"newHeads"}).value("result").isString());
        QTcpSocket deaf;
        QCOMPARE(wsHandshake(deaf, port, "Host: 127.0.0.1\r\n"), 101);
        deaf.setReadBufferSize(1);  // reads no more: pings stay unanswered
        deaf.write(wsFrame(rpcBody("eth_subscribe", {"newHeads"})));
        QVERIFY(
            spinUntil([&] { return server.subscriptionCount() == 6; }));  // b's four, the listener's, the deaf one's
        QVERIFY(spinUntil([&] { return quiet.socket.state() == QAbstractSocket::UnconnectedState; }));
        QVERIFY(spinUntil([&] { return server.subscriptionCount() == 5; }));  // the deaf one is gone
        QCOMPARE(listener.socket.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(b.socket.state(), QAbstractSocket::ConnectedState);
    }
    {
        // A client that sends requests and stops reading the answers is dropped once
        // maxUnsentBytes wait for it, rather than buffered without bound (no idle deadline here).
        RpcLimits limits;
        limits.maxUnsentBytes = 256 * 1024;
        RpcServer server(nullptr, limits);
        registerEthMethods(server, seq);
        server.registerSyncMethod(
            "test_big", [](const QJsonValue&) -> RpcOutcome { return QJsonValue(QString(300000, QLatin1Char('a'))); });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
        Client listener;
        QVERIFY(open(listener, server.port()));
        QVERIFY(ask(listener, {"newHeads"}).value("result").isString());
        QTcpSocket greedy;
        QCOMPARE(wsHandshake(greedy, server.port(), "Host: 127.0.0.1\r\n"), 101);
        greedy.setReadBufferSize(1);
        QCOMPARE(server.connectionCount(), 2);
        QByteArray requests;
        for (int i = 0; i < 200; ++i) requests += wsFrame(rpcBody("test_big", {}, i));  // 60 MB of answers
        greedy.write(requests);
        QVERIFY(spinUntil([&] { return server.connectionCount() == 1; }));
        QCOMPARE(listener.socket.state(), QAbstractSocket::ConnectedState);
        QVERIFY(seq.creditDeposit(0, addr(kAddrA), 5, 1).ok());  // the listener still gets its notifications
        QVERIFY(spinUntil([&] { return listener.replies.size() >= 2; }));
        QCOMPARE(listener.replies.last().value("method").toString(), QStringLiteral("eth_subscription"));
    }
}

// The same attacks against the sluiced binary, with the limits it really runs with and the
// descriptor limit a desktop session gives it.
void RpcLimitsTest::attacksOnTheRealNode() {
    QTemporaryDir dir;
    NodeProcess node;
    QVERIFY(node.start(plainNodeArgs(dir.path()), freePort(), 1024));
    const quint16 port = node.port;
    const QByteArray p = QByteArray::number(port);
    const QByteArray chainId = rpcBody("eth_chainId");

    // Item 4.
    QCOMPARE(exchange(port, rawPost("Host: 127.0.0.1:" + p +
                                        "\r\nOrigin: https://evil.example\r\nContent-Type: text/plain\r\n",
                                    chainId))
                 .status,
             403);
    QCOMPARE(exchange(port, rawPost("Host: attacker.example:" + p + "\r\nContent-Type: application/json\r\n", chainId))
                 .status,
             403);
    {
        QTcpSocket ws;
        QCOMPARE(wsHandshake(ws, port, "Host: 127.0.0.1:" + p + "\r\nOrigin: https://evil.example\r\n"), 403);
    }
    // Item 6.
    HttpReply r = exchange(port, post(feeHistoryAttack()));
    QCOMPARE(codeOf(replyObject(r)), -32602);
    // Item 7: 1,000 idle sockets; the wallet is served while they are held, and the node closes
    // them all (made room for newer ones, or the first-request deadline).
    auto idle = openIdleSockets(port, 1000);
    QCOMPARE(call(port, "eth_chainId", {}).toString(), QStringLiteral("0x7a6a"));
    QVERIFY(spinUntil([&] { return stillConnected(idle) == 0; }, 60000));
    QCOMPARE(call(port, "eth_blockNumber", {}).isString(), true);
    QCOMPARE(node.process.state(), QProcess::Running);
}

// Item 6 for the sluice_ methods (registered by the L1 side: needs the devnet's anvil).
void RpcLimitsTest::sluiceMethodsCheckRanges() {
    QTemporaryDir dir;
    NodeProcess node;
    SLUICE_QT_PREREQUISITE(QFileInfo(QStringLiteral(SLUICE_ANVIL_PATH)).isExecutable(),
                           "anvil not found (run scripts/setup.sh)");
    QVERIFY2(node.start({"--devnet", "--data-dir", dir.path(), "--l1-port", QString::number(freePort())}, freePort()),
             qPrintable("sluiced --devnet did not start: " + QString::fromUtf8(node.process.readAll().right(500))));
    QVERIFY(spinUntil([&] { return call(node.port, "sluice_status", {}).toObject().contains("l1ChainId"); }, 60000));
    auto code = [&](const QJsonArray& params) {
        int c = 0;
        call(node.port, "sluice_getBatches", params, &c);
        return c;
    };
    QCOMPARE(code({-1e300, 1e300}), -32602);  // was a cast of a double out of range: undefined behaviour
    QCOMPARE(code({0, 1e300}), -32602);
    QCOMPARE(code({-1, 10}), -32602);
    QCOMPARE(code({0.5, 10}), -32602);
    QCOMPARE(code({"0xffffffffffffffffff", 10}), -32602);
    QCOMPARE(code({0, 1001}), -32602);
    QCOMPARE(code({"zero", 10}), -32602);
    QVERIFY(call(node.port, "sluice_getBatches", {0, 10}).isArray());
    QVERIFY(call(node.port, "sluice_getBatches", {"0x0", "0x3e8"}).isArray());
    QVERIFY(call(node.port, "sluice_getBatches", {}).isArray());
    int c = 0;
    call(node.port, "sluice_getWithdrawals", {1e300}, &c);
    QCOMPARE(c, -32602);
    call(node.port, "sluice_getDeposits", {QJsonObject{}}, &c);
    QCOMPARE(c, -32602);
}

QTEST_GUILESS_MAIN(RpcLimitsTest)
#include "tst_rpc_limits.moc"
