// SPDX-License-Identifier: MIT
#include "sendreceive/receivecontroller.h"

#include "stores/storeinput.h"

#include <QUrl>

#include "accounts/accountsmodel.h"
#include "appcontext.h"
#include "qr/qrimage.h"

ReceiveController::ReceiveController(QObject* parent) : QObject(parent) {
    connect(this, &ReceiveController::accountChanged, this, &ReceiveController::paymentUriChanged);
}

void ReceiveController::setWallet(sluice::WalletStore* wallet) {
    if (!replaceStore(m_wallet, wallet, this)) return;
    if (wallet) connect(wallet, &sluice::WalletStore::accountsChanged, this, &ReceiveController::accountChanged);
    emit storesChanged();
    emit accountChanged();
}

void ReceiveController::setL2(ChainStore* l2) {
    if (!replaceStore(m_l2, l2, this)) return;
    // The store changes with every head; only its chain id is shown here (and the QR code, drawn
    // from the address alone, is not redrawn).
    if (l2)
        connect(l2, &ChainStore::changed, this, [this] {
            if (m_l2->chainId() == m_l2ChainId) return;
            m_l2ChainId = m_l2->chainId();
            emit paymentUriChanged();
        });
    m_l2ChainId = l2 ? l2->chainId() : QString();
    emit storesChanged();
    emit paymentUriChanged();
}

void ReceiveController::setAccount(const QString& key) {
    if (key == m_account) return;
    m_account = key;
    emit accountChanged();
}

QString ReceiveController::address() const {
    auto account = AccountsModel::accountOf(m_wallet, m_account);
    return account ? account->address : QString();
}

QString ReceiveController::name() const {
    auto account = AccountsModel::accountOf(m_wallet, m_account);
    return account ? account->name : QString();
}

QString ReceiveController::paymentUri() const {
    const QString a = address();
    if (a.isEmpty()) return {};
    const QString chain = m_l2 ? m_l2->chainId() : QString();
    // EIP-681: ethereum:<address>[@<chain id>]
    return chain.isEmpty() ? QStringLiteral("ethereum:") + a : QStringLiteral("ethereum:%1@%2").arg(a, chain);
}

QString ReceiveController::qrSource() const {
    const QString a = address();
    if (a.isEmpty()) return {};
    // The plain address: every wallet's scanner reads it; the URI form is offered as text.
    return qrImageSource(a);
}

void ReceiveController::copyAddress() {
    const QString a = address();
    if (a.isEmpty()) return;
    AppContext::copyToClipboard(a);
    emit copied(a);
}
