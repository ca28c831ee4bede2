// SPDX-License-Identifier: MIT
// The node's HTTP request framing (node/rpc/httprequest: HttpRequestReader) on plain bytes, split
// in every way, and through RpcServer's connections; with the regressions fuzz/http found.
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <vector>

#include "node/rpc/ethapi.h"
#include "node/rpc/httprequest.h"
#include "node/rpc/rpcserver.h"
#include "node/sequencer/sequencer.h"
#include "node_test_support.hpp"

using namespace sluice;
using namespace sluice::node;
using namespace sluice::node_test;

namespace {

using Event = HttpRequestReader::Event;

// What one connection's bytes come to when fed in pieces of `piece` bytes (0: all at once):
// one line per request or refusal, then how the stream ended.
QStringList readAll(const QByteArray& data, HttpLimits limits, qsizetype piece = 0) {
    HttpAccessRules rules;
    HttpRequestReader reader(limits, &rules);
    QStringList out;
    QByteArray unread;
    bool any = false;
    for (qsizetype given = 0; given < data.size() || given == 0;) {
        const qsizetype n = piece > 0 ? std::min(piece, data.size() - given) : data.size();
        unread += data.mid(given, n);
        given += n;
        for (;;) {
            const auto step = reader.next(unread.left(qsizetype(reader.wanted())), !any);
            unread.remove(0, step.consumed);
            if (step.event == Event::needMore) break;
            if (step.event == Event::refused) out << QStringLiteral("refused %1").arg(step.refusal.status);
            if (step.event == Event::upgrade) out << QStringLiteral("upgrade");
            if (step.event == Event::preflight) out << QStringLiteral("preflight");
            if (step.event == Event::call) out << QStringLiteral("call %1").arg(QString::fromLatin1(step.body));
            any = any || step.event == Event::call || step.event == Event::preflight;
            if (reader.ended())
                return out << QStringLiteral("ended, %1 unread").arg(unread.size() + data.size() - given);
        }
        if (given >= data.size()) break;
    }
    return out << (reader.inBody() ? QStringLiteral("in body")
                                   : QStringLiteral("between requests, %1 unread").arg(unread.size()));
}

QByteArray rawPost(const QByteArray& body, const QByteArray& headers = "Content-Type: application/json\r\n") {
    return "POST / HTTP/1.1\r\n" + headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// A POST whose head (without its blank line) is exactly `headBytes` long.
QByteArray postWithHead(int headBytes, const QByteArray& body) {
    const QByteArray start =
        "POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nX-Pad: ";
    return start + QByteArray(headBytes - start.size(), 'p') + "\r\n\r\n" + body;
}

}  // namespace

class HttpRequestTest : public QObject {
    Q_OBJECT
private slots:
    void framesPipelinedRequests();
    void refusesWhatTheServerRefuses();
    void upgradeIsLeftUnread();
    void headAtTheLimitWhateverTheSplit();
    void serverTakesAHeadAtTheLimitInPieces();
};

void HttpRequestTest::framesPipelinedRequests() {
    const QByteArray stream = rawPost("{\"a\":1}") + rawPost("") +
                              rawPost("[1,2]", "Content-Type: application/json\r\nConnection: close\r\n") +
                              rawPost("{\"tail\":");
    const QStringList expected{"call {\"a\":1}", "call ", "call [1,2]",
                               "call {\"tail\":", "between requests, 0 unread"};
    for (qsizetype piece : {0, 1, 2, 3, 7, 64}) QCOMPARE(readAll(stream, HttpLimits{}, piece), expected);
    // A body still coming: the reader has taken it (no more than Content-Length) and waits.
    QCOMPARE(
        readAll("POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\"", HttpLimits{}),
        QStringList{"in body"});
}

void HttpRequestTest::refusesWhatTheServerRefuses() {
    const HttpLimits limits{256, 64};
    const QByteArray plain = rawPost("{}", "Content-Type: text/plain\r\n");
    QCOMPARE(readAll(plain, limits),
             (QStringList{"refused 415", "ended, " + QString::number(plain.size()) + " unread"}));
    QCOMPARE(readAll(rawPost(QByteArray(65, 'x')), limits).value(0), QStringLiteral("refused 413"));
    QCOMPARE(readAll(rawPost("{}", "Host: attacker.example\r\nContent-Type: application/json\r\n"), limits).value(0),
             QStringLiteral("refused 403"));
    QCOMPARE(readAll(rawPost("{}", "Host: localhost\r\nHost: localhost\r\nContent-Type: application/json\r\n"), limits)
                 .value(0),
             QStringLiteral("refused 400"));
    QCOMPARE(readAll("GET / HTTP/1.1\r\n\r\n", limits).value(0), QStringLiteral("refused 405"));
    QCOMPARE(readAll("POST / HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", limits)
                 .value(0),
             QStringLiteral("refused 411"));
    QCOMPARE(readAll("POST / HTTP/1.1\r\nContent-Type: application/json\r\n\r\n", limits).value(0),
             QStringLiteral("refused 411"));
    QCOMPARE(readAll("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", limits).value(0),
             QStringLiteral("refused 400"));
    QCOMPARE(readAll("POST / HTTP/1.1\r\nX: a\rb\r\n\r\n", limits).value(0), QStringLiteral("refused 400"));
    QCOMPARE(readAll("PRI * HTTP/2.0\r\n\r\n", limits).value(0), QStringLiteral("refused 400"));
    QCOMPARE(readAll("OPTIONS / HTTP/1.1\r\nOrigin: https://evil.example\r\n\r\n", limits).value(0),
             QStringLiteral("refused 403"));
    // After a refusal nothing more is read: the answers already owed go out, then the connection closes.
    QCOMPARE(
        readAll(rawPost("{}") + "GET / HTTP/1.1\r\n\r\n" + rawPost("{}"), limits),
        (QStringList{"call {}", "refused 405", "ended, " + QString::number(rawPost("{}").size() + 18) + " unread"}));
}

void HttpRequestTest::upgradeIsLeftUnread() {
    const QByteArray upgrade =
        "GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    // Nothing consumed: QWebSocketServer reads the handshake from the socket itself.
    QCOMPARE(readAll(upgrade + "frames", HttpLimits{}),
             (QStringList{"upgrade", "ended, " + QString::number(upgrade.size() + 6) + " unread"}));
    // Not after a request on the same connection.
    QCOMPARE(readAll(rawPost("{}") + upgrade, HttpLimits{}).mid(0, 2), (QStringList{"call {}", "refused 405"}));
}

// fuzz/http (regression-head-at-limit-split): a head whose blank line ended within the last four
// bytes of the window (limit + 4) was accepted when it arrived whole and refused 431 when it
// arrived in pieces, because the reader gave up as soon as it held more than `limit` bytes.
void HttpRequestTest::headAtTheLimitWhateverTheSplit() {
    const HttpLimits limits{128, 1024};
    for (int head : {120, 127, 128}) {
        const QByteArray request = postWithHead(head, "{}");
        for (qsizetype piece : {0, 1, 2, 3, 5, 129, 130})
            QVERIFY2(readAll(request, limits, piece) == (QStringList{"call {}", "between requests, 0 unread"}),
                     qPrintable(QStringLiteral("head of %1 bytes in pieces of %2: %3")
                                    .arg(head)
                                    .arg(piece)
                                    .arg(readAll(request, limits, piece).join(" | "))));
    }
    for (int head : {129, 130, 200}) {
        const QByteArray request = postWithHead(head, "{}");
        for (qsizetype piece : {0, 1, 2, 3, 5, 129, 130})
            QCOMPARE(readAll(request, limits, piece).value(0), QStringLiteral("refused 431"));
    }
    // No blank line at all: refused once limit + 4 bytes are there, not before.
    QCOMPARE(readAll(QByteArray(131, 'a'), limits), QStringList{"between requests, 131 unread"});
    QCOMPARE(readAll(QByteArray(132, 'a'), limits).value(0), QStringLiteral("refused 431"));
}

// The same through a real connection: the head arrives in two TCP writes.
void HttpRequestTest::serverTakesAHeadAtTheLimitInPieces() {
    QTemporaryDir dir;
    Sequencer seq(sequencerConfig(dir.path()));
    QVERIFY(seq.start().ok());
    RpcLimits limits;
    limits.maxHeaderBytes = 256;
    RpcServer server(nullptr, limits);
    registerEthMethods(server, seq);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0).ok());
    const QByteArray body = R"({"jsonrpc":"2.0","id":1,"method":"eth_chainId"})";
    for (int head : {256, 257}) {
        const QByteArray request = postWithHead(head, body);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(spinUntil([&] { return socket.state() == QAbstractSocket::ConnectedState; }));
        socket.write(request.left(258));  // more than the limit, the blank line not complete
        QVERIFY(spinUntil([&] { return socket.bytesToWrite() == 0; }));
        QTest::qWait(50);  // the server has read and looked at it
        socket.write(request.mid(258));
        QByteArray answer;
        QVERIFY(spinUntil([&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n{") && answer.endsWith("}");
        }));
        QVERIFY2(answer.startsWith(head == 256 ? "HTTP/1.1 200 " : "HTTP/1.1 431 "), answer.constData());
    }
    seq.stop();
}

QTEST_GUILESS_MAIN(HttpRequestTest)
#include "tst_http_request.moc"
