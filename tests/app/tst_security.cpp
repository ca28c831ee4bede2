// SPDX-License-Identifier: MIT
// Issue 10 at the GUI's controllers, without a chain:
//  - item 13: custom endpoints follow the transport rule (checkEndpointTransport): plain http to a
//    host that is not this computer is refused with what to do, unless the user allows it, in the
//    settings card (SettingsController), for endpoints saved before (WalletSession at start) and
//    for the app's L1 connection, which reads the balances (ChainStore);
//  - item 12: the dev fixture wallet (public test mnemonic) is marked, and WalletSession neither
//    connects it to nor signs with it on any network but the local devnet.
// Nothing listens on the endpoints used here: each check ends before or at the first connection.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "appcontext.h"
#include "services/bridge/network_config.hpp"
#include "services/rollup/rollup_reader.hpp"
#include "services/wallet/appsettings.h"
#include "services/wallet/walletstore.h"
#include "settings/settingscontroller.h"
#include "stores/chainstore.h"
#include "wait_until.h"
#include "walletsession.h"
#include "wire_stores.h"

using namespace sluice;

namespace {
const QString kRollup = QStringLiteral("0x5fbdb2315678afecb367f032d93f642f64180aa3");
const QString kRefusalAdvice = QStringLiteral("use https:// or wss://, or allow unencrypted connections");

// A loopback port nothing listens on: connecting is refused at once.
QString deadLoopbackUrl() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
}

RollupParameters paramsOnChain(quint64 l1ChainId) {
    RollupParameters params;
    params.l1ChainId = l1ChainId;
    params.l2ChainId = U256(l1ChainId + 1);
    return params;
}
}  // namespace

class TestSecurity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void devFixtureIsMarked();
    void unencryptedRemoteEndpointsNeedConsent();
    void savedUnencryptedEndpointsAreCheckedAtStart();
    void accountsPageL1FollowsTheRule();
    void devFixtureOnlyOnTheLocalDevnet();

private:
    QTemporaryDir m_dir;
};

void TestSecurity::initTestCase() {
    AppOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("wallet"));
    options.devFixture = true;  // the wallet from WalletStore::kDevMnemonic, unlocked
    options.autoUnlock = true;
    options.language = QStringLiteral("en");
    options.l1RpcUrl = deadLoopbackUrl();
    AppContext::configure(options);
    auto* context = AppContext::instance();
    QVERIFY(waitUntil(context->store(), &WalletStore::unlockedChanged,
                      [&] { return context->unlocked() && context->store()->accounts().size() >= 3; }));
    QVERIFY(WalletSession::instance());
}

void TestSecurity::cleanupTestCase() {
    delete WalletSession::existing();
    AppContext::shutdown();
}

void TestSecurity::devFixtureIsMarked() {
    auto* context = AppContext::instance();
    QVERIFY(context->store()->isDevFixture());
    QVERIFY(context->devFixtureWallet());  // AppHeader and AccountsPage show the label from this
    // ... in German too.
    QVERIFY(context->setLanguage(QStringLiteral("de"), false));
    QCOMPARE(QCoreApplication::translate("AppHeader", "DEV FIXTURE \u2014 public test keys"),
             QStringLiteral("DEV-FIXTURE \u2014 öffentliche Testschlüssel"));
    QCOMPARE(QCoreApplication::translate("AccountsPage", "DEV FIXTURE \u2014 public test keys"),
             QStringLiteral("DEV-FIXTURE \u2014 öffentliche Testschlüssel"));
    const QString refusal = WalletSession::instance()->devFixtureProblem(
        *explicitNetwork(QStringLiteral("https://l1.example"), QStringLiteral("https://l2.example"), kRollup), 1);
    QVERIFY2(refusal.contains(QStringLiteral("öffentlichen Test-Mnemonic")), qPrintable(refusal));
    QVERIFY(context->setLanguage(QStringLiteral("en"), false));
}

void TestSecurity::unencryptedRemoteEndpointsNeedConsent() {
    SettingsController settings;
    wireStores(settings);
    auto apply = [&](const QString& l1, const QString& l2, bool allowInsecure) {
        settings.applyCustomNetwork(l1, l2, kRollup, allowInsecure);
        return waitUntil(&settings, &SettingsController::networkChanged, [&] { return !settings.checkingNetwork(); });
    };
    // A LAN or internet host over plain http: refused before anything is contacted, with what to do.
    for (const auto& [l1, l2] : {std::pair{QStringLiteral("http://192.0.2.1:8545"), deadLoopbackUrl()},
                                 std::pair{deadLoopbackUrl(), QStringLiteral("http://192.168.1.10:8645")}}) {
        settings.applyCustomNetwork(l1, l2, kRollup, false);
        QVERIFY(!settings.checkingNetwork());
        QVERIFY2(settings.networkError().contains(kRefusalAdvice), qPrintable(settings.networkError()));
        QCOMPARE(settings.networkMode(), QStringLiteral("local"));  // nothing saved
    }
    // Loopback over http passes the rule (and fails later: nothing listens there).
    QVERIFY(apply(deadLoopbackUrl(), deadLoopbackUrl(), false));
    QVERIFY(!settings.networkError().isEmpty());
    QVERIFY2(!settings.networkError().contains(kRefusalAdvice), qPrintable(settings.networkError()));
    // Allowed by the user: past the rule, on to checking the endpoints (TEST-NET-1: no node answers).
    settings.applyCustomNetwork(QStringLiteral("http://192.0.2.1:8545"), QStringLiteral("http://192.0.2.1:8645"),
                                kRollup, true);
    QVERIFY(settings.checkingNetwork());
    QVERIFY(waitUntil(&settings, &SettingsController::networkChanged, [&] { return !settings.checkingNetwork(); }));
    QVERIFY2(!settings.networkError().contains(kRefusalAdvice), qPrintable(settings.networkError()));
    QCOMPARE(settings.networkMode(), QStringLiteral("local"));
}

void TestSecurity::savedUnencryptedEndpointsAreCheckedAtStart() {
    auto* session = WalletSession::instance();
    auto* settings = AppContext::instance()->settings();
    // Saved without the user's consent (an older version, a hand-edited file): refused, not contacted.
    QVERIFY(settings->setCustomNetwork(QStringLiteral("http://192.0.2.1:8545"), QStringLiteral("http://192.0.2.1:8645"),
                                       kRollup));
    QCOMPARE(session->state(), WalletSession::State::Failed);
    QVERIFY2(session->problem().contains(kRefusalAdvice), qPrintable(session->problem()));
    // With it, the session goes on to check the endpoints.
    QVERIFY(settings->setCustomNetwork(QStringLiteral("http://192.0.2.1:8545"), QStringLiteral("http://192.0.2.1:8645"),
                                       kRollup, true));
    QCOMPARE(session->state(), WalletSession::State::Checking);
    QVERIFY(settings->setLocalNetwork());
    QCOMPARE(session->state(), WalletSession::State::Idle);  // this test never starts the local stack
}

// The app's L1 connection: the status bar, and every wallet address's balance.
void TestSecurity::accountsPageL1FollowsTheRule() {
    ChainStore l1(ChainStore::Layer::L1);
    l1.connectTo(QUrl(QStringLiteral("http://192.0.2.1:8545")), QUrl(), false);
    QCOMPARE(l1.state(), ChainStore::State::Unreachable);
    QVERIFY2(l1.problem().contains(kRefusalAdvice), qPrintable(l1.problem()));
    QVERIFY(!l1.eth());  // nothing to ask the balances through
    l1.connectTo(QUrl(QStringLiteral("http://192.0.2.1:8545")), QUrl(), true);
    QCOMPARE(l1.state(), ChainStore::State::Connecting);
    QVERIFY(l1.eth());
    l1.connectTo(QUrl(deadLoopbackUrl()), QUrl(), false);
    QCOMPARE(l1.state(), ChainStore::State::Connecting);
}

void TestSecurity::devFixtureOnlyOnTheLocalDevnet() {
    auto* session = WalletSession::instance();
    const auto local = explicitNetwork(deadLoopbackUrl(), deadLoopbackUrl(), kRollup);
    const auto remote =
        explicitNetwork(QStringLiteral("https://l1.example"), QStringLiteral("https://l2.example"), kRollup);
    QVERIFY(local.ok() && remote.ok());
    QVERIFY(WalletSession::instance()->devFixtureProblem(*local, kDevnetL1ChainId).isEmpty());
    QVERIFY(!WalletSession::instance()->devFixtureProblem(*local, 1).isEmpty());
    QVERIFY(!WalletSession::instance()->devFixtureProblem(*remote, kDevnetL1ChainId).isEmpty());

    // Another chain on this computer (a mainnet fork, say): not connected, and it says why.
    WalletSessionTestAccess::connectTo(*local, paramsOnChain(1));
    QCOMPARE(session->state(), WalletSession::State::Failed);
    QVERIFY2(session->problem().contains(QStringLiteral("public test mnemonic")), qPrintable(session->problem()));
    QVERIFY(!session->l1());
    QVERIFY(!session->signer(0));
    // Chain 31337 somewhere else is somebody's chain, not the local devnet.
    WalletSessionTestAccess::connectTo(*remote, paramsOnChain(kDevnetL1ChainId));
    QCOMPARE(session->state(), WalletSession::State::Failed);
    QVERIFY(!session->signer(0));
    // The local devnet: connected, and the fixture signs.
    WalletSessionTestAccess::connectTo(*local, paramsOnChain(kDevnetL1ChainId));
    QVERIFY(session->isReady());
    QVERIFY(session->signer(0).has_value());
}

QTEST_MAIN(TestSecurity)
#include "tst_security.moc"
