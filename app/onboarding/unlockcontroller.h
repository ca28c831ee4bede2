// SPDX-License-Identifier: MIT
#pragma once
// UnlockController: the unlock screen's one action. The password check (scrypt) runs on the
// store's worker; busy is true meanwhile and error says what went wrong.

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "services/wallet/walletstore.h"

class UnlockController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Required input: the wallet to unlock.
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY walletChanged REQUIRED)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    explicit UnlockController(QObject* parent = nullptr);

    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }

    Q_INVOKABLE void unlock(const QString& password);
    Q_INVOKABLE void clearError();

signals:
    void walletChanged();
    void busyChanged();
    void errorChanged();
    void unlocked();

private:
    void setBusy(bool busy);
    void setError(const QString& error);

    sluice::WalletStore* m_wallet = nullptr;  // AppContext's, outlives this
    bool m_busy = false;
    QString m_error;
};
