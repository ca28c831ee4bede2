// SPDX-License-Identifier: MIT
#include "node/watchtower/watchtower_store.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sluice::node {
namespace {

constexpr const char* kSchema[] = {
    // held: the co-signed state as services/channels/channel_messages writes it ({state, sigA, sigB}).
    "CREATE TABLE IF NOT EXISTS watched (channel_id BLOB PRIMARY KEY, held TEXT NOT NULL, "
    "watching INTEGER NOT NULL, disputed_at INTEGER, dispute_tx BLOB)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
};

QByteArray blob(ByteView b) { return QByteArray(reinterpret_cast<const char*>(b.data()), qsizetype(b.size())); }

}  // namespace

struct WatchtowerStore::Impl {
    QSqlDatabase db;
    QString connection;
    QString path;

    ~Impl() {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }
    Error failure(const QSqlQuery& q, const std::string& what) const {
        return make_error("the watchtower store " + path.toStdString() + ": " + what + ": " +
                          q.lastError().text().toStdString());
    }
    Status run(const QString& sql) {
        QSqlQuery q(db);
        if (!q.exec(sql)) return failure(q, sql.toStdString());
        return {};
    }
};

WatchtowerStore::~WatchtowerStore() = default;

Result<std::unique_ptr<WatchtowerStore>> WatchtowerStore::open(const QString& path) {
    static QAtomicInteger<quint64> counter;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return make_error("the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)");
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return make_error("cannot create the folder of " + path.toStdString());
    std::unique_ptr<WatchtowerStore> self(new WatchtowerStore);
    self->m_impl = std::make_unique<Impl>();
    Impl& impl = *self->m_impl;
    impl.path = path;
    impl.connection = QStringLiteral("sluice-watchtower-%1").arg(counter.fetchAndAddRelaxed(1));
    impl.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), impl.connection);
    impl.db.setDatabaseName(path);
    if (!impl.db.open())
        return make_error("cannot open the watchtower store " + path.toStdString() + ": " +
                          impl.db.lastError().text().toStdString());
    // synchronous=FULL: a write returns only once it is on disk (fsync).
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"})
        if (auto st = impl.run(QString::fromLatin1(sql)); !st) return st.error();
    for (const char* sql : kSchema)
        if (auto st = impl.run(QString::fromLatin1(sql)); !st) return st.error();
    return self;
}

Result<std::map<channels::ChannelId, WatchedChannel>> WatchtowerStore::load() {
    QSqlQuery q(m_impl->db);
    if (!q.exec(QStringLiteral("SELECT channel_id, held, watching, disputed_at, dispute_tx FROM watched")))
        return m_impl->failure(q, "reading the watched channels");
    std::map<channels::ChannelId, WatchedChannel> out;
    while (q.next()) {
        const QByteArray idBytes = q.value(0).toByteArray();
        const std::string row = "row " + idBytes.toHex().toStdString();
        auto held = channelmsg::cosignedFromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        if (!held)
            return make_error("the watchtower store " + m_impl->path.toStdString() + " is damaged: " + row + ": " +
                              held.message());
        WatchedChannel w{*held, q.value(2).toInt() != 0, std::nullopt, std::nullopt};
        if (!q.value(3).isNull()) w.disputedAt = q.value(3).toULongLong();
        if (!q.value(4).isNull()) {
            const QByteArray tx = q.value(4).toByteArray();
            w.disputeTx = Hash::from_view(ByteView(reinterpret_cast<const std::uint8_t*>(tx.data()), tx.size()));
        }
        if (blob(w.held.state.channel_id) != idBytes)
            return make_error("the watchtower store " + m_impl->path.toStdString() + " is damaged: " + row +
                              " holds a state of another channel");
        out.emplace(w.held.state.channel_id, std::move(w));
    }
    return out;
}

Status WatchtowerStore::save(const WatchedChannel& w) {
    QSqlQuery q(m_impl->db);
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO watched (channel_id, held, watching, disputed_at, dispute_tx) "
                       "VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(blob(w.held.state.channel_id));
    q.addBindValue(QString::fromUtf8(QJsonDocument(channelmsg::toJson(w.held)).toJson(QJsonDocument::Compact)));
    q.addBindValue(int(w.watching));
    q.addBindValue(w.disputedAt ? QVariant(qulonglong(*w.disputedAt)) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(w.disputeTx ? QVariant(blob(*w.disputeTx)) : QVariant(QMetaType(QMetaType::QByteArray)));
    if (!q.exec()) return m_impl->failure(q, "saving channel " + w.held.state.channel_id.hex());
    return {};
}

Result<std::optional<QString>> WatchtowerStore::meta(const QString& key) {
    QSqlQuery q(m_impl->db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec()) return m_impl->failure(q, "reading " + key.toStdString());
    if (!q.next()) return std::optional<QString>{};
    return std::optional<QString>(q.value(0).toString());
}

Status WatchtowerStore::setMeta(const QString& key, const QString& value) {
    QSqlQuery q(m_impl->db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec()) return m_impl->failure(q, "writing " + key.toStdString());
    return {};
}

}  // namespace sluice::node
