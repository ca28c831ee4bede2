// SPDX-License-Identifier: MIT
#include "services/bridge/l2_client.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include <cmath>
#include <memory>

#include "core/eth/address.hpp"

namespace sluice {

namespace {

std::optional<quint64> u64(const QJsonValue& value) {
    auto v = L2Client::parseNumber(value);
    if (!v || *v > U256(std::numeric_limits<quint64>::max())) return std::nullopt;
    return static_cast<quint64>(*v);
}

std::optional<quint64> optionalU64(const QJsonValue& value, bool& ok) {
    if (value.isUndefined() || value.isNull()) return std::nullopt;
    auto v = u64(value);
    if (!v) ok = false;
    return v;
}

std::optional<Hash> hash(const QJsonValue& value) {
    if (!value.isString()) return std::nullopt;
    return Hash::from_hex(value.toString().toStdString());
}

std::optional<Address> address(const QJsonValue& value) {
    if (!value.isString()) return std::nullopt;
    auto parsed = parse_address(value.toString().toStdString());
    if (!parsed) return std::nullopt;
    return *parsed;
}

QString field(const char* name) { return QString::fromLatin1(name); }

}  // namespace

std::optional<U256> L2Client::parseNumber(const QJsonValue& value) {
    if (value.isDouble()) {
        const double d = value.toDouble();
        // Only integers a double holds exactly; larger values must come as strings.
        if (d < 0 || d != std::floor(d) || d > 9007199254740992.0) return std::nullopt;
        return U256(static_cast<quint64>(d));
    }
    if (!value.isString()) return std::nullopt;
    const QString text = value.toString();
    if (text.startsWith(QLatin1String("0x"))) return EthClient::parseQuantity(value);
    return u256_from_dec(text.toStdString());
}

std::optional<rollup::BatchHeader> L2Client::parseHeader(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    rollup::BatchHeader h;
    auto prev = hash(o.value(field("prevStateRoot")));
    auto state = hash(o.value(field("stateRoot")));
    auto tx = hash(o.value(field("txRoot")));
    auto wd = hash(o.value(field("withdrawalRoot")));
    auto records = u64(o.value(field("recordCount")));
    auto start = u64(o.value(field("depositStart")));
    auto end = u64(o.value(field("depositEnd")));
    auto submitted = u64(o.value(field("submittedAt")));
    auto proposer = address(o.value(field("proposer")));
    if (!prev || !state || !tx || !wd || !records || !start || !end || !submitted || !proposer) return std::nullopt;
    h.prev_state_root = *prev;
    h.state_root = *state;
    h.tx_root = *tx;
    h.withdrawal_root = *wd;
    h.record_count = *records;
    h.deposit_start = *start;
    h.deposit_end = *end;
    h.submitted_at = *submitted;
    h.proposer = *proposer;
    return h;
}

std::optional<L2Status> L2Client::parseStatus(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    L2Status s;
    bool ok = true;
    auto l1 = u64(o.value(field("l1ChainId")));
    auto l2 = u64(o.value(field("l2ChainId")));
    auto rollup = address(o.value(field("rollup")));
    if (!l1 || !l2 || !rollup) return std::nullopt;
    s.l1ChainId = *l1;
    s.l2ChainId = *l2;
    s.rollup = *rollup;
    s.l1Head = u64(o.value(field("l1Head"))).value_or(0);
    s.l2Head = u64(o.value(field("l2Head"))).value_or(0);
    s.latestBatch = optionalU64(o.value(field("latestBatch")), ok);
    s.finalizedBatch = optionalU64(o.value(field("finalizedBatch")), ok);
    s.depositsQueued = u64(o.value(field("depositsQueued"))).value_or(0);
    s.depositsProcessed = u64(o.value(field("depositsProcessed"))).value_or(0);
    const QJsonObject verifier = o.value(field("verifier")).toObject();
    s.verifierLastCheckedBatch = optionalU64(verifier.value(field("lastCheckedBatch")), ok);
    for (const QJsonValue& f : verifier.value(field("fraudFound")).toArray()) {
        if (auto i = u64(f)) s.fraudFound << *i;
    }
    if (!ok) return std::nullopt;
    return s;
}

std::optional<L2Batch> L2Client::parseBatch(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    L2Batch b;
    auto index = u64(o.value(field("index")));
    auto header = parseHeader(o.value(field("header")));
    if (!index || !header) return std::nullopt;
    b.index = *index;
    b.header = *header;
    if (auto h = hash(o.value(field("l1TxHash")))) b.l1TxHash = *h;
    b.l1Block = u64(o.value(field("l1Block"))).value_or(0);
    b.finalAt = u64(o.value(field("finalAt"))).value_or(0);
    b.status = o.value(field("status")).toString();
    b.recordCount = u64(o.value(field("recordCount"))).value_or(header->record_count);
    for (const QJsonValue& t : o.value(field("transactions")).toArray()) {
        if (auto h = hash(t)) b.transactions << *h;
    }
    return b;
}

std::optional<L2Withdrawal> L2Client::parseWithdrawal(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    L2Withdrawal w;
    bool ok = true;
    auto tx = hash(o.value(field("l2TxHash")));
    auto recipient = address(o.value(field("recipient")));
    auto amount = parseNumber(o.value(field("amount")));
    if (!tx || !recipient || !amount) return std::nullopt;
    w.l2TxHash = *tx;
    w.recipient = *recipient;
    w.amount = *amount;
    w.id = o.value(field("id")).toString();
    w.status = o.value(field("status")).toString();
    w.batchIndex = optionalU64(o.value(field("batchIndex")), ok);
    w.withdrawalIndex = optionalU64(o.value(field("withdrawalIndex")), ok);
    w.finalAt = u64(o.value(field("finalAt"))).value_or(0);
    const QJsonValue header = o.value(field("header"));
    if (header.isObject()) {
        w.header = parseHeader(header);
        if (!w.header) return std::nullopt;
    }
    for (const QJsonValue& p : o.value(field("proof")).toArray()) {
        auto h = hash(p);
        if (!h) return std::nullopt;
        w.proof.push_back(*h);
    }
    if (!ok) return std::nullopt;
    return w;
}

std::optional<L2Deposit> L2Client::parseDeposit(const QJsonValue& value) {
    const QJsonObject o = value.toObject();
    L2Deposit d;
    bool ok = true;
    auto index = u64(o.value(field("queueIndex")));
    auto to = address(o.value(field("to")));
    auto amount = parseNumber(o.value(field("amount")));
    if (!index || !to || !amount) return std::nullopt;
    d.queueIndex = *index;
    d.to = *to;
    d.amount = *amount;
    if (auto h = hash(o.value(field("l1TxHash")))) d.l1TxHash = *h;
    d.status = o.value(field("status")).toString();
    d.l2Block = optionalU64(o.value(field("l2Block")), ok);
    if (!ok) return std::nullopt;
    return d;
}

L2Client::L2Client(const QUrl& rpcUrl, const QUrl& webSocketUrl, QObject* parent)
    : QObject(parent), m_rpc(new RpcClient(rpcUrl, this)), m_eth(new EthClient(m_rpc, this)), m_wsUrl(webSocketUrl) {}

L2Client::~L2Client() = default;

template <typename T>
void L2Client::callList(const QString& method, const QJsonArray& params, QObject* context,
                        std::optional<T> (*parse)(const QJsonValue&), Done<QList<T>> done) {
    RpcClient* rpc = m_rpc;
    rpc->call(method, params, context, [rpc, method, parse, done = std::move(done)](RpcReply reply) {
        if (!reply.ok()) return done(reply.error());
        if (!reply.value().isArray()) return done(rpc->malformed(method, QStringLiteral("expected an array")));
        QList<T> out;
        const QJsonArray items = reply.value().toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            auto item = parse(items[i]);
            if (!item)
                return done(rpc->malformed(method, QStringLiteral("entry %1 has missing or malformed fields").arg(i)));
            out << std::move(*item);
        }
        done(std::move(out));
    });
}

void L2Client::status(QObject* context, Done<L2Status> done) {
    RpcClient* rpc = m_rpc;
    rpc->call(QStringLiteral("sluice_status"), {}, context, [rpc, done = std::move(done)](RpcReply reply) {
        if (!reply.ok()) return done(reply.error());
        auto s = parseStatus(reply.value());
        if (!s)
            return done(rpc->malformed(QStringLiteral("sluice_status"), QStringLiteral("missing or malformed fields")));
        done(*s);
    });
}

void L2Client::batches(quint64 fromIndex, quint64 count, QObject* context, Done<QList<L2Batch>> done) {
    callList<L2Batch>(QStringLiteral("sluice_getBatches"), QJsonArray{qint64(fromIndex), qint64(count)}, context,
                      &L2Client::parseBatch, std::move(done));
}

void L2Client::withdrawals(const Address& who, QObject* context, Done<QList<L2Withdrawal>> done) {
    callList<L2Withdrawal>(QStringLiteral("sluice_getWithdrawals"),
                           QJsonArray{QString::fromStdString(to_checksum_address(who))}, context,
                           &L2Client::parseWithdrawal, std::move(done));
}

void L2Client::deposits(const Address& who, QObject* context, Done<QList<L2Deposit>> done) {
    callList<L2Deposit>(QStringLiteral("sluice_getDeposits"),
                        QJsonArray{QString::fromStdString(to_checksum_address(who))}, context, &L2Client::parseDeposit,
                        std::move(done));
}

void L2Client::subscribe(const QString& name, const QJsonArray& params) {
    m_wanted.append({name, params});
    if (m_wsUrl.isEmpty()) {
        emit subscriptionProblem(tr("The L2 node has no WebSocket URL; %1 is followed by polling.").arg(name));
        return;
    }
    if (!m_socket) {
        connectSocket();
        return;
    }
    if (m_socket->state() == QAbstractSocket::ConnectedState) {
        const qint64 id = m_nextId++;
        QJsonArray p{name};
        for (const QJsonValue& v : params) p.append(v);
        m_pendingSubscribe.insert(id, name);
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                                        {QStringLiteral("id"), id},
                                                        {QStringLiteral("method"), QStringLiteral("eth_subscribe")},
                                                        {QStringLiteral("params"), p}})
                                  .toJson(QJsonDocument::Compact)));
    }
}

void L2Client::connectSocket() {
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        const QList<Wanted> wanted = m_wanted;
        m_wanted.clear();
        m_subscriptions.clear();
        for (const Wanted& w : wanted) subscribe(w.name, w.params);
    });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        emit subscriptionProblem(tr("Lost the WebSocket to the L2 node (%1); reconnecting.").arg(m_wsUrl.toString()));
        QTimer::singleShot(2000, this, [this] {
            if (m_socket) m_socket->open(m_wsUrl);
        });
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &L2Client::onSocketMessage);
    m_socket->open(m_wsUrl);
}

void L2Client::onSocketMessage(const QString& text) {
    const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
    if (o.contains(QStringLiteral("id"))) {
        const qint64 id = o.value(QStringLiteral("id")).toInteger();
        const QString name = m_pendingSubscribe.take(id);
        if (name.isEmpty()) return;
        if (o.value(QStringLiteral("result")).isString())
            m_subscriptions.insert(o.value(QStringLiteral("result")).toString(), name);
        else
            emit subscriptionProblem(
                tr("The L2 node refused the subscription %1: %2")
                    .arg(name,
                         o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()));
        return;
    }
    if (o.value(QStringLiteral("method")).toString() != QLatin1String("eth_subscription")) return;
    const QJsonObject params = o.value(QStringLiteral("params")).toObject();
    const QString name = m_subscriptions.value(params.value(QStringLiteral("subscription")).toString());
    if (!name.isEmpty()) emit notification(name, params.value(QStringLiteral("result")));
}

TransactionSender* newL2Sender(EthClient* l2, const RollupParameters& params, QObject* parent) {
    auto* sender = new TransactionSender(l2, params.l2SigningChainId(), parent);
    sender->setProtocolBaseFee(params.l2BaseFee);
    return sender;
}

}  // namespace sluice
