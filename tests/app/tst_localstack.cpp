// SPDX-License-Identifier: MIT
// LocalStack against a fake sluiced (fake_sluiced.py): Starting -> Running once the manifest is
// there and the L2 RPC answers, log lines kept, stop is clean, reset wipes the devnet directory,
// a node that fails is Failed with its own message; checkNetwork names the failing endpoint.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "services/localstack/local_stack.hpp"

using namespace sluice;

class TestLocalStack : public QObject {
    Q_OBJECT
private slots:
    void runsStopsAndKeepsTheLog();
    void resetWipesTheDevnetDirectory();
    void failingNodeIsFailedWithItsMessage();
    void failingNodeSaysWhyInItsOwnWords();
    void missingProgramIsFailed();
    void logModelDropsOldLines();
    void checkNetworkNamesTheUnreachableL1();
};

static bool waitForState(LocalStack& stack, LocalStack::State state, int ms = 20000) {
    QSignalSpy spy(&stack, &LocalStack::stateChanged);
    while (stack.state() != state)
        if (!spy.wait(ms)) return stack.state() == state;
    return true;
}

void TestLocalStack::runsStopsAndKeepsTheLog() {
    QTemporaryDir dir;
    LocalStack stack(dir.filePath(QStringLiteral("devnet")));
    stack.setProgram(QStringLiteral(FAKE_SLUICED));
    QSignalSpy ready(&stack, &LocalStack::ready);
    stack.start();
    QCOMPARE(stack.state(), LocalStack::State::Starting);
    QVERIFY(waitForState(stack, LocalStack::State::Running));
    QCOMPARE(ready.count(), 1);
    QVERIFY(stack.network().has_value());
    QCOMPARE(stack.network()->rollup.hex(), std::string("0x5fbdb2315678afecb367f032d93f642f64180aa3"));
    QVERIFY(stack.log()->text().contains(QStringLiteral("devnet: deploying the rollup contract")));
    QVERIFY(stack.problem().isEmpty());
    stack.stop();
    QVERIFY(waitForState(stack, LocalStack::State::Stopped));
    QVERIFY(stack.log()->text().contains(QStringLiteral("devnet: stopping")));
    QVERIFY(!stack.network().has_value());
}

void TestLocalStack::resetWipesTheDevnetDirectory() {
    QTemporaryDir dir;
    const QString devnet = dir.filePath(QStringLiteral("devnet"));
    LocalStack stack(devnet);
    stack.setProgram(QStringLiteral(FAKE_SLUICED));
    stack.start();
    QVERIFY(waitForState(stack, LocalStack::State::Running));
    QFile marker(devnet + QStringLiteral("/old-state.db"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.close();
    QSignalSpy stopped(&stack, &LocalStack::stopped);
    QSignalSpy ready(&stack, &LocalStack::ready);
    stack.reset();
    QVERIFY(stopped.wait(20000));
    // Restarted at once after the wipe.
    QVERIFY(ready.count() == 1 || ready.wait(20000));
    QCOMPARE(stack.state(), LocalStack::State::Running);
    QVERIFY(!QFile::exists(devnet + QStringLiteral("/old-state.db")));
    QVERIFY(QFile::exists(devnet + QStringLiteral("/devnet.json")));
    stack.stopAndWait();
}

void TestLocalStack::failingNodeIsFailedWithItsMessage() {
    QTemporaryDir dir;
    qputenv("FAKE_SLUICED_FAIL", "1");
    LocalStack stack(dir.filePath(QStringLiteral("devnet")));
    stack.setProgram(QStringLiteral(FAKE_SLUICED));
    stack.start();
    QVERIFY(waitForState(stack, LocalStack::State::Failed));
    qunsetenv("FAKE_SLUICED_FAIL");
    QVERIFY2(stack.problem().contains(QStringLiteral("already in use")), qPrintable(stack.problem()));
}

// Issue 13: a node that gives up prints why on its last stderr line, in words that need not
// contain "error"; the user reads that reason, not "stopped unexpectedly; see its log".
void TestLocalStack::failingNodeSaysWhyInItsOwnWords() {
    QTemporaryDir dir;
    qputenv("FAKE_SLUICED_FAIL", "anvil");
    LocalStack stack(dir.filePath(QStringLiteral("devnet")));
    stack.setProgram(QStringLiteral(FAKE_SLUICED));
    stack.start();
    QVERIFY(waitForState(stack, LocalStack::State::Failed));
    qunsetenv("FAKE_SLUICED_FAIL");
    QVERIFY2(stack.problem().contains(QStringLiteral("anvil (Foundry's local Ethereum node) was not found")),
             qPrintable(stack.problem()));
}

void TestLocalStack::missingProgramIsFailed() {
    QTemporaryDir dir;
    LocalStack stack(dir.filePath(QStringLiteral("devnet")));
    stack.setProgram(dir.filePath(QStringLiteral("no-such-sluiced")));
    stack.start();
    QVERIFY(waitForState(stack, LocalStack::State::Failed));
    QVERIFY(!stack.problem().isEmpty());
}

void TestLocalStack::logModelDropsOldLines() {
    LogModel log(3);
    QSignalSpy reset(&log, &QAbstractItemModel::modelReset);
    for (int i = 0; i < 5; ++i) log.append(QString::number(i));
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.text(), QStringLiteral("2\n3\n4"));
    QCOMPARE(reset.count(), 0);
    // Keys stay stable for the lines that remain.
    QCOMPARE(log.data(log.index(0), LogModel::KeyRole).toString(), QStringLiteral("3"));
}

void TestLocalStack::checkNetworkNamesTheUnreachableL1() {
    NetworkConfig config;
    config.l1Rpc = QUrl(QStringLiteral("http://127.0.0.1:1"));
    config.l2Rpc = QUrl(QStringLiteral("http://127.0.0.1:2"));
    QObject context;
    std::optional<Result<CheckedNetwork>> outcome;
    checkNetwork(config, &context, [&](Result<CheckedNetwork> r) { outcome = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000);
    QVERIFY(!outcome->ok());
    QVERIFY2(QString::fromStdString(outcome->message()).contains(QStringLiteral("L1 RPC http://127.0.0.1:1")),
             outcome->message().c_str());
}

QTEST_GUILESS_MAIN(TestLocalStack)
#include "tst_localstack.moc"
