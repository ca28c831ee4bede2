// SPDX-License-Identifier: MIT
#pragma once
// Follows new blocks: `eth_subscribe newHeads` over a WebSocket, reconnecting with exponential
// backoff (1 s doubling to 30 s); while there is no WebSocket (no ws URL, or it cannot connect)
// it polls eth_blockNumber over HTTP every pollInterval instead. newHead is emitted once per
// new highest block number seen, whichever way it was learnt.

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>

class QTimer;
class QWebSocket;

namespace sluice {

class RpcClient;

class HeadsSubscription : public QObject {
    Q_OBJECT
public:
    enum class Mode { Stopped, Connecting, WebSocket, Polling };
    Q_ENUM(Mode)

    // webSocketUrl may be empty (poll only); httpFallback may be null (WebSocket only).
    HeadsSubscription(QUrl webSocketUrl, RpcClient* httpFallback, QObject* parent = nullptr);
    ~HeadsSubscription() override;

    void start();
    void stop();
    Mode mode() const { return m_mode; }
    quint64 latest() const { return m_latest; }
    void setPollInterval(std::chrono::milliseconds interval);

signals:
    void newHead(quint64 number);
    void modeChanged(sluice::HeadsSubscription::Mode mode);
    // Something worth showing (the WebSocket dropped, polling failed); the object keeps trying.
    void connectionProblem(const QString& message);

private:
    void setMode(Mode mode);
    void connectWebSocket();
    void scheduleReconnect();
    void startPolling();
    void stopPolling();
    void poll();
    void onTextMessage(const QString& message);
    void report(quint64 number);

    QUrl m_webSocketUrl;
    RpcClient* m_http;
    QWebSocket* m_socket = nullptr;
    QTimer* m_pollTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    std::chrono::milliseconds m_backoff{1000};
    Mode m_mode = Mode::Stopped;
    quint64 m_latest = 0;
    bool m_haveLatest = false;
    bool m_pollInFlight = false;
};

}  // namespace sluice
