// SPDX-License-Identifier: MIT
// AppSettings in a temporary data dir: defaults, validation, persistence, change signals.

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "services/wallet/appsettings.h"

using sluice::AppSettings;

class AppSettingsTest : public QObject {
    Q_OBJECT

private slots:
    void defaults() {
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        QCOMPARE(settings.l1RpcUrl(), QStringLiteral("http://127.0.0.1:8545"));
        QCOMPARE(settings.language(), QStringLiteral("system"));
        QCOMPARE(settings.settingsFilePath(), dir.filePath(QStringLiteral("settings.ini")));
        QCOMPARE(AppSettings::supportedLanguages(),
                 QStringList({QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")}));
    }

    void rpcUrlValidation_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("http") << QStringLiteral("http://127.0.0.1:8545") << true << QString();
        QTest::newRow("https") << QStringLiteral("https://eth.example.org/v1/key") << true << QString();
        QTest::newRow("ws") << QStringLiteral("ws://localhost:8546") << true << QString();
        QTest::newRow("wss upper") << QStringLiteral("WSS://node.example") << true << QString();
        QTest::newRow("padded") << QStringLiteral("  http://localhost:8545 ") << true << QString();
        QTest::newRow("empty") << QString() << false << QStringLiteral("Enter the URL");
        QTest::newRow("ftp") << QStringLiteral("ftp://example.org") << false << QStringLiteral("not ftp://");
        QTest::newRow("no scheme") << QStringLiteral("localhost:8545") << false << QStringLiteral("http://");
        QTest::newRow("relative") << QStringLiteral("/rpc") << false << QStringLiteral("not a valid URL");
        QTest::newRow("no host") << QStringLiteral("http://") << false << QStringLiteral("host");
        QTest::newRow("spaces") << QStringLiteral("http://exa mple.org") << false << QString();
    }

    void rpcUrlValidation() {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QFETCH(QString, messagePart);
        const QString problem = AppSettings::rpcUrlProblem(url);
        QCOMPARE(problem.isEmpty(), valid);
        if (!messagePart.isEmpty()) QVERIFY2(problem.contains(messagePart), qPrintable(problem));

        QTemporaryDir dir;
        AppSettings settings(dir.path());
        QSignalSpy changed(&settings, &AppSettings::l1RpcUrlChanged);
        QSignalSpy error(&settings, &AppSettings::error);
        QCOMPARE(settings.setL1RpcUrl(url), valid);
        QCOMPARE(error.count(), valid ? 0 : 1);
        if (valid) {
            QCOMPARE(settings.l1RpcUrl(), url.trimmed());
            // Setting the default again is no change.
            QCOMPARE(changed.count(), url.trimmed() == AppSettings::defaultL1RpcUrl() ? 0 : 1);
        } else {
            QCOMPARE(error.first().first().toString(), problem);
            QCOMPARE(changed.count(), 0);
            QCOMPARE(settings.l1RpcUrl(), AppSettings::defaultL1RpcUrl());
        }
    }

    void valuesPersistAcrossInstances() {
        QTemporaryDir dir;
        {
            AppSettings settings(dir.path());
            QSignalSpy urlChanged(&settings, &AppSettings::l1RpcUrlChanged);
            QSignalSpy languageChanged(&settings, &AppSettings::languageChanged);
            QVERIFY(settings.setL1RpcUrl(QStringLiteral("wss://l1.example.org/ws")));
            QVERIFY(settings.setLanguage(QStringLiteral("de")));
            QVERIFY(settings.setLanguage(QStringLiteral("de")));  // unchanged: no second signal
            QCOMPARE(urlChanged.count(), 1);
            QCOMPARE(languageChanged.count(), 1);
        }
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("settings.ini"))));
        AppSettings reopened(dir.path());
        QCOMPARE(reopened.l1RpcUrl(), QStringLiteral("wss://l1.example.org/ws"));
        QCOMPARE(reopened.language(), QStringLiteral("de"));
    }

    // The user's "allow unencrypted connections" choice (issue 10, item 13) is saved with the
    // custom endpoints and read back at the next start; it is off unless chosen.
    void insecureEndpointChoicePersists() {
        QTemporaryDir dir;
        const QString rollup = QStringLiteral("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        {
            AppSettings settings(dir.path());
            QVERIFY(!settings.allowInsecureEndpoints());
            QVERIFY(settings.setCustomNetwork(QStringLiteral("http://192.168.1.10:8545"),
                                              QStringLiteral("http://192.168.1.10:8645"), rollup, true));
            QVERIFY(settings.allowInsecureEndpoints());
        }
        AppSettings reopened(dir.path());
        QVERIFY(reopened.allowInsecureEndpoints());
        QVERIFY(reopened.setCustomNetwork(QStringLiteral("https://l1.example"), QStringLiteral("https://l2.example"),
                                          rollup));
        QVERIFY(!reopened.allowInsecureEndpoints());
    }

    void unsupportedLanguageIsRefused() {
        QTemporaryDir dir;
        AppSettings settings(dir.path());
        QSignalSpy changed(&settings, &AppSettings::languageChanged);
        QSignalSpy error(&settings, &AppSettings::error);
        QVERIFY(!settings.setLanguage(QStringLiteral("fr")));
        QCOMPARE(error.count(), 1);
        QVERIFY(error.first().first().toString().contains(QStringLiteral("fr")));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(settings.language(), QStringLiteral("system"));
        QVERIFY(settings.setLanguage(QStringLiteral("en")));
        QCOMPARE(changed.count(), 1);
    }

    void handEditedJunkFallsBackToDefaults() {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("settings.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[network]\nl1RpcUrl=gopher://x\n[ui]\nlanguage=klingon\n");
        file.close();
        AppSettings settings(dir.path());
        QCOMPARE(settings.l1RpcUrl(), AppSettings::defaultL1RpcUrl());
        QCOMPARE(settings.language(), QStringLiteral("system"));
    }
};

QTEST_GUILESS_MAIN(AppSettingsTest)
#include "appsettings_test.moc"
