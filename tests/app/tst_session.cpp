// SPDX-License-Identifier: MIT
// The GUI's C++ side against a real local stack: LocalStack supervises a real `sluiced --devnet`
// (short challenge period), the dev-fixture wallet unlocks, WalletSession connects, and the
// controllers drive a deposit and a withdrawal through to finalization: OverviewController sees
// the L2 balance, TransfersModel walks the steps and offers finalize exactly when possible,
// BatchesModel shows batches verified by this wallet, the activity journal records it all. A
// second devnet at the same Rollup address, and a reset, keep each chain's history to itself.
// Skipped when no sluiced/anvil is known (SLUICED_PATH from the build, or SLUICE_SLUICED).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "activity/activitymodel.h"
#include "appcontext.h"
#include "batches/batchesmodel.h"
#include "bridge/bridgecontroller.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "dev/devtools.h"
#include "overview/overviewcontroller.h"
#include "prerequisite.hpp"
#include "review_approver.h"
#include "sendreceive/sendcontroller.h"
#include "services/bridge/bridge_service.hpp"
#include "services/bridge/deployment.hpp"
#include "services/bridge/network_config.hpp"
#include "services/channels/channel_wallet.hpp"
#include "services/rpc/eth_client.hpp"
#include "services/rpc/rpc_client.hpp"
#include "services/wallet/walletstore.h"
#include "settings/settingscontroller.h"
#include "wait_until.h"
#include "walletsession.h"
#include "wire_stores.h"

using namespace sluice;

namespace {

// A tracker row's kind, as the activity journal names it.
QString kindName(const QVariant& kind) {
    return TransfersModel::Kind(kind.toInt()) == TransfersModel::Kind::Deposit ? QStringLiteral("deposit")
                                                                               : QStringLiteral("withdrawal");
}
int freePort() {
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// eth_getBalance through the app's own client (0 if the node does not answer within 30 s).
U256 balanceOn(EthClient* eth, const Address& address) {
    std::optional<U256> out;
    QObject context;
    eth->balance(address, &context, [&](RpcResult<U256> b) { out = b.ok() ? b.value() : U256(0); });
    QElapsedTimer clock;
    clock.start();
    while (!out && clock.elapsed() < 30000) QTest::qWait(20);
    return out.value_or(U256(0));
}

// The bridge of the session's network, as the pages reach it (null while not connected).
BridgeService* bridgeService() { return AppContext::instance()->bridge()->service(); }
}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void depositWithdrawFinalize();
    void sendOnL2IsOneHistory();
    void withdrawalThroughL1();
    void sendThroughL1();
    void devAccountFundsAWalletAccount();  // before customEndpointsAreChecked: needs the manifest's network
    void customEndpointsAreChecked();
    void secondChainAtTheSameAddressHasItsOwnHistory();
    void fraudIsDetectedAndProvenByTheWallet();
    void resetRemovesTheDeletedChainsHistory();  // last: it leaves the session on a new local chain

private:
    QTemporaryDir m_dir;
    LocalStack* m_stack = nullptr;
};

void TestSession::initTestCase() {
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
    WalletSessionTestAccess::connectTo(checked->value().config, checked->value().params);
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
    wireStores(overview);
    BridgeController bridge;
    wireStores(bridge);
    ReviewApprover reviewer(bridge.review());
    BatchesModel batches;
    wireStores(batches);
    ActivityModel activity;
    wireStores(activity);

    // Heads arrive from both layers.
    QVERIFY(waitUntil(session, &WalletSession::headsChanged, [&] { return !session->l1Head().isEmpty(); }));

    // Deposit 2 ETH from account 0 (anvil's first funded account) to itself.
    bridge.setAccount(QStringLiteral("0"));
    bridge.setDirection(BridgeController::Direction::Deposit);
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }));
    bridge.setAmount(QStringLiteral("2"));
    QVERIFY2(bridge.canSubmit(), qPrintable(bridge.amountError()));
    QSignalSpy submitted(&bridge, &BridgeController::submitted);
    // Issue 10, item 2: declined at its review, the deposit is neither signed nor an error.
    reviewer.decline = true;
    bridge.submit();
    QVERIFY2(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }),
             "deposit hangs");
    QCOMPARE(reviewer.shown.size(), 1);
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    QCOMPARE(submitted.count(), 0);
    QCOMPARE(bridge.transfers()->rowCount(), 0);
    reviewer.decline = false;
    bridge.setAmount(QStringLiteral("2"));
    bridge.submit();
    QVERIFY(bridge.submitting());
    QVERIFY2(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }),
             "deposit hangs");
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    QCOMPARE(submitted.count(), 1);
    // What the review showed: the L1 chain, the amount as parsed, the account itself as recipient.
    const QString account0 = AppContext::instance()->store()->accounts().at(0).address;
    const QString l1Chain = QString::number(session->params().l1ChainId);
    QCOMPARE(reviewer.shown.size(), 2);
    QVERIFY2(reviewer.shown.last().startsWith(
                 QStringLiteral("L1 chain %1: 2 ETH to %2, total at most 2.").arg(l1Chain, account0)),
             qPrintable(reviewer.shown.last()));
    auto* transfers = bridge.transfers();
    QVERIFY(transfers->rowCount() >= 1);

    // Credited on L2: the tracker's last step and the overview's L2 balance.
    auto statuses = [&] {
        QStringList out;
        for (int row = 0; row < transfers->rowCount(); ++row)
            out << kindName(transfers->data(transfers->index(row), TransfersModel::KindRole)) + QLatin1Char('=') +
                       TransfersModel::code(TransfersModel::Stage(
                           transfers->data(transfers->index(row), TransfersModel::StatusRole).toInt()));
        return out.join(QLatin1Char(' '));
    };
    QVERIFY2(waitUntil(session, &WalletSession::nowChanged,
                       [&] {
                           bridgeService()->refresh();
                           return TransfersModel::code(TransfersModel::Stage(
                                      transfers->data(transfers->index(0), TransfersModel::StatusRole).toInt())) ==
                                  QLatin1String("credited");
                       }),
             qPrintable(statuses()));
    QVERIFY2(waitUntil(&overview, &OverviewController::totalsChanged,
                       [&] {
                           overview.refresh();
                           return overview.totalL2() == QLatin1String("2");
                       }),
             qPrintable(QStringLiteral("total on L2: ") + overview.totalL2()));

    // Withdraw 0.5 ETH: initiated -> posted/in window (countdown) -> ready -> finalized.
    bridge.setDirection(BridgeController::Direction::Withdraw);
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged,
                      [&] { return bridge.available() == QLatin1String("2"); }));
    bridge.setAmount(QStringLiteral("0.5"));
    QVERIFY2(bridge.canSubmit(), qPrintable(bridge.amountError()));
    bridge.submit();
    QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }));
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    // Reviewed on L2 at the protocol's base fee: 0.5 ETH plus at most TRANSFER_GAS x 1 gwei.
    QCOMPARE(reviewer.shown.last(), QStringLiteral("L2 chain %1: 0.5 ETH to %2, total at most 0.500021")
                                        .arg(QString::number(session->params().l2SigningChainId()), account0));
    const QString key = bridge.lastTxHash();
    auto rowOf = [&] {
        for (int row = 0; row < transfers->rowCount(); ++row)
            if (transfers->data(transfers->index(row), TransfersModel::KeyRole).toString() == key) return row;
        return -1;
    };
    QVERIFY(rowOf() >= 0);
    QCOMPARE(kindName(transfers->data(transfers->index(rowOf()), TransfersModel::KindRole)),
             QStringLiteral("withdrawal"));
    QVERIFY(!transfers->canFinalize(key));
    QSignalSpy ready(AppContext::instance()->bridge(), &BridgeStore::withdrawalReady);
    QVERIFY2(waitUntil(
                 session, &WalletSession::nowChanged,
                 [&] {
                     bridgeService()->refresh();
                     return transfers->canFinalize(key);
                 },
                 120000),
             qPrintable(TransfersModel::code(TransfersModel::Stage(
                 transfers->data(transfers->index(rowOf()), TransfersModel::StatusRole).toInt()))));
    QVERIFY(!transfers->data(transfers->index(rowOf()), TransfersModel::FinalAtRole).toString().isEmpty());
    QSignalSpy finalized(&bridge, &BridgeController::finalized);
    bridge.finalize(key);
    QVERIFY(finalized.wait(60000) || finalized.count() == 1);
    // The finalize call sends no value but pays out the withdrawal: that is the amount reviewed.
    QVERIFY2(reviewer.shown.last().startsWith(
                 QStringLiteral("L1 chain %1: 0.5 ETH to %2, total at most 0.").arg(l1Chain, account0)),
             qPrintable(reviewer.shown.last()));
    QVERIFY(waitUntil(transfers, &QAbstractItemModel::dataChanged, [&] {
        bridgeService()->refresh();
        return TransfersModel::code(TransfersModel::Stage(
                   transfers->data(transfers->index(rowOf()), TransfersModel::StatusRole).toInt())) ==
               QLatin1String("finalized");
    }));
    QVERIFY(!transfers->canFinalize(key));

    // Batches: posted, re-executed by this wallet from L1 alone, no fraud.
    QVERIFY(waitUntil(AppContext::instance()->verification(), &VerificationStore::changed,
                      [&] { return AppContext::instance()->verification()->verifiedBatches() > 0; }));
    QVERIFY(AppContext::instance()->verification()->fundsVerified());
    QVERIFY(!AppContext::instance()->verification()->fraudDetected());
    QVERIFY(waitUntil(&batches, &QAbstractItemModel::dataChanged, [&] {
        batches.refresh();
        return batches.rowCount() > 0 &&
               batches.data(batches.index(batches.rowCount() - 1), BatchesModel::VerifiedRole).toBool();
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
        if (kindName(transfers->data(transfers->index(row), TransfersModel::KindRole)) == QLatin1String("deposit"))
            depositKey = transfers->data(transfers->index(row), TransfersModel::KeyRole).toString();
    QVERIFY(!depositKey.isEmpty());
    QVERIFY2(waitUntil(
                 session, &WalletSession::nowChanged,
                 [&] {
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
                 },
                 30000),
             qPrintable(QStringLiteral("deposit %1, withdrawal %2: %3").arg(depositKey, key, rows())));
    int bridgeRows = 0;
    for (int row = 0; row < activity.rowCount(); ++row) {
        const QString kind = activity.entry(row).kind;
        bridgeRows += kind == QLatin1String("deposit") || kind == QLatin1String("withdrawal");
    }
    QVERIFY2(bridgeRows == transfers->rowCount(), qPrintable(rows()));
}

// The Bridge page's "Send through L1" (forced inclusion, PROTOCOL §4.5): the signed withdrawal is
// queued with Rollup.forceTransaction, the sequencer applies it from the L1 queue, and the wallet
// tracks it like any withdrawal, under its L2 transaction hash.
void TestSession::withdrawalThroughL1() {
    auto* session = WalletSession::instance();
    BridgeController bridge;
    wireStores(bridge);
    ReviewApprover reviewer(bridge.review());
    auto* transfers = bridge.transfers();
    bridge.setAccount(QStringLiteral("0"));
    bridge.setDirection(BridgeController::Direction::Withdraw);
    QVERIFY(!bridge.inclusionDelay().isEmpty());  // the deposit delay, read from the chain
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }));
    const Address address = *parse_address(AppContext::instance()->store()->accounts().at(0).address.toStdString());
    auto l2Balance = [&] { return balanceOn(session->l2Eth(), address); };
    const U256 before = l2Balance();
    bridge.setThroughL1(true);
    bridge.setAmount(QStringLiteral("0.25"));
    QVERIFY2(bridge.canSubmit(), qPrintable(bridge.amountError()));
    bridge.submit();
    QVERIFY2(waitUntil(
                 &bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }, 60000),
             "the forced withdrawal hangs");
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));
    // Two transactions, two reviews: the L2 withdrawal, then the L1 call that queues it.
    QCOMPARE(reviewer.shown.size(), 2);
    QVERIFY2(reviewer.shown.at(0).startsWith(QStringLiteral("L2 ")) &&
                 reviewer.shown.at(1).startsWith(QStringLiteral("L1 ")),
             qPrintable(reviewer.shown.join(QLatin1Char('\n'))));
    const QString key = bridge.lastTxHash();
    QVERIFY(key.startsWith(QLatin1String("0x")) && key.size() == 66);
    auto kindOf = [&]() -> QString {
        for (int row = 0; row < transfers->rowCount(); ++row)
            if (transfers->data(transfers->index(row), TransfersModel::KeyRole)
                    .toString()
                    .compare(key, Qt::CaseInsensitive) == 0)
                return kindName(transfers->data(transfers->index(row), TransfersModel::KindRole));
        return {};
    };
    QVERIFY2(waitUntil(
                 session, &WalletSession::nowChanged,
                 [&] {
                     bridgeService()->refresh();
                     return kindOf() == QLatin1String("withdrawal");
                 },
                 60000),
             "the sequencer never applied the forced withdrawal");
    // Debited on L2 by the amount and at most one transfer's fee (TRANSFER_GAS × the max fee; the
    // devnet's account 0 is also the fee recipient, so its fee comes back to it).
    const U256 spent = before - l2Balance();
    const U256 amount = *parse_amount("0.25");
    QVERIFY2(spent >= amount && spent - amount <= U256(21000) * U256(100'000'000'000ULL),
             qPrintable(QString::fromStdString(u256_to_dec(spent))));
}

// The Send page's "Send through L1" for an L2 transfer: reviewed like any send, queued on L1 with
// Rollup.forceTransaction, applied by the sequencer from the L1 queue; the recipient gets exactly
// the amount, and the L2 hash the page shows is the applied transaction's.
void TestSession::sendThroughL1() {
    auto* session = WalletSession::instance();
    SendController send;
    wireStores(send);
    ReviewApprover l1Reviewer(send.l1Review());
    send.setLayer(SendController::Layer::L2);
    send.setAccount(QStringLiteral("0"));
    send.setThroughL1(true);
    QVERIFY(waitUntil(&send, &SendController::balanceChanged, [&] { return !send.balance().isEmpty(); }));
    const QString to = AppContext::instance()->store()->accounts().at(1).address;
    const Address recipient = *parse_address(to.toStdString());
    const U256 before = balanceOn(session->l2Eth(), recipient);
    send.setRecipient(to);
    send.setAmount(QStringLiteral("0.05"));
    QVERIFY2(send.canReview(), qPrintable(send.amountError()));
    send.review();
    QVERIFY(waitUntil(&send, &SendController::stateChanged,
                      [&] { return send.state() != SendController::State::Preparing; }));
    QCOMPARE(send.state(), SendController::State::Review);
    send.confirm();
    QVERIFY(waitUntil(
        &send, &SendController::stateChanged,
        [&] { return send.state() == SendController::State::Sent || send.state() == SendController::State::Failed; },
        60000));
    QVERIFY2(send.state() == SendController::State::Sent, qPrintable(send.error()));
    QCOMPARE(l1Reviewer.shown.size(), 1);  // the L1 transaction that queues the reviewed payment
    QVERIFY2(l1Reviewer.shown.first().startsWith(
                 QStringLiteral("L1 chain %1: 0.05 ETH to %2").arg(session->params().l1ChainId).arg(to)),
             qPrintable(l1Reviewer.shown.first()));
    const Hash hash = *Hash::from_view(*from_hex(send.txHash().toStdString()));
    std::optional<TransactionReceipt> receipt;
    QObject polling;  // destroyed first: no late answer writes to `receipt`
    QVERIFY2(waitUntil(
                 session, &WalletSession::l2NewHead,
                 [&] {
                     session->l2Eth()->transactionReceipt(hash, &polling,
                                                          [&](RpcResult<std::optional<TransactionReceipt>> r) {
                                                              if (r.ok() && r.value()) receipt = *r.value();
                                                          });
                     return receipt.has_value();
                 },
                 60000),
             "the sequencer never applied the forced transfer");
    QVERIFY(receipt->success);
    QCOMPARE(balanceOn(session->l2Eth(), recipient) - before, *parse_amount("0.05"));
}

void TestSession::sendOnL2IsOneHistory() {
    auto* session = WalletSession::instance();
    ActivityModel activity;
    wireStores(activity);
    SendController send;
    wireStores(send);
    send.setLayer(SendController::Layer::L2);
    send.setAccount(QStringLiteral("0"));
    QVERIFY(waitUntil(&send, &SendController::balanceChanged, [&] { return !send.balance().isEmpty(); }));
    const QString to = AppContext::instance()->store()->accounts().at(1).address;
    send.setRecipient(to.toLower());  // all lower case: valid without a checksum
    QVERIFY(send.recipientError().isEmpty());
    send.setAmount(QStringLiteral("0.1"));
    QVERIFY2(send.canReview(), qPrintable(send.amountError()));
    send.review();
    QVERIFY(waitUntil(&send, &SendController::stateChanged,
                      [&] { return send.state() != SendController::State::Preparing; }));
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
    QVERIFY(waitUntil(
        session, &WalletSession::l2NewHead,
        [&] {
            bool sent = false, received = false;
            for (int row = 0; row < activity.rowCount(); ++row) {
                if (activity.data(activity.index(row), ActivityModel::TxHashRole)
                        .toString()
                        .compare(hash, Qt::CaseInsensitive))
                    continue;
                const auto kind =
                    ActivityModel::Kind(activity.data(activity.index(row), ActivityModel::KindRole).toInt());
                sent |= kind == ActivityModel::Kind::Send;
                received |= kind == ActivityModel::Kind::Receive &&
                            activity.data(activity.index(row), ActivityModel::AccountRole).toString() == to;
            }
            return sent && received;
        },
        60000));
}

// One click on the local devnet: a dev account pays exactly DevFunding::amount() ETH on L1 to the
// wallet's account, which pays nothing for it.
void TestSession::devAccountFundsAWalletAccount() {
    auto* session = WalletSession::instance();
    QVERIFY(session->devFunding()->available());
    const auto account = AppContext::instance()->store()->accounts().at(2);
    const Address address = *parse_address(account.address.toStdString());
    auto balance = [&] { return balanceOn(session->l1(), address); };
    const U256 before = balance();
    QSignalSpy finished(session->devFunding(), &DevFunding::finished);
    session->devFunding()->fund(account.index);
    QVERIFY(session->devFunding()->busy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!session->devFunding()->busy());
    QCOMPARE(balance() - before, parse_amount(DevFunding::amount().toStdString()).value());
}

void TestSession::customEndpointsAreChecked() {
    auto* session = WalletSession::instance();
    SettingsController settings;
    wireStores(settings);
    const NetworkConfig local = *m_stack->network();
    const QString l1 = local.l1Rpc.toString(), l2 = local.l2Rpc.toString();
    const QString rollup = QString::fromStdString(local.rollup.hex());
    auto apply = [&](const QString& a, const QString& b, const QString& c) {
        settings.applyCustomNetwork(a, b, c);
        return waitUntil(
            &settings, &SettingsController::networkChanged, [&] { return !settings.checkingNetwork(); }, 60000);
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
    QVERIFY(waitUntil(
        session, &WalletSession::stateChanged, [&] { return session->isReady(); }, 60000));
    QCOMPARE(session->networkMode(), QStringLiteral("custom"));
    QCOMPARE(session->l2RpcUrl(), l2);
}

// Issue 15: a fresh devnet deploys its Rollup at the address of the one before, and the history
// was named by that address. Switched to the new chain, the wallet's pages hold none of the first
// chain's transfers; the same account and another one deposit, withdraw and finalize there, each
// withdrawal paid exactly once; back on the first chain, its history is as it was, without the
// second chain's.
void TestSession::secondChainAtTheSameAddressHasItsOwnHistory() {
    auto* session = WalletSession::instance();
    SettingsController settings;
    wireStores(settings);
    ActivityModel activity;
    wireStores(activity);
    const NetworkConfig first = *m_stack->network();
    auto switchTo = [&](const NetworkConfig& network) {
        settings.applyCustomNetwork(network.l1Rpc.toString(), network.l2Rpc.toString(),
                                    QString::fromStdString(network.rollup.hex()));
        return waitUntil(
            session, &WalletSession::stateChanged,
            [&] {
                return session->isReady() && session->l2RpcUrl() == network.l2Rpc.toString() &&
                       bridgeService()->isLoaded();
            },
            60000);
    };
    auto transferKeys = [](const TransfersModel* transfers) {
        QSet<QString> keys;
        for (int row = 0; row < transfers->rowCount(); ++row)
            keys << transfers->data(transfers->index(row), TransfersModel::KeyRole).toString().toLower();
        return keys;
    };
    auto activityHashes = [&] {
        QSet<QString> hashes;
        for (int row = 0; row < activity.rowCount(); ++row) hashes << activity.entry(row).txHash.toLower();
        return hashes;
    };

    QVERIFY(waitUntil(session, &WalletSession::stateChanged,
                      [&] { return session->isReady() && bridgeService()->isLoaded(); }));
    QCOMPARE(session->l2RpcUrl(), first.l2Rpc.toString());  // customEndpointsAreChecked left it there
    QSet<QString> firstTransfers, firstActivity;
    {
        BridgeController bridge;
        wireStores(bridge);
        ReviewApprover reviewer(bridge.review());
        firstTransfers = transferKeys(bridge.transfers());
        firstActivity = activityHashes();
    }
    QVERIFY2(firstTransfers.size() >= 2, "the first chain's deposit and withdrawal (depositWithdrawFinalize)");

    LocalStack second(m_dir.filePath(QStringLiteral("devnet-second")));
    second.setProgram(m_stack->program());
    second.setExtraArguments({QStringLiteral("--challenge-period"), QStringLiteral("8"), QStringLiteral("--l1-port"),
                              QString::number(freePort()), QStringLiteral("--l2-port"), QString::number(freePort())});
    second.start();
    QVERIFY(waitUntil(&second, &LocalStack::stateChanged, [&] {
        return second.state() == LocalStack::State::Running || second.state() == LocalStack::State::Failed;
    }));
    QVERIFY2(second.isRunning(), qPrintable(second.problem()));
    QCOMPARE(second.network()->rollup, first.rollup);
    QVERIFY(switchTo(*second.network()));
    // Whatever fails below, the tests after this one find the session on the first chain.
    const auto backToFirst = qScopeGuard([&] {
        if (session->l2RpcUrl() != first.l2Rpc.toString()) switchTo(first);
    });

    {
        BridgeController bridge;
        wireStores(bridge);
        ReviewApprover reviewer(bridge.review());
        auto* transfers = bridge.transfers();
        QCOMPARE(transfers->rowCount(), 0);
        QVERIFY(activityHashes().intersect(firstActivity).isEmpty());

        auto submit = [&](const QString& account, BridgeController::Direction direction, const QString& amount) {
            bridge.setAccount(account);
            bridge.setDirection(direction);
            if (!waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }))
                return QStringLiteral("no balance");
            bridge.setAmount(amount);
            if (!bridge.canSubmit()) return bridge.amountError();
            bridge.submit();
            if (!waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }))
                return QStringLiteral("hangs");
            return bridge.error().isEmpty() ? bridge.lastTxHash() : bridge.error();
        };
        auto statusOf = [&](const QString& key) {
            for (int row = 0; row < transfers->rowCount(); ++row)
                if (transfers->data(transfers->index(row), TransfersModel::KeyRole)
                        .toString()
                        .compare(key, Qt::CaseInsensitive) == 0)
                    return TransfersModel::code(TransfersModel::Stage(
                        transfers->data(transfers->index(row), TransfersModel::StatusRole).toInt()));
            return QString();
        };
        auto isTx = [](const QString& text) { return text.startsWith(QLatin1String("0x")) && text.size() == 66; };

        // The first chain's account 0 again (its transactions hash as they did there), and account 2.
        const QString deposit0 = submit(QStringLiteral("0"), BridgeController::Direction::Deposit, QStringLiteral("2"));
        QVERIFY2(isTx(deposit0), qPrintable(deposit0));
        const QString deposit2 = submit(QStringLiteral("2"), BridgeController::Direction::Deposit, QStringLiteral("1"));
        QVERIFY2(isTx(deposit2), qPrintable(deposit2));
        QVERIFY2(waitUntil(session, &WalletSession::nowChanged,
                           [&] {
                               bridgeService()->refresh();
                               return statusOf(deposit0) == QLatin1String("credited") &&
                                      statusOf(deposit2) == QLatin1String("credited");
                           }),
                 qPrintable(statusOf(deposit0) + QLatin1Char('/') + statusOf(deposit2)));
        const QString withdrawal0 =
            submit(QStringLiteral("0"), BridgeController::Direction::Withdraw, QStringLiteral("0.5"));
        QVERIFY2(isTx(withdrawal0), qPrintable(withdrawal0));
        const QString withdrawal2 =
            submit(QStringLiteral("2"), BridgeController::Direction::Withdraw, QStringLiteral("0.25"));
        QVERIFY2(isTx(withdrawal2), qPrintable(withdrawal2));
        // What the wallet knew when the window did not seem to end: its clock (L1's time) against
        // each withdrawal's finalAt, and L1's head as the node answers now.
        auto windowReport = [&] {
            QString report =
                QStringLiteral("session now %1, bridge problem '%2'").arg(session->now()).arg(bridge.error());
            for (const QString& key : {withdrawal0, withdrawal2}) {
                const auto record = bridgeService()->withdrawal(key);
                report += QStringLiteral("; %1: %2, finalAt %3")
                              .arg(key.left(10), statusOf(key))
                              .arg(record ? qint64(record->finalAt) : -1);
            }
            auto head = std::make_shared<std::optional<RpcResult<quint64>>>();
            session->l1()->latestBlockTime(this, [head](RpcResult<quint64> time) { *head = std::move(time); });
            (void)QTest::qWaitFor([&] { return head->has_value(); }, 10000);
            report += !*head          ? QStringLiteral("; L1 head: no answer")
                      : (*head)->ok() ? QStringLiteral("; L1 head time %1").arg((*head)->value())
                                      : QStringLiteral("; L1 head: %1").arg((*head)->error().message);
            return report + QStringLiteral("; node: ") + second.problem();
        };
        QVERIFY2(waitUntil(
                     session, &WalletSession::nowChanged,
                     [&] {
                         bridgeService()->refresh();
                         return transfers->canFinalize(withdrawal0) && transfers->canFinalize(withdrawal2);
                     },
                     120000),
                 qPrintable(windowReport()));

        // Account 2 pays its own finalization: its L1 balance rises by exactly 0.25 ETH minus the gas.
        const Address account2 =
            *parse_address(AppContext::instance()->store()->accounts().at(2).address.toStdString());
        auto l1Balance = [&]() -> std::optional<U256> {
            auto out = std::make_shared<std::optional<U256>>();
            session->l1()->balance(account2, this, [out](RpcResult<U256> b) {
                if (b.ok()) *out = b.value();
            });
            return QTest::qWaitFor([out] { return out->has_value(); }, 30000) ? *out : std::nullopt;
        };
        const std::optional<U256> before = l1Balance();
        QVERIFY(before);
        // Both at once, as "Finalize all ready" does: one reviewed L1 transaction each, in turn.
        QSignalSpy finalized(&bridge, &BridgeController::finalized);
        const qsizetype reviewsBefore = reviewer.shown.size();
        bridge.finalizeAllReady();
        QVERIFY(bridge.finalizingAll());
        QVERIFY2(waitUntil(
                     &bridge, &BridgeController::finalized, [&] { return finalized.count() == 2; }, 120000),
                 qPrintable(bridge.error()));
        QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.finalizingAll(); }));
        QCOMPARE(reviewer.shown.size() - reviewsBefore, 2);
        QString account2Finalize;
        for (const QList<QVariant>& signal : finalized)
            if (signal.at(0).toString().compare(withdrawal2, Qt::CaseInsensitive) == 0)
                account2Finalize = signal.at(1).toString();
        QVERIFY2(!account2Finalize.isEmpty(), "no finalize of account 2's withdrawal");
        std::optional<TransactionReceipt> receipt;
        session->l1()->transactionReceipt(
            *Hash::from_hex(account2Finalize.toStdString()), this,
            [&](RpcResult<std::optional<TransactionReceipt>> r) { receipt = r.ok() ? r.value() : std::nullopt; });
        QTRY_VERIFY_WITH_TIMEOUT(receipt.has_value(), 30000);
        const std::optional<U256> after = l1Balance();
        QVERIFY(after);
        QCOMPARE(*after, *before + parse_amount("0.25").value() - receipt->gasUsed * receipt->effectiveGasPrice);
        QVERIFY(waitUntil(session, &WalletSession::nowChanged, [&] {
            bridgeService()->refresh();
            return statusOf(withdrawal0) == QLatin1String("finalized") &&
                   statusOf(withdrawal2) == QLatin1String("finalized");
        }));
        QCOMPARE(transferKeys(transfers),
                 (QSet<QString>{deposit0.toLower(), deposit2.toLower(), withdrawal0.toLower(), withdrawal2.toLower()}));
    }

    // Back on the first chain: its own history, nothing of the second's deposits.
    QVERIFY(switchTo(first));
    {
        BridgeController bridge;
        wireStores(bridge);
        ReviewApprover reviewer(bridge.review());
        const QSet<QString> back = transferKeys(bridge.transfers());
        QVERIFY(back.contains(firstTransfers));
        QVERIFY2((back - firstTransfers).isEmpty(), "the second chain's transfers showed up on the first");
    }
    second.stopAndWait();
}

void TestSession::fraudIsDetectedAndProvenByTheWallet() {
    LocalStack cheating(m_dir.filePath(QStringLiteral("devnet-fault")));
    cheating.setProgram(m_stack->program());
    cheating.setExtraArguments({QStringLiteral("--challenge-period"), QStringLiteral("120"),
                                QStringLiteral("--l1-port"), QString::number(freePort()), QStringLiteral("--l2-port"),
                                QString::number(freePort()), QStringLiteral("--fault"), QStringLiteral("wrong-root")});
    cheating.start();
    QVERIFY(waitUntil(&cheating, &LocalStack::stateChanged, [&] {
        return cheating.state() == LocalStack::State::Running || cheating.state() == LocalStack::State::Failed;
    }));
    QVERIFY2(cheating.isRunning(), qPrintable(cheating.problem()));
    std::optional<Result<CheckedNetwork>> checked;
    checkNetwork(*cheating.network(), this, [&](Result<CheckedNetwork> r) { checked = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(checked.has_value(), 30000);
    QVERIFY(checked->ok());
    WalletSessionTestAccess::connectTo(checked->value().config, checked->value().params);

    BatchesModel batches;
    wireStores(batches);
    BridgeController bridge;
    wireStores(bridge);
    ReviewApprover reviewer(bridge.review());
    QSignalSpy found(AppContext::instance()->verification(), &VerificationStore::fraudFound);
    bridge.setAccount(QStringLiteral("2"));
    QVERIFY(waitUntil(&bridge, &BridgeController::balanceChanged, [&] { return !bridge.available().isEmpty(); }));
    bridge.setAmount(QStringLiteral("1"));
    bridge.submit();
    QVERIFY(waitUntil(&bridge, &BridgeController::stateChanged, [&] { return !bridge.submitting(); }));
    QVERIFY2(bridge.error().isEmpty(), qPrintable(bridge.error()));

    // The proposer lies about the first batch's root; this wallet's own re-execution says so.
    QVERIFY(waitUntil(
        AppContext::instance()->verification(), &VerificationStore::changed,
        [&] { return AppContext::instance()->verification()->fraudDetected(); }, 120000));
    QVERIFY(found.count() >= 1);
    QVERIFY(!AppContext::instance()->verification()->fundsVerified());
    QVERIFY(waitUntil(&batches, &BatchesModel::fraudChanged, [&] { return batches.fraudDetected(); }));
    const int bad = batches.fraudBatch().toInt();

    // Account 1 (funded on L1) sends the one-round proof the replica built.
    batches.setProverAccount(QStringLiteral("1"));
    batches.submitFraudProof(bad);
    QVERIFY(batches.proving());
    QVERIFY(waitUntil(
        &batches, &BatchesModel::provingChanged, [&] { return !batches.proving(); }, 120000));
    QVERIFY2(batches.proofError().isEmpty(), qPrintable(batches.proofError()));
    QVERIFY(!batches.proofTxHash().isEmpty());
    // Reverted, then the honest records re-posted and verified: no fraud left.
    QVERIFY(waitUntil(
        AppContext::instance()->verification(), &VerificationStore::changed,
        [&] {
            return !AppContext::instance()->verification()->fraudDetected() &&
                   AppContext::instance()->verification()->verifiedBatches() > 0;
        },
        180000));
    delete WalletSession::existing();  // drop the services before this network goes away
    cheating.stopAndWait();
}

// Settings › Reset deletes the local chain and starts a new one, whose Rollup has the same address.
// The deleted chain's bridge history and activity journal go with it (not the wallet), and the new
// chain's pages hold nothing of them.
void TestSession::resetRemovesTheDeletedChainsHistory() {
    auto* session = WalletSession::instance();
    const QString dataDir = AppContext::instance()->store()->dataDir();
    QVERIFY(waitUntil(session, &WalletSession::stateChanged,
                      [&] { return session->isReady() && bridgeService()->isLoaded(); }));
    QSet<QString> deletedTransfers;
    {
        BridgeController bridge;
        wireStores(bridge);
        ReviewApprover reviewer(bridge.review());
        for (int row = 0; row < bridge.transfers()->rowCount(); ++row)
            deletedTransfers << bridge.transfers()
                                    ->data(bridge.transfers()->index(row), TransfersModel::KeyRole)
                                    .toString()
                                    .toLower();
    }
    QVERIFY(!deletedTransfers.isEmpty());
    // Let the session's supervised stack own the first devnet's manifest (the chain the session is on).
    const QString supervised = QDir(dataDir).filePath(QStringLiteral("devnet"));
    QVERIFY(QDir().mkpath(supervised));
    QFile::remove(supervised + QStringLiteral("/devnet.json"));
    QVERIFY(
        QFile::copy(m_dir.filePath(QStringLiteral("devnet/devnet.json")), supervised + QStringLiteral("/devnet.json")));
    auto config = loadDevnetManifest(supervised + QStringLiteral("/devnet.json"));
    QVERIFY(config.ok());
    RpcClient rpc(config.value().l1Rpc);
    EthClient l1(&rpc);
    std::optional<RpcResult<Deployment>> deleted;
    identifyDeployment(&l1, config.value().rollup, config.value().deployBlock, this,
                       [&](RpcResult<Deployment> d) { deleted.emplace(std::move(d)); });
    QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 30000);
    QVERIFY2(deleted->ok(), deleted->ok() ? "" : qPrintable(deleted->error().message));
    const QString bridgeFile = BridgeService::storePathFor(dataDir, deleted->value());
    const QString journal = QDir(dataDir).filePath(QStringLiteral("activity-%1.json").arg(deleted->value().key()));
    const QString channelStates = channelStorePath(dataDir, deleted->value().key());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(bridgeFile) && QFile::exists(journal) && QFile::exists(channelStates),
                             30000);  // this session's history

    auto* stack = session->localStack();
    stack->setProgram(m_stack->program());
    stack->setExtraArguments({QStringLiteral("--challenge-period"), QStringLiteral("8"), QStringLiteral("--l1-port"),
                              QString::number(freePort()), QStringLiteral("--l2-port"), QString::number(freePort())});
    session->resetLocalStack();
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(bridgeFile) && !QFile::exists(journal) && !QFile::exists(channelStates),
                             30000);
    QVERIFY(AppContext::instance()->store()->exists());

    // The new chain: its Rollup at the same address, none of the deleted chain's transfers.
    QVERIFY(waitUntil(stack, &LocalStack::stateChanged,
                      [&] { return stack->isRunning() || stack->state() == LocalStack::State::Failed; }));
    QVERIFY2(stack->isRunning(), qPrintable(stack->problem() + QLatin1Char('\n') + stack->log()->text()));
    QCOMPARE(stack->network()->rollup, config.value().rollup);
    session->useLocalNetwork();
    QVERIFY2(waitUntil(
                 session, &WalletSession::stateChanged,
                 [&] {
                     return session->isReady() && session->l2RpcUrl() == stack->network()->l2Rpc.toString() &&
                            bridgeService()->isLoaded();
                 },
                 60000),
             qPrintable(QStringLiteral("%1 on %2 (the new chain's L2: %3), history %4")
                            .arg(session->statusText(), session->l2RpcUrl(), stack->network()->l2Rpc.toString(),
                                 bridgeService() && bridgeService()->isLoaded() ? QStringLiteral("loaded")
                                                                                : QStringLiteral("not loaded"))));
    BridgeController bridge;
    wireStores(bridge);
    ReviewApprover reviewer(bridge.review());
    ActivityModel activity;
    wireStores(activity);
    QCOMPARE(bridge.transfers()->rowCount(), 0);
    for (int row = 0; row < activity.rowCount(); ++row)
        QVERIFY2(!deletedTransfers.contains(activity.entry(row).txHash.toLower()),
                 qPrintable(activity.entry(row).txHash));
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
