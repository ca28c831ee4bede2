// SPDX-License-Identifier: MIT
#include "accounts/accountsmodel.h"

#include "appcontext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "services/wallet/walletstore.h"
#include "stores/chainstore.h"

AccountsModel::AccountsModel(sluice::WalletStore* wallet, ChainStore* l1, QObject* parent)
    : QAbstractListModel(parent), m_wallet(wallet), m_l1(l1) {
    auto* store = wallet;
    connect(store, &sluice::WalletStore::accountsChanged, this, &AccountsModel::reloadAccounts);
    connect(store, &sluice::WalletStore::existsChanged, this, &AccountsModel::canAddAccountChanged);
    connect(store, &sluice::WalletStore::unlockedChanged, this, &AccountsModel::canAddAccountChanged);
    connect(store, &sluice::WalletStore::saved, this, [this] {
        if (!m_adding) return;
        m_adding = false;
        emit addingChanged();
    });
    connect(store, &sluice::WalletStore::failed, this, [this](const QString& message) {
        if (!m_adding) return;
        m_adding = false;
        m_error = message;
        emit addingChanged();
        emit errorChanged();
    });
    connect(m_l1, &ChainStore::balancesChanged, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1),
                             {BalanceRole, BalanceLoadingRole, BalanceErrorRole});
        emit loadingChanged();
    });
    reloadAccounts();
}

AccountsModel::~AccountsModel() = default;

int AccountsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

bool AccountsModel::loading() const { return m_l1->balancesLoading(); }

QVariant AccountsModel::data(const QModelIndex& index, int role) const {
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid |
                                   QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case KeyRole: return row.key;
    case NameRole: return row.name;
    case AddressRole: return row.address;
    case IndexRole: return row.index;
    case BalanceRole: {
        const auto balance = row.parsed ? m_l1->balance(*row.parsed).wei : std::nullopt;
        //: A balance in ether; %1 is an exact decimal amount such as 1.5
        return balance ? tr("%1 ETH").arg(QString::fromStdString(sluice::format_amount(*balance))) : QString();
    }
    case BalanceLoadingRole: return row.parsed && !m_l1->balance(*row.parsed).wei && m_l1->balancesLoading();
    case BalanceErrorRole: return row.parsed ? m_l1->balance(*row.parsed).error : QString();
    default: return {};
    }
}

QHash<int, QByteArray> AccountsModel::roleNames() const {
    return {
        {KeyRole, "key"},
        {NameRole, "name"},
        {AddressRole, "address"},
        {IndexRole, "accountIndex"},
        {BalanceRole, "balance"},
        {BalanceLoadingRole, "balanceLoading"},
        {BalanceErrorRole, "balanceError"},
    };
}

bool AccountsModel::canAddAccount() const {
    auto* store = m_wallet;
    return store->isUnlocked() && store->kind() == sluice::WalletStore::Kind::Mnemonic;
}

void AccountsModel::reloadAccounts() {
    const auto accounts = m_wallet->accounts();
    QList<Row> rows;
    for (const auto& account : accounts) {
        Row row;
        row.key = QString::number(account.index);
        row.index = account.index;
        row.name = account.name;
        row.address = account.address;
        if (auto parsed = sluice::parse_address(account.address.toStdString())) row.parsed = parsed.value();
        rows.append(row);
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (countChanges) emit countChanged();
}

void AccountsModel::refresh() { m_l1->refreshBalances(); }

std::optional<sluice::WalletAccount> AccountsModel::accountOf(const sluice::WalletStore* wallet, const QString& key) {
    bool ok = false;
    const int index = key.toInt(&ok);
    if (!ok || QString::number(index) != key || !wallet) return std::nullopt;  // rows write it canonically
    return wallet->account(index);
}

QHash<QString, QString> AccountsModel::namesByAddress(const sluice::WalletStore* wallet) {
    QHash<QString, QString> names;
    for (const sluice::WalletAccount& account : wallet ? wallet->accounts() : QList<sluice::WalletAccount>())
        names.insert(account.address.toLower(), account.name);
    return names;
}

int AccountsModel::rowOf(const QString& key) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key) return i;
    }
    return -1;
}

void AccountsModel::addAccount() {
    if (m_adding || !canAddAccount()) return;
    m_adding = true;
    if (!m_error.isEmpty()) {
        m_error.clear();
        emit errorChanged();
    }
    emit addingChanged();
    m_wallet->addAccount();
}

void AccountsModel::copyAddress(const QString& key) {
    const int at = rowOf(key);
    if (at < 0) return;
    AppContext::copyToClipboard(m_rows.at(at).address);
    emit copied(m_rows.at(at).address);
}
