// SPDX-License-Identifier: MIT
// The GUI's controllers and models at the service seam: records fed as BridgeService and the
// WalletVerifier deliver them, clocks set explicitly (never waited for).
#include <QAbstractItemModelTester>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QFile>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "activity/activitymodel.h"
#include "appcontext.h"
#include "batches/batchesmodel.h"
#include "bridge/bridgecontroller.h"
#include "bridge/transfersmodel.h"
#include "channels/channelsmodel.h"
#include "common/amounttext.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "desktop/inactivitytracker.h"
#include "desktop/systemlockwatcher.h"
#include "qr/qrimage.h"
#include "sendreceive/receivecontroller.h"
#include "sendreceive/sendcontroller.h"
#include "services/wallet/appsettings.h"
#include "stores/chainstore.h"

using namespace sluice;

namespace {
Hash hashOf(int n) {
    Hash h;
    h[31] = std::uint8_t(n);
    h[30] = std::uint8_t(n >> 8);
    return h;
}
Address account() { return parse_address("0x70997970C51812dc3A010C7d01b50e0d17dc79C8").value(); }
U256 eth(const char* text) { return parse_amount(text).value(); }

WithdrawalRecord withdrawal(int n, WithdrawalStatus status, quint64 finalAt) {
    WithdrawalRecord w;
    w.l2TxHash = hashOf(n);
    w.account = account();
    w.amount = eth("0.25");
    w.status = status;
    w.initiatedAt = 1000 + n;
    if (status != WithdrawalStatus::Initiated) {
        w.batchIndex = 3;
        w.withdrawalIndex = 0;
        w.header = rollup::BatchHeader{};
        w.finalAt = finalAt;
    }
    return w;
}

ActivityModel::Entry entry(int n, const char* layer = "l2", const char* kind = "send") {
    ActivityModel::Entry e;
    e.layer = QString::fromLatin1(layer);
    e.kind = QString::fromLatin1(kind);
    e.txHash = QString::fromStdString(hashOf(n).hex());
    e.timestamp = 1'700'000'000 + n;
    e.account = QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    e.counterparty = QStringLiteral("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    e.amount = QStringLiteral("1.5");
    e.status = QStringLiteral("confirmed");
    return e;
}
}  // namespace

class TestModels : public QObject {
    Q_OBJECT
private slots:
    // ChainStore: a chain by the name a user knows it by, with its chain id.
    void networksAreNamed();
    // Amounts as the pages show them (issue 11, item 8)
    void amountsAreGroupedAndNeverCutSilently();
    // TransfersModel
    void withdrawalStepsFollowTheLifecycle();
    void canFinalizeExactlyWhenTheWindowHasPassed();
    void countdownTicksWithoutResets();
    void upsertKeepsRowsAndPutsNewOnTop();
    void revertedAndReIncluded();
    void depositsShowTheirSteps();
    void trackerPutsWhatNeedsTheUserFirst();
    // ActivityModel
    void activityIsNewestFirstAndUpdatesInPlace();
    void activityTellsMovesFromLosses();
    void activityFilters();
    void activityKeepsOneRowPerKeyUnderAnyUpdates();
    void journalOfOlderVersionsShowsAWithdrawalOnce();
    void tenThousandRowsAreIncremental();
    void csvExportQuotesAndReports();
    // BatchesModel
    void batchesOrderVerdictsAndFraud();
    void batchWindowProgressAndReposting();
    // ChannelsModel
    void channelSaysWhatTheWatchtowerHolds();
    // SendController rules
    void addressRules();
    void amountRules();
    // Receive
    void qrImageHasFinderPatternsAndQuietZone();
    void receiveIsNotRedrawnOnEveryHead();
    // Settings and auto-lock
    void settingsPersistNetworkThemeAndAutoLock();
    void inactivityTrackerFiresOnlyWithoutInput();
    void inactivityCountsTimeSuspended();
    void systemLockSignalsAreHeard();
};

void TestModels::amountsAreGroupedAndNeverCutSilently() {
    const QLocale en(QLocale::English, QLocale::UnitedStates), de(QLocale::German, QLocale::Germany);
    const QString big = QStringLiteral("29990.991718286398849481");  // a devnet balance, as the models give it
    QCOMPARE(displayAmount(big, en), QStringLiteral("29,990.991718\u2026"));
    QCOMPARE(displayAmount(big, de), QStringLiteral("29.990,991718\u2026"));
    // Cut toward zero, never rounded up: 0.9999999 is not shown as 1.
    QCOMPARE(displayAmount(QStringLiteral("0.9999999"), en), QStringLiteral("0.999999\u2026"));
    // Nothing cut, nothing marked: trailing zeros past the 6th decimal are not digits lost.
    QCOMPARE(displayAmount(QStringLiteral("1.5"), en), QStringLiteral("1.5"));
    QCOMPARE(displayAmount(QStringLiteral("1.5"), de), QStringLiteral("1,5"));
    QCOMPARE(displayAmount(QStringLiteral("0.1234560000"), en), QStringLiteral("0.123456"));
    QCOMPARE(displayAmount(QStringLiteral("0.000000000000000001"), en), QStringLiteral("0\u2026"));
    QCOMPARE(displayAmount(QStringLiteral("0"), en), QStringLiteral("0"));
    QCOMPARE(displayAmount(QStringLiteral("1000"), en), QStringLiteral("1,000"));
    QCOMPARE(displayAmount(QStringLiteral("100"), de), QStringLiteral("100"));
    QCOMPARE(displayAmount(QString(), en), QString());  // not known yet
    // Larger than any machine integer: 2^256 - 1 wei is 115792089237316195423570985008687907853269984665640564039457.58... ETH.
    QCOMPARE(
        displayAmount(QStringLiteral("115792089237316195423570985008687907853269984665640564039457.584007913129639935"),
                      en),
        QStringLiteral("115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457.584007\u2026"));
    QCOMPARE(displayAmount(big, en, 2), QStringLiteral("29,990.99\u2026"));
}

void TestModels::networksAreNamed() {
    QCOMPARE(ChainStore::nameOfChain(1), QStringLiteral("Ethereum mainnet (chain 1)"));
    QCOMPARE(ChainStore::nameOfChain(11155111), QStringLiteral("Sepolia testnet (chain 11155111)"));
    QCOMPARE(ChainStore::nameOfChain(31337), QStringLiteral("Anvil devnet (chain 31337)"));
    QCOMPARE(ChainStore::nameOfChain(42), QStringLiteral("Chain 42"));
}

void TestModels::withdrawalStepsFollowTheLifecycle() {
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::Initiated), 0);
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::Posted), 1);
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::InChallengeWindow), 2);
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::ReadyToFinalize), 3);
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::Finalized), 4);
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::BatchReverted), 1);
    QCOMPARE(TransfersModel::withdrawalStep(WithdrawalStatus::ReIncluded), 2);
    QCOMPARE(TransfersModel::countdown(3723), QStringLiteral("1h 2m 3s"));
    QCOMPARE(TransfersModel::countdown(45), QStringLiteral("45s"));
    QCOMPARE(TransfersModel::countdown(-5), QStringLiteral("0s"));
    QCOMPARE(TransfersModel::countdown(90061), QStringLiteral("1d 1h 1m"));
}

void TestModels::trackerPutsWhatNeedsTheUserFirst() {
    // BridgeController's tracker order (TransfersModel::SortKeyRole): ready withdrawals, then a
    // reverted one, then what is in flight, then what is done; newest first within each.
    BridgeController bridge;
    TransfersModel* model = bridge.transfers();
    model->setNow(5000);
    model->upsertWithdrawal(withdrawal(1, WithdrawalStatus::Finalized, 2000));
    model->upsertWithdrawal(withdrawal(2, WithdrawalStatus::InChallengeWindow, 9000));
    model->upsertWithdrawal(withdrawal(3, WithdrawalStatus::InChallengeWindow, 4000));  // window passed: ready
    model->upsertWithdrawal(withdrawal(4, WithdrawalStatus::BatchReverted, 0));
    model->upsertWithdrawal(withdrawal(5, WithdrawalStatus::ReadyToFinalize, 3000));
    QAbstractItemModel* tracker = bridge.tracker();
    QStringList order;
    for (int row = 0; row < tracker->rowCount(); ++row)
        order << tracker->index(row, 0).data(TransfersModel::KeyRole).toString();
    const auto key = [](int n) { return withdrawal(n, WithdrawalStatus::Initiated, 0).key(); };
    QCOMPARE(order, (QStringList{key(5), key(3), key(4), key(2), key(1)}));
    // A row moves when its state changes: the one in its window becomes ready on the clock.
    model->setNow(9000);
    QCOMPARE(tracker->index(0, 0).data(TransfersModel::KeyRole).toString(), key(5));
    QCOMPARE(tracker->index(2, 0).data(TransfersModel::KeyRole).toString(), key(2));
    // Ready rows say since when; rows name the wallet's account when it is one.
    QVERIFY(tracker->index(0, 0)
                .data(TransfersModel::StatusTextRole)
                .toString()
                .startsWith(QStringLiteral("Ready to finalize since ")));
    QCOMPARE(tracker->index(0, 0).data(TransfersModel::AccountNameRole).toString(), QString());
    model->setAccountNames({{QString::fromStdString(account().hex()).toLower(), QStringLiteral("Account 2")}});
    QCOMPARE(tracker->index(0, 0).data(TransfersModel::AccountNameRole).toString(), QStringLiteral("Account 2"));
    QCOMPARE(AppContext::shortHash(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")),
             QStringLiteral("0x70997970\u202617dc79C8"));
}

void TestModels::canFinalizeExactlyWhenTheWindowHasPassed() {
    TransfersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy ready(&model, &TransfersModel::becameReady);
    model.setNow(1999);
    model.upsertWithdrawal(withdrawal(1, WithdrawalStatus::InChallengeWindow, 2000));
    const QString key = model.data(model.index(0), TransfersModel::KeyRole).toString();
    QCOMPARE(model.data(model.index(0), TransfersModel::CanFinalizeRole).toBool(), false);
    QCOMPARE(model.data(model.index(0), TransfersModel::CountdownRole).toString(), QStringLiteral("1s"));
    QCOMPARE(TransfersModel::Stage(model.data(model.index(0), TransfersModel::StatusRole).toInt()),
             TransfersModel::Stage::InWindow);
    QCOMPARE(model.data(model.index(0), TransfersModel::ToneRole).toInt(), int(Tone::Warning));
    QCOMPARE(model.data(model.index(0), TransfersModel::AmountRole).toString(), QStringLiteral("0.25"));
    QVERIFY(!model.canFinalize(key));
    model.setNow(2000);  // block.timestamp >= finalAt is when the contract accepts it
    QVERIFY(model.canFinalize(key));
    QCOMPARE(TransfersModel::Stage(model.data(model.index(0), TransfersModel::StatusRole).toInt()),
             TransfersModel::Stage::Ready);
    QCOMPARE(model.data(model.index(0), TransfersModel::StepRole).toInt(), 3);
    QCOMPARE(model.data(model.index(0), TransfersModel::CountdownRole).toString(), QString());
    QCOMPARE(ready.count(), 1);
    model.setNow(2001);
    QCOMPARE(ready.count(), 1);  // announced once
    model.setFinalizing(key, true);
    QVERIFY(!model.canFinalize(key));  // no double submission while one is in flight
    model.setFinalizing(key, false, QStringLiteral("boom"));
    QCOMPARE(model.data(model.index(0), TransfersModel::ErrorRole).toString(), QStringLiteral("boom"));
    // Finalized: nothing more to do.
    auto done = withdrawal(1, WithdrawalStatus::Finalized, 2000);
    done.finalizeTxHash = hashOf(99);
    model.upsertWithdrawal(done);
    QVERIFY(!model.canFinalize(key));
    QCOMPARE(model.data(model.index(0), TransfersModel::StepRole).toInt(), 4);
    // Initiated (no batch) never can.
    model.upsertWithdrawal(withdrawal(2, WithdrawalStatus::Initiated, 0));
    QVERIFY(!model.canFinalize(QString::fromStdString(hashOf(2).hex())));
}

void TestModels::countdownTicksWithoutResets() {
    TransfersModel model;
    model.setNow(1000);
    model.upsertWithdrawal(withdrawal(1, WithdrawalStatus::InChallengeWindow, 1130));
    model.upsertWithdrawal(withdrawal(2, WithdrawalStatus::Finalized, 900));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(1010);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1);  // only the row in its window
    const int row =
        model.data(model.index(0), TransfersModel::KeyRole).toString() == QString::fromStdString(hashOf(1).hex()) ? 0
                                                                                                                  : 1;
    QCOMPARE(model.data(model.index(row), TransfersModel::CountdownRole).toString(), QStringLiteral("2m 0s"));
    QVERIFY(!model.data(model.index(row), TransfersModel::FinalAtRole).toString().isEmpty());
    QCOMPARE(model.data(model.index(row), TransfersModel::FinalAtUtcRole).toLongLong(), 1130);
}

void TestModels::upsertKeepsRowsAndPutsNewOnTop() {
    TransfersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAll({withdrawal(2, WithdrawalStatus::Initiated, 0), withdrawal(1, WithdrawalStatus::Initiated, 0)}, {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0), TransfersModel::KeyRole).toString(), QString::fromStdString(hashOf(2).hex()));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.upsertWithdrawal(withdrawal(1, WithdrawalStatus::Posted, 5000));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(TransfersModel::Stage(model.data(model.index(1), TransfersModel::StatusRole).toInt()),
             TransfersModel::Stage::Posted);
    model.upsertWithdrawal(withdrawal(3, WithdrawalStatus::Initiated, 0));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.data(model.index(0), TransfersModel::KeyRole).toString(), QString::fromStdString(hashOf(3).hex()));
}

void TestModels::revertedAndReIncluded() {
    TransfersModel model;
    model.setNow(100);
    auto w = withdrawal(1, WithdrawalStatus::BatchReverted, 0);
    w.wasReverted = true;
    model.upsertWithdrawal(w);
    QCOMPARE(TransfersModel::Stage(model.data(model.index(0), TransfersModel::StatusRole).toInt()),
             TransfersModel::Stage::BatchReverted);
    QCOMPARE(model.data(model.index(0), TransfersModel::ToneRole).toInt(), int(Tone::Error));
    QCOMPARE(model.data(model.index(0), TransfersModel::RevertedRole).toBool(), true);
    QVERIFY(!model.data(model.index(0), TransfersModel::CanFinalizeRole).toBool());
    w.status = WithdrawalStatus::ReIncluded;
    w.finalAt = 160;
    model.upsertWithdrawal(w);
    QCOMPARE(TransfersModel::Stage(model.data(model.index(0), TransfersModel::StatusRole).toInt()),
             TransfersModel::Stage::ReIncluded);
    QCOMPARE(model.data(model.index(0), TransfersModel::CountdownRole).toString(), QStringLiteral("1m 0s"));
    model.setNow(160);
    QVERIFY(model.data(model.index(0), TransfersModel::CanFinalizeRole).toBool());
}

void TestModels::depositsShowTheirSteps() {
    TransfersModel model;
    DepositRecord d;
    d.l1TxHash = hashOf(7);
    d.from = account();
    d.to = account();
    d.amount = eth("1");
    d.status = DepositStatus::Queued;
    model.upsertDeposit(d);
    QCOMPARE(TransfersModel::Kind(model.data(model.index(0), TransfersModel::KindRole).toInt()),
             TransfersModel::Kind::Deposit);
    QCOMPARE(model.data(model.index(0), TransfersModel::StepRole).toInt(), 1);
    QCOMPARE(model.data(model.index(0), TransfersModel::StepsRole).toStringList().size(), 3);
    QCOMPARE(model.data(model.index(0), TransfersModel::AccountRole).toString(),
             QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
    QVERIFY(!model.data(model.index(0), TransfersModel::CanFinalizeRole).toBool());
    d.status = DepositStatus::Credited;
    model.upsertDeposit(d);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(TransfersModel::Stage(model.data(model.index(0), TransfersModel::StatusRole).toInt()),
             TransfersModel::Stage::Credited);
}

void TestModels::activityTellsMovesFromLosses() {
    ActivityModel model;
    // A deposit to the same account is a move between the user's layers (no loss, CSV "move");
    // one to another address, or a plain send, is not.
    auto own = entry(7, "l1", "deposit");
    own.counterparty = own.account.toLower();
    own.relatedBlock = 42;
    QVERIFY(own.isMove());
    QVERIFY(ActivityModel::csvLine(own).contains(QStringLiteral(",move,")));
    QVERIFY(!entry(8, "l1", "deposit").isMove());
    QVERIFY(!entry(9).isMove());
    QVERIFY(ActivityModel::csvLine(entry(9)).contains(QStringLiteral(",out,")));
    model.addEntry(own);
    QCOMPARE(model.data(model.index(0), ActivityModel::MoveRole).toBool(), true);
    QCOMPARE(model.data(model.index(0), ActivityModel::RelatedBlockRole).toULongLong(), 42u);
}

void TestModels::activityIsNewestFirstAndUpdatesInPlace() {
    ActivityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addEntries({entry(1), entry(3), entry(2)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).txHash, entry(3).txHash);
    QCOMPARE(model.entry(2).txHash, entry(1).txHash);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto update = entry(2);
    update.status = QStringLiteral("failed");
    model.addEntry(update);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.data(model.index(1), ActivityModel::StatusRole).toString(), QStringLiteral("failed"));
    QCOMPARE(model.data(model.index(1), ActivityModel::StatusTextRole).toString(), QStringLiteral("failed"));
    QCOMPARE(model.data(model.index(1), ActivityModel::ToneRole).toInt(), int(Tone::Error));
    // A later timestamp for a known entry moves it.
    update.timestamp += 10;
    model.addEntry(update);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(0).txHash, entry(2).txHash);
    // Same transaction, another kind: a separate row (a payment between two own accounts is the
    // sender's send and the recipient's receive).
    model.addEntry(entry(2, "l2", "receive"));
    QCOMPARE(model.rowCount(), 4);
}

// Statuses, amounts and times of a few transfers change in every order the services can deliver
// them (timestamps equal, earlier, later, unknown): each key stays exactly one row, in order.
void TestModels::activityKeepsOneRowPerKeyUnderAnyUpdates() {
    ActivityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLayerFilter(QString());
    const char* statuses[] = {"submitted", "queued", "credited", "initiated", "in-window", "finalized"};
    quint32 seed = 12345;
    auto next = [&seed](quint32 bound) {
        seed = seed * 1664525u + 1013904223u;
        return (seed >> 8) % bound;
    };
    QSet<QString> keys;
    for (int step = 0; step < 2000; ++step) {
        auto e = entry(int(next(6)), next(2) ? "l1" : "l2", next(2) ? "deposit" : "withdrawal");
        const quint32 when = next(4);
        e.timestamp = when == 0 ? 0 : 1'700'000'000 + qint64(next(5));  // 0: "time unknown, keep it"
        e.status = QString::fromLatin1(statuses[next(6)]);
        if (next(3) == 0) model.setLayerFilter(next(2) ? QStringLiteral("l1") : QString());
        model.addEntry(e);
        keys.insert(e.key());
        if (!model.layerFilter().isEmpty()) continue;
        QCOMPARE(model.rowCount(), int(keys.size()));
        QSet<QString> seen;
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto shown = model.entry(row);
            QVERIFY2(!seen.contains(shown.key()), qPrintable(shown.key()));
            seen.insert(shown.key());
            if (row > 0) QVERIFY(model.entry(row - 1).timestamp >= shown.timestamp);
        }
        // The last update is what its row shows.
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.entry(row).key() == e.key()) QCOMPARE(model.entry(row).status, e.status);
    }
}

// Journals written when a withdrawal's payout was a row of its own ("finalization") load as one
// row per withdrawal.
void TestModels::journalOfOlderVersionsShowsAWithdrawalOnce() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("activity-test.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"([{"layer":"l2","kind":"withdrawal","txHash":"0x01","timestamp":"1700000000","account":"0xA","amount":"0.5","status":"finalized"},
                  {"layer":"l1","kind":"finalization","txHash":"0x02","timestamp":"1700000100","account":"0xA","amount":"0.5","status":"confirmed"},
                  {"layer":"l1","kind":"deposit","txHash":"0x03","timestamp":"1699999000","account":"0xA","amount":"2","status":"credited"}])");
    file.close();
    ActivityJournal journal;
    journal.open(path);
    ActivityModel model;
    model.setJournal(&journal);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entry(0).kind, QStringLiteral("withdrawal"));
    QCOMPARE(model.entry(0).status, QStringLiteral("finalized"));
    QCOMPARE(model.entry(1).kind, QStringLiteral("deposit"));
    journal.close();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::activityFilters() {
    ActivityModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto other = entry(4, "l1", "deposit");
    other.account = QStringLiteral("0x90F79bf6EB2c4f870365E785982E1f101E93b906");
    other.counterparty.clear();
    model.addEntries({entry(1), entry(2, "l1", "send"), entry(3, "l2", "withdrawal"), other});
    model.setLayerFilter(QStringLiteral("l1"));
    QCOMPARE(model.rowCount(), 2);
    model.setKindFilter(QStringLiteral("deposit"));
    QCOMPARE(model.rowCount(), 1);
    model.clearFilters();
    model.setAccountFilter(QStringLiteral("0x90f79bf6eb2c4f870365e785982e1f101e93b906"));  // case-insensitive
    QCOMPARE(model.rowCount(), 1);
    // Entries arriving while filtered land only if they pass.
    model.addEntry(entry(9));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.totalCount(), 5);
    auto mine = entry(8, "l1", "deposit");
    mine.account = other.account;
    model.addEntry(mine);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entry(0).txHash, mine.txHash);
    model.clearFilters();
    QCOMPARE(model.rowCount(), 6);
}

void TestModels::tenThousandRowsAreIncremental() {
    ActivityModel model;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<ActivityModel::Entry> batch;
    for (int i = 0; i < 10000; ++i) batch.append(entry(i, i % 2 ? "l1" : "l2"));
    model.addEntries(batch);
    for (int i = 10000; i < 10100; ++i) model.addEntry(entry(i));
    QCOMPARE(model.rowCount(), 10100);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 10100);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.entry(row - 1).timestamp >= model.entry(row).timestamp);
    model.setLayerFilter(QStringLiteral("l1"));
    QCOMPARE(model.rowCount(), 5000);
}

void TestModels::csvExportQuotesAndReports() {
    QTemporaryDir dir;
    ActivityModel model;
    auto e = entry(1);
    e.status = QStringLiteral("odd, \"quoted\"");
    model.addEntries({e, entry(2, "l1", "deposit")});
    model.setLayerFilter(QStringLiteral("l2"));
    QSignalSpy finished(&model, &ActivityModel::exportFinished);
    const QString path = dir.filePath(QStringLiteral("activity.csv"));
    model.exportCsv(QUrl::fromLocalFile(path).toString());
    QVERIFY(model.exporting());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(1).toString(), QString());
    QVERIFY(!model.exporting());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.at(0).trimmed(), ActivityModel::csvHeader().toUtf8());
    QCOMPARE(lines.size(), 3);  // header, one filtered row, trailing empty
    QVERIFY(lines.at(1).contains("\"odd, \"\"quoted\"\"\""));
    QVERIFY(lines.at(1).startsWith("2023-11-14T22:13:21Z,l2,send,"));
    model.exportCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")));
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.at(1).at(1).toString().isEmpty());
}

namespace {
L2Batch batch(quint64 index, quint64 submittedAt, quint64 finalAt, const char* status = "in-window") {
    L2Batch b;
    b.index = index;
    b.header.submitted_at = submittedAt;
    b.header.state_root = hashOf(int(index) + 100);
    b.header.record_count = 4;
    b.recordCount = 4;
    b.finalAt = finalAt;
    b.status = QString::fromLatin1(status);
    b.transactions = {hashOf(1), hashOf(2)};
    return b;
}
}  // namespace

void TestModels::batchesOrderVerdictsAndFraud() {
    BatchesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(1030);
    model.upsertBatch(batch(0, 1000, 1060, "final"));
    model.upsertBatch(batch(2, 1020, 1080));
    model.upsertBatch(batch(1, 1010, 1070));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(0), BatchesModel::IndexRole).toInt(), 2);
    QCOMPARE(model.data(model.index(2), BatchesModel::IndexRole).toInt(), 0);
    QCOMPARE(BatchesModel::Verification(model.data(model.index(0), BatchesModel::VerificationRole).toInt()),
             BatchesModel::Verification::Pending);
    BatchVerification ok;
    ok.index = 2;
    ok.outcome = BatchVerification::Outcome::Verified;
    model.applyVerification(ok);
    QVERIFY(model.data(model.index(0), BatchesModel::VerifiedRole).toBool());
    QVERIFY(!model.fraudDetected());
    QSignalSpy fraud(&model, &BatchesModel::fraudDetectedSignal);
    BatchVerification bad;
    bad.index = 1;
    bad.outcome = BatchVerification::Outcome::Fraud;
    bad.message = QStringLiteral("chunk 0: wrong state root");
    model.applyVerification(bad);
    QVERIFY(model.fraudDetected());
    QCOMPARE(model.fraudBatch(), QStringLiteral("1"));
    QCOMPARE(fraud.count(), 1);
    model.applyVerification(bad);
    QCOMPARE(fraud.count(), 1);  // once per batch
    QVERIFY(model.data(model.index(1), BatchesModel::FraudRole).toBool());
    const QVariantMap detail = model.detail(model.data(model.index(1), BatchesModel::KeyRole).toString());
    QCOMPARE(BatchesModel::Verification(detail.value(QStringLiteral("verification")).toInt()),
             BatchesModel::Verification::Fraud);
    QCOMPARE(detail.value(QStringLiteral("statusText")).toString(), QStringLiteral("Fraud"));
    QCOMPARE(detail.value(QStringLiteral("tone")).toInt(), int(Tone::Error));
    QCOMPARE(detail.value(QStringLiteral("message")).toString(), bad.message);
    QCOMPARE(detail.value(QStringLiteral("transactions")).toList().size(), 2);
    QVERIFY(model.detail(QStringLiteral("nope")).isEmpty());
    // Without a session there is nothing to send a proof with: an error, not a crash.
    model.submitFraudProof(1);
    QVERIFY(!model.proofError().isEmpty());
    QVERIFY(!model.proving());
}

void TestModels::batchWindowProgressAndReposting() {
    BatchesModel model;
    model.setChallengePeriod(60);
    model.setNow(1030);
    model.upsertBatch(batch(0, 1000, 1060));
    QCOMPARE(model.data(model.index(0), BatchesModel::WindowProgressRole).toDouble(), 0.5);
    QCOMPARE(model.data(model.index(0), BatchesModel::AgeRole).toString(), QStringLiteral("30s ago"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setNow(1060);
    QCOMPARE(model.data(model.index(0), BatchesModel::WindowProgressRole).toDouble(), 1.0);
    QCOMPARE(BatchesModel::Status(model.data(model.index(0), BatchesModel::StatusRole).toInt()),
             BatchesModel::Status::Final);  // on the clock, before the node says so
    QCOMPARE(model.data(model.index(0), BatchesModel::ToneRole).toInt(), int(Tone::Success));
    QCOMPARE(resets.count(), 0);
    BatchVerification v;
    v.index = 0;
    v.outcome = BatchVerification::Outcome::Verified;
    model.applyVerification(v);
    const QString oldKey = model.data(model.index(0), BatchesModel::KeyRole).toString();
    // Reverted and re-posted under the same index with another header: a new key, verdict cleared.
    auto reposted = batch(0, 1100, 1160);
    reposted.header.state_root = hashOf(7);
    model.upsertBatch(reposted);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.data(model.index(0), BatchesModel::KeyRole).toString() != oldKey);
    QCOMPARE(BatchesModel::Verification(model.data(model.index(0), BatchesModel::VerificationRole).toInt()),
             BatchesModel::Verification::Pending);
    QCOMPARE(BatchesModel::ago(7500), QStringLiteral("2h 5m ago"));
}

// Each channel row says whether the watchtower can protect it as it stands: it holds the newest
// state, an older one, none, or did not answer; while closing, until when it watches.
void TestModels::channelSaysWhatTheWatchtowerHolds() {
    using namespace sluice::channels;
    ChannelsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StoredChannel c;
    c.channel.id = *ChannelId::from_hex("0x" + std::string(64, 'a'));
    c.latest = opening_state(c.channel.id, U256(10), U256(10));
    c.latest.nonce = 5;
    model.setChannels({c});
    auto text = [&] { return model.data(model.index(0), ChannelsModel::WatchtowerRole).toString(); };
    auto warning = [&] { return model.data(model.index(0), ChannelsModel::WatchtowerWarningRole).toBool(); };
    auto seen = [&](std::optional<WatchtowerView> view) {
        model.setWatchtower(true, {{c.channel.id, std::move(view)}});
    };

    QCOMPARE(text(), QString());  // no watchtower on this network: the list says so once
    model.setWatchtower(true, {});
    QCOMPARE(text(), QString());  // not asked yet
    seen(std::nullopt);
    QCOMPARE(text(), QStringLiteral("Watchtower unreachable: keep the wallet running until the channel is settled."));
    QVERIFY(warning());
    seen(WatchtowerView{});
    QCOMPARE(text(), QStringLiteral("The watchtower holds no state of this channel yet."));
    QVERIFY(warning());
    seen(WatchtowerView{std::uint64_t(4), std::nullopt, true, std::nullopt});
    QCOMPARE(text(), QStringLiteral("The watchtower holds an older state (#4; the newest is #5)."));
    QVERIFY(warning());
    seen(WatchtowerView{std::uint64_t(5), std::nullopt, false, std::nullopt});
    QCOMPARE(text(), QStringLiteral("The watchtower no longer watches this channel."));
    QVERIFY(warning());
    seen(WatchtowerView{std::uint64_t(5), std::nullopt, true, std::nullopt});
    QCOMPARE(text(), QStringLiteral("Watched: the watchtower holds the newest state (#5)."));
    QVERIFY(!warning());

    c.onChain.status = ChannelStatus::Closing;
    c.onChain.disputeEndsAt = 1'800'000'000;
    model.setChannels({c});
    QVERIFY2(text().startsWith(QStringLiteral("Watched until ")), qPrintable(text()));
    QVERIFY(text().contains(QLocale().toString(QDateTime::fromSecsSinceEpoch(1'800'000'000), QLocale::ShortFormat)));
    seen(WatchtowerView{std::uint64_t(5), std::nullopt, true, Hash{}});
    QCOMPARE(text(), QStringLiteral("The watchtower disputed the close with state #5."));
    QVERIFY(!warning());

    c.onChain.status = ChannelStatus::Settled;  // nothing left to guard
    model.setChannels({c});
    QCOMPARE(text(), QString());
}

void TestModels::addressRules() {
    QVERIFY(SendController::addressProblem(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")).isEmpty());
    QVERIFY(SendController::addressProblem(QStringLiteral("0x70997970c51812dc3a010c7d01b50e0d17dc79c8")).isEmpty());
    // One letter's case flipped: the EIP-55 checksum catches it.
    QVERIFY(SendController::addressProblem(QStringLiteral("0x70997970c51812dc3A010C7d01b50e0d17dc79C8"))
                .contains(QStringLiteral("EIP-55")));
    QVERIFY(SendController::addressProblem(QStringLiteral("70997970C51812dc3A010C7d01b50e0d17dc79C8"))
                .contains(QStringLiteral("0x")));
    QVERIFY(SendController::addressProblem(QStringLiteral("0x1234")).contains(QStringLiteral("40")));
    QVERIFY(SendController::addressProblem(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79Cg"))
                .contains(QStringLiteral("0-9")));
    QVERIFY(!SendController::addressProblem(QString()).isEmpty());
}

void TestModels::amountRules() {
    const U256 balance = eth("1");
    QVERIFY(SendController::amountProblem(QStringLiteral("0.5"), balance).isEmpty());
    QVERIFY(SendController::amountProblem(QStringLiteral("1"), balance).isEmpty());
    QVERIFY(SendController::amountProblem(QStringLiteral("1"), balance, 1).contains(QStringLiteral("fee")));
    QVERIFY(SendController::amountProblem(QStringLiteral("1.000000000000000001"), balance)
                .contains(QStringLiteral("balance")));
    QVERIFY(SendController::amountProblem(QStringLiteral("0.0000000000000000001"), balance)
                .contains(QStringLiteral("decimals")));
    QVERIFY(SendController::amountProblem(QStringLiteral("1e18"), std::nullopt)
                .startsWith(QStringLiteral("Not an amount")));
    QVERIFY(!SendController::amountProblem(QStringLiteral("0"), std::nullopt).isEmpty());
    QVERIFY(!SendController::amountProblem(QStringLiteral(""), std::nullopt).isEmpty());
    // Unknown balance: only the syntax is judged.
    QVERIFY(SendController::amountProblem(QStringLiteral("1000000"), std::nullopt).isEmpty());
    // The controller: max fee = gas * maxFeePerGas joins the balance check.
    SendController send;
    send.setAccount(QStringLiteral("0"));
    send.setRecipient(QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
    send.setKnownBalance(balance);
    send.setAmount(QStringLiteral("1"));
    QVERIFY(send.amountError().isEmpty());
    FeeSuggestion fees;
    fees.maxFeePerGas = parse_amount("2 gwei").value();
    send.setFees(fees, 21000);
    QCOMPARE(send.fee(), QStringLiteral("0.000042"));
    QVERIFY(send.amountError().contains(QStringLiteral("0.000042")));
    send.setAmount(QStringLiteral("0.999958"));
    QVERIFY(send.amountError().isEmpty());
    QCOMPARE(send.total(), QStringLiteral("1"));
    QCOMPARE(send.maxFeePerGas(), QStringLiteral("2 gwei"));
}

// The L2 store changes with every head; the Receive page shows only its chain id, so a new head
// must not make QML re-read the address and reload the QR image.
void TestModels::receiveIsNotRedrawnOnEveryHead() {
    ChainStore l2(ChainStore::Layer::L2);
    ReceiveController receive;
    receive.setL2(&l2);
    QSignalSpy account(&receive, &ReceiveController::accountChanged);
    QSignalSpy uri(&receive, &ReceiveController::paymentUriChanged);
    for (int head = 0; head < 3; ++head) emit l2.changed();
    QCOMPARE(account.count(), 0);
    QCOMPARE(uri.count(), 0);
    receive.setAccount(QStringLiteral("1"));
    QCOMPARE(account.count(), 1);
    QCOMPARE(uri.count(), 1);  // the URI names the account's address
}

void TestModels::qrImageHasFinderPatternsAndQuietZone() {
    const QString address = QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    QString error;
    const QImage image = makeQrImage(address, 4, &error);
    QVERIFY2(!image.isNull(), qPrintable(error));
    QCOMPARE(image.width(), image.height());
    const int modules = image.width() / 4;
    QCOMPARE(image.width() % 4, 0);
    QVERIFY((modules - 8 - 21) % 4 == 0);  // QR sizes are 21 + 4k modules, plus 2 x 4 quiet zone
    auto dark = [&](int mx, int my) { return qGray(image.pixel(mx * 4 + 1, my * 4 + 1)) < 128; };
    // Quiet zone white; the three 7x7 finder patterns have dark corners and a light ring.
    for (int i = 0; i < modules; ++i) QVERIFY(!dark(i, 0) && !dark(0, i) && !dark(i, 3));
    const int n = modules - 8;
    for (auto [ox, oy] : {std::pair{4, 4}, std::pair{4 + n - 7, 4}, std::pair{4, 4 + n - 7}}) {
        QVERIFY(dark(ox, oy) && dark(ox + 6, oy) && dark(ox, oy + 6) && dark(ox + 6, oy + 6));
        QVERIFY(!dark(ox + 1, oy + 1) && dark(ox + 3, oy + 3));
    }
    // The provider scales to the requested width.
    QrImageProvider provider;
    QSize size;
    const QImage scaled =
        provider.requestImage(QString::fromLatin1(QUrl::toPercentEncoding(address)), &size, QSize(modules * 10, 0));
    QCOMPARE(size.width(), modules * 10);
    QCOMPARE(scaled.width(), modules * 10);
}

void TestModels::settingsPersistNetworkThemeAndAutoLock() {
    QTemporaryDir dir;
    {
        AppSettings settings(dir.path());
        QCOMPARE(settings.networkMode(), QString());  // first run: the app brings up the local stack
        QCOMPARE(settings.theme(), QStringLiteral("system"));
        QCOMPARE(settings.autoLockMinutes(), 5);
        QSignalSpy errors(&settings, &AppSettings::error);
        QVERIFY(
            !settings.setCustomNetwork(QStringLiteral("http://a:1"), QStringLiteral("ftp://b"), QStringLiteral("0x")));
        QVERIFY(!settings.setCustomNetwork(QStringLiteral("http://a:1"), QStringLiteral("http://b:2"),
                                           QStringLiteral("0x12")));
        QCOMPARE(errors.count(), 2);
        QVERIFY(settings.setCustomNetwork(QStringLiteral("http://a:1"), QStringLiteral("http://b:2"),
                                          QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3")));
        QVERIFY(!settings.setTheme(QStringLiteral("purple")));
        QVERIFY(settings.setTheme(QStringLiteral("dark")));
        QVERIFY(!settings.setAutoLockMinutes(-1));
        QVERIFY(settings.setAutoLockMinutes(0));
    }
    AppSettings reread(dir.path());
    QCOMPARE(reread.networkMode(), QStringLiteral("custom"));
    QCOMPARE(reread.l1RpcUrl(), QStringLiteral("http://a:1"));
    QCOMPARE(reread.l2RpcUrl(), QStringLiteral("http://b:2"));
    QCOMPARE(reread.rollupAddress(), QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3"));
    QCOMPARE(reread.theme(), QStringLiteral("dark"));
    QCOMPARE(reread.autoLockMinutes(), 0);
    QVERIFY(reread.setLocalNetwork());
    QCOMPARE(reread.networkMode(), QStringLiteral("local"));
}

void TestModels::inactivityTrackerFiresOnlyWithoutInput() {
    InactivityTracker tracker;
    QSignalSpy idle(&tracker, &InactivityTracker::idle);
    tracker.setTimeout(0);
    QVERIFY(!tracker.isActive());
    tracker.setTimeout(60000);
    QVERIFY(tracker.isActive());
    // Input anywhere in the application restarts the countdown.
    QObject target;
    QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &key);
    QVERIFY(tracker.isActive());
    tracker.setTimeout(50);
    QVERIFY(idle.wait(5000));
    QCOMPARE(idle.count(), 1);
    QVERIFY(!tracker.isActive());
}

// Issue 10, item 10: the timeout counts time the computer was suspended. A QTimer alone does not
// (its monotonic clock stops in suspend): a wallet unlocked before a night's sleep stayed unlocked
// for the rest of its timeout after waking. Here the tracker's clock jumps as it does on resume.
void TestModels::inactivityCountsTimeSuspended() {
    InactivityTracker tracker;
    qint64 now = 1'000'000;
    tracker.setClock([&] { return now; });
    QSignalSpy idle(&tracker, &InactivityTracker::idle);
    tracker.setTimeout(10 * 60 * 1000);  // 10 minutes
    now += 9 * 60 * 1000;                // 9 minutes asleep, then input
    QObject target;
    QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier);
    QCoreApplication::sendEvent(&target, &key);
    now += 9 * 60 * 1000;       // 9 more: 9 since the input
    QVERIFY(!idle.wait(5500));  // the tracker checked at least once and stayed quiet
    now += 2 * 60 * 1000;       // asleep past the timeout: noticed at the next check
    QVERIFY(idle.wait(5500));
    QCOMPARE(idle.count(), 1);
}

// Issue 10, item 10: suspend and screen lock lock the wallet. A private D-Bus daemon stands in for
// the system and session buses; the signals logind and the screen saver send are sent on it.
void TestModels::systemLockSignalsAreHeard() {
    QProcess daemon;
    daemon.start(QStringLiteral("dbus-daemon"),
                 {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address")});
    QVERIFY2(daemon.waitForStarted(5000),
             "dbus-daemon (Debian package dbus-daemon, installed by scripts/setup.sh) is needed");
    QVERIFY(daemon.waitForReadyRead(5000));
    const QString address = QString::fromUtf8(daemon.readLine()).trimmed();
    {
        QDBusConnection watched = QDBusConnection::connectToBus(address, QStringLiteral("watched"));
        QDBusConnection sender = QDBusConnection::connectToBus(address, QStringLiteral("sender"));
        QVERIFY2(watched.isConnected() && sender.isConnected(), qPrintable(address));
        SystemLockWatcher watcher(watched, watched);
        QCOMPARE(watcher.subscriptions(), 3);
        // A round trip on the same connection: the daemon has installed the watcher's match rules
        // (sent before it) when it answers, so no signal below can arrive ahead of them.
        QVERIFY(watched.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.DBus")).value());
        QSignalSpy locks(&watcher, &SystemLockWatcher::lockRequested);
        auto emitSignal = [&](const QString& path, const QString& interface, const QString& name,
                              const QVariant& arg = {}) {
            QDBusMessage message = QDBusMessage::createSignal(path, interface, name);
            if (arg.isValid()) message << arg;
            QVERIFY(sender.send(message));
        };
        emitSignal(QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
                   QStringLiteral("PrepareForSleep"), false);
        emitSignal(QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
                   QStringLiteral("ActiveChanged"), false);
        emitSignal(QStringLiteral("/org/freedesktop/login1"), QStringLiteral("org.freedesktop.login1.Manager"),
                   QStringLiteral("PrepareForSleep"), true);
        QVERIFY(locks.wait(5000));
        QCOMPARE(locks.count(), 1);  // waking up (false) and the screen saver going off lock nothing
        QCOMPARE(locks.at(0).at(0).value<SystemLockWatcher::Reason>(), SystemLockWatcher::Reason::Suspend);
        emitSignal(QStringLiteral("/org/freedesktop/login1/session/_32"),
                   QStringLiteral("org.freedesktop.login1.Session"), QStringLiteral("Lock"));
        QTRY_COMPARE(locks.count(), 2);
        QCOMPARE(locks.at(1).at(0).value<SystemLockWatcher::Reason>(), SystemLockWatcher::Reason::SessionLock);
        emitSignal(QStringLiteral("/org/freedesktop/ScreenSaver"), QStringLiteral("org.freedesktop.ScreenSaver"),
                   QStringLiteral("ActiveChanged"), true);
        QTRY_COMPARE(locks.count(), 3);
        QCOMPARE(locks.at(2).at(0).value<SystemLockWatcher::Reason>(), SystemLockWatcher::Reason::ScreenSaver);
    }
    QDBusConnection::disconnectFromBus(QStringLiteral("watched"));
    QDBusConnection::disconnectFromBus(QStringLiteral("sender"));
    daemon.kill();
    daemon.waitForFinished();
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
