// SPDX-License-Identifier: MIT
#include "networkstatus.h"

#include <QUrl>

#include "services/bridge/network_config.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/heads_subscription.hpp"
#include "services/rpc/rpc_client.hpp"

using namespace std::chrono_literals;

NetworkStatus::NetworkStatus(QObject* parent) : QObject(parent) {}

NetworkStatus::~NetworkStatus() = default;

QString NetworkStatus::nameOfChain(quint64 chainId) {
    QString name;
    switch (chainId) {
    case 1: name = tr("Ethereum mainnet"); break;
    case 11155111: name = tr("Sepolia testnet"); break;
    case 17000: name = tr("Holesky testnet"); break;
    case 560048: name = tr("Hoodi testnet"); break;
    case 31337: name = tr("Anvil devnet"); break;
    default: return tr("Chain %1").arg(chainId);
    }
    //: %1 is a network name such as "Sepolia testnet", %2 its numeric chain id
    return tr("%1 (chain %2)").arg(name).arg(chainId);
}

void NetworkStatus::connectTo(const QString& url, bool allowInsecure) {
    ++m_generation;
    delete m_heads;
    delete m_eth;
    delete m_rpc;
    m_heads = nullptr;
    m_eth = nullptr;
    m_rpc = nullptr;

    m_url = url;
    m_chainId.clear();
    m_blockNumber.clear();
    m_chainIdInFlight = false;
    if (auto allowed = sluice::checkEndpointTransport(QUrl(url), allowInsecure, QStringLiteral("The L1 RPC URL"));
        !allowed) {
        emit reconnected();  // what was fetched from the old endpoint is stale all the same
        setState(State::Unreachable, QString::fromStdString(allowed.message()));
        return;
    }
    setState(State::Connecting);

    // Plain JSON-RPC goes over HTTP; new heads come over a WebSocket on the same host and port
    // when the node offers one (anvil and geth do), otherwise the subscription polls over HTTP.
    QUrl httpUrl(url);
    QUrl wsUrl(url);
    const QString scheme = httpUrl.scheme().toLower();
    if (scheme == QLatin1String("ws") || scheme == QLatin1String("wss")) {
        httpUrl.setScheme(scheme == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
    } else {
        wsUrl.setScheme(scheme == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    }

    m_rpc = new sluice::RpcClient(httpUrl, this);
    m_rpc->setTimeout(10s);
    m_eth = new sluice::EthClient(m_rpc, this);
    m_heads = new sluice::HeadsSubscription(wsUrl, m_rpc, this);
    m_heads->setPollInterval(4s);
    connect(m_heads, &sluice::HeadsSubscription::newHead, this, [this](quint64 number) {
        m_blockNumber = QString::number(number);
        if (m_chainId.isEmpty()) queryChainId();
        setState(State::Online);
        emit newHead();
    });
    connect(m_heads, &sluice::HeadsSubscription::connectionProblem, this, [this](const QString& message) {
        // A dropped WebSocket falls back to polling; only call the node unreachable when the
        // plain HTTP requests fail too.
        if (m_heads->mode() != sluice::HeadsSubscription::Mode::WebSocket) queryChainId();
        Q_UNUSED(message);
    });
    emit reconnected();
    queryChainId();
    m_heads->start();
}

void NetworkStatus::queryChainId() {
    if (!m_eth || m_chainIdInFlight) return;
    m_chainIdInFlight = true;
    const int generation = m_generation;
    m_eth->chainId(this, [this, generation](sluice::RpcResult<quint64> result) {
        if (generation != m_generation) return;
        m_chainIdInFlight = false;
        if (!result) {
            m_chainId.clear();
            setState(State::Unreachable, result.errorMessage());
            return;
        }
        m_chainId = QString::number(result.value());
        if (m_blockNumber.isEmpty()) {
            m_eth->blockNumber(this, [this, generation](sluice::RpcResult<quint64> block) {
                if (generation != m_generation || !block) return;
                if (m_blockNumber.isEmpty()) m_blockNumber = QString::number(block.value());
                emit changed();
            });
        }
        setState(State::Online);
    });
}

void NetworkStatus::setState(State state, const QString& problem) {
    m_state = state;
    m_problem = problem;
    emit changed();
}
