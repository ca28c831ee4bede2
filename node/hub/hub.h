// SPDX-License-Identifier: MIT
#pragma once
// The hub: a sluiced role (on in the devnet) that is the counterparty of wallets' payment channels
// (docs/CHANNELS.md §13, methods in docs/RPC.md §5). It
//  - accepts channels wallets open to it on the Channels contract, and funds its side up to a
//    configured limit (inbound liquidity);
//  - co-signs the wallets' updates with its ChannelParty (the same engine the wallet runs), and
//    proposes its own: payments it forwards, unlocks once it learnt a secret, expiries;
//  - forwards mediated payments between two of its channels with the same hash lock, staggered
//    by REVEAL_TIMEOUT (§13.3), so it can never keep the payer's money without paying the payee;
//  - follows the contract: disputes a close with a state older than its latest, settles once a
//    dispute period is over, registers a secret on chain when the payer does not unlock in time.
// Its state is a ChannelStore of its own (D/hub.sqlite). Wallets reach its proposals by
// long-polling sluice_channelPoll, over the node's existing JSON-RPC port.

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "core/channels/update.hpp"
#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"
#include "node/rpc/rpcserver.h"
#include "services/channels/channel_party.hpp"
#include "services/channels/channels_contract.hpp"

namespace sluice {
class RpcClient;
class EthClient;
class TransactionSender;
}  // namespace sluice

namespace sluice::node {

// Misbehaviour on purpose, for the tests and demos of what the wallet and its watchtower do
// against a cheating hub (sluiced --fault KIND).
enum class HubFault {
    None,
    StaleClose,      // closes a channel with an older state both signed, once the wallet is silent
    WithholdUnlock,  // takes a payee's secret but never unlocks the payee's lock (keeps the payment)
};

struct HubConfig {
    QString dataDir;  // holds hub.sqlite
    QString l1RpcUrl;
    Address channels;               // the Channels contract
    std::optional<PrivateKey> key;  // required
    U256 maxFunding;                // the most the hub deposits on its side of one channel
    U256 fee = 0;                   // what the hub keeps of a mediated payment
    HubFault fault = HubFault::None;
    int pollIntervalMs = 500;     // how often L1 is read for the contract's events
    std::uint64_t fromBlock = 0;  // the first L1 block that can hold the contract's events
};

class Hub : public QObject {
    Q_OBJECT
public:
    Hub(HubConfig config, RpcServer* rpc, QObject* parent = nullptr);
    ~Hub() override;

    Status start();  // blocking reads of the chain's parameters (start-up only), then serves
    void stop();

    const Address& address() const;

signals:
    // For logs and tests.
    void disputed(QString channelId, quint64 nonce);
    void staleCloseSent(QString channelId, quint64 nonce);

private:
    struct Waiter;  // a sluice_channelPoll call waiting for news of its channel

    void registerMethods();
    RpcOutcome info() const;
    void registerChannel(const QJsonValue& params, RpcResponder respond);
    void fund(const QJsonValue& params, RpcResponder respond);
    RpcOutcome propose(const QJsonValue& params);
    RpcOutcome latest(const QJsonValue& params);
    RpcOutcome countersign(const QJsonValue& params);
    RpcOutcome cooperativeClose(const QJsonValue& params);
    RpcOutcome revealSecret(const QJsonValue& params);
    void poll(const QJsonValue& params, RpcResponder respond);

    // What a wallet polling `id` is told now: the hub's outstanding proposal and the secrets of
    // the wallet's locks to the hub that the hub has learnt; nullopt when there is nothing.
    std::optional<QJsonObject> newsFor(const channels::ChannelId& id);
    void wakeWaiters(const channels::ChannelId& id);
    // The channel's state or status changed: its long polls are answered and the sluice_channels
    // stream tells its subscribers (live balances).
    void changed(const channels::ChannelId& id);
    // Proposes what the state of `id` calls for: an Unlock of a lock the hub sent whose secret
    // it knows, an Expire of one that timed out, a forward still to make.
    void advance(const channels::ChannelId& id);
    void forwardLock(const channels::Lock& incoming, const Address& payee);
    bool proposeAndPublish(const channels::ChannelId& id, const channels::Update& update);
    ChainView chainView() const;

    // L1
    void follow();
    void onEvents(const std::vector<ChannelEvent>& events);
    void actOnChain();
    void adoptChannel(const channels::ChannelId& id, std::function<void(Status)> done);
    void sendL1(const QString& what, const Bytes& data, const U256& value, std::function<void(bool)> done = {});
    void sendNextL1();
    // The `done` of an L1 action sent once per key (m_actionsSent): on failure the key is
    // forgotten, so the next read of L1 sends it again if it is still due.
    std::function<void(bool)> retryOnFailure(const QString& key);

    HubConfig m_config;
    RpcServer* m_rpc;
    AccountSigner m_signer;
    std::unique_ptr<ChannelStore> m_store;
    std::unique_ptr<ChannelParty> m_party;
    std::unique_ptr<RpcClient> m_l1Rpc;
    EthClient* m_eth = nullptr;
    ChannelsContract* m_contract = nullptr;
    TransactionSender* m_sender = nullptr;
    channels::Domain m_domain;
    std::uint64_t m_disputePeriod = 0;
    std::uint64_t m_l1Now = 0;      // the newest L1 block's timestamp the hub has read
    std::uint64_t m_nextBlock = 0;  // the first L1 block whose events are not read yet
    bool m_following = false;
    QTimer m_followTimer;
    std::map<Hash, std::uint64_t> m_secretRegisteredAt;  // from SecretRegistered events
    // Locks a wallet sent the hub to forward, not yet forwarded (the payee's channel was busy).
    std::vector<std::pair<channels::Lock, Address>> m_pendingForwards;
    std::map<channels::ChannelId, qint64> m_lastHeard;  // when a wallet last spoke for a channel (ms)
    std::set<QString> m_actionsSent;                    // "dispute:<id>:<nonce>", ...: sent on L1 once
    std::multimap<channels::ChannelId, std::shared_ptr<Waiter>> m_waiters;
    struct L1Job {
        QString what;
        Bytes data;
        U256 value;
        std::function<void(bool)> done;
    };
    std::deque<L1Job> m_l1Queue;
    bool m_l1Busy = false;
};

}  // namespace sluice::node
