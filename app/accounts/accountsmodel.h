// SPDX-License-Identifier: MIT
#pragma once
// AccountsModel: the wallet's accounts with their L1 balances, as the L1 store (ChainStore) reads
// them on every new L1 block; the model never asks the node itself. One instance, AppContext's,
// serves the accounts page and every account picker.
// Amounts reach QML as exact strings from core's format_amount; wei never becomes a JS number.

#include <QtQml/qqmlregistration.h>
#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <optional>

#include "core/eth/address.hpp"

class ChainStore;
namespace sluice {
class WalletStore;
struct WalletAccount;
}  // namespace sluice

class AccountsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by AppContext (AppContext.accounts)")
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool canAddAccount READ canAddAccount NOTIFY canAddAccountChanged)
    Q_PROPERTY(bool adding READ adding NOTIFY addingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,  // the account's BIP-44 index as a string: stable
        NameRole,
        AddressRole,  // EIP-55
        IndexRole,
        BalanceRole,  // "1.5 ETH", exact; empty until first known
        BalanceLoadingRole,
        BalanceErrorRole,
    };
    Q_ENUM(Role)

    // `wallet` lists the accounts, `l1` knows their balances; both outlive the model.
    AccountsModel(sluice::WalletStore* wallet, ChainStore* l1, QObject* parent = nullptr);
    ~AccountsModel() override;

    // The account a row's key (an account picker's value, "<BIP-44 index>") names, if `wallet` has it.
    static std::optional<sluice::WalletAccount> accountOf(const sluice::WalletStore* wallet, const QString& key);
    // The wallet's account names by lower-case address (what the transfer and channel rows show).
    static QHash<QString, QString> namesByAddress(const sluice::WalletStore* wallet);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool loading() const;
    bool canAddAccount() const;
    bool adding() const { return m_adding; }
    QString error() const { return m_error; }

    Q_INVOKABLE void addAccount();
    Q_INVOKABLE void copyAddress(const QString& key);
    Q_INVOKABLE void refresh();

signals:
    void loadingChanged();
    void countChanged();
    void canAddAccountChanged();
    void addingChanged();
    void errorChanged();
    void copied(const QString& address);

private:
    struct Row {
        QString key;
        int index = 0;
        QString name;
        QString address;
        std::optional<sluice::Address> parsed;
    };

    void reloadAccounts();
    int rowOf(const QString& key) const;

    sluice::WalletStore* const m_wallet;
    ChainStore* const m_l1;
    QList<Row> m_rows;
    bool m_adding = false;
    QString m_error;
};
