// SPDX-License-Identifier: MIT
// The desktop app end to end: the real Main.qml, controllers and services, offscreen, against a
// real `sluiced --devnet` (anvil + Rollup + L2 node) with a short challenge period. The test does
// what a user does: on first run the bundled stack is not available (SLUICE_SLUICED points
// nowhere), so it opens Network settings, enters the devnet's endpoints and lets the wallet check
// them; then deposit -> credited -> withdraw -> challenge window -> Finalize, asserting what the
// pages show at each step. The second scenario runs a proposer that cheats (--fault wrong-root@1)
// and checks that this wallet's own verifier catches it and the Batches page says so.
//
// Waiting is for readiness with generous bounds (QTRY_*), never an assertion about time.

#include <QtQml/qqmlextensionplugin.h>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

#include "appcontext.h"
#include "batches/batchesmodel.h"
#include "bridge/transfersmodel.h"
#include "core/eth/address.hpp"
#include "core/eth/units.hpp"
#include "qr/qrimage.h"
#include "services/rpc/eth_client.hpp"
#include "services/wallet/walletstore.h"
#include "walletsession.h"

Q_IMPORT_QML_PLUGIN(SluicePlugin)

using namespace sluice;

namespace {

constexpr int kLong = 60000;  // ms: readiness bound for chain events (a batch, a window)

// One JSON-RPC call to the devnet's anvil (time control); true when it answered without an error.
bool anvilCall(const QString& url, const QString& method, const QJsonArray& params) {
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const QJsonObject call{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}};
    QNetworkReply* reply = network.post(request, QJsonDocument(call).toJson(QJsonDocument::Compact));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10000)) return false;
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return reply->error() == QNetworkReply::NoError && answer.contains(QStringLiteral("result"));
}

// A port by the rule of every test script (free_port in tests/e2e/devnet_lib.sh: below the
// kernel's ephemeral range, never handed out twice within ten minutes). What binding port 0 gives
// comes from the ephemeral range, where another test's outgoing connection can take it before the
// node listens on it.
quint16 freePort() {
    QProcess bash;
    bash.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("source \"$1\" && free_port"),
                                        QStringLiteral("free_port"), QStringLiteral(SLUICE_DEVNET_LIB)});
    const bool done = bash.waitForFinished(30000) && bash.exitCode() == 0;
    const quint16 port = done ? bash.readAllStandardOutput().trimmed().toUShort() : 0;
    if (port == 0) qFatal("free_port failed: %s", bash.readAllStandardError().constData());
    return port;
}

// A property of an item that may be missing: invalid when it is, so a comparison with the
// expected value fails with a message instead of the test crashing on a null item.
QVariant propertyOf(QObject* item, const char* name) { return item ? item->property(name) : QVariant(); }
QString textOf(QObject* item) { return propertyOf(item, "text").toString(); }

}  // namespace

class GuiE2E : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void bridgeFlow();
    void fraudShown();
    void channelsFlow();
    void staleCloseDisputed();

private:
    // The local network's app on the Channels page with account `index` chosen; its address.
    Address openChannelsPageAs(int index);
    // `account`'s balance on L1, from the session's L1 client (0 and a failure if it does not answer).
    U256 l1Balance(const Address& account);
    // Opens a channel from the page (`mine` ETH, the hub `theirs`) and waits for its row.
    void openChannel(const QString& mine, const QString& theirs);
    void startDevnet(const QStringList& extraArgs);
    // The devnet node's output (stdout and stderr), kept in the test's temporary folder.
    QString nodeLogPath() const;
    QByteArray nodeLog() const;
    void loadApp();
    void connectThroughSettings();
    void openPage(const QString& key);
    QQuickItem* find(const QString& name, QQuickItem* under = nullptr) const;
    QQuickItem* waitFor(const QString& name, QQuickItem* under = nullptr);
    void click(QQuickItem* item);
    void click(const QString& name) { click(waitFor(name)); }
    void typeInto(const QString& inputName, const QString& text);
    // The review dialog before a bridge transaction is signed: checks the amount it shows, then
    // clicks "Sign and send".
    // `outcome`: what the review's outcome line must contain (every bridge review names a time: "…").
    void approveReview(const QString& amount, const QString& outcome = QStringLiteral("\u2026"));
    // Runs sluice-cli with `args`; its standard output, trimmed ("" and a failure if it failed).
    QString cli(const QStringList& args);
    // The newest tracker row of `kind` ("deposit"/"withdrawal"), null if none.
    QQuickItem* transferRow(const QString& kind) const;
    QString rowStatus(const QString& kind) const;
    QString batchListState() const;  // for failure messages

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_node;
    QJsonObject m_manifest;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
};

void GuiE2E::initTestCase() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    AppOptions options;
    options.dataDir = m_dir->filePath(QStringLiteral("wallet"));
    QDir().mkpath(options.dataDir);
    options.language = QStringLiteral("en");
    options.fastKdf = true;
    options.devFixture = true;  // anvil's test mnemonic: its accounts are funded on the devnet's L1
    options.autoUnlock = true;
    AppContext::configure(options);
    // Like a first run where the bundled stack is not wanted: the user names the endpoints.
    SessionOptions session;
    session.autoStartLocalStack = false;
    WalletSession::configure(session);
    QQuickStyle::setStyle(QStringLiteral("Material"));
}

QString GuiE2E::nodeLogPath() const { return m_dir->filePath(QStringLiteral("sluiced.log")); }

QByteArray GuiE2E::nodeLog() const {
    QFile log(nodeLogPath());
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

// A failed scenario says what the node said: its log goes with the temporary folder.
void GuiE2E::cleanup() {
    if (!QTest::currentTestFailed()) return;
    const QList<QByteArray> lines = nodeLog().split('\n');
    const QString status = m_node.state() == QProcess::NotRunning
                               ? QStringLiteral("exited with status %1").arg(m_node.exitCode())
                               : QStringLiteral("running");
    qInfo().noquote() << "sluiced" << status << "- the end of its log:";
    for (qsizetype i = std::max<qsizetype>(0, lines.size() - 40); i < lines.size(); ++i)
        qInfo().noquote() << QString::fromUtf8(lines[i]);
}

void GuiE2E::cleanupTestCase() {
    m_engine.reset();
    delete WalletSession::existing();
    AppContext::shutdown();
    if (m_node.state() != QProcess::NotRunning) {
        m_node.terminate();
        if (!m_node.waitForFinished(15000)) m_node.kill();
    }
}

void GuiE2E::startDevnet(const QStringList& extraArgs) {
    const QString dir = m_dir->filePath(QStringLiteral("devnet"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SLUICE_ANVIL"), QStringLiteral(SLUICE_ANVIL_PATH));
    m_node.setProcessEnvironment(env);
    m_node.setProcessChannelMode(QProcess::MergedChannels);
    m_node.setStandardOutputFile(nodeLogPath());
    QStringList args{QStringLiteral("--devnet"),  QStringLiteral("--data-dir"), dir,
                     QStringLiteral("--l1-port"), QString::number(freePort()),  QStringLiteral("--l2-port"),
                     QString::number(freePort())};
    m_node.start(QStringLiteral(SLUICE_SLUICED_PATH), args + extraArgs);
    QVERIFY2(m_node.waitForStarted(), qPrintable(m_node.errorString()));
    // The node serves L2 only after it has written the manifest (once L1 is ready) and started its
    // watchtower, sequencer and hub. A wallet given a devnet folder checks the network once, so it
    // is handed the devnet only when the node says it serves (as the scripts wait for it).
    QTRY_VERIFY_WITH_TIMEOUT(nodeLog().contains("JSON-RPC on") || m_node.state() == QProcess::NotRunning, kLong);
    QVERIFY2(m_node.state() == QProcess::Running, "sluiced exited; see its log above or in the test dir");
    // The node writes it once; read until it parses (it may be caught half written).
    const QString manifest = dir + QStringLiteral("/devnet.json");
    const auto readManifest = [&] {
        QFile file(manifest);
        if (!file.open(QIODevice::ReadOnly)) return false;
        m_manifest = QJsonDocument::fromJson(file.readAll()).object();
        return !m_manifest.value(QStringLiteral("rollup")).toString().isEmpty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(readManifest(), 30000);
}

void GuiE2E::loadApp() {
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_engine->addImageProvider(QString::fromLatin1(QrImageProvider::kName), new QrImageProvider);
    m_engine->load(QUrl(QStringLiteral("qrc:/Sluice/Main.qml")));
    QVERIFY(!m_engine->rootObjects().isEmpty());
    m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().constFirst());
    QVERIFY(m_window);
    // Tall enough that the tracker's rows are on screen without scrolling.
    m_window->resize(1280, 1600);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(AppContext::instance()->unlocked(), 60000);
    // The dev fixture adds its accounts after unlocking; start once that work is done.
    QTRY_VERIFY_WITH_TIMEOUT(AppContext::instance()->idle(), 60000);
    waitFor(QStringLiteral("nav_settings"));
}

QQuickItem* GuiE2E::find(const QString& name, QQuickItem* under) const {
    // The visual tree, so Repeater/ListView delegates and popups are found; visible ones only.
    std::function<QQuickItem*(QQuickItem*)> walk = [&](QQuickItem* item) -> QQuickItem* {
        if (!item || !item->isVisible()) return nullptr;
        if (item->objectName() == name) return item;
        for (QQuickItem* child : item->childItems())
            if (QQuickItem* found = walk(child)) return found;
        return nullptr;
    };
    return walk(under                                   ? under
                : m_window->contentItem()->parentItem() ? m_window->contentItem()->parentItem()
                                                        : m_window->contentItem());
}

QQuickItem* GuiE2E::waitFor(const QString& name, QQuickItem* under) {
    QQuickItem* item = nullptr;
    [&] {
        QTRY_VERIFY2_WITH_TIMEOUT((item = find(name, under)) != nullptr, qPrintable(name + QStringLiteral(" shown")),
                                  kLong);
    }();
    return item;
}

// Scrolls every Flickable around `item` so that it is in view, as a user would scroll to it.
static void scrollIntoView(QQuickItem* item) {
    for (QQuickItem* p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable")) continue;
        QQuickItem* content = p->property("contentItem").value<QQuickItem*>();
        if (!content) continue;
        const QRectF r = item->mapRectToItem(content, QRectF(0, 0, item->width(), item->height()));
        const qreal y = p->property("contentY").toReal();
        if (r.top() < y || r.bottom() > y + p->height()) {
            const qreal maxY = std::max<qreal>(0, p->property("contentHeight").toReal() - p->height());
            p->setProperty("contentY", std::clamp<qreal>(r.center().y() - p->height() / 2, 0, maxY));
        }
    }
}

void GuiE2E::click(QQuickItem* item) {
    QVERIFY(item);
    scrollIntoView(item);
    QTest::qWait(50);  // one frame for the scroll to apply
    QTRY_VERIFY2_WITH_TIMEOUT(item->isEnabled(), qPrintable(item->objectName() + QStringLiteral(" enabled")), kLong);
    const QPoint at = item->mapToScene(QPointF(item->width() / 2, item->height() / 2)).toPoint();
    QVERIFY2(QRect(0, 0, m_window->width(), m_window->height()).contains(at),
             qPrintable(item->objectName() + QStringLiteral(" is on screen")));
    QTest::mouseClick(m_window, Qt::LeftButton, {}, at);
}

void GuiE2E::typeInto(const QString& inputName, const QString& text) {
    QPointer<QQuickItem> input = waitFor(inputName);
    QVERIFY(input);
    click(input);
    QTRY_VERIFY2(input && input->hasActiveFocus(), qPrintable(inputName + QStringLiteral(" has focus")));
    QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(m_window, Qt::Key_Delete);
    for (const QChar c : text) QTest::keyClick(m_window, c.toLatin1());  // keyClicks is QWidget-only in 6.4
    QVERIFY(input);
    QCOMPARE(textOf(input), text);
}

void GuiE2E::approveReview(const QString& amount, const QString& outcome) {
    // A Popup is no QQuickItem: its buttons are found once it is open (its item is then in the overlay).
    QPointer<QQuickItem> approve = waitFor(QStringLiteral("reviewApproveButton"));
    QVERIFY(approve);
    QTRY_VERIFY_WITH_TIMEOUT(approve->isVisible(), kLong);
    QCOMPARE(textOf(waitFor(QStringLiteral("reviewAmount"))), amount + QStringLiteral(" ETH"));
    QVERIFY(!textOf(waitFor(QStringLiteral("reviewMaxTotal"))).isEmpty());
    // Every review says what follows (a bridge review: what arrives where, and for a withdrawal, from when).
    QVERIFY2(textOf(waitFor(QStringLiteral("reviewOutcome"))).contains(outcome),
             qPrintable(textOf(find(QStringLiteral("reviewOutcome")))));
    click(approve);
    QTRY_VERIFY_WITH_TIMEOUT(!approve || !approve->isVisible(), kLong);
}

QString GuiE2E::cli(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(SLUICE_CLI_PATH), args);
    // The app keeps running meanwhile (its event loop turns): the other wallet may need it, e.g.
    // to reveal an invoice's secret.
    const bool finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 120000);
    if (!finished || process.exitCode() != 0) {
        qWarning("sluice-cli %s failed: %s", qPrintable(args.join(' ')),
                 qPrintable(QString::fromUtf8(process.readAllStandardError())));
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void GuiE2E::openPage(const QString& key) { click(QStringLiteral("nav_") + key); }

void GuiE2E::connectThroughSettings() {
    // First run with no bundled stack: the startup view says so and offers the settings.
    auto* session = WalletSession::instance();
    if (!session->isReady()) {
        openPage(QStringLiteral("settings"));
        click(QStringLiteral("customModeRadio"));
        typeInto(QStringLiteral("customL1Input"),
                 m_manifest[QStringLiteral("l1")].toObject()[QStringLiteral("rpcUrl")].toString());
        typeInto(QStringLiteral("customL2Input"),
                 m_manifest[QStringLiteral("l2")].toObject()[QStringLiteral("rpcUrl")].toString());
        typeInto(QStringLiteral("customRollupInput"), m_manifest[QStringLiteral("rollup")].toString());
        click(QStringLiteral("checkNetworkButton"));
    }
    QTRY_VERIFY2_WITH_TIMEOUT(session->isReady(), qPrintable(session->problem()), kLong);
    QCOMPARE(session->l1RpcUrl(), m_manifest[QStringLiteral("l1")].toObject()[QStringLiteral("rpcUrl")].toString());
    // The overview shows both heads from the chain, not placeholders.
    openPage(QStringLiteral("overview"));
    QTRY_VERIFY_WITH_TIMEOUT(textOf(waitFor(QStringLiteral("l1HeadValue"))).startsWith(QLatin1Char('#')), kLong);
    QTRY_VERIFY_WITH_TIMEOUT(textOf(waitFor(QStringLiteral("l2HeadValue"))).startsWith(QLatin1Char('#')), kLong);
    QVERIFY(!find(QStringLiteral("startupView")));
}

QQuickItem* GuiE2E::transferRow(const QString& kind) const {
    QQuickItem* tracker = find(QStringLiteral("tracker"));
    if (!tracker) return nullptr;
    QQuickItem* newest = nullptr;
    int newestIndex = 1 << 30;
    std::function<void(QQuickItem*)> walk = [&](QQuickItem* item) {
        if (item->objectName().startsWith(QLatin1String("transfer_")) &&
            item->property("isDeposit").toBool() == (kind == QLatin1String("deposit"))) {
            const int index = item->property("index").toInt();
            if (index < newestIndex) {
                newestIndex = index;
                newest = item;
            }
        }
        for (QQuickItem* child : item->childItems()) walk(child);
    };
    walk(tracker);
    return newest;
}

QString GuiE2E::rowStatus(const QString& kind) const {
    QQuickItem* row = transferRow(kind);
    // The stage's journal word ("in-window", "ready", ...), so the waits below read as the states they wait for.
    return row ? TransfersModel::code(TransfersModel::Stage(row->property("status").toInt())) : QString();
}

QString GuiE2E::batchListState() const {
    QQuickItem* list = find(QStringLiteral("batchList"));
    if (!list) return QStringLiteral("no batch list shown");
    const auto* content = list->property("contentItem").value<QQuickItem*>();
    return QStringLiteral("batch list: count %1, height %2, contentHeight %3, children %4")
        .arg(list->property("count").toInt())
        .arg(list->height())
        .arg(list->property("contentHeight").toReal())
        .arg(content ? content->childItems().size() : 0);
}

void GuiE2E::bridgeFlow() {
    // A window long enough that the row is surely inside it when looked at; the test then moves
    // the L1 clock past it (anvil's evm_increaseTime) instead of waiting.
    startDevnet({QStringLiteral("--challenge-period"), QStringLiteral("300")});
    loadApp();
    connectThroughSettings();
    const QString l2Before = textOf(waitFor(QStringLiteral("statValue"), waitFor(QStringLiteral("totalL2"))));

    // ---- deposit 1.5 ETH from account 1 to itself on L2 ----
    openPage(QStringLiteral("bridge"));
    QCOMPARE(textOf(waitFor(QStringLiteral("bridgeSubmitButton"))), QStringLiteral("Deposit"));
    QVERIFY(find(QStringLiteral("noTransfers")));
    typeInto(QStringLiteral("bridgeAmountInput"), QStringLiteral("abc"));
    QVERIFY2(!textOf(waitFor(QStringLiteral("bridgeAmountMessage"))).isEmpty(), "a bad amount gets C++'s message");
    QCOMPARE(propertyOf(waitFor(QStringLiteral("bridgeSubmitButton")), "enabled"), QVariant(false));
    typeInto(QStringLiteral("bridgeAmountInput"), QStringLiteral("1.5"));
    click(QStringLiteral("bridgeSubmitButton"));
    approveReview(QStringLiteral("1.5"));
    QTRY_VERIFY_WITH_TIMEOUT(transferRow(QStringLiteral("deposit")) != nullptr, kLong);
    QCOMPARE(textOf(find(QStringLiteral("transferTitle"), transferRow(QStringLiteral("deposit")))),
             QStringLiteral("Deposit of 1.5 ETH"));
    QTRY_COMPARE_WITH_TIMEOUT(rowStatus(QStringLiteral("deposit")), QStringLiteral("credited"), kLong);
    QCOMPARE(propertyOf(find(QStringLiteral("transferStepper"), transferRow(QStringLiteral("deposit"))), "complete"),
             QVariant(true));

    // The overview's L2 total rose.
    openPage(QStringLiteral("overview"));
    QTRY_VERIFY_WITH_TIMEOUT(textOf(find(QStringLiteral("statValue"), find(QStringLiteral("totalL2")))) != l2Before,
                             kLong);
    QVERIFY(textOf(find(QStringLiteral("statValue"), find(QStringLiteral("totalL2")))).contains(QStringLiteral("1.5")));

    // ---- withdraw 0.5 ETH back to L1 ----
    openPage(QStringLiteral("bridge"));
    click(QStringLiteral("withdrawTab"));
    QCOMPARE(textOf(waitFor(QStringLiteral("bridgeSubmitButton"))), QStringLiteral("Withdraw"));
    typeInto(QStringLiteral("bridgeAmountInput"), QStringLiteral("0.5"));
    click(QStringLiteral("bridgeSubmitButton"));
    approveReview(QStringLiteral("0.5"));
    QTRY_VERIFY_WITH_TIMEOUT(transferRow(QStringLiteral("withdrawal")) != nullptr, kLong);
    QQuickItem* row = transferRow(QStringLiteral("withdrawal"));
    QCOMPARE(textOf(find(QStringLiteral("transferTitle"), row)), QStringLiteral("Withdrawal of 0.5 ETH"));
    // Until the window has passed Finalize stays disabled, and the final time is absolute.
    QTRY_COMPARE_WITH_TIMEOUT(rowStatus(QStringLiteral("withdrawal")), QStringLiteral("in-window"), kLong);
    row = transferRow(QStringLiteral("withdrawal"));
    QCOMPARE(propertyOf(find(QStringLiteral("finalizeButton"), row), "enabled"), QVariant(false));
    QVERIFY(textOf(find(QStringLiteral("finalAt"), row)).startsWith(QStringLiteral("Final at 20")));
    // ---- the window passes (L1's clock moved past it); Finalize turns on; click it ----
    const QString l1Url = m_manifest[QStringLiteral("l1")].toObject()[QStringLiteral("rpcUrl")].toString();
    QVERIFY(anvilCall(l1Url, QStringLiteral("evm_increaseTime"), {301}));
    QVERIFY(anvilCall(l1Url, QStringLiteral("evm_mine"), {}));
    QTRY_COMPARE_WITH_TIMEOUT(rowStatus(QStringLiteral("withdrawal")), QStringLiteral("ready"), kLong);
    row = transferRow(QStringLiteral("withdrawal"));
    QTRY_COMPARE_WITH_TIMEOUT(propertyOf(find(QStringLiteral("finalizeButton"), row), "enabled"), QVariant(true),
                              kLong);
    click(find(QStringLiteral("finalizeButton"), row));
    approveReview(QStringLiteral("0.5"));
    QTRY_COMPARE_WITH_TIMEOUT(rowStatus(QStringLiteral("withdrawal")), QStringLiteral("finalized"), kLong);
    row = transferRow(QStringLiteral("withdrawal"));
    QVERIFY(!find(QStringLiteral("finalizeButton"), row));
    QCOMPARE(propertyOf(find(QStringLiteral("transferStepper"), row), "complete"), QVariant(true));

    // ---- the batches holding the funds were verified by this wallet, and Activity lists it all ----
    openPage(QStringLiteral("batches"));
    QTRY_VERIFY2_WITH_TIMEOUT(find(QStringLiteral("batch_0")) != nullptr, qPrintable(batchListState()), kLong);
    QVERIFY(!find(QStringLiteral("fraudBanner")));
    QTRY_VERIFY_WITH_TIMEOUT(AppContext::instance()->verification()->fundsVerified(), kLong);
    openPage(QStringLiteral("overview"));
    QCOMPARE(textOf(waitFor(QStringLiteral("verificationText"))), AppContext::instance()->verification()->summary());
    openPage(QStringLiteral("activity"));
    QQuickItem* list = waitFor(QStringLiteral("activityList"));
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->property("count").toInt() >= 2, kLong);  // deposit, withdrawal
    // One row per transfer, its status updated in place.
    click(QStringLiteral("filter_kind_withdrawal"));
    QTRY_COMPARE(list->property("count").toInt(), 1);
    click(QStringLiteral("filter_kind_deposit"));
    QTRY_COMPARE(list->property("count").toInt(), 1);
    // The deposit to the same account is a move between the user's own layers, not a loss.
    QQuickItem* depositRow = waitFor(QStringLiteral("activity_0"));
    QVERIFY(depositRow);
    const QString depositAmount = textOf(find(QStringLiteral("activityAmount"), depositRow));
    QVERIFY2(depositAmount.endsWith(QStringLiteral(" ETH")) && depositAmount.at(0).isDigit(),
             qPrintable(depositAmount));
    // Its detail view: the transaction, its block and fee read from L1, copyable hashes.
    const QString txHash = depositRow->property("txHash").toString();
    click(depositRow);
    QQuickItem* txHashLabel = waitFor(QStringLiteral("detailTxHash"));
    QCOMPARE(textOf(find(QStringLiteral("hashText"), txHashLabel)), txHash);
    QVERIFY(find(QStringLiteral("copyButton"), txHashLabel));
    QTRY_VERIFY_WITH_TIMEOUT(textOf(waitFor(QStringLiteral("detailBlock"))).startsWith(QLatin1Char('#')), kLong);
    QTRY_VERIFY_WITH_TIMEOUT(textOf(waitFor(QStringLiteral("detailFee"))).endsWith(QStringLiteral(" ETH")), kLong);
    QTest::keyClick(m_window, Qt::Key_Escape);
    click(QStringLiteral("filter_kind_all"));
}

void GuiE2E::fraudShown() {
    startDevnet({QStringLiteral("--challenge-period"), QStringLiteral("300"), QStringLiteral("--fault"),
                 QStringLiteral("wrong-root@1")});
    loadApp();
    connectThroughSettings();
    // Two deposits give the proposer two batches to post; it lies about the second one's root.
    openPage(QStringLiteral("bridge"));
    typeInto(QStringLiteral("bridgeAmountInput"), QStringLiteral("1"));
    click(QStringLiteral("bridgeSubmitButton"));
    approveReview(QStringLiteral("1"));
    QTRY_COMPARE_WITH_TIMEOUT(rowStatus(QStringLiteral("deposit")), QStringLiteral("credited"), kLong);
    openPage(QStringLiteral("batches"));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("batch_0")) != nullptr, kLong);
    openPage(QStringLiteral("bridge"));
    typeInto(QStringLiteral("bridgeAmountInput"), QStringLiteral("0.25"));
    click(QStringLiteral("bridgeSubmitButton"));
    approveReview(QStringLiteral("0.25"));

    // The wallet's own verifier re-executes the batches from L1 data and flags batch 1.
    openPage(QStringLiteral("batches"));
    QQuickItem* banner = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((banner = find(QStringLiteral("fraudBanner"))) != nullptr, kLong);
    QCOMPARE(textOf(find(QStringLiteral("fraudTitle"), banner)), QStringLiteral("Fraud found in batch #1"));
    // The card says until when the proof must land, who pays and what it costs (estimated on L1).
    QTRY_VERIFY_WITH_TIMEOUT(textOf(find(QStringLiteral("fraudDeadline"), banner))
                                 .startsWith(QStringLiteral("The proof must land on L1 before ")),
                             kLong);
    QTRY_VERIFY_WITH_TIMEOUT(
        textOf(find(QStringLiteral("proofPayer"), banner)).contains(QStringLiteral(" gas, at most ")), kLong);
    QVERIFY(textOf(find(QStringLiteral("proofPayer"), banner)).startsWith(QStringLiteral("Paid by Account 1 (0x")));
    QVERIFY(AppContext::instance()->verification()->fraudDetected());
    // The overview says so too.
    openPage(QStringLiteral("overview"));
    QTRY_VERIFY(!AppContext::instance()->verification()->fundsVerified());
    // ---- the user proves it on L1 ----
    openPage(QStringLiteral("batches"));
    banner = waitFor(QStringLiteral("fraudBanner"));
    click(find(QStringLiteral("submitFraudProofButton"), banner));
    QTRY_VERIFY_WITH_TIMEOUT(
        find(QStringLiteral("proofSent")) != nullptr ||
            !textOf(find(QStringLiteral("errorText"), find(QStringLiteral("proofError")))).isEmpty(),
        kLong);
    QVERIFY2(find(QStringLiteral("proofSent")),
             qPrintable(textOf(find(QStringLiteral("errorText"), find(QStringLiteral("proofError"))))));
    // The batch row shows the revert.
    QTRY_VERIFY_WITH_TIMEOUT(
        [this] {
            QQuickItem* list = find(QStringLiteral("batchList"));
            if (!list) return false;
            std::function<bool(QQuickItem*)> walk = [&](QQuickItem* item) {
                if (item->objectName().startsWith(QLatin1String("batch_")) &&
                    BatchesModel::Status(item->property("status").toInt()) == BatchesModel::Status::Reverted &&
                    item->property("key").toString().startsWith(QLatin1String("1:")))
                    return true;
                for (QQuickItem* child : item->childItems())
                    if (walk(child)) return true;
                return false;
            };
            return walk(list);
        }(),
        kLong);
}

// Payment channels through the Channels page on a devnet (dispute period 8 s): account 3 opens a
// channel with the hub's side, pays the hub, makes an invoice that another wallet (sluice-cli
// with its own key and store) pays through the hub, and closes cooperatively: every balance on the
// page exact, and the L1 payout exactly the channel's side minus the close's gas.
Address GuiE2E::openChannelsPageAs(int index) {
    // The local network, as the bundled stack gives it: its manifest names the Channels contract,
    // the hub and the watchtower (custom endpoints name none, so they have no channels).
    SessionOptions local;
    local.devnetDir = m_dir->filePath(QStringLiteral("devnet"));
    WalletSession::configure(local);
    loadApp();
    auto* session = WalletSession::instance();
    [&] { QTRY_VERIFY2_WITH_TIMEOUT(session->isReady(), qPrintable(session->problem()), kLong); }();
    openPage(QStringLiteral("channels"));
    waitFor(QStringLiteral("noChannels"));
    // The hub's terms come from the hub (and its contract): the subtitle names the dispute period.
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!AppContext::instance()->channels()->hubAddress().isEmpty(), kLong); }();

    const QString option = QStringLiteral("accountOption_%1").arg(index);
    click(QStringLiteral("channelsAccountBox"));
    waitFor(option);
    QTest::qWait(500);  // the list's opening transition: a click before it ends lands beside it
    click(option);
    [&] { QTRY_VERIFY(!find(option)); }();  // the list has closed
    QPointer<QQuickItem> box = find(QStringLiteral("channelsAccountBox"));
    [&] {
        QVERIFY2(box, qPrintable(QStringLiteral("the channels page went away: session '%1', channels '%2'")
                                     .arg(WalletSession::instance()->statusText(),
                                          AppContext::instance()->channels()->unavailable())));
        QTRY_COMPARE(box->property("displayText").toString(),
                     AppContext::instance()->store()->accounts().at(index).name);
    }();
    return *parse_address(AppContext::instance()->store()->accounts().at(index).address.toStdString());
}

U256 GuiE2E::l1Balance(const Address& account) {
    std::optional<U256> out;
    QObject context;
    WalletSession::instance()->l1()->balance(
        account, &context, [&](RpcResult<U256> b) { out = b.ok() ? std::optional(b.value()) : std::nullopt; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), kLong); }();
    return out.value_or(0);
}

void GuiE2E::openChannel(const QString& mine, const QString& theirs) {
    typeInto(QStringLiteral("channelAmountInput"), mine);
    typeInto(QStringLiteral("channelHubAmountInput"), theirs);
    click(QStringLiteral("channelOpenButton"));
    approveReview(mine, QStringLiteral("no gas"));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("channel_0")) != nullptr, kLong);
    QQuickItem* row = find(QStringLiteral("channel_0"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(find(QStringLiteral("channelMine"), row)), mine + QStringLiteral(" ETH"), kLong);
    // The row appears once the hub has taken the channel; its side follows with the funding state.
    QTRY_COMPARE_WITH_TIMEOUT(textOf(find(QStringLiteral("channelTheirs"), row)), theirs + QStringLiteral(" ETH"),
                              kLong);
    QCOMPARE(textOf(find(QStringLiteral("channelStatus"), row)), QStringLiteral("Open"));
}

void GuiE2E::channelsFlow() {
    startDevnet({QStringLiteral("--dispute-period"), QStringLiteral("8")});
    const Address me = openChannelsPageAs(2);  // account 3
    if (QTest::currentTestFailed()) return;

    // ---- open: 1 ETH, the hub 0.5 ETH (an amount finer than a wei is refused first) ----
    typeInto(QStringLiteral("channelAmountInput"), QStringLiteral("1.0000000000000000001"));
    QVERIFY(!textOf(waitFor(QStringLiteral("channelAmountMessage"))).isEmpty());
    QCOMPARE(propertyOf(waitFor(QStringLiteral("channelOpenButton")), "enabled"), QVariant(false));
    openChannel(QStringLiteral("1"), QStringLiteral("0.5"));
    if (QTest::currentTestFailed()) return;

    // ---- pay the hub 0.1 ETH: the row moves at once ----
    typeInto(QStringLiteral("channelPayAmountInput"), QStringLiteral("0.1"));
    click(QStringLiteral("channelPayButton"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(find(QStringLiteral("channelMine"), find(QStringLiteral("channel_0")))),
                              QStringLiteral("0.9 ETH"), kLong);
    QCOMPARE(textOf(find(QStringLiteral("channelTheirs"), find(QStringLiteral("channel_0")))),
             QStringLiteral("0.6 ETH"));
    // The devnet's watchtower was handed that state, and the row says so.
    QTRY_VERIFY_WITH_TIMEOUT(textOf(find(QStringLiteral("channelWatchtower"), find(QStringLiteral("channel_0"))))
                                 .startsWith(QStringLiteral("Watched: the watchtower holds the newest state")),
                             kLong);

    // ---- receive 0.05 ETH by invoice, paid by another wallet through the hub ----
    const QString devnet = m_dir->filePath(QStringLiteral("devnet"));
    const QString keyFile = m_dir->filePath(QStringLiteral("payer.key"));
    {
        QFile key(keyFile);
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6\n");  // anvil's account 3
        key.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    const QStringList payer{QStringLiteral("--private-key-file"),
                            keyFile,
                            QStringLiteral("--state-dir"),
                            m_dir->filePath(QStringLiteral("payer")),
                            QStringLiteral("--data-dir"),
                            devnet,
                            QStringLiteral("--network"),
                            QStringLiteral("local"),
                            QStringLiteral("--yes")};
    QVERIFY(cli(QStringList{QStringLiteral("channel"), QStringLiteral("open"), QStringLiteral("--amount"),
                            QStringLiteral("1")} +
                payer)
                .startsWith(QStringLiteral("0x")));
    typeInto(QStringLiteral("receiveAmountInput"), QStringLiteral("0.05"));
    click(QStringLiteral("createInvoiceButton"));
    const QString invoice = textOf(waitFor(QStringLiteral("createdInvoice")));
    QVERIFY2(invoice.startsWith(QStringLiteral("sluice1")), qPrintable(invoice));
    QCOMPARE(propertyOf(waitFor(QStringLiteral("invoiceQr")), "status").toInt(), 1);  // Image.Ready: the QR drawn
    QVERIFY(!cli(QStringList{QStringLiteral("channel"), QStringLiteral("pay"), QStringLiteral("--invoice"), invoice} +
                 payer)
                 .isNull());
    QTRY_COMPARE_WITH_TIMEOUT(textOf(waitFor(QStringLiteral("receiveStatus"))),
                              QStringLiteral("Paid: 0.05 ETH received."), kLong);
    QTRY_COMPARE_WITH_TIMEOUT(textOf(find(QStringLiteral("channelMine"), find(QStringLiteral("channel_0")))),
                              QStringLiteral("0.95 ETH"), kLong);

    // ---- cooperative close: exactly 0.95 ETH to L1, minus the close's gas ----
    const U256 before = l1Balance(me);
    click(find(QStringLiteral("channelCloseButton"), find(QStringLiteral("channel_0"))));
    approveReview(QStringLiteral("0.95"), QStringLiteral("0.95"));
    QTRY_COMPARE_WITH_TIMEOUT(textOf(find(QStringLiteral("channelStatus"), find(QStringLiteral("channel_0")))),
                              QStringLiteral("Settled"), kLong);
    const QString closeTx = textOf(waitFor(QStringLiteral("channelsMessage")));
    QCOMPARE(closeTx, QStringLiteral("Channel closed; your side is paid on L1."));
    // The close is the account's only L1 transaction since `before`: its receipt is the newest one.
    const U256 after = l1Balance(me);
    QVERIFY(after > before);
    QVERIFY(before + parse_amount("0.95").value() - after < parse_amount("0.001").value());  // gas only

    // ---- the same history: open, payments, payout ----
    openPage(QStringLiteral("activity"));
    click(QStringLiteral("filter_kind_channel"));
    QQuickItem* list = waitFor(QStringLiteral("activityList"));
    QVERIFY(list);
    QTRY_COMPARE_WITH_TIMEOUT(list->property("count").toInt(), 4, kLong);  // opened, paid, received, paid out
    click(QStringLiteral("filter_kind_all"));
}

// The hub closes with an older state (--fault stale-close) once the wallet is quiet. No watchtower
// runs, so the wallet alone guards the channel. Through the real page: the row turns "Closing,
// disputable" with the dispute's end and a countdown, the wallet disputes with the newest state,
// Settle stays disabled until the dispute period ends and is enabled then, and clicking it pays the
// newest state's side on L1 (0.5 ETH), not the stale state's (1 ETH).
void GuiE2E::staleCloseDisputed() {
    startDevnet({QStringLiteral("--dispute-period"), QStringLiteral("10"), QStringLiteral("--fault"),
                 QStringLiteral("stale-close"), QStringLiteral("--no-watchtower")});
    const Address me = openChannelsPageAs(1);
    if (QTest::currentTestFailed()) return;
    openChannel(QStringLiteral("1"), QStringLiteral("1"));
    if (QTest::currentTestFailed()) return;
    for (const auto& [amount, left] : {std::pair{"0.3", "0.7 ETH"}, std::pair{"0.2", "0.5 ETH"}}) {
        typeInto(QStringLiteral("channelPayAmountInput"), QString::fromLatin1(amount));
        click(QStringLiteral("channelPayButton"));
        QTRY_COMPARE_WITH_TIMEOUT(textOf(find(QStringLiteral("channelMine"), find(QStringLiteral("channel_0")))),
                                  QString::fromLatin1(left), kLong);
    }
    const QString id = propertyOf(find(QStringLiteral("channel_0")), "channelId").toString();
    QVERIFY(!id.isEmpty());
    auto* store = AppContext::instance()->channels();
    // Rows and their buttons are looked up afresh each time: a button is shown only in the states
    // where it applies (Settle while closing), so a held pointer or a null one would crash.
    const auto inRow = [&](const QString& name) -> QQuickItem* {
        QQuickItem* r = find(QStringLiteral("channel_0"));
        return r ? find(name, r) : nullptr;
    };
    const auto status = [&] { return textOf(inRow(QStringLiteral("channelStatus"))); };
    const auto settleEnabled = [&] {
        QQuickItem* settle = inRow(QStringLiteral("channelSettleButton"));
        return settle && settle->isEnabled();
    };

    // Quiet (no polling: the hub's pushed announcement of its close is what the wallet reacts to).
    store->setSyncInterval(std::chrono::hours(1));
    QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("Closing, disputable"), kLong);
    QVERIFY(textOf(inRow(QStringLiteral("channelDispute")))
                .startsWith(QStringLiteral("Closing: either side can dispute with a newer state until ")));
    QVERIFY(!inRow(QStringLiteral("channelPayButton")));  // find() sees visible items only
    QVERIFY(inRow(QStringLiteral("channelSettleButton")) && !settleEnabled());
    store->setSyncInterval(std::chrono::milliseconds(1000));
    // The wallet disputes with the newest state, signed after the user's review like every L1
    // transaction of the wallet (the tray has announced the close).
    approveReview(QStringLiteral("0"), QStringLiteral("Puts your newest state on chain"));
    // Disputed: the close now holds the newest state (nonce 3: the hub's deposit and two payments).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            auto c = store->channel(*channels::ChannelId::from_hex(id.toStdString()));
            return c && c->onChain.closingNonce == 3;
        }(),
        kLong);
    // What the account holds on L1 after its dispute, before anyone can settle.
    const U256 before = l1Balance(me);

    // Settle is enabled exactly when the period has ended, and the row says so. The hub, which
    // closed the channel, settles as soon as it can too: the button (shown only while the channel is
    // closing) may be gone before it is seen enabled, and the account is paid the newest state's
    // side either way.
    QTRY_VERIFY_WITH_TIMEOUT(settleEnabled() || status() == QStringLiteral("Settled"), kLong);
    if (settleEnabled()) {
        QCOMPARE(status(), QStringLiteral("Ready to settle"));
        QVERIFY(
            textOf(inRow(QStringLiteral("channelDispute"))).startsWith(QStringLiteral("The dispute period ended at ")));
        click(inRow(QStringLiteral("channelSettleButton")));
        // If the hub's settle lands first, the page says the payouts were made (or the button is
        // gone before the click reached it).
        QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("reviewApproveButton")) ||
                                     !textOf(find(QStringLiteral("channelsError"))).isEmpty() ||
                                     status() == QStringLiteral("Settled"),
                                 kLong);
        if (find(QStringLiteral("reviewApproveButton"))) {
            approveReview(QStringLiteral("0.5"), QStringLiteral("Pays out the channel"));
            QTRY_VERIFY_WITH_TIMEOUT(!textOf(find(QStringLiteral("channelsMessage"))).isEmpty() ||
                                         !textOf(find(QStringLiteral("channelsError"))).isEmpty(),
                                     kLong);
        }
        const QString error = textOf(find(QStringLiteral("channelsError")));
        if (error.isEmpty() && find(QStringLiteral("channelsMessage")))
            QCOMPARE(textOf(find(QStringLiteral("channelsMessage"))),
                     QStringLiteral("Settled; your side is paid on L1."));
        else
            QVERIFY2(error.isEmpty() || error.contains(QStringLiteral("already settled")), qPrintable(error));
    } else {
        qInfo("the hub settled before the page showed Settle enabled");
    }
    QTRY_COMPARE_WITH_TIMEOUT(status(), QStringLiteral("Settled"), kLong);
    const U256 after = l1Balance(me);
    QVERIFY(after > before);
    // 0.5 ETH (the newest state), not the stale state's 1 ETH; less only the settle's gas if ours.
    QVERIFY(before + parse_amount("0.5").value() - after < parse_amount("0.001").value());
    QVERIFY(after <= before + parse_amount("0.5").value());
}

QTEST_MAIN(GuiE2E)

#include "tst_gui_e2e.moc"
