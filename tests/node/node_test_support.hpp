// SPDX-License-Identifier: MIT
#pragma once
// What the node test suites share: a sequencer configuration, an event-loop wait, and raw HTTP
// exchanges with an RpcServer or a sluiced process.

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include "node/sequencer/sequencer.h"

namespace sluice::node_test {

using namespace sluice::node;

inline Address addr(const char* hex) { return *Address::from_hex(hex); }

// The database of a test's node: a SQLite file in `dir`, or, where SLUICE_TEST_PG names a
// PostgreSQL cluster (the *_pg variants of the suites: ctest fixture pg_cluster,
// tests/support/pg_cluster.sh), a database of its own there — the same one for the same `dir`,
// created on first use.
inline QString testDatabase(const QString& dir) {
    const QString base = qEnvironmentVariable("SLUICE_TEST_PG");
    if (base.isEmpty()) return dir + QStringLiteral("/node.sqlite");
    const QString name =
        QStringLiteral("t") + QCryptographicHash::hash(dir.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    QUrl url(base);
    const QUrlQuery query(url);
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("test-admin"));
        admin.setHostName(query.queryItemValue(QStringLiteral("host")));
        admin.setUserName(query.queryItemValue(QStringLiteral("user")));
        admin.setDatabaseName(url.path().mid(1));
        if (!admin.open()) qFatal("SLUICE_TEST_PG: %s", qPrintable(admin.lastError().text()));
        QSqlQuery q(admin);
        if (!q.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = '%1'").arg(name)))
            qFatal("SLUICE_TEST_PG: %s", qPrintable(q.lastError().text()));
        if (!q.next() && !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            qFatal("SLUICE_TEST_PG: %s", qPrintable(q.lastError().text()));
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("test-admin"));
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

inline bool onPostgres() { return !qEnvironmentVariableIsEmpty("SLUICE_TEST_PG"); }

inline SequencerConfig sequencerConfig(const QString& dir) {
    SequencerConfig c;
    c.database = testDatabase(dir);
    c.feeRecipient = addr("0x00000000000000000000000000000000000000fe");
    c.blockTimeMs = 20;
    return c;
}

// Runs the event loop until `done` or the deadline (a generous bound, never a timing assertion).
template <typename F>
bool spinUntil(F done, int ms = 20000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms) return false;
        QTest::qWait(5);
    }
    return true;
}

struct HttpReply {
    int status = 0;
    QByteArray head;  // status line and header lines
    QByteArray body;
    bool closed = false;
};

// One raw HTTP exchange on a fresh connection; the event loop keeps running meanwhile.
inline HttpReply exchange(quint16 port, const QByteArray& request, int waitMs = 15000,
                          const QHostAddress& host = QHostAddress(QHostAddress::LocalHost)) {
    HttpReply reply;
    QTcpSocket socket;
    socket.connectToHost(host, port);
    spinUntil(
        [&] {
            return socket.state() != QAbstractSocket::HostLookupState &&
                   socket.state() != QAbstractSocket::ConnectingState;
        },
        waitMs);
    if (socket.state() != QAbstractSocket::ConnectedState) {  // refused, or reset before it could be used
        reply.closed = true;
        return reply;
    }
    socket.write(request);
    QByteArray data;
    spinUntil(
        [&] {
            data += socket.readAll();
            const auto end = data.indexOf("\r\n\r\n");
            if (end >= 0) {
                const auto lenAt = data.toLower().indexOf("content-length:");
                if (lenAt >= 0 && lenAt < end) {
                    const qsizetype len =
                        data.mid(lenAt + 15, data.indexOf("\r\n", lenAt) - lenAt - 15).trimmed().toLongLong();
                    if (data.size() >= end + 4 + len) return true;
                }
            }
            return socket.state() != QAbstractSocket::ConnectedState;
        },
        waitMs);
    reply.closed = socket.state() != QAbstractSocket::ConnectedState;
    const auto end = data.indexOf("\r\n\r\n");
    if (data.startsWith("HTTP/1.1 ")) reply.status = data.mid(9, 3).toInt();
    if (end >= 0) {
        reply.head = data.left(end);
        reply.body = data.mid(end + 4);
    }
    return reply;
}

inline QByteArray post(const QByteArray& body, const QByteArray& extraHeaders = {}) {
    return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

inline QJsonValue call(quint16 port, const QString& method, const QJsonArray& params, int* errorCode = nullptr,
                       QString* message = nullptr) {
    const QJsonObject req{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}};
    const auto reply = exchange(port, post(QJsonDocument(req).toJson(QJsonDocument::Compact)));
    const QJsonObject o = QJsonDocument::fromJson(reply.body).object();
    if (errorCode) *errorCode = o.value("error").toObject().value("code").toInt();
    if (message) *message = o.value("error").toObject().value("message").toString();
    return o.value("result");
}

inline int errorCodeOf(const HttpReply& r) {
    return QJsonDocument::fromJson(r.body).object().value("error").toObject().value("code").toInt();
}

inline quint16 freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

}  // namespace sluice::node_test
