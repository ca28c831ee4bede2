// SPDX-License-Identifier: MIT
#include "startuptrace.h"

#include <QFile>
#include <QLoggingCategory>
#include <QQuickWindow>

#include <unistd.h>

#include "services/localstack/local_stack.hpp"

Q_LOGGING_CATEGORY(lcStartup, "sluice.startup", QtWarningMsg)

namespace sluice {

namespace {

// Milliseconds since the kernel started this process: its start time (field 22 of /proc/self/stat,
// in clock ticks since boot) against the time since boot (/proc/uptime).
double msSinceProcessStart() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly)) return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name "(...)" start with field 3 (state); starttime is field 22.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double startTicks = fields.value(19).toDouble();
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    return (up - startTicks / double(::sysconf(_SC_CLK_TCK))) * 1000.0;
}

}  // namespace

void traceStartup(QQuickWindow* window, LocalStack* stack) {
    if (!lcStartup().isInfoEnabled()) return;
    if (window)
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [] { qCInfo(lcStartup, "first frame %.0f ms after process start", msSinceProcessStart()); },
            Qt::SingleShotConnection);
    if (stack) {
        auto reportRunning = [stack] {
            if (stack->state() != LocalStack::State::Running) return false;
            qCInfo(lcStartup, "local stack up %.0f ms after process start", msSinceProcessStart());
            return true;
        };
        if (!reportRunning()) {
            auto* connection = new QMetaObject::Connection;
            *connection = QObject::connect(stack, &LocalStack::stateChanged, stack, [reportRunning, connection] {
                if (!reportRunning()) return;
                QObject::disconnect(*connection);
                delete connection;
            });
        }
    }
}

}  // namespace sluice
