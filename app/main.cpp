// SPDX-License-Identifier: MIT
// sluice-wallet: the desktop wallet. Everything but the command line lives in the Sluice QML module.

#include <QtQml/qqmlextensionplugin.h>
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>
#include <cstring>
#include <memory>

#include "appcontext.h"
#include "core/common/secure.hpp"
#include "desktop/notificationcenter.h"
#include "qr/qrimage.h"
#include "screenshot.h"
#include "services/process/termination_signals.hpp"
#include "startuptrace.h"
#include "walletsession.h"

Q_IMPORT_QML_PLUGIN(SluicePlugin)

namespace {

// --help and --version answer without a display: they are read before QApplication (which
// aborts when it finds no display to connect to) is created.
bool onlyHelpOrVersion(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "-?", "--help", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[]) {
    sluice::harden_process();  // no core dumps of a process that holds keys
    // The organisation and application names place the wallet's data folder (~/.local/share/Sluice/Sluice):
    // unchanged by the binary's rename to sluice-wallet, so existing wallets are found.
    QCoreApplication::setApplicationName(QStringLiteral("Sluice"));
    QCoreApplication::setOrganizationName(QStringLiteral("Sluice"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLUICE_VERSION));

    const QStringList pages = {QStringLiteral("onboarding"), QStringLiteral("create"),   QStringLiteral("confirm"),
                               QStringLiteral("restore"),    QStringLiteral("import"),   QStringLiteral("password"),
                               QStringLiteral("unlock"),     QStringLiteral("accounts"), QStringLiteral("settings"),
                               QStringLiteral("overview"),   QStringLiteral("send"),     QStringLiteral("receive"),
                               QStringLiteral("bridge"),     QStringLiteral("batches"),  QStringLiteral("activity"),
                               QStringLiteral("channels")};

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Desktop wallet and bridge for an Ethereum layer 2."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render the page to a PNG file and exit."),
                                              QStringLiteral("file"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QStringLiteral("Page to show first: %1.").arg(pages.join(QStringLiteral(", "))),
                                        QStringLiteral("page"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("Language for this run: en, de or system."), QStringLiteral("language"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Directory of the wallet file and settings."),
                                           QStringLiteral("dir"));
    const QCommandLineOption rpcOption(QStringLiteral("l1-rpc"), QStringLiteral("L1 JSON-RPC endpoint for this run."),
                                       QStringLiteral("url"));
    const QCommandLineOption fixtureOption(
        QStringLiteral("dev-fixture"),
        QStringLiteral("Development only: create a wallet from the well-known test mnemonic (cheap "
                       "encryption) in the data dir if there is none, with three accounts."));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QStringLiteral("Theme for this run: light, dark or system."), QStringLiteral("theme"));
    const QCommandLineOption devnetDirOption(
        QStringLiteral("devnet-dir"),
        QStringLiteral("Use the devnet already running in this directory (sluiced --devnet --data-dir DIR) "
                       "instead of starting the bundled one."),
        QStringLiteral("dir"));
    const QCommandLineOption noLocalStackOption(QStringLiteral("no-local-stack"),
                                                QStringLiteral("Do not start the bundled local network by itself."));
    parser.addOptions({screenshotOption, pageOption, langOption, dataDirOption, rpcOption, fixtureOption, themeOption,
                       devnetDirOption, noLocalStackOption});
    if (onlyHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        // parse(), not process(): Qt's own options (-platform, -style) are not errors here.
        parser.parse(QCoreApplication::arguments());
        if (parser.isSet(QStringLiteral("version")) && !parser.isSet(QStringLiteral("help"))) parser.showVersion();
        parser.showHelp(0);
    }

    // QApplication (not QGuiApplication) so that the system tray icon can notify.
    QApplication app(argc, argv);
    // A session ending or `kill` quits as the user does: the local node stopped, secrets wiped.
    sluice::TerminationSignals terminationSignals;
    QObject::connect(&terminationSignals, &sluice::TerminationSignals::received, &app, &QCoreApplication::quit);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Sluice"));
    // The Wayland app id and the desktop entry's name (packaging/), so the shell shows its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(SLUICE_APP_ID));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/Sluice/sluice.svg")));
    parser.process(app);

    AppOptions options;
    options.dataDir = parser.value(dataDirOption);
    options.l1RpcUrl = parser.value(rpcOption);
    options.language = parser.value(langOption);
    options.initialPage = parser.value(pageOption);
    options.devFixture = parser.isSet(fixtureOption);
    if (!options.initialPage.isEmpty() && !pages.contains(options.initialPage)) {
        std::fprintf(stderr, "sluice-wallet: unknown page '%s' (one of: %s)\n", qPrintable(options.initialPage),
                     qPrintable(pages.join(QStringLiteral(", "))));
        return 2;
    }
    if (!options.language.isEmpty() &&
        !QStringList{QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("system")}.contains(options.language)) {
        std::fprintf(stderr, "sluice-wallet: unknown language '%s' (en, de or system)\n", qPrintable(options.language));
        return 2;
    }
    if (options.devFixture && options.dataDir.isEmpty()) {
        std::fprintf(stderr, "sluice-wallet: --dev-fixture needs --data-dir (it never touches a real wallet)\n");
        return 2;
    }
    options.autoUnlock = options.devFixture && options.initialPage != QLatin1String("unlock");
    options.theme = parser.value(themeOption);
    if (!options.theme.isEmpty() &&
        !QStringList{QStringLiteral("light"), QStringLiteral("dark"), QStringLiteral("system")}.contains(
            options.theme)) {
        std::fprintf(stderr, "sluice-wallet: unknown theme '%s' (light, dark or system)\n", qPrintable(options.theme));
        return 2;
    }
    AppContext::configure(options);
    SessionOptions sessionOptions;
    sessionOptions.devnetDir = parser.value(devnetDirOption);
    // Screenshots and explicit opt-outs never start a devnet; a normal first run does.
    sessionOptions.autoStartLocalStack = !parser.isSet(screenshotOption) && !parser.isSet(noLocalStackOption);
    WalletSession::configure(sessionOptions);
    NotificationCenter::instance()->follow(AppContext::instance()->bridge(), AppContext::instance()->verification(),
                                           AppContext::instance()->channels());

    QQuickStyle::setStyle(QStringLiteral("Material"));
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(14);
    QGuiApplication::setFont(font);

    auto engine = std::make_unique<QQmlApplicationEngine>();
    engine->addImageProvider(QLatin1String(QrImageProvider::kName), new QrImageProvider);
    engine->load(QUrl(QStringLiteral("qrc:/Sluice/Main.qml")));
    if (engine->rootObjects().isEmpty()) return 1;

    auto* window = qobject_cast<QQuickWindow*>(engine->rootObjects().constFirst());
    if (!window) return 1;
    sluice::traceStartup(window, WalletSession::instance()->localStack());
    ScreenshotTaker* screenshot = nullptr;
    if (parser.isSet(screenshotOption)) screenshot = new ScreenshotTaker(window, parser.value(screenshotOption), &app);

    const int code = QGuiApplication::exec();
    delete screenshot;
    engine.reset();
    // Stops the local node (SIGTERM, then waits) and drops the services before the store goes.
    delete WalletSession::existing();
    // The store waits for its worker and wipes its secrets before the application goes away.
    AppContext::shutdown();
    return code;
}
