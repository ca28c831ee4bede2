// SPDX-License-Identifier: MIT
#include "onboarding/unlockcontroller.h"

#include "stores/storeinput.h"

UnlockController::UnlockController(QObject* parent) : QObject(parent) {}

void UnlockController::setWallet(sluice::WalletStore* wallet) {
    if (!replaceStore(m_wallet, wallet, this)) return;
    emit walletChanged();
    if (!wallet) return;
    connect(wallet, &sluice::WalletStore::unlocked, this, [this] {
        if (!m_busy) return;
        setBusy(false);
        emit unlocked();
    });
    connect(wallet, &sluice::WalletStore::failed, this, [this](const QString& message) {
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
    if (!m_wallet) return;
    clearError();
    setBusy(true);
    m_wallet->unlock(password);
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
