// SPDX-License-Identifier: MIT
// The GUI's C++ side against a real local stack: LocalStack supervises a real `sluiced --devnet`
// (short challenge period), the dev-fixture wallet unlocks, WalletSession connects, and the
// controllers drive a deposit and a withdrawal through to finalization: OverviewController sees
// the L2 balance, TransfersModel walks the steps and offers finalize exactly when possible,
// BatchesModel shows batches verified by this wallet, the activity journal records it all.
// Skipped when no sluiced/anvil is known (SLUICED_PATH from the build, or SLUICE_SLUICED).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTcpServer>

#include "activitymodel.h"
#include "appcontext.h"
#include "batchesmodel.h"
#include "bridgecontroller.h"
#include "overviewcontroller.h"
#include "sendcontroller.h"
#include "settingscontroller.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/network_config.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

using namespace sluice;

namespace {
int freePort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Waits on `signal` until `done()` holds; generous limit, it is never the assertion itself.
template <typename Obj, typename Sig, typename Pred>
bool waitUntil(Obj* object, Sig signal, Pred done, int ms = 90000) {
    QSignalSpy spy(object, signal);
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > ms) return false;
        spy.wait(1000);
    }
    return true;
}
}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void depositWithdrawFinalize();
    void sendOnL2IsOneHistory();
    void devAccountFundsAWalletAccount();  // before customEndpointsAreChecked: needs the manifest's network
    void customEndpointsAreChecked();
    void fraudIsDetectedAndProvenByTheWallet();
    void resetRemovesTheDeletedChainsHistory();  // last: it ends the session

private:
    QTemporaryDir m_dir;
    LocalStack* m_stack = nullptr;
};

void TestSession::initTestCase() {
    QString sluiced = qEnvironmentVariable("SLUICE_SLUICED");
#ifdef SLUICED_PATH
    if (sluiced.isEmpty()) sluiced = QStringLiteral(SLUICED_PATH);
#endif
    if (sluiced.isEmpty() || !QFileInfo(sluiced).isExecutable())
        QSKIP("no sluiced (build the sluiced target or set SLUICE_SLUICED)");
#ifdef ANVIL_PATH
    if (qEnvironmentVariableIsEmpty("SLUICE_ANVIL")) qputenv("SLUICE_ANVIL", ANVIL_PATH);
#endif
    AppOptions options;
    options.dataDir = m_dir.filePath(QStringLiteral("wallet"));
    options.devFixture = true;
    options.autoUnlock = true;
    AppContext::configure(options);
    auto* context = AppContext::instance();
    QVERIFY(waitUntil(context->store(), &WalletStore::unlockedChanged,
                      [&] { return context->unlocked() && context->store()->accounts().size() >= 3; }));

    m_stack = new LocalStack(m_dir.filePath(QStringLiteral("devnet")), this);
    m_stack->setProgram(sluiced);
    m_stack->setExtraArguments({QStringLiteral("--challenge-period"), QStringLiteral("8"), QStringLiteral("--l1-port"),
                                QString::number(freePort()), QStringLiteral("--l2-port"), QString::number(freePort())});
    m_stack->start();
    QVERIFY(waitUntil(m_stack, &LocalStack::stateChanged, [&] {
        return m_stack->state() == LocalStack::State::Running || m_stack->state() == LocalStack::State::Failed;
    }));
    QVERIFY2(m_stack->isRunning(), qPrintable(m_stack->problem() + QLatin1Char('\n') + m_stack->log()->text()));

    std::optional<Result<CheckedNetwork>> checked;
    checkNetwork(*m_stack->network(), this, [&](Result<CheckedNetwork> r) { checked = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY2(checked->ok(), checked->ok() ? "" : checked->message().c_str());
    QCOMPARE(checked->value().params.challengePeriod, quint64(8));
    WalletSession::instance()->connectTo(checked->value().config, checked->value().params);
    QVERIFY(WalletSession::instance()->isReady());
    QCOMPARE(WalletSession::instance()->challengePeriodSeconds(), 8);
}

void TestSession::cleanupTestCase() {
    delete WalletSession::existing();
    if (m_stack) m_stack->stopAndWait();
    AppContext::shutdown();
}

void TestSession::depositWithdrawFinalize() {
    auto* session = WalletSession::instance();
    OverviewController overview;
    BridgeController bridge;
    BatchesModel batches;
    ActivityModel activity;
    activity.setSharedSource(true);

    // Heads arrive from both layers.
    QVERIFY(waitUntil(session, &WalletSession::headsChanged, [&] { return !session->l1Head().isEmpty(); }));

    // Deposit 2 ETH from account 0 (anvil's first funded account) to itself.
    bridge.setAccount(QStringLiteral("0"));
    bridge.setDirection(BridgeController::Direction::Deposit);
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }));
    bridge.setAmount(QStringLiteral("2"));
    QVERIFY2(bridge.canSubmit(), qPrintable(bridge.amountError()));
    QSignalSpy submitted(&bridge, &BridgeController::submitted);
    bridge.submit();
    QVERIFY(bridge.submitting());
    QVERIFY2(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }), "deposit hangs");
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    QCOMPARE(submitted.count(), 1);
    auto* transfers = bridge.transfers();
    QVERIFY(transfers->rowCount() >= 1);

    // Credited on L2: the tracker's last step and the overview's L2 balance.
    auto statuses = [&] {
        QStringList out;
        for (int row = 0; row < transfers->rowCount(); ++row)
            out << transfers->data(transfers->index(row), TransfersModel::KindRole).toString() + QLatin1Char('=') +
                       transfers->data(transfers->index(row), TransfersModel::StatusRole).toString();
        return out.join(QLatin1Char(' '));
    };
    QVERIFY2(waitUntil(session, &WalletSession::nowChanged, [&] {
                 session->bridge()->refresh();
                 return transfers->data(transfers->index(0), TransfersModel::StatusRole).toString() == QLatin1String("credited");
             }),
             qPrintable(statuses()));
    QVERIFY2(waitUntil(&overview, &OverviewController::totalsChanged, [&] {
                 overview.refresh();
                 return overview.totalL2() == QLatin1String("2");
             }),
             qPrintable(QStringLiteral("total on L2: ") + overview.totalL2()));

    // Withdraw 0.5 ETH: initiated -> posted/in window (countdown) -> ready -> finalized.
    bridge.setDirection(BridgeController::Direction::Withdraw);
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return bridge.available() == QLatin1String("2"); }));
    bridge.setAmount(QStringLiteral("0.5"));
    QVERIFY2(bridge.canSubmit(), qPrintable(bridge.amountError()));
    bridge.submit();
    QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }));
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    const QString key = bridge.lastTxHash();
    auto rowOf = [&] {
        for (int row = 0; row < transfers->rowCount(); ++row)
            if (transfers->data(transfers->index(row), TransfersModel::KeyRole).toString() == key) return row;
        return -1;
    };
    QVERIFY(rowOf() >= 0);
    QCOMPARE(transfers->data(transfers->index(rowOf()), TransfersModel::KindRole).toString(), QStringLiteral("withdrawal"));
    QVERIFY(!transfers->canFinalize(key));
    QSignalSpy ready(session, &WalletSession::withdrawalReady);
    QVERIFY2(waitUntil(session, &WalletSession::nowChanged, [&] {
                 session->bridge()->refresh();
                 return transfers->canFinalize(key);
             }, 120000),
             qPrintable(transfers->data(transfers->index(rowOf()), TransfersModel::StatusRole).toString()));
    QVERIFY(!transfers->data(transfers->index(rowOf()), TransfersModel::FinalAtRole).toString().isEmpty());
    QSignalSpy finalized(&bridge, &BridgeController::finalized);
    bridge.finalize(key);
    QVERIFY(finalized.wait(60000) || finalized.count() == 1);
    QVERIFY(waitUntil(transfers, &QAbstractItemModel::dataChanged, [&] {
        session->bridge()->refresh();
        return transfers->data(transfers->index(rowOf()), TransfersModel::StatusRole).toString() == QLatin1String("finalized");
    }));
    QVERIFY(!transfers->canFinalize(key));

    // Batches: posted, re-executed by this wallet from L1 alone, no fraud.
    QVERIFY(waitUntil(session, &WalletSession::verificationChanged, [&] { return session->verifiedBatches() > 0; }));
    QVERIFY(session->fundsVerified());
    QVERIFY(!session->fraudDetected());
    QVERIFY(waitUntil(&batches, &QAbstractItemModel::dataChanged, [&] {
        batches.refresh();
        return batches.rowCount() > 0 && batches.data(batches.index(batches.rowCount() - 1), BatchesModel::VerifiedRole).toBool();
    }));

    // One history, one row per transfer: the deposit (credited) and the withdrawal (finalized),
    // each updated in place through every status, never a second row for a later status, the
    // finalizing L1 transaction or the block scanner seeing the same transaction.
    auto rows = [&] {
        QStringList out;
        for (int row = 0; row < activity.rowCount(); ++row) {
            const auto e = activity.entry(row);
            out << QStringLiteral("%1/%2/%3/%4").arg(e.layer, e.kind, e.txHash.left(10), e.status);
        }
        return out.join(QLatin1Char(' '));
    };
    QString depositKey;
    for (int row = 0; row < transfers->rowCount(); ++row)
        if (transfers->data(transfers->index(row), TransfersModel::KindRole).toString() == QLatin1String("deposit"))
            depositKey = transfers->data(transfers->index(row), TransfersModel::KeyRole).toString();
    QVERIFY(!depositKey.isEmpty());
    QVERIFY2(waitUntil(session, &WalletSession::nowChanged, [&] {
        int withdrawals = 0, deposits = 0;
        for (int row = 0; row < activity.rowCount(); ++row) {
            const auto e = activity.entry(row);
            if (e.txHash.compare(key, Qt::CaseInsensitive) == 0) {
                ++withdrawals;
                if (e.status != QLatin1String("finalized")) return false;
            }
            if (e.txHash.compare(depositKey, Qt::CaseInsensitive) == 0) {
                ++deposits;
                if (e.status != QLatin1String("credited")) return false;
            }
        }
        return withdrawals == 1 && deposits == 1;
    }, 30000), qPrintable(QStringLiteral("deposit %1, withdrawal %2: %3").arg(depositKey, key, rows())));
    int bridgeRows = 0;
    for (int row = 0; row < activity.rowCount(); ++row) {
        const QString kind = activity.entry(row).kind;
        bridgeRows += kind == QLatin1String("deposit") || kind == QLatin1String("withdrawal");
    }
    QVERIFY2(bridgeRows == transfers->rowCount(), qPrintable(rows()));
}

void TestSession::sendOnL2IsOneHistory() {
    auto* session = WalletSession::instance();
    ActivityModel activity;
    activity.setSharedSource(true);
    SendController send;
    send.setLayer(SendController::Layer::L2);
    send.setAccount(QStringLiteral("0"));
    QVERIFY(waitUntil(&send, &SendController::balanceChanged, [&] { return !send.balance().isEmpty(); }));
    const QString to = AppContext::instance()->store()->accounts().at(1).address;
    send.setRecipient(to.toLower());  // all lower case: valid without a checksum
    QVERIFY(send.recipientError().isEmpty());
    send.setAmount(QStringLiteral("0.1"));
    QVERIFY2(send.canReview(), qPrintable(send.amountError()));
    send.review();
    QVERIFY(waitUntil(&send, &SendController::stateChanged, [&] { return send.state() != SendController::State::Preparing; }));
    QCOMPARE(send.state(), SendController::State::Review);
    QVERIFY(!send.fee().isEmpty());
    QVERIFY(send.total() != QLatin1String("0.1"));  // amount + fee
    send.confirm();
    QVERIFY(waitUntil(&send, &SendController::stateChanged, [&] {
        return send.state() == SendController::State::Sent || send.state() == SendController::State::Failed;
    }));
    QVERIFY2(send.state() == SendController::State::Sent, qPrintable(send.error()));
    // The send (recorded by the controller) and the receive (seen in the L2 block) under one hash.
    const QString hash = send.txHash();
    QVERIFY(waitUntil(session, &WalletSession::l2NewHead, [&] {
        bool sent = false, received = false;
        for (int row = 0; row < activity.rowCount(); ++row) {
            if (activity.data(activity.index(row), ActivityModel::TxHashRole).toString().compare(hash, Qt::CaseInsensitive)) continue;
            const QString kind = activity.data(activity.index(row), ActivityModel::KindRole).toString();
            sent |= kind == QLatin1String("send");
            received |= kind == QLatin1String("receive") &&
                        activity.data(activity.index(row), ActivityModel::AccountRole).toString() == to;
        }
        return sent && received;
    }, 60000));
}

// One click on the local devnet: a dev account pays exactly devFundingAmount ETH on L1 to the
// wallet's account, which pays nothing for it.
void TestSession::devAccountFundsAWalletAccount() {
    auto* session = WalletSession::instance();
    QVERIFY(session->canFundFromDevAccount());
    const auto account = AppContext::instance()->store()->accounts().at(2);
    const Address address = *parse_address(account.address.toStdString());
    auto balance = [&] {
        std::optional<U256> out;
        session->l1()->balance(address, this, [&](RpcResult<U256> b) { out = b.ok() ? b.value() : U256(0); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 30000); }();
        return out.value_or(U256(0));
    };
    const U256 before = balance();
    QSignalSpy finished(session, &WalletSession::fundingFinished);
    session->fundFromDevAccount(account.index);
    QVERIFY(session->funding());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!session->funding());
    QCOMPARE(balance() - before, parse_amount(WalletSession::devFundingAmount().toStdString()).value());
}

void TestSession::customEndpointsAreChecked() {
    auto* session = WalletSession::instance();
    SettingsController settings;
    const NetworkConfig local = *m_stack->network();
    const QString l1 = local.l1Rpc.toString(), l2 = local.l2Rpc.toString();
    const QString rollup = QString::fromStdString(local.rollup.hex());
    auto apply = [&](const QString& a, const QString& b, const QString& c) {
        settings.applyCustomNetwork(a, b, c);
        return waitUntil(&settings, &SettingsController::networkChanged, [&] { return !settings.checkingNetwork(); }, 60000);
    };
    // An account, not a contract.
    QVERIFY(apply(l1, l2, QStringLiteral("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")));
    QVERIFY2(settings.networkError().contains(QStringLiteral("no contract")), qPrintable(settings.networkError()));
    // The L1 given as the L2.
    QVERIFY(apply(l1, l1, rollup));
    QVERIFY2(settings.networkError().contains(QStringLiteral("same chain id")), qPrintable(settings.networkError()));
    QCOMPARE(settings.networkMode(), QStringLiteral("local"));  // nothing saved while wrong
    // Right: saved, and the session reconnects through the custom endpoints.
    QSignalSpy saved(&settings, &SettingsController::saved);
    QVERIFY(apply(l1, l2, rollup));
    QVERIFY2(settings.networkError().isEmpty(), qPrintable(settings.networkError()));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(settings.networkMode(), QStringLiteral("custom"));
    QVERIFY(waitUntil(session, &WalletSession::stateChanged, [&] { return session->isReady(); }, 60000));
    QCOMPARE(session->networkMode(), QStringLiteral("custom"));
    QCOMPARE(session->l2RpcUrl(), l2);
}

void TestSession::fraudIsDetectedAndProvenByTheWallet() {
    auto* session = WalletSession::instance();
    LocalStack cheating(m_dir.filePath(QStringLiteral("devnet-fault")));
    cheating.setProgram(m_stack->program());
    cheating.setExtraArguments({QStringLiteral("--challenge-period"), QStringLiteral("120"), QStringLiteral("--l1-port"),
                                QString::number(freePort()), QStringLiteral("--l2-port"), QString::number(freePort()),
                                QStringLiteral("--fault"), QStringLiteral("wrong-root")});
    cheating.start();
    QVERIFY(waitUntil(&cheating, &LocalStack::stateChanged, [&] {
        return cheating.state() == LocalStack::State::Running || cheating.state() == LocalStack::State::Failed;
    }));
    QVERIFY2(cheating.isRunning(), qPrintable(cheating.problem()));
    std::optional<Result<CheckedNetwork>> checked;
    checkNetwork(*cheating.network(), this, [&](Result<CheckedNetwork> r) { checked = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY(checked->ok());
    session->connectTo(checked->value().config, checked->value().params);

    BatchesModel batches;
    BridgeController bridge;
    QSignalSpy found(session, &WalletSession::fraudFound);
    bridge.setAccount(QStringLiteral("2"));
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }));
    bridge.setAmount(QStringLiteral("1"));
    bridge.submit();
    QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }));
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));

    // The proposer lies about the first batch's root; this wallet's own re-execution says so.
    QVERIFY(waitUntil(session, &WalletSession::verificationChanged, [&] { return session->fraudDetected(); }, 120000));
    QVERIFY(found.count() >= 1);
    QVERIFY(!session->fundsVerified());
    QVERIFY(waitUntil(&batches, &BatchesModel::fraudChanged, [&] { return batches.fraudDetected(); }));
    const int bad = batches.fraudBatch().toInt();

    // Account 1 (funded on L1) sends the one-round proof the replica built.
    batches.setProverAccount(QStringLiteral("1"));
    batches.submitFraudProof(bad);
    QVERIFY(batches.proving());
    QVERIFY(waitUntil(&batches, &BatchesModel::provingChanged, [&] { return !batches.proving(); }, 120000));
    QVERIFY2(batches.proofError().isEmpty(), qPrintable(batches.proofError()));
    QVERIFY(!batches.proofTxHash().isEmpty());
    // Reverted, then the honest records re-posted and verified: no fraud left.
    QVERIFY(waitUntil(session, &WalletSession::verificationChanged, [&] {
        return !session->fraudDetected() && session->verifiedBatches() > 0;
    }, 180000));
    delete WalletSession::existing();  // drop the services before this network goes away
    cheating.stopAndWait();
}

// Settings › Reset deletes the local chain; the new one deploys its Rollup at the same address,
// so the bridge history and activity journal named by that address must go too (not the wallet).
void TestSession::resetRemovesTheDeletedChainsHistory() {
    auto* session = WalletSession::instance();
    const QString dataDir = AppContext::instance()->store()->dataDir();
    // Let the session's supervised stack own this devnet's manifest (same Rollup address).
    const QString supervised = QDir(dataDir).filePath(QStringLiteral("devnet"));
    QVERIFY(QDir().mkpath(supervised));
    QFile::remove(supervised + QStringLiteral("/devnet.json"));
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("devnet/devnet.json")), supervised + QStringLiteral("/devnet.json")));
    auto config = loadDevnetManifest(supervised + QStringLiteral("/devnet.json"));
    QVERIFY(config.ok());
    const QString bridgeFile = BridgeService::storePathFor(dataDir, config.value());
    const QString journal = QDir(dataDir).filePath(QStringLiteral("activity-%1.json").arg(config.value().key()));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(bridgeFile) && QFile::exists(journal), 30000);  // this session's history

    session->resetLocalStack();
    QVERIFY(!QFile::exists(bridgeFile));
    QVERIFY(!QFile::exists(journal));
    QVERIFY(AppContext::instance()->store()->exists());
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
