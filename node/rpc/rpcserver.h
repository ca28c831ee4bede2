// SPDX-License-Identifier: MIT
#pragma once
// JSON-RPC 2.0 over HTTP/1.1 POST and WebSocket on one port (docs/RPC.md).
//
// Why a small HTTP/1.1 server on QTcpServer instead of QHttpServer: QHttpServer is a tech preview
// in Qt 6.4 without a body size limit, header limits or timeouts for slow clients, and it answers
// only after reading a whole body it has buffered without bound. Here every connection is parsed
// incrementally with hard limits (header block, Content-Length, 1 MiB body, no chunked bodies),
// idle and slow clients are dropped by deadline, and a WebSocket upgrade request is handed
// unconsumed to QWebSocketServer (NonSecureMode) through handleConnection().
//
// Handlers run on the server's thread. A handler answers through its RpcResponder, immediately
// or later (eth_sendRawTransaction answers after the group commit); exactly one answer counts.

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QSet>
#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <variant>

#include "core/common/result.hpp"

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace sluice::node {

namespace rpc_error {
inline constexpr int parseError = -32700;
inline constexpr int invalidRequest = -32600;
inline constexpr int methodNotFound = -32601;
inline constexpr int invalidParams = -32602;
inline constexpr int internalError = -32603;
inline constexpr int rejected = -32000;      // transaction refused, with the reason
inline constexpr int tooLarge = -32005;      // request, batch or frame too large
}  // namespace rpc_error

struct RpcFailure {
    int code = rpc_error::internalError;
    QString message;
    QJsonValue data = QJsonValue::Undefined;
};

using RpcOutcome = std::variant<QJsonValue, RpcFailure>;

// Answers one call. Copyable; the first answer wins, later ones are ignored. Answering after the
// client went away is harmless.
class RpcResponder {
public:
    using Sink = std::function<void(RpcOutcome)>;
    explicit RpcResponder(Sink sink);
    void result(const QJsonValue& value) const;
    void error(int code, const QString& message, const QJsonValue& data = QJsonValue::Undefined) const;
    void answer(RpcOutcome outcome) const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// `params` is the request's params (array, object, or Undefined when absent).
using RpcHandler = std::function<void(const QJsonValue& params, RpcResponder respond)>;
using RpcSyncHandler = std::function<RpcOutcome(const QJsonValue& params)>;
// Decides whether a subscription made with `subscribeParams` (the params after the stream name)
// receives `payload`. Return an RpcFailure from the validator to refuse the subscription.
using StreamFilter = std::function<bool(const QJsonValue& subscribeParams, const QJsonValue& payload)>;

struct RpcLimits {
    qint64 maxBodyBytes = 1 << 20;
    int maxHeaderBytes = 16 * 1024;
    int maxBatchCalls = 100;
    qint64 maxFrameBytes = 1 << 20;
    int requestTimeoutMs = 10000;  // a started request must be complete within this (slowloris)
    int idleTimeoutMs = 120000;    // keep-alive connection without a request
    int maxConnections = 1000;
    int maxSubscriptionsPerSocket = 100;
};

class RpcServer : public QObject {
    Q_OBJECT
public:
    explicit RpcServer(QObject* parent = nullptr, RpcLimits limits = {});
    ~RpcServer() override;

    Status listen(const QHostAddress& address, quint16 port);  // port 0: any free port
    quint16 port() const;
    void close();

    void registerMethod(const QString& name, RpcHandler handler);
    void registerSyncMethod(const QString& name, RpcSyncHandler handler);
    bool hasMethod(const QString& name) const;

    // Named streams for eth_subscribe(name, ...). "newHeads" is a stream like any other.
    void registerStream(const QString& name, StreamFilter filter = {});
    // Sends `payload` to every subscriber of `stream` as an eth_subscription notification.
    void publish(const QString& stream, const QJsonValue& payload);

    int connectionCount() const;
    int subscriptionCount() const;

signals:
    void listening(quint16 port);

private:
    class HttpConnection;
    struct WsClient;
    friend class HttpConnection;

    void onNewConnection();
    void handleBody(HttpConnection* connection, const QByteArray& body);
    void upgradeToWebSocket(QTcpSocket* socket);
    void onWebSocket();
    void onWsMessage(QWebSocket* socket, const QString& message);
    // Parses and dispatches a JSON-RPC payload (single or batch); `done` receives the reply bytes
    // (empty when only notifications were sent).
    void dispatchPayload(const QByteArray& payload, QWebSocket* ws, std::function<void(QByteArray)> done);
    void dispatchCall(const QJsonValue& call, QWebSocket* ws, std::function<void(QJsonValue)> done);
    RpcOutcome subscribe(QWebSocket* ws, const QJsonValue& params);
    RpcOutcome unsubscribe(QWebSocket* ws, const QJsonValue& params);

    RpcLimits m_limits;
    QTcpServer* m_tcp = nullptr;
    QWebSocketServer* m_ws = nullptr;
    QHash<QString, RpcHandler> m_methods;
    QHash<QString, StreamFilter> m_streams;
    QSet<HttpConnection*> m_connections;
    QHash<QWebSocket*, std::shared_ptr<WsClient>> m_wsClients;
    quint64 m_nextSubscription = 1;
};

}  // namespace sluice::node
