// SPDX-License-Identifier: MIT
#include "node/rpc/rpcserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <deque>

namespace sluice::node {

// --- RpcResponder ------------------------------------------------------------------------------

struct RpcResponder::State {
    Sink sink;
    bool answered = false;
};

RpcResponder::RpcResponder(Sink sink) : m_state(std::make_shared<State>()) { m_state->sink = std::move(sink); }

void RpcResponder::answer(RpcOutcome outcome) const {
    if (m_state->answered) return;
    m_state->answered = true;
    auto sink = std::move(m_state->sink);
    if (sink) sink(std::move(outcome));
}
void RpcResponder::result(const QJsonValue& value) const { answer(value); }
void RpcResponder::error(int code, const QString& message, const QJsonValue& data) const {
    answer(RpcFailure{code, message, data});
}

namespace {

QJsonObject errorObject(const QJsonValue& id, int code, const QString& message, const QJsonValue& data = QJsonValue::Undefined) {
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isUndefined()) error.insert(QStringLiteral("data"), data);
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id}, {QStringLiteral("error"), error}};
}

QJsonObject responseObject(const QJsonValue& id, const RpcOutcome& outcome) {
    if (const auto* failure = std::get_if<RpcFailure>(&outcome))
        return errorObject(id, failure->code, failure->message, failure->data);
    QJsonValue result = std::get<QJsonValue>(outcome);
    if (result.isUndefined()) result = QJsonValue::Null;
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), id}, {QStringLiteral("result"), result}};
}

QByteArray compact(const QJsonValue& v) {
    if (v.isArray()) return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

}  // namespace

// --- HTTP connection ---------------------------------------------------------------------------

// Requests on a keep-alive connection are pipelined (HTTP/1.1 §9.3.2): the next request is parsed
// and dispatched while earlier ones still wait for their answer (eth_sendRawTransaction answers
// only after the group commit), and the answers are written in request order, as many as are
// ready in one socket write. Without this a connection carries one transaction per commit.
class RpcServer::HttpConnection : public QObject {
public:
    HttpConnection(RpcServer* server, QTcpSocket* socket) : QObject(server), m_server(server), m_socket(socket) {
        socket->setParent(this);
        // Requests a backlogged connection does not take yet stay in the kernel (TCP back-pressure
        // on the client) rather than in an unbounded Qt buffer.
        socket->setReadBufferSize(std::max<qint64>(4 << 20, 2 * (server->m_limits.maxBodyBytes + server->m_limits.maxHeaderBytes)));
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { drop(); });
        connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, [this] { resumeIfBacklogCleared(); });
        connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::drop);
        connect(socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) { drop(); });
        armIdle();
    }

    void drop() {
        if (m_dropped) return;
        m_dropped = true;
        m_timer.stop();
        m_server->m_connections.remove(this);
        m_socket->disconnect(this);
        m_socket->abort();
        deleteLater();
    }

private:
    enum class Phase { header, body, closing };

    // Answers in flight on one connection are bounded; beyond this the connection is not read
    // until answers have gone out (TCP back-pressure on the client).
    static constexpr std::size_t kMaxInFlight = 4096;
    // Likewise for answers the client has not read yet (a client that pipelines without reading).
    static constexpr qint64 kMaxUnsentBytes = 16 << 20;

    bool backlogged() const {
        return m_slots.size() >= kMaxInFlight || m_slotBytes + m_socket->bytesToWrite() >= kMaxUnsentBytes;
    }

    struct Slot {
        QByteArray bytes;  // the whole HTTP response once ready
        bool ready = false;
        bool close = false;
    };

    void armIdle() { m_timer.start(m_server->m_limits.idleTimeoutMs); }
    void armRequest() { m_timer.start(m_server->m_limits.requestTimeoutMs); }

    // Deadlines: a started request must complete within requestTimeoutMs; a connection with
    // nothing started and nothing owed idles out after idleTimeoutMs; while only the server owes
    // answers no client deadline runs.
    void rearm() {
        if (m_dropped) return;
        if (backlogged()) {  // we are not reading: no request deadline for the client ...
            m_timerIsRequest = false;
            // ... but one that does not read its answers must within the request deadline
            if (m_socket->bytesToWrite() >= kMaxUnsentBytes / 2) {
                if (!m_timer.isActive()) armRequest();
            } else {
                m_timer.stop();
            }
            return;
        }
        if (m_phase == Phase::body || (m_phase == Phase::header && m_socket->bytesAvailable() > 0)) {
            if (!m_timerIsRequest) {
                m_timerIsRequest = true;
                armRequest();
            }
            return;
        }
        m_timerIsRequest = false;
        if (m_slots.empty()) armIdle();
        else m_timer.stop();
    }

    void onReadyRead() {
        if (m_dropped) return;
        process();
    }

    void process() {
        while (!m_dropped && m_phase != Phase::closing && !backlogged()) {
            if (m_phase == Phase::header) {
                if (!readHeader()) break;
            }
            if (m_phase == Phase::body) {
                const qint64 need = m_contentLength - m_body.size();
                if (need > 0) m_body += m_socket->read(need);
                if (m_body.size() < m_contentLength) break;
                m_phase = Phase::header;
                m_timerIsRequest = false;
                QByteArray body;
                body.swap(m_body);
                dispatch(body);
            }
        }
        rearm();
    }

    // True when a complete header was consumed (and the phase moved on).
    bool readHeader() {
        const int limit = m_server->m_limits.maxHeaderBytes;
        const QByteArray peek = m_socket->peek(limit + 4);
        if (peek.isEmpty()) return false;
        const qsizetype end = peek.indexOf("\r\n\r\n");
        if (end < 0) {
            if (peek.size() > limit) fail(431, "Request Header Fields Too Large", rpc_error::tooLarge, "request header too large");
            return false;
        }
        const QByteArray head = peek.left(end);
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            fail(400, "Bad Request", rpc_error::invalidRequest, "malformed HTTP request line");
            return false;
        }
        const QByteArray method = requestLine[0];
        m_keepAlive = requestLine[2] == "HTTP/1.1";
        qint64 contentLength = -1;
        bool upgrade = false;
        bool chunked = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                fail(400, "Bad Request", rpc_error::invalidRequest, "malformed HTTP header line");
                return false;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length") {
                bool ok = false;
                const qint64 v = value.toLongLong(&ok);
                if (!ok || v < 0 || (contentLength >= 0 && contentLength != v)) {
                    fail(400, "Bad Request", rpc_error::invalidRequest, "invalid Content-Length");
                    return false;
                }
                contentLength = v;
            } else if (name == "transfer-encoding") {
                chunked = true;
            } else if (name == "connection") {
                const QByteArray v = value.toLower();
                if (v.contains("close")) m_keepAlive = false;
                if (v.contains("keep-alive")) m_keepAlive = true;
                if (v.contains("upgrade")) upgrade = true;
            } else if (name == "upgrade") {
                if (value.toLower() != "websocket") upgrade = false;
            }
        }
        if (upgrade && method == "GET" && !m_servedAny && m_slots.empty()) {
            // Hand the socket over with the upgrade request still unread: QWebSocketServer
            // reads and answers the handshake itself.
            m_dropped = true;
            m_timer.stop();
            m_server->m_connections.remove(this);
            m_socket->disconnect(this);
            QTcpSocket* socket = m_socket;
            socket->setParent(nullptr);
            m_server->upgradeToWebSocket(socket);
            deleteLater();
            return false;
        }
        if (method != "POST") {
            fail(405, "Method Not Allowed", rpc_error::invalidRequest, "JSON-RPC requests are HTTP POSTs");
            return false;
        }
        if (chunked) {
            fail(411, "Length Required", rpc_error::invalidRequest, "chunked bodies are not accepted; send Content-Length");
            return false;
        }
        if (contentLength < 0) {
            fail(411, "Length Required", rpc_error::invalidRequest, "Content-Length is required");
            return false;
        }
        if (contentLength > m_server->m_limits.maxBodyBytes) {
            fail(413, "Payload Too Large", rpc_error::tooLarge,
                 QStringLiteral("request body of %1 bytes exceeds the limit of %2 bytes").arg(contentLength).arg(m_server->m_limits.maxBodyBytes));
            return false;
        }
        m_socket->skip(end + 4);
        m_contentLength = contentLength;
        m_body.clear();
        m_phase = Phase::body;
        if (!m_timerIsRequest) {
            m_timerIsRequest = true;
            armRequest();
        }
        return true;
    }

    void dispatch(const QByteArray& body) {
        const bool close = !m_keepAlive;
        if (close) m_phase = Phase::closing;  // nothing after a "Connection: close" request is read
        m_slots.push_back(Slot{});
        const std::uint64_t seq = m_nextSeq++;
        QPointer<HttpConnection> self(this);
        m_server->dispatchPayload(body, nullptr, [self, seq, close](QByteArray reply) {
            if (!self) return;
            self->complete(seq, reply.isEmpty() ? 204 : 200, reply.isEmpty() ? "No Content" : "OK", reply, close);
        });
    }

    static QByteArray httpResponse(int status, const char* reason, const QByteArray& body, bool keep) {
        QByteArray out;
        out.reserve(body.size() + 128);
        out += "HTTP/1.1 ";
        out += QByteArray::number(status);
        out += ' ';
        out += reason;
        out += "\r\n";
        if (!body.isEmpty()) out += "Content-Type: application/json\r\n";
        out += "Content-Length: ";
        out += QByteArray::number(body.size());
        out += keep ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
        out += body;
        return out;
    }

    void complete(std::uint64_t seq, int status, const char* reason, const QByteArray& body, bool close) {
        if (m_dropped) return;
        const std::uint64_t first = m_nextSeq - m_slots.size();
        if (seq < first || seq >= m_nextSeq) return;
        Slot& slot = m_slots[std::size_t(seq - first)];
        if (slot.ready) return;
        slot.bytes = httpResponse(status, reason, body, !close);
        m_slotBytes += slot.bytes.size();
        slot.ready = true;
        slot.close = close;
        flush();
    }

    // Writes the ready answers at the head of the queue, in order, with one socket write.
    void flush() {
        if (m_dropped) return;
        QByteArray out;
        bool close = false;
        while (!m_slots.empty() && m_slots.front().ready && !close) {
            Slot& s = m_slots.front();
            m_slotBytes -= s.bytes.size();
            if (out.isEmpty()) out.swap(s.bytes);
            else out += s.bytes;
            close = s.close;
            m_slots.pop_front();
        }
        if (out.isEmpty()) return;
        m_socket->write(out);
        m_servedAny = true;
        if (close) {
            closeAfterWrite();
            return;
        }
        resumeIfBacklogCleared();
        rearm();
    }

    // Reading stopped on a backlog and requests are waiting: go on once the backlog is gone.
    void resumeIfBacklogCleared() {
        if (m_dropped || backlogged() || m_phase == Phase::closing || m_socket->bytesAvailable() == 0 || m_resumePosted) return;
        m_resumePosted = true;
        QPointer<HttpConnection> self(this);
        QMetaObject::invokeMethod(this, [self] {
            if (!self) return;
            self->m_resumePosted = false;
            self->process();
        }, Qt::QueuedConnection);
    }

    void closeAfterWrite() {
        m_dropped = true;
        m_timer.stop();
        m_slots.clear();
        m_server->m_connections.remove(this);
        m_socket->disconnect(this);
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0) m_socket->disconnectFromHost();
        });
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
        QTimer::singleShot(5000, this, &QObject::deleteLater);  // a peer that never reads
        if (m_socket->bytesToWrite() == 0) m_socket->disconnectFromHost();
    }

    // An HTTP-level refusal, with a JSON-RPC error body, then close: the rest of the stream
    // cannot be trusted to be framed. It goes out after the answers still owed, in order.
    void fail(int status, const char* reason, int code, const QString& message) {
        m_phase = Phase::closing;
        m_slots.push_back(Slot{httpResponse(status, reason, compact(errorObject(QJsonValue::Null, code, message)), false), true, true});
        ++m_nextSeq;
        flush();
    }

    RpcServer* m_server;
    QTcpSocket* m_socket;
    QTimer m_timer;
    Phase m_phase = Phase::header;
    bool m_timerIsRequest = false;
    bool m_keepAlive = true;
    bool m_servedAny = false;
    bool m_dropped = false;
    qint64 m_contentLength = 0;
    QByteArray m_body;
    std::deque<Slot> m_slots;      // answers owed, in request order
    qint64 m_slotBytes = 0;        // bytes of ready answers still queued behind an unready one
    bool m_resumePosted = false;
    std::uint64_t m_nextSeq = 0;   // sequence number of the next request
};

// --- WebSocket clients --------------------------------------------------------------------------

struct RpcServer::WsClient {
    struct Subscription {
        QString stream;
        QJsonValue params;
    };
    QHash<QString, Subscription> subscriptions;
};

// --- server ------------------------------------------------------------------------------------

RpcServer::RpcServer(QObject* parent, RpcLimits limits) : QObject(parent), m_limits(limits) {
    m_tcp = new QTcpServer(this);
    m_tcp->setMaxPendingConnections(128);
    connect(m_tcp, &QTcpServer::newConnection, this, &RpcServer::onNewConnection);
    m_ws = new QWebSocketServer(QStringLiteral("sluiced"), QWebSocketServer::NonSecureMode, this);
    m_ws->setHandshakeTimeout(m_limits.requestTimeoutMs);
    connect(m_ws, &QWebSocketServer::newConnection, this, &RpcServer::onWebSocket);
    registerStream(QStringLiteral("newHeads"));
}

RpcServer::~RpcServer() { close(); }

Status RpcServer::listen(const QHostAddress& address, quint16 port) {
    if (!m_tcp->listen(address, port))
        return make_error("cannot listen on " + address.toString().toStdString() + ":" + std::to_string(port) + ": " +
                          m_tcp->errorString().toStdString());
    emit listening(m_tcp->serverPort());
    return {};
}

quint16 RpcServer::port() const { return m_tcp->serverPort(); }

void RpcServer::close() {
    m_tcp->close();
    const auto connections = m_connections;
    for (auto* c : connections) c->drop();
    const auto sockets = m_wsClients.keys();
    m_wsClients.clear();
    for (auto* s : sockets) {
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
}

void RpcServer::registerMethod(const QString& name, RpcHandler handler) { m_methods.insert(name, std::move(handler)); }

void RpcServer::registerSyncMethod(const QString& name, RpcSyncHandler handler) {
    m_methods.insert(name, [handler = std::move(handler)](const QJsonValue& params, RpcResponder respond) {
        respond.answer(handler(params));
    });
}

bool RpcServer::hasMethod(const QString& name) const { return m_methods.contains(name); }

void RpcServer::registerStream(const QString& name, StreamFilter filter) { m_streams.insert(name, std::move(filter)); }

int RpcServer::connectionCount() const { return int(m_connections.size() + m_wsClients.size()); }

int RpcServer::subscriptionCount() const {
    int n = 0;
    for (const auto& c : m_wsClients) n += int(c->subscriptions.size());
    return n;
}

void RpcServer::onNewConnection() {
    while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
        if (connectionCount() >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.insert(new HttpConnection(this, socket));
    }
}

void RpcServer::upgradeToWebSocket(QTcpSocket* socket) { m_ws->handleConnection(socket); }

void RpcServer::onWebSocket() {
    while (QWebSocket* socket = m_ws->nextPendingConnection()) {
        if (connectionCount() >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxFrameBytes));
        m_wsClients.insert(socket, std::make_shared<WsClient>());
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket](const QString& m) { onWsMessage(socket, m); });
        connect(socket, &QWebSocket::binaryMessageReceived, this,
                [this, socket](const QByteArray& m) { onWsMessage(socket, QString::fromUtf8(m)); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_wsClients.remove(socket);
            socket->deleteLater();
        });
    }
}

void RpcServer::onWsMessage(QWebSocket* socket, const QString& message) {
    QPointer<QWebSocket> guard(socket);
    dispatchPayload(message.toUtf8(), socket, [guard](QByteArray reply) {
        if (guard && !reply.isEmpty()) guard->sendTextMessage(QString::fromUtf8(reply));
    });
}

void RpcServer::dispatchPayload(const QByteArray& payload, QWebSocket* ws, std::function<void(QByteArray)> done) {
    if (payload.size() > m_limits.maxBodyBytes) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::tooLarge, QStringLiteral("request too large"))));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull()) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::parseError,
                                 QStringLiteral("parse error: %1 at offset %2").arg(error.errorString()).arg(error.offset))));
        return;
    }
    if (doc.isObject()) {
        dispatchCall(doc.object(), ws, [done](QJsonValue reply) { done(reply.isUndefined() ? QByteArray() : compact(reply)); });
        return;
    }
    const QJsonArray calls = doc.array();
    if (calls.isEmpty()) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::invalidRequest, QStringLiteral("empty batch"))));
        return;
    }
    if (calls.size() > m_limits.maxBatchCalls) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::tooLarge,
                                 QStringLiteral("batch of %1 calls exceeds the limit of %2").arg(calls.size()).arg(m_limits.maxBatchCalls))));
        return;
    }
    struct Pending {
        std::vector<QJsonValue> replies;
        qsizetype remaining = 0;
        std::function<void(QByteArray)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->replies.resize(std::size_t(calls.size()));
    pending->remaining = calls.size();
    pending->done = std::move(done);
    for (qsizetype i = 0; i < calls.size(); ++i) {
        dispatchCall(calls[i], ws, [pending, i](QJsonValue reply) {
            pending->replies[std::size_t(i)] = reply;
            if (--pending->remaining > 0) return;
            QJsonArray out;
            for (const auto& r : pending->replies)
                if (!r.isUndefined()) out.append(r);
            pending->done(out.isEmpty() ? QByteArray() : compact(out));
        });
    }
}

void RpcServer::dispatchCall(const QJsonValue& call, QWebSocket* ws, std::function<void(QJsonValue)> done) {
    if (!call.isObject()) {
        done(errorObject(QJsonValue::Null, rpc_error::invalidRequest, QStringLiteral("a call must be a JSON object")));
        return;
    }
    const QJsonObject object = call.toObject();
    const bool notification = !object.contains(QStringLiteral("id"));
    QJsonValue id = object.value(QStringLiteral("id"));
    if (!notification && !id.isString() && !id.isDouble() && !id.isNull()) {
        done(errorObject(QJsonValue::Null, rpc_error::invalidRequest, QStringLiteral("id must be a string, a number or null")));
        return;
    }
    if (notification) id = QJsonValue::Null;
    if (object.value(QStringLiteral("jsonrpc")) != QStringLiteral("2.0")) {
        done(errorObject(id, rpc_error::invalidRequest, QStringLiteral("\"jsonrpc\" must be \"2.0\"")));
        return;
    }
    const QJsonValue methodValue = object.value(QStringLiteral("method"));
    if (!methodValue.isString()) {
        done(errorObject(id, rpc_error::invalidRequest, QStringLiteral("\"method\" must be a string")));
        return;
    }
    const QString method = methodValue.toString();
    const QJsonValue params = object.value(QStringLiteral("params"));
    if (!params.isUndefined() && !params.isArray() && !params.isObject()) {
        done(errorObject(id, rpc_error::invalidParams, QStringLiteral("\"params\" must be an array or an object")));
        return;
    }
    auto finish = [done, id, notification](RpcOutcome outcome) {
        done(notification ? QJsonValue(QJsonValue::Undefined) : QJsonValue(responseObject(id, outcome)));
    };
    if (method == QLatin1String("eth_subscribe") || method == QLatin1String("eth_unsubscribe")) {
        if (!ws) {
            finish(RpcFailure{rpc_error::methodNotFound, QStringLiteral("%1 needs a WebSocket connection").arg(method)});
            return;
        }
        finish(method == QLatin1String("eth_subscribe") ? subscribe(ws, params) : unsubscribe(ws, params));
        return;
    }
    const auto it = m_methods.constFind(method);
    if (it == m_methods.constEnd()) {
        finish(RpcFailure{rpc_error::methodNotFound, QStringLiteral("the method %1 does not exist/is not available").arg(method)});
        return;
    }
    (*it)(params, RpcResponder(std::move(finish)));
}

RpcOutcome RpcServer::subscribe(QWebSocket* ws, const QJsonValue& params) {
    const QJsonArray args = params.toArray();
    if (args.isEmpty() || !args[0].isString()) return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [streamName, ...]")};
    const QString stream = args[0].toString();
    if (!m_streams.contains(stream)) return RpcFailure{rpc_error::invalidParams, QStringLiteral("unknown subscription %1").arg(stream)};
    auto client = m_wsClients.value(ws);
    if (!client) return RpcFailure{rpc_error::internalError, QStringLiteral("unknown WebSocket client")};
    if (client->subscriptions.size() >= m_limits.maxSubscriptionsPerSocket)
        return RpcFailure{rpc_error::tooLarge, QStringLiteral("too many subscriptions on this connection")};
    const QString id = QStringLiteral("0x%1").arg(m_nextSubscription++, 0, 16);
    client->subscriptions.insert(id, WsClient::Subscription{stream, args.size() > 1 ? args[1] : QJsonValue(QJsonValue::Undefined)});
    return QJsonValue(id);
}

RpcOutcome RpcServer::unsubscribe(QWebSocket* ws, const QJsonValue& params) {
    const QJsonArray args = params.toArray();
    if (args.isEmpty() || !args[0].isString()) return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [subscriptionId]")};
    auto client = m_wsClients.value(ws);
    return QJsonValue(client && client->subscriptions.remove(args[0].toString()) > 0);
}

void RpcServer::publish(const QString& stream, const QJsonValue& payload) {
    const auto filter = m_streams.value(stream);
    QByteArray message;  // built once, only if someone listens
    for (auto it = m_wsClients.cbegin(); it != m_wsClients.cend(); ++it) {
        for (auto sub = it.value()->subscriptions.cbegin(); sub != it.value()->subscriptions.cend(); ++sub) {
            if (sub->stream != stream) continue;
            if (filter && !filter(sub->params, payload)) continue;
            const QJsonObject note{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                   {QStringLiteral("method"), QStringLiteral("eth_subscription")},
                                   {QStringLiteral("params"), QJsonObject{{QStringLiteral("subscription"), sub.key()},
                                                                          {QStringLiteral("result"), payload}}}};
            it.key()->sendTextMessage(QString::fromUtf8(QJsonDocument(note).toJson(QJsonDocument::Compact)));
        }
    }
    Q_UNUSED(message);
}

}  // namespace sluice::node
