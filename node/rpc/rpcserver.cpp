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

#include <sys/resource.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <deque>

#include "core/common/uint256.hpp"

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

QJsonObject errorObject(const QJsonValue& id, int code, const QString& message,
                        const QJsonValue& data = QJsonValue::Undefined) {
    QJsonObject error{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!data.isUndefined()) error.insert(QStringLiteral("data"), data);
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("error"), error}};
}

QJsonObject responseObject(const QJsonValue& id, const RpcOutcome& outcome) {
    if (const auto* failure = std::get_if<RpcFailure>(&outcome))
        return errorObject(id, failure->code, failure->message, failure->data);
    QJsonValue result = std::get<QJsonValue>(outcome);
    if (result.isUndefined()) result = QJsonValue::Null;
    return QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("result"), result}};
}

QByteArray compact(const QJsonValue& v) {
    if (v.isArray()) return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

// What goes out instead of an answer that does not fit in RpcLimits::maxAnswerBytes.
QByteArray tooLargeAnswer(const QJsonValue& reply, const QString& why) {
    return compact(errorObject(reply.toObject().value(QStringLiteral("id")), rpc_error::tooLarge, why));
}

// Descriptors left for everything else the node holds open (database and WAL, L1 connections,
// anvil's pipes): past RLIMIT_NOFILE accept() fails and QTcpServer stops accepting for good.
constexpr int kReservedDescriptors = 64;

int descriptorBudget() {
    rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return INT_MAX;
    return int(std::min<rlim_t>(r.rlim_cur, INT_MAX)) - kReservedDescriptors;
}

}  // namespace

// --- parameters ---------------------------------------------------------------------------------

std::variant<std::uint64_t, RpcFailure> integerParam(const QJsonValue& value, std::uint64_t lo, std::uint64_t hi,
                                                     const QString& name, std::optional<std::uint64_t> absent) {
    auto invalid = [&] {
        return RpcFailure{rpc_error::invalidParams,
                          QStringLiteral("%1 must be an integer from %2 to %3 (a JSON number or a 0x quantity)")
                              .arg(name)
                              .arg(lo)
                              .arg(hi)};
    };
    if (value.isUndefined() || value.isNull()) {
        if (absent) return *absent;
        return invalid();
    }
    std::uint64_t n = 0;
    if (value.isDouble()) {
        constexpr double kLargestExact = 9007199254740992.0;  // 2^53
        const double d = value.toDouble();
        if (!(d >= 0 && d <= kLargestExact) || std::trunc(d) != d) return invalid();  // also NaN
        n = std::uint64_t(d);
    } else if (value.isString()) {
        const auto quantity = u256_from_hex(value.toString().toStdString());
        if (!quantity || *quantity > U256(hi)) return invalid();
        n = quantity->convert_to<std::uint64_t>();
    } else {
        return invalid();
    }
    if (n < lo || n > hi) return invalid();
    return n;
}

// --- HTTP connection ---------------------------------------------------------------------------

// Requests on a keep-alive connection are pipelined (HTTP/1.1 §9.3.2): the next request is parsed
// and dispatched while earlier ones still wait for their answer (eth_sendRawTransaction answers
// only after the group commit), and the answers are written in request order, as many as are
// ready in one socket write. Without this a connection carries one transaction per commit.
class RpcServer::HttpConnection : public QObject {
public:
    HttpConnection(RpcServer* server, QTcpSocket* socket)
        : QObject(server),
          m_server(server),
          m_socket(socket),
          m_peer(socket->peerAddress()),
          m_since(++server->m_idleOrder),
          m_reader(HttpLimits{server->m_limits.maxHeaderBytes, server->m_limits.maxBodyBytes}, &server->m_access) {
        socket->setParent(this);
        // Requests a backlogged connection does not take yet stay in the kernel (TCP back-pressure
        // on the client) rather than in an unbounded Qt buffer.
        socket->setReadBufferSize(
            std::max<qint64>(4 << 20, 2 * (server->m_limits.maxBodyBytes + server->m_limits.maxHeaderBytes)));
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

    const QHostAddress& peer() const { return m_peer; }
    // Nothing owed to the client and no answer pending: closing it to make room loses no work
    // (at most a request it has only begun to send). `since` orders such connections.
    bool idle() const { return !m_dropped && m_slots.empty() && m_phase != Phase::closing; }
    quint64 since() const { return m_since; }

private:
    enum class Phase { reading, closing };

    // Answers in flight on one connection are bounded; beyond this the connection is not read
    // until answers have gone out (TCP back-pressure on the client). Likewise for answers the
    // client has not read yet (RpcLimits::maxUnsentBytes: a client that pipelines without reading).
    static constexpr std::size_t kMaxInFlight = 4096;

    qint64 maxUnsent() const { return m_server->m_limits.maxUnsentBytes; }
    bool backlogged() const {
        return m_slots.size() >= kMaxInFlight || m_slotBytes + m_socket->bytesToWrite() >= maxUnsent();
    }

    struct Slot {
        QByteArray bytes;  // the whole HTTP response once ready
        bool ready = false;
        bool close = false;
    };

    // Until it has been answered once a connection gets the short first-request deadline.
    void armIdle() {
        m_timer.start(m_servedAny ? m_server->m_limits.idleTimeoutMs : m_server->m_limits.firstRequestTimeoutMs);
    }
    void armRequest() { m_timer.start(m_server->m_limits.requestTimeoutMs); }

    // Deadlines: a started request must complete within requestTimeoutMs; a connection with
    // nothing started and nothing owed idles out after idleTimeoutMs; while only the server owes
    // answers no client deadline runs.
    void rearm() {
        if (m_dropped) return;
        if (backlogged()) {  // we are not reading: no request deadline for the client ...
            m_timerIsRequest = false;
            // ... but one that does not read its answers must within the request deadline
            if (m_socket->bytesToWrite() >= maxUnsent() / 2) {
                if (!m_timer.isActive()) armRequest();
            } else {
                m_timer.stop();
            }
            return;
        }
        if (m_phase == Phase::reading && (m_reader.inBody() || m_socket->bytesAvailable() > 0)) {
            if (!m_timerIsRequest) {
                m_timerIsRequest = true;
                armRequest();
            }
            return;
        }
        m_timerIsRequest = false;
        if (m_slots.empty())
            armIdle();
        else
            m_timer.stop();
    }

    void onReadyRead() {
        if (m_dropped) return;
        process();
    }

    void process() {
        // A head is first looked for in the next kHeadPeek bytes, the whole head window only when
        // that is not enough: heads are a few hundred bytes, and peeking 16 KiB of pipelined calls
        // for each one copied the socket's buffer over and over.
        constexpr qint64 kHeadPeek = 2048;
        while (!m_dropped && m_phase != Phase::closing && !backlogged()) {
            const bool mayUpgrade = !m_servedAny && m_slots.empty();
            const qint64 wanted = m_reader.wanted();
            const bool head = !m_reader.inBody() && wanted > kHeadPeek;
            QByteArray unread = m_socket->peek(head ? kHeadPeek : wanted);
            HttpRequestReader::Step step = m_reader.next(unread, mayUpgrade);
            if (head && step.event == HttpRequestReader::Event::needMore && unread.size() == kHeadPeek) {
                unread = m_socket->peek(wanted);
                step = m_reader.next(unread, mayUpgrade);
            }
            if (step.consumed > 0) m_socket->skip(step.consumed);
            if (step.event == HttpRequestReader::Event::needMore) break;
            if (!takeStep(step)) break;
        }
        rearm();
    }

    // Acts on what the reader found; false when nothing more is read from this connection now.
    bool takeStep(const HttpRequestReader::Step& step) {
        using Event = HttpRequestReader::Event;
        const HttpRequestHead& head = m_reader.head();
        switch (step.event) {
        case Event::needMore: return false;
        case Event::refused:
            fail(step.refusal.status, step.refusal.reason, step.refusal.rpcCode, step.refusal.message);
            return false;
        case Event::upgrade: {
            if (!m_server->webSocketAllowed(m_peer)) {
                fail(503, "Service Unavailable", rpc_error::tooLarge,
                     "too many WebSocket connections; use HTTP or try again later");
                return false;
            }
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
        case Event::preflight:
            m_keepAlive = head.keepAlive;
            m_corsHeaders = corsHeaders(head);
            queueReady(httpResponse(204, "No Content", {}, m_keepAlive,
                                    m_corsHeaders + "Access-Control-Allow-Methods: POST\r\n"
                                                    "Access-Control-Allow-Headers: Content-Type\r\n"
                                                    "Access-Control-Max-Age: 600\r\n"),
                       !m_keepAlive);
            return true;
        case Event::headRead:
            m_keepAlive = head.keepAlive;
            m_corsHeaders = corsHeaders(head);
            if (!m_timerIsRequest) {
                m_timerIsRequest = true;
                armRequest();
            }
            return true;
        case Event::call:
            m_timerIsRequest = false;
            dispatch(step.body);
            return true;
        }
        return false;
    }

    // An allowed page may read the answers to this request.
    static QByteArray corsHeaders(const HttpRequestHead& head) {
        return head.origins == 1 ? "Access-Control-Allow-Origin: " + head.origin + "\r\nVary: Origin\r\n"
                                 : QByteArray();
    }

    void dispatch(const QByteArray& body) {
        const bool close = !m_keepAlive;
        if (close) m_phase = Phase::closing;  // nothing after a "Connection: close" request is read
        m_slots.push_back(Slot{});
        const std::uint64_t seq = m_nextSeq++;
        QPointer<HttpConnection> self(this);
        m_server->dispatchPayload(body, nullptr, [self, seq, close, cors = m_corsHeaders](QByteArray reply) {
            if (!self) return;
            self->complete(seq, reply.isEmpty() ? 204 : 200, reply.isEmpty() ? "No Content" : "OK", reply, close, cors);
        });
    }

    // `headers`: further header lines, each ending in CRLF.
    static QByteArray httpResponse(int status, const QByteArray& reason, const QByteArray& body, bool keep,
                                   const QByteArray& headers = {}) {
        QByteArray out;
        out.reserve(body.size() + headers.size() + 128);
        out += "HTTP/1.1 ";
        out += QByteArray::number(status);
        out += ' ';
        out += reason;
        out += "\r\n";
        out += headers;
        if (!body.isEmpty()) out += "Content-Type: application/json\r\n";
        out += "Content-Length: ";
        out += QByteArray::number(body.size());
        out += keep ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
        out += body;
        return out;
    }

    void complete(std::uint64_t seq, int status, const QByteArray& reason, const QByteArray& body, bool close,
                  const QByteArray& headers) {
        if (m_dropped) return;
        const std::uint64_t first = m_nextSeq - m_slots.size();
        if (seq < first || seq >= m_nextSeq) return;
        Slot& slot = m_slots[std::size_t(seq - first)];
        if (slot.ready) return;
        slot.bytes = httpResponse(status, reason, body, !close, headers);
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
            if (out.isEmpty())
                out.swap(s.bytes);
            else
                out += s.bytes;
            close = s.close;
            m_slots.pop_front();
        }
        if (out.isEmpty()) return;
        m_socket->write(out);
        m_servedAny = true;
        m_since = ++m_server->m_idleOrder;
        if (close) {
            closeAfterWrite();
            return;
        }
        resumeIfBacklogCleared();
        rearm();
    }

    // Reading stopped on a backlog and requests are waiting: go on once the backlog is gone.
    void resumeIfBacklogCleared() {
        if (m_dropped || backlogged() || m_phase == Phase::closing || m_socket->bytesAvailable() == 0 || m_resumePosted)
            return;
        m_resumePosted = true;
        QPointer<HttpConnection> self(this);
        QMetaObject::invokeMethod(
            this,
            [self] {
                if (!self) return;
                self->m_resumePosted = false;
                self->process();
            },
            Qt::QueuedConnection);
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
    void fail(int status, const QByteArray& reason, int code, const QString& message) {
        queueReady(httpResponse(status, reason, compact(errorObject(QJsonValue::Null, code, message)), false), true);
    }

    // A response known at once (no handler involved), queued behind the answers still owed.
    void queueReady(QByteArray response, bool close) {
        if (close) m_phase = Phase::closing;
        m_slots.push_back(Slot{std::move(response), true, close});
        ++m_nextSeq;
        flush();
    }

    RpcServer* m_server;
    QTcpSocket* m_socket;
    const QHostAddress m_peer;
    quint64 m_since;           // accepted or last answered (RpcServer::m_idleOrder)
    QByteArray m_corsHeaders;  // for the request being read: its Origin is allowed to read answers
    QTimer m_timer;
    HttpRequestReader m_reader;
    Phase m_phase = Phase::reading;
    bool m_timerIsRequest = false;
    bool m_keepAlive = true;
    bool m_servedAny = false;
    bool m_dropped = false;
    std::deque<Slot> m_slots;  // answers owed, in request order
    qint64 m_slotBytes = 0;    // bytes of ready answers still queued behind an unready one
    bool m_resumePosted = false;
    std::uint64_t m_nextSeq = 0;  // sequence number of the next request
};

// --- WebSocket clients --------------------------------------------------------------------------

struct RpcServer::WsClient {
    struct Subscription {
        QString stream;
        QJsonValue params;
    };
    QHash<QString, Subscription> subscriptions;
    QPointer<QTcpSocket> tcp;  // the upgraded connection: its unsent bytes show a client not reading
    QTimer* idle = nullptr;    // a child of the QWebSocket
    bool awaitingPong = false;
    bool dropping = false;  // dropped; the abort is on its way
};

// --- server ------------------------------------------------------------------------------------

RpcServer::RpcServer(QObject* parent, RpcLimits limits, RpcAccess access) : QObject(parent), m_limits(limits) {
    m_limits.maxConnections = std::max(1, std::min(m_limits.maxConnections, descriptorBudget()));
    setAccess(access);
    m_tcp = new QTcpServer(this);
    m_tcp->setMaxPendingConnections(128);
    // A burst of connections (1,000 idle sockets) must not fill the kernel's accept queue (Qt's
    // default is 50) so that a real client's SYN is dropped and retried only a second later.
    m_tcp->setListenBacklogSize(1024);
    connect(m_tcp, &QTcpServer::newConnection, this, &RpcServer::onNewConnection);
    // Any accept() failure but EAGAIN (no descriptor left, say) makes QTcpServer stop accepting
    // for good: free the slot idle the longest and accept again shortly.
    connect(m_tcp, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        closeLongestIdle(nullptr);
        QTimer::singleShot(100, m_tcp, [tcp = m_tcp] { tcp->resumeAccepting(); });
    });
    m_ws = new QWebSocketServer(QStringLiteral("sluiced"), QWebSocketServer::NonSecureMode, this);
    m_ws->setHandshakeTimeout(m_limits.requestTimeoutMs);
    connect(m_ws, &QWebSocketServer::newConnection, this, &RpcServer::onWebSocket);
    registerStream(QStringLiteral("newHeads"));
}

RpcServer::~RpcServer() { close(); }

void RpcServer::setAccess(const RpcAccess& access) { m_access.setAllowed(access.allowedHosts, access.corsOrigins); }

Status RpcServer::listen(const QHostAddress& address, quint16 port) {
    if (!m_tcp->listen(address, port))
        return make_error("cannot listen on " + address.toString().toStdString() + ":" + std::to_string(port) + ": " +
                          m_tcp->errorString().toStdString());
    const bool any =
        address == QHostAddress::Any || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6;
    m_access.setBoundHost(any ? QString() : address.toString());
    emit listening(m_tcp->serverPort());
    return {};
}

quint16 RpcServer::port() const { return m_tcp->serverPort(); }

void RpcServer::close() {
    m_tcp->close();
    const auto connections = m_connections;
    for (auto* c : connections) c->drop();
    const auto upgrading = m_upgrading;
    m_upgrading.clear();
    for (auto* s : upgrading) {
        s->abort();
        s->deleteLater();
    }
    const auto sockets = m_wsClients.keys();
    for (auto* s : sockets) {
        removeWsClient(s);
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

int RpcServer::connectionCount() const { return int(m_connections.size() + m_upgrading.size() + m_wsClients.size()); }

int RpcServer::subscriptionCount() const { return m_subscriptions; }

int RpcServer::connectionsFrom(const QHostAddress& peer, bool webSocketsOnly) const {
    int n = 0;
    if (!webSocketsOnly)
        for (const auto* c : m_connections) n += c->peer().isEqual(peer);
    for (const auto* s : m_upgrading) n += s->peerAddress().isEqual(peer);
    for (auto it = m_wsClients.cbegin(); it != m_wsClients.cend(); ++it) n += it.key()->peerAddress().isEqual(peer);
    return n;
}

bool RpcServer::webSocketAllowed(const QHostAddress& peer) const {
    return int(m_upgrading.size() + m_wsClients.size()) < m_limits.maxConnections / 2 &&
           connectionsFrom(peer, true) < m_limits.maxConnectionsPerClient / 2;
}

bool RpcServer::closeLongestIdle(const QHostAddress* peer) {
    HttpConnection* oldest = nullptr;
    for (auto* c : std::as_const(m_connections))
        if (c->idle() && (!peer || c->peer().isEqual(*peer)) && (!oldest || c->since() < oldest->since())) oldest = c;
    if (!oldest) return false;
    oldest->drop();
    return true;
}

bool RpcServer::admit(const QHostAddress& peer) {
    if (connectionsFrom(peer) >= m_limits.maxConnectionsPerClient && !closeLongestIdle(&peer)) return false;
    if (connectionCount() >= m_limits.maxConnections && !closeLongestIdle(nullptr)) return false;
    return true;
}

void RpcServer::onNewConnection() {
    while (QTcpSocket* socket = m_tcp->nextPendingConnection()) {
        if (!admit(socket->peerAddress())) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        m_connections.insert(new HttpConnection(this, socket));
    }
}

void RpcServer::upgradeToWebSocket(QTcpSocket* socket) {
    // The socket keeps its slot until QWebSocketServer hands back the QWebSocket, which must be
    // soon: the whole handshake request is already buffered.
    m_upgrading.insert(socket);
    connect(socket, &QObject::destroyed, this, [this, socket] { m_upgrading.remove(socket); });
    QTimer::singleShot(m_limits.requestTimeoutMs, socket, [this, socket] {
        if (m_upgrading.contains(socket)) socket->abort();
    });
    m_ws->handleConnection(socket);
}

void RpcServer::onWebSocket() {
    while (QWebSocket* socket = m_ws->nextPendingConnection()) {
        auto client = std::make_shared<WsClient>();
        // The QWebSocket wraps the QTcpSocket handed over in upgradeToWebSocket (same peer).
        for (QTcpSocket* tcp : std::as_const(m_upgrading)) {
            if (tcp->peerPort() == socket->peerPort() && tcp->peerAddress() == socket->peerAddress()) {
                client->tcp = tcp;
                m_upgrading.remove(tcp);
                break;
            }
        }
        socket->setParent(this);
        socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxFrameBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxFrameBytes));
        client->idle = new QTimer(socket);
        client->idle->setInterval(m_limits.idleTimeoutMs);
        connect(client->idle, &QTimer::timeout, this, [this, socket] { onWsIdle(socket); });
        client->idle->start();
        m_wsClients.insert(socket, client);
        auto heard = [this, socket] {  // the client is there and reading
            if (auto c = m_wsClients.value(socket)) {
                c->awaitingPong = false;
                c->idle->start();
            }
        };
        connect(socket, &QWebSocket::pong, this, heard);
        connect(socket, &QWebSocket::textMessageReceived, this, [this, socket, heard](const QString& m) {
            heard();
            onWsMessage(socket, m);
        });
        connect(socket, &QWebSocket::binaryMessageReceived, this, [this, socket, heard](const QByteArray& m) {
            heard();
            onWsMessage(socket, QString::fromUtf8(m));
        });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            removeWsClient(socket);
            socket->deleteLater();
        });
    }
}

// Nothing heard for idleTimeoutMs: a client without subscriptions has no reason to stay; one
// with subscriptions must answer a ping by the next tick, or it is gone or no longer reading.
void RpcServer::onWsIdle(QWebSocket* socket) {
    auto client = m_wsClients.value(socket);
    if (!client || client->dropping) return;
    if (client->subscriptions.isEmpty() || client->awaitingPong) {
        dropWs(socket);
        return;
    }
    client->awaitingPong = true;
    socket->ping();
}

void RpcServer::sendToWs(QWebSocket* socket, const QString& text) {
    auto client = m_wsClients.value(socket);
    if (!client || client->dropping) return;
    socket->sendTextMessage(text);
    if (client->tcp && client->tcp->bytesToWrite() > m_limits.maxUnsentBytes) dropWs(socket);
}

// Deferred: callers may be walking m_wsClients.
void RpcServer::dropWs(QWebSocket* socket) {
    if (auto client = m_wsClients.value(socket)) client->dropping = true;
    QMetaObject::invokeMethod(socket, &QWebSocket::abort, Qt::QueuedConnection);
}

void RpcServer::removeWsClient(QWebSocket* socket) {
    if (auto client = m_wsClients.take(socket)) m_subscriptions -= int(client->subscriptions.size());
}

void RpcServer::onWsMessage(QWebSocket* socket, const QString& message) {
    if (auto client = m_wsClients.value(socket); !client || client->dropping) return;  // its answers would not go out
    QPointer<QWebSocket> guard(socket);
    dispatchPayload(message.toUtf8(), socket, [this, guard](QByteArray reply) {
        if (guard && !reply.isEmpty()) sendToWs(guard, QString::fromUtf8(reply));
    });
}

void RpcServer::dispatch(const QByteArray& payload, std::function<void(QByteArray)> done) {
    dispatchPayload(payload, nullptr, std::move(done));
}

void RpcServer::dispatchPayload(const QByteArray& payload, QWebSocket* ws, std::function<void(QByteArray)> done) {
    if (payload.size() > m_limits.maxBodyBytes) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::tooLarge, QStringLiteral("request too large"))));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull()) {
        done(compact(
            errorObject(QJsonValue::Null, rpc_error::parseError,
                        QStringLiteral("parse error: %1 at offset %2").arg(error.errorString()).arg(error.offset))));
        return;
    }
    const qint64 limit = m_limits.maxAnswerBytes;
    if (doc.isObject()) {
        dispatchCall(doc.object(), ws, [done, limit](QJsonValue reply) {
            if (reply.isUndefined()) return done(QByteArray());
            const QByteArray bytes = compact(reply);
            done(bytes.size() <= limit
                     ? bytes
                     : tooLargeAnswer(reply,
                                      QStringLiteral("the answer (%1 bytes) exceeds the %2-byte limit; ask for less")
                                          .arg(bytes.size())
                                          .arg(limit)));
        });
        return;
    }
    const QJsonArray calls = doc.array();
    if (calls.isEmpty()) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::invalidRequest, QStringLiteral("empty batch"))));
        return;
    }
    if (calls.size() > m_limits.maxBatchCalls) {
        done(compact(errorObject(QJsonValue::Null, rpc_error::tooLarge,
                                 QStringLiteral("batch of %1 calls exceeds the limit of %2")
                                     .arg(calls.size())
                                     .arg(m_limits.maxBatchCalls))));
        return;
    }
    // The answers share one budget of maxAnswerBytes. They are kept as bytes, not JSON trees;
    // once one did not fit, the calls not yet run are refused instead of run.
    struct Pending {
        std::vector<QByteArray> replies;
        qsizetype remaining = 0;
        qint64 bytes = 0;
        bool exhausted = false;
        std::function<void(QByteArray)> done;
    };
    auto pending = std::make_shared<Pending>();
    pending->replies.resize(std::size_t(calls.size()));
    pending->remaining = calls.size();
    pending->done = std::move(done);
    const QString tooMuch = QStringLiteral("the batch's answers exceed the %1-byte limit; split the batch").arg(limit);
    auto store = [pending, limit, tooMuch](qsizetype i, const QJsonValue& reply) {
        if (!reply.isUndefined()) {
            QByteArray bytes = compact(reply);
            if (pending->bytes + bytes.size() > limit) {
                pending->exhausted = true;
                bytes = tooLargeAnswer(reply, tooMuch);
            }
            pending->bytes += bytes.size();
            pending->replies[std::size_t(i)] = std::move(bytes);
        }
        if (--pending->remaining > 0) return;
        QByteArray out = "[";
        for (const auto& r : pending->replies) {
            if (r.isEmpty()) continue;
            if (out.size() > 1) out += ',';
            out += r;
        }
        pending->done(out.size() > 1 ? out + ']' : QByteArray());
    };
    for (qsizetype i = 0; i < calls.size(); ++i) {
        if (pending->exhausted) {  // not run: its answer could not go out anyway
            const QJsonObject call = calls[i].toObject();
            const QJsonValue id = call.value(QStringLiteral("id"));
            const bool notification = calls[i].isObject() && !call.contains(QStringLiteral("id"));
            store(i, notification ? QJsonValue(QJsonValue::Undefined)
                                  : QJsonValue(errorObject(id.isString() || id.isDouble() ? id : QJsonValue(),
                                                           rpc_error::tooLarge, tooMuch)));
            continue;
        }
        dispatchCall(calls[i], ws, [store, i](QJsonValue reply) { store(i, reply); });
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
        done(errorObject(QJsonValue::Null, rpc_error::invalidRequest,
                         QStringLiteral("id must be a string, a number or null")));
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
            finish(
                RpcFailure{rpc_error::methodNotFound, QStringLiteral("%1 needs a WebSocket connection").arg(method)});
            return;
        }
        finish(method == QLatin1String("eth_subscribe") ? subscribe(ws, params) : unsubscribe(ws, params));
        return;
    }
    const auto it = m_methods.constFind(method);
    if (it == m_methods.constEnd()) {
        finish(RpcFailure{rpc_error::methodNotFound,
                          QStringLiteral("the method %1 does not exist/is not available").arg(method)});
        return;
    }
    (*it)(params, RpcResponder(std::move(finish)));
}

// The params after the stream name are kept for the subscription's life and handed to the
// stream's filter, so they are bounded here: at most one (a filter), of at most
// maxSubscriptionParamBytes; and so is the number of subscriptions, per connection and in total.
RpcOutcome RpcServer::subscribe(QWebSocket* ws, const QJsonValue& params) {
    const QJsonArray args = params.toArray();
    if (args.isEmpty() || args.size() > 2 || !args[0].isString())
        return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [streamName] or [streamName, filter]")};
    const QString stream = args[0].toString();
    if (!m_streams.contains(stream))
        return RpcFailure{rpc_error::invalidParams, QStringLiteral("unknown subscription %1").arg(stream.left(64))};
    const QJsonValue filter = args.size() > 1 ? args[1] : QJsonValue(QJsonValue::Undefined);
    if (!filter.isUndefined() && compact(QJsonArray{filter}).size() - 2 > m_limits.maxSubscriptionParamBytes)
        return RpcFailure{
            rpc_error::invalidParams,
            QStringLiteral("the subscription filter exceeds %1 bytes").arg(m_limits.maxSubscriptionParamBytes)};
    auto client = m_wsClients.value(ws);
    if (!client) return RpcFailure{rpc_error::internalError, QStringLiteral("unknown WebSocket client")};
    if (client->subscriptions.size() >= m_limits.maxSubscriptionsPerSocket)
        return RpcFailure{
            rpc_error::tooLarge,
            QStringLiteral("at most %1 subscriptions per connection").arg(m_limits.maxSubscriptionsPerSocket)};
    if (m_subscriptions >= m_limits.maxSubscriptions)
        return RpcFailure{
            rpc_error::tooLarge,
            QStringLiteral("the node serves at most %1 subscriptions; try again later").arg(m_limits.maxSubscriptions)};
    const QString id = QStringLiteral("0x%1").arg(m_nextSubscription++, 0, 16);
    client->subscriptions.insert(id, WsClient::Subscription{stream, filter});
    ++m_subscriptions;
    return QJsonValue(id);
}

RpcOutcome RpcServer::unsubscribe(QWebSocket* ws, const QJsonValue& params) {
    const QJsonArray args = params.toArray();
    if (args.size() != 1 || !args[0].isString())
        return RpcFailure{rpc_error::invalidParams, QStringLiteral("expected [subscriptionId]")};
    auto client = m_wsClients.value(ws);
    const bool removed = client && client->subscriptions.remove(args[0].toString()) > 0;
    if (removed) --m_subscriptions;
    return QJsonValue(removed);
}

void RpcServer::publish(const QString& stream, const QJsonValue& payload) {
    const auto filter = m_streams.value(stream);
    for (auto it = m_wsClients.cbegin(); it != m_wsClients.cend(); ++it) {
        for (auto sub = it.value()->subscriptions.cbegin(); sub != it.value()->subscriptions.cend(); ++sub) {
            if (sub->stream != stream) continue;
            if (filter && !filter(sub->params, payload)) continue;
            const QJsonObject note{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                   {QStringLiteral("method"), QStringLiteral("eth_subscription")},
                                   {QStringLiteral("params"), QJsonObject{{QStringLiteral("subscription"), sub.key()},
                                                                          {QStringLiteral("result"), payload}}}};
            sendToWs(it.key(), QString::fromUtf8(QJsonDocument(note).toJson(QJsonDocument::Compact)));
        }
    }
}

}  // namespace sluice::node
