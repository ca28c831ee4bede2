// SPDX-License-Identifier: MIT
#include "node/watchtower/watchtower.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

#include "core/channels/typed_data.hpp"
#include "core/eth/address.hpp"
#include "services/channels/channels_contract.hpp"
#include "services/rpc/await_result.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/rpc/transaction_sender.hpp"

namespace sluice::node {
namespace {

using channels::ChannelId;
using channels::ChannelStatus;

// A state the watchtower will not hold, as the hub's channel methods refuse a message (docs/RPC.md).
constexpr int kRefused = -32010;
// The most blocks one eth_getLogs call covers (providers limit the range; a first start from a
// deploy block long ago catches up in steps).
constexpr quint64 kMaxLogRange = 2000;

QString q(const std::string& s) { return QString::fromStdString(s); }
QString quantity(const U256& v) { return q(u256_to_quantity(v)); }

// The one object both methods take: params = [ {…} ].
Result<QJsonObject> request(const QJsonValue& params) {
    const QJsonArray a = params.toArray();
    if (!params.isArray() || a.size() != 1 || !a.at(0).isObject())
        return make_error("params must be one object: [{…}]");
    return a.at(0).toObject();
}

}  // namespace

Watchtower::Watchtower(WatchtowerConfig config, const PrivateKey& key, RpcServer* rpc, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_rpc(rpc), m_signer(AccountSigner::from_key(key)) {
    m_pollTimer.setInterval(m_config.pollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &Watchtower::poll);
}

Watchtower::~Watchtower() { stop(); }

void Watchtower::stop() { m_pollTimer.stop(); }

Status Watchtower::start() {
    auto store = WatchtowerStore::open(QDir(m_config.dataDir).filePath(QStringLiteral("watchtower.sqlite")));
    if (!store) return store.error();
    m_store = std::move(*store);
    auto watched = m_store->load();
    if (!watched) return watched.error();
    m_watched = std::move(*watched);

    m_l1Rpc = std::make_unique<RpcClient>(QUrl(m_config.l1RpcUrl));
    m_eth = new EthClient(m_l1Rpc.get(), this);
    m_contract = new ChannelsContract(m_eth, m_config.channels, this);
    // Start-up only: the chain, the contract and where to read from (the event loop is not running yet).
    auto chainId = awaitResult<RpcResult<quint64>>([&](auto done) { m_eth->chainId(this, done); });
    if (!chainId)
        return make_error("watchtower: the L1 node at " + m_config.l1RpcUrl.toStdString() +
                          " did not answer: " + chainId.error().message.toStdString());
    auto period = awaitResult<RpcResult<std::uint64_t>>([&](auto done) { m_contract->disputePeriod(this, done); });
    if (!period)
        return make_error(
            "watchtower: " + to_checksum_address(m_config.channels) +
            " does not answer as a Channels contract (disputePeriod()): " + period.error().message.toStdString());
    m_domain = channels::Domain{U256(chainId.value()), m_config.channels};

    // A data dir holds the states of one contract on one chain: they are signed for that domain.
    const QString domain = QStringLiteral("%1:%2").arg(chainId.value()).arg(q(to_checksum_address(m_config.channels)));
    auto stored = m_store->meta(QStringLiteral("domain"));
    if (!stored) return stored.error();
    if (*stored && **stored != domain)
        return make_error("the data directory " + m_config.dataDir.toStdString() + " watches the Channels contract " +
                          (*stored)->toStdString() + " (chain:address), not " + domain.toStdString() +
                          "; use another --data-dir");
    if (auto st = m_store->setMeta(QStringLiteral("domain"), domain); !st) return st;

    auto lastSeen = m_store->meta(QStringLiteral("lastSeenL1Block"));
    if (!lastSeen) return lastSeen.error();
    if (*lastSeen) {
        m_nextBlock = (*lastSeen)->toULongLong() + 1;
    } else if (m_config.fromBlock) {
        m_nextBlock = *m_config.fromBlock;
    } else {
        auto head = awaitResult<RpcResult<quint64>>([&](auto done) { m_eth->blockNumber(this, done); });
        if (!head) return make_error("watchtower: cannot read the L1 head: " + head.error().message.toStdString());
        m_nextBlock = head.value();
    }

    // Every L1 transaction is signed for the chain read now (never re-read at send time).
    m_sender = new TransactionSender(m_eth, chainId.value(), this);
    m_sender->setReceiptTimeout(std::chrono::seconds(60));
    m_rpc->registerMethod(QStringLiteral("sluice_watchtowerWatch"),
                          [this](const QJsonValue& p, RpcResponder r) { watch(p, r); });
    m_rpc->registerSyncMethod(QStringLiteral("sluice_watchtowerStatus"),
                              [this](const QJsonValue& p) { return status(p); });

    // Closes that started while it was down: each channel it still watches is looked at once.
    for (const auto& [id, w] : m_watched)
        if (w.watching) reconsider(id);
    m_pollTimer.start();
    qInfo(
        "sluiced: watchtower %s on Channels %s (chain %llu, dispute period %llu s), %zu channel(s) held, "
        "reading L1 from block %llu",
        to_checksum_address(address()).c_str(), to_checksum_address(m_config.channels).c_str(),
        static_cast<unsigned long long>(chainId.value()), static_cast<unsigned long long>(period.value()),
        m_watched.size(), static_cast<unsigned long long>(m_nextBlock));
    return {};
}

Status Watchtower::persist(const WatchedChannel& w) {
    if (auto st = m_store->save(w); !st) return st;
    m_watched[w.held.state.channel_id] = w;
    return {};
}

// --- JSON-RPC --------------------------------------------------------------------------------------

void Watchtower::watch(const QJsonValue& params, RpcResponder respond) {
    auto o = request(params);
    if (!o) return respond.error(rpc_error::invalidParams, q("sluice_watchtowerWatch: " + o.message()));
    auto given = channelmsg::cosignedFromJson(*o);
    if (!given) return respond.error(rpc_error::invalidParams, q("sluice_watchtowerWatch: " + given.message()));
    const QJsonValue contract = o->value(QStringLiteral("channelsContract"));
    if (!contract.isUndefined() && !contract.isNull()) {
        auto a = parse_address(contract.toString().toStdString());
        if (!contract.isString() || !a)
            return respond.error(rpc_error::invalidParams, QStringLiteral("channelsContract must be an address"));
        if (*a != m_config.channels)
            return respond.error(kRefused,
                                 QStringLiteral("this watchtower watches the Channels contract at %1 only, "
                                                "not %2")
                                     .arg(q(to_checksum_address(m_config.channels)), q(to_checksum_address(*a))));
    }
    const ChannelId id = given->state.channel_id;
    // The participants whose signatures count are the contract's, read now: the client's word
    // is not taken for them.
    m_contract->channel(id, this, [this, id, cosigned = *given, respond](RpcResult<OnChainChannel> c) {
        if (!c)
            return respond.error(
                rpc_error::internalError,
                QStringLiteral("cannot read channel %1 from L1: %2").arg(q(id.hex()), c.errorMessage()));
        const OnChainChannel& on = c.value();
        if (on.status == ChannelStatus::None)
            return respond.error(kRefused,
                                 QStringLiteral("unknown channel %1: the Channels contract at %2 has no "
                                                "channel with this id (never opened, or paid out and deleted)")
                                     .arg(q(id.hex()), q(to_checksum_address(m_config.channels))));
        if (on.status == ChannelStatus::Settled)
            return respond.error(
                kRefused,
                QStringLiteral("channel %1 is settled: no state can change its outcome any more").arg(q(id.hex())));
        const channels::Channel channel{m_domain, id, on.a, on.b};
        const auto check = channels::verify_cosigned(channel, cosigned.state, cosigned.sigA, cosigned.sigB);
        if (!check.ok()) {
            const bool isA = check.failed == channels::Participant::A;
            return respond.error(kRefused, QStringLiteral("the signature of participant %1 (%2) on this state does not "
                                                          "verify: %3")
                                               .arg(isA ? QStringLiteral("A") : QStringLiteral("B"),
                                                    q(to_checksum_address(isA ? on.a : on.b)),
                                                    q(std::string(channels::describe(check.error)))));
        }
        if (auto e = channels::check_against_deposits(cosigned.state, on.depositA, on.depositB);
            e != channels::ChannelError::None)
            return respond.error(
                kRefused,
                QStringLiteral("the contract would refuse this state: %1").arg(q(std::string(channels::describe(e)))));

        const auto held = m_watched.find(id);
        const quint64 nonce = cosigned.state.nonce;
        if (held != m_watched.end() && held->second.held.state.nonce >= nonce) {
            const quint64 holds = held->second.held.state.nonce;
            return respond.result(QJsonObject{
                {QStringLiteral("channelId"), q(id.hex())},
                {QStringLiteral("accepted"), false},
                {QStringLiteral("nonce"), quantity(holds)},
                {QStringLiteral("reason"),
                 QStringLiteral("ignored: the watchtower already holds nonce %1 of this channel, and %2 is not higher")
                     .arg(holds)
                     .arg(nonce)}});
        }
        WatchedChannel w = held != m_watched.end() ? held->second : WatchedChannel{};
        w.held = cosigned;
        w.watching = true;
        if (auto st = persist(w); !st)
            return respond.error(rpc_error::internalError,
                                 QStringLiteral("the watchtower could not store the state: %1").arg(q(st.message())));
        respond.result(QJsonObject{{QStringLiteral("channelId"), q(id.hex())},
                                   {QStringLiteral("accepted"), true},
                                   {QStringLiteral("nonce"), quantity(nonce)}});
        if (on.status == ChannelStatus::Closing) reconsider(id);  // handed over after the close started
    });
}

RpcOutcome Watchtower::status(const QJsonValue& params) const {
    auto o = request(params);
    if (!o) return RpcFailure{rpc_error::invalidParams, q("sluice_watchtowerStatus: " + o.message())};
    auto id = channelmsg::hashFromJson(o->value(QStringLiteral("channelId")), "channelId");
    if (!id) return RpcFailure{rpc_error::invalidParams, q("sluice_watchtowerStatus: " + id.message())};
    QJsonObject out{{QStringLiteral("channelId"), q(id->hex())},
                    {QStringLiteral("lastSeenL1Block"),
                     m_nextBlock == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(m_nextBlock - 1))}};
    const auto it = m_watched.find(*id);
    if (it == m_watched.end()) {
        out.insert(QStringLiteral("nonce"), QJsonValue::Null);
        out.insert(QStringLiteral("watching"), false);
        return QJsonValue(out);
    }
    const WatchedChannel& w = it->second;
    out.insert(QStringLiteral("nonce"), quantity(w.held.state.nonce));
    // The state itself: a wallet restoring an old backup adopts it when it is newer than what the
    // hub says (CHANNELS.md §13.7 rule 1); the watchtower is also the backup of record.
    out.insert(QStringLiteral("held"), channelmsg::toJson(w.held));
    out.insert(QStringLiteral("watching"), w.watching);
    if (w.disputedAt) out.insert(QStringLiteral("disputedAt"), double(*w.disputedAt));
    if (w.disputeTx) out.insert(QStringLiteral("disputeTx"), q(w.disputeTx->hex()));
    return QJsonValue(out);
}

// --- L1 -------------------------------------------------------------------------------------------

void Watchtower::poll() {
    if (m_polling) return;
    m_polling = true;
    m_eth->blockNumber(this, [this](RpcResult<quint64> head) {
        if (!head) {
            qWarning("watchtower: cannot read the L1 head: %s", qPrintable(head.errorMessage()));
            m_polling = false;
            return;
        }
        // Whatever failed before is looked at again once per poll (until the period ends).
        auto retry = [this] {
            const auto again = std::exchange(m_retry, {});
            for (const auto& id : again) reconsider(id);
        };
        if (head.value() < m_nextBlock) {
            m_polling = false;
            return retry();
        }
        const quint64 to = std::min(head.value(), m_nextBlock + kMaxLogRange - 1);
        m_contract->events(m_nextBlock, to, this, [this, to, retry](RpcResult<std::vector<ChannelEvent>> events) {
            m_polling = false;
            if (!events) {
                qWarning("watchtower: cannot read the Channels events: %s", qPrintable(events.errorMessage()));
                return;
            }
            std::set<ChannelId> touched;
            for (const ChannelEvent& e : events.value()) {
                using K = ChannelEvent::Kind;
                const bool closing = e.kind == K::CloseStarted || e.kind == K::Disputed || e.kind == K::Settled ||
                                     e.kind == K::ClosedCooperatively;
                if (closing && m_watched.count(e.channelId)) touched.insert(e.channelId);
            }
            m_nextBlock = to + 1;
            if (auto st = m_store->setMeta(QStringLiteral("lastSeenL1Block"), QString::number(to)); !st)
                qWarning("watchtower: %s", st.message().c_str());
            for (const auto& id : touched) reconsider(id);
            retry();
        });
    });
}

void Watchtower::reconsider(const ChannelId& id) {
    m_contract->channel(id, this, [this, id](RpcResult<OnChainChannel> c) {
        const auto it = m_watched.find(id);
        if (it == m_watched.end() || !it->second.watching) return;
        if (!c) {
            qWarning("watchtower: cannot read channel %s: %s", id.hex().c_str(), qPrintable(c.errorMessage()));
            m_retry.insert(id);
            return;
        }
        const OnChainChannel& on = c.value();
        if (on.status == ChannelStatus::None || on.status == ChannelStatus::Settled)
            return finish(id, "the channel is settled or paid out");
        // Open, or closing with the state it holds or a newer one: nothing to answer.
        if (on.status != ChannelStatus::Closing || on.nonce >= it->second.held.state.nonce) return;
        m_contract->latestBlockTime(this, [this, id, endsAt = on.disputeEndsAt](RpcResult<std::uint64_t> now) {
            if (!now) {
                m_retry.insert(id);
                return;
            }
            if (now.value() >= endsAt) return finish(id, "its dispute period ended before the watchtower could answer");
            if (!m_disputing.insert(id).second) return;  // queued or in flight
            m_disputeQueue.push_back(id);
            sendNextDispute();
        });
    });
}

void Watchtower::finish(const ChannelId& id, const char* why) {
    WatchedChannel w = m_watched.at(id);
    w.watching = false;
    if (auto st = persist(w); !st) qWarning("watchtower: %s", st.message().c_str());
    qInfo("watchtower: no longer watching channel %s: %s", id.hex().c_str(), why);
}

void Watchtower::sendNextDispute() {
    if (m_sending || m_disputeQueue.empty()) return;
    m_sending = true;
    const ChannelId id = m_disputeQueue.front();
    m_disputeQueue.pop_front();
    // The newest state held when the transaction is made, whatever it was when the need was found.
    const channelmsg::CosignedState held = m_watched.at(id).held;
    auto done = [this, id](bool retry) {
        m_disputing.erase(id);
        m_sending = false;
        if (retry) m_retry.insert(id);
        sendNextDispute();
    };
    TransactionSender::Callbacks callbacks;
    callbacks.confirmed = [this, id, nonce = held.state.nonce, done](TransactionReceipt r) {
        if (!r.success) {
            qWarning("watchtower: the dispute of channel %s reverted (%s)", id.hex().c_str(),
                     r.transactionHash.hex().c_str());
            return done(true);
        }
        WatchedChannel w = m_watched.at(id);
        w.disputedAt = r.blockNumber;
        w.disputeTx = r.transactionHash;
        if (auto st = persist(w); !st) qWarning("watchtower: %s", st.message().c_str());
        qInfo("watchtower: disputed channel %s with nonce %llu in L1 block %llu (%s)", id.hex().c_str(),
              static_cast<unsigned long long>(nonce), static_cast<unsigned long long>(r.blockNumber),
              r.transactionHash.hex().c_str());
        emit disputed(q(id.hex()), nonce, q(r.transactionHash.hex()));
        done(false);
    };
    callbacks.failed = [id, done](SendFailure f) {
        // A revert found by the gas estimate names the contract's error (StaleNonce: someone
        // disputed with a newer state; DisputePeriodOver: too late); the retry looks at the chain again.
        const QString reason = f.rpc && !f.rpc->data.isUndefined() && !f.rpc->data.isNull()
                                   ? QStringLiteral(" (%1)").arg(channelsRevertReason(f.rpc->data))
                                   : QString();
        qWarning("watchtower: the dispute of channel %s was not sent: %s%s", id.hex().c_str(), qPrintable(f.message),
                 qPrintable(reason));
        done(true);
    };
    m_sender->send(
        m_signer,
        SendRequest{m_config.channels, U256(0), channelsabi::disputeCalldata(held.state, held.sigA, held.sigB),
                    std::nullopt, std::nullopt},
        this, callbacks);
}

}  // namespace sluice::node
