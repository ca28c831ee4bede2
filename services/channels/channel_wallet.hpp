// SPDX-License-Identifier: MIT
#pragma once
// The wallet's channel engine (docs/CHANNELS.md §13): its channels with the hub, driven over the
// hub's JSON-RPC (docs/RPC.md §5) and the Channels contract on L1. Every update goes through the
// wallet's ChannelParty, which stores each state durably before its signature leaves the process,
// so a crash at any point loses nothing: sync() reconciles with the hub on the next start.
// While it runs it watches its channels on chain and disputes a close with a stale state itself,
// and it hands every state both signed to its watchtower (if it has one), which does the same
// while the wallet is not running.
//
// Asynchronous like the rest of services/: every call ends in exactly one `done`, on this object's
// thread. sluice-cli waits on them (awaitResult); the app will bind them to its channel store.

#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "core/channels/update.hpp"
#include "core/common/result.hpp"
#include "core/eth/account_signer.hpp"
#include "services/channels/channel_party.hpp"
#include "services/channels/channel_store.hpp"
#include "services/channels/channels_contract.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice {

// What the hub announces (sluice_channelHubInfo); the wallet checks it against its own network.
struct HubInfo {
    Address hub;
    Address channels;
    std::uint64_t l1ChainId = 0;
    std::uint64_t disputePeriod = 0;
    U256 maxFunding = 0;
    U256 fee = 0;  // kept by the hub from a mediated payment
};

// A request to be paid through the hub: the payee, the amount, and the hash of the payee's
// secret. As text: "sluice1" followed by base64url of its JSON (no secrets in it).
struct Invoice {
    Address payee;
    Address hub;
    U256 amount = 0;
    Hash secretHash;
    std::uint64_t l1ChainId = 0;
    Address channels;

    QString text() const;
    static Result<Invoice> parse(const QString& text);
};

// The wallet's channel states are kept per chain, in <dir>/channels-<deployment key>.sqlite, named
// by the network's Rollup deployment (services/bridge/deployment.hpp) like the bridge history: a
// fresh devnet puts its Channels contract at the same address on the same chain id, where the same
// wallet and hub get the same channel ids again, and an old chain's record of such an id must never
// stand in for the new channel.
QString channelStorePath(const QString& dir, const QString& deploymentKey);

// Opens the store at `path` (channelStorePath). The one file of earlier versions, <its folder>/
// channels.sqlite, is copied to it when that file is not there yet and every channel in the old
// one of `contract` on chain `l1ChainId` is on this chain with the same participants (L1 is
// asked); otherwise the old file stays where it is, unused, and a warning names it. done runs once
// on `context`'s thread.
void openChannelStore(const QString& path, EthClient* l1, quint64 l1ChainId, const Address& contract, QObject* context,
                      std::function<void(Result<std::unique_ptr<ChannelStore>>)> done);

// What the watchtower says of one channel (sluice_watchtowerStatus, docs/RPC.md).
struct WatchtowerView {
    std::optional<std::uint64_t> nonce;             // of the state it holds; none: it holds none
    std::optional<channelmsg::CosignedState> held;  // that state with both signatures
    bool watching = false;                          // it still guards the channel
    std::optional<Hash> disputeTx;                  // its last dispute that was mined
};

class ChannelWallet : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(Result<T>)>;

    // `expectedChannels`: the Channels contract of the wallet's network; a hub that names another
    // one is refused. The wallet's own transactions go through `sender` (with `review`, if set).
    ChannelWallet(ChannelStore& store, AccountSigner signer, EthClient* l1, TransactionSender* sender,
                  const Address& expectedChannels, const QUrl& hubUrl, QObject* parent = nullptr);
    ~ChannelWallet() override;

    void setReview(TransactionSender::ReviewHook review) { m_review = std::move(review); }
    // The review of a dispute the sync sends on its own (a stale close seen on chain); without one,
    // the current operation's review is used.
    void setDisputeReview(TransactionSender::ReviewHook review) { m_disputeReview = std::move(review); }
    // Fault injection (sluice-cli --fault, testing): the process dies at that point of an update,
    // as kill -9 would, so that the tests can show a restart loses nothing and signs nothing twice.
    enum class CrashPoint {
        None,
        ProposalStored,     // our signature is stored, not yet sent
        SignatureReceived,  // the hub's signature arrived, not yet stored
    };
    void setCrashPoint(CrashPoint point) { m_crashPoint = point; }
    void setWatchtower(const QUrl& url);

    ChannelParty& party() { return *m_party; }
    ChannelsContract* contract() const { return m_contract; }
    const std::optional<HubInfo>& hubInfo() const { return m_hubInfo; }

    void connectHub(Done<HubInfo> done);
    // open(me, hub, amount, 0) on L1, the hub told, and with hubAmount > 0 the hub asked to fund
    // its side (inbound liquidity) and the deposit counted in a state both sign.
    void open(const U256& amount, const U256& hubAmount, Done<channels::ChannelId> done);
    // Brings the channel up to date: reads it on chain (disputing a stale close), settles a
    // proposal of its own left by a crash, then takes what the hub has for it (its proposals,
    // secrets of the wallet's locks); with pollMs > 0 it waits up to that long for news.
    void sync(const channels::ChannelId& id, int pollMs, Done<StoredChannel> done);
    void pay(const channels::ChannelId& id, const U256& amount, Done<void> done);

    // Invoices (§13.3): the payee makes the secret and keeps it; the payer locks amount + fee to
    // the hub, the hub locks amount to the payee, the payee reveals the secret to the hub, both
    // locks are unlocked.
    Result<Invoice> createInvoice(const U256& amount);
    void awaitInvoicePaid(const Invoice& invoice, std::chrono::seconds timeout, Done<void> done);
    void payInvoice(const Invoice& invoice, std::chrono::seconds timeout, Done<void> done);

    // §13.7 after a channel came back from a backup (channel_backup.hpp): adopts the newest
    // state the hub holds (both signatures checked, its locks against the root), then moves the
    // nonce 2^40 past everything seen, then reads the channel on chain. Before any payment.
    void resumeAfterRestore(const channels::ChannelId& id, Done<StoredChannel> done);

    // What the watchtower holds of the channel; one that holds an older state than our newest
    // co-signed one (it was down when that was made) is handed the newest first. An error when the
    // network has no watchtower or it does not answer.
    void watchtowerStatus(const channels::ChannelId& id, Done<WatchtowerView> done);

    void cooperativeClose(const channels::ChannelId& id, Done<Hash> done);  // the L1 transaction
    void forceClose(const channels::ChannelId& id, Done<Hash> done);
    void settle(const channels::ChannelId& id, Done<Hash> done);

signals:
    // A changed on-chain state of `id` (opened, funded, closing, settled) was stored: before any
    // answer to it (a dispute awaiting its review, say), so that what is shown is never behind L1.
    void onChainChanged(const sluice::channels::ChannelId& id);
    // This wallet answered a close with an older state by putting its newest state on chain.
    void staleCloseDisputed(const sluice::channels::ChannelId& id, std::uint64_t staleNonce, std::uint64_t newestNonce);

private:
    void hubCall(const QString& method, const QJsonObject& params, std::function<void(RpcReply)> done);
    // `review`: the review of this transaction; empty: the current operation's (setReview).
    void sendL1(const QString& what, const Bytes& data, const U256& value, Done<TransactionReceipt> done,
                const TransactionSender::ReviewHook& review = {});
    void refresh(const channels::ChannelId& id, Done<StoredChannel> done);
    void reconcile(const channels::ChannelId& id, Done<void> done);
    // The watchtower's state, adopted when newer than ours and without locks (after a restore).
    void adoptWatchtowerState(const channels::ChannelId& id, std::function<void()> then);
    // The hub's newest co-signed state and its locks, adopted when newer (ChannelParty::reconcile).
    void adoptHubLatest(const channels::ChannelId& id, Done<void> done);
    void takeNews(const channels::ChannelId& id, int pollMs, Done<void> done);
    // Checks and answers one proposal of the hub; true when it was signed.
    void acceptFromHub(const channels::ChannelId& id, const channelmsg::Proposal& proposal, Done<bool> done);
    // §6 after a settle with locks: unlock what pays us (its secret registered in time), claim
    // back what we sent and expired, one transaction at a time.
    void resolveLocksOnChain(const channels::ChannelId& id, Done<StoredChannel> done);
    void proposeToHub(const channels::ChannelId& id, const channels::Update& update, const QJsonObject& extra,
                      Done<void> done, bool retried = false);
    // Hands the newest co-signed state to the watchtower, then `then` (whatever it answered).
    void tellWatchtower(const channels::ChannelId& id, std::function<void()> then);
    // sluice_watchtowerStatus, read.
    void askWatchtower(const channels::ChannelId& id, Done<WatchtowerView> done);
    // Registers on L1 the secret of a lock paid to us that the hub has not unlocked by expiry - R.
    void registerKnownSecrets(const channels::ChannelId& id, Done<void> done);
    // Proposes Expire for our locks that timed out without their secret registered (§13.3).
    void expireOwnLocks(const channels::ChannelId& id, Done<void> done);
    void crashAt(CrashPoint point) const;
    Result<StoredChannel> stored(const channels::ChannelId& id);
    // The wallet's open channel with the hub that can pay `amount` (the richest one).
    Result<channels::ChannelId> channelFor(const U256& amount);

    ChannelStore& m_store;
    AccountSigner m_signer;
    std::unique_ptr<ChannelParty> m_party;
    EthClient* m_l1;
    TransactionSender* m_sender;
    ChannelsContract* m_contract;
    Address m_expectedChannels;
    std::unique_ptr<RpcClient> m_hub;
    std::unique_ptr<RpcClient> m_watchtower;
    std::optional<HubInfo> m_hubInfo;
    TransactionSender::ReviewHook m_review;
    TransactionSender::ReviewHook m_disputeReview;
    CrashPoint m_crashPoint = CrashPoint::None;
};

}  // namespace sluice
