// SPDX-License-Identifier: MIT
#include "unlockcontroller.h"

#include "appcontext.h"
#include "services/wallet/walletstore.h"

UnlockController::UnlockController(QObject* parent) : QObject(parent) {
    auto* store = AppContext::instance()->store();
    connect(store, &sluice::WalletStore::unlocked, this, [this] {
        if (!m_busy) return;
        setBusy(false);
        emit unlocked();
    });
    connect(store, &sluice::WalletStore::failed, this, [this](const QString& message) {
        if (!m_busy) return;
        setBusy(false);
        setError(message);
    });
}

void UnlockController::unlock(const QString& password) {
    if (m_busy) return;
    if (password.isEmpty()) {
        setError(tr("Enter your password."));
        return;
    }
    clearError();
    setBusy(true);
    AppContext::instance()->store()->unlock(password);
}

void UnlockController::clearError() { setError(QString()); }

void UnlockController::setBusy(bool busy) {
    if (m_busy == busy) return;
    m_busy = busy;
    emit busyChanged();
}

void UnlockController::setError(const QString& error) {
    if (m_error == error) return;
    m_error = error;
    emit errorChanged();
}
