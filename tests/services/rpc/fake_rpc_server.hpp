// SPDX-License-Identifier: MIT
#pragma once
// A minimal HTTP/1.1 server on 127.0.0.1 for tests: reads one POST per connection, hands its
// JSON body to a handler and writes back whatever status and body the handler chooses.

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace sluice::test {

struct FakeResponse {
    int status = 200;
    QByteArray body;
    bool silent = false;  // never answer (to test timeouts)
};

class FakeRpcServer : public QObject {
public:
    using Handler = std::function<FakeResponse(const QJsonObject& request)>;

    explicit FakeRpcServer(Handler handler, QObject* parent = nullptr)
        : QObject(parent), m_handler(std::move(handler)) {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                socket->setParent(this);
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    const QList<QJsonObject>& requests() const { return m_requests; }
    QStringList methods() const {
        QStringList out;
        for (const auto& r : m_requests) out << r.value(QStringLiteral("method")).toString();
        return out;
    }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    // A JSON-RPC success / error body echoing the request's id.
    static FakeResponse result(const QJsonObject& request, const QJsonValue& value) {
        QJsonObject o{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                      {QStringLiteral("id"), request.value(QStringLiteral("id"))},
                      {QStringLiteral("result"), value}};
        return {200, QJsonDocument(o).toJson(QJsonDocument::Compact)};
    }
    static FakeResponse error(const QJsonObject& request, int code, const QString& message) {
        QJsonObject o{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                      {QStringLiteral("id"), request.value(QStringLiteral("id"))},
                      {QStringLiteral("error"),
                       QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
        return {200, QJsonDocument(o).toJson(QJsonDocument::Compact)};
    }

private:
    void onReadyRead(QTcpSocket* socket) {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) return;
        qsizetype length = 0;
        for (const QByteArray& line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:")) length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length) return;
        const QJsonObject request = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, length)).object();
        buffer.remove(0, headerEnd + 4 + length);
        m_requests.append(request);
        const FakeResponse response = m_handler(request);
        if (response.silent) return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) +
                         (response.status == 200 ? " OK" : " Internal Server Error") + "\r\n";
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size()) +
               "\r\nConnection: keep-alive\r\n\r\n";
        out += response.body;
        socket->write(out);
    }

    QTcpServer m_server;
    Handler m_handler;
    QList<QJsonObject> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

}  // namespace sluice::test
