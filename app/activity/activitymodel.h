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

#include "common/tone.h"

class ActivityJournal;

class ActivityModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // Required input: the journal whose entries this model shows and filters.
    Q_PROPERTY(ActivityJournal* journal READ journal WRITE setJournal NOTIFY journalChanged REQUIRED)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString layerFilter READ layerFilter WRITE setLayerFilter NOTIFY filterChanged)  // "", "l1", "l2"
    // "", a kind, or "channel" for all of a channel's kinds
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filterChanged)
    Q_PROPERTY(
        QString accountFilter READ accountFilter WRITE setAccountFilter NOTIFY filterChanged)  // "", or an address
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportingChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,  // "<layer>:<tx hash>:<kind>": stable
        TimeRole,                    // "yyyy-MM-dd hh:mm" local
        TimestampRole,               // unix seconds
        LayerRole,                   // Layer
        KindRole,                    // Kind (a deposit or withdrawal is one row from start to end)
        KindTextRole,                // translated
        AccountRole,                 // the wallet's address (EIP-55)
        CounterpartyRole,            // the other address, or ""
        AmountRole,                  // "0.5", exact ether
        IncomingRole,                // bool: money arrived at the account
        StatusRole,                  // the journal's word: "pending", "confirmed", "failed", or a bridge stage code
        StatusTextRole,              // translated, for display
        ToneRole,                    // Tone of the status
        TxHashRole,
        MoveRole,           // bool: a deposit or withdrawal between the user's own layers, no loss
        RelatedTxHashRole,  // the matching transaction on the other layer (a withdrawal's L1 payout), or ""
        RelatedBlockRole,   // the other layer's block that completed it (a deposit's L2 credit), 0 if unknown
    };
    Q_ENUM(Role)

    enum class Layer { L1, L2, PaymentChannel };  // PaymentChannel: off-chain, in a channel with the hub
    Q_ENUM(Layer)
    enum class Kind { Send, Receive, Deposit, Withdrawal, Channel, Other };  // Channel: every "channel-…" kind
    Q_ENUM(Kind)
    // The journal keeps words ("l2", "deposit", "in-window"); the pages get these.
    static Layer layerOf(const QString& layer);
    static Kind kindOf(const QString& kind);
    static QString statusText(const QString& status);
    static Tone::Value toneOf(const QString& status);

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
        QString relatedTxHash;     // the matching transaction on the other layer, if any
        quint64 relatedBlock = 0;  // the other layer's block that completed it, if known
        // A deposit or withdrawal that stays the user's: to the same account (or no other named).
        bool isMove() const;
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
    // Follows the journal (AppContext's, fed by WalletSession, the send page and dev funding);
    // tests without one feed entries directly.
    ActivityJournal* journal() const { return m_journal; }
    void setJournal(ActivityJournal* journal);
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
    void journalChanged();
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
    ActivityJournal* m_journal = nullptr;
    int positionOf(const QString& key) const;
};

// The wallet's activity journal (the activity store): entries from sends, the bridge and L2
// blocks, persisted per network; ActivityModels follow it. AppContext owns it; WalletSession opens
// the network's file when it connects and closes it when it ends.
class ActivityJournal : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext (AppContext.activity)")
public:
    explicit ActivityJournal(QObject* parent = nullptr);
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
    void saveLater();
    QList<ActivityModel::Entry> m_entries;
    QHash<QString, int> m_index;
    QString m_path;
    bool m_saveScheduled = false;
};
