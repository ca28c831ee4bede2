// SPDX-License-Identifier: MIT
// awaitResult (services/rpc/await_result.hpp) when QCoreApplication::exit() is asked for during the
// wait. sluiced's start-up waits with it, and a fatal error found meanwhile (an L1 reorg read in
// the wait) asked to exit: the wait ended before its call reported and its result was read from an
// empty optional (seen in CI: the hub's "dispute period 0 s", then a segmentation fault).
// A process of its own: after exit() every new event loop of the thread returns at once.
#include <QCoreApplication>
#include <QTimer>
#include <QtTest>

#include "services/rpc/await_result.hpp"

using sluice::awaitResult;

class AwaitResultTest : public QObject {
    Q_OBJECT
private slots:
    void waitsForTheResultThroughAnExitRequest() {
        QTimer::singleShot(0, [] { QCoreApplication::exit(2); });  // asked while the call is under way
        const int value = awaitResult<int>([](auto done) { QTimer::singleShot(50, [done] { done(42); }); });
        QCOMPARE(value, 42);
        // A wait begun after the request (its event loop would return at once) also gets its result.
        const int next = awaitResult<int>([](auto done) { QTimer::singleShot(10, [done] { done(7); }); });
        QCOMPARE(next, 7);
        // A result given before awaitResult starts waiting is returned as it is.
        QCOMPARE(awaitResult<int>([](auto done) { done(5); }), 5);
    }
};

QTEST_GUILESS_MAIN(AwaitResultTest)
#include "await_result_test.moc"
