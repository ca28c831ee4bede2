// SPDX-License-Identifier: MIT
#pragma once
// ActivityModel: one history across L1 and L2: sends, receives, deposits and withdrawals (one
// row per transfer, its status updated in place) of every wallet account, newest first, persisted in the data directory
// (activity-<deployment key>.json) and filled from SendController/BridgeService events and L2
// blocks. Filters (layer, kind, account) are properties. Built for 10,000+ rows: new entries
// are inserted with beginInsertRows at their place, status changes are dataChanged, only a
// filter change resets. exportCsv runs on a worker and reports with exportFinished.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

class ActivityModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString layerFilter READ layerFilter WRITE setLayerFilter NOTIFY filterChanged)  // "", "l1", "l2"
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filterChanged)     // "", or a kind
    Q_PROPERTY(
        QString accountFilter READ accountFilter WRITE setAccountFilter NOTIFY filterChanged)  // "", or an address
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,  // "<layer>:<tx hash>:<kind>": stable
        TimeRole,                    // "yyyy-MM-dd hh:mm" local
        TimestampRole,               // unix seconds
        LayerRole,                   // "l1" / "l2"
        KindRole,                    // "send", "receive", "deposit", "withdrawal" (one row from initiated to finalized)
        KindTextRole,                // translated
        AccountRole,                 // the wallet's address (EIP-55)
        CounterpartyRole,            // the other address, or ""
        AmountRole,                  // "0.5", exact ether
        IncomingRole,                // bool: money arrived at the account
        StatusRole,                  // "pending", "confirmed", "failed", or a bridge status code
        TxHashRole,
    };
    Q_ENUM(Role)

    struct Entry {
        QString layer;  // "l1" / "l2"
        QString kind;
        QString txHash;  // 0x hex
        qint64 timestamp = 0;
        QString account;  // EIP-55
        QString counterparty;
        QString amount;  // exact ether string
        bool incoming = false;
        QString status;
        QString key() const { return layer + QLatin1Char(':') + txHash + QLatin1Char(':') + kind; }
    };

    explicit ActivityModel(QObject* parent = nullptr);
    ~ActivityModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int totalCount() const { return int(m_all.size()); }
    bool loading() const { return m_loading; }
    QString layerFilter() const { return m_layer; }
    void setLayerFilter(const QString& layer);
    QString kindFilter() const { return m_kind; }
    void setKindFilter(const QString& kind);
    QString accountFilter() const { return m_account; }
    void setAccountFilter(const QString& address);
    bool exporting() const { return m_exporting; }

    // Adds or updates (same key: status/amount/time replaced) entries; incremental.
    void addEntries(const QList<Entry>& entries);
    void addEntry(const Entry& entry) { addEntries({entry}); }
    // Follows the shared history (ActivityJournal, fed by WalletSession): on by default whenever
    // the app's AppContext exists; tests without one feed entries directly.
    void setSharedSource(bool follow);
    Entry entry(int row) const;

    // Writes the filtered rows as CSV (RFC 4180, header line) on a worker: exportFinished(path, "")
    // or exportFinished(path, message).
    Q_INVOKABLE void exportCsv(const QString& pathOrUrl);
    Q_INVOKABLE void clearFilters();
    static QString csvLine(const Entry& entry);
    static QString csvHeader();

signals:
    void countChanged();
    void loadingChanged();
    void filterChanged();
    void exportingChanged();
    void exportFinished(const QString& path, const QString& error);

private:
    bool accepts(const Entry& entry) const;
    void refilter();
    std::vector<Entry> m_all;        // newest first
    QHash<QString, qint64> m_times;  // key -> timestamp, to find an entry by binary search
    std::vector<int> m_visible;      // positions in m_all
    QString m_layer, m_kind, m_account;
    bool m_loading = false;
    bool m_exporting = false;
    int positionOf(const QString& key) const;
};

// The wallet's activity journal for the current session: entries from sends, the bridge and L2
// blocks, persisted; ActivityModels follow it. Owned by WalletSession's lifetime.
class ActivityJournal : public QObject {
    Q_OBJECT
public:
    static ActivityJournal* instance();
    QList<ActivityModel::Entry> entries() const { return m_entries; }
    void record(const ActivityModel::Entry& entry);
    void recordAll(const QList<ActivityModel::Entry>& entries);
    // Loads/saves <dataDir>/activity-<networkKey>.json; empty key: in-memory only.
    void open(const QString& path);
    void close();
signals:
    void added(const QList<ActivityModel::Entry>& entries);
    void cleared();

private:
    explicit ActivityJournal(QObject* parent = nullptr);
    void saveLater();
    QList<ActivityModel::Entry> m_entries;
    QHash<QString, int> m_index;
    QString m_path;
    bool m_saveScheduled = false;
};
