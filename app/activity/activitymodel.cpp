// SPDX-License-Identifier: MIT
#include "activity/activitymodel.h"

#include "stores/storeinput.h"

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
    return {{QStringLiteral("layer"), e.layer},
            {QStringLiteral("kind"), e.kind},
            {QStringLiteral("txHash"), e.txHash},
            {QStringLiteral("timestamp"), QString::number(e.timestamp)},
            {QStringLiteral("account"), e.account},
            {QStringLiteral("counterparty"), e.counterparty},
            {QStringLiteral("amount"), e.amount},
            {QStringLiteral("incoming"), e.incoming},
            {QStringLiteral("status"), e.status},
            {QStringLiteral("relatedTxHash"), e.relatedTxHash},
            {QStringLiteral("relatedBlock"), QString::number(e.relatedBlock)}};
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
    e.relatedTxHash = o.value(QStringLiteral("relatedTxHash")).toString();
    e.relatedBlock = o.value(QStringLiteral("relatedBlock")).toString().toULongLong();
    return e;
}

}  // namespace

ActivityModel::ActivityModel(QObject* parent) : QAbstractListModel(parent) {}

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
            {StatusTextRole, "statusText"},
            {ToneRole, "tone"},
            {TxHashRole, "txHash"},
            {MoveRole, "move"},
            {RelatedTxHashRole, "relatedTxHash"},
            {RelatedBlockRole, "relatedBlock"}};
}

namespace {
bool isChannelKind(const QString& kind) { return kind.startsWith(QLatin1String("channel-")); }
}  // namespace

bool ActivityModel::Entry::isMove() const {
    // Opening, closing and settling a channel move the user's own money between L1 and the channel.
    if (isChannelKind(kind)) return kind != QLatin1String("channel-payment");
    return (kind == QLatin1String("deposit") || kind == QLatin1String("withdrawal")) &&
           (counterparty.isEmpty() || counterparty.compare(account, Qt::CaseInsensitive) == 0);
}

ActivityModel::Layer ActivityModel::layerOf(const QString& layer) {
    if (layer == QLatin1String("channel")) return Layer::PaymentChannel;
    return layer == QLatin1String("l1") ? Layer::L1 : Layer::L2;
}

ActivityModel::Kind ActivityModel::kindOf(const QString& kind) {
    if (kind == QLatin1String("send")) return Kind::Send;
    if (kind == QLatin1String("receive")) return Kind::Receive;
    if (kind == QLatin1String("deposit")) return Kind::Deposit;
    if (kind == QLatin1String("withdrawal")) return Kind::Withdrawal;
    if (isChannelKind(kind)) return Kind::Channel;
    return Kind::Other;
}

QString ActivityModel::statusText(const QString& status) {
    if (status == QLatin1String("pending")) return tr("pending");
    if (status == QLatin1String("confirmed")) return tr("confirmed");
    if (status == QLatin1String("failed")) return tr("failed");
    if (status == QLatin1String("finalized")) return tr("finalized");
    if (status == QLatin1String("credited")) return tr("credited");
    if (status == QLatin1String("in-window")) return tr("in window");
    if (status == QLatin1String("ready")) return tr("ready");
    if (status == QLatin1String("batch-reverted")) return tr("batch reverted");
    //: Status of a deposit: sent to L1, not yet mined
    if (status == QLatin1String("submitted")) return tr("submitted");
    //: Status of a deposit: in the rollup's L1 queue, not yet credited on L2
    if (status == QLatin1String("queued")) return tr("queued");
    //: Status of a withdrawal: sent on L2, not yet in a batch
    if (status == QLatin1String("initiated")) return tr("initiated");
    //: Status of a withdrawal: its batch is on L1
    if (status == QLatin1String("posted")) return tr("posted");
    //: Status of a withdrawal: its batch was reverted and it was posted again
    if (status == QLatin1String("re-included")) return tr("re-included");
    return status;
}

Tone::Value ActivityModel::toneOf(const QString& status) {
    return status == QLatin1String("failed") || status == QLatin1String("batch-reverted") ? Tone::Error : Tone::Neutral;
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Entry& e = m_all[std::size_t(m_visible[std::size_t(index.row())])];
    switch (role) {
    case KeyRole: return e.key();
    case TimeRole: return QDateTime::fromSecsSinceEpoch(e.timestamp).toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    case TimestampRole: return e.timestamp;
    case LayerRole: return int(layerOf(e.layer));
    case KindRole: return int(kindOf(e.kind));
    case KindTextRole:
        if (e.kind == QLatin1String("send")) return tr("Sent");
        if (e.kind == QLatin1String("receive")) return tr("Received");
        if (e.kind == QLatin1String("deposit")) return tr("Deposit");
        if (e.kind == QLatin1String("withdrawal")) return tr("Withdrawal");
        if (e.kind == QLatin1String("channel-open")) return tr("Channel opened");
        if (e.kind == QLatin1String("channel-payment"))
            return e.incoming ? tr("Received over a channel") : tr("Paid over a channel");
        if (e.kind == QLatin1String("channel-close")) return tr("Channel closing");
        //: A channel's close with an older state was answered with the newest one
        if (e.kind == QLatin1String("channel-dispute")) return tr("Stale close disputed");
        if (e.kind == QLatin1String("channel-settle")) return tr("Channel paid out");
        return e.kind;
    case AccountRole: return e.account;
    case CounterpartyRole: return e.counterparty;
    case AmountRole: return e.amount;
    case IncomingRole: return e.incoming;
    case StatusRole: return e.status;
    case StatusTextRole: return statusText(e.status);
    case ToneRole: return int(toneOf(e.status));
    case TxHashRole: return e.txHash;
    case MoveRole: return e.isMove();
    case RelatedTxHashRole: return e.relatedTxHash;
    case RelatedBlockRole: return e.relatedBlock;
    default: return {};
    }
}

ActivityModel::Entry ActivityModel::entry(int row) const {
    if (row < 0 || row >= int(m_visible.size())) return {};
    return m_all[std::size_t(m_visible[std::size_t(row)])];
}

bool ActivityModel::accepts(const Entry& e) const {
    if (!m_layer.isEmpty() && e.layer != m_layer) return false;
    if (!m_kind.isEmpty() && e.kind != m_kind && !(m_kind == QLatin1String("channel") && isChannelKind(e.kind)))
        return false;
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

void ActivityModel::setJournal(ActivityJournal* journal) {
    if (!replaceStore(m_journal, journal, this)) return;
    emit journalChanged();
    if (!journal) return;
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
                             e.isMove()   ? QStringLiteral("move")
                             : e.incoming ? QStringLiteral("in")
                                          : QStringLiteral("out"),
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
                merged.timestamp == existing.timestamp && merged.counterparty == existing.counterparty &&
                merged.relatedTxHash == existing.relatedTxHash && merged.relatedBlock == existing.relatedBlock)
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
