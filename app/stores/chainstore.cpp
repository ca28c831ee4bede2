// SPDX-License-Identifier: MIT
#include "stores/chainstore.h"

#include "services/bridge/network_config.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/heads_subscription.hpp"
#include "services/rpc/rpc_client.hpp"

using namespace std::chrono_literals;
using namespace sluice;

ChainStore::ChainStore(Layer layer, QObject* parent) : QObject(parent), m_layer(layer) {}

ChainStore::~ChainStore() = default;

QString ChainStore::nameOfChain(quint64 chainId) {
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

QString ChainStore::rpcUrl() const { return m_url.toString(); }

void ChainStore::disconnect() {
    if (m_connection) emit aboutToDisconnect();
    ++m_generation;
    // Replies still in flight were asked with m_connection as their context: they are dropped.
    delete m_connection;
    m_connection = nullptr;
    m_rpc = nullptr;
    m_eth = nullptr;
    m_heads = nullptr;
    m_url.clear();
    m_chainId.reset();
    m_head.reset();
    m_chainIdInFlight = false;
    // Balances read on another connection (maybe another chain) are not this one's.
    m_balances.clear();
    const bool wasLoading = !m_reading.empty();
    m_reading.clear();
    m_readAgain.clear();
    setState(State::Disconnected);
    if (wasLoading || !m_accounts.isEmpty()) emit balancesChanged();
}

void ChainStore::connectTo(const QUrl& url, const QUrl& webSocketUrl, bool allowInsecure) {
    disconnect();
    m_url = url;
    const QString what = m_layer == Layer::L1 ? QStringLiteral("The L1 RPC URL") : QStringLiteral("The L2 RPC URL");
    if (auto allowed = checkEndpointTransport(url, allowInsecure, what); !allowed) {
        setState(State::Unreachable, QString::fromStdString(allowed.message()));
        return;
    }
    // Plain JSON-RPC goes over HTTP; new heads come over a WebSocket on the same host and port
    // when the node offers one (anvil and geth do), otherwise the subscription polls over HTTP.
    QUrl httpUrl(url);
    QUrl wsUrl = webSocketUrl;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("ws") || scheme == QLatin1String("wss")) {
        httpUrl.setScheme(scheme == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
        if (wsUrl.isEmpty()) wsUrl = url;
    } else if (wsUrl.isEmpty()) {
        wsUrl = url;
        wsUrl.setScheme(scheme == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    }
    m_connection = new QObject(this);
    m_rpc = new RpcClient(httpUrl, m_connection);
    m_rpc->setTimeout(10s);
    start(wsUrl);
}

void ChainStore::follow(RpcClient* rpc, const QUrl& webSocketUrl) {
    disconnect();
    m_url = rpc->endpoint();
    m_connection = new QObject(this);
    m_rpc = rpc;
    start(webSocketUrl);
}

void ChainStore::start(const QUrl& webSocketUrl) {
    setState(State::Connecting);
    m_eth = new EthClient(m_rpc, m_connection);
    m_heads = new HeadsSubscription(webSocketUrl, m_rpc, m_connection);
    m_heads->setPollInterval(4s);
    connect(m_heads, &HeadsSubscription::newHead, this, [this](quint64 number) {
        m_head = number;
        if (!m_chainId) queryChainId();
        if (m_state == State::Online)
            emit changed();  // the block number
        else
            setState(State::Online);
        emit newHead(number);
        refreshBalances();
    });
    connect(m_heads, &HeadsSubscription::connectionProblem, this, [this](const QString&) {
        // A dropped WebSocket falls back to polling; only call the node unreachable when the
        // plain HTTP requests fail too.
        if (m_heads->mode() != HeadsSubscription::Mode::WebSocket) queryChainId();
    });
    queryChainId();
    refreshBalances();
    m_heads->start();
}

void ChainStore::queryChainId() {
    if (!m_eth || m_chainIdInFlight) return;
    m_chainIdInFlight = true;
    m_eth->chainId(m_connection, [this](RpcResult<quint64> result) {
        m_chainIdInFlight = false;
        if (!result) {
            m_chainId.reset();
            setState(State::Unreachable, result.errorMessage());
            return;
        }
        m_chainId = result.value();
        if (!m_head) {
            m_eth->blockNumber(m_connection, [this](RpcResult<quint64> block) {
                if (!block || m_head) return;
                m_head = block.value();
                emit changed();
            });
        }
        setState(State::Online);
    });
}

void ChainStore::setState(State state, const QString& problem) {
    if (state == m_state && problem == m_problem) return;
    m_state = state;
    m_problem = problem;
    emit changed();
}

void ChainStore::setAccounts(const QList<Address>& accounts) {
    if (accounts == m_accounts) return;
    m_accounts = accounts;
    for (auto it = m_balances.begin(); it != m_balances.end();)
        it = m_accounts.contains(it->first) ? std::next(it) : m_balances.erase(it);
    emit balancesChanged();
    refreshBalances();
}

ChainStore::Balance ChainStore::balance(const Address& account) const {
    auto it = m_balances.find(account);
    return it == m_balances.end() ? Balance{} : it->second;
}

void ChainStore::refreshBalances() {
    if (!m_eth) return;
    for (const Address& account : std::as_const(m_accounts)) readBalance(account);
}

void ChainStore::readBalance(const Address& account) {
    // One read per account at a time: heads that come faster than a slow node answers do not
    // queue reads up behind it; one more read follows the one under way, which may predate the head.
    if (!m_reading.insert(account).second) {
        m_readAgain.insert(account);
        return;
    }
    if (m_reading.size() == 1) emit balancesChanged();
    const quint64 generation = m_generation;
    m_eth->balance(account, m_connection, [this, account, generation](RpcResult<U256> result) {
        if (generation != m_generation) return;
        m_reading.erase(account);
        const bool again = m_readAgain.erase(account) > 0;
        if (m_accounts.contains(account)) {
            Balance& balance = m_balances[account];
            if (result) {
                balance.wei = result.value();
                balance.error.clear();
            } else {
                balance.error = result.errorMessage();
            }
            if (again) readBalance(account);
        }
        emit balancesChanged();
    });
}
