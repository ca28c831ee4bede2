// SPDX-License-Identifier: MIT
#include "services/channels/channel_wallet.hpp"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

#include "core/channels/lock_tree.hpp"
#include "core/common/secure.hpp"
#include "core/eth/abi.hpp"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"

namespace sluice {

using namespace sluice::channels;

namespace {

constexpr int kRefused = -32010;  // docs/RPC.md §5: refused by the channel rules
constexpr int kMaxPollMs = 20000;

QString q(const std::string& s) { return QString::fromStdString(s); }
QString quantity(const U256& v) { return q(u256_to_quantity(v)); }
Error failure(const QString& message) { return make_error(message.toStdString()); }

Error fromRpc(const QString& what, const RpcError& e) {
    QString message = what + QStringLiteral(": ") + e.message;
    if (e.code == kRefused) {
        const QString reason = e.data.toObject().value(QStringLiteral("reason")).toString();
        if (!reason.isEmpty() && !e.message.contains(reason))
            message += QStringLiteral(" (") + reason + QLatin1Char(')');
    }
    return failure(message);
}

}  // namespace

QString channelStorePath(const QString& dir, const QString& deploymentKey) {
    return QDir(dir).filePath(QStringLiteral("channels-%1.sqlite").arg(deploymentKey));
}

void openChannelStore(const QString& path, EthClient* l1, quint64 l1ChainId, const Address& contract, QObject* context,
                      std::function<void(Result<std::unique_ptr<ChannelStore>>)> done) {
    const QString legacy = QFileInfo(path).dir().filePath(QStringLiteral("channels.sqlite"));
    if (QFileInfo::exists(path) || !QFileInfo::exists(legacy)) return done(ChannelStore::open(path));
    std::vector<channels::Channel> ours;  // the old file's channels of this contract
    {
        auto old = ChannelStore::open(legacy);
        auto listed = old ? (*old)->channels() : Result<std::vector<StoredChannel>>(old.error());
        if (!listed) return done(failure(QStringLiteral("cannot read %1: %2").arg(legacy, q(listed.message()))));
        for (const StoredChannel& c : *listed)
            if (c.channel.domain.verifying_contract == contract && c.channel.domain.chain_id == U256(l1ChainId))
                ours.push_back(c.channel);
    }  // closed (and its log checkpointed) before it is copied
    if (ours.empty()) return done(ChannelStore::open(path));
    struct Check {
        std::function<void(Result<std::unique_ptr<ChannelStore>>)> done;
        size_t pending = 0;
        bool allOnChain = true;
        std::optional<Error> failed;
    };
    auto check = std::make_shared<Check>(Check{std::move(done), ours.size(), true, std::nullopt});
    auto* reader = new ChannelsContract(l1, contract, context);
    for (const channels::Channel& want : ours)
        reader->channel(want.id, reader, [check, reader, want, path, legacy](RpcResult<OnChainChannel> found) {
            if (!found)
                check->failed = failure(found.error().message);
            else if (found.value().status == ChannelStatus::None || found.value().a != want.a ||
                     found.value().b != want.b)
                check->allOnChain = false;
            if (--check->pending > 0) return;
            reader->deleteLater();
            if (check->failed)
                return check->done(failure(QStringLiteral("cannot tell whether the channels in %1 are this chain's: %2")
                                               .arg(legacy, q(check->failed->message))));
            // A copy: the old file may also hold another network's channels, which that network adopts.
            if (!check->allOnChain)
                qWarning("%s holds channels of another chain: left there unused; this chain's are kept in %s",
                         qPrintable(legacy), qPrintable(path));
            else if (!QFile::copy(legacy, path) && !QFileInfo::exists(path))  // (or another process did)
                return check->done(failure(QStringLiteral("cannot copy %1 to %2").arg(legacy, path)));
            check->done(ChannelStore::open(path));
        });
}

// --- Invoice -------------------------------------------------------------------------------------

QString Invoice::text() const {
    const QJsonObject o{{QStringLiteral("payee"), q(to_checksum_address(payee))},
                        {QStringLiteral("hub"), q(to_checksum_address(hub))},
                        {QStringLiteral("amount"), quantity(amount)},
                        {QStringLiteral("secretHash"), q(secretHash.hex())},
                        {QStringLiteral("l1ChainId"), quantity(l1ChainId)},
                        {QStringLiteral("channels"), q(to_checksum_address(channels))}};
    return QStringLiteral("sluice1") +
           QString::fromLatin1(QJsonDocument(o)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<Invoice> Invoice::parse(const QString& text) {
    const QString t = text.trimmed();
    if (!t.startsWith(QLatin1String("sluice1"))) return make_error("not a Sluice invoice (it starts with sluice1)");
    auto decoded = QByteArray::fromBase64Encoding(
        t.mid(7).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return make_error("the invoice is damaged (not base64url after sluice1)");
    const QJsonObject o = QJsonDocument::fromJson(*decoded).object();
    Invoice inv;
    auto payee = parse_address(o.value(QStringLiteral("payee")).toString().toStdString());
    auto hub = parse_address(o.value(QStringLiteral("hub")).toString().toStdString());
    auto channels = parse_address(o.value(QStringLiteral("channels")).toString().toStdString());
    auto amount = EthClient::parseQuantity(o.value(QStringLiteral("amount")));
    auto chain = EthClient::parseQuantity64(o.value(QStringLiteral("l1ChainId")));
    auto hash = channelmsg::hashFromJson(o.value(QStringLiteral("secretHash")), "secretHash");
    if (!payee || !hub || !channels || !amount || !chain || !hash || *amount == 0)
        return make_error("the invoice is damaged (a field is missing or malformed)");
    return Invoice{*payee, *hub, *amount, *hash, *chain, *channels};
}

// --- ChannelWallet -------------------------------------------------------------------------------

ChannelWallet::ChannelWallet(ChannelStore& store, AccountSigner signer, EthClient* l1, TransactionSender* sender,
                             const Address& expectedChannels, const QUrl& hubUrl, QObject* parent)
    : QObject(parent),
      m_store(store),
      m_signer(std::move(signer)),
      m_party(std::make_unique<ChannelParty>(store, m_signer, ClientParams::for_chain(sender->chainId()))),
      m_l1(l1),
      m_sender(sender),
      m_contract(new ChannelsContract(l1, expectedChannels, this)),
      m_expectedChannels(expectedChannels),
      m_hub(std::make_unique<RpcClient>(hubUrl)) {}

ChannelWallet::~ChannelWallet() = default;

void ChannelWallet::setWatchtower(const QUrl& url) {
    m_watchtower = url.isEmpty() ? nullptr : std::make_unique<RpcClient>(url);
}

void ChannelWallet::crashAt(CrashPoint point) const {
    // Dies as kill -9 would: no destructor runs, nothing more is written.
    if (m_crashPoint == point) std::_Exit(137);
}

void ChannelWallet::hubCall(const QString& method, const QJsonObject& params, std::function<void(RpcReply)> done) {
    m_hub->call(method, params.isEmpty() ? QJsonArray{} : QJsonArray{params}, this, std::move(done));
}

void ChannelWallet::sendL1(const QString& what, const Bytes& data, const U256& value, Done<TransactionReceipt> done,
                           const TransactionSender::ReviewHook& review) {
    TransactionSender::Callbacks callbacks;
    callbacks.review = review ? review : m_review;
    callbacks.confirmed = [done, what](TransactionReceipt r) {
        if (!r.success)
            return done(failure(what + QStringLiteral(" reverted on L1 (") + q(r.transactionHash.hex()) + ')'));
        done(r);
    };
    callbacks.failed = [done, what](SendFailure f) {
        // A revert names the contract's custom error in words rather than as hex.
        if (f.rpc && (f.rpc->data.isString() || f.rpc->data.isObject()))
            return done(failure(what + QStringLiteral(": the Channels contract refused it: ") +
                                channelsRevertReason(f.rpc->data)));
        done(failure(what + QStringLiteral(": ") + f.message));
    };
    m_sender->send(m_signer, SendRequest{m_expectedChannels, value, data, std::nullopt, std::nullopt}, this, callbacks);
}

Result<StoredChannel> ChannelWallet::stored(const ChannelId& id) {
    auto c = m_store.channel(id);
    if (!c) return c.error();
    if (!*c) return make_error("no channel " + id.hex() + " in this wallet's channel store");
    return std::move(**c);
}

void ChannelWallet::connectHub(Done<HubInfo> done) {
    if (m_hubInfo) return done(*m_hubInfo);
    hubCall(QStringLiteral("sluice_channelHubInfo"), {}, [this, done](RpcReply r) {
        if (!r) return done(fromRpc(QStringLiteral("the hub at ") + m_hub->endpoint().toString(), r.error()));
        const QJsonObject o = r.value().toObject();
        HubInfo info;
        auto hub = parse_address(o.value(QStringLiteral("hub")).toString().toStdString());
        auto channels = parse_address(o.value(QStringLiteral("channels")).toString().toStdString());
        auto chain = EthClient::parseQuantity64(o.value(QStringLiteral("l1ChainId")));
        auto period = EthClient::parseQuantity64(o.value(QStringLiteral("disputePeriod")));
        auto funding = EthClient::parseQuantity(o.value(QStringLiteral("maxFunding")));
        auto fee = EthClient::parseQuantity(o.value(QStringLiteral("fee")));
        if (!hub || !channels || !chain || !period || !funding || !fee)
            return done(failure(QStringLiteral("the hub answered sluice_channelHubInfo with something malformed")));
        // The wallet's network decides the contract and chain, never the hub.
        if (*channels != m_expectedChannels)
            return done(
                failure(QStringLiteral("the hub uses the Channels contract %1, not this network's %2")
                            .arg(q(to_checksum_address(*channels)), q(to_checksum_address(m_expectedChannels)))));
        if (*chain != m_sender->chainId())
            return done(failure(
                QStringLiteral("the hub is on L1 chain %1, this wallet on %2").arg(*chain).arg(m_sender->chainId())));
        info.hub = *hub;
        info.channels = *channels;
        info.l1ChainId = *chain;
        info.disputePeriod = *period;
        info.maxFunding = *funding;
        info.fee = *fee;
        m_hubInfo = info;
        done(info);
    });
}

void ChannelWallet::open(const U256& amount, const U256& hubAmount, Done<ChannelId> done) {
    connectHub([this, amount, hubAmount, done](Result<HubInfo> info) {
        if (!info) return done(info.error());
        // The hub's rule (docs/RPC.md §5), checked before anything is sent so that a refused
        // funding cannot leave a channel opened on L1 without it.
        if (hubAmount > amount)
            return done(failure(QStringLiteral("the hub funds at most as much as the wallet deposited (%1 ETH here)")
                                    .arg(q(format_amount(amount, Unit::ether)))));
        if (hubAmount > info->maxFunding)
            return done(failure(
                QStringLiteral("the hub funds at most %1 wei per channel").arg(q(u256_to_dec(info->maxFunding)))));
        const Address hub = info->hub;
        sendL1(QStringLiteral("opening the channel"), channelsabi::openCalldata(m_signer.address, hub, amount, 0),
               amount, [this, hub, hubAmount, done](Result<TransactionReceipt> receipt) {
                   if (!receipt) return done(receipt.error());
                   m_contract->openedChannelId(
                       receipt->transactionHash, this, [this, hub, hubAmount, done](RpcResult<ChannelId> id) {
                           if (!id) return done(failure(id.error().message));
                           m_contract->channel(
                               id.value(), this,
                               [this, hub, hubAmount, done, id = id.value()](RpcResult<OnChainChannel> c) {
                                   if (!c) return done(failure(c.error().message));
                                   StoredChannel s;
                                   s.channel = Channel{Domain{U256(m_sender->chainId()), m_expectedChannels}, id,
                                                       m_signer.address, hub};
                                   s.me = Participant::A;
                                   s.counterpartyUrl = m_hub->endpoint().toString();
                                   s.onChain =
                                       ChannelOnChain{c.value().status, c.value().depositA, c.value().depositB, 0, 0};
                                   s.latest = opening_state(id, c.value().depositA, c.value().depositB);
                                   if (auto st = m_store.addChannel(s); !st) return done(st.error());
                                   hubCall(QStringLiteral("sluice_channelRegister"),
                                           {{QStringLiteral("channelId"), q(id.hex())}},
                                           [this, id, hubAmount, done](RpcReply r) {
                                               if (!r)
                                                   return done(fromRpc(
                                                       QStringLiteral("the hub did not take the channel"), r.error()));
                                               if (hubAmount == 0) return done(id);
                                               hubCall(QStringLiteral("sluice_channelFund"),
                                                       {{QStringLiteral("channelId"), q(id.hex())},
                                                        {QStringLiteral("amount"), quantity(hubAmount)}},
                                                       [this, id, hubAmount, done](RpcReply funded) {
                                                           if (!funded)
                                                               return done(fromRpc(
                                                                   QStringLiteral("the hub did not fund its side"),
                                                                   funded.error()));
                                                           // Counted in a state only once it is on chain: read it there.
                                                           refresh(id, [this, id, hubAmount,
                                                                        done](Result<StoredChannel> c) {
                                                               if (!c) return done(c.error());
                                                               proposeToHub(id, Deposit{Participant::B, hubAmount}, {},
                                                                            [id, done](Status st) {
                                                                                if (!st) return done(st.error());
                                                                                done(id);
                                                                            });
                                                           });
                                                       });
                                           });
                               });
                       });
               });
    });
}

void ChannelWallet::refresh(const ChannelId& id, Done<StoredChannel> done) {
    auto mine = stored(id);
    if (!mine) return done(mine.error());
    m_contract->channel(id, this, [this, id, done](RpcResult<OnChainChannel> r) {
        if (!r) return done(failure(QStringLiteral("cannot read the channel on L1: ") + r.error().message));
        const OnChainChannel& c = r.value();
        auto s = stored(id);
        if (!s) return done(s.error());
        ChannelOnChain on{c.status, s->onChain.depositA, s->onChain.depositB, c.nonce, c.disputeEndsAt};
        // Deposits are readable only while the channel is open; after that they are final.
        if (c.status == ChannelStatus::Open) {
            on.depositA = c.depositA;
            on.depositB = c.depositB;
        }
        if (on != s->onChain) {
            if (auto st = m_store.setOnChain(id, on); !st) return done(st.error());
            s->onChain = on;
            emit onChainChanged(id);
        }
        // §13.4: a close with an older state than ours is disputed while the period runs.
        const auto cosigned = s->cosigned();
        if (c.status != ChannelStatus::Closing || !cosigned || c.nonce >= s->latest.nonce) return done(std::move(*s));
        m_contract->latestBlockTime(this, [this, s = *s, cosigned, done](RpcResult<std::uint64_t> now) {
            if (!now || now.value() >= s.onChain.disputeEndsAt) return done(s);
            qInfo("channel %s is closing with nonce %llu but the latest is %llu: disputing", s.channel.id.hex().c_str(),
                  static_cast<unsigned long long>(s.onChain.closingNonce),
                  static_cast<unsigned long long>(s.latest.nonce));
            sendL1(
                QStringLiteral("disputing a stale close"),
                channelsabi::disputeCalldata(cosigned->state, cosigned->sigA, cosigned->sigB), 0,
                [this, s, done](Result<TransactionReceipt> r) {
                    if (!r) return done(r.error());
                    emit staleCloseDisputed(s.channel.id, s.onChain.closingNonce, s.latest.nonce);
                    refresh(s.channel.id, done);
                },
                m_disputeReview);
        });
    });
}

void ChannelWallet::adoptHubLatest(const ChannelId& id, Done<void> done) {
    hubCall(QStringLiteral("sluice_channelLatest"), {{QStringLiteral("channelId"), q(id.hex())}},
            [this, id, done](RpcReply r) {
                if (!r) return done(fromRpc(QStringLiteral("cannot ask the hub for its newest state"), r.error()));
                const QJsonObject o = r.value().toObject();
                std::optional<channelmsg::CosignedState> theirs;
                if (o.value(QStringLiteral("sigA")).isString()) {
                    auto c = channelmsg::cosignedFromJson(o);
                    if (!c)
                        return done(failure(QStringLiteral("the hub's newest state is malformed: ") + q(c.message())));
                    theirs = *c;
                }
                auto locks = channelmsg::locksFromJson(o.value(QStringLiteral("locks")));
                if (!locks)
                    return done(failure(QStringLiteral("the hub's locks are malformed: ") + q(locks.message())));
                if (auto st = m_party->reconcile(id, theirs, *locks); !st) return done(st.error());
                tellWatchtower(id, [done] { done(Status{}); });
            });
}

void ChannelWallet::reconcile(const ChannelId& id, Done<void> done) {
    auto s = stored(id);
    if (!s) return done(s.error());
    if (!s->outstanding) return done(Status{});
    // A proposal of ours from before a crash: the hub's newest state says whether it was signed.
    adoptHubLatest(id, done);
}

void ChannelWallet::resumeAfterRestore(const ChannelId& id, Done<StoredChannel> done) {
    adoptHubLatest(id, [this, id, done](Status st) {
        if (!st) return done(st.error());
        adoptWatchtowerState(id, [this, id, done] {
            if (auto jumped = m_party->afterRestore(id); !jumped) return done(jumped.error());
            refresh(id, done);
        });
    });
}

void ChannelWallet::adoptWatchtowerState(const ChannelId& id, std::function<void()> then) {
    if (!m_watchtower) return then();
    askWatchtower(id, [this, id, then](Result<WatchtowerView> view) {
        // §13.7 rule 1: the watchtower's state counts too. Without its lock leaves (the
        // watchtower keeps none) a state with locks cannot be adopted; the nonce jump that
        // follows still puts every new proposal above it.
        auto s = stored(id);
        if (!view || !view->held || !s || view->held->state.nonce <= s->latest.nonce) return then();
        if (view->held->state.locked_amount != 0) {
            qWarning("the watchtower holds a newer state (nonce %llu) with locks the hub did not show",
                     static_cast<unsigned long long>(view->held->state.nonce));
            return then();
        }
        if (auto st = m_party->reconcile(id, *view->held, {}); !st)
            qWarning("the watchtower's state was not adopted: %s", st.message().c_str());
        then();
    });
}

void ChannelWallet::askWatchtower(const ChannelId& id, Done<WatchtowerView> done) {
    if (!m_watchtower) return done(failure(QStringLiteral("this network has no watchtower")));
    m_watchtower->call(
        QStringLiteral("sluice_watchtowerStatus"), QJsonArray{QJsonObject{{QStringLiteral("channelId"), q(id.hex())}}},
        this, [this, done](RpcReply r) {
            if (!r)
                return done(
                    fromRpc(QStringLiteral("the watchtower at ") + m_watchtower->endpoint().toString(), r.error()));
            const QJsonObject o = r.value().toObject();
            WatchtowerView view;
            view.watching = o.value(QStringLiteral("watching")).toBool();
            if (o.contains(QStringLiteral("held"))) {
                auto held = channelmsg::cosignedFromJson(o.value(QStringLiteral("held")));
                if (!held)
                    return done(failure(QStringLiteral("the watchtower's state is malformed: ") + q(held.message())));
                view.nonce = held->state.nonce;
                view.held = std::move(*held);
            }
            if (auto tx = Hash::from_hex(o.value(QStringLiteral("disputeTx")).toString().toStdString()))
                view.disputeTx = *tx;
            done(view);
        });
}

void ChannelWallet::watchtowerStatus(const ChannelId& id, Done<WatchtowerView> done) {
    askWatchtower(id, [this, id, done](Result<WatchtowerView> view) {
        auto s = stored(id);
        const auto cosigned = s ? s->cosigned() : std::nullopt;
        if (!view || !cosigned) return done(view);
        const bool behind = !view->nonce || (view->watching && *view->nonce < cosigned->state.nonce);
        if (!behind) return done(view);
        tellWatchtower(id, [this, id, done] { askWatchtower(id, done); });
    });
}

void ChannelWallet::sync(const ChannelId& id, int pollMs, Done<StoredChannel> done) {
    refresh(id, [this, id, pollMs, done](Result<StoredChannel> c) {
        if (!c) return done(c.error());
        if (c->onChain.status == ChannelStatus::Settled) return resolveLocksOnChain(id, done);
        if (c->onChain.status != ChannelStatus::Open) return done(std::move(*c));
        reconcile(id, [this, id, pollMs, done](Status st) {
            if (!st) return done(st.error());
            takeNews(id, pollMs, [this, id, done](Status news) {
                if (!news) return done(news.error());
                registerKnownSecrets(id, [this, id, done](Status registered) {
                    if (!registered) return done(registered.error());
                    expireOwnLocks(id, [this, id, done](Status expired) {
                        if (!expired) return done(expired.error());
                        done(stored(id));
                    });
                });
            });
        });
    });
}

void ChannelWallet::resolveLocksOnChain(const ChannelId& id, Done<StoredChannel> done) {
    auto s = stored(id);
    if (!s) return done(s.error());
    // The settled state's locks: the latest, or an older state we signed that a close used.
    std::vector<Lock> locks = s->latestLocks;
    if (s->onChain.closingNonce != s->latest.nonce) {
        auto closing = m_store.signedState(id, s->onChain.closingNonce);
        if (!closing || !*closing)
            return done(failure(QStringLiteral("the channel settled with state %1, which this wallet does not hold")
                                    .arg(s->onChain.closingNonce)));
        locks = (*closing)->locks;
    }
    auto mine = std::make_shared<std::vector<Lock>>();
    for (const Lock& l : locks) mine->push_back(l);
    auto next = std::make_shared<std::function<void(std::size_t)>>();
    *next = [this, id, locks, mine, next, me = s->me, done](std::size_t i) {
        if (i >= mine->size()) return refresh(id, done);
        const Lock lock = (*mine)[i];
        const auto proof = lock_proof(locks, lock);
        if (!proof) return (*next)(i + 1);
        auto call = encode_call("isLockResolved(bytes32,uint256)",
                                {AbiValue(Bytes(id.begin(), id.end())), AbiValue(U256(proof->index))});
        m_contract->call(*call, this, [this, id, lock, proof = *proof, me, next, i, done](RpcResult<Bytes> resolved) {
            if (!resolved) return done(failure(resolved.error().message));
            if (!resolved.value().empty() && resolved.value().back() == 1) return (*next)(i + 1);
            m_contract->latestBlockTime(this, [this, id, lock, proof, me, next, i, done](RpcResult<std::uint64_t> now) {
                if (!now) return done(failure(now.error().message));
                m_contract->secretRegisteredAt(
                    lock.secret_hash, this,
                    [this, id, lock, proof, me, next, i, now = now.value(), done](RpcResult<std::uint64_t> at) {
                        if (!at) return done(failure(at.error().message));
                        const LockStatus status = lock_status(lock, at.value(), now);
                        Bytes data;
                        if (status == LockStatus::Claimable && lock.receiver() == me)
                            data = channelsabi::unlockCalldata(id, lock, proof.index, proof.siblings);
                        else if (status == LockStatus::Returnable && lock.sender() == me)
                            data = channelsabi::claimExpiredCalldata(id, lock, proof.index, proof.siblings);
                        if (data.empty()) return (*next)(i + 1);  // not ours, or still pending
                        sendL1(QStringLiteral("resolving a lock"), data, 0,
                               [next, i, done](Result<TransactionReceipt> r) {
                                   if (!r) return done(r.error());
                                   (*next)(i + 1);
                               });
                    });
            });
        });
    };
    (*next)(0);
}

void ChannelWallet::registerKnownSecrets(const ChannelId& id, Done<void> done) {
    auto s = stored(id);
    if (!s) return done(s.error());
    // §13.4: a lock paid to us whose secret we know (we made the invoice) and that the hub has not
    // unlocked by expiry - R is made claimable for good by registering the secret on chain, so
    // the hub can no longer take it back with an Expire.
    std::vector<std::pair<Lock, Hash>> due;
    for (const Lock& l : s->latestLocks) {
        if (l.sender() == s->me) continue;
        auto secret = m_store.secret(l.secret_hash);
        if (secret && *secret) due.emplace_back(l, **secret);
    }
    if (due.empty()) return done(Status{});
    m_contract->latestBlockTime(this, [this, due, done](RpcResult<std::uint64_t> now) {
        if (!now) return done(Status{});
        const std::uint64_t reveal = m_party->params().reveal_timeout;
        for (const auto& [lock, secret] : due) {
            if (now.value() + reveal < lock.expiry || now.value() >= lock.expiry) continue;
            const Hash secretCopy = secret;
            return m_contract->secretRegisteredAt(
                lock.secret_hash, this, [this, secretCopy, done](RpcResult<std::uint64_t> at) {
                    if (!at || at.value() != 0) return done(Status{});
                    qInfo("the hub has not unlocked a payment to us in time: registering its secret on L1");
                    sendL1(QStringLiteral("registering a secret"), channelsabi::registerSecretCalldata(secretCopy), 0,
                           [done](Result<TransactionReceipt> r) {
                               if (!r) return done(r.error());
                               done(Status{});
                           });
                });
        }
        done(Status{});
    });
}

void ChannelWallet::expireOwnLocks(const ChannelId& id, Done<void> done) {
    auto s = stored(id);
    if (!s) return done(s.error());
    // Our lock that expires first: the one that can be returnable first (its secret is then read
    // from the registry). One at a time, so each Expire is checked against the state before it.
    const Lock* candidate = nullptr;
    for (const Lock& l : s->latestLocks)
        if (l.sender() == s->me && (!candidate || l.expiry < candidate->expiry)) candidate = &l;
    if (!candidate) return done(Status{});
    const Lock lock = *candidate;
    m_contract->latestBlockTime(this, [this, id, lock, done](RpcResult<std::uint64_t> now) {
        if (!now || now.value() < lock.expiry) return done(Status{});
        m_contract->secretRegisteredAt(lock.secret_hash, this,
                                       [this, id, lock, now = now.value(), done](RpcResult<std::uint64_t> at) {
                                           if (!at) return done(Status{});
                                           // §13.3: a payment that never completed comes back to its sender after the expiry.
                                           if (lock_status(lock, at.value(), now) != LockStatus::Returnable)
                                               return done(Status{});
                                           proposeToHub(id, Expire{lock}, {}, [this, id, done](Status st) {
                                               if (!st) return done(st);
                                               expireOwnLocks(id, done);
                                           });
                                       });
    });
}

void ChannelWallet::takeNews(const ChannelId& id, int pollMs, Done<void> done) {
    hubCall(QStringLiteral("sluice_channelPoll"),
            {{QStringLiteral("channelId"), q(id.hex())}, {QStringLiteral("timeoutMs"), std::min(pollMs, kMaxPollMs)}},
            [this, id, done](RpcReply r) {
                if (!r) return done(fromRpc(QStringLiteral("cannot reach the hub"), r.error()));
                const QJsonObject o = r.value().toObject();
                if (o.value(QStringLiteral("proposal")).isObject()) {
                    auto p = channelmsg::proposalFromJson(o.value(QStringLiteral("proposal")));
                    if (!p)
                        return done(failure(QStringLiteral("the hub sent a malformed proposal: ") + q(p.message())));
                    return acceptFromHub(id, *p, [this, id, done](Result<bool> accepted) {
                        if (!accepted) return done(accepted.error());
                        // More may be waiting (the hub proposes one at a time); after a refusal the
                        // hub's next proposal waits for the next sync, so the two cannot loop.
                        if (!*accepted) return done(Status{});
                        takeNews(id, 0, done);
                    });
                }
                // Secrets of our locks to the hub: the payee was paid, so we unlock (we pay the hub).
                auto s = stored(id);
                if (!s) return done(s.error());
                for (const QJsonValue& v : o.value(QStringLiteral("secrets")).toArray()) {
                    auto secret = channelmsg::hashFromJson(v.toObject().value(QStringLiteral("secret")), "secret");
                    if (!secret) continue;
                    for (const Lock& l : s->latestLocks)
                        if (l.sender() == s->me && l.secret_hash == secret_hash_of(*secret)) {
                            (void)m_store.putSecret(*secret);
                            return proposeToHub(id, Unlock{l, *secret}, {}, [this, id, done](Status st) {
                                if (!st) return done(st);
                                takeNews(id, 0, done);
                            });
                        }
                }
                done(Status{});
            });
}

void ChannelWallet::acceptFromHub(const ChannelId& id, const channelmsg::Proposal& proposal, Done<bool> done) {
    const Hash lockHash = std::visit(
        [](const auto& u) -> Hash {
            if constexpr (requires { u.lock; }) return u.lock.secret_hash;
            return Hash{};
        },
        proposal.update);
    m_contract->latestBlockTime(this, [this, id, proposal, lockHash, done](RpcResult<std::uint64_t> now) {
        if (!now) return done(failure(QStringLiteral("cannot read the L1 time: ") + now.error().message));
        auto decide = [this, id, proposal, done, now = now.value()](std::optional<std::uint64_t> registeredAt) {
            ChainView chain{now, [registeredAt](const Hash&) { return registeredAt; }};
            auto answer = m_party->accept(id, proposal, chain);
            QJsonObject params{{QStringLiteral("channelId"), q(id.hex())},
                               {QStringLiteral("nonce"), quantity(proposal.state.nonce)}};
            const Refusal* refusal = std::get_if<Refusal>(&answer);
            if (refusal)
                params.insert(QStringLiteral("refusal"),
                              QJsonObject{{QStringLiteral("code"), int(refusal->error)},
                                          {QStringLiteral("highestSigned"), quantity(refusal->highestSigned)}});
            else
                params.insert(QStringLiteral("signature"), channelmsg::toJson(std::get<Signature>(answer)));
            const std::string why = refusal ? refusal->message : std::string();
            hubCall(QStringLiteral("sluice_channelCountersign"), params, [this, id, why, done](RpcReply r) {
                if (!why.empty()) qInfo("refused the hub's proposal: %s", why.c_str());
                if (!r) return done(fromRpc(QStringLiteral("the hub did not take the answer"), r.error()));
                if (!why.empty()) return done(false);
                tellWatchtower(id, [done] { done(true); });
            });
        };
        // An Expire is checked against the contract's secret registry.
        if (std::holds_alternative<Expire>(proposal.update))
            return m_contract->secretRegisteredAt(lockHash, this, [decide](RpcResult<std::uint64_t> at) {
                decide(at ? std::optional<std::uint64_t>(at.value()) : std::nullopt);
            });
        decide(std::nullopt);
    });
}

void ChannelWallet::proposeToHub(const ChannelId& id, const Update& update, const QJsonObject& extra, Done<void> done,
                                 bool retried) {
    auto proposal = m_party->propose(id, update);
    if (!proposal) return done(proposal.error());
    crashAt(CrashPoint::ProposalStored);
    QJsonObject params = extra;
    params.insert(QStringLiteral("channelId"), q(id.hex()));
    params.insert(QStringLiteral("proposal"), channelmsg::toJson(*proposal));
    const std::uint64_t nonce = proposal->state.nonce;
    hubCall(
        QStringLiteral("sluice_channelPropose"), params, [this, id, update, extra, nonce, done, retried](RpcReply r) {
            if (!r) {
                if (r.error().code != kRefused)  // unanswered: settled by the next sync (reconcile)
                    return done(fromRpc(
                        QStringLiteral("the hub did not answer; the update is settled on the next sync"), r.error()));
                const QJsonObject data = r.error().data.toObject();
                const auto theirs = EthClient::parseQuantity64(data.value(QStringLiteral("highestSigned")));
                if (auto st = m_party->refused(id, nonce, theirs.value_or(0)); !st) return done(st.error());
                // §13.1: a proposal that crossed one of the hub's is made again at once, above both.
                if (!retried && data.value(QStringLiteral("code")).toInt() == int(ChannelError::NonceNotAboveSigned))
                    return proposeToHub(id, update, extra, done, true);
                return done(fromRpc(QStringLiteral("the hub refused the update"), r.error()));
            }
            auto sig = channelmsg::signatureFromJson(r.value().toObject().value(QStringLiteral("signature")));
            if (!sig) return done(failure(QStringLiteral("the hub answered without a valid signature")));
            crashAt(CrashPoint::SignatureReceived);
            if (auto st = m_party->complete(id, nonce, *sig); !st) return done(st.error());
            tellWatchtower(id, [done] { done(Status{}); });
        });
}

void ChannelWallet::tellWatchtower(const ChannelId& id, std::function<void()> then) {
    auto s = stored(id);
    const auto cosigned = s ? s->cosigned() : std::nullopt;
    if (!m_watchtower || !cosigned) return then();
    QJsonObject params = channelmsg::toJson(*cosigned);
    params.insert(QStringLiteral("channelsContract"), q(to_checksum_address(m_expectedChannels)));
    // The update stands whatever the watchtower answers; a watchtower that is down is only warned
    // about (it gets the newest state with the next update).
    m_watchtower->call(QStringLiteral("sluice_watchtowerWatch"), QJsonArray{params}, this, [then](RpcReply r) {
        if (!r) qWarning("the watchtower did not take the newest state: %s", qPrintable(r.error().message));
        then();
    });
}

void ChannelWallet::pay(const ChannelId& id, const U256& amount, Done<void> done) {
    sync(id, 0, [this, id, amount, done](Result<StoredChannel> c) {
        if (!c) return done(c.error());
        if (c->onChain.status != ChannelStatus::Open) return done(failure(QStringLiteral("the channel is not open")));
        if (c->latest.balance(c->me) < amount)
            return done(
                failure(QStringLiteral("insufficient funds in the channel: it holds %1 ETH for you, the payment "
                                       "needs %2 ETH")
                            .arg(q(format_amount(c->latest.balance(c->me), Unit::ether)),
                                 q(format_amount(amount, Unit::ether)))));
        proposeToHub(id, Pay{c->me, amount}, {}, done);
    });
}

Result<ChannelId> ChannelWallet::channelFor(const U256& amount) {
    auto all = m_store.channels();
    if (!all) return all.error();
    const StoredChannel* best = nullptr;
    for (const StoredChannel& c : *all)
        if (c.myAddress() == m_signer.address && c.onChain.status == ChannelStatus::Open && !c.cooperativeCloseSigned &&
            (!best || c.latest.balance(c.me) > best->latest.balance(best->me)))
            best = &c;
    if (!best) return make_error("this account has no open channel with the hub (channel open --amount X)");
    if (best->latest.balance(best->me) < amount)
        return make_error("no channel of this account holds " + u256_to_dec(amount) + " wei (the most is " +
                          u256_to_dec(best->latest.balance(best->me)) + ")");
    return best->channel.id;
}

Result<Invoice> ChannelWallet::createInvoice(const U256& amount) {
    if (!m_hubInfo) return make_error("connect to the hub first");
    if (amount == 0) return make_error("an invoice needs an amount above zero");
    Hash secret;
    if (auto st = random_bytes(secret.bytes.data(), secret.bytes.size()); !st) return st.error();
    if (auto st = m_store.putSecret(secret); !st) return st.error();
    Invoice inv{m_signer.address,       m_hubInfo->hub,       amount,
                secret_hash_of(secret), m_hubInfo->l1ChainId, m_expectedChannels};
    secure_wipe(secret.bytes.data(), secret.bytes.size());
    return inv;
}

void ChannelWallet::awaitInvoicePaid(const Invoice& invoice, std::chrono::seconds timeout, Done<void> done) {
    auto secret = m_store.secret(invoice.secretHash);
    if (!secret || !*secret) return done(failure(QStringLiteral("this wallet did not make that invoice")));
    auto id = channelFor(0);
    if (!id) return done(id.error());
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(timeout.count()) * 1000;
    // Poll until the hub's lock with the invoice's hash is ours, reveal the secret, then poll until
    // the hub's Unlock pays it: the payment is complete when the lock has become our balance.
    auto step = std::make_shared<std::function<void(bool)>>();
    *step = [this, id = *id, invoice, secret = **secret, deadline, done, step](bool revealed) {
        const qint64 left = deadline - QDateTime::currentMSecsSinceEpoch();
        if (left <= 0) return done(failure(QStringLiteral("the invoice was not paid in time")));
        // After the secret is out, wake often enough to register it on chain by expiry - R.
        sync(id, int(std::min<qint64>(left, revealed ? 2000 : kMaxPollMs)),
             [this, invoice, secret, revealed, done, step](Result<StoredChannel> c) {
                 if (!c) return done(c.error());
                 bool locked = false;
                 for (const Lock& l : c->latestLocks)
                     locked |= l.secret_hash == invoice.secretHash && l.sender() != c->me;
                 if (!locked && revealed) {
                     // The hub's lock is gone: paid if its Unlock moved the amount to us.
                     auto signedByMe = m_store.signedState(c->channel.id, c->latest.nonce);
                     const bool paid =
                         signedByMe && *signedByMe && std::holds_alternative<Unlock>((*signedByMe)->update);
                     if (paid) return done(Status{});
                     return done(failure(QStringLiteral("the hub's lock was removed without paying (expired)")));
                 }
                 if (locked && !revealed) {
                     return hubCall(
                         QStringLiteral("sluice_channelRevealSecret"), {{QStringLiteral("secret"), q(secret.hex())}},
                         [done, step](RpcReply r) {
                             if (!r) return done(fromRpc(QStringLiteral("the hub did not take the secret"), r.error()));
                             (*step)(true);
                         });
                 }
                 (*step)(revealed);
             });
    };
    (*step)(false);
}

void ChannelWallet::payInvoice(const Invoice& invoice, std::chrono::seconds timeout, Done<void> done) {
    connectHub([this, invoice, timeout, done](Result<HubInfo> info) {
        if (!info) return done(info.error());
        if (invoice.hub != info->hub || invoice.channels != m_expectedChannels || invoice.l1ChainId != info->l1ChainId)
            return done(failure(QStringLiteral("the invoice is for another hub or network")));
        const U256 total = invoice.amount + info->fee;
        auto id = channelFor(total);
        if (!id) return done(id.error());
        m_contract->latestBlockTime(this, [this, invoice, total, id = *id, timeout,
                                           done](RpcResult<std::uint64_t> now) {
            if (!now) return done(failure(now.error().message));
            // §13.3: T_in = now + 4R, so the hub can forward with T_out = T_in - R >= now + 2R.
            const Lock lock{false, now.value() + 4 * m_party->params().reveal_timeout, total, invoice.secretHash};
            sync(id, 0, [this, id, lock, invoice, timeout, done](Result<StoredChannel> c) {
                if (!c) return done(c.error());
                const Lock mine{c->me == Participant::B, lock.expiry, lock.amount, lock.secret_hash};
                proposeToHub(id, AddLock{mine}, {{QStringLiteral("forwardTo"), q(to_checksum_address(invoice.payee))}},
                             [this, id, mine, timeout, done](Status st) {
                                 if (!st) return done(st);
                                 // Done once the hub showed the secret and our Unlock is co-signed, i.e.
                                 // the lock is gone from the latest state.
                                 const qint64 deadline =
                                     QDateTime::currentMSecsSinceEpoch() + qint64(timeout.count()) * 1000;
                                 auto wait = std::make_shared<std::function<void()>>();
                                 *wait = [this, id, mine, deadline, done, wait] {
                                     const qint64 left = deadline - QDateTime::currentMSecsSinceEpoch();
                                     sync(id, int(std::clamp<qint64>(left, 0, kMaxPollMs)),
                                          [this, mine, left, done, wait](Result<StoredChannel> c) {
                                              if (!c) return done(c.error());
                                              bool pending = false;
                                              for (const Lock& l : c->latestLocks) pending |= l == mine;
                                              if (!pending) return done(Status{});
                                              if (left <= 0)
                                                  return done(failure(QStringLiteral(
                                                      "the payee has not taken the payment yet; the lock returns "
                                                      "to you after it expires (sync the channel then)")));
                                              (*wait)();
                                          });
                                 };
                                 (*wait)();
                             });
            });
        });
    });
}

void ChannelWallet::cooperativeClose(const ChannelId& id, Done<Hash> done) {
    sync(id, 0, [this, id, done](Result<StoredChannel> c) {
        if (!c) return done(c.error());
        auto signedClose = m_party->signCooperativeClose(id);
        if (!signedClose) return done(signedClose.error());
        const auto [close, mine] = *signedClose;
        hubCall(
            QStringLiteral("sluice_channelCooperativeClose"),
            {{QStringLiteral("channelId"), q(id.hex())},
             {QStringLiteral("close"), channelmsg::toJson(close)},
             {QStringLiteral("signature"), channelmsg::toJson(mine)}},
            [this, id, close, mine, me = c->me, done](RpcReply r) {
                if (!r) return done(fromRpc(QStringLiteral("the hub did not agree to close"), r.error()));
                auto theirs = channelmsg::signatureFromJson(r.value().toObject().value(QStringLiteral("signature")));
                if (!theirs) return done(failure(QStringLiteral("the hub answered without a valid signature")));
                const bool iAmA = me == Participant::A;
                sendL1(QStringLiteral("closing the channel"),
                       channelsabi::cooperativeCloseCalldata(close, iAmA ? mine : *theirs, iAmA ? *theirs : mine), 0,
                       [this, id, done](Result<TransactionReceipt> receipt) {
                           if (!receipt) return done(receipt.error());
                           refresh(id, [done, hash = receipt->transactionHash](Result<StoredChannel>) { done(hash); });
                       });
            });
    });
}

void ChannelWallet::forceClose(const ChannelId& id, Done<Hash> done) {
    refresh(id, [this, id, done](Result<StoredChannel> c) {
        if (!c) return done(c.error());
        if (c->onChain.status != ChannelStatus::Open) return done(failure(QStringLiteral("the channel is not open")));
        const auto cosigned = c->cosigned();
        const Bytes data = cosigned ? channelsabi::closeCalldata(cosigned->state, cosigned->sigA, cosigned->sigB)
                                    : channelsabi::closeInitialCalldata(id);
        sendL1(QStringLiteral("closing the channel"), data, 0, [this, id, done](Result<TransactionReceipt> r) {
            if (!r) return done(r.error());
            refresh(id, [done, hash = r->transactionHash](Result<StoredChannel>) { done(hash); });
        });
    });
}

void ChannelWallet::settle(const ChannelId& id, Done<Hash> done) {
    refresh(id, [this, id, done](Result<StoredChannel> c) {
        if (!c) return done(c.error());
        if (c->onChain.status == ChannelStatus::None || c->onChain.status == ChannelStatus::Settled)
            return done(failure(QStringLiteral("the channel is already settled: its payouts were made")));
        if (c->onChain.status != ChannelStatus::Closing)
            return done(failure(QStringLiteral("only a closing channel can be settled (close it first)")));
        m_contract->latestBlockTime(this, [this, id, ends = c->onChain.disputeEndsAt,
                                           done](RpcResult<std::uint64_t> now) {
            if (now && now.value() < ends)
                return done(failure(QStringLiteral("the dispute period ends at %1 (in %2 s); settle after that")
                                        .arg(QDateTime::fromSecsSinceEpoch(qint64(ends), Qt::UTC).toString(Qt::ISODate))
                                        .arg(ends - now.value())));
            sendL1(QStringLiteral("settling the channel"), channelsabi::settleCalldata(id), 0,
                   [this, id, done](Result<TransactionReceipt> r) {
                       if (!r) {
                           // The watchtower (or the hub) may have settled it a moment before: say so
                           // rather than the contract's revert.
                           const QString reason = QString::fromStdString(r.message());
                           const bool goneOnChain = reason.contains(QLatin1String("WrongStatus(")) &&
                                                    (reason.contains(QLatin1String("status None)")) ||
                                                     reason.contains(QLatin1String("status Settled)")));
                           return refresh(id, [done, goneOnChain, error = r.error()](Result<StoredChannel> again) {
                               if (goneOnChain || (again && (again->onChain.status == ChannelStatus::None ||
                                                             again->onChain.status == ChannelStatus::Settled)))
                                   return done(failure(
                                       QStringLiteral("the channel is already settled: its payouts were made")));
                               done(error);
                           });
                       }
                       refresh(id, [done, hash = r->transactionHash](Result<StoredChannel>) { done(hash); });
                   });
        });
    });
}

}  // namespace sluice
