// SPDX-License-Identifier: MIT
#include "desktop/systemlockwatcher.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace {
const QString kLogin1 = QStringLiteral("org.freedesktop.login1");
}

SystemLockWatcher::SystemLockWatcher(const QDBusConnection& systemBus, const QDBusConnection& sessionBus,
                                     QObject* parent)
    : QObject(parent), m_system(systemBus) {
    if (systemBus.isConnected()) {
        // Empty service: match the signal whoever sends it (a test bus has no logind name).
        if (m_system.connect(QString(), QStringLiteral("/org/freedesktop/login1"),
                             QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"), this,
                             SLOT(onPrepareForSleep(bool))))
            ++m_subscriptions;
        // Any path: the Lock of this process's session is picked out in the slot once it is known.
        if (m_system.connect(QString(), QString(), QStringLiteral("org.freedesktop.login1.Session"),
                             QStringLiteral("Lock"), this, SLOT(onSessionLock(QDBusMessage))))
            ++m_subscriptions;
        QDBusMessage ask = QDBusMessage::createMethodCall(kLogin1, QStringLiteral("/org/freedesktop/login1"),
                                                          QStringLiteral("org.freedesktop.login1.Manager"),
                                                          QStringLiteral("GetSessionByPID"));
        ask << quint32(QCoreApplication::applicationPid());
        auto* watcher = new QDBusPendingCallWatcher(m_system.asyncCall(ask), this);
        connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* call) {
            QDBusPendingReply<QDBusObjectPath> reply = *call;
            if (reply.isValid()) m_sessionPath = reply.value().path();
            call->deleteLater();
        });
    }
    if (sessionBus.isConnected()) {
        QDBusConnection session = sessionBus;
        if (session.connect(QString(), QString(), QStringLiteral("org.freedesktop.ScreenSaver"),
                            QStringLiteral("ActiveChanged"), this, SLOT(onScreenSaverActiveChanged(bool))))
            ++m_subscriptions;
    }
    if (m_subscriptions == 0) qInfo("no D-Bus: the wallet locks after inactivity only, not on suspend or screen lock");
}

void SystemLockWatcher::onPrepareForSleep(bool start) {
    if (start) emit lockRequested(Reason::Suspend);
}

void SystemLockWatcher::onSessionLock(const QDBusMessage& message) {
    if (!m_sessionPath.isEmpty() && message.path() != m_sessionPath) return;  // another user's session
    emit lockRequested(Reason::SessionLock);
}

void SystemLockWatcher::onScreenSaverActiveChanged(bool active) {
    if (active) emit lockRequested(Reason::ScreenSaver);
}
