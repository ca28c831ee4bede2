// SPDX-License-Identifier: MIT
#pragma once
// TransfersModel: the bridge tracker. Deposits and withdrawals of the wallet's accounts (from
// BridgeService), newest first, with the lifecycle step for the status stepper, the absolute
// final time, a live countdown (recomputed each second from WalletSession::now, rows updated with
// dataChanged, never reset) and canFinalize exactly when BridgeService would accept finalize().

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QList>
#include <QSet>
#include <QString>

#include "common/tone.h"
#include "services/bridge/bridge_service.hpp"

class TransfersModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by BridgeController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int readyCount READ readyCount NOTIFY countChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,  // L1 tx hash (deposit) or L2 tx hash (withdrawal): stable
        KindRole,                    // Kind
        AccountRole,                 // EIP-55 (deposit: sender on L1; withdrawal: L2 sender = L1 recipient)
        AmountRole,                  // "0.5", exact ether
        StatusRole,                  // Stage: what the pages decide on
        StatusTextRole,              // translated, for display
        ToneRole,                    // Tone of the status chip
        StepRole,                    // index into steps
        StepsRole,                   // QStringList of translated step names for this kind
        BatchRole,                   // "" or decimal
        FinalAtRole,                 // "2026-11-22 10:31:05" local time, "" until known
        FinalAtUtcRole,              // unix seconds (qint64), 0 until known
        CountdownRole,               // "2m 13s", "" when not in a window
        CanFinalizeRole,
        FinalizingRole,   // a finalize transaction is in flight
        RevertedRole,     // the batch was reverted at least once
        TimeRole,         // initiated/submitted, "yyyy-MM-dd hh:mm"
        L1TxHashRole,     // deposit tx / finalize tx
        L2TxHashRole,     // withdrawal tx
        ErrorRole,        // the last finalize error for this row
        AccountNameRole,  // the wallet account's name ("Account 1"), "" for an address not in the wallet
        SortKeyRole,      // what needs the user first: ready withdrawals, then trouble, then in flight, then done;
                          // newest first within each
    };
    Q_ENUM(Role)

    enum class Kind { Deposit, Withdrawal };
    Q_ENUM(Kind)
    // Where a transfer is: deposits Submitted -> Queued -> Credited (or Failed); withdrawals
    // Initiated -> Posted -> InWindow -> Ready -> Finalized, or BatchReverted -> ReIncluded.
    enum class Stage {
        Submitted,
        Queued,
        Credited,
        Failed,
        Initiated,
        Posted,
        InWindow,
        Ready,
        Finalized,
        BatchReverted,
        ReIncluded
    };
    Q_ENUM(Stage)

    explicit TransfersModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool loading() const { return m_loading; }
    int readyCount() const;

    // Fed by BridgeController from BridgeService (and by tests directly). Upserts; rows keep
    // their position, new ones are inserted at the top.
    void upsertWithdrawal(const sluice::WithdrawalRecord& record);
    void upsertDeposit(const sluice::DepositRecord& record);
    void setAll(const QList<sluice::WithdrawalRecord>& withdrawals, const QList<sluice::DepositRecord>& deposits);
    void setNow(qint64 unixSeconds);  // updates countdowns/canFinalize of rows in a window
    void setFinalizing(const QString& key, bool finalizing, const QString& error = {});
    void setLoading(bool loading);
    // Names of the wallet's accounts by address (any case): the rows say whose transfer it is.
    void setAccountNames(const QHash<QString, QString>& namesByLowerCaseAddress);
    bool canFinalize(const QString& key) const;

    // Pure rules, public for tests.
    static int withdrawalStep(sluice::WithdrawalStatus status);  // 0 initiated .. 4 finalized
    static int depositStep(sluice::DepositStatus status);        // 0 submitted .. 2 credited
    static Stage stageOf(sluice::WithdrawalStatus status);
    static Stage stageOf(sluice::DepositStatus status);
    // The stage's word in the activity journal and its CSV: "in-window", "batch-reverted", ...
    static QString code(Stage stage);
    static Tone::Value toneOf(Stage stage);
    static QString countdown(qint64 seconds);  // "1h 2m 3s", "45s"

signals:
    void countChanged();
    void loadingChanged();
    // A withdrawal's window has passed while the app watched: the tray says so.
    void becameReady(const QString& key, const QString& amount);

private:
    struct Row {
        bool withdrawal = true;
        sluice::WithdrawalRecord w;
        sluice::DepositRecord d;
        bool finalizing = false;
        QString error;
        QString key() const { return withdrawal ? w.key() : d.key(); }
    };
    int rowOf(const QString& key) const;
    bool rowCanFinalize(const Row& row) const;
    Stage stageOfRow(const Row& row) const;
    QString readySince(const sluice::WithdrawalRecord& w) const;
    QString accountName(const sluice::Address& account) const;
    qint64 sortKey(const Row& row) const;
    void upsert(Row row);
    QList<Row> m_rows;
    QHash<QString, int> m_index;  // key -> row, rebuilt on insert
    QSet<QString> m_announcedReady;
    QHash<QString, QString> m_accountNames;  // lower-case address -> name
    qint64 m_now = 0;
    bool m_loading = false;
};
