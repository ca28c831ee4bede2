// SPDX-License-Identifier: MIT
// The escape hatch in the app against a real local stack (`sluiced --devnet`, 3 s challenge period,
// 15 s escape delay): a deposit is batched, the operator goes silent (the node is stopped with
// SIGSTOP, anvil keeps mining), a second deposit waits; EscapeController shows the countdown the
// Rollup reports, then Frozen with exactly what the wallet can take out (its L2 balance and the
// unbatched deposit), and one exitAll() pays it on L1 with proofs from the wallet's own replay.
// Skipped when no sluiced/anvil is known (SLUICED_PATH from the build, or SLUICE_SLUICED).
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "appcontext.h"
#include "bridge/bridgecontroller.h"
#include "bridge/escapecontroller.h"
#include "core/eth/address.hpp"
#include "overview/overviewcontroller.h"
#include "prerequisite.hpp"
#include "review_approver.h"
#include "services/bridge/network_config.hpp"
#include "services/bridge/wallet_verifier.hpp"
#include "services/localstack/local_stack.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/wallet/walletstore.h"
#include "wait_until.h"
#include "walletsession.h"
#include "wire_stores.h"

using namespace sluice;

namespace {
int freePort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// The pid listening on 127.0.0.1:port (the node; anvil listens on the L1 port).
qint64 pidOnPort(int port) {
    QProcess ss;
    ss.start(QStringLiteral("ss"), {QStringLiteral("-ltnp")});
    ss.waitForFinished();
    for (const QString& line : QString::fromUtf8(ss.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        if (!line.contains(QStringLiteral(":%1 ").arg(port))) continue;
        auto m = QRegularExpression(QStringLiteral("pid=(\\d+)")).match(line);
        if (m.hasMatch()) return m.captured(1).toLongLong();
    }
    return 0;
}

U256 l1Balance(EthClient* l1, const Address& a) {
    std::optional<RpcResult<U256>> out;
    QObject context;
    l1->balance(a, &context, [&](RpcResult<U256> r) { out = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!out && clock.elapsed() < 10000) QTest::qWait(20);
    if (!out || !out->ok()) qFatal("eth_getBalance on L1 failed");
    return out->value();
}
}  // namespace

class TestEscape : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void silentOperatorCountdownFreezeAndExit();

private:
    QTemporaryDir m_dir;
    LocalStack* m_stack = nullptr;
    int m_l2Port = 0;
    qint64 m_nodePid = 0;
};

void TestEscape::initTestCase() {
    QString sluiced = qEnvironmentVariable("SLUICE_SLUICED", QStringLiteral(SLUICED_PATH));
    SLUICE_QT_PREREQUISITE(QFileInfo(sluiced).isExecutable(),
                           "no sluiced at " + sluiced + " (build the sluiced target or set SLUICE_SLUICED)");
    if (qEnvironmentVariableIsEmpty("SLUICE_ANVIL")) qputenv("SLUICE_ANVIL", ANVIL_PATH);
    AppOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("wallet"));
    options.devFixture = true;
    options.autoUnlock = true;
    AppContext::configure(options);
    auto* context = AppContext::instance();
    QVERIFY(waitUntil(context->store(), &WalletStore::unlockedChanged,
                      [&] { return context->unlocked() && context->store()->accounts().size() >= 3; }));

    m_l2Port = freePort();
    m_stack = new LocalStack(m_dir.filePath(QStringLiteral("devnet")), this);
    m_stack->setProgram(sluiced);
    m_stack->setExtraArguments({QStringLiteral("--challenge-period"), QStringLiteral("3"),
                                QStringLiteral("--escape-delay"), QStringLiteral("15"), QStringLiteral("--l1-port"),
                                QString::number(freePort()), QStringLiteral("--l2-port"), QString::number(m_l2Port)});
    m_stack->start();
    QVERIFY(waitUntil(m_stack, &LocalStack::stateChanged, [&] {
        return m_stack->state() == LocalStack::State::Running || m_stack->state() == LocalStack::State::Failed;
    }));
    QVERIFY2(m_stack->isRunning(), qPrintable(m_stack->problem()));
    std::optional<Result<CheckedNetwork>> checked;
    checkNetwork(*m_stack->network(), this, [&](Result<CheckedNetwork> r) { checked = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY2(checked->ok(), checked->ok() ? "" : checked->message().c_str());
    QCOMPARE(checked->value().params.escapeDelay, quint64(15));
    WalletSessionTestAccess::connectTo(checked->value().config, checked->value().params);
    QVERIFY(WalletSession::instance()->isReady());
}

void TestEscape::cleanupTestCase() {
    if (m_nodePid) QProcess::execute(QStringLiteral("kill"), {QStringLiteral("-CONT"), QString::number(m_nodePid)});
    delete WalletSession::existing();
    if (m_stack) m_stack->stopAndWait();
    AppContext::shutdown();
}

void TestEscape::silentOperatorCountdownFreezeAndExit() {
    auto* session = WalletSession::instance();
    EscapeController escape;
    wireStores(escape);
    BridgeController bridge;
    wireStores(bridge);
    ReviewApprover reviewer(bridge.review());
    OverviewController overview;
    wireStores(overview);
    QVERIFY(waitUntil(&escape, &EscapeController::changed,
                      [&] { return escape.state() == EscapeController::State::Normal; }));
    QCOMPARE(escape.escapeDelay(), QStringLiteral("15s"));

    // The operator works: a deposit of 2 ETH is credited and batched.
    bridge.setAccount(QStringLiteral("0"));
    bridge.setDirection(BridgeController::Direction::Deposit);
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }));
    bridge.setAmount(QStringLiteral("2"));
    bridge.submit();
    QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }));
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    // Readiness under a loaded machine (the whole suite in parallel), not a timing assertion.
    QVERIFY(waitUntil(
        session, &WalletSession::nowChanged,
        [&] {
            return session->verifier()->replica().depositsProcessed() == 1 &&
                   AppContext::instance()->verification()->fundsVerified();
        },
        240000));
    QCOMPARE(escape.state(), EscapeController::State::Normal);

    // The operator goes silent; a second deposit (0.5 ETH) waits in the queue: the countdown.
    m_nodePid = pidOnPort(m_l2Port);
    QVERIFY(m_nodePid > 0);
    QCOMPARE(QProcess::execute(QStringLiteral("kill"), {QStringLiteral("-STOP"), QString::number(m_nodePid)}), 0);
    bridge.setAmount(QStringLiteral("0.5"));
    bridge.submit();
    QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }));
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    QVERIFY(waitUntil(&escape, &EscapeController::changed,
                      [&] { return escape.state() == EscapeController::State::Countdown; }));
    QVERIFY(escape.availableAt() >= escape.lastBatchAt() + 15);

    // Frozen: exactly the L2 balance (2) and the waiting deposit (0.5) can leave.
    QVERIFY(waitUntil(&escape, &EscapeController::changed, [&] {
        return escape.state() == EscapeController::State::Frozen && !escape.exitable().isEmpty();
    }));
    QVERIFY2(escape.planProblem().isEmpty(), qPrintable(escape.planProblem()));
    QCOMPARE(escape.exitable(), QStringLiteral("2.5"));

    const Address me = *parse_address(AppContext::instance()->store()->accounts().first().address.toStdString());
    const U256 before = l1Balance(session->l1(), me);
    QSignalSpy exited(&escape, &EscapeController::exited);
    ReviewApprover exitReviewer(escape.review());

    // Each exit is reviewed before it is signed; declining the first signs nothing and stops.
    exitReviewer.decline = true;
    escape.exitAll();
    QVERIFY(escape.busy());
    QVERIFY(waitUntil(&escape, &EscapeController::changed, [&] { return !escape.busy(); }));
    QVERIFY2(escape.error().isEmpty(), qPrintable(escape.error()));
    QCOMPARE(exitReviewer.shown.size(), 1);
    QCOMPARE(exited.count(), 0);
    QCOMPARE(l1Balance(session->l1(), me), before);
    QCOMPARE(escape.exitable(), QStringLiteral("2.5"));

    exitReviewer.decline = false;
    exitReviewer.shown.clear();
    escape.exitAll();
    QVERIFY(escape.busy());
    QVERIFY(waitUntil(&escape, &EscapeController::changed, [&] { return !escape.busy(); }));
    QVERIFY2(escape.error().isEmpty(), qPrintable(escape.error()));
    QCOMPARE(exited.count(), 1);
    QCOMPARE(escape.paid(), QStringLiteral("2.5"));
    // The review showed each call on L1 as it was signed: the exit (2) and the refund (0.5).
    const QString meText = QString::fromStdString(to_checksum_address(me));
    QCOMPARE(exitReviewer.shown.size(), 2);
    const QString l1Chain = QString::number(session->params().l1ChainId);
    QVERIFY2(exitReviewer.shown[0].startsWith(QStringLiteral("L1 chain %1: 2 ETH to %2").arg(l1Chain, meText)),
             qPrintable(exitReviewer.shown[0]));
    QVERIFY2(exitReviewer.shown[1].startsWith(QStringLiteral("L1 chain %1: 0.5 ETH to %2").arg(l1Chain, meText)),
             qPrintable(exitReviewer.shown[1]));
    // The account paid two transactions' gas out of what it received (both well under 0.01 ETH).
    const U256 after = l1Balance(session->l1(), me);
    const U256 received = U256(2'500'000'000'000'000'000ULL);
    QVERIFY(after < before + received);
    QVERIFY(after > before + received - U256(10'000'000'000'000'000ULL));
    // Nothing is left once the wallet's replay has read the Exited and DepositRefunded events.
    QVERIFY(waitUntil(&escape, &EscapeController::changed, [&] { return escape.exitable() == QLatin1String("0"); }));
}

QTEST_MAIN(TestEscape)
#include "tst_escape.moc"
