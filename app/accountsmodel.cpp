// SPDX-License-Identifier: MIT
#include "accountsmodel.h"

#include "appcontext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "networkstatus.h"
#include "services/rpc/eth_client.hpp"
#include "services/wallet/walletstore.h"

AccountsModel::AccountsModel(QObject* parent) : QAbstractListModel(parent) {
    auto* context = AppContext::instance();
    auto* store = context->store();
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
    connect(context->network(), &NetworkStatus::newHead, this, &AccountsModel::refresh);
    connect(context->network(), &NetworkStatus::reconnected, this, &AccountsModel::refresh);
    reloadAccounts();
}

AccountsModel::~AccountsModel() {
    // Replies still in flight are dropped with this object; keep the work counter honest.
    if (auto* context = AppContext::existing()) {
        for (int i = 0; i < m_inFlight; ++i) context->endWork();
    }
}

int AccountsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const {
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid |
                                   QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case KeyRole: return row.key;
    case NameRole: return row.name;
    case AddressRole: return row.address;
    case IndexRole: return row.index;
    case BalanceRole: return row.balance;
    case BalanceLoadingRole: return row.balanceLoading;
    case BalanceErrorRole: return row.balanceError;
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
    auto* store = AppContext::instance()->store();
    return store->isUnlocked() && store->kind() == sluice::WalletStore::Kind::Mnemonic;
}

void AccountsModel::reloadAccounts() {
    const auto accounts = AppContext::instance()->store()->accounts();
    QList<Row> rows;
    for (const auto& account : accounts) {
        Row row;
        row.key = QString::number(account.index);
        row.index = account.index;
        row.name = account.name;
        row.address = account.address;
        const int existing = rowOf(row.key);
        if (existing >= 0 && m_rows.at(existing).address == row.address) {
            row.balance = m_rows.at(existing).balance;
            row.balanceError = m_rows.at(existing).balanceError;
            row.balanceLoading = m_rows.at(existing).balanceLoading;
        }
        rows.append(row);
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = rows;
    endResetModel();
    if (countChanges) emit countChanged();
    for (const Row& row : std::as_const(m_rows)) {
        if (row.balance.isEmpty() && !row.balanceLoading) fetchBalance(row.key);
    }
}

void AccountsModel::refresh() {
    for (const Row& row : std::as_const(m_rows)) fetchBalance(row.key);
}

void AccountsModel::fetchBalance(const QString& key) {
    const int at = rowOf(key);
    if (at < 0) return;
    auto* network = AppContext::instance()->network();
    auto* eth = network->eth();
    const QByteArray text = m_rows.at(at).address.toLatin1();
    const auto address = sluice::parse_address(std::string_view(text.constData(), text.size()));
    if (!eth || !address) return;

    if (!m_rows[at].balanceLoading) {
        m_rows[at].balanceLoading = true;
        const QModelIndex changed = index(at);
        emit dataChanged(changed, changed, {BalanceLoadingRole});
    }
    ++m_inFlight;
    AppContext::instance()->beginWork();
    if (m_inFlight == 1) emit loadingChanged();

    const QString expectedAddress = m_rows.at(at).address;
    const int generation = network->generation();
    eth->balance(*address, this, [this, key, expectedAddress, generation](sluice::RpcResult<sluice::U256> result) {
        finishFetch();
        const int row = rowOf(key);
        if (row < 0 || m_rows.at(row).address != expectedAddress) return;
        if (generation != AppContext::instance()->network()->generation()) return;
        Row& r = m_rows[row];
        r.balanceLoading = false;
        if (result) {
            //: A balance in ether; %1 is an exact decimal amount such as 1.5
            r.balance = tr("%1 ETH").arg(QString::fromStdString(sluice::format_amount(result.value())));
            r.balanceError.clear();
        } else {
            r.balanceError = result.errorMessage();
        }
        const QModelIndex changed = index(row);
        emit dataChanged(changed, changed, {BalanceRole, BalanceLoadingRole, BalanceErrorRole});
    });
}

void AccountsModel::finishFetch() {
    --m_inFlight;
    if (m_inFlight == 0) emit loadingChanged();
    AppContext::instance()->endWork();
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
    AppContext::instance()->store()->addAccount();
}

void AccountsModel::copyAddress(const QString& key) {
    const int at = rowOf(key);
    if (at < 0) return;
    AppContext::instance()->copyToClipboard(m_rows.at(at).address);
    emit copied(m_rows.at(at).address);
}
