// SPDX-License-Identifier: MIT
// The app's catalogues as the user meets them: English reads "1 minute" / "5 minutes" (the
// plural forms of "%n minute(s)" come from sluice_en.ts), German keeps its own forms, and the
// service messages the GUI shows (local stack, bridge, subscriptions) are translated too.
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include "appcontext.h"
#include "settings/settingscontroller.h"

namespace {
QStringList autoLockTexts(const SettingsController& settings) {
    QStringList out;
    for (const QVariant& choice : settings.autoLockChoices())
        out << choice.toMap().value(QStringLiteral("text")).toString();
    return out;
}
QString translated(const char* context, const char* source, int n = -1) {
    return QCoreApplication::translate(context, source, nullptr, n);
}
}  // namespace

class TestI18n : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void englishPluralsReadRight();
    void germanPluralsStayRight();
    void languagesWithoutACatalogueReadEnglish();
    void serviceMessagesAreInTheCatalogue();

private:
    QTemporaryDir m_dir;
};

void TestI18n::initTestCase() {
    AppOptions options;
    options.dataDir = m_dir.path();
    options.fastKdf = true;
    options.language = QStringLiteral("en");
    options.l1RpcUrl = QStringLiteral("http://127.0.0.1:9");  // nothing listens: no node needed
    AppContext::configure(options);
    QVERIFY(AppContext::instance());
}

void TestI18n::cleanupTestCase() { AppContext::shutdown(); }

void TestI18n::englishPluralsReadRight() {
    QVERIFY(AppContext::instance()->setLanguage(QStringLiteral("en"), false));
    SettingsController settings;
    const QStringList texts = autoLockTexts(settings);
    QVERIFY2(texts.contains(QStringLiteral("1 minute")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("5 minutes")), qPrintable(texts.join(QLatin1Char('|'))));
    for (const QString& text : texts) QVERIFY2(!text.contains(QStringLiteral("(s)")), qPrintable(text));
    // The wallet's verification summary, as WalletSession words it.
    QCOMPARE(translated("VerificationStore", "%n batch(es) could not be verified by this wallet.", 1),
             QStringLiteral("1 batch could not be verified by this wallet."));
    QCOMPARE(translated("VerificationStore", "%n batch(es) could not be verified by this wallet.", 3),
             QStringLiteral("3 batches could not be verified by this wallet."));
    QCOMPARE(translated("VerificationStore", "All %n batch(es) holding your funds verified by this wallet.", 4),
             QStringLiteral("All 4 batches holding your funds verified by this wallet."));
    QCOMPARE(
        translated("VerificationStore", "Fraud found by this wallet in batch %1; %n batch(es) cannot be trusted.", 2),
        QStringLiteral("Fraud found by this wallet in batch %1; 2 batches cannot be trusted."));
    // The English catalogue holds only plurals: everything else stays the source text.
    QCOMPARE(translated("SettingsController", "Never"), QStringLiteral("Never"));
}

void TestI18n::germanPluralsStayRight() {
    QVERIFY(AppContext::instance()->setLanguage(QStringLiteral("de"), false));
    SettingsController settings;
    const QStringList texts = autoLockTexts(settings);
    QVERIFY2(texts.contains(QStringLiteral("1 Minute")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("5 Minuten")), qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY2(texts.contains(QStringLiteral("Nie")), qPrintable(texts.join(QLatin1Char('|'))));
    QCOMPARE(translated("VerificationStore", "%n batch(es) could not be verified by this wallet.", 3),
             QStringLiteral("3 Batches konnten von dieser Wallet nicht geprüft werden."));
    // Back to English: the German catalogue is gone again.
    QVERIFY(AppContext::instance()->setLanguage(QStringLiteral("en"), false));
    QVERIFY(autoLockTexts(settings).contains(QStringLiteral("5 minutes")));
    QCOMPARE(translated("SettingsController", "Never"), QStringLiteral("Never"));
}

// A system set to a language the app has no catalogue for (French), or to none at all (the "C"
// locale of an environment without LANG), reads English with its plural forms, not "1 batch(es)".
void TestI18n::languagesWithoutACatalogueReadEnglish() {
    for (const QLocale& locale : {QLocale(QLocale::French, QLocale::France), QLocale::c()}) {
        QTranslator catalogue;
        QVERIFY(AppContext::loadCatalogue(&catalogue, locale));
        QCOMPARE(
            catalogue.translate("VerificationStore", "%n batch(es) could not be verified by this wallet.", nullptr, 1),
            QStringLiteral("%n batch could not be verified by this wallet."));
    }
}

void TestI18n::serviceMessagesAreInTheCatalogue() {
    QVERIFY(AppContext::instance()->setLanguage(QStringLiteral("de"), false));
    struct Probe {
        const char* context;
        const char* source;
    };
    // One message of each service source the GUI shows; the catalogue must carry them all.
    const Probe probes[] = {
        {"sluice::LocalStack", "Starting the local network…"},
        {"sluice::LocalStack", "The local network is running."},
        {"sluice::BridgeService", "Cannot read the bridge history %1: %2"},
        {"sluice::L2Client", "Lost the WebSocket to the L2 node (%1); reconnecting."},
        {"sluice::HeadsSubscription", "by polling until it reconnects"},
    };
    for (const Probe& probe : probes) {
        const QString source = QString::fromUtf8(probe.source);
        const QString text = translated(probe.context, probe.source);
        QVERIFY2(text != source,
                 qPrintable(QStringLiteral("%1: \"%2\" is not translated").arg(QLatin1String(probe.context), source)));
    }
    QVERIFY(AppContext::instance()->setLanguage(QStringLiteral("en"), false));
}

QTEST_MAIN(TestI18n)
#include "tst_i18n.moc"
