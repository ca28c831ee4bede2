// SPDX-License-Identifier: MIT
#include "node/storage/nodedatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <climits>
#include <map>
#include <utility>

#include "core/crypto/keccak.hpp"
#include "node/storage/storedvalues.h"
#include "node/storage/walcheckpointer.h"

namespace sluice::node {

namespace {

QByteArray blob(ByteView bytes) {
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}
QByteArray blob(const U256& value) { return blob(ByteView(u256_to_be32(value))); }

QByteArray hashesBlob(const std::vector<Hash>& hashes) {
    QByteArray out;
    out.reserve(qsizetype(hashes.size() * 32));
    for (const auto& h : hashes) out.append(reinterpret_cast<const char*>(h.bytes.data()), 32);
    return out;
}
template <typename R>
struct ResultValue;
template <typename T>
struct ResultValue<Result<T>> {
    using type = T;
};

QVariant opt(const std::optional<std::uint64_t>& v) {
    return v ? QVariant(qulonglong(*v)) : QVariant(QMetaType::fromType<qulonglong>());
}

// The schema, written once for both backends: SQLite's types as written; PostgreSQL gets BYTEA for
// BLOB, BIGINT for INTEGER, and an explicit insertion-order column `rowid` where SQLite's implicit
// one is read ({ROWID}: the tables read in arrival order).
const char* const kMetaTable = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)";
const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS l2_transactions (hash BLOB PRIMARY KEY, raw BLOB NOT NULL, sender BLOB NOT NULL,"
    " nonce INTEGER NOT NULL, status INTEGER NOT NULL, block INTEGER, position INTEGER, record_seq INTEGER,"
    " batch_index INTEGER{ROWID})",
    // Partial indexes: a transaction enters each only when it reaches that stage, so a row holds
    // no index entries for stages it has not reached, and a status change touches only the index
    // it leaves or enters (under load every index entry is a B-tree write on the writer thread).
    // The pending ones are read in arrival order at start-up (the 0 is TxStatus::pending).
    "CREATE INDEX IF NOT EXISTS l2_transactions_pending ON l2_transactions(status) WHERE status = 0",
    // A batch's transactions are marked posted, final or unbatched by their records' range or by
    // batch: without these, each was a scan of every transaction ever stored, on the writer thread.
    "CREATE INDEX IF NOT EXISTS l2_transactions_sequenced ON l2_transactions(record_seq) WHERE record_seq IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS l2_transactions_batched ON l2_transactions(batch_index) WHERE batch_index IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS l2_blocks (number INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, parent_hash BLOB NOT NULL,"
    " timestamp INTEGER NOT NULL, state_root BLOB NOT NULL, record_start INTEGER NOT NULL, record_count INTEGER NOT NULL,"
    " transactions BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS l2_records (seq INTEGER PRIMARY KEY, block INTEGER NOT NULL, bytes BLOB NOT NULL,"
    " tx_hash BLOB, deposit_index INTEGER, sender BLOB, to_address BLOB, batch_index INTEGER)",
    "CREATE INDEX IF NOT EXISTS l2_records_batched ON l2_records(batch_index) WHERE batch_index IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS deposits (queue_index INTEGER PRIMARY KEY, to_address BLOB NOT NULL, amount BLOB NOT NULL,"
    " l1_timestamp INTEGER NOT NULL, l1_tx_hash BLOB NOT NULL, credited_block INTEGER, forced BLOB)",
    "CREATE INDEX IF NOT EXISTS deposits_to ON deposits(to_address)",
    "CREATE TABLE IF NOT EXISTS batches (idx INTEGER PRIMARY KEY, prev_state_root BLOB NOT NULL, state_root BLOB NOT NULL,"
    " tx_root BLOB NOT NULL, withdrawal_root BLOB NOT NULL, record_count INTEGER NOT NULL, deposit_start INTEGER NOT NULL,"
    " deposit_end INTEGER NOT NULL, submitted_at INTEGER NOT NULL, proposer BLOB NOT NULL, l1_tx_hash BLOB NOT NULL,"
    " l1_block INTEGER NOT NULL, status INTEGER NOT NULL, first_record_seq INTEGER)",
    "CREATE TABLE IF NOT EXISTS withdrawals (l2_tx_hash BLOB PRIMARY KEY, recipient BLOB NOT NULL, amount BLOB NOT NULL,"
    " batch_index INTEGER, withdrawal_index INTEGER, status INTEGER NOT NULL{ROWID})",
    "CREATE INDEX IF NOT EXISTS withdrawals_recipient ON withdrawals(recipient)",
    // schema 2: the L1 view (node/l1).
    "CREATE TABLE IF NOT EXISTS l1_batches (l1_tx_hash BLOB PRIMARY KEY, idx INTEGER NOT NULL, prev_state_root BLOB NOT NULL,"
    " state_root BLOB NOT NULL, tx_root BLOB NOT NULL, withdrawal_root BLOB NOT NULL, record_count INTEGER NOT NULL,"
    " deposit_start INTEGER NOT NULL, deposit_end INTEGER NOT NULL, submitted_at INTEGER NOT NULL, proposer BLOB NOT NULL,"
    " l1_block INTEGER NOT NULL, final_at INTEGER NOT NULL, reverted INTEGER NOT NULL, judgement INTEGER NOT NULL,"
    " verdict TEXT NOT NULL, l2_tx_hashes BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS l1_batches_idx ON l1_batches(idx)",
    "CREATE TABLE IF NOT EXISTS l1_withdrawals (batch_l1_tx_hash BLOB NOT NULL, withdrawal_index INTEGER NOT NULL,"
    " batch_index INTEGER NOT NULL, recipient BLOB NOT NULL, amount BLOB NOT NULL, l2_tx_hash BLOB NOT NULL,"
    " proof BLOB NOT NULL, finalized INTEGER NOT NULL, PRIMARY KEY (batch_l1_tx_hash, withdrawal_index))",
    "CREATE INDEX IF NOT EXISTS l1_withdrawals_recipient ON l1_withdrawals(recipient)",
    "CREATE TABLE IF NOT EXISTS l1_deposits (queue_index INTEGER PRIMARY KEY, to_address BLOB NOT NULL, amount BLOB NOT NULL,"
    " l1_timestamp INTEGER NOT NULL, l1_tx_hash BLOB NOT NULL, l1_block INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS l1_deposits_to ON l1_deposits(to_address)",
    "CREATE TABLE IF NOT EXISTS l1_fraud_proofs (l1_tx_hash BLOB PRIMARY KEY, batch_index INTEGER NOT NULL,"
    " chunk_index INTEGER NOT NULL, record_index INTEGER NOT NULL, verdict TEXT NOT NULL, challenger BLOB NOT NULL,"
    " l1_block INTEGER NOT NULL)",
};

QString dialect(const char* sql, NodeDatabase::Backend backend) {
    QString out = QString::fromLatin1(sql);
    if (backend == NodeDatabase::Backend::sqlite) return out.replace(QLatin1String("{ROWID}"), QString());
    return out.replace(QLatin1String("{ROWID}"), QLatin1String(", rowid BIGSERIAL"))
        .replace(QLatin1String(" BLOB"), QLatin1String(" BYTEA"))
        .replace(QLatin1String(" INTEGER"), QLatin1String(" BIGINT"));
}

// "INSERT INTO table(columns) VALUES(?, ...) ON CONFLICT(key) DO UPDATE SET column = excluded.column,
// ...": an upsert that SQLite (3.24 on) and PostgreSQL take as written; it keeps the row in place
// (SQLite's INSERT OR REPLACE would delete and re-add it, moving it to the end of rowid order).
QString upsert(const char* table, const QString& columns, const char* key) {
    const QStringList keys = QString::fromLatin1(key).split(QStringLiteral(", "));
    QStringList marks;
    QStringList sets;
    for (QString column : columns.split(QLatin1Char(','))) {
        column = column.trimmed();
        marks << QStringLiteral("?");
        if (!keys.contains(column)) sets << column + QStringLiteral(" = excluded.") + column;
    }
    return QStringLiteral("INSERT INTO %1(%2) VALUES(%3) ON CONFLICT(%4) DO UPDATE SET %5")
        .arg(QLatin1String(table), columns, marks.join(QLatin1Char(',')), QLatin1String(key),
             sets.join(QStringLiteral(", ")));
}

}  // namespace

QString batchStatusName(BatchStatus status) {
    switch (status) {
    case BatchStatus::inWindow: return QStringLiteral("in-window");
    case BatchStatus::final: return QStringLiteral("final");
    case BatchStatus::challenged: return QStringLiteral("challenged");
    case BatchStatus::reverted: return QStringLiteral("reverted");
    }
    return QStringLiteral("unknown");
}

struct NodeDatabase::Impl {
    QString connection;
    QSqlDatabase db;
    Backend backend = Backend::sqlite;
    QHash<QString, QSqlQuery*> prepared;
    // PostgreSQL: kinds of change written since the last commit, notified with it (see the header).
    bool inTransaction = false;
    QStringList changes;

    void changed(const char* kind) {
        if (backend != Backend::postgresql) return;
        const QString k = QLatin1String(kind);
        if (!changes.contains(k)) changes << k;
    }
    // Queued with the transaction: PostgreSQL delivers it when (and only if) the commit succeeds.
    Status sendChanges() {
        if (changes.isEmpty()) return {};
        QSqlQuery* q = query(QStringLiteral("SELECT pg_notify(?, ?)"));
        q->bindValue(0, QLatin1String(kChangeChannel));
        q->bindValue(1, changes.join(QLatin1Char(',')));
        changes.clear();
        const bool sent = q->exec();
        q->finish();
        if (!sent) return make_error("database: notify: " + q->lastError().text().toStdString());
        return {};
    }

    ~Impl() {
        qDeleteAll(prepared);
        prepared.clear();
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }

    // Cached prepared statements: the hot inserts run thousands of times a second.
    QSqlQuery* query(const QString& sql) {
        auto it = prepared.find(sql);
        if (it != prepared.end()) return *it;
        auto* q = new QSqlQuery(db);
        if (!q->prepare(sql)) {
            qWarning("sluiced: cannot prepare %s: %s", qPrintable(sql), qPrintable(q->lastError().text()));
        }
        prepared.insert(sql, q);
        return q;
    }

    // The multi-row statements, one per kind and chunk size (chunkFor): their text, up to 256 rows
    // of placeholders, is built and looked up by text only the first time.
    enum class MultiRow { insertTransactions, insertRecords, sequenceTransactions };
    std::map<std::pair<MultiRow, std::size_t>, QSqlQuery*> multiRowQueries;
    template <typename MakeSql>
    QSqlQuery* multiRow(MultiRow kind, std::size_t rows, MakeSql makeSql) {
        QSqlQuery*& q = multiRowQueries[{kind, rows}];
        if (!q) q = query(makeSql());
        return q;
    }

    Status exec(QSqlQuery* q, const char* what) {
        if (!q->exec())
            return make_error(std::string("database: ") + what + ": " + q->lastError().text().toStdString());
        return inTransaction ? Status{} : sendChanges();
    }
    Status run(const QString& sql) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return make_error("database: " + sql.toStdString() + ": " + q.lastError().text().toStdString());
        return {};
    }
    QVariant scalar(const QString& sql) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next()) return q.value(0);
        return {};
    }

    // The reads: a query that fails (also part-way through its rows) is an error, and so is a row
    // its reader finds damaged (storedvalues.h). Statements are reset after use.
    template <typename Read>
    auto one(QSqlQuery* q, const char* what, Read read)
        -> Result<std::optional<typename ResultValue<decltype(read(q))>::type>> {
        using T = typename ResultValue<decltype(read(q))>::type;
        if (auto st = exec(q, what); !st) return st.error();
        if (!q->next()) {
            const QSqlError error = q->lastError();
            q->finish();
            if (error.isValid())
                return make_error(std::string("database: ") + what + ": " + error.text().toStdString());
            return std::optional<T>();
        }
        auto row = read(q);
        q->finish();
        if (!row) return row.error();
        return std::optional<T>(std::move(row).value());
    }
    template <typename Read>
    auto all(QSqlQuery* q, const char* what, Read read)
        -> Result<std::vector<typename ResultValue<decltype(read(q))>::type>> {
        using T = typename ResultValue<decltype(read(q))>::type;
        if (auto st = exec(q, what); !st) return st.error();
        std::vector<T> out;
        while (q->next()) {
            auto row = read(q);
            if (!row) {
                q->finish();
                return row.error();
            }
            out.push_back(std::move(row).value());
        }
        const QSqlError error = q->lastError();
        q->finish();
        if (error.isValid()) return make_error(std::string("database: ") + what + ": " + error.text().toStdString());
        return out;
    }
    // Every row of `sql` through `read`: the first damaged one, if any (checkSequencerTables).
    template <typename Read>
    Status scan(const QString& sql, Read read) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(sql))
            return make_error("database: " + sql.toStdString() + ": " + q.lastError().text().toStdString());
        while (q.next())
            if (auto row = read(&q); !row) return row.error();
        if (q.lastError().isValid())
            return make_error("database: " + sql.toStdString() + ": " + q.lastError().text().toStdString());
        return {};
    }
    Result<std::uint64_t> count(const QString& sql) {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return make_error("database: " + sql.toStdString() + ": " + q.lastError().text().toStdString());
        return stored::integer(q.value(0), sql.toStdString());
    }
};

// PRAGMA application_id of every sluiced SQLite file: "SLU1". PostgreSQL: the advisory lock that
// serialises schema creation between processes opening one database at once.
constexpr qint64 kApplicationId = 0x534C5531;

bool NodeDatabase::isPostgresUrl(const QString& location) {
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString NodeDatabase::displayLocation(const QString& location) {
    if (!isPostgresUrl(location)) return location;
    QUrl url(location);
    url.setPassword(QString());
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("password"));
    url.setQuery(query);
    return url.toString();
}

namespace {

// The SQLite file: WAL, synchronous=FULL, its application id, a quick check.
Status openSqlite(QSqlDatabase& db, const QString& path, const std::function<QVariant(const QString&)>& scalar,
                  const std::function<Status(const QString&)>& run) {
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return make_error("the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)");
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return make_error("cannot create the data directory " + info.absolutePath().toStdString());
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return make_error("cannot open the node database " + path.toStdString() + ": " +
                          db.lastError().text().toStdString());
    // A page cache of 32 MiB (SQLite's default is 2 MiB): under load the indexes on transaction
    // hashes are written at random places, and each page missing from the cache is a system call.
    // Checkpoints run on a thread of their own (WalCheckpointer); the automatic one is a backstop.
    for (const QString& pragma :
         {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=FULL"),
          QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA cache_size=-32768"),
          QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(WalCheckpointer::kBackstopPages)}) {
        if (auto st = run(pragma); !st) return st;
    }
    if (scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower() != QLatin1String("wal"))
        return make_error("the node database " + path.toStdString() +
                          " cannot use WAL journaling (is it on a network file system?)");

    // A damaged file is refused at open, not discovered as a wrong balance later.
    const QString check = scalar(QStringLiteral("PRAGMA quick_check")).toString();
    if (check != QLatin1String("ok"))
        return make_error("the node database " + path.toStdString() + " is damaged (SQLite quick_check: " +
                          (check.isEmpty() ? std::string("no answer") : check.toStdString()) +
                          "); restore it from a backup or start from an empty data directory");
    // Another program's SQLite file is never taken over: sluiced's files carry its application id.
    const qint64 appId = scalar(QStringLiteral("PRAGMA application_id")).toLongLong();
    const bool empty = scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).toLongLong() == 0;
    const bool olderSluiced =
        appId == 0 &&
        scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'meta'")).toLongLong() == 1 &&
        !scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schemaVersion'")).isNull();
    if (appId != kApplicationId && !empty && !olderSluiced)
        return make_error("the file " + path.toStdString() +
                          " is not a sluiced database (another program's SQLite file?)");
    if (appId != kApplicationId) return run(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
    return {};
}

// The PostgreSQL database of `url`: synchronous_commit on, a server that fsyncs, and no tables
// but sluiced's.
Status openPostgres(QSqlDatabase& db, const QString& url, const std::function<QVariant(const QString&)>& scalar,
                    const std::function<Status(const QString&)>& run) {
    const QString shown = NodeDatabase::displayLocation(url);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return make_error("the Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)");
    const QUrl u(url);
    if (!u.isValid()) return make_error("--db: " + shown.toStdString() + " is not a valid postgresql:// URL");
    QUrlQuery query(u);
    auto take = [&query](const char* key, const QString& fallback) {
        const QString k = QLatin1String(key);
        QString v = query.hasQueryItem(k) ? query.queryItemValue(k, QUrl::FullyDecoded) : fallback;
        query.removeAllQueryItems(k);
        return v;
    };
    db.setHostName(take("host", u.host()));
    db.setPort(take("port", QString::number(u.port(5432))).toInt());
    db.setUserName(take("user", u.userName()));
    db.setPassword(take("password", u.password()));
    db.setDatabaseName(take("dbname", u.path().mid(1)));
    if (db.databaseName().isEmpty()) return make_error("--db: " + shown.toStdString() + " names no database");
    // Everything else (sslmode, application_name, …) goes to libpq as written; a server that is
    // down is reported within connect_timeout seconds.
    QStringList options{QStringLiteral("connect_timeout=10")};
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) options << key + QLatin1Char('=') + value;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    if (!db.open())
        return make_error("cannot open the node database " + shown.toStdString() + ": " +
                          db.lastError().text().toStdString());
    // (and no NOTICE on stderr for every CREATE … IF NOT EXISTS of a table that exists)
    for (const char* setting : {"SET synchronous_commit = on", "SET client_min_messages = warning"})
        if (auto st = run(QLatin1String(setting)); !st) return st;
    if (scalar(QStringLiteral("SHOW fsync")).toString() != QLatin1String("on"))
        return make_error("the PostgreSQL server of " + shown.toStdString() +
                          " runs with fsync off: what it acknowledges can be lost in a crash, and sluiced "
                          "acknowledges nothing it has not stored durably; turn fsync on");
    const qint64 tables =
        scalar(QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"))
            .toLongLong();
    const bool ours = scalar(QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                                            "current_schema() AND table_name = 'meta'"))
                          .toLongLong() == 1;
    if (tables > 0 && !ours)
        return make_error("the PostgreSQL database " + shown.toStdString() +
                          " holds tables that are not sluiced's; give sluiced a database of its own");
    return {};
}

}  // namespace

Result<std::unique_ptr<NodeDatabase>> NodeDatabase::open(const QString& location, const QString& connectionName) {
    static QAtomicInteger<quint64> counter;
    std::unique_ptr<NodeDatabase> self(new NodeDatabase);
    self->m_impl = std::make_unique<Impl>();
    self->m_path = displayLocation(location);
    auto& impl = *self->m_impl;
    impl.backend = isPostgresUrl(location) ? Backend::postgresql : Backend::sqlite;
    impl.connection =
        connectionName.isEmpty() ? QStringLiteral("sluiced-%1").arg(counter.fetchAndAddRelaxed(1)) : connectionName;
    impl.db = QSqlDatabase::addDatabase(
        impl.backend == Backend::postgresql ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), impl.connection);
    const auto scalar = [&impl](const QString& sql) { return impl.scalar(sql); };
    const auto run = [&impl](const QString& sql) { return impl.run(sql); };
    if (auto st = impl.backend == Backend::postgresql ? openPostgres(impl.db, location, scalar, run)
                                                      : openSqlite(impl.db, location, scalar, run);
        !st)
        return st.error();

    if (auto st = self->begin(); !st) return st.error();
    auto migrate = [&]() -> Status {
        // Processes opening one new PostgreSQL database at once create its tables one after another.
        if (impl.backend == Backend::postgresql)
            if (auto st = impl.run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kApplicationId)); !st)
                return st;
        if (auto st = impl.run(dialect(kMetaTable, impl.backend)); !st) return st;
        const auto storedVersion = self->schemaVersion();
        if (!storedVersion) return storedVersion.error();
        const int version = *storedVersion;
        if (version > kSchemaVersion)
            return make_error("the node database " + self->m_path.toStdString() + " has schema version " +
                              std::to_string(version) + ", newer than this sluiced understands (" +
                              std::to_string(kSchemaVersion) + ")");
        if (version == kSchemaVersion) return {};
        for (const char* sql : kSchema)
            if (auto st = impl.run(dialect(sql, impl.backend)); !st) return st;
        // Schema 3 added deposits.forced; a database from before has the table without it.
        if (version >= 1 && version < 3)
            if (auto st = impl.run(QStringLiteral("ALTER TABLE deposits ADD COLUMN forced BLOB")); !st) return st;
        // Schema 5 replaced these full indexes with the partial ones above.
        for (const char* old :
             {"l2_transactions_status", "l2_transactions_record_seq", "l2_transactions_batch", "l2_records_batch"})
            if (auto st = impl.run(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(old))); !st) return st;
        return self->setMeta(QStringLiteral("schemaVersion"), QByteArray::number(kSchemaVersion));
    };
    if (auto st = migrate(); !st) {
        (void)self->rollback();
        return st.error();
    }
    if (auto st = self->commit(); !st) return st.error();
    return self;
}

NodeDatabase::~NodeDatabase() = default;

NodeDatabase::Backend NodeDatabase::backend() const { return m_impl->backend; }

QString NodeDatabase::synchronousCommit() {
    return m_impl->scalar(QStringLiteral("SHOW synchronous_commit")).toString();
}

Status NodeDatabase::listen(std::function<void(const QString& payload)> handler) {
    QSqlDriver* driver = m_impl->db.driver();
    if (m_impl->backend != Backend::postgresql || !driver->hasFeature(QSqlDriver::EventNotifications))
        return make_error("change notifications need a PostgreSQL database (sluiced --db postgresql://…)");
    if (!driver->subscribeToNotification(QLatin1String(kChangeChannel)))
        return make_error("database: cannot listen to " + std::string(kChangeChannel) + ": " +
                          driver->lastError().text().toStdString());
    QObject::connect(
        driver, &QSqlDriver::notification, driver,
        [handler = std::move(handler)](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
            if (name == QLatin1String(kChangeChannel)) handler(payload.toString());
        });
    return {};
}

QString NodeDatabase::journalMode() {
    return m_impl->scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower();
}
int NodeDatabase::synchronousMode() { return m_impl->scalar(QStringLiteral("PRAGMA synchronous")).toInt(); }
Result<int> NodeDatabase::schemaVersion() {
    auto v = metaNumber(QStringLiteral("schemaVersion"));
    if (!v) return v.error();
    if (*v && **v > std::uint64_t(INT_MAX))
        return make_error(
            stored::damaged("meta schemaVersion", "holds " + std::to_string(**v) + ", not a schema version"));
    return v->has_value() ? int(**v) : 0;
}

Status NodeDatabase::begin() {
    if (!m_impl->db.transaction())
        return make_error("database: cannot begin a transaction: " + m_impl->db.lastError().text().toStdString());
    m_impl->inTransaction = true;
    return {};
}
Status NodeDatabase::commit() {
    if (auto st = m_impl->sendChanges(); !st) return st;
    m_impl->inTransaction = false;
    if (!m_impl->db.commit())
        return make_error("database: commit failed: " + m_impl->db.lastError().text().toStdString());
    return {};
}
Status NodeDatabase::rollback() {
    m_impl->inTransaction = false;
    m_impl->changes.clear();
    if (!m_impl->db.rollback())
        return make_error("database: rollback failed: " + m_impl->db.lastError().text().toStdString());
    return {};
}

Status NodeDatabase::setMeta(const QString& key, const QByteArray& value) {
    auto* q = m_impl->query(upsert("meta", QStringLiteral("key, value"), "key"));
    q->bindValue(0, key);
    q->bindValue(1, value);
    return m_impl->exec(q, "meta");
}
Result<std::optional<QByteArray>> NodeDatabase::meta(const QString& key) {
    auto* q = m_impl->query(QStringLiteral("SELECT key, value FROM meta WHERE key = ?"));
    q->bindValue(0, key);
    return m_impl->one(q, "read meta", [](QSqlQuery* q) {
        StoredRow row(*q, "meta");
        QByteArray value;
        if (auto b = row.optionalBlob(1))
            value = *b;
        else
            row.reject(1, "is NULL, not a BLOB");
        return row.result(std::move(value));
    });
}

Result<std::optional<std::uint64_t>> NodeDatabase::metaNumber(const QString& key) {
    auto v = meta(key);
    if (!v) return v.error();
    if (!*v) return std::optional<std::uint64_t>();
    auto n = stored::number(**v, "meta " + key.toStdString());
    if (!n) return n.error();
    return std::optional<std::uint64_t>(*n);
}

// --- transactions --------------------------------------------------------------------------

static const QString kTxColumns =
    QStringLiteral("hash, raw, sender, nonce, status, block, position, record_seq, batch_index");

static Result<StoredTransaction> readTx(QSqlQuery* q) {
    StoredRow row(*q, "l2_transactions");
    StoredTransaction tx;
    tx.hash = row.hash(0);
    tx.raw = row.bytes(1);
    tx.sender = row.address(2);
    tx.nonce = row.integer(3);
    tx.status = TxStatus(row.integer(4, std::uint64_t(TxStatus::dropped)));
    tx.block = row.optionalInteger(5);
    if (auto p = row.optionalInteger(6, UINT32_MAX)) tx.position = std::uint32_t(*p);
    tx.recordSeq = row.optionalInteger(7);
    tx.batchIndex = row.optionalInteger(8);
    if (row.ok()) {
        const Hash actual = keccak256(tx.raw);
        if (actual != tx.hash) row.reject(1, "does not hash to the row's hash (its keccak256 is " + actual.hex() + ")");
    }
    return row.result(std::move(tx));
}

// Binds a transaction row's columns (kTxColumns) from parameter `p` on.
static void bindTransaction(QSqlQuery* q, int& p, const StoredTransaction& tx) {
    q->bindValue(p++, blob(tx.hash));
    q->bindValue(p++, blob(tx.raw));
    q->bindValue(p++, blob(tx.sender));
    q->bindValue(p++, qulonglong(tx.nonce));
    q->bindValue(p++, int(tx.status));
    q->bindValue(p++, opt(tx.block));
    q->bindValue(p++, tx.position ? QVariant(uint(*tx.position)) : QVariant(QMetaType::fromType<uint>()));
    q->bindValue(p++, opt(tx.recordSeq));
    q->bindValue(p++, opt(tx.batchIndex));
}

Status NodeDatabase::insertTransaction(const StoredTransaction& tx, bool keepExisting) {
    auto* q = m_impl->query(QStringLiteral("INSERT INTO l2_transactions(") + kTxColumns +
                            QStringLiteral(") VALUES(?,?,?,?,?,?,?,?,?)") +
                            (keepExisting ? QStringLiteral(" ON CONFLICT DO NOTHING") : QString()));
    int p = 0;
    bindTransaction(q, p, tx);
    return m_impl->exec(q, "insert transaction");
}

Status NodeDatabase::setTransactionStatus(const Hash& hash, TxStatus status) {
    auto* q = m_impl->query(QStringLiteral("UPDATE l2_transactions SET status = ? WHERE hash = ?"));
    q->bindValue(0, int(status));
    q->bindValue(1, blob(hash));
    return m_impl->exec(q, "transaction status");
}

Result<std::optional<StoredTransaction>> NodeDatabase::transaction(const Hash& hash) {
    auto* q =
        m_impl->query(QStringLiteral("SELECT ") + kTxColumns + QStringLiteral(" FROM l2_transactions WHERE hash = ?"));
    q->bindValue(0, blob(hash));
    return m_impl->one(q, "read transaction", readTx);
}

Result<std::vector<StoredTransaction>> NodeDatabase::pendingTransactions() {
    static_assert(int(TxStatus::pending) == 0, "l2_transactions_pending indexes status = 0");
    // (the literal, not a bound value: only then may the planner use the partial index)
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kTxColumns +
                            QStringLiteral(" FROM l2_transactions WHERE status = 0 ORDER BY rowid"));
    return m_impl->all(q, "read transactions", readTx);
}

Result<std::uint64_t> NodeDatabase::transactionCount() {
    return m_impl->count(QStringLiteral("SELECT COUNT(*) FROM l2_transactions"));
}

// --- blocks and records ----------------------------------------------------------------------

static Result<StoredBlock> readBlock(QSqlQuery* q) {
    StoredRow row(*q, "l2_blocks");
    StoredBlock b;
    b.number = row.integer(0);
    b.hash = row.hash(1);
    b.parentHash = row.hash(2);
    b.timestamp = row.integer(3);
    b.stateRoot = row.hash(4);
    b.recordStart = row.integer(5);
    b.recordCount = std::uint32_t(row.integer(6, UINT32_MAX));
    b.transactions = row.hashes(7);
    if (row.ok() && b.transactions.size() > b.recordCount)
        row.reject(7, "lists " + std::to_string(b.transactions.size()) + " transactions, more than the block's " +
                          std::to_string(b.recordCount) + " records");
    return row.result(std::move(b));
}
static const QString kBlockColumns =
    QStringLiteral("number, hash, parent_hash, timestamp, state_root, record_start, record_count, transactions");

Status NodeDatabase::insertBlock(const StoredBlock& b) {
    m_impl->changed("blocks");
    auto* q = m_impl->query(QStringLiteral("INSERT INTO l2_blocks(") + kBlockColumns +
                            QStringLiteral(") VALUES(?,?,?,?,?,?,?,?)"));
    QByteArray txs;
    txs.reserve(qsizetype(b.transactions.size() * 32));
    for (const auto& h : b.transactions) txs.append(blob(h));
    q->bindValue(0, qulonglong(b.number));
    q->bindValue(1, blob(b.hash));
    q->bindValue(2, blob(b.parentHash));
    q->bindValue(3, qulonglong(b.timestamp));
    q->bindValue(4, blob(b.stateRoot));
    q->bindValue(5, qulonglong(b.recordStart));
    q->bindValue(6, uint(b.recordCount));
    q->bindValue(7, txs);
    return m_impl->exec(q, "insert block");
}

Result<std::optional<StoredBlock>> NodeDatabase::block(std::uint64_t number) {
    auto* q =
        m_impl->query(QStringLiteral("SELECT ") + kBlockColumns + QStringLiteral(" FROM l2_blocks WHERE number = ?"));
    q->bindValue(0, qulonglong(number));
    return m_impl->one(q, "read block", readBlock);
}

Result<std::optional<StoredBlock>> NodeDatabase::blockByHash(const Hash& hash) {
    auto* q =
        m_impl->query(QStringLiteral("SELECT ") + kBlockColumns + QStringLiteral(" FROM l2_blocks WHERE hash = ?"));
    q->bindValue(0, blob(hash));
    return m_impl->one(q, "read block", readBlock);
}

Result<std::optional<std::uint64_t>> NodeDatabase::latestBlockNumber() {
    auto* q = m_impl->query(QStringLiteral("SELECT MAX(number) FROM l2_blocks"));
    auto v = m_impl->one(q, "latest block", [](QSqlQuery* q) {
        StoredRow row(*q, "l2_blocks", -1);
        auto n = row.optionalInteger(0);
        return row.result(n);
    });
    if (!v) return v.error();
    return v->value_or(std::optional<std::uint64_t>());  // (MAX over no rows is one NULL)
}

static const QString kRecordColumns =
    QStringLiteral("seq, block, bytes, tx_hash, deposit_index, sender, to_address, batch_index");

namespace {
// Rows go in chunks whose sizes are powers of two up to 256: a block's rows take a few
// statements, and each statement's text is prepared once.
std::size_t chunkFor(std::size_t left) {
    std::size_t n = 256;
    while (n > left) n /= 2;
    return n;
}
QString repeated(const QString& row, std::size_t n) {
    QStringList rows;
    for (std::size_t i = 0; i < n; ++i) rows << row;
    return rows.join(QLatin1Char(','));
}
}  // namespace

std::vector<TransactionPlace> transactionPlaces(const std::vector<StoredRecord>& records) {
    std::vector<TransactionPlace> places;
    for (std::size_t k = 0; k < records.size(); ++k)
        if (records[k].txHash) places.push_back({k, std::uint32_t(places.size())});
    return places;
}

Status NodeDatabase::insertArrivedTransactions(const std::vector<StoredTransaction>& txs) {
    for (std::size_t i = 0; i < txs.size();) {
        const std::size_t n = chunkFor(txs.size() - i);
        // A hash already on disk is replaced only if that row was dropped (it is stored anew, as
        // this arrival); a clash with any other row leaves it alone and is counted below.
        auto* q = m_impl->multiRow(Impl::MultiRow::insertTransactions, n, [n] {
            return QStringLiteral("INSERT INTO l2_transactions(") + kTxColumns + QStringLiteral(") VALUES ") +
                   repeated(QStringLiteral("(?,?,?,?,?,?,?,?,?)"), n) +
                   QStringLiteral(
                       " ON CONFLICT (hash) DO UPDATE SET raw = excluded.raw, sender = excluded.sender, nonce = "
                       "excluded.nonce, status = excluded.status, block = excluded.block, position = "
                       "excluded.position, record_seq = excluded.record_seq, batch_index = excluded.batch_index "
                       "WHERE l2_transactions.status = %1")
                       .arg(int(TxStatus::dropped));
        });
        int p = 0;
        for (std::size_t k = i; k < i + n; ++k) bindTransaction(q, p, txs[k]);
        if (auto st = m_impl->exec(q, "insert transactions"); !st) return st;
        if (q->numRowsAffected() != int(n))
            return make_error("database: " + std::to_string(int(n) - q->numRowsAffected()) + " of " +
                              std::to_string(n) + " arriving transactions are stored already and were not dropped");
        i += n;
    }
    return Status{};
}

Status NodeDatabase::insertBlockRecords(std::uint64_t number, const std::vector<StoredRecord>& records,
                                        const std::vector<bool>& placedAlready) {
    for (std::size_t i = 0; i < records.size();) {
        const std::size_t n = chunkFor(records.size() - i);
        auto* q = m_impl->multiRow(Impl::MultiRow::insertRecords, n, [n] {
            return QStringLiteral("INSERT INTO l2_records(") + kRecordColumns + QStringLiteral(") VALUES ") +
                   repeated(QStringLiteral("(?,?,?,?,?,?,?,?)"), n);
        });
        int p = 0;
        for (std::size_t k = i; k < i + n; ++k) {
            const StoredRecord& r = records[k];
            q->bindValue(p++, qulonglong(r.seq));
            q->bindValue(p++, qulonglong(number));
            q->bindValue(p++, blob(r.bytes));
            q->bindValue(p++, r.txHash ? QVariant(blob(*r.txHash)) : QVariant(QMetaType::fromType<QByteArray>()));
            q->bindValue(p++, opt(r.depositIndex));
            q->bindValue(p++, blob(r.sender));
            q->bindValue(p++, blob(r.to));
            q->bindValue(p++, opt(r.batchIndex));
        }
        if (auto st = m_impl->exec(q, "insert records"); !st) return st;
        i += n;
    }

    std::vector<TransactionPlace> places;
    for (const TransactionPlace& place : transactionPlaces(records))
        if (place.record >= placedAlready.size() || !placedAlready[place.record]) places.push_back(place);
    for (std::size_t i = 0; i < places.size();) {
        const std::size_t n = chunkFor(places.size() - i);
        // VALUES names its columns column1, column2, ... in both SQLite (3.33 on) and PostgreSQL;
        // the casts give PostgreSQL the parameters' types.
        auto* q = m_impl->multiRow(Impl::MultiRow::sequenceTransactions, n, [this, n] {
            const QString sql =
                QStringLiteral(
                    "UPDATE l2_transactions SET status = ?, block = ?, position = v.column2, "
                    "record_seq = v.column3 FROM (VALUES ") +
                repeated(QStringLiteral("(CAST(? AS BLOB), CAST(? AS INTEGER), CAST(? AS INTEGER))"), n) +
                QStringLiteral(") AS v WHERE l2_transactions.hash = v.column1");
            return dialect(sql.toLatin1().constData(), m_impl->backend);
        });
        int p = 0;
        q->bindValue(p++, int(TxStatus::sequenced));
        q->bindValue(p++, qulonglong(number));
        for (std::size_t k = i; k < i + n; ++k) {
            const StoredRecord& r = records[places[k].record];
            q->bindValue(p++, blob(*r.txHash));
            q->bindValue(p++, qulonglong(places[k].position));
            q->bindValue(p++, qulonglong(r.seq));
        }
        if (auto st = m_impl->exec(q, "sequence transactions"); !st) return st;
        i += n;
    }
    return Status{};
}

static Result<StoredRecord> readRecord(QSqlQuery* q) {
    StoredRow row(*q, "l2_records");
    StoredRecord r;
    r.seq = row.integer(0);
    r.block = row.integer(1);
    r.bytes = row.bytes(2);
    r.txHash = row.optionalHash(3);
    r.depositIndex = row.optionalInteger(4);
    r.sender = row.address(5);
    r.to = row.address(6);
    r.batchIndex = row.optionalInteger(7);
    return row.result(std::move(r));
}

Result<std::vector<StoredRecord>> NodeDatabase::records(std::uint64_t fromSeq, std::uint64_t limit) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kRecordColumns +
                            QStringLiteral(" FROM l2_records WHERE seq >= ? ORDER BY seq LIMIT ?"));
    q->bindValue(0, qulonglong(fromSeq));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, std::uint64_t(INT64_MAX))));
    return m_impl->all(q, "read records", readRecord);
}

Result<std::uint64_t> NodeDatabase::recordCount() {
    return m_impl->count(QStringLiteral("SELECT COUNT(*) FROM l2_records"));
}

Status NodeDatabase::setRecordsBatch(std::uint64_t fromSeq, std::uint64_t count, std::uint64_t batchIndex) {
    m_impl->changed("batches");
    auto* q = m_impl->query(QStringLiteral("UPDATE l2_records SET batch_index = ? WHERE seq >= ? AND seq < ?"));
    q->bindValue(0, qulonglong(batchIndex));
    q->bindValue(1, qulonglong(fromSeq));
    q->bindValue(2, qulonglong(fromSeq + count));
    if (auto st = m_impl->exec(q, "records batch"); !st) return st;
    auto* t = m_impl->query(QStringLiteral(
        "UPDATE l2_transactions SET status = ?, batch_index = ? WHERE record_seq >= ? AND record_seq < ?"));
    t->bindValue(0, int(TxStatus::posted));
    t->bindValue(1, qulonglong(batchIndex));
    t->bindValue(2, qulonglong(fromSeq));
    t->bindValue(3, qulonglong(fromSeq + count));
    return m_impl->exec(t, "transactions batch");
}

Status NodeDatabase::clearRecordsBatchFrom(std::uint64_t fromBatchIndex) {
    m_impl->changed("batches");
    auto* q = m_impl->query(QStringLiteral("UPDATE l2_records SET batch_index = NULL WHERE batch_index >= ?"));
    q->bindValue(0, qulonglong(fromBatchIndex));
    if (auto st = m_impl->exec(q, "unbatch records"); !st) return st;
    auto* t = m_impl->query(
        QStringLiteral("UPDATE l2_transactions SET status = ?, batch_index = NULL WHERE batch_index >= ?"));
    t->bindValue(0, int(TxStatus::sequenced));
    t->bindValue(1, qulonglong(fromBatchIndex));
    return m_impl->exec(t, "unbatch transactions");
}

Status NodeDatabase::setBatchTransactionsFinal(std::uint64_t batchIndex) {
    m_impl->changed("batches");
    auto* t = m_impl->query(QStringLiteral("UPDATE l2_transactions SET status = ? WHERE batch_index = ?"));
    t->bindValue(0, int(TxStatus::final));
    t->bindValue(1, qulonglong(batchIndex));
    return m_impl->exec(t, "final transactions");
}

Status NodeDatabase::dropRecordsFrom(std::uint64_t fromSeq) {
    m_impl->changed("blocks");
    auto* w = m_impl->query(QStringLiteral(
        "DELETE FROM withdrawals WHERE l2_tx_hash IN (SELECT tx_hash FROM l2_records WHERE seq >= ? AND tx_hash IS NOT NULL)"));
    w->bindValue(0, qulonglong(fromSeq));
    if (auto st = m_impl->exec(w, "drop withdrawals"); !st) return st;
    auto* t = m_impl->query(QStringLiteral(
        "UPDATE l2_transactions SET status = ?, block = NULL, position = NULL, record_seq = NULL, batch_index = NULL"
        " WHERE record_seq >= ?"));
    t->bindValue(0, int(TxStatus::pending));
    t->bindValue(1, qulonglong(fromSeq));
    if (auto st = m_impl->exec(t, "unsequence transactions"); !st) return st;
    auto* r = m_impl->query(QStringLiteral("DELETE FROM l2_records WHERE seq >= ?"));
    r->bindValue(0, qulonglong(fromSeq));
    if (auto st = m_impl->exec(r, "drop records"); !st) return st;
    auto* b = m_impl->query(QStringLiteral("DELETE FROM l2_blocks WHERE number > 0 AND record_start >= ?"));
    b->bindValue(0, qulonglong(fromSeq));
    return m_impl->exec(b, "drop blocks");
}

Status NodeDatabase::updateBlock(const StoredBlock& b) {
    m_impl->changed("blocks");
    auto* q = m_impl->query(QStringLiteral(
        "UPDATE l2_blocks SET hash = ?, parent_hash = ?, timestamp = ?, state_root = ?, record_start = ?, record_count = ?,"
        " transactions = ? WHERE number = ?"));
    q->bindValue(0, blob(b.hash));
    q->bindValue(1, blob(b.parentHash));
    q->bindValue(2, qulonglong(b.timestamp));
    q->bindValue(3, blob(b.stateRoot));
    q->bindValue(4, qulonglong(b.recordStart));
    q->bindValue(5, uint(b.recordCount));
    q->bindValue(6, hashesBlob(b.transactions));
    q->bindValue(7, qulonglong(b.number));
    if (auto st = m_impl->exec(q, "update block"); !st) return st;
    if (q->numRowsAffected() != 1) return make_error("database: block " + std::to_string(b.number) + " is not stored");
    return {};
}

// --- deposits --------------------------------------------------------------------------------

static Result<StoredDeposit> readDeposit(QSqlQuery* q) {
    StoredRow row(*q, "deposits");
    StoredDeposit d;
    d.queueIndex = row.integer(0);
    d.to = row.address(1);
    d.amount = row.amount(2);
    d.l1Timestamp = row.integer(3);
    d.l1TxHash = row.hash(4);
    d.creditedBlock = row.optionalInteger(5);
    if (auto words = row.optionalBlob(6); words && row.ok()) {
        // Written by upsertDeposit from a decoded transaction; unreadable only if the file was damaged.
        auto tx = rollup::abi_decode_forced(
            ByteView(reinterpret_cast<const std::uint8_t*>(words->constData()), std::size_t(words->size())));
        if (tx)
            d.forced = *tx;
        else
            row.reject(6, "holds a forced transaction that does not decode (" + tx.message() + ")");
    }
    return row.result(std::move(d));
}
static const QString kDepositColumns =
    QStringLiteral("queue_index, to_address, amount, l1_timestamp, l1_tx_hash, credited_block, forced");

Status NodeDatabase::upsertDeposit(const StoredDeposit& d) {
    m_impl->changed("deposits");
    auto* q = m_impl->query(
        QStringLiteral("INSERT INTO deposits(") + kDepositColumns +
        QStringLiteral(
            ") VALUES(?,?,?,?,?,?,?) ON CONFLICT(queue_index) DO UPDATE SET to_address = excluded.to_address,"
            " amount = excluded.amount, l1_timestamp = excluded.l1_timestamp, l1_tx_hash = excluded.l1_tx_hash,"
            " credited_block = COALESCE(deposits.credited_block, excluded.credited_block), forced = excluded.forced"));
    q->bindValue(0, qulonglong(d.queueIndex));
    q->bindValue(1, blob(d.to));
    q->bindValue(2, blob(d.amount));
    q->bindValue(3, qulonglong(d.l1Timestamp));
    q->bindValue(4, blob(d.l1TxHash));
    q->bindValue(5, opt(d.creditedBlock));
    q->bindValue(6, d.forced ? blob(rollup::abi_encode_forced(*d.forced)) : QVariant(QMetaType(QMetaType::QByteArray)));
    return m_impl->exec(q, "deposit");
}

Status NodeDatabase::setDepositCredited(std::uint64_t queueIndex, std::uint64_t block) {
    m_impl->changed("deposits");
    auto* q = m_impl->query(QStringLiteral("UPDATE deposits SET credited_block = ? WHERE queue_index = ?"));
    q->bindValue(0, qulonglong(block));
    q->bindValue(1, qulonglong(queueIndex));
    return m_impl->exec(q, "credit deposit");
}

Status NodeDatabase::clearDepositsCreditedFrom(std::uint64_t queueIndex) {
    m_impl->changed("deposits");
    auto* q = m_impl->query(QStringLiteral("UPDATE deposits SET credited_block = NULL WHERE queue_index >= ?"));
    q->bindValue(0, qulonglong(queueIndex));
    return m_impl->exec(q, "uncredit deposits");
}

Result<std::optional<StoredDeposit>> NodeDatabase::deposit(std::uint64_t queueIndex) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kDepositColumns +
                            QStringLiteral(" FROM deposits WHERE queue_index = ?"));
    q->bindValue(0, qulonglong(queueIndex));
    return m_impl->one(q, "read deposit", readDeposit);
}

Result<std::vector<StoredDeposit>> NodeDatabase::deposits(std::uint64_t fromIndex, std::uint64_t limit) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kDepositColumns +
                            QStringLiteral(" FROM deposits WHERE queue_index >= ? ORDER BY queue_index LIMIT ?"));
    q->bindValue(0, qulonglong(fromIndex));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, std::uint64_t(INT64_MAX))));
    return m_impl->all(q, "read deposits", readDeposit);
}

Result<std::vector<StoredDeposit>> NodeDatabase::depositsTo(const Address& to) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kDepositColumns +
                            QStringLiteral(" FROM deposits WHERE to_address = ? ORDER BY queue_index"));
    q->bindValue(0, blob(to));
    return m_impl->all(q, "read deposits", readDeposit);
}

// --- batches ---------------------------------------------------------------------------------

static const QString kBatchColumns = QStringLiteral(
    "idx, prev_state_root, state_root, tx_root, withdrawal_root, record_count, deposit_start, deposit_end,"
    " submitted_at, proposer, l1_tx_hash, l1_block, status, first_record_seq");

static Result<StoredBatch> readBatch(QSqlQuery* q) {
    StoredRow row(*q, "batches");
    StoredBatch b;
    b.index = row.integer(0);
    b.prevStateRoot = row.hash(1);
    b.stateRoot = row.hash(2);
    b.txRoot = row.hash(3);
    b.withdrawalRoot = row.hash(4);
    b.recordCount = row.integer(5);
    b.depositStart = row.integer(6);
    b.depositEnd = row.integer(7);
    b.submittedAt = row.integer(8);
    b.proposer = row.address(9);
    b.l1TxHash = row.hash(10);
    b.l1Block = row.integer(11);
    b.status = BatchStatus(row.integer(12, std::uint64_t(BatchStatus::reverted)));
    b.firstRecordSeq = row.optionalInteger(13);
    return row.result(std::move(b));
}

Status NodeDatabase::upsertBatch(const StoredBatch& b) {
    m_impl->changed("batches");
    auto* q = m_impl->query(upsert("batches", kBatchColumns, "idx"));
    q->bindValue(0, qulonglong(b.index));
    q->bindValue(1, blob(b.prevStateRoot));
    q->bindValue(2, blob(b.stateRoot));
    q->bindValue(3, blob(b.txRoot));
    q->bindValue(4, blob(b.withdrawalRoot));
    q->bindValue(5, qulonglong(b.recordCount));
    q->bindValue(6, qulonglong(b.depositStart));
    q->bindValue(7, qulonglong(b.depositEnd));
    q->bindValue(8, qulonglong(b.submittedAt));
    q->bindValue(9, blob(b.proposer));
    q->bindValue(10, blob(b.l1TxHash));
    q->bindValue(11, qulonglong(b.l1Block));
    q->bindValue(12, int(b.status));
    q->bindValue(13, opt(b.firstRecordSeq));
    return m_impl->exec(q, "batch");
}

Status NodeDatabase::setBatchStatus(std::uint64_t index, BatchStatus status) {
    m_impl->changed("batches");
    auto* q = m_impl->query(QStringLiteral("UPDATE batches SET status = ? WHERE idx = ?"));
    q->bindValue(0, int(status));
    q->bindValue(1, qulonglong(index));
    return m_impl->exec(q, "batch status");
}

Result<std::optional<StoredBatch>> NodeDatabase::batch(std::uint64_t index) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM batches WHERE idx = ?"));
    q->bindValue(0, qulonglong(index));
    return m_impl->one(q, "read batch", readBatch);
}

Result<std::vector<StoredBatch>> NodeDatabase::batches(std::uint64_t fromIndex, std::uint64_t limit) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kBatchColumns +
                            QStringLiteral(" FROM batches WHERE idx >= ? ORDER BY idx LIMIT ?"));
    q->bindValue(0, qulonglong(fromIndex));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, std::uint64_t(INT64_MAX))));
    return m_impl->all(q, "read batches", readBatch);
}

Result<std::vector<Hash>> NodeDatabase::batchTransactions(std::uint64_t batchIndex) {
    auto* q = m_impl->query(QStringLiteral(
        "SELECT seq, tx_hash FROM l2_records WHERE batch_index = ? AND tx_hash IS NOT NULL ORDER BY seq"));
    q->bindValue(0, qulonglong(batchIndex));
    return m_impl->all(q, "read batch transactions", [](QSqlQuery* q) {
        StoredRow row(*q, "l2_records");
        Hash h = row.hash(1);
        return row.result(h);
    });
}

// --- withdrawals -----------------------------------------------------------------------------

static const QString kWithdrawalColumns =
    QStringLiteral("l2_tx_hash, recipient, amount, batch_index, withdrawal_index, status");

static Result<StoredWithdrawal> readWithdrawal(QSqlQuery* q) {
    StoredRow row(*q, "withdrawals");
    StoredWithdrawal w;
    w.l2TxHash = row.hash(0);
    w.recipient = row.address(1);
    w.amount = row.amount(2);
    w.batchIndex = row.optionalInteger(3);
    w.withdrawalIndex = row.optionalInteger(4);
    w.status = WithdrawalStatus(row.integer(5, std::uint64_t(WithdrawalStatus::reverted)));
    return row.result(std::move(w));
}

Status NodeDatabase::upsertWithdrawal(const StoredWithdrawal& w) {
    m_impl->changed("withdrawals");
    auto* q = m_impl->query(upsert("withdrawals", kWithdrawalColumns, "l2_tx_hash"));
    q->bindValue(0, blob(w.l2TxHash));
    q->bindValue(1, blob(w.recipient));
    q->bindValue(2, blob(w.amount));
    q->bindValue(3, opt(w.batchIndex));
    q->bindValue(4, opt(w.withdrawalIndex));
    q->bindValue(5, int(w.status));
    return m_impl->exec(q, "withdrawal");
}

Result<std::vector<StoredWithdrawal>> NodeDatabase::withdrawalsOf(const Address& recipient) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kWithdrawalColumns +
                            QStringLiteral(" FROM withdrawals WHERE recipient = ? ORDER BY rowid"));
    q->bindValue(0, blob(recipient));
    return m_impl->all(q, "read withdrawals", readWithdrawal);
}

Result<std::vector<StoredWithdrawal>> NodeDatabase::withdrawalsInBatch(std::uint64_t batchIndex) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kWithdrawalColumns +
                            QStringLiteral(" FROM withdrawals WHERE batch_index = ? ORDER BY withdrawal_index"));
    q->bindValue(0, qulonglong(batchIndex));
    return m_impl->all(q, "read withdrawals", readWithdrawal);
}

// --- L1 view -----------------------------------------------------------------------------------

static const QString kL1BatchColumns = QStringLiteral(
    "l1_tx_hash, idx, prev_state_root, state_root, tx_root, withdrawal_root, record_count, deposit_start, deposit_end,"
    " submitted_at, proposer, l1_block, final_at, reverted, judgement, verdict, l2_tx_hashes");

static Result<L1BatchRow> readL1Batch(QSqlQuery* q) {
    StoredRow row(*q, "l1_batches");
    L1BatchRow b;
    b.l1TxHash = row.hash(0);
    b.index = row.integer(1);
    b.prevStateRoot = row.hash(2);
    b.stateRoot = row.hash(3);
    b.txRoot = row.hash(4);
    b.withdrawalRoot = row.hash(5);
    b.recordCount = row.integer(6);
    b.depositStart = row.integer(7);
    b.depositEnd = row.integer(8);
    b.submittedAt = row.integer(9);
    b.proposer = row.address(10);
    b.l1Block = row.integer(11);
    b.finalAt = row.integer(12);
    b.reverted = row.flag(13);
    b.judgement = L1Judgement(row.integer(14, std::uint64_t(L1Judgement::unverifiable)));
    b.verdict = row.text(15);
    b.l2TxHashes = row.hashes(16);
    return row.result(std::move(b));
}

Status NodeDatabase::upsertL1Batch(const L1BatchRow& b) {
    m_impl->changed("l1");
    auto* q = m_impl->query(upsert("l1_batches", kL1BatchColumns, "l1_tx_hash"));
    q->bindValue(0, blob(b.l1TxHash));
    q->bindValue(1, qulonglong(b.index));
    q->bindValue(2, blob(b.prevStateRoot));
    q->bindValue(3, blob(b.stateRoot));
    q->bindValue(4, blob(b.txRoot));
    q->bindValue(5, blob(b.withdrawalRoot));
    q->bindValue(6, qulonglong(b.recordCount));
    q->bindValue(7, qulonglong(b.depositStart));
    q->bindValue(8, qulonglong(b.depositEnd));
    q->bindValue(9, qulonglong(b.submittedAt));
    q->bindValue(10, blob(b.proposer));
    q->bindValue(11, qulonglong(b.l1Block));
    q->bindValue(12, qulonglong(b.finalAt));
    q->bindValue(13, b.reverted ? 1 : 0);
    q->bindValue(14, int(b.judgement));
    q->bindValue(15, b.verdict.isNull() ? QStringLiteral("") : b.verdict);  // a null QString binds NULL
    q->bindValue(16, hashesBlob(b.l2TxHashes));
    if (auto st = m_impl->exec(q, "L1 batch"); !st) return st;
    auto* w = m_impl->query(QStringLiteral("UPDATE l1_withdrawals SET batch_index = ? WHERE batch_l1_tx_hash = ?"));
    w->bindValue(0, qulonglong(b.index));
    w->bindValue(1, blob(b.l1TxHash));
    return m_impl->exec(w, "L1 withdrawal batch");
}

Status NodeDatabase::upsertL1Withdrawal(const L1WithdrawalRow& w) {
    m_impl->changed("l1");
    auto* q = m_impl->query(upsert("l1_withdrawals",
                                   QStringLiteral("batch_l1_tx_hash, withdrawal_index, batch_index, recipient, amount,"
                                                  " l2_tx_hash, proof, finalized"),
                                   "batch_l1_tx_hash, withdrawal_index"));
    q->bindValue(0, blob(w.batchL1TxHash));
    q->bindValue(1, qulonglong(w.withdrawalIndex));
    q->bindValue(2, qulonglong(w.batchIndex));
    q->bindValue(3, blob(w.recipient));
    q->bindValue(4, blob(w.amount));
    q->bindValue(5, blob(w.l2TxHash));
    q->bindValue(6, hashesBlob(w.proof));
    q->bindValue(7, w.finalized ? 1 : 0);
    return m_impl->exec(q, "L1 withdrawal");
}

Status NodeDatabase::upsertL1Deposit(const L1DepositRow& d) {
    m_impl->changed("l1");
    auto* q = m_impl->query(
        upsert("l1_deposits", QStringLiteral("queue_index, to_address, amount, l1_timestamp, l1_tx_hash, l1_block"),
               "queue_index"));
    q->bindValue(0, qulonglong(d.queueIndex));
    q->bindValue(1, blob(d.to));
    q->bindValue(2, blob(d.amount));
    q->bindValue(3, qulonglong(d.l1Timestamp));
    q->bindValue(4, blob(d.l1TxHash));
    q->bindValue(5, qulonglong(d.l1Block));
    return m_impl->exec(q, "L1 deposit");
}

Status NodeDatabase::upsertL1FraudProof(const L1FraudProofRow& f) {
    m_impl->changed("fraud");
    auto* q = m_impl->query(
        upsert("l1_fraud_proofs",
               QStringLiteral("l1_tx_hash, batch_index, chunk_index, record_index, verdict, challenger, l1_block"),
               "l1_tx_hash"));
    q->bindValue(0, blob(f.l1TxHash));
    q->bindValue(1, qulonglong(f.batchIndex));
    q->bindValue(2, qulonglong(f.chunkIndex));
    q->bindValue(3, qulonglong(f.recordIndex));
    q->bindValue(4, f.verdict);
    q->bindValue(5, blob(f.challenger));
    q->bindValue(6, qulonglong(f.l1Block));
    return m_impl->exec(q, "L1 fraud proof");
}

Status NodeDatabase::clearL1() {
    m_impl->changed("l1");
    for (const char* table : {"l1_batches", "l1_withdrawals", "l1_deposits", "l1_fraud_proofs"})
        if (auto st = m_impl->run(QStringLiteral("DELETE FROM ") + QLatin1String(table)); !st) return st;
    return {};
}

Result<std::vector<L1BatchRow>> NodeDatabase::l1Batches(std::uint64_t fromIndex, std::uint64_t limit,
                                                        bool includeReverted) {
    auto* q = m_impl->query(
        QStringLiteral("SELECT ") + kL1BatchColumns +
        (includeReverted
             ? QStringLiteral(" FROM l1_batches WHERE idx >= ? ORDER BY idx, reverted DESC, l1_block LIMIT ?")
             : QStringLiteral(" FROM l1_batches WHERE idx >= ? AND reverted = 0 ORDER BY idx LIMIT ?")));
    q->bindValue(0, qulonglong(fromIndex));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, INT64_MAX)));
    return m_impl->all(q, "read L1 batches", readL1Batch);
}

Result<std::optional<L1BatchRow>> NodeDatabase::l1BatchByTx(const Hash& l1TxHash) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kL1BatchColumns +
                            QStringLiteral(" FROM l1_batches WHERE l1_tx_hash = ?"));
    q->bindValue(0, blob(l1TxHash));
    return m_impl->one(q, "read L1 batch", readL1Batch);
}

static const QString kL1WithdrawalColumns = QStringLiteral(
    "w.batch_l1_tx_hash, w.withdrawal_index, w.batch_index, w.recipient, w.amount, w.l2_tx_hash, w.proof, w.finalized");

static Result<L1WithdrawalRow> readL1Withdrawal(QSqlQuery* q) {
    StoredRow row(*q, "l1_withdrawals", 0, 1);
    L1WithdrawalRow w;
    w.batchL1TxHash = row.hash(0);
    w.withdrawalIndex = row.integer(1);
    w.batchIndex = row.integer(2);
    w.recipient = row.address(3);
    w.amount = row.amount(4);
    w.l2TxHash = row.hash(5);
    w.proof = row.hashes(6);
    w.finalized = row.flag(7);
    return row.result(std::move(w));
}

Result<std::vector<L1WithdrawalRow>> NodeDatabase::l1WithdrawalsOf(const Address& recipient) {
    auto* q =
        m_impl->query(QStringLiteral("SELECT ") + kL1WithdrawalColumns +
                      QStringLiteral(" FROM l1_withdrawals w JOIN l1_batches b ON b.l1_tx_hash = w.batch_l1_tx_hash"
                                     " WHERE w.recipient = ? ORDER BY b.l1_block, w.withdrawal_index"));
    q->bindValue(0, blob(recipient));
    return m_impl->all(q, "read L1 withdrawals", readL1Withdrawal);
}

static const QString kL1DepositSelect = QStringLiteral(
    "SELECT l.queue_index, l.to_address, l.amount, l.l1_timestamp, l.l1_tx_hash, l.l1_block, d.credited_block"
    " FROM l1_deposits l LEFT JOIN deposits d ON d.queue_index = l.queue_index");

static Result<L1DepositRow> readL1Deposit(QSqlQuery* q) {
    StoredRow row(*q, "l1_deposits");
    L1DepositRow d;
    d.queueIndex = row.integer(0);
    d.to = row.address(1);
    d.amount = row.amount(2);
    d.l1Timestamp = row.integer(3);
    d.l1TxHash = row.hash(4);
    d.l1Block = row.integer(5);
    if (!row.ok()) return row.error();
    StoredRow credited(*q, "deposits");  // (the sequencer's table, joined by queue index)
    d.creditedBlock = credited.optionalInteger(6);
    return credited.result(std::move(d));
}

Result<std::vector<L1DepositRow>> NodeDatabase::l1DepositsTo(const Address& to) {
    auto* q = m_impl->query(kL1DepositSelect + QStringLiteral(" WHERE l.to_address = ? ORDER BY l.queue_index"));
    q->bindValue(0, blob(to));
    return m_impl->all(q, "read L1 deposits", readL1Deposit);
}

Result<std::optional<L1DepositRow>> NodeDatabase::l1Deposit(std::uint64_t queueIndex) {
    auto* q = m_impl->query(kL1DepositSelect + QStringLiteral(" WHERE l.queue_index = ?"));
    q->bindValue(0, qulonglong(queueIndex));
    return m_impl->one(q, "read L1 deposit", readL1Deposit);
}

Result<std::uint64_t> NodeDatabase::l1DepositCount() {
    return m_impl->count(QStringLiteral("SELECT COUNT(*) FROM l1_deposits"));
}

static const QString kL1FraudProofColumns =
    QStringLiteral("l1_tx_hash, batch_index, chunk_index, record_index, verdict, challenger, l1_block");

static Result<L1FraudProofRow> readL1FraudProof(QSqlQuery* q) {
    StoredRow row(*q, "l1_fraud_proofs");
    L1FraudProofRow f;
    f.l1TxHash = row.hash(0);
    f.batchIndex = row.integer(1);
    f.chunkIndex = row.integer(2);
    f.recordIndex = row.integer(3);
    f.verdict = row.text(4);
    f.challenger = row.address(5);
    f.l1Block = row.integer(6);
    return row.result(std::move(f));
}

Result<std::vector<L1FraudProofRow>> NodeDatabase::l1FraudProofs() {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kL1FraudProofColumns +
                            QStringLiteral(" FROM l1_fraud_proofs ORDER BY l1_block"));
    return m_impl->all(q, "read L1 fraud proofs", readL1FraudProof);
}

Result<std::optional<L1BatchRow>> NodeDatabase::l1LatestBatch() {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kL1BatchColumns +
                            QStringLiteral(" FROM l1_batches WHERE reverted = 0 ORDER BY idx DESC LIMIT 1"));
    return m_impl->one(q, "read the latest L1 batch", readL1Batch);
}

Result<std::optional<std::uint64_t>> NodeDatabase::l1FinalizedBatch(std::uint64_t l1Now) {
    // The highest current batch that is final, by its row (MAX(idx) alone would name no row).
    auto* q = m_impl->query(QStringLiteral(
        "SELECT l1_tx_hash, idx FROM l1_batches WHERE reverted = 0 AND final_at <= ? ORDER BY idx DESC LIMIT 1"));
    q->bindValue(0, qulonglong(l1Now));
    return m_impl->one(q, "read the finalized L1 batch", [](QSqlQuery* q) {
        StoredRow row(*q, "l1_batches");
        const std::uint64_t index = row.integer(1);
        return row.result(index);
    });
}

Result<std::vector<std::uint64_t>> NodeDatabase::l1FraudulentBatches() {
    auto* q = m_impl->query(
        QStringLiteral("SELECT l1_tx_hash, idx FROM l1_batches WHERE reverted = 0 AND judgement = 1 ORDER BY idx"));
    return m_impl->all(q, "read fraudulent L1 batches", [](QSqlQuery* q) {
        StoredRow row(*q, "l1_batches");
        const std::uint64_t index = row.integer(1);
        return row.result(index);
    });
}

// --- whole-table checks ------------------------------------------------------------------------

Status NodeDatabase::checkSequencerTables() {
    auto& impl = *m_impl;
    if (auto st = impl.scan(
            QStringLiteral("SELECT ") + kBlockColumns + QStringLiteral(" FROM l2_blocks ORDER BY number"), readBlock);
        !st)
        return st;
    if (auto st = impl.scan(
            QStringLiteral("SELECT ") + kRecordColumns + QStringLiteral(" FROM l2_records ORDER BY seq"), readRecord);
        !st)
        return st;
    if (auto st = impl.scan(
            QStringLiteral("SELECT ") + kTxColumns + QStringLiteral(" FROM l2_transactions ORDER BY rowid"), readTx);
        !st)
        return st;
    if (auto st = impl.scan(
            QStringLiteral("SELECT ") + kDepositColumns + QStringLiteral(" FROM deposits ORDER BY queue_index"),
            readDeposit);
        !st)
        return st;
    if (auto st = impl.scan(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM batches ORDER BY idx"),
                            readBatch);
        !st)
        return st;
    return impl.scan(
        QStringLiteral("SELECT ") + kWithdrawalColumns + QStringLiteral(" FROM withdrawals ORDER BY rowid"),
        readWithdrawal);
}

Status NodeDatabase::checkL1View() {
    auto& impl = *m_impl;
    if (auto st = impl.scan(
            QStringLiteral("SELECT ") + kL1BatchColumns + QStringLiteral(" FROM l1_batches ORDER BY idx"), readL1Batch);
        !st)
        return st;
    if (auto st = impl.scan(QStringLiteral("SELECT ") + kL1WithdrawalColumns + QStringLiteral(" FROM l1_withdrawals w"),
                            readL1Withdrawal);
        !st)
        return st;
    if (auto st = impl.scan(kL1DepositSelect + QStringLiteral(" ORDER BY l.queue_index"), readL1Deposit); !st)
        return st;
    if (auto st = impl.scan(QStringLiteral("SELECT ") + kL1FraudProofColumns + QStringLiteral(" FROM l1_fraud_proofs"),
                            readL1FraudProof);
        !st)
        return st;
    for (const char* key : {"l1.persistedBlock", "l1.head", "l1.headTimestamp"})
        if (auto n = metaNumber(QLatin1String(key)); !n) return n.error();
    return {};
}

}  // namespace sluice::node
