// SPDX-License-Identifier: MIT
#pragma once
// WalletChannels: the wallet's payment channels with the network's hub (docs/CHANNELS.md), for
// the pages. It keeps them in the file sluice-cli uses (<wallet dir>/channels-<chain>.sqlite), drives them
// with one ChannelWallet engine per account, and keeps them up to date on its own: every few
// seconds it syncs each channel that is not settled, which takes the hub's news (a payment that
// landed), disputes a close with a stale state and resolves locks after a settle; and at once
// when the hub announces a change of one of them (hubAnnounced, fed by the session). The session
// attaches it to the network it connects to and detaches it on lock or network change; the store
// outlives sessions, so pages bind to it once.
//
// One engine runs one operation at a time: an account whose engine is busy (an open, a payment,
// an invoice awaited) is skipped by the background sync until it is done.

#include <QtQml/qqmlregistration.h>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/eth/account_signer.hpp"
#include "services/bridge/network_config.hpp"
#include "services/channels/channel_store.hpp"
#include "services/channels/channel_wallet.hpp"

namespace sluice {
class EthClient;
class TransactionSender;
}  // namespace sluice

class WalletChannels : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext")
    Q_PROPERTY(bool attached READ attached NOTIFY changed)           // connected to a network with channels
    Q_PROPERTY(QString unavailable READ unavailable NOTIFY changed)  // why not, in words; "" when attached
    Q_PROPERTY(QString hubAddress READ hubAddress NOTIFY changed)    // checksummed; "" until the hub answered
    Q_PROPERTY(qint64 disputePeriodSeconds READ disputePeriodSeconds NOTIFY changed)  // the hub's, checked on chain
    Q_PROPERTY(QString hubFee READ hubFee NOTIFY changed)                // "0.001 ETH" per mediated payment
    Q_PROPERTY(QString maxFunding READ maxFunding NOTIFY changed)        // what the hub puts on its side at most
    Q_PROPERTY(QString watchtowerUrl READ watchtowerUrl NOTIFY changed)  // "" when the network has none
    Q_PROPERTY(QString problem READ problem NOTIFY changed)              // the last background sync's error

public:
    template <typename T>
    using Done = sluice::ChannelWallet::Done<T>;
    using SignerFor = std::function<std::optional<sluice::AccountSigner>(const sluice::Address&)>;
    using ReviewHook = sluice::TransactionSender::ReviewHook;

    explicit WalletChannels(QObject* parent = nullptr);
    ~WalletChannels() override;

    // The network's channels of the wallet's `accounts`, kept in `storePath` (channelStorePath: one
    // file per chain); `signerFor` gives an account's signer (nullopt: locked). Attached once the
    // store is open (it may ask L1 whether an older file's channels are this chain's).
    void attach(const sluice::NetworkConfig& network, sluice::EthClient* l1, quint64 l1ChainId,
                const QString& storePath, const QList<sluice::Address>& accounts, SignerFor signerFor);
    void detach();
    void setAccounts(const QList<sluice::Address>& accounts);
    // The sync interval (tests make it short).
    void setSyncInterval(std::chrono::milliseconds interval) { m_sync.setInterval(int(interval.count())); }

    bool attached() const { return m_store != nullptr; }
    // Attaching or in the first sync after it: what the page shows is not this network's yet
    // (screenshots wait for it).
    bool loading() const { return m_loading; }
    QString unavailable() const { return m_unavailable; }
    QString hubAddress() const;
    qint64 disputePeriodSeconds() const;
    QString hubFee() const;
    QString maxFunding() const;
    QString watchtowerUrl() const { return m_network ? m_network->watchtowerRpc.toString() : QString(); }
    QString problem() const { return m_problem; }
    sluice::U256 total() const;  // my side of every channel not yet paid out
    const std::optional<sluice::HubInfo>& hubInfo() const { return m_hubInfo; }

    // What the network's watchtower said of each channel at the last sync; nullopt: it did not answer.
    const std::map<sluice::channels::ChannelId, std::optional<sluice::WatchtowerView>>& watchtowerViews() const {
        return m_watchtowerViews;
    }
    bool hasWatchtower() const { return m_network && !m_network->watchtowerRpc.isEmpty(); }

    // This network's channels, newest state as stored (the background sync keeps it fresh).
    const std::vector<sluice::StoredChannel>& channels() const { return m_channels; }
    std::optional<sluice::StoredChannel> channel(const sluice::channels::ChannelId& id) const;
    bool isBusy(const sluice::Address& account) const { return m_busy.count(account) > 0; }
    const QList<sluice::Address>& accounts() const { return m_accounts; }

    // The operations: each ends in exactly one `done`; `review` shows an L1 transaction before it
    // is signed. An account already busy is refused.
    void open(const sluice::Address& account, const sluice::U256& amount, const sluice::U256& hubAmount,
              ReviewHook review, Done<sluice::channels::ChannelId> done);
    void pay(const sluice::channels::ChannelId& id, const sluice::U256& amount, Done<void> done);
    sluice::Result<sluice::Invoice> createInvoice(const sluice::Address& account, const sluice::U256& amount);
    void awaitInvoicePaid(const sluice::Address& account, const sluice::Invoice& invoice, std::chrono::seconds timeout,
                          Done<void> done);
    void payInvoice(const sluice::Address& account, const sluice::Invoice& invoice, Done<void> done);
    void cooperativeClose(const sluice::channels::ChannelId& id, ReviewHook review, Done<sluice::Hash> done);
    void forceClose(const sluice::channels::ChannelId& id, ReviewHook review, Done<sluice::Hash> done);
    void settle(const sluice::channels::ChannelId& id, ReviewHook review, Done<sluice::Hash> done);
    // The review of the dispute a sync sends on its own when the hub closes with an older state
    // (the Channels page shows it in its dialog), per account; empty: none set.
    using ReviewFor = std::function<ReviewHook(const sluice::Address& account)>;
    void setDisputeReview(ReviewFor review);

    // Reads the store again and syncs every unsettled channel of an idle account now.
    Q_INVOKABLE void syncNow();
    // The hub announced a change of a channel (its `sluice_channels` stream, pushed as it happens):
    // when it is one of this wallet's, the channels are synced at once rather than at the next
    // poll, so a payment that lands or a close by the hub shows within moments.
    void hubAnnounced(const QJsonObject& news);

    // What happened to a channel, found by comparing each reading of the store with the one
    // before: so it covers this app, sluice-cli on the same file, the hub and the watchtower alike.
    struct Event {
        enum class Kind { Opened, Paid, Received, Closing, Disputed, Settleable, Settled };
        Kind kind = Kind::Opened;
        sluice::StoredChannel channel;  // as read after the event
        sluice::U256 amount = 0;        // Opened: my deposit; Paid/Received: my side's change; Settled: my payout
        bool byMe = false;              // Closing: this wallet closed it
    };
    // The L1 clock (the session's): a closing channel whose dispute period ended is announced once.
    void setNow(qint64 l1Seconds);

signals:
    void changed();
    void happened(const WalletChannels::Event& event);
    void loadingChanged();

private:
    // The account's engine, connected to the hub; created on first use.
    void engine(const sluice::Address& account, Done<sluice::ChannelWallet*> done);
    // Marks `account` busy for the operation, refuses a second one; the returned done ends it.
    template <typename T>
    std::optional<Done<T>> begin(const sluice::Address& account, Done<T> done);
    // Runs `start` now, or once the background sync of that account's channel is done.
    void whenSynced(const sluice::Address& account, std::function<void()> start);
    using CloseCall = void (sluice::ChannelWallet::*)(const sluice::channels::ChannelId&,
                                                      sluice::ChannelWallet::Done<sluice::Hash>);
    void closeStep(const sluice::channels::ChannelId& id, ReviewHook review, Done<sluice::Hash> done, CloseCall call);
    void reload();
    void setLoading(bool loading);
    void announceChanges(const std::vector<sluice::StoredChannel>& before);
    void syncNext(std::shared_ptr<std::vector<sluice::StoredChannel>> queue);
    std::optional<sluice::Address> ownerOf(const sluice::channels::ChannelId& id) const;

    std::optional<sluice::NetworkConfig> m_network;
    sluice::EthClient* m_l1 = nullptr;
    std::unique_ptr<sluice::TransactionSender> m_sender;
    std::unique_ptr<sluice::ChannelStore> m_store;
    std::map<sluice::Address, std::unique_ptr<sluice::ChannelWallet>> m_engines;
    SignerFor m_signerFor;
    ReviewFor m_disputeReview;
    std::optional<sluice::HubInfo> m_hubInfo;
    std::vector<sluice::StoredChannel> m_channels;
    std::map<sluice::channels::ChannelId, std::optional<sluice::WatchtowerView>> m_watchtowerViews;
    QList<sluice::Address> m_accounts;
    std::set<sluice::Address> m_busy;                 // accounts running an operation
    std::optional<sluice::Address> m_syncingAccount;  // whose channel the background sync has now
    std::vector<std::function<void()>> m_afterSync;   // operations that wait for it
    QString m_unavailable;
    QString m_problem;
    QTimer m_sync;
    bool m_syncing = false;
    bool m_syncAgain = false;  // the hub announced news during a sync: one more pass after it
    bool m_loading = false;
    bool m_loaded = false;                                // the first reading of this network is not news
    std::set<sluice::channels::ChannelId> m_closingByMe;  // force closes this wallet sent
    std::set<sluice::channels::ChannelId> m_announcedSettleable;
    qint64 m_now = 0;
    quint64 m_generation = 0;  // bumped by detach: callbacks of an older network do nothing
};
