// SPDX-License-Identifier: MIT
// GUI benchmark (reported, never asserted; the start-up figures come from the shipped binary itself,
// see bench/gui-bench startup):
//   bench_gui activity [N]             N activity entries (default 10,000) in the real ActivityPage,
//                                      scrolled top to bottom programmatically one step per frame;
//                                      frame intervals p50/p95/p99/max and the time to fill the model
// Run under xvfb-run for the OpenGL path the app really uses, or QT_QPA_PLATFORM=offscreen.

#include <QtQml/qqmlextensionplugin.h>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

#include "activity/activitymodel.h"
#include "appcontext.h"
#include "walletsession.h"

Q_IMPORT_QML_PLUGIN(SluicePlugin)

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const size_t i = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[i];
}

QQuickItem* findItem(QQuickItem* item, const QString& name) {
    if (!item) return nullptr;
    if (item->objectName() == name) return item;
    for (QQuickItem* child : item->childItems())
        if (QQuickItem* found = findItem(child, name)) return found;
    return nullptr;
}

int activity(QGuiApplication& app, int count) {
    QTemporaryDir temp;
    AppOptions options;
    options.dataDir = temp.path();
    options.language = QStringLiteral("en");
    options.l1RpcUrl = QStringLiteral("http://127.0.0.1:9");
    AppContext::configure(options);
    WalletSession::configure(SessionOptions{});
    QQuickStyle::setStyle(QStringLiteral("Material"));
    QQmlEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&engine);
    component.setData(
        "import QtQuick\nimport QtQuick.Controls\nimport Sluice\n"
        "ApplicationWindow { width: 1100; height: 760; visible: true;"
        " color: Theme.background; ActivityPage { anchors.fill: parent } }",
        QUrl());
    std::unique_ptr<QObject> root(component.create());
    if (!root) {
        std::fprintf(stderr, "%s\n", qPrintable(component.errorString()));
        return 1;
    }
    auto* window = qobject_cast<QQuickWindow*>(root.get());
    QQuickItem* list = findItem(window->contentItem(), QStringLiteral("activityList"));
    auto* model = list ? qobject_cast<ActivityModel*>(list->property("model").value<QObject*>()) : nullptr;
    if (!model) {
        std::fprintf(stderr, "bench_gui: activityList or its ActivityModel not found\n");
        return 1;
    }
    model->setJournal(nullptr);  // fed directly below

    QList<ActivityModel::Entry> entries;
    entries.reserve(count);
    const qint64 base = 1795000000;
    for (int i = 0; i < count; ++i) {
        ActivityModel::Entry e;
        e.layer = i % 3 == 0 ? QStringLiteral("l1") : QStringLiteral("l2");
        static const char* kinds[] = {"send", "receive", "deposit", "withdrawal", "finalization"};
        e.kind = QString::fromLatin1(kinds[i % 5]);
        e.txHash = QStringLiteral("0x%1").arg(QString::number(i, 16), 64, QLatin1Char('0'));
        e.timestamp = base + i * 7;
        e.account = QStringLiteral("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        e.counterparty = QStringLiteral("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        e.amount = QStringLiteral("0.%1").arg(i % 1000 + 1);
        e.incoming = e.kind == QLatin1String("receive") || e.kind == QLatin1String("deposit");
        e.status = QStringLiteral("confirmed");
        entries.append(e);
    }
    QElapsedTimer fill;
    fill.start();
    // In chunks of 100, as live updates would arrive, not one reset.
    for (int i = 0; i < count; i += 100) model->addEntries(entries.mid(i, 100));
    const double fillMs = fill.nsecsElapsed() / 1e6;

    std::vector<double> frames;
    QElapsedTimer clock;
    bool started = false;
    const double step = 240;  // px per frame: about four rows
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (!started) {
            started = true;
            clock.start();
        } else {
            frames.push_back(clock.nsecsElapsed() / 1e6);
            clock.restart();
        }
        const double maxY = list->property("contentHeight").toDouble() - list->height();
        const double y = list->property("contentY").toDouble();
        if (y >= maxY - 1) {
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
            return;
        }
        list->setProperty("contentY", std::min(maxY, y + step));
        window->update();
    });
    window->update();
    app.exec();
    double total = 0;
    for (double f : frames) total += f;
    std::printf("activity: %d entries (model filled in %.1f ms, %d rows shown), scrolled in %zu frames, %.0f ms\n",
                count, fillMs, model->rowCount(), frames.size(), total);
    std::printf("frame ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (mean %.2f, %.0f fps)\n", percentile(frames, 0.5),
                percentile(frames, 0.95), percentile(frames, 0.99),
                frames.empty() ? 0.0 : *std::max_element(frames.begin(), frames.end()),
                frames.empty() ? 0.0 : total / double(frames.size()),
                total > 0 ? 1000.0 * double(frames.size()) / total : 0.0);
    root.reset();
    delete WalletSession::existing();
    AppContext::shutdown();
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1String("activity")) return activity(app, args.size() > 2 ? args.value(2).toInt() : 10000);
    std::fprintf(stderr, "usage: bench_gui activity [N]\n");
    return 2;
}
