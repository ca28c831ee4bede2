// SPDX-License-Identifier: MIT
#include "stores/walletchannels.h"

#include <QDir>

#include <utility>

#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/transaction_sender.hpp"

using namespace sluice;
using channels::ChannelId;
using channels::ChannelStatus;

namespace {
constexpr int kSyncIntervalMs = 2000;
}  // namespace

WalletChannels::WalletChannels(QObject* parent) : QObject(parent) {
    m_sync.setInterval(kSyncIntervalMs);
    connect(&m_sync, &QTimer::timeout, this, &WalletChannels::syncNow);
}

WalletChannels::~WalletChannels() { detach(); }

void WalletChannels::attach(const NetworkConfig& network, EthClient* l1, quint64 l1ChainId, const QString& storePath,
                            const QList<Address>& accounts, SignerFor signerFor) {
    detach();
    if (!network.channels || network.hubRpc.isEmpty()) {
        m_unavailable = tr("This network has no payment channels.");
        emit changed();
        return;
    }
    m_accounts = accounts;  // setAccounts may change them while the store opens
    setLoading(true);
    openChannelStore(
        storePath, l1, l1ChainId, *network.channels, this,
        [this, generation = m_generation, network, l1, l1ChainId,
         signerFor = std::move(signerFor)](Result<std::unique_ptr<ChannelStore>> store) mutable {
            if (generation != m_generation) return;  // detached meanwhile
            if (!store) {
                m_unavailable =
                    tr("The channel states cannot be opened: %1").arg(QString::fromStdString(store.message()));
                emit changed();
                setLoading(false);
                return;
            }
            m_network = network;
            m_l1 = l1;
            m_sender = std::make_unique<TransactionSender>(l1, l1ChainId);
            m_store = std::move(*store);
            m_signerFor = std::move(signerFor);
            m_unavailable.clear();
            setAccounts(m_accounts);
            m_sync.start();
            syncNow();
        });
}

void WalletChannels::setAccounts(const QList<Address>& accounts) {
    m_accounts = accounts;
    if (!m_store) return;
    reload();
    // The hub's terms (dispute period, fee) for the pages before the first operation.
    if (!m_hubInfo && !m_accounts.isEmpty()) engine(m_accounts.first(), [](Result<ChannelWallet*>) {});
}

void WalletChannels::detach() {
    ++m_generation;
    m_sync.stop();
    m_engines.clear();  // their pending calls end with them
    m_sender.reset();
    m_store.reset();
    m_network.reset();
    m_hubInfo.reset();
    m_channels.clear();
    m_watchtowerViews.clear();
    m_busy.clear();
    m_loaded = false;
    m_closingByMe.clear();
    m_announcedSettleable.clear();
    m_syncingAccount.reset();
    m_afterSync.clear();
    m_syncing = false;
    m_syncAgain = false;
    m_problem.clear();
    setLoading(false);
    m_l1 = nullptr;
    emit changed();
}

QString WalletChannels::hubAddress() const {
    return m_hubInfo ? QString::fromStdString(to_checksum_address(m_hubInfo->hub)) : QString();
}

qint64 WalletChannels::disputePeriodSeconds() const { return m_hubInfo ? qint64(m_hubInfo->disputePeriod) : 0; }

QString WalletChannels::hubFee() const { return m_hubInfo ? displayEther(m_hubInfo->fee) : QString(); }

QString WalletChannels::maxFunding() const { return m_hubInfo ? displayEther(m_hubInfo->maxFunding) : QString(); }

U256 WalletChannels::total() const {
    U256 sum = 0;
    for (const StoredChannel& c : m_channels)
        if (c.onChain.status == ChannelStatus::Open || c.onChain.status == ChannelStatus::Closing)
            sum += c.latest.balance(c.me);
    return sum;
}

std::optional<StoredChannel> WalletChannels::channel(const ChannelId& id) const {
    for (const StoredChannel& c : m_channels)
        if (c.channel.id == id) return c;
    return std::nullopt;
}

std::optional<Address> WalletChannels::ownerOf(const ChannelId& id) const {
    if (auto c = channel(id)) return c->myAddress();
    return std::nullopt;
}

// Only this network's channels of the wallet's accounts: the file is this chain's, but one taken
// over from an older version also holds other networks' channels.
void WalletChannels::reload() {
    if (!m_store) return;
    auto all = m_store->channels();
    if (!all) {
        m_problem = QString::fromStdString(all.message());
        emit changed();
        return;
    }
    std::vector<StoredChannel> mine;
    for (StoredChannel& c : *all)
        if (c.channel.domain.verifying_contract == *m_network->channels &&
            c.channel.domain.chain_id == U256(m_sender->chainId()) && m_accounts.contains(c.myAddress()))
            mine.push_back(std::move(c));
    const std::vector<StoredChannel> before = std::exchange(m_channels, std::move(mine));
    if (m_loaded) announceChanges(before);
    m_loaded = true;
    emit changed();
}

void WalletChannels::announceChanges(const std::vector<StoredChannel>& before) {
    auto mySide = [](const StoredChannel& c) { return c.latest.balance(c.me); };
    auto settled = [](const StoredChannel& c) {
        return c.onChain.status == ChannelStatus::Settled || c.onChain.status == ChannelStatus::None;
    };
    for (const StoredChannel& now : m_channels) {
        const auto was = std::find_if(before.begin(), before.end(),
                                      [&](const StoredChannel& c) { return c.channel.id == now.channel.id; });
        if (was == before.end()) {
            const U256 deposit = now.me == channels::Participant::A ? now.latest.deposit_a : now.latest.deposit_b;
            emit happened({Event::Kind::Opened, now, deposit, true});
            continue;
        }
        if (now.latest.nonce > was->latest.nonce) {
            if (mySide(now) > mySide(*was)) emit happened({Event::Kind::Received, now, mySide(now) - mySide(*was)});
            if (mySide(now) < mySide(*was)) emit happened({Event::Kind::Paid, now, mySide(*was) - mySide(now)});
        }
        const ChannelStatus from = was->onChain.status, to = now.onChain.status;
        if (from == ChannelStatus::Open && to == ChannelStatus::Closing)
            emit happened({Event::Kind::Closing, now, mySide(now), m_closingByMe.count(now.channel.id) > 0});
        if (from == ChannelStatus::Closing && to == ChannelStatus::Closing &&
            now.onChain.closingNonce > was->onChain.closingNonce)
            emit happened({Event::Kind::Disputed, now, mySide(now)});
        if (!settled(*was) && settled(now)) emit happened({Event::Kind::Settled, now, mySide(now)});
    }
    setNow(m_now);
}

void WalletChannels::setNow(qint64 l1Seconds) {
    m_now = l1Seconds;
    for (const StoredChannel& c : m_channels)
        if (c.onChain.status == ChannelStatus::Closing && m_now >= qint64(c.onChain.disputeEndsAt) &&
            m_announcedSettleable.insert(c.channel.id).second)
            emit happened({Event::Kind::Settleable, c, c.latest.balance(c.me)});
}

void WalletChannels::engine(const Address& account, Done<ChannelWallet*> done) {
    if (!m_store) return done(make_error("not connected to a network with payment channels"));
    auto it = m_engines.find(account);
    if (it == m_engines.end()) {
        auto signer = m_signerFor(account);
        if (!signer) return done(make_error("unlock the wallet to use this account's channels"));
        auto wallet = std::make_unique<ChannelWallet>(*m_store, *signer, m_l1, m_sender.get(), *m_network->channels,
                                                      m_network->hubRpc);
        wallet->setWatchtower(m_network->watchtowerRpc);
        if (m_disputeReview) wallet->setDisputeReview(m_disputeReview(account));
        // A close seen on chain is shown (and announced) at once, not after the sync's answer to it
        // (a dispute waits for the user's review).
        connect(wallet.get(), &ChannelWallet::onChainChanged, this, &WalletChannels::reload);
        // The sync disputes and re-reads in one go: the next reading alone would not show it.
        connect(wallet.get(), &ChannelWallet::staleCloseDisputed, this, [this](const ChannelId& disputed) {
            if (auto c = channel(disputed)) emit happened({Event::Kind::Disputed, *c, c->latest.balance(c->me)});
        });
        it = m_engines.emplace(account, std::move(wallet)).first;
    }
    ChannelWallet* wallet = it->second.get();
    const quint64 generation = m_generation;
    wallet->connectHub([this, wallet, generation, done](Result<HubInfo> info) {
        if (generation != m_generation) return;
        if (!info) return done(info.error());
        if (!m_hubInfo || m_hubInfo->hub != info->hub || m_hubInfo->fee != info->fee) {
            m_hubInfo = *info;
            emit changed();
        }
        done(wallet);
    });
}

void WalletChannels::setDisputeReview(ReviewFor review) {
    m_disputeReview = std::move(review);
    for (auto& [account, wallet] : m_engines)
        wallet->setDisputeReview(m_disputeReview ? m_disputeReview(account) : ReviewHook{});
}

template <typename T>
std::optional<WalletChannels::Done<T>> WalletChannels::begin(const Address& account, Done<T> done) {
    if (m_busy.count(account)) {
        done(make_error("this account's channels are busy with another operation; wait until it ends"));
        return std::nullopt;
    }
    m_busy.insert(account);
    const quint64 generation = m_generation;
    return Done<T>([this, account, generation, done](Result<T> result) {
        if (generation != m_generation) return;
        m_busy.erase(account);
        reload();
        done(std::move(result));
    });
}

void WalletChannels::open(const Address& account, const U256& amount, const U256& hubAmount, ReviewHook review,
                          Done<ChannelId> done) {
    auto finish = begin(account, std::move(done));
    if (!finish) return;
    whenSynced(account, [this, account, amount, hubAmount, review, finish] {
        engine(account, [amount, hubAmount, review, finish](Result<ChannelWallet*> wallet) {
            if (!wallet) return (*finish)(wallet.error());
            (*wallet)->setReview(review);
            (*wallet)->open(amount, hubAmount, *finish);
        });
    });
}

void WalletChannels::pay(const ChannelId& id, const U256& amount, Done<void> done) {
    const auto owner = ownerOf(id);
    if (!owner) return done(make_error("no such channel of this wallet on this network"));
    auto finish = begin(*owner, std::move(done));
    if (!finish) return;
    whenSynced(*owner, [this, owner = *owner, id, amount, finish] {
        engine(owner, [id, amount, finish](Result<ChannelWallet*> wallet) {
            if (!wallet) return (*finish)(wallet.error());
            (*wallet)->pay(id, amount, *finish);
        });
    });
}

Result<Invoice> WalletChannels::createInvoice(const Address& account, const U256& amount) {
    auto it = m_engines.find(account);
    if (it == m_engines.end() || !m_hubInfo) return make_error("the hub has not answered yet; try again in a moment");
    return it->second->createInvoice(amount);
}

void WalletChannels::awaitInvoicePaid(const Address& account, const Invoice& invoice, std::chrono::seconds timeout,
                                      Done<void> done) {
    auto finish = begin(account, std::move(done));
    if (!finish) return;
    whenSynced(account, [this, account, invoice, timeout, finish] {
        engine(account, [invoice, timeout, finish](Result<ChannelWallet*> wallet) {
            if (!wallet) return (*finish)(wallet.error());
            (*wallet)->awaitInvoicePaid(invoice, timeout, *finish);
        });
    });
}

void WalletChannels::payInvoice(const Address& account, const Invoice& invoice, Done<void> done) {
    auto finish = begin(account, std::move(done));
    if (!finish) return;
    whenSynced(account, [this, account, invoice, finish] {
        engine(account, [invoice, finish](Result<ChannelWallet*> wallet) {
            if (!wallet) return (*finish)(wallet.error());
            (*wallet)->payInvoice(invoice, std::chrono::seconds(60), *finish);
        });
    });
}

void WalletChannels::cooperativeClose(const ChannelId& id, ReviewHook review, Done<Hash> done) {
    closeStep(id, std::move(review), std::move(done), &ChannelWallet::cooperativeClose);
}

void WalletChannels::forceClose(const ChannelId& id, ReviewHook review, Done<Hash> done) {
    m_closingByMe.insert(id);
    closeStep(id, std::move(review), std::move(done), &ChannelWallet::forceClose);
}

void WalletChannels::settle(const ChannelId& id, ReviewHook review, Done<Hash> done) {
    closeStep(id, std::move(review), std::move(done), &ChannelWallet::settle);
}

// A cooperative close, a force close and a settle: one L1 transaction of the channel's owner.
void WalletChannels::closeStep(const ChannelId& id, ReviewHook review, Done<Hash> done, CloseCall call) {
    const auto owner = ownerOf(id);
    if (!owner) return done(make_error("no such channel of this wallet on this network"));
    auto finish = begin(*owner, std::move(done));
    if (!finish) return;
    whenSynced(*owner, [this, owner = *owner, id, review, finish, call] {
        engine(owner, [id, review, finish, call](Result<ChannelWallet*> wallet) {
            if (!wallet) return (*finish)(wallet.error());
            (*wallet)->setReview(review);
            ((*wallet)->*call)(id, *finish);
        });
    });
}

void WalletChannels::whenSynced(const Address& account, std::function<void()> start) {
    if (m_syncingAccount == account)
        m_afterSync.push_back(std::move(start));
    else
        start();
}

void WalletChannels::syncNow() {
    if (!m_store || m_syncing) return;
    reload();
    auto queue = std::make_shared<std::vector<StoredChannel>>();
    for (const StoredChannel& c : m_channels)
        if (c.onChain.status != ChannelStatus::Settled && !m_busy.count(c.myAddress())) queue->push_back(c);
    if (queue->empty()) return setLoading(false);
    m_syncing = true;
    syncNext(queue);
}

void WalletChannels::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}

void WalletChannels::hubAnnounced(const QJsonObject& news) {
    const auto id = channels::ChannelId::from_hex(news.value(QStringLiteral("channelId")).toString().toStdString());
    if (!m_store || !id || !ownerOf(*id)) return;
    if (m_syncing)
        m_syncAgain = true;
    else
        syncNow();
}

// One channel after the other: each sync takes the hub's news for it and reads it on chain.
void WalletChannels::syncNext(std::shared_ptr<std::vector<StoredChannel>> queue) {
    if (queue->empty()) {
        m_syncing = false;
        reload();
        setLoading(false);
        if (std::exchange(m_syncAgain, false)) syncNow();
        return;
    }
    const StoredChannel next = queue->back();
    queue->pop_back();
    if (m_busy.count(next.myAddress())) return syncNext(queue);  // an operation started meanwhile
    m_syncingAccount = next.myAddress();
    const quint64 generation = m_generation;
    auto done = [this, queue, generation](const QString& problem) {
        if (generation != m_generation) return;
        m_syncingAccount.reset();
        if (problem != m_problem) {
            m_problem = problem;
            emit changed();
        }
        for (auto& start : std::exchange(m_afterSync, {})) start();
        syncNext(queue);
    };
    engine(next.myAddress(), [this, next, done, generation](Result<ChannelWallet*> wallet) {
        if (!wallet) return done(QString::fromStdString(wallet.message()));
        const ChannelId id = next.channel.id;
        (*wallet)->sync(id, 0, [this, wallet = *wallet, id, done, generation](Result<StoredChannel> synced) {
            const QString problem = synced ? QString() : QString::fromStdString(synced.message());
            if (!hasWatchtower()) return done(problem);
            // Asked after each sync, so the page says "unreachable" within one interval.
            wallet->watchtowerStatus(id, [this, id, done, problem, generation](Result<WatchtowerView> view) {
                if (generation != m_generation) return;
                // Announced only when what the page says of it changes (the held state's
                // signatures are not shown).
                auto same = [](const std::optional<WatchtowerView>& a, const std::optional<WatchtowerView>& b) {
                    return a.has_value() == b.has_value() &&
                           (!a || (a->nonce == b->nonce && a->watching == b->watching && a->disputeTx == b->disputeTx));
                };
                const std::optional<WatchtowerView> seen = view ? std::optional(*view) : std::nullopt;
                const auto before = m_watchtowerViews.find(id);
                const bool news = before == m_watchtowerViews.end() || !same(before->second, seen);
                m_watchtowerViews.insert_or_assign(id, seen);
                if (news) emit changed();
                done(problem);
            });
        });
    });
}
