// SPDX-License-Identifier: MIT
#pragma once
// ChainStore: the app's one connection to one layer (L1 or L2). It owns (L1) or follows (L2: the
// session's L2Client) the JSON-RPC client, subscribes to new heads, knows the chain id and the
// latest block, and keeps the balances of the wallet's accounts on that layer, re-read on every
// new head. Everything in the app that needs the layer (the status bar, the accounts page, the
// overview, the bridge session) goes through its layer's store: one L1 connection in the whole
// app, and no view fetches balances on its own.

#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <map>
#include <optional>
#include <set>

#include "core/common/uint256.hpp"
#include "core/eth/address.hpp"

namespace sluice {
class RpcClient;
class EthClient;
class HeadsSubscription;
}  // namespace sluice

class ChainStore : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext")
    Q_PROPERTY(Layer layer READ layer CONSTANT)
    Q_PROPERTY(QString rpcUrl READ rpcUrl NOTIFY changed)
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString chainId READ chainId NOTIFY changed)          // decimal, "" until known
    Q_PROPERTY(QString networkName READ networkName NOTIFY changed)  // "Sepolia testnet (chain 11155111)"
    Q_PROPERTY(QString blockNumber READ blockNumber NOTIFY changed)  // decimal, "" until known
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(bool balancesLoading READ balancesLoading NOTIFY balancesChanged)

public:
    enum class Layer { L1, L2 };
    Q_ENUM(Layer)
    // Disconnected: not asked to connect yet (a local network that is not up), or dropped.
    enum class State { Disconnected, Connecting, Online, Unreachable };
    Q_ENUM(State)

    explicit ChainStore(Layer layer, QObject* parent = nullptr);
    ~ChainStore() override;

    // Drops the old connection and connects to `url` (http(s) or ws(s); new heads over the
    // WebSocket `webSocketUrl`, or the ws(s) twin of an http(s) url when it is empty, else by
    // polling). Plain http/ws to a host other than this computer only with `allowInsecure`
    // (checkEndpointTransport); refused, the state is Unreachable and problem() says what to do.
    void connectTo(const QUrl& url, const QUrl& webSocketUrl, bool allowInsecure);
    // Follows `rpc`, owned by someone else who calls disconnect() before deleting it (the L2 of a
    // session: its L2Client's client, so the layer has one connection).
    void follow(sluice::RpcClient* rpc, const QUrl& webSocketUrl);
    void disconnect();

    Layer layer() const { return m_layer; }
    QString rpcUrl() const;
    State state() const { return m_state; }
    QString chainId() const { return m_chainId ? QString::number(*m_chainId) : QString(); }
    QString networkName() const { return m_chainId ? nameOfChain(*m_chainId) : QString(); }
    QString blockNumber() const { return m_head ? QString::number(*m_head) : QString(); }
    std::optional<quint64> head() const { return m_head; }
    QString problem() const { return m_problem; }
    // The client while connected (null otherwise); valid until aboutToDisconnect().
    sluice::RpcClient* rpc() const { return m_rpc; }
    sluice::EthClient* eth() const { return m_eth; }

    // The name a user knows a chain by, with its id: the public Ethereum networks by name, 31337
    // as Anvil's devnet, any other as "Chain <id>". Translated.
    static QString nameOfChain(quint64 chainId);

    // The wallet's accounts: their balances are read now and on every new head.
    void setAccounts(const QList<sluice::Address>& accounts);
    struct Balance {
        std::optional<sluice::U256> wei;  // the last value read on this connection
        QString error;                    // why the last read failed, "" when it did not
    };
    Balance balance(const sluice::Address& account) const;
    bool balancesLoading() const { return !m_reading.empty(); }
    // Reads every account's balance again now (after a send, or a manual refresh).
    Q_INVOKABLE void refreshBalances();

signals:
    void changed();
    void newHead(quint64 number);
    // The connection is about to go (a reconnect or disconnect): drop rpc()/eth().
    void aboutToDisconnect();
    void balancesChanged();

private:
    void start(const QUrl& webSocketUrl);
    void queryChainId();
    void setState(State state, const QString& problem = {});
    void readBalance(const sluice::Address& account);

    const Layer m_layer;
    State m_state = State::Disconnected;
    QUrl m_url;
    std::optional<quint64> m_chainId;
    std::optional<quint64> m_head;
    QString m_problem;
    bool m_chainIdInFlight = false;
    // Bumped on every (dis)connect: replies from an older connection are dropped.
    quint64 m_generation = 0;
    QObject* m_connection = nullptr;  // parent of what this connection made; deleted with it
    sluice::RpcClient* m_rpc = nullptr;
    sluice::EthClient* m_eth = nullptr;
    sluice::HeadsSubscription* m_heads = nullptr;

    QList<sluice::Address> m_accounts;
    std::map<sluice::Address, Balance> m_balances;
    std::set<sluice::Address> m_reading;    // balance reads under way
    std::set<sluice::Address> m_readAgain;  // ... and to be read once more when they end
};
