// SPDX-License-Identifier: MIT
// Issue 11, item 1: the app's layer stores. One L1 connection serves every view: the status bar,
// the accounts page, the account pickers and the overview all read the balances the L1 store
// keeps, and no view asks the node itself. The L1 here is a fake JSON-RPC server (the I/O seam)
// that counts what it is asked.
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "accounts/accountsmodel.h"
#include "appcontext.h"
#include "core/eth/address.hpp"
#include "fake_rpc_server.hpp"
#include "overview/overviewcontroller.h"
#include "services/wallet/walletstore.h"
#include "stores/chainstore.h"
#include "wait_until.h"
#include "wire_stores.h"

using namespace sluice;
using sluice::test::FakeResponse;
using sluice::test::FakeRpcServer;

class TestStores : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void oneL1ConnectionServesEveryView();
    void aReconnectForgetsTheOldChainsBalances();

private:
    int balanceReads() const { return int(m_l1->methods().count(QStringLiteral("eth_getBalance"))); }
    QTemporaryDir m_dir;
    FakeRpcServer* m_l1 = nullptr;
    // Account i holds i + 1 ETH on the fake L1.
    QList<QString> m_accounts;
};

void TestStores::initTestCase() {
    m_l1 = new FakeRpcServer(
        [this](const QJsonObject& request) -> FakeResponse {
            const QString method = request.value(QStringLiteral("method")).toString();
            if (method == QLatin1String("eth_chainId"))
                return FakeRpcServer::result(request, QStringLiteral("0xaa36a7"));
            if (method == QLatin1String("eth_blockNumber"))
                return FakeRpcServer::result(request, QStringLiteral("0x10"));
            if (method == QLatin1String("eth_getBalance")) {
                const QString address = request.value(QStringLiteral("params")).toArray().at(0).toString();
                for (int i = 0; i < m_accounts.size(); ++i)
                    if (m_accounts.at(i).compare(address, Qt::CaseInsensitive) == 0)
                        return FakeRpcServer::result(request, QStringLiteral("0x%1").arg(QString::number(
                                                                  quint64(i + 1) * 1000000000000000000ull, 16)));
                return FakeRpcServer::result(request, QStringLiteral("0x0"));
            }
            return FakeRpcServer::error(request, -32601, QStringLiteral("method not found"));
        },
        this);

    AppOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("wallet"));
    options.devFixture = true;  // three accounts from the public test mnemonic, unlocked
    options.autoUnlock = true;
    options.l1RpcUrl = m_l1->url();
    AppContext::configure(options);
    auto* context = AppContext::instance();
    QVERIFY(waitUntil(context->store(), &WalletStore::unlockedChanged,
                      [&] { return context->unlocked() && context->store()->accounts().size() >= 3; }));
    for (const WalletAccount& account : context->store()->accounts()) m_accounts.append(account.address);
}

void TestStores::cleanupTestCase() { AppContext::shutdown(); }

void TestStores::oneL1ConnectionServesEveryView() {
    ChainStore* l1 = AppContext::instance()->l1();
    QTRY_COMPARE_WITH_TIMEOUT(l1->state(), ChainStore::State::Online, 10000);
    QCOMPARE(l1->networkName(), QStringLiteral("Sepolia testnet (chain 11155111)"));
    QTRY_COMPARE_WITH_TIMEOUT(l1->blockNumber(), QStringLiteral("16"), 10000);
    // The first reads ran while the wallet was still being made, before the fake knew its
    // addresses (it answered 0): read again now that it does.
    l1->refreshBalances();

    // Every view that shows L1 balances at once: the accounts page and the pickers (the app's one
    // AccountsModel), a second model on the same stores, the overview.
    AccountsModel& accountsPage = *AppContext::instance()->accounts();
    AccountsModel other(AppContext::instance()->store(), l1);
    OverviewController overview;
    wireStores(overview);
    QTRY_VERIFY_WITH_TIMEOUT(!l1->balancesLoading(), 10000);
    QCOMPARE(accountsPage.rowCount(), m_accounts.size());
    for (AccountsModel* model : {&accountsPage, &other}) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex at = model->index(row);
            QCOMPARE(model->data(at, AccountsModel::BalanceRole).toString(), QStringLiteral("%1 ETH").arg(row + 1));
            QCOMPARE(model->data(at, AccountsModel::BalanceLoadingRole).toBool(), false);
        }
    }
    QCOMPARE(overview.totalL1(), QStringLiteral("6"));  // 1 + 2 + 3

    // A refresh reads each account once, however many views show it (before the stores, each
    // model, picker and the overview asked the node for itself).
    const int before = balanceReads();
    QSignalSpy changed(l1, &ChainStore::balancesChanged);
    l1->refreshBalances();
    QTRY_VERIFY_WITH_TIMEOUT(!l1->balancesLoading(), 10000);
    QCOMPARE(balanceReads() - before, m_accounts.size());
    accountsPage.refresh();  // the page's refresh button is the store's refresh
    QTRY_VERIFY_WITH_TIMEOUT(!l1->balancesLoading(), 10000);
    QCOMPARE(balanceReads() - before, 2 * m_accounts.size());
    QVERIFY(changed.count() > 0);
}

void TestStores::aReconnectForgetsTheOldChainsBalances() {
    ChainStore* l1 = AppContext::instance()->l1();
    AccountsModel& accounts = *AppContext::instance()->accounts();
    const Address first = parse_address(m_accounts.at(0).toStdString()).value();
    QTRY_VERIFY_WITH_TIMEOUT(l1->balance(first).wei.has_value(), 10000);
    QSignalSpy gone(l1, &ChainStore::aboutToDisconnect);
    // Another L1 that does not answer: the old chain's balances must not be shown as this one's.
    FakeRpcServer silent([](const QJsonObject&) { return FakeResponse{200, {}, true}; });
    l1->connectTo(QUrl(silent.url()), QUrl(), false);
    QCOMPARE(gone.count(), 1);
    QCOMPARE(l1->state(), ChainStore::State::Connecting);
    QVERIFY(!l1->balance(first).wei.has_value());
    QCOMPARE(accounts.data(accounts.index(0), AccountsModel::BalanceRole).toString(), QString());
    QVERIFY(accounts.data(accounts.index(0), AccountsModel::BalanceLoadingRole).toBool());
    QCOMPARE(l1->blockNumber(), QString());
    l1->connectTo(QUrl(m_l1->url()), QUrl(), false);
    QTRY_COMPARE_WITH_TIMEOUT(accounts.data(accounts.index(0), AccountsModel::BalanceRole).toString(),
                              QStringLiteral("1 ETH"), 10000);
}

QTEST_MAIN(TestStores)
#include "tst_stores.moc"
