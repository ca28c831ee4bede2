// SPDX-License-Identifier: MIT
#include "overview/overviewcontroller.h"

#include "stores/storeinput.h"

#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "services/bridge/bridge_service.hpp"
#include "services/wallet/walletstore.h"
#include "stores/chainstore.h"

using namespace sluice;

namespace {
QString fmt(const std::optional<U256>& wei) { return wei ? QString::fromStdString(format_amount(*wei)) : QString(); }
}  // namespace

AccountBalancesModel::AccountBalancesModel(QObject* parent) : QAbstractListModel(parent) {}

int AccountBalancesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AccountBalancesModel::roleNames() const {
    return {{KeyRole, "key"},
            {NameRole, "name"},
            {AddressRole, "address"},
            {L1BalanceRole, "l1Balance"},
            {L2BalanceRole, "l2Balance"},
            {InTransitRole, "inTransit"},
            {TotalRole, "total"}};
}

QVariant AccountBalancesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case KeyRole: return row.key;
    case NameRole: return row.name;
    case AddressRole: return row.address;
    case L1BalanceRole: return fmt(row.l1);
    case L2BalanceRole: return fmt(row.l2);
    case InTransitRole: return fmt(row.inTransit);
    case TotalRole: {
        if (!row.l1 && !row.l2) return QString();
        U256 total = row.inTransit;
        total += row.l1.value_or(U256(0));
        total += row.l2.value_or(U256(0));
        return fmt(total);
    }
    default: return {};
    }
}

int AccountBalancesModel::rowOf(const QString& key) const {
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).key == key) return i;
    return -1;
}

void AccountBalancesModel::setRows(const QList<Row>& rows) {
    bool sameKeys = rows.size() == m_rows.size();
    for (int i = 0; sameKeys && i < rows.size(); ++i) sameKeys = rows.at(i).key == m_rows.at(i).key;
    if (!sameKeys) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        emit countChanged();
    } else {
        for (int i = 0; i < rows.size(); ++i) {
            m_rows[i].name = rows.at(i).name;
            m_rows[i].address = rows.at(i).address;
        }
        if (!m_rows.isEmpty()) emit dataChanged(index(0), index(int(m_rows.size()) - 1), {NameRole, AddressRole});
    }
    emit totalsChanged();
}

void AccountBalancesModel::setL1(const QString& key, const U256& wei) {
    const int at = rowOf(key);
    if (at < 0 || m_rows[at].l1 == wei) return;
    m_rows[at].l1 = wei;
    emit dataChanged(index(at), index(at), {L1BalanceRole, TotalRole});
    emit totalsChanged();
}

void AccountBalancesModel::setL2(const QString& key, const U256& wei) {
    const int at = rowOf(key);
    if (at < 0 || m_rows[at].l2 == wei) return;
    m_rows[at].l2 = wei;
    emit dataChanged(index(at), index(at), {L2BalanceRole, TotalRole});
    emit totalsChanged();
}

void AccountBalancesModel::setInTransit(const QString& key, const U256& wei) {
    const int at = rowOf(key);
    if (at < 0 || m_rows[at].inTransit == wei) return;
    m_rows[at].inTransit = wei;
    emit dataChanged(index(at), index(at), {InTransitRole, TotalRole});
    emit totalsChanged();
}

void AccountBalancesModel::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}

// ---------------------------------------------------------------------------------------------

OverviewController::OverviewController(QObject* parent) : QObject(parent), m_model(new AccountBalancesModel(this)) {
    connect(m_model, &AccountBalancesModel::totalsChanged, this, &OverviewController::totalsChanged);
}

void OverviewController::setWallet(WalletStore* wallet) {
    if (!replaceStore(m_wallet, wallet, this)) return;
    if (wallet) connect(wallet, &WalletStore::accountsChanged, this, &OverviewController::reloadAccounts);
    emit storesChanged();
    reloadAccounts();
}

void OverviewController::setL1(ChainStore* l1) { setChain(m_l1, l1); }

void OverviewController::setL2(ChainStore* l2) { setChain(m_l2, l2); }

void OverviewController::setChain(ChainStore*& slot, ChainStore* chain) {
    if (!replaceStore(slot, chain, this)) return;
    // The totals use both layers.
    if (chain) connect(chain, &ChainStore::balancesChanged, this, &OverviewController::readBalances);
    emit storesChanged();
    readBalances();
}

void OverviewController::setBridge(BridgeStore* bridge) {
    if (!replaceStore(m_bridge, bridge, this)) return;
    if (bridge) connect(bridge, &BridgeStore::attachedChanged, this, &OverviewController::followBridge);
    emit storesChanged();
    followBridge();
}

void OverviewController::setChannels(WalletChannels* channels) {
    if (!replaceStore(m_channels, channels, this)) return;
    if (channels) connect(channels, &WalletChannels::changed, this, &OverviewController::totalsChanged);
    emit storesChanged();
    emit totalsChanged();
}

// The bridge (while connected) knows the deposits and withdrawals still in transit.
void OverviewController::followBridge() {
    auto* bridge = m_bridge ? m_bridge->service() : nullptr;
    if (!bridge) return;
    connect(bridge, &BridgeService::refreshed, this, &OverviewController::recomputeInTransit, Qt::UniqueConnection);
    connect(bridge, &BridgeService::loadedChanged, this, &OverviewController::recomputeInTransit, Qt::UniqueConnection);
    recomputeInTransit();
}

OverviewController::~OverviewController() = default;

namespace {
U256 sum(const QList<AccountBalancesModel::Row>& rows, std::optional<U256> AccountBalancesModel::Row::*field) {
    U256 total = 0;
    for (const auto& row : rows) total += (row.*field).value_or(U256(0));
    return total;
}
bool anyKnown(const QList<AccountBalancesModel::Row>& rows, std::optional<U256> AccountBalancesModel::Row::*field) {
    for (const auto& row : rows)
        if ((row.*field).has_value()) return true;
    return false;
}
}  // namespace

QString OverviewController::totalL1() const {
    return anyKnown(m_model->rows(), &AccountBalancesModel::Row::l1)
               ? QString::fromStdString(format_amount(sum(m_model->rows(), &AccountBalancesModel::Row::l1)))
               : QString();
}

QString OverviewController::totalL2() const {
    return anyKnown(m_model->rows(), &AccountBalancesModel::Row::l2)
               ? QString::fromStdString(format_amount(sum(m_model->rows(), &AccountBalancesModel::Row::l2)))
               : QString();
}

QString OverviewController::totalInTransit() const {
    U256 total = 0;
    for (const auto& row : m_model->rows()) total += row.inTransit;
    return QString::fromStdString(format_amount(total));
}

QString OverviewController::totalInChannels() const {
    return m_channels && m_channels->attached() ? QString::fromStdString(format_amount(m_channels->total()))
                                                : QString();
}

QString OverviewController::total() const {
    const auto& rows = m_model->rows();
    if (!anyKnown(rows, &AccountBalancesModel::Row::l1) && !anyKnown(rows, &AccountBalancesModel::Row::l2)) return {};
    U256 total = sum(rows, &AccountBalancesModel::Row::l1) + sum(rows, &AccountBalancesModel::Row::l2);
    for (const auto& row : rows) total += row.inTransit;
    if (m_channels && m_channels->attached()) total += m_channels->total();
    return QString::fromStdString(format_amount(total));
}

void OverviewController::reloadAccounts() {
    QList<AccountBalancesModel::Row> rows;
    for (const WalletAccount& account : m_wallet ? m_wallet->accounts() : QList<WalletAccount>()) {
        AccountBalancesModel::Row row;
        row.key = QString::number(account.index);
        row.name = account.name;
        row.address = account.address;
        for (const auto& old : m_model->rows())
            if (old.key == row.key) {
                row.l1 = old.l1;
                row.l2 = old.l2;
                row.inTransit = old.inTransit;
            }
        rows.append(row);
    }
    m_model->setRows(rows);
    readBalances();
    recomputeInTransit();
}

void OverviewController::recomputeInTransit() {
    auto* bridge = m_bridge ? m_bridge->service() : nullptr;
    if (!bridge) return;
    std::map<Address, U256> transit;
    for (const DepositRecord& d : bridge->deposits())
        if (d.status == DepositStatus::Submitted || d.status == DepositStatus::Queued) transit[d.account()] += d.amount;
    for (const WithdrawalRecord& w : bridge->withdrawals())
        if (w.status != WithdrawalStatus::Finalized) transit[w.account] += w.amount;
    for (const auto& row : m_model->rows()) {
        auto address = parse_address(row.address.toStdString());
        if (!address) continue;
        auto it = transit.find(address.value());
        m_model->setInTransit(row.key, it == transit.end() ? U256(0) : it->second);
    }
}

void OverviewController::refresh() {
    for (ChainStore* chain : {m_l1, m_l2})
        if (chain) chain->refreshBalances();
}

bool OverviewController::loading() const {
    return (m_l1 && m_l1->balancesLoading()) || (m_l2 && m_l2->balancesLoading());
}

// The layer stores read every account's balance on each new head; this copies what they know.
void OverviewController::readBalances() {
    if (!m_l1 || !m_l2) return;
    QString error;
    for (const auto& row : m_model->rows()) {
        auto address = parse_address(row.address.toStdString());
        if (!address) continue;
        const ChainStore::Balance l1 = m_l1->balance(address.value());
        const ChainStore::Balance l2 = m_l2->balance(address.value());
        if (l1.wei) m_model->setL1(row.key, *l1.wei);
        if (l2.wei) m_model->setL2(row.key, *l2.wei);
        if (error.isEmpty()) error = !l1.error.isEmpty() ? l1.error : l2.error;
    }
    m_model->setLoading(loading());
    emit loadingChanged();
    if (!error.isEmpty() && error != m_error) {  // the last problem stays shown until another one
        m_error = error;
        emit errorChanged();
    }
}
