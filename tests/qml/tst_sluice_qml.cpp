// SPDX-License-Identifier: MIT
// Runs every tst_*.qml in this folder with the Sluice module and a throw-away data dir.

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>

#include <memory>

#include "appcontext.h"
#include "qr/qrimage.h"
#include "walletsession.h"

Q_IMPORT_QML_PLUGIN(SluicePlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        m_dir = std::make_unique<QTemporaryDir>();
        AppOptions options;
        options.dataDir = m_dir->path();
        options.fastKdf = true;  // WalletKdf::fastForTests: milliseconds, not a second
        options.language = QStringLiteral("en");
        // Nothing listens on the discard port: the status is "unreachable", no test needs a node.
        options.l1RpcUrl = QStringLiteral("http://127.0.0.1:9");
        AppContext::configure(options);
        WalletSession::configure(SessionOptions{});  // never starts a local stack
        QQuickStyle::setStyle(QStringLiteral("Material"));
    }
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->addImageProvider(QString::fromLatin1(QrImageProvider::kName), new QrImageProvider);
    }
    void cleanupTestCase() {
        delete WalletSession::existing();
        AppContext::shutdown();
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QUICK_TEST_MAIN_WITH_SETUP(sluice_qml, Setup)

#include "tst_sluice_qml.moc"
