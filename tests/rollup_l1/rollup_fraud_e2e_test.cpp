// SPDX-License-Identifier: MIT
#include <QtTest>
class RollupFraudE2eTest : public QObject {
    Q_OBJECT
};
QTEST_GUILESS_MAIN(RollupFraudE2eTest)
#include "rollup_fraud_e2e_test.moc"
