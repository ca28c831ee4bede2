// SPDX-License-Identifier: MIT
#pragma once
// BridgeStore: the bridge of the network the wallet is connected to, for the pages: its deposits
// and withdrawals (BridgeService, whose history is kept per chain), followed for the wallet's
// accounts. The session creates the service for a network and attaches it here, and detaches it
// before the service goes; the store outlives sessions, so pages bind to it once. What the bridge
// records also goes into the activity history (one row per transfer, updated in place), and a
// withdrawal that becomes ready to finalize is announced for the notifications.

#include <QtQml/qqmlregistration.h>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include "services/bridge/bridge_service.hpp"

class ActivityJournal;

class BridgeStore : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext")
    Q_PROPERTY(bool attached READ attached NOTIFY attachedChanged)  // the wallet is connected to a network

public:
    // `journal`: the activity history the bridge's records go into.
    explicit BridgeStore(ActivityJournal* journal, QObject* parent = nullptr);

    void attach(sluice::BridgeService* service);
    void detach();
    // The attached service, null while the wallet is not connected.
    sluice::BridgeService* service() const { return m_service; }
    bool attached() const { return m_service != nullptr; }

    // The wallet's accounts: the bridge follows their deposits and withdrawals.
    void setAccounts(const QList<sluice::Address>& accounts);

signals:
    void attachedChanged();
    void withdrawalReady(const QString& key, const QString& amount);

private:
    void journalWithdrawal(const sluice::WithdrawalRecord& record);
    void journalDeposit(const sluice::DepositRecord& record);

    ActivityJournal* const m_journal;
    QPointer<sluice::BridgeService> m_service;
    QList<sluice::Address> m_accounts;
};
