// SPDX-License-Identifier: MIT
#include "node/storage/nodedatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace sluice::node {

namespace {

QByteArray blob(ByteView bytes) { return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size())); }
QByteArray blob(const U256& value) { return blob(ByteView(u256_to_be32(value))); }

template <std::size_t N>
FixedBytes<N> fixed(const QVariant& v) {
    const QByteArray b = v.toByteArray();
    FixedBytes<N> out;
    if (b.size() == qsizetype(N)) std::copy(b.begin(), b.end(), out.bytes.begin());
    return out;
}
QByteArray hashesBlob(const std::vector<Hash>& hashes) {
    QByteArray out;
    out.reserve(qsizetype(hashes.size() * 32));
    for (const auto& h : hashes) out.append(reinterpret_cast<const char*>(h.bytes.data()), 32);
    return out;
}
std::vector<Hash> hashesOf(const QVariant& v) {
    const QByteArray b = v.toByteArray();
    std::vector<Hash> out;
    for (qsizetype i = 0; i + 32 <= b.size(); i += 32) {
        Hash h;
        std::copy(b.begin() + i, b.begin() + i + 32, h.bytes.begin());
        out.push_back(h);
    }
    return out;
}
Bytes bytesOf(const QVariant& v) {
    const QByteArray b = v.toByteArray();
    return Bytes(b.begin(), b.end());
}
U256 u256Of(const QVariant& v) {
    const QByteArray b = v.toByteArray();
    auto value = u256_from_be(ByteView(reinterpret_cast<const std::uint8_t*>(b.constData()), std::size_t(b.size())));
    return value ? *value : U256(0);
}
QVariant opt(const std::optional<std::uint64_t>& v) {
    return v ? QVariant(qulonglong(*v)) : QVariant(QMetaType::fromType<qulonglong>());
}
std::optional<std::uint64_t> optU64(const QVariant& v) {
    if (v.isNull()) return std::nullopt;
    return std::uint64_t(v.toULongLong());
}

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS l2_transactions (hash BLOB PRIMARY KEY, raw BLOB NOT NULL, sender BLOB NOT NULL,"
    " nonce INTEGER NOT NULL, status INTEGER NOT NULL, block INTEGER, position INTEGER, record_seq INTEGER,"
    " batch_index INTEGER)",
    "CREATE INDEX IF NOT EXISTS l2_transactions_status ON l2_transactions(status)",
    "CREATE TABLE IF NOT EXISTS l2_blocks (number INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, parent_hash BLOB NOT NULL,"
    " timestamp INTEGER NOT NULL, state_root BLOB NOT NULL, record_start INTEGER NOT NULL, record_count INTEGER NOT NULL,"
    " transactions BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS l2_records (seq INTEGER PRIMARY KEY, block INTEGER NOT NULL, bytes BLOB NOT NULL,"
    " tx_hash BLOB, deposit_index INTEGER, sender BLOB, to_address BLOB, batch_index INTEGER)",
    "CREATE INDEX IF NOT EXISTS l2_records_batch ON l2_records(batch_index)",
    "CREATE TABLE IF NOT EXISTS deposits (queue_index INTEGER PRIMARY KEY, to_address BLOB NOT NULL, amount BLOB NOT NULL,"
    " l1_timestamp INTEGER NOT NULL, l1_tx_hash BLOB NOT NULL, credited_block INTEGER, forced BLOB)",
    "CREATE INDEX IF NOT EXISTS deposits_to ON deposits(to_address)",
    "CREATE TABLE IF NOT EXISTS batches (idx INTEGER PRIMARY KEY, prev_state_root BLOB NOT NULL, state_root BLOB NOT NULL,"
    " tx_root BLOB NOT NULL, withdrawal_root BLOB NOT NULL, record_count INTEGER NOT NULL, deposit_start INTEGER NOT NULL,"
    " deposit_end INTEGER NOT NULL, submitted_at INTEGER NOT NULL, proposer BLOB NOT NULL, l1_tx_hash BLOB NOT NULL,"
    " l1_block INTEGER NOT NULL, status INTEGER NOT NULL, first_record_seq INTEGER)",
    "CREATE TABLE IF NOT EXISTS withdrawals (l2_tx_hash BLOB PRIMARY KEY, recipient BLOB NOT NULL, amount BLOB NOT NULL,"
    " batch_index INTEGER, withdrawal_index INTEGER, status INTEGER NOT NULL)",
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
    QHash<QString, QSqlQuery*> prepared;

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

    Status exec(QSqlQuery* q, const char* what) {
        if (!q->exec()) return make_error(std::string("database: ") + what + ": " + q->lastError().text().toStdString());
        return {};
    }
    Status run(const QString& sql) {
        QSqlQuery q(db);
        if (!q.exec(sql)) return make_error("database: " + sql.toStdString() + ": " + q.lastError().text().toStdString());
        return {};
    }
    QVariant scalar(const QString& sql) {
        QSqlQuery q(db);
        if (q.exec(sql) && q.next()) return q.value(0);
        return {};
    }
};

// PRAGMA application_id of every sluiced database: "SLU1".
constexpr qint64 kApplicationId = 0x534C5531;

Result<std::unique_ptr<NodeDatabase>> NodeDatabase::open(const QString& path, const QString& connectionName) {
    static QAtomicInteger<quint64> counter;
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return make_error("the Qt SQLite driver (QSQLITE) is not installed (Debian: libqt6sql6-sqlite)");
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return make_error("cannot create the data directory " + info.absolutePath().toStdString());

    std::unique_ptr<NodeDatabase> self(new NodeDatabase);
    self->m_impl = std::make_unique<Impl>();
    self->m_path = path;
    auto& impl = *self->m_impl;
    impl.connection = connectionName.isEmpty()
                          ? QStringLiteral("sluiced-%1").arg(counter.fetchAndAddRelaxed(1))
                          : connectionName;
    impl.db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), impl.connection);
    impl.db.setDatabaseName(path);
    impl.db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!impl.db.open())
        return make_error("cannot open the node database " + path.toStdString() + ": " +
                          impl.db.lastError().text().toStdString());
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
        if (auto st = impl.run(QString::fromLatin1(pragma)); !st) return st.error();
    }
    if (self->journalMode() != QLatin1String("wal"))
        return make_error("the node database " + path.toStdString() + " cannot use WAL journaling (is it on a network file system?)");

    // A damaged file is refused at open, not discovered as a wrong balance later.
    const QString check = impl.scalar(QStringLiteral("PRAGMA quick_check")).toString();
    if (check != QLatin1String("ok"))
        return make_error("the node database " + path.toStdString() + " is damaged (SQLite quick_check: " +
                          (check.isEmpty() ? std::string("no answer") : check.toStdString()) +
                          "); restore it from a backup or start from an empty data directory");
    // Another program's SQLite file is never taken over: sluiced's files carry its application id.
    const qint64 appId = impl.scalar(QStringLiteral("PRAGMA application_id")).toLongLong();
    const bool empty = impl.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master")).toLongLong() == 0;
    const bool olderSluiced =
        appId == 0 && impl.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'meta'")).toLongLong() == 1 &&
        !impl.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'schemaVersion'")).isNull();
    if (appId != kApplicationId && !empty && !olderSluiced)
        return make_error("the file " + path.toStdString() + " is not a sluiced database (another program's SQLite file?)");
    if (appId != kApplicationId)
        if (auto st = impl.run(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)); !st) return st.error();

    if (auto st = impl.run(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)")); !st)
        return st.error();
    const int version = self->schemaVersion();
    if (version > kSchemaVersion)
        return make_error("the node database " + path.toStdString() + " has schema version " + std::to_string(version) +
                          ", newer than this sluiced understands (" + std::to_string(kSchemaVersion) + ")");
    if (version < kSchemaVersion) {
        if (auto st = self->begin(); !st) return st.error();
        for (const char* sql : kSchema) {
            if (auto st = impl.run(QString::fromLatin1(sql)); !st) {
                (void)self->rollback();
                return st.error();
            }
        }
        // Schema 3 added deposits.forced; a database from before has the table without it.
        if (version >= 1 && version < 3) {
            if (auto st = impl.run(QStringLiteral("ALTER TABLE deposits ADD COLUMN forced BLOB")); !st) {
                (void)self->rollback();
                return st.error();
            }
        }
        if (auto st = self->setMeta(QStringLiteral("schemaVersion"), QByteArray::number(kSchemaVersion)); !st) return st.error();
        if (auto st = self->commit(); !st) return st.error();
    }
    return self;
}

NodeDatabase::~NodeDatabase() = default;

QString NodeDatabase::journalMode() { return m_impl->scalar(QStringLiteral("PRAGMA journal_mode")).toString().toLower(); }
int NodeDatabase::synchronousMode() { return m_impl->scalar(QStringLiteral("PRAGMA synchronous")).toInt(); }
int NodeDatabase::schemaVersion() {
    auto v = meta(QStringLiteral("schemaVersion"));
    return v ? v->toInt() : 0;
}

Status NodeDatabase::begin() {
    if (!m_impl->db.transaction()) return make_error("database: cannot begin a transaction: " + m_impl->db.lastError().text().toStdString());
    return {};
}
Status NodeDatabase::commit() {
    if (!m_impl->db.commit()) return make_error("database: commit failed: " + m_impl->db.lastError().text().toStdString());
    return {};
}
Status NodeDatabase::rollback() {
    if (!m_impl->db.rollback()) return make_error("database: rollback failed: " + m_impl->db.lastError().text().toStdString());
    return {};
}

Status NodeDatabase::setMeta(const QString& key, const QByteArray& value) {
    auto* q = m_impl->query(QStringLiteral("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"));
    q->bindValue(0, key);
    q->bindValue(1, value);
    return m_impl->exec(q, "meta");
}
std::optional<QByteArray> NodeDatabase::meta(const QString& key) {
    auto* q = m_impl->query(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q->bindValue(0, key);
    if (!q->exec() || !q->next()) return std::nullopt;
    QByteArray v = q->value(0).toByteArray();
    q->finish();
    return v;
}

// --- transactions --------------------------------------------------------------------------

static const QString kTxColumns = QStringLiteral("hash, raw, sender, nonce, status, block, position, record_seq, batch_index");

static StoredTransaction readTx(QSqlQuery* q) {
    StoredTransaction tx;
    tx.hash = fixed<32>(q->value(0));
    tx.raw = bytesOf(q->value(1));
    tx.sender = fixed<20>(q->value(2));
    tx.nonce = q->value(3).toULongLong();
    tx.status = TxStatus(q->value(4).toInt());
    tx.block = optU64(q->value(5));
    if (!q->value(6).isNull()) tx.position = std::uint32_t(q->value(6).toUInt());
    tx.recordSeq = optU64(q->value(7));
    tx.batchIndex = optU64(q->value(8));
    return tx;
}

Status NodeDatabase::insertTransaction(const StoredTransaction& tx, bool keepExisting) {
    auto* q = m_impl->query((keepExisting ? QStringLiteral("INSERT OR IGNORE INTO l2_transactions(")
                                          : QStringLiteral("INSERT INTO l2_transactions(")) +
                            kTxColumns + QStringLiteral(") VALUES(?,?,?,?,?,?,?,?,?)"));
    q->bindValue(0, blob(tx.hash));
    q->bindValue(1, blob(tx.raw));
    q->bindValue(2, blob(tx.sender));
    q->bindValue(3, qulonglong(tx.nonce));
    q->bindValue(4, int(tx.status));
    q->bindValue(5, opt(tx.block));
    q->bindValue(6, tx.position ? QVariant(uint(*tx.position)) : QVariant(QMetaType::fromType<uint>()));
    q->bindValue(7, opt(tx.recordSeq));
    q->bindValue(8, opt(tx.batchIndex));
    return m_impl->exec(q, "insert transaction");
}

Status NodeDatabase::setTransactionSequenced(const Hash& hash, std::uint64_t block, std::uint32_t position, std::uint64_t recordSeq) {
    auto* q = m_impl->query(QStringLiteral("UPDATE l2_transactions SET status = ?, block = ?, position = ?, record_seq = ? WHERE hash = ?"));
    q->bindValue(0, int(TxStatus::sequenced));
    q->bindValue(1, qulonglong(block));
    q->bindValue(2, uint(position));
    q->bindValue(3, qulonglong(recordSeq));
    q->bindValue(4, blob(hash));
    return m_impl->exec(q, "sequence transaction");
}

Status NodeDatabase::setTransactionStatus(const Hash& hash, TxStatus status) {
    auto* q = m_impl->query(QStringLiteral("UPDATE l2_transactions SET status = ? WHERE hash = ?"));
    q->bindValue(0, int(status));
    q->bindValue(1, blob(hash));
    return m_impl->exec(q, "transaction status");
}

Status NodeDatabase::forgetDroppedTransaction(const Hash& hash) {
    auto* q = m_impl->query(QStringLiteral("DELETE FROM l2_transactions WHERE hash = ? AND status = ?"));
    q->bindValue(0, blob(hash));
    q->bindValue(1, int(TxStatus::dropped));
    return m_impl->exec(q, "forget dropped transaction");
}

std::optional<StoredTransaction> NodeDatabase::transaction(const Hash& hash) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kTxColumns + QStringLiteral(" FROM l2_transactions WHERE hash = ?"));
    q->bindValue(0, blob(hash));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto tx = readTx(q);
    q->finish();
    return tx;
}

std::vector<StoredTransaction> NodeDatabase::transactionsWithStatus(TxStatus status) {
    std::vector<StoredTransaction> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kTxColumns +
                            QStringLiteral(" FROM l2_transactions WHERE status = ? ORDER BY rowid"));
    q->bindValue(0, int(status));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readTx(q));
    q->finish();
    return out;
}

std::uint64_t NodeDatabase::transactionCount() {
    return m_impl->scalar(QStringLiteral("SELECT COUNT(*) FROM l2_transactions")).toULongLong();
}

// --- blocks and records ----------------------------------------------------------------------

static StoredBlock readBlock(QSqlQuery* q) {
    StoredBlock b;
    b.number = q->value(0).toULongLong();
    b.hash = fixed<32>(q->value(1));
    b.parentHash = fixed<32>(q->value(2));
    b.timestamp = q->value(3).toULongLong();
    b.stateRoot = fixed<32>(q->value(4));
    b.recordStart = q->value(5).toULongLong();
    b.recordCount = q->value(6).toUInt();
    const QByteArray txs = q->value(7).toByteArray();
    for (qsizetype i = 0; i + 32 <= txs.size(); i += 32) {
        Hash h;
        std::copy(txs.begin() + i, txs.begin() + i + 32, h.bytes.begin());
        b.transactions.push_back(h);
    }
    return b;
}
static const QString kBlockColumns = QStringLiteral("number, hash, parent_hash, timestamp, state_root, record_start, record_count, transactions");

Status NodeDatabase::insertBlock(const StoredBlock& b) {
    auto* q = m_impl->query(QStringLiteral("INSERT INTO l2_blocks(") + kBlockColumns + QStringLiteral(") VALUES(?,?,?,?,?,?,?,?)"));
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

std::optional<StoredBlock> NodeDatabase::block(std::uint64_t number) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kBlockColumns + QStringLiteral(" FROM l2_blocks WHERE number = ?"));
    q->bindValue(0, qulonglong(number));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto b = readBlock(q);
    q->finish();
    return b;
}

std::optional<StoredBlock> NodeDatabase::blockByHash(const Hash& hash) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kBlockColumns + QStringLiteral(" FROM l2_blocks WHERE hash = ?"));
    q->bindValue(0, blob(hash));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto b = readBlock(q);
    q->finish();
    return b;
}

std::optional<std::uint64_t> NodeDatabase::latestBlockNumber() {
    return optU64(m_impl->scalar(QStringLiteral("SELECT MAX(number) FROM l2_blocks")));
}

Status NodeDatabase::insertRecord(const StoredRecord& r) {
    auto* q = m_impl->query(QStringLiteral(
        "INSERT INTO l2_records(seq, block, bytes, tx_hash, deposit_index, sender, to_address, batch_index) VALUES(?,?,?,?,?,?,?,?)"));
    q->bindValue(0, qulonglong(r.seq));
    q->bindValue(1, qulonglong(r.block));
    q->bindValue(2, blob(r.bytes));
    q->bindValue(3, r.txHash ? QVariant(blob(*r.txHash)) : QVariant(QMetaType::fromType<QByteArray>()));
    q->bindValue(4, opt(r.depositIndex));
    q->bindValue(5, blob(r.sender));
    q->bindValue(6, blob(r.to));
    q->bindValue(7, opt(r.batchIndex));
    return m_impl->exec(q, "insert record");
}

std::vector<StoredRecord> NodeDatabase::records(std::uint64_t fromSeq, std::uint64_t limit) {
    std::vector<StoredRecord> out;
    auto* q = m_impl->query(QStringLiteral(
        "SELECT seq, block, bytes, tx_hash, deposit_index, sender, to_address, batch_index FROM l2_records"
        " WHERE seq >= ? ORDER BY seq LIMIT ?"));
    q->bindValue(0, qulonglong(fromSeq));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, std::uint64_t(INT64_MAX))));
    if (!q->exec()) return out;
    while (q->next()) {
        StoredRecord r;
        r.seq = q->value(0).toULongLong();
        r.block = q->value(1).toULongLong();
        r.bytes = bytesOf(q->value(2));
        if (!q->value(3).isNull()) r.txHash = fixed<32>(q->value(3));
        r.depositIndex = optU64(q->value(4));
        r.sender = fixed<20>(q->value(5));
        r.to = fixed<20>(q->value(6));
        r.batchIndex = optU64(q->value(7));
        out.push_back(std::move(r));
    }
    q->finish();
    return out;
}

std::uint64_t NodeDatabase::recordCount() {
    return m_impl->scalar(QStringLiteral("SELECT COUNT(*) FROM l2_records")).toULongLong();
}

Status NodeDatabase::setRecordsBatch(std::uint64_t fromSeq, std::uint64_t count, std::uint64_t batchIndex) {
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
    auto* q = m_impl->query(QStringLiteral("UPDATE l2_records SET batch_index = NULL WHERE batch_index >= ?"));
    q->bindValue(0, qulonglong(fromBatchIndex));
    if (auto st = m_impl->exec(q, "unbatch records"); !st) return st;
    auto* t = m_impl->query(QStringLiteral("UPDATE l2_transactions SET status = ?, batch_index = NULL WHERE batch_index >= ?"));
    t->bindValue(0, int(TxStatus::sequenced));
    t->bindValue(1, qulonglong(fromBatchIndex));
    return m_impl->exec(t, "unbatch transactions");
}

Status NodeDatabase::setBatchTransactionsFinal(std::uint64_t batchIndex) {
    auto* t = m_impl->query(QStringLiteral("UPDATE l2_transactions SET status = ? WHERE batch_index = ?"));
    t->bindValue(0, int(TxStatus::final));
    t->bindValue(1, qulonglong(batchIndex));
    return m_impl->exec(t, "final transactions");
}

Status NodeDatabase::dropRecordsFrom(std::uint64_t fromSeq) {
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

static StoredDeposit readDeposit(QSqlQuery* q) {
    StoredDeposit d;
    d.queueIndex = q->value(0).toULongLong();
    d.to = fixed<20>(q->value(1));
    d.amount = u256Of(q->value(2));
    d.l1Timestamp = q->value(3).toULongLong();
    d.l1TxHash = fixed<32>(q->value(4));
    d.creditedBlock = optU64(q->value(5));
    if (!q->value(6).isNull()) {
        const QByteArray words = q->value(6).toByteArray();
        // Written by upsertDeposit from a decoded transaction; unreadable only if the file was damaged.
        auto tx = rollup::abi_decode_forced(
            ByteView(reinterpret_cast<const std::uint8_t*>(words.constData()), std::size_t(words.size())));
        if (tx)
            d.forced = *tx;
        else
            d.damaged = true;
    }
    return d;
}
static const QString kDepositColumns =
    QStringLiteral("queue_index, to_address, amount, l1_timestamp, l1_tx_hash, credited_block, forced");

Status NodeDatabase::upsertDeposit(const StoredDeposit& d) {
    auto* q = m_impl->query(QStringLiteral("INSERT INTO deposits(") + kDepositColumns + QStringLiteral(
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
    auto* q = m_impl->query(QStringLiteral("UPDATE deposits SET credited_block = ? WHERE queue_index = ?"));
    q->bindValue(0, qulonglong(block));
    q->bindValue(1, qulonglong(queueIndex));
    return m_impl->exec(q, "credit deposit");
}

Status NodeDatabase::clearDepositsCreditedFrom(std::uint64_t queueIndex) {
    auto* q = m_impl->query(QStringLiteral("UPDATE deposits SET credited_block = NULL WHERE queue_index >= ?"));
    q->bindValue(0, qulonglong(queueIndex));
    return m_impl->exec(q, "uncredit deposits");
}

std::optional<StoredDeposit> NodeDatabase::deposit(std::uint64_t queueIndex) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kDepositColumns + QStringLiteral(" FROM deposits WHERE queue_index = ?"));
    q->bindValue(0, qulonglong(queueIndex));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto d = readDeposit(q);
    q->finish();
    return d;
}

std::vector<StoredDeposit> NodeDatabase::deposits(std::uint64_t fromIndex, std::uint64_t limit) {
    std::vector<StoredDeposit> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kDepositColumns +
                            QStringLiteral(" FROM deposits WHERE queue_index >= ? ORDER BY queue_index LIMIT ?"));
    q->bindValue(0, qulonglong(fromIndex));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, std::uint64_t(INT64_MAX))));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readDeposit(q));
    q->finish();
    return out;
}

std::vector<StoredDeposit> NodeDatabase::depositsTo(const Address& to) {
    std::vector<StoredDeposit> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kDepositColumns +
                            QStringLiteral(" FROM deposits WHERE to_address = ? ORDER BY queue_index"));
    q->bindValue(0, blob(to));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readDeposit(q));
    q->finish();
    return out;
}

// --- batches ---------------------------------------------------------------------------------

static const QString kBatchColumns = QStringLiteral(
    "idx, prev_state_root, state_root, tx_root, withdrawal_root, record_count, deposit_start, deposit_end,"
    " submitted_at, proposer, l1_tx_hash, l1_block, status, first_record_seq");

static StoredBatch readBatch(QSqlQuery* q) {
    StoredBatch b;
    b.index = q->value(0).toULongLong();
    b.prevStateRoot = fixed<32>(q->value(1));
    b.stateRoot = fixed<32>(q->value(2));
    b.txRoot = fixed<32>(q->value(3));
    b.withdrawalRoot = fixed<32>(q->value(4));
    b.recordCount = q->value(5).toULongLong();
    b.depositStart = q->value(6).toULongLong();
    b.depositEnd = q->value(7).toULongLong();
    b.submittedAt = q->value(8).toULongLong();
    b.proposer = fixed<20>(q->value(9));
    b.l1TxHash = fixed<32>(q->value(10));
    b.l1Block = q->value(11).toULongLong();
    b.status = BatchStatus(q->value(12).toInt());
    b.firstRecordSeq = optU64(q->value(13));
    return b;
}

Status NodeDatabase::upsertBatch(const StoredBatch& b) {
    auto* q = m_impl->query(QStringLiteral("INSERT OR REPLACE INTO batches(") + kBatchColumns +
                            QStringLiteral(") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
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
    auto* q = m_impl->query(QStringLiteral("UPDATE batches SET status = ? WHERE idx = ?"));
    q->bindValue(0, int(status));
    q->bindValue(1, qulonglong(index));
    return m_impl->exec(q, "batch status");
}

std::optional<StoredBatch> NodeDatabase::batch(std::uint64_t index) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM batches WHERE idx = ?"));
    q->bindValue(0, qulonglong(index));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto b = readBatch(q);
    q->finish();
    return b;
}

std::vector<StoredBatch> NodeDatabase::batches(std::uint64_t fromIndex, std::uint64_t limit) {
    std::vector<StoredBatch> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kBatchColumns +
                            QStringLiteral(" FROM batches WHERE idx >= ? ORDER BY idx LIMIT ?"));
    q->bindValue(0, qulonglong(fromIndex));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, std::uint64_t(INT64_MAX))));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readBatch(q));
    q->finish();
    return out;
}

std::vector<Hash> NodeDatabase::batchTransactions(std::uint64_t batchIndex) {
    std::vector<Hash> out;
    auto* q = m_impl->query(QStringLiteral(
        "SELECT tx_hash FROM l2_records WHERE batch_index = ? AND tx_hash IS NOT NULL ORDER BY seq"));
    q->bindValue(0, qulonglong(batchIndex));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(fixed<32>(q->value(0)));
    q->finish();
    return out;
}

// --- withdrawals -----------------------------------------------------------------------------

static const QString kWithdrawalColumns = QStringLiteral("l2_tx_hash, recipient, amount, batch_index, withdrawal_index, status");

static StoredWithdrawal readWithdrawal(QSqlQuery* q) {
    StoredWithdrawal w;
    w.l2TxHash = fixed<32>(q->value(0));
    w.recipient = fixed<20>(q->value(1));
    w.amount = u256Of(q->value(2));
    w.batchIndex = optU64(q->value(3));
    w.withdrawalIndex = optU64(q->value(4));
    w.status = WithdrawalStatus(q->value(5).toInt());
    return w;
}

Status NodeDatabase::upsertWithdrawal(const StoredWithdrawal& w) {
    auto* q = m_impl->query(QStringLiteral("INSERT OR REPLACE INTO withdrawals(") + kWithdrawalColumns +
                            QStringLiteral(") VALUES(?,?,?,?,?,?)"));
    q->bindValue(0, blob(w.l2TxHash));
    q->bindValue(1, blob(w.recipient));
    q->bindValue(2, blob(w.amount));
    q->bindValue(3, opt(w.batchIndex));
    q->bindValue(4, opt(w.withdrawalIndex));
    q->bindValue(5, int(w.status));
    return m_impl->exec(q, "withdrawal");
}

std::vector<StoredWithdrawal> NodeDatabase::withdrawalsOf(const Address& recipient) {
    std::vector<StoredWithdrawal> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kWithdrawalColumns +
                            QStringLiteral(" FROM withdrawals WHERE recipient = ? ORDER BY rowid"));
    q->bindValue(0, blob(recipient));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readWithdrawal(q));
    q->finish();
    return out;
}

std::vector<StoredWithdrawal> NodeDatabase::withdrawalsInBatch(std::uint64_t batchIndex) {
    std::vector<StoredWithdrawal> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kWithdrawalColumns +
                            QStringLiteral(" FROM withdrawals WHERE batch_index = ? ORDER BY withdrawal_index"));
    q->bindValue(0, qulonglong(batchIndex));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readWithdrawal(q));
    q->finish();
    return out;
}

// --- L1 view -----------------------------------------------------------------------------------

static const QString kL1BatchColumns = QStringLiteral(
    "l1_tx_hash, idx, prev_state_root, state_root, tx_root, withdrawal_root, record_count, deposit_start, deposit_end,"
    " submitted_at, proposer, l1_block, final_at, reverted, judgement, verdict, l2_tx_hashes");

static L1BatchRow readL1Batch(QSqlQuery* q) {
    L1BatchRow b;
    b.l1TxHash = fixed<32>(q->value(0));
    b.index = q->value(1).toULongLong();
    b.prevStateRoot = fixed<32>(q->value(2));
    b.stateRoot = fixed<32>(q->value(3));
    b.txRoot = fixed<32>(q->value(4));
    b.withdrawalRoot = fixed<32>(q->value(5));
    b.recordCount = q->value(6).toULongLong();
    b.depositStart = q->value(7).toULongLong();
    b.depositEnd = q->value(8).toULongLong();
    b.submittedAt = q->value(9).toULongLong();
    b.proposer = fixed<20>(q->value(10));
    b.l1Block = q->value(11).toULongLong();
    b.finalAt = q->value(12).toULongLong();
    b.reverted = q->value(13).toInt() != 0;
    b.judgement = L1Judgement(q->value(14).toInt());
    b.verdict = q->value(15).toString();
    b.l2TxHashes = hashesOf(q->value(16));
    return b;
}

Status NodeDatabase::upsertL1Batch(const L1BatchRow& b) {
    auto* q = m_impl->query(QStringLiteral("INSERT OR REPLACE INTO l1_batches(") + kL1BatchColumns +
                            QStringLiteral(") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
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
    auto* q = m_impl->query(QStringLiteral(
        "INSERT OR REPLACE INTO l1_withdrawals(batch_l1_tx_hash, withdrawal_index, batch_index, recipient, amount,"
        " l2_tx_hash, proof, finalized) VALUES(?,?,?,?,?,?,?,?)"));
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
    auto* q = m_impl->query(QStringLiteral(
        "INSERT OR REPLACE INTO l1_deposits(queue_index, to_address, amount, l1_timestamp, l1_tx_hash, l1_block)"
        " VALUES(?,?,?,?,?,?)"));
    q->bindValue(0, qulonglong(d.queueIndex));
    q->bindValue(1, blob(d.to));
    q->bindValue(2, blob(d.amount));
    q->bindValue(3, qulonglong(d.l1Timestamp));
    q->bindValue(4, blob(d.l1TxHash));
    q->bindValue(5, qulonglong(d.l1Block));
    return m_impl->exec(q, "L1 deposit");
}

Status NodeDatabase::upsertL1FraudProof(const L1FraudProofRow& f) {
    auto* q = m_impl->query(QStringLiteral(
        "INSERT OR REPLACE INTO l1_fraud_proofs(l1_tx_hash, batch_index, chunk_index, record_index, verdict, challenger,"
        " l1_block) VALUES(?,?,?,?,?,?,?)"));
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
    for (const char* table : {"l1_batches", "l1_withdrawals", "l1_deposits", "l1_fraud_proofs"})
        if (auto st = m_impl->run(QStringLiteral("DELETE FROM ") + QLatin1String(table)); !st) return st;
    return {};
}

std::vector<L1BatchRow> NodeDatabase::l1Batches(std::uint64_t fromIndex, std::uint64_t limit, bool includeReverted) {
    std::vector<L1BatchRow> out;
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kL1BatchColumns +
                            (includeReverted ? QStringLiteral(" FROM l1_batches WHERE idx >= ? ORDER BY idx, reverted DESC, l1_block LIMIT ?")
                                             : QStringLiteral(" FROM l1_batches WHERE idx >= ? AND reverted = 0 ORDER BY idx LIMIT ?")));
    q->bindValue(0, qulonglong(fromIndex));
    q->bindValue(1, qlonglong(std::min<std::uint64_t>(limit, INT64_MAX)));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readL1Batch(q));
    q->finish();
    return out;
}

std::optional<L1BatchRow> NodeDatabase::l1BatchByTx(const Hash& l1TxHash) {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kL1BatchColumns + QStringLiteral(" FROM l1_batches WHERE l1_tx_hash = ?"));
    q->bindValue(0, blob(l1TxHash));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto b = readL1Batch(q);
    q->finish();
    return b;
}

std::vector<L1WithdrawalRow> NodeDatabase::l1WithdrawalsOf(const Address& recipient) {
    std::vector<L1WithdrawalRow> out;
    auto* q = m_impl->query(QStringLiteral(
        "SELECT w.batch_l1_tx_hash, w.withdrawal_index, w.batch_index, w.recipient, w.amount, w.l2_tx_hash, w.proof,"
        " w.finalized FROM l1_withdrawals w JOIN l1_batches b ON b.l1_tx_hash = w.batch_l1_tx_hash"
        " WHERE w.recipient = ? ORDER BY b.l1_block, w.withdrawal_index"));
    q->bindValue(0, blob(recipient));
    if (!q->exec()) return out;
    while (q->next()) {
        L1WithdrawalRow w;
        w.batchL1TxHash = fixed<32>(q->value(0));
        w.withdrawalIndex = q->value(1).toULongLong();
        w.batchIndex = q->value(2).toULongLong();
        w.recipient = fixed<20>(q->value(3));
        w.amount = u256Of(q->value(4));
        w.l2TxHash = fixed<32>(q->value(5));
        w.proof = hashesOf(q->value(6));
        w.finalized = q->value(7).toInt() != 0;
        out.push_back(std::move(w));
    }
    q->finish();
    return out;
}

static const QString kL1DepositSelect = QStringLiteral(
    "SELECT l.queue_index, l.to_address, l.amount, l.l1_timestamp, l.l1_tx_hash, l.l1_block, d.credited_block"
    " FROM l1_deposits l LEFT JOIN deposits d ON d.queue_index = l.queue_index");

static L1DepositRow readL1Deposit(QSqlQuery* q) {
    L1DepositRow d;
    d.queueIndex = q->value(0).toULongLong();
    d.to = fixed<20>(q->value(1));
    d.amount = u256Of(q->value(2));
    d.l1Timestamp = q->value(3).toULongLong();
    d.l1TxHash = fixed<32>(q->value(4));
    d.l1Block = q->value(5).toULongLong();
    d.creditedBlock = optU64(q->value(6));
    return d;
}

std::vector<L1DepositRow> NodeDatabase::l1DepositsTo(const Address& to) {
    std::vector<L1DepositRow> out;
    auto* q = m_impl->query(kL1DepositSelect + QStringLiteral(" WHERE l.to_address = ? ORDER BY l.queue_index"));
    q->bindValue(0, blob(to));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(readL1Deposit(q));
    q->finish();
    return out;
}

std::optional<L1DepositRow> NodeDatabase::l1Deposit(std::uint64_t queueIndex) {
    auto* q = m_impl->query(kL1DepositSelect + QStringLiteral(" WHERE l.queue_index = ?"));
    q->bindValue(0, qulonglong(queueIndex));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto d = readL1Deposit(q);
    q->finish();
    return d;
}

std::uint64_t NodeDatabase::l1DepositCount() {
    return m_impl->scalar(QStringLiteral("SELECT COUNT(*) FROM l1_deposits")).toULongLong();
}

std::vector<L1FraudProofRow> NodeDatabase::l1FraudProofs() {
    std::vector<L1FraudProofRow> out;
    auto* q = m_impl->query(QStringLiteral(
        "SELECT l1_tx_hash, batch_index, chunk_index, record_index, verdict, challenger, l1_block FROM l1_fraud_proofs"
        " ORDER BY l1_block"));
    if (!q->exec()) return out;
    while (q->next()) {
        L1FraudProofRow f;
        f.l1TxHash = fixed<32>(q->value(0));
        f.batchIndex = q->value(1).toULongLong();
        f.chunkIndex = q->value(2).toULongLong();
        f.recordIndex = q->value(3).toULongLong();
        f.verdict = q->value(4).toString();
        f.challenger = fixed<20>(q->value(5));
        f.l1Block = q->value(6).toULongLong();
        out.push_back(std::move(f));
    }
    q->finish();
    return out;
}

std::optional<L1BatchRow> NodeDatabase::l1LatestBatch() {
    auto* q = m_impl->query(QStringLiteral("SELECT ") + kL1BatchColumns +
                            QStringLiteral(" FROM l1_batches WHERE reverted = 0 ORDER BY idx DESC LIMIT 1"));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto b = readL1Batch(q);
    q->finish();
    return b;
}

std::optional<std::uint64_t> NodeDatabase::l1FinalizedBatch(std::uint64_t l1Now) {
    auto* q = m_impl->query(QStringLiteral("SELECT MAX(idx) FROM l1_batches WHERE reverted = 0 AND final_at <= ?"));
    q->bindValue(0, qulonglong(l1Now));
    if (!q->exec() || !q->next()) return std::nullopt;
    auto v = optU64(q->value(0));
    q->finish();
    return v;
}

std::vector<std::uint64_t> NodeDatabase::l1FraudulentBatches() {
    std::vector<std::uint64_t> out;
    auto* q = m_impl->query(QStringLiteral("SELECT idx FROM l1_batches WHERE reverted = 0 AND judgement = 1 ORDER BY idx"));
    if (!q->exec()) return out;
    while (q->next()) out.push_back(q->value(0).toULongLong());
    q->finish();
    return out;
}

}  // namespace sluice::node
