// SPDX-License-Identifier: MIT
#pragma once
// ReceiveController: the receive page: the chosen account's EIP-55 address and its QR code.
// qrSource is the URL an Image binds to for the address's QR code (qr/qrimage.h draws it).

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

#include "services/wallet/walletstore.h"
#include "stores/chainstore.h"

class ReceiveController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    // Required inputs: the wallet's accounts and the L2 (its chain id goes into the payment URI).
    Q_PROPERTY(sluice::WalletStore* wallet READ wallet WRITE setWallet NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(ChainStore* l2 READ l2 WRITE setL2 NOTIFY storesChanged REQUIRED)
    Q_PROPERTY(QString account READ account WRITE setAccount NOTIFY accountChanged)  // BIP-44 index key
    Q_PROPERTY(QString address READ address NOTIFY accountChanged)                   // EIP-55, "" if unknown
    Q_PROPERTY(QString name READ name NOTIFY accountChanged)
    Q_PROPERTY(QString qrSource READ qrSource NOTIFY accountChanged)  // "image://sluiceqr/..."
    // ethereum:<address>@<chain id>: the L2 chain id once the L2 is known.
    Q_PROPERTY(QString paymentUri READ paymentUri NOTIFY paymentUriChanged)

public:
    explicit ReceiveController(QObject* parent = nullptr);

    sluice::WalletStore* wallet() const { return m_wallet; }
    void setWallet(sluice::WalletStore* wallet);
    ChainStore* l2() const { return m_l2; }
    void setL2(ChainStore* l2);
    QString account() const { return m_account; }
    void setAccount(const QString& key);
    QString address() const;
    QString name() const;
    QString qrSource() const;
    QString paymentUri() const;

    Q_INVOKABLE void copyAddress();

signals:
    void storesChanged();
    void accountChanged();
    void paymentUriChanged();  // the account or the L2 chain (not every L2 head)
    void copied(const QString& address);

private:
    sluice::WalletStore* m_wallet = nullptr;  // AppContext's stores, which outlive this
    ChainStore* m_l2 = nullptr;
    QString m_l2ChainId;  // as last announced
    QString m_account;
};
