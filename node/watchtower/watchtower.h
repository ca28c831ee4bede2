// SPDX-License-Identifier: MIT
#pragma once
// `sluiced --watchtower` (docs/CHANNELS.md §13.5, methods in docs/RPC.md §6): a sluiced role of its
// own, with no sequencer and no rollup duties. Wallets hand it, after every update, the newest
// state both participants signed (sluice_watchtowerWatch); it keeps only the highest nonce per
// channel, in D/watchtower.sqlite, and refuses a state whose signatures are not the channel's
// on-chain participants'. It follows the Channels contract's events and, when a close or dispute
// leaves a nonce below the one it holds while the dispute period runs, sends dispute(state, sigA,
// sigB) from its own account. It needs no key of its clients and can never move their money:
// dispute pays only the participants, and only for a state both signed.

#include <QObject>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "core/channels/state.hpp"
#include "core/common/result.hpp"
#include "core/crypto/secp256k1.hpp"
#include "core/eth/account_signer.hpp"
#include "node/rpc/rpcserver.h"
#include "node/watchtower/watchtower_store.h"

namespace sluice {
class RpcClient;
class EthClient;
class TransactionSender;
class ChannelsContract;
}  // namespace sluice

namespace sluice::node {

struct WatchtowerConfig {
    QString dataDir;  // holds watchtower.sqlite
    QString l1RpcUrl;
    Address channels;  // the one Channels contract it watches
    // Where the first start reads the contract's events from (the devnet manifest knows the
    // deploy block); nullopt: the L1 head then. A channel handed over later is checked on chain
    // when it is handed over, so no earlier event is needed.
    std::optional<quint64> fromBlock;
    int pollIntervalMs = 500;  // how often L1 is read for new blocks
};

class Watchtower : public QObject {
    Q_OBJECT
public:
    // `key` is the watchtower's L1 account, which pays for its disputes.
    Watchtower(WatchtowerConfig config, const PrivateKey& key, RpcServer* rpc, QObject* parent = nullptr);
    ~Watchtower() override;

    Status start();  // blocking reads of the chain (start-up only), then it serves and follows L1
    void stop();

    const Address& address() const { return m_signer.address; }

signals:
    // A dispute of the watchtower was mined (for logs and tests).
    void disputed(QString channelId, quint64 nonce, QString txHash);

private:
    void watch(const QJsonValue& params, RpcResponder respond);
    RpcOutcome status(const QJsonValue& params) const;
    void poll();
    // Reads the channel on chain and disputes if it is closing with a nonce below the one held
    // while its dispute period runs; stops watching once it is settled or gone. Idempotent: every
    // trigger (an event, a state handed over, a start, a retry) goes through it.
    void reconsider(const channels::ChannelId& id);
    void finish(const channels::ChannelId& id, const char* why);
    void sendNextDispute();
    Status persist(const WatchedChannel& w);

    WatchtowerConfig m_config;
    RpcServer* m_rpc;
    AccountSigner m_signer;
    channels::Domain m_domain;
    std::unique_ptr<WatchtowerStore> m_store;
    std::map<channels::ChannelId, WatchedChannel> m_watched;
    std::unique_ptr<RpcClient> m_l1Rpc;
    EthClient* m_eth = nullptr;
    ChannelsContract* m_contract = nullptr;
    TransactionSender* m_sender = nullptr;
    QTimer m_pollTimer;
    bool m_polling = false;
    quint64 m_nextBlock = 0;                // the first L1 block whose events are not read yet
    std::set<channels::ChannelId> m_retry;  // reconsidered at the next poll (an L1 call failed)
    // Disputes go out one at a time (the sender reads the account's nonce for each).
    std::deque<channels::ChannelId> m_disputeQueue;
    std::set<channels::ChannelId> m_disputing;  // queued or in flight
    bool m_sending = false;
};

}  // namespace sluice::node
