// SPDX-License-Identifier: MIT
#include "services/channels/channel_store.hpp"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

#include "core/channels/lock_tree.hpp"
#include "core/eth/address.hpp"

namespace sluice {

using channels::ChannelId;

namespace {

// PRAGMA application_id of a channel store: "SLC1". Another program's SQLite file is refused.
constexpr qint64 kApplicationId = 0x534C4331;
constexpr int kSchemaVersion = 1;

const char* const kSchema[] = {
    // One row per channel. Amounts and nonces are text (0x quantities: 256 and 64 bits do not fit
    // SQLite's signed 64-bit integers); states and locks are the JSON of channel_messages.hpp.
    "CREATE TABLE IF NOT EXISTS channels ("
    " id BLOB PRIMARY KEY, chain_id TEXT NOT NULL, contract BLOB NOT NULL, a BLOB NOT NULL, b BLOB NOT NULL,"
    " me INTEGER NOT NULL, counterparty_url TEXT NOT NULL, on_chain TEXT NOT NULL,"
    " latest TEXT NOT NULL, latest_locks TEXT NOT NULL, sig_a BLOB, sig_b BLOB,"
    " highest_signed TEXT NOT NULL, coop_signed INTEGER NOT NULL, outstanding TEXT,"
    " created INTEGER NOT NULL)",
    // Every state this participant signed (§13.6), kept until the channel is gone on chain.
    "CREATE TABLE IF NOT EXISTS signed_states ("
    " channel BLOB NOT NULL, nonce TEXT NOT NULL, state TEXT NOT NULL, locks TEXT NOT NULL,"
    " update_json TEXT NOT NULL, signature BLOB NOT NULL, counter_signature BLOB, PRIMARY KEY (channel, nonce))",
    "CREATE TABLE IF NOT EXISTS secrets (secret_hash BLOB PRIMARY KEY, secret BLOB NOT NULL)",
};

QByteArray blob(ByteView v) { return QByteArray(reinterpret_cast<const char*>(v.data()), qsizetype(v.size())); }
QString text(const QJsonObject& o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString text(const QJsonArray& a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }
QString nonceText(std::uint64_t n) { return QString::fromStdString(u256_to_quantity(n)); }

QJsonValue parsed(const QVariant& v) {
    const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
    if (doc.isObject()) return doc.object();
    if (doc.isArray()) return doc.array();
    return QJsonValue::Undefined;
}

template <std::size_t N>
std::optional<FixedBytes<N>> fixedBlob(const QVariant& v) {
    const QByteArray b = v.toByteArray();
    return FixedBytes<N>::from_view(ByteView(reinterpret_cast<const std::uint8_t*>(b.data()), std::size_t(b.size())));
}

std::optional<std::uint64_t> nonceFrom(const QVariant& v) {
    auto n = u256_from_hex(v.toString().toStdString());
    if (!n || *n > U256(std::numeric_limits<std::uint64_t>::max())) return std::nullopt;
    return n->convert_to<std::uint64_t>();
}

QJsonObject onChainJson(const ChannelOnChain& c) {
    return {{QStringLiteral("status"), int(c.status)},
            {QStringLiteral("depositA"), QString::fromStdString(u256_to_quantity(c.depositA))},
            {QStringLiteral("depositB"), QString::fromStdString(u256_to_quantity(c.depositB))},
            {QStringLiteral("closingNonce"), nonceText(c.closingNonce)},
            {QStringLiteral("disputeEndsAt"), nonceText(c.disputeEndsAt)}};
}

std::optional<ChannelOnChain> onChainFrom(const QJsonValue& v) {
    const QJsonObject o = v.toObject();
    const int status = o.value(QStringLiteral("status")).toInt(-1);
    auto da = u256_from_hex(o.value(QStringLiteral("depositA")).toString().toStdString());
    auto db = u256_from_hex(o.value(QStringLiteral("depositB")).toString().toStdString());
    auto nonce = nonceFrom(o.value(QStringLiteral("closingNonce")).toString());
    auto ends = nonceFrom(o.value(QStringLiteral("disputeEndsAt")).toString());
    if (status < 0 || status > 3 || !da || !db || !nonce || !ends) return std::nullopt;
    return ChannelOnChain{channels::ChannelStatus(status), *da, *db, *nonce, *ends};
}

}  // namespace

std::optional<channelmsg::CosignedState> StoredChannel::cosigned() const {
    if (latest.nonce == 0 || !sigA || !sigB) return std::nullopt;
    return channelmsg::CosignedState{latest, *sigA, *sigB};
}

struct ChannelStore::Impl {
    QSqlDatabase db;
    QString connection;

    ~Impl() {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }

    Error failure(const QSqlQuery& q, const char* what) const {
        return make_error(std::string("channel store: ") + what + ": " + q.lastError().text().toStdString());
    }
    Status run(const QString& sql) {
        QSqlQuery q(db);
        if (!q.exec(sql)) return failure(q, sql.toUtf8().constData());
        return {};
    }
    // Runs `body` in one transaction: committed (and fsync'd) if it succeeds, else rolled back.
    bool inExclusive = false;  // inside exclusive(): every write joins its transaction

    template <typename Body>
    Status transaction(Body body) {
        if (inExclusive) return body();
        if (!db.transaction())
            return make_error("channel store: cannot begin a transaction: " + db.lastError().text().toStdString());
        Status st = body();
        if (!st) {
            db.rollback();
            return st;
        }
        if (!db.commit()) {
            const std::string why = db.lastError().text().toStdString();
            db.rollback();
            return make_error("channel store: the commit failed (nothing was stored): " + why);
        }
        return {};
    }
    Status insertSigned(const ChannelId& id, const SignedByMe& s) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO signed_states (channel, nonce, state, locks, update_json, signature, "
                           "counter_signature) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(blob(id));
        q.addBindValue(nonceText(s.state.nonce));
        q.addBindValue(text(channelmsg::toJson(s.state)));
        q.addBindValue(text(channelmsg::toJson(std::span<const channels::Lock>(s.locks))));
        q.addBindValue(text(channelmsg::toJson(s.update)));
        q.addBindValue(blob(s.signature));
        q.addBindValue(s.counterSignature ? QVariant(blob(*s.counterSignature))
                                          : QVariant(QMetaType(QMetaType::QByteArray)));
        if (!q.exec()) return failure(q, "recording a signed state");
        return {};
    }
    // Sets the channel's columns named in `assignments` ("col = ?, ...") to `values`.
    Status update(const ChannelId& id, const QString& assignments, const QVariantList& values) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE channels SET %1 WHERE id = ?").arg(assignments));
        for (const QVariant& v : values) q.addBindValue(v);
        q.addBindValue(blob(id));
        if (!q.exec()) return failure(q, "updating a channel");
        if (q.numRowsAffected() != 1) return make_error("channel store: no channel " + id.hex());
        return {};
    }
    Result<std::optional<SignedByMe>> signedState(const ChannelId& id, std::uint64_t nonce) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT state, locks, update_json, signature, counter_signature FROM signed_states "
                           "WHERE channel = ? AND nonce = ?"));
        q.addBindValue(blob(id));
        q.addBindValue(nonceText(nonce));
        if (!q.exec()) return failure(q, "reading a signed state");
        if (!q.next()) return std::optional<SignedByMe>();
        auto state = channelmsg::stateFromJson(parsed(q.value(0)));
        auto locks = channelmsg::locksFromJson(parsed(q.value(1)));
        auto update = channelmsg::updateFromJson(parsed(q.value(2)));
        auto sig = fixedBlob<65>(q.value(3));
        if (!state || !locks || !update || !sig)
            return make_error("channel store: the signed state " + std::to_string(nonce) + " of channel " + id.hex() +
                              " is damaged");
        SignedByMe out{*state, *locks, *update, *sig, std::nullopt};
        if (!q.value(4).isNull()) {
            out.counterSignature = fixedBlob<65>(q.value(4));
            if (!out.counterSignature)
                return make_error("channel store: the counter-signature of state " + std::to_string(nonce) +
                                  " is damaged");
        }
        return std::optional<SignedByMe>(std::move(out));
    }
    Result<StoredChannel> readChannel(QSqlQuery& q) {
        StoredChannel c;
        auto id = fixedBlob<32>(q.value(0));
        auto chain = u256_from_dec(q.value(1).toString().toStdString());
        auto contract = fixedBlob<20>(q.value(2));
        auto a = fixedBlob<20>(q.value(3));
        auto b = fixedBlob<20>(q.value(4));
        const int me = q.value(5).toInt();
        auto onChain = onChainFrom(parsed(q.value(7)));
        auto latest = channelmsg::stateFromJson(parsed(q.value(8)));
        auto locks = channelmsg::locksFromJson(parsed(q.value(9)));
        auto highest = nonceFrom(q.value(12));
        const std::string where = "channel store: the channel " + (id ? id->hex() : std::string("?"));
        if (!id || !chain || !contract || !a || !b || (me != 0 && me != 1) || !onChain || !latest || !locks || !highest)
            return make_error(where + " is damaged");
        c.channel = channels::Channel{{*chain, *contract}, *id, *a, *b};
        c.me = channels::Participant(me);
        c.counterpartyUrl = q.value(6).toString();
        c.onChain = *onChain;
        c.latest = *latest;
        c.latestLocks = *locks;
        if (!q.value(10).isNull()) c.sigA = fixedBlob<65>(q.value(10));
        if (!q.value(11).isNull()) c.sigB = fixedBlob<65>(q.value(11));
        c.highestSigned = *highest;
        c.cooperativeCloseSigned = q.value(13).toInt() != 0;
        if (!q.value(14).isNull()) {
            auto nonce = nonceFrom(q.value(14));
            if (!nonce) return make_error(where + " has a damaged outstanding nonce");
            auto mine = signedState(*id, *nonce);
            if (!mine) return mine.error();
            if (!*mine) return make_error(where + ": its outstanding proposal is missing");
            c.outstanding = **mine;
        }
        return c;
    }
};

static const char* const kChannelColumns =
    "id, chain_id, contract, a, b, me, counterparty_url, on_chain, latest, latest_locks, sig_a, sig_b, "
    "highest_signed, coop_signed, outstanding";

ChannelStore::~ChannelStore() = default;

Result<std::unique_ptr<ChannelStore>> ChannelStore::open(const QString& path) {
    static QAtomicInteger<quint64> counter;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return make_error("the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)");
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return make_error("cannot create the folder of " + path.toStdString());
    std::unique_ptr<ChannelStore> self(new ChannelStore);
    self->m_path = path;
    self->m_impl = std::make_unique<Impl>();
    Impl& impl = *self->m_impl;
    impl.connection = QStringLiteral("sluice-channels-%1").arg(counter.fetchAndAddRelaxed(1));
    impl.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), impl.connection);
    impl.db.setDatabaseName(path);
    impl.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!impl.db.open())
        return make_error("cannot open the channel store " + path.toStdString() + ": " +
                          impl.db.lastError().text().toStdString());
    // synchronous=FULL: a commit returns only once it is on disk (fsync), the rule of §13.1.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"})
        if (auto st = impl.run(QString::fromLatin1(pragma)); !st) return st.error();
    QSqlQuery q(impl.db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
        return make_error("the channel store " + path.toStdString() +
                          " is damaged (SQLite quick_check failed); restore it from a backup");
    q.exec(QStringLiteral("PRAGMA application_id"));
    const qint64 appId = q.next() ? q.value(0).toLongLong() : -1;
    q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    const bool empty = q.next() && q.value(0).toLongLong() == 0;
    if (appId != kApplicationId && !empty)
        return make_error("the file " + path.toStdString() + " is not a Sluice channel store");
    q.exec(QStringLiteral("PRAGMA user_version"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    if (version > kSchemaVersion)
        return make_error("the channel store " + path.toStdString() + " was written by a newer Sluice (schema " +
                          std::to_string(version) + ")");
    auto st = impl.transaction([&]() -> Status {
        for (const char* sql : kSchema)
            if (auto s = impl.run(QString::fromLatin1(sql)); !s) return s;
        if (auto s = impl.run(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)); !s) return s;
        return impl.run(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion));
    });
    if (!st) return st.error();
    return self;
}

Status ChannelStore::exclusive(const std::function<Status()>& body) {
    Impl& impl = *m_impl;
    if (impl.inExclusive) return body();
    // IMMEDIATE takes the write lock before the first read: another process on the same file
    // waits (busy timeout) instead of reading what this one is about to change.
    if (auto st = impl.run(QStringLiteral("BEGIN IMMEDIATE")); !st) return st;
    impl.inExclusive = true;
    Status st = body();
    impl.inExclusive = false;
    if (!st) {
        (void)impl.run(QStringLiteral("ROLLBACK"));
        return st;
    }
    if (auto committed = impl.run(QStringLiteral("COMMIT")); !committed) {
        (void)impl.run(QStringLiteral("ROLLBACK"));
        return make_error("channel store: the commit failed (nothing was stored): " + committed.message());
    }
    return {};
}

Status ChannelStore::addChannel(const StoredChannel& c) {
    QSqlQuery q(m_impl->db);
    // Only a second sighting of the same channel is ignored; any other constraint is an error.
    q.prepare(QStringLiteral("INSERT INTO channels (%1, created) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%s','now')) "
                             "ON CONFLICT (id) DO NOTHING")
                  .arg(QLatin1String(kChannelColumns)));
    q.addBindValue(blob(c.channel.id));
    q.addBindValue(QString::fromStdString(u256_to_dec(c.channel.domain.chain_id)));
    q.addBindValue(blob(c.channel.domain.verifying_contract));
    q.addBindValue(blob(c.channel.a));
    q.addBindValue(blob(c.channel.b));
    q.addBindValue(int(c.me));
    q.addBindValue(c.counterpartyUrl.isNull() ? QStringLiteral("") : c.counterpartyUrl);
    q.addBindValue(text(onChainJson(c.onChain)));
    q.addBindValue(text(channelmsg::toJson(c.latest)));
    q.addBindValue(text(channelmsg::toJson(std::span<const channels::Lock>(c.latestLocks))));
    q.addBindValue(c.sigA ? QVariant(blob(*c.sigA)) : QVariant(QMetaType(QMetaType::QByteArray)));
    q.addBindValue(c.sigB ? QVariant(blob(*c.sigB)) : QVariant(QMetaType(QMetaType::QByteArray)));
    q.addBindValue(nonceText(c.highestSigned));
    q.addBindValue(int(c.cooperativeCloseSigned));
    q.addBindValue(QVariant(QMetaType(QMetaType::QString)));
    if (!q.exec()) return m_impl->failure(q, "adding a channel");
    return {};
}

Result<std::optional<StoredChannel>> ChannelStore::channel(const ChannelId& id) {
    QSqlQuery q(m_impl->db);
    q.prepare(QStringLiteral("SELECT %1 FROM channels WHERE id = ?").arg(QLatin1String(kChannelColumns)));
    q.addBindValue(blob(id));
    if (!q.exec()) return m_impl->failure(q, "reading a channel");
    if (!q.next()) return std::optional<StoredChannel>();
    auto c = m_impl->readChannel(q);
    if (!c) return c.error();
    return std::optional<StoredChannel>(std::move(*c));
}

Result<std::vector<StoredChannel>> ChannelStore::channels() {
    QSqlQuery q(m_impl->db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM channels ORDER BY created, id").arg(QLatin1String(kChannelColumns))))
        return m_impl->failure(q, "listing the channels");
    std::vector<StoredChannel> out;
    while (q.next()) {
        auto c = m_impl->readChannel(q);
        if (!c) return c.error();
        out.push_back(std::move(*c));
    }
    return out;
}

Status ChannelStore::recordProposal(const ChannelId& id, const SignedByMe& mine) {
    return m_impl->transaction([&]() -> Status {
        if (auto st = m_impl->insertSigned(id, mine); !st) return st;
        return m_impl->update(id, QStringLiteral("highest_signed = ?, outstanding = ?"),
                              {nonceText(mine.state.nonce), nonceText(mine.state.nonce)});
    });
}

Status ChannelStore::recordCountersigned(const ChannelId& id, const channels::Signature& theirs) {
    auto c = channel(id);
    if (!c) return c.error();
    if (!*c || !(*c)->outstanding) return make_error("channel store: no outstanding proposal in " + id.hex());
    const StoredChannel& ch = **c;
    const SignedByMe& mine = *ch.outstanding;
    const bool iAmA = ch.me == channels::Participant::A;
    return m_impl->transaction([&]() -> Status {
        QSqlQuery q(m_impl->db);
        q.prepare(QStringLiteral("UPDATE signed_states SET counter_signature = ? WHERE channel = ? AND nonce = ?"));
        q.addBindValue(blob(theirs));
        q.addBindValue(blob(id));
        q.addBindValue(nonceText(mine.state.nonce));
        if (!q.exec()) return m_impl->failure(q, "recording a counter-signature");
        return m_impl->update(id,
                              QStringLiteral("latest = ?, latest_locks = ?, sig_a = ?, sig_b = ?, outstanding = NULL"),
                              {text(channelmsg::toJson(mine.state)),
                               text(channelmsg::toJson(std::span<const channels::Lock>(mine.locks))),
                               blob(iAmA ? mine.signature : theirs), blob(iAmA ? theirs : mine.signature)});
    });
}

Status ChannelStore::dropOutstanding(const ChannelId& id) {
    return m_impl->update(id, QStringLiteral("outstanding = NULL"), {});
}

Status ChannelStore::recordAccepted(const ChannelId& id, const SignedByMe& accepted) {
    if (!accepted.counterSignature)
        return make_error("channel store: an accepted state needs the proposer's signature");
    auto c = channel(id);
    if (!c) return c.error();
    if (!*c) return make_error("channel store: no channel " + id.hex());
    const bool iAmA = (*c)->me == channels::Participant::A;
    const channels::Signature& mine = accepted.signature;
    const channels::Signature& theirs = *accepted.counterSignature;
    return m_impl->transaction([&]() -> Status {
        if (auto st = m_impl->insertSigned(id, accepted); !st) return st;
        return m_impl->update(
            id,
            QStringLiteral(
                "latest = ?, latest_locks = ?, sig_a = ?, sig_b = ?, highest_signed = ?, outstanding = NULL"),
            {text(channelmsg::toJson(accepted.state)),
             text(channelmsg::toJson(std::span<const channels::Lock>(accepted.locks))), blob(iAmA ? mine : theirs),
             blob(iAmA ? theirs : mine), nonceText(accepted.state.nonce)});
    });
}

Status ChannelStore::adoptCosigned(const ChannelId& id, const channelmsg::CosignedState& c,
                                   const std::vector<channels::Lock>& locks) {
    if (channels::locks_root(locks) != c.state.locks_root)
        return make_error("channel store: the locks given do not make the state's locksRoot");
    return m_impl->update(
        id, QStringLiteral("latest = ?, latest_locks = ?, sig_a = ?, sig_b = ?, outstanding = NULL"),
        {text(channelmsg::toJson(c.state)), text(channelmsg::toJson(std::span<const channels::Lock>(locks))),
         blob(c.sigA), blob(c.sigB)});
}

Status ChannelStore::recordCooperativeCloseSigned(const ChannelId& id) {
    return m_impl->update(id, QStringLiteral("coop_signed = 1"), {});
}

Status ChannelStore::setHighestSigned(const ChannelId& id, std::uint64_t nonce) {
    return m_impl->update(id, QStringLiteral("highest_signed = ?"), {nonceText(nonce)});
}

Status ChannelStore::setOnChain(const ChannelId& id, const ChannelOnChain& onChain) {
    return m_impl->update(id, QStringLiteral("on_chain = ?"), {text(onChainJson(onChain))});
}

Status ChannelStore::restoreSignedState(const ChannelId& id, const SignedByMe& state) {
    auto existing = m_impl->signedState(id, state.state.nonce);
    if (!existing) return existing.error();
    if (*existing) return {};
    return m_impl->insertSigned(id, state);
}

Result<std::optional<SignedByMe>> ChannelStore::signedState(const ChannelId& id, std::uint64_t nonce) {
    return m_impl->signedState(id, nonce);
}

Status ChannelStore::putSecret(const Hash& secret) {
    QSqlQuery q(m_impl->db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO secrets (secret_hash, secret) VALUES (?, ?)"));
    q.addBindValue(blob(channels::secret_hash_of(secret)));
    q.addBindValue(blob(secret));
    if (!q.exec()) return m_impl->failure(q, "storing a secret");
    return {};
}

Result<std::optional<Hash>> ChannelStore::secret(const Hash& secretHash) {
    QSqlQuery q(m_impl->db);
    q.prepare(QStringLiteral("SELECT secret FROM secrets WHERE secret_hash = ?"));
    q.addBindValue(blob(secretHash));
    if (!q.exec()) return m_impl->failure(q, "reading a secret");
    if (!q.next()) return std::optional<Hash>();
    auto s = fixedBlob<32>(q.value(0));
    if (!s) return make_error("channel store: a stored secret is damaged");
    return std::optional<Hash>(*s);
}

}  // namespace sluice
