// SPDX-License-Identifier: MIT
#include "node/hub/hub.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QUrl>

#include "core/channels/lock_tree.hpp"
#include "core/eth/address.hpp"
#include "services/rpc/await_result.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice::node {

using namespace sluice::channels;

namespace {

// docs/RPC.md §5: an update, close or request the hub refuses by the channel rules.
constexpr int kRefused = -32010;
constexpr int kMaxPollMs = 25000;
// --fault stale-close waits this long after the wallet last spoke, so it happens "while the
// wallet is stopped".
constexpr qint64 kStaleCloseSilenceMs = 2000;
constexpr std::uint64_t kMaxLogRange = 2000;

QString q(const std::string& s) { return QString::fromStdString(s); }
QString hexq(ByteView b) { return q(to_hex(b)); }
qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

RpcFailure invalid(const std::string& message) { return RpcFailure{rpc_error::invalidParams, q(message)}; }
RpcFailure refused(const Refusal& r) {
    return RpcFailure{kRefused, q(r.message),
                      QJsonObject{{QStringLiteral("code"), int(r.error)},
                                  {QStringLiteral("reason"), q(std::string(describe(r.error)))},
                                  {QStringLiteral("highestSigned"), q(u256_to_quantity(r.highestSigned))}}};
}

// The one object every channel method takes: params = [ {…} ].
Result<QJsonObject> request(const QJsonValue& params) {
    const QJsonArray a = params.toArray();
    if (!params.isArray() || a.size() != 1 || !a.at(0).isObject())
        return make_error("params must be one object: [{\"channelId\": …, …}]");
    return a.at(0).toObject();
}

Result<ChannelId> channelIdOf(const QJsonObject& o) {
    return channelmsg::hashFromJson(o.value(QStringLiteral("channelId")), "channelId");
}

}  // namespace

struct Hub::Waiter {
    RpcResponder respond;
    QTimer timer;
    explicit Waiter(RpcResponder r) : respond(std::move(r)) { timer.setSingleShot(true); }
};

Hub::Hub(HubConfig config, RpcServer* rpc, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_rpc(rpc), m_signer(AccountSigner::from_key(*m_config.key)) {
    m_config.key.reset();  // the signer holds the one copy it needs
    m_followTimer.setInterval(m_config.pollIntervalMs);
    connect(&m_followTimer, &QTimer::timeout, this, &Hub::follow);
}

Hub::~Hub() { stop(); }

const Address& Hub::address() const { return m_signer.address; }

Status Hub::start() {
    auto store = ChannelStore::open(QDir(m_config.dataDir).filePath(QStringLiteral("hub.sqlite")));
    if (!store) return store.error();
    m_store = std::move(*store);
    m_l1Rpc = std::make_unique<RpcClient>(QUrl(m_config.l1RpcUrl));
    m_eth = new EthClient(m_l1Rpc.get(), this);
    m_contract = new ChannelsContract(m_eth, m_config.channels, this);
    // Start-up only: the chain's parameters, read once (the event loop is not running yet).
    auto chainId = awaitResult<RpcResult<quint64>>([&](auto done) { m_eth->chainId(this, done); });
    if (!chainId) return make_error("hub: the L1 node did not answer: " + chainId.error().message.toStdString());
    auto period = awaitResult<RpcResult<std::uint64_t>>([&](auto done) { m_contract->disputePeriod(this, done); });
    if (!period)
        return make_error("hub: cannot read disputePeriod() of the Channels contract at " + m_config.channels.hex() +
                          ": " + period.error().message.toStdString());
    m_disputePeriod = period.value();
    m_domain = Domain{U256(chainId.value()), m_config.channels};
    m_party = std::make_unique<ChannelParty>(*m_store, m_signer, ClientParams::for_chain(chainId.value()));
    m_sender = new TransactionSender(m_eth, chainId.value(), this);
    m_nextBlock = m_config.fromBlock;
    registerMethods();
    follow();
    m_followTimer.start();
    qInfo("sluiced: hub %s on Channels %s (dispute period %llu s, funds up to %s wei per channel)",
          to_checksum_address(address()).c_str(), to_checksum_address(m_config.channels).c_str(),
          static_cast<unsigned long long>(m_disputePeriod), u256_to_dec(m_config.maxFunding).c_str());
    return {};
}

void Hub::stop() {
    m_followTimer.stop();
    for (auto& [id, waiter] : m_waiters) waiter->respond.result(QJsonObject{});
    m_waiters.clear();
}

ChainView Hub::chainView() const {
    // The hub has read every SecretRegistered event up to the block whose time is m_l1Now, so a
    // secret it has not seen was not registered by then.
    return ChainView{m_l1Now, [this](const Hash& h) -> std::optional<std::uint64_t> {
                         auto it = m_secretRegisteredAt.find(h);
                         return it == m_secretRegisteredAt.end() ? 0 : it->second;
                     }};
}

// --- JSON-RPC --------------------------------------------------------------------------------------

void Hub::registerMethods() {
    m_rpc->registerSyncMethod(QStringLiteral("sluice_channelHubInfo"), [this](const QJsonValue&) { return info(); });
    m_rpc->registerMethod(QStringLiteral("sluice_channelRegister"),
                          [this](const QJsonValue& p, RpcResponder r) { registerChannel(p, r); });
    m_rpc->registerMethod(QStringLiteral("sluice_channelFund"),
                          [this](const QJsonValue& p, RpcResponder r) { fund(p, r); });
    m_rpc->registerSyncMethod(QStringLiteral("sluice_channelPropose"),
                              [this](const QJsonValue& p) { return propose(p); });
    m_rpc->registerSyncMethod(QStringLiteral("sluice_channelLatest"),
                              [this](const QJsonValue& p) { return latest(p); });
    m_rpc->registerSyncMethod(QStringLiteral("sluice_channelCountersign"),
                              [this](const QJsonValue& p) { return countersign(p); });
    m_rpc->registerSyncMethod(QStringLiteral("sluice_channelCooperativeClose"),
                              [this](const QJsonValue& p) { return cooperativeClose(p); });
    m_rpc->registerSyncMethod(QStringLiteral("sluice_channelRevealSecret"),
                              [this](const QJsonValue& p) { return revealSecret(p); });
    m_rpc->registerMethod(QStringLiteral("sluice_channelPoll"),
                          [this](const QJsonValue& p, RpcResponder r) { poll(p, r); });
    // eth_subscribe("sluice_channels", channelId or participant address): live balances.
    m_rpc->registerStream(QStringLiteral("sluice_channels"), [](const QJsonValue& filter, const QJsonValue& payload) {
        if (filter.isUndefined()) return true;
        const QString f = filter.toString().toLower();
        const QJsonObject o = payload.toObject();
        return f == o.value(QStringLiteral("channelId")).toString().toLower() ||
               f == o.value(QStringLiteral("a")).toString().toLower() ||
               f == o.value(QStringLiteral("b")).toString().toLower();
    });
}

RpcOutcome Hub::info() const {
    const ClientParams& p = m_party->params();
    return QJsonObject{{QStringLiteral("hub"), q(to_checksum_address(address()))},
                       {QStringLiteral("channels"), q(to_checksum_address(m_config.channels))},
                       {QStringLiteral("l1ChainId"), q(u256_to_quantity(m_domain.chain_id))},
                       {QStringLiteral("disputePeriod"), q(u256_to_quantity(m_disputePeriod))},
                       {QStringLiteral("maxFunding"), q(u256_to_quantity(m_config.maxFunding))},
                       {QStringLiteral("fee"), q(u256_to_quantity(m_config.fee))},
                       {QStringLiteral("revealTimeout"), q(u256_to_quantity(p.reveal_timeout))},
                       {QStringLiteral("maxLockDuration"), q(u256_to_quantity(p.max_lock_duration))},
                       {QStringLiteral("l1Time"), q(u256_to_quantity(m_l1Now))}};
}

void Hub::registerChannel(const QJsonValue& params, RpcResponder respond) {
    auto o = request(params);
    if (!o) return respond.answer(invalid(o.message()));
    auto id = channelIdOf(*o);
    if (!id) return respond.answer(invalid(id.message()));
    adoptChannel(*id, [this, id = *id, respond](Status st) {
        if (!st) return respond.error(kRefused, q(st.message()));
        auto c = m_store->channel(id);
        if (!c || !*c) return respond.error(rpc_error::internalError, QStringLiteral("the channel was not stored"));
        respond.result(QJsonObject{{QStringLiteral("channelId"), hexq(id)},
                                   {QStringLiteral("depositA"), q(u256_to_quantity((*c)->onChain.depositA))},
                                   {QStringLiteral("depositB"), q(u256_to_quantity((*c)->onChain.depositB))}});
    });
}

void Hub::adoptChannel(const ChannelId& id, std::function<void(Status)> done) {
    m_contract->channel(id, this, [this, id, done](RpcResult<OnChainChannel> r) {
        if (!r) return done(make_error("cannot read the channel from L1: " + r.error().message.toStdString()));
        const OnChainChannel& c = r.value();
        if (c.status != ChannelStatus::Open) return done(make_error("the channel is not open on chain"));
        if (c.a != address() && c.b != address())
            return done(make_error("the hub is not a participant of the channel"));
        StoredChannel s;
        s.channel = Channel{m_domain, id, c.a, c.b};
        s.me = c.a == address() ? Participant::A : Participant::B;
        s.onChain = ChannelOnChain{c.status, c.depositA, c.depositB, c.nonce, c.disputeEndsAt};
        s.latest = opening_state(id, c.depositA, c.depositB);
        if (auto st = m_store->addChannel(s); !st) return done(st);
        done(m_store->setOnChain(id, s.onChain));  // a known channel keeps its states, gets the deposits
    });
}

void Hub::fund(const QJsonValue& params, RpcResponder respond) {
    auto o = request(params);
    if (!o) return respond.answer(invalid(o.message()));
    auto id = channelIdOf(*o);
    if (!id) return respond.answer(invalid(id.message()));
    const auto amount = EthClient::parseQuantity(o->value(QStringLiteral("amount")));
    if (!amount || *amount == 0) return respond.answer(invalid("amount must be a non-zero 0x quantity (wei)"));
    auto c = m_store->channel(*id);
    if (!c || !*c) return respond.error(kRefused, QStringLiteral("unknown channel: call sluice_channelRegister first"));
    const StoredChannel& ch = **c;
    if (ch.onChain.status != ChannelStatus::Open)
        return respond.error(kRefused, QStringLiteral("the channel is not open"));
    const U256& mine = ch.me == Participant::A ? ch.onChain.depositA : ch.onChain.depositB;
    const U256& theirs = ch.me == Participant::A ? ch.onChain.depositB : ch.onChain.depositA;
    // Liquidity is the hub's scarce good: it matches at most what the wallet itself locked, so
    // whoever asks the hub to lock money up must lock as much of its own.
    if (mine + *amount > theirs)
        return respond.error(kRefused, QStringLiteral("the hub funds at most as much as the wallet deposited (%1 wei)")
                                           .arg(q(u256_to_dec(theirs))));
    if (mine + *amount > m_config.maxFunding)
        return respond.error(kRefused, QStringLiteral("the hub funds at most %1 wei per channel; it has %2 in this one")
                                           .arg(q(u256_to_dec(m_config.maxFunding)), q(u256_to_dec(mine))));
    m_lastHeard[*id] = nowMs();
    sendL1(QStringLiteral("deposit"), channelsabi::depositCalldata(*id), *amount, [this, id = *id, respond](bool ok) {
        if (!ok) return respond.error(rpc_error::internalError, QStringLiteral("the hub's deposit failed on L1"));
        adoptChannel(id, [this, id, respond](Status st) {
            if (!st) return respond.error(rpc_error::internalError, q(st.message()));
            auto c = m_store->channel(id);
            respond.result(QJsonObject{{QStringLiteral("depositA"), q(u256_to_quantity((*c)->onChain.depositA))},
                                       {QStringLiteral("depositB"), q(u256_to_quantity((*c)->onChain.depositB))}});
        });
    });
}

RpcOutcome Hub::propose(const QJsonValue& params) {
    auto o = request(params);
    if (!o) return invalid(o.message());
    auto id = channelIdOf(*o);
    if (!id) return invalid(id.message());
    auto proposal = channelmsg::proposalFromJson(o->value(QStringLiteral("proposal")));
    if (!proposal) return invalid(proposal.message());
    std::optional<Address> payee;
    if (o->contains(QStringLiteral("forwardTo"))) {
        auto a = parse_address(o->value(QStringLiteral("forwardTo")).toString().toStdString());
        if (!a) return invalid("forwardTo must be an address");
        payee = *a;
    }
    m_lastHeard[*id] = nowMs();
    auto answer = m_party->accept(*id, *proposal, chainView());
    if (auto* r = std::get_if<Refusal>(&answer)) return refused(*r);
    changed(*id);
    if (const auto* lock = std::get_if<AddLock>(&proposal->update); lock && payee) {
        // Answer first, then forward: the payer's lock is co-signed whatever happens downstream.
        QMetaObject::invokeMethod(
            this, [this, l = lock->lock, p = *payee] { forwardLock(l, p); }, Qt::QueuedConnection);
    }
    return QJsonObject{{QStringLiteral("signature"), channelmsg::toJson(std::get<Signature>(answer))}};
}

RpcOutcome Hub::latest(const QJsonValue& params) {
    auto o = request(params);
    if (!o) return invalid(o.message());
    auto id = channelIdOf(*o);
    if (!id) return invalid(id.message());
    auto c = m_store->channel(*id);
    if (!c) return RpcFailure{rpc_error::internalError, q(c.message())};
    if (!*c) return RpcFailure{kRefused, QStringLiteral("unknown channel")};
    const StoredChannel& ch = **c;
    m_lastHeard[*id] = nowMs();
    return QJsonObject{{QStringLiteral("state"), channelmsg::toJson(ch.latest)},
                       {QStringLiteral("sigA"), ch.sigA ? QJsonValue(channelmsg::toJson(*ch.sigA)) : QJsonValue()},
                       {QStringLiteral("sigB"), ch.sigB ? QJsonValue(channelmsg::toJson(*ch.sigB)) : QJsonValue()},
                       {QStringLiteral("locks"), channelmsg::toJson(std::span<const Lock>(ch.latestLocks))},
                       {QStringLiteral("highestSigned"), q(u256_to_quantity(ch.highestSigned))}};
}

RpcOutcome Hub::countersign(const QJsonValue& params) {
    auto o = request(params);
    if (!o) return invalid(o.message());
    auto id = channelIdOf(*o);
    if (!id) return invalid(id.message());
    const auto nonce = EthClient::parseQuantity64(o->value(QStringLiteral("nonce")));
    if (!nonce) return invalid("nonce must be a 0x quantity");
    m_lastHeard[*id] = nowMs();
    Status st;
    if (o->contains(QStringLiteral("refusal"))) {
        const auto theirs = EthClient::parseQuantity64(
            o->value(QStringLiteral("refusal")).toObject().value(QStringLiteral("highestSigned")));
        if (!theirs) return invalid("refusal.highestSigned must be a 0x quantity");
        st = m_party->refused(*id, *nonce, *theirs);
    } else {
        auto sig = channelmsg::signatureFromJson(o->value(QStringLiteral("signature")));
        if (!sig) return invalid(sig.message());
        st = m_party->complete(*id, *nonce, *sig);
    }
    if (!st) return RpcFailure{kRefused, q(st.message())};
    changed(*id);
    QMetaObject::invokeMethod(
        this, [this, id = *id] { advance(id); }, Qt::QueuedConnection);
    return QJsonObject{{QStringLiteral("ok"), true}};
}

RpcOutcome Hub::cooperativeClose(const QJsonValue& params) {
    auto o = request(params);
    if (!o) return invalid(o.message());
    auto id = channelIdOf(*o);
    if (!id) return invalid(id.message());
    auto close = channelmsg::closeFromJson(o->value(QStringLiteral("close")));
    if (!close) return invalid(close.message());
    auto sig = channelmsg::signatureFromJson(o->value(QStringLiteral("signature")));
    if (!sig) return invalid(sig.message());
    m_lastHeard[*id] = nowMs();
    auto answer = m_party->acceptCooperativeClose(*id, *close, *sig);
    if (auto* r = std::get_if<Refusal>(&answer)) return refused(*r);
    return QJsonObject{{QStringLiteral("signature"), channelmsg::toJson(std::get<Signature>(answer))}};
}

RpcOutcome Hub::revealSecret(const QJsonValue& params) {
    auto o = request(params);
    if (!o) return invalid(o.message());
    auto secret = channelmsg::hashFromJson(o->value(QStringLiteral("secret")), "secret");
    if (!secret) return invalid(secret.message());
    if (auto st = m_store->putSecret(*secret); !st) return RpcFailure{rpc_error::internalError, q(st.message())};
    // Every channel with a lock of this hash moves on: the hub unlocks what it sent (paying the
    // payee), and the payer's poll now carries the secret so that it unlocks what it sent.
    const Hash hash = secret_hash_of(*secret);
    auto all = m_store->channels();
    if (!all) return RpcFailure{rpc_error::internalError, q(all.message())};
    for (const StoredChannel& c : *all)
        for (const Lock& l : c.latestLocks)
            if (l.secret_hash == hash) {
                QMetaObject::invokeMethod(
                    this, [this, id = c.channel.id] { advance(id); }, Qt::QueuedConnection);
                changed(c.channel.id);
            }
    return QJsonObject{{QStringLiteral("ok"), true}};
}

void Hub::poll(const QJsonValue& params, RpcResponder respond) {
    auto o = request(params);
    if (!o) return respond.answer(invalid(o.message()));
    auto id = channelIdOf(*o);
    if (!id) return respond.answer(invalid(id.message()));
    const auto timeout =
        integerParam(o->value(QStringLiteral("timeoutMs")), 0, kMaxPollMs, QStringLiteral("timeoutMs"), 0);
    if (auto* f = std::get_if<RpcFailure>(&timeout)) return respond.answer(*f);
    m_lastHeard[*id] = nowMs();
    if (auto news = newsFor(*id)) return respond.result(*news);
    const auto ms = std::get<std::uint64_t>(timeout);
    if (ms == 0)
        return respond.result(
            QJsonObject{{QStringLiteral("proposal"), QJsonValue()}, {QStringLiteral("secrets"), QJsonArray()}});
    auto waiter = std::make_shared<Waiter>(respond);
    const auto it = m_waiters.emplace(*id, waiter);
    connect(&waiter->timer, &QTimer::timeout, this, [this, it, id = *id] {
        it->second->respond.result(
            QJsonObject{{QStringLiteral("proposal"), QJsonValue()}, {QStringLiteral("secrets"), QJsonArray()}});
        m_lastHeard[id] = nowMs();
        m_waiters.erase(it);
    });
    waiter->timer.start(int(ms));
}

std::optional<QJsonObject> Hub::newsFor(const ChannelId& id) {
    auto c = m_store->channel(id);
    if (!c || !*c) return std::nullopt;
    const StoredChannel& ch = **c;
    QJsonArray secrets;
    for (const Lock& l : ch.latestLocks) {
        if (l.sender() == ch.me) continue;
        if (auto s = m_store->secret(l.secret_hash); s && *s)
            secrets.append(QJsonObject{{QStringLiteral("secretHash"), hexq(l.secret_hash)},
                                       {QStringLiteral("secret"), hexq(**s)}});
    }
    if (!ch.outstanding && secrets.isEmpty()) return std::nullopt;
    QJsonValue proposal;
    if (ch.outstanding)
        proposal = channelmsg::toJson(
            channelmsg::Proposal{ch.outstanding->update, ch.outstanding->state, ch.outstanding->signature});
    return QJsonObject{{QStringLiteral("proposal"), proposal}, {QStringLiteral("secrets"), secrets}};
}

void Hub::changed(const ChannelId& id) {
    wakeWaiters(id);
    auto c = m_store->channel(id);
    if (!c || !*c) return;
    const StoredChannel& ch = **c;
    m_rpc->publish(QStringLiteral("sluice_channels"),
                   QJsonObject{{QStringLiteral("channelId"), hexq(id)},
                               {QStringLiteral("a"), q(to_checksum_address(ch.channel.a))},
                               {QStringLiteral("b"), q(to_checksum_address(ch.channel.b))},
                               {QStringLiteral("status"), int(ch.onChain.status)},
                               {QStringLiteral("disputeEndsAt"), q(u256_to_quantity(ch.onChain.disputeEndsAt))},
                               {QStringLiteral("nonce"), q(u256_to_quantity(ch.latest.nonce))},
                               {QStringLiteral("balanceA"), q(u256_to_quantity(ch.latest.balance_a))},
                               {QStringLiteral("balanceB"), q(u256_to_quantity(ch.latest.balance_b))},
                               {QStringLiteral("lockedAmount"), q(u256_to_quantity(ch.latest.locked_amount))},
                               {QStringLiteral("proposalPending"), ch.outstanding.has_value()}});
}

void Hub::wakeWaiters(const ChannelId& id) {
    auto news = newsFor(id);
    if (!news) return;
    auto [first, last] = m_waiters.equal_range(id);
    for (auto it = first; it != last; ++it) it->second->respond.result(*news);
    m_waiters.erase(first, last);
}

bool Hub::proposeAndPublish(const ChannelId& id, const Update& update) {
    auto p = m_party->propose(id, update);
    if (!p) {
        qInfo("hub: no proposal in %s: %s", id.hex().c_str(), p.message().c_str());
        return false;
    }
    changed(id);
    return true;
}

void Hub::advance(const ChannelId& id) {
    auto c = m_store->channel(id);
    if (!c || !*c) return;
    const StoredChannel& ch = **c;
    if (ch.outstanding || ch.onChain.status != ChannelStatus::Open || ch.cooperativeCloseSigned) return;
    for (const Lock& l : ch.latestLocks) {
        if (l.sender() != ch.me) continue;
        auto secret = m_store->secret(l.secret_hash);
        // §13.3: the hub pays the payee for a secret that arrived before the lock's expiry.
        if (secret && *secret && m_l1Now < l.expiry && m_config.fault != HubFault::WithholdUnlock) {
            proposeAndPublish(id, Unlock{l, **secret});
            return;
        }
        const auto registered = chainView().secretRegisteredAt(l.secret_hash).value_or(0);
        if (lock_status(l, registered, m_l1Now) == LockStatus::Returnable) {
            proposeAndPublish(id, Expire{l});
            return;
        }
    }
    // A forward that waited for this channel to be free.
    for (auto it = m_pendingForwards.begin(); it != m_pendingForwards.end(); ++it)
        if (it->second == ch.theirAddress()) {
            auto [lock, payee] = *it;
            m_pendingForwards.erase(it);
            forwardLock(lock, payee);
            return;
        }
}

void Hub::forwardLock(const Lock& incoming, const Address& payee) {
    const ClientParams& p = m_party->params();
    // §13.3: T_out = T_in - R, forwarded only while T_out >= now + 2R; the fee stays with the hub.
    if (incoming.expiry < p.reveal_timeout || incoming.expiry - p.reveal_timeout < m_l1Now + 2 * p.reveal_timeout) {
        qInfo("hub: not forwarding a lock that expires too soon (%llu)",
              static_cast<unsigned long long>(incoming.expiry));
        return;
    }
    if (incoming.amount <= m_config.fee) return;
    auto all = m_store->channels();
    if (!all) return;
    for (const StoredChannel& c : *all) {
        if (c.theirAddress() != payee || c.onChain.status != ChannelStatus::Open || c.cooperativeCloseSigned) continue;
        const U256 amount = incoming.amount - m_config.fee;
        if (c.latest.balance(c.me) < amount) continue;
        if (c.outstanding) {
            m_pendingForwards.emplace_back(incoming, payee);
            return;
        }
        const Lock out{c.me == Participant::B, incoming.expiry - p.reveal_timeout, amount, incoming.secret_hash};
        proposeAndPublish(c.channel.id, AddLock{out});
        return;
    }
    qInfo("hub: no channel to %s can carry %s wei; the payer's lock will expire", to_checksum_address(payee).c_str(),
          u256_to_dec(incoming.amount).c_str());
}

// --- L1 -------------------------------------------------------------------------------------------

void Hub::follow() {
    if (m_following) return;
    m_following = true;
    m_eth->blockNumber(this, [this](RpcResult<quint64> head) {
        if (!head) {
            m_following = false;
            return;
        }
        // At most kMaxLogRange blocks per read: providers refuse larger eth_getLogs ranges, and a
        // hub that starts far behind the head catches up over a few reads.
        const std::uint64_t to = std::min<std::uint64_t>(head.value(), m_nextBlock + kMaxLogRange - 1);
        auto afterEvents = [this, to] {
            m_contract->latestBlockTime(this, [this, to](RpcResult<std::uint64_t> time) {
                if (time) m_l1Now = time.value();
                m_nextBlock = to + 1;
                m_following = false;
                actOnChain();
            });
        };
        if (to < m_nextBlock) return afterEvents();
        m_contract->events(m_nextBlock, to, this, [this, afterEvents](RpcResult<std::vector<ChannelEvent>> events) {
            if (!events) {
                qWarning("hub: cannot read the Channels events: %s", qPrintable(events.error().message));
                m_following = false;
                return;
            }
            onEvents(events.value());
            afterEvents();
        });
    });
}

void Hub::onEvents(const std::vector<ChannelEvent>& events) {
    for (const ChannelEvent& e : events) {
        if (e.kind == ChannelEvent::Kind::SecretRegistered) {
            m_contract->secretRegisteredAt(e.secretHash, this, [this, h = e.secretHash](RpcResult<std::uint64_t> at) {
                if (at && at.value() != 0) m_secretRegisteredAt[h] = at.value();
            });
            continue;
        }
        if (e.kind == ChannelEvent::Kind::Opened) {
            if (e.a == address() || e.b == address())
                adoptChannel(e.channelId, [id = e.channelId](Status st) {
                    if (!st) qInfo("hub: not adopting channel %s: %s", id.hex().c_str(), st.message().c_str());
                });
            continue;
        }
        auto c = m_store->channel(e.channelId);
        if (!c || !*c) continue;
        ChannelOnChain on = (*c)->onChain;
        switch (e.kind) {
        case ChannelEvent::Kind::Deposited:
            (e.participant == (*c)->channel.a ? on.depositA : on.depositB) = e.total;
            break;
        case ChannelEvent::Kind::CloseStarted:
            on.status = ChannelStatus::Closing;
            on.closingNonce = e.nonce;
            on.disputeEndsAt = e.disputeEndsAt;
            break;
        case ChannelEvent::Kind::Disputed:  // the period does not move (§5.4)
            on.closingNonce = e.nonce;
            break;
        case ChannelEvent::Kind::Settled:
            on.status = e.locked == 0 ? ChannelStatus::None : ChannelStatus::Settled;
            break;
        case ChannelEvent::Kind::ClosedCooperatively: on.status = ChannelStatus::None; break;
        default: continue;
        }
        if (auto st = m_store->setOnChain(e.channelId, on); !st) qWarning("hub: %s", st.message().c_str());
        changed(e.channelId);
    }
}

void Hub::actOnChain() {
    auto all = m_store->channels();
    if (!all) return;
    const ClientParams& p = m_party->params();
    for (const StoredChannel& c : *all) {
        const QString id = hexq(c.channel.id);
        const auto onceOnL1 = [this](const QString& key) { return m_actionsSent.insert(key).second; };
        if (c.onChain.status == ChannelStatus::Closing) {
            // §13.4: a close with an older state than the newest both signed is disputed in time.
            // (Under --fault stale-close the hub leaves its own stale close to the wallet and its
            // watchtower.)
            const bool ownStaleClose = m_actionsSent.count(QStringLiteral("stale:%1").arg(id)) != 0;
            if (const auto cosigned = c.cosigned();
                cosigned && !ownStaleClose && c.onChain.closingNonce < c.latest.nonce &&
                m_l1Now < c.onChain.disputeEndsAt &&
                onceOnL1(QStringLiteral("dispute:%1:%2").arg(id).arg(c.latest.nonce))) {
                qInfo("hub: channel %s closes with nonce %llu, the latest is %llu: disputing", qPrintable(id),
                      static_cast<unsigned long long>(c.onChain.closingNonce),
                      static_cast<unsigned long long>(c.latest.nonce));
                sendL1(QStringLiteral("dispute"),
                       channelsabi::disputeCalldata(cosigned->state, cosigned->sigA, cosigned->sigB), 0,
                       retryOnFailure(QStringLiteral("dispute:%1:%2").arg(id).arg(c.latest.nonce)));
                emit disputed(id, c.latest.nonce);
            }
            const QString settleKey = QStringLiteral("settle:%1").arg(id);
            if (m_l1Now >= c.onChain.disputeEndsAt && onceOnL1(settleKey))
                sendL1(QStringLiteral("settle"), channelsabi::settleCalldata(c.channel.id), 0,
                       retryOnFailure(settleKey));
            continue;
        }
        if (c.onChain.status != ChannelStatus::Open) continue;
        // A receiver's duty (§13.4): register a known secret on chain by expiry - R unless the
        // sender has unlocked by then.
        for (const Lock& l : c.latestLocks) {
            if (l.sender() == c.me || m_secretRegisteredAt.count(l.secret_hash)) continue;
            auto secret = m_store->secret(l.secret_hash);
            if (secret && *secret && m_l1Now + p.reveal_timeout >= l.expiry && m_l1Now < l.expiry &&
                onceOnL1(QStringLiteral("register:%1").arg(hexq(l.secret_hash))))
                sendL1(QStringLiteral("registerSecret"), channelsabi::registerSecretCalldata(**secret), 0,
                       retryOnFailure(QStringLiteral("register:%1").arg(hexq(l.secret_hash))));
        }
        if (m_config.fault == HubFault::StaleClose && c.latest.nonce >= 2 &&
            nowMs() - m_lastHeard[c.channel.id] > kStaleCloseSilenceMs &&
            onceOnL1(QStringLiteral("stale:%1").arg(id))) {
            for (std::uint64_t n = 1; n < c.latest.nonce; ++n) {
                auto old = m_store->signedState(c.channel.id, n);
                if (!old || !*old || !(*old)->counterSignature) continue;
                const SignedByMe& s = **old;
                const bool iAmA = c.me == Participant::A;
                qWarning("hub: FAULT stale-close: closing channel %s with nonce %llu (latest %llu)", qPrintable(id),
                         static_cast<unsigned long long>(n), static_cast<unsigned long long>(c.latest.nonce));
                sendL1(QStringLiteral("stale close"),
                       channelsabi::closeCalldata(s.state, iAmA ? s.signature : *s.counterSignature,
                                                  iAmA ? *s.counterSignature : s.signature),
                       0);
                emit staleCloseSent(id, n);
                break;
            }
        }
        advance(c.channel.id);
    }
}

std::function<void(bool)> Hub::retryOnFailure(const QString& key) {
    // A failed transaction is tried again on a later L1 read while its reason lasts.
    return [this, key](bool ok) {
        if (!ok) m_actionsSent.erase(key);
    };
}

void Hub::sendL1(const QString& what, const Bytes& data, const U256& value, std::function<void(bool)> done) {
    m_l1Queue.push_back(L1Job{what, data, value, std::move(done)});
    sendNextL1();
}

// One transaction at a time: the sender reads the account's nonce for each, so two in flight
// could take the same one.
void Hub::sendNextL1() {
    if (m_l1Busy || m_l1Queue.empty()) return;
    m_l1Busy = true;
    L1Job job = std::move(m_l1Queue.front());
    m_l1Queue.pop_front();
    auto finish = [this, what = job.what, done = job.done](bool ok, const QString& detail) {
        if (!ok) qWarning("hub: %s failed on L1: %s", qPrintable(what), qPrintable(detail));
        m_l1Busy = false;
        if (done) done(ok);
        sendNextL1();
    };
    TransactionSender::Callbacks callbacks;
    callbacks.confirmed = [finish](TransactionReceipt r) { finish(r.success, QStringLiteral("reverted")); };
    callbacks.failed = [finish](SendFailure f) { finish(false, f.message); };
    m_sender->send(m_signer, SendRequest{m_config.channels, job.value, job.data, std::nullopt, std::nullopt}, this,
                   callbacks);
}

}  // namespace sluice::node
