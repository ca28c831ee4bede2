// SPDX-License-Identifier: MIT
#pragma once
// JSON-RPC 2.0 over HTTP/1.1 POST and WebSocket on one port (docs/RPC.md).
//
// Why a small HTTP/1.1 server on QTcpServer instead of QHttpServer: QHttpServer is a tech preview
// in Qt 6.4 without a body size limit, header limits or timeouts for slow clients, and it answers
// only after reading a whole body it has buffered without bound. Here every connection is parsed
// incrementally (HttpRequestReader in node/rpc/httprequest.h, on the socket's unread bytes) with
// hard limits (header block, Content-Length, 1 MiB body, no chunked bodies),
// idle and slow clients are dropped by deadline, and a WebSocket upgrade request is handed
// unconsumed to QWebSocketServer (NonSecureMode) through handleConnection() once it has passed the
// same Host and Origin checks as every HTTP request.
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
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

#include "core/common/result.hpp"
#include "node/rpc/httprequest.h"

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
inline constexpr int rejected = -32000;  // transaction refused, with the reason
inline constexpr int tooLarge = -32005;  // a request, batch, frame or answer too large; a limit reached
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
// receives `payload`. The server bounds those params (RpcServer::subscribe) before any filter sees them.
using StreamFilter = std::function<bool(const QJsonValue& subscribeParams, const QJsonValue& payload)>;

// --- parameters ----------------------------------------------------------------------------------
// One rule for every method: a parameter that must be an integer in [lo, hi] is a JSON number that
// is an exact integer (at most 2^53, the last one a double holds exactly) or a 0x-hex quantity, and
// it is range-checked before any conversion (casting a double such as 1e300 or -1 to an integer is
// undefined behaviour). An absent or null parameter takes `absent` when given, else it is an error.
// The failure is an invalid-params error naming `name` and the range.
std::variant<std::uint64_t, RpcFailure> integerParam(const QJsonValue& value, std::uint64_t lo, std::uint64_t hi,
                                                     const QString& name,
                                                     std::optional<std::uint64_t> absent = std::nullopt);

struct RpcLimits {
    qint64 maxBodyBytes = 1 << 20;
    int maxHeaderBytes = 16 * 1024;
    int maxBatchCalls = 100;
    qint64 maxFrameBytes = 1 << 20;
    // The most one answer, or all answers of one batch together, may take: what a client may
    // leave unread (maxUnsentBytes). A full 10,000-transfer block with its transactions is ~8 MB.
    // Past it the call is answered -32005 and a batch's remaining calls are not run, so one
    // request cannot make the node build and buffer hundreds of megabytes.
    qint64 maxAnswerBytes = 16 << 20;
    // Answers and notifications a client has not read yet: past this an HTTP connection is not
    // read from (and dropped if it still does not read) and a WebSocket client is dropped.
    qint64 maxUnsentBytes = 16 << 20;
    int requestTimeoutMs = 10000;  // a started request must be complete within this (slowloris)
    // A new connection must start its first request within this. Real clients send at once; a
    // socket opened and left idle only holds a slot (1,000 of them locked the wallet out).
    int firstRequestTimeoutMs = 5000;
    // A keep-alive connection without a request is closed after this; a WebSocket without
    // subscriptions that sends nothing is closed, one with subscriptions is pinged and dropped if
    // it has not answered the previous ping (a peer that is gone or stopped reading).
    int idleTimeoutMs = 120000;
    // Every connection holds a file descriptor (the limit is also kept below RLIMIT_NOFILE). At the
    // limit the connection idle the longest (nothing owed to it) is closed for the newcomer, so
    // idle sockets cannot lock real clients out; only when none is idle is the newcomer refused.
    int maxConnections = 1000;
    // Per peer address, so one remote host cannot hold every slot. Loopback clients (wallet, CLI,
    // anything local) share one address: the same make-room rule keeps them served.
    int maxConnectionsPerClient = 128;
    // WebSockets live long by design and are never closed to make room: at most half of either
    // limit can be WebSockets, so HTTP clients always find a slot.
    int maxSubscriptionsPerSocket = 100;      // the app uses four
    int maxSubscriptions = 10000;             // in total: every published event walks them all
    qint64 maxSubscriptionParamBytes = 1024;  // an address filter is ~50 bytes
};

// Who may call from a browser (docs/RPC.md §4). A web page can make a browser send requests to
// 127.0.0.1, and with DNS rebinding read the answers: requests must name an allowed Host and, when
// they carry an Origin (browsers always send one, cast/curl/ethers in node never do), an allowed one.
struct RpcAccess {
    // Host names served besides localhost, 127.0.0.1, ::1 and the bound address; "*" allows any.
    QStringList allowedHosts;
    // Origins (scheme://host[:port]) whose pages may call; "*" allows any page.
    QStringList corsOrigins;
};

class RpcServer : public QObject {
    Q_OBJECT
public:
    explicit RpcServer(QObject* parent = nullptr, RpcLimits limits = {}, RpcAccess access = {});
    ~RpcServer() override;

    void setAccess(const RpcAccess& access);
    // port 0: any free port. A specific address (not 0.0.0.0 or ::) is also an allowed Host.
    Status listen(const QHostAddress& address, quint16 port);
    quint16 port() const;
    void close();

    void registerMethod(const QString& name, RpcHandler handler);
    RpcHandler handler(const QString& name) const { return m_methods.value(name); }  // empty if none
    void registerSyncMethod(const QString& name, RpcSyncHandler handler);
    bool hasMethod(const QString& name) const;

    // Named streams for eth_subscribe(name, ...). "newHeads" is a stream like any other.
    void registerStream(const QString& name, StreamFilter filter = {});
    // Sends `payload` to every subscriber of `stream` as an eth_subscription notification.
    void publish(const QString& stream, const QJsonValue& payload);

    // Answers a JSON-RPC payload (one call or a batch) as the body of an HTTP POST is answered,
    // without a connection: `done` receives the reply bytes once (empty when only notifications
    // were sent), possibly later (eth_sendRawTransaction). For in-process callers and fuzz/jsonrpc.cpp.
    void dispatch(const QByteArray& payload, std::function<void(QByteArray)> done);

    int connectionCount() const;  // HTTP connections, WebSockets and upgrades in between
    int subscriptionCount() const;

signals:
    void listening(quint16 port);

private:
    class HttpConnection;
    struct WsClient;
    friend class HttpConnection;

    void onNewConnection();
    // Room for one more connection from `peer`, closing the connection idle the longest when a
    // limit is reached; false when there is none to close.
    bool admit(const QHostAddress& peer);
    bool closeLongestIdle(const QHostAddress* peer);
    int connectionsFrom(const QHostAddress& peer, bool webSocketsOnly = false) const;
    bool webSocketAllowed(const QHostAddress& peer) const;
    void upgradeToWebSocket(QTcpSocket* socket);
    void onWebSocket();
    void onWsMessage(QWebSocket* socket, const QString& message);
    void onWsIdle(QWebSocket* socket);
    // Sends unless the client has stopped reading; such a client is dropped.
    void sendToWs(QWebSocket* socket, const QString& text);
    void dropWs(QWebSocket* socket);
    void removeWsClient(QWebSocket* socket);
    // Parses and dispatches a JSON-RPC payload (single or batch); `done` receives the reply bytes
    // (empty when only notifications were sent).
    void dispatchPayload(const QByteArray& payload, QWebSocket* ws, std::function<void(QByteArray)> done);
    void dispatchCall(const QJsonValue& call, QWebSocket* ws, std::function<void(QJsonValue)> done);
    RpcOutcome subscribe(QWebSocket* ws, const QJsonValue& params);
    RpcOutcome unsubscribe(QWebSocket* ws, const QJsonValue& params);

    RpcLimits m_limits;
    quint64 m_idleOrder = 0;   // stamps connections as they become idle: the lowest is idle longest
    HttpAccessRules m_access;  // Host and Origin headers served (with the bound address)
    QTcpServer* m_tcp = nullptr;
    QWebSocketServer* m_ws = nullptr;
    QHash<QString, RpcHandler> m_methods;
    QHash<QString, StreamFilter> m_streams;
    QSet<HttpConnection*> m_connections;
    QSet<QTcpSocket*> m_upgrading;  // handed to QWebSocketServer, handshake not done yet
    QHash<QWebSocket*, std::shared_ptr<WsClient>> m_wsClients;
    int m_subscriptions = 0;
    quint64 m_nextSubscription = 1;
};

}  // namespace sluice::node
