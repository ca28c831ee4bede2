// SPDX-License-Identifier: MIT
#pragma once
// NetworkStatus: the L1 connection as the status bar shows it (endpoint, chain id, latest block,
// or why the node cannot be reached), and the new-head signal that drives balance refreshes.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

namespace sluice {
class RpcClient;
class EthClient;
class HeadsSubscription;
}  // namespace sluice

class NetworkStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext")
    Q_PROPERTY(QString rpcUrl READ rpcUrl NOTIFY changed)
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString chainId READ chainId NOTIFY changed)
    Q_PROPERTY(QString networkName READ networkName NOTIFY changed)  // "Sepolia (chain 11155111)", "" until known
    Q_PROPERTY(QString blockNumber READ blockNumber NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)

public:
    enum class State { Connecting, Online, Unreachable };
    Q_ENUM(State)

    explicit NetworkStatus(QObject* parent = nullptr);
    ~NetworkStatus() override;

    // Drops the old connection and follows `url` (http(s) or ws(s)). Plain http/ws to a host that
    // is not this computer only with `allowInsecure` (checkEndpointTransport); refused, the state
    // is Unreachable and problem() says what to do. The accounts page reads every wallet
    // address's balance through this connection.
    void connectTo(const QString& url, bool allowInsecure);

    QString rpcUrl() const { return m_url; }
    State state() const { return m_state; }
    QString chainId() const { return m_chainId; }  // decimal, empty until known
    QString networkName() const { return m_chainId.isEmpty() ? QString() : nameOfChain(m_chainId.toULongLong()); }
    // The name a user knows an L1 by, with its chain id: the public Ethereum networks by name,
    // 31337 as Anvil's devnet, any other as "Chain <id>". Translated.
    static QString nameOfChain(quint64 chainId);
    QString blockNumber() const { return m_blockNumber; }  // decimal, empty until known
    QString problem() const { return m_problem; }
    sluice::EthClient* eth() const { return m_eth; }
    // Bumped on every reconnect so late replies from an old endpoint can be told apart.
    int generation() const { return m_generation; }

signals:
    void changed();
    // A new L1 block: time to refresh balances.
    void newHead();
    // The endpoint changed: anything fetched before is stale.
    void reconnected();

private:
    void queryChainId();
    void setState(State state, const QString& problem = {});

    QString m_url;
    State m_state = State::Connecting;
    QString m_chainId;
    QString m_blockNumber;
    QString m_problem;
    int m_generation = 0;
    bool m_chainIdInFlight = false;
    sluice::RpcClient* m_rpc = nullptr;
    sluice::EthClient* m_eth = nullptr;
    sluice::HeadsSubscription* m_heads = nullptr;
};
