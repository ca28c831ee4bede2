// SPDX-License-Identifier: MIT
#include "services/rpc/heads_subscription.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"

namespace sluice {

namespace {
constexpr std::chrono::milliseconds kInitialBackoff{1000};
constexpr std::chrono::milliseconds kMaxBackoff{30000};
constexpr int kSubscribeId = 1;
}  // namespace

HeadsSubscription::HeadsSubscription(QUrl webSocketUrl, RpcClient* httpFallback, QObject* parent)
    : QObject(parent),
      m_webSocketUrl(std::move(webSocketUrl)),
      m_http(httpFallback),
      m_pollTimer(new QTimer(this)),
      m_reconnectTimer(new QTimer(this)) {
    m_pollTimer->setInterval(std::chrono::milliseconds(2000));
    connect(m_pollTimer, &QTimer::timeout, this, &HeadsSubscription::poll);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &HeadsSubscription::connectWebSocket);
}

HeadsSubscription::~HeadsSubscription() { stop(); }

void HeadsSubscription::setPollInterval(std::chrono::milliseconds interval) { m_pollTimer->setInterval(interval); }

void HeadsSubscription::setMode(Mode mode) {
    if (m_mode == mode) return;
    m_mode = mode;
    emit modeChanged(mode);
}

void HeadsSubscription::start() {
    if (m_mode != Mode::Stopped) return;
    m_backoff = kInitialBackoff;
    if (m_webSocketUrl.isValid() && !m_webSocketUrl.isEmpty()) {
        connectWebSocket();
    } else if (m_http) {
        startPolling();
    }
}

void HeadsSubscription::stop() {
    m_reconnectTimer->stop();
    stopPolling();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_mode != Mode::Stopped) setMode(Mode::Stopped);
}

void HeadsSubscription::connectWebSocket() {
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    if (m_mode != Mode::Polling) setMode(Mode::Connecting);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        const QJsonObject request{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                  {QStringLiteral("id"), kSubscribeId},
                                  {QStringLiteral("method"), QStringLiteral("eth_subscribe")},
                                  {QStringLiteral("params"), QJsonArray{QStringLiteral("newHeads")}}};
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &HeadsSubscription::onTextMessage);
    // stateChanged rather than disconnected/error: a refused connection never "disconnects",
    // and 6.4 has no errorOccurred.
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state != QAbstractSocket::UnconnectedState || m_reconnectTimer->isActive()) return;
        emit connectionProblem(
            tr("no WebSocket to %1 (%2); following new blocks %3")
                .arg(m_webSocketUrl.toDisplayString(), m_socket ? m_socket->errorString() : QString(),
                     m_http ? tr("by polling until it reconnects") : tr("again when it reconnects")));
        scheduleReconnect();
    });
    m_socket->open(m_webSocketUrl);
}

void HeadsSubscription::scheduleReconnect() {
    if (m_mode == Mode::Stopped) return;
    if (m_http)
        startPolling();
    else
        setMode(Mode::Connecting);
    m_reconnectTimer->start(m_backoff);
    m_backoff = std::min(m_backoff * 2, kMaxBackoff);
}

void HeadsSubscription::onTextMessage(const QString& message) {
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8());
    if (!doc.isObject()) return;  // junk on the socket is ignored, not fatal
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("id")).toInt(-1) == kSubscribeId) {
        if (o.contains(QStringLiteral("error")) || !o.value(QStringLiteral("result")).isString()) {
            // The server speaks WebSocket but not eth_subscribe: poll for good.
            emit connectionProblem(tr("%1 does not support eth_subscribe newHeads; polling instead")
                                       .arg(m_webSocketUrl.toDisplayString()));
            m_socket->disconnect(this);
            m_socket->close();
            m_socket->deleteLater();
            m_socket = nullptr;
            if (m_http) startPolling();
            return;
        }
        m_backoff = kInitialBackoff;
        stopPolling();
        setMode(Mode::WebSocket);
        return;
    }
    if (o.value(QStringLiteral("method")).toString() != QLatin1String("eth_subscription")) return;
    const QJsonObject head = o.value(QStringLiteral("params")).toObject().value(QStringLiteral("result")).toObject();
    if (auto number = EthClient::parseQuantity64(head.value(QStringLiteral("number")))) report(*number);
}

void HeadsSubscription::startPolling() {
    if (!m_http) return;
    setMode(Mode::Polling);
    if (!m_pollTimer->isActive()) {
        m_pollTimer->start();
        poll();
    }
}

void HeadsSubscription::stopPolling() { m_pollTimer->stop(); }

void HeadsSubscription::poll() {
    if (!m_http || m_pollInFlight) return;
    m_pollInFlight = true;
    m_http->call(QStringLiteral("eth_blockNumber"), {}, this, [this](RpcReply reply) {
        m_pollInFlight = false;
        if (!reply.ok()) {
            emit connectionProblem(reply.error().message);
            return;
        }
        if (auto number = EthClient::parseQuantity64(reply.value())) report(*number);
    });
}

void HeadsSubscription::report(quint64 number) {
    if (m_haveLatest && number <= m_latest) return;
    m_haveLatest = true;
    m_latest = number;
    emit newHead(number);
}

}  // namespace sluice
