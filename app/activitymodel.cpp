// SPDX-License-Identifier: MIT
#include "activitymodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <algorithm>

#include "appcontext.h"

namespace {

// Newest first; ties by key so the order is total and stable.
bool newerThan(const ActivityModel::Entry& a, const ActivityModel::Entry& b) {
    if (a.timestamp != b.timestamp) return a.timestamp > b.timestamp;
    return a.key() < b.key();
}

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
        !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QJsonObject toJson(const ActivityModel::Entry& e) {
    return {{QStringLiteral("layer"), e.layer},     {QStringLiteral("kind"), e.kind},
            {QStringLiteral("txHash"), e.txHash},   {QStringLiteral("timestamp"), QString::number(e.timestamp)},
            {QStringLiteral("account"), e.account}, {QStringLiteral("counterparty"), e.counterparty},
            {QStringLiteral("amount"), e.amount},   {QStringLiteral("incoming"), e.incoming},
            {QStringLiteral("status"), e.status}};
}

ActivityModel::Entry fromJson(const QJsonObject& o) {
    ActivityModel::Entry e;
    e.layer = o.value(QStringLiteral("layer")).toString();
    e.kind = o.value(QStringLiteral("kind")).toString();
    e.txHash = o.value(QStringLiteral("txHash")).toString();
    e.timestamp = o.value(QStringLiteral("timestamp")).toString().toLongLong();
    e.account = o.value(QStringLiteral("account")).toString();
    e.counterparty = o.value(QStringLiteral("counterparty")).toString();
    e.amount = o.value(QStringLiteral("amount")).toString();
    e.incoming = o.value(QStringLiteral("incoming")).toBool();
    e.status = o.value(QStringLiteral("status")).toString();
    return e;
}

}  // namespace

ActivityModel::ActivityModel(QObject* parent) : QAbstractListModel(parent) {
    // In the app every instance shows the wallet's journal; bare instances (tests) are fed directly.
    if (AppContext::existing()) setSharedSource(true);
}

ActivityModel::~ActivityModel() = default;

int ActivityModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_visible.size()); }

QHash<int, QByteArray> ActivityModel::roleNames() const {
    return {{KeyRole, "key"},
            {TimeRole, "time"},
            {TimestampRole, "timestamp"},
            {LayerRole, "layer"},
            {KindRole, "kind"},
            {KindTextRole, "kindText"},
            {AccountRole, "account"},
            {CounterpartyRole, "counterparty"},
            {AmountRole, "amount"},
            {IncomingRole, "incoming"},
            {StatusRole, "status"},
            {TxHashRole, "txHash"}};
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Entry& e = m_all[std::size_t(m_visible[std::size_t(index.row())])];
    switch (role) {
    case KeyRole: return e.key();
    case TimeRole: return QDateTime::fromSecsSinceEpoch(e.timestamp).toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    case TimestampRole: return e.timestamp;
    case LayerRole: return e.layer;
    case KindRole: return e.kind;
    case KindTextRole:
        if (e.kind == QLatin1String("send")) return tr("Sent");
        if (e.kind == QLatin1String("receive")) return tr("Received");
        if (e.kind == QLatin1String("deposit")) return tr("Deposit");
        if (e.kind == QLatin1String("withdrawal")) return tr("Withdrawal");
        return e.kind;
    case AccountRole: return e.account;
    case CounterpartyRole: return e.counterparty;
    case AmountRole: return e.amount;
    case IncomingRole: return e.incoming;
    case StatusRole: return e.status;
    case TxHashRole: return e.txHash;
    default: return {};
    }
}

ActivityModel::Entry ActivityModel::entry(int row) const {
    if (row < 0 || row >= int(m_visible.size())) return {};
    return m_all[std::size_t(m_visible[std::size_t(row)])];
}

bool ActivityModel::accepts(const Entry& e) const {
    if (!m_layer.isEmpty() && e.layer != m_layer) return false;
    if (!m_kind.isEmpty() && e.kind != m_kind) return false;
    if (!m_account.isEmpty() && e.account.compare(m_account, Qt::CaseInsensitive) != 0 &&
        e.counterparty.compare(m_account, Qt::CaseInsensitive) != 0)
        return false;
    return true;
}

int ActivityModel::positionOf(const QString& key) const {
    const auto time = m_times.constFind(key);
    if (time == m_times.constEnd()) return -1;
    // Binary search by (timestamp, key): no position index to keep up to date on inserts.
    const qint64 t = time.value();
    const auto it = std::lower_bound(m_all.begin(), m_all.end(), std::make_pair(t, key),
                                     [](const Entry& e, const std::pair<qint64, QString>& probe) {
                                         if (e.timestamp != probe.first) return e.timestamp > probe.first;
                                         return e.key() < probe.second;
                                     });
    return it != m_all.end() && it->key() == key ? int(it - m_all.begin()) : -1;
}

void ActivityModel::addEntries(const QList<Entry>& entries) {
    if (entries.isEmpty()) return;
    bool inserted = false;
    for (const Entry& incoming : entries) {
        Entry e = incoming;
        const QString key = e.key();
        if (const int pos = positionOf(key); pos >= 0) {
            if (e.timestamp == 0) e.timestamp = m_all[std::size_t(pos)].timestamp;
            const auto v = std::lower_bound(m_visible.begin(), m_visible.end(), pos);
            const bool shown = v != m_visible.end() && *v == pos;
            if (e.timestamp == m_all[std::size_t(pos)].timestamp) {
                // Same place in the order: an in-place update.
                m_all[std::size_t(pos)] = e;
                if (shown) emit dataChanged(index(int(v - m_visible.begin())), index(int(v - m_visible.begin())));
                continue;
            }
            // Moved in time: remove, then insert below as new.
            if (shown) {
                const int row = int(v - m_visible.begin());
                beginRemoveRows({}, row, row);
                m_visible.erase(v);
                endRemoveRows();
            }
            m_all.erase(m_all.begin() + pos);
            for (auto it = std::lower_bound(m_visible.begin(), m_visible.end(), pos); it != m_visible.end(); ++it)
                --*it;
        }
        // Most arrivals are the newest, so they land near the front.
        const auto where = std::lower_bound(m_all.begin(), m_all.end(), e, newerThan);
        const int pos = int(where - m_all.begin());
        m_all.insert(where, e);
        m_times.insert(key, e.timestamp);
        const auto firstShift = std::lower_bound(m_visible.begin(), m_visible.end(), pos);
        for (auto it = firstShift; it != m_visible.end(); ++it) ++*it;
        if (accepts(e)) {
            const int row = int(firstShift - m_visible.begin());
            beginInsertRows({}, row, row);
            m_visible.insert(m_visible.begin() + row, pos);
            endInsertRows();
        }
        inserted = true;
    }
    if (inserted) emit countChanged();
}

void ActivityModel::refilter() {
    beginResetModel();
    m_visible.clear();
    for (std::size_t i = 0; i < m_all.size(); ++i)
        if (accepts(m_all[i])) m_visible.push_back(int(i));
    endResetModel();
    emit countChanged();
    emit filterChanged();
}

void ActivityModel::setLayerFilter(const QString& layer) {
    if (layer == m_layer) return;
    m_layer = layer;
    refilter();
}

void ActivityModel::setKindFilter(const QString& kind) {
    if (kind == m_kind) return;
    m_kind = kind;
    refilter();
}

void ActivityModel::setAccountFilter(const QString& address) {
    if (address == m_account) return;
    m_account = address;
    refilter();
}

void ActivityModel::clearFilters() {
    if (m_layer.isEmpty() && m_kind.isEmpty() && m_account.isEmpty()) return;
    m_layer.clear();
    m_kind.clear();
    m_account.clear();
    refilter();
}

void ActivityModel::setSharedSource(bool follow) {
    auto* journal = ActivityJournal::instance();
    disconnect(journal, nullptr, this, nullptr);
    if (!follow) return;
    addEntries(journal->entries());
    connect(journal, &ActivityJournal::added, this, [this](const QList<Entry>& entries) { addEntries(entries); });
    connect(journal, &ActivityJournal::cleared, this, [this] {
        beginResetModel();
        m_all.clear();
        m_visible.clear();
        m_times.clear();
        endResetModel();
        emit countChanged();
    });
}

QString ActivityModel::csvHeader() {
    return QStringLiteral("time_utc,layer,kind,account,counterparty,direction,amount_eth,status,tx_hash");
}

QString ActivityModel::csvLine(const Entry& e) {
    const QStringList fields{QDateTime::fromSecsSinceEpoch(e.timestamp, Qt::UTC).toString(Qt::ISODate),
                             e.layer,
                             e.kind,
                             e.account,
                             e.counterparty,
                             e.incoming ? QStringLiteral("in") : QStringLiteral("out"),
                             e.amount,
                             e.status,
                             e.txHash};
    QStringList out;
    for (const QString& f : fields) out.append(csvField(f));
    return out.join(QLatin1Char(','));
}

void ActivityModel::exportCsv(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    // A snapshot of the filtered rows, by value: the worker never touches the model.
    std::vector<Entry> rows;
    rows.reserve(m_visible.size());
    for (int pos : m_visible) rows.push_back(m_all[std::size_t(pos)]);
    m_exporting = true;
    emit exportingChanged();
    QPointer<ActivityModel> self(this);
    QThreadPool::globalInstance()->start([self, path, rows = std::move(rows)] {
        QString error;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
            error = QCoreApplication::translate("ActivityModel", "Cannot write %1: %2").arg(path, file.errorString());
        } else {
            QByteArray out = csvHeader().toUtf8() + "\r\n";
            for (const Entry& e : rows) out += csvLine(e).toUtf8() + "\r\n";
            if (file.write(out) != out.size() || !file.commit())
                error =
                    QCoreApplication::translate("ActivityModel", "Cannot write %1: %2").arg(path, file.errorString());
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, path, error] {
                if (!self) return;
                self->m_exporting = false;
                emit self->exportingChanged();
                emit self->exportFinished(path, error);
            },
            Qt::QueuedConnection);
    });
}

// ---------------------------------------------------------------------------------------------

ActivityJournal* ActivityJournal::instance() {
    static QPointer<ActivityJournal> journal;
    if (!journal) journal = new ActivityJournal(QCoreApplication::instance());
    return journal;
}

ActivityJournal::ActivityJournal(QObject* parent) : QObject(parent) {}

void ActivityJournal::record(const ActivityModel::Entry& entry) { recordAll({entry}); }

void ActivityJournal::recordAll(const QList<ActivityModel::Entry>& entries) {
    QList<ActivityModel::Entry> changed;
    for (const ActivityModel::Entry& e : entries) {
        const QString key = e.key();
        if (auto it = m_index.constFind(key); it != m_index.constEnd()) {
            ActivityModel::Entry& existing = m_entries[it.value()];
            ActivityModel::Entry merged = e;
            if (merged.timestamp == 0) merged.timestamp = existing.timestamp;
            if (merged.status == existing.status && merged.amount == existing.amount &&
                merged.timestamp == existing.timestamp && merged.counterparty == existing.counterparty)
                continue;
            existing = merged;
            changed.append(merged);
        } else {
            m_index.insert(key, int(m_entries.size()));
            m_entries.append(e);
            changed.append(e);
        }
    }
    if (changed.isEmpty()) return;
    emit added(changed);
    saveLater();
}

void ActivityJournal::open(const QString& path) {
    close();
    m_path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return;  // none yet
    // Small (one entry per own transaction); read here once per session.
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    QList<ActivityModel::Entry> entries;
    for (const QJsonValue& v : array) {
        ActivityModel::Entry e = fromJson(v.toObject());
        // Journals written before a withdrawal became one row carry its payout as a row of its
        // own; the withdrawal's row says "finalized" now.
        if (e.kind == QLatin1String("finalization")) continue;
        entries.append(e);
    }
    recordAll(entries);
    m_saveScheduled = false;
}

void ActivityJournal::close() {
    m_path.clear();
    const bool had = !m_entries.isEmpty();
    m_entries.clear();
    m_index.clear();
    if (had) emit cleared();
}

void ActivityJournal::saveLater() {
    if (m_path.isEmpty() || m_saveScheduled) return;
    m_saveScheduled = true;
    QTimer::singleShot(500, this, [this] {
        m_saveScheduled = false;
        if (m_path.isEmpty()) return;
        QJsonArray array;
        for (const ActivityModel::Entry& e : std::as_const(m_entries)) array.append(toJson(e));
        const QByteArray bytes = QJsonDocument(array).toJson(QJsonDocument::Compact);
        const QString path = m_path;
        QThreadPool::globalInstance()->start([path, bytes] {
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly)) {
                file.write(bytes);
                file.commit();
            }
        });
    });
}
